// Package publish is the one publication filter: it turns a record, or a
// whole register, into what the public may see. Every public output (the
// site, open data, the feed, every export and the public review packet)
// renders from these views, never from the records as loaded, so a value
// a municipality withholds cannot reach the public through an output that
// forgot to ask.
//
// A record that is not public has no view. A withheld path covers every
// list element and field below it ("datasets.url" covers datasets.0.url and
// datasets.7.url; "location" covers its point), and a path may pick one list
// element ("datasets.0.url"). A withheld value is not in the view at all;
// the record's publication block stays, so renderers can show "niet
// openbaar" and the reason where the value was.
package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// The words shown where a withheld value or a record that is not public
// would be, in Dutch and English; every output uses these.
const (
	NotPublicNL = "niet openbaar"
	NotPublicEN = "not public"
)

// NotPublic returns "niet openbaar" or "not public" for a language.
func NotPublic(lang string) string {
	if lang == "en" {
		return NotPublicEN
	}
	return NotPublicNL
}

// Notice is the plain-text mark for a withheld value or a record that is not
// public: "niet openbaar (Reden: Woo art. 5.1)", as the site shows it.
func Notice(lang, reason string) string {
	s := NotPublic(lang)
	if reason = strings.TrimSpace(reason); reason != "" {
		if lang == "en" {
			s += " (Reason: " + reason + ")"
		} else {
			s += " (Reden: " + reason + ")"
		}
	}
	return s
}

// Reason is why a record, or some of its fields, are not public: the
// publication block's reason, or, for a block that could not be read, that.
func Reason(r *record.Record, lang string) string {
	if r == nil {
		return ""
	}
	if r.PublicationInvalid {
		if lang == "en" {
			return "the publication block of this record is invalid"
		}
		return "het onderdeel openbaarheid (publication) van deze registratie is ongeldig"
	}
	if r.Placeholders {
		if lang == "en" {
			return "the record still holds a template's placeholders"
		}
		return "de registratie bevat nog invulteksten uit een sjabloon"
	}
	if r.Publication == nil || r.IsWithheld("publication.reason") {
		return ""
	}
	return strings.TrimSpace(r.Publication.Reason)
}

// internalOnly lists, per list field, the only fields of its elements the
// public may see; the others are working notes (an incident's delay reason
// and whether it was notifiable). A field added to such an element later
// stays internal until it is named here.
var internalOnly = map[string][]string{
	"incidents": {"type", "discovered", "reported", "summary"},
}

// PositionWithheld reports whether the record keeps its position back:
// withholding either form of the point, or any part of one, withholds both,
// since one can be converted into the other (record.Record.Withheld).
func PositionWithheld(r *record.Record) bool {
	return r != nil && r.IsWithheld("location.point")
}

// View returns the record as the public may see it: a deep copy without the
// values it withholds and without the internal parts of list elements (see
// internalOnly). It returns nil for a record that is not public. View sees
// one record; Register also drops references to records that are not
// public.
func View(r *record.Record) *record.Record {
	if r == nil || !r.IsPublic() {
		return nil
	}
	ws := r.Withheld()
	if len(ws) == 0 && !hasInternal(r) {
		// Nothing to leave out: the record is its own view. Views are read,
		// never changed (withReferences copies before it changes one), so
		// a register of 100,000 records is not copied for every output.
		return r
	}
	v := &record.Record{}
	c := copier{withheld: ws, share: true}
	c.copy(reflect.ValueOf(v).Elem(), reflect.ValueOf(r).Elem(), nil)
	// Fields outside the YAML are derived or bookkeeping: keep the file's
	// name and the position when it is public, and nothing else unasked.
	v.File = r.File
	if r.Point != nil && !PositionWithheld(r) {
		p := *r.Point
		v.Point = &p
	}
	// A path that follows from what the view left out (a DPIA's url that
	// is not public) is named in the view's list, so that every output
	// shows it as withheld, not as absent; unless the list itself is
	// withheld.
	if !r.IsWithheld("publication.withheld") {
		own := v.Withheld()
		var named []string
		for _, w := range ws {
			if !slices.Contains(own, w) {
				named = append(named, w)
			}
		}
		if len(named) > 0 {
			// v's publication may be r's own (copier.share): changed in a
			// copy.
			var pb record.Publication
			if v.Publication != nil {
				pb = *v.Publication
			}
			pb.Withheld = append(slices.Clip(pb.Withheld), named...)
			v.Publication = &pb
		}
	}
	return v
}

// hasInternal reports whether r has elements in a list with internal fields.
func hasInternal(r *record.Record) bool {
	return len(r.Incidents) > 0 // the one list in internalOnly
}

