package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// unsigned is a sensor that processes personal data without signs, which
// the signage rule reports at the record's top (a policy duty: for a camera
// it would be the law's); its exceptions follow from line 6.
const unsigned = `
id: cam
kind: sensor
status: active
personal_data: {processed: "yes"}
`

// signsRequired raises signage for every sensor to an error, as a
// municipality may.
const signsRequired = "rules: {signage: error}\n"

func TestExceptions(t *testing.T) {
	signs := func(sev finding.Severity, msg string) want {
		return want{"signage", "VNG 4.3", sev, 1, 1, msg}
	}
	runCases(t, "signage", configFrom(t, signsRequired), []ruleCase{
		{name: "valid: info", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{signs(finding.Info, "allowed by the exception approved by college on 2026-10-01 until 2027-04-01: the record does not say how the sensor is made recognisable")}},
		{name: "ends within the due-soon window: warning", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-10-01, until: 2027-01-10}
`, want: []want{signs(finding.Warning, "allowed by an exception that ends on 2027-01-10, within P90D: the record does not say")}},
		{name: "expired: no longer counts", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-01-01, until: 2026-11-23}
`, want: []want{
			signs(finding.Error, "(the exception for this rule ended on 2026-11-23 and no longer counts)"),
			{"exception-expired", "exceptions", finding.Warning, 6, 100, "the exception to signage ended on 2026-11-23"},
		}},
		{name: "an expired exception next to its renewal: the renewal counts", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-01-01, until: 2026-06-30}
  - {rule: signage, reason: Supplier late., approved_by: college, approved_on: 2026-06-20, until: 2027-04-01}
`, want: []want{
			signs(finding.Info, "allowed by the exception approved by college on 2026-06-20 until 2027-04-01: the record does not say how the sensor is made recognisable, while it processes personal data"),
			{"exception-expired", "exceptions", finding.Warning, 6, 100, "the exception to signage ended on 2026-06-30"},
		}},
		{name: "longer than exception_max: still counts, with a warning", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-01-01, until: 2027-06-01}
`, want: []want{
			signs(finding.Info, "allowed by the exception"),
			{"exception-too-long", "exceptions", finding.Warning, 6, 100, "runs from 2026-01-01 to 2027-06-01, longer than limits.exception_max (P1Y); it still counts"},
		}},
		{name: "incomplete: does not count", yaml: unsigned + `exceptions:
  - {rule: signage, approved_on: 2026-10-01}
`, want: []want{signs(finding.Error, "(the exception at exceptions[0] does not count: it lacks a reason, who approved it (approved_by) and an end date (until))")}},
		{name: "approved from a later date: does not count yet", yaml: unsigned + `exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-12-01, until: 2027-04-01}
`, want: []want{signs(finding.Error, "does not count: it is approved from 2026-12-01, a date still to come)")}},
		{name: "matches no finding", yaml: `
id: cam
kind: sensor
status: active
sensor_type: camera
signage: {present: true}
exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
camera_regime: public_order
`, want: []want{{"exception-unused", "exceptions", finding.Warning, 7, 5, "the exception to signage matches no finding on this record"}}},
		{name: "names a rule that does not exist", yaml: unsigned + `signage: {present: true}
exceptions:
  - {rule: signge, reason: Typo., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{{"exception-unused", "exceptions", finding.Warning, 7, 12, `the exception names rule "signge", which does not exist`}}},
	})
}

func TestExceptionToSwitchedOffRuleIsNotUnused(t *testing.T) {
	cfg := configFrom(t, "rules: {signage: off}\n")
	fs := only(t, "signage", cfg, nil, testToday, unsigned+`exceptions:
  - {rule: signage, reason: Signs on order., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`)
	match(t, fs, nil)
}
