package principle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

func TestPersonalDataInferred(t *testing.T) {
	runCases(t, "personal-data-inferred", nil, []ruleCase{
		{name: "an ANPR camera that says yes", yaml: `
id: s
kind: sensor
personal_data: {processed: "yes"}
sensor_type: anpr_camera
`},
		{name: "an air-quality sensor may say no", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: air_quality
`},
		{name: "licence plates are personal data", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: anpr_camera
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "personal_data.processed is no, but a sensor with anpr_camera processes personal data…(GDPR art. 4(1))"}}},
		{name: "a Wi-Fi counter that only counts people still reads device identifiers", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: wifi_bluetooth_counter
capabilities: [people_counting]
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "a sensor with wifi_bluetooth_counter processes personal data"}}},
		{name: "plate recognition on another sensor", yaml: `
id: s
kind: sensor
personal_data: {processed: unknown}
sensor_type: other
capabilities: [licence_plate_recognition]
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Warning, 3, 28, "personal_data.processed is unknown"}}},
		{name: "a camera that records people in public space", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: camera
capabilities: [video_recording]
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "a sensor with video_recording processes personal data: images"}}},
		{name: "a camera that shows people live", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: camera
capabilities: [live_viewing]
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "a sensor with live_viewing processes personal data"}}},
		{name: "a public-order camera whatever it lists", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: camera
camera_regime: public_order
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "a sensor with camera_regime public_order processes personal data"}}},
		{name: "face recognition", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: other
capabilities: [face_recognition]
`, want: []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 3, 28, "a sensor with face_recognition processes personal data"}}},
		{name: "a traffic counter that only counts vehicles may say no", yaml: `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: traffic_counter
capabilities: [vehicle_counting]
`},
	})
	// The other rules treat the sensor as processing personal data.
	match(t, only(t, "legal-basis", nil, nil, testToday, `
id: s
kind: sensor
personal_data: {processed: "no"}
sensor_type: anpr_camera
`), []want{{"legal-basis", "VNG 6.4", finding.Error, 1, 1, "no legal basis is recorded, while the sensor processes personal data by its nature (anpr_camera; GDPR art. 4(1))"}})
}

func TestDeviceMinimisation(t *testing.T) {
	runCases(t, "device-minimisation", nil, []ruleCase{
		{name: "hashed with a rotating salt, counts only", yaml: `
id: s
kind: sensor
sensor_type: wifi_bluetooth_counter
minimisation: {measures: [hashing_rotating_salt, aggregation_only]}
`},
		{name: "truncated, counts only", yaml: `
id: s
kind: sensor
sensor_type: wifi_bluetooth_counter
minimisation: {measures: [truncation, aggregation_only]}
`},
		{name: "no measures", yaml: `
id: s
kind: sensor
sensor_type: wifi_bluetooth_counter
capabilities: [people_counting]
`, want: []want{{"device-minimisation", "VNG 7.5", finding.Error, 1, 1, "the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (GDPR art. 5(1)(c), 25(1)), but lists no hashing with a rotating salt or truncation (hashing_rotating_salt, truncation) and sending only counts (aggregation_only)"}}},
		{name: "counts only, identifiers kept in the clear", yaml: `
id: s
kind: sensor
sensor_type: other
capabilities: [device_tracking]
minimisation: {measures: [aggregation_only]}
`, want: []want{{"device-minimisation", "VNG 7.5", finding.Error, 5, 1, "lists no hashing with a rotating salt or truncation"}}},
	})
}

func TestDPIAMandatory(t *testing.T) {
	runCases(t, "dpia-required", nil, []ruleCase{
		{name: "not required for a water-level sensor", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: unknown}
dpia: {status: not_required, reason: Measures water only.}
sensor_type: water_level
`},
		{name: "a camera in public space", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: "yes"}
