package history

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/fielddiff"
)

// The field diffs a run read may be kept in the cache folder (diffsName),
// by the blobs before and after each change, for the next run of the same
// program (KeepDiffs): on every build the change feed shows the newest
// changes with their values and each record's page its commits' changes
// (LogOfChanges), and parsing both versions of each change again was most
// of a build of a register with a history of a few years. The values are
// kept as JSON, which holds fielddiff's values (maps, lists, strings,
// json.Number, booleans, nil) exactly.

// diffsName is the kept diffs' file in the cache folder: a kept file
// (kept.go) whose key is the program. It was a gob once, decoding which
// was a tenth of a build after one change of a register of 500 records
// with 1,500 commits.
const diffsName = "diffs.bin"

// diffsHeader starts the file.
const diffsHeader = "register diffs 1\n"

// leftBehind are files older versions kept in the cache folder that none
// reads now, removed when the diffs are written: the diffs in the format
// before this one, and the fields each record's commits changed, once kept
// whole for the record pages.
var leftBehind = []string{"diffs.gob", "touched.bin"}

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

// cachedDiff returns the kept diff of the change from old to new; the
// caller holds r.mu.
func (r *Repo) cachedDiff(old, new plumbing.Hash) ([]fielddiff.Change, string, bool) {
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
		if d.Decode(&fs) != nil {
			return nil, "", false
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
	if d, ok := r.readKept(diffsName, diffsHeader, []byte(r.diffTool)); ok {
		if m, ok := decodeDiffs(d); ok {
			return m
		}
	}
	return map[diffKey]diffEntry{}
}

// encodeDiffs writes the diffs kept: each change's blobs, and its diff as
// JSON or why there is none.
func encodeDiffs(entries map[diffKey]diffEntry) []byte {
	size := 0
	for _, e := range entries {
		size += len(diffKey{}) + len(e.Problem) + len(e.JSON) + 4
	}
	out := binary.AppendUvarint(make([]byte, 0, size+8), uint64(len(entries)))
	for k, e := range entries {
		out = append(out, k[:]...)
		out = appendText(out, e.Problem)
		out = appendText(out, e.JSON)
	}
	return out
}

// decodeDiffs reads what encodeDiffs wrote; the JSON is the reader's
// bytes, not a copy. False when the bytes are damaged.
func decodeDiffs(d *binread.Reader) (map[diffKey]diffEntry, bool) {
	n := d.Count()
	m := make(map[diffKey]diffEntry, n)
	for range n {
		var k diffKey
		copy(k[:], d.Bytes(uint64(len(k))))
		e := diffEntry{Problem: d.Text()}
		if j := d.Bytes(d.Uvarint()); len(j) > 0 {
			e.JSON = j
		}
		if d.Bad() {
			return nil, false
		}
		m[k] = e
	}
	if d.Bad() || d.Len() != 0 {
		return nil, false
	}
	return m, true
}

// writeDiffs keeps the diffs this run used, when it made new ones or left
// some unused; the caller holds r.mu. A cache that cannot be written only
// costs speed.
func (r *Repo) writeDiffs() {
	if r.diffTool == "" || r.diffsUsed == nil {
		return
	}
	if !r.diffsDirty && len(r.diffsUsed) == len(r.diffsKept) {
		return
	}
	if writeFirst(r.writeDirs(), diffsName, keptFile(diffsHeader, []byte(r.diffTool), encodeDiffs(r.diffsUsed))) {
		for _, dir := range r.writeDirs() {
			for _, name := range leftBehind {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
}
