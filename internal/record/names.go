package record

import (
	"regexp"
	"strings"
)

// LooksLikePersonName reports whether a text meant for a role or a body
// (owner.role, exceptions' approved_by) holds what marks a person's name
// in Dutch and English: a form of address or title before a capitalised
// word ("dhr. Jansen", "mevrouw Bakker", "drs. Pietersen"), or initials
// before a surname ("J. de Vries", "J.P. Jansen"). Records carry no
// personal names: the register and its history are public. The marks are
// chosen to be sure rather than complete: a bare "Jan de Vries" is not
// found.
func LooksLikePersonName(s string) bool {
	return addressedName.MatchString(s) || initialledName.MatchString(s)
}

// LooksLikePersonalMailbox reports whether an e-mail address's local part
// starts with initials and a full stop ("j.devries@", "j.p.jansen@"): a
// person's mailbox, where a role's is functional ("camera@").
func LooksLikePersonalMailbox(s string) bool {
	local, _, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), "mailto:")), "@")
	return ok && initialledMailbox.MatchString(local)
}

var (
	// A form of address or a title, then a capitalised word.
	addressedName = regexp.MustCompile(`(?i:\b(?:dhr|mevr|mw|mr|mrs|ms|drs|dr|ir|ing|prof)\.\s*|\b(?:de heer|mevrouw|meneer)\s+)\p{Lu}`)
	// One to three initials, then a surname, with the prefixes Dutch
	// surnames take.
	initialledName = regexp.MustCompile(`(?:^|[\s(,;:])\p{Lu}\.(?:\s?\p{Lu}\.){0,2}\s*(?:(?:van|de|der|den|ter|ten|te|in 't|v\.d\.)\s+)*\p{Lu}\p{Ll}{2,}`)
	// One to three initials with full stops, then a surname.
	initialledMailbox = regexp.MustCompile(`^[a-z]\.(?:[a-z]\.){0,2}[a-z]{2,}`)
)
