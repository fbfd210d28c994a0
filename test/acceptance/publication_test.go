package acceptance

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A register on disk as a municipality keeps one under the Woo: a camera at
// vital infrastructure that withholds its position, maker and supplier; a
// camera that is not public at all; one whose publication block is written
// wrong (withheld as text); and an algorithm that uses the hidden camera.
const confidentialSensor = `id: %ID%
kind: sensor
name: %NAME%
summary: Camera's bij het gemaal.
status: active
organisation: {name: Gemeente Proef, type: municipality}
owner: {role: Beveiligingscoördinator, email: beveiliging@proef.example}
purpose: Sabotage van het gemaal voorkomen.
personal_data: {processed: "yes", categories: [camerabeelden]}
retention: P28D
sensor_type: camera
capabilities: [video_recording]
location: {description: "%PLACE%", point: {lat: 52.0911, lon: 5.1211}}
vendor: {manufacturer: %MAKER%, model: X-1}
supplier: {name: %SUPPLIER%}
lifecycle: {start: 2026-01-01, end: 2027-01-01}
evaluation: {interval: P1Y, last: 2026-06-01}
%PUB%
`

func confidentialRecord(id, name, place, maker, supplier, pub string) string {
	return strings.NewReplacer("%ID%", id, "%NAME%", name, "%PLACE%", place, "%MAKER%", maker,
		"%SUPPLIER%", supplier, "%PUB%", pub).Replace(confidentialSensor)
}

func confidentialRegister(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	reg := filepath.Join(dir, "register")
	writeFile(t, filepath.Join(reg, "register.yaml"), "organisation: Gemeente Proef\nsite:\n  base_url: https://register.proef.example/\n")
	writeFile(t, filepath.Join(reg, "sensors", "cam-gemaal.yaml"), confidentialRecord("cam-gemaal", "Camera gemaal",
		"Gemaalweg 7", "Geheimfabrikant", "Geheimleverancier BV",
		"publication: {withheld: [location.point, location.description, vendor, supplier.name], reason: 'Woo art. 5.1 lid 2 sub d'}"))
	writeFile(t, filepath.Join(reg, "sensors", "cam-kluis.yaml"), confidentialRecord("cam-kluis", "Kluiscamera",
		"Kluisstraat 1", "Kluismaker", "Kluisleverancier BV",
		"publication: {public: false, reason: 'Woo art. 5.1 lid 2 sub c'}"))
	writeFile(t, filepath.Join(reg, "sensors", "cam-fout.yaml"), confidentialRecord("cam-fout", "Foutcamera",
		"Foutstraat 2", "Foutmaker", "Foutleverancier BV",
		"publication:\n  withheld: location.point\n  reason: Woo"))
	writeFile(t, filepath.Join(reg, "algorithms", "beeldanalyse.yaml"), `id: beeldanalyse
kind: algorithm
name: Beeldanalyse gemaal
summary: Herkent beweging op het terrein.
status: active
organisation: {name: Gemeente Proef, type: municipality}
owner: {role: Beveiligingscoördinator, email: beveiliging@proef.example}
purpose: Beweging melden.
personal_data: {processed: "no"}
algorithm_type: rule_based
role: informational
affects_individuals: false
self_learning: false
publication_category: other
datasets: [{name: Camerabeelden}]
source_code: {unavailable_reason: Leverancierscode.}
uses_sensors: [cam-gemaal, cam-kluis, cam-fout]
lifecycle: {start: 2026-01-01}
evaluation: {interval: P1Y, last: 2026-06-01}
`)
	return dir
}

// secrets are the values and records the public must never see.
var secrets = []string{"52.0911", "Gemaalweg", "Geheimfabrikant", "Geheimleverancier", "cam-kluis", "Kluiscamera", "Kluisstraat",
	"Kluisleverancier", "cam-fout", "Foutcamera", "Foutstraat", "Foutleverancier"}

