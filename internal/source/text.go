package source

import (
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
)

// The words of the findings of reading a YAML file, English and Dutch side
// by side. A finding is worded in both languages from the same
// phrases (Phrase.Pair), as the schema findings are.

// MsgTooBig and MsgSplit are what a finding says of a file larger than the
// limit; the load package says the same of a file it refuses to read whole.
var (
	MsgTooBig = message.New("file is %d bytes, more than the limit of %d", "bestand is %d bytes, meer dan de grens van %d")
	MsgSplit  = message.New("a record is a few kilobytes; split the file or remove what does not belong in it",
		"een registratie is een paar kilobyte; splits het bestand of haal weg wat er niet in hoort")
)

// What a finding says of a file that cannot be read as one YAML document.
var (
	msgEmpty       = message.New(MsgEmpty, "bestand is leeg")
	msgWriteFields = message.New("write the record's fields, or remove the file", "vul de velden van de registratie in, of verwijder het bestand")
	msgUTF16       = message.New("file is UTF-16 encoded", "bestand is als UTF-16 opgeslagen")
	msgSaveUTF8    = message.New("save the file as UTF-8 (most editors offer this under 'encoding')",
		"sla het bestand op als UTF-8 (de meeste editors bieden dat aan onder 'codering' of 'encoding')")
	msgNUL      = message.New("file contains a NUL byte", "bestand bevat een NUL-byte")
	msgSaveText = message.New("save the file as plain UTF-8 text", "sla het bestand op als gewone UTF-8-tekst")
	msgNotUTF8  = message.New("file is not valid UTF-8", "bestand is geen geldige UTF-8")
	msgTwoDocs  = message.New("file holds more than one YAML document", "bestand bevat meer dan één YAML-document")
	msgOneDoc   = message.New("a record is one document: remove the '---' separator and what follows, or move it to its own file",
		"een registratie is één document: haal het scheidingsteken '---' en wat erna komt weg, of zet dat in een eigen bestand")

	msgSyntax   = message.New("YAML syntax error: %s", "YAML-syntaxfout: %s")
	msgUnclosed = message.New("YAML syntax error: a %s opened on this line is not closed",
		"YAML-syntaxfout: een %s die op deze regel wordt geopend, wordt niet gesloten")
	msgQuoteRunsOn = message.New("YAML syntax error: the quote opened here is closed only on line %d, and what the parser read up to there breaks the file at line %d",
		"YAML-syntaxfout: het aanhalingsteken dat hier wordt geopend, wordt pas op regel %d gesloten, en wat de parser tot daar las, breekt het bestand op regel %d")
	msgCloseQuote = message.New("close the quote at the end of this value, on this line",
		"sluit het aanhalingsteken aan het eind van deze waarde, op deze regel")
	msgNoTabs = message.New("YAML does not allow tabs for indentation: indent this line with spaces",
		"YAML staat geen tabs toe om in te springen: spring deze regel in met spaties")
	msgFixSyntax = message.New("fix the YAML syntax at this line (indentation, a missing colon, or an unclosed quote or bracket)",
		"verbeter de YAML-syntax op deze regel (inspringing, een ontbrekende dubbele punt, of een aanhalingsteken of haakje dat niet is gesloten)")
)

