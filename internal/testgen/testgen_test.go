package testgen

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/validate"
)

// written is a register Write produced, read back.
type written struct {
	dir   string
	files map[string][]byte // relative path → content
}

func writeRegister(t testing.TB, n int, seed int64) written {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "reg")
	if err := Write(dir, n, seed); err != nil {
		t.Fatalf("Write(%d, %d): %v", n, seed, err)
	}
	w := written{dir: dir, files: map[string][]byte{}}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		data, err := os.ReadFile(path)
		w.files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// decode reads a record the strict way: an unknown key is an error.
func decode(t *testing.T, name string, data []byte) *record.Record {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var r record.Record
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("%s does not decode into record.Record with KnownFields: %v\n%s", name, err, data)
	}
	return &r
}

func TestWriteCounts(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 10, 301} {
		w := writeRegister(t, n, 1)
		wantS, wantA := Counts(n)
		var gotS, gotA int
		ids := map[string]string{}
		for rel := range w.files {
			folder, file, _ := strings.Cut(rel, "/")
			switch {
			case rel == "register.yaml":
				continue
			case strings.HasPrefix(file, "."):
				t.Errorf("n=%d: temporary file %s left behind", n, rel)
			case folder == "sensors":
				gotS++
			case folder == "algorithms":
				gotA++
			default:
				t.Errorf("n=%d: unexpected file %s", n, rel)
			}
			id := strings.TrimSuffix(file, ".yaml")
			if prev, dup := ids[id]; dup {
				t.Errorf("n=%d: id %s used by %s and %s", n, id, prev, rel)
			}
			ids[id] = rel
		}
		if gotS != wantS || gotA != wantA {
			t.Errorf("n=%d: wrote %d sensors and %d algorithms, want %d and %d", n, gotS, gotA, wantS, wantA)
		}
		if _, ok := w.files["register.yaml"]; !ok {
			t.Errorf("n=%d: no register.yaml", n)
		}
	}
}

func TestCounts(t *testing.T) {
	tests := []struct{ n, sensors, algorithms int }{
		{-1, 0, 0}, {0, 0, 0}, {1, 1, 0}, {2, 2, 0}, {3, 2, 1}, {10, 7, 3}, {10000, 6667, 3333},
	}
	for _, tt := range tests {
		s, a := Counts(tt.n)
		if s != tt.sensors || a != tt.algorithms {
			t.Errorf("Counts(%d) = %d, %d; want %d, %d", tt.n, s, a, tt.sensors, tt.algorithms)
		}
	}
}

