package validate

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// The verdict is only a shortcut: where it is sure, it must say what the
// library says, for every value. These tests compare the two.

func TestVerdictsCompiled(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range record.Kinds {
		if _, err := compileVerdict(v.schemas[k]); err != nil || v.verdicts[k] == nil {
			t.Errorf("%s: the schema has no verdict (%v): every record goes the slow way", k, err)
		}
	}
}

// agree checks one value against a compiled schema both ways.
func agree(t *testing.T, name string, s *jsonschema.Schema, vd *verdict, x any) (valid bool) {
	t.Helper()
	j := judge{}
	fast := j.valid(vd, x)
	want := s.Validate(x) == nil
	if j.unsure {
		t.Errorf("%s: verdict unsure about a parsed value", name)
		return want
	}
	if fast != want {
		got, _ := json.Marshal(x)
		t.Errorf("%s: verdict says valid=%v, the library %v, for %s", name, fast, want, got)
	}
	return want
}

func TestVerdictAgreesOnKeywords(t *testing.T) {
	tests := []struct {
		schema string
		values []string // JSON
	}{
		{`{"type": "integer"}`, []string{`1`, `1.0`, `1.5`, `1e3`, `"1"`, `null`, `-0`}},
		{`{"type": ["string", "null"]}`, []string{`"a"`, `null`, `1`, `[]`}},
		{`{"minimum": 1, "exclusiveMaximum": 10, "multipleOf": 0.5}`, []string{`1`, `0.5`, `10`, `9.5`, `9.75`, `"x"`}},
		{`{"minimum": -90, "maximum": 90}`, []string{`90`, `90.0000000000000000001`, `89.99999999999999999999`, `-90`,
			`-90.0000000000000000001`, `1e400`, `-1e400`, `9e1`, `0.1`}},
		{`{"minimum": 0.1, "maximum": 1e400}`, []string{`0.1`, `0.10000000000000000001`, `0.09999999999999999999`, `1e401`}},
		{`{"const": "a"}`, []string{`"a"`, `"b"`, `null`}},
		{`{"enum": ["a", null, true]}`, []string{`"a"`, `null`, `true`, `false`, `1`}},
		{`{"enum": [1, [1, "a"], {"b": 2}]}`, []string{`1.0`, `2`, `[1.0, "a"]`, `["a", 1]`, `{"b": 2.0}`, `{"b": 3}`}},
		{`{"uniqueItems": true}`, []string{`[1, 1.0]`, `[1, 2]`, `["a", "a"]`, `[{"a": 1}, {"a": 1.0}]`, `[[1], [2]]`, `[]`}},
		{`{"minItems": 1, "maxItems": 2, "prefixItems": [{"type": "string"}], "items": {"type": "integer"}}`,
			[]string{`[]`, `["a"]`, `["a", 1]`, `["a", 1, 2]`, `[1]`, `["a", "b"]`}},
		{`{"contains": {"const": 1}, "minContains": 2, "maxContains": 3}`, []string{`[1]`, `[1, 1]`, `[1, 1, 1, 1]`, `[2]`, `"x"`}},
		{`{"contains": {"const": 1}}`, []string{`[]`, `[2, 1]`}},
		{`{"minLength": 2, "maxLength": 3, "pattern": "^a"}`, []string{`"a"`, `"ab"`, `"abcd"`, `"ba"`, `"äö"`, `1`}},
		{`{"format": "date"}`, []string{`"2025-02-28"`, `"2025-02-30"`, `1`}},
		{`{"not": {"type": "string"}}`, []string{`"a"`, `1`}},
		{`{"anyOf": [{"type": "string"}, {"minimum": 5}]}`, []string{`"a"`, `6`, `4`}},
		{`{"oneOf": [{"type": "integer"}, {"minimum": 5}]}`, []string{`1`, `6`, `5.5`, `4.5`}},
		{`{"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["c"]}}`,
			[]string{`{"a": 1, "b": 2}`, `{"a": 1}`, `{"c": 1}`, `{}`}},
		{`{"type": "object", "properties": {"a": {"type": "string"}}, "patternProperties": {"^x-": {"type": "integer"}},
			"additionalProperties": false, "required": ["a"], "minProperties": 1, "maxProperties": 2}`,
			[]string{`{"a": "s"}`, `{"a": 1}`, `{"a": "s", "x-1": 1}`, `{"a": "s", "x-1": "s"}`, `{"a": "s", "b": 1}`, `{"a": "s", "x-1": 1, "x-2": 2}`, `{}`}},
		{`{"additionalProperties": {"type": "boolean"}}`, []string{`{"a": true}`, `{"a": 1}`}},
		{`{"allOf": [{"required": ["a"]}, {"required": ["b"]}]}`, []string{`{"a": 1, "b": 1}`, `{"a": 1}`}},
		{`false`, []string{`1`, `{}`}},
	}
	for i, tt := range tests {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.schema))
		if err != nil {
			t.Fatal(err)
		}
		url := fmt.Sprintf("file:///t%d.json", i)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatal(err)
		}
		vd, err := compileVerdict(s)
		if err != nil {
			t.Fatalf("%s: %v", tt.schema, err)
		}
		for _, val := range tt.values {
			x, err := jsonschema.UnmarshalJSON(strings.NewReader(val))
			if err != nil {
				t.Fatal(err)
			}
			agree(t, tt.schema+" "+val, s, vd, x)
		}
	}
}

