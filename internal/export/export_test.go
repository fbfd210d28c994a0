package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// dates are the history's dates the golden catalogue states.
var dates = opendata.Dates{Issued: "2025-01-10", Changed: map[record.Kind]string{record.Sensor: "2026-10-01", record.Algorithm: "2026-03-15"}}

// loadRegister loads a register the way the CLI does and fails on any
// finding, so a fixture that drifts from the schema is noticed here.
func loadRegister(t *testing.T, root string) *register.Register {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity == finding.Error {
			t.Fatalf("fixture %s does not load cleanly: %s:%d %s", root, f.File, f.Line, f.Message.In("en"))
		}
	}
	return res.Register
}

// standard compiles the national algorithm register's AlgorithmIn schema from
// the shared standards folder, or skips when the folder is not there.
func standard(t *testing.T) *jsonschema.Schema {
	t.Helper()
	const path = "../../../shared/standards/algoritmeregister-v1.0-AlgorithmIn.schema.json"
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("the AlgorithmIn schema is not at %s (it lives in the shared folder next to the repository); skipping the check against the standard", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	// The standard's field guidance (help_text, instructions, ...) are
	// custom keywords; the compiler ignores them.
	if err := c.AddResource("file:///algorithmin.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///algorithmin.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGoldenFiles(t *testing.T) {
	reg := loadRegister(t, "testdata/register")
	tests := []struct {
		format, golden string
		kind           record.Kind
	}{
		{"algoritmeregister", "algoritmeregister.json", ""},
		{"sensorthings", "sensorthings.json", ""},
		{"csv", "sensors.csv", record.Sensor},
		{"csv", "algorithms.csv", record.Algorithm},
		{"json", "register.json", ""},
		{"geojson", "sensors.geojson", ""},
		{"dcat", "catalog.jsonld", ""},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := Write(&buf, tt.format, reg, Options{Kind: tt.kind, Dates: dates}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tt.golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file %s (run go test -update after checking the change):\n%s", tt.format, path, buf.String())
			}
		})
	}
}

func TestAlgoritmeregisterFindings(t *testing.T) {
	reg := loadRegister(t, "testdata/register")
	var buf bytes.Buffer
	fs, err := Write(&buf, "algoritmeregister", reg, Options{Dates: dates})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if f.Rule != RuleAlgoritmeregister || f.Severity != finding.Error {
			t.Errorf("finding %+v: want rule %s, severity error", f, RuleAlgoritmeregister)
		}
		got = append(got, f.File+" "+f.Record+" "+f.Path+" "+f.Message.In("en"))
	}
	want := []string{
		"algorithms/oud-model.yaml oud-model /purpose goal is 2679 characters; the national algorithm register allows at most 2500",
		"algorithms/oud-model.yaml oud-model /owner/email the national algorithm register requires contact_email, and the record gives no value for it",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(fs[1].Help.In("en"), "withheld from publication") {
		t.Errorf("the help for a withheld required field does not say it is withheld: %q", fs[0].Help.In("en"))
	}
	// Never cut: the long purpose goes out whole.
	var entries []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e["source_id"] == "oud-model" && len([]rune(e["goal"].(string))) != 2679 {
			t.Errorf("goal was changed: %d characters", len([]rune(e["goal"].(string))))
		}
	}
}

