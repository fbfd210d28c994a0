package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/parallel"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// Change is one commit's change to one file.
type Change struct {
	Commit  string    `json:"commit"`
	Author  string    `json:"author"`
	Email   string    `json:"email,omitempty"`
	When    time.Time `json:"date"` // author date, in the author's time zone
	Message string    `json:"message"`
	Op      Op        `json:"op"`
	// File is the file's path after the commit (before it, when removed),
	// relative to the register root; OldFile is its path before a rename.
	File    string `json:"file"`
	OldFile string `json:"old_file,omitempty"`
	// Fields are the fields the commit changed. A record added or removed
	// has one change at path "" holding the whole record.
	Fields []fielddiff.Change `json:"fields,omitempty"`
	// Problem says why Fields is empty when a version cannot be read;
	// nil when they could be compared.
	Problem *Problem `json:"problem,omitempty"`

	// old and new are the file's blobs before and after the commit, kept
	// while Fields is still to be read (see Outline).
	old, new plumbing.Hash
	unread   bool
}

// Subject returns the first line of the commit message.
func (c Change) Subject() string {
	s, _, _ := strings.Cut(c.Message, "\n")
	return s
}

// Log returns the commits in HEAD's history that changed the file (a path
// relative to the register root), newest first, following renames back,
// each with the fields it changed. A file that never existed has no commits.
func (r *Repo) Log(file string) ([]Change, error) {
	return r.log(file, true)
}

// LogOfChanges is Log with the fields of the commits that added the file
// left out: a walk that shows an addition as one line, as the record pages
// do, reads only the diffs of the commits that changed it, not the whole
// record each addition holds.
func (r *Repo) LogOfChanges(file string) ([]Change, error) {
	return r.log(file, false)
}

func (r *Repo) log(file string, additions bool) ([]Change, error) {
	r.mu.Lock()
	idx, err := r.index()
	if err != nil {
		r.mu.Unlock()
		return nil, err
	}
	evs := idx.lineage(file)
	out := make([]Change, len(evs))
	for i, ref := range evs {
		out[i] = r.outline(ref)
	}
	r.mu.Unlock()
	ps := pointers(out)
	if !additions {
		ps = slices.DeleteFunc(ps, func(c *Change) bool { return c.Op == Added })
	}
	r.read(ps)
	return out, nil
}

// pointers points at each of changes, for Repo.read.
func pointers(changes []Change) []*Change {
	ps := make([]*Change, len(changes))
	for i := range changes {
		ps[i] = &changes[i]
	}
	return ps
}

// outline builds a Change whose field diff is still to be read.
func (r *Repo) outline(ref evRef) Change {
	return Change{Commit: ref.c.Hash.String(), Author: ref.c.Author, Email: ref.c.Email, When: ref.c.when(),
		Message: ref.c.Message, Op: ref.e.Op, File: ref.e.Path, OldFile: ref.e.From,
		old: ref.e.Old, new: ref.e.New, unread: true}
}

func (r *Repo) blob(h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	return r.objects.read(plumbing.BlobObject, h)
}

// ChangeSet is what changed in the register between a base and HEAD.
type ChangeSet struct {
	// Since is the tag, commit or date asked for.
	Since string `json:"since"`
	// Base is the commit compared against; "" when the register did not
	// exist yet, so everything counts as added.
	Base     string     `json:"base,omitempty"`
	BaseDate *time.Time `json:"base_date,omitempty"`
	Head     string     `json:"head"`
	// repo reads the field diffs an outline left unread (see Outline).
	repo *Repo
	// Records are the files that differ, by path.
	Records []RecordChange `json:"records"`
}

// RecordChange is one file that differs between the base and HEAD.
type RecordChange struct {
	// Op is added, changed, removed or renamed (possibly with changes).
	Op Op `json:"op"`
	// File is the path at HEAD (at the base, when removed); OldFile the path
	// at the base of a renamed file.
	File    string `json:"file"`
	OldFile string `json:"old_file,omitempty"`
	// Fields are the net changes from the base to HEAD.
	Fields  []fielddiff.Change `json:"fields,omitempty"`
	Problem *Problem           `json:"problem,omitempty"`
	// Commits are the commits since the base that touched the file, newest
	// first, each with its own field changes.
	Commits []Change `json:"commits"`

	// old and new are the versions at the base and at HEAD, while since
	// reads Fields.
	old, new plumbing.Hash
}

// Last returns the newest commit's change, or false when none is known
// (the file changed only through a merge of unrelated history).
func (rc RecordChange) Last() (Change, bool) {
	if len(rc.Commits) == 0 {
		return Change{}, false
	}
	return rc.Commits[0], true
}

