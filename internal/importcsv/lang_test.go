package importcsv

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
)

// hostile is a spreadsheet that makes most of the findings an import can
// make: Windows-1252, a column that is no field, a second column for one
// value, a column of the other kind, blank and repeated rows, a wrong kind,
// date, number and yes-or-no, a bad and a repeated id, a row without a
// name, a name twice, a record already in the register, and a value the
// mapping does not know.
const hostile = "soort record;id;naam;titel;startdatum;breedtegraad;zelflerend;Opmerking;soort sensor;Type algoritme;Caf\xe9\n" +
	"algoritme;;Toeslag;;2025-01-01;;ja;tekst;camera;Onbekend;x\n" +
	"algoritme;;Toeslag;;2025-01-01;;ja;tekst;camera;Onbekend;x\n" +
	";;;;;;;;;;\n" +
	";;;;;;;;;;\n" +
	"robot;;Robot;;;;;;;;\n" +
	"algoritme;;Datum;;31-02-2025;;;;;;\n" +
	"algoritme;;Datum2;;1-1-25;;;;;;\n" +
	"algoritme;;Maand;;1 brumaire 2025;;;;;;\n" +
	"sensor;;Getal;;;ver weg;;;;;\n" +
	"algoritme;;JaNee;;;;misschien;;;;\n" +
	"algoritme;Fout_ID;Id;;;;;;;;\n" +
	"algoritme;dubbel;Een;;;;;;;;\n" +
	"algoritme;dubbel;Twee;;;;;;;;\n" +
	"algoritme;;;;;;;;;;x\n" +
	"algoritme;;Toeslag;;2025-02-02;;;;;;\n" +
	"algoritme;;Bestaand;;;;;;;;\n" +
	"algoritme;;Oud;;1 jan 1850;;;;;;\n"

// Every finding an import makes has its Dutch text: a Dutch run never
// falls back to an empty message or help, nor to the English.
func TestEveryImportFindingHasDutch(t *testing.T) {
	m := mapping(t, `columns:
  Type algoritme:
    field: algorithm_type
    values: {Regelgebaseerd: rule_based}
    unknown: report
  "Caf\u00e9": {field: "", note: {nl: "wordt niet gebruikt", en: "is not used"}}
`)
	res, err := loadable(t, Read)("x.csv", []byte(hostile), Options{Kind: record.Algorithm, Mapping: m, Now: now, Validator: validator(t),
		Exists: func(id string) bool { return id == "bestaand" }})
	if err != nil {
		t.Fatal(err)
	}
	var imports int
	for _, f := range res.Findings {
		if f.Rule == RuleImport {
			imports++
		}
		en, nl := f.Message.In("en"), f.Message.In("nl")
		if strings.TrimSpace(nl) == "" {
			t.Errorf("no Dutch for %q", en)
		}
		if f.Rule == RuleImport && nl == en {
			t.Errorf("the Dutch of %q is the English", en)
		}
		if f.Help.In("en") != "" && f.Help.In("nl") == "" {
			t.Errorf("no Dutch help for %q (%q)", en, f.Help.In("en"))
		}
	}
	if !strings.Contains(strings.Join(dutch(res.Findings), "\n"), `kolom "Café" wordt niet geïmporteerd: wordt niet gebruikt`) {
		t.Errorf("the mapping's Dutch note is not said: %q", dutch(res.Findings))
	}
	if imports < 15 {
		t.Errorf("only %d import findings, want most of them: %q", imports, short(res.Findings))
	}
}

// The lines a finding names are worded in each language.
func TestLinesInBothLanguages(t *testing.T) {
	tests := []struct {
		at     []int
		is     bool
		en, nl string
	}{
		{[]int{4}, false, "line 4", "regel 4"},
		{[]int{4}, true, "line 4 is", "regel 4 is"},
		{[]int{4, 9}, false, "lines 4 and 9", "regels 4 en 9"},
		{[]int{4, 9, 12}, true, "lines 4, 9 and 12 are", "regels 4, 9 en 12 zijn"},
	}
	for _, tt := range tests {
		l := lines{tt.at, tt.is}
		if got := l.In("en"); got != tt.en {
			t.Errorf("%v in English: %q, want %q", tt.at, got, tt.en)
		}
		if got := l.In("nl"); got != tt.nl {
			t.Errorf("%v in Dutch: %q, want %q", tt.at, got, tt.nl)
		}
	}
}

