package record

import "testing"

// TestPersonalBySign: what a record says it processes makes it personal
// data, whichever kind it is and whatever personal_data.processed says: a
// word at the start of a word of its categories, a special category among
// them, a dataset it says holds personal data, or a measure that only
// exists for identifiers. A word inside another does not count, nor a
// dataset that holds none.
func TestPersonalBySign(t *testing.T) {
	tests := []struct {
		name     string
		rec      Record
		why      string // "" for none
		personal bool   // ProcessesPersonalData, with processed: no
	}{
		{"a MAC address", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"MAC-adres van telefoons"}}},
			`"mac-adres" in personal_data.categories`, true},
		{"wifi after a hyphen", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"Gehashte wifi-signalen"}}},
			`"wifi" in personal_data.categories`, true},
		{"a rotating salt", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no"}, Minimisation: &Minimisation{Measures: []string{"aggregation_only", "hashing_rotating_salt"}}},
			"minimisation.measures hashing_rotating_salt", true},
		{"words inside other words", Record{Kind: Sensor, PersonalData: PersonalData{Processed: "no", Categories: []string{"Surface temperature", "Macro-gegevens"}}}, "", false},
		{"an algorithm with plates", Record{Kind: Algorithm, PersonalData: PersonalData{Processed: "no", Categories: []string{"Kentekens en locatie van geparkeerde auto's"}}},
			`"kenteken" in personal_data.categories`, true},
		{"an algorithm with a special category", Record{Kind: Algorithm, PersonalData: PersonalData{Processed: "no", Categories: []string{"Gezondheidsgegevens"}}},
			`"Gezondheidsgegevens" in personal_data.categories`, true},
		{"an algorithm with a dataset of personal data", Record{Kind: Algorithm, PersonalData: PersonalData{Processed: "no"}, Datasets: []Dataset{
			{Name: "Parkeerzones", PersonalData: new(false)}, {Name: "Basisregistratie Personen (BRP)", PersonalData: new(true)}}},
			`dataset "Basisregistratie Personen (BRP)" with personal_data: true`, true},
		{"an algorithm with datasets of no personal data", Record{Kind: Algorithm, PersonalData: PersonalData{Processed: "no"}, Datasets: []Dataset{
			{Name: "Parkeerzones", PersonalData: new(false)}, {Name: "Wegenkaart"}}}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			why, ok := tt.rec.PersonalBySign()
			if why.In("en") != tt.why || ok != (tt.why != "") {
				t.Errorf("PersonalBySign = %q, %v; want %q", why.In("en"), ok, tt.why)
			}
			if got := tt.rec.ProcessesPersonalData(); got != tt.personal {
				t.Errorf("ProcessesPersonalData = %v, want %v", got, tt.personal)
			}
		})
	}
	if r := (Record{Kind: Sensor, PersonalData: PersonalData{Categories: []string{"Kentekens"}}}); !r.HasSign(SignPlates) || r.HasSign(SignDevice) {
		t.Error("HasSign does not tell plates from devices")
	}
	if r := (Record{Kind: Algorithm, PersonalData: PersonalData{Categories: []string{"Kentekens"}}}); r.HasSign(SignPlates) {
		t.Error("an algorithm that holds licence plates is taken for one that watches public space")
	}
}

// TestPersonalByNatureOfEveryKind: a capability that processes personal
// data by its nature does so whichever kind of record states it; the
// sensor's type and camera regime are a sensor's alone.
func TestPersonalByNatureOfEveryKind(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    Record
		why  string
	}{
		{"algorithm reading licence plates", Record{Kind: Algorithm, Capabilities: []string{"vehicle_counting", "licence_plate_recognition"}}, "licence_plate_recognition"},
		{"algorithm tracking devices", Record{Kind: Algorithm, Capabilities: []string{"device_tracking"}}, "device_tracking"},
		{"sensor reading licence plates", Record{Kind: Sensor, Capabilities: []string{"licence_plate_recognition"}}, "licence_plate_recognition"},
		{"ANPR camera", Record{Kind: Sensor, SensorType: "anpr_camera"}, "anpr_camera"},
		{"algorithm counting vehicles", Record{Kind: Algorithm, Capabilities: []string{"vehicle_counting"}}, ""},
		{"algorithm with a sensor's type", Record{Kind: Algorithm, SensorType: "anpr_camera"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.PersonalData.Processed = "no" // what the record says does not decide
			why, ok := tt.r.PersonalByNature()
			if ok != (tt.why != "") || why != tt.why {
				t.Errorf("PersonalByNature() = %q, %v; want %q", why, ok, tt.why)
			}
			if got := tt.r.ProcessesPersonalData(); got != (tt.why != "") {
				t.Errorf("ProcessesPersonalData() = %v", got)
			}
		})
	}
}

