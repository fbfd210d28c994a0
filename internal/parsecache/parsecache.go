// Package parsecache keeps what each record file decoded to between runs
// of the commands that publish whole records (build, packet), so that a
// file whose content has not changed is not parsed again: its record is
// read from the bytes kept (record.AppendBinary). Parsing and decoding are
// most of what such a run costs when the check cache already holds every
// file's findings. The store keeps bytes and knows nothing of records.
//
// As the check cache, it is an optimisation and never an authority: a file
// that is missing, cut short, of another version or damaged is ignored as a
// whole, an entry whose bytes do not match their checksum is ignored, and
// the files concerned are parsed afresh. Its index is read when it is
// opened, and its entries whole when the first is found: the records read
// back from it keep its bytes as their strings (record.ReadBinary), so it
// costs no more memory than they would, and saves a read for every file.
// A run that finds none (after the configuration changed, every file is
// parsed again to be checked, and asks Has before it puts what it parsed)
// reads none, and writes none when no file changed. New entries are spooled to disk.
package parsecache

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
)

// magic starts every cache file; its version changes whenever the format
// does, and an older file is then ignored.
const magic = "register parse cache 2\n"

// trailerSize is the end of a file: where the index starts (8 bytes) and
// the index's checksum (4 bytes).
const trailerSize = 12

// maxFile bounds what is read of a cache: far above what a register of a
// million records needs.
const maxFile = 1 << 30

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// slot is where an entry's bytes are, in the file read or the spool.
type slot struct {
	sum [32]byte
	off int64
	n   int64
	crc uint32
	at  int32 // its place in the file's index, for Store.used
}

// Store is the parse cache of one register. Get and Put are safe for
// concurrent use; Save writes the file for the next run, Close lets go of
// what the run held.
type Store struct {
	path, tool string

	file    *os.File // the file opened; nil: none
	entries int64    // the size of its entries, which come first
	index   map[string]slot
	reading sync.Once
	old     []byte // the entries of the file, once read (body); nil: none

	mu sync.Mutex
	// used says which entries of the file this run found (Get, Has), by
	// slot.at, and found how many: marked in a map, they were a hundredth
	// of a build after one change.
	used  []bool
	found int
	spool *atomicfile.Spool // new entries, as written: when it could not be, Save keeps the old file
	added map[string]slot
	had   int  // entries Has found
	saved bool // Save ran
}

// Open reads the index of the cache at path, made by the program
// identified as tool; a missing or unusable file gives an empty cache.
func Open(path, tool string) *Store {
	s := &Store{path: path, tool: tool, index: map[string]slot{}, added: map[string]slot{},
		spool: atomicfile.NewSpool(path)}
	if f, size, err := binread.Open(path, maxFile); err == nil {
		if index, at, ok := readIndex(f, size, tool); ok {
			s.file, s.entries, s.index = f, at, index
			s.used = make([]bool, len(index))
		} else {
			f.Close()
		}
	}
	return s
}

