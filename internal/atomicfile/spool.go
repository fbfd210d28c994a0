package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
)

// Spool is a scratch file for what a writer gathers before it writes the
// file at path: made in path's folder, which may not exist yet, and
// unlinked at once where the system allows, so that a run cut short
// leaves nothing behind. Close closes it, and removes it where it still
// has a name.
type Spool struct {
	*os.File
	named bool
}

// NewSpool makes a spool for the file at path.
func NewSpool(path string) (*Spool, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".spool-")
	if err != nil {
		return nil, err
	}
	return &Spool{File: f, named: os.Remove(f.Name()) != nil}, nil
}

// Close closes the spool and removes it.
func (s *Spool) Close() error {
	err := s.File.Close()
	if s.named {
		err = errors.Join(err, os.Remove(s.Name()))
	}
	return err
}
