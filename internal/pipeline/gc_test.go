package pipeline

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestLoadTarget(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, loadGCPercent},
		{1 << 20, loadGCPercent},  // a small heap: the highest target
		{loadHeapBudget / 4, 300}, // the heap reaches the budget at 4 times live
		{loadHeapBudget / 2, 100}, // no higher than the default ...
		{2 * loadHeapBudget, 100}, // ... however much is kept
		{loadHeapBudget/(1+loadGCPercent/100) - 1, loadGCPercent},
	} {
		if got := loadTarget(tc.live); got != tc.want {
			t.Errorf("loadTarget(%d) = %d, want %d", tc.live, got, tc.want)
		}
		// The heap then grows to the budget, or as by default.
		if goal := tc.live + tc.live*uint64(loadTarget(tc.live))/100; goal > max(loadHeapBudget, 2*tc.live) {
			t.Errorf("live %d: heap goal %d beyond the budget", tc.live, goal)
		}
	}
}

// TestCollectLessWhileLoading: the target is raised while loading, moved
// after collections, and set back after, also when collections come late.
func TestCollectLessWhileLoading(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := collectLessWhileLoading()
	if got := debug.SetGCPercent(loadGCPercent); got != loadGCPercent {
		t.Errorf("target while loading %d, want %d", got, loadGCPercent)
	}
	runtime.GC()
	runtime.GC()
	restore()
	runtime.GC()
	runtime.GC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("target after loading %d, want 100 as before", got)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	collectLessWhileLoading()()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("with GOGC=50 the target became %d", got)
	}
}
