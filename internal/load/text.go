package load

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
)

// The words of the findings of loading a register, English and Dutch side
// by side: files that cannot be read as records, and the register-wide
// checks. A finding is worded in both languages from the same
// phrases (Phrase.Pair), as the schema findings are.

// What the register-wide checks say.
var (
	msgNotInside = message.New("%s is not inside the register %s: pass --root or a file under sensors/ or algorithms/",
		"%s staat niet in het register %s: geef --root mee, of een bestand in sensors/ of algorithms/")
	msgNoNamedFile = message.New("%[1]s does not exist: check the file name; name a record file from here or from the register's folder (%[2]s), such as sensors/<id>.yaml",
		"%[1]s bestaat niet: controleer de bestandsnaam; noem een registratie vanaf hier of vanaf de map van het register (%[2]s), zoals sensors/<id>.yaml")
	msgNamedUnreadable = message.New("%s cannot be read: %s; make it readable, or leave it out to read the whole register",
		"%s kan niet worden gelezen: %s; maak het leesbaar, of laat het weg om het hele register te lezen")
	msgNamedFolder = message.New("%s is a folder, not a record file: name the record files, or leave it out to read the whole register",
		"%s is een map, geen registratie: noem de bestanden met registraties, of laat het weg om het hele register te lezen")
	msgIDNotFileName = message.New("id %q does not match the file name %q", "id %q past niet bij de bestandsnaam %q")
	msgRenameOrSetID = message.New("rename the file to %s.yaml, or set id: %s", "hernoem het bestand naar %s.yaml, of zet id: %s")
	msgSetID         = message.New("set id: %s", "zet id: %s")
	msgRenameFile    = message.New("rename the file to %s.yaml", "hernoem het bestand naar %s.yaml")
	msgRenameSetID   = message.New("rename the file to %[1]s.yaml and set id: %[1]s", "hernoem het bestand naar %[1]s.yaml en zet id: %[1]s")
	msgKindInFolder  = message.New("a record of kind %q is in %s/", "een registratie van soort %q staat in %s/")
	msgMoveOrKind    = message.New("move it to %s/, or correct the kind", "verplaats haar naar %s/, of verbeter de soort (kind)")
	msgIDUsed        = message.New("id %q is already used by %s", "id %q is al in gebruik door %s")
	msgIDUnique      = message.New("ids are unique across the register and never reused: choose another",
		"een id komt maar één keer voor in het register en wordt nooit hergebruikt: kies een ander id")
	msgRenameValidID = message.New("rename the file to <id>.yaml with an id of 2 to 63 lower-case letters a-z, digits and hyphens, starting with a letter or digit, and set id: to the same",
		"hernoem het bestand naar <id>.yaml met een id van 2 tot 63 kleine letters a-z, cijfers en koppeltekens, dat begint met een letter of cijfer, en zet id: op hetzelfde")
	msgOutsideNL = message.New("the sensor's position (%.5f, %.5f) lies outside the Netherlands",
		"de positie van de sensor (%.5f, %.5f) ligt buiten Nederland")
	msgCheckPoint = message.New("check the coordinates: point is WGS84 latitude and longitude in degrees",
		"controleer de coördinaten: point is WGS84-breedtegraad en -lengtegraad in graden")
	msgCheckPointRD = message.New("check the coordinates: point_rd is Rijksdriehoek x and y in metres",
		"controleer de coördinaten: point_rd is Rijksdriehoek-x en -y in meters")
	msgLatLonSwapped = message.New("lat and lon look swapped: lat is about 51-53 in the Netherlands, lon about 3-7",
		"lat en lon lijken verwisseld: in Nederland is lat ongeveer 51-53 en lon ongeveer 3-7")
	msgUsesAlgorithm = message.New("uses_sensors names %q, which is an algorithm", "uses_sensors noemt %q, maar dat is een algoritme")
	msgOnlySensors   = message.New("list only sensors here", "noem hier alleen sensoren")
	msgUsesMissing   = message.New("uses_sensors names %q, which is not in the register", "uses_sensors noemt %q, maar die staat niet in het register")
	msgAddSensor     = message.New("add the sensor's record, or correct the id", "voeg de registratie van de sensor toe, of verbeter het id")
)

