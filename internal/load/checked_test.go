package load

import (
	"reflect"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
)

// TestCheckedEachIsSlice: the checklist's findings handed over one at a
// time are those of the array, in its order, as many as Len says, with and
// without records kept; both hand them over once.
func TestCheckedEachIsSlice(t *testing.T) {
	gen, v := generated(t, 60, 3)
	check := principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	for _, root := range []string{"../../register", gen} {
		for _, facts := range []bool{false, true} {
			load := func() *Checked {
				res, err := Register(root, Options{Validator: v, Check: &check, Facts: facts})
				if err != nil {
					t.Fatal(err)
				}
				return res.Checked
			}
			a, b := load(), load()
			n := a.Len()
			want := a.Slice(3)
			if len(want) != n || cap(want) < n+3 || n == 0 {
				t.Fatalf("%s: Slice gave %d findings with room for %d, Len %d", root, len(want), cap(want)-len(want), n)
			}
			var got []finding.Finding
			b.Each(func(f *finding.Finding) { got = append(got, *f) })
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (facts %v): Each gave %d findings, Slice %d, or in another order", root, facts, len(got), len(want))
			}
			if again := a.Slice(0); len(again) != 0 {
				t.Errorf("%s: Slice handed %d findings over twice", root, len(again))
			}
			b.Each(func(*finding.Finding) { t.Fatalf("%s: Each handed a finding over twice", root) })
		}
	}
}

// Len is the number of findings.
func (c *Checked) Len() int {
	if c == nil {
		return 0
	}
	return c.n
}
