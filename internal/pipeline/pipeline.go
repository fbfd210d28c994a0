// Package pipeline opens a register once for a command: its configuration
// and records, loaded and validated, its Git history when that can be
// trusted, and the principles checklist run once on it. Every command that
// reads a register (check, build, packet, due, export, quality, serve) goes
// through Open, so the order of the stages and what each needs from the
// one before live here and nowhere else.
package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/voorbeeldstad/register/internal/checkcache"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/parsecache"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/statsum"
	"github.com/voorbeeldstad/register/internal/validate"
)

// Options say what a command needs of the register.
type Options struct {
	// Files restricts the load to these record files (paths as given on the
	// command line); empty means the whole register.
	Files []string
	// History opens the Git repository that holds the register, when it can
	// be trusted (see Register.Repo).
	History bool
	// Check runs the checklist as of Today while the records load, each
	// in the worker that parsed its file, so its findings get their
	// positions from that one parse; Register.Check and Findings with this
	// day then cost nothing more. Without it the load runs no checklist,
	// whatever Today holds: no date means "no checklist".
	Check bool
	// Today is the day the checklist runs as of, with Check.
	Today time.Time
	// Cache, with Today, keeps each file's checked result between runs
	// (checkcache), so unchanged files are not parsed and checked again. The
	// loaded Register then holds no records, only their ids (see
	// load.Options.Cache): for commands that only report findings, unless
	// Records is set.
	Cache bool
	// FindingsOnly says the command reports findings and nothing else of
	// the records, so no outputs are made of them after the load (no
	// memory limit is set for them); with Today, the loaded Register then
	// holds no records, as with Cache, also when nothing is cached.
	FindingsOnly bool
	// Records, with Cache, keeps whole records for a command that publishes
	// them: a cached file is read into its record again, but neither
	// validated nor checked (load.Options.Records).
	Records bool
	// Budgeted says the command makes one document of the records, whose
	// memory the load's heap budget bounds (the packet): its collector
	// runs as for FindingsOnly (collectNearBudget). A build, whose
	// pages hold more, keeps collectLessWhileLoading.
	Budgeted bool
	// Hold says the command's outputs, made after the load, are mostly
	// kept as they were: a build into the site it built before
	// (site.Updates). When the load also read most records from the parse
	// cache (Cache and Records) and kept less than heldLimitFrom, the
	// collector is held (HoldCollector) until the command has begun
	// heldOutputs outputs afresh (Register.Making), collects once, or
	// closes the Register: the garbage of finding what changed is not
	// collected at all. The two collections of a build after one change
	// at 10,000 records were a tenth of its CPU. A build that makes its
	// site afresh is not held: on top of a load's garbage, or within the
	// hold's room until its first collection, a 10,000-record build
	// peaked at 320–420 MB instead of 220–265 MB.
	Hold bool
}

// Register is a register opened for one command.
type Register struct {
	// Root is the register root the command was given.
	Root string
	// Loaded is the register as read and validated, with the findings of
	// reading, validating and the register-wide checks.
	Loaded *load.Result
	// Repo is the register's Git history, or nil: outside Git, when
	// Options.History was false, or when the history cannot be trusted
	// (HistoryProblem says why).
	Repo *history.Repo
	// HistoryProblem says why Repo is nil when that is worth a warning: a
	// repository that cannot be read, or a shallow clone whose dates would
	// be wrong. Commands then work without history rather than guess.
	HistoryProblem error
	// CacheProblem says why a load that was to use the caches went
	// without: where to keep them cannot be known. Every run then reads
	// and checks the whole register.
	CacheProblem error

	// The checklist's findings as of checkDay: as the load packed them
	// until asked for (packed), then as one array (checked, when ran).
	checkMu  sync.Mutex
	checkDay time.Time
	packed   *load.Checked
	checked  []finding.Finding
	ran      bool

	settle  func()         // sets the collector from what is kept now (Settle); nil: nothing to
	release func()         // sets the collector back (collectNearBudget, Options.Hold); nil: nothing to
	held    *heldCollector // held since the load (Options.Hold); nil: not held
	saving  chan struct{}  // closed once the caches are saved; nil: nothing to wait for
}

