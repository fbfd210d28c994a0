package packet

import (
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// TestUndatedEvaluationSaysWhy: a record whose next evaluation cannot be
// computed is told why in the packet, as the due list says it, not one
// reason for every case.
func TestUndatedEvaluationSaysWhy(t *testing.T) {
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	cfg := config.Default()
	tests := []struct {
		name   string
		rec    record.Record
		nl, en string
	}{
		{"an interval too long to compute with",
			record.Record{ID: "s", Kind: record.Sensor, Status: "active", Lifecycle: record.Lifecycle{Start: "2026-01-01"}, Evaluation: record.Evaluation{Interval: "P1000000Y"}},
			"De volgende evaluatie is niet te berekenen: de termijn voor de evaluatie \"P1000000Y\" is te lang", "The next evaluation cannot be computed: its evaluation interval \"P1000000Y\" is too long"},
		{"no start and never evaluated",
			record.Record{ID: "s", Kind: record.Sensor, Status: "active"},
			"De volgende evaluatie is niet te berekenen: er is nooit geëvalueerd", "The next evaluation cannot be computed: it was never evaluated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var undated []lifecycle.Item
			for _, it := range lifecycle.DueOf(&tt.rec, cfg, today, period.Duration{Months: 3}) {
				if it.Group == lifecycle.Undated {
					undated = append(undated, it)
				}
			}
			if len(undated) != 1 {
				t.Fatalf("undated items: %+v", undated)
			}
			for _, c := range []struct {
				L    *Labels
				want string
			}{{nl, tt.nl}, {en, tt.en}} {
				got := c.L.dueDetail(undated[0], today, cfg)
				if !strings.HasPrefix(got, c.want) || !strings.HasSuffix(got, ".") {
					t.Errorf("%s: %q, want it to start %q and end a sentence", c.L.lang, got, c.want)
				}
			}
		})
	}
}
