package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestLifecycleEnd(t *testing.T) {
	runCases(t, "lifecycle-end", nil, []ruleCase{
		{name: "end and criteria", yaml: `
id: s
kind: sensor
lifecycle: {start: 2026-01-01, end: 2028-01-01, extension_criteria: Still used.}
`},
		{name: "no end, no criteria", yaml: `
id: s
kind: sensor
lifecycle:
  start: 2026-01-01
`, want: []want{
			{"lifecycle-end", "VNG 3.4", finding.Warning, 3, 1, "the life cycle does not say on what grounds the deployment may be extended"},
			{"lifecycle-end", "VNG 3.4", finding.Warning, 3, 1, "the life cycle has no end date"},
		}},
		{name: "a camera's missing end is camera-temporary's", yaml: `
id: s
kind: sensor
sensor_type: camera
lifecycle: {start: 2026-01-01, extension_criteria: Incidents.}
camera_regime: public_order
`},
		{name: "end before start", yaml: `
id: s
kind: algorithm
lifecycle: {start: 2026-01-01, end: 2025-12-31, extension_criteria: x}
`, want: []want{{"lifecycle-end", "VNG 3.4", finding.Warning, 3, 37, "the life cycle ends on 2025-12-31, before its start on 2026-01-01"}}},
		{name: "a deployment of one day ends on its start", yaml: `
id: s
kind: algorithm
lifecycle: {start: 2027-04-27, end: 2027-04-27, extension_criteria: x}
`},
		{name: "retired without an end date", yaml: `
id: s
kind: algorithm
status: retired
lifecycle: {start: 2020-01-01}
`, want: []want{{"lifecycle-end", "VNG 3.4", finding.Warning, 4, 1, "the record is retired but its life cycle has no end date"}}},
		{name: "retired with an end date", yaml: `
id: s
kind: algorithm
status: retired
lifecycle: {start: 2020-01-01, end: 2024-06-30}
`},
	})
}

func TestLifecycleEnded(t *testing.T) {
	runCases(t, "lifecycle-ended", nil, []ruleCase{
		{name: "ends later", yaml: `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01, end: 2026-11-24}
`},
		{name: "retired after its end", yaml: `
id: s
kind: sensor
status: retired
lifecycle: {start: 2024-01-01, end: 2025-01-01}
`},
		{name: "active after its end", yaml: `
id: s
kind: sensor
status: active
lifecycle:
  start: 2024-01-01
  end: 2026-11-01
`, want: []want{{"lifecycle-ended", "VNG 3.4", finding.Error, 6, 8, "the record is active, but its life cycle ended on 2026-11-01"}}},
		{name: "the mayor's cameras past their fixed term", yaml: publicOrderPastTerm, want: []want{{"lifecycle-ended", "C-camera-temporary, VNG I", finding.Error, 5, 37,
			"the public-order cameras are active, but the term the mayor decided on ended on 2026-06-30…(Gemeentewet art. 151c(1))"}}},
		{name: "suspended cameras past their term", yaml: strings.Replace(publicOrderPastTerm, "status: active", "status: suspended", 1)},
	})
}

// publicOrderPastTerm is the mayor's camera still in use after the end of
// the term the mayor decided on.
const publicOrderPastTerm = `
id: c
kind: sensor
status: active
organisation: {type: municipality}
lifecycle: {start: 2025-07-01, end: 2026-06-30}
sensor_type: camera
camera_regime: public_order
`

