package publish

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/record"
)

// Every free text of every record is searched on every build, so where the
// texts of a kind of record are is worked out once, from the record's
// type and the schema (textPlan), rather than looked up field by field:
// walking each record by its paths was a fifth of a build after one change.

// textStep is one field of a struct on the way to free texts: a text, a
// list of texts, or a struct (or a pointer to one, or a list of them) with
// texts below it.
type textStep struct {
	index int
	name  string
	free  bool       // a string, or a list of strings, of free text
	sub   []textStep // the steps in the struct below
}

var textPlans sync.Map // record.Kind → []textStep

// textPlan returns the steps to every free text of a record of kind.
func textPlan(kind record.Kind) []textStep {
	if p, ok := textPlans.Load(kind); ok {
		return p.([]textStep)
	}
	p := planOf(kind, reflect.TypeFor[record.Record](), "")
	textPlans.Store(kind, p)
	return p
}

func planOf(kind record.Kind, t reflect.Type, path string) []textStep {
	var out []textStep
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		p := join(path, tag)
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		step := textStep{index: i, name: tag}
		switch ft.Kind() {
		case reflect.String:
			step.free = freeText(kind, p)
		case reflect.Struct:
			step.sub = planOf(kind, ft, p)
		}
		if step.free || len(step.sub) > 0 {
			out = append(out, step)
		}
	}
	return out
}

// textWalk walks the free texts of one record.
type textWalk struct {
	f    func(s *string, w *textWalk) bool
	path []string // the path to the text being visited, segment by segment
}

// Path is the dotted path of the text being visited.
func (w *textWalk) Path() string { return strings.Join(w.path, ".") }

// eachText calls f with each free-text value of r (freeText), until f
// returns false; w.Path() gives the text's path.
func eachText(r *record.Record, f func(s *string, w *textWalk) bool) {
	w := &textWalk{f: f}
	w.steps(reflect.ValueOf(r).Elem(), textPlan(r.Kind))
}

func (w *textWalk) steps(v reflect.Value, steps []textStep) bool {
	for _, st := range steps {
		w.path = append(w.path, st.name)
		ok := w.value(v.Field(st.index), st)
		w.path = w.path[:len(w.path)-1]
		if !ok {
			return false
		}
	}
	return true
}

func (w *textWalk) value(v reflect.Value, st textStep) bool {
	switch v.Kind() {
	case reflect.Pointer:
		return v.IsNil() || w.value(v.Elem(), st)
	case reflect.Slice:
		for i := range v.Len() {
			w.path = append(w.path, strconv.Itoa(i))
			ok := w.value(v.Index(i), st)
			w.path = w.path[:len(w.path)-1]
			if !ok {
				return false
			}
		}
	case reflect.Struct:
		return w.steps(v, st.sub)
	case reflect.String:
		if st.free && v.Len() > 0 {
			return w.f(v.Addr().Interface().(*string), w)
		}
	}
	return true
}
