package principle

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestCameraRegime(t *testing.T) {
	runCases(t, "camera-regime", nil, []ruleCase{
		{name: "a public-order camera says so", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
sensor_type: camera
camera_regime: public_order
`},
		{name: "other sensors have no regime", yaml: `
id: c
kind: sensor
sensor_type: air_quality
`},
		{name: "a camera without a regime", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
sensor_type: anpr_camera
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 1, 1, "the ANPR camera does not say which law it falls under (camera_regime)… (GDPR art. 5(2))"}}},
		{name: "migrate's open question", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
sensor_type: drone
camera_regime: unknown  # register migrate: open question: which law does this camera fall under?
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 5, 16, "open question: which law does this drone fall under? camera_regime is unknown"}}},
		{name: "a shop's camera cannot be the mayor's", yaml: `
id: c
kind: sensor
organisation: {type: private}
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-regime", "VNG 6.5", finding.Error, 5, 16, "camera_regime is public_order, but the operator is of type private"}}},
		{name: "a police camera under the GDPR", yaml: `
id: c
kind: sensor
organisation: {type: police}
legal_basis: {regime: gdpr}
sensor_type: camera
camera_regime: police
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 4, 23, "a police camera's images are police data under the Wet politiegegevens, but legal_basis.regime says gdpr (Wet politiegegevens art. 1(a))"}}},
		{name: "the police view the mayor's cameras, under the GDPR", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: gdpr, gdpr_ground: public_task}
data_sharing:
  - {party: "Politie, basisteam Voorbeeldstad", purpose: Live meekijken in de weekendnachten.}
sensor_type: camera
camera_regime: public_order
capabilities: [video_recording, live_viewing]
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 4, 23, "the police view or receive the images of this public-order camera (data_sharing with Politie, basisteam Voorbeeldstad)…police data…but legal_basis.regime says gdpr (Wet politiegegevens art. 1(a))"}}},
		{name: "the mayor's cameras viewed by the police, as police data", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: police_data, law: Gemeentewet art. 151c; Wet politiegegevens}
data_sharing: [{party: Nationale Politie}]
sensor_type: camera
camera_regime: public_order
`},
		{name: "a traffic camera's images handed to the police stay the municipality's GDPR processing", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Wegenverkeerswet 1994}
data_sharing: [{party: Politie Midden-Nederland}]
sensor_type: camera
camera_regime: traffic_management
`},
		{name: "a political party is not the police", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Gemeentewet art. 151c}
data_sharing: [{party: Politieke partij}]
sensor_type: camera
camera_regime: public_order
`},
		{name: "a camera labelled other whose legal basis names 151c", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: police_data, law: Gemeentewet artikel 151c en APV Voorbeeldstad artikel 2.77}
sensor_type: camera
camera_regime: other
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 6, 16, "camera_regime is other, but the legal basis names Gemeentewet 151c…held to 151c's duties…(Gemeentewet art. 151c)"}}},
		{name: "object security with a link to article 151c", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis:
  regime: gdpr
  gdpr_ground: public_task
  links: [https://wetten.overheid.nl/BWBR0005416/2026-01-01#Hoofdstuk11_Artikel151c]
sensor_type: camera
camera_regime: object_security
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 9, 16, "camera_regime is object_security, but the legal basis names Gemeentewet 151c"}}},
		{name: "an article 151 other than c is not camera surveillance", yaml: `
id: c
kind: sensor
organisation: {type: municipality}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Gemeentewet art. 151b en art. 151d}
sensor_type: camera
camera_regime: other
`},
	})
}

