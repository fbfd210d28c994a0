//go:build linux || darwin

package statsum

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// later is a run that starts an hour from now: every file written by the
// test is then well before it, not racy.
var later = time.Now().Add(time.Hour)

// write writes content to the file at p and returns what the file system
// says of it and the hash of its content, as a run that read it would note.
func write(t *testing.T, p, content string) (Stat, [32]byte) {
	t.Helper()
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return statOf(t, p), sha256.Sum256([]byte(content))
}

func statOf(t *testing.T, p string) Stat {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(p, &st); err != nil {
		t.Fatal(err)
	}
	s, ok := Of(&st)
	if !ok {
		t.Fatal("no times")
	}
	return s
}

// TestAChangedFileIsNotFound: a file noted is found as long as the file
// system describes it as it did; every way of changing its content (a
// write of the same size with its modification time put back, another
// file put in its place, a symlink in its place, removing it) makes it
// not found.
func TestAChangedFileIsNotFound(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, c := range []struct {
		name   string
		change func(p string)
		found  bool
	}{
		{"unchanged", func(string) {}, true},
		{"the same size, the modification time put back", func(p string) {
			if err := os.WriteFile(p, []byte("id: b\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"another file put in its place", func(p string) {
			tmp := p + ".new"
			if err := os.WriteFile(tmp, []byte("id: a\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(tmp, old, old); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, p); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a symlink in its place", func(p string) {
			other := filepath.Join(dir, "other.yaml")
			if err := os.Rename(p, other); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(other, p); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"removed", func(p string) {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "a.yaml")
			if err := os.WriteFile(p, []byte("id: a\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
			st, sum := statOf(t, p), sha256.Sum256([]byte("id: a\n"))
			store := filepath.Join(t.TempDir(), "sums")
			s := Open(store, later)
			s.Note("sensors/a.yaml", st, sum)
			if err := s.Save(true); err != nil {
				t.Fatal(err)
			}
			c.change(p)
			got, found := Open(store, later).Lookup("sensors/a.yaml", p)
			if found != c.found || found && got != sum {
				t.Errorf("found %v (%x), want %v", found, got[:4], c.found)
			}
		})
	}
}

// TestRacyFilesAreNotNoted: a file whose modification or change time is
// within RacyWithin of the run's start (or after it) is not kept: written
// again within the same tick of the file system's clock, it could keep
// its times.
func TestRacyFilesAreNotNoted(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.yaml")
	st, sum := write(t, p, "id: a\n")
	store := filepath.Join(t.TempDir(), "sums")
	for _, c := range []struct {
		name  string
		start time.Time
		kept  bool
	}{
		{"written just before the run", time.Now(), false},
		{"written during the run", time.Now().Add(-time.Minute), false},
		{"written well before the run", later, true},
	} {
		s := Open(store, c.start)
		s.Note("sensors/a.yaml", st, sum)
		if err := s.Save(true); err != nil {
			t.Fatal(err)
		}
		if _, found := Open(store, later).Lookup("sensors/a.yaml", p); found != c.kept {
			t.Errorf("%s: kept %v, want %v", c.name, found, c.kept)
		}
		os.Remove(store)
	}
}

// TestSaveKeepsWhatTheRunLookedAt: a run that looked at every file keeps
// the entries it found or noted and lets go of the others (files removed
// since); a run that looked at some keeps the others too.
func TestSaveKeepsWhatTheRunLookedAt(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(t.TempDir(), "sums")
	s := Open(store, later)
	paths := map[string]string{}
	for _, rel := range []string{"a", "b", "c"} {
		p := filepath.Join(dir, rel)
		st, sum := write(t, p, "id: "+rel+"\n")
		s.Note(rel, st, sum)
		paths[rel] = p
	}
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		all  bool
		want map[string]bool
	}{
		{false, map[string]bool{"a": true, "b": true, "c": true}},
		{true, map[string]bool{"a": true, "b": false, "c": false}},
	} {
		s := Open(store, later)
		if _, ok := s.Lookup("a", paths["a"]); !ok {
			t.Fatal("a not found")
		}
		if err := s.Save(c.all); err != nil {
			t.Fatal(err)
		}
		next := Open(store, later)
		for rel, want := range c.want {
			if _, got := next.Lookup(rel, paths[rel]); got != want {
				t.Errorf("save(all %v): %s kept %v, want %v", c.all, rel, got, want)
			}
		}
	}
}

// TestDamageReadsAsEmpty: a store cut short, of another format or with a
// byte changed reads as empty, so every file is read.
func TestDamageReadsAsEmpty(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(t.TempDir(), "sums")
	s := Open(store, later)
	p := filepath.Join(dir, "a")
	st, sum := write(t, p, "id: a\n")
	s.Note("a", st, sum)
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := Open(store, later).Lookup("a", p); !ok {
		t.Fatal("the good store finds nothing: the test proves nothing")
	}
	flip := func(i int) []byte {
		b := append([]byte(nil), good...)
		b[i] ^= 1
		return b
	}
	for name, data := range map[string][]byte{
		"empty":           nil,
		"cut short":       good[:len(good)-1],
		"another format":  append([]byte("register stat sums 0\n"), good[len(magic):]...),
		"a path changed":  flip(len(magic) + 1),
		"a sum changed":   flip(len(good) - sha256.Size - 1),
		"the hash itself": flip(len(good) - 1),
	} {
		if err := os.WriteFile(store, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := Open(store, later).Lookup("a", p); ok {
			t.Errorf("%s: found", name)
		}
	}
}

// TestAPipeIsNoStore: a named pipe where the store is kept is not opened
// (opening it would wait for a writer for ever); the run finds nothing and
// its save puts a store in the pipe's place.
func TestAPipeIsNoStore(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(t.TempDir(), "sums")
	testbed.Pipe(t, store)
	p := filepath.Join(dir, "a")
	st, sum := write(t, p, "id: a\n")
	var s *Store
	testbed.NoWait(t, store, "opening the store", func() { s = Open(store, later) })
	if _, ok := s.Lookup("a", p); ok {
		t.Error("a pipe gave a sum")
	}
	s.Note("a", st, sum)
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	if got, ok := Open(store, later).Lookup("a", p); !ok || got != sum {
		t.Error("the store saved in the pipe's place does not find the file")
	}
}
