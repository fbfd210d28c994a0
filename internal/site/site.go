// Package site builds the public register website: a static site, with no
// server and nothing loaded from another host, that shows every public record
// in plain Dutch (and English), the checklist's findings, a map of the
// sensors, and the open-data downloads. The caller passes what the site shows
// (findings, history, due items) as values, so this package needs neither
// Git nor the checklist.
package site

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"errors"
	"io"
	"io/fs"
	"iter"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Change is one commit that touched a record, for the record's history.
type Change struct {
	Date    string // YYYY-MM-DD
	Subject string // the commit's first line
	Author  string // shown only when site.show_commit_authors is set
	Added   bool   // the commit that added the record
	// Fields are the fields the commit changed, as dotted paths
	// ("lifecycle.end"); the page names them, never their values.
	Fields []string
}

// History is a record's history in the register's Git repository, newest
// change first.
type History struct {
	Added   string // date the record was first committed
	Changes []Change
}

// lapsed is a record's evaluation or life cycle whose date has passed, as
// the lifecycle package works it out.
type lapsed struct {
	record *record.Record
	what   lifecycle.What
	date   string // YYYY-MM-DD
}

// Rule describes a checklist rule, so record pages can name a finding in the
// reader's language and the principles page can list each principle's rules.
type Rule struct {
	ID    string
	Ref   string // the principle it cites, e.g. "VNG 4.3"
	Title label.Text
	Why   label.Text
	// Covers are further principles the rule checks ("C-no-live-face").
	Covers []string
	// Cites are principles some of its findings cite that it does not
	// check (principle.Rule's Cites): they get no tick from it.
	Cites []string
	// Basis says where the rule comes from: the law with its articles, or
	// policy.
	Basis label.Text
	// Applies says whether the rule concerns a record (principle.Rule's
	// Applies); nil for every record. A principle gets a tick on a record's
	// page only when a rule that checks it applies to the record: "not
	// applicable" is not a pass.
	Applies func(*record.Record) bool
	// AppliesOn, when set, says whether the rule concerns a record on the
	// day the site is built for (principle.Rule's AppliesOn).
	AppliesOn func(*record.Record, time.Time) bool
	// Severity is the rule's severity as the configuration sets it: how
	// the pages mark a state the rule judges (an evaluation overdue).
	Severity finding.Severity
}

// Options are the inputs of a build besides the register itself.
type Options struct {
	// Out is the folder the site is written to. Whatever is there is
	// replaced at once when the build succeeds, and kept when it fails.
	// An earlier version is kept next to it (.NAME.previous): the next
	// build updates that copy rather than writing every file again.
	Out string
	// Lock is Out's build lock when the caller took it already (Lock),
	// before its own slow work; nil makes Build take it.
	Lock *BuildLock
	// Now is the build's clock; "today" is taken from it in Europe/Amsterdam.
	Now time.Time
	// Check runs the principles checklist and hands each finding to each,
	// which reads it until it returns; nil leaves the checklist out and
	// record pages say it was not run.
	Check func(reg *register.Register, each func(*finding.Finding))
	// Gathered, when set, is called once the build keeps what Check
	// handed over its own way, from another goroutine while the build
	// prepares.
	Gathered func()
	// Findings are further findings to show on record pages (for example
	// from loading); they are shown whether or not Check is set. A record
	// file with a schema or YAML finding here has its source published only
	// as the publication filter rebuilds it (it may hold keys the record
	// format does not know), so pass the load's findings.
	Findings []finding.Finding
	// History is each record's Git history, by record file (as in
	// Record.File); nil when the register is not a Git repository.
	History map[string]History
	// PastSecrets are the secrets of every version of every record file
	// the history holds (publish.PastSecrets), which the commit subjects
	// in History leave out (publish.Public.AlsoScrubFromSubjects): a
	// subject may quote what was secret when it was written. Needed only
	// when History holds subjects.
	PastSecrets []string
	// Rules describe the checklist's rules; without them findings show their
	// rule id and message only, and no principle gets a tick (nothing says
	// which rule checked it).
	Rules []Rule
	// Deviations are the rules the configuration switched off or lowered;
	// every page that concerns them lists them.
	Deviations []Deviation
	// Schemas are the JSON Schemas to publish, by file name.
	Schemas map[string][]byte
	// Dates say when the open data began and last changed, for the DCAT
	// catalogue; see opendata.Dates.
	Dates opendata.Dates
	// Feed writes the change feed (Atom), published at pageurl.FeedPath and
	// linked from every page; nil publishes none. text takes what the site
	// keeps back out of a free text (publish.Public.FreeText): the feed
	// scrubs its entries with the site's own, not one made again.
	Feed func(w io.Writer, text func(s, lang string) string) error
	// Workers is the number of pages rendered at once; zero means four per
	// processor (GOMAXPROCS).
	Workers int
	// Memo, when set, keeps what a build worked out of each record for the
	// next build given the same Memo (see Memo).
	Memo *Memo
	// Making, when set, is called as the build begins each file it
	// makes afresh, from its workers at once; a file kept as it was is
	// not made.
	Making func()
}