// What a finding says of a value the register cannot use.
var (
	msgTooDeep     = message.New("nesting is deeper than %d levels", "de nesting is dieper dan %d niveaus")
	msgFewLevels   = message.New("a record is a few levels deep; check the indentation", "een registratie is een paar niveaus diep; controleer de inspringing")
	msgAliases     = message.New("aliases expand to more than %d values", "aliassen worden meer dan %d waarden")
	msgWriteOut    = message.New("write the values out instead of repeating them with anchors (&) and aliases (*)", "schrijf de waarden uit in plaats van ze te herhalen met ankers (&) en aliassen (*)")
	msgMergeKey    = message.New("merge keys (<<) are not supported", "samenvoegsleutels (<<) worden niet ondersteund")
	msgFieldsOut   = message.New("write the fields out in full", "schrijf de velden volledig uit")
	msgKeyNotText  = message.New("key %s is not text", "sleutel %s is geen tekst")
	msgKeysAreText = message.New("keys are field names such as 'name'; quote the key if it must be a number or boolean",
		"sleutels zijn veldnamen zoals 'name'; zet aanhalingstekens om de sleutel als het een getal of true/false moet zijn")
	msgKeyTwice   = message.New("key %q appears more than once in this mapping", "sleutel %q komt meer dan eens voor in deze mapping")
	msgMergeTwice = message.New("remove or merge the duplicate", "haal de dubbele weg of voeg ze samen")
	msgTooLarge   = message.New("number %s is too large", "getal %s is te groot")
	msgSmaller    = message.New("use a smaller number or quote it as text", "gebruik een kleiner getal, of zet er aanhalingstekens omheen als het tekst is")
	msgNotWhole   = message.New("%s is not a whole number", "%s is geen geheel getal")
	msgDigitsOnly = message.New("write digits only, or remove the !!int tag if it is text", "schrijf alleen cijfers, of haal de tag !!int weg als het tekst is")
	msgNaN        = message.New("%s is not a number the register can use (NaN and infinity are not allowed)",
		"%s is geen getal dat het register kan gebruiken (NaN en oneindig zijn niet toegestaan)")
	msgNotNumber = message.New("%s is not a valid number", "%s is geen geldig getal")
	msgFinite    = message.New("write a finite number, or quote it if it is text", "schrijf een eindig getal, of zet er aanhalingstekens omheen als het tekst is")

	// Aliases that repeat a long value: the limit is in bytes of text.
	msgAliasBytes    = message.New("aliases expand to more than %d bytes of text", "aliassen worden meer dan %d bytes tekst")
	msgShortenAnchor = message.New("anchors (&) and aliases (*) are for short values such as a date or a name: shorten the anchored value, or write it out where it is needed",
		"ankers (&) en aliassen (*) zijn voor korte waarden zoals een datum of een naam: maak de verankerde waarde korter, of schrijf de waarde uit waar die nodig is")

	// A key that is no text, as describeKey names it.
	wMappingKey = message.New("(a mapping)", "(een mapping)")
	wListKey    = message.New("(a list)", "(een lijst)")
	wAliasKey   = message.New("(an alias)", "(een alias)")
)

