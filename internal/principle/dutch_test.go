package principle

import (
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// Records that between them break every rule of the checklist. Every test
// of the package also checks the Dutch of each finding it matches (match in
// harness_test.go); these make sure no rule is left out.

// badCamera breaks most sensor rules at once.
const badCamera = `
id: cam-slecht
kind: sensor
name: Camera zonder papieren
status: active
purpose: "Doel (vul in)"
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {email: niet-een-adres}
personal_data: {processed: unknown}
lifecycle: {start: 2020-01-01}
registered_on: 2019-12-30
sensor_type: camera
capabilities: [face_recognition, people_counting]
switched_off: [emotion_recognition]
vendor: {manufacturer: Hikvision}
data_sharing:
  - {party: Politie, start: 2026-01-01}
incidents:
  - {type: data_breach, discovered: 2026-11-01T10:00:00+01:00}
exceptions:
  - {rule: signage, reason: Borden worden vervangen, approved_by: college, approved_on: 2026-01-01, until: 2027-06-01}
  - {rule: lifecycle-end, reason: Oud besluit, approved_by: college, approved_on: 2024-01-01, until: 2025-01-01}
  - {rule: signag, reason: Tikfout, approved_by: college, approved_on: 2026-01-01, until: 2026-12-31}
  - {rule: biometric-ban, reason: Zoeken naar een vermist kind, approved_by: college, approved_on: 2026-11-01, until: 2026-12-01}
  - {rule: supplier-watch, reason: Het contract loopt af, approved_by: college, approved_on: 2026-01-01, until: 2027-06-01}
camera_regime: unknown
`

// badPublicOrder breaks the rules of Gemeentewet 151c: no bylaw, the
// mayor's decision after the start, images kept a year, no end date.
const badPublicOrder = `
id: cam-151c
kind: sensor
name: Cameratoezicht plein
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider, email: toezicht@voorbeeldstad.example}
decisions:
  - {body: mayor, kind: authorisation, date: 2026-03-01}
personal_data: {processed: yes}
retention: P1Y
lifecycle: {start: 2026-01-01}
sensor_type: camera
camera_regime: public_order
capabilities: [video_recording]
`

// badCounter is a Wi-Fi counter that claims no personal data and lists no
// minimisation.
const badCounter = `
id: wifi-slecht
kind: sensor
name: Wifi-teller
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider, email: mobiliteit@voorbeeldstad.example}
personal_data: {processed: no}
lifecycle: {start: 2026-01-01, end: 2027-01-01}
sensor_type: wifi_bluetooth_counter
capabilities: [people_counting]
`

// badAI is a municipality's generative, high-risk system without its FRIA,
// EU database entry or transparency duties.
const badAI = `
id: alg-genai
kind: algorithm
name: Aanvraaghulp
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider, email: j.devries@voorbeeldstad.example}
personal_data: {processed: yes}
lifecycle: {start: 2026-01-01, end: 2027-01-01}
algorithm_type: generative_ai
role: decision_support
affects_individuals: true
publication_category: high_risk_ai
ai_act: {category: high_risk, role: deployer, annex_iii: 5(a)}
self_learning: false
`

// badAlgorithm breaks the algorithm rules: a private operator's
// self-learning, high-risk algorithm that decides about people on its own,
// past its end date.
const badAlgorithm = `
id: alg-slecht
kind: algorithm
name: Fraudescore
purpose: Teneinde fraude te voorkomen, worden aanvragen middels een score beoordeeld.
status: active
organisation: {name: Analysebureau BV, type: private}
owner: {role: Directeur, email: info@analyse.example}
personal_data: {processed: yes}
dpia: {status: done, date: 2025-01-01}
legal_basis: {regime: gdpr, gdpr_ground: public_task}
retention: P1Y
lifecycle: {start: 2024-01-01, end: 2026-01-01, extension_criteria: Geen klachten.}
algorithm_type: machine_learning
role: automated_decision
affects_individuals: true
publication_category: other
ai_act: {category: high_risk}
self_learning: true
supplier: {name: Analysebureau BV}
reviews:
  - {body: ethics_committee, date: 2026-02-01, asked: false}
exceptions:
  - {rule: datasets-and-source, reason: Broncode volgt, approved_by: college, approved_on: 2026-11-01, until: 2026-12-10}
`

const badConfig = `
supplier_watch:
  - {manufacturer: Hikvision, source: "US FCC Covered List (2022)"}
rules:
  signag: warning
rules_custom:
  - id: drone-review
    require: has(record.reviews)
  - id: eigen-tekst
    require: has(record.reviews)
    message: Elke registratie heeft een advies van de ethische commissie.
    help: Vraag de commissie om advies.
  - id: Bad_Id
    require: "true"
`

func TestEveryRuleSpeaksDutch(t *testing.T) {
	cfg := configFrom(t, badConfig)
	fx := newFixture(t, cfg, badCamera, badAlgorithm, badPublicOrder, badCounter, badAI)
	fs := Run(fx.reg, Options{Today: day(testToday)})
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Rule] = true
		if why := notDutch(f); why != "" {
			t.Errorf("%s %s %q: %s", f.Record, f.Rule, f.Message.In("en"), why)
		}
	}
	for _, id := range append(IDs(), "drone-review", "eigen-tekst", finding.RuleConfig) {
		if !seen[id] {
			t.Errorf("no finding of rule %s: the records no longer break it", id)
		}
	}
	// A custom rule's own message is the municipality's words in both
	// languages; without one, each language gets the tool's own sentence.
	for _, f := range fs {
		switch f.Rule {
		case "eigen-tekst":
			if f.Message.In("nl") != "Elke registratie heeft een advies van de ethische commissie." || f.Message.In("nl") != f.Message.In("en") ||
				f.Help.In("nl") != "Vraag de commissie om advies." || f.Help.In("nl") != f.Help.In("en") {
				t.Errorf("custom rule with its own text: %q / %q, %q / %q", f.Message.In("en"), f.Message.In("nl"), f.Help.In("en"), f.Help.In("nl"))
			}
		case "drone-review":
			if f.Message.In("nl") != "De registratie voldoet niet aan een eigen regel van het register: drone-review" ||
				f.Message.In("en") == f.Message.In("nl") {
				t.Errorf("custom rule without text: %q / %q", f.Message.In("en"), f.Message.In("nl"))
			}
		}
	}
}

