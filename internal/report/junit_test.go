package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

// readJUnit renders findings as JUnit and reads the XML back, so the tests
// see what a CI system sees after unescaping.
func readJUnit(t *testing.T, fs []finding.Finding, opts Options) junitSuites {
	t.Helper()
	var out bytes.Buffer
	if err := Write(&out, "junit", fs, finding.Summary{}, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration: %q", out.String()[:min(60, out.Len())])
	}
	var doc junitSuites
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output is not well-formed XML: %v\n%s", err, out.String())
	}
	return doc
}

func TestJUnitSuitesAndCounts(t *testing.T) {
	doc := readJUnit(t, sampleFindings(), sampleOptions())
	if doc.Name != "register" || doc.Tests != 6 || doc.Failures != 3 || doc.Errors != 0 {
		t.Errorf("testsuites name=%q tests=%d failures=%d errors=%d, want register 6 3 0", doc.Name, doc.Tests, doc.Failures, doc.Errors)
	}
	type wantCase struct {
		class, name string
		failure     string // rule of the <failure>, "" for a passed case
		out         string // substring of <system-out>, "" for none
	}
	want := []struct {
		suite           string
		tests, failures int
		cases           []wantCase
	}{
		{"algorithms", 1, 0, []wantCase{
			{"algorithms", "parkeer-risico: dpia-required", "", "algorithms/parkeer-risico.yaml: warning: personal_data.processed is \"unknown\""},
		}},
		{"register", 1, 1, []wantCase{
			{"register", "register.yaml: config", "config", ""},
		}},
		{"sensors", 4, 2, []wantCase{
			// A record is a case per rule that found something ...
			{"sensors", "cam-markt: biometric-ban", "biometric-ban", ""},
			{"sensors", "cam-markt: security-audit", "", "sensors/cam-markt.yaml:20:5: info: last security audit"},
			// ... and one case when nothing was found.
			{"sensors", "lucht-zuid", "", ""},
			{"sensors", "sensors/kopie: ë, 2.yaml: yaml", "yaml", ""},
		}},
	}
	if len(doc.Suites) != len(want) {
		t.Fatalf("%d suites, want %d", len(doc.Suites), len(want))
	}
	for i, ws := range want {
		s := doc.Suites[i]
		if s.Name != ws.suite || s.Tests != ws.tests || s.Failures != ws.failures || s.Tests != len(s.Cases) {
			t.Errorf("suite %d: %q tests=%d failures=%d cases=%d, want %q %d %d", i, s.Name, s.Tests, s.Failures, len(s.Cases), ws.suite, ws.tests, ws.failures)
			continue
		}
		for j, wc := range ws.cases {
			c := s.Cases[j]
			if c.ClassName != wc.class || c.Name != wc.name {
				t.Errorf("%s case %d: %s/%s, want %s/%s", s.Name, j, c.ClassName, c.Name, wc.class, wc.name)
			}
			got := ""
			if c.Failure != nil {
				got = c.Failure.Type
			}
			if got != wc.failure {
				t.Errorf("%s/%s: failure %q, want %q", s.Name, c.Name, got, wc.failure)
			}
			if (wc.out == "") != (c.SystemOut == "") || !strings.Contains(c.SystemOut, wc.out) {
				t.Errorf("%s/%s: system-out %q, want it to hold %q", s.Name, c.Name, c.SystemOut, wc.out)
			}
		}
	}
}

