package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestDecisionRecorded(t *testing.T) {
	runCases(t, "decision-recorded", nil, []ruleCase{
		{name: "mayor's authorisation", yaml: `
id: s
kind: sensor
status: active
organisation: {name: G, type: municipality}
decisions:
  - {body: mayor, kind: authorisation, date: 2026-01-10}
`},
		{name: "a private operator's permit", yaml: `
id: s
kind: sensor
status: active
organisation: {name: Garage BV, type: private}
decisions:
  - {body: mayor, kind: permit, date: 2026-01-10}
`},
		{name: "planned records need no decision yet", yaml: `
id: s
kind: sensor
status: planned
organisation: {name: G, type: municipality}
`},
		{name: "active without decisions", yaml: `
id: s
kind: algorithm
status: active
organisation: {name: G, type: municipality}
`, want: []want{{"decision-recorded", "VNG I", finding.Error, 1, 1, "the record is active but lists no decision to deploy it (an authorisation by the council, college or mayor)"}}},
		{name: "only a mandate", yaml: `
id: s
kind: sensor
status: suspended
organisation: {name: G, type: police}
decisions:
  - {body: council, kind: mandate, date: 2020-01-10}
`, want: []want{{"decision-recorded", "VNG I", finding.Error, 5, 1, "the record is suspended but lists no decision"}}},
		{name: "private operator with a college authorisation only", yaml: `
id: s
kind: sensor
status: active
organisation: {name: Garage BV, type: private}
decisions:
  - {body: college, kind: authorisation}
`, want: []want{{"decision-recorded", "VNG I", finding.Error, 5, 1, "(the permit or notification)"}}},
	})
}

func TestProblemAndAlternatives(t *testing.T) {
	runCases(t, "problem-and-alternatives", nil, []ruleCase{
		{name: "both described", yaml: `
id: s
kind: sensor
problem: Flooding of the quay.
alternatives: Daily inspection rounds.
`},
		{name: "neither", yaml: `
id: s
kind: sensor
problem: "  "
`, want: []want{
			{"problem-and-alternatives", "VNG 3.1", finding.Warning, 1, 1, "the record does not say which alternatives were considered"},
			{"problem-and-alternatives", "VNG 3.1", finding.Warning, 1, 1, "the record does not say which problem it solves"},
		}},
	})
}