// TestLifecycleEndedIsLawForPublicOrderCameras: switching the rule off
// silences the policy of VNG 3.4 for other records, never the fixed term of
// the mayor's decision (151c(1)): that finding stays an error, and the
// setting itself is reported as one.
func TestLifecycleEndedIsLawForPublicOrderCameras(t *testing.T) {
	sensor := `
id: s
kind: sensor
status: active
lifecycle: {start: 2024-01-01, end: 2026-11-01}
`
	for _, tt := range []struct {
		name, cfg string
		want      []want
	}{
		{"by default", "", []want{
			{"lifecycle-ended", "C-camera-temporary, VNG I", finding.Error, 5, 37, "the term the mayor decided on ended on 2026-06-30…(Gemeentewet art. 151c(1))"},
			{"lifecycle-ended", "VNG 3.4", finding.Error, 4, 37, "the record is active, but its life cycle ended on 2026-11-01"}}},
		{"switched off", "rules: {lifecycle-ended: {severity: \"off\", reason: x}}\n", []want{
			{finding.RuleConfig, "VNG 3.4", finding.Error, 1, 9, "rules.lifecycle-ended: off would switch off or lower duties that follow from law (Gemeentewet art. 151c(1)) for a public-order camera"},
			{"lifecycle-ended", "C-camera-temporary, VNG I", finding.Error, 5, 37, "the term the mayor decided on ended on 2026-06-30"}}},
		{"a warning", "rules: {lifecycle-ended: {severity: warning, reason: x}}\n", []want{
			{finding.RuleConfig, "VNG 3.4", finding.Error, 1, 9, "rules.lifecycle-ended: warning would switch off or lower duties that follow from law"},
			{"lifecycle-ended", "C-camera-temporary, VNG I", finding.Error, 5, 37, "the term the mayor decided on ended on 2026-06-30"},
			{"lifecycle-ended", "VNG 3.4", finding.Warning, 4, 37, "the record is active, but its life cycle ended on 2026-11-01"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := configFrom(t, tt.cfg)
			fx := newFixture(t, cfg, publicOrderPastTerm, sensor)
			fs := Run(fx.reg, Options{Today: day(testToday)})
			fx.locate(fs)
			finding.Sort(fs)
			var mine []finding.Finding
			for _, f := range fs {
				if f.Rule == "lifecycle-ended" || f.Rule == finding.RuleConfig {
					mine = append(mine, f)
				}
			}
			match(t, mine, tt.want)
		})
	}
}

func TestEvaluationLapsed(t *testing.T) {
	runCases(t, "evaluation-lapsed", nil, []ruleCase{
		{name: "evaluated within the term", yaml: `
id: s
kind: sensor
status: active
lifecycle: {start: 2020-01-01}
evaluation: {last: 2023-01-01}
`},
		{name: "new and not yet due", yaml: `
id: s
kind: sensor
status: active
sensor_type: camera
lifecycle: {start: 2026-01-01}
camera_regime: public_order
`},
		{name: "never evaluated, four years after the start", yaml: `
id: s
kind: algorithm
status: active
lifecycle: {start: 2022-06-30}
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 1, 1, "the evaluation was due on 2026-06-30 (P4Y after its start on 2022-06-30) and is overdue"}}},
		{name: "a camera's yearly evaluation lapsed", yaml: `
id: s
kind: sensor
status: active
sensor_type: anpr_camera
lifecycle: {start: 2024-01-01}
evaluation:
  last: 2025-11-22
camera_regime: public_order
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 7, 9, "the evaluation was due on 2026-11-22 (P1Y after the last evaluation on 2025-11-22) and is overdue"}}},
		{name: "the record's own interval counts", yaml: `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: P6M, last: 2026-04-01}
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 5, 35, "due on 2026-10-01 (P6M after the last evaluation on 2026-04-01) and is overdue"}}},
		{name: "an interval in hours is none: the configured one counts", yaml: `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: PT48H, last: 2026-04-01}
`},
		{name: "an interval of no time is none either", yaml: `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: P0D, last: 2026-04-01}
`},
		{name: "a suspended record's evaluation still falls due", yaml: `
id: s
kind: sensor
status: suspended
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2019-06-01}
evaluation: {last: 2020-01-01}
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 7, 20, "the evaluation was due on 2021-01-01 (P1Y after the last evaluation on 2020-01-01) and is overdue"}}},
		{name: "a suspended record with nothing to count from", yaml: `
id: s
kind: algorithm
status: suspended
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 1, 1, "when its evaluation is due cannot be checked"}}},
		// A last evaluation that is not a date does not hide the start:
		// counted from it, the yearly evaluation is overdue.
		{name: "a last evaluation that is not a date counts from the start", yaml: `
id: s
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2025-07-01}
evaluation: {last: 2026-02-30}
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 7, 20, "the evaluation was due on 2026-07-01 (P1Y after its start on 2025-07-01; evaluation.last \"2026-02-30\" is not a date) and is overdue"}}},
		{name: "a last evaluation that is not a date, and no start", yaml: `
id: s
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
evaluation: {last: 2026-02-30}
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 6, 20, "when its evaluation is due cannot be checked: its evaluation.last \"2026-02-30\" is not a date and it has no lifecycle.start"}}},
		// An evaluation dated after today has not happened, as a DPIA
		// dated after today is not done: the record counts as never
		// evaluated, its evaluation due by its start.
		{name: "a last evaluation still to come, overdue by the start", yaml: `
id: s
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2025-07-01}
evaluation: {interval: P1Y, last: 2099-01-15, outcome: Nog te doen.}
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 7, 35, "evaluation.last is 2099-01-15, a date still to come: an evaluation cannot have happened in the future, so the record counts as never evaluated; counted from its start on 2025-07-01, the evaluation was due on 2026-07-01 (P1Y later) and is overdue"}}},
		{name: "a last evaluation still to come, not yet due by the start", yaml: `
id: s
kind: algorithm
status: active
lifecycle: {start: 2025-07-01}
evaluation: {last: 2027-01-15}
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 5, 20, "evaluation.last is 2027-01-15, a date still to come: an evaluation cannot have happened in the future, so the record counts as never evaluated; counted from its start on 2025-07-01, the evaluation is due by 2029-07-01"}}},
		{name: "a last evaluation still to come, and no start", yaml: `
id: s
kind: algorithm
status: active
evaluation: {last: 2027-01-15}
`, want: []want{{"evaluation-lapsed", "VNG III", finding.Warning, 4, 20, "evaluation.last is 2027-01-15, a date still to come: an evaluation cannot have happened in the future, so the record counts as never evaluated, and without a valid lifecycle.start when its evaluation is due cannot be checked"}}},
		{name: "a last evaluation today counts", yaml: `
id: s
kind: algorithm
status: active
lifecycle: {start: 2020-07-01}
evaluation: {last: 2026-11-24}
`},
		{name: "a planned record has no evaluation due", yaml: `
id: s
kind: algorithm
status: planned
lifecycle: {start: 2027-01-01}
`},
		{name: "a camera may not take two years", yaml: `
id: s
kind: sensor
status: planned
sensor_type: camera
evaluation:
  interval: P2Y
camera_regime: public_order
`, want: []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 6, 13, "evaluation interval P2Y is longer than the P1Y that applies to this kind of record"}}},
	})
}

// newSensor starts on 2026-12-01 and was registered on registered.
func newSensor(registered string) string {
	s := `
id: s
kind: sensor
status: planned
organisation: {name: G, type: municipality}
lifecycle:
  start: 2026-12-01
`
	if registered != "" {
		s += "registered_on: " + registered + "\n"
	}
	return s
}

func TestNoticePeriod(t *testing.T) {
	runCases(t, "notice-period", nil, []ruleCase{
		{name: "registered in time", yaml: newSensor("2026-11-20")},
		{name: "registered exactly five days ahead", yaml: newSensor("2026-11-26")},
		{name: "registered too late", yaml: newSensor("2026-11-27"),
			want: []want{{"notice-period", "C-sensor-register", finding.Warning, 7, 16, "the sensor was registered on 2026-11-27 (registered_on), 4 days before it started on 2026-12-01; the notice period is P5D"}}},
		{name: "registered after the start", yaml: newSensor("2026-12-03"),
			want: []want{{"notice-period", "C-sensor-register", finding.Warning, 7, 16, "2 days after it started"}}},
		{name: "a private sensor cites 6.5", yaml: strings.Replace(newSensor("2026-11-28"), "type: municipality", "type: private", 1),
			want: []want{{"notice-period", "VNG 6.5", finding.Warning, 7, 16, "registered on 2026-11-28 (registered_on), 3 days before"}}},
		{name: "without Git or registered_on the rule is skipped", yaml: newSensor(""),
			want: []want{{"notice-period", "C-sensor-register", finding.Info, 1, 1, "the duty to report was not checked: the record has no registered_on and the register is not in Git"}}},
		{name: "police sensors are exempt", yaml: `
id: s
kind: sensor
organisation: {name: Politie, type: police}
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`},
		{name: "public-order cameras are exempt", yaml: `
id: s
kind: sensor
legal_basis: {regime: police_data, law: Gemeentewet art. 151c}
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`},
		{name: "the police's own sensors are exempt", yaml: `
id: s
kind: sensor
organisation: {type: police}
legal_basis: {regime: police_data}
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`},
		{name: "a municipality's claim of police data does not exempt its sensor", yaml: `
id: s
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: police_data}
sensor_type: camera
camera_regime: police
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`, want: []want{{"notice-period", "C-sensor-register", finding.Warning, 8, 16, "the sensor was registered on 2026-11-30 (registered_on), 1 day before it started on 2026-12-01; the notice period is P5D"}}},
		{name: "a camera under camera_regime public_order is exempt", yaml: `