func TestAlgoritmeregisterMapping(t *testing.T) {
	reg := loadRegister(t, "testdata/register")
	tests := []struct {
		id      string
		want    map[string]any // fields that must have this value
		absent  []string       // fields that must be left out
		entries int
	}{
		{"parkeerscan", map[string]any{
			"name": "Scanauto controleert parkeerrechten", "organization": "Gemeente Proefdorp",
			"status": "In gebruik", "contact_email": "parkeren@proefdorp.example",
			"publication_category": "Impactvolle algoritmes", "lang": "nld", "standard_version": "1.0",
			"begin_date": "2024-10", "category": []any{"Verkeer", "Overheidsfinanciën"},
			"website":              "https://www.proefdorp.example/parkeren",
			"url":                  "https://register.proefdorp.example/algoritmes/parkeerscan.html",
			"process_index_url":    "https://www.proefdorp.example/privacy/verwerkingen#parkeren",
			"provider":             "Scanbouw BV",
			"publiccode":           "https://code.proefdorp.example/scanauto",
			"human_intervention":   "Een handhaver bekijkt de foto's voordat een naheffing wordt opgelegd.",
			"lawful_basis":         "Gemeentewet art. 225 en de Parkeerverordening Proefdorp 2024.",
			"proportionality":      "Probleem: Controle te voet haalde een op de tien straten per dag.\n\nAlternatieven: Meer handhavers; te duur en minder gelijkmatig.",
			"risks":                "Discriminatie: Geen; alle kentekens worden op dezelfde manier gecontroleerd.\n\nMaatregelen: Een handhaver bekijkt elke mogelijke overtreding.",
			"methods_and_models":   "Soort algoritme: Regelgebaseerd. Zelflerend: nee.\n\nHet kenteken wordt vergeleken met de betaalde parkeerrechten.",
			"source_data":          "Parkeerrechten (bron: Nationaal Parkeerregister) Bevat persoonsgegevens.\nGebiedsindeling: Waar betaald parkeren geldt.",
			"source_data_grouping": []any{map[string]any{"title": "Parkeerrechten", "link": "https://data.proefdorp.example/parkeerrechten"}},
			"impacttoetsen_grouping": []any{
				map[string]any{"title": "Data Protection Impact Assessment (DPIA)", "link": "https://www.proefdorp.example/dpia-parkeren.pdf"},
				map[string]any{"title": "Impact Assessment Mensenrechten en Algoritmes (IAMA)", "link": "https://www.proefdorp.example/iama-parkeren.pdf"},
				map[string]any{"title": "Risicoanalyse"},
			},
		}, []string{"end_date"}, 3},
		// Out of use: the end month is given; owner.email is withheld, so
		// the required contact_email stays empty (and is reported).
		{"oud-model", map[string]any{"status": "Buiten gebruik", "begin_date": "2019-04", "end_date": "2023-06", "contact_email": "",
			"methods_and_models": "Soort algoritme: Machine learning. Zelflerend: nee."},
			[]string{"website", "provider", "publiccode", "human_intervention", "risks"}, 3},
		// Planned: not in use yet, so no begin month; optional fields are absent, not null.
		{"plan-chatbot", map[string]any{"status": "In ontwikkeling", "publication_category": "Overige algoritmes",
			"impacttoetsen_grouping": []any{map[string]any{"title": "Grondrechteneffectbeoordeling (FRIA, AI-verordening art. 27)", "link": "https://www.proefdorp.example/fria-chatbot.pdf"}}},
			[]string{"begin_date", "end_date", "category", "process_index_url", "lawful_basis"}, 3},
	}
	var buf bytes.Buffer
	if _, err := WriteAlgoritmeregister(&buf, reg); err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &entries); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	for _, e := range entries {
		byID[e["source_id"].(string)] = e
		for k, v := range e {
			if v == nil {
				t.Errorf("%s: %s is null; optional fields without a value are left out", e["source_id"], k)
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if len(entries) != tt.entries {
				t.Fatalf("%d entries, want %d (algorithms only, public only)", len(entries), tt.entries)
			}
			e, ok := byID[tt.id]
			if !ok {
				t.Fatalf("no entry for %s", tt.id)
			}
			for k, want := range tt.want {
				gj, _ := json.Marshal(e[k])
				wj, _ := json.Marshal(want)
				if !bytes.Equal(gj, wj) {
					t.Errorf("%s = %s, want %s", k, gj, wj)
				}
			}
			for _, k := range tt.absent {
				if v, ok := e[k]; ok {
					t.Errorf("%s = %v, want it left out", k, v)
				}
			}
		})
	}
}

