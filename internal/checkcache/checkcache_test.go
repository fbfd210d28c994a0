package checkcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
	"github.com/voorbeeldstad/register/schema"
)

// filled returns a value of type t with every field set to something other
// than its zero value, so a round trip that drops a field shows.
func filled(t reflect.Type, n int) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		v.SetString(strings.Repeat("x", n%5+1) + t.Name())
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(n%3 + 1))
	case reflect.Uint64:
		v.SetUint(uint64(n + 7))
	case reflect.Float64:
		v.SetFloat(51.5 + float64(n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(filled(t.Elem(), n).Addr())
	case reflect.Array: // a label.Text: each language its own text
		for i := range t.Len() {
			v.Index(i).Set(filled(t.Elem(), n+i))
		}
	case reflect.Slice:
		s := reflect.MakeSlice(t, 2, 2)
		for i := range 2 {
			s.Index(i).Set(filled(t.Elem(), n+i))
		}
		v.Set(s)
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)))
			break
		}
		for i := range t.NumField() {
			v.Field(i).Set(filled(t.Field(i).Type, n+i))
		}
	}
	return v
}

// TestEveryFieldSurvives writes and reads an entry with every field of the
// stored result set: a field added to a finding, the facts or the outcome
// that the cache file does not carry fails here.
func TestEveryFieldSurvives(t *testing.T) {
	st := filled(reflect.TypeFor[load.Stored](), 0).Interface().(load.Stored)
	st.Findings[0].Severity, st.Findings[1].Severity = finding.Warning, finding.Error
	in := map[string]*entry{"sensors/a.yaml": {Sum: sha256.Sum256([]byte("a")), Stored: &st}}
	payload := encode(in)
	c, err := decode(payload, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := results(t, bytes.NewReader(payload), c)
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip changed the entry:\n in %+v\nout %+v", *in["sensors/a.yaml"].Stored, *out["sensors/a.yaml"].Stored)
	}
}

// TestDamagedFilesAreIgnored: a cache file cut short, with a byte changed,
// of another version, or with a valid checksum over garbage reads as an
// empty cache, without a panic.
func TestDamagedFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.cache")
	st := filled(reflect.TypeFor[load.Stored](), 0).Interface().(load.Stored)
	s := Open(path, "tool")
	s.Put("sensors/a.yaml", [32]byte{1}, &st)
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := contentsOf(path); got == nil || len(got.index) != 1 {
		t.Fatal("the cache written does not read back")
	}
	payload := good[len(magic) : len(good)-sha256.Size]
	cases := map[string][]byte{
		"empty":            nil,
		"cut short":        good[:len(good)-3],
		"another version":  bytes.Replace(good, []byte(magic), []byte("register check cache 1\n"), 1),
		"a byte changed":   append(append([]byte{}, good[:len(good)-1]...), good[len(good)-1]^1),
		"payload cut":      withSum(payload[:len(payload)/2]),
		"huge counts":      withSum([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}),
		"trailing garbage": withSum(append(append([]byte{}, payload...), 0)),
	}
	rng := rand.New(rand.NewSource(1))
	for i := range 300 {
		p := append([]byte{}, payload...)
		for range 1 + i%4 {
			p[rng.Intn(len(p))] = byte(rng.Intn(256))
		}
		cases["garbage "+string(rune('a'+i%26))+strings.Repeat("'", i/26)] = withSum(p)
	}
	for name, data := range cases {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got := contentsOf(path)
		if got != nil && len(got.index) != 0 && !strings.HasPrefix(name, "garbage") {
			t.Errorf("%s: read %d entries", name, len(got.index))
		}
		if got == nil {
			continue
		}
		// What reads is used as a run would: each result found (read
		// from the file when found), one added, and saved.
		s := Open(path, "tool")
		for rel, i := range got.index {
			s.Get(rel, got.slots[i].sum)
		}
		s.Put("sensors/new.yaml", [32]byte{2}, &st)
		if err := s.Save(false); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		s.Close()
		if contentsOf(path) == nil {
			t.Errorf("%s: the file saved does not read", name)
		}
	}
}

