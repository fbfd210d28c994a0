package load

import (
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
)

// findingOn returns the register finding on file whose English message
// holds msg, or nil.
func findingOn(fs []finding.Finding, file, msg string) *finding.Finding {
	for i := range fs {
		if fs[i].File == file && fs[i].Rule == finding.RuleRegister && strings.Contains(fs[i].Message.In("en"), msg) {
			return &fs[i]
		}
	}
	return nil
}

// A record saved under another extension than .yaml is not read, and the
// register says so with the file's name and what to rename it to; what
// else a Git repository keeps in a record folder is left alone.
func TestMisnamedRecordFilesAreReported(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/ok.yaml":           sensor("ok"),
		"sensors/ook.yml":           sensor("ook"),
		"sensors/cam.YAML":          sensor("cam"),
		"sensors/cam2.yaml.txt":     sensor("cam2"),
		"sensors/cam3.YML":          sensor("cam3"),
		"sensors/cam4.Yaml":         sensor("cam4"),
		"sensors/cam5.yml.txt":      sensor("cam5"),
		"sensors/cam6.yaml ":        sensor("cam6"),
		"sensors/Kéméra Markt.YML":  sensor("kemera-markt"),
		"sensors/ok.YAML":           sensor("ok"),
		"sensors/x.YAML":            sensor("x"),
		"algorithms/route.yaml.txt": algorithm("route"),
		// Left alone.
		"sensors/README.md":       "# Sensoren\n",
		"sensors/.gitkeep":        "",
		"sensors/.cam.yaml.swp":   "swap",
		"sensors/ok.yaml~":        sensor("ok"),
		"sensors/#ok.yaml#":       sensor("ok"),
		"sensors/ok.yaml.orig":    sensor("ok"),
		"sensors/ok.yaml.bak":     sensor("ok"),
		"sensors/ok.YAML.BAK":     sensor("ok"),
		"sensors/foto.jpg":        "jpeg",
		"sensors/notities.txt":    "notes",
		"algorithms/.hidden.yaml": "ignored: true\n",
	})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		help string // "": no finding
	}{
		{"sensors/cam.YAML", "rename it to cam.yaml"},
		{"sensors/cam2.yaml.txt", "rename it to cam2.yaml"},
		{"sensors/cam3.YML", "rename it to cam3.yaml"},
		{"sensors/cam4.Yaml", "rename it to cam4.yaml"},
		{"sensors/cam5.yml.txt", "rename it to cam5.yaml"},
		{"sensors/cam6.yaml ", "rename it to cam6.yaml"},
		{"sensors/Kéméra Markt.YML", "rename it to kemera-markt.yaml and set id: kemera-markt"},
		{"sensors/ok.YAML", "sensors/ok.yaml is there already"},
		{"sensors/x.YAML", "rename it to <id>.yaml, after the id of the record in it"},
		{"algorithms/route.yaml.txt", "rename it to route.yaml"},
		{"sensors/README.md", ""},
		{"sensors/.gitkeep", ""},
		{"sensors/.cam.yaml.swp", ""},
		{"sensors/ok.yaml~", ""},
		{"sensors/#ok.yaml#", ""},
		{"sensors/ok.yaml.orig", ""},
		{"sensors/ok.yaml.bak", ""},
		{"sensors/ok.YAML.BAK", ""},
		{"sensors/foto.jpg", ""},
		{"sensors/notities.txt", ""},
		{"algorithms/.hidden.yaml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var on []finding.Finding
			for _, f := range res.Findings {
				if f.File == tt.file {
					on = append(on, f)
				}
			}
			if tt.help == "" {
				if len(on) > 0 {
					t.Fatalf("findings on a file to leave alone: %+v", on)
				}
				return
			}
			name := tt.file[strings.IndexByte(tt.file, '/')+1:]
			f := findingOn(res.Findings, tt.file, name+" is not read")
			if f == nil {
				t.Fatalf("no finding naming %q in %+v", name, res.Findings)
			}
			if f.Severity != finding.Warning {
				t.Errorf("severity %s, want warning", f.Severity)
			}
			if !strings.Contains(f.Message.In("en"), "ends in .yaml") || !strings.Contains(f.Help.In("en"), tt.help) {
				t.Errorf("said %q; %q, want help %q", f.Message.In("en"), f.Help.In("en"), tt.help)
			}
			if !strings.Contains(f.Message.In("nl"), name+" wordt niet gelezen") || !strings.Contains(f.Help.In("nl"), "hernoem het naar") && !strings.Contains(f.Help.In("nl"), "bestaat al") {
				t.Errorf("Dutch %q; %q", f.Message.In("nl"), f.Help.In("nl"))
			}
		})
	}
	// Only .yaml and .yml files are read, as before.
	if got := strings.Join(res.Files, " "); got != "sensors/ok.yaml sensors/ook.yml" {
		t.Errorf("files read: %s", got)
	}
}

