package packet

import (
	"github.com/voorbeeldstad/register/internal/format"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// facts lists the key facts the committee weighs: the fields the field table
// marks Fact, in the order the record page shows them (the heading, then
// each section), each under its label. A missing fact says so, since that is
// itself something to discuss.
func (L *Labels) facts(r *record.Record, s factScope) []Fact {
	order, ok := allFactOrder()[r.Kind]
	if !ok {
		order = factOrder(field.All, r.Kind)
	}
	return L.factsIn(field.All, order, r, s)
}

// allFactOrder is factOrder of field.All for each kind, made once: a
// packet lists the facts of thousands of records of two kinds.
var allFactOrder = sync.OnceValue(func() map[record.Kind][]field.Field {
	m := make(map[record.Kind][]field.Field, len(record.Kinds))
	for _, k := range record.Kinds {
		m[k] = factOrder(field.All, k)
	}
	return m
})

// factScope is what a fact may rest on besides its record: the register
// (its configuration), the day of the packet, and whether the packet is
// public (the record then a public view).
type factScope struct {
	reg    *register.Register
	today  time.Time
	public bool
}

// factsFrom lists the facts of a field table. A field the packet words
// itself (factWriters) reads as a sentence; any other marked field is
// stated by its value as the table's kind says, so a new row marked Fact
// shows in the packet without a change here.
func (L *Labels) factsFrom(table []field.Field, r *record.Record, s factScope) []Fact {
	return L.factsIn(table, factOrder(table, r.Kind), r, s)
}

// factsIn lists the facts of a field table in the order given, the
// table's factOrder for the record's kind.
func (L *Labels) factsIn(table, order []field.Field, r *record.Record, s factScope) []Fact {
	var fs []Fact
	stated := map[string]bool{}
	for _, f := range order {
		if stated[f.Path] {
			continue
		}
		w, ok := factWriters[f.Path]
		if !ok {
			fs = append(fs, Fact{Label: L.field(f.Path), Value: L.fieldValue(table, f, r), paths: []string{f.Path}})
			continue
		}
		for _, p := range w.covers {
			stated[p] = true
		}
		value, ok := w.value(L, r, s)
		if !ok {
			continue
		}
		paths := w.paths
		if paths == nil {
			paths = append([]string{f.Path}, w.covers...)
		}
		fs = append(fs, Fact{Label: L.field(f.Path), Value: value, paths: paths})
	}
	return fs
}

// factOrder returns the table's Fact fields for records of kind k in the
// record page's order: the fields of no section (the heading) first, then
// the sections in field.Sections' order.
func factOrder(table []field.Field, k record.Kind) []field.Field {
	var out []field.Field
	add := func(section string) {
		for _, f := range table {
			if f.Fact && f.Section == section && f.For(k) {
				out = append(out, f)
			}
		}
	}
	add("")
	for _, s := range field.Sections {
		add(s.Key)
	}
	return out
}

// factWriter words one fact in a sentence or two.
type factWriter struct {
	// value returns the fact; false leaves it out (a part of the record
	// format the record does not use, such as an AI Act assessment).
	value func(L *Labels, r *record.Record, s factScope) (string, bool)
	// covers are further Fact fields this fact states, which then have
	// no fact of their own.
	covers []string
	// paths are the record's fields the fact shows, for marking what is
	// withheld; nil for the field and the ones it covers.
	paths []string
}

// always wraps a wording that never leaves its fact out.
func always(f func(L *Labels, r *record.Record) string) func(*Labels, *record.Record, factScope) (string, bool) {
	return func(L *Labels, r *record.Record, _ factScope) (string, bool) { return f(L, r), true }
}

// factWriters are the facts the packet words itself, by the field's path.
var factWriters = map[string]factWriter{
	"summary": {value: always(func(L *Labels, r *record.Record) string { return L.or(r.Summary) })},
	"status":  {value: always(func(L *Labels, r *record.Record) string { return L.or(L.value("status", r.Status)) })},
	"organisation": {paths: []string{"organisation.name", "organisation.type"}, value: always(func(L *Labels, r *record.Record) string {
		org := r.Organisation.Name
		if r.Organisation.Type != "" {
			org += " (" + L.value("organisation.type", r.Organisation.Type) + ")"
		}
		return L.or(org)
	})},
	"owner": {paths: []string{"owner.role", "owner.department", "owner.email", "owner.phone"}, value: always(func(L *Labels, r *record.Record) string {
		return L.or(format.JoinNonEmpty(", ", r.Owner.Role, r.Owner.Department, r.Owner.Email, r.Owner.Phone))
	})},
	"role": {covers: []string{"affects_individuals", "self_learning"}, value: always(func(L *Labels, r *record.Record) string {
		role := L.value("role", r.Role)
		if r.AffectsIndividuals != nil {
			role += "; " + L.pick([2]string{"gaat over personen of groepen: ", "affects individuals or groups: "}) + strings.ToLower(L.yesNo(*r.AffectsIndividuals))
		}
		if r.SelfLearning != nil {
			role += "; " + L.pick([2]string{"zelflerend: ", "self-learning: "}) + strings.ToLower(L.yesNo(*r.SelfLearning))
		}
		return L.or(role)
	})},
	"location": {paths: []string{"location.description", "location.area"}, value: func(L *Labels, r *record.Record, _ factScope) (string, bool) {
		if r.Location == nil {
			return "", false
		}
		return L.or(format.JoinNonEmpty("; ", r.Location.Description, r.Location.Area)), true
	}},
	"purpose":       {value: always(func(L *Labels, r *record.Record) string { return L.or(r.Purpose) })},
	"problem":       {value: always(func(L *Labels, r *record.Record) string { return L.or(r.Problem) })},
	"alternatives":  {value: always(func(L *Labels, r *record.Record) string { return L.or(r.Alternatives) })},
	"personal_data": {covers: []string{"retention"}, value: always((*Labels).personalData)},
	"legal_basis":   {value: always((*Labels).legalBasis)},
	"dpia":          {value: always((*Labels).dpia)},
	"assessments":   {value: always((*Labels).assessments)},
	"ai_act": {paths: []string{"ai_act.category", "ai_act.basis", "ai_act.literacy"}, value: func(L *Labels, r *record.Record, _ factScope) (string, bool) {
		if r.AIAct == nil {
			return "", false
		}
		s := format.JoinNonEmpty(": ", L.value("ai_act.category", r.AIAct.Category), r.AIAct.Basis)
		if r.AIAct.Literacy != "" {
			// What the committee weighs of art. 4: the measures stated.
			s += "\n" + L.field("ai_act.literacy") + ": " + r.AIAct.Literacy
		}
		return s, true
	}},
	"risks":     {value: always((*Labels).risks)},
	"decisions": {value: always((*Labels).decisions)},
	"lifecycle": {value: func(L *Labels, r *record.Record, s factScope) (string, bool) { return L.lifecycle(r, s.public), true }},
	"evaluation": {value: func(L *Labels, r *record.Record, s factScope) (string, bool) {
		return L.evaluation(r, s), true
	}},
	"reviews": {value: func(L *Labels, r *record.Record, _ factScope) (string, bool) {
		if len(r.Reviews) == 0 {
			return "", false
		}
		var parts []string
		for _, rv := range r.Reviews {
			parts = append(parts, format.JoinNonEmpty(": ", format.JoinNonEmpty(" ", L.value("reviews.body", rv.Body), L.paren(L.dateString(rv.Date))), rv.Summary))
		}
		return strings.Join(parts, "\n"), true
	}},
}

// fieldValue states a field the packet has no wording for: a value as its
// kind says (enumerated values in words, dates and durations as a reader
// says them), a group as its fields' labels and values, one a line.
func (L *Labels) fieldValue(table []field.Field, f field.Field, r *record.Record) string {
	if f.Leaf() {
		return L.or(L.leafValue(f, r))
	}
	var lines []string
	for _, sub := range table {
		if !sub.Leaf() || !strings.HasPrefix(sub.Path, f.Path+".") {
			continue
		}
		if v := L.leafValue(sub, r); v != "" {
			lines = append(lines, L.field(sub.Path)+": "+v)
		}
	}
	return L.or(strings.Join(lines, "\n"))
}

// leafValue writes one value of a leaf field, or "" when the record has
// none.
func (L *Labels) leafValue(f field.Field, r *record.Record) string {
	v, ok := f.Value(r)
	if !ok {
		return ""
	}
	switch t := v.(type) {
	case string:
		switch f.Kind {
		case field.Enum:
			return L.value(f.Path, t)
		case field.Date:
			return L.dateString(t)
		case field.Duration:
			return L.durationString(t)
		}
		return strings.TrimSpace(t)
	case bool:
		return L.yesNo(t)
	case int:
		return strconv.Itoa(t)
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case []string:
		words := make([]string, len(t))
		for i, s := range t {
			words[i] = L.value(f.Path, s)
		}
		return strings.Join(words, "; ")
	}
	return fielddiff.Format(v)
}
