//go:build unix

package outdir

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestUpdate: each version is complete in dir; the working copy starts
// from an earlier version, so a file that did not change is not written
// again, and the files dir shows are never written into.
func TestUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	put := func(files map[string]string) func(string) error {
		return func(work string) error {
			for p, s := range files {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(work, p)), 0o755); err != nil {
					return err
				}
				if _, err := PutFile(filepath.Join(work, p), []byte(s)); err != nil {
					return err
				}
			}
			// What the version does not have goes, as a build prunes.
			var stale []string
			tree, err := Scan(work, func(rel string, _ bool) {
				if _, ok := files[rel]; !ok {
					stale = append(stale, rel)
				}
			})
			if err != nil {
				return err
			}
			return tree.Remove(slices.Values(stale))
		}
	}
	versions := []map[string]string{
		{"index.html": "een", "a/x.html": "x1", "a/y.html": "y"},
		{"index.html": "twee", "a/x.html": "x1", "a/y.html": "y"},
		{"index.html": "drie", "a/x.html": "x2", "b/z.html": "z"},
		{"index.html": "drie", "a/x.html": "x2", "b/z.html": "z"},
		{"index.html": "drie", "a/x.html": "x2", "b/z.html": "z"},
	}
	var inodes []map[string]uint64
	for i, v := range versions {
		if err := Update(dir, put(v)); err != nil {
			t.Fatal(err)
		}
		inodes = append(inodes, map[string]uint64{})
		for p, want := range v {
			if data, _ := os.ReadFile(filepath.Join(dir, p)); string(data) != want {
				t.Errorf("version %d: %s = %q, want %q", i, p, data, want)
			}
			inodes[i][p] = inode(t, filepath.Join(dir, p))
		}
		if _, err := os.Stat(filepath.Join(dir, "a", "y.html")); i >= 2 && err == nil {
			t.Errorf("version %d: a/y.html of an earlier version survived", i)
		}
		if _, err := os.Stat(filepath.Join(dir, "b")); i < 2 && err == nil {
			t.Errorf("version %d: b/ exists", i)
		}
		if i == 0 {
			continue
		}
		// The previous version, as readers saw it, was not written into.
		for p, want := range versions[i-1] {
			if data, _ := os.ReadFile(filepath.Join(previousPath(dir), p)); string(data) != want {
				t.Errorf("version %d: the previous version's %s became %q", i, p, data)
			}
		}
		// The working copy held the version before the previous: a file
		// that is the same as there was not written again.
		if i < 2 {
			continue
		}
		for p, want := range v {
			if old, ok := versions[i-2][p]; ok && old == want && inodes[i][p] != inodes[i-2][p] {
				t.Errorf("version %d: %s was written again", i, p)
			}
		}
	}
	if s := siblings(t, dir); len(s) != 1 || s[0] != ".public.previous" {
		t.Errorf("next to the folder: %v, want only .public.previous", s)
	}
	// A failed fill leaves dir as it was.
	err := Update(dir, func(work string) error {
		write(t, filepath.Join(work, "index.html"), "half")
		return errors.New("disk full")
	})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Update with a failing fill = %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "drie" {
		t.Errorf("after a failed fill index.html = %q", data)
	}
	// and the next build corrects the half-updated copy.
	if err := Update(dir, put(versions[0])); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "een" {
		t.Errorf("after recovery index.html = %q", data)
	}
}