// A misnamed record named on the command line is an error that says how
// to rename it, not that records live in sensors/ or algorithms/.
func TestNamedMisnamedFileIsToldToRename(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/ok.yaml":       sensor("ok"),
		"sensors/cam.YAML":      sensor("cam"),
		"sensors/cam2.yaml.txt": sensor("cam2"),
		"sensors/ok.Yml":        sensor("ok"),
		"sensors/README.md":     "# Sensoren\n",
	})
	tests := []struct{ file, help string }{
		{"sensors/README.md", "rename it to <id>.yaml, after the id of the record in it"},
		{"sensors/cam.YAML", "rename it to cam.yaml"},
		{"sensors/cam2.yaml.txt", "rename it to cam2.yaml"},
		{"sensors/ok.Yml", "sensors/ok.yaml is there already"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, err := Register(root, Options{Files: []string{filepath.Join(root, filepath.FromSlash(tt.file))}})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 1 {
				t.Fatalf("findings %+v", res.Findings)
			}
			f := res.Findings[0]
			if f.File != tt.file || f.Severity != finding.Error || !strings.Contains(f.Message.In("en"), "is not read") || !strings.Contains(f.Help.In("en"), tt.help) {
				t.Errorf("%s %s: %q; %q, want help %q", f.File, f.Severity, f.Message.In("en"), f.Help.In("en"), tt.help)
			}
		})
	}
}

