package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func changeSet() *history.ChangeSet {
	return &history.ChangeSet{Since: "v1", Records: []history.RecordChange{
		{Op: history.Changed, File: "sensors/cam-markt.yaml", Commits: []history.Change{
			{Commit: "c3", Author: "Bob", When: at("2026-03-01T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-markt.yaml",
				Fields: []fielddiff.Change{
					{Path: "/retention", Op: fielddiff.Changed, Old: "P28D", New: "P7D"},
					{Path: "/location/point/lat", Op: fielddiff.Changed, Old: "52.1", New: "52.2"},
					{Path: "/problem", Op: fielddiff.Removed, Old: "x"},
				}},
			{Commit: "c1", Author: "Alice", When: at("2026-01-10T10:00:00+01:00"), Op: history.Added, File: "sensors/cam-markt.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Added, New: map[string]any{"id": "cam-markt"}}}},
		}},
		{Op: history.Added, File: "sensors/geheim.yaml", Commits: []history.Change{
			{Commit: "c2", Author: "Carol", When: at("2026-02-01T10:00:00+01:00"), Op: history.Added, File: "sensors/geheim.yaml"},
		}},
		{Op: history.Removed, File: "algorithms/oud.yaml", Commits: []history.Change{
			{Commit: "c4", Author: "Dave", When: at("2026-04-01T10:00:00+02:00"), Op: history.Removed, File: "algorithms/oud.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: map[string]any{"id": "oud", "name": "Oud algoritme"}}}},
		}},
		{Op: history.Removed, File: "algorithms/intern.yaml", Commits: []history.Change{
			{Commit: "c5", Author: "Eve", When: at("2026-05-01T10:00:00+02:00"), Op: history.Removed, File: "algorithms/intern.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: map[string]any{"id": "intern",
					"publication": map[string]any{"public": false, "reason": "Woo 5.1"}}}}},
		}},
		{Op: history.Changed, File: "register.yaml", Commits: []history.Change{
			{Commit: "c7", When: at("2026-07-01T10:00:00+02:00"), Op: history.Changed, File: "register.yaml",
				Fields: []fielddiff.Change{{Path: "/due_within", Op: fielddiff.Added, New: "P60D"}}},
		}},
		{Op: history.Renamed, File: "sensors/geluid-plein.yaml", OldFile: "sensors/geluid.yaml", Commits: []history.Change{
			{Commit: "c6", Author: "Frank", When: at("2026-06-01T10:00:00+02:00"), Op: history.Renamed, File: "sensors/geluid-plein.yaml",
				OldFile: "sensors/geluid.yaml", Fields: []fielddiff.Change{{Path: "/id", Op: fielddiff.Changed, Old: "geluid", New: "geluid-plein"}}},
		}},
	}}
}

func options(lang string, authors bool) Options {
	f := false
	recs := map[string]*record.Record{
		"sensors/cam-markt.yaml":    {ID: "cam-markt", Name: "Camera's op de Markt", Publication: &record.Publication{Withheld: []string{"location.point"}}},
		"sensors/geheim.yaml":       {ID: "geheim", Name: "Geheim", Publication: &record.Publication{Public: &f, Reason: "Woo"}},
		"sensors/geluid-plein.yaml": {ID: "geluid-plein", Name: "Geluid op het plein"},
	}
	return Options{Title: "Sensorregister", Organisation: "Gemeente Voorbeeldstad", BaseURL: "https://register.voorbeeldstad.example/",
		Language: lang, ShowAuthors: authors, Record: func(f string) *record.Record { return recs[f] }, Now: at("2026-11-24T08:00:00Z"),
		Text: publish.NewViewer(slices.Collect(maps.Values(recs))).FreeText}
}

type parsed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  string `xml:"author>name"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func write(t *testing.T, o Options) parsed {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, Entries(changeSet(), o), o); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`+o.Language+`">`) {
		t.Errorf("head: %.120s", buf.String())
	}
	var p parsed
	if err := xml.Unmarshal(buf.Bytes(), &p); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	return p
}

