package principle

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

// auditAsOf is the date of the auditor's runs.
const auditAsOf = "2026-12-07"

// bundled reads a record of the bundled register.
func bundled(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "register", filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// bundledConfig is the bundled register's configuration.
func bundledConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, _, err := config.Load(filepath.Join("..", "..", "register"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// edit applies replacements to a record's text, failing when one does not
// match, so a change to the bundled record cannot empty a test.
func edit(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q not in the record", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// checkAllRules runs the whole checklist on the records as of the day, as
// `check` does, and returns the findings, positioned and sorted.
func checkAllRules(t *testing.T, cfg *config.Config, today string, texts ...string) []finding.Finding {
	t.Helper()
	fx := newFixture(t, cfg, texts...)
	fs := Run(fx.reg, Options{Today: day(today)})
	fx.locate(fs)
	finding.Sort(fs)
	return fs
}

// brief is a finding as the tests below compare it: rule, severity, path
// and message.
type brief struct {
	rule string
	sev  finding.Severity
	path string
	msg  string // part of the English message
}

// has reports whether a finding matches b.
func (b brief) in(fs []finding.Finding) bool {
	return slices.ContainsFunc(fs, func(f finding.Finding) bool {
		return f.Rule == b.rule && f.Severity == b.sev && (b.path == "" || f.Path == b.path) && strings.Contains(f.Message.In("en"), b.msg)
	})
}

// errorsOf lists the error findings' rules, for messages.
func errorsOf(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == finding.Error {
			out = append(out, f.Rule+" "+f.Path+": "+f.Message.In("en"))
		}
	}
	return out
}

const (
	camFile     = "sensors/cam-uitgaansgebied-grote-markt.yaml"
	camDecision = `decisions:
  - body: council
    kind: mandate
    date: 2024-11-07
    reference: https://raad.voorbeeldstad.example/besluiten/2024-118-apv-artikel-2-77
  - body: mayor
    kind: authorisation
    date: 2025-06-12
    reference: https://www.voorbeeldstad.example/bekendmakingen/2025-cameratoezicht-grote-markt
`
)

// TestStatusEscape holds a record whose own dates show it in use to every
// rule, whatever its status label says, and reports the contradiction: the
// auditor's scenarios on the bundled public-order camera, as of 2026-12-07.
func TestStatusEscape(t *testing.T) {
	cfg := bundledConfig(t)
	cam := bundled(t, camFile)
	noDecisions := func(s string) string { return edit(t, s, camDecision, "") }
	status := func(to string) func(string) string {
		return func(s string) string { return edit(t, s, "status: active", "status: "+to) }
	}
	future := func(s string) string {
		// Not started: start, evaluation and sharing all still to come.
		s = edit(t, s, "  start: 2025-07-01\n  end: 2027-06-30", "  start: 2027-03-01\n  end: 2028-02-29",
			"  last: 2026-01-15\n", "",
			"    start: 2025-07-01\n    end: 2027-06-30", "    start: 2027-03-01\n    end: 2028-02-29")
		return s
	}
	dpia := func(s string) string {
		return edit(t, s, "dpia:\n  status: done\n  date: 2025-04-22\n  url: https://www.voorbeeldstad.example/privacy/dpia-cameratoezicht-grote-markt.pdf\n  public: true\n",
			"dpia: {status: not_done}\n")
	}
	statusFinding := brief{"lifecycle-ended", finding.Error, "/status", "the status is planned, but the record's own dates show it in use: it started on 2025-07-01 (lifecycle.start), it was evaluated on 2026-01-15 (evaluation.last) and it shares data with Politie, basisteam Voorbeeldstad since 2025-07-01"}
	biometric := func(s string) string {
		return edit(t, s, "capabilities:\n  - video_recording\n", "capabilities:\n  - video_recording\n  - realtime_biometric_identification\n", "retention: P28D\ndata_rights", "retention: P1Y\ndata_rights")
	}
	council := brief{"camera-decision", finding.Error, "", "needs the council's bylaw"}
	mayor := brief{"camera-decision", finding.Error, "", "needs the mayor's decision"}
	decided := brief{"decision-recorded", finding.Error, "", "lists no decision to deploy it"}
	cases := []struct {
		name    string
		today   string
		edits   []func(string) string
		want    []brief
		notWant []brief
		errors  int // -1: not counted
	}{
		{name: "active without decisions", edits: []func(string) string{noDecisions},
			want: []brief{council, mayor, {"decision-recorded", finding.Error, "", "the record is active but lists no decision"}}, errors: 3},
		{name: "planned without decisions while running (the auditor's)", edits: []func(string) string{status("planned"), noDecisions},
			want: []brief{council, mayor, statusFinding,
				{"decision-recorded", finding.Error, "", "the record is in use by its own dates (its status says planned) but lists no decision"}}, errors: 4},
		{name: "in development without decisions while running", edits: []func(string) string{status("in_development"), noDecisions},
			want: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "/status", "the status is in_development, but"}}, errors: 4},
		{name: "planned, with decisions, while running: only the contradiction", edits: []func(string) string{status("planned")},
			want: []brief{statusFinding}, errors: 1},
		{name: "planned with the DPIA not done while running (the auditor's)", edits: []func(string) string{status("planned"), dpia},
			want:    []brief{statusFinding, {"dpia-required", finding.Error, "/dpia/status", "the DPIA is not_done, while the record processes personal data and the record is in use by its own dates (its status says planned)"}},
			notWant: []brief{{"dpia-required", finding.Warning, "", ""}}, errors: 2},
		{name: "planned to start on the day of the run: in use", today: "2027-03-01", edits: []func(string) string{status("planned"), noDecisions, future},
			want: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "/status", "the status is planned, but the record's own dates show it in use: it started on 2027-03-01 (lifecycle.start); the register"}}, errors: -1},
		{name: "planned to start in the future: still planned", edits: []func(string) string{status("planned"), noDecisions, future, dpia},
			want:    []brief{{"dpia-required", finding.Warning, "/dpia/status", "the DPIA is not_done"}},
			notWant: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "", ""}}, errors: 0},
		{name: "planned, future start, but evaluated already", edits: []func(string) string{status("planned"), noDecisions, future, func(s string) string {
			return edit(t, s, "evaluation:\n  interval: P1Y\n", "evaluation:\n  interval: P1Y\n  last: 2026-06-01\n")
		}},
			want: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "/status", "the status is planned, but the record's own dates show it in use: it was evaluated on 2026-06-01 (evaluation.last)"}}, errors: -1},
		{name: "planned, future start, but a breach discovered", edits: []func(string) string{status("planned"), noDecisions, future, func(s string) string {
			return s + "incidents:\n  - {type: data_breach, discovered: \"2026-05-03T09:10:00+02:00\", reported: \"2026-05-04T16:00:00+02:00\", summary: Lek.}\n"
		}},
			want: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "/status", "it had an incident (data_breach) discovered on 2026-05-03"}}, errors: -1},
		{name: "planned, started and ended: retire it", edits: []func(string) string{status("planned"), func(s string) string {
			return edit(t, s, "  end: 2027-06-30\n  extension_criteria", "  end: 2026-06-30\n  extension_criteria")
		}},
			want: []brief{{"lifecycle-ended", finding.Error, "/status", "the status is planned, but"},
				{"lifecycle-ended", finding.Error, "/lifecycle/end", "the public-order cameras are in use by their own dates, but the term the mayor decided on ended on 2026-06-30"}}, errors: -1},
		// A retired label counts only where the dates agree: an end that
		// has come, and no use after it. Else every rule holds the record
		// as in use.
		{name: "retired, but its end still to come (the reviewer's)", edits: []func(string) string{status("retired"), noDecisions, biometric},
			want: []brief{council, mayor, {"decision-recorded", finding.Error, "", "lists no decision"},
				{"biometric-ban", finding.Error, "/capabilities/1", "realtime_biometric_identification"},
				{"camera-retention", finding.Error, "/retention", ""},
				{"lifecycle-ended", finding.Error, "/status", "the status is retired, but its life cycle ends on 2027-06-30, after today"}}, errors: -1},
		{name: "retired, but used after its end (the reviewer's)", edits: []func(string) string{status("retired"), biometric, func(s string) string {
			return edit(t, s, "  end: 2027-06-30\n  extension_criteria", "  end: 2025-08-01\n  extension_criteria",
				"  last: 2026-01-15\n", "  last: 2026-11-15\n", "    start: 2025-07-01\n", "    start: 2026-11-01\n")
		}},
			want: []brief{{"biometric-ban", finding.Error, "/capabilities/1", "realtime_biometric_identification"},
				{"lifecycle-ended", finding.Error, "/status", "the status is retired with its life cycle ended on 2025-08-01, but the record's own dates show it in use after that: it shares data with Politie, basisteam Voorbeeldstad since 2026-11-01; the register"},
				{"lifecycle-ended", finding.Error, "/lifecycle/end", "the public-order cameras are in use by their own dates, but the term the mayor decided on ended on 2025-08-01"}}, errors: -1},
		{name: "retired without an end: the label stands, the date is asked", edits: []func(string) string{status("retired"), noDecisions, func(s string) string {
			return edit(t, s, "  end: 2027-06-30\n", "")
		}},
			want:    []brief{{"lifecycle-end", finding.Warning, "/lifecycle", "the record is retired but its life cycle has no end date"}},
			notWant: []brief{council, mayor, decided}, errors: 0},
		// Retired, the camera no longer records, but images it made are
		// held to the four weeks while they may still be kept: here a year.
		{name: "retired on the day its end has come, nothing later: exempt", today: "2027-06-30", edits: []func(string) string{status("retired"), noDecisions, biometric},
			want:    []brief{{"camera-retention", finding.Error, "/retention", "kept for P1Y"}},
			notWant: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "", ""}, {"biometric-ban", finding.Error, "", ""}}, errors: 1},
		{name: "retired after its end, nothing later: exempt", edits: []func(string) string{status("retired"), noDecisions, biometric, func(s string) string {
			return edit(t, s, "  end: 2027-06-30\n  extension_criteria", "  end: 2026-06-30\n  extension_criteria")
		}},
			want:    []brief{{"camera-retention", finding.Error, "/retention", "kept for P1Y"}},
			notWant: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "", ""}, {"biometric-ban", finding.Error, "", ""}}, errors: 1},
		{name: "retired long after its end, its images destroyed: exempt", today: "2028-07-01", edits: []func(string) string{status("retired"), noDecisions, biometric, func(s string) string {
			return edit(t, s, "  end: 2027-06-30\n  extension_criteria", "  end: 2026-06-30\n  extension_criteria")
		}},
			notWant: []brief{council, mayor, decided, {"lifecycle-ended", finding.Error, "", ""}, {"biometric-ban", finding.Error, "", ""}, {"camera-retention", finding.Error, "", ""}}, errors: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := cam
			for _, e := range c.edits {
				text = e(text)
			}
			today := c.today
			if today == "" {
				today = auditAsOf
			}
			fs := checkAllRules(t, cfg, today, text)
			for _, w := range c.want {
				if !w.in(fs) {
					t.Errorf("missing %s %s %s %q; errors: %q", w.rule, w.sev, w.path, w.msg, errorsOf(fs))
				}
			}
			for _, w := range c.notWant {
				if w.in(fs) {
					t.Errorf("unwanted %s %s %q; errors: %q", w.rule, w.sev, w.msg, errorsOf(fs))
				}
			}
			if n := len(errorsOf(fs)); c.errors >= 0 && n != c.errors {
				t.Errorf("got %d errors, want %d: %q", n, c.errors, errorsOf(fs))
			}
		})
	}
}

