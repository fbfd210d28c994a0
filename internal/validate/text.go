package validate

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
)

// The words of the schema findings, English and Dutch side by side: what a
// finding says for each kind of schema error, with the field and what is
// allowed. A finding keeps them as phrases and is worded in both languages
// (Phrase.Pair); an error kind without a text of its own gets
// msgNotInSchema, so no finding is left without Dutch.

// Places, values and types as a finding names them.
var (
	wRecord  = message.New("the record", "de registratie")
	wEmpty   = message.New("empty", "leeg")
	wMapping = message.New("a mapping", "een mapping")
	wList    = message.AList
	wText    = message.New("text", "tekst")
	wWhole   = message.AWholeNumber
	wNumber  = message.ANumber
	wBoolean = message.New("true or false", "true of false")

	// The joints of a list of choices or of fields.
	wOr      = message.New(" or ", " of ")
	wCommaOr = message.New(", or ", ", of ")
	wComma   = message.New(", ", ", ")
	wAnd     = message.New(" and ", " en ")
)

// What a finding says, by kind of schema error.
var (
	msgUnknownKind  = message.New("unknown record kind %q", "onbekende soort registratie %q")
	msgNotValidated = message.New("%v", "de registratie kon niet tegen het schema worden gecontroleerd: %v")

	msgNeedsOneOf   = message.New("%s needs one of %s", "%s heeft een van deze velden nodig: %s")
	msgAddOne       = message.New("add one of them", "vul er een van in")
	msgMoreThanOne  = message.New("%s matches more than one allowed form", "%s past bij meer dan één toegestane vorm")
	msgKeepOneForm  = message.New("keep only the fields of one form", "houd alleen de velden van één vorm over")
	msgNoForm       = message.New("%s does not match any allowed form", "%s past bij geen enkele toegestane vorm")
	msgSeeForms     = message.New("run 'register schema' to see the allowed forms", "'register schema' toont de toegestane vormen")
	msgValueRefused = message.New("%s has a value that is not allowed", "%s heeft een waarde die niet is toegestaan")
	msgNotAllowed   = message.New("%s: %s is not allowed", "%s: %s is niet toegestaan")
	msgWrite        = message.New("write %s", "schrijf %s")

	msgMissing       = message.New("missing required field %q", "verplicht veld %q ontbreekt")
	msgMissingIn     = message.New("missing required field %q in %s", "verplicht veld %q ontbreekt in %s")
	msgAddField      = message.New("add %q; run 'register schema' to see what it holds", "vul %q in; 'register schema' toont wat erin hoort")
	msgMissingMany   = message.New("missing required fields %s", "verplichte velden %s ontbreken")
	msgMissingManyIn = message.New("missing required fields %s in %s", "verplichte velden %s ontbreken in %s")
	msgAddFields     = message.New("add them ('register new' writes a template with every field)",
		"vul ze in ('register new' schrijft een sjabloon met elk veld)")
	msgNeedsWhen = message.New("%s needs %s when it has %q", "%s heeft %s nodig als %q is ingevuld")

	msgUnknownField   = message.New("unknown field %q", "onbekend veld %q")
	msgUnknownFieldIn = message.New("unknown field %q in %s", "onbekend veld %q in %s")
	msgRemoveOrFix    = message.New("remove it, or fix its spelling", "haal het weg, of verbeter de spelling")
	msgDidYouMean     = message.New("did you mean %q?", "bedoelt u %q?")
	msgNotHere        = message.New("field %s is not allowed here", "veld %s is hier niet toegestaan")
	msgRemove         = message.New("remove it", "haal het weg")
	msgBadFieldName   = message.New("%s: field name %q is not allowed", "%s: veldnaam %q is niet toegestaan")
	msgFewFields      = message.New("%s needs at least %d fields, has %d", "%s heeft minstens %d velden nodig, maar heeft er %d")
	msgManyFields     = message.New("%s has %d fields, at most %d allowed", "%s heeft %d velden, er zijn er hoogstens %d toegestaan")
	msgRemoveFields   = message.New("remove the fields that are not needed", "haal de velden weg die niet nodig zijn")

	msgNotAMapping = message.New("a record is a mapping of fields, not %s", "een registratie is een mapping van velden; dit is %s")
	msgStartWithID = message.New("start with 'id: ...' on the first line, then one 'key: value' per line (see 'register new')",
		"begin met 'id: ...' op de eerste regel, daarna één 'sleutel: waarde' per regel (zie 'register new')")
	msgMustBe      = message.New("%s must be %s, not %s", "%s moet %s zijn, niet %s")
	msgWriteText   = message.New("write text; quote it if it looks like a number, date or true/false", "schrijf tekst; zet er aanhalingstekens omheen als het op een getal, datum of true/false lijkt")
	msgWriteList   = message.New("write a list, one item per line starting with '- '", "schrijf een lijst, één item per regel dat begint met '- '")
	msgWriteMap    = message.New("write a mapping: indented 'key: value' lines", "schrijf een mapping: ingesprongen regels 'sleutel: waarde'")
	msgWriteBool   = message.New("write true or false", "schrijf true of false")
	msgWriteNumber = message.New("write a number without quotes", "schrijf een getal zonder aanhalingstekens")
	msgFixType     = message.New("correct the value's type", "verbeter het soort waarde")

	msgEnum        = message.New("%s has value %s, which is not allowed", "%s heeft de waarde %s, die niet is toegestaan")
	msgUseOneOf    = message.New("use one of: %s", "kies een van: %s")
	msgMeanAllowed = message.New("did you mean %q? Allowed: %s", "bedoelt u %q? Toegestaan: %s")
	msgKindFolder  = message.New("a record's kind must match its folder: sensors/ holds sensor, algorithms/ holds algorithm",
		"de soort (kind) van een registratie hoort bij de map: sensors/ bevat sensor, algorithms/ bevat algorithm")

	msgBadID = message.New("id %s is not a valid id", "id %s is geen geldig id")
	msgIDIs  = message.New("use 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit (like cam-markt)",
		"gebruik 2 tot 63 kleine letters, cijfers en koppeltekens, te beginnen met een letter of cijfer (zoals cam-markt)")
	msgBlank     = message.New("%s is blank", "%s bevat alleen witruimte")
	msgFillIn    = message.New("fill it in, or remove the field", "vul het in, of haal het veld weg")
	msgBadForm   = message.New("%s: %s does not have the expected form", "%s: %s heeft niet de verwachte vorm")
	msgWebForm   = message.New("write a full web address starting with https:// (or http://)", "schrijf een volledig webadres dat begint met https:// (of http://)")
	msgSeeForm   = message.New("see the field's description ('register schema') for the expected form", "zie de beschrijving van het veld ('register schema') voor de verwachte vorm")
	msgEmpty     = message.New("%s is empty", "%s is leeg")
	msgTooShort  = message.New("%s is %d characters, fewer than %d", "%s is %d tekens, minder dan %d")
	msgInFull    = message.New("write it out in full", "schrijf het volledig uit")
	msgTooLong   = message.New("%s is %d characters, more than %d", "%s is %d tekens, meer dan %d")
	msgShorten   = message.New("shorten it; longer text belongs in another field or a linked document", "maak het korter; langere tekst hoort in een ander veld of in een gekoppeld document")
	msgAtLeast   = message.New("%s must be at least %v, not %v", "%s moet minstens %v zijn, niet %v")
	msgAtMost    = message.New("%s must be at most %v, not %v", "%s mag hoogstens %v zijn, niet %v")
	msgAbove     = message.New("%s must be more than %v, not %v", "%s moet groter zijn dan %v, niet %v")
	msgBelow     = message.New("%s must be less than %v, not %v", "%s moet kleiner zijn dan %v, niet %v")
	msgMultiple  = message.New("%s must be a multiple of %v, not %v", "%s moet een veelvoud van %v zijn, niet %v")
	msgFixNumber = message.New("correct the number", "verbeter het getal")

	msgNumberTooLarge   = message.New("%s: %s is too large a number to read", "%s: %s is een te groot getal om te lezen")
	msgNotWholeNumber   = message.New("%s must be a whole number, not %s", "%s moet een geheel getal zijn, niet %s")
	msgWriteNumberIn    = message.New("write %s from %v to %v, without quotes", "schrijf %s van %v tot en met %v, zonder aanhalingstekens")
	msgWriteNumberPlain = message.New("write %s of at most 15 digits, without quotes", "schrijf %s van hoogstens 15 cijfers, zonder aanhalingstekens")

	msgDurationTooLong = message.New("%s: %s is too long a duration to compute with: each part is at most %d",
		"%s: %s is een te lange duur om mee te rekenen: elk deel is hoogstens %d")
	msgShorterDuration = message.New("write the term that is meant, such as P1Y (a year) or P90D (ninety days); at most P%dY, or PT%dH for hours",
		"schrijf de bedoelde termijn, zoals P1Y (een jaar) of P90D (negentig dagen); hoogstens P%dY, of PT%dH voor uren")
	// An evaluation interval counts whole days (period.ParseInterval):
	// hours are no way to write it.
	msgShorterInterval = message.New("write the term that is meant, such as P1Y (a year) or P90D (ninety days); at most P%dY",
		"schrijf de bedoelde termijn, zoals P1Y (een jaar) of P90D (negentig dagen); hoogstens P%dY")

	msgFewItems     = message.New("%s needs at least %d items, has %d", "%s heeft minstens %d items nodig, maar heeft er %d")
	msgAddItems     = message.New("add the missing items", "vul de ontbrekende items aan")
	msgManyItems    = message.New("%s has %d items, at most %d allowed", "%s heeft %d items, er zijn er hoogstens %d toegestaan")
	msgRemoveItems  = message.New("remove items", "haal items weg")
	msgTwice        = message.New("%s lists the same item twice", "%s noemt hetzelfde item twee keer")
	msgRemoveDouble = message.New("remove the duplicate", "haal het dubbele item weg")
	msgNoneContains = message.New("%s has no item of the required form", "%s heeft geen item in de vereiste vorm")
	msgRuledOut     = message.New("%s has a value the schema rules out", "%s heeft een waarde die het schema uitsluit")

	// An evaluation interval in hours or of no time, which the period
	// package's error words (period.IntervalError).
	msgNotInterval   = message.Faulty
	msgWriteInterval = message.New("write whole days, weeks, months or years, at least one day, such as P1Y, P6M or P90D",
		"schrijf hele dagen, weken, maanden of jaren, minstens een dag, zoals P1Y, P6M of P90D")

	msgNotInSchema = message.New("%s: %s", "%s voldoet niet aan het schema: %s")
	msgSeeSchema   = message.New("run 'register schema' to see what is allowed", "'register schema' toont wat is toegestaan")
)

