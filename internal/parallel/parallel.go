// Package parallel does the same work for each of a number of items on a
// pool of goroutines: the one pool the loader, the site's writer, the
// history and the federation share.
package parallel

import (
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for each i from 0 to n-1 on as many goroutines as there
// are cores (GOMAXPROCS), never more than n, and returns once every call
// has. Calls for different items may run at the same time; f must not
// share what it writes between items.
func Each(n int, f func(i int)) { EachOn(runtime.GOMAXPROCS(0), n, f) }

// EachOn is Each on at most workers goroutines: more than the cores for
// work that waits on the disk or the network. Each goroutine takes the
// next item itself: handed out one at a time (Stream), the items of a
// load of 10,000 files that are read back from the caches in
// microseconds made the goroutine handing them out and the workers wait
// on each other some 8,000 times.
func EachOn(workers, n int, f func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// Indexes yields 0 to n-1.
func Indexes(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// Stream calls f for each item as items yields it, on workers goroutines
// (one or fewer: in the caller's), and returns f's first error. items is
// ranged over in the caller's goroutine, one item at a time, so what
// makes them is made as the workers take them, at most workers ahead of
// them, and need not be safe for concurrent use. Once a call failed no
// further item is asked for; the items handed out already are still
// worked on.
func Stream[T any](workers int, items iter.Seq[T], f func(T) error) error {
	if workers <= 1 {
		for it := range items {
			if err := f(it); err != nil {
				return err
			}
		}
		return nil
	}
	// A queue as long as there are workers: handed over one at a time, each
	// item woke a waiting worker, and a site's 30,000 files, most of them
	// unchanged and quickly done, cost the build after one change 4 % of
	// its CPU in wake-ups.
	var (
		next   = make(chan T, workers)
		first  atomic.Pointer[error]
		failed = func() bool { return first.Load() != nil }
		wg     sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for it := range next {
				if err := f(it); err != nil {
					first.CompareAndSwap(nil, &err)
				}
			}
		})
	}
	for it := range items {
		next <- it
		if failed() {
			break
		}
	}
	close(next)
	wg.Wait()
	if err := first.Load(); err != nil {
		return *err
	}
	return nil
}
