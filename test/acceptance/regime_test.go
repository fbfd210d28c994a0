package acceptance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAmsterdamCamerasAreNotTheMayors: Amsterdam's traffic, travel-time,
// environmental-zone and bridge cameras are not public-order camera
// surveillance, so no finding on them cites Gemeentewet 151c or the
// programme's camera commitments. Their regime is not in the data: check
// reports it as a question for each camera, never a guess; migrate leaves
// the imported (current-format) records as they are.
func TestAmsterdamCamerasAreNotTheMayors(t *testing.T) {
	src, err := filepath.Abs(filepath.Join(realdata, "amsterdam-sensorregister/sensoren-aangevuld.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(src); err != nil {
		t.Skipf("no real data at %s: %v", realdata, err)
	}
	mp, _ := filepath.Abs("testdata/realdata/amsterdam-aangevuld.yaml")
	dir := newRegister(t)
	if r := run(t, ".", nil, "import", "csv", src, "--kind", "sensor", "--root", dir, "--map", mp); r.code == 2 {
		t.Fatalf("import: %s", r.out())
	}
	cameras := map[string]bool{}
	entries, err := os.ReadDir(filepath.Join(dir, "sensors"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		text := readFile(t, filepath.Join(dir, "sensors", e.Name()))
		for _, st := range []string{"camera", "anpr_camera", "drone"} {
			if strings.Contains(text, "\nsensor_type: "+st+"\n") {
				cameras["sensors/"+e.Name()] = true
			}
		}
	}
	if len(cameras) < 5 {
		t.Fatalf("only %d cameras imported: %v", len(cameras), cameras)
	}
	checkNo151c := func(stage string) []map[string]any {
		r := run(t, ".", nil, "check", "--as-of", asOf, "--format", "json", "--root", dir)
		var out struct {
			Findings []map[string]any `json:"findings"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("%s: check --format json: %v\n%s", stage, err, r.out())
		}
		for _, f := range out.Findings {
			msg, _ := f["message"].(string)
			rule, _ := f["rule"].(string)
			if strings.Contains(msg, "151c") || rule == "camera-temporary" || rule == "camera-decision" || rule == "camera-retention" ||
				f["principle"] == "C-camera-yearly" || f["principle"] == "C-camera-temporary" {
				t.Errorf("%s: %s: %s (%s) %q", stage, f["file"], rule, f["principle"], msg)
			}
		}
		return out.Findings
	}
	checkNo151c("imported")

	before := map[string]string{}
	for file := range cameras {
		before[file] = readFile(t, filepath.Join(dir, filepath.FromSlash(file)))
	}
	if r := run(t, ".", nil, "migrate", "--root", dir); r.code != 0 || !strings.Contains(r.stdout, "nothing needs migrating") {
		t.Fatalf("migrate: exit %d\n%s", r.code, r.out())
	}
	questions := map[string]bool{}
	for _, f := range checkNo151c("after migrate") {
		msg, _ := f["message"].(string)
		if f["rule"] == "camera-regime" && f["severity"] == "error" && strings.Contains(msg, "which law") {
			file := filepath.ToSlash(f["file"].(string))
			questions[file[strings.LastIndex(file, "sensors/"):]] = true // the file as given, under --root
		}
	}
	for file, want := range before {
		if !questions[file] {
			t.Errorf("check does not ask which law %s falls under", file)
		}
		if got := readFile(t, filepath.Join(dir, filepath.FromSlash(file))); got != want {
			t.Errorf("migrate changed %s", file)
		}
	}
}
