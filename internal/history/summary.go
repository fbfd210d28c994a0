package history

import (
	"fmt"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// summary is what Records, FirstCommit and RegisterStart answer from: the
// history of every file at HEAD and of every file removed since, and the
// date of the first commit that touched the register.
type summary struct {
	records  map[string]FileHistory
	removed  map[string]FileHistory
	start    time.Time
	hasStart bool
}

func newSummary() *summary {
	return &summary{records: map[string]FileHistory{}, removed: map[string]FileHistory{}}
}

func (h *headData) summary() *summary {
	s := &summary{records: h.Records, removed: h.Removed, start: h.Start, hasStart: h.HasStart}
	if s.records == nil {
		s.records = map[string]FileHistory{}
	}
	if s.removed == nil {
		s.removed = map[string]FileHistory{}
	}
	return s
}

func (s *summary) headData() *headData {
	return &headData{Records: s.records, Removed: s.removed, Start: s.start, HasStart: s.hasStart}
}

// apply adds one commit's events. Commits must come parents first; a file's
// added date is its oldest event and its changed date the newest (by author
// date, later in history winning a tie), following renames back and keeping
// the history of a file removed and added again.
func (s *summary) apply(c *commitRec) {
	if len(c.Events) == 0 {
		return
	}
	t := c.when()
	if !s.hasStart || t.Before(s.start) {
		s.start, s.hasStart = t, true
	}
	first := func(fh *FileHistory, when time.Time, who string) {
		if fh.Added.IsZero() || when.Before(fh.Added) {
			fh.Added, fh.AddedBy = when, who
		}
	}
	last := func(fh *FileHistory) {
		if fh.Changed.IsZero() || !t.Before(fh.Changed) {
			fh.Changed, fh.ChangedBy, fh.Commit = t, c.Author, c.Hash.String()
		}
	}
	// current takes a file's history: live, or from an earlier life.
	current := func(p string) FileHistory {
		if fh, ok := s.records[p]; ok {
			return fh
		}
		fh := s.removed[p]
		delete(s.removed, p)
		return fh
	}
	for _, e := range c.Events {
		switch e.Op {
		case Added, Changed:
			fh := current(e.Path)
			first(&fh, t, c.Author)
			last(&fh)
			s.records[e.Path] = fh
		case Renamed:
			fh := current(e.Path)
			if from, ok := s.records[e.From]; ok {
				delete(s.records, e.From)
				first(&fh, from.Added, from.AddedBy)
				last(&from) // the rename is the old path's last change
				s.removed[e.From] = from
			}
			first(&fh, t, c.Author)
			last(&fh)
			s.records[e.Path] = fh
		case Removed:
			fh, ok := s.records[e.Path]
			if !ok {
				fh = s.removed[e.Path]
			}
			delete(s.records, e.Path)
			first(&fh, t, c.Author)
			last(&fh)
			s.removed[e.Path] = fh
		}
	}
}

// reconcile makes the live files exactly those at HEAD. Replaying events
// gets this wrong only around merges whose result takes one side's file
// without a change of its own (a branch removed a file, the merge kept it).
func (s *summary) reconcile(head map[string]plumbing.Hash) {
	for p, fh := range s.records {
		if _, ok := head[p]; !ok {
			s.removed[p] = fh
			delete(s.records, p)
		}
	}
	for p := range head {
		if _, ok := s.records[p]; ok {
			continue
		}
		if fh, ok := s.removed[p]; ok {
			s.records[p] = fh
			delete(s.removed, p)
		}
	}
}

// summary returns the summary, building it on first use; the caller holds
// r.mu.
func (r *Repo) summary() (*summary, error) {
	if r.sum == nil && r.sumErr == nil {
		r.sum, r.sumErr = r.buildSummary()
	}
	return r.sum, r.sumErr
}

func (r *Repo) buildSummary() (*summary, error) {
	if r.head.IsZero() {
		return newSummary(), nil
	}
	if hd := r.readHead(); hd != nil {
		if hd.Head == r.head {
			return hd.summary(), nil
		}
		s, ok, err := r.advance(hd)
		if err != nil || ok {
			return s, err
		}
	}
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	return idx.sum, nil
}

// advance brings the cached summary up to HEAD when HEAD only added commits
// on top of the cached HEAD (a fast-forward, or a merge of branches started
// from it): the new commits' events apply on top. The cost is that of the
// new commits. ok is false when history went another way (a reset, a
// rebase, a merge of an older branch); the caller then runs the full pass.
func (r *Repo) advance(hd *headData) (*summary, bool, error) {
	if hd.Head.IsZero() {
		return nil, false, nil
	}
	oldHead, err := object.GetCommit(r.store, hd.Head)
	if err != nil {
		return nil, false, nil // gone: history was rewritten
	}
	oldTree, err := r.trees.lookup(oldHead.TreeHash, r.dirs)
	if err != nil {
		return nil, false, fmt.Errorf("commit %s: %w", hd.Head, err)
	}
	commits := map[plumbing.Hash]*commitRec{hd.Head: {Hash: hd.Head, RegTree: oldTree}}
	fresh, err := r.collect(r.head, commits, hd.known)
	if err != nil {
		return nil, false, err
	}
	// The old HEAD must be an ancestor of the new one, and the only way
	// into known history: then the new history is the old one plus the
	// new commits. HEAD itself known means it moved back or aside.
	isFresh := make(map[plumbing.Hash]bool, len(fresh))
	for _, c := range fresh {
		isFresh[c.Hash] = true
	}
	onOld := false
	for _, c := range fresh {
		for _, p := range c.Parents {
			switch {
			case p == hd.Head:
				onOld = true
			case !isFresh[p]:
				return nil, false, nil
			}
		}
	}
	if !isFresh[r.head] || !onOld {
		return nil, false, nil
	}
	if err := r.computeEvents(fresh, commits); err != nil {
		return nil, false, err
	}
	s := hd.summary()
	for _, c := range parentsFirst(fresh, commits) {
		s.apply(c)
	}
	head, err := r.trees.files("", commits[r.head].RegTree)
	if err != nil {
		return nil, false, err
	}
	s.reconcile(head)
	nh := s.headData()
	nh.Segments, nh.Known = hd.Segments, hd.Known
	r.writeCache(nh, fresh, false)
	return s, true, nil
}

// parentsFirst orders commits so that each comes after those of its
// parents that are in the list.
func parentsFirst(cs []*commitRec, all map[plumbing.Hash]*commitRec) []*commitRec {
	in := make(map[plumbing.Hash]bool, len(cs))
	for _, c := range cs {
		in[c.Hash] = true
	}
	out := make([]*commitRec, 0, len(cs))
	done := make(map[plumbing.Hash]bool, len(cs))
	type frame struct {
		c    *commitRec
		next int
	}
	for _, root := range cs {
		if done[root.Hash] {
			continue
		}
		done[root.Hash] = true
		stack := []frame{{c: root}}
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next < len(f.c.Parents) {
				p := f.c.Parents[f.next]
				f.next++
				if in[p] && !done[p] {
					done[p] = true
					stack = append(stack, frame{c: all[p]})
				}
				continue
			}
			out = append(out, f.c)
			stack = stack[:len(stack)-1]
		}
	}
	return out
}
