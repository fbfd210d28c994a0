package pipeline

import (
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
)

// Reloader opens one register again and again for a command that runs
// while it is edited (serve): each Open is what Open returns for the
// register as it is then, but reads, validates and checks only the record
// files that changed since the Open before (load.Reloader). The first Open
// takes what it can from the check cache and the parse cache, as Open
// does; later ones need no cache, the results being in memory. A Reloader is for one goroutine
// at a time.
type Reloader struct {
	root   string
	loader *load.Reloader
	opened bool
}

// NewReloader returns a Reloader of the register at root.
func NewReloader(root string) *Reloader {
	return &Reloader{root: root, loader: load.NewReloader(root)}
}

// Open opens the register as Open does with opts, whole records kept
// (opts.Records; opts.FindingsOnly is ignored, and opts.Files loads those
// files afresh). The caller closes the Register when done.
func (l *Reloader) Open(opts Options) (*Register, error) {
	r := &Register{Root: l.root}
	if opts.History {
		// Opened afresh each time: the history grows while the command
		// runs; what a kept result asked of it is asked again (load).
		r.Repo, r.HistoryProblem = trustedRepo(l.root)
	}
	v, err := Validator()
	if err != nil {
		r.Close()
		return nil, err
	}
	lo := load.Options{Validator: v, Files: opts.Files}
	var c *caches
	if opts.Check {
		lo.Check = &principle.Options{Today: opts.Today, History: r.History()}
		if opts.Cache && !l.opened && len(opts.Files) == 0 {
			c, r.CacheProblem = openCaches(l.root, r.Repo, true)
			c.use(&lo)
		}
	}
	// The collector's target is raised for the first load only: a later
	// one reads the files that changed, and lowering the target again
	// after it, with the heap past the lowered goal, cost a whole
	// collection each time. Serve publishes the records it keeps.
	restore := func(uint64) {}
	if !l.opened {
		restore, r.settle = collectLessWhileLoading(heldLimitFrom)
	}
	res, err := l.loader.Load(lo)
	// Saved before the collector's target is set back, which measures
	// what the load keeps, as Open does; and only when the load succeeded.
	c.done(err == nil, true)
	restore(0)
	if err != nil {
		r.Close()
		return nil, err
	}
	if len(opts.Files) == 0 {
		l.opened = true
	}
	r.Loaded = res
	if lo.Check != nil {
		r.checkDay, r.packed = opts.Today, res.Checked
	}
	return r, nil
}
