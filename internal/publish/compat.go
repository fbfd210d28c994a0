package publish

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A secret may also be written in letters that look like its own but are
// other runes: full-width ("ＡＮＰＲ", as East Asian input methods type),
// mathematical ("𝐀𝐍𝐏𝐑"), circled, super- and subscript letters and
// digits, ligatures ("ﬁ"). Unicode's compatibility normalisation (NFKC)
// writes each as the letters it stands for, so the filter looks for
// secrets in a text as NFKC writes it too, rune by rune: a text's other
// runes stay as they are, and where a secret is found is mapped back to
// the runes of the text it came from.

// compatRune returns what NFKC writes for the rune r, appended to buf,
// and whether that differs from r.
func compatRune(r rune, buf []byte) ([]byte, bool) {
	if r < utf8.RuneSelf {
		return buf, false
	}
	var one [utf8.UTFMax]byte
	rb := utf8.AppendRune(one[:0], r)
	if norm.NFKC.QuickSpan(rb) == len(rb) {
		return buf, false
	}
	n := len(buf)
	buf = norm.NFKC.Append(buf, rb...)
	if bytes.Equal(buf[n:], rb) {
		return buf[:n], false
	}
	return buf, true
}

// compatText is a text with each rune that NFKC writes otherwise written
// so (compatRune), and where each of its bytes came from in the text.
type compatText struct {
	s    string  // the text as NFKC writes its runes
	from []int32 // the text's offset of the rune of each byte of s
	text string
}

// compatOf returns the text s as compatText, and false when NFKC writes
// every rune of s as it is (every ASCII text), which is then searched as
// it is.
func compatOf(s string) (compatText, bool) {
	if isASCII(s) || norm.NFKC.QuickSpanString(s) == len(s) {
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