// Stats says what a build wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
	// Written counts the files the build wrote anew in its working copy,
	// an older version of the site (see outdir.Update): the rest were left
	// as that version held them.
	Written int
	// Changed counts the files of the site readers will see change: new,
	// removed, or with other content than the site they see now has.
	Changed int
	// Keyless says why the build could not key its pages, when it could
	// not: it then made every page anew, as the next build will.
	Keyless error
	// Skipped counts the files whose inputs had not changed since the
	// version of the site the build updated: neither rendered nor written.
	Skipped int
	// Copied counts the pieces of the downloads (rows, features, entries)
	// copied from the current site's downloads rather than made again.
	Copied int
	// Quoting are the records whose texts the site shows with "niet
	// openbaar" where they quote another record's secret.
	Quoting []publish.Quote
}

// BuildLock is the build lock of an output folder (Lock), with what the
// build reads ahead of the folders it will update.
type BuildLock struct {
	*outdir.Lock
	ahead *ahead
}

// Lock takes the build lock of the output folder out, so a command can
// refuse a second build to the same folder before it loads anything; pass
// it in Options.Lock, with m as Options.Memo, and release it when done.
// Holding the lock, the build reads what it will update while the command
// loads the register: read after the load, beside the preparing of the
// pages, it took some 40 ms of a core from them in a build after one
// change at 10,000 records.
func Lock(out string, m *Memo) (*BuildLock, error) {
	l, err := outdir.Acquire(out)
	if err != nil {
		return nil, failedAt(out, err)
	}
	bl := &BuildLock{Lock: l}
	if abs, err := filepath.Abs(out); err == nil {
		bl.ahead = lookAhead(abs, m)
	}
	return bl, nil
}

// Build writes the site for reg into opts.Out. It updates a working copy
// next to Out, writing only the files whose content changed and removing
// those no longer part of the site, and swaps it in, in one step, only when
// everything was written (package outdir): readers see the old site or the
// new, never a mix. A second build to the same folder while one runs is
// refused.
func Build(reg *register.Register, opts Options) (Stats, error) {
	p, err := Prepare(reg, opts)
	if err != nil {
		return Stats{}, err
	}
	return p.Build()
}

// Prepared is a build made ready to write: the public view of the
// register and what every page needs, worked out (quick.go).
type Prepared struct {
	b   *builder
	out string
}

// Prepare does what Build does before it writes: the build's Build
// writes the site.
func Prepare(reg *register.Register, opts Options) (*Prepared, error) {
	if reg == nil {
		return nil, errors.New("build site: no register")
	}
	if opts.Out == "" {
		return nil, errors.New("build site: no output folder")
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, failed(err)
	}
	if err := outdir.Replaceable(out); err != nil {
		return nil, err
	}
	go templates() // parsed while the build is prepared, for its first page
	// What the lock read ahead; without, the build reads it itself (run).
	a := opts.Lock.aheadOf(out, opts.Memo)
	b, err := newBuilder(reg, opts, out)
	if err != nil {
		if a != nil {
			<-a.done
		}
		return nil, err
	}
	b.ahead = a
	return &Prepared{b: b, out: out}, nil
}

// Build writes the prepared site, as Build does; once only.
func (p *Prepared) Build() (Stats, error) {
	b, out, opts := p.b, p.out, p.b.opts
	var err error
	// A second build to the same folder is refused meanwhile, and what an
	// interrupted build left there is cleared first.
	var runErr error
	fill := func(work string) error {
		// The working copy is a version of the site kept next to Out,
		// under the lock; refuse one that something else put there.
		if runErr = outdir.Replaceable(work); runErr != nil {
			return runErr
		}
		b.dir, b.cur = work, out
		if cur, err := outdir.Resolve(out); err == nil {
			b.cur = cur
		}
		if st, err := os.Stat(b.cur); err == nil && st.IsDir() {
			b.hasCur = true
		}
		// Each record's lapsed items are kept in the Memo, which initKeys
		// readies for the build: the home page works them out later
		// (lapsedList).
		b.initKeys() // under the lock: it may make the secret beside out
		runErr = b.run()
		return runErr
	}
	if opts.Lock != nil {
		err = opts.Lock.Update(fill)
	} else {
		err = outdir.Update(out, fill)
	}
	if runErr != nil {
		return Stats{}, runErr
	}
	if err != nil {
		return Stats{}, failedAt(out, err)
	}
	return Stats{Pages: b.pages, Files: b.files, Written: b.written, Changed: b.changed, Keyless: b.keyless, Skipped: b.skippedFiles, Copied: b.copied, Quoting: b.pub.Quoting()}, nil
}

