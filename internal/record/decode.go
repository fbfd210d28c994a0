package record

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unique"
)

// FromValue fills r from a record's JSON-compatible value (as the source
// package produces: map[string]any, []any, string, json.Number, bool, nil),
// following the yaml tags of the model. It is the loader's decoder: the
// value is already typed and validated, so this is a plain walk rather than
// a second YAML decode. Values of the wrong type are skipped: the schema has
// reported them, and the rest of the record still loads.
func FromValue(v any, r *Record) {
	Decode(v, r, false)
}

// Decode is FromValue with the record's strings shared when share is
// set: a register's records repeat most of their values (the organisation,
// the owner, a supplier, a legal basis: four in five bytes of values in a
// generated register, much the same in real ones), and a caller that keeps
// many records keeps each value once. The one copy is the unique package's
// (unique.Make), which forgets a value no record holds any more.
func Decode(v any, r *Record, share bool) {
	assign(reflect.ValueOf(r).Elem(), v, share)
}

// shared returns the one copy of x when share is set, else x.
func shared(x string, share bool) string {
	if !share || x == "" {
		return x
	}
	return unique.Make(x).Value()
}

type fieldInfo struct {
	name  string
	index int
}

var fieldCache sync.Map // reflect.Type -> []fieldInfo

func fieldsOf(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var fs []fieldInfo
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		fs = append(fs, fieldInfo{name: tag, index: i})
	}
	fieldCache.Store(t, fs)
	return fs
}

func assign(dst reflect.Value, v any, share bool) {
	if v == nil {
		return
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if _, isMap := v.(map[string]any); dst.Type().Elem().Kind() == reflect.Struct && !isMap {
			return // a structure given as something else stays absent
		}
		p := reflect.New(dst.Type().Elem())
		assign(p.Elem(), v, share)
		dst.Set(p)
	case reflect.String:
		switch x := v.(type) {
		case string:
			dst.SetString(shared(x, share))
		case json.Number:
			dst.SetString(x.String())
		case bool:
			dst.SetString(strconv.FormatBool(x))
		}
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			dst.SetBool(b)
		}
	case reflect.Int, reflect.Int64:
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				dst.SetInt(i)
			}
		}
	case reflect.Float64:
		if n, ok := v.(json.Number); ok {
			if f, err := n.Float64(); err == nil {
				dst.SetFloat(f)
			}
		}
	case reflect.Slice:
		items, ok := v.([]any)
		if !ok {
			return
		}
		sl := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			assign(sl.Index(i), item, share)
		}
		dst.Set(sl)
	case reflect.Array:
		items, ok := v.([]any)
		if !ok {
			return
		}
		for i := 0; i < dst.Len() && i < len(items); i++ {
			assign(dst.Index(i), items[i], share)
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for _, f := range fieldsOf(dst.Type()) {
			if val, ok := m[f.name]; ok {
				assign(dst.Field(f.index), val, share)
			}
		}
	}
}
