// Package load reads a whole register: it finds the record files under
// sensors/ and algorithms/, reads each with the hardened YAML reader on a pool
// of workers, validates it, decodes it into a record, and then runs the
// register-wide checks (ids match file names, kinds match folders, ids are
// unique, referenced sensors exist). Asked to, it also runs the checklist on
// each record while the file's node tree is alive, so every finding gets its
// line and column from the one parse of the file.
package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/regularfile"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/statsum"
)

// Validator checks one parsed record; the validate package provides it.
type Validator interface {
	Validate(doc *source.Document, k record.Kind) []finding.Finding
}

// Options tune a load.
type Options struct {
	// Limits bound each file; zero means source.DefaultLimits.
	Limits source.Limits
	// Workers is the number of files read at once; zero means four per
	// core (GOMAXPROCS): a load from the caches waits on the file system
	// more than it computes.
	Workers int
	// Validator checks each record against the schema; nil skips that.
	Validator Validator
	// Files restricts the load to these files (paths as given on the command
	// line); empty means the whole register.
	Files []string
	// Check, when set, runs the checklist (principle) with these options on
	// every record that loads, in the worker that read it; Result.Checked
	// holds its findings.
	Check *principle.Options
	// Cache, with Check, keeps each file's result between runs: a file
	// whose content and run (tool, schemas, configuration, day, history)
	// are unchanged is not read into a record again. The Register of such a
	// run holds no records: the register-wide checks read each file's facts
	// (its id, kind, uses_sensors and position), and Result.IDs names each
	// file's record, so its memory holds findings rather than records: use
	// it for commands that report findings only.
	Cache Cache
	// Facts keeps no records as Cache does, without a cache: for commands
	// that report findings only (check, validate), whose memory then holds
	// findings rather than records.
	Facts bool
	// Records, with Cache, keeps whole records for commands that publish
	// them (build, serve): a file whose result the cache holds is still
	// read into a record, but neither validated nor checked again.
	Records bool
	// Parsed, with Records, keeps the record each file decoded to between
	// runs, so a file whose result the cache holds is read back into its
	// record without being parsed or decoded again.
	Parsed Parsed
	// Sums, with Cache, keeps the hash of each file's content by what the
	// file system says of the file, so a file that has not changed since
	// is not read at all when the caches hold what it came to.
	Sums Sums
}

// Sums keeps the hash of each record file's content between runs, by its
// stat; the statsum package keeps one on disk. Safe for concurrent use.
type Sums interface {
	// Lookup returns the hash of the content of the file rel (at full)
	// when the file is as it was when it was noted.
	Lookup(rel, full string) ([32]byte, bool)
	// Note keeps the hash of the content of rel, read as st described it.
	Note(rel string, st statsum.Stat, sum [32]byte)
}

// Result is a loaded register and everything found while loading it.
type Result struct {
	Register *register.Register
	// Findings from reading, validating and the register-wide checks, sorted.
	Findings []finding.Finding
	// Files are the record files looked at, relative to the root, sorted.
	Files []string
	// IDs are the ids of the files that loaded as records, by file: also
	// when Register holds no records (a load that keeps stand-ins).
	IDs map[string]string
	// Checked are the checklist's findings when Options.Check was set, as
	// principle.Run returns them but with their lines and columns.
	Checked *Checked
}

// ErrNoRegister is returned when the root is not a folder, or holds neither
// sensors/ nor algorithms/.
var ErrNoRegister = errors.New("not a register")

