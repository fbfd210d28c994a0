package principle

import (
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

// TestRulesSayWhetherTheyAreLaw pins, rule by rule, which duties follow from
// law (with the article) and which from policy: a municipality may change
// the second, never the first.
func TestRulesSayWhetherTheyAreLaw(t *testing.T) {
	legal := map[string]struct{ law, scope string }{
		"biometric-ban":        {"GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g)", "for identifying people by their face, body or gait, live or after the fact, for emotion recognition at work and in education, and for biometric categorisation by race, political opinions, religion, sexual orientation and other sensitive traits"},
		"dpia-required":        {"GDPR art. 35(1) and (3)", "for sensors that (may) process personal data, and for cameras, tracking, biometrics, special categories, profiling and automated decisions"},
		"legal-basis":          {"GDPR art. 6(1)", "for a lawful ground when personal data is processed"},
		"camera-temporary":     {"Gemeentewet art. 151c", "for a public-order camera's end date"},
		"lifecycle-ended":      {"Gemeentewet art. 151c(1)", "for a public-order camera"},
		"signage":              {"Gemeentewet art. 151c", "for cameras and other sensors that process personal data (public order: Gemeentewet 151c(4); other cameras: GDPR art. 13; other sensors: GDPR art. 12-14), except police data (the police's own, or what boa's process as police data)"},
		"breach-reported":      {"GDPR art. 33(1)", ""},
		"human-oversight":      {"GDPR art. 22", "for automated decisions about people: role automated_decision with personal data, or possibly personal data (personal_data.processed yes or unknown, categories listed, or personal by its nature), whatever affects_individuals says; only personal_data.processed no without categories is not about people"},
		"publication-category": {"AI Act art. 5", "for a prohibited AI practice"},
		// format v2
		"camera-regime":          {"GDPR art. 5(2), 6(1)", ""},
		"camera-decision":        {"Gemeentewet art. 151c(1)", ""},
		"camera-retention":       {"Gemeentewet art. 151c(6)", ""},
		"personal-data-inferred": {"GDPR art. 4(1)", ""},
		"device-minimisation":    {"GDPR art. 5(1)(c), 25(1)", ""},
		"special-categories":     {"GDPR art. 9(2); UAVG art. 22-30", ""},
		"ai-act-profile":         {"AI Act art. 3(1), 6", "for the classification (not AI, high risk, the art. 6(3) exemption)"},
		"ai-act-fria":            {"AI Act art. 27", "for public bodies, for every deployer under Annex III point 5(b) and 5(c), and for other deployers under point 3 (education) and point 5 (essential public services)"},
		"ai-act-registration":    {"AI Act art. 26(8), 49(3)", ""},
		"ai-act-transparency":    {"AI Act art. 50", ""},
		"ai-act-literacy":        {"AI Act art. 4", ""},
		// issue 17
		"correction-route": {"GDPR art. 12(3), 16, 17", "for a term longer than the law allows, except police data (the police's own, or what boa's process as police data)"},
	}
	for _, r := range Rules() {
		want, isLaw := legal[r.ID]
		if r.Law.In("en") != want.law || r.LawScope.In("en") != want.scope {
			t.Errorf("%s: law %q scope %q, want %q %q", r.ID, r.Law.In("en"), r.LawScope.In("en"), want.law, want.scope)
		}
		if isLaw != r.Legal() || (r.Legal() && (r.Law.In("nl") == "" || (r.LawScope.In("en") != "") != (r.LawScope.In("nl") != ""))) {
			t.Errorf("%s: legal %v, Dutch citation %q, Dutch scope %q", r.ID, r.Legal(), r.Law.In("nl"), r.LawScope.In("nl"))
		}
		if r.LawfulRoute.In("en") != "" && (!r.Legal() || r.LawfulRoute.In("nl") == "") {
			t.Errorf("%s: a lawful route needs a law and Dutch words", r.ID)
		}
		basis := r.Basis()
		if isLaw != strings.HasPrefix(basis, "law") || !strings.Contains(basis, r.Ref) && !r.WhollyLegal() {
			t.Errorf("%s: basis %q", r.ID, basis)
		}
	}
}

// TestTheLawsSeverities pins, rule by rule, the severities the law gives
// a rule's legal findings where they are not its default alone: explain and
// the findings on settings say them, and the checklist holds the findings
// to them (settle).
func TestTheLawsSeverities(t *testing.T) {
	E, W, I := finding.Error, finding.Warning, finding.Info
	want := map[string][]finding.Severity{
		// A claim the register cannot check: the art. 5(1)(f) way out;
		// a law of its own for regime other, or an authority's interest
		// outside its public task.
		"biometric-ban": {E, W},
		"legal-basis":   {E, W},
		// Unknown personal data, a DPIA or breach late but done, a FRIA
		// after first use or before it; a note before the date of a
		// high-risk duty; a warning before art. 50 applies.
		"personal-data-inferred": {E, W},
		"dpia-required":          {E, W},
		"special-categories":     {E, W},
		"breach-reported":        {E, W},
		"ai-act-fria":            {E, W, I},
		"ai-act-registration":    {E, I},
		"ai-act-transparency":    {E, W},
		// Longer than the law allows: an error, though the rule's
		// policy findings are warnings.
		"correction-route": {E},
	}
	for _, r := range Rules() {
		got := r.LawHas()
		w, ok := want[r.ID]
		switch {
		case !r.Legal():
			w = nil
		case !ok:
			w = []finding.Severity{r.Default}
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s: the law gives %v, want %v", r.ID, got, w)
		}
	}
}

// A legal finding is held to the severities the law gives its rule: one
// the rule does not list is raised to the strictest it does, never
// lowered; a note stays a note (what a check could not tell, or when a
// duty begins, is no finding of the duty); a policy finding keeps its own.
func TestSettleHoldsLegalFindingsToTheLaw(t *testing.T) {
	law := label.Text{"wet", "law"}
	mixed := &Rule{ID: "x", Default: finding.Error, Law: law, LawScope: label.Text{"soms", "sometimes"},
		LawSeverities: []finding.Severity{finding.Error, finding.Warning}}
	lower := &Rule{ID: "y", Default: finding.Warning, Law: law, LawScope: label.Text{"soms", "sometimes"},
		LawSeverities: []finding.Severity{finding.Error}}
	for _, tt := range []struct {
		rule  *Rule
		legal bool
		sev   finding.Severity
		want  finding.Severity
	}{
		{mixed, true, finding.Warning, finding.Warning},
		{mixed, true, finding.Info, finding.Info},
		{lower, true, finding.Info, finding.Info},
		{mixed, true, finding.Off, finding.Error},
		{mixed, false, finding.Info, finding.Info},
		{lower, true, finding.Error, finding.Error},
		{lower, true, finding.Warning, finding.Error},
		{lower, false, finding.Off, finding.Warning},
	} {
		f := finding.Finding{Severity: tt.sev}
		if tt.legal {
			f = lawful(f, law)
		}
		if got := settle(config.Default(), tt.rule, f).Severity; got != tt.want {
			t.Errorf("%s, legal %v, %s: settled at %s, want %s", tt.rule.ID, tt.legal, tt.sev, got, tt.want)
		}
	}
}

// faceCamera is a municipal camera that recognises faces: forbidden by law.
var faceCamera = strings.Replace(strings.Replace(goodCamera, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, face_recognition]", 1),
	"personal_data: {processed: yes, categories: [camera images]}", "personal_data: {processed: yes, categories: [camera images], special_categories_law: Wpg art. 5}", 1) +
	"ai_act: {category: high_risk, role: deployer, annex_iii: 1(a), fria: {date: 2026-01-01}, eu_database_id: EU-1, literacy: Operators are trained.}\nreviews: [{body: dpo, date: 2026-01-02}]\n"

// faceError is the finding every case below must keep.
var faceError = want{Rule: "biometric-ban", Ref: "VNG 2.1", Severity: finding.Error, Line: 24, Column: 33, Message: "capability face_recognition (facial recognition) is biometric surveillance"}

// TestLegalDutiesCannotBeSwitchedOff: the first example. A setting
// that would silence the ban in register.yaml or the environment is an
// error at the setting citing the article, and the camera still fails.
func TestLegalDutiesCannotBeSwitchedOff(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		env     map[string]string
		setting want
	}{
		{"register.yaml", goodConfig + "rules:\n  biometric-ban: off\n", nil,
			want{Rule: finding.RuleConfig, Ref: "VNG 2.1", Severity: finding.Error, Line: 6, Column: 3,
				Message: "rules.biometric-ban: off would switch off or lower duties that follow from law (GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g))"}},
		{"register.yaml, with a reason", goodConfig + "rules:\n  biometric-ban: {severity: info, reason: The council allows it.}\n", nil,
			want{Rule: finding.RuleConfig, Ref: "VNG 2.1", Severity: finding.Error, Line: 6, Column: 3, Message: "rules.biometric-ban: info would switch off"}},
		{"environment", goodConfig, map[string]string{"REGISTER_RULES_BIOMETRIC_BAN": "off"},
			want{Rule: finding.RuleConfig, Ref: "VNG 2.1", Severity: finding.Error, Message: "REGISTER_RULES_BIOMETRIC_BAN=off would switch off"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			fx := newFixture(t, configFrom(t, tt.yaml), faceCamera)
			fs := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
			fx.locate(fs)
			finding.Sort(fs)
			match(t, fs, []want{tt.setting, faceError})
			if len(fs) == 2 && (fs[0].Law.In("en") != lawBiometricBan.In("en") || fs[1].Law.In("en") != lawBiometric.In("en") || fs[1].Law.In("nl") != lawBiometric.In("nl")) {
				t.Errorf("law cited: %q, %q", fs[0].Law.In("en"), fs[1].Law.In("en"))
			}
			if tt.env != nil && len(fs) > 0 && fs[0].File != "REGISTER_RULES_BIOMETRIC_BAN" {
				t.Errorf("the setting's finding points at %q, want the variable", fs[0].File)
			}
		})
	}
}

