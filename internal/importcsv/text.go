package importcsv

import (
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
)

// The words of an import's findings, English and Dutch side by side: what
// the spreadsheet's columns, rows and cells turn out to be. A finding holds
// both languages (Phrase.Pair), so a Dutch run reads its findings in Dutch.

// Why a file cannot be imported at all.
var (
	msgNeitherEncoding = message.New(`%s: byte 0x%02X is neither UTF-8 nor Windows-1252, so the file is not imported: save it as "CSV UTF-8"`,
		`%s: byte 0x%02X is geen UTF-8 en geen Windows-1252, dus het bestand wordt niet geïmporteerd: sla het op als "CSV UTF-8"`)
	msgMixedEncoding = message.New(`%s: byte 0x%02X is not UTF-8, though other text in the file is: the file mixes two encodings, and reading it as either would change texts, so it is not imported; save it as "CSV UTF-8" and check the letters at this place`,
		`%s: byte 0x%02X is geen UTF-8, terwijl andere tekst in het bestand dat wel is: het bestand mengt twee coderingen, en het als een van beide lezen zou teksten veranderen, dus het wordt niet geïmporteerd; sla het op als "CSV UTF-8" en controleer de letters op deze plek`)
	msgJSONNotUTF8 = message.New(`%s: byte 0x%02X is not UTF-8, which JSON always is, so the file is not imported: save it as UTF-8`,
		`%s: byte 0x%02X is geen UTF-8, wat JSON altijd is, dus het bestand wordt niet geïmporteerd: sla het op als UTF-8`)
	msgEmptyFile = message.New("read %s: the file is empty; it needs a header row and one row per record",
		"%s lezen: het bestand is leeg; het heeft een rij met kolomkoppen nodig en een rij per registratie")
	msgTooBig = message.New("read %s: the file is %d bytes, more than the %d a spreadsheet of records needs",
		"%s lezen: het bestand is %d bytes, meer dan de %d die een spreadsheet met registraties nodig heeft")
	msgNoNameColumn = message.New("read %s: no column gives the name (Naam) or id of the records; name one with a header such as \"naam\" or map it in a mapping file (--map)",
		"%s lezen: geen kolom geeft de naam (Naam) of het id van de registraties; geef een kolom een kop zoals \"naam\", of koppel haar in een koppelbestand (--map)")
	msgNoNameTryMap = message.New("read %[1]s: no column gives the name (Naam) or id of the records; the headers match the ready-made map %[2]s: try --map %[2]s",
		"%[1]s lezen: geen kolom geeft de naam (Naam) of het id van de registraties; de kolomkoppen passen bij de kant-en-klare koppeling %[2]s: probeer --map %[2]s")
	msgQuote = message.New(`%s: a quoted cell is not closed, or a " in it is not written as "": close the cell with " and double each " inside it`,
		`%s: een cel tussen aanhalingstekens is niet afgesloten, of een " erin is niet als "" geschreven: sluit de cel af met " en schrijf elke " erin dubbel`)
	msgBareQuote = message.New(`%s: a " in a cell that is not quoted: put the cell between quotes and write the " as ""`,
		`%s: een " in een cel die niet tussen aanhalingstekens staat: zet de cel tussen aanhalingstekens en schrijf de " als ""`)
	msgNoEntries = message.New("read %s: the file holds no entries: it needs an object, or a list of objects, with a name or id each",
		"%s lezen: het bestand bevat geen items: het heeft een object nodig, of een lijst van objecten, elk met een naam of id")
	msgUTF16Half = message.New(`%s: the file is UTF-16 (it starts with its byte order mark) but ends in half a character, so it is not imported: save it again, as "CSV UTF-8"`,
		`%s: het bestand is UTF-16 (het begint met de bytevolgordemarkering daarvan) maar eindigt met een half teken, dus het wordt niet geïmporteerd: sla het opnieuw op, als "CSV UTF-8"`)
	msgUTF16Broken = message.New(`%s: the file is UTF-16, but the character here is damaged (half of a pair), so the file is not imported: save it again, as "CSV UTF-8", and check the letters at this place`,
		`%s: het bestand is UTF-16, maar het teken hier is beschadigd (de helft van een paar), dus het bestand wordt niet geïmporteerd: sla het opnieuw op, als "CSV UTF-8", en controleer de letters op deze plek`)
	msgNULByte = message.New(`%s: byte 0x00 is not text: the file is not a spreadsheet saved as text, or is UTF-16 without its byte order mark, so it is not imported: save it as "CSV UTF-8"`,
		`%s: byte 0x00 is geen tekst: het bestand is geen spreadsheet die als tekst is opgeslagen, of het is UTF-16 zonder bytevolgordemarkering, dus het wordt niet geïmporteerd: sla het op als "CSV UTF-8"`)
	msgTooDeep = message.New("%s: at line %d, column %d the lists and objects are nested more than %d deep, so the file is not imported: no register's entries are nested so deep; check that this is the file meant, such as the JSON 'register export --format json' writes",
		"%s: op regel %d, kolom %d zijn de lijsten en objecten meer dan %d diep genest, dus het bestand wordt niet geïmporteerd: de items van geen enkel register zijn zo diep genest; controleer of dit het bedoelde bestand is, zoals de JSON die 'register export --format json' schrijft")
)

