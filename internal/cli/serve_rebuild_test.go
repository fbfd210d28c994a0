package cli

import (
	"crypto/sha256"
	"fmt"
	"github.com/voorbeeldstad/register/internal/site"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestServeRebuildIsACold: the site serve keeps up to date, after each of a
// sequence of edits to the register, is byte for byte the site a cold
// build of the register as it is then writes, without a file too many or
// too few: the pages of a record edited, added, removed, renamed, made not
// public or broken and mended, and of the lists, map, downloads and search
// that show it, and what the configuration changes. The pages a rebuild
// shows before the rest of the site are the cold build's too, and a page
// the cold build does not have is shown as gone.
func TestServeRebuildIsACold(t *testing.T) {
	setLocale(t, nil)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := filepath.Join(t.TempDir(), "register")
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "site", "testdata", "register"))); err != nil {
		t.Fatal(err)
	}
	// Each write gets its own modification time, a second after the one
	// before, as an editor's saves have: serve tells a changed file by
	// its look.
	stamp := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	touch := func(p string) {
		stamp = stamp.Add(time.Second)
		if err := os.Chtimes(p, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		touch(p)
	}
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	edit := func(rel, from, to string) {
		s := read(rel)
		if !strings.Contains(s, from) {
			t.Fatalf("%s has no %q", rel, from)
		}
		write(rel, strings.Replace(s, from, to, 1))
	}
	remove := func(rel string) {
		if err := os.Remove(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	var broken string // what the YAML error step replaced
	steps := []struct {
		name   string
		change func()
		// absent is a page the step takes off the site, present one it
		// puts on it.
		absent, present string
	}{
		{"nothing changed", func() {}, "", ""},
		{"a summary", func() { edit("sensors/lucht-dak.yaml", "Meet fijnstof", "Meet ozon") }, "", ""},
		{"a name, on the lists and the map", func() {
			edit("sensors/cam-markt.yaml", "name: Camera's Markt", "name: Camera's Grote Markt")
		}, "", ""},
		{"an area, a facet of its own", func() { edit("sensors/cam-markt.yaml", "area: Centrum", "area: Haven") }, "", ""},
		{"a field withheld", func() {
			edit("sensors/cam-markt.yaml", "retention: P28D", "retention: P28D\npublication: {withheld: [location.point], reason: Beveiliging}")
		}, "", ""},
		{"a record made not public", func() {
			edit("sensors/lucht-dak.yaml", "status: active", "status: active\npublication: {public: false, reason: Onderzoek}")
		}, "sensoren/lucht-dak.html", ""},
		{"a record added", func() {
			s := strings.Replace(read("sensors/cam-markt.yaml"), "id: cam-markt", "id: cam-haven", 1)
			write("sensors/cam-haven.yaml", strings.Replace(s, "name: Camera's Grote Markt", "name: Camera's Haven", 1))
		}, "", "sensoren/cam-haven.html"},
		{"a record renamed", func() {
			s := strings.Replace(read("sensors/cam-haven.yaml"), "id: cam-haven", "id: cam-kade", 1)
			remove("sensors/cam-haven.yaml")
			write("sensors/cam-kade.yaml", s)
		}, "sensoren/cam-haven.html", "sensoren/cam-kade.html"},
		{"a YAML error", func() {
			broken = read("sensors/cam-kade.yaml")
			write("sensors/cam-kade.yaml", strings.Replace(broken, "status: active", "status: [active", 1))
		}, "sensoren/cam-kade.html", ""},
		{"the YAML error mended", func() { write("sensors/cam-kade.yaml", broken) }, "", "sensoren/cam-kade.html"},
		{"a record removed", func() { remove("sensors/cam-kade.yaml") }, "sensoren/cam-kade.html", ""},
		{"an algorithm's name, on its dataset's page", func() {
			edit("algorithms/alg-toeslag.yaml", "name: Volgorde van controles bijstand", "name: Volgorde van controles")
		}, "", ""},
		{"a correction route, on the dataset's page", func() {
			edit("algorithms/alg-toeslag.yaml", "source_code:", "correction: {route: Bel de gemeente., term: P4W}\nsource_code:")
		}, "", ""},
		{"the algorithm's sensor removed", func() { remove("sensors/cam-markt.yaml") }, "sensoren/cam-markt.html", ""},
		{"the configuration", func() {
			edit("register.yaml", "report_error_url: https://voorbeeldstad.example/meldpunt", "report_error_url: https://voorbeeldstad.example/fout")
		}, "", ""},
		{"one language", func() {
			edit("register.yaml", "organisation: Gemeente Voorbeeldstad", "organisation: Gemeente Voorbeeldstad\nlanguages: [nl]")
		}, "en/index.html", ""},
	}
	// shownFirst are pages a step's rebuild shows before the rest of the
	// site: as a page (true) or as gone (false).
	shownFirst := map[string]map[string]bool{
		"a summary":                {"sensoren/lucht-dak.html": true},
		"a record made not public": {"sensoren/lucht-dak.html": false},
		"a record added":           {"sensoren/cam-haven.html": true},
		"a record renamed":         {"sensoren/cam-haven.html": false, "sensoren/cam-kade.html": true},
		"a YAML error":             {"sensoren/cam-kade.html": false},
		"the YAML error mended":    {"sensoren/cam-kade.html": true},
		"a record removed":         {"sensoren/cam-kade.html": false},
	}
	now := func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	app := func() *App {
		return &App{Out: io.Discard, Err: io.Discard, Now: now, Version: "test", root: root}
	}
	out := filepath.Join(t.TempDir(), "public")
	ps := app().newPreviewSite(out, func() time.Time { return day })
	var before map[string]string // the site of the step before
	for i, s := range steps {
		s.change()
		if err := ps.rebuild(); err != nil {
			t.Fatalf("%s: rebuild: %v", s.name, err)
		}
		cold := filepath.Join(t.TempDir(), "public")
		if _, _, _, err := app().buildSite(cold, day, false, nil); err != nil {
			t.Fatalf("%s: cold build: %v", s.name, err)
		}
		got, want := siteTree(t, out), siteTree(t, cold)
		// Every page that changed is told to the open pages: as changed
		// by the build, or shown first as it now is.
		for p := range joined(before, got) {
			_, early := ps.shown[p]
			if strings.HasSuffix(p, ".html") && before != nil && ps.known && before[p] != got[p] && !early && !slices.Contains(ps.changed, p) {
				t.Errorf("step %d, %s: %s changed, and its open page is not told", i, s.name, p)
			}
		}
		before = got
		// The pages shown before the rest of the site are the cold
		// build's, and a page it does not have is shown as gone.
		for p, page := range ps.shown {
			if sum, ok := want[p]; page == nil && ok || page != nil && sum != fmt.Sprintf("%x", sha256.Sum256(page)) {
				t.Errorf("step %d, %s: %s was shown first otherwise than a cold build writes it", i, s.name, p)
			}
		}
		for p, page := range shownFirst[s.name] {
			if shown, ok := ps.shown[p]; !ok || (shown != nil) != page {
				t.Errorf("step %d, %s: %s shown first %v (a page %v), want a page %v", i, s.name, p, ok, shown != nil, page)
			}
		}
		for p, sum := range want {
			if got[p] != sum {
				t.Errorf("step %d, %s: the served site lacks or differs in %s", i, s.name, p)
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok {
				t.Errorf("step %d, %s: the served site has %s, a cold build not", i, s.name, p)
			}
		}
		if _, ok := got[s.absent]; s.absent != "" && ok {
			t.Errorf("step %d, %s: %s is still served", i, s.name, s.absent)
		}
		if _, ok := got[s.present]; s.present != "" && !ok {
			t.Errorf("step %d, %s: %s is not served", i, s.name, s.present)
		}
	}
}

// joined is the set of the keys of a and b.
func joined(a, b map[string]string) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// siteTree is every file of a built site with a digest of its content, by
// path; the manifest is left out, its keys being made with a secret of
// the folder's own.
func siteTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if site.Keyed(rel) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no site", dir)
	}
	return out
}
