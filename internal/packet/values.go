package packet

import (
	"strconv"
	"strings"
)

// values are the Dutch and English words for the record format's enum
// values, by field (shared/glossary.md). A value missing here is shown as
// written, so a newer schema value still reads, only in English.
var values = map[string]map[string][2]string{
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
		"camera": {"Camera", "Camera"}, "anpr_camera": {"ANPR-camera (kentekenherkenning)", "ANPR camera (licence plates)"},
		"air_quality": {"Luchtkwaliteitssensor", "Air quality sensor"}, "odour": {"Geursensor", "Odour sensor"},
		"noise": {"Geluidssensor", "Noise sensor"}, "traffic_counter": {"Verkeersteller", "Traffic counter"},
		"crowd_counter": {"Druktemeter", "Crowd counter"}, "wifi_bluetooth_counter": {"Wifi-/bluetoothteller", "Wi-Fi/Bluetooth counter"},
		"parking": {"Parkeersensor", "Parking sensor"}, "water_level": {"Waterstandmeter", "Water level gauge"},
		"weather": {"Weerstation", "Weather station"}, "waste_level": {"Vulgraadsensor", "Fill level sensor"},
		"drone": {"Drone", "Drone"}, "smart_lighting": {"Slimme verlichting", "Smart lighting"}, "other": {"Overig", "Other"},
	},
	"legal_basis.regime": {
		"gdpr": {"AVG", "GDPR"}, "police_data": {"Wet politiegegevens (Wpg)", "Police Data Act (Wpg)"}, "other": {"Anders", "Other"},
	},
	"legal_basis.gdpr_ground": {
		"public_task":         {"Taak van algemeen belang / openbaar gezag", "Public task"},
		"legal_obligation":    {"Wettelijke verplichting", "Legal obligation"},
		"legitimate_interest": {"Gerechtvaardigd belang", "Legitimate interest"},
		"consent":             {"Toestemming", "Consent"}, "contract": {"Overeenkomst", "Contract"},
		"vital_interest": {"Vitaal belang", "Vital interest"},
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
		"automated_decision": {"Neemt zelf besluiten", "Makes decisions itself"},
		"decision_support":   {"Ondersteunt besluiten", "Supports decisions"}, "prediction": {"Voorspelt", "Predicts"},
		"profiling": {"Maakt profielen", "Profiles"}, "informational": {"Geeft informatie", "Informs"},
	},
	"publication_category": {
		"high_risk_ai": {"Hoog-risico AI-systeem", "High-risk AI system"},
		"impactful":    {"Impactvolle algoritmes", "Impactful algorithms"}, "other": {"Overige algoritmes", "Other algorithms"},
	},
	"ai_act.category": {
		"prohibited": {"Verboden", "Prohibited"}, "high_risk": {"Hoog risico", "High risk"},
		"transparency": {"Transparantieverplichting", "Transparency obligation"}, "minimal": {"Minimaal risico", "Minimal risk"},
		"not_ai": {"Geen AI-systeem", "Not an AI system"},
	},
	"decisions.body": {
		"council": {"Gemeenteraad", "Council"}, "college": {"College van burgemeester en wethouders", "Municipal executive"},
		"mayor": {"Burgemeester", "Mayor"}, "other": {"Anders", "Other"},
	},
	"decisions.kind": {
		"mandate": {"Bevoegdheid", "Mandate"}, "authorisation": {"Besluit tot inzet", "Authorisation"},
		"extension": {"Verlenging", "Extension"}, "permit": {"Vergunning of melding", "Permit or notification"},
	},
	"reviews.body": {
		"ethics_committee": {"Ethische commissie", "Ethics committee"}, "audit_office": {"Rekenkamer", "Audit office"},
		"dpo": {"Functionaris gegevensbescherming", "Data protection officer"}, "residents": {"Inwoners", "Residents"},
		"other": {"Anders", "Other"},
	},
	"assessments.type": {
		"risk_analysis": {"Risicoanalyse", "Risk analysis"}, "other": {"Anders", "Other"},
	},
}

// value returns the word for an enum value of a field, or the value itself.
func (L *Labels) value(field, v string) string {
	if w, ok := values[field][v]; ok {
		return L.pick(w)
	}
	return v
}

