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
// The history cannot tell a key written as a number from a list's index
// ("0" under vendor), so it judges more than Check: any mapping at any
// depth, a list's element too, that holds withheld or public, or a key
// named like a block, that is no field of kind (blockBelow).
func touchesMisreadBlock(c fielddiff.Change, kind record.Kind) bool {
	tokens := source.SplitPointer(c.Path)
	if len(tokens) == 0 {
		return false // the whole record: FromValue checks it
	}
	for _, v := range []any{c.Old, c.New} {
		p := placed(tokens, v)
		m, _ := p.(map[string]any)
		if len(misspeltPublication(m, kind)) > 0 || len(nestedPublication(m, kind)) > 0 || blockBelow(p, kind) {
			return true
		}
	}
	return false
}

// blockBelow reports whether the value v, placed in a record of kind,
// holds below its publication block a key that is no field of kind and
// is withheld or public, or named like a block (namedLikeBlock), in a
// mapping at any depth, a list's element too.
func blockBelow(v any, kind record.Kind) bool {
	known := schemaOf(kind).known
	var walk func(v any, dotted string) bool
	walk = func(v any, dotted string) bool {
		switch t := v.(type) {
		case map[string]any:
			for k, e := range t {
				if dotted == "" && k == "publication" {
					continue // the block itself: RulesBefore undoes it
				}
				path := k
				if dotted != "" {
					path = dotted + "." + k
				}
				if !known[path] && (k == "withheld" || k == "public" || namedLikeBlock(k)) {
					return true
				}
				if walk(e, path) {
					return true
				}
			}
		case []any:
			// A list's elements are at the list's path, as a field's
			// path has no indexes.
			for _, e := range t {
				if walk(e, dotted) {
					return true
				}
			}
		}
		return false
	}
	return walk(v, "")
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