dpia: {status: not_required, reason: Small.}
sensor_type: camera
camera_regime: enforcement
`, want: []want{{"dpia-required", "VNG 6.3", finding.Error, 5, 16, "dpia.status is not_required, but the law makes a DPIA mandatory (GDPR art. 35(3)(c); Dutch DPA DPIA list (Stcrt. 2019, 64418)) for systematic monitoring of a publicly accessible area with cameras"}}},
		{name: "a Wi-Fi counter that says no personal data", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: "no"}
dpia: {status: not_required, reason: Hashed.}
sensor_type: wifi_bluetooth_counter
`, want: []want{{"dpia-required", "VNG 6.4", finding.Error, 5, 16, "a DPIA mandatory (…) for tracking devices or people (location data)"}}},
		{name: "profiling", yaml: `
id: a
kind: algorithm
status: active
personal_data: {processed: "yes"}
dpia: {status: not_required, reason: Internal.}
role: profiling
`, want: []want{{"dpia-required", "VNG 6.3", finding.Error, 5, 16, "the law makes a DPIA mandatory (GDPR art. 35(3)(a); Dutch DPA DPIA list (Stcrt. 2019, 64418)) for profiling or automated decisions about people"}}},
	})
}

func TestSpecialCategories(t *testing.T) {
	runCases(t, "special-categories", nil, []ruleCase{
		{name: "ground and article", yaml: `
id: a
kind: algorithm
personal_data: {processed: "yes", special_categories: true, special_categories_ground: substantial_public_interest, special_categories_law: UAVG art. 30 lid 3}
`},
		{name: "no ground", yaml: `
id: a
kind: algorithm
personal_data: {processed: "yes", special_categories: true}
`, want: []want{{"special-categories", "VNG VI", finding.Error, 3, 1, "the record processes special categories of personal data, but the record does not give the exception of GDPR art. 9(2) (special_categories_ground) and the article of the UAVG"}}},
		{name: "biometric identification is a special category whatever the record says", yaml: `
id: s
kind: sensor
personal_data: {processed: "yes", special_categories: false, special_categories_ground: substantial_public_interest}
capabilities: [post_biometric_identification]
`, want: []want{{"special-categories", "VNG VI", finding.Error, 3, 1, "the record identifies people biometrically (post_biometric_identification)…the article of the UAVG"}}},
		{name: "police data: the Wpg article", yaml: `
id: s
kind: sensor
organisation: {type: police}
legal_basis: {regime: police_data}
personal_data: {processed: "yes", special_categories: true}
`, want: []want{{"special-categories", "VNG VI", finding.Error, 5, 1, "the record does not give the article of the Wet politiegegevens that allows it (special_categories_law, Wpg art. 5)"}}},
		{name: "a municipality's boa's investigating: the Wpg article", yaml: `
id: s
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: police_data, boa: true}
personal_data: {processed: "yes", special_categories: true}
`, want: []want{{"special-categories", "VNG VI", finding.Error, 5, 1, "the record does not give the article of the Wet politiegegevens that allows it (special_categories_law, Wpg art. 5)"}}},
		{name: "a municipality that claims police data still needs the GDPR's exception", yaml: `
id: a
kind: algorithm
organisation: {type: municipality}
legal_basis: {regime: police_data, gdpr_ground: public_task}
personal_data: {processed: "yes", special_categories: true, special_categories_law: UAVG art. 30}
`, want: []want{{"special-categories", "VNG VI", finding.Error, 5, 1, "the record does not give the exception of GDPR art. 9(2) (special_categories_ground)"}}},
	})
}

