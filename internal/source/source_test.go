package source

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestParseRejectsHostileInput(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		line, col int
		message   string
	}{
		{"empty file", "", 0, 0, "file is empty"},
		{"only a comment", "# nothing here\n", 0, 0, "file is empty"},
		{"two documents", "id: a\n---\nid: b\n", 2, 1, "more than one YAML document"},
		{"duplicate key", "id: a\nname: x\nid: b\n", 3, 1, `key "id" appears more than once`},
		{"integer key", "id: a\n1: x\n", 2, 1, `key "1" is not text`},
		{"boolean key", "id: a\ntrue: x\n", 2, 1, `key "true" is not text`},
		{"mapping as key", "? {a: 1}\n: x\n", 1, 3, "is not text"},
		{"merge key", "base: &b {x: 1}\nother:\n  <<: *b\n", 3, 3, "merge keys"},
		{"NaN", "quantity: .nan\n", 1, 11, "NaN and infinity are not allowed"},
		{"infinity", "location:\n  point: {lat: .inf, lon: 5}\n", 2, 16, "NaN and infinity are not allowed"},
		{"negative infinity", "x: -.Inf\n", 1, 4, "NaN and infinity"},
		{"text tagged as a number", "quantity: !!int abc\n", 1, 11, "abc is not a whole number"},
		{"two signs tagged as a number", "quantity: !!int +-5\n", 1, 11, "not a whole number"},
		{"NUL byte", "id: a\nname: b\x00c\n", 2, 8, "NUL byte"},
		{"invalid UTF-8", "id: a\nname: caf\xe9\n", 2, 10, "not valid UTF-8"},
		{"UTF-16 byte order mark", "\xff\xfei\x00d\x00", 1, 1, "UTF-16"},
		{"unclosed bracket", "id: a\nname: [unclosed\nstatus: active\n", 2, 7, "a '[' opened on this line is not closed"},
		{"unclosed brace in a list", "id: a\nlist:\n  - {a: 1\n  - 3\n", 3, 5, "a '{' opened on this line is not closed"},
		{"unclosed quote", "id: a\nname: \"unclosed\nstatus: active\n", 2, 7, "YAML syntax error"},
		// A quote left open is closed by the parser at the next quote of
		// the file, lines further; the error is where it was opened.
		{"a quote left open, closed by a later value's", "id: a\nname: \"Kenteken\nsummary: Negen.\nowner:\n  role: Teamleider\n  email: \"a@b.example\"\n  department: X\n", 2, 7,
			"the quote opened here is closed only on line 6"},
		{"a single quote left open", "id: a\nname: 'Kenteken\nsummary: Negen.\nlist:\n  - 'x'\n  - y\n", 2, 7, "the quote opened here is closed only on line 5"},
		{"a value quoted over two lines is no open quote", "id: a\nsummary: \"Een tekst\n  die doorloopt: ja.\"\nname: [x\nstatus: y\n", 4, 7, "a '[' opened on this line is not closed"},
		{"bad indentation", "id: a\nname: x\n  bad: indent\n", 3, 6, "YAML syntax error"},
		{"tab indentation", "owner:\n\trole: x\n", 2, 1, "YAML syntax error"},
		// At a letter of several bytes, the error's column is the letter's.
		{"a tag of a letter of three bytes", "!㎎", 1, 2, "YAML syntax error"},
		{"the same after a key", "naam: !㎎x", 1, 8, "YAML syntax error"},
		// The parser names no line for an error on the first, and no column
		// for any: both are where it stopped.
		{"tab on the first line", "\t- tab\n", 1, 1, "YAML syntax error"},
		{"unclosed bracket on the first line", "name: [a, b\n", 1, 7, "a '[' opened on this line is not closed"},
		{"bracket opened on the line before", "id: a\nname: [\n  a,\n  b\nstatus: c\n", 2, 7, "a '[' opened on this line is not closed"},
		{"two values on the first line", "name: x: y\n", 1, 8, "mapping values are not allowed"},
		{"a list after a mapping", "a: b #c\n- d\n", 2, 1, "did not find expected key"},
		{"columns in characters", "naam: é漢 x: y\n", 1, 11, "mapping values are not allowed"},
		{"deep nesting", strings.Repeat("[", 40) + strings.Repeat("]", 40), 1, 34, "nesting is deeper than 32 levels"},
		{"alias bomb", aliasBomb(), 0, 0, "aliases expand to more than 1000 values"},
		{"alias amplification", aliasAmplification(200, 900_000), 4, 13, "aliases expand to more than 1048576 bytes of text"},
		{"too large", "name: " + strings.Repeat("x", 2<<20) + "\n", 0, 0, "more than the limit"},
		{"second document broken", "id: a\n---\n[\n", 3, 1, "YAML syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, fs := Parse("sensors/x.yaml", []byte(tt.data), DefaultLimits)
			if doc != nil {
				t.Fatalf("accepted hostile input, value %#v", doc.Value)
			}
			if len(fs) == 0 {
				t.Fatal("no finding")
			}
			f := fs[0]
			if f.Rule != finding.RuleYAML || f.Severity != finding.Error || f.File != "sensors/x.yaml" {
				t.Errorf("finding %+v: want rule yaml, severity error, file sensors/x.yaml", f)
			}
			if !strings.Contains(f.Message.In("en"), tt.message) {
				t.Errorf("message %q does not contain %q", f.Message.In("en"), tt.message)
			}
			if tt.line != 0 && f.Line != tt.line {
				t.Errorf("line %d, want %d", f.Line, tt.line)
			}
			if tt.col != 0 && f.Column != tt.col {
				t.Errorf("column %d, want %d", f.Column, tt.col)
			}
			if f.Help.In("en") == "" {
				t.Error("finding has no help text")
			}
		})
	}
}

