package checkcache

import (
	"hash/maphash"
	"testing"
	"unsafe"
)

func TestStrTableNumbersEachStringOnce(t *testing.T) {
	tab := newStrTable(0)
	for _, c := range []struct {
		s    string
		want uint64
	}{
		{"sensors/a.yaml", 0},
		{"", 1},
		{"missing field", 2},
		{"sensors/a.yaml", 0},
		{"", 1},
		{"ontbrekend veld", 3},
		{"missing field", 2},
	} {
		if got := tab.number(c.s); got != c.want {
			t.Errorf("number(%q) = %d, want %d", c.s, got, c.want)
		}
	}
	if tab.len() != 4 || tab.at(3) != "ontbrekend veld" || tab.at(1) != "" {
		t.Errorf("table: %d strings, 1 = %q, 3 = %q", tab.len(), tab.at(1), tab.at(3))
	}
}

// A string is known again by its address, but only when its text is the
// same: the empty string, whose address may be nil, and a text at an
// address where another was.
func TestStrTableKnowsAStringByItsTextNotItsAddress(t *testing.T) {
	tab := newStrTable(0)
	if got := tab.number(""); got != 0 {
		t.Errorf("number(\"\") in an empty table = %d, want 0", got)
	}
	b := []byte("first")
	s := unsafe.String(&b[0], len(b))
	if got := tab.number(s); got != 1 {
		t.Errorf("number(first) = %d, want 1", got)
	}
	copy(b, "other") // another text where first was
	if got := tab.number(s); got != 2 {
		t.Errorf("number(other) at first's address = %d, want 2", got)
	}
	if got := tab.number("first"); got != 1 {
		t.Errorf("number(first) again = %d, want 1", got)
	}
}

// Strings whose hashes collide are told apart by their text: each keeps
// its own number.
func TestStrTableTellsCollidingStringsApart(t *testing.T) {
	tab := newStrTable(0)
	const h = 42
	for i, s := range []string{"a", "b", "c"} {
		last, _ := tab.chain(s, h)
		if got := tab.add(s, h, last); got != uint64(i) {
			t.Fatalf("add(%q) = %d, want %d", s, got, i)
		}
	}
	// number hashes for itself: put the three where it looks.
	tab.first[maphash.String(tab.seed, "b")] = tab.first[h]
	if got := tab.number("b"); got != 1 {
		t.Errorf("number(b) among colliding strings = %d, want 1", got)
	}
	if got := tab.number("d"); got != 3 {
		t.Errorf("number(d) = %d, want 3 (new)", got)
	}
}

// A table read may hold a text twice (strings no entry uses any more stay
// until a compaction): seeded from it, the encoder numbers the text as its
// first, as the entries read from it do.
func TestSeedKeepsTheFirstNumberOfATextHeldTwice(t *testing.T) {
	e := newEncoder()
	e.seed([]string{"x", "y", "x", "z"})
	if got := e.strs.number("x"); got != 0 {
		t.Errorf("number(x) = %d, want 0", got)
	}
	if got, want := e.strs.len(), 4; got != want {
		t.Errorf("seeded table holds %d strings, want %d (numbered as read)", got, want)
	}
	if got := e.strs.number("w"); got != 4 {
		t.Errorf("a new string = %d, want 4", got)
	}
	if got := e.strs.number("z"); got != 3 {
		t.Errorf("number(z) = %d, want 3, as read", got)
	}
	// Written out, the table is as read, the new string after it.
	var text []byte
	for i := range e.strs.len() {
		text = append(append(text, e.strs.at(i)...), '|')
	}
	if string(text) != "x|y|x|z|w|" {
		t.Errorf("the table written is %q", text)
	}
}
