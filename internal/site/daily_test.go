package site

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestDailyBuildsAreCold: a site updated day after day over a year, while
// the register stays as it is, is on each day byte for byte the site a
// build into an empty folder writes on that day, as register build and as
// serve update it. Evaluations fall due and lapse, reviews wait a day
// longer, records stop being new and findings follow the day: a page kept
// on a key that lacks what the day changed would differ. And a day makes
// again only the files it changed: the day is not in every file's key.
func TestDailyBuildsAreCold(t *testing.T) {
	root := filepath.Join(t.TempDir(), "register")
	if err := testgen.Write(root, 100, 7); err != nil {
		t.Fatal(err)
	}
	reg := loadFixture(t, root)
	// Records added over the year before the first day, so that the home
	// page's new records change as the days go by.
	first := time.Date(2026, 10, 20, 9, 0, 0, 0, time.UTC)
	history := map[string]History{}
	for i, r := range reg.Records {
		added := first.AddDate(0, 0, -(i*11)%400)
		history[r.File] = History{Added: added.Format(time.DateOnly), Changes: []Change{{Date: added.Format(time.DateOnly), Subject: "Toegevoegd", Added: true}}}
	}
	out := filepath.Join(t.TempDir(), "public")
	served, memo := filepath.Join(t.TempDir(), "served"), &Memo{}
	var kept *register.Register
	day := first
	update := func() Stats {
		lock, err := Lock(out, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer lock.Release()
		_, st := build(t, loadFixture(t, root), Options{Out: out, Lock: lock, Now: day, History: history, Check: overdueOn(day)})
		return st
	}
	// What a build makes again on the same day: the files that have no
	// key and are compared instead.
	update()
	always := update()
	always.Files -= always.Skipped
	var before []string
	for i, step := range []int{0, 1, 1, 2, 5, 13, 34, 89, 233} {
		day = day.AddDate(0, 0, step)
		name := day.Format(time.DateOnly)
		st := update()
		kept = reloadFixture(t, root, kept)
		build(t, kept, Options{Out: served, Memo: memo, Now: day, History: history, Check: overdueOn(day)})
		cold, _ := build(t, loadFixture(t, root), Options{Now: day, History: history, Check: overdueOn(day)})
		sameTree(t, name, out, cold)
		sameTree(t, name+", as serve builds", served, cold)
		// Files the day did not change are neither made nor written again.
		now := tree(t, cold)
		changed := len(now) - len(intersect(now, before))
		if made := st.Files - st.Skipped; i > 0 && (made > changed+always.Files || st.Written > changed) {
			t.Errorf("%s: made %d and wrote %d of %d files, where %d changed (and %d are made every build)", name, made, st.Written, st.Files, changed, always.Files)
		}
		before = now
	}
}

// overdueOn is a checklist that follows the day, as the real one does: a
// finding for each record whose evaluation is overdue on day, saying by
// how many days.
func overdueOn(day time.Time) func(*register.Register, func(*finding.Finding)) {
	return checkWith(func(reg *register.Register) []finding.Finding {
		var fs []finding.Finding
		for _, r := range reg.Records {
			due, _, ok := lifecycle.NextEvaluation(r, reg.Config, day)
			if !ok || !due.Before(day) {
				continue
			}
			days := int(day.Sub(due).Hours() / 24)
			fs = append(fs, finding.Finding{File: r.File, Record: r.ID, Rule: "evaluation", Principle: "VNG 7",
				Severity: finding.Warning, Message: label.Text{fmt.Sprintf("%d dagen te laat", days), fmt.Sprintf("%d days overdue", days)}})
		}
		return fs
	})
}

// intersect returns the lines of a that b holds too.
func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
