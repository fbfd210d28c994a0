package site

import (
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// copyFixture copies the test register to a folder the test may change.
func copyFixture(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "register")
	if err := os.CopyFS(root, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	return root
}

func edit(t *testing.T, p, from, to string) {
	t.Helper()
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
}

// TestIncrementalBuildIsACold: a site updated build after build, as the
// register changes, is byte for byte the site a build into an empty folder
// writes, without a file too many; and a change writes only the files it
// touches. It holds for serve's builds, which keep what they can between
// builds (a Memo), and for register build's, each a new process holding
// the folder's lock, which reads the folders it updates ahead.
func TestIncrementalBuildIsACold(t *testing.T) {
	t.Run("as serve builds", func(t *testing.T) {
		// The same Memo throughout, and each register built twice, the
		// second time from what the Memo kept of its records.
		memo := &Memo{}
		incrementalIsCold(t, func(reg *register.Register, out string) Stats {
			_, st := build(t, reg, Options{Out: out, Memo: memo})
			return st
		})
	})
	t.Run("as register build builds", func(t *testing.T) {
		incrementalIsCold(t, func(reg *register.Register, out string) Stats {
			lock, err := Lock(out, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.Release()
			_, st := build(t, reg, Options{Out: out, Lock: lock})
			return st
		})
	})
}

// incrementalIsCold updates the site of a register step by step as it
// changes, twice at each step, and compares it with a cold build's.
func incrementalIsCold(t *testing.T, update func(reg *register.Register, out string) Stats) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	steps := []struct {
		name   string
		change func()
		// most is the largest number of files the update may write.
		most int
		// seen says readers see files change: the first update counts
		// some changed (Stats.Changed), the second none.
		seen bool
	}{
		{"first build", func() {}, 1 << 20, true},
		{"nothing changed", func() {}, 0, false},
		{"a summary changed", func() {
			edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet fijnstof en ozon")
		}, 12, true},
		{"the same again", func() {}, 12, false},
		{"the summary as it was", func() {
			// The working copy holds the version before the edit
			// already: readers still see the change undone.
			edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof en ozon", "Meet fijnstof")
		}, 12, true},
		{"a file left in the working copy", func() {
			// As an interrupted build or a hand may leave one: the
			// update removes it, whoever read the working copy.
			work, err := outdir.Previous(out)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, "sensoren", "achtergelaten.html"), []byte("<p>oud</p>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 12, false},
		{"a record removed", func() {
			if err := os.Remove(filepath.Join(root, "sensors", "lucht-dak.yaml")); err != nil {
				t.Fatal(err)
			}
		}, 1 << 20, true},
		{"a record added back with a new area", func() {
			data, err := os.ReadFile(filepath.Join(fixture, "sensors", "lucht-dak.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(data), "area: Centrum", "area: Haven", 1)
			if err := os.WriteFile(filepath.Join(root, "sensors", "lucht-dak.yaml"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 1 << 20, true},
	}
	// Each register is built twice: the second build must write what a
	// change writes, no more (12). Both versions are then a cold build's:
	// the site and the one before it, which the first build wrote.
	for _, s := range steps {
		s.change()
		reg := loadFixture(t, root)
		first := update(reg, out)
		st := update(reg, out)
		if (first.Changed > 0) != s.seen || st.Changed != 0 {
			t.Errorf("%s: readers see %d files change, then %d; want some: %v, then none", s.name, first.Changed, st.Changed, s.seen)
		}
		cold, _ := build(t, loadFixture(t, root), Options{})
		sameTree(t, s.name, out, cold)
		before, err := outdir.Previous(out)
		if err != nil {
			t.Fatal(err)
		}
		sameTree(t, s.name+", the version before", before, cold)
		if st.Written > s.most {
			t.Errorf("%s: wrote %d of %d files, want at most %d", s.name, st.Written, st.Files, s.most)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sensoren", "lucht-dak.html")); err != nil {
		t.Errorf("the record added back has no page: %v", err)
	}
}

// TestChangedIsWhatReadersSee: a build counts the files readers will see
// change against the site they see, not against the older version it
// updates: an edit undone is a change, though that version holds it.
func TestChangedIsWhatReadersSee(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	file := filepath.Join(root, "sensors", "lucht-dak.yaml")
	steps := []struct {
		name   string
		change func()
		seen   bool
	}{
		{"first build", func() {}, true},
		{"nothing changed", func() {}, false},
		{"a summary changed", func() { edit(t, file, "Meet fijnstof", "Meet fijnstof en ozon") }, true},
		{"the summary as it was", func() { edit(t, file, "Meet fijnstof en ozon", "Meet fijnstof") }, true},
		{"nothing changed again", func() {}, false},
		{"a record removed", func() {
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	for _, s := range steps {
		s.change()
		_, st := build(t, loadFixture(t, root), Options{Out: out})
		if (st.Changed > 0) != s.seen {
			t.Errorf("%s: readers see %d of %d files change, want some: %v", s.name, st.Changed, st.Files, s.seen)
		}
	}
}

// sameTree reports where the site at got differs from the one at want,
// file by file.
func sameTree(t *testing.T, name, got, want string) {
	t.Helper()
	g, w := tree(t, got), tree(t, want)
	if slices.Equal(g, w) {
		return
	}
	for _, f := range w {
		if !slices.Contains(g, f) {
			t.Errorf("%s: the updated site lacks or differs in %s", name, f)
		}
	}
	for _, f := range g {
		if !slices.Contains(w, f) {
			t.Errorf("%s: the updated site has %s, a cold build not", name, f)
		}
	}
}

// TestSkippedPagesFollowEveryInput changes each input of a page's key in
// turn (the record, what it links to and is linked from, its findings, its
// history, the names of records that are not public, and each build-wide
// input) on a site built several times over, and proves that the change
// alters a page and that the updated site is byte for byte the site a build
// into an empty folder writes: a page skipped on a stale key would differ.
// Both versions that Update alternates between are updated in turn: the
// second build after the change takes the pages from the first.
func TestSkippedPagesFollowEveryInput(t *testing.T) {
	base := func() Options {
		return Options{
			Check: checkWith(func(*register.Register) []finding.Finding {
				return []finding.Finding{{File: "sensors/cam-markt.yaml", Record: "cam-markt", Rule: "signage", Principle: "VNG 4.3",
					Severity: finding.Warning, Message: label.Text{"Geen borden.", "no signs"}},
					// Quoting another record's name, which the page must
					// not show once that record is not public.
					{File: "sensors/x-hostile.yaml", Record: "x-hostile", Rule: "signage", Principle: "VNG 4.3",
						Severity: finding.Info, Message: label.Text{"Zelfde mast als Camera's Markt.", "Same mast as Camera's Markt."}}}
			}),
			Rules: []Rule{{ID: "signage", Ref: "VNG 4.3", Title: [2]string{"Herkenbaar", "Recognisable"}}},
			History: map[string]History{"sensors/lucht-dak.yaml": {Added: "2025-01-05", Changes: []Change{
				{Date: "2026-03-01", Subject: "Zoals Verborgen observatiecamera; veel GEWELD rond de horeca op de Markt.", Fields: []string{"summary"}},
				{Date: "2025-01-05", Subject: "Toegevoegd", Added: true},
			}}},
		}
	}
	file := func(root, rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	steps := []struct {
		name   string
		change func(root string, o *Options)
		page   string // a page the change alters
		// global: the change concerns every page, so none is skipped.
		global bool
	}{
		{"the record", func(root string, o *Options) {
			edit(t, file(root, "sensors/lucht-dak.yaml"), "Meet fijnstof", "Meet ozon")
		}, "sensoren/lucht-dak.html", false},
		{"a withheld value", func(root string, o *Options) {
			edit(t, file(root, "sensors/lucht-dak.yaml"), "withheld: [location.point, owner.email]", "withheld: [owner.email]")
		}, "sensoren/lucht-dak.html", false},
		{"the record's position", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "lat: 52.09", "lat: 52.08")
		}, "sensoren/cam-markt.html", false},
		{"the name of a sensor the algorithm uses", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "name: Camera's Markt", "name: Camera's Grote Markt")
		}, "algoritmes/alg-toeslag.html", false},
		{"a sensor the algorithm uses is no longer public", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "status: active", "status: active\npublication: {public: false, reason: Onderzoek}")
		}, "algoritmes/alg-toeslag.html", false},
		{"the name of the algorithm that uses the sensor", func(root string, o *Options) {
			edit(t, file(root, "algorithms/alg-toeslag.yaml"), "name: Volgorde van controles bijstand", "name: Volgorde van controles")
		}, "sensoren/cam-markt.html", false},
		{"the name of a record that is not public", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-verborgen.yaml"), "name: Verborgen observatiecamera", "name: Tijdelijke camera")
		}, "sensoren/lucht-dak.html", false},
		{"another record's withheld value, quoted in a commit subject", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "status: active\n", "status: active\npublication: {withheld: [problem], reason: Onderzoek}\n")
		}, "sensoren/lucht-dak.html", false},
		{"another record withholds what a record's text quotes", func(root string, o *Options) {
			edit(t, file(root, "sensors/lucht-dak.yaml"), "description: Dak van het stadskantoor", "description: Rond de Markt")
			edit(t, file(root, "sensors/lucht-dak.yaml"), "withheld: [location.point, owner.email]", "withheld: [location.point, owner.email, location.description]")
		}, "sensoren/cam-markt.html", false},
		{"a record's text comes to quote a record that is not public", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "purpose: Uitgaansgeweld", "purpose: Net als de verborgen observatiecamera tegen uitgaansgeweld")
		}, "data/sensors.csv", false},
		{"another record withholds what a record's text quotes, in the downloads", func(root string, o *Options) {
			edit(t, file(root, "sensors/lucht-dak.yaml"), "description: Dak van het stadskantoor", "description: uitgaansgeweld")
			edit(t, file(root, "sensors/lucht-dak.yaml"), "withheld: [location.point, owner.email]", "withheld: [location.point, owner.email, location.description]")
		}, "data/sensors.csv", false},
		{"the order of the record's fields, in its published source", func(root string, o *Options) {
			// The same record, so the same pages: only the source shows it.
			edit(t, file(root, "sensors/cam-markt.yaml"), "status: active\n", "")
			edit(t, file(root, "sensors/cam-markt.yaml"), "retention: P28D\n", "retention: P28D\nstatus: active\n")
		}, "src/sensors/cam-markt.yaml", false},
		{"a sensor's name, on the list", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "name: Camera's Markt", "name: Camera's Grote Markt")
		}, "sensoren/index.html", false},
		{"a sensor's type, on the list of its area", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "sensor_type: camera", "sensor_type: anpr_camera")
		}, "sensoren/gebied/centrum.html", false},
		{"a sensor's purpose, in the downloads", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "purpose: Uitgaansgeweld", "purpose: Geweld")
		}, "data/sensors.csv", false},
		{"an algorithm's name, in the downloads", func(root string, o *Options) {
			edit(t, file(root, "algorithms/alg-toeslag.yaml"), "name: Volgorde van controles bijstand", "name: Volgorde")
		}, "data/algorithms.csv", false},
		{"a sensor's position, on the map's download", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "lat: 52.09", "lat: 52.08")
		}, "data/sensors.geojson", false},
		{"a sensor's name, on the map", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "name: Camera's Markt", "name: Camera's Grote Markt")
		}, "kaart.html", false},
		{"a sensor's end, in the calendar", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "end: 2026-12-31", "end: 2027-01-31")
		}, "due.ics", false},
		{"a sensor's name, in the calendar", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "name: Camera's Markt", "name: Camera's Grote Markt")
		}, "due.ics", false},
		{"a summary, in the search index", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "summary: Twaalf", "summary: Dertien")
		}, "data/search/nl-1.js", false},
		{"an area, in the search index's facets", func(root string, o *Options) {
			edit(t, file(root, "sensors/cam-markt.yaml"), "area: Centrum", "area: Haven")
		}, "data/search.nl.js", false},
		{"a finding of the record", func(root string, o *Options) {
			o.Findings = append(o.Findings, finding.Finding{File: "sensors/lucht-dak.yaml", Rule: finding.RuleSchema, Severity: finding.Warning, Message: label.Text{"", "unknown key x"}})
		}, "sensoren/lucht-dak.html", false},
		{"a finding's text", func(root string, o *Options) {
			check := o.Check
			o.Check = func(reg *register.Register, each func(*finding.Finding)) {
				first := true
				check(reg, func(f *finding.Finding) {
					if first {
						g := *f
						g.Message, first = label.Text{"Geen borden bij de ingang.", f.Message.In("en")}, false
						f = &g
					}
					each(f)
				})
			}
		}, "sensoren/cam-markt.html", false},
		{"the record's history", func(root string, o *Options) {
			h := o.History["sensors/lucht-dak.yaml"]
			h.Changes = append([]Change{{Date: "2026-06-01", Subject: "Nieuwe meter", Fields: []string{"vendor"}}}, h.Changes...)
			o.History = map[string]History{"sensors/lucht-dak.yaml": h}
		}, "sensoren/lucht-dak.html", false},
		{"a rule's title", func(root string, o *Options) {
			o.Rules = []Rule{{ID: "signage", Ref: "VNG 4.3", Title: [2]string{"Herkenbaar voor iedereen", "Recognisable"}}}
		}, "sensoren/cam-markt.html", true},
		{"a rule switched off", func(root string, o *Options) {
			o.Deviations = []Deviation{{Rule: "signage", Title: [2]string{"Herkenbaar", "Recognisable"}, Refs: []string{"VNG 4.3"},
				Severity: finding.Off, Default: finding.Warning, Where: "register.yaml:9:3", Reason: "Proef"}}
		}, "sensoren/lucht-dak.html", true},
		{"the day, on the home page", func(root string, o *Options) { o.Now = buildNow.AddDate(0, 0, 1) }, "index.html", false},
		{"the configuration", func(root string, o *Options) {
			edit(t, file(root, "register.yaml"), "report_error_url: https://voorbeeldstad.example/meldpunt", "report_error_url: https://voorbeeldstad.example/fout")
		}, "sensoren/lucht-dak.html", true},
		{"the languages", func(root string, o *Options) {
			edit(t, file(root, "register.yaml"), "organisation: Gemeente Voorbeeldstad", "organisation: Gemeente Voorbeeldstad\nlanguages: [nl]")
		}, "sensoren/lucht-dak.html", true},
		{"a change feed", func(root string, o *Options) {
			o.Feed = func(w io.Writer, _ func(s, lang string) string) error {
				_, err := io.WriteString(w, "<feed/>")
				return err
			}
		}, "sensoren/lucht-dak.html", true},
		{"no checklist", func(root string, o *Options) { o.Check = nil }, "sensoren/lucht-dak.html", true},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			root := copyFixture(t)
			// Subjects shown, so that what they are scrubbed of is an
			// input of the pages too.
			edit(t, file(root, "register.yaml"), "contact_email: privacy@voorbeeldstad.example", "contact_email: privacy@voorbeeldstad.example\n  show_commit_subjects: true")
			out := filepath.Join(t.TempDir(), "public")
			o := base()
			at := func(dir string) Options { c := o; c.Out = dir; return c }
			// Three builds: the site and the version kept beside it both
			// hold a manifest.
			for range 3 {
				build(t, loadFixture(t, root), at(out))
			}
			// And as serve builds: one Memo throughout, and the records
			// of files that did not change kept as they were.
			served, memo := filepath.Join(t.TempDir(), "served"), &Memo{}
			var kept *register.Register
			serve := func() {
				kept = reloadFixture(t, root, kept)
				o := at(served)
				o.Memo = memo
				build(t, kept, o)
			}
			serve()
			serve()
			before := read(t, out, s.page)
			s.change(root, &o)
			for i := range 2 {
				_, st := build(t, loadFixture(t, root), at(out))
				cold, _ := build(t, loadFixture(t, root), at(""))
				sameTree(t, s.name, out, cold)
				serve()
				sameTree(t, s.name+", as serve builds", served, cold)
				if after := read(t, out, s.page); after == before {
					t.Errorf("%s does not change %s: the test proves nothing", s.name, s.page)
				}
				switch {
				case s.global && i == 0 && st.Skipped > 0:
					t.Errorf("build %d: %d files skipped after a change that concerns every page", i, st.Skipped)
				case !s.global && st.Skipped == 0:
					t.Errorf("build %d: no file skipped after a change to one record", i)
				}
			}
		})
	}
}