// TestLegalBasisNaming151cHoldsTheCameraTo151c: a camera whose legal
// basis names Gemeentewet 151c is judged as the mayor's public-order camera
// whatever camera_regime says (camera-regime reports the contradiction):
// the label cannot take it out of 151c's duties.
func TestLegalBasisNaming151cHoldsTheCameraTo151c(t *testing.T) {
	labelled := `
id: c
kind: sensor
status: active
organisation: {type: municipality}
decisions: [{body: college, kind: authorisation, date: 2025-06-12}]
legal_basis: {regime: police_data, law: Gemeentewet artikel 151c en APV artikel 2.77}
lifecycle: {start: 2025-07-01}
evaluation: {last: 2025-06-01}
retention: P1Y
sensor_type: camera
camera_regime: %s
`
	for _, regime := range []string{"other", "object_security", "operational"} {
		text := fmt.Sprintf(labelled, regime)
		for _, tt := range []struct {
			rule string
			want []want
		}{
			{"camera-decision", []want{
				{"camera-decision", "VNG I", finding.Error, 5, 1, "public-order camera surveillance needs the council's bylaw that grants the mayor the power (Gemeentewet art. 151c(1)), and decisions does not list it (body council, kind mandate)"},
				{"camera-decision", "VNG I", finding.Error, 5, 1, "public-order camera surveillance needs the mayor's decision to deploy the cameras (Gemeentewet art. 151c(1)), and decisions does not list it (body mayor, kind authorisation)"}}},
			{"camera-retention", []want{{"camera-retention", "VNG V", finding.Error, 9, 12, "kept for P1Y, longer than the four weeks the law allows (Gemeentewet art. 151c(6))"}}},
			{"camera-temporary", []want{{"camera-temporary", "C-camera-temporary", finding.Error, 7, 1, "the camera has no end date: public-order camera surveillance needs a fixed term by law…(Gemeentewet art. 151c(1))"}}},
			{"signage", []want{{"signage", "VNG 4.3", finding.Error, 1, 1, "public-order camera surveillance must be recognisable by law (Gemeentewet art. 151c(4))"}}},
			{"evaluation-lapsed", []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 8, 20, "due on 2026-06-01 (P1Y after the last evaluation on 2025-06-01)"}}},
		} {
			t.Run(regime+"/"+tt.rule, func(t *testing.T) {
				match(t, only(t, tt.rule, nil, nil, testToday, text), tt.want)
			})
		}
	}
}

// A traffic camera whose legal basis says it is not under 151c is not
// held to 151c's duties: the mention denies the article, it does not
// name it as the camera's basis.
func TestALegalBasisDenying151cIsNoPublicOrderCamera(t *testing.T) {
	text := `
id: c
kind: sensor
status: active
organisation: {type: municipality}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: "Wegenverkeerswet 1994. Dit is geen cameratoezicht voor de openbare orde (niet art. 151c Gemeentewet)."}
lifecycle: {start: 2025-07-01}
retention: P7D
sensor_type: camera
camera_regime: traffic_management
`
	for _, rule := range []string{"camera-decision", "camera-regime", "camera-retention", "camera-temporary"} {
		t.Run(rule, func(t *testing.T) {
			if fs := only(t, rule, nil, nil, testToday, text); len(fs) > 0 {
				t.Errorf("a traffic camera denying 151c gets %s: %v", rule, fs)
			}
		})
	}
}

// publicOrderCamera is the mayor's camera with what 151c asks, before the
// cases change one thing.
const publicOrderCamera = `
id: c
kind: sensor
status: active
organisation: {type: municipality}
decisions:
  - {body: council, kind: mandate, date: 2024-06-27}
  - {body: mayor, kind: authorisation, date: 2026-01-10}
lifecycle: {start: 2026-02-01, end: 2027-01-31}
retention: P28D
sensor_type: camera
camera_regime: public_order
`

