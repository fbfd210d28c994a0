package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// decode builds records from YAML documents, the way the loader would, and
// fills Point from location.point.
func decode(t *testing.T, docs ...string) []*record.Record {
	t.Helper()
	var out []*record.Record
	for _, d := range docs {
		var r record.Record
		if err := yaml.Unmarshal([]byte(d), &r); err != nil {
			t.Fatalf("decode: %v\n%s", err, d)
		}
		if r.Location != nil && r.Location.Point != nil {
			r.Point = r.Location.Point
		}
		out = append(out, &r)
	}
	return out
}

const camMarkt = `
id: cam-markt
kind: sensor
name: 'Camera''s "Markt", plein'
summary: "Twee regels\nmet een komma, en =HYPERLINK()"
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider toezicht, email: toezicht@voorbeeldstad.example}
sensor_type: camera
capabilities: [video_recording, live_viewing]
quantity: 12
location:
  description: Markt en omliggende straten
  area: Centrum
  point: {lat: 52.0907, lon: 5.1214}
  polygon: [[5.120, 52.090], [5.120, 52.092], [5.123, 52.092], [5.123, 52.090]]
personal_data: {processed: "yes"}
lifecycle: {start: 2025-01-01, end: 2026-12-31}
evaluation: {interval: P1Y, last: 2025-12-01}
incidents:
  - {type: data_breach, discovered: "2025-03-01T10:00:00+01:00", reported: "2025-03-02T10:00:00+01:00", notifiable: true, delay_reason: intern overleg, summary: Beelden te lang bewaard}
camera_regime: public_order
`

const airSecret = `
id: lucht-1
kind: sensor
name: Luchtmeter
summary: Meet fijnstof
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Adviseur lucht, email: lucht@voorbeeldstad.example}
sensor_type: air_quality
capabilities: [environmental_measurement]
location:
  description: Dak van het stadskantoor
  point: {lat: 52.1, lon: 5.2}
  point_rd: {x: 136000, y: 456000}
personal_data: {processed: "no"}
lifecycle: {start: 2024-01-01}
evaluation: {}
publication: {withheld: [location.point, owner.email], reason: "Woo 5.1 lid 2 onder d: beveiliging"}
`

const hidden = `
id: cam-verborgen
kind: sensor
name: Verborgen camera
summary: Niet openbaar
status: active
organisation: {name: Politie, type: police}
owner: {role: Politie, email: info@politie.example}
sensor_type: camera
location: {description: Geheim, point: {lat: 52.2, lon: 5.3}}
personal_data: {processed: "yes"}
lifecycle: {start: 2024-01-01}
evaluation: {}
publication: {public: false, reason: Opsporing}
camera_regime: public_order
`

const algo = `
id: alg-toeslag
kind: algorithm
name: Risicoscore
summary: Bepaalt volgorde van controles
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Manager inkomen, email: inkomen@voorbeeldstad.example}
algorithm_type: rule_based
role: decision_support
affects_individuals: true
publication_category: impactful
self_learning: false
datasets:
  - {name: BRP, url: "https://data.example/brp"}
  - {name: Aanvragen, url: "https://data.example/aanvragen"}
source_code: {url: "https://code.example/risicoscore"}
uses_sensors: [cam-markt]
personal_data: {processed: "yes"}
lifecycle: {start: 2023-05-01}
evaluation: {interval: P2Y}
publication: {withheld: [datasets.url]}
`

func TestView(t *testing.T) {
	recs := decode(t, camMarkt, airSecret, algo)
	tests := []struct {
		rec     *record.Record
		absent  []string // dotted paths that must be gone
		present []string
	}{
		{recs[0], []string{"incidents.0.delay_reason", "incidents.0.notifiable"}, []string{"incidents.0.summary", "incidents.0.type", "location.point.lat"}},
		{recs[1], []string{"location.point", "location.point_rd", "owner.email"}, []string{"owner.role", "location.description"}},
		{recs[2], []string{"datasets.0.url", "datasets.1.url"}, []string{"datasets.0.name", "datasets.1.name", "source_code.url"}},
	}
	for _, tt := range tests {
		t.Run(tt.rec.ID, func(t *testing.T) {
			v := publicView(t, tt.rec)
			for _, p := range tt.absent {
				if _, ok := lookup(v, p); ok {
					t.Errorf("%s is published, want it left out", p)
				}
			}
			for _, p := range tt.present {
				if _, ok := lookup(v, p); !ok {
					t.Errorf("%s is missing", p)
				}
			}
		})
	}
}

