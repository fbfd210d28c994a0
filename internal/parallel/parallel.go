// Package parallel does the same work for each of a number of items on
// every core.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls f(i) for each i from 0 to n-1 on as many goroutines as there
// are cores (GOMAXPROCS), never more than n, and returns once every call
// has. Calls for different items may run at the same time; f must not
// share what it writes between items.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
