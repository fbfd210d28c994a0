// Package testbed builds what tests need on disk: a register's files in a
// temporary folder, and a Git repository committed to at chosen times. It is
// imported by tests only.
package testbed

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Register writes files (path relative to the root, slash-separated →
// content) into a new temporary folder and returns it.
func Register(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	Write(t, root, files)
	return root
}

// Write writes files under dir, making folders as needed, and removes the
// paths whose content is "".
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if content == "" {
			if err := os.Remove(full); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Git is a Git repository in a temporary folder, built through go-git.
type Git struct {
	t testing.TB
	// Dir is the work tree's top.
	Dir string
	// Repo is the repository, for tags, branches and what else a test needs.
	Repo *git.Repository
	wt   *git.Worktree
	// Name and Email sign the commits.
	Name, Email string
}

// NewGit initialises an empty repository in a new temporary folder.
func NewGit(t testing.TB) *Git {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &Git{t: t, Dir: dir, Repo: repo, wt: wt, Name: "Registerbeheer", Email: "register@voorbeeldstad.example"}
}

// Write changes the work tree without committing (see the package's Write).
func (g *Git) Write(files map[string]string) {
	g.t.Helper()
	Write(g.t, g.Dir, files)
}

// Commit writes files, stages every change in the work tree and commits it
// at when; it returns the commit's hash.
func (g *Git) Commit(when time.Time, msg string, files map[string]string) plumbing.Hash {
	g.t.Helper()
	g.Write(files)
	if err := g.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		g.t.Fatal(err)
	}
	sig := &object.Signature{Name: g.Name, Email: g.Email, When: when}
	h, err := g.wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
	if err != nil {
		g.t.Fatal(err)
	}
	return h
}

// Main runs a test binary's tests with the user's cache folder
// (os.UserCacheDir, which check's result cache and the history cache fall
// back to outside Git) pointed at a fresh temporary folder, for the tests and
// every process they start, so a test run leaves nothing in the real one.
// Call it from TestMain: func TestMain(m *testing.M) { os.Exit(testbed.Main(m)) }.
func Main(m *testing.M) int {
	dir, err := os.MkdirTemp("", "register-test-cache-")
	if err != nil {
		return m.Run()
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_CACHE_HOME", dir)
	return m.Run()
}

// FilesHolding lists the files below the roots (folders or files) that
// hold any of needles, in any case, as "path: needle": what a test of the
// public outputs looks for a secret in.
func FilesHolding(t testing.TB, roots []string, needles ...string) []string {
	t.Helper()
	var hits []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			low := bytes.ToLower(data)
			for _, n := range needles {
				if bytes.Contains(low, []byte(strings.ToLower(n))) {
					hits = append(hits, p+": "+n)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return hits
}

// Cut is a copy of the first n bytes of good: a file cut short, as a
// fuzz target's seed.
func Cut(good []byte, n int) []byte { return bytes.Clone(good[:n]) }

// Flip is a copy of good with the bits bit of its byte i flipped: a file
// damaged in place, as a fuzz target's seed.
func Flip(good []byte, i int, bit byte) []byte {
	b := bytes.Clone(good)
	b[i] ^= bit
	return b
}

// Pipe makes a named pipe at path for a test of a file that is not a
// regular one: it skips the test where the system has none, and fails it
// when the pipe cannot be made.
func Pipe(t testing.TB, path string) {
	t.Helper()
	if ok, err := FIFO(path); !ok {
		t.Skip("no named pipes here")
	} else if err != nil {
		t.Fatal(err)
	}
}

// NoWait runs f and fails t when it has not returned within ten seconds,
// which is what opening the named pipe at pipe (FIFO) to read or write
// makes it do: the pipe is then opened from both ends, so that f goes on,
// and t fails saying that what waits on it.
func NoWait(t testing.TB, pipe, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		unblock(pipe)
		t.Fatalf("%s waits on a named pipe", what)
	}
}
