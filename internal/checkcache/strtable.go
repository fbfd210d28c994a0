package checkcache

import (
	"hash/maphash"
	"math"
	"unsafe"
)

// maxStrings bounds a table, so that a string's number fits next and
// first with room for any one entry's strings: Put adds no entry to a
// table this full (far beyond a cache file's bound, maxFile, anyway).
const maxStrings = math.MaxUint32 / 2

// strTable numbers strings, each once, in the order first given, and
// holds no pointer to them: a cold check of 100,000 records numbers some
// 400,000 strings while it loads, and as a map of strings they were marked
// on each of the collector's forty runs. With the map's lookups that cost
// the check a twentieth of its CPU (24.9 against 24.0 CPU-s).
type strTable struct {
	seed maphash.Seed
	// first is, by a string's hash, 1 + the number of the first string
	// with that hash; next, by number, 1 + the number of the next one
	// with the same hash (0: none). Hashes rarely collide; when they do,
	// the strings are told apart by their text.
	first map[uint64]uint32
	next  []uint32
	// base are the strings numbered first, as given (seed): the table of
	// the file read, whose text the store keeps anyway. A copy of it was
	// 7 MB more at the peak of a re-check of 100,000 records.
	base []string
	ends []int // where each string after base ends in text
	text []byte
	// seen remembers where the strings last numbered are, by their
	// address: most are the same few texts of rules and messages, or a
	// file's name over its findings, and are known by it without a hash
	// and a lookup in first. A string found there is compared all the
	// same, as its address may hold another text by now.
	seen [1 << 12]struct {
		p *byte
		n int
		i uint32
	}
}

func newStrTable(n int) strTable {
	return strTable{seed: maphash.MakeSeed(), first: make(map[uint64]uint32, n)}
}

// seeded is a table that numbers base first, as given; a text given twice
// is found as its first.
func seeded(base []string) strTable {
	t := newStrTable(len(base))
	t.base = base
	t.next = make([]uint32, len(base))
	for i, s := range base {
		h := maphash.String(t.seed, s)
		if last, found := t.chain(s, h); !found {
			t.link(h, last, i)
		}
	}
	return t
}

// len is the number of strings.
func (t *strTable) len() int { return len(t.base) + len(t.ends) }

// at is the text of string i, for the moment: one after base is a view of
// text, which a later add may move, so it is compared or copied at once,
// never kept.
func (t *strTable) at(i int) string {
	if i < len(t.base) {
		return t.base[i]
	}
	j := i - len(t.base)
	start := 0
	if j > 0 {
		start = t.ends[j-1]
	}
	return unsafe.String(unsafe.SliceData(t.text[start:]), t.ends[j]-start)
}

// number returns the number of s, numbering it next when it is new.
func (t *strTable) number(s string) uint64 {
	p := unsafe.StringData(s)
	m := &t.seen[(uint64(uintptr(unsafe.Pointer(p)))^uint64(len(s)))*0x9e3779b97f4a7c15>>52]
	if m.p == p && p != nil && m.n == len(s) && t.at(int(m.i)) == s {
		return uint64(m.i)
	}
	h := maphash.String(t.seed, s)
	i, found := t.chain(s, h)
	n := uint64(i) - 1
	if !found {
		n = t.add(s, h, i)
	}
	m.p, m.n, m.i = p, len(s), uint32(n)
	return n
}

// find returns the number of s, if it has one.
func (t *strTable) find(s string) (uint64, bool) {
	i, found := t.chain(s, maphash.String(t.seed, s))
	return uint64(i) - 1, found
}

// chain walks the strings of hash h: found, 1 + the number of the one
// whose text is s; else 1 + the number of the last of them (0: none), for
// a new one to follow.
func (t *strTable) chain(s string, h uint64) (i uint32, found bool) {
	last := uint32(0)
	for i := t.first[h]; i != 0; i = t.next[i-1] {
		if t.at(int(i-1)) == s {
			return i, true
		}
		last = i
	}
	return last, false
}

// add numbers s next, of hash h, after last in its chain (chain).
func (t *strTable) add(s string, h uint64, last uint32) uint64 {
	n := t.len()
	t.text = append(t.text, s...)
	t.ends = append(t.ends, len(t.text))
	t.next = append(t.next, 0)
	t.link(h, last, n)
	return uint64(n)
}

// link puts string n, of hash h, after last in its chain (0: it is the
// first).
func (t *strTable) link(h uint64, last uint32, n int) {
	if last == 0 {
		t.first[h] = uint32(n + 1)
	} else {
		t.next[last-1] = uint32(n + 1)
	}
}
