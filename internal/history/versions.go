package history

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/record"
)

// Version is one version of a record file in HEAD's history: a path it
// was written at (relative to the register root) and its content.
type Version struct {
	File string
	Data []byte
	blob plumbing.Hash
}

// VersionTexts returns what of gives for every distinct version of every
// record file in HEAD's history, of files removed or renamed since too,
// joined, sorted and each once. A text written back then, such as a
// commit subject, may quote what a version kept secret that the register
// no longer holds; of says what that was. of is called on many versions
// at once and must not change their Data, which is shared with the Repo's
// object cache.
//
// What of gives is kept in the cache folder under key, which must name
// the program and all else of depends on beside the version ("" keeps
// nothing): a later run with the same key reads a version again only when
// it is new, as decoding them all costs a second in a register of a few
// hundred records with a long history.
func (r *Repo) VersionTexts(key string, of func(Version) []string) ([]string, error) {
	r.mu.Lock()
	vs, err := r.pastVersions()
	r.mu.Unlock()
	if err != nil {
		return nil, err
	}
	var kept map[versionKey][]string
	if key != "" {
		kept = r.readVersionTexts(key)
	}
	texts := make([][]string, len(vs))
	var fresh []int
	for i, v := range vs {
		if t, ok := kept[versionKey{v.blob, v.File}]; ok {
			texts[i] = t
		} else {
			fresh = append(fresh, i)
		}
	}
	// In batches, so no more than a batch of contents is held at once.
	const batch = 512
	for start := 0; start < len(fresh); start += batch {
		part := fresh[start:min(start+batch, len(fresh))]
		r.mu.Lock()
		for _, i := range part {
			if vs[i].Data, err = r.blob(vs[i].blob); err != nil {
				r.mu.Unlock()
				return nil, fmt.Errorf("read %s as of %s: %w", vs[i].File, vs[i].blob, err)
			}
		}
		r.mu.Unlock()
		parallel.Each(len(part), func(j int) {
			i := part[j]
			texts[i] = of(vs[i])
			vs[i].Data = nil
		})
	}
	if key != "" && (len(fresh) > 0 || len(kept) != len(vs)) {
		r.writeKept(versionTextsName, keptFile(versionTextsHeader, []byte(key), versionTextsPayload(vs, texts)))
	}
	out := slices.Concat(texts...)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// pastVersions lists every distinct version of every record file in HEAD's
// history, without their contents: each pair of blob and path once. A
// blob written at two paths is a version of each, as what a version
// stands for may depend on its file's name. The caller holds r.mu.
func (r *Repo) pastVersions() ([]Version, error) {
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	seen := map[versionKey]bool{}
	var out []Version
	add := func(file string, blob plumbing.Hash) {
		k := versionKey{blob, file}
		if _, ok := record.KindOfFile(file); blob.IsZero() || !ok || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, Version{File: file, blob: blob})
	}
	// Every version is the new side of the event that wrote it; the old
	// sides are read all the same, so that no version is missed where a
	// parent is not at hand.
	for _, c := range idx.order {
		for _, e := range c.Events {
			add(cmp.Or(e.From, e.Path), e.Old)
			add(e.Path, e.New)
		}
	}
	return out, nil
}

// versionKey names a version: its blob and the path it was written at.
type versionKey struct {
	blob plumbing.Hash
	file string
}

// The kept file of VersionTexts: its format, then for each version its
// path, blob and texts.
const (
	versionTextsName   = "version-texts"
	versionTextsHeader = "register-version-texts 1\n"
)

// versionTextsPayload is what VersionTexts keeps: each version's path,
// blob and texts.
func versionTextsPayload(vs []Version, texts [][]string) []byte {
	out := binary.AppendUvarint(nil, uint64(len(vs)))
	for i, v := range vs {
		out = append(appendText(out, v.File), v.blob[:]...)
		out = binary.AppendUvarint(out, uint64(len(texts[i])))
		for _, t := range texts[i] {
			out = appendText(out, t)
		}
	}
	return out
}

// readVersionTexts reads what VersionTexts kept under key; nil when
// nothing was, or the file is damaged.
func (r *Repo) readVersionTexts(key string) map[versionKey][]string {
	r.mu.Lock()
	d, ok := r.readKept(versionTextsName, versionTextsHeader, []byte(key))
	r.mu.Unlock()
	if !ok {
		return nil
	}
	kept, _ := decodeVersionTexts(d)
	return kept
}

// decodeVersionTexts reads what versionTextsPayload wrote; false when the
// bytes are damaged.
func decodeVersionTexts(d *binread.Reader) (map[versionKey][]string, bool) {
	n := d.Count()
	kept := make(map[versionKey][]string, n)
	for range n {
		var k versionKey
		k.file = d.Text()
		copy(k.blob[:], d.Bytes(uint64(len(k.blob))))
		texts := make([]string, d.Count())
		for i := range texts {
			texts[i] = d.Text()
		}
		if d.Bad() {
			return nil, false
		}
		kept[k] = texts
	}
	if d.Bad() || d.Len() != 0 {
		return nil, false
	}
	return kept, true
}
