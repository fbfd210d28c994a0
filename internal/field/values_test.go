package field

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

func TestValues(t *testing.T) {
	tests := []struct {
		kind     record.Kind
		path     string
		has, not string // a value it offers, a value it does not ("" for none)
		none     bool   // no values at all
	}{
		{record.Sensor, "status", "active", "", false},
		{record.Sensor, "capabilities", "face_recognition", "", false}, // a list: its items' values
		{record.Sensor, "organisation.type", "private", "", false},     // through a $ref to the common schema
		{record.Sensor, "kind", "sensor", "algorithm", false},          // a const
		{record.Algorithm, "kind", "algorithm", "sensor", false},
		{record.Algorithm, "role", "decision_support", "", false},
		{record.Sensor, "role", "", "", true}, // an algorithm's field
		{record.Sensor, "summary", "", "", true},
		{record.Sensor, "no.such.field", "", "", true},
		{"", "status", "", "", true},
	}
	for _, tt := range tests {
		got := Values(tt.kind, tt.path)
		switch {
		case tt.none && got != nil:
			t.Errorf("Values(%s, %s) = %q, want none", tt.kind, tt.path, got)
		case !tt.none && !slices.Contains(got, tt.has):
			t.Errorf("Values(%s, %s) = %q, want %q among them", tt.kind, tt.path, got, tt.has)
		case tt.not != "" && slices.Contains(got, tt.not):
			t.Errorf("Values(%s, %s) = %q, want no %q", tt.kind, tt.path, got, tt.not)
		}
	}
	got := Values(record.Sensor, "status")
	got[0] = "changed"
	if Values(record.Sensor, "status")[0] == "changed" {
		t.Error("Values hands out the schema's own list")
	}
}

// Every enumerated field of the table has values in the schema of each kind
// of record it belongs to.
func TestEnumFieldsHaveValues(t *testing.T) {
	for _, f := range All {
		if f.Kind != Enum && f.Kind != Enums {
			continue
		}
		for _, k := range record.Kinds {
			if f.For(k) && len(Values(k, f.Path)) == 0 {
				t.Errorf("%s: the %s schema lists no values", f.Path, k)
			}
		}
	}
}
