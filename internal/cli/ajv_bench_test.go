package cli

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/schema"
)

// BenchmarkCheckAgainstAjv holds `register check` to ajv-cli, the Node
// validator issue 15 compares it with, on the same YAML sensors: the
// sensors of the generated 10,000-record register (6,667 files). check
// runs the whole checklist and fills its cache; ajv-cli validates against
// the sensor schema only. It reports x-ajv, check's CPU time over
// ajv-cli's (the goal: below 1), and x-ajv-wall. It runs where
// REGISTER_BENCH_AJV names a folder in which `npm install ajv-cli@5
// ajv-formats` was run, and is skipped elsewhere: the tests and
// benchmarks otherwise need nothing from npm.
//
// ajv-cli's YAML reader reads an unquoted date as a timestamp, which the
// schema's dates (text) refuse, so it reports most files invalid: its time
// includes writing those reports.
func BenchmarkCheckAgainstAjv(b *testing.B) {
	dir := os.Getenv("REGISTER_BENCH_AJV")
	if dir == "" {
		b.Skip("REGISTER_BENCH_AJV names no folder with ajv-cli")
	}
	ajv := filepath.Join(dir, "node_modules", ".bin", "ajv")
	root, err := testgen.Cached(10000)
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	// The sensors alone, as a register: the files ajv-cli reads.
	sensors := filepath.Join(tmp, "register")
	if err := os.CopyFS(filepath.Join(sensors, "sensors"), os.DirFS(filepath.Join(root, "sensors"))); err != nil {
		b.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(sensors, "algorithms"), 0o755); err != nil {
		b.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "register.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(sensors, "register.yaml"), cfg, 0o644)
	}
	if err != nil {
		b.Fatal(err)
	}
	// ajv resolves the sensor schema's reference to the common one by
	// their $id, which the published schemas leave out.
	for _, name := range []string{"sensor.schema.json", "common.schema.json"} {
		data, err := schema.FS.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(data, &s); err != nil {
			b.Fatal(err)
		}
		s["$id"] = "https://schemas.invalid/" + name
		if data, err = json.Marshal(s); err == nil {
			err = os.WriteFile(filepath.Join(tmp, name), data, 0o644)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	var checkCost, ajvCost cost
	for b.Loop() {
		b.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
		if err := os.RemoveAll(filepath.Join(tmp, "cache")); err != nil {
			b.Fatal(err)
		}
		c := measure(func() {
			a := &App{Out: io.Discard, Err: io.Discard, Now: benchNow, Version: "bench"}
			Run(a, []string{"--root", sensors, "check", "--as-of", "2026-11-24"})
		})
		checkCost.cpu += c.cpu
		checkCost.wall += c.wall
		b.StopTimer()
		cmd := exec.Command(ajv, "validate", "--spec=draft2020", "-c", "ajv-formats", "--strict=false",
			"-s", filepath.Join(tmp, "sensor.schema.json"), "-r", filepath.Join(tmp, "common.schema.json"),
			"-d", filepath.Join(sensors, "sensors", "*.yaml"))
		cmd.Dir = dir // where ajv-formats is installed
		start := time.Now()
		if err := cmd.Run(); err != nil && cmd.ProcessState == nil {
			b.Fatal(err) // invalid files make it exit 1; not running at all is a failure
		}
		ajvCost.wall += time.Since(start)
		ajvCost.cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		b.StartTimer()
	}
	b.ReportMetric(checkCost.cpu.Seconds()/ajvCost.cpu.Seconds(), "x-ajv")
	b.ReportMetric(checkCost.wall.Seconds()/ajvCost.wall.Seconds(), "x-ajv-wall")
	b.ReportMetric(ajvCost.cpu.Seconds()/float64(b.N), "ajv-cpu-s")
}
