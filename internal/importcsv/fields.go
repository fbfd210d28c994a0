package importcsv

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/record"
)

// valueType says how a cell is read.
type valueType int

const (
	typText     valueType = iota // trimmed text
	typDate                      // a date, normalised to YYYY-MM-DD
	typList                      // a list of texts, split where the column says
	typBool                      // yes or no, in the words parseBool lists
	typInt                       // a whole number
	typFloat                     // a decimal number, with "." or ","
	typEnum                      // one value of enums[path], by key or Dutch label
	typEnumList                  // a list of values of enums[path]
	typNames                     // a list of names, each becoming {name: ...} (datasets)
	typDuration                  // an ISO 8601 duration, or words such as "2 jaar" or "jaarlijks"
	typObjects                   // a list of objects, written as a JSON array
	typLinks                     // a list of links, each becoming {title: ..., url: ...}
)

// spec is a record field a column can fill.
type spec struct {
	path string      // dotted path in the record, e.g. "location.point.lat"
	typ  valueType   // how the cell is read
	kind record.Kind // "" for both kinds
}

// typed are the fields read otherwise than their shape in the record says:
// dates, durations and enumerated values, which the import normalises.
var typed = map[string]valueType{
	"status": typEnum, "organisation.type": typEnum, "themes": typEnumList,
	"legal_basis.regime": typEnum, "legal_basis.gdpr_ground": typEnum,
	"personal_data.processed": typEnum, "dpia.status": typEnum, "dpia.date": typDate,
	"ai_act.category": typEnum, "lifecycle.start": typDate, "lifecycle.end": typDate,
	"evaluation.interval": typDuration, "evaluation.last": typDate, "retention": typDuration,
	"data_rights.holder": typEnum, "security.last_audit": typDate, "supplier.contract_end": typDate,
	"registered_on": typDate, "sensor_type": typEnum, "capabilities": typEnumList,
	"algorithm_type": typEnum, "role": typEnum, "publication_category": typEnum,
	"datasets": typNames, "links": typLinks, "ai_act.fria.date": typDate,
	"minimisation.measures": typEnumList,
}

// specs lists every field of the record format in the order the record gives
// them; records are written with their keys in this order, so an imported
// record reads like one written by hand.
var specs = func() []spec {
	var out []spec
	for _, l := range record.Leaves() {
		s := spec{path: l.Path, kind: l.Kind}
		switch l.Shape {
		case record.ShapeBool:
			s.typ = typBool
		case record.ShapeInt:
			s.typ = typInt
		case record.ShapeFloat:
			s.typ = typFloat
		case record.ShapeList:
			s.typ = typList
		case record.ShapeObjects:
			s.typ = typObjects
		}
		if t, ok := typed[l.Path]; ok {
			s.typ = t
		}
		out = append(out, s)
	}
	// The format version follows the kind, as register new writes it.
	if i := slices.IndexFunc(out, func(s spec) bool { return s.path == "format_version" }); i >= 0 {
		v := out[i]
		out = slices.Delete(out, i, i+1)
		k := slices.IndexFunc(out, func(s spec) bool { return s.path == "kind" })
		out = slices.Insert(out, k+1, v)
	}
	return out
}()

// specByPath indexes specs.
var specByPath = func() map[string]spec {
	m := make(map[string]spec, len(specs))
	for _, s := range specs {
		m[s.path] = s
	}
	return m
}()