// builder holds what every page needs during one build.
type builder struct {
	// texts is what is kept of the reading of the records' texts
	// (textsKept).
	texts *publish.TextsKept
	// prefill holds a sensor's update-link answers (prefillAnswers) for
	// its pages in the other languages.
	prefill sync.Map
	reg     *register.Register // the public view (see publish.Register)
	loaded  *register.Register // as loaded: for the checklist and the open-data count only
	pub     *publish.Public
	cfg     *config.Config
	opts    Options
	today   time.Time
	// todayStamp is today written out (period.Format), once: the pieces
	// that follow from the day are stamped with it (keptDayPiece), and
	// the pages that show the day show it.
	todayStamp string
	langs      []string
	out        string // the folder the site is built into, as given
	dir        string // the working copy being updated
	cur        string // the site readers see now, which dir replaces
	hasCur     bool   // there is one: the build is not the first
	checked    bool
	tiles      *url.URL

	public      []*record.Record
	publicOf    []*record.Record // the record as loaded of each of public
	publicSet   map[*record.Record]bool
	unpublished []*record.Record
	skipped     []*record.Record // no valid id or kind
	// findings are each record's findings to show, by record id, as
	// given and checked, kept in the small (keptFindings); findingsOf
	// passes them through the filter and sorts them for a page.
	findings   map[string][]keptFinding
	usedBy     map[string][]*record.Record // sensor id → algorithms
	lapsed     lapsedOnce
	mapped     mapped                 // the sensors on the map (mappedSensors)
	facets     map[string]*facetTable // by language (facetRows)
	withSource map[string]bool        // records whose YAML is published
	sources    []*record.Record       // those records as loaded, in the register's order
	// invalidFiles are record files with schema or YAML findings: they may
	// hold keys the record format does not know, so their source is
	// published only as rebuilt by the filter.
	invalidFiles map[string]bool

	skeletons  map[string]*skeleton // record page layouts, by language and kind
	skelMu     sync.Mutex
	refAnchors map[string][]string // a finding's principle field → anchors
	rules      map[string]Rule
	// anchorRules are the rules that check each principle, by its
	// anchor: every record page asks, and parsing references is slow.
	anchorRules map[string][]Rule
	// ruleAnchors are the anchors of the principles each rule checks
	// (its Ref and Covers), by rule id: its findings are shown under
	// each, so none of them reads as met while one is open.
	ruleAnchors map[string][]string
	deviation   map[string]Deviation // by rule id
	// checkedStates is checkedState by principle anchor.
	checkedStates map[string]string
	checkedOnce   sync.Once

	// keys are what the keys of skippable pages are made of; known what
	// the build knows of each of the site's files: their keys in the
	// manifests of the folder being updated, of the current site and of
	// the one written, and which files are there.
	keys  keys
	known *siteFiles
	// curPieces is the current site's piece index, newPieces the one
	// written (filePieces).
	curPieces map[string]*placedFile
	newPieces map[string][]placedPiece
	// held is the folders of the working copy before the build wrote to
	// it.
	held *outdir.Tree
	// ahead is what the build read of the folders while it prepared.
	ahead *ahead

	mu           sync.Mutex
	pages        int
	files        int
	written      int
	changed      int   // files readers will see change (Stats.Changed)
	keyless      error // why the pages have no keys (Stats.Keyless)
	skippedFiles int
	copied       int
}

