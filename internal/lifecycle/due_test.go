package lifecycle

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

func date(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := period.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func decode(t *testing.T, src string) *record.Record {
	t.Helper()
	var r record.Record
	if err := yaml.Unmarshal([]byte(src), &r); err != nil {
		t.Fatal(err)
	}
	r.File = string(r.Kind) + "s/" + r.ID + ".yaml"
	return &r
}

type want struct {
	id    string
	what  What
	date  string
	group Group
	path  string
}

func got(items []Item) []want {
	out := make([]want, len(items))
	for i, it := range items {
		out[i] = want{it.Record.ID, it.What, period.Format(it.Date), it.Group, it.Path}
	}
	return out
}

func equal(t *testing.T, items []Item, w []want) {
	t.Helper()
	g := got(items)
	if len(g) != len(w) {
		t.Fatalf("got %d items %+v, want %d %+v", len(g), g, len(w), w)
	}
	for i := range w {
		if g[i] != w[i] {
			t.Errorf("item %d: got %+v, want %+v (detail %q)", i, g[i], w[i], items[i].Detail.In("en"))
		}
	}
}

func TestNextEvaluation(t *testing.T) {
	cfg := config.Default()
	tests := []struct {
		name, src, due, interval string
	}{
		{"leap day plus a year clamps to 28 February", `
kind: algorithm
lifecycle: {start: 2020-01-01}
evaluation: {interval: P1Y, last: 2024-02-29}`, "2025-02-28", "P1Y"},
		{"leap day plus four years is a leap day", `
kind: algorithm
lifecycle: {start: 2020-01-01}
evaluation: {interval: P4Y, last: 2024-02-29}`, "2028-02-29", "P4Y"},
		{"month end plus a month clamps", `
kind: algorithm
lifecycle: {start: 2020-01-01}
evaluation: {interval: P1M, last: 2025-01-31}`, "2025-02-28", "P1M"},
		{"month end plus a month in a leap year", `
kind: algorithm
lifecycle: {start: 2020-01-01}
evaluation: {interval: P1M, last: 2024-01-31}`, "2024-02-29", "P1M"},
		{"never evaluated counts from the start", `
kind: algorithm
lifecycle: {start: 2023-05-10}
evaluation: {}`, "2027-05-10", "P4Y"},
		{"a public-order camera uses the configured yearly interval", `
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2023-05-10}
evaluation: {last: 2025-11-30}`, "2026-11-30", "P1Y"},
		{"a traffic camera is not evaluated yearly by default", `
kind: sensor
sensor_type: camera
camera_regime: traffic_management
lifecycle: {start: 2023-05-10}
evaluation: {last: 2025-11-30}`, "2029-11-30", "P4Y"},
		{"a record's own interval wins over configuration", `
kind: sensor
sensor_type: camera
lifecycle: {start: 2023-05-10}
evaluation: {interval: P6M, last: 2025-08-31}`, "2026-02-28", "P6M"},
		{"an invalid interval falls back to configuration", `
kind: sensor
sensor_type: noise
lifecycle: {start: 2023-05-10}
evaluation: {interval: yearly}`, "2027-05-10", "P4Y"},
		{"an interval in hours falls back to configuration, as the schema refuses it", `
kind: sensor
sensor_type: noise
lifecycle: {start: 2023-05-10}
evaluation: {interval: PT48H, last: 2025-08-31}`, "2029-08-31", "P4Y"},
		{"a day and hours fall back to configuration too", `
kind: sensor
sensor_type: noise
lifecycle: {start: 2023-05-10}
evaluation: {interval: P1DT12H, last: 2025-08-31}`, "2029-08-31", "P4Y"},
		{"no time at all falls back to configuration", `
kind: sensor
sensor_type: noise
lifecycle: {start: 2023-05-10}
evaluation: {interval: P0Y0M, last: 2025-08-31}`, "2029-08-31", "P4Y"},
		{"a last evaluation that is not a date counts from the start", `
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2025-07-01}
evaluation: {last: 2026-02-30}`, "2026-07-01", "P1Y"},
		{"a last evaluation still to come counts from the start", `
kind: sensor
sensor_type: camera
camera_regime: public_order
lifecycle: {start: 2025-07-01}
evaluation: {interval: P1Y, last: 2099-01-15}`, "2026-07-01", "P1Y"},
		{"a last evaluation today counts", `
kind: algorithm
lifecycle: {start: 2020-07-01}
evaluation: {last: 2026-12-07}`, "2030-12-07", "P4Y"},
		{"days are counted after months", `
kind: algorithm
lifecycle: {start: 2025-12-15}
evaluation: {interval: P90D}`, "2026-03-15", "P90D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, iv, ok := NextEvaluation(decode(t, tt.src), cfg, date(t, "2026-12-07"))
			if !ok {
				t.Fatal("not ok")
			}
			if period.Format(due) != tt.due || iv.String() != tt.interval {
				t.Errorf("got %s every %s, want %s every %s", period.Format(due), iv, tt.due, tt.interval)
			}
		})
	}
	if _, _, ok := NextEvaluation(decode(t, "kind: algorithm\nlifecycle: {start: 2025-02-30}\n"), cfg, date(t, "2026-12-07")); ok {
		t.Error("an impossible start date gave a due date")
	}
}

