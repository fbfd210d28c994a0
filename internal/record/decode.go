package record

import (
	"encoding/json"
	"hash/maphash"
	"math"
	"math/big"
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
	Decode(v, r, nil)
}

// Decode is FromValue with the record's strings shared through s: a
// register's records repeat most of their values (the organisation, the
// owner, a supplier, a legal basis: four in five bytes of values in a
// generated register, much the same in real ones), and a caller that keeps
// many records keeps each value once. A nil s shares nothing.
func Decode(v any, r *Record, s *Strings) {
	f := s.front()
	defer f.release()
	assign(reflect.ValueOf(r).Elem(), v, f)
	if m, ok := v.(map[string]any); ok {
		if _, given := m["quantity"]; given && (r.Quantity < 1 || r.Quantity > MaxQuantity) {
			r.QuantityInvalid = true
		}
	}
}

// Strings holds one copy of each string decoded through it; it is safe
// for use by several goroutines. The zero value is ready to use. It is a
// map rather than the unique package, which held some 9 % more memory at
// 30,000 records. The map is split in shards, each with its own lock: the
// loader's workers hold every string of every record through it, and with
// one lock they took turns.
type Strings struct {
	shards [stringShards]stringShard
}

const stringShards = 16

type stringShard struct {
	mu sync.Mutex
	m  map[string]string
	_  [48]byte // a shard to a cache line, so that two locks do not share one
}

// front is a small table in front of a Strings that one decode uses
// without taking a lock: a record's strings are mostly short values that
// every record repeats (a kind, a status, a date, the organisation), and
// looking each up in the shared, locked map was two thirds of reading a
// record back from the parse cache, when that held its strings here too
// (ReadBinary now points them into the cache's bytes). A slot holds the
// string the Strings holds, so what a front returns is shared just the
// same.
type front struct {
	s    *Strings
	slot [frontSize]string
}

// frontSize is a front's number of slots, a power of two: 64 kB of
// string headers, which stay in the processor's cache.
const frontSize = 1 << 12

// frontMax is the longest string a front keeps: a longer one is mostly a
// record's own text, which no other record repeats.
const frontMax = 64

var (
	fronts    sync.Pool // of *front
	frontSeed = maphash.MakeSeed()
)

// front returns a front for one decode through s (nil for a nil s);
// release hands it back.
func (s *Strings) front() *front {
	if s == nil {
		return nil
	}
	f, _ := fronts.Get().(*front)
	switch {
	case f == nil:
		f = &front{s: s}
	case f.s != s:
		// Another register's strings: none of them may be handed out.
		*f = front{s: s}
	}
	return f
}

func (f *front) release() {
	if f != nil {
		fronts.Put(f)
	}
}

// get returns the copy of x held, holding x when there is none: from
// the slot of x by its hash, else from the Strings behind the front.
func (f *front) get(x string) string {
	if f == nil || len(x) > frontMax {
		return f.hold(x)
	}
	i := maphash.String(frontSeed, x) & (frontSize - 1)
	if y := f.slot[i]; y == x {
		return y
	}
	y := f.hold(x)
	f.slot[i] = y
	return y
}

// hold returns the copy of x the Strings behind f holds, holding x when
// there is none; x itself without a Strings. The shard follows from the
// string's length and two of its bytes, which cost nothing to read.
func (f *front) hold(x string) string {
	if f == nil || len(x) == 0 {
		return x
	}
	sh := &f.s.shards[(len(x)+int(x[0])+int(x[len(x)/2]))%stringShards]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if y, ok := sh.m[x]; ok {
		return y
	}
	if sh.m == nil {
		sh.m = map[string]string{}
	}
	sh.m[x] = x
	return x
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

func assign(dst reflect.Value, v any, s *front) {
	if v == nil {
		return
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if _, isMap := v.(map[string]any); dst.Type().Elem().Kind() == reflect.Struct && !isMap {
			return // a structure given as something else stays absent
		}
		p := reflect.New(dst.Type().Elem())
		assign(p.Elem(), v, s)
		dst.Set(p)
	case reflect.String:
		switch x := v.(type) {
		case string:
			dst.SetString(s.get(x))
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
			if i, ok := WholeNumber(n); ok && !dst.OverflowInt(i) {
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
			assign(sl.Index(i), item, s)
		}
		dst.Set(sl)
	case reflect.Array:
		items, ok := v.([]any)
		if !ok {
			return
		}
		for i := 0; i < dst.Len() && i < len(items); i++ {
			assign(dst.Index(i), items[i], s)
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		for _, f := range fieldsOf(dst.Type()) {
			if val, ok := m[f.name]; ok {
				assign(dst.Field(f.index), val, s)
			}
		}
	}
}

// WholeNumber is the whole number n holds exactly, in whatever form the
// YAML reader wrote it: "12", or "1e+06" for a number written 1e6 or
// 1000000.0, which is whole all the same and which the schema's
// "integer" takes. ok is false for a number with a fraction and for one
// past what an int64 holds: the model has no value for it, and the
// schema's bounds report it (quantity's maximum), so that no output
// shows another number in its place.
func WholeNumber(n json.Number) (int64, bool) {
	if i, err := n.Int64(); err == nil {
		return i, true
	}
	// Out of an int64's range before big.Rat is asked: "1e+99999999"
	// would be 10^99999999 to it.
	if f, err := strconv.ParseFloat(n.String(), 64); err != nil || math.Abs(f) > 1<<63 {
		return 0, false
	}
	r, ok := new(big.Rat).SetString(n.String())
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}
