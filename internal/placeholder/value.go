package placeholder

import (
	"strconv"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// maxIndex bounds the list index InValue places a value at: a record's
// lists are short, and a longer one is not built to find a position.
const maxIndex = 1000

// InValue reports whether v, the value of a record's field at the JSON
// Pointer path as a history's changes hold it (decoded YAML:
// map[string]any, []any, text, json.Number, bool; "" is the whole
// record), holds one of the template's marks as Find finds them in a
// record holding that value: the template's words or an example address
// in any text in it, and the template's position where v is or holds the
// record's position. organisation is as for Find; when empty, the
// organisation.name v gives, if any, stands in. A position is found only
// where v holds both of its coordinates: a caller with one coordinate
// passes the position it belongs to (path "/location").
func InValue(path string, v any, organisation string) bool {
	if v == nil {
		return false
	}
	var r record.Record
	if whole, ok := wrap(source.SplitPointer(path), v); ok {
		record.FromValue(whole, &r)
		if len(Find(&r, organisation)) > 0 {
			return true
		}
	}
	// Every text, also where the record has no field for it (an unknown
	// key, a value of the wrong type), which Find does not see.
	if organisation == "" {
		organisation = r.Organisation.Name
	}
	own := slug(organisation)
	found := false
	var texts func(v any)
	texts = func(v any) {
		switch t := v.(type) {
		case string:
			if _, ok := inText(t, own); ok {
				found = true
			}
		case map[string]any:
			for _, c := range t {
				texts(c)
			}
		case []any:
			for _, c := range t {
				texts(c)
			}
		}
	}
	texts(v)
	return found
}

// wrap places v at the path in an otherwise empty record value; false
// when the path does not fit one (an index too large).
func wrap(tokens []string, v any) (any, bool) {
	for i := len(tokens) - 1; i >= 0; i-- {
		if record.IsIndex(tokens[i]) {
			n, err := strconv.Atoi(tokens[i])
			if err != nil || n > maxIndex {
				return nil, false
			}
			list := make([]any, n+1)
			list[n] = v
			v = list
			continue
		}
		v = map[string]any{tokens[i]: v}
	}
	return v, true
}
