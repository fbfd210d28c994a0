package federate

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
)

// A problem is why a register could not be read, worded in Dutch for the
// national site and in either language for the report; cause, when set,
// is what the system said (in English), shown after it.
type problem struct {
	what  *message.Text
	args  []any
	cause error
}

func (p *problem) Error() string { return p.In(message.English) }

func (p *problem) Unwrap() error { return p.cause }

// In is the problem in lang, with its cause: the operator's full text.
func (p *problem) In(lang string) string {
	s := p.what.Format(lang, p.args...)
	if p.cause != nil {
		s += ": " + p.cause.Error()
	}
	return s
}

// public is the problem in lang as the national site publishes it, made
// only of known words: a place on the machine that builds the site named
// as federation.yaml's source gives it (name), an address without its
// credentials, and the register's own links and numbers. Any other
// argument, and what the system said, could name the machine: they are
// left out, the cause told only by a known word (causeWord).
func (p *problem) public(lang string, name func(place) (string, bool)) string {
	args := make([]any, len(p.args))
	for i, a := range p.args {
		switch a := a.(type) {
		case place:
			if n, ok := name(a); ok {
				args[i] = n
			} else {
				args[i] = msgElsewhere
			}
		case address:
			args[i] = publicSource(string(a))
		case link, int, int64:
			args[i] = a
		case jsonSpot:
			args[i] = a.public()
		default:
			args[i] = msgNotShown
		}
	}
	s := p.what.Format(lang, args...)
	if w := causeWord(p.cause); w != nil {
		s += ": " + w.In(lang)
	}
	return s
}

// fail is a problem worded by what with args, and the cause when not nil.
// A path on the machine is given as a place, a remote source as an
// address, so the site can name them (problem.public).
func fail(cause error, what *message.Text, args ...any) error {
	return &problem{what: what, args: args, cause: cause}
}

// A place is a path on the machine that builds the national site; the
// site names it by the source as federation.yaml gives it (placeNames).
type place string

// An address is a remote source or a part of one, published without the
// credentials a clone URL may carry.
type address string

// A link is a part of open data as its register.json links it.
type link string

// causeWord is what the system said, in known words the site may
// publish; nil when it is none of those.
func causeWord(err error) *message.Text {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return msgCauseMissing
	case errors.Is(err, fs.ErrPermission):
		return msgCauseDenied
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		return msgCauseTimeout
	}
	return nil
}

// placeNames names the places of a member's problems as federation.yaml
// gives its source: the source itself, or a path within it or beside it
// (a folder's register/, a part beside register.json) written after it.
// Where a fetched source lies in the cache is named by the source too;
// any other place it does not name.
func placeNames(m Member, dir, cache string) func(place) (string, bool) {
	type root struct{ local, public string }
	src := publicSource(m.Source)
	var roots []root
	kind, remote := kindOf(m.Source)
	if remote {
		local := fetchedPath(cache, m)
		roots = []root{{local + openDataSuffix, src}, {local + partsSuffix, dirOf(src)}, {local, src}}
	} else {
		p := m.Source
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		roots = []root{{p, src}}
		if kind == OpenData {
			// The parts lie beside register.json (resolve's base).
			roots = append(roots, root{filepath.Dir(p), dirOf(src)})
		}
	}
	return func(pl place) (string, bool) {
		for _, r := range roots {
			rel, err := filepath.Rel(filepath.Clean(r.local), filepath.Clean(string(pl)))
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
				continue
			}
			switch {
			case rel == ".":
				return r.public, true
			case r.public == "" || strings.HasSuffix(r.public, "/"):
				return r.public + filepath.ToSlash(rel), true
			default:
				return r.public + "/" + filepath.ToSlash(rel), true
			}
		}
		return "", false
	}
}

// dirOf is the folder of a source as written, with its slash: "../a/" of
// "../a/register.json", "" of "register.json".
func dirOf(src string) string {
	return src[:strings.LastIndexAny(src, `/\`)+1]
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
	msgServerAnswered = message.New("download %s: the server answered HTTP %d", "%s downloaden: de server antwoordde HTTP %d")
	msgDownloadTooBig = message.New("download %s: more than %d bytes; a register's open data is far smaller",
		"%s downloaden: meer dan %d bytes; de open data van een register is veel kleiner")
	msgNoPart = message.New("no part in the cache: run the shard that reads this register first",
		"geen deel in de cache: draai eerst de shard die dit register leest")
	msgBug = message.New("could not be read; report this as a bug", "kon niet worden gelezen; meld dit als fout")
	// A problem not worded here: what the system said, in English.
	msgOther = message.New("could not be read: %v", "kon niet worden gelezen: %v")
	// The same, as the site publishes it (publicReason).
	msgNotReadable = message.New("could not be read", "kon niet worden gelezen")
	// A place the site does not name, or another argument it leaves out
	// (problem.public).
	msgElsewhere = message.New("a file of the machine that builds the national site", "een bestand op de computer die de landelijke site bouwt")
	msgNotShown  = message.New("(left out)", "(weggelaten)")
	// What the system said, in words the site publishes (causeWord).
	msgCauseMissing = message.New("not found", "niet gevonden")
	msgCauseDenied  = message.New("no permission", "geen toegang")
	msgCauseTimeout = message.New("it took too long", "het duurde te lang")
	// Where JSON went wrong (jsonSpot).
	msgLineCol = message.New("line %d, column %d", "regel %d, kolom %d")
	// JSON that does not read, where no line is known.
	msgNotJSON = message.New("it does not read as JSON", "het is geen leesbare JSON")
)

// publicReason is err in both languages as the national site publishes
// it (problem.public), with name naming places; a shard's reason as the
// shard published it.
func publicReason(err error, name func(place) (string, bool)) label.Text {
	var p *problem
	var s shardReason
	switch {
	case errors.As(err, &p):
		return label.Text{p.public(message.Dutch, name), p.public(message.English, name)}
	case errors.As(err, &s):
		return s.text
	}
	t := label.Text{msgNotReadable.In(message.Dutch), msgNotReadable.In(message.English)}
	if w := causeWord(err); w != nil {
		t = label.Text{t.In(message.Dutch) + ": " + w.In(message.Dutch), t.In(message.English) + ": " + w.In(message.English)}
	}
	return t
}

// wordedReason is err in both languages: a problem's or a shard's words,
// or what the system said, in full.
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
