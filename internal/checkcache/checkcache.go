// Package checkcache keeps the result of checking each record file between
// runs of `register check`, so a run after a few edits reads only the files
// that changed: the rest come back from one file beside the history cache.
// A result is found by the hash of the file's content together with
// everything else it depends on (load computes that key: the tool, the
// schemas, the configuration, whether history is at hand), and is used on
// the days it says it holds; the register-wide checks and the
// configuration's findings are recomputed on every run from what each file
// left. The file is read once to be checked and indexed; each result is
// read from it again when found, and those kept are copied from it when
// the run saves.
//
// The cache is an optimisation and never an authority: a file that is
// missing, truncated, damaged, of another version or written by a hostile
// hand is ignored as a whole or entry by entry, and the files concerned are
// checked afresh. It is not a defence against someone who may write in the
// cache folder and forges entries with a valid checksum; CI that shares
// caches across trust boundaries runs check --no-cache.
package checkcache

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/load"
)

// magic starts every cache file; its version changes whenever what an
// entry holds changes meaning, and an older file is then ignored.
const magic = "register check cache 6\n"

// maxFile bounds what is read of a cache file: far above what a register of
// a million records leaves, far below what could exhaust memory.
const maxFile = 4 << 30

// A file is magic, the payload (encoder.writeHead, then the entries) and the
// payload's SHA-256, last so that a save writes the file in one pass.

// Store is the cache of one register. Get and Put are safe for concurrent
// use; Save writes what this run used and added.
type Store struct {
	path string
	tool string
	// reading is done once the file is read (Open); file, old, table and
	// saves are set by then and never written after but by Run, Save and
	// Close.
	reading sync.WaitGroup
	// file is the file read, open until Save or Close: a result is read
	// from it when found, and the results kept are copied from it when
	// saved. A small file is held in memory instead (heldMost). nil: none.
	file source
	// old numbers the files the file read holds a result of, and slots
	// says where each is; a map of slots, and one of those found, were
	// 20 MB of a daily check at 100,000 records.
	old   map[string]int32
	slots []slot

	mu    sync.Mutex
	used  []bool // by number in old: the results read this run found
	nUsed int
	saved bool // Save ran: the run's use of the store is over
	// added are the entries this run added, encoded as they come: a cold
	// run over 100,000 records adds half a million findings, which as
	// structs held until Save were a fifth of a build's memory, and as
	// their encoding (strings once, numbers as varints) are a few MB.
	added *encoder
	// addedRels are the files added, by the number of their name in
	// added's table: a map without pointers for the collector to mark.
	addedRels map[uint64]struct{}
	nAdded    int
	// spool holds the entries added before those in added's body: at
	// 100,000 records they are 20 MB, which in memory left the collector
	// less room while the load went on. When it could not be written,
	// Save writes nothing.
	spool *atomicfile.Spool
	dirty bool // what Save would write differs from old
	hits  int
	// saves counts the saves since every entry was last encoded
	// (compactEvery); while it is not 0, added's table starts with the
	// one read, so the entries read are saved as they were read.
	saves uint64
	// base is how many strings the table had when every entry was last
	// encoded (grown).
	base uint64
	// table is the string table of the file read, by which its entries
	// number their strings.
	table []string
	// run is the key of the run that saved the file read, key this run's
	// (Run).
	run, key string
}

// entry is one file's result under its key, as this run made it.
type entry struct {
	Sum    [32]byte
	Stored *load.Stored
}

// slot is where the file read holds an entry: its bytes (the number of
// its name, its sum, the length of its result and the result) are n at
// off, the last rn of them the result.
type slot struct {
	sum   [32]byte
	off   int64
	n, rn uint32
}

// A save after a few edits writes the entries it found as the file held
// them, its string table kept as it was with the new strings after it, so
// the entries need not be encoded again: at 10,000 records that was a
// sixth of a re-check. Strings that no entry uses any more stay in the
// table until a save encodes every entry again, which every
// compactEvery-th save does, and any save after the table grew by more
// than a quarter, and by compactFloor strings or more, since (grown): a
// register whose findings change text run after run (a custom rule that
// counts days, say) would otherwise grow the file by their texts each
// run.
const (
	compactEvery = 32
	compactFloor = 4096
)

