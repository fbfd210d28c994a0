// Package nearsort sorts slices that are nearly in order already: the
// records of a register come in the order of their file names, which is
// the order of their ids but where one id begins another ("cam-a-b.yaml"
// is listed before "cam-a.yaml").
package nearsort

import "slices"

// movesPerItem bounds the work of the first pass: a slice that needs more
// moves than this many per item is sorted whole.
const movesPerItem = 4

// Func sorts xs by cmp, as slices.SortFunc does, in one pass over xs when
// only a few items are out of place: each is moved back to where it
// belongs. A slice with more out of place, in whatever order it comes, is
// sorted by slices.SortFunc once the pass has made movesPerItem moves per
// item, so no input costs more than a few times a sort.
func Func[S ~[]E, E any](xs S, cmp func(a, b E) int) {
	budget := movesPerItem * len(xs)
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && cmp(xs[j-1], xs[j]) > 0; j-- {
			if budget--; budget < 0 {
				slices.SortFunc(xs, cmp)
				return
			}
			xs[j-1], xs[j] = xs[j], xs[j-1]
		}
	}
}
