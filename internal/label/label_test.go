package label

import "testing"

func TestWords(t *testing.T) {
	tests := []struct{ got, want string }{
		{Value("nl", "status", "active"), "In gebruik"},
		{Value("en", "status", "active"), "In use"},
		{Value("nl", "sensor_type", "anpr_camera"), "ANPR-camera (kentekenherkenning)"},
		{Value("nl", "status", "eigen-waarde"), "eigen-waarde"},
		{Value("nl", "assessments.type", "risk_analysis"), "Risicoanalyse"},
		{Date("nl", "2025-03-01"), "1 maart 2025"},
		{Date("en", "2025-03-01"), "1 March 2025"},
		{Date("nl", "binnenkort"), "binnenkort"},
		{Duration("nl", "P28D"), "28 dagen"},
		{Duration("en", "P1Y"), "1 year"},
		{Duration("nl", "P1Y6M"), "1 jaar en 6 maanden"},
		{Duration("nl", "not_stored"), "not_stored"},
		// Hours, minutes and seconds are all told: none is dropped.
		{Duration("nl", "PT15M"), "15 minuten"},
		{Duration("en", "PT1H30M"), "1 hour and 30 minutes"},
		{Duration("nl", "P1DT1H1M1S"), "1 dag, 1 uur, 1 minuut en 1 seconde"},
		{Duration("en", "PT45S"), "45 seconds"},
		{Duration("nl", "P0D"), "0 dagen"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// Every value of the glossary's table has both languages.
func TestNoEmptyLabels(t *testing.T) {
	for f, vs := range values {
		for v, l := range vs {
			if l[0] == "" || l[1] == "" {
				t.Errorf("value %s=%s: %q", f, v, l)
			}
		}
	}
}

func TestText(t *testing.T) {
	yes := Text{"Ja", "Yes"}
	tests := []struct{ lang, want string }{
		{"nl", "Ja"}, {"en", "Yes"},
		// Anything but "en" reads Dutch, the register's first language.
		{"", "Ja"}, {"EN", "Ja"}, {"fr", "Ja"}, {"en-GB", "Ja"},
	}
	for _, tt := range tests {
		if got := yes.In(tt.lang); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	// A pair written as [2]string is a Text.
	var pair [2]string = yes
	if Text(pair).In("en") != "Yes" {
		t.Error("a [2]string does not read as a Text")
	}
}

func TestTextIsZero(t *testing.T) {
	tests := []struct {
		text Text
		want bool
	}{
		{Text{}, true},
		{Text{"", ""}, true},
		{Text{"AVG art. 13", "GDPR art. 13"}, false},
		{Text{"alleen Nederlands", ""}, false},
		{Text{"", "English only"}, false},
	}
	for _, tt := range tests {
		if got := tt.text.IsZero(); got != tt.want {
			t.Errorf("%q.IsZero() = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTextAppend(t *testing.T) {
	tests := []struct{ t, u, want Text }{
		{Text{"Geen borden.", "no signs"}, Text{" (AVG art. 13)", " (GDPR art. 13)"}, Text{"Geen borden. (AVG art. 13)", "no signs (GDPR art. 13)"}},
		// A language without words stays without, until words come.
		{Text{"", "no signs"}, Text{"", "; see the sign"}, Text{"", "no signs; see the sign"}},
		{Text{}, Text{"Ja", "Yes"}, Text{"Ja", "Yes"}},
	}
	for _, tt := range tests {
		if got := tt.t.Append(tt.u); got != tt.want {
			t.Errorf("%q.Append(%q) = %q, want %q", tt.t, tt.u, got, tt.want)
		}
	}
}
