package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestUncommitted: the files of the register that differ from HEAD, and
// no others (migrate refuses a dirty work tree; the packet's cover says so).
func TestUncommitted(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "register")
	gitRun := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitRun("init", "-q")
	if got, err := Uncommitted(dir); err != nil || len(got) != 0 {
		t.Fatalf("empty repository: %q %v", got, err)
	}
	for name, text := range map[string]string{"register/sensors/a.yaml": "id: a\n", "README.md": "x\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitRun("add", "-A")
	gitRun("commit", "-qm", "init")
	if got, err := Uncommitted(root); err != nil || len(got) != 0 {
		t.Errorf("clean tree: %q %v", got, err)
	}
	// A change outside the register does not count; one inside does.
	_ = os.WriteFile(filepath.Join(dir, "README.md"), []byte("y\n"), 0o644)
	if got, err := Uncommitted(root); err != nil || len(got) != 0 {
		t.Errorf("change outside the register: %q %v", got, err)
	}
	_ = os.WriteFile(filepath.Join(root, "sensors", "a.yaml"), []byte("id: b\n"), 0o644)
	_ = os.WriteFile(filepath.Join(root, "sensors", "new.yaml"), []byte("id: n\n"), 0o644)
	if got, err := Uncommitted(root); err != nil || !slices.Equal(got, []string{"sensors/a.yaml", "sensors/new.yaml"}) {
		t.Errorf("dirty tree: %q %v", got, err)
	}
	if got, err := Uncommitted(t.TempDir()); err != nil || got != nil {
		t.Errorf("outside Git: %q %v", got, err)
	}
}
