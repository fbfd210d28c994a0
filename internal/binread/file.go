package binread

import (
	"io"
	"os"
)

// ReadFile reads the regular file at path whole, for a Reader: a cache
// or an index a program wrote. It reads nothing, and reports false, when
// the file is missing, not a regular file (a named pipe would block the
// read for ever), or larger than most bytes, a bound far above what the
// program writes, so that a file that is not what it wrote is not read
// into memory.
func ReadFile(path string, most int64) ([]byte, bool) {
	f, size, ok := Open(path, most)
	if !ok {
		return nil, false
	}
	defer f.Close()
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	return data, true
}

// Open opens the regular file at path, of size bytes, to read parts of it
// as they are needed, as ReadFile would read it whole; false as ReadFile.
// The parts read are of the file opened, whatever replaces it at path
// meanwhile.
func Open(path string, most int64) (f *os.File, size int64, ok bool) {
	// Looked at before it is opened: opening a named pipe waits for a
	// writer.
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > most {
		return nil, 0, false
	}
	f, err = os.Open(path)
	if err != nil {
		return nil, 0, false
	}
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		f.Close()
		return nil, 0, false // replaced meanwhile
	}
	return f, st.Size(), true
}