// fieldLabels are the labels of the fields a change can touch, by dotted
// path without list indices (shared/glossary.md).
var fieldLabels = map[string][2]string{
	"id": {"Kenmerk", "Identifier"}, "kind": {"Soort registratie", "Kind"}, "name": {"Naam", "Name"},
	"summary": {"Korte omschrijving", "Summary"}, "status": {"Status", "Status"},
	"organisation": {"Organisatie", "Organisation"}, "owner": {"Verantwoordelijke", "Responsible officer"},
	"owner.role": {"Rol", "Role"}, "owner.email": {"E-mail", "Email"}, "owner.department": {"Afdeling", "Department"},
	"owner.phone":             {"Telefoon", "Phone"},
	"processing_register_url": {"Verwerkingsregister", "Record of processing activities"},
	"registered_on":           {"Gemeld op", "Registered on"}, "publication": {"Openbaarheid", "Publication"},
	"purpose": {"Doel en impact", "Purpose and impact"}, "problem": {"Welk probleem lost het op?", "Which problem does it solve?"},
	"alternatives": {"Afwegingen en alternatieven", "Considerations and alternatives"}, "themes": {"Thema", "Themes"},
	"decisions": {"Besluiten", "Decisions"}, "legal_basis": {"Wettelijke grondslag", "Legal basis"},
	"personal_data": {"Persoonsgegevens", "Personal data"},
	"dpia":          {"Gegevensbeschermingseffectbeoordeling (DPIA)", "Data protection impact assessment (DPIA)"},
	"assessments":   {"Impacttoetsen", "Impact assessments"}, "risks": {"Risico's en maatregelen", "Risks and mitigations"},
	"risks.chilling_effect": {"Ontmoedigend effect", "Chilling effect"},
	"risks.discrimination":  {"Discriminatie en stigmatisering", "Discrimination and stigmatisation"},
	"risks.stacking":        {"Stapeling met andere systemen", "Stacking with other systems"},
	"risks.mitigations":     {"Maatregelen", "Mitigations"},
	"ai_act":                {"Risicocategorie AI-verordening", "EU AI Act risk category"},
	"lifecycle":             {"Looptijd", "Life cycle"}, "lifecycle.start": {"Looptijd: start", "Life cycle: start"},
	"lifecycle.end":                {"Looptijd: einde", "Life cycle: end"},
	"lifecycle.extension_criteria": {"Voorwaarden voor verlenging", "Criteria for extension"},
	"evaluation":                   {"Evaluatie", "Evaluation"}, "evaluation.interval": {"Evaluatie: hoe vaak", "Evaluation: how often"},
	"evaluation.last": {"Laatste evaluatie", "Last evaluation"}, "evaluation.outcome": {"Uitkomst evaluatie", "Evaluation outcome"},
	"reviews": {"Toetsing", "Reviews"}, "retention": {"Bewaartermijn", "Retention period"},
	"data_rights": {"Rechten op de data", "Data rights"}, "data_sharing": {"Afspraken over gegevensdeling", "Data-sharing agreements"},
	"open_data": {"Open data", "Open data"}, "security": {"Beveiliging", "Security"}, "supplier": {"Leverancier", "Supplier"},
	"incidents":  {"Incidenten en datalekken", "Incidents and data breaches"},
	"exceptions": {"Goedgekeurde uitzonderingen", "Approved exceptions"}, "links": {"Links", "Links"},
	"sensor_type": {"Soort sensor", "Sensor type"}, "capabilities": {"Wat kan de sensor?", "Capabilities"},
	"measures": {"Wat meet de sensor?", "What it measures"}, "quantity": {"Aantal", "Quantity"},
	"location": {"Locatie", "Location"}, "signage": {"Herkenbaarheid", "Signage"},
	"minimisation": {"Minimalisatie", "Minimisation"}, "vendor": {"Fabrikant en model", "Manufacturer and model"},
	"algorithm_type": {"Soort algoritme", "Algorithm type"}, "role": {"Rol bij besluiten", "Role in decisions"},
	"affects_individuals":  {"Gaat over personen of groepen", "Affects individuals or groups"},
	"publication_category": {"Publicatiecategorie", "Publication category"},
	"human_oversight":      {"Menselijke tussenkomst", "Human oversight"},
	"explanation":          {"Hoe werkt het? Welke factoren tellen mee?", "How it works, which factors count"},
	"self_learning":        {"Zelflerend", "Self-learning"}, "datasets": {"Gebruikte gegevens (datasets)", "Datasets"},
	"source_code": {"Broncode", "Source code"}, "objection": {"Bezwaar en beroep", "Objection and appeal"},
	"uses_sensors":      {"Gebruikt gegevens van sensoren", "Uses data of sensors"},
	"national_register": {"Landelijk algoritmeregister", "National algorithm register"},
}

// fieldLabel names the field at a JSON Pointer: the most specific label
// known, followed by the rest of the path ("Besluiten 2 › datum"). List
// positions are shown counting from 1, as a reader counts.
func (L *Labels) fieldLabel(pointer string) string {
	if pointer == "" {
		return L.pick([2]string{"Hele registratie", "Whole record"})
	}
	segs := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i := range segs {
		segs[i] = strings.ReplaceAll(strings.ReplaceAll(segs[i], "~1", "/"), "~0", "~")
	}
	var keys []string // the path without indices, to look labels up
	for _, s := range segs {
		if _, err := strconv.Atoi(s); err != nil {
			keys = append(keys, s)
		}
	}
	// Longest known prefix of the key path.
	best, used := "", 0
	for n := len(keys); n > 0; n-- {
		if l, ok := fieldLabels[strings.Join(keys[:n], ".")]; ok {
			best, used = L.pick(l), n
			break
		}
	}
	if best == "" {
		return strings.Join(segs, " › ")
	}
	// Append what the label does not cover: indices and deeper keys.
	var rest []string
	seen := 0
	for _, s := range segs {
		if n, err := strconv.Atoi(s); err == nil {
			rest = append(rest, strconv.Itoa(n+1))
			continue
		}
		seen++
		if seen > used {
			rest = append(rest, s)
		}
	}
	if len(rest) == 0 {
		return best
	}
	// An index right after the label reads as "Besluiten 2".
	out := best
	for i, r := range rest {
		if i == 0 {
			if _, err := strconv.Atoi(r); err == nil {
				out += " " + r
				continue
			}
		}
		out += " › " + r
	}
	return out
}

