package publish_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/validate"
)

// commentedSensor is a valid sensor record with nothing internal in it;
// each case below adds comments (and maybe a publication block) to it.
const commentedSensor = `id: meter
kind: sensor
name: Meter Markt
summary: >-
  Een meter op de Markt telt voorbijgangers.
  # Geen opmerking: een regel van de tekst.
status: active
organisation:
  name: Gemeente Voorbeeldstad
  type: municipality
owner:
  role: Teamleider openbare ruimte
  email: ood@voorbeeldstad.example
purpose: Meten
problem: 'Te druk # geen opmerking'
alternatives: "Tellen met de hand #geen, 'echt' niet"
themes: [openbare-orde-en-veiligheid]
decisions:
  - body: college
    kind: authorisation
    date: 2025-01-10
    reference: https://www.voorbeeldstad.example/besluit#meter
legal_basis:
  regime: other
  law: Gemeentewet
personal_data:
  processed: "no"
dpia:
  status: not_required
  reason: Geen persoonsgegevens.
sensor_type: crowd_counter
capabilities: [people_counting]
location:
  description: Markt
  point: {lat: 52.0907, lon: 5.1214}
lifecycle:
  start: 2025-02-01
evaluation:
  interval: P1Y
retention: P28D
registered_on: 2026-10-01
`

// sourceEdit replaces the first text with the second in commentedSensor.
type sourceEdit [2]string

// withoutHashes are the edits that take every '#' out of commentedSensor,
// as most files have none.
func withoutHashes() []sourceEdit {
	return []sourceEdit{
		{"  # Geen opmerking: een regel van de tekst.\n", ""},
		{"'Te druk # geen opmerking'", "Te druk"},
		{"\"Tellen met de hand #geen, 'echt' niet\"", "Tellen met de hand"},
		{"/besluit#meter", "/besluit"},
	}
}

