package publish_test

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// TestDueShownHidesDatesWorkedOutOfWithheldFields: that a date falls due
// is public unless the record withholds its status, a field the date is
// worked out of, or a field its text names; the site and the public packet
// ask this one rule.
func TestDueShownHidesDatesWorkedOutOfWithheldFields(t *testing.T) {
	tests := []struct {
		what     lifecycle.What
		withheld []string
		want     bool
		status   string // active unless set
	}{
		{lifecycle.Evaluation, nil, true, ""},
		{lifecycle.Evaluation, []string{"supplier.name"}, true, ""},
		{lifecycle.Evaluation, []string{"status"}, false, ""},
		{lifecycle.Evaluation, []string{"evaluation.last"}, false, ""},
		{lifecycle.Evaluation, []string{"lifecycle.start"}, false, ""},
		// The interval is picked by the sensor type.
		{lifecycle.Evaluation, []string{"sensor_type"}, false, ""},
		{lifecycle.Lifecycle, nil, true, ""},
		{lifecycle.Lifecycle, []string{"lifecycle.end"}, false, ""},
		{lifecycle.Lifecycle, []string{"lifecycle"}, false, ""},
		{lifecycle.Lifecycle, []string{"lifecycle.extension_criteria"}, true, ""},
		{lifecycle.Lifecycle, []string{"status"}, false, ""},
		// A planned record runs by its own dates: that its life cycle
		// ended while it runs rests on them too.
		{lifecycle.Lifecycle, []string{"data_sharing"}, true, ""},
		{lifecycle.Lifecycle, []string{"data_sharing"}, false, "planned"},
		{lifecycle.Lifecycle, []string{"incidents"}, false, "planned"},
		{lifecycle.Lifecycle, []string{"lifecycle.start"}, false, "in_development"},
		{lifecycle.Lifecycle, []string{"evaluation"}, false, "planned"},
		{lifecycle.Lifecycle, []string{"supplier"}, true, "planned"},
		{lifecycle.Exception, nil, true, ""},
		{lifecycle.Exception, []string{"exceptions.until"}, false, ""},
		// The exception's text names its approver.
		{lifecycle.Exception, []string{"exceptions.approved_by"}, false, ""},
		{lifecycle.DataSharing, nil, true, ""},
		{lifecycle.DataSharing, []string{"data_sharing.party"}, false, ""},
		{lifecycle.AIAct, nil, true, ""},
		{lifecycle.AIAct, []string{"ai_act.category"}, false, ""},
		{lifecycle.AIAct, []string{"ai_act.fria"}, false, ""},
		{lifecycle.What("new-kind"), nil, false, ""},
	}
	for _, tt := range tests {
		status := tt.status
		if status == "" {
			status = "active"
		}
		r := &record.Record{ID: "cam", Kind: record.Sensor, Status: status, SensorType: "camera",
			Publication: &record.Publication{Withheld: tt.withheld}}
		if got := publish.DueShown(lifecycle.Item{Record: r, What: tt.what}); got != tt.want {
			t.Errorf("%s, %s, with %v withheld: shown = %v, want %v", tt.what, status, tt.withheld, got, tt.want)
		}
	}
}
