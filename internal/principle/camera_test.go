package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestCameraTemporary(t *testing.T) {
	runCases(t, "camera-temporary", nil, []ruleCase{
		{name: "one year", yaml: `
id: c
kind: sensor
sensor_type: camera
lifecycle: {start: 2026-01-01, end: 2027-01-01}
camera_regime: public_order
`},
		{name: "exactly two years", yaml: `
id: c
kind: sensor
sensor_type: anpr_camera
lifecycle: {start: 2026-01-01, end: 2028-01-01}
camera_regime: public_order
`},
		{name: "other sensors may run longer", yaml: `
id: c
kind: sensor
sensor_type: air_quality
lifecycle: {start: 2026-01-01}
`},
		{name: "no end date", yaml: `
id: c
kind: sensor
sensor_type: camera
lifecycle:
  start: 2026-01-01
camera_regime: public_order
`, want: []want{{"camera-temporary", "C-camera-temporary", finding.Error, 4, 1, "the camera has no end date: public-order camera surveillance needs a fixed term by law"}}},
		{name: "longer than two years", yaml: `
id: c
kind: sensor
sensor_type: camera
lifecycle:
  start: 2026-01-01
  end: 2028-01-02
camera_regime: public_order
`, want: []want{{"camera-temporary", "C-camera-temporary", finding.Warning, 6, 8, "the camera runs from 2026-01-01 to 2028-01-02, longer than the P2Y a temporary camera may stay"}}},
	})
}

func TestSignage(t *testing.T) {
	runCases(t, "signage", nil, []ruleCase{
		{name: "camera with signs", yaml: `
id: c
kind: sensor
sensor_type: camera
personal_data: {processed: no}
signage: {present: true, description: Borden.}
camera_regime: public_order
`},
		{name: "a sensor without personal data needs no signs", yaml: `
id: c
kind: sensor
sensor_type: water_level
personal_data: {processed: no}
`},
		{name: "camera with signs switched off", yaml: `
id: c
kind: sensor
sensor_type: camera
personal_data: {processed: yes}
signage:
  present: false
camera_regime: public_order
`, want: []want{{"signage", "VNG 4.3", finding.Error, 5, 1, "the sensor has no signs, while public-order camera surveillance must be recognisable by law"}}},
		{name: "a Wi-Fi counter processes personal data: the law's duty to inform", yaml: `
id: c
kind: sensor
sensor_type: wifi_bluetooth_counter
personal_data: {processed: unknown}
`, want: []want{{"signage", "VNG 4.3", finding.Error, 1, 1, "the record does not say how the sensor is made recognisable, while people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14), on the spot by a sign"}}},
		{name: "a parking sensor that processes personal data: the law's duty to inform", yaml: `
id: c
kind: sensor
sensor_type: parking
personal_data: {processed: "yes"}
signage: {present: false}
`, want: []want{{"signage", "VNG 4.3", finding.Error, 5, 1, "the sensor has no signs, while people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14)"}}},
		{name: "the police's sensor: the principle's, under the Wet politiegegevens", yaml: `
id: c
kind: sensor
sensor_type: noise
organisation: {type: police}
personal_data: {processed: "yes"}
`, want: []want{{"signage", "VNG 4.3", finding.Warning, 1, 1, "the record does not say how the sensor is made recognisable, while it processes personal data"}}},
	})
}

func TestMinimisation(t *testing.T) {
	runCases(t, "minimisation", nil, []ruleCase{
		{name: "counting camera with low resolution", yaml: `
id: c
kind: sensor
sensor_type: crowd_counter
capabilities: [image_analysis, people_counting]
minimisation: {measures: [low_resolution, aggregation_only]}
`},
		{name: "an induction loop counts without images", yaml: `
id: c
kind: sensor
sensor_type: traffic_counter
capabilities: [vehicle_counting]
`},
		{name: "counting camera without measures", yaml: `
id: c
kind: sensor
sensor_type: camera
capabilities: [video_recording, people_counting]
camera_regime: public_order
`, want: []want{{"minimisation", "VNG 7.5", finding.Warning, 1, 1, "the sensor counts with images but lists no minimisation measures"}}},
		{name: "empty measures", yaml: `
id: c
kind: sensor
sensor_type: crowd_counter
capabilities: [people_counting]
minimisation:
  notes: none yet
`, want: []want{{"minimisation", "VNG 7.5", finding.Warning, 5, 1, "lists no minimisation measures"}}},
	})
}

