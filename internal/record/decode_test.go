package record

import (
	"encoding/json"
	"reflect"
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
