package record

import (
	"bytes"
	"math"
	"reflect"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// binarySample is a record with a value in every kind of field, and the
// distinctions the binary must keep: a pointer to false and none, an
// empty list and none, an empty block and none.
func binarySample(t testing.TB) *Record {
	t.Helper()
	var r Record
	text := `id: cam-markt
kind: sensor
name: "Camera Markt — één \u0000 teken"
quantity: -12
status: active
owner: {role: Teamleider, email: a@b.example}
personal_data: {processed: "yes", categories: [], special_categories: false}
lifecycle: {start: 2025-03-01, end: '2026-03-01'}
capabilities: [video_recording, live_viewing]
location:
  description: Markt
  point: {lat: 52.09, lon: -5.12e-3}
  polygon: [[5.1, 52.0], [5.2, 52.0], [5.2, 52.1]]
  mobile: false
signage: {}
exceptions:
  - {rule: biometric-ban, until: 2027-01-01}
affects_individuals: false
`
	if err := yaml.Unmarshal([]byte(text), &r); err != nil {
		t.Fatal(err)
	}
	r.File, r.PublicationInvalid = "sensors/cam-markt.yaml", true
	r.Point = &Point{Lat: 52.09, Lon: 5.12}
	return &r
}

func TestBinaryRoundTrip(t *testing.T) {
	for _, r := range []*Record{{}, binarySample(t)} {
		got, err := ReadBinary(AppendBinary(nil, r))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("came back as\n%+v\nwant\n%+v", got, r)
		}
	}
	r := binarySample(t)
	got, _ := ReadBinary(AppendBinary(nil, r))
	for _, c := range []struct {
		what string
		ok   bool
	}{
		{"a pointer to false stays one", got.AffectsIndividuals != nil && !*got.AffectsIndividuals},
		{"no pointer stays none", got.SelfLearning == nil},
		{"an empty list stays one", got.PersonalData.Categories != nil && len(got.PersonalData.Categories) == 0},
		{"no list stays none", got.Themes == nil},
		{"an empty block stays one", got.Signage != nil},
		{"no block stays none", got.DPIA == nil},
	} {
		if !c.ok {
			t.Error(c.what)
		}
	}
}

// TestReadBinaryCopiesNoString: a record read back points into the bytes
// it was read from, for every string, so reading 10,000 records back
// copies nothing; and it reads the same as the record written.
func TestReadBinaryCopiesNoString(t *testing.T) {
	b := AppendBinary(nil, binarySample(t))
	got, err := ReadBinary(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := binarySample(t); !reflect.DeepEqual(got, want) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, want)
	}
	from, to := uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))+uintptr(len(b))
	strs := 0
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Len() == 0 {
				return
			}
			strs++
			if p := uintptr(unsafe.Pointer(unsafe.StringData(v.String()))); p < from || p+uintptr(v.Len()) > to {
				t.Errorf("the string %q is a copy, not the bytes read", v.String())
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(got).Elem())
	if strs < 10 {
		t.Fatalf("the sample has %d strings: too few to tell", strs)
	}
}

// TestBinaryCoversTheRecord: every kind of field the record type holds,
// however deep, has a binary form; a new field of another kind fails
// here rather than in a user's build.
func TestBinaryCoversTheRecord(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem(), path+"[]")
		case reflect.Struct:
			for _, i := range exportedFields(ty) {
				f := ty.Field(i)
				walk(f.Type, path+"."+f.Name)
			}
		default:
			t.Errorf("%s: a %s has no binary form", path, ty)
		}
	}
	walk(reflect.TypeFor[Record](), "Record")
}

// TestBinaryRefusesDamage: whatever the bytes, ReadBinary returns an error
// or a record, never panics, and allocates no more than the bytes could
// hold.
func TestBinaryRefusesDamage(t *testing.T) {
	good := AppendBinary(nil, binarySample(t))
	cases := [][]byte{
		nil,
		good[:len(good)-1],
		append(bytes.Clone(good), 0),
		{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, // an id as long as memory
		bytes.Repeat([]byte{0x80}, 64),
	}
	// A list that claims billions of items after a valid id.
	id := AppendBinary(nil, &Record{ID: "x"})
	cases = append(cases, append(id[:3:3], 0xff, 0xff, 0xff, 0xff, 0x0f))
	// A position that is no number: no record holds one, as the reader
	// of YAML refuses them, so these bytes are damage.
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		cases = append(cases, AppendBinary(nil, &Record{ID: "x", Point: &Point{Lat: f, Lon: 5}}))
	}
	for _, b := range cases {
		if r, err := ReadBinary(b); err == nil {
			t.Errorf("% x read as %+v", b, r)
		}
	}
	// Any byte changed: a record or an error, and no panic.
	for i := range good {
		for _, c := range []byte{0, 1, 2, 0x7f, 0x80, 0xff} {
			b := bytes.Clone(good)
			b[i] = c
			ReadBinary(b)
		}
	}
}

func FuzzReadBinary(f *testing.F) {
	f.Add(AppendBinary(nil, binarySample(f)))
	f.Add(AppendBinary(nil, &Record{}))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadBinary(data)
		if err != nil {
			return
		}
		back, err := ReadBinary(AppendBinary(nil, r))
		if err != nil || !reflect.DeepEqual(back, r) {
			t.Fatalf("% x reads as a record that does not come back as it was: %v", data, err)
		}
	})
}

// BenchmarkReadBinary reads records back as the loader's workers do: on
// every core.
func BenchmarkReadBinary(b *testing.B) {
	bin := AppendBinary(nil, binarySample(b))
	b.SetBytes(int64(len(bin)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ReadBinary(bin); err != nil {
				b.Fatal(err)
			}
		}
	})
}