// Register loads the register at root.
func Register(root string, opts Options) (*Result, error) {
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return nil, msgRootNotFolder.ErrOf(ErrNoRegister, root)
	}
	if opts.Limits == (source.Limits{}) {
		opts.Limits = source.DefaultLimits
	}
	if opts.Workers <= 0 {
		opts.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	if !isDir(filepath.Join(root, record.Sensor.Folder())) && !isDir(filepath.Join(root, record.Algorithm.Folder())) {
		return nil, msgRootNoFolders.ErrOf(ErrNoRegister, root)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("read register %s: %w", root, err)
	}
	realRoot, _ = filepath.Abs(realRoot)

	cfg, findings, err := config.Load(root)
	if err != nil {
		return nil, err
	}
	files, sensorIDs, more, err := listFiles(root, opts.Files)
	if err != nil {
		return nil, err
	}
	findings = append(findings, more...)
	files, sensorIDs, more = refuseFoldersOutside(root, realRoot, files, sensorIDs)
	findings = append(findings, more...)

	// A municipality that switched the placeholder rule off (a policy
	// rule, shown on the site as a deviation) publishes such records.
	r := reader{root: root, realRoot: realRoot, opts: opts, cfg: cfg, texts: &texts{},
		marks: cfg.Severity(placeholder.RuleID, finding.Error) != finding.Off}
	if opts.Check != nil {
		r.checklist = principle.NewChecklist(cfg, *opts.Check)
		if r.cacheKey = runKey(opts.Cache, opts, cfg); r.cacheKey != nil {
			opts.Cache.Run(r.cacheKey)
			if opts.Records && opts.Parsed != nil {
				r.parsedKey = parseKey(opts.Cache, opts.Limits)
			}
		}
	}
	if !r.standIns() {
		r.strings = &record.Strings{}
	}
	results := make([]fileResult, len(files))
	parallel.EachOn(opts.Workers, len(files), func(i int) { results[i] = r.read(files[i]) })

	reg, entries, findings, ids := gather(root, cfg, results, findings, sensorIDs, r.texts)
	res := &Result{Register: reg, Findings: findings, Files: files, IDs: ids}
	if r.checklist != nil {
		var ok bool
		if res.Checked, ok = r.finish(reg, entries); !ok {
			opts.Cache, opts.Facts = nil, false
			return Register(root, opts)
		}
	}
	return res, nil
}

// gather puts the files' results together into the register, with the
// findings so far, each file's own and the register-wide checks', sorted;
// entries are the files that loaded as records, in the order of the
// register's records, and ids their ids by file. A load that keeps facts
// only (reader.standIns) makes a register without records: the register's
// checks and the report need only each file's facts.
func gather(root string, cfg *config.Config, results []fileResult, findings []finding.Finding, sensorIDs map[string]bool, tx *texts) (reg *register.Register, entries []*fileResult, fs []finding.Finding, ids map[string]string) {
	var recs []*record.Record
	var sums map[string][32]byte
	var linked map[string]bool
	entries = make([]*fileResult, 0, len(results))
	ids = make(map[string]string, len(results))
	for i := range results {
		res := &results[i]
		findings = tx.appendOwn(append(findings, res.findings...), res.file, res.recordID(), res.packed)
		res.findings = nil
		if res.facts == nil {
			continue
		}
		entries = append(entries, res)
		ids[res.file] = res.facts.ID
	}
	// The entries in the register's order first, so that their records
	// are given to it in that order, which it then need not sort.
	sortEntries(entries)
	// The register-wide checks read the entries alone: they run while the
	// register is put together, which the load waited for one after the
	// other on one core.
	checked := make(chan []finding.Finding, 1)
	go func() { checked <- registerChecks(entries, sensorIDs) }()
	for _, res := range entries {
		if res.record != nil {
			recs = append(recs, res.record)
			if res.hashed {
				if sums == nil {
					sums = make(map[string][32]byte, len(results))
				}
				sums[res.file] = res.content
			}
			if res.linked {
				if linked == nil {
					linked = map[string]bool{}
				}
				linked[res.file] = true
			}
		}
	}
	reg = register.New(root, cfg, recs)
	reg.Sums, reg.Linked = sums, linked
	findings = append(findings, <-checked...)
	finding.Sort(findings)
	return reg, entries, findings, ids
}

// finish completes the checklist from each record's outcome. Should the
// run be inexact (custom rules that ran out of their budget, whose outcome
// depends on the order of checking), it runs the checklist again in order
// and locates its findings by reading the files once more. The records'
// findings stay packed (Checked), each record's taken from its entry.
func (r *reader) finish(reg *register.Register, entries []*fileResult) (*Checked, bool) {
	outs := make([]principle.Outcome, len(entries))
	for i, e := range entries {
		outs[i] = e.outcome
	}
	if !r.checklist.Exact(outs) {
		if r.standIns() {
			return nil, false // the records are stand-ins: load again with the records
		}
		fs, holds := principle.RunHolds(reg, *r.opts.Check)
		Locate(r.root, fs)
		return checkedOf(fs, holds), true
	}
	before, after, holds := r.checklist.Around(reg, func(rule string, sev finding.Severity) bool {
		silences := func(r, law string, s finding.Severity) bool { return r == rule && law != "" && s > sev }
		for i, o := range outs {
			if r.texts.anyChecked(entries[i].packed, silences) || slices.ContainsFunc(o.Findings, func(f finding.Finding) bool {
				return silences(f.Rule, f.Law.In("en"), f.Severity)
			}) {
				return true
			}
		}
		return false
	})
	c := &Checked{texts: r.texts, before: before, after: after, n: len(before) + len(after), standIns: r.standIns()}
	unplaced := false
	for i, e := range entries {
		holds = holds.And(outs[i].Holds)
		cf := checkedFile{file: e.file, record: e.recordID(), given: outs[i].Findings, packed: e.packed}
		if n := len(cf.given) + cf.packed.checkedLen(); n > 0 {
			c.files = append(c.files, cf)
			c.n += n
			unplaced = unplaced || cf.unplaced()
		}
		outs[i].Findings, e.outcome.Findings, e.packed = nil, nil, packedFindings{}
	}
	// What is left to place: findings about register.yaml, and any other
	// without a position, which are then placed as one array.
	Locate(r.root, c.before)
	Locate(r.root, c.after)
	if unplaced {
		fs := c.Slice(0)
		Locate(r.root, fs)
		return checkedOf(fs, holds), true
	}
	c.holds = holds
	return c, true
}

