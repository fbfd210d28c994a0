package quality

import (
	"bytes"
	"encoding/json"
	"github.com/voorbeeldstad/register/internal/finding"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// A complete sensor, one with the template's marks and no evaluation for
// six years, and an algorithm.
const (
	good = `id: teller
kind: sensor
name: Teller
summary: Zes tellers tellen voetgangers.
purpose: Drukte zien.
status: active
organisation: {name: Gemeente Heidebeek, type: municipality}
owner: {role: Teamleider, email: mobiliteit@heidebeek.nl}
personal_data: {processed: no}
lifecycle: {start: 2025-01-01, end: 2027-01-01}
sensor_type: people_counter
capabilities: [people_counting]
data_sharing:
  - {party: Provincie}
  - {party: Waterschap, purpose: Peil}
`
	stale = `id: oud
kind: sensor
name: Oude meter (vul in)
status: active
organisation: {name: Gemeente Heidebeek, type: municipality}
owner: {role: Beheerder, email: vul-in@gemeente.example}
personal_data: {processed: no}
lifecycle: {start: 2018-01-01}
sensor_type: water_level
capabilities: [measurement]
`
	alg = `id: route
kind: algorithm
name: Routes
summary: Een programma plant routes.
status: planned
organisation: {name: Gemeente Heidebeek, type: municipality}
owner: {role: Teamleider, email: afval@heidebeek.nl}
personal_data: {processed: no}
algorithm_type: rule_based
`
)

func newRegister(t *testing.T, cfgText string, texts ...string) *register.Register {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*record.Record
	for _, text := range texts {
		doc, fs := source.Parse("r.yaml", []byte(text), source.DefaultLimits)
		if doc == nil {
			t.Fatalf("parse: %v", fs)
		}
		r := &record.Record{}
		if err := doc.Root.Decode(r); err != nil {
			t.Fatal(err)
		}
		r.File = r.Kind.Folder() + "/" + r.ID + ".yaml"
		recs = append(recs, r)
	}
	return register.New(dir, cfg, recs)
}

func measure(t *testing.T, cfgText string, changed map[string]time.Time) Report {
	t.Helper()
	reg := newRegister(t, cfgText, good, stale, alg)
	fs := principle.Run(reg, principle.Options{Today: today})
	return Measure(Input{Register: reg, Findings: fs, Today: today, Changed: changed, HistoryNote: label.Text{"", "no history here"}})
}

func field(r Report, kind record.Kind, path string) Field {
	i := slices.IndexFunc(r.Fields, func(f Field) bool { return f.Kind == kind && f.Path == path })
	if i < 0 {
		return Field{}
	}
	return r.Fields[i]
}

func TestFillRatePerField(t *testing.T) {
	r := measure(t, "", nil)
	tests := []struct {
		kind       record.Kind
		path       string
		filled, of int
	}{
		{record.Sensor, "name", 2, 2},
		{record.Sensor, "summary", 1, 2},
		{record.Sensor, "lifecycle.end", 1, 2},
		{record.Sensor, "data_sharing.party", 1, 2},
		{record.Sensor, "data_sharing.purpose", 1, 2}, // any item that fills it counts
		{record.Sensor, "data_sharing.end", 0, 2},
		{record.Sensor, "personal_data.processed", 2, 2}, // "no" is an answer
		{record.Algorithm, "summary", 1, 1},
		{record.Algorithm, "purpose", 0, 1},
	}
	for _, tt := range tests {
		f := field(r, tt.kind, tt.path)
		if f.Path == "" {
			t.Errorf("%s %s: not among the fields", tt.kind, tt.path)
			continue
		}
		if f.Filled != tt.filled || f.Of != tt.of {
			t.Errorf("%s %s: %d/%d, want %d/%d", tt.kind, tt.path, f.Filled, f.Of, tt.filled, tt.of)
		}
	}
	if f := field(r, record.Sensor, "sensor_type"); f.Rate() != 1 {
		t.Errorf("sensor_type rate %v", f.Rate())
	}
	if f := field(r, record.Algorithm, "sensor_type"); f.Path != "" {
		t.Error("an algorithm has no sensor_type in the schema")
	}
}

func TestPrincipleShare(t *testing.T) {
	r := measure(t, "", nil)
	get := func(ref string) Principle {
		i := slices.IndexFunc(r.Principles, func(p Principle) bool { return p.Principle == ref })
		if i < 0 {
			t.Fatalf("no principle %s", ref)
		}
		return r.Principles[i]
	}
	// The placeholder rule (VNG 4.1) finds marks in one record of three.
	if p := get("VNG 4.1"); p.Clean != 2 || p.Of != 3 || !slices.Contains(p.Rules, "placeholder") {
		t.Errorf("VNG 4.1: %+v", p)
	}
	// The old meter's evaluation lapsed (VNG III).
	if p := get("VNG III"); p.Clean != 2 || p.Of != 3 {
		t.Errorf("VNG III: %+v", p)
	}
}

// A principle's share counts only the records it applies to: an algorithm
// or a water meter does not pass the camera commitment, it is not counted.
func TestPrincipleShareCountsApplicableRecords(t *testing.T) {
	camera := `id: cam
kind: sensor
name: Camera
status: active
organisation: {name: Gemeente Heidebeek, type: municipality}
owner: {role: Burgemeester, email: veiligheid@heidebeek.nl}
personal_data: {processed: "yes"}
lifecycle: {start: 2026-01-01, end: 2027-01-01}
sensor_type: camera
camera_regime: public_order
retention: P28D
`
	reg := newRegister(t, "", good, stale, alg, camera)
	r := Measure(Input{Register: reg, Findings: principle.Run(reg, principle.Options{Today: today}), Today: today})
	for _, tt := range []struct {
		ref       string
		clean, of int
	}{
		{"C-camera-temporary", 1, 1},  // the camera alone, not the two other sensors or the algorithm
		{"C-sharing-temporary", 0, 1}, // only the counter shares data, with no end
		{"VNG 3.5", 0, 0},             // no self-learning algorithm
		{"VNG 4.1", 3, 4},             // every record
	} {
		i := slices.IndexFunc(r.Principles, func(p Principle) bool { return p.Principle == tt.ref })
		if i < 0 {
			t.Errorf("no principle %s", tt.ref)
			continue
		}
		if p := r.Principles[i]; p.Clean != tt.clean || p.Of != tt.of {
			t.Errorf("%s: %d/%d, want %d/%d", tt.ref, p.Clean, p.Of, tt.clean, tt.of)
		}
	}
	// The same register, the camera's file breaking the format: it counts
	// for the principles it concerns, and passes none.
	schema := finding.Finding{File: "sensors/cam.yaml", Record: "cam", Rule: finding.RuleSchema, Severity: finding.Error, Path: "/lifecycle/end"}
	broken := Measure(Input{Register: reg, Findings: append(principle.Run(reg, principle.Options{Today: today}), schema), Today: today})
	if i := slices.IndexFunc(broken.Principles, func(p Principle) bool { return p.Principle == "C-camera-temporary" }); i < 0 || broken.Principles[i].Clean != 0 || broken.Principles[i].Of != 1 {
		t.Errorf("a camera whose file breaks the format counts as passing C-camera-temporary: %+v", broken.Principles)
	}
	for _, lang := range []string{"nl", "en"} {
		r.TextLanguage = lang
		var b bytes.Buffer
		if err := Write(&b, "text", r); err != nil {
			t.Fatal(err)
		}
		head := map[string]string{"nl": "(van de registraties waarvoor het geldt)", "en": "(of the records it applies to)"}[lang]
		if !strings.Contains(b.String(), head) {
			t.Errorf("%s: the heading does not say what is counted:\n%s", lang, b.String())
		}
		if !strings.Contains(b.String(), "   –  VNG 3.5") {
			t.Errorf("%s: a principle that applies to no record shows a share:\n%s", lang, b.String())
		}
	}
}

func TestStaleRecords(t *testing.T) {
	changed := map[string]time.Time{
		"sensors/teller.yaml":   today.AddDate(-1, 0, 0),
		"sensors/oud.yaml":      today.AddDate(-4, 0, -1),
		"algorithms/route.yaml": today.AddDate(-4, 0, 0), // exactly a term: not over it
	}
	r := measure(t, "", changed)
	if len(r.Stale) != 1 || r.Stale[0].ID != "oud" || r.Stale[0].Changed != "2022-11-23" {
		t.Errorf("stale %+v", r.Stale)
	}
	if !r.HistoryNote.IsZero() {
		t.Errorf("note %q with history", r.HistoryNote)
	}
	// Without history the figure is unknown, not zero.
	r = measure(t, "", nil)
	if r.Stale != nil || r.HistoryNote.In("en") != "no history here" {
		t.Errorf("without history: %+v, %q", r.Stale, r.HistoryNote)
	}
	var b bytes.Buffer
	if err := Write(&b, "text", r); err != nil || !strings.Contains(b.String(), "not known: no history here") {
		t.Errorf("text without history: %v\n%s", err, b.String())
	}
}

func TestOverdueEvaluations(t *testing.T) {
	r := measure(t, "", nil)
	// Started 2018-01-01, never evaluated, every four years: due 2022-01-01.
	want := []Overdue{{ID: "oud", Due: "2022-01-01", Days: int(today.Sub(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)}}
	if !slices.Equal(r.Overdue, want) {
		t.Errorf("overdue %+v, want %+v", r.Overdue, want)
	}
}

func TestSwitchedOffRules(t *testing.T) {
	r := measure(t, "rules:\n  security-audit: {severity: off, reason: Geen budget}\n  camera-retention: off\n  plain-language: info\n", nil)
	got := map[string]Deviation{}
	for _, d := range r.SwitchedOff {
		got[d.Rule] = d
	}
	if d := got["security-audit"]; d.Severity != "off" || d.Reason != "Geen budget" || d.Refused || !strings.HasPrefix(d.Where, "register.yaml:2:") {
		t.Errorf("security-audit: %+v", d)
	}
	if d := got["camera-retention"]; !d.Refused {
		t.Errorf("camera-retention follows from law, its setting is refused: %+v", d)
	}
	if d := got["plain-language"]; d.Severity != "info" {
		t.Errorf("lowered: %+v", d)
	}
	if len(r.SwitchedOff) != 3 {
		t.Errorf("%d deviations", len(r.SwitchedOff))
	}
	if r := measure(t, "", nil); len(r.SwitchedOff) != 0 {
		t.Errorf("defaults: %+v", r.SwitchedOff)
	}
}

func TestPlaceholders(t *testing.T) {
	r := measure(t, "", nil)
	if len(r.Placeholders) != 1 || r.Placeholders[0].ID != "oud" || r.Placeholders[0].Marks != 2 {
		t.Errorf("placeholders %+v", r.Placeholders)
	}
}

func TestFormats(t *testing.T) {
	r := measure(t, "", nil)
	var b bytes.Buffer
	if err := Write(&b, "json", r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Records int
		Fields  []struct {
			Kind, Path string
			Filled, Of int
			Rate       float64
		}
		Stale        []Stale
		HistoryNote  string `json:"history_note"`
		Placeholders []Placeholder
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(got.Fields, func(f struct {
		Kind, Path string
		Filled, Of int
		Rate       float64
	}) bool {
		return f.Kind == "sensor" && f.Path == "summary"
	})
	if got.Records != 3 || i < 0 || got.Fields[i].Rate != 0.5 || got.Stale != nil || got.HistoryNote == "" || len(got.Placeholders) != 1 {
		t.Errorf("json: %s", b.String())
	}
	b.Reset()
	if err := Write(&b, "text", r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 records", " 50%  summary", "oud  due 2022-01-01", "oud  2 marks"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
	if err := Write(&b, "xml", r); err == nil {
		t.Error("an unknown format is accepted")
	}
}

// TestHTMLPage: the page draws its bars in SVG, needs no script, and
// escapes what the configuration says.
func TestHTMLPage(t *testing.T) {
	r := measure(t, "rules:\n  security-audit: {severity: off, reason: \"<script>alert(1)</script>\"}\n", nil)
	var b bytes.Buffer
	if err := Write(&b, "html", r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"`,
		`>VNG 4.1</text>`,
		// VNG 4.1: two records of three without placeholders, a bar of 200 of 300 points.
		`width="200" height="16" fill="#b35806"/><text x="566" y="`,
		"Ingevulde velden: sensor (2)",
		"Niet bekend: no history here",
		"oud: moest op 2022-01-01",
		"&lt;script&gt;alert(1)&lt;/script&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") {
		t.Error("the page has a script")
	}
}

// fieldsByMaps is how fields counted before it read the JSON in one pass:
// each record decoded into maps, each field looked up with filled. The
// scan must count the same.
func fieldsByMaps(recs []*record.Record) []Field {
	var out []Field
	for _, k := range record.Kinds {
		var maps []map[string]any
		for _, r := range recs {
			if r.Kind != k {
				continue
			}
			data, _ := json.Marshal(r)
			var m map[string]any
			if json.Unmarshal(data, &m) == nil {
				maps = append(maps, m)
			}
		}
		for _, f := range publish.Fields(k) {
			if !f.Leaf {
				continue
			}
			n := 0
			for _, m := range maps {
				if filled(m, strings.Split(f.Path, ".")) {
					n++
				}
			}
			out = append(out, Field{Kind: k, Path: f.Path, Filled: n, Of: len(maps)})
		}
	}
	return out
}

func TestFieldsCountAsDecodedJSONWould(t *testing.T) {
	dir := t.TempDir()
	if err := testgen.Write(dir, 300, 5); err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs := res.Register.Records
	bundled, err := load.Register(filepath.Join("..", "..", "register"), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs = append(recs, bundled.Register.Records...)
	// Texts that are blank only once decoded, or hold what JSON escapes.
	no := false
	recs = append(recs,
		&record.Record{ID: "leeg", Kind: record.Sensor, Name: "\\u00a0 \t\n", Summary: "\u00a0\u2028", Purpose: `<"a"> & \ b`,
			Capabilities: []string{" ", ""}, Datasets: []record.Dataset{{Name: "\n"}, {Name: "x", PersonalData: &no}},
			Location: &record.Location{Description: " "}, Quantity: 0},
		&record.Record{ID: "kaal", Kind: record.Algorithm},
	)
	got, want := fields(recs, nil), fieldsByMaps(recs)
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("%s %s: scan counts %d of %d, decoded JSON %d of %d", want[i].Kind, want[i].Path, got[i].Filled, got[i].Of, want[i].Filled, want[i].Of)
			}
		}
		t.Fatalf("%d fields counted, want %d", len(got), len(want))
	}
}

// The scan refuses what is not one JSON object, and never panics on it.
func TestFilledPathsHostile(t *testing.T) {
	for _, in := range []string{``, `[]`, `"x"`, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,}`, `{"a":tru}`, `{"a":"x}`, `{"a":[1,}`, `{"a":{"b":nul}}`, `{} x`, `{"a":"\u00"}`} {
		if filledPaths([]byte(in), func([]byte) {}) {
			t.Errorf("%q read as an object", in)
		}
	}
	var got []string
	if !filledPaths([]byte(`{"a":{"b":[{"c":" "},{"c":"x"}],"d":[]},"e":null,"f":0,"g":false,"h":{},"i":"\n"}`), func(p []byte) { got = append(got, string(p)) }) {
		t.Fatal("a valid object refused")
	}
	if want := []string{"a", "a.b", "a.b", "a.b.c", "f", "g"}; !slices.Equal(got, want) {
		t.Errorf("marked %q, want %q", got, want)
	}
}

func BenchmarkFields(b *testing.B) {
	dir := b.TempDir()
	if err := testgen.Write(dir, 2000, 1); err != nil {
		b.Fatal(err)
	}
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	recs := res.Register.Records
	b.Run("decoded", func(b *testing.B) {
		for b.Loop() {
			fieldsByMaps(recs)
		}
	})
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			fields(recs, nil)
		}
	})
}