// Validator returns the JSON Schema validator, compiled once per process
// from the embedded schemas.
var Validator = sync.OnceValues(validate.New)

// schemasFingerprint is the embedded schemas' fingerprint
// (validate.Fingerprint), read once per process.
var schemasFingerprint = sync.OnceValues(validate.Fingerprint)

// Open loads and validates the register at root and, when asked, opens its
// history. The caller closes the Register when done.
func Open(root string, opts Options) (*Register, error) {
	// From the start: reading the caches and the history is part of the
	// load, and at the default target a re-check collected five times
	// while it read the check cache.
	r := &Register{Root: root}
	restore := func(uint64) {}
	if opts.FindingsOnly || opts.Budgeted {
		r.release = collectNearBudget()
	} else {
		restore, r.settle = collectLessWhileLoading(0)
	}
	if opts.History {
		r.Repo, r.HistoryProblem = trustedRepo(root)
	}
	var check *principle.Options
	if opts.Check {
		check = &principle.Options{Today: opts.Today, History: r.History()}
	}
	var c *caches
	if check != nil && opts.Cache {
		c, r.CacheProblem = openCaches(root, r.Repo, opts.Records)
	}
	res, err := loadRegister(root, opts.Files, check, c, opts.FindingsOnly)
	hold := opts.Hold && err == nil && c.mostlyKept(res)
	// After a change of configuration every file is parsed again to be
	// checked (Has), and on a day when many verdicts move on their files
	// are checked again and their pages made afresh. Holding the
	// collector on either (holdAfterLoad) took a next-day build of 10,000
	// records, when a quarter of its verdicts moved each day, from 255 to
	// 340 MB.
	heldAfter := hold && c.mostlyRead(res)
	// The caches are written while the command goes on (Close waits for
	// them): a build after one change spent a twentieth of its time
	// rewriting them before it started on the site.
	if c != nil {
		r.saving = make(chan struct{})
		go func(ok, all bool) {
			defer close(r.saving)
			c.done(ok, all)
		}(err == nil, len(opts.Files) == 0)
	}
	restore(roomMost(hold))
	if heldAfter {
		r.holdAfterLoad()
	}
	if err != nil {
		r.Close()
		return nil, err
	}
	r.Loaded = res
	if check != nil {
		r.checkDay, r.packed = opts.Today, res.Checked
	}
	return r, nil
}

// loadRegister is the one place a command reads and validates records.
func loadRegister(root string, files []string, check *principle.Options, c *caches, factsOnly bool) (*load.Result, error) {
	fp, err := schemasFingerprint()
	if err != nil {
		return nil, err
	}
	// The schemas are compiled while the load lists and reads the files,
	// and the first file that needs them waits: compiled first, they were
	// a sixth of a re-check that validates no file, and the start of
	// every load.
	go Validator()
	opts := load.Options{Validator: pendingValidator{fp}, Files: files, Check: check, Facts: factsOnly}
	c.use(&opts)
	res, err := load.Register(root, opts)
	if _, verr := Validator(); verr != nil {
		return nil, verr
	}
	return res, err
}

// pendingValidator is the schema validator while it is compiled
// (Validator): Validate waits for it. Should it not compile, it finds
// nothing, and loadRegister fails with the error once the load is done.
type pendingValidator struct{ fingerprint string }

// Fingerprint is the compiled validator's (load.Cache's key).
func (p pendingValidator) Fingerprint() string { return p.fingerprint }

func (p pendingValidator) Validate(doc *source.Document, k record.Kind) []finding.Finding {
	v, err := Validator()
	if err != nil {
		return nil
	}
	return v.Validate(doc, k)
}