// formatText is what a finding says of a value that is not in a format.
type formatText struct {
	invalid *message.Text // field, value
	a       *message.Text // the format as one of the forms allowed
	help    *message.Text
}

// formatTexts are the formats the schemas use; another format is named as
// the schema names it (formatOther).
var formatTexts = map[string]formatText{
	"date": {
		message.New("%s: %s is not a valid date (YYYY-MM-DD)", "%s: %s is geen geldige datum (JJJJ-MM-DD)"),
		message.New("a date (YYYY-MM-DD)", "een datum (JJJJ-MM-DD)"),
		message.New("write a date that exists, as YYYY-MM-DD", "schrijf een datum die bestaat, als JJJJ-MM-DD"),
	},
	"date-time": {
		message.New("%s: %s is not a valid date and time (RFC 3339, like 2025-03-01T14:30:00+01:00)",
			"%s: %s is geen geldige datum en tijd (RFC 3339, zoals 2025-03-01T14:30:00+01:00)"),
		message.New("a date and time (RFC 3339, like 2025-03-01T14:30:00+01:00)", "een datum en tijd (RFC 3339, zoals 2025-03-01T14:30:00+01:00)"),
		message.New("write date, time and offset, like 2025-03-01T14:30:00+01:00", "schrijf datum, tijd en tijdzone, zoals 2025-03-01T14:30:00+01:00"),
	},
	"duration": {
		message.New("%s: %s is not a valid ISO 8601 duration (like P1Y, P6M or P90D)",
			"%s: %s is geen geldige ISO 8601-duur (zoals P1Y, P6M of P90D)"),
		message.New("an ISO 8601 duration (like P1Y, P6M or P90D)", "een ISO 8601-duur (zoals P1Y, P6M of P90D)"),
		message.New("write P, a number and a unit: P1Y (a year), P6M (six months), P90D (ninety days)",
			"schrijf P, een getal en een eenheid: P1Y (een jaar), P6M (zes maanden), P90D (negentig dagen)"),
	},
	"email": {
		message.New("%s: %s is not a valid e-mail address", "%s: %s is geen geldig e-mailadres"),
		message.New("an e-mail address", "een e-mailadres"),
		message.New("write a functional mailbox such as privacy@gemeente.example", "schrijf een functioneel e-mailadres, zoals privacy@gemeente.example"),
	},
	"uri": {
		message.New("%s: %s is not a valid web address", "%s: %s is geen geldig webadres"),
		message.New("a web address", "een webadres"),
		message.New("write a full address starting with https://", "schrijf een volledig adres dat begint met https://"),
	},
}