// TestSourceHasNoComments: a published source holds none of the file's
// comments, wherever they are, whether the filter leaves the record whole
// or not, and still holds the record's public values.
func TestSourceHasNoComments(t *testing.T) {
	secrets := []string{"TODO niet melden", "Jan de Vries", "0612345678", "noot-kop", "noot-eind", "noot-lijst",
		"noot-blok", "noot-na-blok", "noot-stroom", "noot-binnen", "yaml-language-server", "noot-crlf", "noot-onder-sleutel",
		"noot-ls", "noot-nel", "noot-ps"}
	type edit = sourceEdit
	tests := []struct {
		name  string
		edits []edit
		// withheld is the field the record withholds, if any.
		withheld string
		// verbatim: the file keeps its text but for the comments; else
		// it is rebuilt from its node tree (and says so).
		verbatim bool
	}{
		{"a comment on a value", []edit{{"purpose: Meten\n", "purpose: Meten  # intern: bel Jan de Vries 0612345678\n"}}, "", true},
		{"comments at the head and the foot", []edit{
			{"id: meter\n", "# yaml-language-server: $schema=../../schema/sensor.schema.json\n# TODO niet melden\n\nid: meter\n"},
			{"registered_on: 2026-10-01\n", "registered_on: 2026-10-01\n# noot-eind\n"}}, "", true},
		{"comments in nested blocks and lists", []edit{
			{"owner:\n", "owner: # noot-onder-sleutel\n  # noot-kop\n"},
			{"  - body: college\n", "  # noot-lijst\n  - body: college # noot-lijst\n"},
			{"    date: 2025-01-10\n", "    date: 2025-01-10\n    # noot-binnen\n"}}, "", true},
		{"comments by block scalars", []edit{
			{"summary: >-\n", "summary: >- # noot-blok\n"},
			{"status: active\n", "# noot-na-blok\nstatus: active\n"}}, "", true},
		{"comments in flow collections", []edit{
			{"themes: [openbare-orde-en-veiligheid]\n", "themes: [openbare-orde-en-veiligheid] # noot-stroom\n"},
			{"  point: {lat: 52.0907, lon: 5.1214}\n", "  point: {lat: 52.0907, # noot-stroom\n    lon: 5.1214}\n"}}, "", true},
		{"Windows line ends", []edit{
			{"purpose: Meten\n", "purpose: Meten # noot-crlf\n"},
			{"\n", "\r\n"}}, "", true},
		// The YAML library reads these as line breaks, so a '#' after one
		// starts a comment; the file is rebuilt without it. In a file
		// with no other '#' (withoutHashes), which is not read as YAML
		// to find its comments.
		{"a comment after a line separator", append(withoutHashes(),
			edit{"name: Meter Markt\n", "name: Meter Markt\u2028# noot-ls Jan de Vries\n"}), "", false},
		{"a comment after a next line", append(withoutHashes(),
			edit{"status: active\n", "status: active\u0085# noot-nel\n"}), "", false},
		{"a comment after a paragraph separator", append(withoutHashes(),
			edit{"purpose: Meten\n", "purpose: Meten\u2029# noot-ps\n"}), "", false},
		{"a tag the stripper does not follow", []edit{
			{"purpose: Meten\n", "purpose: !!str Meten # Jan de Vries\n"}}, "", false},
		{"a comment on a withheld record", []edit{
			{"purpose: Meten\n", "purpose: Meten  # intern: bel Jan de Vries 0612345678\n"},
			{"id: meter\n", "# TODO niet melden\nid: meter\n"},
			{"registered_on: 2026-10-01\n", "registered_on: 2026-10-01\npublication:\n  withheld: [owner.email] # noot-eind\n  reason: Woo 5.1 lid 2 onder i\n"}}, "owner.email", false},
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := commentedSensor
			for _, e := range tt.edits {
				if e[0] == "\n" {
					text = strings.ReplaceAll(text, e[0], e[1])
					continue
				}
				if !strings.Contains(text, e[0]) {
					t.Fatalf("the record has no %q", e[0])
				}
				text = strings.Replace(text, e[0], e[1], 1)
			}
			root := t.TempDir()
			if err := os.MkdirAll(filepath.Join(root, "sensors"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "register.yaml"), []byte("organisation: Gemeente Voorbeeldstad\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			data := []byte(text)
			if err := os.WriteFile(filepath.Join(root, "sensors", "meter.yaml"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := load.Register(root, load.Options{Validator: v})
			if err != nil {
				t.Fatal(err)
			}
			valid := true
			for _, f := range res.Findings {
				if f.Rule == finding.RuleSchema || f.Rule == finding.RuleYAML || f.Rule == finding.RulePublication {
					t.Errorf("finding: %s %s", f.Path, f.Message.In("en"))
					valid = false
				}
			}
			r := res.Register.ByID("meter")
			if r == nil || !r.IsPublic() {
				t.Fatalf("the record did not load as public: %+v", r)
			}
			p := publish.Register(res.Register)
			if p.Verbatim(r) != (tt.withheld == "") {
				t.Fatalf("Verbatim = %v", p.Verbatim(r))
			}
			out, ok := p.Source(r, data, valid)
			if !ok {
				t.Fatal("the source is not published")
			}
			for _, s := range secrets {
				if strings.Contains(string(out), s) {
					t.Errorf("the published source holds the comment %q:\n%s", s, out)
				}
			}
			// The same values as the file, but for what is withheld.
			orig, fs := source.Parse("meter.yaml", data, source.DefaultLimits)
			if orig == nil {
				t.Fatal(fs)
			}
			want := orig.Value.(map[string]any)
			if tt.withheld != "" {
				top, key, _ := strings.Cut(tt.withheld, ".")
				delete(want[top].(map[string]any), key)
			}
			got, fs := source.Parse("meter.yaml", out, source.DefaultLimits)
			if got == nil {
				t.Fatalf("the published source does not read: %v\n%s", fs, out)
			}
			if !fielddiff.Equal(got.Value, want) {
				t.Errorf("the published source holds other values: %v\n%s", fielddiff.Diff(want, got.Value), out)
			}
			if tt.verbatim {
				// Only the comments went: each line is a line of the file,
				// or its start, in the file's order and with its line end.
				rest := "\n" + text
				for _, l := range strings.SplitAfter(string(out), "\n") {
					body := strings.TrimRight(l, "\r\n")
					if body == "" {
						continue
					}
					i := strings.Index(rest, "\n"+body)
					if i < 0 {
						t.Fatalf("line %q does not start a line of the file, in its place:\n%s", body, out)
					}
					rest = rest[i+1+len(body):]
				}
				if strings.Contains(text, "\r\n") && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
					t.Error("the published source lost the file's line ends")
				}
			}
			if rebuilt := strings.HasPrefix(string(out), "# Openbare weergave"); rebuilt == tt.verbatim {
				t.Errorf("rebuilt = %v, want %v", rebuilt, !tt.verbatim)
			}
		})
	}
}

// TestSourceWithoutCommentsAsIs: a file without a comment is published
// byte for byte as it is.
func TestSourceWithoutCommentsAsIs(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "sensors"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "sensors", "meter.yaml"), []byte(commentedSensor), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Register.ByID("meter")
	out, ok := publish.Register(res.Register).Source(r, []byte(commentedSensor), true)
	if !ok || string(out) != commentedSensor {
		t.Errorf("Source = %v\n%s\nwant the file as it is", ok, out)
	}
}
