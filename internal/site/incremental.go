package site

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/checkcache"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// A build skips a page whose inputs it knows and which did not change: each
// such page has a key, the hash of everything it is made of, and the site
// keeps the keys of the pages it holds in a manifest. A page whose key is in
// the manifest of the folder being updated, and whose file is there, is
// neither rendered nor written. A key is made of one build-wide part (the
// program, the configuration, the languages, the day, the checklist's rules
// and deviations) and the page's own inputs: for a record page, the record
// as loaded, its findings, its history and the names of the records it
// links to.

// manifestName is the manifest's file in the site folder. It describes the
// folder it is in: the working copy that Update hands a build is an older
// version of the site, with that version's manifest.
const manifestName = ".register-manifest"

// manifestHeader starts a manifest, followed on its line by the key of
// the build-wide inputs it was made under (keys.made); another header (an
// older format) reads as no manifest.
const manifestHeader = "register-manifest 3"

// pageKey is a page's key: the first half of the hash of the inputs it is
// made of (keyOf). Made with the folder's secret (keys.global), half of
// it is as far from a guess as the whole, and a build keeps up to three
// for each file of its site: at 100,000 records some 300,000 files.
type pageKey [16]byte

// keyOf is the key of the hash sum; false when sum is no SHA-256.
func keyOf(sum []byte) (pageKey, bool) {
	var k pageKey
	if len(sum) != sha256.Size {
		return k, false
	}
	copy(k[:], sum)
	return k, true
}

// Updates says a build of out finds a site an earlier build made there
// (its manifest, in the site or in the version kept beside it), so that it
// makes afresh only the files whose inputs changed.
func Updates(out string) bool {
	for _, version := range [...]func(string) (string, error){outdir.Resolve, outdir.Previous} {
		if dir, err := version(out); err == nil {
			if st, err := os.Lstat(filepath.Join(dir, manifestName)); err == nil && st.Mode().IsRegular() {
				return true
			}
		}
	}
	return false
}

// manifest is a site's manifest: its paths, sorted, each with its key,
// and the key of the build-wide inputs its keys were made under.
type manifest struct {
	paths []string
	keys  []pageKey
	made  pageKey
}

// manifestLines returns the lines of the manifest in dir after its header,
// how many there are, and the key its header names; nil when there is
// none or it is of another format. The count sizes the site's files
// (readAhead), so it is at most as many lines as the bytes could hold:
// counted as they are, a damaged manifest of empty lines had a build
// allocate some 50 bytes for each of its bytes.
func manifestLines(dir string) (lines []byte, n int, made pageKey) {
	data, err := readKept(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, 0, made
	}
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	sum, ok2 := bytes.CutPrefix(head, []byte(manifestHeader+" "))
	if !ok || !ok2 || hex.DecodedLen(len(sum)) != len(made) {
		return nil, 0, made
	}
	if _, err := hex.Decode(made[:], sum); err != nil {
		return nil, 0, made
	}
	return rest, min(bytes.Count(rest, []byte("\n")), len(rest)/minManifestLine), made
}

// minManifestLine is the length of the shortest line of a manifest: a
// key's hex, a space, a path of one byte and the end of the line.
const minManifestLine = 2*len(pageKey{}) + 3

// eachManifestLine calls add with the path and key of each of a manifest's
// lines, and reports whether they were all good: on a damaged line it
// stops, when add has been called for the lines before it.
func eachManifestLine(lines []byte, add func(p []byte, k pageKey)) bool {
	for len(lines) > 0 {
		line, rest, ok := bytes.Cut(lines, []byte("\n"))
		if !ok {
			return false // cut short
		}
		lines = rest
		sum, p, ok := bytes.Cut(line, []byte(" "))
		var k pageKey
		if !ok || len(p) == 0 || hex.DecodedLen(len(sum)) != len(k) {
			return false
		}
		if _, err := hex.Decode(k[:], sum); err != nil {
			return false
		}
		add(p, k)
	}
	return true
}

// all is the manifest's paths and keys, in order.
func (m *manifest) all() iter.Seq2[string, pageKey] {
	return func(yield func(string, pageKey) bool) {
		for i, p := range m.paths {
			if !yield(p, m.keys[i]) {
				return
			}
		}
	}
}

