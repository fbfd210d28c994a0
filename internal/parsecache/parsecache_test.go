package parsecache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func sum(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// record stands for the bytes a record file decoded to.
func record(id string) []byte {
	return []byte("record " + id + ": Telt fietsers — één per seconde \x00\xff")
}

// open opens the cache at path as the program "tool" does.
func open(t *testing.T, path string) *Store {
	t.Helper()
	s := Open(path, "tool")
	t.Cleanup(func() { s.Close() })
	return s
}

// kept saves a cache at path that keeps the records of the ids given,
// each under the sum of its id, as a first run would.
func kept(t *testing.T, path string, ids ...string) {
	t.Helper()
	s := open(t, path)
	for _, id := range ids {
		s.Put("sensors/"+id+".yaml", sum(id), record(id))
	}
	save(t, s, true)
}

func save(t *testing.T, s *Store, all bool) {
	t.Helper()
	if err := s.Save(all); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestValuesComeBackInTheNextRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "x.parsed")
	kept(t, path, "a", "b")

	s := open(t, path)
	for _, c := range []struct {
		rel  string
		sum  [32]byte
		want []byte
	}{
		{"sensors/a.yaml", sum("a"), record("a")},
		{"sensors/b.yaml", sum("b"), record("b")},
		{"sensors/a.yaml", sum("a changed"), nil},
		{"sensors/c.yaml", sum("a"), nil},
	} {
		got, ok := s.Get(c.rel, c.sum)
		if ok != (c.want != nil) || !bytes.Equal(got, c.want) {
			t.Errorf("Get(%s): %v %#v, want %#v", c.rel, ok, got, c.want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the cache folder holds %d files, want the cache alone", len(entries))
	}
}

// TestAddedCountsWhatTheRunDecoded: Added is the number of files put, each
// once, whatever the run found kept.
func TestAddedCountsWhatTheRunDecoded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "x.parsed")
	kept(t, path, "a", "b")
	s := open(t, path)
	s.Get("sensors/a.yaml", sum("a"))
	if got := s.Added(); got != 0 {
		t.Errorf("Added = %d after a Get, want 0", got)
	}
	s.Put("sensors/b.yaml", sum("b changed"), record("b changed"))
	s.Put("sensors/c.yaml", sum("c"), record("c"))
	s.Put("sensors/c.yaml", sum("c again"), record("c again"))
	if got := s.Added(); got != 2 {
		t.Errorf("Added = %d after two files put, want 2", got)
	}
}

// TestBytesGotStayAsTheyWere: a record read back keeps the bytes Get gave
// as its strings, so they must not change when the run saves the cache,
// when another run replaces the file, or when a later Get reads the same
// entry.
func TestBytesGotStayAsTheyWere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a", "b")

	s := open(t, path)
	a, ok := s.Get("sensors/a.yaml", sum("a"))
	if !ok {
		t.Fatal("nothing kept for a")
	}
	if again, _ := s.Get("sensors/a.yaml", sum("a")); !bytes.Equal(again, a) {
		t.Fatalf("a second Get gave %q", again)
	}
	s.Put("sensors/b.yaml", sum("b changed"), []byte(strings.Repeat("y", 1000)))
	save(t, s, true)
	other := open(t, path)
	other.Put("sensors/a.yaml", sum("a changed"), []byte(strings.Repeat("z", 1000)))
	save(t, other, true)
	if !bytes.Equal(a, record("a")) {
		t.Errorf("after two saves, the bytes got for a are %q", a)
	}
}

// TestCacheTooLargeIsNotRead: a cache file larger than any register needs
// is ignored rather than read into memory.
func TestCacheTooLargeIsNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a")
	// Sparse: the file claims more than maxFile bytes without taking them.
	if err := os.Truncate(path, maxFile+1); err != nil {
		t.Skip("no sparse files here:", err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := open(t, path)
	runtime.ReadMemStats(&after)
	if _, ok := s.Get("sensors/a.yaml", sum("a")); ok {
		t.Error("a cache over the bound was read")
	}
	if took := after.TotalAlloc - before.TotalAlloc; took > 1<<20 {
		t.Errorf("opening it took %d bytes: it was read", took)
	}
}

func TestAnotherProgramsCacheIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a")
	other := Open(path, "another build")
	defer other.Close()
	if _, ok := other.Get("sensors/a.yaml", sum("a")); ok {
		t.Fatal("a value kept by another build was used")
	}
}

