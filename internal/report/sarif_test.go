package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

// sarifSchemaFile is the official schema, kept in the shared folder next to
// the repository (../shared from the repository root).
var sarifSchemaFile = filepath.Join("..", "..", "..", "shared", "standards", "sarif-schema-2.1.0.json")

// compileSARIFSchema compiles the official SARIF 2.1.0 schema with format
// assertions on, so "uri" and "uri-reference" values are checked too.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if os.IsNotExist(err) {
		t.Skipf("SARIF schema not found at %s: put the official sarif-schema-2.1.0.json there to run this test", sarifSchemaFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read %s: %v", sarifSchemaFile, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	return sch
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	cases := []struct {
		name string
		fs   []finding.Finding
		opts Options
	}{
		{"sample", sampleFindings(), sampleOptions()},
		{"no findings", nil, sampleOptions()},
		{"no version, no root", sampleFindings(), Options{}},
		{"absolute root", sampleFindings(), Options{Root: "/srv/gemeente register"}},
		{"finding without a file", []finding.Finding{{Rule: "config", Severity: finding.Warning, Message: label.Text{"", "no register.yaml"}}}, Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Write(&out, "sarif", c.fs, finding.Summary{}, c.opts); err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(&out)
			if err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("output does not follow SARIF 2.1.0:\n%v", err)
			}
		})
	}
}

// TestSARIFSchemaRejectsLineZero shows the schema check has teeth: the
// position a finding leaves unknown must not be written as 0.
func TestSARIFSchemaRejectsLineZero(t *testing.T) {
	sch := compileSARIFSchema(t)
	var out bytes.Buffer
	if err := Write(&out, "sarif", sampleFindings(), finding.Summary{}, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(out.String(), `"startLine": 4`, `"startLine": 0`, 1)
	if bad == out.String() {
		t.Fatal("sample output has no startLine 4 to break")
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err == nil {
		t.Error("the schema accepted startLine 0")
	}
}

func TestSARIFResults(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, "sarif", sampleFindings(), finding.Summary{}, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "biometric-ban config dpia-required security-audit yaml"; got != want {
		t.Errorf("rules %q, want %q", got, want)
	}
	type want struct {
		rule, level, uri string
		line, col        int
	}
	wants := []want{
		{"dpia-required", "warning", "register/algorithms/parkeer-risico.yaml", 0, 0},
		{"config", "error", "register/register.yaml", 4, 0},
		{"biometric-ban", "error", "register/sensors/cam-markt.yaml", 12, 3},
		{"security-audit", "note", "register/sensors/cam-markt.yaml", 20, 5},
		{"yaml", "error", "register/sensors/kopie:%20%C3%AB,%202.yaml", 7, 0},
	}
	if len(run.Results) != len(wants) {
		t.Fatalf("%d results, want %d", len(run.Results), len(wants))
	}
	for i, w := range wants {
		r := run.Results[i]
		if r.RuleID != w.rule || r.Level != w.level {
			t.Errorf("result %d: rule %q level %q, want %q %q", i, r.RuleID, r.Level, w.rule, w.level)
		}
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %d: ruleIndex %d points at %q, not %q", i, r.RuleIndex, got, r.RuleID)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != w.uri {
			t.Errorf("result %d: uri %q, want %q", i, loc.ArtifactLocation.URI, w.uri)
		}
		var line, col int
		if loc.Region != nil {
			line, col = loc.Region.StartLine, loc.Region.StartColumn
		}
		if line != w.line || col != w.col {
			t.Errorf("result %d: region %d:%d, want %d:%d", i, line, col, w.line, w.col)
		}
	}
	// The rule's principle comes from the findings when Options.Rules does
	// not know the rule.
	if p := run.Tool.Driver.Rules[2].Properties; p == nil || p.Principle != "VNG 6.3, 6.4" {
		t.Errorf("dpia-required properties %+v, want principle VNG 6.3, 6.4", p)
	}
}

func TestFileURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"register/sensors/cam-markt.yaml", "register/sensors/cam-markt.yaml"},
		{"sensors/geluid noord.yaml", "sensors/geluid%20noord.yaml"},
		{"sensors/café.yaml", "sensors/caf%C3%A9.yaml"},
		{"a:b/c.yaml", "./a:b/c.yaml"}, // a colon in the first segment would read as a scheme
		{"sensors/100%.yaml", "sensors/100%25.yaml"},
		{"sensors/x#1?.yaml", "sensors/x%231%3F.yaml"},
		{"/srv/register/sensors/cam.yaml", "file:///srv/register/sensors/cam.yaml"},
		{"C:/register/cam.yaml", "file:///C:/register/cam.yaml"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.in); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRuleName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"biometric-ban", "BiometricBan"},
		{"yaml", "Yaml"},
		{"c-camera-temporary", "CCameraTemporary"},
		{"odd--id-", "OddId"},
		{"-", "-"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ruleName(tt.in); got != tt.want {
			t.Errorf("ruleName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
