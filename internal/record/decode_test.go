package record

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// FromValue must read a record exactly as decoding the YAML into the model
// does, for every kind of field.
func TestFromValueMatchesYAMLDecoding(t *testing.T) {
	text := `id: cam-markt
kind: sensor
name: Camera Markt
quantity: 12
status: active
owner: {role: Teamleider, email: a@b.example}
personal_data: {processed: "yes", categories: [beelden], special_categories: false}
lifecycle: {start: 2025-03-01, end: '2026-03-01'}
capabilities: [video_recording, live_viewing]
location:
  description: Markt
  point: {lat: 52.09, lon: 5.12}
  polygon: [[5.1, 52.0], [5.2, 52.0], [5.2, 52.1]]
  mobile: false
signage: {present: true}
exceptions:
  - {rule: biometric-ban, until: 2027-01-01}
affects_individuals: true
`
	var want Record
	if err := yaml.Unmarshal([]byte(text), &want); err != nil {
		t.Fatal(err)
	}
	// The same value as the source package builds it.
	value := map[string]any{
		"id": "cam-markt", "kind": "sensor", "name": "Camera Markt", "quantity": json.Number("12"), "status": "active",
		"owner":         map[string]any{"role": "Teamleider", "email": "a@b.example"},
		"personal_data": map[string]any{"processed": "yes", "categories": []any{"beelden"}, "special_categories": false},
		"lifecycle":     map[string]any{"start": "2025-03-01", "end": "2026-03-01"},
		"capabilities":  []any{"video_recording", "live_viewing"},
		"location": map[string]any{"description": "Markt", "point": map[string]any{"lat": json.Number("52.09"), "lon": json.Number("5.12")},
			"polygon": []any{[]any{json.Number("5.1"), json.Number("52.0")}, []any{json.Number("5.2"), json.Number("52.0")}, []any{json.Number("5.2"), json.Number("52.1")}},
			"mobile":  false},
		"signage":             map[string]any{"present": true},
		"exceptions":          []any{map[string]any{"rule": "biometric-ban", "until": "2027-01-01"}},
		"affects_individuals": true,
	}
	var got Record
	FromValue(value, &got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FromValue:\n%+v\nyaml:\n%+v", got, want)
	}
}

func TestFromValueSkipsWrongTypes(t *testing.T) {
	var r Record
	FromValue(map[string]any{
		"id": "x", "quantity": "many", "capabilities": "video_recording", "owner": "nobody",
		"location": map[string]any{"point": []any{1}}, "lifecycle": map[string]any{"start": json.Number("2025")},
	}, &r)
	if r.ID != "x" || r.Quantity != 0 || r.Capabilities != nil || r.Owner.Role != "" || r.Location.Point != nil || r.Lifecycle.Start != "2025" {
		t.Errorf("%+v", r)
	}
}

// Records decoded through one Strings read as FromValue reads them, and
// keep each value once: the second record's values are the first's.
func TestDecodeSharesEqualStrings(t *testing.T) {
	value := func(id string) map[string]any {
		return map[string]any{
			// Values made anew for each record, as each file's parse does.
			"id": id, "kind": string([]byte("sensor")), "name": string([]byte("Camera Markt")),
			"owner":        map[string]any{"role": string([]byte("Teamleider")), "email": string([]byte("a@b.example"))},
			"capabilities": []any{string([]byte("video_recording"))},
		}
	}
	var strs Strings
	var first, second, plain Record
	Decode(value("cam-1"), &first, &strs)
	Decode(value("cam-2"), &second, &strs)
	FromValue(value("cam-2"), &plain)
	if !reflect.DeepEqual(second, plain) {
		t.Errorf("Decode:\n%+v\nFromValue:\n%+v", second, plain)
	}
	for _, tc := range []struct {
		field      string
		a, b       string
		wantShared bool
	}{
		{"kind", string(first.Kind), string(second.Kind), true},
		{"name", first.Name, second.Name, true},
		{"owner.role", first.Owner.Role, second.Owner.Role, true},
		{"capabilities", first.Capabilities[0], second.Capabilities[0], true},
		{"id", first.ID, second.ID, false},
	} {
		if shared := unsafe.StringData(tc.a) == unsafe.StringData(tc.b); shared != tc.wantShared {
			t.Errorf("%s: %q and %q share their bytes: %v, want %v", tc.field, tc.a, tc.b, shared, tc.wantShared)
		}
	}
	// Without a Strings nothing is shared.
	var third Record
	Decode(value("cam-3"), &third, nil)
	if unsafe.StringData(third.Name) == unsafe.StringData(first.Name) {
		t.Error("Decode without Strings shared a value")
	}
}

// Each Strings keeps its own copies, though the tables in front of them
// (front) are handed from one decode to the next: a record decoded
// through a second Strings shares no value with the first's, and records
// decoded through the same one share theirs.
func TestStringsOfAnotherRegisterAreNotHandedOut(t *testing.T) {
	// Values made anew for each record, as each file's parse does.
	value := func() map[string]any {
		return map[string]any{"id": "cam-1", "kind": string([]byte("sensor")), "name": string([]byte("Camera Markt"))}
	}
	for _, tc := range []struct {
		name string
		read func(s *Strings) *Record
	}{
		{"Decode", func(s *Strings) *Record {
			var r Record
			Decode(value(), &r, s)
			return &r
		}},
	} {
		var one, two Strings
		a, b, c := tc.read(&one), tc.read(&two), tc.read(&two)
		for _, f := range []struct{ field, x, y, z string }{
			{"kind", string(a.Kind), string(b.Kind), string(c.Kind)},
			{"name", a.Name, b.Name, c.Name},
		} {
			if unsafe.StringData(f.x) == unsafe.StringData(f.y) {
				t.Errorf("%s: the %s read through a second Strings is the first's", tc.name, f.field)
			}
			if unsafe.StringData(f.y) != unsafe.StringData(f.z) {
				t.Errorf("%s: two records read through one Strings do not share their %s", tc.name, f.field)
			}
		}
	}
}

