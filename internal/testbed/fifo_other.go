//go:build !unix

package testbed

// FIFO reports false: named pipes in the file system are a Unix thing.
func FIFO(string) (bool, error) { return false, nil }

// unblock has no pipe to open.
func unblock(string) {}
