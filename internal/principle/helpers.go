package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// timeNow is the clock used when Options.Today is zero; tests replace it.
var timeNow = time.Now

// date reads a YYYY-MM-DD date; false when it is absent or malformed (the
// schema reports malformed dates, so the checklist stays silent on them).
func date(s string) (time.Time, bool) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, false
	}
	t, err := period.ParseDate(s)
	return t, err == nil
}

// blank reports whether a text field is empty or only white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// isTrue and isFalse read optional booleans: nil is neither.
func isTrue(b *bool) bool  { return b != nil && *b }
func isFalse(b *bool) bool { return b != nil && !*b }

// retired reports whether the record is out of use for good: most rules
// then no longer apply, as nothing is deployed.
func retired(r *record.Record) bool { return r.Status == "retired" }

// deployed reports whether the record is in public use or temporarily
// stopped but still in place.
func deployed(r *record.Record) bool { return r.Status == "active" || r.Status == "suspended" }

// government reports whether the operator is a public authority, for which
// some rules differ (legitimate interest, the kind of decision).
func government(r *record.Record) bool {
	switch r.Organisation.Type {
	case "municipality", "police", "other_government":
		return true
	}
	return false
}

// affectsPeople reports whether an algorithm makes choices, prepares
// decisions or predicts about residents or groups.
func affectsPeople(r *record.Record) bool {
	return r.Kind == record.Algorithm && isTrue(r.AffectsIndividuals)
}

// hasAssessment reports whether the record lists an assessment of one of
// the types given.
func hasAssessment(r *record.Record, types ...string) bool {
	return slices.ContainsFunc(r.Assessments, func(a record.Assessment) bool {
		return slices.ContainsFunc(types, func(t string) bool { return strings.EqualFold(a.Type, t) })
	})
}

// missing is a finding about a field that is absent: it points at the key of
// the parent mapping (or at the record's top when parent is "").
func missing(parent, msg, help string) finding.Finding {
	return finding.Finding{Path: parent, Key: parent != "", Message: msg, Help: help}
}

// at is a finding about a field that is present: it points at its value.
func at(path, msg, help string) finding.Finding {
	return finding.Finding{Path: path, Message: msg, Help: help}
}

// index builds the JSON Pointer of a list item's field, "/incidents/2/reported".
func index(list string, i int, field ...string) string {
	p := fmt.Sprintf("/%s/%d", list, i)
	for _, f := range field {
		p += "/" + f
	}
	return p
}

// days counts the whole days from a to b.
func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// dayCount writes a number of days, "1 day" or "3 days".
func dayCount(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d day", n)
	}
	return fmt.Sprintf("%d days", n)
}
