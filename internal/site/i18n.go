package site

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/period"
)

// The site speaks Dutch first and English second. Labels for record fields
// and values follow the glossary (shared/glossary.md); the English is ours.
// Each entry is {Dutch, English}.

// langIndex returns the column of a language in the label tables.
func langIndex(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}

// fieldLabels are the labels of record fields, by key or dotted path.
var fieldLabels = map[string][2]string{
	"id":                               {"Kenmerk", "Identifier"},
	"name":                             {"Naam", "Name"},
	"summary":                          {"Korte omschrijving", "Summary"},
	"status":                           {"Status", "Status"},
	"organisation":                     {"Organisatie", "Organisation"},
	"organisation.type":                {"Soort organisatie", "Type of organisation"},
	"organisation.kvk":                 {"KvK-nummer", "Chamber of Commerce number"},
	"owner":                            {"Verantwoordelijke (rol, afdeling, contact)", "Responsible officer (role, department, contact)"},
	"owner.role":                       {"Rol", "Role"},
	"owner.department":                 {"Afdeling", "Department"},
	"owner.email":                      {"E-mail", "Email"},
	"owner.phone":                      {"Telefoon", "Phone"},
	"processing_register_url":          {"Verwerkingsregister", "Record of processing activities"},
	"registered_on":                    {"Gemeld op", "Registered on"},
	"publication":                      {"Openbaarheid", "Publication"},
	"purpose":                          {"Doel en impact", "Purpose and impact"},
	"problem":                          {"Welk probleem lost het op?", "Which problem does it solve?"},
	"alternatives":                     {"Afwegingen en alternatieven", "Considerations and alternatives"},
	"themes":                           {"Thema", "Theme"},
	"decisions":                        {"Besluiten (bevoegdheid, besluit, verlenging, vergunning)", "Decisions (mandate, authorisation, extension, permit)"},
	"legal_basis":                      {"Wettelijke grondslag", "Legal basis"},
	"legal_basis.regime":               {"Wettelijk kader", "Legal regime"},
	"legal_basis.gdpr_ground":          {"Grondslag (AVG)", "Ground (GDPR)"},
	"legal_basis.law":                  {"Wet of regeling", "Law or regulation"},
	"legal_basis.links":                {"Bronnen", "Sources"},
	"personal_data":                    {"Persoonsgegevens", "Personal data"},
	"personal_data.processed":          {"Verwerkt persoonsgegevens", "Processes personal data"},
	"personal_data.categories":         {"Soorten persoonsgegevens", "Categories of personal data"},
	"personal_data.special_categories": {"Bijzondere persoonsgegevens", "Special categories of personal data"},
	"dpia":                             {"Gegevensbeschermingseffectbeoordeling (DPIA)", "Data protection impact assessment (DPIA)"},
	"dpia.status":                      {"Stand", "State"},
	"dpia.date":                        {"Datum", "Date"},
	"dpia.url":                         {"Document", "Document"},
	"dpia.public":                      {"Openbaar", "Public"},
	"dpia.reason":                      {"Reden", "Reason"},
	"assessments":                      {"Impacttoetsen", "Impact assessments"},
	"risks":                            {"Risico's en maatregelen", "Risks and mitigations"},
	"risks.chilling_effect":            {"Ontmoedigend effect (mensen gedragen zich anders)", "Chilling effect"},
	"risks.discrimination":             {"Discriminatie en stigmatisering", "Discrimination and stigmatisation"},
	"risks.stacking":                   {"Stapeling met andere systemen", "Stacking with other systems"},
	"risks.mitigations":                {"Maatregelen", "Mitigations"},
	"ai_act":                           {"Risicocategorie AI-verordening", "EU AI Act risk category"},
	"ai_act.category":                  {"Categorie", "Category"},
	"ai_act.basis":                     {"Onderbouwing", "Basis"},
	"ai_act.fria":                      {"Grondrechtenbeoordeling (FRIA)", "Fundamental-rights impact assessment (FRIA)"},
	"ai_act.eu_database_id":            {"Nummer in de EU-databank", "EU database number"},
	"lifecycle":                        {"Looptijd (start en einde)", "Life cycle (start and end)"},
	"lifecycle.start":                  {"Start", "Start"},
	"lifecycle.end":                    {"Einde", "End"},
	"lifecycle.extension_criteria":     {"Voorwaarden voor verlenging", "Criteria for extension"},
	"evaluation":                       {"Evaluatie", "Evaluation"},
	"evaluation.interval":              {"Hoe vaak", "How often"},
	"evaluation.last":                  {"Laatste evaluatie", "Last evaluation"},
	"evaluation.outcome":               {"Uitkomst", "Outcome"},
	"evaluation.next":                  {"Volgende evaluatie uiterlijk", "Next evaluation by"},
	"reviews":                          {"Toetsing (bijv. ethische commissie)", "Reviews (e.g. ethics committee)"},
	"retention":                        {"Bewaartermijn", "Retention period"},
	"data_rights":                      {"Rechten op de data", "Rights to the data"},
	"data_sharing":                     {"Afspraken over gegevensdeling", "Data-sharing agreements"},
	"open_data":                        {"Open data", "Open data"},
	"security":                         {"Beveiliging", "Security"},
	"security.last_audit":              {"Laatste beveiligingsaudit", "Last security audit"},
	"security.audit_url":               {"Auditrapport", "Audit report"},
	"security.measures":                {"Maatregelen", "Measures"},
	"supplier":                         {"Leverancier", "Supplier"},
	"supplier.name":                    {"Naam", "Name"},
	"supplier.contract_end":            {"Einde contract", "Contract end"},
	"supplier.conditions":              {"Voorwaarden", "Conditions"},
	"incidents":                        {"Incidenten en datalekken", "Incidents and data breaches"},
	"exceptions":                       {"Goedgekeurde uitzonderingen", "Approved exceptions"},
	"links":                            {"Meer informatie", "More information"},
	"sensor_type":                      {"Soort sensor", "Type of sensor"},
	"capabilities":                     {"Wat kan de sensor?", "What can the sensor do?"},
	"measures":                         {"Wat meet de sensor?", "What does the sensor measure?"},
	"quantity":                         {"Aantal", "Number"},
	"location":                         {"Locatie (punt, Rijksdriehoek-coördinaten of gebied)", "Location (point, Dutch grid coordinates or area)"},
	"location.description":             {"Omschrijving", "Description"},
	"location.area":                    {"Gebied", "Area"},
	"location.point":                   {"Punt (WGS84)", "Point (WGS84)"},
	"location.point_rd":                {"Rijksdriehoek-coördinaten", "Dutch grid (RD) coordinates"},
	"location.polygon":                 {"Gebied op de kaart", "Area on the map"},
	"location.mobile":                  {"Mobiel", "Mobile"},
	"signage":                          {"Herkenbaarheid (borden, kleur)", "Recognisability (signs, colour)"},
	"signage.present":                  {"Borden of markering aanwezig", "Signs or markings present"},
	"signage.description":              {"Omschrijving", "Description"},
	"minimisation":                     {"Minimalisatie", "Minimisation"},
	"minimisation.measures":            {"Maatregelen", "Measures"},
	"minimisation.notes":               {"Toelichting", "Notes"},
	"vendor":                           {"Fabrikant en model", "Manufacturer and model"},
	"vendor.manufacturer":              {"Fabrikant", "Manufacturer"},
	"vendor.model":                     {"Model", "Model"},
	"vendor.country":                   {"Land", "Country"},
	"algorithm_type":                   {"Soort algoritme", "Type of algorithm"},
	"role":                             {"Rol bij besluiten", "Role in decisions"},
	"affects_individuals":              {"Gaat over personen of groepen", "Concerns individuals or groups"},
	"publication_category":             {"Publicatiecategorie", "Publication category"},
	"human_oversight":                  {"Menselijke tussenkomst", "Human oversight"},
	"explanation":                      {"Hoe werkt het? Welke factoren tellen mee?", "How does it work? Which factors count?"},
	"self_learning":                    {"Zelflerend", "Self-learning"},
	"datasets":                         {"Gebruikte gegevens (datasets)", "Data used (datasets)"},
	"source_code":                      {"Broncode", "Source code"},
	"source_code.url":                  {"Broncode", "Source code"},
	"source_code.licence":              {"Licentie", "Licence"},
	"source_code.unavailable_reason":   {"Waarom niet openbaar", "Why it is not published"},
	"objection":                        {"Bezwaar en beroep", "Objection and appeal"},
	"uses_sensors":                     {"Gebruikt gegevens van sensoren", "Uses data from sensors"},
	"national_register":                {"Landelijk algoritmeregister", "National algorithm register"},
}

