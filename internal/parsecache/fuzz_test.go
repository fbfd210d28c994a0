package parsecache

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// FuzzRead reads arbitrary bytes as the cache file a run opens (its index
// and its entries are one file), finds what it can with Has and Get, puts
// a value and saves, copying the entries kept from the file read, as a run
// over some files does. Whatever the bytes, nothing panics, and the file
// saved holds what the run put and entries no larger than those it read
// and put; the file as the store wrote it gives back every value as it was
// put.
func FuzzRead(f *testing.F) {
	type entry struct {
		rel   string
		sum   [32]byte
		value []byte
	}
	entries := []entry{
		{"a.yaml", sum("a"), []byte("alpha \x00\xff")},
		{"b.yaml", sum("b"), nil}, // an entry of no bytes
		{"c.yaml", sum("c"), []byte("gamma")},
	}
	put := entry{"d.yaml", sum("d"), []byte("delta")}

	// One file for every input: the inputs of a process are run one
	// after another, and a folder made for each costs more than the run.
	path := filepath.Join(f.TempDir(), "register.parsed")
	s := Open(path, "tool")
	for _, e := range entries {
		s.Put(e.rel, e.sum, e.value)
	}
	if err := s.Save(true); err != nil {
		f.Fatal(err)
	}
	s.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}

	cut := func(n int) []byte { return testbed.Cut(good, n) }
	flip := func(i int, bit byte) []byte { return testbed.Flip(good, i, bit) }
	at := entriesEnd(good)
	f.Add(good, false)
	for _, b := range [][]byte{
		nil,
		cut(len(header("tool"))),
		cut(len(good) / 2),
		cut(at),
		cut(len(good) - trailerSize),
		cut(len(good) - 1),
		flip(0, 1),                        // the magic
		flip(len(header("tool"))+2, 0x10), // an entry
		flip(at, 1),                       // the index's count
		flip(at+20, 0x80),                 // a path or a sum in the index
		flip(len(good)-5, 1),              // where the index starts
		flip(len(good)-1, 1),              // the index's checksum
	} {
		f.Add(b, false)
		f.Add(b, true)
	}

	f.Fuzz(func(t *testing.T, data []byte, reseal bool) {
		if reseal {
			data = resealIndex(data)
		}
		valid := bytes.Equal(data, good)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s := Open(path, "tool")
		defer s.Close()
		// The first file parsed again anyway (Has), the others read back.
		if had := s.Has(entries[0].rel, entries[0].sum); valid && !had {
			t.Errorf("%s: not had", entries[0].rel)
		}
		for _, e := range entries[1:] {
			got, ok := s.Get(e.rel, e.sum)
			if valid && (!ok || !bytes.Equal(got, e.value)) {
				t.Errorf("%s: %q, %v; want %q", e.rel, got, ok, e.value)
			}
		}
		if s.file == nil {
			return // ignored as a whole: the save would read nothing of it
		}
		s.Put(put.rel, put.sum, put.value)
		if err := s.Save(false); err != nil {
			t.Fatalf("save: %v", err)
		}
		s.Close()

		saved, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Each entry kept is copied once: an index whose entries overlap
		// must not multiply the bytes read.
		if read, wrote := entriesEnd(data), entriesEnd(saved); wrote > read+len(put.value) {
			t.Fatalf("the entries of %d bytes read and %d put were saved as %d", read, len(put.value), wrote)
		}
		next := Open(path, "tool")
		defer next.Close()
		if got, ok := next.Get(put.rel, put.sum); !ok || !bytes.Equal(got, put.value) {
			t.Fatalf("the value put came back as %q, %v", got, ok)
		}
		if valid {
			for _, e := range entries {
				if got, ok := next.Get(e.rel, e.sum); !ok || !bytes.Equal(got, e.value) {
					t.Errorf("after a save, %s: %q, %v; want %q", e.rel, got, ok, e.value)
				}
			}
		}
	})
}

// entriesEnd is where the index of the cache file b starts, after its
// entries, as its trailer says.
func entriesEnd(b []byte) int {
	return int(binary.BigEndian.Uint64(b[len(b)-trailerSize:]))
}

// resealIndex returns b with the index's checksum made to match the bytes
// where the trailer says the index is, so that a change to the index
// reaches the code that reads it rather than stopping at the checksum.
func resealIndex(b []byte) []byte {
	if len(b) < trailerSize {
		return b
	}
	end := uint64(len(b) - trailerSize)
	at := binary.BigEndian.Uint64(b[end:])
	if at > end {
		return b
	}
	b = bytes.Clone(b)
	binary.BigEndian.PutUint32(b[end+8:], crc32.Checksum(b[at:end], castagnoli))
	return b
}
