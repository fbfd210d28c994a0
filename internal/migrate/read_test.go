package migrate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// v1Camera is a v1 record migrate rewrites: a camera without its regime.
const v1Camera = "id: %s\nkind: sensor\nsensor_type: camera\nname: Camera\n"

// aliasBomb is a billion laughs: ten aliases of ten aliases ... of a
// value, which the loader refuses at the first alias over its limit.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("id: anpr-milieuzone\nkind: sensor\nsensor_type: anpr_camera\n")
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// TestMigrateReadsAsTheLoaderReads: a file the loader refuses is reported
// at its line and column as an error and left byte for byte as it was,
// while the readable records beside it are migrated.
func TestMigrateReadsAsTheLoaderReads(t *testing.T) {
	deep := "id: diep\nkind: sensor\nsensor_type: camera\nx: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n"
	tests := []struct {
		name, text string
		want       string // the finding, as short words it, without the file
	}{
		{"alias bomb", aliasBomb(), ":4 error yaml aliases expand to more than 1000 values"},
		{"duplicate key", "id: dubbel\nkind: sensor\nsensor_type: camera\nname: A\nname: B\n", ":5 error yaml"},
		{"two documents", "id: twee\nkind: sensor\nsensor_type: camera\n---\nid: drie\n", ":4 error yaml file holds more than one YAML document"},
		{"too deep", deep, ":4 error yaml"},
		{"too large", "id: groot\nkind: sensor\nsensor_type: camera\nname: " + strings.Repeat("x", 1<<20) + "\n", ":0 error yaml"},
		{"NUL byte", "id: nul\nkind: sensor\nsensor_type: camera\nname: a\x00b\n", ":4 error yaml"},
		{"not a mapping", "- id: lijst\n- kind: sensor\n", ":1 error yaml the record is not a mapping of fields"},
		{"syntax error", "id: [kapot\nkind: sensor\nsensor_type: camera\n", ":1 error yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := write(t, map[string]string{
				"sensors/slecht.yaml": tt.text,
				"sensors/goed.yaml":   strings.ReplaceAll(v1Camera, "%s", "goed"),
			})
			p, err := Default.Plan(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, f := range p.Findings {
				if f.File == "sensors/slecht.yaml" {
					got = append(got, short(p.Findings[i:i+1])...)
					if f.Severity != finding.Error || (f.Line > 0) != (f.Column > 0) {
						t.Errorf("finding %+v: want an error with its line and column", f)
					}
				}
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], "sensors/slecht.yaml"+tt.want) {
				t.Errorf("findings on the file %q, want one starting %q", got, "sensors/slecht.yaml"+tt.want)
			}
			if i := slices.IndexFunc(p.Pending, func(pd Pending) bool { return pd.File == "sensors/slecht.yaml" }); i >= 0 {
				t.Errorf("the file is pending: %+v", p.Pending[i])
			}
			if finding.Worst(p.Findings) != finding.Error {
				t.Errorf("worst finding %v, want an error (exit 1)", finding.Worst(p.Findings))
			}
			done, refused, err := Default.Apply(t.Context(), root, p, nil)
			if err != nil || len(refused) != 0 || !slices.Equal(done, []string{"sensors/goed.yaml"}) {
				t.Errorf("apply wrote %q, refused %q, err %v; want the readable record only", done, short(refused), err)
			}
			if data, _ := os.ReadFile(filepath.Join(root, "sensors", "slecht.yaml")); string(data) != tt.text {
				t.Errorf("the file the loader refuses was rewritten:\n%.300s", data)
			}
		})
	}
}

