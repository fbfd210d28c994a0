package config

import (
	"testing"
)

func TestSettings(t *testing.T) {
	file := map[string]any{
		"Site":                 map[string]any{"Title": "Register van Dorp", "base_url": nil},
		"languages":            "en nl",
		"due_within":           "P30D",
		"limits.exception_max": "P6M", // a key that holds the dots itself
		"evaluation":           map[string]any{"intervals": map[string]any{"Camera": "P2Y"}},
	}
	env := map[string]string{"REGISTER_DUE_WITHIN": "P14D", "REGISTER_SITE_CONTACT_EMAIL": ""}
	s := newSettings(file, false)
	s.env = func(k string) (string, bool) { v, ok := env[k]; return v, ok }

	tests := []struct {
		key, want string
	}{
		{"site.title", "Register van Dorp"},         // keys match without regard to case
		{"site.base_url", ""},                       // null in the file: the default
		{"site.contact_email", ""},                  // an empty variable sets nothing
		{"due_within", "P14D"},                      // the environment over the file
		{"limits.exception_max", "P6M"},             // a dotted key at the top
		{"limits.data_sharing_max", "P3Y"},          // not in the file: the default
		{"plain_language.max_sentence_words", "25"}, // a number default as text
		{"open_data.licence", DefaultLicence},
	}
	for _, tt := range tests {
		if got := s.GetString(tt.key); got != tt.want {
			t.Errorf("GetString(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
	if got := s.GetStringSlice("languages"); len(got) != 2 || got[0] != "en" {
		t.Errorf("languages = %q, want [en nl]", got)
	}
	if !s.InConfig("languages") || s.InConfig("site.base_url") || s.InConfig("organisation") {
		t.Error("InConfig does not tell what the file sets")
	}
	if got, _, err := s.GetStringMapString("evaluation.intervals"); err != nil || len(got) != 1 || len(got[0]) != 1 || got[0]["camera"].Text != "P2Y" {
		t.Errorf("evaluation.intervals = %v, want the file's, its keys lower-cased", got)
	}
	if got := EnvName("site.show_commit_authors"); got != "REGISTER_SITE_SHOW_COMMIT_AUTHORS" {
		t.Errorf("EnvName = %s", got)
	}
}

func TestSettingsBool(t *testing.T) {
	for v, want := range map[any]bool{true: true, false: false, "true": true, "1": true, "nee": false, nil: false} {
		s := newSettings(map[string]any{"site": map[string]any{"show_commit_authors": v}}, false)
		if got := s.GetBool("site.show_commit_authors"); got != want {
			t.Errorf("GetBool(%v) = %v, want %v", v, got, want)
		}
	}
}

// REGISTER_EVALUATION_INTERVALS is one JSON object and nothing after it.
func TestTheIntervalsVariableIsOneJSONObject(t *testing.T) {
	for v, ok := range map[string]bool{`{"camera": "P1Y"}`: true, ` {"camera": "P1Y"} ` + "\n": true, `{"camera": "P1Y"}}`: false,
		`{"camera": "P1Y"} {}`: false, `{"camera": "P1Y"} x`: false, `["P1Y"]`: false, `null`: true} {
		s := settings{env: func(string) (string, bool) { return v, true }}
		if _, _, err := s.GetStringMapString("evaluation.intervals"); (err == nil) != ok {
			t.Errorf("%q: error %v", v, err)
		}
	}
}
