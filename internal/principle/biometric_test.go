package principle

import (
	"fmt"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

const policeCamera = `
id: cam-kermis
kind: sensor
status: active
organisation: {name: Politie, type: police}
capabilities:
  - video_recording
  - post_biometric_identification
`

// liveCamera identifies people in real time: prohibited by AI Act art.
// 5(1)(h) unless the narrow police route is followed.
const liveCamera = `
id: cam-live
kind: sensor
status: active
organisation: {name: Politie, type: police}
capabilities:
  - video_recording
  - realtime_biometric_identification
`

const authorised = `    authorisation: {authority: rechter-commissaris, date: 2026-10-30, reference: RC 26/1}
`

// liveProfile is the live camera's AI Act profile with the
// fundamental-rights impact assessment and the EU database entry that AI
// Act art. 5(2) asks before any use, both done before the exceptions
// below are approved (2026-11-01).
const liveProfile = `ai_act: {category: high_risk, role: deployer, annex_iii: 1(a), fria: {date: 2026-10-20}, eu_database_id: EU-DB-2026-1}
`

// liveAuthorisedBy is the live camera with an exception that has all the
// art. 5 parts, authorised by authority.
func liveAuthorisedBy(authority string) string {
	return liveCamera + liveProfile + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
    objective: victim_search
    national_law: Wet X art. 1
    authorisation: {authority: ` + authority + `, date: 2026-10-30, reference: A 1}
`
}

func TestBiometricBan(t *testing.T) {
	runCases(t, "biometric-ban", nil, []ruleCase{
		{name: "counting and plates are allowed", yaml: `
id: s
kind: sensor
status: active
organisation: {name: G, type: municipality}
capabilities: [people_counting, licence_plate_recognition, video_recording]
`},
		{name: "every banned capability is an error at its item", yaml: `
id: s
kind: sensor
status: planned
organisation: {name: G, type: municipality}
capabilities:
  - people_counting
  - device_tracking
  - gait_recognition
  - biometric_categorisation
  - behaviour_detection_sound
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "capability device_tracking (following phones and other devices by Wi-Fi or Bluetooth) is biometric surveillance"},
			{"biometric-ban", "VNG 2.1", finding.Error, 8, 5, "capability gait_recognition (recognising people by their gait)…does not say whether it identifies in real time or after the fact, so it counts as real time"},
			{"biometric-ban", "VNG 2.1", finding.Error, 9, 5, "capability biometric_categorisation (biometric categorisation (such as age or gender))"},
			{"biometric-ban", "VNG 2.1", finding.Error, 10, 5, "capability behaviour_detection_sound (detecting behaviour from sound)"},
		}},
		{name: "the ban applies to algorithms too", yaml: `
id: a
kind: algorithm
status: active
organisation: {name: G, type: municipality}
capabilities: [post_biometric_identification]
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, "capability post_biometric_identification (after-the-fact remote biometric identification) is biometric surveillance"},
		}},
		{name: "a banned capability switched off is still banned: the council bans the capability, not its use", yaml: `
id: s
kind: sensor
status: active
organisation: {name: G, type: municipality}
capabilities: [video_recording, face_recognition]
switched_off: [face_recognition]
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 5, 33, "capability face_recognition"},
		}},
		{name: "a retired sensor is no longer deployed", yaml: `
id: s
kind: sensor
status: retired
lifecycle: {start: 2024-01-01, end: 2025-01-01}
organisation: {name: G, type: municipality}
capabilities: [face_recognition]
`},
		{name: "police after the fact with an authorised exception: a visible warning", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Comparing images of suspects, per report.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
` + authorised, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 5, "exception to a legal duty (AI Act art. 26(10), Annex III 1(a); Wet politiegegevens), approved by Driehoek on 2026-11-01 until 2027-06-01: capability post_biometric_identification"},
		}},
		{name: "police after the fact without an authorisation: error", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Comparing images of suspects, per report.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-11-01
    until: 2027-06-01
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "(the exception at exceptions[0] does not count: it lacks the prior authorisation with its authority, date and reference"},
		}},
		{name: "police with an expired exception: error", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-09-01
    until: 2026-10-01
    authorisation: {authority: rechter-commissaris, date: 2026-08-30, reference: RC 26/1}
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "ban in public space…(the exception for this rule ended on 2026-10-01 and no longer counts)"},
			{"exception-expired", "exceptions", finding.Warning, 14, 12, "the exception to biometric-ban ended on 2026-10-01 and no longer counts"},
		}},
		{name: "police without a legal basis: the exception does not count", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Search.
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
` + authorised, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "(the exception at exceptions[0] does not count: it lacks a specific legal basis (legal_basis))"},
		}},
		{name: "only the police may be excepted", yaml: `
id: cam
kind: sensor
status: active
organisation: {name: G, type: municipality}
capabilities: [post_biometric_identification]
exceptions:
  - rule: biometric-ban
    reason: Safety.
    legal_basis: APV
    approved_by: college
    approved_on: 2026-11-01
    until: 2027-06-01
` + authorised, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, "does not count: it lacks an operator of type police (only the police may be excepted from the ban))"},
		}},
		{name: "real time, police, with only the prosecutor's approval: error", yaml: liveCamera + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-11-01
    until: 2027-06-01
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)…the objective of AI Act art. 5(1)(h)…the national law"},
		}},
		{name: "real time, police, the prosecutor as the authority: error", yaml: liveAuthorisedBy("Officier van Justitie Midden-Nederland"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise (AI Act art. 5(3) allows a judicial authority or an independent administrative authority whose decision is binding…accepts only a court"},
		}},
		{name: "real time, police, the mayor as the authority: error", yaml: liveAuthorisedBy("Burgemeester van Heidebeek"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise"},
		}},
		{name: "real time, police, the prosecution service in English as the authority: error", yaml: liveAuthorisedBy("Public Prosecution Service"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise"},
		}},
		{name: "real time, police, the prosecutor abbreviated as the authority: error", yaml: liveAuthorisedBy("OvJ Midden-Nederland"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise"},
		}},
		{name: "real time, police, the prosecutor at a court as the authority: error", yaml: liveAuthorisedBy("officier van justitie bij de rechtbank Utrecht"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise"},
		}},
		{name: "real time, police, authorised after the use: error", yaml: liveCamera + liveProfile + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
    objective: victim_search
    national_law: Wet X art. 1
    authorisation: {authority: rechter-commissaris, date: 2026-11-05, reference: RC 26/1}
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation before the use: it is dated 2026-11-05, after approved_on 2026-11-01"},
		}},
		{name: "real time, police, the lawful route: stays a warning", yaml: liveCamera + liveProfile + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
    objective: victim_search
    national_law: Wet X art. 1
` + authorised, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 5, "exception to a legal duty (Wet politiegegevens; Directive (EU) 2016/680 art. 10; AI Act art. 5(1)(h)), approved by Driehoek on 2026-11-01 until 2027-06-01: capability realtime_biometric_identification"},
		}},
		{name: "real time before the AI Act's prohibitions applied: the principle only", today: "2025-01-15", yaml: liveCamera, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "capability realtime_biometric_identification"},
		}},
	})
}

// liveCameraRunBy is a camera that claims the police regime and identifies
// people in real time, run by an operator of orgType, with an exception
// that has every art. 5 part and a court's authorisation, and the FRIA and
// EU database entry of art. 5(2).
func liveCameraRunBy(orgType string) string {
	return `
id: cam-live
kind: sensor
status: active
organisation: {name: Gemeente Voorbeeldstad, type: ` + orgType + `}
sensor_type: camera
camera_regime: police
capabilities: [realtime_biometric_identification]
` + liveProfile + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
    objective: victim_search
    national_law: Wet X art. 1
    authorisation: {authority: Rechtbank Midden-Nederland, date: 2026-10-30, reference: RC1}
`
}

