package acceptance

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMakeFuzzesEveryTarget: every fuzz target in the repository is in the
// Makefile's FUZZ_TARGETS, so `make test` (fuzz-short) and `make fuzz` run
// it; a target written and left out there would never run beyond its
// seeds.
func TestMakeFuzzesEveryTarget(t *testing.T) {
	root := filepath.Join("..", "..")
	mk, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	listed := regexp.MustCompile(`(?m)^\t(\./\S+):(Fuzz\w+)`).FindAllStringSubmatch(string(mk), -1)
	var inMake []string
	for _, m := range listed {
		inMake = append(inMake, m[1]+":"+m[2])
	}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	var inCode []string
	err = filepath.WalkDir(filepath.Join(root, "internal"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			inCode = append(inCode, "./"+filepath.ToSlash(rel)+":"+m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(inMake)
	slices.Sort(inCode)
	if len(inCode) == 0 {
		t.Fatal("no fuzz target found in internal/")
	}
	for _, c := range inCode {
		if !slices.Contains(inMake, c) {
			t.Errorf("%s is not in the Makefile's FUZZ_TARGETS", c)
		}
	}
	for _, m := range inMake {
		if !slices.Contains(inCode, m) {
			t.Errorf("the Makefile's FUZZ_TARGETS names %s, which no test file has", m)
		}
	}
}
