package publish

import (
	"reflect"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

// TestShareableIsWhatACopyCopiesWhole: a view shares a part of its record
// only when a copy of it would be all of it; a map, an interface, or a
// field without a YAML name (which a copy leaves out) makes the part its
// own copy, wherever it sits.
func TestShareableIsWhatACopyCopiesWhole(t *testing.T) {
	type tagged struct {
		Name string `yaml:"name"`
	}
	type withDerived struct {
		Name    string `yaml:"name"`
		Derived string `yaml:"-"`
	}
	type withUntagged struct {
		Name string `yaml:"name"`
		Note string
	}
	type withMap struct {
		Extra map[string]string `yaml:"extra"`
	}
	type withAny struct {
		Value any `yaml:"value"`
	}
	type nested struct {
		Items []*withUntagged `yaml:"items"`
	}
	tests := []struct {
		value any
		want  bool
	}{
		{"text", true},
		{tagged{}, true},
		{[]tagged{}, true},
		{&tagged{}, true},
		{withDerived{}, false},
		{withUntagged{}, false},
		{withMap{}, false},
		{withAny{}, false},
		{nested{}, false},
		{record.Supplier{}, true},
		{record.Location{}, true},
	}
	for _, tt := range tests {
		if got := shareable(reflect.TypeOf(tt.value)); got != tt.want {
			t.Errorf("shareable(%T) = %v, want %v", tt.value, got, tt.want)
		}
	}
}
