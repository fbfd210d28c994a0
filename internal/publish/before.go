package publish

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/record"
)

// A change's old values were written under the publication rules the
// record had before the change, not under today's: a supplier withheld
// until last week, or a record that was not public at all, was never
// public, and publishing the new value does not make the old one public.
// RulesBefore works those rules out from today's and what the changes did
// to the publication block, so the change feed and the public packet show
// an old value only when it was public then and is public now.

// RulesBefore returns the publication rules of a record before the field
// changes cs (one commit's, or the net changes since a base), given its
// rules after them; a record added by cs had none (nil, true). ok is false
// when cs change the publication block in a way not undone here, or after
// is nil: the rules before are then unknown, and no old value may be shown.
// Only the publication block of the record returned is meaningful.
func RulesBefore(after *record.Record, cs []fielddiff.Change) (before *record.Record, ok bool) {
	if after == nil {
		return nil, false
	}
	block := publicationValue(after)
	touched := false
	for _, c := range cs {
		switch {
		case c.Path == "":
			// The whole record: added (nothing was before it) or
			// removed (what was before is the old value).
			if c.Old == nil {
				return nil, true
			}
			return FromValue(c.Old, after.Kind), true
		case c.Path == "/publication":
			touched = true
			block = c.Old
		case strings.HasPrefix(c.Path, "/publication/"):
			touched = true
			if block, ok = undo(block, strings.TrimPrefix(c.Path, "/publication/"), c); !ok {
				return nil, false
			}
		}
	}
	if !touched {
		return after, true
	}
	r := FromValue(map[string]any{"publication": block}, after.Kind)
	r.Placeholders = after.Placeholders
	return r, true
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