// TestStatusEscapeRules checks the other rules that went by the status
// label: the duty to report, sharing past its end, the security audit,
// the evaluation and an algorithm's decision.
func TestStatusEscapeRules(t *testing.T) {
	cases := []struct {
		name string
		rule string
		yaml string
		want []want
	}{
		{"an algorithm in development since last year", "decision-recorded", `
id: a
kind: algorithm
status: in_development
organisation: {type: municipality}
lifecycle: {start: 2025-03-01}
`, []want{{"decision-recorded", "VNG I", finding.Error, 1, 1, "the record is in use by its own dates (its status says in_development) but lists no decision"}}},
		{"an algorithm in development to start next year", "decision-recorded", `
id: a
kind: algorithm
status: in_development
organisation: {type: municipality}
lifecycle: {start: 2027-03-01}
`, nil},
		{"a planned sensor evaluated, without a start", "notice-period", `
id: s
kind: sensor
status: planned
organisation: {type: municipality}
evaluation: {last: 2026-01-10}
`, []want{{"notice-period", "C-sensor-register", finding.Warning, 1, 1, "the sensor is in use, but whether it was reported in time cannot be checked"}}},
		{"a planned sensor sharing past the agreement's end", "sharing-temporary", `
id: s
kind: sensor
status: planned
lifecycle: {start: 2025-01-01}
data_sharing:
  - {party: Provincie, start: 2025-01-01, end: 2026-01-01, retention: P1Y, onward_sharing: false}
`, []want{{"sharing-temporary", "C-sharing-temporary", finding.Warning, 6, 48, "the data-sharing agreement with Provincie ended on 2026-01-01"}}},
		{"a planned sensor with personal data running without an audit", "security-audit", `
id: s
kind: sensor
status: planned
personal_data: {processed: yes}
lifecycle: {start: 2025-01-01}
`, []want{{"security-audit", "VNG 7.7", finding.Warning, 1, 1, "no security audit is recorded for a record in use"}}},
		{"a retired sensor sharing data since after its end, without an audit", "security-audit", `
id: s
kind: sensor
status: retired
personal_data: {processed: yes}
lifecycle: {start: 2024-01-01, end: 2025-01-01}
data_sharing:
  - {party: Provincie, start: 2026-01-01}
`, []want{{"security-audit", "VNG 7.7", finding.Warning, 1, 1, "no security audit is recorded for a record in use"}}},
		{"a retired algorithm sharing data since after its end, without a decision", "decision-recorded", `
id: a
kind: algorithm
status: retired
organisation: {type: municipality}
lifecycle: {start: 2024-01-01, end: 2025-01-01}
data_sharing:
  - {party: Provincie, start: 2026-01-01}
`, []want{{"decision-recorded", "VNG I", finding.Error, 1, 1, "the record is in use by its own dates after its life cycle ended on 2025-01-01 (its status says retired) but lists no decision"}}},
		{"a retired sensor, its end come, without an audit", "security-audit", `
id: s
kind: sensor
status: retired
personal_data: {processed: yes}
lifecycle: {start: 2024-01-01, end: 2025-01-01}
`, nil},
		{"a planned sensor running past its evaluation", "evaluation-lapsed", `
id: s
kind: sensor
status: planned
evaluation: {interval: P1Y}
lifecycle: {start: 2025-01-01}
`, []want{{"evaluation-lapsed", "VNG III", finding.Warning, 4, 1, "the evaluation was due on 2026-01-01 (P1Y after its start on 2025-01-01)"}}},
		{"a planned sensor still to start: no evaluation due", "evaluation-lapsed", `
id: s
kind: sensor
status: planned
evaluation: {interval: P1Y}
lifecycle: {start: 2027-01-01}
`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := only(t, c.rule, nil, nil, auditAsOf, strings.TrimLeft(c.yaml, "\n"))
			var got []finding.Finding
			for _, f := range fs {
				if f.Rule == c.rule {
					got = append(got, f)
				}
			}
			match(t, got, c.want)
		})
	}
}

