package publish

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/placeholder"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// A change's old values were written under the publication rules the
// record had before the change, not under today's: a supplier withheld
// until last week, or a record that was not public at all, was never
// public, and publishing the new value does not make the old one public.
// RulesBefore works those rules out from today's and what the changes did
// to the publication block, so the change feed and the public packet show
// an old value only when it was public then and is public now. So with a
// draft: a version that still held a template's marks ("(vul in)", the
// template's position) was not public, and a value written in it is not
// public once the record is filled in.

// RulesBefore returns the publication rules of a record before the field
// changes cs (one commit's, or the net changes since a base), given its
// rules after them; a record added by cs had none (nil, true). ok is false
// when cs change what decides the rules in a way not undone here (a
// publication block misspelt, nested under another field or written into
// a text, in a key they change or a value they replace), or after is nil:
// the rules before are then unknown, and no old value may be shown. Only
// what decides the rules of the record returned is meaningful: its
// publication block, what of its DPIA decides whether the DPIA's url
// is withheld (record.Record.Withheld), and whether it held a template's
// marks (Placeholders): a draft is not public.
func RulesBefore(after *record.Record, cs []fielddiff.Change) (before *record.Record, ok bool) {
	return rulesBefore(after, cs, nil)
}

// rulesBefore is RulesBefore, where newer are the changes of the commits
// after cs, when after's values are not those of the version after cs but
// of a newer one (PublicPast): the values each had before are looked in
// too, for a field that quoted what the version before cs withheld.
func rulesBefore(after *record.Record, cs, newer []fielddiff.Change) (before *record.Record, ok bool) {
	if after == nil {
		return nil, false
	}
	block, dpia := publicationValue(after), dpiaValue(after)
	touched := false
	for _, c := range cs {
		if touchesMisreadBlock(c, after.Kind) {
			// What a block that does not read said is not undone
			// here.
			return nil, false
		}
		switch {
		case c.Path == "":
			// The whole record: added (nothing was before it) or
			// removed (what was before is the old value).
			if c.Old == nil {
				return nil, true
			}
			r := FromValue(c.Old, after.Kind)
			r.Placeholders = placeholder.InValue("", c.Old, after.Organisation.Name)
			return r, true
		case c.Path == "/publication":
			touched = true
			block = c.Old
		case strings.HasPrefix(c.Path, "/publication/"):
			touched = true
			if block, ok = undo(block, strings.TrimPrefix(c.Path, "/publication/"), c); !ok {
				return nil, false
			}
		case c.Path == "/dpia" || c.Path == "/dpia/url" || c.Path == "/dpia/public":
			// Whether the DPIA's url was withheld follows from the
			// DPIA of then, not of now: an internal url is not public
			// once a later version publishes the DPIA.
			touched = true
			whole := map[string]any{}
			if dpia != nil {
				whole["dpia"] = dpia
			}
			if !setValue(whole, source.SplitPointer(c.Path), c.Old) {
				return nil, false
			}
			dpia = whole["dpia"]
		}
	}
	if _, isMap := dpia.(map[string]any); dpia != nil && !isMap {
		return nil, false // a DPIA that is no mapping: whether its url was public is not known
	}
	draft := after.Placeholders || drafted(after, cs)
	if !touched {
		quoted := quotedBefore(after, after.Withheld(), cs, newer)
		if draft == after.Placeholders && !quoted {
			return after, true
		}
		r := *after
		r.Placeholders = draft
		r.PublicationInvalid = r.PublicationInvalid || quoted
		return &r, true
	}
	v := map[string]any{}
	if block != nil {
		// No block is no key: a key with nothing under it does not read.
		v["publication"] = block
	}
	if dpia != nil {
		v["dpia"] = dpia
	}
	rules := FromValue(v, after.Kind)
	// The rules of then, with the values of after: the changes before
	// these are judged by them (a template's position, whose example
	// addresses are the register's own, a quoted withheld value).
	r := *after
	r.Publication, r.DPIA = rules.Publication, rules.DPIA
	if after.DPIA != nil && rules.DPIA != nil {
		d := *after.DPIA
		d.URL, d.Public = rules.DPIA.URL, rules.DPIA.Public
		r.DPIA = &d
	}
	r.PublicationInvalid = rules.PublicationInvalid || quotedBefore(after, r.Withheld(), cs, newer)
	r.Placeholders = draft
	return &r, true
}

// quotedBefore reports whether the version before the changes cs, which
// withheld the paths ws (record.Record.Withheld of its rules: what its
// block named, and an internal DPIA's url), had a field it showed quote a
// value it withheld, which kept it from the public as a publication block
// that does not read does (Check). Its values are after's with the newer
// changes (newest first) and then cs undone. A change within a list,
// whose elements the changes number as they please, is not undone: its
// old value is looked in beside after's, which may find a quote that was
// not there, so the version counts as not public, but never misses one.
func quotedBefore(after *record.Record, withheld []string, cs, newer []fielddiff.Change) bool {
	if len(withheld) == 0 {
		return false
	}
	now, err := viewMap(after)
	if err != nil {
		return true // its values cannot be told: not known to be public
	}
	raws := []map[string]any{now}
	for _, c := range slices.Concat(newer, cs) {
		if c.Path == "" {
			continue // a whole record: judged by FromValue
		}
		tokens := source.SplitPointer(c.Path)
		if setValue(now, tokens, c.Old) || c.Old == nil {
			continue
		}
		old := map[string]any{}
		if !setValue(old, tokens, c.Old) {
			return true
		}
		raws = append(raws, old)
	}
	return len(quotedSecrets(withheld, raws...)) > 0
}