func TestAIActProfile(t *testing.T) {
	runCases(t, "ai-act-profile", nil, []ruleCase{
		{name: "a rule-based algorithm that is not AI", yaml: `
id: a
kind: algorithm
algorithm_type: rule_based
ai_act: {category: not_ai, basis: Fixed rules.}
`},
		{name: "a water-level sensor needs no profile", yaml: `
id: s
kind: sensor
capabilities: [environmental_measurement]
`},
		{name: "machine learning is AI", yaml: `
id: a
kind: algorithm
algorithm_type: machine_learning
ai_act: {category: not_ai}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 4, 20, "an algorithm of type machine_learning is an AI system by definition…(AI Act art. 3(1))"}}},
		// Identifying people by their face is AI by nature: labelling it
		// not_ai would drop the AI Act's duties.
		{name: "identification after the fact is AI", yaml: `
id: s
kind: sensor
capabilities: [video_recording, post_biometric_identification]
ai_act: {category: not_ai, basis: Records only.}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 4, 20, "a sensor that does after-the-fact remote biometric identification is an AI system by definition…so it cannot be not_ai (AI Act art. 3(1))"}}},
		{name: "an algorithm that recognises emotions is AI", yaml: `
id: a
kind: algorithm
algorithm_type: rule_based
capabilities: [emotion_recognition]
ai_act: {category: not_ai, basis: Rules.}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 5, 20, "an algorithm that does emotion recognition is an AI system by definition"}}},
		{name: "image analysis may be no AI", yaml: `
id: s
kind: sensor
capabilities: [image_analysis]
ai_act: {category: not_ai, basis: Counts pixels that change.}
`},
		{name: "high risk without its annex", today: "2028-01-10", yaml: `
id: a
kind: algorithm
algorithm_type: rule_based
ai_act: {category: high_risk, role: deployer}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 4, 1, "classified high risk but names neither its Annex III point nor its Annex I product legislation"}}},
		{name: "Annex III without the art. 6(3) reasoning", today: "2028-01-10", yaml: `
id: a
kind: algorithm
algorithm_type: statistical
ai_act: {category: minimal, role: deployer, annex_iii: 5(a)}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 4, 1, "falls under Annex III point 5(a) but is classified minimal without the art. 6(3) reasoning"}}},
		{name: "before the high-risk date the classification is a warning of what is coming", yaml: `
id: a
kind: algorithm
algorithm_type: statistical
ai_act: {category: minimal, role: deployer, annex_iii: 5(a)}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Warning, 4, 1, "without the art. 6(3) reasoning (AI Act art. 6(3)-(4)); the duty applies from 2027-12-02"}}},
		{name: "Annex III with the art. 6(3) reasoning", yaml: `
id: a
kind: algorithm
algorithm_type: statistical
ai_act: {category: minimal, role: deployer, annex_iii: 5(a), exemption_6_3: Sorts applications by date; a preparatory task.}
`},
		{name: "profiling cannot be exempt", today: "2028-01-10", yaml: `
id: a
kind: algorithm
algorithm_type: statistical
role: profiling
ai_act: {category: minimal, role: deployer, annex_iii: 5(a), exemption_6_3: Only a preparatory task.}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Error, 5, 20, "the art. 6(3) exemption never applies to profiling"}}},
		{name: "a face-matching algorithm needs a profile", yaml: `
id: a
kind: algorithm
capabilities: [post_biometric_identification]
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Warning, 1, 1, "the record has no AI Act profile"}}},
		{name: "no role", yaml: `
id: a
kind: algorithm
algorithm_type: rule_based
ai_act: {category: minimal}
`, want: []want{{"ai-act-profile", "VNG 3.2", finding.Warning, 4, 1, "does not say whether the organisation is the provider or the deployer"}}},
	})
}

// highRisk is a municipality deploying a high-risk system of Annex III
// point 5(a) without its FRIA and EU database entry.
const highRisk = `
id: a
kind: algorithm
organisation: {type: municipality}
ai_act: {category: high_risk, role: deployer, annex_iii: 5(a)}
`