id: s
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`},
		// A theme is a label for finding records, not what makes a sensor
		// the police's or public order's: a shop's counter tagged with
		// the public-order theme is still a private sensor to report.
		{name: "a public-order theme does not exempt a private sensor", yaml: `
id: s
kind: sensor
organisation: {name: Winkelcentrum BV, type: private}
themes: [economie, openbare-orde-en-veiligheid]
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`, want: []want{{"notice-period", "VNG 6.5", finding.Warning, 6, 16, "the sensor was registered on 2026-11-30 (registered_on), 1 day before it started on 2026-12-01"}}},
		{name: "a public-order theme does not exempt the municipality's sensor", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
themes: [openbare-orde-en-veiligheid]
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`, want: []want{{"notice-period", "C-sensor-register", finding.Warning, 6, 16, "1 day before it started on 2026-12-01"}}},
		{name: "algorithms have no duty to report", yaml: `
id: a
kind: algorithm
lifecycle: {start: 2026-12-01}
registered_on: 2026-11-30
`},
	})
	// notice.since exempts what started before it; the notice period is configurable.
	cfg := configFrom(t, "notice: {since: 2027-01-01, period: P10D}\n")
	match(t, only(t, "notice-period", cfg, nil, testToday, newSensor("2026-11-27")), nil)
	cfg = configFrom(t, "notice: {period: P2D}\n")
	match(t, only(t, "notice-period", cfg, nil, testToday, newSensor("2026-11-27")), nil)
	// Raising the rule raises its findings, but the note that it was not
	// checked stays a note: it never fails a run.
	cfg = configFrom(t, "rules: {notice-period: error}\n")
	match(t, only(t, "notice-period", cfg, nil, testToday, newSensor("2026-11-27"), strings.Replace(newSensor(""), "id: s", "id: t", 1)), []want{
		{"notice-period", "C-sensor-register", finding.Error, 7, 16, "registered on 2026-11-27"},
		{"notice-period", "C-sensor-register", finding.Info, 1, 1, "not checked"},
	})
}

