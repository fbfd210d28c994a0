// Package label holds the register's one shape for a text in Dutch and
// English, Text, and the words for the record format's enumerated values as
// the glossary (shared/glossary.md) gives them, and dates and durations
// written as a reader says them. The labels of fields are in the field
// table (internal/field). The public site, the review packet and the
// exports share it, so a resident and a committee member read the same
// words.
//
// Every field that holds a text in both languages is a Text, read with In:
// a field's label, a rule's title, reason and law, a finding's message,
// help and law. A printed message of the command line is a message.Text,
// which holds a Text and adds formatting.
package label

import (
	"fmt"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/period"
)

// Text is a text in Dutch and English, Dutch first: the one shape the
// register keeps its pairs of words in (field labels, enumerated values,
// rules, findings, the site's words, the packet's, the notification
// form's). A literal [2]string{"Ja", "Yes"} is one. A language left empty
// has no words yet: In returns it empty, and a reader that must show words
// (finding.Finding.Text) falls back to the English.
type Text [2]string

// In returns the text in a language: English for "en", Dutch otherwise.
func (t Text) In(lang string) string { return t[Index(lang)] }

// Append returns t with u added at its end, language by language.
func (t Text) Append(u Text) Text { return Text{t[0] + u[0], t[1] + u[1]} }

// IsZero reports whether the text is empty in both languages: none given.
func (t Text) IsZero() bool { return t == Text{} }

// Index returns the place of a language in a Text: 1 for English, 0 for
// Dutch and anything else.
func Index(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}

// Value returns the word for an enumerated value of a field ("status",
// "active" → "In gebruik"), or the value itself when the glossary has none,
// so a municipality's own value stays readable.
func Value(lang, field, value string) string {
	if l, ok := values[field][value]; ok {
		return l.In(lang)
	}
	return value
}

// HasValues reports whether the glossary gives words for the values of a
// field.
func HasValues(field string) bool {
	_, ok := values[field]
	return ok
}

// switched_off lists capabilities, in their words.
func init() { values["switched_off"] = values["capabilities"] }

