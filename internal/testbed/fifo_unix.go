//go:build unix

package testbed

import "syscall"

// FIFO makes a named pipe at path, for tests of files that are not regular
// files; it reports false where the system has none.
func FIFO(path string) (bool, error) {
	return true, syscall.Mkfifo(path, 0o644)
}
