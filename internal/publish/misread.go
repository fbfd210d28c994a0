package publish

import (
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// A version whose publication block was misspelt, nested under another
// field or written into a text was held back whole (Check), but what such
// a block said is not in the publication block whose changes RulesBefore
// undoes. So a change that touches what Check would take for a block, at
// any depth, or whose old or new value holds one, leaves the rules on its
// other side unknown: the version is not known to be public.

// touchesMisreadBlock reports whether the change c to a record of kind
// touches what Check takes for a publication block that does not read:
// its path, with its old or its new value there, is judged as a record
// holding only that would be (misspeltPublication, nestedPublication).
func touchesMisreadBlock(c fielddiff.Change, kind record.Kind) bool {
	tokens := source.SplitPointer(c.Path)
	if len(tokens) == 0 {
		return false // the whole record: FromValue checks it
	}
	for _, v := range []any{c.Old, c.New} {
		m, _ := placed(tokens, v).(map[string]any)
		if len(misspeltPublication(m, kind)) > 0 || len(nestedPublication(m, kind)) > 0 {
			return true
		}
	}
	return false
}

// placed is the value v at tokens: below a mapping for a key, below a list
// of one element for an index, whose place in the list no detector needs.
func placed(tokens []string, v any) any {
	for i := len(tokens) - 1; i >= 0; i-- {
		if record.IsIndex(tokens[i]) && i > 0 {
			v = []any{v}
		} else {
			v = map[string]any{tokens[i]: v}
		}
	}
	return v
}
