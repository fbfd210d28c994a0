package record

import (
	"strings"
	"unicode"

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

// Invisible are the characters Unicode says a text shows nothing of where
// it has no glyph for them (Default_Ignorable_Code_Point: format
// characters such as the soft hyphen, the zero-width space and the
// direction marks, the Hangul fillers, the variation selectors, the
// tags): the publication filter reads words across them, and the search
// for a template's marks leaves them out.
var Invisible = rangetable.Merge(unicode.Cf, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