func TestDutchMessages(t *testing.T) {
	cfg := configFrom(t, badConfig)
	fx := newFixture(t, cfg, badCamera, badAlgorithm, badPublicOrder)
	fs := Run(fx.reg, Options{Today: day(testToday)})
	tests := []struct {
		rule, path     string
		record         string // the record, when both break the rule
		message, help  string
		severity       finding.Severity
		messageContain bool // message is a part, not the whole
	}{
		{rule: "owner-reachable", path: "/owner/email", severity: finding.Error,
			message: "'niet-een-adres' (owner.email) is geen e-mailadres. Daardoor is de verantwoordelijke niet bereikbaar.",
			help:    "Vul een algemeen e-mailadres in, zoals verkeer@voorbeeldstad.example."},
		{rule: "biometric-ban", path: "/capabilities/0", severity: finding.Error,
			message: "De toepassing kan gezichtsherkenning (face_recognition). Dat is biometrische surveillance, en die is volgens de principes verboden in de openbare ruimte. " +
				"Mensen herkennen aan hun lichaam is een verwerking van bijzondere persoonsgegevens (AVG art. 9 lid 1). " +
				"Er staat niet bij of dit live of achteraf gebeurt; daarom telt het als live. Zeg welke het is met realtime_biometric_identification of post_biometric_identification: beide blijven verboden, alleen de politie kan een uitzondering krijgen. " +
				"(De uitzondering bij exceptions[3] telt niet: er ontbreekt een specifieke wettelijke grondslag (legal_basis), de politie als organisatie (alleen de politie mag een uitzondering op het verbod krijgen), " +
				"de voorafgaande toestemming met instantie, datum en kenmerk (authorisation; AI-verordening art. 5 lid 3), het doel uit art. 5 lid 1 onder h AI-verordening (objective: victim_search, imminent_threat of serious_crime_suspect), " +
				"de nationale wet die live identificatie toestaat (national_law; AI-verordening art. 5 lid 5), een afgeronde grondrechteneffectbeoordeling (ai_act.fria met de datum; AI-verordening art. 5 lid 2, art. 27) " +
				"en de registratie van het systeem in de EU-databank (ai_act.eu_database_id; AI-verordening art. 5 lid 2, art. 49).)"},
		{rule: "signage", path: "", record: "cam-slecht", severity: finding.Error,
			message: "Er staat niet bij hoe de sensor herkenbaar is gemaakt. Wie gefilmd wordt, moet dat kunnen weten (AVG art. 13); bij camera's gebeurt dat met een bord. (De uitzondering bij exceptions[0] telt niet: een uitzondering kan een plicht uit de wet (AVG art. 13) niet opzijzetten. De wet kent er geen uitzondering op.)",
			help:    "Hang borden op met het doel en een verwijzing naar het register, en vul signage in: {present: true, description}."},
		{rule: "exception-refused", path: "/exceptions/0/rule", severity: finding.Warning,
			message: "De uitzondering op signage telt niet. Ze zou een plicht uit de wet (AVG art. 13) opzijzetten, en dat kan geen besluit.",
			help:    "Voldoe aan de plicht en haal de uitzondering weg."},
		{rule: "exception-too-long", path: "/exceptions/4/until", severity: finding.Warning,
			message: "De uitzondering op supplier-watch loopt van 1 januari 2026 tot 1 juni 2027. Dat is langer dan de 1 jaar (P1Y) die is toegestaan (limits.exception_max). Ze telt wel."},
		{rule: "exception-expired", path: "/exceptions/1/until", severity: finding.Warning,
			message: "De uitzondering op lifecycle-end is afgelopen op 1 januari 2025 en telt niet meer."},
		{rule: "exception-unused", path: "/exceptions/2/rule", severity: finding.Warning,
			message: `De uitzondering noemt de regel "signag", maar die regel bestaat niet.`,
			help:    "Bedoelt u signage? `register rules` toont alle regels met hun naam."},
		{rule: "camera-temporary", path: "/lifecycle", record: "cam-151c", severity: finding.Error,
			help: "Vul lifecycle.end in, zoals in het besluit van de burgemeester: ten hoogste 2 jaar (P2Y) na de start."},
		{rule: "lifecycle-ended", path: "/lifecycle/end", severity: finding.Error,
			message: "De toepassing is in gebruik, maar de looptijd is afgelopen op 1 januari 2026."},
		{rule: "evaluation-lapsed", path: "/evaluation", record: "cam-slecht", severity: finding.Warning,
			message: "De evaluatie had op 1 januari 2024 moeten plaatsvinden (4 jaar na de start op 1 januari 2020) en is te laat."},
		{rule: "notice-period", path: "/registered_on", severity: finding.Warning, messageContain: true,
			message: "De sensor is gemeld op 30 december 2019 (registered_on), 2 dagen voor de start op 1 januari 2020. Een sensor moet minstens 5 dagen (P5D) van tevoren worden gemeld."},
		{rule: "datasets-and-source", path: "", severity: finding.Warning, messageContain: true,
			message: "Toegestaan door een uitzondering die binnenkort afloopt: op 10 december 2026, binnen "},
		{rule: "breach-reported", path: "/incidents/0", severity: finding.Error,
			message: "Het datalek dat is ontdekt op 1 november 2026 om 10:00, is niet gemeld bij de Autoriteit Persoonsgegevens. Uiterlijke meldtijd, 72 uur na de ontdekking: 4 november 2026 om 10:00."},
		{rule: "dpia-public", path: "/dpia", severity: finding.Warning,
			message: "De DPIA van de private partij is niet openbaar gemaakt.",
			help:    "Vraag de partij om haar DPIA te delen, maak die openbaar en vul dpia.public: true in, met de link bij dpia.url."},
		{rule: "decision-recorded", path: "", record: "alg-slecht", severity: finding.Error,
			message: "De status is 'in gebruik' (active), maar er staat geen besluit bij om de toepassing in te zetten (de vergunning of melding).",
			help:    "Zet bij decisions de vergunning of melding, met body (wie besloot), kind (permit), de datum (date) en een verwijzing (reference)."},
		{rule: finding.RuleConfig, path: "/rules/signag", severity: finding.Warning,
			message: "rules.signag is de naam van geen enkele regel. Deze instelling doet daarom niets.",
			help:    "Bedoelt u signage? `register rules` toont alle regels met hun naam."},
		{rule: finding.RuleConfig, path: "/rules_custom/2/id", severity: finding.Error,
			message: `De naam "Bad_Id" van een eigen regel is niet goed geschreven.`,
			help:    "Gebruik kleine letters, cijfers en streepjes, zoals drone-review."},
	}
	for _, tt := range tests {
		t.Run(tt.rule+tt.path, func(t *testing.T) {
			i := slices.IndexFunc(fs, func(f finding.Finding) bool {
				return f.Rule == tt.rule && f.Path == tt.path && (tt.record == "" || f.Record == tt.record)
			})
			if i < 0 {
				t.Fatalf("no %s finding at %q", tt.rule, tt.path)
			}
			f := fs[i]
			if f.Severity != tt.severity {
				t.Errorf("severity %s, want %s", f.Severity, tt.severity)
			}
			switch {
			case tt.message == "":
			case tt.messageContain && !strings.Contains(f.Message.In("nl"), tt.message):
				t.Errorf("message\n got  %q\n want a part %q", f.Message.In("nl"), tt.message)
			case !tt.messageContain && f.Message.In("nl") != tt.message:
				t.Errorf("message\n got  %q\n want %q", f.Message.In("nl"), tt.message)
			}
			if tt.help != "" && f.Help.In("nl") != tt.help {
				t.Errorf("help\n got  %q\n want %q", f.Help.In("nl"), tt.help)
			}
			// Text picks the language; English stays the default.
			if m, h := f.Text("nl"); m != f.Message.In("nl") || h != f.Help.In("nl") {
				t.Errorf("Text(nl) = %q, %q", m, h)
			}
			if m, h := f.Text("en"); m != f.Message.In("en") || h != f.Help.In("en") {
				t.Errorf("Text(en) = %q, %q", m, h)
			}
		})
	}
}

func TestDutchHelpers(t *testing.T) {
	tests := []struct{ got, want string }{
		{dagen(1), "1 dag"},
		{dagen(3), "3 dagen"},
		{dagen(-1), "-1 dag"},
		{joinEn([]string{"a"}), "a"},
		{joinEn([]string{"a", "b", "c"}), "a, b en c"},
		{joinAnd([]string{"a", "b"}), "a and b"},
		{datum("2026-03-01"), "1 maart 2026"},
		{datum("geen datum"), "geen datum"},
		{valueNL("status", "active"), "In gebruik"},
		{holderNL("supplier"), "de leverancier"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
