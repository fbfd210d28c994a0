package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

// TestAnAIActDateLaterThanTheLawsIsRefused: ai_act.high_risk_from (or
// annex_i_from) set later than the date the law gives (the Digital
// Omnibus's) would postpone a legal duty. config.Load reports it as an
// error where it was made and keeps the law's date, so the checklist
// judges by the law and says nothing more of the setting; the law's date
// and an earlier one (stricter) are not reported. A Config made in code
// with a later date is reported by the checklist itself, and its rules
// keep the law's date too.
func TestAnAIActDateLaterThanTheLawsIsRefused(t *testing.T) {
	for _, tt := range []struct {
		name, yaml      string
		line, column    int
		message         string
		highRisk, annex string
	}{
		{"the law's date", "ai_act:\n  high_risk_from: 2027-12-02\n", 0, 0, "", "2027-12-02", "2028-08-02"},
		{"an earlier date: stricter than the law", "ai_act:\n  high_risk_from: 2026-08-02\n", 0, 0, "", "2026-08-02", "2028-08-02"},
		{"a later date for Annex III", "ai_act:\n  high_risk_from: 2028-06-01\n", 2, 19,
			"ai_act.high_risk_from: 2028-06-01 is later than 2027-12-02, the date the high-risk obligations of Annex III apply from by law", "2027-12-02", "2028-08-02"},
		{"a later date with a source of its own is refused too", "ai_act:\n  high_risk_from: 2028-06-01\n  source: Raadsbesluit 2027-14\n", 2, 19,
			"ai_act.high_risk_from: 2028-06-01 is later than 2027-12-02", "2027-12-02", "2028-08-02"},
		{"a later date for Annex I", "ai_act:\n  annex_i_from: 2029-01-01\n", 2, 17,
			"ai_act.annex_i_from: 2029-01-01 is later than 2028-08-02, the date the high-risk obligations for the products of Annex I apply from by law", "2027-12-02", "2028-08-02"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, fs := loadConfig(t, tt.yaml)
			if cfg.AIAct.HighRiskFrom != tt.highRisk || cfg.AIAct.AnnexIFrom != tt.annex {
				t.Errorf("dates %s, %s; want %s, %s", cfg.AIAct.HighRiskFrom, cfg.AIAct.AnnexIFrom, tt.highRisk, tt.annex)
			}
			switch {
			case tt.message == "" && len(fs) > 0:
				t.Errorf("findings %v, want none", fs)
			case tt.message != "" && (len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Rule != finding.RuleConfig ||
				fs[0].Line != tt.line || fs[0].Column != tt.column || !strings.HasPrefix(fs[0].Message.In("en"), tt.message)):
				t.Errorf("findings %v, want an error at %d:%d %q", fs, tt.line, tt.column, tt.message)
			}
			fx := newFixture(t, cfg)
			for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
				if f.Rule == finding.RuleConfig {
					t.Errorf("the checklist reports the setting again: %v", f)
				}
			}
		})
	}
	// Made in code, past Load: the checklist reports it at the place the
	// change names, and judges by the law's date.
	cfg := config.Default()
	cfg.AIAct.HighRiskFrom = "2029-01-01"
	cfg.Changes = []config.Change{{Key: "ai_act.high_risk_from", Value: "2029-01-01", Default: config.LawHighRiskFrom, Place: config.Place{File: config.FileName, Line: 2, Column: 19}}}
	fs := laterDates(cfg)
	match(t, fs, []want{{finding.RuleConfig, "VNG 3.2", finding.Error, 2, 19,
		"ai_act.high_risk_from: 2029-01-01 is later than 2027-12-02, the date the high-risk obligations of Annex III apply from by law (AI Act art. 113, as amended by the Digital Omnibus on AI); a setting cannot postpone a duty the law imposes, so the law's date 2027-12-02 applies"}})
	for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
		if fs := only(t, id, cfg, nil, "2028-01-05", highRisk); len(fs) != 1 || fs[0].Severity != finding.Error {
			t.Errorf("%s on 2028-01-05 with 2029-01-01 set in code: %v", id, fs)
		}
	}
}

// TestALaterHighRiskDateFromTheEnvironmentIsNamedByItsVariable: a date set
// by REGISTER_AI_ACT_HIGH_RISK_FROM is reported under the variable's name,
// as a rule setting made there is, never as a place in register.yaml.
func TestALaterHighRiskDateFromTheEnvironmentIsNamedByItsVariable(t *testing.T) {
	t.Setenv("REGISTER_AI_ACT_HIGH_RISK_FROM", "2028-06-01")
	cfg, fs := loadConfig(t, goodConfig)
	if len(fs) != 1 || fs[0].File != "REGISTER_AI_ACT_HIGH_RISK_FROM" || fs[0].Severity != finding.Error ||
		!strings.HasPrefix(fs[0].Message.In("en"), "REGISTER_AI_ACT_HIGH_RISK_FROM: 2028-06-01 is later than 2027-12-02") ||
		strings.Contains(fs[0].Message.In("en")+fs[0].Help.In("en"), "in register.yaml") {
		t.Errorf("findings on the configuration: %v", fs)
	}
	if cfg.AIAct.HighRiskFrom != config.LawHighRiskFrom {
		t.Errorf("high-risk date %s, want the law's", cfg.AIAct.HighRiskFrom)
	}
}

// TestTheHighRiskDateQuotesTheSourceOfTheDateItUses: a note before the
// high-risk date names where that date comes from: the Digital Omnibus
// for the law's date, the register's own source when it gives one, and
// the municipality's own setting when it set another (earlier) date
// without one, named by where it was made: register.yaml, or the
// environment variable; never the Omnibus's text next to a date the
// Omnibus did not set.
func TestTheHighRiskDateQuotesTheSourceOfTheDateItUses(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, env, want, wantNL, not string
	}{
		{"the law's date", "", "", "; the duty applies from 2027-12-02 (Digital Omnibus on AI: political agreement of 7 May 2026", "De plicht geldt vanaf 2 december 2027 (Digital Omnibus over AI", ""},
		{"an earlier date without a source", "ai_act:\n  high_risk_from: 2027-06-01\n", "",
			"; the duty applies from 2027-06-01 (the municipality's own setting (ai_act.high_risk_from in register.yaml), without a source; the law says 2027-12-02)",
			"De plicht geldt vanaf 1 juni 2027 (instelling van de gemeente (ai_act.high_risk_from in register.yaml), zonder bron; de wet zegt 2 december 2027).", "Omnibus"},
		{"an earlier date with its source", "ai_act:\n  high_risk_from: 2027-06-01\n  source: Raadsbesluit 2027-14\n", "",
			"; the duty applies from 2027-06-01 (Raadsbesluit 2027-14)", "De plicht geldt vanaf 1 juni 2027 (Raadsbesluit 2027-14).", "Omnibus"},
		{"an earlier date from the environment names the variable", "", "2027-06-01",
			"; the duty applies from 2027-06-01 (the municipality's own setting (environment variable REGISTER_AI_ACT_HIGH_RISK_FROM), without a source; the law says 2027-12-02)",
			"De plicht geldt vanaf 1 juni 2027 (instelling van de gemeente (omgevingsvariabele REGISTER_AI_ACT_HIGH_RISK_FROM), zonder bron; de wet zegt 2 december 2027).", "register.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("REGISTER_AI_ACT_HIGH_RISK_FROM", tt.env)
			}
			cfg := configFrom(t, tt.yaml)
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
