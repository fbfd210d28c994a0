package publish

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A secret may also be written in letters that look like its own but are
// other runes: full-width ("ＡＮＰＲ", as East Asian input methods type),
// mathematical ("𝐀𝐍𝐏𝐑"), circled, super- and subscript letters and
// digits, ligatures ("ﬁ"). Unicode's compatibility decomposition (NFKD)
// writes each as the letters it stands for. A letter with a diacritic is
// typed without it as often as with ("Cooperatie" for "Coöperatie",
// "Societe" for "Société"): the decomposition writes it as its letter and
// the mark, and the mark is left out; a letter with a stroke ("Ł") is
// written as the letter, a ligature ("Æ") as its letters (typedAs). And a
// Cyrillic or Greek capital A, or small o, is drawn as the Latin one:
// typed on another keyboard layout, a name reads the same and is other
// runes (lookalike); so does a number typed in the digits of another
// script (digitOf). So the filter looks for secrets in a text as these
// write it too, rune by rune: a text's other runes stay as they are, and
// where a secret is found is mapped back to the runes of the text it came
// from.

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

// typedAs maps the Latin letters that Unicode does not decompose, and a
// keyboard without them types as others, to those: a letter with a
// stroke or bar as the letter ("Lodz" for "Łódź"), a ligature or sharp s
// as its letters ("Aeroe" for "Ærø", "Strasse" for "Straße").
var typedAs = map[rune]string{
	'Ł': "L", 'ł': "l", 'Ø': "O", 'ø': "o", 'Đ': "D", 'đ': "d",
	'Ħ': "H", 'ħ': "h", 'Ŧ': "T", 'ŧ': "t", 'Ƀ': "B", 'ƀ': "b", 'ı': "i",
	'Æ': "AE", 'æ': "ae", 'Œ': "OE", 'œ': "oe", 'ß': "ss", 'ẞ': "SS",
	'Þ': "TH", 'þ': "th",
}

// compatRune returns what r is written as (a lookalike's Latin letter,
// the letters typedAs gives, or its compatibility decomposition without
// marks or its digit: writtenOf), appended to buf, and whether that
// differs from r. A mark on its own, as a decomposed text has it after
// its letter, is written as nothing.
func compatRune(r rune, buf []byte) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return buf, false
	}
	if l, ok := lookalike[r]; ok {
		return append(buf, l), true
	}
	if t, ok := typedAs[r]; ok {
		return append(buf, t...), true
	}
	w := writtenOf(r)
	if !w.other {
		return buf, false
	}
	return append(buf, w.as...), true
}

// digitOf returns the ASCII digit of the decimal digit r of another
// script ("٣", "३", "๓" for 3), which Arabic, Hindi or Thai keyboards type
// for a number; false when r is none. Unicode encodes each script's
// digits as ten runes in a row from its zero, so a run of its table of
// digits (unicode.Nd) starts at a zero, and two scripts' digits side by
// side form one run of twenty.
func digitOf(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
			return digitIn(r, lo, uint32(rg.Stride))
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
			return digitIn(r, lo, rg.Stride)
		}
	}
	return 0, false
}

// digitIn is the digit r of a run of digits from lo; false when the run
// is not one rune after the other, as no run of digits is.
func digitIn(r, lo rune, stride uint32) (byte, bool) {
	if stride != 1 {
		return 0, false
	}
	return byte('0' + (r-lo)%10), true
}

// written is what a rune is written as: as, when other; else itself.
// marks counts the marks left out.
type written struct {
	as    string
	other bool
	marks int
}

// writtenOf returns what the compatibility decomposition (NFKD) writes for
// the rune r, without its nonspacing marks (the diacritics), or for a
// digit of another script its ASCII digit (digitOf). A text has
// few distinct runes, each asked for at every place it is written: each
// is worked out once (NFKD takes microseconds a rune, and a text of a
// megabyte of runes that it writes otherwise took seconds a search), at
// most maxWrittenKept of them.
func writtenOf(r rune) written {
	writtenKept.RLock()
	w, ok := writtenKept.m[r]
	writtenKept.RUnlock()
	if ok {
		return w
	}
	if digit, ok := digitOf(r); ok {
		w = written{as: string(digit), other: true}
	} else {
		var one [utf8.UTFMax]byte
		rb := utf8.AppendRune(one[:0], r)
		d := norm.NFKD.Bytes(rb)
		n := utf8.RuneCount(d)
		if b := withoutMarks(d); !bytes.Equal(b, rb) {
			w = written{as: string(b), other: true, marks: n - utf8.RuneCount(b)}
		}
	}
	writtenKept.Lock()
	if writtenKept.m == nil {
		writtenKept.m = map[rune]written{}
	}
	if len(writtenKept.m) < maxWrittenKept {
		writtenKept.m[r] = w
	}
	writtenKept.Unlock()
	return w
}

var writtenKept struct {
	sync.RWMutex
	m map[rune]written
}

const maxWrittenKept = 1 << 16

// withoutMarks returns b without its nonspacing marks (Unicode category
// Mn: accents, diaereses, cedillas and the like), in place.
func withoutMarks(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !unicode.Is(unicode.Mn, r) {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// afterMarks returns the end of the nonspacing marks in s from i on: a
// stretch that ends in a letter takes the marks written after it (a
// decomposed text), which are no part of what a secret is looked for as.
func afterMarks(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf || !unicode.Is(unicode.Mn, r) {
			break
		}
		i += n
	}
	return i
}

// writtenAsOthers reports whether a rune of s is written as another
// (compatRune).
func writtenAsOthers(s string) bool {
	var buf [4 * utf8.UTFMax]byte
	for _, r := range s {
		if _, other := compatRune(r, buf[:0]); other {
			return true
		}
	}
	return false
}

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
	if isASCII(s) || !writtenAsOthers(s) {
		return compatText{}, false
	}
	var b []byte
	var from []int32
	for i := 0; i < len(s); {
		// A byte that is not UTF-8 decodes as U+FFFD, which is written as
		// itself: the byte is kept.
		r, n := utf8.DecodeRuneInString(s[i:])
		start := len(b)
		var ok bool
		if b, ok = compatRune(r, b); !ok {
			b = append(b, s[i:i+n]...)
		}
		for range len(b) - start {
			from = append(from, int32(i))
		}
		i += n
	}
	return compatText{s: string(b), from: from, text: s}, true
}

// span returns the stretch of the text that the bytes s[start:end] came
// from: from the start of the first one's rune to the end of the last
// one's, and of the marks after it (afterMarks).
func (c compatText) span(start, end int) (int, int) {
	from := int(c.from[start])
	last := int(c.from[end-1])
	_, n := utf8.DecodeRuneInString(c.text[last:])
	return from, afterMarks(c.text, last+n)
}

// asWritten returns s with each rune written as compatRune writes it.
func asWritten(s string) string {
	if c, ok := compatOf(s); ok {
		return c.s
	}
	return s
}