// TestPolicyPartOfAMixedRuleStaysConfigurable: following phones by Wi-Fi
// is banned by VNG 2.1, not by law; switching the ban off for it is the
// municipality's choice, shown with its reason.
func TestPolicyPartOfAMixedRuleStaysConfigurable(t *testing.T) {
	tracker := strings.Replace(goodCamera, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, device_tracking]", 1) +
		"minimisation: {measures: [hashing_rotating_salt, aggregation_only]}\n"
	cfg := configFrom(t, goodConfig+"rules:\n  biometric-ban: {severity: off, reason: Counting visitors by phone was approved by the council.}\n")
	fx := newFixture(t, cfg, tracker)
	fs := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
	fx.locate(fs)
	match(t, fs, []want{{Rule: finding.RuleConfig, Ref: "VNG 2.1", Severity: finding.Warning, Line: 6, Column: 3,
		Message: "rules.biometric-ban: off changes only the rule's policy findings: for identifying people by their face, body or gait, live or after the fact, for emotion recognition at work and in education, and for biometric categorisation by race, political opinions, religion, sexual orientation and other sensitive traits it is law"}})
	// Without the setting the same record fails, as policy.
	fs = only(t, biometricBanID, configFrom(t, goodConfig), nil, testToday, tracker)
	match(t, fs, []want{{Rule: "biometric-ban", Ref: "VNG 2.1", Severity: finding.Error, Line: 24, Column: 33, Message: "capability device_tracking"}})
	if fs[0].Law.In("en") != "" {
		t.Errorf("device tracking cites %q, want policy", fs[0].Law.In("en"))
	}
}

