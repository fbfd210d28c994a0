package checkcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// fuzzKey is the key of the run that wrote the seeds and of every run that
// reads them: under another, the store lets go of all it read at once and
// no entry would be looked at.
const fuzzKey = "fuzz run"

// fuzzAdded is the file whose result each run adds before it saves.
const fuzzAdded = "sensors/added.yaml"

// FuzzRead reads arbitrary bytes as a register's cache file, as a run
// does: the store opens it, is told the run's key, looks up each result
// it holds and, when it holds any, adds one and saves, which copies or
// decodes again what the file held. Bytes that start as a cache file
// does are given a valid checksum first, as another program could write
// them, for the checksum would otherwise keep nearly every mutation away
// from the decoder; as given, they must read only when their checksum
// holds. Whatever the
// bytes, nothing panics or hangs, decoding allocates no more than a
// bounded multiple of their size, and what the run saves reads back with
// the result it added; when the bytes are a file the store itself wrote,
// every result comes back as it was put and is saved so. The decoder is
// also run on the payload without the store's recover, so a panic it
// would hide still fails here.
func FuzzRead(f *testing.F) {
	want := map[string]*entry{}
	for _, rel := range []string{"sensors/a.yaml", "sensors/b.yaml", "algorithms/c.yaml", "sensors/d.yaml", fuzzAdded} {
		want[rel] = &entry{Sum: sha256.Sum256([]byte(rel)), Stored: resultSaying(rel)}
	}
	seeds := writtenFiles(f, want)
	for file := range seeds {
		good := []byte(file)
		f.Add(good)
		payload := len(good) - sha256.Size
		for _, cut := range []int{len(good) - 1, payload, payload / 2, len(magic) + 3} {
			f.Add(testbed.Cut(good, cut))
		}
		for _, at := range []int{0, len(magic), len(magic) + 1, payload / 2, payload - 1, len(good) - 1} {
			f.Add(testbed.Flip(good, at, 0x10))
		}
	}
	// Large enough that believing its count shows against allocSlack.
	f.Add(claiming("sensors/a.yaml", want["sensors/a.yaml"].Sum, 1<<15))
	f.Fuzz(func(t *testing.T, data []byte) {
		holds, valid := seeds[string(data)]
		file := data
		if bytes.HasPrefix(data, []byte(magic)) && len(data) >= len(magic)+sha256.Size {
			payload := data[len(magic) : len(data)-sha256.Size]
			file = withSum(payload)
			decodeBare(t, payload)
		}
		if readFrom(bytes.NewReader(data), int64(len(data))) != nil && !bytes.Equal(file, data) {
			t.Fatal("a file whose checksum does not hold was read")
		}
		// The store runs on the file made valid only: as given, nearly
		// every mutation fails the checksum and it would read nothing.
		// Every other input, it reads the results from the file rather
		// than from its bytes held (heldMost).
		if len(data)%2 == 1 {
			defer func(most int64) { heldMost = most }(heldMost)
			heldMost = 0
		}
		useAsCache(t, cachePath(t), file, want, holds, valid)
	})
}

