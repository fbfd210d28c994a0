package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateLeavesWhatValidateRefuses: a record validate refuses (an
// alias bomb, a duplicate key) is reported by migrate at the same line and
// column, left byte for byte as it was, and fails the run (exit 1); the
// other records are migrated.
func TestMigrateLeavesWhatValidateRefuses(t *testing.T) {
	bomb := "id: bom\nkind: sensor\nsensor_type: anpr_camera\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e"} {
		bomb += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
		prev = n
	}
	tests := []struct{ name, text string }{
		{"alias bomb", bomb},
		{"duplicate key", "id: bom\nkind: sensor\nsensor_type: camera\nname: A\nname: B\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRegister(t, map[string]string{
				"sensors/bom.yaml":  tt.text,
				"sensors/goed.yaml": "id: goed\nkind: sensor\nsensor_type: noise\n",
			})
			vout, _, vcode := run(t, "validate", "--root", root, "--lang", "en", filepath.Join(root, "sensors", "bom.yaml"))
			if vcode != 1 {
				t.Fatalf("validate exit %d\n%s", vcode, vout)
			}
			first, _, _ := strings.Cut(vout, "\n") // file:line:col: error: ...
			_, where, _ := strings.Cut(first, "bom.yaml:")
			out, errOut, code := run(t, "migrate", "--root", root, "--lang", "en", "--force")
			if code != 1 {
				t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
			}
			if where == "" || !strings.Contains(out, "bom.yaml:"+where) {
				t.Errorf("migrate does not report %q as validate does:\n%s", where, out)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "sensors", "bom.yaml")); string(got) != tt.text {
				t.Errorf("the refused file was rewritten:\n%s", got)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "sensors", "goed.yaml")); !strings.Contains(string(got), "format_version: 2") {
				t.Errorf("the readable record was not migrated:\n%s", got)
			}
		})
	}
}

// TestMigrateDryRunSaysWhatTheRunDoes: a dry run reports a record the run
// cannot rewrite safely as the run does, in the run's language with its
// line and column and what to do, and both exit 1 as the help says;
// records written as JSON or with a value on the next line are migrated.
func TestMigrateDryRunSaysWhatTheRunDoes(t *testing.T) {
	refused := "id: blok\nkind: sensor\ncapabilities: [video_recording]\nsensor_type: |+\n  camera\n\nname: A\n"
	root := writeRegister(t, map[string]string{
		"sensors/blok.yaml":     refused,
		"sensors/json.yaml":     "{\n \"id\": \"json\",\n \"kind\": \"sensor\",\n \"sensor_type\": \"camera\"\n}\n",
		"sensors/volgend.yaml":  "id: volgend\nkind: sensor\nsensor_type:\n  camera\n",
		"algorithms/route.yaml": "id: route\nkind: algorithm\n",
	})
	const where = "blok.yaml:4:1: error: camera_regime kan niet na sensor_type worden toegevoegd zonder andere waarden van de registratie te veranderen (migrate)\n  voeg camera_regime: unknown zelf toe en voer register migrate opnieuw uit\n"
	const summary = "4 registraties (4 in formaat v1); 3 moeten worden gemigreerd naar v2\n"
	tests := []struct {
		name string
		args []string
	}{
		{"dry run", []string{"--dry-run"}},
		{"run", []string{"--force"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, append([]string{"migrate", "--root", root, "--lang", "nl"}, tt.args...)...)
			if code != 1 || errOut != "" || !strings.Contains(out, where) || !strings.Contains(out, summary) {
				t.Errorf("exit %d, want 1 with\n%s%s\ngot:\n%s%s", code, where, summary, out, errOut)
			}
		})
	}
	if got, _ := os.ReadFile(filepath.Join(root, "sensors", "blok.yaml")); string(got) != refused {
		t.Errorf("blok.yaml was rewritten:\n%s", got)
	}
	for _, f := range []string{"sensors/json.yaml", "sensors/volgend.yaml", "algorithms/route.yaml"} {
		if got, _ := os.ReadFile(filepath.Join(root, f)); !strings.Contains(string(got), "format_version") {
			t.Errorf("%s was not migrated:\n%s", f, got)
		}
	}
}