// writeManifest writes the manifest of dir: the paths and their keys of
// entries, which come sorted. It is written through a buffer of bounded
// size: a site of 100,000 records has a manifest of tens of megabytes,
// which is not held whole. Like every file of the working copy it is
// replaced, never written into (outdir.PutFile).
func writeManifest(dir string, made pageKey, entries iter.Seq2[string, pageKey]) error {
	const size = 64 << 10
	f := outdir.NewFile(filepath.Join(dir, manifestName))
	buf := make([]byte, 0, size)
	buf = append(hex.AppendEncode(append(buf, manifestHeader+" "...), made[:]), '\n')
	var err error
	for p, k := range entries {
		if len(buf)+2*len(pageKey{})+len(p)+2 > size {
			if _, err = f.Write(buf); err != nil {
				break
			}
			buf = buf[:0]
		}
		buf = hex.AppendEncode(buf, k[:])
		buf = append(append(append(buf, ' '), p...), '\n')
	}
	if err == nil {
		_, err = f.Write(buf)
	}
	if _, cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// dropKept removes the manifest and the piece index of the folder about
// to be updated: until the build writes new ones, what the folder holds is
// not what they say, and a build that fails half-way leaves none, so the
// next renders every page and makes every piece.
func dropKept(dir string) error {
	var errs []error
	for _, name := range []string{manifestName, pieceIndexName} {
		if err := os.Remove(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// keys holds what the keys of one build are made of.
type keys struct {
	global  []byte  // the build-wide part; nil: no page is skipped
	made    pageKey // the key of global, named in the manifest
	records map[*record.Record]*recordSum
	hidden  []byte // hash of the ids and names of records that are not public
	whole   wholeSums
}

// wholeSums are the sums of every public record (viewSum), in the order
// of the site, hashed together: of all, and of each kind. Several files are
// made of every public record or of every one of a kind (the tables, the
// map's data, each language's search facets); hashed once for all of them,
// the 10,000 sums of a register are read once a build, not once a file.
type wholeSums struct {
	once  sync.Once
	all   []byte // nil: a record's sum could not be worked out
	kinds map[record.Kind][]byte
}

// recordSum is a record's part of its pages' keys, worked out once, and
// the pieces the Memo keeps of it (piecesOf).
type recordSum struct {
	loadedAs *record.Record // the record as loaded (loadedOf)

	once sync.Once
	sum  []byte

	loadedOnce sync.Once
	loaded     []byte // loadedHash

	piecesOnce sync.Once
	pieces     *recordPieces // nil: none are kept

	dueOnce sync.Once
	due     []lifecycle.Item // dueOf

	viewOnce sync.Once
	view     []byte // viewSum

	evalOnce           sync.Once
	evalState, evalDue string // evalState
}

// initKeys works out the build-wide part of the keys. Without a way to
// name the running program (its build id) no key is trusted: a new version
// of the program may render the same inputs otherwise.
func (b *builder) initKeys() {
	b.opts.Memo.next()
	b.keys.records = make(map[*record.Record]*recordSum, len(b.public))
	sums := make([]recordSum, len(b.public)) // in one allocation
	for i, r := range b.public {
		sums[i].loadedAs = b.publicOf[i]
		b.keys.records[r] = &sums[i]
	}
	tool, err := checkcache.ToolID()
	if err != nil {
		b.keyless = err
		return
	}
	// The manifest is published with the site: its keys are made with a
	// secret kept in the user's cache folder (outdir.Secret), so no one can
	// test a guess of a withheld value against them.
	secret, err := outdir.Secret(b.out)
	if err != nil {
		b.keyless = err
		return
	}
	h := hmac.New(sha256.New, secret)
	// The day is not among them: a page that shows what follows from it
	// holds that in its key (appendDayOf, pageDataKey, calendarKey), so a
	// build on the next day makes again only what the day changed.
	fmt.Fprintf(h, "tool %q\nlangs %q\nchecked %v\nfeed %v\nhistory %v\n", tool, b.langs,
		b.checked, b.opts.Feed != nil, b.opts.History != nil)
	rules, applies := keyedRules(b.opts.Rules)
	for _, v := range []any{b.cfg, rules, applies, b.opts.Deviations} {
		if err := writeValue(h, v); err != nil {
			// Said, not passed over: without a key every page is made
			// anew, which a build after one change must not do unseen.
			b.keyless = err
			return
		}
	}
	b.keys.global = h.Sum(nil)
	made := sha256.Sum256(append(appendStrings(nil, "made"), b.keys.global...))
	b.keys.made, _ = keyOf(made[:])
	b.opts.Memo.setGlobal(b.keys.global)
	// What the filter takes out of texts, findings and reasons: every
	// record not public, skipped ones (a bad id, a duplicate) too, and
	// every record's withheld values that a text could quote.
	hh := sha256.New()
	hh.Write(appendStrings(nil, b.pub.Hidden()...))
	b.keys.hidden = hh.Sum(nil)
}

// keyedRules are the rules as the global key holds them: a function cannot
// be keyed, so each rule's Applies and AppliesOn are left out and only
// whether it has them is kept. What they say follows from the tool, whose
// id is in the key, and from the record, which is in its page's key, with
// what AppliesOn says on the day (appendDayOf).
func keyedRules(rules []Rule) ([]Rule, [][2]bool) {
	out := slices.Clone(rules)
	has := make([][2]bool, len(rules))
	for i := range out {
		has[i] = [2]bool{out[i].Applies != nil, out[i].AppliesOn != nil}
		out[i].Applies, out[i].AppliesOn = nil, nil
	}
	return out, has
}

// writeValue writes v to h: every field of every struct in it, whatever
// its tags say (JSON leaves out fields a page shows, such as a finding's
// Dutch text), map entries in the order of their keys, and nil apart from
// empty. It fails on what it cannot write the same way twice (a function,
// a channel).
func writeValue(h hash.Hash, v any) error {
	w := valueWriters.Get().(*valueWriter)
	defer valueWriters.Put(w)
	w.h, w.buf = h, w.buf[:0]
	err := w.value(reflect.ValueOf(v), 0)
	if err == nil {
		w.flush()
	}
	w.h = nil
	return err
}

// valueWriter writes values to a hash through a buffer of bounded size:
// the data of a page (a map's drawing, a list of hundreds of rows) is
// hashed as it is walked, not gathered whole first.
type valueWriter struct {
	h   hash.Hash
	buf []byte
}

// valueBuffer is the size at which a valueWriter hands its buffer to the
// hash.
const valueBuffer = 16 << 10

var valueWriters = sync.Pool{New: func() any { return &valueWriter{buf: make([]byte, 0, valueBuffer)} }}

func (w *valueWriter) flush() {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
}

// str writes a string with its length before it, in pieces when long.
func (w *valueWriter) str(s string) {
	w.buf = append(strconv.AppendInt(append(w.buf, 's'), int64(len(s)), 10), ':')
	for len(w.buf)+len(s) > valueBuffer {
		n := max(0, valueBuffer-len(w.buf))
		w.buf = append(w.buf, s[:n]...)
		s = s[n:]
		w.flush()
	}
	w.buf = append(w.buf, s...)
}

// maxDepth bounds how deep writeValue follows a value.
const maxDepth = 64

func (w *valueWriter) value(v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errors.New("too deep to key (a cycle?)")
	}
	if len(w.buf) >= valueBuffer {
		w.flush()
	}
	if !v.IsValid() {
		w.buf = append(w.buf, 'n')
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		w.str(v.String())
	case reflect.Bool:
		w.buf = strconv.AppendBool(append(w.buf, 'b'), v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = append(strconv.AppendInt(append(w.buf, 'i'), v.Int(), 10), ';')
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.buf = append(strconv.AppendUint(append(w.buf, 'u'), v.Uint(), 10), ';')
	case reflect.Float32, reflect.Float64:
		w.buf = append(strconv.AppendFloat(append(w.buf, 'f'), v.Float(), 'g', -1, 64), ';')
	case reflect.Func:
		// A nil function is keyed as nil; what a function does cannot be
		// written, so any other fails.
		if !v.IsNil() {
			return fmt.Errorf("cannot key a %s", v.Type())
		}
		w.buf = append(w.buf, 'n')
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			w.buf = append(w.buf, 'n')
			return nil
		}
		w.buf = append(w.buf, 'p')
		return w.value(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			w.buf = append(w.buf, 'n')
			return nil
		}
		w.buf = append(strconv.AppendInt(append(w.buf, 'l'), int64(v.Len()), 10), ':')
		for i := range v.Len() {
			if err := w.value(v.Index(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			w.buf = append(w.buf, 'n')
			return nil
		}
		keys := v.MapKeys()
		if len(keys) > 0 && keys[0].Kind() != reflect.String {
			return fmt.Errorf("cannot key a map of %s", v.Type())
		}
		slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
		w.buf = append(strconv.AppendInt(append(w.buf, 'm'), int64(len(keys)), 10), ':')
		for _, k := range keys {
			w.str(k.String())
			if err := w.value(v.MapIndex(k), depth+1); err != nil {
				return err
			}
		}
	case reflect.Struct:
		w.buf = append(append(w.buf, '{'), v.Type().String()...)
		for i := range v.NumField() {
			if err := w.value(v.Field(i), depth+1); err != nil {
				return err
			}
		}
		w.buf = append(w.buf, '}')
	default:
		return fmt.Errorf("cannot key a %s", v.Type())
	}
	return nil
}

// recordKey returns the key of the page of r (a public view) at path in
// lang, or nil when the page is not to be skipped.
func (b *builder) recordKey(lang, path string, r *record.Record) func() []byte {
	if b.keys.global == nil {
		return nil
	}
	return func() []byte {
		sum := b.recordSum(r)
		if sum == nil {
			return nil
		}
		// One buffer on the stack for what is hashed: a site has a page
		// of each record in each language.
		var a [512]byte
		buf := append(a[:0], b.keys.global...)
		// The page links the sensor's row under the map, on the page of
		// the map's list that holds it.
		buf = appendStrings(buf, "record", lang, path, b.mapRowURL(lang, "", r))
		buf = b.appendDayOf(buf, r)
		k := sha256.Sum256(append(buf, sum...))
		return k[:]
	}
}

// digests are hashes lent to the sums worked out once a record: made
// anew for each, they were some 7 ms of CPU in a build after one change of
// 10,000 records.
var digests = sync.Pool{New: func() any { return sha256.New() }}

// recordSum hashes what the pages of the public record r are made of
// besides the build-wide inputs: the record as loaded (its public view
// follows from it, the configuration and which sensors are public), its
// position, its findings as shown, whether its source is published, its
// history, and the name, kind and type of each record it links to or is
// linked from. nil when a part cannot be hashed: the page is then rendered.
func (b *builder) recordSum(r *record.Record) []byte {
	rs := b.keys.records[r]
	if rs == nil {
		return nil
	}
	rs.once.Do(func() {
		loaded := rs.loadedAs
		if loaded == nil {
			return
		}
		h := digests.Get().(hash.Hash)
		defer digests.Put(h)
		h.Reset()
		source := "source no"
		if b.withSource[r.ID] {
			source = "source yes"
		}
		// One buffer for the parts written here, which are small.
		buf := appendStrings(make([]byte, 0, 256), "file", loaded.File, source)
		h.Write(buf)
		link := func(what string, l *record.Record) {
			buf = appendStrings(buf[:0], what, l.ID, string(l.Kind), l.Name, l.SensorType, l.AlgorithmType)
			h.Write(buf)
		}
		rec := b.loadedHash(r)
		if rec == nil {
			return
		}
		h.Write(rec)
		h.Write(b.findingsSum(r.ID))
		h.Write(appendStrings(buf[:0], "reason", viewReason(r)))
		for _, v := range []any{loaded.Point, r.Point, b.shownHistory(loaded.File)} {
			if err := writeValue(h, v); err != nil {
				return
			}
		}
		for _, id := range r.UsesSensors {
			if s := b.reg.ByID(id); s != nil {
				public := "public no"
				if s.IsPublic() {
					public = "public yes"
				}
				h.Write([]byte(public))
				link("uses", s)
			} else {
				h.Write(appendStrings(buf[:0], "uses", id, "none"))
			}
		}
		for _, a := range b.usedBy[r.ID] {
			link("usedby", a)
		}
		rs.sum = h.Sum(nil)
	})
	return rs.sum
}

// shownHistory is a record file's history as its pages show it: each
// commit subject as publish.Subject gives it, so a subject the site does
// not show changes no key, and one it shows changes the key when what it
// scrubs out of it (any record's withheld values, the names of records
// that are not public, those of every version the history holds:
// Options.PastSecrets) does. Dutch stands for both languages: they differ
// only in the words put where a secret was.
func (b *builder) shownHistory(file string) History {
	hist, ok := b.opts.History[file]
	if !ok {
		return hist
	}
	shown := History{Added: hist.Added, Changes: slices.Clone(hist.Changes)}
	for i := range shown.Changes {
		shown.Changes[i].Subject = b.pub.Subject(shown.Changes[i].Subject, "nl")
	}
	return shown
}

// appendStrings appends each of ss to buf with its length before it, so
// no two lists of strings append alike.
func appendStrings(buf []byte, ss ...string) []byte {
	for _, s := range ss {
		buf = strconv.AppendInt(buf, int64(len(s)), 10)
		buf = append(append(buf, ':'), s...)
	}
	return append(buf, '\n')
}

// findingsSum hashes what the findings of the record id are made of as
// its pages show them (findingsOf): the findings as given and the ids and
// names of the records that are not public, which the publication filter
// takes out of their texts. The filter's other input, the record as
// loaded, is in the record's sum beside it. Hashing the findings as given
// leaves the filter to the pages that are rendered.
func (b *builder) findingsSum(id string) []byte {
	buf := append(make([]byte, 0, 2048), b.keys.hidden...)
	for _, f := range b.findings[id] {
		buf = f.appendKey(buf, id)
	}
	k := sha256.Sum256(buf)
	return k[:]
}

// appendSharedKey appends to buf every field of f but its file and record
// (keptFinding.appendKey adds those), each after its length (appendStrings)
// or as a number and a comma, so no two append alike. The texts are
// appended whole, as a shared key is hashed once a build: their own
// hashes, kept in a map under a lock so that each text was hashed once,
// took some 24 ms of CPU in a build after one change of 10,000 records,
// whose 4,400 shared findings mostly name their record in their message.
func appendSharedKey(buf []byte, f *finding.Finding) []byte {
	buf = appendStrings(buf, f.Rule, f.Principle, f.Path)
	for _, n := range []int{f.Line, f.Column, int(f.Severity)} {
		buf = append(strconv.AppendInt(buf, int64(n), 10), ',')
	}
	buf = strconv.AppendBool(buf, f.Key)
	return appendStrings(buf, f.Message[0], f.Message[1], f.Help[0], f.Help[1], f.Law[0], f.Law[1])
}

// pageDataKey returns the key of a page rendered from the template tmpl with
// the data pg: the data is all a template reads (the build-wide part names
// the program, whose templates and functions are fixed), so a page whose
// data is the same renders the same. nil when the data cannot be hashed
// (a function in it): the page is then rendered.
func (b *builder) pageDataKey(tmpl, path string, pg *Page) []byte {
	if b.keys.global == nil || pg == nil {
		return nil
	}
	h := sha256.New()
	h.Write(b.keys.global)
	// The body's type too: a string and template.HTML hash alike but are
	// escaped differently.
	fmt.Fprintf(h, "page %q %q %T\n", tmpl, path, pg.Body)
	if err := writeValue(h, pg); err != nil {
		return nil
	}
	return h.Sum(nil)
}

// keyJobs gives keys to the files made of public records alone, which the
// jobs list without one: the published sources, the open-data downloads
// made of the public records (register.json's index and parts, the
// tables, the map's data) and the search index. Each key is
// made of the sums of the records the file is made of (recordSum), which
// cover the public view it shows, so one changed record changes the keys
// of the files that hold it and no others; register.json's index, which
// names no record, is keyed by the number of records and parts. A file
// whose key is nil is written each time.
func (b *builder) keyJobs(js []job) []job {
	key := b.keyer()
	for i := range js {
		key(&js[i])
	}
	return js
}

// keyer returns what gives a job its key, as keyJobs does, for jobs
// listed one at a time.
func (b *builder) keyer() func(*job) {
	if b.keys.global == nil {
		return func(*job) {}
	}
	sources := map[string]*record.Record{}
	for _, r := range b.sources {
		sources[sourcePath(r)] = r
	}
	kind := map[string]record.Kind{opendata.PathSensorsCSV: record.Sensor, opendata.PathAlgosCSV: record.Algorithm, opendata.PathGeoJSON: record.Sensor}
	// register.json's parts hold the public views in the order of
	// opendata.PublicRecords; the index, what the register says besides.
	recs := opendata.PublicRecords(b.pub)
	jsonParts := map[string]int{}
	for n := 1; n <= opendata.PartCount(len(recs)); n++ {
		jsonParts[opendata.PartPath(n)] = n
	}
	parts := map[string]int{}
	for _, lang := range b.langs {
		parts[searchIndexPath(lang)] = 0
		for n := 1; n <= b.searchParts(); n++ {
			parts[searchPartPath(lang, n)] = n
		}
	}
	return func(j *job) {
		if j.key != nil {
			return
		}
		p := j.path
		if r, ok := sources[p]; ok {
			j.key = b.sourceKey(p, r)
		} else if n, ok := jsonParts[p]; ok {
			lo, hi := min((n-1)*opendata.PartSize, len(recs)), min(n*opendata.PartSize, len(recs))
			j.key = b.recordsKey(fmt.Sprintf("%s %d", p, len(recs)), recs[lo:hi])
		} else if p == opendata.PathJSON {
			j.key = b.plainKey(fmt.Sprintf("%s %d %d", p, len(recs), len(b.pub.Unpublished)))
		} else if k, ok := kind[p]; ok {
			j.key = b.wholeKey(p, k)
		} else if n, ok := parts[p]; ok && n == 0 {
			// The facets of the search index: every public record's.
			j.key = b.wholeKey(p, "")
		} else if ok {
			j.key = b.recordsKey(p, b.public[(n-1)*searchPartSize:min(n*searchPartSize, len(b.public))])
		}
	}
}

// calendarKey returns the key of the calendar: its events as the file
// shows them (lifecycle.WriteICal with Public set: what falls due, when,
// and the record's id, name and page, which follows from its kind), so an
// edit to a record that moves none of its dates or names leaves the file
// as it is. Each public record's events are worked out on their own
// (lifecycle.DueOf), in the order of the register, and kept in the Memo
// with the record's pieces; the report sorts the same events. The
// report's other parts follow from the build-wide inputs, but for its
// stamp, the build's clock.
func (b *builder) calendarKey() func() []byte {
	if b.keys.global == nil {
		return nil
	}
	return func() []byte {
		h := sha256.New()
		h.Write(b.keys.global)
		h.Write(appendStrings(nil, "calendar", b.opts.Now.UTC().Format(time.RFC3339Nano)))
		// Each record's events are made in one buffer (keptPiece keeps
		// a copy), and copied before the next record's.
		var buf, scratch []byte
		for _, r := range b.public {
			events, err := b.keptDayPiece(r, "calendar", func() ([]byte, error) {
				scratch = b.calendarEvents(scratch[:0], r)
				return scratch, nil
			})
			if err != nil {
				return nil
			}
			if buf = append(buf, events...); len(buf) > 32<<10 {
				h.Write(buf)
				buf = buf[:0]
			}
		}
		h.Write(buf)
		return h.Sum(nil)
	}
}

// calendarEvents appends to buf the public record r's events on the
// calendar, as its key holds them.
func (b *builder) calendarEvents(buf []byte, r *record.Record) []byte {
	for _, it := range b.dueOf(r) {
		if !b.onCalendar(it) {
			continue
		}
		buf = appendStrings(buf, r.ID, r.Name, string(r.Kind), string(it.What), string(it.Group), it.Date.Format(time.RFC3339Nano), it.Path,
			it.Detail.In("nl"), it.Detail.In("en"))
	}
	return buf
}

// dueOf is what falls due of the public record r within calendarWithin
// (lifecycle.DueOf), worked out once a build: the calendar shows it, and
// the home page its lapsed items, which no window changes. Worked out
// for each, it was 3 % of a build after one change at 10,000 records.
func (b *builder) dueOf(r *record.Record) []lifecycle.Item {
	due := func() []lifecycle.Item { return lifecycle.DueOf(r, b.reg.Config, b.today, calendarWithin) }
	rs := b.keys.records[r]
	if rs == nil {
		return due()
	}
	rs.dueOnce.Do(func() { rs.due = due() })
	return rs.due
}

// plainKey returns the key of a file made of the build-wide inputs and
// what what says alone.
func (b *builder) plainKey(what string) func() []byte {
	return func() []byte {
		h := sha256.New()
		h.Write(b.keys.global)
		fmt.Fprintf(h, "plain %q\n", what)
		return h.Sum(nil)
	}
}

// recordsKey returns the key of the file at path made of the public
// views recs (a download's), in their order.
func (b *builder) recordsKey(path string, recs []*record.Record) func() []byte {
	return func() []byte {
		h := sha256.New()
		h.Write(b.keys.global)
		fmt.Fprintf(h, "records %q %d\n", path, len(recs))
		for _, r := range recs {
			sum := b.viewSum(r)
			if sum == nil {
				return nil
			}
			h.Write(sum)
		}
		return h.Sum(nil)
	}
}

// wholeKey returns the key of the file at path made of every public
// record of kind k, or of every public record when k is "".
func (b *builder) wholeKey(path string, k record.Kind) func() []byte {
	return func() []byte {
		sum := b.wholeSum(k)
		if sum == nil {
			return nil
		}
		h := sha256.New()
		h.Write(b.keys.global)
		fmt.Fprintf(h, "whole %q %q %d\n", path, k, len(b.public))
		h.Write(sum)
		return h.Sum(nil)
	}
}

// wholeSum returns the view sums (viewSum) of the public records of kind
// k ("": of all), in their order, hashed together; nil when one of them has none.
func (b *builder) wholeSum(k record.Kind) []byte {
	w := &b.keys.whole
	w.once.Do(func() {
		all := sha256.New()
		kinds := map[record.Kind]hash.Hash{}
		for _, r := range b.public {
			sum := b.viewSum(r)
			if sum == nil {
				return
			}
			all.Write(sum)
			h := kinds[r.Kind]
			if h == nil {
				h = sha256.New()
				kinds[r.Kind] = h
			}
			h.Write(sum)
		}
		w.kinds = make(map[record.Kind][]byte, len(kinds))
		for kind, h := range kinds {
			w.kinds[kind] = h.Sum(nil)
		}
		w.all = all.Sum(nil)
	})
	switch sum, ok := w.kinds[k]; {
	case w.all == nil:
		return nil
	case k == "":
		return w.all
	case ok:
		return sum
	default: // no public record of the kind
		return sha256.New().Sum(nil)
	}
}

// sourceKey returns the key of the published source of the loaded record
// r at path: the file's content, whether it passed validation, and what
// its public view follows from (viewSum), which the filter applies.
func (b *builder) sourceKey(path string, loaded *record.Record) func() []byte {
	return func() []byte {
		v := b.pub.ViewOf(loaded)
		if v == nil {
			return nil
		}
		sum := b.viewSum(v)
		if sum == nil {
			return nil
		}
		data := b.sourceSum(loaded)
		if data == nil {
			return nil
		}
		var a [512]byte
		buf := append(a[:0], b.keys.global...)
		buf = appendStrings(buf, "source", path, strconv.FormatBool(!b.invalidFiles[loaded.File]))
		k := sha256.Sum256(append(append(buf, sum...), data...))
		return k[:]
	}
}

// Memo keeps, from one build to the next, the hash of each record as
// loaded, the most costly part of its pages' keys, its public view, and
// what the downloads, the search index, the calendar and the home page
// made of it (keptPiece): a command that builds the same register again
// and again (serve) passes the same Memo to each build, with the records
// it kept unchanged (pipeline.Reloader keeps a record whose file did not
// change), and a rebuild works out again only what changed. A record is
// known by its address, so a record passed to a build must not be changed
// afterwards; its pieces by its hash. A Memo keeps the records of the
// last build only. It is safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	old  map[*record.Record][]byte // the build before's
	used map[*record.Record][]byte // this build's
	// The pieces follow from the build-wide inputs too: global is the
	// build-wide part of the keys they were made under, and a build with
	// another lets them go.
	global []byte
	// oldViews and usedViews are the public views of the records
	// (publish.View), the build before's and this build's.
	oldViews, usedViews map[*record.Record]*record.Record
	// texts is what was read of the records' texts for quotes of other
	// records' secrets (publish.RegisterKept).
	texts publish.TextsKept
	// pieces are the downloads' pieces of the records (keptPiece), by
	// the record's hash: they follow from the build-wide inputs too, and
	// go with them or with the record.
	pieces map[[sha256.Size]byte]*recordPieces
	// manifests are the manifests the Memo's builds wrote, each with the
	// look of its file: a build reads the two it updates from and to,
	// which are the two before's, moved.
	manifests []keptManifest
}

// keptManifest is a manifest as written, and its file's look then.
type keptManifest struct {
	info os.FileInfo
	m    *manifest
}

// maxManifests is how many manifests a Memo keeps: the two versions of a
// site that Update alternates between, and one for a folder given up.
const maxManifests = 3

// manifestIn is the manifest in dir for the site's files (addManifest):
// the one the Memo kept, or else the lines of the file.
func (m *Memo) manifestIn(dir string) manifestSource {
	if k := m.kept(dir); k != nil {
		return manifestSource{kept: k, n: len(k.paths), made: k.made}
	}
	lines, n, made := manifestLines(dir)
	return manifestSource{lines: lines, n: n, made: made}
}

// manifestSource is a manifest as the site's files take it: kept whole,
// or its lines (nil: none), with how many paths it has and the build-wide
// key it names.
type manifestSource struct {
	kept  *manifest
	lines []byte
	n     int
	made  pageKey
}

// kept returns the manifest in dir when it is one the Memo kept, unchanged
// (the same file, size and modification time); nil otherwise, and for a
// nil Memo. A manifest kept is read, never changed.
func (m *Memo) kept(dir string) *manifest {
	if m == nil {
		return nil
	}
	info, err := os.Lstat(filepath.Join(dir, manifestName))
	if err != nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, k := range m.manifests {
		if sameFile(k.info, info) {
			return k.m
		}
	}
	return nil
}

// writeManifest writes the manifest of dir as writeManifest does, and
// keeps it with its file's look, when the Memo is not nil.
func (m *Memo) writeManifest(dir string, made pageKey, entries iter.Seq2[string, pageKey]) error {
	if m == nil {
		return writeManifest(dir, made, entries)
	}
	man := &manifest{made: made}
	for p, k := range entries {
		man.paths = append(man.paths, p)
		man.keys = append(man.keys, k)
	}
	if err := writeManifest(dir, made, man.all()); err != nil {
		return err
	}
	info, err := os.Lstat(filepath.Join(dir, manifestName))
	if err != nil {
		return nil // read again next time
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.manifests = append(m.manifests, keptManifest{info: info, m: man})
	if len(m.manifests) > maxManifests {
		m.manifests = slices.Delete(m.manifests, 0, len(m.manifests)-maxManifests)
	}
	return nil
}

// sameFile reports whether two looks at a file show the same regular file
// unchanged.
func sameFile(a, b os.FileInfo) bool {
	return a.Mode().IsRegular() && b.Mode().IsRegular() && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime()) && os.SameFile(a, b)
}

// viewSum hashes what the public view r follows from, as the pieces kept
// of it are keyed (piecesOf, pieceKey): the record as loaded, and what of
// the view the filter decides besides. A file that shows of a record its
// view alone (a download, a dataset's page, the published source) is
// keyed by it rather than by recordSum, which holds what only the
// record's pages show: its findings, which follow from the day, its
// history and the names of the records it links to. nil when r has none.
func (b *builder) viewSum(r *record.Record) []byte {
	rs := b.keys.records[r]
	if rs == nil {
		return nil
	}
	rs.viewOnce.Do(func() {
		loaded := b.loadedHash(r)
		if len(loaded) != sha256.Size {
			return
		}
		var a [512]byte
		sum := sha256.Sum256(pieceKey(append(a[:0], loaded...), b.textsKey(r), r, "view", nil))
		rs.view = sum[:]
	})
	return rs.view
}

// loadedOf is the record as loaded of the public view r, noted as the
// build sorted the records (sortRecords) rather than found by its id each
// time a key asks: some 30,000 look-ups of a build of 10,000 records. Of a
// record that is no public view of the build, the loaded record of its id.
func (b *builder) loadedOf(r *record.Record) *record.Record {
	if rs := b.keys.records[r]; rs != nil {
		return rs.loadedAs
	}
	return b.loaded.ByID(r.ID)
}

// loadedHash is the hash of the record as loaded of the public view r
// (Memo.recordHash), worked out once a build: each page key of r and each
// of its downloads' pieces asks for it. nil when r has none.
func (b *builder) loadedHash(r *record.Record) []byte {
	rs := b.keys.records[r]
	if rs == nil {
		return nil
	}
	rs.loadedOnce.Do(func() {
		if loaded := rs.loadedAs; loaded != nil {
			rs.loaded = b.opts.Memo.recordHash(loaded, b.loaded.Sums)
		}
	})
	return rs.loaded
}

// recordHash returns the hash of the loaded record r, from the memo when
// it holds it; nil when r cannot be hashed. A nil Memo hashes every time.
// sums are the load's hashes of the files' content (Register.Sums): the
// loaded record follows from its file's content and path, the flags the
// load sets from its findings, and the build-wide inputs (the program,
// the configuration), so the hash of those stands for it, and hashing
// each record's fields (writeValue), the costliest part of a build after
// one change, is left for a record whose file was not hashed.
func (m *Memo) recordHash(r *record.Record, sums map[string][32]byte) []byte {
	if m != nil {
		m.mu.Lock()
		sum, ok := m.used[r]
		if ok {
			// Asked again in this build: each download's pieces ask.
			m.mu.Unlock()
			return sum
		}
		sum, ok = m.old[r]
		m.mu.Unlock()
		if ok {
			m.keep(r, sum)
			return sum
		}
	}
	var sum []byte
	if k, ok := fileSum(r, sums); ok {
		sum = k[:]
	} else {
		h := sha256.New()
		if err := writeValue(h, r); err != nil {
			return nil
		}
		sum = h.Sum(nil)
	}
	if m != nil {
		m.keep(r, sum)
	}
	return sum
}

// fileSum is the hash of what the loaded record r follows from but for
// the build-wide inputs: its file's content (sums, the load's), its path,
// and the flags the load set from its findings; false when the load did
// not hash its file.
func fileSum(r *record.Record, sums map[string][32]byte) ([sha256.Size]byte, bool) {
	content, ok := sums[r.File]
	if !ok {
		return [sha256.Size]byte{}, false
	}
	buf := appendStrings(make([]byte, 0, 128), "loaded", r.File, strconv.FormatBool(r.Placeholders), strconv.FormatBool(r.PublicationInvalid))
	return sha256.Sum256(append(buf, content[:]...)), true
}

func (m *Memo) keep(r *record.Record, sum []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used == nil {
		m.used = make(map[*record.Record][]byte, len(m.old))
	}
	m.used[r] = sum
}

// next starts a build: what the build before used is kept, the rest
// (records since changed or removed) let go. This build's maps are made
// the size of the build before's when first written: a build uses
// nearly the same records.
func (m *Memo) next() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used != nil {
		m.dropPieces(m.used)
		m.old, m.used = m.used, nil
	}
}

// setGlobal tells the Memo the build-wide part of this build's keys: the
// pieces made under another are let go.
func (m *Memo) setGlobal(global []byte) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !bytes.Equal(m.global, global) {
		m.pieces = nil
	}
	m.global = global
}

// sourceSum returns the hash of the source file of the loaded record r as
// the load read it (Register.Sums), which is what its published source is
// made of (sourceJobs); nil when the load did not hash it, and then the
// source is not published (markSources).
func (b *builder) sourceSum(r *record.Record) []byte {
	if sum, ok := b.loaded.Sums[r.File]; ok {
		return sum[:]
	}
	return nil
}

// dropPieces lets go of the pieces of records the build that used used
// did not have. The caller holds m.mu.
func (m *Memo) dropPieces(used map[*record.Record][]byte) {
	if len(m.pieces) == 0 {
		return
	}
	live := make(map[[sha256.Size]byte]bool, len(used))
	for _, sum := range used {
		live[[sha256.Size]byte(sum)] = true
	}
	for k := range m.pieces {
		if !live[k] {
			delete(m.pieces, k)
		}
	}
}

// recordPieces are the pieces kept of one record: the downloads' rows,
// features and entries, its search entries and its events, each by
// pieceKey. Each record has a lock of its own, so the workers writing
// the downloads do not wait on each other.
type recordPieces struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (p *recordPieces) get(key []byte) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	data, ok := p.m[string(key)]
	return data, ok
}

// put keeps data under key; data must not be changed afterwards.
func (p *recordPieces) put(key, data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string][]byte{}
	}
	p.m[string(key)] = data
}

