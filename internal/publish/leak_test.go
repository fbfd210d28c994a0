package publish_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/voorbeeldstad/register/internal/export"
	"github.com/voorbeeldstad/register/internal/feed"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/packet"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/site"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

// The test that tries every field: for each field of each record schema
// (leaf or structure, read from schema/*.json, so a field added to the
// format is tried the day it is added), one record withholds that field and
// holds a marker there, in every list element. A record that is not public,
// and one whose publication block is malformed, carry markers in their id
// and name, and a public algorithm names the hidden sensor. Then every public
// output is made (the site with its open data, search index, source files
// and findings; every export format; the change feed; the public review
// packet in HTML, Markdown and PDF) and every file is searched for every
// marker.

// withheldMarker is the marker of record n's withheld field: letters that
// no template, label or base record holds.
func withheldMarker(n int) string { return fmt.Sprintf("ZqM%03dqZ", n) }

// numeric markers, for number fields, by record: distinct, in range for
// coordinates, and printed the same at any precision down to four decimals.
func latMarker(n int) float64 { return 53.0 + float64(n)*0.0011 + 0.00001 }
func lonMarker(n int) float64 { return 6.0 + float64(n)*0.0013 + 0.00001 }
func rdMarker(n int) float64  { return 200000 + float64(n)*37 + 0.5 }
func intMarker(n int) int     { return 970000 + n }

// markerTexts are the forms the markers in record m (of case n) take in
// print: the text marker, and each number marker the record holds.
func markerTexts(m map[string]any, n int) []string {
	data, _ := json.Marshal(m)
	s := string(data)
	var out []string
	for _, t := range []struct {
		raw, print string
	}{
		{withheldMarker(n), withheldMarker(n)},
		{fmt.Sprint(latMarker(n)), fmt.Sprintf("%.4f", latMarker(n))},
		{fmt.Sprint(lonMarker(n)), fmt.Sprintf("%.4f", lonMarker(n))},
		{fmt.Sprint(rdMarker(n)), fmt.Sprintf("%.1f", rdMarker(n))},
		{fmt.Sprint(intMarker(n)), fmt.Sprint(intMarker(n))},
	} {
		if strings.Contains(s, t.raw) {
			out = append(out, t.print)
		}
	}
	return out
}

// field marks the value at a schema field for record n: the field's value
// (or every string and number below it) becomes a marker.
func mark(v any, f publish.Field, n int) any {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			t[k] = mark(c, publish.Field{Path: f.Path + "." + k}, n)
		}
		return t
	case []any:
		if len(t) == 0 {
			return []any{withheldMarker(n)}
		}
		for i, c := range t {
			t[i] = mark(c, f, n)
		}
		return t
	case string:
		return withheldMarker(n)
	case float64, int, int64, json.Number:
		switch {
		case strings.HasSuffix(f.Path, ".lat"):
			return latMarker(n)
		case strings.HasSuffix(f.Path, ".lon"):
			return lonMarker(n)
		case strings.HasPrefix(f.Path, "location.point_rd"):
			return rdMarker(n)
		case strings.HasPrefix(f.Path, "location.polygon"):
			return latMarker(n)
		}
		return intMarker(n)
	}
	return v // booleans carry no marker
}

// setAt marks the field at path in the record m, in every list element,
// creating it from the field's type when the base record lacks it.
func setAt(m map[string]any, path []string, f publish.Field, n int) bool {
	v, ok := m[path[0]]
	if len(path) == 1 {
		if !ok {
			switch f.Type {
			case "string":
				v = ""
			case "array":
				v = []any{}
			default:
				return false
			}
		}
		m[path[0]] = mark(v, f, n)
		return true
	}
	switch t := v.(type) {
	case map[string]any:
		return setAt(t, path[1:], f, n)
	case []any:
		found := false
		for _, e := range t {
			if em, ok := e.(map[string]any); ok && setAt(em, path[1:], f, n) {
				found = true
			}
		}
		return found
	}
	return false
}