// TestSaveKeepsWhatTheRunDidNotSee: a run over some files keeps the other
// files' values; a run over every file drops the values of files it did not
// see (removed or renamed); a run that found everything and added nothing
// leaves the file as it was.
func TestSaveKeepsWhatTheRunDidNotSee(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	s := open(t, path)
	for _, id := range []string{"a", "b", "c"} {
		s.Put("sensors/"+id+".yaml", sum(id), record(id))
	}
	save(t, s, true)

	s = open(t, path)
	s.Get("sensors/a.yaml", sum("a"))
	s.Put("sensors/b.yaml", sum("b2"), record("b2"))
	save(t, s, false)
	s = open(t, path)
	for id, want := range map[string][32]byte{"a": sum("a"), "b": sum("b2"), "c": sum("c")} {
		if _, ok := s.Get("sensors/"+id+".yaml", want); !ok {
			t.Errorf("after a run over some files, %s is gone", id)
		}
	}
	save(t, s, true) // found a, b and c: nothing to write
	before, _ := os.ReadFile(path)

	s = open(t, path)
	s.Get("sensors/a.yaml", sum("a"))
	save(t, s, true)
	s = open(t, path)
	if _, ok := s.Get("sensors/c.yaml", sum("c")); ok {
		t.Error("after a run over every file, an unseen file's value was kept")
	}
	if _, ok := s.Get("sensors/a.yaml", sum("a")); !ok {
		t.Error("after a run over every file, a value it found was dropped")
	}
	after, _ := os.ReadFile(path)
	if bytes.Equal(before, after) {
		t.Error("a run that dropped values did not write the cache")
	}
}

// TestKeptValuesAreCopiedWhole: values kept from the file read are copied
// to the new one, in runs that entries dropped or changed break and that
// a large entry makes longer than one read, and each comes back as it was
// put, save after save.
func TestKeptValuesAreCopiedWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	value := func(i, version int) []byte {
		v := record(fmt.Sprintf("r%d.%d", i, version))
		if i%50 == 7 {
			v = append(v, strings.Repeat(fmt.Sprintf("groot %d ", i), 40000)...) // beyond copyChunk with the next
		}
		return v
	}
	const n = 300
	version := make([]int, n) // 0: not in the cache
	rel := func(i int) string { return fmt.Sprintf("sensors/r%03d.yaml", i) }
	key := func(i int) [32]byte { return sum(fmt.Sprint(i, version[i])) }
	s := open(t, path)
	for i := range n {
		version[i] = 1
		s.Put(rel(i), key(i), value(i, 1))
	}
	save(t, s, true)
	for round := 2; round <= 4; round++ {
		s = open(t, path)
		for i := range n {
			switch {
			case i%31 == round: // removed from the register
				version[i] = 0
			case i%17 == round: // changed
				version[i] = round
				s.Put(rel(i), key(i), value(i, round))
			case version[i] > 0:
				if _, ok := s.Get(rel(i), key(i)); !ok {
					t.Fatalf("round %d: %s is not found", round, rel(i))
				}
			}
		}
		save(t, s, true)
		s = open(t, path)
		for i := range n {
			got, ok := s.Get(rel(i), key(i))
			if version[i] == 0 {
				continue
			}
			if want := value(i, version[i]); !ok || !bytes.Equal(got, want) {
				t.Fatalf("round %d: %s came back as %v %.80v, want %.80v", round, rel(i), ok, got, want)
			}
		}
		s.Close()
	}
}

