package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/voorbeeldstad/register/schema"
)

// walkJSON calls fn for every object in a JSON document, with its path.
func walkJSON(v any, path string, fn func(path string, m map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		fn(path, x)
		for k, c := range x {
			walkJSON(c, path+"/"+k, fn)
		}
	case []any:
		for i, c := range x {
			walkJSON(c, fmt.Sprintf("%s/%d", path, i), fn)
		}
	}
}

// An editor shows each allowed value with its own meaning (VS Code and the
// YAML language server read markdownEnumDescriptions), not the field's
// whole description.
func TestEveryEnumValueHasItsOwnDescription(t *testing.T) {
	files, err := schema.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	enums := 0
	for _, f := range files {
		data, _ := schema.FS.ReadFile(f.Name())
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		walkJSON(doc, f.Name(), func(path string, m map[string]any) {
			enum, ok := m["enum"].([]any)
			if !ok {
				return
			}
			enums++
			descs, _ := m["markdownEnumDescriptions"].([]any)
			if len(descs) != len(enum) {
				t.Errorf("%s: %d values, %d markdownEnumDescriptions", path, len(enum), len(descs))
				return
			}
			seen := map[string]bool{}
			for i, d := range descs {
				s, _ := d.(string)
				if strings.TrimSpace(s) == "" || seen[s] {
					t.Errorf("%s: value %v has no description of its own (%q)", path, enum[i], s)
				}
				seen[s] = true
			}
		})
	}
	if enums < 20 {
		t.Errorf("only %d enums found", enums)
	}
}

// compileConfig compiles config.schema.json with the other schemas beside it.
func compileConfig(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(refuseLoader{})
	files, _ := schema.FS.ReadDir(".")
	for _, f := range files {
		data, _ := schema.FS.ReadFile(f.Name())
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(schema.BaseURL+f.Name(), doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile(schema.BaseURL + schema.File(schema.Config))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// The configuration files people copy from validate against the schema of
// register.yaml, and the mistakes people make do not. examples/register.yaml
// names every setting the tool knows (examples' own test), so the schema
// knows them all too.
func TestConfigSchema(t *testing.T) {
	sch := compileConfig(t)
	for _, f := range []string{"../examples/register.yaml", "../examples/dorp/register.yaml", "../register/register.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(parseYAML(t, f, data)); err != nil {
			t.Errorf("%s: %v", f, violations(err))
		}
	}
	bad := []struct{ name, yaml string }{
		{"a duration in words", "due_within: 4 weken\n"},
		{"a misspelt setting", "limts: {}\n"},
		{"an unknown severity", "rules: {security-audit: loud}\n"},
		{"a rule's mapping without severity", "rules: {security-audit: {reason: x}}\n"},
		{"a site address without scheme", "site: {base_url: register.mijnstad.nl}\n"},
		{"a language that is not available", "languages: [fr]\n"},
		{"a date that is not one", "notice: {since: 1-3-2026}\n"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if err := sch.Validate(parseYAML(t, "register.yaml", []byte(tt.yaml))); err == nil {
				t.Errorf("%q validates", tt.yaml)
			}
		})
	}
}

// Durations and dates carry a pattern as well as a format: language servers
// do not check format: duration, so without it "4 weken" is clean in the
// editor and an error in CI.
func TestDurationsAndDatesHaveAPattern(t *testing.T) {
	data, _ := schema.FS.ReadFile(schema.File(schema.Common))
	var doc struct {
		Defs map[string]map[string]any `json:"$defs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, def := range []string{"duration", "date", "datetime"} {
		p, _ := doc.Defs[def]["pattern"].(string)
		if p == "" || doc.Defs[def]["patternErrorMessage"] == nil {
			t.Errorf("$defs/%s has no pattern with a message", def)
		}
	}
	sch := schemaFor(t, "sensor")
	rec := loadRecord(t, "sensor-minimal.yaml")
	for _, tt := range []struct {
		retention string
		ok        bool
	}{{"P28D", true}, {"P1Y6M", true}, {"PT12H", true}, {"not_stored", true}, {"4 weken", false}, {"P", false}, {"PT", false}, {"P1D1Y", false}, {"28D", false}} {
		rec["retention"] = tt.retention
		err := sch.Validate(rec)
		if (err == nil) != tt.ok {
			t.Errorf("retention %q: valid %v, want %v", tt.retention, err == nil, tt.ok)
		}
	}
}

// The files a language server reads hold no path to a schema that is not
// there (examples/dorp once pointed one folder too high).
func TestSchemaHintsResolve(t *testing.T) {
	err := filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "templates") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		first, _, _ := strings.Cut(string(data), "\n")
		rel, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			return nil
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: no schema at %s", p, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