// plain turns the reader's json.Number into numbers YAML writes unquoted.
func plain(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, c := range t {
			t[k] = plain(c)
		}
	case []any:
		for i, c := range t {
			t[i] = plain(c)
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

func baseRecord(t *testing.T, kind record.Kind) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "schema", "testdata", string(kind)+"-full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc, found := source.Parse("base", data, source.DefaultLimits)
	if len(found) > 0 {
		t.Fatal(found)
	}
	return plain(doc.Value).(map[string]any)
}

func deepCopy(m map[string]any) map[string]any {
	data, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(data, &out)
	return plain(out).(map[string]any)
}

// leakRegister writes the register of the test and returns what it holds.
type leakCase struct {
	n    int
	kind record.Kind
	path string
	file string
	// texts are the markers the field holds in print; none for a boolean,
	// whose withholding is still exercised.
	texts []string
}

const (
	hiddenID     = "zqmverborgen"
	hiddenName   = "ZqMVerborgenNaamqZ"
	brokenID     = "zqmkapot"
	brokenName   = "ZqMKapotNaamqZ"
	unreadableID = "zqmonleesbaar"
	listID       = "zqmlijst" // publication given as a list: no block at all once decoded
)

func writeLeakRegister(t *testing.T, dir string) ([]leakCase, map[string]any) {
	t.Helper()
	write := func(rel string, m map[string]any) {
		data, err := yaml.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var cases []leakCase
	n := 0
	bases := map[string]any{}
	for _, kind := range record.Kinds {
		base := baseRecord(t, kind)
		var fields []publish.Field
		for _, f := range publish.Fields(kind) {
			switch f.Path {
			case "id", "kind", "publication", "publication.public", "publication.withheld":
				continue // the record's address, and the switch itself
			}
			fields = append(fields, f)
		}
		for g, group := range groups(fields, fieldsPerRecord) {
			m := deepCopy(base)
			id := fmt.Sprintf("%s-veld-%03d", kind, g+1)
			m["id"] = id
			m["publication"] = map[string]any{"reason": fmt.Sprintf("Woo grond %s %d", kind, g+1)}
			var withheld []any
			first := n + 1
			for _, f := range group {
				n++
				if !setAt(m, strings.Split(f.Path, "."), f, n) {
					t.Fatalf("%s: cannot place a marker at %s", kind, f.Path)
				}
				withheld = append(withheld, f.Path)
			}
			m["publication"].(map[string]any)["withheld"] = withheld
			file := kind.Folder() + "/" + id + ".yaml"
			write(file, m)
			for i, f := range group {
				cases = append(cases, leakCase{n: first + i, kind: kind, path: f.Path, file: file, texts: markerTexts(m, first+i)})
			}
			bases[file] = m
		}
	}
	// A sensor that is not public, one whose publication block is
	// malformed, and a public algorithm that uses both.
	hidden := deepCopy(baseRecord(t, record.Sensor))
	hidden["id"], hidden["name"] = hiddenID, hiddenName
	hidden["publication"] = map[string]any{"public": false, "reason": "Woo 5.1 lid 2 sub d"}
	write("sensors/"+hiddenID+".yaml", hidden)
	broken := deepCopy(baseRecord(t, record.Sensor))
	broken["id"], broken["name"] = brokenID, brokenName
	broken["publication"] = map[string]any{"withheld": "location.point"}
	write("sensors/"+brokenID+".yaml", broken)
	list := deepCopy(baseRecord(t, record.Sensor))
	list["id"], list["name"] = listID, "ZqMLijstNaamqZ"
	list["publication"] = []any{"public", false}
	write("sensors/"+listID+".yaml", list)
	user := deepCopy(baseRecord(t, record.Algorithm))
	user["id"] = "gebruiker"
	user["uses_sensors"] = []any{hiddenID, brokenID, unreadableID}
	delete(user, "publication")
	write("algorithms/gebruiker.yaml", user)
	// A public sensor whose texts quote what the others keep back: every
	// withheld value another text could quote, in its own case and in
	// lower case, numbers with a decimal comma too, and the ids and names
	// of the records that are not public. The filter takes them out of
	// its texts as it does out of findings.
	var quotes []string
	for _, c := range cases {
		if quotableField(c.kind, c.path) {
			for _, q := range c.texts {
				quotes = append(quotes, q, strings.ToLower(q), strings.Replace(q, ".", ",", 1))
			}
		}
	}
	quotes = append(quotes, hiddenName, strings.ToLower(brokenName), "ZqMLijstNaamqZ", hiddenID, brokenID, listID)
	quoter := deepCopy(baseRecord(t, record.Sensor))
	quoter["id"] = "citeert"
	quoter["name"] = "Citeert " + hiddenName
	// The purpose writes them again in full-width letters, as East Asian
	// input methods type them: the filter reads what they stand for.
	quoter["purpose"] = "Zie " + strings.Join(quotes, "; ") + "; " + fullWidth(strings.Join(quotes, "; ")) + "."
	quoter["summary"] = strings.ToUpper(strings.Join(quotes[:len(quotes)/2], " en "))
	// The location again with letters typed on a Cyrillic keyboard layout.
	quoter["location"].(map[string]any)["description"] = strings.Join(quotes, ", ") + "; " + cyrillic(strings.Join(quotes, ", "))
	// The problem with a diacritic on every letter, composed where
	// Unicode has the letter so and decomposed after it: a reader reads
	// past them.
	quoter["problem"] = "Zie " + norm.NFC.String(withDiaeresis(strings.Join(quotes, "; "))) + "; " + withDiaeresis(strings.Join(quotes, "; ")) + "."
	// The alternatives with the digits of other scripts, as a
	// keyboard for Arabic, Hindi or Thai types them: a reader reads the
	// numbers.
	quoter["alternatives"] = "Zie " + otherDigits(strings.Join(quotes, "; ")) + "."
	delete(quoter, "publication")
	write("sensors/citeert.yaml", quoter)
	bases["sensors/"+hiddenID+".yaml"], bases["sensors/"+brokenID+".yaml"] = hidden, broken
	bases["algorithms/gebruiker.yaml"] = user
	// A file that does not read: it would be non-public, and nothing of it
	// may appear.
	if err := os.WriteFile(filepath.Join(dir, "sensors", unreadableID+".yaml"),
		[]byte("id: "+unreadableID+"\nname: [ZqMOnleesbaarqZ\npublication: {public: false}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return cases, bases
}

// fullWidth writes s with each printable ASCII character in its
// full-width form (U+FF01 to U+FF5E).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if '!' <= r && r <= '~' {
			return r - '!' + '\uff01'
		}
		return r
	}, s)
}

