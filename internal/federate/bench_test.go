package federate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// benchFederation returns the folder of a generated federation of count
// municipalities sharing total records, made once and kept under
// os.TempDir between runs.
func benchFederation(b *testing.B, count, total int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("register-bench-federation-%d-%d-v2", count, total))
	if _, err := os.Stat(filepath.Join(dir, "federation.yaml")); err != nil {
		os.RemoveAll(dir)
		start := time.Now()
		if err := testgen.WriteFederation(dir, testgen.Federation(count, total), 1); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d registers with %d records in %s", count, total, time.Since(start).Round(time.Second))
	}
	return dir
}

// BenchmarkFederate federates 342 generated municipal registers: a cold run
// (empty cache), a run with nothing changed, a run after one record of
// one register changed, and the next day's run (next-day-reused: the
// registers it did not read again). REGISTER_BENCH_FEDERATION sets the total number of
// records (default 100,000; the country is about 1,000,000).
func BenchmarkFederate(b *testing.B) {
	total := 100_000
	if s := os.Getenv("REGISTER_BENCH_FEDERATION"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 342 {
			b.Fatalf("REGISTER_BENCH_FEDERATION=%q: give the number of records, 342 or more", s)
		}
		total = n
	}
	const count = 342
	dir := benchFederation(b, count, total)
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	work := b.TempDir()
	opts := Options{Out: filepath.Join(work, "out"), Cache: filepath.Join(work, "cache"), Today: today}
	for b.Loop() {
		os.RemoveAll(opts.Cache)
		testbed.ResetPeakRSS()
		cpu0, start := testbed.CPU().Seconds(), time.Now()
		res, err := Run(fed, opts)
		if err != nil {
			b.Fatal(err)
		}
		cold := time.Since(start).Seconds()
		if len(res.Failed) > 0 || len(res.Parts) != count {
			b.Fatalf("read %d registers; failed: %v", len(res.Parts), res.Failed[:min(3, len(res.Failed))])
		}
		b.ReportMetric(float64(total)/cold, "records/s")
		b.ReportMetric(cold, "cold-s")
		b.ReportMetric((testbed.CPU().Seconds()-cpu0)/float64(total)*1e6, "cpu-µs/record")
		b.ReportMetric(testbed.PeakRSS()/(1<<20), "peak-RSS-MiB")

		start = time.Now()
		if res, err = Run(fed, opts); err != nil || res.Reused != count {
			b.Fatalf("unchanged run: %v, %d reused", err, res.Reused)
		}
		b.ReportMetric(time.Since(start).Seconds(), "unchanged-s")

		// Change one record of the largest register, the worst case.
		largest := testgen.Federation(count, total)[0]
		for _, m := range testgen.Federation(count, total) {
			if m.Records > largest.Records {
				largest = m
			}
		}
		files, err := testgen.RecordFiles(filepath.Join(dir, largest.Code))
		if err != nil {
			b.Fatal(err)
		}
		data, err := os.ReadFile(files[0])
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(files[0], append(bytes.TrimRight(data, "\n"), []byte("\n# gewijzigd "+time.Now().String()+"\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		if res, err = Run(fed, opts); err != nil || res.Reused != count-1 {
			b.Fatalf("run after one change: %v, %d reused, want %d", err, res.Reused, count-1)
		}
		b.ReportMetric(time.Since(start).Seconds(), "one-changed-s")

		// The next day's run: the registers whose verdict the day may
		// change are read again, the others reused.
		next := opts
		next.Today = today.AddDate(0, 0, 1)
		start = time.Now()
		if res, err = Run(fed, next); err != nil || len(res.Parts) != count {
			b.Fatalf("next day's run: %v, %d read", err, len(res.Parts))
		}
		b.ReportMetric(time.Since(start).Seconds(), "next-day-s")
		b.ReportMetric(float64(res.Reused), "next-day-reused")
		b.Logf("%d records in %d registers; the changed register (%s) holds %d records", total, count, largest.Code, largest.Records)
	}
}
