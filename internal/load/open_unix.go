//go:build unix

package load

import (
	"syscall"

	"github.com/voorbeeldstad/register/internal/regularfile"
	"github.com/voorbeeldstad/register/internal/statsum"
)

// readPlain reads the file at full when it is not a symlink, opening it
// without blocking should it be a FIFO (regularfile.OpenFD); ok is false
// when it is a symlink or cannot be opened so, and readInside looks at it
// first. stat is what the file system said of the file, where it says
// what statsum needs. It reads through the file descriptor itself: an
// os.File costs a second system call and a cleanup for each of a
// register's thousands of files, and a re-check reads every file. It
// reads into into when that has room.
func readPlain(full string, maxBytes int64, into []byte) (data []byte, stat *statsum.Stat, bad *unreadable, ok bool) {
	fd, err := regularfile.OpenFD(full)
	if err != nil {
		return nil, nil, nil, false
	}
	defer fd.Close()
	most := maxBytes
	if most <= 0 {
		most = regularfile.AnySize
	}
	var st syscall.Stat_t
	if err := fd.Regular(full, most, &st); err != nil {
		return nil, nil, refused(err), true
	}
	// Looked at before the read: a file changed while read is found
	// changed by the next run (statsum).
	if s, ok := statsum.Of(&st); ok {
		stat = &s
	}
	data, err = regularfile.Read(fd, full, st.Size, most, into)
	if err != nil {
		return nil, nil, refused(err), true
	}
	return data, stat, nil, true
}
