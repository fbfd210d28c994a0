package record

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestKindOfFile(t *testing.T) {
	for file, want := range map[string]Kind{
		"sensors/cam.yaml": Sensor, "algorithms/a.yml": Algorithm,
		"register.yaml": "", "README.md": "", "sensors/sub/x.yaml": "", "sensors/README.md": "", "examples/x.yaml": "", "": "",
	} {
		got, ok := KindOfFile(file)
		if got != want || ok != (want != "") {
			t.Errorf("KindOfFile(%q) = %q, %v", file, got, ok)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{"cam-markt": true, "a1": true, "a": false, "Cam": false, "-cam": false, "../x": false, "cam_markt": false} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

// ValidID is the schema's pattern for a slug, which the schema validates
// ids by: every id one accepts, the other does, around each edge of the
// rule (length, first character, every byte).
func TestValidIDIsTheSchemasSlug(t *testing.T) {
	raw, err := os.ReadFile("../../schema/common.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs struct {
			Slug struct{ Pattern string } `json:"slug"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil || schema.Defs.Slug.Pattern == "" {
		t.Fatalf("no slug pattern in the schema: %v", err)
	}
	rule := regexp.MustCompile(schema.Defs.Slug.Pattern)
	ids := []string{"", "cam-markt", "x-", "--", "0-0"}
	for n := 0; n <= 65; n++ {
		ids = append(ids, strings.Repeat("a", n), "-"+strings.Repeat("a", n), strings.Repeat("a", n)+"\n")
	}
	for c := range 256 {
		for _, id := range []string{string(rune(c)) + "a", "a" + string(rune(c)), "ab" + string([]byte{byte(c)})} {
			ids = append(ids, id)
		}
	}
	ids = append(ids, "caf\u00e9", "\uff43am", "cam\x00")
	for _, id := range ids {
		if got, want := ValidID(id), rule.MatchString(id); got != want {
			t.Errorf("ValidID(%q) = %v, the schema's pattern says %v", id, got, want)
		}
	}
}

func TestCheckID(t *testing.T) {
	tests := []struct {
		id  string
		ok  bool
		why string
	}{
		{"cam-stationsplein", true, ""},
		{"a1", true, ""},
		{"0-9", true, ""},
		{"trailing-", true, ""},
		{strings.Repeat("a", 63), true, ""},
		{"", false, "it is empty"},
		{"a", false, "it is too short"},
		{strings.Repeat("a", 64), false, "it is 64 characters long"},
		{"-cam", false, "it starts with a hyphen"},
		{"Cam-Markt", false, "it has capital letters"},
		{"cam_markt", false, `it contains '_'`},
		{"cam markt", false, `it contains ' '`},
		{"cam.yaml", false, `it contains '.'`},
		{"../etc", false, `it contains '.'`},
		{"sub/dir", false, `it contains '/'`},
		{"café", false, `it contains 'é'`},
		{strings.Repeat("é", 40), false, `it contains 'é'`},
		{"tab\there", false, `it contains '\t'`},
		{"\xff\xfe", false, "it contains '\ufffd'"},
		// A name Windows keeps for a device, with any extension.
		{"nul", false, "it is a name Windows keeps for a device, so a repository with its file cannot be checked out there"},
		{"con", false, "it is a name Windows keeps for a device, so a repository with its file cannot be checked out there"},
		{"com1", false, "it is a name Windows keeps for a device, so a repository with its file cannot be checked out there"},
		{"lpt9", false, "it is a name Windows keeps for a device, so a repository with its file cannot be checked out there"},
		{"com10", true, ""},
		{"console", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			err := CheckID(tt.id)
			if tt.ok {
				if err != nil {
					t.Fatalf("CheckID(%q) = %v, want nil", tt.id, err)
				}
				return
			}
			var ie *IDError
			if !errors.As(err, &ie) {
				t.Fatalf("CheckID(%q) = %v, want an *IDError", tt.id, err)
			}
			if ie.Why != tt.why {
				t.Errorf("Why = %q, want %q", ie.Why, tt.why)
			}
			if !strings.Contains(err.Error(), "lower-case letters a-z, digits and hyphens") {
				t.Errorf("error %q does not state the rule", err)
			}
			if nl := ie.In("nl"); !strings.Contains(nl, "is geen geldig id: het ") || !strings.Contains(nl, "kleine letters a-z, cijfers en koppeltekens") {
				t.Errorf("Dutch %q does not say what is wrong and state the rule", nl)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Camera's Grote Markt", "cameras-grote-markt"},
		{"Geluidmeter  Café 't Hoekje (terras)", "geluidmeter-cafe-t-hoekje-terras"},
		{"Überwachung — Straße 5", "uberwachung-strae-5"},
		{"--Teller--", "teller"},
		{"A", ""},
		{"€€€", ""},
		{strings.Repeat("verkeersteller ", 10), "verkeersteller-verkeersteller-verkeersteller-verkeersteller"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
