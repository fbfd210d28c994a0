package history

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/binread"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/label"
)

// testRepo is a Git repository built by a test through go-git.
type testRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	wt   *git.Worktree
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: repo, wt: wt}
}

// commit makes the work tree hold exactly files (path → content) and
// commits it as author at date; extra parents make a merge.
func (r *testRepo) commit(files map[string]string, author, date, msg string, parents ...plumbing.Hash) plumbing.Hash {
	r.t.Helper()
	err := filepath.WalkDir(r.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(r.dir, p)
		if !d.IsDir() {
			if _, keep := files[filepath.ToSlash(rel)]; !keep {
				return os.Remove(p)
			}
		}
		return nil
	})
	if err != nil {
		r.t.Fatal(err)
	}
	for p, content := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	if err := r.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.t.Fatal(err)
	}
	when, err := time.Parse(time.RFC3339, date)
	if err != nil {
		r.t.Fatal(err)
	}
	sig := &object.Signature{Name: author, Email: strings.ToLower(author) + "@voorbeeldstad.example", When: when}
	opts := &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true}
	if len(parents) > 0 {
		head, err := r.repo.Head()
		if err != nil {
			r.t.Fatal(err)
		}
		opts.Parents = append([]plumbing.Hash{head.Hash()}, parents...)
	}
	h, err := r.wt.Commit(msg, opts)
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

func (r *testRepo) branch(name string, at plumbing.Hash, create bool) {
	r.t.Helper()
	err := r.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName(name), Create: create, Hash: at, Force: true})
	if err != nil {
		r.t.Fatal(err)
	}
}

func (r *testRepo) open(sub string) *Repo {
	r.t.Helper()
	h, err := Open(filepath.Join(r.dir, sub))
	if err != nil {
		r.t.Fatal(err)
	}
	r.t.Cleanup(func() { h.Close() })
	return h
}

func with(base map[string]string, kv ...string) map[string]string {
	m := map[string]string{}
	for k, v := range base {
		m[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(m, kv[i])
		} else {
			m[kv[i]] = kv[i+1]
		}
	}
	return m
}

const camMarkt = `id: cam-markt
kind: sensor
name: Camera's op de Markt
status: active
sensor_type: camera
owner: {role: Teamleider toezicht, email: toezicht@voorbeeldstad.example}
lifecycle:
  start: 2024-01-10
retention: P28D
`

// story is the repository most tests share: additions, a change outside the
// register, a rename with a changed id, a branch merged back with a change
// of its own in the merge, and a removal.
type story struct {
	*testRepo
	c1, c2, c3, c4, c5a, c5b, c6, c7, c8 plumbing.Hash
}

// openAs opens the story's register as a run of the program tool does
// (KeepDiffs).
func (s *story) openAs(tool string) *Repo {
	h := s.open("register")
	h.KeepDiffs(tool)
	return h
}

func newStory(t *testing.T) *story {
	s := &story{testRepo: newTestRepo(t)}
	v1 := map[string]string{
		"README.md":                         "# Register\n",
		"register/register.yaml":            "organisation: Gemeente Voorbeeldstad\n",
		"register/sensors/cam-markt.yaml":   camMarkt,
		"register/algorithms/parkeren.yaml": "id: parkeren\nkind: algorithm\nname: Parkeren\nstatus: active\n",
	}
	s.c1 = s.commit(v1, "Alice", "2024-01-10T10:00:00+01:00", "Add the first records")
	v2 := with(v1, "register/sensors/cam-markt.yaml", strings.Replace(camMarkt, "P28D", "P7D", 1))
	s.c2 = s.commit(v2, "Bob", "2024-03-01T09:00:00+01:00", "Shorter retention for the market cameras\n\nDecided by the mayor.")
	if _, err := s.repo.CreateTag("v1", s.c2, nil); err != nil {
		t.Fatal(err)
	}
	v3 := with(v2, "README.md", "# Register van Voorbeeldstad\n")
	s.c3 = s.commit(v3, "Carol", "2024-04-01T09:00:00+02:00", "Readme")
	renamed := strings.Replace(strings.Replace(camMarkt, "P28D", "P7D", 1), "id: cam-markt", "id: cam-marktplein", 1)
	v4 := with(v3, "register/sensors/cam-markt.yaml", "", "register/sensors/cam-marktplein.yaml", renamed)
	s.c4 = s.commit(v4, "Alice", "2024-05-01T09:00:00+02:00", "Rename cam-markt to cam-marktplein")

	s.branch("feature", s.c4, true)
	v5a := with(v4, "register/sensors/geluid.yaml", "id: geluid\nkind: sensor\nsensor_type: noise\n")
	s.c5a = s.commit(v5a, "Dave", "2024-06-01T09:00:00+02:00", "Add the noise sensor")
	ended := strings.Replace(renamed, "  start: 2024-01-10\n", "  start: 2024-01-10\n  end: 2026-01-10\n", 1)
	v5b := with(v5a, "register/sensors/cam-marktplein.yaml", ended)
	s.c5b = s.commit(v5b, "Dave", "2024-06-15T09:00:00+02:00", "End date for the market cameras")

	s.branch("master", plumbing.ZeroHash, false)
	v6 := with(v4, "register/algorithms/parkeren.yaml", "id: parkeren\nkind: algorithm\nname: Parkeerhandhaving\nstatus: active\n")
	s.c6 = s.commit(v6, "Bob", "2024-06-10T09:00:00+02:00", "Rename the parking algorithm")
	v7 := with(v6, "register/sensors/geluid.yaml", v5b["register/sensors/geluid.yaml"],
		"register/sensors/cam-marktplein.yaml", ended,
		"register/register.yaml", "organisation: Gemeente Voorbeeldstad\ndue_within: P60D\n")
	s.c7 = s.commit(v7, "Alice", "2024-07-01T09:00:00+02:00", "Merge branch 'feature'", s.c5b)
	v8 := with(v7, "register/algorithms/parkeren.yaml", "")
	s.c8 = s.commit(v8, "Eve", "2024-08-01T09:00:00+02:00", "Retire the parking algorithm")
	return s
}

