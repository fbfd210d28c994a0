package scaffold

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

// now is late on 23 November UTC, already 24 November in Amsterdam: the
// template's dates follow the Dutch calendar day.
var now = time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC)

func TestParseKind(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want record.Kind
		ok   bool
	}{
		{"sensor", record.Sensor, true},
		{"algorithm", record.Algorithm, true},
		{"sensors", "", false},
		{"Sensor", "", false},
		{"", "", false},
	} {
		got, err := ParseKind(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// decode reads a template the way the loader does, and refuses keys the
// record model does not know.
func decode(t *testing.T, name string, data []byte) *record.Record {
	t.Helper()
	doc, fs := source.Parse(name, data, source.DefaultLimits)
	if doc == nil || len(fs) > 0 {
		t.Fatalf("%s does not parse: %v", name, fs)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	rec := &record.Record{}
	if err := dec.Decode(rec); err != nil {
		t.Fatalf("%s does not decode into a record: %v", name, err)
	}
	return rec
}

func TestRecordTemplate(t *testing.T) {
	for _, tt := range []struct {
		kind   record.Kind
		id     string
		schema string
		name   string
	}{
		{record.Sensor, "geluid-marktplein", "# yaml-language-server: $schema=../../schema/sensor.schema.json\n", "Nieuwe sensor (vul in)"},
		{record.Algorithm, "toeslag-check", "# yaml-language-server: $schema=../../schema/algorithm.schema.json\n", "Nieuw algoritme (vul in)"},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			data, err := RecordOn(tt.kind, tt.id, now)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(tt.schema)) {
				t.Errorf("first line is not the schema hint %q", tt.schema)
			}
			rec := decode(t, tt.id, data)
			if rec.ID != tt.id || rec.Kind != tt.kind {
				t.Errorf("id, kind = %q, %q; want %q, %q", rec.ID, rec.Kind, tt.id, tt.kind)
			}
			if rec.Name != tt.name || rec.Status != "planned" {
				t.Errorf("name, status = %q, %q", rec.Name, rec.Status)
			}
			if rec.Lifecycle.Start != "2026-12-24" || rec.RegisteredOn != "2026-11-24" {
				t.Errorf("start, registered_on = %q, %q; want a month after today and today (Amsterdam's day, 2026-11-24)", rec.Lifecycle.Start, rec.RegisteredOn)
			}
			if rec.PersonalData.Processed != "unknown" {
				t.Errorf("personal_data.processed = %q; want unknown, which counts as yes (6.4)", rec.PersonalData.Processed)
			}
			if rec.Owner.Email != "vul-in@gemeente.example" || rec.Evaluation.Interval != "P1Y" {
				t.Errorf("owner.email, evaluation.interval = %q, %q", rec.Owner.Email, rec.Evaluation.Interval)
			}
			switch tt.kind {
			case record.Sensor:
				if rec.SensorType != "other" || len(rec.Capabilities) != 1 || rec.Quantity != 1 ||
					rec.Location == nil || rec.Location.PointRD == nil || rec.Location.PointRD.X != 155000 {
					t.Errorf("sensor fields: type %q, capabilities %v, quantity %d, location %+v",
						rec.SensorType, rec.Capabilities, rec.Quantity, rec.Location)
				}
			case record.Algorithm:
				if rec.AlgorithmType != "rule_based" || rec.Role != "decision_support" || rec.PublicationCategory != "impactful" ||
					rec.AffectsIndividuals == nil || !*rec.AffectsIndividuals || rec.SelfLearning == nil || *rec.SelfLearning ||
					len(rec.Datasets) != 1 || rec.SourceCode == nil || rec.SourceCode.URL == "" {
					t.Errorf("algorithm fields: %+v", rec)
				}
			}
		})
	}
}

