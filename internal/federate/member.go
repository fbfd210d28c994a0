package federate

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/quality"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// cacheVersion changes whenever a part's files, or the reason a shard
// keeps, change shape, or what the federation keeps out or how a part
// counts its quality changes, so a cache written by another version is
// never read as this one's (partKey).
const cacheVersion = "federate-part-10"

// Files of a member's part in the cache.
const (
	partMeta     = "meta.json"
	partRecords  = "records.jsonl"  // one public record per line, with its municipality
	partFeatures = "features.jsonl" // one GeoJSON feature per sensor with a position
	partPage     = "page.html"      // the municipality's page on the national site
	partSearch   = "search.tsv"     // id, kind, type, status and name per line, for the search page
)

// Part is what one register contributes to the national register, kept in
// the cache with the files it names: counts, quality and the map's cells,
// all without naming a record that is not public.
type Part struct {
	// Key is what the part is made of (partKey), SourceKey the key of the
	// source's content or commit it was read from: a merge tells by them
	// a part of another version, or of another entry of federation.yaml.
	Key          string     `json:"key"`
	SourceKey    string     `json:"source_key"`
	Code         string     `json:"code"`
	Organisation string     `json:"organisation"`
	Province     string     `json:"province,omitempty"`
	Source       string     `json:"source"`
	Kind         SourceKind `json:"kind"`
	Commit       string     `json:"commit,omitempty"`
	// Site is the municipality's own register site, when known.
	Site        string `json:"site,omitempty"`
	Records     int    `json:"records"`
	Sensors     int    `json:"sensors"`
	Algorithms  int    `json:"algorithms"`
	Unpublished int    `json:"unpublished"`
	// Rejected are the records in open data that could not be read, and
	// the records that share an id, each with where it is and why.
	Rejected []Rejected `json:"rejected,omitempty"`
	// Refused counts records in open data kept out of the national
	// register, although the member published them: their publication
	// block does not read, or they hold a template's marks (heldBack).
	Refused      int             `json:"refused,omitempty"`
	SensorTypes  map[string]int  `json:"sensor_types"`
	Capabilities map[string]int  `json:"capabilities"`
	RiskGroups   map[string]int  `json:"risk_groups"`
	Quality      quality.Summary `json:"quality"`
	// Cells counts the sensors with a position per cell of the national
	// map's grid ("column,row").
	Cells map[string]int `json:"cells"`
	// Located counts the sensors with a published position.
	Located int `json:"located"`
	// Holds is the days on which the part is as it would be made afresh:
	// those on which the checklist's findings hold and the same
	// evaluations have lapsed. A daily run reuses it on those days while
	// the register is unchanged.
	Holds principle.Span `json:"holds"`
}

// memberOptions are the settings every member's stage shares.
type memberOptions struct {
	dir, cache string
	fetch      bool
	fetcher    *Fetcher
	today      time.Time
	validator  load.Validator
}

// RiskNotStated is the risk group of a record without an AI Act profile.
const RiskNotStated = "not_stated"

// ValueWithheld is what a count tallies a value under that the record
// withholds: it was stated, but is not public.
const ValueWithheld = "withheld"

// process reads one member's register, or reuses its part from the cache
// when the register did not change. It returns the part's folder.
func process(m Member, o memberOptions) (p *Part, partDir string, reused bool, err error) {
	s, err := readSource(m, o)
	if err != nil {
		return nil, "", false, err
	}
	// The checklist's date-bound rules (a lapsed evaluation) change with
	// the day: a part says on which days it holds (Part.Holds).
	key := partKey(m, s.kind, s.key)
	partDir = filepath.Join(o.cache, "parts", m.Code)
	if old, err := readPart(partDir); err == nil && old.Key == key && old.Holds.Holds(o.today) {
		return old, partDir, true, nil
	}
	l, err := s.load(m, o)
	if err != nil {
		return nil, "", false, err
	}
	p = &Part{Key: key, SourceKey: s.key, Code: m.Code, Organisation: m.Organisation, Province: m.Province, Source: m.Source, Kind: s.kind,
		Commit: s.commit, Site: l.base, Rejected: l.rejected, Refused: l.refused}
	if err := writePart(partDir, p, l, o.today); err != nil {
		return nil, "", false, err
	}
	return p, partDir, false, nil
}