// Parsers show one <failure> per test case: a rule that found several
// errors in one record is one failure naming how many, with all in its body.
func TestJUnitOneFailurePerCase(t *testing.T) {
	fs := []finding.Finding{
		{File: "sensors/a.yaml", Line: 3, Record: "a", Rule: "schema", Severity: finding.Error, Message: label.Text{"", "status is wrong"}},
		{File: "sensors/a.yaml", Line: 9, Record: "a", Rule: "schema", Severity: finding.Error, Message: label.Text{"", "retention is wrong"}},
		{File: "sensors/a.yaml", Line: 5, Record: "a", Rule: "biometric-ban", Severity: finding.Error, Message: label.Text{"", "banned"}},
	}
	finding.Sort(fs)
	var out bytes.Buffer
	if err := Write(&out, "junit", fs, finding.Summary{}, Options{Records: []RecordRef{{File: "sensors/a.yaml", ID: "a"}}}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "<failure "); n != 2 {
		t.Errorf("%d failures, want 2 (one per rule):\n%s", n, out.String())
	}
	doc := readJUnit(t, fs, Options{Records: []RecordRef{{File: "sensors/a.yaml", ID: "a"}}})
	c := doc.Suites[0].Cases
	if len(c) != 2 || c[0].Name != "a: schema" || c[0].Failure.Message != "status is wrong (and 1 more)" ||
		!strings.Contains(c[0].Failure.Body, "sensors/a.yaml:9\nretention is wrong") || c[1].Name != "a: biometric-ban" {
		t.Errorf("cases: %+v", c)
	}
}

func TestJUnitFailureText(t *testing.T) {
	doc := readJUnit(t, sampleFindings(), sampleOptions())
	f := doc.Suites[2].Cases[0].Failure
	wantMsg := `capability "face_recognition" is banned: 100% of passers-by on the Markt, Café <De Zwaan> & terrace`
	if f.Message != wantMsg {
		t.Errorf("message %q, want %q", f.Message, wantMsg)
	}
	wantBody := "sensors/cam-markt.yaml:12:3\n" + wantMsg + "\nPrinciple: VNG 2.1\n" +
		"Remove the capability, or record an approved exception\nwith a legal basis for a police task."
	if f.Body != wantBody {
		t.Errorf("body\n%q\nwant\n%q", f.Body, wantBody)
	}
}

func TestJUnitEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		fs    []finding.Finding
		recs  []RecordRef
		cases []string // suite/classname/name of every case, in order
		fails int
	}{
		{"no records given: cases come from the findings", []finding.Finding{
			{File: "sensors/a.yaml", Record: "a", Rule: "r", Severity: finding.Warning, Message: label.Text{"", "m"}},
		}, nil, []string{"sensors/sensors/a: r"}, 0},
		{"a record without an id is named by its file", nil,
			[]RecordRef{{File: "algorithms/x.yaml"}}, []string{"algorithms/algorithms/algorithms/x.yaml"}, 0},
		{"a finding about no file", []finding.Finding{
			{Rule: "config", Severity: finding.Error, Message: label.Text{"", "m"}},
		}, []RecordRef{{File: "sensors/a.yaml", ID: "a"}}, []string{"register/register/register: config", "sensors/sensors/a"}, 1},
		{"a record listed twice is one case", []finding.Finding{
			{File: "sensors/a.yaml", Rule: "r", Severity: finding.Error, Message: label.Text{"", "m1"}},
			{File: "sensors/a.yaml", Rule: "r", Severity: finding.Error, Message: label.Text{"", "m2"}},
		}, []RecordRef{{File: "sensors/a.yaml", ID: "a"}, {File: "sensors/a.yaml", ID: "a"}}, []string{"sensors/sensors/a: r"}, 1},
		{"characters XML cannot hold still give well-formed XML", []finding.Finding{
			{File: "sensors/a\x00.yaml", Rule: "r\x1b", Severity: finding.Error, Message: label.Text{"", "bell\x07 ]]> \xff"}},
		}, nil, []string{"sensors/sensors/sensors/a\uFFFD.yaml: r\uFFFD"}, 1},
		{"nothing at all", nil, nil, nil, 0},
	}
	for _, tt := range tests {
		doc := readJUnit(t, tt.fs, Options{Records: tt.recs})
		var cases []string
		for _, s := range doc.Suites {
			for _, c := range s.Cases {
				cases = append(cases, s.Name+"/"+c.ClassName+"/"+c.Name)
			}
		}
		if strings.Join(cases, " ") != strings.Join(tt.cases, " ") {
			t.Errorf("%s: cases %v, want %v", tt.name, cases, tt.cases)
		}
		if doc.Tests != len(tt.cases) || doc.Failures != tt.fails {
			t.Errorf("%s: tests=%d failures=%d, want %d %d", tt.name, doc.Tests, doc.Failures, len(tt.cases), tt.fails)
		}
	}
}