func TestEntriesValidateAgainstTheStandard(t *testing.T) {
	s := standard(t)
	for _, root := range []string{"testdata/register", "../../register", "../../examples/dorp"} {
		t.Run(root, func(t *testing.T) {
			reg := loadRegister(t, root)
			var buf bytes.Buffer
			fs, err := WriteAlgoritmeregister(&buf, reg)
			if err != nil {
				t.Fatal(err)
			}
			entries, err := jsonschema.UnmarshalJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			list := entries.([]any)
			if len(list) == 0 {
				t.Fatal("no entries exported")
			}
			// The exporter's own limits agree with the standard: an entry the
			// standard refuses is one the exporter reported.
			reported := map[string]bool{}
			for _, f := range fs {
				reported[f.Record] = true
			}
			for _, e := range list {
				id := e.(map[string]any)["source_id"].(string)
				err := s.Validate(e)
				switch {
				case err != nil && !reported[id]:
					t.Errorf("entry %s does not follow AlgorithmIn v1.0 and no finding says so: %v", id, err)
				case err == nil && reported[id]:
					t.Errorf("entry %s follows AlgorithmIn v1.0 but was reported", id)
				}
			}
			if root != "testdata/register" && len(fs) > 0 {
				t.Errorf("the %s register should export without findings: %+v", root, fs)
			}
		})
	}
}

// TestThemesMatchTheStandard keeps ThemeNL in step with the standard's enum.
func TestThemesMatchTheStandard(t *testing.T) {
	data, err := os.ReadFile("../../../shared/standards/algoritmeregister-v1.0-AlgorithmIn.schema.json")
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("the AlgorithmIn schema is not in the shared folder; skipping")
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	want := doc.Defs["v1_0__EnumCategory"].Enum
	var got []string
	for _, v := range ThemeNL {
		got = append(got, v)
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) != 16 || !slices.Equal(got, want) {
		t.Errorf("themes:\n got %q\nwant %q", got, want)
	}
	for k, v := range statusNL {
		if !slices.Contains(doc.Defs["v1_0__EnumStatus"].Enum, v) {
			t.Errorf("status %s maps to %q, not in the standard", k, v)
		}
	}
	for k, v := range categoryNL {
		if !slices.Contains(doc.Defs["v1_0__EnumPublicationCategory"].Enum, v) {
			t.Errorf("publication_category %s maps to %q, not in the standard", k, v)
		}
	}
}

func TestSensorThings(t *testing.T) {
	reg := loadRegister(t, "testdata/register")
	var buf bytes.Buffer
	if err := WriteSensorThings(&buf, reg); err != nil {
		t.Fatal(err)
	}
	var doc Things
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	byID := map[string]Thing{}
	for _, th := range doc.Value {
		byID[th.Properties["register_id"].(string)] = th
	}
	if _, ok := byID["cam-geheim"]; ok || len(doc.Value) != 2 {
		t.Fatalf("things %v: want the two public sensors only", len(doc.Value))
	}
	lucht := byID["lucht-dak"]
	if len(lucht.Locations) != 1 || lucht.Locations[0].Location.Type != "Point" ||
		lucht.Locations[0].Location.Coordinates.([]any)[0].(float64) != 5.1234567 {
		t.Errorf("lucht-dak location: %+v", lucht.Locations)
	}
	if len(lucht.Datastreams) != 2 {
		t.Fatalf("lucht-dak has %d datastreams, want one per measure (2)", len(lucht.Datastreams))
	}
	ds := lucht.Datastreams[0]
	if ds.ObservedProperty.Name != "Fijnstof PM2.5" || ds.UnitOfMeasurement.Symbol != "µg/m³" ||
		ds.ObservedProperty.Definition != "urn:register:observed-property:fijnstof-pm2-5" ||
		ds.Sensor.Name != "Meetbouw LM-2" || ds.Sensor.Metadata != "https://register.proefdorp.example/sensoren/lucht-dak.html" ||
		ds.ObservationType != observationMeasurement || ds.Properties["frequency"] != "elk uur" {
		t.Errorf("lucht-dak datastream: %+v", ds)
	}
	cam := byID["cam-plein"]
	// The point is withheld (point_rd withholds both forms); the area stays.
	if len(cam.Locations) != 1 || cam.Locations[0].Location.Type != "Polygon" {
		t.Errorf("cam-plein location: %+v", cam.Locations)
	}
	if cam.Properties["location"] != "Stationsplein" || lucht.Properties["area"] != "Centrum" {
		t.Errorf("the place in words: %v, %v", cam.Properties["location"], lucht.Properties["area"])
	}
	owner, _ := cam.Properties["owner"].(map[string]any)
	if _, ok := owner["email"]; ok || owner["role"] != "Teamleider openbare orde" {
		t.Errorf("cam-plein owner %v: the withheld email must stay out", owner)
	}
	// What is withheld is said, so that a left-out field does not read
	// as one the record does not give.
	if pub, _ := cam.Properties["publication"].(map[string]any); fmt.Sprint(pub["withheld"]) != "[location.point_rd owner.email]" {
		t.Errorf("cam-plein publication %v: the withheld fields are not said", cam.Properties["publication"])
	}
	if len(cam.Datastreams) != 0 {
		t.Errorf("cam-plein measures nothing, yet has datastreams: %+v", cam.Datastreams)
	}
}

