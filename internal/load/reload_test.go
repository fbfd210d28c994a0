package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestReloadIsALoad changes a register step by step and reloads it after
// each step: every reload has the records, findings and checklist findings
// a fresh load has, and a record whose file did not change is the record of
// the reload before (it was not read again), while the changed ones are new.
func TestReloadIsALoad(t *testing.T) {
	root, v := generated(t, 60, 11)
	files, err := testgen.RecordFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string {
		r, _ := filepath.Rel(root, p)
		return filepath.ToSlash(r)
	}
	first, second := files[0], files[len(files)-1]
	setTime := func(p string) {
		// A second later than any earlier look: a coarse clock must not
		// hide the change.
		later := time.Now().Add(time.Duration(len(p)) * time.Second)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(p, from, to string) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), from) {
			t.Fatalf("%s has no %q", p, from)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), from, to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		setTime(p)
	}
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		name   string
		change func()
		day    time.Time
		// fresh are the files whose records must be read again; nil with
		// all: every one; with stale, those whose checklist outcome does
		// not hold on the day too.
		fresh      []string
		all, stale bool
		// next: the day is the first after the step before's on which
		// an outcome kept no longer holds.
		next bool
	}{
		{name: "first load", change: func() {}, day: day, all: true},
		{name: "nothing changed", change: func() {}, day: day},
		{name: "a summary changed", change: func() { replace(first, "\nsummary: ", "\nsummary: Gewijzigd. ") }, day: day, fresh: []string{rel(first)}},
		{name: "touched, same content", change: func() { setTime(second) }, day: day, fresh: []string{rel(second)}},
		{name: "a record removed", change: func() {
			if err := os.Remove(second); err != nil {
				t.Fatal(err)
			}
		}, day: day},
		{name: "a file that does not read", change: func() {
			if err := os.WriteFile(second, []byte("id: x\n  name: [\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, day: day},
		{name: "an id taken twice", change: func() {
			data, err := os.ReadFile(first)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(second, data, 0o644); err != nil {
				t.Fatal(err)
			}
			setTime(second)
		}, day: day, fresh: []string{rel(second)}},
		{name: "the day an outcome ends", change: func() {}, next: true, stale: true},
		{name: "another year", change: func() {}, day: day.AddDate(0, 0, 400), stale: true},
		{name: "the configuration changed", change: func() {
			replace(filepath.Join(root, "register.yaml"), "organisation: Gemeente Voorbeeldstad", "organisation: Gemeente Elders")
		}, day: day.AddDate(0, 0, 400), all: true},
	}
	l := NewReloader(root)
	var before map[string]*record.Record
	for i, s := range steps {
		s.change()
		if s.next {
			s.day = firstEnd(l.kept, func(k *keptFile) principle.Outcome { return k.res.outcome }, steps[i-1].day)
			steps[i].day = s.day
		}
		if s.stale {
			n := 0
			for f, k := range l.kept {
				if !k.res.outcome.Holds.Holds(s.day) {
					s.fresh = append(s.fresh, f)
					n++
				}
			}
			if n == 0 || n == len(l.kept) {
				t.Fatalf("%s: %d of %d outcomes do not hold: the step proves nothing", s.name, n, len(l.kept))
			}
		}
		check := principle.Options{Today: s.day}
		want, err := Register(root, Options{Validator: v, Check: &check})
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.Load(Options{Validator: v, Check: &check})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Register.Records, want.Register.Records) {
			t.Errorf("%s: the records differ from a fresh load", s.name)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) || !reflect.DeepEqual(got.Checked.Slice(0), want.Checked.Slice(0)) {
			t.Errorf("%s: the findings differ from a fresh load", s.name)
		}
		if !reflect.DeepEqual(got.Files, want.Files) {
			t.Errorf("%s: files %v, want %v", s.name, got.Files, want.Files)
		}
		// What is kept is the results of the files listed, no more.
		if len(l.kept) != len(got.Files) {
			t.Errorf("%s: %d results kept for %d files", s.name, len(l.kept), len(got.Files))
		}
		for _, f := range got.Files {
			if l.kept[f] == nil {
				t.Errorf("%s: %s has no result kept", s.name, f)
			}
		}
		now := map[string]*record.Record{}
		for _, r := range got.Register.Records {
			now[r.File] = r
			old, ok := before[r.File]
			reread := !ok || old != r
			if want := s.all || !ok || strings.Contains(strings.Join(s.fresh, "\n"), r.File); reread != want {
				t.Errorf("%s: %s read again: %v, want %v", s.name, r.File, reread, want)
			}
		}
		before = now
	}
}
