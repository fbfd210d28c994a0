package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
)

func TestOwnerReachable(t *testing.T) {
	runCases(t, "owner-reachable", nil, []ruleCase{
		{name: "role and mailbox", yaml: `
id: s
kind: sensor
owner: {role: Teamleider Verkeer, email: verkeer@voorbeeldstad.example}
`},
		{name: "no owner at all", yaml: `
id: s
kind: sensor
status: retired
`, want: []want{
			{"owner-reachable", "VNG 3.7", finding.Error, 1, 1, "the responsible officer cannot be reached: owner.email is missing"},
			{"owner-reachable", "VNG 3.7", finding.Error, 1, 1, "the responsible officer's role is missing"},
		}},
		{name: "no mailbox", yaml: `
id: s
kind: sensor
owner:
  role: Teamleider Verkeer
`, want: []want{{"owner-reachable", "VNG 3.7", finding.Error, 3, 1, "owner.email is missing"}}},
		{name: "not an address", yaml: `
id: s
kind: sensor
owner:
  role: Teamleider Verkeer
  email: Jan de Vries <jan@localhost>
`, want: []want{{"owner-reachable", "VNG 3.7", finding.Error, 5, 10, "owner.email 'Jan de Vries <jan@localhost>' is not an e-mail address"}}},
		{name: "no domain", yaml: `
id: s
kind: sensor
owner: {role: Teamleider Verkeer, email: verkeer@intranet}
`, want: []want{{"owner-reachable", "VNG 3.7", finding.Error, 3, 42, "is not an e-mail address"}}},
	})
}

func TestDPIARequired(t *testing.T) {
	runCases(t, "dpia-required", nil, []ruleCase{
		{name: "done before the start", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2026-01-05}
lifecycle: {start: 2026-02-01}
`},
		{name: "no personal data", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: no}
`},
		{name: "not required, with a reason", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: not_required, reason: Aggregated counts only.}
`},
		{name: "in progress while planned", yaml: `
id: s
kind: sensor
status: planned
personal_data: {processed: yes}
dpia: {status: in_progress}
`},
		{name: "missing while active", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Error, 1, 1, "no DPIA is recorded, while the record processes personal data"}}},
		{name: "unknown counts as personal data (6.4)", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: unknown}
dpia: {status: in_progress}
`, want: []want{{"dpia-required", "VNG 6.4", finding.Error, 5, 16, "the DPIA is in_progress, while it is not known whether the record processes personal data, so it counts as personal data (6.4) and the record is active"}}},
		{name: "missing while planned: warning", yaml: `
id: s
kind: sensor
status: in_development
personal_data: {processed: yes}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 1, 1, "no DPIA is recorded"}}},
		// Late is a breach past, cited as law; a warning, for the DPIA is
		// done now and nothing on the record can undo the past.
		{name: "done after the start: processing without the DPIA the law asks first", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2026-02-02}
lifecycle: {start: 2026-02-01}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 5, 28, "the DPIA is dated 2026-02-02, after the processing started on 2026-02-01: the law asks for the DPIA before the processing (GDPR art. 35(1))"}}},
		{name: "done on the day of the start", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2026-02-01}
lifecycle: {start: 2026-02-01}
`},
		{name: "done after the start of processing older than the GDPR: the principle's", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2019-03-05}
lifecycle: {start: 2018-05-24}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 5, 28, "the DPIA is dated 2019-03-05, after the start on 2018-05-24: the principle asks for it at the start of the project"}}},
		{name: "done after the start of processing on the GDPR's first day", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2019-03-05}
lifecycle: {start: 2018-05-25}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 5, 28, "after the processing started on 2018-05-25: the law asks for the DPIA before the processing (GDPR art. 35(1))"}}},
		{name: "done after the start where only the principle asks for a DPIA", yaml: `
id: a
kind: algorithm
status: active
role: decision_support
personal_data: {processed: yes}
dpia: {status: done, date: 2026-03-05}
lifecycle: {start: 2026-02-01}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 6, 28, "the DPIA is dated 2026-03-05, after the start on 2026-02-01: the principle asks for it at the start of the project"}}},
		{name: "dated today: done", yaml: `
id: s
kind: sensor
status: planned
personal_data: {processed: yes}
dpia: {status: done, date: 2026-11-24}
`},
		{name: "dated tomorrow: not done", yaml: `
id: s
kind: sensor
status: active
personal_data: {processed: yes}
dpia: {status: done, date: 2026-11-25}
lifecycle: {start: 2025-07-01}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Error, 5, 28, "dpia.status is done, but the DPIA is dated 2026-11-25, a date still to come: it is not done yet, while the record processes personal data"}}},
		{name: "dated in the future while planned: not done, a warning", yaml: `
id: s
kind: sensor
status: planned
personal_data: {processed: yes}
dpia: {status: done, date: 2099-01-01}
`, want: []want{{"dpia-required", "VNG 6.3", finding.Warning, 5, 28, "the DPIA is dated 2099-01-01, a date still to come: it is not done yet"}}},
	})
}