// withDiaeresis writes s with a combining diaeresis after each ASCII
// letter.
func withDiaeresis(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			b.WriteRune('\u0308')
		}
	}
	return b.String()
}

// digitZeros are the zeros of the scripts whose digits otherDigits
// writes: Arabic-Indic, Devanagari and Thai. Each script's digits follow
// its zero.
var digitZeros = []rune{'\u0660', '\u0966', '\u0e50'}

// otherDigits writes s with each ASCII digit in the digits of another
// script, taking the scripts of digitZeros in turn.
func otherDigits(s string) string {
	i := 0
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			i++
			return digitZeros[i%len(digitZeros)] + r - '0'
		}
		return r
	}, s)
}

// asciiDigits reads the digits otherDigits wrote as ASCII ones, as a
// reader does.
func asciiDigits(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		for _, z := range digitZeros {
			if z <= r && r <= z+9 {
				return '0' + r - z
			}
		}
		return r
	}, b)
}

// withoutMarks reads b as a reader does past the diacritics on its
// letters: decomposed, without the nonspacing marks.
func withoutMarks(b []byte) []byte {
	return bytes.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFKD.Bytes(b))
}

// toCyrillic are Latin letters and the Cyrillic ones drawn alike.
var toCyrillic = map[rune]rune{'A': 'А', 'a': 'а', 'E': 'Е', 'e': 'е', 'O': 'О', 'o': 'о', 'C': 'С', 'c': 'с',
	'K': 'К', 'M': 'М', 'P': 'Р', 'p': 'р', 'T': 'Т', 'X': 'Х', 'x': 'х', 'H': 'Н', 'B': 'В'}

// cyrillic writes s with the letters of toCyrillic in Cyrillic, as a
// keyboard switched to another layout does.
func cyrillic(s string) string {
	return strings.Map(func(r rune) rune {
		if c, ok := toCyrillic[r]; ok {
			return c
		}
		return r
	}, s)
}

