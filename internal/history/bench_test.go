package history

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/voorbeeldstad/register/internal/testbed"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// The benchmarks measure the history pass on a generated repository of
// 10,000 records and 20,000 commits, side by side with
// `git log --name-only --format=%H` on the same repository:
//
//	go test -run '^$' -bench . -benchtime 3x ./internal/history
//
// The repository is built once and kept under os.TempDir, keyed by its
// parameters; delete register-history-bench-* there to rebuild it.

const (
	benchRecords = 10000
	benchCommits = 20000
	benchSeed    = 1
)

// benchRepo returns the benchmark repository, building it on first use.
func benchRepo(b testing.TB) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("register-history-bench-%d-%d-%d-v1", benchRecords, benchCommits, benchSeed))
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	start := time.Now()
	if err := generate(dir, benchRecords, benchCommits, benchSeed); err != nil {
		os.RemoveAll(dir)
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %s", dir, time.Since(start).Round(time.Millisecond))
	return dir
}

func clearCache(b testing.TB, dir string) {
	b.Helper()
	h, err := Open(filepath.Join(dir, "register"))
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range h.cacheDirs() {
		os.RemoveAll(d)
	}
	h.Close()
}

func records(b *testing.B, dir string) map[string]FileHistory {
	h, err := Open(filepath.Join(dir, "register"))
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	recs, err := h.Records()
	if err != nil {
		b.Fatal(err)
	}
	if len(recs) < benchRecords {
		b.Fatalf("%d files, want at least %d", len(recs), benchRecords)
	}
	return recs
}

// BenchmarkRecordsCold is the whole pass without a cache.
func BenchmarkRecordsCold(b *testing.B) {
	dir := benchRepo(b)
	for b.Loop() {
		b.StopTimer()
		clearCache(b, dir)
		b.StartTimer()
		records(b, dir)
	}
}

// BenchmarkRecordsWarm answers from the cache for the current HEAD.
func BenchmarkRecordsWarm(b *testing.B) {
	dir := benchRepo(b)
	clearCache(b, dir)
	records(b, dir)
	for b.Loop() {
		records(b, dir)
	}
}

// BenchmarkOutlineYear is what the site's change feed asks of a warm
// history on each build: the outline of the year before HEAD's last
// commit, some 2,900 commits, without any field diff. Kept is the same
// for a program that keeps its outline (KeepDiffs), as the build does:
// after the first run, each reads the outline the run before kept.
func BenchmarkOutlineYear(b *testing.B) {
	b.Run("made", func(b *testing.B) { benchOutlineYear(b, "") })
	b.Run("kept", func(b *testing.B) { benchOutlineYear(b, "bench") })
}

func benchOutlineYear(b *testing.B, tool string) {
	dir := benchRepo(b)
	clearCache(b, dir)
	var last time.Time
	for _, fh := range records(b, dir) {
		if fh.Changed.After(last) {
			last = fh.Changed
		}
	}
	since := last.AddDate(-1, 0, 0).Format(time.DateOnly)
	outline := func() {
		h, err := Open(filepath.Join(dir, "register"))
		if err != nil {
			b.Fatal(err)
		}
		h.KeepDiffs(tool)
		cs, err := h.Outline(since)
		if err != nil {
			b.Fatal(err)
		}
		if len(cs.Records) == 0 {
			b.Fatal("nothing changed in the year")
		}
		h.Close()
	}
	outline() // what a build before left
	for b.Loop() {
		outline()
	}
}

