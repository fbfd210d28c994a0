// Package pageurl names the pages of the public site: the path of each page
// in each language and its address under the site's base URL. The site
// writes its pages there, and the change feed, the exports and the SARIF
// rule help link to them, so the names are decided here once.
package pageurl

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// Segments are the path parts of pages, per language (Dutch, English):
// Dutch URLs for the Dutch site, English under /en/. They are part of the
// site's interface (people link to record pages), so they never change.
var Segments = map[string]label.Text{
	"home":       {"index.html", "index.html"},
	"sensor":     {"sensoren", "sensors"},
	"algorithm":  {"algoritmes", "algorithms"},
	"map":        {"kaart.html", "map.html"},
	"principles": {"principes.html", "principles.html"},
	"search":     {"zoeken.html", "search.html"},
	"a11y":       {"toegankelijkheid.html", "accessibility.html"},
	"opendata":   {"open-data.html", "open-data.html"},
	"notify":     {"meld-een-sensor.html", "report-a-sensor.html"},
}

// FeedPath and CalendarPath are where the change feed (Atom) and the due
// calendar (iCalendar) are published, from the site's root. People
// subscribe to them, so they never move.
const (
	FeedPath     = "changes.xml"
	CalendarPath = "due.ics"
)

// RecordFile is the file name (without .html) of a record's page. The list
// of a kind is index.html in the same folder, so the record with id
// "index" gets "index_": an id never holds "_" (record.ValidID), so no
// other record can have that name.
func RecordFile(id string) string {
	if id == "index" {
		return id + "_"
	}
	return id
}

// RecordPath is the path of a record's page from the site's root, in the
// language the root is in (the site's first language, config.Language), such
// as "sensoren/cam-markt.html".
func RecordPath(rootLang string, k record.Kind, id string) string {
	return Segments[string(k)].In(rootLang) + "/" + RecordFile(id) + ".html"
}

// URL is path under the site's base URL, or "" when the configuration has
// no base URL.
func URL(cfg *config.Config, path string) string {
	if cfg == nil || cfg.Site.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(cfg.Site.BaseURL, "/") + "/" + path
}

// RecordURL is the record's page under the site's base URL, or "" when the
// configuration has no base URL.
func RecordURL(cfg *config.Config, k record.Kind, id string) string {
	if cfg == nil {
		return ""
	}
	return URL(cfg, RecordPath(cfg.Language(), k, id))
}

// RuleURL is a checklist rule's entry on the site's principles page, or ""
// when the configuration has no base URL. SARIF links it as the rule's help.
func RuleURL(cfg *config.Config, id string) string {
	if cfg == nil {
		return ""
	}
	return URL(cfg, Segments["principles"].In(cfg.Language())+"#rule-"+id)
}