// TestOnlyThePoliceThemselvesMayBeExcepted: claiming the police regime does
// not make an operator the police (principles.md 2.1: "for the police
// only"); only organisation.type counts.
func TestOnlyThePoliceThemselvesMayBeExcepted(t *testing.T) {
	runCases(t, "biometric-ban", nil, []ruleCase{
		{name: "a municipality claiming the police regime: the exception does not count", yaml: liveCameraRunBy("municipality"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 16, "prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)…does not count: it lacks an operator of type police (only the police may be excepted from the ban; camera_regime: police does not make an operator of type municipality the police))"},
		}},
		{name: "a private operator claiming the police regime: the exception does not count", yaml: liveCameraRunBy("private"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 16, "does not count: it lacks an operator of type police…camera_regime: police does not make an operator of type private the police"},
		}},
		{name: "the police themselves with the same exception: a visible warning", yaml: liveCameraRunBy("police"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 16, "exception to a legal duty (Wet politiegegevens; Directive (EU) 2016/680 art. 10; AI Act art. 5(1)(h)), approved by Driehoek on 2026-11-01 until 2027-06-01: capability realtime_biometric_identification"},
		}},
	})
}

// TestAuthorisationByAnIndependentAuthority: art. 5(3) allows a court or an
// independent administrative authority whose decision is binding. A name
// cannot show the second, so the checklist accepts a court only, and says
// so without pretending the law asks for a court.
func TestAuthorisationByAnIndependentAuthority(t *testing.T) {
	runCases(t, "biometric-ban", nil, []ruleCase{
		{name: "the data protection authority: not recognisable, and the message states the article right", yaml: liveAuthorisedBy("Autoriteit Persoonsgegevens"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "does not count: it lacks an authorisation the checklist can recognise (AI Act art. 5(3) allows a judicial authority or an independent administrative authority whose decision is binding; a name cannot show that an administrative authority is independent and its decision binding, so the checklist accepts only a court, named in authorisation.authority"},
		}},
		{name: "a court: the lawful route, a visible warning", yaml: liveAuthorisedBy("Rechtbank Midden-Nederland"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 5, "exception to a legal duty (Wet politiegegevens; Directive (EU) 2016/680 art. 10; AI Act art. 5(1)(h))"},
		}},
	})
	for _, f := range only(t, biometricBanID, nil, nil, testToday, liveAuthorisedBy("Autoriteit Persoonsgegevens")) {
		if m := f.Message.In("en"); strings.Contains(m, "authorisation by a court (AI Act art. 5(3))") {
			t.Errorf("the message says art. 5(3) asks for a court: %q", m)
		}
	}
}