// A JSON value of another shape than its field takes: what it holds and
// what the field takes, in the words of JSON.
var (
	msgShapeRecord = message.New("key %q holds %s, where the record format takes %s; the entry is not imported",
		"sleutel %q bevat %s, waar het registratieformaat %s verwacht; het item wordt niet ingelezen")
	msgShapeField = message.New("key %q holds %s, where field %s takes %s; the entry is not imported",
		"sleutel %q bevat %s, waar veld %s %s verwacht; het item wordt niet ingelezen")
	msgShapeHelp = message.New("write the value as the record format gives it, as 'register export --format json' writes it, and import again",
		"schrijf de waarde zoals het registratieformaat haar geeft, zoals 'register export --format json' haar schrijft, en importeer opnieuw")
	msgShapeMappedHelp = message.New("write the value as the source's format gives it, or map the key to another field in a mapping file (--map), and import again",
		"schrijf de waarde zoals het formaat van de bron haar geeft, of koppel de sleutel in een koppelbestand (--map) aan een ander veld, en importeer opnieuw")
	// What an entry says of its publication that the import cannot carry
	// over: left out, the record would be public.
	msgPublicationKey = message.New("key %q is no key of the publication block, which holds public, reason and withheld: what the entry says of its publication cannot be read, and without it the record would be public; the entry is not imported",
		"sleutel %q is geen sleutel van het publicatieblok, dat public, reason en withheld bevat: wat het item over zijn publicatie zegt, is niet te lezen, en zonder dat zou de registratie openbaar zijn; het item wordt niet ingelezen")
	msgPublicationNull = message.New("key %q is null: what the entry says of its publication cannot be read, and without it the record would be public; the entry is not imported",
		"sleutel %q is null: wat het item over zijn publicatie zegt, is niet te lezen, en zonder dat zou de registratie openbaar zijn; het item wordt niet ingelezen")
	msgPublicationHelp = message.New("write the publication block as 'register export --format json' writes it (public: true or false, reason: a text, withheld: a list of fields), or leave it out for a public record, and import again",
		"schrijf het publicatieblok zoals 'register export --format json' het schrijft (public: true of false, reason: een tekst, withheld: een lijst van velden), of laat het weg voor een openbare registratie, en importeer opnieuw")
	msgPublicationColumn = message.New("column %q speaks of the record's publication, and the import has no field for it: without what it says the record would be public; the row is not imported",
		"kolom %q gaat over de publicatie van de registratie, en de import heeft er geen veld voor: zonder wat erin staat zou de registratie openbaar zijn; de rij wordt niet geïmporteerd")
	msgPublicationColumnHelp = message.New("name the column publication.public (true or false), publication.reason or publication.withheld (the fields withheld, separated by commas), or map it in a mapping file (--map), and import again",
		"noem de kolom publication.public (true of false), publication.reason of publication.withheld (de afgeschermde velden, gescheiden door komma's), of koppel haar in een koppelbestand (--map), en importeer opnieuw")
	msgPublicationKeyWords = message.New("key %q speaks of the record's publication, and the import has no field for it: without what it says the record would be public; the entry is not imported",
		"sleutel %q gaat over de publicatie van de registratie, en de import heeft er geen veld voor: zonder wat erin staat zou de registratie openbaar zijn; het item wordt niet ingelezen")
	msgPublicationKeyHelp = message.New("write it in the publication block as 'register export --format json' writes it (public: true or false, reason: a text, withheld: a list of fields), or map the key in a mapping file (--map), and import again",
		"schrijf het in het publicatieblok zoals 'register export --format json' het schrijft (public: true of false, reason: een tekst, withheld: een lijst van velden), of koppel de sleutel in een koppelbestand (--map), en importeer opnieuw")
	msgAText              = message.New("a text", "een tekst")
	msgGotNumber          = message.New("the number %s", "het getal %s")
	msgAnObject           = message.New("an object", "een object")
	msgWantBool           = message.New("true or false, without quotes", "true of false, zonder aanhalingstekens")
	msgWantTexts          = message.New("a list of texts", "een lijst van teksten")
	msgWantObjects        = message.New("a list of objects", "een lijst van objecten")
	msgWantObjectsOrTexts = message.New("a list of objects or of texts", "een lijst van objecten of van teksten")
	msgWantNumbers        = message.New("a list of numbers", "een lijst van getallen")
	msgWantLists          = message.New("a list of lists", "een lijst van lijsten")
	msgWantOneValue       = message.New("one value: a text, a number, true or false", "één waarde: een tekst, een getal, true of false")
	msgWantTextOrTexts    = message.New("a text or a list of texts", "een tekst of een lijst van teksten")
)

