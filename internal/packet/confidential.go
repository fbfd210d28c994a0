package packet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Committee papers are often published. A packet for the committee shows
// everything, and marks what the public may not see: a record that is not
// public carries "Vertrouwelijk — niet openbaar" with its reason on the
// agenda and at the top and foot of each of its pages, and so does every
// withheld field. A packet made with Options.Public is fit for publication:
// it is made from the register's public view (the publish package, as the
// site), so records that are not public are counted, not shown, and withheld
// fields read "niet openbaar" with the reason, as on the site.

// Confidential returns the mark for a record or field that is not public,
// with the reason: "Vertrouwelijk — niet openbaar (Reden: Woo art. 5.1)",
// the site's notice (publish.Notice) headed by "Vertrouwelijk".
func (L *Labels) Confidential(reason string) string {
	return L.pick([2]string{"Vertrouwelijk — ", "Confidential — "}) + publish.Notice(L.lang, reason)
}

// notShownText says how many records the public packet leaves out.
func (L *Labels) notShownText(n int) string {
	if n == 1 {
		return L.pick([2]string{"1 registratie op de agenda is niet openbaar en wordt niet getoond.",
			"1 record on the agenda is not public and is not shown."})
	}
	return fmt.Sprintf(L.pick([2]string{"%d registraties op de agenda zijn niet openbaar en worden niet getoond.",
		"%d records on the agenda are not public and are not shown."}), n)
}

// publicEdition is the cover's note on a packet made for publication.
func (L *Labels) publicEdition() string {
	return L.pick([2]string{"Openbare versie: registraties die niet openbaar zijn worden geteld, niet getoond; velden die niet openbaar zijn tonen ‘niet openbaar’ met de reden.",
		"Public edition: records that are not public are counted, not shown; fields that are not public read ‘not public’ with the reason."})
}

// confidentialCover is the cover's warning on a packet that holds data the
// public may not see.
func (L *Labels) confidentialCover() string {
	return L.pick([2]string{"Vertrouwelijk: dit pakket bevat gegevens die niet openbaar zijn (gemarkeerd). Maak voor publicatie een openbare versie (register packet --public).",
		"Confidential: this packet holds data that is not public (marked). For publication, make a public edition (register packet --public)."})
}

// markFacts marks the facts that show a withheld field: in the committee's
// packet with the confidential mark; in a public packet the view left the
// value out, so the fact reads "niet openbaar" with the reason, naming the
// field when the fact shows more than that field.
func (L *Labels) markFacts(fs []Fact, loaded *record.Record, public bool, pub *publish.Public) {
	reason := L.reason(loaded, public, pub)
	for i := range fs {
		var withheld []string
		all := len(fs[i].paths) > 0
		for _, p := range fs[i].paths {
			if !publish.Touches(loaded, p) {
				all = false
				continue
			}
			if !loaded.IsWithheld(p) {
				all = false
			}
			withheld = append(withheld, withheldUnder(loaded, p)...)
		}
		if len(withheld) == 0 {
			continue
		}
		if !public {
			fs[i].Value += "\n" + L.Confidential(reason)
			continue
		}
		notice := publish.Notice(L.lang, reason)
		if all {
			fs[i].Value = notice
			continue
		}
		slices.Sort(withheld)
		for _, w := range slices.Compact(withheld) {
			fs[i].Value += "\n" + cmp.Or(L.field(w), w) + ": " + notice
		}
	}
}

// withheldUnder lists the withheld paths at or below p, as written (list
// indexes dropped), and p itself when a parent of p is withheld.
func withheldUnder(r *record.Record, p string) []string {
	if r.IsWithheld(p) {
		return []string{p}
	}
	var out []string
	if r.Publication != nil {
		for _, w := range r.Publication.Withheld {
			if publish.Touches(&record.Record{Publication: &record.Publication{Withheld: []string{w}}}, p) {
				out = append(out, field.Bare(w))
			}
		}
	}
	if publish.PositionWithheld(r) && (p == "location" || strings.HasPrefix("location.point", p)) {
		out = append(out, "location.point")
	}
	return out
}

// reason is the record's reason for what it withholds: as written in the
// committee's packet, and in a public one as the public outputs show it,
// without another record's secret (publish.Public.Reason).
func (L *Labels) reason(loaded *record.Record, public bool, pub *publish.Public) string {
	if public {
		if pub == nil {
			return "" // no view of the register: no reason is known to be fit to show
		}
		return pub.Reason(loaded, L.lang)
	}
	return publish.Reason(loaded, L.lang)
}

