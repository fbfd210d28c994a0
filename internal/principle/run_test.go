package principle

import (
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// goodCamera meets every rule of the checklist on testToday.
const goodCamera = `
id: cam-markt
kind: sensor
name: Cameratoezicht Markt
summary: Cameras watch the market square at night.
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider Toezicht, email: toezicht@voorbeeldstad.example}
purpose: Fewer night-time fights on the square.
problem: Fights at closing time.
alternatives: More wardens did not cover the late hours.
decisions:
  - {body: mayor, kind: authorisation, date: 2026-01-10, reference: https://voorbeeldstad.example/b/1}
  - {body: council, kind: mandate, date: 2024-06-27, reference: https://voorbeeldstad.example/apv}
legal_basis: {regime: police_data, law: Gemeentewet art. 151c}
personal_data: {processed: yes, categories: [camera images]}
dpia: {status: done, date: 2026-01-05, url: https://voorbeeldstad.example/dpia.pdf}
risks: {chilling_effect: Night only., discrimination: Chosen on incidents., stacking: None., mitigations: Signs.}
lifecycle: {start: 2026-02-01, end: 2027-01-31, extension_criteria: Incidents above the 2025 level.}
evaluation: {interval: P1Y, last: 2026-08-01, outcome: Still needed.}
retention: P28D
registered_on: 2026-01-12
security: {last_audit: 2025-12-01}
sensor_type: camera
capabilities: [video_recording, live_viewing]
location: {description: Markt, point: {lat: 52.0, lon: 5.1}}
signage: {present: true, description: Signs at every entrance.}
vendor: {manufacturer: Axis Communications, model: Q1656, country: SE}
data_rights: {holder: municipality, resale_forbidden: true}
camera_regime: public_order
correction: {route: Ask the privacy desk to delete images of you., email: privacy@voorbeeldstad.example, term: P4W}
`

// goodAlgorithm meets every rule of the checklist on testToday.
const goodAlgorithm = `
id: alg-parkeren
kind: algorithm
name: Scanauto parkeren
summary: Checks whether parked cars have paid.
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider Parkeren, email: parkeren@voorbeeldstad.example}
purpose: Fair parking.
problem: Unpaid parking.
alternatives: Wardens on foot covered a tenth of the streets.
decisions:
  - {body: college, kind: authorisation, date: 2025-12-01, reference: https://voorbeeldstad.example/b/2}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Gemeentewet art. 234}
personal_data: {processed: yes}
dpia: {status: done, date: 2025-11-01, url: https://voorbeeldstad.example/dpia2.pdf}
assessments:
  - {type: IAMA, date: 2025-11-15}
risks: {discrimination: Every street is scanned., stacking: None., mitigations: A warden checks each hit.}
lifecycle: {start: 2026-01-01, end: 2029-12-31, extension_criteria: Error rate under one percent.}
evaluation: {last: 2026-06-01}
retention: P2D
security: {last_audit: 2025-06-01}
reviews:
  - {body: ethics_committee, date: 2025-10-01, asked: true, response: {date: 2025-11-20, summary: Taken over.}}
algorithm_type: rule_based
role: decision_support
affects_individuals: true
publication_category: impactful
human_oversight: A warden checks every hit before a fine.
explanation: A hit means no valid parking right for the plate.
self_learning: false
datasets:
  - {name: Parkeerrechten}
source_code: {url: https://github.com/voorbeeldstad/scan, licence: EUPL-1.2}
objection: Object within six weeks.
ai_act: {category: not_ai, basis: Fixed rules that compare a plate with the parking rights; no inference.}
data_sharing:
  - {party: RDW, purpose: plates, start: 2026-01-01, end: 2027-12-31, retention: P1D, onward_sharing: false}
correction: {route: Object to the fine; the desk corrects the plate., desk: Parkeerbeheer, url: https://voorbeeldstad.example/parkeren/fout, term: P1M}
`

const goodConfig = `
site:
  report_error_url: https://voorbeeldstad.example/meldpunt
supplier_watch:
  - {manufacturer: Hikvision, source: "FCC Covered List"}
`

func TestGoodRecordsPassEveryRule(t *testing.T) {
	cfg := configFrom(t, goodConfig)
	fx := newFixture(t, cfg, goodCamera, goodAlgorithm)
	fs := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
	fx.locate(fs)
	match(t, fs, nil)
}

// TestDoneWhen pins the acceptance examples: real-time facial
// recognition is an error for every operator; the police's exception with
// only the public prosecutor's approval does not count; with the art.
// 5(1)(h) objective, the national law, a court's prior authorisation, and
// the FRIA and EU database entry of art. 5(2), it stays a visible warning.
func TestDoneWhen(t *testing.T) {
	cfg := configFrom(t, goodConfig)
	face := strings.Replace(goodCamera, "capabilities: [video_recording, live_viewing]",
		"capabilities:\n  - video_recording\n  - realtime_biometric_identification", 1)
	face = strings.Replace(face, "personal_data: {processed: yes, categories: [camera images]}",
		"personal_data: {processed: yes, categories: [camera images], special_categories: true, special_categories_ground: substantial_public_interest, special_categories_law: UAVG art. 29}", 1)
	face += "ai_act: {category: prohibited, role: deployer}\n"
	police := strings.Replace(strings.Replace(face, "type: municipality}", "type: police}", 1),
		"ai_act: {category: prohibited, role: deployer}", "ai_act: {category: prohibited, role: deployer, fria: {date: 2026-10-01}, eu_database_id: EU-DB-2026-1}", 1) +
		`reviews:
  - {body: audit_office, date: 2026-01-02}
exceptions:
  - rule: biometric-ban
    reason: Search for a missing person during the fair.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-11-01
    until: 2027-06-01
`
	prosecutor := strings.Replace(police, "id: cam-markt", "id: cam-kermis", 1)
	authorised := strings.Replace(police, "id: cam-markt", "id: cam-station", 1) + `    objective: victim_search
    national_law: Wet X art. 1 (a national law under AI Act art. 5(5))
    authorisation: {authority: rechter-commissaris rechtbank Midden-Nederland, date: 2026-10-30, reference: RC 26/123}
`
	fx := newFixture(t, cfg, face, prosecutor, authorised)
	var fs []finding.Finding
	for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
		if f.Rule == biometricBanID {
			fs = append(fs, f)
		}
	}
	fx.locate(fs)
	finding.Sort(fs)
	match(t, fs, []want{
		// The police camera with only the prosecutor's approval: an error.
		{Rule: "biometric-ban", Ref: "VNG 2.1", Severity: finding.Error, Line: 26, Column: 5, Message: "capability realtime_biometric_identification (real-time remote biometric identification) is biometric surveillance…prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)… (the exception at exceptions[0] does not count: it lacks the prior authorisation…, the objective of AI Act art. 5(1)(h)…and the national law"},
		// The municipal camera: an error at the capability's line.
		{Rule: "biometric-ban", Ref: "VNG 2.1", Severity: finding.Error, Line: 26, Column: 5, Message: "capability realtime_biometric_identification (real-time remote biometric identification) is biometric surveillance"},
		// The authorised police camera: still a warning.
		{Rule: "biometric-ban", Ref: "VNG 2.1", Severity: finding.Warning, Line: 26, Column: 5, Message: "exception to a legal duty (Wet politiegegevens; Directive (EU) 2016/680 art. 10; AI Act art. 5(1)(h)), approved by officier van justitie on 2026-11-01 until 2027-06-01: capability realtime_biometric_identification"},
	})
	if len(fs) != 3 || fs[0].File != "sensors/cam-kermis.yaml" || fs[1].File != "sensors/cam-markt.yaml" || fs[2].File != "sensors/cam-station.yaml" {
		t.Errorf("files: %v", fs)
	}
	// A prosecutor as the authority is no court (art. 5(3)).
	asProsecutor := strings.Replace(authorised, "rechter-commissaris rechtbank Midden-Nederland", "officier van justitie", 1)
	fx = newFixture(t, cfg, asProsecutor)
	for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
		if f.Rule == biometricBanID && (f.Severity != finding.Error || !strings.Contains(f.Message.In("en"), "lacks an authorisation the checklist can recognise")) {
			t.Errorf("prosecutor as authority: %s %q", f.Severity, f.Message.In("en"))
		}
	}
}