// headers maps column headers, normalised, to record fields: the record's own
// keys (dotted or with underscores), the open-data CSV's columns and the
// labels of the field table (internal/field), and what spreadsheets commonly
// say.
var headers = func() map[string]string {
	m := map[string]string{}
	for _, s := range specs {
		m[normalise(s.path)] = s.path
	}
	add := func(path string, names ...string) {
		for _, n := range names {
			m[normalise(n)] = path
		}
	}
	// The open-data CSV's columns, so its files import again, and the
	// labels a reader sees on the record page, where one names one field.
	byLabel := map[string][]string{}
	for _, f := range field.All {
		if f.Leaf() && (f.Display == field.Row || f.Display == field.Custom) && f.Label[0] != "" {
			byLabel[normalise(f.Label[0])] = append(byLabel[normalise(f.Label[0])], f.Path)
		}
	}
	for l, paths := range byLabel {
		if len(paths) == 1 {
			m[l] = paths[0]
		}
	}
	for _, f := range field.Leaves() {
		if c := f.Column(); c != "" {
			add(f.Path, c)
		}
	}
	// What other sources call them.
	add("owner.role", "owner")
	add("owner.email", "email", "e-mail", "contact_email")
	add("dpia.status", "dpia")
	add("lifecycle.start", "start", "start_date")
	add("lifecycle.end", "end", "end_date")
	add("evaluation.last", "last_evaluation")
	add("location.point.lat", "latitude")
	add("location.point.lon", "lng", "longitude")
	add("location.point_rd.x", "x", "rd_x")
	add("location.point_rd.y", "y", "rd_y")
	add("vendor.model", "model")
	add("source_code.url", "source_code")
	// Dutch.
	add("kind", "soort record", "sensor of algoritme")
	add("name", "naam", "titel")
	add("summary", "korte omschrijving", "omschrijving", "beschrijving")
	add("status", "status")
	add("organisation.name", "organisatie", "organisatienaam", "eigenaar")
	add("organisation.type", "soort organisatie", "type organisatie")
	add("organisation.kvk", "kvk", "kvk-nummer")
	add("owner.role", "verantwoordelijke", "rol", "functie", "rol verantwoordelijke")
	add("owner.email", "e-mailadres", "mail", "contact", "contactgegevens", "functionele mailbox")
	add("owner.department", "afdeling")
	add("owner.phone", "telefoon", "telefoonnummer")
	add("purpose", "doel", "doel en impact")
	add("problem", "probleem", "welk probleem lost het op")
	add("alternatives", "alternatieven", "afwegingen", "afwegingen en alternatieven")
	add("themes", "thema", "thema's", "themas")
	add("legal_basis.regime", "regime grondslag", "regime")
	add("legal_basis.gdpr_ground", "grondslag avg", "avg-grondslag")
	add("legal_basis.law", "wettelijke grondslag", "grondslag", "wettelijke basis")
	add("processing_register_url", "verwerkingsregister")
	add("personal_data.processed", "persoonsgegevens")
	add("personal_data.categories", "soorten persoonsgegevens", "categorieen persoonsgegevens")
	add("ai_act.category", "ai-verordening", "risicocategorie ai-verordening")
	add("lifecycle.start", "startdatum", "begindatum", "in gebruik sinds", "datum plaatsing", "geplaatst op")
	add("lifecycle.end", "einddatum", "eind", "tot")
	add("lifecycle.extension_criteria", "criteria verlenging", "verlenging")
	add("evaluation.interval", "evaluatie interval", "evaluatietermijn", "evalueren elke")
	add("evaluation.last", "laatste evaluatie", "datum laatste evaluatie")
	add("evaluation.outcome", "uitkomst evaluatie")
	add("retention", "bewaartermijn")
	add("data_rights.holder", "rechten op de data")
	add("open_data.url", "open data")
	add("security.last_audit", "laatste audit", "laatste beveiligingsaudit")
	add("supplier.name", "leverancier")
	add("supplier.contract_end", "einde contract", "contract tot")
	add("registered_on", "gemeld op", "meldingsdatum", "datum melding")
	add("sensor_type", "soort sensor", "type sensor", "sensortype")
	add("capabilities", "wat kan de sensor", "mogelijkheden", "functies")
	add("quantity", "aantal")
	add("location.description", "locatie", "adres", "plek")
	add("location.area", "buurt", "wijk", "gebied")
	add("location.point.lat", "breedtegraad")
	add("location.point.lon", "lengtegraad")
	add("location.point_rd.x", "rd-x", "x-coordinaat")
	add("location.point_rd.y", "rd-y", "y-coordinaat")
	add("location.mobile", "mobiel")
	add("signage.present", "bord", "herkenbaar", "herkenbaarheid")
	add("vendor.manufacturer", "fabrikant", "merk")
	add("vendor.country", "land van herkomst")
	add("algorithm_type", "soort algoritme", "type algoritme")
	add("role", "rol bij besluiten")
	add("affects_individuals", "gaat over personen", "gaat over personen of groepen")
	add("publication_category", "publicatiecategorie")
	add("publication.public", "openbaar")
	add("publication.reason", "reden niet openbaar", "reden afscherming")
	add("publication.withheld", "afgeschermd", "afgeschermde velden")
	add("human_oversight", "menselijke tussenkomst")
	add("explanation", "uitleg", "werking", "hoe werkt het")
	add("self_learning", "zelflerend")
	add("datasets", "gebruikte gegevens", "gegevens", "databronnen")
	add("source_code.url", "broncode", "link naar broncode")
	add("objection", "bezwaar", "bezwaar en beroep")
	add("uses_sensors", "gebruikt sensoren")
	add("national_register.url", "landelijk algoritmeregister")
	return m
}()