func TestDPIAPublic(t *testing.T) {
	runCases(t, "dpia-public", nil, []ruleCase{
		{name: "private and published", yaml: `
id: s
kind: sensor
organisation: {name: Garage BV, type: private}
personal_data: {processed: yes}
dpia: {status: done, public: true, url: https://example.org/dpia.pdf}
`},
		{name: "municipality need not publish", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
dpia: {status: done}
`},
		{name: "private and not published", yaml: `
id: s
kind: sensor
organisation: {name: Garage BV, type: private}
personal_data: {processed: yes}
dpia:
  status: done
  public: false
`, want: []want{{"dpia-public", "VNG 6.6", finding.Warning, 5, 1, "the private operator's DPIA is not published"}}},
	})
}

func TestLegalBasis(t *testing.T) {
	runCases(t, "legal-basis", nil, []ruleCase{
		{name: "public task with its law", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: gdpr, gdpr_ground: public_task, law: Gemeentewet art. 160}
`},
		{name: "a private operator may use legitimate interest", yaml: `
id: s
kind: sensor
organisation: {name: Winkel BV, type: private}
personal_data: {processed: yes}
legal_basis: {regime: gdpr, gdpr_ground: legitimate_interest, law: AVG art. 6(1)(f)}
`},
		// "other" is no way out of the GDPR for personal data.
		{name: "an ANPR camera of a municipality under regime other", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: other, law: Wegenverkeerswet 1994}
`, want: []want{{"legal-basis", "VNG VI", finding.Warning, 5, 23, "legal_basis.regime is other, but the record processes personal data and the operator is not the police: the GDPR applies, with a ground of art. 6(1), unless a law of its own governs these data instead"}}},
		{name: "regime other without personal data", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: no}
legal_basis: {regime: other, law: Omgevingswet}
`},
		// A boa's bodycam under the Wpg, or a text that only names it:
		// the register cannot tell them apart, so both are a warning,
		// neither an error nor a pass.
		{name: "a boa's bodycam under the Wpg", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: other, law: "Wet politiegegevens art. 2; Besluit politiegegevens buitengewoon opsporingsambtenaren"}
`, want: []want{{"legal-basis", "VNG VI", finding.Warning, 5, 23, "unless a law of its own governs these data instead (such as the Wjsg), which the register cannot check"}}},
		// What boa's process to investigate the offences of their deed
		// is police data (Besluit politiegegevens buitengewoon
		// opsporingsambtenaren): a record that says so is lawful.
		{name: "a boa's bodycam that says the boa's investigate", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: police_data, boa: true, law: "Wet politiegegevens; Besluit politiegegevens buitengewoon opsporingsambtenaren"}
`},
		// boa says the boa's data are police data; under regime other it
		// lifts nothing.
		{name: "boa's named under regime other", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: other, boa: true, law: Wet politiegegevens}
`, want: []want{{"legal-basis", "VNG VI", finding.Warning, 5, 23, "legal_basis.regime is other, but the record processes personal data and the operator is not the police"}}},
		{name: "police data claimed by a municipality that names no boa's", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: police_data, law: Wet politiegegevens}
`, want: []want{
			{"legal-basis", "VNG VI", finding.Error, 5, 1, "the GDPR applies, as the operator is not the police"},
			{"legal-basis", "VNG VI", finding.Error, 5, 23, "what boa's process to investigate the offences of their deed, and the record says none of these"},
		}},
		{name: "boa's named but police data said false", yaml: `
id: s
kind: sensor
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis: {regime: police_data, boa: false, law: Wet politiegegevens}
`, want: []want{
			{"legal-basis", "VNG VI", finding.Error, 5, 1, "the GDPR applies, as the operator is not the police"},
			{"legal-basis", "VNG VI", finding.Error, 5, 23, "the record says none of these"},
		}},
		{name: "regime other for the police", yaml: `
id: s
kind: sensor
organisation: {name: Politie, type: police}
personal_data: {processed: yes}
legal_basis: {regime: other, law: Wet politiegegevens}
`},
		{name: "no personal data, no basis needed", yaml: `
id: s
kind: sensor
personal_data: {processed: no}
`},
		{name: "missing with personal data", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
`, want: []want{{"legal-basis", "VNG VI", finding.Error, 1, 1, "no legal basis is recorded, while the record processes personal data"}}},
		{name: "missing with unknown personal data cites 6.4", yaml: `
id: s
kind: sensor
personal_data: {processed: unknown}
`, want: []want{{"legal-basis", "VNG 6.4", finding.Error, 1, 1, "so it counts as personal data (6.4)"}}},
		{name: "legitimate interest is not for a municipality", yaml: `
id: s
kind: algorithm
organisation: {name: G, type: municipality}
personal_data: {processed: yes}
legal_basis:
  regime: gdpr
  gdpr_ground: legitimate_interest
  law: Participatiewet
`, want: []want{{"legal-basis", "VNG VI", finding.Error, 7, 16, "legitimate_interest is not available to a public authority (municipality)"}}},
		{name: "GDPR without its ground, and no law", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
legal_basis:
  regime: gdpr
`, want: []want{
			{"legal-basis", "VNG VI", finding.Warning, 4, 1, "does not name the law"},
			{"legal-basis", "VNG VI", finding.Error, 4, 1, "the legal basis names the GDPR but not its ground"},
		}},
	})
}