// largeFindings is the size of an array of findings above which the load
// makes room for it (makeRoomFor): some 300,000 findings, which a register
// of 50,000 records may have.
const largeFindings = 64 << 20

// makeRoomFor readies the heap for an array of n findings, and returns
// what to do once the array is filled and the packed findings let go of.
// A large array cannot take the load's freed pages, scattered as they are,
// and would add new ones to them: at 100,000 records 120 MB on some 320 MB
// (check --no-cache peaked at 445 MB). So the freed pages go back to the
// system first. Once the array is filled, the same again: the collection
// counts out the packed findings, so the collector's next target is set
// from what is really kept rather than from both, and their pages go back
// before the report is written. A smaller array needs neither. Only a
// load of findings asks (finish): in a load that keeps records (build,
// serve) the records are most of the heap, and each collection would
// mark them all.
func makeRoomFor(n int) (done func()) {
	if !large(n) {
		return func() {}
	}
	debug.FreeOSMemory()
	return debug.FreeOSMemory
}

// large reports whether an array of n findings is one makeRoomFor makes
// room for.
func large(n int) bool { return uintptr(n)*unsafe.Sizeof(finding.Finding{}) > largeFindings }

// listFiles returns the record files to read (relative, slash-separated) and
// the ids of every sensor file in the register, for uses_sensors, with a
// warning for each folder in a record folder and, when the whole register
// is read, for each file there that is a record under the wrong name
// (misnamed): neither is read.
func listFiles(root string, only []string) (files []string, sensorIDs map[string]bool, fs []finding.Finding, err error) {
	sensorIDs = map[string]bool{}
	for _, k := range record.Kinds {
		entries, err := os.ReadDir(filepath.Join(root, k.Folder()))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, nil, fmt.Errorf("read %s: %w", filepath.Join(root, k.Folder()), err)
		}
		for _, e := range entries {
			name := e.Name()
			rel := k.Folder() + "/" + name
			if record.Hidden(name) {
				continue
			}
			if e.IsDir() {
				fs = append(fs, worded(finding.Finding{File: rel, Rule: finding.RuleRegister, Severity: finding.Warning},
					msgFolderInside.With(k.Folder()), msgPutDirectly.With(k.Folder())))
				continue
			}
			ext := path.Ext(name)
			if ext != ".yaml" && ext != ".yml" {
				if stem, ok := misnamed(name); ok && len(only) == 0 {
					fs = append(fs, strayFinding(k.Folder(), name, stem, finding.Warning, func(id string) string {
						return listed(entries, id)
					}))
				}
				continue
			}
			if k == record.Sensor {
				// Of rel, which the load keeps, rather than of name, which
				// it would keep besides: a hundred thousand strings fewer
				// for the collector to mark at 100,000 records.
				sensorIDs[strings.TrimSuffix(rel[len(rel)-len(name):], ext)] = true
			}
			if len(only) == 0 {
				files = append(files, rel)
			}
		}
	}
	if len(only) > 0 {
		for _, f := range only {
			rel, ok := relativeTo(root, f)
			if !ok {
				if missingInRoot(f) {
					return nil, nil, nil, msgNoNamedFile.Err(f, root)
				}
				return nil, nil, nil, msgNotInside.Err(f, root)
			}
			if err := namedFile(f, filepath.Join(root, filepath.FromSlash(rel)), root); err != nil {
				return nil, nil, nil, err
			}
			files = append(files, rel)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), sensorIDs, fs, nil
}

// strayFinding is the finding of the file name in folder that is not read
// as a record, whose name without its extension is stem (misnamed).
func strayFinding(folder, name, stem string, sev finding.Severity, exists func(id string) string) finding.Finding {
	return worded(finding.Finding{File: folder + "/" + name, Rule: finding.RuleRegister, Severity: sev},
		msgNotRecordFile.With(name), strayHelp(folder, stem, exists))
}

