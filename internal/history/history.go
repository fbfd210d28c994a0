// Package history reads the register's Git history through go-git, without
// a git binary: when each record was added and last changed and by whom, the
// commits that touched a record with field-level changes (following renames),
// and what changed since a tag, commit or date.
//
// The whole history is read in one pass: every commit's register folder is
// compared with its parents' by tree hash, so commits and subtrees that did
// not touch the register cost one lookup. What each commit changed is cached
// under the repository's .git folder; a new commit costs only its own
// comparison, and an unchanged HEAD costs reading the cache.
package history

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// objectBudget is the memory kept for object contents during a pass: a
// chain of 50 versions of a 10,000-record folder fits.
const objectBudget = 96 << 20

// ErrNoRepo is returned by Open when the register is not inside a Git work
// tree. Callers report that no history is available and carry on.
var ErrNoRepo = errors.New("not inside a Git work tree: no history available")

// FileHistory is when a file was added and last changed, and by whom (the
// commit authors). Added follows the file back through renames.
type FileHistory struct {
	Added     time.Time `json:"added"`
	AddedBy   string    `json:"added_by"`
	Changed   time.Time `json:"changed"`
	ChangedBy string    `json:"changed_by"`
	// Commit is the hash of the commit that last changed the file.
	Commit string `json:"commit"`
}

// Repo is a register's Git repository. Its methods are safe for concurrent
// use; Close releases the open pack files.
type Repo struct {
	mu      sync.Mutex
	store   *filesystem.Storage
	repo    *git.Repository
	top     string   // the work tree's top folder
	prefix  string   // the register root relative to top, slash-separated; "" when equal
	dirs    []string // prefix split into folder names
	gitDir  string
	head    plumbing.Hash
	shallow []plumbing.Hash
	objects *objectReader
	trees   *treeReader

	cacheDir string // the cache folder in use, once known

	sum    *summary // built on first use: Records, FirstCommit, RegisterStart
	sumErr error
	idx    *index // built on first use: Log, Since
	idxErr error

	// The field diffs kept between runs (KeepDiffs): those read from the
	// cache, those this run used or made, and whether it made any.
	diffTool   string
	diffsKept  map[diffKey]diffEntry
	diffsUsed  map[diffKey]diffEntry
	diffsDirty bool
}

// Open finds the Git repository that holds the register at root, walking up
// from root as git does. It returns ErrNoRepo (wrapped) when there is none or
// the repository is bare. Open reads no history: that happens on first use.
func Open(root string) (*Repo, error) {
	g, wt, top, prefix, err := workTree(root)
	if err != nil {
		return nil, err
	}
	fsStore, ok := g.Storer.(*filesystem.Storage)
	if !ok {
		return nil, fmt.Errorf("open history of %s: unexpected storage %T", root, g.Storer)
	}
	// Reopen the storage keeping pack files open: a pass over history reads
	// each pack many thousands of times. Trees, stored as deltas of each
	// other, are cached by the object reader, not go-git.
	store := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRU(16*cache.MiByte),
		filesystem.Options{KeepDescriptors: true})
	repo, err := git.Open(store, wt.Filesystem)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("open history of %s: %w", root, err)
	}
	objects := newObjectReader(store, objectBudget)
	r := &Repo{store: store, repo: repo, top: top, prefix: prefix, gitDir: fsStore.Filesystem().Root(),
		objects: objects, trees: newTreeReader(objects)}
	if prefix != "" {
		r.dirs = strings.Split(prefix, "/")
	}
	if ref, err := repo.Head(); err == nil {
		r.head = ref.Hash()
	} else if !errors.Is(err, plumbing.ErrReferenceNotFound) {
		store.Close()
		return nil, fmt.Errorf("open history of %s: read HEAD: %w", root, err)
	}
	if r.shallow, err = store.Shallow(); err != nil {
		store.Close()
		return nil, fmt.Errorf("open history of %s: read shallow list: %w", root, err)
	}
	return r, nil
}

// Close releases the repository's open files.
func (r *Repo) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writeDiffs()
	return r.store.Close()
}

// Head returns the hash of the commit HEAD points at, or "" when the
// repository has no commits yet.
func (r *Repo) Head() string {
	if r.head.IsZero() {
		return ""
	}
	return r.head.String()
}

// GitDir returns the repository's .git folder, where caches that belong
// with the register live beside the history's.
func (r *Repo) GitDir() string { return r.gitDir }

