//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package outdir

import (
	"errors"
	"os"
	"syscall"
)

// lock is a held build lock: an flock on a file next to the folder, which
// the system releases when the process ends, however it ends. The file is
// removed when the build ends, so it is there only while a build runs (or
// after a crash, harmless: a lock on it succeeds).
type lock struct {
	f    *os.File
	path string
}

func acquire(path string) (*lock, error) {
	for range 100 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, busy(path)
			}
			return nil, err
		}
		// The build that held it may have removed the file between our
		// open and our lock: then the lock is on a file nobody else will
		// find, so take the one at the path now.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &lock{f, path}, nil
		}
		f.Close()
	}
	return nil, busy(path)
}

// release removes the file while still holding the lock, then drops it.
func (l *lock) release() {
	os.Remove(l.path)
	l.f.Close()
}
