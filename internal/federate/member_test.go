package federate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFolderFileThatDoesNotReadIsLeftOut: a record file of a register's
// folder that does not read as a record (as its own build refuses it) is
// left out and reported by its file, as two files of one id are; the
// records that read are published.
func TestFolderFileThatDoesNotReadIsLeftOut(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		make       func(t *testing.T, path string)
	}{
		{"YAML that does not parse", "sensors/broken.yaml", func(t *testing.T, path string) {
			write(t, path, "id: [\n")
		}},
		{"a link out of the register", "sensors/geheim.yaml", func(t *testing.T, path string) {
			outside := filepath.Join(t.TempDir(), "x.yaml")
			write(t, outside, "id: geheim\nkind: sensor\nname: Geheim\nstatus: active\n")
			if err := os.Symlink(outside, path); err != nil {
				t.Skip("no symlinks here:", err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "gm", "sensors", "cam-c.yaml"), "id: cam-c\nkind: sensor\nname: Camera\nstatus: active\n")
			tt.make(t, filepath.Join(dir, "gm", filepath.FromSlash(tt.file)))
			fed := federationOfOne(t, dir, "Gemeente Map", "GM0001", "gm")
			res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Parts) != 1 || res.Parts[0].Records != 1 {
				t.Fatalf("parts = %+v, failed %+v; want 1 record kept", res.Parts, res.Failed)
			}
			want := []Rejected{{File: tt.file, Why: RejectedNotARecord}}
			if len(res.Unreadable) != 1 || !slices.Equal(res.Unreadable[0].Records, want) {
				t.Errorf("unreadable = %+v\nwant %+v", res.Unreadable, want)
			}
			var b strings.Builder
			if err := WriteReport(&b, "text", "en", res); err != nil {
				t.Fatal(err)
			}
			if say := "GM0001 Gemeente Map (gm): " + tt.file + ": it does not read as a record"; !strings.Contains(b.String(), say) {
				t.Errorf("report:\n%s\nwant it to say %q", b.String(), say)
			}
		})
	}
}

// TestFolderWhoseConfigDoesNotReadIsNotRead: a register whose
// register.yaml does not read is not read, rather than published with
// the defaults in its place; the site names the file by the source, the
// operator's report says where it went wrong, and neither names the
// machine's folders.
func TestFolderWhoseConfigDoesNotReadIsNotRead(t *testing.T) {
	dir := t.TempDir()
	hiding(t, filepath.Join(dir, "gm"), "Gemeente Map")
	f, err := os.OpenFile(filepath.Join(dir, "gm", "register.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("x: [\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	fed := federationOfOne(t, dir, "Gemeente Map", "GM0001", "gm")
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Parts) != 0 {
		t.Fatalf("parts = %+v; want the register not read", res.Parts)
	}
	wantFailed(t, res, "gm/register.yaml does not read")
	if got := res.Failed[0].ReasonNL; !strings.Contains(got, "gm/register.yaml is niet te lezen") {
		t.Errorf("the Dutch reason is %q", got)
	}
	if d := res.Failed[0].Detail.In("en"); !strings.Contains(d, "register.yaml:") {
		t.Errorf("the operator's detail does not say where: %q", d)
	}
	text := allText(t, filepath.Join(dir, "out"))
	for _, s := range []string{dir, "x: ["} {
		if strings.Contains(res.Failed[0].Reason, s) || strings.Contains(res.Failed[0].ReasonNL, s) || strings.Contains(text, s) {
			t.Errorf("the reason or the national site names %q: %q", s, res.Failed[0].Reason)
		}
	}
}

// TestReportShowsAFileNameOnOneLine: a member's file whose name holds a
// line break is named on one line of the report, escaped, so the name
// cannot start a line of its own (a CI runner's command).
func TestReportShowsAFileNameOnOneLine(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "gm", "sensors", "cam-c.yaml"), "id: cam-c\nkind: sensor\nname: Camera\nstatus: active\n")
	if err := os.WriteFile(filepath.Join(dir, "gm", "sensors", "x\n::error file=a::pwned.yaml"), []byte("id: [\n"), 0o644); err != nil {
		t.Skip("no such file names here:", err)
	}
	fed := federationOfOne(t, dir, "Gemeente Map", "GM0001", "gm")
	res, err := Run(fed, Options{Out: filepath.Join(dir, "out"), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteReport(&b, "text", "en", res); err != nil {
		t.Fatal(err)
	}
	if say := `sensors/x\x0a::error file=a::pwned.yaml: it does not read`; !strings.Contains(b.String(), say) {
		t.Errorf("report:\n%s\nwant it to say %q", b.String(), say)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("the file name starts a line:\n%s", b.String())
		}
	}
}