// partKey identifies what a member's part is made of: this version's
// parts (cacheVersion), of the member as federation.yaml gives it, from
// its source as read (its kind, and the key of its content or commit;
// none for a register that could not be read).
func partKey(m Member, kind SourceKind, source string) string {
	full := sha256.Sum256([]byte(strings.Join([]string{cacheVersion, string(kind), source, m.Code, m.Organisation, m.Province, m.Source}, "\x00")))
	return hex.EncodeToString(full[:])
}

// memberSource is a member's register, located and read as far as telling
// whether it changed.
type memberSource struct {
	resolved
	key    string // of the open data's content or the folder's commit
	commit string // a register folder's commit, if known
	data   []byte // the open data: register.json
	// parts are the files of the parts register.json links, in order; nil
	// for a register.json that holds its records itself.
	parts []string
	root  string // the register's folder
}

// readSource locates a member's register and reads its key.
func readSource(m Member, o memberOptions) (*memberSource, error) {
	src, err := resolve(m, o.dir, o.cache, o.fetch, o.fetcher)
	if err != nil {
		return nil, err
	}
	s := &memberSource{resolved: src}
	switch src.kind {
	case OpenData:
		s.data, err = readLimited(src.path, MaxOpenDataBytes)
		if err != nil {
			return nil, err
		}
		if s.parts, err = openDataParts(place(src.path), src.base, s.data); err != nil {
			return nil, err
		}
		if s.key, err = openDataKey(s.data, s.parts); err != nil {
			return nil, err
		}
	default:
		s.root = registerRoot(src.path)
		if st, err := os.Stat(s.root); err != nil || !st.IsDir() {
			return nil, fail(nil, msgNotAFolder, place(src.path))
		}
		s.key, s.commit, err = folderKey(s.root)
		if err != nil {
			return nil, fail(err, msgReadRegister, place(s.root))
		}
	}
	return s, nil
}

// memberLoad is a member's register as loaded, with the checklist's
// findings on it.
type memberLoad struct {
	reg   *register.Register
	fs    []finding.Finding // the checklist's findings
	holds principle.Span    // the days on which fs hold
	extra int               // unpublished records the open data counts
	// rejected are the open-data records that could not be read, and the
	// records that share an id.
	rejected []Rejected
	refused  int    // open-data records kept out (heldBack)
	base     string // the member's site
}

// load loads the member's register and runs the checklist on it.
func (s *memberSource) load(m Member, o memberOptions) (memberLoad, error) {
	var l memberLoad
	var err error
	check := principle.Options{Today: o.today}
	if s.kind == OpenData {
		l.reg, l.extra, l.rejected, err = readOpenData(s.path, path.Base(filepath.ToSlash(publicSource(m.Source))), s.base, s.data, s.parts)
		if err != nil {
			return l, err
		}
		l.base = siteOfOpenData(m.Source)
		l.fs, l.holds = principle.RunHolds(l.reg, check)
		l.refused = heldBack(l.reg, l.fs)
		return l, nil
	}
	// The checklist runs on each record as it is read, while it is at
	// hand; its placeholder rule also tells the loader which records to
	// hold back, so no record is searched twice.
	res, err := load.Register(s.root, load.Options{Workers: 1, Validator: o.validator, Check: &check})
	if errors.Is(err, load.ErrNoRegister) {
		return l, fail(nil, msgNoRegister, place(s.root))
	}
	if err != nil {
		return l, fail(err, msgReadRegister, place(s.root))
	}
	// A register.yaml that does not read leaves the loader the defaults:
	// the register is not read, rather than published on settings that
	// are not its own.
	if res.Register.Config.Unreadable {
		return l, fail(memberConfigError(res.Findings), msgConfigUnreadable, place(filepath.Join(s.root, config.FileName)))
	}
	l.reg, l.holds, l.fs = res.Register, res.Checked.Holds(), res.Checked.Slice(0)
	l.base = l.reg.Config.Site.BaseURL
	// A file the loader could not read as a record (its findings say
	// why) is left out, as the register's own build refuses it.
	var rejected []Rejected
	for _, f := range res.Files {
		if _, ok := res.IDs[f]; !ok {
			rejected = append(rejected, Rejected{File: f, Why: RejectedNotARecord})
		}
	}
	// The loader finds an id two files give, but keeps both records.
	at := make([]Rejected, len(l.reg.Records))
	for i, r := range l.reg.Records {
		at[i] = Rejected{File: r.File}
		if record.ValidID(r.ID) {
			at[i].ID = r.ID
		}
	}
	recs, rejected := sharedIDs(slices.Clone(l.reg.Records), at, rejected, nil)
	if len(recs) < len(l.reg.Records) {
		reg := register.New(l.reg.Root, l.reg.Config, recs)
		reg.Sums, reg.Linked = l.reg.Sums, l.reg.Linked
		l.reg = reg
	}
	slices.SortStableFunc(rejected, func(a, b Rejected) int { return strings.Compare(a.File, b.File) })
	l.rejected = rejected
	return l, nil
}

