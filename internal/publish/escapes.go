package publish

import (
	"html"
	"strings"
	"unicode/utf8"
)

// A link writes what it holds in escapes, and so does markup: "Müllerbau"
// is "M%C3%BCllerbau" in an address (or "M%FCllerbau" in the Latin-1 of
// older systems, "M%25C3%25BC..." escaped twice), and "M&uuml;llerbau" or
// "M&#252;llerbau" in HTML pasted into a text. A reader who decodes it
// reads the secret. So the filter looks for secrets in a text with its
// escapes decoded too, and maps where one is found back to the escapes it
// came from.

// escapedText is a text with its percent-escapes and HTML character
// references decoded (escapedOf), and where each of its bytes came from in
// the text: the stretch from[i] to to[i].
type escapedText struct {
	s        string
	from, to []int32
}

// escapedOf returns s with its escapes decoded, twice over for a text
// escaped twice, and false when it holds none.
func escapedOf(s string) (escapedText, bool) {
	if !holdsEscape(s) {
		return escapedText{}, false
	}
	e, ok := decodeOnce(s)
	if !ok {
		return escapedText{}, false
	}
	if !holdsEscape(e.s) {
		return e, true
	}
	if again, ok := decodeOnce(e.s); ok {
		// Where each byte of the second decoding came from in the text:
		// the stretch of the first decoding's bytes it came from.
		for i := range again.s {
			again.from[i], again.to[i] = e.from[again.from[i]], e.to[again.to[i]-1]
		}
		return again, true
	}
	return e, true
}

// holdsEscape reports whether s holds an escape decodeOnce decodes: most
// texts with a '%' or an '&' ("50%", "Q&A") hold none, and are not copied
// for it.
func holdsEscape(s string) bool {
	for i := strings.IndexAny(s, "%&"); i >= 0 && i < len(s); {
		if _, n := escapeAt(s, i); n > 0 {
			return true
		}
		next := strings.IndexAny(s[i+1:], "%&")
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// escapeAt returns what the escape at s[i] decodes to and its length in
// s: "%XX" the byte it names, an HTML character reference its character;
// 0 when s[i] begins none.
func escapeAt(s string, i int) (string, int) {
	switch s[i] {
	case '%':
		if i+2 < len(s) {
			if v, ok := hexByte(s[i+1], s[i+2]); ok {
				return string([]byte{v}), 3
			}
		}
	case '&':
		if end := strings.IndexByte(s[i:min(len(s), i+12)], ';'); end > 1 {
			if r := html.UnescapeString(s[i : i+end+1]); r != s[i:i+end+1] {
				return r, end + 1
			}
		}
	}
	return "", 0
}

// decodeOnce decodes the escapes of s once: "%XX" as the byte it names,
// bytes that do not make UTF-8 as the Latin-1 letters they are, and an
// HTML character reference ("&uuml;", "&#252;") as its character.
func decodeOnce(s string) (escapedText, bool) {
	var (
		raw      []byte
		from, to []int32
		changed  bool
	)
	add := func(b []byte, start, end int) {
		for _, c := range b {
			raw = append(raw, c)
			from, to = append(from, int32(start)), append(to, int32(end))
		}
	}
	for i := 0; i < len(s); {
		if r, n := escapeAt(s, i); n > 0 {
			add([]byte(r), i, i+n)
			i, changed = i+n, true
			continue
		}
		add([]byte{s[i]}, i, i+1)
		i++
	}
	if !changed {
		return escapedText{}, false
	}
	// A byte that does not begin or continue UTF-8 is a Latin-1 letter
	// ("%FC" for ü), written as the UTF-8 of it.
	if !utf8.Valid(raw) {
		var out []byte
		var of, ot []int32
		for i := 0; i < len(raw); {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				var buf [utf8.UTFMax]byte
				m := utf8.EncodeRune(buf[:], rune(raw[i]))
				for k := 0; k < m; k++ {
					out, of, ot = append(out, buf[k]), append(of, from[i]), append(ot, to[i])
				}
				i++
				continue
			}
			out, of, ot = append(out, raw[i:i+n]...), append(of, from[i:i+n]...), append(ot, to[i:i+n]...)
			i += n
		}
		raw, from, to = out, of, ot
	}
	return escapedText{s: string(raw), from: from, to: to}, true
}

// span returns the stretch of the text that the bytes s[start:end] came
// from.
func (e escapedText) span(start, end int) (int, int) {
	return int(e.from[start]), int(e.to[end-1])
}
