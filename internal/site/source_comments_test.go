package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesHaveNoComments: the site's src/ files hold none of the
// records' comments, whether a record is published as it is or rebuilt
// without what it withholds.
func TestSourcesHaveNoComments(t *testing.T) {
	root := copyFixture(t)
	meter := `# TODO niet melden
id: meter-plein
kind: sensor
name: Meter plein # intern: bel Jan de Vries 0612345678
summary: Telt fietsen.
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Adviseur mobiliteit, email: fiets@voorbeeldstad.example}
purpose: Meten
personal_data: {processed: "no"}
sensor_type: traffic_counter
capabilities: [vehicle_counting]
location:
  # noot-locatie
  description: Plein
lifecycle: {start: 2020-01-01}
evaluation: {}
`
	if err := os.WriteFile(filepath.Join(root, "sensors", "meter-plein.yaml"), []byte(meter), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(root, "sensors", "lucht-dak.yaml"), "purpose: Luchtkwaliteit volgen.\n",
		"purpose: Luchtkwaliteit volgen. # noot-lucht\n# noot-regel\n")
	out, _ := build(t, loadFixture(t, root), Options{})
	plein, dak := read(t, out, "src/sensors/meter-plein.yaml"), read(t, out, "src/sensors/lucht-dak.yaml")
	for _, s := range []string{"TODO", "Jan de Vries", "0612345678", "noot-locatie"} {
		if strings.Contains(plein, s) {
			t.Errorf("src/sensors/meter-plein.yaml holds the comment %q:\n%s", s, plein)
		}
	}
	for _, s := range []string{"noot-lucht", "noot-regel"} {
		if strings.Contains(dak, s) {
			t.Errorf("src/sensors/lucht-dak.yaml holds the comment %q:\n%s", s, dak)
		}
	}
	if want := "id: meter-plein\nkind: sensor\nname: Meter plein\n"; !strings.HasPrefix(plein, want) || !strings.Contains(plein, "location:\n  description: Plein\n") {
		t.Errorf("src/sensors/meter-plein.yaml is not the file without its comments:\n%s", plein)
	}
}