// latin reads the letters cyrillic wrote as Latin ones, as a reader does.
func latin(b []byte) []byte {
	back := map[rune]rune{}
	for l, c := range toCyrillic {
		back[c] = l
	}
	return bytes.Map(func(r rune) rune {
		if l, ok := back[r]; ok {
			return l
		}
		return r
	}, b)
}

// quotableField reports whether another record's text could quote the
// value of the field at path of a record of kind, so that the filter must
// take it out of that text: a text that is not one of a fixed set of
// words, a date or a duration, or a number.
func quotableField(kind record.Kind, path string) bool {
	for _, f := range publish.Fields(kind) {
		if f.Path != path {
			continue
		}
		// uses_sensors names records, whose ids are public or hidden
		// anyway: what it withholds is the link.
		if !f.Leaf || len(f.Enum) > 0 || f.Format == "date" || f.Format == "date-time" || f.Format == "duration" || f.Path == "uses_sensors" {
			return false
		}
		t := f.Type
		if t == "array" {
			t = f.Item
		}
		return t == "string" || t == "number" || t == "integer"
	}
	return false
}

// groups puts the fields into groups of at most size, no field in a group
// above or below another (withholding location would hide location.point's
// own leak). With size 1 every field is withheld on its own record.
func groups(fields []publish.Field, size int) [][]publish.Field {
	var out [][]publish.Field
	related := func(a, b string) bool {
		return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
	}
next:
	for _, f := range fields {
		for i, g := range out {
			if len(g) >= size {
				continue
			}
			ok := true
			for _, o := range g {
				if related(o.Path, f.Path) {
					ok = false
				}
			}
			if ok {
				out[i] = append(g, f)
				continue next
			}
		}
		out = append(out, []publish.Field{f})
	}
	return out
}

// fakeHistory gives the packet the change set the feed also shows.
type fakeHistory struct{ cs *history.ChangeSet }

func (h fakeHistory) Head() string                             { return "0123456789abcdef0123456789abcdef01234567" }
func (h fakeHistory) Since(string) (*history.ChangeSet, error) { return h.cs, nil }

// changeSet says every record changed from the schema's base record to what
// it holds now, was added whole before, and that the hidden records were
// added and removed; commit subjects quote the withheld markers.
func changeSet(t *testing.T, cases []leakCase, now map[string]any) *history.ChangeSet {
	when := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	cs := &history.ChangeSet{Since: "v1", Base: "base", Head: "head"}
	baseOf := map[record.Kind]map[string]any{record.Sensor: baseRecord(t, record.Sensor), record.Algorithm: baseRecord(t, record.Algorithm)}
	texts := map[string][]string{}
	var files []string
	kindOf := map[string]record.Kind{}
	for _, c := range cases {
		if _, ok := texts[c.file]; !ok {
			files = append(files, c.file)
		}
		texts[c.file] = append(texts[c.file], c.texts...)
		kindOf[c.file] = c.kind
	}
	for i, file := range files {
		cur := now[file].(map[string]any)
		old := deepCopy(baseOf[kindOf[file]])
		old["id"] = cur["id"]
		changed := fielddiff.Diff(old, cur)
		added := fielddiff.Diff(nil, cur)
		partial := fielddiff.Diff(map[string]any{"id": cur["id"]}, cur) // fields added whole
		cs.Records = append(cs.Records, history.RecordChange{Op: history.Changed, File: file, Fields: changed, Commits: []history.Change{
			{Commit: fmt.Sprintf("%040d", i), When: when, Op: history.Changed, File: file, Fields: changed,
				Message: "Bijgewerkt: " + strings.Join(texts[file], ", ")},
			{Commit: fmt.Sprintf("%039dA", i), When: when.Add(-time.Hour), Op: history.Changed, File: file, Fields: partial, Message: "Aangevuld"},
			{Commit: fmt.Sprintf("%039dB", i), When: when.Add(-2 * time.Hour), Op: history.Added, File: file, Fields: added, Message: "Nieuw"},
		}})
	}
	for _, id := range []string{hiddenID, brokenID} {
		file := "sensors/" + id + ".yaml"
		rec := now[file]
		cs.Records = append(cs.Records,
			history.RecordChange{Op: history.Changed, File: file, Commits: []history.Change{
				{Commit: "c-" + id, When: when, Op: history.Changed, File: file, Message: "Naam " + id,
					Fields: []fielddiff.Change{{Path: "/name", Op: fielddiff.Changed, Old: "x", New: rec.(map[string]any)["name"]}}}}},
			history.RecordChange{Op: history.Removed, File: "sensors/weg-" + id + ".yaml", Commits: []history.Change{
				{Commit: "r-" + id, When: when, Op: history.Removed, File: "sensors/weg-" + id + ".yaml",
					Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: rec}}}}})
	}
	file := "sensors/" + unreadableID + ".yaml"
	cs.Records = append(cs.Records, history.RecordChange{Op: history.Added, File: file, Problem: &history.Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.NewVersion}}, Commits: []history.Change{
		{Commit: "u", When: when, Op: history.Added, File: file, Message: "Nieuw " + unreadableID}}})
	return cs
}

func TestNoWithheldValueReachesAnyPublicOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every public output of a register with a record per schema field")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "register")
	cases, now := writeLeakRegister(t, root)
	// Voorbeeldstad's, as the base records' addresses are: in another
	// organisation's register they would be placeholders, kept off every
	// public output.
	if err := os.WriteFile(filepath.Join(root, "register.yaml"), []byte("organisation: Gemeente Voorbeeldstad\nsite:\n  base_url: https://register.voorbeeldstad.example/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 150 {
		t.Fatalf("only %d schema fields tried; the schema walk is broken", len(cases))
	}
	// A history whose commit subjects quote the withheld values.
	hist := map[string]site.History{}
	for _, c := range cases {
		h := hist[c.file]
		h.Added = "2026-01-01"
		if len(h.Changes) == 0 {
			h.Changes = []site.Change{{Date: "2026-11-01", Subject: "Bijgewerkt:"}}
		}
		h.Changes[0].Subject += " " + strings.Join(c.texts, ", ") + " " + fullWidth(strings.Join(c.texts, ", ")) + " " + cyrillic(strings.Join(c.texts, ", "))
		h.Changes[0].Fields = append(h.Changes[0].Fields, c.path)
		hist[c.file] = h
	}
	outputs := publicOutputs(t, root, hist, changeSet(t, cases, now))

	// Nothing withheld, and nothing of a record that is not public, anywhere.
	// Each file is scanned once: every text marker starts with "ZqM", and
	// every number in it is looked up in its printed forms.
	// Text markers are looked for in any case, as the quoting record
	// writes them in several.
	byText := map[string]leakCase{}
	for _, c := range cases {
		for _, m := range c.texts {
			byText[strings.ToLower(m)] = c
		}
	}
	hiddenText := []string{hiddenName, brokenName, "ZqMOnleesbaarqZ", "ZqMLijstNaamqZ", hiddenID, brokenID, unreadableID, listID}
	textRE := regexp.MustCompile(`zqm[0-9]{3}qz`)
	numberRE := regexp.MustCompile(`[0-9]+([.,][0-9]+)?`)
	for name, data := range outputs {
		// Letters written as others (full-width, Cyrillic lookalikes, with
		// diacritics) and digits of other scripts are read as the letters
		// and digits they stand for, as a reader does.
		data = bytes.ToLower(asciiDigits(latin(norm.NFKC.Bytes(withoutMarks(data)))))
		for _, m := range textRE.FindAll(data, -1) {
			if c, ok := byText[string(m)]; ok {
				t.Errorf("%s: the value of %s %s, withheld, is published (%s)", name, c.kind, c.path, m)
			}
		}
		for _, num := range numberRE.FindAll(data, -1) {
			for _, form := range printedForms(strings.Replace(string(num), ",", ".", 1)) {
				if c, ok := byText[form]; ok {
					t.Errorf("%s: a number of %s %s, withheld, is published (%s)", name, c.kind, c.path, num)
				}
			}
		}
		for _, s := range hiddenText {
			if bytes.Contains(data, bytes.ToLower([]byte(s))) {
				t.Errorf("%s: a record that is not public is named (%s)", name, s)
			}
		}
	}
	tried := 0
	for _, c := range cases {
		if len(c.texts) > 0 {
			tried++
		}
	}
	if tried < 120 {
		t.Errorf("only %d of %d fields carry a marker", tried, len(cases))
	}
	t.Logf("%d schema fields withheld (%d with a marker to search for), %d public outputs searched", len(cases), tried, len(outputs))
	// And the outputs are there: the test would pass on empty files.
	for _, want := range []string{"site/index.html", "site/data/register.json", "site/data/sensors.csv", "export/sensorthings", "export/algoritmeregister", "feed.nl.xml", "packet.html"} {
		if len(outputs[want]) < 200 {
			t.Errorf("%s is missing or nearly empty", want)
		}
	}
	if !strings.Contains(string(outputs["site/data/register.json"]), `"unpublished_records": 3`) {
		t.Errorf("register.json does not count the three records that are not public")
	}
}

