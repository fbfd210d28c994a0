package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// A number the record model cannot hold exactly, and a duration too long
// to compute with, are schema errors at their line and column that say so
// and what is accepted; before, 35 nines of quantity and an evaluation
// interval of P1000000Y passed, and 1e400 was called text.
func TestNumbersAndDurationsPastWhatIsHeld(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	base := minimalSensor(t)
	add := func(yaml string) func(string) string { return func(s string) string { return s + yaml } }
	tests := []struct {
		name      string
		edit      func(string) string
		line, col int
		message   string
		help      string
		messageNL string
	}{
		{"quantity of 35 digits", add("quantity: 99999999999999999999999999999999999\n"), 25, 11,
			"quantity must be at most 9007199254740991, not 99999999999999999999999999999999999", "correct the number",
			"quantity mag hoogstens 9007199254740991 zijn, niet 99999999999999999999999999999999999"},
		{"quantity just past an int64", add("quantity: 9223372036854775808\n"), 25, 11,
			"quantity must be at most 9007199254740991, not 9223372036854775808", "correct the number",
			"quantity mag hoogstens 9007199254740991 zijn"},
		{"quantity just past what JSON holds exactly", add("quantity: 9007199254740992\n"), 25, 11,
			"at most 9007199254740991, not 9007199254740992", "correct the number", "hoogstens 9007199254740991"},
		{"quantity 1e400", add("quantity: 1e400\n"), 25, 11,
			"quantity: 1e400 is too large a number to read", "write a whole number from 1 to 9007199254740991",
			"quantity: 1e400 is een te groot getal om te lezen"},
		{"quantity with a fraction", add("quantity: 1.5\n"), 25, 11,
			"quantity must be a whole number, not 1.5", "write a whole number from 1 to 9007199254740991",
			"quantity moet een geheel getal zijn, niet 1.5"},
		{"latitude 1e400", func(s string) string { return strings.Replace(s, "lat: 52.0907", "lat: 1e400", 1) }, 24, 16,
			"location.point.lat: 1e400 is too large a number to read", "write a number from -90 to 90",
			"location.point.lat: 1e400 is een te groot getal om te lezen"},
		{"latitude of 30 digits", func(s string) string {
			return strings.Replace(s, "lat: 52.0907", "lat: 999999999999999999999999999999", 1)
		}, 24, 16, "location.point.lat must be at most 90, not 999999999999999999999999999999", "correct the number", "hoogstens 90"},
		{"evaluation interval P1000000Y", func(s string) string {
			return strings.Replace(s, "evaluation: {}", "evaluation: {interval: P1000000Y}", 1)
		}, 19, 24, `evaluation.interval: "P1000000Y" is too long a duration to compute with: each part is at most 100000`,
			"at most P100000Y", `evaluation.interval: "P1000000Y" is een te lange duur om mee te rekenen`},
		{"evaluation interval of an int64 of days", func(s string) string {
			return strings.Replace(s, "evaluation: {}", "evaluation: {interval: P9223372036854775807D}", 1)
		}, 19, 24, `"P9223372036854775807D" is too long a duration`, "at most P100000Y", "te lange duur"},
		{"evaluation interval of 20 digits of hours", func(s string) string {
			return strings.Replace(s, "evaluation: {}", "evaluation: {interval: PT99999999999999999999H}", 1)
		}, 19, 24, `"PT99999999999999999999H" is too long a duration`, "PT100000H", "te lange duur"},
		{"retention, a duration or not_stored", add("retention: P99999999999Y\n"), 25, 12,
			`retention: "P99999999999Y" is too long a duration`, "at most P100000Y", "te lange duur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := validateText(t, v, tt.edit(base), record.Sensor)
			if len(fs) != 1 {
				t.Fatalf("want one finding %q, got %d: %+v", tt.message, len(fs), fs)
			}
			wantSchemaProblem(t, fs[0], tt.line, tt.col, tt.message, tt.help, tt.messageNL)
		})
	}
}

// What the model holds, and the longest durations, pass; quoted text
// where a number is wanted is still called text.
func TestNumbersAndDurationsWithinWhatIsHeld(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	base := minimalSensor(t)
	for _, extra := range []string{"quantity: 9007199254740991\n", "quantity: 1e6\n", "quantity: 12\n",
		"retention: P100000Y\n", "retention: PT100000H\n"} {
		if fs := validateText(t, v, base+extra, record.Sensor); len(fs) != 0 {
			t.Errorf("%q: %+v", extra, fs)
		}
	}
	fs := validateText(t, v, base+"quantity: \"12\"\n", record.Sensor)
	if !slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.Message.In("en") == "quantity must be a whole number, not text" }) {
		t.Errorf("quoted quantity: %+v", fs)
	}
}
