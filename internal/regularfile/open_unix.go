//go:build unix

package regularfile

import (
	"io"
	"os"
	"syscall"
)

// The open that follows a look (Open) refuses a link and does not wait on
// a named pipe, should one have taken the file's place.
const (
	nonBlock = syscall.O_NONBLOCK
	noFollow = syscall.O_NOFOLLOW
)

// FD is a file opened by its descriptor alone (OpenFD), for a caller that
// reads thousands: an os.File costs another system call (to the poller,
// or a second look) and a cleanup for each. It is opened first and looked
// at once open (Regular), not before, which would cost a third: a named
// pipe is then opened, without waiting, and refused.
type FD int

// OpenFD opens the file at path to read, neither following a symbolic
// link at path nor waiting should it be a named pipe; Regular then says
// whether it is a file to read. The error is the system's alone (a link
// is ELOOP, or EMLINK or EFTYPE on some BSDs), unwrapped: the caller that
// opens a register's thousands of records, a few of them links, looks at
// those again to say why.
func OpenFD(path string) (FD, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return FD(fd), err
		}
	}
}

// Regular fills st with what the system says of the file opened, and
// refuses it (ErrNotRegular, *TooLarge) unless it is a regular file of at
// most most bytes; path names it in the error.
func (fd FD) Regular(path string, most int64, st *syscall.Stat_t) error {
	if err := syscall.Fstat(int(fd), st); err != nil {
		return &os.PathError{Op: "fstat", Path: path, Err: err}
	}
	return refuse(path, st.Mode&syscall.S_IFMT == syscall.S_IFREG, st.Size, most)
}

// Read reads the file as an io.Reader, going on when interrupted.
func (fd FD) Read(p []byte) (int, error) {
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

// Close closes the file.
func (fd FD) Close() error { return syscall.Close(int(fd)) }
