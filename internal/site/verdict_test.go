package site

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// TestTickOnlyWhereAssessed: a principle gets a tick on a record's page
// only when a rule assessed the record and found it fine. A public-order
// camera with an end but no start cannot be assessed as temporary, and a
// water meter is not a camera at all: neither shows "Camera's tijdelijk"
// as clean; a camera with both dates does.
func TestTickOnlyWhereAssessed(t *testing.T) {
	var recs []*record.Record
	for _, text := range []string{`
id: cam-zonder-start
kind: sensor
name: Camera zonder start
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {end: 2050-01-01}
`, `
id: cam-met-data
kind: sensor
name: Camera met data
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2026-01-01, end: 2027-01-01}
`, `
id: waterpeil
kind: sensor
name: Waterpeil
status: active
sensor_type: water_level
personal_data: {processed: "no"}
lifecycle: {start: 2026-01-01, end: 2030-01-01}
`, `
id: chat
kind: algorithm
name: Chat
status: active
lifecycle: {start: 2026-01-01}
`} {
		r := &record.Record{}
		if err := yaml.Unmarshal([]byte(text), r); err != nil {
			t.Fatal(err)
		}
		r.File = "sensors/" + r.ID + ".yaml"
		recs = append(recs, r)
	}
	reg := register.New(t.TempDir(), nil, recs)
	var rules []Rule
	for _, r := range principle.Rules() {
		rules = append(rules, Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Covers: r.Covers, Applies: r.Applies})
	}
	check := func(reg *register.Register) []finding.Finding {
		return principle.Run(reg, principle.Options{Today: buildNow})
	}
	out, _ := build(t, reg, Options{Check: check, Rules: rules})

	const temporary, dpia = `principes.html#c-camera-temporary`, `principes.html#vng-6-3`
	for _, tt := range []struct {
		page, principle string
		ticked          bool
	}{
		{"sensoren/cam-zonder-start.html", temporary, false},
		{"sensoren/cam-met-data.html", temporary, true},
		{"sensoren/waterpeil.html", temporary, false},
		// Its DPIA finding cites VNG 6.4 (personal data only assumed),
		// and is about the DPIA all the same.
		{"algoritmes/chat.html", dpia, false},
	} {
		page := read(t, out, tt.page)
		clean := ""
		if i := strings.Index(page, `<details class="clean">`); i >= 0 {
			clean = page[i:]
			clean = clean[:strings.Index(clean, "</details>")]
		}
		if got := strings.Contains(clean, tt.principle); got != tt.ticked {
			t.Errorf("%s: %s ticked %v, want %v", tt.page, tt.principle, got, tt.ticked)
		}
	}
	// The camera without a start says what is missing instead.
	if page := read(t, out, "sensoren/cam-zonder-start.html"); !strings.Contains(page, "De looptijd van de camera is niet te controleren") {
		t.Error("the camera without a start does not say its term could not be checked")
	}
}
