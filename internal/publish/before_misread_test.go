package publish

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/record"
)

// RulesBefore: a version whose publication block Check would not read (a
// key misspelt, a block nested under another field or written into a
// text) was held back whole. What the block said is not undone from the
// publication block, so the rules before a change that touches such a
// block, or takes one out of a value, are not known.
func TestRulesBeforeDoesNotKnowAMisreadBlock(t *testing.T) {
	yes := true
	public := &record.Record{Kind: record.Sensor, Publication: &record.Publication{Public: &yes}}
	hidden := map[string]any{"public": false, "reason": "Woo 5.1 lid 2 sub d"}
	removed := func(path string, old any) fielddiff.Change {
		return fielddiff.Change{Path: path, Op: fielddiff.Removed, Old: old}
	}
	changed := func(path string, old, new any) fielddiff.Change {
		return fielddiff.Change{Path: path, Op: fielddiff.Changed, Old: old, New: new}
	}
	madePublic := fielddiff.Change{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"public": true}}
	tests := []struct {
		name string
		cs   []fielddiff.Change
		ok   bool
	}{
		{"a misspelt block removed", []fielddiff.Change{removed("/Publication", hidden), madePublic}, false},
		{"a block in Dutch removed", []fielddiff.Change{removed("/publicatie", hidden), madePublic}, false},
		{"one key of a misspelt block removed", []fielddiff.Change{removed("/Publication/public", false)}, false},
		{"a block nested under a field removed", []fielddiff.Change{removed("/vendor/publication", hidden), changed("/vendor/model", "X", "Y")}, false},
		{"a key of a nested block removed", []fielddiff.Change{removed("/vendor/publication/public", false)}, false},
		{"a field replaced whose old value nested a block", []fielddiff.Change{changed("/vendor",
			map[string]any{"model": "X", "publication": hidden}, map[string]any{"model": "Y"})}, false},
		{"a block nested in a list's element", []fielddiff.Change{removed("/decisions/0/publication", hidden)}, false},
		{"a block written into a text", []fielddiff.Change{changed("/problem",
			"Overlast. publication: {public: false, reason: Woo}", "Overlast.")}, false},
		{"a block written into a text in a list", []fielddiff.Change{removed("/capabilities/1", "publication: {public: false, withheld: [purpose]}")}, false},
		{"a mapping that holds public, under another name", []fielddiff.Change{removed("/zichtbaarheid", map[string]any{"public": false})}, false},
		// A key that reads as a list's index: the history takes the
		// mapping under it for an element of a list.
		{"a block under a number key removed", []fielddiff.Change{removed("/vendor/0", map[string]any{"withheld": []any{"vendor.model"}}), changed("/vendor/model", "X", "Y")}, false},
		{"a list's element that held withheld removed", []fielddiff.Change{removed("/decisions/1", map[string]any{"body": "council", "withheld": []any{"purpose"}})}, false},
		{"a list's element that held public replaced", []fielddiff.Change{changed("/decisions/1",
			map[string]any{"body": "council", "public": false}, map[string]any{"body": "council"})}, false},
		{"withheld taken out of a list's element", []fielddiff.Change{removed("/decisions/1/withheld", []any{"purpose"})}, false},
		{"a key named as a block deep in a list", []fielddiff.Change{changed("/datasets/0",
			map[string]any{"name": "BRP", "extra": []any{map[string]any{"openbaarheid": "nee"}}}, map[string]any{"name": "BRP"})}, false},
		// What looks like a block but is a field is the field.
		{"the DPIA made public", []fielddiff.Change{{Path: "/dpia/public", Op: fielddiff.Added, New: true}}, true},
		{"the block itself", []fielddiff.Change{{Path: "/publication", Op: fielddiff.Added, New: map[string]any{"public": true}}}, true},
		{"another field", []fielddiff.Change{changed("/vendor/model", "X", "Y")}, true},
		{"a list's element", []fielddiff.Change{changed("/decisions/1", map[string]any{"body": "council"}, map[string]any{"body": "mayor"})}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := RulesBefore(public, tt.cs)
			if ok != tt.ok {
				t.Errorf("ok = %v, want %v", ok, tt.ok)
			}
		})
	}
}
