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

var icalGroup = map[string]map[Group]string{
	"nl": {Lapsed: "verlopen", Undated: "geen datum", Ending: "loopt af", Upcoming: "gepland"},
	"en": {Lapsed: "lapsed", Undated: "no date", Ending: "ending", Upcoming: "upcoming"},
}

// WriteICal prints the list as an iCalendar file the committee can
// subscribe to.
func WriteICal(w io.Writer, r Report) error {
	lang := r.Language
	if _, ok := icalGroup[lang]; !ok {
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
	c := &contentLines{w: bw}
	line := func(s string) { c.add(s); c.end() }
	prop := func(name, value string) { c.add(name); c.add(value); c.end() }
	text := func(name, value string) { c.add(name); c.text(value); c.end() }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//voorbeeldstad//register//" + strings.ToUpper(lang))
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	text("NAME:", title)
	text("X-WR-CALNAME:", title)
	// Subscribed calendars fetch again daily (RFC 7986; Outlook reads the
	// X- property).
	line("REFRESH-INTERVAL;VALUE=DURATION:P1D")
	line("X-PUBLISHED-TTL:P1D")
	stamp := r.Now.UTC().Format("20060102T150405Z")
	var day [8]byte
	for _, it := range r.Items {
		name := it.Record.ID
		if it.Record.Name != "" {
			name = it.Record.Name + " (" + it.Record.ID + ")"
		}
		summary := WhatLabel[it.What].In(lang) + " (" + icalGroup[lang][it.Group] + "): " + name
		page := ""
		if r.PageURL != nil {
			page = r.PageURL(it.Record)
		}
		var desc string
		if r.Public {
			desc = summary
			if page != "" {
				desc += "\n" + page
			}
		} else {
			t := textIn[lang]
			desc = t.detail(it) + "\n" + t.who(it) + "\n" + Where(it)
		}
		if it.Date.IsZero() {
			// A calendar needs a day: an item without a date shows on the
			// day the list was made, so it is seen.
			it.Date = r.Today
		}
		line("BEGIN:VEVENT")
		prop("UID:", uid(it, host))
		prop("DTSTAMP:", stamp)
		prop("DTSTART;VALUE=DATE:", string(it.Date.AppendFormat(day[:0], "20060102")))
		prop("DTEND;VALUE=DATE:", string(it.Date.AddDate(0, 0, 1).AppendFormat(day[:0], "20060102")))
		text("SUMMARY:", summary)
		text("DESCRIPTION:", desc)
		if page != "" {
			prop("URL:", page)
		}
		text("CATEGORIES:", string(it.Group))
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

// contentLines writes content lines: each folded into lines of at most 75
// octets (continuations start with a space) without splitting a UTF-8
// character, and ended with CRLF. It writes what it is given as it goes:
// made as a string first, each line of a calendar of 100,000 events was
// garbage.
type contentLines struct {
	w *bufio.Writer
	n int // octets on the line being written
}

// add writes s to the content line as it is.
func (c *contentLines) add(s string) {
	for {
		room := 75 - c.n
		if len(s) <= room {
			c.w.WriteString(s)
			c.n += len(s)
			return
		}
		cut := room
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.w.WriteString(s[:cut])
		c.w.WriteString("\r\n ")
		c.n = 1 // the leading space counts
		s = s[cut:]
	}
}

// text writes s to the content line as a TEXT value: a backslash,
// semicolon and comma escaped, and each line end (CRLF, LF or CR) as \n.
func (c *contentLines) text(s string) {
	for {
		i := strings.IndexAny(s, "\\;,\r\n")
		if i < 0 {
			c.add(s)
			return
		}
		c.add(s[:i])
		switch s[i] {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			c.add(`\n`)
		case '\n':
			c.add(`\n`)
		default:
			c.add(`\`)
			c.add(s[i : i+1])
		}
		s = s[i+1:]
	}
}

// end ends the content line.
func (c *contentLines) end() {
	c.w.WriteString("\r\n")
	c.n = 0
}
