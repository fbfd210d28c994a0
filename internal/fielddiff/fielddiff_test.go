package fielddiff

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestYAML(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string // Change.String() of each change, in order
	}{
		{"identical", "id: a\nname: A\n", "name: A\nid: a\n", nil},
		{"scalar changed", "retention: P28D\n", "retention: P7D\n", []string{"/retention: P28D → P7D"}},
		{"nested field changed and added", `
lifecycle: {start: 2024-01-01}
owner: {role: Teamleider, email: a@x.example}`, `
lifecycle: {start: 2024-01-01, end: 2026-01-01}
owner: {role: Teamleider, email: b@x.example}`, []string{
			"/lifecycle/end added: 2026-01-01",
			"/owner/email: a@x.example → b@x.example",
		}},
		{"field removed", "id: a\nproblem: te veel afval\n", "id: a\n", []string{"/problem removed (was te veel afval)"}},
		{"list element appended", "capabilities: [video_recording]\n", "capabilities: [video_recording, live_viewing]\n",
			[]string{"/capabilities/1 added: live_viewing"}},
		{"list element inserted at the top shifts nothing else", `
decisions:
  - {body: council, kind: mandate}
  - {body: mayor, kind: authorisation}`, `
decisions:
  - {body: college, kind: extension, date: 2026-01-05}
  - {body: council, kind: mandate}
  - {body: mayor, kind: authorisation}`, []string{
			`/decisions/0 added: {"body":"college","date":"2026-01-05","kind":"extension"}`,
		}},
		{"list element removed from the middle", "themes: [a, b, c]\n", "themes: [a, c]\n", []string{"/themes/1 removed (was b)"}},
		{"mapping in a list changed in place", `
data_sharing:
  - {party: RIVM, end: 2026-01-01}
  - {party: GGD, end: 2026-06-01}`, `
data_sharing:
  - {party: RIVM, end: 2027-01-01}
  - {party: GGD, end: 2026-06-01}`, []string{"/data_sharing/0/end: 2026-01-01 → 2027-01-01"}},
		{"scalar in a list replaced", "capabilities: [video_recording]\n", "capabilities: [people_counting]\n",
			[]string{"/capabilities/0: video_recording → people_counting"}},
		{"type changed", "retention: not_stored\n", "retention: {days: 3}\n", []string{`/retention: not_stored → {"days":3}`}},
		{"number and bool", "quantity: 1\nmobile: false\n", "quantity: 12\nmobile: true\n",
			[]string{"/mobile: false → true", "/quantity: 1 → 12"}},
		{"key with a slash is escaped", "\"a/b\": 1\n", "\"a/b\": 2\n", []string{"/a~1b: 1 → 2"}},
		{"multi-line text is quoted", "purpose: |\n  een\n", "purpose: |\n  een\n  twee\n", []string{`/purpose: "een\n" → "een\ntwee\n"`}},
		{"file added", "", "id: a\n", []string{`(record) added: {"id":"a"}`}},
		{"file removed", "id: a\n", "   \n", []string{`(record) removed (was {"id":"a"})`}},
		{"value emptied", "summary: x\n", "summary: \"\"\n", []string{`/summary: x → ""`}},
		{"value set to null", "end: 2026-01-01\n", "end:\n", []string{"/end: 2026-01-01 → (none)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := YAML([]byte(tt.old), []byte(tt.new))
			if err != nil {
				t.Fatal(err)
			}
			got := make([]string, len(cs))
			for i, c := range cs {
				got[i] = c.String()
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestChangeValues(t *testing.T) {
	cs, err := YAML([]byte("lifecycle: {end: 2026-01-01}\n"), []byte("lifecycle: {end: 2027-01-01}\nquantity: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Path: "/lifecycle/end", Op: Changed, Old: "2026-01-01", New: "2027-01-01"},
		{Path: "/quantity", Op: Added, New: json.Number("3")},
	}
	if len(cs) != len(want) {
		t.Fatalf("got %+v, want %+v", cs, want)
	}
	for i := range want {
		if cs[i].Path != want[i].Path || cs[i].Op != want[i].Op || !Equal(cs[i].Old, want[i].Old) || !Equal(cs[i].New, want[i].New) {
			t.Errorf("change %d: got %+v, want %+v", i, cs[i], want[i])
		}
	}
	b, _ := json.Marshal(cs)
	if string(b) != `[{"path":"/lifecycle/end","op":"changed","old":"2026-01-01","new":"2027-01-01"},{"path":"/quantity","op":"added","new":3}]` {
		t.Errorf("JSON: %s", b)
	}
}

func TestYAMLErrors(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"old syntax error", "a: [\n", "a: 1\n", "old version: "},
		{"new duplicate key", "a: 1\n", "a: 1\na: 2\n", "new version: "},
		{"NUL byte", "a: 1\n", "a: \x00\n", "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := YAML([]byte(tt.old), []byte(tt.new))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestDiffBothAbsent(t *testing.T) {
	if cs := Diff(nil, nil); cs != nil {
		t.Errorf("got %+v, want nothing", cs)
	}
}