// grown reports whether a table of n strings, base when every entry was
// last encoded, has grown enough to be compacted.
func grown(n, base uint64) bool { return n > base+max(base/4, compactFloor) }

// Open reads the cache at path, made by the tool identified as tool; a
// missing or unusable file gives an empty cache.
//
// The file is read and decoded in the background: at 10,000 records that
// took a twentieth of a build after one change, while the load could
// already list and read the record files. Get and Save wait for it.
func Open(path, tool string) *Store {
	s := &Store{path: path, tool: tool, added: newEncoder(), addedRels: map[uint64]struct{}{}, spool: atomicfile.NewSpool(path)}
	s.reading.Add(1)
	go func() {
		defer s.reading.Done()
		s.open()
	}()
	return s
}

// open reads the file for Open.
func (s *Store) open() {
	s.old = map[string]int32{}
	if f, c := read(s.path); c != nil {
		s.file, s.run, s.old, s.slots, s.table, s.saves, s.base = f, c.run, c.index, c.slots, c.table, c.saves, c.base
	}
	s.used = make([]bool, len(s.slots))
	if s.saves+1 < compactEvery && len(s.old) > 0 && !grown(uint64(len(s.table)), s.base) {
		s.added.seed(s.table)
		s.saves++
	} else {
		s.saves = 0
	}
}

// read opens the cache file at path and returns it, or its bytes when it
// is small (heldMost), with what it holds; nil when it is absent, too
// large, of another version or damaged in any way.
func read(path string) (source, *contents) {
	f, size, err := binread.Open(path, maxFile)
	if err != nil {
		return nil, nil
	}
	c := readFrom(f, size)
	if c == nil {
		f.Close()
		return nil, nil
	}
	if size <= heldMost {
		f.Close()
		return heldBytes(c.data), c
	}
	c.data = nil
	return f, c
}

// heldMost is the largest cache file whose bytes are held once read, and
// its results decoded from them: at 10,000 records (3.4 MB) reading each
// result again was 10,000 reads, a twentieth of a build after one change.
// A larger file is read again result by result: held, the results of
// 100,000 records were 40 MB through the whole of a re-check. A variable
// for the tests to take either way.
var heldMost int64 = 8 << 20

// source is the cache file read: the open file, or its bytes.
type source interface {
	io.ReaderAt
	io.Closer
}

// heldBytes is a cache file's bytes, held (heldMost).
type heldBytes []byte

func (h heldBytes) ReadAt(p []byte, off int64) (int, error) {
	return bytes.NewReader(h).ReadAt(p, off)
}

func (heldBytes) Close() error { return nil }

// readFrom reads the size bytes of a cache file from r and returns what
// they hold, the bytes with it, or nil.
func readFrom(r io.ReaderAt, size int64) (c *contents) {
	if size < int64(len(magic)+sha256.Size) {
		return nil
	}
	// Read whole to be checked and indexed; read (for Open) lets go of
	// them unless the file is small.
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); n < len(data) && err != nil {
		return nil
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil
	}
	payload, want := data[len(magic):size-sha256.Size], data[size-sha256.Size:]
	if sum := sha256.Sum256(payload); !bytes.Equal(sum[:], want) {
		return nil
	}
	defer func() {
		// The decoder must not take the run down, whatever the bytes.
		if recover() != nil {
			c = nil
		}
	}()
	c, err := decode(payload, int64(len(magic)))
	if err != nil {
		return nil
	}
	c.data = data
	return c
}

// Key identifies the tool that made the results (load.Cache).
func (s *Store) Key() string { return s.tool }

