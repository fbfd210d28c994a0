package record

import "testing"

// TestPersonalBySign: what a sensor says it processes makes it personal
// data, at the start of a word of its categories or by a measure that only
// exists for identifiers; an algorithm, and a word inside another, do not.
func TestPersonalBySign(t *testing.T) {
	tests := []struct {
		name     string
		rec      Record
		why      string // "" for none
		personal bool   // ProcessesPersonalData, with processed: no
	}{
		{"a MAC address", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"MAC-adres van telefoons"}}},
			`"mac-adres" in personal_data.categories`, true},
		{"wifi after a hyphen", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"Gehashte wifi-signalen"}}},
			`"wifi" in personal_data.categories`, true},
		{"a rotating salt", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no"}, Minimisation: &Minimisation{Measures: []string{"aggregation_only", "hashing_rotating_salt"}}},
			"minimisation.measures hashing_rotating_salt", true},
		{"words inside other words", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"Surface temperature", "Macro-gegevens"}}}, "", false},
		{"an algorithm with plates", Record{Kind: Algorithm, PersonalData: PersonalData{Processed: "no", Categories: []string{"Kenteken"}}}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			why, ok := tt.rec.PersonalBySign()
			if why != tt.why || ok != (tt.why != "") {
				t.Errorf("PersonalBySign = %q, %v; want %q", why, ok, tt.why)
			}
			if got := tt.rec.ProcessesPersonalData(); got != tt.personal {
				t.Errorf("ProcessesPersonalData = %v, want %v", got, tt.personal)
			}
		})
	}
	if r := (Record{Kind: Sensor, PersonalData: PersonalData{Categories: []string{"Kentekens"}}}); !r.HasSign(SignPlates) || r.HasSign(SignDevice) {
		t.Error("HasSign does not tell plates from devices")
	}
}