// TestRecordIDStaysText covers ids that YAML would otherwise read as a
// number, a boolean or null: the template quotes the id.
func TestRecordIDStaysText(t *testing.T) {
	for _, id := range []string{"2024", "1e3", "0x1f", "true", "null", "no"} {
		data, err := RecordOn(record.Algorithm, id, now)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if rec := decode(t, id, data); rec.ID != id {
			t.Errorf("id %q came back as %q", id, rec.ID)
		}
	}
}

func TestRecordRefusesBadInput(t *testing.T) {
	if _, err := RecordOn(record.Sensor, "Bad Id", now); err == nil {
		t.Error("an invalid id gave a template")
	}
	if _, err := RecordOn("camera", "cam-markt", now); err == nil || !strings.Contains(err.Error(), "use sensor or algorithm") {
		t.Errorf("an unknown kind gave %v", err)
	}
}

// commented matches a commented-out field ("# key: ..." or "#   - key: ...")
// while leaving the explanations alone: they start with a capital or "EN:".
var commented = regexp.MustCompile(`(?m)^(\s*)# ( *)([a-z_]+:|- )`)

// TestCommentedFieldsAreValid uncomments every optional field: each must be
// a field of the record format, so a user who removes the # gets a record
// that still reads.
func TestCommentedFieldsAreValid(t *testing.T) {
	for _, kind := range record.Kinds {
		t.Run(string(kind), func(t *testing.T) {
			data, err := RecordOn(kind, "voorbeeld", now)
			if err != nil {
				t.Fatal(err)
			}
			full := commented.ReplaceAll(data, []byte("$1$2$3"))
			if bytes.Equal(full, data) {
				t.Fatal("the template has no commented-out fields")
			}
			rec := decode(t, "uncommented", full)
			if rec.LegalBasis == nil || rec.LegalBasis.GDPRGround != "public_task" || rec.DPIA == nil || len(rec.Decisions) != 1 ||
				rec.Risks == nil || rec.Lifecycle.End != "2027-11-24" || len(rec.DataSharing) != 1 || len(rec.Exceptions) != 1 ||
				rec.Publication == nil || rec.Problem == "" || rec.Alternatives == "" || len(rec.Incidents) != 1 {
				t.Errorf("uncommented fields did not all arrive: %+v", rec)
			}
			switch kind {
			case record.Sensor:
				if rec.Signage == nil || rec.Minimisation == nil || rec.Vendor == nil || len(rec.Measures) != 1 || rec.Location.Area == "" {
					t.Errorf("sensor fields did not all arrive: %+v", rec)
				}
			case record.Algorithm:
				if rec.HumanOversight == "" || rec.Explanation == "" || rec.Objection == "" || rec.NationalRegister == nil ||
					rec.SourceCode.Licence == "" || rec.Datasets[0].Source == "" || len(rec.UsesSensors) != 1 {
					t.Errorf("algorithm fields did not all arrive: %+v", rec)
				}
			}
		})
	}
}

// TestEveryFieldIsExplained checks that each field, set or commented out,
// follows a Dutch comment and its English translation.
func TestEveryFieldIsExplained(t *testing.T) {
	key := regexp.MustCompile(`^(\s*)(# )?(- )?([a-z_]+):`)
	for _, kind := range record.Kinds {
		data, err := RecordOn(kind, "voorbeeld", now)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		explained := 0
		for i, l := range lines {
			m := key.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			prev := ""
			if i > 0 {
				prev = lines[i-1]
			}
			// Children inside a commented-out block share their parent's
			// explanation; everything else has its own.
			if m[2] != "" && commented.MatchString(prev) {
				continue
			}
			if !strings.HasPrefix(strings.TrimSpace(prev), "# EN: ") || i < 2 || !strings.HasPrefix(strings.TrimSpace(lines[i-2]), "# ") {
				t.Errorf("%s line %d: field %q has no Dutch and English comment above it", kind, i+1, m[4])
			}
			explained++
		}
		if explained < 40 {
			t.Errorf("%s: only %d fields explained", kind, explained)
		}
	}
}

