package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// timeNow is the clock used when Options.Today is zero; tests replace it.
var timeNow = time.Now

// date reads a YYYY-MM-DD date; false when it is absent or malformed (the
// schema reports malformed dates, so the checklist stays silent on them).
func date(s string) (time.Time, bool) { return period.DateOf(s) }

// blank reports whether a text field states nothing, or only that a value
// is yet to come or does not apply (record.Answers).
func blank(s string) bool { return !record.Answers(s) }

// isTrue and isFalse read optional booleans: nil is neither.
func isTrue(b *bool) bool  { return b != nil && *b }
func isFalse(b *bool) bool { return b != nil && !*b }

// retired reports whether the record is out of use for good: most rules
// then no longer apply, as nothing is deployed. The label alone is not
// enough (fail closed): nothing may show the record operated after its
// lifecycle.end (lifecycle.RetiredEnd). Whether that end has come is the
// day's, which an Applies cannot read: the checklist judges a record
// before its end as active (inUseUntilEnd), and lifecycle-ended reports a
// label its dates contradict (retiredContradicted).
func retired(r *record.Record) bool { _, ok := lifecycle.RetiredEnd(r); return ok }

// inUse is the Applies of the rules about a record that is not retired:
// a retired record is not assessed against them, so it earns no tick.
func inUse(r *record.Record) bool { return !retired(r) }

// affectsPeopleInUse is the Applies of the rules about an algorithm that
// affects people and is not retired.
func affectsPeopleInUse(r *record.Record) bool { return affectsPeople(r) && !retired(r) }

// deployed reports whether the record is in public use or temporarily
// stopped but still in place.
func deployed(r *record.Record) bool { return lifecycle.Deployed(r) }

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
// decisions or predicts about residents or groups: when it says so, and
// when it decides about people on its own or profiles them
// (decidesOnPersonalData), whatever affects_individuals says.
func affectsPeople(r *record.Record) bool {
	return r.Kind == record.Algorithm && (isTrue(r.AffectsIndividuals) || decidesOnPersonalData(r))
}

// decidesOnPersonalData reports whether an algorithm takes decisions on
// its own (role automated_decision) or profiles (role profiling) and
// processes personal data, or may: processed yes or unknown, categories
// listed, or personal by its nature (personal). Such a decision or profile
// is about the people the data relate to (GDPR art. 4(4), art. 22), so it
// fails closed: only a record that states no personal data at all is
// taken at its word that it affects no one.
func decidesOnPersonalData(r *record.Record) bool {
	if r.Kind != record.Algorithm || r.Role != "automated_decision" && r.Role != "profiling" {
		return false
	}
	return personal(r) || len(r.PersonalData.Categories) > 0
}

// hasAssessment reports whether the record lists an assessment of one of
// the types given.
func hasAssessment(r *record.Record, types ...string) bool {
	return slices.ContainsFunc(r.Assessments, func(a record.Assessment) bool {
		return slices.ContainsFunc(types, func(t string) bool { return strings.EqualFold(a.Type, t) })
	})
}

// text is a finding's message and help in one language. Every finding the
// checklist makes carries both languages: the helpers below take an English
// and a Dutch text, so none can be made without Dutch.
type text struct{ msg, help string }

// en is a finding's English message and help: what the CLI, CI and the
// machine formats show.
func en(msg, help string) text { return text{msg, help} }

// nl is a finding's message and help in plain Dutch (B1), for residents and
// civil servants on the public site and in the review packet.
func nl(msg, help string) text { return text{msg, help} }

// worded returns f with its message and help in both languages.
func worded(f finding.Finding, e, n text) finding.Finding {
	f.Message, f.Help = label.Text{n.msg, e.msg}, label.Text{n.help, e.help}
	return f
}

// missing is a finding about a field that is absent: it points at the key of
// the parent mapping (or at the record's top when parent is "").
func missing(parent string, e, n text) finding.Finding {
	return worded(finding.Finding{Path: parent, Key: parent != ""}, e, n)
}

// present is the parent path for missing: the path when the parent field
// is in the record, else "" (the record itself).
func present(ok bool, path string) string {
	if ok {
		return path
	}
	return ""
}

// at is a finding about a field that is present: it points at its value.
func at(path string, e, n text) finding.Finding {
	return worded(finding.Finding{Path: path}, e, n)
}

// cites adds the article of law a finding rests on to its messages, in
// English and in Dutch. The finding's principle stays a reference of the
// principles (VNG 6.3, C-breach), so reports can group by it; the message
// names the law.
func cites(f finding.Finding, en, nl string) finding.Finding {
	f.Message = label.Text{strings.TrimSuffix(f.Message.In("nl"), ".") + " (" + nl + ").", f.Message.In("en") + " (" + en + ")"}
	return f
}

// datum writes a YYYY-MM-DD date the Dutch way ("1 maart 2026"); a text that
// is not a date stays as written.
func datum(s string) string { return label.Date("nl", s) }

// duur writes a duration in Dutch words ("2 jaar") for a reader who does not
// know ISO 8601.
func duur(d period.Duration) string { return label.Duration("nl", d.String()) }

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

// valueNL is the glossary's Dutch word for an enumerated value ("status",
// "active" → "In gebruik"), or the value itself.
func valueNL(field, v string) string { return label.Value("nl", field, v) }

// dagen writes a number of days in Dutch, "1 dag" or "3 dagen".
func dagen(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d dag", n)
	}
	return fmt.Sprintf("%d dagen", n)
}

// dayCount writes a number of days, "1 day" or "3 days".
func dayCount(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d day", n)
	}
	return fmt.Sprintf("%d days", n)
}