// Shallow reports whether the repository is a shallow clone. Its oldest
// commits then look as if they added every record, so added dates are wrong:
// CI must check out with full history (actions/checkout with fetch-depth: 0).
func (r *Repo) Shallow() bool { return len(r.shallow) > 0 }

// ShallowWarning is the warning commands print for a shallow clone.
const ShallowWarning = "the repository is a shallow clone: dates of additions and first commits may be wrong. " +
	"Fetch the full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)."

// Prefix returns the register root relative to the top of the work tree,
// slash-separated ("" when the register is the whole repository).
func (r *Repo) Prefix() string { return r.prefix }

// Records returns, for every file under the register root at HEAD, when it
// was added and last changed and by whom, keyed by the file's path relative
// to the register root ("sensors/cam-markt.yaml"). The map is the Repo's,
// which never changes it once made: it is read, not written. A build asks
// twice, and a copy of 10,000 records each time was 2 % of its CPU.
func (r *Repo) Records() (map[string]FileHistory, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.summary()
	if err != nil {
		return nil, err
	}
	return s.records, nil
}

// FirstCommit returns the date of the first commit that added the file (a
// path relative to the register root), following renames back; a file
// removed since is found too. ok is false when the file is not in HEAD's
// history.
func (r *Repo) FirstCommit(file string) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.summary()
	if err != nil {
		return time.Time{}, false
	}
	if fh, ok := s.records[file]; ok {
		return fh.Added, true
	}
	if fh, ok := s.removed[file]; ok {
		return fh.Added, true
	}
	return time.Time{}, false
}

// Removed returns the history of a file (a path relative to the register
// root) that the register once had and HEAD has not: removed, or renamed to
// another path. Changed, ChangedBy and Commit are those of its last change
// (by author date, as in Records): the commit that removed or renamed it,
// unless that commit is dated before a change it came after (a branch
// merged). ok is false when the file is at HEAD, or not in
// HEAD's history. In a shallow clone history stops at its boundary, so a file
// removed before it is not known.
func (r *Repo) Removed(file string) (FileHistory, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.summary()
	if err != nil {
		return FileHistory{}, false
	}
	fh, ok := s.removed[file]
	return fh, ok
}

// RegisterStart returns the date of the first commit that touched the
// register folder; ok is false when no commit did.
func (r *Repo) RegisterStart() (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, err := r.summary()
	if err != nil || !s.hasStart {
		return time.Time{}, false
	}
	return s.start, true
}

// index builds the full index on first use; the caller holds r.mu.
func (r *Repo) index() (*index, error) {
	if r.idx == nil && r.idxErr == nil {
		r.idx, r.idxErr = r.buildIndex()
	}
	return r.idx, r.idxErr
}

// commitRec is what the pass keeps of one commit. Fields are exported for
// the cache's gob encoding.
type commitRec struct {
	Hash    plumbing.Hash
	Parents []plumbing.Hash
	Author  string
	Email   string
	When    int64 // author time, Unix seconds
	Offset  int   // author's time zone, seconds east of UTC
	// Committed is the committer time, Unix seconds: when the commit
	// entered history. A rebase or cherry-pick keeps the author time.
	Committed int64
	Message   string
	RegTree   plumbing.Hash // the register folder's tree; zero when absent
	Events    []Event

	order int // position in HEAD's history, oldest first; set per index
}

func (c *commitRec) when() time.Time {
	return time.Unix(c.When, 0).In(time.FixedZone("", c.Offset))
}

// Event is one file a commit changed, relative to the register root.
type Event struct {
	Op       Op
	Path     string        // the file after the commit (before it, when removed)
	From     string        // the old path of a renamed file
	Old, New plumbing.Hash // blob hashes; zero when absent
}

// Op is what a commit did to a file.
type Op string

// The operations on a file.
const (
	Added   Op = "added"
	Changed Op = "changed"
	Removed Op = "removed"
	Renamed Op = "renamed" // moved, possibly with changes
)