func TestSupplierWatch(t *testing.T) {
	cfg := configFrom(t, `supplier_watch:
  - {manufacturer: Hikvision, source: "US FCC Covered List (2022)"}
  - {manufacturer: Dahua Technology}
`)
	runCases(t, "supplier-watch", cfg, []ruleCase{
		{name: "a maker not on the list", yaml: `
id: c
kind: sensor
sensor_type: camera
vendor: {manufacturer: Axis Communications}
camera_regime: public_order
`},
		{name: "a similar name is not the same maker", yaml: `
id: c
kind: sensor
sensor_type: camera
vendor: {manufacturer: Hikvisionary Optics}
camera_regime: public_order
`},
		{name: "a longer company name of a watched maker", yaml: `
id: c
kind: sensor
sensor_type: camera
vendor:
  manufacturer: HIKVISION Digital Technology Co., Ltd.
camera_regime: public_order
`, want: []want{{"supplier-watch", "VNG 7.6", finding.Warning, 5, 17, "manufacturer HIKVISION Digital Technology Co., Ltd. is on the supplier watch list (US FCC Covered List (2022))"}}},
		{name: "a watched maker without a source", yaml: `
id: c
kind: sensor
sensor_type: traffic_counter
vendor: {manufacturer: dahua-technology}
`, want: []want{{"supplier-watch", "VNG 7.6", finding.Warning, 4, 24, "manufacturer dahua-technology is on the supplier watch list"}}},
		{name: "a camera must name its maker", yaml: `
id: c
kind: sensor
sensor_type: camera
camera_regime: public_order
`, want: []want{{"supplier-watch", "VNG 7.6", finding.Warning, 1, 1, "the camera does not name its manufacturer"}}},
	})
}

func TestSecurityAudit(t *testing.T) {
	runCases(t, "security-audit", nil, []ruleCase{
		{name: "recent audit", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: yes}
security: {last_audit: 2024-01-01}
`},
		{name: "no personal data and no audit", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: no}
`},
		{name: "planned records are not audited yet", yaml: `
id: c
kind: sensor
status: planned
personal_data: {processed: yes}
`},
		{name: "no audit for personal data", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: yes}
security:
  measures: Separate network.
`, want: []want{{"security-audit", "VNG 7.7", finding.Warning, 5, 1, "no security audit is recorded for a record in use that processes personal data"}}},
		{name: "audit older than three years", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: no}
security: {last_audit: 2023-11-23}
`, want: []want{{"security-audit", "VNG 7.7", finding.Warning, 5, 24, "the last security audit was on 2023-11-23, longer ago than P3Y"}}},
		// An audit cannot have taken place in the future: none is recorded.
		{name: "audit dated after today", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: yes}
security: {last_audit: 2099-09-30}
`, want: []want{{"security-audit", "VNG 7.7", finding.Warning, 5, 24, "security.last_audit is 2099-09-30, a date still to come: an audit cannot have taken place in the future, so none is recorded"}}},
		{name: "audit dated today", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: yes}
security: {last_audit: 2026-11-24}
`},
	})
}

