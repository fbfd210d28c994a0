package federate

import (
	"encoding/json"
	"errors"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
)

// A problem is why a register could not be read, worded in Dutch for the
// national site and in either language for the report; cause, when set,
// is what the system said (in English), shown after it.
type problem struct {
	what  message.Phrase
	cause error
}

func (p *problem) Error() string { return p.In(message.English) }

func (p *problem) Unwrap() error { return p.cause }

// In is the problem in lang, with its cause.
func (p *problem) In(lang string) string {
	s := p.what.In(lang)
	if p.cause != nil {
		s += ": " + p.cause.Error()
	}
	return s
}

// fail is a problem worded by what with args, and the cause when not nil.
func fail(cause error, what *message.Text, args ...any) error {
	return &problem{what: what.With(args...), cause: cause}
}

// Why a register could not be read.
var (
	msgNotAFolder = message.New("%s is not a folder: give the register's folder, a clone URL or its register.json",
		"%s is geen map: geef de map van het register, een kloon-URL of zijn register.json")
	msgNoRegister = message.New("%s is not a register: it has no sensors/ or algorithms/ folder",
		"%s is geen register: er is geen map sensors/ of algorithms/")
	msgReadRegister = message.New("read register %s", "register %s lezen")
	msgRead         = message.New("read %s", "%s lezen")
	msgNotRegular   = message.New("read %s: not a regular file", "%s lezen: geen gewoon bestand")
	msgTooLarge     = message.New("read %s: more than %d bytes; a register's open data is far smaller",
		"%s lezen: meer dan %d bytes; de open data van een register is veel kleiner")
	msgTooLargeInAll = message.New("read %s: the open data is more than %d bytes in all; a register's open data is far smaller",
		"%s lezen: de open data is samen meer dan %d bytes; de open data van een register is veel kleiner")
	msgNotOpenData = message.New("read %s: not a register's open data (register.json): %s",
		"%s lezen: geen open data van een register (register.json): %s")
	msgNoRecords = message.New(`read %s: no "records" list and no "parts": this is not a register's open data (data/register.json of its site)`,
		`%s lezen: geen lijst "records" en geen "parts": dit is geen open data van een register (data/register.json van zijn site)`)
	msgNotAPart = message.New("read %s: not a part of a register's open data: %s",
		"%s lezen: geen deel van de open data van een register: %s")
	msgPartNoRecords = message.New(`read %s: no "records" list: this is not a part of a register's open data`,
		`%s lezen: geen lijst "records": dit is geen deel van de open data van een register`)
	msgBadPart = message.New(`read %s: part %q is not a path to a JSON file beside register.json, such as "register/1.json"`,
		`%s lezen: deel %q is geen pad naar een JSON-bestand naast register.json, zoals "register/1.json"`)
	msgNotCloned = message.New("%s has not been cloned yet: run with --fetch to clone it (nothing is fetched without it)",
		"%s is nog niet gekloond: draai met --fetch om het te klonen (zonder dat wordt niets opgehaald)")
	msgNotDownloaded = message.New("%s has not been downloaded yet: run with --fetch to download it (nothing is fetched without it)",
		"%s is nog niet gedownload: draai met --fetch om het te downloaden (zonder dat wordt niets opgehaald)")
	msgClone          = message.New("clone %s", "%s klonen")
	msgDownload       = message.New("download %s", "%s downloaden")
	msgServerAnswered = message.New("download %s: the server answered %s", "%s downloaden: de server antwoordde %s")
	msgDownloadTooBig = message.New("download %s: more than %d bytes; a register's open data is far smaller",
		"%s downloaden: meer dan %d bytes; de open data van een register is veel kleiner")
	msgNoPart = message.New("no part in the cache (%v): run the shard that reads this register first",
		"geen deel in de cache (%v): draai eerst de shard die dit register leest")
	msgBug = message.New("could not be read (%v); report this as a bug", "kon niet worden gelezen (%v); meld dit als fout")
	// A problem not worded here: what the system said, in English.
	msgOther = message.New("could not be read: %v", "kon niet worden gelezen: %v")
)

// wordedReason is err in both languages: a problem's or a shard's words,
// or what the system said.
func wordedReason(err error) label.Text {
	var w interface {
		error
		message.Lingual
	}
	if errors.As(err, &w) {
		return label.Text{w.In(message.Dutch), w.In(message.English)}
	}
	return msgOther.With(err).Pair()
}

// A shard keeps the reason it could not read a register for the merge,
// in both languages.
func encodeReason(t label.Text) []byte {
	data, _ := json.Marshal(map[string]string{message.Dutch: t.In(message.Dutch), message.English: t.In(message.English)})
	return data
}

// decodeReason reads what encodeReason wrote; a shard's reason of an
// older version, plain text, reads as that text in both languages.
func decodeReason(data []byte) label.Text {
	var m map[string]string
	if json.Unmarshal(data, &m) == nil && m[message.English] != "" {
		return label.Text{m[message.Dutch], m[message.English]}
	}
	return label.Text{string(data), string(data)}
}

// shardReason is the error of a register a shard could not read.
type shardReason struct{ text label.Text }

func (s shardReason) Error() string { return s.In(message.English) }

func (s shardReason) In(lang string) string { return s.text.In(lang) }
