// Package period does the calendar arithmetic the register needs: civil dates
// (YYYY-MM-DD) and ISO 8601 durations such as P1Y or P90D, added the way a
// person counts (one month after 31 January is the last day of February).
package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DateLayout is the layout of every date in a record.
const DateLayout = "2006-01-02"

// Amsterdam is the time zone in which "today" is decided. The register is
// Dutch: a run at 00:30 local time on 1 March belongs to 1 March.
var Amsterdam = loadAmsterdam()

func loadAmsterdam() *time.Location {
	if loc, err := time.LoadLocation("Europe/Amsterdam"); err == nil {
		return loc
	}
	// Without a zone database, CET is the closest fixed answer.
	return time.FixedZone("CET", 3600)
}

// ParseDate reads a YYYY-MM-DD date as midnight UTC. It rejects impossible
// dates such as 2025-02-30.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, DateError{Text: s}
	}
	return t, nil
}

// DateError says a text is not a date. Like every error a user reads it
// is worded in Dutch and English: In gives either (the message package's
// Lingual), Error the English.
type DateError struct{ Text string }

func (e DateError) Error() string { return e.In("en") }

// In words the error in lang: Dutch for "nl", else English.
func (e DateError) In(lang string) string {
	if lang == "nl" {
		return fmt.Sprintf("%q is geen datum in de vorm JJJJ-MM-DD", e.Text)
	}
	return fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", e.Text)
}

// DurationError says a text is not an ISO 8601 duration, in either
// language as DateError. TooLarge says it has the form of one, but a
// part is larger than the register computes with (MaxPart, MaxClock):
// such a duration is not a longer term than any other, it is one that
// cannot be counted, and every reader of a duration treats it as one
// it cannot read.
type DurationError struct {
	Text     string
	TooLarge bool
}

func (e DurationError) Error() string { return e.In("en") }

// In words the error in lang: Dutch for "nl", else English.
func (e DurationError) In(lang string) string {
	switch {
	case e.TooLarge && lang == "nl":
		return fmt.Sprintf("%q is een te lange duur: elk deel is hoogstens %d (zoals P%dY), het tijddeel samen hoogstens PT%dH", e.Text, MaxPart, MaxPart, MaxPart)
	case e.TooLarge:
		return fmt.Sprintf("%q is too long a duration: each part is at most %d (as in P%dY), the time part at most PT%dH together", e.Text, MaxPart, MaxPart, MaxPart)
	case lang == "nl":
		return fmt.Sprintf("%q is geen ISO 8601-duur zoals P1Y, P6M of P90D", e.Text)
	}
	return fmt.Sprintf("%q is not an ISO 8601 duration such as P1Y, P6M or P90D", e.Text)
}

// IsTooLarge reports whether err says a duration has the form of one but
// is past what the register computes with (DurationError.TooLarge).
func IsTooLarge(err error) bool {
	var de DurationError
	return errors.As(err, &de) && de.TooLarge
}

// Today returns the current date in Europe/Amsterdam, as midnight UTC.
func Today(now time.Time) time.Time {
	y, m, d := now.In(Amsterdam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DateOf reads a YYYY-MM-DD date; false when it is absent or malformed.
func DateOf(s string) (time.Time, bool) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, false
	}
	t, err := ParseDate(s)
	return t, err == nil
}

