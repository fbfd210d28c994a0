package history

import (
	"encoding/binary"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
)

// A site asks for the outline of its feed's year on every build
// (Outline): the last one made is kept (kept.go) while what is asked, and
// the commit that names (a tag or branch may move), stay the same. Worked
// out again it was 70 ms of the CPU of a build after one change at 10,000
// records, most of it reading the whole history's index, and 179 ms on a
// history of 20,000 commits.

// outlineName is the kept outline's file in the cache folder.
const outlineName = "outline.bin"

// outlineHeader starts the file.
const outlineHeader = "register outline 3\n"

// outlineKey is the key of the outline of refOrDate (runKey); false when
// nothing can be kept.
func (r *Repo) outlineKey(refOrDate string) ([]byte, bool) {
	// The lock covers the repository too, which resolve reads under it.
	r.mu.Lock()
	defer r.mu.Unlock()
	key, ok := r.runKey()
	if !ok {
		return nil, false
	}
	s := strings.TrimSpace(refOrDate)
	key = appendText(key, s)
	// resolve tries a revision first, then a date.
	if h, err := r.repo.ResolveRevision(plumbing.Revision(s)); err == nil && s != "" {
		key = append(append(key, 1), h[:]...)
	} else {
		key = append(key, 0)
	}
	return key, true
}

// keptOutline returns the outline kept under key; false when there is
// none.
func (r *Repo) keptOutline(key []byte) (*ChangeSet, bool) {
	d, ok := r.readKept(outlineName, outlineHeader, key)
	if !ok {
		return nil, false
	}
	cs, ok := decodeOutline(d)
	if ok {
		cs.repo = r
	}
	return cs, ok
}

// keepOutline keeps the outline cs, made under key and not yet read into,
// for the next run.
func (r *Repo) keepOutline(key []byte, cs *ChangeSet) {
	r.writeKept(outlineName, keptFile(outlineHeader, key, encodeOutline(cs)))
}

// encodeOutline writes the outline cs: the commits, then each record's
// changes.
func encodeOutline(cs *ChangeSet) []byte {
	w := newChangeWriter()
	w.body = appendText(appendText(appendText(w.body, cs.Since), cs.Base), cs.Head)
	w.body = appendTime(w.body, cs.BaseDate)
	w.body = binary.AppendUvarint(w.body, uint64(len(cs.Records)))
	for _, rc := range cs.Records {
		w.body = appendText(appendText(appendText(w.body, rc.Op), rc.File), rc.OldFile)
		w.body = binary.AppendUvarint(w.body, uint64(len(rc.Commits)))
		for i := range rc.Commits {
			w.change(&rc.Commits[i])
		}
	}
	return w.payload()
}

// decodeOutline reads what encodeOutline wrote, with every change unread;
// false when the bytes are damaged.
func decodeOutline(d *binread.Reader) (*ChangeSet, bool) {
	commits := readCommits(d)
	cs := &ChangeSet{Since: d.Text(), Base: d.Text(), Head: d.Text(), Records: []RecordChange{}}
	cs.BaseDate = readTime(d)
	n := d.Count()
	for range n {
		rc := RecordChange{Op: Op(d.Text()), File: d.Text(), OldFile: d.Text()}
		rc.Commits = make([]Change, d.Count())
		for i := range rc.Commits {
			c, ok := readChange(d, commits)
			if !ok {
				return nil, false
			}
			c.unread = true
			rc.Commits[i] = c
		}
		if d.Bad() {
			return nil, false
		}
		cs.Records = append(cs.Records, rc)
	}
	if d.Bad() || d.Len() != 0 {
		return nil, false
	}
	return cs, true
}