// Run tells the store the key of this run, before its first Get
// (load.Cache): every sum it is asked for is made under that key, so
// none of the results read is found when the file was saved by a run
// under another (after the program, the schemas or the configuration
// changed). They are let go of at once, and the file saved holds this
// run's results only.
func (s *Store) Run(key []byte) {
	s.reading.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = string(key)
	if s.run == s.key || len(s.old) == 0 {
		return
	}
	s.closeFile()
	s.old, s.slots, s.used, s.nUsed, s.table, s.saves = map[string]int32{}, nil, nil, 0, nil, 0
	if s.nAdded == 0 {
		s.added = newEncoder() // not numbered by the table let go of
	}
}

// Get returns the result stored for the file under sum (load.Cache).
func (s *Store) Get(rel string, sum [32]byte) (*load.Stored, bool) {
	s.reading.Wait()
	i, ok := s.old[rel]
	if !ok || s.slots[i].sum != sum {
		return nil, false
	}
	sl := s.slots[i]
	s.mu.Lock()
	f := s.file
	s.mu.Unlock()
	if f == nil {
		return nil, false // saved or closed meanwhile
	}
	// Decoded for the caller, whose it is.
	st, ok := resultAt(f, sl, s.table)
	if !ok {
		return nil, false // the file is checked again
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.used[i] {
		s.used[i] = true
		s.nUsed++
	}
	s.hits++
	return st, true
}

// resultAt reads and decodes the result of the entry at sl in the file r,
// whose strings are numbered by table; false when it cannot be read or
// does not hold one.
func resultAt(r io.ReaderAt, sl slot, table []string) (*load.Stored, bool) {
	at := sl.off + int64(sl.n-sl.rn)
	var b []byte
	if h, ok := r.(heldBytes); ok {
		if at < 0 || at > int64(len(h))-int64(sl.rn) {
			return nil, false
		}
		b = h[at : at+int64(sl.rn)]
	} else {
		b = make([]byte, sl.rn)
		if n, err := r.ReadAt(b, at); n < len(b) && err != nil {
			return nil, false
		}
	}
	// Nothing decoded keeps the bytes: its strings are the table's.
	return storedOf(unsafe.String(unsafe.SliceData(b), len(b)), table)
}

// Put stores a file's result under sum (load.Cache).
func (s *Store) Put(rel string, sum [32]byte, st *load.Stored) {
	s.reading.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	// A file found and then checked again (its result no longer valid)
	// is written once, as added; one added twice, last as read back.
	if i, ok := s.old[rel]; ok && s.used[i] {
		s.used[i] = false
		s.nUsed--
	}
	if s.added.strs.len() >= maxStrings {
		return // the file is checked again next run
	}
	name := s.added.entry(rel, &entry{Sum: sum, Stored: st})
	if len(s.added.body) >= spoolChunk {
		if _, err := s.spool.Write(s.added.body); err == nil {
			s.added.body = s.added.body[:0]
		}
	}
	s.addedRels[name] = struct{}{}
	s.nAdded++
	s.dirty = true
}

// Added is how many results this run added: the files it checked.
func (s *Store) Added() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nAdded
}