// publicView is the record as register.json publishes it, decoded.
func publicView(t *testing.T, r *record.Record) any {
	t.Helper()
	data, err := json.Marshal(publish.View(r))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// lookup finds a dotted path in decoded JSON; an empty text counts as
// absent, as a withheld field without omitempty is published empty.
func lookup(v any, path string) (any, bool) {
	if s, ok := v.(string); ok && s == "" {
		return nil, false
	}
	for _, step := range strings.Split(path, ".") {
		switch t := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = t[step]; !ok {
				return nil, false
			}
		case []any:
			i := int(step[0] - '0')
			if i >= len(t) {
				return nil, false
			}
			v = t[i]
		default:
			return nil, false
		}
	}
	if s, ok := v.(string); ok && s == "" {
		return nil, false
	}
	return v, true
}

func TestWriteJSON(t *testing.T) {
	recs := decode(t, camMarkt, airSecret, hidden, algo)
	cfg := config.Default()
	cfg.Organisation = "Gemeente Voorbeeldstad"
	reg := register.New("", cfg, recs)
	var b bytes.Buffer
	if err := WriteJSON(&b, reg); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Organisation string           `json:"organisation"`
		Unpublished  int              `json:"unpublished_records"`
		Records      []map[string]any `json:"records"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("register.json does not parse: %v", err)
	}
	var ids []string
	for _, r := range got.Records {
		ids = append(ids, r["id"].(string))
	}
	if want := "cam-markt,lucht-1,alg-toeslag"; strings.Join(ids, ",") != want {
		t.Errorf("records = %v, want %s (sensors first, the hidden one left out)", ids, want)
	}
	if got.Unpublished != 1 || got.Organisation != "Gemeente Voorbeeldstad" {
		t.Errorf("unpublished = %d, organisation = %q", got.Unpublished, got.Organisation)
	}
	if strings.Contains(b.String(), "Geheim") || strings.Contains(b.String(), "lucht@voorbeeldstad") {
		t.Error("register.json carries a hidden record or a withheld field")
	}
}

func TestWriteCSV(t *testing.T) {
	recs := decode(t, camMarkt, airSecret, hidden, algo)
	tests := []struct {
		kind   record.Kind
		rows   int
		checks map[[2]string]string // {id, column} → value
	}{
		{record.Sensor, 2, map[[2]string]string{
			{"cam-markt", "name"}:          `Camera's "Markt", plein`,
			{"cam-markt", "summary"}:       "Twee regels\nmet een komma, en =HYPERLINK()",
			{"cam-markt", "capabilities"}:  "video_recording;live_viewing",
			{"cam-markt", "quantity"}:      "12",
			{"cam-markt", "lat"}:           "52.0907",
			{"cam-markt", "lon"}:           "5.1214",
			{"cam-markt", "lifecycle_end"}: "2026-12-31",
			{"lucht-1", "lat"}:             "",
			{"lucht-1", "owner_email"}:     "",
			{"lucht-1", "owner_role"}:      "Adviseur lucht",
			{"lucht-1", "quantity"}:        "1",
		}},
		{record.Algorithm, 1, map[[2]string]string{
			{"alg-toeslag", "datasets"}:            "BRP;Aanvragen",
			{"alg-toeslag", "affects_individuals"}: "true",
			{"alg-toeslag", "uses_sensors"}:        "cam-markt",
			{"alg-toeslag", "lifecycle_start"}:     "2023-05-01",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSV(&b, tt.kind, recs); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(b.String(), "\r\n") || strings.Count(b.String(), "\r\n") < tt.rows+1 {
				t.Error("rows do not end in CRLF (RFC 4180)")
			}
			rows, err := csv.NewReader(&b).ReadAll()
			if err != nil {
				t.Fatalf("csv does not parse: %v", err)
			}
			if len(rows) != tt.rows+1 {
				t.Fatalf("got %d rows, want header + %d", len(rows), tt.rows)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			byID := map[string][]string{}
			for _, r := range rows[1:] {
				byID[r[0]] = r
			}
			if _, ok := byID["cam-verborgen"]; ok {
				t.Error("a record that is not public is in the CSV")
			}
			for k, want := range tt.checks {
				row, ok := byID[k[0]]
				if !ok {
					t.Fatalf("no row for %s", k[0])
				}
				i, ok := col[k[1]]
				if !ok {
					t.Fatalf("no column %s in %v", k[1], rows[0])
				}
				if got := strings.ReplaceAll(row[i], "\r\n", "\n"); got != want {
					t.Errorf("%s.%s = %q, want %q", k[0], k[1], got, want)
				}
			}
		})
	}
	if err := WriteCSV(&bytes.Buffer{}, "dataset", recs); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestWriteGeoJSON(t *testing.T) {
	recs := decode(t, camMarkt, airSecret, hidden, algo)
	var b bytes.Buffer
	if err := WriteGeoJSON(&b, recs); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			ID       string
			Geometry struct {
				Type       string
				Geometries []struct {
					Type        string
					Coordinates json.RawMessage
				}
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("got %s with %d features, want one (air sensor's position is withheld, hidden camera not public)", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.ID != "cam-markt" || f.Geometry.Type != "GeometryCollection" || len(f.Geometry.Geometries) != 2 {
		t.Fatalf("feature %s has geometry %s", f.ID, f.Geometry.Type)
	}
	var pt [2]float64
	if err := json.Unmarshal(f.Geometry.Geometries[0].Coordinates, &pt); err != nil {
		t.Fatal(err)
	}
	if pt != [2]float64{5.1214, 52.0907} {
		t.Errorf("point = %v, want [lon, lat] = [5.1214, 52.0907]", pt)
	}
	var poly [][][2]float64
	if err := json.Unmarshal(f.Geometry.Geometries[1].Coordinates, &poly); err != nil {
		t.Fatal(err)
	}
	want := [][2]float64{{5.12, 52.09}, {5.123, 52.09}, {5.123, 52.092}, {5.12, 52.092}, {5.12, 52.09}}
	if len(poly) != 1 || len(poly[0]) != len(want) {
		t.Fatalf("polygon = %v", poly)
	}
	for i := range want {
		if poly[0][i] != want[i] {
			t.Errorf("ring = %v, want closed and counterclockwise %v", poly[0], want)
			break
		}
	}
	if f.Properties["area"] != "Centrum" || f.Properties["sensor_type"] != "camera" {
		t.Errorf("properties = %v", f.Properties)
	}
}

func TestRing(t *testing.T) {
	tests := []struct {
		name string
		in   [][2]float64
		want [][2]float64
	}{
		{"closed ccw kept", [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 0}}, [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 0}}},
		{"open cw reversed and closed", [][2]float64{{0, 0}, {0, 1}, {1, 1}}, [][2]float64{{0, 0}, {1, 1}, {0, 1}, {0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ring(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Ring = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("Ring = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestWriteDCAT(t *testing.T) {
	cfg := config.Default()
	cfg.Organisation = "Gemeente Voorbeeldstad"
	cfg.Site.BaseURL = "https://register.voorbeeldstad.example"
	cfg.Site.ContactEmail = "privacy@voorbeeldstad.example"
	cfg.OpenData.PublisherURI = "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
	dates := Dates{Issued: "2025-01-10", Changed: map[record.Kind]string{record.Sensor: "2026-10-01", record.Algorithm: "2026-03-15"}}
	var b bytes.Buffer
	if err := WriteDCAT(&b, cfg, dates, Datasets([]string{"sensor.schema.json", "algorithm.schema.json"})); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	iri := func(v any) string { m, _ := v.(map[string]any); s, _ := m["@id"].(string); return s }
	value := func(v any) string { m, _ := v.(map[string]any); s, _ := m["@value"].(string); return s }
	cat := doc.Graph[0]
	// DCAT-AP-NL's mandatory and recommended properties of the catalogue.
	for _, p := range []string{"dct:title", "dct:description", "dct:publisher", "foaf:homepage", "dct:language", "dct:license", "dct:modified", "dct:issued", "dcat:themeTaxonomy", "dcat:dataset"} {
		if cat[p] == nil {
			t.Errorf("the catalogue lacks %s", p)
		}
	}
	if iri(cat["dct:publisher"]) != cfg.OpenData.PublisherURI || iri(cat["dct:license"]) != config.DefaultLicence {
		t.Errorf("publisher %v, licence %v", cat["dct:publisher"], cat["dct:license"])
	}
	// The catalogue changed when its newest dataset did: a date from the
	// history, never the day of the build.
	if value(cat["dct:modified"]) != "2026-10-01" || value(cat["dct:issued"]) != "2025-01-10" {
		t.Errorf("catalogue dates: %v %v", cat["dct:modified"], cat["dct:issued"])
	}
	ds := cat["dcat:dataset"].([]any)
	if len(ds) != 3 {
		t.Fatalf("%d datasets, want 3", len(ds))
	}
	for _, d := range ds {
		d := d.(map[string]any)
		for _, p := range []string{"dct:identifier", "dct:title", "dct:description", "dcat:keyword", "dcat:theme", "dct:publisher", "dcat:contactPoint", "dct:language", "dct:accessRights", "dct:accrualPeriodicity", "dcat:landingPage", "dct:modified", "dct:issued", "dcat:distribution"} {
			if d[p] == nil {
				t.Errorf("dataset %v lacks %s", d["@id"], p)
			}
		}
		for _, x := range d["dcat:distribution"].([]any) {
			x := x.(map[string]any)
			for _, p := range []string{"dcat:accessURL", "dcat:downloadURL", "dct:format", "dcat:mediaType", "dct:license", "dct:title"} {
				if x[p] == nil {
					t.Errorf("distribution %v lacks %s", x["@id"], p)
				}
			}
		}
	}
	sensors := ds[0].(map[string]any)
	if value(sensors["dct:modified"]) != "2026-10-01" || value(ds[1].(map[string]any)["dct:modified"]) != "2026-03-15" {
		t.Error("a dataset's date is not its own kind's")
	}
	dist := sensors["dcat:distribution"].([]any)[0].(map[string]any)
	if got := iri(dist["dcat:downloadURL"]); got != "https://register.voorbeeldstad.example/data/sensors.csv" {
		t.Errorf("downloadURL = %v", got)
	}
	if got := iri(dist["dct:format"]); got != "http://publications.europa.eu/resource/authority/file-type/CSV" {
		t.Errorf("format = %v", got)
	}
	if got := iri(dist["dct:conformsTo"]); got != "https://register.voorbeeldstad.example/data/schema/sensor.schema.json" {
		t.Errorf("conformsTo = %v", got)
	}
	contact := doc.Graph[2]
	if iri(sensors["dcat:contactPoint"]) != contact["@id"] || iri(contact["vcard:hasEmail"]) != "mailto:privacy@voorbeeldstad.example" {
		t.Errorf("contact = %v", contact)
	}
	if doc.Graph[1]["@id"] != cfg.OpenData.PublisherURI || doc.Graph[1]["foaf:name"] != "Gemeente Voorbeeldstad" {
		t.Errorf("publisher = %v", doc.Graph[1])
	}
}

// A catalogue needs absolute identifiers; without the site's address it is
// refused, not written with relative ones a processor drops.
func TestWriteDCATNeedsBaseURL(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDCAT(&b, config.Default(), Dates{}, Datasets(nil)); !errors.Is(err, ErrNoBaseURL) || b.Len() != 0 {
		t.Errorf("err = %v, wrote %d bytes", err, b.Len())
	}
}

// Without history a catalogue states no dates: a harvester must not see a
// change on every build.
func TestWriteDCATWithoutHistoryHasNoDates(t *testing.T) {
	cfg := config.Default()
	cfg.Site.BaseURL = "https://register.example/"
	var b bytes.Buffer
	if err := WriteDCAT(&b, cfg, Dates{}, Datasets(nil)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "dct:modified") || strings.Contains(b.String(), "dct:issued") {
		t.Errorf("dates without history:\n%s", b.String())
	}
	if !strings.Contains(b.String(), `"@id": "https://register.example/data/catalog.jsonld#publisher"`) {
		t.Error("without a publisher URI the catalogue names none of its own")
	}
}

func TestPositionSkipsImpossibleCoordinates(t *testing.T) {
	tests := []struct {
		name  string
		point *record.Point
		poly  [][2]float64
		want  bool // a feature is written
	}{
		{"valid", &record.Point{Lat: 52.1, Lon: 5.1}, nil, true},
		{"not a number", &record.Point{Lat: math.NaN(), Lon: 5.1}, nil, false},
		{"infinite", &record.Point{Lat: 52.1, Lon: math.Inf(1)}, nil, false},
		{"latitude beyond the pole", &record.Point{Lat: 95, Lon: 5.1}, nil, false},
		{"polygon with a bad corner", nil, [][2]float64{{5, 52}, {5, 53}, {math.NaN(), 53}}, false},
		{"polygon", nil, [][2]float64{{5, 52}, {5, 53}, {6, 53}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &record.Record{ID: "s", Kind: record.Sensor, Point: tt.point, Location: &record.Location{Polygon: tt.poly}}
			var b bytes.Buffer
			if err := WriteGeoJSON(&b, []*record.Record{r}); err != nil {
				t.Fatalf("WriteGeoJSON: %v", err)
			}
			if got := strings.Contains(b.String(), `"id":"s"`); got != tt.want {
				t.Errorf("feature written = %v, want %v: %s", got, tt.want, b.String())
			}
		})
	}
}

// TestWriteCSVQuotesFormulas pins that a value a spreadsheet would run as a
// formula is written as text, and reads back as written.
func TestWriteCSVQuotesFormulas(t *testing.T) {
	recs := decode(t, `
id: cam-formule
kind: sensor
name: '=HYPERLINK("http://evil.example","klik")'
summary: "@SUM(1+1)"
status: active
organisation: {name: "+31 20 123", type: municipality}
owner: {role: "-2+3", email: "\tx@voorbeeldstad.example"}
sensor_type: camera
capabilities: [video_recording]
location: {description: "\r=1", area: "'s-Hertogenbosch"}
lifecycle: {start: 2025-01-01}
evaluation: {interval: P1Y}
`)
	var b bytes.Buffer
	if err := WriteCSV(&b, record.Sensor, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	r := recs[0]
	want := []string{r.Name, r.Summary, r.Organisation.Name, r.Owner.Role, r.Owner.Email, r.Location.Description, r.Location.Area}
	cells := map[string]bool{}
	for _, c := range rows[1] {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("cell %q starts a formula", c)
		}
		cells[csvcell.Plain(c)] = true
	}
	for _, w := range want {
		w = strings.ReplaceAll(w, "\r", "") // encoding/csv with CRLF line ends drops a lone CR
		if !cells[w] {
			t.Errorf("%q does not read back from the CSV: %q", w, rows[1])
		}
	}
}

// TestWriteJSONListsDeviations: register.json says which rules the
// configuration switched off or lowered, where and why, and that a legal
// duty was not silenced.
func TestWriteJSONListsDeviations(t *testing.T) {
	cfg := config.Default()
	cfg.Rules = map[string]config.RuleSetting{
		"security-audit":  {Severity: finding.Off, Reason: "De regio auditeert.", Place: config.Place{File: "register.yaml", Line: 7, Column: 3}},
		"breach-reported": {Severity: finding.Warning, Place: config.Place{Env: "REGISTER_RULES_BREACH_REPORTED"}},
		"risk-analysis":   {Severity: finding.Error}, // raised: no deviation
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, register.New("", cfg, decode(t, camMarkt))); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Checklist struct {
			Deviations []map[string]string `json:"deviations"`
		} `json:"checklist"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{
		{"rule": "security-audit", "principle": "VNG 7.7", "severity": "off", "default": "warning", "set_in": "register.yaml:7:3",
			"reason": "De regio auditeert.", "effect": "the rule does not run"},
		{"rule": "breach-reported", "principle": "C-breach", "severity": "warning", "default": "error", "set_in": "REGISTER_RULES_BREACH_REPORTED",
			"reason": "", "law": "GDPR art. 33(1)", "effect": "refused: the rule follows from law and runs at its default"},
	}
	if len(got.Checklist.Deviations) != len(want) {
		t.Fatalf("deviations %v, want %v", got.Checklist.Deviations, want)
	}
	for i, w := range want {
		for k, v := range w {
			if got.Checklist.Deviations[i][k] != v {
				t.Errorf("deviation %d %s = %q, want %q", i, k, got.Checklist.Deviations[i][k], v)
			}
		}
	}
}

// The CSV's quantity cell is the number of devices, 1 where none is
// given, and empty where the quantity given is no count: not the default.
func TestQuantityCell(t *testing.T) {
	for _, tt := range []struct {
		r    record.Record
		want string
	}{
		{record.Record{Quantity: 12}, "12"},
		{record.Record{}, "1"},
		{record.Record{QuantityInvalid: true}, ""},
		{record.Record{Quantity: -3, QuantityInvalid: true}, ""},
	} {
		if got := cells["quantity"](&tt.r); got != tt.want {
			t.Errorf("quantity %d (invalid %v): cell %q, want %q", tt.r.Quantity, tt.r.QuantityInvalid, got, tt.want)
		}
	}
}