// A spreadsheet exported from the national algorithm register, read
// without --map, says once, at its first line, which of its columns the
// field names leave out and which ready-made map reads them, in both
// languages, as one without a name column is pointed to its map; a
// spreadsheet of field names gets no such hint.
func TestLeftOutColumnSuggestsReadyMap(t *testing.T) {
	tests := []struct {
		name, csv, want, columns string
	}{
		{"national register export", "Algoritme-ID;Naam;Link naar algoritmeregister;Korte omschrijving\n12;Toeslag;https://x;Kort\n",
			"algoritmeregister-csv", `"Algoritme-ID", "Link naar algoritmeregister"`},
		{"field names", "naam;status;kleur\nToeslag;in gebruik;rood\n", "", ""},
	}
	file := "../../../shared/realdata/nl-algoritmeregister-2026/algoritmes-export.csv"
	if data, err := os.ReadFile(file); err == nil {
		tests = append(tests, struct{ name, csv, want, columns string }{"the real national register export", string(data),
			"algoritmeregister-csv", `"Algoritme-ID", "Publicatiedatum", "Link naar algoritmeregister"`})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := loadable(t, Read)("x.csv", []byte(tt.csv), Options{Kind: record.Algorithm, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var hints []finding.Finding
			for _, f := range res.Findings {
				for _, lang := range []string{"en", "nl"} {
					if strings.Contains(f.Help.In(lang), "--map ") && !strings.Contains(f.Help.In(lang), "(--map)") {
						hints = append(hints, f)
						break
					}
				}
			}
			if tt.want == "" {
				if len(hints) > 0 {
					t.Errorf("a map is suggested: %q", short(hints))
				}
				return
			}
			if len(hints) != 1 {
				t.Fatalf("%d findings suggest a map, want 1: %q", len(hints), short(res.Findings))
			}
			h := hints[0]
			if h.Line != 1 || h.Column != 0 || h.Severity != finding.Warning {
				t.Errorf("the suggestion is at %d:%d, %s; want the file's first line, a warning", h.Line, h.Column, h.Severity)
			}
			for lang, words := range map[string][]string{
				"en": {"ready-made map " + tt.want, "read that way, columns " + tt.columns + " are left out", "try --map " + tt.want},
				"nl": {"kant-en-klare koppeling " + tt.want, "zo gelezen worden de kolommen " + tt.columns + " weggelaten", "probeer --map " + tt.want},
			} {
				text := h.Message.In(lang) + " / " + h.Help.In(lang)
				for _, w := range words {
					if !strings.Contains(text, w) {
						t.Errorf("%s: %q lacks %q", lang, text, w)
					}
				}
			}
		})
	}
}

// Every note of the ready-made maps is in both languages.
func TestReadyMapNotesInBothLanguages(t *testing.T) {
	for _, name := range Maps() {
		m, err := LoadMapping(name)
		if err != nil {
			t.Fatal(err)
		}
		for h, n := range m.notes {
			if n.In("nl") == "" || n.In("en") == "" || n.In("nl") == n.In("en") {
				t.Errorf("%s: the note on %q is not in both languages: %q", name, h, n)
			}
		}
	}
}

// dutch renders the findings' Dutch messages.
func dutch(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Message.In("nl"))
	}
	return out
}

