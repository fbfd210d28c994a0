package testgen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

var cached sync.Map

// Cached returns the folder of a register of n generated records (seed 1),
// made once and kept under os.TempDir between runs, so every package's
// benchmarks share it.
func Cached(n int) (string, error) {
	if dir, ok := cached.Load(n); ok {
		return dir.(string), nil
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("register-bench-%d-v1", n))
	if _, err := os.Stat(filepath.Join(dir, "register.yaml")); err != nil {
		os.RemoveAll(dir)
		if err := Write(dir, n, 1); err != nil {
			return "", err
		}
	}
	cached.Store(n, dir)
	return dir, nil
}

// RecordFiles lists the record files of a generated register.
func RecordFiles(root string) ([]string, error) {
	var names []string
	for _, sub := range []string{"sensors", "algorithms"} {
		entries, err := os.ReadDir(filepath.Join(root, sub))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".yaml") {
				names = append(names, filepath.Join(root, sub, e.Name()))
			}
		}
	}
	return names, nil
}

// ParseFloor is the floor the loading benchmarks are held to: it parses
// every file once into yaml.Node trees on GOMAXPROCS workers, nothing else.
// It returns every read or parse error.
func ParseFloor(files []string) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	names := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range names {
				data, err := os.ReadFile(name)
				if err == nil {
					var node yaml.Node
					err = yaml.Unmarshal(data, &node)
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, name := range files {
		names <- name
	}
	close(names)
	wg.Wait()
	return errors.Join(errs...)
}
