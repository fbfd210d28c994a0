package site

import (
	"io"
	"net/url"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// calendarWithin is how far ahead the published calendar looks: a year, so
// a subscriber sees next year's evaluations, not only the next weeks'.
var calendarWithin = period.Duration{Years: 1}

// followLink is a feed or calendar a page points to, in its head
// (autodiscovery) and in the text.
type followLink struct {
	URL   string
	Type  string // media type
	Title string
}

// follows lists the feed and the calendar as seen from a page at root.
func (b *builder) follows(lang, root string) []followLink {
	var out []followLink
	if b.opts.Feed != nil {
		out = append(out, followLink{URL: root + pageurl.FeedPath, Type: "application/atom+xml", Title: t(lang, "feedtitle")})
	}
	out = append(out, followLink{URL: root + pageurl.CalendarPath, Type: "text/calendar", Title: t(lang, "calendartitle")})
	return out
}

// followJobs write the feed and the calendar, straight to the disk: the
// calendar has an event for each record that falls due, tens of
// megabytes for a large register.
func (b *builder) followJobs() []job {
	js := []job{b.calendarJob()}
	if b.opts.Feed != nil {
		js = append(js, job{path: pageurl.FeedPath, stream: func(w io.Writer) error { return b.opts.Feed(w, b.pub.FreeText) }})
	}
	return js
}

// calendarJob publishes what falls due for the public records
// (calendarReport), should its key (calendarKey) have changed.
func (b *builder) calendarJob() job {
	return job{path: pageurl.CalendarPath, key: b.calendarKey(),
		stream: func(w io.Writer) error { return lifecycle.WriteICal(w, b.calendarReport()) }}
}

// calendarReport is the published calendar, in the site's first language:
// each event names the record and links its page, and carries no owner
// contact or internal detail. A date whose field is withheld stays out.
func (b *builder) calendarReport() lifecycle.Report {
	var items []lifecycle.Item
	for _, it := range lifecycle.Due(b.reg, b.today, calendarWithin) {
		if b.onCalendar(it) {
			items = append(items, it)
		}
	}
	rep := lifecycle.Report{Today: b.today, Within: calendarWithin, Items: items, Title: b.cfg.Site.Title,
		Language: b.langs[0], Now: b.opts.Now, Public: true,
		PageURL: func(r *record.Record) string { return pageurl.RecordURL(b.cfg, r.Kind, r.ID) }}
	if rep.Title == "" {
		rep.Title = "Sensor- en algoritmeregister"
	}
	if u := b.baseURL(); u != nil {
		rep.Host = u.Hostname()
	}
	return rep
}

// onCalendar reports whether the published calendar shows an item: one
// of a public record that the public may see falls due.
func (b *builder) onCalendar(it lifecycle.Item) bool {
	return b.isPublic(it.Record) && publish.DueShown(it)
}

// isPublic reports whether a record is on the site.
func (b *builder) isPublic(r *record.Record) bool { return b.publicSet[r] }

// baseURL is the site's configured address, or nil without one.
func (b *builder) baseURL() *url.URL {
	u, err := url.Parse(b.cfg.Site.BaseURL)
	if err != nil || b.cfg.Site.BaseURL == "" || u.Host == "" {
		return nil
	}
	return u
}
