package publish

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// jsonValue returns what decoding json.Marshal(v) into an any gives (maps,
// lists, strings, float64, bool, nil), made straight from v: the text in
// between was most of Map's cost, and Map runs for every sensor's update
// link on a site (a twentieth of a cold build's CPU). It follows
// encoding/json for the types the record format has: fields by their json
// tags, omitempty, nil pointers, slices and maps as null, numbers as float64,
// invalid UTF-8 as U+FFFD byte by byte. A type with anything else (an
// interface, an embedded struct, a marshaler of its own, a map not keyed by
// text) gives errNotPlain, and the caller goes by the text.
func jsonValue(v reflect.Value) (any, error) {
	enc, err := encoderOf(v.Type())
	if err != nil {
		return nil, err
	}
	return enc(v)
}

// errNotPlain marks a type jsonValue leaves to encoding/json.
var errNotPlain = fmt.Errorf("not a plain type")

// A valueEncoder makes the decoded JSON value of a Go value.
type valueEncoder func(v reflect.Value) (any, error)

// encoders are the encoders made, by type; a type that is not plain holds
// errNotPlain.
var encoders sync.Map // reflect.Type -> valueEncoder or error

func encoderOf(t reflect.Type) (valueEncoder, error) {
	if e, ok := encoders.Load(t); ok {
		if err, bad := e.(error); bad {
			return nil, err
		}
		return e.(valueEncoder), nil
	}
	enc, err := makeEncoder(t, map[reflect.Type]*valueEncoder{})
	if err != nil {
		encoders.Store(t, err)
		return nil, err
	}
	encoders.Store(t, enc)
	return enc, nil
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// makeEncoder makes the encoder of type t; seen holds the types being made,
// so a type that holds itself encodes itself.
func makeEncoder(t reflect.Type, seen map[reflect.Type]*valueEncoder) (valueEncoder, error) {
	if e, ok := seen[t]; ok {
		return func(v reflect.Value) (any, error) { return (*e)(v) }, nil
	}
	if t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		return nil, errNotPlain
	}
	e := new(valueEncoder)
	seen[t] = e
	switch t.Kind() {
	case reflect.String:
		*e = func(v reflect.Value) (any, error) { return validText(v.String()), nil }
	case reflect.Bool:
		*e = func(v reflect.Value) (any, error) { return v.Bool(), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		*e = func(v reflect.Value) (any, error) { return float64(v.Int()), nil }
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		*e = func(v reflect.Value) (any, error) { return float64(v.Uint()), nil }
	case reflect.Float64:
		*e = func(v reflect.Value) (any, error) {
			f := v.Float()
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, &json.UnsupportedValueError{Value: v, Str: strconv.FormatFloat(f, 'g', -1, 64)}
			}
			return f, nil
		}
	case reflect.Pointer:
		elem, err := makeEncoder(t.Elem(), seen)
		if err != nil {
			return nil, err
		}
		*e = func(v reflect.Value) (any, error) {
			if v.IsNil() {
				return nil, nil
			}
			return elem(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, errNotPlain // bytes are base64 text
		}
		elem, err := makeEncoder(t.Elem(), seen)
		if err != nil {
			return nil, err
		}
		*e = func(v reflect.Value) (any, error) {
			if v.Kind() == reflect.Slice && v.IsNil() {
				return nil, nil
			}
			out := make([]any, v.Len())
			for i := range out {
				var err error
				if out[i], err = elem(v.Index(i)); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key().Implements(textMarshalerType) {
			return nil, errNotPlain
		}
		elem, err := makeEncoder(t.Elem(), seen)
		if err != nil {
			return nil, err
		}
		*e = func(v reflect.Value) (any, error) {
			if v.IsNil() {
				return nil, nil
			}
			out := make(map[string]any, v.Len())
			for it := v.MapRange(); it.Next(); {
				x, err := elem(it.Value())
				if err != nil {
					return nil, err
				}
				out[validText(it.Key().String())] = x
			}
			return out, nil
		}
	case reflect.Struct:
		type field struct {
			name      string
			index     int
			omitEmpty bool
			encode    valueEncoder
		}
		var fields []field
		names := map[string]bool{}
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() && !f.Anonymous {
				continue
			}
			if f.Anonymous {
				return nil, errNotPlain // promoted fields: left to encoding/json
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			if names[name] || !plainOptions(opts) || !plainKey(name) {
				return nil, errNotPlain
			}
			names[name] = true
			enc, err := makeEncoder(f.Type, seen)
			if err != nil {
				return nil, err
			}
			fields = append(fields, field{name, i, opts == "omitempty", enc})
		}
		*e = func(v reflect.Value) (any, error) {
			out := make(map[string]any, len(fields))
			for _, f := range fields {
				fv := v.Field(f.index)
				if f.omitEmpty && emptyValue(fv) {
					continue
				}
				x, err := f.encode(fv)
				if err != nil {
					return nil, err
				}
				out[f.name] = x
			}
			return out, nil
		}
	default:
		return nil, errNotPlain
	}
	return *e, nil
}

// plainOptions reports whether a json tag's options are those jsonValue
// follows: none, or omitempty.
func plainOptions(opts string) bool { return opts == "" || opts == "omitempty" }

// plainKey reports whether encoding/json takes name as a key as it is: a
// name it refuses makes it use the field's name.
func plainKey(name string) bool {
	for _, c := range name {
		if !(c == '_' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return name != ""
}

// emptyValue is encoding/json's test for omitempty.
func emptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// validText is s as encoding/json writes it and reads it back: each byte
// that is not part of valid UTF-8 becomes U+FFFD.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
