package binread

import (
	"os"
	"path/filepath"
	"strings"
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

// TestCopyPartsCopiesThePartsGiven: the parts come out in the order given,
// whether they follow each other in the source or not, and a part past
// its end is an error.
func TestCopyPartsCopiesThePartsGiven(t *testing.T) {
	src := strings.NewReader("0123456789")
	for _, tc := range []struct {
		name  string
		parts []Part
		want  string
		fails bool
	}{
		{"none", nil, "", false},
		{"one after another", []Part{{0, 2}, {2, 3}, {5, 1}}, "012345", false},
		{"with gaps", []Part{{1, 2}, {4, 1}, {8, 2}}, "12489", false},
		{"past the end", []Part{{8, 4}}, "89", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			n, err := CopyParts(&b, src, tc.parts)
			if b.String() != tc.want || n != int64(len(tc.want)) || (err != nil) != tc.fails {
				t.Errorf("copied %q (%d bytes, %v), want %q", b.String(), n, err, tc.want)
			}
		})
	}
}
