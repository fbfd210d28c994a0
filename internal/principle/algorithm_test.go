package principle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// aboutPeople is an algorithm that affects residents, without the texts
// the rules about people ask for.
const aboutPeople = `
id: a
kind: algorithm
status: active
role: decision_support
affects_individuals: true
`

func TestHumanOversightExplanationObjection(t *testing.T) {
	complete := aboutPeople + `human_oversight: A case officer decides.
explanation: Missed appointments count.
objection: Object within six weeks.
`
	notAboutPeople := `
id: a
kind: algorithm
affects_individuals: false
`
	runCases(t, "human-oversight", nil, []ruleCase{
		{name: "described", yaml: complete},
		{name: "not about people", yaml: notAboutPeople},
		{name: "missing", yaml: aboutPeople, want: []want{{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "the algorithm affects people but does not say how people check and correct its outcomes"}}},
		{name: "automated decisions", yaml: `
id: a
kind: algorithm
role: automated_decision
affects_individuals: true
`, want: []want{{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "takes decisions about people on its own"}}},
	})
	runCases(t, "explanation", nil, []ruleCase{
		{name: "described", yaml: complete},
		{name: "not about people", yaml: notAboutPeople},
		{name: "missing", yaml: aboutPeople, want: []want{{"explanation", "C-human-oversight", finding.Error, 1, 1, "does not explain which factors count"}}},
	})
	runCases(t, "objection", nil, []ruleCase{
		{name: "described", yaml: complete},
		{name: "not about people", yaml: notAboutPeople},
		{name: "missing", yaml: aboutPeople, want: []want{{"objection", "C-human-oversight", finding.Warning, 1, 1, "does not say how a resident objects or appeals"}}},
		// As a real register wrote it (Bezwaarprocedure: n.v.t.): for an
		// algorithm about people, the route is no route.
		{name: "not applicable", yaml: aboutPeople + "objection: n.v.t.\n", want: []want{{"objection", "C-human-oversight", finding.Warning, 1, 1, "does not say how a resident objects or appeals"}}},
	})
	runCases(t, "human-oversight", nil, []ruleCase{
		{name: "to be determined", yaml: aboutPeople + "human_oversight: N.t.b.\n", want: []want{{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "does not say how people check and correct its outcomes"}}},
	})
}

func TestDatasetsAndSource(t *testing.T) {
	runCases(t, "datasets-and-source", nil, []ruleCase{
		{name: "listed and published", yaml: `
id: a
kind: algorithm
organisation: {name: G, type: municipality}
datasets: [{name: Parkeerrechten}]
source_code: {url: https://github.com/voorbeeldstad/scan}
`},
		{name: "a supplier's code may be unavailable with a reason", yaml: `
id: a
kind: algorithm
organisation: {name: G, type: municipality}
supplier: {name: Leverancier BV}
datasets: [{name: Parkeerrechten}]
source_code: {unavailable_reason: The supplier owns the code.}
`},
		{name: "nothing listed", yaml: `
id: a
kind: algorithm
`, want: []want{
			{"datasets-and-source", "C-algorithm-register", finding.Warning, 1, 1, "the algorithm has no link to its source code and no reason why not"},
			{"datasets-and-source", "C-algorithm-register", finding.Warning, 1, 1, "the algorithm lists no datasets"},
		}},
		{name: "in-house code not published", yaml: `
id: a
kind: algorithm
organisation: {name: G, type: municipality}
datasets: [{name: BRP}]
source_code:
  unavailable_reason: Not yet cleaned up.
`, want: []want{{"datasets-and-source", "C-open-source", finding.Warning, 6, 23, "the record names no supplier and the source code is not published"}}},
	})
}

