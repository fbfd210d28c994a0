package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFederateCommand: the command builds the national site from the
// registers it can read, reports the one it cannot with exit code 1, and
// exits 2 on a federation.yaml that does not read or a bad flag.
func TestFederateCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera})
	dir := t.TempDir()
	fed := filepath.Join(dir, "federation.yaml")
	if err := os.WriteFile(fed, []byte("registers:\n  - {organisation: Gemeente A, code: GM0001, source: "+root+"}\n  - {organisation: Gemeente B, code: GM0002, source: ontbreekt}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "national")
	stdout, stderr, code := run(t, "federate", fed, "--out", out, "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1 (one register missing)\n%s%s", code, stdout, stderr)
	}
	var rep struct {
		Read   int `json:"registers_read"`
		Failed []struct{ Code string }
		Totals struct{ Records int }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || rep.Read != 1 || len(rep.Failed) != 1 || rep.Failed[0].Code != "GM0002" || rep.Totals.Records != 1 {
		t.Errorf("report (%v): %s", err, stdout)
	}
	if !strings.Contains(stderr, "1 of 2 registers could not be read") {
		t.Errorf("stderr does not say what is missing: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the site is written even with a register missing: %v", err)
	}
	if err := os.WriteFile(fed, []byte("registers:\n  - {organisation: A, code: 12, source: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "federate", fed, "--out", out); code != ExitError || !strings.Contains(stderr, "federation.yaml:2:") {
		t.Errorf("bad federation.yaml: exit %d, want 2 with its line\n%s", code, stderr)
	}
	if _, _, code := run(t, "federate", fed, "--format", "xml"); code != ExitError {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}

// A register whose open data publishes a record the federation keeps out
// (its publication block does not read) is said on stderr and fails the
// run, as a register that cannot be read does: the national site is
// written without the record.
func TestFederateFailsOnRecordsKeptOut(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera})
	data, stderr, code := run(t, "export", "--format", "json", "--root", root)
	if code != ExitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatal(err)
	}
	recs, _ := doc["records"].([]any)
	if len(recs) != 1 {
		t.Fatalf("export holds %d records: %s", len(recs), data)
	}
	recs[0].(map[string]any)["publication"] = map[string]any{"reason": "Woo 5.1", "withheld": []any{"location.piont"}}
	b, _ := json.Marshal(doc)
	dir := t.TempDir()
	src := filepath.Join(dir, "register.json")
	fed := filepath.Join(dir, "federation.yaml")
	if err := os.WriteFile(src, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fed, []byte("registers:\n  - {organisation: Gemeente A, code: GM0001, source: "+src+"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "national")
	stdout, stderr, code := run(t, "federate", fed, "--out", out)
	if code != ExitFindings || !strings.Contains(stderr, "in 1 of 1 registers the open data publishes records that are kept out") {
		t.Errorf("exit %d, want 1 and the registers said\n%s%s", code, stdout, stderr)
	}
	site, err := os.ReadFile(filepath.Join(out, "data", "register.json"))
	if err != nil || strings.Contains(string(site), "cam-station") {
		t.Errorf("the record kept out is in the national open data (%v)", err)
	}
}

// A register whose open data holds records that do not read, or that
// share an id, is said on stderr in the reader's language and fails the
// run: the report names each record left out.
func TestFederateFailsOnUnreadableRecords(t *testing.T) {
	for _, tt := range []struct {
		name, records string
	}{
		{"an id that climbs out", `{"id": "../../../../tmp/pwned", "kind": "sensor"}`},
		{"one id twice", `{"id": "cam-x", "kind": "sensor"}, {"id": "cam-x", "kind": "sensor"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "register.json")
			fed := filepath.Join(dir, "federation.yaml")
			if err := os.WriteFile(src, []byte(`{"records": [{"id": "alg-a", "kind": "algorithm"}, `+tt.records+`]}`), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(fed, []byte("registers:\n  - {organisation: Gemeente A, code: GM0001, source: register.json}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "national")
			stdout, stderr, code := run(t, "federate", fed, "--out", out)
			if code != ExitFindings || !strings.Contains(stderr, "in 1 of 1 registers records do not read or share an id") ||
				!strings.Contains(stdout, "record 2 of register.json") {
				t.Errorf("exit %d, want 1, the register said and the record named\n%s%s", code, stdout, stderr)
			}
			_, stderr, _ = run(t, "federate", fed, "--out", out, "--lang", "nl")
			if !strings.Contains(stderr, "bij 1 van de 1 registers zijn registraties niet te lezen") {
				t.Errorf("in Dutch: %s", stderr)
			}
		})
	}
}

// A register folder with a record file that does not read, or a
// register.yaml that does not read, fails the run as its own build
// does: the file is named in the report, or the register is not read.
func TestFederateFailsOnAFolderThatDoesNotRead(t *testing.T) {
	for _, tt := range []struct {
		name, file, text, want string
	}{
		{"a record file", "sensors/broken.yaml", "id: [\n", `"file": "sensors/broken.yaml"`},
		{"register.yaml", "register.yaml", "organisation: A\nx: [\n", "register.yaml does not read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera, tt.file: tt.text})
			dir := t.TempDir()
			fed := filepath.Join(dir, "federation.yaml")
			if err := os.WriteFile(fed, []byte("registers:\n  - {organisation: Gemeente Een, code: GM0001, source: "+root+"}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := run(t, "federate", fed, "--out", filepath.Join(dir, "national"), "--format", "json")
			if code != ExitFindings || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, want 1 and the report to say %s\n%s%s", code, tt.want, stdout, stderr)
			}
		})
	}
}
