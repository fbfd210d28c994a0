package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestPersonalBySigns holds a sensor to what it says it processes, not to
// its sensor_type: the auditor's Wi-Fi counter relabelled crowd_counter,
// as of 2026-12-07, against the same counter under its own type, and
// counters that stay clean.
func TestPersonalBySigns(t *testing.T) {
	cfg := bundledConfig(t)
	wifi := bundled(t, "sensors/wifi-tellers-stationskwartier.yaml")
	relabel := func(s string) string {
		return edit(t, s, "sensor_type: wifi_bluetooth_counter", "sensor_type: crowd_counter")
	}
	notRequired := func(s string) string {
		return edit(t, s, "dpia:\n  status: done\n  date: 2025-11-04\n  url: https://www.voorbeeldstad.example/privacy/dpia-wifitellers-stationskwartier.pdf\n  public: true\n",
			"dpia: {status: not_required, reason: \"alleen aantallen\"}\n")
	}
	// The variant: says it processes no personal data, keeps the MAC
	// addresses among its categories, no legal basis, no signs.
	denies := func(s string) string {
		return edit(t, s, "personal_data:\n  processed: \"yes\"", "personal_data:\n  processed: \"no\"",
			"legal_basis:\n  regime: gdpr\n  gdpr_ground: public_task\n  law: Gemeentewet artikel 160 (uitvoering van de verbouwing en de zorg voor de openbare ruimte).\n  links:\n    - https://eur-lex.europa.eu/eli/reg/2016/679/oj\n", "",
			"signage:\n  present: true", "signage:\n  present: false")
	}
	mandatory := brief{"dpia-required", finding.Error, "/dpia/status", "dpia.status is not_required, but the law makes a DPIA mandatory (Dutch DPA DPIA list (Stcrt. 2019, 64418)) for tracking devices or people (location data)"}
	variant := []brief{
		{"personal-data-inferred", finding.Error, "/personal_data/processed", "personal_data.processed is no, but a sensor with"},
		{"legal-basis", finding.Error, "", "no legal basis is recorded"},
		mandatory,
		{"signage", finding.Error, "/signage", "the sensor has no signs"},
	}
	cases := []struct {
		name   string
		edits  []func(string) string
		want   []brief
		errors int
	}{
		{"Wi-Fi counter, DPIA not required", []func(string) string{notRequired}, []brief{mandatory}, 1},
		{"relabelled crowd counter, DPIA not required (the auditor's)", []func(string) string{relabel, notRequired}, []brief{mandatory}, 1},
		{"Wi-Fi counter denying personal data", []func(string) string{notRequired, denies}, variant, 4},
		{"relabelled crowd counter denying personal data (the auditor's)", []func(string) string{relabel, notRequired, denies},
			append(variant[:0:0], brief{"personal-data-inferred", finding.Error, "/personal_data/processed", `a sensor with "mac-adres" in personal_data.categories processes personal data`}, variant[1], variant[2], variant[3]), 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := wifi
			for _, e := range c.edits {
				text = e(text)
			}
			fs := checkAllRules(t, cfg, auditAsOf, text)
			for _, w := range c.want {
				if !w.in(fs) {
					t.Errorf("missing %s %s %s %q; errors: %q", w.rule, w.sev, w.path, w.msg, errorsOf(fs))
				}
			}
			if n := len(errorsOf(fs)); n != c.errors {
				t.Errorf("got %d errors, want %d: %q", n, c.errors, errorsOf(fs))
			}
		})
	}
}