// values are the words of enumerated values, by field.
var values = map[string]map[string]Text{
	"status": {
		"planned": {"Gepland", "Planned"}, "in_development": {"In ontwikkeling", "In development"},
		"active": {"In gebruik", "In use"}, "suspended": {"Tijdelijk stopgezet", "Suspended"},
		"retired": {"Buiten gebruik", "Retired"},
	},
	"organisation.type": {
		"municipality": {"Gemeente", "Municipality"}, "police": {"Politie", "Police"},
		"other_government": {"Andere overheid", "Other government"}, "private": {"Private partij", "Private party"},
		"research": {"Onderzoeksinstelling", "Research institution"}, "other": {"Anders", "Other"},
	},
	"sensor_type": {
		"camera": {"Camera", "Camera"}, "anpr_camera": {"ANPR-camera (kentekenherkenning)", "ANPR camera (number plates)"},
		"air_quality": {"Luchtkwaliteitssensor", "Air-quality sensor"}, "odour": {"Geursensor", "Odour sensor"},
		"noise": {"Geluidssensor", "Noise sensor"}, "traffic_counter": {"Verkeersteller", "Traffic counter"},
		"crowd_counter": {"Druktemeter", "Crowd counter"}, "wifi_bluetooth_counter": {"Wifi-/bluetoothteller", "Wi-Fi/Bluetooth counter"},
		"parking": {"Parkeersensor", "Parking sensor"}, "water_level": {"Waterstandmeter", "Water-level gauge"},
		"weather": {"Weerstation", "Weather station"}, "waste_level": {"Vulgraadsensor", "Waste-level sensor"},
		"drone": {"Drone", "Drone"}, "smart_lighting": {"Slimme verlichting", "Smart lighting"}, "other": {"Overig", "Other"},
	},
	"capabilities": {
		"video_recording": {"Video opnemen", "Records video"}, "live_viewing": {"Live meekijken", "Live viewing"},
		"image_analysis": {"Beeldanalyse", "Image analysis"}, "people_counting": {"Personen tellen", "Counts people"},
		"vehicle_counting": {"Voertuigen tellen", "Counts vehicles"}, "licence_plate_recognition": {"Kentekenherkenning", "Number-plate recognition"},
		"face_recognition": {"Gezichtsherkenning", "Face recognition"}, "biometric_identification": {"Biometrische identificatie", "Biometric identification"},
		"person_tracking": {"Personen volgen", "Follows people"}, "re_identification": {"Personen herkennen (her-identificatie)", "Re-identifies people"},
		"emotion_recognition": {"Emotieherkenning", "Emotion recognition"}, "gait_recognition": {"Herkenning aan looppatroon", "Gait recognition"},
		"audio_recording": {"Geluid opnemen", "Records sound"}, "sound_level": {"Geluidsniveau meten", "Measures sound level"},
		"device_tracking":                   {"Telefoons en apparaten volgen", "Follows phones and devices"},
		"realtime_biometric_identification": {"Biometrische identificatie op afstand, live", "Real-time remote biometric identification"},
		"post_biometric_identification":     {"Biometrische identificatie op afstand, achteraf", "After-the-fact remote biometric identification"},
		"biometric_categorisation":          {"Biometrische categorisering (bijv. leeftijd, geslacht)", "Biometric categorisation (e.g. age, gender)"},
		"behaviour_detection_image":         {"Gedrag herkennen uit beeld", "Detects behaviour from images"},
		"behaviour_detection_sound":         {"Gedrag herkennen uit geluid", "Detects behaviour from sound"},
		"environmental_measurement":         {"Omgeving meten", "Measures the environment"}, "other": {"Anders", "Other"},
	},
	"legal_basis.gdpr_ground": {
		"public_task":      {"Taak van algemeen belang / openbaar gezag", "Public task / official authority"},
		"legal_obligation": {"Wettelijke verplichting", "Legal obligation"}, "legitimate_interest": {"Gerechtvaardigd belang", "Legitimate interest"},
		"consent": {"Toestemming", "Consent"}, "contract": {"Overeenkomst", "Contract"}, "vital_interest": {"Vitaal belang", "Vital interest"},
	},
	"decisions.body": {
		"council": {"Gemeenteraad", "Municipal council"}, "college": {"College van burgemeester en wethouders", "Mayor and aldermen"},
		"mayor": {"Burgemeester", "Mayor"}, "other": {"Anders", "Other"},
	},
	"decisions.kind": {
		"mandate": {"Bevoegdheid (bijv. APV)", "Mandate (e.g. bylaw)"}, "authorisation": {"Besluit tot inzet", "Authorisation"},
		"extension": {"Verlenging", "Extension"}, "permit": {"Vergunning of melding", "Permit or notification"},
	},
	"legal_basis.regime": {
		"gdpr": {"AVG", "GDPR"}, "police_data": {"Wet politiegegevens (Wpg)", "Police Data Act (Wpg)"}, "other": {"Anders", "Other"},
	},
	"dpia.status": {
		"done": {"Uitgevoerd", "Done"}, "in_progress": {"In uitvoering", "In progress"},
		"not_required": {"Niet nodig", "Not required"}, "not_done": {"Niet uitgevoerd", "Not done"},
	},
	"algorithm_type": {
		"rule_based": {"Regelgebaseerd", "Rule-based"}, "statistical": {"Statistisch", "Statistical"},
		"machine_learning": {"Machine learning", "Machine learning"}, "generative_ai": {"Generatieve AI", "Generative AI"},
		"hybrid": {"Hybride", "Hybrid"},
	},
	"role": {
		"automated_decision": {"Neemt zelf besluiten", "Makes decisions itself"}, "decision_support": {"Ondersteunt besluiten", "Supports decisions"},
		"prediction": {"Voorspelt", "Predicts"}, "profiling": {"Maakt profielen", "Makes profiles"}, "informational": {"Geeft informatie", "Informs"},
	},
	"publication_category": {
		"high_risk_ai": {"Hoog-risico AI-systeem", "High-risk AI system"}, "impactful": {"Impactvolle algoritmes", "Impactful algorithms"},
		"other": {"Overige algoritmes", "Other algorithms"},
	},
	"ai_act.category": {
		"prohibited": {"Verboden", "Prohibited"}, "high_risk": {"Hoog risico", "High risk"},
		"transparency": {"Transparantieverplichting", "Transparency obligation"}, "minimal": {"Minimaal risico", "Minimal risk"},
		"not_ai": {"Geen AI-systeem", "Not an AI system"},
	},
	"minimisation.measures": {
		"low_resolution": {"Lage resolutie", "Low resolution"}, "privacy_masking": {"Privacymaskering", "Privacy masking"},
		"on_device_processing": {"Verwerking in het apparaat", "Processing on the device"}, "aggregation_only": {"Alleen tellingen", "Counts only"},
		"time_limited": {"Alleen op bepaalde tijden", "Only at set times"}, "shutter": {"Sluiter (camera dicht als niet nodig)", "Shutter (closed when not needed)"},
		"hashing_rotating_salt": {"Versleuteld met een wisselende sleutel", "Hashed with a rotating salt"}, "truncation": {"Ingekort kenmerk", "Truncated identifier"},
		"other": {"Anders", "Other"},
	},
	"camera_regime": {
		"public_order":       {"Openbare orde (burgemeester, art. 151c Gemeentewet)", "Public order (the mayor, Gemeentewet art. 151c)"},
		"police":             {"Politie (Politiewet, Wet politiegegevens)", "Police (Politiewet, Police Data Act)"},
		"traffic_management": {"Verkeersmanagement", "Traffic management"},
		"enforcement":        {"Handhaving (bijv. milieuzone, busbaan)", "Enforcement (e.g. environmental zone, bus lane)"},
		"operational":        {"Bediening en inspectie (bruggen, sluizen)", "Operation and inspection (bridges, locks)"},
		"object_security":    {"Beveiliging van een gebouw of terrein", "Security of a building or site"},
		"private":            {"Private partij (eigen vergunning of melding)", "Private operator (own permit or notification)"},
		"other":              {"Anders", "Other"},
		"unknown":            {"Nog niet vastgesteld (open vraag)", "Not decided yet (open question)"},
	},
	"ai_act.role": {
		"provider": {"Aanbieder", "Provider"}, "deployer": {"Gebruiksverantwoordelijke", "Deployer"},
		"provider_and_deployer": {"Aanbieder en gebruiksverantwoordelijke", "Provider and deployer"},
	},
	"ai_act.transparency": {
		"interaction":              {"Mensen weten dat ze met AI praten", "People know they interact with AI"},
		"generated_content":        {"Gemaakte inhoud is gemarkeerd", "Generated content is marked"},
		"emotion_recognition":      {"Emotieherkenning wordt gemeld", "Emotion recognition is disclosed"},
		"biometric_categorisation": {"Biometrische categorisering wordt gemeld", "Biometric categorisation is disclosed"},
		"deepfake":                 {"Deepfakes worden gemeld", "Deepfakes are disclosed"},
		"generated_text":           {"Gemaakte tekst wordt gemeld", "Generated text is disclosed"},
	},
	"personal_data.special_categories_ground": {
		"explicit_consent":              {"Uitdrukkelijke toestemming (9.2.a)", "Explicit consent (9(2)(a))"},
		"employment_social_security":    {"Arbeid en sociale zekerheid (9.2.b)", "Employment and social security (9(2)(b))"},
		"vital_interests":               {"Vitaal belang (9.2.c)", "Vital interests (9(2)(c))"},
		"not_for_profit_body":           {"Stichting of vereniging (9.2.d)", "Not-for-profit body (9(2)(d))"},
		"made_public":                   {"Kennelijk openbaar gemaakt (9.2.e)", "Manifestly made public (9(2)(e))"},
		"legal_claims":                  {"Rechtsvordering (9.2.f)", "Legal claims (9(2)(f))"},
		"substantial_public_interest":   {"Zwaarwegend algemeen belang (9.2.g)", "Substantial public interest (9(2)(g))"},
		"health_or_social_care":         {"Gezondheidszorg of sociale zorg (9.2.h)", "Health or social care (9(2)(h))"},
		"public_health":                 {"Volksgezondheid (9.2.i)", "Public health (9(2)(i))"},
		"archiving_research_statistics": {"Archief, onderzoek of statistiek (9.2.j)", "Archiving, research or statistics (9(2)(j))"},
	},
	"exceptions.objective": {
		"victim_search":         {"Zoeken naar slachtoffers of vermiste personen", "Searching for victims or missing persons"},
		"imminent_threat":       {"Dreiging voor het leven of een aanslag", "Threat to life or a terrorist attack"},
		"serious_crime_suspect": {"Verdachte van een ernstig misdrijf vinden", "Locating a suspect of a serious crime"},
	},
	"personal_data.processed": {
		"yes": {"Ja", "Yes"}, "no": {"Nee", "No"}, "unknown": {"Onbekend (telt als ja)", "Unknown (counts as yes)"},
	},
	"data_rights.holder": {
		"municipality": {"Gemeente", "Municipality"}, "supplier": {"Leverancier", "Supplier"}, "shared": {"Gedeeld", "Shared"},
	},
	"incidents.type": {
		"data_breach": {"Datalek", "Data breach"}, "malfunction": {"Storing", "Malfunction"}, "misuse": {"Misbruik", "Misuse"}, "other": {"Anders", "Other"},
	},
	"reviews.body": {
		"ethics_committee": {"Ethische commissie", "Ethics committee"}, "audit_office": {"Rekenkamer", "Audit office"},
		"dpo": {"Functionaris gegevensbescherming", "Data protection officer"}, "residents": {"Inwoners", "Residents"}, "other": {"Anders", "Other"},
	},
	"kind": {"sensor": {"Sensor", "Sensor"}, "algorithm": {"Algoritme", "Algorithm"}},
	"themes": {
		"organisatie-en-bedrijfsvoering": {"Organisatie en bedrijfsvoering", "Organisation and operations"},
		"cultuur-en-recreatie":           {"Cultuur en recreatie", "Culture and recreation"}, "economie": {"Economie", "Economy"},
		"overheidsfinancien": {"Overheidsfinanciën", "Public finance"}, "wonen": {"Wonen", "Housing"},
		"internationaal": {"Internationaal", "International"}, "migratie-en-integratie": {"Migratie en integratie", "Migration and integration"},
		"natuur-en-milieu": {"Natuur en milieu", "Nature and environment"}, "onderwijs-en-wetenschap": {"Onderwijs en wetenschap", "Education and science"},
		"openbare-orde-en-veiligheid": {"Openbare orde en veiligheid", "Public order and safety"}, "recht": {"Recht", "Law"},
		"ruimte-en-infrastructuur": {"Ruimte en infrastructuur", "Spatial planning and infrastructure"},
		"sociale-zekerheid":        {"Sociale zekerheid", "Social security"}, "verkeer": {"Verkeer", "Traffic"}, "werk": {"Werk", "Work"},
		"zorg-en-gezondheid": {"Zorg en gezondheid", "Care and health"},
	},
	"assessments.type": {
		"IAMA":          {"IAMA (Impact Assessment Mensenrechten en Algoritmes)", "IAMA (human rights and algorithms impact assessment)"},
		"FRAIA":         {"FRAIA (grondrechten-impacttoets)", "FRAIA (fundamental rights impact assessment)"},
		"DEDA":          {"DEDA (De Ethische Data Assistent)", "DEDA (Data Ethics Decision Aid)"},
		"risk_analysis": {"Risicoanalyse", "Risk analysis"}, "other": {"Anders", "Other"},
	},
}

