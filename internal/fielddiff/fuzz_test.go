package fielddiff

import (
	"encoding/json"
	"testing"
)

// FuzzYAML diffs arbitrary versions of a record, as Git history holds them:
// it must never panic, a version compared with itself has no changes, and
// the changes always print as text and as JSON (changes and history
// --format json).
func FuzzYAML(f *testing.F) {
	f.Add([]byte("id: a\nquantity: 2\n"), []byte("id: a\nquantity: !!int abc\n"))
	f.Add([]byte("decisions: [{date: 2025-01-01}, {date: 2025-02-01}]\n"), []byte("decisions: [{date: 2024-12-01}, {date: 2025-01-01}, {date: 2025-02-01}]\n"))
	f.Add([]byte("a: &x [1, 2]\nb: *x\n"), []byte("a: [1, 2, 3]\n"))
	f.Add([]byte(""), []byte("id: a\nname: {x: [1, {y: null}]}\n"))
	f.Add([]byte("n: 123456789012345678901234567890\n"), []byte("n: 1e400\n"))
	f.Fuzz(func(t *testing.T, old, new []byte) {
		if len(old)+len(new) > 1<<16 {
			return
		}
		cs, err := YAML(old, new)
		if err != nil {
			return
		}
		if _, err := json.Marshal(cs); err != nil {
			t.Fatalf("changes do not print as JSON: %v", err)
		}
		for _, c := range cs {
			_ = c.String()
		}
		if same, err := YAML(new, new); err != nil || len(same) != 0 {
			t.Fatalf("a version compared with itself: %v, %v", same, err)
		}
	})
}