// TestPersonalSigns checks the rules that ask whether a record processes
// personal data on small records: what a record says it processes counts,
// a plain counter stays clean.
func TestPersonalSigns(t *testing.T) {
	const counter = `
id: s
kind: sensor
status: active
sensor_type: crowd_counter
capabilities: [people_counting]
lifecycle: {start: 2026-01-01}
`
	cases := []struct {
		name string
		rule string
		yaml string
		want []want
	}{
		{"an infrared people counter", "personal-data-inferred", counter + "personal_data: {processed: no}\n", nil},
		{"an infrared people counter, DPIA not required", "dpia-required", counter + "personal_data: {processed: no}\ndpia: {status: not_required, reason: telt alleen}\n", nil},
		{"an infrared people counter without signs", "signage", counter + "personal_data: {processed: no, categories: [Aantal voorbijgangers per kwartier]}\nsignage: {present: false}\n", nil},
		{"an infrared people counter, no legal basis", "legal-basis", counter + "personal_data: {processed: no}\n", nil},
		{"words inside other words do not count", "personal-data-inferred", counter + "personal_data: {processed: no, categories: [Surface temperature, Interface-logboek, Macro-gegevens]}\n", nil},
		{"a MAC address among the categories", "personal-data-inferred", counter + "personal_data: {processed: no, categories: [MAC-adres van telefoons]}\n",
			[]want{{"personal-data-inferred", "VNG 6.4", finding.Error, 7, 28, `personal_data.processed is no, but a sensor with "mac-adres" in personal_data.categories processes personal data`}}},
		{"Bluetooth addresses, not known whether personal", "personal-data-inferred", counter + "personal_data: {processed: unknown, categories: [Bluetooth-adressen]}\n",
			[]want{{"personal-data-inferred", "VNG 6.4", finding.Warning, 7, 28, `"bluetooth" in personal_data.categories`}}},
		{"hashing with a rotating salt exists only for identifiers", "personal-data-inferred", counter + "personal_data: {processed: no}\nminimisation: {measures: [hashing_rotating_salt, aggregation_only]}\n",
			[]want{{"personal-data-inferred", "VNG 6.4", finding.Error, 7, 28, "a sensor with minimisation.measures hashing_rotating_salt processes personal data"}}},
		{"IMSI numbers, DPIA not required", "dpia-required", counter + "personal_data: {processed: yes, categories: [IMSI-nummers van telefoons]}\ndpia: {status: not_required, reason: gehasht}\n",
			[]want{{"dpia-required", "VNG 6.3", finding.Error, 8, 16, "a DPIA mandatory (…) for tracking devices or people (location data)"}}},
		{"location traces, DPIA not required", "dpia-required", counter + "personal_data: {processed: yes, categories: [Locatiesporen van deelfietsen]}\ndpia: {status: not_required, reason: anoniem}\n",
			[]want{{"dpia-required", "VNG 6.3", finding.Error, 8, 16, "a DPIA mandatory (…) for tracking devices or people (location data)"}}},
		{"licence plates, DPIA not required", "dpia-required", counter + "personal_data: {processed: yes, categories: [Kentekens van passerende auto's]}\ndpia: {status: not_required, reason: gehasht}\n",
			[]want{{"dpia-required", "VNG 6.3", finding.Error, 8, 16, "a DPIA mandatory (…) for recognising licence plates in a publicly accessible area"}}},
		{"faces, DPIA not required", "dpia-required", counter + "personal_data: {processed: yes, categories: [Gezichten van bezoekers, onscherp]}\ndpia: {status: not_required, reason: onscherp}\n",
			[]want{{"dpia-required", "VNG 6.3", finding.Error, 8, 16, `a DPIA mandatory (…) for systematic monitoring of people in a publicly accessible area ("gezicht" in personal_data.categories)`}}},
		{"a counter of phones without minimisation", "device-minimisation", counter + "personal_data: {processed: yes, categories: [Wifi-signalen van telefoons]}\n",
			[]want{{"device-minimisation", "VNG 7.5", finding.Error, 1, 1, "the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (GDPR art. 5(1)(c), 25(1)), but lists no hashing with a rotating salt or truncation"}}},
		{"an algorithm with licence plates processes personal data", "personal-data-inferred", `
id: a
kind: algorithm
status: active
personal_data: {processed: no, categories: [Kenteken]}
`, []want{{"personal-data-inferred", "VNG 6.4", finding.Error, 4, 28, `personal_data.processed is no, but the record itself says the algorithm processes personal data: "kenteken" in personal_data.categories (GDPR art. 4(1))`}}},
		{"an algorithm with licence plates does not watch public space", "dpia-required", `
id: a
kind: algorithm
status: active
personal_data: {processed: yes, categories: [Kenteken]}
dpia: {status: not_required, reason: vergunningenbestand}
`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := only(t, c.rule, nil, nil, auditAsOf, c.yaml[1:])
			var got []finding.Finding
			for _, f := range fs {
				if f.Rule == c.rule {
					got = append(got, f)
				}
			}
			match(t, got, c.want)
		})
	}
}

// TestPersonalBySignInDutch: why the record's own fields make it personal
// data is told in the language of the message, so a Dutch message holds
// no English: a dataset with personal data, a category, a measure.
func TestPersonalBySignInDutch(t *testing.T) {
	const head = "id: a\nkind: algorithm\npersonal_data: {processed: unknown"
	for _, tt := range []struct {
		name, yaml, nl, en string
	}{
		{"dataset", head + "}\ndatasets:\n  - {name: Basisregistratie Personen (BRP), personal_data: true}\n",
			`gegevensbron "Basisregistratie Personen (BRP)" met personal_data: true`, `dataset "Basisregistratie Personen (BRP)" with personal_data: true`},
		{"dataset without a name", head + "}\ndatasets:\n  - {personal_data: true}\n",
			`datasets[0] met personal_data: true`, `datasets[0] with personal_data: true`},
		{"special category", head + ", categories: [gezondheidsgegevens]}\n",
			`"gezondheidsgegevens" bij personal_data.categories`, `"gezondheidsgegevens" in personal_data.categories`},
	} {
		for _, id := range []string{"dpia-required", "personal-data-inferred"} {
			fs := only(t, id, nil, nil, testToday, tt.yaml)
			if len(fs) == 0 {
				t.Errorf("%s, %s: no finding", tt.name, id)
				continue
			}
			nl, en := fs[0].Message.In("nl"), fs[0].Message.In("en")
			if !containsInOrder(nl, tt.nl) || containsInOrder(nl, " with ") || containsInOrder(nl, " in personal_data") {
				t.Errorf("%s, %s: the Dutch message does not say %q in Dutch:\n%s", tt.name, id, tt.nl, nl)
			}
			if !containsInOrder(en, tt.en) {
				t.Errorf("%s, %s: the English message does not say %q:\n%s", tt.name, id, tt.en, en)
			}
		}
	}
}
