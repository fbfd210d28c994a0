package record

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// FromValue fills r from a record's JSON-compatible value (as the source
// package produces: map[string]any, []any, string, json.Number, bool, nil),
// following the yaml tags of the model. It is the loader's decoder: the
// value is already typed and validated, so this is a plain walk rather than
// a second YAML decode. Values of the wrong type are skipped: the schema has
// reported them, and the rest of the record still loads.
func FromValue(v any, r *Record) {
	assign(reflect.ValueOf(r).Elem(), v)
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

func assign(dst reflect.Value, v any) {
	if v == nil {
		return
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if _, isMap := v.(map[string]any); dst.Type().Elem().Kind() == reflect.Struct && !isMap {
			return // a structure given as something else stays absent
		}
		p := reflect.New(dst.Type().Elem())
		assign(p.Elem(), v)
		dst.Set(p)
	case reflect.String:
		switch x := v.(type) {
		case string:
			dst.SetString(x)
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
		s := reflect.MakeSlice(dst.Type(), len(items), len(items))
		for i, item := range items {
			assign(s.Index(i), item)
		}
		dst.Set(s)
	case reflect.Array:
		items, ok := v.([]any)
		if !ok {
			return
		}
		for i := 0; i < dst.Len() && i < len(items); i++ {
			assign(dst.Index(i), items[i])
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for _, f := range fieldsOf(dst.Type()) {
			if val, ok := m[f.name]; ok {
				assign(dst.Field(f.index), val)
			}
		}
	}
}
