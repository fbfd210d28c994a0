package cli

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestCheckCachedIsByteIdentical: `register check` taking results from the
// cache prints, in every format, exactly what a cold run without the cache
// prints, also after a record changed; --no-cache neither reads nor writes
// the cache.
func TestCheckCachedIsByteIdentical(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	if err := testgen.Write(root, 60, 4); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(os.Getenv("XDG_CACHE_HOME"), "register-check")
	cold := func(format string) string {
		out, errOut, code := run(t, "--root", root, "check", "--no-cache", "--as-of", "2026-11-24", "--format", format)
		if code == ExitError {
			t.Fatalf("check --no-cache: %s", errOut)
		}
		return out
	}
	if cold("json"); dirExists(cacheDir) {
		t.Fatal("check --no-cache wrote a cache")
	}
	for step, edit := range []func(){
		func() {},
		func() {
			files, err := testgen.RecordFiles(root)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(files[3]); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(files[5], os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("retention: P1D\n")
			f.Close()
		},
	} {
		edit()
		for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
			want := cold(format)
			for i := range 2 { // the first may fill the cache, the second reads it
				got, errOut, code := run(t, "--root", root, "check", "--as-of", "2026-11-24", "--format", format)
				if code == ExitError {
					t.Fatalf("check: %s", errOut)
				}
				if got != want {
					t.Fatalf("step %d, %s, run %d: the cached output differs from the cold one", step, format, i+1)
				}
			}
		}
	}
	if !dirExists(cacheDir) {
		t.Fatal("check wrote no cache: the test compared cold runs only")
	}
}

// generatedWithCache writes a generated register of 60 records, with a
// cache folder of the test's own, and returns its root and record files.
func generatedWithCache(t *testing.T) (string, []string) {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	if err := testgen.Write(root, 60, 4); err != nil {
		t.Fatal(err)
	}
	files, err := testgen.RecordFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	return root, files
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// TestBuildCachedIsByteIdentical: `register build` taking each file's
// result from the check cache and its parsed value from the parse cache
// writes exactly the site a cold build without caches writes, also after
// records were removed, edited and given a publication block that
// withholds a field.
func TestBuildCachedIsByteIdentical(t *testing.T) {
	root, files := generatedWithCache(t)
	appendTo := func(f, text string) {
		fh, err := os.OpenFile(f, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		if _, err := fh.WriteString(text); err != nil {
			t.Fatal(err)
		}
	}
	build := func(out string, flags ...string) map[string]string {
		args := append([]string{"--root", root, "build", "--as-of", "2026-11-24", "--out", out}, flags...)
		if _, errOut, code := run(t, args...); code == ExitError {
			t.Fatalf("build %v: %s", flags, errOut)
		}
		return siteTree(t, out)
	}
	for _, step := range []struct {
		name string
		edit func()
	}{
		{"as generated", func() {}},
		{"one removed, one edited", func() {
			if err := os.Remove(files[3]); err != nil {
				t.Fatal(err)
			}
			appendTo(files[5], "retention: P1D\n")
		}},
		{"a field withheld", func() {
			for _, f := range files[6:] {
				if data, err := os.ReadFile(f); err == nil && !strings.Contains(string(data), "\npublication:") {
					appendTo(f, "publication:\n  public: true\n  withheld:\n    - purpose\n")
					return
				}
			}
			t.Fatal("every generated record has a publication block")
		}},
	} {
		step.edit()
		want := build(filepath.Join(t.TempDir(), "cold"), "--no-cache")
		out := filepath.Join(t.TempDir(), "public")
		for i := range 2 { // the first may fill the caches, the second reads them
			got := build(out)
			if !maps.Equal(got, want) {
				t.Fatalf("%s, run %d: the cached build differs from the cold one", step.name, i+1)
			}
		}
	}
	parsed, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "register-check", "*.parsed"))
	if len(parsed) == 0 {
		t.Fatal("build wrote no parse cache: the test compared cold builds only")
	}
}