// Loading a register allocates several times the size of what it keeps:
// a file's node tree, value and checks are garbage once its findings and
// record are made. With the collector's default target (GOGC=100) the
// heap is collected each time it doubles, which while the kept part is
// still small is very often: the collector cost a quarter of a check's
// CPU. While the register loads, the target is raised as far as
// loadGCPercent, and after each collection lowered towards the default as
// the kept part grows, so that the heap stays within loadHeapBudget or,
// for a register that keeps more, grows by half of what it keeps: by
// default it would double, and the end of a 100,000-record load, which
// keeps some 500 MB, was the build's peak memory.
// The budget is a quarter of a gigabyte: a 10,000-record check keeps
// some 30 MB and still collects at 400, while at 100,000 records, which
// keep ten times that, a larger budget was most of the run's peak memory.
// GOGC, when set, decides alone.
//
// A command that reports findings only keeps a tenth of what a load of
// records does: once it goes by target (collectNearBudget), the target
// goes as high as findingsGCPercent, within the same budget.
//
// A load that keeps records starts as one that reports findings, within
// loadStartBudget, lower than the budget: the records' outputs are made
// next to what the load leaves, and at the whole budget a cold build of
// 10,000 records peaked at 280 MB instead of 260 MB; at 192 MB, 267 MB.
const (
	loadGCPercent     = 400
	findingsGCPercent = 800
	loadHeapBudget    = 256 << 20
	loadStartBudget   = 192 << 20
)

// What a command keeps once the register is loaded (records, findings)
// it holds to the end, while it allocates as much again for each output
// (a build renders some 60,000 pages at 30,000 records). By default the
// heap then grows to twice what is kept, and with a large register what
// the collector counts as kept while it marks, for seconds, includes
// what was made meanwhile: a 100,000-record build reached 2.25 GB. After
// the load the headroom is half of what is kept, no less than
// heldHeadroom: a 30,000-record build then peaks at 540 MB instead of
// 790 MB for some 5% more CPU, and a small register is collected as by
// default.
const (
	heldGCPercent = 50
	heldHeadroom  = 64 << 20
)

// collectLessWhileLoading sets the collector's target for a load that keeps
// records for outputs to be made of them, and returns the function that
// sets it back; for a load that keeps limitFrom bytes or more, it sets a
// memory limit too (heldLimit). settle, called once the command let go of
// part of what the load kept (Register.Settle), sets both again from what
// is kept then, when the load kept heldLimitFrom or more. restore is told
// the most room the command's outputs get above what is kept (roomMost;
// 0: no most).
func collectLessWhileLoading(limitFrom uint64) (restore func(most uint64), settle func()) {
	if os.Getenv("GOGC") != "" {
		return func(uint64) {}, func() {}
	}
	var (
		mu      sync.Mutex
		stopped bool
		limited bool   // restore set a limit for a large load
		most    uint64 // restore's
	)
	// While the process keeps less than a quarter of loadHeapBudget it
	// may grow to loadStartBudget before it is collected, as in
	// collectNearBudget: by target the collector ran three times while the
	// heap was still small, a twentieth of a build after one change at
	// 10,000 records, which now loads without a collection. After, by
	// target (loadTarget).
	// A process that holds more already (serve, loading again) goes by
	// target from the start.
	before := int64(-1) // the limit to set back after the first collection
	var previous int
	held := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(held)
	if os.Getenv("GOMEMLIMIT") == "" && held[0].Value.Uint64() < loadHeapBudget/4 {
		before = debug.SetMemoryLimit(loadStartBudget)
		previous = debug.SetGCPercent(-1)
	} else {
		previous = debug.SetGCPercent(loadGCPercent)
	}
	unbudget := func() {
		if before >= 0 {
			debug.SetMemoryLimit(before)
			before = -1
		}
	}
	afterEachCollection(&mu, &stopped, func(kept uint64) {
		if before >= 0 && kept < loadHeapBudget/4 {
			return
		}
		unbudget()
		debug.SetGCPercent(loadTarget(kept, loadGCPercent))
	})
	restore = func(roomMost uint64) {
		mu.Lock()
		defer mu.Unlock()
		stopped, most = true, roomMost
		unbudget()
		kept := liveHeap()
		limit := int64(-1)
		if kept >= limitFrom/2 && os.Getenv("GOMEMLIMIT") == "" {
			// Large enough for a limit: measure what the load keeps,
			// not what the last collection during it kept. A small
			// load is not collected for it (a twentieth of a build
			// after one change at 10,000 records): what the last
			// collection kept sets its limit, which is then lower.
			if kept >= heldLimitFrom/2 {
				kept = keptNow()
			}
			if kept >= limitFrom {
				limit = heldLimit(kept, most)
				debug.SetMemoryLimit(limit)
				limited = kept >= heldLimitFrom
			}
		}
		debug.SetGCPercent(keptTarget(kept, previous, limit, limited))
	}
	settle = func() {
		mu.Lock()
		defer mu.Unlock()
		if !limited {
			return
		}
		limited = false
		kept := keptNow()
		debug.SetMemoryLimit(heldLimit(kept, most))
		debug.SetGCPercent(heldTarget(kept, previous))
	}
	return restore, settle
}