// aliasBomb is the billion-laughs pattern: each level refers to the one
// before ten times.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a")
		b.WriteString(string(rune('0' + i)))
		b.WriteString(": &a")
		b.WriteString(string(rune('0' + i)))
		b.WriteString(" [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a")
			b.WriteString(string(rune('0' + i - 1)))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// aliasAmplification is a record whose purpose, size bytes long, is
// repeated by n aliases, one per line from line 3: few values, much text.
func aliasAmplification(n, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "purpose: &big %q\nlinks:\n", strings.Repeat("x", size))
	for range n {
		b.WriteString("  - {title: *big, url: https://x.example/}\n")
	}
	return b.String()
}

// TestParseBoundsAliasText pins the limit on the text that aliases add:
// many short repeated values pass, and so does expansion up to the limit
// exactly; one byte more halts at the alias, as written in the file, that
// went over.
func TestParseBoundsAliasText(t *testing.T) {
	const limit = 1 << 20
	if DefaultLimits.AliasBytes != limit {
		t.Fatalf("DefaultLimits.AliasBytes = %d; the cases below are sized for %d", DefaultLimits.AliasBytes, limit)
	}
	tests := []struct {
		name      string
		data      string
		line, col int // of the finding; 0 when the file is read
	}{
		{"500 aliases of a short value", aliasAmplification(500, 20), 0, 0},
		{"a date, a name and a list repeated", "start: &d 2025-03-01\nowner: &o {role: Teamleider, email: a@b.example}\n" +
			"themes: &t [verkeer, milieu]\nx: [*d, *o, *t]\ny: [*d, *o, *t]\n", 0, 0},
		{"up to the limit exactly", aliasAmplification(4, limit/4), 0, 0},
		{"one byte over the limit", aliasAmplification(4, limit/4+1), 6, 13},
		{"a large value aliased twice", aliasAmplification(2, limit/2+1), 4, 13},
		// A long key must be explicit (?): a plain one ends at 1024 characters.
		{"keys count too", "m: &m\n  ? " + strings.Repeat("k", limit/2) + "\n  : v\na: *m\nb: *m\n", 5, 4},
		{"refused keys count too", "m: &m {? !!binary " + strings.Repeat("k", limit/2+1) + ": v}\na: *m\nb: *m\n", 3, 4},
		// The alias in b's own list adds text where b is written; c repeats
		// all of it, and the finding points at c, not inside b.
		{"nested aliases", "a: &a " + strings.Repeat("x", limit/4+1) + "\nb: &b [*a, *a]\nc: *b\n", 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, fs := Parse("sensors/x.yaml", []byte(tt.data), DefaultLimits)
			if tt.line == 0 {
				if doc == nil {
					t.Fatalf("refused: %v", fs)
				}
				return
			}
			if doc != nil || len(fs) != 1 {
				t.Fatalf("want one finding, got document %v and %v", doc != nil, fs)
			}
			f := fs[0]
			if f.Line != tt.line || f.Column != tt.col {
				t.Errorf("at %d:%d, want %d:%d", f.Line, f.Column, tt.line, tt.col)
			}
			if want := "aliases expand to more than 1048576 bytes of text"; f.Message.In("en") != want {
				t.Errorf("message %q, want %q", f.Message.In("en"), want)
			}
			if !strings.Contains(f.Help.In("en"), "shorten the anchored value") {
				t.Errorf("help %q does not say what to do", f.Help.In("en"))
			}
		})
	}
}

