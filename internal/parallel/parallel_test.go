package parallel

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
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

// TestEachOnKeepsToItsWorkers: no more calls run at once than workers,
// and every item is worked on once.
func TestEachOnKeepsToItsWorkers(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		var running, most atomic.Int32
		calls := make([]atomic.Int32, 200)
		EachOn(workers, len(calls), func(i int) {
			now := running.Add(1)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			time.Sleep(100 * time.Microsecond)
			running.Add(-1)
			calls[i].Add(1)
		})
		if got := most.Load(); got > int32(workers) {
			t.Errorf("%d workers: %d calls at once", workers, got)
		}
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("%d workers: item %d called %d times, want once", workers, i, got)
			}
		}
	}
}

// TestStreamStopsAtTheFirstError: the first error is returned, and after
// it no more items are asked for than the workers had in hand or queued;
// without one, every item is worked on.
func TestStreamStopsAtTheFirstError(t *testing.T) {
	bad := errors.New("bad item")
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			var asked atomic.Int32
			items := func(yield func(int) bool) {
				for i := range 1000 {
					asked.Add(1)
					if !yield(i) {
						return
					}
				}
			}
			err := Stream(workers, items, func(i int) error {
				switch {
				case i == 10:
					return bad
				case i > 10:
					time.Sleep(time.Millisecond) // the failure is seen first
				}
				return nil
			})
			if !errors.Is(err, bad) {
				t.Errorf("error %v, want %v", err, bad)
			}
			// The workers' and their queue's.
			if got, most := asked.Load(), int32(12+2*workers); got > most {
				t.Errorf("%d items asked for, want at most %d", got, most)
			}

			var done atomic.Int32
			if err := Stream(workers, Indexes(1000), func(int) error { done.Add(1); return nil }); err != nil || done.Load() != 1000 {
				t.Errorf("without a failure: error %v, %d items worked on, want none and 1000", err, done.Load())
			}
		})
	}
}
