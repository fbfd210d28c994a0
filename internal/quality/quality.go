// Package quality measures how complete and current a register is, for its
// steward: how often each field of the record format is filled, the share
// of records that satisfy each principle, records nobody touched in over a
// term, evaluations overdue, rules the configuration switched off, and the
// records that still hold a template's placeholders. It reads a loaded
// register with its checklist findings; it computes, the cli prints.
package quality

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Term is how long a record may go unchanged before it counts as stale: a
// municipal council's term, four years.
var Term = period.MustParse("P4Y")

// Input is what a report is computed from.
type Input struct {
	Register *register.Register
	// Findings are the checklist's findings on the register (principle.Run).
	Findings []finding.Finding
	// Today is the date the report is made on, midnight UTC.
	Today time.Time
	// Changed gives each record file's last change (relative to the register
	// root, as record.File); nil when the register's history is not known or
	// not trusted, and then HistoryNote says why.
	Changed     map[string]time.Time
	HistoryNote label.Text
	// Unread are the findings on the record files that did not load into a
	// record (a file of load.Result.Files without an id), with their
	// positions. Such a file counts as a record that fills no field and
	// satisfies no principle: a register is worse, not better, for a record
	// that cannot be read.
	Unread []finding.Finding
	// Public: Register is a public view (as a federation publishes), and
	// an evaluation counts as overdue only where the public may see that
	// it falls due (publish.DueShown), not where it rests on a withheld
	// field.
	Public bool
	// KeptBack, when set, gives the rules whose verdict on a record (by its
	// id) the public may not see (publish.Public.Undisclosed): a principle
	// of such a rule counts the record neither clean nor not, unless a
	// finding of another of its rules, shown, makes it not clean.
	KeptBack func(id string) []string
}

// Report is the register's quality.
type Report struct {
	Today string `json:"today"`
	// Records counts the record files, those that could not be read too.
	Records int `json:"records"`
	// Unreadable lists the record files that could not be read, with why.
	Unreadable []Unreadable `json:"unreadable"`
	// Fields is the fill rate of every field of the record format, by kind.
	Fields []Field `json:"fields"`
	// Principles is, per principle, the share of the records it applies to
	// without a finding of its rules.
	Principles []Principle `json:"principles"`
	// Stale lists the records not changed in over a term; nil with
	// HistoryNote set when history was not available.
	Stale []Stale `json:"stale"`
	// HistoryNote is in both languages for the text and the page; the JSON
	// keeps its documented English (writeJSON).
	HistoryNote label.Text `json:"-"`
	Term        string     `json:"term"`
	// Overdue lists the evaluations that lapsed.
	Overdue []Overdue `json:"overdue"`
	// SwitchedOff lists the rules the configuration switched off or lowered.
	SwitchedOff []Deviation `json:"switched_off"`
	// Placeholders counts the template marks per record.
	Placeholders []Placeholder `json:"placeholders"`

	// TextLanguage is the language of the text report: "nl" for Dutch,
	// English otherwise. The page is Dutch and the JSON English.
	TextLanguage string `json:"-"`
}

// HistoryNoteIn is why the stale records are not known, in lang: Dutch
// for "nl" when the note has Dutch words, English otherwise.
func (r Report) HistoryNoteIn(lang string) string {
	if lang == message.Dutch && r.HistoryNote.In(message.Dutch) != "" {
		return r.HistoryNote.In(message.Dutch)
	}
	return r.HistoryNote.In(message.English)
}

// HistoryKnown reports whether the stale records could be counted.
func (r Report) HistoryKnown() bool { return r.Stale != nil }

// Field is how many records of a kind fill one field.
type Field struct {
	Kind   record.Kind `json:"kind"`
	Path   string      `json:"path"`
	Filled int         `json:"filled"`
	Of     int         `json:"of"`
}

// Rate is Filled as a share of Of, 0 when there are no records.
func (f Field) Rate() float64 { return rate(f.Filled, f.Of) }

// Principle is how many of the records a principle applies to pass every
// rule of it.
type Principle struct {
	Principle string   `json:"principle"`
	Rules     []string `json:"rules"`
	// Clean counts the records without a finding of its rules, Of the
	// records it applies to.
	Clean int `json:"clean"`
	Of    int `json:"of"`
}

// Rate is Clean as a share of Of.
func (p Principle) Rate() float64 { return rate(p.Clean, p.Of) }

