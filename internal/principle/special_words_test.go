package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestSpecialCategoriesFromTheCategories: a category text that names a
// special category of GDPR art. 9(1), in Dutch or English, in any case and
// as a word, makes the record process special categories whatever
// personal_data.special_categories says; a record that says false is told
// the claim is wrong. A word inside another word does not count.
func TestSpecialCategoriesFromTheCategories(t *testing.T) {
	const head = "id: a\nkind: algorithm\n"
	const noGround = "the record lists "
	runCases(t, "special-categories", nil, []ruleCase{
		{name: "health, medical and ethnic origin claimed not special", yaml: head + "personal_data: {processed: \"yes\", special_categories: false, categories: [gezondheidsgegevens, medische diagnose, etnische afkomst]}\n", want: []want{
			{"special-categories", "VNG VI", finding.Error, 3, 1, noGround + `"gezondheidsgegevens" among the personal data categories, a special category…(special_categories_law, UAVG art. 22-30)`},
			{"special-categories", "VNG VI", finding.Error, 3, 55, `personal_data.special_categories is false, but "gezondheidsgegevens" is a special category`},
		}},
		{name: "English words in capitals, special_categories not stated", yaml: head + "personal_data: {processed: \"yes\", categories: [Trade Union Membership]}\n", want: []want{
			{"special-categories", "VNG VI", finding.Error, 3, 1, noGround + `"Trade Union Membership"`},
		}},
		{name: "stated with its ground", yaml: head + "personal_data: {processed: \"yes\", special_categories: true, special_categories_ground: substantial_public_interest, special_categories_law: UAVG art. 23, categories: [Religie]}\n"},
		{name: "ground given, but claimed false", yaml: head + "personal_data: {processed: \"yes\", special_categories: false, special_categories_ground: substantial_public_interest, special_categories_law: UAVG art. 23, categories: [seksuele geaardheid]}\n", want: []want{
			{"special-categories", "VNG VI", finding.Error, 3, 55, `"seksuele geaardheid" is a special category`},
		}},
		{name: "words inside other words", yaml: head + "personal_data: {processed: \"yes\", special_categories: false, categories: [rasterkaart, politiekorps, adres, nationaliteit]}\n"},
	})
	for _, c := range []string{"Gezondheid", "medisch dossier", "health data", "racial origin", "ethnic origin", "ras", "politieke voorkeur", "political opinions", "religious beliefs", "geloofsovertuiging", "levensbeschouwing", "philosophical beliefs", "vakbondslidmaatschap", "genetische gegevens", "genetic data", "biometrische gegevens", "biometric template", "seksleven", "sex life", "sexual orientation"} {
		fs := only(t, "special-categories", nil, nil, testToday, head+"personal_data: {processed: \"yes\", special_categories: false, categories: ["+c+"]}\n")
		if len(fs) != 2 {
			t.Errorf("%q: want a missing ground and the wrong claim, got %d findings", c, len(fs))
		}
	}
}

// TestSpecialCategoryWordsGiveLegalErrorsOnlyWhereMeant: a category text
// that names a special category behind a quote or a non-breaking space, or
// by a word the list once missed, gets the legal errors of art. 9; a dog's
// breed written as "hondenras", a race, credibility, a fault's diagnostic
// code and data said not to be medical get none. Where "ras" means a
// dog's breed, the help says how to write it.
func TestSpecialCategoryWordsGiveLegalErrorsOnlyWhereMeant(t *testing.T) {
	const head = "id: a\nkind: algorithm\npersonal_data: {processed: \"yes\", special_categories: false, categories: ["
	for _, tt := range []struct {
		text    string
		special bool
	}{
		{"‘gezondheid’", true},
		{"“religie”", true},
		{"gegevens over\u00a0gezondheid", true},
		{"ziekteverzuim", true},
		{"arbeidsongeschiktheid", true},
		{"psychiatrische opname", true},
		{"zwangerschap", true},
		{"homoseksualiteit", true},
		{"partijlidmaatschap", true},
		{"ras en chipnummer van de hond", true},
		{"hondenras en chipnummer", false},
		{"deelnemers aan de race", false},
		{"geloofwaardigheid van de melding", false},
		{"diagnosecode van de storing", false},
		{"niet-medische gegevens", false},
	} {
		fs := only(t, "special-categories", nil, nil, testToday, head+`"`+tt.text+`"]}`+"\n")
		if tt.special && len(fs) != 2 || !tt.special && len(fs) != 0 {
			t.Errorf("%q: got %d findings, want them only for a special category", tt.text, len(fs))
		}
		for _, f := range fs {
			if f.Severity != finding.Error || f.Law.IsZero() {
				t.Errorf("%q: %s is no legal error", tt.text, f.Message.In("en"))
			}
		}
	}
	fs := only(t, "special-categories", nil, nil, testToday, head+"ras en chipnummer van de hond]}\n")
	if len(fs) != 2 || !containsInOrder(fs[1].Help.In("en"), "hondenras") || !containsInOrder(fs[1].Help.In("nl"), "hondenras") {
		t.Errorf("the help does not say how to write a dog's breed: %v", fs)
	}
	fs = only(t, "special-categories", nil, nil, testToday, "id: a\nkind: algorithm\npersonal_data: {processed: \"yes\", categories: [ras en chipnummer van de hond]}\n")
	if len(fs) != 1 || !containsInOrder(fs[0].Help.In("en"), "hondenras") || !containsInOrder(fs[0].Help.In("nl"), "hondenras") {
		t.Errorf("the help does not say how to write a dog's breed where only the category says so: %v", fs)
	}
}

