package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleFindings is the one set every format's golden file is made from. It
// covers every severity, known and unknown lines and columns, characters each
// format must escape (% , : newline < & quotes ë), a finding on a file that is
// not a record (register.yaml) and one on a file that could not be read.
func sampleFindings() []finding.Finding {
	fs := []finding.Finding{
		{File: "sensors/cam-markt.yaml", Line: 12, Column: 3, Record: "cam-markt", Rule: "biometric-ban",
			Principle: "VNG 2.1", Severity: finding.Error,
			Message: label.Text{"", `capability "face_recognition" is banned: 100% of passers-by on the Markt, Café <De Zwaan> & terrace`},
			Help:    label.Text{"", "Remove the capability, or record an approved exception\nwith a legal basis for a police task."}},
		{File: "sensors/cam-markt.yaml", Line: 20, Column: 5, Record: "cam-markt", Rule: "security-audit",
			Principle: "VNG 7.7", Severity: finding.Info,
			Message: label.Text{"", "last security audit 2022-03-01 is older than P3Y"},
			Help:    label.Text{"", "Plan an audit: https://example.org/audit?kind=camera&year=2026"}},
		{File: "algorithms/parkeer-risico.yaml", Record: "parkeer-risico", Rule: "dpia-required",
			Principle: "VNG 6.3, 6.4", Severity: finding.Warning,
			Message: label.Text{"", "personal_data.processed is \"unknown\", which counts as yes,\nbut dpia.status is \"not_done\""}},
		{File: "register.yaml", Line: 4, Rule: finding.RuleConfig, Severity: finding.Error,
			Message: label.Text{"", `rules.biometric-ban: unknown severity "hard": use error, warning, info or off`}},
		{File: "sensors/kopie: ë, 2.yaml", Line: 7, Rule: finding.RuleYAML, Severity: finding.Error,
			Message: label.Text{"", "did not find expected key"}},
	}
	finding.Sort(fs)
	return fs
}

// sampleOptions are the options the golden files are made with.
func sampleOptions() Options {
	return Options{
		ToolName:    "register",
		ToolVersion: "1.2.3",
		Root:        "register",
		Records: []RecordRef{
			{File: "algorithms/parkeer-risico.yaml", ID: "parkeer-risico"},
			{File: "sensors/cam-markt.yaml", ID: "cam-markt"},
			{File: "sensors/lucht-zuid.yaml", ID: "lucht-zuid"},
		},
		Rules: map[string]RuleInfo{
			"biometric-ban": {Principle: "VNG 2.1", Title: "No biometric surveillance in public space",
				Help:    "Following individuals and biometric surveillance are banned, except with a specific legal basis for police tasks.",
				HelpURI: "https://register.voorbeeldstad.example/regels/biometric-ban"},
			finding.RuleYAML: {Title: "The file is not a readable YAML record"},
		},
	}
}

// goldenExt is each format's golden file suffix.
var goldenExt = map[string]string{
	"text":   "txt",
	"json":   "json",
	"github": "github.txt",
	"sarif":  "sarif",
	"junit":  "junit.xml",
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		fs   []finding.Finding
	}{
		{"findings", sampleFindings()},
		{"clean", nil},
	}
	for _, c := range cases {
		for _, format := range Formats.Names() {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				opts := sampleOptions()
				sum := finding.Summarise(len(opts.Records), c.fs)
				var out bytes.Buffer
				if err := Write(&out, format, c.fs, sum, opts); err != nil {
					t.Fatalf("Write: %v", err)
				}
				golden := filepath.Join("testdata", c.name+"."+goldenExt[format])
				if *update {
					if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
				}
				if got := out.String(); got != string(want) {
					t.Errorf("%s differs from %s (rerun with -update if the change is intended)\n--- got\n%s\n--- want\n%s", format, golden, got, want)
				}
			})
		}
	}
}

func TestFormatsMatchWriters(t *testing.T) {
	for _, f := range Formats {
		if f.Write == nil {
			t.Errorf("format %q has no writer", f.Name)
		}
		if goldenExt[f.Name] == "" {
			t.Errorf("format %q has no golden file", f.Name)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var out bytes.Buffer
	err := Write(&out, "yaml", sampleFindings(), finding.Summary{}, Options{})
	if err == nil {
		t.Fatal("Write accepted an unknown format")
	}
	want := `unknown format "yaml": use text, json, github, sarif or junit`
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", out.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritePassesOnWriteErrors(t *testing.T) {
	for _, format := range Formats.Names() {
		err := Write(failingWriter{}, format, sampleFindings(), finding.Summary{}, sampleOptions())
		if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), format) {
			t.Errorf("%s: error %v, want one naming the format and the cause", format, err)
		}
	}
}

