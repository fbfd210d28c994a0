package packet

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestQuestions(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-einde.yaml": sensor("cam-einde", "Camera die afloopt", "camera",
			"lifecycle: {start: 2025-06-01, end: 2027-01-31}", "evaluation: {interval: P1Y, last: 2026-06-01}", "camera_regime: public_order"),
		"sensors/cam-uitz.yaml": sensor("cam-uitz", "Camera met uitzondering", "camera", quietDates,
			"exceptions: [{rule: camera-temporary, reason: Vaste bewaking van een gemaal, approved_by: college, approved_on: 2026-01-10, until: 2027-12-31}, {rule: signage, reason: Verlopen, until: 2026-01-01}]"),
		"sensors/cam-verkeer.yaml": sensor("cam-verkeer", "Verkeerscamera", "camera",
			"lifecycle: {start: 2025-06-01, end: 2027-01-31}", "evaluation: {interval: P1Y, last: 2026-06-01}", "camera_regime: traffic_management"),
		"algorithms/regels.yaml": algorithm("regels", "Regels", quietDates),
	})
	reg := loadRegister(t, dir)
	fs := []finding.Finding{
		{Record: "regels", Rule: "human-oversight", Severity: finding.Error, Principle: "C-human-oversight"},
		{Record: "regels", Rule: "drone-review", Severity: finding.Warning, Principle: "VNG 3.8"}, // a custom rule
		{Record: "regels", Rule: "biometric-ban", Severity: finding.Info, Principle: "VNG 2.1"},   // info asks nothing
		{Record: "regels", Rule: "human-oversight", Severity: finding.Error, Principle: "C-human-oversight"},
	}
	tests := []struct {
		lang, id string
		want     []string
	}{
		{"nl", "cam-einde", []string{"De looptijd eindigt op 31 januari 2027: is het tijdelijke karakter van deze camera nog gerechtvaardigd, of stopt de inzet?"}},
		{"en", "cam-einde", []string{"The life cycle ends on 31 January 2027: is the temporary nature of this camera still justified, or does it stop?"}},
		// A traffic camera is not one of the programme's temporary cameras.
		{"en", "cam-verkeer", []string{"The life cycle ends on 31 January 2027: stop or extend, and does the deployment meet the criteria for extension?"}},
		{"nl", "cam-uitz", []string{
			"Een uitzondering is verlopen (1 januari 2026) en telt niet meer: moet de inzet veranderen, of is een nieuw besluit nodig?",
			"De uitzondering op ‘Camera's alleen tijdelijk’ geldt tot 31 december 2027: is die nog gerechtvaardigd?"}},
		{"nl", "regels", []string{
			"Hoe controleren mensen de uitkomsten, en kunnen zij ze corrigeren?",
			"Hoe en wanneer wordt de bevinding ‘drone-review’ opgelost?",
		}},
	}
	for _, tt := range tests {
		p, err := Build(reg, fs, Options{Today: meeting, Lang: tt.lang, IDs: []string{"cam-uitz", "regels"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Item(tt.id).Questions; !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: questions\n%q\nwant\n%q", tt.lang, tt.id, got, tt.want)
		}
	}
	p, err := Build(reg, fs, Options{Today: meeting, IDs: []string{"cam-uitz"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []DueRow{{Date: "1 januari 2026", What: "Einde uitzondering", State: "Afgelopen",
		Detail: "De uitzondering op regel signage is afgelopen op 1 januari 2026."}}
	if got := p.Item("cam-uitz").Due; !slices.Equal(got, want) {
		t.Errorf("due rows = %+v, want %+v", got, want)
	}
	wantExc := []ExceptionRow{
		{Rule: "camera-temporary (Camera's alleen tijdelijk)", Reason: "Vaste bewaking van een gemaal", ApprovedBy: "college (10 januari 2026)",
			Until: "31 december 2027", State: "Geldt", Open: true},
		{Rule: "signage (Herkenbaarheid)", Reason: "Verlopen", ApprovedBy: "Niet ingevuld", Until: "1 januari 2026", State: "Verlopen: telt niet meer"},
	}
	if got := p.Item("cam-uitz").Exceptions; !slices.Equal(got, wantExc) {
		t.Errorf("exceptions = %+v, want %+v", got, wantExc)
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ lang, duration, want string }{
		{"nl", "P90D", "90 dagen"},
		{"nl", "P1Y", "1 jaar"},
		{"nl", "P4Y", "4 jaar"},
		{"nl", "P1Y6M", "1 jaar en 6 maanden"},
		{"nl", "P2W", "2 weken"},
		{"en", "P1M", "1 month"},
		{"en", "P3Y", "3 years"},
		{"nl", "not_stored", "not_stored"},
	}
	for _, tt := range tests {
		if got := labelsFor(tt.lang).durationString(tt.duration); got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.lang, tt.duration, got, tt.want)
		}
	}
	if got := nl.date(mustDate("2027-03-01")); got != "1 maart 2027" {
		t.Errorf("date = %q", got)
	}
	if got := en.dateString("2027-03-01"); got != "1 March 2027" {
		t.Errorf("date = %q", got)
	}
}
