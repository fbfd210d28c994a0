package config

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// Keys count without regard to case, so two keys of one mapping that
// differ only in case are one setting written twice: an error at the
// second, as for a key written twice exactly, and the first stands on
// every run, not whichever a map's order gives.
func TestKeysThatDifferOnlyInCaseAreAnError(t *testing.T) {
	for _, tt := range []struct {
		name, yaml   string
		line, column int
		message      string
		camera       string // the interval of a traffic camera
		dueWithin    string
	}{
		{name: "an interval", yaml: "evaluation:\n  intervals:\n    CAMERA: P1W\n    camera: P2W\n", line: 4, column: 5,
			message: `evaluation.intervals.camera: this is the key "CAMERA" of line 3 again`, camera: "P1W", dueWithin: "P90D"},
		{name: "the other way round", yaml: "evaluation:\n  intervals:\n    camera: P2W\n    Camera: P1W\n", line: 4, column: 5,
			message: `evaluation.intervals.Camera: this is the key "camera" of line 3 again`, camera: "P2W", dueWithin: "P90D"},
		{name: "at the top", yaml: "due_within: P30D\nDue_Within: P60D\n", line: 2, column: 1,
			message: `Due_Within: this is the key "due_within" of line 1 again`, camera: "P4Y", dueWithin: "P30D"},
		{name: "a mapping", yaml: "Evaluation:\n  default_interval: P1W\nevaluation:\n  default_interval: P2W\n", line: 3, column: 1,
			message: `evaluation: this is the key "Evaluation" of line 1 again`, camera: "P1W", dueWithin: "P90D"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := writeConfig(t, tt.yaml)
			for range 20 {
				c, fs, err := Load(root)
				if err != nil {
					t.Fatal(err)
				}
				if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].File != FileName || fs[0].Line != tt.line || fs[0].Column != tt.column ||
					!strings.HasPrefix(fs[0].Message.In("en"), tt.message) || !strings.Contains(fs[0].Help.In("en"), "until then the first") {
					t.Fatalf("findings %+v, want one error at %d:%d: %s", fs, tt.line, tt.column, tt.message)
				}
				if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != tt.camera {
					t.Fatalf("camera every %s, want the first key's %s", got, tt.camera)
				}
				if got := c.DueWithin.String(); got != tt.dueWithin {
					t.Fatalf("due_within %s, want the first key's %s", got, tt.dueWithin)
				}
			}
		})
	}
}

// The keys inside a mapping of free keys (evaluation.intervals, rules) are
// not checked against the known settings, whatever the case the mapping's
// own name is written in: it is the same setting.
func TestFreeKeysAreFreeWhateverTheCaseOfTheirMapping(t *testing.T) {
	for _, yaml := range []string{
		"evaluation:\n  intervals:\n    camera: P6M\n",
		"Evaluation:\n  Intervals:\n    camera: P6M\n",
		"EVALUATION.INTERVALS:\n  camera: P6M\n",
	} {
		c, fs, err := Load(writeConfig(t, yaml))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) > 0 {
			t.Errorf("%q: findings %+v", yaml, fs)
		}
		if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != "P6M" {
			t.Errorf("%q: camera every %s, want P6M", yaml, got)
		}
	}
}

