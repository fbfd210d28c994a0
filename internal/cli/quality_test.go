package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestQualityCommand: the command prints the report of the register at
// --root, in text and JSON, says when history is unknown, and exits 0 even
// with a lapsed evaluation (it informs, it does not judge).
func TestQualityCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-station.yaml": lapsedCamera,
		"register.yaml":            "rules:\n  security-audit: {severity: off, reason: Geen budget}\n",
	})
	out, errOut, code := run(t, "quality", "--root", root)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"Register quality on 2026-11-24: 1 record",
		"100%  summary",
		"not known: the register is not in a Git repository",
		"cam-station  due 2026-03-01",
		"security-audit: off (register.yaml:2:3); reason: Geen budget",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	out, _, code = run(t, "quality", "--root", root, "--format", "json")
	var rep struct {
		Records int
		Overdue []struct{ ID string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Records != 1 || len(rep.Overdue) != 1 {
		t.Errorf("json (exit %d): %s", code, out)
	}
	if _, _, code := run(t, "quality", "--root", root, "--format", "xml"); code != ExitError {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}
