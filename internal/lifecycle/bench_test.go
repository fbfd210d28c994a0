package lifecycle_test

import (
	"io"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// The benchmarks work on the items of the shared generated register of
// 10,000 records a year ahead, as the site's calendar does:
//
//	go test -run '^$' -bench 'Due|WriteICal' ./internal/lifecycle

var benchDay = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// benchRegister loads the shared generated register of 10,000 records.
func benchRegister(b *testing.B) *register.Register {
	root, err := testgen.Cached(10000)
	if err != nil {
		b.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
	res, err := load.Register(root, load.Options{Validator: v, Records: true})
	if err != nil {
		b.Fatal(err)
	}
	return res.Register
}

// BenchmarkDue lists and sorts what falls due.
func BenchmarkDue(b *testing.B) {
	reg := benchRegister(b)
	b.ReportAllocs()
	for b.Loop() {
		lifecycle.Due(reg, benchDay, period.Duration{Years: 1})
	}
}

// BenchmarkWriteICal writes the calendar as the site publishes it.
func BenchmarkWriteICal(b *testing.B) {
	items := lifecycle.Due(benchRegister(b), benchDay, period.Duration{Years: 1})
	b.ReportAllocs()
	for b.Loop() {
		rep := lifecycle.Report{Today: benchDay, Items: items, Public: true, Now: benchDay}
		if err := lifecycle.WriteICal(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}
