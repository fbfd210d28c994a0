package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file the system will not let register read is said to be unreadable
// for that reason, with the help to see to its permissions, not to keep
// it a plain file inside the register, which it is.
func TestUnreadableForPermissionSaysToCheckThem(t *testing.T) {
	bad := cannotOpen(&fs.PathError{Op: "open", Path: "sensors/x.yaml", Err: syscall.EACCES})
	if msg, help := bad.msg.In("en"), bad.help.In("en"); !strings.Contains(msg, "cannot be read: permission denied") || !strings.Contains(help, "check the file's permissions") {
		t.Errorf("EACCES: %q (%q)", msg, help)
	}
	if nl := bad.help.In("nl"); !strings.Contains(nl, "controleer de rechten") {
		t.Errorf("EACCES in Dutch: %q", nl)
	}
	if other := cannotOpen(&fs.PathError{Op: "open", Path: "x", Err: syscall.ELOOP}); other.help.In("en") != msgKeepPlain.With().In("en") {
		t.Errorf("ELOOP: %q", other.help.In("en"))
	}
}

// The same, from a real file without read permission: a test for a user
// other than root, whom permissions do not stop.
func TestFileWithoutReadPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a file without read permission; the rest needs another user")
	}
	root := t.TempDir()
	p := filepath.Join(root, "sensors", "x.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("id: x\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, _, _, got := readInside(p, root, 1<<20, nil)
	if got == nil || !strings.Contains(got.help.In("en"), "permissions") {
		t.Errorf("readInside of a file without read permission: %+v", got)
	}
}