// recordPieces returns the pieces kept of the record whose hash is sum.
func (m *Memo) recordPieces(sum []byte) *recordPieces {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [sha256.Size]byte(sum)
	p := m.pieces[k]
	if p == nil {
		if m.pieces == nil {
			m.pieces = map[[sha256.Size]byte]*recordPieces{}
		}
		p = &recordPieces{}
		m.pieces[k] = p
	}
	return p
}

// piecesOf returns the pieces the Memo keeps of the public view r, found
// once a build by the hash of r as loaded (the view follows from it, but
// for the references it keeps and the name the site gives a record that
// withholds its own: see pieceKey); nil when it keeps none. The
// build-wide inputs are the Memo's (setGlobal).
func (b *builder) piecesOf(r *record.Record) *recordPieces {
	// Without a Memo (a build from the command line), before the look-up:
	// each record's pieces are asked for a dozen times a build.
	if b.opts.Memo == nil || b.keys.global == nil {
		return nil
	}
	rs := b.keys.records[r]
	if rs == nil {
		return nil
	}
	rs.piecesOnce.Do(func() {
		if sum := b.loadedHash(r); len(sum) == sha256.Size {
			rs.pieces = b.opts.Memo.recordPieces(sum)
		}
	})
	return rs.pieces
}

// viewReason is the reason the public view r gives. The filter scrubbed
// it of every record's secrets, so it changes when another record's do,
// and a key of what shows it holds it.
func viewReason(r *record.Record) string {
	if r.Publication == nil {
		return ""
	}
	return r.Publication.Reason
}

