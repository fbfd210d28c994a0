package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// TestTickOnlyWhereAssessed: a principle gets a tick on a record's page
// only when a rule assessed the record and found it fine. A public-order
// camera with an end but no start cannot be assessed as temporary, and a
// water meter is not a camera at all: neither shows "Camera's tijdelijk"
// as clean; a camera with both dates does. A retired camera is not
// assessed at all, so it shows no legal basis as met that it does not
// state; a planned camera needs no decision yet, and so shows none as
// met; human oversight is met only by an algorithm that affects people
// and says how. A camera that recognises faces shows no commitment to no
// live face recognition as met: the finding of the rule that checks it
// stands under it.
func TestTickOnlyWhereAssessed(t *testing.T) {
	var recs []*record.Record
	for _, text := range []string{`
id: cam-zonder-start
kind: sensor
name: Camera zonder start
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {end: 2050-01-01}
`, `
id: cam-met-data
kind: sensor
name: Camera met data
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-01-01, end: 2027-01-01}
`, `
id: waterpeil
kind: sensor
name: Waterpeil
status: active
sensor_type: water_level
personal_data: {processed: "no"}
lifecycle: {start: 2026-01-01, end: 2030-01-01}
`, `
id: chat
kind: algorithm
name: Chat
status: active
lifecycle: {start: 2026-01-01}
`, `
id: anpr-oud
kind: sensor
name: Oude kentekencamera
status: retired
sensor_type: anpr
camera_regime: enforcement
lifecycle: {start: 2020-01-01, end: 2025-01-01}
`, `
id: anpr-afgeschermd
kind: sensor
name: Oude kentekencamera, status niet openbaar
status: retired
sensor_type: anpr_camera
camera_regime: enforcement
lifecycle: {start: 2020-01-01, end: 2025-01-01}
publication: {public: true, withheld: [status]}
`, `
id: cam-gepland
kind: sensor
name: Geplande camera
status: planned
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2027-01-01, end: 2027-06-01}
`, `
id: rooster
kind: algorithm
name: Rooster
status: active
affects_individuals: false
lifecycle: {start: 2026-01-01}
`, `
id: toeslag
kind: algorithm
name: Toeslag
status: active
affects_individuals: true
human_oversight: Een medewerker beoordeelt elke uitkomst en beslist.
explanation: De score telt alleen gemiste afspraken.
objection: Bezwaar binnen zes weken via het loket.
lifecycle: {start: 2026-01-01}
`, `
id: cam-gezichten
kind: sensor
name: Camera met gezichtsherkenning
status: active
sensor_type: camera
camera_regime: public_order
capabilities: [face_recognition]
lifecycle: {start: 2026-01-01, end: 2027-01-01}
`} {
		r := &record.Record{}
		if err := yaml.Unmarshal([]byte(text), r); err != nil {
			t.Fatal(err)
		}
		r.File = "sensors/" + r.ID + ".yaml"
		recs = append(recs, r)
	}
	reg := register.New(t.TempDir(), nil, recs)
	var rules []Rule
	for _, r := range principle.Rules() {
		rules = append(rules, Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Covers: r.Covers, Applies: r.Applies, AppliesOn: r.AppliesOn})
	}
	check := func(reg *register.Register) []finding.Finding {
		return principle.Run(reg, principle.Options{Today: buildNow})
	}
	out, _ := build(t, reg, Options{Check: checkWith(check), Rules: rules})

	const (
		// Each ends with the link's closing quote: #vng-i is not #vng-iii.
		temporary, dpia = `principes.html#c-camera-temporary"`, `principes.html#vng-6-3"`
		basis, decision = `principes.html#vng-vi"`, `principes.html#vng-i"`
		oversight       = `principes.html#c-human-oversight"`
		noLiveFace      = `principes.html#c-no-live-face"`
	)
	for _, tt := range []struct {
		page, principle string
		ticked          bool
	}{
		{"sensoren/cam-zonder-start.html", temporary, false},
		{"sensoren/cam-met-data.html", temporary, true},
		{"sensoren/waterpeil.html", temporary, false},
		// Its DPIA finding cites VNG 6.4 (personal data only assumed),
		// and is about the DPIA all the same.
		{"algoritmes/chat.html", dpia, false},
		{"sensoren/anpr-oud.html", basis, false},
		// Withholding the status does not make it look in use.
		{"sensoren/anpr-afgeschermd.html", basis, false},
		{"sensoren/cam-gepland.html", decision, false},
		{"algoritmes/rooster.html", oversight, false},
		{"algoritmes/toeslag.html", oversight, true},
		// The biometric ban's finding is about every principle the rule
		// checks, the commitment to no live face recognition too.
		{"sensoren/cam-gezichten.html", noLiveFace, false},
		{"sensoren/cam-met-data.html", noLiveFace, true},
	} {
		page := read(t, out, tt.page)
		clean := ""
		if i := strings.Index(page, `<details class="clean">`); i >= 0 {
			clean = page[i:]
			clean = clean[:strings.Index(clean, "</details>")]
		}
		if got := strings.Contains(clean, tt.principle); got != tt.ticked {
			t.Errorf("%s: %s ticked %v, want %v", tt.page, tt.principle, got, tt.ticked)
		}
	}
	// The camera without a start says what is missing instead.
	if page := read(t, out, "sensoren/cam-zonder-start.html"); !strings.Contains(page, "De looptijd van de camera is niet te controleren") {
		t.Error("the camera without a start does not say its term could not be checked")
	}
}

