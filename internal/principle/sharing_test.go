package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

func TestSharingTemporary(t *testing.T) {
	runCases(t, "sharing-temporary", nil, []ruleCase{
		{name: "temporary, with retention, no onward sharing", yaml: `
id: a
kind: algorithm
status: active
data_sharing:
  - {party: RDW, start: 2026-01-01, end: 2028-12-31, retention: P1Y, onward_sharing: false}
`},
		{name: "no records of sharing", yaml: `
id: a
kind: algorithm
`},
		{name: "open-ended and passed on", yaml: `
id: a
kind: algorithm
status: active
data_sharing:
  - party: Politie
    start: 2026-01-01
    onward_sharing: true
`, want: []want{
			{"sharing-temporary", "C-sharing-temporary", finding.Warning, 5, 5, "data sharing with Politie does not say how long Politie may keep the data"},
			{"sharing-temporary", "C-sharing-temporary", finding.Error, 5, 5, "data sharing with Politie has no end date: sharing agreements are always temporary"},
			{"sharing-temporary", "C-sharing-temporary", finding.Error, 7, 21, "Politie may pass the data on to others"},
		}},
		{name: "too long, and silent on onward sharing", yaml: `
id: a
kind: algorithm
status: planned
data_sharing:
  - {party: Provincie, start: 2026-01-01, end: 2029-01-02, retention: P1Y}
`, want: []want{
			{"sharing-temporary", "C-sharing-temporary", finding.Warning, 5, 5, "data sharing with Provincie does not say whether the data may be passed on"},
			{"sharing-temporary", "C-sharing-temporary", finding.Warning, 5, 48, "data sharing with Provincie runs from 2026-01-01 to 2029-01-02, longer than P3Y (limits.data_sharing_max)"},
		}},
		{name: "ended while the record is active", yaml: `
id: a
kind: algorithm
status: active
data_sharing:
  - {party: GGD, start: 2025-01-01, end: 2026-06-30, retention: P1M, onward_sharing: false}
`, want: []want{{"sharing-temporary", "C-sharing-temporary", finding.Warning, 5, 42, "the data-sharing agreement with GGD ended on 2026-06-30"}}},
	})
	// A public-order camera's recipient without a retention is
	// camera-retention's, a legal duty (Gemeentewet art. 151c(6)): this
	// rule does not say it again. The police keep images under their own
	// law, so their missing retention stays this rule's.
	match(t, only(t, "sharing-temporary", nil, nil, testToday, `
id: c
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
data_sharing:
  - {party: Winkeliersvereniging, start: 2026-01-01, end: 2026-12-31, onward_sharing: false}
  - {party: Politie, start: 2026-01-01, end: 2026-12-31, onward_sharing: false}
`), []want{{"sharing-temporary", "C-sharing-temporary", finding.Warning, 8, 5, "data sharing with Politie does not say how long Politie may keep the data"}})
	// The maximum is configurable.
	cfg := configFrom(t, "limits: {data_sharing_max: P4Y}\n")
	match(t, only(t, "sharing-temporary", cfg, nil, testToday, `
id: a
kind: algorithm
data_sharing:
  - {party: Provincie, start: 2026-01-01, end: 2029-01-02, retention: P1Y, onward_sharing: false}
`), nil)
}