func TestRetention(t *testing.T) {
	runCases(t, "retention", nil, []ruleCase{
		{name: "stated", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
retention: P28D
`},
		{name: "not stored", yaml: `
id: s
kind: sensor
personal_data: {processed: unknown}
retention: not_stored
`},
		{name: "missing", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
`, want: []want{{"retention", "VNG V", finding.Warning, 1, 1, "no retention period is stated"}}},
		{name: "not a duration", yaml: `
id: s
kind: sensor
personal_data: {processed: yes}
retention: 28 days
`, want: []want{{"retention", "VNG V", finding.Warning, 4, 12, `retention "28 days" is not a duration`}}},
	})
}

func TestDataRights(t *testing.T) {
	runCases(t, "data-rights", nil, []ruleCase{
		{name: "municipality holds the rights", yaml: `
id: s
kind: sensor
vendor: {manufacturer: Axis}
data_rights: {holder: municipality, resale_forbidden: true}
`},
		{name: "no supplier involved", yaml: `
id: s
kind: algorithm
`},
		{name: "supplier without agreement", yaml: `
id: s
kind: algorithm
supplier: {name: Leverancier BV}
`, want: []want{{"data-rights", "VNG 5.2", finding.Warning, 1, 1, "names a supplier or manufacturer but does not say who holds the rights"}}},
		{name: "supplier holds the rights and may sell", yaml: `
id: s
kind: sensor
data_rights:
  holder: supplier
  resale_forbidden: false
`, want: []want{
			{"data-rights", "VNG 5.2", finding.Warning, 4, 11, "the rights to the data are held by the supplier, not the municipality"},
			{"data-rights", "VNG 5.2", finding.Warning, 5, 21, "the supplier may sell the data"},
		}},
		{name: "resale not addressed", yaml: `
id: s
kind: sensor
supplier: {name: Leverancier BV}
data_rights:
  holder: municipality
`, want: []want{{"data-rights", "VNG 5.2", finding.Warning, 4, 1, "does not say whether the supplier may sell the data"}}},
	})
}

// The example law in legal-basis's help fits the record: Gemeentewet 151c
// only for the mayor's public-order cameras.
func TestLegalBasisLawExample(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		want, not  [2]string // Dutch, English
	}{
		{"public-order camera", "id: c\nkind: sensor\nsensor_type: camera\ncamera_regime: public_order\npersonal_data: {processed: \"yes\"}\nlegal_basis: {regime: police_data}\n",
			[2]string{"'Gemeentewet art. 151c'", "'Gemeentewet art. 151c'"}, [2]string{"AVG art. 6", "GDPR art. 6"}},
		{"traffic camera", "id: c\nkind: sensor\nsensor_type: camera\ncamera_regime: traffic_management\npersonal_data: {processed: \"yes\"}\nlegal_basis: {regime: gdpr, gdpr_ground: public_task}\n",
			[2]string{"'AVG art. 6 lid 1 sub e'", "'GDPR art. 6(1)(e)'"}, [2]string{"151c", "151c"}},
		{"algorithm", "id: a\nkind: algorithm\npersonal_data: {processed: \"yes\"}\nlegal_basis: {regime: gdpr, gdpr_ground: public_task}\n",
			[2]string{"'AVG art. 6 lid 1 sub e'", "'GDPR art. 6(1)(e)'"}, [2]string{"151c", "151c"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := only(t, "legal-basis", nil, nil, testToday, c.yaml)
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1: %v", len(fs), fs)
			}
			for i, lang := range []string{"nl", "en"} {
				help := fs[0].Help.In(lang)
				if !strings.Contains(help, c.want[i]) || strings.Contains(help, c.not[i]) {
					t.Errorf("%s help = %q, want %q and not %q", lang, help, c.want[i], c.not[i])
				}
			}
		})
	}
}

// TestDPIALegalScope: a missing DPIA is a legal duty, which no setting
// silences, where the law demands the DPIA: a sensor that processes
// personal data or may (nobody knows: privacy fails closed), and what
// GDPR art. 35(3) and the Dutch DPA's list name, special categories
// included. An algorithm that supports a decision without profiling or
// special categories is the principle's, and a municipality may set it
// otherwise, visibly.
func TestDPIALegalScope(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		legal      bool
	}{
		{"sensor with personal data", "kind: sensor\nsensor_type: noise\npersonal_data: {processed: yes}\n", true},
		{"sensor, personal by its nature", "kind: sensor\nsensor_type: anpr_camera\n", true},
		{"sensor, not known", "kind: sensor\nsensor_type: crowd_counter\npersonal_data: {processed: unknown}\n", true},
		{"algorithm with special categories", "kind: algorithm\nrole: decision_support\npersonal_data: {processed: yes, special_categories: true}\n", true},
		{"camera, only assumed", "kind: sensor\nsensor_type: camera\ncamera_regime: traffic_management\npersonal_data: {processed: unknown}\n", true},
		{"algorithm that profiles", "kind: algorithm\nrole: profiling\npersonal_data: {processed: yes}\n", true},
		{"algorithm that supports a decision", "kind: algorithm\nrole: decision_support\npersonal_data: {processed: yes}\n", false},
		{"sensor whose DPIA came after the start", "kind: sensor\npersonal_data: {processed: yes}\ndpia: {status: done, date: 2026-03-01}\nlifecycle: {start: 2026-02-01}\n", true},
		{"sensor whose DPIA is still to come", "kind: sensor\npersonal_data: {processed: yes}\ndpia: {status: done, date: 2099-01-01}\n", true},
		{"sensor whose DPIA came after processing older than the GDPR", "kind: sensor\npersonal_data: {processed: yes}\ndpia: {status: done, date: 2019-03-01}\nlifecycle: {start: 2017-02-01}\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "dpia-required", nil, nil, testToday, "id: s\nstatus: active\n"+tt.yaml)
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %v", fs)
			}
			if got := !fs[0].Law.IsZero(); got != tt.legal {
				t.Errorf("legal duty %v, want %v (%s)", got, tt.legal, fs[0].Law.In("en"))
			}
		})
	}
}