// TestRecipientsKeepCameraImagesFourWeeks: what a recipient of public-order
// camera images keeps them for is held to the same four weeks as the
// camera's own retention (Gemeentewet art. 151c(6)). Only the police and
// the public prosecutor keep images under their own law: images needed for
// a criminal investigation are the exception the article makes.
func TestRecipientsKeepCameraImagesFourWeeks(t *testing.T) {
	camera := sharingCamera
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "a shop association keeps them five years", yaml: camera(`  - {party: Winkeliersvereniging Binnenstad, retention: P5Y}
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 57, "Winkeliersvereniging Binnenstad keeps public-order camera images for P5Y, longer than the four weeks the law allows (Gemeentewet art. 151c(6))"}}},
		{name: "a month is more than four weeks for a recipient too", yaml: camera(`  - {party: Beveiligingsbedrijf, retention: P1M}
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 45, "keeps public-order camera images for P1M"}}},
		{name: "a recipient that does not say how long it keeps them", yaml: camera(`  - party: Winkeliersvereniging Binnenstad
    onward_sharing: false
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 5, "data sharing with Winkeliersvereniging Binnenstad does not say how long it keeps the images, so the register cannot show they are destroyed within four weeks (Gemeentewet art. 151c(6))"}}},
		{name: "a recipient's retention that is no duration", yaml: camera(`  - {party: Winkeliersvereniging Binnenstad, retention: vier weken}
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 57, "retention \"vier weken\" of Winkeliersvereniging Binnenstad is not a duration"}}},
		{name: "a recipient within four weeks", yaml: camera(`  - {party: Winkeliersvereniging Binnenstad, retention: P14D}
  - {party: Stadstoezicht, retention: not_stored}
`)},
		// The exemption rests on a name: a note shows it to residents.
		{name: "the police keep images under their own law", yaml: camera(`  - {party: "Politie, basisteam Voorbeeldstad", retention: P5Y}
  - {party: Politie Oost-Nederland}
  - {party: Politie Utrecht, retention: P14D}
`), want: []want{{"camera-retention", "VNG V", finding.Info, 8, 5, "Politie, basisteam Voorbeeldstad is taken, by its name, as an investigating authority, which keeps the images it receives under its own law (retention P5Y)"},
			{"camera-retention", "VNG V", finding.Info, 9, 5, "Politie Oost-Nederland is taken, by its name, as an investigating authority, which keeps the images it receives under its own law (retention not stated)"}}},
		{name: "so does the public prosecutor", yaml: camera(`  - {party: Openbaar Ministerie, retention: P1Y}
  - {party: "Public Prosecution Service (Openbaar Ministerie)"}
`), want: []want{{"camera-retention", "VNG V", finding.Info, 8, 5, "Openbaar Ministerie is taken, by its name"},
			{"camera-retention", "VNG V", finding.Info, 9, 5, "Public Prosecution Service (Openbaar Ministerie) is taken, by its name"}}},
		{name: "a traffic camera's recipients are not held to 151c", yaml: `
id: c
kind: sensor
status: active
retention: P7D
sensor_type: camera
camera_regime: traffic_management
data_sharing:
  - {party: Rijkswaterstaat, retention: P5Y}
`},
	})
}

