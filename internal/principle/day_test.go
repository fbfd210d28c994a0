package principle

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

func TestSpanHolds(t *testing.T) {
	tests := []struct {
		name string
		span Span
		day  string
		want bool
	}{
		{"open on both sides", Span{}, "1970-01-01", true},
		{"on its first day", Span{From: day("2026-01-10")}, "2026-01-10", true},
		{"before its first day", Span{From: day("2026-01-10")}, "2026-01-09", false},
		{"on the day it ends", Span{Until: day("2026-01-10")}, "2026-01-10", false},
		{"the day before it ends", Span{Until: day("2026-01-10")}, "2026-01-09", true},
		{"one day", Span{From: day("2026-01-10"), Until: day("2026-01-11")}, "2026-01-10", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.span.Holds(day(tc.day)); got != tc.want {
				t.Errorf("%+v.Holds(%s) = %v, want %v", tc.span, tc.day, got, tc.want)
			}
		})
	}
}

// The answers a check gets narrow the span to the days that answer alike,
// whatever time of day (or zone) the compared instant has.
func TestClockNarrowsToTheDaysThatAnswerAlike(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name   string
		ask    func(*Context) bool
		want   bool
		holds  Span
		asOf   string
		within []string // days the span must hold
	}{
		{"after a date before today", func(c *Context) bool { return c.After(day("2026-11-20")) }, true,
			Span{From: day("2026-11-21")}, "2026-11-24", nil},
		{"after today", func(c *Context) bool { return c.After(day("2026-11-24")) }, false,
			Span{Until: day("2026-11-25")}, "2026-11-24", nil},
		{"after an instant late on the day before, in another zone",
			func(c *Context) bool { return c.After(time.Date(2026, 11, 24, 0, 30, 0, 0, cet)) }, true,
			Span{From: day("2026-11-24")}, "2026-11-24", nil},
		{"on or after today", func(c *Context) bool { return c.OnOrAfter(day("2026-11-24")) }, true,
			Span{From: day("2026-11-24")}, "2026-11-24", nil},
		{"on or after an instant later today", func(c *Context) bool { return c.OnOrAfter(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)) }, false,
			Span{Until: day("2026-11-25")}, "2026-11-24", nil},
		{"today itself", func(c *Context) bool { return !c.Today().IsZero() }, true,
			Span{From: day("2026-11-24"), Until: day("2026-11-25")}, "2026-11-24", nil},
		{"two answers", func(c *Context) bool { return c.After(day("2026-01-01")) && !c.After(day("2027-03-01")) }, true,
			Span{From: day("2026-01-02"), Until: day("2027-03-02")}, "2026-11-24", nil},
		{"a period counted from today reaches a month's end", func(c *Context) bool {
			return expiring(&Context{day: c.day, Config: &config.Config{DueWithin: period.MustParse("P1M")}}, day("2027-02-28"))
		}, false, Span{Until: day("2027-01-28")}, "2026-11-24", nil},
		{"a period from today reached a month's end", func(c *Context) bool {
			return expiring(&Context{day: c.day, Config: &config.Config{DueWithin: period.MustParse("P1M")}}, day("2027-02-28"))
		}, true, Span{From: day("2027-01-28")}, "2027-01-31", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := &Context{day: newClock(day(tc.asOf))}
			if got := tc.ask(ctx); got != tc.want {
				t.Fatalf("answer = %v, want %v", got, tc.want)
			}
			if ctx.day.span != tc.holds {
				t.Errorf("holds %s, want %s", spanText(ctx.day.span), spanText(tc.holds))
			}
		})
	}
}

func spanText(s Span) string {
	f := func(t time.Time) string {
		if t.IsZero() {
			return "…"
		}
		return t.Format(time.DateOnly)
	}
	return fmt.Sprintf("[%s, %s)", f(s.From), f(s.Until))
}

