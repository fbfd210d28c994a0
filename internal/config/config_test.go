package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestDefaultsWithoutAFile(t *testing.T) {
	c, fs, err := Load(t.TempDir())
	if err != nil || len(fs) != 0 {
		t.Fatalf("Load: %v %v", err, fs)
	}
	checks := map[string]string{
		"default interval":             c.Evaluation.DefaultInterval.String(),
		"public-order camera interval": c.IntervalFor("sensor", "camera", "public_order").String(),
		"traffic camera interval":      c.IntervalFor("sensor", "camera", "traffic_management").String(),
		"anpr interval":                c.IntervalFor("sensor", "anpr_camera", "enforcement").String(),
		"noise interval":               c.IntervalFor("sensor", "noise", "").String(),
		"public-order camera setting":  c.IntervalKey("sensor", "camera", "public_order"),
		"noise setting":                c.IntervalKey("sensor", "noise", ""),
		"high-risk from":               c.AIAct.HighRiskFrom,
		"annex I from":                 c.AIAct.AnnexIFrom,
		"due within":                   c.DueWithin.String(),
		"sharing max":                  c.Limits.DataSharingMax.String(),
		"camera max":                   c.Limits.CameraLifecycleMax.String(),
		"exception max":                c.Limits.ExceptionMax.String(),
		"audit max":                    c.Limits.SecurityAuditMax.String(),
		"notice":                       c.Notice.Period.String(),
		"language":                     c.Language(),
		"title":                        c.Site.Title,
	}
	want := map[string]string{
		"default interval": "P4Y", "public-order camera interval": "P1Y", "traffic camera interval": "P4Y",
		"anpr interval": "P4Y", "noise interval": "P4Y",
		"public-order camera setting": "evaluation.intervals.public_order", "noise setting": "evaluation.default_interval", "high-risk from": "2027-12-02", "annex I from": "2028-08-02",
		"due within": "P90D", "sharing max": "P3Y", "camera max": "P2Y", "exception max": "P1Y",
		"audit max": "P3Y", "notice": "P5D", "language": "nl", "title": "Sensor- en algoritmeregister",
	}
	for k, w := range want {
		if checks[k] != w {
			t.Errorf("%s = %q, want %q", k, checks[k], w)
		}
	}
	if c.Site.TilesURL != "" {
		t.Error("a tile server is configured by default: the site would call another host")
	}
	// The default source of the AI Act's dates is said in Dutch too; a
	// source the register wrote is its own words.
	if nl, en := c.AIAct.SourceIn("nl"), c.AIAct.SourceIn("en"); !strings.Contains(nl, "politiek akkoord") || !strings.Contains(en, "political agreement") {
		t.Errorf("the default source reads %q and %q", nl, en)
	}
	own := AIAct{Source: "Besluit van de raad"}
	if own.SourceIn("en") != "Besluit van de raad" {
		t.Error("a source the register wrote is translated")
	}
}

// TestTheSourceOfAnAIActDateFitsTheDate: the source shown with a date is
// the Digital Omnibus only for the date the Omnibus set; a date the
// municipality set without a source is its own setting, and a source it
// wrote is shown as written.
func TestTheSourceOfAnAIActDateFitsTheDate(t *testing.T) {
	for _, tt := range []struct {
		name    string
		a       AIAct
		key     string
		en, nl  string
		omnibus bool
	}{
		{"the law's Annex III date", AIAct{HighRiskFrom: LawHighRiskFrom, AnnexIFrom: LawAnnexIFrom, Source: aiActSource}, "ai_act.high_risk_from", "Digital Omnibus on AI", "Digital Omnibus over AI", true},
		{"the law's Annex I date", AIAct{HighRiskFrom: "2028-06-01", AnnexIFrom: LawAnnexIFrom, Source: aiActSource}, "ai_act.annex_i_from", "Digital Omnibus on AI", "Digital Omnibus over AI", true},
		{"a later date without a source", AIAct{HighRiskFrom: "2028-06-01", AnnexIFrom: LawAnnexIFrom, Source: aiActSource}, "ai_act.high_risk_from",
			"the municipality's own setting (ai_act.high_risk_from in register.yaml), without a source; the law says 2027-12-02",
			"instelling van de gemeente (ai_act.high_risk_from in register.yaml), zonder bron; de wet zegt 2 december 2027", false},
		{"an earlier Annex I date without a source", AIAct{HighRiskFrom: LawHighRiskFrom, AnnexIFrom: "2027-01-01", Source: aiActSource}, "ai_act.annex_i_from",
			"the municipality's own setting (ai_act.annex_i_from in register.yaml), without a source; the law says 2028-08-02",
			"instelling van de gemeente (ai_act.annex_i_from in register.yaml), zonder bron; de wet zegt 2 augustus 2028", false},
		{"a date with the register's own source", AIAct{HighRiskFrom: "2028-06-01", AnnexIFrom: LawAnnexIFrom, Source: "Raadsbesluit 2027-14"}, "ai_act.high_risk_from", "Raadsbesluit 2027-14", "Raadsbesluit 2027-14", false},
	} {
		en, nl := tt.a.SourceOf(tt.key, "en"), tt.a.SourceOf(tt.key, "nl")
		if !strings.Contains(en, tt.en) || !strings.Contains(nl, tt.nl) || !tt.omnibus && strings.Contains(en+nl, "Omnibus") {
			t.Errorf("%s: %q / %q, want %q / %q", tt.name, en, nl, tt.en, tt.nl)
		}
	}
}

