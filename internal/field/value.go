package field

import (
	"sync"

	"github.com/voorbeeldstad/register/internal/record"
)

// leaves are the model's leaf fields by path, for Value.
var leaves = sync.OnceValue(func() map[string]record.Leaf {
	m := map[string]record.Leaf{}
	for _, l := range record.Leaves() {
		m[l.Path] = l
	}
	return m
})

// Value returns the field's value in record r, and false when r has none:
// an empty text, a missing structure or an empty list. The value is a
// string, bool, int, float64 or []string, or for a list of objects the
// slice itself. A Group holds no value of its own: its fields do.
func (f Field) Value(r *record.Record) (any, bool) {
	l, ok := leaves()[f.Path]
	if !ok {
		return nil, false
	}
	v, ok := l.Get(r)
	if s, isText := v.(string); ok && isText && !record.Says(s) {
		// "-" or a zero-width space is no value: the page says it is
		// not given, as the checklist does.
		return nil, false
	}
	return v, ok
}

// Applies reports whether the need holds for record r: whether the record
// page shows the field as missing ("Niet ingevuld") when r leaves it empty.
func (n Need) Applies(r *record.Record) bool {
	switch n {
	case Always:
		return true
	case IfPersonal:
		return r.ProcessesPersonalData()
	case IfAffects:
		return r.Kind == record.Algorithm && r.AffectsIndividuals != nil && *r.AffectsIndividuals
	case IfAlgorithm:
		return r.Kind == record.Algorithm
	case IfRegime:
		return r.HasRegime()
	}
	return false
}

// Shown returns the fields the record page shows in a section for records
// of kind k, in the table's order: those with a row, a table or a row of
// their own making (Row, Table, Custom).
func Shown(section string, k record.Kind) []Field {
	var out []Field
	for _, f := range In(section, k) {
		if f.Display == Row || f.Display == Table || f.Display == Custom {
			out = append(out, f)
		}
	}
	return out
}
