package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// BenchmarkPipelinePacket is `register packet` as a PDF on generated
// registers, with every record on the agenda (all: --ids with every id) and
// with the agenda the packet selects itself (own: the records with a date
// due or an error), so it shows how time and memory follow the records on
// the agenda (reported as agenda).
// Besides the parse floor it measures, in the same run, three cold `register
// check`s of the same register, the work the packet is held to (at most
// twice the median one's CPU time), and it reports the peak resident memory of the
// packet's run (Linux; the process's high-water mark, reset before it):
//
//	go test -run '^$' -bench 'PipelinePacket$' -benchtime 1x ./internal/cli
//
// x-check is the packet's CPU time over check's (x-check-wall its wall
// time over check's), x-floor over the floor's, both made without the
// caches (--no-cache) as the check is; x-check-cached is a packet that reads
// its records and findings from the caches a run before it kept, as after a
// check or build of the same register, over the same cold check;
// peak-rss-MiB is the goal's measure (at most 500 MB at 10,000 records).
func BenchmarkPipelinePacket(b *testing.B) {
	for _, n := range pipelineSizes() {
		root, err := testgen.Cached(n)
		if err != nil {
			b.Fatal(err)
		}
		files, err := testgen.RecordFiles(root)
		if err != nil {
			b.Fatal(err)
		}
		for _, all := range []bool{true, false} {
			name := "own"
			if all {
				name = "all"
			}
			b.Run(fmt.Sprintf("%d/%s", n, name), func(b *testing.B) {
				benchPacket(b, root, files, all)
			})
		}
	}
}

func benchPacket(b *testing.B, root string, files []string, all bool) {
	tmp := b.TempDir()
	b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	out := filepath.Join(tmp, "packet.pdf")
	args := []string{"packet", "--as-of", "2026-11-24", "--out", out}
	if all {
		ids := make([]string, len(files))
		for i, f := range files {
			ids[i] = strings.TrimSuffix(filepath.Base(f), ".yaml")
		}
		args = append(args, "--ids", strings.Join(ids, ","))
	}
	var said strings.Builder
	run := func(args ...string) {
		said.Reset()
		a := &App{Out: &said, Err: io.Discard, Now: benchNow, Version: "bench"}
		if code := Run(a, append([]string{"--root", root}, args...)); code == ExitError {
			b.Fatalf("%s: exit %d", args[0], code)
		}
	}
	floor := measure(func() {
		if err := testgen.ParseFloor(files); err != nil {
			b.Error(err)
		}
	})
	// The check the packet is held to, three times: x-check is over the
	// median, as one run alone moves with what else the machine does.
	var checks []cost
	for range 3 {
		checks = append(checks, measure(func() { run("check", "--as-of", "2026-11-24", "--no-cache") }))
	}
	slices.SortFunc(checks, func(x, y cost) int { return cmp.Compare(x.cpu, y.cpu) })
	check := checks[1]
	var total cost
	var rss float64
	runs := 0
	for b.Loop() {
		b.StopTimer()
		debug.FreeOSMemory()
		testbed.ResetPeakRSS()
		b.StartTimer()
		c := measure(func() { run(append(args, "--no-cache")...) })
		total.cpu += c.cpu
		total.wall += c.wall
		total.peakHeap = max(total.peakHeap, c.peakHeap)
		rss = max(rss, testbed.PeakRSS())
		runs++
	}
	// The packet as a secretary makes it after a check or build of the
	// same register kept its results and records (the first run here).
	run(args...)
	debug.FreeOSMemory()
	testbed.ResetPeakRSS()
	cached := measure(func() { run(args...) })
	cachedRSS := testbed.PeakRSS()
	st, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	// "wrote packet.pdf (pdf): 5634 registraties: ..."
	m := regexp.MustCompile(`\): (\d+) `).FindStringSubmatch(said.String())
	if m == nil {
		b.Fatalf("no count of records in %q", said.String())
	}
	agenda, _ := strconv.Atoi(m[1])
	cpu := total.cpu.Seconds() / float64(runs)
	b.ReportMetric(cpu/check.cpu.Seconds(), "x-check")
	// The same over wall time, which a secretary waiting for the packet
	// sees: check reads files on every core, the layout is one sequence.
	b.ReportMetric(total.wall.Seconds()/float64(runs)/check.wall.Seconds(), "x-check-wall")
	b.ReportMetric(cpu/floor.cpu.Seconds(), "x-floor")
	b.ReportMetric(cpu, "cpu-s/op")
	b.ReportMetric(check.cpu.Seconds(), "check-cpu-s")
	b.ReportMetric(floor.cpu.Seconds(), "floor-cpu-s")
	b.ReportMetric(float64(total.peakHeap)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(check.peakHeap)/(1<<20), "check-peak-heap-MiB")
	if rss > 0 {
		b.ReportMetric(rss/(1<<20), "peak-rss-MiB")
	}
	b.ReportMetric(cached.cpu.Seconds()/check.cpu.Seconds(), "x-check-cached")
	b.ReportMetric(cached.cpu.Seconds(), "cached-cpu-s")
	if cachedRSS > 0 {
		b.ReportMetric(cachedRSS/(1<<20), "cached-peak-rss-MiB")
	}
	b.ReportMetric(float64(st.Size())/(1<<20), "pdf-MiB")
	b.ReportMetric(float64(agenda), "agenda")
	b.ReportMetric(float64(agenda)/(total.wall.Seconds()/float64(runs)), "records/s")
}