// TestPoliceDataAreHeldToTheDirectiveNotTheGDPR: police data (the police's
// own, and what boa's process to investigate offences) are outside the
// GDPR (art. 2(2)(d)). Where the Law Enforcement Directive has the same
// duty, such a record's finding stays legal and cites the directive's
// article as the Wet politiegegevens carries it out; where it has none (a
// legitimate interest), the finding is the principle's. Neither names the
// GDPR; the same record under the GDPR keeps its legal finding.
func TestPoliceDataAreHeldToTheDirectiveNotTheGDPR(t *testing.T) {
	const (
		boaData = "organisation: {type: municipality}\ncamera_regime: other\nlegal_basis: {regime: police_data, boa: true}\n"
		boaGDPR = "organisation: {type: municipality}\ncamera_regime: other\nlegal_basis: {regime: gdpr, boa: true}\n"
		police  = "organisation: {type: police}\ncamera_regime: police\nlegal_basis: {regime: police_data}\n"
		camera  = "sensor_type: camera\npersonal_data: {processed: \"yes\"}\n"
		counter = "sensor_type: wifi_bluetooth_counter\npersonal_data: {processed: \"yes\"}\n"
	)
	for _, tt := range []struct {
		name, rule, yaml string
		sev              finding.Severity
		law, message     string
	}{
		{"a boa camera's police data without a DPIA", "dpia-required", boaData + camera,
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "no DPIA is recorded, while the record processes personal data"},
		{"the police's camera without a DPIA", "dpia-required", police + camera,
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "no DPIA is recorded, while the record processes personal data"},
		{"a boa camera under the GDPR without a DPIA", "dpia-required", boaGDPR + camera,
			finding.Error, "GDPR art. 35(1) and (3)", "no DPIA is recorded, while the record processes personal data"},
		{"a boa camera's police data, DPIA not required", "dpia-required", boaData + camera + "dpia: {status: not_required, reason: x}\n",
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "dpia.status is not_required, but the law makes a DPIA mandatory (Wet politiegegevens; Directive (EU) 2016/680 art. 27) for systematic monitoring of a publicly accessible area with cameras"},
		{"the police's camera, DPIA not required", "dpia-required", police + camera + "dpia: {status: not_required, reason: x}\n",
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "dpia.status is not_required, but the law makes a DPIA mandatory (Wet politiegegevens; Directive (EU) 2016/680 art. 27) for systematic monitoring of a publicly accessible area with cameras"},
		{"a boa camera under the GDPR, DPIA not required", "dpia-required", boaGDPR + camera + "dpia: {status: not_required, reason: x}\n",
			finding.Error, "GDPR art. 35(1) and (3)", "dpia.status is not_required, but the law makes a DPIA mandatory (GDPR art. 35(3)(c); Dutch DPA DPIA list (Stcrt. 2019, 64418)) for systematic monitoring of a publicly accessible area with cameras"},
		{"the police's prediction about people, DPIA not required", "dpia-required", "kind: algorithm\nrole: prediction\naffects_individuals: true\n" + police + "personal_data: {processed: \"yes\"}\ndpia: {status: not_required, reason: x}\n",
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "dpia.status is not_required, but the law makes a DPIA mandatory (Wet politiegegevens; Directive (EU) 2016/680 art. 27) for predicting or evaluating aspects of people (prediction), which is profiling"},
		{"a boa camera's police data, DPIA after the start", "dpia-required", boaData + camera + "lifecycle: {start: 2026-02-01}\ndpia: {status: done, date: 2026-03-01}\n",
			finding.Warning, "Wet politiegegevens; Directive (EU) 2016/680 art. 27", "the law asks for the DPIA before the processing (Wet politiegegevens; Directive (EU) 2016/680 art. 27)"},
		{"a boa camera under the GDPR, DPIA after the start", "dpia-required", boaGDPR + camera + "lifecycle: {start: 2026-02-01}\ndpia: {status: done, date: 2026-03-01}\n",
			finding.Warning, "GDPR art. 35(1) and (3)", "the law asks for the DPIA before the processing (GDPR art. 35(1))"},
		{"a boa's counter of police data without minimisation", "device-minimisation", boaData + counter,
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 4(1)(c), 20(1)", "the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (Wet politiegegevens; Directive (EU) 2016/680 art. 4(1)(c), 20(1)), but lists no hashing with a rotating salt or truncation (hashing_rotating_salt, truncation) and sending only counts (aggregation_only)"},
		{"the police's counter without minimisation", "device-minimisation", police + counter,
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 4(1)(c), 20(1)", "the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (Wet politiegegevens; Directive (EU) 2016/680 art. 4(1)(c), 20(1)), but lists no hashing with a rotating salt or truncation (hashing_rotating_salt, truncation) and sending only counts (aggregation_only)"},
		{"a boa's counter under the GDPR without minimisation", "device-minimisation", boaGDPR + counter,
			finding.Error, "GDPR art. 5(1)(c), 25(1)", "the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (GDPR art. 5(1)(c), 25(1)), but lists no hashing with a rotating salt or truncation (hashing_rotating_salt, truncation) and sending only counts (aggregation_only)"},
		{"the police's camera without a legal basis", "legal-basis", strings.Replace(police, "legal_basis: {regime: police_data}\n", "", 1) + camera,
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 8", "no legal basis is recorded, while the record processes personal data"},
		{"the police's ANPR camera of data not known, without a legal basis", "legal-basis", strings.Replace(police, "legal_basis: {regime: police_data}\n", "", 1) + "sensor_type: anpr_camera\npersonal_data: {processed: unknown}\n",
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 8", "no legal basis is recorded, while the sensor processes personal data by its nature (anpr_camera)"},
		{"a municipality's camera without a legal basis", "legal-basis", strings.Replace(boaData, "legal_basis: {regime: police_data, boa: true}\n", "", 1) + camera,
			finding.Error, "GDPR art. 6(1)", "no legal basis is recorded, while the record processes personal data"},
		{"the police's data on legitimate interest", "legal-basis", strings.Replace(police, "regime: police_data", "regime: police_data, gdpr_ground: legitimate_interest, law: Wet politiegegevens", 1) + camera,
			finding.Warning, "", "legal_basis.gdpr_ground is legitimate_interest, but the record's data are police data, which the Wet politiegegevens governs, not the GDPR"},
		{"a boa camera's police data on legitimate interest", "legal-basis", strings.Replace(boaData, "boa: true", "boa: true, gdpr_ground: legitimate_interest, law: Wet politiegegevens", 1) + camera,
			finding.Warning, "", "legal_basis.gdpr_ground is legitimate_interest, but the record's data are police data, which the Wet politiegegevens governs, not the GDPR"},
		{"the police under the GDPR on legitimate interest", "legal-basis", strings.Replace(police, "regime: police_data", "regime: gdpr, gdpr_ground: legitimate_interest, law: Politiewet 2012", 1) + camera,
			finding.Error, "GDPR art. 6(1), last sentence", "legitimate_interest is not available to a public authority (police) for its tasks (GDPR art. 6(1), last sentence)"},
		{"a boa camera under the GDPR on legitimate interest", "legal-basis", strings.Replace(boaGDPR, "boa: true", "boa: true, gdpr_ground: legitimate_interest, law: Gemeentewet", 1) + camera,
			finding.Error, "GDPR art. 6(1), last sentence", "legitimate_interest is not available to a public authority (municipality) for its tasks (GDPR art. 6(1), last sentence)"},
		{"the police's camera said to process no personal data", "personal-data-inferred", police + "sensor_type: camera\npersonal_data: {processed: \"no\"}\n",
			finding.Error, "Wet politiegegevens; Directive (EU) 2016/680 art. 3(1)", "personal_data.processed is no, but a sensor with camera_regime police processes personal data: images, sound, licence plates and device identifiers, hashed or not, relate to identifiable people"},
		{"a boa's ANPR camera of police data, not known", "personal-data-inferred", boaData + "sensor_type: anpr_camera\npersonal_data: {processed: unknown}\n",
			finding.Warning, "Wet politiegegevens; Directive (EU) 2016/680 art. 3(1)", "personal_data.processed is unknown, but a sensor with anpr_camera processes personal data"},
		{"a boa's ANPR camera under the GDPR said to process no personal data", "personal-data-inferred", boaGDPR + "sensor_type: anpr_camera\npersonal_data: {processed: \"no\"}\n",
			finding.Error, "GDPR art. 4(1)", "personal_data.processed is no, but a sensor with anpr_camera processes personal data: images, sound, licence plates and device identifiers, hashed or not, relate to identifiable people (GDPR art. 4(1))"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			yaml := tt.yaml
			if !strings.HasPrefix(yaml, "kind:") {
				yaml = "kind: sensor\n" + yaml
			}
			fs := only(t, tt.rule, nil, nil, testToday, "id: b\nstatus: active\n"+yaml)
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %v", fs)
			}
			f := fs[0]
			if f.Severity != tt.sev || f.Law.In("en") != tt.law || !strings.Contains(f.Message.In("en"), tt.message) {
				t.Errorf("got %s, law %q: %q\nwant %s, law %q: %q", f.Severity, f.Law.In("en"), f.Message.In("en"), tt.sev, tt.law, tt.message)
			}
			if !strings.HasPrefix(tt.law, "GDPR") && (strings.Contains(f.Message.In("en"), "GDPR art.") || strings.Contains(f.Message.In("nl"), "AVG art.")) {
				t.Errorf("a finding on police data names the GDPR: %q / %q", f.Message.In("en"), f.Message.In("nl"))
			}
		})
	}
}

// TestConfigurationLowersNoDutyOfPoliceData: a claim of police data takes
// no duty out of the law: the directive's finding keeps the error the law
// gives it when the rule is set lower, as the GDPR's does.
func TestConfigurationLowersNoDutyOfPoliceData(t *testing.T) {
	const (
		policeData = "organisation: {type: municipality}\nlegal_basis: {regime: police_data, boa: true, law: Wet politiegegevens}\n"
		gdpr       = "organisation: {type: municipality}\nlegal_basis: {regime: gdpr, gdpr_ground: public_task, boa: true, law: Gemeentewet}\n"
	)
	for _, tt := range []struct{ rule, yaml string }{
		{"dpia-required", "sensor_type: camera\ncamera_regime: other\npersonal_data: {processed: \"yes\"}\ndpia: {status: not_required, reason: x}\n"},
		{"device-minimisation", "sensor_type: wifi_bluetooth_counter\npersonal_data: {processed: \"yes\"}\n"},
		{"personal-data-inferred", "sensor_type: anpr_camera\npersonal_data: {processed: \"no\"}\n"},
	} {
		t.Run(tt.rule, func(t *testing.T) {
			cfg := config.Default()
			cfg.Rules = map[string]config.RuleSetting{tt.rule: {Severity: finding.Warning, Reason: "Lowered."}}
			for _, c := range []struct {
				regime string
				want   finding.Severity
			}{{policeData, finding.Error}, {gdpr, finding.Error}} {
				fs := only(t, tt.rule, cfg, nil, testToday, "id: b\nkind: sensor\nstatus: active\n"+c.regime+tt.yaml)
				if len(fs) != 1 || fs[0].Severity != c.want {
					t.Errorf("with %q: got %v, want one %s", c.regime, fs, c.want)
				}
			}
		})
	}
}

// TestDPIAMessagesCiteWithTheDuty pins where dpia-required's messages cite
// the law: with the sentence that states the duty, not after why personal
// data are at stake, and the directive for police data.
func TestDPIAMessagesCiteWithTheDuty(t *testing.T) {
	const toCome = "dpia: {status: done, date: 2027-05-01}\n"
	const waived = "dpia: {status: not_required, reason: small}\n"
	for _, tc := range []struct {
		name, record, lang, want string
	}{
		{"a DPIA to come, in Dutch", boaCameraGDPR + toCome, "nl",
			"De DPIA is dus nog niet uitgevoerd. Er worden persoonsgegevens verwerkt. De wet vraagt om de DPIA vóór de verwerking (AVG art. 35 lid 1)."},
		{"a DPIA to come, in English", boaCameraGDPR + toCome, "en",
			"it is not done yet, while the record processes personal data, and the law asks for the DPIA before the processing (GDPR art. 35(1))"},
		{"a DPIA to come on police data, in Dutch", policeOwnCamera + toCome, "nl",
			"Er worden persoonsgegevens verwerkt. De wet vraagt om de DPIA vóór de verwerking (Wet politiegegevens; Richtlijn (EU) 2016/680 art. 27)."},
		{"a DPIA waived, in Dutch", boaCameraGDPR + waived, "nl",
			"maar de wet maakt een DPIA verplicht (AVG art. 35 lid 3 onder c; DPIA-lijst van de Autoriteit Persoonsgegevens (Stcrt. 2019, 64418)) voor het stelselmatig volgen van een openbare ruimte met camera's (cameratoezicht)."},
		{"a DPIA waived on police data, in English", policeOwnCamera + waived, "en",
			"but the law makes a DPIA mandatory (Wet politiegegevens; Directive (EU) 2016/680 art. 27) for systematic monitoring of a publicly accessible area with cameras"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := only(t, "dpia-required", nil, nil, testToday, tc.record)
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %v", fs)
			}
			if msg := fs[0].Message.In(tc.lang); !strings.HasSuffix(msg, tc.want) && !strings.Contains(msg, tc.want) {
				t.Errorf("message\n  %s\ndoes not hold\n  %s", msg, tc.want)
			}
		})
	}
}

