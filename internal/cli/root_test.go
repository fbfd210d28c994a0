package cli

import (
	"strings"
	"testing"
)

func TestRootCommand(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		out, err   string
		notInError string
	}{
		{[]string{"--version"}, ExitOK, "register version test", "", ""},
		{[]string{"--help"}, ExitOK, "validate", "", ""},
		{[]string{"frobnicate"}, ExitError, "", `register: unknown command "frobnicate"`, "goroutine"},
		{[]string{"validate", "--bogus"}, ExitError, "", "unknown flag: --bogus", "goroutine"},
		{[]string{"check", "--fail-on", "sometimes"}, ExitError, "", "--fail-on", ""},
	}
	for _, tt := range tests {
		out, errOut, code := run(t, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tt.args, code, tt.code, out, errOut)
		}
		if !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) {
			t.Errorf("%v: stdout %q stderr %q", tt.args, out, errOut)
		}
		if tt.notInError != "" && strings.Contains(errOut, tt.notInError) {
			t.Errorf("%v: stderr shows %q", tt.args, tt.notInError)
		}
		if code == ExitError && !strings.Contains(errOut, "Run 'register --help' for usage.") {
			t.Errorf("%v: a usage error does not say where help is: %q", tt.args, errOut)
		}
	}
}

// Every command the README lists exists.
func TestEveryDocumentedCommandExists(t *testing.T) {
	root := NewRootCmd(&App{})
	for _, name := range []string{"validate", "check", "rules", "explain", "due", "history", "changes", "build", "serve",
		"packet", "export", "import", "new", "init", "schema", "migrate"} {
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("command %s is missing", name)
		}
	}
}
