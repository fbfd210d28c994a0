package period

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddToCountsLikeAPerson(t *testing.T) {
	tests := []struct {
		from, dur, want string
	}{
		{"2024-02-29", "P1Y", "2025-02-28"},
		{"2024-02-29", "P4Y", "2028-02-29"},
		{"2025-01-31", "P1M", "2025-02-28"},
		{"2024-01-31", "P1M", "2024-02-29"},
		{"2025-03-31", "P1M", "2025-04-30"},
		{"2025-12-15", "P1M", "2026-01-15"},
		{"2025-11-30", "P3M", "2026-02-28"},
		{"2025-01-01", "P90D", "2025-04-01"},
		{"2025-01-01", "P2W", "2025-01-15"},
		{"2025-01-01", "P18M", "2026-07-01"},
		{"2025-01-31", "P1M1D", "2025-03-01"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.dur)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.dur, err)
		}
		if got := Format(d.AddTo(date(tt.from))); got != tt.want {
			t.Errorf("%s + %s = %s, want %s", tt.from, tt.dur, got, tt.want)
		}
	}
}

func TestSubtractFrom(t *testing.T) {
	if got := Format(MustParse("P1M").SubtractFrom(date("2025-03-31"))); got != "2025-02-28" {
		t.Errorf("2025-03-31 - P1M = %s, want 2025-02-28", got)
	}
	if got := Format(MustParse("P1Y").SubtractFrom(date("2025-01-15"))); got != "2024-01-15" {
		t.Errorf("2025-01-15 - P1Y = %s, want 2024-01-15", got)
	}
}

