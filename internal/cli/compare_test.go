package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareNational: the report lists what is missing both ways and
// exits 0 however much differs; a file that is not there, a bad format or
// no organisation to compare is exit 2.
func TestCompareNational(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"register.yaml": "organisation: Gemeente Proef\n",
		"algorithms/parkeren.yaml": `id: parkeren
kind: algorithm
name: Parkeervergunning toetsen
summary: Toetst aanvragen.
status: active
national_register: {id: "101"}
`,
	})
	file := filepath.Join(t.TempDir(), "algoritmes.json")
	if err := os.WriteFile(file, []byte(`[{"id": "101", "title": "Parkeren", "organisatie": "Gemeente Proef", "status": "in_gebruik"},
 {"id": "102", "title": "Alleen daar", "organisatie": "Gemeente Proef", "status": "in_gebruik"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "compare", "national", file, "--root", root)
	if code != ExitOK {
		t.Fatalf("exit %d, want 0: the comparison informs\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"Registered nationally but not here (1)", "102  Alleen daar", "parkeren = national 101", "here:     Parkeervergunning toetsen"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"compare", "national", filepath.Join(t.TempDir(), "geen.json"), "--root", root},
		{"compare", "national", file, "--root", root, "--format", "xml"},
		{"compare", "national", file, "--root", writeRegister(t, map[string]string{"algorithms/a.yaml": "id: a\nkind: algorithm\n"})},
		{"compare"},
	} {
		if _, _, code := run(t, args...); code != ExitError {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
