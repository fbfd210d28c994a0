//go:build unix

package history

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestCacheIsNotReadFromAPipe: a named pipe where a history cache file is
// kept is not opened (opening it would wait for a writer for ever): it
// reads as no cache, and writing the cache puts a file in its place.
func TestCacheIsNotReadFromAPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "head.gob")
	if ok, err := testbed.FIFO(p); !ok {
		t.Skip("no named pipes here")
	} else if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		var v headData
		done <- readGob(p, &v)
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a pipe read as a cache")
		}
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("reading the cache waits on a named pipe")
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
