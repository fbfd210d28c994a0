// Package feed writes the register's change feed: an Atom feed (RFC 4287)
// of records added, changed and removed, so residents, journalists and
// council members can follow the register in a feed reader.
//
// The feed is public. It leaves out records that are not public, shows
// withheld fields as withheld without their values, and names commit
// authors only when the configuration allows it (site.show_commit_authors).
package feed

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/site"
)

// Options say how to build the feed.
type Options struct {
	// Title of the feed; the site's title is a good choice.
	Title string
	// Organisation is the feed's author (the municipality).
	Organisation string
	// BaseURL is the public site's address; entries link to it and the
	// feed's id derives from it. May be empty.
	BaseURL string
	// SelfURL is where the feed itself is published. May be empty.
	SelfURL string
	// Language is "nl" or "en".
	Language string
	// ShowAuthors names commit authors in entries.
	ShowAuthors bool
	// Record returns the record at HEAD for a file relative to the register
	// root, or nil when it no longer exists.
	Record func(file string) *record.Record
	// Now is when the feed is written, for an empty feed's updated date.
	Now time.Time
}

// Entry is one record's change in one commit.
type Entry struct {
	ID       string
	Op       history.Op
	RecordID string
	Name     string
	When     time.Time
	Author   string // empty unless authors are shown
	Lines    []string
	// Page is the record's page from the site's root, when the record is
	// in the register now (a removed record has none).
	Page string
}

