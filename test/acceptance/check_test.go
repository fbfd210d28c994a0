package acceptance

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCheckReportsEachMistake pins, for every mistake written into the
// register, the finding the steward must see: where (file, line, column),
// which rule, how bad, which principle, and a help text that says what to do.
func TestCheckReportsEachMistake(t *testing.T) {
	rep := checkJSON(t, workspace(t), 1)
	tests := []struct {
		name      string
		file      string
		line, col int
		rule      string
		severity  string
		principle string
		message   string // a part of the message
		help      string // a part of the help
	}{
		// A syntax error is where the parser stopped: the colon of a key
		// indented too far, the tab itself.
		{"wrong indentation", "sensors/parkeer-centrum.yaml", 17, 7, "yaml", "error", "",
			"YAML syntax error", "indentation"},
		{"tab before a key", "sensors/water-kade.yaml", 10, 1, "yaml", "error", "",
			"YAML syntax error", "YAML does not allow tabs for indentation"},
		{"typo in a key", "sensors/verkeer-ringweg.yaml", 4, 1, "schema", "error", "",
			`unknown field "sumary"`, `did you mean "summary"?`},
		{"typo'd key leaves a required field missing", "sensors/verkeer-ringweg.yaml", 1, 1, "schema", "error", "",
			`missing required field "summary"`, `add "summary"`},
		{"typo in an enum value", "sensors/verkeer-ringweg.yaml", 5, 9, "schema", "error", "",
			`"actief"`, `did you mean "active"?`},
		{"a date that does not exist", "sensors/verkeer-ringweg.yaml", 16, 10, "schema", "error", "",
			`"2025-02-30" is not a valid date`, "YYYY-MM-DD"},
		{"a Dutch-order date", "sensors/verkeer-ringweg.yaml", 17, 8, "schema", "error", "",
			`"30-01-2029" is not a valid date`, "YYYY-MM-DD"},
		{"missing owner email (schema)", "sensors/geluid-festival.yaml", 10, 3, "schema", "error", "",
			`missing required field "email" in owner`, `add "email"`},
		{"missing owner email (principle)", "sensors/geluid-festival.yaml", 9, 1, "owner-reachable", "error", "VNG 3.7",
			"owner.email is missing", "functional mailbox"},
		{"id differs from the file name", "sensors/geluid-festival.yaml", 1, 5, "register", "error", "",
			`id "geluidsmeter-festivalterrein" does not match the file name "geluid-festival.yaml"`, "set id: geluid-festival"},
		{"id with a path in it", "sensors/proef.yaml", 1, 5, "schema", "error", "",
			`id "../../etc/passwd" is not a valid id`, "lower-case letters, digits and hyphens"},
		{"very long summary", "sensors/drone-evenementen.yaml", 4, 10, "schema", "error", "",
			"more than 400", "shorten it"},
		{"camera without end date", "sensors/cam-haven.yaml", 28, 1, "camera-temporary", "error", "C-camera-temporary",
			"the camera has no end date", "add lifecycle.end"},
		{"camera evaluation a year ago", "sensors/cam-haven.yaml", 32, 9, "evaluation-lapsed", "warning", "C-camera-yearly",
			"was due on 2026-10-01", "evaluate the deployment"},
		{"Wi-Fi tracker following phones", "sensors/wifi-winkelstraat.yaml", 37, 33, "biometric-ban", "error", "VNG 2.1",
			"device_tracking", "remove the capability"},
		{"private operator keeps its DPIA to itself", "sensors/wifi-winkelstraat.yaml", 26, 1, "dpia-public", "warning", "VNG 6.6",
			"private operator's DPIA is not published", "dpia.public: true"},
		{"personal-data sensor without signs: the GDPR's duty to inform", "sensors/wifi-winkelstraat.yaml", 41, 1, "signage", "error", "VNG 4.3",
			"no signs, while people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14)", "signage.present: true"},
		{"unknown sensor named by an algorithm", "algorithms/afvalroutes.yaml", 35, 34, "register", "error", "",
			`"afval-glasbak", which is not in the register`, "correct the id"},
		{"active without a decision", "algorithms/afvalroutes.yaml", 1, 1, "decision-recorded", "error", "VNG I",
			"lists no decision", "add under decisions"},
		{"decision support filed as other", "algorithms/scanauto-parkeren.yaml", 40, 23, "publication-category", "warning", "VNG 3.2",
			"impactful, not other", "publication_category: impactful"},
		{"no human oversight", "algorithms/scanauto-parkeren.yaml", 1, 1, "human-oversight", "error", "C-human-oversight",
			"does not say how people check and correct", "add human_oversight"},
		// A police drone that views live processes personal data by its
		// nature, whatever personal_data says (here: unknown).
		{"a police drone's personal data counts whatever the record says", "sensors/drone-evenementen.yaml", 1, 1, "legal-basis", "error", "VNG 6.4",
			"processes personal data by its nature (camera_regime police", "add legal_basis"},
		{"and says so where the record says unknown", "sensors/drone-evenementen.yaml", 16, 14, "personal-data-inferred", "warning", "VNG 6.4",
			"personal_data.processed is unknown, but a sensor with camera_regime police processes personal data", "set personal_data.processed: yes"},
		{"BOM and CRLF file still checked, at the right line", "sensors/afval-containers.yaml", 17, 1, "lifecycle-end", "warning", "VNG 3.4",
			"extended", "lifecycle.extension_criteria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var same []string
			for _, f := range rep.Findings {
				if f.File != tt.file || f.Rule != tt.rule || !strings.Contains(f.Message, tt.message) {
					continue
				}
				same = append(same, fmt.Sprintf("%d:%d %s %q", f.line(), f.column(), f.Severity, f.Message))
				if f.line() != tt.line || f.column() != tt.col || f.Severity != tt.severity ||
					f.Principle != tt.principle || !strings.Contains(f.Help, tt.help) {
					continue
				}
				return
			}
			t.Errorf("no finding %s:%d:%d %s %s (%s) %q / help %q; findings of that rule: %v",
				tt.file, tt.line, tt.col, tt.severity, tt.rule, tt.principle, tt.message, tt.help, same)
		})
	}
}