func TestFeed(t *testing.T) {
	p := write(t, options("nl", false))
	if p.ID != "https://register.voorbeeldstad.example/changes.xml" || p.Title != "Sensorregister: wijzigingen" ||
		p.Updated != "2026-06-01T08:00:00Z" || p.Author != "Gemeente Voorbeeldstad" {
		t.Errorf("feed head: %+v", p)
	}
	want := []struct{ title, updated, body string }{
		{"Hernoemd: Geluid op het plein (geluid-plein)", "2026-06-01T08:00:00Z", "Nieuw kenmerk (id): geluid-plein, was geluid.\nKenmerk: geluid → geluid-plein"},
		{"Verwijderd: Oud algoritme (oud)", "2026-04-01T08:00:00Z", "Verwijderd uit het register."},
		{"Gewijzigd: Camera's op de Markt (cam-markt)", "2026-03-01T09:00:00Z",
			"Bewaartermijn: P28D → P7D\nPunt (WGS84): niet openbaar → niet openbaar\nWelk probleem lost het op? (verwijderd)"},
		{"Nieuw: Camera's op de Markt (cam-markt)", "2026-01-10T09:00:00Z", "Nieuw in het register."},
	}
	if len(p.Entries) != len(want) {
		t.Fatalf("got %d entries, want %d (non-public records left out): %+v", len(p.Entries), len(want), p.Entries)
	}
	for i, w := range want {
		e := p.Entries[i]
		if e.Title != w.title || e.Updated != w.updated || e.Content.Body != w.body || e.Content.Type != "text" || e.Author != "" {
			t.Errorf("entry %d:\n got %q %q %q author %q\nwant %q %q %q", i, e.Title, e.Updated, e.Content.Body, e.Author, w.title, w.updated, w.body)
		}
		if !strings.HasPrefix(e.ID, "urn:uuid:") || len(e.ID) != len("urn:uuid:")+36 {
			t.Errorf("entry %d id %q is not a UUID URN", i, e.ID)
		}
	}
	// Entries link to the record's page; a removed record has none.
	for i, href := range []string{
		"https://register.voorbeeldstad.example/sensoren/geluid-plein.html",
		"https://register.voorbeeldstad.example/",
		"https://register.voorbeeldstad.example/sensoren/cam-markt.html",
	} {
		if p.Entries[i].Link.Href != href {
			t.Errorf("entry %d links to %q, want %q", i, p.Entries[i].Link.Href, href)
		}
	}
	// Ids are stable across runs and differ between entries.
	again := write(t, options("nl", false))
	if again.Entries[0].ID != p.Entries[0].ID || p.Entries[0].ID == p.Entries[1].ID {
		t.Errorf("ids: %q %q %q", p.Entries[0].ID, again.Entries[0].ID, p.Entries[1].ID)
	}
}

func TestFeedEnglishWithAuthors(t *testing.T) {
	p := write(t, options("en", true))
	if p.Title != "Sensorregister: changes" || len(p.Entries) != 4 {
		t.Fatalf("feed: %+v", p)
	}
	e := p.Entries[2]
	if e.Title != "Changed: Camera's op de Markt (cam-markt)" || e.Author != "Bob" ||
		e.Content.Body != "Retention period: P28D → P7D\nPoint (WGS84): not public → not public\nWhich problem does it solve? (removed)" {
		t.Errorf("entry: %+v", e)
	}
}