// TestMigrateKeepsAliasesCommentsAndStyles: what migrate writes is the
// file as it was with format_version (and camera_regime) added: anchors
// and aliases stay as written, never expanded, and so do comments, quotes,
// flow collections, block texts and blank lines.
func TestMigrateKeepsAliasesCommentsAndStyles(t *testing.T) {
	text := "# Camera op de markt.\n" +
		"id: markt\n" +
		"kind: sensor\n" +
		"sensor_type: camera # vast\n" +
		"name: 'Camera markt'\n" +
		"\n" +
		"summary: >\n  Een camera\n  op de markt.\n" +
		"owner: &eigenaar {department: \"Openbare orde\", contact: oo@voorbeeldstad.nl}\n" +
		"processor: *eigenaar\n" +
		"capabilities: [video_recording] # alleen opname\n"
	root := write(t, map[string]string{"sensors/markt.yaml": text})
	p, err := Default.Plan(root)
	if err != nil || len(p.Pending) != 1 {
		t.Fatalf("plan: %v, %q", err, short(p.Findings))
	}
	if done, refused, err := Default.Apply(t.Context(), root, p, nil); err != nil || len(refused) != 0 || len(done) != 1 {
		t.Fatalf("apply: %q, refused %q, %v", done, short(refused), err)
	}
	got, err := os.ReadFile(filepath.Join(root, "sensors", "markt.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(text, "kind: sensor\n", "kind: sensor\nformat_version: 2\n", 1)
	want = strings.Replace(want, "sensor_type: camera # vast\n", "sensor_type: camera # vast\ncamera_regime: unknown  "+QuestionMark+
		": which law does this camera fall under? public_order (Gemeentewet 151c, the mayor), police, traffic_management, enforcement, operational, object_security, private or other\n", 1)
	if string(got) != want {
		t.Errorf("migrated:\n%s\nwant:\n%s", got, want)
	}
}

// TestApplyLeavesAFileThatBecameUnreadable: a record that turns into one
// the loader refuses, or into no file at all, between the plan and the
// rewrite is left as it is, and the others are migrated all the same.
func TestApplyLeavesAFileThatBecameUnreadable(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, path string)
		want   string
	}{
		{"alias bomb", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(aliasBomb()), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "changed since the migration was planned"},
		{"alias bomb of the same size and time", func(t *testing.T, path string) {
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			bomb := aliasBomb()
			bomb += "#" + strings.Repeat("x", int(st.Size())-len(bomb)-2) + "\n"
			if err := os.WriteFile(path, []byte(bomb), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, "aliases expand to more than 1000 values"},
		{"folder", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"dangling symlink", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("nergens.yaml", path); err != nil {
				t.Skip(err)
			}
		}, "symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := write(t, map[string]string{
				// Room for the bomb, to put one of the same size in its place.
				"sensors/a.yaml": strings.ReplaceAll(v1Camera, "%s", "a") + "# " + strings.Repeat("x", 2000) + "\n",
				"sensors/b.yaml": strings.ReplaceAll(v1Camera, "%s", "b"),
			})
			p, err := Default.Plan(root)
			if err != nil || len(p.Pending) != 2 {
				t.Fatalf("plan: %v, %+v", err, p.Pending)
			}
			path := filepath.Join(root, "sensors", "a.yaml")
			tt.change(t, path)
			before, _ := os.Lstat(path)
			var content []byte
			if before.Mode().IsRegular() {
				content, _ = os.ReadFile(path)
			}
			done, refused, err := Default.Apply(t.Context(), root, p, nil)
			if got := short(refused); err != nil || !slices.Equal(done, []string{"sensors/b.yaml"}) || len(got) != 1 ||
				!strings.HasPrefix(got[0], "sensors/a.yaml:") || !strings.Contains(got[0], " error ") || !strings.Contains(got[0], tt.want) {
				t.Errorf("apply wrote %q, refused %q, err %v; want b.yaml only and an error finding on a.yaml: %s", done, got, err, tt.want)
			}
			after, err := os.Lstat(path)
			if err != nil || after.Mode() != before.Mode() {
				t.Fatalf("a.yaml was replaced: %v, %v", after, err)
			}
			if after.Mode().IsRegular() {
				if got, _ := os.ReadFile(path); string(got) != string(content) {
					t.Errorf("a.yaml was rewritten: %q", got)
				}
			}
			if matches, _ := filepath.Glob(filepath.Join(root, "sensors", ".*")); len(matches) > 0 {
				t.Errorf("left behind: %q", matches)
			}
		})
	}
}
