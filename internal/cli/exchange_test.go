package cli

// Tests of the exchange commands (issue 7): export, import csv, init and
// migrate, end to end through the command line.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/export"
	"github.com/voorbeeldstad/register/internal/initreg"
)

func TestExportBundledRegisterToEveryFormat(t *testing.T) {
	for _, format := range export.Formats.Names() {
		args := []string{"export", "--root", "../../register", "--format", format}
		if format == "csv" {
			args = append(args, "--kind", "algorithm")
		}
		t.Run(format, func(t *testing.T) {
			out, errOut, code := run(t, args...)
			if code != ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if format == "csv" {
				if !strings.HasPrefix(out, "id,name,status,algorithm_type,") || strings.Count(out, "\r\n") != 11 {
					t.Errorf("csv: header and 10 algorithms expected:\n%s", out)
				}
				return
			}
			if !json.Valid([]byte(out)) {
				t.Errorf("%s output is not JSON:\n%.300s", format, out)
			}
		})
	}
}

func TestExportToAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "algoritmeregister.json")
	out, errOut, code := run(t, "export", "--root", "../../register", "--format", "algoritmeregister", "--out", path)
	if code != ExitOK || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	if err := json.Unmarshal(data, &entries); err != nil || len(entries) != 10 {
		t.Fatalf("%d entries, err %v", len(entries), err)
	}
	if entries[0]["lang"] != "nld" || entries[0]["standard_version"] != "1.0" {
		t.Errorf("first entry: %v", entries[0])
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("%d files next to the export, want 1 (no temporary file left)", len(entries))
	}
}

// TestExportToAFileIsWhatStandardOutputGets: an export written to a file
// (streamed into a temporary file that then replaces it) holds the same
// bytes as the one written to standard output, and reports the same
// findings with the same exit code.
func TestExportToAFileIsWhatStandardOutputGets(t *testing.T) {
	tests := []struct {
		root string
		args []string
		code int
	}{
		{"../../register", []string{"--format", "algoritmeregister"}, ExitOK},
		{"../../register", []string{"--format", "sensorthings"}, ExitOK},
		{"../../register", []string{"--format", "json"}, ExitOK},
		{"../../register", []string{"--format", "geojson"}, ExitOK},
		{"../../register", []string{"--format", "csv", "--kind", "sensor"}, ExitOK},
		{"../export/testdata/register", []string{"--format", "algoritmeregister"}, ExitFindings},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := run(t, append([]string{"export", "--root", tt.root}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("to standard output: exit %d, want %d\n%s", code, tt.code, stderr)
			}
			path := filepath.Join(t.TempDir(), "export")
			out, errOut, code := run(t, append([]string{"export", "--root", tt.root, "--out", path}, tt.args...)...)
			if code != tt.code || out != "" || errOut != stderr {
				t.Fatalf("to a file: exit %d, stdout %q, stderr %q; want exit %d and stderr %q", code, out, errOut, tt.code, stderr)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != stdout {
				t.Errorf("the file holds %d bytes that differ from the %d of standard output", len(data), len(stdout))
			}
		})
	}
}