// The help for an id that does not match its file name never proposes an
// invalid id, nor a file name or id another record has; of two files with
// one id, the one named after it keeps it, and the other is told.
func TestIDAdviceProposesOnlyValidFreeIDs(t *testing.T) {
	const anpr = "anpr-milieuzone"
	tests := []struct {
		name  string
		files map[string]string
		file  string // the file whose mismatch to look at
		help  string
		used  string // the file the id is said to be used by; "" for none
	}{
		{"a valid id, a name that is none", map[string]string{"sensors/-dash.yaml": sensor("cam-a")},
			"sensors/-dash.yaml", "rename the file to cam-a.yaml", ""},
		{"a name with capitals", map[string]string{"sensors/UPPER.yaml": sensor("cam-a")},
			"sensors/UPPER.yaml", "rename the file to cam-a.yaml", ""},
		{"a copy named with a hyphen first", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/-dash.yaml": sensor(anpr)},
			"sensors/-dash.yaml", "rename the file to dash.yaml and set id: dash", "sensors/" + anpr + ".yaml"},
		{"a copy named in capitals", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/UPPER.yaml": sensor(anpr)},
			"sensors/UPPER.yaml", "rename the file to upper.yaml and set id: upper", "sensors/" + anpr + ".yaml"},
		{"a copy named with a space", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/with space.yaml": sensor(anpr)},
			"sensors/with space.yaml", "rename the file to with-space.yaml and set id: with-space", "sensors/" + anpr + ".yaml"},
		{"a copy named with accents", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/kéméra.yaml": sensor(anpr)},
			"sensors/kéméra.yaml", "rename the file to kemera.yaml and set id: kemera", "sensors/" + anpr + ".yaml"},
		{"a copy with a valid name", map[string]string{"sensors/cam-markt.yaml": sensor("cam-markt"), "sensors/cam-kopie.yaml": sensor("cam-markt")},
			"sensors/cam-kopie.yaml", "set id: cam-kopie", "sensors/cam-markt.yaml"},
		{"a copy in the other folder", map[string]string{"algorithms/routes.yaml": algorithm("routes"), "sensors/-verkeer.yaml": algorithm("routes")},
			"sensors/-verkeer.yaml", "rename the file to verkeer.yaml and set id: verkeer", "algorithms/routes.yaml"},
		{"an invalid id, a valid name", map[string]string{"sensors/proef.yaml": sensor("../../etc/passwd")},
			"sensors/proef.yaml", "set id: proef", ""},
		{"an invalid id, an invalid name", map[string]string{"sensors/Kéméra.yaml": sensor("KEMERA")},
			"sensors/Kéméra.yaml", "rename the file to kemera.yaml and set id: kemera", ""},
		{"both valid and free", map[string]string{"sensors/cam-markt.yaml": sensor("cam-plein")},
			"sensors/cam-markt.yaml", "rename the file to cam-plein.yaml, or set id: cam-markt", ""},
		{"the name is another record's id", map[string]string{"sensors/aa.yaml": sensor("xx"), "sensors/bb.yaml": sensor("aa")},
			"sensors/aa.yaml", "rename the file to xx.yaml", ""},
		{"the id is another file's name", map[string]string{"sensors/aa.yaml": sensor("xx"), "sensors/bb.yaml": sensor("aa")},
			"sensors/bb.yaml", "set id: bb", ""},
		{"the id is the name of a file that does not load", map[string]string{"sensors/xx.yaml": "id: [\n", "sensors/-yy.yaml": sensor("xx")},
			"sensors/-yy.yaml", "rename the file to yy.yaml and set id: yy", ""},
		{"no id can be made of the name", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/-.yaml": sensor(anpr)},
			"sensors/-.yaml", "rename the file to <id>.yaml with an id of 2 to 63", "sensors/" + anpr + ".yaml"},
		{"the id made of the name is taken", map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr), "sensors/upper.yaml": sensor("upper"), "sensors/UPPER.yaml": sensor(anpr)},
			"sensors/UPPER.yaml", "rename the file to <id>.yaml with an id of 2 to 63", "sensors/" + anpr + ".yaml"},
	}
	proposed := regexp.MustCompile(`(?:set id: |rename the file to )([^ ,]+?)(?:\.yaml|,|$| )`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Register(write(t, tt.files), Options{})
			if err != nil {
				t.Fatal(err)
			}
			f := findingOn(res.Findings, tt.file, "does not match the file name")
			if f == nil {
				t.Fatalf("no mismatch finding on %s in %+v", tt.file, res.Findings)
			}
			if got := f.Help.In("en"); !strings.HasPrefix(got, tt.help) {
				t.Errorf("help %q, want %q", got, tt.help)
			}
			if en, nl := f.Help.In("en"), f.Help.In("nl"); nl == "" || nl == en {
				t.Errorf("no Dutch help for %q: %q", en, nl)
			}
			for _, f := range res.Findings {
				for _, m := range proposed.FindAllStringSubmatch(f.Help.In("en"), -1) {
					if m[1] != "<id>" && !record.ValidID(m[1]) {
						t.Errorf("%s: proposes the invalid id %q: %q", f.File, m[1], f.Help.In("en"))
					}
				}
			}
			var used []string
			for _, f := range res.Findings {
				if strings.Contains(f.Message.In("en"), "is already used by") {
					used = append(used, f.File+" -> "+f.Message.In("en"))
				}
			}
			switch {
			case tt.used == "" && len(used) > 0:
				t.Errorf("ids used twice: %v", used)
			case tt.used != "" && (len(used) != 1 || !strings.HasPrefix(used[0], tt.file+" -> ") || !strings.HasSuffix(used[0], "already used by "+tt.used)):
				t.Errorf("used %v, want %s told it is used by %s", used, tt.file, tt.used)
			}
		})
	}
}

// The tester's register: four copies of one record, named in ways no id
// is; each copy is told to take an id of its own, and the file named
// after the id is told nothing.
func TestCopiesWithInvalidNamesLeaveTheIDToItsFile(t *testing.T) {
	const anpr = "anpr-milieuzone"
	files := map[string]string{"sensors/" + anpr + ".yaml": sensor(anpr)}
	want := map[string]string{"-dash": "dash", "UPPER": "upper", "with space": "with-space", "kéméra": "kemera"}
	for name := range want {
		files["sensors/"+name+".yaml"] = sensor(anpr)
	}
	res, err := Register(write(t, files), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.File == "sensors/"+anpr+".yaml" {
			t.Errorf("finding on the file named after its id: %s", f.Message.In("en"))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		file := "sensors/" + name + ".yaml"
		if f := findingOn(res.Findings, file, "does not match"); f == nil || f.Help.In("nl") != "hernoem het bestand naar "+want[name]+".yaml en zet id: "+want[name] {
			t.Errorf("%s: %+v", file, f)
		}
		if f := findingOn(res.Findings, file, "already used"); f == nil || f.Message.In("nl") != `id "`+anpr+`" is al in gebruik door sensors/`+anpr+`.yaml` {
			t.Errorf("%s: %+v", file, f)
		}
	}
}
