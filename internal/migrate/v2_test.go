package migrate

import (
	"fmt"
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
		{"a value on the line after its key",
			"id: cam\nkind: sensor\nsensor_type:\n  camera\n# wie beheert\nowner: {role: Beheer}\n",
			"id: cam\nkind: sensor\nformat_version: 2\nsensor_type:\n  camera\n" + question + "# wie beheert\nowner: {role: Beheer}\n"},
		{"a mapping indented as a whole",
			"  id: cam\n  kind: sensor\n  sensor_type: camera\n",
			"  id: cam\n  kind: sensor\n  format_version: 2\n  sensor_type: camera\n  " + question},
		{"a record written as JSON",
			"{\n \"id\": \"cam\",\n \"kind\": \"sensor\",\n \"sensor_type\": \"camera\",\n \"organisation\": {\n  \"type\": \"police\"\n }\n}\n",
			"{\n \"id\": \"cam\",\n \"kind\": \"sensor\",\n \"format_version\": 2,\n \"sensor_type\": \"camera\",\n \"camera_regime\": \"police\",\n \"organisation\": {\n  \"type\": \"police\"\n }\n}\n"},
		{"a record written as JSON: the open question on its own line",
			"\ufeff{\r\n \"id\": \"cam\",\r\n \"kind\": \"sensor\",\r\n \"sensor_type\": \"camera\",\r\n \"naam\": \"Café\"\r\n}\r\n",
			"\ufeff{\r\n \"id\": \"cam\",\r\n \"kind\": \"sensor\",\r\n \"format_version\": 2,\r\n \"sensor_type\": \"camera\",\r\n \"camera_regime\": \"unknown\",  " +
				strings.TrimSuffix(question[len("camera_regime: unknown  "):], "\n") + "\r\n \"naam\": \"Café\"\r\n}\r\n"},
		{"a flow mapping on one line",
			"{id: cam, kind: sensor, sensor_type: camera}\n",
			"{camera_regime: unknown, id: cam, kind: sensor, format_version: 2, sensor_type: camera}\n"},
		{"format_version 1 is set to 2, its comment kept",
			"id: a\nkind: algorithm\nformat_version: 1 # eerste versie\n",
			"id: a\nkind: algorithm\nformat_version: 2 # eerste versie\n"},
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
			if _, refused, err := Default.Apply(t.Context(), root, p, nil); err != nil || len(refused) != 0 {
				t.Fatal(err, short(refused))
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

// TestPlanRefusesWhatApplyRefuses: a record the step cannot rewrite
// safely is an error finding of the plan, at its line and column and in
// both languages, never pending: a dry run says what the run does. The run
// leaves it byte for byte, and migrates the others all the same.
func TestPlanRefusesWhatApplyRefuses(t *testing.T) {
	tests := []struct {
		name, in, want, wantNL string
	}{
		{"a block text that keeps its trailing blank line",
			"id: a\nkind: sensor\ncapabilities: [video_recording]\nsensor_type: |+\n  camera\n\nname: A\n",
			"sensors/a.yaml:4:1 error migrate camera_regime cannot be added after sensor_type without changing the record's other values; add camera_regime: unknown by hand and run register migrate again",
			"camera_regime kan niet na sensor_type worden toegevoegd zonder andere waarden van de registratie te veranderen; voeg camera_regime: unknown zelf toe en voer register migrate opnieuw uit"},
		{"a record without fields",
			"{}\n",
			"sensors/a.yaml:1:1 error migrate the record has no fields, so there is nowhere to add format_version; add format_version: 2 by hand and run register migrate again",
			"de registratie heeft geen velden, dus format_version kan nergens worden toegevoegd; voeg format_version: 2 zelf toe en voer register migrate opnieuw uit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := write(t, map[string]string{
				"sensors/a.yaml": tt.in,
				"sensors/b.yaml": "id: b\nkind: sensor\nsensor_type: noise\n",
			})
			p, err := Default.Plan(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range p.Findings {
				if f.File == "sensors/a.yaml" {
					got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s; %s", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message.In("en"), f.Help.In("en")),
						f.Message.In("nl")+"; "+f.Help.In("nl"))
				}
			}
			if want := []string{tt.want, tt.wantNL}; !slices.Equal(got, want) {
				t.Errorf("findings on a.yaml:\n got %q\nwant %q", got, want)
			}
			if len(p.Pending) != 1 || p.Pending[0].File != "sensors/b.yaml" {
				t.Errorf("pending %+v, want b.yaml only", p.Pending)
			}
			done, refused, err := Default.Apply(t.Context(), root, p, nil)
			if err != nil || len(refused) != 0 || !slices.Equal(done, []string{"sensors/b.yaml"}) {
				t.Errorf("done %q, refused %q, err %v", done, short(refused), err)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "sensors", "a.yaml")); string(got) != tt.in {
				t.Errorf("a.yaml changed: %q", got)
			}
		})
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
	if _, refused, err := Default.Apply(t.Context(), root, p, nil); err != nil || len(refused) != 0 {
		t.Fatal(err, short(refused))
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
	if done, _, err := Default.Apply(t.Context(), root, again, nil); err != nil || len(done) != 0 {
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
	done, refused, err := Default.Apply(t.Context(), root, p, nil)
	if got := short(refused); len(done) != 0 || err != nil || len(got) != 1 || !strings.Contains(got[0], "changed since the migration was planned") {
		t.Errorf("done %q, refused %q, err %v", done, got, err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "sensors", "a.yaml")); string(got) != edited {
		t.Errorf("the edit was overwritten: %q", got)
	}
}
