package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestSpoolLeavesNothingBehind: a spool is made in the target's folder,
// made first when missing, reads back what was written, and leaves no file
// there, neither while it is used (where the system lets it go at once)
// nor once it is closed.
func TestSpoolLeavesNothingBehind(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	s := NewSpool(filepath.Join(dir, "cache"))
	if got, _ := io.ReadAll(s.Reader()); len(got) != 0 {
		t.Fatalf("a spool not written to reads %q", got)
	}
	for _, b := range []string{"entr", "ies"} {
		if _, err := s.Write([]byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := io.ReadAll(s.Reader())
	if err != nil || string(got) != "entries" || s.Len() != 7 {
		t.Fatalf("read back %q, %v", got, err)
	}
	left := func() []os.DirEntry {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return es
	}
	if es := left(); len(es) != 0 && !s.named {
		t.Errorf("while in use, the folder holds %d files", len(es))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if es := left(); len(es) != 0 {
		t.Errorf("once closed, the folder holds %s", es[0].Name())
	}
}

// TestSpoolFailsForGood: once a write failed, what the spool holds is not
// what was written to it; every later write fails too, and Err says why.
func TestSpoolFailsForGood(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewSpool(filepath.Join(notDir, "cache"))
	defer s.Close()
	if _, err := s.Write([]byte("a")); err == nil {
		t.Fatal("a spool in a folder that is a file was written")
	}
	first := s.Err()
	if _, err := s.Write([]byte("b")); err == nil || s.Err() != first || first == nil {
		t.Errorf("a write after a failed one: %v (Err %v)", err, s.Err())
	}
}
