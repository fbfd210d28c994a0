package cli

import (
	"encoding/json"
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
