package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestSwitchedOffListed: switched_off names capabilities the sensor or
// algorithm has but does not use, so each must be among capabilities; one
// that is not tells residents of a capability the record does not claim.
func TestSwitchedOffListed(t *testing.T) {
	runCases(t, "switched-off-listed", nil, []ruleCase{
		{name: "a camera whose recording is switched off", yaml: `
id: c
kind: sensor
status: active
capabilities: [video_recording, live_viewing]
switched_off: [video_recording]
`},
		{name: "a camera with nothing switched off", yaml: `
id: c
kind: sensor
status: active
capabilities: [live_viewing]
`},
		{name: "a switched-off capability the record does not list", yaml: `
id: c
kind: sensor
status: active
capabilities: [video_recording, live_viewing]
switched_off:
  - live_viewing
  - audio_recording
`, want: []want{{"switched-off-listed", "VNG 4.1", finding.Warning, 7, 5, "switched_off lists audio_recording, which is not among capabilities"}}},
		{name: "an algorithm with no capabilities and one switched off", yaml: `
id: a
kind: algorithm
status: active
switched_off: [emotion_recognition]
`, want: []want{{"switched-off-listed", "VNG 4.1", finding.Warning, 4, 16, "switched_off lists emotion_recognition, which is not among capabilities"}}},
	})
}
