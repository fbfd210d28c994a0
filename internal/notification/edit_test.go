package notification

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
)

// styled is a record as a municipality writes it by hand: folded and
// literal texts, comments, quoted and plain texts, a list at the key's
// indentation, flow and block mappings.
const styled = `# yaml-language-server: $schema=../../schema/sensor.schema.json
# De camera van de bakkerij.
id: camera-bakkerij
kind: sensor
format_version: 2
name: "Camera bakkerij"
summary: >-
  Een camera boven de deur filmt de ingang van de winkel, zodat
  inbraak kan worden opgespoord.
status: active # sinds de opening
organisation:
  name: 'Bakkerij De Korenbloem'
  type: private
  kvk: "12345678"
owner:
  role: Bedrijfsleider
  email: info@korenbloem.example
purpose: |
  Inbraak voorkomen.
  # geen commentaar: tekst
  Opsporen.

personal_data:
  processed: "yes"
risks:
  chilling_effect: >
    Voorbijgangers kunnen zich bekeken voelen; de camera
    richt zich alleen op de deur.
lifecycle:
  start: 2026-01-10
  # tot de verbouwing
  end: 2027-06-30
  extension_criteria: >-
    Verlengen als er opnieuw
    is ingebroken.
evaluation: {}
registered_on: 2026-01-02
sensor_type: camera
capabilities:
- video_recording
location:
  description: Kerkstraat 12
  point: {lat: 52.0907, lon: 5.1214}
vendor:
  manufacturer: Axis
publication:
  withheld: [location.point]
  reason: Beveiliging van het pand.
# einde
`

// TestUpdateEditsInPlace: an update changes the record's file only in the
// lines of the fields it changes; every other byte stays, folded and
// literal texts above all.
func TestUpdateEditsInPlace(t *testing.T) {
	for _, tt := range []struct {
		name   string
		note   string // the fields the notification gives
		record string // the record's file; styled when empty
		want   func(string) string
	}{
		{name: "a planned end removed",
			note: "lifecycle: {end: ~}\n",
			want: func(s string) string { return strings.Replace(s, "  end: 2027-06-30\n", "", 1) }},
		{name: "the status, keeping its comment",
			note: "status: suspended\n",
			want: func(s string) string { return strings.Replace(s, "status: active #", "status: suspended #", 1) }},
		{name: "a folded text replaced stays folded",
			note: "summary: \"Een camera filmt de deur.\"\n",
			want: func(s string) string {
				return strings.Replace(s, "summary: >-\n  Een camera boven de deur filmt de ingang van de winkel, zodat\n  inbraak kan worden opgespoord.\n",
					"summary: >-\n  Een camera filmt de deur.\n", 1)
			}},
		{name: "a literal text replaced stays literal, the blank line after it stays",
			note: "purpose: \"Inbraak voorkomen.\\nOpsporen.\\n\"\nlifecycle:\n  end: 2027-12-31\n",
			want: func(s string) string {
				s = strings.Replace(s, "purpose: |\n  Inbraak voorkomen.\n  # geen commentaar: tekst\n  Opsporen.\n\n", "purpose: |\n  Inbraak voorkomen.\n  Opsporen.\n\n", 1)
				return strings.Replace(s, "  end: 2027-06-30\n", "  end: 2027-12-31\n", 1)
			}},
		{name: "a field added to a mapping",
			note: "vendor: {model: P3245}\n",
			want: func(s string) string {
				return strings.Replace(s, "  manufacturer: Axis\n", "  manufacturer: Axis\n  model: P3245\n", 1)
			}},
		{name: "a field added to the record, before the closing comment",
			note: "signage: {present: true}\n",
			want: func(s string) string {
				return strings.Replace(s, "# einde\n", "signage: {present: true}\n# einde\n", 1)
			}},
		{name: "a mapping emptied goes",
			note: "vendor: {manufacturer: ~}\n",
			want: func(s string) string { return strings.Replace(s, "vendor:\n  manufacturer: Axis\n", "", 1) }},
		{name: "a list at the key's indentation replaced",
			note: "capabilities: [video_recording, live_viewing]\n",
			want: func(s string) string {
				return strings.Replace(s, "capabilities:\n- video_recording\n", "capabilities:\n  - video_recording\n  - live_viewing\n", 1)
			}},
		{name: "the same values change no byte",
			note: "name: Camera bakkerij\nstatus: active\norganisation: {name: Bakkerij De Korenbloem, type: private}\n" +
				"purpose: \"Inbraak voorkomen.\\n# geen commentaar: tekst\\nOpsporen.\\n\"\ncapabilities: [video_recording]\n" +
				"lifecycle: {start: 2026-01-10}\nevaluation: {}\nlocation: {description: Kerkstraat 12}\n",
			want: func(s string) string { return s }},
		{name: "Windows line endings stay",
			record: strings.ReplaceAll(styled, "\n", "\r\n"),
			note:   "lifecycle: {end: ~}\nvendor: {model: P3245}\n",
			want: func(s string) string {
				s = strings.Replace(s, "  end: 2027-06-30\r\n", "", 1)
				return strings.Replace(s, "  manufacturer: Axis\r\n", "  manufacturer: Axis\r\n  model: P3245\r\n", 1)
			}},
		{name: "a file without a last line break",
			record: strings.TrimSuffix(strings.TrimSuffix(styled, "# einde\n"), "\n"),
			note:   "signage: {present: true}\n",
			want: func(s string) string {
				return strings.Replace(s, "  reason: Beveiliging van het pand.", "  reason: Beveiliging van het pand.\nsignage: {present: true}\n", 1)
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.record
			if rec == "" {
				rec = styled
			}
			root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": rec})
			note := "id: camera-bakkerij\nkind: sensor\n" + tt.note
			res, err := Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Data == nil {
				t.Fatalf("update refused: %v", res.Findings)
			}
			if want := tt.want(rec); string(res.Data) != want {
				t.Errorf("the record's file:\n%s\nwant:\n%s\ndiff: %s", res.Data, want, lineDiff(want, string(res.Data)))
			}
			if tt.want(rec) == rec && len(res.Changes) > 0 {
				t.Errorf("changes %v, want none", res.Changes)
			}
		})
	}
}

