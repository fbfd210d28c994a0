package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

func TestFilesOfOneFolderShareALock(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "sensoren", "a.html"), filepath.Join(dir, "sensoren", "b.html")
	if folderLock(a) != folderLock(b) {
		t.Fatal("two files of one folder are on different locks")
	}
	unlock := lockFolder(a)
	if folderLock(b).TryLock() {
		t.Fatal("a file's folder could be locked while another file of it holds the lock")
	}
	unlock()
	if !folderLock(b).TryLock() {
		t.Fatal("the folder's lock was not let go")
	}
	folderLock(b).Unlock()
}

// Every way of writing a file takes its folder's lock; many writers into
// one folder at once leave each file whole.
func TestWritersIntoOneFolder(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	for name, write := range writers {
		for i := range 40 {
			p := filepath.Join(dir, fmt.Sprintf("%s-%d", name, i))
			// Half the files are there before: a writer replaces them.
			if i%2 == 0 && name != "PutNewFile" && name != "NewNewFile" {
				if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wg.Go(func() { errs <- write(p, []byte(p)) })
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for name := range writers {
		for i := range 40 {
			p := filepath.Join(dir, fmt.Sprintf("%s-%d", name, i))
			if got, err := os.ReadFile(p); err != nil || string(got) != p {
				t.Errorf("%s holds %q (%v), want its own path", p, got, err)
			}
		}
	}
}

// writers are the ways of writing a file at a path, by name; LinkFile
// links it from a file written beside it.
var writers = map[string]func(path string, data []byte) error{
	"PutFile":    func(p string, data []byte) error { _, err := PutFile(p, data); return err },
	"PutNewFile": func(p string, data []byte) error { _, err := PutNewFile(p, data); return err },
	"NewFile":    func(p string, data []byte) error { return writeAll(NewFile(p), data) },
	"NewNewFile": func(p string, data []byte) error { return writeAll(NewNewFile(p), data) },
	"LinkFile": func(p string, data []byte) error {
		if err := os.WriteFile(p+".src", data, 0o644); err != nil {
			return err
		}
		return LinkFile(p+".src", p)
	},
}

func writeAll(f *File, data []byte) error {
	if _, err := f.Write(data); err != nil {
		return err
	}
	_, err := f.Close()
	return err
}

// A named pipe where a writer puts a file, or its new version, is
// replaced: none waits for something to open the pipe's other end.
func TestWritersDoNotWaitOnANamedPipe(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pipe  string // where the pipe is, after the file's name
		old   bool   // a regular file at the name already
		write func(path string, data []byte) error
	}{
		{"PutFile, a pipe at the name", "", false, writers["PutFile"]},
		{"PutNewFile, a pipe at the name", "", false, writers["PutNewFile"]},
		{"NewFile, a pipe at the name", "", false, writers["NewFile"]},
		{"NewNewFile, a pipe at the name", "", false, writers["NewNewFile"]},
		{"NewFile, a pipe where its new version goes", ".new", true, writers["NewFile"]},
		{"LinkFile, a pipe where the link goes first", ".new", true, writers["LinkFile"]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "page.html")
			if tc.old {
				if err := os.WriteFile(p, []byte("the old page"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			testbed.Pipe(t, p+tc.pipe)
			var err error
			testbed.NoWait(t, p+tc.pipe, tc.name, func() { err = tc.write(p, []byte("the new page")) })
			if err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(p); err != nil || string(got) != "the new page" {
				t.Errorf("the page holds %q (%v), want the new page", got, err)
			}
		})
	}
}

// A folder where a writer puts a file, left in the working copy by hand,
// is removed with what it holds, and the file written in its place.
func TestWritersReplaceAFolderInTheWay(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "page.html")
			if err := os.MkdirAll(filepath.Join(p, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "sub", "f"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := write(p, []byte("the new page")); err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(p); err != nil || string(got) != "the new page" {
				t.Errorf("the page holds %q (%v), want the new page", got, err)
			}
		})
	}
}