// Entries turns a change set into feed entries, newest first: one per
// commit per record, leaving out records that are not public and files that
// are not records (register.yaml, a README).
func Entries(cs *history.ChangeSet, o Options) []Entry {
	var out []Entry
	for _, rc := range cs.Records {
		for _, c := range rc.Commits {
			if _, ok := record.KindOfFile(c.File); !ok {
				continue
			}
			rec := lookup(o, c.File, rc.File)
			public, withheld := visibility(rec, c)
			if !public {
				continue
			}
			e := Entry{ID: entryID(c.Commit, c.File), Op: c.Op, When: c.When, RecordID: idOf(c.File), Lines: lines(c, withheld, o.Language)}
			if rec != nil {
				e.RecordID, e.Name, e.Page = rec.ID, rec.Name, recordPage(o.Language, rec, rc.File)
			} else if name, ok := fieldOf(c, "name"); ok {
				e.Name = name
			}
			if o.ShowAuthors {
				e.Author = c.Author
			}
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		if c := b.When.Compare(a.When); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func lookup(o Options, files ...string) *record.Record {
	if o.Record == nil {
		return nil
	}
	for _, f := range files {
		if r := o.Record(f); r != nil {
			return r
		}
	}
	return nil
}

// visibility decides from the record at HEAD, or for a removed record from
// its last version, whether the record is public and which fields are
// withheld.
func visibility(rec *record.Record, c history.Change) (bool, func(pointer string) bool) {
	if rec != nil {
		return rec.IsPublic(), func(p string) bool { return rec.IsWithheld(dotted(p)) }
	}
	// Removed: the whole old record is in the one change at "".
	for _, f := range c.Fields {
		if f.Path != "" {
			continue
		}
		m, _ := f.Old.(map[string]any)
		if m == nil {
			m, _ = f.New.(map[string]any)
		}
		pub, _ := m["publication"].(map[string]any)
		if p, ok := pub["public"].(bool); ok && !p {
			return false, nil
		}
		var withheld []string
		if ws, ok := pub["withheld"].([]any); ok {
			for _, w := range ws {
				if s, ok := w.(string); ok {
					withheld = append(withheld, s)
				}
			}
		}
		r := &record.Record{Publication: &record.Publication{Withheld: withheld}}
		return true, func(p string) bool { return r.IsWithheld(dotted(p)) }
	}
	// Nothing known about the record: a file that is not a record, or one
	// that could not be read. Show that it changed, not what.
	return true, func(string) bool { return true }
}

// dotted turns "/location/point/lat" into "location.point.lat", the form
// publication.withheld uses.
func dotted(pointer string) string {
	return strings.ReplaceAll(strings.TrimPrefix(pointer, "/"), "/", ".")
}

func idOf(file string) string {
	base := file[strings.LastIndex(file, "/")+1:]
	return strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
}

func fieldOf(c history.Change, key string) (string, bool) {
	for _, f := range c.Fields {
		if f.Path == "" {
			for _, v := range []any{f.New, f.Old} {
				if m, ok := v.(map[string]any); ok {
					if s, ok := m[key].(string); ok {
						return s, true
					}
				}
			}
		}
	}
	return "", false
}

// entryID is a stable IRI for a record's change in a commit: a name-based
// UUID, so a feed reader never shows the same change twice.
func entryID(commit, file string) string {
	sum := sha1.Sum([]byte("register-change\x00" + commit + "\x00" + file))
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

var words = map[string]map[string]string{
	"nl": {
		"added": "Nieuw", "changed": "Gewijzigd", "removed": "Verwijderd", "renamed": "Hernoemd",
		"added-line": "Nieuw in het register.", "removed-line": "Verwijderd uit het register.",
		"renamed-line": "Nieuw kenmerk (id): %s, was %s.", "withheld": "niet openbaar",
		"field-added": "%s toegevoegd: %s", "field-removed": "%s verwijderd", "field-changed": "%s: %s → %s",
		"unreadable": "De wijziging kon niet worden gelezen.", "changes": "Wijzigingen",
	},
	"en": {
		"added": "Added", "changed": "Changed", "removed": "Removed", "renamed": "Renamed",
		"added-line": "New in the register.", "removed-line": "Removed from the register.",
		"renamed-line": "New identifier: %s, was %s.", "withheld": "withheld",
		"field-added": "%s added: %s", "field-removed": "%s removed", "field-changed": "%s: %s → %s",
		"unreadable": "The change could not be read.", "changes": "Changes",
	},
}

func word(lang, key string) string {
	if w, ok := words[lang]; ok {
		return w[key]
	}
	return words["nl"][key]
}

// lines describes the change in plain text, one line per field, with
// withheld values left out.
func lines(c history.Change, withheld func(string) bool, lang string) []string {
	var out []string
	switch c.Op {
	case history.Added:
		out = append(out, word(lang, "added-line"))
	case history.Removed:
		return []string{word(lang, "removed-line")}
	case history.Renamed:
		out = append(out, fmt.Sprintf(word(lang, "renamed-line"), idOf(c.File), idOf(c.OldFile)))
	}
	if c.Problem != "" && c.Op != history.Added {
		return append(out, word(lang, "unreadable"))
	}
	for _, f := range c.Fields {
		if f.Path == "" {
			continue // the whole record, for an addition
		}
		name := dotted(f.Path)
		val := func(v any) string {
			if withheld(f.Path) {
				return word(lang, "withheld")
			}
			return fielddiff.Format(v)
		}
		switch f.Op {
		case fielddiff.Added:
			out = append(out, fmt.Sprintf(word(lang, "field-added"), name, val(f.New)))
		case fielddiff.Removed:
			out = append(out, fmt.Sprintf(word(lang, "field-removed"), name))
		default:
			out = append(out, fmt.Sprintf(word(lang, "field-changed"), name, val(f.Old), val(f.New)))
		}
	}
	return out
}

// Atom document types.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  *atomPerson `xml:"author,omitempty"`
	Links   []atomLink  `xml:"link"`
	Content atomText    `xml:"content"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// Write writes the entries as an Atom feed.
func Write(w io.Writer, entries []Entry, o Options) error {
	lang := o.Language
	if _, ok := words[lang]; !ok {
		lang = "nl"
	}
	title := o.Title
	if title == "" {
		title = "Register"
	}
	f := atomFeed{Lang: lang, Title: title + ": " + strings.ToLower(word(lang, "changes")),
		Author: atomPerson{Name: cmpOr(o.Organisation, title)}}
	f.ID = feedID(o)
	updated := o.Now
	if len(entries) > 0 {
		updated = entries[0].When
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	if o.SelfURL != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Href: o.SelfURL})
	}
	if o.BaseURL != "" {
		f.Links = append(f.Links, atomLink{Rel: "alternate", Href: o.BaseURL})
	}
	for _, e := range entries {
		name := e.RecordID
		if e.Name != "" {
			name = e.Name + " (" + e.RecordID + ")"
		}
		ae := atomEntry{ID: e.ID, Title: word(lang, string(e.Op)) + ": " + name, Updated: e.When.UTC().Format(time.RFC3339),
			Content: atomText{Type: "text", Body: strings.Join(e.Lines, "\n")}}
		if e.Author != "" {
			ae.Author = &atomPerson{Name: e.Author}
		}
		if o.BaseURL != "" {
			ae.Links = []atomLink{{Rel: "alternate", Href: strings.TrimSuffix(o.BaseURL, "/") + "/" + e.Page}}
		}
		f.Entries = append(f.Entries, ae)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func feedID(o Options) string {
	switch {
	case o.SelfURL != "":
		return o.SelfURL
	case o.BaseURL != "":
		return strings.TrimSuffix(o.BaseURL, "/") + "/changes.xml"
	}
	return entryID("feed", o.Organisation+"\x00"+o.Title)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// recordPage is the record's page on the site: its kind is the record's own,
// or the one its folder holds.
func recordPage(lang string, r *record.Record, file string) string {
	k := r.Kind
	if k == "" {
		k, _ = record.KindOfFile(file)
	}
	return site.RecordPath(lang, k, r.ID)
}