// Why a JSON file holds no entries to import. Each is said after "read
// FILE: " (msgReadFailed).
var (
	msgReadFailed    = message.ReadFailed
	msgNotJSON       = message.New("not JSON at line %d, column %d: %v", "geen JSON op regel %d, kolom %d: %v")
	msgTwoValues     = message.New("more than one JSON value in the file", "het bestand bevat meer dan één JSON-waarde")
	msgOpenDataIndex = message.New("this is the index of a site's open data (register.json): import its parts (data/register/1.json and on) one at a time, or the whole register as 'register export --format json' writes it",
		"dit is de index van de open data van een site (register.json): importeer de delen (data/register/1.json en verder) een voor een, of het hele register zoals 'register export --format json' het schrijft")
	msgSeveralLists = message.New("the object holds several lists (%s); import one list at a time",
		"het object bevat meerdere lijsten (%s); importeer een lijst per keer")
	msgNoRecordObjects = message.New(`"records" at line %d, column %d holds no record objects: import a register's JSON as 'register export --format json' writes it, with an object per record in this list`,
		`"records" op regel %d, kolom %d bevat geen objecten van registraties: importeer de JSON van een register zoals 'register export --format json' die schrijft, met een object per registratie in deze lijst`)
	msgNoObject    = message.New("the file holds no object or list of objects", "het bestand bevat geen object en geen lijst van objecten")
	msgEntryNotObj = message.New("entry %d (line %d, column %d) is not an object: each entry of the list is one record, written as an object {...}",
		"item %d (regel %d, kolom %d) is geen object: elk item van de lijst is één registratie, geschreven als een object {...}")
	msgNullLeftOut = message.New("key %q is null: it is left out of the record",
		"sleutel %q is null: het blijft weg uit de registratie")
	msgNullHelp = message.New("give %q a value in the source, or check the record after the import",
		"geef %q een waarde in de bron, of kijk de registratie na het importeren na")
	msgNullQuantityHelp = message.New("give %q a whole number in the source, or check the record after the import: without a quantity, a record counts as 1",
		"geef %q een geheel getal in de bron, of kijk de registratie na het importeren na: zonder aantal telt een registratie als 1")
	msgKeyTwice = message.New("key %q is given twice in the entry: a record takes one value, so the entry is skipped",
		"sleutel %q staat twee keer in het item: een registratie neemt één waarde, dus het item wordt overgeslagen")
	msgKeepOneValue = message.New("keep one of the two in the source and import again",
		"houd er één van de twee over in de bron en importeer opnieuw")
	msgNotObject = message.New("not an object", "geen object")
)

// Why an import cannot start.
var msgUnknownKind = message.New("import: unknown kind %q: use sensor or algorithm",
	"import: onbekende soort %q: kies sensor of algorithm")

// Why a mapping file cannot be used. Each error is of the kind ErrMapping;
// field names and YAML keys stay as the record format spells them.
var (
	msgMapNotFound = message.New("mapping file %s: no such file (a ready-made map is one of %s)",
		"koppelbestand %s: dit bestand bestaat niet (een kant-en-klare koppeling is een van %s)")
	msgMapUnreadable = message.New("mapping file: %v (a ready-made map is one of %s)",
		"koppelbestand: %v (een kant-en-klare koppeling is een van %s)")
	msgMapTooBig  = message.New("mapping file %s: larger than 1 MiB", "koppelbestand %s: groter dan 1 MiB")
	msgMapNotYAML = message.New("mapping file %s: %v (it holds extends:, columns:, defaults: and repeat:)",
		"koppelbestand %s: %v (het bevat extends:, columns:, defaults: en repeat:)")
	msgMapExtends = message.New("mapping file %s: extends %q, which is not a ready-made map (%s)",
		"koppelbestand %s: extends %q is geen kant-en-klare koppeling (%s)")
	msgMapNoField = message.New("mapping file %s: column %q maps to %q, which is not a field the import can fill (one of %s)",
		"koppelbestand %s: kolom %q is gekoppeld aan %q, maar dat is geen veld dat de import kan vullen (een van %s)")
	msgMapKey = message.New("mapping file %s: column %q has a key, which only a list of objects (such as measures) or, from JSON, a list of texts takes",
		"koppelbestand %s: kolom %q heeft een key, maar alleen een lijst van objecten (zoals measures) of, uit JSON, een lijst van teksten heeft die")
	msgMapSeparator = message.New("mapping file %s: column %q has a separator, but %s holds one value, not a list",
		"koppelbestand %s: kolom %q heeft een separator, maar %s bevat één waarde, geen lijst")
	msgMapUnknown = message.New("mapping file %s: column %q: unknown: %q; use keep, report or error",
		"koppelbestand %s: kolom %q: unknown: %q; kies keep, report of error")
	msgMapTitle = message.New("mapping file %s: column %q has a title, which only a links column takes",
		"koppelbestand %s: kolom %q heeft een title, maar die hoort alleen bij een kolom met links")
	msgMapDefaultField = message.New("mapping file %s: default for %q, which is not a field the import can fill (one of %s)",
		"koppelbestand %s: default voor %q, maar dat is geen veld dat de import kan vullen (een van %s)")
	msgMapDefaultValue = message.New("mapping file %s: default for %s: %v", "koppelbestand %s: default voor %s: %v")
	msgMapNoteBoth     = message.New("line %d: a note in two languages has both nl: and en:",
		"regel %d: een note in twee talen heeft zowel nl: als en:")
)