// TestAFailedExportLeavesTheFileAsItWas: an export that fails part of the
// way (a catalogue without the site's address) leaves the file it was to
// replace as it was, and no temporary file beside it.
func TestAFailedExportLeavesTheFileAsItWas(t *testing.T) {
	root := filepath.Join(t.TempDir(), "register")
	if err := os.CopyFS(root, os.DirFS("../export/testdata/register")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, "register.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(data), "base_url: https://register.proefdorp.example/", `base_url: ""`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "catalogus.jsonld")
	if err := os.WriteFile(path, []byte("the catalogue before"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "export", "--root", root, "--format", "dcat", "--out", path)
	if code != ExitError || !strings.Contains(errOut, "base_url") {
		t.Fatalf("exit %d, want %d with a message naming base_url; stderr %q", code, ExitError, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "the catalogue before" {
		t.Errorf("the file now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want the one (no temporary file left)", len(entries))
	}
}

func TestExportReportsWhatTheStandardCannotTake(t *testing.T) {
	out, errOut, code := run(t, "export", "--root", "../export/testdata/register", "--format", "algoritmeregister")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	if !json.Valid([]byte(out)) {
		t.Errorf("the export is still written in full: %.200s", out)
	}
	for _, want := range []string{
		"algorithms/oud-model.yaml:8:10: error: goal is 2679 characters; the national algorithm register allows at most 2500 (export-algoritmeregister)",
		"algorithms/oud-model.yaml:7:39: error: the national algorithm register requires contact_email, and the record gives no value for it (export-algoritmeregister)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestExportUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "export needs --format: use algoritmeregister, sensorthings, csv, json, geojson or dcat"},
		{[]string{"export", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"export", "--format", "csv"}, "csv holds one kind of record: add --kind sensor or --kind algorithm"},
	}
	for _, tt := range tests {
		_, errOut, code := run(t, append(tt.args, "--root", "../../register", "--lang", "en")...)
		if code != ExitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

const spreadsheet = "Naam;Korte omschrijving;Status;Doel;Verantwoordelijke;E-mailadres;Soort sensor;Wat kan de sensor;Locatie;Breedtegraad;Lengtegraad;Startdatum\n" +
	"Teller Dorpsstraat;Telt auto's.;In gebruik;Verkeer meten.;Adviseur verkeer;verkeer@heidebeek.example;Verkeersteller;Voertuigen tellen;Dorpsstraat 1;52,1;6,1;1-3-2025\n" +
	";;;;;;;;;;;\n" +
	"Meter Beek;Meet water.;In gebruik;Water meten.;Adviseur water;water@heidebeek.example;Waterstandmeter;Omgeving meten;Beekweg;52,2;6,2;31-02-2025\n"

func TestImportCSV(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": "organisation: Gemeente Heidebeek\n"})
	file := filepath.Join(t.TempDir(), "sensoren.csv")
	if err := os.WriteFile(file, []byte(spreadsheet), 0o644); err != nil {
		t.Fatal(err)
	}
	// A dry run shows the record and writes nothing.
	out, errOut, code := run(t, "import", "csv", file, "--root", root, "--dry-run")
	if code != ExitFindings {
		t.Fatalf("dry run: exit %d, want 1 (a bad date)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"would write ", "sensors/teller-dorpsstraat.yaml (line 2)\n",
		"name: Teller Dorpsstraat\n", "  start: 2025-03-01\n", "sensor_type: traffic_counter\n",
		":3: info: line 3 is blank and skipped (import)",
		`:4:12: error: lifecycle.start (column "Startdatum"): "31-02-2025" is not a date that exists; the row is skipped (import)`,
		"3 rows read, 1 record would be created (dry run: nothing written)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "sensors")); !os.IsNotExist(err) {
		t.Fatal("the dry run wrote files")
	}
	// The import writes the record, which validates.
	out, _, code = run(t, "import", "csv", file, "--root", root)
	if code != ExitFindings || !strings.Contains(out, "created ") || !strings.Contains(out, "3 rows read, 1 record created\n") {
		t.Fatalf("import: exit %d\n%s", code, out)
	}
	out, errOut, code = run(t, "validate", "--root", root)
	if code != ExitOK || !strings.Contains(out, "1 record, no problems found") {
		t.Errorf("validate after import: exit %d\n%s%s", code, out, errOut)
	}
	// Again: the existing record is left as it is.
	out, _, _ = run(t, "import", "csv", file, "--root", root)
	if !strings.Contains(out, `a record with id "teller-dorpsstraat" is already in the register and is left unchanged`) {
		t.Errorf("second import:\n%s", out)
	}
}

func TestImportUsage(t *testing.T) {
	mapping := filepath.Join(t.TempDir(), "map.yaml")
	if err := os.WriteFile(mapping, []byte("columns: {Naam: naam}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	big := filepath.Join(t.TempDir(), "groot.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# \n"), 1<<19), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "import needs a source: register import csv FILE"},
		{[]string{"import", "csv"}, "import csv needs one file"},
		{[]string{"import", "csv", "x.csv", "--kind", "camera"}, `--kind "camera": use sensor or algorithm`},
		{[]string{"import", "csv", "x.csv", "--map", mapping}, `column "Naam" maps to "naam", which is not a field the import can fill`},
		// A folder is not taken for a file that is too large.
		{[]string{"import", "csv", folder}, "read " + folder + ": this is a folder, not a file: give the file to import itself, for example " +
			filepath.Join(folder, "sensoren.csv")},
		{[]string{"import", "json", folder}, "this is a folder, not a file: give the file to import itself, for example " +
			filepath.Join(folder, "register.json")},
		{[]string{"import", "notification", folder, "--received", "2026-11-20"}, "this is a folder, not a file: give the file to import itself, for example " +
			filepath.Join(folder, "melding.yaml")},
		{[]string{"import", "notification", big, "--received", "2026-11-20"}, "read " + big + ": the file is larger than 1048576 bytes; a notification is one record"},
	}
	for _, tt := range tests {
		_, errOut, code := run(t, tt.args...)
		if code != ExitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestInitThenValidateAndCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "register-heidebeek")
	out, errOut, code := run(t, "init", dir, "--organisation", "Gemeente Heidebeek", "--domain", "heidebeek.nl")
	if code != ExitOK {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "initialised an empty Git repository") || !strings.Contains(out, "register/sensors/voorbeeld-waterstandmeter.yaml") {
		t.Errorf("init output:\n%s", out)
	}
	root := filepath.Join(dir, "register")
	out, errOut, code = run(t, "validate", "--root", root)
	if code != ExitOK || !strings.Contains(out, "2 registraties, geen problemen gevonden") || errOut != "" {
		t.Errorf("validate after init: exit %d\n%s%s", code, out, errOut)
	}
	// The examples are flagged until they are replaced, and only for that.
	out, errOut, code = run(t, "check", "--root", root)
	if code != ExitFindings || !strings.Contains(out, "2 registraties, 5 fouten, 0 waarschuwingen") || strings.Count(out, "(placeholder)") != 5 || errOut != "" {
		t.Errorf("check after init: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = run(t, "migrate", "--root", root)
	if code != ExitOK || out != "2 registraties (2 in formaat v2); v2 is het huidige formaat: er hoeft niets te worden gemigreerd\n" {
		t.Errorf("migrate after init: exit %d\n%s", code, out)
	}
	// A second init into the same folder is refused.
	_, errOut, code = run(t, "init", dir, "--organisation", "Gemeente Heidebeek")
	if code != ExitError || !strings.Contains(errOut, "the folder is not empty") {
		t.Errorf("second init: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = run(t, "init", filepath.Join(t.TempDir(), "x"))
	if code != ExitError || !strings.Contains(errOut, "init needs --organisation") {
		t.Errorf("init without organisation: exit %d, stderr %q", code, errOut)
	}
}

// TestWorkflowCommandsExist runs every register command line of the
// generated workflow through this tool's flag parsing, so the workflow never
// calls a command or flag that does not exist.
func TestWorkflowCommandsExist(t *testing.T) {
	files, err := initreg.Files(initreg.Options{Organisation: "Gemeente Heidebeek"})
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct{ Run string }
		}
	}
	for _, f := range files {
		if f.Path == initreg.WorkflowPath {
			if err := yaml.Unmarshal(f.Data, &wf); err != nil {
				t.Fatal(err)
			}
		}
	}
	n := 0
	seen := map[string]bool{}
	for job, j := range wf.Jobs {
		for _, s := range j.Steps {
			for _, line := range strings.Split(s.Run, "\n") {
				line = strings.TrimSpace(line)
				if !strings.HasPrefix(line, "register ") {
					continue
				}
				n++
				// The command line ends where the shell takes over.
				var args []string
				for _, f := range strings.Fields(line)[1:] {
					if strings.ContainsAny(f[:1], ">|&;") {
						break
					}
					args = append(args, f)
				}
				seen[args[0]] = true
				root := NewRootCmd(&App{Out: os.Stdout, Err: os.Stderr})
				cmd, rest, err := root.Find(args)
				if err != nil || cmd == root {
					t.Errorf("job %s: %q is not a command: %v", job, line, err)
					continue
				}
				if err := cmd.ParseFlags(rest); err != nil {
					t.Errorf("job %s: %q: %v", job, line, err)
				}
			}
		}
	}
	if len(seen) != 4 || n < 4 {
		t.Errorf("%d register command lines of %v in the workflow, want validate, check, due and build", n, seen)
	}
}

func TestMigrateBundledRegister(t *testing.T) {
	out, errOut, code := run(t, "migrate", "--root", "../../register", "--dry-run")
	if code != ExitOK || out != "25 registraties (25 in formaat v2); v2 is het huidige formaat: er hoeft niets te worden gemigreerd\n" {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestImportJSONStaysMachineReadable(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": "organisation: Gemeente Heidebeek\n"})
	file := filepath.Join(t.TempDir(), "sensoren.csv")
	if err := os.WriteFile(file, []byte(spreadsheet), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dry := range []bool{true, false} {
		args := []string{"import", "csv", file, "--root", root, "--format", "json"}
		if dry {
			args = append(args, "--dry-run")
		}
		out, errOut, code := run(t, args...)
		var doc struct {
			Findings []struct {
				Line          int
				Rule, Message string
			}
			Summary struct{ Records, Errors int }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("dry run %v: stdout is not JSON: %v\n%s", dry, err, out)
		}
		if code != ExitFindings || doc.Summary.Records != 1 || doc.Summary.Errors != 1 || len(doc.Findings) != 2 || doc.Findings[1].Line != 4 {
			t.Errorf("dry run %v: exit %d, %+v", dry, code, doc)
		}
		if created := strings.Contains(errOut, "created "); created == dry {
			t.Errorf("dry run %v: stderr %q", dry, errOut)
		}
	}
}

func TestExportSaysWhenTheRegisterHasErrors(t *testing.T) {
	broken := strings.Replace(lapsedCamera, "status: active\n", "status: actief\n", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": broken, "sensors/kapot.yaml": "id: [\n"})
	out, errOut, code := run(t, "export", "--root", root, "--format", "geojson")
	if code != ExitFindings || !strings.Contains(out, `"cam-station"`) ||
		errOut != "register: 1 record file could not be read and is missing from the export; run 'register validate'\n" {
		t.Errorf("unreadable record: exit %d\nstdout %s\nstderr %q", code, out, errOut)
	}
	root = writeRegister(t, map[string]string{"sensors/cam-station.yaml": broken})
	_, errOut, code = run(t, "export", "--root", root, "--format", "geojson")
	if code != ExitFindings || errOut != "register: the register has 1 error, and the export carries the records as they are; run 'register validate'\n" {
		t.Errorf("schema error: exit %d, stderr %q", code, errOut)
	}
}

// An output that cannot be written is named as the user gave it, never by
// the temporary file beside it, with what to do; exit 2.
func TestWriteErrorsNameTheTargetAndWhatToDo(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": validSensor})
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(file, "x.json"), "cannot write " + filepath.Join(file, "x.json") + ": not a directory; check the folder and the free disk space, or choose another folder"},
		{filepath.Join(dir, "none", "x.json"), "cannot write " + filepath.Join(dir, "none", "x.json") + ": the folder " + filepath.Join(dir, "none") + " does not exist; create it, or choose another folder"},
	} {
		_, errOut, code := run(t, "export", "--root", root, "--format", "json", "--out", tt.out, "--lang", "en")
		if code != ExitError || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, ".tmp-") {
			t.Errorf("export --out %s: exit %d, stderr %q; want 2 and %q", tt.out, code, errOut, tt.want)
		}
	}
	// Without write permission on the folder (which root has anyway).
	err := writeError(&atomicfile.Error{Path: "ro/x.json", Err: syscall.EACCES})
	if got := err.Error(); got != "cannot write ro/x.json: no permission to write in ro; choose another folder, or fix the folder's permissions" {
		t.Errorf("permission denied: %q", got)
	}
	if os.Geteuid() == 0 {
		return // root writes in a read-only folder
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "export", "--root", root, "--format", "json", "--out", filepath.Join(ro, "x.json"), "--lang", "en")
	if code != ExitError || !strings.Contains(errOut, "cannot write "+filepath.Join(ro, "x.json")+": no permission to write in "+ro) {
		t.Errorf("read-only folder: exit %d, stderr %q", code, errOut)
	}
}

// TestAFullDiskIsSaidInWords: an output the disk has no room for is said
// as any other failed write, in the run's language, naming the file the
// user gave and what to do; exit 2. An export larger than the write
// buffer fails while it is made, not only when it ends.
func TestAFullDiskIsSaidInWords(t *testing.T) {
	const full = "/dev/full" // a device every write to fails with "no space left"
	if _, err := os.Stat(full); err != nil {
		t.Skip("no", full, "here")
	}
	tests := []struct {
		name string
		args []string
		lang string
		want string
	}{
		{"export json", []string{"export", "--format", "json", "--out", full}, "en", "cannot write " + full + ": no space left on device; check the folder and the free disk space"},
		{"export csv", []string{"export", "--format", "csv", "--kind", "algorithm", "--out", full}, "nl", "kan " + full + " niet schrijven: no space left on device; controleer de map en de vrije schijfruimte"},
		{"export sensorthings", []string{"export", "--format", "sensorthings", "--out", full}, "nl", "kan " + full + " niet schrijven"},
		{"due", []string{"due", "--format", "json", "--output", full}, "en", "cannot write " + full + ": no space left on device"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, append([]string{"--root", "../../register", "--lang", tt.lang}, tt.args...)...)
			if code != ExitError || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}
