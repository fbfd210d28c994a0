package publish

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/record"
)

// PublicPast: a value is shown only when it was public under the rules of
// every version from when it was written up to now. A value a commit
// withheld stays hidden, in the commit that wrote it and as the old value
// of the one that replaced it, once a still later commit lifts the
// withholding; so does a value one element of a list withheld, whatever
// place the element had in the versions before.
func TestPublicPastKeepsAValueWithheldSinceHidden(t *testing.T) {
	withheld := func(w string) fielddiff.Change {
		return fielddiff.Change{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"reason": "Woo 5.1", "withheld": []any{w}}}
	}
	lifted := func(w string) fielddiff.Change {
		return fielddiff.Change{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"reason": "Woo 5.1", "withheld": []any{w}}}
	}
	tests := []struct {
		name  string
		now   *record.Record
		field string
		// commits are newest first: the one that lifted the withholding,
		// the one that withheld it, the one that wrote the value.
		commits [][]fielddiff.Change
		// shown are the values each commit may show of field, after it
		// and (old) before it.
		after, before []bool
	}{
		{"a field", &record.Record{Kind: record.Sensor, Supplier: &record.Supplier{Name: "Anderbedrijf BV"}}, "supplier.name",
			[][]fielddiff.Change{
				{lifted("supplier.name"), {Path: "/supplier/name", Op: fielddiff.Changed, Old: "Geheimbedrijf BV", New: "Anderbedrijf BV"}},
				{withheld("supplier.name")},
				{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "Eerstbedrijf BV", New: "Geheimbedrijf BV"}},
			},
			[]bool{true, false, false}, []bool{false, false, false}},
		{"an element of a list", &record.Record{Kind: record.Sensor, Decisions: []record.Decision{{Reference: "https://a.example/1"}, {Reference: "https://a.example/2"}}}, "decisions.1.reference",
			[][]fielddiff.Change{
				{lifted("decisions.0.reference")},
				{withheld("decisions.0.reference")},
				{{Path: "/decisions/1/reference", Op: fielddiff.Changed, Old: "https://a.example/0", New: "https://a.example/2"}},
			},
			// The version that withheld the first element's withholds
			// it in any element before its commit, whose changes name
			// the elements at their places after it.
			[]bool{true, false, false}, []bool{false, false, false}},
		{"an element of a list the same commit moved", &record.Record{Kind: record.Sensor, Decisions: []record.Decision{{Reference: "https://a.example/0"}, {Reference: "https://a.example/1"}, {Reference: "https://a.example/open"}}}, "decisions.2.reference",
			[][]fielddiff.Change{
				// The change names the element at its new place; the
				// version before withheld it at its old one.
				{lifted("decisions.1.reference"), {Path: "/decisions/0", Op: fielddiff.Added, New: map[string]any{"reference": "https://a.example/0"}},
					{Path: "/decisions/2/reference", Op: fielddiff.Changed, Old: "https://a.example/geheim", New: "https://a.example/open"}},
			},
			[]bool{true}, []bool{false}},
		{"another field", &record.Record{Kind: record.Sensor, Supplier: &record.Supplier{Name: "Anderbedrijf BV"}}, "supplier.name",
			[][]fielddiff.Change{
				{lifted("purpose")},
				{withheld("purpose")},
				{{Path: "/supplier/name", Op: fielddiff.Changed, Old: "Eerstbedrijf BV", New: "Anderbedrijf BV"}},
			},
			[]bool{true, true, true}, []bool{true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			past := NewPublicPast(tt.now)
			for i, cs := range tt.commits {
				s := past.Next(history.Changed, cs, nil)
				if !s.Shown || s.Added {
					t.Fatalf("commit %d: shown, added = %v, %v; want a change shown", i, s.Shown, s.Added)
				}
				if got := Shown(s.After, tt.field); got != tt.after[i] {
					t.Errorf("commit %d: %s shown after it = %v, want %v", i, tt.field, got, tt.after[i])
				}
				if got := Shown(s.Before, tt.field); got != tt.before[i] {
					t.Errorf("commit %d: %s shown before it = %v, want %v", i, tt.field, got, tt.before[i])
				}
			}
		})
	}
}

// RulesAtBase: the rules of the base withhold an element of a list they
// withheld wherever the net change puts it: the element may have another
// index now.
func TestRulesAtBaseWithholdAListElementAtAnyPlace(t *testing.T) {
	now := &record.Record{Kind: record.Sensor, Decisions: []record.Decision{{Reference: "https://a.example/0"}, {Reference: "https://a.example/1"}, {Reference: "https://a.example/open"}}}
	net := []fielddiff.Change{
		{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"reason": "Woo 5.1", "withheld": []any{"decisions.1.reference"}}},
		{Path: "/decisions/0", Op: fielddiff.Added, New: map[string]any{"reference": "https://a.example/0"}},
		{Path: "/decisions/2/reference", Op: fielddiff.Changed, Old: "https://a.example/geheim", New: "https://a.example/open"},
	}
	base, ok := RulesAtBase(now, net, []history.Change{{Op: history.Changed, Fields: net}})
	if !ok || base == nil {
		t.Fatalf("the rules at the base are not known: %v, %v", base, ok)
	}
	if Shown(base, "decisions.2.reference") {
		t.Error("the reference the base withheld is shown at its new place")
	}
	if !Shown(base, "decisions.0.body") {
		t.Error("a field the base did not withhold is not shown")
	}
}
