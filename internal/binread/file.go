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

// Part is n bytes of a file at Off.
type Part struct{ Off, N int64 }

// CopyParts writes to w the parts of src, in the order given (by offset,
// ascending), those that follow each other in src in one copy, and returns
// how much it wrote; a part src does not hold whole is an error. A cache
// that writes a new file keeps the entries of the one it read this way,
// without holding them.
func CopyParts(w io.Writer, src io.ReaderAt, parts []Part) (int64, error) {
	var written int64
	for i := 0; i < len(parts); {
		from, end, j := parts[i].Off, parts[i].Off+parts[i].N, i+1
		for j < len(parts) && parts[j].Off == end {
			end += parts[j].N
			j++
		}
		n, err := io.Copy(w, io.NewSectionReader(src, from, end-from))
		written += n
		if err == nil && n < end-from {
			err = io.ErrUnexpectedEOF // the source is shorter than it was
		}
		if err != nil {
			return written, err
		}
		i = j
	}
	return written, nil
}