// BenchmarkRecordsNewCommit measures the pass after one new commit on top
// of a cached history: it should cost that commit, not the history.
func BenchmarkRecordsNewCommit(b *testing.B) {
	dir := benchRepo(b)
	repo, err := git.PlainOpen(dir)
	if err != nil {
		b.Fatal(err)
	}
	head, err := repo.Head()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		// Put the branch back; the new commits stay behind as unreachable
		// loose objects, and the cache is rebuilt by the next cold run.
		if err := repo.Storer.SetReference(plumbing.NewHashReference(head.Name(), head.Hash())); err != nil {
			b.Error(err)
		}
		clearCache(b, dir)
	})
	clearCache(b, dir)
	records(b, dir)
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		newCommit(b, repo, n)
		b.StartTimer()
		recs := records(b, dir)
		b.StopTimer()
		if fh := recs["sensors/"+testgen.ID(0, benchSeed)+".yaml"]; fh.ChangedBy != "Benchmark" {
			b.Fatalf("the new commit is not seen: %+v", fh)
		}
		b.StartTimer()
	}
}

// newCommit commits a change to record 0 on top of HEAD, through go-git.
func newCommit(b *testing.B, repo *git.Repository, n int) {
	b.Helper()
	head, err := repo.Head()
	if err != nil {
		b.Fatal(err)
	}
	c, err := repo.CommitObject(head.Hash())
	if err != nil {
		b.Fatal(err)
	}
	kind, id, body := testgen.Record(0, benchSeed)
	body = append(body, fmt.Sprintf("# benchmark %d\n", n)...)
	store := repo.Storer
	put := func(t plumbing.ObjectType, content []byte) plumbing.Hash {
		obj := store.NewEncodedObject()
		obj.SetType(t)
		w, _ := obj.Writer()
		w.Write(content)
		w.Close()
		h, err := store.SetEncodedObject(obj)
		if err != nil {
			b.Fatal(err)
		}
		return h
	}
	// Replace one entry along register/<folder>/<id>.yaml.
	var replace func(tree plumbing.Hash, path []string, leaf plumbing.Hash) plumbing.Hash
	replace = func(tree plumbing.Hash, path []string, leaf plumbing.Hash) plumbing.Hash {
		t, err := object.GetTree(store, tree)
		if err != nil {
			b.Fatal(err)
		}
		entries := slices.Clone(t.Entries)
		for i, e := range entries {
			if e.Name == path[0] {
				if len(path) == 1 {
					entries[i].Hash = leaf
				} else {
					entries[i].Hash = replace(e.Hash, path[1:], leaf)
				}
			}
		}
		nt := &object.Tree{Entries: entries}
		obj := store.NewEncodedObject()
		if err := nt.Encode(obj); err != nil {
			b.Fatal(err)
		}
		h, err := store.SetEncodedObject(obj)
		if err != nil {
			b.Fatal(err)
		}
		return h
	}
	blob := put(plumbing.BlobObject, body)
	tree := replace(c.TreeHash, []string{"register", testgen.Folder(kind), id + ".yaml"}, blob)
	sig := object.Signature{Name: "Benchmark", Email: "bench@voorbeeldstad.example", When: c.Author.When.Add(time.Hour)}
	nc := &object.Commit{Author: sig, Committer: sig, Message: "benchmark change", TreeHash: tree, ParentHashes: []plumbing.Hash{c.Hash}}
	obj := store.NewEncodedObject()
	if err := nc.Encode(obj); err != nil {
		b.Fatal(err)
	}
	h, err := store.SetEncodedObject(obj)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.SetReference(plumbing.NewHashReference(head.Name(), h)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGitLog is the yardstick: the git command listing the files every
// commit changed, on the same repository.
func BenchmarkGitLog(b *testing.B) {
	gitLog := gitLogOf(b)
	dir := benchRepo(b)
	for b.Loop() {
		if err := gitLog(dir).Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordsColdAgainstGitLog runs the cold pass and `git log` in
// turn, so both see the machine as it is at the time: on a busy machine
// the two benchmarks above, run one after the other, were 1.0 to 1.6
// times apart from one run to the next. It reports the pass's wall time
// as a multiple of git's, the median of the pairs (x-git-log-wall), and
// its CPU time (the process's, git's as the child's) as a multiple of
// git's over all pairs (x-git-log).
func BenchmarkRecordsColdAgainstGitLog(b *testing.B) {
	gitLog := gitLogOf(b)
	dir := benchRepo(b)
	var walls []float64
	var passCPU, gitCPU time.Duration
	for b.Loop() {
		b.StopTimer()
		clearCache(b, dir)
		cmd := gitLog(dir)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		gitWall := time.Since(start)
		gitCPU += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		b.StartTimer()
		cpu, start := testbed.CPU(), time.Now()
		records(b, dir)
		walls = append(walls, time.Since(start).Seconds()/gitWall.Seconds())
		passCPU += testbed.CPU() - cpu
	}
	slices.Sort(walls)
	b.ReportMetric(walls[len(walls)/2], "x-git-log-wall")
	b.ReportMetric(passCPU.Seconds()/gitCPU.Seconds(), "x-git-log")
}

// gitLogOf returns the yardstick's command on a repository: the git
// command listing the files every commit changed, its output discarded.
// It skips b where git is not installed.
func gitLogOf(b *testing.B) func(dir string) *exec.Cmd {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		b.Skip("git is not installed")
	}
	return func(dir string) *exec.Cmd {
		cmd := exec.Command(gitBin, "-C", dir, "log", "--name-only", "--format=%H")
		cmd.Stdout = io.Discard
		return cmd
	}
}

// TestGenerate checks the generator on a small repository: go-git reads it
// back, HEAD holds every record, and git (when installed) finds it sound.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir, 40, 90, 7); err != nil {
		t.Fatal(err)
	}
	h, err := Open(filepath.Join(dir, "register"))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	recs, err := h.Records()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 41 { // 40 records and register.yaml
		t.Errorf("%d files at HEAD, want 41", len(recs))
	}
	n := 0
	it, err := h.repo.Log(&git.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	it.ForEach(func(*object.Commit) error { n++; return nil })
	if n != 90 {
		t.Errorf("%d commits, want 90", n)
	}
	renamed := 0
	for f := range recs {
		if strings.HasSuffix(f, "-hernoemd.yaml") {
			renamed++
			log, err := h.Log(f)
			if err != nil || len(log) < 2 || log[0].Op != Renamed {
				t.Errorf("log of renamed %s: %+v, %v", f, log, err)
			}
		}
	}
	if renamed == 0 {
		t.Error("no renames generated")
	}
	if gitBin, err := exec.LookPath("git"); err == nil {
		if out, err := exec.Command(gitBin, "-C", dir, "fsck", "--strict").CombinedOutput(); err != nil {
			t.Errorf("git fsck: %v\n%s", err, out)
		}
	}
}

// generate writes a repository with records records and commits commits:
// an import of a fifth of the records, then one record added per commit,
// then changes, with every tenth change a branch merged back (a merge
// commit as a pull request leaves it) and every hundredth a rename. The
// objects go straight into one pack file, each folder tree stored as a
// delta of its previous version as git gc would: loose objects for 20,000
// versions of a 10,000-entry register would take gigabytes.
func generate(dir string, records, commits int, seed int64) error {
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "register"), 0o755); err != nil {
		return err
	}
	pw, err := newPackWriter(filepath.Join(dir, ".git", "objects", "pack"))
	if err != nil {
		return err
	}
	g := &generator{pw: pw, folders: map[string]*folder{}, when: time.Date(2017, 1, 2, 9, 0, 0, 0, time.UTC)}
	g.readme = pw.add(plumbing.BlobObject, []byte("# Register\n"))
	g.config = pw.add(plumbing.BlobObject, []byte("organisation: Gemeente Voorbeeldstad\n"))
	ids := map[string]bool{}
	addRecord := func(i int) {
		kind, id, body := testgen.Record(i, seed)
		if ids[id] {
			id = fmt.Sprintf("%s-%d", id, i)
		}
		ids[id] = true
		g.rec = append(g.rec, genRecord{folder: testgen.Folder(kind), name: id + ".yaml", body: body})
		g.set(len(g.rec) - 1)
	}
	imported := records / 5
	for i := range imported {
		addRecord(i)
	}
	head := g.commit("Import the existing register", nil)
	made := 1
	for i := imported; i < records && made < commits; i++ {
		addRecord(i)
		head = g.commit("Add "+g.rec[i].name, []plumbing.Hash{head})
		made++
	}
	for k := 0; made < commits; k++ {
		r := (k * 7919) % len(g.rec)
		switch {
		case k%100 == 49:
			g.rename(r)
			head = g.commit("Rename "+g.rec[r].name, []plumbing.Hash{head})
			made++
		case k%10 == 9 && commits-made >= 2:
			g.edit(r, k)
			side := g.commit("Update "+g.rec[r].name, []plumbing.Hash{head})
			head = g.commit("Merge pull request #"+fmt.Sprint(k), []plumbing.Hash{head, side})
			made += 2
		default:
			g.edit(r, k)
			head = g.commit("Update "+g.rec[r].name, []plumbing.Hash{head})
			made++
		}
	}
	if err := pw.finish(); err != nil {
		return err
	}
	return repo.Storer.SetReference(plumbing.NewHashReference(plumbing.Master, head))
}

