package importcsv

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

var now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func validator(t *testing.T) *validate.Validator {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// loadable is read, the import of a spreadsheet or of JSON, failing the
// test for a record it would write that the loader refuses: every test
// reads through it, so each import a test makes is checked for that.
func loadable(t *testing.T, read func(string, []byte, Options) (*Result, error)) func(string, []byte, Options) (*Result, error) {
	return func(name string, data []byte, opts Options) (*Result, error) {
		t.Helper()
		res, err := read(name, data, opts)
		if res != nil {
			for _, r := range res.Records {
				if doc, fs := source.Parse(r.Path, r.Data, source.DefaultLimits); doc == nil {
					t.Errorf("%s would not load: %s\n%s", r.Path, short(fs), r.Data)
				}
			}
		}
		return res, err
	}
}

// short renders findings as "line:col severity rule message" for comparison.
func short(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Column, f.Severity, f.Rule, f.Message.In("en")))
	}
	return out
}

// importFindings are the findings of the import rule itself, as short
// writes them.
func importFindings(fs []finding.Finding) []string {
	var out []string
	for _, s := range short(fs) {
		if strings.Contains(s, " import ") {
			out = append(out, s)
		}
	}
	return out
}

// recordIDs are the ids of the records an import made, in its order.
func recordIDs(res *Result) []string {
	var ids []string
	for _, r := range res.Records {
		ids = append(ids, r.ID)
	}
	return ids
}

// fiftySensors is a spreadsheet as a municipality keeps it: Dutch headers,
// semicolons (a Dutch spreadsheet program's CSV), Dutch labels for values,
// decimal commas and dates in several forms.
func fiftySensors() []byte {
	var b bytes.Buffer
	b.WriteString("Naam;Korte omschrijving;Status;Doel;Verantwoordelijke;E-mailadres;Afdeling;Soort sensor;Wat kan de sensor;Aantal;Locatie;Wijk;Breedtegraad;Lengtegraad;Startdatum;Einddatum;Persoonsgegevens;Thema;Fabrikant\n")
	types := []struct{ typ, caps, theme, pd string }{
		{"Verkeersteller", "Voertuigen tellen", "Verkeer", "nee"},
		{"Luchtkwaliteitssensor", "Omgeving meten", "Natuur en milieu", "nee"},
		{"Geluidssensor", "Geluidsniveau meten", "Natuur en milieu", "nee"},
		{"Parkeersensor", "Voertuigen tellen", "Verkeer", "nee"},
		{"Camera", "Video opnemen, Live meekijken", "Openbare orde en veiligheid", "ja"},
	}
	dates := []string{"%d-03-2025", "2025-04-%02d", "%d/5/2025", "%d mei 2025", "2025/06/%d"}
	for i := 1; i <= 50; i++ {
		ty := types[i%len(types)]
		start := strings.ReplaceAll(dates[i%len(dates)], "%02d", fmt.Sprintf("%02d", 1+i%28))
		start = strings.ReplaceAll(start, "%d", fmt.Sprint(1+i%28))
		fmt.Fprintf(&b, "%s %d;%s bij punt %d, in gewone taal.;In gebruik;Weten wat er gebeurt in de wijk.;Adviseur meten;meten@heidebeek.example;Openbare Ruimte;%s;%s;%d;Kruispunt %d;Wijk %d;52,%04d;6,%04d;%s;31-12-2029;%s;%s;Meetbouw\n",
			ty.typ, i, ty.typ, i, ty.typ, ty.caps, 1+i%3, i, 1+i%4, 1000+i, 2000+i, start, ty.pd, ty.theme)
	}
	return b.Bytes()
}

