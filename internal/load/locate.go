package load

import (
	"maps"
	"path/filepath"
	"slices"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/source"
)

// Locate fills in the line and column of findings that name a field (Path)
// but no position yet, as the checklist's findings do. It re-reads only the
// files that have such findings, on every core (parallel.Each), so a clean register
// costs nothing and a large one holds no node trees in memory between stages.
func Locate(root string, fs []finding.Finding) {
	byFile := map[string][]int{}
	for i := range fs {
		if f := &fs[i]; unplaced(f) {
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
	files := slices.Collect(maps.Keys(byFile))
	parallel.Each(len(files), func(n int) {
		file := files[n]
		data, _, _, bad := readInside(filepath.Join(root, filepath.FromSlash(file)), realRoot, source.DefaultLimits.MaxBytes, nil)
		if bad != nil {
			return
		}
		doc, _ := source.Tree(file, data, source.DefaultLimits)
		if doc == nil {
			return
		}
		// Each call writes only the findings of its own file.
		for _, i := range byFile[file] {
			fs[i].Line, fs[i].Column = doc.Locate(fs[i].Path, fs[i].Key)
		}
	})
}

// unplaced reports whether Locate looks for the position of f: one without
// a line, of a file, and not about its YAML (whose position is known when
// it is known at all).
func unplaced(f *finding.Finding) bool {
	return f.Line == 0 && f.File != "" && f.Rule != finding.RuleYAML
}
