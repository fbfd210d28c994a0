package cli

import (
	"strings"
	"testing"
)

// A setting made by a REGISTER_ environment variable is checked as the same
// setting in register.yaml is: an unknown rule or a bad value is reported,
// at the same severity and with the same exit code, and names the variable
// instead of a place in the file.
func TestEnvironmentOverridesAreCheckedLikeTheFile(t *testing.T) {
	tests := []struct {
		name          string
		file          string // the setting in register.yaml
		env, value    string // the same setting in the environment
		inFile, inEnv string // what check prints for each
		code          int
	}{
		{"unknown rule", "rules: {signge: off}\n", "REGISTER_RULES_SIGNGE", "off",
			"register.yaml:3:9: warning: rules.signge names no rule", "REGISTER_RULES_SIGNGE: warning: REGISTER_RULES_SIGNGE names no rule", 0},
		{"bad severity", "rules: {signage: loud}\n", "REGISTER_RULES_SIGNAGE", "loud",
			`register.yaml:3:18: error: rules.signage: unknown severity "loud"`, `REGISTER_RULES_SIGNAGE: error: REGISTER_RULES_SIGNAGE: unknown severity "loud"`, 1},
		{"bad duration", "due_within: soon\n", "REGISTER_DUE_WITHIN", "soon",
			`register.yaml:3:13: error: due_within: "soon" is not an ISO 8601 duration`, `REGISTER_DUE_WITHIN: error: REGISTER_DUE_WITHIN: "soon" is not an ISO 8601 duration`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fromFile := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig + tt.file})
			out, errOut, code := run(t, "check", "--lang", "en", "--root", fromFile)
			if code != tt.code || !strings.Contains(out, tt.inFile) {
				t.Errorf("in register.yaml: exit %d, want %d; output lacks %q:\n%s%s", code, tt.code, tt.inFile, out, errOut)
			}
			fromEnv := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
			t.Setenv(tt.env, tt.value)
			out, errOut, code = run(t, "check", "--lang", "en", "--root", fromEnv)
			if code != tt.code || !strings.Contains(out, tt.inEnv) {
				t.Errorf("in %s: exit %d, want %d; output lacks %q:\n%s%s", tt.env, code, tt.code, tt.inEnv, out, errOut)
			}
		})
	}
}