// TestWithheldStaysWithheldEverywhere: build, every export and the public
// packet, run as a user would, publish nothing that is withheld and nothing
// of the records that are not public; the malformed publication block is an
// error naming its line, and keeps its record off the site (fail closed).
func TestWithheldStaysWithheldEverywhere(t *testing.T) {
	dir := confidentialRegister(t)
	r := run(t, dir, nil, "check", "--as-of", asOf)
	if !strings.Contains(r.out(), "cam-fout.yaml:19") || !strings.Contains(r.out(), "publication.withheld is not a list") {
		t.Errorf("check does not point at the malformed publication block:\n%s", r.out())
	}
	outputs := map[string]string{}
	if r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "public"); r.code == 2 {
		t.Fatalf("build exit 2:\n%s", r.out())
	}
	_ = filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			outputs[p] = readFile(t, p)
		}
		return nil
	})
	page := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(outputs[filepath.Join(dir, "public", "sensoren", "cam-gemaal.html")], "")
	if !strings.Contains(page, "niet openbaar (Reden: Woo art. 5.1 lid 2 sub d)") {
		t.Error("the camera's page does not say its withheld fields are not public, with the reason")
	}
	for _, args := range [][]string{{"--format", "json"}, {"--format", "csv", "--kind", "sensor"}, {"--format", "csv", "--kind", "algorithm"},
		{"--format", "geojson"}, {"--format", "sensorthings"}, {"--format", "algoritmeregister"}} {
		r := run(t, dir, nil, append([]string{"export"}, args...)...)
		if r.code == 2 {
			t.Fatalf("export %v exit 2:\n%s", args, r.out())
		}
		outputs["export "+strings.Join(args, " ")] = r.stdout
	}
	for _, out := range []string{"openbaar.md", "openbaar.html", "openbaar.pdf"} {
		if r := run(t, dir, nil, "packet", "--as-of", asOf, "--public", "--ids", "cam-gemaal,cam-kluis,beeldanalyse", "--out", out); r.code != 0 {
			t.Fatalf("packet --public exit %d:\n%s", r.code, r.out())
		}
		outputs[out] = readFile(t, filepath.Join(dir, out))
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(dir, "openbaar.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		outputs["openbaar.pdf (text)"] = string(text)
		if !regexp.MustCompile(`\d registraties? op de agenda (is|zijn) niet openbaar`).MatchString(strings.Join(strings.Fields(string(text)), " ")) {
			t.Error("the public PDF packet does not count the record it leaves out")
		}
	}
	delete(outputs, "openbaar.pdf")
	for name, text := range outputs {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s publishes %q", name, s)
			}
		}
	}
}

// TestCommitteePacketMarksWhatIsNotPublic: the committee's own packet shows
// the hidden camera, marked on the agenda and on its pages.
func TestCommitteePacketMarksWhatIsNotPublic(t *testing.T) {
	dir := confidentialRegister(t)
	if r := run(t, dir, nil, "packet", "--as-of", asOf, "--ids", "cam-kluis,cam-gemaal", "--out", "commissie.md"); r.code != 0 {
		t.Fatalf("packet exit %d:\n%s", r.code, r.out())
	}
	text := readFile(t, filepath.Join(dir, "commissie.md"))
	if n := strings.Count(text, "Vertrouwelijk — niet openbaar (Reden: Woo art. 5.1 lid 2 sub c)"); n < 3 || !strings.Contains(text, "Kluiscamera") {
		t.Errorf("the hidden camera is marked %d times (want the agenda, its top and its foot)", n)
	}
	if !strings.Contains(text, "Vertrouwelijk — niet openbaar (Reden: Woo art. 5.1 lid 2 sub d)") {
		t.Error("the withheld fields of the other camera are not marked")
	}
	if _, err := os.Stat(filepath.Join(dir, "commissie.md")); err != nil {
		t.Fatal(err)
	}
}