// TestRetiredInUseUntilEndSaysSo: the camera labelled retired whose life
// cycle ends after today is judged as in use until then, but a message
// says what the record says, its status retired and the day its life
// cycle runs to, not a status active it never had.
func TestRetiredInUseUntilEndSaysSo(t *testing.T) {
	cfg := bundledConfig(t)
	text := edit(t, bundled(t, camFile), "status: active", "status: retired", camDecision, "",
		"dpia:\n  status: done\n  date: 2025-04-22\n", "dpia:\n  status: in_progress\n  date: 2025-04-22\n")
	fs := checkAllRules(t, cfg, auditAsOf, text)
	for _, id := range []string{"decision-recorded", "dpia-required"} {
		var found bool
		for _, f := range fs {
			if f.Rule != id {
				continue
			}
			found = true
			en, nl := f.Message.In("en"), f.Message.In("nl")
			if containsInOrder(en, "active") || containsInOrder(nl, "active") || containsInOrder(nl, "'in gebruik'") {
				t.Errorf("%s gives the record a status it does not have:\n%s\n%s", id, en, nl)
			}
			if !containsInOrder(en, "in use by its life cycle (its status says retired, but its life cycle runs until 2027-06-30)") ||
				!containsInOrder(nl, "de looptijd is de toepassing tot 30 juni 2027 in gebruik (de status zegt 'buiten gebruik' (retired))") {
				t.Errorf("%s does not say the record is retired but counts as in use until its end:\n%s\n%s", id, en, nl)
			}
		}
		if !found {
			t.Errorf("no finding of %s: %q", id, errorsOf(fs))
		}
	}
}

