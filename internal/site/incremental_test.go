package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
// touches.
func TestIncrementalBuildIsACold(t *testing.T) {
	root := copyFixture(t)
	out := filepath.Join(t.TempDir(), "public")
	steps := []struct {
		name   string
		change func()
		// most is the largest number of files the update may write.
		most int
	}{
		{"first build", func() {}, 1 << 20},
		{"nothing changed", func() {}, 0},
		{"a summary changed", func() {
			edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "Meet fijnstof", "Meet fijnstof en ozon")
		}, 12},
		{"the same again", func() {}, 12},
		{"a record removed", func() {
			if err := os.Remove(filepath.Join(root, "sensors", "lucht-dak.yaml")); err != nil {
				t.Fatal(err)
			}
		}, 1 << 20},
		{"a record added back with a new area", func() {
			data, err := os.ReadFile(filepath.Join(fixture, "sensors", "lucht-dak.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(data), "area: Centrum", "area: Haven", 1)
			if err := os.WriteFile(filepath.Join(root, "sensors", "lucht-dak.yaml"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}, 1 << 20},
	}
	for _, s := range steps {
		s.change()
		reg := loadFixture(t, root)
		_, st := build(t, reg, Options{Out: out})
		cold, _ := build(t, loadFixture(t, root), Options{})
		got, want := tree(t, out), tree(t, cold)
		if !slices.Equal(got, want) {
			for _, f := range want {
				if !slices.Contains(got, f) {
					t.Errorf("%s: the updated site lacks or differs in %s", s.name, f)
				}
			}
			for _, f := range got {
				if !slices.Contains(want, f) {
					t.Errorf("%s: the updated site has %s, a cold build not", s.name, f)
				}
			}
		}
		if st.Written > s.most {
			t.Errorf("%s: wrote %d of %d files, want at most %d", s.name, st.Written, st.Files, s.most)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sensoren", "lucht-dak.html")); err != nil {
		t.Errorf("the record added back has no page: %v", err)
	}
}
