package notification

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// TestQuestionsFollowSchema holds the form to the record format: every
// question fills a field the schema has, with an input for its type, and
// the choices are the schema's.
func TestQuestionsFollowSchema(t *testing.T) {
	fields := map[string]publish.Field{}
	for _, f := range publish.Fields(record.Sensor) {
		fields[f.Path] = f
	}
	wantType := map[Input][]string{
		Text: {"string"}, LongText: {"string"}, Email: {"string"}, Phone: {"string"}, Date: {"string"},
		Integer: {"integer"}, Decimal: {"number"}, Choice: {"string"}, Radio: {"string"}, Choices: {"array"},
		YesNo: {"boolean"}, Check: {"boolean"}, Lines: {"array"}, Duration: {"string"},
	}
	seen := map[string]bool{}
	for _, s := range Sections {
		for _, q := range s.Questions {
			f, ok := fields[q.Path]
			if !ok {
				t.Errorf("%s: not a field of a sensor record", q.Path)
				continue
			}
			if seen[q.Path] {
				t.Errorf("%s asked twice", q.Path)
			}
			seen[q.Path] = true
			if !strings.Contains(strings.Join(wantType[q.Input], " "), f.Type) {
				t.Errorf("%s: input %s for a field of type %s", q.Path, q.Input, f.Type)
			}
			if (q.Input == Date) != (f.Format == "date") {
				t.Errorf("%s: input %s, format %q", q.Path, q.Input, f.Format)
			}
			choice := q.Input == Choice || q.Input == Radio || q.Input == Choices
			if choice != (len(Values(q)) > 0) {
				t.Errorf("%s: input %s with values %v", q.Path, q.Input, Values(q))
			}
			if q.Label[0] == "" || q.Label[1] == "" {
				t.Errorf("%s: a label in each language", q.Path)
			}
		}
	}
}

// sample is a valid answer to a question, for the test below.
func sample(q Question) any {
	switch q.Input {
	case Email:
		return "info@winkel.example"
	case Date:
		return "2026-12-10"
	case Integer:
		return 1
	case Decimal:
		return 5.1
	case Choice, Radio:
		return Values(q)[0]
	case Choices:
		return []any{Values(q)[0]}
	case YesNo, Check:
		return true
	case Lines:
		return []any{"x"}
	case Duration:
		return "P1D"
	}
	if q.Path == "id" {
		return "winkel"
	}
	return "x"
}

// TestRequiredFollowsSchema: the answers to the required questions (with
// the fixed fields and a place) make a valid record, and leaving out any
// one of them makes it invalid, so the form marks exactly what the schema
// requires.
func TestRequiredFollowsSchema(t *testing.T) {
	v := validator(t)
	build := func(skip string) map[string]any {
		m := map[string]any{}
		for k, x := range Fixed {
			m[k] = x
		}
		set := func(path string, x any) {
			parts := strings.Split(path, ".")
			cur := m
			for _, p := range parts[:len(parts)-1] {
				next, ok := cur[p].(map[string]any)
				if !ok {
					next = map[string]any{}
					cur[p] = next
				}
				cur = next
			}
			cur[parts[len(parts)-1]] = x
		}
		for _, s := range Sections {
			for _, q := range s.Questions {
				if q.Required && q.Path != skip {
					set(q.Path, sample(q))
				}
			}
		}
		// A fixed sensor needs a point (the schema's if/then, which the
		// form explains next to the coordinates).
		set("location.point.lat", 52.1)
		set("location.point.lon", 5.1)
		return m
	}
	valid := func(m map[string]any) bool {
		// Through JSON-compatible values, as source.Parse gives them.
		doc := &source.Document{Path: "x.yaml", Value: jsonValue(t, m)}
		return len(v.Validate(doc, record.Sensor)) == 0
	}
	if !valid(build("")) {
		t.Fatalf("the required answers do not make a valid record: %v", v.Validate(&source.Document{Path: "x", Value: jsonValue(t, build(""))}, record.Sensor))
	}
	for _, s := range Sections {
		for _, q := range s.Questions {
			if q.Required && valid(build(q.Path)) {
				t.Errorf("%s is marked required, but a record without it is valid", q.Path)
			}
		}
	}
	// Every field the schema requires at the top, or inside a required
	// object, is asked and marked.
	for _, path := range []string{"name", "summary", "status", "purpose", "organisation.name", "organisation.type",
		"owner.role", "owner.email", "personal_data.processed", "lifecycle.start", "sensor_type", "capabilities", "location.description"} {
		found := false
		for _, s := range Sections {
			for _, q := range s.Questions {
				found = found || q.Path == path && q.Required
			}
		}
		if !found {
			t.Errorf("%s is not asked as required", path)
		}
	}
}

func TestAsked(t *testing.T) {
	for path, want := range map[string]bool{
		"owner": true, "owner.email": true, "location.point": true, "location.point.lat": true,
		"kind": true, "evaluation": true, "exceptions": false, "publication": false, "own": false, "decisions": false,
	} {
		if Asked(path) != want {
			t.Errorf("Asked(%q) = %v", path, !want)
		}
	}
}

func jsonValue(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var out any
	if err := d.Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}
