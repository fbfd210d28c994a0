package placeholder

import (
	"encoding/json"
	"strconv"
	"testing"
)

// TestInValue: a value as a history's change holds it has a mark where a
// record holding it would.
func TestInValue(t *testing.T) {
	num := func(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', -1, 64)) }
	tests := []struct {
		name, path string
		v          any
		org        string
		want       bool
	}{
		{"the template's words", "/purpose", "(vul in)", "", true},
		{"in other words, in any case", "/location/description", "Bij de (Vul In) hoek", "", true},
		{"an example", "/name", "(voorbeeld) Camera", "", true},
		{"a real text", "/purpose", "Meten", "", false},
		{"the template's mailbox", "/owner", map[string]any{"role": "Toezicht", "email": Mailbox}, "Gemeente Heidebeek", true},
		{"the register's own example domain", "/owner/email", "a@voorbeeldstad.example", "Gemeente Voorbeeldstad", false},
		{"another's example domain", "/owner/email", "a@voorbeeldstad.example", "Gemeente Heidebeek", true},
		{"the organisation the value gives", "", map[string]any{"organisation": map[string]any{"name": "Gemeente Voorbeeldstad"},
			"links": []any{map[string]any{"url": "https://voorbeeldstad.example/x"}}}, "", false},
		{"in a list element", "/decisions/3/reference", "https://" + Domain + "/besluit", "", true},
		{"under a key the record has not", "/notes", []any{"x", map[string]any{"y": "(vul in)"}}, "", true},
		{"the template's position", "/location/point", map[string]any{"lat": num(OriginLat), "lon": num(OriginLon)}, "", true},
		{"the template's grid position", "/location", map[string]any{"point_rd": map[string]any{"x": num(OriginX), "y": num(OriginY)}}, "", true},
		{"the template's position in a whole record", "", map[string]any{"location": map[string]any{"point": map[string]any{"lat": num(OriginLat), "lon": num(OriginLon)}}}, "", true},
		{"a real position", "/location/point", map[string]any{"lat": num(52.233), "lon": num(5.1214)}, "", false},
		{"one coordinate alone", "/location/point/lat", num(OriginLat), "", false},
		{"a number", "/quantity", json.Number("12"), "", false},
		{"nothing", "/purpose", nil, "", false},
		{"an index too large", "/decisions/99999/reference", "(vul in)", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InValue(tt.path, tt.v, tt.org); got != tt.want {
				t.Errorf("InValue(%q, %v, %q) = %v, want %v", tt.path, tt.v, tt.org, got, tt.want)
			}
		})
	}
}
