package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func execNew(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &App{Out: &out, Err: &errb, Now: func() time.Time { return time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC) }}
	code = Run(a, append([]string{"new"}, args...))
	return code, out.String(), errb.String()
}

func TestNewWritesTemplate(t *testing.T) {
	root := t.TempDir()
	code, out, errs := execNew(t, "algorithm", "leerlingenvervoer", "--root", root)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	path := filepath.Join(root, "algorithms", "leerlingenvervoer.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("\nid: \"leerlingenvervoer\"\n")) || !bytes.Contains(data, []byte("\n  start: 2026-12-24\n")) {
		t.Errorf("the file is not the algorithm template for today:\n%s", data)
	}
	if !strings.Contains(out, "created ") || !strings.Contains(out, "leerlingenvervoer.yaml") ||
		!strings.Contains(out, "register validate --root "+root) {
		t.Errorf("stdout does not give the path and the next step: %q", out)
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no args", nil, "new needs a kind and an id"},
		{"one arg", []string{"sensor"}, "new needs a kind and an id"},
		{"unknown kind", []string{"camera", "cam-markt"}, `unknown kind "camera": use sensor or algorithm`},
		{"capitals", []string{"sensor", "Cam-Markt"}, "it has capital letters; an id is 2 to 63 characters: lower-case letters a-z, digits and hyphens"},
		{"path", []string{"sensor", "../cam"}, `it contains '.'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			code, out, errs := execNew(t, append(tt.args, "--root", root)...)
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if !strings.Contains(errs, tt.want) || out != "" {
				t.Errorf("stdout %q, stderr %q; want stderr with %q", out, errs, tt.want)
			}
			if entries, _ := os.ReadDir(root); len(entries) != 0 {
				t.Errorf("a refused new wrote %d entries", len(entries))
			}
		})
	}
}

func TestNewRefusesMissingRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "regsiter")
	code, _, errs := execNew(t, "sensor", "cam-markt", "--root", root)
	if code != ExitError || !strings.Contains(errs, "is not a folder: create it first") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the root named", code, errs)
	}
	if _, err := os.Stat(root); err == nil {
		t.Error("new created the mistyped root")
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "sensors", "cam-markt.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	const content = "id: cam-markt\nname: het echte record\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := execNew(t, "sensor", "cam-markt", "--root", root)
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(errs, "cam-markt.yaml already exists and is left unchanged") {
		t.Errorf("stderr %q does not explain the refusal", errs)
	}
	if got, _ := os.ReadFile(path); string(got) != content {
		t.Errorf("the existing record changed to %q", got)
	}
}