// TestCheckOnlyWhatIsWrong pins the records that are right: the careful
// camera record and the careful algorithm get no error, and the register's
// totals stay as they are.
func TestCheckOnlyWhatIsWrong(t *testing.T) {
	rep := checkJSON(t, workspace(t), 1)
	for _, f := range rep.Findings {
		if f.File == "sensors/cam-stationsplein.yaml" && f.Severity == "error" {
			t.Errorf("the careful camera record gets an error: %+v", f)
		}
		if f.Rule == "biometric-ban" && f.File != "sensors/wifi-winkelstraat.yaml" {
			t.Errorf("biometric-ban on a record that only counts: %s: %s", f.File, f.Message)
		}
		if f.Rule == "camera-temporary" && f.File != "sensors/cam-haven.yaml" {
			t.Errorf("camera-temporary on %s, which is not a camera without end date", f.File)
		}
	}
	// The drone that is viewed live and counts people is a camera
	// (record.IsCamera): it names no manufacturer and lists no
	// minimisation, two of the warnings.
	want := jsonSummary{Records: 12, Errors: 24, Warnings: 43, Infos: 2}
	if rep.Summary != want {
		t.Errorf("summary = %+v, want %+v", rep.Summary, want)
	}
	var errs, warns, infos int
	for _, f := range rep.Findings {
		switch f.Severity {
		case "error":
			errs++
		case "warning":
			warns++
		case "info":
			infos++
		default:
			t.Errorf("severity %q: want error, warning or info", f.Severity)
		}
	}
	if got := (jsonSummary{Records: rep.Summary.Records, Errors: errs, Warnings: warns, Infos: infos}); got != rep.Summary {
		t.Errorf("summary %+v does not count the findings listed %+v", rep.Summary, got)
	}
}

