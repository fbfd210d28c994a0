package pipeline

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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

func TestHeldTarget(t *testing.T) {
	for _, tc := range []struct {
		name     string
		live     uint64
		previous int
		want     int
	}{
		{"a small register is collected as by default", heldHeadroom / 2, 100, 100},
		{"at the headroom, still the default", heldHeadroom, 100, 100},
		{"twice the headroom: half of what it keeps", 2 * heldHeadroom, 100, 50},
		{"a large register: half of what it keeps", 10 * heldHeadroom, 100, heldGCPercent},
		{"never above the target before", heldHeadroom / 2, 80, 80},
		{"a lower target before stays", 10 * heldHeadroom, 20, 20},
		{"nothing measured: as before", 0, 100, 100},
	} {
		if got := heldTarget(tc.live, tc.previous); got != tc.want {
			t.Errorf("%s: heldTarget(%d, %d) = %d, want %d", tc.name, tc.live, tc.previous, got, tc.want)
		}
	}
}

// liveHeap is the heap the last collection kept.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
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
	if got, want := debug.SetGCPercent(100), heldTarget(liveHeap(), 100); got != want {
		t.Errorf("target after loading %d, want %d", got, want)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	collectLessWhileLoading()()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("with GOGC=50 the target became %d", got)
	}
}
