//go:build unix

package history

import (
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestCacheIsNotReadFromAPipe: a named pipe where a history cache file is
// kept is not opened (opening it would wait for a writer for ever): it
// reads as no cache, and writing the cache puts a file in its place.
func TestCacheIsNotReadFromAPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "head.gob")
	testbed.Pipe(t, p)
	var err error
	testbed.NoWait(t, p, "reading the cache", func() { err = readGob(p, &headData{}) })
	if err == nil {
		t.Fatal("a pipe read as a cache")
	}
	want := headData{Version: cacheVersion, GitDir: "git"}
	if err := writeGob(p, want); err != nil {
		t.Fatal(err)
	}
	var got headData
	if err := readGob(p, &got); err != nil || got.Version != want.Version || got.GitDir != want.GitDir {
		t.Errorf("after a write: %+v, %v; want %+v", got, err, want)
	}
}