// TestEveryFindingHasPositionAndHelp: every problem comes with file:line:col
// (no column for YAML syntax errors), a help text, and check's own findings
// cite a principle of principles.md.
func TestEveryFindingHasPositionAndHelp(t *testing.T) {
	refs := principleRefs(t)
	rep := checkJSON(t, workspace(t), 1)
	if len(rep.Findings) == 0 {
		t.Fatal("no findings for a register full of mistakes")
	}
	for i, f := range rep.Findings {
		if i > 0 {
			p := rep.Findings[i-1]
			if p.File > f.File || p.File == f.File && (p.line() > f.line() || p.line() == f.line() && p.column() > f.column()) {
				t.Errorf("findings out of order: %s:%d:%d before %s:%d:%d", p.File, p.line(), p.column(), f.File, f.line(), f.column())
			}
		}
		where := fmt.Sprintf("%s:%d:%d %s", f.File, f.line(), f.column(), f.Rule)
		if !regexp.MustCompile(`^(sensors|algorithms)/[a-z0-9-]+\.yaml$`).MatchString(f.File) {
			t.Errorf("%s: file %q is not a record file of the register", where, f.File)
		}
		if f.line() < 1 {
			t.Errorf("%s: no line", where)
		}
		if f.column() < 1 {
			t.Errorf("%s: no column", where)
		}
		if strings.TrimSpace(f.Help) == "" {
			t.Errorf("%s: no help saying what to do (%q)", where, f.Message)
		}
		if slices.Contains(nonPrinciple, f.Rule) {
			if f.Principle != "" {
				t.Errorf("%s: a %s finding cites principle %q", where, f.Rule, f.Principle)
			}
			continue
		}
		ref := strings.TrimPrefix(f.Principle, "VNG ")
		if !refs[ref] {
			t.Errorf("%s: principle %q is not a reference of principles.md", where, f.Principle)
		}
		if f.Record == "" {
			t.Errorf("%s: no record id", where)
		}
	}
}

// TestTextFormat: the text format is one "file:line:col: severity: message
// (rule)" line per finding, the help indented below it (with the principle
// for check's own rules), and a summary line.
func TestTextFormat(t *testing.T) {
	dir := workspace(t)
	// NO_COLOR unset: the tool must see by itself that a pipe is no terminal.
	r := run(t, dir, []string{"NO_COLOR="}, "check", "--as-of", asOf)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.out())
	}
	head := regexp.MustCompile(`^((?:register/)?(?:sensors|algorithms)/[^:]+\.yaml):(\d+)(:\d+)?: (error|warning|info): (.+) \(([a-z-]+)\)$`)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	findings := 0
	for i := 0; i < len(lines); i++ {
		m := head.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		findings++
		if m[3] == "" {
			t.Errorf("line %d: no column: %s", i+1, lines[i])
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "  ") || strings.TrimSpace(lines[i+1]) == "" {
			t.Errorf("line %d: no help line below %s", i+1, lines[i])
			continue
		}
		if !slices.Contains(nonPrinciple, m[6]) && !regexp.MustCompile(`^  (VNG [IV0-9.]+|C-[a-z-]+|exceptions) · `).MatchString(lines[i+1]) {
			t.Errorf("line %d: help does not start with the principle: %s", i+2, lines[i+1])
		}
	}
	rep := checkJSON(t, dir, 1)
	if findings != len(rep.Findings) {
		t.Errorf("text shows %d findings, json %d", findings, len(rep.Findings))
	}
	// The register names Dutch first (languages: [nl, en]), so the summary
	// is Dutch; rule ids and severities stay as they are.
	if last := lines[len(lines)-1]; last != "12 registraties, 24 fouten, 43 waarschuwingen, 2 opmerkingen" {
		t.Errorf("summary line = %q", last)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes written to a pipe")
	}
}