// keptNow collects, and returns the heap the collection kept.
func keptNow() uint64 {
	runtime.GC()
	return liveHeap()
}

// liveHeap is the heap the last collection kept.
func liveHeap() uint64 {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	return live[0].Value.Uint64()
}

// collectNearBudget sets the collector for a command that reports
// findings only (check, validate) or makes one document of the records
// (packet), from its load to its end, and returns what sets it back. Such
// a command holds little, and a re-check from the cache is over in a few
// tenths of a second: the collector then runs only when the process nears
// loadHeapBudget, not as the heap doubles. A
// re-check after 10 of 10,000 files changed collected three times, the
// last with a core marking for 0.15 s at the end of the run, and now not
// at all (GODEBUG=gctrace=1). Once a collection finds more than a quarter
// of the budget kept (a large register), the collector goes by target as
// a load of records does, within the same budget (loadTarget, up to
// findingsGCPercent), and under a soft memory limit (findingsLimit).
// GOGC or GOMEMLIMIT, when set, decide alone.
func collectNearBudget() (release func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var (
		mu       sync.Mutex
		released bool
		budgeted = true
	)
	limit := debug.SetMemoryLimit(loadHeapBudget)
	percent := debug.SetGCPercent(-1)
	afterEachCollection(&mu, &released, func(kept uint64) {
		if budgeted && kept >= loadHeapBudget/4 {
			budgeted = false
		}
		if !budgeted {
			debug.SetMemoryLimit(findingsLimit(kept))
			debug.SetGCPercent(loadTarget(kept, findingsGCPercent))
		}
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if released {
			return
		}
		released = true
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// findingsLimit is the soft memory limit of a command that reports
// findings only, once it keeps more than a quarter of loadHeapBudget: a
// third above the budget, or half again what it keeps when that is more,
// so that it grows with the register. Without a limit a check of 100,000
// records peaked at 407 MB, as the array of its findings was made beside
// what the load still held; with one, at 383 MB for the same CPU
// (/usr/bin/time -v). A lower limit made it collect more, not peak lower.
func findingsLimit(kept uint64) int64 {
	return int64(max(loadHeapBudget*4/3, kept*3/2))
}

// afterEachCollection calls f with the heap a collection kept, after each
// collection until stopped is set; both under mu. A cleanup runs once the
// object it watches is collected, and watches a new one.
func afterEachCollection(mu *sync.Mutex, stopped *bool, f func(kept uint64)) {
	var watch func()
	watch = func() {
		runtime.AddCleanup(new([64]byte), func(struct{}) {
			mu.Lock()
			defer mu.Unlock()
			if *stopped {
				return
			}
			f(liveHeap())
			watch()
		}, struct{}{})
	}
	watch()
}

// A large register's outputs allocate fast while the collector marks what
// is kept, for seconds at a time; what they allocate meanwhile counts as
// kept for that cycle, and the heap's target, half again of that, climbs:
// a 100,000-record build that keeps some 380 MB after the load reached
// 1.24 GB of heap. So a command that makes its outputs of the records it
// loaded is also given a soft memory limit of two and a half times what
// the load keeps plus heldHeadroom (twice made the collector run all the
// time), and never less than outputRoom above it: what the outputs hold
// while they are made, pages in flight and the parts the site's pages
// share, some 60 MB at 10,000 records. A 10,000-record build then peaks
// at some 215 MB instead of 280 MB for the same CPU, where a limit of
// 150 MiB cost it 40 % more. The collector then runs sooner rather than
// letting the heap climb. It is a soft limit, of the whole process: a
// command that needs more gets more, at the cost of collecting more
// often. GOMEMLIMIT, when set, decides alone.
//
// A command that updates outputs it made before, and keeps most of them
// (a build into the site it built before, whose load found most files
// unchanged: Options.Hold), makes few afresh: its room above what is kept
// grows no further than heldRoomMost. A build after one change at 100,000
// records keeps some 455 MB after its load, and in one and a half times
// that again peaked at 1.09-1.22 GB; within 320 MiB, at 0.92-0.98 GB for
// some 15 % more CPU. A cold build of 100,000 records, which makes every
// page, took twice the CPU within that room.
//
// Any other grows no further than madeRoomMost. A cold build of 100,000
// records peaked at 0.91-1.03 GB, within 448 MiB at 0.83-0.86 GB, and
// within 400 MiB at 0.78 GB, for the same CPU; a build into its site
// after the program or the configuration changed (which every page's key
// holds), which makes every page again and holds what it knows of the
// site besides, at 1.12-1.15 GB, within 448 MiB at 0.94-1.01 GB, and
// within 400 MiB at 0.88-0.89 GB for some 5 % more CPU. Within 352 MiB
// that one took a fifth more CPU.
//
// serve keeps the register loaded and adds to what it keeps as it
// rebuilds (site.Memo): it gets a limit from heldLimitFrom kept only.
const (
	heldLimitFrom = 256 << 20
	outputRoom    = 192 << 20
	heldRoomMost  = 320 << 20
	madeRoomMost  = 400 << 20
)

// roomMost is the most room above what the load kept that a command's
// outputs get (heldLimit): heldRoomMost for one that keeps most of the
// outputs it made before (kept: Options.Hold), else madeRoomMost.
func roomMost(kept bool) uint64 {
	if kept {
		return heldRoomMost
	}
	return madeRoomMost
}

// heldLimit is the soft memory limit after a load that kept kept bytes,
// for a command whose outputs get at most most room above it (0: no most).
func heldLimit(kept, most uint64) int64 {
	room := max(kept*3/2+heldHeadroom, outputRoom)
	if most > 0 {
		room = min(room, most)
	}
	return int64(kept + room)
}

// heldTarget is the collector's target after the load for a heap that
// keeps live bytes, where previous was the target before it.
func heldTarget(live uint64, previous int) int {
	if previous < heldGCPercent || live == 0 {
		return previous
	}
	return int(max(heldGCPercent, min(int64(previous), 100*int64(heldHeadroom)/int64(live))))
}

// keptTarget is the collector's target after a load that kept kept bytes
// (heldTarget), where limit is the memory limit it set (-1: none) and
// limited says the load was large. Below a limit set for a load that was
// not large the heap may grow up to the limit, as far as loadGCPercent:
// the limit keeps the process within its memory, and collecting each time
// the heap doubled was a tenth of a build after one change. A target set
// below the default before the load stays.
func keptTarget(kept uint64, previous int, limit int64, limited bool) int {
	target := heldTarget(kept, previous)
	if limit < 0 || limited || kept == 0 || previous < 100 {
		return target
	}
	return max(target, min(loadGCPercent, int(100*(limit-int64(kept))/int64(kept))))
}

// loadTarget is the collector's target for a heap that keeps live bytes:
// the most that keeps the heap within loadHeapBudget, up to highest;
// beyond the budget, the heap grows by half of what it keeps
// (heldGCPercent), as after the load.
func loadTarget(live uint64, highest int) int {
	if live == 0 {
		return highest
	}
	return int(max(heldGCPercent, min(int64(highest), 100*(int64(loadHeapBudget)-int64(live))/int64(live))))
}

// holdRoom is how much more memory than it holds a process may take
// while the collector is held (HoldCollector); loadHoldRoom, after a load
// (Options.Hold). A build after one change at 10,000 records makes some
// 180 MB after its load: within that room it is not collected at all,
// and peaks below 300 MB.
const (
	holdRoom     = 256 << 20
	loadHoldRoom = 192 << 20
)

// heldOutputs is how many outputs a command makes afresh before a
// collector held since its load goes again (Register.Making): a build
// after one change at 10,000 records makes some thirty files, a build
// that makes its site afresh tens of thousands.
const heldOutputs = 1000

// HoldCollector keeps the collector from running while serve's rebuild makes
// the pages it shows first, up to holdRoom more memory than the process
// holds: the rebuild before left mostly garbage, and collecting it then
// would add to the steward's wait; it is collected once those pages are
// shown. It returns what lets the collector go again, once. With GOGC or
// GOMEMLIMIT set, it leaves the collector as they say.
func HoldCollector() (release func()) {
	h := holdCollector(holdRoom)
	if h == nil {
		return func() {}
	}
	return h.release
}

// heldCollector is a collector held (holdCollector): what it was set to
// before, set again once when it is let go.
type heldCollector struct {
	mu      sync.Mutex
	let     bool // let go already
	limit   int64
	percent int
	made    atomic.Int64 // outputs begun since (Register.Making)
}

// holdCollector holds the collector as HoldCollector says, within room
// more memory than the process holds, until it is let go or collects
// once: a collection within the hold says the room did not suffice, and
// another would come as soon as the heap reached the limit again. nil
// with GOGC or GOMEMLIMIT set.
func holdCollector(room int64) *heldCollector {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	// What the process holds: all it mapped, but what it handed back.
	mem := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(mem)
	held := int64(mem[0].Value.Uint64() - mem[1].Value.Uint64())
	h := &heldCollector{}
	h.limit = debug.SetMemoryLimit(held + room)
	h.percent = debug.SetGCPercent(-1)
	afterEachCollection(&h.mu, &h.let, func(uint64) { h.letGo() })
	return h
}

// release lets the collector go as it was set before it was held, once.
func (h *heldCollector) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.letGo()
}

// letGo is release, under mu.
func (h *heldCollector) letGo() {
	if h.let {
		return
	}
	h.let = true
	debug.SetGCPercent(h.percent)
	debug.SetMemoryLimit(h.limit)
}

// caches are the caches a load reads and fills: the check cache, the
// files' sums by their stat and, for a command that keeps records, the
// parse cache beside them.
type caches struct {
	check  *checkcache.Store
	sums   *statsum.Store
	parsed *parsecache.Store // nil: the command keeps no records
}

// openCaches opens the caches of the register at root, beside its history
// cache; nil, and why, when the running program or the caches' place
// cannot be known, and the run goes without.
func openCaches(root string, repo *history.Repo, records bool) (*caches, error) {
	tool, err := checkcache.ToolID()
	if err != nil {
		return nil, err
	}
	gitDir := ""
	if repo != nil {
		gitDir = repo.GitDir()
	}
	path, err := checkcache.Path(root, gitDir)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(path, filepath.Ext(path))
	c := &caches{check: checkcache.Open(path, tool), sums: statsum.Open(base+".sums", time.Now())}
	if records {
		c.parsed = parsecache.Open(base+".parsed", tool)
	}
	return c, nil
}

// use has a load read and fill the caches; a nil c leaves it without.
func (c *caches) use(opts *load.Options) {
	if c == nil {
		return
	}
	opts.Cache, opts.Sums = c.check, c.sums
	if c.parsed != nil {
		opts.Records, opts.Parsed = true, c.parsed
	}
}

// mostlyKept says the load found most of res's records as a run before
// left them in the parse cache: it put at most a tenth of its files'
// records anew. A run before read the register much as it is now, and a
// build's site is then mostly kept as it was (Options.Hold).
func (c *caches) mostlyKept(res *load.Result) bool {
	return c != nil && c.parsed != nil && c.parsed.Added()*10 <= len(res.Files)
}

// mostlyRead says the load read most records and results back from the
// caches: it parsed at most a tenth of its files again, whether it put
// what they came to or found it kept already (Has), and checked at most a
// tenth again. It implies mostlyKept.
func (c *caches) mostlyRead(res *load.Result) bool {
	n := len(res.Files)
	return c != nil && c.parsed != nil && (c.parsed.Added()+c.parsed.Had())*10 <= n && c.check.Added()*10 <= n
}

// done ends the caches' use by a load, saving what it found and added when
// it succeeded; all says it looked at every record file. A cache that
// cannot be written costs the next run its speed only.
func (c *caches) done(ok, all bool) {
	if c == nil {
		return
	}
	if ok {
		_ = c.check.Save(all)
		_ = c.sums.Save(all)
	}
	_ = c.check.Close()
	if c.parsed != nil {
		if ok {
			_ = c.parsed.Save(all)
		}
		_ = c.parsed.Close()
	}
}

// ErrShallow is HistoryProblem for a shallow clone.
var ErrShallow = errors.New(history.ShallowWarning)

// trustedRepo opens the history of the register at root: nil and no
// problem outside Git, nil and the problem when it cannot be read or is a
// shallow clone.
func trustedRepo(root string) (*history.Repo, error) {
	repo, err := history.Open(root)
	if errors.Is(err, history.ErrNoRepo) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if repo.Shallow() {
		repo.Close()
		return nil, ErrShallow
	}
	return repo, nil
}

// Close waits for the caches to be saved, releases the history's open
// files, and sets the collector back as it was before Open.
func (r *Register) Close() error {
	if r.saving != nil {
		<-r.saving
		r.saving = nil
	}
	if r.release != nil {
		r.release()
		r.release = nil
	}
	if r.Repo == nil {
		return nil
	}
	return r.Repo.Close()
}

// Records returns the register as loaded.
func (r *Register) Records() *register.Register { return r.Loaded.Register }

// History is the checklist's view of the register's history: nil when
// there is none, never an interface holding a nil *history.Repo.
func (r *Register) History() principle.History {
	if r.Repo == nil {
		return nil
	}
	return r.Repo
}

// Check runs the principles checklist as of today, once: a second call
// with the same day returns the same findings. The findings carry the
// field they are about but no line and column; Locate adds those.
func (r *Register) Check(today time.Time) []finding.Finding {
	r.checkMu.Lock()
	defer r.checkMu.Unlock()
	if r.packed != nil && r.checkDay.Equal(today) {
		if r.saving != nil && r.packed.Large(len(r.Loaded.Findings)) {
			// The caches are let go of once saved: a check of 100,000
			// records the day after the last, which holds the check
			// cache's results as read, peaked at 0.52 GB with the
			// array made beside them.
			<-r.saving
		}
		// With room for the load's findings (Findings).
		r.checked, r.ran = r.packed.Slice(len(r.Loaded.Findings)), true
		r.packed, r.Loaded.Checked = nil, nil
	}
	if r.ran && r.checkDay.Equal(today) {
		return r.checked
	}
	fs := principle.Run(r.Loaded.Register, principle.Options{Today: today, History: r.History()})
	if !r.ran && r.packed == nil {
		r.checkDay, r.checked, r.ran = today, fs, true
	}
	return fs
}

// HandOver returns the checklist's findings as of today, as Check does, and
// lets go of them: a caller that keeps them its own way (the site keeps
// them in a sixth of the memory) need not hold them twice, at 100,000
// records half a million. A later Check runs the checklist again.
func (r *Register) HandOver(today time.Time) []finding.Finding {
	fs := r.Check(today)
	r.checkMu.Lock()
	defer r.checkMu.Unlock()
	r.checked, r.ran = nil, false
	return fs
}

// HandOverEach calls fn with each of the checklist's findings as of today,
// as HandOver hands them over. The load's are handed over as it packed
// them, one at a time, never all in one array: at 100,000 records that
// array was 113 MB, made beside what the caller makes of them. The
// finding is fn's to read until it returns.
func (r *Register) HandOverEach(today time.Time, fn func(f *finding.Finding)) {
	r.checkMu.Lock()
	packed := r.packed
	if packed != nil && r.checkDay.Equal(today) {
		r.packed, r.Loaded.Checked = nil, nil
		r.checkMu.Unlock()
		packed.Each(fn)
		return
	}
	r.checkMu.Unlock()
	fs := r.HandOver(today)
	for i := range fs {
		fn(&fs[i])
	}
}

// Settle tells the register that the command let go of part of what the
// load kept (the checklist's findings, HandOver, once the site keeps them
// its own way). After a large load, whose memory limit and collector's
// target were set from what it kept, both are set again from what is kept
// now, at the cost of one collection: a 100,000-record build's limit was
// set from some 460 MB kept, of which the findings were 113 MB, and its
// pages were made within two and a half times that. Once only; a no-op
// after a smaller load.
func (r *Register) Settle() {
	if r.settle != nil {
		r.settle()
	}
}

// holdAfterLoad holds the collector (Options.Hold) when the load kept less
// than heldLimitFrom: a larger one was given a memory limit to make its
// outputs within, which Settle sets again.
func (r *Register) holdAfterLoad() {
	if liveHeap() >= heldLimitFrom {
		return
	}
	if r.held = holdCollector(loadHoldRoom); r.held != nil {
		r.release = r.held.release
	}
}

// Making returns what the command calls as it begins each output it makes
// afresh, from any goroutine; nil when the collector is not held
// (Options.Hold). Once heldOutputs are begun, the collector goes as the
// load set it: the command is making much of its outputs afresh, and
// their garbage is collected as it is made.
func (r *Register) Making() func() {
	h := r.held
	if h == nil {
		return nil
	}
	return func() {
		if h.made.Add(1) == heldOutputs {
			h.release()
		}
	}
}

// Locate fills in the line and column of findings that name a field.
func (r *Register) Locate(fs []finding.Finding) { load.Locate(r.Root, fs) }

// Findings returns every finding as of today, sorted: the load's and the
// checklist's, each with its line and column. The checklist's findings are
// handed over rather than copied (at 100,000 records they are a million):
// the load's are put before them in their own array, which is then sorted,
// so a later Check runs the checklist again. Loaded.Findings stay as they
// are.
func (r *Register) Findings(today time.Time) []finding.Finding {
	fs := r.HandOver(today)
	r.Locate(fs)
	all := slices.Insert(fs, 0, r.Loaded.Findings...)
	finding.Sort(all)
	return all
}

// Unread counts the record files that did not load into a record; they
// are missing from every output made of the records.
func (r *Register) Unread() int {
	n := 0
	for _, f := range r.Loaded.Files {
		if _, ok := r.Loaded.IDs[f]; !ok {
			n++
		}
	}
	return n
}
