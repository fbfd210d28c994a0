package site

import (
	"cmp"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// The record page's evaluation state asks what the checklist and the due
// list ask (lifecycle.InUseOn): a suspended record's evaluation lapses as
// an active one's does, and so does that of a record labelled planned
// whose own dates show it in use; one not started, or retired, has none
// due; and it is not public where it rests on a withheld field.
func TestEvalStateFollowsWhetherTheEvaluationFallsDue(t *testing.T) {
	for _, tt := range []struct {
		status, last, want string
		withheld           string
		start              string // 2019-01-01 unless set
	}{
		{"active", "2020-01-01", "lapsed", "", ""},
		{"active", "2025-01-01", "ok", "", ""},
		{"suspended", "2020-01-01", "lapsed", "", ""},
		{"suspended", "2025-01-01", "ok", "", ""},
		{"planned", "2020-01-01", "lapsed", "", ""},
		{"in_development", "2020-01-01", "lapsed", "", ""},
		{"planned", "", "na", "", "2027-01-01"},
		{"in_development", "", "na", "", "2027-01-01"},
		{"planned", "", "na", "", "-"},
		{"retired", "2020-01-01", "na", "", ""},
		// Worked out of what is left, a record withholding its status
		// would read "not in use"; one withholding its last evaluation
		// or start would read "unknown".
		{"active", "2020-01-01", "withheld", "status", ""},
		{"active", "2020-01-01", "withheld", "evaluation.last", ""},
		{"active", "2020-01-01", "withheld", "lifecycle", ""},
		{"active", "2020-01-01", "lapsed", "owner.email", ""},
	} {
		start := cmp.Or(tt.start, "2019-01-01")
		if start == "-" {
			start = ""
		}
		r := &record.Record{ID: "r", Kind: record.Algorithm, Status: tt.status,
			Lifecycle: record.Lifecycle{Start: start}, Evaluation: record.Evaluation{Last: tt.last}}
		if tt.withheld != "" {
			r.Publication = &record.Publication{Withheld: []string{tt.withheld}, Reason: "Woo"}
		}
		reg := register.New(t.TempDir(), config.Default(), []*record.Record{r})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := b.evalState(r); got != tt.want {
			t.Errorf("%s, started %q, last evaluated %q, withholding %q: evaluation state %q, want %q", tt.status, start, tt.last, tt.withheld, got, tt.want)
		}
	}
}

// The published calendar leaves out every date of a record that withholds
// its status (that a date falls due says it is in use), and an
// evaluation's date where it rests on a withheld field.
func TestCalendarKeepsWhatTheStateRestsOn(t *testing.T) {
	for _, tt := range []struct {
		withheld            string
		evaluation, lifecyc bool // on the calendar
	}{
		{"", true, true},
		{"status", false, false},
		{"sensor_type", false, true},
	} {
		r := &record.Record{ID: "meter", Name: "Meter", Kind: record.Sensor, Status: "active", SensorType: "noise",
			Lifecycle: record.Lifecycle{Start: "2019-01-01", End: "2027-01-01"}, Evaluation: record.Evaluation{Last: "2020-01-01"}}
		if tt.withheld != "" {
			r.Publication = &record.Publication{Withheld: []string{tt.withheld}, Reason: "Woo"}
		}
		r.File = "sensors/meter.yaml"
		out, _ := build(t, register.New(t.TempDir(), config.Default(), []*record.Record{r}), Options{})
		ics := read(t, out, "due.ics")
		if got := strings.Contains(ics, "UID:meter-evaluation@"); got != tt.evaluation {
			t.Errorf("withholding %q, the evaluation on the calendar: %v, want %v", tt.withheld, got, tt.evaluation)
		}
		if got := strings.Contains(ics, "UID:meter-lifecycle@"); got != tt.lifecyc {
			t.Errorf("withholding %q, the end of the life cycle on the calendar: %v, want %v", tt.withheld, got, tt.lifecyc)
		}
	}
}
