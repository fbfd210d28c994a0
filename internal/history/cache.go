package history

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// cacheVersion changes whenever what the cache holds changes meaning; an
// older cache is then ignored and rebuilt.
const cacheVersion = 1

// cacheData is the cache file: what every known commit changed, and the file
// histories for the HEAD they were computed for. Commits are immutable, so
// they stay valid when HEAD moves; only new commits are read then.
type cacheData struct {
	Version int
	GitDir  string
	Prefix  string
	Shallow []plumbing.Hash // a changed shallow boundary invalidates everything
	Head    plumbing.Hash
	Commits []commitRec
	Records map[string]FileHistory
}

func cacheKey(gitDir, prefix string) string {
	sum := sha256.Sum256([]byte(gitDir + "\x00" + prefix))
	return hex.EncodeToString(sum[:8])
}

// readCache returns the cache when one exists and fits this repository and
// register; anything unreadable counts as no cache.
func (r *Repo) readCache() *cacheData {
	for _, p := range r.cacheFile() {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		var cd cacheData
		err = gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)).Decode(&cd)
		f.Close()
		if err != nil || cd.Version != cacheVersion || cd.GitDir != r.gitDir || cd.Prefix != r.prefix ||
			!slices.Equal(cd.Shallow, r.shallow) {
			continue
		}
		return &cd
	}
	return nil
}

// writeCache stores the cache atomically (a temporary file renamed into
// place, so a reader never sees half a file). A cache that cannot be written
// only costs speed, so errors are ignored.
func (r *Repo) writeCache(commits map[plumbing.Hash]*commitRec, records map[string]FileHistory) {
	cd := cacheData{Version: cacheVersion, GitDir: r.gitDir, Prefix: r.prefix, Shallow: r.shallow, Head: r.head,
		Records: records, Commits: make([]commitRec, 0, len(commits))}
	for _, c := range commits {
		cd.Commits = append(cd.Commits, *c)
	}
	for _, p := range r.cacheFile() {
		if writeAtomic(p, &cd) == nil {
			return
		}
	}
}

func writeAtomic(path string, cd *cacheData) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // a no-op after the rename
	w := bufio.NewWriterSize(f, 1<<16)
	if err := gob.NewEncoder(w).Encode(cd); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
