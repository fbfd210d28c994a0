package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// A duration too long to compute with (past P100000Y) is not a duration
// the checklist passes over: an evaluation interval of a million years
// makes the record never due, a retention or a correction term of one is
// longer than any the law allows. Before, each such rule found the
// duration unreadable and said nothing (or "not a duration").
func TestDurationsTooLongToCompute(t *testing.T) {
	tests := []struct {
		rule string
		yaml string
		want []want
	}{
		{"evaluation-lapsed", `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: P1000000Y}
`, []want{{"evaluation-lapsed", "VNG III", finding.Warning, 5, 24, "evaluation interval P1000000Y is too long to compute with (at most P100000Y): the record would never be due for evaluation, while P4Y applies to this kind of record"}}},
		{"evaluation-lapsed", `
id: s
kind: sensor
status: planned
lifecycle: {start: 2026-01-01}
evaluation: {interval: PT99999999999999999999H}
`, []want{{"evaluation-lapsed", "VNG III", finding.Warning, 5, 24, "evaluation interval PT99999999999999999999H is too long to compute with"}}},
		{"evaluation-lapsed", `
id: s
kind: sensor
sensor_type: camera
camera_regime: public_order
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: P9223372036854775807D}
`, []want{{"evaluation-lapsed", "C-camera-yearly", finding.Warning, 7, 24, "evaluation interval P9223372036854775807D is too long to compute with (at most P100000Y): the record would never be due for evaluation, while P1Y applies"}}},
		// The longest that reads is a long interval, as it was.
		{"evaluation-lapsed", `
id: s
kind: sensor
status: active
lifecycle: {start: 2026-01-01}
evaluation: {interval: P100000Y}
`, []want{{"evaluation-lapsed", "VNG III", finding.Warning, 5, 24, "evaluation interval P100000Y is longer than the P4Y that applies"}}},
		{"retention", `
id: s
kind: sensor
personal_data: {processed: yes}
retention: P99999999999Y
`, []want{{"retention", "VNG V", finding.Warning, 4, 12, `retention "P99999999999Y" is too long to compute with (at most P100000Y)`}}},
		{"camera-retention", `
id: c
kind: sensor
retention: P1000000Y
sensor_type: camera
camera_regime: public_order
`, []want{{"camera-retention", "VNG V", finding.Error, 3, 12, "public-order camera images are kept for P1000000Y, longer than the four weeks the law allows"}}},
		{"correction-route", personalSensor + "correction: {route: Mail., email: a@voorbeeldstad.example, term: P1000000Y}\n",
			[]want{{"correction-route", "C-correction-desk", finding.Error, 6, 66, "a correction takes P1000000Y, longer than the three months the GDPR allows at most"}}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			match(t, only(t, tt.rule, nil, nil, testToday, tt.yaml[1:]), tt.want)
		})
	}
}
