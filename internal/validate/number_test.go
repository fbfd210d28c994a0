package validate

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
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
		}, 19, 24, `"PT99999999999999999999H" is too long a duration`, "at most P100000Y", "te lange duur"},
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
			// An evaluation interval counts whole days: its help offers
			// no hours.
			if help := fs[0].Help.In("en"); strings.HasPrefix(tt.name, "evaluation interval") && strings.Contains(help, "hours") {
				t.Errorf("help %q offers hours for an evaluation interval", help)
			}
		})
	}
}

// A record's evaluation interval is refused what register.yaml refuses an
// interval: hours, minutes or seconds (an evaluation falls due on a day),
// and no time at all, at the field's line and column, in both languages.
// Before, PT48H made a record due two days after its last evaluation and
// P0D passed for the configured interval unremarked.
func TestEvaluationIntervalsCountWholeDays(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	base := minimalSensor(t)
	interval := func(iv string) func(string) string {
		return func(s string) string {
			return strings.Replace(s, "evaluation: {}", "evaluation: {interval: "+iv+"}", 1)
		}
	}
	tests := []struct {
		name      string
		edit      func(string) string
		message   string
		messageNL string
	}{
		{"hours", interval("PT48H"), `evaluation.interval: "PT48H" gives hours, minutes or seconds; an evaluation interval counts only whole days, weeks, months or years`,
			`evaluation.interval: "PT48H" geeft uren, minuten of seconden`},
		{"a day and hours", interval("P1DT12H"), `"P1DT12H" gives hours, minutes or seconds`, `"P1DT12H" geeft uren`},
		{"zero days", interval("P0D"), `evaluation.interval: "P0D" is no time at all; an evaluation interval is at least one day`,
			`evaluation.interval: "P0D" is helemaal geen tijd`},
		{"zero of each", interval("P0Y0M0D"), `"P0Y0M0D" is no time at all`, "helemaal geen tijd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := validateText(t, v, tt.edit(base), record.Sensor)
			if len(fs) != 1 {
				t.Fatalf("want one finding %q, got %d: %+v", tt.message, len(fs), fs)
			}
			wantSchemaProblem(t, fs[0], 19, 24, tt.message, "such as P1Y", tt.messageNL)
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

// The schema's pattern of an evaluation interval ($defs/interval) takes
// what period.ParseInterval takes, of the durations the schema takes at
// all: the record's interval, register.yaml's and the due dates count
// the same ones.
func TestIntervalPatternAgreesWithTheReading(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if v.interval == "" {
		t.Fatal("common.schema.json has no $defs/interval pattern")
	}
	interval := regexp.MustCompile(v.interval)
	duration := durationFormat()
	inputs := []string{"P1Y", "P0Y6M", "P1DT0H", "P1DT0.0H", "P1YT0M0S", "PT0H", "P0DT0H", "P1DT1H", "PT48H", "P0D", "P00W", "P090D"}
	rnd := rand.New(rand.NewPCG(5, 6))
	const alphabet = "PYMWDTHS0012.9"
	for range 50000 {
		b := []byte{'P'}
		for range 1 + rnd.IntN(8) {
			b = append(b, alphabet[rnd.IntN(len(alphabet))])
		}
		inputs = append(inputs, string(b))
	}
	agreed, taken := 0, 0
	for _, in := range inputs {
		if duration.Validate(in) != nil {
			continue // no duration: the format's to refuse
		}
		agreed++
		_, err := period.ParseInterval(in)
		if got, want := interval.MatchString(in), err == nil; got != want {
			t.Errorf("%q: the pattern takes it %v, period.ParseInterval %v (%v)", in, got, want, err)
		}
		if err == nil {
			taken++
		}
	}
	if taken == 0 || taken == agreed {
		t.Errorf("%d of %d durations are intervals: the inputs do not test it", taken, agreed)
	}
}