func TestConfigurationChangesSeverities(t *testing.T) {
	noSigns := strings.Replace(goodCamera, "signage: {present: true, description: Signs at every entrance.}\n", "", 1)
	noSigns = strings.Replace(noSigns, "last_audit: 2025-12-01", "last_audit: 2022-01-10", 1)
	audit := want{Rule: "security-audit", Ref: "VNG 7.7", Severity: finding.Warning, Line: 22, Column: 24, Message: "the last security audit was on 2022-01-10, longer ago than P3Y"}
	signs := want{Rule: "signage", Ref: "VNG 4.3", Severity: finding.Error, Line: 1, Column: 1, Message: "public-order camera surveillance must be recognisable by law"}
	with := func(w want, s finding.Severity) want { w.Severity = s; return w }
	setting := func(line, col int, sev finding.Severity, msg string) want {
		return want{Rule: finding.RuleConfig, Ref: "VNG 4.3", Severity: sev, Line: line, Column: col, Message: msg}
	}
	tests := []struct {
		name string
		yaml string
		env  map[string]string
		want []want
	}{
		{"defaults", goodConfig, nil, []want{signs, audit}},
		{"file lowers a policy rule, with its reason", goodConfig + "rules: {security-audit: {severity: info, reason: Audits follow the city's own cycle.}}\n", nil,
			[]want{signs, with(audit, finding.Info)}},
		{"file raises a rule", goodConfig + "rules: {security-audit: error}\n", nil, []want{signs, with(audit, finding.Error)}},
		{"file switches a policy rule off without a reason", goodConfig + "rules: {security-audit: off}\n", nil, []want{
			{Rule: finding.RuleConfig, Ref: "VNG 7.7", Severity: finding.Warning, Line: 5, Column: 9, Message: "rules.security-audit: off sets the rule below its default (warning) without a reason"},
			signs}},
		{"file cannot switch off a legal duty", goodConfig + "rules: {signage: {severity: off, reason: Signs are ugly.}}\n", nil, []want{
			setting(5, 9, finding.Error, "rules.signage: off would switch off or lower duties that follow from law (Gemeentewet art. 151c) for cameras and other sensors that process personal data (public order: Gemeentewet 151c(4); other cameras: GDPR art. 13; other sensors: GDPR art. 12-14), except police data (the police's own, or what boa's process as police data); those stay reported as the law has them"),
			signs, audit}},
		{"file cannot lower a legal duty", goodConfig + "rules: {signage: warning}\n", nil, []want{
			setting(5, 9, finding.Error, "rules.signage: warning would switch off or lower duties that follow from law (Gemeentewet art. 151c)"),
			signs, audit}},
		{"environment overrides the file, but not the law", goodConfig + "rules: {security-audit: error}\n",
			map[string]string{"REGISTER_RULES_SIGNAGE": "info", "REGISTER_RULES_SECURITY_AUDIT": "off", "REGISTER_RULES_SECURITY_AUDIT_REASON": "Audited by the region."}, []want{
				setting(0, 0, finding.Error, "REGISTER_RULES_SIGNAGE=info would switch off or lower duties that follow from law (Gemeentewet art. 151c)"),
				signs}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cfg := configFrom(t, tt.yaml)
			fx := newFixture(t, cfg, noSigns)
			fs := Run(fx.reg, Options{Today: day(testToday)})
			fx.locate(fs)
			finding.Sort(fs)
			match(t, fs, tt.want)
			for _, f := range fs {
				if f.Rule == finding.RuleConfig && f.Severity == finding.Error && (f.Law.In("en") != "Gemeentewet art. 151c" || f.File != "register.yaml" && f.File != "REGISTER_RULES_SIGNAGE") {
					t.Errorf("the setting's error cites %q in %q, want the article in register.yaml or the variable", f.Law.In("en"), f.File)
				}
			}
		})
	}
}

