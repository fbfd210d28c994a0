package record

import (
	"encoding/json"
	"testing"
)

// A whole number reaches the model exactly in any form the YAML reader
// gives it: "1e+06" is what it makes of 1e6 and of 1000000.0, which the
// schema's "integer" takes. Before, such a quantity decoded to 0, and
// every output showed the default, 1. A number the model cannot hold is
// left out, never replaced by another (the schema reports it).
func TestWholeNumbersReachTheModel(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"12", 12},
		{"1e+06", 1000000},
		{"1.2e+07", 12000000},
		{"9007199254740991", 9007199254740991},
		{"9.007199254740991e+15", 9007199254740991},
		{"9223372036854775807", 9223372036854775807},
		{"9223372036854775808", 0},
		{"99999999999999999999999999999999999", 0},
		{"1e+35", 0},
		{"1e+99999999", 0},
		{"1.5", 0},
		{"-3", -3},
	}
	for _, tt := range tests {
		var r Record
		FromValue(map[string]any{"quantity": json.Number(tt.in), "format_version": json.Number(tt.in)}, &r)
		if r.Quantity != tt.want || r.FormatVersion != tt.want {
			t.Errorf("quantity %s decoded to %d (format_version %d), want %d", tt.in, r.Quantity, r.FormatVersion, tt.want)
		}
	}
}
