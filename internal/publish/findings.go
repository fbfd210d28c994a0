package publish

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// Findings returns the findings about the record r (as loaded) in the form
// they may be shown in public, or nil when r is not public. A finding about
// a withheld field keeps its rule, principle and severity, but its text
// says only that it concerns a field that is not public; any other finding
// has every withheld value of r, and the id and name of every record that is
// not public, replaced by "niet openbaar" / "not public". A finding may
// quote a value ("Fabrikant Hikvision staat op de lijst"), so its text is
// filtered like the record itself.
func (p *Public) Findings(r *record.Record, fs []finding.Finding) []finding.Finding {
	if r == nil || !r.IsPublic() || len(fs) == 0 {
		return nil
	}
	withheld := withheldValues(r)
	var secrets []string
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Path != "" && r.IsWithheld(source.Dotted(f.Path)) {
			f.Message, f.Help = label.Text{"Deze bevinding gaat over een veld dat niet openbaar is.", "This finding concerns a field that is not public."}, label.Text{}
			out = append(out, f)
			continue
		}
		if !p.quotes(withheld, f.Message.In("en"), f.Help.In("en"), f.Message.In("nl"), f.Help.In("nl")) {
			// Nothing to replace: most findings, kept as they are
			// without searching them once per secret.
			out = append(out, f)
			continue
		}
		if secrets == nil {
			secrets = slices.Clone(p.hidden)
			secrets = append(secrets, withheld...)
			slices.SortFunc(secrets, func(a, b string) int { return cmp.Compare(len(b), len(a)) }) // longest first
		}
		f.Message = label.Text{scrub(f.Message.In("nl"), secrets, NotPublicNL), scrub(f.Message.In("en"), secrets, NotPublicEN)}
		f.Help = label.Text{scrub(f.Help.In("nl"), secrets, NotPublicNL), scrub(f.Help.In("en"), secrets, NotPublicEN)}
		out = append(out, f)
	}
	return out
}

// quotes reports whether any of texts holds a withheld value of a record
// (withheld) or the id or name of a record that is not public: only then is
// there anything to scrub.
func (p *Public) quotes(withheld []string, texts ...string) bool {
	p.hiddenOnce.Do(func() { p.hiddenIndex = newSecretIndex(p.hidden) })
	for _, s := range texts {
		if s == "" {
			continue
		}
		if p.hiddenIndex.in(s) {
			return true
		}
		for _, v := range withheld {
			if v != "" && strings.Contains(s, v) {
				return true
			}
		}
	}
	return false
}

// secretIndex tells whether a text holds any of a list of secrets without
// searching the text once per secret, which over thousands of records that
// are not public and tens of thousands of findings was most of a build's
// time: secrets of four bytes or more are found by their first four bytes,
// shorter ones one by one.
//
// The answer for each text is kept: findings repeat their texts (a rule's
// help, one message about many records; a 10,000-record register has some
// 570,000 findings and 21,000 distinct texts), and searching each anew was
// a third of a build's CPU after one record changed.
type secretIndex struct {
	long  map[uint32][]string
	short []string

	mu   sync.RWMutex
	seen map[string]bool // at most maxSeen texts
}

// maxSeen bounds the texts whose answer a secretIndex keeps, so that a
// register whose findings all differ does not grow it without end.
const maxSeen = 1 << 16

func newSecretIndex(secrets []string) *secretIndex {
	x := &secretIndex{long: map[uint32][]string{}, seen: map[string]bool{}}
	for _, v := range secrets {
		if len(v) < 4 {
			if v != "" {
				x.short = append(x.short, v)
			}
			continue
		}
		k := prefix4(v)
		x.long[k] = append(x.long[k], v)
	}
	return x
}

func prefix4(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// in reports whether s holds one of the secrets.
func (x *secretIndex) in(s string) bool {
	x.mu.RLock()
	found, ok := x.seen[s]
	x.mu.RUnlock()
	if ok {
		return found
	}
	found = x.search(s)
	x.mu.Lock()
	if len(x.seen) < maxSeen {
		x.seen[s] = found
	}
	x.mu.Unlock()
	return found
}

// search looks for the secrets in s.
func (x *secretIndex) search(s string) bool {
	for _, v := range x.short {
		if strings.Contains(s, v) {
			return true
		}
	}
	if len(x.long) == 0 {
		return false
	}
	for i := 0; i+4 <= len(s); i++ {
		for _, v := range x.long[prefix4(s[i:])] {
			if strings.HasPrefix(s[i:], v) {
				return true
			}
		}
	}
	return false
}

func scrub(s string, secrets []string, with string) string {
	if s == "" {
		return s
	}
	for _, v := range secrets {
		if v != "" && strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, with)
		}
	}
	return s
}

// withheldValues lists r's withheld values as text, in the forms a message
// might quote them, for scrub.
func withheldValues(r *record.Record) []string {
	if r.Publication == nil || len(r.Publication.Withheld) == 0 {
		return nil
	}
	var out []string
	add := func(v reflect.Value) {
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
	}
	var walk func(v reflect.Value, path string, covered bool)
	walk = func(v reflect.Value, path string, covered bool) {
		if !covered && path != "" && r.IsWithheld(path) {
			covered = true
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path, covered)
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
				if tag == "" || tag == "-" {
					continue
				}
				walk(v.Field(i), join(path, tag), covered)
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), join(path, strconv.Itoa(i)), covered)
			}
		default:
			if covered {
				add(v)
			}
		}
	}
	walk(reflect.ValueOf(r).Elem(), "", false)
	if PositionWithheld(r) && r.Point != nil {
		out = append(out, floatForms(r.Point.Lat)...)
		out = append(out, floatForms(r.Point.Lon)...)
	}
	return out
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
	if !p.quotes(withheld, s) {
		return s
	}
	secrets := slices.Clone(p.hidden)
	secrets = append(secrets, withheld...)
	slices.SortFunc(secrets, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return scrub(s, secrets, NotPublic(lang))
}