// listed returns the name of the record file of the id among entries, a
// folder's as os.ReadDir gives them (sorted by name); "" for none.
func listed(entries []os.DirEntry, id string) string {
	for _, name := range []string{id + ".yaml", id + ".yml"} {
		if _, ok := slices.BinarySearchFunc(entries, name, func(e os.DirEntry, n string) int { return strings.Compare(e.Name(), n) }); ok {
			return name
		}
	}
	return ""
}

// missingInRoot reports whether f, which is not inside the register from
// the working folder, is a name from the register's folder
// ("sensors/x.yaml") of a file that is neither there nor here.
func missingInRoot(f string) bool {
	if filepath.IsAbs(f) || climbsOut(filepath.Clean(f)) {
		return false
	}
	_, err := os.Lstat(f)
	return errors.Is(err, os.ErrNotExist)
}

// namedFile checks that a file named on the command line, f, at full, is
// there and can be read: one that is not is the user's to correct before
// anything is checked (exit 2), not a finding about a record. A symlink
// and a file that is no plain file are left to the reader, which says
// what is wrong with them as a finding on the file.
func namedFile(f, full, root string) error {
	st, err := os.Lstat(full)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return msgNoNamedFile.Err(f, root)
	case err != nil:
		return msgNamedUnreadable.Err(f, osError{err})
	case st.IsDir():
		return msgNamedFolder.Err(f)
	case !st.Mode().IsRegular():
		return nil
	}
	file, err := os.Open(full)
	if err != nil {
		return msgNamedUnreadable.Err(f, osError{err})
	}
	return file.Close()
}

// refuseFoldersOutside drops the files of a record folder (sensors/,
// algorithms/) that is a symlink to a folder outside the register, with an
// error finding: records there are no part of the register, and the site
// would publish them. A symlinked record file is checked by readInside.
func refuseFoldersOutside(root, realRoot string, files []string, sensorIDs map[string]bool) ([]string, map[string]bool, []finding.Finding) {
	var fs []finding.Finding
	outside := map[string]bool{}
	for _, k := range record.Kinds {
		dir := filepath.Join(root, k.Folder())
		lst, err := os.Lstat(dir)
		if err != nil || lst.Mode()&os.ModeSymlink == 0 {
			continue
		}
		target, err := filepath.EvalSymlinks(dir)
		if err == nil {
			target, err = filepath.Abs(target)
		}
		if r, rerr := filepath.Rel(realRoot, target); err != nil || rerr != nil || climbsOut(r) || r == "." {
			outside[k.Folder()] = true
			fs = append(fs, worded(finding.Finding{File: k.Folder(), Rule: finding.RuleYAML, Severity: finding.Error},
				msgFolderLink.With(k.Folder()), msgKeepFolders.With()))
		}
	}
	if len(outside) == 0 {
		return files, sensorIDs, nil
	}
	kept := files[:0:0]
	for _, f := range files {
		top, _, _ := strings.Cut(f, "/")
		if !outside[top] {
			kept = append(kept, f)
		}
	}
	if outside[record.Sensor.Folder()] {
		sensorIDs = map[string]bool{}
	}
	return kept, sensorIDs, fs
}