// buildIndex runs the full pass over history, starting from the commits
// in the cache, and writes the cache.
func (r *Repo) buildIndex() (*index, error) {
	commits := map[plumbing.Hash]*commitRec{}
	hd := r.readHead()
	if hd != nil && !r.readSegments(hd, commits) {
		hd, commits = nil, map[plumbing.Hash]*commitRec{}
	}
	if r.head.IsZero() {
		idx := newIndex(commits, nil)
		idx.sum = newSummary()
		return idx, nil
	}
	fresh, err := r.walkFrom(r.head, commits)
	if err != nil {
		return nil, err
	}
	idx := newIndex(commits, commits[r.head])
	idx.sum = newSummary()
	for _, c := range idx.order {
		idx.sum.apply(c)
	}
	head, err := r.trees.files("", idx.head.RegTree)
	if err != nil {
		return nil, err
	}
	idx.sum.reconcile(head)
	if hd == nil || len(fresh) > 0 || hd.Head != r.head || len(hd.Segments) > maxSegments {
		nh := idx.sum.headData()
		merge := hd == nil || len(hd.Segments) >= maxSegments
		if merge {
			fresh = fresh[:0]
			for _, c := range commits {
				fresh = append(fresh, c)
			}
		} else {
			nh.Segments, nh.Known = hd.Segments, hd.Known
		}
		r.writeCache(nh, fresh, merge)
	}
	if r.sum == nil {
		r.sum = idx.sum
	}
	return idx, nil
}

// walkFrom adds every commit reachable from start that is not yet in
// commits, with what it changed, and returns them.
func (r *Repo) walkFrom(start plumbing.Hash, commits map[plumbing.Hash]*commitRec) ([]*commitRec, error) {
	fresh, err := r.collect(start, commits, nil)
	if err != nil {
		return nil, err
	}
	return fresh, r.computeEvents(fresh, commits)
}

// collect reads the commits reachable from start that are neither in
// commits nor known, adds them to commits and returns them, without their
// events. A commit's ancestors are in commits (or known) when it is, so the
// walk stops there.
func (r *Repo) collect(start plumbing.Hash, commits map[plumbing.Hash]*commitRec, known func(plumbing.Hash) bool) ([]*commitRec, error) {
	shallow := map[plumbing.Hash]bool{}
	for _, h := range r.shallow {
		shallow[h] = true
	}
	have := func(h plumbing.Hash) bool {
		_, ok := commits[h]
		return ok || known != nil && known(h)
	}
	var fresh []*commitRec
	stack := []plumbing.Hash{start}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if have(h) {
			continue
		}
		c, err := object.GetCommit(r.store, h)
		if err != nil {
			return nil, fmt.Errorf("read commit %s: %w", h, err)
		}
		rec := &commitRec{Hash: h, Author: c.Author.Name, Email: c.Author.Email,
			When: c.Author.When.Unix(), Committed: c.Committer.When.Unix(), Message: strings.TrimRight(c.Message, "\n")}
		_, rec.Offset = c.Author.When.Zone()
		if !shallow[h] { // a shallow commit's parents are not in the repository
			rec.Parents = c.ParentHashes
		}
		if rec.RegTree, err = r.trees.lookup(c.TreeHash, r.dirs); err != nil {
			return nil, fmt.Errorf("commit %s: %w", h, err)
		}
		commits[h] = rec
		fresh = append(fresh, rec)
		// Push the first parent last so it is visited next: consecutive
		// commits share most trees, which the object cache then holds.
		for i := len(rec.Parents) - 1; i >= 0; i-- {
			if !have(rec.Parents[i]) {
				stack = append(stack, rec.Parents[i])
			}
		}
	}
	return fresh, nil
}

// computeEvents fills in what each commit changed; their parents must be in
// commits (a parent missing counts as an empty register).
func (r *Repo) computeEvents(cs []*commitRec, commits map[plumbing.Hash]*commitRec) error {
	for _, c := range cs {
		evs, err := r.events(c, commits)
		if err != nil {
			return fmt.Errorf("commit %s: %w", c.Hash, err)
		}
		c.Events = evs
	}
	return nil
}

// events returns what the commit changed in the register. A merge changed a
// file only when the file differs from every parent: a change that arrives
// from a branch belongs to the branch's commit.
func (r *Repo) events(c *commitRec, commits map[plumbing.Hash]*commitRec) ([]Event, error) {
	parentTree := func(h plumbing.Hash) plumbing.Hash {
		if p, ok := commits[h]; ok {
			return p.RegTree
		}
		return plumbing.ZeroHash
	}
	if len(c.Parents) == 0 {
		return r.diffEvents(plumbing.ZeroHash, c.RegTree)
	}
	for _, p := range c.Parents {
		if parentTree(p) == c.RegTree {
			return nil, nil
		}
	}
	evs, err := r.diffEvents(parentTree(c.Parents[0]), c.RegTree)
	if err != nil || len(c.Parents) == 1 {
		return evs, err
	}
	for _, p := range c.Parents[1:] {
		var fcs []fileChange
		if err := r.trees.diff("", parentTree(p), c.RegTree, &fcs); err != nil {
			return nil, err
		}
		differs := make(map[string]bool, len(fcs))
		for _, fc := range fcs {
			differs[fc.path] = true
		}
		evs = slices.DeleteFunc(evs, func(e Event) bool { return !differs[e.Path] })
	}
	return evs, nil
}

