package publish

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
)

// RulesBefore: a version that still held a template's marks was a draft,
// not public, so a value written in it is not public now either, although
// the record is complete and public today.
func TestRulesBeforeDraft(t *testing.T) {
	num := func(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', -1, 64)) }
	complete := func() *record.Record {
		return &record.Record{Kind: record.Sensor, Name: "Meter", Purpose: "Meten",
			Organisation: record.Organisation{Name: "Gemeente Voorbeeldstad"},
			Location:     &record.Location{Point: &record.Point{Lat: 52.233, Lon: placeholder.OriginLon}}}
	}
	withheld := complete()
	withheld.Publication = &record.Publication{Withheld: []string{"supplier.name"}, Reason: "Woo 5.1"}
	draft := complete()
	draft.Placeholders = true
	changed := func(path string, old, new any) fielddiff.Change {
		return fielddiff.Change{Path: path, Op: fielddiff.Changed, Old: old, New: new}
	}
	tests := []struct {
		name  string
		after *record.Record
		cs    []fielddiff.Change
		// public says whether the version before cs reads as public.
		public bool
	}{
		{"a text filled in", complete(), []fielddiff.Change{changed("/purpose", placeholder.Fill, "Meten")}, false},
		{"a text with the mark among other words", complete(), []fielddiff.Change{changed("/purpose", "Meten "+placeholder.Fill, "Meten")}, false},
		{"a real text changed", complete(), []fielddiff.Change{changed("/purpose", "Tellen", "Meten")}, true},
		{"a mark added, not removed", complete(), []fielddiff.Change{changed("/purpose", "Meten", placeholder.Fill)}, true},
		{"the template's mailbox replaced", complete(), []fielddiff.Change{changed("/owner/email", placeholder.Mailbox, "a@voorbeeldstad.nl")}, false},
		{"the register's own example address", complete(), []fielddiff.Change{changed("/owner/email", "a@voorbeeldstad.example", "b@voorbeeldstad.example")}, true},
		{"a mark in a list element", complete(), []fielddiff.Change{{Path: "/decisions/0", Op: fielddiff.Removed,
			Old: map[string]any{"body": "college", "reference": "https://" + placeholder.Domain + "/besluit"}}}, false},
		{"the template's position moved", complete(), []fielddiff.Change{changed("/location/point",
			map[string]any{"lat": num(placeholder.OriginLat), "lon": num(placeholder.OriginLon)},
			map[string]any{"lat": num(52.233), "lon": num(placeholder.OriginLon)})}, false},
		{"one coordinate of the template's position moved", complete(), []fielddiff.Change{changed("/location/point/lat", num(placeholder.OriginLat), num(52.233))}, false},
		{"the template's grid position moved", complete(), []fielddiff.Change{
			{Path: "/location/point_rd", Op: fielddiff.Removed, Old: map[string]any{"x": num(placeholder.OriginX), "y": num(placeholder.OriginY)}}}, false},
		{"a real position moved", complete(), []fielddiff.Change{changed("/location/point/lat", num(52.1), num(52.233))}, true},
		{"a position that cannot be undone", complete(), []fielddiff.Change{changed("/location/point", "hier", map[string]any{"lat": num(52.233)}),
			changed("/location/point/lat", num(52.1), num(52.233))}, false},
		{"a draft still", draft, []fielddiff.Change{changed("/purpose", "Tellen", "Meten")}, false},
		{"a draft whose rules changed", withheld, []fielddiff.Change{changed("/purpose", placeholder.Fill, "Meten"),
			{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "supplier.name"}}, false},
		{"rules changed without a draft", withheld, []fielddiff.Change{changed("/purpose", "Tellen", "Meten"),
			{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "supplier.name"}, reasonAdded}, true},
		{"a removed draft", complete(), []fielddiff.Change{{Path: "", Op: fielddiff.Removed,
			Old: map[string]any{"id": "meter", "purpose": placeholder.Fill}}}, false},
		{"a removed record", complete(), []fielddiff.Change{{Path: "", Op: fielddiff.Removed,
			Old: map[string]any{"id": "meter", "purpose": "Meten"}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			was := tt.after.Placeholders
			before, ok := RulesBefore(tt.after, tt.cs)
			if tt.after.Placeholders != was {
				t.Error("RulesBefore changed the record after the changes")
			}
			if !ok || before == nil {
				t.Fatalf("RulesBefore = %v, %v", before, ok)
			}
			if got := before.IsPublic(); got != tt.public {
				t.Errorf("public before = %v, want %v", got, tt.public)
			}
			if got := Shown(before, "purpose"); got != tt.public {
				t.Errorf("purpose shown before = %v, want %v", got, tt.public)
			}
			if tt.public && tt.cs[0].Path != "" && before != tt.after && !tt.after.IsWithheld("supplier.name") {
				t.Error("the rules before are not the record's own when nothing changed them")
			}
			// The commits before a draft's are judged as drafts too: it
			// is not known what else the draft held.
			if !tt.public && tt.cs[0].Path != "" {
				older, ok := RulesBefore(before, []fielddiff.Change{changed("/name", "Teller", "Meter")})
				if !ok || older.IsPublic() {
					t.Errorf("the version before the draft reads as public: %v, %v", older, ok)
				}
			}
		})
	}
}
