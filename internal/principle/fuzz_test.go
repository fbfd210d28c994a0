package principle

import (
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// FuzzCompileCustom feeds arbitrary when and require expressions to the
// custom rules: each either compiles into a rule or is a config finding,
// never a panic, and a rule that compiles runs on records (of both kinds,
// full and nearly empty) within the run's cost limit.
func FuzzCompileCustom(f *testing.F) {
	for _, s := range [][2]string{
		{`record.sensor_type == "drone"`, `has(record.reviews)`},
		{``, `record.evaluation.last >= "2026-01-01" && record.evaluation.last <= today`},
		{`record.status == "active"`, `record.decisions.exists(d, d.body == "council")`},
		{`true`, `[1,2,3].all(a, [1,2,3].all(b, [1,2,3].all(c, a+b+c > 0)))`},
		{`1 + `, `record.nope`},
		{`"text"`, `record.quantity / 0 == 1`},
		{`size(record.capabilities) > 2`, `record.capabilities[5] == "x"`},
		{`record.name.matches("(a+)+$")`, `int(record.name) > 3`},
	} {
		f.Add(s[0], s[1])
	}
	recs := []*record.Record{
		{ID: "cam", Kind: record.Sensor, Name: "Camera", Status: "active", SensorType: "camera", Capabilities: []string{"video_recording"}},
		{ID: "alg", Kind: record.Algorithm, Name: "Algoritme", Status: "active"},
		{ID: "leeg"},
	}
	f.Fuzz(func(t *testing.T, when, require string) {
		if len(when)+len(require) > 4096 {
			return
		}
		cfg := config.Default()
		cfg.RulesCustom = []config.CustomRule{{ID: "fuzz-rule", When: when, Require: require}}
		rules, fs := CompileCustom(cfg)
		if len(rules)+len(fs) == 0 {
			t.Fatal("neither a rule nor a finding")
		}
		for _, fd := range fs {
			if fd.Rule != finding.RuleConfig || fd.File != config.FileName || fd.Message.In("en") == "" {
				t.Fatalf("finding %+v", fd)
			}
		}
		budget := newBudget(config.DefaultCustomRulesCost)
		ctx := &Context{day: newClock(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)), Config: cfg, budget: budget}
		for _, r := range rules {
			for _, rec := range recs {
				for _, fd := range r.Check(ctx, rec) {
					if fd.Message.In("en") == "" {
						t.Fatalf("finding without a message: %+v", fd)
					}
				}
			}
		}
		if budget.spent > uint64(len(recs))*2*(customCostLimit+1000) {
			t.Fatalf("spent %d on %d records, beyond the limit of each evaluation", budget.spent, len(recs))
		}
	})
}
