package binread

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestReadFileReadsWhatItMay: a regular file within the bound reads
// whole, also through a symlink (a user may keep it elsewhere); one over
// the bound, a named pipe, a folder or nothing read as nothing, at once,
// saying why.
func TestReadFileReadsWhatItMay(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cache")
	if err := os.WriteFile(file, []byte("twelve bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	hasLinks := os.Symlink("cache", link) == nil
	pipe := filepath.Join(dir, "pipe")
	hasPipes, err := testbed.FIFO(pipe)
	if err != nil {
		t.Fatal(err)
	}
	var tooLarge *TooLarge
	for _, tc := range []struct {
		name, path string
		most       int64
		want       string // "": nothing read
		why        func(error) bool
	}{
		{"within the bound", file, 12, "twelve bytes", nil},
		{"a symlink to it, followed", link, 12, "twelve bytes", nil},
		{"over the bound", file, 11, "", func(err error) bool { return errors.As(err, &tooLarge) && tooLarge.Size == 12 }},
		{"a folder", dir, 1 << 20, "", func(err error) bool { return errors.Is(err, ErrNotRegular) }},
		{"nothing there", filepath.Join(dir, "none"), 1 << 20, "", func(err error) bool { return errors.Is(err, fs.ErrNotExist) }},
		{"a named pipe", pipe, 1 << 20, "", func(err error) bool { return errors.Is(err, ErrNotRegular) }},
	} {
		if tc.path == pipe && !hasPipes || tc.path == link && !hasLinks {
			continue
		}
		got, err := ReadFile(tc.path, tc.most)
		if (err == nil) != (tc.want != "") || string(got) != tc.want {
			t.Errorf("%s: read %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if tc.why != nil && !tc.why(err) {
			t.Errorf("%s: the error %v does not say why", tc.name, err)
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