// enums maps each enumerated field's values, normalised, to the record
// format's value: the value itself and its Dutch label from the glossary.
var enums = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	set := func(path string, pairs ...string) {
		vals := m[path]
		if vals == nil {
			vals = map[string]string{}
			m[path] = vals
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			vals[normalise(pairs[i])] = pairs[i]
			for _, label := range strings.Split(pairs[i+1], "|") {
				vals[normalise(label)] = pairs[i]
			}
		}
	}
	set("status", "planned", "Gepland", "in_development", "In ontwikkeling", "active", "In gebruik|actief",
		"suspended", "Tijdelijk stopgezet|stopgezet", "retired", "Buiten gebruik")
	set("organisation.type", "municipality", "Gemeente", "police", "Politie", "other_government", "Andere overheid",
		"private", "Private partij|bedrijf", "research", "Onderzoeksinstelling", "other", "Anders")
	set("legal_basis.regime", "gdpr", "AVG", "police_data", "Wet politiegegevens (Wpg)|wpg", "other", "Anders")
	set("legal_basis.gdpr_ground", "public_task", "Taak van algemeen belang / openbaar gezag|publieke taak|algemeen belang",
		"legal_obligation", "Wettelijke verplichting", "legitimate_interest", "Gerechtvaardigd belang",
		"consent", "Toestemming", "contract", "Overeenkomst", "vital_interest", "Vitaal belang")
	set("personal_data.processed", "yes", "ja|j", "no", "nee|n", "unknown", "onbekend")
	set("dpia.status", "done", "Uitgevoerd|ja", "in_progress", "In uitvoering", "not_required", "Niet nodig",
		"not_done", "Niet uitgevoerd|nee")
	set("ai_act.category", "prohibited", "Verboden", "high_risk", "Hoog risico", "transparency", "Transparantieverplichting",
		"minimal", "Minimaal risico", "not_ai", "Geen AI-systeem|geen ai")
	set("data_rights.holder", "municipality", "Gemeente", "supplier", "Leverancier", "shared", "Gedeeld")
	set("sensor_type", "camera", "Camera", "anpr_camera", "ANPR-camera (kentekenherkenning)|ANPR-camera|anpr",
		"air_quality", "Luchtkwaliteitssensor|luchtkwaliteit|luchtmeter", "odour", "Geursensor", "noise", "Geluidssensor|geluidsmeter",
		"traffic_counter", "Verkeersteller", "crowd_counter", "Druktemeter", "wifi_bluetooth_counter", "Wifi-/bluetoothteller|wifiteller",
		"parking", "Parkeersensor", "water_level", "Waterstandmeter", "weather", "Weerstation",
		"waste_level", "Vulgraadsensor", "drone", "Drone", "smart_lighting", "Slimme verlichting", "other", "Overig|anders")
	set("capabilities", "video_recording", "Video opnemen", "live_viewing", "Live meekijken", "image_analysis", "Beeldanalyse",
		"people_counting", "Personen tellen", "vehicle_counting", "Voertuigen tellen",
		"licence_plate_recognition", "Kentekenherkenning", "face_recognition", "Gezichtsherkenning",
		"biometric_identification", "Biometrische identificatie", "person_tracking", "Personen volgen",
		"re_identification", "Personen herkennen (her-identificatie)|her-identificatie", "emotion_recognition", "Emotieherkenning",
		"gait_recognition", "Herkenning aan looppatroon", "audio_recording", "Geluid opnemen", "sound_level", "Geluidsniveau meten",
		"device_tracking", "Telefoons en apparaten volgen", "environmental_measurement", "Omgeving meten", "other", "Anders")
	set("algorithm_type", "rule_based", "Regelgebaseerd", "statistical", "Statistisch", "machine_learning", "Machine learning",
		"generative_ai", "Generatieve AI", "hybrid", "Hybride")
	set("role", "automated_decision", "Neemt zelf besluiten", "decision_support", "Ondersteunt besluiten", "prediction", "Voorspelt",
		"profiling", "Maakt profielen", "informational", "Geeft informatie")
	set("publication_category", "high_risk_ai", "Hoog-risico AI-systeem", "impactful", "Impactvolle algoritmes|impactvol",
		"other", "Overige algoritmes|overig")
	set("themes", "organisatie-en-bedrijfsvoering", "Organisatie en bedrijfsvoering", "cultuur-en-recreatie", "Cultuur en recreatie",
		"economie", "Economie", "overheidsfinancien", "Overheidsfinanciën", "wonen", "Wonen", "internationaal", "Internationaal",
		"migratie-en-integratie", "Migratie en integratie", "natuur-en-milieu", "Natuur en milieu",
		"onderwijs-en-wetenschap", "Onderwijs en wetenschap", "openbare-orde-en-veiligheid", "Openbare orde en veiligheid",
		"recht", "Recht", "ruimte-en-infrastructuur", "Ruimte en infrastructuur", "sociale-zekerheid", "Sociale zekerheid",
		"verkeer", "Verkeer", "werk", "Werk", "zorg-en-gezondheid", "Zorg en gezondheid")
	return m
}()

// normalise makes headers and values comparable (record.Fold).
func normalise(s string) string { return record.Fold(s) }
