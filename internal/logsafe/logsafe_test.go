package logsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"gewoon een tekst", "gewoon een tekst"},
		{"regel 1\nregel 2\ttab", "regel 1\nregel 2\ttab"},
		{"kleur \x1b[31mrood", `kleur \x1b[31mrood`},
		{"terug\rnaar het begin", `terug\x0dnaar het begin`},
		{"ongeldig \xff", `ongeldig \xff`},
		{"a\n::add-mask::geheim", "a\n\\x3a:add-mask::geheim"},
		{"::error::vooraan", "\\x3a:error::vooraan"},
		{"a\n  \t::error::ingesprongen", "a\n  \t\\x3a:error::ingesprongen"},
		{"a\n\u00a0::error::nbsp", "a\n\u00a0\\x3a:error::nbsp"},
		{"a\n\u2003::add-mask::em", "a\n\u2003\\x3a:add-mask::em"},
		{"a\n\u0085::error::nel", `a` + "\n" + `\x85::error::nel`},
		{"tijd 12::30 in de regel", "tijd 12::30 in de regel"},
		// The older form is read anywhere in a line.
		{"Toezichthouder ##[stop-commands]x1", `Toezichthouder #\x23[stop-commands]x1`},
		{"actief ##[error]nep", `actief #\x23[error]nep`},
		{"zie ##vso[task.setvariable]x", `zie #\x23vso[task.setvariable]x`},
		{"kanaal #1 en ## kopje", "kanaal #1 en ## kopje"},
	} {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"sensors/cam.yaml", "sensors/cam.yaml"},
		{"sensors/x\n::error file=a::pwned.yaml", `sensors/x\x0a::error file=a::pwned.yaml`},
		{"sensors/tab\there.yaml", `sensors/tab\x09here.yaml`},
		{"sensors/\x1b[2J.yaml", `sensors/\x1b[2J.yaml`},
		{"sensors/##[error]x.yaml", `sensors/#\x23[error]x.yaml`},
	} {
		got := Path(tt.in)
		if got != tt.want {
			t.Errorf("Path(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.ContainsAny(got, "\n\t\r") {
			t.Errorf("Path(%q) keeps a line break or a tab", tt.in)
		}
	}
}

// TestIsClean: the fast test says what the plain definition says, on the
// edges of each range that Text escapes.
func TestIsClean(t *testing.T) {
	for _, s := range []string{
		"", "plain text", "regel\nmet\ttab", "één camera · Brückenstraße", "emoji 🚲",
		"bell\a", "esc\x1b[2J", "del\x7f", "nul\x00", "c1 \u0085 next line", "c1 \u009f", "nbsp\u00a0",
		"bad \xff byte", "cut \xe2\x82", "end \xc3",
	} {
		want := utf8.ValidString(s) && !strings.ContainsFunc(s, isControl)
		if got := isClean(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v", s, got, want)
		}
	}
}
