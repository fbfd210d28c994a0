package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// An evaluation interval set for a key that names no camera regime, sensor
// type or kind concerns no record: a warning at the setting, so a typo
// does not leave the interval meant at its default unnoticed.
func TestUnknownIntervalKeys(t *testing.T) {
	cfg := configFrom(t, "evaluation:\n  intervals:\n    public-order: P2Y\n    drone: P1Y\n    algorithm: P2Y\n    public_order: P6M\n")
	fx := newFixture(t, cfg, goodAlgorithm)
	var got []finding.Finding
	for _, f := range Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}}) {
		if f.Rule == finding.RuleConfig {
			got = append(got, f)
		}
	}
	match(t, got, []want{{Rule: finding.RuleConfig, Ref: "VNG III", Severity: finding.Warning, Line: 3, Column: 19,
		Message: "evaluation.intervals.public-order names no camera regime, sensor type or kind"}})
}

// A record's own interval longer than the one that applies is told the
// setting it is held to, by name.
func TestOwnIntervalNamesTheSettingItIsHeldTo(t *testing.T) {
	long := strings.Replace(goodCamera, "evaluation: {interval: P1Y,", "evaluation: {interval: P2Y,", 1)
	fs := only(t, "evaluation-lapsed", configFrom(t, "evaluation: {intervals: {camera: P6M}}\n"), nil, testToday, long)
	if len(fs) == 0 || !strings.Contains(fs[0].Help.In("en"), "evaluate at least every P6M (the setting evaluation.intervals.camera)") {
		t.Errorf("findings %v", fs)
	}
}