// body returns the entries of the file opened, read whole the first time;
// nil when there are none, they cannot be read, or Save or Close ended
// the run.
func (s *Store) body() []byte {
	s.reading.Do(func() {
		s.mu.Lock()
		f := s.file
		s.mu.Unlock()
		if f == nil {
			return
		}
		b := make([]byte, s.entries)
		if _, err := f.ReadAt(b, 0); err == nil {
			s.mu.Lock()
			if s.file == f { // not ended meanwhile (Save, Close)
				s.old = b
			}
			s.mu.Unlock()
		}
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.old
}

// header is what a file starts with: magic and the tool's identity.
func header(tool string) []byte {
	return appendText([]byte(magic), tool)
}

// readIndex reads and checks the index of f, a cache file of size bytes,
// and returns it with where it starts, after the entries; ok is false for
// a file of another tool or version, or one that is damaged anywhere
// outside the entries themselves.
func readIndex(f io.ReaderAt, size int64, tool string) (index map[string]slot, at int64, ok bool) {
	defer func() {
		if recover() != nil { // whatever the bytes, the run goes on
			index, at, ok = nil, 0, false
		}
	}()
	head := header(tool)
	if size < int64(len(head))+trailerSize {
		return nil, 0, false
	}
	start := make([]byte, len(head))
	var trailer [trailerSize]byte
	if _, err := f.ReadAt(start, 0); err != nil || !bytes.Equal(start, head) {
		return nil, 0, false
	}
	if _, err := f.ReadAt(trailer[:], size-trailerSize); err != nil {
		return nil, 0, false
	}
	at = int64(binary.BigEndian.Uint64(trailer[:8]))
	if at < int64(len(head)) || at > size-trailerSize {
		return nil, 0, false
	}
	raw := make([]byte, size-trailerSize-at)
	if _, err := f.ReadAt(raw, at); err != nil {
		return nil, 0, false
	}
	if crc32.Checksum(raw, castagnoli) != binary.BigEndian.Uint32(trailer[8:]) {
		return nil, 0, false
	}
	d := binread.New(raw)
	n := d.Count()
	index = make(map[string]slot, n)
	for i := range n {
		rel := d.Text()
		sl := slot{at: int32(i)}
		copy(sl.sum[:], d.Bytes(uint64(len(sl.sum))))
		if crc := d.Bytes(4); len(crc) == 4 {
			sl.crc = binary.BigEndian.Uint32(crc)
		}
		sl.off, sl.n = int64(d.Uvarint()), int64(d.Uvarint())
		if d.Bad() || sl.off < int64(len(head)) || sl.n < 0 || sl.off > at || sl.n > at-sl.off {
			return nil, 0, false
		}
		index[rel] = sl
	}
	if d.Bad() || d.Len() != 0 {
		return nil, 0, false
	}
	return index, at, true
}

// Get returns the bytes kept for the file rel under sum, the hash of its
// content and of what its decoding depends on; false when there are none
// or they are damaged. They are the file's bytes as read, which stay as
// they are for as long as anything holds them: the caller must not change
// them.
func (s *Store) Get(rel string, sum [32]byte) ([]byte, bool) {
	sl, ok := s.index[rel]
	if !ok || sl.sum != sum {
		return nil, false
	}
	old := s.body()
	if old == nil {
		return nil, false
	}
	buf := old[sl.off : sl.off+sl.n : sl.off+sl.n]
	if crc32.Checksum(buf, castagnoli) != sl.crc {
		return nil, false
	}
	s.mu.Lock()
	s.use(sl)
	s.mu.Unlock()
	return buf, true
}

// Has reports whether the store keeps an entry for the file rel under
// sum, and keeps it for the next run as Get would, without reading it: a
// run that parsed the file again anyway (to check it under another
// configuration) need not put the same bytes.
func (s *Store) Has(rel string, sum [32]byte) bool {
	sl, ok := s.index[rel]
	if !ok || sl.sum != sum {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.saved {
		return false
	}
	s.use(sl)
	s.had++
	return true
}

// Had is how many files this run found with Has: those it parsed again
// though they were as a run before left them.
func (s *Store) Had() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.had
}

// Put keeps b, what the file rel decoded to, under sum.
func (s *Store) Put(rel string, sum [32]byte, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := s.spool.Len()
	if _, err := s.spool.Write(b); err != nil {
		return
	}
	s.added[rel] = slot{sum: sum, off: off, n: int64(len(b)), crc: crc32.Checksum(b, castagnoli)}
	if sl, ok := s.index[rel]; ok && s.used[sl.at] {
		s.used[sl.at] = false // put again: the file's entry is not kept
		s.found--
	}
}

// use marks the file's entry sl found; under s.mu.
func (s *Store) use(sl slot) {
	if !s.used[sl.at] {
		s.used[sl.at] = true
		s.found++
	}
}

// rewriteShare is the share of the entries kept, one in rewriteShare,
// that a run must add or drop for Save to write the file anew (few).
const rewriteShare = 256

// few reports whether this run changed too few of the entries the file
// holds to write it anew: a file of 10,000 records is some 13 MB, which a
// build after one change copied and synced for the one record it parsed,
// a fiftieth of that build. The next run parses the files whose entries
// were not written, each in a fraction of a millisecond, until they are
// enough to be written with the rest. all is Save's. Under s.mu.
func (s *Store) few(all bool) bool {
	changed := len(s.added)
	if all {
		// Dropped: the entries of files this run did not see. Those it
		// found (used) are entries of the file, and none it put again.
		dropped := len(s.index) - s.found
		for rel := range s.added {
			if _, ok := s.index[rel]; ok {
				dropped--
			}
		}
		changed += dropped
	}
	return s.file != nil && changed*rewriteShare < len(s.index)
}

// Added is how many files this run put (Put): those it decoded afresh.
func (s *Store) Added() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.added)
}