// pieceKey appends to buf the key of the piece what of the public view r,
// made with refs (opendata.Pieces), among the pieces of r as loaded: what
// the filter took out of its texts (hidden: textsKey), what it is, the
// name and the reason the view shows, the references it names and those
// of them that name public sensors.
func pieceKey(buf, hidden []byte, r *record.Record, what string, refs []string) []byte {
	buf = appendStrings(buf, "texts", string(hidden))
	buf = appendStrings(buf, what, r.Name, viewReason(r))
	buf = appendStrings(buf, r.UsesSensors...)
	return appendStrings(buf, refs...)
}

// textsKey is what the texts of the public view r follow from besides
// the record as loaded: nothing when they quote no other record's secret,
// else every record's secrets (publish.Public.Quotes), so a piece kept
// of a record is made again when what it quotes becomes a secret, or no
// longer is one, and not when another record's secrets change.
func (b *builder) textsKey(r *record.Record) []byte {
	if loaded := b.loadedOf(r); loaded != nil && b.pub.Quotes(loaded) {
		return b.keys.hidden
	}
	return nil
}

// keptPiece returns the piece what of the public view r kept in the
// Memo, or the one encode makes, which it keeps; encode's buffer is not
// kept, a copy of it is.
func (b *builder) keptPiece(r *record.Record, what string, encode func() ([]byte, error)) ([]byte, error) {
	return b.keptOn(r, what, "", encode)
}