func TestAIActFRIAAndRegistrationFollowTheirDate(t *testing.T) {
	for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
		// Before the date in the configuration: a note, with the source.
		match(t, only(t, id, nil, nil, testToday, highRisk), []want{{id, "VNG 3.2", finding.Info, 4, 1, "; the duty applies from 2027-12-02 (Digital Omnibus on AI"}})
		// From it: an error.
		fs := only(t, id, nil, nil, "2027-12-02", highRisk)
		if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Law.In("en") == "" {
			t.Errorf("%s on 2027-12-02: %v", id, fs)
		}
		// A municipality that follows an earlier date sets it.
		cfg := configFrom(t, "ai_act:\n  high_risk_from: 2026-08-02\n  source: AI Act art. 113 as adopted\n")
		if fs := only(t, id, cfg, nil, testToday, highRisk); len(fs) != 1 || fs[0].Severity != finding.Error {
			t.Errorf("%s with high_risk_from 2026-08-02: %v", id, fs)
		}
	}
	// Not for critical infrastructure (Annex III point 2), not for a
	// provider only (a private deployer's FRIA: TestFRIAOfDeployersOutsideGovernment).
	for _, rec := range []string{
		"\nid: a\nkind: algorithm\norganisation: {type: municipality}\nai_act: {category: high_risk, role: deployer, annex_iii: 2(a)}\n",
		"\nid: a\nkind: algorithm\norganisation: {type: municipality}\nai_act: {category: high_risk, role: provider, annex_iii: 5(a)}\n",
		"\nid: a\nkind: algorithm\norganisation: {type: municipality}\nai_act: {category: high_risk, role: deployer, annex_iii: 5(a), fria: {date: 2027-06-01}, eu_database_id: EU-1}\n",
	} {
		for _, id := range []string{"ai-act-fria", "ai-act-registration"} {
			if fs := only(t, id, nil, nil, "2028-01-01", rec); len(fs) != 0 {
				t.Errorf("%s on %s: %v", id, rec, fs)
			}
		}
	}
	credit := "\nid: a\nkind: algorithm\norganisation: {type: private}\nai_act: {category: high_risk, role: deployer, annex_iii: 5(b)}\n"
	if fs := only(t, "ai-act-fria", nil, nil, "2028-01-01", credit); len(fs) != 1 {
		t.Errorf("FRIA of a private deployer of 5(b): %v", fs)
	}
}

func TestAIActTransparency(t *testing.T) {
	chatbot := `
id: a
kind: algorithm
algorithm_type: generative_ai
ai_act: {category: transparency, role: deployer}
`
	runCases(t, "ai-act-transparency", nil, []ruleCase{
		{name: "a chatbot that says it is one", yaml: `
id: a
kind: algorithm
algorithm_type: generative_ai
ai_act: {category: transparency, role: deployer, transparency: [interaction]}
`},
		{name: "a chatbot that does not", yaml: chatbot, want: []want{{"ai-act-transparency", "VNG 4.1", finding.Error, 4, 1, "the AI Act's transparency duties are not recorded…(AI Act art. 50)"}}},
		// Not silent, which would show as met: a warning of what is coming.
		{name: "before 2026-08-02 the duty is coming", today: "2026-08-01", yaml: chatbot,
			want: []want{{"ai-act-transparency", "VNG 4.1", finding.Warning, 4, 1, "; the duty applies from 2026-08-02"}}},
		{name: "emotion recognition next to high risk", yaml: `
id: s
kind: sensor
capabilities: [emotion_recognition]
ai_act: {category: high_risk, role: deployer, annex_iii: 1(c)}
`, want: []want{{"ai-act-transparency", "VNG 4.1", finding.Error, 4, 1, "emotion_recognition"}}},
	})
}

// The dates of application are configuration with a documented default.
func TestAIActDatesDefault(t *testing.T) {
	cfg := config.Default()
	if cfg.AIAct.HighRiskFrom != "2027-12-02" || cfg.AIAct.AnnexIFrom != "2028-08-02" || cfg.AIAct.Source == "" {
		t.Errorf("AI Act dates: %+v", cfg.AIAct)
	}
}

