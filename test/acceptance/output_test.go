package acceptance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFilesAreWholeOrUntouched: every command that writes a file
// either replaces it whole or leaves the old one as it was, leaves no
// temporary file behind, and creates nothing when it cannot write.
func TestOutputFilesAreWholeOrUntouched(t *testing.T) {
	tests := []struct {
		name   string
		out    string   // the file the command writes
		ok     []string // a run that writes it (exit okCode)
		okCode int
		starts string   // how the written file starts
		bad    []string // a run that fails with a usage error
	}{
		{"due ical", "due.ics", []string{"due", "--as-of", asOf, "--format", "ical", "--output", "due.ics"}, 1, "BEGIN:VCALENDAR",
			[]string{"due", "--format", "ical", "--output", "due.ics", "--within", "drie maanden"}},
		{"due csv", "due.csv", []string{"due", "--as-of", asOf, "--format", "csv", "--output", "due.csv"}, 1, "group,date,record,",
			[]string{"due", "--format", "csv", "--output", "due.csv", "--as-of", "2026-13-01"}},
		{"export json", "register.json", []string{"export", "--format", "json", "--out", "register.json"}, 1, "{",
			[]string{"export", "--format", "jsonl", "--out", "register.json"}},
		{"export algoritmeregister", "alg.json", []string{"export", "--format", "algoritmeregister", "--out", "alg.json"}, 1, "[",
			[]string{"export", "--format", "algoritmeregister", "--out", "alg.json", "--as-of", "morgen"}},
		{"packet markdown", "pakket.md", []string{"packet", "--as-of", asOf, "--out", "pakket.md"}, 0, "#",
			[]string{"packet", "--as-of", asOf, "--out", "pakket.md", "--lang", "fr"}},
		{"packet pdf", "pakket.pdf", []string{"packet", "--as-of", asOf, "--out", "pakket.pdf", "--lang", "en"}, 0, "%PDF-",
			[]string{"packet", "--as-of", "2026-11-31", "--out", "pakket.pdf"}},
		{"packet html", "pakket.html", []string{"packet", "--as-of", asOf, "--out", "pakket.html"}, 0, "<!DOCTYPE html>",
			[]string{"packet", "--as-of", asOf, "--out", "pakket.html", "--within", "P-1D"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workspace(t)
			path := filepath.Join(dir, tt.out)
			writeFile(t, path, "OUD\n")
			r := run(t, dir, nil, tt.bad...)
			if r.code != 2 {
				t.Errorf("%v: exit %d, want 2\n%s", tt.bad, r.code, r.out())
			}
			if got := readFile(t, path); got != "OUD\n" {
				t.Errorf("a failed run changed %s to %.60q", tt.out, got)
			}
			r = run(t, dir, nil, tt.ok...)
			if r.code != tt.okCode {
				t.Fatalf("%v: exit %d, want %d\n%s", tt.ok, r.code, tt.okCode, r.out())
			}
			got := readFile(t, path)
			if got == "OUD\n" || !strings.HasPrefix(strings.TrimPrefix(got, "\ufeff"), tt.starts) {
				t.Errorf("%s after a run starts %.40q, want %q", tt.out, got, tt.starts)
			}
			if names := entries(t, dir); !sameSet(names, []string{"register", tt.out}) {
				t.Errorf("the folder holds %v: a temporary file was left behind", names)
			}
			// Into a folder that does not exist: an error, nothing created.
			missing := append([]string{}, tt.ok...)
			for i, a := range missing {
				if a == tt.out {
					missing[i] = filepath.Join("bestaat-niet", tt.out)
				}
			}
			r = run(t, dir, nil, missing...)
			if r.code != 2 || !strings.Contains(r.stderr, "bestaat-niet") {
				t.Errorf("%v: exit %d, want 2 naming the folder\n%s", missing, r.code, r.out())
			}
			if _, err := os.Stat(filepath.Join(dir, "bestaat-niet")); err == nil {
				t.Error("a folder was created for a file that could not be written")
			}
		})
	}
}

// TestBuildReplacesTheSiteWhole: build swaps in a complete site, keeps the
// old one when it fails, and never replaces a folder it did not build.
func TestBuildReplacesTheSiteWhole(t *testing.T) {
	dir := workspace(t)
	site := filepath.Join(dir, "site")
	r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "site")
	if r.code != 1 {
		t.Fatalf("build: exit %d\n%s", r.code, r.out())
	}
	index := readFile(t, filepath.Join(site, "index.html"))
	r = run(t, dir, nil, "build", "--as-of", "2026-02-30", "--out", "site")
	if r.code != 2 || readFile(t, filepath.Join(site, "index.html")) != index {
		t.Errorf("a failed build touched the site: exit %d\n%s", r.code, r.out())
	}
	// A record changes; the next build replaces the site whole.
	cam := filepath.Join(dir, "register", "sensors", "cam-stationsplein.yaml")
	writeFile(t, cam, strings.Replace(readFile(t, cam), "Cameratoezicht Stationsplein", "Cameratoezicht Stationsplein Noord", 1))
	if r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "site"); r.code != 1 {
		t.Fatalf("rebuild: exit %d\n%s", r.code, r.out())
	}
	if !strings.Contains(readFile(t, filepath.Join(site, "sensoren", "cam-stationsplein.html")), "Stationsplein Noord") {
		t.Error("the rebuilt site does not show the change")
	}
	// Beside the site only the earlier version the next build updates.
	if names := entries(t, dir); !sameSet(names, []string{"register", "site", ".site.previous"}) {
		t.Errorf("the working folder holds %v: a temporary site was left behind", names)
	}
	// Folders build did not make are never replaced: a stranger's folder,
	// the register itself, the working folder.
	writeFile(t, filepath.Join(dir, "mijn-map", "belangrijk.txt"), "niet weggooien")
	for out, says := range map[string]string{
		"mijn-map": "is niet leeg en is niet door register gebouwd",
		"register": "register.yaml van het register",
		".":        "register.yaml van het register",
	} {
		r := run(t, dir, nil, "build", "--as-of", asOf, "--out", out)
		if r.code != 2 || !strings.Contains(r.stderr, says) {
			t.Errorf("build --out %s: exit %d\n%s", out, r.code, r.out())
		}
	}
	if readFile(t, filepath.Join(dir, "mijn-map", "belangrijk.txt")) != "niet weggooien" {
		t.Error("build replaced a folder it did not build")
	}
	if _, err := os.Stat(filepath.Join(dir, "register", "sensors", "cam-haven.yaml")); err != nil {
		t.Errorf("build --out register damaged the register: %v", err)
	}
}