// memberConfigError is where register.yaml went wrong and why, as the loader
// found it (findings): for the operator's report alone, as what the
// system said.
func memberConfigError(findings []finding.Finding) error {
	for _, f := range findings {
		if f.File == config.FileName && f.Severity == finding.Error {
			return fmt.Errorf("%s:%d:%d: %s", f.File, f.Line, f.Column, f.Message.In(message.English))
		}
	}
	return nil
}

// heldBack keeps the records of open data that hold a template's marks
// off the public outputs, as the loader does a register's: the
// checklist's placeholder rule found them (fs), so no record is searched
// twice. It returns how many records are kept out so, with those whose
// publication block does not read (openDataRecord): a member's open data
// that publishes such a record says something is wrong there.
func heldBack(reg *register.Register, fs []finding.Finding) int {
	marked := map[string]bool{}
	for _, f := range fs {
		if f.Rule == placeholder.RuleID {
			marked[f.Record] = true
		}
	}
	n := 0
	for _, r := range reg.Records {
		r.Placeholders = marked[r.ID]
		if r.Placeholders || r.PublicationInvalid {
			n++
		}
	}
	return n
}

// readLimited reads a regular file of at most max bytes: it looks before
// it reads (binread.ReadFile), as opening a named pipe waits for a writer
// for ever.
func readLimited(path string, max int64) ([]byte, error) {
	data, err := binread.ReadFile(path, max)
	return data, readError(path, err)
}

// openRegular opens a regular file to read, of any size, as readLimited
// reads one (binread.Open).
func openRegular(path string) (*os.File, error) {
	f, _, err := binread.Open(path, math.MaxInt64)
	return f, readError(path, err)
}

// readError says in the federation's words why the file at path was not
// read (binread's reasons); nil for nil.
func readError(path string, err error) error {
	var big *binread.TooLarge
	switch {
	case err == nil:
		return nil
	case errors.As(err, &big):
		return fail(nil, msgTooLarge, place(path), big.Most)
	case errors.Is(err, binread.ErrNotRegular):
		return fail(nil, msgNotRegular, place(path))
	}
	return fail(err, msgRead, place(path))
}

// siteOfOpenData is the site a register.json URL was published on: the
// address before data/register.json.
func siteOfOpenData(src string) string {
	lower := strings.ToLower(src)
	if (strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")) && strings.HasSuffix(lower, "/"+opendata.PathJSON) {
		return src[:len(src)-len(opendata.PathJSON)]
	}
	return ""
}