// TestDamageIsIgnored: whatever happened to the file, the cache gives
// nothing wrong and never stops the run; damage to one entry costs that
// entry alone.
func TestDamageIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a", "b")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entryA := bytes.Index(good, []byte("sensors/a")) // in the index, after the entries
	firstEntry := len(header("tool"))
	for _, c := range []struct {
		name   string
		damage func([]byte) []byte
		// kept are the files whose values must still come back.
		kept []string
	}{
		{"empty", func([]byte) []byte { return nil }, nil},
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }, nil},
		{"one byte less", func(b []byte) []byte { return b[:len(b)-1] }, nil},
		{"another version", func(b []byte) []byte { return bytes.Replace(b, []byte("cache 2"), []byte("cache 1"), 1) }, nil},
		{"the index changed", func(b []byte) []byte { b[entryA] ^= 1; return b }, nil},
		{"an entry changed", func(b []byte) []byte { b[firstEntry+3] ^= 0x40; return b }, []string{"one of a, b"}},
		{"the trailer points outside", func(b []byte) []byte {
			copy(b[len(b)-trailerSize:], bytes.Repeat([]byte{0xff}, 8))
			return b
		}, nil},
		{"garbage", func(b []byte) []byte { return bytes.Repeat([]byte{0x80}, len(b)) }, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := os.WriteFile(path, c.damage(bytes.Clone(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			s := open(t, path)
			found := 0
			for _, id := range []string{"a", "b"} {
				if got, ok := s.Get("sensors/"+id+".yaml", sum(id)); ok {
					found++
					if !bytes.Equal(got, record(id)) {
						t.Fatalf("%s came back as %#v", id, got)
					}
				}
			}
			if found != len(c.kept) {
				t.Fatalf("%d values came back, want %d", found, len(c.kept))
			}
		})
	}
}

func TestPutAfterTheSpoolFailedKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.parsed")
	s := open(t, path)
	s.Put("sensors/a.yaml", sum("a"), record("a"))
	save(t, s, true)
	// A file where the cache's folder should be: the spool cannot be made.
	s = open(t, filepath.Join(path, "inner.parsed"))
	s.Put("sensors/b.yaml", sum("b"), record("b"))
	if err := s.Save(true); err == nil || !strings.Contains(err.Error(), "parse cache") {
		t.Fatalf("Save: %v, want the spool's error", err)
	}
	s = open(t, path)
	if _, ok := s.Get("sensors/a.yaml", sum("a")); !ok {
		t.Fatal("the cache was lost")
	}
}

// TestSaveEndsTheRun: after Save the store lets go of the file it read (a
// system may refuse to replace a file that is open), finds nothing more,
// and a second Save leaves the file as the first wrote it.
func TestSaveEndsTheRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a")

	s := open(t, path)
	if _, ok := s.Get("sensors/a.yaml", sum("a")); !ok {
		t.Fatal("a.yaml not found")
	}
	s.Put("sensors/b.yaml", sum("b"), record("b"))
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	if s.old != nil {
		t.Error("the file read is still open after Save")
	}
	if _, ok := s.Get("sensors/a.yaml", sum("a")); ok {
		t.Error("Get found a value after Save")
	}
	written, _ := os.ReadFile(path)
	s.Put("sensors/c.yaml", sum("c"), record("c"))
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(written, again) {
		t.Error("a second Save wrote the file again")
	}
}

// TestEntriesNoRunFindsAreNotRead: the entries of the file are read when
// a Get first finds one; a run that finds none (every file decoded again,
// as on the first check of a day) never reads them, and saves what it
// put; a run over some files reads them to keep the others.
func TestEntriesNoRunFindsAreNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a", "b")

	s := open(t, path)
	if _, ok := s.Get("sensors/a.yaml", sum("a, edited")); ok {
		t.Fatal("found under another sum")
	}
	s.Put("sensors/a.yaml", sum("a again"), record("a again"))
	s.Put("sensors/b.yaml", sum("b again"), record("b again"))
	if s.old != nil {
		t.Fatal("the entries were read though no Get found one")
	}
	save(t, s, true)
	next := open(t, path)
	for _, id := range []string{"a again", "b again"} {
		rel := "sensors/" + strings.Fields(id)[0] + ".yaml"
		if got, ok := next.Get(rel, sum(id)); !ok || !bytes.Equal(got, record(id)) {
			t.Errorf("%s: %q, %v after a run that found none", rel, got, ok)
		}
	}

	some := open(t, path)
	some.Put("sensors/c.yaml", sum("c"), record("c"))
	save(t, some, false)
	last := open(t, path)
	if got, ok := last.Get("sensors/a.yaml", sum("a again")); !ok || !bytes.Equal(got, record("a again")) {
		t.Errorf("a run over some files lost a.yaml: %q, %v", got, ok)
	}
}