func TestRecordMatchesWrite(t *testing.T) {
	const n, seed = 60, 42
	w := writeRegister(t, n, seed)
	for i := range n {
		kind, id, data := Record(i, seed)
		if kind != KindOf(i) {
			t.Errorf("Record(%d) kind %q, KindOf says %q", i, kind, KindOf(i))
		}
		if got := ID(i, seed); got != id {
			t.Errorf("ID(%d) = %q, Record says %q", i, got, id)
		}
		rel := Folder(kind) + "/" + id + ".yaml"
		if !bytes.Equal(w.files[rel], data) {
			t.Errorf("%s differs from Record(%d, %d)", rel, i, seed)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := writeRegister(t, 200, 7)
	b := writeRegister(t, 200, 7)
	if len(a.files) != len(b.files) {
		t.Fatalf("same seed, %d files then %d", len(a.files), len(b.files))
	}
	for rel, data := range a.files {
		if !bytes.Equal(data, b.files[rel]) {
			t.Errorf("same seed, %s differs between runs", rel)
		}
	}
	// Another seed gives other records (the index keeps ids unique, so
	// compare content).
	same := 0
	for i := range 200 {
		_, _, x := Record(i, 7)
		_, _, y := Record(i, 8)
		if bytes.Equal(x, y) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 gave %d identical records out of 200", same)
	}
}

func TestStrictDecode(t *testing.T) {
	const n = 900
	w := writeRegister(t, n, 3)
	ids := map[string]record.Kind{}
	for rel, data := range w.files {
		if rel == "register.yaml" {
			continue
		}
		r := decode(t, rel, data)
		folder, file, _ := strings.Cut(rel, "/")
		if want := strings.TrimSuffix(file, ".yaml"); r.ID != want {
			t.Errorf("%s: id %q, want the file name %q", rel, r.ID, want)
		}
		if r.Kind.Folder() != folder {
			t.Errorf("%s: kind %q in folder %s", rel, r.Kind, folder)
		}
		ids[r.ID] = r.Kind
		for field, v := range map[string]string{
			"name": r.Name, "summary": r.Summary, "status": r.Status, "purpose": r.Purpose,
			"organisation.name": r.Organisation.Name, "owner.role": r.Owner.Role, "owner.email": r.Owner.Email,
			"personal_data.processed": r.PersonalData.Processed, "lifecycle.start": r.Lifecycle.Start,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: mandatory %s is empty", rel, field)
			}
		}
		if len(r.Name) > 100 || len([]rune(r.Summary)) > 400 {
			t.Errorf("%s: name or summary too long", rel)
		}
	}
	// uses_sensors only names sensors that exist.
	for rel, data := range w.files {
		if !strings.HasPrefix(rel, "algorithms/") {
			continue
		}
		r := decode(t, rel, data)
		for _, s := range r.UsesSensors {
			if ids[s] != record.Sensor {
				t.Errorf("%s: uses_sensors names %q, which is not a sensor in the register", rel, s)
			}
		}
	}
}

// banned are the capabilities principle 2.1 forbids; the generator writes
// only allowed mixes.
var banned = []string{"face_recognition", "biometric_identification", "person_tracking",
	"re_identification", "emotion_recognition", "gait_recognition", "device_tracking"}

func TestVariety(t *testing.T) {
	w := writeRegister(t, 900, 5)
	seen := map[string]int{}
	types := map[string]bool{}
	var total int
	for rel, data := range w.files {
		if rel == "register.yaml" {
			continue
		}
		total += len(data)
		r := decode(t, rel, data)
		text := string(data)
		if r.Kind == record.Sensor {
			types[r.SensorType] = true
			for _, c := range r.Capabilities {
				if slices.Contains(banned, c) {
					t.Errorf("%s: banned capability %s", rel, c)
				}
			}
			loc := r.Location
			switch {
			case loc == nil:
				t.Errorf("%s: sensor without location", rel)
			case loc.Mobile:
				if loc.Area == "" && len(loc.Polygon) == 0 {
					t.Errorf("%s: mobile sensor without area or polygon", rel)
				}
				if len(loc.Polygon) > 0 {
					seen["polygon"]++
					lon, lat := geo.PolygonCentroid(loc.Polygon)
					if !geo.InNetherlands(lat, lon) {
						t.Errorf("%s: polygon centred at (%v, %v), outside the Netherlands", rel, lat, lon)
					}
				}
			case loc.Point != nil:
				seen["point"]++
				if !geo.InNetherlands(loc.Point.Lat, loc.Point.Lon) {
					t.Errorf("%s: point (%v, %v) outside the Netherlands", rel, loc.Point.Lat, loc.Point.Lon)
				}
			case loc.PointRD != nil:
				seen["point_rd"]++
				if !geo.RDInBounds(loc.PointRD.X, loc.PointRD.Y) {
					t.Errorf("%s: point_rd (%v, %v) outside the RD domain", rel, loc.PointRD.X, loc.PointRD.Y)
				}
			default:
				t.Errorf("%s: fixed sensor without point or point_rd", rel)
			}
		} else {
			seen["algorithm"]++
			if len(r.UsesSensors) > 0 {
				seen["uses_sensors"]++
			}
			if r.SourceCode != nil && r.SourceCode.UnavailableReason != "" {
				seen["source unavailable"]++
			}
		}
		if len(r.DataSharing) > 0 {
			seen["data_sharing"]++
		}
		if len(r.Incidents) > 0 {
			seen["incidents"]++
		}
		if len(r.Exceptions) > 0 {
			seen["exceptions"]++
		}
		if !r.IsPublic() {
			seen["not public"]++
		}
		if r.Publication != nil && len(r.Publication.Withheld) > 0 {
			seen["withheld"]++
		}
		if strings.Contains(text, ": |\n") {
			seen["multi-line text"]++
		}
		if strings.ContainsAny(text, "ëïöüéĳĲ") {
			seen["Dutch characters"]++
		}
		if strings.Contains(text, `: "20`) {
			seen["quoted date"]++
		}
	}
	for _, st := range []string{"camera", "anpr_camera", "air_quality", "odour", "noise", "traffic_counter",
		"crowd_counter", "wifi_bluetooth_counter", "parking", "water_level", "weather", "waste_level",
		"drone", "smart_lighting", "other"} {
		if !types[st] {
			t.Errorf("no sensor of type %s in 900 records", st)
		}
	}
	for _, what := range []string{"point", "point_rd", "polygon", "algorithm", "uses_sensors", "source unavailable",
		"data_sharing", "incidents", "exceptions", "not public", "withheld", "multi-line text", "Dutch characters", "quoted date"} {
		if seen[what] == 0 {
			t.Errorf("no record with %s in 900 records", what)
		}
	}
	// About 1.7 KB a record, so benchmarks at n records read what a real
	// register of n records holds.
	avg := total / 900
	if avg < 1400 || avg > 2100 {
		t.Errorf("average record size %d bytes, want about 1700", avg)
	}
	t.Logf("average record size %d bytes; %v", avg, seen)
}

// TestValidatesClean loads a generated register the way `register validate`
// does: the schemas and the register-wide checks must find nothing.
func TestValidatesClean(t *testing.T) {
	w := writeRegister(t, 600, 11)
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(w.dir, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s:%d:%d: %s: %s (%s)", f.File, f.Line, f.Column, f.Severity, f.Message.In("en"), f.Rule)
	}
	if got := len(res.Register.Records); got != 600 {
		t.Errorf("loaded %d records, want 600", got)
	}
	for _, r := range res.Register.Records {
		if r.Kind == record.Sensor && !r.Location.Mobile && (r.Point == nil || !geo.InNetherlands(r.Point.Lat, r.Point.Lon)) {
			t.Errorf("%s: fixed sensor without a WGS84 point in the Netherlands after loading: %+v", r.ID, r.Point)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, 5, 1); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("Write into a non-empty folder: %v, want ErrNotEmpty", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "mine" {
		t.Errorf("Write touched an existing file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Write added %d entries to a non-empty folder", len(entries)-1)
	}
	if err := Write(filepath.Join(t.TempDir(), "x"), -1, 1); err == nil {
		t.Error("Write with n = -1 succeeded")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(file, 1, 1); err == nil {
		t.Error("Write into a path that is a file succeeded")
	}
	// An empty folder that exists is fine.
	if err := Write(t.TempDir(), 3, 1); err != nil {
		t.Errorf("Write into an empty folder: %v", err)
	}
}

func TestScalarRoundTrip(t *testing.T) {
	tricky := []string{
		"gewoon tekst", "yes", "No", "off", "null", "~", "true", "1.0", "0x1F", "2026-01-01", "12:30",
		"a: b", "ends with colon:", "x #niet een commentaar", "#begin", "- lijst", "[a]", "{a}", "a, b",
		"'quote'", `"dubbel"`, "back\\slash", " leading", "trailing ", "Ĳsselstraat", "°C", "%", "µg/m³",
		"tab\there", "regel\nregel", "*anchor", "&ref", "!tag", "@at", "`tick`", "|pipe", ">fold", "?q",
	}
	for _, s := range tricky {
		for _, inFlow := range []bool{false, true} {
			src := "k: " + scalar(s, inFlow) + "\n"
			if inFlow {
				src = "k: [" + scalar(s, inFlow) + ", z]\n"
			}
			var out struct {
				K any `yaml:"k"`
			}
			if err := yaml.Unmarshal([]byte(src), &out); err != nil {
				t.Errorf("scalar(%q, %v) = %q does not parse: %v", s, inFlow, src, err)
				continue
			}
			got := out.K
			if list, ok := got.([]any); ok && inFlow {
				got = list[0]
			}
			if got != s {
				t.Errorf("scalar(%q, %v): %q reads back as %#v", s, inFlow, src, got)
			}
		}
	}
}

func TestSlugOf(t *testing.T) {
	tests := map[string]string{
		"Wegennetwerk BGT":                      "wegennetwerk-bgt",
		"Ĳsselstraat":                           "ijsselstraat",
		"Coöperatieplein":                       "cooperatieplein",
		"Metingen luchtkwaliteitssensoren (NL)": "metingen-luchtkwaliteitssensoren-nl",
		"  --  ":                                "",
	}
	for in, want := range tests {
		if got := slugOf(in); got != want {
			t.Errorf("slugOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkRecord(b *testing.B) {
	var size int
	i := 0
	for b.Loop() {
		_, _, data := Record(i, 1)
		size += len(data)
		i++
	}
	b.ReportMetric(float64(size)/float64(i), "bytes/record")
}

func BenchmarkWrite1000(b *testing.B) {
	for b.Loop() {
		if err := Write(filepath.Join(b.TempDir(), "reg"), 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
