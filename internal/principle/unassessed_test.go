package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

// A rule that applies to a record but lacks the data to assess it says what
// is missing: silence would read as a pass on the record's page. One table
// per rule, each with the record that is fine and the one that cannot be
// assessed.

func TestCameraTemporaryWithoutStart(t *testing.T) {
	runCases(t, "camera-temporary", nil, []ruleCase{
		{name: "public-order camera with an end but no start", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {end: 2050-01-01}
`, want: []want{{"camera-temporary", "C-camera-temporary", finding.Warning, 5, 1, "the camera's term cannot be checked: lifecycle.start is missing or not a date, so it is unknown whether the camera stays no longer than P2Y"}}},
		{name: "an end that is not a date", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-01-01, end: soon}
`, want: []want{{"camera-temporary", "C-camera-temporary", finding.Warning, 5, 37, "lifecycle.end is missing or not a date"}}},
		{name: "a traffic camera without a start is not this rule's", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: traffic_management
lifecycle: {end: 2050-01-01}
`},
	})
}

func TestCameraDecisionWithoutStart(t *testing.T) {
	runCases(t, "camera-decision", nil, []ruleCase{
		{name: "decisions but no start", yaml: `
id: c
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
decisions:
  - {body: council, kind: mandate, date: 2024-06-27}
  - {body: mayor, kind: authorisation, date: 2026-01-10}
lifecycle: {end: 2027-01-01}
`, want: []want{{"camera-decision", "VNG I", finding.Error, 9, 1, "has no valid start date (lifecycle.start), so the council's bylaw and the mayor's decision cannot be shown to precede the start (Gemeentewet art. 151c(1))"}}},
		{name: "planned: nothing started yet", yaml: `
id: c
kind: sensor
status: planned
sensor_type: camera
camera_regime: public_order
`},
	})
}

func TestCameraRetentionNotStated(t *testing.T) {
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "public-order camera without retention", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-retention", "VNG V", finding.Error, 1, 1, "public-order camera surveillance does not state how long images are kept, so the register cannot show they are destroyed within four weeks (Gemeentewet art. 151c(6))"}}},
		{name: "a retention that is not a duration", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
retention: four weeks
`, want: []want{{"camera-retention", "VNG V", finding.Error, 5, 12, "retention \"four weeks\" is not a duration, so the register cannot show"}}},
		{name: "four weeks", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
retention: P28D
`},
		{name: "not stored", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
retention: not_stored
`},
		{name: "a traffic camera's retention is not 151c's", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: traffic_management
`},
	})
	// The policy rule leaves a public-order camera to the legal one, so the
	// page does not say the same thing twice.
	runCases(t, "retention", nil, []ruleCase{
		{name: "public-order camera: camera-retention's", yaml: `
id: c
kind: sensor
sensor_type: camera
personal_data: {processed: "yes"}
camera_regime: public_order
`},
	})
}

func TestLifecycleEndWithoutStart(t *testing.T) {
	runCases(t, "lifecycle-end", nil, []ruleCase{
		{name: "an end but no start", yaml: `
id: s
kind: sensor
lifecycle: {end: 2030-01-01, extension_criteria: Als het nog nodig is.}
`, want: []want{{"lifecycle-end", "VNG 3.4", finding.Warning, 3, 1, "the life cycle has an end date but no valid start date (lifecycle.start)"}}},
	})
}

func TestEvaluationWithoutDates(t *testing.T) {
	runCases(t, "evaluation-lapsed", nil, []ruleCase{
		{name: "in use without a start or a last evaluation", yaml: `
id: s
kind: sensor
status: active
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 1, 1, "when its evaluation is due cannot be checked"}}},
		{name: "a public-order camera cites the yearly evaluation too", yaml: `
id: s
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 1, 1, "when its evaluation is due cannot be checked"}}},
		{name: "planned: nothing to evaluate yet", yaml: `
id: s
kind: sensor
status: planned
`},
	})
}

func TestNoticeWithoutStart(t *testing.T) {
	runCases(t, "notice-period", nil, []ruleCase{
		{name: "a sensor in use without a start", yaml: `
id: s
kind: sensor
status: active
registered_on: 2026-01-01
`, want: []want{{"notice-period", "C-sensor-register", finding.Warning, 1, 1, "whether it was reported in time cannot be checked"}}},
		{name: "a private sensor in use without a start", yaml: `
id: s
kind: sensor
status: active
organisation: {name: Garage BV, type: private}
`, want: []want{{"notice-period", "VNG 6.5", finding.Warning, 1, 1, "whether it was reported in time cannot be checked"}}},
		{name: "planned without a start: reported before it starts", yaml: `
id: s
kind: sensor
status: planned
`},
	})
}

func TestSharingWithoutStart(t *testing.T) {
	runCases(t, "sharing-temporary", nil, []ruleCase{
		{name: "an end but no start", yaml: `
id: s
kind: sensor
data_sharing:
  - {party: Politie, end: 2036-01-01, retention: P1Y, onward_sharing: false}
`, want: []want{{"sharing-temporary", "C-sharing-temporary", finding.Warning, 4, 5, "data sharing with Politie has no valid start date, so it cannot be checked that it lasts at most P3Y"}}},
	})
}

func TestBreachWithoutDiscovery(t *testing.T) {
	runCases(t, "breach-reported", nil, []ruleCase{
		{name: "a breach without its discovery", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, reported: 2026-05-04T16:00:00+02:00}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 5, "the data breach has no valid discovery date and time (discovered), so it cannot be shown that it was reported within 72 hours"}}},
		{name: "not notifiable", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, notifiable: false}
`},
	})
}

