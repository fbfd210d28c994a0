package notification

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

// valid is a notification as the form writes it.
const valid = `# Melding van een sensor
id: camera-bakkerij
kind: sensor
format_version: 2
name: Camera bij de ingang van de bakkerij
summary: Een camera boven de deur filmt de ingang van de winkel.
status: planned
organisation:
  name: Bakkerij De Korenbloem
  type: private
owner:
  role: Bedrijfsleider
  email: info@korenbloem.example
purpose: Inbraak voorkomen en opsporen.
personal_data:
  processed: "yes"
  categories: [Camerabeelden]
retention: P28D
lifecycle:
  start: 2026-12-10
evaluation: {}
sensor_type: camera
capabilities: [video_recording]
location:
  description: Kerkstraat 12, boven de winkeldeur
  point: {lat: 52.0907, lon: 5.1214}
`

var received = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func validator(t *testing.T) *validate.Validator {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// register makes a register folder with the given record files.
func register(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestReadAddsRecordDatedByReceipt(t *testing.T) {
	root := register(t, nil)
	res, err := Read(root, "melding.yaml", []byte(valid), Options{Received: received, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	if finding.Worst(res.Findings) >= finding.Warning {
		t.Fatalf("findings: %v", res.Findings)
	}
	if res.Path != "sensors/camera-bakkerij.yaml" || res.Updated() {
		t.Fatalf("path %q, updated %v", res.Path, res.Updated())
	}
	if err := Write(root, res); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "sensors", "camera-bakkerij.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := source.Parse("x.yaml", data, source.DefaultLimits)
	if doc == nil {
		t.Fatalf("written record does not parse: %v\n%s", fs, data)
	}
	if fs := validator(t).Validate(doc, record.Sensor); len(fs) > 0 {
		t.Fatalf("written record is invalid: %v\n%s", fs, data)
	}
	m := doc.Value.(map[string]any)
	if m["registered_on"] != "2026-12-01" {
		t.Errorf("registered_on = %v, want the receipt date 2026-12-01\n%s", m["registered_on"], data)
	}
	if strings.Contains(string(data), "Melding van een sensor") {
		t.Errorf("the operator's comment was kept:\n%s", data)
	}
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../../schema/sensor.schema.json\n") {
		t.Errorf("record does not start with the schema line:\n%s", data)
	}
	// A second import of the same notification never overwrites it.
	res, err = Read(root, "melding.yaml", []byte(valid), Options{Received: received, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data != nil || !hasFinding(res.Findings, finding.Error, "already") {
		t.Fatalf("second import: data %v, findings %v", res.Data != nil, res.Findings)
	}
	if err := Write(root, res); err == nil {
		t.Fatal("Write of a refused notification succeeded")
	}
}

func hasFinding(fs []finding.Finding, sev finding.Severity, msg string) bool {
	for _, f := range fs {
		if f.Severity == sev && strings.Contains(f.Message.In("en")+" "+f.Help.In("en"), msg) {
			return true
		}
	}
	return false
}

// TestReadHostile feeds notifications that must be refused with a finding
// at a file position, and never written.
func TestReadHostile(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(valid, old) {
			t.Fatalf("test notification has no %q", old)
		}
		return strings.Replace(valid, old, new, 1)
	}
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'h'; i++ {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(i-1)+", ", 9) + "*" + string(i-1) + "]\n"
	}
	tests := []struct {
		name      string
		data      string
		line, col int // 0: any line
		msg       string
	}{
		{"not yaml", "id: [unclosed\n", 0, 0, ""},
		{"a list", "- id: x\n", 1, 1, "mapping"},
		{"a scalar", "hello\n", 1, 1, "mapping"},
		{"an algorithm", replace("kind: sensor", "kind: algorithm"), 3, 7, "about a sensor"},
		{"no kind", replace("kind: sensor\n", ""), 2, 1, "about a sensor"},
		{"path in id", replace("id: camera-bakkerij", "id: ../../etc/passwd"), 2, 5, "not a valid identifier"},
		{"id not text", replace("id: camera-bakkerij", "id: [a, b]"), 2, 5, "not a valid identifier"},
		{"alias bomb", bomb, 0, 0, "aliases"},
		{"NUL byte", replace("Bakkerij", "Bak\x00kerij"), 9, 12, "NUL"},
		{"invalid UTF-8", replace("Bakkerij", "Bak\xffkerij"), 9, 12, "UTF-8"},
		{"duplicate key", replace("status: planned", "status: planned\nstatus: active"), 8, 1, "more than once"},
		{"deep nesting", valid + "links: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", 0, 0, "nesting"},
		{"unknown field", valid + "secret_field: x\n", 27, 1, ""},
		{"missing required", replace("purpose: Inbraak voorkomen en opsporen.\n", ""), 2, 1, "purpose"},
		{"bad email", replace("info@korenbloem.example", "not an address"), 13, 10, ""},
		{"bad date", replace("start: 2026-12-10", "start: 10-12-2026"), 0, 0, ""},
		{"too large", valid + "links:\n" + strings.Repeat("  - {url: https://x.example/}\n", 50000), 0, 0, "bytes"},
		{"two documents", valid + "---\nid: other\n", 0, 0, "more than one"},
		{"merge key", valid + "x: &x {a: 1}\ny: {<<: *x}\n", 0, 0, "merge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := register(t, nil)
			res, err := Read(root, "melding.yaml", []byte(tt.data), Options{Received: received, Validator: validator(t)})
			if err != nil {
				t.Fatal(err)
			}
			if res.Data != nil {
				t.Fatalf("hostile notification would be written:\n%s", res.Data)
			}
			var errs []finding.Finding
			for _, f := range res.Findings {
				if f.Severity == finding.Error {
					errs = append(errs, f)
				}
			}
			if len(errs) == 0 {
				t.Fatalf("no error; findings %v", res.Findings)
			}
			f := errs[0]
			if f.File != "melding.yaml" {
				t.Errorf("file = %q", f.File)
			}
			if tt.line != 0 && (f.Line != tt.line || f.Column != tt.col) {
				t.Errorf("position %d:%d, want %d:%d (%s)", f.Line, f.Column, tt.line, tt.col, f.Message.In("en"))
			}
			if tt.msg != "" && !hasFinding(errs, finding.Error, tt.msg) {
				t.Errorf("no error mentions %q: %v", tt.msg, errs)
			}
			if entries, _ := os.ReadDir(filepath.Join(root, "sensors")); len(entries) > 0 {
				t.Errorf("files written: %v", entries)
			}
		})
	}
}

func TestReadWarnings(t *testing.T) {
	data := strings.Replace(valid, "status: planned", "status: planned\nregistered_on: 2026-11-01\nexceptions: []", 1)
	res, err := Read(register(t, nil), "melding.yaml", []byte(data), Options{Received: received, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data == nil {
		t.Fatalf("refused: %v", res.Findings)
	}
	want := []struct {
		sev       finding.Severity
		line, col int
		msg       string
	}{
		{finding.Warning, 8, 16, "registered_on 2026-11-01 in the notification is replaced by the receipt date 2026-12-01"},
		{finding.Info, 9, 1, "exceptions is not a question of the notification form"},
	}
	if len(res.Findings) != len(want) {
		t.Fatalf("findings %v, want %d", res.Findings, len(want))
	}
	for i, w := range want {
		f := res.Findings[i]
		if f.Severity != w.sev || f.Line != w.line || f.Column != w.col || !strings.Contains(f.Message.In("en"), w.msg) {
			t.Errorf("finding %d = %s %d:%d %q, want %s %d:%d %q", i, f.Severity, f.Line, f.Column, f.Message.In("en"), w.sev, w.line, w.col, w.msg)
		}
	}
	if !strings.Contains(string(res.Data), "registered_on: 2026-12-01") || strings.Contains(string(res.Data), "2026-11-01") {
		t.Errorf("receipt date not set:\n%s", res.Data)
	}
}

// existing is the register's record of the sensor, with fields the form
// does not ask and one the public site withholds.
const existing = `# De camera van de bakkerij.
id: camera-bakkerij
kind: sensor
format_version: 2
name: Camera bakkerij
summary: Een camera boven de deur.
status: active # sinds de opening
organisation:
  name: Bakkerij De Korenbloem
  type: private
  kvk: "12345678"
owner:
  role: Bedrijfsleider
  email: info@korenbloem.example
purpose: Inbraak voorkomen.
personal_data:
  processed: "yes"
lifecycle:
  start: 2026-01-10
evaluation: {}
registered_on: 2026-01-02
sensor_type: camera
capabilities: [video_recording]
location:
  description: Kerkstraat 12
  point: {lat: 52.0907, lon: 5.1214}
publication:
  withheld: [location.point]
  reason: Beveiliging van het pand.
`

func TestReadUpdate(t *testing.T) {
	files := map[string]string{"sensors/camera-bakkerij.yaml": existing}
	note := strings.Replace(valid, "  point: {lat: 52.0907, lon: 5.1214}\n", "  mobile: true\n  area: Binnenstad\n", 1)
	note = strings.Replace(note, "status: planned", "status: suspended", 1)

	// Without --update the register's record is never replaced.
	root := register(t, files)
	res, err := Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data != nil || !hasFinding(res.Findings, finding.Error, "--update") {
		t.Fatalf("refusal expected: %v", res.Findings)
	}
	if res.Findings[len(res.Findings)-1].Line != 2 {
		t.Errorf("refusal not at the id: %v", res.Findings)
	}

	res, err = Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data == nil || !res.Updated() {
		t.Fatalf("update refused: %v", res.Findings)
	}
	if err := Write(root, res); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(root, "sensors", "camera-bakkerij.yaml"))
	doc, fs := source.Parse("x", data, source.DefaultLimits)
	if doc == nil {
		t.Fatal(fs)
	}
	m := doc.Value.(map[string]any)
	loc := m["location"].(map[string]any)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"status from the notification", m["status"], "suspended"},
		{"name from the notification", m["name"], "Camera bij de ingang van de bakkerij"},
		{"kvk the form left out", m["organisation"].(map[string]any)["kvk"], "12345678"},
		{"first receipt date", m["registered_on"], "2026-01-02"},
		{"withheld point", loc["point"] != nil, true},
		{"mobile from the notification", loc["mobile"], true},
		{"publication block", m["publication"] != nil, true},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
	if !strings.Contains(string(data), "# De camera van de bakkerij.") {
		t.Errorf("the record's comments were lost:\n%s", data)
	}
	var changed []string
	for _, c := range res.Changes {
		changed = append(changed, c.Path)
	}
	for _, p := range []string{"/name", "/status", "/location/mobile", "/lifecycle/start"} {
		if !strings.Contains(strings.Join(changed, " "), p) {
			t.Errorf("changes %v miss %s", changed, p)
		}
	}
	for _, p := range changed {
		if strings.HasPrefix(p, "/registered_on") || strings.HasPrefix(p, "/publication") || p == "/location/point" {
			t.Errorf("update changed %s", p)
		}
	}

	// A record that changed between Read and Write is left alone.
	res, err = Read(root, "melding.yaml", []byte(strings.Replace(note, "status: suspended", "status: retired", 1)), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil || res.Data == nil {
		t.Fatalf("%v %v", err, res.Findings)
	}
	if err := os.WriteFile(filepath.Join(root, "sensors", "camera-bakkerij.yaml"), []byte(existing), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, res); err == nil || !strings.Contains(err.Error(), "changed while importing") {
		t.Fatalf("Write over a changed record: %v", err)
	}
}

func TestReadRefusesIDOfAnotherKind(t *testing.T) {
	root := register(t, map[string]string{"algorithms/camera-bakkerij.yaml": "id: camera-bakkerij\n"})
	res, err := Read(root, "melding.yaml", []byte(valid), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data != nil || !hasFinding(res.Findings, finding.Error, "never reused") {
		t.Fatalf("findings %v", res.Findings)
	}
}

// TestReadUpdateWithoutWithheld: an update made from the public page lacks
// the withheld point; it is valid applied to the record, which keeps its
// point, while the same file as a new sensor is refused.
func TestReadUpdateWithoutWithheld(t *testing.T) {
	note := strings.Replace(valid, "  point: {lat: 52.0907, lon: 5.1214}\n", "", 1)
	root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": existing})
	res, err := Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil || res.Data == nil {
		t.Fatalf("update refused: %v %v", err, res.Findings)
	}
	if !strings.Contains(string(res.Data), "point: {lat: 52.0907, lon: 5.1214}") {
		t.Errorf("the withheld point was lost:\n%s", res.Data)
	}
	res, err = Read(register(t, nil), "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil || res.Data != nil || !hasFinding(res.Findings, finding.Error, "point") {
		t.Fatalf("a new sensor without a place was accepted: %v %v", err, res.Findings)
	}
}

// TestReadUpdateClears: on --update a field given empty is removed from the
// record, one left out stays, and a field the form does not ask (the
// publication block above all) cannot be removed so.
func TestReadUpdateClears(t *testing.T) {
	record := existing + "signage:\n  present: true\n  description: Bordje bij de deur\nvendor:\n  manufacturer: Axis\n  model: P3245\n"
	tests := []struct {
		name    string
		edit    func(string) string
		gone    []string // paths the record no longer has
		kept    []string // paths it still has
		changed []string // paths listed as changed
		refused string   // an error finding saying this; nothing written
		at      string   // the text the refusal points at
		after   bool     // just after at
	}{
		{name: "left out stays",
			edit: func(s string) string { return s },
			kept: []string{"vendor.model", "vendor.manufacturer", "signage.description", "organisation.kvk"}},
		{name: "null clears one field of a mapping",
			edit:    func(s string) string { return s + "vendor:\n  model: ~\n" },
			gone:    []string{"vendor.model"},
			kept:    []string{"vendor.manufacturer"},
			changed: []string{"/vendor/model"}},
		{name: "nothing after the colon and an empty text clear, and the emptied mapping goes",
			edit: func(s string) string { return s + "vendor:\n  model:\n  manufacturer: \"\"\n" },
			gone: []string{"vendor"}, kept: []string{"signage.present"}},
		{name: "null clears a whole mapping",
			edit: func(s string) string { return s + "signage: null\n" },
			gone: []string{"signage"}, kept: []string{"vendor.model"}},
		{name: "an empty list clears a list",
			edit: func(s string) string {
				return strings.Replace(s, "  categories: [Camerabeelden]\n", "  categories: []\n", 1)
			},
			gone: []string{"personal_data.categories"}, kept: []string{"personal_data.processed"}},
		{name: "a field of a mapping the form asks",
			edit: func(s string) string {
				return strings.Replace(s, "  type: private\n", "  type: private\n  kvk: ~\n", 1)
			},
			gone: []string{"organisation.kvk"}, kept: []string{"organisation.name"}},
		// What the form does not ask is the municipality's: a notification
		// that would publish what it keeps back is refused.
		{name: "the publication block cannot be made public",
			edit:    func(s string) string { return s + "publication: {public: true}\n" },
			refused: "publication is no question of the notification form but the municipality's to decide", at: "publication: {public: true}"},
		{name: "what is withheld cannot be changed",
			edit: func(s string) string {
				return s + "publication:\n  withheld: [vendor.model]\n  reason: Beveiliging van het pand.\n"
			},
			refused: "publication is no question of the notification form but the municipality's to decide", at: "publication:\n  withheld"},
		{name: "the evaluation the form leaves empty cannot be set",
			edit: func(s string) string {
				return strings.Replace(s, "evaluation: {}", "evaluation: {interval: P5Y, outcome: nooit}", 1)
			},
			refused: "evaluation is no question of the notification form but the municipality's to decide", at: "evaluation: {interval"},
		{name: "an exception cannot be added",
			edit: func(s string) string {
				return s + "exceptions: [{rule: signage, reason: Nee, approved_by: college, approved_on: 2026-01-01}]\n"
			},
			refused: "exceptions is no question of the notification form but the municipality's to decide", at: "exceptions:"},
		{name: "the publication block cannot be cleared",
			edit:    func(s string) string { return s + "publication: ~\n" },
			refused: "publication is no question of the notification form but the municipality's to decide", at: "publication: ~"},
		{name: "a field the form does not ask cannot be cleared",
			edit: func(s string) string {
				return strings.Replace(s, "  role: Bedrijfsleider\n", "  role: Bedrijfsleider\n  department: ~\n", 1)
			},
			refused: "owner.department is given empty", at: "department: ~"},
		// A field every sensor record needs is refused at the value that
		// empties it, in the notification, not in the register's record.
		{name: "a required text cannot be emptied",
			edit: func(s string) string {
				return strings.Replace(s, "name: Camera bij de ingang van de bakkerij\n", "name: ~\n", 1)
			},
			refused: "name is required and cannot be emptied by a notification", at: "~"},
		{name: "a required text cannot be emptied with an empty text",
			edit: func(s string) string {
				return strings.Replace(s, "name: Camera bij de ingang van de bakkerij\n", "name: \"\"\n", 1)
			},
			refused: "name is required and cannot be emptied", at: `""`},
		{name: "a required mapping cannot be emptied",
			edit: func(s string) string {
				return strings.Replace(s, "owner:\n  role: Bedrijfsleider\n  email: info@korenbloem.example\n", "owner: ~\n", 1)
			},
			refused: "owner is required and cannot be emptied", at: "~"},
		{name: "a required field of a mapping cannot be emptied",
			edit: func(s string) string {
				return strings.Replace(s, "lifecycle:\n  start: 2026-12-10\n", "lifecycle: {start: ~}\n", 1)
			},
			refused: "lifecycle.start is required and cannot be emptied", at: "~"},
		{name: "a required list cannot be emptied",
			edit: func(s string) string {
				return strings.Replace(s, "capabilities: [video_recording]", "capabilities: []", 1)
			},
			refused: "capabilities is required and cannot be emptied", at: "[]"},
		{name: "nothing after the colon is refused where the value would be",
			edit: func(s string) string {
				return strings.Replace(s, "  description: Kerkstraat 12, boven de winkeldeur\n", "  description:\n", 1)
			},
			refused: "location.description is required and cannot be emptied", at: "description:", after: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": record})
			note := tt.edit(valid)
			res, err := Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
			if err != nil {
				t.Fatal(err)
			}
			if tt.refused != "" {
				if res.Data != nil || !hasFinding(res.Findings, finding.Error, tt.refused) {
					t.Fatalf("want a refusal saying %q: %v", tt.refused, res.Findings)
				}
				if tt.at != "" {
					before := note[:strings.Index(note, tt.at)]
					if tt.after {
						before += tt.at
					}
					line, col := 1+strings.Count(before, "\n"), len(before)-strings.LastIndex(before, "\n")
					for _, f := range res.Findings {
						if f.Severity == finding.Error && (f.File != "melding.yaml" || f.Line != line || f.Column != col) {
							t.Errorf("refusal at %s:%d:%d, want melding.yaml:%d:%d", f.File, f.Line, f.Column, line, col)
						}
					}
				}
				return
			}
			if res.Data == nil {
				t.Fatalf("update refused: %v", res.Findings)
			}
			doc, fs := source.Parse("x", res.Data, source.DefaultLimits)
			if doc == nil {
				t.Fatal(fs)
			}
			has := func(path string) bool {
				var v any = doc.Value
				for _, k := range strings.Split(path, ".") {
					m, ok := v.(map[string]any)
					if !ok {
						return false
					}
					if v, ok = m[k]; !ok {
						return false
					}
				}
				return true
			}
			for _, p := range tt.gone {
				if has(p) {
					t.Errorf("%s is still in the record:\n%s", p, res.Data)
				}
			}
			for _, p := range append(tt.kept, "location.point", "publication.withheld", "registered_on", "evaluation") {
				if !has(p) {
					t.Errorf("%s was lost:\n%s", p, res.Data)
				}
			}
			var changed []string
			for _, c := range res.Changes {
				changed = append(changed, c.Path)
			}
			for _, p := range tt.changed {
				if !slices.Contains(changed, p) {
					t.Errorf("changes %v miss %s", changed, p)
				}
			}
			if strings.Contains(string(res.Data), "null") || strings.Contains(string(res.Data), "~") {
				t.Errorf("the record holds an empty value:\n%s", res.Data)
			}
		})
	}
}

// TestReadUpdateOfUnreadableRecord: a record that cannot be read is not
// updated, and the reason is given in Dutch as well as in English.
func TestReadUpdateOfUnreadableRecord(t *testing.T) {
	root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": "- geen\n- registratie\n"})
	res, err := Read(root, "melding.yaml", []byte(valid), Options{Received: received, Validator: validator(t), Update: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data != nil || !hasFinding(res.Findings, finding.Error, "cannot be applied") {
		t.Fatalf("findings %v", res.Findings)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Message.In("en"), "cannot be applied") &&
			(!strings.Contains(f.Message.In("nl"), "kan er niet op worden toegepast") || !strings.Contains(f.Help.In("nl"), "herstel eerst het record")) {
			t.Errorf("Dutch %q, help %q", f.Message.In("nl"), f.Help.In("nl"))
		}
	}
}

// Why Write leaves the register as it is is said in the run's language;
// the file system's own words stay as it gives them.
func TestWriteErrorsInBothLanguages(t *testing.T) {
	data := []byte("id: camera-bakkerij\n")
	tests := []struct {
		name   string
		files  map[string]string
		res    *Result
		en, nl string // ROOT stands for the register folder
	}{
		{"no result", nil, nil, "import notification: nothing to write", "melding importeren: niets om te schrijven"},
		{"refused", nil, &Result{Path: "sensors/camera-bakkerij.yaml"}, "import notification: nothing to write", "melding importeren: niets om te schrijven"},
		{"appeared", map[string]string{"sensors/camera-bakkerij.yaml": "id: camera-bakkerij\n"}, &Result{Path: "sensors/camera-bakkerij.yaml", Data: data},
			"ROOT/sensors/camera-bakkerij.yaml appeared while importing and is left unchanged; run the import again",
			"ROOT/sensors/camera-bakkerij.yaml is tijdens het importeren verschenen en blijft zoals het is; start de import opnieuw"},
		{"changed", map[string]string{"sensors/camera-bakkerij.yaml": "id: camera-bakkerij\nname: Nieuw\n"}, &Result{Path: "sensors/camera-bakkerij.yaml", Data: data, Old: data},
			"ROOT/sensors/camera-bakkerij.yaml changed while importing and is left unchanged; run the import again",
			"ROOT/sensors/camera-bakkerij.yaml is tijdens het importeren veranderd en blijft zoals het is; start de import opnieuw"},
		{"gone", nil, &Result{Path: "sensors/camera-bakkerij.yaml", Data: data, Old: data},
			"read ROOT/sensors/camera-bakkerij.yaml: open ", "ROOT/sensors/camera-bakkerij.yaml lezen: open "},
		{"no folder", map[string]string{"sensors": "not a folder\n"}, &Result{Path: "sensors/camera-bakkerij.yaml", Data: data},
			"create folder ROOT/sensors: mkdir ", "map ROOT/sensors maken: mkdir "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := register(t, tt.files)
			err := Write(root, tt.res)
			l, ok := err.(message.Lingual)
			if !ok {
				t.Fatalf("%v is not worded in each language", err)
			}
			en, nl := strings.ReplaceAll(tt.en, "ROOT", root), strings.ReplaceAll(tt.nl, "ROOT", root)
			if got := err.Error(); !strings.HasPrefix(got, en) {
				t.Errorf("in English: %q, want %q", got, en)
			}
			if got := l.In(message.Dutch); !strings.HasPrefix(got, nl) {
				t.Errorf("in Dutch: %q, want %q", got, nl)
			}
		})
	}
}

// A record that withholds an item of a list by its place in it
// (personal_data.categories.1) refuses a notification that changes the
// list: the new list would put another item at that place, and publish the
// one withheld. The list sent back as it is passes.
func TestReadUpdateKeepsAnItemWithheldByItsPlace(t *testing.T) {
	// special_categories is no question of the form: the update of
	// personal_data leaves it as it is.
	rec := strings.Replace(existing, "  processed: \"yes\"\n", "  processed: \"yes\"\n  categories: [beelden, gezichten]\n  special_categories: false\n", 1)
	rec = strings.Replace(rec, "  withheld: [location.point]\n", "  withheld: [location.point, personal_data.categories.1]\n", 1)
	if rec == existing {
		t.Fatal("the record was not changed")
	}
	root := register(t, map[string]string{"sensors/camera-bakkerij.yaml": rec})
	for _, tt := range []struct {
		name, list string
		refused    bool
	}{
		{"a new item first", "[kentekens, beelden, gezichten]", true},
		{"the list as it is", "[beelden, gezichten]", false},
		{"the list left out", "", false},
		{"the list emptied", "[]", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			note := "id: camera-bakkerij\nkind: sensor\npersonal_data:\n  processed: \"yes\"\n"
			if tt.list != "" {
				note += "  categories: " + tt.list + "\n"
			}
			res, err := Read(root, "melding.yaml", []byte(note), Options{Received: received, Validator: validator(t), Update: true})
			if err != nil {
				t.Fatal(err)
			}
			if refused := res.Data == nil; refused != tt.refused {
				t.Fatalf("refused = %v, want %v: %v", refused, tt.refused, res.Findings)
			}
			if tt.refused && !hasFinding(res.Findings, finding.Error, "the record withholds personal_data.categories.1, an item of personal_data by its place in the list") {
				t.Errorf("findings %v, want the refusal", res.Findings)
			}
		})
	}
}
