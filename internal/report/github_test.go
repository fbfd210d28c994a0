package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

func TestGitHubCommands(t *testing.T) {
	tests := []struct {
		name string
		root string
		f    finding.Finding
		want string
	}{
		{"error with position and principle", "register",
			finding.Finding{File: "sensors/cam.yaml", Line: 12, Column: 3, Rule: "biometric-ban", Principle: "VNG 2.1", Severity: finding.Error, Message: label.Text{"", "banned"}},
			"::error file=register/sensors/cam.yaml,line=12,col=3,title=biometric-ban (VNG 2.1)::banned"},
		{"warning with line only, no root", "",
			finding.Finding{File: "sensors/cam.yaml", Line: 4, Rule: "yaml", Severity: finding.Warning, Message: label.Text{"", "odd"}},
			"::warning file=sensors/cam.yaml,line=4,title=yaml::odd"},
		{"info is a notice; no position", ".",
			finding.Finding{File: "sensors/cam.yaml", Rule: "security-audit", Severity: finding.Info, Message: label.Text{"", "old audit"}},
			"::notice file=sensors/cam.yaml,title=security-audit::old audit"},
		{"column without line is left out", "register",
			finding.Finding{File: "a.yaml", Column: 9, Rule: "r", Severity: finding.Error, Message: label.Text{"", "m"}},
			"::error file=register/a.yaml,title=r::m"},
		{"no file", "register",
			finding.Finding{Rule: "config", Severity: finding.Warning, Message: label.Text{"", "no register.yaml"}},
			"::warning title=config::no register.yaml"},
		{"help on the next line of the message", "",
			finding.Finding{File: "a.yaml", Rule: "r", Severity: finding.Error, Message: label.Text{"", "m"}, Help: label.Text{"", "do this"}},
			"::error file=a.yaml,title=r::m%0Ado this"},
		{"escaping in data and properties", "",
			finding.Finding{File: "s/a: b, c%.yaml", Rule: "dpia-required", Principle: "VNG 6.3, 6.4", Severity: finding.Error,
				Message: label.Text{"", "100% sure:\r\n::error::injected, or not"}},
			"::error file=s/a%3A b%2C c%25.yaml,title=dpia-required (VNG 6.3%2C 6.4)::100%25 sure:%0D%0A::error::injected, or not"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if err := Write(&out, "github", []finding.Finding{tt.f}, finding.Summary{Records: 1}, Options{Root: tt.root}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%s: %d lines, want the command and the count:\n%s", tt.name, len(lines), out.String())
		}
		if lines[0] != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, lines[0], tt.want)
		}
		if lines[1] != summaryIn("en", finding.Summary{Records: 1}) {
			t.Errorf("%s: count line %q", tt.name, lines[1])
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50%", "50%25", "50%25"},
		{"%0A", "%250A", "%250A"}, // an escape already in the text stays text
		{"a\nb\r", "a%0Ab%0D", "a%0Ab%0D"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"Café <a> & \"b\"", "Café <a> & \"b\"", "Café <a> & \"b\""},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}
