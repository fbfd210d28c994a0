package binread

import (
	"io"
	"os"

	"github.com/voorbeeldstad/register/internal/regularfile"
)

// ErrNotRegular is the error of a path that holds no regular file (a
// folder, a named pipe, a device), or no longer the one looked at.
var ErrNotRegular = regularfile.ErrNotRegular

// TooLarge is the error of a file larger than the bound it was read to.
type TooLarge = regularfile.TooLarge

// ReadFile reads the regular file at path whole, for a Reader: a cache
// or an index a program wrote. It reads nothing, and says why (Open),
// when the file is missing, not a regular file (a named pipe would block
// the read for ever), or larger than most bytes, a bound far above what
// the program writes, so that a file that is not what it wrote is not
// read into memory; nor one that grows past most bytes while read.
func ReadFile(path string, most int64) ([]byte, error) {
	f, st, err := regularfile.OpenFollowing(path, most)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return regularfile.Read(f, path, st.Size(), most, nil)
}

// Open opens the regular file at path, of size bytes, to read parts of it
// as they are needed, as ReadFile would read it whole. It is looked at
// before it is opened, as opening a named pipe waits for a writer, and
// refused with the error of looking at it, ErrNotRegular or TooLarge;
// a symbolic link is followed, as a user may keep the file elsewhere
// (regularfile.OpenFollowing). The parts read are of the file opened,
// whatever replaces it at path meanwhile; one replaced or written to
// before it was opened is ErrNotRegular.
func Open(path string, most int64) (f *os.File, size int64, err error) {
	f, st, err := regularfile.OpenFollowing(path, most)
	if err != nil {
		return nil, 0, err
	}
	return f, st.Size(), nil
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