type genRecord struct {
	folder, name string
	body         []byte
}

// folder is one folder tree's entries, kept sorted, and its last version in
// the pack for deltas.
type folder struct {
	names  []string
	hashes map[string]plumbing.Hash
	last   []byte
	offset int64
	depth  int
}

type generator struct {
	pw             *packWriter
	rec            []genRecord
	folders        map[string]*folder
	readme, config plumbing.Hash
	when           time.Time
	n              int
}

func (g *generator) folder(name string) *folder {
	f := g.folders[name]
	if f == nil {
		f = &folder{hashes: map[string]plumbing.Hash{}, offset: -1}
		g.folders[name] = f
	}
	return f
}

// set stores record i's body and puts it in its folder.
func (g *generator) set(i int) {
	r := g.rec[i]
	f := g.folder(r.folder)
	if _, ok := f.hashes[r.name]; !ok {
		at, _ := slices.BinarySearch(f.names, r.name)
		f.names = slices.Insert(f.names, at, r.name)
	}
	f.hashes[r.name] = g.pw.add(plumbing.BlobObject, r.body)
}

func (g *generator) edit(i, k int) {
	g.rec[i].body = append(slices.Clone(g.rec[i].body), fmt.Sprintf("# revisie %d\n", k)...)
	g.set(i)
}