// TestSpecialCategoryWords: a category text names a special category of
// GDPR art. 9(1) by a word at the start of a word, whatever punctuation,
// quote, non-breaking space or bullet stands before it, in Dutch, in
// English or abbreviated; a word inside another word, a word that means
// something else (a race, credibility, a fault's diagnostic code) and a
// category that says it is not one do not count.
func TestSpecialCategoryWords(t *testing.T) {
	for _, tt := range []struct {
		text    string
		special bool
	}{
		// Boundaries are letters, whatever their bytes.
		{"‘gezondheid’", true},
		{"“religie”", true},
		{"gegevens over\u00a0gezondheid", true},
		{"• gezondheidsgegevens", true},
		{"«etnische afkomst»", true},
		{"ongezondheid", false},
		{"éreligie", false},
		// Words the list missed.
		{"Ziektegegevens", true},
		{"ziekteverzuim", true},
		{"Arbeidsongeschiktheid", true},
		{"handicap", true},
		{"functiebeperking", true},
		{"psychische klachten", true},
		{"psychiatrische opname", true},
		{"verslavingszorg", true},
		{"zwangerschap", true},
		{"huidskleur", true},
		{"homoseksualiteit", true},
		{"partijlidmaatschap", true},
		{"gezondh. gegevens", true},
		// Whole words that stay.
		{"ras of afkomst", true},
		{"ras en chipnummer van de hond", true},
		{"racial origin", true},
		{"raciale afkomst", true},
		{"geloof", true},
		{"geloofs- of levensovertuiging", true},
		{"geloofsovertuiging", true},
		{"medische diagnose", true},
		{"diagnoses", true},
		{"niet-medische en medische gegevens", true},
		// Not a special category.
		{"hondenras", false},
		{"deelnemers aan de race", false},
		{"geloofwaardigheid van de melding", false},
		{"diagnosecode van de storing", false},
		{"niet-medische gegevens", false},
		{"non-health data", false},
		{"geen gezondheidsgegevens", false},
		{"rasterkaart", false},
		{"beperking van de verwerking", false},
	} {
		r := Record{PersonalData: PersonalData{Categories: []string{"adres", tt.text}}}
		if got, ok := r.SpecialCategory(); ok != tt.special || ok && got != tt.text {
			t.Errorf("SpecialCategory with %q = %q, %v; want %v", tt.text, got, ok, tt.special)
		}
	}
}

// TestPersonalSignBoundaries: a personal-data sign starts a word after any
// character that is no letter or digit, and not after a letter of any
// script.
func TestPersonalSignBoundaries(t *testing.T) {
	for _, tt := range []struct {
		text string
		sign bool
	}{
		{"“wifi”-adressen", true},
		{"•\u00a0kentekens", true},
		{"überface", false},
		{"Macro-gegevens", false},
	} {
		r := Record{Kind: Sensor, PersonalData: PersonalData{Categories: []string{tt.text}}}
		if _, ok := r.PersonalBySign(); ok != tt.sign {
			t.Errorf("PersonalBySign with %q = %v, want %v", tt.text, ok, tt.sign)
		}
	}
}

// TestSpecialCategoryWordsOnceMissed: migration background, care needs
// and indications, mental health care, hospital stays, medicines, the use
// of alcohol and drugs, iris scans and face recognition, church
// membership and blood groups are special categories (GDPR art. 9(1));
// ordinary words that share their start are not.
func TestSpecialCategoryWordsOnceMissed(t *testing.T) {
	for _, tt := range []struct {
		text    string
		special bool
	}{
		{"Migratieachtergrond", true},
		{"Levensovertuiging", true},
		{"Trade-union membership", true},
		{"Druggebruik", true},
		{"Alcoholmisbruik", true},
		{"Drugsverslaving", true},
		{"Gokverslaving", true},
		{"Gezichtsscan", true},
		{"Gezichtskenmerken", true},
		{"Stemherkenning", true},
		{"Medicines used", true},
		{"Dementie", true},
		{"Allergieën", true},
		{"Vaccinatiestatus", true},
		{"Rolstoelgebruik", true},
		{"Kerkelijk lidmaatschap", true},
		{"migratie-achtergrond", true},
		{"Wmo-indicatie en zorgbehoefte", true},
		{"zorgindicatie", true},
		{"Wlz-indicatie", true},
		{"GGZ-gegevens", true},
		{"jeugd-ggz", true},
		{"Ziekenhuisopname", true},
		{"Medicijngebruik", true},
		{"medicatie", true},
		{"medication", true},
		{"geneesmiddelengebruik", true},
		{"Alcohol- en drugsgebruik", true},
		{"drugsgebruik", true},
		{"alcoholgebruik", true},
		{"Irisscan", true},
		{"iris scan", true},
		{"gezichtsherkenning", true},
		{"facial recognition", true},
		{"Kerkgenootschap", true},
		{"kerkelijke gezindte", true},
		{"Bloedgroep", true},
		{"blood type", true},
		// Ordinary words that share a start.
		{"migratie van gegevens naar de cloud", false},
		{"indicatie van de drukte", false},
		{"ziekenhuisparkeren", false},
		{"alcoholvergunning", false},
		{"drugsoverlast in de wijk", false},
		{"irissen in het plantsoen", false},
		{"kerkstraat en kerkhof", false},
		{"bloedbank-locatie", false},
		{"zorgtaken van de gemeente", false},
		{"wmo-loket", false},
	} {
		r := Record{PersonalData: PersonalData{Categories: []string{"adres", tt.text}}}
		if got, ok := r.SpecialCategory(); ok != tt.special || ok && got != tt.text {
			t.Errorf("SpecialCategory with %q = %q, %v; want %v", tt.text, got, ok, tt.special)
		}
	}
}