// TestUpdateOfRequiredLeavesRecord: a notification that empties a field
// every record needs is refused at its own line and column, and nothing is
// written.
func TestUpdateOfRequiredLeavesRecord(t *testing.T) {
	for _, tt := range []struct {
		note      string
		line, col int
		path      string
	}{
		{"name: \"\"\n", 3, 7, "name"},
		{"owner: ~\n", 3, 8, "owner"},
		{"owner:\n  email: null\n", 4, 10, "owner.email"},
		{"location: {description: ''}\n", 3, 25, "location.description"},
		{"evaluation: ~\n", 3, 13, "evaluation"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": styled})
			res, err := Read(root, "nt/leeg.yaml", []byte("id: camera-bakkerij\nkind: sensor\n"+tt.note),
				Options{Received: received, Validator: validator(t), Update: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Data != nil {
				t.Fatalf("the record would be written:\n%s", res.Data)
			}
			var errs []finding.Finding
			for _, f := range res.Findings {
				if f.Severity == finding.Error {
					errs = append(errs, f)
				}
			}
			want := tt.path + " is required and cannot be emptied by a notification"
			if len(errs) != 1 || errs[0].File != "nt/leeg.yaml" || errs[0].Line != tt.line || errs[0].Column != tt.col ||
				!strings.Contains(errs[0].Message.In("en"), want) || !strings.Contains(errs[0].Message.In("nl"), "verplicht") {
				t.Errorf("want one error at nt/leeg.yaml:%d:%d saying %q: %v", tt.line, tt.col, want, errs)
			}
		})
	}
}

// lineDiff is the first line where two texts differ, for a failure.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: want %q, got %q", i+1, x, y)
		}
	}
	return "none"
}

// TestUpdateOfRecordNotEditableInPlace: a record whose layout the editor
// does not take apart (one flow mapping) is still updated, written out
// whole.
func TestUpdateOfRecordNotEditableInPlace(t *testing.T) {
	rec := "{id: camera-bakkerij, kind: sensor, format_version: 2, name: Camera bakkerij, summary: Een camera.,\n" +
		" status: active, organisation: {name: Bakkerij, type: private}, owner: {role: Bedrijfsleider, email: info@korenbloem.example},\n" +
		" purpose: Inbraak voorkomen., personal_data: {processed: 'yes'}, lifecycle: {start: 2026-01-10, end: 2027-06-30},\n" +
		" evaluation: {}, sensor_type: camera, capabilities: [video_recording], location: {description: Kerkstraat 12, point: {lat: 52.09, lon: 5.12}}}\n"
	root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": rec})
	res, err := Read(root, "melding.yaml", []byte("id: camera-bakkerij\nkind: sensor\nlifecycle: {end: ~}\n"),
		Options{Received: received, Validator: validator(t), Update: true})
	if err != nil || res.Data == nil {
		t.Fatalf("update refused: %v %v", err, res.Findings)
	}
	if len(res.Changes) != 1 || res.Changes[0].Path != "/lifecycle/end" || strings.Contains(string(res.Data), "2027-06-30") {
		t.Errorf("changes %v:\n%s", res.Changes, res.Data)
	}
}

// FuzzEditInPlace: editing any record with any notification never panics,
// and what it makes is YAML that holds what the merge makes, or update
// writes the merge out whole.
func FuzzEditInPlace(f *testing.F) {
	f.Add(styled, "lifecycle: {end: ~}\nstatus: suspended\nvendor: {model: X}\nsignage: {present: true}\n")
	f.Add(strings.ReplaceAll(styled, "\n", "\r\n"), "purpose: |\n  x\nowner: {role: y}\n")
	f.Add("a:\n- b\nc: >\n  d\n\n  # e\nf: 1", "c: ~\na: [x]\nf: {g: 1}\n")
	f.Fuzz(func(t *testing.T, rec, note string) {
		var doc, nd yaml.Node
		if yaml.Unmarshal([]byte(rec), &doc) != nil || yaml.Unmarshal([]byte(note), &nd) != nil ||
			len(doc.Content) != 1 || len(nd.Content) != 1 || nd.Content[0].Kind != yaml.MappingNode {
			return
		}
		n := cleanNode(nd.Content[0])
		out, err := editInPlace([]byte(rec), doc.Content[0], n, func(string) bool { return false })
		if err != nil {
			return
		}
		var back yaml.Node
		_ = yaml.Unmarshal(out, &back) // may fail: update then writes the merge whole
	})
}
