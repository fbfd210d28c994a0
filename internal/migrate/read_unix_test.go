//go:build unix

package migrate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestMigrateLeavesWhatIsNoPlainFile: a named pipe (whose read would block
// for ever) and a symlink (which migrate would write through) are reported
// as errors, never read, waited on or replaced, where migrate used to pass
// them by unsaid.
func TestMigrateLeavesWhatIsNoPlainFile(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip(err)
			}
		}, "sensors/x.yaml:0 error yaml not a regular file (a folder, a named pipe or a device)"},
		{"symlink to a record", func(t *testing.T, path string) {
			if err := os.Symlink("goed.yaml", path); err != nil {
				t.Fatal(err)
			}
		}, "sensors/x.yaml:0 error yaml the record file is a symlink, which migrate does not write through"},
		{"dangling symlink", func(t *testing.T, path string) {
			if err := os.Symlink("nergens.yaml", path); err != nil {
				t.Fatal(err)
			}
		}, "sensors/x.yaml:0 error yaml the record file is a symlink, which migrate does not write through"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := write(t, map[string]string{"sensors/goed.yaml": strings.ReplaceAll(v1Camera, "%s", "goed")})
			path := filepath.Join(root, "sensors", "x.yaml")
			tt.make(t, path)
			before, _ := os.Lstat(path)
			p, err := Default.Plan(root)
			if err != nil {
				t.Fatal(err)
			}
			if got := short(p.Findings); !slices.Contains(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			done, refused, err := Default.Apply(t.Context(), root, p, nil)
			if err != nil || len(refused) != 0 || !slices.Equal(done, []string{"sensors/goed.yaml"}) {
				t.Errorf("apply wrote %q, refused %q, err %v", done, short(refused), err)
			}
			if after, err := os.Lstat(path); err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("x.yaml was replaced: %v, %v", after, err)
			}
		})
	}
}