// TestCommitSubjectsFailClosed: commit subjects are written for colleagues,
// so public outputs show them only when register.yaml says so.
func TestCommitSubjectsFailClosed(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       bool
	}{
		{"no file", "", false},
		{"other site settings", "site:\n  show_commit_authors: true\n", false},
		{"off", "site:\n  show_commit_subjects: false\n", false},
		{"on", "site:\n  show_commit_subjects: true\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, tc.file))
			if err != nil || len(fs) != 0 {
				t.Fatalf("Load: %v %v", err, fs)
			}
			if c.Site.ShowCommitSubjects != tc.want {
				t.Errorf("ShowCommitSubjects = %v, want %v", c.Site.ShowCommitSubjects, tc.want)
			}
		})
	}
}

func TestFileOverridesDefaults(t *testing.T) {
	dir := writeConfig(t, `organisation: Gemeente Voorbeeldstad
languages: [en, nl]
rules:
  security-audit: "off"
  signage: error
evaluation:
  default_interval: P2Y
  intervals: {algorithm: P1Y, drone: P6M}
limits:
  data_sharing_max: P1Y
supplier_watch:
  - {manufacturer: Acme Vision, source: "a public list"}
`)
	c, fs, err := Load(dir)
	if err != nil || len(fs) != 0 {
		t.Fatalf("Load: %v %v", err, fs)
	}
	if c.Organisation != "Gemeente Voorbeeldstad" || c.Language() != "en" {
		t.Errorf("organisation %q language %q", c.Organisation, c.Language())
	}
	if got := c.Severity("security-audit", finding.Warning); got != finding.Off {
		t.Errorf("security-audit severity %v, want off", got)
	}
	if got := c.Severity("signage", finding.Warning); got != finding.Error {
		t.Errorf("signage severity %v, want error", got)
	}
	if got := c.Severity("minimisation", finding.Warning); got != finding.Warning {
		t.Errorf("unconfigured rule severity %v, want its default", got)
	}
	if got := c.IntervalFor("algorithm", "", "").String(); got != "P1Y" {
		t.Errorf("algorithm interval %s", got)
	}
	if got := c.IntervalFor("sensor", "drone", "").String(); got != "P6M" {
		t.Errorf("drone interval %s", got)
	}
	if got := c.IntervalFor("sensor", "camera", "").String(); got != "P2Y" {
		t.Errorf("camera interval %s, want the default_interval", got)
	}
	// The file's intervals add to the default ones: setting drones' keeps
	// public-order cameras yearly.
	if got := c.IntervalFor("sensor", "camera", "public_order").String(); got != "P1Y" {
		t.Errorf("public-order camera interval %s: the file's intervals dropped the default one", got)
	}
	if c.Limits.DataSharingMax.String() != "P1Y" || c.Limits.ExceptionMax.String() != "P1Y" {
		t.Errorf("limits %+v", c.Limits)
	}
	if len(c.SupplierWatch) != 1 || c.SupplierWatch[0].Manufacturer != "Acme Vision" {
		t.Errorf("supplier watch %+v", c.SupplierWatch)
	}
}

func TestEnvironmentOverridesFile(t *testing.T) {
	dir := writeConfig(t, "due_within: P30D\nrules:\n  signage: error\n")
	t.Setenv("REGISTER_DUE_WITHIN", "P14D")
	t.Setenv("REGISTER_RULES_SIGNAGE", "info")
	t.Setenv("REGISTER_RULES_SECURITY_AUDIT", "off")
	t.Setenv("REGISTER_SITE_TITLE", "Register van Dorp")
	c, fs, err := Load(dir)
	if err != nil || len(fs) != 0 {
		t.Fatalf("Load: %v %v", err, fs)
	}
	if c.DueWithin.String() != "P14D" {
		t.Errorf("due_within %s, want the environment's P14D", c.DueWithin)
	}
	if c.Severity("signage", finding.Warning) != finding.Info {
		t.Errorf("signage %v, want info from the environment", c.Severity("signage", finding.Warning))
	}
	if c.Severity("security-audit", finding.Warning) != finding.Off {
		t.Errorf("security-audit %v, want off from the environment", c.Severity("security-audit", finding.Warning))
	}
	if c.Site.Title != "Register van Dorp" {
		t.Errorf("title %q", c.Site.Title)
	}
}

