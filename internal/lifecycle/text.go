package lifecycle

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/period"
)

// textWords are the text list's own words, by language: English, and
// Dutch for a run in Dutch (Report.TextLanguage).
type textWords struct {
	group                  map[Group]string
	summary, undated       string
	nothing, noDate, owner string
	noOwner                string
	detail                 func(Item) string
}

var textIn = map[string]textWords{
	"en": {
		group: map[Group]string{
			Lapsed:   "Lapsed: the date has passed",
			Undated:  "No date: the next evaluation cannot be computed",
			Ending:   "Ending: exceptions, agreements and life cycles that end",
			Upcoming: "Upcoming: evaluations due",
		},
		summary: "Due as of %s (window %s): %d lapsed, %d ending, %d upcoming",
		undated: ", %d without a date",
		nothing: "Nothing has lapsed and nothing falls due within the window.",
		noDate:  "(no date)",
		owner:   "owner: ",
		noOwner: "owner: (none recorded)",
		detail:  func(it Item) string { return it.Detail.In("en") },
	},
	"nl": {
		group: map[Group]string{
			Lapsed:   "Verstreken: de datum is voorbij",
			Undated:  "Geen datum: de volgende evaluatie is niet te berekenen",
			Ending:   "Loopt af: uitzonderingen, afspraken en levenscycli die eindigen",
			Upcoming: "Gepland: evaluaties die eraan komen",
		},
		summary: "Af te handelen per %s (termijn %s): %d verstreken, %d aflopend, %d gepland",
		undated: ", %d zonder datum",
		nothing: "Er is niets verstreken en er valt niets binnen de termijn.",
		noDate:  "(geen datum)",
		owner:   "verantwoordelijke: ",
		noOwner: "verantwoordelijke: (niet vastgelegd)",
		detail: func(it Item) string {
			if nl := it.Detail.In("nl"); nl != "" {
				return nl
			}
			return it.Detail.In("en")
		},
	},
}

// WriteText prints the list grouped, one item per paragraph, with the
// owner to chase, in Report.TextLanguage (English unless "nl").
func WriteText(w io.Writer, r Report) error {
	t, ok := textIn[r.TextLanguage]
	if !ok {
		t = textIn["en"]
	}
	bw := bufio.NewWriter(w)
	n := Count(r.Items)
	fmt.Fprintf(bw, t.summary, period.Format(r.Today), r.Within, n[Lapsed], n[Ending], n[Upcoming])
	if n[Undated] > 0 {
		fmt.Fprintf(bw, t.undated, n[Undated])
	}
	fmt.Fprintln(bw)
	for _, g := range Groups {
		if n[g] == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", t.group[g])
		for _, it := range r.Items {
			if it.Group != g {
				continue
			}
			date := DateText(it)
			if it.Date.IsZero() {
				date = t.noDate
			}
			fmt.Fprintf(bw, "  %s  %s  %s\n", date, it.Record.ID, t.detail(it))
			fmt.Fprintf(bw, "              %s  (%s)\n", t.who(it), Where(it))
		}
	}
	if len(r.Items) == 0 {
		fmt.Fprintln(bw, t.nothing)
	}
	return bw.Flush()
}

// DateText is the item's date as YYYY-MM-DD, or "(no date)" when it has none.
func DateText(it Item) string {
	if it.Date.IsZero() {
		return "(no date)"
	}
	return period.Format(it.Date)
}

// Where names the field an item is about as the record's file with the
// field's JSON Pointer as fragment: "sensors/cam-markt.yaml#/lifecycle/end".
func Where(it Item) string { return it.Record.File + "#" + it.Path }

// who is the owner's role and contact on one line, in t's language.
func (t textWords) who(it Item) string {
	if c := contact(it); c != "" {
		return t.owner + c
	}
	return t.noOwner
}

// contact is the owner's role, e-mail and phone, or "" when none is recorded.
func contact(it Item) string {
	o := it.Record.Owner
	parts := []string{}
	role := o.Role
	if o.Department != "" {
		role += ", " + o.Department
	}
	if role != "" {
		parts = append(parts, role)
	}
	if o.Email != "" {
		parts = append(parts, "<"+o.Email+">")
	}
	if o.Phone != "" {
		parts = append(parts, o.Phone)
	}
	return strings.Join(parts, " ")
}
