package acceptance

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// verdicts is a register on disk with the cases where a green result used
// to say the opposite of the truth: a municipal camera that recognises
// faces, a data breach reported late with an exception, and a prohibited AI
// practice with an exception.
const verdicts = "testdata/acceptance/verdicts"

// verdictsWorkspace copies the register into a fresh folder as register/,
// with the rules settings given in place of the bundled one.
func verdictsWorkspace(t *testing.T, rules string) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, verdicts, filepath.Join(dir, "register"))
	cfg := filepath.Join(dir, "register", "register.yaml")
	text := readFile(t, cfg)
	if !strings.Contains(text, "  security-audit: warning\n") {
		t.Fatal("the fixture's register.yaml changed; update verdictsWorkspace")
	}
	writeFile(t, cfg, strings.Replace(text, "  security-audit: warning\n", rules, 1))
	return dir
}

// findingsOf runs check --format json and returns the findings.
func findingsOf(t *testing.T, dir string, env []string) (jsonReport, int) {
	t.Helper()
	r := run(t, dir, env, "check", "--as-of", asOf, "--format", "json")
	return decodeReport(t, r.stdout), r.code
}

// TestLegalDutiesStayOnTheRegister: switching the biometric ban off in
// register.yaml or the environment leaves the face-recognising camera
// failing, and the setting is itself an error citing the article; the late
// breach and the prohibited practice stay errors despite their exceptions.
func TestLegalDutiesStayOnTheRegister(t *testing.T) {
	tests := []struct {
		name, rules string
		env         []string
		settingFile string
	}{
		{"switched off in register.yaml", "  biometric-ban: {severity: off, reason: De raad staat het toe.}\n", nil, "register.yaml"},
		{"switched off from the environment", "", []string{"REGISTER_RULES_BIOMETRIC_BAN=off"}, "REGISTER_RULES_BIOMETRIC_BAN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := verdictsWorkspace(t, tt.rules)
			rep, code := findingsOf(t, dir, tt.env)
			if code != 1 {
				t.Errorf("check exit %d, want 1", code)
			}
			var face, setting, breach, prohibited bool
			for _, f := range rep.Findings {
				switch {
				case f.Rule == "biometric-ban" && f.File == "sensors/cam-gezicht.yaml" && f.Severity == "error":
					face = true
				case f.Rule == "config" && f.Severity == "error" && f.File == tt.settingFile && strings.Contains(f.Message, "GDPR art. 9(1); AI Act art. 5(1)(h)"):
					setting = true
					if tt.settingFile == "register.yaml" && (f.Line == nil || *f.Line == 0) {
						t.Error("the setting's error has no line")
					}
				case f.Rule == "breach-reported" && f.Severity == "error" && strings.Contains(f.Message, "does not count"):
					breach = true
				case f.Rule == "publication-category" && f.Severity == "error" && strings.Contains(f.Message, "AI Act art. 5"):
					prohibited = true
				case f.Severity == "info":
					t.Errorf("a finding became info: %+v", f)
				}
			}
			if !face || !setting || !breach || !prohibited {
				t.Errorf("face %v, setting %v, breach %v, prohibited %v:\n%+v", face, setting, breach, prohibited, rep.Findings)
			}
		})
	}
	// A bad environment setting is reported, not ignored.
	rep, _ := findingsOf(t, verdictsWorkspace(t, ""), []string{"REGISTER_RULES_SIGNAGE=sometimes", "REGISTER_RULES_SINAGE=off"})
	var bad, unknown bool
	for _, f := range rep.Findings {
		bad = bad || f.File == "REGISTER_RULES_SIGNAGE" && f.Severity == "error"
		unknown = unknown || f.File == "REGISTER_RULES_SINAGE" && strings.Contains(f.Message, "names no rule")
	}
	if !bad || !unknown {
		t.Errorf("bad severity reported %v, unknown rule reported %v", bad, unknown)
	}
}