// newBuilder prepares one build of reg's site into out: the public view,
// each record's findings and what every page needs.
func newBuilder(reg *register.Register, opts Options, out string) (*builder, error) {
	cfg := reg.Config
	if cfg == nil {
		cfg = config.Default()
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	today := period.Today(opts.Now)
	b := &builder{reg: reg, cfg: cfg, opts: opts, today: today, todayStamp: period.Format(today), out: out,
		findings: map[string][]keptFinding{}, usedBy: map[string][]*record.Record{}, withSource: map[string]bool{}, invalidFiles: map[string]bool{},
		skeletons: map[string]*skeleton{}, refAnchors: map[string][]string{}, rules: map[string]Rule{}}
	b.anchorRules, b.ruleAnchors = map[string][]Rule{}, map[string][]string{}
	for _, r := range opts.Rules {
		b.rules[r.ID] = r
		b.ruleAnchors[r.ID] = ruleAnchors(r)
		for _, a := range b.ruleAnchors[r.ID] {
			if !slices.ContainsFunc(b.anchorRules[a], func(o Rule) bool { return o.ID == r.ID }) {
				b.anchorRules[a] = append(b.anchorRules[a], r)
			}
		}
	}
	b.deviation = map[string]Deviation{}
	for _, d := range opts.Deviations {
		b.deviation[d.Rule] = d
	}
	b.langs = siteLanguages(cfg.Languages)
	b.facets = map[string]*facetTable{}
	for _, l := range b.langs {
		b.facets[l] = &facetTable{}
	}
	if cfg.Site.TilesURL != "" {
		u, err := parseTilesURL(cfg.Site.TilesURL)
		if err != nil {
			return nil, err
		}
		b.tiles = u
	}
	// Everything the site shows comes from the public view: b.reg holds
	// only public records, each without what it withholds.
	// Which records' sources are published follows from the load: done
	// while the views are made.
	// Each record's findings follow from the register as loaded too, and
	// are gathered meanwhile: one by one after the views, they kept a core
	// waiting.
	var sources sync.WaitGroup
	sources.Add(2)
	go func() {
		defer sources.Done()
		b.markSources(reg, opts.Findings)
	}()
	go func() {
		defer sources.Done()
		b.gatherFindings(reg, opts)
		if opts.Gathered != nil {
			opts.Gathered()
		}
	}()
	b.texts = opts.Memo.textsKept(out, reg.Sums)
	pub := publish.RegisterKept(reg, opts.Memo.viewer(), b.texts)
	// Before any page is keyed: a key holds each subject as shown
	// (shownHistory), so a page is made again when what leaves its
	// subjects changes.
	pub.AlsoScrubFromSubjects(opts.PastSecrets)
	b.pub, b.loaded, b.reg = pub, reg, pub.Register
	b.sortRecords(reg)
	b.linkSensors()
	sources.Wait()
	return b, nil
}

// siteLanguages are the configured languages the site is built in, in the
// configuration's order: Dutch and English, both when none is configured.
func siteLanguages(configured []string) []string {
	var langs []string
	for _, l := range configured {
		if (l == "nl" || l == "en") && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		langs = []string{"nl", "en"}
	}
	return langs
}

// sortRecords sorts the loaded records into public ones (their public
// views), unpublished ones and skipped ones, which cannot have a page.
func (b *builder) sortRecords(reg *register.Register) {
	// Each record is looked at on its own, several at once, and put in its
	// list in the register's order: one after the other, the look-ups of
	// 10,000 records kept the other core waiting at the end of preparing.
	const (
		skipped = iota
		public
		unpublished
	)
	sorts, views := make([]uint8, len(reg.Records)), make([]*record.Record, len(reg.Records))
	parallel.Each(len(reg.Records), func(i int) {
		r := reg.Records[i]
		switch {
		case !reg.Publishable(r):
			// An id that is not a slug, an unknown kind or a second record
			// with the same id has no safe, stable URL; validation reports it.
			sorts[i] = skipped
		case r.IsPublic():
			v := b.pub.ViewOf(r)
			if v.IsWithheld("name") {
				// The page, lists and map need a name: the id stands in.
				v.Name = v.ID
			}
			sorts[i], views[i] = public, v
		default:
			sorts[i] = unpublished
		}
	})
	for i, r := range reg.Records {
		switch sorts[i] {
		case skipped:
			b.skipped = append(b.skipped, r)
		case public:
			b.public, b.publicOf = append(b.public, views[i]), append(b.publicOf, r)
		default:
			b.unpublished = append(b.unpublished, r)
		}
	}
}

// linkSensors fills the public set and, for each public sensor, the public
// algorithms that say they use it.
func (b *builder) linkSensors() {
	public := map[string]bool{}
	b.publicSet = make(map[*record.Record]bool, len(b.public))
	for _, r := range b.public {
		public[r.ID] = true
		b.publicSet[r] = true
	}
	for _, r := range b.public {
		if r.Kind != record.Algorithm || r.IsWithheld("uses_sensors") {
			continue
		}
		for _, s := range r.UsesSensors {
			if public[s] && !slices.Contains(b.usedBy[s], r) {
				b.usedBy[s] = append(b.usedBy[s], r)
			}
		}
	}
}

// gatherFindings runs the checklist when asked, and keeps each record's
// findings, given and checked, in the small (keptFindings): neither the
// checklist's findings nor the caller's need outlive it. findingsOf makes
// a page's findings, as shown in public, when the page is rendered.
func (b *builder) gatherFindings(reg *register.Register, opts Options) {
	// Findings that name no record are found theirs by file; most name it.
	var byFile map[string]string
	recordOf := func(file string) string {
		if byFile == nil {
			byFile = make(map[string]string, len(reg.Records))
			for _, r := range reg.Records {
				byFile[r.File] = r.ID
			}
		}
		return byFile[file]
	}
	kept := newKeptFindings()
	// A record's findings come one after the other: they are added to its
	// list, which is put in the map when another record's come, not looked
	// up and stored again for each of the 60,000 findings of 10,000
	// records. The lists are parts of one array (slab), allocated
	// keptChunk findings at a time: grown each on its own, they were
	// allocated four times over. A record whose findings come again later
	// has its list grown as it is.
	const keptChunk = 4096
	var (
		cur     string
		slab    []keptFinding
		start   int // where cur's list starts in slab; -1: it is curKept
		curKept []keptFinding
	)
	putBack := func() {
		switch {
		case cur == "":
		case start >= 0:
			b.findings[cur] = slab[start:len(slab):len(slab)]
		default:
			b.findings[cur] = curKept
		}
	}
	add := func(k keptFinding) {
		if start < 0 {
			curKept = append(curKept, k)
			return
		}
		if len(slab) == cap(slab) {
			// Full: cur's list so far moves to the next part with it.
			run := slab[start:]
			slab = append(make([]keptFinding, 0, max(keptChunk, 2*len(run))), run...)
			start = 0
		}
		slab = append(slab, k)
	}
	keep := func(f *finding.Finding) {
		id := f.Record
		if id == "" {
			id = recordOf(f.File)
		}
		if id != "" && f.Severity > finding.Off {
			if id != cur {
				putBack()
				cur, start = id, len(slab)
				if before := b.findings[id]; before != nil {
					start, curKept = -1, before
				}
			}
			add(kept.keep(f))
			// The principle it cites (checklist); its rule's are in
			// ruleAnchors.
			if _, ok := b.refAnchors[f.Principle]; !ok {
				b.refAnchors[f.Principle] = refAnchors(f.Principle)
			}
		}
	}
	for i := range opts.Findings {
		keep(&opts.Findings[i])
	}
	if opts.Check != nil {
		b.checked = true
		opts.Check(reg, keep)
	}
	putBack()
}

// findingsOf is a record's findings as shown in public, most severe
// first, and the rules whose verdict on it is not public (publish.Public
// Undisclosed): findings may quote values, so they go through the same
// filter as the record. Made for each page that shows them and not kept.
func (b *builder) findingsOf(id string) ([]finding.Finding, []string) {
	loaded := b.loaded.ByID(id)
	kept := b.findings[id]
	gathered := make([]finding.Finding, len(kept))
	for i, f := range kept {
		gathered[i] = f.finding(id)
	}
	fs, hidden := b.pub.Verdicts(loaded, gathered)
	slices.SortStableFunc(fs, func(x, y finding.Finding) int {
		return cmp.Or(cmp.Compare(y.Severity, x.Severity), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Message.In("en"), y.Message.In("en")))
	})
	return fs, hidden
}

