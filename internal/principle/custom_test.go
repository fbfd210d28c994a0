package principle

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

const customConfig = `
rules_custom:
  - id: drone-review
    principle: VNG 3.8
    severity: error
    kind: sensor
    when: record.sensor_type == "drone"
    require: has(record.reviews)
    title: Drones are reviewed by the ethics committee
    message: a drone needs advice from the ethics committee
    help: ask the ethics committee and add the advice under reviews
  - id: evaluated-this-year
    when: record.status == "active"
    require: record.evaluation.last >= "2026-01-01" && record.evaluation.last <= today
    message: every active record is evaluated in 2026
`

// runCustom runs the whole checklist, built-in policy rules switched off
// and the findings of legal ones (which cannot be) left out, so only the
// custom rules and configuration findings remain.
func runCustom(t *testing.T, cfgText, rules string, texts ...string) []finding.Finding {
	t.Helper()
	var off strings.Builder
	off.WriteString("rules:\n" + rules)
	for _, r := range Rules() {
		if !r.Legal() {
			off.WriteString("  " + r.ID + ": {severity: off, reason: only custom rules are tested}\n")
		}
	}
	cfg := configFrom(t, cfgText+off.String())
	fx := newFixture(t, cfg, texts...)
	fs := slices.DeleteFunc(Run(fx.reg, Options{Today: day(testToday)}), func(f finding.Finding) bool {
		r, builtin := Lookup(f.Rule)
		return builtin && r.Legal()
	})
	fx.locate(fs)
	finding.Sort(fs)
	return fs
}

func TestCustomRules(t *testing.T) {
	drone := `
id: drone-kades
kind: sensor
status: active
sensor_type: drone
evaluation: {last: 2026-03-01}
camera_regime: public_order
`
	tests := []struct {
		name string
		yaml string
		want []want
	}{
		{"a drone without review fails", drone, []want{{"drone-review", "VNG 3.8", finding.Error, 1, 1, "a drone needs advice from the ethics committee"}}},
		{"a drone with a review passes", drone + "reviews: [{body: ethics_committee}]\n", nil},
		{"other sensors are out of scope", strings.Replace(drone, "drone\n", "camera\n", 1), nil},
		{"a missing field does not satisfy require", `
id: lucht
kind: sensor
status: active
sensor_type: air_quality
`, []want{{"evaluated-this-year", "custom", finding.Warning, 1, 1, "every active record is evaluated in 2026"}}},
		{"a missing field does not match when", `
id: lucht
kind: sensor
sensor_type: air_quality
`, nil},
		{"evaluated last year", `
id: alg
kind: algorithm
status: active
evaluation: {last: 2025-12-31}
`, []want{{"evaluated-this-year", "custom", finding.Warning, 1, 1, "every active record is evaluated in 2026"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runCustom(t, customConfig, "", tt.yaml)
			match(t, fs, tt.want)
			for _, f := range fs {
				if f.Rule == "drone-review" && f.Help.In("en") != "ask the ethics committee and add the advice under reviews" {
					t.Errorf("help %q", f.Help.In("en"))
				}
			}
		})
	}
}

func TestCustomRulesTakeExceptionsAndSeverities(t *testing.T) {
	drone := `
id: drone-kades
kind: sensor
status: active
sensor_type: drone
evaluation: {last: 2026-03-01}
exceptions:
  - {rule: drone-review, reason: Advice pending., approved_by: college, approved_on: 2026-11-01, until: 2027-05-01}
camera_regime: public_order
`
	match(t, runCustom(t, customConfig, "", drone), []want{
		{"drone-review", "VNG 3.8", finding.Info, 1, 1, "allowed by the exception approved by college on 2026-11-01 until 2027-05-01: a drone needs advice"},
	})
	noException := drone[:strings.Index(drone, "exceptions:")]
	match(t, runCustom(t, customConfig, "  drone-review: {severity: warning, reason: Advice is being asked.}\n", noException), []want{
		{"drone-review", "VNG 3.8", finding.Warning, 1, 1, "a drone needs advice"},
	})
	match(t, runCustom(t, customConfig, "  drone-review: {severity: off, reason: The committee reviews drones itself.}\n", noException), nil)
}

func TestBadCustomRulesAreConfigFindings(t *testing.T) {
	cfg := configFrom(t, `
rules_custom:
  - id: ok-rule
    require: has(record.name)
  - require: "true"
  - id: Bad_Id
    require: "true"
  - id: signage
    require: "true"
  - id: syntax
    require: has(record.reviews
  - id: not-bool
    require: record.name
  - id: misspelt
    require: has(record.reviewz)
  - id: no-require
    when: "true"
  - id: bad-kind
    kind: sensors
    require: "true"
  - id: bad-severity
    severity: fatal
    require: "true"
`)
	rules, fs := CompileCustom(cfg)
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		if !r.Custom() {
			t.Errorf("rule %s is not marked custom", r.ID)
		}
	}
	if strings.Join(ids, " ") != "ok-rule bad-severity" {
		t.Errorf("compiled rules %v", ids)
	}
	wants := []struct{ path, msg string }{
		{"/rules_custom/1", "custom rule 2 has no id"},
		{"/rules_custom/2/id", `custom rule id "Bad_Id" is not kebab-case`},
		{"/rules_custom/3/id", `custom rule id "signage" is already taken`},
		{"/rules_custom/4/require", "custom rule syntax: require does not compile"},
		{"/rules_custom/5/require", "custom rule not-bool: require does not compile: it gives a string, not true or false"},
		{"/rules_custom/6/require", "custom rule misspelt: require does not compile: at 1:4: undefined field 'reviewz'"},
		{"/rules_custom/7", "custom rule no-require has no require expression"},
		{"/rules_custom/8/kind", `custom rule bad-kind: kind "sensors" is neither sensor nor algorithm`},
		{"/rules_custom/9/severity", `custom rule bad-severity: unknown severity "fatal"`},
	}
	if len(fs) != len(wants) {
		t.Fatalf("%d findings, want %d: %v", len(fs), len(wants), fs)
	}
	for i, w := range wants {
		f := fs[i]
		if f.Path != w.path || !strings.Contains(f.Message.In("en"), w.msg) || f.Rule != finding.RuleConfig || f.File != config.FileName || f.Severity != finding.Error {
			t.Errorf("finding %d: %s %s %s %q, want %s %q", i, f.File, f.Rule, f.Path, f.Message.In("en"), w.path, w.msg)
		}
	}
}

