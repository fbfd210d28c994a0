package publish

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/record"
)

// RulesBefore: what the changes did to the publication block is undone,
// so a value is judged by the rules it was written under.
func TestRulesBefore(t *testing.T) {
	yes, no := true, false
	withholds := func(ws ...string) *record.Record {
		return &record.Record{Kind: record.Sensor, Publication: &record.Publication{Withheld: ws, Reason: "Woo 5.1"}}
	}
	hidden := &record.Record{Kind: record.Sensor, Publication: &record.Publication{Public: &no, Reason: "Woo 5.1"}}
	public := &record.Record{Kind: record.Sensor, Publication: &record.Publication{Public: &yes}}
	tests := []struct {
		name  string
		after *record.Record
		cs    []fielddiff.Change
		ok    bool
		// public says whether the record was public before; shown
		// whether its supplier's name was shown.
		public, shown bool
	}{
		{"nothing changed the rules", withholds(), []fielddiff.Change{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "A", New: "B"}}, true, true, true},
		{"a field withheld until now", withholds(),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Removed, Old: "supplier.name"}}, true, true, false},
		{"a field withheld from now on", withholds("supplier.name"),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "supplier.name"}, reasonAdded}, true, true, true},
		// A reason with nothing kept back does not say what to keep back:
		// the version before is not known to be public.
		{"a field withheld from now on, its reason already given", withholds("supplier.name"),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "supplier.name"}}, true, false, false},
		{"another field withheld instead", withholds("purpose"),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Changed, Old: "supplier.name", New: "purpose"}}, true, true, false},
		{"the list of withheld fields replaced", withholds(),
			[]fielddiff.Change{{Path: "/publication/withheld", Op: fielddiff.Removed, Old: []any{"supplier"}}}, true, true, false},
		{"made public", public,
			[]fielddiff.Change{{Path: "/publication/public", Op: fielddiff.Changed, Old: false, New: true}}, true, false, false},
		{"made public by removing the block", &record.Record{Kind: record.Sensor},
			[]fielddiff.Change{{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"public": false, "reason": "Woo"}}}, true, false, false},
		{"a block added that withholds nothing", public,
			[]fielddiff.Change{{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"public": true}}}, true, true, true},
		{"made hidden", hidden,
			[]fielddiff.Change{{Path: "/publication/public", Op: fielddiff.Changed, Old: true, New: false}}, true, true, true},
		{"a reason that was not valid", withholds(),
			[]fielddiff.Change{{Path: "/publication/public", Op: fielddiff.Removed, Old: "nee"}}, true, false, false},
		{"a key the block does not have", withholds(),
			[]fielddiff.Change{{Path: "/publication/until", Op: fielddiff.Removed, Old: "2026-01-01"}}, false, false, false},
		{"an element the list does not hold", withholds(),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "purpose"}}, false, false, false},
		{"an element that is no text", withholds(),
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Added, New: map[string]any{"x": 1}}}, false, false, false},
		{"removed: the last version decides", nil, nil, false, false, false},
		{"removed record", withholds(),
			[]fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: map[string]any{"publication": map[string]any{"withheld": []any{"supplier.name"}}}}}, true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, ok := RulesBefore(tt.after, tt.cs)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if got := before.IsPublic(); got != tt.public {
				t.Errorf("public before = %v, want %v", got, tt.public)
			}
			if got := Shown(before, "supplier.name"); got != tt.shown {
				t.Errorf("supplier.name shown before = %v, want %v", got, tt.shown)
			}
		})
	}
	// A record the changes added had no rules before them.
	if before, ok := RulesBefore(public, []fielddiff.Change{{Path: "", Op: fielddiff.Added, New: map[string]any{"id": "a"}}}); !ok || before != nil {
		t.Errorf("added: %v, %v; want nil, true", before, ok)
	}
}