const camLapsed = `
id: cam-markt
kind: sensor
sensor_type: camera
status: active
owner: {role: Teamleider toezicht, email: toezicht@voorbeeldstad.example}
lifecycle: {start: 2023-03-01, end: 2026-10-31}
evaluation: {last: 2025-03-01}
exceptions:
  - {rule: camera-temporary, approved_by: college, until: 2026-12-15}
  - {rule: signage, until: 2027-06-01}
camera_regime: public_order
`

const noiseUpcoming = `
id: geluid-plein
kind: sensor
sensor_type: noise
status: active
lifecycle: {start: 2022-12-20}
evaluation: {}
data_sharing:
  - {party: RIVM, end: 2026-11-01}
  - {party: Universiteit, end: 2026-12-31}
  - {party: Later, end: 2027-12-31}
`

const retired = `
id: oud
kind: sensor
sensor_type: camera
status: retired
lifecycle: {start: 2015-01-01, end: 2016-01-01}
evaluation: {}
exceptions: [{rule: signage, until: 2016-01-01}]
camera_regime: public_order
`

const planned = `
id: straks
kind: algorithm
status: planned
lifecycle: {start: 2020-01-01, end: 2026-12-01}
evaluation: {}
`

const suspended = `
id: pauze
kind: algorithm
status: suspended
lifecycle: {start: 2020-01-01, end: 2025-01-01}
evaluation: {interval: P1Y, last: 2025-11-20}
`

