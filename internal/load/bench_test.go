package load_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// register returns the shared generated register of n records.
func register(b *testing.B, n int) string {
	dir, err := testgen.Cached(n)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkParseOnly is the floor: reading every file into yaml.Node trees
// on the same number of workers, nothing else.
func BenchmarkParseOnly(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files, err := testgen.RecordFiles(register(b, n))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu0 := testbed.CPU()
			for b.Loop() {
				if err := testgen.ParseFloor(files); err != nil {
					b.Error(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric((testbed.CPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkLoadValidate is what `register validate` does: read, check
// limits, convert, validate against the schema, decode, register checks.
func BenchmarkLoadValidate(b *testing.B) {
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			root := register(b, n)
			b.ResetTimer()
			cpu0 := testbed.CPU()
			for b.Loop() {
				res, err := load.Register(root, load.Options{Validator: v})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Register.Records) != n {
					b.Fatalf("loaded %d of %d records; findings: %v", len(res.Register.Records), n, res.Findings[:min(5, len(res.Findings))])
				}
				if len(res.Findings) != 0 {
					b.Fatalf("generated register has findings: %v", res.Findings[:min(5, len(res.Findings))])
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric((testbed.CPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
		})
	}
}
