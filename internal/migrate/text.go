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
	msgCannotRead   = message.New("cannot read the record: %v", "de registratie kan niet worden gelezen: %v")
	msgRunValidate  = message.New("run register validate", "voer register validate uit")
	msgNotAVersion  = message.New("%s %q is not a format version", "%s %q is geen formaatversie")
	msgWholeNumber  = message.New("%s is a whole number, such as %d", "%s is een geheel getal, zoals %d")
	msgNewer        = message.New("the record is in format v%d, newer than this tool's v%d", "de registratie is in formaat v%d, nieuwer dan v%d van dit programma")
	msgInstallNewer = message.New("install a newer version of register", "installeer een nieuwere versie van register")
	msgNoPath       = message.New("the record is in format v%d and no migration leads from it to v%d", "de registratie is in formaat v%d en geen migratie leidt daarvandaan naar v%d")
	msgSteps        = message.New("format v%d → v%d: %s", "formaat v%d → v%d: %s")
	msgNotRegister  = message.New("%s is not a register folder; pass --root with the folder that holds sensors/ and algorithms/",
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
