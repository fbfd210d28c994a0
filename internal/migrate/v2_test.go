package migrate

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestToV2 pins what the v1 → v2 step writes, record by record: only
// whole lines are added, everything else stays byte for byte, and a camera
// regime the record does not settle becomes a marked question.
func TestToV2(t *testing.T) {
	question := "camera_regime: unknown  " + QuestionMark + ": which law does this camera fall under? public_order (Gemeentewet 151c, the mayor), police, traffic_management, enforcement, operational, object_security, private or other\n"
	tests := []struct {
		name, in, want string
	}{
		{"an algorithm gets its version, comments stay",
			"# Routeplanner\nid: route\nkind: algorithm # een algoritme\n\n# doel\npurpose: Routes.\n",
			"# Routeplanner\nid: route\nkind: algorithm # een algoritme\nformat_version: 2\n\n# doel\npurpose: Routes.\n"},
		{"a municipal camera: an open question, never a guess",
			"id: cam\nkind: sensor\norganisation: {name: Gemeente, type: municipality}\nsensor_type: camera   # bij de brug\ncapabilities: [video_recording]\n",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation: {name: Gemeente, type: municipality}\nsensor_type: camera   # bij de brug\n" + question + "capabilities: [video_recording]\n"},
		{"a police camera is the police's",
			"id: cam\nkind: sensor\norganisation:\n  name: Politie\n  type: police\nsensor_type: camera\n",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation:\n  name: Politie\n  type: police\nsensor_type: camera\ncamera_regime: police\n"},
		{"a shop's ANPR camera is private",
			"id: cam\nkind: sensor\norganisation: {type: private}\nsensor_type: anpr_camera\n",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation: {type: private}\nsensor_type: anpr_camera\ncamera_regime: private\n"},
		{"a municipal camera under 151c is the mayor's",
			"id: cam\nkind: sensor\norganisation: {type: municipality}\nlegal_basis:\n  regime: police_data\n  law: Gemeentewet artikel 151c en de APV\nsensor_type: camera",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation: {type: municipality}\nlegal_basis:\n  regime: police_data\n  law: Gemeentewet artikel 151c en de APV\nsensor_type: camera\ncamera_regime: public_order\n"},
		{"a municipal camera whose legal basis links to 151c is the mayor's",
			"id: cam\nkind: sensor\norganisation: {type: municipality}\nlegal_basis:\n  regime: police_data\n  links: [https://wetten.overheid.nl/BWBR0005416/2026-01-01#Artikel151c]\nsensor_type: camera\n",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation: {type: municipality}\nlegal_basis:\n  regime: police_data\n  links: [https://wetten.overheid.nl/BWBR0005416/2026-01-01#Artikel151c]\nsensor_type: camera\ncamera_regime: public_order\n"},
		{"article 151b is not camera surveillance",
			"id: cam\nkind: sensor\norganisation: {type: municipality}\nlegal_basis: {law: Gemeentewet art. 151b}\nsensor_type: camera\n",
			"id: cam\nkind: sensor\nformat_version: 2\norganisation: {type: municipality}\nlegal_basis: {law: Gemeentewet art. 151b}\nsensor_type: camera\n" + question},
		{"a drone with its regime keeps it",
			"id: d\nkind: sensor\nsensor_type: drone\ncamera_regime: operational\n",
			"id: d\nkind: sensor\nformat_version: 2\nsensor_type: drone\ncamera_regime: operational\n"},
		{"Windows line endings and a byte-order mark stay",
			"\ufeffid: cam\r\nkind: sensor\r\nsensor_type: camera\r\n",
			"\ufeffid: cam\r\nkind: sensor\r\nformat_version: 2\r\nsensor_type: camera\r\n" + strings.ReplaceAll(question, "\n", "\r\n")},
		{"smart lighting that films is a camera: an open question",
			"id: lamp\nkind: sensor\norganisation: {type: municipality}\nsensor_type: smart_lighting\ncapabilities: [video_recording]\n",
			"id: lamp\nkind: sensor\nformat_version: 2\norganisation: {type: municipality}\nsensor_type: smart_lighting\n" + question + "capabilities: [video_recording]\n"},
		{"a municipal sensor of another type under 151c is the mayor's",
			"id: lamp\nkind: sensor\norganisation: {type: municipality}\nlegal_basis: {law: Gemeentewet art. 151c}\nsensor_type: other\n",
			"id: lamp\nkind: sensor\nformat_version: 2\norganisation: {type: municipality}\nlegal_basis: {law: Gemeentewet art. 151c}\nsensor_type: other\ncamera_regime: public_order\n"},
		{"an air-quality sensor needs no regime",
			"id: lucht\nkind: sensor\nsensor_type: air_quality\n",
			"id: lucht\nkind: sensor\nformat_version: 2\nsensor_type: air_quality\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			folder := "sensors"
			if strings.Contains(tt.in, "kind: algorithm") {
				folder = "algorithms"
			}
			root := write(t, map[string]string{folder + "/r.yaml": tt.in})
			p, err := Default.Plan(root)
			if err != nil || len(p.Pending) != 1 {
				t.Fatalf("plan: %v %+v", err, p)
			}
			if _, err := Default.Apply(root, p); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(filepath.Join(root, folder, "r.yaml"))
			if string(got) != tt.want {
				t.Errorf("migrated:\n%q\nwant:\n%q", got, tt.want)
			}
			again, err := Default.Plan(root)
			if err != nil || len(again.Pending) != 0 {
				t.Errorf("second plan: %v %+v", err, again.Pending)
			}
		})
	}
}

// A record whose sensor_type is not a one-line entry is left alone with a
// clear error; the other records are migrated all the same.
func TestToV2RefusesWhatItCannotEditSafely(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/a.yaml": "id: a\nkind: sensor\nsensor_type:\n  camera\n",
		"sensors/b.yaml": "id: b\nkind: sensor\nsensor_type: noise\n",
	})
	p, err := Default.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	done, err := Default.Apply(root, p)
	if !slices.Equal(done, []string{"sensors/b.yaml"}) || err == nil || !strings.Contains(err.Error(), "sensors/a.yaml: migrate from format v1: sensor_type is not a one-line entry; add camera_regime by hand") {
		t.Errorf("done %q, err %v", done, err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "sensors", "a.yaml")); string(got) != "id: a\nkind: sensor\nsensor_type:\n  camera\n" {
		t.Errorf("a.yaml changed: %q", got)
	}
}

// TestGeneratedRegister migrates a generated register of 10,000 v1 records:
// every record reaches v2 keeping each of its lines, every camera gets a
// regime or the marked question, and a second run changes no byte.
func TestGeneratedRegister(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 records")
	}
	root := filepath.Join(t.TempDir(), "reg")
	if err := testgen.Write(root, generated, 1); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, root)
	p, err := Default.Plan(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Files) != generated || len(p.Pending) != generated {
		t.Fatalf("plan: %d files, %d pending, findings %q", len(p.Files), len(p.Pending), short(p.Findings))
	}
	if _, err := Default.Apply(root, p); err != nil {
		t.Fatal(err)
	}
	after := readAll(t, root)
	cameras := 0
	for file, old := range before {
		got := after[file]
		rest := got
		for line := range strings.Lines(old) {
			k := strings.Index(rest, line)
			if k < 0 {
				t.Fatalf("%s lost line %q", file, line)
			}
			rest = rest[k+len(line):]
		}
		doc, fs := source.Tree(file, []byte(got), source.DefaultLimits)
		if doc == nil {
			t.Fatalf("%s no longer parses: %v", file, fs)
		}
		if v, _, _ := version(doc.Root); v != 2 {
			t.Fatalf("%s is in format v%d", file, v)
		}
		if st := value(doc.Root, "sensor_type"); st == "camera" || st == "anpr_camera" || st == "drone" {
			cameras++
			if value(doc.Root, "camera_regime") == "" {
				t.Fatalf("%s: a camera without camera_regime", file)
			}
		}
	}
	if cameras == 0 {
		t.Error("the generated register has no cameras")
	}
	again, err := Default.Plan(root)
	if err != nil || len(again.Pending) != 0 {
		t.Fatalf("second plan: %v, %d pending", err, len(again.Pending))
	}
	if done, err := Default.Apply(root, again); err != nil || len(done) != 0 {
		t.Errorf("second apply wrote %d files: %v", len(done), err)
	}
	if !maps.Equal(readAll(t, root), after) {
		t.Error("the second run changed the register")
	}
}

func readAll(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, folder := range []string{"sensors", "algorithms"} {
		entries, err := os.ReadDir(filepath.Join(root, folder))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(root, folder, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[folder+"/"+e.Name()] = string(data)
		}
	}
	return out
}

// A record edited between the plan and the rewrite is left alone: migrate
// re-reads each file rather than keep the register in memory, and never
// writes over a change it did not see.
func TestApplyRefusesAFileChangedSincePlanned(t *testing.T) {
	root := write(t, map[string]string{"sensors/a.yaml": "id: a\nkind: sensor\nsensor_type: noise\n"})
	p, err := Default.Plan(root)
	if err != nil || len(p.Pending) != 1 {
		t.Fatalf("plan: %v", err)
	}
	edited := "id: a\nkind: sensor\nsensor_type: noise\nname: Nieuw\n"
	if err := os.WriteFile(filepath.Join(root, "sensors", "a.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	done, err := Default.Apply(root, p)
	if len(done) != 0 || err == nil || !strings.Contains(err.Error(), "changed since the migration was planned") {
		t.Errorf("done %q, err %v", done, err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "sensors", "a.yaml")); string(got) != edited {
		t.Errorf("the edit was overwritten: %q", got)
	}
}
