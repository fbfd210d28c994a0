package validate

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

func minimalSensor(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../schema/testdata/sensor-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func validateText(t *testing.T, v *Validator, text string, k record.Kind) []finding.Finding {
	t.Helper()
	doc, fs := source.Parse("sensors/x.yaml", []byte(text), source.DefaultLimits)
	if fs != nil {
		t.Fatalf("parse: %v", fs)
	}
	return v.Validate(doc, k)
}

func TestFindingsSayWhatAndWhere(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	base := minimalSensor(t)
	tests := []struct {
		name      string
		edit      func(string) string
		line, col int
		message   string
		help      string
		messageNL string // in Dutch
	}{
		{"typo'd key at the top", func(s string) string { return s + "nmae: Extra\n" }, 25, 1,
			`unknown field "nmae"`, `did you mean "name"?`, `onbekend veld "nmae"`},
		{"typo'd key nested", func(s string) string {
			return strings.Replace(s, "  email: lucht@", "  emial: lucht@", 1)
		}, 13, 3, `unknown field "emial" in owner`, `did you mean "email"?`, `onbekend veld "emial" in owner`},
		{"missing key at the top points at the record", func(s string) string {
			return strings.Replace(s, "purpose: Weten hoe schoon de lucht bij het station is.\n", "", 1)
		}, 3, 1, `missing required field "purpose"`, `add "purpose"`, `verplicht veld "purpose" ontbreekt`},
		{"missing nested key points at its mapping", func(s string) string {
			return strings.Replace(s, "  email: lucht@voorbeeldstad.example\n", "", 1)
		}, 12, 3, `missing required field "email" in owner`, `add "email"`, `verplicht veld "email" ontbreekt in owner`},
		{"wrong type", func(s string) string {
			return strings.Replace(s, "capabilities: [environmental_measurement]", "capabilities: environmental_measurement", 1)
		}, 21, 15, "capabilities must be a list, not text", "write a list", "capabilities moet een lijst zijn, niet tekst"},
		{"enum typo", func(s string) string { return strings.Replace(s, "status: active", "status: actve", 1) }, 7, 9,
			`status has value "actve", which is not allowed`, `did you mean "active"?`, `status heeft de waarde "actve", die niet is toegestaan`},
		{"impossible date", func(s string) string { return strings.Replace(s, "start: 2025-03-01", "start: 2025-02-30", 1) }, 18, 10,
			`lifecycle.start: "2025-02-30" is not a valid date (YYYY-MM-DD)`, "a date that exists", `lifecycle.start: "2025-02-30" is geen geldige datum (JJJJ-MM-DD)`},
		{"one of two forms", func(s string) string { return s + "retention: forever\n" }, 25, 12,
			`retention: "forever" is not allowed`, `write an ISO 8601 duration (like P1Y, P6M or P90D), or "not_stored"`,
			`retention: "forever" is niet toegestaan`},
		{"bad id", func(s string) string { return strings.Replace(s, "id: lucht-stationsplein", "id: Lucht_Station", 1) }, 3, 5,
			`id "Lucht_Station" is not a valid id`, "lower-case letters", `id "Lucht_Station" is geen geldig id`},
		{"blank text", func(s string) string { return strings.Replace(s, "name: Luchtmeter Stationsplein", `name: "   "`, 1) }, 5, 7,
			"name is blank", "fill it in", "name bevat alleen witruimte"},
		{"kind of the wrong folder", func(s string) string { return strings.Replace(s, "kind: sensor", "kind: algorithm", 1) }, 4, 7,
			`kind must be "sensor", not "algorithm"`, "must match its folder", `kind moet "sensor" zijn, niet "algorithm"`},
		{"fixed sensor without a point", func(s string) string {
			return strings.Replace(s, "  point: {lat: 52.0907, lon: 5.1214}\n", "", 1)
		}, 23, 3, `location needs one of "point" or "point_rd"`, "add one of them", `location heeft een van deze velden nodig: "point" of "point_rd"`},
		{"latitude out of range", func(s string) string { return strings.Replace(s, "lat: 52.0907", "lat: 152.0907", 1) }, 24, 16,
			"location.point.lat must be at most 90, not 152.0907", "correct the number", "location.point.lat mag hoogstens 90 zijn, niet 152.0907"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := validateText(t, v, tt.edit(base), record.Sensor)
			// A renamed key is both unknown and missing: both are reported.
			fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return !strings.Contains(f.Message.In("en"), tt.message) })
			if len(fs) != 1 {
				t.Fatalf("want one finding %q, got %d: %+v", tt.message, len(fs), fs)
			}
			wantSchemaProblem(t, fs[0], tt.line, tt.col, tt.message, tt.help, tt.messageNL)
		})
	}
}

