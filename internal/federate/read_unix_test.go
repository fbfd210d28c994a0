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
	testbed.Pipe(t, pipe)
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

// TestAPartThatIsAPipeIsRefused: a member's register.json that links a
// part which is a named pipe is refused, saying which file is not a
// regular one, before anything opens it: its key, which hashes the parts,
// is worked out first.
func TestAPartThatIsAPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "register.json")
	write(t, idx, `{"parts": [{"url": "register/1.json", "records": 1}]}`)
	if err := os.MkdirAll(filepath.Join(dir, "register"), 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "register", "1.json")
	testbed.Pipe(t, pipe)
	var err error
	testbed.NoWait(t, pipe, "readSource", func() {
		_, err = readSource(Member{Code: "GM0001", Source: idx}, memberOptions{dir: dir})
	})
	if err == nil || !strings.Contains(err.Error(), "not a regular file") || !strings.Contains(err.Error(), "1.json") {
		t.Errorf("readSource: %v, want an error saying 1.json is not a regular file", err)
	}
}

// TestACachedPartIsReadFromRegularFilesOnly: what the federation kept of a
// member in its cache folder is read only from regular files: a part whose
// meta or page is a named pipe is no part (it is made again), and copying
// or listing from one fails; none of them waits on the pipe.
func TestACachedPartIsReadFromRegularFilesOnly(t *testing.T) {
	for _, piped := range []string{partMeta, partRecords, partPage, partSearch} {
		t.Run(piped, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range []string{partMeta, partRecords, partFeatures, partPage, partSearch} {
				if f != piped {
					write(t, filepath.Join(dir, f), "{}\n")
				}
			}
			pipe := filepath.Join(dir, piped)
			testbed.Pipe(t, pipe)
			var err error
			testbed.NoWait(t, pipe, "readPart", func() { _, err = readPart(dir) })
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("readPart: %v, want an error saying %s is not a regular file", err, piped)
			}
			testbed.NoWait(t, pipe, "copyFile", func() { err = copyFile(pipe, filepath.Join(t.TempDir(), "copy")) })
			if err == nil {
				t.Error("copyFile copied from a named pipe")
			}
			testbed.NoWait(t, pipe, "writeList", func() {
				err = writeList(filepath.Join(t.TempDir(), "list.json"), "[", "]", []string{dir}, piped)
			})
			if err == nil {
				t.Error("writeList listed from a named pipe")
			}
		})
	}
}

// TestLoadConfigTakesABoundedRegularFile: a federation.yaml that is a named
// pipe or a folder is refused without being waited on, one over the limit
// is refused saying the limit, and an error of each names the file.
func TestLoadConfigTakesABoundedRegularFile(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.yaml")
	testbed.Pipe(t, pipe)
	large := filepath.Join(dir, "large.yaml")
	write(t, large, "title: Groot\n"+strings.Repeat("#", MaxConfigBytes))
	for _, c := range []struct {
		name, path, want string
	}{
		{"a named pipe", pipe, "not a regular file"},
		{"a folder", dir, "not a regular file"},
		{"too large", large, "is more than the limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			testbed.NoWait(t, pipe, "LoadConfig", func() { _, err = LoadConfig(c.path) })
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
				t.Errorf("LoadConfig: %v, want an error naming %s and saying %q", err, c.path, c.want)
			}
		})
	}
}
