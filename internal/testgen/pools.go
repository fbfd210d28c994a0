package testgen

// The material records are made of: Dutch places, organisations, roles and
// texts in plain language (B1), with the diacritics real registers hold
// (ë, é, ï, ö, ü and the ĳ ligature). Owners are roles with functional
// mailboxes: the record format forbids personal names.

// place is a spot in the fictional municipality, placed around a real town
// centre so coordinates fall inside the Netherlands.
type place struct {
	name string
	slug string
	dLat float64 // offset from the centre in degrees
	dLon float64
}

// centreLat and centreLon put Voorbeeldstad on the map (central Utrecht).
const (
	centreLat = 52.0907
	centreLon = 5.1214
)

var places = []place{
	{"Stationsplein", "stationsplein", -0.0012, -0.0095},
	{"Vredenburg", "vredenburg", 0.0016, -0.0062},
	{"Oudegracht bij de Bakkerbrug", "oudegracht", 0.0004, -0.0021},
	{"Neude", "neude", 0.0028, -0.0032},
	{"Domplein", "domplein", 0.0, 0.0},
	{"Janskerkhof", "janskerkhof", 0.0031, 0.0005},
	{"Ĳsselstraat", "ijsselstraat", -0.0151, 0.0088},
	{"Coöperatieplein", "cooperatieplein", 0.0122, -0.0187},
	{"Ruïnepark", "ruinepark", -0.0202, 0.0231},
	{"Café-terras aan de Mariaplaats", "mariaplaats", -0.0017, -0.0040},
	{"Jaarbeursplein", "jaarbeursplein", -0.0035, -0.0160},
	{"Lombok, Kanaalstraat", "kanaalstraat", 0.0003, -0.0212},
	{"Zuilen, Amsterdamsestraatweg", "straatweg", 0.0244, -0.0134},
	{"Overvecht-Noord", "overvecht", 0.0323, 0.0142},
	{"Kanaleneiland, Churchilllaan", "churchilllaan", -0.0221, -0.0251},
	{"Hoograven, Hoogravenseweg", "hoograven", -0.0199, 0.0095},
	{"Rotsoord", "rotsoord", -0.0143, 0.0031},
	{"Wittevrouwen, Biltstraat", "biltstraat", 0.0068, 0.0152},
	{"Tuindorp, Kijkduinlaan", "tuindorp", 0.0219, 0.0061},
	{"Leidsche Rijn Centrum", "leidsche-rijn", -0.0097, -0.0612},
	{"Vleuten, Dorpsstraat", "vleuten", 0.0012, -0.0978},
	{"De Meern, Mereveldplein", "de-meern", -0.0211, -0.0802},
	{"Science Park", "science-park", -0.0052, 0.0551},
	{"Rijnkade bij de sluis", "rijnkade", -0.0108, -0.0146},
	{"Maliebaan", "maliebaan", 0.0011, 0.0117},
	{"Griftpark", "griftpark", 0.0121, 0.0013},
	{"Zuidërpark, speelveld", "zuiderpark", -0.0280, 0.0020},
	{"Nijverheidsweg, bedrijventerrein", "nijverheidsweg", 0.0188, -0.0290},
	{"Vaartsche Rijn, kade", "vaartsche-rijn", -0.0098, 0.0018},
	{"Ezelsdijk", "ezelsdijk", 0.0201, -0.0402},
}

// areas are what a mobile sensor's location says in words.
var areas = []string{
	"Binnenstad binnen de singels",
	"Stationsgebied en Jaarbeurs",
	"Wijk Overvecht",
	"Wijk Zuidwest (Kanaleneiland en Transwijk)",
	"Leidsche Rijn en Vleuten-De Meern",
	"Uitgaansgebied Neude–Janskerkhof",
	"Evenemententerrein Griftpark",
	"Hele gemeente, op wisselende plekken",
}

type org struct {
	name, typ, kvk string
}