// TestManifestReadsDamageAsNone: a manifest cut short, of another format or
// with a bad key, in its lines or its header, reads as none, so every page
// is rendered; a good one reads back as written, with the build-wide key
// it names.
func TestManifestReadsDamageAsNone(t *testing.T) {
	dir := t.TempDir()
	k, made := pageKey{1, 2, 3}, pageKey{7, 7}
	if err := writeManifest(dir, made, (&manifest{paths: []string{"a.html", "b/c.html"}, keys: []pageKey{k, {9}}}).all()); err != nil {
		t.Fatal(err)
	}
	if m := readManifest(dir); m == nil || m.made != made || len(keysOf(m)) != 2 || keysOf(m)["a.html"] != k {
		t.Fatalf("round trip: %+v", m)
	}
	good, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(good), "\n")
	for name, data := range map[string]string{
		"empty":                   "",
		"cut short":               string(good[:len(good)-3]),
		"other format":            strings.Replace(string(good), manifestHeader, "register-manifest 0", 1),
		"no key in the header":    strings.Replace(string(good), head, manifestHeader, 1),
		"a bad key in its header": strings.Replace(string(good), "0707", "zz07", 1),
		"bad hex":                 strings.Replace(string(good), "01", "zz", 1),
		"short key":               head + "\nabcd a.html\n",
		"no path":                 head + "\n" + strings.Repeat("00", len(pageKey{})) + " \n",
		"no separator":            head + "\n" + strings.Repeat("00", len(pageKey{})) + "\n",
		"binary garbage":          "\x00\xff\n\x00",
	} {
		if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if m := readManifest(dir); m != nil {
			t.Errorf("%s: read %d keys, want none", name, len(m.paths))
		}
	}
}

