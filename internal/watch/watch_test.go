package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// patience is how long a test waits for what must come: generous, so a
// busy machine does not fail it; nothing is timed.
const patience = 20 * time.Second

// register makes a small register root: the configuration, a record of
// each kind, a sub-folder and a file outside the register's folders.
func register(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for p, s := range map[string]string{
		"register.yaml":      "organisation: X\n",
		"sensors/a.yaml":     "id: a\n",
		"sensors/sub/c.yaml": "id: c\n",
		"algorithms/b.yaml":  "id: b\n",
		"elders/t.yaml":      "id: t\n",
	} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// modes are the two ways of watching: notifications, and the fallback
// that looks at every file.
var modes = []struct {
	name string
	opts Options
}{
	{"notified", Options{}},
	{"polled", Options{Poll: 10 * time.Millisecond, noNotify: true}},
}

// TestWatchChanges: every kind of change to what a build reads is told,
// each step once its change was told before it; a change in a folder
// that appeared after the watching began included.
func TestWatchChanges(t *testing.T) {
	cases := []struct {
		name  string
		steps []func(t *testing.T, root string)
	}{
		{"a record created", steps(write("sensors/d.yaml", "id: d\n"))},
		{"a record written", steps(write("sensors/a.yaml", "id: a\nname: A\n"))},
		{"a record saved over by rename", steps(saveOver("sensors/a.yaml", "id: a\nname: Aa\n"))},
		{"a record removed", steps(remove("algorithms/b.yaml"))},
		// Each step changes a file's size: the fallback looks at sizes and
		// modification times, and a file written twice within one tick of
		// the system's clock (some milliseconds) keeps its time.
		{"the configuration saved over by rename", steps(saveOver("register.yaml", "organisation: Yy\n"))},
		{"the configuration made a symlink, and its file saved", steps(func(t *testing.T, root string) {
			remove("register.yaml")(t, root)
			link("elders/t.yaml", "register.yaml")(t, root)
		}, write("elders/t.yaml", "organisation: Z\n"))},
		{"a symlinked record's file saved over by rename", steps(link("../elders/t.yaml", "sensors/t.yaml"), saveOver("elders/t.yaml", "id: t\nname: T\n"), write("elders/t.yaml", "id: t\nname: Tt\n"))},
		{"a new sub-folder, and a file in it", steps(mkdir("sensors/new"), write("sensors/new/e.yaml", "id: e\n"))},
		{"a file in a sub-folder", steps(write("sensors/sub/c.yaml", "id: c\nname: C\n"))},
		{"a sub-folder removed", steps(remove("sensors/sub"))},
		{"a record folder made anew, and a record in it", steps(remove("algorithms"), mkdir("algorithms"), write("algorithms/f.yaml", "id: f\n"))},
		{"a symlinked record's file saved over", steps(link("../elders/t.yaml", "sensors/t.yaml"), write("elders/t.yaml", "id: t\nname: T\n"))},
	}
	for _, m := range modes {
		for _, c := range cases {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				root := register(t)
				w := New(root, m.opts)
				defer w.Close()
				for i, step := range c.steps {
					step(t, root)
					if !wait(w.Changes()) {
						t.Fatalf("step %d: no change told", i+1)
					}
				}
			})
		}
	}
}

// TestWatchRelativeRoot: a root given as a relative path ("." by
// default) is watched as well.
func TestWatchRelativeRoot(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			root := register(t)
			t.Chdir(root)
			w := New(".", m.opts)
			defer w.Close()
			write("sensors/a.yaml", "id: a\nname: A\n")(t, root)
			if !wait(w.Changes()) {
				t.Fatal("no change told")
			}
		})
	}
}

// TestWatchProblems: a symlink loop among the records is told once, the
// watching goes on beside it, and its removal is told too.
func TestWatchProblems(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			root := register(t)
			w := New(root, m.opts)
			defer w.Close()
			loop := filepath.Join(root, "sensors", "lus.yaml")
			if err := os.Symlink("lus.yaml", loop); err != nil {
				t.Skip("no symlinks here:", err)
			}
			if n := note(t, w); !strings.Contains(n.Problem, "lus.yaml") {
				t.Fatalf("problem %q, want the loop named", n.Problem)
			}
			write("sensors/d.yaml", "id: d\n")(t, root)
			if !wait(w.Changes()) {
				t.Fatal("no change told beside the loop")
			}
			remove("sensors/lus.yaml")(t, root)
			if n := note(t, w); n.Problem != "" {
				t.Fatalf("problem %q after the loop was removed, want none", n.Problem)
			}
		})
	}
}

// TestRelevant: what a build reads counts; what is beside it, and the
// hidden files of editors, do not.
func TestRelevant(t *testing.T) {
	w := &Watcher{root: filepath.FromSlash("/r")}
	for p, want := range map[string]bool{
		"/r/register.yaml":           true,
		"/r/sensors":                 true,
		"/r/algorithms":              true,
		"/r/sensors/a.yaml":          true,
		"/r/sensors/sub/a.yaml":      true,
		"/r/sensors/sub":             true,
		"/r/README.md":               false,
		"/r/.git":                    false,
		"/r/elders/a.yaml":           false,
		"/r/sensors/.a.yaml.swp":     false,
		"/r/algorithms/.#b.yaml":     false,
		"/rr/sensors/a.yaml":         false,
		"/r/register.yaml.new":       false,
		"/elsewhere/register.yaml":   false,
		"/r/sensors/sub/.hidden.yml": false,
	} {
		if got := w.relevant(filepath.FromSlash(p)); got != want {
			t.Errorf("relevant(%s) = %v, want %v", p, got, want)
		}
	}
}

func steps(fs ...func(*testing.T, string)) []func(*testing.T, string) { return fs }

func write(rel, text string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// saveOver saves as many editors do: the text to a hidden file beside
// rel, which is then renamed over it.
func saveOver(rel, text string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(rel string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(rel string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func link(target, rel string) func(*testing.T, string) {
	return func(t *testing.T, root string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
}

// wait reports whether a change came within patience.
func wait(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	case <-time.After(patience):
		return false
	}
}

// note is the watcher's next note that tells of problems.
func note(t *testing.T, w *Watcher) Note {
	t.Helper()
	deadline := time.After(patience)
	for {
		select {
		case n := <-w.Notes():
			if n.Polling == nil {
				return n
			}
		case <-deadline:
			t.Fatal("no note")
		}
	}
}
