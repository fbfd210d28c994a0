package config

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// Every setting the checklist reads that register.yaml or the environment
// sets to other than its default is a Change, with where it was made; one
// set to its default is none.
func TestChangesNameEverySettingAwayFromItsDefault(t *testing.T) {
	root := writeConfig(t, `organisation: Gemeente Proef
limits:
  security_audit_max: P99Y
  exception_max: P1Y
ai_act:
  high_risk_from: "2026-01-01"
evaluation:
  intervals:
    public_order: P5Y
    drone: P2Y
supplier_watch:
  - {manufacturer: Hikvision, source: AIVD}
`)
	t.Setenv("REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX", "P10Y")
	c, fs, err := Load(root)
	if err != nil || len(fs) > 0 {
		t.Fatalf("load: %v %v", err, fs)
	}
	want := []Change{
		{Key: "limits.camera_lifecycle_max", Value: "P10Y", Default: "P2Y", Place: Place{Env: "REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX"}},
		{Key: "limits.security_audit_max", Value: "P99Y", Default: "P3Y", Place: Place{File: "register.yaml", Line: 3, Column: 23}},
		{Key: "ai_act.high_risk_from", Value: "2026-01-01", Default: "2027-12-02", Place: Place{File: "register.yaml", Line: 6, Column: 19}},
		{Key: "supplier_watch", Value: "Hikvision", Default: "", Place: Place{File: "register.yaml", Line: 12, Column: 3}},
		{Key: "evaluation.intervals.drone", Value: "P2Y", Default: "", Place: Place{File: "register.yaml", Line: 10, Column: 12}},
		{Key: "evaluation.intervals.public_order", Value: "P5Y", Default: "P1Y", Place: Place{File: "register.yaml", Line: 9, Column: 19}},
	}
	if len(c.Changes) != len(want) {
		t.Fatalf("changes:\n got %+v\nwant %+v", c.Changes, want)
	}
	for i := range want {
		if c.Changes[i] != want[i] {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, c.Changes[i], want[i])
		}
	}
	if w := c.Changes[0].Where(); w != "REGISTER_LIMITS_CAMERA_LIFECYCLE_MAX" {
		t.Errorf("where %q", w)
	}
	if w := c.Changes[1].Where(); w != "register.yaml:3:23" {
		t.Errorf("where %q", w)
	}
	if d := Default(); len(d.Changes) != 0 {
		t.Errorf("the defaults change %v", d.Changes)
	}
}