// ParseInstant reads an RFC 3339 datetime, or a date (taken as midnight in
// Europe/Amsterdam), as records state when something happened.
func ParseInstant(s string) (time.Time, bool) {
	// RFC 3339 (and the schema) allow a lower-case t and z; Go's layout
	// does not. No other letter is valid in either form.
	s = strings.ToUpper(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation(DateLayout, s, Amsterdam); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// Format writes a date as YYYY-MM-DD.
func Format(t time.Time) string { return t.Format(DateLayout) }

// Duration is an ISO 8601 duration. Only the calendar parts (years, months,
// weeks, days) take part in date arithmetic; time parts are kept for datetimes.
type Duration struct {
	Years, Months, Weeks, Days int
	Clock                      time.Duration // the T part: hours, minutes, seconds
	text                       string
}

// String returns the duration as it was written.
func (d Duration) String() string { return d.text }

// IsZero reports whether the duration adds nothing.
func (d Duration) IsZero() bool {
	return d.Years == 0 && d.Months == 0 && d.Weeks == 0 && d.Days == 0 && d.Clock == 0
}

// MaxPart is the largest number a part of a duration's calendar part
// may add up to (P100000Y, P100000M, P100000W, P100000D): far above any
// term a register sets, and far below what a date can be moved by.
const MaxPart = 100000

// MaxClock bounds a duration's T part, its parts together: far above any
// interval a register sets, and far below the 292 years a time.Duration
// holds, which "PT2700000H" went past to a negative duration.
const MaxClock = MaxPart * time.Hour

// Parse reads an ISO 8601 duration like P1Y, P18M, P2W, P90D or P1DT12H.
// A duration of that form whose parts add up past MaxPart, or whose time
// part is past MaxClock, is an error too, one whose TooLarge is set: it
// is read to its end first, so that a text with another fault is not
// called too large.
func Parse(s string) (Duration, error) {
	d := Duration{text: s}
	bad := DurationError{Text: s}
	if len(s) < 2 || s[0] != 'P' {
		return d, bad
	}
	rest, inTime, any, large := s[1:], false, false, false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return d, bad
			}
			inTime, rest = true, rest[1:]
			if rest == "" {
				return d, bad
			}
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 || i == len(rest) {
			return d, bad
		}
		num, unit := rest[:i], rest[i]
		rest = rest[i+1:]
		any = true
		if inTime {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil && !errors.Is(err, strconv.ErrRange) {
				return d, bad // "1.2.3"; too many digits is too large
			}
			var per time.Duration
			switch unit {
			case 'H':
				per = time.Hour
			case 'M':
				per = time.Minute
			case 'S':
				per = time.Second
			default:
				return d, bad
			}
			part := f * float64(per)
			if part > float64(MaxClock-d.Clock) {
				large = true
				continue
			}
			d.Clock += time.Duration(part)
			continue
		}
		var to *int
		switch unit {
		case 'Y':
			to = &d.Years
		case 'M':
			to = &d.Months
		case 'W':
			to = &d.Weeks
		case 'D':
			to = &d.Days
		default:
			return d, bad
		}
		if strings.Contains(num, ".") {
			return d, bad
		}
		// Digits only: too many of them for an int is too large, not
		// malformed.
		n, err := strconv.Atoi(num)
		if err != nil || n > MaxPart-*to {
			large = true
			continue
		}
		*to += n
	}
	if !any {
		return d, bad
	}
	if large {
		return Duration{text: s}, DurationError{Text: s, TooLarge: true}
	}
	return d, nil
}

// IntervalError says a duration is no evaluation interval (ParseInterval):
// it has a clock part (Clock), or adds nothing at all. Worded in either
// language as DateError.
type IntervalError struct {
	Text  string
	Clock bool
}

func (e IntervalError) Error() string { return e.In("en") }

// In words the error in lang: Dutch for "nl", else English.
func (e IntervalError) In(lang string) string {
	switch {
	case e.Clock && lang == "nl":
		return fmt.Sprintf("%q geeft uren, minuten of seconden; een termijn voor evaluatie telt alleen hele dagen, weken, maanden of jaren, zoals P1Y of P365D", e.Text)
	case e.Clock:
		return fmt.Sprintf("%q gives hours, minutes or seconds; an evaluation interval counts only whole days, weeks, months or years, such as P1Y or P365D", e.Text)
	case lang == "nl":
		return fmt.Sprintf("%q is helemaal geen tijd; een termijn voor evaluatie is minstens een dag, zoals P1Y", e.Text)
	}
	return fmt.Sprintf("%q is no time at all; an evaluation interval is at least one day, such as P1Y", e.Text)
}

