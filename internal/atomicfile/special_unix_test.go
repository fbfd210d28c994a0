//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// What is at the path stays what it was: a symlink stays a link to the
// file written, and a named pipe (as a device such as /dev/null) is written
// into, not replaced by a file; replacing /dev/null broke the machine.
func TestWriteKeepsWhatIsAtThePath(t *testing.T) {
	t.Run("a symlink", func(t *testing.T) {
		dir := t.TempDir()
		real, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
		if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		if err := Write(link, []byte("new"), 0o644); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link is no link any more: %v", modeOf(st, err))
		}
		if got := read(t, real); got != "new" {
			t.Errorf("the file linked to holds %q, want new", got)
		}
	})
	t.Run("a named pipe", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
		got := make(chan string)
		go func() {
			f, err := os.Open(p)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- string(b)
		}()
		if err := Write(p, []byte("through the pipe"), 0o644); err != nil {
			t.Fatal(err)
		}
		select {
		case s := <-got:
			if s != "through the pipe" {
				t.Errorf("the reader got %q", s)
			}
		case <-time.After(10 * time.Second):
			t.Error("nothing was written into the pipe")
		}
		if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the pipe was replaced: %v", modeOf(st, err))
		}
	})
}

func modeOf(st os.FileInfo, err error) any {
	if err != nil {
		return err
	}
	return st.Mode()
}

// A file the program keeps for itself replaces whatever is at its path: a
// named pipe is not written into (nothing reads a cache: the write would
// wait for ever), and a symlink is replaced, not the file it points to.
func TestReplaceReplacesWhatIsAtThePath(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(other, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		make func(p string) error
	}{
		{"nothing", func(string) error { return nil }},
		{"a file", func(p string) error { return os.WriteFile(p, []byte("old"), 0o644) }},
		{"a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"a symlink", func(p string) error { return os.Symlink(other, p) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cache")
			if err := c.make(p); err != nil {
				t.Skip("cannot make it here:", err)
			}
			var err error
			testbed.NoWait(t, p, "Replace", func() { err = Replace(p, []byte("new"), 0o600) })
			if err != nil {
				t.Fatal(err)
			}
			if st, err := os.Lstat(p); err != nil || !st.Mode().IsRegular() {
				t.Fatalf("the path holds %v, want a regular file", modeOf(st, err))
			}
			if got := read(t, p); got != "new" {
				t.Errorf("the file holds %q, want new", got)
			}
			if got := read(t, other); got != "someone else's" {
				t.Errorf("the file a symlink pointed to holds %q", got)
			}
		})
	}
}