func TestProblemsAreFindingsNotFailures(t *testing.T) {
	dir := writeConfig(t, `limts:
  data_sharing_max: P1Y
site:
  titel: x
due_within: 90 days
rules:
  signage: loud
`)
	c, fs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		line, col int
		sev       finding.Severity
		msg       string
	}
	wants := []want{
		{1, 1, finding.Warning, `unknown setting "limts"`},
		{4, 3, finding.Warning, `unknown setting "site.titel"`},
		{5, 13, finding.Error, "due_within"},
		{7, 12, finding.Error, "rules.signage"},
	}
	if len(fs) != len(wants) {
		t.Fatalf("got %d findings, want %d: %+v", len(fs), len(wants), fs)
	}
	for _, w := range wants {
		found := false
		for _, f := range fs {
			if f.Line == w.line && f.Column == w.col && f.Severity == w.sev && strings.Contains(f.Message.In("en"), w.msg) && f.File == FileName && f.Rule == finding.RuleConfig {
				found = true
			}
		}
		if !found {
			t.Errorf("no finding %+v in %+v", w, fs)
		}
	}
	if c.DueWithin.String() != "P90D" {
		t.Errorf("a bad due_within should leave the default, got %s", c.DueWithin)
	}
}

// Settings reads the same settings as Load, whatever the file's keys and
// the shape of its values, without checking them: the command line's
// language comes from it before a command loads the file whole.
func TestSettingsAreLoadsWithoutTheShapeCheck(t *testing.T) {
	for name, text := range map[string]string{
		"well formed":              "languages: [en, nl]\ndue_within: P30D\n",
		"an unknown key":           "languages: [en]\nlimts: 3\n",
		"a value of another shape": "languages: [en]\norganisation: [1, 2]\nsite: x\n",
		"a bad value":              "languages: [en]\ndue_within: 90 days\n",
		"empty":                    "",
	} {
		dir := writeConfig(t, text)
		loaded, _, err := Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		settings, err := Settings(dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(settings, loaded) {
			t.Errorf("%s: Settings gives %+v, Load %+v", name, settings, loaded)
		}
	}
}

func TestHostileConfigIsAFinding(t *testing.T) {
	for name, text := range map[string]string{
		"syntax":      "site: [\n",
		"duplicate":   "organisation: a\norganisation: b\n",
		"not a map":   "- a\n- b\n",
		"invalid utf": "organisation: \xff\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, text))
			if err != nil {
				t.Fatal(err)
			}
			if c == nil || len(fs) == 0 || fs[0].Severity != finding.Error {
				t.Fatalf("config %v findings %+v", c, fs)
			}
			if c.DueWithin.String() != "P90D" {
				t.Errorf("defaults not in force: %s", c.DueWithin)
			}
		})
	}
}

func TestEmptyFileMeansDefaults(t *testing.T) {
	c, fs, err := Load(writeConfig(t, "# nothing configured yet\n"))
	if err != nil || len(fs) != 0 || c.DueWithin.String() != "P90D" {
		t.Fatalf("%v %v %v", c, fs, err)
	}
}

func TestSymlinkOutOfTheRegisterIsRefused(t *testing.T) {
	outside := writeConfig(t, "organisation: Geheim\n")
	root := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, FileName), filepath.Join(root, FileName)); err != nil {
		t.Skip(err)
	}
	c, _, err := Load(root)
	if err == nil || !strings.Contains(err.Error(), "outside the register") {
		t.Fatalf("err %v, config %+v", err, c)
	}
	// A symlink within the register is fine.
	inside := writeConfig(t, "organisation: Binnen\n")
	if err := os.Rename(filepath.Join(inside, FileName), filepath.Join(inside, "settings.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("settings.yaml", filepath.Join(inside, FileName)); err != nil {
		t.Fatal(err)
	}
	c, _, err = Load(inside)
	if err != nil || c.Organisation != "Binnen" {
		t.Fatalf("err %v, organisation %q", err, c.Organisation)
	}
}

func TestCustomRulesKeepTheirText(t *testing.T) {
	dir := writeConfig(t, `rules_custom:
  - id: drone-review
    when: record.sensor_type == "drone"
    require: false
    severity: warning
    message: Een drone vraagt om toetsing.
`)
	c, fs, err := Load(dir)
	if err != nil || len(fs) != 0 {
		t.Fatalf("%v %v", err, fs)
	}
	if len(c.RulesCustom) != 1 || c.RulesCustom[0].Require != "false" || c.RulesCustom[0].When != `record.sensor_type == "drone"` || c.RulesCustom[0].ID != "drone-review" {
		t.Errorf("%+v", c.RulesCustom)
	}
	if _, fs, _ := Load(writeConfig(t, "rules_custom: [a, b]\n")); len(fs) != 1 || fs[0].Line != 1 {
		t.Errorf("a list of words: %+v", fs)
	}
}