// The text report speaks the language it is asked for, every heading and
// line of it; the JSON keeps its English.
func TestTextInEachLanguage(t *testing.T) {
	r := measure(t, "rules:\n  security-audit: {severity: off, reason: Geen budget}\n  camera-regime: off\n", nil)
	english := []string{"Register quality on ", "Fill rate per field", "Records without findings, per principle", "Not changed in over a term",
		"not known: no Git history", "Evaluations overdue", "days late", "Rules switched off or lowered", "; reason: Geen budget",
		"; no reason given", "Placeholders", " marks ("}
	dutch := []string{"Kwaliteit van het register op ", "Vulgraad per veld", "Registraties zonder bevindingen, per principe",
		"Niet gewijzigd in meer dan een bestuursperiode", "niet bekend: geen Git-geschiedenis", "Evaluaties te laat", "dagen te laat",
		"Regels uitgezet of verlaagd", "; reden: Geen budget", "; geen reden gegeven", "Invulteksten", " keer ("}
	r.HistoryNote = label.Text{"geen Git-geschiedenis", "no Git history"}
	for _, tt := range []struct {
		lang        string
		want, other []string
	}{{"en", english, dutch}, {"nl", dutch, english}} {
		r.TextLanguage = tt.lang
		var b bytes.Buffer
		if err := Write(&b, "text", r); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: text lacks %q:\n%s", tt.lang, w, b.String())
			}
		}
		for _, o := range tt.other {
			if strings.Contains(b.String(), o) {
				t.Errorf("%s: text holds %q of the other language:\n%s", tt.lang, o, b.String())
			}
		}
		b.Reset()
		if err := Write(&b, "json", r); err != nil || strings.Contains(b.String(), "Git-geschiedenis") || strings.Contains(b.String(), "text_language") {
			t.Errorf("%s: the JSON holds Dutch or the language (%v):\n%s", tt.lang, err, b.String())
		}
	}
}