func TestDPIAWithoutDate(t *testing.T) {
	runCases(t, "dpia-required", nil, []ruleCase{
		{name: "done without a date", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: "yes"}
dpia: {status: done}
lifecycle: {start: 2026-02-01}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 5, 1, "the DPIA is done but has no valid date (dpia.date), so it cannot be shown that it was done at the start"}}},
	})
}

// TestApplies: which records a rule concerns. A record it does not apply
// to is neither checked nor counted as passing its principle.
func TestApplies(t *testing.T) {
	const (
		camera = "id: c\nkind: sensor\nstatus: active\nsensor_type: camera\ncamera_regime: public_order\n"
		meter  = "id: m\nkind: sensor\nstatus: active\nsensor_type: water_level\npersonal_data: {processed: \"no\"}\n"
		alg    = "id: a\nkind: algorithm\nstatus: active\npersonal_data: {processed: \"no\"}\n"
		counts = "id: d\nkind: sensor\nstatus: active\nsensor_type: camera\ncamera_regime: traffic_management\ncapabilities: [image_analysis, people_counting]\n"
	)
	for _, tt := range []struct {
		rule, yaml string
		want       bool
	}{
		{"camera-temporary", camera, true},
		{"camera-temporary", meter, false},
		{"camera-temporary", alg, false},
		{"camera-retention", counts, false},
		{"notice-period", camera, false}, // public order is exempt from the duty to report
		{"notice-period", meter, true},
		{"minimisation", counts, true},
		{"minimisation", meter, false},
		{"dpia-required", meter, false},
		{"dpia-required", camera, true},
		{"breach-reported", meter, false},
		{"breach-reported", meter + "incidents:\n  - {type: data_breach}\n", true},
		{"self-learning", alg, false},
		{"owner-reachable", alg, true}, // no Applies: every record of its principle's kinds
	} {
		rule, _ := Lookup(tt.rule)
		fx := newFixture(t, config.Default(), tt.yaml)
		if got := rule.AppliesTo(fx.reg.Records[0]); got != tt.want {
			t.Errorf("%s applies to %q: %v, want %v", tt.rule, tt.yaml, got, tt.want)
		}
	}
}