// TestProhibitedEmotionRecognitionIsNoRiskCategory: emotion recognition at
// work or in education is a prohibited practice (AI Act art. 5(1)(f));
// classifying it high risk, or anything but prohibited, would show it as
// allowed.
func TestProhibitedEmotionRecognitionIsNoRiskCategory(t *testing.T) {
	runCases(t, "ai-act-profile", nil, []ruleCase{
		{name: "in the classroom, classified high risk", yaml: emotionIn("3(b)"), want: []want{
			{"ai-act-profile", "VNG 3.2", finding.Error, 7, 20, "the system recognises emotions at work or in education (Annex III point 3(b)), a prohibited AI practice, so it cannot be classified high_risk (AI Act art. 5(1)(f))"}}},
		{name: "at work, classified minimal", yaml: strings.Replace(emotionIn("4(a)"), "high_risk", "minimal", 1), want: []want{
			{"ai-act-profile", "VNG 3.2", finding.Error, 7, 20, "(Annex III point 4(a)), a prohibited AI practice, so it cannot be classified minimal"}}},
		{name: "the day before the prohibition applies: what is coming", today: "2025-02-01", yaml: emotionIn("3(b)"), want: []want{
			{"ai-act-profile", "VNG 3.2", finding.Warning, 7, 20, "cannot be classified high_risk (AI Act art. 5(1)(f)); the duty applies from 2025-02-02"}}},
		{name: "the day it applies", today: "2025-02-02", yaml: emotionIn("3(b)"), want: []want{
			{"ai-act-profile", "VNG 3.2", finding.Error, 7, 20, "cannot be classified high_risk (AI Act art. 5(1)(f))"}}},
		{name: "classified prohibited: the classification is right", yaml: strings.Replace(emotionIn("3(b)"), "high_risk", "prohibited", 1)},
		{name: "emotion recognition outside work and education is high risk (Annex III 1(c))", yaml: emotionIn("1(c)")},
	})
}

// TestProvidersMarkGeneratedContent: from 2026-12-02 the provider of a
// system that generates content marks it machine-readably (AI Act art.
// 50(2)); the deployer's duties are not the provider's.
func TestProvidersMarkGeneratedContent(t *testing.T) {
	chatbot := func(role, transparency string) string {
		return `
id: a
kind: algorithm
algorithm_type: generative_ai
ai_act: {category: transparency, role: ` + role + `, transparency: [` + transparency + `]}
`
	}
	marking := "the provider of a system that generates audio, images, video or text marks that output, machine-readably, as generated by AI, and ai_act.transparency does not list generated_content (AI Act art. 50(2))"
	runCases(t, "ai-act-transparency", nil, []ruleCase{
		{name: "a provider that does not mark, the day the duty applies", today: "2026-12-02", yaml: chatbot("provider", "interaction"), want: []want{
			{"ai-act-transparency", "VNG 4.1", finding.Error, 4, 64, marking}}},
		{name: "the day before: no duty yet", today: "2026-12-01", yaml: chatbot("provider", "interaction")},
		{name: "provider and deployer", today: "2026-12-02", yaml: chatbot("provider_and_deployer", "interaction, generated_text"), want: []want{
			{"ai-act-transparency", "VNG 4.1", finding.Error, 4, 77, marking}}},
		{name: "a provider that marks", today: "2026-12-02", yaml: chatbot("provider", "interaction, generated_content")},
		{name: "a deployer: the marking is its provider's duty", today: "2026-12-02", yaml: chatbot("deployer", "interaction")},
		{name: "a provider of a system that generates nothing", today: "2026-12-02", yaml: strings.Replace(chatbot("provider", "interaction"), "generative_ai", "machine_learning", 1)},
	})
}

// privateDeployer is an organisation of orgType deploying a high-risk
// system of Annex III point, in use, without a FRIA.
func privateDeployer(orgType, point string) string {
	return `
id: a
kind: algorithm
status: active
organisation: {type: ` + orgType + `}
ai_act: {category: high_risk, role: deployer, annex_iii: "` + point + `"}
`
}