func TestBreachReported(t *testing.T) {
	runCases(t, "breach-reported", nil, []ruleCase{
		{name: "reported within 72 hours", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", reported: "2026-05-06T09:00:00+02:00"}
`},
		{name: "late, with the reason given", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", reported: "2026-05-10T09:00:00+02:00", delay_reason: Investigation by the supplier.}
`, want: []want{{"breach-reported", "C-breach", finding.Warning, 4, 119, "the data breach was reported 167 hours and 50 minutes after it was discovered, later than 72 hours, with the reasons for the delay, as GDPR art. 33(1) asks of a later notice"}}},
		{name: "nine days late, with the reason given: the law's route, not an exception", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-01T09:00:00+02:00", reported: "2026-05-10T09:00:00+02:00", delay_reason: Investigation by the supplier.}
`, want: []want{{"breach-reported", "C-breach", finding.Warning, 4, 119, "the data breach was reported 216 hours after it was discovered, later than 72 hours, with the reasons for the delay, as GDPR art. 33(1) asks of a later notice"}}},
		{name: "reported at exactly 72 hours", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:00:00+02:00", reported: "2026-05-06T09:00:00+02:00"}
`},
		{name: "reported a minute after 72 hours", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:00:00+02:00", reported: "2026-05-06T09:01:00+02:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 76, "the data breach was reported 72 hours and 1 minute after it was discovered, later than 72 hours"}}},
		{name: "reported seconds after 72 hours: said exactly", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:00:00+02:00", reported: "2026-05-06T09:00:30+02:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 76, "the data breach was reported 72 hours and 30 seconds after it was discovered"}}},
		{name: "reported 73 and a half hours after", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:00:00+02:00", reported: "2026-05-06T10:30:00+02:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 76, "the data breach was reported 73 hours and 30 minutes after it was discovered"}}},
		{name: "not notifiable", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", notifiable: false}
`},
		{name: "a malfunction is no breach", yaml: `
id: s
kind: sensor
incidents:
  - {type: malfunction, discovered: "2026-05-03T09:10:00+02:00"}
`},
		// The checklist counts in days: the day the 72 hours end is the
		// first it reports them, in Amsterdam's calendar.
		{name: "the 72 hours end this morning, not reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-11-21T10:00:00+01:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 5, "has not been reported to the Dutch DPA (the latest time to report it, 72 hours after discovery: 2026-11-24 10:00 CET)"}}},
		{name: "the 72 hours end tonight, not reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-11-21T23:30:00+01:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 5, "discovery: 2026-11-24 23:30 CET)"}}},
		{name: "the 72 hours end just after midnight in Amsterdam", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-11-22T00:30:00+01:00"}
`},
		{name: "discovered today, not yet reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-11-23T22:00:00+01:00"}
`},
		{name: "reported after 73 hours", yaml: `
id: s
kind: sensor
incidents:
  - type: data_breach
    discovered: "2026-05-03T09:00:00+02:00"
    reported: "2026-05-06T10:00:00+02:00"
`, want: []want{{"breach-reported", "C-breach", finding.Error, 6, 15, "the data breach was reported 73 hours after it was discovered, later than 72 hours, and no delay_reason is given"}}},
		{name: "dates only: four days late", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: 2026-05-01, reported: 2026-05-05}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 59, "reported 96 hours after"}}},
		{name: "never reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: other, discovered: 2026-01-01}
  - {type: data_breach, discovered: "2026-11-01T08:00:00Z"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 5, 5, "the data breach discovered on 2026-11-01T08:00:00Z has not been reported to the Dutch DPA"}}},
		// A date the breach cannot have: found after the day of the run,
		// or reported before it was found. Neither shows it was reported
		// in time.
		{name: "discovered after today", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2099-11-01T10:00:00+01:00", summary: Een lek.}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 37, "the data breach is recorded as discovered on 1 November 2099 at 10:00 Dutch time (2099-11-01T10:00:00+01:00), a day still to come"}}},
		{name: "discovered tomorrow in Amsterdam", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-11-25T00:30:00+01:00", reported: "2026-11-25T09:00:00+01:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 37, "a day still to come"}}},
		{name: "reported before it was discovered", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-03-10T10:00:00+01:00", reported: "2026-03-01T10:00:00+01:00"}
`, want: []want{{"breach-reported", "C-breach", finding.Error, 4, 76, "the data breach is recorded as reported on 2026-03-01T10:00:00+01:00, before it was discovered on 2026-03-10T10:00:00+01:00"}}},
	})
}

func TestCorrectionDesk(t *testing.T) {
	rec := `
id: s
kind: sensor
`
	tests := []struct {
		name string
		cfg  string
		want []want
	}{
		{"set", "site: {report_error_url: https://voorbeeldstad.example/meldpunt}\n", nil},
		{"missing", "site: {title: Register}\n", []want{{"correction-desk", "C-correction-desk", finding.Warning, 0, 0, "site.report_error_url is not set"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "correction-desk", configFrom(t, tt.cfg), nil, testToday, rec)
			match(t, fs, tt.want)
			for _, f := range fs {
				if f.File != config.FileName || f.Path != "/site" || !f.Key {
					t.Errorf("finding points at %s %q (key %v), want register.yaml /site", f.File, f.Path, f.Key)
				}
			}
		})
	}
}

