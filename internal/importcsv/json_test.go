package importcsv

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// nullFindings are the findings of one entry's keys given as null, as
// "message | help" in lang.
func nullFindings(t *testing.T, doc, lang string) []string {
	t.Helper()
	res, err := loadable(t, ReadJSON)("n.json", []byte(doc), Options{Kind: record.Sensor, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, f := range res.Findings {
		if m := f.Message.In("en"); strings.Contains(m, "is null") {
			said = append(said, f.Message.In(lang)+" | "+f.Help.In(lang))
		}
	}
	return said
}

// The help for a key given as null says what leaving it out does to that
// key: that a record without a quantity counts as one device belongs to
// quantity alone.
func TestNullHelpFitsItsKey(t *testing.T) {
	tests := []struct {
		name, entry, lang, want string
	}{
		{"quantity", `"quantity": null`, "en",
			"give \"quantity\" a whole number in the source, or check the record after the import: without a quantity, a record counts as 1"},
		{"quantity in Dutch", `"quantity": null`, "nl",
			"geef \"quantity\" een geheel getal in de bron, of kijk de registratie na het importeren na: zonder aantal telt een registratie als 1"},
		{"a nested key", `"owner": {"email": null}`, "en", "give \"owner.email\" a value in the source, or check the record after the import"},
		{"an object", `"lifecycle": null`, "en", "give \"lifecycle\" a value in the source, or check the record after the import"},
		{"a key the import fills itself", `"personal_data": {"processed": null}`, "en",
			"give \"personal_data.processed\" a value in the source, or check the record after the import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			said := nullFindings(t, `{"id": "x1", "kind": "sensor", "name": "X", `+tt.entry+`}`, tt.lang)
			if len(said) != 1 {
				t.Fatalf("null findings %q, want one", said)
			}
			if _, help, _ := strings.Cut(said[0], " | "); help != tt.want {
				t.Errorf("help %q, want %q", help, tt.want)
			}
			if tt.lang == "en" && strings.Contains(said[0], "gives no") {
				t.Errorf("%q says the record gives no value, which the import may fill", said[0])
			}
		})
	}
}

// A key given as null is named in quotes, so that a blank key or one with
// spaces is seen for what it is.
func TestNullKeyIsQuoted(t *testing.T) {
	tests := []struct {
		name, entry, lang, want string
	}{
		{"blank key", `"": null`, "en", `key "" is null: it is left out of the record | give "" a value in the source, or check the record after the import`},
		{"blank key in Dutch", `"": null`, "nl", `sleutel "" is null: het blijft weg uit de registratie | geef "" een waarde in de bron, of kijk de registratie na het importeren na`},
		{"key with a space", `"location": {"de scription": null}`, "en", `key "location.de scription" is null: it is left out of the record | give "location.de scription" a value in the source, or check the record after the import`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			said := nullFindings(t, `{"id": "x1", "kind": "sensor", "name": "X", `+tt.entry+`}`, tt.lang)
			if len(said) != 1 || said[0] != tt.want {
				t.Errorf("null findings %q, want %q", said, tt.want)
			}
		})
	}
}

