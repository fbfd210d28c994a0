package load

import (
	"path/filepath"
	"runtime"
	"sync"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/source"
)

// Locate fills in the line and column of findings that name a field (Path)
// but no position yet, as the checklist's findings do. It re-reads only the
// files that have such findings, on a pool of workers, so a clean register
// costs nothing and a large one holds no node trees in memory between stages.
func Locate(root string, fs []finding.Finding) {
	byFile := map[string][]int{}
	for i, f := range fs {
		if f.Line == 0 && f.File != "" && f.Rule != finding.RuleYAML {
			byFile[f.File] = append(byFile[f.File], i)
		}
	}
	if len(byFile) == 0 {
		return
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return
	}
	realRoot, _ = filepath.Abs(realRoot)
	files := make(chan string)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(byFile)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for file := range files {
				data, bad := readInside(filepath.Join(root, filepath.FromSlash(file)), realRoot, source.DefaultLimits.MaxBytes, nil)
				if bad != nil {
					continue
				}
				doc, _ := source.Tree(file, data, source.DefaultLimits)
				if doc == nil {
					continue
				}
				// Each worker writes only the findings of its own file.
				for _, i := range byFile[file] {
					fs[i].Line, fs[i].Column = doc.Locate(fs[i].Path, fs[i].Key)
				}
			}
		}()
	}
	for file := range byFile {
		files <- file
	}
	close(files)
	wg.Wait()
}
