package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run executes the command line against a fresh App and returns stdout,
// stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &App{Out: &out, Err: &errOut, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "test"}
	code := Run(a, args)
	return out.String(), errOut.String(), code
}

// writeRegister creates a register root with the given files.
func writeRegister(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// validSensor is a minimal sensor that follows the schema.
const validSensor = `id: cam-markt
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
personal_data:
  processed: "yes"
lifecycle:
  start: 2025-03-01
  end: 2026-03-01
evaluation:
  interval: P1Y
sensor_type: camera
capabilities: [video_recording, live_viewing]
location:
  description: Markt
  point: {lat: 52.0907, lon: 5.1214}
camera_regime: public_order
`

func TestValidateCleanRegister(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": validSensor})
	out, errOut, code := run(t, "validate", "--root", root)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "1 record") || !strings.Contains(out, "no problems") {
		t.Errorf("summary missing: %q", out)
	}
}

// The issue's own example: a typo'd key, a wrong type and an impossible date,
// each at its own line and column, and a syntax error at its line alone.
func TestValidatePointsAtEachProblem(t *testing.T) {
	bad := strings.NewReplacer(
		"purpose: Geweld", "purpse: Geweld",
		"  interval: P1Y", "  interval: [P1Y]",
		"  end: 2026-03-01", "  end: 2025-02-30",
	).Replace(validSensor)
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": bad,
		"sensors/kapot.yaml":     "id: kapot\nname: [niet gesloten\nstatus: active\n",
	})
	out, _, code := run(t, "validate", "--root", root, "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	var got struct {
		Findings []struct {
			File, Rule, Severity, Message string
			Line                          int
			Column                        *int
		}
		Summary struct{ Records, Errors int }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	wants := []struct {
		file      string
		line, col int
		rule, msg string
	}{
		{"sensors/cam-markt.yaml", 12, 1, "schema", `unknown field "purpse"`},
		{"sensors/cam-markt.yaml", 1, 1, "schema", `missing required field "purpose"`}, // at the parent: the record
		{"sensors/cam-markt.yaml", 17, 8, "schema", "2025-02-30"},
		{"sensors/cam-markt.yaml", 19, 13, "schema", "evaluation.interval must be text"},
		{"sensors/kapot.yaml", 2, 7, "yaml", "opened on this line is not closed"},
	}
	for _, w := range wants {
		found := false
		for _, f := range got.Findings {
			col := 0
			if f.Column != nil {
				col = *f.Column
			}
			if strings.HasSuffix(f.File, "/"+w.file) && f.Rule == w.rule && strings.Contains(f.Message, w.msg) && f.Line == w.line && col == w.col {
				found = true
				if w.col == 0 && f.Column != nil {
					t.Errorf("%s: column %d printed for a syntax error; it must be left out", w.msg, *f.Column)
				}
			}
		}
		if !found {
			t.Errorf("no finding %s:%d:%d %s %q in\n%s", w.file, w.line, w.col, w.rule, w.msg, out)
		}
	}
	if got.Summary.Records != 2 {
		t.Errorf("summary %+v", got.Summary)
	}
}

func TestValidateUsageErrors(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": validSensor})
	for _, args := range [][]string{
		{"validate", "--root", root, "--format", "xml"},
		{"validate", "--root", filepath.Join(root, "missing")},
		{"validate", "--root", root, "--no-such-flag"},
		{"validate", "--root", root, "/etc/hostname"},
	} {
		_, errOut, code := run(t, args...)
		if code != ExitError {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.HasPrefix(errOut, "register: ") || strings.Contains(errOut, "goroutine") {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
}

// A file named on the command line that is not there, or cannot be read,
// is the user's to correct: validate and check exit 2 and name it, rather
// than count it as a record with an error (exit 1). A record that is there
// exits 0 when it is good and 1 when it has errors.
func TestFileArgumentExitCodes(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": validSensor,
		"sensors/cam-kapot.yaml": strings.Replace(strings.Replace(validSensor, "cam-markt", "cam-kapot", 1), "status: active", "status: actve", 1),
	})
	good, bad := filepath.Join(root, "sensors", "cam-markt.yaml"), filepath.Join(root, "sensors", "cam-kapot.yaml")
	missing := filepath.Join(root, "sensors", "nope.yaml")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of standard output
		stderr string // a part of standard error
	}{
		{"validate a good record", []string{"validate", good}, ExitOK, "1 record, no problems", ""},
		{"validate a record with an error", []string{"validate", bad}, ExitFindings, `status has value "actve"`, ""},
		{"validate a file that does not exist", []string{"validate", missing}, ExitError, "", missing + " does not exist: check the file name"},
		{"validate a file that does not exist, named in the register", []string{"validate", "sensors/nope.yaml"}, ExitError, "", "sensors/nope.yaml does not exist"},
		{"validate a good record and one that does not exist", []string{"validate", good, missing}, ExitError, "", missing + " does not exist"},
		{"validate a folder", []string{"validate", filepath.Join(root, "sensors")}, ExitError, "", "is a folder, not a record file"},
		{"validate a file below a file", []string{"validate", filepath.Join(good, "x.yaml")}, ExitError, "", "x.yaml cannot be read: "},
		{"validate a file outside the register", []string{"validate", filepath.Join(t.TempDir(), "elders.yaml")}, ExitError, "", "is not inside the register"},
		{"check a record that is there", []string{"check", "--as-of", "2026-01-01", good}, ExitFindings, "1 record, ", ""},
		{"check a file that does not exist", []string{"check", missing}, ExitError, "", missing + " does not exist: check the file name"},
		{"check --files with a file that does not exist", []string{"check", "--files", "sensors/nope.yaml"}, ExitError, "", "sensors/nope.yaml does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, append([]string{"--root", root, "--lang", "en"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut)
			}
			if tt.code == ExitError && (out != "" || !strings.HasPrefix(errOut, "register: ")) {
				t.Errorf("an error run should print only its error, on stderr:\nstdout: %s\nstderr: %s", out, errOut)
			}
		})
	}
}