func TestPublicationCategory(t *testing.T) {
	runCases(t, "publication-category", nil, []ruleCase{
		{name: "impactful decision support", yaml: `
id: a
kind: algorithm
role: decision_support
affects_individuals: true
publication_category: impactful
`},
		{name: "high risk both ways", yaml: `
id: a
kind: algorithm
publication_category: high_risk_ai
ai_act: {category: high_risk}
`},
		{name: "informational may be other", yaml: `
id: a
kind: algorithm
role: informational
affects_individuals: true
publication_category: other
`},
		{name: "high risk under the AI Act but published as impactful", yaml: `
id: a
kind: algorithm
publication_category: impactful
ai_act: {category: high_risk}
`, want: []want{{"publication-category", "VNG 3.2", finding.Error, 3, 23, `the AI Act classifies the algorithm as high risk, but its publication category is "impactful"`}}},
		{name: "high_risk_ai without the AI Act class", yaml: `
id: a
kind: algorithm
publication_category: high_risk_ai
`, want: []want{{"publication-category", "VNG 3.2", finding.Error, 3, 23, "the publication category is high_risk_ai, but ai_act.category is not high_risk"}}},
		{name: "a profile of people is not other", yaml: `
id: a
kind: algorithm
role: profiling
affects_individuals: true
publication_category: other
`, want: []want{{"publication-category", "VNG 3.2", finding.Warning, 5, 23, "the algorithm affects people in the role profiling, so it is impactful, not other"}}},
		{name: "prohibited AI", yaml: `
id: s
kind: sensor
ai_act:
  category: prohibited
`, want: []want{{"publication-category", "VNG 3.2", finding.Error, 4, 13, "classified as a prohibited AI practice (AI Act art. 5)"}}},
	})
}

// TestHumanOversightOnPoliceDataCitesNoGDPR: an algorithm that decides
// about people on its own is held to GDPR art. 22, or on police data,
// outside the GDPR (art. 2(2)(d)), to the Law Enforcement Directive's art.
// 11, which the Wet politiegegevens carries out: as strict, and no GDPR.
func TestHumanOversightOnPoliceDataCitesNoGDPR(t *testing.T) {
	algorithm := `
id: a
kind: algorithm
status: active
organisation: {type: %s}
role: automated_decision
affects_individuals: true
legal_basis: {regime: %s%s}
`
	tests := []struct {
		name, org, regime, boa string
		law                    string
		message                string
	}{
		{"the police's", "police", "police_data", "", "Wet politiegegevens; Directive (EU) 2016/680 art. 11", "the algorithm takes decisions about people on its own and does not say how people check and correct them (Wet politiegegevens; Directive (EU) 2016/680 art. 11)"},
		{"boa's police data", "municipality", "police_data", ", boa: true", "Wet politiegegevens; Directive (EU) 2016/680 art. 11", "the algorithm takes decisions about people on its own and does not say how people check and correct them (Wet politiegegevens; Directive (EU) 2016/680 art. 11)"},
		{"a municipality's, under the GDPR", "municipality", "gdpr", "", "GDPR art. 22", "takes decisions about people on its own and does not say how people check and correct them (GDPR art. 22)"},
		{"police data claimed without boa's: the GDPR", "municipality", "police_data", "", "GDPR art. 22", "(GDPR art. 22)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "human-oversight", nil, nil, testToday, fmt.Sprintf(algorithm, tt.org, tt.regime, tt.boa))
			match(t, fs, []want{{"human-oversight", "C-human-oversight", finding.Error, 1, 1, tt.message}})
			if len(fs) != 1 {
				return
			}
			if got := fs[0].Law.In("en"); got != tt.law {
				t.Errorf("law %q, want %q", got, tt.law)
			}
			// A setting never lowers the law's finding.
			lowered := only(t, "human-oversight", configFrom(t, goodConfig+"rules: {human-oversight: {severity: warning, reason: Reviewed monthly.}}\n"), nil, testToday, fmt.Sprintf(algorithm, tt.org, tt.regime, tt.boa))
			if len(lowered) != 1 || lowered[0].Severity != finding.Error {
				t.Errorf("with the rule set to warning: %v, want one error", lowered)
			}
			if !strings.HasPrefix(tt.law, "GDPR") && (strings.Contains(fs[0].Message.In("en"), "GDPR") || strings.Contains(fs[0].Message.In("nl"), "AVG")) {
				t.Errorf("police data are held to the GDPR: %q", fs[0].Message)
			}
		})
	}
}