func TestEmptyFeed(t *testing.T) {
	var buf bytes.Buffer
	o := Options{Now: at("2026-11-24T08:00:00+01:00"), BaseURL: "https://register.example/"}
	if err := Write(&buf, Entries(&history.ChangeSet{}, o), o); err != nil {
		t.Fatal(err)
	}
	var p parsed
	if err := xml.Unmarshal(buf.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Updated != "2026-11-24T07:00:00Z" || len(p.Entries) != 0 || p.Title != "Register: wijzigingen" || p.ID != "https://register.example/changes.xml" {
		t.Errorf("empty feed: %+v", p)
	}
}

// The feed shows a change the way the record's public view would: withheld
// paths match list elements and sub-fields, a list item added whole keeps
// only its public fields, internal notes and unknown keys stay out, and a
// record the feed cannot prove public has no entry at all.
func TestFeedKeepsWithheldValuesOut(t *testing.T) {
	f := false
	recs := map[string]*record.Record{
		"algorithms/alg.yaml": {ID: "alg", Kind: record.Algorithm, Name: "Toeslagen",
			Publication: &record.Publication{Withheld: []string{"datasets.url", "name"}, Reason: "ruwe reden met geheim"}},
		"sensors/cam.yaml": {ID: "cam", Kind: record.Sensor, Name: "Camera"},
	}
	public := map[string]bool{"cam": true}
	cs := &history.ChangeSet{Records: []history.RecordChange{
		{Op: history.Changed, File: "algorithms/alg.yaml", Commits: []history.Change{
			{Commit: "a1", When: at("2026-03-01T10:00:00+01:00"), Op: history.Changed, File: "algorithms/alg.yaml",
				Fields: []fielddiff.Change{
					{Path: "/datasets/0/url", Op: fielddiff.Changed, Old: "https://geheim.example/oud", New: "https://geheim.example/nieuw"},
					{Path: "/datasets/1", Op: fielddiff.Added, New: map[string]any{"name": "BRP", "url": "https://geheim.example/brp"}},
					{Path: "/uses_sensors", Op: fielddiff.Changed, Old: []any{"cam"}, New: []any{"cam", "cam-geheim"}},
					{Path: "/incidents/0/delay_reason", Op: fielddiff.Added, New: "intern-overleg"},
					{Path: "/notities", Op: fielddiff.Added, New: "geheime-notitie"},
					{Path: "/name", Op: fielddiff.Changed, Old: "Oude-naam", New: "Toeslagen"},
				}},
		}},
		// A file that does not parse at HEAD: nothing is known of it.
		{Op: history.Added, File: "sensors/cam-geheim.yaml", Commits: []history.Change{
			{Commit: "a2", When: at("2026-03-02T10:00:00+01:00"), Op: history.Added, File: "sensors/cam-geheim.yaml", Problem: &history.Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.NewVersion}}},
		}},
		// Removed, with a publication block in the wrong shape: not public.
		{Op: history.Removed, File: "sensors/oud-geheim.yaml", Commits: []history.Change{
			{Commit: "a3", When: at("2026-03-03T10:00:00+01:00"), Op: history.Removed, File: "sensors/oud-geheim.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: map[string]any{"id": "oud-geheim",
					"publication": map[string]any{"Public": f}}}}},
		}},
	}}
	// The reason as the public outputs show it (publish.Public.Reason), not
	// as written.
	text := func(s, lang string) string { return strings.ReplaceAll(s, "ruwe reden met geheim", "getoonde reden") }
	o := Options{Language: "nl", BaseURL: "https://register.example/", Record: func(f string) *record.Record { return recs[f] }, PublicID: func(id string) bool { return public[id] }, Text: text}
	var buf bytes.Buffer
	if err := Write(&buf, Entries(cs, o), o); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "niet openbaar (Reden: getoonde reden)") {
		t.Errorf("the feed does not give the reason as shown:\n%s", out)
	}
	for _, leak := range []string{"geheim", "intern-overleg", "Toeslagen", "Oude-naam", "notities", "ruwe reden"} {
		if strings.Contains(out, leak) {
			t.Errorf("the feed shows %q:\n%s", leak, out)
		}
	}
	for _, want := range []string{"Gebruikte gegevens (datasets) 1 › url: niet openbaar (Reden: getoonde reden) → niet openbaar (Reden: getoonde reden)", "Gebruikte gegevens (datasets) 2 (nieuw): ", "BRP", "Gebruikt gegevens van sensoren: "} {
		if !strings.Contains(out, want) {
			t.Errorf("the feed lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "<entry>"); n != 1 {
		t.Errorf("%d entries, want 1 (the public algorithm only)", n)
	}
}

// A feed without the site's address would have entries no reader can open;
// it is refused with what to set, not written.
func TestFeedNeedsBaseURL(t *testing.T) {
	var buf bytes.Buffer
	o := Options{Now: at("2026-11-24T08:00:00+01:00")}
	if err := Write(&buf, nil, o); !errors.Is(err, ErrNoBaseURL) || !strings.Contains(err.Error(), "site.base_url") {
		t.Errorf("err = %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}

// TestEntriesJudgeValuesByTheRulesOfTheirTime: a value is shown only when
// it was public when written and is public now. A supplier withheld until
// a commit, a record that was not public, the old id of a record renamed
// as it was made public, and what lies behind a change that cannot be read
// stay out, whatever the record says today. A commit that made a record
// public, or after which it is not known whether it was, is the record's
// addition: nothing of what it was before, not even that it was there.
// ruledChanges are commits of records whose publication rules changed
// over time, with the options that show them as they are now.
func ruledChanges() (o Options, cs *history.ChangeSet) {
	yes := true
	recs := map[string]*record.Record{
		"sensors/cam-h.yaml":  {ID: "cam-h", Name: "Camera H"},
		"sensors/cam-i.yaml":  {ID: "cam-i", Name: "Camera I", Publication: &record.Publication{Public: &yes}},
		"sensors/cam-j2.yaml": {ID: "cam-j2", Name: "Camera J"},
		"sensors/cam-k.yaml":  {ID: "cam-k", Name: "Camera K"},
	}
	cs = &history.ChangeSet{Since: "v1", Records: []history.RecordChange{
		{Op: history.Changed, File: "sensors/cam-h.yaml", Commits: []history.Change{
			{Commit: "h3", When: at("2026-03-01T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-h.yaml",
				Fields: []fielddiff.Change{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "NIEUW-BV", New: "NIEUWER-BV"}}},
			{Commit: "h2", When: at("2026-02-01T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-h.yaml",
				Fields: []fielddiff.Change{
					{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"withheld": []any{"supplier.name"}, "reason": "Woo"}},
					{Path: "/supplier/name", Op: fielddiff.Changed, Old: "GEHEIM-BV", New: "NIEUW-BV"},
				}},
			{Commit: "h1", When: at("2026-01-01T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-h.yaml",
				Fields: []fielddiff.Change{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "OUDGEHEIM-BV", New: "GEHEIM-BV"}}},
		}},
		{Op: history.Changed, File: "sensors/cam-i.yaml", Commits: []history.Change{
			{Commit: "i2", When: at("2026-02-02T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-i.yaml",
				Fields: []fielddiff.Change{
					{Path: "/publication/public", Op: fielddiff.Changed, Old: false, New: true},
					{Path: "/summary", Op: fielddiff.Changed, Old: "GEHEIME-SAMENVATTING", New: "Openbare samenvatting"},
				}},
			{Commit: "i1", When: at("2026-01-02T10:00:00+01:00"), Op: history.Added, File: "sensors/cam-i.yaml",
				Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Added, New: map[string]any{"id": "cam-i"}}}},
		}},
		{Op: history.Renamed, File: "sensors/cam-j2.yaml", OldFile: "sensors/cam-j.yaml", Commits: []history.Change{
			{Commit: "j2", When: at("2026-02-03T10:00:00+01:00"), Op: history.Renamed, File: "sensors/cam-j2.yaml", OldFile: "sensors/cam-j.yaml",
				Fields: []fielddiff.Change{
					{Path: "/id", Op: fielddiff.Changed, Old: "cam-j", New: "cam-j2"},
					{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"public": false, "reason": "Woo"}},
				}},
		}},
		{Op: history.Changed, File: "sensors/cam-k.yaml", Commits: []history.Change{
			{Commit: "k2", When: at("2026-02-04T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-k.yaml",
				Fields: []fielddiff.Change{{Path: "/summary", Op: fielddiff.Changed, Old: "Openbaar", New: "Ook openbaar"}}},
			{Commit: "k1", When: at("2026-01-04T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-k.yaml",
				Problem: &history.Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.OldVersion}}},
			{Commit: "k0", When: at("2026-01-03T10:00:00+01:00"), Op: history.Changed, File: "sensors/cam-k.yaml",
				Fields: []fielddiff.Change{{Path: "/summary", Op: fielddiff.Changed, Old: "MISSCHIEN-GEHEIM", New: "x"}}},
		}},
	}}
	o = options("nl", false)
	o.Record = func(f string) *record.Record { return recs[f] }
	return o, cs
}

func TestEntriesJudgeValuesByTheRulesOfTheirTime(t *testing.T) {
	o, cs := ruledChanges()
	var buf bytes.Buffer
	if err := Write(&buf, Entries(cs, o), o); err != nil {
		t.Fatal(err)
	}
	feed := buf.String()
	for _, secret := range []string{"GEHEIM-BV", "OUDGEHEIM-BV", "GEHEIME-SAMENVATTING", "cam-j.", "was cam-j", "MISSCHIEN-GEHEIM",
		"Openbaarheid (gewijzigd)", "Gewijzigd: Camera I", "Hernoemd: Camera J"} {
		if strings.Contains(feed, secret) {
			t.Errorf("the feed shows %q, which was not public when written:\n%s", secret, feed)
		}
	}
	for _, want := range []string{
		"NIEUW-BV → NIEUWER-BV",    // public then and now
		"niet openbaar → NIEUW-BV", // withheld until the commit
		"Nieuw: Camera I (cam-i)",  // the record was not public
		"Nieuw: Camera J (cam-j2)", // without the old id
		"Openbaar → Ook openbaar",  // after a change that cannot be read
		"Nieuw: Camera K (cam-k)",  // the change that cannot be read
	} {
		if !strings.Contains(feed, want) {
			t.Errorf("the feed lacks %q:\n%s", want, feed)
		}
	}
	// Entries: h3, h2, h1 (the record was public, its supplier not), i2
	// and j2 (as additions), k2 and k1 (as an addition); not i1 (not
	// public when added), nor k0 (behind a change that cannot be read).
	var p parsed
	if err := xml.Unmarshal(buf.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Entries) != 7 {
		for _, e := range p.Entries {
			t.Log(e.Title, e.Content.Body)
		}
		t.Errorf("%d entries, want 7", len(p.Entries))
	}
}

// A changed reason is shown as every public output shows a reason: without
// any record's secret (Options.Text), and without the values the entry
// leaves out of the same commit, which no record may hold any more (an old
// address changed with it, a note the format does not publish). Without
// Text no reason text is shown.
func TestFeedScrubsAChangedReason(t *testing.T) {
	rec := &record.Record{ID: "cam", Kind: record.Sensor, Name: "Camera", File: "sensors/cam.yaml",
		Publication: &record.Publication{Withheld: []string{"location.description"}, Reason: "Net als Camera Bunker."}}
	change := []fielddiff.Change{
		{Path: "/location/description", Op: fielddiff.Changed, Old: "Kerkstraat 5", New: "Dorpsweg 1"},
		{Path: "/interne_notitie", Op: fielddiff.Added, New: "sleutelkast"},
		{Path: "/publication/reason", Op: fielddiff.Changed, Old: "Het adres Kerkstraat 5 is een woning; zie sleutelkast.", New: "Net als Camera Bunker."},
		// Withheld from now on: a reason that quoted the address while
		// it was withheld would have kept the record from the public.
		{Path: "/publication/withheld", Op: fielddiff.Added, New: []any{"location.description"}},
		// Public before, as it said: a reason alone would not say so.
		{Path: "/publication/public", Op: fielddiff.Removed, Old: true},
	}
	scrub := func(s, lang string) string { return strings.ReplaceAll(s, "Camera Bunker", "niet openbaar") }
	tests := []struct {
		name    string
		text    func(s, lang string) string
		want    []string
		mustNot []string
	}{
		{"scrubbed", scrub,
			[]string{"Het adres niet openbaar is een woning; zie niet openbaar.", "Net als niet openbaar."},
			[]string{"Kerkstraat", "Dorpsweg", "Bunker", "sleutelkast", "interne_notitie"}},
		{"no text", nil,
			[]string{"reason: niet openbaar → niet openbaar"},
			[]string{"Kerkstraat", "Dorpsweg", "Bunker", "woning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := &history.ChangeSet{Records: []history.RecordChange{{Op: history.Changed, File: rec.File, Commits: []history.Change{
				{Commit: "c1", When: at("2026-03-01T10:00:00+01:00"), Op: history.Changed, File: rec.File, Fields: change}}}}}
			o := Options{Language: "nl", BaseURL: "https://register.example/", Record: func(string) *record.Record { return rec }, Text: tt.text}
			entries := Entries(cs, o)
			if len(entries) != 1 {
				t.Fatalf("%d entries, want 1", len(entries))
			}
			out := strings.Join(entries[0].Lines, "\n")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("lacks %q:\n%s", w, out)
				}
			}
			for _, leak := range tt.mustNot {
				if strings.Contains(out, leak) {
					t.Errorf("shows %q:\n%s", leak, out)
				}
			}
		})
	}
}

