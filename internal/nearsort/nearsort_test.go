package nearsort

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// Func sorts what slices.Sort sorts, however out of order it comes.
func TestFuncSorts(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	shapes := map[string]func(n int) []int{
		"sorted":   func(n int) []int { return ascending(n) },
		"reversed": func(n int) []int { xs := ascending(n); slices.Reverse(xs); return xs },
		"neighbours swapped": func(n int) []int {
			xs := ascending(n)
			for i := 0; i+1 < n; i += 7 {
				xs[i], xs[i+1] = xs[i+1], xs[i]
			}
			return xs
		},
		"one far off": func(n int) []int {
			xs := ascending(n)
			if n > 0 {
				xs = append(xs[1:], xs[0])
			}
			return xs
		},
		"shuffled": func(n int) []int {
			xs := ascending(n)
			rnd.Shuffle(n, func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
			return xs
		},
		"equal": func(n int) []int { return make([]int, n) },
	}
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, 3, 10, 1000} {
			xs := shape(n)
			want := slices.Clone(xs)
			slices.Sort(want)
			Func(xs, cmp.Compare[int])
			if !slices.Equal(xs, want) {
				t.Errorf("%s, %d items: not sorted", name, n)
			}
		}
	}
}

// A slice far out of order costs a sort and a bounded first pass, not a
// move for every pair out of order.
func TestFuncBoundsItsWork(t *testing.T) {
	xs := ascending(10000)
	slices.Reverse(xs)
	compared := 0
	Func(xs, func(a, b int) int { compared++; return cmp.Compare(a, b) })
	if !slices.IsSorted(xs) {
		t.Fatal("not sorted")
	}
	if limit := 100 * len(xs); compared > limit {
		t.Errorf("%d comparisons for %d items reversed, want at most %d", compared, len(xs), limit)
	}
}

func ascending(n int) []int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	return xs
}
