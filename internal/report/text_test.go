package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

func TestTextColour(t *testing.T) {
	fs := sampleFindings()
	sum := finding.Summarise(3, fs)
	tests := []struct {
		color bool
		want  []string // substrings that must appear
	}{
		{false, []string{"sensors/cam-markt.yaml:12:3: error: capability", "sensors/cam-markt.yaml:20:5: info: last", "algorithms/parkeer-risico.yaml: warning: personal_data"}},
		{true, []string{"sensors/cam-markt.yaml:12:3: \x1b[1;31merror\x1b[0m: capability", "sensors/cam-markt.yaml:20:5: \x1b[36minfo\x1b[0m: last", "algorithms/parkeer-risico.yaml: \x1b[33mwarning\x1b[0m: personal_data"}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		opts := sampleOptions()
		opts.Color = tt.color
		if err := Write(&out, "text", fs, sum, opts); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if has := strings.Contains(got, "\x1b"); has != tt.color {
			t.Errorf("color=%v: output has escape codes: %v\n%q", tt.color, has, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("color=%v: output lacks %q\n%q", tt.color, w, got)
			}
		}
		// The summary line stays plain either way.
		if !strings.HasSuffix(got, "\n3 records, 3 errors, 1 warning, 1 note\n") {
			t.Errorf("color=%v: summary line missing or coloured: %q", tt.color, got)
		}
	}
}

func TestFindingText(t *testing.T) {
	tests := []struct {
		name string
		f    finding.Finding
		want string
	}{
		{"line and column",
			finding.Finding{File: "sensors/a.yaml", Line: 3, Column: 7, Rule: "schema", Severity: finding.Error, Message: label.Text{"", "bad"}},
			"sensors/a.yaml:3:7: error: bad (schema)\n"},
		{"line only",
			finding.Finding{File: "sensors/a.yaml", Line: 3, Rule: "yaml", Severity: finding.Error, Message: label.Text{"", "bad"}},
			"sensors/a.yaml:3: error: bad (yaml)\n"},
		{"no position",
			finding.Finding{File: "sensors/a.yaml", Rule: "lifecycle-end", Severity: finding.Warning, Message: label.Text{"", "no end"}},
			"sensors/a.yaml: warning: no end (lifecycle-end)\n"},
		{"column without line is not shown",
			finding.Finding{File: "a.yaml", Column: 4, Rule: "x", Severity: finding.Info, Message: label.Text{"", "m"}},
			"a.yaml: info: m (x)\n"},
		{"no file",
			finding.Finding{Rule: "config", Severity: finding.Warning, Message: label.Text{"", "no register.yaml"}},
			"warning: no register.yaml (config)\n"},
		{"principle and help",
			finding.Finding{File: "a.yaml", Line: 1, Rule: "owner-reachable", Principle: "VNG 3.7", Severity: finding.Error, Message: label.Text{"", "m"}, Help: label.Text{"", "Give a functional mailbox."}},
			"a.yaml:1: error: m (owner-reachable)\n  VNG 3.7 · Give a functional mailbox.\n"},
		{"principle only",
			finding.Finding{File: "a.yaml", Rule: "r", Principle: "VNG 3.4", Severity: finding.Warning, Message: label.Text{"", "m"}},
			"a.yaml: warning: m (r)\n  VNG 3.4\n"},
		{"help only",
			finding.Finding{File: "a.yaml", Rule: "schema", Severity: finding.Error, Message: label.Text{"", "m"}, Help: label.Text{"", "fix it"}},
			"a.yaml: error: m (schema)\n  fix it\n"},
		{"lines stay indented",
			finding.Finding{File: "a.yaml", Rule: "r", Severity: finding.Error, Message: label.Text{"", "one\ntwo"}, Help: label.Text{"", "three\nfour"}},
			"a.yaml: error: one\n  two (r)\n  three\n  four\n"},
		{"control characters from a record are shown, not obeyed",
			finding.Finding{File: "a\x1b[2J.yaml", Rule: "r", Severity: finding.Error, Message: label.Text{"", "name \"\x1b[31mred\x07\r\"\tend"}, Help: label.Text{"", "\u009bX \xffY ë"}},
			"a\\x1b[2J.yaml: error: name \"\\x1b[31mred\\x07\\x0d\"\tend (r)\n  \\x9bX \\xffY ë\n"},
		{"a file name's line break and tab are shown, not obeyed: the position stays on one line",
			finding.Finding{File: "sensors/x\n::error file=a::pwned\t.yaml", Line: 3, Column: 1, Rule: "r", Severity: finding.Error, Message: label.Text{"", "m"}},
			"sensors/x\\x0a::error file=a::pwned\\x09.yaml:3:1: error: m (r)\n"},
	}
	for _, tt := range tests {
		if got := findingText(tt.f, "en", false); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestTextRemembersWhatIsClean: a report cleans each finding's texts as
// clean does, also when findings share a text the report has already
// looked at, clean or not, and texts long enough to be remembered.
func TestTextRemembersWhatIsClean(t *testing.T) {
	long := strings.Repeat("a long message shared by findings ", 2)
	dirty := long + "\x1b[2J"
	var fs []finding.Finding
	for i := range 3 {
		for _, msg := range []string{long, dirty} {
			fs = append(fs, finding.Finding{File: []string{"sensors/a.yaml", "sensors/\x1b[2J.yaml", "sensors/b.yaml"}[i], Line: i + 1, Rule: "r", Severity: finding.Warning, Message: label.Text{"", msg}, Help: label.Text{"", dirty}})
		}
	}
	var out bytes.Buffer
	if err := Write(&out, "text", fs, finding.Summarise(1, fs), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.Contains(got, "\x1b") {
		t.Errorf("an escape reached the report:\n%q", got)
	}
	if n := strings.Count(got, long+"\\x1b[2J"); n != 9 {
		t.Errorf("the shared text with an escape is shown escaped %d times, want 9 (3 messages, 6 helps):\n%s", n, got)
	}
	if n := strings.Count(got, "sensors/\\x1b[2J.yaml:2: "); n != 2 {
		t.Errorf("the file with an escape in its name is shown escaped %d times, want 2:\n%s", n, got)
	}
	if n := strings.Count(got, "sensors/b.yaml:3: "); n != 2 {
		t.Errorf("the file after it is named %d times, want 2:\n%s", n, got)
	}
	if n := strings.Count(got, long+" (r)"); n != 3 {
		t.Errorf("the clean shared text is shown %d times as it is, want 3:\n%s", n, got)
	}
}

// TestNoFileNameStartsALine: a file name with a line break cannot start
// a line of its own in any format read as text (JUnit's bodies as a CI
// system shows them, unescaped), where a CI runner would take a line
// starting with "::" as a command.
func TestNoFileNameStartsALine(t *testing.T) {
	const file = "sensors/x\n::error file=a::pwned.yaml"
	fs := []finding.Finding{
		{File: file, Line: 3, Column: 1, Record: "x", Rule: "r", Severity: finding.Error, Message: label.Text{"", "m"}, Help: label.Text{"", "h"}},
		{File: file, Line: 4, Record: "x", Rule: "w", Severity: finding.Warning, Message: label.Text{"", "m"}},
	}
	opts := sampleOptions()
	opts.Records = []RecordRef{{File: file, ID: "x"}}
	shown := map[string]func() string{
		"text":   func() string { return written(t, "text", fs, opts) },
		"github": func() string { return written(t, "github", fs, opts) },
		"junit": func() string {
			var b strings.Builder
			for _, s := range readJUnit(t, fs, opts).Suites {
				for _, c := range s.Cases {
					if c.Failure != nil {
						b.WriteString(c.Failure.Body + "\n")
					}
					b.WriteString(c.SystemOut + "\n")
				}
			}
			return b.String()
		},
	}
	for name, show := range shown {
		text := show()
		if !strings.Contains(text, "pwned") {
			t.Errorf("%s: the file is not named:\n%s", name, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::error file=a") {
				t.Errorf("%s: the file name starts a line:\n%s", name, text)
				break
			}
		}
	}
}

// written is the report of fs in the format name.
func written(t *testing.T, name string, fs []finding.Finding, opts Options) string {
	t.Helper()
	var out bytes.Buffer
	if err := Write(&out, name, fs, finding.Summarise(1, fs), opts); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// No line of a message or help text that spans lines starts a CI
// runner's command: a runner reads a line as one when it starts with "::"
// after its leading spaces, and a message may quote a record's text.
func TestNoMessageLineStartsACommand(t *testing.T) {
	fs := []finding.Finding{{File: "sensors/x.yaml", Line: 3, Column: 1, Record: "x", Rule: "r", Severity: finding.Error,
		Message: label.Text{"", "m\n::add-mask::geheim\n  ::error file=a::pwned"}, Help: label.Text{"", "h\n\t::stop-commands::tok"},
		Principle: "VNG 2.1"},
		{File: "sensors/y.yaml", Line: 1, Record: "y", Rule: "r", Severity: finding.Warning,
			Message: label.Text{"", "m"}, Help: label.Text{"", "::warning::nep"}}}
	text := written(t, "text", fs, sampleOptions())
	for _, want := range []string{"add-mask", "pwned", "stop-commands", "nep"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text leaves out %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if t2 := strings.TrimLeft(line, " \t"); strings.HasPrefix(t2, "::") || strings.HasPrefix(t2, "\\x09::") {
			t.Errorf("a line starts a command: %q\n%s", line, text)
		}
	}
}
