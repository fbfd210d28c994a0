package publish

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/rangetable"

	"github.com/voorbeeldstad/register/internal/record"
)

// A name is written in many ways: "Camera's Geheimhof Noord" is also
// "Cameras Geheimhof Noord", "Camera-Geheimhof-Noord",
// "camera_geheimhof_noord.pdf", "CameraGeheimhofNoord", or broken over two
// lines; "Techniek BV" is also "Techniek B.V.", and in a link
// "Techniek%20BV" or "Techniek+BV". A text pasted from a word processor
// may hold a soft hyphen or a zero-width space inside a word, which no
// reader sees, and a text can be given any of Unicode's other invisible
// format characters (a direction mark, a tag) to make it other bytes that
// read the same. So secrets are looked for with the separators between
// words left out, of the secret and of the text alike: white space of any
// kind and length, hyphens and dashes, underscores, dots, apostrophes and
// plus signs, those written in a link as %20, %2D, %5F, %2E and %27, and
// every character Unicode says is not drawn (invisibleRune). Other marks
// (a slash, a comma, a colon) still count.

// separator returns the length in bytes of the word separator at s[i]
// (of the ways to write one, separatorRune, and a link's escapes), or 0
// when there is none.
func separator(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if asciiSeparator[c] {
			return 1
		}
		if c == '%' {
			return escapedSeparator(s, i)
		}
		return 0
	}
	if !separatorLead[c] {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if separatorRune(r) {
		return n
	}
	return 0
}

// escapedSeparator returns 3 when s[i:] is a link's escape of a
// separator ("%20"), else 0.
func escapedSeparator(s string, i int) int {
	if i+2 >= len(s) {
		return 0
	}
	v, ok := hexByte(s[i+1], s[i+2])
	if ok && v < utf8.RuneSelf && asciiSeparator[v] {
		return 3
	}
	return 0
}

func hexByte(a, b byte) (byte, bool) {
	h, ok1 := hexDigit(a)
	l, ok2 := hexDigit(b)
	return h<<4 | l, ok1 && ok2
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// separatorRune reports whether r separates words without being one:
// white space, a hyphen or dash, an underscore, a dot, an apostrophe or a
// plus sign, or a character that is not seen.
func separatorRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return asciiSeparator[r]
	case r < firstOther:
		return r == '\u0085' || r == '\u00a0' || r == '\u00ad' // next line, no-break space, soft hyphen
	}
	return unicode.Is(separatorTable, r)
}

// firstOther is the first separator after the Latin letters (the
// combining grapheme joiner): the letters of most texts beyond ASCII are
// told apart without a look in the tables.
const firstOther = '\u034f'

// invisibleRune reports whether r is a character Unicode says a text
// shows nothing of where it has no glyph for it (Default_Ignorable_Code_Point:
// format characters such as the soft hyphen, the zero-width space and the
// direction marks, the Hangul fillers, the variation selectors and the
// tags). Inside a word it leaves the word whole.
func invisibleRune(r rune) bool {
	if r < firstOther {
		return r == '\u00ad'
	}
	return unicode.Is(record.Invisible, r)
}

var (
	separatorTable = rangetable.Merge(record.Invisible, unicode.White_Space, unicode.Pd,
		rangetable.New('\u2018', '\u2019')) // the typographic apostrophes
	// separatorLead marks the bytes a separator's UTF-8 begins with, so
	// that most letters beyond ASCII are told apart by their first byte.
	separatorLead = func() (t [256]bool) {
		for c := range utf8.RuneSelf {
			t[c] = asciiSeparator[c] || c == '%'
		}
		var buf [utf8.UTFMax]byte
		each := func(lo, hi, stride uint32) {
			for r := lo; r <= hi; r += stride {
				if r >= utf8.RuneSelf {
					utf8.EncodeRune(buf[:], rune(r))
					t[buf[0]] = true
				}
			}
		}
		for _, r := range separatorTable.R16 {
			each(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
		}
		for _, r := range separatorTable.R32 {
			each(r.Lo, r.Hi, r.Stride)
		}
		return t
	}()
)

var asciiSeparator = func() (t [utf8.RuneSelf]bool) {
	for _, c := range " \t\n\r\v\f-_.'+" {
		t[c] = true
	}
	return t
}()

// appendSkeleton appends s to buf without its separators, ASCII letters in
// lower case: the form in which a secret is looked for.
func appendSkeleton(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		if n := separator(s, i); n > 0 {
			i += n
			continue
		}
		buf = append(buf, lower[s[i]])
		i++
	}
	return buf
}

func skeleton(s string) string { return string(appendSkeleton(nil, s)) }

// umlautsSpelled writes the umlauts as a keyboard without them types them
// in German and Dutch names: "Müller" as "Mueller", "Schröder" as
// "Schroeder".
var umlautsSpelled = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// appendWrittenForms appends to dst the ways s is written in Unicode: as
// it is and, with a letter beyond ASCII, composed and decomposed ("Ö" as
// one rune, or as O and a diaeresis, as text copied from some systems has
// it), which look the same; with a letter written as another
// (compat.go), as the letters it stands for; and with its umlauts spelled
// out (umlautsSpelled).
func appendWrittenForms(dst []string, s string) []string {
	dst = append(dst, s)
	if isASCII(s) {
		return dst
	}
	n := len(dst)
	for _, f := range []string{norm.NFC.String(s), norm.NFD.String(s), norm.NFKC.String(s), norm.NFKD.String(s), asWritten(s),
		umlautsSpelled.Replace(norm.NFC.String(s))} {
		if !slices.Contains(dst[n-1:], f) {
			dst = append(dst, f)
		}
	}
	return dst
}
