package publish

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Findings returns the findings about the record r (as loaded) in the form
// they may be shown in public, or nil when r is not public. The findings
// of a rule whose verdict on r is not public (Undisclosed) are left out
// whole: their rule, principle and severity would tell as much as their
// text. Any other finding has every withheld value of r, and the id and
// name of every record that is not public, replaced by "niet openbaar" /
// "not public". A finding may quote a value ("Fabrikant Hikvision staat
// op de lijst"), so its text is filtered like the record itself.
func (p *Public) Findings(r *record.Record, fs []finding.Finding) []finding.Finding {
	shown, _ := p.Verdicts(r, fs)
	return shown
}

// Verdicts is Findings and Undisclosed at once, for a page or a packet
// that shows both: which rules are kept back is worked out once.
func (p *Public) Verdicts(r *record.Record, fs []finding.Finding) (shown []finding.Finding, keptBack []string) {
	if r == nil || !r.IsPublic() {
		return nil, nil
	}
	hidden := p.undisclosed(r, fs)
	return p.findings(r, fs, hidden), p.inOrder(hidden)
}

// findings is Findings with the rules kept back worked out (undisclosed).
func (p *Public) findings(r *record.Record, fs []finding.Finding, hidden map[string]bool) []finding.Finding {
	if len(fs) == 0 {
		return nil
	}
	withheld := withheldValues(r)
	own := newFoldIndex(withheld)
	var all foldIndexes // made once a finding quotes a secret (quotes made hiddenIndex)
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if hidden[f.Rule] || onWithheld(r, f) {
			continue
		}
		if !p.quotes(own, f.Message.In("en"), f.Help.In("en"), f.Message.In("nl"), f.Help.In("nl")) {
			// Nothing to replace: most findings, kept as they are
			// without searching them once per secret.
			out = append(out, f)
			continue
		}
		if all == nil {
			all = foldIndexes{p.hiddenIndex.fold, own}
		}
		f.Message = label.Text{all.replace(f.Message.In("nl"), NotPublicNL), all.replace(f.Message.In("en"), NotPublicEN)}
		f.Help = label.Text{all.replace(f.Help.In("nl"), NotPublicNL), all.replace(f.Help.In("en"), NotPublicEN)}
		out = append(out, f)
	}
	return out
}

// Undisclosed returns the ids of the checklist's rules whose verdict on the
// record r (as loaded) is not public, in the checklist's order: a rule
// that reads a field r withholds (principle.Rule.RestsOnWithheld), and a
// rule with a finding fs on a withheld field. Neither its pass nor its
// findings may be shown, only that its verdict is not public; the list
// follows from what r withholds, not from what the rules found, so it
// tells nothing either; nor does whether the rule applies to r, which may
// rest on a withheld field too. The register's custom rules, which may read any
// field, follow the built-in ones. nil when r withholds nothing or is not
// public.
func (p *Public) Undisclosed(r *record.Record, fs []finding.Finding) []string {
	if r == nil || !r.IsPublic() {
		return nil
	}
	return p.inOrder(p.undisclosed(r, fs))
}