// run checks the register at root, with the cache at path when path is set.
func run(t *testing.T, root string, v *validate.Validator, check principle.Options, path, tool string) ([]finding.Finding, int) {
	t.Helper()
	opts := load.Options{Validator: v, Check: &check}
	var s *Store
	if path != "" {
		s = Open(path, tool)
		opts.Cache = s
	}
	res, err := load.Register(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	if s != nil {
		if err := s.Save(true); err != nil {
			t.Fatal(err)
		}
		hits = s.hits
	}
	fs := append(res.Findings, res.Checked.Slice(0)...)
	finding.Sort(fs)
	return fs, hits
}

// history is a Git history with fixed dates.
type history struct {
	start time.Time
	first map[string]time.Time
}

func (h history) FirstCommit(file string) (time.Time, bool) { t, ok := h.first[file]; return t, ok }
func (h history) RegisterStart() (time.Time, bool)          { return h.start, true }

// TestCachedIsCold changes each part of what a file's result depends on,
// one at a time, after a run that filled the cache, and proves that the
// next cached run reports exactly what a run without the cache reports,
// and that the change mattered: the findings differ from before it (or,
// for the tool, that nothing was taken from the cache).
func TestCachedIsCold(t *testing.T) {
	root := t.TempDir()
	if err := testgen.Write(root, 80, 11); err != nil {
		t.Fatal(err)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	strict, err := validate.NewFromFS(tighter(t))
	if err != nil {
		t.Fatal(err)
	}
	files, err := testgen.RecordFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var sensorFile string
	for _, f := range files {
		if strings.Contains(f, string(filepath.Separator)+"sensors"+string(filepath.Separator)) {
			sensorFile = f
		}
	}
	rel := func(f string) string { r, _ := filepath.Rel(root, f); return filepath.ToSlash(r) }
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	base := principle.Options{Today: day}
	withHistory := func(added time.Time) principle.Options {
		h := history{start: time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC), first: map[string]time.Time{}}
		for _, f := range files {
			h.first[rel(f)] = added
		}
		return principle.Options{Today: day, History: h}
	}
	type setup struct {
		v    *validate.Validator
		opts principle.Options
		tool string
	}
	for _, tc := range []struct {
		name   string
		change func(*setup)
		same   bool // the change leaves the findings as they were (only the cache is bypassed)
	}{
		{"a file's content", func(*setup) {
			data, err := os.ReadFile(sensorFile)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(sensorFile, bytes.Replace(data, []byte("\nname:"), []byte("\nnaam:"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"the schemas", func(s *setup) { s.v = strict }, false},
		{"the configuration", func(*setup) {
			name := filepath.Join(root, "register.yaml")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, bytes.Replace(data, []byte("security-audit: warning"), []byte("security-audit: error"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"the tool", func(s *setup) { s.tool = "another build" }, true},
		{"the day", func(s *setup) { s.opts.Today = day.AddDate(2, 0, 0) }, false},
		{"history at hand", func(s *setup) { s.opts = withHistory(time.Date(2021, 1, 1, 9, 0, 0, 0, time.UTC)) }, false},
		{"what history says", func(s *setup) { s.opts = withHistory(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)) }, false},
		{"custom rules beyond their budget", func(*setup) {
			name := filepath.Join(root, "register.yaml")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			data = bytes.Replace(data, []byte("\nlimits:\n"), []byte("\nlimits:\n  custom_rules_cost: 5\n"), 1)
			data = append(data, "rules_custom:\n  - id: named\n    require: record.name != \"\"\n"...)
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.cache")
			s := &setup{v: v, opts: base, tool: "one build"}
			if tc.name == "what history says" {
				s.opts = withHistory(time.Date(2021, 1, 1, 9, 0, 0, 0, time.UTC))
			}
			before, _ := run(t, root, s.v, s.opts, path, s.tool)
			again, hits := run(t, root, s.v, s.opts, path, s.tool)
			if hits == 0 || !reflect.DeepEqual(again, before) {
				t.Fatalf("a second run took %d results from the cache and reported the same: %v", hits, reflect.DeepEqual(again, before))
			}
			tc.change(s)
			cold, _ := run(t, root, s.v, s.opts, "", "")
			cached, hits := run(t, root, s.v, s.opts, path, s.tool)
			if !reflect.DeepEqual(cached, cold) {
				t.Fatalf("after the change the cached run reports %d findings, a run without the cache %d", len(cached), len(cold))
			}
			if tc.same {
				if hits != 0 {
					t.Errorf("%d results taken from the cache of another build", hits)
				}
			} else if reflect.DeepEqual(cold, before) {
				t.Error("the change did not change the findings: the test proves nothing")
			}
		})
	}
}

// tighter is the embedded schemas with names limited to five characters.
func tighter(t *testing.T) fs.FS {
	out := fstest.MapFS{}
	err := fs.WalkDir(schema.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(schema.FS, p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".schema.json") {
			data = bytes.ReplaceAll(data, []byte(`"maxLength": 100`), []byte(`"maxLength": 5`))
		}
		out[p] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStoreSavesWhatTheRunFoundAndAdded: Save writes the results a run
// added (encoded as they came) and found, once each; a run over every file
// drops the others, one over some keeps them; saving twice writes the same.
func TestStoreSavesWhatTheRunFoundAndAdded(t *testing.T) {
	eachWay(t, testStoreSavesWhatTheRunFoundAndAdded)
}

func testStoreSavesWhatTheRunFoundAndAdded(t *testing.T) {
	result := func(n int) *load.Stored {
		st := filled(reflect.TypeFor[load.Stored](), n).Interface().(load.Stored)
		return &st
	}
	sum := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	path := filepath.Join(t.TempDir(), "cache")
	first := Open(path, "tool")
	for _, rel := range []string{"sensors/a.yaml", "sensors/b.yaml", "sensors/c.yaml"} {
		first.Put(rel, sum(rel), result(len(rel)))
	}
	if err := first.Save(true); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		all  bool
		want []string
	}{
		{"a run over every file keeps what it found and added", true, []string{"sensors/a.yaml", "sensors/b.yaml", "sensors/d.yaml"}},
		{"a run over some files keeps the others too", false, []string{"sensors/a.yaml", "sensors/b.yaml", "sensors/c.yaml", "sensors/d.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cache")
			data, _ := os.ReadFile(path)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			s := Open(p, "tool")
			if _, ok := s.Get("sensors/a.yaml", sum("sensors/a.yaml")); !ok {
				t.Fatal("a.yaml not found")
			}
			// b.yaml found, then checked again: written once, as added.
			s.Get("sensors/b.yaml", sum("sensors/b.yaml"))
			s.Put("sensors/b.yaml", sum("b again"), result(9))
			s.Put("sensors/d.yaml", sum("sensors/d.yaml"), result(4))
			if err := s.Save(tc.all); err != nil {
				t.Fatal(err)
			}
			saved, _ := os.ReadFile(p)
			if err := s.Save(tc.all); err != nil {
				t.Fatal(err)
			}
			if again, _ := os.ReadFile(p); !bytes.Equal(saved, again) && len(saved) != len(again) {
				t.Errorf("a second Save wrote %d bytes, the first %d", len(again), len(saved))
			}
			got := readResults(t, p)
			var rels []string
			for rel := range got {
				rels = append(rels, rel)
			}
			slices.Sort(rels)
			if !slices.Equal(rels, tc.want) {
				t.Fatalf("saved %v, want %v", rels, tc.want)
			}
			if got["sensors/b.yaml"].Sum != sum("b again") || !reflect.DeepEqual(got["sensors/b.yaml"].Stored, result(9)) {
				t.Error("b.yaml: not the result added last")
			}
			if !reflect.DeepEqual(got["sensors/d.yaml"].Stored, result(4)) || !reflect.DeepEqual(got["sensors/a.yaml"].Stored, result(len("sensors/a.yaml"))) {
				t.Error("a result changed on its way through the file")
			}
		})
	}
}

// resultSaying is a result whose first finding's message is text, in
// both languages.
func resultSaying(text string) *load.Stored {
	st := filled(reflect.TypeFor[load.Stored](), 1).Interface().(load.Stored)
	st.Findings[0].Message = label.Text{"nl " + text, "en " + text}
	return &st
}

// TestSavesKeepWhatTheyFoundAsItWasAndCompact: run after run, each finding
// one file and checking another anew, every result reads back as it was
// saved; the texts of results no longer kept stay in the file's table only
// until every compactEvery-th save encodes all entries again.
func TestSavesKeepWhatTheyFoundAsItWasAndCompact(t *testing.T) {
	eachWay(t, testSavesKeepWhatTheyFoundAsItWasAndCompact)
}

func testSavesKeepWhatTheyFoundAsItWasAndCompact(t *testing.T) {
	sum := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	result := resultSaying
	path := filepath.Join(t.TempDir(), "cache")
	s := Open(path, "tool")
	s.Put("sensors/a.yaml", sum("a"), result("a"))
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	stale := func() bool {
		c := contentsOf(path)
		return c != nil && slices.Contains(c.table, "en b 1")
	}
	for run := 1; run <= compactEvery+1; run++ {
		s := Open(path, "tool")
		if _, ok := s.Get("sensors/a.yaml", sum("a")); !ok {
			t.Fatalf("run %d: a.yaml not found", run)
		}
		text := "b " + strconv.Itoa(run)
		s.Put("sensors/b.yaml", sum(text), result(text))
		if err := s.Save(true); err != nil {
			t.Fatal(err)
		}
		got := readResults(t, path)
		if len(got) != 2 || !reflect.DeepEqual(got["sensors/a.yaml"].Stored, result("a")) || !reflect.DeepEqual(got["sensors/b.yaml"].Stored, result(text)) {
			t.Fatalf("run %d: the results did not read back as saved", run)
		}
		switch {
		case run == 2 && !stale():
			t.Fatal("the second save encoded every entry again")
		case run == compactEvery && stale():
			t.Fatalf("after %d saves the table still holds texts no result uses", run)
		}
	}
}

// TestATableThatGrewIsCompacted: when most results are checked again with
// new texts run after run (a custom rule whose message counts days), the
// table is compacted once it grew by a quarter, long before
// compactEvery saves: the file stays near the size its results take.
func TestATableThatGrewIsCompacted(t *testing.T) {
	const files = 3000
	sum := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	result := resultSaying
	path := filepath.Join(t.TempDir(), "cache")
	var compact int
	for run := range 8 {
		s := Open(path, "tool")
		for i := range files {
			rel := "sensors/s" + strconv.Itoa(i) + ".yaml"
			s.Put(rel, sum(rel), result(fmt.Sprintf("s%d is %d dagen te laat", i, 100+run)))
		}
		if err := s.Save(true); err != nil {
			t.Fatal(err)
		}
		s.Close()
		c := contentsOf(path)
		if c == nil {
			t.Fatalf("run %d: the cache does not read", run)
		}
		if run == 0 {
			compact = len(c.table)
		}
		if len(c.table) > compact+compact/4+compactFloor+2*files {
			t.Fatalf("run %d: %d strings in the table, %d when compact", run, len(c.table), compact)
		}
	}
}

// TestResultsAreReadWhenFound: the store reads a result from the file it
// opened when a run finds it, decoded for the caller to keep; found again,
// it is read again. Another run that replaces the file meanwhile changes
// nothing this run finds or saves, and after its save the run finds
// nothing.
func TestResultsAreReadWhenFound(t *testing.T) { eachWay(t, testResultsAreReadWhenFound) }

func testResultsAreReadWhenFound(t *testing.T) {
	sum := sha256.Sum256([]byte("a"))
	want := filled(reflect.TypeFor[load.Stored](), 2).Interface().(load.Stored)
	path := filepath.Join(t.TempDir(), "cache")
	save := func(rel string, sum [32]byte, st *load.Stored) {
		t.Helper()
		s := Open(path, "tool")
		s.Put(rel, sum, st)
		if err := s.Save(true); err != nil {
			t.Fatal(err)
		}
	}
	save("sensors/a.yaml", sum, &want)
	s := Open(path, "tool")
	defer s.Close()
	s.reading.Wait()                                           // opened, in the background
	save("sensors/a.yaml", sum, resultSaying("another run's")) // replaces the file
	if _, ok := s.Get("sensors/a.yaml", sha256.Sum256([]byte("a, edited"))); ok {
		t.Fatal("a result was found under another sum")
	}
	for range 2 {
		got, ok := s.Get("sensors/a.yaml", sum)
		if !ok || !reflect.DeepEqual(got, &want) {
			t.Fatalf("Get = %v, %v", got, ok)
		}
		got.Findings[0].Message = label.Text{"changed by its caller"}
	}
	s.Put("sensors/b.yaml", sha256.Sum256([]byte("b")), resultSaying("b"))
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	saved := readResults(t, path)
	if saved["sensors/a.yaml"] == nil || !reflect.DeepEqual(saved["sensors/a.yaml"].Stored, &want) {
		t.Error("the result found was not saved as read")
	}
	if saved["sensors/b.yaml"] == nil {
		t.Error("the result added was not saved")
	}
	if _, ok := s.Get("sensors/a.yaml", sum); ok {
		t.Error("a result was found after the save")
	}
}

// TestADamagedResultIsCheckedAgain: a result whose bytes do not decode
// (written by another hand under a valid checksum) is not found, without
// a panic.
func TestADamagedResultIsCheckedAgain(t *testing.T) { eachWay(t, testADamagedResultIsCheckedAgain) }

func testADamagedResultIsCheckedAgain(t *testing.T) {
	sum := sha256.Sum256([]byte("a"))
	st := filled(reflect.TypeFor[load.Stored](), 1).Interface().(load.Stored)
	e := newEncoder()
	e.entry("sensors/a.yaml", &entry{Sum: sum, Stored: &st})
	// The result's last byte, the end of a number (the day its span
	// ends), set to say that more of the number follows: nothing does.
	e.body[len(e.body)-1] |= 0x80
	path := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(path, withSum(e.payload("", 0, 0, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Open(path, "tool")
	defer s.Close()
	if got, ok := s.Get("sensors/a.yaml", sum); ok || got != nil {
		t.Fatalf("a damaged result was found: %+v", got)
	}
}

// TestAddedEntriesAreSpooled: a run that adds more than spoolChunk of
// entries keeps them in a spool, not in memory, and saves every one of
// them; saving twice writes the same file.
func TestAddedEntriesAreSpooled(t *testing.T) {
	sum := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	result := func(n int) *load.Stored {
		st := filled(reflect.TypeFor[load.Stored](), n).Interface().(load.Stored)
		st.Findings[0].Message = label.Text{"nl " + strconv.Itoa(n), strings.Repeat("a long message ", 20) + strconv.Itoa(n)}
		return &st
	}
	path := filepath.Join(t.TempDir(), "cache")
	s := Open(path, "tool")
	defer s.Close()
	const n = 12000 // some 1.7 MB of entries
	for i := range n {
		rel := "sensors/s" + strconv.Itoa(i) + ".yaml"
		s.Put(rel, sum(rel), result(i))
	}
	if s.spool.Len() == 0 || len(s.added.body) >= spoolChunk {
		t.Fatalf("%d bytes spooled, %d in memory: want most spooled", s.spool.Len(), len(s.added.body))
	}
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	if err := s.Save(true); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(saved, again) {
		t.Errorf("a second Save wrote another file (%d bytes, the first %d)", len(again), len(saved))
	}
	got := readResults(t, path)
	if len(got) != n {
		t.Fatalf("saved %d entries, want %d", len(got), n)
	}
	for _, i := range []int{0, 1, n / 2, n - 1} {
		rel := "sensors/s" + strconv.Itoa(i) + ".yaml"
		if e := got[rel]; e == nil || e.Sum != sum(rel) || !reflect.DeepEqual(e.Stored, result(i)) {
			t.Errorf("%s did not read back as put", rel)
		}
	}
}

// TestASpoolThatCannotBeWrittenSavesNothing: the entries spooled are part
// of the file; when the spool cannot be written, Save says so and the file
// read stays as it was, for the next run to use.
func TestASpoolThatCannotBeWrittenSavesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache")
	first := Open(path, "tool")
	first.Put("sensors/a.yaml", sha256.Sum256([]byte("a")), &load.Stored{})
	if err := first.Save(true); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	s := Open(path, "tool")
	defer s.Close()
	// A spool whose folder is a file: it cannot be made.
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s.spool = atomicfile.NewSpool(filepath.Join(notDir, "cache"))
	st := filled(reflect.TypeFor[load.Stored](), 1).Interface().(load.Stored)
	for len(st.Findings) < spoolChunk/8 { // more than spoolChunk of entry
		st.Findings = append(st.Findings, st.Findings...)
	}
	s.Put("sensors/b.yaml", sha256.Sum256([]byte("b")), &st)
	if err := s.Save(true); err == nil {
		t.Error("Save after a spool that could not be written: no error")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file read changed")
	}
}

// eachWay runs test on a cache file whose bytes are held once read, and
// on one read again result by result (heldMost).
func eachWay(t *testing.T, test func(t *testing.T)) {
	t.Run("held", test)
	t.Run("read when found", func(t *testing.T) {
		defer func(most int64) { heldMost = most }(heldMost)
		heldMost = 0
		test(t)
	})
}

// readResults reads the cache file at path with every result decoded.
func readResults(t *testing.T, path string) map[string]*entry {
	t.Helper()
	f, c := read(path)
	if c == nil {
		t.Fatal("the cache file does not read")
	}
	defer f.Close()
	return results(t, f, c)
}

// contentsOf is what the cache file at path holds, or nil.
func contentsOf(path string) *contents {
	f, c := read(path)
	if f != nil {
		f.Close()
	}
	return c
}

// results are the entries of c, each with its result read from r and
// decoded, as an entry this run made.
func results(t *testing.T, r io.ReaderAt, c *contents) map[string]*entry {
	t.Helper()
	out := make(map[string]*entry, len(c.index))
	for rel, i := range c.index {
		sl := c.slots[i]
		st, ok := resultAt(r, sl, c.table)
		if !ok {
			t.Fatalf("%s: the result read does not decode", rel)
		}
		out[rel] = &entry{Sum: sl.sum, Stored: st}
	}
	return out
}

// TestResultsOfAnotherRunAreLetGo: the results a run under another key
// saved (the day before: the day is in the key) are let go of once the
// run tells its key, and the file it saves holds its own results only;
// under the same key they are found.
func TestResultsOfAnotherRunAreLetGo(t *testing.T) {
	sum := func(s string) [32]byte { return sha256.Sum256([]byte(s)) }
	st := filled(reflect.TypeFor[load.Stored](), 1).Interface().(load.Stored)
	path := filepath.Join(t.TempDir(), "cache")
	first := Open(path, "tool")
	first.Run([]byte("monday"))
	first.Put("sensors/a.yaml", sum("a monday"), &st)
	if err := first.Save(true); err != nil {
		t.Fatal(err)
	}
	if c := contentsOf(path); c == nil || c.run != "monday" {
		t.Fatalf("the file does not say the key of the run that saved it: %+v", c)
	}
	same := Open(path, "tool")
	same.Run([]byte("monday"))
	if _, ok := same.Get("sensors/a.yaml", sum("a monday")); !ok {
		t.Fatal("a result of a run under the same key was not found")
	}
	next := Open(path, "tool")
	next.Run([]byte("tuesday"))
	if len(next.old) != 0 || next.table != nil || next.file != nil {
		t.Fatalf("%d results and %d strings of another run's are still held", len(next.old), len(next.table))
	}
	next.Put("sensors/b.yaml", sum("b tuesday"), &st)
	if err := next.Save(false); err != nil {
		t.Fatal(err)
	}
	got := contentsOf(path)
	if got == nil || got.run != "tuesday" || len(got.index) != 1 || !slices.Contains(slices.Collect(maps.Keys(got.index)), "sensors/b.yaml") {
		t.Errorf("saved %+v; want tuesday's result only", got)
	}
}

// withSum is a cache file of payload, with a valid checksum.
func withSum(payload []byte) []byte {
	sum := sha256.Sum256(payload)
	return append(append([]byte(magic), payload...), sum[:]...)
}

// encode returns the payload for the entries, as a save writes it.
func encode(entries map[string]*entry) []byte {
	e := newEncoder()
	for rel, en := range entries {
		e.entry(rel, en)
	}
	return e.payload("", 0, uint64(e.strs.len()), len(entries))
}

// payload returns the key of the run whose results the entries are
// (Store.Run), how many saves ago the strings were compacted and how many
// there were then (base), the string table, the number of entries n and
// the entries the encoder wrote.
func (e *encoder) payload(run string, saves, base uint64, n int) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	e.writeHead(w, run, saves, base, n)
	w.Write(e.body)
	w.Flush()
	return b.Bytes()
}

// TestACountIsHeldToTheBytesLeft: a damaged payload that claims more
// entries than its bytes could hold is refused before anything is made
// for them. Believed up to one entry a byte, a claim over a payload of
// 1 MB had decoding make a table for a million entries, some 100 MB.
func TestACountIsHeldToTheBytesLeft(t *testing.T) {
	const claimed = 1 << 20
	var payload []byte
	for _, v := range []uint64{0, 0, 0, 0, claimed} { // run key, saves, base, table, entries
		payload = binary.AppendUvarint(payload, v)
	}
	payload = append(payload, make([]byte, claimed)...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c, err := decode(payload, 0)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Errorf("decoded %d entries from zeros", len(c.slots))
	}
	if made := after.TotalAlloc - before.TotalAlloc; made > 2<<20 {
		t.Errorf("decoding a claim of %d entries made %d MB", claimed, made>>20)
	}
}