// copier copies a record field by field, by YAML name, leaving out what is
// withheld.
type copier struct {
	withheld []string
	// share makes the copy hold the record's own value of each part that
	// nothing withheld lies in (reaches) and that a copy would copy whole
	// (shareable): a view is read, never changed, and copying every part
	// of every record that withholds one field was a twentieth of a build
	// after one change.
	share bool
}

// reaches reports whether a withheld path, or a list with internal
// fields, lies at or under path, so the part at path is not the record's
// own in a view.
func (c copier) reaches(path []string) bool {
	if _, ok := internalOnly[path[0]]; ok {
		return true
	}
	p := strings.Join(path, ".")
	for _, w := range c.withheld {
		if record.Overlaps(w, p) {
			return true
		}
	}
	return false
}

// shareable reports whether a value of type t is, copied, all of itself:
// it holds no map and no interface (copy leaves maps out) and no field
// that copy leaves out (one without a YAML name), so the record's own is
// the same as a copy (copier.share).
func shareable(t reflect.Type) bool {
	if v, ok := shareables.Load(t); ok {
		return v.(bool)
	}
	var whole func(t reflect.Type, seen map[reflect.Type]bool) bool
	whole = func(t reflect.Type, seen map[reflect.Type]bool) bool {
		if seen[t] {
			return true
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Map, reflect.Interface:
			return false
		case reflect.Pointer, reflect.Slice, reflect.Array:
			return whole(t.Elem(), seen)
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == "" || tag == "-" || !f.IsExported() || !whole(f.Type, seen) {
					return false
				}
			}
		}
		return true
	}
	ok := whole(t, map[reflect.Type]bool{})
	shareables.Store(t, ok)
	return ok
}

// shareables caches shareable by type.
var shareables sync.Map

func (c copier) hidden(path []string) bool {
	p := strings.Join(path, ".")
	for _, w := range c.withheld {
		if record.Covers(w, p) {
			return true
		}
	}
	if len(path) == 3 && record.IsIndex(path[1]) {
		if allowed, ok := internalOnly[path[0]]; ok && !slices.Contains(allowed, path[2]) {
			return true
		}
	}
	return false
}