func TestCameraDecision(t *testing.T) {
	runCases(t, "camera-decision", nil, []ruleCase{
		{name: "bylaw and decision before the start", yaml: publicOrderCamera},
		{name: "a traffic camera needs neither", yaml: `
id: c
kind: sensor
status: active
sensor_type: camera
camera_regime: traffic_management
`},
		{name: "no bylaw", yaml: `
id: c
kind: sensor
status: active
decisions:
  - {body: mayor, kind: authorisation, date: 2026-01-10}
lifecycle: {start: 2026-02-01}
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-decision", "VNG I", finding.Error, 4, 1, "public-order camera surveillance needs the council's bylaw that grants the mayor the power (Gemeentewet art. 151c(1)), and decisions does not list it (body council, kind mandate)"}}},
		{name: "the mayor decided after the start", yaml: `
id: c
kind: sensor
status: active
decisions:
  - {body: council, kind: mandate, date: 2024-06-27}
  - {body: mayor, kind: authorisation, date: 2026-03-01}
lifecycle: {start: 2026-02-01}
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-decision", "VNG I", finding.Error, 6, 46, "is dated 2026-03-01, after the cameras started on 2026-02-01"}}},
		{name: "a later extension does not make the decision late", yaml: `
id: c
kind: sensor
status: active
decisions:
  - {body: council, kind: mandate, date: 2024-06-27}
  - {body: mayor, kind: authorisation, date: 2026-01-10}
  - {body: mayor, kind: extension, date: 2027-01-20}
lifecycle: {start: 2026-02-01}
sensor_type: camera
camera_regime: public_order
`},
	})
}

func TestCameraRetention(t *testing.T) {
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "four weeks", yaml: publicOrderCamera},
		{name: "an enforcement camera keeps evidence longer", yaml: `
id: c
kind: sensor
retention: P1Y
sensor_type: anpr_camera
camera_regime: enforcement
`},
		{name: "a year of public-order images", yaml: `
id: c
kind: sensor
retention: P1Y
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-retention", "VNG V", finding.Error, 3, 12, "public-order camera images are kept for P1Y, longer than the four weeks the law allows (Gemeentewet art. 151c(6))"}}},
		{name: "a month is more than four weeks", yaml: `
id: c
kind: sensor
retention: P1M
sensor_type: camera
camera_regime: public_order
`, want: []want{{"camera-retention", "VNG V", finding.Error, 3, 12, "kept for P1M"}}},
		// Four weeks hold for every image: a month is longer for images
		// recorded in March, whatever day the camera started.
		{name: "a month from a start in February", yaml: `
id: c
kind: sensor
retention: P1M
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-02-01, end: 2027-01-31}
`, want: []want{{"camera-retention", "VNG V", finding.Error, 3, 12, "kept for P1M"}}},
		{name: "four weeks in hours", yaml: `
id: c
kind: sensor
retention: PT672H
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-02-01, end: 2027-01-31}
`},
	})
}

// TestCameraDutiesFollowTheRegime: 151c's and the programme's duties are
// the public-order camera's; a bridge or traffic camera gets the GDPR's
// duty to inform and the life cycle of 3.4, never a 151c citation.
func TestCameraDutiesFollowTheRegime(t *testing.T) {
	bridge := `
id: brug
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
lifecycle: {start: 2020-01-01}
evaluation: {last: 2025-06-01}
retention: P7D
sensor_type: camera
camera_regime: operational
`
	for _, id := range []string{"camera-temporary", "camera-decision", "camera-retention"} {
		if fs := only(t, id, nil, nil, testToday, bridge); len(fs) != 0 {
			t.Errorf("%s on a bridge camera: %v", id, fs)
		}
	}
	match(t, only(t, "signage", nil, nil, testToday, bridge), []want{
		{"signage", "VNG 4.3", finding.Error, 1, 1, "people filmed must be informed (GDPR art. 13), for cameras by a sign"}})
	match(t, only(t, "lifecycle-end", nil, nil, testToday, bridge), []want{
		{"lifecycle-end", "VNG 3.4", finding.Warning, 6, 1, "the life cycle does not say on what grounds the deployment may be extended"},
		{"lifecycle-end", "VNG 3.4", finding.Warning, 6, 1, "the life cycle has no end date"}})
	// Yearly evaluation is the public-order camera's: the bridge camera
	// evaluated in 2025 is not late.
	if fs := only(t, "evaluation-lapsed", nil, nil, testToday, bridge); len(fs) != 0 {
		t.Errorf("evaluation-lapsed on a bridge camera: %v", fs)
	}
	police := `
