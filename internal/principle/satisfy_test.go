package principle

import "testing"

// TestSatisfyInBothLanguages checks that every rule, a municipality's own
// included, says in Dutch and in English what a record needs to pass, and
// that the Dutch is not the English copied.
func TestSatisfyInBothLanguages(t *testing.T) {
	custom, fs := CompileCustom(configFrom(t, customConfig))
	if len(fs) > 0 || len(custom) == 0 {
		t.Fatalf("custom rules: %d compiled, findings %v", len(custom), fs)
	}
	for _, r := range append(Rules(), custom...) {
		nl, en := r.Satisfy.In("nl"), r.Satisfy.In("en")
		switch {
		case nl == "" || en == "":
			t.Errorf("rule %s: Satisfy is empty in Dutch (%q) or English (%q)", r.ID, nl, en)
		case nl == en:
			t.Errorf("rule %s: the Dutch Satisfy is the English one: %q", r.ID, en)
		}
	}
}