// TestInvestigatingAuthorityIsOnlyOneByName: a recipient of public-order
// camera images keeps them beyond the four weeks only when it is an
// authority that investigates crimes (Gemeentewet art. 151c(6)), and the
// register knows that only from its name. It fails closed: the name must
// be the authority's, from its first word, and name no other organisation
// beside it; a shop association that works with the police, a police
// union or a firm named after the prosecutor is held to the four weeks.
func TestInvestigatingAuthorityIsOnlyOneByName(t *testing.T) {
	for _, c := range []struct {
		party string
		is    bool
	}{
		{"Politie", true},
		{"Politie, basisteam Voorbeeldstad", true},
		{"Politie Oost-Nederland", true},
		{"Nationale Politie", true},
		{"de politie", true},
		{"Police", true},
		{"Openbaar Ministerie", true},
		{"Public Prosecution Service (Openbaar Ministerie)", true},
		{"OM, arrondissementsparket Midden-Nederland", true},
		{"Arrondissementsparket Midden-Nederland", true},
		{"Officier van Justitie", true},
		{"Koninklijke Marechaussee", true},
		{"Marechaussee, brigade Schiphol", true},
		{"Rijksrecherche", true},
		{"FIOD", true},
		{"Politie, bureau Centrum", true},
		{"Politie, politiebureau Overvecht", true},
		{"Politie, ingenieursbureau Jansen", false},
		{"Politie, Gemeente Voorbeeldstad (Handhaving)", false},
		{"Politie, Stadstoezicht", false},
		{"OM Beveiliging", false},
		{"Politie Beveiligingsdiensten", false},
		{"Politie en boa's", false},
		{"Politie-academie", false},
		{"Police Academy", false},
		{"Nationale Politie Pensioenfonds", false},
		{"OM-Consult", false},
		{"Politie Museum", false},
		{"Parket Vloeren Jansen", false},
		{"Parket Keizer", false},
		{"OM Yoga Studio", false},
		{"Politie, Stadswacht", false},
		{"Politie, buurtwacht", false},
		{"Politie, Veiligheidshuis", false},
		{"Politie Oldtimer Club", false},
		{"Police Surplus Store", false},
		{"FIOD Alumni", false},
		{"Marechaussee Veteranen", false},
		{"Politie, Stadstoe\u00adzicht", false},
		{"Politie, Gemeen\u00adte Voorbeeldstad", false},
		{"Politie, boa team", false},

		{"Winkeliers i.s.m. politie", false},
		{"Politiebond NPB (vakbond)", false},
		{"Politie bond NPB", false},
		{"Nederlandse Politiebond", false},
		{"Stichting Politiehonden", false},
		{"Beveiligingsbedrijf (politiegecertificeerd)", false},
		{"Officier van Justitie-kantoor Adviesbureau BV", false},
		{"Politie en Winkeliersvereniging", false},
		{"Politie & Partners B.V.", false},
		{"Politie/Stadstoezicht", false},
		{"Politie + gemeente", false},
		{"Politie namens Beveiliging Noord", false},
		{"Rijksrecherche Advies B.V.", false},
		{"Politieke partij", false},
		{"Winkeliersvereniging Binnenstad", false},
		{"Centraal Justitieel Incassobureau (CJIB)", false},
		{"Omroep West", false},
		{"", false},
	} {
		if got := investigates(c.party); got != c.is {
			t.Errorf("investigates(%q) = %v, want %v", c.party, got, c.is)
		}
	}
}