// Stale is a record not changed in over a term.
type Stale struct {
	ID      string `json:"id"`
	File    string `json:"file"`
	Changed string `json:"changed"`
}

// Overdue is an evaluation that lapsed.
type Overdue struct {
	ID   string `json:"id"`
	Due  string `json:"due"`
	Days int    `json:"days_late"`
}

// Deviation is a rule the configuration switched off or lowered.
type Deviation struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Reason   string `json:"reason,omitempty"`
	Where    string `json:"where"`
	// Refused is set when the rule follows from law: the setting has no
	// effect.
	Refused bool `json:"refused,omitempty"`
}

// Unreadable is a record file that could not be read: where, and why.
type Unreadable struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// Reason is why, in English for the JSON; Why is in both languages,
	// for the text and the page.
	Reason string     `json:"reason"`
	Why    label.Text `json:"-"`

	kind record.Kind
}

// Position is the file with its line and column, as a finding gives them.
func (u Unreadable) Position() string {
	return finding.Finding{File: u.File, Line: u.Line, Column: u.Column}.Position()
}

// WhyIn is why the file could not be read, in lang.
func (u Unreadable) WhyIn(lang string) string {
	if lang == message.Dutch && u.Why.In(message.Dutch) != "" {
		return u.Why.In(message.Dutch)
	}
	return u.Why.In(message.English)
}

// unreadable gives each file of fs its first error, sorted by file: a file
// that could not be read is one of the report's records however many
// findings say why.
func unreadable(fs []finding.Finding) []Unreadable {
	fs = slices.Clone(fs)
	finding.Sort(fs)
	out := []Unreadable{}
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Severity != finding.Error || seen[f.File] {
			continue
		}
		seen[f.File] = true
		why := f.Message
		if f.Help.In(message.English) != "" {
			why = label.Text{f.Message.In(message.Dutch) + " (" + f.Help.In(message.Dutch) + ")",
				f.Message.In(message.English) + " (" + f.Help.In(message.English) + ")"}
		}
		k, _ := record.KindOfFile(f.File)
		out = append(out, Unreadable{File: f.File, Line: f.Line, Column: f.Column, Reason: f.Message.In(message.English), Why: why, kind: k})
	}
	slices.SortFunc(out, func(a, b Unreadable) int { return strings.Compare(a.File, b.File) })
	return out
}

// Placeholder counts a record's template marks.
type Placeholder struct {
	ID    string `json:"id"`
	File  string `json:"file"`
	Marks int    `json:"marks"`
}

func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Measure computes the report.
func Measure(in Input) Report {
	reg := in.Register
	unread := unreadable(in.Unread)
	rep := Report{Today: period.Format(in.Today), Records: len(reg.Records) + len(unread), Unreadable: unread, Term: Term.String(),
		Stale: []Stale{}, Overdue: []Overdue{}, SwitchedOff: []Deviation{}, Placeholders: []Placeholder{}}
	rep.Fields = fields(reg.Records, unread)
	rep.Principles = principles(reg.Records, in.Findings, unread, in.KeptBack)

	if in.Changed == nil {
		rep.Stale, rep.HistoryNote = nil, in.HistoryNote
		if rep.HistoryNote.In(message.English) == "" {
			rep.HistoryNote = label.Text{msgNoHistory.In(message.Dutch), msgNoHistory.In(message.English)}
		}
	} else {
		cutoff := Term.SubtractFrom(in.Today)
		for _, r := range reg.Records {
			if t, ok := in.Changed[r.File]; ok && t.Before(cutoff) {
				rep.Stale = append(rep.Stale, Stale{ID: r.ID, File: r.File, Changed: period.Format(t.UTC())})
			}
		}
	}

	for _, it := range lifecycle.Due(reg, in.Today, period.MustParse("P1D")) {
		if it.Group == lifecycle.Lapsed && it.What == lifecycle.Evaluation && (!in.Public || publish.DueShown(it)) {
			rep.Overdue = append(rep.Overdue, Overdue{ID: it.Record.ID, Due: period.Format(it.Date),
				Days: int(in.Today.Sub(it.Date).Hours() / 24)})
		}
	}

	for _, d := range principle.Deviations(reg.Config) {
		rep.SwitchedOff = append(rep.SwitchedOff, Deviation{Rule: d.Rule.ID, Severity: d.Setting.Severity.String(),
			Reason: d.Setting.Reason, Where: d.Setting.Where(), Refused: d.Refused})
	}

	marks := map[string]int{}
	for _, f := range in.Findings {
		if f.Rule == placeholder.RuleID && f.Record != "" {
			marks[f.Record]++
		}
	}
	for _, r := range reg.Records {
		if n := marks[r.ID]; n > 0 {
			rep.Placeholders = append(rep.Placeholders, Placeholder{ID: r.ID, File: r.File, Marks: n})
		}
	}
	return rep
}