// Why a mapping file cannot be used is said in the run's language, and is
// of the kind ErrMapping in both.
func TestMappingErrorsInBothLanguages(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "geen.yaml")
	tests := []struct {
		name   string
		load   func() (*Mapping, error)
		en, nl string
	}{
		{"not found", func() (*Mapping, error) { return LoadMapping(missing) },
			"mapping file " + missing + ": no such file (a ready-made map is one of algoritmeregister-csv",
			"koppelbestand " + missing + ": dit bestand bestaat niet (een kant-en-klare koppeling is een van algoritmeregister-csv"},
		{"a folder", func() (*Mapping, error) { return LoadMapping(t.TempDir()) },
			"mapping file: read ", "koppelbestand: read "},
		{"too large", parse(strings.Repeat("#", 1<<20+1)),
			"mapping file m.yaml: larger than 1 MiB", "koppelbestand m.yaml: groter dan 1 MiB"},
		{"not YAML", parse("columns:\n  Naam: [name\n"),
			"mapping file m.yaml:2:9: YAML syntax error: a '[' opened on this line is not closed (it holds extends:",
			"koppelbestand m.yaml:2:9: YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten (het bevat extends:"},
		{"unknown key", parse("kolommen: {}"),
			"mapping file m.yaml: yaml: unmarshal errors:\n  line 1: field kolommen not found in type importcsv.mappingFile (it holds extends:, columns:, defaults: and repeat:)",
			"koppelbestand m.yaml: yaml: unmarshal errors:\n  line 1: field kolommen not found in type importcsv.mappingFile (het bevat extends:, columns:, defaults: en repeat:)"},
		{"note in one language", parse("columns: {X: {field: name, note: {nl: alleen}}}"),
			"mapping file m.yaml: line 1: a note in two languages has both nl: and en:",
			"koppelbestand m.yaml: regel 1: een note in twee talen heeft zowel nl: als en:"},
		{"extends", parse("extends: geen-kaart"),
			`mapping file m.yaml: extends "geen-kaart", which is not a ready-made map (`,
			`koppelbestand m.yaml: extends "geen-kaart" is geen kant-en-klare koppeling (`},
		{"no field", parse("columns: {Naam: naam}"),
			`mapping file m.yaml: column "Naam" maps to "naam", which is not a field the import can fill (one of id, kind,`,
			`koppelbestand m.yaml: kolom "Naam" is gekoppeld aan "naam", maar dat is geen veld dat de import kan vullen (een van id, kind,`},
		{"key", parse("columns: {X: {field: name, key: a}}"),
			`mapping file m.yaml: column "X" has a key, which only a list of objects`,
			`koppelbestand m.yaml: kolom "X" heeft een key, maar alleen een lijst van objecten`},
		{"separator", parse(`columns: {X: {field: name, separator: ","}}`),
			`mapping file m.yaml: column "X" has a separator, but name holds one value, not a list`,
			`koppelbestand m.yaml: kolom "X" heeft een separator, maar name bevat één waarde, geen lijst`},
		{"unknown", parse("columns: {X: {field: status, unknown: weg}}"),
			`mapping file m.yaml: column "X": unknown: "weg"; use keep, report or error`,
			`koppelbestand m.yaml: kolom "X": unknown: "weg"; kies keep, report of error`},
		{"title", parse("columns: {X: {field: name, title: T}}"),
			`mapping file m.yaml: column "X" has a title, which only a links column takes`,
			`koppelbestand m.yaml: kolom "X" heeft een title, maar die hoort alleen bij een kolom met links`},
		{"default for no field", parse("defaults: {id: x}"),
			`mapping file m.yaml: default for "id", which is not a field the import can fill (one of id,`,
			`koppelbestand m.yaml: default voor "id", maar dat is geen veld dat de import kan vullen (een van id,`},
		{"default not read", parse("defaults: {lifecycle.start: gisteren}"),
			`mapping file m.yaml: default for lifecycle.start: "gisteren" is not a date`,
			`koppelbestand m.yaml: default voor lifecycle.start: "gisteren" is geen datum`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.load()
			if !errors.Is(err, ErrMapping) {
				t.Errorf("%v is not of the kind ErrMapping", err)
			}
			bothLanguages(t, err, tt.en, tt.nl)
		})
	}
}

