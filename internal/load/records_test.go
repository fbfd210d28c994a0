package load

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/statsum"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// memCache is a Cache in memory that counts what it is asked.
type memCache struct {
	mu         sync.Mutex
	m          map[string]*Stored
	hits, puts int
}

func (c *memCache) Key() string { return "test" }
func (c *memCache) Run([]byte)  {}

func (c *memCache) Get(rel string, sum [32]byte) (*Stored, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[rel+string(sum[:])]
	if ok {
		c.hits++
	}
	return s, ok
}

func (c *memCache) Put(rel string, sum [32]byte, s *Stored) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[rel+string(sum[:])] = s
	c.puts++
}

// memParsed is a parse cache in memory, counting the records it gives
// and the files parsed (the load asks Has of each).
type memParsed struct {
	mu           sync.Mutex
	m            map[string][]byte
	hits, parses int
	asked        []string // the files parses counts, in order
}

func (p *memParsed) Get(rel string, sum [32]byte) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := p.m[rel+string(sum[:])]
	if ok {
		p.hits++
	}
	return b, ok
}

func (p *memParsed) Has(rel string, sum [32]byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.parses++
	p.asked = append(p.asked, rel)
	_, ok := p.m[rel+string(sum[:])]
	return ok
}

func (p *memParsed) Put(rel string, sum [32]byte, b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[rel+string(sum[:])] = b
}

