package report

import (
	"bytes"
	"encoding/xml"
	"path"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
)

// The JUnit XML elements, in the shape Jenkins, GitLab and most test
// dashboards read. encoding/xml escapes all text and attributes.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// rootSuite names the suite of files at the register root (register.yaml)
// and of findings about no file at all.
const rootSuite = "register"

// writeJUnit prints JUnit XML with one test suite per kind folder (sensors,
// algorithms, and "register" for files at the root) and one test case per
// record: a case fails with one <failure> per error finding, and lists its
// warnings and notes in <system-out>. Files with findings that are not among
// Options.Records (register.yaml, a file that could not be read) get test
// cases of their own. A suite's failures attribute counts failed test cases,
// so tests minus failures is the number of records that passed.
func writeJUnit(b *bytes.Buffer, fs []finding.Finding, _ finding.Summary, opts Options) error {
	byFile := map[string][]finding.Finding{}
	for _, f := range fs {
		byFile[f.File] = append(byFile[f.File], f)
	}
	suites := map[string]*junitSuite{}
	add := func(file, id string) {
		// The suite is the record's kind folder, wherever the register lies
		// ("register/sensors/x.yaml" and "sensors/x.yaml" alike).
		folder := rootSuite
		if dir := path.Dir(file); dir != "." && dir != "/" {
			folder = path.Base(dir)
		}
		s := suites[folder]
		if s == nil {
			s = &junitSuite{Name: folder}
			suites[folder] = s
		}
		name := id
		if name == "" {
			name = file
		}
		if name == "" {
			name = opts.ToolName
		}
		c := junitCase{ClassName: folder, Name: name, File: file}
		var out strings.Builder
		for _, f := range byFile[file] {
			if f.Severity == finding.Error {
				c.Failures = append(c.Failures, junitFailure{Message: f.Message, Type: f.Rule, Body: failureBody(f)})
				continue
			}
			out.WriteString(findingText(f, false))
		}
		c.SystemOut = out.String()
		s.Tests++
		if len(c.Failures) > 0 {
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	seen := map[string]bool{}
	for _, r := range opts.Records {
		if seen[r.File] {
			continue
		}
		seen[r.File] = true
		add(r.File, r.ID)
	}
	// Files only the findings name, in the findings' (sorted) order.
	for _, f := range fs {
		if !seen[f.File] {
			seen[f.File] = true
			add(f.File, f.Record)
		}
	}

	doc := junitSuites{Name: opts.ToolName}
	names := make([]string, 0, len(suites))
	for n := range suites {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		s := suites[n]
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Suites = append(doc.Suites, *s)
	}
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	b.WriteByte('\n')
	return nil
}

// failureBody lists an error finding's position, message, principle and help,
// one per line.
func failureBody(f finding.Finding) string {
	lines := []string{f.Position(), f.Message}
	if f.Principle != "" {
		lines = append(lines, "Principle: "+f.Principle)
	}
	if f.Help != "" {
		lines = append(lines, f.Help)
	}
	return strings.Join(lines, "\n")
}
