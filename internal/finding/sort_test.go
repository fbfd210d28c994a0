package finding

import (
	"slices"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

// TestSortOrder: findings by file, line, column, rule and English
// message, each only where those before are equal; findings equal in all
// of these keep their order (told apart here by Record).
func TestSortOrder(t *testing.T) {
	f := func(file string, line, col int, rule, msg, record string) Finding {
		return Finding{File: file, Line: line, Column: col, Rule: rule, Message: label.Text{"nl " + msg, msg}, Record: record}
	}
	want := []Finding{
		f("", 0, 0, "z", "z", "1"),
		f("algorithms/a.yaml", 9, 9, "z", "z", "2"),
		f("sensors/a.yaml", 1, 9, "z", "z", "3"),
		f("sensors/a.yaml", 2, 1, "z", "z", "4"),
		f("sensors/a.yaml", 2, 2, "a", "z", "5"),
		f("sensors/a.yaml", 2, 2, "b", "a", "6"),
		f("sensors/a.yaml", 2, 2, "b", "b", "7"),
		f("sensors/a.yaml", 2, 2, "b", "b", "8"),
		f("sensors/a.yaml", 2, 2, "b", "b", "9"),
		f("sensors/b.yaml", 0, 0, "a", "a", "10"),
	}
	for _, order := range [][]int{{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, {3, 7, 0, 9, 6, 1, 8, 5, 2, 4}} {
		in := make([]Finding, len(order))
		for i, j := range order {
			in[i] = want[j]
		}
		// The three equal findings keep the order they come in.
		var ties []string
		for _, x := range in {
			if x.Rule == "b" && x.Message.In("en") == "b" {
				ties = append(ties, x.Record)
			}
		}
		exp := slices.Clone(want)
		for i, r := range ties {
			exp[6+i].Record = r
		}
		Sort(in)
		if !slices.Equal(in, exp) {
			t.Errorf("from order %v: got %v, want %v", order, records(in), records(exp))
		}
	}
}

func records(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Record
	}
	return out
}