// What the file and its header say.
var (
	msgWindows1252 = message.New("the file is not UTF-8; it was read as Windows-1252",
		"het bestand is geen UTF-8; het is gelezen als Windows-1252")
	msgSaveUTF8 = message.New("save the spreadsheet as \"CSV UTF-8\" to be sure accents come through",
		"sla de spreadsheet op als \"CSV UTF-8\", dan komen letters met accenten zeker goed over")
	msgBlankRows  = message.New("%s blank and skipped", "%s leeg en overgeslagen")
	msgBlankHelp  = message.New("blank rows are left out; nothing to do", "lege rijen worden weggelaten; u hoeft niets te doen")
	msgUnplaced   = message.New("; its text on %s is not imported", "; de tekst op %s wordt niet geïmporteerd")
	msgCopyByHand = message.New("; copy that text into the record files by hand where it belongs, or map the column to a field",
		"; neem die tekst met de hand over in de registraties waar hij hoort, of koppel de kolom aan een veld")
	msgOnlySensors = message.New("column %q (%s) is only for sensors and is left out of algorithm records",
		"kolom %q (%s) geldt alleen voor sensoren en wordt bij algoritmes weggelaten")
	msgOnlyAlgorithms = message.New("column %q (%s) is only for algorithms and is left out of sensor records",
		"kolom %q (%s) geldt alleen voor algoritmes en wordt bij sensoren weggelaten")
	msgOtherKind    = message.New("import the other kind with --kind %s", "importeer de andere soort met --kind %s")
	msgSecondColumn = message.New("column %q fills %s, as column %d (%q) already does; it is left out",
		"kolom %q vult %s, maar kolom %d (%q) doet dat al; deze kolom wordt weggelaten")
	msgRemoveOneColumn = message.New("remove one of the two columns, or map one to another field in a mapping file (--map)",
		"verwijder een van de twee kolommen, of koppel er een aan een ander veld in een koppelbestand (--map)")
	msgNotAField = message.New("column %q is not a field of the record format and is left out",
		"kolom %q is geen veld van het registratieformaat en wordt weggelaten")
	msgRenameHeader = message.New("rename the header to a field (for example naam, status, startdatum, locatie), or map it in a mapping file (--map) to a field or to \"\" to ignore it",
		"geef de kolom de naam van een veld (bijvoorbeeld naam, status, startdatum, locatie), of koppel haar in een koppelbestand (--map) aan een veld, of aan \"\" om haar over te slaan")
	msgKeyNotAField = message.New("key %q is not a field of the record format and is left out",
		"sleutel %q is geen veld van het registratieformaat en wordt weggelaten")
	msgRenameKey = message.New("rename the key to a field of the record format (as 'register export --format json' writes them, for example name, status, lifecycle.start), or map it in a mapping file (--map) to a field or to \"\" to ignore it",
		"geef de sleutel de naam van een veld van het registratieformaat (zoals 'register export --format json' ze schrijft, bijvoorbeeld name, status, lifecycle.start), of koppel hem in een koppelbestand (--map) aan een veld, of aan \"\" om hem over te slaan")
	msgCopyByHandKey = message.New("; copy that text into the record files by hand where it belongs, or map the key to a field",
		"; neem die tekst met de hand over in de registraties waar hij hoort, of koppel de sleutel aan een veld")
	msgHeadersOfMap = message.New("the columns are read by the field names, but their headers match the ready-made map %s better: read that way, %s",
		"de kolommen zijn gelezen op de veldnamen, maar de kolomkoppen passen beter bij de kant-en-klare koppeling %s: zo gelezen %s")
	msgLeftOutColumn  = message.New("column %s is left out", "wordt kolom %s weggelaten")
	msgLeftOutColumns = message.New("columns %s are left out", "worden de kolommen %s weggelaten")
	msgTryMap         = message.New("try --map %s, which reads them", "probeer --map %s, die ze wel leest")
	msgNoteIgnored    = message.New("column %q is not imported: %s", "kolom %q wordt niet geïmporteerd: %s")
	msgLeftOut        = message.New("the mapping file leaves it out", "het koppelbestand laat haar weg")
	msgNoteColumn     = message.New("column %q (%s): %s", "kolom %q (%s): %s")
	msgNoteHelp       = message.New("the mapping file says this about the column; check the records it filled",
		"dit zegt het koppelbestand over de kolom; controleer de registraties die zij heeft gevuld")
	msgReadWithMap = message.New("the entries are read with the ready-made map %s", "de items zijn gelezen met de kant-en-klare koppeling %s")
	msgOtherMap    = message.New("give another map with --map when the entries are of another kind",
		"geef met --map een andere koppeling op als de items van een andere soort zijn")
)