// TestDeviationsAreShownToResidents: a policy rule switched off with a
// reason is listed on the principles page, the affected record pages, the
// open data, the packet and build's summary; its principle reads "niet
// getoetst", never a tick.
func TestDeviationsAreShownToResidents(t *testing.T) {
	dir := verdictsWorkspace(t, "  security-audit: {severity: off, reason: De regio auditeert het cameranetwerk.}\n  biometric-ban: off\n")
	r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "site")
	if r.code != 0 {
		t.Fatalf("build exit %d, want 0 (findings do not fail the default build)\n%s", r.code, r.out())
	}
	// The register speaks Dutch first (register.yaml's languages), so build does.
	for _, want := range []string{"register: toetsing: 3 registraties, ", "2 regels uitgezet of verlaagd",
		"security-audit: off (standaard warning), ingesteld in register.yaml:", "reden: De regio auditeert het cameranetwerk.",
		"biometric-ban: off (standaard error), ingesteld in register.yaml:", "geen reden gegeven"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("build's summary lacks %q:\n%s", want, r.stderr)
		}
	}
	page := readFile(t, filepath.Join(dir, "site", "sensoren", "cam-lek.html"))
	for _, want := range []string{"Niet getoetst (uitgezet door de gemeente):</span> <a href=\"../principes.html#vng-7-7\">",
		"Afwijkingen van de standaardinstellingen", "De regio auditeert het cameranetwerk."} {
		if !strings.Contains(page, want) {
			t.Errorf("the camera's page lacks %q", want)
		}
	}
	if i := strings.Index(page, `<details class="clean">`); i >= 0 {
		if clean := page[i:]; strings.Contains(clean[:strings.Index(clean, "</details>")], "Beveiligingsaudit") {
			t.Error("the switched-off security audit is ticked")
		}
	}
	principles := readFile(t, filepath.Join(dir, "site", "principes.html"))
	for _, want := range []string{"Afwijkingen van de standaardinstellingen", "register.yaml:", "De regio auditeert het cameranetwerk.",
		"geen reden opgegeven", "wettelijke plicht"} {
		if !strings.Contains(principles, want) {
			t.Errorf("the principles page lacks %q", want)
		}
	}
	var data struct {
		Checklist struct {
			Deviations []struct{ Rule, Reason, SetIn string } `json:"deviations"`
		} `json:"checklist"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "site", "data", "register.json"))), &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Checklist.Deviations) != 2 {
		t.Errorf("register.json lists %+v", data.Checklist.Deviations)
	}
	for _, public := range []bool{false, true} {
		args := []string{"packet", "--as-of", asOf, "--out", "pakket.md"}
		if public {
			args = append(args, "--public")
		}
		if r := run(t, dir, nil, args...); r.code != 0 {
			t.Fatalf("packet exit %d\n%s", r.code, r.out())
		}
		if md := readFile(t, filepath.Join(dir, "pakket.md")); !strings.Contains(md, "De regio auditeert het cameranetwerk.") {
			t.Errorf("the packet (public %v) does not list the deviation", public)
		}
	}
	// The PDF packet too, as a reader copying its text gets it.
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if r := run(t, dir, nil, "packet", "--as-of", asOf, "--out", "pakket.pdf"); r.code != 0 {
			t.Fatalf("packet exit %d\n%s", r.code, r.out())
		}
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, "pakket.pdf"), "-").Output()
		if err != nil || !strings.Contains(string(text), "Afwijkingen van de standaardinstellingen") {
			t.Errorf("pdftotext: %v; the PDF packet does not list the deviations", err)
		}
	}
}

// TestBuildFailOn: build publishes whatever the findings, and --fail-on
// lets CI choose what fails the run.
func TestBuildFailOn(t *testing.T) {
	dir := verdictsWorkspace(t, "")
	for _, tt := range []struct {
		args []string
		code int
	}{{nil, 0}, {[]string{"--fail-on", "none"}, 0}, {[]string{"--fail-on", "error"}, 1}, {[]string{"--fail-on", "warning"}, 1}, {[]string{"--fail-on", "fatal"}, 2}} {
		r := run(t, dir, nil, append([]string{"build", "--as-of", asOf, "--out", "site"}, tt.args...)...)
		if r.code != tt.code {
			t.Errorf("build %v: exit %d, want %d\n%s", tt.args, r.code, tt.code, r.out())
		}
		if tt.code != 2 && !strings.Contains(readFile(t, filepath.Join(dir, "site", "sensoren", "cam-gezicht.html")), "biometric-ban") {
			t.Errorf("build %v did not publish the camera with its finding", tt.args)
		}
	}
}

// TestPlaceholdersNeverReachTheSite: a record made with register new and
// committed as it is fails check at each field still to fill in, and the
// site and its open data leave it out.
func TestPlaceholdersNeverReachTheSite(t *testing.T) {
	dir := verdictsWorkspace(t, "")
	if r := run(t, dir, nil, "new", "sensor", "cam-nieuw"); r.code != 0 {
		t.Fatalf("new exit %d\n%s", r.code, r.out())
	}
	rep, _ := findingsOf(t, dir, nil)
	lines := map[int]bool{}
	for _, f := range rep.Findings {
		if f.Rule == "placeholder" && f.File == "sensors/cam-nieuw.yaml" && f.Severity == "error" && f.Line != nil {
			lines[*f.Line] = true
		}
	}
	if len(lines) < 8 {
		t.Errorf("placeholders found on %d lines of the fresh record, want every field to fill in (8)", len(lines))
	}
	if r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "site"); r.code != 0 {
		t.Fatalf("build exit %d\n%s", r.code, r.out())
	}
	if exists(filepath.Join(dir, "site", "sensoren", "cam-nieuw.html")) {
		t.Error("the site has a page for the unfilled record")
	}
	if strings.Contains(readFile(t, filepath.Join(dir, "site", "data", "register.json"))+readFile(t, filepath.Join(dir, "site", "data", "register", "1.json")), "cam-nieuw") {
		t.Error("the open data carries the unfilled record")
	}
}

// exists reports whether a path exists.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
