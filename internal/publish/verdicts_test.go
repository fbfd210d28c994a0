package publish_test

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// A verdict that rests on a withheld field shows neither as a pass nor as
// a finding: a cross on "no live face recognition" tells the withheld
// capabilities, and so would a tick. Which verdicts are kept back follows
// from what the record withholds, never from what the rules found.
func TestVerdictsOnWithheldFieldsAreNotPublic(t *testing.T) {
	camera := func(withheld ...string) *record.Record {
		r := &record.Record{ID: "zz-f1", Kind: record.Sensor, Status: "active", SensorType: "air_quality",
			Capabilities: []string{"face_recognition", "environmental_measurement"},
			Vendor:       &record.Vendor{Manufacturer: "Hikvision", Model: "AirNode 3"},
			Incidents:    []record.Incident{{Type: "data_breach", Summary: "Lek"}}}
		if withheld != nil {
			r.Publication = withholding(withheld...)
		}
		return r
	}
	found := []finding.Finding{
		{Rule: "biometric-ban", Severity: finding.Error, Path: "/capabilities/0", Message: label.Text{"gezichtsherkenning", "face recognition"}},
		{Rule: "special-categories", Severity: finding.Error, Path: "/legal_basis", Message: label.Text{"herkent mensen aan hun lichaam", "recognises people by their bodies"}},
		{Rule: "breach-reported", Severity: finding.Error, Path: "/incidents/0/reported", Message: label.Text{"te laat gemeld", "reported late"}},
		{Rule: "supplier-watch", Severity: finding.Warning, Path: "/vendor/manufacturer", Message: label.Text{"op de lijst", "on the watch list"}},
		{Rule: "problem-and-alternatives", Severity: finding.Warning, Path: "/problem", Message: label.Text{"geen probleem", "no problem"}},
	}
	tests := []struct {
		name      string
		withheld  []string
		shown     []string // rules whose findings stay
		kept      []string // among the rules whose verdict is not public
		notKept   []string // and not among them
		wantEmpty bool     // nothing is kept back
	}{
		{name: "nothing withheld", shown: []string{"biometric-ban", "special-categories", "breach-reported", "supplier-watch", "problem-and-alternatives"}, wantEmpty: true},
		{name: "capabilities, vendor and incidents", withheld: []string{"vendor", "capabilities", "incidents"},
			shown:   []string{"problem-and-alternatives"},
			kept:    []string{"biometric-ban", "special-categories", "breach-reported", "supplier-watch", "dpia-required", "personal-data-inferred"},
			notKept: []string{"problem-and-alternatives", "owner-reachable"}},
		{name: "a sub-field", withheld: []string{"vendor.manufacturer"},
			shown: []string{"biometric-ban", "special-categories", "breach-reported", "problem-and-alternatives"},
			kept:  []string{"supplier-watch", "data-rights"}, notKept: []string{"biometric-ban"}},
		{name: "a field no rule reads", withheld: []string{"links"},
			shown: []string{"biometric-ban", "special-categories", "breach-reported", "supplier-watch", "problem-and-alternatives"}, wantEmpty: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := camera(tt.withheld...)
			p := publish.Register(register.New("", config.Default(), []*record.Record{r}))
			var shown []string
			for _, f := range p.Findings(r, found) {
				shown = append(shown, f.Rule)
			}
			if !slices.Equal(shown, tt.shown) {
				t.Errorf("findings shown of %v, want %v", shown, tt.shown)
			}
			hidden := p.Undisclosed(r, found)
			if tt.wantEmpty != (len(hidden) == 0) {
				t.Errorf("verdicts kept back: %v", hidden)
			}
			for _, id := range tt.kept {
				if !slices.Contains(hidden, id) {
					t.Errorf("the verdict of %s is shown; kept back are %v", id, hidden)
				}
			}
			for _, id := range tt.notKept {
				if slices.Contains(hidden, id) {
					t.Errorf("the verdict of %s is kept back, but rests on nothing withheld", id)
				}
			}
			// A published count of findings counts the same ones.
			for _, f := range found {
				if got := p.Discloses(r, f); got != slices.Contains(tt.shown, f.Rule) {
					t.Errorf("Discloses(%s) = %v, while the page shows %v", f.Rule, got, shown)
				}
			}
			// Had the rules found nothing, the same verdicts are kept
			// back: their list tells no pass from a fail.
			if clean := p.Undisclosed(r, nil); !slices.Equal(clean, hidden) {
				t.Errorf("kept back when nothing is found: %v, when something is: %v", clean, hidden)
			}
		})
	}
}

