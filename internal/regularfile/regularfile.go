// Package regularfile opens and reads a user's file as a regular file
// only, whatever someone who can write beside it has put at its path: a
// symbolic link is not followed (it could lead to a device, or to a file
// elsewhere), a named pipe holds up neither the open (waiting for a
// writer) nor the read (for ever), and a file larger than the caller's
// bound is not read into memory, whether it was larger when looked at or
// grew while read. Its errors say which (ErrLink, ErrNotRegular,
// ErrChanged, *TooLarge), for each caller to word in its own way.
package regularfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// AnySize is the bound of a caller that has none.
const AnySize = math.MaxInt64

var (
	// ErrLink is the error of a path that is a symbolic link, which Open
	// does not follow.
	ErrLink = errors.New("a symbolic link")
	// ErrNotRegular is the error of a path that holds no regular file: a
	// folder, a named pipe, a device.
	ErrNotRegular = errors.New("not a regular file")
	// ErrChanged is the error of a file that was replaced or written to
	// between the look at its path and its opening. It is ErrNotRegular
	// too: what was opened is not the regular file looked at.
	ErrChanged = fmt.Errorf("changed while opened: %w", ErrNotRegular)
)

// TooLarge is the error of a file of more than Most bytes: Size as looked
// at, or, when it Grew while read, the Most+1 bytes read before it was
// refused.
type TooLarge struct {
	Path       string
	Size, Most int64
	Grew       bool
}

func (e *TooLarge) Error() string {
	if e.Grew {
		return fmt.Sprintf("%s: grew to more than %d bytes while read", e.Path, e.Most)
	}
	return fmt.Sprintf("%s: %d bytes, more than %d", e.Path, e.Size, e.Most)
}

// Open opens the regular file at path, not a link to one, of at most most
// bytes, and returns what the system says of it once open. The path is
// looked at first (Lstat), so that nothing else is opened at all: opening
// a device can do something, and opening a named pipe waits for a writer.
// Should something take its place before it is opened, the open neither
// follows a link nor waits, and the file opened must be the one looked
// at, of the size and modification time it had (ErrChanged).
func Open(path string, most int64) (*os.File, fs.FileInfo, error) {
	return plain.open(path, most)
}

// OpenFollowing opens the file at path as Open does, but follows a
// symbolic link at path to the regular file it names: for a file a user
// may keep elsewhere, such as one named on the command line.
func OpenFollowing(path string, most int64) (*os.File, fs.FileInfo, error) {
	return following.open(path, most)
}

// way is how Open or OpenFollowing looks at a path and opens it.
type way struct {
	look func(string) (fs.FileInfo, error)
	flag int
}

// Neither way waits on the open of a named pipe put in place of the file
// looked at; plain opens no link put there either.
var (
	plain     = way{os.Lstat, os.O_RDONLY | nonBlock | noFollow}
	following = way{os.Stat, os.O_RDONLY | nonBlock}
)

func (w way) open(path string, most int64) (*os.File, fs.FileInfo, error) {
	before, err := w.lookAt(path, most)
	if err != nil {
		return nil, nil, err
	}
	return w.openLooked(path, before)
}

// lookAt looks at path and refuses what is not a regular file of at most
// most bytes.
func (w way) lookAt(path string, most int64) (fs.FileInfo, error) {
	before, err := w.look(path)
	if err != nil {
		return nil, err
	}
	if before.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrLink)
	}
	if err := refuse(path, before.Mode().IsRegular(), before.Size(), most); err != nil {
		return nil, err
	}
	return before, nil
}

// openLooked opens the file at path that lookAt found before, and fails
// when the file opened is not that one, unchanged.
func (w way) openLooked(path string, before fs.FileInfo) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, w.flag, 0)
	if err != nil {
		// A link put in its place (plain) fails to open as the system
		// says (ELOOP, or EMLINK or EFTYPE on some BSDs).
		if now, lerr := w.look(path); lerr == nil && !os.SameFile(before, now) {
			return nil, nil, fmt.Errorf("%s: %w", path, ErrChanged)
		}
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() || !os.SameFile(before, st) || st.Size() != before.Size() || !st.ModTime().Equal(before.ModTime()) {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, ErrChanged)
	}
	return f, st, nil
}

// refuse says why a file that is regular or not, of size bytes, is not to
// be read within most bytes; nil when it is.
func refuse(path string, regular bool, size, most int64) error {
	switch {
	case !regular:
		return fmt.Errorf("%s: %w", path, ErrNotRegular)
	case size > most:
		return &TooLarge{Path: path, Size: size, Most: most}
	}
	return nil
}

// Read reads r, the regular file at path of size bytes when looked at,
// whole, and refuses it (*TooLarge) when that is more than most. It reads
// into into when that has room for size+1 bytes (a caller that reads many
// files uses one buffer again); the byte more tells that the file grew
// while read, and what it grew by is read too, within most bytes in all,
// past which it is refused (*TooLarge, Grew).
func Read(r io.Reader, path string, size, most int64, into []byte) ([]byte, error) {
	if size > most {
		return nil, &TooLarge{Path: path, Size: size, Most: most}
	}
	// One buffer of the file's size, rather than io.ReadAll's doubling.
	buf := into[:0]
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, size+1)
	}
	buf = buf[:size+1]
	n, err := io.ReadFull(r, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, most-int64(n)+1))
	if err != nil {
		return nil, err
	}
	data := append(buf[:n], rest...)
	if int64(len(data)) > most {
		return nil, &TooLarge{Path: path, Size: int64(len(data)), Most: most, Grew: true}
	}
	return data, nil
}
