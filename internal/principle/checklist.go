package principle

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/readability"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Checklist is the checklist made ready for one run, so records can be
// checked one at a time, on many workers at once, while their file's node
// tree is still alive to locate the findings (load does so): Run would need
// every record first and a second parse of each file to place its findings.
// Checking record by record gives exactly Run's findings, in Run's order,
// with one exception that Finish detects: custom rules that use up the run's
// cost budget, whose outcome depends on the order in which records are
// checked; Finish then reports the run inexact and the caller uses Run.
type Checklist struct {
	ctx     *Context
	rules   []*Rule
	head    []finding.Finding // compile errors of custom rules, unknown rule settings, AI Act dates later than the law's
	customs bool
	spent   atomic.Uint64 // custom-rule cost spent by all workers: stops a runaway run early
}

// Outcome is what the checklist found on one record.
type Outcome struct {
	// Findings carry Path but no line, as Run's do.
	Findings []finding.Finding
	// Cost is what the register's custom rules spent on the record;
	// Complete is false when they were skipped because the run's budget was
	// already spent (Finish then reports the run inexact).
	Cost     uint64
	Complete bool
	// History is what the checks asked of the register's Git history about
	// this record, so a stored outcome can be reused only while history
	// still answers the same.
	History []HistoryAnswer
	// Holds is the days on which the checks answer as they did: a stored
	// outcome is reused on another day only within it.
	Holds Span
}

// HistoryAnswer is one question a check asked History and the answer:
// FirstCommit of File, or RegisterStart when File is empty.
type HistoryAnswer struct {
	File string
	At   time.Time
	OK   bool
}

// NewChecklist prepares the checklist for a run over a register with this
// configuration: the built-in rules and the configuration's custom rules.
func NewChecklist(cfg *config.Config, opts Options) *Checklist {
	if cfg == nil {
		cfg = config.Default()
	}
	today := opts.Today
	if today.IsZero() {
		today = period.Today(timeNow())
	}
	customs, head := CompileCustom(cfg)
	rules := append(Rules(), customs...)
	head = append(head, unknownRuleSettings(cfg, rules)...)
	head = append(head, laterDates(cfg)...)
	head = append(head, unknownIntervalKeys(cfg)...)
	return &Checklist{
		ctx:     &Context{day: newClock(today), Config: cfg, History: opts.History, texts: readability.NewMemo()},
		rules:   rules,
		head:    head,
		customs: len(customs) > 0,
	}
}

// findingBuffers hold the findings of a record as Record gathers them.
var findingBuffers = sync.Pool{New: func() any { return new([]finding.Finding) }}

// Record checks one record: the rules that look at a single record, then
// its exceptions. It is safe for concurrent use.
func (c *Checklist) Record(rec *record.Record) Outcome {
	ctx := *c.ctx
	ctx.day = newClock(c.ctx.day.today)
	var asked *askedHistory
	if ctx.History != nil {
		asked = &askedHistory{h: ctx.History}
		ctx.History = asked
	}
	// Each record spends from a budget of its own; Finish replays them in
	// Run's order. Once the workers together have spent the run's budget the
	// remaining records skip their custom rules, as Run would.
	ctx.budget = newBudget(math.MaxUint64)
	limit := ctx.Config.Limits.CustomRulesCost
	if c.customs && c.spent.Load() >= limit {
		ctx.budget = newBudget(0)
	}
	// The findings are gathered in a buffer that serves record after
	// record, and copied out at their size: grown from nothing for each
	// record, they were 285 MB of garbage at 100,000 records, more than
	// twice what they hold.
	buf := findingBuffers.Get().(*[]finding.Finding)
	fs := checkRecord(&ctx, c.rules, rec, (*buf)[:0])
	c.spent.Add(ctx.budget.spent)
	out := Outcome{Cost: ctx.budget.spent, Complete: ctx.budget.skipped == 0, Holds: ctx.day.span}
	if len(fs) > 0 {
		out.Findings = slices.Clone(fs)
	}
	clear(fs)
	*buf = fs[:0]
	findingBuffers.Put(buf)
	if asked != nil {
		out.History = asked.answers
	}
	return out
}

