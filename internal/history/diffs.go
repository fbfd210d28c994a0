package history

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
)

// The field diffs a run read may be kept in the cache folder (diffs.gob),
// by the blobs before and after each change, for the next run of the same
// program (KeepDiffs): on every build the change feed shows the newest
// changes with their values and each record's page the fields each of its
// commits changed (Touched), and parsing both versions of each change again
// was most of a build of a register with a history of a few years. The
// values are kept as JSON, which holds fielddiff's values (maps, lists,
// strings, json.Number, booleans, nil) exactly.

// diffsData is diffs.gob.
type diffsData struct {
	Version int
	Tool    string
	Entries map[diffKey]diffEntry
}

// diffKey is the blobs before and after a change (zero for absent).
type diffKey [2 * len(plumbing.ZeroHash)]byte

func keyOfChange(old, new plumbing.Hash) diffKey {
	var k diffKey
	copy(k[:], old[:])
	copy(k[len(old):], new[:])
	return k
}

// diffEntry is one change's field diff as JSON, or why it could not be
// made.
type diffEntry struct {
	JSON    []byte
	Problem string
}

// KeepDiffs has the field diffs this Repo reads kept for the program named
// tool (its build id) and read back by the next run of it: the ones it
// reads are written at Close, the others dropped. "" keeps nothing.
func (r *Repo) KeepDiffs(tool string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.diffTool = tool
}

// cachedDiff returns the kept diff of the change from old to new, with
// the fields' values when values is set (else their paths and operations
// alone, which read in a fraction of the time); the caller holds r.mu.
func (r *Repo) cachedDiff(old, new plumbing.Hash, values bool) ([]fielddiff.Change, string, bool) {
	if r.diffTool == "" {
		return nil, "", false
	}
	if r.diffsKept == nil {
		r.diffsKept = r.readDiffs()
		r.diffsUsed = map[diffKey]diffEntry{}
	}
	k := keyOfChange(old, new)
	e, ok := r.diffsKept[k]
	if !ok {
		return nil, "", false
	}
	var fs []fielddiff.Change
	if e.Problem == "" {
		d := json.NewDecoder(bytes.NewReader(e.JSON))
		d.UseNumber()
		if values {
			if d.Decode(&fs) != nil {
				return nil, "", false
			}
		} else {
			var paths []struct {
				Path string       `json:"path"`
				Op   fielddiff.Op `json:"op"`
			}
			if d.Decode(&paths) != nil {
				return nil, "", false
			}
			for _, p := range paths {
				fs = append(fs, fielddiff.Change{Path: p.Path, Op: p.Op})
			}
		}
	}
	r.diffsUsed[k] = e
	return fs, e.Problem, true
}

// keepDiff notes a diff this run made, to be kept; the caller holds r.mu.
func (r *Repo) keepDiff(old, new plumbing.Hash, p versionPair) {
	if r.diffTool == "" || r.diffsUsed == nil || p.unread {
		return
	}
	e := diffEntry{Problem: p.problem}
	if p.problem == "" {
		b, err := json.Marshal(p.fields)
		if err != nil {
			return
		}
		e.JSON = b
	}
	r.diffsUsed[keyOfChange(old, new)] = e
	r.diffsDirty = true
}

func (r *Repo) readDiffs() map[diffKey]diffEntry {
	for _, dir := range r.cacheDirs() {
		var dd diffsData
		if readGob(filepath.Join(dir, "diffs.gob"), &dd) == nil && dd.Version == cacheVersion && dd.Tool == r.diffTool {
			return dd.Entries
		}
	}
	return map[diffKey]diffEntry{}
}

// writeDiffs keeps the diffs this run used, when it made new ones or left
// some unused; the caller holds r.mu. A cache that cannot be written only
// costs speed.
func (r *Repo) writeDiffs() {
	if r.diffTool == "" || r.diffsUsed == nil {
		return
	}
	// The diffs behind what was kept of a run before count as used: the
	// next run after a commit works that out again from them.
	for k := range r.diffsPinned {
		if e, ok := r.diffsKept[k]; ok {
			r.diffsUsed[k] = e
		}
	}
	if !r.diffsDirty && len(r.diffsUsed) == len(r.diffsKept) {
		return
	}
	dd := diffsData{Version: cacheVersion, Tool: r.diffTool, Entries: r.diffsUsed}
	for _, dir := range r.writeDirs() {
		if os.MkdirAll(dir, 0o755) == nil && writeGob(filepath.Join(dir, "diffs.gob"), &dd) == nil {
			return
		}
	}
}