// A record's outcome is the same on every day of the span it reports:
// what the check cache relies on to reuse it on another day. The records
// are the bundled register's and generated ones (exceptions, reviews,
// breaches, data sharing, audits, AI Act profiles), checked on days from
// 2019 to 2031, with custom rules of which one reads today; each outcome
// is checked again on the first and last day of its span and on days
// within it (within 2015-2035 for a span open on a side).
func TestOutcomeHoldsOverItsSpan(t *testing.T) {
	cfg := configFrom(t, `
organisation: Gemeente Proef
due_within: P90D
rules_custom:
  - id: dated-review
    when: record.sensor_type == "drone"
    require: today < "2026-01-01"
    message: drones are allowed until 2026
  - id: owner-named
    require: has(record.owner)
`)
	recs := spanCorpus(t)
	// Most records are in Git; every tenth is not committed yet, and the
	// duty to report then counts from today.
	hist := fakeHistory{start: "2020-01-01", first: map[string]string{}}
	for i, rec := range recs {
		if i%10 != 0 {
			hist.first[rec.File] = "2021-03-04"
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	lo, hi := day("2015-01-01"), day("2036-01-01")
	lists := map[time.Time]*Checklist{}
	on := func(d time.Time) *Checklist {
		if c, ok := lists[d]; ok {
			return c
		}
		c := NewChecklist(cfg, Options{Today: d, History: hist})
		lists[d] = c
		return c
	}
	var outcomes, recent, long, checked int
	for asOf := day("2019-02-03"); asOf.Before(day("2031-12-31")); asOf = asOf.AddDate(0, 0, 151) {
		for _, rec := range recs {
			o := on(asOf).Record(rec)
			outcomes++
			if !o.Holds.Holds(asOf) {
				t.Fatalf("%s on %s: its outcome holds %s, which leaves out the day it was made", rec.File, asOf.Format(time.DateOnly), spanText(o.Holds))
			}
			from, until := o.Holds.From, o.Holds.Until
			if from.IsZero() || from.Before(lo) {
				from = lo
			}
			if until.IsZero() || until.After(hi) {
				until = hi
			}
			n := int(until.Sub(from).Hours() / 24)
			if asOf.Before(day("2027-01-01")) {
				recent++
				if n > 1 {
					long++
				}
			}
			// No built-in rule reads the date itself (a count of days in
			// a message would be wrong the day after, on a site not built
			// every day): only the custom rule that reads today, and the
			// duty to report for a record not committed yet, which counts
			// from today, hold for one day.
			if _, committed := hist.first[rec.File]; n <= 1 && committed && rec.SensorType != "drone" {
				t.Errorf("%s on %s: its outcome holds for one day only: %v", rec.File, asOf.Format(time.DateOnly), o.Findings)
			}
			days := []time.Time{from, until.AddDate(0, 0, -1)}
			for range 3 {
				days = append(days, from.AddDate(0, 0, rng.IntN(n)))
			}
			for _, d := range days {
				if !asOf.Equal(d) {
					checked++
					if again := on(d).Record(rec); !reflect.DeepEqual(again.Findings, o.Findings) {
						t.Fatalf("%s checked on %s holds %s, but on %s its findings differ:\n%v\n%v",
							rec.File, asOf.Format(time.DateOnly), spanText(o.Holds), d.Format(time.DateOnly), o.Findings, again.Findings)
					}
				}
			}
		}
	}
	// Spans of one day would be true, and of no use: no rule counts the
	// days since a date, and until 2027 most outcomes hold for longer.
	if long < recent/2 {
		t.Errorf("%d of %d outcomes until 2027 hold for more than a day; want most", long, recent)
	}
	t.Logf("%d outcomes checked again on %d days within their span; until 2027, %d of %d hold for more than a day", outcomes, checked, long, recent)
}

// spanCorpus is the bundled register's records and generated ones.
func spanCorpus(t *testing.T) []*record.Record {
	t.Helper()
	var recs []*record.Record
	add := func(name string, kind record.Kind, text []byte) {
		doc, fs := source.Parse(name, text, source.DefaultLimits)
		if doc == nil {
			t.Fatalf("%s does not parse: %v", name, fs)
		}
		rec := &record.Record{}
		if err := doc.Root.Decode(rec); err != nil {
			t.Fatalf("%s does not decode: %v", name, err)
		}
		rec.File = kind.Folder() + "/" + filepath.Base(name)
		recs = append(recs, rec)
	}
	for _, kind := range record.Kinds {
		files, err := filepath.Glob(filepath.Join("..", "..", "register", kind.Folder(), "*.yaml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no bundled %s records: %v", kind, err)
		}
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(f, kind, text)
		}
	}
	// Records whose verdict turns on a date few generated ones reach: a
	// live biometric police camera (AI Act art. 5 from 2025-02-02), a
	// high-risk system (its duties from 2027-12-02) and a breach not yet
	// reported (72 hours after its discovery).
	add("cam-live.yaml", record.Sensor, []byte(liveCamera))
	add("high-risk.yaml", record.Algorithm, []byte(highRisk))
	add("breach.yaml", record.Sensor, []byte(`
id: breach
kind: sensor
status: active
incidents:
  - {type: data_breach, discovered: "2024-07-30T23:10:00+02:00"}
`))
	// A breach recorded as found on a day still to come for part of the
	// run days, just after midnight in Amsterdam (the day before in UTC).
	add("breach-ahead.yaml", record.Sensor, []byte(`
id: breach-ahead
kind: sensor
status: active
incidents:
  - {type: data_breach, discovered: "2025-03-10T00:30:00+01:00", reported: "2025-03-11T09:00:00+01:00"}
`))
	// An evaluation dated years after the start: until its day the
	// record counts as never evaluated.
	add("eval-ahead.yaml", record.Sensor, []byte(`
id: eval-ahead
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2021-03-01}
evaluation: {last: 2026-05-10}
`))
	n := 120
	if testing.Short() {
		n = 40
	}
	for i := range n {
		kind, id, text := testgen.Record(i, 7)
		add(id+".yaml", record.Kind(kind), text)
	}
	return recs
}