// Finish completes the run from the outcomes of every record, in the order
// of the register's records (register.Register.Records): the register-wide
// rules, the findings about the configuration, and then every record's
// findings, as Run returns them. exact is false when the custom rules ran
// out of the run's budget: which records they skipped depends on the order
// of checking, so the caller must use Run for this register instead.
func (c *Checklist) Finish(reg *register.Register, outcomes []Outcome) (fs []finding.Finding, exact bool) {
	if !c.Exact(outcomes) {
		return nil, false
	}
	before, after, _ := c.Around(reg, func(rule string, sev finding.Severity) bool {
		return slices.ContainsFunc(outcomes, func(o Outcome) bool { return silencesLaw(o.Findings, rule, sev) })
	})
	n := len(before) + len(after)
	for _, o := range outcomes {
		n += len(o.Findings)
	}
	fs = append(make([]finding.Finding, 0, n), before...)
	for _, o := range outcomes {
		fs = append(fs, o.Findings...)
	}
	return append(fs, after...), true
}

// Exact reports whether the outcomes, one per record, are Run's: false
// when the custom rules ran out of the run's budget, as then which records
// they skipped depends on the order of checking, and the caller must use
// Run for this register instead.
func (c *Checklist) Exact(outcomes []Outcome) bool {
	if !c.customs {
		return true
	}
	var spent uint64
	limit := c.ctx.Config.Limits.CustomRulesCost
	for _, o := range outcomes {
		// Run checks the budget before each custom rule of a record: the
		// record's outcome is Run's when the budget lasts for all of them.
		if !o.Complete || spent+o.Cost >= limit {
			return false
		}
		spent += o.Cost
	}
	return true
}

// Around returns the findings Run puts around the records' own, for a
// caller that keeps those itself (Finish shows the order): before them the
// findings about the configuration, after them the register-wide rules';
// and the days on which the register-wide rules' hold.
// silenced reports whether the records' findings include a legal one of
// the rule whose severity a setting of sev would have lowered (Law set,
// Severity above sev), as the findings about settings depend on that.
func (c *Checklist) Around(reg *register.Register, silenced func(rule string, sev finding.Severity) bool) (before, after []finding.Finding, holds Span) {
	ctx := *c.ctx
	ctx.day = newClock(c.ctx.day.today)
	ctx.Register = reg
	after = checkRegister(&ctx, c.rules)
	settings := settingFindings(ctx.Config, c.rules, func(rule string, sev finding.Severity) bool {
		return silencesLaw(after, rule, sev) || silenced(rule, sev)
	})
	before = make([]finding.Finding, 0, len(c.head)+len(settings))
	return append(append(before, c.head...), settings...), after, ctx.day.span
}

// Valid reports whether a stored outcome still holds for this run: the
// run's day is within the days it holds for, and every question its
// checks asked of history gets the same answer.
func (c *Checklist) Valid(o Outcome) bool {
	if !o.Holds.Holds(c.ctx.day.today) {
		return false
	}
	for _, a := range o.History {
		if c.ctx.History == nil {
			return false
		}
		var at time.Time
		var ok bool
		if a.File == "" {
			at, ok = c.ctx.History.RegisterStart()
		} else {
			at, ok = c.ctx.History.FirstCommit(a.File)
		}
		if ok != a.OK || !at.Equal(a.At) {
			return false
		}
	}
	return true
}

// askedHistory passes questions on to History and notes them with their
// answers.
type askedHistory struct {
	h       History
	mu      sync.Mutex
	answers []HistoryAnswer
}

func (a *askedHistory) FirstCommit(file string) (time.Time, bool) {
	t, ok := a.h.FirstCommit(file)
	a.note(HistoryAnswer{File: file, At: t, OK: ok})
	return t, ok
}

func (a *askedHistory) RegisterStart() (time.Time, bool) {
	t, ok := a.h.RegisterStart()
	a.note(HistoryAnswer{At: t, OK: ok})
	return t, ok
}

func (a *askedHistory) note(h HistoryAnswer) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, x := range a.answers {
		if x.File == h.File {
			return
		}
	}
	a.answers = append(a.answers, h)
}
