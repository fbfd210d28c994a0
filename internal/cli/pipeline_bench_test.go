package cli

// The pipeline benchmarks run whole commands as the command line does
// (check cold, without a cache and warm, validate, build, packet) on generated registers, and measure before
// each run the floor it is held to: parsing every file once into yaml.Node
// trees on all cores (the same floor as internal/load's BenchmarkParseOnly).
// Each reports its CPU time as a multiple of the floor's (x-floor, the
// measure issue 15 sets its goals in: the runs' CPU over their floors'; with
// -benchtime 3x or more, x-floor-worst is the run furthest above its own
// floor), the wall-time ratio, the peak live
// heap sampled while it ran, and on Linux the peak resident set of the run:
//
//	go test -run '^$' -bench Pipeline -benchtime 1x ./internal/cli
//
// 100,000 records only without -short. The registers are generated once and
// kept under os.TempDir, shared with internal/load's benchmarks.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/statsum"
	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// pipelineSizes are the register sizes benchmarked; 100,000 takes minutes.
func pipelineSizes() []int {
	if testing.Short() {
		return []int{10000}
	}
	return []int{10000, 100000}
}

// cost is what one measured run took.
type cost struct {
	cpu, wall time.Duration
	sys       time.Duration // the system (kernel) part of cpu
	peakHeap  uint64        // bytes of live and not yet swept heap objects, sampled
	peakRSS   float64       // bytes of the process's peak resident set (peakRSS); 0 where unknown
}

// benchNow is the day the benchmarks run their commands on, at noon.
func benchNow() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }

// runUntimed runs the command argv as the benchmarks do, before what they
// time, and fails b when it cannot run.
func runUntimed(b *testing.B, argv ...string) {
	b.Helper()
	a := &App{Out: io.Discard, Err: io.Discard, Now: benchNow, Version: "bench"}
	if code := Run(a, argv); code == ExitError {
		b.Fatalf("%v: exit %d", argv, code)
	}
}

// measure runs f once as a command runs in a process of its own: with the
// collector set as the process started (freshCollector), timing it and
// sampling the heap every few milliseconds. The sampler reads
// runtime/metrics, which does not stop the world as ReadMemStats does.
func measure(f func()) cost {
	freshCollector()
	return measureAsIs(f)
}

// startCollector returns the collector's target and memory limit as the
// process started (GOGC, GOMEMLIMIT); read before any benchmark runs.
func startCollector() (percent int, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	percent = -1 // off
	if v := s[0].Value.Uint64(); v <= math.MaxInt32 {
		percent = int(v)
	}
	return percent, int64(min(s[1].Value.Uint64(), math.MaxInt64))
}

// freshCollector sets the collector as the process started: a command
// sets its own for its run (pipeline) and a process ends with it, so
// the runs of one benchmark process would each start from what the run
// before left (a memory limit of 240 MB after a build, which made the
// rebuilds of serve after it collect five times as often).
func freshCollector() {
	debug.SetGCPercent(startGCPercent)
	debug.SetMemoryLimit(startMemoryLimit)
}

var startGCPercent, startMemoryLimit = startCollector()

// measureAsIs is measure in the process as it is: the rebuilds of serve
// go on from what the builds before them left, as in serve's process.
func measureAsIs(f func()) cost {
	// Collected and handed back to the system, so the peak resident set
	// starts from what is live.
	debug.FreeOSMemory()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	testbed.ResetPeakRSS()
	cpu0, sys0, wall0 := testbed.CPU(), testbed.SysCPU(), time.Now()
	f()
	c := cost{cpu: testbed.CPU() - cpu0, sys: testbed.SysCPU() - sys0, wall: time.Since(wall0), peakRSS: testbed.PeakRSS()}
	close(done)
	wg.Wait()
	read()
	c.peakHeap = peak.Load()
	return c
}

