//go:build linux || darwin

package statsum

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// FuzzRead reads arbitrary bytes as the store a run opens, looks up the
// files a run before noted, notes one more and saves, keeping every entry
// read, as a run over some files does. Whatever the bytes, nothing panics,
// the store saved finds the file noted and every sum the run found, as it
// found it; the store as a run wrote it finds every file noted, under the
// sum noted.
func FuzzRead(f *testing.F) {
	type file struct {
		rel, full string
		st        Stat
		sum       [32]byte
	}
	dir := f.TempDir()
	// A run an hour from now: the files written here are not racy for it.
	run := time.Now().Add(time.Hour)
	record := func(rel string) file {
		full := filepath.Join(dir, rel)
		content := []byte("id: " + rel + "\n")
		if err := os.WriteFile(full, content, 0o644); err != nil {
			f.Fatal(err)
		}
		st, ok := lstat(full)
		if !ok {
			f.Fatal("no stat of", full)
		}
		return file{rel, full, st, sha256.Sum256(content)}
	}
	files := []file{record("a.yaml"), record("b.yaml"), record("c.yaml")}
	noted := record("d.yaml")

	// One store for every input: the inputs of a process are run one
	// after another, and a folder made for each costs more than the run.
	path := filepath.Join(dir, "register.sums")
	s := Open(path, run)
	for _, fl := range files {
		s.Note(fl.rel, fl.st, fl.sum)
	}
	if err := s.Save(true); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}

	cut := func(n int) []byte { return testbed.Cut(good, n) }
	flip := func(i int, bit byte) []byte { return testbed.Flip(good, i, bit) }
	f.Add(good, false)
	for _, b := range [][]byte{
		nil,
		cut(len(magic)),
		cut(len(good) / 2),
		cut(len(good) - sha256.Size),
		cut(len(good) - 1),
		flip(0, 1),                       // the magic
		flip(len(magic), 0x80),           // the first path's length
		flip(len(magic)+1, 1),            // the first path
		flip(len(magic)+1+6+8, 1),        // its modification time
		flip(len(good)-sha256.Size-1, 1), // the last sum
		flip(len(good)-1, 1),             // the hash of the whole
	} {
		f.Add(b, false)
		f.Add(b, true)
	}

	f.Fuzz(func(t *testing.T, data []byte, reseal bool) {
		if reseal {
			data = resealSum(data)
		}
		valid := bytes.Equal(data, good)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s := Open(path, run)
		found := map[string][32]byte{}
		for _, fl := range files {
			sum, ok := s.Lookup(fl.rel, fl.full)
			if ok {
				found[fl.rel] = sum
			}
			if valid && (!ok || sum != fl.sum) {
				t.Errorf("%s: %x, %v; want %x", fl.rel, sum[:4], ok, fl.sum[:4])
			}
		}
		if len(s.old) == 0 {
			return // read as empty: the save would keep nothing of it
		}
		s.Note(noted.rel, noted.st, noted.sum)
		if err := s.Save(false); err != nil {
			t.Fatalf("save: %v", err)
		}

		next := Open(path, run)
		if sum, ok := next.Lookup(noted.rel, noted.full); !ok || sum != noted.sum {
			t.Fatalf("the file noted: %x, %v", sum[:4], ok)
		}
		for _, fl := range files {
			want, ok := found[fl.rel]
			if sum, again := next.Lookup(fl.rel, fl.full); again != ok || sum != want {
				t.Errorf("after a save, %s: %x, %v; want %x, %v", fl.rel, sum[:4], again, want[:4], ok)
			}
		}
	})
}

// resealSum returns b with its last bytes made the hash of those before
// them, so that a change reaches the code that reads the entries rather
// than stopping at the hash.
func resealSum(b []byte) []byte {
	if len(b) < sha256.Size {
		return b
	}
	b = bytes.Clone(b)
	sum := sha256.Sum256(b[:len(b)-sha256.Size])
	copy(b[len(b)-sha256.Size:], sum[:])
	return b
}
