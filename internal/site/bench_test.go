//go:build unix

package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/site"
	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// BenchmarkBuild builds the site for a generated register of 10,000 records
// (both languages, every page) with the checklist, and reports pages per
// second. The target is under 3 seconds on a 2-core machine.
func BenchmarkBuild(b *testing.B) {
	const n = 10000
	// Not the load benchmark's folder: packages may run at once.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("register-site-bench-%d-v1", n))
	if _, err := os.Stat(filepath.Join(dir, "register.yaml")); err != nil {
		os.RemoveAll(dir)
		if err := testgen.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Register.Records) != n {
		b.Fatalf("loaded %d records, want %d", len(res.Register.Records), n)
	}
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	out := filepath.Join(b.TempDir(), "public")
	cpu0 := testbed.CPU()
	b.ResetTimer()
	var st site.Stats
	for range b.N {
		st, err = site.Build(res.Register, site.Options{
			Out: out, Now: today.Add(12 * time.Hour),
			Check: func(reg *register.Register, each func(*finding.Finding)) {
				fs := principle.Run(reg, principle.Options{Today: today})
				for i := range fs {
					each(&fs[i])
				}
			},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// CPU time says what a build costs when other work shares the machine:
	// on an idle machine with two cores the wall time is about half of it.
	b.ReportMetric((testbed.CPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(st.Pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(st.Pages), "pages")
}
