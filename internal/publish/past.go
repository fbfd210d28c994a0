package publish

import (
	"slices"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record is new to the public from the commit that made it public: what
// it was while it was not public (a publication block that said so, or did
// not read, a template's draft, a shown field quoting a withheld value) is
// not public, not even that it was there. Every public output that tells a
// record's history (the change feed, the record pages, the public packet)
// walks its commits with PublicPast, so they agree on where that history
// begins.

// PublicPast walks a record's commits newest first and says of each what
// the public may know of it. Each commit is judged by the record's rules
// now and the rules in effect after and before it, worked out from now's
// by undoing each newer commit (RulesBefore). A commit after which the
// record was public is shown; the one that made it public, or one whose
// rules before cannot be told, is shown as the record's addition, and no
// older commit is shown at all. A value is shown only when it was public
// under the rules of every version from when it was written up to now: a
// field a newer version withheld stays hidden in the commits before it,
// though a still newer one lifted the withholding, as the municipality
// once said it was not public. So the rules after and before a commit
// (Seen) withhold, beside their own, what every newer version withheld;
// the rules before withhold their own also in any element of a list, as
// the commit's changes number the elements as they are after it.
type PublicPast struct {
	now, after *record.Record
	// newer are the changes of the commits walked, whose old values the
	// versions before them may have held: after holds now's values.
	newer []fielddiff.Change
	// since are the paths the versions from after up to now withheld,
	// each of a list's elements for one of them (anyElement).
	since []string
	done  bool
}

// NewPublicPast starts the walk from the record's rules now: for a
// removed record, its last version's. A record that is not public now,
// or nil, shows no commit.
func NewPublicPast(now *record.Record) *PublicPast {
	p := &PublicPast{now: now, after: now, done: now == nil || !now.IsPublic()}
	p.since = withheldSince(nil, now)
	return p
}

// Seen is what the public may know of one commit of a record.
type Seen struct {
	// Shown is whether the commit may be shown at all.
	Shown bool
	// Added is whether it is shown as the record's addition, without
	// its field changes: it added the record, or made it public.
	Added bool
	// Now, After and Before are the rules that decide which values of
	// the commit are shown: the record's now, and those in effect after
	// and before it (nil where there were none, or they are not known,
	// which shows no value). A value is shown only when it was public
	// under the rules of every version from when it was written up to
	// now: After and Before withhold also what any newer version
	// withheld, and Before what it withholds itself, in any element of
	// a list for one element's, as the elements may have had other
	// places then.
	Now, After, Before *record.Record
}

// Done reports whether no older commit may be shown.
func (p *PublicPast) Done() bool { return p.done }

// Next judges the next older commit, which did op to the record's file
// with the field changes fields, or could not be read (problem). Once
// Done, no commit is shown.
func (p *PublicPast) Next(op history.Op, fields []fielddiff.Change, problem *history.Problem) Seen {
	if p.done {
		return Seen{}
	}
	// Before an addition there were no rules, however its fields were
	// read (the record pages leave them unread): and what decides the
	// addition is after it, so nothing before it is worked out.
	var before *record.Record
	ok := true
	if op != history.Added {
		before, ok = rulesBefore(p.after, fields, p.newer)
	}
	p.newer = append(p.newer, fields...)
	if problem != nil && op != history.Added {
		// A version that could not be read may have changed the rules
		// too.
		before, ok = nil, false
	}
	// The rules before withhold their own paths for any element of a
	// list too: the commit's changes name an element at its place
	// after the commit, which may not be the one it had before.
	since := withheldSince(slices.Clip(p.since), before)
	s := Seen{Now: p.now, After: withholdingAlso(p.after, p.since), Before: withholdingAlso(before, since)}
	if op == history.Removed {
		s.After = s.Before // nothing is after a removal
	}
	if s.After != nil && s.After.IsPublic() {
		s.Shown, s.Added = true, op == history.Added
		if op != history.Added && op != history.Removed && (before == nil || !before.IsPublic()) {
			// Made public by this commit, or by one whose rules before
			// are unknown: new to the public, with nothing of what it
			// was while it was not public.
			s.Added = true
			p.done = true
		}
	}
	p.after = before
	p.since = since
	if !ok || before == nil || op == history.Added {
		// Nothing before it, or what it was is not known; before an
		// addition, the file held another record, if any.
		p.done = true
	}
	return s
}

// RulesAtBase returns the rules that decide which old values of a record's
// net change since a base are shown (the committee's packet compares the
// base with now): the rules before its commits (RulesBefore of the net
// changes net), withholding also what any version since withheld, as each
// commit's Seen does, and its own in any element of a list, as the net
// changes name the elements at their places now. commits are those since
// the base, newest first. When
// the walk cannot tell the rules of every version since, none are known
// (nil, false) and no old value is shown.
func RulesAtBase(now *record.Record, net []fielddiff.Change, commits []history.Change) (*record.Record, bool) {
	before, ok := RulesBefore(now, net)
	p := NewPublicPast(now)
	for i, c := range commits {
		p.Next(c.Op, c.Fields, c.Problem)
		if p.Done() && i < len(commits)-1 {
			return nil, false
		}
	}
	return withholdingAlso(before, withheldSince(p.since, before)), ok
}
