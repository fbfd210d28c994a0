package load

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// write creates files under a fresh register root.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// generated writes a generated register of n records (testgen, seed) and
// returns its root, with a validator to load it.
func generated(t *testing.T, n int, seed int64) (string, *validate.Validator) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "gen")
	if err := testgen.Write(root, n, seed); err != nil {
		t.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	return root, v
}

func sensor(id string) string {
	return "id: " + id + "\nkind: sensor\nname: Sensor " + id + "\nstatus: active\nlocation:\n  description: Markt\n  point_rd: {x: 155100, y: 463100}\n"
}

func algorithm(id string, uses ...string) string {
	s := "id: " + id + "\nkind: algorithm\nname: Algoritme " + id + "\nstatus: active\n"
	if len(uses) > 0 {
		s += "uses_sensors:\n"
		for _, u := range uses {
			s += "  - " + u + "\n"
		}
	}
	return s
}

// has reports whether fs holds a finding on file with the rule, position and
// message fragment.
func has(fs []finding.Finding, file, rule string, line, col int, msg string) bool {
	for _, f := range fs {
		if f.File == file && f.Rule == rule && f.Line == line && f.Column == col && strings.Contains(f.Message.In("en"), msg) {
			return true
		}
	}
	return false
}

func TestLoadsRecordsSortedWithWGS84Points(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/b-cam.yaml":       sensor("b-cam"),
		"sensors/a-cam.yml":        sensor("a-cam"),
		"algorithms/parkeren.yaml": algorithm("parkeren", "a-cam"),
		"sensors/README.md":        "not a record",
		"register.yaml":            "organisation: Gemeente Test\n",
		"algorithms/.hidden.yaml":  "ignored: true\n",
	})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	var ids []string
	for _, r := range res.Register.Records {
		ids = append(ids, string(r.Kind)+":"+r.ID)
	}
	if got := strings.Join(ids, " "); got != "sensor:a-cam sensor:b-cam algorithm:parkeren" {
		t.Errorf("records %s", got)
	}
	if got := strings.Join(res.Files, " "); got != "algorithms/parkeren.yaml sensors/a-cam.yml sensors/b-cam.yaml" {
		t.Errorf("files %s", got)
	}
	p := res.Register.ByID("a-cam").Point
	if p == nil || p.Lat < 52.156 || p.Lat > 52.157 || p.Lon < 5.388 || p.Lon > 5.389 {
		t.Errorf("a point 100 m north-east of Amersfoort's RD origin became %+v", p)
	}
	if res.Register.Config.Organisation != "Gemeente Test" {
		t.Errorf("config not read: %+v", res.Register.Config)
	}
	if got := res.Register.UsedBy("a-cam"); len(got) != 1 || got[0].ID != "parkeren" {
		t.Errorf("UsedBy = %v", got)
	}
}

func TestRegisterWideChecks(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/cam-markt.yaml":    sensor("cam-plein"),
		"sensors/dubbel.yaml":       sensor("dubbel"),
		"algorithms/dubbel.yaml":    algorithm("dubbel"),
		"algorithms/verkeerd.yaml":  strings.Replace(sensor("verkeerd"), "kind: sensor", "kind: sensor", 1),
		"algorithms/routes.yaml":    algorithm("routes", "dubbel", "bestaat-niet", "cam-markt"),
		"sensors/map/in-a-map.yaml": sensor("in-a-map"),
	})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := res.Findings
	checks := []struct {
		file      string
		line, col int
		msg       string
	}{
		{"sensors/cam-markt.yaml", 1, 5, `id "cam-plein" does not match the file name "cam-markt.yaml"`},
		{"algorithms/dubbel.yaml", 1, 5, `id "dubbel" is already used by sensors/dubbel.yaml`},
		{"algorithms/verkeerd.yaml", 2, 7, `a record of kind "sensor" is in algorithms/`},
		{"algorithms/routes.yaml", 7, 5, `uses_sensors names "bestaat-niet", which is not in the register`},
		{"sensors/map", 0, 0, "folders inside sensors/ are not read"},
	}
	for _, c := range checks {
		rule := finding.RuleRegister
		if !has(fs, c.file, rule, c.line, c.col, c.msg) {
			t.Errorf("missing %s:%d:%d %q in\n%+v", c.file, c.line, c.col, c.msg, fs)
		}
	}
	// A sensor referenced by its file name counts even when its id is wrong,
	// so one mistake is not reported twice.
	if has(fs, "algorithms/routes.yaml", finding.RuleRegister, 8, 5, "cam-markt") {
		t.Error("cam-markt exists as a file and should not be reported")
	}
}

