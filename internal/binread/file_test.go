package binread

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestReadFileReadsWhatItMay: a regular file within the bound reads
// whole; one over the bound, a named pipe, a folder or nothing read as
// nothing, at once.
func TestReadFileReadsWhatItMay(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cache")
	if err := os.WriteFile(file, []byte("twelve bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe")
	hasPipes, err := testbed.FIFO(pipe)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		most       int64
		want       string // "": nothing read
	}{
		{"within the bound", file, 12, "twelve bytes"},
		{"over the bound", file, 11, ""},
		{"a folder", dir, 1 << 20, ""},
		{"nothing there", filepath.Join(dir, "none"), 1 << 20, ""},
		{"a named pipe", pipe, 1 << 20, ""},
	} {
		if tc.path == pipe && !hasPipes {
			continue
		}
		got, ok := ReadFile(tc.path, tc.most)
		if ok != (tc.want != "") || string(got) != tc.want {
			t.Errorf("%s: read %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}
