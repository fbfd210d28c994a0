// Package feed writes the register's change feed: an Atom feed (RFC 4287)
// of records added, changed and removed, so residents, journalists and
// council members can follow the register in a feed reader.
//
// The feed is public. It leaves out records that are not public, shows
// withheld fields as withheld without their values, and names commit
// authors only when the configuration allows it (site.show_commit_authors).
package feed

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Options say how to build the feed.
type Options struct {
	// Title of the feed; the site's title is a good choice.
	Title string
	// Organisation is the feed's author (the municipality).
	Organisation string
	// BaseURL is the public site's address; entries link to it and the
	// feed's id derives from it. Write refuses to write without it.
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
	// PublicID reports whether a record id names a public record at HEAD,
	// so uses_sensors shows only those; nil shows none.
	PublicID func(id string) bool
	// Text returns a text people wrote (a reason for what a record
	// withholds, a field's value in any version) as the public outputs
	// show it (publish.Public.FreeText), without any record's secret
	// now; nil shows no such text, nor any value of a change.
	Text func(s, lang string) string
	// Now is when the feed is written, for an empty feed's updated date.
	Now time.Time
	// Limit caps the entries, newest first; 0 keeps them all.
	Limit int
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
// are not records (register.yaml, a README). With o.Limit it returns the
// newest o.Limit entries, and reads the field diffs of only the commits it
// needs to decide them (history.ChangeSet.Read): a year in which every
// record was added costs a few hundred diffs, not one per record.
func Entries(cs *history.ChangeSet, o Options) []Entry {
	// Every commit that may make an entry, in the feed's order; whether
	// it does, and what it shows, depends on the record's newer commits.
	var cands []candidate
	for ri, rc := range cs.Records {
		for ci, c := range rc.Commits {
			if _, ok := record.KindOfFile(c.File); !ok {
				break
			}
			cands = append(cands, candidate{c.When, entryUUID(c.Commit, c.File), ri, ci})
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := b.when.Compare(a.when); c != 0 {
			return c
		}
		return bytes.Compare(a.id[:], b.id[:])
	})
	if o.Limit > 0 {
		prefetch(cs, cands[:min(o.Limit, len(cands))], o)
	}
	walks := make([]*walk, len(cs.Records))
	var out []Entry
	for _, k := range cands {
		if o.Limit > 0 && len(out) == o.Limit {
			break
		}
		w := walks[k.rec]
		if w == nil {
			w = &walk{cs: cs, rc: &cs.Records[k.rec], o: o}
			walks[k.rec] = w
		}
		if e, ok := w.entry(k.step); ok {
			out = append(out, e)
		}
	}
	return out
}

// candidate is a commit of the record cs.Records[rec] (its commit step)
// that may make an entry. Candidates of the same time go in the order of
// their entries' ids: id is the UUID, whose bytes order as its text does,
// and which is written out only for the entries the feed shows.
type candidate struct {
	when      time.Time
	id        [16]byte
	rec, step int
}

// prefetch reads at once, on every core, the field diffs the newest
// entries will ask for: those of the first candidates and of their
// records' newer commits, which decide what they show. A record that is
// not public now makes no entry, and its diffs are left.
func prefetch(cs *history.ChangeSet, first []candidate, o Options) {
	var changes []*history.Change
	upTo := map[int]int{} // per record, the commits gathered so far
	for _, k := range first {
		ri, step := k.rec, k.step
		rc := &cs.Records[ri]
		if rec := lookup(o, rc.Commits[0].File, rc.File); rec != nil && !rec.IsPublic() {
			continue
		}
		for i := upTo[ri]; i <= step; i++ {
			changes = append(changes, &rc.Commits[i])
		}
		upTo[ri] = max(upTo[ri], step+1)
	}
	cs.ReadAll(changes)
}

// walk goes through one record's commits, newest first, as far as asked,
// judging each as publish.PublicPast does: an entry is made for a commit
// after which the record was public, and shows a value only when it was
// public when written and under every version since; a commit that made the record
// public is shown as its addition, and older commits get no entry.
type walk struct {
	cs *history.ChangeSet
	rc *history.RecordChange
	o  Options

	entries []*Entry // per commit walked; nil: none
	past    *publish.PublicPast
	done    bool
}

// entry returns the entry of the record's commit i, if it has one.
func (w *walk) entry(i int) (Entry, bool) {
	for len(w.entries) <= i && !w.done {
		w.step()
	}
	if i < len(w.entries) && w.entries[i] != nil {
		return *w.entries[i], true
	}
	return Entry{}, false
}

func (w *walk) step() {
	i := len(w.entries)
	if i == len(w.rc.Commits) || (w.past != nil && w.past.Done()) {
		w.done = true
		return
	}
	c := &w.rc.Commits[i]
	if _, ok := record.KindOfFile(c.File); !ok {
		w.done = true
		return
	}
	w.cs.Read(c)
	rec := lookup(w.o, c.File, w.rc.File)
	if i == 0 {
		w.past = publish.NewPublicPast(visibility(rec, *c))
	} else if rec == nil {
		// A removed record has its removal alone.
		w.done = true
		return
	}
	seen := w.past.Next(c.Op, c.Fields, c.Problem)
	var e *Entry
	if seen.Shown {
		made := *c
		if seen.Added && c.Op != history.Added {
			// Made public: new to the public, with nothing of what it
			// was before.
			made.Op, made.Fields, made.Problem = history.Added, nil, nil
		}
		en := entry(made, *w.rc, rec, rules{now: seen.Now, after: seen.After, before: seen.Before}, w.o)
		e = &en
	}
	w.entries = append(w.entries, e)
}

// rules are the publication rules that decide what an entry shows: the
// record's now, and those in effect after and before its commit (nil
// where there were none or they are not known, which shows nothing). A
// value is shown only when it was public when it was written and is
// public now.
type rules struct{ now, after, before *record.Record }

// then returns the rules a value was written under: those after the
// commit, or before it (old).
func (r rules) then(old bool) *record.Record {
	if old {
		return r.before
	}
	return r.after
}

// entry is the feed's entry for the commit c of the record rc (rec now).
func entry(c history.Change, rc history.RecordChange, rec *record.Record, at rules, o Options) Entry {
	e := Entry{ID: entryID(c.Commit, c.File), Op: c.Op, When: c.When, RecordID: idOf(c.File), Lines: lines(c, at, o)}
	if rec != nil {
		e.RecordID, e.Page = rec.ID, recordPage(o.Language, rec, rc.File)
	}
	if publish.Shown(at.now, "name") {
		if rec != nil {
			e.Name = rec.Name
		} else if name, ok := fieldOf(c, "name"); ok {
			e.Name = name
		}
	}
	if o.ShowAuthors {
		e.Author = c.Author
	}
	return e
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

// visibility returns the record whose publication rules decide what the
// entry shows: the record at HEAD, or for a removed record its last
// version; nil when nothing is known of the record.
func visibility(rec *record.Record, c history.Change) *record.Record {
	kind, _ := record.KindOfFile(c.File)
	if rec != nil {
		if rec.Kind == "" {
			// The fields a record may have depend on its kind; the
			// loader sets it from the folder, and so does this.
			r := *rec
			r.Kind = kind
			return &r
		}
		return rec
	}
	// Removed: the whole old record is in the one change at "".
	for _, f := range c.Fields {
		if f.Path != "" {
			continue
		}
		v := f.Old
		if v == nil {
			v = f.New
		}
		return publish.FromValue(v, kind)
	}
	return nil
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
	u := entryUUID(commit, file)
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// entryUUID is entryID's UUID. Its text is its bytes in hexadecimal, in
// groups of fixed length, so two compare as their texts do.
func entryUUID(commit, file string) [16]byte {
	sum := sha1.Sum([]byte("register-change\x00" + commit + "\x00" + file))
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	return [16]byte(sum[:16])
}

var words = map[string]map[string]string{
	"nl": {
		"added": "Nieuw", "changed": "Gewijzigd", "removed": "Verwijderd", "renamed": "Hernoemd",
		"added-line": "Nieuw in het register.", "removed-line": "Verwijderd uit het register.",
		"renamed-line": "Nieuw kenmerk (id): %s, was %s.", "renamed-new-line": "Nieuw kenmerk (id): %s.",
		"field-added": "%s (nieuw): %s", "field-removed": "%s (verwijderd)", "field-changed": "%s: %s → %s",
		"unreadable": "De wijziging kon niet worden gelezen.", "changes": "Wijzigingen",
	},
	"en": {
		"added": "Added", "changed": "Changed", "removed": "Removed", "renamed": "Renamed",
		"added-line": "New in the register.", "removed-line": "Removed from the register.",
		"renamed-line": "New identifier: %s, was %s.", "renamed-new-line": "New identifier: %s.",
		"field-added": "%s (new): %s", "field-removed": "%s (removed)", "field-changed": "%s: %s → %s",
		"unreadable": "The change could not be read.", "changes": "Changes",
	},
}

func word(lang, key string) string {
	if w, ok := words[lang]; ok {
		return w[key]
	}
	return words["nl"][key]
}

// lines describes the change in plain text, one line per field the public
// may see, with withheld values left out (see publish.Shown).
func lines(c history.Change, at rules, o Options) []string {
	lang := o.Language
	rules := at.now
	var out []string
	switch c.Op {
	case history.Added:
		out = append(out, word(lang, "added-line"))
	case history.Removed:
		return []string{word(lang, "removed-line")}
	case history.Renamed:
		// The old id was public only if the record was.
		if at.before != nil && at.before.IsPublic() {
			out = append(out, fmt.Sprintf(word(lang, "renamed-line"), idOf(c.File), idOf(c.OldFile)))
		} else {
			out = append(out, fmt.Sprintf(word(lang, "renamed-new-line"), idOf(c.File)))
		}
	}
	if c.Problem != nil && c.Op != history.Added {
		return append(out, word(lang, "unreadable"))
	}
	// As on the site: "niet openbaar (Reden: ...)".
	withheld := publish.Notice(lang, o.text(publish.Reason(rules, lang), lang))
	// What the entry leaves out of the values it shows, which a reason
	// written in the same commit may quote.
	var unshown []any
	reasons := map[int]fielddiff.Change{}
	told := map[string]bool{} // the withheld fields said to have changed
	for _, f := range c.Fields {
		if f.Path == "" {
			continue // the whole record, for an addition
		}
		name := source.Dotted(f.Path)
		if !publish.Shown(rules, name) && !withheldField(rules, name) {
			// A field the record format does not know, or an internal
			// one: not even its name, which could say too much.
			unshown = append(unshown, f.Old, f.New)
			continue
		}
		if part := publish.WithheldPart(rules, name); part != "" {
			// Withheld: that it changed, once, as the record's page
			// says; not which of its elements were added or removed,
			// nor how many it has.
			unshown = append(unshown, f.Old, f.New)
			if !told[part] {
				told[part] = true
				out = append(out, fmt.Sprintf(word(lang, "field-changed"), field.Name(lang, part), withheld, withheld))
			}
			continue
		}
		val := func(v any, old bool) string {
			s, value := shownValue(name, v, rules, at.then(old), withheld, o)
			if s != fielddiff.Format(v) {
				unshown = append(unshown, v)
			}
			if !value {
				return s
			}
			// An old version's text may quote what a record
			// withholds now.
			return publish.ChangeValue(o.Text, s, lang)
		}
		if publish.IsReason(name) && publish.Shown(rules, name) {
			// Shown once every other field's is known.
			reasons[len(out)] = f
			out = append(out, "")
			continue
		}
		out = append(out, changeLine(lang, name, f, val))
	}
	for i, f := range reasons {
		name := source.Dotted(f.Path)
		val := func(v any, old bool) string {
			s, value := shownValue(name, v, rules, at.then(old), withheld, o)
			if !value || s != fielddiff.Format(v) {
				return s
			}
			return publish.ChangeValue(o.Text, s, lang, unshown...)
		}
		out[i] = changeLine(lang, name, f, val)
	}
	return out
}

// changeLine is the line of the change f to the field name, its values
// as val shows them (old: the value before). The field is named as the
// packet and the site name it, in words a resident reads ("Besluiten 2 ›
// date"), not by the record's keys.
func changeLine(lang, name string, f fielddiff.Change, val func(v any, old bool) string) string {
	shown := field.Name(lang, name)
	switch f.Op {
	case fielddiff.Added:
		return fmt.Sprintf(word(lang, "field-added"), shown, val(f.New, false))
	case fielddiff.Removed:
		return fmt.Sprintf(word(lang, "field-removed"), shown)
	default:
		return fmt.Sprintf(word(lang, "field-changed"), shown, val(f.Old, true), val(f.New, false))
	}
}

// shownValue is the value v of the field name as the entry shows it,
// before the register-wide scrub of its text (publish.ChangeValue):
// withheld (the notice) when the record's rules now (rules) keep it out,
// not public when the rules of the time (then) did, uses_sensors with only
// public ids. value says whether it is a value, not a notice.
func shownValue(name string, v any, rules, then *record.Record, withheld string, o Options) (s string, value bool) {
	if !publish.Shown(rules, name) {
		return withheld, false
	}
	v = publish.Prune(rules, name, v)
	if v != nil {
		// What was not public when it was written is not
		// public now; the reason of then is not told.
		if v = publish.Prune(then, name, v); v == nil {
			return publish.NotPublic(o.Language), false
		}
	}
	if name == "uses_sensors" || strings.HasPrefix(name, "uses_sensors.") {
		v = publicIDs(v, o.PublicID)
	}
	if v == nil {
		return withheld, false
	}
	return fielddiff.Format(v), true
}

// text is o.Text, or nothing when there is none.
func (o Options) text(s, lang string) string {
	if o.Text == nil {
		return ""
	}
	return o.Text(s, lang)
}

// withheldField reports whether a changed field is one the record format
// knows and the record withholds: it is named, with "niet openbaar" for its
// value (an internal note or an unknown key is not named at all).
func withheldField(rules *record.Record, name string) bool {
	want := field.Bare(name)
	for _, f := range publish.Fields(rules.Kind) {
		if f.Path == want {
			return rules.IsWithheld(name) // both forms of a withheld position too
		}
	}
	return false
}

// publicIDs keeps the sensor ids that name public records.
func publicIDs(v any, public func(string) bool) any {
	switch t := v.(type) {
	case string:
		if public != nil && public(t) {
			return t
		}
		return nil
	case []any:
		out := make([]any, 0, len(t))
		for _, id := range t {
			if s, ok := id.(string); ok && public != nil && public(s) {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
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

// ErrNoBaseURL is returned for a feed without the site's address: a feed
// reader needs absolute links to open an entry, and a feed id that stays the
// same wherever the feed is read.
var ErrNoBaseURL = message.New("the change feed needs the public site's address: set site.base_url in register.yaml (for example https://register.mijnstad.nl/)",
	"de wijzigingenfeed heeft het adres van de openbare site nodig: zet site.base_url in register.yaml (bijvoorbeeld https://register.mijnstad.nl/)").Err()

// Write writes the entries as an Atom feed. It needs o.BaseURL.
func Write(w io.Writer, entries []Entry, o Options) error {
	if strings.TrimSpace(o.BaseURL) == "" {
		return ErrNoBaseURL
	}
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
	if o.SelfURL != "" {
		return o.SelfURL
	}
	return strings.TrimSuffix(o.BaseURL, "/") + "/" + pageurl.FeedPath
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
	return pageurl.RecordPath(lang, k, r.ID)
}