// A value of a change, old or new, is shown as every public output shows
// a text people wrote: without any record's secret now (Options.Text). A
// purpose written when the supplier was public may name it; once a record
// withholds the name, the old purpose shows "niet openbaar" in its place,
// and a value that holds no secret is shown as written, as is a name
// another record withholds. Without Text no value is shown.
func TestFeedScrubsValuesOfSecretsNow(t *testing.T) {
	rec := &record.Record{ID: "cam", Kind: record.Sensor, Name: "Camera", File: "sensors/cam.yaml",
		Supplier: &record.Supplier{Name: "Alfa Eenzwaluw"}, Publication: &record.Publication{Withheld: []string{"supplier.name"}, Reason: "Woo"}}
	other := &record.Record{ID: "meter", Kind: record.Sensor, Name: "Meter", File: "sensors/meter.yaml",
		Supplier: &record.Supplier{Name: "Beta Tweezwaluw"}, Publication: &record.Publication{Withheld: []string{"supplier.name"}, Reason: "Woo"}}
	change := []fielddiff.Change{
		{Path: "/purpose", Op: fielddiff.Changed, Old: "Meten met meters van Alfa Eenzwaluw.", New: "Meten in de binnenstad."},
		{Path: "/problem", Op: fielddiff.Changed, Old: "Overlast, zegt Beta Tweezwaluw.", New: "Overlast."},
		{Path: "/retention", Op: fielddiff.Changed, Old: "P28D", New: "P14D"},
	}
	// The name is withheld after the change.
	withhold := []fielddiff.Change{{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"withheld": []any{"supplier.name"}, "reason": "Woo"}}}
	tests := []struct {
		name    string
		text    func(s, lang string) string
		want    []string
		mustNot []string
	}{
		{"scrubbed", publish.NewViewer([]*record.Record{rec, other}).FreeText,
			[]string{"Doel en impact: Meten met meters van niet openbaar. → Meten in de binnenstad.",
				"Welk probleem lost het op?: Overlast, zegt niet openbaar. → Overlast.",
				"Bewaartermijn: P28D → P14D"},
			[]string{"Eenzwaluw", "Tweezwaluw"}},
		{"no text", nil,
			[]string{"Bewaartermijn: niet openbaar → niet openbaar"},
			[]string{"Eenzwaluw", "Tweezwaluw", "P28D", "binnenstad"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := &history.ChangeSet{Records: []history.RecordChange{{Op: history.Changed, File: rec.File, Commits: []history.Change{
				{Commit: "c2", When: at("2026-04-01T10:00:00+01:00"), Op: history.Changed, File: rec.File, Fields: withhold},
				{Commit: "c1", When: at("2026-03-01T10:00:00+01:00"), Op: history.Changed, File: rec.File, Fields: change}}}}}
			o := Options{Language: "nl", BaseURL: "https://register.example/", Record: func(string) *record.Record { return rec }, Text: tt.text}
			entries := Entries(cs, o)
			if len(entries) != 2 || entries[1].Op != history.Changed {
				t.Fatalf("entries %+v, want the withholding and the change before it", entries)
			}
			out := strings.Join(entries[1].Lines, "\n")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("lacks %q:\n%s", w, out)
				}
			}
			for _, leak := range tt.mustNot {
				if strings.Contains(out, leak) {
					t.Errorf("shows %q:\n%s", leak, out)
				}
			}
		})
	}
}