// TestRetiredRecordDataStillHeld: retiring a record ends its use, not the
// personal data it gathered. While data made before its end may still be
// held, by the municipality or a recipient, the register shows how long:
// the retention rule applies until lifecycle.end plus the longest
// retention stated, its own or a recipient's; a retention not stated or
// not readable is taken as still held.
func TestRetiredRecordDataStillHeld(t *testing.T) {
	sensor := func(status, end, retention, sharing string) string {
		return endedRecord(`
id: s
kind: sensor
status: `+status+`
personal_data: {processed: "yes"}
`, end, retention, sharing)
	}
	const today = "2026-12-07"
	for _, c := range []struct {
		name    string
		yaml    string
		applies bool
		want    []want
	}{
		{name: "retired yesterday, data kept five years", yaml: sensor("retired", "2026-12-06", "P5Y", ""), applies: true},
		{name: "retired long ago, data kept a year: all destroyed", yaml: sensor("retired", "2020-01-01", "P1Y", "")},
		{name: "retired long ago, a recipient keeps it five years under an agreement to 2030", yaml: sensor("retired", "2020-01-01", "P1Y",
			"  - {party: Onderzoeksbureau Stad, start: 2019-06-01, end: 2030-12-31, retention: P5Y}\n"), applies: true},
		{name: "retired long ago without a stated retention", yaml: sensor("retired", "2020-01-01", "", ""), applies: true,
			want: []want{{"retention", "VNG V", finding.Warning, 1, 1, "no retention period is stated"}}},
		{name: "retired long ago with a retention that cannot be read", yaml: sensor("retired", "2020-01-01", "een jaar", ""), applies: true,
			want: []want{{"retention", "VNG V", finding.Warning, 6, 12, `retention "een jaar" is not a duration`}}},
		{name: "in use, data kept a year", yaml: sensor("active", "2030-01-01", "P1Y", ""), applies: true},
		{name: "in use without a stated retention", yaml: sensor("active", "2030-01-01", "", ""), applies: true,
			want: []want{{"retention", "VNG V", finding.Warning, 1, 1, "no retention period is stated"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := newFixture(t, nil, c.yaml).reg.Records[0]
			rule, _ := Lookup("retention")
			if got := rule.AppliesOnDay(InUseUntilEnd(rec, day(today)), day(today)); got != c.applies {
				t.Errorf("retention applies: %v, want %v", got, c.applies)
			}
			match(t, only(t, "retention", nil, nil, today, strings.TrimLeft(c.yaml, "\n")), c.want)
		})
	}
}

// TestRetiredRetentionHoldsUntilDataIsGone: the verdict of a retention
// rule on a retired record changes on the first day its last data is
// destroyed, and the outcome says so, for the check cache to check it
// again then. Data gathered on the last day, 6 December, kept four
// weeks, is gone from 4 January: a public-order camera's images, and any
// record's personal data.
func TestRetiredRetentionHoldsUntilDataIsGone(t *testing.T) {
	for _, c := range []struct{ rule, yaml string }{
		{"camera-retention", "sensor_type: camera\ncamera_regime: public_order\n"},
		{"retention", "personal_data: {processed: \"yes\"}\n"},
	} {
		t.Run(c.rule, func(t *testing.T) {
			rec := newFixture(t, nil, "id: s\nkind: sensor\nstatus: retired\n"+c.yaml+"lifecycle: {start: 2025-06-01, end: 2026-12-06}\nretention: P28D\n").reg.Records[0]
			rule, _ := Lookup(c.rule)
			for _, d := range []struct {
				day     string
				applies bool
			}{
				{"2026-12-07", true},
				{"2027-01-03", true},
				{"2027-01-04", false},
			} {
				if got := rule.AppliesOnDay(InUseUntilEnd(rec, day(d.day)), day(d.day)); got != d.applies {
					t.Errorf("on %s %s applies: %v, want %v", d.day, c.rule, got, d.applies)
				}
			}
			o := NewChecklist(config.Default(), Options{Today: day("2026-12-07")}).Record(rec)
			if !o.Holds.Holds(day("2027-01-03")) || o.Holds.Holds(day("2027-01-04")) {
				t.Errorf("the outcome on 2026-12-07 holds %s; want it to end on 2027-01-04", spanText(o.Holds))
			}
		})
	}
}

// TestDecisionSupportNotRequiredIsTheLawsWarning: decision support about
// people is profiling only where it evaluates aspects of the people
// themselves (GDPR art. 4(4)); a tool that checks a passport photo's
// proportions, or a property's value, does not. The record cannot tell,
// so its DPIA waived is the law's warning, which no setting silences but
// which is no verdict of a breach. A prediction about people, and
// profiling, stay errors.
func TestDecisionSupportNotRequiredIsTheLawsWarning(t *testing.T) {
	const base = "id: a\nkind: algorithm\nstatus: active\naffects_individuals: true\npersonal_data: {processed: \"yes\"}\ndpia: {status: not_required, reason: Meet alleen de verhoudingen van de pasfoto.}\n"
	for _, tt := range []struct {
		role    string
		sev     finding.Severity
		message string
	}{
		{"decision_support", finding.Warning, "dpia.status is not_required for decision support about people: where it evaluates aspects of the people themselves, it is profiling, for which the law makes a DPIA mandatory (GDPR art. 35(3)(a)"},
		{"prediction", finding.Error, "dpia.status is not_required, but the law makes a DPIA mandatory (GDPR art. 35(3)(a); Dutch DPA DPIA list (Stcrt. 2019, 64418)) for predicting or evaluating aspects of people (prediction), which is profiling"},
		{"profiling", finding.Error, "dpia.status is not_required, but the law makes a DPIA mandatory (GDPR art. 35(3)(a)"},
	} {
		t.Run(tt.role, func(t *testing.T) {
			cfg := config.Default()
			cfg.Rules = map[string]config.RuleSetting{"dpia-required": {Severity: finding.Off, Reason: "we decide"}}
			for _, c := range []*config.Config{nil, cfg} {
				fs := only(t, "dpia-required", c, nil, testToday, base+"role: "+tt.role+"\n")
				if len(fs) != 1 || fs[0].Severity != tt.sev || !strings.Contains(fs[0].Message.In("en"), tt.message) || fs[0].Law.IsZero() {
					t.Fatalf("switched off %v: %+v; want one legal %v: %s", c != nil, fs, tt.sev, tt.message)
				}
			}
		})
	}
}

// TestDecisionSupportThatEvaluatesPeopleIsProfiling: decision support is
// profiling where it evaluates aspects of the people themselves (GDPR art.
// 4(4)). Where the record's own Annex III point says so (creditworthiness,
// a law enforcement risk assessment, a worker's performance), waiving the
// DPIA is a breach of art. 35(3)(a), an error that names the field, not
// the warning the passport-photo checker gets.
func TestDecisionSupportThatEvaluatesPeopleIsProfiling(t *testing.T) {
	const base = "id: a\nkind: algorithm\nstatus: active\nrole: decision_support\naffects_individuals: true\npersonal_data: {processed: \"yes\"}\ndpia: {status: not_required, reason: Medewerkers beslissen zelf.}\n"
	for _, tt := range []struct {
		name    string
		aiAct   string
		sev     finding.Severity
		message string
	}{
		{"creditworthiness", "ai_act: {category: high_risk, annex_iii: 5(b)}\n", finding.Error, "ai_act.annex_iii is 5(b)"},
		{"law enforcement profiling", "ai_act: {category: high_risk, annex_iii: 6(e)}\n", finding.Error, "ai_act.annex_iii is 6(e)"},
		{"eligibility for benefits", "ai_act: {category: high_risk, annex_iii: 5(a)}\n", finding.Error, "ai_act.annex_iii is 5(a)"},
		{"workers' performance", "ai_act: {category: high_risk, annex_iii: 4(b)}\n", finding.Error, "ai_act.annex_iii is 4(b)"},
		{"learners evaluated", "ai_act: {category: high_risk, annex_iii: 3(b)}\n", finding.Error, "ai_act.annex_iii is 3(b)"},
		{"migration, whole point", "ai_act: {category: high_risk, annex_iii: \"7\"}\n", finding.Error, "ai_act.annex_iii is 7"},
		{"exempt under 6(3) still evaluates people", "ai_act: {category: minimal, annex_iii: 5(c), exemption_6_3: Voorbereidend.}\n", finding.Error, "ai_act.annex_iii is 5(c)"},
		{"critical infrastructure is no evaluation of people", "ai_act: {category: high_risk, annex_iii: 2(a)}\n", finding.Warning, "dpia.status is not_required for decision support about people"},
		{"passport photo, no signal", "ai_act: {category: not_ai}\n", finding.Warning, "dpia.status is not_required for decision support about people"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "dpia-required", nil, nil, testToday, base+tt.aiAct)
			if len(fs) != 1 || fs[0].Severity != tt.sev || !strings.Contains(fs[0].Message.In("en"), tt.message) || fs[0].Law.IsZero() {
				t.Fatalf("%+v; want one legal %v: %s", fs, tt.sev, tt.message)
			}
			if tt.sev == finding.Error && (!strings.Contains(fs[0].Message.In("en"), "GDPR art. 4(4)") || !strings.Contains(fs[0].Message.In("nl"), "ai_act.annex_iii")) {
				t.Errorf("the error should cite art. 4(4) and name the field in both languages:\n%s\n%s", fs[0].Message.In("en"), fs[0].Message.In("nl"))
			}
		})
	}
}

