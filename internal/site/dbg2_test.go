package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
)

func TestDebugPhases(t *testing.T) {
	dir := filepath.Join(os.TempDir(), "register-bench-10000-v1")
	t0 := time.Now()
	res, err := load.Register(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("load", time.Since(t0))
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	t0 = time.Now()
	fs := principle.Run(res.Register, principle.Options{Today: today})
	fmt.Println("check", time.Since(t0), len(fs))
	t0 = time.Now()
	b, _ := newBuilder(res.Register, Options{Now: today, Findings: fs, Workers: 8})
	fmt.Println("newBuilder", time.Since(t0))
	b.dir = t.TempDir()
	t0 = time.Now()
	js := b.jobs()
	fmt.Println("jobs", time.Since(t0), len(js))
	t0 = time.Now()
	if err := b.run(); err != nil {
		t.Fatal(err)
	}
	fmt.Println("run", time.Since(t0))
	t0 = time.Now()
	os.RemoveAll(b.dir)
	fmt.Println("remove", time.Since(t0))
}
