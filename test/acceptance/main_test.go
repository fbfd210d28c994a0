package acceptance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bin is the register binary built once for the whole suite.
var bin string

// asOf fixes "today" for every run, so the suite does not age.
const asOf = "2026-11-24"

// stad is the register written from the documentation, mistakes included.
const stad = "testdata/acceptance/stad"

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "register-acceptance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "register")
	args := []string{"build", "-o", bin}
	if os.Getenv("ACCEPTANCE_RACE") != "" {
		// A race-detecting binary: a data race in any command fails the
		// run with a "WARNING: DATA RACE" report on stderr.
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "github.com/voorbeeldstad/register/cmd/register")...)
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	// The binary's result and history caches fall back to the user's cache
	// folder for registers outside Git: keep them in this run's folder.
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary gave.
type result struct {
	code           int
	stdout, stderr string
}

// out is everything the user saw.
func (r result) out() string { return r.stdout + r.stderr }

// run executes the binary in dir with a clean environment (no REGISTER_
// variables or locale from the developer's shell, no colour) plus env, and fails the
// test if a panic or a Go stack trace reaches the user.
func run(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		// Nor the developer's locale: the language comes from the register
		// or from env.
		if !strings.HasPrefix(kv, "REGISTER_") && !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "NO_COLOR=1", "TZ=UTC")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("register %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() != nil {
		t.Fatalf("register %s: timed out", strings.Join(args, " "))
	}
	assertNoCrash(t, args, r)
	return r
}

// assertNoCrash fails when the user sees a panic or a goroutine dump.
func assertNoCrash(t *testing.T, args []string, r result) {
	t.Helper()
	for _, bad := range []string{"panic:", "goroutine ", "runtime error", "[recovered]", "DATA RACE"} {
		if strings.Contains(r.out(), bad) {
			t.Errorf("register %s: output contains %q:\n%s", strings.Join(args, " "), bad, r.out())
		}
	}
}

// workspace copies the register into a fresh temporary working folder as
// ./register, the layout of a municipality's repository, and returns the
// folder.
func workspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, stad, filepath.Join(dir, "register"))
	return dir
}

// copyTree copies the files under src byte for byte.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeFile writes a file, creating its folder.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// entries lists the names in a folder, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// treeContains reports the files under dir whose content holds s.
func treeContains(t *testing.T, dir, s string) []string {
	t.Helper()
	var hits []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(s)) {
			hits = append(hits, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hits
}

// readFile returns a file's content.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