func TestCustomRuleRuntimeErrorsAreReported(t *testing.T) {
	cfg := `
rules_custom:
  - id: first-decision-dated
    require: record.decisions[0].date != ""
  - id: per-unit
    require: 10 / record.quantity > 1
`
	// A list item the record lacks does not satisfy require.
	match(t, runCustom(t, cfg, "", `
id: s
kind: sensor
quantity: 2
`), []want{{"first-decision-dated", "custom", finding.Warning, 1, 1, "the record does not meet the register's own rule: first-decision-dated"}})
	// Other failures at run time are a warning on the record, not a crash.
	match(t, runCustom(t, cfg, "", `
id: s
kind: sensor
decisions: [{body: mayor, kind: authorisation, date: 2026-01-01}]
`), []want{{"per-unit", "custom", finding.Warning, 1, 1, "custom rule per-unit: require could not be evaluated on this record: division by zero"}})
}

// TestCustomRulesRunCostLimit pins the cost limit of a whole run: a rule
// that stays under the limit of one evaluation but does much work on every
// record stops when the run's budget (limits.custom_rules_cost) is spent,
// and the run says so with an error, naming where it stopped and how many
// evaluations it skipped.
func TestCustomRulesRunCostLimit(t *testing.T) {
	heavy := `
rules_custom:
  - id: zwaar
    require: '[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, a + b > 0)) && record.name != ""'
`
	var recs []string
	for i := range 40 {
		recs = append(recs, fmt.Sprintf("id: s%02d\nkind: sensor\nname: Sensor %d\n", i, i))
	}
	limited := runCustom(t, heavy+"limits: {custom_rules_cost: 5000}\n", "", recs...)
	var stop []finding.Finding
	for _, f := range limited {
		if f.Rule == finding.RuleConfig {
			stop = append(stop, f)
		}
	}
	if len(stop) != 1 || stop[0].Severity != finding.Error || stop[0].File != config.FileName ||
		!strings.Contains(stop[0].Message.In("en"), "limits.custom_rules_cost: 5000") || !strings.Contains(stop[0].Message.In("en"), "at rule zwaar on record s") ||
		!strings.Contains(stop[0].Message.In("nl"), "rekenlimiet") {
		t.Fatalf("findings %+v; want one error saying the run's limit stopped the custom rules", stop)
	}
	var skipped int
	if _, err := fmt.Sscanf(stop[0].Message.In("en")[strings.Index(stop[0].Message.In("en"), "; ")+2:], "%d more evaluations", &skipped); err != nil || skipped < 20 || skipped >= 40 {
		t.Errorf("skipped %d (%v): want most of the 40 records skipped after the first few", skipped, err)
	}
	if fs := runCustom(t, heavy, "", recs...); len(fs) != 0 {
		t.Errorf("under the default limit: %+v, want no findings", fs)
	}
}