// fields counts, per kind, the records that fill each field the record
// format defines (every field that holds a value; a field in a list counts
// when any item fills it). Each record is read as the record format's JSON
// in one pass (filledPaths), not decoded into maps: a federation measures
// a million records. A file that could not be read (unread) counts as a
// record of its folder's kind that fills no field.
func fields(recs []*record.Record, unread []Unreadable) []Field {
	var out []Field
	for _, k := range record.Kinds {
		var leaves []string
		index := map[string]int{}
		for _, f := range publish.Fields(k) {
			if f.Leaf {
				index[f.Path] = len(leaves)
				leaves = append(leaves, f.Path)
			}
		}
		counts := make([]int, len(leaves))
		seen := make([]bool, len(leaves))
		of := 0
		for _, u := range unread {
			if u.kind == k {
				of++
			}
		}
		for _, r := range recs {
			if r.Kind != k {
				continue
			}
			data, err := json.Marshal(r)
			if err != nil {
				continue
			}
			clear(seen)
			if !filledPaths(data, func(path []byte) {
				if i, ok := index[string(path)]; ok {
					seen[i] = true
				}
			}) {
				continue
			}
			of++
			for i, s := range seen {
				if s {
					counts[i]++
				}
			}
		}
		for i, path := range leaves {
			out = append(out, Field{Kind: k, Path: path, Filled: counts[i], Of: of})
		}
	}
	return out
}

// filledPaths reads a JSON object (as json.Marshal writes it) and calls
// mark with the dotted path of each value that holds something, as filled
// tells it: a text that is not blank, a number, true or false, or an
// object with a key; a list is looked through, so an item's value counts
// at the list's path. It reports false for what is not a JSON object.
func filledPaths(data []byte, mark func(path []byte)) bool {
	s := jsonScan{data: data, mark: mark}
	if s.peek() != '{' {
		return false
	}
	return s.value(nil) && s.i == len(s.data)
}

type jsonScan struct {
	data []byte
	i    int
	mark func([]byte)
}

func (s *jsonScan) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

// value reads one value at path; false on input that is not JSON.
func (s *jsonScan) value(path []byte) bool {
	switch c := s.peek(); {
	case c == '{':
		s.i++
		if s.peek() == '}' {
			s.i++
			return true
		}
		if len(path) > 0 {
			s.mark(path)
		}
		for {
			key, ok := s.str()
			if !ok || s.peek() != ':' {
				return false
			}
			s.i++
			child := path
			if len(child) > 0 {
				child = append(child, '.')
			}
			if !s.value(append(child, key...)) {
				return false
			}
			switch s.peek() {
			case ',':
				s.i++
			case '}':
				s.i++
				return true
			default:
				return false
			}
		}
	case c == '[':
		s.i++
		if s.peek() == ']' {
			s.i++
			return true
		}
		for {
			if !s.value(path) {
				return false
			}
			switch s.peek() {
			case ',':
				s.i++
			case ']':
				s.i++
				return true
			default:
				return false
			}
		}
	case c == '"':
		text, ok := s.str()
		if ok && record.Says(string(text)) {
			s.mark(path)
		}
		return ok
	case c == 'n':
		return s.literal("null")
	case c == 't' || c == 'f':
		ok := s.literal("true") || s.literal("false")
		if ok {
			s.mark(path)
		}
		return ok
	case c == '-' || c >= '0' && c <= '9':
		start := s.i
		for s.i < len(s.data) && strings.IndexByte("+-.eE0123456789", s.data[s.i]) >= 0 {
			s.i++
		}
		s.mark(path)
		return s.i > start
	}
	return false
}

// literal reads the word w.
func (s *jsonScan) literal(w string) bool {
	if !strings.HasPrefix(string(s.data[s.i:min(s.i+len(w), len(s.data))]), w) {
		return false
	}
	s.i += len(w)
	return true
}

