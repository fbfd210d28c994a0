package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
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
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitFailure `xml:"failure"`
	SystemOut string        `xml:"system-out,omitempty"`
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
// algorithms, and "register" for files at the root). A record is one test
// case when nothing was found ("cam-markt"); otherwise each rule that found
// something is a test case of its own ("cam-markt: biometric-ban"), failed
// with exactly one <failure> when the rule found an error (parsers show one
// failure per case), passed with the rule's warnings and notes in
// <system-out> otherwise. Files with findings that are not among
// Options.Records (register.yaml, a file that could not be read) get test
// cases of their own. A suite's failures attribute counts failed test cases.
// Its texts are in the documented language (finding.Documented), whatever
// the run's: its own words ("Principle:", "and 1 more") are English.
func writeJUnit(b sink, fs []finding.Finding, _ finding.Summary, opts Options) error {
	byFile := map[string][]finding.Finding{}
	for _, f := range fs {
		byFile[f.File] = append(byFile[f.File], f)
	}
	suites := map[string]*junitSuite{}
	add := func(file, id string) {
		folder := suiteOf(file)
		s := suites[folder]
		if s == nil {
			s = &junitSuite{Name: folder}
			suites[folder] = s
		}
		name := cmp.Or(id, file, opts.ToolName)
		for _, c := range junitCases(folder, name, file, byFile[file], finding.Documented) {
			if c.Failure != nil {
				s.Failures++
			}
			s.Tests++
			s.Cases = append(s.Cases, c)
		}
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
	return encodeJUnit(b, opts.ToolName, suites)
}

// suiteOf is the suite of a file: the record's kind folder, wherever the
// register lies ("register/sensors/x.yaml" and "sensors/x.yaml" alike), or
// rootSuite.
func suiteOf(file string) string {
	if dir := path.Dir(file); dir != "." && dir != "/" {
		return path.Base(dir)
	}
	return rootSuite
}

// junitCases are the test cases of one file: one passed case when nothing
// was found, else one case per rule, in the order the rules first occur;
// their texts in lang where the findings have it.
func junitCases(folder, name, file string, found []finding.Finding, lang string) []junitCase {
	if len(found) == 0 {
		return []junitCase{{ClassName: folder, Name: name, File: file}}
	}
	var rules []string
	byRule := map[string][]finding.Finding{}
	for _, f := range found {
		if _, ok := byRule[f.Rule]; !ok {
			rules = append(rules, f.Rule)
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	cases := make([]junitCase, 0, len(rules))
	for _, rule := range rules {
		c := junitCase{ClassName: folder, Name: name + ": " + rule, File: file}
		var errs []finding.Finding
		var out strings.Builder
		for _, f := range byRule[rule] {
			if f.Severity == finding.Error {
				errs = append(errs, f)
				continue
			}
			out.WriteString(findingText(f, lang, false))
		}
		if len(errs) > 0 {
			c.Failure = junitFailureOf(errs, lang)
		}
		c.SystemOut = out.String()
		cases = append(cases, c)
	}
	return cases
}

// encodeJUnit writes the suites in the order of their names, with the
// totals, as indented XML.
func encodeJUnit(b sink, tool string, suites map[string]*junitSuite) error {
	doc := junitSuites{Name: tool}
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

// junitFailureOf is the one failure of a case: the rule's first error as
// its message, and every error of the rule in the body, in lang.
func junitFailureOf(errs []finding.Finding, lang string) *junitFailure {
	msg, _ := errs[0].Text(lang)
	if len(errs) > 1 {
		msg += fmt.Sprintf(" (and %d more)", len(errs)-1)
	}
	bodies := make([]string, len(errs))
	for i, f := range errs {
		bodies[i] = failureBody(f, lang)
	}
	return &junitFailure{Message: msg, Type: errs[0].Rule, Body: strings.Join(bodies, "\n\n")}
}

// failureBody lists an error finding's position, message, principle and help,
// one per line.
func failureBody(f finding.Finding, lang string) string {
	msg, help := f.Text(lang)
	f.File = CleanPath(f.File)
	lines := []string{f.Position(), msg}
	if f.Principle != "" {
		lines = append(lines, "Principle: "+f.Principle)
	}
	if help != "" {
		lines = append(lines, help)
	}
	return strings.Join(lines, "\n")
}
