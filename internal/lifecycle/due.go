// Package lifecycle computes what falls due in a register: evaluations that
// lapsed or come up (principle III), life cycles that ended while the record
// is still in use (3.4), and exceptions and data-sharing agreements that end.
// It is pure: a register, a date and a window in, a sorted list out, so the
// due command, the checklist and the site all agree on the dates.
package lifecycle

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// What names the kind of date an item is about.
type What string

// The dates Due looks at. The values are stable: they appear in JSON, CSV and
// in the UIDs of the calendar.
const (
	Evaluation  What = "evaluation"   // next evaluation (III)
	Lifecycle   What = "lifecycle"    // lifecycle.end (3.4)
	Exception   What = "exception"    // exceptions[].until
	DataSharing What = "data_sharing" // data_sharing[].end
	AIAct       What = "ai_act"       // the AI Act's high-risk duties apply (ai_act.category)
)

// WhatLabel names each kind of date in Dutch and English, for the
// calendar and the committee's packet.
var WhatLabel = map[What]label.Text{
	Evaluation:  {"Evaluatie", "Evaluation"},
	Lifecycle:   {"Einde looptijd", "End of life cycle"},
	Exception:   {"Einde uitzondering", "End of exception"},
	DataSharing: {"Einde gegevensdeling", "End of data sharing"},
	AIAct:       {"Plichten AI-verordening", "AI Act duties"},
}

// Group says how urgent an item is.
type Group string

// The groups, in the order they are shown.
const (
	// Lapsed: a duty whose date has passed: an evaluation not done, or a
	// life cycle that ended while the record is still active.
	Lapsed Group = "lapsed"
	// Undated: a record in use whose next evaluation cannot be computed: it
	// was never evaluated and has no start date (or one that does not
	// parse). Nobody can tell whether it lapsed, so it is not "nothing due".
	Undated Group = "undated"
	// Ending: an exception or data-sharing agreement that has ended or ends
	// within the window, or a life cycle that ends within the window.
	Ending Group = "ending"
	// Upcoming: an evaluation due within the window.
	Upcoming Group = "upcoming"
)

// Groups lists the groups in display order.
var Groups = []Group{Lapsed, Undated, Ending, Upcoming}

func (g Group) order() int { return slices.Index(Groups, g) }

// Item is one date that needs someone's attention.
type Item struct {
	// Record is the record the date belongs to; its Owner says whom to chase.
	Record *record.Record
	// What the date is about.
	What What
	// Date is the due or end date, midnight UTC; zero for Undated.
	Date time.Time
	// Group is lapsed, ending or upcoming.
	Group Group
	// Path is the JSON Pointer of the field the date comes from (for an
	// evaluation never done, "/lifecycle/start").
	Path string
	// Detail explains the date in a sentence; the machine formats give
	// its English, the text list in a Dutch run its Dutch.
	Detail label.Text
}

// AnyLapsed reports whether any item has lapsed.
func AnyLapsed(items []Item) bool {
	return slices.ContainsFunc(items, func(it Item) bool { return it.Group == Lapsed })
}

// Failing reports whether the due command fails (exit 1, so a scheduled CI
// job turns red): something lapsed, or a record whose evaluation falls due
// (Evaluated) has no date from which its next evaluation can be computed.
func Failing(items []Item) bool {
	return slices.ContainsFunc(items, func(it Item) bool { return it.Group == Lapsed || it.Group == Undated })
}

// Due lists the register's dates that have passed or fall within the window
// after today, sorted by group, date and record id.
//
// today is a date (midnight UTC, as period.Today returns it; any clock part
// is dropped). A zero within means the configuration's due_within. Evaluations
// count for records in use (Evaluated: active or suspended); life cycles for records not
// retired (RetiredOn: labelled so, with an end that has come and no use
// after it); an ended life cycle has lapsed only while the record is active.
// Exceptions and agreements that have ended are listed under Ending for
// records not retired, however long ago: they no longer count and belong out
// of the record, but they are not a missed duty and do not fail a CI job.
// Dates that do not parse are skipped: the schema reports them.
func Due(reg *register.Register, today time.Time, within period.Duration) []Item {
	cfg, today, horizon := window(reg.Config, today, within)
	var items []Item
	for _, r := range reg.Records {
		items = append(items, forRecord(r, cfg, today, horizon)...)
	}
	Sort(items)
	return items
}

// DueOf lists what Due lists of the one record r of a register configured
// by cfg, unsorted: what a caller that keeps each record's dates from one
// run to the next works out of a record it has not seen.
func DueOf(r *record.Record, cfg *config.Config, today time.Time, within period.Duration) []Item {
	cfg, today, horizon := window(cfg, today, within)
	return forRecord(r, cfg, today, horizon)
}

