package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The register's own export, read back with a privacy flag malformed
// ("public": [[true]]): that entry is an error at its value, its record is
// not written, and no record the import writes says it is public; the
// other entries are imported.
func TestImportJSONKeepsAMalformedPrivacyFlagOut(t *testing.T) {
	data, stderr, code := run(t, "export", "--format", "json", "--root", "../../register")
	if code != ExitOK {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatal(err)
	}
	records, _ := doc["records"].([]any)
	found := false
	for _, r := range records {
		rec, _ := r.(map[string]any)
		if rec["id"] == "cam-politie-stationsplein" {
			rec["publication"] = map[string]any{"public": []any{[]any{true}}}
			found = true
		}
	}
	if !found {
		t.Fatal("the export has no record cam-politie-stationsplein")
	}
	text, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "register.json")
	if err := os.WriteFile(file, text, 0o644); err != nil {
		t.Fatal(err)
	}
	config, err := os.ReadFile("../../register/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	root := writeRegister(t, map[string]string{"register.yaml": string(config)})

	out, errOut, code := run(t, "import", "json", file, "--root", root, "--lang", "en")
	if code != ExitFindings {
		t.Errorf("import: exit %d, want %d\n%s%s", code, ExitFindings, out, errOut)
	}
	if !strings.Contains(out, `error: key "publication.public" holds a list, where the record format takes true or false, without quotes; the entry is not imported (import)`) {
		t.Errorf("import does not say the flag is malformed:\n%s", out)
	}
	if strings.Contains(out, "no problems found") {
		t.Errorf("import says it found no problems:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(root, "sensors", "cam-politie-stationsplein.yaml")); !os.IsNotExist(err) {
		t.Errorf("the record with the malformed flag is written (%v)", err)
	}
	written := 0
	for _, folder := range []string{"sensors", "algorithms"} {
		files, _ := filepath.Glob(filepath.Join(root, folder, "*.yaml"))
		for _, f := range files {
			written++
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "publication:\n  public: true") {
				t.Errorf("%s is public:\n%s", f, b)
			}
		}
	}
	if written != len(records)-1 {
		t.Errorf("%d records written, want the %d others", written, len(records)-1)
	}
}

// The line after the findings counts what the import read, rows of a
// spreadsheet or entries of JSON, and what it made, each in the singular
// for one, in either language.
func TestImportSaysWhatItRead(t *testing.T) {
	const row = "Teller %d;Telt fietsen.\n"
	const entry = `{"id": "teller-%d", "kind": "sensor", "name": "Teller %d"}`
	csvOf := func(n int) string {
		s := "Naam;Korte omschrijving\n"
		for i := 1; i <= n; i++ {
			s += fmt.Sprintf(row, i)
		}
		return s
	}
	jsonOf := func(n int) string {
		var items []string
		for i := 1; i <= n; i++ {
			items = append(items, fmt.Sprintf(entry, i, i))
		}
		return "[" + strings.Join(items, ",\n") + "]"
	}
	tests := []struct {
		name, format, data, lang string
		dry                      bool
		want                     string
	}{
		{"one row", "csv", csvOf(1), "en", false, "1 row read, 1 record created"},
		{"two rows", "csv", csvOf(2), "en", false, "2 rows read, 2 records created"},
		{"one row in Dutch", "csv", csvOf(1), "nl", false, "1 rij gelezen, 1 registratie aangemaakt"},
		{"two rows in Dutch", "csv", csvOf(2), "nl", true, "2 rijen gelezen, 2 registraties zouden worden aangemaakt (proefrun: niets geschreven)"},
		{"one entry", "json", jsonOf(1), "en", false, "1 entry read, 1 record created"},
		{"two entries", "json", jsonOf(2), "en", true, "2 entries read, 2 records would be created (dry run: nothing written)"},
		{"one entry in Dutch", "json", jsonOf(1), "nl", true, "1 item gelezen, 1 registratie zou worden aangemaakt (proefrun: niets geschreven)"},
		{"two entries in Dutch", "json", jsonOf(2), "nl", false, "2 items gelezen, 2 registraties aangemaakt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeRegister(t, map[string]string{"register.yaml": "organisation: Gemeente Heidebeek\n"})
			file := filepath.Join(t.TempDir(), "bron."+tt.format)
			if err := os.WriteFile(file, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"import", tt.format, file, "--root", root, "--kind", "sensor", "--lang", tt.lang}
			if tt.dry {
				args = append(args, "--dry-run")
			}
			out, errOut, _ := run(t, args...)
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, tt.want) {
				t.Errorf("last line %q, want %q\n%s%s", last, tt.want, out, errOut)
			}
		})
	}
}
