package regularfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// An opener opens path as a caller of the package does, to read it whole
// (Read); between, when not nil, runs between the look at the path and
// its opening.
type opener struct {
	name string
	open func(path string, most int64, between func()) (r io.Reader, size int64, done func() error, err error)
}

// openers are the ways to open a file; the Unix tests add OpenFD's.
var openers = []opener{
	{"Open", lookThenOpen(plain, Open)},
	{"OpenFollowing", lookThenOpen(following, OpenFollowing)},
}

func lookThenOpen(w way, open func(string, int64) (*os.File, fs.FileInfo, error)) func(string, int64, func()) (io.Reader, int64, func() error, error) {
	return func(path string, most int64, between func()) (io.Reader, int64, func() error, error) {
		var f *os.File
		var st fs.FileInfo
		var err error
		if between == nil {
			f, st, err = open(path, most)
		} else {
			// Open's own two steps, with the change between them.
			before, lerr := w.lookAt(path, most)
			if lerr != nil {
				return nil, 0, nil, lerr
			}
			between()
			f, st, err = w.openLooked(path, before)
		}
		if err != nil {
			return nil, 0, nil, err
		}
		return f, st.Size(), f.Close, nil
	}
}

// outcome says what reading a file came to: what was read, or at which
// step (open, read) it was refused and why.
func outcome(step string, data []byte, err error) string {
	var big *TooLarge
	switch {
	case err == nil:
		return "read " + string(data)
	case errors.Is(err, ErrLink):
		return step + ": link"
	case errors.Is(err, ErrChanged):
		return step + ": changed"
	case errors.Is(err, ErrNotRegular):
		return step + ": not regular"
	case errors.As(err, &big) && big.Grew:
		return fmt.Sprintf("%s: grew %d > %d", step, big.Size, big.Most)
	case errors.As(err, &big):
		return fmt.Sprintf("%s: too large %d > %d", step, big.Size, big.Most)
	}
	return step + ": the system's error"
}

const twelve = "twelve bytes"

// TestOpenReadsOnlyARegularFile: each way to open a file reads a regular
// one whole, and refuses, at once and saying why, a symbolic link (but
// OpenFollowing), a named pipe (without waiting for a writer), a folder, a
// file over the bound, one that grows past it while read, and one that
// is no longer the file looked at when opened.
func TestOpenReadsOnlyARegularFile(t *testing.T) {
	hasPipes, err := testbed.FIFO(filepath.Join(t.TempDir(), "probe"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		make    func(path string) error // what is at path; nil: twelve bytes
		pipes   bool                    // the case needs named pipes
		most    int64
		between func(path string) error // changes path between the look and the open
		grow    string                  // appended once opened, before the read
		want    map[string]string       // by opener; an opener not named does not apply
	}{
		{name: "a regular file", most: 12,
			want: map[string]string{"Open": "read " + twelve, "OpenFollowing": "read " + twelve, "FD": "read " + twelve}},
		{name: "a symlink to one", make: link("target"), most: 12,
			want: map[string]string{"Open": "open: link", "OpenFollowing": "read " + twelve, "FD": "open: the system's error"}},
		{name: "a dangling symlink", make: link("nowhere"), most: 12,
			want: map[string]string{"Open": "open: link", "OpenFollowing": "open: the system's error", "FD": "open: the system's error"}},
		{name: "a named pipe", make: pipe, pipes: true, most: 12,
			want: map[string]string{"Open": "open: not regular", "OpenFollowing": "open: not regular", "FD": "open: not regular"}},
		{name: "a folder", make: func(path string) error { return os.Mkdir(path, 0o755) }, most: 12,
			want: map[string]string{"Open": "open: not regular", "OpenFollowing": "open: not regular", "FD": "open: not regular"}},
		{name: "over the bound", most: 11,
			want: map[string]string{"Open": "open: too large 12 > 11", "OpenFollowing": "open: too large 12 > 11", "FD": "open: too large 12 > 11"}},
		{name: "growing within the bound while read", most: 13, grow: "!",
			want: map[string]string{"Open": "read " + twelve + "!", "OpenFollowing": "read " + twelve + "!", "FD": "read " + twelve + "!"}},
		{name: "growing past the bound while read", most: 12, grow: "!!",
			want: map[string]string{"Open": "read: grew 13 > 12", "OpenFollowing": "read: grew 13 > 12", "FD": "read: grew 13 > 12"}},
		{name: "a named pipe put in its place before it is opened", pipes: true, most: 12, between: func(path string) error {
			if err := os.Remove(path); err != nil {
				return err
			}
			return pipe(path)
		}, want: map[string]string{"Open": "open: changed", "OpenFollowing": "open: changed"}},
		{name: "moved, and a symlink to it put in its place, before it is opened", most: 12, between: func(path string) error {
			if err := os.Rename(path, path+".moved"); err != nil {
				return err
			}
			return link(filepath.Base(path) + ".moved")(path)
		}, want: map[string]string{"Open": "open: changed", "OpenFollowing": "read " + twelve}},
		{name: "another file of the same bytes and time put in its place before it is opened", most: 12, between: func(path string) error {
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			if err := os.WriteFile(path+".new", []byte(twelve), 0o644); err != nil {
				return err
			}
			if err := os.Chtimes(path+".new", st.ModTime(), st.ModTime()); err != nil {
				return err
			}
			return os.Rename(path+".new", path)
		}, want: map[string]string{"Open": "open: changed", "OpenFollowing": "open: changed"}},
		{name: "written to, its time kept, before it is opened", most: 20, between: func(path string) error {
			return keepingTime(path, func() error { return appendTo(path, "!") })
		}, want: map[string]string{"Open": "open: changed", "OpenFollowing": "open: changed"}},
		{name: "rewritten to as many bytes at another time before it is opened", most: 20, between: func(path string) error {
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, []byte("TWELVE BYTES"), 0o644); err != nil {
				return err
			}
			later := st.ModTime().Add(time.Second)
			return os.Chtimes(path, later, later)
		}, want: map[string]string{"Open": "open: changed", "OpenFollowing": "open: changed"}},
	}
	for _, tt := range tests {
		for _, o := range openers {
			want, ok := tt.want[o.name]
			if !ok {
				continue
			}
			t.Run(tt.name+"/"+o.name, func(t *testing.T) {
				if tt.pipes && !hasPipes {
					t.Skip("no named pipes here")
				}
				dir := t.TempDir()
				path := filepath.Join(dir, "file")
				if err := os.WriteFile(filepath.Join(dir, "target"), []byte(twelve), 0o644); err != nil {
					t.Fatal(err)
				}
				put := tt.make
				if put == nil {
					put = func(path string) error { return os.WriteFile(path, []byte(twelve), 0o644) }
				}
				if err := put(path); err != nil {
					t.Skip(err) // no symbolic links here
				}
				// Run where a wait on a named pipe fails the test rather
				// than hanging it.
				var got string
				testbed.NoWait(t, path, o.name, func() {
					var between func()
					if tt.between != nil {
						between = func() {
							if err := tt.between(path); err != nil {
								t.Error(err)
							}
						}
					}
					r, size, done, err := o.open(path, tt.most, between)
					if err != nil {
						got = outcome("open", nil, err)
						return
					}
					defer done()
					if tt.grow != "" {
						if err := appendTo(path, tt.grow); err != nil {
							t.Error(err)
						}
					}
					data, err := Read(r, path, size, tt.most, nil)
					got = outcome("read", data, err)
				})
				if got != want {
					t.Errorf("%s of %s: %s, want %s", o.name, tt.name, got, want)
				}
			})
		}
	}
}