var (
	municipality = org{"Gemeente Voorbeeldstad", "municipality", ""}
	orgs         = []org{
		{"Politie Eenheid Midden-Nederland", "police", ""},
		{"Provincie Utrecht", "other_government", ""},
		{"Hoogheemraadschap De Stichtse Rijnlanden", "other_government", ""},
		{"Parkeerbedrijf Stadshart B.V.", "private", "30123456"},
		{"Winkeliersvereniging Binnenstad", "private", "30998877"},
		{"Universiteit Voorbeeldstad, faculteit Geowetenschappen", "research", ""},
		{"Stichting Luchtmeetnet Bewoners", "other", "61234567"},
	}
)

type owner struct {
	role, email, department string
}

var owners = []owner{
	{"Teamleider Toezicht en Handhaving", "handhaving@voorbeeldstad.example", "Veiligheid"},
	{"Coördinator cameratoezicht", "cameratoezicht@voorbeeldstad.example", "Openbare Orde en Veiligheid"},
	{"Productowner Slimme Stad", "slimmestad@voorbeeldstad.example", "Informatievoorziening"},
	{"Adviseur luchtkwaliteit", "milieu@voorbeeldstad.example", "Milieu en Duurzaamheid"},
	{"Beleidsadviseur mobiliteit", "mobiliteit@voorbeeldstad.example", "Ruimte en Mobiliteit"},
	{"Teammanager Parkeren", "parkeren@voorbeeldstad.example", "Stadsbeheer"},
	{"Functioneel beheerder afvalinzameling", "afval@voorbeeldstad.example", "Stadsbeheer"},
	{"Proceseigenaar Werk en Inkomen", "werkeninkomen@voorbeeldstad.example", "Maatschappelijke Ontwikkeling"},
	{"Privacy officer", "privacy@voorbeeldstad.example", "Juridische Zaken"},
	{"Data-analist team Onderzoek", "onderzoek@voorbeeldstad.example", "Onderzoek en Statistiek"},
}

// sensorKind is what the generator knows about one sensor_type: what it can
// do (only combinations the checklist allows: no capability from the
// biometric ban of principle 2.1), whether it processes personal data, what
// it measures, and how it is named.
type sensorKind struct {
	typ      string
	prefix   string   // start of the id
	label    string   // start of the name
	base     []string // capabilities always present
	extra    []string // capabilities sometimes added
	personal string   // personal_data.processed
	measures [][3]string
	weight   int // how often this type occurs, relative to the others
	theme    string
	mobile   int // percentage that is mobile
	maker    [3]string
}