// wantSchemaProblem checks that f is a schema error in sensors/x.yaml at
// line and col, whose message holds message (in Dutch messageNL) and whose
// help holds help, with a help of its own in Dutch.
func wantSchemaProblem(t *testing.T, f finding.Finding, line, col int, message, help, messageNL string) {
	t.Helper()
	if f.Rule != finding.RuleSchema || f.Severity != finding.Error || f.File != "sensors/x.yaml" {
		t.Errorf("finding %+v", f)
	}
	if f.Line != line || f.Column != col {
		t.Errorf("at %d:%d, want %d:%d (%s)", f.Line, f.Column, line, col, f.Message.In("en"))
	}
	if !strings.Contains(f.Message.In("en"), message) {
		t.Errorf("message %q, want %q", f.Message.In("en"), message)
	}
	if !strings.Contains(f.Help.In("en"), help) {
		t.Errorf("help %q, want %q", f.Help.In("en"), help)
	}
	if !strings.Contains(f.Message.In("nl"), messageNL) || f.Help.In("nl") == "" || f.Help.In("nl") == f.Help.In("en") {
		t.Errorf("in Dutch %q, %q; want %q and a Dutch help", f.Message.In("nl"), f.Help.In("nl"), messageNL)
	}
}

func TestValidRecordsHaveNoFindings(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for file, k := range map[string]record.Kind{
		"sensor-minimal.yaml": record.Sensor, "sensor-full.yaml": record.Sensor,
		"algorithm-minimal.yaml": record.Algorithm, "algorithm-full.yaml": record.Algorithm,
	} {
		b, err := os.ReadFile("../../schema/testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if fs := validateText(t, v, string(b), k); len(fs) != 0 {
			t.Errorf("%s: %+v", file, fs)
		}
	}
}

func TestSeveralProblemsAreAllReported(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("status: active", "status: actve", "start: 2025-03-01", "start: 2025-02-30").Replace(minimalSensor(t)) + "nmae: x\n"
	fs := validateText(t, v, text, record.Sensor)
	if len(fs) != 3 {
		t.Fatalf("got %d findings: %+v", len(fs), fs)
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"name", "summary", "status", "owner", "purpose"}
	for in, want := range map[string]string{"nmae": "name", "stauts": "status", "ownr": "owner", "purpse": "purpose", "xyzzy": "", "Name": "name"} {
		if got := closest(in, cands); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestARecordThatIsNotAMapping(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"- id: a\n- kind: sensor\n", "\"Camera op de Markt\"\n", "42\n", "[]\n"} {
		fs := validateText(t, v, text, record.Sensor)
		if len(fs) != 1 || fs[0].Line != 1 || fs[0].Column != 1 || !strings.Contains(fs[0].Message.In("en"), "a record is a mapping of fields") ||
			!strings.Contains(fs[0].Help.In("en"), "start with 'id: ...'") {
			t.Errorf("%q: %+v", text, fs)
		}
	}
}

func TestMissingFieldsAtOnePlaceAreOneFinding(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fs := validateText(t, v, "id: kaal\nname: Kaal\n", record.Sensor)
	if len(fs) != 1 {
		t.Fatalf("%d findings: %+v", len(fs), fs)
	}
	// In the schema's order, as an editor shows them.
	if fs[0].Message.In("en") != `missing required fields "kind", "summary", "status", "organisation", "owner", "purpose", "personal_data", "lifecycle", "evaluation", "sensor_type", "capabilities" and "location"` {
		t.Errorf("message %q", fs[0].Message.In("en"))
	}
}

// TestFingerprintWithoutCompiling: the fingerprint a run keys its cache
// by before the schemas are compiled is the compiled validator's.
func TestFingerprintWithoutCompiling(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Fingerprint()
	if err != nil || got != v.Fingerprint() {
		t.Errorf("Fingerprint() = %q, %v; the compiled validator's is %q", got, err, v.Fingerprint())
	}
}

// TestRegexpsOnceCompilesEachPatternOnce: the engine the schemas are
// compiled with gives a pattern it met before as it compiled it then, a
// pattern it did not as its own, and refuses one that does not compile,
// each time: the meta-schema's check of a pattern asks for it.
func TestRegexpsOnceCompilesEachPatternOnce(t *testing.T) {
	engine := regexpsOnce()
	first, err := engine(`^https?://`)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := engine(`^https?://`)
	other, _ := engine(`^[0-9]{8}$`)
	if first != again {
		t.Error("a pattern met again was compiled again")
	}
	if other == first || !other.MatchString("12345678") || other.MatchString("https://a") || !first.MatchString("https://a") {
		t.Error("another pattern was given the first one's")
	}
	for range 2 {
		if _, err := engine(`(`); err == nil {
			t.Error("a pattern that does not compile was taken")
		}
	}
}