// Save writes the cache for the next run, replacing the file atomically,
// unless nothing changed, or too little (few): the entries this run found
// (Get, Has) or added, and, when all is false (the run did not look at
// every record file), the others, copied from the file opened. It ends the run's use of the
// store: Get finds nothing after it, and a second Save does nothing. A cache that cannot be written only
// costs the next run its speed; the error is returned for the caller to
// ignore or report.
func (s *Store) Save(all bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved {
		return nil
	}
	s.saved = true
	// The entries kept are copied from the file opened, which stays open
	// until now, whether or not a Get read them into memory.
	var from io.ReaderAt
	if s.file != nil {
		from = s.file
	}
	// A system may refuse to replace a file that is open: it is closed
	// once what is kept of it is copied.
	closeFile := func() {
		if s.file != nil {
			s.file.Close()
			s.file = nil
		}
	}
	defer closeFile()
	broken := s.spool.Err()
	if broken != nil || len(s.added) == 0 && (!all || s.found == len(s.index)) || s.few(all) {
		// Nothing to write, or nothing that can be.
		s.old = nil
		if broken != nil {
			return fmt.Errorf("write parse cache: %w", broken)
		}
		return nil
	}
	tool := s.tool
	return atomicfile.ReplaceFrom(s.path, 0o644, func(w io.Writer) error {
		defer closeFile()
		bw := bufio.NewWriterSize(w, 1<<16)
		at := int64(0)
		write := func(b []byte) {
			n, _ := bw.Write(b)
			at += int64(n)
		}
		write(header(tool))
		kept := make(map[string]slot, len(s.index)+len(s.added))
		if from != nil { // else there is no file: none kept
			for rel, sl := range s.index {
				if _, again := s.added[rel]; !again && (!all || s.used[sl.at]) {
					kept[rel] = sl
				}
			}
		}
		n, err := copyKept(from, kept, at, bw)
		at += n
		if err != nil {
			return err
		}
		base := at
		n, err = io.Copy(bw, s.spool.Reader())
		at += n
		if err != nil {
			return err
		}
		for rel, sl := range s.added {
			sl.off += base
			kept[rel] = sl
		}
		index := binary.AppendUvarint(nil, uint64(len(kept)))
		for rel, sl := range kept {
			index = appendText(index, rel)
			index = append(index, sl.sum[:]...)
			index = binary.BigEndian.AppendUint32(index, sl.crc)
			index = binary.AppendUvarint(index, uint64(sl.off))
			index = binary.AppendUvarint(index, uint64(sl.n))
		}
		indexAt := at
		write(index)
		var trailer [trailerSize]byte
		binary.BigEndian.PutUint64(trailer[:8], uint64(indexAt))
		binary.BigEndian.PutUint32(trailer[8:], crc32.Checksum(index, castagnoli))
		write(trailer[:])
		s.old = nil
		return bw.Flush()
	})
}

// copyKept writes to w the entries kept of the file read (from), in the
// order they are in it, points their slots at where they are written,
// from at on, and returns how much it wrote; an entry that shares bytes
// with one before it is dropped from kept.
func copyKept(src io.ReaderAt, kept map[string]slot, at int64, w io.Writer) (int64, error) {
	type place struct {
		rel string
		sl  slot
	}
	order := make([]place, 0, len(kept))
	for rel, sl := range kept {
		order = append(order, place{rel, sl})
	}
	slices.SortFunc(order, func(a, b place) int { return cmp.Compare(a.sl.off, b.sl.off) })
	parts := make([]binread.Part, 0, len(order))
	end := int64(0) // of the entries copied so far, in the file read
	for _, p := range order {
		if p.sl.n > 0 && p.sl.off < end {
			// Entries as written never share bytes: an index that says
			// otherwise is damaged, and copying each would multiply them.
			delete(kept, p.rel)
			continue
		}
		parts = append(parts, binread.Part{Off: p.sl.off, N: p.sl.n})
		end = max(end, p.sl.off+p.sl.n)
		p.sl.off = at
		kept[p.rel] = p.sl
		at += p.sl.n
	}
	return binread.CopyParts(w, src, parts)
}

// Close lets go of the file read and removes the spool.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.old = nil
	var err error
	if s.file != nil {
		err = s.file.Close()
		s.file = nil
	}
	return errors.Join(s.spool.Close(), err)
}
