package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// BenchmarkRun measures the checklist alone on 10,000 generated records
// (loading and locating excluded), without and with a custom rule.
func BenchmarkRun(b *testing.B) {
	const n = 10_000
	recs := make([]*record.Record, 0, n)
	for i := range n {
		kind, id, text := testgen.Record(i, 1)
		doc, fs := source.Parse(id, text, source.DefaultLimits)
		if doc == nil {
			b.Fatalf("record %d: %v", i, fs)
		}
		rec := &record.Record{}
		_ = doc.Root.Decode(rec) // type mismatches leave fields empty, as the loader does
		rec.File = testgen.Folder(kind) + "/" + id + ".yaml"
		recs = append(recs, rec)
	}
	opts := Options{Today: day(testToday), History: fakeHistory{start: "2020-01-01"}}
	builtin := config.Default()
	custom := config.Default()
	custom.RulesCustom = []config.CustomRule{{ID: "drone-review", When: `record.sensor_type == "drone"`, Require: "has(record.reviews)"}}
	for _, c := range []struct {
		name string
		cfg  *config.Config
	}{{"builtin", builtin}, {"with-custom-rule", custom}} {
		reg := register.New("bench", c.cfg, recs)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Run(reg, opts)
			}
		})
	}
}
