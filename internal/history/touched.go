package history

import (
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
)

// The fields each change touched are kept in the cache folder (touched.gob)
// by the blobs before and after it: a record's page lists them for every
// commit, and parsing every version of every record again on each build
// was most of a build of a register of a few hundred records with a few
// years of history, and of each save in serve.

// touchedData is touched.gob. Tool names the program whose differ made the
// entries: another program's are not used.
type touchedData struct {
	Version int
	Tool    string
	Entries map[touchedKey]touchedEntry
}

// touchedKey is the blobs before and after a change (zero for absent).
type touchedKey [2 * len(plumbing.ZeroHash)]byte

func keyOfChange(old, new plumbing.Hash) touchedKey {
	var k touchedKey
	copy(k[:], old[:])
	copy(k[len(old):], new[:])
	return k
}

// touchedEntry is what a change touched: its fields' paths and operations,
// or why its versions could not be compared.
type touchedEntry struct {
	Paths   []string
	Ops     []fielddiff.Op
	Problem string
}

func (e touchedEntry) fields() []fielddiff.Change {
	if len(e.Paths) == 0 {
		return nil
	}
	out := make([]fielddiff.Change, len(e.Paths))
	for i, p := range e.Paths {
		out[i] = fielddiff.Change{Path: p, Op: e.Ops[i]}
	}
	return out
}

// touchedChunk bounds the versions held in memory at once while the
// changes the cache does not know are compared.
const touchedChunk = 256

// Touched returns, for each of files (paths relative to the register
// root), what Log returns, except that each change's Fields hold the path
// and operation of each field it changed and not the values: what a
// record's page lists. What each change touched is kept in the history
// cache, for the program named tool (its build id; "" keeps nothing), so a
// build compares only the versions of changes it has not seen before, on
// every core.
func (r *Repo) Touched(files []string, tool string) (map[string][]Change, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	known := r.readTouched(tool)
	used := make(map[touchedKey]touchedEntry, len(known))
	type miss struct {
		key      touchedKey
		old, new plumbing.Hash
		at       []*Change
	}
	var misses []*miss
	missing := map[touchedKey]*miss{}
	out := make(map[string][]Change, len(files))
	for _, f := range files {
		evs := idx.lineage(f)
		cs := make([]Change, len(evs))
		for i, ref := range evs {
			c := r.outline(ref)
			c.old, c.new, c.unread = plumbing.ZeroHash, plumbing.ZeroHash, false
			cs[i] = c
		}
		for i, ref := range evs {
			k := keyOfChange(ref.e.Old, ref.e.New)
			if e, ok := known[k]; ok {
				cs[i].Fields, cs[i].Problem = e.fields(), e.Problem
				used[k] = e
				continue
			}
			m := missing[k]
			if m == nil {
				m = &miss{key: k, old: ref.e.Old, new: ref.e.New}
				missing[k] = m
				misses = append(misses, m)
			}
			m.at = append(m.at, &cs[i])
		}
		out[f] = cs
	}
	for start := 0; start < len(misses); start += touchedChunk {
		chunk := misses[start:min(start+touchedChunk, len(misses))]
		pairs := make([]versionPair, len(chunk))
		for i, m := range chunk {
			pairs[i] = r.versions(m.old, m.new)
		}
		diffAll(pairs)
		for i, m := range chunk {
			e := touchedEntry{Problem: pairs[i].problem}
			for _, f := range pairs[i].fields {
				e.Paths = append(e.Paths, f.Path)
				e.Ops = append(e.Ops, f.Op)
			}
			for _, c := range m.at {
				c.Fields, c.Problem = e.fields(), e.Problem
			}
			if !pairs[i].unread { // that may pass: not kept
				used[m.key] = e
			}
		}
	}
	if len(misses) > 0 || len(used) != len(known) {
		r.writeTouched(tool, used)
	}
	return out, nil
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readTouched returns the entries kept for tool; none when there are none,
// the file is damaged or another program made them.
func (r *Repo) readTouched(tool string) map[touchedKey]touchedEntry {
	if tool == "" {
		return nil
	}
	for _, dir := range r.cacheDirs() {
		var td touchedData
		if readGob(filepath.Join(dir, "touched.gob"), &td) == nil && td.Version == cacheVersion && td.Tool == tool {
			for _, e := range td.Entries {
				if len(e.Ops) != len(e.Paths) {
					return nil // damaged
				}
			}
			return td.Entries
		}
	}
	return nil
}

// writeTouched keeps entries, the ones this run used, for tool. A cache
// that cannot be written only costs speed.
func (r *Repo) writeTouched(tool string, entries map[touchedKey]touchedEntry) {
	if tool == "" {
		return
	}
	dirs := r.cacheDirs()
	if r.cacheDir != "" {
		dirs = []string{r.cacheDir}
	}
	td := touchedData{Version: cacheVersion, Tool: tool, Entries: entries}
	for _, dir := range dirs {
		if os.MkdirAll(dir, 0o755) == nil && writeGob(filepath.Join(dir, "touched.gob"), &td) == nil {
			return
		}
	}
}