// drafted reports whether the version before the changes cs held one of a
// template's marks that the version after them, after, does not: an old
// value holds one (placeholder.InValue), or the position before them, made
// of after's and the old coordinates, is the template's. Marks that after
// still holds are in after.Placeholders. The organisation whose example
// addresses are no marks is after's, as placeholder.Find takes it when
// the register names none.
func drafted(after *record.Record, cs []fielddiff.Change) bool {
	org := after.Organisation.Name
	located := false
	for _, c := range cs {
		if c.Old != nil && placeholder.InValue(c.Path, c.Old, org) {
			return true
		}
		located = located || c.Path == "/location" || strings.HasPrefix(c.Path, "/location/point")
	}
	if !located {
		return false
	}
	// A position that cannot be worked out is not known to be real.
	loc, ok := locationBefore(after, cs)
	return !ok || placeholder.InValue("/location", loc, org)
}

// locationBefore is after's position (location.point and point_rd) as the
// changes cs found it: one coordinate changed leaves the other as after
// has it. ok is false when a change under /location cannot be undone in
// it (a value that is no mapping where one is needed): the position before
// them is then unknown.
func locationBefore(after *record.Record, cs []fielddiff.Change) (loc map[string]any, ok bool) {
	num := func(f float64) any { return json.Number(strconv.FormatFloat(f, 'g', -1, 64)) }
	loc = map[string]any{}
	if l := after.Location; l != nil {
		if p := l.Point; p != nil {
			loc["point"] = map[string]any{"lat": num(p.Lat), "lon": num(p.Lon)}
		}
		if p := l.PointRD; p != nil {
			loc["point_rd"] = map[string]any{"x": num(p.X), "y": num(p.Y)}
		}
	}
	for _, c := range cs {
		if c.Path == "/location" {
			m, isMap := c.Old.(map[string]any)
			if c.Old != nil && !isMap {
				return nil, false
			}
			loc = cloneMap(m)
			continue
		}
		rest, under := strings.CutPrefix(c.Path, "/location/")
		if !under {
			continue
		}
		tokens := source.SplitPointer("/" + rest)
		if tokens[0] != "point" && tokens[0] != "point_rd" {
			continue // not the position
		}
		if !setValue(loc, tokens, c.Old) {
			return nil, false
		}
	}
	return loc, true
}

// setValue sets the value at tokens in the mapping m to v, or removes it
// when v is nil, copying each mapping on the way so no change's value is
// altered; false when the way passes through something not a mapping.
func setValue(m map[string]any, tokens []string, v any) bool {
	if len(tokens) == 0 {
		return false
	}
	if len(tokens) == 1 {
		if v == nil {
			delete(m, tokens[0])
		} else {
			m[tokens[0]] = v
		}
		return true
	}
	next, isMap := m[tokens[0]].(map[string]any)
	switch {
	case !isMap && m[tokens[0]] != nil:
		return false
	case !isMap && v == nil:
		return true // nothing there to remove
	}
	next = cloneMap(next)
	m[tokens[0]] = next
	return setValue(next, tokens[1:], v)
}

// publicationValue is r's publication block as a decoded value, as the
// history's changes hold it; nil when r has none.
func publicationValue(r *record.Record) any {
	p := r.Publication
	if p == nil {
		return nil
	}
	m := map[string]any{}
	if p.Public != nil {
		m["public"] = *p.Public
	}
	if p.Reason != "" {
		m["reason"] = p.Reason
	}
	if p.Withheld != nil {
		ws := make([]any, len(p.Withheld))
		for i, w := range p.Withheld {
			ws[i] = w
		}
		m["withheld"] = ws
	}
	return m
}

// dpiaValue is what of r's DPIA decides whether its url is withheld (its
// url, and whether it is public) as a decoded value, as the history's
// changes hold it; nil when r has no DPIA.
func dpiaValue(r *record.Record) any {
	d := r.DPIA
	if d == nil {
		return nil
	}
	m := map[string]any{}
	if d.URL != "" {
		m["url"] = d.URL
	}
	if d.Public != nil {
		m["public"] = *d.Public
	}
	return m
}

// undo undoes the change c at rest (a path under /publication) in block:
// public and reason take their old value, withheld its old list, and an
// element of withheld is put back as it was. The list is a set (which
// fields are withheld), so an element is found by its value, not by the
// index the change gives. ok is false for any other path.
func undo(block any, rest string, c fielddiff.Change) (any, bool) {
	m, _ := block.(map[string]any)
	m = cloneMap(m)
	key, elem, isElem := strings.Cut(rest, "/")
	switch {
	case (key == "public" || key == "reason" || key == "withheld") && !isElem:
		if c.Old == nil {
			delete(m, key)
		} else {
			m[key] = c.Old
		}
	case key == "withheld" && elem != "" && !strings.Contains(elem, "/"):
		ws, _ := m["withheld"].([]any)
		ws = slices.Clone(ws)
		if c.New != nil {
			// Withheld paths are text; anything else (which the
			// publication check refuses) is not looked for.
			s, isText := c.New.(string)
			i := slices.IndexFunc(ws, func(w any) bool { t, ok := w.(string); return ok && isText && t == s })
			if i < 0 {
				return nil, false // not the list the change made
			}
			ws = slices.Delete(ws, i, i+1)
		}
		if c.Old != nil {
			ws = append(ws, c.Old)
		}
		m["withheld"] = ws
	default:
		return nil, false
	}
	return m, true
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