// TestRetiredNotStoredWhileRecordingMayStillHoldData: a retired camera
// that recorded while its retention said nothing was stored (not_stored,
// or a duration of nothing) does not show when its recordings are gone,
// as with a retention not stated: the finding stays after the end. With
// its recording switched off, not_stored is taken at its word and the
// data are gone the day after the end.
func TestRetiredNotStoredWhileRecordingMayStillHoldData(t *testing.T) {
	for _, c := range []struct {
		name, rule, yaml string
		heldAfter        bool
	}{
		{"public-order camera, not_stored", "camera-retention", "camera_regime: public_order\nretention: not_stored\ncapabilities: [video_recording, live_viewing]\n", true},
		{"public-order camera, P0D", "camera-retention", "camera_regime: public_order\nretention: P0D\ncapabilities: [video_recording, live_viewing]\n", true},
		{"traffic camera, not_stored", "retention", "camera_regime: traffic_management\npersonal_data: {processed: \"yes\"}\nretention: not_stored\ncapabilities: [video_recording]\n", true},
		{"public-order camera, recording switched off", "camera-retention", "camera_regime: public_order\nretention: not_stored\ncapabilities: [video_recording, live_viewing]\nswitched_off: [video_recording]\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "id: c\nkind: sensor\nstatus: retired\nsensor_type: camera\nlifecycle: {start: 2025-06-01, end: 2026-12-01}\n" + c.yaml
			for _, today := range []string{"2026-12-02", "2027-06-01"} {
				fs := only(t, c.rule, nil, nil, today, text)
				if held := len(fs) == 1 && fs[0].Path == "/retention"; held != c.heldAfter || !c.heldAfter && len(fs) != 0 {
					t.Errorf("on %s: %+v; want a finding on retention: %v", today, fs, c.heldAfter)
				}
			}
		})
	}
}

// A camera securing an object may film its own closed grounds: its DPIA
// is mandatory by the Dutch DPA's list of camera surveillance, not as
// monitoring of a publicly accessible area (GDPR art. 35(3)(c)).
func TestObjectSecurityDPIACitesTheListOnly(t *testing.T) {
	const rec = "id: c\nkind: sensor\nstatus: active\norganisation: {type: municipality}\nsensor_type: camera\ncamera_regime: object_security\npersonal_data: {processed: \"yes\"}\ndpia: {status: not_required, reason: Eigen terrein.}\n"
	fs := only(t, "dpia-required", nil, nil, testToday, rec)
	if len(fs) != 1 || fs[0].Severity != finding.Error {
		t.Fatalf("%+v, want one error", fs)
	}
	if msg := fs[0].Message.In("en"); strings.Contains(msg, "35(3)(c)") || strings.Contains(msg, "publicly accessible") || !strings.Contains(msg, "Dutch DPA DPIA list") {
		t.Errorf("the message cites the wrong ground: %s", msg)
	}
}