// Save writes the results this run found or added, replacing the file
// atomically, unless nothing changed. all says the run looked at every
// record file of the register: results of files it did not see (removed or
// renamed) are then dropped; a run over a few files keeps them. It ends
// the run's use of the store: Get finds nothing after it, and a second
// Save does nothing. A cache that cannot be written only costs the next
// run its speed; the error is returned for the caller to ignore or report.
func (s *Store) Save(all bool) error {
	s.reading.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved {
		return nil
	}
	s.saved = true
	defer s.closeFile()
	if err := s.spool.Err(); err != nil {
		return fmt.Errorf("write check cache: %w", err)
	}
	if !s.dirty && (!all || s.nUsed == len(s.old)) {
		return nil
	}
	// The entries found, and for a run over some files the others it did
	// not see, go after the added ones.
	e, n := s.added, s.nAdded
	var kept []slot
	for rel, i := range s.old {
		if !s.used[i] && (all || s.wasAdded(rel)) {
			continue
		}
		sl := s.slots[i]
		if s.saves > 0 { // numbered by the table read: copied as read
			kept = append(kept, sl)
			n++
		} else if st, ok := resultAt(s.file, sl, s.table); ok { // encoded again
			e.entry(rel, &entry{Sum: sl.sum, Stored: st})
			n++
		} // else left out; the file is checked again
	}
	base := s.base
	if s.saves == 0 {
		base = uint64(e.strs.len()) // every entry encoded: the table is compact
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("write check cache: %w", err)
	}
	return atomicfile.ReplaceFrom(s.path, 0o644, func(w io.Writer) error {
		// A system may refuse to replace a file that is open: it is
		// closed once what is kept of it is copied.
		defer s.closeFile()
		if _, err := io.WriteString(w, magic); err != nil {
			return err
		}
		h := sha256.New()
		bw := bufio.NewWriterSize(io.MultiWriter(w, h), 1<<16)
		e.writeHead(bw, s.key, s.saves, base, n)
		if _, err := io.Copy(bw, s.spool.Reader()); err != nil {
			return err
		}
		bw.Write(e.body)
		if err := copyKept(bw, s.file, kept); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		_, err := w.Write(h.Sum(nil))
		return err
	})
}

// copyKept writes to w the bytes of the entries kept of the file read,
// src, in the order they are in it.
func copyKept(w io.Writer, src io.ReaderAt, kept []slot) error {
	slices.SortFunc(kept, func(a, b slot) int { return cmp.Compare(a.off, b.off) })
	parts := make([]binread.Part, len(kept))
	for i, sl := range kept {
		parts[i] = binread.Part{Off: sl.off, N: int64(sl.n)}
	}
	_, err := binread.CopyParts(w, src, parts)
	return err
}

// wasAdded reports whether Put added a result for rel.
func (s *Store) wasAdded(rel string) bool {
	n, ok := s.added.strs.find(rel)
	if !ok {
		return false
	}
	_, added := s.addedRels[n]
	return added
}

// spoolChunk is how much of the added entries Put keeps in memory before
// it writes them to the spool.
const spoolChunk = 1 << 20

// closeFile lets go of the file read, under mu.
func (s *Store) closeFile() {
	if s.file != nil {
		s.file.Close()
		s.file = nil
	}
}

// Close lets go of the file read and the spool. The store is not used
// after.
func (s *Store) Close() error {
	s.reading.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeFile()
	return s.spool.Close()
}

// Path returns where the cache of the register at root lives, beside the
// history cache: inside the repository's .git folder when gitDir is known
// (it then travels with the clone and goes with it), else in the user's
// cache folder. One file per register, named by its real path.
func Path(root, gitDir string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	name := hex.EncodeToString(sum[:8]) + ".cache"
	if gitDir != "" {
		return filepath.Join(gitDir, "register-check-cache", name), nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "register-check", name), nil
}

var tool struct {
	once sync.Once
	id   string
	err  error
}

// ToolID identifies the running program by its build: the Go build id of
// the executable, which changes with any change to its code, or else the
// hash of the whole executable. A cache made by another build is never used.
func ToolID() (string, error) {
	tool.once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			tool.err = err
			return
		}
		if id := elfBuildID(exe); id != "" {
			tool.id = runtime.Version() + " " + id
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			tool.err = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			tool.err = err
			return
		}
		tool.id = runtime.Version() + " sha256:" + hex.EncodeToString(h.Sum(nil))
	})
	if tool.id == "" && tool.err == nil {
		return "", errors.New("the running program cannot be identified")
	}
	return tool.id, tool.err
}

// elfBuildID reads the Go build id from the .note.go.buildid section of an
// ELF executable, or returns "".
func elfBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	// A note: name size, description size and type (4 bytes each), the
	// name "Go\x00\x00", then the description: the build id.
	if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := int(f.ByteOrder.Uint32(note[4:8]))
	if n <= 0 || 16+n > len(note) {
		return ""
	}
	return string(note[16 : 16+n])
}