// TestDueCachedIsByteIdentical: `register due` reading records from the
// caches a check or build kept prints, in every format, exactly what it
// prints without them, also after records were removed and edited;
// --no-cache neither reads nor writes them.
func TestDueCachedIsByteIdentical(t *testing.T) {
	root, files := generatedWithCache(t)
	cacheDir := filepath.Join(os.Getenv("XDG_CACHE_HOME"), "register-check")
	due := func(format string, flags ...string) string {
		out, errOut, code := run(t, append([]string{"--root", root, "due", "--as-of", "2026-11-24", "--format", format}, flags...)...)
		if code == ExitError {
			t.Fatalf("due %v: %s", flags, errOut)
		}
		return out
	}
	before := due("json", "--no-cache")
	if dirExists(cacheDir) {
		t.Fatal("due --no-cache wrote a cache")
	}
	var edited string // the id of the record step 1 edits
	for step, edit := range []func(){
		func() {},
		func() {
			if err := os.Remove(files[3]); err != nil {
				t.Fatal(err)
			}
			// An active record's last evaluation long ago, its next one
			// has lapsed: the list must follow the file, not the cache.
			for _, f := range files[6:] {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				s := string(data)
				if !strings.Contains(s, "\nstatus: active\n") || !strings.Contains(s, "\nevaluation:\n") || strings.Contains(s, "\n  last:") {
					continue
				}
				s = strings.Replace(s, "\nevaluation:\n", "\nevaluation:\n  last: \"2019-01-01\"\n", 1)
				if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
				edited = strings.TrimSuffix(filepath.Base(f), ".yaml")
				return
			}
			t.Fatal("no active record without a last evaluation to edit")
		},
	} {
		edit()
		if list := due("json", "--no-cache"); step == 1 && (list == before || !strings.Contains(list, `"`+edited+`"`)) {
			t.Fatalf("the edit of %s did not change the list", edited)
		}
		for _, format := range []string{"text", "json", "csv", "ical"} {
			want := due(format, "--no-cache")
			for i := range 2 { // the first may fill the caches, the second reads them
				if got := due(format); got != want {
					t.Fatalf("step %d, %s, run %d: the cached list differs from the one made without the caches", step, format, i+1)
				}
			}
		}
	}
	if !dirExists(cacheDir) {
		t.Fatal("due wrote no cache: the test compared runs without it only")
	}
}

// TestNoCacheFolderIsSaid: when the user's cache folder cannot be known (a
// relative XDG_CACHE_HOME, no HOME), a register outside Git is checked and
// its site made whole each run; the steward is told why and what to set,
// once, rather than finding every run slow. --no-cache asks for it and is
// told nothing.
func TestNoCacheFolderIsSaid(t *testing.T) {
	root := t.TempDir()
	if err := testgen.Write(root, 12, 2); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, env := range []map[string]string{
		{"XDG_CACHE_HOME": "relative/cache"},
		{"XDG_CACHE_HOME": "", "HOME": ""},
	} {
		for k, v := range env {
			t.Setenv(k, v)
		}
		for _, c := range []struct {
			args []string
			want []string
		}{
			{[]string{"check"}, []string{"results of earlier runs cannot be kept", "set XDG_CACHE_HOME to an absolute folder"}},
			{[]string{"build", "--out", out}, []string{"results of earlier runs cannot be kept", "site cannot keep what its pages were made of"}},
			{[]string{"check", "--no-cache"}, nil},
		} {
			args := append([]string{"--lang", "en", "--root", root}, c.args...)
			_, errOut, code := run(t, append(args, "--as-of", "2026-11-24")...)
			if code == ExitError {
				t.Fatalf("%v %v: %s", env, c.args, errOut)
			}
			for _, w := range c.want {
				if strings.Count(errOut, w) != 1 {
					t.Errorf("%v %v: want %q said once, got:\n%s", env, c.args, w, errOut)
				}
			}
			if c.want == nil && strings.Contains(errOut, "cannot be kept") {
				t.Errorf("%v %v: warned of caches not asked for:\n%s", env, c.args, errOut)
			}
		}
	}
}

