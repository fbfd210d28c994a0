package cli

import (
	"os"
	"path/filepath"
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

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
