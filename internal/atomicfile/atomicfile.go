// Package atomicfile writes files so that a reader never sees half of one:
// the data goes to a temporary file in the same folder, is synced, and only
// then takes the target's name. A crash or a full disk leaves the old file
// (or none), never a truncated one.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Error is a write of Path that the file system refused: the folder cannot
// be written in, does not exist, or the disk is full. Path is the file
// asked for, never the temporary file beside it, which the user neither
// named nor can look for; Err is what the system said, without that name
// (errors.Is(err, fs.ErrPermission) holds as for the system's error).
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("write %s: %v", e.Path, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// failed is the Error of a write of path that the file system refused with
// err, naming path rather than the temporary file err may name.
func failed(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &Error{Path: path, Err: err}
}

// createTemp makes the temporary file; a test puts a failing one in its
// place, as a folder without write permission does not fail for root.
var createTemp = os.CreateTemp

// fileWriter writes to the temporary file and keeps the error the file
// system gave, to tell it from an error of the writer's own.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(b []byte) (int, error) {
	n, err := w.f.Write(b)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// ReadFrom copies r into the file as the file itself does (without a
// buffer in between where the system can), keeping its error as Write.
func (w *fileWriter) ReadFrom(r io.Reader) (int64, error) {
	n, err := w.f.ReadFrom(r)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// Write replaces path with data atomically.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteFrom(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFrom replaces path atomically with what write produces; when write
// fails, path is left as it was. A symlink at path stays one: the file it
// points to is replaced. Something at path that is no file but a device or
// a named pipe (--output /dev/null, a pipe a program reads) cannot be
// replaced without destroying it: what write produces is written into it.
func WriteFrom(path string, perm os.FileMode, write func(io.Writer) error) error {
	target, into, err := destination(path)
	if err != nil {
		return failed(path, err)
	}
	if into {
		return writeInto(path, write)
	}
	return named(ReplaceFrom(target, perm, write), target, path)
}

// Replace replaces path with data atomically, as ReplaceFrom.
func Replace(path string, data []byte, perm os.FileMode) error {
	return ReplaceFrom(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// ReplaceFrom is WriteFrom for a file the program keeps for itself (a
// cache): whatever is at path, unless a folder, is replaced, a symlink or
// a named pipe too, and never written into. Written into, a named pipe
// holds the run until something reads it, and a cache has no reader.
func ReplaceFrom(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := temp(path, write, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return failed(path, err)
	}
	return nil
}

// named gives an Error about target (the file a symlink at path points
// to) path's name, as the user gave it.
func named(err error, target, path string) error {
	var e *Error
	if errors.As(err, &e) && e.Path == target {
		return &Error{Path: path, Err: e.Err}
	}
	return err
}

// destination is the file a write of path replaces: path, or the file a
// symlink at path points to; into reports that path is neither a file nor
// a folder, to be written into rather than replaced.
func destination(path string) (target string, into bool, err error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return path, false, nil // new, or a symlink to nothing: replaced
	case err != nil:
		return "", false, err
	case !st.Mode().IsRegular() && !st.IsDir():
		return path, true, nil
	}
	if lst, err := os.Lstat(path); err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		return path, false, nil
	}
	target, err = filepath.EvalSymlinks(path)
	return target, false, err
}

// writeInto writes what write produces into the device or pipe at path.
func writeInto(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return failed(path, err)
	}
	fw := &fileWriter{f: f}
	err = write(fw)
	if cerr := f.Close(); err == nil && cerr != nil {
		return failed(path, cerr)
	}
	if err != nil && fw.err != nil && errors.Is(err, fw.err) {
		return failed(path, err)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ErrExists is returned by WriteNew when the target exists.
var ErrExists = os.ErrExist

// WriteNew creates path with data, failing with an error that matches
// os.ErrExist when path exists: it never replaces a file, not even one that
// appears while it writes. The file appears complete or not at all where the
// file system supports hard links; elsewhere it is created exclusively.
func WriteNew(path string, data []byte, perm os.FileMode) error {
	tmp, err := temp(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if errors.Is(err, os.ErrExist) {
		return err
	}
	if err != nil {
		return failed(path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return failed(path, err)
	}
	return nil
}

// tempMark comes between the name of the file a temporary file is
// written for and the digits os.CreateTemp puts in place of its "*".
const tempMark = ".tmp-"

// TempOf reports whether name (a file name, without its folder) is that
// of a temporary file written for a file NAME, ".NAME.tmp-DIGITS", and
// returns NAME. Such a file is gone once the write ends; one still there
// was left by a program killed while it wrote, which no signal handler
// can prevent (SIGKILL, a power cut).
func TempOf(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, ".")
	i := strings.LastIndex(rest, tempMark)
	if !ok || i <= 0 {
		return "", false
	}
	digits := rest[i+len(tempMark):]
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	return rest[:i], true
}

// temp writes a synced temporary file beside path and returns its name. Its
// name starts with a dot, so the register's loader skips one a crash leaves,
// and TempOf tells it.
func temp(path string, write func(io.Writer) error, perm os.FileMode) (string, error) {
	f, err := createTemp(filepath.Dir(path), "."+filepath.Base(path)+tempMark+"*")
	if err != nil {
		return "", failed(path, err)
	}
	fw := &fileWriter{f: f}
	err = write(fw)
	own := err != nil && (fw.err == nil || !errors.Is(err, fw.err)) // the writer's, not the file system's
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		if own {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		return "", failed(path, err)
	}
	return f.Name(), nil
}