func TestParseKeepsDatesAsText(t *testing.T) {
	doc, fs := Parse("x.yaml", []byte("start: 2025-03-01\nquoted: '2025-03-01'\nwhen: 2025-03-01T10:00:00+01:00\nbad: 2025-02-30\n"), DefaultLimits)
	if fs != nil {
		t.Fatalf("findings: %v", fs)
	}
	m := doc.Value.(map[string]any)
	for k, want := range map[string]string{"start": "2025-03-01", "quoted": "2025-03-01", "when": "2025-03-01T10:00:00+01:00", "bad": "2025-02-30"} {
		if m[k] != want {
			t.Errorf("%s = %#v, want the text %q", k, m[k], want)
		}
	}
}

func TestParseScalarTypes(t *testing.T) {
	doc, fs := Parse("x.yaml", []byte("n: 12\nhex: 0x1F\nf: 52.37\nb: true\nyes_is_text: yes\nnull1: ~\nnull2:\nbig: 123456789012345678901234567890\n"), DefaultLimits)
	if fs != nil {
		t.Fatalf("findings: %v", fs)
	}
	m := doc.Value.(map[string]any)
	want := map[string]any{
		"n": json.Number("12"), "hex": json.Number("31"), "f": json.Number("52.37"), "b": true,
		"yes_is_text": "yes", "null1": nil, "null2": nil, "big": json.Number("1.2345678901234568e+29"),
	}
	for k, w := range want {
		if m[k] != w {
			t.Errorf("%s = %#v, want %#v", k, m[k], w)
		}
	}
}

// TestParseTaggedWholeNumbersAreJSONNumbers: a value tagged !!int that
// base 0 does not read (a leading zero that is no octal, more than 64
// bits) is still a number JSON can print, as decimal: "08" is 8, not the
// JSON text 08 that no reader takes.
func TestParseTaggedWholeNumbersAreJSONNumbers(t *testing.T) {
	tests := []struct{ value, want string }{
		{"08", "8"},
		{"-0099", "-99"},
		{"+000", "0"},
		{"-000", "0"},
		{"+12", "12"},
		{"0123456789012345678901234567890", "123456789012345678901234567890"},
		{"-123456789012345678901234567890", "-123456789012345678901234567890"},
	}
	for _, tt := range tests {
		doc, fs := Parse("x.yaml", []byte("n: !!int "+tt.value+"\n"), DefaultLimits)
		if fs != nil {
			t.Fatalf("!!int %s: findings: %v", tt.value, fs)
		}
		got := doc.Value.(map[string]any)["n"]
		if got != json.Number(tt.want) {
			t.Errorf("!!int %s = %#v, want %s", tt.value, got, tt.want)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Errorf("!!int %s does not print as JSON: %v", tt.value, err)
		}
	}
}

func TestParseAllowsSmallAliases(t *testing.T) {
	doc, fs := Parse("x.yaml", []byte("a: &owner {role: Teamleider, email: a@b.example}\nb: *owner\n"), DefaultLimits)
	if fs != nil {
		t.Fatalf("findings: %v", fs)
	}
	b := doc.Value.(map[string]any)["b"].(map[string]any)
	if b["role"] != "Teamleider" {
		t.Errorf("alias not expanded: %#v", b)
	}
}

func TestParseReportsEveryBadKey(t *testing.T) {
	_, fs := Parse("x.yaml", []byte("id: a\nid: b\n1: x\nname: y\nname: z\n"), DefaultLimits)
	var lines []int
	for _, f := range fs {
		lines = append(lines, f.Line)
	}
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 5 {
		t.Errorf("lines %v, want [2 3 5]", lines)
	}
}