// TestSpecialCategoryDeniedGetsTheLawsWarning: a category text that
// names a special category and says, anywhere, that something is not
// processed (geen, niet, nee, no, not, none, n.v.t.) cannot be told
// either way. It is not taken as processing the special category, so no
// exception is asked, but it gets the law's warning (GDPR art. 9(1)) on
// that category, which no setting silences: "Medische gegevens (niet van
// kinderen)" stays in sight. A compound with "niet-" names another
// category; a department named after a special category is not told
// from data.
func TestSpecialCategoryDeniedGetsTheLawsWarning(t *testing.T) {
	const head = "id: a\nkind: algorithm\npersonal_data: {processed: \"yes\", special_categories: false, categories: [adres, "
	for _, tt := range []struct {
		text     string
		findings int // 1: the law's warning on the category; 2: the errors of art. 9
	}{
		{"Geen bijzondere persoonsgegevens (zoals gezondheid of religie)", 1},
		{"Biometrische gegevens worden niet verwerkt", 1},
		{"Gezondheid: nee", 1},
		{"geen ‘gezondheidsgegevens’", 1},
		{"Geen  medische gegevens", 1},
		{"Geen gezondheids- of religieuze gegevens", 1},
		{"health data: none", 1},
		{"medische gegevens n.v.t.", 1},
		{"No health data", 1},
		// A denial inside the text is about something else: the
		// special category is processed.
		{"Gezondheidsgegevens (geen bijzonderheden)", 2},
		{"Medische gegevens (niet van kinderen)", 2},
		{"Gezondheidsgegevens, niet openbaar", 2},
		{"not anonymised health records", 2},
		{"Gezondheid (not shared)", 2},
		{"geen vaste woonplaats en verslaving", 1},
		{"Migratieachtergrond (westers / niet westers)", 2},
		{"Verslaving (ja/nee)", 2},
		{"Gezichtsherkenning van personen die niet betaald hebben", 2},
		{"Religie (no opt-out)", 2},
		{"Health status (case no. 12)", 2},
		{"niet-medische gegevens", 0},
		{"Medewerker van de afdeling Sport en Gezondheid", 2},
		{"Afdeling Zorg - Medische dossiers", 2},
	} {
		fs := only(t, "special-categories", nil, nil, testToday, head+`"`+tt.text+`"]}`+"\n")
		if len(fs) != tt.findings {
			t.Errorf("%q: got %d findings, want %d", tt.text, len(fs), tt.findings)
			continue
		}
		if tt.findings != 1 {
			continue
		}
		f := fs[0]
		if f.Severity != finding.Warning || !strings.Contains(f.Law.In("en"), "GDPR art. 9(1)") || f.Path != "/personal_data/categories/1" ||
			!containsInOrder(f.Message.In("en"), tt.text) || !containsInOrder(f.Message.In("nl"), tt.text) {
			t.Errorf("%q: want the law's warning on the category, got %s %v at %s: %s", tt.text, f.Severity, f.Law, f.Path, f.Message.In("en"))
		}
	}
	// No setting silences it.
	cfg, _ := loadConfig(t, "rules:\n  special-categories: {severity: off, reason: test}\n")
	if fs := only(t, "special-categories", cfg, nil, testToday, head+`"Gezondheid: nee"]}`+"\n"); len(fs) != 1 {
		t.Errorf("switched off: got %d findings, want the law's warning", len(fs))
	}
}
