package history

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
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

// diffsHeader starts the file, and names its format: a file of another
// format reads as nothing kept, and is written anew. Format 1 kept a
// version that does not read as a sentence in English; format 2 keeps
// its parts (encodeProblem), worded when shown.
const diffsHeader = "register diffs 2\n"

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
// made: a version that does not read as a record.
type diffEntry struct {
	JSON    []byte
	Problem *fielddiff.Unreadable
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
func (r *Repo) cachedDiff(old, new plumbing.Hash) ([]fielddiff.Change, *Problem, bool) {
	if r.diffTool == "" {
		return nil, nil, false
	}
	if r.diffsKept == nil {
		r.diffsKept = r.readDiffs()
		r.diffsUsed = map[diffKey]diffEntry{}
	}
	k := keyOfChange(old, new)
	e, ok := r.diffsKept[k]
	if !ok {
		return nil, nil, false
	}
	if e.Problem != nil {
		r.diffsUsed[k] = e
		return nil, &Problem{Unreadable: *e.Problem}, true
	}
	var fs []fielddiff.Change
	d := json.NewDecoder(bytes.NewReader(e.JSON))
	d.UseNumber()
	if d.Decode(&fs) != nil {
		return nil, nil, false
	}
	r.diffsUsed[k] = e
	return fs, nil, true
}

// keepDiff notes a diff this run made, to be kept; the caller holds r.mu.
func (r *Repo) keepDiff(old, new plumbing.Hash, p versionPair) {
	if r.diffTool == "" || r.diffsUsed == nil || p.unread || p.problem != nil && !p.problem.kept() {
		return
	}
	var e diffEntry
	if p.problem != nil {
		e.Problem = &p.problem.Unreadable
	} else {
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

// encodeDiffs writes the diffs kept: each change's blobs, then why there
// is no diff (encodeProblem) or the diff as JSON.
func encodeDiffs(entries map[diffKey]diffEntry) []byte {
	size := 0
	for _, e := range entries {
		size += len(diffKey{}) + len(e.JSON) + 4
	}
	out := binary.AppendUvarint(make([]byte, 0, size+8), uint64(len(entries)))
	for k, e := range entries {
		out = append(out, k[:]...)
		out = encodeProblem(out, e.Problem)
		if e.Problem == nil {
			out = appendText(out, e.JSON)
		}
	}
	return out
}

// encodeProblem appends why a change has no diff, as its parts: the
// version ("" for none: there is a diff), then for each thing the reader
// found its line, column, and its words in Dutch and in English.
func encodeProblem(out []byte, u *fielddiff.Unreadable) []byte {
	if u == nil {
		return appendText(out, "")
	}
	out = appendText(out, u.Version)
	out = binary.AppendUvarint(out, uint64(len(u.Found)))
	for _, f := range u.Found {
		out = binary.AppendUvarint(binary.AppendUvarint(out, uint64(f.Line)), uint64(f.Column))
		out = appendText(appendText(out, f.Message.In(message.Dutch)), f.Message.In(message.English))
	}
	return out
}

// decodeProblem reads what encodeProblem wrote: nil for none; false for a
// version that is none of the two, or a position out of range, which no
// run wrote.
func decodeProblem(d *binread.Reader) (*fielddiff.Unreadable, bool) {
	v := fielddiff.Version(d.Text())
	switch v {
	case "":
		return nil, true
	case fielddiff.OldVersion, fielddiff.NewVersion:
	default:
		return nil, false
	}
	u := &fielddiff.Unreadable{Version: v}
	if n := d.Count(); n > 0 {
		u.Found = make([]fielddiff.Found, n)
	}
	for i := range u.Found {
		line, col := d.Uvarint(), d.Uvarint()
		if line > math.MaxInt32 || col > math.MaxInt32 {
			return nil, false
		}
		u.Found[i] = fielddiff.Found{Line: int(line), Column: int(col), Message: label.Text{d.Text(), d.Text()}}
	}
	return u, true
}

// decodeDiffs reads what encodeDiffs wrote; the JSON is the reader's
// bytes, not a copy. False when the bytes are damaged.
func decodeDiffs(d *binread.Reader) (map[diffKey]diffEntry, bool) {
	n := d.Count()
	m := make(map[diffKey]diffEntry, n)
	for range n {
		var k diffKey
		copy(k[:], d.Bytes(uint64(len(k))))
		var e diffEntry
		var ok bool
		if e.Problem, ok = decodeProblem(d); !ok {
			return nil, false
		}
		if e.Problem == nil {
			if j := d.Bytes(d.Uvarint()); len(j) > 0 {
				e.JSON = j
			}
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