// TestALegalDateCannotBePostponed: the AI Act's high-risk dates are law
// (shared/law.md). A setting may bring one earlier (stricter), which is a
// Change residents see; one later than the law's would postpone a legal
// duty, so it is an error at the setting, named by its line and column or
// by the environment variable that made it, and the law's date applies.
func TestALegalDateCannotBePostponed(t *testing.T) {
	const later = " is later than 2027-12-02, the date the high-risk obligations of Annex III apply from by law (AI Act art. 113, as amended by the Digital Omnibus on AI); a setting cannot postpone a duty the law imposes, so the law's date 2027-12-02 applies; a later date needs a newer version of register"
	for _, tt := range []struct {
		name, yaml string
		env        map[string]string
		// what the configuration holds, and the setting it lists as changed
		highRisk, annexI string
		change           *Change
		// the finding, if any: where and what
		file         string
		line, column int
		message      string
		help         string
	}{
		{name: "the law's date", yaml: "ai_act:\n  high_risk_from: 2027-12-02\n", highRisk: "2027-12-02", annexI: "2028-08-02"},
		{name: "an earlier date is stricter: kept and listed", yaml: "ai_act:\n  high_risk_from: 2026-08-02\n", highRisk: "2026-08-02", annexI: "2028-08-02",
			change: &Change{Key: "ai_act.high_risk_from", Value: "2026-08-02", Default: "2027-12-02", Place: Place{File: FileName, Line: 2, Column: 19}}},
		{name: "the auditor's case: 2029-01-01 in register.yaml", yaml: "organisation: Gemeente Proef\nai_act: {high_risk_from: 2029-01-01}\n", highRisk: "2027-12-02", annexI: "2028-08-02",
			file: FileName, line: 2, column: 26, message: "ai_act.high_risk_from: 2029-01-01" + later, help: "remove ai_act.high_risk_from from register.yaml or set it to 2027-12-02 or earlier"},
		{name: "a later date with a source of its own is refused too", yaml: "ai_act:\n  high_risk_from: 2028-06-01\n  source: Raadsbesluit 2027-14\n", highRisk: "2027-12-02", annexI: "2028-08-02",
			file: FileName, line: 2, column: 19, message: "ai_act.high_risk_from: 2028-06-01" + later},
		{name: "the auditor's case: 2029-01-01 from the environment names the variable", env: map[string]string{"REGISTER_AI_ACT_HIGH_RISK_FROM": "2029-01-01"}, highRisk: "2027-12-02", annexI: "2028-08-02",
			file: "REGISTER_AI_ACT_HIGH_RISK_FROM", message: "REGISTER_AI_ACT_HIGH_RISK_FROM: 2029-01-01" + later, help: "unset the environment variable REGISTER_AI_ACT_HIGH_RISK_FROM or set it to 2027-12-02 or earlier"},
		{name: "an earlier date from the environment is listed by its variable", env: map[string]string{"REGISTER_AI_ACT_HIGH_RISK_FROM": "2027-06-01"}, highRisk: "2027-06-01", annexI: "2028-08-02",
			change: &Change{Key: "ai_act.high_risk_from", Value: "2027-06-01", Default: "2027-12-02", Place: Place{Env: "REGISTER_AI_ACT_HIGH_RISK_FROM"}}},
		{name: "Annex I later than the law's", yaml: "ai_act:\n  annex_i_from: 2029-01-01\n", highRisk: "2027-12-02", annexI: "2028-08-02",
			file: FileName, line: 2, column: 17, message: "ai_act.annex_i_from: 2029-01-01 is later than 2028-08-02, the date the high-risk obligations for the products of Annex I apply from by law"},
		{name: "Annex I earlier: kept", yaml: "ai_act:\n  annex_i_from: 2027-12-02\n", highRisk: "2027-12-02", annexI: "2027-12-02",
			change: &Change{Key: "ai_act.annex_i_from", Value: "2027-12-02", Default: "2028-08-02", Place: Place{File: FileName, Line: 2, Column: 17}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			dir := t.TempDir()
			if tt.yaml != "" {
				dir = writeConfig(t, tt.yaml)
			}
			c, fs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if c.AIAct.HighRiskFrom != tt.highRisk || c.AIAct.AnnexIFrom != tt.annexI {
				t.Errorf("dates %s and %s, want %s and %s", c.AIAct.HighRiskFrom, c.AIAct.AnnexIFrom, tt.highRisk, tt.annexI)
			}
			var changes []Change
			for _, ch := range c.Changes {
				if strings.HasPrefix(ch.Key, "ai_act.") {
					changes = append(changes, ch)
				}
			}
			switch {
			case tt.change == nil && len(changes) > 0:
				t.Errorf("changes %+v, want none: the law's date is no change", changes)
			case tt.change != nil && (len(changes) != 1 || changes[0] != *tt.change):
				t.Errorf("changes %+v, want %+v", changes, *tt.change)
			}
			if tt.message == "" {
				if len(fs) > 0 {
					t.Errorf("findings %v, want none", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("findings %v, want one", fs)
			}
			f := fs[0]
			if f.Rule != finding.RuleConfig || f.Severity != finding.Error || f.File != tt.file || f.Line != tt.line || f.Column != tt.column ||
				!strings.HasPrefix(f.Message.In("en"), tt.message) || !strings.HasPrefix(f.Help.In("en"), tt.help) {
				t.Errorf("finding %s %s %s:%d:%d\n %q\n %q\nwant error at %s:%d:%d\n %q\n %q", f.Rule, f.Severity, f.File, f.Line, f.Column,
					f.Message.In("en"), f.Help.In("en"), tt.file, tt.line, tt.column, tt.message, tt.help)
			}
			if nl := f.Message.In("nl"); nl == f.Message.In("en") || !strings.Contains(nl, "2 december 2027") && !strings.Contains(nl, "2 augustus 2028") || strings.Contains(f.Message.In("en")+nl, "in register.yaml") && tt.file != FileName {
				t.Errorf("Dutch %q", nl)
			}
		})
	}
}

// A deviation is placed where it was actually made: the variable as it is
// written, whatever its case, or the key in register.yaml, whatever its
// case or dots; never the top of the file for want of finding it.
func TestAChangeNamesTheVariableOrTheLineThatMadeIt(t *testing.T) {
	const camera = "evaluation.intervals.camera"
	for _, tt := range []struct {
		name, yaml string
		env        map[string]string
		key, where string
	}{
		{"a variable of one key in mixed case", "organisation: X\n", map[string]string{"REGISTER_EVALUATION_INTERVALS_Camera": "P6M"}, camera, "REGISTER_EVALUATION_INTERVALS_Camera"},
		{"a variable of one key in capitals", "organisation: X\n", map[string]string{"REGISTER_EVALUATION_INTERVALS_DRONE": "P2Y"}, "evaluation.intervals.drone", "REGISTER_EVALUATION_INTERVALS_DRONE"},
		{"the mapping's variable", "organisation: X\n", map[string]string{"REGISTER_EVALUATION_INTERVALS": `{"Camera": "P6M"}`}, camera, "REGISTER_EVALUATION_INTERVALS"},
		{"a key written with dots", "organisation: X\nevaluation.intervals:\n  camera: P6M\n", nil, camera, "register.yaml:3:11"},
		{"keys in capitals", "organisation: X\nEvaluation:\n  Intervals:\n    Camera: P6M\n", nil, camera, "register.yaml:4:13"},
		{"the first of two keys alike but for case", "organisation: X\nevaluation:\n  intervals:\n    CAMERA: P1W\n    camera: P2W\n", nil, camera, "register.yaml:4:13"},
		{"a setting in capitals", "organisation: X\nLimits:\n  Exception_Max: P2Y\n", nil, "limits.exception_max", "register.yaml:3:18"},
		{"a bad variable leaves the file's value", "organisation: X\nevaluation:\n  intervals:\n    camera: P6M\n", map[string]string{"REGISTER_EVALUATION_INTERVALS_CAMERA": "soon"}, camera, "register.yaml:4:13"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, _, err := Load(writeConfig(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range c.Changes {
				if ch.Key == tt.key {
					if got := ch.Where(); got != tt.where {
						t.Errorf("%s set in %s, want %s", tt.key, got, tt.where)
					}
					return
				}
			}
			t.Errorf("no change of %s in %+v", tt.key, c.Changes)
		})
	}
}

// A bad value is reported where it was set: by the variable as it is
// written, which alone set it, or at its line in register.yaml.
func TestABadIntervalIsReportedWhereItWasSet(t *testing.T) {
	for _, tt := range []struct {
		name, yaml      string
		env             map[string]string
		file            string
		line, column    int
		message, remedy string
	}{
		{"a variable of one key in mixed case", "", map[string]string{"REGISTER_EVALUATION_INTERVALS_Camera": "soon"}, "REGISTER_EVALUATION_INTERVALS_Camera", 0, 0,
			"REGISTER_EVALUATION_INTERVALS_Camera: ", "fix the environment variable REGISTER_EVALUATION_INTERVALS_Camera; until then the default applies"},
		{"over the file's value", "evaluation:\n  intervals:\n    camera: P6M\n", map[string]string{"REGISTER_EVALUATION_INTERVALS_Camera": "soon"}, "REGISTER_EVALUATION_INTERVALS_Camera", 0, 0,
			"REGISTER_EVALUATION_INTERVALS_Camera: ", "until then the value of register.yaml applies"},
		{"in the mapping's variable", "", map[string]string{"REGISTER_EVALUATION_INTERVALS": `{"Camera": "soon"}`}, "REGISTER_EVALUATION_INTERVALS", 0, 0,
			"evaluation.intervals.camera: ", "fix the environment variable REGISTER_EVALUATION_INTERVALS"},
		{"in the file, keys in capitals", "Evaluation:\n  Intervals:\n    Camera: soon\n", nil, FileName, 3, 13,
			"evaluation.intervals.camera: ", "fix register.yaml"},
		{"in the file, a key written with dots", "evaluation.intervals:\n  camera: soon\n", nil, FileName, 2, 11,
			"evaluation.intervals.camera: ", "fix register.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 || fs[0].File != tt.file || fs[0].Line != tt.line || fs[0].Column != tt.column ||
				!strings.HasPrefix(fs[0].Message.In("en"), tt.message) || !strings.Contains(fs[0].Help.In("en"), tt.remedy) {
				t.Errorf("findings %+v, want one at %s:%d:%d: %s ... %s", fs, tt.file, tt.line, tt.column, tt.message, tt.remedy)
			}
		})
	}
}

// An unknown key written with dots is warned about at its line, not at
// the top of the file.
func TestAnUnknownKeyWithDotsIsWarnedAtItsLine(t *testing.T) {
	_, fs, err := Load(writeConfig(t, "organisation: X\nlimits.exceptoin_max: P1Y\nevaluation.intervals:\n  camera: P6M\nevaluation.intervls:\n  camera: P6M\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Message.In("en")))
	}
	slices.Sort(got)
	want := []string{`2:1 unknown setting "limits.exceptoin_max" is ignored`, `5:1 unknown setting "evaluation.intervls" is ignored`}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

// An interval set for a key that names no camera regime, sensor type or
// kind concerns no record: the checklist warns that it is ignored, so it
// is not published as a deviation in force either, nor used. It is kept
// with where it was set, for that warning.
func TestAnIntervalThatConcernsNoRecordIsNoDeviation(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		env        map[string]string
		key        string
		ignored    []Change // nil: the key concerns records
	}{
		{"a hyphen for an underscore", "organisation: X\nevaluation:\n  intervals:\n    public-order: P2Y\n", nil, "public-order",
			[]Change{{Key: "evaluation.intervals.public-order", Value: "P2Y", Place: Place{File: FileName, Line: 4, Column: 19}}}},
		{"a variable of one key", "organisation: X\n", map[string]string{"REGISTER_EVALUATION_INTERVALS_Drone2": "P2Y"}, "drone2",
			[]Change{{Key: "evaluation.intervals.drone2", Value: "P2Y", Place: Place{Env: "REGISTER_EVALUATION_INTERVALS_Drone2"}}}},
		{"the mapping's variable", "organisation: X\n", map[string]string{"REGISTER_EVALUATION_INTERVALS": `{"public.order": "P2Y"}`}, "public.order",
			[]Change{{Key: "evaluation.intervals.public.order", Value: "P2Y", Place: Place{Env: "REGISTER_EVALUATION_INTERVALS"}}}},
		{"a sensor type", "evaluation:\n  intervals:\n    camera: P2Y\n", nil, "camera", nil},
		{"a camera regime", "evaluation:\n  intervals:\n    public_order: P2Y\n", nil, "public_order", nil},
		{"a kind", "evaluation:\n  intervals:\n    algorithm: P2Y\n", nil, "algorithm", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil || len(fs) > 0 {
				t.Fatalf("load: %v %v", err, fs)
			}
			listed := slices.ContainsFunc(c.Changes, func(ch Change) bool { return ch.Key == "evaluation.intervals."+tt.key })
			_, used := c.Evaluation.Intervals[tt.key]
			if listed == (tt.ignored != nil) || used == (tt.ignored != nil) {
				t.Errorf("listed as a deviation %v, used %v; changes %+v", listed, used, c.Changes)
			}
			if !slices.Equal(c.Evaluation.Ignored, tt.ignored) {
				t.Errorf("ignored %+v, want %+v", c.Evaluation.Ignored, tt.ignored)
			}
		})
	}
}

// A duration as long as the default on every day is the default, however
// it is written: P12M is P1Y, and so caps as the default does and is no
// deviation. P365D is not: a leap year is a day longer.
func TestADurationAsLongAsTheDefaultIsTheDefault(t *testing.T) {
	for _, tt := range []struct {
		name, yaml  string
		publicOrder string // of a public-order camera
		changed     []string
	}{
		{"written as the default", "evaluation: {intervals: {camera: P6M, public_order: P1Y}}\nlimits: {exception_max: P1Y}\n",
			"P6M", []string{"evaluation.intervals.camera"}},
		{"in months", "evaluation: {intervals: {camera: P6M, public_order: P12M}}\nlimits: {exception_max: P12M}\n",
			"P6M", []string{"evaluation.intervals.camera"}},
		{"in days", "evaluation: {intervals: {camera: P6M, public_order: P365D}}\nlimits: {exception_max: P365D}\n",
			"P365D", []string{"limits.exception_max", "evaluation.intervals.camera", "evaluation.intervals.public_order"}},
		{"weeks and days", "due_within: P2W\nnotice: {period: P1W}\nadvice: {response_term: P13W}\n",
			"P1Y", []string{"due_within", "notice.period", "advice.response_term"}},
		{"the defaults in other words", "limits: {exception_max: P0Y12M, data_sharing_max: P36M}\n", "P1Y", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil || len(fs) > 0 {
				t.Fatalf("load: %v %v", err, fs)
			}
			if got := c.IntervalFor("sensor", "camera", "public_order").String(); got != tt.publicOrder {
				t.Errorf("public-order camera every %s, want %s", got, tt.publicOrder)
			}
			var changed []string
			for _, ch := range c.Changes {
				changed = append(changed, ch.Key)
			}
			if !slices.Equal(changed, tt.changed) {
				t.Errorf("changes %q, want %q", changed, tt.changed)
			}
		})
	}
}
