package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testgen"
)

func BenchmarkZZProfInc(b *testing.B) {
	os.Setenv("REGTIME", "")
	root, err := testgen.Cached(10000)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := testgen.RecordFiles(root)
	tmp := b.TempDir()
	b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	c := filepath.Join(tmp, "register")
	if err := os.CopyFS(c, os.DirFS(root)); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	a := &App{Out: io.Discard, Err: io.Discard, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "bench"}
	args := []string{"--root", c, "build", "--as-of", "2026-11-24", "--out", out}
	for range 2 {
		Run(a, args)
	}
	f := filepath.Join(c, "sensors", filepath.Base(files[0]))
	edit := editSummary(b, f)
	pf, _ := os.Create(os.Getenv("PROF"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edit()
		if i == 0 {
			pprof.StartCPUProfile(pf)
			os.Setenv("REGTIME", "1")
		}
		Run(a, args)
	}
	pprof.StopCPUProfile()
}

func BenchmarkZZProfCold(b *testing.B) {
	root, err := testgen.Cached(10000)
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	a := &App{Out: io.Discard, Err: io.Discard, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, Version: "bench"}
	pf, _ := os.Create(os.Getenv("PROF"))
	pprof.StartCPUProfile(pf)
	for i := 0; i < b.N; i++ {
		out := filepath.Join(tmp, "public", fmt.Sprint(i))
		Run(a, []string{"--root", root, "build", "--no-cache", "--as-of", "2026-11-24", "--out", out})
	}
	pprof.StopCPUProfile()
}