id: pol
kind: sensor
status: active
organisation: {type: police}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: police
`
	match(t, only(t, "signage", nil, nil, testToday, police), []want{
		{"signage", "VNG 4.3", finding.Warning, 1, 1, "the record does not say how the sensor is made recognisable, while it processes personal data"}})
	// A municipality's boa's who film to investigate the offences of their
	// deed process police data (Wet politiegegevens), not under the GDPR's
	// duty to inform: signs are the principle's, as for the police. The
	// same boa camera under the GDPR is held to its art. 13.
	match(t, only(t, "signage", nil, nil, testToday, boaCamera), []want{
		{"signage", "VNG 4.3", finding.Warning, 1, 1, "the record does not say how the sensor is made recognisable, while it processes personal data"}})
	match(t, only(t, "signage", nil, nil, testToday, boaCameraGDPR), []want{
		{"signage", "VNG 4.3", finding.Error, 1, 1, "the record does not say how the sensor is made recognisable, while people filmed must be informed (GDPR art. 13), for cameras by a sign"}})
}

// TestASensorTypeCannotTakeACameraOutOf151c: a sensor labelled public
// order, or whose legal basis names Gemeentewet 151c, is the mayor's
// camera surveillance whatever its sensor_type (a lamp post that films is
// a camera), and is held to 151c's duties; a sensor that records video or
// is viewed live is a camera and states its regime.
func TestASensorTypeCannotTakeACameraOutOf151c(t *testing.T) {
	lamp := `
id: lamp
kind: sensor
status: active
organisation: {type: municipality}
legal_basis: {regime: police_data, law: %s}
lifecycle: {start: 2025-07-01}
retention: P90D
signage: {present: false}
sensor_type: %s
camera_regime: %s
capabilities: [video_recording]
`
	for _, tt := range []struct{ name, law, sensorType, regime string }{
		{"smart lighting labelled public order", "APV artikel 2.77", "smart_lighting", "public_order"},
		{"another sensor whose law names 151c", "Gemeentewet artikel 151c", "other", "public_order"},
		{"a crowd counter whose law names 151c, labelled other", "Gemeentewet artikel 151c", "crowd_counter", "other"},
	} {
		text := fmt.Sprintf(lamp, tt.law, tt.sensorType, tt.regime)
		for _, w := range []struct {
			rule string
			want []want
		}{
			{"camera-decision", []want{
				{"camera-decision", "VNG I", finding.Error, 1, 1, "public-order camera surveillance needs the council's bylaw that grants the mayor the power (Gemeentewet art. 151c(1)), and decisions does not list it (body council, kind mandate)"},
				{"camera-decision", "VNG I", finding.Error, 1, 1, "public-order camera surveillance needs the mayor's decision to deploy the cameras (Gemeentewet art. 151c(1)), and decisions does not list it (body mayor, kind authorisation)"}}},
			{"camera-retention", []want{{"camera-retention", "VNG V", finding.Error, 7, 12, "kept for P90D, longer than the four weeks the law allows (Gemeentewet art. 151c(6))"}}},
			{"camera-temporary", []want{{"camera-temporary", "C-camera-temporary", finding.Error, 6, 1, "the camera has no end date: public-order camera surveillance needs a fixed term by law…(Gemeentewet art. 151c(1))"}}},
			{"signage", []want{{"signage", "VNG 4.3", finding.Error, 8, 1, "public-order camera surveillance must be recognisable by law (Gemeentewet art. 151c(4))"}}},
		} {
			t.Run(tt.name+"/"+w.rule, func(t *testing.T) {
				match(t, only(t, w.rule, nil, nil, testToday, text), w.want)
			})
		}
	}
	runCases(t, "camera-regime", nil, []ruleCase{
		{name: "smart lighting that records video states its regime", yaml: `
