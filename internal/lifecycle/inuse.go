package lifecycle

import (
	"strconv"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record's status is a label its owner sets; its dates are facts it
// states. Where the facts show the record in use (it started, was
// evaluated, had an incident or shares data) while the label says planned
// or in development, the register fails closed: the checklist, the due
// list, the site and the packet all treat the record as in use from the
// day its facts show it (InUseOn), and the checklist reports the
// contradiction. A retired record stays out of use: retiring is what its
// dates in the past are expected to show, and a status that says retired
// counts only where they do (RetiredOn): lifecycle.end is stated, it has
// come, and no fact shows use after it. Any other record labelled retired
// is in use.

// UseFact is a fact of a record that shows it in use from a day.
type UseFact struct {
	Path string    // JSON Pointer of the field that states it
	Day  time.Time // the day it is dated, midnight UTC
	// OnDay: the fact shows use on its own day (a start); else from the
	// day after (an evaluation, incident or agreement dated before today).
	OnDay bool
	// Index is that of the agreement or incident it comes from.
	Index int
}

// From is the first day the fact shows the record in use.
func (u UseFact) From() time.Time {
	if u.OnDay {
		return u.Day
	}
	return u.Day.AddDate(0, 0, 1)
}

// UseFields are the fields UseFacts reads: a public output that says a
// record whose status says not yet is in use rests on them.
var UseFields = []string{"lifecycle.start", "evaluation.last", "data_sharing", "incidents"}

// UseFacts lists the record's dated facts that show it in use once their
// day has come: lifecycle.start, evaluation.last, each data-sharing
// agreement's start and each incident's discovery. An agreement's end is
// not among them: it is the term the agreement allows sharing, not a day
// the record was used, so an agreement running on past lifecycle.end does
// not undo a retirement; what the recipient may still hold then is the
// retention rules' concern. Malformed dates are the schema's to report
// and show nothing.
func UseFacts(r *record.Record) []UseFact {
	var out []UseFact
	if d, ok := period.DateOf(r.Lifecycle.Start); ok {
		out = append(out, UseFact{Path: "/lifecycle/start", Day: d, OnDay: true})
	}
	if d, ok := period.DateOf(r.Evaluation.Last); ok {
		out = append(out, UseFact{Path: "/evaluation/last", Day: d})
	}
	for i, s := range r.DataSharing {
		if d, ok := period.DateOf(s.Start); ok {
			out = append(out, UseFact{Path: "/data_sharing/" + strconv.Itoa(i) + "/start", Day: d, Index: i})
		}
	}
	for i, in := range r.Incidents {
		if t, ok := period.ParseInstant(in.Discovered); ok {
			out = append(out, UseFact{Path: "/incidents/" + strconv.Itoa(i) + "/discovered", Day: period.Today(t), Index: i})
		}
	}
	return out
}

// Deployed reports whether the status says the record is deployed: active,
// or suspended (paused, its decision standing).
func Deployed(r *record.Record) bool { return r.Status == "active" || r.Status == "suspended" }

// NotYetByStatus reports whether the status says the record is not in use
// yet (planned, in development, or no status at all) rather than deployed
// or retired: the records whose dates may say otherwise.
func NotYetByStatus(r *record.Record) bool { return !Deployed(r) && r.Status != "retired" }

// MayBeInUse reports whether the record is in use on some day: deployed by
// its status, or one whose status says not yet with dated facts that show
// it in use from their day, or one labelled retired (in use at least until
// its end, RetiredOn).
func MayBeInUse(r *record.Record) bool {
	return Deployed(r) || r.Status == "retired" || NotYetByStatus(r) && len(UseFacts(r)) > 0
}

// RetiredEnd is the end of a record labelled retired whose dates agree
// with the label as far as they can without a day: nothing shows it
// operated after its lifecycle.end (UseAfterEnd). The end is zero when the
// record states none: the label then stands, as registers imported from
// sources without end dates hold many such records, and lifecycle-end
// asks for the date. False for any other record: one labelled retired but
// operated after its end is in use whatever its label says (fail closed).
func RetiredEnd(r *record.Record) (time.Time, bool) {
	if r.Status != "retired" {
		return time.Time{}, false // every record's every rule asks
	}
	if len(UseAfterEnd(r)) > 0 {
		return time.Time{}, false
	}
	end, _ := period.DateOf(r.Lifecycle.End)
	return end, true
}

// UseAfterEnd lists the facts that show the record operated after its
// lifecycle.end, which contradict a retired label: a start, or a
// data-sharing agreement that began, after it. An evaluation after the
// end is the one principle 3.4 asks for when the term is over, and an
// incident discovered after it may concern what was recorded before: so
// neither shows use after the end, though both do before a start.
func UseAfterEnd(r *record.Record) []UseFact {
	end, ok := period.DateOf(r.Lifecycle.End)
	if !ok {
		return nil
	}
	var out []UseFact
	for _, u := range UseFacts(r) {
		operated := u.Path == "/lifecycle/start" || strings.HasPrefix(u.Path, "/data_sharing/")
		if operated && u.Day.After(end) {
			out = append(out, u)
		}
	}
	return out
}

// RetiredOn reports whether the record is retired on the day: labelled
// retired, its dates agree (RetiredEnd), and its end, if it states one, is
// on or before the day.
func RetiredOn(r *record.Record, day time.Time) bool {
	end, ok := RetiredEnd(r)
	return ok && (end.IsZero() || !day.Before(end))
}

// InUseOn reports whether the record is in use on the day: deployed by its
// status, or shown in use by its own dates whatever its status says (fail
// closed). A retired record is not, from the end its dates agree on
// (RetiredOn); before it, or where they disagree, it is. Its evaluation falls due while it is
// (principle III): a suspended deployment is only paused, its decision
// stands, and an evaluation decides whether it comes back or is retired
// (3.1, 3.4).
func InUseOn(r *record.Record, day time.Time) bool {
	if Deployed(r) {
		return true
	}
	if r.Status == "retired" {
		return !RetiredOn(r, day)
	}
	from, ok := inUseFrom(r)
	return ok && !day.Before(from)
}

// inUseFrom is the first day the dates of a record whose status says not
// yet show it in use; false for one they never do, and for a record whose
// status settles it (deployed or retired).
func inUseFrom(r *record.Record) (time.Time, bool) {
	if !NotYetByStatus(r) {
		return time.Time{}, false
	}
	var first time.Time
	facts := UseFacts(r)
	for i, u := range facts {
		if i == 0 || u.From().Before(first) {
			first = u.From()
		}
	}
	return first, len(facts) > 0
}