func TestNoticePeriodFromGit(t *testing.T) {
	file := "sensors/s.yaml"
	tests := []struct {
		name string
		hist fakeHistory
		yaml string
		want []want
	}{
		{"first commit in time", fakeHistory{start: "2024-01-01", first: map[string]string{file: "2026-11-01"}}, newSensor(""), nil},
		{"first commit too late", fakeHistory{start: "2024-01-01", first: map[string]string{file: "2026-11-28"}}, newSensor(""),
			[]want{{"notice-period", "C-sensor-register", finding.Warning, 6, 10, "registered on 2026-11-28 (its first commit), 3 days before it started on 2026-12-01"}}},
		{"not committed yet: registered today", fakeHistory{start: "2024-01-01"}, newSensor(""), nil},
		{"registered_on wins over Git", fakeHistory{start: "2024-01-01", first: map[string]string{file: "2026-11-01"}}, newSensor("2026-11-29"),
			[]want{{"notice-period", "C-sensor-register", finding.Warning, 7, 16, "registered on 2026-11-29 (registered_on)"}}},
		{"started before the register existed", fakeHistory{start: "2026-12-02", first: map[string]string{file: "2026-12-02"}}, newSensor(""), nil},
		{"a repository without commits is no history", fakeHistory{}, newSensor(""),
			[]want{{"notice-period", "C-sensor-register", finding.Info, 1, 1, "not checked"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match(t, only(t, "notice-period", nil, tt.hist, testToday, tt.yaml), tt.want)
		})
	}
	// A sensor that is not committed yet and starts within the notice period.
	soon := `
id: s
kind: sensor
lifecycle:
  start: 2026-11-26
`
	match(t, only(t, "notice-period", nil, fakeHistory{start: "2024-01-01"}, testToday, soon), []want{
		{"notice-period", "C-sensor-register", finding.Warning, 4, 10, "registered on 2026-11-24 (today (the record is not committed yet)), 2 days before it started on 2026-11-26"},
	})
}
