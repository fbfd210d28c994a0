package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record's own text that quotes what it withholds keeps the record off
// the site (Check). Another record's text may quote it too: the purpose of
// an algorithm naming the spot of a camera whose position is withheld, or
// the name of a record that is not public. Texts finds those quotes in
// every record's free text and puts "niet openbaar" in their place, so
// what one record keeps back does not reach the public through another.

// Texts is what the filter takes out of the texts of the views of one
// register: the ids and names of the records that are not public, and
// the free-text values and precise numbers every record withholds.
//
// A text that a public record shows as the whole value of the same field
// as the one where another record withholds it is public: two algorithms
// read the BRP, one withholds its datasets, and the other's still names
// the BRP as its dataset. What the one keeps back is that it reads it,
// not the name. Shown in another field, it is a secret still: a link to
// the address of a withheld dataset is no public dataset. A value a
// record withholds by itself (the url of a DPIA that does not say
// public: true, the municipality's internal copy) is never taken as
// public this way, nor is a number: a withheld position's latitude may be
// a corner of another sensor's area, and the pair is still the secret.
type Texts struct {
	// secrets are all of them, for the texts the filter writes itself
	// (findings, reasons, commit subjects): hidden names of two bytes or
	// more and quotable withheld values.
	secrets []string
	// texts are the secrets that a public record may show as its own
	// (all but numbers), by wholeKey: the fields (named, without list
	// indexes: "datasets.name") where they are withheld, a record's name
	// and id as "name" and "id". "" among them: a value a record withholds
	// by itself, never shown as public.
	texts map[string][]string
	// quoted finds those lookedFor takes in a record's texts,
	// whatever their case; nil when there are none.
	quoted *textIndex
	// quotable are the quotable withheld values of every record the
	// secrets were read of (quotable: its texts, then its numbers), none
	// left out: what FreeText takes out besides the secrets
	// (registerSecrets), read once.
	quotable []string
}

// TextsOf returns the Texts of the records recs (as loaded), those that
// a public record among them shows as its own left out.
func TextsOf(recs []*record.Record) *Texts {
	t := secretsOf(recs)
	if len(t.texts) > 0 {
		t.except(publicTexts(recs, t))
	}
	return t
}

// secretsOf returns the Texts of the records recs with every secret.
func secretsOf(recs []*record.Record) *Texts {
	// Each record's are read on their own, several at once, and put
	// together in the records' order.
	type of struct {
		names, words, numbers []string
		at                    map[string][]string // words' fields (quotableAt)
	}
	each := make([]of, len(recs))
	parallel.Each(len(recs), func(i int) {
		r := recs[i]
		if r == nil {
			return
		}
		var names []string
		if !r.IsPublic() {
			names = hiddenNames(r)
		}
		words, numbers, at := quotableAt(r)
		each[i] = of{names, words, numbers, at}
	})
	t := &Texts{texts: map[string][]string{}}
	role := func(w, field string) {
		k := wholeKey(w)
		if !slices.Contains(t.texts[k], field) {
			t.texts[k] = append(t.texts[k], field)
		}
	}
	for _, e := range each {
		for i, w := range e.names {
			t.secrets = append(t.secrets, w)
			role(w, []string{"id", "name"}[min(i, 1)])
		}
		for _, w := range e.words {
			t.secrets = append(t.secrets, w)
			for _, field := range e.at[w] {
				role(w, field)
			}
		}
		t.secrets = append(t.secrets, e.numbers...)
		t.quotable = append(append(t.quotable, e.words...), e.numbers...)
	}
	t.index()
	return t
}

// TextsKept keeps, from one RegisterKept to the next, what was read of
// each record's texts: the records, by ID, whose views quote no secret
// but the texts they show whole, with those texts, for the same secrets
// and Salt. A build after one change reads the texts of that one record;
// serve keeps one in its Memo, a build command hands one to the next
// process (Bytes, Read).
type TextsKept struct {
	// Salt is what else the reading depends on: the program.
	Salt string
	// ID names a record as loaded across builds: it changes when anything
	// of the record does (the site: the hash of its file). ok false: the
	// record is read.
	ID func(r *record.Record) (id [sha256.Size]byte, ok bool)

	mu    sync.Mutex
	key   [sha256.Size]byte // of the salt and the secrets clean was read for
	clean map[[sha256.Size]byte][]string
	now   map[[sha256.Size]byte][]string // this build's clean
}

