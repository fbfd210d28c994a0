package packet

import (
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/principle"
)

// value returns the word for an enum value of a field, or the value itself.
func (L *Labels) value(field, v string) string {
	return label.Value(L.lang, field, v)
}

// field returns the label of a dotted field path, as a list of facts or
// changes names it (field.Standalone).
func (L *Labels) field(path string) string {
	l, _ := field.Standalone(L.lang, path)
	return l
}

// principleLabel returns the label of a reference in the principles'
// catalogue, or "" when unknown.
func (L *Labels) principleLabel(ref string) string {
	if p, ok := principle.Find(ref); ok {
		return L.pick(p.Label)
	}
	return ""
}
