package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the reader: it must never panic, hang
// or return both a document and findings, and every finding must be a yaml
// finding on the file with a sensible position.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"id: cam-markt\nkind: sensor\nname: Camera Markt\n",
		"a: &x [1, 2]\nb: *x\n",
		"a: [1, {b: c}]\n",
		"? [a]\n: b\n",
		"x: .nan\n",
		"---\na: 1\n---\nb: 2\n",
		"a: !!binary aGVsbG8=\n",
		"a: 2025-02-30\n",
		"'\\xff'",
		"a:\n  - b\n  -\n    c: d\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: 1 << 16, MaxDepth: 16, AliasNodes: 200, AliasBytes: 1 << 16}
		doc, fs := Parse("f.yaml", data, lim)
		if doc != nil && fs != nil {
			t.Fatalf("both a document and findings: %v", fs)
		}
		if doc == nil && len(fs) == 0 {
			t.Fatal("neither a document nor a finding")
		}
		// The parser also ends a line at a lone CR (old Mac files), which
		// positions found from the text do not: such files are left out.
		lines := strings.Split(string(data), "\n")
		cr := strings.Contains(strings.ReplaceAll(string(data), "\r\n", ""), "\r")
		for _, f := range fs {
			if f.File != "f.yaml" || f.Rule != "yaml" || f.Line < 0 || f.Column < 0 || f.Message.In("en") == "" {
				t.Fatalf("bad finding %+v", f)
			}
			// A position is in the file: on one of its lines, at most
			// just past the line's last character.
			if !cr && (f.Line > len(lines) || f.Line > 0 && f.Column > utf8.RuneCountInString(lines[f.Line-1])+1) {
				t.Fatalf("finding %d:%d outside the file of %d lines: %+v", f.Line, f.Column, len(lines), f)
			}
		}
		if doc != nil {
			// Locating any path must be safe too.
			doc.Locate("/a/0/b", false)
			doc.Locate("/a/0/b", true)
		}
	})
}