func TestRiskAnalysis(t *testing.T) {
	runCases(t, "risk-analysis", nil, []ruleCase{
		{name: "complete for a sensor in an area", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
location: {description: Plein, area: Centrum}
risks: {chilling_effect: a, discrimination: b, stacking: c, mitigations: d}
`},
		{name: "no personal data: not needed", yaml: `
id: s
kind: sensor
personal_data: {processed: no}
`},
		{name: "missing for an algorithm about people", yaml: `
id: a
kind: algorithm
personal_data: {processed: no}
affects_individuals: true
`, want: []want{{"risk-analysis", "VNG 2.2", finding.Warning, 1, 1, "no risk analysis is recorded"}}},
		{name: "partial for a sensor in an area", yaml: `
id: s
kind: sensor
personal_data: {processed: unknown}
location: {description: Plein, area: Centrum}
risks:
  stacking: None.
`, want: []want{
			{"risk-analysis", "VNG 2.2", finding.Warning, 5, 1, "does not cover discrimination and stigmatisation"},
			{"risk-analysis", "VNG 2.2", finding.Warning, 5, 1, "does not cover the chilling effect"},
			{"risk-analysis", "VNG 2.2", finding.Warning, 5, 1, "does not cover the measures taken"},
		}},
	})
}

func TestImpactAssessment(t *testing.T) {
	runCases(t, "impact-assessment", nil, []ruleCase{
		{name: "IAMA done", yaml: `
id: a
kind: algorithm
affects_individuals: true
assessments: [{type: IAMA, date: 2026-01-01}]
`},
		{name: "FRAIA counts as an IAMA", yaml: `
id: a
kind: algorithm
affects_individuals: true
assessments: [{type: fraia}]
`},
		{name: "not about people", yaml: `
id: a
kind: algorithm
affects_individuals: false
`},
		{name: "only a DPIA-like assessment", yaml: `
id: a
kind: algorithm
affects_individuals: true
assessments:
  - {type: DEDA}
`, want: []want{{"impact-assessment", "VNG 3.2", finding.Warning, 4, 1, "the algorithm affects people but lists no IAMA"}}},
	})
}

func TestSelfLearning(t *testing.T) {
	runCases(t, "self-learning", nil, []ruleCase{
		{name: "IAMA and a short interval", yaml: `
id: a
kind: algorithm
self_learning: true
assessments: [{type: IAMA}]
evaluation: {interval: P6M}
lifecycle: {start: 2026-01-01}
`},
		{name: "not self-learning", yaml: `
id: a
kind: algorithm
self_learning: false
`},
		{name: "no IAMA, no interval", yaml: `
id: a
kind: algorithm
self_learning: true
`, want: []want{
			{"self-learning", "VNG 3.5", finding.Warning, 1, 1, "needs its own, shorter evaluation interval, and none is stated"},
			{"self-learning", "VNG 3.5", finding.Warning, 3, 1, "a self-learning algorithm needs a heavier proportionality test, and no IAMA is recorded"},
		}},
		{name: "an interval in hours is the schema's to refuse, not none", yaml: `
id: a
kind: algorithm
self_learning: true
assessments: [{type: IAMA}]
evaluation: {interval: PT48H}
`},
		{name: "interval as long as the default", yaml: `
id: a
kind: algorithm
self_learning: true
assessments: [{type: IAMA}]
evaluation:
  interval: P48M
`, want: []want{{"self-learning", "VNG 3.5", finding.Warning, 6, 13, "evaluation interval P48M is not shorter than the usual P4Y"}}},
	})
}

// A self-learning algorithm's interval is held to the usual one as other
// limits are (period.Duration.MayBeLonger): shorter from every day it can
// be counted from, not only from the record's start. Where it is not
// shorter from some day only, the message says from which.
func TestSelfLearningIntervalShorterFromEveryDay(t *testing.T) {
	cfg := configFrom(t, "evaluation:\n  intervals:\n    algorithm: P1Y\n")
	rec := func(interval string) string {
		return "id: a\nkind: algorithm\nself_learning: true\nassessments: [{type: IAMA}]\nlifecycle: {start: 2024-01-01}\nevaluation: {interval: " + interval + "}\n"
	}
	runCases(t, "self-learning", cfg, []ruleCase{
		// From 1 January 2024, the start, P1Y is 366 days; from 29
		// February 2024 on it is 365, as long as P365D.
		{name: "as long as a year from some days", yaml: rec("P365D"), want: []want{{"self-learning", "VNG 3.5", finding.Warning, 6, 24,
			"evaluation interval P365D is not shorter than the usual P1Y (from an evaluation on 29 February, that is 365 days), while the algorithm keeps learning"}}},
		{name: "as long as a year from every day", yaml: rec("P12M"), want: []want{{"self-learning", "VNG 3.5", finding.Warning, 6, 24,
			"evaluation interval P12M is not shorter than the usual P1Y, while the algorithm keeps learning"}}},
		{name: "longer than a year from every day", yaml: rec("P367D"), want: []want{{"self-learning", "VNG 3.5", finding.Warning, 6, 24,
			"evaluation interval P367D is not shorter than the usual P1Y, while the algorithm keeps learning"}}},
		{name: "shorter than a year from every day", yaml: rec("P364D")},
		{name: "six months", yaml: rec("P6M")},
	})
	fs := only(t, "self-learning", cfg, nil, testToday, rec("P365D"))
	if len(fs) != 1 || !strings.Contains(fs[0].Message.In("nl"), "(vanaf een evaluatie op 29 februari is dat 365 dagen)") {
		t.Errorf("in Dutch: %+v, want the day said", fs)
	}
}

func TestIndependentReview(t *testing.T) {
	runCases(t, "independent-review", nil, []ruleCase{
		{name: "impactful and reviewed", yaml: `
id: a
kind: algorithm
publication_category: impactful
reviews: [{body: ethics_committee, date: 2026-01-01}]
`},
		{name: "other algorithms need no review", yaml: `
id: a
kind: algorithm
publication_category: other
`},
		{name: "high-risk AI without review", yaml: `
id: a
kind: algorithm
publication_category: high_risk_ai
`, want: []want{{"independent-review", "VNG 3.8", finding.Warning, 1, 1, "the record is high-risk or impactful but lists no independent review"}}},
		{name: "sensor under the police exception without review", yaml: policeCamera + `exceptions:
  - {rule: biometric-ban, reason: r, legal_basis: Wpg, approved_by: ovj, approved_on: 2026-11-01, until: 2027-01-01}
`, want: []want{
			{"independent-review", "VNG 3.8", finding.Warning, 1, 1, "lists no independent review"},
		}},
	})
}

// TestFRIABeforeFirstUse: a FRIA counts from the day it is dated, and the
// AI Act asks for it before first use (art. 27): one still to come is not
// done, one after the first use is late, both errors of law once the
// high-risk duties apply.
func TestFRIABeforeFirstUse(t *testing.T) {
	fria := func(status, start, date string) string {
		return "id: a\nkind: algorithm\nstatus: " + status + "\norganisation: {type: municipality}\nlifecycle: {start: " + start + "}\n" +
			"ai_act: {category: high_risk, role: deployer, annex_iii: 5(a), fria: {date: " + date + ", url: https://voorbeeldstad.example/fria.pdf}}\n"
	}
	const (
		after  = "2028-03-01" // the high-risk duties apply (from 2027-12-02)
		before = "2027-06-01"
	)
	runCases(t, "ai-act-fria", nil, []ruleCase{
		{name: "dated far in the future", today: after, yaml: fria("active", "2028-02-01", "2099-06-01"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 6, 77, "the FRIA is dated 2099-06-01, a date still to come: it is not done yet, and the AI Act asks for it before first use (AI Act art. 27)"}}},
		{name: "dated tomorrow", today: after, yaml: fria("active", "2028-02-01", "2028-03-02"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 6, 77, "the FRIA is dated 2028-03-02, a date still to come"}}},
		{name: "dated today, before first use", today: after, yaml: fria("planned", "2028-04-01", after)},
		{name: "dated the day of first use", today: after, yaml: fria("active", "2028-02-01", "2028-02-01")},
		{name: "dated the day after first use", today: after, yaml: fria("active", "2028-02-01", "2028-02-02"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Warning, 6, 77, "the FRIA is dated 2028-02-02, after the first use on 2028-02-01: the AI Act asks for it before first use (AI Act art. 27)"}}},
		{name: "in use before the duty applied: not late", today: after, yaml: fria("active", "2026-01-01", "2028-01-10")},
		{name: "still to come while planned: a warning", today: after, yaml: fria("planned", "2028-09-01", "2028-06-01"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Warning, 6, 77, "a date still to come"}}},
		{name: "still to come before the duty applies: a note", today: before, yaml: fria("active", "2026-01-01", "2099-06-01"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Info, 6, 77, "a date still to come"}}},
	})
}