// TestNoTickWhereTheFileBreaksTheFormat: a field of the wrong kind or
// shape is read as absent, and a rule may then pass where it could not
// look (a lifecycle end that is no date is never "past"). A record whose
// file has a schema finding therefore shows its findings and no tick; the
// same record without it shows its ticks. A schema finding in a field the
// record withholds is kept back, and so is the fact: the page reads as
// the clean one's, as every verdict that reads the field is kept back.
func TestNoTickWhereTheFileBreaksTheFormat(t *testing.T) {
	for _, tt := range []struct{ broken, withheld bool }{{false, false}, {true, false}, {true, true}} {
		broken := tt.broken && !tt.withheld // what the page may say
		r := &record.Record{}
		if err := yaml.Unmarshal([]byte(`
id: teller
kind: sensor
name: Teller
status: active
sensor_type: water_level
personal_data: {processed: "no"}
lifecycle: {start: 2026-01-01, end: 2026-02-30}
`), r); err != nil {
			t.Fatal(err)
		}
		r.File = "sensors/teller.yaml"
		if tt.withheld {
			r.Publication = &record.Publication{Withheld: []string{"lifecycle.end"}, Reason: "Woo"}
		}
		reg := register.New(t.TempDir(), nil, []*record.Record{r})
		var rules []Rule
		for _, r := range principle.Rules() {
			rules = append(rules, Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Covers: r.Covers, Applies: r.Applies, AppliesOn: r.AppliesOn})
		}
		opts := Options{Rules: rules, Check: checkWith(func(reg *register.Register) []finding.Finding {
			return principle.Run(reg, principle.Options{Today: buildNow})
		})}
		if tt.broken {
			opts.Findings = []finding.Finding{{File: r.File, Line: 7, Column: 36, Rule: finding.RuleSchema, Severity: finding.Error,
				Message: label.Text{"lifecycle.end is geen datum", "lifecycle.end is not a date"}, Path: "/lifecycle/end"}}
		}
		out, _ := build(t, reg, opts)
		page := read(t, out, "sensoren/teller.html")
		if ticked := strings.Contains(page, `<details class="clean">`); ticked == broken {
			t.Errorf("broken %v: ticks shown %v", broken, ticked)
		}
		if said := strings.Contains(page, "volgt het registratieformaat niet"); said != broken {
			t.Errorf("broken %v: says the file breaks the format %v", broken, said)
		}
	}
}

