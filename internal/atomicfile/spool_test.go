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
	s, err := NewSpool(filepath.Join(dir, "cache"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write([]byte("entries")); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(io.NewSectionReader(s, 0, 7))
	if err != nil || string(got) != "entries" {
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
