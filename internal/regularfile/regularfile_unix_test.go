//go:build unix

package regularfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func init() {
	openers = append(openers, opener{"FD", func(path string, most int64, _ func()) (io.Reader, int64, func() error, error) {
		fd, err := OpenFD(path)
		if err != nil {
			return nil, 0, nil, err
		}
		var st syscall.Stat_t
		if err := fd.Regular(path, most, &st); err != nil {
			fd.Close()
			return nil, 0, nil, err
		}
		return fd, st.Size, fd.Close, nil
	}})
}

// TestFDReadsWithoutAllocating: a file opened by its descriptor is read
// into a buffer with room for it allocating nothing but what the system
// call to open it does (the path's copy), as the loader reads a register's
// 100,000 records.
func TestFDReadsWithoutAllocating(t *testing.T) {
	path := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(path, []byte(twelve), 0o644); err != nil {
		t.Fatal(err)
	}
	into := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		fd, err := OpenFD(path)
		if err != nil {
			t.Fatal(err)
		}
		defer fd.Close()
		var st syscall.Stat_t
		if err := fd.Regular(path, 12, &st); err != nil {
			t.Fatal(err)
		}
		if data, err := Read(fd, path, st.Size, 12, into); err != nil || string(data) != twelve {
			t.Fatalf("read %q, %v", data, err)
		}
	})
	opening := testing.AllocsPerRun(100, func() {
		fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		syscall.Close(fd)
	})
	if allocs != opening {
		t.Errorf("opening, looking at and reading a file allocates %v times, want %v, as opening it does", allocs, opening)
	}
}