func TestBundledRegisterExportsToEveryFormat(t *testing.T) {
	reg := loadRegister(t, "../../register")
	for _, format := range Formats.Names() {
		kinds := []record.Kind{""}
		if format == "csv" {
			kinds = record.Kinds
		}
		for _, k := range kinds {
			t.Run(format+" "+string(k), func(t *testing.T) {
				var buf bytes.Buffer
				fs, err := Write(&buf, format, reg, Options{Kind: k, Dates: dates})
				if err != nil {
					t.Fatal(err)
				}
				if len(fs) > 0 {
					t.Errorf("findings: %+v", fs)
				}
				if format != "csv" && !json.Valid(buf.Bytes()) {
					t.Errorf("%s output is not JSON", format)
				}
				if buf.Len() < 200 {
					t.Errorf("%s output is only %d bytes", format, buf.Len())
				}
			})
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	reg := loadRegister(t, "testdata/register")
	tests := []struct {
		format string
		kind   record.Kind
		want   string
	}{
		{"xml", "", `unknown format "xml": use algoritmeregister, sensorthings, csv, json, geojson or dcat`},
		{"csv", "", "csv holds one kind of record: choose sensor or algorithm"},
		{"csv", "camera", "csv holds one kind of record: choose sensor or algorithm"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		_, err := Write(&buf, tt.format, reg, Options{Kind: tt.kind})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s/%s: err %v, want %q", tt.format, tt.kind, err, tt.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s/%s wrote %d bytes on error", tt.format, tt.kind, buf.Len())
		}
	}
}

// A sensor that withholds its name and summary keeps them out of its
// datastreams and their sensor too, not only out of the Thing (they were
// in Datastreams[].name and Datastreams[].Sensor.description).
func TestSensorThingsKeepAWithheldNameOutOfDatastreams(t *testing.T) {
	r := &record.Record{ID: "meter", Kind: record.Sensor, Name: "Geheime naam", Summary: "Geheime omschrijving",
		Measures:    []record.Measure{{Property: "PM10", Unit: "µg/m³"}},
		Publication: &record.Publication{Withheld: []string{"name", "summary"}}}
	var buf bytes.Buffer
	if err := WriteSensorThings(&buf, register.New("", nil, []*record.Record{r})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Geheime") {
		t.Errorf("SensorThings shows a withheld name or summary:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "meter: PM10") {
		t.Errorf("the datastream is not named by the id:\n%s", buf.String())
	}
}

// A sensor that withholds its very list of withheld fields still carries
// the publication block the public may see (its reason), as the
// register's own JSON does: it tells a left-out quantity from none given.
func TestSensorThingsCarryAPublicationWhoseListIsWithheld(t *testing.T) {
	r := &record.Record{ID: "meter", Kind: record.Sensor, Name: "Meter", Quantity: 7,
		Publication: &record.Publication{Withheld: []string{"publication.withheld", "quantity"}, Reason: "Woo 5.1 lid 2 onder d"}}
	var buf bytes.Buffer
	if err := WriteSensorThings(&buf, register.New("", nil, []*record.Record{r})); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, `"reason": "Woo 5.1 lid 2 onder d"`) || strings.Contains(out, `"quantity"`) {
		t.Errorf("SensorThings:\n%s", out)
	}
}
