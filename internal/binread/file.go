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
	// Looked at before it is opened: opening a named pipe waits for a
	// writer.
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > most {
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		return nil, false // replaced meanwhile
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	return data, true
}