// TestFRIAOfDeployersOutsideGovernment: AI Act art. 27(1) binds public
// bodies, private entities providing public services, and every deployer
// of Annex III 5(b) and 5(c). A deployer of another type under point 5
// (essential public services) or point 3 (education) provides a public
// service by what the system is for: an error of law. Under another point
// the record cannot say whether it does: a visible warning that says the
// FRIA is required if so, which an exception can answer.
func TestFRIAOfDeployersOutsideGovernment(t *testing.T) {
	const after = "2028-01-01" // the high-risk duties apply (from 2027-12-02)
	sure := "a deployer of a high-risk AI system of Annex III point %s must assess the impact on fundamental rights before first use, and no FRIA is recorded (AI Act art. 27)"
	runCases(t, "ai-act-fria", nil, []ruleCase{
		{name: "a private provider of public assistance (5(a)): error", today: after, yaml: privateDeployer("private", "5(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "5(a)")}}},
		{name: "a private emergency dispatcher (5(d)): error", today: after, yaml: privateDeployer("private", "5(d)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "5(d)")}}},
		{name: "a research body assessing credit (5(b)): error", today: after, yaml: privateDeployer("research", "5(b)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "5(b)")}}},
		{name: "a private school admitting pupils (3(a)): error", today: after, yaml: privateDeployer("private", "3(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "3(a)")}}},
		{name: "another organisation grading exams (3(b)): error", today: after, yaml: privateDeployer("other", "3(b)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "3(b)")}}},
		{name: "a private employer (4(a)): a warning, required if it provides a public service", today: after, yaml: privateDeployer("private", "4(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Warning, 5, 1, "no FRIA is recorded…; this applies to an organisation of type private if it provides a public service"}}},
		{name: "a research body identifying people after the fact (1(a)): a warning", today: after, yaml: privateDeployer("research", "1(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Warning, 5, 1, "this applies to an organisation of type research if it provides a public service"}}},
		{name: "a private deployer before the high-risk date: a note", today: testToday, yaml: privateDeployer("private", "4(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Info, 5, 1, "if it provides a public service…; the duty applies from 2027-12-02"}}},
		{name: "a private operator of critical infrastructure (2(a)): none", today: after, yaml: privateDeployer("private", "2(a)")},
		{name: "a municipality (1(a)): error", today: after, yaml: privateDeployer("municipality", "1(a)"),
			want: []want{{"ai-act-fria", "VNG 3.2", finding.Error, 5, 1, fmt.Sprintf(sure, "1(a)")}}},
	})
}

// notRequiredSensor is a sensor of sensorType with one capability that
// says a DPIA is not required.
func notRequiredSensor(sensorType, capability string) string {
	return `
id: s
kind: sensor
status: active
personal_data: {processed: "yes"}
dpia: {status: not_required, reason: Small.}
sensor_type: ` + sensorType + `
capabilities: [vehicle_counting, ` + capability + `]
`
}

// TestDPIANotRequiredIsWrongForSensorsThatWatchPeople: GDPR art. 35(3)(c)
// (systematic monitoring of a publicly accessible area) and the Dutch DPA's
// list (camera surveillance, large-scale monitoring, location data,
// biometrics) make a DPIA mandatory for a sensor that processes personal
// data of people in public space by what it does, whatever its
// sensor_type: not_required is an error of law.
func TestDPIANotRequiredIsWrongForSensorsThatWatchPeople(t *testing.T) {
	mandatory := "dpia.status is not_required, but the law makes a DPIA mandatory (…) for "
	runCases(t, "dpia-required", nil, []ruleCase{
		{name: "licence plates read by a traffic counter", yaml: notRequiredSensor("traffic_counter", "licence_plate_recognition"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "recognising licence plates in a publicly accessible area (with time and place, location data)"}}},
		{name: "phones followed by smart lighting", yaml: notRequiredSensor("smart_lighting", "device_tracking"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "tracking devices or people (location data)"}}},
		{name: "people followed by a sensor of another type", yaml: notRequiredSensor("other", "person_tracking"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "tracking devices or people (location data)"}}},
		{name: "images of people analysed by a crowd counter", yaml: notRequiredSensor("crowd_counter", "image_analysis"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "systematic analysis of images of people in a publicly accessible area (image_analysis)"}}},
		{name: "people counted by image analysis on a traffic counter", yaml: notRequiredSensor("traffic_counter", "image_analysis, people_counting"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "systematic analysis of images of people"}}},
		{name: "sound recorded by a noise sensor", yaml: notRequiredSensor("noise", "audio_recording"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "systematic monitoring of people in a publicly accessible area (audio_recording)"}}},
		{name: "behaviour detected from sound", yaml: notRequiredSensor("noise", "behaviour_detection_sound"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, mandatory + "systematic monitoring of people in a publicly accessible area (behaviour_detection_sound)"}}},
		{name: "vehicles counted without plates: not_required with a reason stands", yaml: notRequiredSensor("traffic_counter", "environmental_measurement")},
		{name: "a traffic counter's images that count vehicles only: not_required with a reason stands", yaml: notRequiredSensor("traffic_counter", "image_analysis")},
	})
}

// notRequiredAlgorithm is an algorithm of role that says a DPIA is not
// required; affects says whether it affects individuals.
func notRequiredAlgorithm(role, affects string) string {
	return `
id: a
kind: algorithm
status: active
personal_data: {processed: "yes"}
dpia: {status: not_required, reason: Internal.}
role: ` + role + `
affects_individuals: ` + affects + `
`
}

// TestDPIANotRequiredIsWrongForPredictionsAboutPeople: predicting
// aspects of people from their personal data is profiling (GDPR art.
// 4(4)), on the Dutch DPA's list, whatever role the record names: a
// prediction that affects individuals needs its DPIA. Decision support
// about people is profiling only where it evaluates the people
// themselves, which the record does not say: the law's warning.
func TestDPIANotRequiredIsWrongForPredictionsAboutPeople(t *testing.T) {
	runCases(t, "dpia-required", nil, []ruleCase{
		{name: "a prediction about people", yaml: notRequiredAlgorithm("prediction", "true"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Error, 5, 16, "dpia.status is not_required, but the law makes a DPIA mandatory (GDPR art. 35(3)(a); Dutch DPA DPIA list (Stcrt. 2019, 64418)) for predicting or evaluating aspects of people (prediction), which is profiling (GDPR art. 4(4))"}}},
		{name: "decision support about people", yaml: notRequiredAlgorithm("decision_support", "true"), want: []want{
			{"dpia-required", "VNG 6.3", finding.Warning, 5, 16, "dpia.status is not_required for decision support about people: where it evaluates aspects of the people themselves, it is profiling, for which the law makes a DPIA mandatory (GDPR art. 35(3)(a), art. 4(4)"}}},
		{name: "a prediction that affects nobody: not_required stands", yaml: notRequiredAlgorithm("prediction", "false")},
		{name: "information only: not_required stands", yaml: notRequiredAlgorithm("informational", "true")},
	})
}

// TestProhibitedCategorisationIsNoRiskCategory: biometric categorisation
// by a sensitive trait is a prohibited practice (AI Act art. 5(1)(g)), as
// emotion recognition at work is: a profile that calls it anything but
// prohibited shows it as allowed. By age or gender only it is no
// prohibited practice, and high risk stays right.
func TestProhibitedCategorisationIsNoRiskCategory(t *testing.T) {
	tests := []struct {
		name, categories, category string
		want                       string // the finding's message, "" for none
	}{
		{"by ethnicity, classified high risk", "etnische afkomst", "high_risk", "categorises people biometrically by a sensitive trait (etnische), a prohibited AI practice, so it cannot be classified high_risk (AI Act art. 5(1)(g))"},
		{"by ethnicity, classified prohibited", "etnische afkomst", "prohibited", ""},
		{"by age and gender, classified high risk", "leeftijd, geslacht", "high_risk", ""},
	}
	for _, tt := range tests {
		rec := strings.Replace(categorising(tt.categories, "Deelt bezoekers in."), "category: high_risk", "category: "+tt.category, 1)
		var got string
		for _, f := range only(t, "ai-act-profile", nil, nil, testToday, rec) {
			if f.Path == "/ai_act/category" && f.Severity == finding.Error {
				got = f.Message.In("en")
			}
		}
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%s: finding %q, want %q", tt.name, got, tt.want)
		}
	}
}