// TestCountsAreWordedForOneAndMore: "1 record", never "1 records", in both
// languages.
func TestCountsAreWordedForOneAndMore(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{message.Records.Format(message.English, 1), "1 record"},
		{message.Records.Format(message.Dutch, 1), "1 registratie"},
		{message.Records.Format(message.Dutch, 2), "2 registraties"},
		{msgOverdue.Format(message.English, 1, "2026-01-01"), "due 2026-01-01, 1 day late"},
		{msgOverdue.Format(message.Dutch, 1, "2026-01-01"), "moest op 2026-01-01, 1 dag te laat"},
		{msgOverdue.Format(message.Dutch, 12, "2026-01-01"), "moest op 2026-01-01, 12 dagen te laat"},
		{msgMarks.Format(message.English, 1, "sensors/a.yaml"), "1 mark (sensors/a.yaml)"},
		{msgMarks.Format(message.English, 3, "sensors/a.yaml"), "3 marks (sensors/a.yaml)"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// Over a public view (a federation's part), an evaluation counts as
// overdue only where the public may see it fall due: not where it rests
// on a withheld field, such as a status withheld, which leaves the dates
// to say the record is in use.
func TestOverdueOverAPublicView(t *testing.T) {
	rec := func(withheld ...string) *record.Record {
		r := &record.Record{ID: "oud", Kind: record.Algorithm, Status: "retired", File: "algorithms/oud.yaml",
			Lifecycle: record.Lifecycle{Start: "2018-01-01"}}
		if len(withheld) > 0 {
			r.Publication = &record.Publication{Withheld: withheld, Reason: "Woo"}
		}
		return publish.View(r)
	}
	for _, tt := range []struct {
		name   string
		view   *record.Record
		public bool
		want   int
	}{
		{"status withheld, public", rec("status"), true, 0},
		{"status withheld, the view measured as a register", rec("status"), false, 1},
		{"nothing withheld", func() *record.Record { r := rec(); r.Status = "active"; return r }(), true, 1},
	} {
		reg := register.New("", config.Default(), []*record.Record{tt.view})
		got := Measure(Input{Register: reg, Today: today, Public: tt.public})
		if len(got.Overdue) != tt.want {
			t.Errorf("%s: %d overdue, want %d", tt.name, len(got.Overdue), tt.want)
		}
	}
}
