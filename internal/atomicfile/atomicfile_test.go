package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func entries(t *testing.T, dir string) int {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

func TestWriteReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	for _, s := range []string{"first", "second"} {
		if err := Write(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := read(t, p); got != s {
			t.Errorf("got %q, want %q", got, s)
		}
	}
	if n := entries(t, dir); n != 1 {
		t.Errorf("%d files left in the folder, want 1", n)
	}
}

func TestFailedWriteLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := Write(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFrom(p, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if got := read(t, p); got != "old" {
		t.Errorf("file is %q after a failed write", got)
	}
	if n := entries(t, dir); n != 1 {
		t.Errorf("a temporary file was left behind: %d files", n)
	}
}

func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cam.yaml")
	if err := WriteNew(p, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("theirs"), 0o644)
	if !errors.Is(err, os.ErrExist) {
		t.Errorf("err %v, want os.ErrExist", err)
	}
	if got := read(t, p); got != "mine" {
		t.Errorf("existing file became %q", got)
	}
	if n := entries(t, dir); n != 1 {
		t.Errorf("%d files, want 1", n)
	}
}

func TestWriteIntoMissingFolderFails(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "no", "such", "x"), []byte("x"), 0o644); err == nil {
		t.Error("no error")
	}
}
