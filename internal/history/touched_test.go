package history

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// forgetKept removes what runs before kept in the file name (kept.go).
func forgetKept(t *testing.T, s *story, name string) {
	t.Helper()
	for _, dir := range s.open("register").cacheDirs() {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

// keptDiffCount is how many field diffs are kept for the story's register.
func keptDiffCount(t *testing.T, s *story) int {
	t.Helper()
	_, entries := readDiffsFile(t, keptDiffs(t, s.open("register")))
	return len(entries)
}

// Touched's answer is kept for the next run of the same program asking
// for the same files, and is the answer worked out afresh; another
// program, other files, a new commit or a damaged file have it worked
// out again. The diffs it was made of stay kept through a run that read
// it as kept and read other diffs (the feed's).
func TestTouchedIsKeptForWhatMadeIt(t *testing.T) {
	s := newStory(t)
	files := []string{"sensors/cam-marktplein.yaml", "sensors/geluid.yaml", "algorithms/parkeren.yaml"}
	touched := func(tool string, files []string) (map[string][]Change, bool) {
		t.Helper()
		h := s.openAs(tool)
		got, err := h.Touched(files)
		if err != nil {
			t.Fatal(err)
		}
		kept := h.idx == nil
		// A feed reads a diff of its own meanwhile.
		cs, err := h.Outline("2020-01-01")
		if err != nil {
			t.Fatal(err)
		}
		cs.Read(&cs.Records[0].Commits[0])
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		return got, kept
	}
	fresh := func(files []string) map[string][]Change {
		t.Helper()
		got, err := s.open("register").Touched(files)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	var diffs int
	for _, step := range []struct {
		name   string
		tool   string
		files  []string
		change func()
		kept   bool
	}{
		{"the first run", "tool-1", files, nil, false},
		{"the same again", "tool-1", files, func() { diffs = keptDiffCount(t, s) }, true},
		{"again, the diffs still kept", "tool-1", files, func() {
			if n := keptDiffCount(t, s); n < diffs {
				t.Errorf("%d diffs kept after a run that read the answer kept, want at least %d", n, diffs)
			}
		}, true},
		{"other files", "tool-1", files[:2], nil, false},
		{"another program", "tool-2", files[:2], nil, false},
		{"a new commit", "tool-2", files[:2], func() {
			s.commit(map[string]string{"register/sensors/geluid.yaml": "id: geluid\nkind: sensor\nname: Geluid\n"}, "Frank", "2024-09-01T09:00:00+02:00", "Geluid")
		}, false},
		{"a damaged file", "tool-2", files[:2], func() { damage(t, keptPath(t, s.open("register"), touchedName)) }, false},
		{"made again", "tool-2", files[:2], nil, true},
	} {
		if step.change != nil {
			step.change()
		}
		got, kept := touched(step.tool, step.files)
		if kept != step.kept {
			t.Errorf("%s: answer kept %v, want %v", step.name, kept, step.kept)
		}
		if want := fresh(step.files); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: answer\n%+v\nwant, worked out afresh\n%+v", step.name, got, want)
		}
	}
}