// copy sets dst (addressable, zero) to a copy of src; path is src's place
// in the record, as segments.
func (c copier) copy(dst, src reflect.Value, path []string) {
	if c.share && len(path) > 0 && !c.reaches(path) && shareable(src.Type()) {
		dst.Set(src)
		return
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		c.copy(p.Elem(), src.Elem(), path)
		dst.Set(p)
	case reflect.Struct:
		t := src.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			p := append(slices.Clip(path), tag)
			if c.hidden(p) {
				continue
			}
			c.copy(dst.Field(i), src.Field(i), p)
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		out := reflect.MakeSlice(src.Type(), 0, src.Len())
		for i := range src.Len() {
			p := append(slices.Clip(path), itoa(i))
			if c.hidden(p) {
				// A withheld element is left out whole, so its
				// neighbours keep their values and nothing remains of it.
				continue
			}
			e := reflect.New(src.Type().Elem()).Elem()
			c.copy(e, src.Index(i), p)
			out = reflect.Append(out, e)
		}
		dst.Set(out)
	case reflect.Map:
		// The record model has no maps today; copy none rather than leak
		// one that a later field might add without a filter.
		return
	default:
		dst.Set(src)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Public is the public view of a register.
type Public struct {
	// Register holds the public view of each public record (Records, ByID,
	// OfKind work as on the loaded register), with the loaded register's
	// root and configuration.
	Register *register.Register
	// Unpublished are the records left out because they are not public, as
	// loaded: count them, and show their reason, never their content.
	Unpublished []*record.Record

	// hidden are the ids and names of the unpublished and every record's
	// quotable withheld values, kept out of findings (texts.secrets).
	hidden []string
	texts  *Texts
	// quoting are the public records, as loaded, whose texts quote
	// another record's secret (Quoting).
	quoting map[*record.Record]bool
	// hiddenIndex finds the hidden in a text (quotes); made once, when
	// first needed.
	hiddenIndex *secretIndex
	hiddenOnce  sync.Once
	// custom are the register's own rules as the checklist runs them
	// (undisclosed), compiled once.
	custom        map[string]*principle.Rule
	customInOrder []*principle.Rule
	customOnce    sync.Once
	views         map[*record.Record]*record.Record // loaded record → its view
	verbatim      map[*record.Record]bool           // loaded records whose view left nothing out
	subjectState
}

// ViewOf returns the view of a record of the loaded register, or nil when
// it is not public.
func (p *Public) ViewOf(r *record.Record) *record.Record { return p.views[r] }

// Verbatim reports whether the public view of the loaded record r is the
// whole record: it is public, withholds nothing, has no internal fields and
// names no record that is not public. Only then may its source file be
// published as it is.
func (p *Public) Verbatim(r *record.Record) bool { return p.verbatim[r] }

// Register returns the public view of reg: every public record's View, with
// uses_sensors naming only sensors that are themselves public.
func Register(reg *register.Register) *Public { return RegisterWith(reg, View) }

// RegisterWith is Register with each record's View made by view, which
// must return what View does: a caller that builds the same register
// again and again may hand back the view it made before of a record it
// knows is unchanged. view is called from several goroutines at once.
func RegisterWith(reg *register.Register, view func(*record.Record) *record.Record) *Public {
	return RegisterKept(reg, view, nil)
}

// RegisterKept is RegisterWith reading the records' texts for quotes of
// secrets (Texts) through kept, which a caller that builds the same
// register again and again keeps from one build to the next; nil reads
// every text.
func RegisterKept(reg *register.Register, view func(*record.Record) *record.Record, kept *TextsKept) *Public {
	// Sized for every record at once, not grown, and copied, time and
	// again as the views are put, one after the other.
	n := 0
	if reg != nil {
		n = len(reg.Records)
	}
	out := &Public{views: make(map[*record.Record]*record.Record, n), verbatim: make(map[*record.Record]bool, n), quoting: map[*record.Record]bool{}}
	if reg == nil {
		out.Register = register.New("", nil, nil)
		return out
	}
	out.loaded = reg.Records
	texts := secretsOf(reg.Records)
	if kept != nil {
		kept.start(texts)
		defer kept.done()
	}
	public := map[string]bool{}
	for _, r := range reg.Records {
		if r != nil && r.IsPublic() && r.Kind == record.Sensor && reg.ByID(r.ID) == r {
			public[r.ID] = true
		}
	}
	views := make([]*record.Record, len(reg.Records)) // by record, then compacted
	// Each view's texts are read for quotes of secrets while it is made;
	// those a public view shows as its own are no secrets (Texts), and
	// the views that quote any other have them taken out.
	var mu sync.Mutex
	quoting, shown := map[int]bool{}, map[string]bool{}
	made := viewsOf(reg.Records, func(i int, r *record.Record) *record.Record {
		v := view(r)
		if v != nil && kept.look(texts, r, v, func(key string) { mu.Lock(); shown[key] = true; mu.Unlock() }) {
			mu.Lock()
			quoting[i] = true
			mu.Unlock()
		}
		return v
	})
	// The texts a public record shows whole are no secrets: the texts'
	// index is made again without them while the views are put in order,
	// but those that quote a secret, which are put once it is made. One
	// after the other, both kept the other core waiting.
	excepted := make(chan struct{})
	go func() {
		defer close(excepted)
		texts.except(shown)
	}()
	put := func(i int, v *record.Record) {
		r := reg.Records[i]
		v = withReferences(v, public)
		out.views[r] = v
		if len(v.UsesSensors) == len(r.UsesSensors) && len(r.Withheld()) == 0 && !hasInternal(r) && !out.quoting[r] {
			out.verbatim[r] = true
		}
		views[i] = v
	}
	for i, r := range reg.Records {
		switch {
		case r == nil:
		case made[i] == nil:
			out.Unpublished = append(out.Unpublished, r)
		case !quoting[i]:
			put(i, made[i])
		}
	}
	<-excepted
	for i := range quoting {
		v := made[i]
		if shown := texts.Shown(v); shown != v {
			v = shown
			out.quoting[reg.Records[i]] = true
		}
		put(i, v)
	}
	out.texts, out.hidden = texts, texts.secrets
	var owners []*record.Record
	w := 0
	for i, v := range views {
		if v != nil {
			views[w], owners = v, append(owners, reg.Records[i])
			w++
		}
	}
	views = views[:w]
	// A reason is written by hand and shown beside every withheld field,
	// in every output made of the views: it shows no other record's
	// secret (FreeText). Its words for a secret are Dutch, the language
	// reasons are written in.
	for i, v := range views {
		if shown := reasonShown(v, out); shown != v {
			views[i], out.views[owners[i]] = shown, shown
			out.verbatim[owners[i]] = false // its source is rebuilt with the reason as shown
		}
	}
	out.Register = register.New(reg.Root, reg.Config, views)
	return out
}

// viewsOf makes the view of each record, several at once: a view of a
// record that withholds anything is a deep copy.
func viewsOf(recs []*record.Record, view func(int, *record.Record) *record.Record) []*record.Record {
	out := make([]*record.Record, len(recs))
	workers := min(runtime.GOMAXPROCS(0), len(recs)/viewsPerWorker+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(recs); i += workers {
				if recs[i] != nil {
					out[i] = view(i, recs[i])
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// viewsPerWorker is the fewest views worth a goroutine of their own.
const viewsPerWorker = 256

// Hidden returns the words the filter takes out of the texts it shows
// (records' texts, findings, subjects, reasons): the id and name of every
// record that is not public, skipped ones included, and the withheld
// values of every record that a text could quote (Texts). A key of such a
// text holds them.
func (p *Public) Hidden() []string { return p.hidden }

// reasonShown returns the view v with its reason as p shows it
// (FreeText, in Dutch: reasons are written in Dutch), copied when that
// changes it; v itself otherwise.
func reasonShown(v *record.Record, p *Public) *record.Record {
	if v.Publication == nil || v.Publication.Reason == "" {
		return v
	}
	s := p.FreeText(v.Publication.Reason, "nl")
	if s == strings.TrimSpace(v.Publication.Reason) {
		return v
	}
	cp, pb := *v, *v.Publication
	pb.Reason = s
	cp.Publication = &pb
	return &cp
}

// hiddenNames are the words that name a record that is not public: its id
// and its name (of two bytes or more, so a stray letter is no secret).
func hiddenNames(r *record.Record) []string {
	var out []string
	for _, s := range []string{r.ID, strings.TrimSpace(r.Name)} {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	return out
}

// Records returns the public views of the public records among recs, in
// the order given, with uses_sensors naming only public sensors among recs.
// Writers that take a list of records call it themselves, so a caller that
// passes the records as loaded still publishes only what is public; passing
// views again is harmless.
func Records(recs []*record.Record) []*record.Record {
	vw := NewViewer(recs)
	out := make([]*record.Record, 0, len(recs))
	for _, r := range recs {
		if v := vw.View(r); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// Viewer makes the views Records makes, one record at a time: a writer
// that keeps what it made of a record's view from one build to the next
// asks for the view only of a record it has not seen.
type Viewer struct {
	public map[string]bool // the public sensors among the records
	// text scrubs the views' reasons of the records' secrets, as the
	// Public does (reasonShown).
	text *Public
}

// NewViewer returns the Viewer of the records recs.
func NewViewer(recs []*record.Record) *Viewer {
	public := map[string]bool{}
	text := &Public{texts: TextsOf(recs)}
	text.loaded = recs
	text.hidden = text.texts.secrets
	for _, r := range recs {
		if r != nil && r.IsPublic() && r.Kind == record.Sensor {
			public[r.ID] = true
		}
	}
	return &Viewer{public: public, text: text}
}

// View returns the view of r that Records gives, or nil when r is not
// public. A nil Viewer sees r alone: it is View.
func (vw *Viewer) View(r *record.Record) *record.Record {
	if vw == nil {
		return View(r)
	}
	v := vw.text.texts.Shown(View(r))
	if v == nil {
		return nil
	}
	return reasonShown(withReferences(v, vw.public), vw.text)
}

// Reason is Public.Reason with the secrets of the Viewer's records: a
// record's reason as the public outputs show it.
func (vw *Viewer) Reason(r *record.Record, lang string) string { return vw.text.Reason(r, lang) }

// FreeText is Public.FreeText with the secrets of the Viewer's records.
func (vw *Viewer) FreeText(s, lang string) string { return vw.text.FreeText(s, lang) }

// Refs returns the ids in r's uses_sensors that name public sensors among
// the records, in order: all the view of r takes from the other records.
// The view follows from r and these. It returns r's own list when it
// keeps all of them.
func (vw *Viewer) Refs(r *record.Record) []string { return publicRefs(r.UsesSensors, vw.public) }

// withReferences returns the view v with uses_sensors naming only ids in
// public; an id that names no public record might name one that is not
// public, or a file that did not load. It copies v (which may be the loaded
// record itself) before changing it.
func withReferences(v *record.Record, public map[string]bool) *record.Record {
	kept := publicRefs(v.UsesSensors, public)
	if len(kept) == len(v.UsesSensors) {
		return v
	}
	c := *v
	c.UsesSensors = kept
	return &c
}

// publicRefs returns the ids that are in public, in order: ids itself
// when all are.
func publicRefs(ids []string, public map[string]bool) []string {
	for i, id := range ids {
		if !public[id] {
			kept := slices.Clone(ids[:i])
			for _, id := range ids[i+1:] {
				if public[id] {
					kept = append(kept, id)
				}
			}
			return kept
		}
	}
	return ids
}

// Map returns the public view of r as the record format's JSON, decoded:
// keys named by the JSON tags, withheld keys absent (rather than empty), for
// outputs that publish the record's own structure. It returns nil for a
// record that is not public.
func Map(r *record.Record) (map[string]any, error) {
	v := View(r)
	if v == nil {
		return nil, nil
	}
	m, err := viewMap(v)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	if v.Publication != nil && len(v.Publication.Withheld) > 0 {
		prune(m, "", v)
	}
	if v.QuantityInvalid && !v.IsWithheld("quantity") {
		// Given, but no count: null, for left out it would read as the
		// format's default of 1.
		m["quantity"] = nil
	}
	return m, nil
}

// Plain reports whether the public view v encodes as the record format's
// JSON as it is, the same as Map gives: it withholds nothing, and states
// no quantity that is no count.
func Plain(v *record.Record) bool {
	return (v.Publication == nil || len(v.Publication.Withheld) == 0) && !v.QuantityInvalid
}

// viewMap is the view v as decoded JSON: made straight from v (jsonValue),
// or through the text where the model has a type jsonValue leaves to
// encoding/json.
func viewMap(v *record.Record) (map[string]any, error) {
	x, err := jsonValue(reflect.ValueOf(v).Elem())
	if err == nil {
		return x.(map[string]any), nil
	}
	if !errors.Is(err, errNotPlain) {
		return nil, err
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// prune deletes the keys of decoded JSON that r withholds.
func prune(x any, path string, r *record.Record) {
	switch t := x.(type) {
	case map[string]any:
		for k, c := range t {
			p := join(path, k)
			if r.IsWithheld(p) {
				delete(t, k)
				continue
			}
			prune(c, p, r)
		}
	case []any:
		for i, c := range t {
			prune(c, join(path, strconv.Itoa(i)), r)
		}
	}
}

// Shown reports whether the field at path (dotted, with list indexes, as a
// diff names it: "datasets.0.url") of the record r may be shown in public:
// r is public, the field is one the record format knows for r's kind, r
// does not withhold it, and it is not an internal part of a list element.
// Outputs that show fields one by one, such as the change feed, ask this.
func Shown(r *record.Record, path string) bool {
	if r == nil || !r.IsPublic() || path == "" {
		return false
	}
	segs := strings.Split(path, ".")
	if !schemaOf(r.Kind).known[strings.Join(named(segs), ".")] {
		return false
	}
	return !copier{withheld: r.Withheld()}.hidden(segs)
}

// Prune returns a copy of v, a decoded value (maps, lists, scalars) found at
// path in r's YAML, without the parts Shown refuses; nil when none of it may
// be shown. A list item added whole (path "datasets.1") keeps only its
// public fields.
func Prune(r *record.Record, path string, v any) any {
	if !Shown(r, path) {
		return nil
	}
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, c := range t {
			if c2 := Prune(r, join(path, k), c); c2 != nil {
				out[k] = c2
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(t))
		for i, c := range t {
			if c2 := Prune(r, join(path, strconv.Itoa(i)), c); c2 != nil {
				out = append(out, c2)
			}
		}
		return out
	}
	return v
}

// FromValue reads the record r's publication rules from a decoded record
// (for a record that is no longer in the register, from its last version):
// a record whose publication block does not read cleanly is not public.
func FromValue(v any, kind record.Kind) *record.Record {
	r := &record.Record{Kind: kind}
	if v == nil {
		r.PublicationInvalid = true
		return r
	}
	record.FromValue(v, r)
	r.Kind = kind
	if len(Check(v, kind)) > 0 {
		r.PublicationInvalid = true
	}
	return r
}

// WithheldPart is the part of the field at path (dotted, with list
// indexes) that r withholds whole (record.CoveredPart), the shortest where
// several withheld paths cover it; "" when r does not withhold it. An
// output of changes says of it only that it changed: which of its
// elements were added or removed, or how many it has, would tell what
// the record withholds.
func WithheldPart(r *record.Record, path string) string {
	if r == nil {
		return ""
	}
	part := ""
	for _, w := range r.Withheld() {
		if p, ok := record.CoveredPart(w, path); ok && (part == "" || len(p) < len(part)) {
			part = p
		}
	}
	return part
}

// Touches reports whether r withholds the field at path or anything below
// it: an output that shows the field as one piece (a packet's "Decisions"
// fact for decisions.reference) must mark it.
func Touches(r *record.Record, path string) bool {
	if r == nil {
		return false
	}
	for _, w := range r.Withheld() {
		if record.Overlaps(w, path) {
			return true
		}
	}
	return false
}
