package publish

import (
	"slices"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// DueShown reports whether the public may see that the item falls due,
// in every public output alike (the site's calendar and home page, the
// public packet). It may not when its record withholds its status (that a
// date falls due says the record is in use) or a field the date is worked
// out of or its text names (dueFields): the date, or even that there is
// one, would tell what the record keeps back.
func DueShown(it lifecycle.Item) bool {
	r := it.Record
	if r == nil || r.IsWithheld("status") {
		return false
	}
	if it.What == lifecycle.Evaluation && EvaluationWithheld(r) {
		return false
	}
	fields, ok := dueFields[it.What]
	if !ok {
		return false // a kind of date not known here: fail closed
	}
	if it.What == lifecycle.Lifecycle && lifecycle.NotYetByStatus(r) {
		// That a life cycle ended while the record runs rests, where its
		// status says not yet, on the dates that show it in use.
		fields = append(slices.Clip(fields), lifecycle.UseFields...)
	}
	for _, f := range fields {
		if Touches(r, f) {
			return false
		}
	}
	return true
}

// dueFields are the fields a date that falls due is worked out of, or
// that its text names (lifecycle.Item.Detail): an exception's rule and
// approver, an agreement's party.
var dueFields = map[lifecycle.What][]string{
	lifecycle.Evaluation:  {"evaluation", "lifecycle.start"},
	lifecycle.Lifecycle:   {"lifecycle.end"},
	lifecycle.Exception:   {"exceptions"},
	lifecycle.DataSharing: {"data_sharing"},
	lifecycle.AIAct:       {"ai_act"},
}

// EvaluationWithheld reports whether r's evaluation rests on a field r
// withholds: what the checklist's evaluation rule reads, which includes
// what picks the interval (the sensor type, the camera regime).
func EvaluationWithheld(r *record.Record) bool {
	rule, ok := principle.Lookup("evaluation-lapsed")
	return !ok || rule.RestsOnWithheldField(r)
}
