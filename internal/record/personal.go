package record

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/label"
)

// What a sensor processes makes it personal data, not the label it
// carries: a counter relabelled crowd_counter that lists MAC addresses
// among its personal data, or hashes identifiers with a rotating salt,
// still picks up phones. personalSigns is the one table of what a sensor
// record says it processes that makes it personal data (GDPR art. 4(1):
// licence plates, hashed MAC addresses and location traces are personal
// data). Words are matched at the start of a word of
// personal_data.categories, in lower case; measures are minimisation
// measures that only exist for identifiers.
var personalSigns = []PersonalSign{
	{Kind: SignDevice,
		words: []string{"mac-adres", "mac adres", "macadres", "mac-address", "mac address", "wifi", "wi-fi",
			"bluetooth", "imsi", "imei", "device identifier", "device id", "apparaat-id", "apparaatkenmerk", "apparaat-kenmerk"},
		measures: []string{"hashing_rotating_salt", "truncation"}},
	{Kind: SignLocation, words: []string{"locatiespoor", "locatiesporen", "locatiegegevens", "location trace", "location data", "gps"}},
	{Kind: SignPlates, words: []string{"kenteken", "nummerplaat", "licence plate", "license plate", "number plate"}},
	{Kind: SignFaces, words: []string{"gezicht", "gelaat", "face", "facial"}},
}

// SignKind is what a PersonalSign says a sensor picks up.
type SignKind int

const (
	SignDevice   SignKind = iota // identifiers of phones and other devices
	SignLocation                 // location traces
	SignPlates                   // licence plates
	SignFaces                    // faces
)

// PersonalSign is one row of personalSigns.
type PersonalSign struct {
	Kind     SignKind
	words    []string // word starts in personal_data.categories
	measures []string // minimisation measures that only exist for these identifiers
}

// PersonalBySign reports whether a record says, in its own fields, that
// it processes personal data, and why, whichever kind it is and whatever
// personal_data.processed says (fail closed, GDPR art. 4(1)): a word of
// its personal data categories that names an identifier of people
// (personalSigns) or a special category (SpecialCategory), a dataset it
// says holds personal data, or a minimisation measure that only exists
// for identifiers, with the field that holds it. Why is told in Dutch and
// in English, for the messages of either language.
func (r *Record) PersonalBySign() (label.Text, bool) {
	for _, s := range personalSigns {
		if why, ok := s.in(r); ok {
			return why, true
		}
	}
	if c, ok := r.SpecialCategory(); ok {
		return inCategories(c), true
	}
	for i, d := range r.Datasets {
		if d.PersonalData != nil && *d.PersonalData {
			if strings.TrimSpace(d.Name) == "" {
				return label.Text{fmt.Sprintf("datasets[%d] met personal_data: true", i), fmt.Sprintf("datasets[%d] with personal_data: true", i)}, true
			}
			return label.Text{`gegevensbron "` + d.Name + `" met personal_data: true`, `dataset "` + d.Name + `" with personal_data: true`}, true
		}
	}
	return label.Text{}, false
}

// inCategories says that a word or text is among the personal data
// categories, in Dutch and in English.
func inCategories(w string) label.Text {
	return label.Text{`"` + w + `" bij personal_data.categories`, `"` + w + `" in personal_data.categories`}
}

// HasSign reports whether a sensor record says it processes what a sign of
// the kind names. Algorithms are left out: a permit database that holds
// licence plates processes personal data (PersonalBySign) but does not
// watch public space.
func (r *Record) HasSign(k SignKind) bool {
	if r.Kind != Sensor {
		return false
	}
	return slices.ContainsFunc(personalSigns, func(s PersonalSign) bool {
		_, ok := s.in(r)
		return ok && s.Kind == k
	})
}

// in reports whether a record says it processes what the sign names, and
// why.
func (s PersonalSign) in(r *Record) (label.Text, bool) {
	for _, c := range r.PersonalData.Categories {
		if w, ok := wordStartIn(strings.ToLower(c), s.words); ok {
			return inCategories(w), true
		}
	}
	if r.Minimisation != nil {
		if i := slices.IndexFunc(r.Minimisation.Measures, func(m string) bool { return slices.Contains(s.measures, m) }); i >= 0 {
			why := "minimisation.measures " + r.Minimisation.Measures[i]
			return label.Text{why, why}, true
		}
	}
	return label.Text{}, false
}

