package history

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/binread"
)

// Touched returns, for each of files (paths relative to the register
// root), what Log returns, except that each change's Fields hold the path
// and operation of each field it changed and not the values: what a
// record's page lists. The diffs are read as ChangeSet.ReadAll reads them:
// from those kept (KeepDiffs) where it can, the others on every core.
//
// A site asks for every record's on each build, the same until the next
// commit: the last answer is kept (kept.go) for the same files. On a
// register of 500 records with 1,500 commits, working it out again from
// the kept diffs was half of a build after one change.
func (r *Repo) Touched(files []string) (map[string][]Change, error) {
	key, keep := r.touchedKey(files)
	if keep {
		if out, ok := r.keptTouched(key); ok {
			return out, nil
		}
	}
	r.mu.Lock()
	idx, err := r.index()
	if err != nil {
		r.mu.Unlock()
		return nil, err
	}
	out := make(map[string][]Change, len(files))
	var all []*Change
	for _, f := range files {
		evs := idx.lineage(f)
		cs := make([]Change, len(evs))
		for i, ref := range evs {
			cs[i] = r.outline(ref)
			all = append(all, &cs[i])
		}
		out[f] = cs
	}
	r.mu.Unlock()
	// The blobs each change compares, which reading forgets: kept with
	// the answer, they keep the diffs it was made of.
	blobs := make([]diffKey, len(all))
	for i, c := range all {
		blobs[i] = keyOfChange(c.old, c.new)
	}
	complete := r.read(all, false)
	// The changes compared afresh have their values: left out too.
	for _, c := range all {
		if len(c.Fields) == 0 {
			c.Fields = nil
		}
		for i := range c.Fields {
			c.Fields[i].Old, c.Fields[i].New = nil, nil
		}
	}
	if keep && complete {
		r.writeKept(touchedName, keptFile(touchedHeader, key, encodeTouched(files, out, blobs)))
	}
	return out, nil
}

// touchedName is the kept answer's file in the cache folder.
const touchedName = "touched.bin"

// touchedHeader starts the file.
const touchedHeader = "register touched 1\n"

// touchedKey is the key of the answer for files (runKey); false when
// nothing can be kept.
func (r *Repo) touchedKey(files []string) ([]byte, bool) {
	r.mu.Lock()
	key, ok := r.runKey()
	r.mu.Unlock()
	if !ok {
		return nil, false
	}
	sorted := slices.Sorted(slices.Values(files))
	sum := sha256.Sum256([]byte(strings.Join(sorted, "\x00")))
	return append(key, sum[:]...), true
}

// encodeTouched writes the answer out for files, in their order, each
// change with the blobs it compared (blobs, in the same order).
func encodeTouched(files []string, out map[string][]Change, blobs []diffKey) []byte {
	w := newChangeWriter()
	w.body = binary.AppendUvarint(w.body, uint64(len(files)))
	n := 0
	for _, f := range files {
		w.body = appendText(w.body, f)
		w.body = binary.AppendUvarint(w.body, uint64(len(out[f])))
		for _, c := range out[f] {
			k := blobs[n]
			n++
			copy(c.old[:], k[:len(c.old)])
			copy(c.new[:], k[len(c.old):])
			w.change(&c)
		}
	}
	return w.payload()
}

// keptTouched returns the answer kept under key, which names the files
// asked (touchedKey), and pins the diffs it was made of; false when there
// is none.
func (r *Repo) keptTouched(key []byte) (map[string][]Change, bool) {
	d, ok := r.readKept(touchedName, touchedHeader, key)
	if !ok {
		return nil, false
	}
	out, blobs, ok := decodeTouched(d)
	if !ok {
		return nil, false
	}
	r.mu.Lock()
	if r.diffsPinned == nil {
		r.diffsPinned = make(map[diffKey]bool, len(blobs))
	}
	for _, k := range blobs {
		r.diffsPinned[k] = true
	}
	r.mu.Unlock()
	return out, true
}

// decodeTouched reads what encodeTouched wrote, and the blobs of its
// changes; false when the bytes are damaged.
func decodeTouched(d *binread.Reader) (map[string][]Change, []diffKey, bool) {
	commits := readCommits(d)
	n := d.Count()
	out := make(map[string][]Change, n)
	var blobs []diffKey
	for range n {
		f := d.Text()
		cs := make([]Change, d.Count())
		for i := range cs {
			c, ok := readChange(d, commits)
			if !ok {
				return nil, nil, false
			}
			blobs = append(blobs, keyOfChange(c.old, c.new))
			c.old, c.new = [len(c.old)]byte{}, [len(c.new)]byte{}
			cs[i] = c
		}
		if d.Bad() {
			return nil, nil, false
		}
		out[f] = cs
	}
	if d.Bad() || d.Len() != 0 {
		return nil, nil, false
	}
	return out, blobs, true
}