func TestLocate(t *testing.T) {
	src := `id: cam-markt
owner:
  role: Teamleider
  email: x@y.example
capabilities:
  - video_recording
  - face_recognition
location: {description: Markt, point: {lat: 52.1, lon: 5.1}}
`
	doc, fs := Parse("x.yaml", []byte(src), DefaultLimits)
	if fs != nil {
		t.Fatal(fs)
	}
	tests := []struct {
		ptr       string
		key       bool
		line, col int
	}{
		{"/id", false, 1, 5},
		{"/id", true, 1, 1},
		{"/owner/email", false, 4, 10},
		{"/owner/email", true, 4, 3},
		{"/owner/phone", false, 3, 3}, // missing: the parent mapping
		{"/capabilities/1", false, 7, 5},
		{"/capabilities/9", false, 6, 3},
		{"/location/point/lon", false, 8, 56},
		{"/lifecycle/end", false, 1, 1}, // missing parent too: the record
		{"", false, 1, 1},
	}
	for _, tt := range tests {
		line, col := doc.Locate(tt.ptr, tt.key)
		if line != tt.line || col != tt.col {
			t.Errorf("Locate(%q, key=%v) = %d:%d, want %d:%d", tt.ptr, tt.key, line, col, tt.line, tt.col)
		}
	}
}

func TestPointerRoundTrip(t *testing.T) {
	p := JoinPointer("a/b", "c~d", "0")
	if p != "/a~1b/c~0d/0" {
		t.Errorf("JoinPointer = %q", p)
	}
	got := SplitPointer(p)
	if len(got) != 3 || got[0] != "a/b" || got[1] != "c~d" || got[2] != "0" {
		t.Errorf("SplitPointer = %q", got)
	}
}

// TestDotted: a pointer reads as the dotted path publication.withheld
// lists, with its keys as written.
func TestDotted(t *testing.T) {
	for _, tt := range []struct{ ptr, want string }{
		{"", ""},
		{"/", ""},
		{"/owner/email", "owner.email"},
		{"/datasets/0/url", "datasets.0.url"},
		{"/a~1b/c~0d", "a/b.c~d"},
		{"/a~01", "a~1"},
	} {
		if got := Dotted(tt.ptr); got != tt.want {
			t.Errorf("Dotted(%q) = %q, want %q", tt.ptr, got, tt.want)
		}
	}
}

func TestParseAcceptsOneDocumentWithMarkers(t *testing.T) {
	for _, src := range []string{"---\nid: a\n", "id: a\n...\n", "---\nid: a\n...\n", "# comment\n--- \nid: a\n"} {
		doc, fs := Parse("x.yaml", []byte(src), DefaultLimits)
		if fs != nil || doc.Value.(map[string]any)["id"] != "a" {
			t.Errorf("%q: %v", src, fs)
		}
	}
	if !hasDocumentMarker([]byte("a: 1\n---")) || hasDocumentMarker([]byte("a: ---\nb: '...'\n----\n")) {
		t.Error("hasDocumentMarker misjudges")
	}
}

func TestTabIndentationIsNamed(t *testing.T) {
	_, fs := Parse("x.yaml", []byte("id: a\nowner:\n\trole: x\n"), DefaultLimits)
	if len(fs) != 1 || !strings.Contains(fs[0].Help.In("en"), "tabs") {
		t.Errorf("%+v", fs)
	}
	_, fs = Parse("x.yaml", []byte("id: a\nname: [x\n"), DefaultLimits)
	if len(fs) != 1 || strings.Contains(fs[0].Help.In("en"), "tabs") {
		t.Errorf("%+v", fs)
	}
}

func TestTreeLocatesWithoutBuildingTheValue(t *testing.T) {
	doc, fs := Tree("x.yaml", []byte("id: a\nowner:\n  email: x@y.example\n"), DefaultLimits)
	if fs != nil || doc.Value != nil {
		t.Fatalf("%v %v", fs, doc)
	}
	if line, col := doc.Locate("/owner/email", false); line != 3 || col != 10 {
		t.Errorf("at %d:%d", line, col)
	}
	// An alias bomb is harmless when nothing is expanded.
	if doc, fs := Tree("x.yaml", []byte(aliasBomb()), DefaultLimits); fs != nil || doc == nil {
		t.Errorf("%v", fs)
	}
	if _, fs := Tree("x.yaml", []byte("id: [\n"), DefaultLimits); len(fs) != 1 {
		t.Errorf("syntax error not reported: %v", fs)
	}
}

// manyKeys is a record with n unknown keys after its id, one per line.
func manyKeys(n int) []byte {
	var b strings.Builder
	b.WriteString("id: a\n")
	for i := range n {
		fmt.Fprintf(&b, "k%d: 1\n", i)
	}
	b.WriteString("k7: dubbel\n") // a duplicate: the first one counts
	return []byte(b.String())
}

