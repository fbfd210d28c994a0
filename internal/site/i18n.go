package site

import (
	"fmt"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/publish"
)

// The site speaks Dutch first and English second. Labels for record fields
// and values follow the glossary (shared/glossary.md); the English is ours.
// Each entry is a label.Text, {Dutch, English}.

// langIndex returns the place of a language in a label.Text.
func langIndex(lang string) int { return label.Index(lang) }

// fieldLabel returns the label of a field path in the language (the
// glossary's, from the label package), or the path itself.
func fieldLabel(lang, path string) string {
	l, _ := field.Label(lang, path)
	return l
}

// valueLabel returns the label of an enumerated value, or the value itself.
func valueLabel(lang, field, value string) string { return label.Value(lang, field, value) }

// longDate writes a date as a reader says it ("1 maart 2025").
func longDate(lang, s string) string { return label.Date(lang, s) }

// humanDuration writes an ISO 8601 duration in words ("28 dagen").
func humanDuration(lang, s string) string { return label.Duration(lang, s) }

// ui holds the site's own words: those of every page, and those of the
// notification form and the dataset pages, each kept beside its page.
var ui = mergeWords(siteWords, notifyWords, datasetWords)

// mergeWords joins word tables into one; a key in two tables is a
// mistake, caught when the program starts.
func mergeWords(tables ...map[string]label.Text) map[string]label.Text {
	out := map[string]label.Text{}
	for _, words := range tables {
		for k, v := range words {
			if _, ok := out[k]; ok {
				panic("site: the word " + k + " is in two tables")
			}
			out[k] = v
		}
	}
	return out
}

