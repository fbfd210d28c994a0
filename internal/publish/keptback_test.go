package publish_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/validate"
)

// keptBackRegister writes a register of the schema's full records, changed
// as each entry of changes says, by file; a nil change removes nothing and
// writes the base record as it is.
func keptBackRegister(t *testing.T, root string, changes map[string]func(m map[string]any)) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(mkdir(t, root), "register.yaml"), []byte("organisation: Gemeente Voorbeeldstad\nsite:\n  base_url: https://register.voorbeeldstad.example/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, change := range changes {
		kind := record.Sensor
		if strings.HasPrefix(file, "algorithms/") {
			kind = record.Algorithm
		}
		m := deepCopy(baseRecord(t, kind))
		m["id"] = strings.TrimSuffix(filepath.Base(file), ".yaml")
		change(m)
		data, err := yaml.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, filepath.FromSlash(file))
		mkdir(t, filepath.Dir(p))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// What the filter keeps back without a withheld path naming it (a DPIA
// that is not public), names of records that are not public written in
// other ways than their own, and withheld paths that pick one list element
// or name nothing: none of it reaches any public output, and the pages say
// where something is not public.
func TestWhatTheFilterKeepsBackReachesNoPublicOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every public output of a register")
	}
	const hiddenName = "Camera's Geheimhof Noord" // a sensor that is not public
	variants := []string{
		"Camera's Geheimhof\nNoord", "Camera's  Geheimhof Noord", "Camera's\tGeheimhof Noord",
		"Cameras Geheimhof Noord", "Camera’s Geheimhof Noord", "Cameras-Geheimhof-Noord",
		"CamerasGeheimhofNoord", "CAMERAS_GEHEIMHOF_NOORD", "cam geheimhof noord",
		"Zqspion Techniek B.V.", "zqspion  techniek b.v",
	}
	root := filepath.Join(t.TempDir(), "register")
	keptBackRegister(t, root, map[string]func(map[string]any){
		"sensors/cam-geheimhof-noord.yaml": func(m map[string]any) {
			m["name"] = hiddenName
			m["publication"] = map[string]any{"public": false, "reason": "Woo 5.1 lid 2 onder d"}
		},
		"sensors/spion.yaml": func(m map[string]any) {
			m["supplier"].(map[string]any)["name"] = "Zqspion Techniek BV"
			m["publication"] = map[string]any{"withheld": []any{"supplier.name"}, "reason": "Woo 5.1 lid 2 onder f"}
		},
		"sensors/citeert.yaml": func(m map[string]any) {
			delete(m, "publication")
			m["purpose"] = "Naast de " + strings.Join(variants, "; naast de ") + "."
			m["links"] = []any{
				map[string]any{"title": "Raadsstukken", "url": "https://www.voorbeeldstad.example/docs/cam-geheimhof-noord"},
				map[string]any{"title": "Verslag", "url": "https://www.voorbeeldstad.example/Cameras_Geheimhof_Noord.pdf"},
				map[string]any{"title": "Cameratoezicht", "url": "https://www.voorbeeldstad.example/cameratoezicht"},
			}
		},
		"algorithms/dpia-intern.yaml": func(m map[string]any) {
			m["dpia"] = map[string]any{"status": "done", "date": "2024-10-08", "url": "https://intranet.voorbeeldstad.example/ZqDPIAqZ.pdf", "public": false}
		},
		"algorithms/dpia-zwijgt.yaml": func(m map[string]any) {
			m["dpia"] = map[string]any{"status": "done", "date": "2024-10-08", "url": "https://intranet.voorbeeldstad.example/ZqDPIAnietgezegdqZ.pdf"}
		},
		"algorithms/dpia-openbaar.yaml": func(m map[string]any) {
			m["dpia"] = map[string]any{"status": "done", "date": "2024-10-08", "url": "https://www.voorbeeldstad.example/dpia-openbaar.pdf", "public": true}
		},
		"algorithms/element.yaml": func(m map[string]any) {
			m["assessments"] = []any{
				map[string]any{"type": "DEDA", "date": "2023-08-01", "summary": "ZqEersteqZ bevindingen."},
				map[string]any{"type": "IAMA", "date": "2023-09-01", "summary": "Tweede beoordeling zonder bezwaren."},
			}
			m["incidents"].([]any)[0].(map[string]any)["summary"] = "ZqIncidentqZ gemeld."
			m["publication"] = map[string]any{"withheld": []any{"incidents.0.summary", "assessments.0.summary"}, "reason": "Woo"}
		},
		"sensors/geen-veld.yaml": func(m map[string]any) {
			m["name"] = "ZqGeenVeldqZ"
			m["publication"] = map[string]any{"withheld": []any{"summary.0"}, "reason": "Woo"}
		},
		"sensors/onbekend-veld.yaml": func(m map[string]any) {
			m["name"] = "ZqOnbekendqZ"
			m["publication"] = map[string]any{"withheld": []any{"no_such_field"}, "reason": "Woo"}
		},
	})
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	publication := map[string]int{} // file → errors about its publication block
	for _, f := range res.Findings {
		if f.Severity == finding.Error && strings.HasPrefix(f.Path, "/publication") {
			publication[f.File]++
		}
	}
	for file, want := range map[string]int{"algorithms/element.yaml": 0, "sensors/geen-veld.yaml": 1, "sensors/onbekend-veld.yaml": 1} {
		if publication[file] != want {
			t.Errorf("%s: %d errors about its publication block, want %d", file, publication[file], want)
		}
	}

	outputs := publicOutputs(t, root, nil, &history.ChangeSet{Since: "v1", Base: "base", Head: "head"})
	secrets := []string{"geheimhof", "zqspion", "zqdpia", "zqeersteqz", "zqincidentqz", "zqgeenveldqz", "zqonbekendqz",
		"niet%20openbaar", "not%20public"} // a scrubbed address is no address
	for name, data := range outputs {
		low := bytes.ToLower(data)
		for _, s := range secrets {
			if i := bytes.Index(low, []byte(s)); i >= 0 {
				t.Errorf("%s publishes %q: …%s…", name, s, data[max(0, i-60):min(len(data), i+60)])
			}
		}
	}
	shows := []struct{ file, want string }{
		// The DPIA that is not public says so where its link would be.
		{"site/algoritmes/dpia-intern.html", "</time> – niet openbaar"},
		{"site/en/algorithms/dpia-intern.html", "</time> – not public"},
		{"site/algoritmes/dpia-zwijgt.html", "</time> – niet openbaar"},
		{"site/algoritmes/dpia-openbaar.html", `href="https://www.voorbeeldstad.example/dpia-openbaar.pdf"`},
		// A link whose address names a record that is not public keeps its
		// title, without the address; the others keep theirs.
		{"site/sensoren/citeert.html", "<li>Raadsstukken (niet openbaar)</li>"},
		{"site/en/sensors/citeert.html", "<li>Raadsstukken (not public)</li>"},
		{"site/sensoren/citeert.html", "<li>Verslag (niet openbaar)</li>"},
		{"site/sensoren/citeert.html", `href="https://www.voorbeeldstad.example/cameratoezicht"`},
		// The element not withheld is shown.
		{"site/algoritmes/element.html", "Tweede beoordeling zonder bezwaren."},
		{"site/data/register.json", `"unpublished_records": 3`},
	}
	for _, s := range shows {
		if !strings.Contains(string(outputs[s.file]), s.want) {
			t.Errorf("%s lacks %q", s.file, s.want)
		}
	}
}