// valueLabels are the labels of enumerated values, by field.
var valueLabels = map[string]map[string][2]string{
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
		"device_tracking":           {"Telefoons en apparaten volgen", "Follows phones and devices"},
		"environmental_measurement": {"Omgeving meten", "Measures the environment"}, "other": {"Anders", "Other"},
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
		"other": {"Anders", "Other"},
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
}

// fieldLabel returns the label of a field path in the language.
func fieldLabel(lang, path string) string {
	if l, ok := fieldLabels[path]; ok {
		return l[langIndex(lang)]
	}
	return path
}

// valueLabel returns the label of an enumerated value, or the value itself
// when the glossary has none (a municipality's own value stays readable).
func valueLabel(lang, field, value string) string {
	if l, ok := valueLabels[field][value]; ok {
		return l[langIndex(lang)]
	}
	return value
}

// ui holds the site's own words.
var ui = map[string][2]string{
	"skip":                   {"Direct naar de inhoud", "Skip to content"},
	"home":                   {"Home", "Home"},
	"sensors":                {"Sensoren", "Sensors"},
	"algorithms":             {"Algoritmes", "Algorithms"},
	"map":                    {"Kaart", "Map"},
	"principles":             {"Principes", "Principles"},
	"search":                 {"Zoeken", "Search"},
	"accessibility":          {"Toegankelijkheid", "Accessibility"},
	"opendata":               {"Open data", "Open data"},
	"mainnav":                {"Hoofdmenu", "Main menu"},
	"langnav":                {"Taal", "Language"},
	"langname":               {"Nederlands", "English"},
	"yes":                    {"Ja", "Yes"},
	"no":                     {"Nee", "No"},
	"withheld":               {"niet openbaar", "not public"},
	"reason":                 {"Reden", "Reason"},
	"notstated":              {"Niet ingevuld", "Not filled in"},
	"records":                {"Registraties", "Records"},
	"devices":                {"Apparaten", "Devices"},
	"count":                  {"Aantal", "Number"},
	"total":                  {"Totaal", "Total"},
	"type":                   {"Soort", "Type"},
	"area":                   {"Gebied", "Area"},
	"aiact":                  {"Risicocategorie AI-verordening", "EU AI Act risk category"},
	"category":               {"Publicatiecategorie", "Publication category"},
	"all":                    {"Alle", "All"},
	"filter":                 {"Filteren", "Filter"},
	"filterby":               {"Filter op", "Filter by"},
	"showing":                {"Getoond", "Shown"},
	"of":                     {"van", "of"},
	"reporterror":            {"Klopt er iets niet? Meld een fout", "Is something wrong? Report an error"},
	"source":                 {"Bron van deze registratie (YAML)", "Source of this record (YAML)"},
	"sourcewithheld":         {"De bron van deze registratie is niet openbaar, omdat er velden zijn afgeschermd.", "The source of this record is not public, because some fields are withheld."},
	"history":                {"Geschiedenis", "History"},
	"changes":                {"Wijzigingen in het register", "Changes in the register"},
	"fieldschanged":          {"Gewijzigde velden", "Fields changed"},
	"nohistory":              {"Er is geen geschiedenis beschikbaar.", "No history is available."},
	"added":                  {"Toegevoegd", "Added"},
	"changed":                {"Gewijzigd", "Changed"},
	"date":                   {"Datum", "Date"},
	"change":                 {"Wijziging", "Change"},
	"author":                 {"Door", "By"},
	"related":                {"Samenhang met andere registraties", "Related records"},
	"uses_sensors_label":     {"Gebruikt gegevens van deze sensoren", "Uses data from these sensors"},
	"usedby":                 {"Algoritmes die gegevens van deze sensor gebruiken", "Algorithms that use data from this sensor"},
	"checklist":              {"Toets aan de principes", "Check against the principles"},
	"notchecked":             {"De toets aan de principes is voor deze publicatie niet uitgevoerd.", "The check against the principles was not run for this publication."},
	"nofindings":             {"Geen bevindingen", "No findings"},
	"nofindingsat":           {"Geen bevindingen bij %d principes", "No findings for %d principles"},
	"principle":              {"Principe", "Principle"},
	"result":                 {"Uitkomst", "Result"},
	"sev.error":              {"Voldoet niet", "Does not comply"},
	"sev.warning":            {"Aandachtspunt", "Needs attention"},
	"sev.info":               {"Opmerking", "Note"},
	"openfindings":           {"Open bevindingen", "Open findings"},
	"evalstatus":             {"Stand van de evaluatie", "Evaluation status"},
	"eval.lapsed":            {"Te laat: de evaluatie had uiterlijk %s moeten plaatsvinden", "Overdue: the evaluation was due by %s"},
	"eval.soon":              {"Binnenkort: evaluatie uiterlijk %s", "Due soon: evaluation by %s"},
	"eval.ok":                {"Op tijd: volgende evaluatie uiterlijk %s", "On time: next evaluation by %s"},
	"eval.na":                {"Niet van toepassing: niet meer in gebruik", "Not applicable: no longer in use"},
	"eval.unknown":           {"Onbekend: geen startdatum of termijn", "Unknown: no start date or interval"},
	"unpublished":            {"%d registraties zijn niet gepubliceerd", "%d records are not published"},
	"unpublished1":           {"1 registratie is niet gepubliceerd", "1 record is not published"},
	"skipped":                {"%d registraties worden niet getoond, omdat hun kenmerk of soort niet klopt.", "%d records are not shown, because their identifier or kind is not valid."},
	"skipped1":               {"1 registratie wordt niet getoond, omdat het kenmerk of de soort niet klopt.", "1 record is not shown, because its identifier or kind is not valid."},
	"unpublishedwhy":         {"Redenen", "Reasons"},
	"noreason":               {"Geen reden opgegeven", "No reason given"},
	"lapsed":                 {"Te laat", "Overdue"},
	"lapsedtitle":            {"Evaluaties en looptijden die te laat zijn", "Evaluations and life cycles that are overdue"},
	"nolapsed":               {"Niets is te laat.", "Nothing is overdue."},
	"new":                    {"Nieuw in het register", "New in the register"},
	"nonew":                  {"Er is de laatste 90 dagen niets nieuws gemeld.", "Nothing new was registered in the last 90 days."},
	"bytype":                 {"Sensoren per soort", "Sensors by type"},
	"bycategory":             {"Algoritmes per publicatiecategorie", "Algorithms by publication category"},
	"searchlabel":            {"Zoek in het register", "Search the register"},
	"searchbutton":           {"Zoeken", "Search"},
	"searchnojs":             {"Zoeken werkt met JavaScript. Zonder JavaScript vindt u alles via de lijsten van sensoren en algoritmes.", "Search needs JavaScript. Without it, you can find everything through the lists of sensors and algorithms."},
	"searchresults":          {"Resultaten", "Results"},
	"noresults":              {"Niets gevonden.", "Nothing found."},
	"nresults":               {"%d resultaten", "%d results"},
	"name":                   {"Naam", "Name"},
	"status":                 {"Status", "Status"},
	"personaldata":           {"Persoonsgegevens", "Personal data"},
	"location":               {"Locatie", "Location"},
	"coordinates":            {"Coördinaten", "Coordinates"},
	"maplist":                {"Alle sensoren op de kaart, als lijst", "Every sensor on the map, as a list"},
	"mapintro":               {"De kaart toont waar sensoren staan ten opzichte van elkaar, en de gebieden van cameragebieden en mobiele sensoren. Er wordt geen achtergrondkaart van een andere website geladen.", "The map shows where sensors are relative to each other, and the areas of camera areas and mobile sensors. No background map is loaded from another website."},
	"mapintrotiles":          {"De kaart toont waar sensoren staan, met een achtergrondkaart van %s.", "The map shows where sensors are, with a background map from %s."},
	"mapnone":                {"Er zijn geen sensoren met een openbare locatie.", "There are no sensors with a public location."},
	"maplegend":              {"Legenda", "Legend"},
	"legend.point":           {"Sensor op een vaste plek", "Sensor at a fixed place"},
	"legend.camera":          {"Camera", "Camera"},
	"legend.area":            {"Gebied (cameragebied of mobiele sensor)", "Area (camera area or mobile sensor)"},
	"scale":                  {"Schaal", "Scale"},
	"nomappos":               {"Zonder openbare locatie", "Without a public location"},
	"recordsof":              {"registraties", "records"},
	"intro":                  {"In dit register staat welke camera's, sensoren en algoritmes %s gebruikt in de openbare ruimte en bij besluiten over inwoners. Per registratie leest u waarvoor het dient, wie verantwoordelijk is, welke gegevens worden gebruikt en of het voldoet aan de principes die de gemeenteraad heeft vastgesteld.", "This register lists the cameras, sensors and algorithms that %s uses in public space and in decisions about residents. Each record says what it is for, who is responsible, which data it uses and whether it meets the principles the council adopted."},
	"introwho":               {"de gemeente", "the municipality"},
	"listsensors":            {"Alle sensoren", "All sensors"},
	"listalgorithms":         {"Alle algoritmes", "All algorithms"},
	"facets":                 {"Filters (werken ook zonder JavaScript)", "Filters (work without JavaScript too)"},
	"filtered":               {"Gefilterd op %s: %s", "Filtered by %s: %s"},
	"backtolist":             {"Terug naar de volledige lijst", "Back to the full list"},
	"downloads":              {"Downloads", "Downloads"},
	"contact":                {"Contact", "Contact"},
	"lastbuilt":              {"Bijgewerkt op", "Updated on"},
	"fieldsection.what":      {"Wat en waarom", "What and why"},
	"fieldsection.who":       {"Wie is verantwoordelijk", "Who is responsible"},
	"fieldsection.sensor":    {"De sensor", "The sensor"},
	"fieldsection.algorithm": {"Het algoritme", "The algorithm"},
	"fieldsection.law":       {"Besluiten en grondslag", "Decisions and legal basis"},
	"fieldsection.privacy":   {"Privacy en gegevens", "Privacy and data"},
	"fieldsection.risk":      {"Risico's en toetsing", "Risks and reviews"},
	"fieldsection.time":      {"Looptijd en evaluatie", "Life cycle and evaluation"},
	"fieldsection.security":  {"Beveiliging en leverancier", "Security and supplier"},
	"fieldsection.incidents": {"Incidenten", "Incidents"},
	"fieldsection.more":      {"Meer informatie", "More information"},
	"col.body":               {"Wie", "Who"},
	"col.kind":               {"Soort", "Kind"},
	"col.reference":          {"Besluit", "Decision"},
	"col.name":               {"Naam", "Name"},
	"col.source":             {"Bron", "Source"},
	"col.description":        {"Omschrijving", "Description"},
	"col.pd":                 {"Persoonsgegevens", "Personal data"},
	"col.link":               {"Link", "Link"},
	"col.party":              {"Partij", "Party"},
	"col.purpose":            {"Doel", "Purpose"},
	"col.period":             {"Periode", "Period"},
	"col.retention":          {"Bewaartermijn", "Retention"},
	"col.onward":             {"Doorgeven aan anderen", "Onward sharing"},
	"col.type":               {"Soort", "Type"},
	"col.summary":            {"Samenvatting", "Summary"},
	"col.discovered":         {"Ontdekt", "Discovered"},
	"col.reported":           {"Gemeld bij de AP", "Reported to the DPA"},
	"col.rule":               {"Regel", "Rule"},
	"col.reason":             {"Reden", "Reason"},
	"col.legalbasis":         {"Wettelijke grondslag", "Legal basis"},
	"col.approvedby":         {"Goedgekeurd door", "Approved by"},
	"col.until":              {"Tot", "Until"},
	"col.property":           {"Wat", "What"},
	"col.unit":               {"Eenheid", "Unit"},
	"col.frequency":          {"Hoe vaak", "How often"},
	"col.date":               {"Datum", "Date"},
	"col.what":               {"Wat", "What"},
	"col.record":             {"Registratie", "Record"},
	"col.due":                {"Uiterlijk", "Due by"},
	"due.evaluation":         {"Evaluatie", "Evaluation"},
	"due.lifecycle":          {"Einde looptijd verstreken", "End of life cycle passed"},
	"principlesintro":        {"De gemeente toetst elke registratie aan de principes voor de digitale samenleving (VNG, 2022) en aan afspraken uit het coalitieprogramma. Hieronder staat per principe wat het vraagt. Bij elke registratie ziet u welke principes aandacht nodig hebben.", "The municipality checks each record against the principles for the digital society (VNG, 2022) and commitments from the coalition programme. Below, each principle says what it asks. Each record shows which principles need attention."},
	"appliesto":              {"Geldt voor", "Applies to"},
	"rulesof":                {"Hoe de gemeente dit toetst", "How the municipality checks this"},
	"ref":                    {"Verwijzing", "Reference"},
	"whatitasks":             {"Wat het vraagt", "What it asks"},
	"opendataintro":          {"Alle openbare gegevens uit dit register zijn vrij te downloaden. Registraties die niet openbaar zijn en afgeschermde velden staan er niet in.", "All public data in this register can be downloaded freely. Records that are not public and withheld fields are left out."},
	"file":                   {"Bestand", "File"},
	"format":                 {"Formaat", "Format"},
	"catalogue":              {"Beschrijving van de datasets (DCAT-AP, JSON-LD)", "Description of the datasets (DCAT-AP, JSON-LD)"},
	"schemas":                {"JSON Schema's van het registerformaat", "JSON Schemas of the record format"},
	"notfound":               {"Pagina niet gevonden", "Page not found"},
	"notfoundtext":           {"Deze pagina bestaat niet (meer). Zoek de registratie via de lijsten of de zoekfunctie.", "This page does not exist (any more). Find the record through the lists or the search."},
	"kind":                   {"Soort registratie", "Kind of record"},
	"none":                   {"Geen", "None"},
	"quantityof":             {"%d stuks", "%d devices"},
	"mobile":                 {"Mobiel", "Mobile"},
	"signsyes":               {"Ja", "Yes"},
	"reportmail":             {"Fout in registratie %s", "Error in record %s"},
	"a11ytitle":              {"Toegankelijkheidsverklaring", "Accessibility statement"},
	"active":                 {"In gebruik", "In use"},
}

