package register

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/record"
)

// New lists the records sensors first, then by id, then by file, however
// they are given, and ByID finds the first of an id in that order.
func TestNewListsRecordsInOrder(t *testing.T) {
	rec := func(k record.Kind, id, file string) *record.Record {
		return &record.Record{Kind: k, ID: id, File: file}
	}
	want := []*record.Record{
		rec(record.Sensor, "cam-a", "sensors/cam-a.yaml"),
		rec(record.Sensor, "cam-a-b", "sensors/cam-a-b.yaml"),
		rec(record.Sensor, "dup", "sensors/dup.yaml"),
		rec(record.Sensor, "dup", "sensors/dup2.yaml"),
		rec(record.Algorithm, "alg", "algorithms/alg.yaml"),
	}
	tests := []struct {
		name  string
		given []int // want's records, in this order
	}{
		{"in order", []int{0, 1, 2, 3, 4}},
		{"as files are listed", []int{1, 0, 2, 3, 4}},
		{"algorithms first", []int{4, 0, 1, 2, 3}},
		{"reversed", []int{4, 3, 2, 1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var given []*record.Record
			for _, i := range tt.given {
				given = append(given, want[i])
			}
			reg := New("", nil, given)
			if !slices.Equal(reg.Records, want) {
				var got []string
				for _, r := range reg.Records {
					got = append(got, r.File)
				}
				t.Errorf("records in the order %v", got)
			}
			if reg.ByID("dup") != want[2] {
				t.Errorf("ByID(dup) is %s, want the first in order", reg.ByID("dup").File)
			}
		})
	}
}

// TestByIDIsTheFileNamedAfterTheID: of records sharing an id, the one the
// id names is the file named after it, wherever it sorts, so the site
// publishes the record the load does not report as a second of its id;
// among files none of which is named after it, the first.
func TestByIDIsTheFileNamedAfterTheID(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"named after the id, sorting last", []string{"sensors/-dash.yaml", "sensors/UPPER.yaml", "sensors/cam.yaml"}, "sensors/cam.yaml"},
		{"named after the id, sorting first", []string{"sensors/cam.yaml", "sensors/cam2.yaml"}, "sensors/cam.yaml"},
		{"none named after it", []string{"sensors/b.yaml", "sensors/a.yaml"}, "sensors/a.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []*record.Record
			for _, f := range tt.files {
				recs = append(recs, &record.Record{ID: "cam", Kind: record.Sensor, File: f})
			}
			reg := New("", nil, recs)
			if got := reg.ByID("cam"); got == nil || got.File != tt.want {
				t.Fatalf("ByID(cam) = %+v, want the record of %s", got, tt.want)
			}
			for _, r := range reg.Records {
				if reg.Publishable(r) != (r.File == tt.want) {
					t.Errorf("Publishable(%s) = %v", r.File, reg.Publishable(r))
				}
			}
		})
	}
}
