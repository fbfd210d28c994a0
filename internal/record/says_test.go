package record

import "testing"

// A text says something when it has a letter or digit; it answers when
// it says more than that a value is yet to come or does not apply.
func TestSaysAndAnswers(t *testing.T) {
	for _, tt := range []struct {
		text          string
		says, answers bool
	}{
		{"", false, false},
		{"  \n\t", false, false},
		{"-", false, false},
		{"...", false, false},
		{"?", false, false},
		{"\u200b\u00ad\u200e\u2060\ufeff", false, false},
		{"\u00a0", false, false},
		{"n.v.t.", true, false},
		{" N.V.T ", true, false},
		{"N/A", true, false},
		{"n.t.b.", true, false},
		{"Nog te bepalen", true, false},
		{"niet van toepassing", true, false},
		{"TBD", true, false},
		{"TODO", true, false},
		{"Onbekend", true, false},
		{"volgt later", true, false},
		{"Nog onbekend", true, false},
		{"nog niet van toepassing", true, false},
		{"nader te bepalen", true, false},
		{"p.m.", true, false},
		{"N.n.b.", true, false},
		{"unknown", true, true}, // a value of the record format's own
		{"nvt, want de camera neemt niet op", true, true},
		{"Geen", true, true},
		{"na zes weken", true, true},
		{"ñvt", true, true},
		{"nietvantoepassingx", true, true},
		{"0", true, true},
		{"Ja", true, true},
		{"一", true, true},
		{"٣", true, true},
	} {
		if got := Says(tt.text); got != tt.says {
			t.Errorf("Says(%q) = %v, want %v", tt.text, got, tt.says)
		}
		if got := Answers(tt.text); got != tt.answers {
			t.Errorf("Answers(%q) = %v, want %v", tt.text, got, tt.answers)
		}
	}
}