// TestFormats compares the plain functions for formats with the library's
// on hand-picked strings and on strings made at random, and fails when a
// function decides none of them or decides wrongly.
func TestFormats(t *testing.T) {
	inputs := []string{"", "2026-11-24", "2024-02-29", "2026-02-29", "2000-02-29", "1900-02-29", "0000-02-29", "0000-01-01",
		"9999-12-31", "2026-00-10", "2026-13-10", "2026-04-31", "2026-04-30", "2026-01-00", "2026-01-32", "2026-1-01",
		"+026-01-01", "-026-01-01", "2026-+1-01", "2026-01-+1", "2026-11-24\n", "２026-11-24", "2026/11/24", "20261124",
		"https://x", "http://x", "https://", "http://", "https:///x", "https://example.org/a/b_c~d-e.f", "HTTPS://x",
		"https://x:80/", "https://[::1]/", "https://x/%41", "https://x/a b", "https://x?q", "https://x#f", "https://é",
		"https://x/\xff", "ftp://x", "https:/x", " https://x", "https://a..b/", "https://-/", "https://x//y"}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 30000 {
		b := []byte("2026-11-24")
		for range 2 {
			b[rnd.IntN(len(b))] = "0123456789-+x"[rnd.IntN(13)]
		}
		inputs = append(inputs, string(b))
	}
	const alphabet = "az09AZ.-/_~:@%?#[] é\xff"
	for range 30000 {
		b := []byte("https://")
		if rnd.IntN(2) == 0 {
			b = []byte("http://")
		}
		for range rnd.IntN(12) {
			b = append(b, alphabet[rnd.IntN(len(alphabet))])
		}
		inputs = append(inputs, string(b))
	}
	for name, quick := range formats {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("file:///f.json", map[string]any{"format": name}); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile("file:///f.json")
		if err != nil || s.Format == nil {
			t.Fatalf("%s: no format (%v)", name, err)
		}
		decided := 0
		for _, in := range inputs {
			valid, ok := quick(in)
			if !ok {
				continue
			}
			decided++
			if want := s.Format.Validate(in) == nil; valid != want {
				t.Errorf("%s of %q: %v, the library %v", name, in, valid, want)
			}
		}
		if decided == 0 {
			t.Errorf("%s decides none of %d inputs: the inputs do not test it", name, len(inputs))
		}
	}
}

