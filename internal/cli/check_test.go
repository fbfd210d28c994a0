package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/principle"
)

// checkCamera meets the schema and every principle on 2026-11-24.
const checkCamera = `id: cam-markt
kind: sensor
name: Cameratoezicht Markt
summary: Camera's op de Markt.
status: active
organisation:
  name: Gemeente Voorbeeldstad
  type: municipality
owner:
  role: Teamleider Openbare Orde
  email: openbareorde@voorbeeldstad.example
purpose: Geweld voorkomen en opsporen.
problem: Vechtpartijen bij sluitingstijd.
alternatives: Meer handhavers dekten de late uren niet.
decisions: [{body: mayor, kind: authorisation, date: 2026-01-10, reference: "https://voorbeeldstad.example/b/1"},
  {body: council, kind: mandate, date: 2024-06-27, reference: "https://voorbeeldstad.example/apv"}]
legal_basis: {regime: police_data, law: Gemeentewet art. 151c}
personal_data:
  processed: "yes"
dpia: {status: done, date: 2026-01-05, url: "https://voorbeeldstad.example/dpia.pdf"}
risks: {chilling_effect: Alleen 's nachts., discrimination: Gekozen op incidenten., stacking: Geen., mitigations: Borden.}
lifecycle:
  start: 2026-02-01
  end: 2027-01-31
  extension_criteria: Incidenten boven het niveau van 2025.
evaluation:
  interval: P1Y
  last: 2026-08-01
retention: P28D
security: {last_audit: 2025-12-01}
sensor_type: camera
capabilities: [video_recording, live_viewing]
location: {description: Markt, point: {lat: 52.0, lon: 5.1}}
signage: {present: true, description: Borden bij elke toegang.}
vendor: {manufacturer: Axis Communications, model: Q1656, country: SE}
data_rights: {holder: municipality, resale_forbidden: true}
camera_regime: public_order
correction: {route: Vraag het privacyloket om beelden van u te wissen., email: privacy@voorbeeldstad.example, term: P4W}
`

const checkConfig = `site:
  report_error_url: https://voorbeeldstad.example/meldpunt
`

func TestCheckCommand(t *testing.T) {
	face := strings.Replace(checkCamera, "capabilities: [video_recording, live_viewing]", "capabilities:\n  - video_recording\n  - face_recognition", 1)
	noSigns := strings.Replace(checkCamera, "signage: {present: true, description: Borden bij elke toegang.}\n", "", 1)
	audit := strings.Replace(checkCamera, "last_audit: 2025-12-01", "last_audit: 2022-01-01", 1)
	tests := []struct {
		name     string
		record   string
		config   string
		args     []string
		code     int
		contains []string
		stderr   string
	}{
		{"clean", checkCamera, checkConfig, nil, 0, []string{"1 record, no problems found"}, ""},
		{"face recognition fails at its line", face, checkConfig, nil, 1,
			[]string{"sensors/cam-markt.yaml:34:5: error: capability face_recognition (facial recognition) is biometric surveillance", "(biometric-ban)", "VNG 2.1"}, ""},
		{"signage is an error for cameras", noSigns, checkConfig, nil, 1,
			[]string{"sensors/cam-markt.yaml:1:1: error: the record does not say how the sensor is made recognisable", "(signage)"}, ""},
		{"warnings pass by default", audit, checkConfig, nil, 0,
			[]string{"sensors/cam-markt.yaml:30:24: warning: the last security audit was on 2022-01-01", "(security-audit)"}, ""},
		{"warnings fail with --fail-on warning", audit, checkConfig, []string{"--fail-on", "warning"}, 1, []string{"(security-audit)"}, ""},
		{"--as-of fixes today", checkCamera, checkConfig, []string{"--as-of", "2027-03-01"}, 1,
			[]string{"error: the public-order cameras are active, but the term the mayor decided on ended on 2027-01-31", "(lifecycle-ended)"}, ""},
		{"configuration switches a policy rule off", audit, checkConfig + "rules: {security-audit: {severity: off, reason: The region audits the camera network.}}\n", nil, 0, []string{"1 record, no problems found"}, ""},
		{"configuration cannot switch off a legal duty", noSigns, checkConfig + "rules: {signage: off}\n", nil, 1, []string{
			"register.yaml:3:9: error: rules.signage: off would switch off or lower duties that follow from law (Gemeentewet art. 151c)",
			"cam-markt.yaml:1:1: error: the record does not say how the sensor is made recognisable"}, ""},
		{"configuration findings point into register.yaml", checkCamera, "rules: {signge: off}\n", nil, 0,
			[]string{"register.yaml:1:9: warning: rules.signge names no rule", "register.yaml:1:1: warning: site.report_error_url is not set"}, ""},
		{"bad --as-of", checkCamera, checkConfig, []string{"--as-of", "24-11-2026"}, 2, nil, "--as-of"},
		{"--fail-on none reports errors and passes, as build's does", face, checkConfig, []string{"--fail-on", "none"}, 0, []string{"(biometric-ban)"}, ""},
		{"bad --fail-on", checkCamera, checkConfig, []string{"--fail-on", "info"}, 2, nil, "use error, warning or none"},
		{"bad --format", checkCamera, checkConfig, []string{"--format", "xml"}, 2, nil, "unknown format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": tt.record, "register.yaml": tt.config})
			out, errOut, code := run(t, append([]string{"check", "--root", root}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, c := range tt.contains {
				if !strings.Contains(out, c) {
					t.Errorf("stdout lacks %q:\n%s", c, out)
				}
			}
			if tt.stderr != "" && !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut)
			}
		})
	}
}