// REGISTER_EVALUATION_INTERVALS is refused a key given twice, or again
// but for case, as register.yaml is: the later is an error that names the
// variable and the key, and the first stands, the same on every run.
func TestKeysGivenTwiceInTheIntervalsVariableAreAnError(t *testing.T) {
	for _, tt := range []struct {
		name, env string
		messages  []string
		camera    string // the interval of a traffic camera
	}{
		{name: "the same key", env: `{"camera":"P2Y","camera":"P6M"}`, camera: "P2Y",
			messages: []string{`evaluation.intervals.camera: this is the key "camera" again`}},
		{name: "again but for case", env: `{"Camera":"P6M","camera":"P2Y"}`, camera: "P6M",
			messages: []string{`evaluation.intervals.camera: this is the key "Camera" again, as keys count without regard to case`}},
		{name: "three times", env: `{"camera":"P2Y","drone":"P1Y","CAMERA":"P6M","Camera":{"a":"P1Y"}}`, camera: "P2Y",
			messages: []string{`evaluation.intervals.CAMERA: this is the key "camera" again, as keys count without regard to case`,
				`evaluation.intervals.Camera: this is the key "camera" again, as keys count without regard to case`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("REGISTER_EVALUATION_INTERVALS", tt.env)
			root := writeConfig(t, "evaluation:\n  intervals:\n    camera: P3Y\n")
			for range 20 {
				c, fs, err := Load(root)
				if err != nil {
					t.Fatal(err)
				}
				if len(fs) != len(tt.messages) {
					t.Fatalf("findings %+v, want %d", fs, len(tt.messages))
				}
				for i, f := range fs {
					if f.Severity != finding.Error || f.File != "REGISTER_EVALUATION_INTERVALS" || f.Message.In("en") != tt.messages[i] ||
						!strings.Contains(f.Help.In("en"), "REGISTER_EVALUATION_INTERVALS; until then the first applies") {
						t.Errorf("finding %+v, want an error of the variable: %s", f, tt.messages[i])
					}
				}
				if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != tt.camera {
					t.Fatalf("camera every %s, want the first key's %s", got, tt.camera)
				}
			}
		})
	}
}

// Two variables of one key of REGISTER_EVALUATION_INTERVALS that differ
// only in case set one key twice, as two keys of its JSON object would:
// the later in sorted order is an error that names both variables, and
// the first stands, whatever its value.
func TestVariablesOfOneIntervalThatDifferOnlyInCaseAreAnError(t *testing.T) {
	for _, tt := range []struct {
		name   string
		env    map[string]string
		files  []string // the variables refused, in order
		first  string   // the variable that stands
		camera string   // the interval of a traffic camera
	}{
		{name: "two", env: map[string]string{"REGISTER_EVALUATION_INTERVALS_CAMERA": "P6M", "REGISTER_EVALUATION_INTERVALS_camera": "P2Y"},
			files: []string{"REGISTER_EVALUATION_INTERVALS_camera"}, first: "REGISTER_EVALUATION_INTERVALS_CAMERA", camera: "P6M"},
		{name: "three", env: map[string]string{"REGISTER_EVALUATION_INTERVALS_camera": "P2Y", "REGISTER_EVALUATION_INTERVALS_Camera": "P1Y",
			"REGISTER_EVALUATION_INTERVALS_CAMERA": "P3M"},
			files: []string{"REGISTER_EVALUATION_INTERVALS_Camera", "REGISTER_EVALUATION_INTERVALS_camera"}, first: "REGISTER_EVALUATION_INTERVALS_CAMERA", camera: "P3M"},
		{name: "a bad first still stands", env: map[string]string{"REGISTER_EVALUATION_INTERVALS_CAMERA": "soon", "REGISTER_EVALUATION_INTERVALS_camera": "P2Y"},
			files: []string{"REGISTER_EVALUATION_INTERVALS_camera", "REGISTER_EVALUATION_INTERVALS_CAMERA"}, first: "REGISTER_EVALUATION_INTERVALS_CAMERA", camera: "P3Y"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			root := writeConfig(t, "evaluation:\n  intervals:\n    camera: P3Y\n")
			for range 20 {
				c, fs, err := Load(root)
				if err != nil {
					t.Fatal(err)
				}
				if len(fs) != len(tt.files) {
					t.Fatalf("findings %+v, want %d", fs, len(tt.files))
				}
				for i, f := range fs {
					if f.Severity != finding.Error || f.File != tt.files[i] {
						t.Errorf("finding %+v, want an error of %s", f, tt.files[i])
					}
					if f.File == tt.first {
						continue // its own bad value
					}
					for _, lang := range []string{"en", "nl"} {
						if msg := f.Message.In(lang); !strings.Contains(msg, tt.files[i]) || !strings.Contains(msg, tt.first) {
							t.Errorf("message %q (%s), want both %s and %s named", msg, lang, tt.files[i], tt.first)
						}
						if help := f.Help.In(lang); !strings.Contains(help, tt.files[i]) || !strings.Contains(help, tt.first) {
							t.Errorf("help %q (%s), want %s named as ignored and %s as read", help, lang, tt.files[i], tt.first)
						}
					}
				}
				if got := c.IntervalFor("sensor", "camera", "traffic").String(); got != tt.camera {
					t.Fatalf("camera every %s, want %s", got, tt.camera)
				}
			}
		})
	}
}