// principleLabels are the Dutch and English labels of the principles and
// commitments findings cite (shared/principles.md).
var principleLabels = map[string][2]string{
	"VNG I": {"Democratisch besluit", "Democratic decision"}, "VNG II": {"Maatschappelijke waarde", "Public value"},
	"VNG 2.1": {"Geen biometrische surveillance", "No biometric surveillance"}, "VNG 2.2": {"Risicoanalyse", "Risk analysis"},
	"VNG III": {"Evaluatie", "Evaluation"}, "VNG 3.1": {"Probleem en alternatieven", "Problem and alternatives"},
	"VNG 3.2": {"Afweging publieke waarden / IAMA", "Weighing public values / IAMA"},
	"VNG 3.3": {"Gestandaardiseerde documentatie", "Standard documentation"}, "VNG 3.4": {"Levensduur", "Life cycle"},
	"VNG 3.5": {"Zelflerend", "Self-learning"}, "VNG 3.6": {"Sensor- en cameraplan", "Sensor and camera plan"},
	"VNG 3.7": {"Verantwoordelijke", "Responsible officer"}, "VNG 3.8": {"Onafhankelijke toetsing", "Independent review"},
	"VNG IV": {"Transparantie", "Transparency"}, "VNG 4.1": {"Transparantie", "Transparency"},
	"VNG 4.2": {"Registratie", "Registration"}, "VNG 4.3": {"Herkenbaarheid", "Recognisability"},
	"VNG 4.4": {"Dialoog", "Dialogue"}, "VNG V": {"Persoonsgegevens vermijden", "Avoid personal data"},
	"VNG 5.1": {"Persoonsgegevens vermijden", "Avoid personal data"}, "VNG 5.2": {"Datarechten", "Data rights"},
	"VNG VI": {"Juridische grondslag", "Legal basis"}, "VNG 6.1": {"Inkoopvoorwaarden", "Procurement conditions"},
	"VNG 6.2": {"Inkoopvoorwaarden", "Procurement conditions"}, "VNG 6.3": {"DPIA", "DPIA"},
	"VNG 6.4": {"Bij twijfel persoonsgegeven", "When in doubt, personal data"}, "VNG 6.5": {"Private sensoren", "Private sensors"},
	"VNG 6.6": {"DPIA gedeeld", "DPIA shared"}, "VNG VII": {"Open standaarden", "Open standards"},
	"VNG 7.4": {"Beveiliging", "Security"}, "VNG 7.5": {"Minimalisatie", "Minimisation"}, "VNG 7.6": {"Ketenrisico", "Supply-chain risk"},
	"VNG 7.7":              {"Beveiligingsaudit", "Security audit"},
	"C-camera-temporary":   {"Camera's alleen tijdelijk", "Cameras only temporary"},
	"C-camera-yearly":      {"Camera's elk jaar geëvalueerd", "Cameras evaluated every year"},
	"C-no-live-face":       {"Geen live gezichtsherkenning", "No live face recognition"},
	"C-algorithm-register": {"Volledig algoritmeregister", "Complete algorithm register"},
	"C-human-oversight":    {"Menselijke tussenkomst", "Human oversight"},
	"C-sensor-register":    {"Meldplicht sensoren", "Duty to report sensors"},
	"C-sharing-temporary":  {"Gegevensdeling tijdelijk", "Data sharing is temporary"},
	"C-correction-desk":    {"Meldpunt voor fouten", "Desk for corrections"},
	"C-breach":             {"Datalekken op tijd gemeld", "Data breaches reported in time"},
	"C-open-source":        {"Open source", "Open source"},
	"C-ethics-committee":   {"Ethische commissie", "Ethics committee"},
	"exceptions":           {"Uitzonderingen", "Exceptions"},
}

// splitRefs splits a finding's principle field, which may cite more than one
// reference ("VNG 2.1, C-no-live-face"), and writes bare references ("2.1",
// "III") in the "VNG ..." form the table uses.
func splitRefs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if _, ok := principleLabels[p]; !ok && !strings.HasPrefix(p, "C-") && !strings.HasPrefix(strings.ToUpper(p), "VNG") {
			if _, ok := principleLabels["VNG "+p]; ok {
				p = "VNG " + p
			}
		}
		out = append(out, p)
	}
	return out
}

// principleLabel returns the label of a reference, or "" when unknown.
func (L *Labels) principleLabel(ref string) string {
	if l, ok := principleLabels[ref]; ok {
		return L.pick(l)
	}
	return ""
}
