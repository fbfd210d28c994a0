package history

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/binread"
)

// An outline (Outline) follows from HEAD's history and what it is asked
// since alone, and a site asks for the same one on every build until the
// next commit or the next day: the year of its change feed. So the last
// outline made is kept beside the field diffs, for the program that made
// it (KeepDiffs), and read back while HEAD, the shallow boundary, what is
// asked and the commit it names (a tag or branch may move) are the same.
// Worked out again, it was 70 ms of the CPU of a build after one change
// at 10,000 records, most of it reading the whole history's index.

// outlineName is the kept outline's file in the cache folder.
const outlineName = "outline.bin"

// outlineHeader starts the file; another header reads as nothing kept.
const outlineHeader = "register outline 1\n"

var outlineCRC = crc32.MakeTable(crc32.Castagnoli)

// outlineKey is what a kept outline must have been made under to be used:
// the program, HEAD, the shallow boundary, what was asked, and the commit
// that names, if any. ok is false when nothing can be kept: the program
// has no name.
func (r *Repo) outlineKey(refOrDate string) (key []byte, ok bool) {
	// The lock covers the repository too, which resolve reads under it.
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.diffTool == "" {
		return nil, false
	}
	key = appendText(nil, r.diffTool)
	key = append(key, r.head[:]...)
	key = binary.AppendUvarint(key, uint64(len(r.shallow)))
	for _, h := range r.shallow {
		key = append(key, h[:]...)
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
// none, or it is damaged or was made under another key.
func (r *Repo) keptOutline(key []byte) (*ChangeSet, bool) {
	for _, dir := range r.cacheDirs() {
		data, err := os.ReadFile(filepath.Join(dir, outlineName))
		if err != nil {
			continue
		}
		if cs, ok := decodeOutline(data, key); ok {
			cs.repo = r
			return cs, true
		}
	}
	return nil, false
}

// keepOutline writes the outline cs, made under key and not yet read
// into, for the next run; one that cannot be written only costs speed.
func (r *Repo) keepOutline(key []byte, cs *ChangeSet) {
	data := encodeOutline(key, cs)
	r.mu.Lock()
	dirs := r.writeDirs()
	r.mu.Unlock()
	for _, dir := range dirs {
		if os.MkdirAll(dir, 0o755) == nil && atomicfile.Write(filepath.Join(dir, outlineName), data, 0o644) == nil {
			return
		}
	}
}

// encodeOutline writes the outline cs under key: each commit once, and
// each record's changes by their commit's number, with a checksum at the
// end.
func encodeOutline(key []byte, cs *ChangeSet) []byte {
	out := append([]byte(outlineHeader), appendText(nil, string(key))...)
	out = appendText(appendText(appendText(out, cs.Since), cs.Base), cs.Head)
	out = appendTime(out, cs.BaseDate)
	commits := map[string]uint64{}
	var table []byte
	for _, rc := range cs.Records {
		for _, c := range rc.Commits {
			if _, ok := commits[c.Commit]; ok {
				continue
			}
			commits[c.Commit] = uint64(len(commits))
			table = appendText(table, c.Commit)
			table = appendText(appendText(appendText(table, c.Author), c.Email), c.Message)
			table = appendTime(table, &c.When)
		}
	}
	out = append(binary.AppendUvarint(out, uint64(len(commits))), table...)
	out = binary.AppendUvarint(out, uint64(len(cs.Records)))
	for _, rc := range cs.Records {
		out = appendText(appendText(appendText(out, string(rc.Op)), rc.File), rc.OldFile)
		out = binary.AppendUvarint(out, uint64(len(rc.Commits)))
		for _, c := range rc.Commits {
			out = binary.AppendUvarint(out, commits[c.Commit])
			out = appendText(appendText(appendText(out, string(c.Op)), c.File), c.OldFile)
			out = append(append(out, c.old[:]...), c.new[:]...)
		}
	}
	return binary.BigEndian.AppendUint32(out, crc32.Checksum(out, outlineCRC))
}

// decodeOutline reads what encodeOutline wrote under key, with every
// change unread; false for anything else: damaged, cut short, of another
// format or made under another key.
func decodeOutline(data, key []byte) (*ChangeSet, bool) {
	if len(data) < len(outlineHeader)+4 {
		return nil, false
	}
	body, sum := data[:len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, outlineCRC) != binary.BigEndian.Uint32(sum) {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(body, []byte(outlineHeader))
	if !ok {
		return nil, false
	}
	d := binread.New(rest)
	if d.Text() != string(key) || d.Bad() {
		return nil, false
	}
	cs := &ChangeSet{Since: d.Text(), Base: d.Text(), Head: d.Text(), Records: []RecordChange{}}
	cs.BaseDate = readTime(d)
	type commit struct {
		hash, author, email, message string
		when                         time.Time
	}
	commits := make([]commit, d.Count())
	for i := range commits {
		commits[i] = commit{hash: d.Text(), author: d.Text(), email: d.Text(), message: d.Text()}
		if t := readTime(d); t != nil {
			commits[i].when = *t
		}
	}
	n := d.Count()
	for range n {
		rc := RecordChange{Op: Op(d.Text()), File: d.Text(), OldFile: d.Text()}
		rc.Commits = make([]Change, d.Count())
		for i := range rc.Commits {
			at := d.Uvarint()
			c := Change{Op: Op(d.Text()), File: d.Text(), OldFile: d.Text(), unread: true}
			copy(c.old[:], d.Bytes(uint64(len(c.old))))
			copy(c.new[:], d.Bytes(uint64(len(c.new))))
			if d.Bad() || at >= uint64(len(commits)) {
				return nil, false
			}
			cm := commits[at]
			c.Commit, c.Author, c.Email, c.Message, c.When = cm.hash, cm.author, cm.email, cm.message, cm.when
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

// appendText appends s after its length.
func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendTime appends t as Unix seconds and its zone's offset, as a
// commit's time is made (commitRec.when); nil as a zero byte.
func appendTime(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, 0)
	}
	_, offset := t.Zone()
	return binary.AppendVarint(binary.AppendVarint(append(b, 1), t.Unix()), int64(offset))
}

// readTime reads what appendTime wrote.
func readTime(d *binread.Reader) *time.Time {
	if set := d.Bytes(1); len(set) != 1 || set[0] == 0 {
		return nil
	}
	unix, offset := d.Varint(), d.Varint()
	t := time.Unix(unix, 0).In(time.FixedZone("", int(offset)))
	return &t
}
