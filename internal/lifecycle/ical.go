package lifecycle

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// The calendar follows RFC 5545: one all-day VEVENT per item, CRLF line
// ends, lines folded at 75 octets, text escaped. A UID is made of the record
// id and what the date is about, so when an evaluation is done and the due
// date moves, a subscribed calendar moves the event instead of adding one.

var icalWhat = map[string]map[What]string{
	"nl": {Evaluation: "Evaluatie", Lifecycle: "Einde looptijd", Exception: "Einde uitzondering", DataSharing: "Einde gegevensdeling"},
	"en": {Evaluation: "Evaluation", Lifecycle: "End of life cycle", Exception: "End of exception", DataSharing: "End of data sharing"},
}

var icalGroup = map[string]map[Group]string{
	"nl": {Lapsed: "verlopen", Undated: "geen datum", Ending: "loopt af", Upcoming: "gepland"},
	"en": {Lapsed: "lapsed", Undated: "no date", Ending: "ending", Upcoming: "upcoming"},
}

// WriteICal prints the list as an iCalendar file the committee can
// subscribe to.
func WriteICal(w io.Writer, r Report) error {
	lang := r.Language
	if _, ok := icalWhat[lang]; !ok {
		lang = "nl"
	}
	host := r.Host
	if host == "" {
		host = "register.invalid"
	}
	title := r.Title
	if title == "" {
		title = "Register"
	}
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//voorbeeldstad//register//" + strings.ToUpper(lang))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("NAME:" + escape(title))
	line("X-WR-CALNAME:" + escape(title))
	// Subscribed calendars fetch again daily (RFC 7986; Outlook reads the
	// X- property).
	line("REFRESH-INTERVAL;VALUE=DURATION:P1D")
	line("X-PUBLISHED-TTL:P1D")
	stamp := r.Now.UTC().Format("20060102T150405Z")
	for _, it := range r.Items {
		name := it.Record.ID
		if it.Record.Name != "" {
			name = it.Record.Name + " (" + it.Record.ID + ")"
		}
		summary := icalWhat[lang][it.What] + " (" + icalGroup[lang][it.Group] + "): " + name
		desc := it.Detail.In("en") + "\n" + owner(it) + "\n" + Where(it)
		page := ""
		if r.PageURL != nil {
			page = r.PageURL(it.Record)
		}
		if r.Public {
			desc = summary
			if page != "" {
				desc += "\n" + page
			}
		}
		if it.Date.IsZero() {
			// A calendar needs a day: an item without a date shows on the
			// day the list was made, so it is seen.
			it.Date = r.Today
		}
		line("BEGIN:VEVENT")
		line("UID:" + uid(it, host))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + it.Date.Format("20060102"))
		line("DTEND;VALUE=DATE:" + it.Date.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escape(summary))
		line("DESCRIPTION:" + escape(desc))
		if page != "" {
			line("URL:" + page)
		}
		line("CATEGORIES:" + escape(string(it.Group)))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// uid is the record id and what the item is about; an exception or
// agreement also carries its position in the list, as a record can hold
// several.
func uid(it Item, host string) string {
	id := it.Record.ID + "-" + string(it.What)
	switch it.What {
	case Exception, DataSharing:
		parts := strings.Split(it.Path, "/") // "", "exceptions", "0", "until"
		if len(parts) > 2 {
			id += "-" + parts[2]
		}
	}
	return id + "@" + host
}

// escape escapes a TEXT value: backslash, semicolon, comma and newlines.
func escape(s string) string { return textEscaper.Replace(s) }

// textEscaper is escape's, made once: a calendar escapes a few values of
// each of thousands of events.
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// fold ends a content line with CRLF, folding it into lines of at most 75
// octets (continuations start with a space) without splitting a UTF-8
// character.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
