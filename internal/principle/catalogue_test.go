package principle

import (
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

func TestSplitRefs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"VNG 2.1", []string{"VNG 2.1"}},
		{"2.1, C-no-live-face", []string{"VNG 2.1", "C-no-live-face"}},
		{"III; 3.4", []string{"VNG III", "VNG 3.4"}},
		{"IV / 4.1", []string{"VNG IV", "VNG 4.1"}},
		{"vng 2.1", []string{"VNG 2.1"}},       // spelled as the catalogue does
		{"c-BREACH", []string{"C-breach"}},     // however it is capitalised
		{"7.1", []string{"VNG 7.1"}},           // a VNG number the catalogue lacks
		{"custom", []string{"custom"}},         // a custom rule's own reference
		{"exceptions", []string{"exceptions"}}, // not a VNG number
		{"3.2 (AI Act)", []string{"3.2 (AI Act)"}},
		{"", nil},
		{" , ;/ ", nil},
		{"Vrij, X", []string{"Vrij", "VNG X"}},
	}
	for _, tt := range tests {
		if got := SplitRefs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for i, p := range Catalogue {
		a := Anchor(p.Ref)
		if seen[a] {
			t.Errorf("%s is in the catalogue twice", p.Ref)
		}
		seen[a] = true
		if p.Label[0] == "" || p.Label[1] == "" {
			t.Errorf("%s lacks a Dutch or English label", p.Ref)
		}
		if (p.Summary[0] == "") != (p.Summary[1] == "") {
			t.Errorf("%s has a summary in one language only", p.Ref)
		}
		for _, k := range p.Kinds {
			if !slices.Contains(record.Kinds, k) {
				t.Errorf("%s concerns an unknown kind %q", p.Ref, k)
			}
		}
		if got, ok := Find(strings.ToLower(p.Ref)); !ok || got.Ref != p.Ref {
			t.Errorf("Find(%q) = %q, %v", strings.ToLower(p.Ref), got.Ref, ok)
		}
		if Position(p.Ref) != i {
			t.Errorf("Position(%q) = %d, want %d", p.Ref, Position(p.Ref), i)
		}
	}
	if _, ok := Find("VNG 9.9"); ok {
		t.Error("Find knows a principle the catalogue lacks")
	}
	if Position("VNG 9.9") != len(Catalogue) {
		t.Error("an unknown reference does not sort last")
	}
}

// TestRulesCiteExplainedPrinciples holds the checklist to the catalogue:
// every reference a built-in rule or its findings cite is one the
// principles page explains.
func TestRulesCiteExplainedPrinciples(t *testing.T) {
	// Findings that cite more precisely than their rule's Ref.
	cited := []string{"C-open-source", "VNG 6.5", "VNG 6.4"}
	for _, r := range Rules() {
		cited = append(cited, r.Ref)
		cited = append(cited, r.Covers...)
	}
	for _, c := range cited {
		for _, ref := range SplitRefs(c) {
			if p, ok := Find(ref); !ok || !p.Explained() {
				t.Errorf("a rule cites %q, which the catalogue does not explain", ref)
			}
		}
	}
}

func TestAppliesTo(t *testing.T) {
	p, _ := Find("C-no-live-face")
	if !p.AppliesTo(record.Sensor) || p.AppliesTo(record.Algorithm) {
		t.Errorf("C-no-live-face applies to %v", p.Kinds)
	}
	p, _ = Find("VNG 3.7")
	if !p.AppliesTo(record.Sensor) || !p.AppliesTo(record.Algorithm) {
		t.Error("VNG 3.7 applies to both kinds")
	}
}