// What the rows and cells say.
var (
	msgRepeatedRow = message.New("line %d repeats line %d exactly and is skipped", "regel %d herhaalt regel %d precies en wordt overgeslagen")
	msgExtraCell   = message.New("the row has %d cell more than the header has columns (%d); it is not imported: %s",
		"de rij heeft %d cel meer dan de kopregel kolommen heeft (%d); die wordt niet geïmporteerd: %s")
	msgExtraCells = message.New("the row has %d cells more than the header has columns (%d); they are not imported: %s",
		"de rij heeft %d cellen meer dan de kopregel kolommen heeft (%d); die worden niet geïmporteerd: %s")
	msgExtraHelp = message.New("put a cell whose text holds the separator (%s) between double quotes, or give the extra column a header and import again",
		"zet een cel waarvan de tekst het scheidingsteken (%s) bevat tussen dubbele aanhalingstekens, of geef de extra kolom een kop en importeer opnieuw")
	msgShortRow = message.New("the row has %d of the header's %d cells; the cells it lacks are read as empty",
		"de rij heeft %d van de %d cellen van de kopregel; de cellen die ontbreken worden als leeg gelezen")
	msgShortHelp = message.New("check that a line break in a text did not split the row: a cell with a line break must be between double quotes",
		"controleer of een regeleinde in een tekst de rij niet heeft gesplitst: een cel met een regeleinde moet tussen dubbele aanhalingstekens staan")
	msgRemoveRow = message.New("remove the repeated row from the spreadsheet", "verwijder de herhaalde rij uit de spreadsheet")
	msgNoRecord  = message.New("the row describes no record: every column of the repeated groups is empty; the row is skipped",
		"de rij beschrijft geen registratie: elke kolom van de herhaalde groepen is leeg; de rij wordt overgeslagen")
	msgFillGroup = message.New("fill in at least one group of columns, or remove the row",
		"vul ten minste één groep kolommen in, of verwijder de rij")
	msgExists = message.New("a record with id %q is already in the register and is left unchanged",
		"een registratie met id %q staat al in het register en blijft ongewijzigd")
	msgNeverOverwrite = message.New("the import never overwrites a record; edit the record file itself, or remove it first to import it again",
		"de import overschrijft nooit een registratie; bewerk het bestand van de registratie zelf, of verwijder het eerst om het opnieuw te importeren")
	msgBadKind = message.New("kind %q is neither sensor nor algorithm; the row is skipped",
		"soort %q is geen sensor en geen algoritme; de rij wordt overgeslagen")
	msgWriteKind = message.New("write sensor or algorithm", "schrijf sensor of algoritme")
	msgBadCell   = message.New("%s (column %q): %v; the row is skipped", "%s (kolom %q): %v; de rij wordt overgeslagen")
	msgNotInMap  = message.New("%s (column %q): %q is not in the column's value map and is not imported",
		"%s (kolom %q): %q staat niet in de waarden van de kolom en wordt niet geïmporteerd")
	msgAddValue = message.New("add the value to the column's values: in the mapping file, or fill in the field in the record by hand",
		"voeg de waarde toe aan de waarden van de kolom in het koppelbestand, of vul het veld met de hand in de registratie in")
	msgAlreadyGiven = message.New("%s (column %q): %q is not imported; column %q already gives %q",
		"%s (kolom %q): %q wordt niet geïmporteerd; kolom %q geeft al %q")
	msgKeepOne = message.New("keep one of the two values in the source, or map one of the columns to another field",
		"houd één van de twee waarden in de bron, of koppel een van de kolommen aan een ander veld")
	msgNationalKnown = message.New("national register entry %s is already in the register as %q and is left unchanged",
		"item %s van het landelijke register staat al in het register als %q en blijft ongewijzigd")
	msgEditRecord = message.New("the import never overwrites a record; edit the record file itself",
		"de import overschrijft nooit een registratie; bewerk het bestand van de registratie zelf")
	msgNationalAgain = message.New("national register entry %s is also on line %d; this one is skipped",
		"item %s van het landelijke register staat ook op regel %d; dit item wordt overgeslagen")
	msgRemoveEntry = message.New("remove the repeated entry", "verwijder het herhaalde item")
	msgBadID       = message.New("%v; the row is skipped", "%v; de rij wordt overgeslagen")
	msgCorrectID   = message.New("correct the id, or leave the id column empty to make one from the name",
		"verbeter het id, of laat de id-kolom leeg om er een van de naam te maken")
	msgIDAgain = message.New("id %q is already used on line %d; the row is skipped",
		"id %q wordt al gebruikt op regel %d; de rij wordt overgeslagen")
	msgIDsUnique = message.New("ids are unique: give this row another id, or remove it if it is the same record",
		"een id is uniek: geef deze rij een ander id, of verwijder haar als het dezelfde registratie is")
	msgNoName = message.New("the row has no name to make an id from; the row is skipped",
		"de rij heeft geen naam om een id van te maken; de rij wordt overgeslagen")
	msgFillName = message.New("fill in the name (Naam) column", "vul de kolom met de naam (Naam) in")
	msgNameNoID = message.New("the name %q gives no id: an id needs at least two letters a-z or digits from the name; the row is skipped",
		"de naam %q levert geen id op: een id heeft ten minste twee letters a-z of cijfers uit de naam nodig; de rij wordt overgeslagen")
	msgGiveID = message.New(`give the row an id in an id column (add a column "id" if there is none), such as camera-markt, or give it a longer name`,
		`geef de rij een id in een id-kolom (voeg een kolom "id" toe als die er niet is), zoals camera-markt, of geef haar een langere naam`)
	msgNameAgain = message.New("the name %q is also on line %d", "de naam %q staat ook op regel %d")
	msgIDTaken   = message.New("the id %q made from the name is already used on line %d",
		"het id %q dat van de naam is gemaakt, wordt al gebruikt op regel %d")
	msgGetsID     = message.New("%s; this row gets the id %q", "%s; deze rij krijgt het id %q")
	msgSameRecord = message.New("check that the two rows are not the same record; if they are, remove one and delete the extra record file",
		"controleer of de twee rijen niet dezelfde registratie zijn; zo ja, verwijder er een en ook het extra bestand")
	msgCannotWrite    = message.New("the record cannot be written: %v", "de registratie kan niet worden geschreven: %v")
	msgRecordTooLarge = message.New("%s: the record would be %d bytes, more than the %d bytes a record file may be, so every command would refuse it; the row is skipped",
		"%s: de registratie zou %d bytes worden, meer dan de %d bytes die een registratiebestand mag zijn, zodat elke opdracht het zou weigeren; de rij wordt overgeslagen")
	msgWouldNotLoad = message.New("%s: %s; the record file would not load, so the row is skipped",
		"%s: %s; het registratiebestand zou niet laden, dus de rij wordt overgeslagen")
	msgShortenField = message.New("shorten the text for %s to what the record needs (a record is a few kilobytes), and keep a longer text elsewhere, linked from the record",
		"kort de tekst voor %s in tot wat de registratie nodig heeft (een registratie is enkele kilobytes), en bewaar een langere tekst elders, met een link vanuit de registratie")
)

