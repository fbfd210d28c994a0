package acceptance

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes pins the README's contract: 0 all good, 1 findings at or
// above the failing severity, 2 usage or I/O error; and that an error says
// what to do, on standard error: in Dutch, the register's first language.
func TestExitCodes(t *testing.T) {
	dir := workspace(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of standard output
		stderr string // a part of standard error
	}{
		{"validate a good record", []string{"validate", "register/sensors/cam-stationsplein.yaml"}, 0, "1 registratie, geen problemen gevonden", ""},
		{"validate a record with BOM and CRLF", []string{"validate", "register/sensors/afval-containers.yaml"}, 0, "1 registratie, geen problemen gevonden", ""},
		{"validate the register", []string{"validate"}, 1, "12 registraties, 13 fouten, 0 waarschuwingen", ""},
		{"check a record with only a warning", []string{"check", "--as-of", asOf, "register/sensors/cam-stationsplein.yaml"}, 0, "1 registratie, 0 fouten, 2 waarschuwingen", ""},
		{"check --fail-on warning", []string{"check", "--as-of", asOf, "--fail-on", "warning", "register/sensors/cam-stationsplein.yaml"}, 1, "(data-rights)", ""},
		{"check the register", []string{"check", "--as-of", asOf}, 1, "24 fouten", ""},
		{"check --root", []string{"--root", "register", "check", "--as-of", asOf, "--files", "sensors/cam-stationsplein.yaml"}, 0, "1 registratie", ""},
		{"unknown --fail-on", []string{"check", "--fail-on", "fatal"}, 2, "", "kies error, warning of none"},
		{"unknown format", []string{"check", "--format", "xml"}, 2, "", "sarif"},
		{"date that does not exist in --as-of", []string{"check", "--as-of", "2025-02-30"}, 2, "", "JJJJ-MM-DD"},
		{"Dutch-order date in --as-of", []string{"check", "--as-of", "24-11-2026"}, 2, "", "JJJJ-MM-DD"},
		// A root that is no register has no language of its own: --lang
		// says which.
		{"root that does not exist", []string{"validate", "--root", "geen-register", "--lang", "nl"}, 2, "", "geen register: geen-register is geen map; geef met --root de map op waarin sensors/ en algorithms/ staan"},
		{"root without record folders", []string{"validate", "--root", "register/sensors", "--lang", "nl"}, 2, "", "heeft geen map sensors/ of algorithms/; geef met --root de map op waarin die staan, of begin een register met 'register init'"},
		{"validate a file that does not exist", []string{"validate", "register/sensors/bestaat-niet.yaml"}, 2, "", "register/sensors/bestaat-niet.yaml bestaat niet: controleer de bestandsnaam"},
		{"check a file that does not exist", []string{"check", "register/sensors/bestaat-niet.yaml"}, 2, "", "register/sensors/bestaat-niet.yaml bestaat niet: controleer de bestandsnaam"},
		{"unknown command", []string{"controleer"}, 2, "", `onbekende opdracht "controleer"`},
		{"unknown flag", []string{"check", "--strict"}, 2, "", "onbekende optie: --strict"},
		{"explain an unknown rule", []string{"explain", "biometric-bann"}, 2, "", "bedoelt u biometric-ban?"},
		{"explain without a rule", []string{"explain"}, 2, "", "'register rules' toont ze allemaal"},
		{"schema of an unknown kind", []string{"schema", "camera"}, 2, "", "sensor"},
		{"due with a bad window", []string{"due", "--within", "90 dagen"}, 2, "", "geen ISO 8601-duur"},
		{"due with something lapsed", []string{"due", "--as-of", asOf}, 1, "cam-haven", ""},
		{"due before anything lapsed", []string{"due", "--as-of", "2026-01-15"}, 0, "0 verstreken", ""},
		{"new of an unknown kind", []string{"new", "camera", "cam-plein"}, 2, "", `onbekende soort "camera": kies sensor of algorithm`},
		{"changes without --since", []string{"changes"}, 2, "", "--since is verplicht"},
		{"history outside Git", []string{"history", "cam-haven"}, 2, "", "Git"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, dir, nil, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tt.code, r.out())
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.stderr)
			}
			if tt.code == 2 && !strings.HasPrefix(r.stderr, "register: ") {
				t.Errorf("an error should start with 'register: ' on stderr:\n%s", r.stderr)
			}
			if tt.code == 2 && r.stdout != "" {
				t.Errorf("an error run printed to stdout (a script would take it for output):\n%s", r.stdout)
			}
		})
	}
}