// formatOther is formatTexts' entry for any other format, named by the
// format's name (the third argument of invalid, the first of a).
var formatOther = formatText{
	message.New("%s: %s is not a valid %s", "%s: %s is geen geldige waarde in het formaat %s"),
	message.New("a %s", "een waarde in het formaat %s"),
	message.New("correct the value", "verbeter de waarde"),
}

// place names a location in a record for a person: "owner.email",
// "capabilities[2]", or the record itself.
type place []string

func (p place) In(lang string) string {
	if len(p) == 0 {
		return wRecord.In(lang)
	}
	var b strings.Builder
	for i, t := range p {
		if isIndex(t) {
			fmt.Fprintf(&b, "[%s]", t)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

// verbatim is a word that is the same in each language: a field's name, a
// value as written.
type verbatim string

func (v verbatim) In(string) string { return string(v) }

// list joins its items with sep, and the last two with last (sep when nil).
type list struct {
	items     []message.Lingual
	sep, last *message.Text
}

func (l list) In(lang string) string {
	var b strings.Builder
	for i, it := range l.items {
		switch {
		case i == 0:
		case i == len(l.items)-1 && l.last != nil:
			b.WriteString(l.last.In(lang))
		default:
			b.WriteString(l.sep.In(lang))
		}
		b.WriteString(it.In(lang))
	}
	return b.String()
}

// quoted is each name in double quotes.
func quoted(names []string) []message.Lingual {
	out := make([]message.Lingual, len(names))
	for i, n := range names {
		out[i] = verbatim(fmt.Sprintf("%q", n))
	}
	return out
}

// where names a location for a person.
func where(at []string) place { return place(at) }

// show is a value as a finding quotes it: text in quotes (cut short), a
// number as written, a mapping or list by what it is.
func show(v any) message.Lingual {
	switch x := v.(type) {
	case string:
		if len(x) > 60 {
			x = x[:57] + "..."
		}
		return verbatim(fmt.Sprintf("%q", x))
	case json.Number:
		return verbatim(x.String())
	case nil:
		return wEmpty
	case map[string]any:
		return wMapping
	case []any:
		return wList
	}
	return verbatim(fmt.Sprint(v))
}

// typeWord names a JSON type for a person.
func typeWord(t string) message.Lingual {
	switch t {
	case "object":
		return wMapping
	case "array":
		return wList
	case "string":
		return wText
	case "integer":
		return wWhole
	case "number":
		return wNumber
	case "boolean":
		return wBoolean
	case "null":
		return wEmpty
	}
	return verbatim(t)
}

// typeWords names the types a value may have: "text or a list".
func typeWords(ts []string) list {
	ws := make([]message.Lingual, len(ts))
	for i, t := range ts {
		ws[i] = typeWord(t)
	}
	return list{items: ws, sep: wOr}
}

// typeHelp says how to write a value of one of the types.
func typeHelp(want []string) *message.Text {
	switch {
	case slices.Contains(want, "string"):
		return msgWriteText
	case slices.Contains(want, "array"):
		return msgWriteList
	case slices.Contains(want, "object"):
		return msgWriteMap
	case slices.Contains(want, "boolean"):
		return msgWriteBool
	case slices.Contains(want, "integer"), slices.Contains(want, "number"):
		return msgWriteNumber
	}
	return msgFixType
}

// formatWords returns what a finding says of a value got at field that is
// not in the format f: the finding, the format as an allowed form, and the
// help.
func formatWords(f string, field place, got message.Lingual) (invalid, a, help message.Phrase) {
	if t, ok := formatTexts[f]; ok {
		return t.invalid.With(field, got), t.a.With(), t.help.With()
	}
	t, name := formatOther, verbatim(f)
	return t.invalid.With(field, got, name), t.a.With(name), t.help.With()
}

// patternHelp says how to write a value that must match p.
func patternHelp(p string) *message.Text {
	if strings.HasPrefix(p, "^https?://") {
		return msgWebForm
	}
	return msgSeeForm
}
