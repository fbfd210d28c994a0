package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// Spool is a scratch file for what a writer gathers before it writes the
// file at path. It is made at the first Write, in path's folder (made too
// when missing), and unlinked at once where the system allows, so that a
// run cut short leaves nothing behind. Once a write fails, every later one
// fails the same: what the spool holds is then incomplete, and Err says so.
type Spool struct {
	path  string
	f     *os.File
	named bool // the file still has a name, for Close to remove
	n     int64
	err   error
}

// NewSpool returns the spool for the file at path; nothing is made yet.
func NewSpool(path string) *Spool { return &Spool{path: path} }

// Write appends b.
func (s *Spool) Write(b []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.f == nil {
		dir := filepath.Dir(s.path)
		if s.err = os.MkdirAll(dir, 0o755); s.err != nil {
			return 0, s.err
		}
		f, err := os.CreateTemp(dir, "."+filepath.Base(s.path)+".spool-")
		if err != nil {
			s.err = err
			return 0, err
		}
		s.f, s.named = f, os.Remove(f.Name()) != nil
	}
	n, err := s.f.Write(b)
	s.n += int64(n)
	s.err = err
	return n, err
}

// Len is how many bytes were written.
func (s *Spool) Len() int64 { return s.n }

// Err is the error of the write that failed, if one did.
func (s *Spool) Err() error { return s.err }

// Reader reads what was written, from the start.
func (s *Spool) Reader() io.Reader {
	if s.f == nil {
		return bytes.NewReader(nil)
	}
	return io.NewSectionReader(s.f, 0, s.n)
}

// Close lets go of the file and removes it. The spool is not used after.
func (s *Spool) Close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if s.named {
		err = errors.Join(err, os.Remove(s.f.Name()))
	}
	s.f = nil
	return err
}
