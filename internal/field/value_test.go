package field

import (
	"fmt"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

func TestValue(t *testing.T) {
	yes := true
	r := &record.Record{
		ID: "cam-markt", Kind: record.Sensor, Themes: []string{"safety"},
		Owner:      record.Owner{Role: "Teamleider"},
		Location:   &record.Location{Description: "Markt", Mobile: true},
		DPIA:       &record.DPIA{Status: "done", Public: &yes},
		Decisions:  []record.Decision{{Body: "college"}},
		Evaluation: record.Evaluation{},
	}
	tests := []struct {
		path string
		want any
		ok   bool
	}{
		{"id", "cam-markt", true},
		{"owner.role", "Teamleider", true},
		{"owner.email", nil, false}, // empty text
		{"location.description", "Markt", true},
		{"location.mobile", true, true},
		{"location.area", nil, false},
		{"dpia.public", true, true},    // a *bool, read through
		{"risks.stacking", nil, false}, // a missing structure
		{"themes", []string{"safety"}, true},
		{"capabilities", nil, false}, // an empty list
		{"evaluation.interval", nil, false},
		{"owner", nil, false}, // a group has no value of its own
	}
	for _, tt := range tests {
		f, ok := Lookup(tt.path)
		if !ok {
			t.Fatalf("no row %s", tt.path)
		}
		got, ok := f.Value(r)
		if ok != tt.ok {
			t.Errorf("%s: ok %v, want %v", tt.path, ok, tt.ok)
			continue
		}
		if ok && fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s = %v, want %v", tt.path, got, tt.want)
		}
	}
	d, _ := Lookup("decisions")
	if v, ok := d.Value(r); !ok || len(v.([]record.Decision)) != 1 {
		t.Errorf("decisions = %v, %v", v, ok)
	}
}

// Every leaf row reads the model's field: a row whose path the model does
// not have would show nothing, and no test would say why.
func TestEveryLeafHasAValue(t *testing.T) {
	for _, f := range All {
		if f.Leaf() {
			if _, ok := leaves()[f.Path]; !ok {
				t.Errorf("row %s: the model has no such field", f.Path)
			}
		}
	}
}

func TestNeedApplies(t *testing.T) {
	yes, no := true, false
	camera := &record.Record{Kind: record.Sensor, SensorType: "camera", PersonalData: record.PersonalData{Processed: "yes"}}
	meter := &record.Record{Kind: record.Sensor, SensorType: "air_quality", PersonalData: record.PersonalData{Processed: "no"}}
	affects := &record.Record{Kind: record.Algorithm, AffectsIndividuals: &yes, PersonalData: record.PersonalData{Processed: "no"}}
	general := &record.Record{Kind: record.Algorithm, AffectsIndividuals: &no, PersonalData: record.PersonalData{Processed: "no"}}
	tests := []struct {
		need Need
		r    *record.Record
		want bool
	}{
		{Optional, camera, false},
		{Always, meter, true},
		{IfPersonal, camera, true},
		{IfPersonal, meter, false},
		{IfAffects, affects, true},
		{IfAffects, general, false},
		{IfAffects, camera, false},
		{IfAlgorithm, general, true},
		{IfAlgorithm, meter, false},
		{IfRegime, camera, true},
		{IfRegime, meter, false},
	}
	for i, tt := range tests {
		if got := tt.need.Applies(tt.r); got != tt.want {
			t.Errorf("%d: need %d for %+v = %v, want %v", i, tt.need, tt.r.SensorType, got, tt.want)
		}
	}
}