// A custom rule reads the fields its expressions name; an expression that
// uses the record otherwise may read any, so what it reads is not known.
func TestCustomRulesReadWhatTheyName(t *testing.T) {
	tests := []struct {
		when, require string
		want          []string // nil: not known
	}{
		{"", "has(record.reviews)", []string{"exceptions", "reviews"}},
		{`record.sensor_type == "drone"`, "record.lifecycle.end < today", []string{"exceptions", "lifecycle", "sensor_type"}},
		{"", "record.reviews.exists(r, r.date > today)", []string{"exceptions", "reviews"}},
		{"", "record == record", nil},
		{"", "[record].size() == 1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.require, func(t *testing.T) {
			cfg := config.Default()
			cfg.RulesCustom = []config.CustomRule{{ID: "eigen", When: tt.when, Require: tt.require}}
			rules, fs := CompileCustom(cfg)
			if len(rules) != 1 {
				t.Fatalf("does not compile: %v", fs)
			}
			got, known := rules[0].Reads()
			slices.Sort(got)
			if known != (tt.want != nil) || known && !slices.Equal(slices.Compact(got), tt.want) {
				t.Errorf("reads %v (known %v), want %v", got, known, tt.want)
			}
		})
	}
}

// TestCustomRulesSkippedAreNotPasses: a record whose custom rule the run's
// cost limit skipped was not checked against it, so it must not read as
// passing it: it gets a finding of that rule, at the rule's severity,
// saying it was not evaluated and where the limit is raised. A record the
// rule did evaluate gets its verdict, and none of those.
func TestCustomRulesSkippedAreNotPasses(t *testing.T) {
	drone := "kind: sensor\nstatus: active\nsensor_type: drone\n"
	for _, tt := range []struct {
		severity string
		want     finding.Severity
	}{{"", finding.Warning}, {"error", finding.Error}, {"info", finding.Info}} {
		t.Run("severity "+tt.severity, func(t *testing.T) {
			rule := "rules_custom:\n  - id: drone-review\n    kind: sensor\n    when: record.sensor_type == \"drone\"\n    require: has(record.reviews)\n"
			if tt.severity != "" {
				rule += "    severity: " + tt.severity + "\n"
			}
			fs := runCustom(t, rule+"limits: {custom_rules_cost: 1}\n", "", "id: d1\n"+drone, "id: d2\n"+drone, "id: d3\n"+drone)
			var skipped []string
			for _, f := range fs {
				if f.Rule != "drone-review" {
					continue
				}
				if !strings.Contains(f.Message.In("en"), "not evaluated") {
					continue // the verdict of a record the budget still covered
				}
				skipped = append(skipped, f.Record)
				if f.Severity != tt.want {
					t.Errorf("%s: the skipped evaluation is a %v, want %v", f.Record, f.Severity, tt.want)
				}
				for _, want := range []string{"limits.custom_rules_cost: 1", "register.yaml"} {
					if !strings.Contains(f.Message.In("en")+" "+f.Help.In("en"), want) || !strings.Contains(f.Message.In("nl")+" "+f.Help.In("nl"), want) {
						t.Errorf("%s: the skipped evaluation does not name %s: %+v", f.Record, want, f)
					}
				}
			}
			if !slices.Equal(skipped, []string{"d2", "d3"}) {
				t.Errorf("records with a skipped evaluation: %v, want [d2 d3] (findings %+v)", skipped, fs)
			}
		})
	}
}

// TestCustomRuleCompileErrorsSayWhereWhenCELKnows: a compile error names
// its place in the expression where CEL gives one, and none where it gives
// none (a limit on the whole expression), rather than "at -1:0".
func TestCustomRuleCompileErrorsSayWhereWhenCELKnows(t *testing.T) {
	env, err := celEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, expr, want string
	}{
		{"a misspelt field", "has(record.reviewz)", "at 1:4: undefined field 'reviewz'"},
		{"too deeply nested", strings.Repeat("(", 300) + "true" + strings.Repeat(")", 300), "expression recursion limit exceeded: 250"},
		{"too long", `"` + strings.Repeat("a", 100_001) + `" != ""`, "expression code point size exceeds limit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := compileBool(env, tt.expr)
			if err == nil {
				t.Fatal("it compiles")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tt.want) {
				t.Errorf("error %q, want it to start %q", msg, tt.want)
			}
		})
	}
}