func TestFiftySensorsImportIntoRecordsThatValidate(t *testing.T) {
	v := validator(t)
	res, err := loadable(t, Read)("sensoren.csv", fiftySensors(), Options{Kind: record.Sensor, Organisation: "Gemeente Heidebeek", Validator: v, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings: %q", short(res.Findings))
	}
	if len(res.Records) != 50 || res.Rows != 50 {
		t.Fatalf("%d records from %d rows, want 50 from 50", len(res.Records), res.Rows)
	}
	root := t.TempDir()
	written, existed, err := Write(root, res.Records)
	if err != nil || len(written) != 50 || len(existed) != 0 {
		t.Fatalf("write: %d written, %d existed, err %v", len(written), len(existed), err)
	}
	// The register loads with the schemas and no finding at all.
	loaded, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Findings) != 0 || len(loaded.Register.Records) != 50 {
		t.Fatalf("loaded %d records with findings %q", len(loaded.Register.Records), short(loaded.Findings))
	}
	// Values as the record format has them.
	r := loaded.Register.ByID("camera-4")
	if r == nil {
		t.Fatal("no record camera-4")
	}
	checks := []struct{ field, got, want string }{
		{"status", r.Status, "active"},
		{"sensor_type", r.SensorType, "camera"},
		{"capabilities", strings.Join(r.Capabilities, ","), "video_recording,live_viewing"},
		{"lifecycle.start", r.Lifecycle.Start, "2025-06-05"},
		{"lifecycle.end", r.Lifecycle.End, "2029-12-31"},
		{"personal_data", r.PersonalData.Processed, "yes"},
		{"themes", strings.Join(r.Themes, ","), "openbare-orde-en-veiligheid"},
		{"organisation", r.Organisation.Name + "/" + r.Organisation.Type, "Gemeente Heidebeek/municipality"},
		{"owner", r.Owner.Role + "/" + r.Owner.Email + "/" + r.Owner.Department, "Adviseur meten/meten@heidebeek.example/Openbare Ruimte"},
		{"point", fmt.Sprint(r.Location.Point.Lat, r.Location.Point.Lon), "52.1004 6.2004"},
		{"quantity", fmt.Sprint(r.Quantity), "2"},
		{"vendor", r.Vendor.Manufacturer, "Meetbouw"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("camera-4 %s = %q, want %q", c.field, c.got, c.want)
		}
	}
	// Every date form became YYYY-MM-DD.
	var starts []string
	for _, id := range []string{"verkeersteller-10", "luchtkwaliteitssensor-1", "geluidssensor-2", "parkeersensor-3", "camera-4"} {
		starts = append(starts, loaded.Register.ByID(id).Lifecycle.Start)
	}
	if want := []string{"2025-03-11", "2025-04-02", "2025-05-03", "2025-05-04", "2025-06-05"}; !slices.Equal(starts, want) {
		t.Errorf("starts %q, want %q", starts, want)
	}
	// Importing again writes nothing and says why, once per record.
	again, err := loadable(t, Read)("sensoren.csv", fiftySensors(), Options{Kind: record.Sensor, Organisation: "Gemeente Heidebeek", Validator: v, Now: now,
		Exists: func(id string) bool { return loaded.Register.ByID(id) != nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Records) != 0 || len(again.Findings) != 50 || !strings.Contains(again.Findings[0].Message.In("en"), "is already in the register and is left unchanged") {
		t.Errorf("second import: %d records, findings %q", len(again.Records), short(again.Findings)[:min(3, len(again.Findings))])
	}
}

func TestMessySpreadsheet(t *testing.T) {
	csv := "Naam,Status,Startdatum,Soort algoritme,Opmerkingen,Id,Korte omschrijving\n" + // 1: unknown column, algorithm-only column
		"Camera Markt,In gebruik,01-03-2025,,let op,,Camera op de markt.\n" + // 2
		"\n" + // 3: an empty line (the CSV reader drops it)
		",,,,,,\n" + // 4: a blank row
		"Camera Markt,In gebruik,01-03-2025,,let op,,Camera op de markt.\n" + // 5: exact repeat of 2
		"Camera Markt,Gepland,2026-01-01,,,,Tweede camera.\n" + // 6: same name, other record
		"Luchtmeter,In gebruik,31-02-2025,,,,Meet lucht.\n" + // 7: a day that does not exist
		"Geluidmeter,In gebruik,1-3-25,,,,Meet geluid.\n" + // 8: two-digit year
		"Waterstand,In gebruik,gisteren,,,,Meet water.\n" + // 9: not a date
		"Eerste,In gebruik,2025-01-01,,,vaste-id,Een.\n" + // 10
		"Tweede,In gebruik,2025-01-01,,,vaste-id,Twee.\n" + // 11: id already used
		"Derde,In gebruik,2025-01-01,,,Foute_Id,Drie.\n" + // 12: not a valid id
		"Bestaand,In gebruik,2025-01-01,,,,Vier.\n" + // 13: already in the register
		",,,,,,\n" // 14: a blank row
	res, err := loadable(t, Read)("lijst.csv", []byte(csv), Options{Kind: record.Sensor, Now: now,
		Exists: func(id string) bool { return id == "bestaand" }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1:4 warning import column "Soort algoritme" (algorithm_type) is only for algorithms and is left out of sensor records`,
		`1:5 warning import column "Opmerkingen" is not a field of the record format and is left out; its text on line 2 is not imported`,
		`4:0 info import lines 4 and 14 are blank and skipped`,
		`5:0 warning import line 5 repeats line 2 exactly and is skipped`,
		`6:1 warning import the name "Camera Markt" is also on line 2; this row gets the id "camera-markt-2"`,
		`7:3 error import lifecycle.start (column "Startdatum"): "31-02-2025" is not a date that exists; the row is skipped`,
		`8:3 error import lifecycle.start (column "Startdatum"): "1-3-25" has a two-digit year; write the year in full; the row is skipped`,
		`9:3 error import lifecycle.start (column "Startdatum"): "gisteren" is not a date; the row is skipped`,
		`11:6 error import id "vaste-id" is already used on line 10; the row is skipped`,
		`12:6 error import "Foute_Id" is not a valid id: it has capital letters; an id is 2 to 63 characters: lower-case letters a-z, digits and hyphens, starting with a letter or digit (for example cam-stationsplein); the row is skipped`,
		`13:0 warning import a record with id "bestaand" is already in the register and is left unchanged`,
	}
	if got := short(res.Findings); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	var ids []string
	for _, r := range res.Records {
		ids = append(ids, r.Path+"@"+fmt.Sprint(r.Line))
	}
	if want := []string{"sensors/camera-markt.yaml@2", "sensors/camera-markt-2.yaml@6", "sensors/vaste-id.yaml@10"}; !slices.Equal(ids, want) {
		t.Errorf("records %q, want %q", ids, want)
	}
	if res.Rows != 12 {
		t.Errorf("rows %d, want 12 (the empty line 3 is not a row)", res.Rows)
	}
}

// A row's id is made from its name. A name that gives no id (one letter,
// or no letters a-z or digits at all) is a name all the same: the finding
// says the name gives no id and what to do, not that the name is missing.
func TestNameThatGivesNoID(t *testing.T) {
	tests := []struct {
		name, cell string
		want       string
	}{
		{"no name", "", `2:1 error import the row has no name to make an id from; the row is skipped`},
		{"one letter", "X", `2:1 error import the name "X" gives no id: an id needs at least two letters a-z or digits from the name; the row is skipped`},
		{"only signs", "?!", `2:1 error import the name "?!" gives no id: an id needs at least two letters a-z or digits from the name; the row is skipped`},
		{"no latin letters", "東京", `2:1 error import the name "東京" gives no id: an id needs at least two letters a-z or digits from the name; the row is skipped`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			csv := "Naam;Status\n" + tt.cell + ";In gebruik\n"
			res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got := short(res.Findings); len(got) != 1 || got[0] != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			if len(res.Records) != 0 {
				t.Errorf("records %+v, want none", res.Records)
			}
		})
	}
}

func TestSchemaFindingsPointAtTheSpreadsheet(t *testing.T) {
	csv := "naam;status;startdatum;thema;korte omschrijving\n" +
		"Teller;bezig;2025-01-01;Verkeer;Telt auto's.\n"
	res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Organisation: "Gemeente X", Validator: validator(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Valid {
		t.Fatalf("want one record that does not validate, got %+v", res.Records)
	}
	got := short(res.Findings)
	// The unknown status is pointed at its cell; missing fields at the row.
	wantPrefix := []string{
		`2:0 error schema teller: missing required fields "owner", "purpose", "sensor_type", "capabilities" and "location"`,
		`2:2 error schema teller: status has value "bezig", which is not allowed`,
	}
	for _, w := range wantPrefix {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("no finding starting %q in %q", w, got)
		}
	}
	for _, f := range res.Findings {
		if f.File != "x.csv" || f.Record != "teller" {
			t.Errorf("finding %s/%s: want file x.csv, record teller", f.File, f.Record)
		}
	}
}

// A field the record lacks is pointed at the cell it would come from when
// a column of the row maps to it: the author fills in that cell. A field no
// column maps to has no cell, and the finding names the row only.
func TestMissingFieldsPointAtTheirEmptyCell(t *testing.T) {
	const head = "naam;korte omschrijving;status;soort sensor;wat kan de sensor;locatie;breedtegraad;lengtegraad;doel;organisatie;verantwoordelijke;e-mailadres;startdatum;einddatum\n"
	const full = "Teller;Telt.;In gebruik;Verkeersteller;Voertuigen tellen;Markt;52,1;5,1;Weten.;Gemeente X;Team;team@x.example;"
	tests := []struct {
		name, row string
		want      string // the schema finding, as short gives it
	}{
		{"start empty, end given", full + ";2030-01-01\n",
			`2:13 error schema teller: missing required field "start" in lifecycle`},
		{"start and end empty", full + ";\n",
			`2:13 error schema teller: missing required field "lifecycle"`},
		{"purpose empty", "Teller;Telt.;In gebruik;Verkeersteller;Voertuigen tellen;Markt;52,1;5,1;;Gemeente X;Team;team@x.example;2025-01-01;\n",
			`2:9 error schema teller: missing required field "purpose"`},
		{"several empty: the first of their cells", "Teller;Telt.;In gebruik;Verkeersteller;Voertuigen tellen;Markt;52,1;5,1;;Gemeente X;Team;team@x.example;;\n",
			`2:9 error schema teller: missing required fields "purpose" and "lifecycle"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", []byte(head+tt.row), Options{Kind: record.Sensor, Validator: validator(t), Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var schema []string
			for _, f := range short(res.Findings) {
				if strings.Contains(f, " schema ") {
					schema = append(schema, f)
				}
			}
			if !slices.ContainsFunc(schema, func(f string) bool { return strings.HasPrefix(f, tt.want) }) {
				t.Errorf("schema findings %q, want one starting %q", schema, tt.want)
			}
		})
	}
}

// A field no column of the spreadsheet maps to has no cell to point at.
func TestMissingFieldWithoutColumnNamesTheRow(t *testing.T) {
	res, err := loadable(t, Read)("x.csv", []byte("naam\nTeller\n"), Options{Kind: record.Sensor, Validator: validator(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == finding.RuleSchema && f.Column != 0 {
			t.Errorf("%s: a field without a column got column %d", f.Message.In("en"), f.Column)
		}
	}
}

// TestRoundTrip exports records as the open-data CSV, imports that CSV, and
// exports the imported records again: the two CSV files are the same.
func TestRoundTrip(t *testing.T) {
	v := validator(t)
	loaded, err := load.Register("../export/testdata/register", load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range record.Kinds {
		t.Run(string(kind), func(t *testing.T) {
			var first bytes.Buffer
			if err := opendata.WriteCSV(&first, kind, loaded.Register.Records); err != nil {
				t.Fatal(err)
			}
			res, err := loadable(t, Read)("export.csv", first.Bytes(), Options{Kind: kind, Validator: v, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Findings {
				if f.Rule == RuleImport {
					t.Errorf("the open-data CSV does not import cleanly: %s", short([]finding.Finding{f}))
				}
			}
			var recs []*record.Record
			for _, r := range res.Records {
				var rec record.Record
				if err := yaml.Unmarshal(r.Data, &rec); err != nil {
					t.Fatal(err)
				}
				recs = append(recs, &rec)
			}
			var second bytes.Buffer
			if err := opendata.WriteCSV(&second, kind, recs); err != nil {
				t.Fatal(err)
			}
			if first.String() != second.String() {
				t.Errorf("CSV → records → CSV changed the file:\nfirst:\n%s\nsecond:\n%s", first.String(), second.String())
			}
			if strings.Count(first.String(), "\n") < 3 {
				t.Errorf("the round trip covered too few records:\n%s", first.String())
			}
		})
	}
}

func TestNormaliseDate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"2025-03-01", "2025-03-01", ""},
		{"2025-3-1", "2025-03-01", ""},
		{"2025/03/01", "2025-03-01", ""},
		{"2025-03-01T00:00:00", "2025-03-01", ""},
		{"01-03-2025", "2025-03-01", ""},
		{"1-3-2025", "2025-03-01", ""},
		{"1/3/2025", "2025-03-01", ""},
		{"1.3.2025", "2025-03-01", ""},
		{"01-03-2025 00:00", "2025-03-01", ""},
		{"1 maart 2025", "2025-03-01", ""},
		{"15 okt 2024", "2024-10-15", ""},
		{"29-02-2024", "2024-02-29", ""},
		{"29-02-2025", "", `"29-02-2025" is not a date that exists`},
		{"2025-13-01", "", `"2025-13-01" is not a date that exists`},
		{"1-3-25", "", `"1-3-25" has a two-digit year; write the year in full`},
		{"1 maartje 2025", "", `"1 maartje 2025" is not a date: "maartje" is not a month`},
		{"0025-01-01", "", `"0025-01-01" has an unlikely year`},
		{"binnenkort", "", `"binnenkort" is not a date`},
	}
	for _, tt := range tests {
		got, err := NormaliseDate(tt.in)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("NormaliseDate(%q) = %q, %v; want %q, %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestMapping(t *testing.T) {
	m, err := ParseMapping("map.yaml", []byte(`columns:
  "Omschrijving object": name
  "Contact (mail)": owner.email
  "Interne code": ""
defaults:
  status: In gebruik
  lifecycle.start: 1-1-2024
  organisation.type: private
`))
	if err != nil {
		t.Fatal(err)
	}
	csv := "Omschrijving object,Contact (mail),Interne code,Organisatie\nTeller Dorpsstraat,a@b.example,X-17,Verkeersbureau BV\n"
	res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 || len(res.Records) != 1 {
		t.Fatalf("records %d, findings %q", len(res.Records), short(res.Findings))
	}
	var r record.Record
	if err := yaml.Unmarshal(res.Records[0].Data, &r); err != nil {
		t.Fatal(err)
	}
	if r.ID != "teller-dorpsstraat" || r.Owner.Email != "a@b.example" || r.Status != "active" || r.Lifecycle.Start != "2024-01-01" ||
		r.Organisation.Name != "Verkeersbureau BV" || r.Organisation.Type != "private" {
		t.Errorf("record %+v", r)
	}

	bad := []struct{ text, want string }{
		{"columns: {Naam: naam}", `mapping file m.yaml: column "Naam" maps to "naam", which is not a field the import can fill (one of id, kind, format_version, name,`},
		{"defaults: {lifecycle.start: gisteren}", `mapping file m.yaml: default for lifecycle.start: "gisteren" is not a date`},
		{"defaults: {id: x}", `mapping file m.yaml: default for "id", which is not a field the import can fill`},
		{"kolommen: {}", "mapping file m.yaml: yaml: unmarshal errors:\n  line 1: field kolommen not found in type importcsv.mappingFile (it holds extends:, columns:, defaults: and repeat:)"},
	}
	for _, b := range bad {
		_, err := ParseMapping("m.yaml", []byte(b.text))
		if err == nil || !strings.HasPrefix(err.Error(), b.want) {
			t.Errorf("ParseMapping(%q): %v, want %q", b.text, err, b.want)
		}
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name, csv string
		kind      record.Kind
		want      string
	}{
		{"empty", "", record.Sensor, "read x.csv: the file is empty; it needs a header row and one row per record"},
		{"no name column", "status,startdatum\nactive,2025-01-01\n", record.Sensor, `read x.csv: no column gives the name (Naam) or id of the records`},
		{"bad kind", "naam\nx\n", "camera", `import: unknown kind "camera": use sensor or algorithm`},
		{"bad quotes", "naam,status\n\"open,active\n", record.Sensor, `x.csv:2:1: a quoted cell is not closed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadable(t, Read)("x.csv", []byte(tt.csv), Options{Kind: tt.kind})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSpreadsheetEncodings(t *testing.T) {
	// Windows-1252 "é" (0xE9), a byte order mark, and tabs.
	tests := []struct {
		name string
		data []byte
		info bool
	}{
		{"windows-1252 with semicolons", []byte("Naam;Korte omschrijving\nCaf\xe9 teller;Telt\n"), true},
		{"utf-8 with BOM and tabs", []byte("\xef\xbb\xbfNaam\tKorte omschrijving\nCafé teller\tTelt\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", tt.data, Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Records) != 1 || res.Records[0].ID != "cafe-teller" || !bytes.Contains(res.Records[0].Data, []byte("name: Café teller\n")) {
				t.Fatalf("records %+v", res.Records)
			}
			if got := len(res.Findings) == 1 && strings.Contains(res.Findings[0].Message.In("en"), "read as Windows-1252"); got != tt.info {
				t.Errorf("findings %q; want the Windows-1252 note: %v", short(res.Findings), tt.info)
			}
		})
	}
}

// A file that is UTF-8 apart from some bytes is not read as Windows-1252,
// which would garble its UTF-8 text ("één" as "Ã©Ã©n"): the first byte
// that is not UTF-8 is an error at its line and column, and nothing is read.
func TestMixedEncodingIsAnError(t *testing.T) {
	const head = "Naam;Korte omschrijving\n"
	tests := []struct {
		name string
		data string
		want string
	}{
		{"utf-8 row, then a windows-1252 row", head + "Camera één;Café\nCamera twee;Caf\xe9 Latin-1\n",
			"x.csv:3:16: byte 0xE9 is not UTF-8, though other text in the file is"},
		{"windows-1252 row, then a utf-8 row", head + "Caf\xe9;Telt\nCafé twee;Telt\n",
			"x.csv:2:4: byte 0xE9 is not UTF-8, though other text in the file is"},
		{"utf-8 only in the header", "Naam;Één\nCaf\xe9;Telt\n",
			"x.csv:2:4: byte 0xE9 is not UTF-8"},
		{"a replacement character written as UTF-8", head + "Caf\xef\xbf\xbd;Caf\xe9\n",
			"x.csv:2:9: byte 0xE9 is not UTF-8"},
		{"a byte windows-1252 leaves undefined", head + "Caf\xe9;Telt\x81\n",
			"x.csv:2:10: byte 0x81 is neither UTF-8 nor Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", []byte(tt.data), Options{Kind: record.Sensor, Now: now})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			if res != nil {
				t.Errorf("records %+v, want none", res.Records)
			}
			if !strings.Contains(err.Error(), `save it as "CSV UTF-8"`) {
				t.Errorf("err %v does not say what to do", err)
			}
		})
	}
}

// The note that a file was read as Windows-1252 points at its first letter
// beyond ASCII, where the author can check the reading.
func TestWindows1252NoteSaysWhere(t *testing.T) {
	res, err := loadable(t, Read)("x.csv", []byte("Naam;Korte omschrijving\nTeller;Telt\nCaf\xe9 teller;Telt \x80 5\n"), Options{Kind: record.Sensor, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Position() != "x.csv:3:4" {
		t.Errorf("findings %q, want the note at x.csv:3:4", short(res.Findings))
	}
	if len(res.Records) != 2 || !bytes.Contains(res.Records[1].Data, []byte("Telt € 5")) {
		t.Errorf("records %+v, want the euro sign read as Windows-1252", res.Records)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "sensors"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(root, "sensors", "teller.yaml")
	if err := os.WriteFile(old, []byte("oud\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := []Record{
		{ID: "teller", Kind: record.Sensor, Path: "sensors/teller.yaml", Data: []byte("nieuw\n")},
		{ID: "meter", Kind: record.Sensor, Path: "sensors/meter.yaml", Data: []byte("id: meter\n")},
	}
	written, existed, err := Write(root, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(written, []string{filepath.Join(root, "sensors", "meter.yaml")}) || !slices.Equal(existed, []string{old}) {
		t.Errorf("written %q, existed %q", written, existed)
	}
	if data, _ := os.ReadFile(old); string(data) != "oud\n" {
		t.Errorf("the existing record was changed: %q", data)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "sensors"))
	if len(entries) != 2 {
		t.Errorf("%d files in sensors/, want 2 (no temporary files left)", len(entries))
	}
	ids, err := ExistingIDs(root)
	if err != nil || !ids["teller"] || !ids["meter"] || len(ids) != 2 {
		t.Errorf("ExistingIDs = %v, %v", ids, err)
	}
}

// TestKindColumn reads a spreadsheet of both kinds: each row keeps the
// columns of its own kind.
func TestKindColumn(t *testing.T) {
	csv := "soort record,naam,soort sensor,soort algoritme\n" +
		"sensor,Teller,Verkeersteller,\n" +
		"algoritme,Routeplanner,,Regelgebaseerd\n" +
		"camera,Fout,,\n"
	res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Now: now, Mapping: &Mapping{columns: map[string]colTarget{"soort record": {path: "kind"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Records {
		var rec record.Record
		if err := yaml.Unmarshal(r.Data, &rec); err != nil {
			t.Fatal(err)
		}
		got = append(got, r.Path+" "+rec.SensorType+rec.AlgorithmType)
	}
	if want := []string{"sensors/teller.yaml traffic_counter", "algorithms/routeplanner.yaml rule_based"}; !slices.Equal(got, want) {
		t.Errorf("records %q, want %q", got, want)
	}
	if f := short(res.Findings); len(f) != 1 || f[0] != `4:1 error import kind "camera" is neither sensor nor algorithm; the row is skipped` {
		t.Errorf("findings %q", f)
	}
}

// TestImportAgainIsIdempotent imports a spreadsheet with a repeated name
// twice: the second time every row finds its record, including the
// numbered one, and nothing new is made.
func TestImportAgainIsIdempotent(t *testing.T) {
	csv := "id,naam,korte omschrijving\n" +
		"teller,Eerste teller,Een.\n" + // an id given
		",Teller,Twee.\n" + // a name whose slug is that id
		",Teller,Drie.\n" // the same name again
	first, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := recordIDs(first), []string{"teller", "teller-2", "teller-3"}; !slices.Equal(ids, want) {
		t.Fatalf("ids %q, want %q", ids, want)
	}
	want := []string{
		`3:2 warning import the id "teller" made from the name is already used on line 2; this row gets the id "teller-2"`,
		`4:2 warning import the name "Teller" is also on line 3; this row gets the id "teller-3"`,
	}
	if got := short(first.Findings); !slices.Equal(got, want) {
		t.Errorf("findings:\n got %q\nwant %q", got, want)
	}
	existing := map[string]bool{"teller": true, "teller-2": true, "teller-3": true}
	again, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Now: now, Exists: func(id string) bool { return existing[id] }})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Records) != 0 {
		t.Errorf("the second import makes %d records", len(again.Records))
	}
	n := 0
	for _, f := range again.Findings {
		if strings.Contains(f.Message.In("en"), "is already in the register and is left unchanged") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("findings %q: want each of the three rows found in the register", short(again.Findings))
	}
}

func TestNormaliseDuration(t *testing.T) {
	tests := []struct{ path, in, want string }{
		{"evaluation.interval", "P2Y", "P2Y"},
		{"evaluation.interval", "p1y", "P1Y"},
		{"evaluation.interval", "2 jaar", "P2Y"},
		{"evaluation.interval", "Jaarlijks", "P1Y"},
		{"evaluation.interval", "elke bestuursperiode", "P4Y"},
		{"evaluation.interval", "6 maanden", "P6M"},
		{"retention", "28 dagen", "P28D"},
		{"retention", "4 weken", "P4W"},
		{"retention", "Wordt niet opgeslagen", "not_stored"},
		{"retention", "not_stored", "not_stored"},
		{"evaluation.interval", "niet opgeslagen", "niet opgeslagen"}, // only retention has not_stored
		{"retention", "zolang nodig", "zolang nodig"},                 // passes through for the schema to name
	}
	for _, tt := range tests {
		if got, err := normaliseDuration(tt.path, tt.in); got != tt.want || err != nil {
			t.Errorf("normaliseDuration(%s, %q) = %q, %v; want %q", tt.path, tt.in, got, err, tt.want)
		}
	}
}

// TestFormulaQuoteReadsBack pins that a cell our CSV outputs quoted as text
// (a leading apostrophe before =, +, -, @) imports as the text itself, and
// that an apostrophe before other text stays.
func TestFormulaQuoteReadsBack(t *testing.T) {
	data := "naam;locatie;wijk\n'=2+3;'+31 Markt;'s-Hertogenbosch\n"
	res, err := loadable(t, Read)("x.csv", []byte(data), Options{Kind: record.Sensor, Validator: validator(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("records: %d", len(res.Records))
	}
	var rec record.Record
	if err := yaml.Unmarshal(res.Records[0].Data, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Name != "=2+3" || rec.Location == nil || rec.Location.Description != "+31 Markt" || rec.Location.Area != "'s-Hertogenbosch" {
		t.Errorf("name %q, location %+v; want =2+3, +31 Markt, 's-Hertogenbosch", rec.Name, rec.Location)
	}
}

// TestFileNameInHeaderComment pins that a file name with a newline or other
// control character cannot break out of the record's header comment.
func TestFileNameInHeaderComment(t *testing.T) {
	for _, name := range []string{"sensoren\nid: gekaapt.csv", "a\rb\u2028c\u0085d.csv"} {
		res, err := loadable(t, Read)(name, []byte("naam\nTeller Markt\n"), Options{Kind: record.Sensor, Validator: validator(t), Now: now})
		if err != nil {
			t.Fatal(err)
		}
		data := res.Records[0].Data
		var doc map[string]any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%q: the record is no YAML: %v\n%s", name, err, data)
		}
		if doc["id"] != "teller-markt" {
			t.Errorf("%q: id %v, want teller-markt\n%s", name, doc["id"], data)
		}
		for i, l := range strings.Split(string(data), "\n")[:3] {
			if !strings.HasPrefix(l, "# ") {
				t.Errorf("%q: header line %d is not a comment: %q", name, i+1, l)
			}
		}
	}
}

// A whole-number cell takes the dots a Dutch spreadsheet puts between
// thousands, and no other: "12.0" or "1.5" dropped their dot into ten
// times the number, written into the record without a word.
func TestWholeNumberCells(t *testing.T) {
	for _, tt := range []struct {
		cell string
		n    int
		ok   bool
	}{
		{"12", 12, true},
		{"1.250", 1250, true},
		{"12.500.000", 12500000, true},
		{"-1.250", -1250, true},
		{"12.0", 0, false},
		{"1.5", 0, false},
		{"1.25", 0, false},
		{"1250.000", 0, false},
		{".250", 0, false},
		{"1..250", 0, false},
		{"1.250.", 0, false},
		{"veel", 0, false},
		{"0.250", 0, false},
		{"012.000", 0, false},
		{"+1.250", 1250, true},
		{"012", 12, true},
	} {
		n, ok := wholeNumber(tt.cell)
		if n != tt.n || ok != tt.ok {
			t.Errorf("wholeNumber(%q) = %d, %v; want %d, %v", tt.cell, n, ok, tt.n, tt.ok)
		}
	}
}

// The register's own JSON writes null for a quantity that is no count;
// read back, the record would give none and read as one device, so the
// import says so, at the entry, for each key given as null.
func TestNullInTheRecordFormatIsSaid(t *testing.T) {
	data := []byte(`{"records": [
 {"id": "cam-a", "kind": "sensor", "name": "Camera A", "sensor_type": "camera", "quantity": null, "location": {"description": null}},
 {"id": "cam-b", "kind": "sensor", "name": "Camera B", "sensor_type": "camera", "quantity": 3}
]}`)
	res, err := loadable(t, ReadJSON)("register.json", data, Options{Kind: record.Sensor})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, f := range res.Findings {
		if strings.Contains(f.Message.In("en"), "is null") {
			said = append(said, fmt.Sprintf("%d %s", f.Line, f.Message.In("en")))
		}
	}
	want := []string{`2 key "quantity" is null: it is left out of the record`,
		`2 key "location.description" is null: it is left out of the record`}
	if !slices.Equal(said, want) {
		t.Errorf("findings %q, want %q", said, want)
	}
}

// A cell holding a list of objects as JSON is written into the record as
// it is: a key given twice in one of its objects would be written twice,
// and the record would not load, so the row is skipped at that cell.
func TestKeyTwiceInAJSONListCellSkipsTheRow(t *testing.T) {
	const head = "naam,decisions\n"
	tests := []struct {
		name, cell string
		want       []string // short findings of the import rule
		records    []string
	}{
		{"in an object of the list", `"[{""body"": ""a"", ""body"": ""b"", ""kind"": ""authorisation""}]"`,
			[]string{`2:2 error import decisions (column "decisions"): key "decisions.0.body" is given twice: keep one of the two values; the row is skipped`}, nil},
		{"deeper", `"[{""body"": ""a""}, {""x"": [{""y"": 1, ""y"": 2}]}]"`,
			[]string{`2:2 error import decisions (column "decisions"): key "decisions.1.x.0.y" is given twice: keep one of the two values; the row is skipped`}, nil},
		{"once in each object", `"[{""body"": ""a"", ""kind"": ""authorisation""}, {""body"": ""b"", ""kind"": ""authorisation""}]"`,
			nil, []string{"teller"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", []byte(head+"Teller,"+tt.cell+"\n"), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			got := importFindings(res.Findings)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			if ids := recordIDs(res); !slices.Equal(ids, tt.records) {
				t.Errorf("records %q, want %q", ids, tt.records)
			}
		})
	}
}

// A record whose file the loader would refuse is not written, whether or
// not the import validates: every command would refuse the register with
// it. JSON lists are written into the record as they are, numbers and
// nesting too, under a key the record format has not (whose shape no
// field gives).
func TestRecordThatWouldNotLoadIsNotWritten(t *testing.T) {
	deep := strings.Repeat("[", 40) + strings.Repeat("]", 40)
	tests := []struct {
		name, doc string
		csv       bool
		want      string // the short finding saying the row is skipped
	}{
		{"a number too large", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"note": 1e999}]}`, false,
			`1:1 error import x1: 1e999 is not a valid number; the record file would not load, so the entry is skipped`},
		{"lists nested too deep", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"note": ` + deep + `}]}`, false,
			`1:1 error import x1: nesting is deeper than 32 levels; the record file would not load, so the entry is skipped`},
		{"in a spreadsheet's cell", "naam,decisions\nTeller,\"[{\"\"body\"\": 1e999}]\"\n", true,
			`2:2 error import teller: 1e999 is not a valid number; the record file would not load, so the row is skipped`},
	}
	for _, tt := range tests {
		for _, v := range []Validator{nil, validator(t)} {
			t.Run(fmt.Sprintf("%s, validated %v", tt.name, v != nil), func(t *testing.T) {
				read := ReadJSON
				if tt.csv {
					read = Read
				}
				res, err := loadable(t, read)("d.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now, Validator: v})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Records) > 0 {
					t.Errorf("wrote %s, which would not load:\n%s", res.Records[0].Path, res.Records[0].Data)
				}
				if got := short(res.Findings); !slices.Contains(got, tt.want) {
					t.Errorf("findings\n%s\nwant among them\n%s", strings.Join(got, "\n"), tt.want)
				}
			})
		}
	}
}

// A yes/no cell (publication.public, signage.present) takes the words
// parseBool lists, in any case and with spaces around them, and nothing
// else: a word with more to it ("[ja]", "ja!", "-1") is an error at its
// cell, never read as yes.
func TestYesNoCells(t *testing.T) {
	const head = "naam;publication.public\n"
	for _, tt := range []struct {
		cell string
		want bool
	}{
		{"ja", true}, {"Ja", true}, {" JA ", true}, {"j", true}, {"yes", true}, {"Y", true}, {"true", true},
		{"TRUE", true}, {"waar", true}, {"1", true}, {"x", true}, {"X", true},
		{"nee", false}, {"Nee", false}, {"n", false}, {"no", false}, {"false", false}, {"onwaar", false}, {"0", false},
	} {
		r, _ := one(t, head+"Teller;"+tt.cell+"\n", Options{Kind: record.Sensor})
		if r.Publication == nil || r.Publication.Public == nil || *r.Publication.Public != tt.want {
			t.Errorf("%q read as %+v, want %v", tt.cell, r.Publication, tt.want)
		}
	}
	for _, cell := range []string{"[ja]", "[[true]]", "ja!", "(ja)", "ja.", "Waar?", "-1", "+1", "1.0", "x.", "ja graag", "j a", "2", "wahr", "ok"} {
		res, err := loadable(t, Read)("x.csv", []byte(head+"Teller;\""+strings.ReplaceAll(cell, `"`, `""`)+"\"\n"), Options{Kind: record.Sensor, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) > 0 {
			t.Errorf("%q: wrote\n%s", cell, res.Records[0].Data)
		}
		want := fmt.Sprintf("2:2 error import publication.public (column %q): %q is not yes or no; the row is skipped", "publication.public", cell)
		if got := short(res.Findings); !slices.Contains(got, want) {
			t.Errorf("%q: findings\n%s\nwant among them\n%s", cell, strings.Join(got, "\n"), want)
		}
	}
}

// A finding on an item of a list filled from several columns points at
// the column that gave that item, not at the last one that gave any.
func TestAListItemsFindingGivesItsColumn(t *testing.T) {
	m, err := LoadMapping("algoritmeregister-v0.1")
	if err != nil {
		t.Fatal(err)
	}
	csv := "Naam;Link naar publiekspagina;Link naar projectpagina;Link naar ontwikkelaar\nTest;;www.a.nl;geen link\n"
	res, err := Read("l.csv", []byte(csv), Options{Kind: record.Algorithm, Mapping: m, Now: now, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range res.Findings {
		if !strings.Contains(f.Message.In("en"), "www.a.nl") {
			continue
		}
		found = true
		if f.Line != 2 || f.Column != 3 {
			t.Errorf("the finding on www.a.nl is at %d:%d, want 2:3 (its column): %s", f.Line, f.Column, f.Message.In("en"))
		}
	}
	if !found {
		t.Fatalf("no finding names www.a.nl: %s", short(res.Findings))
	}
}