// TestPatterns compares the plain functions for common patterns with the
// expressions they stand for.
func TestPatterns(t *testing.T) {
	inputs := []string{"", " ", "\t\n\f\r ", "\v", "\u00a0", "\u2003", " a ", "x", "\xff", "\x00",
		"http://", "https://x", "http:/", "HTTP://x", " https://x", "ftp://x", "https:", "httpss://"}
	inputs = append(inputs, "a", "-", "a-", "-a", "0", "afval-biltstraat-2349", "Afval", "a_b", "a b", "é",
		"a@b", "@b", "a@", "a@@b", "a@b@c", "a b@c", "a@b\n", "\ta@b", "ö@ü", "\xff@\xff",
		"2026-11-24", "2026-00-01", "2026-13-01", "2026-12-00", "2026-12-31", "2026-12-32", "2026-02-30",
		"2026-1-01", "2026-11-24\n", " 2026-11-24", "2026-11-24T00:00:00Z", "20261124", "２026-11-24")
	for n := 61; n <= 65; n++ {
		inputs = append(inputs, strings.Repeat("a", n), strings.Repeat("-", n))
	}
	// And strings made at random of the characters the patterns name.
	rnd := rand.New(rand.NewPCG(1, 2))
	const alphabet = "az09-@ \t\n.Z_\xffé123-"
	for range 30000 {
		b := make([]byte, rnd.IntN(12))
		for i := range b {
			b[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for range 30000 {
		b := []byte("2026-11-24")
		b[rnd.IntN(len(b))] = "0123456789-x"[rnd.IntN(12)]
		b[rnd.IntN(len(b))] = "0123456789-x"[rnd.IntN(12)]
		inputs = append(inputs, string(b))
	}
	for expr, f := range patterns {
		re := regexp.MustCompile(expr)
		matched := 0
		for _, in := range inputs {
			got, want := f(in), re.MatchString(in)
			if got != want {
				t.Errorf("%s on %q: %v, the expression %v", expr, in, got, want)
			}
			if want {
				matched++
			}
		}
		if matched == 0 || matched == len(inputs) {
			t.Errorf("%s: %d of %d inputs match: the inputs do not test it", expr, matched, len(inputs))
		}
	}
}

func TestVerdictRefusesWhatItCannotDecide(t *testing.T) {
	for _, schema := range []string{
		`{"$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a"}`,
		`{"propertyNames": {"maxLength": 2}}`,
		`{"dependentRequired": {"a": ["b"]}}`,
		`{"unevaluatedProperties": false}`,
	} {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("file:///s.json", doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile("file:///s.json")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := compileVerdict(s); err == nil {
			t.Errorf("%s: compiled to a verdict; the verdict does not decide it", schema)
		}
	}
}

// TestVerdictAgreesOnRecords mutates real and generated records field by
// field (removed, retyped, emptied, swapped, added) and compares the
// verdict with the library on every result.
func TestVerdictAgreesOnRecords(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type rec struct {
		name string
		kind record.Kind
		data []byte
	}
	var corpus []rec
	for _, pattern := range []string{"../../schema/testdata/*.yaml", "../../register/*/*.yaml", "../../examples/*/*/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			k := record.Sensor
			if strings.Contains(f, "algorithm") {
				k = record.Algorithm
			}
			corpus = append(corpus, rec{f, k, data})
		}
	}
	n := 200
	if testing.Short() {
		n = 40
	}
	for i := range n {
		kind, id, data := testgen.Record(i, 1)
		corpus = append(corpus, rec{id, record.Kind(kind), data})
	}
	if len(corpus) < n+10 {
		t.Fatalf("only %d records to try", len(corpus))
	}
	r := rand.New(rand.NewPCG(15, 1))
	replacements := []any{nil, "", " ", "x", "actve", "2025-02-30", "2025-03-01", "P1Y", "not_stored", "https://x.example/a",
		"no address", "a@b.example", strings.Repeat("lang ", 200), json.Number("0"), json.Number("-1"), json.Number("1.5"),
		json.Number("200"), true, false, []any{}, []any{"a", "a"}, []any{"other"}, map[string]any{}, map[string]any{"x": "y"}}
	valid, invalid := 0, 0
	for _, c := range corpus {
		doc, fs := source.Parse(c.name, c.data, source.DefaultLimits)
		if doc == nil {
			t.Fatalf("%s: %v", c.name, fs)
		}
		s, vd := v.schemas[c.kind], v.verdicts[c.kind]
		agree(t, c.name, s, vd, doc.Value)
		paths := leaves(doc.Value, nil)
		for m := range 30 {
			x := deepCopy(doc.Value)
			p := paths[r.IntN(len(paths))]
			var what string
			switch op := r.IntN(4); op {
			case 0:
				what = "remove"
				set(x, p, nil, true)
			case 1:
				what = "replace"
				set(x, p, deepCopy(replacements[r.IntN(len(replacements))]), false)
			case 2:
				what = "swap"
				q := paths[r.IntN(len(paths))]
				set(x, p, deepCopy(get(doc.Value, q)), false)
			case 3:
				what = "add"
				set(x, append(slices.Clone(p[:len(p)-1]), "extra"), "x", false)
			}
			if agree(t, fmt.Sprintf("%s mutation %d (%s %v)", c.name, m, what, p), s, vd, x) {
				valid++
			} else {
				invalid++
			}
		}
	}
	if valid < 100 || invalid < 100 {
		t.Errorf("%d valid and %d invalid mutations: too few of one kind to compare", valid, invalid)
	}
}

// leaves lists the paths of every value below x (mappings' keys, lists'
// indexes as numbers).
func leaves(x any, at []any) [][]any {
	var out [][]any
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			p := append(slices.Clone(at), k)
			out = append(out, p)
			out = append(out, leaves(v, p)...)
		}
	case []any:
		for i, v := range x {
			p := append(slices.Clone(at), i)
			out = append(out, p)
			out = append(out, leaves(v, p)...)
		}
	}
	return out
}

func get(x any, p []any) any {
	for _, k := range p {
		switch c := x.(type) {
		case map[string]any:
			x = c[k.(string)]
		case []any:
			x = c[k.(int)]
		}
	}
	return x
}

// set replaces (or removes) the value at p; a list item removed becomes
// a shorter list.
func set(x any, p []any, v any, remove bool) {
	parent := get(x, p[:len(p)-1])
	switch c := parent.(type) {
	case map[string]any:
		if k, ok := p[len(p)-1].(string); ok {
			if remove {
				delete(c, k)
			} else {
				c[k] = v
			}
		}
	case []any:
		if i, ok := p[len(p)-1].(int); ok && i < len(c) {
			c[i] = v
		}
	}
}

func deepCopy(x any) any {
	switch x := x.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, v := range x {
			out[k] = deepCopy(v)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, v := range x {
			out[i] = deepCopy(v)
		}
		return out
	}
	return x
}

// benchDocs returns a validator and 100 generated records, parsed, each
// changed by change (nil: as generated).
func benchDocs(b *testing.B, change func(map[string]any)) (*Validator, []benchDoc) {
	v, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []benchDoc
	for i := range 100 {
		kind, id, data := testgen.Record(i, 1)
		doc, fs := source.Parse(id, data, source.DefaultLimits)
		if doc == nil {
			b.Fatal(fs)
		}
		if change != nil {
			change(doc.Value.(map[string]any))
		}
		docs = append(docs, benchDoc{doc, record.Kind(kind)})
	}
	return v, docs
}

type benchDoc struct {
	doc  *source.Document
	kind record.Kind
}

// BenchmarkValidate validates generated records, all valid: the cost of
// the verdict, the way nearly every record of a register goes.
func BenchmarkValidate(b *testing.B) {
	v, docs := benchDocs(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if fs := v.Validate(d.doc, d.kind); len(fs) > 0 {
				b.Fatal(fs)
			}
		}
	}
}

// BenchmarkValidateInvalid validates generated records that each break
// the schema in three ways (an unknown key, a bad enum value, a missing
// field): the library's way, with the findings worded in English and
// Dutch.
func BenchmarkValidateInvalid(b *testing.B) {
	v, docs := benchDocs(b, func(m map[string]any) {
		m["nmae"], m["status"] = "x", "actief"
		delete(m, "purpose")
	})
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if fs := v.Validate(d.doc, d.kind); len(fs) < 3 {
				b.Fatal(fs)
			}
		}
	}
}
