package publish

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
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
			[]fielddiff.Change{{Path: "/publication/withheld/0", Op: fielddiff.Added, New: "supplier.name"}}, true, true, true},
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
