package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/format"
)

// complete asks for completions the way the shell scripts of `register
// completion` do (the hidden __complete command) and returns the values.
func complete(t *testing.T, args ...string) []string {
	t.Helper()
	out, stderr, code := run(t, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %v: exit %d: %s", args, code, stderr)
	}
	var vals []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, ":") || line == "" {
			continue // the directive
		}
		v, _, _ := strings.Cut(line, "\t")
		vals = append(vals, v)
	}
	return vals
}

func TestCompletion(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-markt.yaml":    checkCamera,
		"algorithms/toeslagen.yaml": "id: toeslagen\n",
		"sensors/notes.txt":         "not a record",
		"register.yaml":             checkConfig,
	})
	tests := []struct {
		args  []string
		want  []string // all of these, nothing else when exact
		exact bool
	}{
		{[]string{"check", "--format", ""}, []string{"text", "json", "github", "sarif", "junit"}, true},
		{[]string{"due", "--format", ""}, []string{"text", "json", "csv", "ical"}, true},
		{[]string{"changes", "--format", ""}, []string{"text", "json", "atom"}, true},
		{[]string{"export", "--format", ""}, []string{"algoritmeregister", "sensorthings", "dcat"}, false},
		{[]string{"check", "--fail-on", ""}, []string{"error", "warning", "none"}, true},
		{[]string{"build", "--fail-on", ""}, []string{"error", "warning", "none"}, true},
		{[]string{"export", "--kind", ""}, []string{"sensor", "algorithm"}, true},
		{[]string{"packet", "--lang", ""}, []string{"nl", "en"}, true},
		{[]string{"check", "--lang", ""}, []string{"nl", "en"}, true},
		{[]string{"--lang", ""}, []string{"nl", "en"}, true},
		// Help in Dutch names the choices with "of": completion reads them too.
		{[]string{"check", "--lang", "nl", "--fail-on", ""}, []string{"error", "warning", "none"}, true},
		{[]string{"build", "--lang", "nl", "--fail-on", ""}, []string{"error", "warning", "none"}, true},
		{[]string{"export", "--lang", "nl", "--kind", ""}, []string{"sensor", "algorithm"}, true},
		{[]string{"new", ""}, []string{"sensor", "algorithm"}, true},
		{[]string{"explain", ""}, []string{"biometric-ban", "dpia-required"}, false},
		{[]string{"history", "--root", root, ""}, []string{"cam-markt", "toeslagen"}, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got := complete(t, tt.args...)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("completions %v lack %q", got, w)
				}
			}
			if tt.exact && len(got) != len(tt.want) {
				t.Errorf("completions %v, want exactly %v", got, tt.want)
			}
		})
	}
}

// Every choice flag's help names its values, so completion has them.
func TestEveryChoiceFlagCompletes(t *testing.T) {
	root := NewRootCmd(&App{})
	for _, c := range root.Commands() {
		for _, name := range choiceFlags {
			f := c.Flags().Lookup(name)
			if f == nil {
				continue
			}
			if vs := choices(f.Usage); len(vs) < 2 {
				t.Errorf("%s --%s: help %q names no values to complete", c.Name(), name, f.Usage)
			}
		}
	}
}

// Every --format flag completes the formats its help names, and refuses
// the others: all three come from one registry.
func TestEveryFormatFlagCompletesItsHelp(t *testing.T) {
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		f := c.Flags().Lookup("format")
		if f == nil {
			return
		}
		n++
		complete, ok := c.GetFlagCompletionFunc("format")
		if !ok {
			t.Errorf("%s --format has no completion", c.CommandPath())
			return
		}
		names, _ := complete(c, nil, "")
		if len(names) < 2 || !strings.Contains(f.Usage, format.Choices(names).String()) {
			t.Errorf("%s --format completes %v, help says %q", c.CommandPath(), names, f.Usage)
		}
	}
	walk(NewRootCmd(&App{}))
	if n < 10 {
		t.Errorf("found %d --format flags, want every command that has one", n)
	}
}
