package source

import (
	"testing"
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
		for _, f := range fs {
			if f.File != "f.yaml" || f.Rule != "yaml" || f.Line < 0 || f.Column < 0 || f.Message.In("en") == "" {
				t.Fatalf("bad finding %+v", f)
			}
		}
		if doc != nil {
			// Locating any path must be safe too.
			doc.Locate("/a/0/b", false)
			doc.Locate("/a/0/b", true)
		}
	})
}
