package principle

import (
	"time"
)

// Span is the days for which a record's outcome holds: checked on any day
// from From up to but not including Until, the record gives the same
// findings. A zero From is open to the past, a zero Until to the future.
// The check cache keeps an outcome with its span, so a result is reused
// on a new day that its rules answer alike, and only records whose
// verdict may have changed are checked again.
type Span struct{ From, Until time.Time }

// And is the days on which both s and t hold.
func (s Span) And(t Span) Span {
	if !t.From.IsZero() && t.From.After(s.From) {
		s.From = t.From
	}
	if !t.Until.IsZero() && (s.Until.IsZero() || t.Until.Before(s.Until)) {
		s.Until = t.Until
	}
	return s
}

// Holds reports whether day lies within the span.
func (s Span) Holds(day time.Time) bool {
	return (s.From.IsZero() || !day.Before(s.From)) && (s.Until.IsZero() || day.Before(s.Until))
}

// clock is the day a check looks at. Checks ask it through the Context's
// methods, never for the date itself unless they must (Today), and each
// answer narrows span to the days that would answer alike: what a check
// did not ask cannot have shaped its findings.
type clock struct {
	today time.Time // midnight UTC
	span  Span
}

// dayOfDate is the date of t as midnight UTC.
func dayOfDate(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func newClock(today time.Time) *clock { return &clock{today: dayOfDate(today)} }

// reached reports whether today is on or after the day d (midnight UTC),
// and narrows the span to the side of d today is on.
func (c *clock) reached(d time.Time) bool {
	if !c.today.Before(d) {
		if c.span.From.Before(d) {
			c.span.From = d
		}
		return true
	}
	if c.span.Until.IsZero() || d.Before(c.span.Until) {
		c.span.Until = d
	}
	return false
}

// pin narrows the span to today alone: what a check made of the date
// itself (a custom rule that compares with "today") may differ on any
// other day.
func (c *clock) pin() {
	c.reached(c.today)
	c.reached(c.today.AddDate(0, 0, 1))
}

// Today is the date the run checks against, midnight UTC. A check that
// uses it holds for this one day: prefer After, OnOrAfter and Reached,
// which say for which days their answer holds.
func (ctx *Context) Today() time.Time {
	ctx.day.pin()
	return ctx.day.today
}

// After reports whether today is later than t (t.Before(today)).
func (ctx *Context) After(t time.Time) bool {
	return ctx.day.reached(dayOfDate(t).AddDate(0, 0, 1))
}

// OnOrAfter reports whether today is t or later (!today.Before(t)).
func (ctx *Context) OnOrAfter(t time.Time) bool {
	d := dayOfDate(t)
	if d.Before(t) {
		d = d.AddDate(0, 0, 1)
	}
	return ctx.day.reached(d)
}

// maxSearch bounds the days Reached steps from its guess: far more than
// the calendar's rounding of months moves a boundary.
const maxSearch = 64

// Reached reports holds(today) for a condition that, once true on a day,
// is true on every day after: for instance "today plus a period is on or
// after a date". guess is a day near where it turns true. When the day it
// turns cannot be found near the guess, the answer holds for today only.
func (ctx *Context) Reached(guess time.Time, holds func(day time.Time) bool) bool {
	c := ctx.day
	now := holds(c.today)
	d := dayOfDate(guess)
	for range maxSearch {
		switch prev := d.AddDate(0, 0, -1); {
		case holds(prev):
			d = prev
		case !holds(d):
			d = d.AddDate(0, 0, 1)
		default:
			// d is the first day it holds: the answer follows from d
			// where it agrees with today's.
			if c.reached(d) == now {
				return now
			}
			c.pin()
			return now
		}
	}
	c.pin()
	return now
}
