package publish

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A secret may also be written in letters that look like its own but are
// other runes: full-width ("ＡＮＰＲ", as East Asian input methods type),
// mathematical ("𝐀𝐍𝐏𝐑"), circled, super- and subscript letters and
// digits, ligatures ("ﬁ"). Unicode's compatibility normalisation (NFKC)
// writes each as the letters it stands for. And a Cyrillic or Greek
// capital A, or small o, is drawn as the Latin one: typed on another
// keyboard layout, a name reads the same and is other runes (lookalike).
// So the filter looks for secrets in a text as these write it too, rune
// by rune: a text's other runes stay as they are, and where a secret is
// found is mapped back to the runes of the text it came from.

// lookalike maps the Cyrillic and Greek letters drawn as a Latin letter,
// in the fonts a site or a feed reader shows, to that letter.
var lookalike = map[rune]byte{
	// Cyrillic capitals and small letters.
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P',
	'С': 'C', 'Т': 'T', 'У': 'Y', 'Х': 'X', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's',
	'і': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	// Greek capitals, and the small omicron.
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o',
}

// hasLookalike reports whether s holds a letter of lookalike.
func hasLookalike(s string) bool {
	for _, r := range s {
		if r >= 0x370 && r < 0x530 {
			if _, ok := lookalike[r]; ok {
				return true
			}
		}
	}
	return false
}

// compatRune returns what r is written as (a lookalike's Latin letter, or
// what NFKC writes), appended to buf, and whether that differs from r.
func compatRune(r rune, buf []byte) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return buf, false
	}
	if l, ok := lookalike[r]; ok {
		return append(buf, l), true
	}
	w := nfkcOf(r)
	if w == "" {
		return buf, false
	}
	return append(buf, w...), true
}

// nfkcOf returns what NFKC writes for the rune r, "" when r itself. A
// text has few distinct runes, each asked for at every place it is
// written: each is worked out once (NFKC takes microseconds a rune, and a
// text of a megabyte of runes that NFKC writes otherwise took seconds a
// search), at most maxNFKCKept of them.
func nfkcOf(r rune) string {
	nfkcKept.RLock()
	w, ok := nfkcKept.m[r]
	nfkcKept.RUnlock()
	if ok {
		return w
	}
	var one [utf8.UTFMax]byte
	rb := utf8.AppendRune(one[:0], r)
	if norm.NFKC.QuickSpan(rb) != len(rb) {
		if b := norm.NFKC.Bytes(rb); !bytes.Equal(b, rb) {
			w = string(b)
		}
	}
	nfkcKept.Lock()
	if nfkcKept.m == nil {
		nfkcKept.m = map[rune]string{}
	}
	if len(nfkcKept.m) < maxNFKCKept {
		nfkcKept.m[r] = w
	}
	nfkcKept.Unlock()
	return w
}

var nfkcKept struct {
	sync.RWMutex
	m map[rune]string
}

const maxNFKCKept = 1 << 16

// compatText is a text with each rune written as another written as that
// (compatRune), and where each of its bytes came from in the text.
type compatText struct {
	s    string  // the text, each rune as compatRune writes it
	from []int32 // the text's offset of the rune of each byte of s
	text string
}

// compatOf returns the text s as compatText, and false when every rune of
// s is written as itself (every ASCII text), which is then searched as it
// is.
func compatOf(s string) (compatText, bool) {
	if isASCII(s) || norm.NFKC.QuickSpanString(s) == len(s) && !hasLookalike(s) {
		return compatText{}, false
	}
	var b []byte
	var from []int32
	changed := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := len(b)
		var ok bool
		if r != utf8.RuneError || n > 1 {
			b, ok = compatRune(r, b)
		}
		if !ok {
			b = append(b, s[i:i+n]...)
		}
		changed = changed || ok
		for range len(b) - start {
			from = append(from, int32(i))
		}
		i += n
	}
	if !changed {
		return compatText{}, false
	}
	return compatText{s: string(b), from: from, text: s}, true
}

// span returns the stretch of the text that the bytes s[start:end] came
// from: from the start of the first one's rune to the end of the last
// one's.
func (c compatText) span(start, end int) (int, int) {
	from := int(c.from[start])
	last := int(c.from[end-1])
	_, n := utf8.DecodeRuneInString(c.text[last:])
	return from, last + n
}

// asWritten returns s with each rune written as compatRune writes it.
func asWritten(s string) string {
	if c, ok := compatOf(s); ok {
		return c.s
	}
	return s
}
