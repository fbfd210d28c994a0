//go:build unix

package load

import (
	"os"
	"syscall"
)

// openPlain opens a file that is not a symlink for reading, without
// blocking should it be a FIFO; false when it is a symlink or cannot be
// opened so, and readInside looks at it first.
func openPlain(full string) (*os.File, bool) {
	f, err := os.OpenFile(full, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	return f, err == nil
}
