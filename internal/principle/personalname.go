package principle

import (
	"fmt"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// noPersonalName keeps people's names out of the register: it is public,
// with its whole history, so a name written in it is published for good.
// The finding names the field, never its value.
var noPersonalName = &Rule{
	ID: "no-personal-name", Ref: "VNG 3.7", Default: finding.Warning,
	Title: label.Text{"Geen namen van personen", "No personal names"},
	Why: label.Text{
		"Het register en zijn hele geschiedenis zijn openbaar. Een naam van een medewerker staat er dan voorgoed in, terwijl een rol en een functioneel e-mailadres genoeg zijn en blijven kloppen als mensen van baan wisselen (VNG-principe 3.7: een bekende, bereikbare verantwoordelijke; 6.3: privacy vanaf het ontwerp).",
		"The register and its whole history are public. A staff member's name written in it stays there for good, while a role and a functional mailbox are enough and stay right when people change jobs (VNG principle 3.7: a known, reachable responsible officer; 6.3: privacy by design).",
	},
	Satisfy: label.Text{
		"owner.role, owner.department en approved_by van een uitzondering noemen een rol of een orgaan, geen persoon (geen aanhef of titel met een naam, geen voorletters met een achternaam); owner.email is een functioneel adres, niet een dat met voorletters begint (j.devries@).",
		"owner.role, owner.department and an exception's approved_by name a role or a body, not a person (no form of address or title with a name, no initials with a surname); owner.email is a functional mailbox, not one that starts with initials (j.devries@).",
	},
	Example: example(`owner:
  role: Teamleider Toezicht en Handhaving
  email: toezicht@voorbeeldstad.example`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		name := func(path, field string) {
			fs = append(fs, at(path,
				en(field+" looks like a person's name (a form of address, a title, or initials with a surname); the register and its history are public",
					"write the role or the body instead, such as Teamleider Toezicht en Handhaving or college van B en W; a name already committed stays in the history, so ask the steward whether it must be removed from there too"),
				nl("Bij "+field+" lijkt een naam van een persoon te staan (een aanhef, een titel, of voorletters met een achternaam). Het register en zijn geschiedenis zijn openbaar.",
					"Schrijf de rol of het orgaan op, zoals Teamleider Toezicht en Handhaving of college van B en W. Een naam die al is vastgelegd, blijft in de geschiedenis staan: vraag de beheerder of die daar ook weg moet.")))
		}
		if record.LooksLikePersonName(r.Owner.Role) {
			name("/owner/role", "owner.role")
		}
		if record.LooksLikePersonName(r.Owner.Department) {
			name("/owner/department", "owner.department")
		}
		if record.LooksLikePersonalMailbox(r.Owner.Email) {
			fs = append(fs, at("/owner/email",
				en("owner.email starts with initials, like a person's mailbox; the register and its history are public",
					"write a functional mailbox that stays read when people change jobs, such as toezicht@…"),
				nl("Het adres bij owner.email begint met voorletters, zoals het adres van een persoon. Het register en zijn geschiedenis zijn openbaar.",
					"Vul een functioneel e-mailadres in dat gelezen blijft als mensen van baan wisselen, zoals toezicht@….")))
		}
		for i, ex := range r.Exceptions {
			if record.LooksLikePersonName(ex.ApprovedBy) {
				name(fmt.Sprintf("/exceptions/%d/approved_by", i), fmt.Sprintf("exceptions[%d].approved_by", i))
			}
		}
		return fs
	},
}