// readOpenData reads a published register.json (the file at name, whose
// records name as index): the site's index with the files of its parts
// under base (see openDataParts), or a document that holds the records
// itself (as export writes it, and sites did before register.json was
// split). Its records are public already; they pass the publication filter
// again all the same, so a record marked not public, or with a block that
// does not read (openDataRecord), stays out. A record that does not read
// as one, and every record of an id that more than one has, stays out
// too: it is rejected, with where it is and why.
func readOpenData(name, index, base string, data []byte, parts []string) (reg *register.Register, unpublished int, rejected []Rejected, err error) {
	var doc struct {
		Organisation string            `json:"organisation"`
		Title        string            `json:"title"`
		Unpublished  int               `json:"unpublished_records"`
		Records      []json.RawMessage `json:"records"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &doc); err != nil {
		return nil, 0, nil, fail(nil, msgNotOpenData, place(name), jsonError(data, err))
	}
	if doc.Records == nil && parts == nil {
		return nil, 0, nil, fail(nil, msgNoRecords, place(name))
	}
	var recs []*record.Record
	var at []Rejected         // where each of recs is
	order := map[string]int{} // of the files: register.json, then its parts
	add := func(file string, raw []json.RawMessage) {
		if _, ok := order[file]; !ok {
			order[file] = len(order)
		}
		for i, raw := range raw {
			r, why := openDataRecord(raw)
			where := Rejected{File: file, Record: i + 1, Why: why}
			if r != nil && record.ValidID(r.ID) {
				where.ID = r.ID
			}
			if why != "" {
				rejected = append(rejected, where)
				continue
			}
			recs, at = append(recs, r), append(at, where)
		}
	}
	add(index, doc.Records)
	// The parts are read one at a time, so the open data of a large
	// register is never in memory whole.
	budget := int64(MaxOpenDataBytes) - int64(len(data))
	for _, p := range parts {
		raw, n, err := readOpenDataPart(p, budget)
		if err != nil {
			return nil, 0, nil, err
		}
		budget -= n
		rel, _ := filepath.Rel(base, p)
		add(filepath.ToSlash(rel), raw)
	}
	recs, rejected = sharedIDs(recs, at, rejected, order)
	cfg := config.Default()
	cfg.Organisation = doc.Organisation
	cfg.Site.Title = doc.Title
	return register.New("", cfg, recs), max(doc.Unpublished, 0), rejected, nil
}

// sharedIDs takes every record whose id more than one of recs has out of
// recs (at says where each is), and adds them to rejected, all in the
// order of the open data (order: of its files). All are kept out, not all
// but the first: a register's check refuses a second record of an id, so
// a register or open data with two was not published as it is, and in
// open data which of them is the register's own (if any) no one can tell;
// the first may be the one slipped in.
func sharedIDs(recs []*record.Record, at, rejected []Rejected, order map[string]int) ([]*record.Record, []Rejected) {
	n := make(map[string]int, len(recs))
	for _, r := range recs {
		n[r.ID]++
	}
	kept := recs[:0]
	for i, r := range recs {
		if n[r.ID] == 1 {
			kept = append(kept, r)
			continue
		}
		where := at[i]
		where.Why, where.Shared = RejectedSharedID, n[r.ID]
		rejected = append(rejected, where)
	}
	slices.SortStableFunc(rejected, func(a, b Rejected) int {
		return cmp.Or(cmp.Compare(order[a.File], order[b.File]), cmp.Compare(a.Record, b.Record))
	})
	return kept, rejected
}

// openDataRecord reads a record of open data, or says why it is none: it
// does not read as a record, or has no valid id or kind. A record whose
// publication block does not read as the loader reads a file's
// (publish.Check) is not public: open data written by another tool, or
// edited by hand, fails closed as a register does.
func openDataRecord(raw json.RawMessage) (*record.Record, RejectedWhy) {
	r := &record.Record{}
	var te *json.UnmarshalTypeError
	switch err := json.Unmarshal(raw, r); {
	case errors.As(err, &te) && te.Field == "id":
		return r, RejectedInvalidID
	case errors.As(err, &te) && te.Field == "kind":
		return r, RejectedInvalidKind
	case err != nil:
		return r, RejectedNotARecord
	case r.ID == "":
		return r, RejectedNoID
	case !record.ValidID(r.ID):
		return r, RejectedInvalidID
	case r.Kind != record.Sensor && r.Kind != record.Algorithm:
		return r, RejectedInvalidKind
	}
	// Numbers as the loader gives them (json.Number).
	var value any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if d.Decode(&value) != nil || len(publish.Check(value, r.Kind)) > 0 {
		r.PublicationInvalid = true
	}
	r.File = r.Kind.Folder() + "/" + r.ID + ".yaml"
	if l := r.Location; l != nil {
		switch {
		case l.Point != nil:
			r.Point = &record.Point{Lat: l.Point.Lat, Lon: l.Point.Lon}
		case l.PointRD != nil:
			lat, lon := geo.RDToWGS84(l.PointRD.X, l.PointRD.Y)
			r.Point = &record.Point{Lat: lat, Lon: lon}
		}
	}
	return r, ""
}

// readOpenDataPart reads the records of a part of register.json of at most budget
// bytes, and returns them with the part's size.
func readOpenDataPart(file string, budget int64) ([]json.RawMessage, int64, error) {
	if budget <= 0 {
		return nil, 0, fail(nil, msgTooLargeInAll, place(file), MaxOpenDataBytes)
	}
	data, err := readLimited(file, budget)
	if err != nil {
		return nil, 0, err
	}
	var part struct {
		Records []json.RawMessage `json:"records"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &part); err != nil {
		return nil, 0, fail(nil, msgNotAPart, place(file), jsonError(data, err))
	}
	if part.Records == nil {
		return nil, 0, fail(nil, msgPartNoRecords, place(file))
	}
	return part.Records, int64(len(data)), nil
}

