package field

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

var kindNames = map[Kind]string{Text: "Text", Prose: "Prose", Enum: "Enum", Enums: "Enums", Texts: "Texts", Bool: "Bool",
	Int: "Int", Number: "Number", Date: "Date", Duration: "Duration", URL: "URL", Email: "Email", Objects: "Objects", Group: "Group"}

// suggest writes the row a schema field needs, with the schema's title as
// its label, for the failure message.
func suggest(d Described) string {
	nl, en, _ := strings.Cut(strings.TrimSuffix(d.Title, ")"), " (")
	rec := ""
	if len(d.Kinds) == 1 {
		rec = fmt.Sprintf(" Record: %q,", d.Kinds[0])
	}
	display := ""
	if !d.Leaf {
		display = " Display: Row,"
	}
	return fmt.Sprintf(`{Path: %q, Kind: %s,%s Section: "...",%s Label: [2]string{%q, %q}},`, d.Path, kindNames[d.Kind], rec, display, nl, en)
}

// The table and the record schemas list the same fields, of the same kinds
// of record and value; a field added to a schema names the row to add.
func TestTableMatchesSchemas(t *testing.T) {
	described, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if len(described) < 100 {
		t.Fatalf("the schemas give %d fields; the walk is broken", len(described))
	}
	inSchema := map[string]bool{}
	prev := ""
	for _, d := range described {
		inSchema[d.Path] = true
		f, ok := Lookup(d.Path)
		if !ok {
			t.Errorf("schema field %s has no row in internal/field/table.go: add, after the row of %q,\n\t%s", d.Path, prev, suggest(d))
			prev = d.Path
			continue
		}
		prev = d.Path
		if want := kindsOf(f); !slices.Equal(want, d.Kinds) {
			t.Errorf("row %s: Record %q, but the schemas of %v have the field: set Record to %s", d.Path, f.Record, d.Kinds, recordFor(d.Kinds))
		}
		if !compatible(f.Kind, d.Kind) {
			t.Errorf("row %s: Kind %s, but the schema makes it %s: set Kind to %s", d.Path, kindNames[f.Kind], kindNames[d.Kind], kindNames[d.Kind])
		}
	}
	for _, f := range All {
		if !inSchema[f.Path] {
			t.Errorf("row %s: no schema (schema/*.json) has this field: add it to the schema, or remove the row", f.Path)
		}
	}
}

func kindsOf(f Field) []record.Kind {
	if f.Record != "" {
		return []record.Kind{f.Record}
	}
	return record.Kinds
}

func recordFor(ks []record.Kind) string {
	if len(ks) == 1 {
		return fmt.Sprintf("%q", ks[0])
	}
	return `"" (both)`
}

// compatible: the table may call a plain string free text (Prose), and a
// list of values a list of texts when the words are not the glossary's.
func compatible(table, schema Kind) bool {
	return table == schema || schema == Text && table == Prose
}

// The table follows the model (record.Record) field for field, in its order:
// the order records are written in, and the open-data CSV's columns.
func TestTableFollowsModel(t *testing.T) {
	leaves := Leaves()
	model := record.Leaves()
	for i := range max(len(leaves), len(model)) {
		var got, want string
		if i < len(leaves) {
			got = leaves[i].Path
		}
		if i < len(model) {
			want = model[i].Path
		}
		if got != want {
			t.Fatalf("field %d: the table has %q where the model (record.Record) has %q: add or move the row so the table follows the model's order", i, got, want)
		}
		if model[i].Kind != leaves[i].Record {
			t.Errorf("row %s: Record %q, the model says %q", got, leaves[i].Record, model[i].Kind)
		}
	}
}