// wordStartIn returns the first of words that starts a word of s: "wifi"
// in "wifi-adres", not "face" in "surface".
func wordStartIn(s string, words []string) (string, bool) {
	for _, w := range words {
		if findWord(s, w, false, nil) {
			return w, true
		}
	}
	return "", false
}

// findWord reports whether w starts a word of s, and when whole also ends
// one, at a place skip (if any) does not refuse given the text before it.
// What bounds a word is any character that is no letter or digit, in any
// script: a quote, a non-breaking space or a bullet bounds it, a letter
// with an accent does not.
func findWord(s, w string, whole bool, skip func(before string) bool) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (i == 0 || !continuesWord(before)) && (!whole || end == len(s) || !continuesWord(after)) && (skip == nil || !skip(s[:i])) {
			return true
		}
		from = i + 1
	}
}

// continuesWord reports whether the character is a letter or a digit, of
// any script: what continues a word. An invalid byte counts as a letter,
// so that it never opens a word.
func continuesWord(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || c == utf8.RuneError
}

// specialWords are the special categories of personal data (GDPR art.
// 9(1)) as a category text names them, in Dutch and English: racial or
// ethnic origin, political opinions, religious or philosophical beliefs,
// trade union membership, genetic and biometric data, health (illness,
// disability, incapacity for work, mental health, addiction, pregnancy,
// care needs and indications, hospital stays, medicines, the use of
// alcohol and drugs, blood groups), sex life and sexual orientation; a
// migration background says ethnic origin, church membership a
// religion, an iris scan or face recognition biometrics. Each is matched at the start of a word
// of personal_data.categories, in lower case ("gezondheid" in
// "gezondheidsgegevens", "gezondh" in "gezondh."); specialWholeWords only
// as whole words, as they start other words ("ras" in "rasterkaart",
// "politiek" in "politiekorps", "geloof" in "geloofwaardigheid",
// "diagnose" in "diagnosecode"). A bare "beperking" is left out: a
// restriction of processing is one too; the kinds of disability are in.
// The English "race" is left out: a category of race would say racial, and
// a race is a contest. So are bare starts that begin ordinary words:
// "alcohol" (alcoholvergunning), "drugs" (drugsoverlast), "iris" (irissen),
// "kerk" (kerkhof), "bloed" (bloedbank), "ziekenhuis" (ziekenhuisparkeren),
// "migratie" (of data); the word for what is processed is listed instead.
var specialWords = []string{
	"raciaal", "raciale", "racial", "etnisch", "etnische", "etniciteit", "ethnic", "huidskleur", "skin colour", "skin color",
	"migratieachtergrond", "migratie-achtergrond", "migration background",
	"politieke", "political", "partijlid", "religie", "religieu", "religio", "godsdienst", "geloofs", "levensbeschouw", "philosophical belie",
	"kerkgenootschap", "kerkelijke gezindte", "kerkelijk lidmaatschap", "kerklid", "church member", "levensovertuiging",
	"vakbond", "vakvereniging", "trade union", "trade-union", "genetisch", "genetic", "biometri", "vingerafdruk", "fingerprint",
	"irisscan", "iris scan", "iris-scan", "irisherkenning", "iris recognition", "retinascan", "retina scan",
	"gezichtsherkenning", "gelaatsherkenning", "gezichtsscan", "gezichtskenmerk", "facial recognition", "face recognition", "face scan",
	"stemherkenning", "voice recognition",
	"gezondheid", "gezondh", "medisch", "medical", "health", "diagnosis", "ziekte", "ziekmeld", "sickness", "illness",
	"ggz", "ziekenhuisopname", "hospital admission", "hospitalis", "medicijn", "medicatie", "medication", "geneesmiddel",
	"bloedgroep", "bloeddruk", "blood type", "blood group", "blood pressure",
	"zorgbehoefte", "zorgindicatie", "wmo-indicatie", "wlz-indicatie",
	"arbeidsongeschikt", "handicap", "gehandicapt", "disabilit", "functiebeperking", "arbeidsbeperking",
	"lichamelijke beperking", "verstandelijke beperking", "fysieke beperking", "zintuiglijke beperking",
	"psychisch", "psychiatr", "mental health", "verslaving", "verslaafd", "addiction",
	"alcoholgebruik", "drugsgebruik", "druggebruik", "middelengebruik", "alcohol use", "drug use", "substance use",
	"alcoholmisbruik", "drugsmisbruik", "middelenmisbruik", "drugsverslaving", "alcoholverslaving", "gokverslaving",
	"dementie", "dementia", "allergie", "allergy", "allergies", "vaccinatie", "vaccination", "rolstoel", "wheelchair", "medicines",
	"zwanger", "pregnan",
	"seksle", "seksue", "sex life", "sexual", "homoseksu", "homosexu", "lhbt", "lgbt",
}
var specialWholeWords = []string{"ras", "dna", "politiek", "geloof", "diagnose", "diagnoses"}

