//go:build unix

package load

import (
	"io"
	"os"
	"syscall"

	"github.com/voorbeeldstad/register/internal/statsum"
)

// readPlain reads the file at full when it is not a symlink, opening it
// without blocking should it be a FIFO; ok is false when it is a symlink
// or cannot be opened so, and readInside looks at it first. stat is what
// the file system said of the file, where it says what statsum needs. It reads
// through the file descriptor itself: an os.File costs a second fstat and
// a cleanup for each of a register's thousands of files, and a re-check
// reads every file. It reads into into when that has room.
func readPlain(full string, maxBytes int64, into []byte) (data []byte, stat *statsum.Stat, bad *unreadable, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(full, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, nil, nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, nil, cannotOpen(&os.PathError{Op: "fstat", Path: full, Err: err}), true
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, nil, cannotRead(msgNotRegular.With()), true
	}
	// Looked at before the read: a file changed while read is found
	// changed by the next run (statsum).
	if s, ok := statsum.Of(&st); ok {
		stat = &s
	}
	data, bad = readSized(fdReader(fd), st.Size, maxBytes, into)
	return data, stat, bad, true
}

// fdReader reads an open file descriptor.
type fdReader int

func (fd fdReader) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(fd), p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &os.PathError{Op: "read", Path: "", Err: err}
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}
