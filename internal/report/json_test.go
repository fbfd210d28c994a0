package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

func TestJSONShape(t *testing.T) {
	var out bytes.Buffer
	fs := sampleFindings()
	if err := Write(&out, "json", fs, finding.Summarise(3, fs), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	tests := []struct {
		i            int
		file         string
		line, column any // nil: the key must be absent
		severity     string
	}{
		{0, "algorithms/parkeer-risico.yaml", nil, nil, "warning"},
		{1, "register.yaml", 4.0, nil, "error"},
		{2, "sensors/cam-markt.yaml", 12.0, 3.0, "error"},
		{3, "sensors/cam-markt.yaml", 20.0, 5.0, "info"},
		{4, "sensors/kopie: ë, 2.yaml", 7.0, nil, "error"},
	}
	if len(doc.Findings) != len(tests) {
		t.Fatalf("%d findings, want %d", len(doc.Findings), len(tests))
	}
	for _, tt := range tests {
		f := doc.Findings[tt.i]
		// JSON keeps files relative to the register root, whatever Root is.
		if f["file"] != tt.file || f["severity"] != tt.severity {
			t.Errorf("finding %d: file %v severity %v, want %q %q", tt.i, f["file"], f["severity"], tt.file, tt.severity)
		}
		for key, want := range map[string]any{"line": tt.line, "column": tt.column} {
			got, ok := f[key]
			if want == nil && ok {
				t.Errorf("finding %d: %s is %v, want it left out", tt.i, key, got)
			}
			if want != nil && got != want {
				t.Errorf("finding %d: %s is %v, want %v", tt.i, key, got, want)
			}
		}
		for _, internal := range []string{"Path", "path", "Key", "key"} {
			if _, ok := f[internal]; ok {
				t.Errorf("finding %d: internal field %s is in the output", tt.i, internal)
			}
		}
	}
	if got := doc.Findings[2]["message"]; got != `capability "face_recognition" is banned: 100% of passers-by on the Markt, Café <De Zwaan> & terrace` {
		t.Errorf("message did not survive the round trip: %q", got)
	}
	want := map[string]any{"records": 3.0, "errors": 3.0, "warnings": 1.0, "infos": 1.0}
	for k, v := range want {
		if doc.Summary[k] != v {
			t.Errorf("summary %s = %v, want %v", k, doc.Summary[k], v)
		}
	}
}

func TestJSONEmptyFindingsIsAList(t *testing.T) {
	for _, fs := range [][]finding.Finding{nil, {}} {
		var out bytes.Buffer
		if err := Write(&out, "json", fs, finding.Summary{Records: 2}, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), `"findings": []`) {
			t.Errorf("findings not an empty list:\n%s", out.String())
		}
		if strings.Contains(out.String(), "null") {
			t.Errorf("output has null:\n%s", out.String())
		}
	}
}

// TestJSONStreamedAsWhole holds the streamed JSON to what encoding/json
// makes of the whole document, byte for byte, for reports with no, one and
// several findings, including text JSON escapes and HTML characters.
func TestJSONStreamedAsWhole(t *testing.T) {
	hostile := finding.Finding{File: "sensors/a\"b\\c\n.yaml", Rule: "r<1>", Severity: finding.Error,
		Message: label.Text{"", "tab\there & \u2028 line sep, \x01 control, ë, <b>"}, Help: label.Text{"", "{\"not\": [\"json\"]}"}}
	tests := []struct {
		name string
		fs   []finding.Finding
	}{
		{"nil", nil},
		{"empty", []finding.Finding{}},
		{"one", []finding.Finding{hostile}},
		{"sample", sampleFindings()},
		{"sample and hostile", append(sampleFindings(), hostile)},
		{"every escape", []finding.Finding{{File: "sensors/\xff\xfe.yaml", Line: -1, Column: -2, Record: "\u2029\x7f", Rule: "\b\f\r",
			Principle: "VNG 1 \"quoted\"", Severity: finding.Off, Message: label.Text{"", "bad \xc3 byte, é, 😀, \x00"}}}},
		{"nothing left out", []finding.Finding{{File: "a.yaml", Line: 1, Column: 1, Record: "a", Rule: "r", Principle: "p",
			Severity: finding.Info, Message: label.Text{"", "m"}, Help: label.Text{"", "h"}}}},
		{"one escape each", []finding.Finding{{File: `a\\b.yaml`, Rule: "\n", Principle: "\"", Message: label.Text{"", "\x7f"}, Help: label.Text{"", "\x1f"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := finding.Summarise(4, tt.fs)
			var got bytes.Buffer
			if err := Write(&got, "json", tt.fs, sum, Options{Lang: "nl"}); err != nil {
				t.Fatal(err)
			}
			whole := struct {
				Findings []finding.Finding `json:"findings"`
				Summary  finding.Summary   `json:"summary"`
			}{tt.fs, sum}
			if whole.Findings == nil {
				whole.Findings = []finding.Finding{}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(whole); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("streamed JSON differs from the whole document:\ngot:\n%s\nwant:\n%s", got.String(), want.String())
			}
		})
	}
}
