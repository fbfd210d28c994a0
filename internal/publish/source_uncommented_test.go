package publish

import (
	"strings"
	"testing"
)

// TestUncommented: uncommented takes every comment out of a YAML text and
// leaves the rest as it was, or gives up (and the file is rebuilt) where
// it cannot tell a comment from a value.
func TestUncommented(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "" when it gives up
	}{
		{"none", "a: b\n", "a: b\n"},
		{"a hash in values", "a: b#c\nd: 'e # f'\ng: \"h # i\"\nj: https://x.example/#k\n", "a: b#c\nd: 'e # f'\ng: \"h # i\"\nj: https://x.example/#k\n"},
		{"line and head comments", "# kop\na: b # regel\n  # ingesprongen\nc: d\t# tab\n", "a: b\nc: d\n"},
		{"a literal's lines are its text", "a: | # kop\n  # tekst\n  meer # tekst\n# na\nb: c\n", "a: |\n  # tekst\n  meer # tekst\nb: c\n"},
		{"a block scalar in a list entry", "l:\n  - k: |\n      x # y\n    # z\n    m: n\n", "l:\n  - k: |\n      x # y\n    m: n\n"},
		{"an empty block scalar", "a: |\n# z\nb: c\n", "a: |\nb: c\n"},
		{"an empty block scalar before a deeper comment", "l:\n  - k: |\n    # z\n    m: n\n", "l:\n  - k: |\n    m: n\n"},
		{"a quoted text over lines", "a: 'x\n  # y'\nb: \"p\\\n  # q\" # r\n", "a: 'x\n  # y'\nb: \"p\\\n  # q\"\n"},
		{"a flow collection over lines", "a: [b, # c\n  d] # e\n", "a: [b,\n  d]\n"},
		{"only on top, and a hash in a word", "# kop\n\n#kop\na: https://x.example/#y\nb: x#y\n", "\na: https://x.example/#y\nb: x#y\n"},
		{"right after a flow indicator", "a: [b,#c\n  d]\n", "a: [b,\n  d]\n"},
		{"right after a flow collection", "a: {b: c}#c\n", "a: {b: c}\n"},
		{"right after a quote", "a: 'x'#c\n", "a: 'x'\n"},
		{"right after a block scalar's header", "a: |-#c\n  x\n", ""},
		{"right after an explicit indentation", "a: |2#c\n   x\n", ""},
		{"a plain text over lines", "a: x\n  'y' z # c\n", ""},
		{"an explicit indentation", "a: |2 # c\n   x\n", ""},
		{"a tag", "a: !!str b # c\n", ""},
		{"an anchor", "a: &x b # c\n", ""},
		{"unreadable", "a: [b # c\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ok := uncommented("x.yaml", []byte(tt.in))
			if tt.want == "" {
				if ok {
					t.Errorf("uncommented = %q, want it to give up", out)
				}
				return
			}
			if !ok || string(out) != tt.want {
				t.Errorf("uncommented = %q, %v; want %q", out, ok, tt.want)
			}
			if doc, ok := readTree(out); !ok || strings.Contains(string(out), "# c") || holdsComment(doc) {
				t.Errorf("a comment is left in %q", out)
			}
		})
	}
}
