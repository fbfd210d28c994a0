package site

import (
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Each record keeps its own findings, in the order given, however they
// come: one record's after another's, a record's again after another's,
// more than fill one part of the array they are kept in, and a finding
// that names only its record's file.
func TestGatherKeepsEachRecordsFindings(t *testing.T) {
	var recs []*record.Record
	for _, id := range []string{"aa", "bb", "cc"} {
		recs = append(recs, &record.Record{ID: id, Kind: record.Sensor, Name: id, File: "sensors/" + id + ".yaml"})
	}
	reg := register.New("", nil, recs)
	var given []finding.Finding
	want := map[string][]int{}
	add := func(id string, n int, named bool) {
		for range n {
			line := len(given) + 1
			f := finding.Finding{File: "sensors/" + id + ".yaml", Line: line, Rule: "r", Severity: finding.Warning}
			if named {
				f.Record = id
			}
			given = append(given, f)
			want[id] = append(want[id], line)
		}
	}
	add("aa", 3000, true)
	add("bb", 2000, true) // past the first part of 4,096
	add("aa", 10, true)   // aa's again
	add("cc", 1, false)   // by its file
	add("bb", 5000, true) // more than a part
	b, err := newBuilder(reg, Options{Now: buildNow, Findings: given}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	for id, lines := range want {
		kept := b.findings[id]
		if len(kept) != len(lines) {
			t.Errorf("%s keeps %d findings, want %d", id, len(kept), len(lines))
			continue
		}
		for i, k := range kept {
			if f := k.finding(id); f.Line != lines[i] || f.File != "sensors/"+id+".yaml" {
				t.Errorf("%s's finding %d is at %s:%d, want line %d", id, i, f.File, f.Line, lines[i])
				break
			}
		}
	}
}