var sensorKinds = []sensorKind{
	{"camera", "cam", "Camera", []string{"video_recording", "live_viewing"}, []string{"image_analysis", "people_counting"}, "yes",
		[][3]string{{"beelden van de openbare ruimte", "beeld", "continu"}}, 14, "openbare-orde-en-veiligheid", 15,
		[3]string{"Bosch", "FLEXIDOME IP 5100i", "Duitsland"}},
	{"anpr_camera", "anpr", "ANPR-camera", []string{"licence_plate_recognition"}, []string{"vehicle_counting", "video_recording"}, "yes",
		[][3]string{{"kentekens van passerende voertuigen", "kenteken", "per passage"}}, 6, "verkeer", 0,
		[3]string{"Vialis", "ANPR-ViaCam", "Nederland"}},
	{"air_quality", "lucht", "Luchtkwaliteitssensor", []string{"environmental_measurement"}, nil, "no",
		[][3]string{{"fijnstof PM2,5", "µg/m³", "elke 10 minuten"}, {"stikstofdioxide", "µg/m³", "elk uur"}}, 10, "natuur-en-milieu", 5,
		[3]string{"Sensirion", "SPS30", "Zwitserland"}},
	{"odour", "geur", "Geursensor", []string{"environmental_measurement"}, nil, "no",
		[][3]string{{"geurconcentratie", "ouE/m³", "elke 5 minuten"}}, 3, "natuur-en-milieu", 0,
		[3]string{"Comon Invent", "eNose", "Nederland"}},
	{"noise", "geluid", "Geluidsmeter", []string{"sound_level"}, nil, "no",
		[][3]string{{"geluidsniveau", "dB(A)", "elke seconde"}}, 7, "natuur-en-milieu", 10,
		[3]string{"Sorama", "CAM64", "Nederland"}},
	{"traffic_counter", "verkeer", "Verkeersteller", []string{"vehicle_counting"}, []string{"image_analysis"}, "no",
		[][3]string{{"aantal fietsen en auto's", "voertuigen", "per kwartier"}}, 9, "verkeer", 0,
		[3]string{"Telraam", "S2", "België"}},
	{"crowd_counter", "druk", "Druktemeter", []string{"people_counting"}, []string{"image_analysis"}, "unknown",
		[][3]string{{"aantal voetgangers", "personen", "per minuut"}}, 6, "openbare-orde-en-veiligheid", 20,
		[3]string{"Xovis", "PC2SE", "Zwitserland"}},
	{"wifi_bluetooth_counter", "wifi", "Wifi-teller", []string{"people_counting"}, nil, "yes",
		[][3]string{{"aantal apparaten in de buurt, alleen als telling", "apparaten", "per 5 minuten"}}, 3, "economie", 0,
		[3]string{"Citybeacon", "CB-Count", "Nederland"}},
	{"parking", "parkeer", "Parkeersensor", []string{"vehicle_counting"}, []string{"other"}, "no",
		[][3]string{{"bezetting van parkeervakken", "vakken", "bij elke wijziging"}}, 7, "verkeer", 0,
		[3]string{"Nedap", "SENSIT", "Nederland"}},
	{"water_level", "water", "Waterstandmeter", []string{"environmental_measurement"}, nil, "no",
		[][3]string{{"waterstand", "cm t.o.v. NAP", "elke 10 minuten"}}, 4, "natuur-en-milieu", 0,
		[3]string{"Eijkelkamp", "Diver", "Nederland"}},
	{"weather", "weer", "Weerstation", []string{"environmental_measurement"}, nil, "no",
		[][3]string{{"temperatuur", "°C", "elke minuut"}, {"neerslag", "mm", "elke 10 minuten"}}, 4, "natuur-en-milieu", 0,
		[3]string{"Davis", "Vantage Pro2", "Verenigde Staten"}},
	{"waste_level", "afval", "Vulgraadsensor", []string{"other"}, nil, "no",
		[][3]string{{"vulgraad van ondergrondse containers", "%", "elk uur"}}, 6, "ruimte-en-infrastructuur", 0,
		[3]string{"Sensoneo", "Single Sensor", "Slowakije"}},
	{"drone", "drone", "Drone", []string{"video_recording", "live_viewing"}, []string{"image_analysis"}, "yes",
		[][3]string{{"luchtbeelden", "beeld", "alleen tijdens een vlucht"}}, 2, "openbare-orde-en-veiligheid", 100,
		[3]string{"DJI", "Matrice 30T", "China"}},
	{"smart_lighting", "licht", "Slimme lantaarnpaal", []string{"environmental_measurement"}, []string{"people_counting"}, "no",
		[][3]string{{"lichtsterkte en aanwezigheid", "lux", "elke minuut"}}, 4, "ruimte-en-infrastructuur", 0,
		[3]string{"Signify", "BrightSites", "Nederland"}},
	{"other", "sensor", "Sensor", []string{"other"}, []string{"environmental_measurement"}, "unknown",
		[][3]string{{"trillingen van de kademuur", "mm/s", "elke seconde"}}, 3, "ruimte-en-infrastructuur", 0,
		[3]string{"Sensing Clues", "KM-1", "Nederland"}},
}