func TestWriteDoesNotChangeFindings(t *testing.T) {
	fs := sampleFindings()
	before := slices.Clone(fs)
	for _, format := range Formats.Names() {
		if err := Write(&bytes.Buffer{}, format, fs, finding.Summary{}, sampleOptions()); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(fs, before) {
		t.Error("Write changed the findings it was given")
	}
}

func TestRepoPath(t *testing.T) {
	tests := []struct{ root, file, want string }{
		{"", "sensors/cam.yaml", "sensors/cam.yaml"},
		{".", "sensors/cam.yaml", "sensors/cam.yaml"},
		{"./", "sensors/cam.yaml", "sensors/cam.yaml"},
		{"register", "sensors/cam.yaml", "register/sensors/cam.yaml"},
		{"./register/", "sensors/cam.yaml", "register/sensors/cam.yaml"},
		{`data\register`, "register.yaml", "data/register/register.yaml"},
		{"/srv/register", "sensors/cam.yaml", "/srv/register/sensors/cam.yaml"},
		{"register", "", ""},
		{"../../srv/register", "sensors/cam.yaml", "../../srv/register/sensors/cam.yaml"},
		{"/", "sensors/cam.yaml", "/sensors/cam.yaml"},
		{"register", "../elders/cam.yaml", "elders/cam.yaml"},
		{"register", "./sensors//cam.yaml", "register/sensors/cam.yaml"},
		{"register", "/sensors/cam.yaml", "register/sensors/cam.yaml"},
		{"register", "..", "."},
		{"register/..", "sensors/cam.yaml", "sensors/cam.yaml"},
	}
	for _, tt := range tests {
		if got := RepoPath(tt.root, tt.file); got != tt.want {
			t.Errorf("RepoPath(%q, %q) = %q, want %q", tt.root, tt.file, got, tt.want)
		}
		// With a root that is not "" or ".", the path is path.Join's,
		// whether or not it was joined plainly.
		if root := strings.ReplaceAll(tt.root, `\`, "/"); tt.file != "" && path.Clean(root) != "." && root != "" {
			if got, want := RepoPath(tt.root, tt.file), path.Join(root, tt.file); got != want {
				t.Errorf("RepoPath(%q, %q) = %q, path.Join gives %q", tt.root, tt.file, got, want)
			}
		}
	}
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		sum  finding.Summary
		want string
	}{
		{finding.Summary{Records: 31, Errors: 1, Warnings: 4}, "31 records, 1 error, 4 warnings"},
		{finding.Summary{Records: 31}, "31 records, no problems found"},
		{finding.Summary{Records: 1}, "1 record, no problems found"},
		{finding.Summary{Records: 0}, "0 records, no problems found"},
		{finding.Summary{Records: 2, Errors: 2, Warnings: 1}, "2 records, 2 errors, 1 warning"},
		{finding.Summary{Records: 2, Warnings: 3}, "2 records, 0 errors, 3 warnings"},
		{finding.Summary{Records: 5, Infos: 1}, "5 records, 0 errors, 0 warnings, 1 note"},
		{finding.Summary{Records: 5, Errors: 1, Infos: 2}, "5 records, 1 error, 0 warnings, 2 notes"},
	}
	for _, tt := range tests {
		if got := summaryIn("en", tt.sum); got != tt.want {
			t.Errorf("summaryIn(en, %+v) = %q, want %q", tt.sum, got, tt.want)
		}
	}
}

// FuzzWrite feeds arbitrary text through every format: none may fail, and
// the JSON, SARIF and JUnit output must stay well-formed.
func FuzzWrite(f *testing.F) {
	f.Add("sensors/cam.yaml", "biometric-ban", "VNG 2.1", "100%: a, b\n<c> & \"d\" ë", "help\r\n", 3, 4)
	f.Add("", "", "", "", "", 0, 0)
	f.Add("a\x1b[2J", "r\x00", "]]>", "\xff\xfe", "%0A::error::x", -1, -5)
	f.Fuzz(func(t *testing.T, file, rule, principle, msg, help string, line, col int) {
		fs := []finding.Finding{{File: file, Line: line, Column: col, Record: rule, Rule: rule, Principle: principle,
			Severity: finding.Error, Message: label.Text{"", msg}, Help: label.Text{"", help}}}
		opts := Options{Records: []RecordRef{{File: file, ID: rule}}, Root: principle,
			Rules: map[string]RuleInfo{rule: {Title: msg, Help: help}}}
		for _, format := range Formats.Names() {
			var out bytes.Buffer
			if err := Write(&out, format, fs, finding.Summarise(1, fs), opts); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "json", "sarif":
				if !json.Valid(out.Bytes()) {
					t.Fatalf("%s: invalid JSON:\n%s", format, out.String())
				}
			case "junit":
				var doc junitSuites
				if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
					t.Fatalf("junit: %v\n%s", err, out.String())
				}
			case "github":
				// One command line and the count line: nothing the finding
				// holds may start a line of its own.
				if n := strings.Count(out.String(), "\n"); n != 2 {
					t.Fatalf("github: %d lines:\n%s", n, out.String())
				}
			}
		}
	})
}

// BenchmarkWrite renders a large run (10,000 findings over 2,000 records) in
// each format.
func BenchmarkWrite(b *testing.B) {
	sample := sampleFindings()
	var fs []finding.Finding
	var recs []RecordRef
	for i := range 2000 {
		file := fmt.Sprintf("sensors/s-%04d.yaml", i)
		recs = append(recs, RecordRef{File: file, ID: fmt.Sprintf("s-%04d", i)})
		for _, f := range sample {
			f.File, f.Record = file, fmt.Sprintf("s-%04d", i)
			fs = append(fs, f)
		}
	}
	opts := sampleOptions()
	opts.Records = recs
	sum := finding.Summarise(len(recs), fs)
	for _, format := range Formats.Names() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, fs, sum, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