var months = [2][12]string{
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Date writes a YYYY-MM-DD date as a reader says it ("1 maart 2025"); a
// text that is not a date is returned as it is.
func Date(lang, s string) string {
	d, err := period.ParseDate(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", d.Day(), months[Index(lang)][d.Month()-1], d.Year())
}

// DayMonth writes the day and month of t ("31 januari"), for a day of
// any year.
func DayMonth(lang string, t time.Time) string {
	return fmt.Sprintf("%d %s", t.Day(), months[Index(lang)][t.Month()-1])
}

var durationUnits = [2][7][2]string{
	{{"jaar", "jaar"}, {"maand", "maanden"}, {"week", "weken"}, {"dag", "dagen"}, {"uur", "uur"}, {"minuut", "minuten"}, {"seconde", "seconden"}},
	{{"year", "years"}, {"month", "months"}, {"week", "weeks"}, {"day", "days"}, {"hour", "hours"}, {"minute", "minutes"}, {"second", "seconds"}},
}

// Duration writes an ISO 8601 duration in words ("P28D" → "28 dagen",
// "PT1H30M" → "1 uur en 30 minuten"), every part told: a part left out
// would tell residents data are kept for less time than they are. A
// duration of nothing is "0 dagen"; one with a part of a second, which no
// word here tells, is written as it is.
func Duration(lang, s string) string {
	d, err := period.Parse(s)
	if err != nil || d.Clock%time.Second != 0 {
		return s
	}
	i := Index(lang)
	var parts []string
	add := func(n, unit int) {
		if n == 0 {
			return
		}
		w := durationUnits[i][unit][1]
		if n == 1 {
			w = durationUnits[i][unit][0]
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, w))
	}
	add(d.Years, 0)
	add(d.Months, 1)
	add(d.Weeks, 2)
	add(d.Days, 3)
	add(int(d.Clock/time.Hour), 4)
	add(int(d.Clock%time.Hour/time.Minute), 5)
	add(int(d.Clock%time.Minute/time.Second), 6)
	if len(parts) == 0 {
		return "0 " + durationUnits[i][3][1]
	}
	and := " en "
	if i == 1 {
		and = " and "
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}