// TestCacheKeepsRecords: with Records, a load whose results come from the
// cache has the same whole records, findings and checklist findings as a
// load without a cache, on the first run and on warm ones, and the warm
// runs take every file's result from the cache; with a parse cache, the
// third run reads every record from it.
func TestCacheKeepsRecords(t *testing.T) {
	gen, v := generated(t, 120, 7)
	// And a file that does not read as a record.
	if err := os.WriteFile(filepath.Join(gen, "sensors", "kapot.yaml"), []byte("id: kapot\n  name: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../../register", gen} {
		check := principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
		want, err := Register(root, Options{Validator: v, Check: &check})
		if err != nil {
			t.Fatal(err)
		}
		wantChecked := want.Checked.Slice(0) // read once
		c := &memCache{m: map[string]*Stored{}}
		parsed := &memParsed{m: map[string][]byte{}}
		for run := range 3 {
			opts := Options{Validator: v, Check: &check, Cache: c, Records: true}
			if run > 0 {
				opts.Parsed = parsed
			}
			got, err := Register(root, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Register.Records, want.Register.Records) {
				t.Errorf("%s, run %d: the records differ from a load without cache", root, run)
			}
			if !reflect.DeepEqual(got.Findings, want.Findings) || !reflect.DeepEqual(got.Checked.Slice(0), wantChecked) {
				t.Errorf("%s, run %d: the findings differ from a load without cache", root, run)
			}
		}
		if c.hits != 2*len(want.Files) || c.puts != len(want.Files) {
			t.Errorf("%s: %d hits and %d puts for %d files; want each file put once and found twice", root, c.hits, c.puts, len(want.Files))
		}
		if records := len(want.Register.Records); parsed.hits != records {
			t.Errorf("%s: %d records from the parse cache, want all %d in the third run", root, parsed.hits, records)
		}
	}
}

// countingSums counts the files whose sum it found.
type countingSums struct {
	Sums
	mu    sync.Mutex
	found int
}

func (c *countingSums) Lookup(rel, full string) ([32]byte, bool) {
	sum, ok := c.Sums.Lookup(rel, full)
	if ok {
		c.mu.Lock()
		c.found++
		c.mu.Unlock()
	}
	return sum, ok
}

// TestSumsSpareUnchangedFiles: with the files' sums kept by their stat, a
// warm load reads no file that did not change (each file's sum is found)
// and gives what a load without caches gives; a file whose content
// changed behind it, at the same size and with its modification time put
// back, is read again and checked as it now is.
func TestSumsSpareUnchangedFiles(t *testing.T) {
	root, v := generated(t, 40, 3)
	check := principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	store := filepath.Join(t.TempDir(), "sums")
	c := &memCache{m: map[string]*Stored{}}
	parsed := &memParsed{m: map[string][]byte{}}
	// A run an hour from now: the files just written are not racy.
	later := time.Now().Add(time.Hour)
	load := func(records bool) (*Result, int) {
		t.Helper()
		sums := &countingSums{Sums: statsum.Open(store, later)}
		opts := Options{Validator: v, Check: &check, Cache: c, Sums: sums}
		if records {
			opts.Records, opts.Parsed = true, parsed
		}
		got, err := Register(root, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := sums.Sums.(*statsum.Store).Save(true); err != nil {
			t.Fatal(err)
		}
		return got, sums.found
	}
	same := func(step string, got *Result, records bool) {
		t.Helper()
		want, err := Register(root, Options{Validator: v, Check: &check})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) || !reflect.DeepEqual(got.Checked.Slice(0), want.Checked.Slice(0)) {
			t.Errorf("%s: the findings differ from a load without caches", step)
		}
		if records && !reflect.DeepEqual(got.Register.Records, want.Register.Records) {
			t.Errorf("%s: the records differ from a load without caches", step)
		}
	}
	files, err := testgen.RecordFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	var before []finding.Finding
	for _, records := range []bool{false, true} {
		load(records) // fills the caches
		got, found := load(records)
		same("warm", got, records)
		before = got.Findings
		if found != len(files) {
			t.Errorf("records %v: %d of %d files' sums found", records, found, len(files))
		}
	}
	// Same size, other content, the modification time put back.
	f := files[7]
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(f)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "status: active", "status: retir", 1)
	if changed == string(data) {
		changed = strings.Replace(string(data), "name: ", "name: X", 1)[:len(data)]
	}
	if err := os.WriteFile(f, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	for _, records := range []bool{false, true} {
		got, found := load(records)
		same("changed behind the cache", got, records)
		if reflect.DeepEqual(got.Findings, before) {
			t.Fatal("the change changes no finding: the test proves nothing")
		}
		if records && found != len(files) || !records && found != len(files)-1 {
			t.Errorf("records %v, after a change: %d of %d files' sums found", records, found, len(files))
		}
	}
}

// TestANewDayChecksWhatItMayChange: on another day, a load takes from the
// cache every result whose outcome holds on that day, checks again exactly
// the files whose outcome does not, and gives what a load without a cache
// gives on that day. With a parse cache, it parses few of them: each is
// checked again from the record kept, and parsed only when a finding
// names a field none did before (its position is not known).
func TestANewDayChecksWhatItMayChange(t *testing.T) {
	gen, v := generated(t, 120, 7)
	for _, withParsed := range []bool{false, true} {
		t.Run(fmt.Sprintf("parse cache %v", withParsed), func(t *testing.T) {
			checkOnDays(t, gen, v, withParsed)
		})
	}
}

func checkOnDays(t *testing.T, gen string, v *validate.Validator, withParsed bool) {
	c := &memCache{m: map[string]*Stored{}}
	parsed := &memParsed{m: map[string][]byte{}}
	first := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	// After the first day: the next two days on which an outcome no
	// longer holds (the rest hold on), a month and a year on, and two
	// years before.
	days := []time.Time{first}
	for i := 0; i < len(days); i++ {
		day := days[i]
		if i > 0 && i <= 2 {
			day = firstEnd(c.m, func(s *Stored) principle.Outcome { return s.Outcome }, days[i-1])
			days[i] = day
		}
		if i == 0 {
			days = append(days, time.Time{}, time.Time{}, first.AddDate(0, 1, 0), first.AddDate(1, 0, 0), first.AddDate(-2, 0, 0))
		}
		check := principle.Options{Today: day}
		want, err := Register(gen, Options{Validator: v, Check: &check})
		if err != nil {
			t.Fatal(err)
		}
		stale := 0
		for _, s := range c.m {
			if !s.Outcome.Holds.Holds(day) {
				stale++
			}
		}
		puts, read, parses := c.puts, parsed.hits, parsed.parses
		opts := Options{Validator: v, Check: &check, Cache: c, Records: true}
		if withParsed {
			opts.Parsed = parsed
		}
		got, err := Register(gen, opts)
		if err != nil {
			t.Fatal(err)
		}
		on := day.Format(time.DateOnly)
		if !reflect.DeepEqual(got.Findings, want.Findings) || !reflect.DeepEqual(got.Checked.Slice(0), want.Checked.Slice(0)) {
			t.Errorf("%s: the findings differ from a load without cache", on)
		}
		if !reflect.DeepEqual(got.Register.Records, want.Register.Records) {
			t.Errorf("%s: the records differ from a load without cache", on)
		}
		if h := got.Checked.Holds(); h != want.Checked.Holds() || !h.Holds(day) || h.Until.IsZero() {
			t.Errorf("%s: the findings hold %+v, without cache %+v; want days that end", on, h, want.Checked.Holds())
		}
		if records := len(want.Register.Records); withParsed && !day.Equal(first) && parsed.hits-read != records {
			t.Errorf("%s: %d records from the parse cache, want all %d", on, parsed.hits-read, records)
		}
		// Two years before, what was due is not yet: the files checked
		// again lose findings, whose fields were placed before, and few
		// need parsing. Those whose last evaluation is dated after the
		// day gain one at evaluation.last (an evaluation still to come is
		// not done), which they may be parsed to place.
		if withParsed && day.Before(first) {
			ahead := map[string]bool{}
			for _, r := range want.Register.Records {
				if lifecycle.LastAhead(r, day) {
					ahead[r.File] = true
				}
			}
			others := 0
			for _, rel := range parsed.asked[parses:] {
				if !ahead[rel] {
					others++
				}
			}
			if others*4 > stale {
				t.Errorf("%s: %d of the %d files checked again were parsed, besides %d with an evaluation still to come; want few", on, others, stale, parsed.parses-parses-others)
			}
		}
		switch checked := c.puts - puts; {
		case day.Equal(first) && checked != len(want.Files):
			t.Errorf("%s: %d files checked, want all %d", on, checked, len(want.Files))
		case !day.Equal(first) && checked != stale:
			t.Errorf("%s: %d files checked, want the %d whose outcome does not hold on the day", on, checked, stale)
		case !day.Equal(first) && (stale == 0 || stale == len(want.Files)):
			t.Errorf("%s: %d of %d outcomes do not hold: the day proves nothing", on, stale, len(want.Files))
		}
	}
}

// firstEnd is the first day after day on which one of the outcomes in m
// (outcome gives each value's) no longer holds.
func firstEnd[V any](m map[string]V, outcome func(V) principle.Outcome, day time.Time) time.Time {
	var end time.Time
	for _, v := range m {
		if u := outcome(v).Holds.Until; u.After(day) && (end.IsZero() || u.Before(end)) {
			end = u
		}
	}
	return end
}