// algorithmKind is a kind of algorithm a municipality runs.
type algorithmKind struct {
	prefix     string
	name       string
	summary    string
	typ        string
	role       string
	affects    bool
	personal   string
	theme      string
	aiCategory string
	datasets   []string
}

var algorithmKinds = []algorithmKind{
	{"parkeervergunning", "Toekennen parkeervergunning", "Bepaalt met vaste regels of een bewoner een parkeervergunning krijgt en in welke zone.",
		"rule_based", "automated_decision", true, "yes", "verkeer", "not_ai", []string{"Basisregistratie Personen", "Kentekenregister RDW"}},
	{"meldingen", "Sorteren van meldingen openbare ruimte", "Leest meldingen van inwoners en zet ze bij het juiste team, zodat losse stoeptegels en volle containers sneller worden opgelost.",
		"machine_learning", "decision_support", false, "unknown", "ruimte-en-infrastructuur", "minimal", []string{"Meldingen openbare ruimte 2019-2025"}},
	{"afvalroute", "Route-optimalisatie afvalinzameling", "Plant de route van de vuilniswagens op basis van de vulgraad van containers.",
		"statistical", "informational", false, "no", "ruimte-en-infrastructuur", "not_ai", []string{"Vulgraad ondergrondse containers", "Wegennetwerk BGT"}},
	{"bijstand", "Ondersteuning heronderzoek bijstand", "Helpt consulenten kiezen welke dossiers eerst opnieuw bekeken worden. Een consulent beslist altijd zelf.",
		"statistical", "decision_support", true, "yes", "sociale-zekerheid", "high_risk", []string{"Uitkeringsadministratie", "Inkomstenopgaven"}},
	{"woz", "Taxatiemodel WOZ-waarde", "Schat de WOZ-waarde van woningen met verkoopcijfers uit de buurt; een taxateur controleert elke waarde.",
		"machine_learning", "decision_support", true, "yes", "overheidsfinancien", "minimal", []string{"Basisregistratie Adressen en Gebouwen", "Verkoopcijfers Kadaster"}},
	{"drukte", "Drukteverwachting binnenstad", "Voorspelt hoe druk het wordt in de binnenstad, zodat de gemeente op tijd maatregelen kan nemen.",
		"machine_learning", "prediction", false, "no", "openbare-orde-en-veiligheid", "minimal", []string{"Tellingen druktemeters", "Evenementenkalender"}},
	{"chatbot", "Digitale assistent op de website", "Beantwoordt vragen van inwoners over afval, paspoorten en parkeren; bij twijfel verwijst hij naar een medewerker.",
		"generative_ai", "informational", false, "unknown", "organisatie-en-bedrijfsvoering", "transparency", []string{"Teksten van de gemeentelijke website"}},
	{"handhaving", "Prioritering toezicht bedrijfsafval", "Rangschikt bedrijven voor controle op bedrijfsafval op basis van eerdere overtredingen.",
		"rule_based", "profiling", true, "yes", "natuur-en-milieu", "not_ai", []string{"Handhavingsregistratie", "Handelsregister KvK"}},
	{"schuldhulp", "Vroegsignalering schulden", "Signaleert huishoudens met betalingsachterstanden bij vaste lasten, zodat de gemeente hulp kan aanbieden.",
		"rule_based", "prediction", true, "yes", "zorg-en-gezondheid", "not_ai", []string{"Signalen van woningcorporaties en energieleveranciers"}},
	{"luchtkaart", "Luchtkwaliteitskaart", "Maakt van metingen van sensoren een kaart van de luchtkwaliteit per straat.",
		"statistical", "informational", false, "no", "natuur-en-milieu", "not_ai", []string{"Metingen luchtkwaliteitssensoren", "Luchtmeetnet RIVM"}},
}