// benchPipeline measures the floor and then args (a whole command line, run
// with the register's root) on each register size, and reports the ratios.
// prepare, when given, runs outside the measurement before each run, with
// the register's root and a temporary folder of the benchmark's own; it
// may return another root to run on (a copy it changes). also, when given,
// runs after the runs with the temporary folder and the cost of one run,
// to measure and report more.
func benchPipeline(b *testing.B, args func(root, tmp string, files []string) []string, prepare func(root, tmp string) string, also ...func(b *testing.B, tmp string, run cost)) {
	benchPipelineOf(b, pipelineSizes(), args, prepare, also...)
}

// benchPipelineOf is benchPipeline on registers of the sizes given.
func benchPipelineOf(b *testing.B, sizes []int, args func(root, tmp string, files []string) []string, prepare func(root, tmp string) string, also ...func(b *testing.B, tmp string, run cost)) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root, err := testgen.Cached(n)
			if err != nil {
				b.Fatal(err)
			}
			files, err := testgen.RecordFiles(root)
			if err != nil {
				b.Fatal(err)
			}
			tmp := b.TempDir()
			// The check cache lives in the user's cache folder for a register
			// outside Git: one of the benchmark's own, empty at the start.
			b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
			// The floor is measured before each run, so that each run is
			// held to a floor measured in the same state of the machine:
			// on a shared machine either may take a fifth longer from one
			// minute to the next.
			var floor, total cost
			var runs int
			var walls []time.Duration
			worst := 0.0
			for b.Loop() {
				at := root
				b.StopTimer()
				f := measure(func() {
					if err := testgen.ParseFloor(files); err != nil {
						b.Error(err)
					}
				})
				floor.cpu += f.cpu
				floor.wall += f.wall
				floor.peakHeap = max(floor.peakHeap, f.peakHeap)
				if prepare != nil {
					if r := prepare(root, tmp); r != "" {
						at = r
					}
				}
				b.StartTimer()
				argv := append([]string{"--root", at}, args(at, tmp, files)...)
				var code int
				var errOut strings.Builder
				c := measure(func() {
					a := &App{Out: io.Discard, Err: &errOut, Now: benchNow, Version: "bench"}
					code = Run(a, argv)
				})
				if code == ExitError {
					b.Fatalf("%s: exit %d: %s", argv[2], code, errOut.String())
				}
				total.cpu += c.cpu
				total.sys += c.sys
				total.wall += c.wall
				total.peakHeap = max(total.peakHeap, c.peakHeap)
				total.peakRSS = max(total.peakRSS, c.peakRSS)
				worst = max(worst, c.cpu.Seconds()/f.cpu.Seconds())
				walls = append(walls, c.wall)
				runs++
			}
			cpu := total.cpu.Seconds() / float64(runs)
			wall := total.wall.Seconds() / float64(runs)
			b.ReportMetric(total.cpu.Seconds()/floor.cpu.Seconds(), "x-floor")
			if runs > 1 {
				b.ReportMetric(worst, "x-floor-worst") // the run furthest above its floor
			}
			b.ReportMetric(total.wall.Seconds()/floor.wall.Seconds(), "x-floor-wall")
			b.ReportMetric(cpu, "cpu-s/op")
			b.ReportMetric(wall, "wall-s/op") // the goals for serve and a build after one change
			if runs > 1 {
				// The run in the middle: on a shared machine one run in a
				// few takes a fifth longer, which moves the mean.
				slices.Sort(walls)
				b.ReportMetric(walls[len(walls)/2].Seconds(), "wall-s-median")
			}
			b.ReportMetric(floor.cpu.Seconds()/float64(runs), "floor-cpu-s")
			b.ReportMetric(float64(total.peakHeap)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(floor.peakHeap)/(1<<20), "floor-peak-heap-MiB")
			if total.peakRSS > 0 {
				b.ReportMetric(total.peakRSS/(1<<20), "peak-rss-MiB")
			}
			b.ReportMetric(float64(n)/wall, "records/s")
			for _, f := range also {
				f(b, tmp, cost{cpu: total.cpu / time.Duration(runs), sys: total.sys / time.Duration(runs), wall: total.wall / time.Duration(runs)})
			}
		})
	}
}