// TestHasKeepsWithoutReading: a run that parsed every file again (the first
// check of a day) and asked Has before putting keeps the entries it has,
// without reading them, and writes nothing when every file is as it was;
// when some changed, the new file holds the entries it has, copied from
// the old file, and those it put, but not those it did not look at.
func TestHasKeepsWithoutReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a", "b", "c")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	s := open(t, path)
	for _, id := range []string{"a", "b", "c"} {
		if !s.Has("sensors/"+id+".yaml", sum(id)) {
			t.Fatalf("%s: not had", id)
		}
	}
	if s.Has("sensors/a.yaml", sum("a, edited")) || s.Has("sensors/d.yaml", sum("d")) {
		t.Fatal("had under another sum, or for another file")
	}
	if s.old != nil {
		t.Fatal("Has read the entries")
	}
	save(t, s, true)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("a run that had every entry wrote the cache")
	}

	s = open(t, path)
	s.Has("sensors/a.yaml", sum("a"))
	s.Put("sensors/b.yaml", sum("b2"), record("b2"))
	if s.old != nil {
		t.Fatal("the entries were read though no Get found one")
	}
	save(t, s, true) // c.yaml was not looked at: gone
	next := open(t, path)
	for _, c := range []struct {
		id, rel string
		found   bool
	}{
		{"a", "sensors/a.yaml", true},
		{"b2", "sensors/b.yaml", true},
		{"c", "sensors/c.yaml", false},
	} {
		got, ok := next.Get(c.rel, sum(c.id))
		if ok != c.found || ok && !bytes.Equal(got, record(c.id)) {
			t.Errorf("%s: %q, %v; want found %v", c.rel, got, ok, c.found)
		}
	}
}

// TestFewChangesLeaveTheFile: a run that adds or drops fewer entries than
// one in rewriteShare of those kept leaves the file as it was, and the
// next run finds every other entry and parses those files again; a run
// that changes that many writes the file anew.
func TestFewChangesLeaveTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	n := 4 * rewriteShare
	var ids []string
	for i := range n {
		ids = append(ids, fmt.Sprint("r", i))
	}
	read := func() []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		put     int  // files whose content changed
		seen    int  // of the others, how many the run saw
		all     bool // the run looked at every record file
		written bool
	}{
		{"one changed", 1, n - 1, true, false},
		{"three changed", 3, n - 3, true, false},
		{"four changed, one in rewriteShare", 4, n - 4, true, true},
		{"three removed", 0, n - 3, true, false},
		{"four removed", 0, n - 4, true, true},
		{"one changed in a run over some files", 1, 10, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept(t, path, ids...)
			before := read()
			s := open(t, path)
			for i, id := range ids {
				switch {
				case i < tt.put:
					s.Put("sensors/"+id+".yaml", sum(id+" changed"), record(id+" changed"))
				case i < tt.put+tt.seen:
					if _, ok := s.Get("sensors/"+id+".yaml", sum(id)); !ok {
						t.Fatalf("%s is not kept", id)
					}
				}
			}
			save(t, s, tt.all)
			if written := !bytes.Equal(read(), before); written != tt.written {
				t.Fatalf("written: %v, want %v", written, tt.written)
			}
			s = open(t, path)
			_, changed := s.Get("sensors/r0.yaml", sum("r0 changed"))
			_, other := s.Get(fmt.Sprintf("sensors/r%d.yaml", n-1), sum(fmt.Sprint("r", n-1)))
			if tt.put > 0 && changed != tt.written {
				t.Errorf("the changed entry is found: %v, want %v (as the file was written)", changed, tt.written)
			}
			if !other && !(tt.written && tt.all && tt.seen < n-1) {
				t.Error("an entry the run did not change is gone")
			}
		})
	}
}

// An entry found and then put again is written once, as put: the next run
// finds the new value, not the old one.
func TestFoundThenPutKeepsThePut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parsed")
	kept(t, path, "a", "b")
	s := open(t, path)
	for _, id := range []string{"a", "b"} {
		if _, ok := s.Get("sensors/"+id+".yaml", sum(id)); !ok {
			t.Fatalf("%s is not kept", id)
		}
	}
	s.Put("sensors/a.yaml", sum("a changed"), record("a changed"))
	save(t, s, true)
	s = open(t, path)
	if _, ok := s.Get("sensors/a.yaml", sum("a")); ok {
		t.Error("the value put over is still found")
	}
	if got, ok := s.Get("sensors/a.yaml", sum("a changed")); !ok || !bytes.Equal(got, record("a changed")) {
		t.Errorf("the value put is not found: %q, %v", got, ok)
	}
	if _, ok := s.Get("sensors/b.yaml", sum("b")); !ok {
		t.Error("the value found and not put is gone")
	}
}