// str reads a string and returns its text, decoded when it holds escapes.
func (s *jsonScan) str() ([]byte, bool) {
	if s.peek() != '"' {
		return nil, false
	}
	start, escaped := s.i, false
	for s.i++; s.i < len(s.data); s.i++ {
		switch s.data[s.i] {
		case '\\':
			escaped = true
			s.i++
		case '"':
			s.i++
			raw := s.data[start+1 : s.i-1]
			if !escaped {
				return raw, true
			}
			var text string
			if json.Unmarshal(s.data[start:s.i], &text) != nil {
				return nil, false
			}
			return []byte(text), true
		}
	}
	return nil, false
}

// filled reports whether the value at path holds something: not absent,
// not an empty text or list. false and 0 are answers, so they count.
func filled(v any, path []string) bool {
	switch t := v.(type) {
	case []any:
		return slices.ContainsFunc(t, func(x any) bool { return filled(x, path) })
	case map[string]any:
		if len(path) == 0 {
			return len(t) > 0
		}
		c, ok := t[path[0]]
		return ok && filled(c, path[1:])
	case nil:
		return false
	case string:
		return len(path) == 0 && record.Says(t)
	default:
		return len(path) == 0
	}
}

// principles counts, per principle a built-in rule cites, the records it
// applies to (Of) and those of them with no finding of any of its rules
// (Clean). A record the principle does not apply to (an algorithm for the
// camera commitment, a sensor without a data-sharing agreement for the
// sharing one) is not counted as passing it: it is not counted at all.
// Nor is a record whose file breaks the record format clean: a field of
// the wrong kind reads as absent, where a rule may find nothing to fault
// (as the site ticks no principle for it). Nor, least of all, is a file
// that could not be read (unread): whether a principle's rules would
// apply to it cannot be told, so it counts, not clean, for every principle
// that concerns its folder's kind. A record whose verdict on one of a
// principle's rules is kept back (keptBack, nil for none) counts only
// where another of its findings, shown, makes it not clean: else whether
// it passes cannot be told from what is shown.
func principles(recs []*record.Record, fs []finding.Finding, unread []Unreadable, keptBack func(id string) []string) []Principle {
	byRef := map[string][]*principle.Rule{}
	var refs []string
	for _, r := range principle.Rules() {
		if r.CheckRegister != nil {
			continue // about the configuration, not the records
		}
		if _, ok := byRef[r.Ref]; !ok {
			refs = append(refs, r.Ref)
		}
		byRef[r.Ref] = append(byRef[r.Ref], r)
	}
	hit := map[string]map[string]bool{} // ref → record ids with a finding
	unreadable := map[string]bool{}     // record ids whose file breaks the format
	for _, f := range fs {
		if (f.Rule == finding.RuleSchema || f.Rule == finding.RuleYAML) && f.Record != "" && f.Severity > finding.Off {
			unreadable[f.Record] = true
		}
		r, ok := principle.Lookup(f.Rule)
		if !ok || f.Record == "" || f.Severity == finding.Off {
			continue
		}
		if hit[r.Ref] == nil {
			hit[r.Ref] = map[string]bool{}
		}
		hit[r.Ref][f.Record] = true
	}
	slices.Sort(refs)
	out := make([]Principle, 0, len(refs))
	for _, ref := range refs {
		clean, of := 0, 0
		for _, u := range unread {
			if p, ok := principle.Find(ref); u.kind != "" && (!ok || p.AppliesTo(u.kind)) {
				of++
			}
		}
		for _, r := range recs {
			if !applies(ref, byRef[ref], r) {
				continue
			}
			passes := !hit[ref][r.ID] && !unreadable[r.ID]
			if passes && keptBack != nil && slices.ContainsFunc(byRef[ref], func(rule *principle.Rule) bool {
				return slices.Contains(keptBack(r.ID), rule.ID)
			}) {
				continue
			}
			of++
			if passes {
				clean++
			}
		}
		ids := make([]string, len(byRef[ref]))
		for i, rule := range byRef[ref] {
			ids[i] = rule.ID
		}
		out = append(out, Principle{Principle: ref, Rules: ids, Clean: clean, Of: of})
	}
	return out
}

// applies reports whether a principle concerns a record: the catalogue
// names the record's kind for it, and one of its rules applies to the
// record.
func applies(ref string, rules []*principle.Rule, r *record.Record) bool {
	if p, ok := principle.Find(ref); ok && !p.AppliesTo(r.Kind) {
		return false
	}
	return slices.ContainsFunc(rules, func(rule *principle.Rule) bool { return rule.AppliesTo(r) })
}