// Why a JSON file or a run cannot be imported is said in the run's
// language; the parser's own words stay as it gives them.
func TestReadErrorsInBothLanguages(t *testing.T) {
	readJSON := func(doc string) func() error {
		return func() error {
			_, err := loadable(t, ReadJSON)("e.json", []byte(doc), Options{Kind: record.Algorithm, Now: now})
			return err
		}
	}
	tests := []struct {
		name   string
		read   func() error
		en, nl string
	}{
		{"not JSON", readJSON("{"), "read e.json: not JSON at line 1, column 2: unexpected EOF", "e.json lezen: geen JSON op regel 1, kolom 2: unexpected EOF"},
		{"a character JSON does not take, after multi-byte text", readJSON("[\n {\"naam\": \"é\", x}]"),
			"read e.json: not JSON at line 2, column 16: invalid character 'x'",
			"e.json lezen: geen JSON op regel 2, kolom 16: invalid character 'x'"},
		{"two values", readJSON("{} {}"), "read e.json: more than one JSON value in the file",
			"e.json lezen: het bestand bevat meer dan één JSON-waarde"},
		{"open data index", readJSON(`{"parts": [], "record_count": 3}`),
			"read e.json: this is the index of a site's open data (register.json): import its parts (data/register/1.json and on) one at a time",
			"e.json lezen: dit is de index van de open data van een site (register.json): importeer de delen (data/register/1.json en verder) een voor een"},
		{"several lists", readJSON(`{"b": [{"name": "x"}], "a": [{"name": "y"}]}`),
			"read e.json: the object holds several lists (a, b); import one list at a time",
			"e.json lezen: het object bevat meerdere lijsten (a, b); importeer een lijst per keer"},
		{"no object", readJSON("42"), "read e.json: the file holds no object or list of objects",
			"e.json lezen: het bestand bevat geen object en geen lijst van objecten"},
		{"entry not an object", readJSON("[{\"name\": \"x\"},\n 3]"),
			"read e.json: entry 2 (line 2, column 2) is not an object: each entry of the list is one record",
			"e.json lezen: item 2 (regel 2, kolom 2) is geen object: elk item van de lijst is één registratie"},
		{"unknown kind", func() error {
			_, err := loadable(t, Read)("x.csv", []byte("naam\nx\n"), Options{Kind: "camera"})
			return err
		}, `import: unknown kind "camera": use sensor or algorithm`, `import: onbekende soort "camera": kies sensor of algorithm`},
		{"a quoted cell not closed", func() error {
			_, err := loadable(t, Read)("x.csv", []byte("naam,status\n\"open,active\n"), Options{Kind: record.Sensor})
			return err
		}, `x.csv:2:1: a quoted cell is not closed, or a " in it is not written as ""`,
			`x.csv:2:1: een cel tussen aanhalingstekens is niet afgesloten, of een " erin is niet als "" geschreven`},
		{"a quoted cell left open after a closed one", func() error {
			_, err := loadable(t, Read)("x.csv", []byte("naam;status\n\"A \"\"B\"\" C\";\"actief\n"), Options{Kind: record.Sensor})
			return err
		}, `x.csv:2:13: a quoted cell is not closed`, `x.csv:2:13: een cel tussen aanhalingstekens is niet afgesloten`},
		{"a quote in a cell that is not quoted, after multi-byte text", func() error {
			_, err := loadable(t, Read)("x.csv", []byte("naam,status\nCamera é 5\" groot,active\n"), Options{Kind: record.Sensor})
			return err
		}, `x.csv:2:11: a " in a cell that is not quoted`, `x.csv:2:11: een " in een cel die niet tussen aanhalingstekens staat`},
		{"a quote after a quoted cell", func() error {
			_, err := loadable(t, Read)("x.csv", []byte("naam,status\n\"Camera\" A,active\n"), Options{Kind: record.Sensor})
			return err
		}, `x.csv:2:8: a quoted cell is not closed`, `x.csv:2:8: een cel tussen aanhalingstekens is niet afgesloten`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bothLanguages(t, tt.read(), tt.en, tt.nl)
		})
	}
}

// parse returns a loader of a mapping file with text.
func parse(text string) func() (*Mapping, error) {
	return func() (*Mapping, error) { return ParseMapping("m.yaml", []byte(text)) }
}

// bothLanguages fails unless err starts with en in an English run and
// with nl in a Dutch one.
func bothLanguages(t *testing.T, err error, en, nl string) {
	t.Helper()
	l, ok := err.(message.Lingual)
	if !ok {
		t.Fatalf("%v is not worded in each language", err)
	}
	for _, c := range []struct{ lang, got, want string }{
		{message.English, err.Error(), en},
		{message.English, l.In(message.English), en},
		{message.Dutch, l.In(message.Dutch), nl},
	} {
		if !strings.HasPrefix(c.got, c.want) {
			t.Errorf("in %s: %q, want %q", c.lang, c.got, c.want)
		}
	}
}