// window is the configuration, the day and the end of the window Due
// looks at.
func window(cfg *config.Config, today time.Time, within period.Duration) (*config.Config, time.Time, time.Time) {
	if cfg == nil {
		cfg = config.Default()
	}
	if within.IsZero() {
		within = cfg.DueWithin
	}
	y, m, d := today.Date()
	today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return cfg, today, within.AddTo(today)
}

// Sort orders items by group, date, record id, what and path, and the
// items of records that share an id (which validation reports) by file.
// The order is total, so it needs no stable sort, which moves items about
// more; and each comparison stops at the first that differs (cmp.Or
// would make all six first): at 100,000 records sorting was a twentieth
// of a daily build.
func Sort(items []Item) {
	slices.SortFunc(items, func(a, b Item) int {
		if c := cmp.Compare(a.Group.order(), b.Group.order()); c != 0 {
			return c
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Record.ID, b.Record.ID); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.What), string(b.What)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Record.File, b.Record.File)
	})
}

// NextEvaluation returns the date the record's next evaluation is due on
// the day today: the last evaluation, or the start of the life cycle when
// it was never evaluated, plus the record's interval or else the
// configured one. An evaluation.last that is not a date, or a date after
// today, is no evaluation done (LastEvaluated): it counts from the start.
// ok is false when the dates needed do not parse, or when the record's
// interval is too long to compute with (IntervalTooLong): taking the
// configured one in its place would give a date the record contradicts,
// and taking none would make the record never due; it is neither (III:
// the duty to evaluate is not switched off by a term), but a record whose
// next evaluation cannot be computed.
func NextEvaluation(r *record.Record, cfg *config.Config, today time.Time) (due time.Time, interval period.Duration, ok bool) {
	_, done := LastEvaluated(r, today)
	return NextEvaluationCounting(r, cfg, done)
}

// NextEvaluationCounting is NextEvaluation for a caller that asks itself
// whether the day of evaluation.last has come, as the checklist does (its
// answer then says for which days it holds): counted from evaluation.last
// only when countLast, else from the start.
func NextEvaluationCounting(r *record.Record, cfg *config.Config, countLast bool) (due time.Time, interval period.Duration, ok bool) {
	if cfg == nil {
		cfg = config.Default()
	}
	if IntervalTooLong(r) {
		return time.Time{}, period.Duration{}, false
	}
	interval = Interval(r, cfg)
	from, ok := period.DateOf(r.Evaluation.Last)
	if !ok || !countLast {
		// Never evaluated, evaluation.last is not a date (which the
		// schema reports), or its day has not come: it was not evaluated
		// on a day anyone can tell, so the evaluation counts from the
		// start, not from none.
		from, ok = period.DateOf(r.Lifecycle.Start)
	}
	if !ok {
		return time.Time{}, interval, false
	}
	return interval.AddTo(from), interval, true
}

// LastEvaluated returns the day of the record's last evaluation as it
// counts on the day today: evaluation.last, when it is a date on or before
// today. One dated after today has not happened, as a DPIA dated after
// today is not done: the record counts as not evaluated (NextEvaluation
// counts from its start), and the checklist reports the date.
func LastEvaluated(r *record.Record, today time.Time) (time.Time, bool) {
	last, ok := period.DateOf(r.Evaluation.Last)
	if !ok || LastAhead(r, today) {
		return time.Time{}, false
	}
	return last, true
}

