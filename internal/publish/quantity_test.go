package publish_test

import (
	"encoding/json"
	"testing"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// The record format's JSON of a view says null for a quantity given but
// no count: left out, it would read as the format's default of 1. A
// withheld quantity stays out, invalid or not.
func TestMapQuantityThatIsNoCount(t *testing.T) {
	for _, tt := range []struct {
		name     string
		r        record.Record
		want     string // the quantity key's JSON; "" for none
		plain    bool
		withheld bool
	}{
		{"a count", record.Record{Quantity: 12}, "12", true, false},
		{"none given", record.Record{}, "", true, false},
		{"text", record.Record{QuantityInvalid: true}, "null", false, false},
		{"below one", record.Record{Quantity: -3, QuantityInvalid: true}, "null", false, false},
		{"withheld", record.Record{Quantity: 7}, "", false, true},
		{"withheld and no count", record.Record{QuantityInvalid: true}, "", false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			r.ID, r.Kind, r.Status = "s", record.Sensor, "active"
			if tt.withheld {
				r.Publication = &record.Publication{Withheld: []string{"quantity"}, Reason: "Woo"}
			}
			m, err := publish.Map(&r)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if q, ok := m["quantity"]; ok {
				b, _ := json.Marshal(q)
				got = string(b)
			}
			if got != tt.want {
				t.Errorf("quantity %s, want %q", got, tt.want)
			}
			if v := publish.View(&r); publish.Plain(v) != tt.plain {
				t.Errorf("Plain = %v, want %v", !tt.plain, tt.plain)
			}
		})
	}
}
