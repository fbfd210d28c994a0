package importcsv

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// one imports a spreadsheet and returns its only record, failing otherwise.
func one(t *testing.T, csv string, opts Options) (record.Record, *Result) {
	t.Helper()
	if opts.Kind == "" {
		opts.Kind = record.Algorithm
	}
	opts.Now = now
	res, err := loadable(t, Read)("x.csv", []byte(csv), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("records %d, findings %q", len(res.Records), short(res.Findings))
	}
	return decode(t, res)[0], res
}

// decode reads back the records an import made.
func decode(t *testing.T, res *Result) []record.Record {
	t.Helper()
	out := make([]record.Record, len(res.Records))
	for i, rec := range res.Records {
		if err := yaml.Unmarshal(rec.Data, &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func mapping(t *testing.T, text string) *Mapping {
	t.Helper()
	m, err := ParseMapping("m.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Prose is never split: a text with commas and semicolons in a column the
// built-in headers read as datasets stays one text.
func TestProseIsKeptWhole(t *testing.T) {
	text := "BRP, persoons-, familie-en adresgegevens; en de gegevens van de sociale dienst"
	r, _ := one(t, "naam;gegevens;soorten persoonsgegevens\nToeslag;\""+text+"\";\"naam, adres\"\n", Options{})
	if len(r.Datasets) != 1 || r.Datasets[0].Name != text {
		t.Errorf("datasets %+v, want one dataset named with the whole text", r.Datasets)
	}
	if !slices.Equal(r.PersonalData.Categories, []string{"naam, adres"}) {
		t.Errorf("categories %q, want the whole text", r.PersonalData.Categories)
	}
}

// A list is split only where the mapping file declares it, at the separator
// it names.
func TestDeclaredListsSplitAtTheirSeparator(t *testing.T) {
	m := mapping(t, `columns:
  Databronnen: {field: datasets, separator: " | "}
  Naam: name
`)
	r, _ := one(t, "Naam;Databronnen\nToeslag;\"BRP, adressen | Aanvragen; 2024\"\n", Options{Mapping: m})
	var names []string
	for _, d := range r.Datasets {
		names = append(names, d.Name)
	}
	if !slices.Equal(names, []string{"BRP, adressen", "Aanvragen; 2024"}) {
		t.Errorf("datasets %q", names)
	}
	if _, err := ParseMapping("m.yaml", []byte("columns: {Naam: {field: name, separator: \";\"}}")); err == nil ||
		!strings.Contains(err.Error(), "holds one value, not a list") {
		t.Errorf("a separator on a one-value field: %v", err)
	}
}

// Value maps translate a source's vocabulary; unknown values are reported
// with their row and column, never silently kept or dropped.
func TestValueMaps(t *testing.T) {
	m := mapping(t, `columns:
  Naam: name
  Type: {field: sensor_type, values: {"Optische / camera sensor": camera}, unknown: report}
  Thema 1: {field: themes, values: {"Mobiliteit: auto": verkeer}}
  Thema 2: {field: themes, values: {"Milieu": natuur-en-milieu}, unknown: report}
`)
	csv := "Naam;Type;Thema 1;Thema 2\nCam;Optische / camera sensor;Mobiliteit: auto;Milieu\nTeller;Chemiesensor;Verkeer;Onbekend thema\n"
	res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range decode(t, res) {
		got = append(got, r.ID+":"+r.SensorType+":"+strings.Join(r.Themes, ","))
	}
	if want := []string{"cam:camera:verkeer,natuur-en-milieu", "teller::verkeer"}; !slices.Equal(got, want) {
		t.Errorf("records %q, want %q", got, want)
	}
	want := []string{
		`3:2 warning import sensor_type (column "Type"): "Chemiesensor" is not in the column's value map and is not imported`,
		`3:4 warning import themes (column "Thema 2"): "Onbekend thema" is not in the column's value map and is not imported`,
	}
	for _, w := range want {
		if !slices.Contains(short(res.Findings), w) {
			t.Errorf("no finding %q in %q", w, short(res.Findings))
		}
	}
	m = mapping(t, "columns: {Naam: name, Type: {field: sensor_type, values: {a: camera}, unknown: error}}")
	res, err = loadable(t, Read)("x.csv", []byte("Naam;Type\nCam;b\n"), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 0 || !slices.Contains(short(res.Findings), `2:2 error import sensor_type (column "Type"): "b" is not among the mapping file's values; the row is skipped`) {
		t.Errorf("unknown: error: %d records, %q", len(res.Records), short(res.Findings))
	}
}

// A form that describes several sensors per row gives one record per filled
// group of columns; the notifier's columns belong to each.
func TestRepeatedGroupsBecomeOneRecordEach(t *testing.T) {
	m := mapping(t, `repeat: Soort
columns:
  Referentie: name
  Organisatie: organisation.name
  Soort: sensor_type
  Omschrijving: location.description
`)
	csv := "Referentie;Organisatie;Soort;Omschrijving;Soort;Omschrijving;Soort;Omschrijving\n" +
		"7079-2296;Gemeente A;Camera;Brug;Geluidssensor;Plein;;\n" +
		"7079-2297;Gemeente A;;;;;;\n"
	res, err := loadable(t, Read)("x.csv", []byte(csv), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range decode(t, res) {
		got = append(got, r.ID+":"+r.Name+":"+r.SensorType+":"+r.Location.Description+":"+r.Organisation.Name)
	}
	want := []string{"7079-2296-1:7079-2296:camera:Brug:Gemeente A", "7079-2296-2:7079-2296:noise:Plein:Gemeente A"}
	if !slices.Equal(got, want) {
		t.Errorf("records %q, want %q", got, want)
	}
	if !slices.Contains(short(res.Findings), "3:0 warning import the row describes no record: every column of the repeated groups is empty; the row is skipped") {
		t.Errorf("findings %q", short(res.Findings))
	}
}

// Text a YAML 1.1 reader would take for a boolean, null or number is quoted.
func TestYAML11WordsAreQuoted(t *testing.T) {
	m := mapping(t, "columns: {Naam: name, Rol: owner.role, Telefoon: owner.phone, Afdeling: owner.department}")
	_, res := one(t, "Naam;Persoonsgegevens;Rol;Telefoon;Afdeling\nTeller;ja;on;14020;1:20\n", Options{Kind: record.Sensor, Mapping: m})
	data := string(res.Records[0].Data)
	for _, want := range []string{`processed: "yes"`, `role: "on"`, `phone: "14020"`, `department: "1:20"`} {
		if !strings.Contains(data, want) {
			t.Errorf("no %s in\n%s", want, data)
		}
	}
	for _, s := range []string{"yes", "No", "ON", "off", "y", "N", "~", "null", "0x1F", "1_000", "+.5", ".inf", "12e3"} {
		if !yaml11Special(s) {
			t.Errorf("%q is not quoted", s)
		}
	}
	for _, s := range []string{"yesterday", "Nee", "P1Y", "1.2.3", "cam-1", "onbekend"} {
		if yaml11Special(s) {
			t.Errorf("%q is quoted needlessly", s)
		}
	}
}

// A column with no place in the record format is reported with the lines
// whose text it leaves out.
func TestUnplacedTextIsReported(t *testing.T) {
	_, res := one(t, "Naam;Impact;Proces\nToeslag;Veel impact;\n", Options{})
	want := `1:2 warning import column "Impact" is not a field of the record format and is left out; its text on line 2 is not imported`
	if !slices.Contains(short(res.Findings), want) {
		t.Errorf("no %q in %q", want, short(res.Findings))
	}
}

// Every ready-made map parses, and one that extends another keeps the base's
// columns.
func TestReadyMaps(t *testing.T) {
	names := Maps()
	for _, want := range []string{"algoritmeregister-csv", "algoritmeregister-json", "algoritmeregister-lijst-json", "algoritmeregister-v0.1", "algoritmeregister-v0.1-json", "amsterdam-bulk", "amsterdam-kaartlaag", "amsterdam-melding"} {
		if !slices.Contains(names, want) {
			t.Errorf("no ready-made map %s in %q", want, names)
		}
	}
	for _, n := range names {
		if _, err := LoadMapping(n); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	m, _ := LoadMapping("amsterdam-melding")
	if p, _, ok := m.column("Privacyverklaring"); !ok || p != "links" || m.repeat == "" {
		t.Errorf("amsterdam-melding does not extend amsterdam-bulk: %q %v %q", p, ok, m.repeat)
	}
	if _, err := ParseMapping("m.yaml", []byte("extends: nothing")); err == nil {
		t.Error("extends of an unknown map is accepted")
	}
}

// The national register's JSON, one entry or a list, is read with the map
// its keys call for, and keyed on the national id: an entry the register
// has, or one given twice, is not imported again.
func TestNationalRegisterJSON(t *testing.T) {
	entry := `{"lars": "41958113", "name": "Handhaving op kenteken", "organization": "Gemeente Amsterdam",
  "description_short": "Camera's lezen kentekens.", "status": "In gebruik", "begin_date": "2023-01",
  "category": ["Verkeer", "Natuur en milieu"], "source_data": "BRP, persoons-, familie-en adresgegevens",
  "lawful_basis_grouping": [{"title": "Wegenverkeerswet 1994", "link": "https://wetten.overheid.nl/BWBR0006622"}],
  "tags": "kenteken"}`
	for _, doc := range []string{entry, "[" + entry + "]", `{"results": [` + entry + `]}`} {
		res, err := loadable(t, ReadJSON)("e.json", []byte(doc), Options{Kind: record.Algorithm, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) != 1 {
			t.Fatalf("%s: records %d, findings %q", doc[:10], len(res.Records), short(res.Findings))
		}
		var r record.Record
		if err := yaml.Unmarshal(res.Records[0].Data, &r); err != nil {
			t.Fatal(err)
		}
		if r.NationalRegister == nil || r.NationalRegister.ID != "41958113" || r.Lifecycle.Start != "2023-01-01" ||
			!slices.Equal(r.Themes, []string{"verkeer", "natuur-en-milieu"}) || len(r.Datasets) != 1 ||
			r.Datasets[0].Name != "BRP, persoons-, familie-en adresgegevens" ||
			r.LegalBasis == nil || !slices.Equal(r.LegalBasis.Links, []string{"https://wetten.overheid.nl/BWBR0006622"}) {
			t.Errorf("record %+v", r)
		}
		if !slices.ContainsFunc(short(res.Findings), func(s string) bool {
			return strings.Contains(s, `key "tags" is not a field of the record format and is left out; its text on line 1 is not imported`)
		}) {
			t.Errorf("tags are not reported: %q", short(res.Findings))
		}
	}
	res, err := loadable(t, ReadJSON)("e.json", []byte("["+entry+","+strings.Replace(entry, "Handhaving op kenteken", "Tweede", 1)+"]"), Options{Kind: record.Algorithm, Now: now,
		NationalIDs: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || !slices.ContainsFunc(short(res.Findings), func(s string) bool { return strings.Contains(s, "national register entry 41958113 is also on line 1") }) {
		t.Errorf("twice in the file: %d records, %q", len(res.Records), short(res.Findings))
	}
	res, err = loadable(t, ReadJSON)("e.json", []byte(entry), Options{Kind: record.Algorithm, Now: now,
		NationalIDs: map[string]string{"41958113": "kentekens"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 0 || !slices.ContainsFunc(short(res.Findings), func(s string) bool {
		return strings.Contains(s, `national register entry 41958113 is already in the register as "kentekens"`)
	}) {
		t.Errorf("already in the register: %d records, %q", len(res.Records), short(res.Findings))
	}
	for _, bad := range []string{"", "[]", "42", `{"a": [{"x": 1}], "b": [{"y": 2}]}`, "[1, 2]", "{} {}"} {
		if _, err := loadable(t, ReadJSON)("e.json", []byte(bad), Options{Kind: record.Algorithm, Now: now}); err == nil {
			t.Errorf("loadable(t, ReadJSON)(%q) gives no error", bad)
		}
	}
}

// The national register's public listing writes the standard's statuses as
// slugs ("ontwikkeling" for In ontwikkeling); every one becomes the record
// format's status, and so does every status of the real listing.
func TestNationalListingStatuses(t *testing.T) {
	want := map[string]string{
		"in_gebruik": "active", "ontwikkeling": "in_development", "in_ontwikkeling": "in_development",
		"buiten_gebruik": "retired", "uitgefaseerd": "retired",
		"In gebruik": "active", "In ontwikkeling": "in_development", "Buiten gebruik": "retired",
	}
	for from, to := range want {
		doc := `[{"id": "56214518", "title": "Verkeersongevallen", "organisatie": "Gemeente Utrecht", "doel": "Ongevallen voorkomen.", "status": "` + from + `"}]`
		res, err := loadable(t, ReadJSON)("lijst.json", []byte(doc), Options{Kind: record.Algorithm, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) != 1 {
			t.Fatalf("%s: records %d, findings %q", from, len(res.Records), short(res.Findings))
		}
		if r := decode(t, res)[0]; r.Status != to {
			t.Errorf("status %q became %q, want %q; findings %q", from, r.Status, to, short(res.Findings))
		}
	}

	file := "../../../shared/realdata/nl-algoritmeregister-2026/source/algoritmes-sample.json"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("real data absent: %v", err)
	}
	var src struct {
		Algoritmes []struct{ Title, Status string }
	}
	if err := json.Unmarshal(data, &src); err != nil {
		t.Fatal(err)
	}
	res, err := loadable(t, ReadJSON)(file, data, Options{Kind: record.Algorithm, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	recs := decode(t, res)
	if len(recs) != len(src.Algoritmes) {
		t.Fatalf("%d records of %d entries", len(recs), len(src.Algoritmes))
	}
	for i, r := range recs {
		if r.Name != src.Algoritmes[i].Title {
			t.Fatalf("record %d is %q, entry %q", i, r.Name, src.Algoritmes[i].Title)
		}
		if w := want[src.Algoritmes[i].Status]; r.Status != w {
			t.Errorf("%s: status %q became %q, want %q", r.ID, src.Algoritmes[i].Status, r.Status, w)
		}
	}
	for _, f := range short(res.Findings) {
		if strings.Contains(f, "status") && !strings.Contains(f, " schema ") {
			t.Errorf("finding about the status: %s", f)
		}
	}
	for _, f := range res.Findings {
		if f.Rule == "schema" && strings.Contains(f.Message.In("en"), `"status"`) {
			t.Errorf("a record without status: %s", f.Message.In("en"))
		}
	}
}

// The national register's "impact assessment done" (Ja/Nee/Onbekend) does
// not say which assessment, nor when: no field of the record means that, so
// the ready-made maps fill neither dpia nor assessments from it, and say
// why on the column, with the lines whose value is left out.
func TestImpactAssessmentDoneIsNotGuessed(t *testing.T) {
	for _, tt := range []struct {
		name, header string // header: the column or key as a finding names it
		read         func(string, []byte, Options) (*Result, error)
		doc          string
		mp           string
	}{
		{"CSV export", `column "Impacttoets uitgevoerd"`, Read, "Algoritme-ID;Naam;Impacttoets uitgevoerd\n41958113;Handhaving op kenteken;Ja\n", "algoritmeregister-csv"},
		{"JSON listing", `key "impactassessment"`, ReadJSON, `[{"id": "41958113", "title": "Handhaving op kenteken", "organisatie": "Gemeente Amsterdam", "impactassessment": "Ja"}]`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Kind: record.Algorithm, Now: now}
			if tt.mp != "" {
				m, err := LoadMapping(tt.mp)
				if err != nil {
					t.Fatal(err)
				}
				opts.Mapping = m
			}
			res, err := loadable(t, tt.read)("x", []byte(tt.doc), opts)
			if err != nil {
				t.Fatal(err)
			}
			recs := decode(t, res)
			if len(recs) != 1 {
				t.Fatalf("%d records: %q", len(recs), short(res.Findings))
			}
			if recs[0].DPIA != nil || len(recs[0].Assessments) != 0 {
				t.Errorf("filled from %q: dpia %+v, assessments %+v", tt.header, recs[0].DPIA, recs[0].Assessments)
			}
			var said bool
			for _, f := range res.Findings {
				en, nl := f.Message.In("en"), f.Message.In("nl")
				if strings.Contains(en, tt.header+` is not imported`) {
					said = f.Severity == finding.Warning &&
						strings.Contains(en, "not which one (a DPIA, an IAMA or another) nor when") && strings.Contains(en, "its text on line") &&
						strings.Contains(nl, "maar niet welke (een DPIA, een IAMA of een andere) en niet wanneer")
				}
			}
			if !said {
				t.Errorf("the column is not reported with the reason: %q", short(res.Findings))
			}
		})
	}
}

// A GeoJSON map layer's features become records: their properties are the
// columns and a point gives the position. Several keys the map sends to one
// field fill it from whichever the feature has; two different values are
// reported.
func TestGeoJSONFeatures(t *testing.T) {
	doc := `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 5, "geometry": {"type": "Point", "coordinates": [4.895862, 52.381543]},
  "properties": {"Objectnummer_Amsterdam": "TV-117-5", "Standplaats": "De Ruyterkade - Havengebouw", "Rotatie": 0}},
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.793372, 52.343909]},
  "properties": {"BrugSluisNummer": "SLU0101", "Naam": "Akersluis", "Actief_JN": "Ja"}},
 {"type": "Feature", "geometry": null,
  "properties": {"Objectnummer": "GABW-02", "Locatienaam": "Anders", "Actief": "Misschien"}}]}`
	m, err := LoadMapping("amsterdam-kaartlaag")
	if err != nil {
		t.Fatal(err)
	}
	res, err := loadable(t, ReadJSON)("laag.geojson", []byte(doc), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range decode(t, res) {
		pos := ""
		if r.Location != nil && r.Location.Point != nil {
			pos = fmt.Sprint(r.Location.Point.Lat, ",", r.Location.Point.Lon)
		}
		desc := ""
		if r.Location != nil {
			desc = r.Location.Description
		}
		got = append(got, r.Name+"|"+desc+"|"+pos+"|"+r.Status)
	}
	want := []string{"TV-117-5|De Ruyterkade - Havengebouw|52.381543,4.895862|", "SLU0101|Akersluis|52.343909,4.793372|active", "GABW-02|||"}
	if !slices.Equal(got, want) {
		t.Errorf("records %q, want %q", got, want)
	}
	fs := short(res.Findings)
	for _, w := range []string{
		`key "Rotatie" is not a field of the record format and is left out; its text on line 2 is not imported`,
		`key "feature.id" is not a field of the record format and is left out; its text on line 2 is not imported`,
		`status (key "Actief"): "Misschien" is not in the key's value map and is not imported`,
		`name (key "Locatienaam"): "Anders" is not imported; key "Objectnummer" already gives "GABW-02"`,
	} {
		if !slices.ContainsFunc(fs, func(s string) bool { return strings.Contains(s, w) }) {
			t.Errorf("no finding with %q in %q", w, fs)
		}
	}
}

// Hostile JSON is refused or reported, never a crash: deep nesting is kept
// whole below a bound, and keys with no place are reported once per key.
func TestHostileJSON(t *testing.T) {
	deep := `{"name": "Diep", "a": ` + strings.Repeat(`{"b": `, 5000) + `1` + strings.Repeat(`}`, 5000) + `}`
	res, err := loadable(t, ReadJSON)("d.json", []byte(deep), Options{Kind: record.Algorithm, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Errorf("records %d, findings %q", len(res.Records), short(res.Findings))
	}
	var b strings.Builder
	b.WriteString(`{"name": "Breed"`)
	for i := range 20000 {
		fmt.Fprintf(&b, `, "k%d": "v"`, i)
	}
	b.WriteString("}")
	res, err = loadable(t, ReadJSON)("w.json", []byte(b.String()), Options{Kind: record.Algorithm, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || len(res.Findings) != 20000 {
		t.Errorf("records %d, findings %d, want 1 and one per unknown key", len(res.Records), len(res.Findings))
	}
}

// JSON is UTF-8. A byte that is not would become U+FFFD as the JSON is
// read, changing the text: it is an error at its line and column instead.
func TestJSONThatIsNotUTF8(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"latin-1 letter", "[{\"naam\": \"Caf\xe9 teller\"}]", "l.json:1:15: byte 0xE9 is not UTF-8"},
		{"on a later line", "[\n  {\"naam\": \"Één\"},\n  {\"naam\": \"Caf\xe9\"}\n]", "l.json:3:16: byte 0xE9 is not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("l.json", []byte(tt.data), Options{Kind: record.Sensor, Now: now})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			if res != nil {
				t.Errorf("records %+v, want none", res.Records)
			}
		})
	}
}

// Amsterdam's notification form as its export writes it: the notifier's
// columns, then the sensor columns repeated for up to five sensors. Each
// filled sensor is a record; the notifier's personal name and mailbox are
// not imported.
func TestAmsterdamNotificationForm(t *testing.T) {
	registration := []string{"Verzonden", "Status", "Referentienummer", "Wilt u meer dan 5 sensoren melden?", "Vul uw e-mailadres in"}
	person := []string{"Naam organisatie/bedrijf", "E-mail", "Postcode", "Huisnummer", "Toevoeging", "Straatnaam", "Plaatsnaam", "KVK-nummer", "Website", "Voornaam", "Tussenvoegsel", "Achternaam", "Telefoonnummer"}
	sensor := []string{"Kies soort / type sensor", "Locatie sensor", "Hebt u een postcode en huisnummer?", "Postcode", "Huisnummer", "Toevoeging",
		"Omschrijving van de locatie van de sensor", "In welk gebied bevindt zich de mobiele sensor?", "Wat meet de sensor?", "Waarvoor meet u dat?",
		"Kies een of meerdere thema's", "Worden er persoonsgegevens verwerkt?", "Privacyverklaring", "Wettelijke grondslag", "Wanneer wordt de sensor verwijderd?", "Wilt u nog een sensor melden?"}
	head := append(append([]string{}, registration...), person...)
	for i := range 5 {
		g := sensor
		if i == 4 {
			g = sensor[:len(sensor)-1] // the last sensor has no "another one?"
		}
		head = append(head, g...)
	}
	row := map[int]string{}
	set := func(group int, col, v string) {
		base, cols := 0, head
		if group > 0 {
			base = len(registration) + len(person) + (group-1)*len(sensor)
			cols = sensor
		}
		for i, h := range cols {
			if h == col {
				row[base+i] = v
				return
			}
		}
		t.Fatalf("no column %q", col)
	}
	set(0, "Referentienummer", "7079-2297")
	set(0, "Vul uw e-mailadres in", "melder@bedrijf.example")
	set(0, "Naam organisatie/bedrijf", "Havenbedrijf BV")
	set(0, "E-mail", "sensoren@havenbedrijf.example")
	set(0, "Voornaam", "Jan")
	set(0, "Achternaam", "Jansen")
	set(0, "Telefoonnummer", "020 123 4567")
	set(1, "Kies soort / type sensor", "Optische / camera sensor")
	set(1, "Locatie sensor", "Vast")
	set(1, "Omschrijving van de locatie van de sensor", "Kade 3, boven de ingang")
	set(1, "Waarvoor meet u dat?", "Drukte en geluidsoverlast, ook 's nachts")
	set(1, "Kies een of meerdere thema's", "Veiligheid;Lucht")
	set(1, "Worden er persoonsgegevens verwerkt?", "Nee")
	set(1, "Wanneer wordt de sensor verwijderd?", "01-01-2030")
	set(1, "Wilt u nog een sensor melden?", "Ja")
	set(2, "Kies soort / type sensor", "Chemiesensor")
	set(2, "Locatie sensor", "Mobiel")
	set(2, "In welk gebied bevindt zich de mobiele sensor?", "Haventerrein")
	set(2, "Waarvoor meet u dat?", "Of er gevaarlijke stoffen vrijkomen")
	cells := make([]string, len(head))
	for i, v := range row {
		cells[i] = v
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = ';'
	_ = w.Write(head)
	_ = w.Write(cells)
	w.Flush()
	m, err := LoadMapping("amsterdam-melding")
	if err != nil {
		t.Fatal(err)
	}
	res, err := loadable(t, Read)("Sensorregistratie.csv", []byte(b.String()), Options{Kind: record.Sensor, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rec := range res.Records {
		if strings.Contains(string(rec.Data), "Jan") || strings.Contains(string(rec.Data), "melder@") {
			t.Errorf("a personal name or the notifier's mailbox reached a record:\n%s", rec.Data)
		}
		var r record.Record
		if err := yaml.Unmarshal(rec.Data, &r); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s|%s|%s|%v|%s|%s|%s|%s", r.ID, r.SensorType, r.Purpose, r.Location.Mobile, r.Location.Description+r.Location.Area,
			strings.Join(r.Themes, ","), r.Organisation.Name, r.Owner.Email))
	}
	want := []string{
		"7079-2297-1|camera|Drukte en geluidsoverlast, ook 's nachts|false|Kade 3, boven de ingang|openbare-orde-en-veiligheid,natuur-en-milieu|Havenbedrijf BV|sensoren@havenbedrijf.example",
		"7079-2297-2|air_quality|Of er gevaarlijke stoffen vrijkomen|true|Haventerrein||Havenbedrijf BV|sensoren@havenbedrijf.example",
	}
	if !slices.Equal(got, want) {
		t.Errorf("records:\n got %q\nwant %q", got, want)
	}
	fs := short(res.Findings)
	for _, w := range []string{`column "Voornaam" is not imported: personal names are not imported`, `column "Vul uw e-mailadres in" is not imported`} {
		if !slices.ContainsFunc(fs, func(s string) bool { return strings.Contains(s, w) }) {
			t.Errorf("no finding with %q in %q", w, fs)
		}
	}
}

// A site's register.json is an index of parts: importing it says which
// files hold the records rather than importing the links as records.
func TestOpenDataIndex(t *testing.T) {
	index := `{"organisation": "Gemeente X", "record_count": 1, "parts": [{"url": "register/1.json", "records": 1}]}`
	if _, err := loadable(t, ReadJSON)("register.json", []byte(index), Options{Kind: record.Sensor, Now: now}); err == nil || !strings.Contains(err.Error(), "data/register/1.json") {
		t.Errorf("import of the index: %v, want the parts named", err)
	}
	part := `{"part": 1, "parts": 1, "index": "../register.json", "records": [{"id": "cam-a", "kind": "sensor", "name": "Camera A"}]}`
	res, err := loadable(t, ReadJSON)("1.json", []byte(part), Options{Kind: record.Sensor, Now: now})
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("import of a part: %v, %d records", err, len(res.Records))
	}
}

// A mapping's default is written as the field is: a list of objects as a
// YAML list, a number or yes/no as itself, a text as a text.
func TestMappingDefaultsTakeLists(t *testing.T) {
	m := mapping(t, `defaults:
  datasets: [{name: BRP}, {name: Suwinet}]
  status: active
  personal_data.processed: yes
`)
	res, err := loadable(t, Read)("x.csv", []byte("naam\nToeslagen\n"), Options{Kind: record.Algorithm, Mapping: m, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("records: %d, findings: %s", len(res.Records), short(res.Findings))
	}
	data := string(res.Records[0].Data)
	for _, want := range []string{"name: BRP", "name: Suwinet", "status: active", "processed: \"yes\""} {
		if !strings.Contains(data, want) {
			t.Errorf("the record lacks %q:\n%s", want, data)
		}
	}
}
