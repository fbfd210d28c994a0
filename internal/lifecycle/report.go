package lifecycle

import (
	"io"
	"time"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// Formats are the output formats of the due list.
var Formats = format.Set[Report]{
	{Name: "text", Exts: []string{".txt"}, Write: WriteText},
	{Name: "json", Exts: []string{".json"}, Write: WriteJSON},
	{Name: "csv", Exts: []string{".csv"}, Write: WriteCSV},
	{Name: "ical", Exts: []string{".ics"}, Write: WriteICal},
}

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
	// TextLanguage is the language of the text list: the run's, "nl" or
	// "en" (anything else is English).
	TextLanguage string
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
func Write(w io.Writer, name string, r Report) error {
	f, err := Formats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, r)
}

// Count returns how many items are in each group.
func Count(items []Item) map[Group]int {
	n := map[Group]int{Lapsed: 0, Undated: 0, Ending: 0, Upcoming: 0}
	for _, it := range items {
		n[it.Group]++
	}
	return n
}