// writtenFiles writes cache files with the store and returns them, each
// with the files whose results it holds: one whose entries were all
// encoded, and one saved after a run that found one of them, which keeps
// the entries as read after its table, so both ways a save writes entries
// are seeded.
func writtenFiles(f *testing.F, want map[string]*entry) map[string][]string {
	path := filepath.Join(f.TempDir(), "cache")
	save := func(found, put []string) string {
		s := Open(path, "tool")
		defer s.Close()
		s.Run([]byte(fuzzKey))
		for _, rel := range found {
			if _, ok := s.Get(rel, want[rel].Sum); !ok {
				f.Fatalf("%s: not found in the file just saved", rel)
			}
		}
		for _, rel := range put {
			s.Put(rel, want[rel].Sum, want[rel].Stored)
		}
		if err := s.Save(false); err != nil {
			f.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		return string(data)
	}
	all := save(nil, []string{"sensors/a.yaml", "sensors/b.yaml", "algorithms/c.yaml"})
	kept := save([]string{"sensors/a.yaml"}, []string{"sensors/d.yaml"})
	return map[string][]string{
		all:  {"sensors/a.yaml", "sensors/b.yaml", "algorithms/c.yaml"},
		kept: {"sensors/a.yaml", "sensors/b.yaml", "algorithms/c.yaml", "sensors/d.yaml"},
	}
}

// cachePath is where the store looks for the cache of a register in a new
// folder.
func cachePath(t *testing.T) string {
	dir := t.TempDir()
	path, err := Path(dir, filepath.Join(dir, ".git"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// useAsCache writes file at path and runs over it as a check does. valid
// says file is one the store wrote, holding the results of holds.
func useAsCache(t *testing.T, path string, file []byte, want map[string]*entry, holds []string, valid bool) {
	t.Helper()
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	s := Open(path, "tool")
	defer s.Close()
	s.Run([]byte(fuzzKey))
	for rel, e := range want {
		got, ok := s.Get(rel, e.Sum)
		if !valid {
			continue
		}
		if held := slices.Contains(holds, rel); ok != held || ok && !reflect.DeepEqual(got, e.Stored) {
			t.Fatalf("%s: Get = %+v, %v from a file the store wrote", rel, got, ok)
		}
	}
	// The entries the bytes name, whatever they are, are each read from
	// the file as a run that finds them reads them.
	type found struct {
		rel string
		sum [32]byte
	}
	var index []found
	for rel, i := range s.old {
		index = append(index, found{rel, s.slots[i].sum})
	}
	for _, e := range index {
		s.Get(e.rel, e.sum)
	}
	// A save reads the file only when the store holds results of it;
	// otherwise it would only cost the iteration a sync of the disk,
	// several times all the rest.
	if len(index) == 0 {
		return
	}
	added := want[fuzzAdded]
	s.Put(fuzzAdded, added.Sum, added.Stored)
	if err := s.Save(false); err != nil {
		t.Fatal(err)
	}
	saved := contentsOf(path)
	if saved == nil {
		t.Fatal("the file saved does not read")
	}
	if _, ok := saved.index[fuzzAdded]; !ok {
		t.Fatal("the file saved lacks the result added")
	}
	if !valid {
		return
	}
	got := readResults(t, path)
	if len(got) != len(holds)+1 {
		t.Fatalf("saved %d results, want %d", len(got), len(holds)+1)
	}
	for rel, e := range got {
		if !reflect.DeepEqual(e, want[rel]) {
			t.Fatalf("%s: saved as %+v", rel, e)
		}
	}
}

// claiming is a file the store could have written but for its one
// result, of rel under sum and with a valid checksum, which says it holds
// n findings and is n bytes of zeros: a reader that believes the count
// before it reads the findings allocates some 200 bytes for each byte.
func claiming(rel string, sum [32]byte, n int) []byte {
	e := newEncoder()
	e.uint(e.strs.number(rel))
	e.body = append(e.body, sum[:]...)
	result := append(binary.AppendUvarint(nil, uint64(n)), make([]byte, n)...)
	e.uint(uint64(len(result)))
	e.body = append(e.body, result...)
	return withSum(e.payload(fuzzKey, 0, 1, 1))
}

// Decoding allocates at most allocPerByte bytes for each byte of the
// payload, and allocSlack more. The densest valid payload, of history
// answers that take three bytes each and whose times each have a zone of
// their own, needs some 70; a count believed beyond what the bytes can
// hold makes it hundreds.
const (
	allocPerByte = 128
	allocSlack   = 1 << 20
)

// decodeBare decodes payload, and each result it indexes, as the store
// does but with no recover between the decoder and the fuzzer, and checks
// that every entry it indexes lies within the payload and that the
// decoding allocates within bounds of the payload's size.
func decodeBare(t *testing.T, payload []byte) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	defer func() {
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > uint64(allocPerByte*len(payload)+allocSlack) {
			t.Fatalf("decoding %d bytes allocated %d", len(payload), n)
		}
	}()
	from := int64(len(magic))
	c, err := decode(payload, from)
	if err != nil {
		return
	}
	for rel, i := range c.index {
		sl := c.slots[i]
		start, end := sl.off-from, sl.off-from+int64(sl.n)
		if start < 0 || sl.rn > sl.n || end > int64(len(payload)) {
			t.Fatalf("%s: entry of %d bytes at %d, outside a payload of %d", rel, sl.n, sl.off, len(payload))
		}
		d := &decoder{data: string(payload[end-int64(sl.rn) : end]), table: c.table}
		d.stored()
	}
}