// Since compares the register at a tag, branch or commit (or, for a date
// YYYY-MM-DD, at the newest commit on HEAD's first-parent line that, with
// all its ancestors, was committed before that day began in Europe/Amsterdam) with HEAD: records added, changed,
// removed and renamed, with field-level diffs and the commits in between.
func (r *Repo) Since(refOrDate string) (*ChangeSet, error) {
	return r.since(refOrDate, true)
}

// Outline is Since without the field diffs, which cost a YAML parse of
// each version: a record's net Fields stay empty, and each commit's are
// read when asked for with ChangeSet.Read. A feed that shows the newest
// changes reads only theirs, however many records the period touched.
// The last outline made is kept for the next run (keptOutline).
func (r *Repo) Outline(refOrDate string) (*ChangeSet, error) {
	key, keep := r.outlineKey(refOrDate)
	if keep {
		if cs, ok := r.keptOutline(key); ok {
			return cs, nil
		}
	}
	cs, err := r.since(refOrDate, false)
	if err == nil && keep {
		r.keepOutline(key, cs)
	}
	return cs, err
}

// Read fills in the field diff of a change of the set that Outline left
// unread; a change whose diff is known stays as it is.
func (cs *ChangeSet) Read(c *Change) {
	if c.unread {
		cs.ReadAll([]*Change{c})
	}
}

// ReadAll is Read for each of changes (Repo.read). No other goroutine may
// read the same changes meanwhile.
func (cs *ChangeSet) ReadAll(changes []*Change) {
	if cs.repo != nil {
		cs.repo.read(changes)
	}
}

// readChunk bounds the versions held in memory at once while changes are
// compared.
const readChunk = 256

// read fills in the field diffs of the changes left unread: from the diffs
// kept (KeepDiffs) where it can, else from the versions, read one at a
// time as the repository allows and compared on every core (diffAll), a
// chunk at a time. The caller does not hold r.mu.
func (r *Repo) read(changes []*Change) {
	for start := 0; start < len(changes); start += readChunk {
		var (
			todo  []*Change
			pairs []versionPair
		)
		r.mu.Lock()
		for _, c := range changes[start:min(start+readChunk, len(changes))] {
			if !c.unread {
				continue
			}
			if fs, problem, ok := r.cachedDiff(c.old, c.new); ok {
				c.Fields, c.Problem = fs, problem
				c.old, c.new, c.unread = plumbing.ZeroHash, plumbing.ZeroHash, false
				continue
			}
			todo = append(todo, c)
			pairs = append(pairs, r.versions(c.old, c.new))
		}
		r.mu.Unlock()
		diffAll(pairs)
		r.mu.Lock()
		for i, c := range todo {
			r.keepDiff(c.old, c.new, pairs[i])
			c.Fields, c.Problem = pairs[i].fields, pairs[i].problem
			c.old, c.new, c.unread = plumbing.ZeroHash, plumbing.ZeroHash, false
		}
		r.mu.Unlock()
	}
}

// versionPair is a change's two versions (nil for absent) and, once
// compared, its field diff or why there is none. unread says a version
// could not be read: that may pass, so it is not kept (KeepDiffs).
type versionPair struct {
	old, new []byte
	fields   []fielddiff.Change
	problem  *Problem
	unread   bool
}

// versions reads the versions before and after a change; the caller holds
// r.mu.
func (r *Repo) versions(old, new plumbing.Hash) versionPair {
	var p versionPair
	var oerr, nerr error
	p.old, oerr = r.blob(old)
	p.new, nerr = r.blob(new)
	switch {
	case oerr != nil:
		p.problem = &Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.OldVersion}, Err: oerr.Error()}
	case nerr != nil:
		p.problem = &Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.NewVersion}, Err: nerr.Error()}
	default:
		return p
	}
	p.old, p.new, p.unread = nil, nil, true
	return p
}

// diffAll compares each pair whose versions could be read, on every core.
func diffAll(pairs []versionPair) {
	parallel.Each(len(pairs), func(i int) {
		p := &pairs[i]
		if p.problem != nil {
			return
		}
		fs, err := fielddiff.YAML(p.old, p.new)
		if err != nil {
			p.problem = problemOf(err)
			return
		}
		p.fields = fs
	})
}

// since is Outline, and with diffs each change's field diff read too, and
// each record's from the base to HEAD (RecordChange.Fields).
func (r *Repo) since(refOrDate string, diffs bool) (*ChangeSet, error) {
	cs, err := r.outlineSince(refOrDate)
	if err != nil {
		return nil, err
	}
	var all []*Change
	var nets []Change // each record's net change, from base to HEAD
	if diffs {
		nets = make([]Change, len(cs.Records))
	}
	for i := range cs.Records {
		rc := &cs.Records[i]
		if diffs {
			nets[i] = Change{old: rc.old, new: rc.new, unread: true}
			all = append(append(all, &nets[i]), pointers(rc.Commits)...)
		}
		rc.old, rc.new = plumbing.ZeroHash, plumbing.ZeroHash
	}
	if !diffs {
		return cs, nil
	}
	r.read(all)
	for i := range cs.Records {
		cs.Records[i].Fields, cs.Records[i].Problem = nets[i].Fields, nets[i].Problem
	}
	return cs, nil
}