// inOrder lists the rules of hidden in the checklist's order, the
// register's own after the built-in ones.
func (p *Public) inOrder(hidden map[string]bool) []string {
	if len(hidden) == 0 {
		return nil
	}
	var out []string
	for _, rule := range principle.Rules() {
		if hidden[rule.ID] {
			out = append(out, rule.ID)
		}
	}
	if cfg := p.Register.Config; cfg != nil {
		for _, c := range cfg.RulesCustom {
			if id := strings.TrimSpace(c.ID); hidden[id] && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// Discloses reports whether the public may see the finding f about the
// record r (as loaded) at all, leaving its text aside: r is public and f
// is not of a rule whose verdict on r is kept back (Undisclosed). For a
// count of findings that is published, such as a quality figure: left
// out, a kept-back verdict counts as neither a pass nor a fail there
// either.
func (p *Public) Discloses(r *record.Record, f finding.Finding) bool {
	if r == nil || !r.IsPublic() {
		return false
	}
	if r.Publication == nil || len(r.Publication.Withheld) == 0 {
		return true
	}
	return !onWithheld(r, f) && !p.keptBack(r, f.Rule)
}

// undisclosed is Undisclosed as a set, with the custom rules (which may
// read any field) among them when r withholds anything.
func (p *Public) undisclosed(r *record.Record, fs []finding.Finding) map[string]bool {
	if r.Publication == nil || len(r.Publication.Withheld) == 0 {
		return nil
	}
	hidden := map[string]bool{}
	for _, rule := range principle.Rules() {
		if p.keptBack(r, rule.ID) {
			hidden[rule.ID] = true
		}
	}
	if cfg := p.Register.Config; cfg != nil {
		for _, c := range cfg.RulesCustom {
			if id := strings.TrimSpace(c.ID); p.keptBack(r, id) {
				hidden[id] = true
			}
		}
	}
	for _, f := range fs {
		if _, builtin := principle.Lookup(f.Rule); builtin && onWithheld(r, f) {
			hidden[f.Rule] = true
		}
	}
	return hidden
}

// keptBack reports whether the verdict of the rule id (built in, or the
// register's own) on r rests on a field r withholds: a built-in rule the
// configuration did not switch off that reads one; a custom rule of r's
// kind whose expressions read one, or which cannot say what it reads.
func (p *Public) keptBack(r *record.Record, id string) bool {
	cfg := p.Register.Config
	if rule, ok := principle.Lookup(id); ok {
		switched := cfg != nil && !rule.Legal() && cfg.Severity(rule.ID, rule.Default) == finding.Off
		if switched {
			return false
		}
		if len(r.Exceptions) == 0 {
			return rule.RestsOnWithheld(r)
		}
		// An exception's verdict may rest on a custom rule it names.
		return rule.RestsOnWithheld(r, p.customList()...)
	}
	if cfg == nil {
		return false
	}
	if c, ok := cfg.CustomRule(id); !ok || c.Kind != "" && c.Kind != string(r.Kind) {
		return false
	}
	rule, ok := p.customRules()[id]
	return !ok || rule.RestsOnWithheld(r)
}

// customRules are the register's own rules as the checklist runs them,
// by id, compiled once; one that does not compile is not among them.
func (p *Public) customRules() map[string]*principle.Rule {
	p.compileCustom()
	return p.custom
}

// customList is customRules in the configuration's order, made with them.
func (p *Public) customList() []*principle.Rule {
	p.compileCustom()
	return p.customInOrder
}

// compileCustom compiles the register's own rules, once.
func (p *Public) compileCustom() {
	p.customOnce.Do(func() {
		p.customInOrder, _ = principle.CompileCustom(p.Register.Config)
		p.custom = map[string]*principle.Rule{}
		for _, rule := range p.customInOrder {
			p.custom[rule.ID] = rule
		}
	})
}

// onWithheld reports whether the finding f concerns a field r withholds.
func onWithheld(r *record.Record, f finding.Finding) bool {
	return f.Path != "" && r.IsWithheld(source.Dotted(f.Path))
}

// quotes reports whether any of texts holds a withheld value of a record
// (found by own) or the id or name of a record that is not public, in any
// case: only then is there anything to scrub.
func (p *Public) quotes(own *foldIndex, texts ...string) bool {
	p.hiddenOnce.Do(func() { p.hiddenIndex = newSecretIndex(p.hidden) })
	for _, s := range texts {
		if s == "" {
			continue
		}
		if p.hiddenIndex.in(s) || own.contains(s) {
			return true
		}
	}
	return false
}

// secretIndex tells whether a text holds any of a list of secrets, in any
// case, and keeps the answer for each text: findings repeat their texts (a
// rule's help, one message about many records; a 10,000-record register
// has some 570,000 findings and 21,000 distinct texts), and searching each
// anew was a third of a build's CPU after one record changed.
type secretIndex struct {
	fold *foldIndex

	mu   sync.RWMutex
	seen map[string]bool // at most maxSeen texts
}

// maxSeen bounds the texts whose answer a secretIndex keeps, so that a
// register whose findings all differ does not grow it without end.
const maxSeen = 1 << 16

func newSecretIndex(secrets []string) *secretIndex {
	return &secretIndex{fold: newFoldIndex(secrets), seen: map[string]bool{}}
}

// in reports whether s holds one of the secrets.
func (x *secretIndex) in(s string) bool {
	x.mu.RLock()
	found, ok := x.seen[s]
	x.mu.RUnlock()
	if ok {
		return found
	}
	found = x.fold.contains(s)
	x.mu.Lock()
	if len(x.seen) < maxSeen {
		x.seen[s] = found
	}
	x.mu.Unlock()
	return found
}

// withheldValues lists r's withheld values as text, in the forms a message
// might quote them, for scrub.
func withheldValues(r *record.Record) []string {
	var out []string
	eachWithheld(r, func(v reflect.Value, _ string) {
		switch v.Kind() {
		case reflect.String:
			if s := strings.TrimSpace(v.String()); len(s) >= 2 {
				out = append(out, s)
			}
		case reflect.Int, reflect.Int64:
			if v.Int() != 0 {
				out = append(out, strconv.FormatInt(v.Int(), 10))
			}
		case reflect.Float64:
			out = append(out, floatForms(v.Float())...)
		}
	})
	if PositionWithheld(r) && r.Point != nil {
		out = append(out, floatForms(r.Point.Lat)...)
		out = append(out, floatForms(r.Point.Lon)...)
	}
	return out
}

// eachWithheld calls f with each value of r (a leaf of the YAML's fields)
// that r withholds, and its dotted path. It goes down each withheld path
// alone, not through the whole record: every build reads the withheld
// values of every record that has any.
func eachWithheld(r *record.Record, f func(v reflect.Value, path string)) {
	ws := r.Withheld()
	if len(ws) == 0 {
		return
	}
	var leaves func(v reflect.Value, path string)
	leaves = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				leaves(v.Elem(), path)
			}
		case reflect.Struct:
			fs := yamlFields(v.Type())
			for _, name := range fs.names {
				leaves(v.Field(fs.index[name]), join(path, name))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				leaves(v.Index(i), join(path, itoa(i)))
			}
		case reflect.Map, reflect.Invalid:
		default:
			f(v, path)
		}
	}
	var down func(v reflect.Value, path string, rest []string)
	down = func(v reflect.Value, path string, rest []string) {
		if len(rest) == 0 {
			leaves(v, path)
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				down(v.Elem(), path, rest)
			}
		case reflect.Struct:
			if i, ok := yamlFields(v.Type()).index[rest[0]]; ok {
				down(v.Field(i), join(path, rest[0]), rest[1:])
			}
		case reflect.Slice, reflect.Array:
			if record.IsIndex(rest[0]) {
				if i, err := strconv.Atoi(rest[0]); err == nil && i < v.Len() {
					down(v.Index(i), join(path, rest[0]), rest[1:])
				}
				return
			}
			// A path without an index covers every element.
			for i := range v.Len() {
				down(v.Index(i), join(path, itoa(i)), rest)
			}
		}
	}
	root := reflect.ValueOf(r).Elem()
	for _, w := range ws {
		if w = strings.TrimSpace(w); w != "" {
			down(root, "", strings.Split(w, "."))
		}
	}
}