// markSources marks the files with schema, YAML or publication findings,
// and the public records whose source file is published.
func (b *builder) markSources(reg *register.Register, given []finding.Finding) {
	for _, f := range given {
		if f.Rule == finding.RuleSchema || f.Rule == finding.RuleYAML || f.Rule == finding.RulePublication {
			b.invalidFiles[f.File] = true
		}
	}
	for _, r := range reg.Records {
		// Each public record's source file is published through the
		// filter (publish.Public.Source).
		if r.File == "" || !r.IsPublic() || !reg.Publishable(r) {
			continue
		}
		// Only a file whose content the load hashed, since the source is
		// published only as the load read it (sourceJobs), and not one
		// it read through a link, which another record's source may be.
		if _, hashed := reg.Sums[r.File]; hashed && !reg.Linked[r.File] {
			b.withSource[r.ID] = true
			b.sources = append(b.sources, r)
		}
	}
}

// parseTilesURL accepts only an https tile template with {z}, {x} and {y}:
// the site then allows images from that one host and no other.
func parseTilesURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil ||
		!strings.Contains(s, "{z}") || !strings.Contains(s, "{x}") || !strings.Contains(s, "{y}") {
		return nil, msgTilesURL.Err(s)
	}
	return u, nil
}

// job is one file to write.
type job struct {
	path   string // relative to the site root, slash-separated
	render func(*bytes.Buffer) error
	// stream, when set instead of render, writes a large file straight to
	// the disk, so it is never held in memory whole.
	stream func(io.Writer) error
	page   bool
	// key, when set, returns the key of the file's inputs (see
	// incremental.go), or nil when they cannot be known: a file whose key
	// the manifest holds is not written again.
	key func() []byte
	// file is what the build knows of the file at path, set as the job
	// is listed (dispatcher.prepare).
	file *fileState
	// done, when set, is called once the file is written or kept: it lets
	// go of what the job made for its key and render, which the list of
	// jobs it came in would otherwise hold until the last of them ran.
	done func()
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for the next page: a rare large
// page's buffer is left to the collector rather than held for the rest
// of the build.
const maxPooled = 1 << 20

// run renders every file on a pool of workers.
func (b *builder) run() error {
	a, ok := b.ahead.of(b.dir, b.cur)
	if !ok {
		a = readAhead(b.opts.Memo, b.dir, b.cur)
		<-a.done
	}
	if a.heldErr != nil {
		return failed(a.heldErr)
	}
	// What the working copy holds (held), looked at once: a page the
	// manifest names is kept when its file is there, and what the build
	// does not write is pruned from the same list. Looked at before the
	// marker was written and the manifest and piece index dropped, it
	// differs from the folder in those only: the marker is a file written,
	// so it is kept, and pruning a file already gone is no error.
	b.known, b.held = a.files, a.held
	// Pieces placed under other build-wide inputs (another day, another
	// configuration or program) have other keys: none would be found, and
	// the index and the downloads' maps of it are not held for nothing.
	if a.curMade == b.keys.made && b.keys.global != nil {
		b.curPieces = a.curPieces
	}
	b.ahead = nil // taken: what else it read goes
	b.newPieces = map[string][]placedPiece{}
	d := &dispatcher{dir: b.dir, dirs: map[string]bool{}, files: b.known}
	// The marker first: a working copy an interrupted build left is
	// recognised by it.
	marker := markerJob()
	if err := d.prepare(&marker); err != nil {
		return err
	}
	if err := b.write(marker); err != nil {
		return err
	}
	if err := dropKept(b.dir); err != nil {
		return failed(err)
	}
	if err := b.writeAll(d, b.jobs()); err != nil {
		return err
	}
	// What the pages read of the records' texts is kept for the next build
	// meanwhile. Like the manifest and the piece index below, it is written
	// once every page is, and the three, one after the other, were the
	// last 18 ms of a build after one change at 10,000 records. It is a
	// cache keyed by each record's content, right whether or not this
	// update is then put in place.
	texts := make(chan struct{})
	go func() {
		defer close(texts)
		b.saveTexts()
	}()
	defer func() { <-texts }()
	// What the site no longer has (the page of a removed record, a facet
	// value no record has now) goes.
	if err := b.held.Remove(b.known.stale()); err != nil {
		return failed(err)
	}
	b.changed += b.known.gone()
	var pieces error
	index := make(chan struct{})
	go func() {
		defer close(index)
		if len(b.newPieces) > 0 {
			pieces = writePieceIndex(b.dir, b.newPieces)
		}
	}()
	err := b.opts.Memo.writeManifest(b.dir, b.keys.made, b.known.newManifest())
	<-index
	if err = errors.Join(err, pieces); err != nil {
		return failed(err)
	}
	return nil
}

// dispatcher hands the jobs to the workers as they are listed: it makes
// the folders they write into and marks the paths written in the site's
// files.
type dispatcher struct {
	dir   string
	dirs  map[string]bool // the folders made
	files *siteFiles
}

// prepare marks the path of a job about to run, gives the job its file's
// state, and makes its folder when the working copy held no file there.
func (d *dispatcher) prepare(j *job) error {
	s := d.files.state(j.path)
	// Page paths are made collision-free (recordFile, slug); should two
	// ever meet, fail rather than let one page overwrite another.
	if s.has&listed != 0 {
		return msgTwoFiles.Err(j.path)
	}
	s.has |= listed
	j.file = s
	if s.has&scanned != 0 {
		return nil // its folder is there
	}
	dir := path.Dir(j.path)
	if d.dirs[dir] {
		return nil
	}
	// Each folder a folder of its own: a link to a folder in the working
	// copy would have the pages written wherever it points.
	removed, err := outdir.MakeDir(d.dir, dir)
	for _, p := range removed {
		// Gone already, and a folder now: not one to remove at the end.
		d.files.state(p).has &^= scanned
	}
	if err != nil {
		return failed(err)
	}
	d.dirs[dir] = true
	return nil
}

// writeAll runs the jobs on a pool of workers as they are listed, and
// returns the first error. The jobs are not listed ahead: what a job's
// render holds (the rows of a list, a language's record jobs) is made
// when its turn comes and freed once it ran, so memory holds the jobs in
// flight rather than the whole site's.
func (b *builder) writeAll(d *dispatcher, jobs iter.Seq[job]) error {
	workers := b.opts.Workers
	if workers <= 0 {
		// More workers than cores: a worker creating a file waits on the
		// disk, and another can render meanwhile.
		workers = 4 * runtime.GOMAXPROCS(0)
	}
	var listErr error
	key := b.keyer()
	// The jobs are handed out in batches: one at a time, a build after one
	// change, most of whose files are found unchanged in microseconds,
	// spent a twentieth of its CPU switching between the goroutine that
	// lists them and the workers (some 11,000 waits each way at 10,000
	// records). A download, which takes long, goes alone.
	listed := func(yield func([]job) bool) {
		var batch []job
		for j := range jobs {
			key(&j)
			if listErr = d.prepare(&j); listErr != nil {
				return
			}
			if j.stream != nil {
				if len(batch) > 0 && !yield(batch) || !yield([]job{j}) {
					return
				}
				batch = nil
				continue
			}
			if batch == nil {
				batch = make([]job, 0, jobBatch)
			}
			if batch = append(batch, j); len(batch) == jobBatch {
				if !yield(batch) {
					return
				}
				batch = nil
			}
		}
		if len(batch) > 0 {
			yield(batch)
		}
	}
	err := parallel.Stream(workers, listed, func(js []job) error {
		for _, j := range js {
			if err := b.write(j); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return listErr
}

// jobBatch is the most jobs a worker is handed at once.
const jobBatch = 16

// write writes one job's file, or keeps the one there when its key says it
// is unchanged, and counts it.
func (b *builder) write(j job) error {
	if j.done != nil {
		defer j.done()
	}
	if key, keyed := jobKey(j); keyed {
		// Set here, by the one job of the path; read once every job ran.
		j.file.new = key
		j.file.has |= hasNew
		if b.unchanged(j.path, j.file) {
			// A download kept as it is keeps its pieces where they are.
			if pieces, kept := b.keptPieces(j.path); kept {
				b.mu.Lock()
				b.newPieces[j.path] = pieces
				b.mu.Unlock()
			}
			b.tally(j, false, true, b.changedForReaders(j.path, j.file))
			return nil
		}
	}
	if b.opts.Making != nil {
		b.opts.Making()
	}
	dst := filepath.Join(b.dir, filepath.FromSlash(j.path))
	// A file the working copy did not hold is created without looking
	// for it first.
	fresh := j.file.has&regular == 0
	var changed bool
	var err error
	if j.stream != nil {
		changed, err = streamFile(j, dst, fresh)
	} else {
		changed, err = renderFile(j, dst, fresh)
	}
	if err != nil {
		return err
	}
	b.tally(j, changed, false, b.changedForReaders(j.path, j.file))
	return nil
}

// tally counts j's file in the build's Stats: whether it was written anew
// in the working copy, skipped (its key held), and changed for readers
// (seen).
func (b *builder) tally(j job, written, skipped, seen bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.files++
	if j.page {
		b.pages++
	}
	if written {
		b.written++
	}
	if skipped {
		b.skippedFiles++
	}
	if seen {
		b.changed++
	}
}

// changedForReaders says the file at the path p of the working copy, in
// place, is not what the site readers see now holds there: neither its key
// nor its content is that site's. Keys alone would count every file
// changed after the program changed.
func (b *builder) changedForReaders(p string, s *fileState) bool {
	if !b.hasCur {
		return true
	}
	if s.has&(hasCur|hasNew) == hasCur|hasNew && s.cur == s.new {
		return false
	}
	// The current site's file first: where it has none, that is all there
	// is to look at.
	return !outdir.SameContent(filepath.Join(b.cur, filepath.FromSlash(p)), filepath.Join(b.dir, filepath.FromSlash(p)))
}

// jobKey is the key of a skippable job's page, and whether it has one.
func jobKey(j job) (pageKey, bool) {
	if j.key == nil {
		return pageKey{}, false
	}
	return keyOf(j.key())
}

// streamFile writes a streamed job's file to dst, and reports whether it
// changed; fresh says dst was not there.
func streamFile(j job, dst string, fresh bool) (bool, error) {
	f := outdir.NewFile
	if fresh {
		f = outdir.NewNewFile
	}
	return streamTo(j, f(dst))
}

func streamTo(j job, f *outdir.File) (bool, error) {
	w := bufio.NewWriterSize(f, 64<<10)
	err := j.stream(w)
	if err == nil {
		err = w.Flush()
	}
	changed, cerr := f.Close()
	if err != nil {
		return false, failedAt(j.path, err)
	}
	if cerr != nil {
		return false, failed(cerr)
	}
	return changed, nil
}

// renderFile renders a job's file into a pooled buffer and puts it at dst,
// and reports whether it changed; fresh says dst was not there.
func renderFile(j job, dst string, fresh bool) (bool, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooled {
			bufPool.Put(buf)
		}
	}()
	if err := j.render(buf); err != nil {
		return false, failedAt(j.path, err)
	}
	put := outdir.PutFile
	if fresh {
		put = outdir.PutNewFile
	}
	changed, err := put(dst, buf.Bytes())
	if err != nil {
		return false, failed(err)
	}
	return changed, nil
}

// unchanged reports whether the file at the path p of the working copy
// holds the page of its new key s.new already: as the working copy's
// manifest says, or because the current site has it and it is linked from
// there.
func (b *builder) unchanged(p string, s *fileState) bool {
	if s.has&(hasOld|regular) == hasOld|regular && s.old == s.new {
		return true
	}
	if s.has&hasCur != 0 && s.cur == s.new {
		dst := filepath.Join(b.dir, filepath.FromSlash(p))
		src := filepath.Join(b.cur, filepath.FromSlash(p))
		sst, err := os.Lstat(src)
		if err != nil || !sst.Mode().IsRegular() {
			return false
		}
		if dst, err := os.Lstat(dst); err == nil && os.SameFile(sst, dst) {
			return true
		}
		return outdir.LinkFile(src, dst) == nil
	}
	return false
}

// markerJob writes the file that marks a folder as one register wrote
// (outdir.Marker).
func markerJob() job {
	return staticJob(outdir.Marker, []byte("This folder was written by `register build` and is replaced whole by the next build.\n"))
}

// staticJob writes data as it is.
func staticJob(p string, data []byte) job {
	return job{path: p, render: func(w *bytes.Buffer) error { _, err := w.Write(data); return err }}
}

// jobs lists every file of the site but the marker, as the workers take
// them: the downloads first, then the other pages of the site, each
// language's after the previous language's, then each record's pages
// (recordJobs) and sources.
func (b *builder) jobs() iter.Seq[job] {
	return func(yield func(job) bool) {
		var js []job
		_ = fs.WalkDir(assetFS, "assets", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := assetFS.ReadFile(p)
				js = append(js, staticJob(p, data))
			}
			return nil
		})
		// The pages of the datasets and of the lists are worked out from
		// every record: listed in turn, they kept the workers waiting in a
		// build after one change, which renders little. They are listed
		// meanwhile, each on its own, while the workers take the jobs
		// before them.
		datasets := listAhead(b.datasetJobs)
		// A language's pages are listed once the workers take the
		// language's before it: listed at once, the lists of every
		// language were made while the downloads and the calendar were,
		// and at 100,000 records they were the peak of a build's heap.
		pagesOf := func(i int) *listing {
			if i >= len(b.langs) {
				return nil
			}
			lang := b.langs[i]
			return listAhead(func() []job { return b.pageJobs(lang) })
		}
		next := pagesOf(0)
		// The downloads are the largest files: handed out first, they are
		// written while the rest is listed.
		js = append(js, b.dataJobs()...)
		if !yieldAll(yield, js) || !yieldAll(yield, b.notifySchemaJob()) ||
			!yieldAll(yield, b.followJobs()) || !yieldAll(yield, datasets.jobs()) {
			return
		}
		for i, lang := range b.langs {
			js := next.jobs()
			next = pagesOf(i + 1)
			if !yieldAll(yield, js) || !yield(b.notifyJob(lang)) {
				return
			}
		}
		// The lists and the search index, which ask for the facets, are
		// handed out; the records' pages and sources do not.
		b.releaseFacets()
		if !b.recordJobs(yield) {
			return
		}
		b.sourceJobs(yield)
	}
}

// listing is a list of jobs being made (listAhead).
type listing struct {
	done chan struct{}
	js   []job
}

// listAhead makes the jobs list returns on a goroutine of its own.
func listAhead(list func() []job) *listing {
	l := &listing{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.js = list()
	}()
	return l
}

// jobs returns the jobs, once made.
func (l *listing) jobs() []job {
	<-l.done
	return l.js
}

// yieldAll yields the jobs in turn, dropping each from js once yielded so
// what it holds can be freed; false when the receiver stopped.
func yieldAll(yield func(job) bool, js []job) bool {
	for i := range js {
		j := js[i]
		js[i] = job{}
		if !yield(j) {
			return false
		}
	}
	return true
}

// sourceJobs publishes each public record's YAML as the publication filter
// lets it through (publish.Public.Source): never with its comments; else
// as it is when nothing is left out, or rebuilt without what is not public.
func (b *builder) sourceJobs(yield func(job) bool) {
	for _, r := range b.sources {
		j := job{path: sourcePath(r), render: func(w *bytes.Buffer) error {
			data, err := os.ReadFile(filepath.Join(b.loaded.Root, filepath.FromSlash(r.File)))
			if err != nil {
				return err
			}
			// The filter lets through what the record as loaded allows:
			// a file changed since (an edit saved while serve rebuilt,
			// which may withhold a value the loaded record does not, or a
			// link put in its place) is published by the next build, not
			// by this one.
			if sum, ok := b.loaded.Sums[r.File]; !ok || sha256.Sum256(data) != sum {
				return msgChangedMeanwhile.Err(r.File)
			}
			out, ok := b.pub.Source(r, data, !b.invalidFiles[r.File])
			if !ok {
				// The page links here; say why there is nothing to see.
				out = []byte("# De bron van deze registratie is niet openbaar. The source of this record is not public.\n")
			}
			_, err = w.Write(out)
			return err
		}}
		if !yield(j) {
			return
		}
	}
}

// sourcePath is where a record's YAML is published.
func sourcePath(r *record.Record) string { return "src/" + r.Kind.Folder() + "/" + r.ID + ".yaml" }