// emotionIn is an algorithm that recognises emotions, used in the area of
// Annex III point.
func emotionIn(point string) string {
	return `
id: emotie
kind: algorithm
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
algorithm_type: machine_learning
capabilities: [emotion_recognition]
ai_act: {category: high_risk, role: deployer, annex_iii: "` + point + `", basis: emotieherkenning bij leerlingen in de klas}
`
}

// TestEmotionRecognitionAtWorkAndInEducation: emotion recognition in
// education (Annex III 3) or at work (Annex III 4) is a prohibited AI
// practice from 2025-02-02 (AI Act art. 5(1)(f)); no setting lowers it.
// Elsewhere it is banned by VNG 2.1 only, which a municipality may change.
func TestEmotionRecognitionAtWorkAndInEducation(t *testing.T) {
	off := configFrom(t, goodConfig+"rules:\n  biometric-ban: {severity: \"off\", reason: x}\n")
	tests := []struct {
		name, point, today string
		law                string // the finding's law; "" when the setting silences it
		message            string
	}{
		{"in the classroom", "3(b)", "2026-12-06", "AI Act art. 5(1)(f)", "capability emotion_recognition recognises emotions at work or in education (Annex III point 3(b)), a prohibited AI practice (AI Act art. 5(1)(f), since 2025-02-02)"},
		{"at work", "4(b)", "2026-12-06", "AI Act art. 5(1)(f)", "(Annex III point 4(b)), a prohibited AI practice (AI Act art. 5(1)(f)"},
		{"the day the prohibition applies", "3", "2025-02-02", "AI Act art. 5(1)(f)", "a prohibited AI practice (AI Act art. 5(1)(f), since 2025-02-02)"},
		{"the day before: the principle only", "3", "2025-02-01", "", ""},
		{"for benefits, not work or education: the principle only", "5(a)", "2026-12-06", "", ""},
		// The theme puts it in the classroom whatever its point.
		{"themed education, called 1(c) without a basis", "1(c)\"}\nthemes: [onderwijs-en-wetenschap]\n#", "2026-12-06", "AI Act art. 5(1)(f)", "recognises emotions at work or in education (theme onderwijs-en-wetenschap), a prohibited AI practice"},
		// A theme of a policy area says nothing of whose emotions: a
		// visitor or a job seeker is no worker.
		{"themed the organisation's own operations: the principle only", "5(a)\"}\nthemes: [organisatie-en-bedrijfsvoering, werk]\n#", "2026-12-06", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, biometricBanID, off, nil, tt.today, emotionIn(tt.point))
			if tt.law == "" {
				if len(fs) != 0 {
					t.Errorf("the setting should silence the policy finding, got %v", fs)
				}
				def := only(t, biometricBanID, nil, nil, tt.today, emotionIn(tt.point))
				match(t, def, []want{{"biometric-ban", "VNG 2.1", finding.Error, 6, 16, "capability emotion_recognition (emotion recognition) is biometric surveillance, which the principles ban in public space"}})
				if len(def) == 1 && !def[0].Law.IsZero() {
					t.Errorf("a policy finding cites law: %q", def[0].Law.In("en"))
				}
				return
			}
			match(t, fs, []want{{"biometric-ban", "VNG 2.1", finding.Error, 6, 16, tt.message}})
			if len(fs) == 1 && fs[0].Law.In("en") != tt.law {
				t.Errorf("law %q, want %q", fs[0].Law.In("en"), tt.law)
			}
		})
	}
}