func day(t *testing.T, tm time.Time) string {
	t.Helper()
	return tm.Format("2006-01-02 15:04 -0700")
}

func TestRecords(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	if h.Prefix() != "register" || h.Head() != s.c8.String() || h.Shallow() {
		t.Fatalf("prefix %q head %s shallow %v", h.Prefix(), h.Head(), h.Shallow())
	}
	recs, err := h.Records()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		// added, added by, changed, changed by, commit
		"register.yaml":               "2024-01-10 10:00 +0100 Alice | 2024-07-01 09:00 +0200 Alice | " + s.c7.String(),
		"sensors/cam-marktplein.yaml": "2024-01-10 10:00 +0100 Alice | 2024-06-15 09:00 +0200 Dave | " + s.c5b.String(),
		"sensors/geluid.yaml":         "2024-06-01 09:00 +0200 Dave | 2024-06-01 09:00 +0200 Dave | " + s.c5a.String(),
	}
	if len(recs) != len(want) {
		t.Errorf("got %d files %v, want %d", len(recs), recs, len(want))
	}
	for f, w := range want {
		fh, ok := recs[f]
		if !ok {
			t.Errorf("%s missing", f)
			continue
		}
		got := day(t, fh.Added) + " " + fh.AddedBy + " | " + day(t, fh.Changed) + " " + fh.ChangedBy + " | " + fh.Commit
		if got != w {
			t.Errorf("%s:\n got %s\nwant %s", f, got, w)
		}
	}

	start, ok := h.RegisterStart()
	if !ok || day(t, start) != "2024-01-10 10:00 +0100" {
		t.Errorf("RegisterStart = %v, %v", start, ok)
	}
	for _, tt := range []struct {
		file string
		want string
		ok   bool
	}{
		{"sensors/cam-marktplein.yaml", "2024-01-10 10:00 +0100", true},
		{"sensors/geluid.yaml", "2024-06-01 09:00 +0200", true},
		{"algorithms/parkeren.yaml", "2024-01-10 10:00 +0100", true}, // removed since, still in history
		{"sensors/nergens.yaml", "", false},
	} {
		got, ok := h.FirstCommit(tt.file)
		if ok != tt.ok || ok && day(t, got) != tt.want {
			t.Errorf("FirstCommit(%s) = %v, %v; want %s, %v", tt.file, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRecordsAtRepositoryTop(t *testing.T) {
	s := newStory(t)
	recs, err := s.open("").Records()
	if err != nil {
		t.Fatal(err)
	}
	if fh := recs["README.md"]; fh.ChangedBy != "Carol" || fh.AddedBy != "Alice" {
		t.Errorf("README.md: %+v", fh)
	}
	if _, ok := recs["register/sensors/geluid.yaml"]; !ok || len(recs) != 4 {
		t.Errorf("got %v", recs)
	}
}

func TestLog(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	log, err := h.Log("sensors/cam-marktplein.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		commit          plumbing.Hash
		author, subject string
		op              Op
		file, old       string
		fields          string
	}
	want := []row{
		{s.c5b, "Dave", "End date for the market cameras", Changed, "sensors/cam-marktplein.yaml", "",
			"/lifecycle/end added: 2026-01-10"},
		{s.c4, "Alice", "Rename cam-markt to cam-marktplein", Renamed, "sensors/cam-marktplein.yaml", "sensors/cam-markt.yaml",
			"/id: cam-markt → cam-marktplein"},
		{s.c2, "Bob", "Shorter retention for the market cameras", Changed, "sensors/cam-markt.yaml", "",
			"/retention: P28D → P7D"},
		{s.c1, "Alice", "Add the first records", Added, "sensors/cam-markt.yaml", "",
			`(record) added: {"id":"cam-markt","kind":"sensor","lifecycle":{"start":"2024-01-10"},"name":"Camera's op de Markt","owner":{"email":"toezicht@voorbeeldstad.example","role":"Teamleider toezicht"},"retention":"P28D","sensor_type":"camera","status":"active"}`},
	}
	if len(log) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(log), len(want), log)
	}
	for i, w := range want {
		c := log[i]
		var fields []string
		for _, f := range c.Fields {
			fields = append(fields, f.String())
		}
		got := row{plumbing.NewHash(c.Commit), c.Author, c.Subject(), c.Op, c.File, c.OldFile, strings.Join(fields, "; ")}
		if got != w {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if log[2].Message != "Shorter retention for the market cameras\n\nDecided by the mayor." || log[2].Email != "bob@voorbeeldstad.example" {
		t.Errorf("message %q email %q", log[2].Message, log[2].Email)
	}
	// LogOfChanges is the same walk, with the whole record an addition
	// holds left unread.
	changes, err := h.LogOfChanges("sensors/cam-marktplein.yaml")
	if err != nil || len(changes) != len(log) {
		t.Fatalf("LogOfChanges: %d changes, %v", len(changes), err)
	}
	for i, c := range changes {
		if c.Op != Added && !reflect.DeepEqual(c.Fields, log[i].Fields) {
			t.Errorf("LogOfChanges change %d: fields %v, want %v", i, c.Fields, log[i].Fields)
		}
		if c.Commit != log[i].Commit || c.Op != log[i].Op {
			t.Errorf("LogOfChanges change %d: %s %v, want %s %v", i, c.Commit, c.Op, log[i].Commit, log[i].Op)
		}
	}
	if last := changes[len(changes)-1]; last.Op != Added || last.Fields != nil {
		t.Errorf("the addition was read: %+v", last)
	}

	// The merge changed register.yaml itself (differs from both parents):
	// that counts; the branch's changes arriving through it do not.
	cfg, err := h.Log("register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg) != 2 || cfg[0].Commit != s.c7.String() || cfg[0].Fields[0].String() != "/due_within added: P60D" || cfg[1].Commit != s.c1.String() {
		t.Errorf("register.yaml log: %+v", cfg)
	}

	removed, err := h.Log("algorithms/parkeren.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 3 || removed[0].Op != Removed || removed[0].Author != "Eve" || removed[1].Fields[0].String() != "/name: Parkeren → Parkeerhandhaving" {
		t.Errorf("parkeren log: %+v", removed)
	}
	none, err := h.Log("sensors/nergens.yaml")
	if err != nil || len(none) != 0 {
		t.Errorf("log of a file never there: %v, %v", none, err)
	}
}

func TestSince(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	type rc struct {
		op        Op
		file, old string
		fields    string
		commits   string // authors, newest first
	}
	summarise := func(cs *ChangeSet) []rc {
		var out []rc
		for _, r := range cs.Records {
			var fs, as []string
			for _, f := range r.Fields {
				if f.Path == "" {
					fs = append(fs, string(f.Op)+" record")
				} else {
					fs = append(fs, f.String())
				}
			}
			for _, c := range r.Commits {
				as = append(as, c.Author)
			}
			out = append(out, rc{r.Op, r.File, r.OldFile, strings.Join(fs, "; "), strings.Join(as, ",")})
		}
		return out
	}
	tests := []struct {
		since string
		base  plumbing.Hash
		want  []rc
	}{
		{"2024-06-01", s.c4, []rc{
			{Removed, "algorithms/parkeren.yaml", "", "removed record", "Eve,Bob"},
			{Changed, "sensors/cam-marktplein.yaml", "", "/lifecycle/end added: 2026-01-10", "Dave"},
			{Added, "sensors/geluid.yaml", "", "added record", "Dave"},
		}},
		{"v1", s.c2, []rc{
			{Removed, "algorithms/parkeren.yaml", "", "removed record", "Eve,Bob"},
			{Renamed, "sensors/cam-marktplein.yaml", "sensors/cam-markt.yaml", "/id: cam-markt → cam-marktplein; /lifecycle/end added: 2026-01-10", "Dave,Alice"},
			{Added, "sensors/geluid.yaml", "", "added record", "Dave"},
		}},
		{s.c7.String()[:10], s.c7, []rc{
			{Removed, "algorithms/parkeren.yaml", "", "removed record", "Eve"},
		}},
		{"HEAD", s.c8, nil},
		{"2024-08-02", s.c8, nil},
		{"2020-01-01", plumbing.ZeroHash, []rc{
			{Added, "sensors/cam-marktplein.yaml", "", "added record", "Dave,Alice,Bob,Alice"},
			{Added, "sensors/geluid.yaml", "", "added record", "Dave"},
		}},
		{"feature", s.c5b, []rc{
			{Removed, "algorithms/parkeren.yaml", "", "removed record", "Eve,Bob"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.since, func(t *testing.T) {
			cs, err := h.Since(tt.since)
			if err != nil {
				t.Fatal(err)
			}
			wantBase := ""
			if !tt.base.IsZero() {
				wantBase = tt.base.String()
			}
			if cs.Base != wantBase || cs.Head != s.c8.String() {
				t.Errorf("base %s head %s, want base %s", cs.Base, cs.Head, wantBase)
			}
			got := summarise(cs)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("record %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	for _, bad := range []string{"bestaat-niet", "2024-02-30", ""} {
		if _, err := h.Since(bad); err == nil {
			t.Errorf("Since(%q) gave no error", bad)
		}
	}
}

// An outline read commit by commit is the change set Since gives, less
// the net field diffs it leaves out.
func TestOutlineReadsWhatSinceReads(t *testing.T) {
	s := newStory(t)
	h := s.open("register")
	for _, since := range []string{"2020-01-01", "v1", "2024-06-01", "HEAD"} {
		want, err := h.Since(since)
		if err != nil {
			t.Fatal(err)
		}
		got, err := h.Outline(since)
		if err != nil {
			t.Fatal(err)
		}
		// One change at a time, then all at once on every core.
		all, err := h.Outline(since)
		if err != nil {
			t.Fatal(err)
		}
		var every []*Change
		for i := range got.Records {
			if got.Records[i].Fields != nil {
				t.Errorf("%s: outline of %s has net fields", since, got.Records[i].File)
			}
			for j := range got.Records[i].Commits {
				c := &got.Records[i].Commits[j]
				if c.Fields != nil {
					t.Errorf("%s: outline of %s read %s before asked", since, c.File, c.Commit)
				}
				got.Read(c)
				got.Read(c) // a second read changes nothing
				every = append(every, &all.Records[i].Commits[j])
			}
			got.Records[i].Fields, got.Records[i].Problem = want.Records[i].Fields, want.Records[i].Problem
			all.Records[i].Fields, all.Records[i].Problem = want.Records[i].Fields, want.Records[i].Problem
		}
		all.ReadAll(every)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: outline read\n%+v\nwant\n%+v", since, got, want)
		}
		if !reflect.DeepEqual(all, want) {
			t.Errorf("%s: outline read at once\n%+v\nwant\n%+v", since, all, want)
		}
	}
}

// TestSinceDateInAmsterdam pins that a date starts at midnight in
// Europe/Amsterdam: a commit at 23:30 UTC on 31 May is on 1 June there.
func TestSinceDateInAmsterdam(t *testing.T) {
	r := newTestRepo(t)
	a := r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\n"}, "Alice", "2024-05-31T21:30:00Z", "a")
	b := r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nname: A\n"}, "Alice", "2024-05-31T22:30:00Z", "b")
	h := r.open("reg")
	cs, err := h.Since("2024-06-01")
	if err != nil {
		t.Fatal(err)
	}
	if cs.Base != a.String() || len(cs.Records) != 1 || cs.Records[0].Commits[0].Commit != b.String() {
		t.Errorf("base %s, records %+v; want base %s (23:30 CEST) and commit %s (00:30 CEST) in range", cs.Base, cs.Records, a, b)
	}
}

func TestCache(t *testing.T) {
	s := newStory(t)
	first, err := s.open("register").Records()
	if err != nil {
		t.Fatal(err)
	}
	heads, _ := filepath.Glob(filepath.Join(s.dir, ".git", "register-history-cache", "*", "head.gob"))
	segs, _ := filepath.Glob(filepath.Join(s.dir, ".git", "register-history-cache", "*", "seg-*.gob"))
	if len(heads) != 1 || len(segs) != 1 {
		t.Fatalf("cache files: %v %v", heads, segs)
	}
	// A warm run answers from the summary alone: without the segment.
	os.Rename(segs[0], segs[0]+".away")
	warm, err := s.open("register").Records()
	if err != nil {
		t.Fatal(err)
	}
	if len(warm) != len(first) || !warm["sensors/cam-marktplein.yaml"].Changed.Equal(first["sensors/cam-marktplein.yaml"].Changed) ||
		warm["sensors/cam-marktplein.yaml"].Added.Unix() != first["sensors/cam-marktplein.yaml"].Added.Unix() {
		t.Errorf("warm %v, cold %v", warm, first)
	}
	os.Rename(segs[0]+".away", segs[0])

	// A new commit is read on top of the cached ones, into a second segment.
	v9 := map[string]string{"register/register.yaml": "organisation: Gemeente Voorbeeldstad\n",
		"register/sensors/cam-marktplein.yaml": "id: cam-marktplein\nstatus: retired\n",
		"register/sensors/geluid.yaml":         "id: geluid\nkind: sensor\nsensor_type: noise\n"}
	c9 := s.commit(v9, "Frank", "2024-09-01T09:00:00+02:00", "Retire the cameras")
	h := s.open("register")
	after, err := h.Records()
	if err != nil {
		t.Fatal(err)
	}
	if fh := after["sensors/cam-marktplein.yaml"]; fh.ChangedBy != "Frank" || fh.Commit != c9.String() || fh.AddedBy != "Alice" || day(t, fh.Added) != "2024-01-10 10:00 +0100" {
		t.Errorf("after a new commit: %+v", fh)
	}
	if got, ok := h.FirstCommit("algorithms/parkeren.yaml"); !ok || day(t, got) != "2024-01-10 10:00 +0100" {
		t.Errorf("FirstCommit of a removed file after a new commit: %v %v", got, ok)
	}
	if segs, _ := filepath.Glob(filepath.Join(s.dir, ".git", "register-history-cache", "*", "seg-*.gob")); len(segs) != 2 {
		t.Errorf("segments after one new commit: %v", segs)
	}
	log, err := h.Log("sensors/cam-marktplein.yaml")
	if err != nil || len(log) != 5 || log[0].Commit != c9.String() || log[3].Op != Changed {
		t.Errorf("log after a new commit: %+v, %v", log, err)
	}
	// The incremental summary equals a full pass without cache.
	os.RemoveAll(filepath.Join(s.dir, ".git", "register-history-cache"))
	full, err := s.open("register").Records()
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != len(after) {
		t.Errorf("full %v, incremental %v", full, after)
	}
	for f, fh := range full {
		a := after[f]
		if !fh.Added.Equal(a.Added) || !fh.Changed.Equal(a.Changed) || fh.AddedBy != a.AddedBy || fh.ChangedBy != a.ChangedBy || fh.Commit != a.Commit {
			t.Errorf("%s: full %+v, incremental %+v", f, fh, a)
		}
	}

	// A damaged summary or segment is ignored.
	heads, _ = filepath.Glob(filepath.Join(s.dir, ".git", "register-history-cache", "*", "head.gob"))
	segs, _ = filepath.Glob(filepath.Join(s.dir, ".git", "register-history-cache", "*", "seg-*.gob"))
	for _, f := range append(heads, segs...) {
		if err := os.WriteFile(f, []byte("not a cache"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again := s.open("register")
	recs, err := again.Records()
	if err != nil || recs["sensors/cam-marktplein.yaml"].ChangedBy != "Frank" {
		t.Errorf("with a damaged cache: %+v, %v", recs, err)
	}
	if log, err := again.Log("sensors/cam-marktplein.yaml"); err != nil || len(log) != 5 {
		t.Errorf("log with a damaged cache: %d, %v", len(log), err)
	}
}

// TestMergeKeepsRemovedFile: a branch removes a record while the main line
// changes it, and the merge keeps it. The merge changed nothing of its own
// (the file is as on the main line), yet the record is at HEAD.
func TestMergeKeepsRemovedFile(t *testing.T) {
	for _, cached := range []bool{false, true} {
		r := newTestRepo(t)
		base := map[string]string{"reg/sensors/a.yaml": "id: a\n", "reg/sensors/b.yaml": "id: b\n"}
		c1 := r.commit(base, "Alice", "2024-01-01T10:00:00Z", "base")
		if cached {
			if _, err := r.open("reg").Records(); err != nil {
				t.Fatal(err)
			}
		}
		r.branch("side", c1, true)
		side := r.commit(with(base, "reg/sensors/a.yaml", ""), "Bob", "2024-02-01T10:00:00Z", "remove a")
		r.branch("master", plumbing.ZeroHash, false)
		kept := with(base, "reg/sensors/a.yaml", "id: a\nname: A\n")
		main := r.commit(kept, "Carol", "2024-03-01T10:00:00Z", "change a")
		merge := r.commit(kept, "Dave", "2024-04-01T10:00:00Z", "merge side, keeping a", side)
		recs, err := r.open("reg").Records()
		if err != nil {
			t.Fatal(err)
		}
		if fh, ok := recs["sensors/a.yaml"]; !ok || fh.Commit != main.String() || fh.AddedBy != "Alice" || len(recs) != 2 {
			t.Errorf("cached %v: %+v (merge %s)", cached, recs, merge)
		}
	}
}

// TestCacheAfterRewrite moves HEAD to a commit that is not a descendant of
// the cached one (a reset): the summary is recomputed, not advanced.
func TestCacheAfterRewrite(t *testing.T) {
	s := newStory(t)
	if _, err := s.open("register").Records(); err != nil {
		t.Fatal(err)
	}
	if err := s.wt.Reset(&git.ResetOptions{Commit: s.c6, Mode: git.HardReset}); err != nil {
		t.Fatal(err)
	}
	recs, err := s.open("register").Records()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := recs["sensors/geluid.yaml"]; ok {
		t.Error("a record added on a branch not in HEAD's history shows up")
	}
	if fh := recs["algorithms/parkeren.yaml"]; fh.ChangedBy != "Bob" || fh.Commit != s.c6.String() {
		t.Errorf("after a reset: %+v", fh)
	}
}

func TestNoRepository(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open outside Git: %v, want ErrNoRepo", err)
	}
	bare := t.TempDir()
	if _, err := git.PlainInit(bare, true); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(bare); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open on a bare repository: %v, want ErrNoRepo", err)
	}
}

func TestEmptyRepository(t *testing.T) {
	r := newTestRepo(t)
	h := r.open("")
	recs, err := h.Records()
	if err != nil || len(recs) != 0 || h.Head() != "" {
		t.Errorf("empty repository: %v, %v, head %q", recs, err, h.Head())
	}
	if _, ok := h.RegisterStart(); ok {
		t.Error("RegisterStart in an empty repository")
	}
	cs, err := h.Since("2024-01-01")
	if err != nil || len(cs.Records) != 0 {
		t.Errorf("Since in an empty repository: %+v, %v", cs, err)
	}
}

// TestShallowFile makes a repository shallow the way git does, by listing
// the boundary commit in .git/shallow: history stops there, everything looks
// added at the boundary, and nothing crashes.
func TestShallowFile(t *testing.T) {
	s := newStory(t)
	if err := os.WriteFile(filepath.Join(s.dir, ".git", "shallow"), []byte(s.c4.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := s.open("register")
	if !h.Shallow() {
		t.Fatal("Shallow() = false")
	}
	recs, err := h.Records()
	if err != nil {
		t.Fatal(err)
	}
	if fh := recs["sensors/cam-marktplein.yaml"]; day(t, fh.Added) != "2024-05-01 09:00 +0200" || fh.ChangedBy != "Dave" {
		t.Errorf("shallow: %+v", fh)
	}
	log, err := h.Log("sensors/cam-marktplein.yaml")
	if err != nil || len(log) != 2 || log[1].Op != Added || log[1].Commit != s.c4.String() {
		t.Errorf("shallow log: %+v, %v", log, err)
	}
}

// TestShallowClone clones through go-git with a depth, over file://. go-git
// serves file:// through git-upload-pack, so the test needs git installed.
func TestShallowClone(t *testing.T) {
	if _, err := exec.LookPath("git-upload-pack"); err != nil {
		if out, err := exec.Command("git", "--exec-path").Output(); err != nil ||
			!fileExists(filepath.Join(strings.TrimSpace(string(out)), "git-upload-pack")) {
			t.Skip("git-upload-pack is not installed")
		}
	}
	s := newStory(t)
	dst := t.TempDir()
	_, err := git.PlainClone(dst, false, &git.CloneOptions{URL: "file://" + s.dir, Depth: 2, SingleBranch: true})
	if err != nil {
		t.Fatal(err)
	}
	h, err := Open(filepath.Join(dst, "register"))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if !h.Shallow() {
		t.Fatal("Shallow() = false for a clone with depth 2")
	}
	recs, err := h.Records()
	if err != nil {
		t.Fatal(err)
	}
	// Depth 2 holds the removal and the merge; the merge's parents are cut
	// off, so everything looks added on 1 July.
	if fh := recs["sensors/geluid.yaml"]; day(t, fh.Added) != "2024-07-01 09:00 +0200" {
		t.Errorf("shallow clone: %+v", recs)
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestSinceAnnotatedTag(t *testing.T) {
	s := newStory(t)
	sig := &object.Signature{Name: "Release", Email: "release@voorbeeldstad.example", When: time.Date(2024, 7, 2, 9, 0, 0, 0, time.UTC)}
	if _, err := s.repo.CreateTag("2024.1", s.c7, &git.CreateTagOptions{Tagger: sig, Message: "Release 2024.1"}); err != nil {
		t.Fatal(err)
	}
	cs, err := s.open("register").Since("2024.1")
	if err != nil {
		t.Fatal(err)
	}
	if cs.Base != s.c7.String() || len(cs.Records) != 1 || cs.Records[0].Op != Removed {
		t.Errorf("since an annotated tag: base %s, %+v", cs.Base, cs.Records)
	}
}

func TestOpenMissingFolder(t *testing.T) {
	s := newStory(t)
	// A register folder not (yet) in the work tree still finds the repository.
	h, err := Open(filepath.Join(s.dir, "nog-niet"))
	if err != nil {
		t.Fatalf("Open inside a work tree: %v", err)
	}
	defer h.Close()
	if recs, err := h.Records(); err != nil || len(recs) != 0 {
		t.Errorf("records of a folder without history: %v, %v", recs, err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "nergens", "register")); !errors.Is(err, ErrNoRepo) {
		t.Errorf("Open on a missing folder outside Git: %v", err)
	}
}

// TestSinceDateAfterRebase pins that a date cutoff looks at the whole
// graph by commit date: a cherry-picked commit keeps its old author date
// and a rebase can leave dates out of order, yet both arrived after the
// cutoff and belong in the change set.
func TestSinceDateAfterRebase(t *testing.T) {
	r := newTestRepo(t)
	base := r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\n"}, "Alice", "2024-01-10T10:00:00Z", "a")
	files := map[string]string{"reg/sensors/a.yaml": "id: a\n", "reg/sensors/b.yaml": "id: b\n"}
	r.commit(files, "Bob", "2024-03-15T10:00:00Z", "b")
	// A cherry-pick: authored in February, committed in March.
	files = with(files, "reg/sensors/c.yaml", "id: c\n")
	picked := r.commitAs(files, "Carol", "2024-02-01T10:00:00Z", "2024-03-20T10:00:00Z", "c")
	// A rebase that kept both dates old, on top of a newer commit.
	files = with(files, "reg/sensors/d.yaml", "id: d\n")
	r.commitAs(files, "Dave", "2024-02-02T10:00:00Z", "2024-02-02T10:00:00Z", "d")
	h := r.open("reg")
	cs, err := h.Since("2024-03-01")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rc := range cs.Records {
		got = append(got, rc.File)
	}
	want := "sensors/b.yaml sensors/c.yaml sensors/d.yaml"
	if cs.Base != base.String() || strings.Join(got, " ") != want {
		t.Errorf("base %s, records %v; want base %s and records %s", cs.Base, got, base, want)
	}
	// The cherry-pick alone after the cutoff still counts.
	cs, err = h.Since("2024-03-18")
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, rc := range cs.Records {
		got = append(got, rc.File)
	}
	if strings.Join(got, " ") != "sensors/c.yaml sensors/d.yaml" {
		t.Errorf("since 2024-03-18: records %v; want the cherry-pick (c, committed 20 March) and what came after it (d); picked %s", got, picked)
	}
}

// commitAs commits files with separate author and committer dates, as a
// cherry-pick or rebase leaves them.
func (r *testRepo) commitAs(files map[string]string, author, authored, committed, msg string) plumbing.Hash {
	r.t.Helper()
	for p, content := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	if err := r.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.t.Fatal(err)
	}
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			r.t.Fatal(err)
		}
		return tm
	}
	sig := func(when time.Time) *object.Signature {
		return &object.Signature{Name: author, Email: strings.ToLower(author) + "@voorbeeldstad.example", When: when}
	}
	h, err := r.wt.Commit(msg, &git.CommitOptions{Author: sig(at(authored)), Committer: sig(at(committed))})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// TestSinceReportsAForcedNumber pins that text tagged as a number in one
// version is reported as the change's problem and the rest still prints as
// JSON (it used to make changes and history exit 2).
func TestSinceReportsAForcedNumber(t *testing.T) {
	r := newTestRepo(t)
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: 2\n"}, "Alice", "2024-01-10T10:00:00Z", "a")
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: !!int abc\n"}, "Bob", "2024-02-10T10:00:00Z", "b")
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: 3\n"}, "Carol", "2024-03-10T10:00:00Z", "c")
	h := r.open("reg")
	cs, err := h.Since("2024-01-20")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(cs); err != nil {
		t.Fatalf("the change set does not print as JSON: %v", err)
	}
	log, err := h.Log("sensors/a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(log); err != nil {
		t.Fatalf("the history does not print as JSON: %v", err)
	}
	if len(log) != 3 || log[1].Problem == nil || !strings.Contains(log[1].Problem.In("en"), "abc is not a whole number") {
		t.Errorf("history %+v; want Bob's commit with the problem named", log)
	}
}

// unreadableStory is a repository whose record has a version that does
// not read, between two that do.
func unreadableStory(t *testing.T) *testRepo {
	r := newTestRepo(t)
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: 2\n"}, "Alice", "2024-01-10T10:00:00Z", "a")
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: !!int abc\n"}, "Bob", "2024-02-10T10:00:00Z", "b")
	r.commit(map[string]string{"reg/sensors/a.yaml": "id: a\nquantity: 3\n"}, "Carol", "2024-03-10T10:00:00Z", "c")
	return r
}

// logOf is the log of the story's record, read as a run of the program
// tool does ("" keeps nothing).
func logOf(t *testing.T, r *testRepo, tool string) []Change {
	t.Helper()
	h := r.open("reg")
	h.KeepDiffs(tool)
	log, err := h.Log("sensors/a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 {
		t.Fatalf("%d commits, want 3", len(log))
	}
	return log
}

// The reason a version does not read is kept as its parts and worded when
// shown, in either language: from the versions, from the diffs a run
// kept, and in the machine formats in English.
func TestUnreadableVersionWordedWhenShown(t *testing.T) {
	r := unreadableStory(t)
	want := []struct{ en, nl string }{
		{"old version: line 2, column 11: abc is not a whole number", "oude versie: regel 2, kolom 11: abc is geen geheel getal"},
		{"new version: line 2, column 11: abc is not a whole number", "nieuwe versie: regel 2, kolom 11: abc is geen geheel getal"},
	}
	for _, step := range []struct{ name, tool string }{
		{"nothing kept", ""},
		{"made and kept", "tool-1"},
		{"from the kept diffs", "tool-1"},
	} {
		log := logOf(t, r, step.tool)
		for i, w := range want {
			p := log[i].Problem
			if p == nil || log[i].Fields != nil {
				t.Fatalf("%s: change %d has fields %+v and no problem", step.name, i, log[i].Fields)
			}
			if got := p.In("en"); got != w.en {
				t.Errorf("%s: change %d in English: %q, want %q", step.name, i, got, w.en)
			}
			if got := p.In("nl"); got != w.nl {
				t.Errorf("%s: change %d in Dutch: %q, want %q", step.name, i, got, w.nl)
			}
			if b, err := json.Marshal(log[i]); err != nil || !strings.Contains(string(b), `"problem":"`+w.en+`"`) {
				t.Errorf("%s: change %d as JSON: %s, %v; want the problem in English", step.name, i, b, err)
			}
		}
	}
	// The kept diffs hold the parts, in both languages; planted there,
	// they are what the next run shows, worded in its language.
	path := keptDiffs(t, r.open("reg"))
	tool, entries := readDiffsFile(t, path)
	problems := 0
	for k, e := range entries {
		if e.Problem == nil {
			continue
		}
		problems++
		if len(e.Problem.Found) != 1 || e.Problem.Found[0].Message.In("nl") != "abc is geen geheel getal" {
			t.Errorf("kept problem %+v, want the reader's words in Dutch and English", e.Problem)
		}
		planted := *e.Problem
		planted.Found = []fielddiff.Found{{Line: 99, Column: 1, Message: label.Text{"geplant", "planted"}}}
		entries[k] = diffEntry{Problem: &planted}
	}
	if problems != 2 {
		t.Fatalf("%d problems kept, want 2", problems)
	}
	if err := os.WriteFile(path, keptFile(diffsHeader, []byte(tool), encodeDiffs(entries)), 0o644); err != nil {
		t.Fatal(err)
	}
	log := logOf(t, r, "tool-1")
	if got := log[0].Problem.In("nl"); got != "oude versie: regel 99, kolom 1: geplant" {
		t.Errorf("planted: %q, want the kept parts worded in Dutch", got)
	}
}

// Diffs kept by a run of an older format, which kept the reason a version
// does not read as English text, are not read: the next run works the
// diffs out again and keeps them in the format of today.
func TestKeptDiffsOfAnOlderFormatAreMadeAgain(t *testing.T) {
	r := unreadableStory(t)
	logOf(t, r, "tool-1")
	path := keptDiffs(t, r.open("reg"))
	tool, entries := readDiffsFile(t, path)
	// Format 1: each entry's blobs, its problem as text, its JSON.
	old := binary.AppendUvarint(nil, uint64(len(entries)))
	for k, e := range entries {
		old = append(old, k[:]...)
		if e.Problem != nil {
			old = appendText(appendText(old, "old version: line 2: abc is not a whole number"), "")
		} else {
			old = appendText(appendText(old, ""), e.JSON)
		}
	}
	if err := os.WriteFile(path, keptFile("register diffs 1\n", []byte(tool), old), 0o644); err != nil {
		t.Fatal(err)
	}
	log := logOf(t, r, "tool-1")
	if got := log[0].Problem.In("nl"); got != "oude versie: regel 2, kolom 11: abc is geen geheel getal" {
		t.Errorf("after diffs of format 1: %q, want the reason worded in Dutch", got)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(diffsHeader)) {
		t.Errorf("the kept diffs start %q, want them written again as %q", data[:min(len(data), 20)], diffsHeader)
	}
	if _, again := readDiffsFile(t, path); len(again) != len(entries) {
		t.Errorf("%d diffs kept again, want %d", len(again), len(entries))
	}
}

// A kept problem reads back as written; one whose version is neither of
// the two, or whose position is out of range, is damage.
func TestKeptProblemsReadBack(t *testing.T) {
	var k diffKey
	k[0] = 1
	u := &fielddiff.Unreadable{Version: fielddiff.NewVersion, Found: []fielddiff.Found{
		{Line: 3, Column: 7, Message: label.Text{"drie", "three"}}, {Message: label.Text{"", "no Dutch"}}}}
	entries := map[diffKey]diffEntry{k: {Problem: u}}
	got, ok := decodeDiffs(binread.New(encodeDiffs(entries)))
	if !ok || !reflect.DeepEqual(got, entries) {
		t.Errorf("read back %+v, %v; want %+v", got, ok, entries)
	}
	for _, tt := range []struct {
		name string
		u    fielddiff.Unreadable
	}{
		{"another version", fielddiff.Unreadable{Version: "middle"}},
		{"a line out of range", fielddiff.Unreadable{Version: fielddiff.OldVersion, Found: []fielddiff.Found{{Line: 1 << 40}}}},
	} {
		if _, ok := decodeDiffs(binread.New(encodeDiffs(map[diffKey]diffEntry{k: {Problem: &tt.u}}))); ok {
			t.Errorf("%s: read as kept diffs", tt.name)
		}
	}
}

// Log and LogOfChanges give the same changes from the versions the first
// time, from the kept diffs after, and afresh for another program, from a
// damaged cache or with no program named.
func TestLogIsTheSameFromKeptDiffs(t *testing.T) {
	s := newStory(t)
	files := []string{"sensors/cam-marktplein.yaml", "sensors/geluid.yaml", "algorithms/parkeren.yaml", "sensors/bestaat-niet.yaml"}
	type logs struct{ log, changes map[string][]Change }
	logsOf := func(h *Repo) logs {
		t.Helper()
		out := logs{map[string][]Change{}, map[string][]Change{}}
		for _, f := range files {
			log, err := h.Log(f)
			if err != nil {
				t.Fatal(err)
			}
			changes, err := h.LogOfChanges(f)
			if err != nil {
				t.Fatal(err)
			}
			out.log[f], out.changes[f] = log, changes
		}
		return out
	}
	want := logsOf(s.open("register"))
	if len(want.log["sensors/cam-marktplein.yaml"]) < 3 {
		t.Fatal("the story's camera has too few commits for the test")
	}
	damage := func() {
		if err := os.WriteFile(keptDiffs(t, s.open("register")), []byte("damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []struct {
		name, tool string
		before     func()
	}{
		{"first", "tool-1", nil},
		{"from the cache", "tool-1", nil},
		{"another program", "tool-2", nil},
		{"damaged cache", "tool-2", damage},
		{"no program", "", nil},
	} {
		if step.before != nil {
			step.before()
		}
		h := s.openAs(step.tool)
		got := logsOf(h)
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			for _, walk := range []struct {
				name      string
				got, want []Change
			}{{"Log", got.log[f], want.log[f]}, {"LogOfChanges", got.changes[f], want.changes[f]}} {
				if len(walk.got) != len(walk.want) {
					t.Fatalf("%s: %s of %s has %d changes, want %d", step.name, walk.name, f, len(walk.got), len(walk.want))
				}
				for i := range walk.want {
					if !reflect.DeepEqual(walk.got[i], walk.want[i]) {
						t.Errorf("%s: %s of %s, change %d:\n got %+v\nwant %+v", step.name, walk.name, f, i, walk.got[i], walk.want[i])
					}
				}
			}
		}
	}
}

// keptDiffs returns the file the diffs kept for h are in (KeepDiffs),
// failing the test when there is none.
func keptDiffs(t *testing.T, h *Repo) string { return keptPath(t, h, diffsName) }

// keptPath is where h's cache folders keep the file name.
func keptPath(t *testing.T, h *Repo, name string) string {
	t.Helper()
	for _, dir := range h.cacheDirs() {
		if p := filepath.Join(dir, name); fileExists(p) {
			return p
		}
	}
	t.Fatalf("no %s was written", name)
	return ""
}

// damage flips a bit in the middle of the file at path.
func damage(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readDiffsFile returns the program the diffs at path were kept for, and
// the diffs.
func readDiffsFile(t *testing.T, path string) (string, map[diffKey]diffEntry) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(data, []byte(diffsHeader))
	if !ok || len(rest) < 4 {
		t.Fatalf("%s is no file of kept diffs", path)
	}
	tool := binread.New(rest).Text()
	d, ok := openKept(data, diffsHeader, []byte(tool))
	if !ok {
		t.Fatalf("%s is damaged", path)
	}
	entries, ok := decodeDiffs(d)
	if !ok {
		t.Fatalf("%s is damaged", path)
	}
	return tool, entries
}

// plantDiff replaces every diff kept for h by the one the JSON says.
func plantDiff(t *testing.T, h *Repo, diff string) {
	t.Helper()
	path := keptDiffs(t, h)
	tool, entries := readDiffsFile(t, path)
	if len(entries) == 0 {
		t.Fatalf("no diffs kept at %s", path)
	}
	for k := range entries {
		entries[k] = diffEntry{JSON: []byte(diff)}
	}
	if err := os.WriteFile(path, keptFile(diffsHeader, []byte(tool), encodeDiffs(entries)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// What Log and LogOfChanges work out comes from the diffs kept for the
// program that made them: an entry planted there shows, and not to another
// program.
func TestLogReadsTheKeptDiffs(t *testing.T) {
	s := newStory(t)
	file := "sensors/cam-marktplein.yaml"
	newest := func(tool string) map[string]Change {
		t.Helper()
		h := s.openAs(tool)
		log, err := h.Log(file)
		if err != nil {
			t.Fatal(err)
		}
		changes, err := h.LogOfChanges(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		return map[string]Change{"Log": log[0], "LogOfChanges": changes[0]}
	}
	if c := newest("tool-1")["LogOfChanges"]; c.Op == Added {
		t.Fatalf("the newest change to %s is its addition, which LogOfChanges leaves unread", file)
	}
	plantDiff(t, s.open("register"), `[{"path":"/planted","op":"changed","old":1,"new":2}]`)
	for _, step := range []struct {
		tool    string
		planted bool
	}{{"tool-1", true}, {"tool-2", false}} {
		for walk, c := range newest(step.tool) {
			shows := len(c.Fields) == 1 && c.Fields[0].Path == "/planted" && c.Fields[0].New == json.Number("2")
			if shows != step.planted {
				t.Errorf("%s, %s: fields %+v; the planted entry shown: %v, want %v", step.tool, walk, c.Fields, shows, step.planted)
			}
		}
	}
}

// What an older version kept in the cache folder and none reads now goes
// when the diffs are written.
func TestKeptDiffsWrittenRemoveWhatNoneReads(t *testing.T) {
	s := newStory(t)
	logOf := func(tool string) {
		t.Helper()
		h := s.openAs(tool)
		if _, err := h.Log("sensors/cam-marktplein.yaml"); err != nil {
			t.Fatal(err)
		}
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
	}
	logOf("tool-1")
	dir := filepath.Dir(keptDiffs(t, s.open("register")))
	for _, name := range []string{"diffs.gob", "touched.bin"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("kept by an older version"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	logOf("tool-2")
	for _, name := range []string{"diffs.gob", "touched.bin"} {
		if fileExists(filepath.Join(dir, name)) {
			t.Errorf("%s is still in the cache folder", name)
		}
	}
}

// Diffs kept for a program come back as they were made, values and all,
// for that program only; a change's diff is read from the cache rather
// than from the versions (an entry planted there shows).
func TestKeptDiffsAreTheDiffs(t *testing.T) {
	s := newStory(t)
	want, err := s.open("register").Since("2020-01-01")
	if err != nil {
		t.Fatal(err)
	}
	outline := func(tool string) *ChangeSet {
		h := s.openAs(tool)
		cs, err := h.Outline("2020-01-01")
		if err != nil {
			t.Fatal(err)
		}
		var all []*Change
		for i := range cs.Records {
			for j := range cs.Records[i].Commits {
				all = append(all, &cs.Records[i].Commits[j])
			}
			cs.Records[i].Fields, cs.Records[i].Problem = want.Records[i].Fields, want.Records[i].Problem
		}
		cs.ReadAll(all)
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		return cs
	}
	for _, step := range []string{"made", "kept"} {
		got := outline("tool-1")
		got.repo, want.repo = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read\n%+v\nwant\n%+v", step, got, want)
		}
	}
	// Plant a diff in the kept ones: it shows for the program, not another.
	plantDiff(t, s.open("register"), `[{"path":"/planted","op":"changed","old":1,"new":2}]`)
	for _, step := range []struct {
		tool    string
		planted bool
	}{{"tool-1", true}, {"tool-2", false}} {
		c := outline(step.tool).Records[0].Commits[0]
		shows := len(c.Fields) == 1 && c.Fields[0].Path == "/planted" && c.Fields[0].New == json.Number("2")
		if shows != step.planted {
			t.Errorf("%s: fields %+v; the planted diff shown: %v, want %v", step.tool, c.Fields, shows, step.planted)
		}
	}
}
