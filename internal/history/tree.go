package history

import (
	"bytes"
	"errors"

	"github.com/go-git/go-git/v5/plumbing"
)

// The tree code reads Git tree objects as raw bytes and walks two of them side
// by side. go-git's object.Tree decodes every entry into a struct; a register
// folder holds thousands of records and a long history has tens of thousands
// of commits, so decoding costs more than the walk itself. Raw entries cost
// nothing to skip, and subtrees with equal hashes are never opened.

// entry is one tree entry, pointing into the raw tree bytes.
type entry struct {
	mode []byte
	name []byte
	hash plumbing.Hash
}

func (e entry) isTree() bool { return string(e.mode) == "40000" }

// isGitlink reports a submodule: a commit in another repository, not a file.
func (e entry) isGitlink() bool { return string(e.mode) == "160000" }

// nextEntry parses the entry at the start of b and returns the rest.
func nextEntry(b []byte) (entry, []byte, error) {
	sp := bytes.IndexByte(b, ' ')
	if sp <= 0 {
		return entry{}, nil, errors.New("corrupt tree: no mode")
	}
	nul := bytes.IndexByte(b[sp+1:], 0)
	if nul < 0 || sp+1+nul+1+20 > len(b) {
		return entry{}, nil, errors.New("corrupt tree: truncated entry")
	}
	e := entry{mode: b[:sp], name: b[sp+1 : sp+1+nul]}
	copy(e.hash[:], b[sp+1+nul+1:])
	return e, b[sp+1+nul+1+20:], nil
}