// A key given twice in one object leaves two values for one field: the
// entry is an error at its line and is not imported, rather than taking
// one of the two values and saying the other is left out.
func TestKeyGivenTwiceSkipsTheEntry(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // short findings of the import rule
		records   []string
	}{
		{"value then null", `{"id": "x1", "kind": "sensor", "name": "X", "quantity": 3, "quantity": null}`,
			[]string{`1:1 error import key "quantity" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"null then value", `{"id": "x1", "kind": "sensor", "name": "X", "quantity": null, "quantity": 3}`,
			[]string{`1:1 error import key "quantity" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"nested, in a list of entries", "[\n" + `{"id": "x1", "kind": "sensor", "name": "X"},` + "\n" +
			`{"id": "x2", "kind": "sensor", "name": "Y", "owner": {"email": "a@x.nl", "email": "b@x.nl"}}` + "\n]",
			[]string{`3:1 error import key "owner.email" is given twice in the entry: a record takes one value, so the entry is skipped`},
			[]string{"x1"}},
		{"an object twice", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"role": "A"}, "owner": {"email": "b@x.nl"}}`,
			[]string{`1:1 error import key "owner" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"the same key in two objects", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"email": "a@x.nl"}, "supplier": {"name": "B"}, "organisation": {"name": "B"}}`,
			nil, []string{"x1"}},
		{"in an object of a list", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"body": "college", "body": "council", "kind": "authorisation", "date": "2025-01-01"}]}`,
			[]string{`1:1 error import key "decisions.0.body" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"in the second object of a list", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"body": "college"}, {"kind": "a", "body": "b", "kind": "c"}]}`,
			[]string{`1:1 error import key "decisions.1.kind" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"in a list in an object in a list", `{"id": "x1", "kind": "sensor", "name": "X", "measures": [{"x": {"y": [1, {"z": 1, "z": 2}]}}]}`,
			[]string{`1:1 error import key "measures.0.x.y.1.z" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"in a list of a nested object", `{"id": "x1", "kind": "sensor", "name": "X", "location": {"polygon": [[5, 52], {"a": 1, "a": 1}]}}`,
			[]string{`1:1 error import key "location.polygon.1.a" is given twice in the entry: a record takes one value, so the entry is skipped`,
				`1:79 error import key "location.polygon.1" holds an object, where the record format takes a list of numbers; the entry is not imported`}, nil},
		{"an object given twice in a list", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"b": {"c": 1}, "b": {"c": 2, "c": 3}}]}`,
			[]string{`1:1 error import key "decisions.0.b" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"nested, then dotted", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"email": "a@test.nl"}, "owner.email": "b@test.nl"}`,
			[]string{`1:1 error import key "owner.email" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"dotted, then nested", `{"id": "x1", "kind": "sensor", "name": "X", "owner.email": "b@test.nl", "owner": {"role": "A", "email": "a@test.nl"}}`,
			[]string{`1:1 error import key "owner.email" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"nested as null, then dotted", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"email": null}, "owner.email": "b@test.nl"}`,
			[]string{`1:1 error import key "owner.email" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"a dotted object and its dotted part", `{"id": "x1", "kind": "sensor", "name": "X", "location.point": {"lat": 52.1, "lon": 5.1}, "location.point.lat": 52.2}`,
			[]string{`1:1 error import key "location.point.lat" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"whole, then in part", `{"id": "x1", "kind": "sensor", "name": "X", "owner": null, "owner.email": "b@test.nl", "owner.role": "A"}`,
			[]string{`1:1 error import key "owner" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"in part, then whole", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"email": "b@test.nl"}, "owner": "Team A"}`,
			[]string{`1:1 error import key "owner" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"a dotted part, then the whole", `{"id": "x1", "kind": "sensor", "name": "X", "owner.email": "b@test.nl", "owner": "Team A"}`,
			[]string{`1:1 error import key "owner" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"a list, then an item of it dotted", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"body": "college"}], "decisions.0.body": "council"}`,
			[]string{`1:1 error import key "decisions" is given twice in the entry: a record takes one value, so the entry is skipped`}, nil},
		{"nested and dotted parts of one object", `{"id": "x1", "kind": "sensor", "name": "X", "owner": {"role": "A"}, "owner.email": "b@test.nl"}`,
			nil, []string{"x1"}},
		{"a key that only begins like another", `{"id": "x1", "kind": "sensor", "name": "X", "location.point": {"lat": 52.1, "lon": 5.1}, "location.point_rd": {"x": 155000, "y": 463000}}`,
			nil, []string{"x1"}},
		{"the same key in two objects of a list", `{"id": "x1", "kind": "sensor", "name": "X", "decisions": [{"body": "college", "kind": "authorisation"}, {"body": "council", "kind": "authorisation"}]}`,
			nil, []string{"x1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("d.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
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
			if res.Rows != strings.Count(tt.doc, `"id"`) {
				t.Errorf("rows read %d, want every entry counted", res.Rows)
			}
		})
	}
}

// A key given only as null leaves no text out: it is said once, as null,
// not also as a key the record format has no field for. A key the record
// format has no field for is told in the words of JSON, not of a
// spreadsheet's columns and headers.
func TestJSONKeysAreToldAsKeys(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // messages of the import rule, then help
	}{
		{"an object given as null", `{"id": "x1", "kind": "sensor", "name": "X", "lifecycle": null}`,
			[]string{`key "lifecycle" is null: it is left out of the record | give "lifecycle" a value in the source, or check the record after the import`}},
		{"an unknown key given as null", `{"id": "x1", "kind": "sensor", "name": "X", "opmerking": null}`,
			[]string{`key "opmerking" is null: it is left out of the record | give "opmerking" a value in the source, or check the record after the import`}},
		{"an unknown key with a value", `{"id": "x1", "kind": "sensor", "name": "X", "opmerking": "zie dossier"}`,
			[]string{`key "opmerking" is not a field of the record format and is left out; its text on line 1 is not imported | ` +
				`rename the key to a field of the record format (as 'register export --format json' writes them, for example name, status, lifecycle.start), ` +
				`or map it in a mapping file (--map) to a field or to "" to ignore it; copy that text into the record files by hand where it belongs, or map the key to a field`}},
		{"an unknown key, null in one entry and given in another", "[\n" + `{"id": "x1", "kind": "sensor", "name": "X", "opmerking": null},` + "\n" +
			`{"id": "x2", "kind": "sensor", "name": "Y", "opmerking": "zie dossier"}` + "\n]",
			[]string{`key "opmerking" is not a field of the record format and is left out; its text on line 3 is not imported | ` +
				`rename the key to a field of the record format (as 'register export --format json' writes them, for example name, status, lifecycle.start), ` +
				`or map it in a mapping file (--map) to a field or to "" to ignore it; copy that text into the record files by hand where it belongs, or map the key to a field`,
				`key "opmerking" is null: it is left out of the record | give "opmerking" a value in the source, or check the record after the import`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("k.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.Rule == RuleImport {
					got = append(got, f.Message.In("en")+" | "+f.Help.In("en"))
					if nl := f.Message.In("nl") + f.Help.In("nl"); strings.Contains(nl, "kolom") {
						t.Errorf("the Dutch speaks of a column: %q", nl)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// The register's own JSON lists its records under "records": when that
// holds no object, the import says so at its place, rather than reading
// the wrapper as a record without a name.
func TestRecordsThatHoldNoRecord(t *testing.T) {
	const en, nl = ` holds no record objects: import a register's JSON as 'register export --format json' writes it, with an object per record in this list`,
		` bevat geen objecten van registraties: importeer de JSON van een register zoals 'register export --format json' die schrijft, met een object per registratie in deze lijst`
	tests := []struct {
		name, doc, at, nlAt string
	}{
		{"null", `{"records": null}`, `"records" at line 1, column 13`, `"records" op regel 1, kolom 13`},
		{"a list of null", `{"records": [null]}`, `"records" at line 1, column 13`, `"records" op regel 1, kolom 13`},
		{"an empty list", `{"records": []}`, `"records" at line 1, column 13`, `"records" op regel 1, kolom 13`},
		{"after another null", "{\"part\": null,\n \"records\": null}", `"records" at line 2, column 13`, `"records" op regel 2, kolom 13`},
		{"a text", "{\"records\":\n  \"geen\"}", `"records" at line 2, column 3`, `"records" op regel 2, kolom 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("r.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
			if res != nil {
				t.Errorf("findings %q, want none", short(res.Findings))
			}
			bothLanguages(t, err, "read r.json: "+tt.at+en, "r.json lezen: "+tt.nlAt+nl)
		})
	}
}

// An entry of the list that is not an object is said once, at its line
// and column, with what an entry is.
func TestEntryThatIsNoObject(t *testing.T) {
	const en, nl = ` is not an object: each entry of the list is one record, written as an object {...}`,
		` is geen object: elk item van de lijst is één registratie, geschreven als een object {...}`
	tests := []struct {
		name, doc, at, nlAt string
	}{
		{"null", `[null]`, `entry 1 (line 1, column 2)`, `item 1 (regel 1, kolom 2)`},
		{"a number on the next line", "[{\"name\": \"x\"},\n 3]", `entry 2 (line 2, column 2)`, `item 2 (regel 2, kolom 2)`},
		{"in records", `{"records": [null, {"id": "x1", "kind": "sensor", "name": "X"}]}`, `entry 1 (line 1, column 14)`, `item 1 (regel 1, kolom 14)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadable(t, ReadJSON)("e.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
			bothLanguages(t, err, "read e.json: "+tt.at+en, "e.json lezen: "+tt.nlAt+nl)
			if err != nil && strings.Count(err.Error(), "not an object") > 1 {
				t.Errorf("%q says twice that the entry is not an object", err)
			}
		})
	}
}

