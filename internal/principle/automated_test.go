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
	const maybe = "affects_individuals is false, but the algorithm takes decisions on its own and may process personal data"
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
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, maybe + ", as personal_data.processed is unknown"},
		}},
		{name: "automated decision, categories listed though processed no", yaml: decides + "personal_data: {processed: \"no\", categories: [BSN]}\n", want: []want{
			{"human-oversight", "C-human-oversight", finding.Error, 1, 1, "(GDPR art. 22)"},
			{"human-oversight", "C-human-oversight", finding.Error, 4, 22, maybe + ", as personal_data.processed is no, but personal_data.categories lists"},
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

// TestAutomatedDecisionMaybeOnPersonalDataSaysSo: traffic-light software
// that decides on its own, whose record does not know whether it
// processes personal data, still owes GDPR art. 22's oversight (unknown
// counts as personal data, 6.4), but the messages say it may process
// personal data and why, not that it does, and the help says how to
// record that it processes none.
func TestAutomatedDecisionMaybeOnPersonalDataSaysSo(t *testing.T) {
	fs := only(t, "human-oversight", nil, nil, testToday, "id: verkeerslicht\nkind: algorithm\nrole: automated_decision\naffects_individuals: false\npersonal_data: {processed: unknown}\n")
	if len(fs) != 2 {
		t.Fatalf("want the missing oversight and the claim, got %v", fs)
	}
	for _, f := range fs {
		en, nl := f.Message.In("en"), f.Message.In("nl")
		if f.Law.IsZero() || f.Severity != finding.Error {
			t.Errorf("not a legal error: %s %q", f.Severity, en)
		}
		if containsInOrder(en, "from personal data") || containsInOrder(nl, "met persoonsgegevens") || containsInOrder(en, "decisions about people on its own") || containsInOrder(nl, "besluiten over mensen,") {
			t.Errorf("says it does process personal data:\n%s\n%s", en, nl)
		}
		if !containsInOrder(en, "may process personal data…personal_data.processed is unknown…counts as personal data (6.4)") ||
			!containsInOrder(nl, "misschien persoonsgegevens…personal_data.processed staat unknown…gelden de gegevens als persoonsgegevens (6.4)") {
			t.Errorf("does not say it may process personal data, and why:\n%s\n%s", en, nl)
		}
		if !containsInOrder(f.Help.In("en"), `personal_data.processed: "no"`) || !containsInOrder(f.Help.In("nl"), `personal_data.processed: "no"`) {
			t.Errorf("the help does not say how to record no personal data:\n%s\n%s", f.Help.In("en"), f.Help.In("nl"))
		}
	}
}
