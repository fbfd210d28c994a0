package record

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/voorbeeldstad/register/internal/message"
)

// ValidID reports whether id follows the record format's rule for ids, the
// schema's ^[a-z0-9][a-z0-9-]{1,62}$ (a test compares them): the id is also
// the file name and part of the public site's URLs, so it stays a plain
// slug of 2 to 63 characters. A loop rather than the expression: a build
// asks it of every record several times, and matched, it was a
// fiftieth of a build after one change.
func ValidID(id string) bool {
	if len(id) < 2 || len(id) > 63 || id[0] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if notSlug(rune(id[i])) {
			return false
		}
	}
	return true
}

// CheckID is ValidID for a person: nil for a valid id, else an *IDError
// that says in words, in English and in Dutch, what the rule is and what is
// wrong.
func CheckID(id string) error {
	if ValidID(id) && !reservedName(id) {
		return nil
	}
	var why message.Phrase
	switch {
	case ValidID(id):
		why = msgIDReserved.With()
	case id == "":
		why = msgIDEmpty.With()
	case strings.ContainsFunc(id, func(r rune) bool { return r >= 'A' && r <= 'Z' }):
		why = msgIDCapitals.With()
	case strings.ContainsFunc(id, notSlug):
		i := strings.IndexFunc(id, notSlug)
		r, _ := utf8.DecodeRuneInString(id[i:])
		why = msgIDContains.With(r)
	case id[0] == '-':
		why = msgIDHyphen.With()
	case len(id) < 2:
		why = msgIDShort.With()
	default:
		why = msgIDLong.With(len(id))
	}
	return &IDError{ID: id, Why: why.In(message.English), Rule: msgIDRule.In(message.English), why: why}
}

// What CheckID says of an id that breaks the rule.
var (
	msgIDRule = message.New("an id is 2 to 63 characters: lower-case letters a-z, digits and hyphens, starting with a letter or digit (for example cam-stationsplein)",
		"een id is 2 tot 63 tekens: kleine letters a-z, cijfers en koppeltekens, en begint met een letter of cijfer (bijvoorbeeld cam-stationsplein)")
	msgIDInvalid  = message.New("%q is not a valid id: %s; %s", "%q is geen geldig id: %s; %s")
	msgIDEmpty    = message.New("it is empty", "het is leeg")
	msgIDCapitals = message.New("it has capital letters", "het bevat hoofdletters")
	msgIDContains = message.New("it contains %q", "het bevat %q")
	msgIDHyphen   = message.New("it starts with a hyphen", "het begint met een koppelteken")
	msgIDShort    = message.New("it is too short", "het is te kort")
	msgIDLong     = message.New("it is %d characters long", "het is %d tekens lang")
	msgIDReserved = message.New("it is a name Windows keeps for a device, so a repository with its file cannot be checked out there", "het is een naam die Windows vrijhoudt voor een apparaat, dus een repository met dat bestand is daar niet uit te pakken")
)

// reservedName reports whether id, as a file's name, is one Windows keeps
// for a device, with any extension (nul.yaml too): a repository holding
// it cannot be checked out there. A new id is refused it; a record that
// has it still loads.
func reservedName(id string) bool {
	switch id {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(id) == 4 && (strings.HasPrefix(id, "com") || strings.HasPrefix(id, "lpt")) && id[3] >= '1' && id[3] <= '9'
}

// notSlug reports whether r may not appear in an id.
func notSlug(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }

// IDError is an id that breaks the slug rule.
type IDError struct {
	ID   string // the id as given
	Why  string // what is wrong with it, in English
	Rule string // the rule, in words, in English
	why  message.Phrase
}

// Error says what is wrong with the id and states the rule.
func (e *IDError) Error() string { return e.In(message.English) }

// In says it in lang, so the command line and a finding word it in Dutch
// too (the message package's Lingual).
func (e *IDError) In(lang string) string {
	if e.why.In(message.English) == "" { // made by hand, not by CheckID
		return fmt.Sprintf("%q is not a valid id: %s; %s", e.ID, e.Why, e.Rule)
	}
	return msgIDInvalid.Format(lang, e.ID, e.why, msgIDRule)
}

// Slug makes a record id from a name: lower-case ASCII letters and digits,
// accents dropped, every other run of characters one hyphen, at most 63
// characters, cut at a hyphen where possible. It returns "" when nothing of
// the name is left.
func Slug(name string) string {
	s := strings.ReplaceAll(Fold(strings.ReplaceAll(name, "'", "")), " ", "-")
	var b strings.Builder
	for _, r := range s {
		if r < 128 {
			b.WriteRune(r)
		}
	}
	s = strings.Trim(strings.ReplaceAll(b.String(), "--", "-"), "-")
	if len(s) > 63 {
		s = s[:63]
		if i := strings.LastIndexByte(s, '-'); i > 30 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if len(s) < 2 {
		return ""
	}
	return s
}

// Fold lower-cases s, drops accents and writes every run of other
// characters than letters and digits as one space: "Thema's", "thema_s"
// and "THEMA S" all become "thema s". Slugs and the import's matching of
// headers and values both compare text this way.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: drop it, keep the letter
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// FileStem is the name of a record file without its folder and extension:
// the id the record in it should hold.
func FileStem(file string) string {
	return strings.TrimSuffix(path.Base(file), path.Ext(file))
}

// ClaimsID reports whether the record in file, holding id, is the one the
// id names rather than the record in first, an earlier file in the
// register's order with the same id: a file named after the id is, over
// one that is not, so that a second of the id is the file at fault. Among
// files none or both of which are named after it, the first is.
func ClaimsID(file, first, id string) bool {
	return FileStem(file) == id && FileStem(first) != id
}

// FilesOf are the register-relative paths a record with the id may have,
// of either kind, .yaml or .yml ("sensors/cam-markt.yaml", ...): the files
// KindOfFile takes for records, in the order they are looked for.
func FilesOf(id string) []string {
	var out []string
	for _, k := range Kinds {
		for _, ext := range []string{".yaml", ".yml"} {
			out = append(out, k.Folder()+"/"+id+ext)
		}
	}
	return out
}

// KindOfFile returns the kind of the record at a register-relative path
// ("sensors/cam-markt.yaml"), or false when the path is no record file: a
// .yaml or .yml file directly in the folder of a kind.
func KindOfFile(file string) (Kind, bool) {
	dir, name, ok := strings.Cut(file, "/")
	if !ok || strings.Contains(name, "/") || !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
		return "", false
	}
	for _, k := range Kinds {
		if k.Folder() == dir {
			return k, true
		}
	}
	return "", false
}
