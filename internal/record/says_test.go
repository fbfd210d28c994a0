package record

import "testing"

func TestSays(t *testing.T) {
	for _, tt := range []struct {
		text string
		says bool
	}{
		{"", false},
		{"  \n\t", false},
		{"-", false},
		{"...", false},
		{"?", false},
		{"\u200b\u00ad\u200e\u2060\ufeff", false},
		{"\u00a0", false},
		{"n.v.t.", true},
		{"0", true},
		{"Ja", true},
		{"一", true},
		{"٣", true},
	} {
		if got := Says(tt.text); got != tt.says {
			t.Errorf("Says(%q) = %v, want %v", tt.text, got, tt.says)
		}
	}
}