// RulesBefore: a DPIA's url is withheld unless the DPIA is public
// (record.Record.Withheld), by the DPIA of the version before the changes,
// not of the one after them.
func TestRulesBeforeKeepsTheDPIAOfThen(t *testing.T) {
	yes := true
	published := &record.Record{Kind: record.Sensor, DPIA: &record.DPIA{Status: "done", URL: "https://www.example/dpia.pdf", Public: &yes}}
	internal := &record.Record{Kind: record.Sensor, DPIA: &record.DPIA{Status: "done", URL: "https://intranet.example/dpia.pdf"}}
	changed := func(path string, old, new any) fielddiff.Change {
		return fielddiff.Change{Path: path, Op: fielddiff.Changed, Old: old, New: new}
	}
	tests := []struct {
		name  string
		after *record.Record
		cs    []fielddiff.Change
		ok    bool
		shown bool // whether the url was shown before
	}{
		{"published with a new url", published, []fielddiff.Change{
			changed("/dpia/url", "https://intranet.example/dpia.pdf", "https://www.example/dpia.pdf"),
			{Path: "/dpia/public", Op: fielddiff.Added, New: true}}, true, false},
		{"published", published, []fielddiff.Change{{Path: "/dpia/public", Op: fielddiff.Added, New: true}}, true, false},
		{"made public from false", published, []fielddiff.Change{changed("/dpia/public", false, true)}, true, false},
		{"the whole DPIA replaced", published, []fielddiff.Change{changed("/dpia",
			map[string]any{"status": "done", "url": "https://intranet.example/dpia.pdf"},
			map[string]any{"status": "done", "url": "https://www.example/dpia.pdf", "public": true})}, true, false},
		{"public then too", published, []fielddiff.Change{changed("/dpia/url", "https://www.example/oud.pdf", "https://www.example/dpia.pdf")}, true, true},
		{"no longer public", internal, []fielddiff.Change{{Path: "/dpia/public", Op: fielddiff.Removed, Old: true}}, true, true},
		{"published as the rules changed", published, []fielddiff.Change{{Path: "/dpia/public", Op: fielddiff.Added, New: true},
			{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"withheld": []any{"supplier.name"}}}}, true, false},
		{"a DPIA that was no mapping", published, []fielddiff.Change{changed("/dpia", "https://intranet.example/dpia.pdf",
			map[string]any{"status": "done", "url": "https://www.example/dpia.pdf", "public": true})}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, ok := RulesBefore(tt.after, tt.cs)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if ok && Shown(before, "dpia.url") != tt.shown {
				t.Errorf("dpia.url shown before = %v, want %v", !tt.shown, tt.shown)
			}
		})
	}
}

// RulesBefore: a version whose shown field quoted a value it withheld was
// not public (Check), whatever its publication block said, so none of its
// values is shown once the quote is gone.
func TestRulesBeforeKnowsAQuotedWithheldValue(t *testing.T) {
	withholding := func(purpose, supplier string, ws ...string) *record.Record {
		return &record.Record{Kind: record.Sensor, Purpose: purpose, Supplier: &record.Supplier{Name: supplier},
			Publication: &record.Publication{Withheld: ws, Reason: "Bedrijfsgevoelig."}}
	}
	changed := func(path string, old, new any) fielddiff.Change {
		return fielddiff.Change{Path: path, Op: fielddiff.Changed, Old: old, New: new}
	}
	tests := []struct {
		name   string
		after  *record.Record
		cs     []fielddiff.Change
		public bool // whether the record was public before
	}{
		{"the quote taken out", withholding("Camera's op de Markt.", "Geheimbedrijf BV", "supplier.name"),
			[]fielddiff.Change{changed("/purpose", "Camera's van Geheimbedrijf BV.", "Camera's op de Markt.")}, false},
		{"the quoting field withheld too", withholding("Camera's van Geheimbedrijf BV.", "Geheimbedrijf BV", "supplier.name", "purpose"),
			[]fielddiff.Change{{Path: "/publication/withheld/1", Op: fielddiff.Added, New: "purpose"}}, false},
		{"the withheld value replaced", withholding("Camera's van Geheimbedrijf BV.", "Anderbedrijf BV", "supplier.name"),
			[]fielddiff.Change{changed("/supplier/name", "Geheimbedrijf BV", "Anderbedrijf BV")}, false},
		{"the withheld value quoted in a list", withholding("Camera's op de Markt.", "Geheimbedrijf BV", "supplier.name"),
			[]fielddiff.Change{changed("/themes/0", "Geheimbedrijf BV", "veiligheid")}, false},
		{"an internal DPIA's url quoted, the link changed", &record.Record{Kind: record.Sensor, DPIA: &record.DPIA{Status: "done", URL: "https://intranet.x.example/dpia-geheim.pdf"},
			Links: []record.Link{{Title: "Achtergrond", URL: "https://www.x.example/over"}}},
			[]fielddiff.Change{changed("/links/0/url", "https://intranet.x.example/dpia-geheim.pdf", "https://www.x.example/over")}, false},
		{"the DPIA made public under another url, and the link with it", &record.Record{Kind: record.Sensor, DPIA: &record.DPIA{Status: "done", URL: "https://www.x.example/dpia.pdf", Public: new(true)},
			Links: []record.Link{{Title: "Achtergrond", URL: "https://www.x.example/dpia.pdf"}}},
			[]fielddiff.Change{changed("/dpia/url", "https://intranet.x.example/dpia-geheim.pdf", "https://www.x.example/dpia.pdf"),
				{Path: "/dpia/public", Op: fielddiff.Added, New: true},
				changed("/links/0/url", "https://intranet.x.example/dpia-geheim.pdf", "https://www.x.example/dpia.pdf")}, false},
		{"the DPIA made public, its url quoted", &record.Record{Kind: record.Sensor, DPIA: &record.DPIA{Status: "done", URL: "https://www.x.example/dpia.pdf", Public: new(true)},
			Links: []record.Link{{Title: "DPIA", URL: "https://www.x.example/dpia.pdf"}}},
			[]fielddiff.Change{{Path: "/dpia/public", Op: fielddiff.Added, New: true}}, false},
		{"no quote", withholding("Camera's op de Markt.", "Geheimbedrijf BV", "supplier.name"),
			[]fielddiff.Change{changed("/purpose", "Camera's bij het station.", "Camera's op de Markt.")}, true},
		{"the value quoted not withheld then", withholding("Camera's op de Markt.", "Geheimbedrijf BV", "supplier.name"),
			[]fielddiff.Change{changed("/purpose", "Camera's van Geheimbedrijf BV.", "Camera's op de Markt."),
				{Path: "/publication/withheld", Op: fielddiff.Added, New: []any{"supplier.name"}}, reasonAdded}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, ok := RulesBefore(tt.after, tt.cs)
			if !ok || before == nil {
				t.Fatalf("RulesBefore: %v, %v", before, ok)
			}
			if before.IsPublic() != tt.public {
				t.Errorf("public before = %v, want %v", before.IsPublic(), tt.public)
			}
		})
	}
}

