package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQualityNamesUnreadFiles: a record file the loader cannot read is
// named on standard error with its line, column and why, as check names
// it, and counted in the report; quality still exits 0, as documented.
// (Tests run as root, whom chmod 000 does not stop: the files here are
// unreadable in other ways.)
func TestQualityNamesUnreadFiles(t *testing.T) {
	tests := []struct {
		name   string
		make   func(t *testing.T, path string)
		stderr string // what standard error says of sensors/kapot.yaml
	}{
		{"invalid YAML", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("id: [kapot\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "sensors/kapot.yaml:1:5: error: YAML syntax error: a '[' opened on this line is not closed"},
		{"not a mapping", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("- id: kapot\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "sensors/kapot.yaml:1:1: error: "},
		{"dangling symlink", func(t *testing.T, path string) {
			if err := os.Symlink("nergens.yaml", path); err != nil {
				t.Skip(err)
			}
		}, "sensors/kapot.yaml: error: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera})
			tt.make(t, filepath.Join(root, "sensors", "kapot.yaml"))
			out, errOut, code := run(t, "quality", "--root", root, "--lang", "en")
			if code != 0 {
				t.Fatalf("exit %d, want 0\n%s%s", code, out, errOut)
			}
			if !strings.Contains(errOut, "register: 1 record file could not be read") || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr does not name the file (%q):\n%s", tt.stderr, errOut)
			}
			if !strings.Contains(out, "Register quality on 2026-11-24: 2 records") || !strings.Contains(out, "  sensors/kapot.yaml") {
				t.Errorf("the report does not count or name the file:\n%s", out)
			}
			out, _, _ = run(t, "quality", "--root", root, "--format", "json")
			var rep struct {
				Records    int
				Unreadable []struct{ File string }
			}
			if json.Unmarshal([]byte(out), &rep) != nil || rep.Records != 2 || len(rep.Unreadable) != 1 || rep.Unreadable[0].File != "sensors/kapot.yaml" {
				t.Errorf("json: %s", out)
			}
			_, errOut, _ = run(t, "quality", "--root", root, "--lang", "nl")
			if !strings.Contains(errOut, "register: 1 registratiebestand kon niet worden gelezen") {
				t.Errorf("Dutch stderr:\n%s", errOut)
			}
		})
	}
}