// LastAhead reports whether evaluation.last is a date after the day today.
func LastAhead(r *record.Record, today time.Time) bool {
	last, ok := period.DateOf(r.Evaluation.Last)
	y, m, d := today.Date()
	return ok && last.After(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// Interval returns the evaluation interval that applies to the record: its
// own when it states a valid one, else the configuration's for its sensor
// type or kind.
func Interval(r *record.Record, cfg *config.Config) period.Duration {
	if d, ok := OwnInterval(r); ok {
		return d
	}
	return cfg.IntervalFor(string(r.Kind), r.SensorType, r.Regime())
}

// IntervalTooLong reports whether the record states an evaluation
// interval of the form of a duration but too long to compute with
// (period.IsTooLarge: past P100000Y), which the schema reports. Unlike an
// interval that is not a duration at all, which stands for the configured
// one (Interval), it is not replaced: it states that the record is never
// to be evaluated, and NextEvaluation computes no date from it.
func IntervalTooLong(r *record.Record) bool {
	if strings.TrimSpace(r.Evaluation.Interval) == "" {
		return false
	}
	_, err := period.Parse(r.Evaluation.Interval)
	return period.IsTooLarge(err)
}

// OwnInterval is the evaluation interval the record states, when it states
// a valid one (period.ParseInterval: whole days, at least one, as the
// schema holds it to): then no setting of the configuration decides it.
func OwnInterval(r *record.Record) (period.Duration, bool) {
	if r.Evaluation.Interval == "" {
		return period.Duration{}, false
	}
	d, err := period.ParseInterval(r.Evaluation.Interval)
	return d, err == nil
}

// Lapsing is the days around today on which the same evaluations of reg
// have lapsed (Due lists them as Lapsed): from the day after the last due
// date before today, up to the day after the next due date from today on;
// a zero bound is open. What is worked out of the lapsed evaluations (a
// count of them) holds on those days, and may differ on any other.
func Lapsing(reg *register.Register, today time.Time) (from, until time.Time) {
	cfg, today, _ := window(reg.Config, today, period.Duration{})
	for _, r := range reg.Records {
		use, dated := inUseFrom(r)
		if !Deployed(r) && !dated {
			continue
		}
		// A record whose own dates show it in use from a day has lapsed
		// from the later of that day and its lapse day.
		lapsesBy := func(countLast bool) (time.Time, bool) {
			due, _, ok := NextEvaluationCounting(r, cfg, countLast)
			if !ok {
				return time.Time{}, false
			}
			lapses := lapseDay(due)
			if dated && use.After(lapses) {
				lapses = use
			}
			return lapses, true
		}
		// The days on which whether r has lapsed turns: its lapse day
		// counted from the start, and, when evaluation.last is a date,
		// the day it comes (before it the record counts as never
		// evaluated) and its lapse day counted from it, always after it.
		var turns []time.Time
		fromStart, ok := lapsesBy(false)
		if last, isDate := period.DateOf(r.Evaluation.Last); isDate {
			if fromLast, ok := lapsesBy(true); ok {
				turns = append(turns, fromLast)
			}
			if ok && fromStart.Before(last) {
				// Lapsed by the start on the days before it, and not on it.
				turns = append(turns, fromStart, last)
			}
		} else if ok {
			turns = append(turns, fromStart)
		}
		for _, t := range turns {
			switch {
			case !today.Before(t):
				if t.After(from) {
					from = t
				}
			case until.IsZero() || t.Before(until):
				until = t
			}
		}
	}
	return from, until
}

// lapseDay is the day on which an evaluation due at due has lapsed: the
// first midnight (UTC) after it, the first day due is before.
func lapseDay(due time.Time) time.Time {
	y, m, d := due.UTC().Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
}

func forRecord(r *record.Record, cfg *config.Config, today, horizon time.Time) []Item {
	var items []Item
	add := func(what What, date time.Time, g Group, path string, detail label.Text) {
		items = append(items, Item{Record: r, What: what, Date: date, Group: g, Path: path, Detail: detail})
	}
	if r.Status == "retired" && RetiredOn(r, today) {
		return nil
	}

	inUse := InUseOn(r, today)
	if inUse {
		due, iv, ok := NextEvaluation(r, cfg, today)
		ahead := LastAhead(r, today)
		if !ok && IntervalTooLong(r) {
			iv, def := r.Evaluation.Interval, cfg.IntervalFor(string(r.Kind), r.SensorType, r.Regime())
			add(Evaluation, time.Time{}, Undated, "/evaluation/interval",
				label.Text{
					fmt.Sprintf("de volgende evaluatie is niet te berekenen: de termijn voor de evaluatie %q is te lang om mee te rekenen (hoogstens P%dY); leg een termijn vast zoals P1Y, of haal evaluation.interval weg voor de termijn uit register.yaml (%s) (III)", iv, period.MaxPart, def),
					fmt.Sprintf("the next evaluation cannot be computed: its evaluation interval %q is too long to compute with (at most P%dY); state an interval such as P1Y, or remove evaluation.interval for the one in register.yaml (%s) (III)", iv, period.MaxPart, def)})
		} else if !ok {
			path, what := "/lifecycle/start", "it was never evaluated and has no start date (lifecycle.start)"
			whatNL := "er is nooit geëvalueerd en er is geen startdatum (lifecycle.start)"
			switch {
			case ahead:
				path, what = "/evaluation/last", fmt.Sprintf("its last evaluation %s is a date still to come and it has no start date (lifecycle.start)", r.Evaluation.Last)
				whatNL = fmt.Sprintf("de laatste evaluatie %s is een datum die nog moet komen en er is geen startdatum (lifecycle.start)", r.Evaluation.Last)
				if Stated(r.Lifecycle.Start) {
					what = fmt.Sprintf("its last evaluation %s is a date still to come and its start %q is not a date", r.Evaluation.Last, r.Lifecycle.Start)
					whatNL = fmt.Sprintf("de laatste evaluatie %s is een datum die nog moet komen en de start %q is geen datum", r.Evaluation.Last, r.Lifecycle.Start)
				}
			case Stated(r.Evaluation.Last) && Stated(r.Lifecycle.Start):
				path, what = "/evaluation/last", fmt.Sprintf("its last evaluation %q and its start %q are not dates", r.Evaluation.Last, r.Lifecycle.Start)
				whatNL = fmt.Sprintf("de laatste evaluatie %q en de start %q zijn geen datums", r.Evaluation.Last, r.Lifecycle.Start)
			case Stated(r.Evaluation.Last):
				path, what = "/evaluation/last", fmt.Sprintf("its last evaluation %q is not a date and it has no start date (lifecycle.start)", r.Evaluation.Last)
				whatNL = fmt.Sprintf("de laatste evaluatie %q is geen datum en er is geen startdatum (lifecycle.start)", r.Evaluation.Last)
			case r.Lifecycle.Start != "":
				what = fmt.Sprintf("it was never evaluated and its start %q is not a date", r.Lifecycle.Start)
				whatNL = fmt.Sprintf("er is nooit geëvalueerd en de start %q is geen datum", r.Lifecycle.Start)
			}
			add(Evaluation, time.Time{}, Undated, path,
				label.Text{
					fmt.Sprintf("de volgende evaluatie is niet te berekenen: %s; leg vast wanneer de registratie is gestart of het laatst is geëvalueerd (III)", whatNL),
					fmt.Sprintf("the next evaluation cannot be computed: %s; record when it started or was last evaluated (III)", what)})
		} else {
			path, basis := "/evaluation/last", "last evaluated "+r.Evaluation.Last
			basisNL := "laatst geëvalueerd " + r.Evaluation.Last
			switch _, dated := period.DateOf(r.Evaluation.Last); {
			case ahead:
				path = "/lifecycle/start"
				basis = fmt.Sprintf("its last evaluation %s is a date still to come; counted from its start on %s", r.Evaluation.Last, r.Lifecycle.Start)
				basisNL = fmt.Sprintf("de laatste evaluatie %s is een datum die nog moet komen; geteld vanaf de start op %s", r.Evaluation.Last, r.Lifecycle.Start)
			case dated:
			case Stated(r.Evaluation.Last):
				path = "/lifecycle/start"
				basis = fmt.Sprintf("its last evaluation %q is not a date; counted from its start on %s", r.Evaluation.Last, r.Lifecycle.Start)
				basisNL = fmt.Sprintf("de laatste evaluatie %q is geen datum; geteld vanaf de start op %s", r.Evaluation.Last, r.Lifecycle.Start)
			default:
				path, basis = "/lifecycle/start", "never evaluated, in use since "+r.Lifecycle.Start
				basisNL = "nooit geëvalueerd, in gebruik sinds " + r.Lifecycle.Start
			}
			switch {
			case !today.Before(lapseDay(due)):
				add(Evaluation, due, Lapsed, path,
					label.Text{fmt.Sprintf("evaluatie verstreken op %s (%s, elke %s)", period.Format(due), basisNL, iv), fmt.Sprintf("evaluation lapsed on %s (%s, every %s)", period.Format(due), basis, iv)})
			case !due.After(horizon):
				add(Evaluation, due, Upcoming, path,
					label.Text{fmt.Sprintf("evaluatie gepland op %s (%s, elke %s)", period.Format(due), basisNL, iv), fmt.Sprintf("evaluation due on %s (%s, every %s)", period.Format(due), basis, iv)})
			}
		}
	}

	if end, err := period.ParseDate(r.Lifecycle.End); err == nil && r.Lifecycle.End != "" {
		switch {
		// Running by its status, or by its own dates while the status
		// says not yet (as the checklist's lifecycle-ended sees it).
		case end.Before(today) && r.Active():
			add(Lifecycle, end, Lapsed, "/lifecycle/end",
				label.Text{
					fmt.Sprintf("levenscyclus afgelopen op %s maar de registratie is nog actief: evalueer, en verleng alleen met een besluit (3.4)", period.Format(end)),
					fmt.Sprintf("life cycle ended on %s but the record is still active: evaluate, and extend only by a decision (3.4)", period.Format(end))})
		case end.Before(today) && NotYetByStatus(r) && inUse:
			add(Lifecycle, end, Lapsed, "/lifecycle/end",
				label.Text{
					fmt.Sprintf("levenscyclus afgelopen op %s, en volgens de eigen datums is de toepassing in gebruik (de status zegt van niet): evalueer, en verleng alleen met een besluit (3.4)", period.Format(end)),
					fmt.Sprintf("life cycle ended on %s, and by its own dates the record is in use (its status says not yet): evaluate, and extend only by a decision (3.4)", period.Format(end))})
		case end.Before(today):
			// Ended and not active: nothing to chase.
		case !end.After(horizon):
			add(Lifecycle, end, Ending, "/lifecycle/end",
				label.Text{
					fmt.Sprintf("levenscyclus eindigt op %s: evalueer daarvoor, en verleng alleen met een besluit (3.4)", period.Format(end)),
					fmt.Sprintf("life cycle ends on %s: evaluate before then, and extend only by a decision (3.4)", period.Format(end))})
		}
	}

	for i, e := range r.Exceptions {
		until, err := period.ParseDate(e.Until)
		if e.Until == "" || err != nil || until.After(horizon) {
			continue
		}
		verb, verbNL := "ends", "eindigt"
		if until.Before(today) {
			verb, verbNL = "ended", "is geëindigd"
		}
		add(Exception, until, Ending, fmt.Sprintf("/exceptions/%d/until", i),
			label.Text{
				fmt.Sprintf("uitzondering op regel %s %s op %s%s", orUnnamedNL(e.Rule), verbNL, period.Format(until), approvedByNL(e.ApprovedBy)),
				fmt.Sprintf("exception to rule %s %s on %s%s", orUnnamed(e.Rule), verb, period.Format(until), approvedBy(e.ApprovedBy))})
	}

	if from, ok := highRiskFrom(r, cfg); ok && from.After(today) && !from.After(horizon) {
		day := period.Format(from)
		add(AIAct, from, Upcoming, "/ai_act/category",
			label.Text{
				fmt.Sprintf("de plichten voor AI met een hoog risico gelden vanaf %s (AI-verordening art. 26, 27 en 49): menselijk toezicht, logboeken, informatie aan wie het raakt, en waar de wet ze vraagt de FRIA (ai_act.fria) en de registratie in de EU-databank (ai_act.eu_database_id); regel ze voor die dag", day),
				fmt.Sprintf("the AI Act's duties for high-risk AI apply from %s (AI Act art. 26, 27 and 49): human oversight, logs, informing those affected, and where the law asks for them the FRIA (ai_act.fria) and the EU database entry (ai_act.eu_database_id); arrange them before that day", day)})
	}

	for i, s := range r.DataSharing {
		end, err := period.ParseDate(s.End)
		if s.End == "" || err != nil || end.After(horizon) {
			continue
		}
		verb, verbNL := "ends", "eindigt"
		if end.Before(today) {
			verb, verbNL = "ended", "is geëindigd"
		}
		add(DataSharing, end, Ending, fmt.Sprintf("/data_sharing/%d/end", i),
			label.Text{
				fmt.Sprintf("afspraak over het delen van gegevens met %s %s op %s", orUnnamedNL(s.Party), verbNL, period.Format(end)),
				fmt.Sprintf("data-sharing agreement with %s %s on %s", orUnnamed(s.Party), verb, period.Format(end))})
	}
	return items
}

// stated reports whether a date field holds anything at all, a date or
// not.
// Stated reports whether a field holds anything but spaces: a value the
// record gives, whether or not it reads.
func Stated(s string) bool { return strings.TrimSpace(s) != "" }

// highRiskFrom is the day the AI Act's high-risk duties apply to r, a
// high-risk system (ai_act.category), as the configuration has the date
// that applies to it (config.AIAct.HighRiskDay).
func highRiskFrom(r *record.Record, cfg *config.Config) (time.Time, bool) {
	if r.AIAct == nil || r.AIAct.Category != "high_risk" {
		return time.Time{}, false
	}
	_, _, from := cfg.AIAct.HighRiskDay(r.AIAct.AnnexI, r.AIAct.AnnexIII)
	return from, true
}

func orUnnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

func approvedBy(s string) string {
	if s == "" {
		return ""
	}
	return " (approved by " + s + ")"
}

func orUnnamedNL(s string) string {
	if s == "" {
		return "(zonder naam)"
	}
	return s
}

func approvedByNL(s string) string {
	if s == "" {
		return ""
	}
	return " (goedgekeurd door " + s + ")"
}