// PublicPast: a version that quoted a value it withheld is found though
// the quote was taken out by a newer commit than the one after it: the
// commit after it made the record public.
func TestPublicPastFindsAQuoteTakenOutLater(t *testing.T) {
	now := &record.Record{Kind: record.Sensor, Purpose: "Camera's op de Markt.", Supplier: &record.Supplier{Name: "Anderbedrijf BV"},
		Publication: &record.Publication{Withheld: []string{"supplier.name"}, Reason: "Bedrijfsgevoelig."}}
	commits := [][]fielddiff.Change{
		{{Path: "/purpose", Op: fielddiff.Changed, Old: "Camera's van Geheimbedrijf BV.", New: "Camera's op de Markt."}},
		{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "Geheimbedrijf BV", New: "Anderbedrijf BV"}},
		{{Path: "/signage", Op: fielddiff.Added, New: map[string]any{"present": true}}},
	}
	past := NewPublicPast(now)
	var got []string
	for _, cs := range commits {
		s := past.Next(history.Changed, cs, nil)
		switch {
		case !s.Shown:
			got = append(got, "not shown")
		case s.Added:
			got = append(got, "added")
		default:
			got = append(got, "changed")
		}
	}
	if want := []string{"changed", "added", "not shown"}; !slices.Equal(got, want) {
		t.Errorf("commits seen as %q, want %q", got, want)
	}
}

// PublicPast: an addition has no rules before it, whether its fields were
// read (the whole record, as the feed reads it) or not (as the record
// pages leave them), and it is shown as the addition exactly when the
// record was public after it.
func TestPublicPastAnAdditionHasNothingBefore(t *testing.T) {
	public := &record.Record{Kind: record.Sensor, Purpose: "Camera's op de Markt."}
	hidden := &record.Record{Kind: record.Sensor, Purpose: "Camera's op de Markt.", Publication: &record.Publication{Public: new(bool), Reason: "Nog niet besloten."}}
	whole := []fielddiff.Change{{Path: "", Op: fielddiff.Added, New: map[string]any{"id": "c", "purpose": "Camera's op de Markt."}}}
	for _, tt := range []struct {
		name   string
		now    *record.Record
		fields []fielddiff.Change
		shown  bool
	}{
		{"public, fields read", public, whole, true},
		{"public, fields unread", public, nil, true},
		{"not public, fields read", hidden, whole, false},
		{"not public, fields unread", hidden, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			past := NewPublicPast(tt.now)
			seen := past.Next(history.Added, tt.fields, nil)
			if seen.Shown != tt.shown || seen.Shown && !seen.Added {
				t.Errorf("shown, added = %v, %v; want %v, %v", seen.Shown, seen.Added, tt.shown, tt.shown)
			}
			if seen.Before != nil {
				t.Errorf("rules before an addition: %+v, want none", seen.Before)
			}
			if !past.Done() {
				t.Error("the walk goes on past the addition")
			}
		})
	}
}

// reasonAdded is the change that gave a record the reason of
// withholding's block, made with the list of what it withholds: a reason
// alone keeps the record from the public (Check).
var reasonAdded = fielddiff.Change{Path: "/publication/reason", Op: fielddiff.Added, New: "Woo art. 5.1"}