func TestCreate(t *testing.T) {
	root := t.TempDir()
	path, err := Create(root, record.Sensor, "geur-haven", now)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "sensors", "geur-haven.yaml"); path != want {
		t.Errorf("path = %q, want %q", path, want)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := RecordOn(record.Sensor, "geur-haven", now)
	if !bytes.Equal(got, want) {
		t.Error("the file is not the template")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Join(root, "sensors"))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the record (no temporary file left)", len(entries))
	}
}

// TestCreatedRegisterLoads creates one record of each kind in an empty root
// and loads it as the commands do: schema, file name, folder and kind agree.
func TestCreatedRegisterLoads(t *testing.T) {
	root := t.TempDir()
	for _, kind := range record.Kinds {
		if _, err := Create(root, kind, "nieuw-"+string(kind), now); err != nil {
			t.Fatal(err)
		}
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s:%d %s: %s", f.File, f.Line, f.Rule, f.Message.In("en"))
	}
	var got []string
	for _, r := range res.Register.Records {
		got = append(got, string(r.Kind)+"/"+r.ID)
	}
	if !slices.Equal(got, []string{"sensor/nieuw-sensor", "algorithm/nieuw-algorithm"}) {
		t.Errorf("records = %q", got)
	}
}

func TestCreateNeverOverwrites(t *testing.T) {
	for _, tt := range []struct {
		name     string
		existing string // relative to the root
		kind     record.Kind
	}{
		{"same file", "sensors/geur-haven.yaml", record.Sensor},
		{"yml extension", "sensors/geur-haven.yml", record.Sensor},
		{"other kind", "algorithms/geur-haven.yaml", record.Sensor},
		{"algorithm", "algorithms/geur-haven.yaml", record.Algorithm},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			existing := filepath.Join(root, filepath.FromSlash(tt.existing))
			if err := os.MkdirAll(filepath.Dir(existing), 0o755); err != nil {
				t.Fatal(err)
			}
			const content = "id: geur-haven\n# handwerk dat niet verloren mag gaan\n"
			if err := os.WriteFile(existing, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Create(root, tt.kind, "geur-haven", now)
			if !errors.Is(err, ErrExists) {
				t.Fatalf("Create = %v, want ErrExists", err)
			}
			if !strings.Contains(err.Error(), filepath.Base(existing)) {
				t.Errorf("error %q does not name the existing file", err)
			}
			got, _ := os.ReadFile(existing)
			if string(got) != content {
				t.Errorf("the existing file changed to %q", got)
			}
			target := filepath.Join(root, tt.kind.Folder(), "geur-haven.yaml")
			if target != existing {
				if _, err := os.Stat(target); err == nil {
					t.Errorf("%s was written next to an existing record with the same id", target)
				}
			}
		})
	}
}

func TestCreateRefusesBadID(t *testing.T) {
	root := t.TempDir()
	var ie *record.IDError
	if _, err := Create(root, record.Sensor, "../buiten", now); !errors.As(err, &ie) {
		t.Fatalf("Create = %v, want an *IDError", err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("Create wrote %d entries for an invalid id", len(entries))
	}
}

// TestTemplateValidates checks the template against the published JSON
// Schemas: as written, and with every commented-out field switched on.
func TestTemplateValidates(t *testing.T) {
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range record.Kinds {
		data, err := RecordOn(kind, "voorbeeld", now)
		if err != nil {
			t.Fatal(err)
		}
		for name, text := range map[string][]byte{"as written": data, "uncommented": commented.ReplaceAll(data, []byte("$1$2$3"))} {
			doc, fs := source.Parse(kind.Folder()+"/voorbeeld.yaml", text, source.DefaultLimits)
			if doc == nil {
				t.Fatalf("%s %s: %v", kind, name, fs)
			}
			for _, f := range v.Validate(doc, kind) {
				t.Errorf("%s template (%s), line %d: %s: %s", kind, name, f.Line, f.Rule, f.Message.In("en"))
			}
		}
	}
}