// A breach of police data (the police's own, or what boa's process as
// police data) falls outside the GDPR (art. 2(2)(d)), but the Law
// Enforcement Directive asks the same (art. 30(1)), as the Wet
// politiegegevens carries it out: its finding cites that article, says no
// GDPR, and configuration cannot lower it. The same boa camera under the
// GDPR, and the mayor's public-order camera whose images the police view,
// keep GDPR art. 33(1).
func TestBreachOfPoliceDataIsTheDirectives(t *testing.T) {
	const (
		boaPolice   = boaCamera
		boaGDPR     = boaCameraGDPR
		policeOwn   = policeOwnCamera
		publicOrder = policeViewedCamera
		unreported  = "incidents:\n  - {type: data_breach, discovered: \"2026-05-03T09:00:00+02:00\", summary: x}\n"
		late        = "incidents:\n  - {type: data_breach, discovered: \"2026-05-03T09:00:00+02:00\", reported: \"2026-05-07T09:00:00+02:00\", summary: x}\n"
		lateReason  = "incidents:\n  - {type: data_breach, discovered: \"2026-05-03T09:00:00+02:00\", reported: \"2026-05-07T09:00:00+02:00\", delay_reason: Investigation., summary: x}\n"
	)
	lowered := configFrom(t, "rules: {breach-reported: {severity: info, reason: x}}\n")
	for _, tt := range []struct {
		name, yaml string
		law        string // the finding's law in English
		sev        finding.Severity
		lowered    finding.Severity // with the rule set to info
		message    string
	}{
		{"boa's police data, not reported", boaPolice + unreported, "Wet politiegegevens; Directive (EU) 2016/680 art. 30(1)", finding.Error, finding.Error, "has not been reported to the Dutch DPA"},
		{"boa's police data, late", boaPolice + late, "Wet politiegegevens; Directive (EU) 2016/680 art. 30(1)", finding.Error, finding.Error, "later than 72 hours, and no delay_reason is given"},
		{"boa's police data, late with the reasons", boaPolice + lateReason, "Wet politiegegevens; Directive (EU) 2016/680 art. 30(1)", finding.Warning, finding.Warning, "later than 72 hours, with the reasons for the delay"},
		{"the police's own, late", policeOwn + late, "Wet politiegegevens; Directive (EU) 2016/680 art. 30(1)", finding.Error, finding.Error, "later than 72 hours, and no delay_reason is given"},
		{"the police's own, late with the reasons", policeOwn + lateReason, "Wet politiegegevens; Directive (EU) 2016/680 art. 30(1)", finding.Warning, finding.Warning, "later than 72 hours, with the reasons for the delay"},
		{"the police under the GDPR, late", strings.Replace(policeOwn, "regime: police_data", "regime: gdpr, gdpr_ground: legal_obligation", 1) + late, "GDPR art. 33(1)", finding.Error, finding.Error, "later than 72 hours, and no delay_reason is given"},
		{"boa's camera under the GDPR, not reported", boaGDPR + unreported, "GDPR art. 33(1)", finding.Error, finding.Error, "has not been reported to the Dutch DPA"},
		{"boa's camera under the GDPR, late", boaGDPR + late, "GDPR art. 33(1)", finding.Error, finding.Error, "later than 72 hours, and no delay_reason is given"},
		{"a public-order camera the police view, late", publicOrder + late, "GDPR art. 33(1)", finding.Error, finding.Error, "later than 72 hours, and no delay_reason is given"},
		{"boa's camera under the GDPR, late with the reasons", boaGDPR + lateReason, "GDPR art. 33(1)", finding.Warning, finding.Warning, "with the reasons for the delay, as GDPR art. 33(1) asks of a later notice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, run := range []struct {
				cfg  *config.Config
				want finding.Severity
			}{{nil, tt.sev}, {lowered, tt.lowered}} {
				fs := only(t, "breach-reported", run.cfg, nil, testToday, tt.yaml)
				if len(fs) != 1 {
					t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
				}
				f := fs[0]
				if f.Law.In("en") != tt.law || f.Severity != run.want || !strings.Contains(f.Message.In("en"), tt.message) {
					t.Errorf("got law %q, %s, %q; want law %q, %s, %q", f.Law.In("en"), f.Severity, f.Message.In("en"), tt.law, run.want, tt.message)
				}
				if strings.HasPrefix(tt.law, "GDPR") {
					continue
				}
				for _, text := range []string{f.Message.In("en"), f.Help.In("en"), f.Message.In("nl"), f.Help.In("nl")} {
					if strings.Contains(text, "GDPR") || strings.Contains(text, "AVG") {
						t.Errorf("a finding on police data says the GDPR: %q", text)
					}
				}
			}
		})
	}
}
