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

// reason is the problem as the national site publishes it, to be worded
// from known words only: a place on the machine that builds the site
// named as federation.yaml's source gives it (name), an address without
// its credentials, and the register's own links and numbers. Any other
// argument, and what the system said, could name the machine: they are
// left out, the cause told only by a known word (causeWord).
func (p *problem) reason(name func(place) (named, bool)) reason {
	r := reason{What: p.what.In(message.English), Args: make([]reasonArg, len(p.args))}
	for i, a := range p.args {
		switch a := a.(type) {
		case place:
			if n, ok := name(a); ok {
				r.Args[i] = reasonArg{Kind: argPlace, Text: n.rel, Beside: n.beside}
			} else {
				r.Args[i] = reasonArg{Kind: argElsewhere}
			}
		case address:
			r.Args[i] = reasonArg{Kind: argAddress, Text: publicSource(string(a))}
		case link:
			r.Args[i] = reasonArg{Kind: argLink, Text: string(a)}
		case cached:
			r.Args[i] = reasonArg{Kind: argCached, Text: a.name}
		case int:
			r.Args[i] = reasonArg{Kind: argNumber, N: int64(a)}
		case int64:
			r.Args[i] = reasonArg{Kind: argNumber, N: a}
		case jsonSpot:
			r.Args[i] = reasonArg{Kind: argSpot, N: int64(a.line), Col: a.col}
		default:
			r.Args[i] = reasonArg{Kind: argHidden}
		}
	}
	if w := causeWord(p.cause); w != nil {
		r.Cause = w.In(message.English)
	}
	return r
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

// A cached is a file of the cache: the site names it from the cache's
// folder (name), the operator's report in full.
type cached struct{ cache, name string }

func (c cached) String() string { return filepath.Join(c.cache, filepath.FromSlash(c.name)) }

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

// named is a place as the site names it: a path (rel, "." for itself)
// within the source as federation.yaml gives it, or within the folder
// the source lies in (beside).
type named struct {
	beside bool
	rel    string
}

// in is the name under the member's source src as written.
func (n named) in(src string) string {
	base := publicSource(src)
	if n.beside {
		base = dirOf(base)
	}
	switch {
	case n.rel == "." || n.rel == "":
		return base
	case base == "" || strings.HasSuffix(base, "/"):
		return base + n.rel
	}
	return base + "/" + n.rel
}

// placeNames names the places of a member's problems as federation.yaml
// gives its source: the source itself, or a path within it or beside it
// (a folder's register/, a part beside register.json) written after it.
// Where a fetched source lies in the cache is named by the source too;
// any other place it does not name.
func placeNames(m Member, dir, cache string) func(place) (named, bool) {
	type root struct {
		local  string
		beside bool
	}
	var roots []root
	kind, remote := kindOf(m.Source)
	if remote {
		local := fetchedPath(cache, m)
		roots = []root{{local + openDataSuffix, false}, {local + partsSuffix, true}, {local, false}}
	} else {
		p := m.Source
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		roots = []root{{p, false}}
		if kind == OpenData {
			// The parts lie beside register.json (resolve's base).
			roots = append(roots, root{filepath.Dir(p), true})
		}
	}
	return func(pl place) (named, bool) {
		for _, r := range roots {
			rel, err := filepath.Rel(filepath.Clean(r.local), filepath.Clean(string(pl)))
			if err != nil || !filepath.IsLocal(rel) {
				continue
			}
			return named{r.beside, filepath.ToSlash(rel)}, true
		}
		return named{}, false
	}
}

// dirOf is the folder of a source as written, with its slash: "../a/" of
// "../a/register.json", "" of "register.json".
func dirOf(src string) string {
	return src[:strings.LastIndexAny(src, `/\`)+1]
}

// Why a register could not be read.
var (
	msgNotAFolder = reasonText("%s is not a folder: give the register's folder, a clone URL or its register.json",
		"%s is geen map: geef de map van het register, een kloon-URL of zijn register.json")
	msgNoRegister = reasonText("%s is not a register: it has no sensors/ or algorithms/ folder",
		"%s is geen register: er is geen map sensors/ of algorithms/")
	msgReadRegister     = reasonText("read register %s", "register %s lezen")
	msgConfigUnreadable = reasonText("%s does not read: ask the municipality to correct it; 'register check' says where it goes wrong",
		"%s is niet te lezen: vraag de gemeente het te verbeteren; 'register check' zegt waar het misgaat")
	msgRead       = reasonText("read %s", "%s lezen")
	msgNotRegular = reasonText("read %s: not a regular file", "%s lezen: geen gewoon bestand")
	msgTooLarge   = reasonText("read %s: more than %d bytes; a register's open data is far smaller",
		"%s lezen: meer dan %d bytes; de open data van een register is veel kleiner")
	msgTooLargeInAll = reasonText("read %s: the open data is more than %d bytes in all; a register's open data is far smaller",
		"%s lezen: de open data is samen meer dan %d bytes; de open data van een register is veel kleiner")
	msgNotOpenData = reasonText("read %s: not a register's open data (register.json): %s",
		"%s lezen: geen open data van een register (register.json): %s")
	msgNoRecords = reasonText(`read %s: no "records" list and no "parts": this is not a register's open data (data/register.json of its site)`,
		`%s lezen: geen lijst "records" en geen "parts": dit is geen open data van een register (data/register.json van zijn site)`)
	msgNotAPart = reasonText("read %s: not a part of a register's open data: %s",
		"%s lezen: geen deel van de open data van een register: %s")
	msgPartNoRecords = reasonText(`read %s: no "records" list: this is not a part of a register's open data`,
		`%s lezen: geen lijst "records": dit is geen deel van de open data van een register`)
	msgBadPart = reasonText(`read %s: part %q is not a path to a JSON file beside register.json, such as "register/1.json"`,
		`%s lezen: deel %q is geen pad naar een JSON-bestand naast register.json, zoals "register/1.json"`)
	msgNotCloned = reasonText("%s has not been cloned yet: run with --fetch to clone it (nothing is fetched without it)",
		"%s is nog niet gekloond: draai met --fetch om het te klonen (zonder dat wordt niets opgehaald)")
	msgNotDownloaded = reasonText("%s has not been downloaded yet: run with --fetch to download it (nothing is fetched without it)",
		"%s is nog niet gedownload: draai met --fetch om het te downloaden (zonder dat wordt niets opgehaald)")
	msgClone          = reasonText("clone %s", "%s klonen")
	msgDownload       = reasonText("download %s", "%s downloaden")
	msgServerAnswered = reasonText("download %s: the server answered HTTP %d", "%s downloaden: de server antwoordde HTTP %d")
	msgDownloadTooBig = reasonText("download %s: more than %d bytes; a register's open data is far smaller",
		"%s downloaden: meer dan %d bytes; de open data van een register is veel kleiner")
	msgNoPart = reasonText("no part in the cache: run the shard that reads this register first",
		"geen deel in de cache: draai eerst de shard die dit register leest")
	msgStalePart = reasonText("%s in the cache was made by another version of register, or for another entry of federation.yaml: run the job of this register's province again with this version, then --merge",
		"%s in de cache is gemaakt door een andere versie van register, of voor een andere regel van federation.yaml: draai de job van de provincie van dit register opnieuw met deze versie, en dan --merge")
	msgBug = reasonText("could not be read; report this as a bug", "kon niet worden gelezen; meld dit als fout")
	// A problem not worded here: what the system said, in English.
	msgOther = message.New("could not be read: %v", "kon niet worden gelezen: %v")
	// The same, as the site publishes it (reasonFor).
	msgNotReadable = reasonText("could not be read", "kon niet worden gelezen")
	// A place the site does not name, or another argument it leaves out
	// (problem.reason).
	msgElsewhere = message.New("a file of the machine that builds the national site", "een bestand op de computer die de landelijke site bouwt")
	msgNotShown  = message.New("(left out)", "(weggelaten)")
	// What the system said, in words the site publishes (causeWord).
	msgCauseMissing = causeText("not found", "niet gevonden")
	msgCauseDenied  = causeText("no permission", "geen toegang")
	msgCauseTimeout = causeText("it took too long", "het duurde te lang")
	// Where JSON went wrong (jsonSpot).
	msgLineCol = message.New("line %d, column %d", "regel %d, kolom %d")
	// JSON that does not read, where no line is known.
	msgNotJSON = message.New("it does not read as JSON", "het is geen leesbare JSON")
)

// reasonTexts are the texts a reason may be worded in (reasonText), by
// their English: a reason kept in the cache names one, and another text is
// never published.
var reasonTexts = map[string]*message.Text{}

// reasonText declares a text of why a register could not be read.
func reasonText(en, nl string) *message.Text {
	t := message.New(en, nl)
	reasonTexts[en] = t
	return t
}

// causeTexts are the known causes (causeWord), by their English.
var causeTexts = map[string]*message.Text{}

// causeText declares a known cause, as reasonText declares a reason.
func causeText(en, nl string) *message.Text {
	t := message.New(en, nl)
	causeTexts[en] = t
	return t
}

// A reason is why a register could not be read, as the national site
// publishes it and as a shard keeps it for the merge: a known text
// (reasonTexts) by its English, its arguments each of a known kind, and a
// known cause. The merge words it anew from these (words), so no text a
// shard stored, of this version or another, is published as it stands.
type reason struct {
	// Key is the member's partKey without a source: a reason of another
	// version, or of another entry of federation.yaml, is not read.
	Key   string      `json:"key,omitempty"`
	What  string      `json:"what"`
	Args  []reasonArg `json:"args,omitempty"`
	Cause string      `json:"cause,omitempty"`
}

// A reasonArg is an argument of a reason, by its kind.
type reasonArg struct {
	Kind string `json:"kind"`
	// Text is a place's path within its source (named), an address, a
	// link, or a file of the cache from its folder.
	Text   string `json:"text,omitempty"`
	Beside bool   `json:"beside,omitempty"` // a place in the source's folder
	N      int64  `json:"n,omitempty"`      // a number; the line of a spot in JSON
	Col    int    `json:"col,omitempty"`    // the column of a spot in JSON
}

// The kinds of a reason's arguments.
const (
	argPlace     = "place"     // named
	argAddress   = "address"   // address
	argLink      = "link"      // link
	argCached    = "cached"    // cached
	argNumber    = "number"    // int, int64
	argSpot      = "spot"      // jsonSpot
	argElsewhere = "elsewhere" // a place the site does not name
	argHidden    = "hidden"    // any other argument
)

// words is the reason in both languages as the site publishes it, places
// named under the member's source src as written; false when it names a
// text or a cause that is not known, or its arguments are not the text's.
func (r reason) words(src string) (label.Text, bool) {
	t := reasonTexts[r.What]
	var cause *message.Text
	if r.Cause != "" {
		cause = causeTexts[r.Cause]
	}
	verbs, err := message.Verbs(r.What)
	if t == nil || err != nil || len(verbs) != len(r.Args) || r.Cause != "" && cause == nil {
		return label.Text{}, false
	}
	args := make([]any, len(r.Args))
	for i, a := range r.Args {
		switch {
		case a.Kind == argPlace && (a.Text == "" || filepath.IsLocal(filepath.FromSlash(a.Text))):
			args[i] = named{a.Beside, a.Text}.in(src)
		case a.Kind == argAddress:
			if _, remote := kindOf(a.Text); remote {
				args[i] = publicSource(a.Text)
			} else {
				args[i] = msgNotShown
			}
		case a.Kind == argLink:
			args[i] = a.Text
		case a.Kind == argCached && filepath.IsLocal(filepath.FromSlash(a.Text)):
			args[i] = a.Text
		case a.Kind == argNumber:
			args[i] = a.N
		case a.Kind == argSpot:
			args[i] = jsonSpot{line: int(a.N), col: a.Col}.public()
		case a.Kind == argPlace, a.Kind == argElsewhere:
			args[i] = msgElsewhere
		case a.Kind == argHidden:
			args[i] = msgNotShown
		default:
			return label.Text{}, false
		}
	}
	word := func(lang string) string {
		s := t.Format(lang, args...)
		if cause != nil {
			s += ": " + cause.In(lang)
		}
		return s
	}
	return label.Text{word(message.Dutch), word(message.English)}, true
}

// reasonFor is err as the national site publishes it (problem.reason),
// with name naming places; a shard's reason as the shard kept it; else
// that it could not be read, with a known cause.
func reasonFor(err error, name func(place) (named, bool)) reason {
	var p *problem
	var s shardReason
	switch {
	case errors.As(err, &p):
		return p.reason(name)
	case errors.As(err, &s):
		return s.reason
	}
	r := reason{What: msgNotReadable.In(message.English)}
	if w := causeWord(err); w != nil {
		r.Cause = w.In(message.English)
	}
	return r
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

// public is the reason as the site gives it for a member whose source is
// src: its words, or that the register could not be read when they are
// not known.
func (r reason) public(src string) label.Text {
	if t, ok := r.words(src); ok {
		return t
	}
	return msgNotReadable.With().Pair()
}

// encodeReason is the reason a shard keeps for the merge, of member m.
func encodeReason(r reason, m Member) []byte {
	r.Key = partKey(m, "", "")
	data, _ := json.Marshal(r)
	return data
}

// decodeReason reads the reason a shard kept for member m (failed, a
// file of the cache), worded under m's source; an error saying so when it
// is not this version's reason for m as federation.yaml now gives it, or
// names words not known.
func decodeReason(data []byte, m Member, failed cached) error {
	var r reason
	if json.Unmarshal(data, &r) == nil && r.Key == partKey(m, "", "") {
		if t, ok := r.words(m.Source); ok {
			return shardReason{r, t}
		}
	}
	return fail(nil, msgStalePart, failed)
}

// shardReason is the error of a register a shard could not read: its
// reason, and that worded.
type shardReason struct {
	reason reason
	text   label.Text
}

func (s shardReason) Error() string { return s.In(message.English) }

func (s shardReason) In(lang string) string { return s.text.In(lang) }