// markExceptions marks withheld parts of the exception rows.
func (L *Labels) markExceptions(rows []ExceptionRow, loaded *record.Record, public bool, pub *publish.Public) {
	reason := L.reason(loaded, public, pub)
	for i := range rows {
		at := func(field string) bool { return loaded.IsWithheld(fmt.Sprintf("exceptions.%d.%s", i, field)) }
		mark := func(s *string, fields ...string) {
			for _, f := range fields {
				if at(f) {
					if public {
						*s = publish.Notice(L.lang, reason)
					} else {
						*s += " (" + L.Confidential(reason) + ")"
					}
					return
				}
			}
		}
		mark(&rows[i].Rule, "rule")
		mark(&rows[i].Reason, "reason", "legal_basis")
		mark(&rows[i].ApprovedBy, "approved_by", "approved_on")
		mark(&rows[i].Until, "until")
	}
}

// publicRecordChange is the change since the previous packet of the
// record r, as the public may know it (publish.PublicPast, as the change
// feed and the record pages tell it): the commits after which the record
// was public. A record made public since, or whose rules then cannot be
// told, is new since the previous packet, with nothing of what it was
// before: neither its changes nor the commits before it was public. A
// record that is not public now stays as it is: the public packet does not
// show it.
func publicRecordChange(rc *history.RecordChange, r *record.Record) *history.RecordChange {
	if rc == nil || r == nil || !r.IsPublic() || rc.Op == history.Removed {
		return rc
	}
	out := *rc
	out.Commits = nil
	past := publish.NewPublicPast(r)
	added := false
	for _, c := range rc.Commits {
		seen := past.Next(c.Op, c.Fields, c.Problem)
		if !seen.Shown {
			break
		}
		out.Commits = append(out.Commits, c)
		added = seen.Added
		if past.Done() {
			break
		}
	}
	if !added && rc.Op != history.Added {
		// The commits the history holds since the base all left the
		// record public; whether it was public at the base follows
		// from the net changes (none may be known, after a merge of
		// unrelated history).
		before, ok := publish.RulesBefore(r, rc.Fields)
		added = !ok || before == nil || !before.IsPublic()
	}
	if added {
		out.Op, out.OldFile, out.Fields, out.Problem = history.Added, "", nil, nil
	}
	return &out
}

