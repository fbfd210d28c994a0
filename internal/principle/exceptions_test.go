package principle

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// unkept is a sensor that processes personal data without saying how long
// it keeps it, which the retention rule reports at the record's top (a
// policy duty); its exceptions follow from line 6.
const unkept = `
id: cam
kind: sensor
status: active
personal_data: {processed: "yes"}
`

// retentionRequired raises retention to an error, as a municipality may.
const retentionRequired = "rules: {retention: error}\n"

func TestExceptions(t *testing.T) {
	kept := func(sev finding.Severity, msg string) want {
		return want{"retention", "VNG V", sev, 1, 1, msg}
	}
	runCases(t, "retention", configFrom(t, retentionRequired), []ruleCase{
		{name: "valid: info", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{kept(finding.Info, "allowed by the exception approved by college on 2026-10-01 until 2027-04-01: no retention period is stated")}},
		{name: "ends within the due-soon window: warning", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-10-01, until: 2027-01-10}
`, want: []want{kept(finding.Warning, "allowed by an exception that ends on 2027-01-10, within P90D: no retention period")}},
		{name: "expired: no longer counts", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-01-01, until: 2026-11-23}
`, want: []want{
			kept(finding.Error, "(the exception for this rule ended on 2026-11-23 and no longer counts)"),
			{"exception-expired", "exceptions", finding.Warning, 6, 102, "the exception to retention ended on 2026-11-23"},
		}},
		{name: "an expired exception next to its renewal: the renewal counts", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-01-01, until: 2026-06-30}
  - {rule: retention, reason: Archive advice late., approved_by: college, approved_on: 2026-06-20, until: 2027-04-01}
`, want: []want{
			kept(finding.Info, "allowed by the exception approved by college on 2026-06-20 until 2027-04-01: no retention period is stated, while the record processes personal data"),
			{"exception-expired", "exceptions", finding.Warning, 6, 102, "the exception to retention ended on 2026-06-30"},
		}},
		{name: "longer than exception_max: still counts, with a warning", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-01-01, until: 2027-06-01}
`, want: []want{
			kept(finding.Info, "allowed by the exception"),
			{"exception-too-long", "exceptions", finding.Warning, 6, 102, "runs from 2026-01-01 to 2027-06-01, longer than limits.exception_max (P1Y); it still counts"},
		}},
		{name: "incomplete: does not count", yaml: unkept + `exceptions:
  - {rule: retention, approved_on: 2026-10-01}
`, want: []want{kept(finding.Error, "(the exception at exceptions[0] does not count: it lacks a reason, who approved it (approved_by) and an end date (until))")}},
		// "n.t.b." or "-" says no reason and no one who approved it.
		{name: "to be determined: does not count", yaml: unkept + `exceptions:
  - {rule: retention, reason: n.t.b., approved_by: "-", approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{kept(finding.Error, "(the exception at exceptions[0] does not count: it lacks a reason and who approved it (approved_by))")}},
		{name: "approved from a later date: does not count yet", yaml: unkept + `exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-12-01, until: 2027-04-01}
`, want: []want{kept(finding.Error, "does not count: it is approved from 2026-12-01, a date still to come)")}},
		{name: "matches no finding", yaml: `
id: cam
kind: sensor
status: active
personal_data: {processed: "yes"}
retention: P28D
exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{{"exception-unused", "exceptions", finding.Warning, 7, 5, "the exception to retention matches no finding on this record"}}},
		{name: "names a rule that does not exist", yaml: unkept + `retention: P28D
exceptions:
  - {rule: retentoin, reason: Typo., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`, want: []want{{"exception-unused", "exceptions", finding.Warning, 7, 12, `the exception names rule "retentoin", which does not exist`}}},
	})
}

func TestExceptionToSwitchedOffRuleIsNotUnused(t *testing.T) {
	cfg := configFrom(t, "rules: {retention: off}\n")
	fs := only(t, "retention", cfg, nil, testToday, unkept+`exceptions:
  - {rule: retention, reason: Term being set., approved_by: college, approved_on: 2026-10-01, until: 2027-04-01}
`)
	match(t, fs, nil)
}

// TestNoExceptionLowersALegalDuty: for every rule whose findings can follow
// from law, a record that breaks the law with an exception approved by the
// college, with no legal basis for it ("geen"), keeps each legal finding as
// it was; the exception is reported as refused, except where the law gives
// the exception itself (the biometric ban's police exception), which this
// college's exception does not meet.
func TestNoExceptionLowersALegalDuty(t *testing.T) {
	const today = "2028-03-01" // after the AI Act's high-risk date, so its duties are errors
	// The records of dutch_test.go, which between them break every rule,
	// and three that break the law where those do not.
	records := []string{badCamera, badAlgorithm, badPublicOrder, badCounter, badAI,
		"id: alg-verboden\nkind: algorithm\nstatus: active\nai_act: {category: prohibited}\npublication_category: high_risk_ai\n",
		personalSensor + "correction: {route: Mail the desk., email: privacy@voorbeeldstad.example, term: P4M}\n",
		"id: cam-voorbij\nkind: sensor\nsensor_type: camera\ncamera_regime: public_order\nstatus: active\nlifecycle: {start: 2026-01-01, end: 2027-01-01}\n"}
	ownExceptions := regexp.MustCompile(`(?m)^exceptions:\n(  .*\n)*`)
	for _, rule := range Rules() {
		if !rule.Legal() {
			continue
		}
		t.Run(rule.ID, func(t *testing.T) {
			var text string
			var base []finding.Finding
			for _, r := range records {
				r = ownExceptions.ReplaceAllString(strings.TrimLeft(r, "\n"), "")
				fs := only(t, rule.ID, nil, nil, today, r)
				if slices.ContainsFunc(fs, func(f finding.Finding) bool { return !f.Law.IsZero() && f.Severity > finding.Info }) {
					text, base = r, fs
					break
				}
			}
			if text == "" {
				t.Fatalf("no record in dutch_test.go breaks the law of %s: add one that does", rule.ID)
			}
			fs := only(t, rule.ID, nil, nil, today, text+"exceptions:\n  - {rule: "+rule.ID+
				`, reason: x, legal_basis: "geen", approved_by: college, approved_on: 2028-02-01, until: 2028-06-01}`+"\n")
			refused := 0
			for _, b := range base {
				i := slices.IndexFunc(fs, func(f finding.Finding) bool {
					return f.Rule == b.Rule && f.Path == b.Path && strings.Contains(f.Message.In("en"), b.Message.In("en"))
				})
				switch {
				case i < 0:
					t.Errorf("the finding at %s is gone", b.Path)
				case !b.Law.IsZero() && fs[i].Severity != b.Severity:
					t.Errorf("%s at %s: %s with the exception, %s without: %q", b.Law.In("en"), b.Path, fs[i].Severity, b.Severity, fs[i].Message.In("en"))
				case !b.Law.IsZero() && !strings.Contains(fs[i].Message.In("en"), "(the exception at exceptions[0] does not count:"):
					t.Errorf("the finding at %s does not say why the exception does not count: %q", b.Path, fs[i].Message.In("en"))
				}
			}
			for _, f := range fs {
				if f.Rule == exceptionRefused.ID {
					refused++
					if f.Path != "/exceptions/0/rule" || f.Severity != finding.Warning || !strings.Contains(f.Message.In("en"), "a duty that follows from law (") {
						t.Errorf("refused exception: %s %s %q", f.Path, f.Severity, f.Message.In("en"))
					}
				}
			}
			if want := btoi(rule.LawfulException.IsZero()); refused != want {
				t.Errorf("%d exception-refused findings, want %d", refused, want)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