// TestRuleSettingsKeepWhereAndWhy: each rule's setting carries its reason
// and where it was made, so the site can show every deviation with both.
func TestRuleSettingsKeepWhereAndWhy(t *testing.T) {
	dir := writeConfig(t, `rules:
  security-audit: warning
  notice-period:
    severity: off
    reason: Private sensors report through the permit desk.
  signage: {severity: loud}
  minimisation: {reason: forgot the severity}
  dpia-public: {severity: info, because: typo}
`)
	t.Setenv("REGISTER_RULES_SUPPLIER_WATCH", "off")
	t.Setenv("REGISTER_RULES_SUPPLIER_WATCH_REASON", "The region keeps the watch list.")
	t.Setenv("REGISTER_RULES_SELF_LEARNING", "sometimes")
	t.Setenv("REGISTER_RULES_LIFECYCLE_END_REASON", "no severity given")
	c, fs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for id, s := range c.Rules {
		got[id] = s.Severity.String() + " @ " + s.Where() + " | " + s.Reason
	}
	want := map[string]string{
		"security-audit": "warning @ register.yaml:2:3 | ",
		"notice-period":  "off @ register.yaml:3:3 | Private sensors report through the permit desk.",
		"dpia-public":    "info @ register.yaml:8:3 | ",
		"supplier-watch": "off @ REGISTER_RULES_SUPPLIER_WATCH | The region keeps the watch list.",
	}
	if len(got) != len(want) {
		t.Errorf("settings %v, want %v", got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	var problems []string
	for _, f := range fs {
		problems = append(problems, fmt.Sprintf("%s %s %s", f.Position(), f.Severity, f.Message.In("en")))
	}
	wantProblems := []string{
		`register.yaml:8:33 error rules.dpia-public.because is not a setting of a rule`,
		`register.yaml:7:3 error rules.minimisation has no severity`,
		`register.yaml:6:23 error rules.signage: unknown severity "loud": use error, warning, info or off`,
		`REGISTER_RULES_LIFECYCLE_END_REASON warning REGISTER_RULES_LIFECYCLE_END_REASON gives a reason, but REGISTER_RULES_LIFECYCLE_END is not set; the reason is ignored`,
		`REGISTER_RULES_SELF_LEARNING error REGISTER_RULES_SELF_LEARNING: unknown severity "sometimes": use error, warning, info or off`,
	}
	if strings.Join(problems, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(wantProblems, "\n"))
	}
}

func TestCustomRulesCost(t *testing.T) {
	tests := []struct {
		text    string
		want    uint64
		finding string
	}{
		{"", DefaultCustomRulesCost, ""},
		{"limits: {custom_rules_cost: 5000}\n", 5000, ""},
		{"limits: {custom_rules_cost: 2_000_000}\n", 2_000_000, ""},
		{"limits: {custom_rules_cost: veel}\n", DefaultCustomRulesCost, `"veel" is not a positive whole number`},
		{"limits: {custom_rules_cost: 0}\n", DefaultCustomRulesCost, "not a positive whole number"},
		{"limits: {custom_rules_cost: -5}\n", DefaultCustomRulesCost, "not a positive whole number"},
	}
	for _, tt := range tests {
		c, fs, err := Load(writeConfig(t, tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if c.Limits.CustomRulesCost != tt.want {
			t.Errorf("%q: limit %d, want %d", tt.text, c.Limits.CustomRulesCost, tt.want)
		}
		got := ""
		for _, f := range fs {
			got += f.Message.In("en")
		}
		if tt.finding == "" && got != "" || !strings.Contains(got, tt.finding) {
			t.Errorf("%q: findings %q, want %q", tt.text, got, tt.finding)
		}
	}
}

func TestPlainLanguageThresholds(t *testing.T) {
	def := PlainLanguage{MinReadingEase: 20, MaxSentenceWords: 25, MinWords: 15}
	tests := []struct {
		text    string
		want    PlainLanguage
		finding string
	}{
		{"", def, ""},
		{"plain_language: {min_reading_ease: 45.5, max_sentence_words: 20, min_words: 10}\n", PlainLanguage{45.5, 20, 10}, ""},
		{"plain_language: {min_reading_ease: 0}\n", PlainLanguage{0, 25, 15}, ""},
		{"plain_language: {min_reading_ease: hoog}\n", def, `"hoog" is not a number from 0 to 100`},
		{"plain_language: {min_reading_ease: 140}\n", def, "not a number from 0 to 100"},
		{"plain_language: {max_sentence_words: 0}\n", def, "plain_language.max_sentence_words: \"0\" is not a positive whole number"},
		{"plain_language: {min_words: -3}\n", def, "plain_language.min_words: \"-3\" is not a positive whole number"},
		{"plain_language: {max_words: 3}\n", def, `unknown setting "plain_language.max_words"`},
	}
	for _, tt := range tests {
		c, fs, err := Load(writeConfig(t, tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if c.PlainLanguage != tt.want {
			t.Errorf("%q: %+v, want %+v", tt.text, c.PlainLanguage, tt.want)
		}
		got := ""
		for _, f := range fs {
			got += f.Message.In("en")
		}
		if tt.finding == "" && got != "" || !strings.Contains(got, tt.finding) {
			t.Errorf("%q: findings %q, want %q", tt.text, got, tt.finding)
		}
	}
}

// A bad value set by an environment variable is reported at the variable,
// as a bad rule severity is, not at a place in register.yaml that does not
// hold it.
func TestEnvironmentProblemsNameTheVariable(t *testing.T) {
	tests := []struct {
		name, env, value string
		want             string // Position() and message
	}{
		{"duration", "REGISTER_DUE_WITHIN", "soon", `REGISTER_DUE_WITHIN error REGISTER_DUE_WITHIN: "soon" is not an ISO 8601 duration`},
		{"language", "REGISTER_LANGUAGES", "nl fr", `REGISTER_LANGUAGES error REGISTER_LANGUAGES: language "fr" is not available: use nl and en`},
		{"a mapping's entry", "REGISTER_EVALUATION_INTERVALS", `{"camera": "vaak"}`, `REGISTER_EVALUATION_INTERVALS error evaluation.intervals.camera: "vaak" is not an ISO 8601 duration`},
		{"address", "REGISTER_OPEN_DATA_LICENCE", "cc-by", `REGISTER_OPEN_DATA_LICENCE error REGISTER_OPEN_DATA_LICENCE: "cc-by" is not an http or https address`},
		{"severity", "REGISTER_RULES_SIGNAGE", "loud", `REGISTER_RULES_SIGNAGE error REGISTER_RULES_SIGNAGE: unknown severity "loud"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The file sets something else first, so a wrong place in it
			// would show.
			dir := writeConfig(t, "organisation: Gemeente Dorp\ndue_within: P30D\n")
			t.Setenv(tt.env, tt.value)
			_, fs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%s %s %s", f.Position(), f.Severity, f.Message.In("en")))
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Errorf("findings %q, want one starting %q", got, tt.want)
			}
			if len(fs) == 1 && (fs[0].Line != 0 || !strings.Contains(fs[0].Help.In("en"), "environment variable")) {
				t.Errorf("line %d, help %q: want no line and help about the variable", fs[0].Line, fs[0].Help.In("en"))
			}
		})
	}
}

// TestProblemsAreWordedInDutch: every finding about register.yaml and the
// REGISTER_ variables has its message and help in Dutch too, as the
// command line shows them in Dutch.
func TestProblemsAreWordedInDutch(t *testing.T) {
	dir := writeConfig(t, `organisation: Gemeente Dorp
languages: [nl, fr]
due_within: soon
evaluation: {intervals: {camera: vaak}}
open_data: {licence: cc-by}
limits: {custom_rules_cost: veel}
notice: {since: gisteren, new_file_url: "http://x", email: "a, b"}
ai_act: {high_risk_from: later}
plain_language: {min_reading_ease: 300, min_words: nul}
supplier_watch: 3
rules_custom: 3
rules: {signage: loud, minimisation: {reason: x}, dpia-public: {severity: info, because: x}}
colour: blue
`)
	t.Setenv("REGISTER_RULES_SELF_LEARNING", "sometimes")
	t.Setenv("REGISTER_RULES_LIFECYCLE_END_REASON", "x")
	_, fs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 19 {
		t.Errorf("%d findings, want one for each of the 19 problems: %v", len(fs), fs)
	}
	for _, f := range fs {
		nl, en := f.Message.In("nl"), f.Message.In("en")
		if nl == "" || nl == en || f.Help.In("nl") == "" || f.Help.In("nl") == f.Help.In("en") {
			t.Errorf("%s: not in Dutch: %q; %q", f.Position(), nl, f.Help.In("nl"))
		}
	}
}

// A value of the wrong shape is an error at its line and column, as the
// published schema (register schema config) says, not silently read as
// something else or passed over for the default.
func TestValuesOfTheWrongShapeAreErrors(t *testing.T) {
	c, fs, err := Load(writeConfig(t, "organisation: [1,2]\nsite: \"x\"\nlanguages: nl\n"))
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct {
		line, col int
		msg       string
	}{
		{1, 15, "organisation must be text, not a list"},
		{2, 7, "site must be a mapping, not text"},
		{3, 12, "languages"},
	}
	for _, w := range wants {
		found := false
		for _, f := range fs {
			if f.File == FileName && f.Line == w.line && f.Column == w.col && f.Severity == finding.Error &&
				f.Rule == finding.RuleConfig && strings.Contains(f.Message.In("en"), w.msg) && f.Help.In("en") != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no error %+v in %+v", w, fs)
		}
	}
	if c == nil || c.Site.Title == "" {
		t.Errorf("the defaults should stand in: %+v", c)
	}
}

// Keys the settings read in capitals or with dots at the top are theirs to
// warn about, not errors of the schema.
func TestSchemaLeavesKeysToTheSettings(t *testing.T) {
	_, fs, err := Load(writeConfig(t, "Organisation: X\nsite.title: Y\nlimts: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Severity == finding.Error {
			t.Errorf("unexpected error %+v", f)
		}
	}
}

// TestHighRiskDayIsTheSettingOfTheAnnex: a system of Annex III, or of both
// annexes, has the high-risk date; a product of Annex I alone its own; a
// date that does not read gives the law's day for that setting.
func TestHighRiskDayIsTheSettingOfTheAnnex(t *testing.T) {
	set := AIAct{HighRiskFrom: "2028-01-01", AnnexIFrom: "2029-01-01"}
	for _, c := range []struct {
		name              string
		a                 AIAct
		annexI, annexIII  string
		key, date, dayStr string
	}{
		{"Annex III", set, "", "5(b)", "ai_act.high_risk_from", "2028-01-01", "2028-01-01"},
		{"both annexes", set, "machinery", "5(b)", "ai_act.high_risk_from", "2028-01-01", "2028-01-01"},
		{"Annex I alone", set, "machinery", "", "ai_act.annex_i_from", "2029-01-01", "2029-01-01"},
		{"a date that does not read", AIAct{HighRiskFrom: "soon"}, "", "5(b)", "ai_act.high_risk_from", "soon", LawHighRiskFrom},
	} {
		key, date, day := c.a.HighRiskDay(c.annexI, c.annexIII)
		if key != c.key || date != c.date || day.Format("2006-01-02") != c.dayStr {
			t.Errorf("%s: %s %s %s, want %s %s %s", c.name, key, date, day.Format("2006-01-02"), c.key, c.date, c.dayStr)
		}
	}
}

// The evaluation intervals a register sets and the environment sets over
// it merge key by key with the defaults, and a default caps the records it
// concerns: a shorter interval set for a broader key still holds for
// them, a longer one does not lift the default.
func TestEvaluationIntervalsMerge(t *testing.T) {
	const file = "evaluation:\n  default_interval: P4Y\n  intervals: {camera: P6M, drone: P2Y}\n"
	for _, tt := range []struct {
		name           string
		file           string
		env            map[string]string
		publicOrder    string // of a public-order camera
		camera, drone  string
		key, errorText string // IntervalKey of the public-order camera; an error found
	}{
		{"a shorter broader interval holds", file, nil, "P6M", "P6M", "P2Y", "evaluation.intervals.camera", ""},
		{"a longer broader one leaves the default", "evaluation: {intervals: {camera: P2Y}}\n", nil, "P1Y", "P2Y", "P4Y", "evaluation.intervals.public_order", ""},
		{"nothing set", "", nil, "P1Y", "P4Y", "P4Y", "evaluation.intervals.public_order", ""},
		{"the default key set itself", "evaluation: {intervals: {public_order: P2Y}}\n", nil, "P2Y", "P4Y", "P4Y", "evaluation.intervals.public_order", ""},
		{"the environment adds a key", file, map[string]string{"REGISTER_EVALUATION_INTERVALS": `{"Drone": "P1M"}`}, "P6M", "P6M", "P1M", "evaluation.intervals.camera", ""},
		{"one key by its own variable", file, map[string]string{"REGISTER_EVALUATION_INTERVALS_PUBLIC_ORDER": "P3M"}, "P3M", "P6M", "P2Y", "evaluation.intervals.public_order", ""},
		{"a variable that is no JSON object", file, map[string]string{"REGISTER_EVALUATION_INTERVALS": "notjson"}, "P6M", "P6M", "P2Y", "evaluation.intervals.camera",
			"REGISTER_EVALUATION_INTERVALS is not a JSON object of intervals"},
		// As register init writes it: the default's own value caps too.
		{"the default's own value set", "evaluation: {intervals: {public_order: P1Y, camera: P6M}}\n", nil, "P6M", "P6M", "P4Y", "evaluation.intervals.camera", ""},
		{"no time at all", "evaluation: {intervals: {camera: P0D, drone: PT0H}}\n", nil, "P1Y", "P4Y", "P4Y", "evaluation.intervals.public_order", "is no time at all"},
		{"hours", "evaluation: {intervals: {camera: PT1H, drone: P1DT12H}}\n", nil, "P1Y", "P4Y", "P4Y", "evaluation.intervals.public_order", "gives hours, minutes or seconds"},
		// A bad value in the environment leaves the file's standing.
		{"a bad variable over the file's value", file, map[string]string{"REGISTER_EVALUATION_INTERVALS_CAMERA": "soon"}, "P6M", "P6M", "P2Y", "evaluation.intervals.camera",
			"REGISTER_EVALUATION_INTERVALS_CAMERA: "},
		// As in register.yaml, the first of two keys alike stands.
		{"one key twice in the variable", "", map[string]string{"REGISTER_EVALUATION_INTERVALS": `{"Camera": "P6M", "camera": "P2Y"}`}, "P6M", "P6M", "P4Y", "evaluation.intervals.camera",
			`evaluation.intervals.camera: this is the key "Camera" again`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, fs, err := Load(writeConfig(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, f := range fs {
				got += f.Message.In("en")
			}
			if tt.errorText == "" && got != "" || !strings.Contains(got, tt.errorText) {
				t.Errorf("findings %q, want %q", got, tt.errorText)
			}
			if got := c.IntervalFor("sensor", "camera", "public_order").String(); got != tt.publicOrder {
				t.Errorf("public-order camera every %s, want %s", got, tt.publicOrder)
			}
			if got := c.IntervalKey("sensor", "camera", "public_order"); got != tt.key {
				t.Errorf("public-order camera's setting %s, want %s", got, tt.key)
			}
			if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != tt.camera {
				t.Errorf("traffic camera every %s, want %s", got, tt.camera)
			}
			if got := c.IntervalFor("sensor", "drone", "").String(); got != tt.drone {
				t.Errorf("drone every %s, want %s", got, tt.drone)
			}
		})
	}
}

// A deviation is placed where it was made: a variable that sets some of
// the intervals does not claim the file's others.
func TestIntervalChangesNameWhereEachWasSet(t *testing.T) {
	t.Setenv("REGISTER_EVALUATION_INTERVALS", `{"drone": "P2Y"}`)
	c, fs, err := Load(writeConfig(t, "evaluation:\n  intervals:\n    camera: P6M\n"))
	if err != nil || len(fs) > 0 {
		t.Fatalf("load: %v %v", err, fs)
	}
	where := map[string]string{}
	for _, ch := range c.Changes {
		where[ch.Key] = ch.Where()
	}
	if got := where["evaluation.intervals.camera"]; got != "register.yaml:3:13" {
		t.Errorf("camera set at %q, want register.yaml:3:13", got)
	}
	if got := where["evaluation.intervals.drone"]; got != "REGISTER_EVALUATION_INTERVALS" {
		t.Errorf("drone set at %q, want the variable", got)
	}
}

// The help of a bad variable set over a value of register.yaml says that
// value stands, not the default.
func TestBadIntervalVariableKeepsTheFilesValue(t *testing.T) {
	t.Setenv("REGISTER_EVALUATION_INTERVALS_CAMERA", "soon")
	c, fs, err := Load(writeConfig(t, "evaluation:\n  intervals:\n    camera: P6M\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].File != "REGISTER_EVALUATION_INTERVALS_CAMERA" || !strings.Contains(fs[0].Help.In("en"), "until then the value of register.yaml applies") {
		t.Errorf("findings %+v", fs)
	}
	if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != "P6M" {
		t.Errorf("camera every %s, want the file's P6M", got)
	}
}

// A bad per-key variable over the value the whole-mapping variable gave
// leaves that one, and says so.
func TestBadIntervalVariableOverTheMappingVariable(t *testing.T) {
	t.Setenv("REGISTER_EVALUATION_INTERVALS", `{"camera": "P2Y"}`)
	t.Setenv("REGISTER_EVALUATION_INTERVALS_CAMERA", "P0D")
	c, fs, err := Load(writeConfig(t, "evaluation:\n  intervals:\n    camera: P6M\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || !strings.Contains(fs[0].Help.In("en"), "until then the value REGISTER_EVALUATION_INTERVALS gives applies") {
		t.Errorf("findings %+v", fs)
	}
	if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != "P2Y" {
		t.Errorf("camera every %s, want the variable's P2Y", got)
	}
}

// An evaluation interval counts in days, weeks, months or years: one
// given in hours, minutes or seconds is refused whatever its length, and
// the message says so, not that a year of hours is "less than a day".
func TestAnIntervalInHoursIsRefusedForWhatItIs(t *testing.T) {
	const clock = "an evaluation interval counts only whole days, weeks, months or years, such as P1Y or P365D"
	for _, tt := range []struct{ value, message string }{
		{"PT8760H", `evaluation.intervals.camera: "PT8760H" gives hours, minutes or seconds; ` + clock},
		{"PT24H", `evaluation.intervals.camera: "PT24H" gives hours, minutes or seconds; ` + clock},
		{"P1DT12H", `evaluation.intervals.camera: "P1DT12H" gives hours, minutes or seconds; ` + clock},
		{"PT30M", `evaluation.intervals.camera: "PT30M" gives hours, minutes or seconds; ` + clock},
		{"P0D", `evaluation.intervals.camera: "P0D" is no time at all; an evaluation interval is at least one day, such as P1Y`},
		{"P0Y0M", `evaluation.intervals.camera: "P0Y0M" is no time at all; an evaluation interval is at least one day, such as P1Y`},
		{"P1DT0H", ""},
		{"P365D", ""},
	} {
		c, fs, err := Load(writeConfig(t, "evaluation:\n  intervals:\n    camera: "+tt.value+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, f := range fs {
			got += f.Message.In("en")
		}
		if got != tt.message {
			t.Errorf("%s: %q, want %q", tt.value, got, tt.message)
		}
		if _, set := c.Evaluation.Intervals["camera"]; set != (tt.message == "") {
			t.Errorf("%s: used %v", tt.value, set)
		}
		// The default interval is one too: refused alike, and the
		// default's own P4Y applies.
		c, fs, err = Load(writeConfig(t, "evaluation:\n  default_interval: "+tt.value+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		got = ""
		for _, f := range fs {
			got += f.Message.In("en")
		}
		if want := strings.Replace(tt.message, "evaluation.intervals.camera", "evaluation.default_interval", 1); got != want {
			t.Errorf("default %s: %q, want %q", tt.value, got, want)
		}
		if used := c.Evaluation.DefaultInterval.String() == tt.value; used != (tt.message == "") {
			t.Errorf("default %s: used %v", tt.value, used)
		}
	}
}

// An interval that is no text is named for what it is, not by how Go
// prints it ("<nil>", "map[a:P1Y]").
func TestAnIntervalThatIsNoTextIsNamedForWhatItIs(t *testing.T) {
	for _, tt := range []struct{ name, yaml, env, message string }{
		{"null in the variable", "", `{"camera": null}`, "evaluation.intervals.camera is null, not a duration such as P1Y"},
		{"an object in the variable", "", `{"camera": {"a": "P1Y"}}`, "evaluation.intervals.camera is an object, not a duration such as P1Y"},
		{"a list in the variable", "", `{"camera": ["P1Y"]}`, "evaluation.intervals.camera is a list, not a duration such as P1Y"},
		{"a number in the variable", "", `{"camera": 1e3}`, `evaluation.intervals.camera: "1e3" is not an ISO 8601 duration such as P1Y, P6M or P90D`},
		{"null in the file", "evaluation:\n  intervals:\n    camera:\n", "", "evaluation.intervals.camera is null, not a duration such as P1Y"},
		{"an object in the file", "evaluation:\n  intervals:\n    camera: {a: P1Y}\n", "", "evaluation.intervals.camera is an object, not a duration such as P1Y"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("REGISTER_EVALUATION_INTERVALS", tt.env)
			}
			c, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].Message.In("en") != tt.message {
				t.Errorf("findings %+v, want one: %s", fs, tt.message)
			}
			if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != "P4Y" {
				t.Errorf("camera every %s, want the default", got)
			}
		})
	}
}

// A duration setting that is no text is named for what it is, as an
// interval is, not called "", and the keys inside such a value are not
// warned of as unknown settings: the value itself is wrong.
func TestADurationThatIsNoTextIsNamedForWhatItIs(t *testing.T) {
	for _, tt := range []struct {
		name, yaml, message string
		line, column        int
	}{
		{"a list", "evaluation: {default_interval: [P1Y]}\n", "evaluation.default_interval is a list, not a duration such as P1Y", 1, 32},
		{"an object", "limits: {exception_max: {a: P1Y}}\n", "limits.exception_max is an object, not a duration such as P1Y", 1, 25},
		{"an object in blocks", "limits:\n  exception_max:\n    a: P1Y\n", "limits.exception_max is an object, not a duration such as P1Y", 3, 5},
		{"null", "due_within:\n", "due_within is null, not a duration such as P1Y", 1, 12},
		{"a list in blocks", "notice:\n  period:\n    - P1D\n", "notice.period is a list, not a duration such as P1Y", 3, 5},
		{"a dotted key", "advice.response_term: {a: P1Y}\n", "advice.response_term is an object, not a duration such as P1Y", 1, 23},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Message.In("en") != tt.message || fs[0].Line != tt.line || fs[0].Column != tt.column {
				t.Errorf("findings %+v, want one error at %d:%d: %s", fs, tt.line, tt.column, tt.message)
			}
			if d := Default(); !reflect.DeepEqual(c.Evaluation, d.Evaluation) || c.DueWithin != d.DueWithin || c.Limits != d.Limits || c.Notice != d.Notice || c.Advice != d.Advice {
				t.Errorf("the defaults do not stand in")
			}
		})
	}
}

// The keys inside a setting's own value are no settings: a value that
// holds them is wrong, and the schema says so, not an "unknown setting".
func TestKeysInsideASettingAreNoUnknownSettings(t *testing.T) {
	for _, tt := range []struct{ yaml, message string }{
		{"limits: {custom_rules_cost: {a: 1}}\n", "limits.custom_rules_cost must be a whole number, not a mapping"},
		{"organisation: {a: b}\n", "organisation must be text, not a mapping"},
	} {
		_, fs, err := Load(writeConfig(t, tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Message.In("en") != tt.message {
			t.Errorf("%q: findings %+v, want one error: %s", tt.yaml, fs, tt.message)
		}
	}
}

// An AI Act date that is no text is named for what it is, as a duration
// is, not called "", and the law's date stands.
func TestADateThatIsNoTextIsNamedForWhatItIs(t *testing.T) {
	for _, tt := range []struct{ yaml, message string }{
		{"ai_act: {high_risk_from: [2027-01-01]}\n", "ai_act.high_risk_from is a list, not a date in the form YYYY-MM-DD"},
		{"ai_act: {annex_i_from: {a: 2027-01-01}}\n", "ai_act.annex_i_from is an object, not a date in the form YYYY-MM-DD"},
		{"ai_act:\n  high_risk_from:\n", "ai_act.high_risk_from is null, not a date in the form YYYY-MM-DD"},
	} {
		c, fs, err := Load(writeConfig(t, tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Message.In("en") != tt.message {
			t.Errorf("%q: findings %+v, want one error: %s", tt.yaml, fs, tt.message)
		}
		if c.AIAct.HighRiskFrom != LawHighRiskFrom || c.AIAct.AnnexIFrom != LawAnnexIFrom {
			t.Errorf("%q: dates %+v, want the law's", tt.yaml, c.AIAct)
		}
	}
}

// REGISTER_RULES_CUSTOM is the variable of a rule called "custom", not a
// list of rules: set, it leaves register.yaml's own rules as they are.
func TestTheCustomRulesComeFromTheFileAlone(t *testing.T) {
	t.Setenv("REGISTER_RULES_CUSTOM", "x")
	dir := t.TempDir()
	file := filepath.Join(dir, "register.yaml")
	if err := os.WriteFile(file, []byte("rules_custom:\n  - id: drone-review\n    kind: sensor\n    when: 'record.sensor_type == \"drone\"'\n    require: has(record.reviews)\n    message: Een drone heeft een review.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.RulesCustom) != 1 || c.RulesCustom[0].ID != "drone-review" {
		t.Errorf("custom rules %+v, want register.yaml's drone-review", c.RulesCustom)
	}
}
