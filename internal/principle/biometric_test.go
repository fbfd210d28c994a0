package principle

import (
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
  - face_recognition
`

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
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "capability device_tracking (following phones and other devices by Wi-Fi or Bluetooth) is biometric surveillance"},
			{"biometric-ban", "VNG 2.1", finding.Error, 8, 5, "capability gait_recognition (recognising people by their gait)"},
		}},
		{name: "a retired sensor is no longer deployed", yaml: `
id: s
kind: sensor
status: retired
organisation: {name: G, type: municipality}
capabilities: [face_recognition]
`},
		{name: "police with a valid exception: a warning, as an exception to a legal duty", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-11-01
    until: 2027-06-01
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Warning, 7, 5, "exception to a legal duty (GDPR art. 9(1); AI Act art. 5(1)(h)), approved by officier van justitie on 2026-11-01 until 2027-06-01: capability face_recognition"},
		}},
		{name: "police with an expired exception: error", yaml: policeCamera + `exceptions:
  - rule: biometric-ban
    reason: Search for a missing person.
    legal_basis: Wet politiegegevens art. 9
    approved_by: officier van justitie
    approved_on: 2026-09-01
    until: 2026-10-01
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "ban in public space (the exception for this rule ended on 2026-10-01 and no longer counts)"},
			{"exception-expired", "exceptions", finding.Warning, 14, 12, "the exception to biometric-ban ended on 2026-10-01 and no longer counts"},
		}},
		{name: "police without a legal basis: the exception does not count", yaml: policeCamera + `exceptions:
  - {rule: biometric-ban, reason: Search., approved_by: officier van justitie, approved_on: 2026-11-01, until: 2027-06-01}
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 7, 5, "(the exception at exceptions[0] does not count: it lacks a specific legal basis (legal_basis))"},
		}},
		{name: "only the police may be excepted", yaml: `
id: cam
kind: sensor
status: active
organisation: {name: G, type: municipality}
capabilities: [face_recognition]
exceptions:
  - {rule: biometric-ban, reason: Safety., legal_basis: APV, approved_by: college, approved_on: 2026-11-01, until: 2027-06-01}
`, want: []want{
			{"biometric-ban", "VNG 2.1", finding.Error, 5, 16, "does not count: it lacks an operator of type police (only the police may be excepted from the ban))"},
		}},
	})
}
