package load

import (
	"path/filepath"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/source"
)

// Locate fills in the line and column of findings that name a field (Path)
// but no position yet, as the checklist's findings do. It re-reads only the
// files that have such findings, so a clean register costs nothing, and a
// large one holds no node trees in memory between stages.
func Locate(root string, fs []finding.Finding) {
	byFile := map[string][]int{}
	for i, f := range fs {
		if f.Line == 0 && f.File != "" && f.Rule != finding.RuleYAML {
			byFile[f.File] = append(byFile[f.File], i)
		}
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return
	}
	realRoot, _ = filepath.Abs(realRoot)
	for file, idx := range byFile {
		data, msg := readInside(filepath.Join(root, filepath.FromSlash(file)), realRoot, source.DefaultLimits.MaxBytes)
		if msg != "" {
			continue
		}
		doc, _ := source.Parse(file, data, source.DefaultLimits)
		if doc == nil {
			continue
		}
		for _, i := range idx {
			fs[i].Line, fs[i].Column = doc.Locate(fs[i].Path, fs[i].Key)
		}
	}
}
