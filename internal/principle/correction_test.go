package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// personalSensor processes personal data and has a correction block that
// each case below completes or breaks.
const personalSensor = `
id: wifi
kind: sensor
status: active
personal_data: {processed: no}
sensor_type: wifi_bluetooth_counter
`

func TestCorrectionRoute(t *testing.T) {
	runCases(t, "correction-route", configFrom(t, "site: {title: Register}\n"), []ruleCase{
		{name: "no personal data, no route needed", yaml: "id: s\nkind: sensor\nstatus: active\npersonal_data: {processed: no}\nsensor_type: air_quality\n"},
		{name: "personal data by the sensor's nature, no route", yaml: personalSensor,
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 1, 1, "processes personal data but does not say how residents have it corrected or deleted"}}},
		{name: "unknown counts as personal", yaml: "id: a\nkind: algorithm\nstatus: active\npersonal_data: {processed: unknown}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 1, 1, "does not say how residents"}}},
		{name: "retired", yaml: "id: a\nkind: algorithm\nstatus: retired\nlifecycle: {start: 2024-01-01, end: 2025-01-01}\npersonal_data: {processed: yes}\n"},
		{name: "blank route", yaml: personalSensor + "correction: {route: ' ', email: privacy@voorbeeldstad.example, term: P4W}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 1, "does not say how residents"}}},
		{name: "complete", yaml: personalSensor + "correction: {route: Mail the desk., email: privacy@voorbeeldstad.example, term: P4W}\n"},
		// A month counts from the request (GDPR art. 12(3)): 31 days is
		// longer for a request made on 1 February, 92 days longer than
		// three months for one made on 1 December.
		// A route that says none does not hide a term the law does not allow.
		{name: "no route, a term too long", yaml: personalSensor + "correction: {route: n.v.t., email: privacy@voorbeeldstad.example, term: P4M}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 1, "does not say how residents"},
				{"correction-route", "C-correction-desk", finding.Error, 6, 73, "takes P4M, longer than the three months the GDPR allows at most"}}},
		{name: "a month", yaml: personalSensor + "correction: {route: Mail the desk., url: https://voorbeeldstad.example/fout, term: P1M}\n"},
		{name: "31 days", yaml: personalSensor + "correction: {route: Mail the desk., url: https://voorbeeldstad.example/fout, term: P31D}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 84, "takes P31D, longer than the month the GDPR gives as the rule (for a request made on 31 January of a year that is no leap year, that is 28 days)"}}},
		{name: "92 days", yaml: personalSensor + "correction: {route: Mail the desk., url: https://voorbeeldstad.example/fout, term: P92D}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Error, 6, 84, "takes P92D, longer than the three months the GDPR allows at most (for a request made on 31 January of a year that is no leap year, that is 89 days) (GDPR art. 12(3))"}}},
		{name: "no way to reach the desk", yaml: personalSensor + "correction: {route: Ask at the desk., term: P1M}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 1, "names no web address or mailbox"}}},
		{name: "no term", yaml: personalSensor + "correction: {route: Mail the desk., email: privacy@voorbeeldstad.example}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 1, "does not say how long a request takes"}}},
		{name: "longer than a month", yaml: personalSensor + "correction: {route: Mail the desk., email: privacy@voorbeeldstad.example, term: P6W}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Warning, 6, 81, "takes P6W, longer than the month"}}},
		{name: "longer than the law allows", yaml: personalSensor + "correction: {route: Mail the desk., email: privacy@voorbeeldstad.example, term: P4M}\n",
			want: []want{{"correction-route", "C-correction-desk", finding.Error, 6, 81, "takes P4M, longer than the three months the GDPR allows at most (GDPR art. 12(3))"}}},
	})
}

// The register's own desk is a way to reach it: a record then needs no
// address of its own.
func TestCorrectionRouteUsesTheRegistersDesk(t *testing.T) {
	cfg := configFrom(t, "site: {report_error_url: https://voorbeeldstad.example/meldpunt}\n")
	fs := only(t, "correction-route", cfg, nil, testToday, personalSensor+"correction: {route: Ask at the desk., term: P1M}\n")
	match(t, fs, nil)
}

// The term over three months is the law's: an exception lowers it to a
// warning at most, and configuration cannot switch it off.
func TestCorrectionTermIsLaw(t *testing.T) {
	fs := only(t, "correction-route", nil, nil, testToday, personalSensor+"correction: {route: Mail., email: a@voorbeeldstad.example, term: P1Y}\n")
	if len(fs) != 1 || fs[0].Law.In("en") != "GDPR art. 12(3), 16, 17" || fs[0].Severity != finding.Error {
		t.Fatalf("got %+v, want one legal error", fs)
	}
	fs = only(t, "correction-route", nil, nil, testToday, personalSensor+"correction: {route: Mail., email: a@voorbeeldstad.example, term: P2M}\n")
	if len(fs) != 1 || fs[0].Law.In("en") != "" {
		t.Fatalf("got %+v, want one policy warning", fs)
	}
}

// Police data (the police's own, or what boa's process as police data)
// fall outside the GDPR (art. 2(2)(d)): a term past three months is then
// the principle's finding, at the rule's policy severity, citing no law
// and saying no GDPR. The same boa camera under the GDPR, and the mayor's
// public-order camera the police view, keep the legal error.
func TestCorrectionTermOfPoliceDataIsThePrinciples(t *testing.T) {
	const (
		police      = policeOwnCamera
		publicOrder = policeViewedCamera
		boaPolice   = boaCamera
		boaGDPR     = boaCameraGDPR
	)
	route := func(term string) string {
		return "correction: {route: x, email: a@b.example, term: " + term + "}\n"
	}
	for _, tt := range []struct {
		name, yaml string
		gdpr       bool   // the record is under the GDPR
		law        string // the finding's law in English; empty: the principle's
		sev        finding.Severity
		message    string
	}{
		{"boa's police data, four months", boaPolice + route("P4M"), false, "", finding.Warning, "a correction takes P4M, longer than three months"},
		{"boa's police data, six weeks", boaPolice + route("P6W"), false, "", finding.Warning, "a correction takes P6W, longer than a month"},
		{"the police's own, four months", police + route("P4M"), false, "", finding.Warning, "a correction takes P4M, longer than three months"},
		{"boa's camera under the GDPR, four months", boaGDPR + route("P4M"), true, "GDPR art. 12(3), 16, 17", finding.Error, "a correction takes P4M, longer than the three months the GDPR allows at most (GDPR art. 12(3))"},
		{"boa's camera under the GDPR, six weeks", boaGDPR + route("P6W"), true, "", finding.Warning, "a correction takes P6W, longer than the month the GDPR gives as the rule"},
		{"a public-order camera the police view, four months", publicOrder + route("P4M"), true, "GDPR art. 12(3), 16, 17", finding.Error, "longer than the three months the GDPR allows at most"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "correction-route", nil, nil, testToday, tt.yaml)
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Law.In("en") != tt.law || f.Severity != tt.sev || !strings.Contains(f.Message.In("en"), tt.message) {
				t.Errorf("got law %q, %s, %q; want law %q, %s, %q", f.Law.In("en"), f.Severity, f.Message.In("en"), tt.law, tt.sev, tt.message)
			}
			if tt.gdpr {
				return
			}
			// It may compare the term with the GDPR's, but cites no
			// article of it as the law of these data.
			for _, text := range []string{f.Message.In("en"), f.Help.In("en"), f.Message.In("nl"), f.Help.In("nl")} {
				if strings.Contains(text, "GDPR art") || strings.Contains(text, "AVG art") || strings.Contains(text, "art. 12") {
					t.Errorf("a finding on police data cites the GDPR: %q", text)
				}
			}
			if strings.Contains(f.Message.In("en"), "GDPR") && !strings.Contains(f.Message.In("en"), "police data have the Wet politiegegevens' own terms") {
				t.Errorf("a finding on police data names the GDPR's term as theirs: %q", f.Message.In("en"))
			}
		})
	}
}
