package migrate

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
)

// The words of a migration's findings and summary, English and Dutch side
// by side; a finding is worded in both languages from the same
// phrases (Phrase.Pair), as the schema findings are.
var (
	msgInFormat = message.New("%d in format v%d", "%d in formaat v%d")
	msgUpToDate = message.New("%s%s; v%d is the current format: nothing needs migrating", "%s%s; v%d is het huidige formaat: er hoeft niets te worden gemigreerd")
	// The number needing migration first, then the records, what they
	// are in and the format.
	msgNeedMigrate = message.NewCount("%[2]s%[3]s; %[1]d needs migrating to v%[4]d", "%[2]s%[3]s; %[1]d need migrating to v%[4]d",
		"%[2]s%[3]s; %[1]d moet worden gemigreerd naar v%[4]d", "%[2]s%[3]s; %[1]d moeten worden gemigreerd naar v%[4]d")
	msgCannotRead  = message.New("cannot read the record: %v", "de registratie kan niet worden gelezen: %v")
	msgRunValidate = message.New("run register validate", "voer register validate uit")
	// Why a record file is left alone: what the system or the file says,
	// and what to do about it.
	msgNoAccess         = message.New("the record may not be read: permission denied", "de registratie mag niet worden gelezen: geen toegang")
	msgNoSuchFile       = message.New("the file is gone", "het bestand is er niet meer")
	msgRunAgain         = message.New("run register migrate again", "voer register migrate opnieuw uit")
	msgCheckPermissions = message.New("check the file's permissions: whoever runs register must be allowed to read it; migrate leaves it as it is",
		"controleer de rechten van het bestand: wie register uitvoert, moet het kunnen lezen; migrate laat het zoals het is")
	msgSymlink      = message.New("the record file is a symlink, which migrate does not write through", "het bestand van de registratie is een symlink, waar migrate niet doorheen schrijft")
	msgReplaceLink  = message.New("replace the link with the file itself, or migrate the register the file is in", "vervang de link door het bestand zelf, of migreer het register waarin het bestand staat")
	msgNotRegular   = message.New("not a regular file (a folder, a named pipe or a device)", "geen gewoon bestand (een map, een named pipe of een apparaat)")
	msgMakePlain    = message.New("a record must be a plain file; migrate leaves it as it is", "een registratie moet een gewoon bestand zijn; migrate laat het zoals het is")
	msgNotAMapping  = message.New("the record is not a mapping of fields", "de registratie is geen mapping van velden")
	msgNotAVersion  = message.New("%s %q is not a format version", "%s %q is geen formaatversie")
	msgWholeNumber  = message.New("%s is a whole number, such as %d", "%s is een geheel getal, zoals %d")
	msgNewer        = message.New("the record is in format v%d, newer than this tool's v%d", "de registratie is in formaat v%d, nieuwer dan v%d van dit programma")
	msgInstallNewer = message.New("install a newer version of register", "installeer een nieuwere versie van register")
	msgNoPath       = message.New("the record is in format v%d and no migration leads from it to v%d", "de registratie is in formaat v%d en geen migratie leidt daarvandaan naar v%d")
	msgSteps        = message.New("format v%d → v%d: %s", "formaat v%d → v%d: %s")
	// Why a record is left as migrate found it, when the conversion
	// would not be safe, and what to do instead.
	msgChanged    = message.New("the file changed since the migration was planned", "het bestand is gewijzigd sinds de omzetting werd gepland")
	msgStepFailed = message.New("migrating from format v%d failed: %s", "omzetten vanuit formaat v%d is mislukt: %s")
	msgByHand     = message.New("migrate leaves the record as it is: make the changes register migrate --help describes by hand, and set %s: %d",
		"migrate laat de registratie zoals ze is: breng de wijzigingen die register migrate --help beschrijft zelf aan, en zet %s: %d")
	msgNotCurrent = message.New("the migrated record would be in format v%d, not v%d", "de omgezette registratie zou in formaat v%d staan, niet in v%d")
	msgWouldBreak = message.New("migrating from format v%d would make the record unreadable: %s", "omzetten vanuit formaat v%d zou de registratie onleesbaar maken: %s")
	msgNoEntries  = message.New("the record has no fields, so there is nowhere to add %s", "de registratie heeft geen velden, dus %s kan nergens worden toegevoegd")
	msgAddByHand  = message.New("add %s by hand and run register migrate again", "voeg %s zelf toe en voer register migrate opnieuw uit")
	msgCannotAdd  = message.New("%s cannot be added after %s without changing the record's other values",
		"%s kan niet na %s worden toegevoegd zonder andere waarden van de registratie te veranderen")
	msgNotOwnLine  = message.New("%s does not start its line, so no line can be added after its entry", "%s staat niet vooraan op de regel, dus er kan geen regel na worden toegevoegd")
	msgNotOneValue = message.New("%s is not written as one plain value", "%s staat er niet als één eenvoudige waarde")
	msgSetByHand   = message.New("write %s: %d by hand", "schrijf zelf %s: %d")
	msgCannotClear = message.New("%s, a temporary file an interrupted run left, cannot be removed: %s; remove it by hand",
		"%s, een tijdelijk bestand dat een onderbroken run achterliet, kan niet worden verwijderd: %s; verwijder het zelf")
	msgNotRegister = message.New("%s is not a register folder; pass --root with the folder that holds sensors/ and algorithms/",
		"%s is geen map van een register; geef met --root de map op waarin sensors/ en algorithms/ staan")
)

// worded gives f its message and help in English and in Dutch.
func worded(f finding.Finding, msg, help message.Phrase) finding.Finding {
	f.Message, f.Help = msg.Pair(), help.Pair()
	return f
}

// stepNotes are the notes of the steps from one version to the current,
// joined, in either language.
type stepNotes []Step

func (s stepNotes) In(lang string) string {
	out := make([]string, len(s))
	for i, st := range s {
		out[i] = st.Note.In(message.English)
		if nl := st.Note.In(message.Dutch); lang == message.Dutch && nl != "" {
			out[i] = nl
		}
	}
	return strings.Join(out, "; ")
}
