//go:build unix

package federate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestReadLimitedTakesRegularFilesOnly: a member's register.json that is a
// named pipe or a folder is refused, saying so, without being opened (a
// pipe would hold the federation's run for ever); one over the limit is
// refused too.
func TestReadLimitedTakesRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "register.json")
	if ok, err := testbed.FIFO(pipe); !ok {
		t.Skip("no named pipes here")
	} else if err != nil {
		t.Fatal(err)
	}
	large := filepath.Join(dir, "large.json")
	if err := os.WriteFile(large, []byte("[1,2,3]"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path, want string
	}{
		{"a named pipe", pipe, "not a regular file"},
		{"a folder", dir, "not a regular file"},
		{"too large", large, "more than 4 bytes"},
		{"missing", filepath.Join(dir, "none.json"), "no such file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			testbed.NoWait(t, pipe, "readLimited", func() { _, err = readLimited(c.path, 4) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("readLimited: %v, want an error saying %q", err, c.want)
			}
		})
	}
}
