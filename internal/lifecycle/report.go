package lifecycle

import (
	"fmt"
	"io"
	"time"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// Formats are the output formats of the due list.
var Formats = []string{"text", "json", "csv", "ical"}

// Report is a due list with what it was computed for, ready to print.
type Report struct {
	// Today is the date the list was computed for.
	Today time.Time
	// Within is the window for upcoming dates.
	Within period.Duration
	Items  []Item
	// Title names the register (the site's title), for the calendar.
	Title string
	// Host makes calendar UIDs globally unique: the public site's host name.
	Host string
	// Language of labels in the calendar: "nl" or "en".
	Language string
	// Now stamps calendar events (DTSTAMP).
	Now time.Time
	// Public makes a calendar for residents: events name the record and
	// link its page (PageURL), and leave out the owner's contact, the file
	// and the internal detail. The caller passes only public items.
	Public bool
	// PageURL is a record's page on the public site, or "".
	PageURL func(*record.Record) string
}

// Write prints the report in one of Formats.
func Write(w io.Writer, format string, r Report) error {
	switch format {
	case "text":
		return WriteText(w, r)
	case "json":
		return WriteJSON(w, r)
	case "csv":
		return WriteCSV(w, r)
	case "ical":
		return WriteICal(w, r)
	}
	return fmt.Errorf("unknown format %q: use one of %v", format, Formats)
}

// Count returns how many items are in each group.
func Count(items []Item) map[Group]int {
	n := map[Group]int{Lapsed: 0, Undated: 0, Ending: 0, Upcoming: 0}
	for _, it := range items {
		n[it.Group]++
	}
	return n
}
