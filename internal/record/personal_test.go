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

// TestPersonalByNatureOfEveryKind: a capability that processes personal
// data by its nature does so whichever kind of record states it; the
// sensor's type and camera regime are a sensor's alone.
func TestPersonalByNatureOfEveryKind(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    Record
		why  string
	}{
		{"algorithm reading licence plates", Record{Kind: Algorithm, Capabilities: []string{"vehicle_counting", "licence_plate_recognition"}}, "licence_plate_recognition"},
		{"algorithm tracking devices", Record{Kind: Algorithm, Capabilities: []string{"device_tracking"}}, "device_tracking"},
		{"sensor reading licence plates", Record{Kind: Sensor, Capabilities: []string{"licence_plate_recognition"}}, "licence_plate_recognition"},
		{"ANPR camera", Record{Kind: Sensor, SensorType: "anpr_camera"}, "anpr_camera"},
		{"algorithm counting vehicles", Record{Kind: Algorithm, Capabilities: []string{"vehicle_counting"}}, ""},
		{"algorithm with a sensor's type", Record{Kind: Algorithm, SensorType: "anpr_camera"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.PersonalData.Processed = "no" // what the record says does not decide
			why, ok := tt.r.PersonalByNature()
			if ok != (tt.why != "") || why != tt.why {
				t.Errorf("PersonalByNature() = %q, %v; want %q", why, ok, tt.why)
			}
			if got := tt.r.ProcessesPersonalData(); got != (tt.why != "") {
				t.Errorf("ProcessesPersonalData() = %v", got)
			}
		})
	}
}
