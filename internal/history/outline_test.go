package history

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/binread"
)

// outlineOf opens the story's register as a run of tool would, asks for
// the outline since, and reports whether it was kept: made by a run
// before rather than from the history's index.
func outlineOf(t *testing.T, s *story, tool, since string) (cs *ChangeSet, kept bool) {
	t.Helper()
	h := s.openAs(tool)
	cs, err := h.Outline(since)
	if err != nil {
		t.Fatal(err)
	}
	kept = h.idx == nil
	cs.repo = nil
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	return cs, kept
}

// keptOutlineFile is the file an outline of the story is kept in.
func keptOutlineFile(t *testing.T, s *story) string {
	t.Helper()
	return keptPath(t, s.open("register"), outlineName)
}

// An outline is kept for the next run of the same program, and is the
// outline made afresh; a run that asks otherwise, after a commit, of
// another program, or when a tag asked for moved, or that finds the file
// damaged, makes it afresh.
func TestOutlineIsKeptForWhatMadeIt(t *testing.T) {
	s := newStory(t)
	fresh := func(since string) *ChangeSet {
		t.Helper()
		cs, err := s.open("register").Outline(since)
		if err != nil {
			t.Fatal(err)
		}
		cs.repo = nil
		return cs
	}
	steps := []struct {
		name, tool, since string
		change            func()
		kept              bool
	}{
		{"the first run", "tool-1", "2020-01-01", nil, false},
		{"the same again", "tool-1", "2020-01-01", nil, true},
		{"another program", "tool-2", "2020-01-01", nil, false},
		{"another day", "tool-2", "2024-06-01", nil, false},
		{"the day again", "tool-2", "2024-06-01", nil, true},
		{"a tag", "tool-2", "v1", nil, false},
		{"the tag moved", "tool-2", "v1", func() {
			if err := s.repo.DeleteTag("v1"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.repo.CreateTag("v1", s.c3, nil); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a new commit", "tool-2", "v1", func() {
			s.commit(map[string]string{"register/sensors/nieuw.yaml": "id: nieuw\nkind: sensor\n"}, "Frank", "2024-09-01T09:00:00+02:00", "Nieuw")
		}, false},
		{"a damaged file", "tool-2", "v1", func() { damage(t, keptOutlineFile(t, s)) }, false},
		{"made again", "tool-2", "v1", nil, true},
	}
	for _, step := range steps {
		if step.change != nil {
			step.change()
		}
		got, kept := outlineOf(t, s, step.tool, step.since)
		if kept != step.kept {
			t.Errorf("%s: outline kept %v, want %v", step.name, kept, step.kept)
		}
		if want := fresh(step.since); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: outline\n%+v\nwant, made afresh\n%+v", step.name, got, want)
		}
	}
}

// A run that cannot name its program keeps no outline.
func TestOutlineIsKeptOnlyForAProgram(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	if _, err := h.Outline("2020-01-01"); err != nil {
		t.Fatal(err)
	}
	for _, dir := range h.cacheDirs() {
		if fileExists(filepath.Join(dir, outlineName)) {
			t.Errorf("an outline was kept in %s", dir)
		}
	}
}

func FuzzDecodeOutline(f *testing.F) {
	cs := &ChangeSet{Since: "2020-01-01", Head: "c2", Records: []RecordChange{{Op: Added, File: "sensors/a.yaml",
		Commits: []Change{{Commit: "c1", Author: "A", Message: "m", Op: Added, File: "sensors/a.yaml", new: plumbing.Hash{1}}}}}}
	f.Add(encodeOutline(cs))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, payload []byte) {
		// Whatever the bytes, no panic; what reads has every change
		// unread, so the feed reads its fields from the history. The
		// checksum of the file is left out of what is fuzzed: it would
		// turn away nearly every input.
		got, ok := decodeOutline(binread.New(payload))
		if !ok {
			return
		}
		for _, rc := range got.Records {
			for _, c := range rc.Commits {
				if !c.unread || c.Fields != nil {
					t.Errorf("%s of %s read as read", c.Commit, c.File)
				}
			}
		}
	})
}
