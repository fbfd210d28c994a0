package fielddiff

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
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

// A version that does not read gives which one, and where and what the
// reader found, as parts worded in either language when shown.
func TestYAMLErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		version        Version
		line, column   int
		en, nl         string
	}{
		{"old syntax error", "a: [\n", "a: 1\n", OldVersion, 1, 4,
			"old version: line 1, column 4: YAML syntax error: did not find expected node content",
			"oude versie: regel 1, kolom 4: YAML-syntaxfout: hier werd een waarde verwacht"},
		{"new duplicate key", "a: 1\n", "a: 1\na: 2\n", NewVersion, 2, 1,
			`new version: line 2, column 1: key "a" appears more than once in this mapping`,
			`nieuwe versie: regel 2, kolom 1: sleutel "a" komt meer dan eens voor in deze mapping`},
		{"NUL byte", "a: 1\n", "a: \x00\n", NewVersion, 1, 4,
			"new version: line 1, column 4: file contains a NUL byte",
			"nieuwe versie: regel 1, kolom 4: bestand bevat een NUL-byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := YAML([]byte(tt.old), []byte(tt.new))
			var u *Unreadable
			if !errors.As(err, &u) {
				t.Fatalf("err = %v, want an *Unreadable", err)
			}
			if u.Version != tt.version || len(u.Found) != 1 || u.Found[0].Line != tt.line || u.Found[0].Column != tt.column {
				t.Errorf("got %+v, want the %s version at %d:%d", u, tt.version, tt.line, tt.column)
			}
			if got := u.In("en"); got != tt.en || err.Error() != tt.en {
				t.Errorf("in English: %q (Error %q), want %q", got, err.Error(), tt.en)
			}
			if got := u.In("nl"); got != tt.nl {
				t.Errorf("in Dutch: %q, want %q", got, tt.nl)
			}
		})
	}
}

// A reason with nothing found, or a position only in part, reads without
// what is not known.
func TestUnreadableWithoutPosition(t *testing.T) {
	for _, tt := range []struct {
		u      Unreadable
		en, nl string
	}{
		{Unreadable{Version: OldVersion}, "old version: not readable YAML", "oude versie: geen leesbare YAML"},
		{Unreadable{Version: NewVersion, Found: []Found{{Message: label.Text{"bestand is leeg", "file is empty"}}}},
			"new version: file is empty", "nieuwe versie: bestand is leeg"},
		{Unreadable{Version: NewVersion, Found: []Found{{Line: 3, Message: label.Text{"", "only English"}}}},
			"new version: line 3: only English", "nieuwe versie: regel 3: only English"},
	} {
		if got := tt.u.In("en"); got != tt.en {
			t.Errorf("%+v in English: %q, want %q", tt.u, got, tt.en)
		}
		if got := tt.u.In("nl"); got != tt.nl {
			t.Errorf("%+v in Dutch: %q, want %q", tt.u, got, tt.nl)
		}
	}
}

func TestDiffBothAbsent(t *testing.T) {
	if cs := Diff(nil, nil); cs != nil {
		t.Errorf("got %+v, want nothing", cs)
	}
}