// rename gives record i a new id and file name, as an id change does.
func (g *generator) rename(i int) {
	r := &g.rec[i]
	f := g.folder(r.folder)
	old := strings.TrimSuffix(r.name, ".yaml")
	at, _ := slices.BinarySearch(f.names, r.name)
	f.names = slices.Delete(f.names, at, at+1)
	delete(f.hashes, r.name)
	r.name = old + "-hernoemd.yaml"
	r.body = bytes.Replace(r.body, []byte("id: "+old), []byte("id: "+old+"-hernoemd"), 1)
	g.set(i)
}

// commit writes the trees and a commit for the current state.
func (g *generator) commit(msg string, parents []plumbing.Hash) plumbing.Hash {
	var reg []treeEntry
	for name, f := range g.folders {
		var raw []byte
		for _, n := range f.names {
			h := f.hashes[n]
			raw = append(raw, "100644 "+n+"\x00"...)
			raw = append(raw, h[:]...)
		}
		var h plumbing.Hash
		if f.last != nil && f.depth < 50 && !bytes.Equal(raw, f.last) {
			var off int64
			h, off = g.pw.addDelta(plumbing.TreeObject, raw, f.last, f.offset)
			if off >= 0 {
				f.depth++
				f.last, f.offset = raw, off
			}
		} else {
			var off int64
			h, off = g.pw.addAt(plumbing.TreeObject, raw)
			if off >= 0 {
				f.depth = 0
				f.last, f.offset = raw, off
			}
		}
		reg = append(reg, treeEntry{"40000", name, h})
	}
	reg = append(reg, treeEntry{"100644", "register.yaml", g.config})
	regTree := g.pw.add(plumbing.TreeObject, encodeTree(reg))
	root := g.pw.add(plumbing.TreeObject, encodeTree([]treeEntry{{"100644", "README.md", g.readme}, {"40000", "register", regTree}}))
	authors := []string{"Anouk de Vries", "Bram Jansen", "Chaima El Amrani", "Daan Visser", "Eva Bakker", "Fatma Yilmaz", "Gijs Mulder"}
	g.n++
	g.when = g.when.Add(3*time.Hour + time.Duration(g.n%7)*time.Minute)
	sig := object.Signature{Name: authors[g.n%len(authors)], Email: "team-register@voorbeeldstad.example", When: g.when}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg + "\n", TreeHash: root, ParentHashes: parents}
	obj := &plumbing.MemoryObject{}
	if err := c.Encode(obj); err != nil {
		panic(err) // encoding into memory cannot fail
	}
	r, _ := obj.Reader()
	body, _ := io.ReadAll(r)
	return g.pw.add(plumbing.CommitObject, body)
}