id: lamp
kind: sensor
organisation: {type: municipality}
sensor_type: smart_lighting
capabilities: [video_recording]
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 1, 1, "the camera does not say which law it falls under (camera_regime)"}}},
		{name: "a sensor of another type viewed live states its regime", yaml: `
id: s
kind: sensor
organisation: {type: municipality}
sensor_type: other
capabilities: [live_viewing]
`, want: []want{{"camera-regime", "VNG VI", finding.Error, 1, 1, "the camera does not say which law it falls under (camera_regime)"}}},
		{name: "smart lighting that only measures light needs no regime", yaml: `
id: lamp
kind: sensor
organisation: {type: municipality}
sensor_type: smart_lighting
capabilities: [environmental_measurement]
`},
	})
}

// TestOnlyThePoliceOperateUnderThePolicesLaw: camera_regime police and
// legal_basis.regime police_data are the police's (Politiewet 2012, Wet
// politiegegevens); another operator that claims them gets a legal error,
// and stays under the GDPR. The mayor's 151c cameras, whose images are
// police data, may say police_data.
func TestOnlyThePoliceOperateUnderThePolicesLaw(t *testing.T) {
	claim := func(orgType string) string {
		return `
id: c
kind: sensor
organisation: {type: ` + orgType + `}
sensor_type: camera
camera_regime: police
`
	}
	runCases(t, "camera-regime", nil, []ruleCase{
		{name: "a municipality claiming the police regime", yaml: claim("municipality"), want: []want{
			{"camera-regime", "VNG VI", finding.Error, 5, 16, "camera_regime is police, but the operator is of type municipality: only the police operate under the Politiewet 2012 and the Wet politiegegevens, so the checklist holds the record to the GDPR (Politiewet 2012 art. 3; Wet politiegegevens art. 1(a))"}}},
		{name: "another government body claiming the police regime", yaml: claim("other_government"), want: []want{
			{"camera-regime", "VNG VI", finding.Error, 5, 16, "but the operator is of type other_government: only the police operate under the Politiewet 2012"}}},
		{name: "a shop claiming the police regime", yaml: claim("private"), want: []want{
			{"camera-regime", "VNG VI", finding.Error, 5, 16, "but the operator is of type private: only the police operate under the Politiewet 2012"}}},
		{name: "the police themselves", yaml: claim("police")},
	})
	runCases(t, "legal-basis", nil, []ruleCase{
		{name: "a municipality's algorithm claiming police data, with a GDPR ground", yaml: `
id: a
kind: algorithm
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: police_data, gdpr_ground: public_task, law: Jeugdwet}
`, want: []want{{"legal-basis", "VNG VI", finding.Error, 6, 23, "legal_basis.regime is police_data, but the operator is of type municipality…(Wet politiegegevens art. 1(a); Besluit politiegegevens buitengewoon opsporingsambtenaren)"}}},
		{name: "a municipality's camera claiming police data without a GDPR ground", yaml: `
id: c
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: police_data, law: Politiewet 2012}
sensor_type: camera
camera_regime: traffic_management
`, want: []want{
			{"legal-basis", "VNG VI", finding.Error, 6, 1, "the GDPR applies, as the operator is not the police, but the legal basis names no ground of GDPR art. 6(1)"},
			{"legal-basis", "VNG VI", finding.Error, 6, 23, "legal_basis.regime is police_data, but the operator is of type municipality"}}},
		{name: "the mayor's 151c camera, whose images are police data", yaml: `
id: c
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: police_data, law: Gemeentewet art. 151c; Wet politiegegevens}
sensor_type: camera
camera_regime: public_order
`},
		{name: "the police's own data", yaml: `
id: a
kind: algorithm
status: active
organisation: {type: police}
personal_data: {processed: "yes"}
legal_basis: {regime: police_data, law: Wet politiegegevens}
`},
	})
	runCases(t, "signage", nil, []ruleCase{
		{name: "a municipality's camera claiming the police regime must inform the people filmed", yaml: `
id: c
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
signage: {present: false}
sensor_type: camera
camera_regime: police
`, want: []want{{"signage", "VNG 4.3", finding.Error, 6, 1, "the sensor has no signs, while people filmed must be informed (GDPR art. 13)"}}},
		{name: "a municipality's sensor claiming police data must inform the people it counts", yaml: `
id: s
kind: sensor
status: active
organisation: {type: municipality}
personal_data: {processed: "yes"}
legal_basis: {regime: police_data}
signage: {present: false}
sensor_type: wifi_bluetooth_counter
`, want: []want{{"signage", "VNG 4.3", finding.Error, 7, 1, "people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14)"}}},
	})
}