// openDataParts reads the parts register.json (the file at name, a place
// or an address, holding data) links, and returns their files under base, the folder the links are
// relative to; nil when it links none. A link must be a plain relative
// path to a JSON file inside base ("register/1.json"): anything else (an
// address on another host, a path that climbs out) is refused.
func openDataParts(name any, base string, data []byte) ([]string, error) {
	var doc struct {
		Parts []opendata.PartRef `json:"parts"`
	}
	// A document that does not read is reported by readOpenData, with its
	// position.
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &doc) != nil || doc.Parts == nil {
		return nil, nil
	}
	files := make([]string, 0, len(doc.Parts))
	for _, p := range doc.Parts {
		if !partURL(p.URL) {
			return nil, fail(nil, msgBadPart, name, link(p.URL))
		}
		files = append(files, filepath.Join(base, filepath.FromSlash(p.URL)))
	}
	return files, nil
}

// partURL reports whether u is a link to a part that openDataParts
// follows: relative, clean, inside the index's folder, a .json file.
func partURL(u string) bool {
	return u != "" && strings.HasSuffix(u, ".json") && path.Clean(u) == u && !path.IsAbs(u) &&
		u != ".." && !strings.HasPrefix(u, "../") && !strings.ContainsAny(u, ":\\?#%")
}

