// Package field is the one description of the record format's fields: in the
// order the record format gives them, each field's path, kind of value, the
// section of the record page it belongs to, its Dutch and English label, how
// the record page shows it and its open-data CSV column. The public site, the
// committee's packet, the open-data CSV and the CSV import read it, so a new
// field is the schema, the model and one row of All.
//
// The JSON Schemas (schema/*.json) stay the authority on what is valid; the
// package's tests prove that the table and the schemas list the same fields,
// and the field's help is the schema's description. What a record withholds
// is not in the table: the publication filter (internal/publish) decides that
// per record, and every public output goes through it.
package field

import (
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// Kind is the kind of value a field holds, which says how it is read and
// written: a date is shown as a reader says it, an enumerated value by its
// words, a duration in words.
type Kind int

// The kinds of value.
const (
	Text     Kind = iota // one line of text: a name, a reference, a code
	Prose                // free text, in paragraphs
	Enum                 // one of the values the schema lists (words: internal/label)
	Enums                // a list of such values
	Texts                // a list of texts
	Bool                 // yes or no
	Int                  // a whole number
	Number               // a decimal number (coordinates)
	Date                 // YYYY-MM-DD
	Duration             // an ISO 8601 duration
	URL                  // a web address
	Email                // an e-mail address
	Objects              // a list of objects (decisions, datasets, ...)
	Group                // an object whose fields have rows of their own
)

// Display is how the record page shows a field.
type Display int

// The ways a field is shown on the record page.
const (
	// Row: a row of its own, its value written as its Kind says; for a
	// Group, its fields have rows of their own, and one row says so when
	// the record withholds the whole group.
	Row Display = iota
	// Custom: a row of its own that the page composes from the field and
	// the fields below it (organisation: name and type); the page keeps
	// one writer per such field.
	Custom
	// Part: shown in the row of the group above it (legal_basis.law in
	// legal_basis), or by the field it belongs to.
	Part
	// Table: a list of objects shown as a table after the section's rows.
	Table
	// Head: in the page's heading (name, status, summary).
	Head
	// Hidden: not on the record page (structure such as kind, and the
	// publication settings, which the page applies rather than shows).
	Hidden
)

// Need says when the record page shows an empty field as "Niet ingevuld",
// so a missing answer is visible where the principles ask for it.
type Need int

// When an empty field is shown as missing.
const (
	Optional    Need = iota // never: an empty optional field is left out
	Always                  // always
	IfPersonal              // when the record processes personal data
	IfAffects               // when an algorithm affects individuals or groups
	IfAlgorithm             // for an algorithm
	IfRegime                // for a camera or drone, which has a legal regime
)

// Field is one row of the table.
type Field struct {
	// Path is the dotted path of JSON names: "owner.email"; a list of
	// objects is one field ("decisions"), and so is an object whose
	// fields have rows of their own (Kind Group: "owner").
	Path string
	Kind Kind
	// Record is the kind of record the field belongs to; "" for both.
	Record record.Kind
	// Section is where the record page shows it; "" for none.
	Section string
	// Label is the glossary's label, Dutch and English.
	Label label.Text
	// Display is how the record page shows it.
	Display Display
	// Need says when an empty field reads "Niet ingevuld".
	Need Need
	// CSV is the open-data CSV column when it is not the dotted path
	// ("owner_email"); NoCSV leaves the field out (structure, not content).
	CSV string
	// Fact marks a field the committee's packet states among a record's
	// key facts: the packet words the facts it knows itself and states
	// any other marked field by its label and value.
	Fact bool
	// Of is the field whose values this one's are drawn from and name
	// again (switched_off: capabilities'); "" for none.
	Of string
}

// NoCSV is the CSV column of a field the open-data CSV does not carry.
const NoCSV = "-"

// Leaf reports whether the field holds a value rather than further fields:
// the schemas' leaves, the model's record.Leaves.
func (f Field) Leaf() bool { return f.Kind != Group }

// Text returns the field's label in a language: nl, or en.
func (f Field) Text(lang string) string { return f.Label.In(lang) }

// Column returns the field's open-data CSV column, or "" for none.
func (f Field) Column() string {
	switch f.CSV {
	case NoCSV:
		return ""
	case "":
		return f.Path
	}
	return f.CSV
}

// For reports whether the field belongs to records of kind k.
func (f Field) For(k record.Kind) bool { return f.Record == "" || f.Record == k }

// Parent returns the path of the field above it ("legal_basis" for
// "legal_basis.law"), or "".
func (f Field) Parent() string {
	if i := strings.LastIndexByte(f.Path, '.'); i >= 0 {
		return f.Path[:i]
	}
	return ""
}

var byPath = func() map[string]*Field {
	m := make(map[string]*Field, len(All))
	for i := range All {
		m[All[i].Path] = &All[i]
	}
	return m
}()

// DrawnFrom returns the field whose values the field at path names again
// (Field.Of): withheld, its values are no secret of that one.
func DrawnFrom(path string) string {
	f, _ := Lookup(path)
	return f.Of
}

// Lookup returns the field at a dotted path without list indices.
func Lookup(path string) (Field, bool) {
	f, ok := byPath[path]
	if !ok {
		return Field{}, false
	}
	return *f, true
}

// Label returns the label of a field by dotted path without list indices
// ("owner.email") in a language, and whether the field has one; a field
// without a label of its own, or an unknown path, is returned as it is.
func Label(lang, path string) (string, bool) {
	if f, ok := byPath[path]; ok && f.Label[0] != "" {
		return f.Text(lang), true
	}
	// One element of a list, or a field of one ("incidents.0.summary"):
	// the list's label with the element's number, and the field's.
	if list, rest, ok := cutIndex(path); ok {
		if l, ok := byPath[list]; ok && l.Label[0] != "" {
			text := l.Text(lang) + " " + rest.number
			if rest.field == "" {
				return text, true
			}
			if f, ok := byPath[list+"."+rest.field]; ok && f.Label[0] != "" {
				return text + ": " + f.Text(lang), true
			}
			// A field of an element the format labels only as a column
			// of the list's table: its key.
			return text + ": " + rest.field, true
		}
	}
	return path, false
}

// indexed is what follows a list's path in the path of one of its
// elements: the element's number, counted from 1, and the field within it.
type indexed struct{ number, field string }

// cutIndex splits "incidents.0.summary" into "incidents" and {1, summary}.
func cutIndex(path string) (string, indexed, bool) {
	segs := strings.Split(path, ".")
	for i := 1; i < len(segs); i++ {
		if n, err := strconv.Atoi(segs[i]); err == nil && n >= 0 && record.IsIndex(segs[i]) {
			return strings.Join(segs[:i], "."), indexed{strconv.Itoa(n + 1), strings.Join(segs[i+1:], ".")}, true
		}
	}
	return "", indexed{}, false
}

// Section is a part of the record page, in the order the page shows them.
type Section struct {
	Key    string      // the Section of the fields it holds
	ID     string      // the anchor on the page
	Record record.Kind // the kind of record it is about; "" for both
	Title  label.Text  // Dutch and English
}

// Sections are the record page's sections in their order.
var Sections = []Section{
	{"what", "wat", "", [2]string{"Wat en waarom", "What and why"}},
	{"sensor", "sensor", record.Sensor, [2]string{"De sensor", "The sensor"}},
	{"algorithm", "algoritme", record.Algorithm, [2]string{"Het algoritme", "The algorithm"}},
	{"who", "wie", "", [2]string{"Wie is verantwoordelijk", "Who is responsible"}},
	{"law", "besluiten", "", [2]string{"Besluiten en grondslag", "Decisions and legal basis"}},
	{"privacy", "privacy", "", [2]string{"Privacy en gegevens", "Privacy and data"}},
	{"risk", "risico", "", [2]string{"Risico's en toetsing", "Risks and reviews"}},
	{"time", "looptijd", "", [2]string{"Looptijd en evaluatie", "Life cycle and evaluation"}},
	{"security", "beveiliging", "", [2]string{"Beveiliging en leverancier", "Security and supplier"}},
	{"incidents", "incidenten", "", [2]string{"Incidenten", "Incidents"}},
	{"more", "meer", "", [2]string{"Meer informatie", "More information"}},
}

// In returns the fields of a section for records of kind k, in the table's
// order.
func In(section string, k record.Kind) []Field {
	var out []Field
	for _, f := range All {
		if f.Section == section && f.For(k) {
			out = append(out, f)
		}
	}
	return out
}

// Leaves returns the fields that hold a value, in the table's order.
func Leaves() []Field {
	out := make([]Field, 0, len(All))
	for _, f := range All {
		if f.Leaf() {
			out = append(out, f)
		}
	}
	return out
}