func TestParseRejectsWhatIsNotADuration(t *testing.T) {
	for _, s := range []string{"", "P", "1Y", "PT", "P1", "PY", "P1X", "P1Y2", "P-1D", "PT1D", "P1TT1H", "P99999999Y",
		// A T part past what a duration holds, alone or added up.
		"PT2700000H", "PT100001H", "PT99999H3601S", "PT1e3H"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
	for _, s := range []string{"P1Y", "P4Y", "P90D", "P2W", "P1DT12H", "PT72H", "P1Y2M3D", "PT100000H", "PT99999H60M"} {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
}

// An evaluation interval counts whole days and at least one: a clock part
// or no time at all is an IntervalError that says which, in both
// languages; what is no duration keeps Parse's error.
func TestParseInterval(t *testing.T) {
	for _, tt := range []struct {
		in       string
		en, nl   string // "" for an interval
		interval bool   // the error is an IntervalError
	}{
		{in: "P1Y"}, {in: "P90D"}, {in: "P0Y6M"}, {in: "P2W"},
		{"PT48H", `"PT48H" gives hours, minutes or seconds`, `"PT48H" geeft uren, minuten of seconden`, true},
		{"P1DT12H", "gives hours", "geeft uren", true},
		{"P0D", `"P0D" is no time at all`, `"P0D" is helemaal geen tijd`, true},
		{"PT0H", "no time at all", "helemaal geen tijd", true},
		{"soon", "is not an ISO 8601 duration", "is geen ISO 8601-duur", false},
		{"P1000000Y", "too long a duration", "te lange duur", false},
	} {
		_, err := ParseInterval(tt.in)
		if tt.en == "" {
			if err != nil {
				t.Errorf("ParseInterval(%q): %v", tt.in, err)
			}
			continue
		}
		var ie IntervalError
		if err == nil || errors.As(err, &ie) != tt.interval || !strings.Contains(err.Error(), tt.en) {
			t.Errorf("ParseInterval(%q): %v, want %q", tt.in, err, tt.en)
			continue
		}
		if l, ok := err.(interface{ In(string) string }); !ok || !strings.Contains(l.In("nl"), tt.nl) {
			t.Errorf("ParseInterval(%q) in Dutch: %v, want %q", tt.in, err, tt.nl)
		}
	}
}

func TestParseDateRejectsImpossibleDates(t *testing.T) {
	for _, s := range []string{"2025-02-30", "2025-13-01", "25-01-01", "2025-1-1"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}

func TestTodayIsDecidedInAmsterdam(t *testing.T) {
	// 23:30 UTC on 28 February is already 1 March in Amsterdam (CET, UTC+1).
	now := time.Date(2025, 2, 28, 23, 30, 0, 0, time.UTC)
	if got := Format(Today(now)); got != "2025-03-01" {
		t.Errorf("Today = %s, want 2025-03-01", got)
	}
	// In summer time (UTC+2) 22:30 UTC is 00:30 the next day.
	now = time.Date(2025, 7, 14, 22, 30, 0, 0, time.UTC)
	if got := Format(Today(now)); got != "2025-07-15" {
		t.Errorf("Today = %s, want 2025-07-15", got)
	}
}

// A duration of the right form with a part past what the register
// computes with is an error that says it is too large, never one taken
// as some other, shorter duration; a text of the wrong form is not
// called too large.
func TestParseTooLarge(t *testing.T) {
	tests := []struct {
		in       string
		tooLarge bool
	}{
		{"P100001Y", true},
		{"P1000000Y", true},
		{"P99999999999Y", true},
		{"P9223372036854775807D", true},
		{"P9223372036854775808D", true},
		{"P99999999999999999999999999999999999W", true},
		{"P100000Y100000M100000W100001D", true},
		{"P1Y99999999999999999999M", true},
		{"P50001Y50000Y", true}, // parts of one unit add up
		{"PT99999999999999999999H", true},
		{"PT100001H", true},
		{"PT2700000H", true},
		{"PT" + strings.Repeat("9", 400) + "H", true},
		{"P1000000YT1H", true},
		{"P1000000Y1X", false},
		{"P1000000", false},
		{"P1.5D", false},
		{"PT1.2.3H", false},
		{"P-1D", false},
		{"1000000Y", false},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, accepted", tt.in, d)
			continue
		}
		if got := IsTooLarge(err); got != tt.tooLarge {
			t.Errorf("Parse(%q): IsTooLarge = %v, want %v (%v)", tt.in, got, tt.tooLarge, err)
		}
		if tt.tooLarge && (!strings.Contains(err.Error(), "too long") || !strings.Contains(DurationError{Text: tt.in, TooLarge: true}.In("nl"), "te lange duur")) {
			t.Errorf("Parse(%q): %v does not say it is too long", tt.in, err)
		}
	}
	// The largest of each part still reads, and moves a date as far.
	for _, s := range []string{"P100000Y", "P100000Y100000M100000W100000D", "PT100000H", "P50000Y50000Y"} {
		d, err := Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
			continue
		}
		if end := d.AddTo(date("9999-12-31")); !end.After(date("9999-12-31")) {
			t.Errorf("9999-12-31 + %s = %v, not after it", s, end)
		}
	}
}

// ParseInstant reads what the schema takes as a datetime, a lower-case t
// or z too, and a date as midnight in Amsterdam.
func TestParseInstant(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // UTC, RFC 3339; "" for not read
	}{
		{"2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"},
		{"2026-12-01t10:00:00z", "2026-12-01T10:00:00Z"},
		{"2026-12-01T10:00:00+01:00", "2026-12-01T09:00:00Z"},
		{"2026-12-01", "2026-11-30T23:00:00Z"},
		{"1 december", ""},
		{"2026-12-01T25:00:00Z", ""},
	} {
		got, ok := ParseInstant(tt.in)
		if s := got.UTC().Format(time.RFC3339); ok != (tt.want != "") || ok && s != tt.want {
			t.Errorf("ParseInstant(%q) = %s, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
}

// A term is longer than a limit when it is from any day it may start on:
// a limit in law holds for every recording and every request.
func TestMayBeLonger(t *testing.T) {
	for _, tt := range []struct {
		d, limit string
		longer   bool
	}{
		{"P1M", "P28D", true},   // 31 days from 1 January
		{"P1M", "P31D", false},  // never more than 31 days
		{"P4W", "P1M", false},   // 28 days, a month is at least that
		{"P29D", "P1M", true},   // from 1 February 2025
		{"P30D", "P1M", true},   // from 1 February
		{"P92D", "P3M", true},   // from 1 December, three months are 90 days
		{"P89D", "P3M", false},  // three months are never shorter
		{"P3M", "P3M", false},   // a limit is not longer than itself
		{"P12M", "P1Y", false},  // the same
		{"P365D", "P1Y", false}, // a year is 365 or 366 days
		{"P366D", "P1Y", true},
		{"P1Y", "P365D", true}, // over 29 February
		{"P28D", "P4W", false},
		{"PT672H", "P28D", false},
		{"PT673H", "P28D", true},
		{"P1M1D", "P1M", true},
		{"P1Y1M", "P13M", false},
	} {
		d, limit := MustParse(tt.d), MustParse(tt.limit)
		if got := d.MayBeLonger(limit); got != tt.longer {
			t.Errorf("%s.MayBeLonger(%s) = %v, want %v", tt.d, tt.limit, got, tt.longer)
		}
	}
}

// The Gregorian calendar leaves out 29 February in 2100, 2200 and 2300,
// not in 2400: four years without it are 1460 days, a hundred years with
// 2400's are 36525, and two hundred from 2201 are 73049. A term may be longer than a limit from such a day.
func TestMayBeLongerOverACentury(t *testing.T) {
	for _, tt := range []struct {
		d, limit string
		longer   bool
		from     string // a day from which it is
	}{
		{"P1461D", "P4Y", true, "2097-03-01"},  // to 2101-03-01: 1460 days
		{"P1461D", "P48M", true, "2097-03-01"}, // the same in months
		{"P1460D", "P4Y", false, ""},           // never fewer days than that
		{"P4Y", "P1460D", true, "2024-01-01"},  // over 29 February 2024
		{"P2922D", "P8Y", true, "2093-03-01"},  // one 29 February, in 2096
		{"P2921D", "P8Y", false, ""},
		{"P100Y", "P36524D", true, "2301-01-01"}, // over 29 February 2400
		{"P100Y", "P36525D", false, ""},
		{"P200Y", "P73048D", true, "2201-01-01"}, // 2300 left out, 2400 in
		{"P200Y", "P73049D", false, ""},
	} {
		d, limit := MustParse(tt.d), MustParse(tt.limit)
		if got := d.MayBeLonger(limit); got != tt.longer {
			t.Errorf("%s.MayBeLonger(%s) = %v, want %v", tt.d, tt.limit, got, tt.longer)
		}
		from, ok := d.LongerFrom(limit)
		if ok != tt.longer || ok && !d.Longer(limit, from) {
			t.Errorf("%s.LongerFrom(%s) = %s, %v; not a day it is longer", tt.d, tt.limit, Format(from), ok)
		}
		if tt.from != "" && !d.Longer(limit, mustDate(t, tt.from)) {
			t.Errorf("%s is not longer than %s from %s", tt.d, tt.limit, tt.from)
		}
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The answer kept for a pair is the one worked out, asked again.
func TestMayBeLongerAskedAgain(t *testing.T) {
	for range 2 {
		if !MustParse("P30D").MayBeLonger(MustParse("P1M")) || MustParse("P28D").MayBeLonger(MustParse("P1M")) {
			t.Fatal("a kept answer differs")
		}
	}
}

// NotShorterFrom finds a day from which a term is at least as long as
// another, for a rule that asks a term shorter from every day: P365D is
// as long as P1Y from 29 February 2024 (to 28 February 2025) on.
func TestNotShorterFrom(t *testing.T) {
	for _, tt := range []struct {
		d, other string
		from     string // "" for none, or two terms of days alone
		ok       bool
	}{
		{"P365D", "P1Y", "2024-02-29", true},
		{"P364D", "P1Y", "", false},
		{"P366D", "P1Y", "2024-02-29", true}, // longest by there
		{"P12M", "P1Y", "2024-01-01", true},
		{"P2W", "P14D", "", true},
		{"P13D", "P2W", "", false},
	} {
		from, ok := MustParse(tt.d).NotShorterFrom(MustParse(tt.other))
		if ok != tt.ok || tt.from != "" && Format(from) != tt.from || tt.from == "" && ok && !from.IsZero() {
			t.Errorf("%s.NotShorterFrom(%s) = %s, %v; want %q, %v", tt.d, tt.other, Format(from), ok, tt.from, tt.ok)
		}
	}
}

func BenchmarkMayBeLonger(b *testing.B) {
	term, limit := MustParse("P4W"), MustParse("P3M")
	for b.Loop() {
		term.MayBeLonger(limit)
	}
}

func BenchmarkLongerFrom(b *testing.B) {
	term, limit := MustParse("P4W"), MustParse("P3M")
	for b.Loop() {
		term.LongerFrom(limit)
	}
}

// The years mostFrom leaves out of the four hundred the calendar repeats
// in tell no pair of terms apart by more than those it tries.
func TestMostFromTriesEveryRunOfLeapYears(t *testing.T) {
	terms := []string{"P1D", "P28D", "P1M", "P3M", "P11M", "P1Y", "P18M", "P4Y", "P1461D", "P1460D", "P8Y", "P2922D", "P23Y11M", "P96Y", "P99Y", "P100Y", "P101Y", "P36524D", "P36525D", "P199Y11M", "P200Y", "P73048D", "P399Y", "P401Y", "P1000Y"}
	// Every start day of the 400 years of the Gregorian cycle, and where
	// each term ends from it: worked out once per term, not per pair.
	var starts []time.Time
	for y := 2001; y <= 2400; y++ {
		for m := range 12 {
			for _, day := range [...]int{1, 29, 30, 31} {
				if start := time.Date(y, time.Month(m+1), day, 0, 0, 0, 0, time.UTC); start.Day() == day {
					starts = append(starts, start)
				}
			}
		}
	}
	ends := map[string][]time.Time{}
	for _, a := range terms {
		d := MustParse(a)
		for _, start := range starts {
			ends[a] = append(ends[a], d.AddTo(start))
		}
	}
	for _, a := range terms {
		for _, b := range terms {
			_, got := MustParse(a).mostFrom(MustParse(b))
			want := ends[a][0].Sub(ends[b][0])
			for i := range starts {
				want = max(want, ends[a][i].Sub(ends[b][i]))
			}
			if got != want {
				t.Errorf("%s against %s: longest by %v, but by %v from some day", a, b, got, want)
			}
		}
	}
}
