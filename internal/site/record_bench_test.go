//go:build unix

package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// BenchmarkRecordPages renders the record pages of a generated register of
// 2,000 records (both languages) into memory, with the checklist's findings,
// and reports the CPU time per page (CPU, not wall time: it compares runs
// fairly on a shared machine). The floor, measured in the same run, is the
// least any renderer does: escaping every text of the record once.
//
//	go test -run '^$' -bench RecordPages ./internal/site
func BenchmarkRecordPages(b *testing.B) {
	const n = 2000
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("register-site-recordbench-%d-v1", n))
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
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	bld, err := newBuilder(res.Register, Options{Now: today.Add(12 * time.Hour),
		Check: checkWith(func(reg *register.Register) []finding.Finding {
			return principle.Run(reg, principle.Options{Today: today})
		})}, filepath.Join(b.TempDir(), "public"))
	if err != nil {
		b.Fatal(err)
	}
	var jobs []job
	for _, lang := range bld.langs {
		for _, r := range bld.public {
			jobs = append(jobs, bld.recordJob(lang, r))
		}
	}
	var buf bytes.Buffer
	leaves := record.Leaves()
	floor := func() {
		for range bld.langs {
			for _, r := range bld.public {
				buf.Reset()
				escapeTexts(&buf, leaves, r)
			}
		}
	}
	pages := func() {
		for _, j := range jobs {
			buf.Reset()
			if err := j.render(&buf); err != nil {
				b.Fatal(err)
			}
		}
	}
	pages() // the layouts, once
	var floorCPU, pageCPU time.Duration
	b.ResetTimer()
	for range b.N {
		c0 := testbed.CPU()
		floor()
		c1 := testbed.CPU()
		pages()
		floorCPU += c1 - c0
		pageCPU += testbed.CPU() - c1
	}
	b.StopTimer()
	b.ReportMetric(float64(pageCPU.Microseconds())/float64(b.N*len(jobs)), "cpu-µs/page")
	b.ReportMetric(float64(pageCPU)/float64(floorCPU), "x-floor")
}

// escapeTexts writes every text of a record escaped, the floor of
// BenchmarkRecordPages.
func escapeTexts(w *bytes.Buffer, leaves []record.Leaf, r *record.Record) {
	for _, l := range leaves {
		v, ok := l.Get(r)
		if !ok {
			continue
		}
		switch v := v.(type) {
		case string:
			w.WriteString(esc(v))
		case []string:
			for _, s := range v {
				w.WriteString(esc(s))
			}
		default:
			w.WriteString(esc(fmt.Sprint(v)))
		}
	}
}
