package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/logsafe"
)

// No command prints a line a CI runner takes as its command, from a file
// name with a line break or a text with one: not check, and not the
// commands that list the files they could not read (build, quality) or
// the configuration's problems on standard error.
func TestNoCommandPrintsARunnersCommand(t *testing.T) {
	const bad = "sensors/x\n::error title=t::pwned.yaml"
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml": validSensor,
		bad:                      "id: [\n",
		"register.yaml":          "organisation: \"Gemeente\\n\\u00a0::add-mask::geheim\"\nsite: {title: \"Register\\n\\u2003::error::titel\"}\n",
		"sensors/teller.yaml":    strings.NewReplacer("id: cam-markt", "id: teller", "role: Teamleider Openbare Orde", "role: \"Toezicht ##[stop-commands]x1\"", "status: active", "status: \"actief ##[error]nep\"").Replace(validSensor),
	})
	escaped := 0
	for _, args := range [][]string{
		{"check"},
		{"validate"},
		{"build", "--out", filepath.Join(t.TempDir(), "public")},
		{"quality"},
		{"export", "--format", "json"},
		{"due", "--as-of", "2030-01-01"},
		{"chain", "BRP"},
	} {
		t.Run(args[0], func(t *testing.T) {
			out, errOut, _ := run(t, append([]string{"--root", root}, args...)...)
			for _, text := range []string{errOut, out} {
				if args[0] == "export" && text == out {
					continue // the data, not a log
				}
				escaped += strings.Count(text, `#\x23[`)
				for _, line := range strings.Split(text, "\n") {
					if logsafe.Command(line) >= 0 || strings.Contains(line, "##[") {
						t.Errorf("a line starts a runner's command: %q\n%s", line, text)
					}
				}
			}
		})
	}
	if escaped == 0 {
		t.Error("no output quoted the record's ##[ value: the test shows nothing")
	}
}