// TestReasonsNameNoSecret: a reason for withholding is written by hand
// and shown in public: on the home page for a record that is not public,
// beside the withheld fields of one that is, in the downloads, the search
// index and the published source. None shows the id or name of a record
// that is not public, or another record's withheld value, in any case of
// letters; and a file built before that value was withheld is built
// again, not kept.
func TestReasonsNameNoSecret(t *testing.T) {
	texts := []string{`id: cam-bunker
kind: sensor
name: Camera Bunker Oost
status: active
publication: {public: false, reason: Camera Bunker Oost beveiligt een vitaal object.}
`, `id: teller
kind: sensor
name: Teller
status: active
supplier: {name: Kluisbouw Noord BV}
publication: {public: true, withheld: [purpose], reason: Gedeeld met CAM-BUNKER.}
`, `id: meter
kind: sensor
name: Meter
status: active
publication: {public: true, withheld: [purpose], reason: Zoals bij Kluisbouw Noord BV.}
`}
	out := filepath.Join(t.TempDir(), "public")
	for step, withheld := range []string{"purpose", "supplier.name"} {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "sensors"), 0o755); err != nil {
			t.Fatal(err)
		}
		var recs []*record.Record
		for _, text := range texts {
			text = strings.Replace(text, "withheld: [purpose], reason: Gedeeld", "withheld: ["+withheld+"], reason: Gedeeld", 1)
			r := &record.Record{}
			if err := yaml.Unmarshal([]byte(text), r); err != nil {
				t.Fatal(err)
			}
			r.File = "sensors/" + r.ID + ".yaml"
			if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(r.File)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			recs = append(recs, r)
		}
		build(t, register.New(root, nil, recs), Options{Out: out})
		meter := "Zoals bij Kluisbouw Noord BV."
		secrets := []string{"Bunker", "BUNKER"}
		if step == 1 { // the supplier's name is withheld now
			meter = "Zoals bij niet openbaar."
			secrets = append(secrets, "Kluisbouw")
		}
		for page, want := range map[string]string{
			"index.html":             "niet openbaar beveiligt een vitaal object.",
			"sensoren/teller.html":   "Gedeeld met niet openbaar.",
			"sensoren/meter.html":    meter,
			"src/sensors/meter.yaml": meter,
		} {
			if got := read(t, out, page); !strings.Contains(got, want) {
				t.Errorf("step %d: %s does not say %q", step, page, want)
			}
		}
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == manifestName || d.Name() == pieceIndexName {
				return err
			}
			data, err := os.ReadFile(p)
			for _, secret := range secrets {
				if strings.Contains(string(data), secret) {
					t.Errorf("step %d: %s shows %q", step, strings.TrimPrefix(p, out), secret)
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestFindingsKeyedByEveryHiddenName: a finding's text is shown with the
// ids and names of records that are not public taken out, skipped ones (a
// bad id) included; when such a name changes, a page quoting it is built
// again, not kept from the build before.
func TestFindingsKeyedByEveryHiddenName(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for step, name := range []string{"Iets anders", "Meter Geheim"} {
		var recs []*record.Record
		for _, text := range []string{`
id: Geheim_Meter
kind: sensor
name: ` + name + `
status: active
publication: {public: false}
`, `
id: teller
kind: sensor
name: Teller
status: active
`} {
			r := &record.Record{}
			if err := yaml.Unmarshal([]byte(text), r); err != nil {
				t.Fatal(err)
			}
			r.File = "sensors/" + strings.ToLower(r.ID) + ".yaml"
			recs = append(recs, r)
		}
		quote := finding.Finding{File: "sensors/teller.yaml", Record: "teller", Rule: finding.RuleSchema, Severity: finding.Error,
			Message: label.Text{`"Meter Geheim" heeft niet de verwachte vorm`, `"Meter Geheim" is not of the expected form`}}
		build(t, register.New(t.TempDir(), nil, recs), Options{Out: out, Findings: []finding.Finding{quote}})
		page := read(t, out, "sensoren/teller.html")
		if shown := strings.Contains(page, "Meter Geheim"); shown != (step == 0) {
			t.Errorf("step %d (hidden record named %q): the page shows the quote %v", step, name, shown)
		}
	}
}

// TestHomeCountsReasonsAsShown: the home page counts the records that are
// not public by their reasons as shown, so two reasons that differ only
// in a secret the filter takes out (another record's withheld value, in
// any case) are one reason, counted twice, and the secret shows in none.
func TestHomeCountsReasonsAsShown(t *testing.T) {
	no, yes := false, true
	recs := []*record.Record{
		{ID: "cam-a", Kind: record.Sensor, Name: "A", Status: "active", File: "sensors/cam-a.yaml",
			Publication: &record.Publication{Public: &no, Reason: "Beveiligt Kluisbouw Noord BV."}},
		{ID: "cam-b", Kind: record.Sensor, Name: "B", Status: "active", File: "sensors/cam-b.yaml",
			Publication: &record.Publication{Public: &no, Reason: "Beveiligt KLUISBOUW NOORD BV."}},
		{ID: "cam-c", Kind: record.Sensor, Name: "C", Status: "active", File: "sensors/cam-c.yaml",
			Publication: &record.Publication{Public: &no, Reason: "Woo artikel 5.1."}},
		{ID: "cam-d", Kind: record.Sensor, Name: "D", Status: "active", File: "sensors/cam-d.yaml",
			Supplier:    &record.Supplier{Name: "Kluisbouw Noord BV"},
			Publication: &record.Publication{Public: &yes, Withheld: []string{"supplier.name"}, Reason: "Woo."}},
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, register.New(t.TempDir(), nil, recs), Options{Out: out})
	home := read(t, out, "index.html")
	for _, want := range []string{"<li>Beveiligt niet openbaar. (2)</li>", "<li>Woo artikel 5.1. (1)</li>"} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s:\n%s", want, home)
		}
	}
	if strings.Contains(strings.ToLower(home), "kluisbouw") {
		t.Error("the home page shows the withheld supplier")
	}
}