// TestRetiredPastEndHelp: a record labelled retired whose dates show it in
// use after its end is told what to do from there. Its status already says
// retired, so the help asks for the extension decision or dates that hold,
// not for a status it has.
func TestRetiredPastEndHelp(t *testing.T) {
	cfg := bundledConfig(t)
	pastEnd := func(s string) string {
		return edit(t, s, "status: active", "status: retired",
			"  end: 2027-06-30\n  extension_criteria", "  end: 2025-08-01\n  extension_criteria",
			"    start: 2025-07-01\n", "    start: 2026-11-01\n")
	}
	cases := []struct {
		name, text string
	}{
		{"a public-order camera", pastEnd(bundled(t, camFile))},
		{"an algorithm", edit(t, bundled(t, "algorithms/leerlingenvervoer.yaml"), "status: active", "status: retired",
			"  end: 2027-07-31\n", "  end: 2025-08-01\n", "    start: 2025-08-01\n", "    start: 2026-11-01\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var found bool
			for _, f := range checkAllRules(t, cfg, auditAsOf, c.text) {
				if f.Rule != "lifecycle-ended" || f.Path != "/lifecycle/end" {
					continue
				}
				found = true
				for _, lang := range []string{"en", "nl"} {
					help := f.Help.In(lang)
					if containsInOrder(help, "status: retired") {
						t.Errorf("the help (%s) asks for the status the record has: %s", lang, help)
					}
					if !containsInOrder(help, "status: active") || !containsInOrder(help, "lifecycle.end") {
						t.Errorf("the help (%s) does not say to set status: active with the extension, or to correct the end: %s", lang, help)
					}
				}
			}
			if !found {
				t.Fatal("no lifecycle-ended finding at /lifecycle/end")
			}
		})
	}
}
