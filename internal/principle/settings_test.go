package principle

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
)

// Every setting of the checklist is known to bear on some records, so that
// a municipality's change to it is shown on their pages; a setting added to
// the configuration without a line here fails.
func TestEverySettingIsReadBySomeRule(t *testing.T) {
	for _, key := range config.SettingKeys() {
		_, read := settingRules[key]
		if !read && !slices.Contains(everyRecord, key) && key != "evaluation.default_interval" {
			t.Errorf("setting %s: no rule reads it (settingRules) and it bears on no record", key)
		}
	}
	for key, ids := range settingRules {
		if !slices.Contains(config.SettingKeys(), key) {
			t.Errorf("settingRules names %s, which is no setting of the checklist", key)
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				t.Errorf("settingRules: %s names rule %s, which does not exist", key, id)
			}
		}
	}
}

func TestASettingConcernsTheRecordsItBearsOn(t *testing.T) {
	publicOrder := &record.Record{Kind: record.Sensor, SensorType: "camera", CameraRegime: "public_order", Status: "active"}
	noise := &record.Record{Kind: record.Sensor, SensorType: "noise", Status: "active"}
	algorithm := &record.Record{Kind: record.Algorithm, Status: "active"}
	ownInterval := &record.Record{Kind: record.Sensor, SensorType: "camera", CameraRegime: "public_order", Status: "active",
		Evaluation: record.Evaluation{Interval: "P6M"}}
	def := config.Default()
	unset := config.Default()
	delete(unset.Evaluation.Intervals, "public_order")
	tests := []struct {
		name string
		key  string
		r    *record.Record
		cfg  *config.Config
		want bool
	}{
		{"a regime's interval, its camera", "evaluation.intervals.public_order", publicOrder, def, true},
		{"a regime's interval, another sensor", "evaluation.intervals.public_order", noise, def, false},
		{"a regime's interval, an algorithm", "evaluation.intervals.public_order", algorithm, def, false},
		{"a regime's interval unset: its camera moved to the default", "evaluation.intervals.public_order", publicOrder, unset, true},
		{"the default interval: a record without a class of its own", "evaluation.default_interval", noise, def, true},
		{"the default interval: a camera with an interval by regime", "evaluation.default_interval", publicOrder, def, false},
		// A record with its own interval is held to the setting
		// (evaluation-lapsed compares them): it concerns it too.
		{"a record's own interval is held to the setting", "evaluation.intervals.public_order", ownInterval, def, true},
		{"the camera limit, a camera", "limits.camera_lifecycle_max", publicOrder, def, true},
		{"the camera limit, an algorithm", "limits.camera_lifecycle_max", algorithm, def, false},
		{"how soon is near, any record", "due_within", algorithm, def, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Concerns(tt.key, tt.r, tt.cfg); got != tt.want {
				t.Errorf("Concerns(%s) = %v, want %v", tt.key, got, tt.want)
			}
		})
	}
}