// Every row is complete for what its display asks.
func TestRows(t *testing.T) {
	sections := map[string]bool{}
	for _, s := range Sections {
		sections[s.Key] = true
	}
	seen := map[string]bool{}
	columns := map[string]string{}
	for _, f := range All {
		if seen[f.Path] {
			t.Errorf("row %s: twice", f.Path)
		}
		seen[f.Path] = true
		if p := f.Parent(); p != "" && !seen[p] {
			t.Errorf("row %s: the row of %s must come first", f.Path, p)
		}
		shown := f.Display == Row || f.Display == Custom || f.Display == Table
		switch {
		case shown && !sections[f.Section]:
			t.Errorf("row %s: shown on the record page, but section %q is not one of Sections", f.Path, f.Section)
		case !shown && f.Section != "":
			t.Errorf("row %s: section %q, but the page does not show it as a row", f.Path, f.Section)
		}
		if (shown || f.Display == Head) && (f.Label[0] == "" || f.Label[1] == "") {
			t.Errorf("row %s: shown by its label, which needs Dutch and English", f.Path)
		}
		if f.Display == Table && f.Kind != Objects {
			t.Errorf("row %s: a table shows a list of objects, not %s", f.Path, kindNames[f.Kind])
		}
		if f.Kind == Objects && f.Display == Row {
			t.Errorf("row %s: a list of objects needs Display Table or Custom", f.Path)
		}
		if f.Leaf() && f.Help("nl") == "" {
			t.Errorf("row %s: the schema gives no description to help with", f.Path)
		}
		for _, k := range kindsOf(f) {
			if c := f.Column(); c != "" && f.Leaf() {
				key := string(k) + "/" + c
				if other, ok := columns[key]; ok {
					t.Errorf("rows %s and %s: both CSV column %q", other, f.Path, c)
				}
				columns[key] = f.Path
			}
		}
		if (f.Kind == Enum || f.Kind == Enums) && f.Path != "kind" && !hasWords(f.Path) {
			t.Errorf("row %s: an enumerated value needs its words in internal/label", f.Path)
		}
	}
}

func hasWords(path string) bool {
	return label.HasValues(path)
}

func TestLabel(t *testing.T) {
	tests := []struct {
		lang, path, want string
		ok               bool
	}{
		{"nl", "owner.email", "E-mail", true},
		{"en", "owner.email", "Email", true},
		{"nl", "lifecycle", "Looptijd (start en einde)", true},
		{"nl", "location.point.lat", "location.point.lat", false}, // named by its group
		{"en", "no.such.field", "no.such.field", false},
	}
	for _, tt := range tests {
		got, ok := Label(tt.lang, tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Label(%s, %s) = %q, %v; want %q, %v", tt.lang, tt.path, got, ok, tt.want, tt.ok)
		}
	}
	if f, _ := Lookup("lifecycle.end"); f.Help("en") == "" || f.Help("nl") == f.Help("en") {
		t.Errorf("help of lifecycle.end: %q / %q", f.Help("nl"), f.Help("en"))
	}
}

// A path to one element of a list, or to a field of one, is labelled by
// the list's label with the element's number counted from 1.
func TestLabelOfAnElement(t *testing.T) {
	for path, want := range map[string]string{
		"incidents.2":         "Incidenten en datalekken 3",
		"incidents.0.summary": "Incidenten en datalekken 1: summary",
		"owner.email":         "E-mail",
		"onbekend.0.veld":     "onbekend.0.veld",
	} {
		if got, _ := Label("nl", path); got != want {
			t.Errorf("Label(%s) = %q, want %q", path, got, want)
		}
	}
}

// A text that says nothing ("-", a zero-width space) is no value: the
// record page and the packet say it is not given, as the checklist does.
func TestValueOfATextThatSaysNothing(t *testing.T) {
	f := Field{Path: "purpose", Kind: Prose}
	for _, tt := range []struct {
		purpose string
		given   bool
	}{{"Veiligheid.", true}, {"", false}, {"-", false}, {"\u200b", false}} {
		if _, ok := f.Value(&record.Record{Purpose: tt.purpose}); ok != tt.given {
			t.Errorf("purpose %q: given %v, want %v", tt.purpose, ok, tt.given)
		}
	}
}