// start readies k to read the views for the secrets of t: what was read
// for other secrets is let go.
func (k *TextsKept) start(t *Texts) {
	h := sha256.New()
	h.Write(appendLen(nil, k.Salt))
	for _, s := range t.secrets {
		h.Write(appendLen(nil, s))
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	k.mu.Lock()
	defer k.mu.Unlock()
	if key != k.key {
		k.key, k.clean = key, nil
	}
	k.now = map[[sha256.Size]byte][]string{}
}

// appendLen appends s with its length before it, so that no two lists of
// strings hash alike.
func appendLen(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	return append(append(b, ':'), s...)
}

// look is Texts.look of the view v of the record r, kept.
func (k *TextsKept) look(t *Texts, r, v *record.Record, shown func(key string)) bool {
	if k == nil {
		return t.look(v, shown)
	}
	var id [sha256.Size]byte
	named := false
	if k.ID != nil {
		id, named = k.ID(r)
	}
	var whole []string
	known := false
	if named {
		k.mu.Lock()
		whole, known = k.clean[id]
		k.mu.Unlock()
	}
	quotes := false
	if !known {
		quotes = t.look(v, func(key string) { whole = append(whole, key) })
	}
	for _, key := range whole {
		shown(key)
	}
	if named && !quotes {
		k.mu.Lock()
		k.now[id] = whole
		k.mu.Unlock()
	}
	return quotes
}

// done lets go of what this build did not read.
func (k *TextsKept) done() {
	if k == nil {
		return
	}
	k.mu.Lock()
	k.clean, k.now = k.now, nil
	k.mu.Unlock()
}

// textsKeptHeader opens what Bytes writes.
const textsKeptHeader = "register-texts 4\n"

// Bytes returns what k knows of the records by ID, for Read in the next
// process: the key they were read for, and each record's ID with the text
// secrets it shows whole.
func (k *TextsKept) Bytes() []byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	ids := make([][sha256.Size]byte, 0, len(k.clean))
	for id := range k.clean {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) })
	out := make([]byte, 0, len(textsKeptHeader)+(sha256.Size+1)*(1+len(ids)))
	out = append(append(out, textsKeptHeader...), k.key[:]...)
	for _, id := range ids {
		out = append(out, id[:]...)
		out = binary.AppendUvarint(out, uint64(len(k.clean[id])))
		for _, s := range k.clean[id] {
			out = binary.AppendUvarint(out, uint64(len(s)))
			out = append(out, s...)
		}
	}
	return out
}

// Read takes in what Bytes wrote; anything else (damaged, cut short, of
// another format) is taken as nothing known.
func (k *TextsKept) Read(data []byte) {
	rest, ok := bytes.CutPrefix(data, []byte(textsKeptHeader))
	if !ok || len(rest) < sha256.Size {
		return
	}
	key := [sha256.Size]byte(rest[:sha256.Size])
	rest = rest[sha256.Size:]
	clean := make(map[[sha256.Size]byte][]string, len(rest)/(sha256.Size+1))
	// The texts records show whole are few, each shown by many records:
	// each is held once.
	held := map[string]string{}
	uvarint := func() (int, bool) {
		n, size := binary.Uvarint(rest)
		if size <= 0 || n > uint64(len(rest)) {
			return 0, false
		}
		rest = rest[size:]
		return int(n), true
	}
	for len(rest) > 0 {
		if len(rest) < sha256.Size {
			return
		}
		id := [sha256.Size]byte(rest[:sha256.Size])
		rest = rest[sha256.Size:]
		n, ok := uvarint()
		if !ok {
			return
		}
		var shown []string
		for range n {
			l, ok := uvarint()
			if !ok || l > len(rest) {
				return
			}
			text, ok := held[string(rest[:l])]
			if !ok {
				text = string(rest[:l])
				held[text] = text
			}
			shown = append(shown, text)
			rest = rest[l:]
		}
		clean[id] = shown
	}
	k.mu.Lock()
	k.key, k.clean = key, clean
	k.mu.Unlock()
}