func TestConfiguredLimits(t *testing.T) {
	long := strings.Replace(goodCamera, "end: 2027-01-31", "end: 2028-06-30", 1)
	for _, tt := range []struct {
		name, cfg string
		want      []want
	}{
		{"default two years", "", []want{{Rule: "camera-temporary", Ref: "C-camera-temporary", Severity: finding.Warning, Line: 18, Column: 37, Message: "longer than the P2Y"}}},
		{"three years allowed", "limits: {camera_lifecycle_max: P3Y}\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			match(t, only(t, "camera-temporary", configFrom(t, tt.cfg), nil, testToday, long), tt.want)
		})
	}
	// The evaluation interval per sensor type comes from configuration too.
	lapsed := strings.Replace(goodCamera, "evaluation: {interval: P1Y, last: 2026-08-01, outcome: Still needed.}", "evaluation: {last: 2025-06-01}", 1)
	match(t, only(t, "evaluation-lapsed", configFrom(t, ""), nil, testToday, lapsed), []want{
		{Rule: "evaluation-lapsed", Ref: "C-camera-yearly", Severity: finding.Warning, Line: 19, Column: 20, Message: "due on 2026-06-01 (P1Y after the last evaluation on 2025-06-01) and is overdue"},
	})
	match(t, only(t, "evaluation-lapsed", configFrom(t, "evaluation: {intervals: {public_order: P2Y}}\n"), nil, testToday, lapsed), nil)
	// An interval for cameras adds to the defaults: a public-order camera
	// stays yearly, as its regime's own interval comes first.
	match(t, only(t, "evaluation-lapsed", configFrom(t, "evaluation: {intervals: {camera: P2Y}}\n"), nil, testToday, lapsed), []want{
		{Rule: "evaluation-lapsed", Ref: "C-camera-yearly", Severity: finding.Warning, Line: 19, Column: 20, Message: "due on 2026-06-01 (P1Y after the last evaluation on 2025-06-01) and is overdue"},
	})
}