// TestHomeCountsAWithheldTypeAsNotPublic: a sensor whose sensor_type is
// withheld, and an algorithm whose publication_category is, are counted
// on the home page in a row that says the value is not public, linking to
// no page (there is none for a value not shown), in both languages.
func TestHomeCountsAWithheldTypeAsNotPublic(t *testing.T) {
	yes := true
	recs := []*record.Record{
		{ID: "cam", Kind: record.Sensor, Name: "Cam", Status: "active", File: "sensors/cam.yaml", SensorType: "camera"},
		{ID: "geheim", Kind: record.Sensor, Name: "Geheim", Status: "active", File: "sensors/geheim.yaml", SensorType: "wifi_bluetooth_counter",
			Publication: &record.Publication{Public: &yes, Withheld: []string{"sensor_type"}, Reason: "Woo."}},
		{ID: "alg", Kind: record.Algorithm, Name: "Alg", Status: "active", File: "algorithms/alg.yaml", PublicationCategory: "impactful",
			Publication: &record.Publication{Public: &yes, Withheld: []string{"publication_category"}, Reason: "Woo."}},
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, register.New(t.TempDir(), nil, recs), Options{Out: out})
	for _, page := range []string{"index.html", "en/index.html"} {
		home := read(t, out, page)
		for _, broken := range []string{`soort/.html"`, `categorie/.html"`, `type/.html"`, `category/.html"`, `<a href=""`, `"></a>`} {
			if strings.Contains(home, broken) {
				t.Errorf("%s links a page for a withheld value (%s)", page, broken)
			}
		}
		if strings.Count(home, `<th scope="row">`+notPublicIn(page)+`</th>`) != 2 {
			t.Errorf("%s does not count the withheld type and category as not public", page)
		}
		if strings.Contains(strings.ToLower(home), "wifi") {
			t.Errorf("%s shows the withheld sensor type", page)
		}
	}
}

// notPublicIn is the words for a withheld value on the page.
func notPublicIn(page string) string {
	if strings.HasPrefix(page, "en/") {
		return publish.NotPublicEN
	}
	return publish.NotPublicNL
}

// An overdue evaluation is marked by the severity the configuration gives
// evaluation-lapsed: a warning's "!" by default, an error's "✗" when set
// so, and neither when the municipality switched the rule off, as the
// page then says the rule was not checked.
func TestOverdueEvaluationIsMarkedByItsRule(t *testing.T) {
	for _, tt := range []struct {
		sev         finding.Severity
		class, icon string
	}{
		{finding.Error, "sev-error", symError},
		{finding.Warning, "sev-warning", symWarn},
		{finding.Info, "sev-info", symInfo},
		{finding.Off, "sev-info", symInfo},
	} {
		b := &builder{opts: Options{Rules: []Rule{{ID: "evaluation-lapsed", Severity: tt.sev}}}}
		if class, icon := b.ruleMark(ruleEvaluationLapsed); class != tt.class || icon != tt.icon {
			t.Errorf("%v: marked %s %s, want %s %s", tt.sev, class, icon, tt.class, tt.icon)
		}
	}
}
