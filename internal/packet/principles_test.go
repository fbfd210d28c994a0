package packet

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestPrinciplesFromTheCatalogue: the packet names and orders the
// principles findings cite as the principles catalogue does, the site's.
func TestPrinciplesFromTheCatalogue(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "x", Severity: finding.Warning, Principle: "C-breach"},
		{Rule: "y", Severity: finding.Warning, Principle: "4.4, vng 2.1"},
		{Rule: "z", Severity: finding.Warning, Principle: "Eigen beleid"},
	}
	cited := map[string]map[string]bool{}
	rows := labelsFor("nl").findings(fs, cited)
	want := map[string]string{"x": "C-breach Datalekken op tijd gemeld", "y": "VNG 4.4 Dialoog; VNG 2.1 Geen biometrische surveillance", "z": "Eigen beleid"}
	for _, r := range rows {
		if r.Principle != want[r.Rule] {
			t.Errorf("rule %s cites %q, want %q", r.Rule, r.Principle, want[r.Rule])
		}
	}
	var order []string
	for _, p := range labelsFor("en").appendix(cited) {
		order = append(order, p.Ref+" "+p.Label)
	}
	wantOrder := []string{"VNG 2.1 No biometric surveillance", "VNG 4.4 Dialogue", "C-breach Data breaches reported in time", "Eigen beleid "}
	if len(order) != len(wantOrder) {
		t.Fatalf("appendix %q, want %q", order, wantOrder)
	}
	for i := range order {
		if order[i] != wantOrder[i] {
			t.Errorf("appendix %d: %q, want %q", i, order[i], wantOrder[i])
		}
	}
}
