package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// A write the file system refuses names the file asked for, never the
// temporary file beside it, and keeps what the system said.
func TestRefusedWriteNamesTheTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "x.json")
	createTemp = func(d, pattern string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(d, ".x.json.tmp-741470021"), Err: syscall.EACCES}
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
	err := Write(target, []byte("{}"), 0o644)
	var e *Error
	if !errors.As(err, &e) || e.Path != target || !errors.Is(err, fs.ErrPermission) || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Write = %v, want an *Error about %s, permission denied, without the temporary file", err, target)
	}
	createTemp = os.CreateTemp
	// A folder that is a file refuses root too.
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err = Write(filepath.Join(file, "x.json"), []byte("{}"), 0o644)
	if !errors.As(err, &e) || e.Path != filepath.Join(file, "x.json") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("Write into a file = %v", err)
	}
	// The writer's own error is its own, not the file system's.
	own := errors.New("render failed")
	if err := WriteFrom(target, 0o644, func(io.Writer) error { return own }); !errors.Is(err, own) || errors.As(err, &e) {
		t.Errorf("WriteFrom = %v, want the writer's error", err)
	}
}

// TestTempOfTellsTheTemporaryFiles: the temporary file a write makes is
// told by its name, and names that merely look alike are not.
func TestTempOfTellsTheTemporaryFiles(t *testing.T) {
	tests := []struct {
		name, target string
		ok           bool
	}{
		{".cam-m1.yaml.tmp-1805190341", "cam-m1.yaml", true},
		{".a.tmp-b.yaml.tmp-7", "a.tmp-b.yaml", true},
		{"cam-m1.yaml.tmp-123", "", false},
		{".cam-m1.yaml.tmp-", "", false},
		{".cam-m1.yaml.tmp-12a", "", false},
		{".tmp-123", "", false},
		{".cam-m1.yaml", "", false},
	}
	for _, tt := range tests {
		if target, ok := TempOf(tt.name); target != tt.target || ok != tt.ok {
			t.Errorf("TempOf(%q) = %q, %v; want %q, %v", tt.name, target, ok, tt.target, tt.ok)
		}
	}
	// The name of the file a write really makes.
	dir := t.TempDir()
	var seen string
	createTemp = func(d, pattern string) (*os.File, error) {
		f, err := os.CreateTemp(d, pattern)
		if err == nil {
			seen = filepath.Base(f.Name())
		}
		return f, err
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
	if err := Write(filepath.Join(dir, "r.yaml"), []byte("id: r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if target, ok := TempOf(seen); !ok || target != "r.yaml" {
		t.Errorf("TempOf(%q) = %q, %v; want r.yaml", seen, target, ok)
	}
}
