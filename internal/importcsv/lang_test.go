package importcsv

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
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
	res, err := Read("x.csv", []byte(hostile), Options{Kind: record.Algorithm, Mapping: m, Now: now, Validator: validator(t),
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

// A column left out of a spreadsheet exported from the national algorithm
// register points at the ready-made map that reads it, in both languages;
// a spreadsheet of field names gets no such hint.
func TestLeftOutColumnSuggestsReadyMap(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{"national register export", "Algoritme-ID;Naam;Link naar algoritmeregister;Korte omschrijving\n12;Toeslag;https://x;Kort\n", "algoritmeregister-csv"},
		{"field names", "naam;status;kleur\nToeslag;in gebruik;rood\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read("x.csv", []byte(tt.csv), Options{Kind: record.Algorithm, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var left *finding.Finding
			for i, f := range res.Findings {
				if strings.Contains(f.Message.In("en"), "is not a field of the record format") {
					left = &res.Findings[i]
					break
				}
			}
			if left == nil {
				t.Fatalf("no column left out: %q", short(res.Findings))
			}
			for _, lang := range []string{"en", "nl"} {
				got := strings.Contains(left.Help.In(lang), "--map "+tt.want)
				if tt.want == "" {
					got = !strings.Contains(left.Help.In(lang), "try --map") && !strings.Contains(left.Help.In(lang), "probeer --map")
				}
				if !got {
					t.Errorf("help in %s: %q, want the map %q suggested", lang, left.Help.In(lang), tt.want)
				}
			}
			if nl := left.Help.In("nl"); tt.want != "" && !strings.Contains(nl, "kant-en-klare koppeling") {
				t.Errorf("Dutch help %q", nl)
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