var (
	problems = []string{
		"Bewoners melden al jaren overlast op deze plek.",
		"We weten te weinig om goed beleid te maken.",
		"Met de hand tellen kost veel tijd en is onvolledig.",
		"Mogelijk worden de wettelijke normen hier overschreden.",
		"Het werk kost veel tijd en kan eerlijker.",
	}
	alternatives = [][]string{
		{"Meer toezicht door handhavers op straat: te duur om dag en nacht te doen.", "Betere verlichting en herinrichting: in uitvoering, maar niet genoeg."},
		{"Tellingen met de hand, twee keer per jaar: te weinig gegevens.", "Gegevens kopen van een marktpartij: geen zicht op hoe die verzameld zijn."},
		{"Niets doen: de klachten blijven en het probleem groeit.", "Een enquête onder bewoners: wel gedaan, geeft geen meetgegevens."},
		{"Werken zoals nu, zonder hulpmiddel: lange wachttijden voor inwoners."},
	}
	purposes = []string{
		"De openbare orde handhaven.",
		"Weten hoe schoon de lucht is, om gericht maatregelen te nemen.",
		"De stad beter inrichten voor fietsers en voetgangers.",
		"Drukte op tijd zien aankomen en zo gevaarlijke situaties voorkomen.",
		"Inwoners sneller en eerlijker helpen.",
		"Minder overlast en een leefbare wijk.",
	}
	chilling = []string{
		"Mensen kunnen zich bekeken voelen.",
		"Het risico is klein: er worden alleen tellingen opgeslagen.",
	}
	discrimination = []string{
		"Richt zich op een plek, niet op een groep.",
		"We toetsen de uitkomsten per wijk en leeftijdsgroep.",
	}
	mitigations = []string{
		"Beelden worden na 28 dagen gewist.",
		"Het apparaat maakt er tellingen van; er gaat geen beeld de deur uit.",
		"Een medewerker controleert elke uitkomst.",
	}
	outcomes = []string{
		"Doel bereikt; inzet wordt voortgezet.",
		"Minder meldingen van overlast; de raad stemde in met verlenging.",
		"Bruikbaar, maar de sensor viel vaak uit.",
		"Effect onduidelijk; volgende keer vergelijken met een andere wijk.",
	}
	sharingParties = []struct{ party, purpose string }{
		{"Politie Eenheid Midden-Nederland", "Opsporing van strafbare feiten na een melding"},
		{"RIVM", "Aanvulling op het landelijke Luchtmeetnet"},
		{"Provincie Utrecht", "Regionaal verkeersmodel"},
		{"Universiteit Voorbeeldstad", "Wetenschappelijk onderzoek naar drukte en gezondheid"},
		{"Veiligheidsregio Utrecht", "Voorbereiding van evenementen"},
	}
	exceptionRules = []struct{ rule, reason, basis string }{
		{"security-audit", "De audit is uitgesteld tot de vervanging van de hardware in het voorjaar.", "BIO 18.2.1"},
		{"camera-temporary", "Het cameratoezicht loopt langer door in afwachting van de herinrichting van het plein.", "Gemeentewet art. 151c lid 3"},
		{"notice-period", "Spoedplaatsing na een ernstig incident; de melding is achteraf gedaan.", "APV art. 2.25a lid 4"},
		{"independent-review", "De ethische commissie bespreekt dit algoritme in het eerste kwartaal.", "Besluit college 2025/118"},
	}
	themeList = []string{
		"organisatie-en-bedrijfsvoering", "cultuur-en-recreatie", "economie", "overheidsfinancien", "wonen",
		"internationaal", "migratie-en-integratie", "natuur-en-milieu", "onderwijs-en-wetenschap",
		"openbare-orde-en-veiligheid", "recht", "ruimte-en-infrastructuur", "sociale-zekerheid", "verkeer",
		"werk", "zorg-en-gezondheid",
	}
	statuses = []struct {
		status string
		weight int
	}{{"active", 70}, {"planned", 8}, {"in_development", 7}, {"suspended", 5}, {"retired", 10}}
)
