package site

import (
	"encoding/hex"
	"maps"
	"slices"
	"testing"
)

// TestSiteFilesNewManifest: the manifest written holds the paths written
// with a key, sorted however they were added, each with its new key.
func TestSiteFilesNewManifest(t *testing.T) {
	for _, order := range [][]string{
		{"a.html", "b/c.html", "d.html"},
		{"d.html", "a.html", "b/c.html"},
		{"b/c.html", "d.html", "a.html", "unkeyed.html"},
	} {
		f := newSiteFiles(0)
		for i, p := range order {
			s := f.state(p)
			if p == "unkeyed.html" {
				s.has |= listed
				continue
			}
			s.new, s.has = pageKey{byte(i + 1)}, listed|hasNew
		}
		var got []string
		for p, k := range f.newManifest() {
			if want := f.lookup(p).new; k != want {
				t.Errorf("%q: %s has key %x, want %x", order, p, k[:1], want[:1])
			}
			got = append(got, p)
		}
		if want := []string{"a.html", "b/c.html", "d.html"}; !slices.Equal(got, want) {
			t.Errorf("%q: manifest of %q, want %q", order, got, want)
		}
	}
}

// TestSiteFilesManifests: a manifest read whole gives its keys and says so
// (read); a damaged one gives none of its kind and leaves the other's.
func TestSiteFilesManifests(t *testing.T) {
	line := func(b byte, p string) string { k := pageKey{b}; return hex.EncodeToString(k[:]) + " " + p + "\n" }
	good := line(1, "a.html") + line(2, "b.html")
	for _, tc := range []struct {
		name      string
		cur       string
		read      fileFlags
		wantCur   map[string]pageKey
		wantPaths int
	}{
		{"whole", line(3, "a.html") + line(4, "c.html"), hasOld | hasCur, map[string]pageKey{"a.html": {3}, "c.html": {4}}, 3},
		{"damaged at its second line", line(3, "a.html") + "zz c.html\n", hasOld, map[string]pageKey{}, 2},
		{"cut short", line(3, "a.html") + line(4, "c.html")[:20], hasOld, map[string]pageKey{}, 2},
		{"empty", "", hasOld | hasCur, map[string]pageKey{}, 2},
		// Found where the path before was followed, or looked up.
		{"the same paths", line(3, "a.html") + line(4, "b.html"), hasOld | hasCur, map[string]pageKey{"a.html": {3}, "b.html": {4}}, 2},
		{"paths between and after", line(3, "a.html") + line(5, "ab.html") + line(4, "b.html") + line(6, "c.html"), hasOld | hasCur,
			map[string]pageKey{"a.html": {3}, "ab.html": {5}, "b.html": {4}, "c.html": {6}}, 4},
		{"the first missing", line(4, "b.html"), hasOld | hasCur, map[string]pageKey{"b.html": {4}}, 2},
		{"out of order", line(4, "b.html") + line(3, "a.html"), hasOld | hasCur, map[string]pageKey{"a.html": {3}, "b.html": {4}}, 2},
	} {
		f := newSiteFiles(0)
		f.addManifest(hasOld, manifestSource{lines: []byte(good)})
		f.addManifest(hasCur, manifestSource{lines: []byte(tc.cur)})
		if f.read != tc.read {
			t.Errorf("%s: read %b, want %b", tc.name, f.read, tc.read)
		}
		old, cur := map[string]pageKey{}, map[string]pageKey{}
		for _, p := range f.paths {
			s := f.lookup(p)
			if s.has&hasOld != 0 {
				old[p] = s.old
			}
			if s.has&hasCur != 0 {
				cur[p] = s.cur
			}
		}
		if want := map[string]pageKey{"a.html": {1}, "b.html": {2}}; !maps.Equal(old, want) {
			t.Errorf("%s: old keys %v, want %v", tc.name, old, want)
		}
		if !maps.Equal(cur, tc.wantCur) {
			t.Errorf("%s: current keys %v, want %v", tc.name, cur, tc.wantCur)
		}
		if len(f.paths) < tc.wantPaths {
			t.Errorf("%s: %d paths, want %d", tc.name, len(f.paths), tc.wantPaths)
		}
		if len(f.index) != len(f.paths) {
			t.Errorf("%s: %d paths, %d in the index: a path was added twice", tc.name, len(f.paths), len(f.index))
		}
	}
	f := newSiteFiles(0)
	f.addManifest(hasCur, manifestSource{})
	if f.read != 0 {
		t.Errorf("no manifest reads as read: %b", f.read)
	}
	kept := &manifest{paths: []string{"a.html"}, keys: []pageKey{{7}}}
	f.addManifest(hasOld, manifestSource{kept: kept})
	if s := f.lookup("a.html"); f.read != hasOld || s == nil || s.old != (pageKey{7}) {
		t.Errorf("a kept manifest: read %b, a.html %+v", f.read, s)
	}
}

// TestSiteFilesStaleAndChanged: what the working copy held and the build
// did not list goes; a path changed when its key differs between the
// current site and the one written, or one of the two has none.
func TestSiteFilesStaleAndChanged(t *testing.T) {
	f := newSiteFiles(0)
	for _, tc := range []struct {
		path     string
		has      fileFlags
		cur, new byte
	}{
		{"kept.html", scanned | regular | listed | hasCur | hasNew, 1, 1},
		{"edited.html", scanned | regular | listed | hasCur | hasNew, 1, 2},
		{"removed.html", scanned | regular | hasCur, 1, 0},
		{"link.html", scanned, 0, 0},
		{"added.html", listed | hasNew, 0, 3},
		{"unkeyed.html", scanned | regular | listed, 0, 0},
		{"gone-before.html", hasOld, 0, 0},
	} {
		s := f.state(tc.path)
		s.has, s.cur, s.new = tc.has, pageKey{tc.cur}, pageKey{tc.new}
	}
	if got, want := slices.Sorted(f.stale()), []string{"link.html", "removed.html"}; !slices.Equal(got, want) {
		t.Errorf("stale %q, want %q", got, want)
	}
	if got, want := f.changed(), []string{"added.html", "edited.html", "removed.html"}; !slices.Equal(got, want) {
		t.Errorf("changed %q, want %q", got, want)
	}
}

// lookup returns the state of p, nil when nothing named it.
func (f *siteFiles) lookup(p string) *fileState {
	if i, ok := f.index[p]; ok {
		return f.at(i)
	}
	return nil
}