// publicOutputs loads the register at root and makes every public output
// of it, by name: the site (with its open data, search index, sources and
// findings, and the history hist), every export format, the change feed of
// cs in both languages and the public review packet with every record on
// the agenda (its PDF as text, where pdftotext is installed).
func publicOutputs(t *testing.T, root string, hist map[string]site.History, cs *history.ChangeSet) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	reg := res.Register
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	checked := principle.Run(reg, principle.Options{Today: today})
	load.Locate(root, checked)
	all := append(append([]finding.Finding{}, res.Findings...), checked...)
	outputs := map[string][]byte{} // name → content

	out := filepath.Join(dir, "public")
	if _, err := site.Build(reg, site.Options{Out: out, Now: today.Add(12 * time.Hour),
		Check: func(_ *register.Register, each func(*finding.Finding)) {
			for i := range checked {
				each(&checked[i])
			}
		},
		Findings: res.Findings, History: hist}); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		outputs["site/"+filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// Every export format.
	for _, format := range export.Formats.Names() {
		kinds := []record.Kind{""}
		if format == "csv" {
			kinds = record.Kinds
		}
		for _, k := range kinds {
			var buf bytes.Buffer
			if _, err := export.Write(&buf, format, reg, export.Options{Kind: k}); err != nil {
				t.Fatalf("export %s: %v", format, err)
			}
			outputs["export/"+format+string(k)] = buf.Bytes()
		}
	}

	// The change feed, in both languages.
	byFile := map[string]*record.Record{}
	for _, r := range reg.Records {
		byFile[r.File] = r
	}
	for _, lang := range []string{"nl", "en"} {
		o := feed.Options{Title: "Register", Language: lang, BaseURL: "https://register.example/", Now: today,
			Record: func(f string) *record.Record { return byFile[f] },
			PublicID: func(id string) bool {
				r := reg.ByID(id)
				return r != nil && r.IsPublic()
			}}
		var buf bytes.Buffer
		if err := feed.Write(&buf, feed.Entries(cs, o), o); err != nil {
			t.Fatal(err)
		}
		outputs["feed."+lang+".xml"] = buf.Bytes()
	}

	// The public review packet, with every record on the agenda.
	var ids []string
	for _, r := range reg.Records {
		ids = append(ids, r.ID)
	}
	p, err := packet.Build(reg, all, packet.Options{Today: today, IDs: ids, Public: true, History: fakeHistory{cs}, Since: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []packet.Format{packet.HTML, packet.Markdown, packet.PDF} {
		var buf bytes.Buffer
		if err := packet.Render(&buf, p, f); err != nil {
			t.Fatal(err)
		}
		outputs["packet."+string(f)] = buf.Bytes()
	}
	if pdf, ok := pdfText(t, outputs["packet.pdf"]); ok {
		outputs["packet.pdf.txt"] = pdf
	}
	delete(outputs, "packet.pdf") // compressed: searched as text above, where pdftotext is installed

	return outputs
}

// printedForms are the forms a number found in an output is looked up in:
// as found, and cut to one to four decimals (a marker 53.10001 printed as
// 53.10001 or 53.1000…).
func printedForms(num string) []string {
	out := []string{num}
	if i := strings.IndexByte(num, '.'); i >= 0 {
		for k := 1; k <= 4 && i+1+k <= len(num); k++ {
			out = append(out, num[:i+1+k])
		}
	}
	return out
}

// pdfText extracts a PDF's text with pdftotext, where it is installed.
func pdfText(t *testing.T, pdf []byte) ([]byte, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext is not installed: the public packet's PDF is not searched")
		return nil, false
	}
	in := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return out, true
}