// TestUpdateSeedsFromLinks: a folder a plain Replace wrote (no working
// copy next to it) is updated through hard links, and the files readers
// see keep their content while the copy changes.
func TestUpdateSeedsFromLinks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Replace(dir, func(tmp string) error {
		write(t, filepath.Join(tmp, "keep.html"), "same")
		write(t, filepath.Join(tmp, "change.html"), "old")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	keep := inode(t, filepath.Join(dir, "keep.html"))
	old := filepath.Join(dir, "change.html")
	err := Update(dir, func(work string) error {
		for _, f := range []struct{ p, s string }{{"keep.html", "same"}, {"change.html", "new"}} {
			if _, err := PutFile(filepath.Join(work, f.p), []byte(f.s)); err != nil {
				return err
			}
		}
		// While the copy changes, the live folder is untouched.
		if data, _ := os.ReadFile(old); string(data) != "old" {
			t.Errorf("the live change.html became %q while the copy was written", data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := inode(t, filepath.Join(dir, "keep.html")); got != keep {
		t.Error("keep.html was written again although it did not change")
	}
	if data, _ := os.ReadFile(filepath.Join(previousPath(dir), "change.html")); string(data) != "old" {
		t.Errorf("the previous version's change.html = %q, want old", data)
	}
}

// TestNewFile: a streamed file is written only from where it differs, and
// one that did not change is left alone; also when the caller took it for
// a file that is not there (NewNewFile), and for PutFile and PutNewFile,
// which are given the content at once.
func TestNewFile(t *testing.T) {
	streamed := func(open func(string) *File) func(p string, chunks []string) (bool, error) {
		return func(p string, chunks []string) (bool, error) {
			f := open(p)
			for _, ch := range chunks {
				if _, err := f.Write([]byte(ch)); err != nil {
					return false, err
				}
			}
			return f.Close()
		}
	}
	whole := func(put func(string, []byte) (bool, error)) func(p string, chunks []string) (bool, error) {
		return func(p string, chunks []string) (bool, error) { return put(p, []byte(strings.Join(chunks, ""))) }
	}
	for name, write := range map[string]func(p string, chunks []string) (bool, error){
		"NewFile": streamed(NewFile), "NewNewFile": streamed(NewNewFile),
		"PutFile": whole(PutFile), "PutNewFile": whole(PutNewFile),
	} {
		t.Run(name, func(t *testing.T) { testNewFile(t, write) })
	}
}

func testNewFile(t *testing.T, put func(p string, chunks []string) (bool, error)) {
	dir := t.TempDir()
	cases := []struct {
		name, old string
		chunks    []string
		written   bool
	}{
		{"same", "abcdef", []string{"abc", "def"}, false},
		{"new file", "", []string{"abc"}, true},
		{"differs at the end", "abcdef", []string{"abc", "deX"}, true},
		{"shorter", "abcdef", []string{"abc"}, true},
		{"longer", "abc", []string{"abc", "def"}, true},
		{"differs at the start", "abcdef", []string{"Xbc", "def"}, true},
		{"empty to empty", "-", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
			switch c.old {
			case "":
			case "-":
				write(t, p, "")
			default:
				write(t, p, c.old)
			}
			// A link stands for the folder readers see, which shares the
			// file: it must keep the old content whatever is written.
			link := p + ".link"
			if c.old != "" {
				if err := os.Link(p, link); err != nil {
					t.Fatal(err)
				}
			}
			written, err := put(p, c.chunks)
			if err != nil {
				t.Fatal(err)
			}
			if written != c.written {
				t.Errorf("written = %v, want %v", written, c.written)
			}
			if data, _ := os.ReadFile(p); string(data) != strings.Join(c.chunks, "") {
				t.Errorf("file = %q, want %q", data, strings.Join(c.chunks, ""))
			}
			if c.old != "" {
				same := sameFile(t, p, link)
				if !c.written && !same {
					t.Error("an unchanged file was replaced")
				}
				old, _ := os.ReadFile(link)
				if c.written && (same || string(old) != strings.TrimPrefix(c.old, "-")) {
					t.Error("a changed file was written into, not replaced")
				}
			}
			if _, err := os.Stat(p + ".new"); err == nil {
				t.Error("the .new file was left")
			}
		})
	}
}

// TestTreeRemovesWhatIsNotKept: a scan reports each file once, links as
// not regular; removing what is not kept leaves the files kept and those
// written after the scan, and loses the folders left empty (those emptied
// by the removal, and those empty before) but no folder that still holds
// a file.
func TestTreeRemovesWhatIsNotKept(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.html", "gone.html", "x/kept.html", "x/gone.html", "y/z/gone.html", "w/gone.html"} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), "old")
	}
	if err := os.MkdirAll(filepath.Join(dir, "empty", "deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.html", filepath.Join(dir, "link.html")); err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	tree, err := Scan(dir+string(filepath.Separator)+".", func(rel string, regular bool) {
		if _, twice := files[rel]; twice {
			t.Errorf("%s reported twice", rel)
		}
		files[rel] = regular
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a.html": true, "gone.html": true, "x/kept.html": true, "x/gone.html": true, "y/z/gone.html": true, "w/gone.html": true, "link.html": false}
	if !maps.Equal(files, want) {
		t.Errorf("scanned %v, want %v", files, want)
	}
	// A file the build writes after the scan, in a folder whose old
	// file goes.
	writeFile(t, filepath.Join(dir, "w", "new.html"), "new")
	keep := map[string]bool{"a.html": true, "x/kept.html": true}
	gone := func(yield func(string) bool) {
		for rel := range files {
			if !keep[rel] && !yield(rel) {
				return
			}
		}
	}
	if err := tree.Remove(gone); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{
		"a.html": true, "x/kept.html": true, "w/new.html": true, "w": true, "x": true,
		"gone.html": false, "x/gone.html": false, "y": false, "empty": false, "link.html": false,
	} {
		_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p)))
		if got := err == nil; got != want {
			t.Errorf("%s there: %v, want %v", p, got, want)
		}
	}
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	sa, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(sa, sb)
}

// TestSameContent: two files are the same when both are regular and hold
// the same bytes, across the compare buffer's edge too.
func TestSameContent(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("a", 40<<10)
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a", "pagina")
	linked := filepath.Join(dir, "linked")
	if err := os.Link(a, linked); err != nil {
		t.Fatal(err)
	}
	symlink := filepath.Join(dir, "symlink")
	if err := os.Symlink(write("target", "pagina"), symlink); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	testbed.Pipe(t, pipe)
	for _, c := range []struct {
		name string
		b    string
		want bool
	}{
		{"a copy", write("copy", "pagina"), true},
		{"a hard link", linked, true},
		{"other bytes of the same size", write("other", "bladzij"[:6]), false},
		{"a longer file", write("longer", "pagina's"), false},
		{"no file", filepath.Join(dir, "none"), false},
		{"a link to a copy, not followed", symlink, false},
		{"a pipe, not opened", pipe, false},
		{"a folder", dir, false},
	} {
		if got := SameContent(a, c.b); got != c.want {
			t.Errorf("%s: SameContent = %v, want %v", c.name, got, c.want)
		}
	}
	x, y := write("x", long+"x"), write("y", long+"y")
	if SameContent(x, y) || !SameContent(x, write("x2", long+"x")) {
		t.Error("files longer than a buffer compare wrongly")
	}
}

// TestSecretIsNotReadFromAPipe: a named pipe where the site's key is kept
// is not opened (opening it would wait for a writer for ever): a new key
// takes its place, and the next build reads that one.
func TestSecretIsNotReadFromAPipe(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := filepath.Join(t.TempDir(), "public")
	p, err := cacheFile(dir, "site-keys", ".key")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	testbed.Pipe(t, p)
	var key []byte
	testbed.NoWait(t, p, "Secret", func() { key, err = Secret(dir) })
	if err != nil || len(key) != secretSize {
		t.Fatalf("Secret = %x, %v; want a new key", key, err)
	}
	again, err := Secret(dir)
	if err != nil || !bytes.Equal(again, key) {
		t.Errorf("the next Secret = %x, %v; want the key that replaced the pipe", again, err)
	}
}

// MakeDir makes each folder of its own: a file or a link in the way is
// replaced, and nothing is made where a link points.
func TestMakeDirDoesNotFollowALink(t *testing.T) {
	for _, tc := range []struct {
		name    string
		before  func(t *testing.T, root, outside string)
		removed []string
	}{
		{"nothing there", func(*testing.T, string, string) {}, nil},
		{"the folders there", func(t *testing.T, root, _ string) { mkdirAll(t, filepath.Join(root, "a", "b")) }, nil},
		{"a link to a folder elsewhere", func(t *testing.T, root, outside string) {
			symlink(t, outside, filepath.Join(root, "a"))
		}, []string{"a"}},
		{"a link below a folder", func(t *testing.T, root, outside string) {
			mkdirAll(t, filepath.Join(root, "a"))
			symlink(t, outside, filepath.Join(root, "a", "b"))
		}, []string{"a/b"}},
		{"a file", func(t *testing.T, root, _ string) {
			if err := os.WriteFile(filepath.Join(root, "a"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, outside := t.TempDir(), t.TempDir()
			tc.before(t, root, outside)
			removed, err := MakeDir(root, "a/b")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(removed, tc.removed) {
				t.Errorf("removed %q, want %q", removed, tc.removed)
			}
			for _, p := range []string{filepath.Join(root, "a"), filepath.Join(root, "a", "b")} {
				if st, err := os.Lstat(p); err != nil || !st.IsDir() {
					t.Errorf("%s is not a folder (%v)", p, err)
				}
			}
			if entries, _ := os.ReadDir(outside); len(entries) > 0 {
				t.Errorf("the folder a link pointed to holds %d entries, want none", len(entries))
			}
		})
	}
}

func mkdirAll(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

func TestMakeDirStaysBelowItsRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	mkdirAll(t, root)
	for _, rel := range []string{"..", "../x", "a/../../x", "/abs"} {
		if _, err := MakeDir(root, rel); err == nil {
			t.Errorf("MakeDir(%q) made a folder, want an error", rel)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(root)); len(entries) != 1 {
		t.Errorf("%d entries beside the root, want the root alone", len(entries))
	}
}