var yamlFieldCache sync.Map // reflect.Type → *fieldNames

// fieldNames are the YAML names of a struct type's exported fields, in
// order, and their indexes.
type fieldNames struct {
	names []string
	index map[string]int
}

func yamlFields(t reflect.Type) *fieldNames {
	if m, ok := yamlFieldCache.Load(t); ok {
		return m.(*fieldNames)
	}
	fs := &fieldNames{index: map[string]int{}}
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag != "" && tag != "-" && t.Field(i).IsExported() {
			fs.names = append(fs.names, tag)
			fs.index[tag] = i
		}
	}
	yamlFieldCache.Store(t, fs)
	return fs
}

// floatForms are the ways a message may print a coordinate or number.
func floatForms(f float64) []string {
	if f == 0 {
		return nil
	}
	forms := []string{strconv.FormatFloat(f, 'f', -1, 64), fmt.Sprint(f)}
	for _, prec := range []int{2, 3, 4, 5, 6} {
		forms = append(forms, strconv.FormatFloat(f, 'f', prec, 64))
	}
	return forms
}

// Scrub returns free text about the record r (a change note, a date's
// detail) with r's withheld values and the ids and names of records that
// are not public replaced by "niet openbaar" / "not public". Commit
// subjects, which may concern other records too, go through Subject.
func (p *Public) Scrub(r *record.Record, s, lang string) string {
	if s == "" {
		return s
	}
	var withheld []string
	if r != nil {
		withheld = withheldValues(r)
	}
	own := newFoldIndex(withheld)
	if !p.quotes(own, s) {
		return s
	}
	return foldIndexes{p.hiddenIndex.fold, own}.replace(s, NotPublic(lang))
}