// TestJSONFindingsGiveTheEntrysColumn: a finding about an entry gives the
// line and column where the entry starts, so the entries of minified JSON,
// all on line 1, are told apart; a finding about a key of every entry
// gives neither.
func TestJSONFindingsGiveTheEntrysColumn(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // short findings of the import rule, sorted
	}{
		{"minified", `[{"id":"x1","kind":"sensor","name":"X","lifecycle":{"start":"veel"}},{"id":"x2","kind":"sensor","name":"Y","lifecycle":{"start":"vele"}}]`,
			[]string{`1:2 error import lifecycle.start (key "lifecycle.start"): "veel" is not a date; the entry is skipped`,
				`1:70 error import lifecycle.start (key "lifecycle.start"): "vele" is not a date; the entry is skipped`}},
		{"given twice, minified", `[{"id":"x1","kind":"sensor","name":"X"},{"id":"x2","kind":"sensor","name":"Y","name":"Z"}]`,
			[]string{`1:41 error import key "name" is given twice in the entry: a record takes one value, so the entry is skipped`}},
		{"null, minified", `[{"id":"x1","kind":"sensor","name":"X"},{"id":"x2","kind":"sensor","name":"Y","quantity":null}]`,
			[]string{`1:41 warning import key "quantity" is null: it is left out of the record`}},
		{"one entry a line", "[\n  {\"id\": \"x1\", \"kind\": \"sensor\", \"name\": \"X\", \"lifecycle\": {\"start\": \"veel\"}}\n]",
			[]string{`2:3 error import lifecycle.start (key "lifecycle.start"): "veel" is not a date; the entry is skipped`}},
		{"a key of every entry", `[{"id":"x1","kind":"sensor","name":"X","opmerking":"a"}]`,
			[]string{`1:0 warning import key "opmerking" is not a field of the record format and is left out; its text on line 1 is not imported`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, ReadJSON)("m.json", []byte(tt.doc), Options{Kind: record.Sensor, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			got := importFindings(res.Findings)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Every finding of an import of JSON speaks of its keys and entries, as
// JSON has them, never of a spreadsheet's columns, headers and rows, in
// either language.
func TestJSONFindingsSpeakOfKeysAndEntries(t *testing.T) {
	spreadsheet := regexp.MustCompile(`(?i)\b(column|columns|header|headers|row|rows|spreadsheet|kolom|kolommen|kop|koppen|kolomkop|kolomkoppen|rij|rijen)\b`)
	tests := []struct {
		name string
		kind record.Kind
		mp   string // a ready-made map, or ""
		doc  string
		want string // a finding among them, "message | help" in English
	}{
		{"one field under two names", record.Sensor, "", `{"id": "x1", "kind": "sensor", "name": "X", "owner_email": "a@test.nl", "owner.email": "b@test.nl"}`,
			`key "owner.email" fills owner.email, as key "owner_email" already does; it is left out; its text on line 1 is not imported | ` +
				`keep one of the two keys in the source, or map one to another field in a mapping file (--map); copy that text into the record files by hand where it belongs, or map the key to a field`},
		{"a key of the other kind", record.Algorithm, "", `{"name": "Teller", "quantity": 3}`,
			`key "quantity" (quantity) is only for sensors and is left out of algorithm records; its text on line 1 is not imported | ` +
				`import the other kind with --kind sensor; copy that text into the record files by hand where it belongs, or map the key to a field`},
		{"an unknown kind", record.Sensor, "", `{"id": "x1", "kind": "camera", "name": "X"}`,
			`kind "camera" is neither sensor nor algorithm; the entry is skipped | write sensor or algorithm`},
		{"a value that cannot be read", record.Sensor, "", `{"id": "x1", "kind": "sensor", "name": "X", "lifecycle": {"start": "gisteren"}}`,
			`lifecycle.start (key "lifecycle.start"): "gisteren" is not a date; the entry is skipped | ` +
				`write the date as YYYY-MM-DD (2025-03-01) or DD-MM-YYYY (01-03-2025), with the year in full`},
		{"a bad id", record.Sensor, "", `{"id": "X 1", "kind": "sensor", "name": "X"}`,
			`the entry is skipped | correct the id, or leave the key "id" out to make one from the name`},
		{"an id twice", record.Sensor, "", "[\n" + `{"id": "x1", "kind": "sensor", "name": "X"},` + "\n" + `{"id": "x1", "kind": "sensor", "name": "Y"}` + "\n]",
			`id "x1" is already used on line 2; the entry is skipped | ids are unique: give this entry another id, or remove it if it is the same record`},
		{"no name", record.Sensor, "", "[\n" + `{"name": "Teller"},` + "\n" + `{"name": "", "summary": "Telt"}` + "\n]",
			`the entry has no name to make an id from; the entry is skipped | give the entry its name`},
		{"a name that gives no id", record.Sensor, "", `{"name": "X"}`,
			`the name "X" gives no id: an id needs at least two letters a-z or digits from the name; the entry is skipped | ` +
				`give the entry an id (key "id"), such as camera-markt, or give it a longer name`},
		{"a name twice", record.Sensor, "", "[\n" + `{"name": "Teller"},` + "\n" + `{"name": "Teller", "summary": "Ook"}` + "\n]",
			`the name "Teller" is also on line 2; this entry gets the id "teller-2" | ` +
				`check that the two entries are not the same record; if they are, remove one and delete the extra record file`},
		{"an entry twice", record.Sensor, "", "[\n" + `{"name": "Teller"},` + "\n" + `{"name": "Teller"}` + "\n]",
			`the entry at line 3 repeats the one at line 2 exactly and is skipped | remove the repeated entry`},
		{"an empty entry", record.Sensor, "", "[\n" + `{"name": "Teller"},` + "\n" + `{}` + "\n]",
			`line 3 is blank and skipped | empty entries are left out; nothing to do`},
		{"a value the map does not know", record.Algorithm, "", `{"id": "1", "title": "Handhaving", "organisatie": "Gemeente Amsterdam", "status": "vreemd"}`,
			`status (key "status"): "vreemd" is not in the key's value map and is not imported | ` +
				`add the value to the key's values in the mapping file, or fill in the field in the record by hand`},
		{"a key the map leaves out, with a note", record.Algorithm, "", `{"id": "1", "title": "Handhaving", "organisatie": "Gemeente Amsterdam", "impactassessment": "Ja"}`,
			`key "impactassessment" is not imported: impactassessment (Ja/Nee/Onbekend) says whether an impact assessment was done, not which one (a DPIA, an IAMA or another) nor when, ` +
				`which the record's dpia and assessments need: fill those in per record; its text on line 1 is not imported | ` +
				`the mapping file leaves the key out; copy that text into the record files by hand where it belongs, or map the key to a field`},
		{"a key the map says something of", record.Algorithm, "", `{"id": "1", "title": "Handhaving", "organisatie": "Gemeente Amsterdam", "geregistreerd": "2024-05-01"}`,
			`key "geregistreerd" (registered_on): the date the entry was registered on the national register stands in for the date of registration | ` +
				`the mapping file says this about the key; check the records it filled`},
		{"two keys of a map for one field", record.Sensor, "amsterdam-kaartlaag", `{"type": "Feature", "properties": {"Objectnummer": "A1", "Locatienaam": "B2"}}`,
			`name (key "Locatienaam"): "B2" is not imported; key "Objectnummer" already gives "A1" | ` +
				`keep one of the two values in the source, or map one of the keys to another field`},
		{"keys that a ready-made map reads", record.Sensor, "", `{"name": "Camera", "Standplaats": "Dam", "Privacyverklaring": "https://example.nl/privacy"}`,
			`the keys are read as fields of the record format, but they match the ready-made map amsterdam-kaartlaag better: read that way, keys "Standplaats", "Privacyverklaring" are left out | ` +
				`try --map amsterdam-kaartlaag, which reads them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Kind: tt.kind, Now: now}
			if tt.mp != "" {
				m, err := LoadMapping(tt.mp)
				if err != nil {
					t.Fatal(err)
				}
				opts.Mapping = m
			}
			res, err := loadable(t, ReadJSON)("k.json", []byte(tt.doc), opts)
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, f := range res.Findings {
				if f.Rule != RuleImport {
					continue
				}
				said = append(said, f.Message.In("en")+" | "+f.Help.In("en"))
				for _, lang := range []string{"en", "nl"} {
					if w := spreadsheet.FindString(f.Message.In(lang) + " | " + f.Help.In(lang)); w != "" {
						t.Errorf("in %s, speaks of %q: %s | %s", lang, w, f.Message.In(lang), f.Help.In(lang))
					}
				}
			}
			if !slices.ContainsFunc(said, func(s string) bool { return strings.HasSuffix(s, tt.want) }) {
				t.Errorf("findings\n%s\nwant one ending in\n%s", strings.Join(said, "\n"), tt.want)
			}
		})
	}
}

// When no key gives a name or id, the import says so of keys and entries.
func TestJSONWithoutNameSpeaksOfKeys(t *testing.T) {
	_, err := ReadJSON("k.json", []byte(`[{"summary": "Telt"}]`), Options{Kind: record.Sensor, Now: now})
	bothLanguages(t, err, `read k.json: no key gives the name or id of the entries; give each entry a key "name" or "id", or map one in a mapping file (--map)`,
		`k.json lezen: geen sleutel geeft de naam of het id van de items; geef elk item een sleutel "name" of "id", of koppel er een in een koppelbestand (--map)`)
}

// Each text an import of JSON says instead of a spreadsheet's takes the
// same arguments, so either can be said where the other is, and speaks of
// keys and entries in both languages.
func TestKeyWordsTakeTheSameArguments(t *testing.T) {
	spreadsheet := regexp.MustCompile(`(?i)\b(column|columns|header|headers|row|rows|spreadsheet|kolom|kolommen|kop|koppen|kolomkoppen|rij|rijen)\b`)
	for csv, keys := range keyWords {
		a, errA := message.Verbs(csv.In("en"))
		b, errB := message.Verbs(keys.In("en"))
		if errA != nil || errB != nil || !slices.Equal(a, b) {
			t.Errorf("%q takes %v, its words for JSON %q take %v", csv, a, keys, b)
		}
		for _, lang := range []string{"en", "nl"} {
			if w := spreadsheet.FindString(keys.In(lang)); w != "" {
				t.Errorf("%q speaks of %q", keys.In(lang), w)
			}
		}
	}
}

// A text is imported as written: its spaces at either end and a final
// line break too, from JSON and from a spreadsheet's quoted cell, as the
// JSON and CSV exports wrote it. Values of other types are read without
// the spaces around them.
func TestTextsAreKeptAsWritten(t *testing.T) {
	const purpose = "  Meet de luchtkwaliteit.\nFijnstof blijft hangen.\n"
	jsonDoc := `[{"id": "lucht", "kind": "sensor", "name": "Lucht", "status": " active ", "purpose": "  Meet de luchtkwaliteit.\nFijnstof blijft hangen.\n"}]`
	csvDoc := "id,kind,name,status,purpose\nlucht,sensor,Lucht, active ,\"  Meet de luchtkwaliteit.\nFijnstof blijft hangen.\n\"\n"
	for _, tt := range []struct {
		name string
		read func(string, []byte, Options) (*Result, error)
		doc  string
	}{
		{"l.json", ReadJSON, jsonDoc},
		{"l.csv", Read, csvDoc},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := importedOne(t, tt.read, tt.name, tt.doc)
			if r.Purpose != purpose {
				t.Errorf("purpose %q, want %q", r.Purpose, purpose)
			}
			if r.Status != "active" {
				t.Errorf("status %q, want active", r.Status)
			}
		})
	}
}

// Only prose keeps its spaces and final line break: an id, a name, an
// e-mail or a web address is read without the spaces a spreadsheet left
// around it, as a value of any other type is.
func TestOnlyProseKeepsItsSpaces(t *testing.T) {
	csvDoc := "id;name;owner.email;open_data.url;purpose\n telpaal-x ; Telpaal X ; a@b.example ; https://x.example/od ;\"  Telt.\n\"\n"
	r := importedOne(t, Read, "c.csv", csvDoc)
	if r.ID != "telpaal-x" || r.Name != "Telpaal X" || r.Owner.Email != "a@b.example" {
		t.Errorf("id %q, name %q, email %q: want them without spaces", r.ID, r.Name, r.Owner.Email)
	}
	if r.OpenData == nil || r.OpenData.URL != "https://x.example/od" {
		t.Errorf("open data %+v: want the address without spaces", r.OpenData)
	}
	if r.Purpose != "  Telt.\n" {
		t.Errorf("purpose %q: want it as written", r.Purpose)
	}
}

// importedOne is the one sensor record read imports from doc, as the
// loader reads the file it would write.
func importedOne(t *testing.T, read func(string, []byte, Options) (*Result, error), name, doc string) record.Record {
	t.Helper()
	res, err := loadable(t, read)(name, []byte(doc), Options{Kind: record.Sensor, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("records: %d, findings: %s", len(res.Records), short(res.Findings))
	}
	parsed, fs := source.Parse(name, res.Records[0].Data, source.DefaultLimits)
	if parsed == nil {
		t.Fatal(short(fs))
	}
	var r record.Record
	if err := parsed.Root.Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}
