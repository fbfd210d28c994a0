package pipeline

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

func TestLoadTarget(t *testing.T) {
	for _, tc := range []struct {
		live    uint64
		highest int
		want    int
	}{
		{0, loadGCPercent, loadGCPercent},
		{1 << 20, loadGCPercent, loadGCPercent},         // a small heap: the highest target
		{1 << 20, findingsGCPercent, findingsGCPercent}, // higher for a load of findings
		{loadHeapBudget / 4, loadGCPercent, 300},        // the heap reaches the budget at 4 times live
		{loadHeapBudget / 4, findingsGCPercent, 300},    // the same budget
		{loadHeapBudget / 2, loadGCPercent, 100},        // the budget at twice live: the default
		{loadHeapBudget * 2 / 3, loadGCPercent, heldGCPercent},
		{2 * loadHeapBudget, loadGCPercent, heldGCPercent}, // beyond it, half of what is kept
		{2 * loadHeapBudget, findingsGCPercent, heldGCPercent},
		{loadHeapBudget/(1+loadGCPercent/100) - 1, loadGCPercent, loadGCPercent},
		{loadHeapBudget/(1+findingsGCPercent/100) - 1, findingsGCPercent, findingsGCPercent},
	} {
		if got := loadTarget(tc.live, tc.highest); got != tc.want {
			t.Errorf("loadTarget(%d, %d) = %d, want %d", tc.live, tc.highest, got, tc.want)
		}
		// The heap then grows to the budget, or by half of what it keeps.
		if goal := tc.live + tc.live*uint64(loadTarget(tc.live, tc.highest))/100; goal > max(loadHeapBudget, tc.live+tc.live*heldGCPercent/100) {
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

// TestKeptTarget: below the limit a load that was not large sets, the
// heap may grow up to it; a large load, no limit or a lowered target
// before leave heldTarget's.
func TestKeptTarget(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		name     string
		kept     uint64
		previous int
		limit    int64
		limited  bool
		want     int
	}{
		{"a small load grows up to its limit", 64 * mb, 100, 256 * mb, false, 300},
		{"no further than loadGCPercent", 16 * mb, 100, 256 * mb, false, loadGCPercent},
		{"a limit close above: heldTarget's", 200 * mb, 100, 210 * mb, false, heldTarget(200*mb, 100)},
		{"a large load: heldTarget's", 400 * mb, 100, 1100 * mb, true, heldTarget(400*mb, 100)},
		{"no limit: heldTarget's", 64 * mb, 100, -1, false, heldTarget(64*mb, 100)},
		{"a lowered target before stays", 64 * mb, 50, 256 * mb, false, heldTarget(64*mb, 50)},
		{"nothing measured: heldTarget's", 0, 100, 256 * mb, false, heldTarget(0, 100)},
	} {
		if got := keptTarget(tc.kept, tc.previous, tc.limit, tc.limited); got != tc.want {
			t.Errorf("%s: keptTarget = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestCollectLessWhileLoading: while the load keeps little the collector
// runs near the budget alone; once a collection kept a quarter of the
// budget, by a raised target; after the load, as heldTarget says, also
// when collections come late. GOGC decides alone; with GOMEMLIMIT the
// target is raised from the start.
func TestCollectLessWhileLoading(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	noLimit := int64(math.MaxInt64)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(noLimit))

	// What a run before this one in the process left (go test -count)
	// is collected first: the load's budget follows what the process
	// holds when it starts.
	runtime.GC()
	restore, _ := collectLessWhileLoading(math.MaxUint64)
	got, limit, kept := budgetedThenHalf(t, loadStartBudget)
	if limit != noLimit || got < heldGCPercent || got > loadGCPercent {
		t.Errorf("keeping %d: target %d and limit %d, want a target up to %d and no limit", len(kept), got, limit, loadGCPercent)
	}
	restore(0)
	want := heldTarget(liveHeap(), 100) // of what the last collection kept
	runtime.KeepAlive(kept)
	runtime.GC() // collections that come late move nothing
	runtime.GC()
	if got := debug.SetGCPercent(100); got != want {
		t.Errorf("target after loading %d, want %d", got, want)
	}
	if limit := debug.SetMemoryLimit(-1); limit != noLimit {
		t.Errorf("limit after a load below its threshold %d, want none", limit)
	}

	// A load that ends before any collection kept much sets the limit
	// back too.
	restore, _ = collectLessWhileLoading(math.MaxUint64)
	restore(0)
	if limit := debug.SetMemoryLimit(-1); limit != noLimit {
		t.Errorf("limit after a small load %d, want none", limit)
	}

	// A process that holds much already (serve loading again) goes by
	// target from the start.
	held := make([]byte, loadHeapBudget/2)
	restore, _ = collectLessWhileLoading(math.MaxUint64)
	if got, limit := debug.SetGCPercent(loadGCPercent), debug.SetMemoryLimit(-1); got != loadGCPercent || limit != noLimit {
		t.Errorf("holding %d before the load: target %d and limit %d, want %d and none", len(held), got, limit, loadGCPercent)
	}
	restore(0)
	runtime.KeepAlive(held)

	t.Setenv("GOMEMLIMIT", "4GiB")
	restore, _ = collectLessWhileLoading(math.MaxUint64)
	if got, limit := debug.SetGCPercent(loadGCPercent), debug.SetMemoryLimit(-1); got != loadGCPercent || limit != noLimit {
		t.Errorf("with GOMEMLIMIT: target %d and limit %d while loading, want %d and the limit as it was", got, limit, loadGCPercent)
	}
	restore(0)

	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	restore, _ = collectLessWhileLoading(0)
	restore(0)
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("with GOGC=50 the target became %d", got)
	}
}

// budgetedThenHalf checks that the collector, as just set, runs near
// budget alone (no target, a soft limit of budget) while the process
// holds little; then it keeps half the load's budget, and returns the
// target and limit the collector was set to after a collection saw it,
// with what it keeps, for the caller to keep alive.
func budgetedThenHalf(t *testing.T, budget int64) (target int, limit int64, kept []byte) {
	t.Helper()
	runtime.GC()
	runtime.GC() // the watch runs after a collection
	if got, lim := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); got != -1 || lim != budget {
		t.Errorf("holding little: target %d and limit %d, want none and %d", got, lim, budget)
	}
	// What a large register keeps: the pages of a byte slice are never
	// touched, so it costs the test no memory, yet counts as heap.
	kept = make([]byte, loadHeapBudget/2)
	// The watch runs after a collection, on its own goroutine.
	for i := 0; i < 500 && debug.SetMemoryLimit(-1) == budget; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	target = debug.SetGCPercent(-1)
	debug.SetGCPercent(target)
	return target, debug.SetMemoryLimit(-1), kept
}

// TestCollectNearBudget: a command that reports findings only collects
// near the budget alone while it holds little, by target and under a soft
// limit once it holds more than a quarter of the budget, and leaves the
// collector as it was when it ends; GOGC and GOMEMLIMIT decide alone.
func TestCollectNearBudget(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	noLimit := int64(math.MaxInt64)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(noLimit))

	release := collectNearBudget()
	got, limit, kept := budgetedThenHalf(t, loadHeapBudget)
	// loadTarget of what the collection saw, which the test's own
	// garbage moves a little.
	// Half the budget kept: the limit is a third above the budget.
	if got < heldGCPercent || got > loadTarget(uint64(len(kept)), findingsGCPercent) || limit != findingsLimit(uint64(len(kept))) {
		t.Errorf("holding %d: target %d and limit %d, want at most %d and %d", len(kept), got, limit, loadTarget(uint64(len(kept)), findingsGCPercent), findingsLimit(uint64(len(kept))))
	}
	runtime.KeepAlive(kept)
	release()
	release() // a second time does nothing
	if got, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); got != 100 || limit != noLimit {
		t.Errorf("after the command: target %d and limit %d, want 100 and none", got, limit)
	}

	t.Setenv("GOMEMLIMIT", "4GiB")
	collectNearBudget()
	if got, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); got != 100 || limit != noLimit {
		t.Errorf("with GOMEMLIMIT the target became %d and the limit %d", got, limit)
	}
}

func TestHeldLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		kept uint64
		most uint64
		want int64
	}{
		{"a small register: room for the outputs above what is kept", 30 << 20, 0, 30<<20 + outputRoom},
		{"a small register, updated: the same", 30 << 20, roomMost(true), 30<<20 + outputRoom},
		{"a middle register, updated: the same", 100 << 20, roomMost(true), 250<<20 + heldHeadroom},
		{"a large register, updated: no more room than heldRoomMost", 1 << 30, roomMost(true), 1<<30 + heldRoomMost},
		{"a large register, made afresh: no more room than madeRoomMost", 1 << 30, roomMost(false), 1<<30 + madeRoomMost},
		{"a middle register, made afresh: two and a half times what is kept", 100 << 20, roomMost(false), 250<<20 + heldHeadroom},
		{"serve's register: no most", 1 << 30, 0, 5<<29 + heldHeadroom},
	} {
		if got := heldLimit(tc.kept, tc.most); got != tc.want {
			t.Errorf("%s: heldLimit(%d, %d) = %d, want %d", tc.name, tc.kept, tc.most, got, tc.want)
		}
	}
}

// collectorAsByDefault sets the collector as a run without GOGC and
// GOMEMLIMIT finds it, target 100 and no limit, and puts it back as it
// was when the test ends. It returns the limit that stands for none.
func collectorAsByDefault(t *testing.T) (noLimit int64) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	noLimit = math.MaxInt64
	before := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(noLimit)
	t.Cleanup(func() {
		debug.SetGCPercent(before)
		debug.SetMemoryLimit(limit)
	})
	return noLimit
}

