//go:build unix

package testbed

import (
	"os"
	"syscall"
)

// FIFO makes a named pipe at path, for tests of files that are not regular
// files; it reports false where the system has none.
func FIFO(path string) (bool, error) {
	return true, syscall.Mkfifo(path, 0o644)
}

// unblock opens the named pipe at path from both ends and closes it, so
// that whatever waits in opening it, to read or to write, goes on.
func unblock(path string) {
	for _, flag := range []int{os.O_WRONLY, os.O_RDONLY} {
		if p, err := os.OpenFile(path, flag|syscall.O_NONBLOCK, 0); err == nil {
			p.Close()
		}
	}
}
