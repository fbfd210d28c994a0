package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// Every finding of loading a register, from a file that cannot be read to
// the register-wide checks, says in Dutch what is wrong and what to do.
func TestEveryLoadFindingHasDutch(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(sensor("secret")), 0o644); err != nil {
		t.Fatal(err)
	}
	root := write(t, map[string]string{
		"sensors/twice.yaml":        "id: twice\n---\nid: again\n",
		"sensors/binary.yaml":       "id: \xff\xfe\n",
		"sensors/huge.yaml":         "name: " + strings.Repeat("x", 1<<20) + "\n",
		"sensors/list.yaml":         "- a\n- b\n",
		"sensors/syntax.yaml":       "id: [\n",
		"sensors/cam-markt.yaml":    sensor("cam-plein"),
		"sensors/dubbel.yaml":       sensor("dubbel"),
		"algorithms/dubbel.yaml":    algorithm("dubbel"),
		"algorithms/verkeerd.yaml":  sensor("verkeerd"),
		"algorithms/routes.yaml":    algorithm("routes", "bestaat-niet", "dubbel"),
		"algorithms/andere.yaml":    algorithm("andere", "routes"),
		"sensors/map/in-a-map.yaml": sensor("in-a-map"),
		"sensors/ver.yaml":          strings.Replace(sensor("ver"), "point_rd: {x: 155100, y: 463100}", "point: {lat: 40.1, lon: 2.2}", 1),
		"sensors/om.yaml":           strings.Replace(sensor("om"), "point_rd: {x: 155100, y: 463100}", "point: {lat: 5.1, lon: 52.1}", 1),
	})
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "sensors", "secret.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "sensors", "weg.yaml"), filepath.Join(root, "sensors", "nergens.yaml")); err != nil {
		t.Fatal(err)
	}
	// A link to itself, and two links to each other.
	for link, to := range map[string]string{"lus.yaml": "lus.yaml", "heen.yaml": "terug.yaml", "terug.yaml": "heen.yaml"} {
		if err := os.Symlink(to, filepath.Join(root, "sensors", link)); err != nil {
			t.Fatal(err)
		}
	}
	testbed.Pipe(t, filepath.Join(root, "sensors", "fifo.yaml"))
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		en   string // a part of the English message, to pick the finding
		nl   []string
	}{
		{"sensors/secret.yaml", "symlink leads outside", []string{"symlink leidt naar buiten het register", "gewone bestanden"}},
		{"sensors/nergens.yaml", "symlink leads nowhere", []string{"symlink leidt nergens heen: het bestand bestaat niet"}},
		{"sensors/lus.yaml", "symlink leads in a loop", []string{"symlink gaat in een kring: hij wijst terug naar zichzelf", "gewone bestanden"}},
		{"sensors/heen.yaml", "symlink leads in a loop", []string{"symlink gaat in een kring"}},
		{"sensors/fifo.yaml", "not a regular file", []string{"geen gewoon bestand", "binnen het register"}},
		{"sensors/twice.yaml", "more than one YAML document", []string{"meer dan één YAML-document"}},
		{"sensors/binary.yaml", "not valid UTF-8", []string{"geen geldige UTF-8"}},
		{"sensors/huge.yaml", "more than the limit", []string{"meer dan de grens van", "splits het bestand"}},
		{"sensors/list.yaml", "a record is a mapping", []string{"een registratie is een mapping van velden", "begin met 'id: ...'"}},
		{"sensors/syntax.yaml", "YAML syntax error", []string{"YAML-syntaxfout"}},
		{"sensors/cam-markt.yaml", "does not match the file name", []string{`id "cam-plein" past niet bij de bestandsnaam "cam-markt.yaml"`, "hernoem het bestand naar cam-plein.yaml, of zet id: cam-markt"}},
		{"algorithms/dubbel.yaml", "already used", []string{`id "dubbel" is al in gebruik door sensors/dubbel.yaml`, "nooit hergebruikt"}},
		{"algorithms/verkeerd.yaml", "a record of kind", []string{`een registratie van soort "sensor" staat in algorithms/`, "verplaats haar naar sensors/"}},
		{"algorithms/routes.yaml", "not in the register", []string{`uses_sensors noemt "bestaat-niet", maar die staat niet in het register`, "voeg de registratie van de sensor toe"}},
		{"algorithms/andere.yaml", "which is an algorithm", []string{`uses_sensors noemt "routes", maar dat is een algoritme`, "alleen sensoren"}},
		{"sensors/map", "folders inside", []string{"mappen in sensors/ worden niet gelezen", "direct in sensors/"}},
		{"sensors/ver.yaml", "outside the Netherlands", []string{"de positie van de sensor (40.10000, 2.20000) ligt buiten Nederland", "WGS84-breedtegraad"}},
		{"sensors/om.yaml", "outside the Netherlands", []string{"ligt buiten Nederland", "lat en lon lijken verwisseld"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var f *finding.Finding
			for i := range res.Findings {
				if res.Findings[i].File == tt.file && strings.Contains(res.Findings[i].Message.In("en"), tt.en) {
					f = &res.Findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no finding %q in %+v", tt.en, res.Findings)
			}
			switch {
			case strings.TrimSpace(f.Message.In("nl")) == "", strings.TrimSpace(f.Help.In("nl")) == "":
				t.Fatalf("no Dutch: %q, %q (English %q)", f.Message.In("nl"), f.Help.In("nl"), f.Message.In("en"))
			case f.Message.In("nl") == f.Message.In("en"), f.Help.In("nl") == f.Help.In("en"):
				t.Errorf("the Dutch is the English: %q, %q", f.Message.In("nl"), f.Help.In("nl"))
			}
			for _, w := range tt.nl {
				if !strings.Contains(f.Message.In("nl")+"\n"+f.Help.In("nl"), w) {
					t.Errorf("Dutch lacks %q:\n%s\n%s", w, f.Message.In("nl"), f.Help.In("nl"))
				}
			}
		})
	}
	// No finding of loading is left in English only.
	for _, f := range res.Findings {
		if f.Message.In("nl") == "" {
			t.Errorf("no Dutch for %s: %s", f.File, f.Message.In("en"))
		}
	}
}

// A root that is no register says so in both languages, and is still
// ErrNoRegister, whether it is loaded once or kept loaded.
func TestNoRegisterInBothLanguages(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name, root, en, nl string
	}{
		{"no folder", filepath.Join(empty, "geen-register"), "is not a folder; pass --root", "is geen map; geef met --root"},
		{"no record folders", empty, "has no sensors/ or algorithms/ folder", "heeft geen map sensors/ of algorithms/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err1 := Register(tt.root, Options{})
			_, err2 := NewReloader(tt.root).Load(Options{})
			for _, err := range []error{err1, err2} {
				if !errors.Is(err, ErrNoRegister) {
					t.Fatalf("%v is not ErrNoRegister", err)
				}
				l, ok := err.(interface{ In(string) string })
				if !ok {
					t.Fatalf("%v is not worded in each language", err)
				}
				if !strings.Contains(l.In("en"), tt.en) || l.In("en") != err.Error() {
					t.Errorf("English %q, Error %q, want %q", l.In("en"), err.Error(), tt.en)
				}
				if !strings.Contains(l.In("nl"), tt.nl) {
					t.Errorf("Dutch %q, want %q", l.In("nl"), tt.nl)
				}
			}
		})
	}
}