// TestDecodeMatchesYAMLForEveryField gives every field of the model a
// value, as the source package builds it, and decodes it both ways: a
// field the decoder skips or reads differently from the YAML decoder fails
// here.
func TestDecodeMatchesYAMLForEveryField(t *testing.T) {
	var valueOf func(ty reflect.Type, n int) any
	valueOf = func(ty reflect.Type, n int) any {
		switch ty.Kind() {
		case reflect.Pointer:
			return valueOf(ty.Elem(), n)
		case reflect.String:
			return "text " + strconv.Itoa(n)
		case reflect.Bool:
			return true
		case reflect.Int, reflect.Int64:
			return json.Number(strconv.Itoa(n + 1))
		case reflect.Float64:
			return json.Number(strconv.Itoa(n) + ".25")
		case reflect.Slice, reflect.Array:
			size := 2
			if ty.Kind() == reflect.Array {
				size = ty.Len()
			}
			items := make([]any, size)
			for i := range items {
				items[i] = valueOf(ty.Elem(), n+i)
			}
			return items
		case reflect.Struct:
			m := map[string]any{}
			for i := range ty.NumField() {
				if name, _, _ := strings.Cut(ty.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
					m[name] = valueOf(ty.Field(i).Type, n+i)
				}
			}
			return m
		}
		t.Fatalf("no value for %v", ty)
		return nil
	}
	value := valueOf(reflect.TypeFor[Record](), 0)
	// The YAML encoder writes a json.Number as a string: numbers as Go's.
	var numbers func(v any) any
	numbers = func(v any) any {
		switch x := v.(type) {
		case json.Number:
			if i, err := x.Int64(); err == nil {
				return i
			}
			f, _ := x.Float64()
			return f
		case []any:
			out := make([]any, len(x))
			for i := range x {
				out[i] = numbers(x[i])
			}
			return out
		case map[string]any:
			out := map[string]any{}
			for k, e := range x {
				out[k] = numbers(e)
			}
			return out
		}
		return v
	}
	text, err := yaml.Marshal(numbers(value))
	if err != nil {
		t.Fatal(err)
	}
	var want Record
	if err := yaml.Unmarshal(text, &want); err != nil {
		t.Fatal(err)
	}
	var got, shared Record
	FromValue(value, &got)
	Decode(value, &shared, &Strings{})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FromValue:\n%+v\nyaml:\n%+v", got, want)
	}
	if !reflect.DeepEqual(shared, want) {
		t.Errorf("Decode:\n%+v\nyaml:\n%+v", shared, want)
	}
	if bytes.Count(text, []byte("text ")) < 100 {
		t.Errorf("only %d texts in the value: the test misses fields", bytes.Count(text, []byte("text ")))
	}
}

// Devices is the quantity where it is a count, 1 where none is given, and
// not known where the quantity given is no count (the schema reports it):
// no output shows the default in place of a value the register states.
func TestDevicesIsKnownOnlyFromACount(t *testing.T) {
	for _, tt := range []struct {
		yaml  string
		n     int
		known bool
	}{
		{"id: a", 1, true},
		{"quantity: 12", 12, true},
		{"quantity: 1", 1, true},
		{"quantity: 1e3", 1000, true},
		{"quantity: 0", 0, false},
		{"quantity: -3", 0, false},
		{"quantity: veel", 0, false},
		{`quantity: "12"`, 0, false},
		{"quantity: 2.5", 0, false},
		{"quantity:", 0, false},
		{"quantity: 99999999999999999999", 0, false},
		{"quantity: 9007199254740991", MaxQuantity, true},
		{"quantity: 9007199254740992", 0, false},
		{"quantity: 9223372036854775807", 0, false},
		// Withheld is not unknown: the committee's packet shows it.
		{"quantity: 7\npublication: {withheld: [quantity], reason: Woo}", 7, true},
	} {
		var v any
		if err := yaml.Unmarshal([]byte(tt.yaml), &v); err != nil {
			t.Fatal(err)
		}
		var r Record
		FromValue(jsonValue(t, v), &r)
		if n, known := r.Devices(); n != tt.n || known != tt.known {
			t.Errorf("%q: Devices() = %d, %v; want %d, %v", tt.yaml, n, known, tt.n, tt.known)
		}
		if back, err := ReadBinary(AppendBinary(nil, &r)); err != nil || back.QuantityInvalid != r.QuantityInvalid {
			t.Errorf("%q: the binary form does not keep QuantityInvalid (%v)", tt.yaml, err)
		}
	}
}

// jsonValue turns what YAML decodes to into the source package's form:
// numbers as json.Number.
func jsonValue(t *testing.T, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = jsonValue(t, e)
		}
	case []any:
		for i, e := range x {
			x[i] = jsonValue(t, e)
		}
	case int:
		return json.Number(strconv.Itoa(x))
	case float64:
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64))
	}
	return v
}

// MaxQuantity is the schema's maximum of quantity: one fact, held here to
// the schema a user's editor reads.
func TestMaxQuantityIsTheSchemas(t *testing.T) {
	data, err := os.ReadFile("../../schema/sensor.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties struct {
			Quantity struct {
				Maximum json.Number `json:"maximum"`
			} `json:"quantity"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if got := s.Properties.Quantity.Maximum.String(); got != strconv.Itoa(MaxQuantity) {
		t.Errorf("the schema's maximum is %s, MaxQuantity %d", got, MaxQuantity)
	}
}