// parserTexts are the YAML parser's own words for its syntax errors, with
// the Dutch for each; words it may add in a later version stay its own.
var parserTexts = map[string]*message.Text{
	"mapping values are not allowed in this context": message.New("mapping values are not allowed in this context",
		"hier mag geen 'sleutel: waarde' staan (controleer de inspringing en de dubbele punten)"),
	"did not find expected key":                   message.New("did not find expected key", "hier werd een sleutel verwacht"),
	"did not find expected '-' indicator":         message.New("did not find expected '-' indicator", "hier werd een lijstitem verwacht dat begint met '-'"),
	"found unexpected end of stream":              message.New("found unexpected end of stream", "het bestand houdt onverwacht op (staat er een aanhalingsteken open?)"),
	"found character that cannot start any token": message.New("found character that cannot start any token", "hier staat een teken waarmee geen waarde kan beginnen (een tab, of een @ of ` aan het begin?)"),
	"found unknown escape character":              message.New("found unknown escape character", "onbekend escapeteken na een \\ tussen dubbele aanhalingstekens"),
	"could not find expected ':'":                 message.New("could not find expected ':'", "hier werd een dubbele punt ':' verwacht"),
	"did not find expected node content":          message.New("did not find expected node content", "hier werd een waarde verwacht"),
	"control characters are not allowed":          message.New("control characters are not allowed", "stuurtekens zijn niet toegestaan"),
	"did not find expected alphabetic or numeric character": message.New("did not find expected alphabetic or numeric character",
		"hier werd een letter of cijfer verwacht"),
	"did not find expected comment or line break": message.New("did not find expected comment or line break", "hier werd een commentaar of het einde van de regel verwacht"),
	"block sequence entries are not allowed in this context": message.New("block sequence entries are not allowed in this context",
		"hier mag geen lijstitem ('- ') staan (controleer de inspringing)"),
	"mapping keys are not allowed in this context": message.New("mapping keys are not allowed in this context", "hier mag geen sleutel staan (controleer de inspringing)"),
	"found a tab character that violates indentation": message.New("found a tab character that violates indentation",
		"een tab verstoort hier de inspringing; spring in met spaties"),
	"found a tab character where an indentation space is expected": message.New("found a tab character where an indentation space is expected",
		"hier staat een tab waar een spatie voor de inspringing hoort"),
	"found unexpected document indicator": message.New("found unexpected document indicator",
		"hier staat onverwacht een documentgrens ('---' of '...') binnen een waarde"),
	"did not find expected whitespace or line break": message.New("did not find expected whitespace or line break",
		"hier werd een spatie of het einde van de regel verwacht"),
	"did not find expected whitespace":             message.New("did not find expected whitespace", "hier werd een spatie verwacht"),
	"did not find expected hexdecimal number":      message.New("did not find expected hexdecimal number", "hier werd een hexadecimaal getal verwacht (na \\x, \\u of \\U)"),
	"found invalid Unicode character escape code":  message.New("found invalid Unicode character escape code", "hier staat een ongeldige Unicode-escape (\\u of \\U)"),
	"found an indentation indicator equal to 0":    message.New("found an indentation indicator equal to 0", "de inspringing van een blok mag niet 0 zijn"),
	"found an incorrect leading UTF-8 octet":       message.New("found an incorrect leading UTF-8 octet", "hier staat een ongeldige UTF-8-byte"),
	"found an incorrect trailing UTF-8 octet":      message.New("found an incorrect trailing UTF-8 octet", "hier staat een ongeldige UTF-8-vervolgbyte"),
	"did not find expected '!'":                    message.New("did not find expected '!'", "hier werd een '!' verwacht (in een tag)"),
	"did not find the expected '>'":                message.New("did not find the expected '>'", "hier werd een '>' verwacht (in een tag)"),
	"did not find expected tag URI":                message.New("did not find expected tag URI", "hier werd de URI van een tag verwacht"),
	"did not find URI escaped octet":               message.New("did not find URI escaped octet", "hier werden na een procentteken in een tag twee hexadecimale cijfers verwacht"),
	"found undefined tag handle":                   message.New("found undefined tag handle", "deze verkorte tag is nergens gedefinieerd"),
	"could not find expected directive name":       message.New("could not find expected directive name", "hier werd de naam van een directive verwacht (YAML of TAG)"),
	"found unexpected non-alphabetical character":  message.New("found unexpected non-alphabetical character", "hier staat onverwacht een teken dat geen letter is"),
	"found unknown directive name":                 message.New("found unknown directive name", "onbekende directive (alleen YAML en TAG bestaan)"),
	"did not find expected version number":         message.New("did not find expected version number", "hier werd een versienummer verwacht"),
	"did not find expected digit or '.' character": message.New("did not find expected digit or '.' character", "hier werd een cijfer of een punt verwacht"),
	"found extremely long version number":          message.New("found extremely long version number", "het versienummer is veel te lang"),
	"found duplicate %YAML directive":              message.New("found duplicate %YAML directive", "de directive %YAML staat er twee keer"),
	"found duplicate %TAG directive":               message.New("found duplicate %TAG directive", "de directive %TAG staat er twee keer"),
	"found incompatible YAML document":             message.New("found incompatible YAML document", "dit YAML-document is van een versie die niet gelezen kan worden"),
	"did not find expected <document start>":       message.New("did not find expected <document start>", "hier werd het begin van een document ('---') verwacht"),
}

// parserWords are the parser's words for a syntax error, in Dutch where
// parserTexts knows them.
type parserWords string

func (w parserWords) In(lang string) string {
	if t, ok := parserTexts[string(w)]; ok {
		return t.In(lang)
	}
	if rest, ok := strings.CutPrefix(string(w), "unknown anchor "); ok && lang == message.Dutch {
		if name, ok := strings.CutSuffix(rest, " referenced"); ok {
			return msgUnknownAnchor.Format(lang, name)
		}
	}
	if depth, ok := strings.CutPrefix(string(w), "exceeded max depth of "); ok && lang == message.Dutch {
		if n, err := strconv.Atoi(depth); err == nil {
			return msgTooDeep.Format(lang, n) // the limit of our own, in the same words
		}
	}
	return string(w)
}

var msgUnknownAnchor = message.New("unknown anchor %s referenced", "onbekend anker %s gebruikt")

// worded gives f its message and help in English and in Dutch.
func worded(f finding.Finding, msg, help message.Phrase) finding.Finding {
	f.Message, f.Help = msg.Pair(), help.Pair()
	return f
}