// siteWords are the words of every page.
var siteWords = map[string]label.Text{
	"skip":          {"Direct naar de inhoud", "Skip to content"},
	"home":          {"Home", "Home"},
	"sensors":       {"Sensoren", "Sensors"},
	"algorithms":    {"Algoritmes", "Algorithms"},
	"map":           {"Kaart", "Map"},
	"principles":    {"Principes", "Principles"},
	"search":        {"Zoeken", "Search"},
	"accessibility": {"Toegankelijkheid", "Accessibility"},
	"opendata":      {"Open data", "Open data"},
	"mainnav":       {"Hoofdmenu", "Main menu"},
	"langnav":       {"Taal", "Language"},
	"langname":      {"Nederlands", "English"},
	"yes":           {"Ja", "Yes"},
	"no":            {"Nee", "No"},
	"withheld":      {publish.NotPublicNL, publish.NotPublicEN}, // the words every output uses
	"reason":        {"Reden", "Reason"},
	// A rule's verdict that rests on a withheld field: neither pass nor fail.
	"verdict.withheld":        {"Oordeel niet openbaar", "Verdict not public"},
	"verdict.withheldwhy":     {"het berust op gegevens die niet openbaar zijn", "it rests on information that is not public"},
	"notstated":               {"Niet ingevuld", "Not filled in"},
	"records":                 {"Registraties", "Records"},
	"devices":                 {"Apparaten", "Devices"},
	"atleast":                 {"minstens", "at least"},
	"count":                   {"Aantal", "Number"},
	"total":                   {"Totaal", "Total"},
	"type":                    {"Soort", "Type"},
	"area":                    {"Gebied", "Area"},
	"aiact":                   {"Risicocategorie AI-verordening", "EU AI Act risk category"},
	"category":                {"Publicatiecategorie", "Publication category"},
	"all":                     {"Alle", "All"},
	"filter":                  {"Filteren", "Filter"},
	"filterby":                {"Filter op", "Filter by"},
	"showing":                 {"Getoond", "Shown"},
	"pageof":                  {"Pagina %d van %d", "Page %d of %d"},
	"rowsof":                  {"%d–%d van %d", "%d–%d of %d"},
	"pages":                   {"Pagina's", "Pages"},
	"prevpage":                {"Vorige pagina", "Previous page"},
	"nextpage":                {"Volgende pagina", "Next page"},
	"of":                      {"van", "of"},
	"reporterror":             {"Klopt er iets niet? Meld een fout", "Is something wrong? Report an error"},
	"source":                  {"Bron van deze registratie (YAML)", "Source of this record (YAML)"},
	"sourcewithheld":          {"De bron van deze registratie is niet openbaar, omdat er velden zijn afgeschermd.", "The source of this record is not public, because some fields are withheld."},
	"history":                 {"Geschiedenis", "History"},
	"changes":                 {"Wijzigingen in het register", "Changes in the register"},
	"fieldschanged":           {"Gewijzigde velden", "Fields changed"},
	"nohistory":               {"Er is geen geschiedenis beschikbaar.", "No history is available."},
	"added":                   {"Toegevoegd", "Added"},
	"changed":                 {"Gewijzigd", "Changed"},
	"date":                    {"Datum", "Date"},
	"change":                  {"Wijziging", "Change"},
	"author":                  {"Door", "By"},
	"related":                 {"Samenhang met andere registraties", "Related records"},
	"uses_sensors_label":      {"Gebruikt gegevens van deze sensoren", "Uses data from these sensors"},
	"usedby":                  {"Algoritmes die gegevens van deze sensor gebruiken", "Algorithms that use data from this sensor"},
	"checklist":               {"Toets aan de principes", "Check against the principles"},
	"notchecked":              {"De toets aan de principes is voor deze publicatie niet uitgevoerd.", "The check against the principles was not run for this publication."},
	"noticksinvalid":          {"Het bestand van deze registratie volgt het registratieformaat niet (zie de bevindingen). Daarom bevestigt de toets hier geen enkel principe.", "This record's file does not follow the record format (see the findings), so the check confirms no principle here."},
	"nofindings":              {"Geen bevindingen", "No findings"},
	"nofindingsat":            {"Geen bevindingen bij %d principes", "No findings for %d principles"},
	"principle":               {"Principe", "Principle"},
	"result":                  {"Uitkomst", "Result"},
	"sev.error":               {"Voldoet niet", "Does not comply"},
	"sev.warning":             {"Aandachtspunt", "Needs attention"},
	"sev.info":                {"Opmerking", "Note"},
	"notcheckedoff":           {"Niet getoetst (uitgezet door de gemeente)", "Not checked (switched off)"},
	"partlycheckedoff":        {"Niet volledig getoetst (deels uitgezet door de gemeente)", "Not fully checked (partly switched off)"},
	"deviations":              {"Afwijkingen van de standaardinstellingen", "Deviations from the default settings"},
	"deviationsintro":         {"De gemeente heeft deze regels van de toets uitgezet of lichter gemaakt. Zo staat het in haar instellingen, met de reden die zij opgaf.", "The municipality switched these rules of the check off or made them lighter. This is how its settings say it, with the reason it gave."},
	"dev.setting":             {"%s (standaard: %s).", "%s (default: %s)."},
	"dev.where":               {"Ingesteld in %s.", "Set in %s."},
	"dev.noreason":            {"geen reden opgegeven", "no reason given"},
	"dev.settingsintro":       {"De gemeente heeft deze instellingen van de toets anders gezet dan standaard. De regels die ze gebruiken toetsen daarmee:", "The municipality set these settings of the check away from their defaults. The rules that use them check by them:"},
	"dev.refused":             {"Deze regel volgt uit de wet (%s): de instelling werkt niet, en de regel is gewoon getoetst.", "This rule follows from law (%s): the setting has no effect, and the rule was checked as usual."},
	"dev.policyonly":          {"Alleen het deel dat uit beleid komt is veranderd; %s is het een wettelijke plicht (%s), en dat deel is gewoon getoetst.", "Only the part that comes from policy changed; %s it is a legal duty (%s), and that part was checked as usual."},
	"set.off":                 {"uitgezet", "switched off"},
	"set.info":                {"alleen als opmerking", "as a note only"},
	"set.warning":             {"als aandachtspunt", "as a point of attention"},
	"set.error":               {"als fout", "as an error"},
	"openfindings":            {"Open bevindingen", "Open findings"},
	"evalstatus":              {"Stand van de evaluatie", "Evaluation status"},
	"eval.lapsed":             {"Te laat: de evaluatie had uiterlijk %s moeten plaatsvinden", "Overdue: the evaluation was due by %s"},
	"eval.soon":               {"Binnenkort: evaluatie uiterlijk %s", "Due soon: evaluation by %s"},
	"eval.ok":                 {"Op tijd: volgende evaluatie uiterlijk %s", "On time: next evaluation by %s"},
	"eval.na":                 {"Niet van toepassing: niet (meer) in gebruik", "Not applicable: not (or no longer) in use"},
	"eval.unknown":            {"Onbekend: geen startdatum of termijn", "Unknown: no start date or interval"},
	"unpublished":             {"%d registraties zijn niet gepubliceerd", "%d records are not published"},
	"unpublished1":            {"1 registratie is niet gepubliceerd", "1 record is not published"},
	"skipped":                 {"%d registraties worden niet getoond, omdat hun kenmerk of soort niet klopt.", "%d records are not shown, because their identifier or kind is not valid."},
	"skipped1":                {"1 registratie wordt niet getoond, omdat het kenmerk of de soort niet klopt.", "1 record is not shown, because its identifier or kind is not valid."},
	"unpublishedwhy":          {"Redenen", "Reasons"},
	"noreason":                {"Geen reden opgegeven", "No reason given"},
	"lapsed":                  {"Te laat", "Overdue"},
	"lapsedtitle":             {"Evaluaties en looptijden die te laat zijn", "Evaluations and life cycles that are overdue"},
	"nolapsed":                {"Niets is te laat.", "Nothing is overdue."},
	"new":                     {"Nieuw in het register", "New in the register"},
	"nonew":                   {"Er is de laatste 90 dagen niets nieuws gemeld.", "Nothing new was registered in the last 90 days."},
	"bytype":                  {"Sensoren per soort", "Sensors by type"},
	"bycategory":              {"Algoritmes per publicatiecategorie", "Algorithms by publication category"},
	"searchlabel":             {"Zoek in het register", "Search the register"},
	"searchbutton":            {"Zoeken", "Search"},
	"searchnojs":              {"Zoeken werkt met JavaScript. Zonder JavaScript vindt u alles via de lijsten van sensoren en algoritmes.", "Search needs JavaScript. Without it, you can find everything through the lists of sensors and algorithms."},
	"searchresults":           {"Resultaten", "Results"},
	"noresults":               {"Niets gevonden.", "Nothing found."},
	"nresults":                {"%d resultaten", "%d results"},
	"moreresults":             {"De eerste %d worden getoond; maak de zoekvraag preciezer of filter.", "The first %d are shown; narrow the search or filter."},
	"searchhint":              {"Zoekt terwijl u typt, in naam, omschrijving, doel, mogelijkheden, plaats, leverancier en meer.", "Searches as you type, in name, summary, purpose, capabilities, place, supplier and more."},
	"switchedoff":             {"%s (staat uit)", "%s (switched off)"},
	"searchbroken":            {"De zoekindex kon niet worden geladen. Alles staat ook in de lijsten:", "The search index could not be loaded. Everything is in the lists too:"},
	"name":                    {"Naam", "Name"},
	"status":                  {"Status", "Status"},
	"personaldata":            {"Persoonsgegevens", "Personal data"},
	"location":                {"Locatie", "Location"},
	"coordinates":             {"Coördinaten", "Coordinates"},
	"maplist":                 {"Alle sensoren op de kaart, als lijst", "Every sensor on the map, as a list"},
	"mapintro":                {"De kaart toont waar sensoren staan ten opzichte van elkaar, en de gebieden van cameragebieden en mobiele sensoren. Er wordt geen achtergrondkaart van een andere website geladen.", "The map shows where sensors are relative to each other, and the areas of camera areas and mobile sensors. No background map is loaded from another website."},
	"mapintrotiles":           {"De kaart toont waar sensoren staan, met een achtergrondkaart van %s.", "The map shows where sensors are, with a background map from %s."},
	"mapnone":                 {"Er zijn geen sensoren met een openbare locatie.", "There are no sensors with a public location."},
	"maplegend":               {"Legenda", "Legend"},
	"legend.point":            {"Sensor op een vaste plek", "Sensor at a fixed place"},
	"legend.camera":           {"Camera", "Camera"},
	"legend.area":             {"Gebied (cameragebied of mobiele sensor)", "Area (camera area or mobile sensor)"},
	"scale":                   {"Schaal", "Scale"},
	"nomappos":                {"Zonder openbare locatie", "Without a public location"},
	"recordsof":               {"registraties", "records"},
	"intro":                   {"In dit register staat welke camera's, sensoren en algoritmes %s gebruikt in de openbare ruimte en bij besluiten over inwoners. Per registratie leest u waarvoor het dient, wie verantwoordelijk is, welke gegevens worden gebruikt en of het voldoet aan de principes die de gemeenteraad heeft vastgesteld.", "This register lists the cameras, sensors and algorithms that %s uses in public space and in decisions about residents. Each record says what it is for, who is responsible, which data it uses and whether it meets the principles the council adopted."},
	"introwho":                {"de gemeente", "the municipality"},
	"listsensors":             {"Alle sensoren", "All sensors"},
	"listalgorithms":          {"Alle algoritmes", "All algorithms"},
	"facets":                  {"Filters (werken ook zonder JavaScript)", "Filters (work without JavaScript too)"},
	"filtered":                {"Gefilterd op %s: %s", "Filtered by %s: %s"},
	"backtolist":              {"Terug naar de volledige lijst", "Back to the full list"},
	"downloads":               {"Downloads", "Downloads"},
	"follow":                  {"Volg het register", "Follow the register"},
	"feedtitle":               {"Wijzigingen (Atom-feed)", "Changes (Atom feed)"},
	"calendartitle":           {"Agenda van evaluaties en einddata (iCalendar)", "Calendar of evaluations and end dates (iCalendar)"},
	"contact":                 {"Contact", "Contact"},
	"lastbuilt":               {"Bijgewerkt op", "Updated on"},
	"fieldsection.what":       {"Wat en waarom", "What and why"},
	"fieldsection.who":        {"Wie is verantwoordelijk", "Who is responsible"},
	"fieldsection.sensor":     {"De sensor", "The sensor"},
	"fieldsection.algorithm":  {"Het algoritme", "The algorithm"},
	"fieldsection.law":        {"Besluiten en grondslag", "Decisions and legal basis"},
	"fieldsection.privacy":    {"Privacy en gegevens", "Privacy and data"},
	"fieldsection.correction": {"Fout in uw gegevens?", "Wrong data about you?"},
	"correction.none":         {"Deze registratie noemt geen eigen route om gegevens te laten verbeteren of verwijderen. U kunt altijd terecht bij het meldpunt van de gemeente.", "This record names no route of its own to have data corrected or deleted. You can always turn to the municipality's desk."},
	"correction.desk":         {"Naar het meldpunt", "To the desk"},
	"correction.chain":        {"Is een fout verbeterd, dan laat de gemeente elke organisatie die de gegevens kreeg dat weten (AVG art. 19).", "Once an error is corrected, the municipality tells every organisation that received the data (GDPR art. 19)."},
	"col.advice":              {"Advies", "Advice"},
	"col.response":            {"Reactie van de gemeente", "The municipality's response"},
	"review.asked":            {"gevraagd", "asked"},
	"review.unasked":          {"ongevraagd", "unasked"},
	"review.open":             {"Nog geen reactie.", "No response yet."},
	"fieldsection.risk":       {"Risico's en toetsing", "Risks and reviews"},
	"fieldsection.time":       {"Looptijd en evaluatie", "Life cycle and evaluation"},
	"fieldsection.security":   {"Beveiliging en leverancier", "Security and supplier"},
	"fieldsection.incidents":  {"Incidenten", "Incidents"},
	"fieldsection.more":       {"Meer informatie", "More information"},
	"col.body":                {"Wie", "Who"},
	"col.kind":                {"Soort", "Kind"},
	"col.reference":           {"Besluit", "Decision"},
	"col.name":                {"Naam", "Name"},
	"col.source":              {"Bron", "Source"},
	"col.description":         {"Omschrijving", "Description"},
	"col.pd":                  {"Persoonsgegevens", "Personal data"},
	"col.link":                {"Link", "Link"},
	"col.party":               {"Partij", "Party"},
	"col.purpose":             {"Doel", "Purpose"},
	"col.period":              {"Periode", "Period"},
	"col.retention":           {"Bewaartermijn", "Retention"},
	"col.onward":              {"Doorgeven aan anderen", "Onward sharing"},
	"col.type":                {"Soort", "Type"},
	"col.summary":             {"Samenvatting", "Summary"},
	"col.discovered":          {"Ontdekt", "Discovered"},
	"col.reported":            {"Gemeld bij de AP", "Reported to the DPA"},
	"col.rule":                {"Regel", "Rule"},
	"col.reason":              {"Reden", "Reason"},
	"col.legalbasis":          {"Wettelijke grondslag", "Legal basis"},
	"col.approvedby":          {"Goedgekeurd door", "Approved by"},
	"col.until":               {"Tot", "Until"},
	"col.property":            {"Wat", "What"},
	"col.unit":                {"Eenheid", "Unit"},
	"col.frequency":           {"Hoe vaak", "How often"},
	// The parts of an exception under the AI Act, in its table's cell.
	"exc.objective":     {"Doel van live identificatie", "Real-time identification objective"},
	"exc.nationallaw":   {"Nationale wet", "National law"},
	"exc.authorisation": {"Voorafgaande toestemming", "Prior authorisation"},
	"col.date":          {"Datum", "Date"},
	"col.what":          {"Wat", "What"},
	"col.record":        {"Registratie", "Record"},
	"col.due":           {"Uiterlijk", "Due by"},
	"due.evaluation":    {"Evaluatie", "Evaluation"},
	"due.lifecycle":     {"Einde looptijd verstreken", "End of life cycle passed"},
	"principlesintro":   {"De gemeente toetst elke registratie aan de principes voor de digitale samenleving (VNG, 2022) en aan afspraken uit het coalitieprogramma. Hieronder staat per principe wat het vraagt. Bij elke registratie ziet u welke principes aandacht nodig hebben.", "The municipality checks each record against the principles for the digital society (VNG, 2022) and commitments from the coalition programme. Below, each principle says what it asks. Each record shows which principles need attention."},
	"appliesto":         {"Geldt voor", "Applies to"},
	"rulesof":           {"Hoe de gemeente dit toetst", "How the municipality checks this"},
	"ref":               {"Verwijzing", "Reference"},
	"whatitasks":        {"Wat het vraagt", "What it asks"},
	"opendataintro":     {"Alle openbare gegevens uit dit register zijn vrij te downloaden. Registraties die niet openbaar zijn en afgeschermde velden staan er niet in.", "All public data in this register can be downloaded freely. Records that are not public and withheld fields are left out."},
	"file":              {"Bestand", "File"},
	"format":            {"Formaat", "Format"},
	"catalogue":         {"Beschrijving van de datasets (DCAT-AP, JSON-LD)", "Description of the datasets (DCAT-AP, JSON-LD)"},
	"schemas":           {"JSON Schema's van het registerformaat", "JSON Schemas of the record format"},
	"notfound":          {"Pagina niet gevonden", "Page not found"},
	"notfoundtext":      {"Deze pagina bestaat niet (meer). Zoek de registratie via de lijsten of de zoekfunctie.", "This page does not exist (any more). Find the record through the lists or the search."},
	"kind":              {"Soort registratie", "Kind of record"},
	"none":              {"Geen", "None"},
	"quantityunknown":   {"Onbekend: het aantal in de registratie is geen geldig getal", "Unknown: the quantity in the record is not a valid number"},
	"mobile":            {"Mobiel", "Mobile"},
	"signsyes":          {"Ja", "Yes"},
	"reportmail":        {"Fout in registratie %s", "Error in record %s"},
	"a11ytitle":         {"Toegankelijkheidsverklaring", "Accessibility statement"},
	"active":            {"In gebruik", "In use"},
}

// t returns the site's own word for key in the language.
func t(lang, key string) string {
	if l, ok := ui[key]; ok {
		return l.In(lang)
	}
	return key
}

// tf formats a site word with arguments.
func tf(lang, key string, args ...any) string { return fmt.Sprintf(t(lang, key), args...) }
