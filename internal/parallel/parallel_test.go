package parallel

import (
	"sync/atomic"
	"testing"
)

// TestEachCallsEveryItemOnce: every item is worked on exactly once, for
// no items, one, fewer than the cores and many more.
func TestEachCallsEveryItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n=%d: item %d called %d times, want once", n, i, got)
			}
		}
	}
}
