package publish

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/record"
)

// roundTrip is what jsonValue stands for: the value's JSON text, decoded.
func roundTrip(v any) (any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(data, &out)
	return out, err
}

// texts are strings encoding/json treats with care.
var texts = []string{"", "Camera Markt", "<script>alert(1)</script> & \"quotes\" 'too'", "line\u2028sep\u2029",
	"bad \xff\xfe utf-8 \xc3", "tab\tnew\nline", "é漢🙂", "\x00nul"}

// randomFill sets v to random values, each pointer, slice and map nil,
// empty or filled.
func randomFill(v reflect.Value, rnd *rand.Rand, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(texts[rnd.IntN(len(texts))])
	case reflect.Bool:
		v.SetBool(rnd.IntN(2) == 0)
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 1, -7, 1 << 53, 1<<53 + 1, math.MaxInt64}[rnd.IntN(6)])
	case reflect.Float64:
		v.SetFloat([]float64{0, math.Copysign(0, -1), 0.1, 52.0907, 1e300, 5e-324, 123456789.125}[rnd.IntN(7)])
	case reflect.Pointer:
		if depth > 6 || rnd.IntN(4) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		randomFill(v.Elem(), rnd, depth+1)
	case reflect.Slice:
		switch n := rnd.IntN(4); {
		case n == 0 || depth > 6:
		case n == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				randomFill(v.Index(i), rnd, depth+1)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			randomFill(v.Index(i), rnd, depth+1)
		}
	case reflect.Map:
		if rnd.IntN(3) == 0 {
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		for range rnd.IntN(3) {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			randomFill(k, rnd, depth+1)
			randomFill(e, rnd, depth+1)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				randomFill(v.Field(i), rnd, depth+1)
			}
		}
	}
}

// TestJSONValueIsTheRoundTrip compares jsonValue with encoding/json's text,
// decoded, on records filled at random (every field, each pointer, list
// and text in every shape) and on types the record format may grow.
func TestJSONValueIsTheRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var r record.Record
		randomFill(reflect.ValueOf(&r).Elem(), rnd, 0)
		got, err := jsonValue(reflect.ValueOf(r))
		want, wantErr := roundTrip(r)
		if err != nil || wantErr != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d: jsonValue = %v, %v\nround trip = %v, %v", i, got, err, want, wantErr)
		}
	}

	type node struct {
		Name     string           `json:"name,omitempty"`
		Untagged int              // its Go name
		Kids     []*node          `json:"kids"`
		Counts   map[string]int   `json:"counts,omitempty"`
		Grid     [2][2]float64    `json:"grid"`
		Flags    map[string]*bool `json:"flags"`
		Zero     uint32           `json:"zero,omitempty"`
		skipped  string
		Dropped  string `json:"-"`
	}
	yes := true
	for _, v := range []any{
		node{},
		node{Name: "a\xffb", Untagged: -3, Kids: []*node{{Name: "c"}, nil, {Kids: []*node{}}}, Counts: map[string]int{"x\xfe": 2},
			Grid: [2][2]float64{{1.5, -0.25}, {}}, Flags: map[string]*bool{"on": &yes, "nil": nil}, Zero: 7, skipped: "x", Dropped: "y"},
		[]node{}, map[string]node{"k": {}}, (*node)(nil), &node{Name: "p"},
	} {
		got, err := jsonValue(reflect.ValueOf(v))
		want, wantErr := roundTrip(v)
		if err != nil || wantErr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%#v:\njsonValue = %v, %v\nround trip = %v, %v", v, got, err, want, wantErr)
		}
	}
}

// TestJSONValueLeavesTheRestToEncodingJSON: what it does not follow, it
// refuses, and the caller goes by the text.
func TestJSONValueLeavesTheRestToEncodingJSON(t *testing.T) {
	type inner struct{ A string }
	type embedded struct{ inner }
	type iface struct{ X any }
	type bytes struct{ B []byte }
	type float32s struct{ F float32 }
	type quoted struct {
		N int `json:"n,string"`
	}
	type twice struct { // two fields of one name
		A string `json:"B"`
		B string
	}
	type odd struct {
		A string `json:"a b"`
	}
	type marshals struct{ T time.Time }
	type intKeys struct{ M map[int]string }
	for _, v := range []any{embedded{}, iface{}, bytes{}, float32s{}, quoted{}, twice{}, odd{}, marshals{}, intKeys{}} {
		if _, err := jsonValue(reflect.ValueOf(v)); !errors.Is(err, errNotPlain) {
			t.Errorf("%T: %v, want errNotPlain", v, err)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := jsonValue(reflect.ValueOf(struct{ F float64 }{f}))
		_, want := json.Marshal(struct{ F float64 }{f})
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("%v: %v, encoding/json says %v", f, err, want)
		}
	}
}

// Map goes by jsonValue for the record format's types: none of them is
// left to the text.
func TestMapNeedsNoText(t *testing.T) {
	if _, err := jsonValue(reflect.ValueOf(record.Record{})); err != nil {
		t.Fatal(err)
	}
}
