package principle

import (
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

// TestSpecialCategoryNegatedGetsAWarningNotTheLaw: a category text that
// says, anywhere, that something is not processed (geen, niet, nee, no,
// not, none, n.v.t.) is not taken as processing a special category, so it
// gets none of the legal errors of art. 9; but the list of categories
// names what is processed, so the text gets a policy warning on that
// category, which keeps "Gezondheidsgegevens (geen bijzonderheden)" in
// sight. A department named after a special category is no special
// category.
func TestSpecialCategoryNegatedGetsAWarningNotTheLaw(t *testing.T) {
	const head = "id: a\nkind: algorithm\npersonal_data: {processed: \"yes\", special_categories: false, categories: [adres, "
	for _, tt := range []struct {
		text    string
		warning bool
	}{
		{"Geen bijzondere persoonsgegevens (zoals gezondheid of religie)", true},
		{"Biometrische gegevens worden niet verwerkt", true},
		{"Gezondheid: nee", true},
		{"geen ‘gezondheidsgegevens’", true},
		{"Geen  medische gegevens", true},
		{"Geen gezondheids- of religieuze gegevens", true},
		{"Gezondheidsgegevens (geen bijzonderheden)", true},
		{"health data: none", true},
		{"medische gegevens n.v.t.", true},
		{"Medewerker van de afdeling Sport en Gezondheid", false},
		{"Naam van het team Zorg en Gezondheid", false},
		{"niet-medische gegevens", false},
	} {
		fs := only(t, "special-categories", nil, nil, testToday, head+`"`+tt.text+`"]}`+"\n")
		if !tt.warning {
			if len(fs) != 0 {
				t.Errorf("%q: got %d findings, want none", tt.text, len(fs))
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%q: got %d findings, want one warning", tt.text, len(fs))
			continue
		}
		f := fs[0]
		if f.Severity != finding.Warning || !f.Law.IsZero() || f.Path != "/personal_data/categories/1" ||
			!containsInOrder(f.Message.In("en"), tt.text) || !containsInOrder(f.Message.In("nl"), tt.text) {
			t.Errorf("%q: want a policy warning on the category, got %s %v at %s: %s", tt.text, f.Severity, f.Law, f.Path, f.Message.In("en"))
		}
	}
	// The department's capital names it; the same words in lower case
	// in a clause of their own are data.
	fs := only(t, "special-categories", nil, nil, testToday, head+`"afdeling; gezondheid"]}`+"\n")
	if len(fs) != 2 {
		t.Errorf("a special category after a clause break is data: got %d findings, want 2", len(fs))
	}
}