func TestHostileFilesAreReportedOneByOne(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(sensor("secret")), 0o644); err != nil {
		t.Fatal(err)
	}
	root := write(t, map[string]string{
		"sensors/good.yaml":   sensor("good"),
		"sensors/twice.yaml":  "id: twice\n---\nid: again\n",
		"sensors/binary.yaml": "id: \xff\xfe\n",
		"sensors/huge.yaml":   "name: " + strings.Repeat("x", 1<<20) + "\n",
		"sensors/list.yaml":   "- a\n- b\n",
		"sensors/syntax.yaml": "id: [\n",
		"sensors/inside.yaml": sensor("inside"),
	})
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(root, "sensors", "secret.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "sensors", "inside.yaml"), filepath.Join(root, "sensors", "link.yaml")); err != nil {
		t.Fatal(err)
	}
	testbed.Pipe(t, filepath.Join(root, "sensors", "fifo.yaml"))
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wants := map[string]string{
		"sensors/secret.yaml": "symlink leads outside the register",
		"sensors/fifo.yaml":   "not a regular file",
		"sensors/twice.yaml":  "more than one YAML document",
		"sensors/binary.yaml": "not valid UTF-8",
		"sensors/huge.yaml":   "more than the limit",
		"sensors/list.yaml":   "a record is a mapping",
		"sensors/syntax.yaml": "YAML syntax error",
	}
	for file, msg := range wants {
		found := false
		for _, f := range res.Findings {
			if f.File == file && f.Severity == finding.Error && strings.Contains(f.Message.In("en"), msg) {
				found = true
				if file == "sensors/huge.yaml" && !strings.Contains(f.Help.In("en"), "split the file") {
					t.Errorf("help for a huge file: %q", f.Help.In("en"))
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding %q in %+v", file, msg, res.Findings)
		}
	}
	var ids []string
	for _, r := range res.Register.Records {
		ids = append(ids, r.ID)
	}
	// link.yaml points inside the register and loads (as id "inside", which
	// then does not match its file name).
	if got := strings.Join(ids, " "); got != "good inside inside" {
		t.Errorf("loaded %q", got)
	}
	// The register says which file was read through its link: the site
	// publishes no source of it, which is another record's.
	if want := map[string]bool{"sensors/link.yaml": true}; !maps.Equal(res.Register.Linked, want) {
		t.Errorf("read through a link: %v, want %v", res.Register.Linked, want)
	}
}

func TestOnlyTheFilesAsked(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/a.yaml":      sensor("a"),
		"sensors/b.yaml":      "id: [\n",
		"algorithms/alg.yaml": algorithm("alg", "b"),
	})
	res, err := Register(root, Options{Files: []string{filepath.Join(root, "algorithms", "alg.yaml"), "sensors/a.yaml"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings from files not asked for, or b wrongly missing: %+v", res.Findings)
	}
	if len(res.Files) != 2 {
		t.Errorf("files %v", res.Files)
	}
	if _, err := Register(root, Options{Files: []string{"/etc/passwd"}}); err == nil {
		t.Error("a file outside the register was accepted")
	}
}

func TestMissingRootIsAnError(t *testing.T) {
	if _, err := Register(filepath.Join(t.TempDir(), "nope"), Options{}); err == nil || !strings.Contains(err.Error(), "--root") {
		t.Errorf("err %v, want one that names --root", err)
	}
}

var _ = record.Sensor

func TestLocateFillsPositionsFromPaths(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/a.yaml": sensor("a"),
		"sensors/b.yaml": sensor("b"),
	})
	fs := []finding.Finding{
		{File: "sensors/a.yaml", Rule: "signage", Path: "/location/point_rd/y"},
		{File: "sensors/b.yaml", Rule: "signage", Path: "/location/signage", Key: true}, // missing: its parent
		{File: "sensors/b.yaml", Rule: "owner-reachable", Path: ""},                     // the record's top
		{File: "sensors/gone.yaml", Rule: "signage", Path: "/id"},                       // unreadable: left alone
		{File: "sensors/a.yaml", Rule: "signage", Line: 3, Column: 2, Path: "/id"},      // already placed
	}
	Locate(root, fs)
	want := [][2]int{{7, 28}, {6, 3}, {1, 1}, {0, 0}, {3, 2}}
	for i, w := range want {
		if fs[i].Line != w[0] || fs[i].Column != w[1] {
			t.Errorf("finding %d at %d:%d, want %d:%d", i, fs[i].Line, fs[i].Column, w[0], w[1])
		}
	}
}