// TestRecipientNamedAfterThePoliceKeepsFourWeeks: a recipient that only
// borrows the police's name keeps the images four weeks at most; the
// investigating authorities keep them under their own law.
func TestRecipientNamedAfterThePoliceKeepsFourWeeks(t *testing.T) {
	camera := sharingCamera
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "shops working with the police", yaml: camera(`  - {party: Winkeliers i.s.m. politie, retention: P1Y}
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 51, "Winkeliers i.s.m. politie keeps public-order camera images for P1Y, longer than the four weeks the law allows"}}},
		{name: "a foundation for police dogs", yaml: camera(`  - {party: Stichting Politiehonden, retention: P1Y}
`), want: []want{{"camera-retention", "VNG V", finding.Error, 8, 49, "Stichting Politiehonden keeps public-order camera images for P1Y"}}},
		{name: "the prosecutor's office, the military police and the national criminal investigation department", yaml: camera(`  - {party: "OM, arrondissementsparket Midden-Nederland", retention: P1Y}
  - {party: Koninklijke Marechaussee, retention: P1Y}
  - {party: Rijksrecherche, retention: P1Y}
`), want: []want{{"camera-retention", "VNG V", finding.Info, 8, 5, "OM, arrondissementsparket Midden-Nederland is taken, by its name"},
			{"camera-retention", "VNG V", finding.Info, 9, 5, "Koninklijke Marechaussee is taken, by its name"},
			{"camera-retention", "VNG V", finding.Info, 10, 5, "Rijksrecherche is taken, by its name"}}},
	})
}

// TestRetiredCameraImagesStillHeld: retiring a public-order camera ends
// its recording, not the images it made. As long as images made before
// its end may still be held, by the municipality or a recipient, they
// are held to 151c's four weeks: until lifecycle.end plus the longest
// retention stated, its own or a recipient's (from the agreement's end,
// where that lies later, for the recipient may be given images until
// then); a retention not stated or not readable is taken as still held.
// What an investigating authority keeps under its own law does not keep
// the rule applying.
func TestRetiredCameraImagesStillHeld(t *testing.T) {
	camera := func(end, retention, sharing string) string {
		return endedRecord(`
id: c
kind: sensor
status: retired
sensor_type: camera
camera_regime: public_order
`, end, retention, sharing)
	}
	const today = "2026-12-07"
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "retired yesterday, images kept five years", today: today, yaml: camera("2026-12-06", "P5Y", ""),
			want: []want{{"camera-retention", "VNG V", finding.Error, 7, 12, "public-order camera images are kept for P5Y, longer than the four weeks the law allows"}}},
		{name: "retired yesterday, a recipient keeps them a year under an agreement to 2030", today: today, yaml: camera("2026-12-06", "P28D",
			"  - {party: Winkeliersvereniging Binnenstad, start: 2025-06-01, end: 2030-12-31, retention: P1Y}\n"),
			want: []want{{"camera-retention", "VNG V", finding.Error, 9, 93, "Winkeliersvereniging Binnenstad keeps public-order camera images for P1Y"}}},
		{name: "retired a year ago, a recipient's agreement ran on half a year and it keeps them a year", today: today, yaml: camera("2025-12-01", "P28D",
			"  - {party: Winkeliersvereniging Binnenstad, start: 2025-06-01, end: 2026-06-30, retention: P1Y}\n"),
			want: []want{{"camera-retention", "VNG V", finding.Error, 9, 93, "Winkeliersvereniging Binnenstad keeps public-order camera images for P1Y"}}},
		{name: "retired long ago without a stated retention", today: today, yaml: camera("2020-01-01", "", ""),
			want: []want{{"camera-retention", "VNG V", finding.Error, 1, 1, "does not state how long images are kept"}}},
		{name: "retired long ago with a retention that cannot be read", today: today, yaml: camera("2020-01-01", "vier weken", ""),
			want: []want{{"camera-retention", "VNG V", finding.Error, 7, 12, "is not a duration"}}},
		{name: "retired six years ago, images kept five years: all destroyed", today: today, yaml: camera("2020-01-01", "P5Y", "")},
		{name: "retired two months ago, images kept four weeks: all destroyed", today: today, yaml: camera("2026-10-01", "P28D", "")},
		{name: "the police's own retention does not keep the rule applying", today: today, yaml: camera("2026-06-01", "P28D",
			"  - {party: Politie Midden-Nederland, start: 2025-06-01, end: 2030-12-31, retention: P5Y}\n")},
	})
}

// sharingCamera is a public-order camera in use that keeps its images
// four weeks and shares them as sharing (data_sharing's items) says.
func sharingCamera(sharing string) string {
	return `
id: c
kind: sensor
status: active
retention: P28D
sensor_type: camera
camera_regime: public_order
data_sharing:
` + sharing
}

// endedRecord is the record head with a life cycle from 2019 to end, the
// retention given (none when "") and data_sharing's items sharing (none
// when "").
func endedRecord(head, end, retention, sharing string) string {
	s := head + "lifecycle: {start: 2019-01-01, end: " + end + "}\n"
	if retention != "" {
		s += "retention: " + retention + "\n"
	}
	if sharing != "" {
		s += "data_sharing:\n" + sharing
	}
	return s
}

// TestNotStoredWhileRecording: a record that says nothing is stored while
// one of its capabilities records, and is not listed as switched off,
// contradicts itself. The retention rules take it as storing for an
// unknown time: for a public-order camera that hides the four weeks of
// Gemeentewet art. 151c(6), so it is law; for another sensor the retention
// rule's warning. A recording capability under switched_off records
// nothing: not_stored is then taken at its word.
func TestNotStoredWhileRecording(t *testing.T) {
	runCases(t, "camera-retention", nil, []ruleCase{
		{name: "a public-order camera that records but stores nothing", yaml: `
id: c
kind: sensor
status: active
retention: not_stored
sensor_type: camera
camera_regime: public_order
capabilities: [video_recording, live_viewing]
`, want: []want{{"camera-retention", "VNG V", finding.Error, 4, 12, "retention says not_stored, but the sensor records (video_recording), so what it records is stored and the register cannot show it is destroyed within four weeks (Gemeentewet art. 151c(6))"}}},
		{name: "a public-order camera that records, with another capability switched off", yaml: `
id: c
kind: sensor
status: active
retention: not_stored
sensor_type: camera
camera_regime: public_order
capabilities: [video_recording, live_viewing]
switched_off: [live_viewing]
`, want: []want{{"camera-retention", "VNG V", finding.Error, 4, 12, "the sensor records (video_recording)"}}},
		{name: "a public-order camera only viewed live, its recording switched off", yaml: `
id: c
kind: sensor
status: active
retention: not_stored
sensor_type: camera
camera_regime: public_order
capabilities: [video_recording, live_viewing]
switched_off: [video_recording]
`},
		{name: "a public-order camera only viewed live", yaml: `
id: c
kind: sensor
status: active
retention: not_stored
sensor_type: camera
camera_regime: public_order
capabilities: [live_viewing]
`},
	})
	runCases(t, "retention", nil, []ruleCase{
		{name: "a traffic camera that records but stores nothing", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: "yes"}
retention: not_stored
sensor_type: camera
camera_regime: traffic_management
capabilities: [video_recording]
`, want: []want{{"retention", "VNG V", finding.Warning, 5, 12, "retention says not_stored, but the sensor records (video_recording), so what it records is stored for a time the record does not state"}}},
		{name: "a noise sensor that records sound but stores nothing", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: "yes"}
retention: not_stored
sensor_type: noise
capabilities: [sound_level, audio_recording]
`, want: []want{{"retention", "VNG V", finding.Warning, 5, 12, "the sensor records (audio_recording)"}}},
		{name: "a noise sensor whose sound recording is switched off", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: "yes"}
retention: not_stored
sensor_type: noise
capabilities: [sound_level, audio_recording]
switched_off: [audio_recording]
`},
		{name: "a counter that stores nothing", yaml: `
id: c
kind: sensor
status: active
personal_data: {processed: "yes"}
retention: not_stored
sensor_type: crowd_counter
capabilities: [image_analysis, people_counting]
`},
	})
}

