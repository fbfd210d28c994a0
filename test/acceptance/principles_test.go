package acceptance

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPrincipleVariants changes the careful camera record in one way at a
// time, as a steward might over its life, and pins the finding check gives
// for it: the rule, its severity, the principle it cites and where.
func TestPrincipleVariants(t *testing.T) {
	const camera = "register/sensors/cam-stationsplein.yaml"
	police := func(s string) string {
		return strings.Replace(s, "name: Gemeente Lindeveen\n  type: municipality", "name: Politie Midden\n  type: police", 1)
	}
	faces := func(s string) string {
		return strings.Replace(s, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, face_recognition]", 1)
	}
	afterwards := func(s string) string {
		return strings.Replace(s, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, post_biometric_identification]", 1)
	}
	exception := "exceptions:\n  - rule: biometric-ban\n    reason: Zoeken naar een vermist kind\n    legal_basis: Wpg art. 9\n" +
		"    approved_by: officier van justitie\n    approved_on: 2026-11-01\n    until: 2026-12-15\n"
	authorised := exception + "    authorisation: {authority: rechter-commissaris, date: 2026-10-30, reference: RC 26/1}\n"
	tests := []struct {
		name      string
		edit      func(string) string
		config    string
		asOf      string
		file      string // the finding's position, file:line:col
		rule      string
		severity  string // "" means the rule must not report
		principle string
		message   string
	}{
		{"camera longer than two years", func(s string) string { return strings.Replace(s, "end: 2027-01-31", "end: 2029-01-31", 1) },
			"", asOf, "sensors/cam-stationsplein.yaml:45:8", "camera-temporary", "warning", "C-camera-temporary", "longer than the P2Y"},
		{"still active after its end", func(s string) string { return strings.Replace(s, "end: 2027-01-31", "end: 2026-06-30", 1) },
			"", asOf, "sensors/cam-stationsplein.yaml:45:8", "lifecycle-ended", "error", "C-camera-temporary, VNG I", "the term the mayor decided on ended on 2026-06-30"},
		{"legitimate interest for a municipality", func(s string) string {
			return strings.Replace(s, "regime: police_data", "regime: gdpr\n  gdpr_ground: legitimate_interest", 1)
		}, "", asOf, "sensors/cam-stationsplein.yaml:28:16", "legal-basis", "error", "VNG VI", "not available to a public authority"},
		{"data breach reported after nine days", func(s string) string {
			return s + "incidents:\n  - type: data_breach\n    discovered: 2026-03-01T09:00:00+01:00\n    reported: 2026-03-10T09:00:00+01:00\n    summary: Beelden per ongeluk gedeeld.\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:72:15", "breach-reported", "error", "C-breach", "216 hours"},
		{"data breach late with a reason", func(s string) string {
			return s + "incidents:\n  - type: data_breach\n    discovered: 2026-03-01T09:00:00+01:00\n    reported: 2026-03-10T09:00:00+01:00\n    delay_reason: Leverancier meldde het pas later.\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:73:19", "breach-reported", "warning", "C-breach", "216 hours after it was discovered, later than 72 hours, with the reasons for the delay, as GDPR art. 33(1) asks of a later notice"},
		{"sharing without an end", func(s string) string {
			return s + "data_sharing:\n  - party: Politie\n    purpose: Opsporing\n    start: 2026-02-01\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:70:5", "sharing-temporary", "error", "C-sharing-temporary", "has no end date"},
		{"face recognition by the municipality, even with an exception", func(s string) string { return faces(s) + exception },
			"", asOf, "sensors/cam-stationsplein.yaml:54:33", "biometric-ban", "error", "VNG 2.1", "only the police may be excepted"},
		{"live face recognition by the police with only the prosecutor's approval", func(s string) string { return police(faces(s)) + exception },
			"", asOf, "sensors/cam-stationsplein.yaml:54:33", "biometric-ban", "error", "VNG 2.1", "prohibited by law (AI Act art. 5(1)(h)"},
		{"identification afterwards by the police with a current, authorised exception", func(s string) string { return police(afterwards(s)) + authorised },
			"", asOf, "sensors/cam-stationsplein.yaml:54:33", "biometric-ban", "warning", "VNG 2.1", "exception to a legal duty (AI Act art. 26(10), Annex III 1(a); Wet politiegegevens) that ends on 2026-12-15"},
		{"the police exception has ended", func(s string) string { return police(afterwards(s)) + authorised },
			"", "2026-12-20", "sensors/cam-stationsplein.yaml:54:33", "biometric-ban", "error", "VNG 2.1", "no longer counts"},
		{"the ended exception is reported itself", func(s string) string { return police(afterwards(s)) + authorised },
			"", "2026-12-20", "sensors/cam-stationsplein.yaml:75:12", "exception-expired", "warning", "exceptions", "ended on 2026-12-15"},
		{"manufacturer on the watch list", func(s string) string {
			return strings.Replace(s, "manufacturer: Axis", "manufacturer: Hikvision Digital Technology", 1)
		},
			"supplier_watch:\n  - {manufacturer: hikvision, source: \"https://lindeveen.example/ketenrisico\"}\n", asOf,
			"sensors/cam-stationsplein.yaml:65:17", "supplier-watch", "warning", "VNG 7.6", "on the supplier watch list"},
		{"retired after its end: nothing to report", func(s string) string {
			return strings.Replace(strings.Replace(s, "end: 2027-01-31", "end: 2026-06-30", 1), "status: active", "status: retired", 1)
		}, "", asOf, "", "lifecycle-ended", "", "", ""},
		{"planned to start next year without a decision yet: nothing to report", func(s string) string {
			s = strings.Replace(s, "status: active", "status: planned", 1)
			s = strings.Replace(s, "  start: 2026-02-01\n  end: 2027-01-31\n", "  start: 2027-02-01\n  end: 2028-01-31\n", 1)
			return strings.Replace(s, "  - body: mayor\n    kind: authorisation\n    date: 2026-01-10\n    reference: https://lindeveen.example/besluit-camera-station\n", "", 1)
		}, "", asOf, "", "decision-recorded", "", "", ""},
		{"planned, but started by its own dates, without a decision: in use all the same", func(s string) string {
			s = strings.Replace(s, "status: active", "status: planned", 1)
			return strings.Replace(s, "  - body: mayor\n    kind: authorisation\n    date: 2026-01-10\n    reference: https://lindeveen.example/besluit-camera-station\n", "", 1)
		}, "", asOf, "sensors/cam-stationsplein.yaml:17:1", "decision-recorded", "error", "VNG I", "in use by its own dates (its status says planned) but lists no decision"},
		{"active without the mayor's decision", func(s string) string {
			return strings.Replace(s, "  - body: mayor\n    kind: authorisation\n    date: 2026-01-10\n    reference: https://lindeveen.example/besluit-camera-station\n", "", 1)
		}, "", asOf, "sensors/cam-stationsplein.yaml:17:1", "decision-recorded", "error", "VNG I", "lists no decision"},
		{"camera without signs", func(s string) string { return strings.Replace(s, "present: true", "present: false", 1) },
			"", asOf, "sensors/cam-stationsplein.yaml:59:1", "signage", "error", "VNG 4.3", "public-order camera surveillance must be recognisable by law (Gemeentewet art. 151c(4))"},
		{"an exception naming a rule with a typo", func(s string) string {
			return s + "exceptions:\n  - rule: biometric-bann\n    reason: typo\n    legal_basis: x\n    approved_by: burgemeester\n    approved_on: 2026-01-01\n    until: 2026-12-31\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:70:11", "exception-unused", "warning", "exceptions", `names rule "biometric-bann", which does not exist`},
		{"an exception longer than a year", func(s string) string {
			return s + "exceptions:\n  - rule: data-rights\n    reason: contract loopt nog\n    legal_basis: x\n    approved_by: college\n    approved_on: 2026-01-01\n    until: 2028-12-31\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:75:12", "exception-too-long", "warning", "exceptions", "longer than limits.exception_max (P1Y); it still counts"},
		{"a long exception still counts", func(s string) string {
			return s + "exceptions:\n  - rule: data-rights\n    reason: contract loopt nog\n    legal_basis: x\n    approved_by: college\n    approved_on: 2026-01-01\n    until: 2028-12-31\n"
		}, "", asOf, "sensors/cam-stationsplein.yaml:1:1", "data-rights", "info", "VNG 5.2", "allowed by the exception approved by college on 2026-01-01 until 2028-12-31"},
		{"evaluation a year after the start", func(s string) string { return s }, "", "2027-02-02",
			"sensors/cam-stationsplein.yaml:47:1", "evaluation-lapsed", "warning", "C-camera-yearly", "was due on 2027-02-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workspace(t)
			p := filepath.Join(dir, filepath.FromSlash(camera))
			writeFile(t, p, tt.edit(readFile(t, p)))
			cfg := filepath.Join(dir, "register", "register.yaml")
			writeFile(t, cfg, readFile(t, cfg)+tt.config)
			r := run(t, dir, nil, "check", "--as-of", tt.asOf, "--format", "json", camera)
			rep := decodeReport(t, r.stdout)
			var seen []string
			for _, f := range rep.Findings {
				if f.Rule != tt.rule {
					continue
				}
				at := f.File + ":" + itoa(f.line()) + ":" + itoa(f.column())
				seen = append(seen, at+" "+f.Severity+" "+f.Message)
				if at == tt.file && f.Severity == tt.severity && f.Principle == tt.principle && strings.Contains(f.Message, tt.message) {
					return
				}
			}
			if tt.severity == "" && len(seen) == 0 {
				return
			}
			t.Errorf("want %s %s %s (%s) %q; %s reported: %v", tt.file, tt.severity, tt.rule, tt.principle, tt.message, tt.rule, seen)
		})
	}
}
