package record

import (
	"reflect"
	"slices"
	"strings"
)

// Shape is how a leaf field of the record holds its value.
type Shape int

// The shapes a leaf can have.
const (
	ShapeText    Shape = iota // a string (text, date, URL, enumerated value)
	ShapeBool                 // true or false
	ShapeInt                  // a whole number
	ShapeFloat                // a decimal number
	ShapeList                 // a list of strings
	ShapeObjects              // a list of objects or of coordinate pairs
)

// Leaf is one field of the record format that holds a value rather than
// further fields: "owner.email", "themes", "decisions".
type Leaf struct {
	Path  string // dotted JSON names, e.g. "source_code.unavailable_reason"
	Shape Shape
	// Kind is the kind of record the field belongs to; "" for both.
	Kind Kind
	// index is the path of struct field indexes from Record to the field.
	index []int
}

// Get returns the field's value in the record, and false when the record
// does not have it: a parent or the field is a nil pointer, or a list is
// empty. The value is a string, bool, int, float64, []string, or for
// ShapeObjects the slice itself.
func (l Leaf) Get(r *Record) (any, bool) {
	v := reflect.ValueOf(r).Elem()
	for _, i := range l.index {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return nil, false
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Slice && v.Len() == 0 {
		return nil, false
	}
	if v.Kind() == reflect.String {
		return v.String(), true // a named string type (Kind) as plain text
	}
	return v.Interface(), true
}

// sensorOnly and algorithmOnly are the top-level keys of one kind, as the
// record format's "sensor only" and "algorithm only" tables list them.
var (
	sensorOnly    = map[string]bool{"sensor_type": true, "camera_regime": true, "measures": true, "quantity": true, "location": true, "signage": true, "minimisation": true, "vendor": true}
	algorithmOnly = map[string]bool{"algorithm_type": true, "role": true, "affects_individuals": true, "publication_category": true, "human_oversight": true, "explanation": true, "self_learning": true, "datasets": true, "source_code": true, "objection": true, "uses_sensors": true, "national_register": true}
)

// Leaves lists every leaf field of the record format in the order the
// record type declares them, so a writer that carries "every field" stays
// complete when a field is added to the model.
func Leaves() []Leaf {
	var out []Leaf
	var walk func(t reflect.Type, prefix string, kind Kind, index []int)
	walk = func(t reflect.Type, prefix string, kind Kind, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			path := prefix + name
			idx := append(slices.Clone(index), i)
			k := kind
			if prefix == "" {
				switch {
				case sensorOnly[name]:
					k = Sensor
				case algorithmOnly[name]:
					k = Algorithm
				}
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch ft.Kind() {
			case reflect.Struct:
				walk(ft, path+".", k, idx)
				continue
			case reflect.Slice:
				if ft.Elem().Kind() == reflect.String {
					out = append(out, Leaf{path, ShapeList, k, idx})
				} else {
					out = append(out, Leaf{path, ShapeObjects, k, idx})
				}
			case reflect.Bool:
				out = append(out, Leaf{path, ShapeBool, k, idx})
			case reflect.Int, reflect.Int64:
				out = append(out, Leaf{path, ShapeInt, k, idx})
			case reflect.Float64:
				out = append(out, Leaf{path, ShapeFloat, k, idx})
			default:
				out = append(out, Leaf{path, ShapeText, k, idx})
			}
		}
	}
	walk(reflect.TypeOf(Record{}), "", "", nil)
	return out
}
