package label

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/schema"
)

// Every value a record schema allows for a field the glossary translates has
// a Dutch and an English word, so a new value (format v2's camera regimes,
// capabilities, AI Act roles, ...) never reaches a resident as a code.
func TestEveryEnumValueHasWords(t *testing.T) {
	checked := 0
	var walk func(path string, node any)
	walk = func(path string, node any) {
		m, ok := node.(map[string]any)
		if !ok {
			return
		}
		if vals, ok := m["enum"].([]any); ok {
			if words, known := values[path]; known {
				for _, v := range vals {
					s, _ := v.(string)
					if _, ok := words[s]; !ok {
						t.Errorf("%s: value %q has no words", path, s)
					}
					checked++
				}
			}
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for k, c := range props {
				walk(strings.TrimPrefix(path+"."+k, "."), c)
			}
		}
		walk(path, m["items"])
	}
	for _, name := range []string{schema.Common, "sensor", "algorithm"} {
		data, err := schema.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		walk("", doc)
		if defs, ok := doc["$defs"].(map[string]any); ok {
			for k, d := range defs {
				walk(k, d)
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked only %d values; the walk is broken", checked)
	}
}
