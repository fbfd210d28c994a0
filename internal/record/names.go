package record

import (
	"regexp"
	"strings"
)

// LooksLikePersonName reports whether a text meant for a role or a body
// (owner.role, exceptions' approved_by) holds what marks a person's name
// in Dutch and English: a form of address or a title before a surname
// ("dhr. Jansen", "mevrouw Bakker", "drs. Pietersen"), or initials before
// a surname ("J. de Vries", "J.P. Jansen", "Th. van 't Hof"). Records
// carry no personal names: the register and its history are public. The
// marks are chosen to be sure rather than complete: a bare "Jan de Vries"
// is not found, nor are three or more initials without a surname's prefix
// (an abbreviation such as "V.T.H. Toezicht" reads the same), nor a name
// that is a street's ("Mr. Visserplein").
func LooksLikePersonName(s string) bool {
	if !mayName(s) {
		return false // nearly every role: no full stop, no form of address
	}
	s = mayorAndAldermen.ReplaceAllString(s, " ")
	for _, re := range []*regexp.Regexp{addressedName, initialledName, initialledPrefixed} {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			if !streetName(m[1]) {
				return true
			}
		}
	}
	return false
}

// mayName reports whether s holds what every mark of a name needs: a full
// stop (initials, a title), or a form of address written without one.
// The expressions are asked only then: the checklist asks this of every
// record.
func mayName(s string) bool {
	if strings.IndexByte(s, '.') >= 0 {
		return true
	}
	low := strings.ToLower(s)
	for _, w := range []string{"dhr", "mevr", "mw", "heer", "meneer"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// LooksLikePersonalMailbox reports whether an e-mail address's local part
// starts with initials and a full stop ("j.devries@", "j.p.jansen@"): a
// person's mailbox, where a role's is functional ("camera@").
func LooksLikePersonalMailbox(s string) bool {
	local, _, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), "mailto:")), "@")
	return ok && initialledMailbox.MatchString(local)
}

// streetName reports whether a word that follows a title or initials
// names a street or a square, as many are named after people.
func streetName(word string) bool {
	w := strings.ToLower(word)
	for _, end := range streetEnds {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// streetEnds end the names of streets, squares and other places.
var streetEnds = []string{"straat", "laan", "plein", "weg", "kade", "singel", "gracht", "park", "plantsoen", "dreef", "brug", "dijk", "pad", "steeg", "markt", "school", "huis", "gebouw"}

// The marks of a name (LooksLikePersonName); each captures the surname.
const (
	// An initial: a capital and a full stop, or the few initials of
	// two or three letters ("Th.", "Chr.").
	initial = `(?:\p{Lu}|Th|Ch|Ph|Chr|Joh|Jac|Fr|Wm)\.`
	// The prefixes of Dutch surnames, and others common in the
	// Netherlands.
	prefix = `(?:van|de|der|den|ter|ten|te|het|'t|el|al|op|in|la|le|du|d'|v\.d\.)`
	// A surname: a capital and at least one small letter.
	surname = `(\p{Lu}\p{Ll}+)`
)

var (
	// "B. en W.", "B&W": the college of mayor and aldermen, no person.
	mayorAndAldermen = regexp.MustCompile(`(?i)\bb\.?\s*(?:en|&)\s*w\b\.?`)
	// A form of address, with or without a full stop, or a title with
	// one, then a surname.
	addressedName = regexp.MustCompile(`(?i:\b(?:dhr|mevr|mw)\.?\s+|\b(?:mr|mrs|ms|drs|dr|ir|prof)\.\s*|\b(?:de heer|mevrouw|meneer)\s+)` + surname)
	// One or two initials, then a surname.
	initialledName = regexp.MustCompile(`(?:^|[\s(,;:/])` + initial + `(?:\s?` + initial + `)?\s*(?:` + prefix + `\s+)*` + surname)
	// Up to four initials, then a surname's prefix and the surname.
	initialledPrefixed = regexp.MustCompile(`(?:^|[\s(,;:/])` + initial + `(?:\s?` + initial + `){0,3}\s*(?:` + prefix + `\s+)+` + surname)
	// One to four initials with full stops, then a surname.
	initialledMailbox = regexp.MustCompile(`^[a-z]\.(?:[a-z]\.){0,3}[a-z]{2,}`)
)