// publicChanges makes the change rows fit for publication: a field the
// public may not see is named with "niet openbaar" for its values (or left
// out when it is no field of the record format or an internal note), a
// value holding withheld parts loses them, and commit subjects lose every
// withheld value.
func (L *Labels) publicChanges(it *Item, rc *history.RecordChange, loaded *record.Record, pub *publish.Public) {
	if rc == nil {
		return
	}
	it.Changes = nil
	// An old value was written under the rules the record had then: it is
	// shown only when it was public then, and under every version since
	// (publish.RulesAtBase). Unknown rules come back nil, which shows no
	// old value.
	before, _ := publish.RulesAtBase(loaded, rc.Fields, rc.Commits)
	if rc.Problem != nil {
		before = nil // a version that cannot be read may have changed them
	}
	if rc.Op == history.Renamed && rc.OldFile != "" && (before == nil || !before.IsPublic()) {
		// The old name of a record that was not public was not public.
		it.ChangeNote = L.pick([2]string{"Hernoemd.", "Renamed."})
	}
	if rc.Op != history.Added && rc.Problem == nil {
		notice := publish.Notice(L.lang, L.reason(loaded, true, pub))
		// A value as every public output of a record's history shows
		// it (publish.ChangeValue): an old version's text may quote what
		// a record withholds now. No view of the register: none is
		// known to be fit to show.
		var text func(s, lang string) string
		if pub != nil {
			text = pub.FreeText
		}
		// What the rows leave out of the change's values, which a reason
		// written with it may quote; and the rows of reasons.
		var (
			unshown []any
			reasons []int
			told    = map[string]bool{} // the withheld fields said to have changed
		)
		for _, c := range rc.Fields {
			path := strings.Join(source.SplitPointer(c.Path), ".")
			row := ChangeRow{Field: field.Name(L.lang, c.Path), Change: L.pick(changeOps[c.Op])}
			if !publish.Shown(loaded, path) {
				unshown = append(unshown, c.Old, c.New)
				if !publish.Touches(loaded, path) || !knownField(loaded.Kind, path) {
					continue
				}
				if part := publish.WithheldPart(loaded, path); part != "" {
					// Withheld whole: that it changed, once; not which of
					// its elements came or went.
					if !told[part] {
						told[part] = true
						it.Changes = append(it.Changes, ChangeRow{Field: field.Name(L.lang, part), Change: L.pick(changeOps[fielddiff.Changed]), Old: notice, New: notice})
					}
					continue
				}
				if c.Old != nil {
					row.Old = notice
				}
				if c.New != nil {
					row.New = notice
				}
				it.Changes = append(it.Changes, row)
				continue
			}
			format := func(v any) string {
				shown := publish.Prune(loaded, path, v)
				if path == "uses_sensors" || strings.HasPrefix(path, "uses_sensors.") {
					shown = publicSensors(shown, pub)
				}
				if shown == nil {
					unshown = append(unshown, v)
					return notice
				}
				s := fielddiff.Format(shown)
				if s != fielddiff.Format(v) {
					unshown = append(unshown, v)
				}
				if publish.IsReason(path) {
					return s // scrubbed below, with what the rows leave out
				}
				return publish.ChangeValue(text, s, L.lang)
			}
			if c.Old != nil {
				if then := publish.Prune(before, path, c.Old); then == nil {
					unshown = append(unshown, c.Old)
					row.Old = publish.NotPublic(L.lang) // not public when written
				} else {
					row.Old = format(then)
				}
			}
			if c.New != nil {
				row.New = format(c.New)
			}
			if publish.IsReason(path) {
				reasons = append(reasons, len(it.Changes))
			}
			it.Changes = append(it.Changes, row)
		}
		// A reason as every public output shows it: without any record's
		// secret, nor what the rows above leave out.
		scrub := func(s string) string {
			if s == "" || s == notice || s == publish.NotPublic(L.lang) {
				return s
			}
			return publish.ChangeValue(text, s, L.lang, unshown...)
		}
		for _, i := range reasons {
			it.Changes[i].Old, it.Changes[i].New = scrub(it.Changes[i].Old), scrub(it.Changes[i].New)
		}
	}
	for i := range it.Commits {
		// Free text for colleagues: "" unless the register publishes
		// subjects, and then without any record's secrets.
		it.Commits[i].Subject = pub.Subject(it.Commits[i].Subject, L.lang)
	}
}

// markChanges marks, in the committee's packet, the changed fields the
// public may not see.
func (L *Labels) markChanges(it *Item, rc *history.RecordChange, loaded *record.Record) {
	if rc == nil || rc.Op == history.Added || rc.Problem != nil {
		return
	}
	reason := publish.Reason(loaded, L.lang)
	i := 0
	for _, c := range rc.Fields {
		if i >= len(it.Changes) {
			break
		}
		if publish.Touches(loaded, strings.Join(source.SplitPointer(c.Path), ".")) {
			it.Changes[i].Field += " (" + L.Confidential(reason) + ")"
		}
		i++
	}
}

func knownField(kind record.Kind, path string) bool {
	want := field.Bare(path)
	for _, f := range publish.Fields(kind) {
		if f.Path == want {
			return true
		}
	}
	return false
}

// publicSensors keeps the sensor ids that name public records.
func publicSensors(v any, pub *publish.Public) any {
	public := func(id string) bool {
		r := pub.Register.ByID(id)
		return r != nil && r.Kind == record.Sensor
	}
	switch t := v.(type) {
	case string:
		if public(t) {
			return t
		}
	case []any:
		out := make([]any, 0, len(t))
		for _, id := range t {
			if s, ok := id.(string); ok && public(s) {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// removedPublic reports whether a removed record's last version was public,
// so a public packet may name its file. organisation is the register's
// name for itself, as for removedRecord.
func removedPublic(rc *history.RecordChange, organisation string) bool {
	r := removedRecord(rc, organisation)
	return r != nil && r.IsPublic()
}

// removedRecord is a removed record's last version, or nil when the
// history does not hold it. A version that held a template's marks was a
// draft, never public (Placeholders, as placeholder.Find sees them with
// the register's name for itself, organisation).
func removedRecord(rc *history.RecordChange, organisation string) *record.Record {
	kind, _ := record.KindOfFile(rc.File)
	for _, c := range rc.Commits {
		for _, f := range c.Fields {
			if f.Path == "" && f.Old != nil {
				r := publish.FromValue(f.Old, kind)
				r.Placeholders = placeholder.InValue("", f.Old, organisation)
				return r
			}
		}
	}
	return nil
}