func TestCheckReportsSchemaFindingsToo(t *testing.T) {
	broken := strings.Replace(checkCamera, "status: active", "status: switched_on", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": broken, "register.yaml": checkConfig})
	out, _, code := run(t, "check", "--root", root, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	var doc struct {
		Findings []struct {
			File, Rule, Principle, Severity string
			Line, Column                    int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	var rules []string
	for _, f := range doc.Findings {
		rules = append(rules, f.Rule)
		if f.Rule == "schema" && (f.Line != 5 || !strings.HasSuffix(f.File, "/sensors/cam-markt.yaml") || f.Severity != "error") {
			t.Errorf("schema finding: %+v", f)
		}
	}
	if !strings.Contains(strings.Join(rules, " "), "schema") {
		t.Errorf("no schema finding among %v", rules)
	}
}

func TestCheckOnlyNamedFiles(t *testing.T) {
	face := strings.Replace(checkCamera, "live_viewing]", "live_viewing, device_tracking]", 1)
	face = strings.Replace(face, "id: cam-markt", "id: cam-plein", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "sensors/cam-plein.yaml": face, "register.yaml": checkConfig})
	out, _, code := run(t, "check", "--root", root, "--files", "sensors/cam-markt.yaml")
	if code != 0 || strings.Contains(out, "cam-plein") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	out, _, code = run(t, "check", "--root", root, "sensors/cam-plein.yaml")
	if code != 1 || !strings.Contains(out, "sensors/cam-plein.yaml:32:47: error: capability device_tracking") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestRulesCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": `rules: {security-audit: error}
rules_custom:
  - id: drone-review
    principle: VNG 3.8
    severity: error
    kind: sensor
    when: record.sensor_type == "drone"
    require: has(record.reviews)
    title: Drones are reviewed by the ethics committee
    message: a drone needs a review by the ethics committee
`})
	out, errOut, code := run(t, "rules", "--root", root)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(principle.IDs())+2 {
		t.Errorf("%d lines, want a header, %d rules and the custom one:\n%s", len(lines), len(principle.IDs()), out)
	}
	for _, want := range []string{"RULE", "biometric-ban", "VNG 2.1", "No biometric surveillance",
		"security-audit", "error (default warning)", "drone-review", "Drones are reviewed by the ethics committee",
		// Which duties are law, with the article, and which policy.
		"law: GDPR art. 33(1)", "law in part: Gemeentewet art. 151c", "policy"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(lines[1], "biometric-ban ") || !strings.HasPrefix(lines[len(lines)-1], "drone-review ") {
		t.Errorf("order: first %q, last %q", lines[1], lines[len(lines)-1])
	}

	// In Dutch: the headings, the basis, the law and the titles.
	out, _, code = run(t, "rules", "--root", root, "--lang", "nl")
	for _, want := range []string{"REGEL", "GRONDSLAG", "ERNST", "Geen biometrische surveillance", "error (standaard warning)",
		"wet: AVG art. 33 lid 1", "deels wet: Gemeentewet art. 151c", "beleid"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("rules --lang nl: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}

	out, _, code = run(t, "rules", "--root", root, "--format", "json")
	var doc struct {
		Rules []struct {
			ID, Principle, Severity, Default, Basis, Law string
			Custom                                       bool
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if n := len(doc.Rules); n != len(principle.IDs())+1 {
		t.Errorf("%d rules in JSON", n)
	}
	last := doc.Rules[len(doc.Rules)-1]
	if last.ID != "drone-review" || last.Principle != "VNG 3.8" || last.Severity != "error" || !last.Custom || last.Basis != "policy" {
		t.Errorf("custom rule: %+v", last)
	}
	for _, r := range doc.Rules {
		if r.ID == "breach-reported" && (r.Basis != "law" || r.Law != "GDPR art. 33(1)") {
			t.Errorf("breach-reported: basis %q, law %q", r.Basis, r.Law)
		}
	}
	// The severities the law gives a rule's legal findings, for scripts:
	// the list of each legal rule, none for policy alone.
	var sevs struct {
		Rules []struct {
			ID  string
			Law []string `json:"law_severities"`
		}
	}
	if err := json.Unmarshal([]byte(out), &sevs); err != nil {
		t.Fatal(err)
	}
	for _, r := range sevs.Rules {
		switch r.ID {
		case "legal-basis":
			if !slices.Equal(r.Law, []string{"error", "warning"}) {
				t.Errorf("legal-basis: law_severities %v, want [error warning]", r.Law)
			}
		case "drone-review", "retention":
			if r.Law != nil {
				t.Errorf("%s: law_severities %v, want none", r.ID, r.Law)
			}
		}
	}
	// A legal part lowered: the table says what the law keeps of it.
	lowered := writeRegister(t, map[string]string{"register.yaml": "rules: {legal-basis: {severity: info, reason: Eigen afweging.}}\n"})
	out, _, _ = run(t, "rules", "--root", lowered)
	if want := "info (default error; the legal part stays error or warning)"; !strings.Contains(out, want) {
		t.Errorf("rules with legal-basis lowered lacks %q:\n%s", want, out)
	}
	out, _, code = run(t, "explain", "--root", root, "drone-review")
	for _, want := range []string{"drone-review: Drones are reviewed by the ethics committee", "Principle: VNG 3.8", "Severity:  error",
		`when: record.sensor_type == "drone"`, "require: has(record.reviews)"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain drone-review: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
	if _, _, code := run(t, "rules", "--format", "xml"); code != 2 {
		t.Errorf("rules --format xml: exit %d, want 2", code)
	}
}

func TestExplainCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": "rules: {biometric-ban: error}\n"})
	out, _, code := run(t, "explain", "--root", root, "biometric-ban")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"biometric-ban: No biometric surveillance", "Geen biometrische surveillance",
		"Principle: VNG 2.1", "Severity:  error\n", "Why\n  Municipalities never follow individuals",
		"Waarom\n  Gemeenten volgen", "What satisfies it\n", "Example\n  capabilities: [video_recording, people_counting]"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 80 && !strings.HasPrefix(line, "  ") {
			t.Errorf("line longer than 80 characters: %q", line)
		}
	}
	_, errOut, code := run(t, "explain", "--root", root, "signge")
	if code != 2 || !strings.Contains(errOut, `unknown rule "signge"; did you mean signage?`) {
		t.Errorf("explain signge: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = run(t, "explain", "--root", root, "zzzz")
	if code != 2 || !strings.Contains(errOut, "'register rules' lists them") {
		t.Errorf("explain zzzz: exit %d, stderr %q", code, errOut)
	}
	if _, _, code := run(t, "explain"); code != 2 {
		t.Errorf("explain without a rule: exit %d, want 2", code)
	}
}

// airSensor is a schema-valid air-quality sensor that starts on 2026-06-03
// and meets every rule but, depending on when it was committed, the duty to
// report.
const airSensor = `id: lucht-vennewijk
kind: sensor
name: Luchtmeetnet Vennewijk
summary: Meet fijnstof in de Vennewijk.
status: active
organisation:
  name: Gemeente Voorbeeldstad
  type: municipality
owner:
  role: Adviseur Luchtkwaliteit
  email: lucht@voorbeeldstad.example
purpose: Fijnstof meten.
problem: Klachten over houtrook.
alternatives: Het landelijke meetnet heeft geen station in de wijk.
decisions:
  - {body: college, kind: authorisation, date: 2026-05-01, reference: "https://voorbeeldstad.example/b/9"}
personal_data:
  processed: "no"
lifecycle:
  start: 2026-06-03
  end: 2028-06-02
  extension_criteria: Zolang er klachten zijn.
evaluation:
  interval: P1Y
sensor_type: air_quality
capabilities: [environmental_measurement]
location: {description: Vennewijk, point: {lat: 52.0, lon: 5.1}}
`

func TestCheckTakesRegistrationFromGit(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	commit := func(file, text, date string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := wt.Add(file); err != nil {
			t.Fatal(err)
		}
		when, _ := time.Parse(time.RFC3339, date)
		sig := &object.Signature{Name: "Steward", Email: "register@voorbeeldstad.example", When: when}
		if _, err := wt.Commit("add "+file, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			t.Fatal(err)
		}
	}
	commit("register/register.yaml", checkConfig, "2025-01-01T10:00:00+01:00")
	commit("register/sensors/lucht-vennewijk.yaml", airSensor, "2026-06-01T10:00:00+02:00")

	out, errOut, code := run(t, "check", "--root", filepath.Join(dir, "register"))
	if code != 0 {
		t.Fatalf("exit %d:\n%s\n%s", code, out, errOut)
	}
	want := "sensors/lucht-vennewijk.yaml:20:10: warning: the sensor was registered on 2026-06-01 (its first commit), 2 days before it started on 2026-06-03; the notice period is P5D (notice-period)"
	if !strings.Contains(out, want) {
		t.Errorf("stdout lacks %q:\n%s", want, out)
	}
	// The same register outside Git: the rule says it could not check.
	root := writeRegister(t, map[string]string{"register.yaml": checkConfig, "sensors/lucht-vennewijk.yaml": airSensor})
	out, _, code = run(t, "check", "--root", root)
	want = "sensors/lucht-vennewijk.yaml:1:1: info: the duty to report was not checked: the record has no registered_on and the register is not in Git (notice-period)"
	if code != 0 || !strings.Contains(out, want) {
		t.Errorf("exit %d; stdout lacks %q:\n%s", code, want, out)
	}
}

// Code scanning shows a rule's full description with each alert and links
// its help: the rule's entry on the register's own site when it has one.
func TestCheckSARIFDescribesRules(t *testing.T) {
	face := strings.Replace(checkCamera, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, face_recognition]", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": face,
		"register.yaml": publishedConfig})
	out, stderr, code := run(t, "check", "--root", root, "--format", "sarif")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID              string
						FullDescription struct{ Text string } `json:"fullDescription"`
						HelpURI         string                `json:"helpUri"`
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if r.FullDescription.Text == "" || r.HelpURI == "" {
			t.Errorf("rule %s lacks a full description or help URI", r.ID)
		}
		if r.ID == "biometric-ban" {
			found = true
			if r.HelpURI != "https://register.voorbeeldstad.example/principes.html#rule-biometric-ban" || len(r.FullDescription.Text) < 40 {
				t.Errorf("biometric-ban: %+v", r)
			}
		}
	}
	if !found || log.Runs[0].Tool.Driver.Version != "test" {
		t.Errorf("rules %+v, version %q", log.Runs[0].Tool.Driver.Rules, log.Runs[0].Tool.Driver.Version)
	}
}

// The command line speaks the register's language: --lang, else the first of
// register.yaml's languages, else the environment's, else English; every
// finding in Dutch where it has Dutch, and the summary too.
func TestCheckSpeaksTheRegistersLanguage(t *testing.T) {
	face := strings.Replace(checkCamera, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, face_recognition]", 1)
	tests := []struct {
		name, config, lang, env string
		dutch                   bool
	}{
		{"English by default", checkConfig, "", "", false},
		{"--lang nl", checkConfig, "nl", "", true},
		{"register.yaml's first language", checkConfig + "languages: [nl, en]\n", "", "", true},
		{"--lang over register.yaml", checkConfig + "languages: [nl, en]\n", "en", "", false},
		{"the environment when register.yaml names none", checkConfig, "", "nl_NL.UTF-8", true},
		{"register.yaml over the environment", checkConfig + "languages: [en, nl]\n", "", "nl_NL.UTF-8", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.env)
			root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": face, "register.yaml": tt.config})
			args := []string{"check", "--root", root}
			if tt.lang != "" {
				args = append(args, "--lang", tt.lang)
			}
			out, stderr, code := run(t, args...)
			if code != 1 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			dutch := strings.Contains(out, "\n1 registratie, 2 fouten") && strings.Contains(out, "biometrische surveillance")
			english := strings.Contains(out, "\n1 record, 2 errors") && strings.Contains(out, "biometric surveillance")
			if dutch != tt.dutch || english == tt.dutch {
				t.Errorf("dutch %v, english %v, want dutch %v:\n%s", dutch, english, tt.dutch, out)
			}
			if !strings.Contains(out, ": error: ") || !strings.Contains(out, "(biometric-ban)") {
				t.Errorf("severity or rule id translated, which breaks problem matchers:\n%s", out)
			}
		})
	}
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera})
	if _, stderr, code := run(t, "check", "--root", root, "--lang", "fr"); code != 2 || !strings.Contains(stderr, "use nl or en") {
		t.Errorf("--lang fr: exit %d, %q", code, stderr)
	}
}

// TestRunCheckWithoutCobra calls the command's run function with options a
// test fills in, as the command shape allows, and the runF seam shows what
// the command line parses into those options.
func TestRunCheckWithoutCobra(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
	face := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": strings.Replace(checkCamera, "live_viewing", "face_recognition", 1)})
	tests := []struct {
		name    string
		root    string
		opts    checkOptions
		wantErr error
		want    string
	}{
		{name: "clean", root: root, opts: checkOptions{format: "text", failOn: "error", asOf: asOf("2026-11-24")}, want: "no problems found"},
		{name: "findings fail", root: face, opts: checkOptions{format: "json", failOn: "error", asOf: asOf("2026-11-24")}, wantErr: errFindings, want: `"rule": "biometric-ban"`},
		{name: "unknown format", root: root, opts: checkOptions{format: "xml", failOn: "error"}, wantErr: usageError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			o := tt.opts
			o.App = &App{Out: &out, Err: io.Discard, Now: time.Now, root: tt.root}
			err := runCheck(&o)
			var ue usageError
			switch {
			case tt.wantErr == nil && err != nil,
				errors.Is(tt.wantErr, errFindings) && !errors.Is(err, errFindings),
				tt.wantErr == usageError{} && !errors.As(err, &ue):
				t.Fatalf("runCheck = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out.String())
			}
		})
	}

	var got *checkOptions
	cmd := newCheckCmd(&App{}, func(o *checkOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--format", "sarif", "--fail-on", "warning", "sensors/a.yaml"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.format != "sarif" || got.failOn != "warning" || !slices.Equal(got.files, []string{"sensors/a.yaml"}) {
		t.Errorf("parsed %+v", *got)
	}
}

// --as-of takes a date from 1900 to 2200, for every command that has it:
// 0001-01-01 is refused rather than taken for "no checklist" (the zero
// date once was), and --as-of "" rather than taken for today.
func TestAsOfOutsideItsRangeIsRefused(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera})
	for _, cmd := range [][]string{{"check"}, {"due"}, {"quality"}, {"packet"}, {"build", "--out", filepath.Join(t.TempDir(), "site")}} {
		for _, date := range []string{"0001-01-01", "3000-01-01", ""} {
			out, errOut, code := run(t, append(cmd, "--root", root, "--as-of", date)...)
			if code != ExitError || out != "" || !strings.Contains(errOut, "--as-of") || !strings.Contains(errOut, "register --help") {
				t.Errorf("%v --as-of %q: exit %d\nstdout: %s\nstderr: %s", cmd, date, code, out, errOut)
			}
		}
	}
	for _, date := range []string{"1900-01-01", "2200-12-31"} {
		if out, errOut, code := run(t, "check", "--root", root, "--as-of", date, "--fail-on", "none"); code != ExitOK {
			t.Errorf("check --as-of %s: exit %d\n%s%s", date, code, out, errOut)
		}
	}
}

// explain says what the law keeps of a rule a setting lowers as the
// checklist has it: every severity the law gives its legal findings, not
// the rule's default alone (a claim the register cannot check stays a
// warning; a correction term past the law is an error though the rule's
// default is a warning).
func TestExplainSaysTheSeveritiesTheLawGives(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/.keep": "", "register.yaml": `rules:
  legal-basis: {severity: info, reason: x}
  biometric-ban: {severity: info, reason: x}
  breach-reported: {severity: info, reason: x}
  correction-route: {severity: info, reason: x}
  ai-act-literacy: {severity: info, reason: x}
`})
	for _, tt := range []struct{ rule, en, nl string }{
		{"legal-basis", "it is law and stays as the law has it, at error or warning", "blijft het zoals de wet het geeft, als error of warning"},
		{"biometric-ban", "it is law and stays as the law has it, at error or warning", "als error of warning"},
		{"breach-reported", "the rule keeps reporting as the law has it, at error or warning", "de regel blijft melden zoals de wet het geeft, als error of warning"},
		{"correction-route", "it is law and stays as the law has it, at error", "blijft het zoals de wet het geeft, als error"},
		{"ai-act-literacy", "the rule keeps reporting as the law has it, at warning", "als warning"},
	} {
		for lang, want := range map[string]string{"en": tt.en, "nl": tt.nl} {
			out, _, code := run(t, "explain", "--lang", lang, "--root", root, tt.rule)
			if got := strings.Join(strings.Fields(out), " "); code != 0 || !strings.Contains(got, want) {
				t.Errorf("explain --lang %s %s: exit %d, lacks %q:\n%s", lang, tt.rule, code, want, out)
			}
		}
	}
}

// explain says what an exception does to a legal duty as the checklist
// does it: refused, unless the law gives the exception itself, and a
// setting that would lower a legal warning is told it stays a warning.
func TestExplainLegalDutyAndExceptions(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": "rules: {ai-act-literacy: info}\n", "sensors/.keep": ""})
	for _, tt := range []struct{ rule, want string }{
		{"ai-act-literacy", "and no exception on a record lowers it (exception-refused)"},
		{"biometric-ban", "only the exception the law itself allows"},
		{"breach-reported", "no exception counts: the law's own way out"},
	} {
		out, _, code := run(t, "explain", "--lang", "en", "--root", root, tt.rule)
		if code != 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), tt.want) {
			t.Errorf("explain %s: exit %d, lacks %q:\n%s", tt.rule, code, tt.want, out)
		}
	}
	out, errOut, _ := run(t, "check", "--lang", "en", "--root", root)
	if !strings.Contains(strings.Join(strings.Fields(out+errOut), " "), "the setting has no effect and the rule keeps reporting it as a warning") {
		t.Errorf("check does not say the legal warning stays one:\n%s%s", out, errOut)
	}
}