// TestReadReadsIntoTheBufferGiven: a file is read into the buffer given
// when it has room, without allocating (a register's 100,000 records are
// read so), and into one of its own otherwise; a file over the bound is
// refused unread, and one that shrank since it was looked at reads as it
// is.
func TestReadReadsIntoTheBufferGiven(t *testing.T) {
	into := make([]byte, 0, 64)
	r := bytes.NewReader(nil)
	tests := []struct {
		name, text string
		size, most int64
		into       []byte
		want       string
		inInto     bool
	}{
		{name: "with room", text: twelve, size: 12, most: 12, into: into, want: twelve, inInto: true},
		{name: "without room", text: twelve, size: 12, most: 12, into: into[:0:12], want: twelve},
		{name: "no buffer", text: twelve, size: 12, most: 12, want: twelve},
		{name: "shrunk since looked at", text: "twelve", size: 12, most: 12, into: into, want: "twelve", inInto: true},
		{name: "over the bound", text: twelve, size: 12, most: 11, into: into, want: "read: too large 12 > 11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.Reset([]byte(tt.text))
			var unread *bytes.Reader
			if tt.size > tt.most {
				unread = r // not to be read at all
			}
			data, err := Read(r, "file", tt.size, tt.most, tt.into)
			if got := outcome("read", data, err); got != tt.want && got != "read "+tt.want {
				t.Errorf("read %s, want %s", got, tt.want)
			}
			if unread != nil && unread.Len() != len(tt.text) {
				t.Errorf("read %d bytes of a file over the bound", len(tt.text)-unread.Len())
			}
			if inInto := len(data) > 0 && &data[0] == &into[:1][0]; inInto != tt.inInto {
				t.Errorf("read into the buffer given: %v, want %v", inInto, tt.inInto)
			}
		})
	}
	text := []byte(twelve)
	if allocs := testing.AllocsPerRun(100, func() {
		r.Reset(text)
		if _, err := Read(r, "file", 12, 12, into); err != nil {
			t.Fatal(err)
		}
	}); allocs != 0 {
		t.Errorf("a read into a buffer with room allocates %v times, want none", allocs)
	}
}

// link makes a symbolic link to target.
func link(target string) func(string) error {
	return func(path string) error { return os.Symlink(target, path) }
}

// pipe makes a named pipe.
func pipe(path string) error {
	_, err := testbed.FIFO(path)
	return err
}

func appendTo(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// keepingTime runs change and sets the file's modification time back.
func keepingTime(path string, change func() error) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	return os.Chtimes(path, st.ModTime(), st.ModTime())
}