// t returns the site's own word for key in the language.
func t(lang, key string) string {
	if l, ok := ui[key]; ok {
		return l[langIndex(lang)]
	}
	return key
}

// tf formats a site word with arguments.
func tf(lang, key string, args ...any) string { return fmt.Sprintf(t(lang, key), args...) }

var months = [2][12]string{
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// longDate writes a YYYY-MM-DD date as a reader says it ("1 maart 2025"); a
// text that is not a date is returned as it is.
func longDate(lang, s string) string {
	d, err := period.ParseDate(s)
	if err != nil {
		return s
	}
	i := langIndex(lang)
	if i == 1 {
		return fmt.Sprintf("%d %s %d", d.Day(), months[1][d.Month()-1], d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), months[0][d.Month()-1], d.Year())
}

var durationUnits = [2][5][2]string{
	{{"jaar", "jaar"}, {"maand", "maanden"}, {"week", "weken"}, {"dag", "dagen"}, {"uur", "uur"}},
	{{"year", "years"}, {"month", "months"}, {"week", "weeks"}, {"day", "days"}, {"hour", "hours"}},
}

// humanDuration writes an ISO 8601 duration in words ("P28D" → "28 dagen").
func humanDuration(lang, s string) string {
	d, err := period.Parse(s)
	if err != nil {
		return s
	}
	i := langIndex(lang)
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
	add(int(d.Clock.Hours()), 4)
	if len(parts) == 0 {
		return s
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