// How to write a value of a field's type.
var (
	msgWriteDate = message.New("write the date as YYYY-MM-DD (2025-03-01) or DD-MM-YYYY (01-03-2025), with the year in full",
		"schrijf de datum als JJJJ-MM-DD (2025-03-01) of DD-MM-JJJJ (01-03-2025), met het jaar voluit")
	msgWriteBool = message.New("write ja or nee; also taken for yes: j, yes, y, true, waar, 1 or x, and for no: n, no, false, onwaar or 0",
		"schrijf ja of nee; ook goed voor ja: j, yes, y, true, waar, 1 of x, en voor nee: n, no, false, onwaar of 0")
	msgWriteInt   = message.New("write a whole number, such as 12", "schrijf een geheel getal, zoals 12")
	msgWriteFloat = message.New("write a number, such as 52.0907 or 52,0907", "schrijf een getal, zoals 52,0907 of 52.0907")
)

// Why a cell's value cannot be read.
var (
	msgNotJSONList  = message.New("%q is not a JSON list", "%q is geen JSON-lijst")
	msgNotJSONTexts = message.New("%q is not a JSON list of texts", "%q is geen JSON-lijst van teksten")
	msgListKeyTwice = message.New("key %q is given twice: keep one of the two values", "sleutel %q staat er twee keer in: houd één van de twee waarden over")
	msgNotValue     = message.New("%q is not among the mapping file's values", "%q staat niet bij de waarden in het koppelbestand")
	msgNotWhole     = message.New("%q is not a whole number", "%q is geen geheel getal")
	msgNotNumber    = message.New("%q is not a number", "%q is geen getal")
	msgNotYesNo     = message.New("%q is not yes or no", "%q is geen ja of nee")
	msgTwoDigitYear = message.New("%q has a two-digit year; write the year in full", "%q heeft een jaartal van twee cijfers; schrijf het jaar voluit")
	msgNotMonth     = message.New("%q is not a date: %q is not a month", "%q is geen datum: %q is geen maand")
	msgNotDate      = message.New("%q is not a date", "%q is geen datum")
	msgNoSuchDate   = message.New("%q is not a date that exists", "%q is een datum die niet bestaat")
	msgUnlikelyYear = message.New("%q has an unlikely year", "%q heeft een onwaarschijnlijk jaartal")
)