// TestCameraRegimeOnPoliceDataCitesNoGDPR: a camera that does not say
// which law it falls under breaks the GDPR's accountability (art. 5(2),
// 6(1)), unless its data are police data, outside the GDPR (art.
// 2(2)(d)): the police's, or what boa's process as police data. For them
// the finding is the principle's, which a setting may lower; the same
// camera under the GDPR keeps its law.
func TestCameraRegimeOnPoliceDataCitesNoGDPR(t *testing.T) {
	camera := `
id: b
kind: sensor
status: active
organisation: {type: %s}
personal_data: {processed: "yes"}
sensor_type: camera
legal_basis: {regime: %s, boa: true}
%s`
	const gdpr, directive = "GDPR art. 5(2), 6(1)", "Wet politiegegevens; Directive (EU) 2016/680 art. 4(4), 8"
	blank := "the camera does not say which law it falls under (camera_regime), so the checklist cannot tell which duties apply"
	unknown := "open question: which law does this camera fall under? camera_regime is unknown (register migrate could not decide it), so the checklist does not know which duties apply"
	tests := []struct {
		name, org, regime, line string
		at                      [2]int
		law, message            string
	}{
		{"boa's police data, no regime", "municipality", "police_data", "", [2]int{1, 1}, directive, blank + " (" + directive + ")"},
		{"boa's police data, an open question", "municipality", "police_data", "camera_regime: unknown\n", [2]int{8, 16}, directive, unknown + " (" + directive + ")"},
		{"the police's, no regime", "police", "police_data", "", [2]int{1, 1}, directive, blank + " (" + directive + ")"},
		{"boa's under the GDPR, no regime", "municipality", "gdpr", "", [2]int{1, 1}, gdpr, blank + " (GDPR art. 5(2))"},
		{"boa's under the GDPR, an open question", "municipality", "gdpr", "camera_regime: unknown\n", [2]int{8, 16}, gdpr, unknown + " (GDPR art. 5(2))"},
	}
	lower := configFrom(t, goodConfig+"rules: {camera-regime: {severity: warning, reason: Being sorted out.}}\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := fmt.Sprintf(camera, tt.org, tt.regime, tt.line)
			fs := only(t, "camera-regime", nil, nil, testToday, text)
			match(t, fs, []want{{"camera-regime", "VNG VI", finding.Error, tt.at[0], tt.at[1], tt.message}})
			if len(fs) != 1 {
				return
			}
			if got := fs[0].Law.In("en"); got != tt.law {
				t.Errorf("law %q, want %q", got, tt.law)
			}
			if tt.law == directive && (strings.Contains(fs[0].Message.In("en"), "GDPR") || strings.Contains(fs[0].Message.In("nl"), "AVG")) {
				t.Errorf("police data are held to the GDPR: %q", fs[0].Message)
			}
			// A setting never lowers the law's finding.
			if lowered := only(t, "camera-regime", lower, nil, testToday, text); len(lowered) != 1 || lowered[0].Severity != finding.Error {
				t.Errorf("with the rule set to warning: %v, want one error", lowered)
			}
		})
	}
}