// What loading says of a file or folder it cannot read as a record.
var (
	msgFolderInside = message.New("folders inside %s/ are not read", "mappen in %s/ worden niet gelezen")
	msgPutDirectly  = message.New("put each record directly in %s/ as <id>.yaml", "zet elke registratie direct in %s/ als <id>.yaml")
	msgFolderLink   = message.New("%s/ is a symlink to a folder outside the register; its files are not read",
		"%s/ is een symlink naar een map buiten het register; de bestanden daarin worden niet gelezen")
	msgKeepFolders = message.New("keep the record folders inside the register: replace the symlink with the folder itself",
		"houd de mappen met registraties binnen het register: vervang de symlink door de map zelf")
	msgNotRecordFile = message.New("%s is not read: the name of a record file ends in .yaml",
		"%s wordt niet gelezen: de naam van een registratiebestand eindigt op .yaml")
	msgRenameTo      = message.New("rename it to %s.yaml", "hernoem het naar %s.yaml")
	msgRenameToSetID = message.New("rename it to %[1]s.yaml and set id: %[1]s", "hernoem het naar %[1]s.yaml en zet id: %[1]s")
	msgRenameAfterID = message.New("rename it to <id>.yaml, after the id of the record in it",
		"hernoem het naar <id>.yaml, naar het id van de registratie erin")
	msgAlreadyThere = message.New("%s is there already: take over what this file adds, and remove this one",
		"%s bestaat al: neem daarin over wat dit bestand toevoegt, en verwijder dit bestand")
	msgCouldNotRead = message.New("could not read this file (%v)", "dit bestand kon niet worden gelezen (%v)")
	msgReportBug    = message.New("report this as a bug, with the file", "meld dit als fout in het programma, met het bestand erbij")
	msgWrongFolder  = message.New("records live in sensors/ or algorithms/", "registraties staan in sensors/ of algorithms/")
	msgMoveToKind   = message.New("move the file into the folder of its kind", "verplaats het bestand naar de map van zijn soort")
	msgKeepPlain    = message.New("keep record files as plain files inside the register",
		"houd registraties als gewone bestanden binnen het register")
	msgCannotRead       = message.New("file cannot be read: %s", "bestand kan niet worden gelezen: %s")
	msgCheckPermissions = message.New("check the file's permissions: whoever runs register must be allowed to read it",
		"controleer de rechten van het bestand: wie register draait, moet het mogen lezen")
	msgLinkNowhere = message.New("symlink leads nowhere: %s", "symlink leidt nergens heen: %s")
	msgLinkLoops   = message.New("symlink leads in a loop: it points back to itself, directly or through other symlinks",
		"symlink gaat in een kring: hij wijst terug naar zichzelf, direct of via andere symlinks")
	msgLinkOutside = message.New("symlink leads outside the register", "symlink leidt naar buiten het register")
	msgNotRegular  = message.New("not a regular file", "geen gewoon bestand")
	msgGrewTooBig  = message.New("file is more than the limit of %d bytes", "bestand is groter dan de grens van %d bytes")
	msgNotAMapping = message.New("a record is a mapping of fields", "een registratie is een mapping van velden")
	msgStartWithID = message.New("start with 'id: ...' on the first line", "begin met 'id: ...' op de eerste regel")
)

// worded gives f its message and help in English and in Dutch.
func worded(f finding.Finding, msg, help message.Phrase) finding.Finding {
	f.Message, f.Help = msg.Pair(), help.Pair()
	return f
}

// unreadable is why a file could not be read, with what to do about it.
type unreadable struct{ msg, help message.Phrase }

// cannotRead is a file that is no plain file inside the register.
func cannotRead(msg message.Phrase) *unreadable {
	return &unreadable{msg, msgKeepPlain.With()}
}

// cannotOpen is why a file could not be opened or read, as the system said
// (err): without permission to read it, the help is to see to that, not
// to keep it a plain file, which it is.
func cannotOpen(err error) *unreadable {
	if errors.Is(err, fs.ErrPermission) {
		return &unreadable{msgCannotRead.With(osError{err}), msgCheckPermissions.With()}
	}
	return cannotRead(msgCannotRead.With(osError{err}))
}

// What the system said when a file could not be opened or read.
var (
	msgNoSuchFile = message.New("no such file or directory", "het bestand bestaat niet")
	msgNoAccess   = message.New("permission denied", "geen toegang")
	msgLinkLoop   = message.New("too many levels of symbolic links", "te veel symlinks achter elkaar")
)

// osError is the system's reason a file could not be read, without the
// path (the finding names the file): in Dutch for the common reasons, as
// the system words it otherwise.
type osError struct{ err error }

func (e osError) In(lang string) string {
	var t *message.Text
	switch {
	case errors.Is(e.err, fs.ErrNotExist):
		t = msgNoSuchFile
	case errors.Is(e.err, fs.ErrPermission):
		t = msgNoAccess
	case errors.Is(e.err, syscall.ELOOP):
		t = msgLinkLoop
	}
	if t == nil || lang != message.Dutch {
		// The English stays the system's own words.
		return plainErr(e.err)
	}
	return t.In(lang)
}

// Why a root is not a register.
var (
	msgRootNotFolder = message.New("not a register: %s is not a folder; pass --root with the folder that holds sensors/ and algorithms/",
		"geen register: %s is geen map; geef met --root de map op waarin sensors/ en algorithms/ staan")
	msgRootNoFolders = message.New("not a register: %s has no sensors/ or algorithms/ folder; pass --root with the folder that holds them, or start one with 'register init'",
		"geen register: %s heeft geen map sensors/ of algorithms/; geef met --root de map op waarin die staan, of begin een register met 'register init'")
)