type treeEntry struct {
	mode, name string
	hash       plumbing.Hash
}

func encodeTree(es []treeEntry) []byte {
	slices.SortFunc(es, func(a, b treeEntry) int {
		return compareEntries(entry{mode: []byte(a.mode), name: []byte(a.name)}, entry{mode: []byte(b.mode), name: []byte(b.name)})
	})
	var raw []byte
	for _, e := range es {
		raw = append(raw, e.mode+" "+e.name+"\x00"...)
		raw = append(raw, e.hash[:]...)
	}
	return raw
}

// packWriter writes a Git pack file (version 2) and its index.
type packWriter struct {
	dir     string
	f       *os.File
	w       *bufio.Writer
	offset  int64
	count   uint32
	written map[plumbing.Hash]bool
	idx     *idxfile.Writer
	zbuf    bytes.Buffer
	zw      *zlib.Writer
}

func newPackWriter(dir string) (*packWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "tmp-pack-*")
	if err != nil {
		return nil, err
	}
	p := &packWriter{dir: dir, f: f, w: bufio.NewWriterSize(f, 1<<20), written: map[plumbing.Hash]bool{}, idx: new(idxfile.Writer)}
	p.zw, _ = zlib.NewWriterLevel(&p.zbuf, zlib.BestSpeed)
	// The object count is patched in by finish.
	p.write([]byte{'P', 'A', 'C', 'K', 0, 0, 0, 2, 0, 0, 0, 0})
	return p, nil
}

func (p *packWriter) write(b []byte) {
	n, _ := p.w.Write(b) // errors surface at Flush in finish
	p.offset += int64(n)
}

// add writes an object unless it is already in the pack, and returns its hash.
func (p *packWriter) add(t plumbing.ObjectType, content []byte) plumbing.Hash {
	h, _ := p.addAt(t, content)
	return h
}

// addAt is add that also returns the object's offset, or -1 when it was
// already written.
func (p *packWriter) addAt(t plumbing.ObjectType, content []byte) (plumbing.Hash, int64) {
	h := plumbing.ComputeHash(t, content)
	if p.written[h] {
		return h, -1
	}
	return h, p.entry(h, t, content, nil)
}

// addDelta writes an object as an OFS_DELTA against base, written at offset.
func (p *packWriter) addDelta(t plumbing.ObjectType, content, base []byte, baseOffset int64) (plumbing.Hash, int64) {
	h := plumbing.ComputeHash(t, content)
	if p.written[h] {
		return h, -1
	}
	return h, p.entry(h, plumbing.OFSDeltaObject, delta(base, content), &baseOffset)
}