// ParseInterval reads an evaluation interval, in register.yaml or a
// record: a duration (Parse) of whole days, weeks, months or years, at
// least one day. A due date is a day, so PT24H, P1DT12H or PT8760H
// would count hours on it, across a change of summer time too: refused
// whatever the length. P0D would make every record due on the day of its
// evaluation. Either is an IntervalError; what Parse refuses is its
// error. The schema's $defs/interval holds a record's to the same.
func ParseInterval(s string) (Duration, error) {
	d, err := Parse(s)
	if err != nil {
		return d, err
	}
	if d.Clock != 0 || d.IsZero() {
		return d, IntervalError{Text: s, Clock: d.Clock != 0}
	}
	return d, nil
}

// MustParse is Parse for durations known to be valid, such as defaults.
func MustParse(s string) Duration {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// AddTo adds the duration to t. Years and months move the calendar month and
// keep the day, clamped to the month's last day (P1M from 31 January is
// 28 or 29 February; P1Y from 29 February 2024 is 28 February 2025); weeks,
// days and the clock part are added after that.
func (d Duration) AddTo(t time.Time) time.Time {
	return d.add(t, 1)
}

// SubtractFrom goes back by the duration, with the same month-end rule.
func (d Duration) SubtractFrom(t time.Time) time.Time {
	return d.add(t, -1)
}

func (d Duration) add(t time.Time, sign int) time.Time {
	y, m, day := t.Date()
	months := int(m) - 1 + sign*(d.Years*12+d.Months)
	y += months / 12
	months %= 12
	if months < 0 {
		months += 12
		y--
	}
	last := time.Date(y, time.Month(months+2), 0, 0, 0, 0, 0, t.Location()).Day()
	day = min(day, last)
	h, mi, s := t.Clock()
	out := time.Date(y, time.Month(months+1), day, h, mi, s, t.Nanosecond(), t.Location())
	out = out.AddDate(0, 0, sign*(d.Weeks*7+d.Days))
	return out.Add(time.Duration(sign) * d.Clock)
}

// Longer reports whether going d from start ends after going other from start:
// durations of months and days only compare on a calendar.
func (d Duration) Longer(other Duration, start time.Time) bool {
	return d.AddTo(start).After(other.AddTo(start))
}

// MayBeLonger reports whether d is longer than other from some day on the
// calendar: what a limit in law asks of a term that holds for every
// recording or request, whenever it is made. P1M may be longer than P28D
// (from 1 January it is 31 days) though from 1 February it is not.
func (d Duration) MayBeLonger(other Duration) bool {
	if d.Years == 0 && d.Months == 0 && other.Years == 0 && other.Months == 0 {
		return d.Longer(other, time.Time{})
	}
	// A register states few terms, each on many records, and the
	// checklist asks of each record: the answer is kept per pair, up to
	// a bound a register of made-up terms cannot pass.
	k := [2]lengthKey{d.key(), other.key()}
	mayBeLonger.RLock()
	v, ok := mayBeLonger.m[k]
	mayBeLonger.RUnlock()
	if ok {
		return v
	}
	_, v = d.LongerFrom(other)
	mayBeLonger.Lock()
	if len(mayBeLonger.m) < 4096 {
		mayBeLonger.m[k] = v
	}
	mayBeLonger.Unlock()
	return v
}

// lengthKey is what a duration's length is made of, without its text.
type lengthKey struct {
	years, months, weeks, days int
	clock                      time.Duration
}

func (d Duration) key() lengthKey { return lengthKey{d.Years, d.Months, d.Weeks, d.Days, d.Clock} }

var mayBeLonger = struct {
	sync.RWMutex
	m map[[2]lengthKey]bool
}{m: map[[2]lengthKey]bool{}}

// LongerFrom returns a day from which d is longer than other, the one
// from which it is longest by (the first of those), and false when there
// is none (MayBeLonger).
//
// Years and months move a date by a length that depends only on its
// month, its year in the leap cycle, and whether its day is the 29th,
// 30th, 31st or earlier (a later day is clamped to a month's end; an
// earlier one is not); weeks, days and the clock add the same from any
// day. So the days tried are those, in each month of four years, one of
// them a leap year, and of the other years of the Gregorian calendar's
// four hundred (2001 to 2400) those in which the years the terms reach
// lie otherwise about a century without 29 February (2100, 2200, 2300):
// four years from 1 March 2097 are 1460 days (startYears).
func (d Duration) LongerFrom(other Duration) (time.Time, bool) {
	from, most := d.mostFrom(other)
	return from, most > 0
}

// NotShorterFrom returns a day from which d is at least as long as
// other, the one from which it is longest by (the first of those), and
// false when d is shorter from every day: what a rule asks of a term
// that must be shorter than another, whenever it starts. Like LongerFrom
// it returns the zero day for two terms of weeks and days alone, which
// compare the same from any day.
func (d Duration) NotShorterFrom(other Duration) (time.Time, bool) {
	from, most := d.mostFrom(other)
	return from, most >= 0
}

// mostFrom returns the day from which d is longest compared with other
// (the first of those) and by how much, negative when d is shorter from
// every day; the zero day for terms of weeks and days alone. The days
// tried are LongerFrom's.
func (d Duration) mostFrom(other Duration) (time.Time, time.Duration) {
	if d.Years == 0 && d.Months == 0 && other.Years == 0 && other.Months == 0 {
		return time.Time{}, d.AddTo(time.Time{}).Sub(other.AddTo(time.Time{}))
	}
	var (
		from  time.Time
		most  time.Duration
		tried bool
	)
	for _, y := range startYears(d, other) {
		for m := range 12 {
			for _, day := range [...]int{1, 29, 30, 31} {
				start := time.Date(y, time.Month(m+1), day, 0, 0, 0, 0, time.UTC)
				if start.Day() != day {
					continue // no such day in this month
				}
				if by := d.AddTo(start).Sub(other.AddTo(start)); !tried || by > most {
					from, most, tried = start, by, true
				}
			}
		}
	}
	return from, most
}

// startYears are the years of the days mostFrom tries: 2024 to 2027, and
// then each year of 2001 to 2400 in which the terms meet another run of
// leap years. How much longer d is than other from a day depends, beside
// its month and day, only on which years are leap years of its own and of
// those the terms' years and months reach (lo to hi years on, or one
// more): those run in fours, but for the centuries without 29 February,
// and repeat every four hundred years.
func startYears(d, other Duration) []int {
	months := []int{12*d.Years + d.Months, 12*other.Years + other.Months}
	lo, hi := min(months[0], months[1])/12, (max(months[0], months[1])+11)/12
	years := []int{2024, 2025, 2026, 2027}
	if hi-lo >= 400 {
		// A run that holds every way the centuries fall.
		for y := 2001; y <= 2400; y++ {
			if y < 2024 || y > 2027 {
				years = append(years, y)
			}
		}
		return years
	}
	// A year's run is its place in the four years and the places among
	// them of the centuries without 29 February.
	run := func(y int) string {
		b := []byte{byte('0' + y%4)}
		for c := (y + lo + 99) / 100 * 100; c <= y+hi; c += 100 {
			if c%400 != 0 {
				b = append(b, ' ')
				b = strconv.AppendInt(b, int64(c-y), 10)
			}
		}
		if y%100 == 0 && y%400 != 0 {
			b = append(b, " own"...)
		}
		return string(b)
	}
	seen := map[string]bool{}
	for _, y := range years {
		seen[run(y)] = true
	}
	for y := 2001; y <= 2400; y++ {
		if k := run(y); !seen[k] {
			seen[k] = true
			years = append(years, y)
		}
	}
	return years
}