func TestDue(t *testing.T) {
	reg := register.New("", config.Default(), []*record.Record{
		decode(t, camLapsed), decode(t, noiseUpcoming), decode(t, retired), decode(t, planned), decode(t, suspended),
	})
	items := Due(reg, date(t, "2026-11-24"), period.MustParse("P90D"))
	equal(t, items, []want{
		// Planned, but started in 2020 by its own dates: in use, and
		// never evaluated since.
		{"straks", Evaluation, "2024-01-01", Lapsed, "/lifecycle/start"},
		{"cam-markt", Evaluation, "2026-03-01", Lapsed, "/evaluation/last"},
		{"cam-markt", Lifecycle, "2026-10-31", Lapsed, "/lifecycle/end"},
		{"pauze", Evaluation, "2026-11-20", Lapsed, "/evaluation/last"},
		{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
		{"straks", Lifecycle, "2026-12-01", Ending, "/lifecycle/end"},
		{"cam-markt", Exception, "2026-12-15", Ending, "/exceptions/0/until"},
		{"geluid-plein", DataSharing, "2026-12-31", Ending, "/data_sharing/1/end"},
		{"geluid-plein", Evaluation, "2026-12-20", Upcoming, "/lifecycle/start"},
	})
	if !AnyLapsed(items) {
		t.Error("AnyLapsed = false with lapsed items")
	}
	wantDetail := map[string]string{
		"cam-markt/evaluation":      "evaluation lapsed on 2026-03-01 (last evaluated 2025-03-01, every P1Y)",
		"cam-markt/lifecycle":       "life cycle ended on 2026-10-31 but the record is still active: evaluate, and extend only by a decision (3.4)",
		"cam-markt/exception":       "exception to rule camera-temporary ends on 2026-12-15 (approved by college)",
		"geluid-plein/evaluation":   "evaluation due on 2026-12-20 (never evaluated, in use since 2022-12-20, every P4Y)",
		"geluid-plein/data_sharing": "data-sharing agreement with RIVM ended on 2026-11-01",
	}
	seen := map[string]bool{}
	for _, it := range items {
		k := it.Record.ID + "/" + string(it.What)
		if w, ok := wantDetail[k]; ok && !seen[k] {
			seen[k] = true
			if it.Detail.In("en") != w {
				t.Errorf("%s: detail %q, want %q", k, it.Detail.In("en"), w)
			}
		}
	}
	if len(seen) != len(wantDetail) {
		t.Errorf("details checked for %v, want all of %v", seen, wantDetail)
	}
}

func TestDueWindowAndDefaults(t *testing.T) {
	reg := register.New("", config.Default(), []*record.Record{decode(t, noiseUpcoming)})
	tests := []struct {
		name   string
		today  time.Time
		within string
		want   []want
	}{
		{"a short window leaves later dates out", date(t, "2026-11-24"), "P7D", []want{
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
		}},
		{"the window's last day is inside", date(t, "2026-12-01"), "P30D", []want{
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
			{"geluid-plein", DataSharing, "2026-12-31", Ending, "/data_sharing/1/end"},
			{"geluid-plein", Evaluation, "2026-12-20", Upcoming, "/lifecycle/start"},
		}},
		{"zero window means the configured P90D (2026-10-02 + P90D = 2026-12-31)", date(t, "2026-10-02"), "", []want{
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
			{"geluid-plein", DataSharing, "2026-12-31", Ending, "/data_sharing/1/end"},
			{"geluid-plein", Evaluation, "2026-12-20", Upcoming, "/lifecycle/start"},
		}},
		{"due today is upcoming, not lapsed", date(t, "2026-12-20"), "P1D", []want{
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
			{"geluid-plein", Evaluation, "2026-12-20", Upcoming, "/lifecycle/start"},
		}},
		{"the day after, it has lapsed", date(t, "2026-12-21"), "P1D", []want{
			{"geluid-plein", Evaluation, "2026-12-20", Lapsed, "/lifecycle/start"},
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
		}},
		{"a clock part of today is ignored", time.Date(2026, 12, 21, 23, 59, 0, 0, time.UTC), "P1D", []want{
			{"geluid-plein", Evaluation, "2026-12-20", Lapsed, "/lifecycle/start"},
			{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var within period.Duration
			if tt.within != "" {
				within = period.MustParse(tt.within)
			}
			equal(t, Due(reg, tt.today, within), tt.want)
		})
	}
}

// TestDueAmsterdamMidnight pins that "today" is decided in Europe/Amsterdam:
// at 23:30 UTC on 28 February it is already 1 March in Amsterdam, so an
// evaluation due on 28 February has lapsed.
func TestDueAmsterdamMidnight(t *testing.T) {
	reg := register.New("", config.Default(), []*record.Record{decode(t, `
id: cam-station
kind: sensor
sensor_type: camera
status: active
lifecycle: {start: 2020-01-01}
evaluation: {last: 2025-02-28}
camera_regime: public_order
`)})
	tests := []struct {
		now   time.Time
		group Group
	}{
		{time.Date(2026, 2, 28, 22, 59, 0, 0, time.UTC), Upcoming}, // 23:59 CET, still 28 February
		{time.Date(2026, 2, 28, 23, 30, 0, 0, time.UTC), Lapsed},   // 00:30 CET, 1 March
		{time.Date(2026, 7, 31, 21, 30, 0, 0, time.UTC), Lapsed},   // summer time: 23:30 CEST
	}
	for _, tt := range tests {
		items := Due(reg, period.Today(tt.now), period.MustParse("P30D"))
		if len(items) != 1 || items[0].Group != tt.group || period.Format(items[0].Date) != "2026-02-28" {
			t.Errorf("at %s: got %+v, want one %s item on 2026-02-28", tt.now, got(items), tt.group)
		}
	}
	if AnyLapsed(Due(reg, date(t, "2026-01-01"), period.MustParse("P1D"))) {
		t.Error("AnyLapsed = true on an empty list")
	}
}

func TestDueSkipsBadDates(t *testing.T) {
	reg := register.New("", nil, []*record.Record{decode(t, `
id: kapot
kind: algorithm
status: active
lifecycle: {start: "2025-13-01", end: "soon"}
evaluation: {}
exceptions: [{rule: x, until: "2025-02-30"}]
data_sharing: [{party: P, end: ""}]
`)})
	// The other dates are skipped (the schema reports them); the evaluation
	// that cannot be computed is listed as such.
	items := Due(reg, date(t, "2030-01-01"), period.MustParse("P1Y"))
	if len(items) != 1 || items[0].Group != Undated || !items[0].Date.IsZero() ||
		!strings.Contains(items[0].Detail.In("en"), `its start "2025-13-01" is not a date`) {
		t.Errorf("got %+v from unparseable dates, want one undated evaluation", got(items))
	}
}

// A last evaluation that is not a date does not hide the start: the
// evaluation is counted from the start, and the item says why. Only when
// neither is a date is there no next evaluation, and the item names both.
func TestDueLastNotADateCountsFromTheStart(t *testing.T) {
	tests := []struct {
		name, lifecycle, group, path, detail string
	}{
		{"with a valid start", "{start: 2025-07-01}", "lapsed", "/lifecycle/start",
			`evaluation lapsed on 2026-07-01 (its last evaluation "2026-02-30" is not a date; counted from its start on 2025-07-01, every P1Y)`},
		{"without a start", "{}", "undated", "/evaluation/last",
			`the next evaluation cannot be computed: its last evaluation "2026-02-30" is not a date and it has no start date (lifecycle.start); record when it started or was last evaluated (III)`},
		{"with a start that is not a date either", "{start: 2025-13-01}", "undated", "/evaluation/last",
			`the next evaluation cannot be computed: its last evaluation "2026-02-30" and its start "2025-13-01" are not dates; record when it started or was last evaluated (III)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := register.New("", config.Default(), []*record.Record{decode(t, `
id: cam
kind: sensor
status: active
sensor_type: camera
camera_regime: public_order
lifecycle: `+tt.lifecycle+`
evaluation: {last: 2026-02-30}
`)})
			items := Due(reg, date(t, "2026-12-07"), period.MustParse("P30D"))
			if len(items) != 1 || string(items[0].Group) != tt.group || items[0].Path != tt.path || items[0].Detail.In("en") != tt.detail {
				t.Fatalf("got %+v, want one %s item at %s: %q", got(items), tt.group, tt.path, tt.detail)
			}
			if items[0].Detail.In("nl") == items[0].Detail.In("en") {
				t.Errorf("no Dutch detail: %q", items[0].Detail.In("nl"))
			}
		})
	}
}

// camLastAhead's last evaluation is dated years after its start: until
// that day comes it counts as never evaluated, and its yearly evaluation
// lapsed a year after the start; from that day it counts from it.
const camLastAhead = `
id: cam-ahead
kind: sensor
sensor_type: camera
status: active
lifecycle: {start: 2021-03-01}
evaluation: {last: 2026-05-10}
camera_regime: public_order
`

// An evaluation dated after today has not happened: until its day the
// record counts as never evaluated, so its evaluation lapsed by the start,
// and the item says why. From its day it counts as any other.
func TestDueLastAheadIsNotDone(t *testing.T) {
	tests := []struct {
		name, src, today, group, date, path, detail string
	}{
		{"a last evaluation in 2099", `
id: cam
kind: sensor
sensor_type: camera
status: active
lifecycle: {start: 2025-07-01}
evaluation: {interval: P1Y, last: 2099-01-15}
camera_regime: public_order
`, "2026-12-07", "lapsed", "2026-07-01", "/lifecycle/start",
			"evaluation lapsed on 2026-07-01 (its last evaluation 2099-01-15 is a date still to come; counted from its start on 2025-07-01, every P1Y)"},
		{"before the last evaluation's day", camLastAhead, "2026-05-09", "lapsed", "2022-03-01", "/lifecycle/start",
			"evaluation lapsed on 2022-03-01 (its last evaluation 2026-05-10 is a date still to come; counted from its start on 2021-03-01, every P1Y)"},
		{"on the last evaluation's day", camLastAhead, "2026-05-10", "", "", "", ""},
		{"without a start", `
id: cam
kind: sensor
sensor_type: camera
status: active
evaluation: {last: 2099-01-15}
camera_regime: public_order
`, "2026-12-07", "undated", "", "/evaluation/last",
			"the next evaluation cannot be computed: its last evaluation 2099-01-15 is a date still to come and it has no start date (lifecycle.start); record when it started or was last evaluated (III)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := register.New("", config.Default(), []*record.Record{decode(t, tt.src)})
			items := Due(reg, date(t, tt.today), period.MustParse("P30D"))
			if tt.group == "" {
				if len(items) != 0 {
					t.Fatalf("got %+v, want nothing due", got(items))
				}
				return
			}
			if len(items) != 1 || string(items[0].Group) != tt.group || items[0].Path != tt.path || items[0].Detail.In("en") != tt.detail ||
				(tt.date != "" && period.Format(items[0].Date) != tt.date) {
				t.Fatalf("got %+v %q, want one %s item on %s at %s: %q", got(items), details(items), tt.group, tt.date, tt.path, tt.detail)
			}
			if items[0].Detail.In("nl") == items[0].Detail.In("en") {
				t.Errorf("no Dutch detail: %q", items[0].Detail.In("nl"))
			}
		})
	}
}

func details(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Detail.In("en"))
	}
	return out
}

// A record in use that was never evaluated and has no start date has no
// next evaluation: it is its own group, and the due command fails, since
// nobody can tell whether it lapsed. A suspended record's evaluation falls
// due as an active one's does (Evaluated), so it fails alike.
func TestDueUndated(t *testing.T) {
	rec := func(id, status string) *record.Record {
		end := "2050-01-01"
		if status == "retired" {
			end = "2020-01-01" // retired once its end has come
		}
		return decode(t, "id: "+id+"\nkind: sensor\nstatus: "+status+"\nlifecycle: {end: \""+end+"\"}\nevaluation: {}\n")
	}
	tests := []struct {
		status  string
		items   int
		failing bool
	}{
		{"active", 1, true},
		{"suspended", 1, true},
		{"planned", 0, false},
		{"retired", 0, false},
	}
	for _, tt := range tests {
		reg := register.New("", nil, []*record.Record{rec("anpr-1", tt.status)})
		items := Due(reg, date(t, "2026-01-01"), period.MustParse("P30D"))
		if len(items) != tt.items || Failing(items) != tt.failing {
			t.Errorf("%s: got %+v (failing %v), want %d items, failing %v", tt.status, got(items), Failing(items), tt.items, tt.failing)
			continue
		}
		if tt.items == 1 && (items[0].Group != Undated || items[0].Path != "/lifecycle/start" ||
			items[0].Detail.In("en") != "the next evaluation cannot be computed: it was never evaluated and has no start date (lifecycle.start); record when it started or was last evaluated (III)") {
			t.Errorf("%s: item %+v", tt.status, items[0])
		}
	}
	reg := register.New("", nil, []*record.Record{rec("anpr-1", "active")})
	var b strings.Builder
	if err := WriteText(&b, Report{Today: date(t, "2026-01-01"), Within: period.MustParse("P30D"), Items: Due(reg, date(t, "2026-01-01"), period.MustParse("P30D"))}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"0 upcoming, 1 without a date", "No date: the next evaluation cannot be computed", "(no date)  anpr-1"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text has no %q:\n%s", want, b.String())
		}
	}
}

func TestDueWindowEdge(t *testing.T) {
	reg := register.New("", config.Default(), []*record.Record{decode(t, noiseUpcoming)})
	// 2026-10-01 + P90D is 2026-12-30: the agreement ending on 31 December is outside.
	equal(t, Due(reg, date(t, "2026-10-01"), period.Duration{}), []want{
		{"geluid-plein", DataSharing, "2026-11-01", Ending, "/data_sharing/0/end"},
		{"geluid-plein", Evaluation, "2026-12-20", Upcoming, "/lifecycle/start"},
	})
}

// What lapsed does not depend on how far ahead DueOf looks: the site
// works out each record's items once, over its calendar's year, and takes
// the home page's lapsed items from them.
func TestLapsedIsTheSameInEveryWindow(t *testing.T) {
	today := date(t, "2026-11-24")
	some := false
	for _, src := range []string{camLapsed, noiseUpcoming, retired, planned, suspended} {
		r := decode(t, src)
		lapsed := func(within string) []Item {
			var out []Item
			for _, it := range DueOf(r, config.Default(), today, period.MustParse(within)) {
				if it.Group == Lapsed {
					out = append(out, it)
				}
			}
			return out
		}
		want := lapsed("P1D")
		some = some || len(want) > 0
		for _, within := range []string{"P90D", "P1Y", "P10Y"} {
			if got := lapsed(within); !reflect.DeepEqual(got, want) {
				t.Errorf("%s within %s: lapsed %+v, want %+v as within P1D", r.ID, within, got, want)
			}
		}
	}
	if !some {
		t.Fatal("no record lapsed: the test proves nothing")
	}
}

// TestLapsingHoldsOverItsDays: on every day of the span Lapsing gives, the
// same evaluations have lapsed as on the day asked; on the day before it
// and on the day it ends, others have.
func TestLapsingHoldsOverItsDays(t *testing.T) {
	reg := register.New("", config.Default(), []*record.Record{
		decode(t, camLapsed), decode(t, noiseUpcoming), decode(t, retired), decode(t, planned), decode(t, suspended), decode(t, camLastAhead),
	})
	lapsed := func(day time.Time) []string {
		var ids []string
		for _, it := range Due(reg, day, period.MustParse("P1D")) {
			if it.Group == Lapsed && it.What == Evaluation {
				ids = append(ids, it.Record.ID)
			}
		}
		return ids
	}
	bounded := 0
	for day := date(t, "2020-01-05"); day.Before(date(t, "2031-01-01")); day = day.AddDate(0, 0, 17) {
		from, until := Lapsing(reg, day)
		want := lapsed(day)
		if (!from.IsZero() && day.Before(from)) || (!until.IsZero() && !day.Before(until)) {
			t.Fatalf("%s: the span %s to %s leaves out the day asked", period.Format(day), period.Format(from), period.Format(until))
		}
		if !from.IsZero() {
			bounded++
			if got := lapsed(from); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: on %s, the span's first day, %v lapsed, want %v", period.Format(day), period.Format(from), got, want)
			}
			if got := lapsed(from.AddDate(0, 0, -1)); reflect.DeepEqual(got, want) {
				t.Errorf("%s: on the day before the span (%s) the same lapsed", period.Format(day), period.Format(from))
			}
		}
		if !until.IsZero() {
			bounded++
			if got := lapsed(until.AddDate(0, 0, -1)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: on the span's last day %v lapsed, want %v", period.Format(day), got, want)
			}
			if got := lapsed(until); reflect.DeepEqual(got, want) {
				t.Errorf("%s: on %s, when the span ends, the same lapsed", period.Format(day), period.Format(until))
			}
		}
	}
	if bounded == 0 {
		t.Fatal("no span was bounded: the test proves nothing")
	}
}

// TestSortGivesOneOrderWhateverTheOrderGiven: items sort by group, date,
// record id, what and path, and the items of two records that share an id
// by file, so the list is the same however the items came.
func TestSortGivesOneOrderWhateverTheOrderGiven(t *testing.T) {
	a := &record.Record{ID: "cam-a", File: "sensors/cam-a.yaml"}
	dup := &record.Record{ID: "cam-a", File: "sensors/cam-a-copy.yaml"}
	b := &record.Record{ID: "cam-b", File: "sensors/cam-b.yaml"}
	d1, d2 := date(t, "2026-01-01"), date(t, "2026-02-01")
	want := []Item{
		{Record: a, What: Evaluation, Date: d1, Group: Lapsed, Path: "/evaluation/last"},
		{Record: b, What: Evaluation, Date: d1, Group: Lapsed, Path: "/evaluation/last"},
		{Record: a, What: Lifecycle, Date: d2, Group: Lapsed, Path: "/lifecycle/end"},
		{Record: b, What: Evaluation, Group: Undated, Path: "/lifecycle/start"},
		// The same id, what and path: the file decides.
		{Record: dup, What: Exception, Date: d1, Group: Ending, Path: "/exceptions/0/until"},
		{Record: a, What: Exception, Date: d1, Group: Ending, Path: "/exceptions/0/until"},
		{Record: a, What: Exception, Date: d1, Group: Ending, Path: "/exceptions/1/until"},
		{Record: dup, What: Evaluation, Date: d1, Group: Upcoming, Path: "/evaluation/last"},
		{Record: a, What: Evaluation, Date: d2, Group: Upcoming, Path: "/evaluation/last"},
	}
	for seed := range 50 {
		got := slices.Clone(want)
		rand.New(rand.NewPCG(uint64(seed), 1)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		Sort(got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled with seed %d, Sort gave\n%v\nwant\n%v", seed, got, want)
		}
	}
}

// TestDueListsTheAIActsHighRiskDuties: a high-risk system is due the day
// the AI Act's high-risk duties apply to it, as the configuration has the
// dates (Annex I products later), when that day falls in the window and
// has not come; after it the checklist holds the record to them.
func TestDueListsTheAIActsHighRiskDuties(t *testing.T) {
	rec := func(id, status, category, annex string) *record.Record {
		return decode(t, "id: "+id+"\nkind: algorithm\nstatus: "+status+"\nlifecycle: {start: 2026-01-01}\nevaluation: {interval: P4Y}\nai_act: {category: "+category+", "+annex+"}\n")
	}
	tests := []struct {
		name   string
		r      *record.Record
		today  string
		within string
		want   string // the item's date, "" for none
	}{
		{"Annex III, in the window", rec("a", "active", "high_risk", "annex_iii: 5(a)"), "2027-10-01", "P90D", "2027-12-02"},
		{"Annex III, planned", rec("a", "planned", "high_risk", "annex_iii: 5(a)"), "2027-10-01", "P90D", "2027-12-02"},
		{"Annex III, beyond the window", rec("a", "active", "high_risk", "annex_iii: 5(a)"), "2026-12-06", "P90D", ""},
		{"Annex III, the day come", rec("a", "active", "high_risk", "annex_iii: 5(a)"), "2027-12-02", "P90D", ""},
		{"Annex I product", rec("a", "active", "high_risk", "annex_i: machines"), "2027-10-01", "P400D", "2028-08-02"},
		{"not high risk", rec("a", "active", "transparency", "annex_iii: 5(a)"), "2027-10-01", "P90D", ""},
		{"retired", decode(t, "id: a\nkind: algorithm\nstatus: retired\nlifecycle: {start: 2026-01-01, end: 2026-06-01}\nevaluation: {interval: P4Y}\nai_act: {category: high_risk, annex_iii: 5(a)}\n"), "2027-10-01", "P90D", ""},
		{"labelled retired before its end", decode(t, "id: a\nkind: algorithm\nstatus: retired\nlifecycle: {start: 2026-01-01, end: 2029-06-01}\nevaluation: {interval: P4Y}\nai_act: {category: high_risk, annex_iii: 5(a)}\n"), "2027-10-01", "P90D", "2027-12-02"},
	}
	for _, tt := range tests {
		reg := register.New("", config.Default(), []*record.Record{tt.r})
		var got string
		for _, it := range Due(reg, date(t, tt.today), period.MustParse(tt.within)) {
			if it.What == AIAct {
				got = period.Format(it.Date)
				if it.Group != Upcoming || it.Path != "/ai_act/category" || !strings.Contains(it.Detail.In("nl"), "AI-verordening art. 26") {
					t.Errorf("%s: item %+v", tt.name, it)
				}
			}
		}
		if got != tt.want {
			t.Errorf("%s: AI Act item on %q, want %q", tt.name, got, tt.want)
		}
	}
}

// An evaluation interval too long to compute with does not make a record
// in use never due, nor take the configured interval in its place: the
// record is among those whose next evaluation cannot be computed, which
// fails the due run (III: a term cannot switch the evaluation off). The
// longest interval that reads (P100000Y) is a date like any other.
func TestDueIntervalTooLongToCompute(t *testing.T) {
	tests := []struct {
		interval string
		status   string
		group    Group // "" for no item
		detail   string
	}{
		{"P1000000Y", "active", Undated, `its evaluation interval "P1000000Y" is too long to compute with (at most P100000Y)`},
		{"P99999999999Y", "suspended", Undated, `"P99999999999Y" is too long to compute with`},
		{"P9223372036854775807D", "active", Undated, `"P9223372036854775807D" is too long to compute with`},
		{"PT99999999999999999999H", "active", Undated, `"PT99999999999999999999H" is too long to compute with`},
		// Not a duration at all: the configured P4Y stands for it, as
		// before (TestNextEvaluation), due in 2028.
		{"1 jaar", "active", "", ""},
		// Planned, but its start and last evaluation show it in use.
		{"P1000000Y", "planned", Undated, `"P1000000Y" is too long to compute with`},
		{"P1000000Y", "retired", "", ""},
		{"P100000Y", "active", "", ""},
		{"P1Y", "active", Lapsed, "evaluation lapsed on 2025-01-01"},
	}
	for _, tt := range tests {
		end := "2050-01-01"
		if tt.status == "retired" {
			end = "2025-06-01" // retired once its end has come
		}
		r := decode(t, "id: cam-1\nkind: sensor\nsensor_type: camera\nstatus: "+tt.status+
			"\nlifecycle: {start: \"2023-06-01\", end: \""+end+"\"}\nevaluation: {interval: \""+tt.interval+"\", last: \"2024-01-01\"}\n")
		reg := register.New("", nil, []*record.Record{r})
		items := Due(reg, date(t, "2026-01-01"), period.MustParse("P30D"))
		if tt.group == "" {
			if len(items) != 0 {
				t.Errorf("%s %s: got %+v, want nothing", tt.interval, tt.status, got(items))
			}
			if _, _, ok := NextEvaluation(r, nil, date(t, "2026-12-07")); ok == (tt.interval == "P1000000Y") {
				t.Errorf("%s: NextEvaluation ok = %v", tt.interval, ok)
			}
			continue
		}
		if len(items) != 1 || items[0].Group != tt.group || !strings.Contains(items[0].Detail.In("en"), tt.detail) {
			t.Errorf("%s %s: got %+v, want one %s item saying %q", tt.interval, tt.status, got(items), tt.group, tt.detail)
			continue
		}
		if tt.group == Undated && (items[0].Path != "/evaluation/interval" || !Failing(items) || items[0].Detail.In("nl") == items[0].Detail.In("en")) {
			t.Errorf("%s: item %+v, failing %v", tt.interval, items[0], Failing(items))
		}
		if _, _, ok := NextEvaluation(r, nil, date(t, "2026-12-07")); ok == (tt.group == Undated) {
			t.Errorf("%s: NextEvaluation ok = %v", tt.interval, ok)
		}
	}
}

// A record whose status says planned or in development, while its own
// dates show it in use, is in use from the first day they do: its
// evaluation falls due as a deployed record's does, on the day the
// checklist starts to treat it as in use and no earlier.
func TestInUseOnFollowsTheDatesAStatusDenies(t *testing.T) {
	const day = "2026-01-10"
	tests := []struct {
		name, yaml string
		inUse      bool
	}{
		{"active, no dates", "status: active", true},
		{"suspended, no dates", "status: suspended", true},
		{"retired, started long ago", "status: retired\nlifecycle: {start: 2020-01-01, end: 2021-01-01}", false},
		{"retired on its end", "status: retired\nlifecycle: {start: 2020-01-01, end: 2026-01-10}", false},
		// An agreement's end is the term it allows sharing, not a day the
		// record was used: what a recipient may still hold is the
		// retention rules' concern.
		{"retired, a data-sharing agreement running on", "status: retired\nlifecycle: {start: 2020-01-01, end: 2021-01-01}\ndata_sharing: [{party: Politie, start: 2020-01-01, end: 2030-12-31}]", false},
		// What shows a retired record operated after its end: a start,
		// or sharing that began, after it; not the evaluation the end
		// calls for, nor an incident found later in what it recorded.
		{"retired, shared data after its end", "status: retired\nlifecycle: {start: 2020-01-01, end: 2021-01-01}\ndata_sharing: [{party: Politie, start: 2022-01-01}]", true},
		{"retired, evaluated after its end", "status: retired\nlifecycle: {start: 2020-01-01, end: 2021-01-01}\nevaluation: {last: 2021-03-01}", false},
		{"retired, a breach found after its end", "status: retired\nlifecycle: {start: 2020-01-01, end: 2021-01-01}\nincidents: [{type: breach, discovered: \"2021-02-01T10:00:00+01:00\"}]", false},
		{"planned, no dates", "status: planned", false},
		{"planned, starts tomorrow", "status: planned\nlifecycle: {start: 2026-01-11}", false},
		{"planned, starts today", "status: planned\nlifecycle: {start: 2026-01-10}", true},
		{"in development, evaluated yesterday", "status: in_development\nevaluation: {last: 2026-01-09}", true},
		{"in development, evaluated today", "status: in_development\nevaluation: {last: 2026-01-10}", false},
		{"no status, shares data since last year", "data_sharing: [{party: Politie, start: 2025-01-01}]", true},
		{"planned, incident discovered yesterday", "status: planned\nincidents: [{type: breach, discovered: \"2026-01-09T23:30:00+01:00\"}]", true},
		{"planned, a start that is not a date", "status: planned\nlifecycle: {start: binnenkort}", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decode(t, "id: x\nkind: sensor\nsensor_type: camera\n"+tt.yaml+"\n")
			if got := InUseOn(r, date(t, day)); got != tt.inUse {
				t.Errorf("InUseOn(%s) = %v, want %v", day, got, tt.inUse)
			}
			evaluation := false
			for _, it := range Due(register.New("", nil, []*record.Record{r}), date(t, day), period.MustParse("P10Y")) {
				evaluation = evaluation || it.What == Evaluation
			}
			if evaluation != tt.inUse {
				t.Errorf("an evaluation listed as due: %v, want %v", evaluation, tt.inUse)
			}
		})
	}
}

// A life cycle that ended while the record still runs is lapsed, whether
// its status says active or only its dates show it running.
func TestEndedLifeCycleOfARunningRecord(t *testing.T) {
	for _, tt := range []struct {
		status string
		lapsed bool
	}{
		{"active", true},
		{"planned", true}, // started in 2020 by its own dates
		{"suspended", false},
		{"retired", false},
	} {
		r := decode(t, "id: x\nkind: algorithm\nstatus: "+tt.status+"\nlifecycle: {start: 2020-01-01, end: 2026-01-01}\nevaluation: {last: 2025-06-01}\n")
		lapsed := false
		for _, it := range Due(register.New("", nil, []*record.Record{r}), date(t, "2026-01-10"), period.MustParse("P30D")) {
			lapsed = lapsed || it.What == Lifecycle && it.Group == Lapsed
		}
		if lapsed != tt.lapsed {
			t.Errorf("%s: life cycle lapsed %v, want %v", tt.status, lapsed, tt.lapsed)
		}
	}
}
