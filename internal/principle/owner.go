package principle

import (
	"net/mail"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

var ownerReachable = &Rule{
	ID: "owner-reachable", Ref: "VNG 3.7", Default: finding.Error,
	Title: label.Text{"Verantwoordelijke bekend en bereikbaar", "Responsible officer known and reachable"},
	Why: label.Text{
		"Elke dataset, sensor en elk algoritme heeft een verantwoordelijke functionaris die bekend en bereikbaar is, binnen en buiten de organisatie (VNG-principe 3.7). Zonder verantwoordelijke wordt de toepassing direct verwijderd.",
		"Every dataset, sensor and algorithm has a responsible officer who is known and reachable, inside and outside the organisation (VNG principle 3.7). Without one, the technology is removed at once.",
	},
	Satisfy: label.Text{
		"owner.role noemt de verantwoordelijke rol en owner.email is een werkende functionele mailbox (nooit de naam van een persoon: registers zijn openbaar, met de volledige geschiedenis).",
		"owner.role names the responsible role and owner.email is a working functional mailbox (never a person's name: registers are public, with full history).",
	},
	Example: example(`owner:
  role: Teamleider Toezicht en Handhaving
  department: Openbare Orde en Veiligheid
  email: cameratoezicht@voorbeeldstad.example`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		if blank(r.Owner.Role) {
			fs = append(fs, missing("/owner",
				en("the responsible officer's role is missing",
					"add owner.role, the role that answers for this record (for example 'Teamleider Verkeer'); without a responsible officer the principle asks to remove the technology at once"),
				nl("Er staat niet bij wie verantwoordelijk is: de functie van de verantwoordelijke ontbreekt.",
					"Vul bij owner.role de functie in die verantwoordelijk is (bijvoorbeeld 'Teamleider Verkeer'). Zonder verantwoordelijke moet de technologie volgens het principe direct worden weggehaald.")))
		}
		switch e := strings.TrimSpace(r.Owner.Email); {
		case e == "":
			fs = append(fs, missing("/owner",
				en("the responsible officer cannot be reached: owner.email is missing",
					"add owner.email, a functional mailbox that someone reads (not a person's address)"),
				nl("De verantwoordelijke is niet bereikbaar: er staat geen e-mailadres bij (owner.email).",
					"Vul bij owner.email een algemeen e-mailadres in dat iemand leest (geen adres van een persoon).")))
		case !mailbox(e):
			fs = append(fs, at("/owner/email",
				en("owner.email '"+e+"' is not an e-mail address, so the responsible officer cannot be reached",
					"write a functional mailbox such as verkeer@voorbeeldstad.example"),
				nl("'"+e+"' (owner.email) is geen e-mailadres. Daardoor is de verantwoordelijke niet bereikbaar.",
					"Vul een algemeen e-mailadres in, zoals verkeer@voorbeeldstad.example.")))
		}
		return fs
	},
}

// mailbox reports whether s is a plain address with a domain that has a dot.
func mailbox(s string) bool {
	if valid, decided := plainMailbox(s); decided {
		return valid
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".")
}

// plainMailbox decides the addresses nearly every record has as mailbox
// does with net/mail (a test compares them), and leaves any other to it:
// letters, digits and ._%+- before the @, letters, digits, - and dots after
// it, no dot first, last or twice. Parsing each with net/mail was a
// hundredth of a cold check's CPU.
func plainMailbox(s string) (valid, decided bool) {
	at := strings.IndexByte(s, '@')
	if at < 0 {
		return false, false
	}
	local, domain := s[:at], s[at+1:]
	if !dotAtom(local, "._%+-") || !dotAtom(domain, ".-") {
		return false, false
	}
	return strings.IndexByte(domain, '.') > 0, true
}

// dotAtom reports whether s is ASCII letters, digits and the bytes of
// extra, with no dot first, last or after another.
func dotAtom(s, extra string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.' && s[i-1] == '.':
			return false
		case strings.IndexByte(extra, c) < 0:
			return false
		}
	}
	return true
}