// relativeTo turns a file named on the command line into a path relative to
// the register root, accepting both "sensors/x.yaml" and "register/sensors/x.yaml".
func relativeTo(root, f string) (string, bool) {
	if _, err := os.Lstat(filepath.Join(root, f)); err == nil && !filepath.IsAbs(f) {
		c := filepath.Clean(f)
		if climbsOut(c) {
			return "", false
		}
		return filepath.ToSlash(c), true
	}
	absRoot, err1 := filepath.Abs(root)
	absF, err2 := filepath.Abs(f)
	if err1 != nil || err2 != nil {
		return "", false
	}
	r, err := filepath.Rel(absRoot, absF)
	if err != nil || climbsOut(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// climbsOut reports whether a clean relative path leads above its base.
func climbsOut(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// reader reads one record file after another; one is shared by the workers.
type reader struct {
	root, realRoot string
	opts           Options
	cfg            *config.Config
	marks          bool // look for a template's marks
	checklist      *principle.Checklist
	cacheKey       []byte // nil: no cache
	parsedKey      []byte // nil: no parse cache (Options.Parsed)
	texts          *texts // what packed findings share
	// strings are the kept records' strings, each once (record.Decode);
	// nil when the load keeps no records.
	strings *record.Strings
}

// standIns reports whether the load keeps each file's facts in the place
// of its record, and the register holds no records.
func (r *reader) standIns() bool {
	return !r.opts.Records && (r.cacheKey != nil || r.opts.Facts)
}

type fileResult struct {
	file     string
	record   *record.Record // nil for a stand-in: facts only
	facts    *Facts         // nil when the file did not load as a record
	findings []finding.Finding
	outcome  principle.Outcome // the checklist's, with positions

	// outcome.Findings are kept packed here until the end (pack.go), and
	// in a load that keeps facts only, findings too.
	packed packedFindings

	// content is the sha256 of the file's content, for Register.Sums,
	// when hashed; linked says the file was read through a symlink, for
	// Register.Linked.
	content [32]byte
	hashed  bool
	linked  bool
}

// recordID is the id of the record the file loaded as; "" for none.
func (res *fileResult) recordID() string {
	if res.facts == nil {
		return ""
	}
	return res.facts.ID
}

func fail(rel string, msg, help message.Phrase) fileResult {
	return fileResult{findings: []finding.Finding{worded(finding.Finding{File: rel, Rule: finding.RuleYAML,
		Severity: finding.Error}, msg, help)}}
}

// notRecordFile is the result of a file named on the command line that is
// no record file: one directly in a record folder whose name does not end
// in .yaml is told how to rename it, as the load of the whole register
// tells a misnamed one (listFiles), but as an error: it was asked for.
func (r *reader) notRecordFile(rel string) fileResult {
	folder, name, _ := strings.Cut(rel, "/")
	inFolder := !strings.Contains(name, "/") && slices.ContainsFunc(record.Kinds, func(k record.Kind) bool { return k.Folder() == folder })
	if !inFolder {
		return fail(rel, msgWrongFolder.With(), msgMoveToKind.With())
	}
	// A name that does not look like a record's (README.md) suggests none:
	// rename it after the id in it.
	stem, _ := misnamed(name)
	self, _ := os.Lstat(filepath.Join(r.root, folder, name))
	return fileResult{findings: []finding.Finding{strayFinding(folder, name, stem, finding.Error, func(id string) string {
		for _, n := range []string{id + ".yaml", id + ".yml"} {
			// Not the file itself, as a file system that ignores case finds it.
			if st, err := os.Lstat(filepath.Join(r.root, folder, n)); err == nil && !st.IsDir() && (self == nil || !os.SameFile(st, self)) {
				return n
			}
		}
		return ""
	})}}
}

// read reads, validates and decodes one file, and checks the record when
// asked to. It never panics: a bad file is a finding and the run goes on.
func (r *reader) read(rel string) (res fileResult) {
	defer func() {
		if p := recover(); p != nil {
			res = fail(rel, msgCouldNotRead.With(p), msgReportBug.With())
		}
	}()
	kind, ok := record.KindOfFile(rel)
	if !ok {
		return r.notRecordFile(rel)
	}
	full := filepath.Join(r.root, filepath.FromSlash(rel))
	// A file whose stat is as it was when its content was hashed holds
	// the same content: its result is found without reading it.
	if r.cacheKey != nil && r.opts.Sums != nil {
		if digest, ok := r.opts.Sums.Lookup(rel, full); ok {
			if res, ok := r.cached(rel, kind, digest, nil, false); ok {
				return res
			}
		}
	}
	// No load keeps a file's content: parsing copies what it keeps, as
	// does reading from the caches (TestParseKeepsNothingOfItsBytes). So
	// each file is read into a buffer that then reads the next: fresh
	// buffers for a re-check's 10,000 files were a tenth of its time in
	// page faults, and at 100,000 records a cold check's 190 MB of garbage.
	pooled := readBuffers.Get().(*[]byte)
	data, linked, st, bad := readInside(full, r.realRoot, r.opts.Limits.MaxBytes, *pooled)
	if bad != nil {
		readBuffers.Put(pooled)
		return fail(rel, bad.msg, bad.help)
	}
	defer recycle(pooled, data)
	// The content's hash, for the cache's keys and, in a load that keeps
	// records, as the register's Sums: the site keys a published source
	// by it rather than reading the file again.
	var digest [32]byte
	hashed := r.cacheKey != nil || !r.standIns()
	if hashed {
		digest = sha256.Sum256(data)
	}
	if r.cacheKey != nil {
		if st != nil && r.opts.Sums != nil {
			r.opts.Sums.Note(rel, *st, digest)
		}
		if res, ok := r.cached(rel, kind, digest, data, linked); ok {
			return res
		}
		res = r.parse(rel, kind, data, r.parseSum(digest))
		r.opts.Cache.Put(rel, fileSum(r.cacheKey, digest), res.stored())
	} else {
		res = r.parse(rel, kind, data, nil)
	}
	res.content, res.hashed, res.linked = digest, hashed, linked
	if r.standIns() {
		// The record itself is not kept, only its facts, as a result from
		// the cache would be: the memory of a large register holds
		// findings, not records.
		res.record = nil
	}
	return r.pack(rel, res)
}

// cached returns the result the cache holds for the file rel whose
// content hashes to digest. data is the content, or nil when the file was
// not read (Options.Sums): a result that needs the file parsed is then
// not found, and the caller reads it.
func (r *reader) cached(rel string, kind record.Kind, digest [32]byte, data []byte, linked bool) (fileResult, bool) {
	s, ok := r.opts.Cache.Get(rel, fileSum(r.cacheKey, digest))
	if !ok {
		return fileResult{}, false
	}
	res, ok := fromStored(rel, s)
	if !ok {
		return fileResult{}, false
	}
	if !r.checklist.Valid(res.outcome) {
		// Checked on a day its outcome does not hold (or history now
		// answers otherwise): checked again, from the record the parse
		// cache keeps when it can be, else parsed.
		if res, ok = r.recheck(rel, digest, res); !ok {
			return fileResult{}, false
		}
	} else if !r.opts.Records {
		return res, true
	} else if res, ok = r.decode(rel, kind, data, r.parseSum(digest), res); !ok {
		return fileResult{}, false
	}
	res.content, res.hashed, res.linked = digest, true, linked
	// Packed as a file read afresh is, so that the cache's arrays of
	// findings go once it is saved: the build keeps them to its end
	// (Checked).
	return r.pack(rel, res), true
}

// recheck runs the checklist again on the record the parse cache keeps for
// rel, a file whose stored result is res: what reading and validating it
// found, and its facts, do not change with the day, and the checklist's
// findings are placed where the stored outcome placed the same field: a
// record whose findings go away, or stay on the fields they named, needs
// no parse. False when the parse cache does not keep the record (a load
// without one, a file that did not load as a record), or a finding names
// a field the stored outcome did not place: the file is parsed.
func (r *reader) recheck(rel string, digest [32]byte, res fileResult) (fileResult, bool) {
	rec, ok := r.readParsed(rel, r.parseSum(digest))
	if !ok {
		return res, false
	}
	out := r.checklist.Record(rec)
	if !placeAsBefore(rel, out.Findings, res.outcome.Findings) {
		return res, false
	}
	res.outcome = out
	r.opts.Cache.Put(rel, fileSum(r.cacheKey, digest), res.stored())
	rec.Placeholders = r.marks && marked(out)
	res.record = rec
	return res, true
}

// marked reports whether the checklist's placeholder rule found a
// template's marks in the record it checked (an exception changes such a
// finding's severity, never removes it): a record whose outcome says so
// stays off the public outputs, with no second search.
func marked(o principle.Outcome) bool {
	return slices.ContainsFunc(o.Findings, func(f finding.Finding) bool { return f.Rule == placeholder.RuleID })
}

// placeAsBefore gives the findings of the file rel that parse would place
// (locate) the line and column of a finding before at the same field;
// false when one names a field none before did.
func placeAsBefore(rel string, fs, before []finding.Finding) bool {
	type field struct {
		path string
		key  bool
	}
	var at map[field][2]int
	for i := range fs {
		f := &fs[i]
		if !unplaced(f) || f.File != rel {
			continue
		}
		if at == nil {
			at = make(map[field][2]int, len(before))
			for _, b := range before {
				if b.File == rel && b.Rule != finding.RuleYAML {
					at[field{b.Path, b.Key}] = [2]int{b.Line, b.Column}
				}
			}
		}
		pos, ok := at[field{f.Path, f.Key}]
		if !ok {
			return false
		}
		f.Line, f.Column = pos[0], pos[1]
	}
	return true
}

// parseSum is the key in the parse cache of a file whose content hashes
// to digest; nil without a parse cache.
func (r *reader) parseSum(digest [32]byte) *[32]byte {
	if r.parsedKey == nil {
		return nil
	}
	ps := fileSum(r.parsedKey, digest)
	return &ps
}

// pack packs the findings of res, the result of the file rel. The
// checklist's findings are put together at the end (finish) in every
// load, and in a load that keeps facts only the file's own too (gather);
// packed meanwhile, and unpacked there, they share their texts: a build
// of 100,000 records keeps 570,000 findings, with 21,000 distinct
// messages.
func (r *reader) pack(rel string, res fileResult) fileResult {
	var own []finding.Finding
	if r.standIns() {
		own = res.findings
	}
	res.file = rel // for a file that did not load as a record too: its findings are unpacked with it
	if p, ok := r.texts.pack(rel, res.recordID(), own, res.outcome.Findings); ok {
		res.packed, res.outcome.Findings = p, nil
		if r.standIns() {
			res.findings = nil
		}
	}
	return res
}

// parse reads a file's content into a record, validates it and checks it.
// parseSum, when set, is the file's key in the parse cache, which keeps
// the record it decoded to.
func (r *reader) parse(rel string, kind record.Kind, data []byte, parseSum *[32]byte) (res fileResult) {
	doc, fs := source.Parse(rel, data, r.opts.Limits)
	if doc == nil {
		return fileResult{findings: fs}
	}
	if r.opts.Validator != nil {
		fs = append(fs, r.opts.Validator.Validate(doc, kind)...)
	}
	if doc.Root.Kind != yaml.MappingNode {
		if r.opts.Validator == nil {
			fs = append(fs, worded(finding.Finding{File: rel, Line: doc.Root.Line, Column: doc.Root.Column, Rule: finding.RuleSchema,
				Severity: finding.Error}, msgNotAMapping.With(), msgStartWithID.With()))
		}
		return fileResult{findings: fs}
	}
	rec, pf := toRecord(rel, kind, doc, r.strings)
	if parseSum != nil && !r.opts.Parsed.Has(rel, *parseSum) {
		// As decoded, before the checklist marks placeholders.
		r.opts.Parsed.Put(rel, *parseSum, record.AppendBinary(nil, rec))
	}
	fs = append(fs, pf...)
	for i := range fs {
		fs[i].Record = rec.ID
	}
	res = fileResult{file: rel, record: rec, facts: factsOf(rec, spotsOf(doc, rec)), findings: fs}
	if r.checklist != nil {
		res.outcome = r.checklist.Record(rec)
		for i := range res.outcome.Findings {
			f := &res.outcome.Findings[i]
			if unplaced(f) && f.File == rel {
				f.Line, f.Column = doc.Locate(f.Path, f.Key)
			}
		}
	}
	if r.marks && (r.checklist != nil || !r.standIns()) {
		// A record still holding a template's marks stays off the public
		// outputs: found by the checklist when it ran here (marked). A
		// load that keeps facts only and no checklist (validate) drops
		// the record: no search at all.
		if r.checklist != nil {
			rec.Placeholders = marked(res.outcome)
		} else {
			rec.Placeholders = len(placeholder.Find(rec, r.cfg.Organisation)) > 0
		}
	}
	return res
}

// toRecord decodes a parsed file into a record, with the findings of its
// publication block.
func toRecord(rel string, kind record.Kind, doc *source.Document, strs *record.Strings) (*record.Record, []finding.Finding) {
	rec, pf := recordOf(rel, kind, doc.Value, strs)
	for i := range pf {
		pf[i].File = rel
		pf[i].Line, pf[i].Column = doc.Locate(pf[i].Path, pf[i].Key)
	}
	return rec, pf
}

// recordOf makes the record of a file from what it parsed to, with the
// findings of its publication block, which name their field but not yet
// the file, line and column.
func recordOf(rel string, kind record.Kind, value any, strs *record.Strings) (*record.Record, []finding.Finding) {
	rec := &record.Record{}
	record.Decode(value, rec, strs)
	rec.File = rel
	pf := publish.Check(value, kind)
	if len(pf) > 0 {
		// Fail closed: a publication block that does not read cleanly
		// keeps the whole record off the public outputs.
		rec.PublicationInvalid = true
	}
	if rec.ID == "" {
		// Keep the record addressable: its file name stands in for a missing id.
		rec.ID = strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	}
	if rec.Kind == "" {
		rec.Kind = kind
	}
	rec.Point = pointOf(rec)
	return rec, pf
}

// decode reads the record of a file whose findings and outcome came from
// the cache (cached): the record replaces the stand-in, and nothing is
// validated or checked again. The record is kept from an earlier run
// under parseSum (nil: no parse cache), or parsed from data now and kept
// for the next; false when it is not kept and data is nil (the file was
// not read).
func (r *reader) decode(rel string, kind record.Kind, data []byte, parseSum *[32]byte, cached fileResult) (fileResult, bool) {
	if cached.facts == nil {
		return cached, true
	}
	rec, ok := r.readParsed(rel, parseSum)
	if !ok {
		if data == nil {
			return cached, false
		}
		if rec, ok = r.decoded(rel, kind, data, parseSum); !ok {
			// Not as it was when stored: the facts stand in for the record.
			cached.record = standIn(rel, cached.facts)
			return cached, true
		}
	}
	// As parse does with the checklist: its placeholder rule searched the
	// record when the result was stored.
	rec.Placeholders = r.marks && marked(cached.outcome)
	cached.record = rec
	return cached, true
}

// decoded parses and decodes the record of a file whose result came from
// the cache, and keeps it under parseSum for the next run. ok is false
// when the file no longer reads as a mapping.
func (r *reader) decoded(rel string, kind record.Kind, data []byte, parseSum *[32]byte) (_ *record.Record, ok bool) {
	doc, _ := source.Parse(rel, data, r.opts.Limits)
	if doc == nil || doc.Root.Kind != yaml.MappingNode {
		return nil, false
	}
	rec, _ := recordOf(rel, kind, doc.Value, r.strings)
	if parseSum != nil {
		r.opts.Parsed.Put(rel, *parseSum, record.AppendBinary(nil, rec))
	}
	return rec, true
}

// readParsed reads back the record the parse cache keeps for rel under
// sum; false without a parse cache (nil sum).
func (r *reader) readParsed(rel string, sum *[32]byte) (*record.Record, bool) {
	if sum == nil {
		return nil, false
	}
	b, ok := r.opts.Parsed.Get(rel, *sum)
	if !ok {
		return nil, false
	}
	rec, err := record.ReadBinary(b)
	return rec, err == nil
}

// pointOf gives a sensor its WGS84 point from point or point_rd.
func pointOf(r *record.Record) *record.Point {
	if r.Location == nil {
		return nil
	}
	if p := r.Location.Point; p != nil {
		return &record.Point{Lat: p.Lat, Lon: p.Lon}
	}
	if rd := r.Location.PointRD; rd != nil {
		lat, lon := geo.RDToWGS84(rd.X, rd.Y)
		return &record.Point{Lat: lat, Lon: lon}
	}
	return nil
}

// readInside reads a regular file no larger than maxBytes, refusing symlinks
// that lead outside the register and anything that is not a plain file (a
// FIFO would block the read forever); linked says it was read through a
// symlink, st what the file system said of a file that was not one, where
// it says what Options.Sums needs. It says why when the file cannot be
// read.
func readInside(full, realRoot string, maxBytes int64, into []byte) (data []byte, linked bool, st *statsum.Stat, bad *unreadable) {
	// Nearly every record is a plain file: opened as one, it needs no
	// look at the path first.
	if data, st, bad, ok := readPlain(full, maxBytes, into); ok {
		return data, false, st, bad
	}
	lst, err := os.Lstat(full)
	if err != nil {
		return nil, false, nil, cannotOpen(err)
	}
	linked = lst.Mode()&os.ModeSymlink != 0
	if linked {
		target, err := filepath.EvalSymlinks(full)
		if err != nil {
			// EvalSymlinks words a loop in its own English ("too many
			// links"); the system's stat of the path tells it as ELOOP.
			if _, serr := os.Stat(full); errors.Is(serr, syscall.ELOOP) {
				return nil, false, nil, cannotRead(msgLinkLoops.With())
			}
			return nil, false, nil, cannotRead(msgLinkNowhere.With(osError{err}))
		}
		target, _ = filepath.Abs(target)
		if r, err := filepath.Rel(realRoot, target); err != nil || climbsOut(r) {
			return nil, false, nil, cannotRead(msgLinkOutside.With())
		}
	} else if !lst.Mode().IsRegular() {
		return nil, false, nil, cannotRead(msgNotRegular.With())
	}
	// A link was followed to a target inside the register, looked at
	// above: opened as regularfile does, the open waits on no named pipe
	// put in its place, and the file read is the one looked at.
	most := maxBytes
	if most <= 0 {
		most = regularfile.AnySize
	}
	f, fi, err := regularfile.OpenFollowing(full, most)
	if err != nil {
		return nil, false, nil, refused(err)
	}
	defer f.Close()
	if data, err = regularfile.Read(f, full, fi.Size(), most, into); err != nil {
		return nil, false, nil, refused(err)
	}
	return data, linked, nil, nil
}

// refused words why regularfile would not open or read a record file.
func refused(err error) *unreadable {
	var big *regularfile.TooLarge
	switch {
	case errors.Is(err, regularfile.ErrNotRegular):
		return cannotRead(msgNotRegular.With())
	case errors.As(err, &big) && big.Grew:
		return &unreadable{msgGrewTooBig.With(big.Most), source.MsgSplit.With()}
	case big != nil:
		return &unreadable{source.MsgTooBig.With(big.Size, big.Most), source.MsgSplit.With()}
	}
	return cannotOpen(err)
}

// readBuffers are the buffers files are read into (reader.read).
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// recycle hands data, read into the buffer p held, back to readBuffers
// with p.
func recycle(p *[]byte, data []byte) {
	*p = data
	readBuffers.Put(p)
}

func plainErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
