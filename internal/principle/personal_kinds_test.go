package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// legalErrors runs every rule on the record and returns the legal errors
// by rule.
func legalErrors(t *testing.T, text string) map[string]finding.Finding {
	t.Helper()
	fx := newFixture(t, nil, text)
	got := map[string]finding.Finding{}
	for _, f := range Run(fx.reg, Options{Today: day(testToday)}) {
		if f.Severity == finding.Error && !f.Law.IsZero() {
			got[f.Rule] = f
		}
	}
	return got
}

// TestPersonalByNatureHoldsForEveryKind: reading licence plates, tracking
// devices or recognising faces processes personal data whichever kind of
// record states the capability (GDPR art. 4(1)); an algorithm that reads
// licence plates and says it processes none still needs a lawful ground
// and a DPIA, and is told its personal_data.processed is wrong.
func TestPersonalByNatureHoldsForEveryKind(t *testing.T) {
	const base = "id: a\nkind: algorithm\nstatus: active\nrole: decision_support\norganisation: {type: municipality}\npersonal_data: {processed: \"no\"}\nretention: P10Y\n"
	for _, tt := range []struct {
		name, capability string
		want             []string
	}{
		{"licence plates", "licence_plate_recognition", []string{"legal-basis", "dpia-required", "personal-data-inferred"}},
		{"device tracking", "device_tracking", []string{"legal-basis", "dpia-required", "personal-data-inferred"}},
		{"faces", "face_recognition", []string{"legal-basis", "dpia-required", "personal-data-inferred"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := legalErrors(t, base+"capabilities: ["+tt.capability+"]\n")
			for _, id := range tt.want {
				f, ok := got[id]
				if !ok {
					t.Errorf("no legal error of %s; got %v", id, got)
					continue
				}
				if !containsInOrder(f.Message.In("en"), tt.capability) {
					t.Errorf("%s does not say why: %q", id, f.Message.In("en"))
				}
				if containsInOrder(f.Message.In("en"), "sensor") || containsInOrder(f.Message.In("nl"), "sensor") {
					t.Errorf("%s calls the algorithm a sensor: %q / %q", id, f.Message.In("en"), f.Message.In("nl"))
				}
			}
		})
	}
	t.Run("an algorithm without such a capability", func(t *testing.T) {
		if got := legalErrors(t, base+"capabilities: [vehicle_counting]\n"); len(got) != 0 {
			t.Errorf("want no legal errors, got %v", got)
		}
	})
}

// TestPersonalByOwnFieldsHoldsForEveryKind: an algorithm whose datasets
// hold personal data, or whose categories name licence plates or a special
// category, processes personal data whatever personal_data.processed says
// (fail closed, GDPR art. 4(1)): it is told processed "no" is wrong, and
// the lawful ground, the DPIA and, for a decision on its own, the human
// intervention of art. 22 follow. Datasets that hold none leave it be.
func TestPersonalByOwnFieldsHoldsForEveryKind(t *testing.T) {
	const base = "id: a\nkind: algorithm\nstatus: active\norganisation: {type: municipality}\nretention: P5Y\naffects_individuals: false\n"
	const decides = "role: automated_decision\n"
	const plates = "role: decision_support\n"
	for _, tt := range []struct {
		name, yaml, why, waarom string
		want                    []string
	}{
		{"a decision on datasets of personal data", base + decides + "personal_data: {processed: \"no\"}\ndatasets:\n  - {name: Suwinet, personal_data: true}\n  - {name: Basisregistratie Personen (BRP), personal_data: true}\n",
			`dataset "Suwinet"`, `gegevensbron "Suwinet"`, []string{"personal-data-inferred", "legal-basis", "dpia-required", "human-oversight"}},
		{"licence plates among the categories", base + plates + "personal_data: {processed: \"no\", categories: [\"Kentekens en locatie van geparkeerde auto's\"]}\n",
			`"kenteken"`, `"kenteken"`, []string{"personal-data-inferred", "legal-basis"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := legalErrors(t, tt.yaml)
			for _, id := range tt.want {
				f, ok := got[id]
				if !ok {
					t.Errorf("no legal error of %s; got %v", id, got)
					continue
				}
				if containsInOrder(f.Message.In("en"), "sensor") || containsInOrder(f.Message.In("nl"), "sensor") {
					t.Errorf("%s calls the algorithm a sensor: %q / %q", id, f.Message.In("en"), f.Message.In("nl"))
				}
			}
			if f, ok := got["personal-data-inferred"]; ok {
				if !containsInOrder(f.Message.In("en"), tt.why+"…GDPR art. 4(1)") || !containsInOrder(f.Message.In("nl"), tt.waarom+"…AVG art. 4 lid 1") {
					t.Errorf("the contradiction does not say why: %q / %q", f.Message.In("en"), f.Message.In("nl"))
				}
				if containsInOrder(f.Message.In("en"), "images, sound") {
					t.Errorf("the contradiction speaks of what a sensor picks up: %q", f.Message.In("en"))
				}
			}
		})
	}
	t.Run("datasets of no personal data", func(t *testing.T) {
		if got := legalErrors(t, base+decides+"personal_data: {processed: \"no\"}\ndatasets:\n  - {name: Wegenkaart, personal_data: false}\n"); len(got) != 0 {
			t.Errorf("want no legal errors, got %v", got)
		}
	})
}