// diffEvents compares two register trees and pairs removed and added files
// into renames.
func (r *Repo) diffEvents(a, b plumbing.Hash) ([]Event, error) {
	var fcs []fileChange
	if err := r.trees.diff("", a, b, &fcs); err != nil {
		return nil, err
	}
	return r.pairRenames(fcs)
}

// index is the history of HEAD: the commits reachable from it, oldest first,
// and every event by path.
type index struct {
	commits map[plumbing.Hash]*commitRec
	head    *commitRec
	order   []*commitRec       // reachable from HEAD, parents before children
	byPath  map[string][]evRef // events by the path they leave the file at
	sum     *summary
}

type evRef struct {
	c *commitRec
	e *Event
}

func newIndex(commits map[plumbing.Hash]*commitRec, head *commitRec) *index {
	idx := &index{commits: commits, head: head, byPath: map[string][]evRef{}}
	if head == nil {
		return idx
	}
	// Post-order depth-first walk: every commit comes after its parents.
	seen := map[plumbing.Hash]bool{head.Hash: true}
	type frame struct {
		c    *commitRec
		next int
	}
	stack := []frame{{c: head}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.next < len(f.c.Parents) {
			p := f.c.Parents[f.next]
			f.next++
			if pc, ok := commits[p]; ok && !seen[p] {
				seen[p] = true
				stack = append(stack, frame{c: pc})
			}
			continue
		}
		f.c.order = len(idx.order)
		idx.order = append(idx.order, f.c)
		stack = stack[:len(stack)-1]
	}
	for _, c := range idx.order {
		for i := range c.Events {
			e := &c.Events[i]
			idx.byPath[e.Path] = append(idx.byPath[e.Path], evRef{c, e})
		}
	}
	return idx
}

// newer reports whether commit a is more recent than b: by author time, then
// by position in history.
func newer(a, b *commitRec) bool {
	if a.When != b.When {
		return a.When > b.When
	}
	return a.order > b.order
}

// lineage returns the events in a file's history, newest first, following
// renames back: the old path's events up to the rename belong to the file.
func (idx *index) lineage(path string) []evRef {
	var out []evRef
	seen := map[string]bool{}
	var follow func(p string, upTo *commitRec)
	follow = func(p string, upTo *commitRec) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, ref := range idx.byPath[p] {
			if upTo != nil && newer(ref.c, upTo) {
				continue
			}
			out = append(out, ref)
			if ref.e.Op == Renamed {
				follow(ref.e.From, ref.c)
			}
		}
	}
	follow(path, nil)
	slices.SortStableFunc(out, func(a, b evRef) int {
		switch {
		case a.c == b.c:
			return 0
		case newer(a.c, b.c):
			return -1
		}
		return 1
	})
	return out
}

// workTree opens the repository holding the register at root and returns
// it, its work tree, the work tree's top (symbolic links resolved) and root relative to
// the top, slash-separated ("" when equal). It returns ErrNoRepo (wrapped)
// when there is no repository, it is bare, or root lies outside its work
// tree.
func workTree(root string) (g *git.Repository, wt *git.Worktree, top, prefix string, err error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, "", "", fmt.Errorf("open history of %s: %w", root, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	g, err = plainOpen(root, abs)
	if errors.Is(err, ErrNoRepo) {
		return nil, nil, "", "", err
	}
	if err != nil {
		return nil, nil, "", "", fmt.Errorf("open history of %s: %w", root, err)
	}
	wt, err = g.Worktree()
	if err != nil {
		return nil, nil, "", "", fmt.Errorf("%s (%v): %w", root, err, ErrNoRepo)
	}
	top = wt.Filesystem.Root()
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	prefix, err = filepath.Rel(top, abs)
	if err != nil || prefix == ".." || strings.HasPrefix(prefix, ".."+string(filepath.Separator)) {
		return nil, nil, "", "", fmt.Errorf("%s is outside the work tree %s: %w", root, top, ErrNoRepo)
	}
	prefix = filepath.ToSlash(prefix)
	if prefix == "." {
		prefix = ""
	}
	return g, wt, top, prefix, nil
}