// TestExceptionsToLegalDuties: an exception does not lower a legal duty,
// whoever approved it and on whatever basis; the duty stays an error, the
// refused exception is reported, and where the law gives its own way out
// the finding names it.
func TestExceptionsToLegalDuties(t *testing.T) {
	exception := func(rule string) string {
		return "exceptions:\n  - {rule: " + rule + ", reason: Approved by the council., legal_basis: Besluit 2026-12, approved_by: college, approved_on: 2026-11-01, until: 2027-03-01}\n"
	}
	refused := func(line int, rule, law string) want {
		return want{"exception-refused", "exceptions", finding.Warning, line, 12,
			"the exception to " + rule + " does not count: it would set aside a duty that follows from law (" + law}
	}
	tests := []struct {
		name, rule, yaml string
		want             []want
	}{
		{name: "a camera without signs: still an error", rule: "signage", yaml: `
id: cam
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
` + exception("signage"), want: []want{{"signage", "VNG 4.3", finding.Error, 1, 1,
			"the record does not say how the sensor is made recognisable, while public-order camera surveillance must be recognisable by law (Gemeentewet art. 151c(4)) (the exception at exceptions[0] does not count: an exception cannot set aside a duty that follows from law (Gemeentewet art. 151c); the law gives no exception to it)"},
			refused(7, "signage", "Gemeentewet art. 151c")}},
		{name: "a late breach: the exception does not count", rule: "breach-reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", reported: "2026-05-10T09:00:00+02:00"}
` + exception("breach-reported"), want: []want{{"breach-reported", "C-breach", finding.Error, 4, 76,
			"the data breach was reported 167 hours and 50 minutes after it was discovered, later than 72 hours, and no delay_reason is given (the exception at exceptions[0] does not count: an exception cannot set aside a duty that follows from law (GDPR art. 33(1)); the law's own way out: a notice later than 72 hours states the reasons for the delay (delay_reason))"},
			refused(6, "breach-reported", "GDPR art. 33(1)")}},
		{name: "a late breach with its reasons: the lawful route, a warning", rule: "breach-reported", yaml: `
id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", reported: "2026-05-10T09:00:00+02:00", delay_reason: The supplier's forensic report came first.}
`, want: []want{{"breach-reported", "C-breach", finding.Warning, 4, 119, "the data breach was reported 167 hours and 50 minutes after it was discovered, later than 72 hours, with the reasons for the delay, as GDPR art. 33(1) asks of a later notice"}}},
		{name: "a prohibited practice: no exception, not even for the police", rule: "publication-category", yaml: `
id: alg
kind: algorithm
organisation: {type: police}
ai_act: {category: prohibited}
publication_category: high_risk_ai
` + exception("publication-category"), want: []want{
			{"publication-category", "VNG 3.2", finding.Error, 4, 20, "prohibited AI practice (AI Act art. 5), which may not be used (the exception at exceptions[0] does not count: an exception cannot set aside a duty that follows from law (AI Act art. 5); the law's own way out: none"},
			// The category mismatch is policy: the exception covers it.
			{"publication-category", "VNG 3.2", finding.Info, 5, 23, "allowed by the exception"},
			refused(7, "publication-category", "AI Act art. 5), which no approval can do; it counts only for the rule's findings that follow from policy"),
		}},
		{name: "legitimate interest without a statement: an error no exception lifts", rule: "legal-basis", yaml: `
id: s
kind: sensor
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: gdpr, gdpr_ground: legitimate_interest, law: Eigen gebouw}
` + exception("legal-basis"), want: []want{{"legal-basis", "VNG VI", finding.Error, 5, 42, "legitimate_interest is not available to a public authority (municipality) for its tasks (GDPR art. 6(1), last sentence) (the exception at exceptions[0] does not count"},
			refused(7, "legal-basis", "GDPR art. 6(1), last sentence")}},
		{name: "legitimate interest, reasoned outside the public task: a warning", rule: "legal-basis", yaml: `
id: s
kind: sensor
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: gdpr, gdpr_ground: legitimate_interest, law: AVG art. 6 lid 1 onder f, outside_public_task: The cameras guard the town hall's own bicycle shed against theft.}
`, want: []want{{"legal-basis", "VNG VI", finding.Warning, 5, 115, "a public authority (municipality) relies on legitimate interest, stating that the processing is outside its public task, where GDPR art. 6(1), last sentence, does not bar it"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, tt.rule, nil, nil, testToday, strings.TrimLeft(tt.yaml, "\n"))
			match(t, fs, tt.want)
			for _, f := range fs {
				if f.Severity == finding.Info && f.Law.In("en") != "" {
					t.Errorf("a legal duty became info: %q", f.Message.In("en"))
				}
				// The law's own route is lawful: not an exception to it.
				if strings.Contains(f.Message.In("en"), "exception to a legal duty") || strings.Contains(f.Message.In("nl"), "Uitzondering op een wettelijke plicht") {
					t.Errorf("the law's own route reads as an exception: %q", f.Message.In("en"))
				}
			}
		})
	}
}

// TestSettingsWithoutAReason: every deviation from the defaults is public,
// with its reason; one without a reason is a warning at the setting.
func TestSettingsWithoutAReason(t *testing.T) {
	t.Setenv("REGISTER_RULES_NOTICE_PERIOD", "off")
	cfg := configFrom(t, goodConfig+"rules:\n  security-audit: info\n  minimisation: {severity: off, reason: Counting cameras are checked by the DPO.}\n  owner-reachable: error\n")
	fx := newFixture(t, cfg, goodCamera)
	fs := Run(fx.reg, Options{Today: day(testToday), History: fakeHistory{start: "2025-01-01"}})
	fx.locate(fs)
	finding.Sort(fs)
	match(t, fs, []want{
		{Rule: finding.RuleConfig, Ref: "C-sensor-register", Severity: finding.Warning, Message: "REGISTER_RULES_NOTICE_PERIOD=off sets the rule below its default (warning) without a reason"},
		{Rule: finding.RuleConfig, Ref: "VNG 7.7", Severity: finding.Warning, Line: 6, Column: 3, Message: "rules.security-audit: info sets the rule below its default (warning) without a reason"},
	})
	if len(fs) > 0 && !strings.Contains(fs[0].Help.In("en"), "REGISTER_RULES_NOTICE_PERIOD_REASON") {
		t.Errorf("help %q does not name the reason's variable", fs[0].Help.In("en"))
	}

	ds := Deviations(cfg)
	var got []string
	for _, d := range ds {
		got = append(got, d.Rule.ID+" "+d.Setting.Severity.String()+" "+d.Setting.Where()+" "+d.Setting.Reason)
	}
	want := []string{
		"minimisation off register.yaml:7:3 Counting cameras are checked by the DPO.",
		"security-audit info register.yaml:6:3 ",
		"notice-period off REGISTER_RULES_NOTICE_PERIOD ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("deviations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSignsForPersonalDataSensorsCannotBeSwitchedOff: telling people that a
// sensor processes their personal data in public space is the GDPR's
// (art. 12-14), for a Wi-Fi counter as for a camera; a setting that would
// switch the signs off is refused and the record still fails.
func TestSignsForPersonalDataSensorsCannotBeSwitchedOff(t *testing.T) {
	counter := "id: wifi\nkind: sensor\nstatus: active\nsensor_type: wifi_bluetooth_counter\npersonal_data: {processed: \"yes\"}\n"
	cfg := configFrom(t, "rules: {signage: off}\n")
	fx := newFixture(t, cfg, counter)
	fs := Run(fx.reg, Options{Today: day(testToday)})
	fx.locate(fs)
	fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return f.Rule != "signage" && f.Rule != finding.RuleConfig })
	finding.Sort(fs)
	match(t, fs, []want{
		{finding.RuleConfig, "VNG 4.3", finding.Error, 1, 9, "rules.signage: off would switch off or lower duties that follow from law"},
		{"signage", "VNG 4.3", finding.Error, 1, 1, "the record does not say how the sensor is made recognisable, while people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14)"},
	})
	if len(fs) == 2 && fs[1].Law.In("en") != "GDPR art. 12-14" {
		t.Errorf("the signs cite %q", fs[1].Law.In("en"))
	}
}

// A rule's basis names the directive's article beside the GDPR's where
// police data have the same duty under it, and only there.
func TestBasisNamesTheLawOfPoliceData(t *testing.T) {
	for _, tt := range []struct{ rule, en, nl string }{
		{"breach-reported", "law (GDPR art. 33(1); police data: Wet politiegegevens; Directive (EU) 2016/680 art. 30(1))",
			"wet (AVG art. 33 lid 1; politiegegevens: Wet politiegegevens; Richtlijn (EU) 2016/680 art. 30 lid 1)"},
		{"camera-retention", "law (Gemeentewet art. 151c(6))", "wet (Gemeentewet art. 151c lid 6)"},
	} {
		r, ok := Lookup(tt.rule)
		if !ok {
			t.Fatalf("no rule %s", tt.rule)
		}
		if r.Basis() != tt.en || r.BasisNL() != tt.nl {
			t.Errorf("%s: %q / %q, want %q / %q", tt.rule, r.Basis(), r.BasisNL(), tt.en, tt.nl)
		}
	}
}
