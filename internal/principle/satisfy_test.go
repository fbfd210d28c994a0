package principle

import (
	"strings"
	"testing"
)

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

// TestExampleYAMLInBothLanguages checks that every rule has an example in
// both languages and that the two differ in their comments only: the YAML
// is one.
func TestExampleYAMLInBothLanguages(t *testing.T) {
	for _, r := range Rules() {
		nl, en := r.Example.In("nl"), r.Example.In("en")
		if nl == "" || en == "" {
			t.Errorf("rule %s: the example is empty in Dutch (%q) or English (%q)", r.ID, nl, en)
			continue
		}
		if withoutComments(nl) != withoutComments(en) {
			t.Errorf("rule %s: the Dutch and English examples differ in more than comments:\n%s\n---\n%s", r.ID, nl, en)
		}
	}
}

// withoutComments drops the comments of a YAML example, and the spaces
// before them.
func withoutComments(yaml string) string {
	lines := strings.Split(yaml, "\n")
	for i, l := range lines {
		if c := strings.Index(l, "#"); c >= 0 && (c == 0 || l[c-1] == ' ') {
			lines[i] = strings.TrimRight(l[:c], " ")
		}
	}
	return strings.Join(lines, "\n")
}
