package history

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
)

// The cache is a folder per register: head.gob summarises HEAD (the file
// histories, the register's start, and every commit the cache knows), and
// segment files hold what each commit changed. Commits never change, so
// segments are only ever added: after a new commit the pass reads the
// summary, walks to the first known commit, and writes one small segment
// and a new summary. Log and Since read the segments.

// cacheVersion changes whenever what the cache holds changes meaning; an
// older cache is then ignored and rebuilt.
const cacheVersion = 4

// maxSegments is how many segments may pile up before the next full pass
// merges them into one.
const maxSegments = 64

// headData is head.gob.
type headData struct {
	Version  int
	GitDir   string
	Prefix   string
	Shallow  []plumbing.Hash // a changed shallow boundary invalidates everything
	Head     plumbing.Hash
	Records  map[string]FileHistory
	Removed  map[string]FileHistory
	Start    time.Time
	HasStart bool
	Segments []string
	// Known holds the hash of every commit in the segments, 20 bytes each,
	// sorted: the walk after a new commit stops at the first known one.
	Known []byte
}

// segmentData is one segment file.
type segmentData struct {
	Version int
	Commits []commitRec
}

func (h *headData) known(c plumbing.Hash) bool {
	n := len(h.Known) / len(c)
	i := sort.Search(n, func(i int) bool { return bytes.Compare(h.Known[i*len(c):(i+1)*len(c)], c[:]) >= 0 })
	return i < n && bytes.Equal(h.Known[i*len(c):(i+1)*len(c)], c[:])
}

// addKnown merges hashes into Known, keeping it sorted.
func (h *headData) addKnown(cs []*commitRec) {
	all := make([]plumbing.Hash, 0, len(h.Known)/20+len(cs))
	for i := 0; i+20 <= len(h.Known); i += 20 {
		var x plumbing.Hash
		copy(x[:], h.Known[i:])
		all = append(all, x)
	}
	for _, c := range cs {
		all = append(all, c.Hash)
	}
	slices.SortFunc(all, func(a, b plumbing.Hash) int { return bytes.Compare(a[:], b[:]) })
	all = slices.Compact(all)
	h.Known = make([]byte, 0, 20*len(all))
	for _, x := range all {
		h.Known = append(h.Known, x[:]...)
	}
}

func cacheKey(gitDir, prefix string) string {
	sum := sha256.Sum256([]byte(gitDir + "\x00" + prefix))
	return hex.EncodeToString(sum[:8])
}

// cacheDirs returns where the cache may live, in order of preference:
// inside the .git folder, else the user's cache folder (a read-only
// checkout).
func (r *Repo) cacheDirs() []string {
	key := cacheKey(r.gitDir, r.prefix)
	dirs := []string{filepath.Join(r.gitDir, "register-history-cache", key)}
	if d, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "register-history", key))
	}
	return dirs
}

// writeDirs returns where to write to the cache: the folder in use once
// known, else each of cacheDirs in turn.
func (r *Repo) writeDirs() []string {
	if r.cacheDir != "" {
		return []string{r.cacheDir}
	}
	return r.cacheDirs()
}

// readHead returns the cache's summary when one exists and fits this
// repository and register; anything unreadable counts as no cache.
func (r *Repo) readHead() *headData {
	for _, dir := range r.cacheDirs() {
		var hd headData
		if readGob(filepath.Join(dir, "head.gob"), &hd) != nil || hd.Version != cacheVersion || hd.GitDir != r.gitDir ||
			hd.Prefix != r.prefix || !slices.Equal(hd.Shallow, r.shallow) {
			continue
		}
		r.cacheDir = dir
		return &hd
	}
	return nil
}

// readSegments loads every commit the summary lists; false when a segment
// is missing or damaged, and the caller starts over without the cache.
func (r *Repo) readSegments(hd *headData, into map[plumbing.Hash]*commitRec) bool {
	for _, name := range hd.Segments {
		var sd segmentData
		if readGob(filepath.Join(r.cacheDir, name), &sd) != nil || sd.Version != cacheVersion {
			return false
		}
		for i := range sd.Commits {
			into[sd.Commits[i].Hash] = &sd.Commits[i]
		}
	}
	return true
}

// writeCache stores new commits as a segment and the summary. With merge
// set, every commit goes into one new segment and the old ones are removed.
// A cache that cannot be written only costs speed, so errors are ignored.
func (r *Repo) writeCache(hd *headData, fresh []*commitRec, merge bool) {
	hd.Version, hd.GitDir, hd.Prefix, hd.Shallow, hd.Head = cacheVersion, r.gitDir, r.prefix, r.shallow, r.head
	for _, dir := range r.writeDirs() {
		if os.MkdirAll(dir, 0o755) != nil {
			continue
		}
		old := hd.Segments
		if merge {
			hd.Segments, hd.Known = nil, nil
		}
		if len(fresh) > 0 {
			name := fmt.Sprintf("seg-%s-%d.gob", r.head.String()[:12], time.Now().UnixNano())
			sd := segmentData{Version: cacheVersion, Commits: make([]commitRec, len(fresh))}
			for i, c := range fresh {
				sd.Commits[i] = *c
			}
			if writeGob(filepath.Join(dir, name), &sd) != nil {
				hd.Segments = old
				continue
			}
			hd.Segments = append(slices.Clone(hd.Segments), name)
			hd.addKnown(fresh)
		}
		if writeGob(filepath.Join(dir, "head.gob"), hd) != nil {
			continue
		}
		r.cacheDir = dir
		if merge {
			removeUnlisted(dir, hd.Segments)
		}
		return
	}
}

// removeUnlisted deletes segments the summary does not list: merged ones,
// and any a concurrent run wrote whose summary lost the race.
func removeUnlisted(dir string, keep []string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "seg-") && !slices.Contains(keep, e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// readGob reads the cache file at path into v. Only a regular file is
// opened (opening a named pipe waits for a writer), of at most maxKept
// bytes.
func readGob(path string, v any) error {
	f, _, err := binread.Open(path, maxKept)
	if err != nil {
		return err
	}
	defer f.Close()
	return gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(v)
}

// writeGob writes atomically: a temporary file renamed into place, so a
// reader never sees half a file.
func writeGob(path string, v any) error {
	return atomicfile.ReplaceFrom(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		if err := gob.NewEncoder(bw).Encode(v); err != nil {
			return err
		}
		return bw.Flush()
	})
}