// TestLocateManyKeys pins that every one of 70,000 keys is found at its
// line through the document's key index (one index per mapping, built
// once), which makes locating them all linear instead of quadratic.
func TestLocateManyKeys(t *testing.T) {
	const n = 70000
	doc, fs := Tree("sensors/a.yaml", manyKeys(n), DefaultLimits)
	if doc == nil {
		t.Fatal(fs)
	}
	for i := n - 1; i >= 0; i -= 7 {
		if line, col := doc.Locate(JoinPointer(fmt.Sprintf("k%d", i)), true); line != i+2 || col != 1 {
			t.Fatalf("k%d at %d:%d, want %d:1", i, line, col, i+2)
		}
	}
	if line, _ := doc.Locate("/k7", false); line != 9 {
		t.Errorf("duplicate k7 at line %d, want the first (9)", line)
	}
	if line, _ := doc.Locate("/bestaat-niet", true); line != 1 {
		t.Errorf("a missing key points at line %d, want its mapping (1)", line)
	}
	if len(doc.keys) != 1 {
		t.Errorf("%d mappings indexed, want the one large mapping once", len(doc.keys))
	}
}

func BenchmarkLocateManyKeys(b *testing.B) {
	const n = 70000
	data := manyKeys(n)
	for b.Loop() {
		doc, _ := Tree("sensors/a.yaml", data, DefaultLimits)
		for i := range n {
			doc.Locate(JoinPointer(fmt.Sprintf("k%d", i)), true)
		}
	}
}

// TestSyntaxErrorsOfLargeFiles: a file too large to search for where the
// parser stopped (maxSyntaxSearch) gets the line the parser names and no
// column; one just small enough gets both.
func TestSyntaxErrorsOfLargeFiles(t *testing.T) {
	const line = "a: 1\n"
	fit := maxSyntaxSearch/len(line) - 1 // lines before the broken one
	tests := []struct {
		name   string
		before int
		col    int
	}{
		{"searched", fit, 4},
		{"too large to search", fit + 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(strings.Repeat(line, tt.before) + "b: [\n")
			_, fs := Parse("sensors/x.yaml", data, DefaultLimits)
			if len(fs) != 1 || fs[0].Line != tt.before+1 || fs[0].Column != tt.col {
				t.Fatalf("findings %+v, want one at %d:%d", fs, tt.before+1, tt.col)
			}
		})
	}
}

// Whole numbers read as YAML 1.2's core schema reads them, as a steward's
// editor shows them: a leading zero is decimal, and what only YAML 1.1
// took for a number, and for another than the file shows, stays text (the
// schema reports it where a number belongs); tagged !!int, such text is
// an error. Underscores between digits stay as YAML 1.1 read them.
func TestParseWholeNumbersAsYAML12(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  any    // "" with a finding
		found string // the finding's message
	}{
		{"017", json.Number("17"), ""},
		{"-017", json.Number("-17"), ""},
		{"+5", json.Number("5"), ""},
		{"0o17", json.Number("15"), ""},
		{"0x10", json.Number("16"), ""},
		{"0b101", "0b101", ""},
		{"1_000", json.Number("1000"), ""},
		{"0_17", json.Number("17"), ""},
		{"1_", "1_", ""},
		{"1__2", "1__2", ""},
		{"0x1_0", "0x1_0", ""},
		{"-0x10", "-0x10", ""},
		{"!!int 017", json.Number("17"), ""},
		{"!!int 0b101", nil, "0b101 is not a whole number"},
		{"!!int 0x1_0", nil, "0x1_0 is not a whole number"},
	} {
		doc, fs := Parse("x.yaml", []byte("n: "+tt.value+"\n"), DefaultLimits)
		if tt.found != "" {
			if len(fs) != 1 || !strings.Contains(fs[0].Message.In("en"), tt.found) {
				t.Errorf("%s: findings %v, want one saying %q", tt.value, fs, tt.found)
			}
			continue
		}
		if fs != nil {
			t.Fatalf("%s: findings: %v", tt.value, fs)
		}
		if got := doc.Value.(map[string]any)["n"]; got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.value, got, tt.want)
		}
	}
}

// Value is a mapping's value of a key: the first key's, and none for a key
// it lacks, a node that is no mapping, or none at all.
func TestValue(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: 1\nb: {c: 2}\nlist: [x]\n"), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	for _, tt := range []struct {
		name string
		m    *yaml.Node
		key  string
		want string // the value's text, "" for none
	}{
		{"a key", m, "a", "1"},
		{"a nested key", Value(m, "b"), "c", "2"},
		{"a missing key", m, "z", ""},
		{"a list", Value(m, "list"), "x", ""},
		{"no node", nil, "a", ""},
	} {
		got := ""
		if v := Value(tt.m, tt.key); v != nil {
			got = v.Value
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