// compareEntries orders entries as Git sorts a tree: by name, with a tree's
// name compared as if it ended in '/'.
func compareEntries(a, b entry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	ca, cb := terminator(a, n), terminator(b, n)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

func terminator(e entry, n int) byte {
	if n < len(e.name) {
		return e.name[n]
	}
	if e.isTree() {
		return '/'
	}
	return 0
}

// treeReader reads raw trees through the object reader.
type treeReader struct {
	o *objectReader
}

func newTreeReader(o *objectReader) *treeReader { return &treeReader{o: o} }

// read returns the raw content of a tree; the zero hash is the empty tree.
func (t *treeReader) read(h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	return t.o.read(plumbing.TreeObject, h)
}

// lookup descends from a tree along a slash-free list of folder names and
// returns the subtree's hash, or the zero hash when it does not exist.
func (t *treeReader) lookup(root plumbing.Hash, dirs []string) (plumbing.Hash, error) {
	h := root
	for _, d := range dirs {
		b, err := t.read(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		found := plumbing.ZeroHash
		for len(b) > 0 {
			var e entry
			if e, b, err = nextEntry(b); err != nil {
				return plumbing.ZeroHash, err
			}
			if e.isTree() && string(e.name) == d {
				found = e.hash
				break
			}
		}
		if found.IsZero() {
			return found, nil
		}
		h = found
	}
	return h, nil
}

// fileChange is one file that differs between two trees.
type fileChange struct {
	path     string
	old, new plumbing.Hash // zero when the file is absent on that side
}

// diff lists the files that differ between trees a and b (either may be the
// zero hash), with paths under dir. Subtrees with equal hashes are skipped
// without reading them.
func (t *treeReader) diff(dir string, a, b plumbing.Hash, out *[]fileChange) error {
	if a == b {
		return nil
	}
	ra, err := t.read(a)
	if err != nil {
		return err
	}
	rb, err := t.read(b)
	if err != nil {
		return err
	}
	// ra and rb stay valid while recursion evicts them from the cache:
	// buffers are never reused or written to.
	ra, rb, suffix := skipCommon(ra, rb)
	ca, cb := treeCursor{raw: ra}, treeCursor{raw: rb}
	if err := ca.next(); err != nil {
		return err
	}
	if err := cb.next(); err != nil {
		return err
	}
	for ca.have || cb.have {
		// ca.e and cb.e were parsed off the front of what is left; when the
		// rest including them is the same length and inside the common
		// suffix, it is byte for byte the same.
		if ca.have && cb.have && len(ca.raw) == len(cb.raw) && len(ca.raw)+entryLen(ca.e) <= suffix && entryLen(ca.e) == entryLen(cb.e) {
			return nil
		}
		switch c := order(&ca, &cb); {
		case c < 0: // only in a
			if err := t.side(dir, ca.e, true, out); err != nil {
				return err
			}
			if err := ca.next(); err != nil {
				return err
			}
		case c > 0: // only in b
			if err := t.side(dir, cb.e, false, out); err != nil {
				return err
			}
			if err := cb.next(); err != nil {
				return err
			}
		default:
			if err := t.pair(dir, ca.e, cb.e, out); err != nil {
				return err
			}
			if err := ca.next(); err != nil {
				return err
			}
			if err := cb.next(); err != nil {
				return err
			}
		}
	}
	return nil
}

// order compares the entries of two cursors as Git sorts a tree, an
// exhausted cursor's after every entry.
func order(ca, cb *treeCursor) int {
	switch {
	case !ca.have:
		return 1
	case !cb.have:
		return -1
	}
	return compareEntries(ca.e, cb.e)
}

// skipCommon returns what is left of two raw trees after the entries of
// their common prefix, and the length of their common suffix. Two versions
// of a big folder differ in an entry or two: the prefix is skipped without
// comparing its entries, and the walk stops once what is left of both lies
// in the suffix.
func skipCommon(ra, rb []byte) ([]byte, []byte, int) {
	if len(ra) == 0 || len(rb) == 0 {
		return ra, rb, 0
	}
	p := commonPrefix(ra, rb)
	suffix := commonSuffix(ra[p:], rb[p:])
	off := 0
	for {
		nul := bytes.IndexByte(ra[off:], 0)
		if nul < 0 || off+nul+1+20 > p {
			break
		}
		off += nul + 1 + 20
	}
	return ra[off:], rb[off:], suffix
}

// treeCursor walks the entries of a raw tree.
type treeCursor struct {
	raw  []byte // what is left after e
	e    entry
	have bool // e is an entry; false at the end
}

// next parses the next entry into c.e.
func (c *treeCursor) next() error {
	if len(c.raw) == 0 {
		c.have = false
		return nil
	}
	var err error
	c.e, c.raw, err = nextEntry(c.raw)
	c.have = err == nil
	return err
}

// pair reports the difference between two entries of the same name, one on
// each side: nothing when they are equal, the files that differ under two
// folders, a changed file, or a removal and an addition when they are of
// different sorts.
func (t *treeReader) pair(dir string, ea, eb entry, out *[]fileChange) error {
	if ea.hash == eb.hash && string(ea.mode) == string(eb.mode) {
		return nil
	}
	switch {
	case ea.isGitlink() || eb.isGitlink(): // a submodule: see side
	case ea.isTree() && eb.isTree():
		return t.diff(join(dir, ea.name), ea.hash, eb.hash, out)
	case !ea.isTree() && !eb.isTree():
		if ea.hash != eb.hash { // a mode change alone is no change to a record
			*out = append(*out, fileChange{path: join(dir, ea.name), old: ea.hash, new: eb.hash})
		}
		return nil
	default: // a file became a folder or the other way round
	}
	// A removal and an addition.
	if err := t.side(dir, ea, true, out); err != nil {
		return err
	}
	return t.side(dir, eb, false, out)
}

// side reports an entry present on one side only: a file, or every file
// under a folder.
func (t *treeReader) side(dir string, e entry, removed bool, out *[]fileChange) error {
	switch {
	case e.isGitlink():
		return nil
	case e.isTree():
		if removed {
			return t.diff(join(dir, e.name), e.hash, plumbing.ZeroHash, out)
		}
		return t.diff(join(dir, e.name), plumbing.ZeroHash, e.hash, out)
	case removed:
		*out = append(*out, fileChange{path: join(dir, e.name), old: e.hash})
	default:
		*out = append(*out, fileChange{path: join(dir, e.name), new: e.hash})
	}
	return nil
}

// files lists every file in a tree with its blob hash.
func (t *treeReader) files(dir string, h plumbing.Hash) (map[string]plumbing.Hash, error) {
	var fcs []fileChange
	if err := t.diff(dir, plumbing.ZeroHash, h, &fcs); err != nil {
		return nil, err
	}
	m := make(map[string]plumbing.Hash, len(fcs))
	for _, fc := range fcs {
		m[fc.path] = fc.new
	}
	return m, nil
}

// entryLen is the entry's size in the raw tree.
func entryLen(e entry) int { return len(e.mode) + 1 + len(e.name) + 1 + 20 }

// commonPrefix returns the length of the bytes a and b start with alike.
func commonPrefix(a, b []byte) int {
	n, i := min(len(a), len(b)), 0
	for i+256 <= n && bytes.Equal(a[i:i+256], b[i:i+256]) {
		i += 256
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the bytes a and b end with alike.
func commonSuffix(a, b []byte) int {
	n, i := min(len(a), len(b)), 0
	for i+256 <= n && bytes.Equal(a[len(a)-i-256:len(a)-i], b[len(b)-i-256:len(b)-i]) {
		i += 256
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

func join(dir string, name []byte) string {
	if dir == "" {
		return string(name)
	}
	return dir + "/" + string(name)
}