// The same for JSON, whose entries have keys rather than a spreadsheet's
// rows with columns: each text that speaks of columns or rows has one that
// speaks of keys or entries, which an import of JSON says instead (words).
var (
	msgNoNameKey = message.New("read %s: no key gives the name or id of the entries; give each entry a key \"name\" or \"id\", or map one in a mapping file (--map)",
		"%s lezen: geen sleutel geeft de naam of het id van de items; geef elk item een sleutel \"name\" of \"id\", of koppel er een in een koppelbestand (--map)")
	msgNoNameKeyTryMap = message.New("read %[1]s: no key gives the name or id of the entries; the keys match the ready-made map %[2]s: try --map %[2]s",
		"%[1]s lezen: geen sleutel geeft de naam of het id van de items; de sleutels passen bij de kant-en-klare koppeling %[2]s: probeer --map %[2]s")
	msgKeyOnlySensors = message.New("key %q (%s) is only for sensors and is left out of algorithm records",
		"sleutel %q (%s) geldt alleen voor sensoren en wordt bij algoritmes weggelaten")
	msgKeyOnlyAlgorithms = message.New("key %q (%s) is only for algorithms and is left out of sensor records",
		"sleutel %q (%s) geldt alleen voor algoritmes en wordt bij sensoren weggelaten")
	msgSecondKey = message.New("key %q fills %s, as key %q already does; it is left out",
		"sleutel %q vult %s, maar sleutel %q doet dat al; deze sleutel wordt weggelaten")
	msgRemoveOneKey = message.New("keep one of the two keys in the source, or map one to another field in a mapping file (--map)",
		"houd een van de twee sleutels over in de bron, of koppel er een aan een ander veld in een koppelbestand (--map)")
	msgNoteIgnoredKey = message.New("key %q is not imported: %s", "sleutel %q wordt niet geïmporteerd: %s")
	msgLeftOutKey     = message.New("the mapping file leaves the key out", "het koppelbestand laat de sleutel weg")
	msgNoteKey        = message.New("key %q (%s): %s", "sleutel %q (%s): %s")
	msgNoteKeyHelp    = message.New("the mapping file says this about the key; check the records it filled",
		"dit zegt het koppelbestand over de sleutel; controleer de registraties die hij heeft gevuld")
	msgKeysOfMap = message.New("the keys are read as fields of the record format, but they match the ready-made map %s better: read that way, %s",
		"de sleutels zijn gelezen als velden van het registratieformaat, maar ze passen beter bij de kant-en-klare koppeling %s: zo gelezen %s")
	msgLeftOutKeyName  = message.New("key %s is left out", "wordt sleutel %s weggelaten")
	msgLeftOutKeyNames = message.New("keys %s are left out", "worden de sleutels %s weggelaten")
	msgEmptyEntryHelp  = message.New("empty entries are left out; nothing to do", "lege items worden weggelaten; u hoeft niets te doen")
	msgRepeatedEntry   = message.New("the entry at line %d repeats the one at line %d exactly and is skipped",
		"het item op regel %d herhaalt dat op regel %d precies en wordt overgeslagen")
	msgNoRecordEntry = message.New("the entry describes no record: every key of the repeated groups is empty; the entry is skipped",
		"het item beschrijft geen registratie: elke sleutel van de herhaalde groepen is leeg; het item wordt overgeslagen")
	msgFillGroupKeys = message.New("fill in at least one group of keys, or remove the entry",
		"vul ten minste één groep sleutels in, of verwijder het item")
	msgBadKindEntry = message.New("kind %q is neither sensor nor algorithm; the entry is skipped",
		"soort %q is geen sensor en geen algoritme; het item wordt overgeslagen")
	msgBadKey      = message.New("%s (key %q): %v; the entry is skipped", "%s (sleutel %q): %v; het item wordt overgeslagen")
	msgNotInMapKey = message.New("%s (key %q): %q is not in the key's value map and is not imported",
		"%s (sleutel %q): %q staat niet in de waarden van de sleutel en wordt niet geïmporteerd")
	msgAddValueKey = message.New("add the value to the key's values in the mapping file, or fill in the field in the record by hand",
		"voeg de waarde toe aan de waarden van de sleutel in het koppelbestand, of vul het veld met de hand in de registratie in")
	msgAlreadyGivenKey = message.New("%s (key %q): %q is not imported; key %q already gives %q",
		"%s (sleutel %q): %q wordt niet geïmporteerd; sleutel %q geeft al %q")
	msgKeepOneKey = message.New("keep one of the two values in the source, or map one of the keys to another field",
		"houd één van de twee waarden in de bron, of koppel een van de sleutels aan een ander veld")
	msgBadIDEntry   = message.New("%v; the entry is skipped", "%v; het item wordt overgeslagen")
	msgCorrectIDKey = message.New("correct the id, or leave the key \"id\" out to make one from the name",
		"verbeter het id, of laat de sleutel \"id\" weg om er een van de naam te maken")
	msgIDAgainEntry = message.New("id %q is already used on line %d; the entry is skipped",
		"id %q wordt al gebruikt op regel %d; het item wordt overgeslagen")
	msgIDsUniqueEntry = message.New("ids are unique: give this entry another id, or remove it if it is the same record",
		"een id is uniek: geef dit item een ander id, of verwijder het als het dezelfde registratie is")
	msgNoNameEntry = message.New("the entry has no name to make an id from; the entry is skipped",
		"het item heeft geen naam om een id van te maken; het item wordt overgeslagen")
	msgFillNameEntry = message.New("give the entry its name", "geef het item zijn naam")
	msgNameNoIDEntry = message.New("the name %q gives no id: an id needs at least two letters a-z or digits from the name; the entry is skipped",
		"de naam %q levert geen id op: een id heeft ten minste twee letters a-z of cijfers uit de naam nodig; het item wordt overgeslagen")
	msgGiveIDKey = message.New(`give the entry an id (key "id"), such as camera-markt, or give it a longer name`,
		`geef het item een id (sleutel "id"), zoals camera-markt, of geef het een langere naam`)
	msgGetsIDEntry     = message.New("%s; this entry gets the id %q", "%s; dit item krijgt het id %q")
	msgSameRecordEntry = message.New("check that the two entries are not the same record; if they are, remove one and delete the extra record file",
		"controleer of de twee items niet dezelfde registratie zijn; zo ja, verwijder er een en ook het extra bestand")
	msgRecordTooLargeEntry = message.New("%s: the record would be %d bytes, more than the %d bytes a record file may be, so every command would refuse it; the entry is skipped",
		"%s: de registratie zou %d bytes worden, meer dan de %d bytes die een registratiebestand mag zijn, zodat elke opdracht het zou weigeren; het item wordt overgeslagen")
	msgWouldNotLoadEntry = message.New("%s: %s; the record file would not load, so the entry is skipped",
		"%s: %s; het registratiebestand zou niet laden, dus het item wordt overgeslagen")
)