// BenchmarkPipelineCheck is `register check` on a register it has not
// seen: load, validate, checklist, report, and the results kept for the
// next run (the cache is emptied before each run).
func BenchmarkPipelineCheck(b *testing.B) {
	benchPipeline(b, func(root, tmp string, files []string) []string {
		return []string{"check", "--as-of", "2026-11-24"}
	}, func(root, tmp string) string {
		if err := os.RemoveAll(filepath.Join(tmp, "cache")); err != nil {
			b.Fatal(err)
		}
		return ""
	})
}

// BenchmarkPipelineCheckNoCache is `register check --no-cache` with a
// JSON report: the check of a CI that keeps no cache, whose peak memory at
// 100,000 records issue 15 holds to 400 MB.
func BenchmarkPipelineCheckNoCache(b *testing.B) {
	benchPipeline(b, func(root, tmp string, files []string) []string {
		return []string{"check", "--no-cache", "--as-of", "2026-11-24", "--format", "json"}
	}, nil)
}

// BenchmarkPipelineCheckWarm is `register check` again after 10 of the
// register's files changed, on a copy of the register whose results the
// cache holds from a run before: the re-check of a steward's few edits.
// After the runs it measures cold checks of the same copy, each with an
// empty cache, and reports x-cold: the re-check's CPU time as a share of
// the median cold check's, the measure issue 15 holds to 10 %.
func BenchmarkPipelineCheckWarm(b *testing.B) {
	edits := 0
	args := []string{"check", "--as-of", "2026-11-24"}
	cold := func(b *testing.B, tmp string, run cost) {
		root := filepath.Join(tmp, "register")
		var cpu []time.Duration
		for i := range 3 {
			b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, fmt.Sprint("cold-cache-", i)))
			c := measure(func() {
				a := &App{Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
				Run(a, append([]string{"--root", root}, args...))
			})
			cpu = append(cpu, c.cpu)
		}
		slices.Sort(cpu)
		b.ReportMetric(run.cpu.Seconds()/cpu[1].Seconds(), "x-cold")
		b.ReportMetric(cpu[1].Seconds(), "cold-cpu-s")
	}
	benchPipeline(b, func(root, tmp string, files []string) []string {
		return args
	}, func(root, tmp string) string {
		cp := filepath.Join(tmp, "register")
		if _, err := os.Stat(cp); err != nil {
			if err := os.CopyFS(cp, os.DirFS(root)); err != nil {
				b.Fatal(err)
			}
			// A working copy's files were written before the run that
			// checks them, not within the moment their times may not
			// tell apart (statsum): that run reads every file.
			time.Sleep(statsum.RacyWithin + time.Second)
			a := &App{Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
			Run(a, []string{"--root", cp, "check", "--as-of", "2026-11-24"})
		}
		files, err := testgen.RecordFiles(cp)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 10 {
			f := files[(edits*10+i)*len(files)/97%len(files)]
			w, err := os.OpenFile(f, os.O_APPEND|os.O_WRONLY, 0)
			if err == nil {
				_, err = fmt.Fprintf(w, "# edit %d\n", edits)
				err = errors.Join(err, w.Close())
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		edits++
		return cp
	}, cold)
}

// BenchmarkPipelineValidate is `register validate`: load, validate, the
// register-wide checks, report.
func BenchmarkPipelineValidate(b *testing.B) {
	benchPipeline(b, func(root, tmp string, files []string) []string {
		return []string{"validate"}
	}, nil)
}

// BenchmarkPipelineBuild is `register build` into an empty folder with an
// empty cache, as on a fresh clone: the checked register's whole site and
// open-data downloads. Besides the parse
// floor it is held to a copy of its own output (the issue's `cp -r`),
// measured after the runs: x-copy and x-copy-wall. Both create as many
// files, which the kernel does for them: sys-s and copy-sys-s are that
// part of each one's CPU, so what the build does besides (parse, check,
// render) is its cpu-s less its sys-s.
func BenchmarkPipelineBuild(b *testing.B) {
	args := func(root, tmp string, files []string) []string {
		return []string{"build", "--as-of", "2026-11-24", "--out", filepath.Join(tmp, "public")}
	}
	benchPipeline(b, args, func(root, tmp string) string {
		// Each run follows the removal of the site the run before wrote,
		// as the timed copy follows the removal of a copy (copyTree): the
		// first one too, after a build that is not timed. Without, a
		// single run created its files in a fresh state of the file
		// system and the copy did not, and the build took 0.9 times the
		// copy's CPU instead of 1.5.
		if _, err := os.Stat(filepath.Join(tmp, "public")); errors.Is(err, fs.ErrNotExist) {
			runUntimed(b, append([]string{"--root", root}, args(root, tmp, nil)...)...)
		}
		for _, d := range []string{"public", "cache"} {
			if err := os.RemoveAll(filepath.Join(tmp, d)); err != nil {
				b.Fatal(err)
			}
		}
		return ""
	}, func(b *testing.B, tmp string, run cost) {
		c := copyTree(b, filepath.Join(tmp, "public"), filepath.Join(tmp, "copy"))
		b.ReportMetric(run.cpu.Seconds()/c.cpu.Seconds(), "x-copy")
		b.ReportMetric(run.wall.Seconds()/c.wall.Seconds(), "x-copy-wall")
		b.ReportMetric(c.cpu.Seconds(), "copy-cpu-s")
		b.ReportMetric(c.sys.Seconds(), "copy-sys-s")
		b.ReportMetric(run.sys.Seconds(), "sys-s")
	})
}

// copyTree copies the folder src to dst with `cp -r`, as the issue measures
// a build against, and returns what the copy cost (its CPU as the child's
// user and system time); where there is no cp, with os.CopyFS, which takes
// about twice cp's CPU. dst is removed after.
//
// Both the copy and the build create some 30,000 files, and what that
// costs depends on the file system's state more than on either: on ext4,
// in the minutes after as many files were removed, each new file's inode
// is looked for past the recently freed ones, and `cp -r` of a
// 10,000-record site took 13 s of system time instead of 0.9 s on the same
// machine (perf: most of it in ext4's recently_deleted). The ratio is
// therefore taken in the same state for both: each build run follows the
// removal of the site its previous run wrote, so the timed copy follows
// the removal of a copy made just before it.
func copyTree(b *testing.B, src, dst string) cost {
	copyOnce(b, src, dst)
	if err := os.RemoveAll(dst); err != nil {
		b.Fatal(err)
	}
	c := copyOnce(b, src, dst)
	if err := os.RemoveAll(dst); err != nil {
		b.Fatal(err)
	}
	return c
}

// copyOnce copies src to dst and returns what the copy cost.
func copyOnce(b *testing.B, src, dst string) cost {
	if cp, err := exec.LookPath("cp"); err == nil {
		cmd := exec.Command(cp, "-r", src, dst)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("cp -r: %v: %s", err, out)
		}
		st := cmd.ProcessState
		return cost{cpu: st.UserTime() + st.SystemTime(), sys: st.SystemTime(), wall: time.Since(start)}
	}
	var err error
	c := measure(func() { err = os.CopyFS(dst, os.DirFS(src)) })
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkPipelineBuildIncremental is `register build` into the folder a
// previous build wrote, after one record changed: the update the issue
// holds to half a second at 10,000 records. The register is a copy, so the
// shared one stays as generated; each run gives the same record's summary
// a text it did not have before (editSummary), so every run has one record
// to publish anew, and the record stays valid.
func BenchmarkPipelineBuildIncremental(b *testing.B) {
	benchBuildIncrementalOf(b, pipelineSizes(), -1, false)
}

// BenchmarkPipelineBuildIncrementalGit is BenchmarkPipelineBuildIncremental
// in a Git repository, as a municipality keeps its register: the site then
// has each record's history and the change feed, and the edit is one not
// yet committed, as a steward previews it.
func BenchmarkPipelineBuildIncrementalGit(b *testing.B) {
	benchBuildIncrementalOf(b, pipelineSizes(), 0, false)
}

// BenchmarkPipelineBuildIncrementalHistory is the build after one change
// in the Git repository of a register of a size many municipalities keep,
// 500 records, with 1,500 commits of edits behind it: each record's page
// then lists every commit with the fields it changed, and the change feed
// shows the newest 200 changes with their values.
func BenchmarkPipelineBuildIncrementalHistory(b *testing.B) {
	benchBuildIncrementalOf(b, []int{500}, 1500, false)
}

// BenchmarkPipelineBuildIncrementalSubjects is
// BenchmarkPipelineBuildIncrementalHistory in a register that shows commit
// subjects (site.show_commit_subjects): the subjects then lose what every
// version the history holds kept secret.
func BenchmarkPipelineBuildIncrementalSubjects(b *testing.B) {
	benchBuildIncrementalOf(b, []int{500}, 1500, true)
}

// benchBuildIncrementalOf measures the build after one change on copies of
// registers of the sizes given: outside Git when commits is negative,
// else in a repository with that many commits of edits after the first;
// with subjects, a register that shows commit subjects.
func benchBuildIncrementalOf(b *testing.B, sizes []int, commits int, subjects bool) {
	var (
		copies = map[string]string{}
		edits  = map[string]func(){}
	)
	copyOf := func(root, tmp string) string {
		if c, ok := copies[root]; ok {
			return c
		}
		c := filepath.Join(tmp, "register")
		if err := os.CopyFS(c, os.DirFS(root)); err != nil {
			b.Fatal(err)
		}
		if subjects {
			showSubjects(b, c)
		}
		if commits >= 0 {
			commitHistory(b, c, commits)
		}
		out := filepath.Join(tmp, "public")
		// Two builds: the site, and the earlier version kept next to it.
		for range 2 {
			runUntimed(b, "--root", c, "build", "--as-of", "2026-11-24", "--out", out)
		}
		copies[root] = c
		return c
	}
	benchPipelineOf(b, sizes, func(root, tmp string, files []string) []string {
		c := copyOf(root, tmp)
		f := filepath.Join(c, "sensors", filepath.Base(files[0]))
		if edits[f] == nil {
			edits[f] = editSummary(b, f)
		}
		edits[f]()
		// benchPipeline passes --root with the generated register first;
		// a second --root, the copy's, wins.
		return []string{"--root", c, "build", "--as-of", "2026-11-24", "--out", filepath.Join(tmp, "public")}
	}, nil)
}

// showSubjects sets site.show_commit_subjects in the register at dir.
func showSubjects(b *testing.B, dir string) {
	cfg := filepath.Join(dir, "register.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	shown := strings.Replace(string(data), "\nsite:\n", "\nsite:\n  show_commit_subjects: true\n", 1)
	if shown == string(data) {
		b.Fatal("register.yaml has no site block to show subjects in")
	}
	if err := os.WriteFile(cfg, []byte(shown), 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPipelineBuildNextDay is the first build of a day into the site
// built the day before, the register as it was: a daily build in CI. Each
// run is a day after the one before; the site and the caches were made on
// the day before the first.
func BenchmarkPipelineBuildNextDay(b *testing.B) {
	build := func(root, out string, day time.Time) {
		a := &App{Out: io.Discard, Err: io.Discard, Now: func() time.Time { return day.Add(12 * time.Hour) }, Version: "bench"}
		if code := Run(a, []string{"--root", root, "build", "--as-of", day.Format(time.DateOnly), "--out", out}); code == ExitError {
			b.Fatalf("build of %s: exit %d", day.Format(time.DateOnly), code)
		}
	}
	// The site and the version kept beside it, on the day before.
	day, setup := dayAfterDay(func(root, tmp string, day time.Time) {
		for range 2 {
			build(root, filepath.Join(tmp, "public"), day)
		}
	})
	benchPipelineOf(b, pipelineSizes(), func(root, tmp string, files []string) []string {
		return []string{"build", "--as-of", day.Format(time.DateOnly), "--out", filepath.Join(tmp, "public")}
	}, setup)
}

// BenchmarkPipelineCheckNextDay is the first check of a day, the register
// as it was the day before, whose check filled the cache: a daily check in
// CI. Each run is a day after the one before. The results whose verdict
// holds on the day come from the cache; the files whose verdict moved on
// (an evaluation that lapsed, an exception that ended) are checked again.
func BenchmarkPipelineCheckNextDay(b *testing.B) {
	day, setup := dayAfterDay(func(root, tmp string, day time.Time) {
		a := &App{Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
		if code := Run(a, []string{"--root", root, "check", "--as-of", day.Format(time.DateOnly)}); code == ExitError {
			b.Fatalf("check of %s: exit %d", day.Format(time.DateOnly), code)
		}
	})
	benchPipelineOf(b, pipelineSizes(), func(root, tmp string, files []string) []string {
		return []string{"check", "--as-of", day.Format(time.DateOnly)}
	}, setup)
}

// dayAfterDay is the setup of a benchmark whose runs are each a day after
// the one before (benchPipelineOf), and the day of the run: before the
// first run on a register, first makes it ready on 2026-11-24.
func dayAfterDay(first func(root, tmp string, day time.Time)) (*time.Time, func(root, tmp string) string) {
	day := new(time.Time)
	ready := map[string]bool{}
	return day, func(root, tmp string) string {
		if !ready[root] {
			*day = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
			first(root, tmp, *day)
			ready[root] = true
		}
		*day = day.AddDate(0, 0, 1)
		return ""
	}
}

// commitHistory makes dir a Git repository of everything in it, committed
// once, and then edits commits more times: each gives a record's summary
// (one of the records the generator quotes it for, picked by a fixed
// sequence) another word, a day after the one before. The edits go in
// through git fast-import: committing them one at a time takes longer
// than the benchmark.
func commitHistory(b *testing.B, dir string, edits int) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("no git command to make the repository with")
	}
	when := time.Date(2025, 1, 6, 10, 0, 0, 0, time.UTC)
	run := func(stdin io.Reader, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Stdin = dir, stdin
		date := when.Format(time.RFC3339)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Registerbeheer", "GIT_AUTHOR_EMAIL=register@voorbeeldstad.example",
			"GIT_COMMITTER_NAME=Registerbeheer", "GIT_COMMITTER_EMAIL=register@voorbeeldstad.example",
			"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %s: %v: %s", args[0], err, out)
		}
	}
	run(nil, "init", "-q", "-b", "main")
	run(nil, "add", "-A")
	run(nil, "commit", "-q", "-m", "Register")
	if edits == 0 {
		return
	}
	files, err := testgen.RecordFiles(dir)
	if err != nil {
		b.Fatal(err)
	}
	texts := map[string]string{} // of the records edited, as last edited
	var quoted []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.Contains(string(data), "\nsummary: \"") {
			quoted = append(quoted, f)
		}
	}
	if len(quoted) == 0 {
		b.Fatal("no record with a quoted summary to edit")
	}
	var stream bytes.Buffer
	for i := range edits {
		f := quoted[(i*7919)%len(quoted)]
		text, ok := texts[f]
		if !ok {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			text = string(data)
		}
		text = strings.Replace(text, "\nsummary: \"", fmt.Sprintf("\nsummary: \"Bewerkt %d. ", i+1), 1)
		texts[f] = text
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			b.Fatal(err)
		}
		when = when.Add(24 * time.Hour)
		msg := fmt.Sprintf("Samenvatting %d", i+1)
		fmt.Fprintf(&stream, "commit refs/heads/main\ncommitter Registerbeheer <register@voorbeeldstad.example> %d +0100\ndata %d\n%s\n", when.Unix(), len(msg), msg)
		if i == 0 {
			stream.WriteString("from refs/heads/main^0\n")
		}
		fmt.Fprintf(&stream, "M 100644 inline %s\ndata %d\n%s\n", filepath.ToSlash(rel), len(text), text)
	}
	run(&stream, "fast-import", "--quiet")
	// The work tree as the last commit has it.
	run(nil, "reset", "-q", "--hard", "main")
}