// TestNoExceptionForEmotionRecognitionAtWork: art. 5(1)(f) knows no
// exception a record can grant itself, not even the police's.
func TestNoExceptionForEmotionRecognitionAtWork(t *testing.T) {
	police := strings.Replace(emotionIn("4(a)"), "type: municipality", "type: police", 1) + `exceptions:
  - rule: biometric-ban
    reason: Screening staff.
    legal_basis: Politiewet 2012 art. 3
    approved_by: Korpschef
    approved_on: 2026-11-01
    until: 2027-06-01
`
	match(t, only(t, biometricBanID, nil, nil, testToday, police), []want{
		{"biometric-ban", "VNG 2.1", finding.Error, 6, 16, "AI Act art. 5(1)(f)…(the exception at exceptions[0] does not count: it lacks a ground in law: AI Act art. 5(1)(f) prohibits emotion recognition at work and in education, and no exception lowers that)"},
	})
}

// postAuthorisedBy is the police camera that identifies people after the
// fact, with an exception that has every part, authorised by authority.
func postAuthorisedBy(authority string) string {
	return policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Comparing images of suspects, per report.
    legal_basis: Wet politiegegevens art. 9
    approved_by: Driehoek
    approved_on: 2026-11-01
    until: 2027-06-01
    authorisation: {authority: "` + authority + `", date: 2026-10-30, reference: A 1}
`
}

// TestAfterTheFactIdentificationNeedsACourtsAuthorisation: AI Act art.
// 26(10) asks a judicial authority's authorisation, or a binding one of an
// administrative authority under judicial review; the police's own chief,
// the prosecutor and the mayor are none of these, so their approval leaves
// the legal finding an error, as for real-time identification.
func TestAfterTheFactIdentificationNeedsACourtsAuthorisation(t *testing.T) {
	refused := "does not count: it lacks an authorisation the checklist can recognise (AI Act art. 26(10) allows a judicial authority or an administrative authority whose decision is binding and subject to judicial review"
	runCases(t, "biometric-ban", nil, []ruleCase{
		{name: "the police's own team chief: error", yaml: postAuthorisedBy("Politie, basisteam Voorbeeldstad (teamchef)"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, refused}}},
		{name: "the mayor: error", yaml: postAuthorisedBy("Burgemeester"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, refused}}},
		{name: "the public prosecutor: error", yaml: postAuthorisedBy("Officier van justitie"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, refused}}},
		{name: "the triangle: error", yaml: postAuthorisedBy("Driehoek Voorbeeldstad"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, refused}}},
		{name: "the examining judge: the lawful route, a visible warning", yaml: postAuthorisedBy("Rechter-commissaris, rechtbank Midden-Nederland"), want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 5, "exception to a legal duty (AI Act art. 26(10), Annex III 1(a); Wet politiegegevens)"}}},
	})
}

// categorising is a sensor that categorises people biometrically and says
// what it processes (categories) and why it is classified so (basis).
func categorising(categories, basis string) string {
	return `
id: cat
kind: sensor
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
capabilities: [biometric_categorisation]
personal_data: {processed: "yes", categories: [` + categories + `]}
ai_act: {category: high_risk, role: deployer, annex_iii: "1(b)", basis: "` + basis + `"}
`
}

// TestBiometricCategorisationBySensitiveTraits: biometric categorisation
// that infers race, political opinions, trade union membership, religious
// or philosophical beliefs, sex life or sexual orientation is a prohibited
// AI practice from 2025-02-02 (AI Act art. 5(1)(g)): no setting silences
// it, as none silences emotion recognition at work (art. 5(1)(f)).
// Categorising by age or gender only is banned by VNG 2.1 alone, which a
// municipality may change.
func TestBiometricCategorisationBySensitiveTraits(t *testing.T) {
	off := configFrom(t, goodConfig+"rules:\n  biometric-ban: {severity: \"off\", reason: x}\n")
	prohibited := "categorises people biometrically and infers a sensitive trait (%s): race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation, a prohibited AI practice (AI Act art. 5(1)(g), since 2025-02-02)"
	tests := []struct {
		name, categories, basis, today string
		trait                          string // "" when only the principle bans it
	}{
		{"ethnicity in the categories, in Dutch", "gezichtsbeelden, etnische afkomst", "Deelt bezoekers in.", testToday, "etnische"},
		{"race in the categories, in English", "face images, race", "Categorises visitors.", testToday, "race"},
		{"political opinions in the basis", "gezichtsbeelden", "Leidt politieke voorkeur af uit kleding en gezicht.", testToday, "politieke"},
		{"religion in the basis", "face images", "Infers religion from headwear.", testToday, "religion"},
		{"sexual orientation in the basis", "face images", "Estimates sexual orientation.", testToday, "sexual orientation"},
		{"trade union membership in the categories", "vakbondslidmaatschap", "Deelt werknemers in.", testToday, "vakbondslidmaatschap"},
		{"the day the prohibition applies", "etnische afkomst", "Deelt in.", "2025-02-02", "etnische"},
		{"the day before: the principle only", "etnische afkomst", "Deelt in.", "2025-02-01", ""},
		{"age and gender only: the principle only", "leeftijd, geslacht", "Schat leeftijd en geslacht voor drukte naar doelgroep.", testToday, ""},
		{"words that only look alike: the principle only", "rasterbeelden", "Geloofwaardige telling; de politie krijgt niets.", testToday, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := categorising(tt.categories, tt.basis)
			fs := only(t, biometricBanID, off, nil, tt.today, rec)
			if tt.trait == "" {
				if len(fs) != 0 {
					t.Errorf("the setting should silence the policy finding, got %v", fs)
				}
				def := only(t, biometricBanID, nil, nil, tt.today, rec)
				match(t, def, []want{{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, "capability biometric_categorisation (biometric categorisation (such as age or gender)) is biometric surveillance, which the principles ban in public space"}})
				if len(def) == 1 && !def[0].Law.IsZero() {
					t.Errorf("a policy finding cites law: %q", def[0].Law.In("en"))
				}
				return
			}
			match(t, fs, []want{{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, fmt.Sprintf(prohibited, tt.trait)}})
			if len(fs) == 1 && fs[0].Law.In("en") != "AI Act art. 5(1)(g)" {
				t.Errorf("law %q, want AI Act art. 5(1)(g)", fs[0].Law.In("en"))
			}
		})
	}
	t.Run("a system classified prohibited", func(t *testing.T) {
		rec := strings.Replace(categorising("face images", "x"), "category: high_risk", "category: prohibited", 1)
		match(t, only(t, biometricBanID, off, nil, testToday, rec), []want{{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, fmt.Sprintf(prohibited, "ai_act.category: prohibited")}})
	})
	t.Run("no exception lowers it, not even the police's", func(t *testing.T) {
		rec := strings.Replace(categorising("etnische afkomst", "x"), "type: municipality", "type: police", 1) + `exceptions:
  - rule: biometric-ban
    reason: Screening.
    legal_basis: Politiewet 2012 art. 3
    approved_by: Korpschef
    approved_on: 2026-11-01
    until: 2027-06-01
`
		match(t, only(t, biometricBanID, nil, nil, testToday, rec), []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, "AI Act art. 5(1)(g)…(the exception at exceptions[0] does not count: it lacks a ground in law: AI Act art. 5(1)(g) prohibits biometric categorisation"},
		})
	})
}

// Point 1(c) with a basis claims the law's one way out of art. 5(1)(f), a
// system intended for medical or safety reasons. Whether the basis is one
// the register cannot tell from words ("veilig opgeslagen" is none,
// "schoolveiligheid" may be one): the claim is a legal warning, which no
// setting lowers, never a pass.
func TestEmotionRecognitionClaimingAMedicalOrSafetyReason(t *testing.T) {
	off := configFrom(t, goodConfig+"rules:\n  biometric-ban: {severity: \"off\", reason: x}\n")
	for _, basis := range []string{"alarmeert bij paniek, voor de veiligheid van leerlingen", "Beelden worden veilig opgeslagen.", "Niet om medische of veiligheidsredenen."} {
		yaml := emotionIn("1(c)\", basis: \"" + basis + "\"}\nthemes: [onderwijs-en-wetenschap]\n#")
		fs := only(t, biometricBanID, off, nil, "2026-12-06", yaml)
		match(t, fs, []want{{"biometric-ban", "VNG 2.1", finding.Warning, 6, 16, "which AI Act art. 5(1)(f) prohibits unless the system is intended for medical or safety reasons; the record claims so (Annex III point 1(c), with ai_act.basis), which the register cannot check"}})
		if len(fs) == 1 && fs[0].Law.In("en") != "AI Act art. 5(1)(f)" {
			t.Errorf("%q: law %q", basis, fs[0].Law.In("en"))
		}
		// No exception lowers it, not even the police's.
		police := strings.Replace(yaml, "type: municipality", "type: police", 1) + `exceptions:
  - {rule: biometric-ban, reason: x, legal_basis: Wpg, approved_by: College, approved_on: 2026-11-01, until: 2027-05-01}
`
		for _, f := range only(t, biometricBanID, off, nil, "2026-12-06", police) {
			if f.Severity != finding.Warning && f.Severity != finding.Error || strings.Contains(f.Message.In("en"), "approved by") {
				t.Errorf("%q: the police's exception lowered it: %s %q", basis, f.Severity, f.Message.In("en"))
			}
		}
		// With the principle's ban in force, its error stands beside it.
		if def := only(t, biometricBanID, nil, nil, "2026-12-06", yaml); len(def) != 2 || def[0].Severity != finding.Error {
			t.Errorf("%q: with the ban in force: %v", basis, def)
		}
	}
}

// TestBiometricBanOnPoliceDataCitesTheDirective: police data, the police's
// own or what boa's process as police data, are outside the GDPR (art.
// 2(2)(d)), but the Law Enforcement Directive allows identifying people by
// their body only where strictly necessary and a law provides for it (art.
// 10): the ban stays law there, citing that article instead of GDPR art.
// 9(1). The AI Act's prohibition of real-time identification (art.
// 5(1)(h)) and the police's high-risk identification after the fact (art.
// 26(10)) apply as before. The same cameras under the GDPR, and boa's on a
// camera for enforcement, which the GDPR governs, keep GDPR art. 9(1).
func TestBiometricBanOnPoliceDataCitesTheDirective(t *testing.T) {
	camera := `
id: b
kind: sensor
status: active
organisation: {type: %s}
personal_data: {processed: "yes"}
sensor_type: camera
camera_regime: %s
legal_basis: {regime: %s, boa: true}
capabilities: [%s]
`
	const (
		gdpr91   = "GDPR art. 9(1); AI Act art. 5(1)(h)"
		art10    = "Wet politiegegevens; Directive (EU) 2016/680 art. 10"
		art10ban = art10 + "; AI Act art. 5(1)(h)"
		strictly = "identifying people by their body processes biometric data, which on police data is allowed only where strictly necessary and a law provides for it (Wet politiegegevens; Directive (EU) 2016/680 art. 10)"
	)
	tests := []struct {
		name, org, regime, basis, capability, today string
		law                                         string // the finding's law
		message                                     string
	}{
		{"boa's police data, after the fact: the directive's art. 10", "municipality", "other", "police_data", "post_biometric_identification", testToday,
			art10, "capability post_biometric_identification (after-the-fact remote biometric identification) is biometric surveillance, which the principles ban in public space; " + strictly},
		{"boa's police data, in real time: the AI Act's prohibition", "municipality", "other", "police_data", "realtime_biometric_identification", testToday,
			art10ban, "is biometric surveillance, which the principles ban in public space; real-time remote biometric identification in publicly accessible spaces is prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)"},
		{"the police, by face: the AI Act's prohibition", "police", "police", "police_data", "face_recognition", testToday,
			art10ban, "is prohibited by law (AI Act art. 5(1)(h), since 2025-02-02); the record does not say whether it identifies in real time"},
		{"the police, by face, before the prohibition: the directive's art. 10", "police", "police", "police_data", "face_recognition", "2025-02-01",
			art10ban, "is biometric surveillance, which the principles ban in public space; " + strictly + "; the record does not say whether it identifies in real time"},
		{"the police, after the fact: the AI Act's high risk", "police", "police", "police_data", "post_biometric_identification", testToday,
			"AI Act art. 26(10), Annex III 1(a); Wet politiegegevens", "identification after the fact is high-risk AI (AI Act Annex III 1(a))"},
		{"boa's under the GDPR, after the fact", "municipality", "other", "gdpr", "post_biometric_identification", testToday,
			gdpr91, "is biometric surveillance, which the principles ban in public space (GDPR art. 9(1))"},
		{"boa's under the GDPR, in real time", "municipality", "other", "gdpr", "realtime_biometric_identification", testToday,
			gdpr91, "processes special categories of personal data (GDPR art. 9(1))"},
		{"boa's on an enforcement camera, after the fact: the GDPR", "municipality", "enforcement", "police_data", "post_biometric_identification", testToday,
			gdpr91, "is biometric surveillance, which the principles ban in public space (GDPR art. 9(1))"},
		{"the police's regime claimed by a municipality, by face", "municipality", "police", "gdpr", "face_recognition", testToday,
			gdpr91, "is prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)"},
		{"the police's regime claimed, before the prohibition", "municipality", "police", "gdpr", "face_recognition", "2025-02-01",
			gdpr91, "processes special categories of personal data (GDPR art. 9(1))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, biometricBanID, nil, nil, tt.today, fmt.Sprintf(camera, tt.org, tt.regime, tt.basis, tt.capability))
			match(t, fs, []want{{"biometric-ban", "VNG 2.1", finding.Error, 9, 16, tt.message}})
			if len(fs) != 1 {
				return
			}
			if got := fs[0].Law.In("en"); got != tt.law {
				t.Errorf("law %q, want %q", got, tt.law)
			}
			if tt.law != gdpr91 && (strings.Contains(fs[0].Message.In("en"), "GDPR") || strings.Contains(fs[0].Message.In("nl"), "AVG")) {
				t.Errorf("police data are held to the GDPR: %q", fs[0].Message)
			}
		})
	}
}