// TestBoasDoNotFilmForAShop: what boa's process to investigate the
// offences of their deed is police data, outside the GDPR; a private
// camera (a shop's, a housing corporation's) is under the GDPR whatever
// legal_basis.boa says. Its claim of police data is held to the GDPR like
// any other operator's: signs under GDPR art. 13, a ground of art. 6(1).
// A municipality's camera of regime other with boa's keeps its police
// data.
func TestBoasDoNotFilmForAShop(t *testing.T) {
	camera := `
id: s
kind: sensor
status: active
organisation: {type: %s}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: %s
legal_basis: {regime: police_data, boa: true, law: Wet politiegegevens}
`
	shop := fmt.Sprintf(camera, "private", "private")
	boa := fmt.Sprintf(camera, "municipality", "other")
	runCases(t, "signage", nil, []ruleCase{
		{name: "a shop's camera must inform the people filmed", yaml: shop, want: []want{
			{"signage", "VNG 4.3", finding.Error, 1, 1, "the record does not say how the sensor is made recognisable, while people filmed must be informed (GDPR art. 13), for cameras by a sign"}}},
		{name: "boa's camera: the principle's signs", yaml: boa, want: []want{
			{"signage", "VNG 4.3", finding.Warning, 1, 1, "the record does not say how the sensor is made recognisable, while it processes personal data"}}},
	})
	runCases(t, "legal-basis", nil, []ruleCase{
		{name: "a shop's camera claiming police data", yaml: shop, want: []want{
			{"legal-basis", "VNG VI", finding.Error, 8, 1, "the GDPR applies, as the operator is not the police, but the legal basis names no ground of GDPR art. 6(1)"},
			{"legal-basis", "VNG VI", finding.Error, 8, 23, "legal_basis.regime is police_data, but the operator is of type private: …a camera with camera_regime: private serves another purpose and is under the GDPR, whoever works it…(Wet politiegegevens art. 1(a); Besluit politiegegevens buitengewoon opsporingsambtenaren)"}}},
		{name: "boa's camera: police data", yaml: boa},
	})
	for _, tt := range []struct{ name, yaml, rule, law string }{
		{"a shop's signs", shop, "signage", "GDPR art. 13"},
		{"boa's signs", boa, "signage", ""},
	} {
		if fs := only(t, tt.rule, nil, nil, testToday, tt.yaml); len(fs) != 1 || fs[0].Law.In("en") != tt.law {
			t.Errorf("%s: %v, want one finding of law %q", tt.name, fs, tt.law)
		}
	}
	// Nor do boa's take a municipality's camera out of the GDPR when its
	// regime serves another purpose than investigating offences.
	for _, regime := range []string{"traffic_management", "enforcement", "operational", "object_security", "private"} {
		camera := fmt.Sprintf(camera, "municipality", regime)
		if fs := only(t, "signage", nil, nil, testToday, camera); len(fs) != 1 || fs[0].Law.In("en") != "GDPR art. 13" {
			t.Errorf("boa's on a %s camera: signs %v, want GDPR art. 13", regime, fs)
		}
		if fs := only(t, "legal-basis", nil, nil, testToday, camera); !slices.ContainsFunc(fs, func(f finding.Finding) bool {
			return strings.Contains(f.Message.In("en"), "a camera with camera_regime: "+regime+" serves another purpose")
		}) {
			t.Errorf("boa's on a %s camera: the claim of police data is not reported: %v", regime, fs)
		}
	}
	// The claim's fix does not ask for the boa's the record already names.
	for _, f := range only(t, "legal-basis", nil, nil, testToday, shop) {
		if strings.Contains(f.Help.In("en"), "set legal_basis.boa: true") {
			t.Errorf("the shop is told to set legal_basis.boa: %q", f.Help.In("en"))
		}
	}
}
