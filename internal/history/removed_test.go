package history

import "testing"

// TestRemoved: a record file the register once had and HEAD has not, removed
// or renamed to another id, is told with the commit that took it away, read
// fresh and from the cache alike; a file at HEAD or never in the register is
// not.
func TestRemoved(t *testing.T) {
	s := newStory(t)
	for _, run := range []string{"fresh", "cached"} {
		h := s.open("register")
		for _, tt := range []struct {
			file   string
			commit string // "" when not removed
		}{
			{"algorithms/parkeren.yaml", s.c8.String()}, // removed
			{"sensors/cam-markt.yaml", s.c4.String()},   // renamed to cam-marktplein
			{"sensors/cam-marktplein.yaml", ""},         // at HEAD
			{"sensors/geluid.yaml", ""},                 // at HEAD, from a merged branch
			{"sensors/nergens.yaml", ""},                // never there
		} {
			fh, ok := h.Removed(tt.file)
			if ok != (tt.commit != "") || fh.Commit != tt.commit {
				t.Errorf("%s: Removed(%s) = %s, %v; want %q", run, tt.file, fh.Commit, ok, tt.commit)
			}
		}
		if fh, _ := h.Removed("algorithms/parkeren.yaml"); day(t, fh.Changed) != "2024-08-01 09:00 +0200" || fh.ChangedBy != "Eve" {
			t.Errorf("%s: the removal is dated %s by %s", run, day(t, fh.Changed), fh.ChangedBy)
		}
	}
}
