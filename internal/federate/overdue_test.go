package federate

import (
	"slices"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// A member's part counts the lapsed evaluations the public may see: not
// one that rests on a field the record withholds (its status: the public
// view then has none, and its dates read as in use), as the member's own
// site shows none.
func TestPartQualityCountsOnlyOverdueThePublicSees(t *testing.T) {
	today := time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		status   string
		withheld []string
		want     int
	}{
		{"active", nil, 1},
		{"active", []string{"status"}, 0},
		{"retired", []string{"status"}, 0},
		{"active", []string{"evaluation"}, 0},
		{"active", []string{"supplier"}, 1},
	} {
		r := &record.Record{ID: "oud", Name: "Oud", Kind: record.Algorithm, Status: tt.status, File: "algorithms/oud.yaml",
			Lifecycle: record.Lifecycle{Start: "2018-01-01"}, Evaluation: record.Evaluation{Last: "2021-01-01", Interval: "P1Y"}}
		if tt.withheld != nil {
			r.Publication = &record.Publication{Withheld: tt.withheld, Reason: "Woo artikel 5.1"}
		}
		reg := register.New("", config.Default(), []*record.Record{r})
		if q := partQuality(reg, publish.Register(reg), nil, today); q.Overdue != tt.want {
			t.Errorf("%s withholding %v: %d overdue, want %d", tt.status, tt.withheld, q.Overdue, tt.want)
		}
	}
}

// A verdict the member's site keeps back (its rule reads a withheld
// field) counts in the national figures as neither a pass nor a fail: the
// record drops out of that principle's count, as its page says "not
// public" there. Left in as clean, the national site claimed the
// principle met.
func TestPartQualityLeavesAKeptBackVerdictOut(t *testing.T) {
	today := time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name      string
		withheld  []string
		clean, of int
	}{
		{"the verdict shown", nil, 0, 1},
		{"the verdict kept back", []string{"personal_data"}, 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &record.Record{ID: "teller", Name: "Teller", Kind: record.Sensor, Status: "active", File: "sensors/teller.yaml",
				SensorType: "crowd_counter", PersonalData: record.PersonalData{Processed: "yes"}}
			if tt.withheld != nil {
				r.Publication = &record.Publication{Withheld: tt.withheld, Reason: "Woo artikel 5.1"}
			}
			reg := register.New("", config.Default(), []*record.Record{r})
			fs := []finding.Finding{{File: r.File, Record: r.ID, Rule: "correction-route", Severity: finding.Warning}}
			q := partQuality(reg, publish.Register(reg), fs, today)
			for _, p := range q.Principles {
				if p.Principle != "C-correction-desk" {
					continue
				}
				if p.Clean != tt.clean || p.Of != tt.of {
					t.Errorf("C-correction-desk: %d clean of %d, want %d of %d", p.Clean, p.Of, tt.clean, tt.of)
				}
				return
			}
			t.Error("no figure for C-correction-desk")
		})
	}
}

// A sensor type or an AI Act category the record withholds is counted as
// not public, not as never stated: the record stated it.
func TestPartTalliesAWithheldValueAsNotPublic(t *testing.T) {
	withheld := &record.Publication{Withheld: []string{"sensor_type", "ai_act"}, Reason: "Woo artikel 5.1"}
	r := &record.Record{ID: "teller", Kind: record.Sensor, SensorType: "wifi_bluetooth_counter", Publication: withheld,
		AIAct: &record.AIAct{Category: "high_risk"}}
	blank := &record.Record{ID: "leeg", Kind: record.Sensor}
	reg := register.New("", config.Default(), []*record.Record{r, blank})
	pub := publish.Register(reg)
	p := &Part{SensorTypes: map[string]int{}, Capabilities: map[string]int{}, RiskGroups: map[string]int{}}
	for _, v := range pub.Register.Records {
		p.tally(v)
	}
	if p.SensorTypes[ValueWithheld] != 1 || p.SensorTypes[""] != 1 || p.RiskGroups[ValueWithheld] != 1 || p.RiskGroups[RiskNotStated] != 1 {
		t.Errorf("sensor types %v, risk groups %v; want one withheld and one not stated of each", p.SensorTypes, p.RiskGroups)
	}
	if l := counts("sensor_type", p.SensorTypes); !slices.ContainsFunc(l, func(c count) bool { return c.Value == ValueWithheld && c.Label == publish.NotPublicNL }) {
		t.Errorf("the counts do not call the withheld type not public: %+v", l)
	}
}
