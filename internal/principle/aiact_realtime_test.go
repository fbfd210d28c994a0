package principle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// realtimePolice is the auditor's record: the police identify people
// remotely in real time in public space, classified high risk (Annex III
// 1(a)), with an exception for a victim search under a national law and
// a court's prior authorisation. profile is the rest of its AI Act
// profile, exception the exception's lines after its approval.
func realtimePolice(profile, exception string) string {
	return `
id: cam-live
kind: sensor
status: active
organisation: {name: Politie, type: police}
capabilities:
  - video_recording
  - realtime_biometric_identification
ai_act: {category: high_risk, role: deployer, annex_iii: 1(a)` + profile + `}
exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
` + exception
}

// The exception's parts of AI Act art. 5(1)(h), 5(5) and 5(3), and the
// profile's of art. 5(2).
const (
	objective     = "    objective: victim_search\n"
	nationalLaw   = "    national_law: Wet X art. 1\n"
	byCourtBefore = "    authorisation: {authority: rechter-commissaris, date: 2026-10-30, reference: RC 26/1}\n"
	everyPart     = objective + nationalLaw + byCourtBefore
	friaBefore    = ", fria: {date: 2026-10-20}"
	registered    = ", eu_database_id: EU-DB-2026-1"
)

// TestRealtimeIdentificationNeedsEveryConditionOfArticle5: the police's
// exception to the ban on real-time remote biometric identification counts
// only with every condition AI Act art. 5 sets, all in force since
// 2025-02-02: an objective of 5(1)(h), a national law (5(5)), a prior
// authorisation (5(3)), a fundamental-rights impact assessment and the
// registration in the EU database (5(2)). Without one, biometric-ban stays
// an error that names the missing paragraph; and the FRIA and the
// registration are duties from the prohibitions' date for such a system,
// not from the high-risk date (2027-12-02). With all of them the exception
// gives the visible warning it gave before.
func TestRealtimeIdentificationNeedsEveryConditionOfArticle5(t *testing.T) {
	const (
		capability = "capability realtime_biometric_identification (real-time remote biometric identification) is biometric surveillance"
		lacksFRIA  = "a completed fundamental-rights impact assessment (ai_act.fria with its date; AI Act art. 5(2), 27)"
		lacksEUDB  = "the system's registration in the EU database (ai_act.eu_database_id; AI Act art. 5(2), 49)"
		warning    = "exception to a legal duty (Wet politiegegevens; Directive (EU) 2016/680 art. 10; AI Act art. 5(1)(h)), approved by Driehoek on 2026-11-01 until 2027-06-01: " + capability
		friaNow    = "a deployer of a high-risk AI system of Annex III point 1(a) must assess the impact on fundamental rights before first use, and no FRIA is recorded (AI Act art. 27); for real-time remote biometric identification for law enforcement that assessment is a condition of any use, since 2025-02-02 (AI Act art. 5(2))"
		regNow     = "a public authority deploying a high-risk AI system of Annex III point 1(a) registers its use in the EU database, and no entry is recorded (AI Act art. 26(8), 49(3)); for real-time remote biometric identification for law enforcement that registration is a condition of any use, since 2025-02-02 (AI Act art. 5(2))"
		pending    = "; for real-time remote biometric identification for law enforcement that %s is a condition of any use (AI Act art. 5(2)); the duty applies from 2025-02-02 (the date the prohibitions apply)"
	)
	ban := func(sev finding.Severity, msg string) []want {
		return []want{{"biometric-ban", "VNG 2.1", sev, 7, 5, msg}}
	}
	for _, tt := range []struct {
		name, yaml, today string
		ban, fria, reg    []want
	}{
		{name: "the auditor's case: no FRIA and no registration", yaml: realtimePolice("", everyPart),
			ban:  ban(finding.Error, capability+"…prohibited by law (AI Act art. 5(1)(h), since 2025-02-02) (the exception at exceptions[0] does not count: it lacks "+lacksFRIA+" and "+lacksEUDB+")"),
			fria: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 8, 1, friaNow}},
			reg:  []want{{"ai-act-registration", "VNG 3.2", finding.Error, 8, 1, regNow}}},
		{name: "no FRIA", yaml: realtimePolice(registered, everyPart),
			ban:  ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks "+lacksFRIA+")"),
			fria: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 8, 1, friaNow}}},
		{name: "no registration", yaml: realtimePolice(friaBefore, everyPart),
			ban: ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks "+lacksEUDB+")"),
			reg: []want{{"ai-act-registration", "VNG 3.2", finding.Error, 8, 1, regNow}}},
		{name: "a FRIA done after the use was approved", yaml: realtimePolice(", fria: {date: 2026-11-10}"+registered, everyPart),
			ban: ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks a fundamental-rights impact assessment before the use: it is dated 2026-11-10, after approved_on 2026-11-01 (AI Act art. 5(2)))")},
		{name: "no prior authorisation: art. 5(3)", yaml: realtimePolice(friaBefore+registered, objective+nationalLaw),
			ban: ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks the prior authorisation with its authority, date and reference (authorisation; AI Act art. 5(3)))")},
		{name: "no national law: art. 5(5)", yaml: realtimePolice(friaBefore+registered, objective+byCourtBefore),
			ban: ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks the national law that provides for real-time identification (national_law; AI Act art. 5(5)))")},
		{name: "no objective: art. 5(1)(h)", yaml: realtimePolice(friaBefore+registered, nationalLaw+byCourtBefore),
			ban: ban(finding.Error, "(the exception at exceptions[0] does not count: it lacks the objective of AI Act art. 5(1)(h)")},
		{name: "every condition: the visible warning, as before", yaml: realtimePolice(friaBefore+registered, everyPart),
			ban: ban(finding.Warning, warning)},
		{name: "before the prohibitions applied: notes with their date", today: "2025-01-15", yaml: strings.Replace(realtimePolice("", everyPart), "2026-", "2024-", -1),
			ban:  ban(finding.Error, capability),
			fria: []want{{"ai-act-fria", "VNG 3.2", finding.Info, 8, 1, "no FRIA is recorded (AI Act art. 27)" + fmt.Sprintf(pending, "assessment")}},
			reg:  []want{{"ai-act-registration", "VNG 3.2", finding.Info, 8, 1, "no entry is recorded (AI Act art. 26(8), 49(3))" + fmt.Sprintf(pending, "registration")}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			today := tt.today
			if today == "" {
				today = testToday
			}
			match(t, only(t, "biometric-ban", nil, nil, today, tt.yaml), tt.ban)
			match(t, only(t, "ai-act-fria", nil, nil, today, tt.yaml), tt.fria)
			match(t, only(t, "ai-act-registration", nil, nil, today, tt.yaml), tt.reg)
		})
	}
}

