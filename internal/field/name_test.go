package field

import (
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	tests := []struct{ lang, path, want string }{
		{"nl", "", "Hele registratie"},
		{"en", "", "Whole record"},
		{"nl", "/purpose", "Doel en impact"},
		{"nl", "purpose", "Doel en impact"},
		{"nl", "/lifecycle/end", "Looptijd: einde"},
		{"en", "lifecycle.end", "Life cycle: end"},
		{"nl", "/lifecycle", "Looptijd"},
		{"nl", "/decisions/1", "Besluiten 2"},
		{"nl", "decisions.1", "Besluiten 2"},
		{"nl", "/decisions/0/date", "Besluiten 1 › date"},
		{"nl", "/decisions/0/documents/2", "Besluiten 1 › documents › 3"},
		{"nl", "/risks/stacking", "Stapeling met andere systemen"},
		{"en", "/owner/email", "Email"},
		{"nl", "/owner", "Verantwoordelijke"},
		{"nl", "/location/point/lat", "Punt (WGS84) › lat"},
		// Hostile or unknown paths are shown as they are, unescaped.
		{"nl", "/x-custom/a~1b", "x-custom › a/b"},
		{"nl", "/x~0y", "x~y"},
		{"nl", "/decisions/-1", "Besluiten › -1"},
		{"nl", "/decisions/9999999999", "Besluiten › 9999999999"},
		{"nl", "/0", "0"},
		{"nl", "/", ""},
		{"xx", "/owner/email", "E-mail"},
	}
	for _, tt := range tests {
		if got := Name(tt.lang, tt.path); got != tt.want {
			t.Errorf("Name(%s, %q) = %q, want %q", tt.lang, tt.path, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	tests := []struct{ lang, path, want string }{
		{"nl", "decisions.1.date", "Besluiten"},
		{"nl", "/decisions/1/date", "Besluiten"},
		{"nl", "lifecycle.end", "Looptijd: einde"},
		{"en", "owner.email", "Email"},
		{"nl", "location.point.lat", "Punt (WGS84)"},
		{"nl", "x-custom.a", "x-custom"},
		{"nl", "", "Hele registratie"},
	}
	for _, tt := range tests {
		if got := Nearest(tt.lang, tt.path); got != tt.want {
			t.Errorf("Nearest(%s, %q) = %q, want %q", tt.lang, tt.path, got, tt.want)
		}
	}
}

func TestBare(t *testing.T) {
	tests := []struct{ path, want string }{
		{"decisions.1.date", "decisions.date"},
		{"owner.email", "owner.email"},
		{"datasets.0", "datasets"},
		{"0.1", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Bare(tt.path); got != tt.want {
			t.Errorf("Bare(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// Every standalone label names a field of the table, in both languages.
func TestStandaloneNamesFields(t *testing.T) {
	for path, l := range standalone {
		if _, ok := Lookup(path); !ok {
			t.Errorf("standalone label for %q, which the table does not have", path)
		}
		if strings.TrimSpace(l[0]) == "" || strings.TrimSpace(l[1]) == "" {
			t.Errorf("standalone label for %q lacks a language: %q", path, l)
		}
	}
	for _, f := range All {
		got, ok := Standalone("en", f.Path)
		if want, wok := Label("en", f.Path); ok != wok || (standalone[f.Path][1] == "" && got != want) {
			t.Errorf("Standalone(en, %s) = %q, %v; the table gives %q, %v", f.Path, got, ok, want, wok)
		}
	}
}