// TestMachineFormats: every format a CI system reads parses, and names the
// same findings as the JSON report.
func TestMachineFormats(t *testing.T) {
	dir := workspace(t)
	rep := checkJSON(t, dir, 1)

	t.Run("github", func(t *testing.T) {
		r := run(t, dir, nil, "check", "--as-of", asOf, "--format", "github")
		if r.code != 1 {
			t.Fatalf("exit %d\n%s", r.code, r.out())
		}
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		n := 0
		for _, l := range lines {
			if !strings.HasPrefix(l, "::") {
				continue
			}
			n++
			// Annotations name the file from the repository root, so GitHub
			// finds it.
			if !strings.Contains(l, " file=register/sensors/") && !strings.Contains(l, " file=register/algorithms/") {
				t.Errorf("annotation without the repository path: %s", l)
			}
			if !strings.Contains(l, ",line=") {
				t.Errorf("annotation without a line: %s", l)
			}
		}
		if n != len(rep.Findings) {
			t.Errorf("%d annotations for %d findings", n, len(rep.Findings))
		}
	})
	t.Run("sarif", func(t *testing.T) {
		r := run(t, dir, nil, "check", "--as-of", asOf, "--format", "sarif")
		var s struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
							Region struct {
								StartLine int `json:"startLine"`
							} `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
			t.Fatalf("SARIF is not JSON: %v", err)
		}
		if s.Version != "2.1.0" || len(s.Runs) != 1 {
			t.Fatalf("SARIF version %q with %d runs", s.Version, len(s.Runs))
		}
		if len(s.Runs[0].Results) != len(rep.Findings) {
			t.Errorf("%d results for %d findings", len(s.Runs[0].Results), len(rep.Findings))
		}
		for _, res := range s.Runs[0].Results {
			loc := res.Locations[0].PhysicalLocation
			if !strings.HasPrefix(loc.ArtifactLocation.URI, "register/") || loc.Region.StartLine < 1 {
				t.Errorf("result %s at %q line %d", res.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine)
			}
		}
	})
	t.Run("junit", func(t *testing.T) {
		r := run(t, dir, nil, "check", "--as-of", asOf, "--format", "junit")
		var suites struct {
			XMLName xml.Name
			Suites  []struct {
				Cases []struct {
					Name     string `xml:"name,attr"`
					Failures []struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal([]byte(r.stdout), &suites); err != nil {
			t.Fatalf("JUnit is not XML: %v\n%s", err, r.stdout)
		}
		// Every record file has a test case, the ones without findings too
		// (a case per rule that found something is named "id: rule"), and
		// no case holds more than one failure, as parsers show one.
		records := map[string]bool{}
		for _, s := range suites.Suites {
			for _, c := range s.Cases {
				id, _, _ := strings.Cut(c.Name, ": ")
				records[id] = true
				if len(c.Failures) > 1 {
					t.Errorf("test case %s has %d failures", c.Name, len(c.Failures))
				}
			}
		}
		if len(records) != 12 {
			t.Errorf("test cases for %d records, want 12: %v", len(records), records)
		}
	})
}

// TestLineEndingsAndBOM: a record saved on Windows (CRLF, with a BOM) gives
// exactly the findings of the same record saved with plain line endings.
func TestLineEndingsAndBOM(t *testing.T) {
	dir := workspace(t)
	crlf := filepath.Join(dir, "register", "sensors", "afval-containers.yaml")
	data := readFile(t, crlf)
	if !strings.HasPrefix(data, "\ufeff") || !strings.Contains(data, "\r\n") {
		t.Fatal("testdata lost its BOM or CRLF line endings (check .gitattributes)")
	}
	lf := strings.ReplaceAll(strings.TrimPrefix(data, "\ufeff"), "\r\n", "\n")
	other := workspace(t)
	writeFile(t, filepath.Join(other, "register", "sensors", "afval-containers.yaml"), lf)

	a := run(t, dir, nil, "check", "--as-of", asOf, "register/sensors/afval-containers.yaml")
	b := run(t, other, nil, "check", "--as-of", asOf, "register/sensors/afval-containers.yaml")
	if a.stdout != b.stdout || a.code != b.code {
		t.Errorf("CRLF+BOM gives\n%s\nLF gives\n%s", a.stdout, b.stdout)
	}
	if !strings.Contains(a.stdout, "sensors/afval-containers.yaml:17:1: warning: ") {
		t.Errorf("positions in a CRLF file are off:\n%s", a.stdout)
	}
}