// except leaves out the texts that a public record shows as its own in
// every field where they are withheld (shown by shownKey), and none that
// a record withholds by itself.
func (t *Texts) except(shown map[string]bool) {
	if len(shown) == 0 {
		return
	}
	public := func(s string) bool {
		k := wholeKey(s)
		fields := t.texts[k]
		for _, f := range fields {
			if f == "" || !shown[shownKey(k, f)] {
				return false
			}
		}
		return len(fields) > 0
	}
	t.secrets = slices.DeleteFunc(t.secrets, public)
	t.index()
}

// shownKey names a text (by wholeKey) shown whole in a field (named).
func shownKey(key, field string) string { return key + "\x00" + field }

func (t *Texts) index() {
	var looked []string
	for _, s := range t.secrets {
		if lookedFor(s) {
			looked = append(looked, s)
		}
	}
	t.quoted = nil
	if len(looked) > 0 {
		t.quoted = newTextIndex(looked)
	}
}

// look reads the texts of v, a public view, and tells whether any quotes
// a secret, and adds to shown each text secret that one of them is whole
// in a field where it is withheld (by shownKey, which except then leaves
// out).
func (t *Texts) look(v *record.Record, shown func(key string)) bool {
	if t.quoted == nil {
		return false
	}
	quotes := false
	var sc scratch
	eachText(v, func(s *string, w *textWalk) bool {
		if !t.quoted.contains(*s) {
			return true
		}
		// A text that is a text secret whole is the record's own, and
		// no quote once except has left it out.
		whole := strings.TrimSpace(*s)
		k, field := wholeKey(whole), ""
		if t.quoted.at(whole, 0, &sc) == len(whole) {
			field = strings.Join(namedSegs(w.Path()), ".")
		}
		if field != "" && slices.Contains(t.texts[k], field) {
			shown(shownKey(k, field))
		} else {
			quotes = true
		}
		return true
	})
	return quotes
}

// publicTexts returns which of t's texts a public record among recs
// shows as the whole value of a free-text field it does not withhold (by
// shownKey).
func publicTexts(recs []*record.Record, t *Texts) map[string]bool {
	shown := map[string]bool{}
	for _, r := range recs {
		if v := View(r); v != nil {
			t.look(v, func(key string) { shown[key] = true })
		}
	}
	return shown
}

// wholeKey is what two whole values that are the same text in another
// case have in common.
func wholeKey(s string) string { return foldASCII(strings.ToLower(strings.TrimSpace(s))) }

// Shown returns the view v with every quote of a secret in its free text
// replaced by "niet openbaar" (Dutch: the language records are written
// in), copied when that changes anything; v itself otherwise.
func (t *Texts) Shown(v *record.Record) *record.Record {
	if v == nil || t == nil || t.quoted == nil {
		return v
	}
	if !t.quotes(v) {
		return v
	}
	// An address that quotes a secret is left out whole, as if withheld:
	// "niet openbaar" in its place would make a link to a wrong address.
	var addresses []string
	eachText(v, func(s *string, w *textWalk) bool {
		if p := w.Path(); address(v.Kind, p) && t.quoted.contains(*s) {
			addresses = append(addresses, p)
		}
		return true
	})
	cp := clone(v, addresses)
	eachText(cp, func(s *string, _ *textWalk) bool {
		*s = t.scrubText(*s)
		return true
	})
	if len(addresses) > 0 {
		// Named in the view's list, so every output marks them.
		if cp.Publication == nil {
			cp.Publication = &record.Publication{}
		}
		cp.Publication.Withheld = append(slices.Clone(cp.Publication.Withheld), addresses...)
	}
	return cp
}

// quotesIn reports whether the text s, of a record's field, quotes a
// secret.
func (t *Texts) quotesIn(s string) bool {
	return t != nil && t.quoted != nil && t.quoted.contains(s)
}

// quotes reports whether a free text of r quotes a secret.
func (t *Texts) quotes(r *record.Record) bool {
	if t == nil || t.quoted == nil {
		return false
	}
	found := false
	eachText(r, func(s *string, _ *textWalk) bool {
		found = t.quoted.contains(*s)
		return !found
	})
	return found
}

// Quote is a record whose texts quote what another record keeps back
// (a withheld value, the name or id of a record that is not public): the
// public views show "niet openbaar" there.
type Quote struct {
	File   string   // the record's file, relative to the register
	Fields []string // the dotted paths of the texts, in the record's order
}

