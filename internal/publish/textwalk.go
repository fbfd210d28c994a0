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
	fs := yamlFields(t)
	for _, tag := range fs.names {
		i := fs.index[tag]
		p := join(path, tag)
		ft := t.Field(i).Type
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
	f func(s *string, w *textWalk) bool
	// at is the way to the text being visited: a field's name, or an
	// element's index (name ""), one segment each.
	at []segment
}

type segment struct {
	name  string
	index int
}

// Path is the dotted path of the text being visited, made only when asked
// for: most walks never ask.
func (w *textWalk) Path() string {
	var b strings.Builder
	for i, s := range w.at {
		if i > 0 {
			b.WriteByte('.')
		}
		if s.name != "" {
			b.WriteString(s.name)
		} else {
			b.WriteString(strconv.Itoa(s.index))
		}
	}
	return b.String()
}

// eachText calls f with each free-text value of r (freeText), until f
// returns false; w.Path() gives the text's path.
func eachText(r *record.Record, f func(s *string, w *textWalk) bool) {
	w := &textWalk{f: f, at: make([]segment, 0, 8)}
	w.steps(reflect.ValueOf(r).Elem(), textPlan(r.Kind))
}

func (w *textWalk) steps(v reflect.Value, steps []textStep) bool {
	for i := range steps {
		st := &steps[i]
		w.at = append(w.at, segment{name: st.name})
		ok := w.value(v.Field(st.index), st)
		w.at = w.at[:len(w.at)-1]
		if !ok {
			return false
		}
	}
	return true
}

func (w *textWalk) value(v reflect.Value, st *textStep) bool {
	switch v.Kind() {
	case reflect.String:
		if p := (*string)(v.Addr().UnsafePointer()); st.free && *p != "" {
			return w.f(p, w)
		}
	case reflect.Struct:
		return w.steps(v, st.sub)
	case reflect.Pointer:
		return v.IsNil() || w.value(v.Elem(), st)
	case reflect.Slice:
		for i := range v.Len() {
			w.at = append(w.at, segment{index: i})
			ok := w.value(v.Index(i), st)
			w.at = w.at[:len(w.at)-1]
			if !ok {
				return false
			}
		}
	}
	return true
}