// A limited feed is the newest entries of the whole one, however many of
// the older commits' diffs it leaves unread.
func TestEntriesLimitKeepsTheNewest(t *testing.T) {
	o, cs := ruledChanges()
	all := Entries(cs, o)
	if len(all) < 3 {
		t.Fatalf("%d entries; the test needs several", len(all))
	}
	for n := 1; n <= len(all)+1; n++ {
		o, cs := ruledChanges()
		o.Limit = n
		got, want := Entries(cs, o), all[:min(n, len(all))]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("limit %d:\n got %+v\nwant %+v", n, got, want)
		}
	}
}

// TestEntryUUIDsOrderAsTheirIDs: Entries orders the changes of the same
// time by their ids' UUIDs as bytes, which must be the order of the ids as
// text (the feed's order before the ids were written out for its entries
// only).
func TestEntryUUIDsOrderAsTheirIDs(t *testing.T) {
	var keys [][2]string
	for i := range 40 {
		keys = append(keys, [2]string{fmt.Sprintf("%040x", i*7919), fmt.Sprintf("sensors/s-%d.yaml", i%9)})
	}
	for _, a := range keys {
		for _, b := range keys {
			ua, ub := entryUUID(a[0], a[1]), entryUUID(b[0], b[1])
			if got, want := bytes.Compare(ua[:], ub[:]), strings.Compare(entryID(a[0], a[1]), entryID(b[0], b[1])); got != want {
				t.Fatalf("%v and %v: UUIDs compare %d, ids %d", a, b, got, want)
			}
		}
	}
	if id := entryID("c0ffee", "sensors/x.yaml"); !strings.HasPrefix(id, "urn:uuid:") || len(id) != len("urn:uuid:")+36 || id[9+14] != '5' {
		t.Errorf("entryID = %s, want a version 5 UUID", id)
	}
}

