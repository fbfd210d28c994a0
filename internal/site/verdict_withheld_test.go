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

// TestVerdictsOnWithheldFieldsShowNeitherPassNorFail: a sensor that
// withholds its capabilities and incidents shows neither the cross of the
// biometric ban nor that of the late breach, nor a tick on a principle
// they may cite, nor their texts: only that those verdicts are not public,
// and why. The same sensor withholding nothing shows both crosses, so the
// page is not merely empty.
func TestVerdictsOnWithheldFieldsShowNeitherPassNorFail(t *testing.T) {
	const sensor = `
kind: sensor
name: Meter
status: active
sensor_type: air_quality
capabilities: [face_recognition, environmental_measurement]
personal_data: {processed: "no"}
lifecycle: {start: 2024-01-01, end: 2030-01-01}
incidents:
  - {type: data_breach, discovered: 2025-08-01T10:00:00+02:00, reported: 2025-08-09T10:00:00+02:00, summary: Lek}
`
	var recs []*record.Record
	for _, text := range []string{"id: open" + sensor,
		"id: afgeschermd" + sensor + "publication: {withheld: [capabilities, incidents], reason: Woo art. 5.1}\n"} {
		r := &record.Record{}
		if err := yaml.Unmarshal([]byte(text), r); err != nil {
			t.Fatal(err)
		}
		r.File = "sensors/" + r.ID + ".yaml"
		recs = append(recs, r)
	}
	var rules []Rule
	for _, r := range principle.Rules() {
		rules = append(rules, Rule{ID: r.ID, Ref: r.Ref, Title: r.Title, Covers: r.Covers, Cites: r.Cites, Applies: r.Applies, AppliesOn: r.AppliesOn})
	}
	check := func(reg *register.Register) []finding.Finding {
		return principle.Run(reg, principle.Options{Today: buildNow})
	}
	out, _ := build(t, register.New(t.TempDir(), nil, recs), Options{Check: checkWith(check), Rules: rules})

	open := read(t, out, "sensoren/open.html")
	for _, want := range []string{"[biometric-ban]", "[breach-reported]"} {
		if !strings.Contains(open, want) {
			t.Errorf("the sensor withholding nothing does not show %s", want)
		}
	}
	page := read(t, out, "sensoren/afgeschermd.html")
	for _, leak := range []string{"[biometric-ban]", "[breach-reported]", "[special-categories]", "[personal-data-inferred]",
		"niet openbaar is."} {
		if strings.Contains(page, leak) {
			t.Errorf("the sensor withholding its capabilities and incidents shows %q", leak)
		}
	}
	// No tick on a principle a kept-back verdict may cite; ticks on the
	// others stay, for what was checked on public fields is public.
	clean := ""
	if i := strings.Index(page, `<details class="clean">`); i >= 0 {
		clean = page[i:]
		clean = clean[:strings.Index(clean, "</details>")]
	}
	for _, id := range []string{"biometric-ban", "breach-reported", "special-categories", "personal-data-inferred"} {
		rule, _ := principle.Lookup(id)
		for _, ref := range append(append([]string{rule.Ref}, rule.Covers...), rule.Cites...) {
			if a := Anchor(ref); strings.Contains(clean, "#"+a+`"`) {
				t.Errorf("%s's verdict is kept back, yet %s, which it may cite, has a tick", id, ref)
			}
		}
	}
	if !strings.Contains(clean, "principes.html#") {
		t.Error("no tick at all: the verdicts on public fields are kept back too")
	}
	for _, want := range []string{
		`Oordeel niet openbaar:</span> <a href="../principes.html#rule-biometric-ban">Geen biometrische surveillance</a> <span class="meta">(VNG 2.1)</span>: het berust op gegevens die niet openbaar zijn <span class="reason">(Reden: Woo art. 5.1)</span>.`,
		`<a href="../principes.html#rule-breach-reported">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the sensor withholding its capabilities and incidents lacks %s", want)
		}
	}
	// A verdict on no withheld field stays: the life cycle has an end.
	if strings.Contains(page, `#rule-lifecycle-end"`) {
		t.Error("the verdict on the life cycle, which is public, is kept back")
	}
}
