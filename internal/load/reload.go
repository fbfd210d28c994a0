package load

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Reloader loads one register again and again, for a command that runs
// while the register is edited (serve): a record file whose size,
// modification time and identity are as at the last load keeps what it
// came to then (its record, findings and checklist outcome) and is not
// read again. The configuration, the register-wide checks and the
// checklist's register-wide rules are worked out afresh on every load,
// from each file's result, so a load is what Register returns for the
// register as it is now. A record that did not change is the same
// *record.Record as in the load before, so a caller can keep what it
// derived from it. A Reloader is for one goroutine at a time.
type Reloader struct {
	root string
	run  []byte // what the kept results depend on besides the files
	kept map[string]*keptFile
	// texts are what the kept results' packed findings share: one table
	// for as long as results are kept, as they are unpacked with it.
	texts *texts
}

// keptFile is one file's result and the look of the file it was read from.
type keptFile struct {
	info os.FileInfo
	res  fileResult
}

// NewReloader returns a Reloader for the register at root; its first Load
// reads every file.
func NewReloader(root string) *Reloader { return &Reloader{root: root} }

// Load loads the register as Register does with opts, reading only the
// files that changed since the last Load with the same run (the same
// configuration, validator, limits and presence of history: a change to
// any of them reads every file), and those whose checklist outcome does
// not hold on the day checked (principle.Checklist.Valid). Whole records
// are kept: opts.Facts and opts.Records are ignored, and opts.Cache
// serves only files this Reloader does not hold. With opts.Files it loads those files as
// Register does and keeps nothing.
func (l *Reloader) Load(opts Options) (*Result, error) {
	opts.Facts, opts.Records = false, true
	if len(opts.Files) > 0 {
		return Register(l.root, opts)
	}
	r, files, sensorIDs, findings, err := l.prepare(&opts)
	if err != nil {
		return nil, err
	}
	run := reloadKey(opts, r.cfg)
	if run == nil || string(run) != string(l.run) {
		l.kept = nil
	}
	l.run = run
	if l.kept == nil || l.texts == nil {
		l.texts = &texts{}
	}
	r.texts = l.texts
	results := l.read(r, files)

	reg, entries, findings, ids := gather(l.root, r.cfg, results, findings, sensorIDs, r.texts)
	res := &Result{Register: reg, Findings: findings, Files: files, IDs: ids}
	if r.checklist != nil {
		// The records are whole, never stand-ins: finish always completes.
		res.Checked, _ = r.finish(reg, entries)
	}
	return res, nil
}

// prepare does what Register does before it reads the files: the root,
// the configuration, the list of record files and the reader.
func (l *Reloader) prepare(opts *Options) (*reader, []string, map[string]bool, []finding.Finding, error) {
	root := l.root
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return nil, nil, nil, nil, msgRootNotFolder.ErrOf(ErrNoRegister, root)
	}
	if opts.Limits == (source.Limits{}) {
		opts.Limits = source.DefaultLimits
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if !isDir(filepath.Join(root, record.Sensor.Folder())) && !isDir(filepath.Join(root, record.Algorithm.Folder())) {
		return nil, nil, nil, nil, msgRootNoFolders.ErrOf(ErrNoRegister, root)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("read register %s: %w", root, err)
	}
	realRoot, _ = filepath.Abs(realRoot)
	cfg, findings, err := config.Load(root)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	files, sensorIDs, more, err := listFiles(root, nil)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	findings = append(findings, more...)
	files, sensorIDs, more = refuseFoldersOutside(root, realRoot, files, sensorIDs)
	findings = append(findings, more...)
	r := &reader{root: root, realRoot: realRoot, opts: *opts, cfg: cfg,
		marks: cfg.Severity(placeholder.RuleID, finding.Error) != finding.Off}
	if opts.Check != nil {
		r.checklist = principle.NewChecklist(cfg, *opts.Check)
		r.cacheKey = runKey(opts.Cache, *opts, cfg)
	}
	if !r.standIns() {
		r.strings = &record.Strings{}
	}
	return r, files, sensorIDs, findings, nil
}

// read returns each file's result: the kept one when the file looks as it
// did, else read afresh on a pool of workers. It keeps what it returns,
// changing only the entries of the files read and of those gone, so a
// load that reads one file does not make the whole register's entries
// again.
func (l *Reloader) read(r *reader, files []string) []fileResult {
	if l.kept == nil {
		l.kept = make(map[string]*keptFile, len(files))
	}
	results := make([]fileResult, len(files))
	var (
		todo  []int
		looks []os.FileInfo // of the files in todo; nil: not to be kept
	)
	for i, rel := range files {
		// Looked at before it is read: a file that changes in between is
		// read again at the next load.
		info, err := os.Stat(filepath.Join(l.root, filepath.FromSlash(rel)))
		if err != nil {
			info = nil
		}
		if k := l.kept[rel]; k != nil && info != nil && sameLook(k.info, info) &&
			(r.checklist == nil || r.checklist.Valid(k.res.outcome)) {
			results[i] = k.res
			continue
		}
		todo = append(todo, i)
		looks = append(looks, info)
	}
	parallel.EachOn(r.opts.Workers, len(todo), func(n int) { results[todo[n]] = r.read(files[todo[n]]) })

	for n, i := range todo {
		if looks[n] == nil {
			delete(l.kept, files[i])
			continue
		}
		l.kept[files[i]] = &keptFile{info: looks[n], res: results[i]}
	}
	l.forgetGone(files)
	return results
}

// forgetGone drops the kept results of files no longer listed. Every
// listed file has an entry but those that could not be looked at, so
// more entries than listed files means some are gone.
func (l *Reloader) forgetGone(files []string) {
	if len(l.kept) <= len(files) {
		listed := 0
		for _, rel := range files {
			if l.kept[rel] != nil {
				listed++
			}
		}
		if listed == len(l.kept) {
			return
		}
	}
	keep := make(map[string]bool, len(files))
	for _, rel := range files {
		keep[rel] = true
	}
	for rel := range l.kept {
		if !keep[rel] {
			delete(l.kept, rel)
		}
	}
}

// sameLook reports whether two looks at a file show the same file
// unchanged: the same file (inode), size, mode and modification time.
func sameLook(a, b os.FileInfo) bool {
	return a.Size() == b.Size() && a.Mode() == b.Mode() && a.ModTime().Equal(b.ModTime()) && os.SameFile(a, b)
}

// reloadKey hashes what a file's result depends on besides its content;
// nil when it cannot be known, and nothing is kept.
func reloadKey(opts Options, cfg *config.Config) []byte {
	conf, err := json.Marshal(cfg)
	if err != nil {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "validator %T %p\nlimits %+v\n", opts.Validator, opts.Validator, opts.Limits)
	if c := opts.Check; c != nil {
		fmt.Fprintf(h, "history %v\n", c.History != nil)
	}
	h.Write(conf)
	return h.Sum(nil)
}