func TestFileArgumentsStayInsideTheRegister(t *testing.T) {
	outside := t.TempDir()
	root := filepath.Join(outside, "register")
	if err := os.MkdirAll(filepath.Join(root, "sensors"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "geheim.yaml"), []byte(sensor("geheim")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"../geheim.yaml", "sensors/../../geheim.yaml", filepath.Join(outside, "geheim.yaml")} {
		if _, err := Register(root, Options{Files: []string{f}}); err == nil || !strings.Contains(err.Error(), "not inside the register") {
			t.Errorf("%s: err %v", f, err)
		}
	}
}

func TestInvalidIDIsNotSuggestedAsAFileName(t *testing.T) {
	root := write(t, map[string]string{"sensors/proef.yaml": strings.Replace(sensor("x"), "id: x", "id: ../../etc/passwd", 1)})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule == finding.RuleRegister && strings.Contains(f.Message.In("en"), "does not match the file name") {
			if f.Help.In("en") != "set id: proef" {
				t.Errorf("help %q", f.Help.In("en"))
			}
			return
		}
	}
	t.Errorf("no mismatch finding in %+v", res.Findings)
}

func TestPositionsOutsideTheNetherlandsAreQuestioned(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/omgedraaid.yaml": "id: omgedraaid\nkind: sensor\nlocation:\n  description: x\n  point: {lat: 5.12, lon: 52.09}\n",
		"sensors/rd.yaml":         "id: rd\nkind: sensor\nlocation:\n  description: x\n  point_rd: {x: 900000, y: 100000}\n",
		"sensors/goed.yaml":       "id: goed\nkind: sensor\nlocation:\n  description: x\n  point: {lat: 52.09, lon: 5.12}\n",
	})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Line, f.Column, f.Severity, f.Help.In("en")))
	}
	want := []string{
		"sensors/omgedraaid.yaml:5:10 warning lat and lon look swapped: lat is about 51-53 in the Netherlands, lon about 3-7",
		"sensors/rd.yaml:5:13 warning check the coordinates: point_rd is Rijksdriehoek x and y in metres",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAFolderWithoutRecordFoldersIsNoRegister(t *testing.T) {
	root := write(t, map[string]string{"register.yaml": "organisation: x\n"})
	if _, err := Register(root, Options{}); err == nil || !strings.Contains(err.Error(), "no sensors/ or algorithms/ folder") {
		t.Errorf("err %v", err)
	}
}

// A record folder that is a symlink out of the register is not followed:
// whatever YAML lies there would otherwise be loaded and published.
func TestRecordFolderSymlinkedOutsideIsRefused(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "buiten.yaml"), []byte(sensor("buiten")), 0o644); err != nil {
		t.Fatal(err)
	}
	root := write(t, map[string]string{"algorithms/alg.yaml": algorithm("alg")})
	if err := os.Symlink(outside, filepath.Join(root, "sensors")); err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]string{nil, {"sensors/buiten.yaml"}} {
		res, err := Register(root, Options{Files: files})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Register.Records {
			if r.ID == "buiten" {
				t.Errorf("files %v: a record outside the register was loaded", files)
			}
		}
		if !has(res.Findings, "sensors", finding.RuleYAML, 0, 0, "symlink to a folder outside the register") {
			t.Errorf("files %v: no finding for the symlinked folder: %+v", files, res.Findings)
		}
	}
	// A symlink to a folder inside the register is fine.
	root2 := write(t, map[string]string{"data/s/in.yaml": sensor("in")})
	if err := os.Symlink(filepath.Join(root2, "data", "s"), filepath.Join(root2, "sensors")); err != nil {
		t.Fatal(err)
	}
	res, err := Register(root2, Options{})
	if err != nil || len(res.Register.Records) != 1 {
		t.Fatalf("folder symlinked inside: %v, %+v", err, res)
	}
}