// keyWords are the texts an import of JSON says instead of a spreadsheet's
// (the second speaks of keys and entries); each takes the same arguments.
var keyWords = map[*message.Text]*message.Text{
	msgPublicationColumn:     msgPublicationKeyWords,
	msgPublicationColumnHelp: msgPublicationKeyHelp,
	msgNoNameColumn:          msgNoNameKey,
	msgNoNameTryMap:          msgNoNameKeyTryMap,
	msgOnlySensors:           msgKeyOnlySensors,
	msgOnlyAlgorithms:        msgKeyOnlyAlgorithms,
	msgRemoveOneColumn:       msgRemoveOneKey,
	msgNoteIgnored:           msgNoteIgnoredKey,
	msgLeftOut:               msgLeftOutKey,
	msgNoteColumn:            msgNoteKey,
	msgNoteHelp:              msgNoteKeyHelp,
	msgHeadersOfMap:          msgKeysOfMap,
	msgLeftOutColumn:         msgLeftOutKeyName,
	msgLeftOutColumns:        msgLeftOutKeyNames,
	msgBlankHelp:             msgEmptyEntryHelp,
	msgRepeatedRow:           msgRepeatedEntry,
	msgRemoveRow:             msgRemoveEntry,
	msgNoRecord:              msgNoRecordEntry,
	msgFillGroup:             msgFillGroupKeys,
	msgBadKind:               msgBadKindEntry,
	msgBadCell:               msgBadKey,
	msgNotInMap:              msgNotInMapKey,
	msgAddValue:              msgAddValueKey,
	msgAlreadyGiven:          msgAlreadyGivenKey,
	msgKeepOne:               msgKeepOneKey,
	msgBadID:                 msgBadIDEntry,
	msgCorrectID:             msgCorrectIDKey,
	msgIDAgain:               msgIDAgainEntry,
	msgIDsUnique:             msgIDsUniqueEntry,
	msgNoName:                msgNoNameEntry,
	msgFillName:              msgFillNameEntry,
	msgNameNoID:              msgNameNoIDEntry,
	msgGiveID:                msgGiveIDKey,
	msgGetsID:                msgGetsIDEntry,
	msgSameRecord:            msgSameRecordEntry,
	msgRecordTooLarge:        msgRecordTooLargeEntry,
	msgWouldNotLoad:          msgWouldNotLoadEntry,
}

// words is m as an import says it: for JSON's keys (keys true), the text
// keyWords gives, if any.
func words(keys bool, m *message.Text) *message.Text {
	if k, ok := keyWords[m]; ok && keys {
		return k
	}
	return m
}

// Lines of the spreadsheet, counted.
var (
	msgLine     = message.New("line %d", "regel %d")
	msgLines    = message.New("lines %s and %d", "regels %s en %d")
	msgLineIs   = message.New("line %d is", "regel %d is")
	msgLinesAre = message.New("lines %s and %d are", "regels %s en %d zijn")
)

// lines words spreadsheet lines in either language (a message.Lingual):
// "line 4", "lines 4, 9 and 12"; with is, "line 4 is", "lines 4 and 9 are".
type lines struct {
	at []int
	is bool
}

func (l lines) In(lang string) string {
	one, many := msgLine, msgLines
	if l.is {
		one, many = msgLineIs, msgLinesAre
	}
	if len(l.at) == 1 {
		return one.Format(lang, l.at[0])
	}
	parts := make([]string, len(l.at)-1)
	for i, n := range l.at[:len(l.at)-1] {
		parts[i] = strconv.Itoa(n)
	}
	return many.Format(lang, strings.Join(parts, ", "), l.at[len(l.at)-1])
}