// keptDayPiece is keptPiece for a piece that follows from the day of the
// build too. One is kept of each, the last day's: a serve left running
// for months keeps no piece of each day.
func (b *builder) keptDayPiece(r *record.Record, what string, encode func() ([]byte, error)) ([]byte, error) {
	return b.keptOn(r, what, b.todayStamp, encode)
}

// keptOn returns the piece what of r kept in the Memo when it was kept
// with stamp before it, else the one encode makes, which it keeps so.
// Stamps are of one length (a day), or none.
func (b *builder) keptOn(r *record.Record, what, stamp string, encode func() ([]byte, error)) ([]byte, error) {
	ps := b.piecesOf(r)
	if ps == nil {
		return encode()
	}
	var a [256]byte
	key := pieceKey(a[:0], b.textsKey(r), r, what, nil)
	if p, ok := ps.get(key); ok && len(p) >= len(stamp) && string(p[:len(stamp)]) == stamp {
		return p[len(stamp):], nil
	}
	p, err := encode()
	if err != nil {
		return nil, err
	}
	kept := append([]byte(stamp), p...)
	ps.put(key, kept)
	return kept[len(stamp):], nil
}

// downloadPieces keeps the pieces of the open-data downloads in the
// build's Memo (opendata.Pieces).
type downloadPieces struct{ b *builder }