// A withheld list says only that it changed, once: not which of its
// elements were added or removed, nor how many it has, nor that it was
// emptied (the record's page says only that the field changed).
func TestFeedSaysAWithheldListChangedOnly(t *testing.T) {
	recs := map[string]*record.Record{
		"sensors/cam.yaml": {ID: "cam", Kind: record.Sensor, Name: "Camera", Capabilities: []string{"video_recording", "audio_recording"},
			SwitchedOff: []string{"audio_recording"}, Publication: &record.Publication{Withheld: []string{"capabilities", "switched_off"}, Reason: "Woo"}},
	}
	changes := [][]fielddiff.Change{
		{{Path: "/switched_off", Op: fielddiff.Removed, Old: []any{"audio_recording"}}},
		{{Path: "/switched_off", Op: fielddiff.Added, New: []any{"audio_recording", "video_recording"}}},
		{{Path: "/switched_off/1", Op: fielddiff.Removed, Old: "video_recording"}, {Path: "/switched_off/2", Op: fielddiff.Removed, Old: "live_viewing"}},
	}
	var commits []history.Change
	for i, fs := range changes {
		commits = append(commits, history.Change{Commit: fmt.Sprintf("c%d", i), When: at(fmt.Sprintf("2026-03-0%dT10:00:00+01:00", i+1)),
			Op: history.Changed, File: "sensors/cam.yaml", Fields: fs})
	}
	cs := &history.ChangeSet{Records: []history.RecordChange{{Op: history.Changed, File: "sensors/cam.yaml", Commits: commits}}}
	o := Options{Language: "nl", BaseURL: "https://register.example/", Record: func(f string) *record.Record { return recs[f] },
		PublicID: func(string) bool { return true }}
	var buf bytes.Buffer
	if err := Write(&buf, Entries(cs, o), o); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, leak := range []string{"(verwijderd)", "(nieuw)", "Wat staat uit? 2", "Wat staat uit? 3", "video", "audio", "live"} {
		if strings.Contains(out, leak) {
			t.Errorf("the feed shows %q of a withheld list:\n%s", leak, out)
		}
	}
	if n := strings.Count(out, "Wat staat uit?: niet openbaar → niet openbaar"); n != 3 {
		t.Errorf("%d lines say the withheld list changed, want one per commit:\n%s", n, out)
	}
}
