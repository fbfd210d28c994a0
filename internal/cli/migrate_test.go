package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
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

// TestMigrateClearsWhatAKilledRunLeft: the temporary file a killed run
// left beside a record is named by a dry run and removed by the run, with
// a note, rather than block it as an uncommitted change.
func TestMigrateClearsWhatAKilledRunLeft(t *testing.T) {
	g := testbed.NewGit(t)
	g.Commit(time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC), "v1", map[string]string{
		"register/sensors/a.yaml": "id: a\nkind: sensor\nsensor_type: noise\n",
	})
	root := filepath.Join(g.Dir, "register")
	left := filepath.Join(root, "sensors", ".a.yaml.tmp-1805190341")
	if err := os.WriteFile(left, []byte("id: a\nkind: sen"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "migrate", "--root", root, "--lang", "nl", "--dry-run")
	if code != 0 || !strings.Contains(out, "sensors/.a.yaml.tmp-1805190341 is een tijdelijk bestand dat een onderbroken run achterliet; register migrate verwijdert het\n") {
		t.Errorf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(left); err != nil {
		t.Errorf("the dry run removed it: %v", err)
	}
	out, errOut, code = run(t, "migrate", "--root", root, "--lang", "nl")
	if code != 0 || !strings.Contains(out, "verwijderd: sensors/.a.yaml.tmp-1805190341, een tijdelijk bestand dat een onderbroken run achterliet\nomgezet: sensors/a.yaml\n") {
		t.Errorf("run: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(left); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("still there: %v", err)
	}
}

// A file Git tracks is someone's, whatever its name: a committed file
// named as a killed run's temporary file is neither named as one nor
// removed, and it blocks nothing.
func TestMigrateKeepsACommittedFileNamedLikeALeftover(t *testing.T) {
	g := testbed.NewGit(t)
	g.Commit(time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC), "v1", map[string]string{
		"register/sensors/a.yaml":               "id: a\nkind: sensor\nsensor_type: noise\n",
		"register/sensors/.notes.yaml.tmp-2024": "aantekeningen\n",
	})
	root := filepath.Join(g.Dir, "register")
	kept := filepath.Join(root, "sensors", ".notes.yaml.tmp-2024")
	for _, args := range [][]string{{"--dry-run"}, {}} {
		out, errOut, code := run(t, append([]string{"migrate", "--root", root}, args...)...)
		if code != 0 || strings.Contains(out, ".notes.yaml.tmp-2024") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%v: the committed file is gone: %v", args, err)
		}
	}
}

// TestMigrateSaysItWasInterrupted: a run interrupted before it is done
// says how many records it migrated, each named, and how to go on (exit 2).
func TestMigrateSaysItWasInterrupted(t *testing.T) {
	text := "id: a\nkind: sensor\nsensor_type: noise\n"
	root := writeRegister(t, map[string]string{"sensors/a.yaml": text})
	var out, errOut bytes.Buffer
	a := &App{Out: &out, Err: &errOut, Now: time.Now, Version: "test"}
	args := []string{"migrate", "--root", root, "--lang", "nl", "--force"}
	a.scanGlobal(args)
	cmd := NewRootCmd(a)
	for _, c := range cmd.Commands() {
		if c.Name() == "migrate" {
			cmd.RemoveCommand(c)
		}
	}
	cmd.AddCommand(newMigrateCmd(a, func(o *migrateOptions) error {
		o.signals = func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(t.Context())
			cancel() // the signal came while the plan was made
			return ctx, cancel
		}
		return runMigrate(o)
	}))
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil || a.errorText(err) != "onderbroken: 0 van 1 registraties omgezet, elk hierboven genoemd; de andere zijn zoals ze waren: voer register migrate --force uit om ze om te zetten" {
		t.Errorf("error %v\n%s", err, out.String())
	}
	if got, _ := os.ReadFile(filepath.Join(root, "sensors", "a.yaml")); string(got) != text {
		t.Errorf("a.yaml was rewritten: %q", got)
	}
}