func (d downloadPieces) Piece(r *record.Record, what string, refs []string) ([]byte, bool) {
	if ps := d.b.piecesOf(r); ps != nil {
		var a [256]byte
		return ps.get(pieceKey(a[:0], d.b.textsKey(r), r, what, refs))
	}
	return nil, false
}

func (d downloadPieces) Keep(r *record.Record, what string, refs []string, p []byte) {
	if ps := d.b.piecesOf(r); ps != nil {
		var a [256]byte
		ps.put(pieceKey(a[:0], d.b.textsKey(r), r, what, refs), bytes.Clone(p))
	}
}

// viewer returns what makes the public views of a build's records
// (publish.RegisterWith): the view the build before made of a record it
// had, else a new one. A view is made anew when its record withholds its
// name: the site gives it the record's id as its name (sortRecords), so
// what was kept is no longer the record's view. The views of records the
// build does not have are let go. A nil Memo makes every view.
func (m *Memo) viewer() func(*record.Record) *record.Record {
	if m == nil {
		return publish.View
	}
	m.mu.Lock()
	if m.usedViews != nil {
		m.oldViews = m.usedViews
	}
	old, used := m.oldViews, make(map[*record.Record]*record.Record, len(m.oldViews))
	m.usedViews = used
	m.mu.Unlock()
	return func(r *record.Record) *record.Record {
		v, ok := old[r]
		if !ok || v != nil && v.IsWithheld("name") {
			v = publish.View(r)
		}
		m.mu.Lock()
		used[r] = v
		m.mu.Unlock()
		return v
	}
}

