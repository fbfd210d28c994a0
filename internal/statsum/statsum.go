// Package statsum remembers the hash of each record file's content by what
// the file system says of the file (its size, times, inode and device), as
// Git's index does, so that a run need not read and hash a file that has
// not changed since the last run did. A re-check of 10,000 files spent most
// of its time doing that.
//
// Any change to a file's content changes its change time (ctime), which no
// one can set, so a file whose stat is as it was holds the bytes it held.
// One exception is what Git calls racy: a file changed twice within the
// resolution of the file system's clock could keep its times. An entry is
// therefore only kept of a file whose times are older than the run by more
// than RacyWithin, and a file changed since has newer times. Like the
// caches beside it, the store is an optimisation: a missing, damaged or
// foreign file is ignored as a whole, and the files are read.
package statsum

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
)

// Stat is what the file system says of a file that its content follows:
// a write changes its size or modification time, and always its change
// time; a file put in its place has another inode.
type Stat struct {
	Size, Mtime, Ctime int64 // times in nanoseconds since 1970
	Ino, Dev           uint64
}

// RacyWithin is how long before the start of a run a file's times must be
// for its entry to be kept: more than the coarsest clock of a common file
// system (FAT's two seconds).
const RacyWithin = 3 * time.Second

// magic starts every file; its version changes whenever the format does.
const magic = "register stat sums 1\n"

// entrySize is an entry after its path: size, times, inode, device, hash.
const entrySize = 5*8 + sha256.Size

// maxFile bounds what is read: far above a register of a million files.
const maxFile = 1 << 28

type entry struct {
	rel string
	st  Stat
	sum [32]byte
}

// Store holds the sums of one register's files. Lookup and Note are safe
// for concurrent use.
type Store struct {
	path   string
	cutoff int64 // times at or after it are racy

	old  []entry // sorted by rel
	used []atomic.Bool

	mu    sync.Mutex
	added []entry
}

// Open reads the store at path for a run that starts at now (before it
// reads a file); a missing or unusable file gives an empty store. A file
// whose times are not well before now is not noted (racy).
func Open(path string, now time.Time) *Store {
	s := &Store{path: path, cutoff: now.Add(-RacyWithin).UnixNano()}
	s.old = read(path)
	s.used = make([]atomic.Bool, len(s.old))
	return s
}

// read reads the entries of the file at path; none when it is missing,
// not a regular file, too large, of another format or damaged.
func read(path string) []entry {
	// Not opened unless it is a regular file: opening a named pipe waits
	// for a writer.
	data, err := binread.ReadFile(path, maxFile)
	if err != nil || len(data) < len(magic)+sha256.Size || !bytes.HasPrefix(data, []byte(magic)) {
		return nil
	}
	body, check := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], check) {
		return nil
	}
	body = body[len(magic):]
	var out []entry
	for len(body) > 0 {
		n, k := binary.Uvarint(body)
		if k <= 0 || n > uint64(len(body)-k) || uint64(len(body)-k)-n < entrySize {
			return nil
		}
		e := entry{rel: string(body[k : k+int(n)])}
		p := body[k+int(n):]
		e.st = Stat{Size: int64(binary.LittleEndian.Uint64(p)), Mtime: int64(binary.LittleEndian.Uint64(p[8:])),
			Ctime: int64(binary.LittleEndian.Uint64(p[16:])), Ino: binary.LittleEndian.Uint64(p[24:]), Dev: binary.LittleEndian.Uint64(p[32:])}
		copy(e.sum[:], p[40:entrySize])
		if len(out) > 0 && out[len(out)-1].rel >= e.rel {
			return nil // written sorted, each path once
		}
		out = append(out, e)
		body = p[entrySize:]
	}
	return out
}

// Lookup returns the hash of the content of the file rel, found at full,
// when the store holds one for the file as the file system now describes
// it; false when it does not, or the file cannot be looked at, or is not
// a regular file (a symlink is read, and checked, each time).
func (s *Store) Lookup(rel, full string) ([32]byte, bool) {
	i, ok := slices.BinarySearchFunc(s.old, rel, func(e entry, rel string) int { return cmp.Compare(e.rel, rel) })
	if !ok {
		return [32]byte{}, false
	}
	st, ok := lstat(full)
	if !ok || st != s.old[i].st {
		return [32]byte{}, false
	}
	s.used[i].Store(true)
	return s.old[i].sum, true
}

// Note keeps sum as the hash of the content of the file rel, which st
// described when it was read; a file whose times are too close to the run
// is not kept (racy).
func (s *Store) Note(rel string, st Stat, sum [32]byte) {
	if st.Mtime >= s.cutoff || st.Ctime >= s.cutoff {
		return
	}
	s.mu.Lock()
	s.added = append(s.added, entry{rel: rel, st: st, sum: sum})
	s.mu.Unlock()
}

// Save writes the store for the next run: the entries noted and those
// looked up, and, unless all says the run looked at every file, those it
// did not look at too. Nothing is written when nothing changed.
func (s *Store) Save(all bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	// The entries noted, sorted, and each path once (the last noted),
	// merged with the old ones kept: no map of a register's paths.
	slices.SortStableFunc(s.added, func(a, b entry) int { return cmp.Compare(a.rel, b.rel) })
	added := s.added[:0]
	for i, e := range s.added {
		if i+1 < len(s.added) && s.added[i+1].rel == e.rel {
			continue
		}
		added = append(added, e)
	}
	keep := func(i int) bool { return !all || s.used[i].Load() }
	changed := false
	s.merge(added, keep, func(e entry, old *entry) {
		if old == nil || *old != e {
			changed = true
		}
	})
	for i := range s.old {
		if !keep(i) {
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return atomicfile.ReplaceFrom(s.path, 0o644, func(w io.Writer) error {
		h := sha256.New()
		buf := append(make([]byte, 0, 64<<10), magic...)
		var err error
		s.merge(added, keep, func(e entry, _ *entry) {
			buf = binary.AppendUvarint(buf, uint64(len(e.rel)))
			buf = append(buf, e.rel...)
			for _, v := range []uint64{uint64(e.st.Size), uint64(e.st.Mtime), uint64(e.st.Ctime), e.st.Ino, e.st.Dev} {
				buf = binary.LittleEndian.AppendUint64(buf, v)
			}
			buf = append(buf, e.sum[:]...)
			if len(buf) >= 60<<10 && err == nil {
				h.Write(buf)
				_, err = w.Write(buf)
				buf = buf[:0]
			}
		})
		if err != nil {
			return err
		}
		h.Write(buf)
		buf = h.Sum(buf)
		_, err = w.Write(buf)
		return err
	})
}

// merge calls each with the entries to save in order: those of added
// (sorted, each path once), each with the old entry of its path if there
// is one, and the old entries keep says to keep whose path added lacks.
func (s *Store) merge(added []entry, keep func(int) bool, each func(e entry, old *entry)) {
	i, j := 0, 0
	for i < len(s.old) || j < len(added) {
		switch {
		case j == len(added) || i < len(s.old) && s.old[i].rel < added[j].rel:
			if keep(i) {
				each(s.old[i], &s.old[i])
			}
			i++
		case i == len(s.old) || added[j].rel < s.old[i].rel:
			each(added[j], nil)
			j++
		default: // the same path: the one noted now
			each(added[j], &s.old[i])
			i, j = i+1, j+1
		}
	}
}