// outlineSince is since without any field diff read; the record changes
// hold the versions to compare for their own.
func (r *Repo) outlineSince(refOrDate string) (*ChangeSet, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	cs := &ChangeSet{Since: refOrDate, Head: r.Head(), Records: []RecordChange{}, repo: r}
	if idx.head == nil {
		return cs, nil
	}
	base, err := r.resolve(idx, refOrDate)
	if err != nil {
		return nil, err
	}
	baseTree := plumbing.ZeroHash
	inBase := map[plumbing.Hash]bool{}
	if base != nil {
		cs.Base = base.Hash.String()
		t := base.when()
		cs.BaseDate = &t
		baseTree = base.RegTree
		stack := []*commitRec{base}
		inBase[base.Hash] = true
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, p := range c.Parents {
				if pc, ok := idx.commits[p]; ok && !inBase[p] {
					inBase[p] = true
					stack = append(stack, pc)
				}
			}
		}
	}
	evs, err := r.diffEvents(baseTree, idx.head.RegTree)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		if !isRecord(e.Path) && !isRecord(e.From) {
			continue // register.yaml, a README: not records
		}
		rc := RecordChange{Op: e.Op, File: e.Path, OldFile: e.From, Commits: []Change{}, old: e.Old, new: e.New}
		for _, ref := range idx.lineage(e.Path) {
			if !inBase[ref.c.Hash] {
				rc.Commits = append(rc.Commits, r.outline(ref))
			}
		}
		cs.Records = append(cs.Records, rc)
	}
	slices.SortFunc(cs.Records, func(a, b RecordChange) int { return cmp.Compare(a.File, b.File) })
	return cs, nil
}

// SinceError says what to compare with names nothing: no tag, branch or
// commit of the repository, and no date. It words itself in Dutch and
// English (In, the message package's Lingual); Error is the English.
type SinceError struct{ Text string }

func (e SinceError) Error() string { return e.In("en") }

// In words the error in lang: Dutch for "nl", else English.
func (e SinceError) In(lang string) string {
	switch {
	case e.Text == "" && lang == "nl":
		return "geef een tag, branch, commit of datum (JJJJ-MM-DD) om mee te vergelijken"
	case e.Text == "":
		return "give a tag, branch, commit or date (YYYY-MM-DD) to compare with"
	case lang == "nl":
		return fmt.Sprintf("%q is geen tag, branch of commit van deze repository en geen datum (JJJJ-MM-DD)", e.Text)
	}
	return fmt.Sprintf("%q is neither a tag, branch or commit of this repository nor a date (YYYY-MM-DD)", e.Text)
}

// resolve finds the base commit for Since; nil means before the first commit.
func (r *Repo) resolve(idx *index, s string) (*commitRec, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, SinceError{}
	}
	if h, err := r.repo.ResolveRevision(plumbing.Revision(s)); err == nil {
		if c, ok := idx.commits[*h]; ok {
			return c, nil
		}
		// Not in HEAD's history: read it and its ancestors into the index.
		if _, err := object.GetCommit(r.store, *h); err != nil {
			return nil, fmt.Errorf("%s is not a commit: %w", s, err)
		}
		if _, err := r.walkFrom(*h, idx.commits); err != nil {
			return nil, err
		}
		return idx.commits[*h], nil
	}
	day, err := period.ParseDate(s)
	if err != nil {
		return nil, SinceError{Text: s}
	}
	cutoff := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, period.Amsterdam).Unix()
	// The base is the newest commit on the first-parent line that, with
	// every ancestor, entered history before the cutoff. Dates in a graph
	// are not ordered: a rebase or cherry-pick keeps old author dates, and
	// clocks disagree, so a commit older than the cutoff can sit on top of
	// newer ones. Committer dates say when a change arrived; taking the
	// newest over all ancestors means no commit made since the cutoff is
	// left out (at worst an older one is included).
	latest := make(map[plumbing.Hash]int64, len(idx.order))
	for _, c := range idx.order { // parents first
		t := c.Committed
		if t == 0 { // made by hand without a committer date
			t = c.When
		}
		for _, p := range c.Parents {
			if lp, ok := latest[p]; ok {
				t = max(t, lp)
			}
		}
		latest[c.Hash] = t
	}
	for c := idx.head; c != nil; {
		if latest[c.Hash] < cutoff {
			return c, nil
		}
		if len(c.Parents) == 0 {
			break
		}
		c = idx.commits[c.Parents[0]]
	}
	return nil, nil
}

func isRecord(file string) bool {
	_, ok := record.KindOfFile(file)
	return ok
}
