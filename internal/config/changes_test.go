package config

import (
	"testing"
)

// Every setting the checklist reads that register.yaml or the environment
// sets to other than its default is a Change, with where it was made; one
// set to its default is none.
func TestChangesNameEverySettingAwayFromItsDefault(t *testing.T) {
	root := writeConfig(t, `organisation: Gemeente Proef
limits:
  security_audit_max: P99Y
  exception_max: P1Y
ai_act:
  high_risk_from: "2099-01-01"
evaluation:
  intervals:
    public_order: P5Y
    drone: P2Y
supplier_watch:
  - {manufacturer: Hikvision, source: AIVD}
`)
	t.Setenv("REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX", "P10Y")
	c, fs, err := Load(root)
	if err != nil || len(fs) > 0 {
		t.Fatalf("load: %v %v", err, fs)
	}
	want := []Change{
		{Key: "limits.camera_lifecycle_max", Value: "P10Y", Default: "P2Y", Place: Place{Env: "REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX"}},
		{Key: "limits.security_audit_max", Value: "P99Y", Default: "P3Y", Place: Place{File: "register.yaml", Line: 3, Column: 23}},
		{Key: "ai_act.high_risk_from", Value: "2099-01-01", Default: "2027-12-02", Place: Place{File: "register.yaml", Line: 6, Column: 19}},
		{Key: "supplier_watch", Value: "Hikvision", Default: "", Place: Place{File: "register.yaml", Line: 12, Column: 3}},
		{Key: "evaluation.intervals.drone", Value: "P2Y", Default: "", Place: Place{File: "register.yaml", Line: 10, Column: 12}},
		{Key: "evaluation.intervals.public_order", Value: "P5Y", Default: "P1Y", Place: Place{File: "register.yaml", Line: 9, Column: 19}},
	}
	if len(c.Changes) != len(want) {
		t.Fatalf("changes:\n got %+v\nwant %+v", c.Changes, want)
	}
	for i := range want {
		if c.Changes[i] != want[i] {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, c.Changes[i], want[i])
		}
	}
	if w := c.Changes[0].Where(); w != "REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX" {
		t.Errorf("where %q", w)
	}
	if w := c.Changes[1].Where(); w != "register.yaml:3:23" {
		t.Errorf("where %q", w)
	}
	if d := Default(); len(d.Changes) != 0 {
		t.Errorf("the defaults change %v", d.Changes)
	}
}