// TestMemoryLimitAfterLoad: a load that keeps records, at least as much as
// its threshold, leaves a memory limit of heldLimit; GOMEMLIMIT leaves the
// limit alone.
func TestMemoryLimitAfterLoad(t *testing.T) {
	noLimit := collectorAsByDefault(t)
	// What a large register keeps: the pages of a byte slice are never
	// touched, so it costs the test no memory, yet counts as heap.
	kept := make([]byte, heldLimitFrom+(16<<20))
	runtime.GC() // as the load's collections would have seen it
	for _, tc := range []struct {
		name      string
		limitFrom uint64
		most      uint64
		env       string
		limited   bool
	}{
		{"records kept", 0, 0, "", true},
		{"records kept, for an update", 0, heldRoomMost, "", true},
		{"records kept, more than serve's threshold", heldLimitFrom, 0, "", true},
		{"records kept, less than a threshold", 1 << 40, 0, "", false},
		{"GOMEMLIMIT decides", 0, 0, "4GiB", false},
	} {
		t.Setenv("GOMEMLIMIT", tc.env)
		debug.SetMemoryLimit(noLimit)
		restore, _ := collectLessWhileLoading(tc.limitFrom)
		restore(tc.most)
		got := debug.SetMemoryLimit(-1)
		if tc.limited && (got == noLimit || got < heldLimit(uint64(len(kept)), tc.most)) {
			t.Errorf("%s: limit %d, want heldLimit of at least %d kept", tc.name, got, len(kept))
		}
		// What the test's process keeps besides is far less than the room.
		if tc.limited && tc.most > 0 && got > heldLimit(uint64(len(kept))+heldHeadroom, tc.most) {
			t.Errorf("%s: limit %d, want no more than heldRoomMost above what is kept", tc.name, got)
		}
		if !tc.limited && got != noLimit {
			t.Errorf("%s: limit %d, want none", tc.name, got)
		}
	}
	runtime.KeepAlive(kept)
	debug.SetMemoryLimit(noLimit)
}

// TestSettle: once a command lets go of part of what a large load kept,
// Settle sets the limit from what it keeps then, once; after a load that
// kept less than heldLimitFrom it leaves the limit alone.
func TestSettle(t *testing.T) {
	noLimit := collectorAsByDefault(t)
	kept := make([]byte, heldLimitFrom+(16<<20)) // never touched: no memory
	runtime.GC()
	restore, settle := collectLessWhileLoading(0)
	restore(0)
	atLoad := debug.SetMemoryLimit(-1)
	runtime.KeepAlive(kept) // kept until now; let go of from here
	r := &Register{settle: settle}
	r.Settle()
	settled := debug.SetMemoryLimit(-1)
	if want := atLoad - 2*int64(len(kept)); settled > want {
		t.Errorf("limit %d after letting go of %d bytes, was %d; want at most %d", settled, len(kept), atLoad, want)
	}
	debug.SetMemoryLimit(noLimit)
	r.Settle()
	if got := debug.SetMemoryLimit(-1); got != noLimit {
		t.Errorf("a second Settle set the limit to %d", got)
	}

	small, settleSmall := collectLessWhileLoading(0)
	small(0)
	atLoad = debug.SetMemoryLimit(-1)
	settleSmall()
	if got := debug.SetMemoryLimit(-1); got != atLoad {
		t.Errorf("after a small load Settle moved the limit from %d to %d", atLoad, got)
	}
	(&Register{}).Settle() // opened without a load's collector: nothing to do
}

// TestFindingsLimitGrowsWithWhatIsKept: a third above the budget, or half
// again what is kept when that is more.
func TestFindingsLimitGrowsWithWhatIsKept(t *testing.T) {
	for _, tc := range []struct {
		kept uint64
		want int64
	}{
		{loadHeapBudget / 4, loadHeapBudget * 4 / 3},
		{loadHeapBudget * 8 / 9, loadHeapBudget * 4 / 3},
		{loadHeapBudget, loadHeapBudget * 3 / 2},
		{4 << 30, 6 << 30},
	} {
		if got := findingsLimit(tc.kept); got != tc.want {
			t.Errorf("findingsLimit(%d) = %d, want %d", tc.kept, got, tc.want)
		}
	}
}