// textsKept is what is kept of the reading of texts for quotes of other
// records' secrets: the Memo's, else what the build before of out left
// in the user's cache (outdir.StateFile), which saveTexts writes; nil when
// the program cannot be named, so nothing can be kept. Records are known
// across builds by fileSum, and what was read by the program that read
// it.
func (m *Memo) textsKept(out string, sums map[string][32]byte) *publish.TextsKept {
	tool, err := checkcache.ToolID()
	if err != nil {
		return nil
	}
	var k *publish.TextsKept
	if m != nil {
		k = &m.texts
	} else {
		k = &publish.TextsKept{}
		if p, err := outdir.StateFile(out, "texts"); err == nil {
			// Bounded, and never a named pipe, which would hold the
			// build for ever.
			if data, err := readKept(p); err == nil {
				k.Read(data)
			}
		}
	}
	k.Salt = tool
	k.ID = func(r *record.Record) ([sha256.Size]byte, bool) { return fileSum(r, sums) }
	return k
}

// saveTexts writes what the build read of the records' texts for the next
// build of its folder (textsKept), when it keeps no Memo; a build that
// cannot only costs the next one the reading.
func (b *builder) saveTexts() {
	if b.opts.Memo != nil || b.texts == nil {
		return
	}
	if p, err := outdir.StateFile(b.out, "texts"); err == nil {
		_ = atomicfile.Replace(p, b.texts.Bytes(), 0o600)
	}
}