// negations are what, directly before a special-category word, makes a
// word of another category: "niet-medische gegevens", "non-health data".
var negations = []string{"niet-", "non-"}

// negated reports whether the text before a word ends in a negation that
// starts a word of its own.
func negated(before string) bool {
	for _, n := range negations {
		if rest, ok := strings.CutSuffix(before, n); ok {
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !continuesWord(r) {
				return true
			}
		}
	}
	return false
}

// A category text denies a special category only where it says so as a
// whole: it opens with a denial ("geen gezondheidsgegevens", "no health
// data", "n.v.t.") or closes with one after a colon or a space
// ("Gezondheid: nee", "biometrische gegevens worden niet verwerkt",
// "health data: none"). A denial inside the text is about something else
// ("Medische gegevens (niet van kinderen)", "Religie (no opt-out)",
// "Verslaving (ja/nee)"), and the special category is processed.
var (
	openingDenials = []string{"geen", "no", "none", "n.v.t", "nvt"}
	closingDenials = []string{"nee", "no", "none", "geen", "n.v.t", "nvt", "niet verwerkt", "not processed", "niet van toepassing", "not applicable"}
)

// denies reports whether a category text, in lower case, denies what it
// names as a whole (openingDenials, closingDenials).
func denies(s string) bool {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '-' })
	for _, d := range openingDenials {
		if rest, ok := strings.CutPrefix(s, d); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !continuesWord(r) && r != '-' {
				return true
			}
		}
	}
	for _, d := range closingDenials {
		if rest, ok := strings.CutSuffix(s, d); ok {
			if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || unicode.IsSpace(r) || r == ':' {
				return true
			}
		}
	}
	return false
}

// namesSpecial reports whether a category text names a special category
// of personal data, whether or not it denies it.
func namesSpecial(text string) bool {
	s := strings.ToLower(text)
	for _, w := range specialWords {
		if findWord(s, w, false, negated) {
			return true
		}
	}
	for _, w := range specialWholeWords {
		if findWord(s, w, true, negated) {
			return true
		}
	}
	return false
}

// SpecialCategory returns the first of the record's personal data
// categories that names a special category of personal data (GDPR art.
// 9(1)), whatever personal_data.special_categories says, for every kind
// of record. A text that denies it as a whole (SpecialCategoryDenied) is
// not taken as processing it.
func (r *Record) SpecialCategory() (string, bool) {
	_, c, ok := r.specialCategory(false)
	return c, ok
}

// SpecialCategoryDenied returns the first of the record's personal data
// categories, and its index, that names a special category and denies it
// as a whole (denies): "geen gezondheidsgegevens", "Gezondheid: nee".
// Such a text is not taken as processing the special category, but it
// does not belong in a list of what is processed either.
func (r *Record) SpecialCategoryDenied() (int, string, bool) {
	return r.specialCategory(true)
}

// specialCategory returns the first category, and its index, that names a
// special category and denies it (denied) or does not.
func (r *Record) specialCategory(denied bool) (int, string, bool) {
	for i, c := range r.PersonalData.Categories {
		if namesSpecial(c) && denies(strings.ToLower(c)) == denied {
			return i, c, true
		}
	}
	return 0, "", false
}