// TestManifestKeysAreSecret: the manifest is published with the site, so
// its keys are made with a secret kept in the user's cache folder: the same register
// built into two folders gives the same pages and unrelated keys, and no
// key is a plain hash anyone could recompute from a guess.
func TestManifestKeysAreSecret(t *testing.T) {
	reg := loadFixture(t, fixture)
	a, _ := build(t, reg, Options{})
	b, _ := build(t, reg, Options{})
	sameTree(t, "two folders", a, b)
	ma, mb := keysOf(readManifest(a)), keysOf(readManifest(b))
	if len(ma) == 0 || len(ma) != len(mb) {
		t.Fatalf("manifests of %d and %d keys", len(ma), len(mb))
	}
	for p, k := range ma {
		if mb[p] == k {
			t.Errorf("%s has the same key in both folders", p)
		}
	}
	// The secret is neither in the site nor beside it, where a deploy of
	// the folder's parent would carry it.
	for _, dir := range []string{a, filepath.Dir(a)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), "key") {
				t.Errorf("%s holds %s", dir, e.Name())
			}
		}
	}
}

// TestUpdates: a build updates a folder where an earlier build left a
// site, in the folder or in the version kept beside it, and nothing else.
func TestUpdates(t *testing.T) {
	reg := loadFixture(t, fixture)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if Updates(out) {
		t.Error("a folder that is not there is updated")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("<p>hand-made</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Updates(out) {
		t.Error("a folder no build made is updated")
	}
	other := filepath.Join(tmp, "site")
	build(t, reg, Options{Out: other})
	if !Updates(other) {
		t.Error("the site a build made is not updated")
	}
	// The kept version alone: the site itself lost its manifest.
	build(t, reg, Options{Out: other})
	if err := os.Remove(filepath.Join(other, manifestName)); err != nil {
		t.Fatal(err)
	}
	if !Updates(other) {
		t.Error("a site whose kept version holds a manifest is not updated")
	}
}

// TestAnEditRendersWhatShowsIt: an edit to a record's summary, which its
// pages, its source, the downloads and the search index show and the
// lists, the map and the calendar do not, renders the files that show it
// and skips every other that has a key.
func TestAnEditRendersWhatShowsIt(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	// Three times: the site and the version kept beside it both hold a
	// manifest, and the third renders only the files without a key.
	var st Stats
	for range 3 {
		_, st = build(t, loadFixture(t, root), Options{Out: out})
	}
	unkeyed := st.Files - st.Skipped
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet ozon")
	var made atomic.Int64
	_, st = build(t, loadFixture(t, root), Options{Out: out, Making: func() { made.Add(1) }})
	// Making hears of each file made afresh, and of no other.
	if got, want := made.Load(), int64(st.Files-st.Skipped); got != want {
		t.Errorf("Making was called %d times, for %d files made afresh", got, want)
	}
	// The record's two pages and its source, register.json's part, the
	// sensors' table and map data, and the search index's part and facets
	// in two languages.
	const most = 10
	if rendered := st.Files - st.Skipped - unkeyed; rendered > most {
		t.Errorf("a summary edited: %d of %d files with a key rendered, want at most %d", rendered, st.Files, most)
	}
}

// TestDownloadsFromKeptPiecesAreACold: the downloads a build joins from
// kept pieces (rows, features, entries) are byte for byte those of a cold
// build, after an edit, a field withheld, a reference withheld, and a
// record made not public or removed; and a value withheld is in none of
// them. Pieces are kept two ways: in the Memo (serve), or where they are
// in the current site's downloads (build), where the site's two versions
// take turns and each build copies what it can.
func TestDownloadsFromKeptPiecesAreACold(t *testing.T) {
	for _, withMemo := range []bool{true, false} {
		t.Run(fmt.Sprintf("memo %v", withMemo), func(t *testing.T) {
			keptPiecesAreACold(t, withMemo)
		})
	}
}

func keptPiecesAreACold(t *testing.T, withMemo bool) {
	root := copyFixture(t)
	sensor := filepath.Join(root, "sensors", "cam-markt.yaml")
	algorithm := filepath.Join(root, "algorithms", "alg-toeslag.yaml")
	steps := []struct {
		name   string
		change func()
		hidden string // a value no download may hold afterwards
	}{
		{"first build", func() {}, ""},
		{"nothing changed", func() {}, ""},
		{"a summary edited", func() { edit(t, sensor, "Twaalf camera's", "Dertien camera's") }, ""},
		{"an area, a search facet", func() { edit(t, sensor, "area: Centrum", "area: Haven") }, ""},
		{"a field withheld", func() {
			edit(t, sensor, "retention: P28D", "retention: P28D\npublication: {withheld: [summary, location.description], reason: Beveiliging}")
		}, "Dertien camera's"},
		{"a reference withheld", func() {
			edit(t, algorithm, "lifecycle: {start: 2021-01-01}", "lifecycle: {start: 2021-01-01}\npublication: {withheld: [uses_sensors.1]}")
		}, ""},
		{"a record made not public", func() {
			edit(t, sensor, "withheld: [summary, location.description], reason: Beveiliging", "public: false, reason: Onderzoek")
		}, "Camera's Markt"},
		{"a record removed", func() {
			if err := os.Remove(filepath.Join(root, "sensors", "lucht-dak.yaml")); err != nil {
				t.Fatal(err)
			}
		}, "Luchtmeter stadskantoor"},
	}
	var memo *Memo
	if withMemo {
		memo = &Memo{}
	}
	out := filepath.Join(t.TempDir(), "public")
	for i, s := range steps {
		s.change()
		// As serve builds: the register loaded again, the Memo kept.
		_, st := build(t, loadFixture(t, root), Options{Out: out, Memo: memo})
		switch {
		case withMemo && len(memo.pieces) == 0:
			t.Fatalf("%s: the Memo kept no pieces", s.name)
		case !withMemo && i > 1 && st.Copied == 0:
			// After the first build, and one that changed nothing and
			// so kept the downloads whole.
			t.Errorf("%s: no piece copied from the site before", s.name)
		case !withMemo && i == 0 && st.Copied != 0:
			t.Errorf("%s: %d pieces copied from no site", s.name, st.Copied)
		}
		cold, _ := build(t, loadFixture(t, root), Options{})
		got, want := downloads(t, out), downloads(t, cold)
		if len(want) == 0 {
			t.Fatalf("%s: a cold build has no downloads", s.name)
		}
		for p, data := range want {
			if got[p] != data {
				t.Errorf("%s: %s differs from a cold build's:\n%s\nwant:\n%s", s.name, p, got[p], data)
			}
		}
		for p, data := range got {
			if _, ok := want[p]; !ok {
				t.Errorf("%s: %s is not in a cold build", s.name, p)
			}
			if s.hidden != "" && strings.Contains(data, s.hidden) {
				t.Errorf("%s: %s holds %q", s.name, p, s.hidden)
			}
		}
	}
}

// downloads are the open-data downloads and search index of the site at
// dir, by path.
func downloads(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCutPair: the pairs of strings appendStrings writes read back as
// written, whatever they hold, and a piece cut short is an error.
func TestCutPair(t *testing.T) {
	for _, pair := range [][2]string{{"", ""}, {"centrum", "Centrum"}, {"12:3", "a\nb:"}, {"é", "5:x\n"}} {
		buf := appendStrings(appendStrings(nil, pair[0], pair[1]), "next", "")
		a, b, rest, err := cutPair(buf)
		if err != nil || string(a) != pair[0] || string(b) != pair[1] || string(rest) != "4:next0:\n" {
			t.Errorf("cutPair(%q) = %q, %q, %q, %v", buf, a, b, rest, err)
		}
	}
	for _, buf := range []string{"", "3:ab", "2:ab", "2:ab1:c", "x:ab\n", "-1:\n"} {
		if _, _, _, err := cutPair([]byte(buf)); err == nil {
			t.Errorf("cutPair(%q) read a pair", buf)
		}
	}
}

// TestLapsedPieces: a record's lapsed items read back from the piece the
// Memo keeps as they were, and a damaged piece does not read.
func TestLapsedPieces(t *testing.T) {
	r := &record.Record{ID: "cam-markt"}
	day := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	items := []lifecycle.Item{
		{Record: r, What: lifecycle.Evaluation, Date: day, Group: lifecycle.Lapsed, Path: "/evaluation/last"},
		{Record: r, What: lifecycle.Lifecycle, Date: day.AddDate(0, 1, 0), Group: lifecycle.Lapsed, Path: "/lifecycle/end"},
	}
	for _, tc := range [][]lifecycle.Item{nil, items[:1], items} {
		got, ok := readLapsed(appendLapsed(nil, tc), r)
		if !ok || len(got) != len(tc) {
			t.Fatalf("readLapsed(appendLapsed(%v)) = %v, %v", tc, got, ok)
		}
		for i := range tc {
			g, w := got[i], tc[i]
			if !g.Date.Equal(w.Date) || g.Path != w.Path || g.What != w.What || g.Group != w.Group || g.Record != r {
				t.Errorf("item %d read back as %+v, want %+v", i, got[i], tc[i])
			}
		}
	}
	piece := appendLapsed(nil, items)
	for _, damaged := range [][]byte{piece[:len(piece)-1], append([]byte("9:"), piece...), []byte("10:evaluation4:date0:\n")} {
		if _, ok := readLapsed(damaged, r); ok {
			t.Errorf("readLapsed(%q) read", damaged)
		}
	}
}

// TestManifestReadsBackAsWritten: a manifest larger than the buffer it is
// written through reads back as the keys written.
func TestManifestReadsBackAsWritten(t *testing.T) {
	for _, n := range []int{0, 1, 5000} {
		dir := t.TempDir()
		keys := map[string]pageKey{}
		m := &manifest{}
		for i := range n {
			p, k := fmt.Sprintf("sensoren/%06d-%s.html", i, strings.Repeat("x", i%40)), pageKey{byte(i), byte(i >> 8)}
			keys[p] = k
			m.paths, m.keys = append(m.paths, p), append(m.keys, k)
		}
		if err := writeManifest(dir, pageKey{}, m.all()); err != nil {
			t.Fatal(err)
		}
		got := keysOf(readManifest(dir))
		if len(got) != len(keys) {
			t.Fatalf("%d keys: read back %d", n, len(got))
		}
		for p, k := range keys {
			if got[p] != k {
				t.Errorf("%d keys: %s read back as %x, want %x", n, p, got[p], k)
			}
		}
	}
}

// TestServeTakesOutANameNoLongerPublic: as serve builds, from the same
// Memo and the same records where they did not change, a record that is
// no longer public leaves every page, also the finding of another record
// that quoted its name: the Memo kept that finding's sum, made while the
// name was public. The site is then a cold build's.
func TestServeTakesOutANameNoLongerPublic(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	memo := &Memo{}
	fs := []finding.Finding{{File: "sensors/lucht-dak.yaml", Record: "lucht-dak", Rule: "signage", Severity: finding.Warning,
		Message: label.Text{"Zelfde mast als Camera's Markt.", "Same mast as Camera's Markt."}}}
	reg := loadFixture(t, root)
	for range 2 {
		build(t, reg, Options{Out: out, Memo: memo, Findings: fs})
	}
	if !strings.Contains(read(t, out, "sensoren/lucht-dak.html"), "Zelfde mast als Camera") {
		t.Fatal("the finding is not on the page: the test proves nothing")
	}
	recs := slices.Clone(reg.Records)
	for i, r := range recs {
		if r.ID == "cam-markt" {
			hidden := *r
			no := false
			hidden.Publication = &record.Publication{Public: &no, Reason: "Onderzoek"}
			recs[i] = &hidden
		}
	}
	next := register.New(reg.Root, reg.Config, recs)
	next.Sums = reg.Sums
	build(t, next, Options{Out: out, Memo: memo, Findings: fs})
	cold, _ := build(t, next, Options{Findings: fs})
	sameTree(t, "a record no longer public", out, cold)
	for _, f := range tree(t, out) {
		if p, _, _ := strings.Cut(f, " "); strings.Contains(read(t, out, p), "Markt") {
			t.Errorf("%s still names the record that is no longer public", p)
		}
	}
}

// reloadFixture loads the register at root as serve reloads one: the
// records of files that did not change are the records prev held (nil:
// none), the others new.
func reloadFixture(t *testing.T, root string, prev *register.Register) *register.Register {
	t.Helper()
	reg := loadFixture(t, root)
	if prev == nil {
		return reg
	}
	recs := slices.Clone(reg.Records)
	for i, r := range recs {
		if p := prev.ByID(r.ID); p != nil && reflect.DeepEqual(p, r) {
			recs[i] = p
		}
	}
	next := register.New(reg.Root, reg.Config, recs)
	next.Sums = reg.Sums
	return next
}

// TestFindingKeyHoldsEveryField: a record's pages are keyed by its
// findings as given and kept (findingsSum), so a finding that differs in
// any field, down to one language of its help, gives another key; a field
// added to findings later fails here until the key holds it. A finding
// kept reads back as it was given.
func TestFindingKeyHoldsEveryField(t *testing.T) {
	kept := newKeptFindings()
	keyOf := func(f finding.Finding) string {
		k := kept.keep(&f)
		if got := k.finding(f.Record); got != f {
			t.Errorf("kept %+v, read back %+v", f, got)
		}
		return string(k.appendKey(nil, f.Record))
	}
	base := keyOf(finding.Finding{})
	seen := map[string]string{base: "the zero finding"}
	var f finding.Finding
	v := reflect.ValueOf(&f).Elem()
	for i := range v.NumField() {
		field := v.Type().Field(i)
		// Each element of an array field (a text in two languages) on
		// its own.
		var slots []reflect.Value
		if fv := v.Field(i); fv.Kind() == reflect.Array {
			for j := range fv.Len() {
				slots = append(slots, fv.Index(j))
			}
		} else {
			slots = append(slots, fv)
		}
		for j, slot := range slots {
			f = finding.Finding{}
			switch slot.Kind() {
			case reflect.String:
				slot.SetString("x")
			case reflect.Int:
				slot.SetInt(1)
			case reflect.Bool:
				slot.SetBool(true)
			default:
				t.Fatalf("%s: a %s the test cannot set", field.Name, slot.Kind())
			}
			key := keyOf(f)
			name := fmt.Sprintf("%s[%d]", field.Name, j)
			if other, ok := seen[key]; ok {
				t.Errorf("%s set gives the key of %s", name, other)
			}
			seen[key] = name
		}
	}
	// A position that does not fit beside a kept finding is kept with
	// what it shares, and still reads back and keys apart.
	for _, line := range []int{math.MaxInt32 + 1, -1} {
		key := keyOf(finding.Finding{Line: line})
		if other, ok := seen[key]; ok {
			t.Errorf("line %d gives the key of %s", line, other)
		}
		seen[key] = fmt.Sprint("line ", line)
	}
}

// TestPieceIndexReadsDamageAsNone: a piece index cut short, of another
// format, with a piece outside its file or a count beyond its length reads
// as none, so every piece is made; a good one reads back as written, with
// the size and time of each download's file.
func TestPieceIndexReadsDamageAsNone(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.csv"), []byte("head\nrow1\nrow2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	placed := map[string][]placedPiece{
		"a.csv":     {{key: pageKey{1}, off: 5, n: 5}, {key: pageKey{2}, off: 10, n: 5}},
		"gone.json": {{key: pageKey{3}, off: 0, n: 1}}, // no file: left out
	}
	if err := writePieceIndex(dir, placed); err != nil {
		t.Fatal(err)
	}
	m := readPieceIndex(dir)
	if len(m) != 1 || m["a.csv"] == nil || !slices.Equal(m["a.csv"].pieces, placed["a.csv"]) || m["a.csv"].size != 15 {
		t.Fatalf("round trip: %+v", m)
	}
	good, err := os.ReadFile(filepath.Join(dir, pieceIndexName))
	if err != nil {
		t.Fatal(err)
	}
	head := len(pieceIndexHeader)
	// sealed ends an index with its sum, so that what follows the sum's
	// check is what refuses it.
	sealed := func(s string) string { return string(sealPieces([]byte(s))) }
	flipped := slices.Clone(good)
	flipped[head+2] ^= 1
	for name, data := range map[string]string{
		"empty":         "",
		"cut short":     string(good[:len(good)-3]),
		"other format":  strings.Replace(string(good), pieceIndexHeader, "register-pieces 0\n", 1),
		"a bit flipped": string(flipped),
		// path "a.csv", size 15, time 0, one piece at 10, 6 long: past the end.
		"outside its file": sealed(pieceIndexHeader + "\x05a.csv\x0f\x00\x01" + strings.Repeat("\x00", 32) + "\x0a\x06"),
		"count too large":  sealed(pieceIndexHeader + "\x05a.csv\x0f\x00\xff\xff\xff\xff\x0f"),
		"path too long":    sealed(pieceIndexHeader + "\xff\xff\x03a"),
		"garbage":          sealed(pieceIndexHeader + string(good[head+1:len(good)-crc32.Size])),
	} {
		if err := os.WriteFile(filepath.Join(dir, pieceIndexName), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if m := readPieceIndex(dir); m != nil {
			t.Errorf("%s: read %d downloads, want none", name, len(m))
		}
	}
}

// TestPiecesComeOnlyFromTheDownloadIndexed: a download of the current site
// changed after it was built (its size or time no longer the index's) is
// not copied from: the next build's downloads are a cold build's.
func TestPiecesComeOnlyFromTheDownloadIndexed(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	for range 2 {
		build(t, loadFixture(t, root), Options{Out: out})
	}
	// Changed by hand, the same size: only the file's time tells.
	for _, p := range []string{"data/sensors.csv", "data/sensors.geojson"} {
		f := filepath.Join(out, filepath.FromSlash(p))
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(strings.ReplaceAll(string(data), "a", "o")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet ozon")
	_, st := build(t, loadFixture(t, root), Options{Out: out})
	cold, _ := build(t, loadFixture(t, root), Options{})
	got, want := downloads(t, out), downloads(t, cold)
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s differs from a cold build's:\n%s\nwant:\n%s", p, got[p], data)
		}
	}
	// register.json's part was left alone: the pieces of the records not
	// edited are copied from it.
	if st.Copied == 0 {
		t.Error("nothing copied from the download left alone")
	}
}

// TestEveryPieceIsCopiedThatCanBe: a build after one record was edited
// copies every other record's piece from the site before, a sensor's that
// has no feature on the map (no point, or its location withheld)
// included: none is made from its record's view again.
func TestEveryPieceIsCopiedThatCanBe(t *testing.T) {
	root := copyFixture(t)
	sensors, noFeature := 0, 0
	for _, r := range loadFixture(t, root).Records {
		if r.Kind == record.Sensor && r.IsPublic() {
			sensors++
			if publish.View(r).Point == nil {
				noFeature++
			}
		}
	}
	if noFeature == 0 {
		t.Fatal("the fixture has no public sensor without a point: the test proves nothing")
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, loadFixture(t, root), Options{Out: out})
	before := readPieceIndex(out)
	edit(t, filepath.Join(root, "sensors", "cam-markt.yaml"), "Twaalf camera", "Dertien camera")
	_, st := build(t, loadFixture(t, root), Options{Out: out})
	after := readPieceIndex(out)
	if got := len(after["data/sensors.geojson"].pieces); got != sensors {
		t.Errorf("the map's download places %d pieces, want one for each of the %d public sensors", got, sensors)
	}
	// In each download written again (one with a piece of another key),
	// the pieces whose key is unchanged.
	same := 0
	for p, f := range after {
		old := map[pageKey]bool{}
		for _, pc := range before[p].pieces {
			old[pc.key] = true
		}
		kept := 0
		for _, pc := range f.pieces {
			if old[pc.key] {
				kept++
			}
		}
		if kept < len(f.pieces) {
			same += kept
		}
	}
	if same == 0 || st.Copied != same {
		t.Errorf("copied %d pieces, want the %d whose key is unchanged", st.Copied, same)
	}
}

// TestLinksInTheSiteAreNotFollowed: the manifest, the piece index and a
// download of the current site replaced by links (to a device that never
// ends, to a file elsewhere that looks like the download) are not read
// through: the build ends, and its downloads are a cold build's.
func TestLinksInTheSiteAreNotFollowed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	for range 2 {
		build(t, loadFixture(t, root), Options{Out: out})
	}
	link := func(target, name string) {
		t.Helper()
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	// Elsewhere, the part as it is but for its text, with its size and time.
	part := filepath.Join(out, "data", "register", "1.json")
	st, err := os.Stat(part)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(part)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), "1.json")
	if err := os.WriteFile(elsewhere, []byte(strings.ReplaceAll(string(data), "a", "o")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(elsewhere, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	link(elsewhere, "data/register/1.json")
	if _, err := os.Stat("/dev/zero"); err == nil {
		link("/dev/zero", manifestName)
	}
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet ozon")
	reg := loadFixture(t, root)
	done := make(chan error, 1)
	go func() {
		_, err := Build(reg, Options{Out: out, Now: buildNow})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the build reads on through a link")
	}
	cold, _ := build(t, loadFixture(t, root), Options{})
	got, want := downloads(t, out), downloads(t, cold)
	for p, data := range want {
		if got[p] != data {
			t.Errorf("%s differs from a cold build's", p)
		}
	}
}

// keysOf is a manifest's keys by path; nil for none.
func keysOf(m *manifest) map[string]pageKey {
	if m == nil {
		return nil
	}
	keys := make(map[string]pageKey, len(m.paths))
	for p, k := range m.all() {
		keys[p] = k
	}
	return keys
}

// TestPiecesOfOtherInputsAreNotHeld: a build under another configuration,
// whose keys all differ, holds none of the current site's piece index,
// which could give it nothing; a build after an edit, on the same day or
// the next (the downloads do not show the day), holds it and copies the
// other records' pieces from it.
func TestPiecesOfOtherInputsAreNotHeld(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	build(t, loadFixture(t, root), Options{Out: out})
	sensor := filepath.Join(root, "sensors", "cam-markt.yaml")
	for _, c := range []struct {
		name   string
		now    time.Time
		change func()
		held   bool
	}{
		{"another configuration", buildNow, func() {
			edit(t, filepath.Join(root, "register.yaml"), "report_error_url: https://voorbeeldstad.example/meldpunt", "report_error_url: https://voorbeeldstad.example/fout")
			edit(t, sensor, "Twaalf camera", "Dertien camera")
		}, false},
		{"the same configuration again", buildNow, func() { edit(t, sensor, "Dertien camera", "Veertien camera") }, true},
		{"another day", buildNow.AddDate(0, 0, 1), func() { edit(t, sensor, "Veertien camera", "Vijftien camera") }, true},
	} {
		c.change()
		reg := loadFixture(t, root)
		hashFiles(t, reg)
		p, err := Prepare(reg, Options{Out: out, Now: c.now})
		if err != nil {
			t.Fatal(err)
		}
		st, err := p.Build()
		if err != nil {
			t.Fatal(err)
		}
		if held := p.b.curPieces != nil; held != c.held || (st.Copied > 0) != c.held {
			t.Errorf("%s: piece index held %v, %d pieces copied; want held %v", c.name, held, st.Copied, c.held)
		}
	}
}

// readManifest reads the manifest in dir. A missing, damaged or unknown
// manifest reads as none (nil), so every page is rendered.
func readManifest(dir string) *manifest {
	lines, n, made := manifestLines(dir)
	if lines == nil {
		return nil
	}
	m := &manifest{paths: make([]string, 0, n), keys: make([]pageKey, 0, n), made: made}
	if !eachManifestLine(lines, func(p []byte, k pageKey) {
		m.paths = append(m.paths, string(p))
		m.keys = append(m.keys, k)
	}) {
		return nil
	}
	return m
}

// TestUpdateDoesNotWaitOnANamedPipe: named pipes in the working copy, one
// in place of a page the update rewrites and one where a page's new
// version is written first, are replaced, as any file there that is not
// the page: the build never waits for something to open their other end.
func TestUpdateDoesNotWaitOnANamedPipe(t *testing.T) {
	root, out, work := workingCopy(t)
	page := filepath.Join(work, "sensoren", "lucht-dak.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	testbed.Pipe(t, page)
	testbed.Pipe(t, filepath.Join(work, "index.html.new"))
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet fijnstof en ozon")
	reg := loadFixture(t, root)
	hashFiles(t, reg)
	var err error
	testbed.NoWait(t, page, "a build updating a working copy with named pipes", func() {
		_, err = Build(reg, Options{Out: out, Now: buildNow})
	})
	if err != nil {
		t.Fatal(err)
	}
	cold, _ := build(t, loadFixture(t, root), Options{})
	sameTree(t, "named pipes in the working copy", out, cold)
}

// TestUpdateDoesNotWriteThroughALink: a link in the working copy where a
// folder of pages goes (left by hand, or by a tool that deploys the site)
// is replaced by the folder; no page is written where it pointed, and
// the site is a cold build's.
func TestUpdateDoesNotWriteThroughALink(t *testing.T) {
	root, out, work := workingCopy(t)
	elsewhere := t.TempDir()
	if err := os.RemoveAll(filepath.Join(work, "sensoren")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(work, "sensoren")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet fijnstof en ozon")
	build(t, loadFixture(t, root), Options{Out: out})
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("%d files written where the link pointed, want none", len(entries))
	}
	cold, _ := build(t, loadFixture(t, root), Options{})
	sameTree(t, "a link in the working copy", out, cold)
}

// TestUpdateReplacesAFolderWhereAPageGoes: a folder in the working copy
// where a page goes is removed with what it holds, and the page written in
// its place.
func TestUpdateReplacesAFolderWhereAPageGoes(t *testing.T) {
	root, out, work := workingCopy(t)
	page := filepath.Join(work, "sensoren", "lucht-dak.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(page, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(page, "sub", "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet fijnstof en ozon")
	build(t, loadFixture(t, root), Options{Out: out})
	cold, _ := build(t, loadFixture(t, root), Options{})
	sameTree(t, "a folder where a page goes", out, cold)
}

// workingCopy builds a copy of the fixture twice into out, so that work,
// the working copy, holds the first build's site.
func workingCopy(t *testing.T) (root, out, work string) {
	t.Helper()
	root = copyFixture(t)
	out = filepath.Join(t.TempDir(), "public")
	for range 2 {
		build(t, loadFixture(t, root), Options{Out: out})
	}
	work, err := outdir.Previous(out)
	if err != nil {
		t.Fatal(err)
	}
	return root, out, work
}

// TestTheChecklistsRulesAreKeyed: the build keys its pages with the
// checklist's rules as the command gives them, functions and all (Applies,
// AppliesOn), so a build after none changed skips its pages; a rule the
// key could not hold would make every page anew, build after build.
func TestTheChecklistsRulesAreKeyed(t *testing.T) {
	var rules []Rule
	for _, r := range principle.Rules() {
		rules = append(rules, Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Covers: r.Covers, Cites: r.Cites, Applies: r.Applies, AppliesOn: r.AppliesOn})
	}
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	var st Stats
	for range 2 {
		_, st = build(t, loadFixture(t, root), Options{Out: out, Rules: rules})
		if st.Keyless != nil {
			t.Fatalf("the pages have no keys: %v", st.Keyless)
		}
	}
	if st.Skipped == 0 {
		t.Errorf("a build after none changed skipped none of %d files", st.Files)
	}
}