// openDataKey identifies open data by its content: register.json and its
// parts.
func openDataKey(data []byte, parts []string) (string, error) {
	if len(parts) == 0 {
		return contentKey(data), nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d\n", len(data))
	h.Write(data)
	for _, p := range parts {
		f, err := openRegular(p)
		if err != nil {
			return "", err
		}
		n, err := io.Copy(h, io.LimitReader(f, MaxOpenDataBytes))
		f.Close()
		if err != nil {
			return "", fail(err, msgRead, place(p))
		}
		fmt.Fprintf(h, "\n%d\n", n)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// jsonSpot is where JSON went wrong, by line and column (none: 0), and
// what the decoder said.
type jsonSpot struct {
	line, col int
	err       error
}

// In is the place and what the decoder said: the operator's full text.
func (s jsonSpot) In(lang string) string {
	if s.line == 0 {
		return s.err.Error()
	}
	return msgLineCol.Format(lang, s.line, s.col) + ": " + s.err.Error()
}

// public is the place alone, as the site publishes it: the decoder's
// words quote the file.
func (s jsonSpot) public() message.Phrase {
	if s.line == 0 {
		return msgNotJSON.With()
	}
	return msgLineCol.With(s.line, s.col)
}

// jsonError says where JSON went wrong, by line and column.
func jsonError(data []byte, err error) jsonSpot {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return jsonSpot{err: err}
	}
	line, col := source.Position(data, int(off))
	return jsonSpot{line, col, err}
}

// writePart computes a register's part from what its load read and the
// checklist found (l) and writes it to partDir, replacing the one there
// only when it is whole.
func writePart(partDir string, p *Part, l memberLoad, today time.Time) error {
	reg := l.reg
	pub := publish.Register(reg)
	p.Unpublished = len(pub.Unpublished) + l.extra
	p.SensorTypes, p.Capabilities, p.RiskGroups, p.Cells = map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	p.Quality = partQuality(reg, pub, l.fs, today)
	// The quality counts the public records' lapsed evaluations, those the
	// public may see (quality.Input.Public).
	shown := register.New(pub.Register.Root, pub.Register.Config, slices.DeleteFunc(slices.Clone(pub.Register.Records), func(v *record.Record) bool {
		return !publish.DueShown(lifecycle.Item{Record: v, What: lifecycle.Evaluation})
	}))
	from, until := lifecycle.Lapsing(shown, today)
	p.Holds = l.holds.And(principle.Span{From: from, Until: until})

	if err := os.MkdirAll(filepath.Dir(partDir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(partDir), "."+filepath.Base(partDir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	rows, err := writePartRecords(tmp, p, pub.Register.Records, reg.Config.Languages)
	if err != nil {
		return err
	}
	if err := writePartPages(tmp, p, rows); err != nil {
		return err
	}
	old := partDir + ".old"
	_ = os.RemoveAll(old)
	if err := os.Rename(partDir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, partDir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// partQuality measures quality over what the public sees: the checklist ran
// on the register as loaded (its rules need every field), and only the
// findings the public may see count: on public records, and not of a rule
// whose verdict rests on a withheld field (publish.Public.Discloses), or a
// principle's share of clean records would tell it.
func partQuality(reg *register.Register, pub *publish.Public, fs []finding.Finding, today time.Time) quality.Summary {
	public := map[string]bool{}
	for _, v := range pub.Register.Records {
		public[v.ID] = true
	}
	kept := fs[:0:0]
	byRecord := map[string][]finding.Finding{}
	for _, f := range fs {
		byRecord[f.Record] = append(byRecord[f.Record], f)
		if public[f.Record] && f.Severity != finding.Off && pub.Discloses(reg.ByID(f.Record), f) {
			kept = append(kept, f)
		}
	}
	// A verdict kept back counts as neither a pass nor a fail.
	// Asked once per principle: worked out once per record.
	undisclosed := map[string][]string{}
	keptBack := func(id string) []string {
		rules, ok := undisclosed[id]
		if !ok {
			rules = pub.Undisclosed(reg.ByID(id), byRecord[id])
			undisclosed[id] = rules
		}
		return rules
	}
	q := quality.Summarise(quality.Measure(quality.Input{Register: pub.Register, Findings: kept, Today: today, Public: true, KeptBack: keptBack}))
	q.SwitchedOff = len(principle.Deviations(reg.Config))
	q.HeldBack = 0
	for _, r := range pub.Unpublished {
		if r.Placeholders {
			q.HeldBack++
		}
	}
	return q
}

// writePartRecords writes the public records and the sensors' map features
// to the part's folder dir, one JSON line each, counts them in p, and
// returns the rows of the municipality's page.
func writePartRecords(dir string, p *Part, recs []*record.Record, langs []string) ([]pageRow, error) {
	rf, err := os.Create(filepath.Join(dir, partRecords))
	if err != nil {
		return nil, err
	}
	defer rf.Close()
	ff, err := os.Create(filepath.Join(dir, partFeatures))
	if err != nil {
		return nil, err
	}
	defer ff.Close()
	rw, fw := bufio.NewWriterSize(rf, 1<<16), bufio.NewWriterSize(ff, 1<<16)
	muni, _ := json.Marshal(map[string]string{"code": p.Code, "name": p.Organisation})
	var rows []pageRow
	for _, v := range recs {
		p.tally(v)
		line, err := recordJSON(v, muni)
		if err != nil {
			return nil, err
		}
		rw.Write(line)
		rw.WriteByte('\n')
		if v.Kind == record.Sensor {
			if err := p.writeFeature(fw, v); err != nil {
				return nil, err
			}
		}
		url := ""
		if p.Site != "" {
			url = pageurl.RecordURL(&config.Config{Site: config.Site{BaseURL: p.Site}, Languages: langs}, v.Kind, v.ID)
		}
		rows = append(rows, pageRowOf(v, url))
	}
	for _, done := range []func() error{rw.Flush, fw.Flush, rf.Close, ff.Close} {
		if err := done(); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// tally counts a public record in the part's figures.
func (p *Part) tally(v *record.Record) {
	p.Records++
	switch v.Kind {
	case record.Sensor:
		p.Sensors++
		p.SensorTypes[tallied(v, "sensor_type", v.SensorType)]++
	case record.Algorithm:
		p.Algorithms++
	}
	for _, c := range v.Capabilities {
		p.Capabilities[c]++
	}
	risk := RiskNotStated
	switch {
	case v.AIAct != nil && v.AIAct.Category != "":
		risk = v.AIAct.Category
	case v.IsWithheld("ai_act.category"):
		risk = ValueWithheld
	}
	p.RiskGroups[risk]++
}

// tallied is the value a count tallies for a field of the public view v:
// its value, or ValueWithheld where the record withholds it (the view
// has it blank), not the "not stated" of a value never given.
func tallied(v *record.Record, field, value string) string {
	if v.BlankedByWithholding(field, value) {
		return ValueWithheld
	}
	return value
}

// writeFeature writes a sensor's map feature, if it has one, as a line to
// w, and counts it among the located sensors and in its cell.
func (p *Part) writeFeature(w *bufio.Writer, v *record.Record) error {
	if f := opendata.SensorFeature(v); f != nil {
		f.Properties["municipality"] = p.Code
		f.Properties["municipality_name"] = p.Organisation
		b, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("encode sensor %s: %w", v.ID, err)
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	if pt := opendata.Position(v); pt != nil {
		p.Located++
		if c, ok := cellOf(pt.Lon, pt.Lat); ok {
			p.Cells[c]++
		}
	}
	return nil
}

// writePartPages writes the municipality's page, its search lines and, last,
// the part's meta.json to the part's folder dir: a part is read only when
// its meta is there.
func writePartPages(dir string, p *Part, rows []pageRow) error {
	var page, search bytes.Buffer
	if err := renderMunicipality(&page, p, rows); err != nil {
		return err
	}
	for _, r := range rows {
		search.WriteString(searchLine(r))
	}
	if err := os.WriteFile(filepath.Join(dir, partSearch), search.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, partPage), page.Bytes(), 0o644); err != nil {
		return err
	}
	meta, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, partMeta), meta, 0o644)
}

// searchLine is a record's line in the search index: tab-separated, with
// the tabs and line breaks of its texts made spaces.
func searchLine(r pageRow) string {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	return strings.Join([]string{r.ID, clean.Replace(r.Type), clean.Replace(r.Status), clean.Replace(r.Name)}, "\t") + "\n"
}

// recordJSON is the public view v as the record format's JSON, with its
// municipality first.
func recordJSON(v *record.Record, muni []byte) ([]byte, error) {
	var x any = v
	if !publish.Plain(v) {
		m, err := publish.Map(v)
		if err != nil {
			return nil, err
		}
		x = m
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return nil, fmt.Errorf("encode record %s: %w", v.ID, err)
	}
	body := bytes.TrimSpace(b.Bytes())
	out := make([]byte, 0, len(body)+len(muni)+20)
	out = append(out, `{"municipality":`...)
	out = append(out, muni...)
	if len(body) > 2 {
		out = append(out, ',')
	}
	return append(out, body[1:]...), nil
}

// maxPartMeta bounds the part's meta read from the cache: far above what
// a register of 100,000 records writes (its map's cells are most of it).
const maxPartMeta = 64 << 20

// readPart reads a part's meta from the cache; an error when there is none
// or its files are missing, or any is not a regular file (what is in the
// cache folder is read as if it were the part, and a named pipe would
// hold the run for ever).
func readPart(dir string) (*Part, error) {
	meta := filepath.Join(dir, partMeta)
	data, err := readLimited(meta, maxPartMeta)
	if err != nil {
		return nil, err
	}
	p := &Part{}
	if err := json.Unmarshal(data, p); err != nil {
		return nil, err
	}
	for _, f := range []string{partRecords, partFeatures, partPage, partSearch} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return nil, err
		} else if !st.Mode().IsRegular() {
			return nil, fail(nil, msgNotRegular, place(filepath.Join(dir, f)))
		}
	}
	return p, nil
}
