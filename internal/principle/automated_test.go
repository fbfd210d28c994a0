package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestAutomatedDecisionsOnPersonalDataAffectPeople: an algorithm that
// decides about people on its own, or profiles them, from personal data
// affects individuals whatever affects_individuals says, so GDPR art. 22's
// human oversight is asked and the claim is reported. Only a record that
// states no personal data at all (processed no, no categories) is taken at
// its word; decision support is left to affects_individuals.
func TestAutomatedDecisionsOnPersonalDataAffectPeople(t *testing.T) {
	const decides = "id: a\nkind: algorithm\nrole: automated_decision\naffects_individuals: false\n"
	const contradiction = "affects_individuals is false, but the algorithm takes decisions on its own from personal data"
	runCases(t, "human-oversight", nil, []ruleCase{
		{name: "automated decision on income data, no oversight", yaml: decides + "personal_data: {processed: \"yes\", categories: [BSN, inkomen]}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "takes decisions about people on its own and does not say how people check and correct them (GDPR art. 22)"},
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, contradiction + "… (GDPR art. 22)"},
		}},
		{name: "automated decision with oversight, still claimed not about people", yaml: decides + "personal_data: {processed: \"yes\", categories: [BSN]}\nhuman_oversight: A case officer reviews each decision.\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, contradiction + "… (GDPR art. 22)"},
		}},
		{name: "automated decision, personal data not known", yaml: decides + "personal_data: {processed: unknown}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "(GDPR art. 22)"},
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, contradiction},
		}},
		{name: "automated decision, categories listed though processed no", yaml: decides + "personal_data: {processed: \"no\", categories: [BSN]}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "(GDPR art. 22)"},
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, contradiction},
		}},
		{name: "automated decision about no personal data", yaml: decides + "personal_data: {processed: \"no\"}\n"},
		{name: "automated decision, affects_individuals not stated", yaml: "id: a\nkind: algorithm\nrole: automated_decision\npersonal_data: {processed: \"yes\"}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "(GDPR art. 22)"},
		}},
		{name: "profiling claimed not about people", yaml: "id: a\nkind: algorithm\nrole: profiling\naffects_individuals: false\npersonal_data: {processed: \"yes\"}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "the algorithm affects people but does not say how people check and correct its outcomes"},
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, "affects_individuals is false, but the algorithm profiles people from personal data"},
		}},
		{name: "decision support claimed not about people", yaml: "id: a\nkind: algorithm\nrole: decision_support\naffects_individuals: false\npersonal_data: {processed: \"yes\"}\n"},
	})
}

// TestAutomatedDecisionsOversightIsLaw: the oversight of an automated
// decision on personal data and the contradiction are legal duties, which
// no setting switches off.
func TestAutomatedDecisionsOversightIsLaw(t *testing.T) {
	cfg := configFrom(t, "rules:\n  human-oversight: {severity: off, reason: Not for us}\n")
	fs := only(t, "human-oversight", cfg, nil, testToday, "id: a\nkind: algorithm\nrole: automated_decision\naffects_individuals: false\npersonal_data: {processed: \"yes\", categories: [BSN, inkomen]}\n")
	if len(fs) != 2 {
		t.Fatalf("want the two legal findings, got %v", fs)
	}
	for _, f := range fs {
		if f.Law.IsZero() || f.Severity != finding.Error {
			t.Errorf("not a legal error: %s %q", f.Severity, f.Message.In("en"))
		}
	}
}