// A publication block that does not read cleanly keeps the record off the
// public outputs (fail closed), with an error on the line at fault.
func TestMalformedPublicationFailsClosed(t *testing.T) {
	root := write(t, map[string]string{
		"sensors/tekst.yaml":    sensor("tekst") + "publication:\n  withheld: location.point\n",
		"sensors/hoofd.yaml":    sensor("hoofd") + "publication:\n  Public: false\n",
		"sensors/lijst.yaml":    sensor("lijst") + "publication: [public, false]\n",
		"sensors/tikfout.yaml":  sensor("tikfout") + "publication:\n  withheld: [locaton.point]\n",
		"sensors/goed.yaml":     sensor("goed") + "publication:\n  withheld: [location.point]\n",
		"sensors/openbaar.yaml": sensor("openbaar"),
	})
	res, err := Register(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Register.Records {
		wantPublic := r.ID == "goed" || r.ID == "openbaar"
		if r.IsPublic() != wantPublic {
			t.Errorf("%s: public = %v, want %v", r.ID, r.IsPublic(), wantPublic)
		}
	}
	for file, line := range map[string]int{"sensors/tekst.yaml": 9, "sensors/hoofd.yaml": 9, "sensors/lijst.yaml": 8, "sensors/tikfout.yaml": 9} {
		found := false
		for _, f := range res.Findings {
			if f.File == file && f.Rule == finding.RulePublication && f.Severity == finding.Error && f.Line == line {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no publication error on line %d: %+v", file, line, res.Findings)
		}
	}
}

// A record still holding a template's marks is not public, unless the
// municipality switched the placeholder rule off (a deviation the site
// shows).
func TestPlaceholdersKeepARecordOffThePublicOutputs(t *testing.T) {
	for _, tt := range []struct {
		config string
		public bool
	}{
		{"", false},
		{"rules:\n  placeholder: {severity: off, reason: Proefregister.}\n", true},
	} {
		root := write(t, map[string]string{
			"register.yaml":      tt.config,
			"sensors/nieuw.yaml": strings.Replace(sensor("nieuw"), "name: Sensor nieuw", `name: "Nieuwe sensor (vul in)"`, 1),
			"sensors/klaar.yaml": sensor("klaar"),
		})
		res, err := Register(root, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Register.ByID("nieuw").IsPublic(); got != tt.public {
			t.Errorf("config %q: the unfilled record public = %v, want %v", tt.config, got, tt.public)
		}
		if !res.Register.ByID("klaar").IsPublic() {
			t.Errorf("config %q: a filled-in record is not public", tt.config)
		}
	}
}