// TestNotStoredHelpSaysBothWaysOut: the finding on not_stored beside a
// recording capability tells how to leave it either way: state the
// retention, or list the capability under switched_off when it is off.
func TestNotStoredHelpSaysBothWaysOut(t *testing.T) {
	f := notStoredButRecords("not_stored", "video_recording", "", "")
	for _, lang := range []string{"en", "nl"} {
		_, help := f.Text(lang)
		for _, part := range []string{"retention", "P28D", "switched_off", "video_recording"} {
			if !strings.Contains(help, part) {
				t.Errorf("%s help %q does not name %s", lang, help, part)
			}
		}
	}
}

// TestZeroRetentionWhileRecording: a retention of nothing (P0D, PT0S, any
// zero duration) says what not_stored says, so beside a recording that is
// on it is the same contradiction: the recordings are stored for a time
// the record does not state. Switched off, the zero is taken at its word.
func TestZeroRetentionWhileRecording(t *testing.T) {
	for _, zero := range []string{"P0D", "PT0S", "P0Y0M0D", "P0W"} {
		camera := func(extra string) string {
			return "id: c\nkind: sensor\nstatus: active\nretention: " + zero + "\nsensor_type: camera\ncamera_regime: public_order\ncapabilities: [video_recording, live_viewing]\n" + extra
		}
		traffic := "id: c\nkind: sensor\nstatus: active\npersonal_data: {processed: \"yes\"}\nretention: " + zero + "\nsensor_type: camera\ncamera_regime: traffic_management\ncapabilities: [video_recording]\n"
		t.Run(zero, func(t *testing.T) {
			runCases(t, "camera-retention", nil, []ruleCase{
				{name: "a public-order camera that records", yaml: camera(""),
					want: []want{{"camera-retention", "VNG V", finding.Error, 4, 12, "retention is " + zero + ", which keeps nothing, but the sensor records (video_recording), so what it records is stored and the register cannot show it is destroyed within four weeks (Gemeentewet art. 151c(6))"}}},
				{name: "its recording switched off", yaml: camera("switched_off: [video_recording]\n")},
			})
			runCases(t, "retention", nil, []ruleCase{
				{name: "a traffic camera that records", yaml: traffic,
					want: []want{{"retention", "VNG V", finding.Warning, 5, 12, "retention is " + zero + ", which keeps nothing, but the sensor records (video_recording), so what it records is stored for a time the record does not state"}}},
			})
		})
	}
}
