package importcsv

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// shapeFindings are the errors of the import rule, as "line:col message".
func shapeFindings(fs []finding.Finding, lang string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == RuleImport && f.Severity == finding.Error {
			out = append(out, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Message.In(lang)))
		}
	}
	return out
}

// A value of JSON is read as the shape the record format gives its field:
// true or false for a yes/no field, a number for a number, a text for a
// text, a list where the field is a list, an object where it holds fields.
// Any other shape (a list of one value, a value nested in lists, "true" as
// text, an object where a text goes) is an error at that value, and the
// entry is not imported: read any other way, a malformed privacy flag
// became "public".
func TestJSONValueOfAnotherShapeIsAnError(t *testing.T) {
	tests := []struct {
		name  string
		kind  record.Kind
		entry string // the entry; the value at fault is the one after the first «
		want  string // the message, without its position
	}{
		{"a yes/no nested in lists", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «[[true]]}}`,
			`key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no in a list of one", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «[true]}}`,
			`key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no in an empty list", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «[]}}`,
			`key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no as the text true", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «"true"}}`,
			`key "publication.public" holds a text, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no as the text ja", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «"ja"}}`,
			`key "publication.public" holds a text, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no as a number", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «1}}`,
			`key "publication.public" holds the number 1, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no as an empty object", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «{}}}`,
			`key "publication.public" holds an object, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no as an object", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": «{"value": true}}}`,
			`key "publication.public" holds an object, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no under a dotted key", record.Sensor, `{"id": "x1", "name": "X", "publication.public": «[true]}`,
			`key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a sign as a text", record.Sensor, `{"id": "x1", "name": "X", "signage": {"present": «"yes"}}`,
			`key "signage.present" holds a text, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no where an object goes", record.Sensor, `{"id": "x1", "name": "X", "publication": «false}`,
			`key "publication" holds false, where the record format takes an object; the entry is not imported`},
		{"a list where an object goes", record.Sensor, `{"id": "x1", "name": "X", "publication": «[{"public": false}]}`,
			`key "publication" holds a list, where the record format takes an object; the entry is not imported`},
		{"a text in a list", record.Sensor, `{"id": "x1", "name": "X", "summary": «["Telt fietsen"]}`,
			`key "summary" holds a list, where the record format takes a text; the entry is not imported`},
		{"an object where a text goes", record.Sensor, `{"id": "x1", "name": "X", "summary": «{"nl": "Telt fietsen"}}`,
			`key "summary" holds an object, where the record format takes a text; the entry is not imported`},
		{"a kind in a list", record.Sensor, `{"id": "x1", "kind": «["algorithm"], "name": "X"}`,
			`key "kind" holds a list, where the record format takes a text; the entry is not imported`},
		{"a status in a list", record.Sensor, `{"id": "x1", "name": "X", "status": «["active"]}`,
			`key "status" holds a list, where the record format takes a text; the entry is not imported`},
		{"a date as a number", record.Sensor, `{"id": "x1", "name": "X", "lifecycle": {"start": «20250101}}`,
			`key "lifecycle.start" holds the number 20250101, where the record format takes a text; the entry is not imported`},
		{"a text where a list goes", record.Sensor, `{"id": "x1", "name": "X", "themes": «"verkeer"}`,
			`key "themes" holds a text, where the record format takes a list of texts; the entry is not imported`},
		{"a list in a list of texts", record.Sensor, `{"id": "x1", "name": "X", "themes": [«["verkeer"]]}`,
			`key "themes.0" holds a list, where the record format takes a text; the entry is not imported`},
		{"a number in a list of texts", record.Sensor, `{"id": "x1", "name": "X", "publication": {"withheld": ["name", «3]}}`,
			`key "publication.withheld.1" holds the number 3, where the record format takes a text; the entry is not imported`},
		{"a count as a text", record.Sensor, `{"id": "x1", "name": "X", "quantity": «"3"}`,
			`key "quantity" holds a text, where the record format takes a whole number; the entry is not imported`},
		{"a count with a fraction", record.Sensor, `{"id": "x1", "name": "X", "quantity": «1.250}`,
			`key "quantity" holds the number 1.250, where the record format takes a whole number; the entry is not imported`},
		{"a count in a list", record.Sensor, `{"id": "x1", "name": "X", "quantity": «[3]}`,
			`key "quantity" holds a list, where the record format takes a whole number; the entry is not imported`},
		{"a position as a text", record.Sensor, `{"id": "x1", "name": "X", "location": {"point": {"lat": «"52.1", "lon": 5.1}}}`,
			`key "location.point.lat" holds a text, where the record format takes a number; the entry is not imported`},
		{"an object where a list of objects goes", record.Sensor, `{"id": "x1", "name": "X", "decisions": «{"body": "council", "kind": "mandate"}}`,
			`key "decisions" holds an object, where the record format takes a list of objects; the entry is not imported`},
		{"a text in a list of objects", record.Sensor, `{"id": "x1", "name": "X", "decisions": [«"council"]}`,
			`key "decisions.0" holds a text, where the record format takes an object; the entry is not imported`},
		{"a yes/no as a text in a list of objects", record.Sensor, `{"id": "x1", "name": "X", "data_sharing": [{"party": "A", "onward_sharing": «"no"}]}`,
			`key "data_sharing.0.onward_sharing" holds a text, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a yes/no nested in a list of objects", record.Algorithm, `{"id": "x1", "name": "X", "datasets": [{"name": "BRP", "personal_data": «[[false]]}]}`,
			`key "datasets.0.personal_data" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"a corner as a text", record.Sensor, `{"id": "x1", "name": "X", "location": {"description": "Dam", "polygon": [[4.89, 52.37], [4.9, «"52.38"]]}}`,
			`key "location.polygon.1.1" holds a text, where the record format takes a number; the entry is not imported`},
		{"under another name", record.Sensor, `{"id": "x1", "name": "X", "dpia": «true}`,
			`key "dpia" holds true, where field dpia.status takes a text; the entry is not imported`},
		{"in the national register's entries, a list of lists", record.Algorithm, `{"lars": "1", "name": "X", "category": [«["Verkeer"]]}`,
			`key "category.0" holds a list, where field themes takes a text; the entry is not imported`},
		{"in the national register's entries, one value in a list", record.Algorithm, `{"lars": "1", "name": "X", "status": «["In gebruik"]}`,
			`key "status" holds a list, where field status takes one value: a text, a number, true or false; the entry is not imported`},
		{"in the national register's entries, an object", record.Algorithm, `{"lars": "1", "name": "X", "goal": «{"nl": "Handhaven"}}`,
			`key "goal" holds an object, where field purpose takes one value: a text, a number, true or false; the entry is not imported`},
		{"in the national register's entries, a link as a list", record.Algorithm, `{"lars": "1", "name": "X", "lawful_basis_grouping": [«["https://wetten.overheid.nl"]]}`,
			`key "lawful_basis_grouping.0" holds a list, where field legal_basis.links takes an object; the entry is not imported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.entry, "«")
			doc := strings.Replace(tt.entry, "«", "", 1)
			for _, v := range []Validator{nil, validator(t)} {
				res, err := loadable(t, ReadJSON)("s.json", []byte(doc), Options{Kind: tt.kind, Now: now, Validator: v})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Records) > 0 {
					t.Errorf("wrote %s:\n%s", res.Records[0].Path, res.Records[0].Data)
				}
				want := fmt.Sprintf("1:%d %s", at+1, tt.want)
				if got := shapeFindings(res.Findings, "en"); !slices.Contains(got, want) {
					t.Errorf("errors\n%s\nwant among them\n%s", strings.Join(got, "\n"), want)
				}
				if res.Rows != 1 {
					t.Errorf("entries read %d, want 1", res.Rows)
				}
			}
		})
	}
}

