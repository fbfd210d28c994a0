package acceptance

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// jsonFinding is one finding in the shape record-format.md documents. Line
// and Column are pointers so a test can tell "left out" from 0.
type jsonFinding struct {
	File      string `json:"file"`
	Line      *int   `json:"line"`
	Column    *int   `json:"column"`
	Record    string `json:"record"`
	Rule      string `json:"rule"`
	Principle string `json:"principle"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Help      string `json:"help"`
}

// jsonSummary is the summary of a findings report. Infos is not in the
// documented example; the tool adds it, and the suite accepts it.
type jsonSummary struct {
	Records  int `json:"records"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

// decodeReport parses a --format json report strictly (a key the documented
// shape does not have fails the test) and gives files relative to the
// register root, whether the tool prints them so or from the working folder
// (see TestFindingsNameTheFileFromTheWorkingFolder), so the suite holds
// either way.
func decodeReport(t *testing.T, stdout string) jsonReport {
	t.Helper()
	rep := decodeReportRaw(t, stdout)
	for i := range rep.Findings {
		rep.Findings[i].File = strings.TrimPrefix(rep.Findings[i].File, "register/")
	}
	return rep
}

// decodeReportRaw is decodeReport with the files as printed.
func decodeReportRaw(t *testing.T, stdout string) jsonReport {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var rep jsonReport
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("--format json does not match the findings shape of record-format.md: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("--format json prints more than one JSON value:\n%s", stdout)
	}
	// The raw keys: null is not "left out", and the list is never null.
	var raw struct {
		Findings []map[string]json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Findings == nil {
		t.Errorf("findings is null or missing; scripts expect a list")
	}
	for i, f := range raw.Findings {
		for k, v := range f {
			if string(v) == "null" {
				t.Errorf("finding %d: %s is null; leave the key out instead", i, k)
			}
		}
	}
	return rep
}

func (f jsonFinding) line() int {
	if f.Line == nil {
		return 0
	}
	return *f.Line
}

func (f jsonFinding) column() int {
	if f.Column == nil {
		return 0
	}
	return *f.Column
}

// checkJSON runs check --format json on a workspace and returns the report.
func checkJSON(t *testing.T, dir string, wantCode int, args ...string) jsonReport {
	t.Helper()
	r := run(t, dir, nil, append([]string{"check", "--as-of", asOf, "--format", "json"}, args...)...)
	if r.code != wantCode {
		t.Fatalf("check: exit %d, want %d\n%s", r.code, wantCode, r.out())
	}
	return decodeReport(t, r.stdout)
}

// nonPrinciple are the rules that come from reading, not from a principle.
var nonPrinciple = []string{"yaml", "schema", "register", "config"}

// principleRefs reads the reference column of ../shared/principles.md
// (the project's tests may use ../shared): "2.1", "C-camera-temporary", "V",
// "exceptions", ...
func principleRefs(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("../../../shared/principles.md")
	if err != nil {
		t.Skipf("principles.md not available next to the repository: %v", err)
	}
	refs := map[string]bool{"exceptions": true}
	for _, line := range bytes.Split(data, []byte("\n")) {
		cells := strings.Split(string(line), "|")
		if len(cells) < 3 {
			continue
		}
		for _, ref := range regexp.MustCompile(`\s*(?:/|,)\s*`).Split(strings.TrimSpace(cells[1]), -1) {
			if ref != "" && ref != "ref" && !strings.HasPrefix(ref, "-") {
				refs[ref] = true
			}
		}
	}
	return refs
}

// ruleIDs reads the rule ids the principles.md table names.
func ruleIDs(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../../shared/principles.md")
	if err != nil {
		t.Skipf("principles.md not available next to the repository: %v", err)
	}
	_, table, ok := strings.Cut(string(data), "## Rule ids")
	if !ok {
		t.Fatal("principles.md has no '## Rule ids' section")
	}
	var ids []string
	for _, m := range regexp.MustCompile("`([a-z0-9-]+)`").FindAllStringSubmatch(table, -1) {
		if !strings.Contains(m[1], "-") && m[1] != "signage" && m[1] != "explanation" && m[1] != "objection" {
			continue // a word in the prose, not a rule id
		}
		if !slices.Contains(ids, m[1]) {
			ids = append(ids, m[1])
		}
	}
	return ids
}
