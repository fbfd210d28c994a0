package principle

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// banned are the capabilities that follow individuals or identify them by
// their body (VNG 2.1), each with what it means in English and in Dutch.
// Counting people and reading licence plates are not among them.
var banned = map[string][2]string{
	"face_recognition":         {"facial recognition", "gezichtsherkenning"},
	"biometric_identification": {"biometric identification", "biometrische identificatie"},
	"person_tracking":          {"following individuals", "personen volgen"},
	"re_identification":        {"re-identifying individuals", "personen herkennen (her-identificatie)"},
	"emotion_recognition":      {"emotion recognition", "emotieherkenning"},
	"gait_recognition":         {"recognising people by their gait", "mensen herkennen aan hun manier van lopen"},
	"device_tracking":          {"following phones and other devices by Wi-Fi or Bluetooth", "telefoons en andere apparaten volgen via wifi of bluetooth"},
}

const biometricBanID = "biometric-ban"

// bannedByLaw are the banned capabilities the law itself forbids, with the
// articles: identifying people by their face, body or gait processes
// biometric data that GDPR art. 9(1) forbids without an exception ground a
// municipality does not have in public space, and real-time remote
// identification in public space is a prohibited practice (AI Act art.
// 5(1)(h)). The other banned capabilities (following people or phones,
// re-identifying them by their clothes, emotion recognition outside work
// and education) are banned by VNG principle 2.1, a policy choice a
// municipality could make differently: biometric-ban is law for the first
// and policy for the rest, so configuration changes only the rest.
var bannedByLaw = map[string]Law{
	"face_recognition":         lawBiometric,
	"biometric_identification": lawBiometric,
	"gait_recognition":         lawBiometric,
}

var biometricBan = &Rule{
	ID: biometricBanID, Ref: "VNG 2.1", Default: finding.Error, Covers: []string{"C-no-live-face"},
	Law: lawBiometric, LawScope: "for identifying people by their face, body or gait", LawScopeNL: "voor het herkennen van mensen aan hun gezicht, lichaam of manier van lopen",
	TitleNL: "Geen biometrische surveillance", TitleEN: "No biometric surveillance",
	WhyNL:   "Gemeenten volgen in de openbare ruimte nooit individuele mensen en gebruiken geen biometrische surveillance zoals gezichtsherkenning (VNG-principe 2.1; ook de programma-afspraak tegen live gezichtsherkenning). Alleen de politie mag hiervan afwijken, en dan alleen met een specifieke wettelijke grondslag.",
	WhyEN:   "Municipalities never follow individuals in public space and do not use biometric surveillance such as facial recognition (VNG principle 2.1; also the programme commitment against live facial recognition). Only the police may deviate, and only on a specific legal basis.",
	Satisfy: "The sensor lists none of face_recognition, biometric_identification, person_tracking, re_identification, emotion_recognition, gait_recognition and device_tracking. For a police sensor only: an approved exception (rule: biometric-ban) with a reason, legal_basis, approved_by, approved_on and until, on a record whose organisation.type is police.",
	Example: `capabilities: [video_recording, people_counting]   # counting is allowed

# the police exception:
organisation: {name: Politie Eenheid Midden-Nederland, type: police}
exceptions:
  - rule: biometric-ban
    reason: searching for a missing person during the event
    legal_basis: "Wet politiegegevens art. 9; order of the public prosecutor"
    approved_by: officier van justitie
    approved_on: 2026-11-01
    until: 2026-12-01`,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if r.Kind != record.Sensor || retired(r) {
			return nil
		}
		var fs []finding.Finding
		for i, c := range r.Capabilities {
			what, ok := banned[c]
			if !ok {
				continue
			}
			f := at(index("capabilities", i),
				en(fmt.Sprintf("capability %s (%s) is biometric surveillance, which the principles ban in public space", c, what[0]),
					"remove the capability and switch it off on the device (a counting camera counts on the device and keeps no images); only the police may use it, with an approved exception that states its legal basis"),
				nl(fmt.Sprintf("De sensor kan %s (%s). Dat is biometrische surveillance, en die is volgens de principes verboden in de openbare ruimte.", what[1], c),
					"Haal deze mogelijkheid uit capabilities en zet haar uit op het apparaat (een telcamera telt in het apparaat zelf en bewaart geen beelden). Alleen de politie mag dit gebruiken, met een goedgekeurde uitzondering waarin de wettelijke grondslag staat."))
			if law, ok := bannedByLaw[c]; ok {
				f = lawful(f, law)
			}
			fs = append(fs, f)
		}
		return fs
	},
	ExceptionNeeds: func(r *record.Record, ex record.Exception) (string, string) {
		var need, nodig []string
		if strings.TrimSpace(ex.LegalBasis) == "" {
			need = append(need, "a specific legal basis (legal_basis)")
			nodig = append(nodig, "een specifieke wettelijke grondslag (legal_basis)")
		}
		if r.Organisation.Type != "police" {
			need = append(need, "an operator of type police (only the police may be excepted from the ban)")
			nodig = append(nodig, "de politie als organisatie (alleen de politie mag een uitzondering op het verbod krijgen)")
		}
		return joinAnd(need), joinEn(nodig)
	},
}