// A custom rule's verdict is kept back where its expressions read a field
// the record withholds; where they cannot be told to read only fields they
// name (the record used whole), or the rule does not compile, wherever the
// record withholds anything. A rule of the other kind says nothing.
func TestCustomRulesVerdictsFailClosed(t *testing.T) {
	cfg := config.Default()
	cfg.RulesCustom = []config.CustomRule{
		{ID: "drone-review", Kind: "sensor", When: `record.sensor_type == "drone"`, Require: "has(record.reviews)"},
		{ID: "whole-record", Kind: "sensor", Require: "record == record"},
		{ID: "no-require", Kind: "sensor"},
		{ID: "algo-only", Kind: "algorithm", Require: "has(record.reviews)"},
	}
	tests := []struct {
		withheld string
		want     []string
	}{
		{"vendor", []string{"whole-record", "no-require"}},
		{"sensor_type", []string{"drone-review", "whole-record", "no-require"}},
		{"reviews.0.summary", []string{"drone-review", "whole-record", "no-require"}},
	}
	for _, tt := range tests {
		t.Run(tt.withheld, func(t *testing.T) {
			r := &record.Record{ID: "s", Kind: record.Sensor, Status: "active", Publication: withholding(tt.withheld)}
			p := publish.Register(register.New("", cfg, []*record.Record{r}))
			var hidden []string // the custom rules among those kept back
			for _, id := range p.Undisclosed(r, nil) {
				if slices.ContainsFunc(cfg.RulesCustom, func(c config.CustomRule) bool { return c.ID == id }) {
					hidden = append(hidden, id)
				}
			}
			if !slices.Equal(hidden, tt.want) {
				t.Errorf("custom rules kept back: %v, want %v", hidden, tt.want)
			}
			for _, id := range tt.want {
				if fs := p.Findings(r, []finding.Finding{{Rule: id, Severity: finding.Error, Message: label.Text{"x", "x"}}}); len(fs) != 0 {
					t.Errorf("the finding of %s, kept back, is shown: %v", id, fs)
				}
			}
		})
	}
}

// Whether an exception is needed tells what the rule it names found: an
// exception-unused (or refused) on an exception to a custom rule whose
// verdict is kept back would tell which side of its threshold the
// withheld field lies. It is kept back with that rule's verdict, as it
// is for an exception to a built-in rule.
func TestExceptionToAKeptBackCustomRuleIsKeptBackToo(t *testing.T) {
	cfg := config.Default()
	cfg.RulesCustom = []config.CustomRule{
		{ID: "north-only", Kind: "sensor", When: "has(record.location.point)", Require: "record.location.point.lat > 52.2"},
		{ID: "drone-review", Kind: "sensor", When: `record.sensor_type == "drone"`, Require: "has(record.reviews)"},
		{ID: "whole-record", Kind: "sensor", Require: "record == record"},
	}
	tests := []struct {
		excepted, withheld string
		kept               bool // exception-unused and exception-refused are kept back
	}{
		{"north-only", "location.point", true},
		{"north-only", "location", true},
		{"drone-review", "sensor_type", true},
		{"drone-review", "vendor", false},
		{"whole-record", "vendor", true},
		{"north-only", "vendor", false},
	}
	for _, tt := range tests {
		t.Run(tt.excepted+" withholding "+tt.withheld, func(t *testing.T) {
			r := &record.Record{ID: "s", Kind: record.Sensor, Status: "active", SensorType: "camera",
				Exceptions:  []record.Exception{{Rule: tt.excepted, Reason: "tijdelijk", ApprovedBy: "college", ApprovedOn: "2026-06-01", Until: "2027-05-01"}},
				Publication: withholding(tt.withheld)}
			p := publish.Register(register.New("", cfg, []*record.Record{r}))
			hidden := p.Undisclosed(r, nil)
			for _, id := range []string{"exception-unused", "exception-refused"} {
				if got := slices.Contains(hidden, id); got != tt.kept {
					t.Errorf("%s kept back: %v, want %v (kept back: %v)", id, got, tt.kept, hidden)
				}
			}
			unused := finding.Finding{Rule: "exception-unused", Severity: finding.Warning, Path: "/exceptions/0",
				Message: label.Text{"De uitzondering op " + tt.excepted + " is nergens voor nodig", "the exception matches no finding"}}
			if shown := len(p.Findings(r, []finding.Finding{unused})) > 0; shown == tt.kept {
				t.Errorf("exception-unused shown: %v, while kept back: %v", shown, tt.kept)
			}
			if got := p.Discloses(r, unused); got == tt.kept {
				t.Errorf("Discloses(exception-unused) = %v, while kept back: %v", got, tt.kept)
			}
		})
	}
}