// Findings name files as seen from the working folder, so a steward running
// from the repository can open "register/sensors/x.yaml" directly.
func TestFindingsNameFilesFromTheWorkingFolder(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": strings.Replace(validSensor, "status: active", "status: actve", 1)})
	t.Chdir(filepath.Dir(root))
	out, _, code := run(t, "validate", "--root", filepath.Base(root), "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	want := `"file": "` + filepath.Base(root) + `/sensors/cam-markt.yaml"`
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %s:\n%s", want, out)
	}
	text, _, _ := run(t, "validate", "--root", filepath.Base(root))
	if !strings.HasPrefix(text, filepath.Base(root)+"/sensors/cam-markt.yaml:5:9: error:") {
		t.Errorf("text output %q", text)
	}
}

// Commands whose output is not a findings report still say when they
// ignored a broken setting.
func TestBrokenSettingsAreNotIgnoredSilently(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": validSensor,
		"register.yaml":          "due_within: 90 dagen\n",
	})
	for _, args := range [][]string{
		{"due", "--root", root, "--as-of", "2025-06-01"},
		{"export", "--root", root, "--format", "geojson"},
	} {
		_, errOut, _ := run(t, args...)
		if !strings.Contains(errOut, "register.yaml:1:13: error: due_within") {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
}

// Settings of the wrong shape (register schema config) are errors of
// validate, check and build, at their line and column.
func TestSettingsOfTheWrongShapeAreErrors(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": validSensor,
		"register.yaml":          "organisation: [1,2]\nsite: \"x\"\n",
	})
	for _, args := range [][]string{
		{"validate", "--root", root},
		{"check", "--root", root, "--as-of", "2025-06-01"},
		{"build", "--root", root, "--out", filepath.Join(t.TempDir(), "site")},
	} {
		out, errOut, _ := run(t, args...)
		for _, want := range []string{"register.yaml:1:15: error: organisation must be text, not a list", "register.yaml:2:7: error: site must be a mapping, not text"} {
			if args[0] == "build" {
				want = strings.Replace(want, "error: ", "", 1)
			}
			if !strings.Contains(out+errOut, want) {
				t.Errorf("%v: no %q in\n%s%s", args, want, out, errOut)
			}
		}
	}
}

// A register.yaml that cannot be read is never passed over for the
// defaults: check and validate report it as an error finding (exit 1);
// every other command that reads the settings refuses to run, naming the
// file, line and column (exit 2), and writes nothing.
func TestUnreadableSettingsAreRefusedByEveryCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": validSensor,
		"register.yaml":          "due_within: P400D\nevaluation: [\n",
	})
	for _, args := range [][]string{{"check"}, {"validate"}} {
		out, _, code := run(t, append(args, "--root", root)...)
		if code != ExitFindings || !strings.Contains(out, "register.yaml:2:13: error: YAML syntax error") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	dir, csv := t.TempDir(), filepath.Join(t.TempDir(), "sensoren.csv")
	if err := os.WriteFile(csv, []byte("id,naam\ncam-plein,Camera Plein\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"due", "--as-of", "2025-06-01"},
		{"quality"},
		{"chain", "BRP"},
		{"packet", "--out", filepath.Join(dir, "packet.md")},
		{"export", "--format", "json", "--out", filepath.Join(dir, "x.json")},
		{"sign", "cam-markt", "--out", filepath.Join(dir, "sign.pdf")},
		{"build", "--out", filepath.Join(dir, "site")},
		{"rules"},
		{"import", "csv", csv, "--kind", "sensor"},
	} {
		out, errOut, code := run(t, append(args, "--root", root)...)
		if code != ExitError || out != "" || !strings.Contains(errOut, "register.yaml:2:13: YAML syntax error") ||
			!strings.Contains(errOut, "register.yaml cannot be read, and this command does not run on default settings") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written although the settings cannot be read: %v", entries)
	}
}