// TestPacketCachedIsByteIdentical: `register packet` reading its records
// and findings from the caches a check or build kept writes, in every
// format and for the public version too, exactly the packet made without
// them and says the same of the records it read, also after records were
// removed, edited, withheld from and taken out of publication, and beside
// files that do not read or that the schema refuses; --no-cache neither
// reads nor writes them.
func TestPacketCachedIsByteIdentical(t *testing.T) {
	root, files := generatedWithCache(t)
	cacheDir := filepath.Join(os.Getenv("XDG_CACHE_HOME"), "register-check")
	dir := t.TempDir()
	ids := make([]string, 0, len(files))
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	// The packet and what the command said of the records it read.
	packet := func(name string, flags ...string) string {
		out := filepath.Join(dir, name)
		args := append([]string{"--root", root, "packet", "--as-of", "2026-11-24", "--out", out}, flags...)
		said, errOut, code := run(t, args...)
		if code != ExitOK {
			t.Fatalf("packet %v: exit %d: %s", flags, code, errOut)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(data) + "\n" + strings.ReplaceAll(said, name, "") + errOut
	}
	if packet("cold.md", "--no-cache"); dirExists(cacheDir) {
		t.Fatal("packet --no-cache wrote a cache")
	}
	edit := func(f string, change func(string) string) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(change(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []struct {
		name string
		edit func()
	}{
		{"as generated", func() {}},
		{"one removed, one edited", func() {
			if err := os.Remove(files[3]); err != nil {
				t.Fatal(err)
			}
			ids = slices.DeleteFunc(ids, func(id string) bool { return id+".yaml" == filepath.Base(files[3]) })
			edit(files[5], func(s string) string {
				return regexp.MustCompile(`(?m)^summary: .*$`).ReplaceAllString(s, `summary: "Telt wat er voorbij komt, nu ook 's nachts."`)
			})
		}},
		{"a field withheld, a record not public", func() {
			edit(files[6], func(s string) string {
				s, _, _ = strings.Cut(s, "\npublication:")
				return strings.TrimRight(s, "\n") + "\npublication:\n  public: true\n  withheld:\n    - purpose\n  reason: Wet open overheid art. 5.1 lid 2 sub d\n"
			})
			edit(files[7], func(s string) string {
				s, _, _ = strings.Cut(s, "\npublication:")
				return strings.TrimRight(s, "\n") + "\npublication:\n  public: false\n  reason: Wet open overheid art. 5.1 lid 2 sub d\n"
			})
		}},
		{"a file that does not read, one the schema refuses", func() {
			if err := os.WriteFile(filepath.Join(root, "sensors", "kapot.yaml"), []byte("id: kapot\nname: [kapot\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			edit(files[8], func(s string) string {
				return regexp.MustCompile(`(?m)^status: .*$`).ReplaceAllString(s, "status: wrongstatus")
			})
		}},
	} {
		step.edit()
		for _, flags := range [][]string{nil, {"--public"}, {"--lang", "en"}} {
			for _, ext := range []string{"md", "html", "pdf"} {
				args := append(slices.Clone(flags), "--ids", strings.Join(ids, ","))
				want := packet("cold."+ext, append(args, "--no-cache")...)
				for i := range 2 { // the first may fill the caches, the second reads them
					if got := packet("cached."+ext, args...); got != want {
						t.Fatalf("%s, %v %s, run %d: the cached packet differs from the one made without the caches", step.name, flags, ext, i+1)
					}
				}
			}
		}
	}
	if !dirExists(cacheDir) {
		t.Fatal("packet wrote no cache: the test compared packets made without it only")
	}
}
