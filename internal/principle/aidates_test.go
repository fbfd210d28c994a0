package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

// TestAnAIActDateLaterThanTheLawsIsAVisibleWarning: ai_act.high_risk_from
// (or annex_i_from) set later than the date the law gives (the Digital
// Omnibus's) would silently defer the high-risk duties, which the
// checklist then shows as notes. check reports such a setting where it was
// made, as a warning citing the AI Act; the law's date and an earlier one
// (stricter) are not reported.
func TestAnAIActDateLaterThanTheLawsIsAVisibleWarning(t *testing.T) {
	later := "the date the AI Act's high-risk obligations apply from by law (the Digital Omnibus on AI's date); until 2028-06-01 the checklist shows the deployer's duties (FRIA, EU database, classification) as notes, while the law already asks them (AI Act art. 113, as amended by the Digital Omnibus on AI)"
	for _, tt := range []struct {
		name, yaml string
		want       []want
	}{
		{"the law's date", "ai_act:\n  high_risk_from: 2027-12-02\n", nil},
		{"an earlier date: stricter than the law", "ai_act:\n  high_risk_from: 2026-08-02\n", nil},
		{"a later date for Annex III", "ai_act:\n  high_risk_from: 2028-06-01\n", []want{
			{finding.RuleConfig, "VNG 3.2", finding.Warning, 2, 19, "ai_act.high_risk_from: 2028-06-01 is later than 2027-12-02, " + later}}},
		{"a later date with a source of its own is still reported", "ai_act:\n  high_risk_from: 2028-06-01\n  source: Raadsbesluit 2027-14\n", []want{
			{finding.RuleConfig, "VNG 3.2", finding.Warning, 2, 19, "ai_act.high_risk_from: 2028-06-01 is later than 2027-12-02"}}},
		{"a later date for Annex I", "ai_act:\n  annex_i_from: 2029-01-01\n", []want{
			{finding.RuleConfig, "VNG 3.2", finding.Warning, 2, 17, "ai_act.annex_i_from: 2029-01-01 is later than 2028-08-02, the date the AI Act's high-risk obligations apply from by law"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fx := newFixture(t, configFrom(t, goodConfig+tt.yaml))
			var got []finding.Finding
			for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
				if f.Rule == finding.RuleConfig {
					got = append(got, f)
				}
			}
			for i := range got {
				got[i].Line -= strings.Count(strings.TrimLeft(goodConfig, "\n"), "\n") // the case's own lines
			}
			match(t, got, tt.want)
		})
	}
}

// TestALaterHighRiskDateFromTheEnvironmentIsNamedByItsVariable: a date set
// by REGISTER_AI_ACT_HIGH_RISK_FROM is reported under the variable's name,
// as a rule setting made there is.
func TestALaterHighRiskDateFromTheEnvironmentIsNamedByItsVariable(t *testing.T) {
	t.Setenv("REGISTER_AI_ACT_HIGH_RISK_FROM", "2028-06-01")
	fx := newFixture(t, configFrom(t, goodConfig))
	var got []finding.Finding
	for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
		if f.Rule == finding.RuleConfig {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].File != "REGISTER_AI_ACT_HIGH_RISK_FROM" || got[0].Severity != finding.Warning ||
		!strings.HasPrefix(got[0].Message.In("en"), "REGISTER_AI_ACT_HIGH_RISK_FROM=2028-06-01 is later than 2027-12-02") {
		t.Errorf("findings on the configuration: %v", got)
	}
}

// TestTheHighRiskDateQuotesTheSourceOfTheDateItUses: a note before the
// high-risk date names where that date comes from: the Digital Omnibus
// for the law's date, the register's own source when it gives one, and
// the municipality's own setting when it set another date without one;
// never the Omnibus's text next to a date the Omnibus did not set.
func TestTheHighRiskDateQuotesTheSourceOfTheDateItUses(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, want, wantNL, not string
	}{
		{"the law's date", "", "(the duty applies from 2027-12-02; Digital Omnibus on AI: political agreement of 7 May 2026", "De plicht geldt vanaf 2 december 2027 (Digital Omnibus over AI", ""},
		{"a later date without a source", "ai_act:\n  high_risk_from: 2028-06-01\n",
			"(the duty applies from 2028-06-01; the municipality's own setting (ai_act.high_risk_from in register.yaml), without a source; the law says 2027-12-02)",
			"De plicht geldt vanaf 1 juni 2028 (instelling van de gemeente (ai_act.high_risk_from in register.yaml), zonder bron; de wet zegt 2 december 2027).", "Omnibus"},
		{"a later date with its source", "ai_act:\n  high_risk_from: 2028-06-01\n  source: Raadsbesluit 2027-14\n",
			"(the duty applies from 2028-06-01; Raadsbesluit 2027-14)", "De plicht geldt vanaf 1 juni 2028 (Raadsbesluit 2027-14).", "Omnibus"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			if tt.yaml != "" {
				cfg = configFrom(t, tt.yaml)
			}
			for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
				fs := only(t, id, cfg, nil, testToday, highRisk)
				if len(fs) != 1 || fs[0].Severity != finding.Info {
					t.Fatalf("%s: %v", id, fs)
				}
				en, nl := fs[0].Message.In("en"), fs[0].Message.In("nl")
				if !strings.Contains(en, tt.want) || !strings.Contains(nl, tt.wantNL) || tt.not != "" && strings.Contains(en+nl, tt.not) {
					t.Errorf("%s:\n en %q\n nl %q\nwant %q and %q, without %q", id, en, nl, tt.want, tt.wantNL, tt.not)
				}
			}
		})
	}
}