// Quoting lists the public records whose texts the filter changed because
// they quote another record's secret, by file: the steward is told, as the
// site shows "niet openbaar" in the middle of a sentence, and may rather
// withhold or rephrase the text.
func (p *Public) Quoting() []Quote {
	var out []Quote
	for r := range p.quoting {
		q := Quote{File: r.File}
		eachText(View(r), func(s *string, w *textWalk) bool {
			if p.texts.quoted.contains(*s) {
				q.Fields = append(q.Fields, w.Path())
			}
			return true
		})
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b Quote) int { return strings.Compare(a.File, b.File) })
	return out
}

// Quotes reports whether the texts of the loaded record r quote another
// record's secret, so that its view shows "niet openbaar" there: what its
// view shows then follows from every record's secrets (Hidden), not from
// r alone.
func (p *Public) Quotes(r *record.Record) bool { return p.quoting[r] }

// scrubText returns s, a free-text value, as Shown would show it.
func (t *Texts) scrubText(s string) string {
	if t == nil || t.quoted == nil {
		return s
	}
	return t.quoted.replace(s, NotPublicNL)
}

// clone returns a deep copy of the view v without the paths withheld:
// the fields of the YAML, the file's name and the position.
func clone(v *record.Record, withheld []string) *record.Record {
	cp := &record.Record{}
	copier{withheld: withheld}.copy(reflect.ValueOf(cp).Elem(), reflect.ValueOf(v).Elem(), nil)
	cp.File = v.File
	if v.Point != nil {
		p := *v.Point
		cp.Point = &p
	}
	return cp
}

// address reports whether the field at the dotted path of a record of
// kind holds a web address (a URL).
func address(kind record.Kind, path string) bool {
	return schemaOf(kind).urls[strings.Join(named(strings.Split(path, ".")), ".")]
}

// freeText reports whether the field at the dotted path of a record of
// kind holds text a person writes (kindSchema.free).
func freeText(kind record.Kind, path string) bool {
	return schemaOf(kind).free[strings.Join(named(strings.Split(path, ".")), ".")]
}

// quotable lists the withheld values of r that another record's text
// could quote: its withheld free text (what lookedFor takes, as Check
// does) and the forms of its withheld numbers that
// pin a value down: three decimals or more (a coordinate to a hundred
// metres), or six digits before the point (a Dutch grid coordinate);
// shorter ones (a year, a count, "ja") are in any text by chance.
func quotable(r *record.Record) (texts, numbers []string) {
	texts, numbers, _ = quotableAt(r)
	return texts, numbers
}

// quotableAt is quotable with the fields (named, without list indexes)
// where r withholds each text by its publication block, and "" where it
// withholds it by itself.
func quotableAt(r *record.Record) (texts, numbers []string, at map[string][]string) {
	var named []string
	if r.Publication != nil {
		named = r.Publication.Withheld
	}
	byBlock := func(path string) bool { return record.CoveredBy(named, path) }
	number := func(f float64) {
		for _, s := range numberForms(f) {
			whole, frac, _ := strings.Cut(strings.TrimPrefix(strings.Replace(s, ",", ".", 1), "-"), ".")
			if len(frac) >= 3 || len(whole) >= 6 {
				numbers = append(numbers, s)
			}
		}
	}
	eachWithheld(r, func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if s := strings.TrimSpace(v.String()); lookedFor(s) && freeText(r.Kind, path) {
				field := ""
				if byBlock(path) {
					field = strings.Join(namedSegs(path), ".")
				}
				if at == nil {
					at = map[string][]string{}
				}
				// An address's other forms are withheld where it is.
				for _, form := range append([]string{s}, urlForms(s)...) {
					texts = append(texts, form)
					if !slices.Contains(at[form], field) {
						at[form] = append(at[form], field)
					}
				}
			}
		case reflect.Int, reflect.Int64:
			number(float64(v.Int()))
		case reflect.Float64:
			number(v.Float())
		}
	})
	if PositionWithheld(r) && r.Point != nil {
		number(r.Point.Lat)
		number(r.Point.Lon)
	}
	slices.Sort(texts)
	slices.Sort(numbers)
	return slices.Compact(texts), slices.Compact(numbers), at
}

// namedSegs is the dotted path's fields, without list indexes.
func namedSegs(path string) []string { return named(strings.Split(path, ".")) }
