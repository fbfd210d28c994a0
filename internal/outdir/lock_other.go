//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lock is a held build lock: a file created exclusively next to the
// folder and removed when the build ends.
type lock struct{ path string }

func acquire(path string) (*lock, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, msgBusyStale.ErrOf(ErrBusy, msgBusy.With(path), path)
	}
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	f.Close()
	return &lock{path}, nil
}

func (l *lock) release() { os.Remove(l.path) }