func TestUnknownRuleSettingsAreReported(t *testing.T) {
	cfg := configFrom(t, goodConfig+"rules:\n  signge: off\n  schema: warning\n")
	fx := newFixture(t, cfg, goodCamera)
	fs := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
	match(t, fs, []want{{Rule: finding.RuleConfig, Ref: "", Severity: finding.Warning, Line: 6, Column: 3, Message: "rules.signge names no rule"}})
	if fs[0].Path != "/rules/signge" || !strings.Contains(fs[0].Help.In("en"), "did you mean signage?") {
		t.Errorf("path %q help %q", fs[0].Path, fs[0].Help.In("en"))
	}
}

func TestRunUsesTodayInAmsterdam(t *testing.T) {
	// 2026-11-24 23:30 UTC is already 25 November in Amsterdam: a camera
	// whose life cycle ends on the 24th is then past its end.
	old := timeNow
	defer func() { timeNow = old }()
	timeNow = func() time.Time { return time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC) }
	ended := strings.Replace(goodCamera, "end: 2027-01-31", "end: 2026-11-24", 1)
	cfg := configFrom(t, goodConfig)
	fx := newFixture(t, cfg, ended)
	fs := Run(fx.reg, Options{History: fakeHistory{start: "2025-01-01"}})
	fx.locate(fs)
	match(t, fs, []want{{Rule: "lifecycle-ended", Ref: "C-camera-temporary, VNG I", Severity: finding.Error, Line: 18, Column: 37, Message: "ended on 2026-11-24"}})
}

// FuzzRun feeds arbitrary records to the whole checklist: whatever a file
// holds, the checklist reports and never panics.
func FuzzRun(f *testing.F) {
	f.Add(goodCamera)
	f.Add(goodAlgorithm)
	f.Add(policeCamera + "exceptions:\n  - {rule: biometric-ban, until: 2027-01-01}\n")
	f.Add("id: x\nkind: sensor\nincidents: [{type: data_breach, discovered: '2026-13-45'}]\n")
	f.Add("id: x\nkind: algorithm\nevaluation: {interval: P0D}\nlifecycle: {start: 0001-01-01}\n")
	cfg := config.Default()
	cfg.RulesCustom = []config.CustomRule{{ID: "has-reviews", Require: "has(record.reviews) && size(record.reviews) > 0"}}
	f.Fuzz(func(t *testing.T, text string) {
		doc, _ := source.Parse("f.yaml", []byte(text), source.DefaultLimits)
		if doc == nil {
			return
		}
		rec := &record.Record{}
		_ = doc.Root.Decode(rec)
		rec.File = "sensors/f.yaml"
		reg := register.New("fuzz", cfg, []*record.Record{rec})
		for _, fd := range Run(reg, Options{Today: day(testToday)}) {
			if fd.Rule == "" || fd.Message.In("en") == "" || fd.Severity == finding.Off {
				t.Fatalf("incomplete finding %+v", fd)
			}
		}
	})
}