func (p *packWriter) entry(h plumbing.Hash, t plumbing.ObjectType, data []byte, base *int64) int64 {
	p.written[h] = true
	p.count++
	at := p.offset
	var hdr []byte
	size := len(data)
	b := byte(t)<<4 | byte(size&15)
	size >>= 4
	for size > 0 {
		hdr = append(hdr, b|0x80)
		b = byte(size & 127)
		size >>= 7
	}
	hdr = append(hdr, b)
	if base != nil {
		// The distance back to the base, in git's offset encoding.
		n := uint64(at - *base)
		var enc [10]byte
		i := len(enc) - 1
		enc[i] = byte(n & 127)
		for n >>= 7; n > 0; n >>= 7 {
			n--
			i--
			enc[i] = byte(0x80 | n&127)
		}
		hdr = append(hdr, enc[i:]...)
	}
	p.zbuf.Reset()
	p.zw.Reset(&p.zbuf)
	p.zw.Write(data)
	p.zw.Close()
	crc := crc32.NewIEEE()
	crc.Write(hdr)
	crc.Write(p.zbuf.Bytes())
	p.write(hdr)
	p.write(p.zbuf.Bytes())
	p.idx.Add(h, uint64(at), crc.Sum32())
	return at
}

// delta encodes target as a copy of base's common prefix, the changed
// middle inserted, and a copy of the common suffix.
func delta(base, target []byte) []byte {
	pre := 0
	for pre < len(base) && pre < len(target) && base[pre] == target[pre] {
		pre++
	}
	suf := 0
	for suf < len(base)-pre && suf < len(target)-pre && base[len(base)-1-suf] == target[len(target)-1-suf] {
		suf++
	}
	var d []byte
	d = binary.AppendUvarint(d, uint64(len(base)))
	d = binary.AppendUvarint(d, uint64(len(target)))
	copyOp := func(off, n int) {
		for n > 0 {
			m := min(n, 0xffffff)
			op := byte(0x80)
			var args []byte
			for i := range 4 {
				if v := byte(off >> (8 * i)); v != 0 {
					op |= 1 << i
					args = append(args, v)
				}
			}
			for i := range 3 {
				if v := byte(m >> (8 * i)); v != 0 {
					op |= 0x10 << i
					args = append(args, v)
				}
			}
			d = append(append(d, op), args...)
			off += m
			n -= m
		}
	}
	copyOp(0, pre)
	for mid := target[pre : len(target)-suf]; len(mid) > 0; {
		n := min(len(mid), 127)
		d = append(append(d, byte(n)), mid[:n]...)
		mid = mid[n:]
	}
	copyOp(len(base)-suf, suf)
	return d
}

// finish patches the object count, appends the checksum and writes the
// index next to the pack.
func (p *packWriter) finish() error {
	if err := p.w.Flush(); err != nil {
		return err
	}
	var cnt [4]byte
	binary.BigEndian.PutUint32(cnt[:], p.count)
	if _, err := p.f.WriteAt(cnt[:], 8); err != nil {
		return err
	}
	if _, err := p.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	sum := sha1.New()
	if _, err := io.Copy(sum, p.f); err != nil {
		return err
	}
	var checksum plumbing.Hash
	copy(checksum[:], sum.Sum(nil))
	if _, err := p.f.Write(checksum[:]); err != nil {
		return err
	}
	if err := p.f.Close(); err != nil {
		return err
	}
	base := filepath.Join(p.dir, "pack-"+checksum.String())
	if err := p.idx.OnFooter(checksum); err != nil {
		return err
	}
	idx, err := p.idx.Index()
	if err != nil {
		return err
	}
	f, err := os.Create(base + ".idx")
	if err != nil {
		return err
	}
	if _, err := idxfile.NewEncoder(f).Encode(idx); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(p.f.Name(), base+".pack")
}
