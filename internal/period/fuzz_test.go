package period

import (
	"testing"
	"time"
)

// FuzzParse feeds arbitrary text to the duration reader (register.yaml's
// intervals and limits, a record's interval and retention): it must never
// panic, and a duration it accepts must add to and subtract from a date
// without going backwards, and read the same again.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"P1Y", "P18M", "P2W", "P90D", "P1DT12H", "PT0.5S", "P", "PT", "P1Y2M3W4DT5H6M7.5S", "P99999999999Y", "P1.5D", "-P1D", "P1YT"} {
		f.Add(s)
	}
	start := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if d.Years < 0 || d.Months < 0 || d.Weeks < 0 || d.Days < 0 || d.Clock < 0 {
			t.Fatalf("Parse(%q) = %+v: a negative part", s, d)
		}
		if d.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, d.String())
		}
		if again, err := Parse(d.String()); err != nil || again != d {
			t.Fatalf("Parse(%q) again = %+v, %v", s, again, err)
		}
		if end := d.AddTo(start); end.Before(start) {
			t.Fatalf("%s after %s is %s, before it", s, Format(start), Format(end))
		}
		if back := d.SubtractFrom(start); back.After(start) {
			t.Fatalf("%s before %s is %s, after it", s, Format(start), Format(back))
		}
	})
}

// FuzzParseDate: a date it accepts prints as it was read.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-24", " 2026-02-29 ", "2024-02-29", "24-11-2026", "2026-13-01", "0000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if again, err := ParseDate(Format(d)); err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %s, again %s, %v", s, Format(d), Format(again), err)
		}
	})
}