// TestHoldAfterLoad: a command whose outputs are mostly kept as they were
// (Options.Hold) finds the collector held after a small load that read its
// records from the parse cache, until it begins heldOutputs outputs
// afresh, collects once or closes the register. Without Hold, after a load
// that decoded its files afresh (the first, or the first after the
// configuration changed), with
// GOGC set or after a large load, it is not held.
func TestHoldAfterLoad(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the caches of a register outside Git
	root := testbed.Register(t, map[string]string{"sensors/geluid-markt.yaml": sensor})
	held := func() bool {
		percent := debug.SetGCPercent(-1)
		debug.SetGCPercent(percent)
		return percent < 0
	}
	cached := Options{Hold: true, Check: true, Today: today, Cache: true, Records: true}
	open := func(opts Options) *Register {
		t.Helper()
		r, err := Open(root, opts)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	t.Run("not after a load that decoded its files afresh", func(t *testing.T) {
		collectorAsByDefault(t)
		r := open(cached) // the first: nothing cached yet
		defer r.Close()
		if held() || r.Making() != nil {
			t.Error("the collector is held")
		}
	})

	t.Run("held until heldOutputs are begun", func(t *testing.T) {
		collectorAsByDefault(t)
		r := open(cached)
		defer r.Close()
		making := r.Making()
		if making == nil || !held() {
			t.Fatal("the collector is not held after the load")
		}
		for range heldOutputs - 1 {
			making()
		}
		if !held() {
			t.Fatalf("let go after %d outputs, before %d", heldOutputs-1, heldOutputs)
		}
		making()
		if held() {
			t.Fatalf("still held after %d outputs", heldOutputs)
		}
		making() // more outputs leave it as it is
		if held() {
			t.Fatal("held again")
		}
	})

	t.Run("let go at its first collection", func(t *testing.T) {
		collectorAsByDefault(t)
		r := open(cached)
		defer r.Close()
		if !held() {
			t.Fatal("the collector is not held after the load")
		}
		runtime.GC() // as the limit would start one: the room did not suffice
		for i := 0; i < 500 && held(); i++ {
			time.Sleep(time.Millisecond) // the collection's cleanup lets go
		}
		if held() {
			t.Error("still held after a collection")
		}
	})

	t.Run("held until closed", func(t *testing.T) {
		noLimit := collectorAsByDefault(t)
		r := open(cached)
		if limit := debug.SetMemoryLimit(-1); !held() || limit == noLimit {
			t.Fatalf("held %v with limit %d, want held within a limit", held(), limit)
		}
		r.Making()()
		r.Close()
		if held() {
			t.Fatal("still held after Close")
		}
	})

	t.Run("not after the configuration changed, which checks every file again", func(t *testing.T) {
		collectorAsByDefault(t)
		r := open(cached) // the caches as the run before left them
		r.Close()
		testbed.Write(t, root, map[string]string{"register.yaml": "due_within: P30D\n"})
		defer testbed.Write(t, root, map[string]string{"register.yaml": ""})
		r = open(cached)
		defer r.Close()
		if held() || r.Making() != nil {
			t.Error("the collector is held")
		}
	})

	t.Run("not on a day that checks most files again", func(t *testing.T) {
		collectorAsByDefault(t)
		r := open(cached) // the caches as a run today leaves them
		r.Close()
		// Ten years on, the sensor's evaluation is overdue: checked
		// again, from the record the parse cache keeps.
		overdue := cached
		overdue.Today = today.AddDate(10, 0, 0)
		r = open(overdue)
		defer r.Close()
		if held() || r.Making() != nil {
			t.Error("the collector is held")
		}
	})

	for _, tc := range []struct {
		name string
		opts Options
		gogc string
	}{
		{"without Hold", Options{Check: true, Today: today, Cache: true, Records: true}, ""},
		{"GOGC decides", cached, "100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			collectorAsByDefault(t)
			t.Setenv("GOGC", tc.gogc)
			r := open(tc.opts)
			defer r.Close()
			if held() || r.Making() != nil {
				t.Error("the collector is held")
			}
		})
	}

	t.Run("not after a large load", func(t *testing.T) {
		collectorAsByDefault(t)
		kept := make([]byte, heldLimitFrom+(16<<20)) // never touched: no memory
		runtime.GC()
		r := &Register{}
		r.holdAfterLoad()
		runtime.KeepAlive(kept)
		if held() || r.Making() != nil {
			t.Error("held after a load that kept more than heldLimitFrom")
		}
	})
}
