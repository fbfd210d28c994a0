package record

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/rangetable"
)

// Says reports whether a text a record states says anything: it holds a
// letter or a digit. Empty, white space, "-", "...", "?", or characters
// that take no place on a page (a zero-width space, a soft hyphen) say
// nothing. The checklist, the record page, the packet and the quality
// report all ask this, so a field a rule calls missing is not shown as
// given.
func Says(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// Answers reports whether a text says something (Says) other than that a
// value is yet to come or does not apply ("n.v.t.", "n.t.b.", nonAnswers):
// what the checklist asks of a field a rule found applies. Such a text is
// shown as written, for it is what the municipality says; the finding
// beside it says why it is no answer.
func Answers(s string) bool {
	// The letters and digits of a short text, in lower case, to look up
	// among the non-answers; a text longer than any of them answers as
	// soon as it has a letter or digit.
	var word [len("nognietvantoepassing")]byte
	n, has := 0, false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			continue
		}
		has = true
		if r = unicode.ToLower(r); r >= utf8.RuneSelf || n == len(word) {
			return true
		}
		word[n] = byte(r)
		n++
	}
	return has && !nonAnswers[string(word[:n])]
}

// nonAnswers are the letters of the answers stewards write where a value is
// yet to come or is said not to apply ("n.v.t.", "N/A", "nog te bepalen",
// "TBD"), in lower case. "unknown" is not one: the record format gives it
// as a value of its own (personal_data.processed).
var nonAnswers = map[string]bool{
	"nvt": true, "nietvantoepassing": true, "nognietvantoepassing": true, "na": true, "notapplicable": true,
	"ntb": true, "nogtebepalen": true, "nadertebepalen": true, "tebepalen": true, "pm": true,
	"tbd": true, "tba": true, "tobedetermined": true, "todo": true,
	"onbekend": true, "nogonbekend": true, "nietbekend": true, "nognietbekend": true, "nnb": true,
	"volgt": true, "volgtnog": true, "volgtlater": true, "volgtnader": true,
}

// Invisible are the characters Unicode says a text shows nothing of where
// it has no glyph for them (Default_Ignorable_Code_Point: format
// characters such as the soft hyphen, the zero-width space and the
// direction marks, the Hangul fillers, the variation selectors, the
// tags): the publication filter reads words across them, and the search
// for a template's marks leaves them out.
var Invisible = rangetable.Merge(unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
