package lifecycle

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/period"
)

var groupTitle = map[Group]string{
	Lapsed:   "Lapsed: the date has passed",
	Undated:  "No date: the next evaluation cannot be computed",
	Ending:   "Ending: exceptions, agreements and life cycles that end",
	Upcoming: "Upcoming: evaluations due",
}

// WriteText prints the list grouped, one item per paragraph, with the
// owner to chase.
func WriteText(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	n := Count(r.Items)
	fmt.Fprintf(bw, "Due as of %s (window %s): %d lapsed, %d ending, %d upcoming",
		period.Format(r.Today), r.Within, n[Lapsed], n[Ending], n[Upcoming])
	if n[Undated] > 0 {
		fmt.Fprintf(bw, ", %d without a date", n[Undated])
	}
	fmt.Fprintln(bw)
	for _, g := range Groups {
		if n[g] == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", groupTitle[g])
		for _, it := range r.Items {
			if it.Group != g {
				continue
			}
			fmt.Fprintf(bw, "  %s  %s  %s\n", DateText(it), it.Record.ID, it.Detail)
			fmt.Fprintf(bw, "              %s  (%s)\n", owner(it), Where(it))
		}
	}
	if len(r.Items) == 0 {
		fmt.Fprintln(bw, "Nothing has lapsed and nothing falls due within the window.")
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

// owner is the owner's role and contact on one line.
func owner(it Item) string {
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
	if len(parts) == 0 {
		return "owner: (none recorded)"
	}
	return "owner: " + strings.Join(parts, " ")
}