// The values of the shape the record format gives are read as before,
// nulls inside a list of objects too.
func TestJSONValueOfItsShapeIsRead(t *testing.T) {
	tests := []struct {
		name  string
		kind  record.Kind
		entry string
		check func(r record.Record) bool
	}{
		{"public", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": true}}`,
			func(r record.Record) bool {
				return r.Publication != nil && r.Publication.Public != nil && *r.Publication.Public
			}},
		{"not public", record.Sensor, `{"id": "x1", "name": "X", "publication": {"public": false, "withheld": ["location"]}}`,
			func(r record.Record) bool {
				return r.Publication != nil && r.Publication.Public != nil && !*r.Publication.Public && slices.Equal(r.Publication.Withheld, []string{"location"})
			}},
		{"a count", record.Sensor, `{"id": "x1", "name": "X", "quantity": 3}`, func(r record.Record) bool { return r.Quantity == 3 }},
		{"a position", record.Sensor, `{"id": "x1", "name": "X", "location": {"description": "Dam", "point": {"lat": 52.1, "lon": 5.1e0}}}`,
			func(r record.Record) bool {
				return r.Location != nil && r.Location.Point != nil && r.Location.Point.Lon == 5.1
			}},
		{"a list of objects, with a null", record.Sensor, `{"id": "x1", "name": "X", "data_sharing": [{"party": "A", "onward_sharing": false, "end": null}]}`,
			func(r record.Record) bool {
				return len(r.DataSharing) == 1 && r.DataSharing[0].OnwardSharing != nil && !*r.DataSharing[0].OnwardSharing
			}},
		{"datasets as names", record.Algorithm, `{"id": "x1", "name": "X", "datasets": ["BRP"]}`,
			func(r record.Record) bool { return len(r.Datasets) == 1 && r.Datasets[0].Name == "BRP" }},
		{"under another name", record.Sensor, `{"id": "x1", "name": "X", "dpia": "uitgevoerd"}`,
			func(r record.Record) bool { return r.DPIA != nil && r.DPIA.Status == "done" }},
		{"a polygon", record.Sensor, `{"id": "x1", "name": "X", "location": {"description": "Dam", "polygon": [[4.89, 52.37], [4.9, 52.38], [4.91, 52.37]]}}`,
			func(r record.Record) bool { return r.Location != nil && len(r.Location.Polygon) == 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("s.json", []byte(tt.entry), Options{Kind: tt.kind, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got := shapeFindings(res.Findings, "en"); len(got) > 0 || len(res.Records) != 1 {
				t.Fatalf("errors %q, %d records", got, len(res.Records))
			}
			if r := decode(t, res)[0]; !tt.check(r) {
				t.Errorf("record read as\n%s", res.Records[0].Data)
			}
		})
	}
}

// An entry of the register's own export whose privacy flag is malformed
// is not imported, and the entries beside it are; the error points at the
// value in the file, in both languages.
func TestMalformedPrivacyFlagInTheRegistersExport(t *testing.T) {
	doc := `{"records": [
 {"id": "cam-a", "kind": "sensor", "name": "Camera A", "publication": {"public": false}},
 {"id": "cam-b", "kind": "sensor", "name": "Camera B",
  "publication": {"public": [[true]]}}
]}`
	res, err := loadable(t, ReadJSON)("register.json", []byte(doc), Options{Kind: record.Sensor, Now: now, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].ID != "cam-a" {
		t.Fatalf("records %v, want cam-a alone", res.Records)
	}
	for _, r := range res.Records {
		if strings.Contains(string(r.Data), "public: true") {
			t.Errorf("%s is public:\n%s", r.Path, r.Data)
		}
	}
	for _, c := range []struct{ lang, want string }{
		{"en", `4:29 key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported`},
		{"nl", `4:29 sleutel "publication.public" bevat een lijst, waar het registratieformaat true of false, zonder aanhalingstekens verwacht; het item wordt niet ingelezen`},
	} {
		if got := shapeFindings(res.Findings, c.lang); !slices.Equal(got, []string{c.want}) {
			t.Errorf("errors in %s\n%q\nwant\n%q", c.lang, got, c.want)
		}
	}
	if res.Rows != 2 {
		t.Errorf("entries read %d, want 2", res.Rows)
	}
}

// What an entry or a row says of its publication that the import cannot
// carry over (a key the block does not have, a null, a column it has no
// field for) would leave the record without it, and so public: the entry
// or row is not imported, and the error says why, at the value or the
// cell. A publication block that does not say clearly what may be
// published (a withheld path that names no field) is written, as a record
// with a schema error is, and reported as the error check would give.
func TestWhatIsSaidOfPublicationIsNotLost(t *testing.T) {
	tests := []struct {
		name    string
		read    func(string, []byte, Options) (*Result, error)
		doc     string
		written bool
		want    string // among the errors, "line:col message" in English
	}{
		{"a misspelt key of the block", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "publication": {"publik": false}}`, false,
			`1:71 key "publication.publik" is no key of the publication block, which holds public, reason and withheld: what the entry says of its publication cannot be read, and without it the record would be public; the entry is not imported`},
		{"a dotted misspelt key", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "Publication.Publik": false}`, false,
			`1:67 key "Publication.Publik" is no key of the publication block`},
		{"public as null", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "publication": {"public": null}}`, false,
			`1:1 key "publication.public" is null: what the entry says of its publication cannot be read, and without it the record would be public; the entry is not imported`},
		{"the block as null", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "publication": null}`, false,
			`1:1 key "publication" is null`},
		{"a withheld path that names no field", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "publication": {"withheld": ["supplier.naam"], "reason": "Contract."}}`, true,
			`1:1 x1: withheld path "supplier.naam" names no field of a sensor record`},
		{"a column of the block the import has no field for", Read, "naam,publication.publik\nX,false\n", false,
			`2:2 column "publication.publik" speaks of the record's publication, and the import has no field for it: without what it says the record would be public; the row is not imported`},
		{"a column in words of it", Read, "naam;vertrouwelijk\nX;ja\n", false,
			`2:2 column "vertrouwelijk" speaks of the record's publication`},
		{"a column whose second word is of it", Read, "naam;niet-openbaar\nX;ja\n", false,
			`2:2 column "niet-openbaar" speaks of the record's publication`},
		{"a column in English words of it", Read, "naam;Confidentiality\nX;high\n", false,
			`2:2 column "Confidentiality" speaks of the record's publication`},
		{"a column in another form of its words", Read, "naam;Openbare registratie\nX;nee\n", false,
			`2:2 column "Openbare registratie" speaks of the record's publication`},
		{"a column in its words run together", Read, "naam;Nietopenbaar\nX;ja\n", false,
			`2:2 column "Nietopenbaar" speaks of the record's publication`},
		{"a key in another form of its words", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "vertrouwelijke_gegevens": true}`, false,
			`1:1 key "vertrouwelijke_gegevens" speaks of the record's publication`},
		{"a key in words of it", ReadJSON, `{"id": "x1", "kind": "sensor", "name": "X", "niet_openbaar": true}`, false,
			`1:1 key "niet_openbaar" speaks of the record's publication, and the import has no field for it: without what it says the record would be public; the entry is not imported`},
		// A spreadsheet's reason to keep something back, with nothing kept
		// back: written, but an error, and not public (publish.Check).
		{"a reason alone", Read, "naam;reden niet openbaar\nCamera X;Woo art. 5.1 lid 2 onder c\n", true,
			`2:2 camera-x: publication.reason gives a reason to keep something back, but the block neither sets public: false nor withholds a field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, tt.read)("s", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if written := len(res.Records) > 0; written != tt.written {
				t.Errorf("written = %v, want %v", written, tt.written)
			}
			got := shapeFindings(res.Findings, "en")
			if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, tt.want) }) {
				t.Errorf("errors\n%s\nwant one that starts\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// A spreadsheet's column in Dutch words of the publication block fills it:
// "openbaar: nee" keeps the record from the public.
func TestAColumnOpenbaarFillsPublic(t *testing.T) {
	res, err := loadable(t, Read)("s.csv", []byte("naam;openbaar;reden niet openbaar;afgeschermd\nCamera X;nee;Nog niet besloten.;\nCamera Y;ja;;supplier.name\n"), Options{Kind: record.Sensor, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 {
		t.Fatalf("%d records written, want 2; findings %v", len(res.Records), shapeFindings(res.Findings, "en"))
	}
	for i, want := range []string{"publication:\n  public: false\n  reason: Nog niet besloten.\n", "publication:\n  public: true\n  withheld:\n    - supplier.name\n"} {
		if got := string(res.Records[i].Data); !strings.Contains(got, want) {
			t.Errorf("record %d:\n%s\nwant it to hold\n%s", i, got, want)
		}
	}
}

// A source read through a mapping file that gives a field of free text as
// a list of texts (Amsterdam's map layers give a sensor's purposes so) is
// read one text per line, not refused and not written as the list's JSON;
// a list of anything else is still an error.
func TestAListOfTextsForAFreeTextIsReadAsLines(t *testing.T) {
	mp, err := LoadMapping("amsterdam-kaartlaag")
	if err != nil {
		t.Fatal(err)
	}
	doc := `{"type": "FeatureCollection", "features": [
{"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.9187, 52.3893]}, "properties": {"id": "ANPR-00001-V", "doel": ["verkeershandhaving_milieuzone", "verkeershandhaving_snorfietsrijbaan"]}},
{"type": "Feature", "geometry": {"type": "Point", "coordinates": [4.9187, 52.3893]}, "properties": {"id": "ANPR-00002-V", "doel": [["genest"]]}}]}`
	res, err := loadable(t, ReadJSON)("anpr.geojson", []byte(doc), Options{Kind: record.Sensor, Now: now, Mapping: mp})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%d records written, want 1; errors %v", len(res.Records), shapeFindings(res.Findings, "en"))
	}
	if got, want := string(res.Records[0].Data), "purpose: |-\n  verkeershandhaving_milieuzone\n  verkeershandhaving_snorfietsrijbaan\n"; !strings.Contains(got, want) {
		t.Errorf("record:\n%s\nwant it to hold\n%s", got, want)
	}
	if got := shapeFindings(res.Findings, "en"); len(got) != 1 || !strings.Contains(got[0], `key "doel" holds a list, where field purpose takes one value`) {
		t.Errorf("errors %v, want one for the nested list", got)
	}
}

// A null in the publication block is lost with a mapping file too: the
// national register's entries, read with its ready-made map, may carry the
// record format's block beside their own keys.
func TestANullInThePublicationBlockIsAnErrorWithAMapToo(t *testing.T) {
	mp, err := LoadMapping("algoritmeregister-json")
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range []string{`{"public": null, "reason": "Woo 5.1"}`, `null`} {
		doc := `[{"lars": "12345678", "name": "Parkeerscan", "publication": ` + block + `}]`
		res, err := loadable(t, ReadJSON)("a.json", []byte(doc), Options{Kind: record.Algorithm, Now: now, Mapping: mp})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) > 0 {
			t.Errorf("publication %s: wrote\n%s", block, res.Records[0].Data)
		}
		got := shapeFindings(res.Findings, "en")
		if !slices.ContainsFunc(got, func(s string) bool {
			return strings.Contains(s, "is null: what the entry says of its publication cannot be read")
		}) {
			t.Errorf("publication %s: errors %v, want one for the null", block, got)
		}
	}
}

// A column about something else that is public (the public space, public
// order, a public task) is left out as any column without a field is, with
// a warning: its row is imported.
func TestAColumnAboutThePublicSpaceIsNoPublication(t *testing.T) {
	for _, h := range []string{"Openbare ruimte", "openbare orde", "Publieke taak", "Privacyverklaring"} {
		res, err := loadable(t, Read)("s.csv", []byte("naam;"+h+"\nCamera X;ja\n"), Options{Kind: record.Sensor, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) != 1 {
			t.Errorf("%s: %d records, want 1; errors %v", h, len(res.Records), shapeFindings(res.Findings, "en"))
		}
	}
}
