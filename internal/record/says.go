package record

import (
	"strings"
	"unicode"
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