// TestOnlyRealtimeIdentificationBringsTheDutiesForward: after-the-fact
// identification by the police, and any other high-risk system, keep the
// high-risk date for their FRIA and registration (art. 26, 27, 49).
func TestOnlyRealtimeIdentificationBringsTheDutiesForward(t *testing.T) {
	post := strings.Replace(realtimePolice("", ""), "realtime_biometric_identification", "post_biometric_identification", 1)
	for _, rec := range []string{post, highRisk} {
		for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
			fs := only(t, id, nil, nil, testToday, rec)
			if len(fs) != 1 || fs[0].Severity != finding.Info || !strings.Contains(fs[0].Message.In("en"), "; the duty applies from 2027-12-02 (Digital Omnibus on AI") {
				t.Errorf("%s: %v", id, fs)
			}
		}
	}
}

// TestAHighRiskDateSetLaterDoesNotPostponeTheDuties is the auditor's
// second case: ai_act: {high_risk_from: 2029-01-01} in register.yaml, or
// REGISTER_AI_ACT_HIGH_RISK_FROM=2029-01-01, checked on 2028-01-05, when
// the law (2027-12-02) already imposes the high-risk duties: the setting
// is an error of the configuration, named where it was made, and the
// duties are errors, not notes.
func TestAHighRiskDateSetLaterDoesNotPostponeTheDuties(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, env, file, where string
	}{
		{"in register.yaml", "ai_act: {high_risk_from: 2029-01-01}\n", "", "register.yaml", "ai_act.high_risk_from"},
		{"in the environment", "", "2029-01-01", "REGISTER_AI_ACT_HIGH_RISK_FROM", "REGISTER_AI_ACT_HIGH_RISK_FROM"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("REGISTER_AI_ACT_HIGH_RISK_FROM", tt.env)
			}
			cfg, fs := loadConfig(t, tt.yaml)
			if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].File != tt.file ||
				!strings.HasPrefix(fs[0].Message.In("en"), tt.where+": 2029-01-01 is later than 2027-12-02") ||
				!strings.Contains(fs[0].Message.In("en"), "a later date needs a newer version of register") {
				t.Errorf("configuration findings: %v", fs)
			}
			for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
				fs := only(t, id, cfg, nil, "2028-01-05", highRisk)
				if len(fs) != 1 || fs[0].Severity != finding.Error || strings.Contains(fs[0].Message.In("en"), "the duty applies from") {
					t.Errorf("%s on 2028-01-05: %v", id, fs)
				}
			}
		})
	}
}
