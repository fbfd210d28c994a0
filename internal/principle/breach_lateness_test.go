package principle

import (
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestLatenessIsExact: the time a breach notice took is said as it was,
// never rounded up to the next minute nor down to a whole hour.
func TestLatenessIsExact(t *testing.T) {
	cases := []struct {
		d      time.Duration
		en, nl string
	}{
		{72*time.Hour + time.Second, "72 hours and 1 second", "72 uur en 1 seconde"},
		{72*time.Hour + time.Minute, "72 hours and 1 minute", "72 uur en 1 minuut"},
		{72*time.Hour + 59*time.Second, "72 hours and 59 seconds", "72 uur en 59 seconden"},
		{73*time.Hour + 5*time.Minute + 30*time.Second, "73 hours, 5 minutes and 30 seconds", "73 uur, 5 minuten en 30 seconden"},
		{96 * time.Hour, "96 hours", "96 uur"},
		{72*time.Hour + 500*time.Millisecond, "more than 72 hours", "meer dan 72 uur"},
		{time.Hour, "1 hour", "1 uur"},
	}
	for _, c := range cases {
		en, nl := lateness(c.d)
		if en != c.en || nl != c.nl {
			t.Errorf("lateness(%s) = %q, %q; want %q, %q", c.d, en, nl, c.en, c.nl)
		}
	}
}

// TestBreachOneSecondLate is the auditor's breach: reported 72 hours and
// one second after discovery, an error that says so exactly.
func TestBreachOneSecondLate(t *testing.T) {
	fs := only(t, "breach-reported", nil, nil, auditAsOf, `id: s
kind: sensor
incidents:
  - {type: data_breach, discovered: "2026-05-03T09:10:00+02:00", reported: "2026-05-06T09:10:01+02:00"}
`)
	match(t, fs, []want{{"breach-reported", "C-breach", finding.Error, 4, 76,
		"the data breach was reported 72 hours and 1 second after it was discovered, later than 72 hours, and no delay_reason is given"}})
	if got := fs[0].Message.In("nl"); !containsInOrder(got, "72 uur en 1 seconde na de ontdekking") {
		t.Errorf("Dutch message %q does not say 72 uur en 1 seconde", got)
	}
}

// TestBreachImpossibleDateCitesTheLaw: a breach found after today, or
// reported before it was found, is the law's error, and its help says to
// correct the date and cites the article the rule rests on.
func TestBreachImpossibleDateCitesTheLaw(t *testing.T) {
	for name, inc := range map[string]string{
		"discovered after today": `{type: data_breach, discovered: "2099-11-01T10:00:00+01:00", summary: Een lek.}`,
		"reported before found":  `{type: data_breach, discovered: "2026-03-10T10:00:00+01:00", reported: "2026-03-01T10:00:00+01:00"}`,
	} {
		t.Run(name, func(t *testing.T) {
			fs := only(t, "breach-reported", nil, nil, auditAsOf, "id: s\nkind: sensor\nincidents:\n  - "+inc+"\n")
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1: %v", len(fs), fs)
			}
			f := fs[0]
			if f.Severity != finding.Error || f.Law.In("en") != "GDPR art. 33(1)" {
				t.Errorf("severity %s, law %q; want an error citing GDPR art. 33(1)", f.Severity, f.Law.In("en"))
			}
			if h := f.Help.In("en"); !containsInOrder(h, "correct …(GDPR art. 33(1))") {
				t.Errorf("help %q does not say to correct the date, citing GDPR art. 33(1)", h)
			}
			if h := f.Help.In("nl"); !containsInOrder(h, "Verbeter …(AVG art. 33 lid 1)") {
				t.Errorf("Dutch help %q does not say to correct the date, citing AVG art. 33 lid 1", h)
			}
		})
	}
}

// TestBreachDiscoveredTomorrowNamesTheDutchDay: a breach found at 23:30
// on 24 November at UTC-1 was found on 25 November in the Netherlands,
// the day still to come on 24 November. The English names that day, as
// the Dutch does, beside the moment as written. The Dutch help on a
// notice before the discovery is a full sentence.
func TestBreachDiscoveredTomorrowNamesTheDutchDay(t *testing.T) {
	fs := only(t, "breach-reported", nil, nil, "2026-11-24", "id: s\nkind: sensor\nincidents:\n  - {type: data_breach, discovered: \"2026-11-24T23:30:00-01:00\", summary: Een lek.}\n")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(fs), fs)
	}
	if got := fs[0].Message.In("en"); !containsInOrder(got, "discovered on 25 November 2026 at 01:30 Dutch time (2026-11-24T23:30:00-01:00), a day still to come") {
		t.Errorf("English message %q does not name the Dutch day", got)
	}
	if got := fs[0].Message.In("nl"); !containsInOrder(got, "25 november 2026 om 01:30, een dag die nog moet komen") {
		t.Errorf("Dutch message %q does not name the day", got)
	}
	fs = only(t, "breach-reported", nil, nil, auditAsOf, "id: s\nkind: sensor\nincidents:\n  - {type: data_breach, discovered: \"2026-03-10T10:00:00+01:00\", reported: \"2026-03-01T10:00:00+01:00\"}\n")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(fs), fs)
	}
	if got := fs[0].Help.In("nl"); !strings.Contains(got, "Een melding moet binnen 72 uur na de ontdekking gebeuren (AVG art. 33 lid 1).") {
		t.Errorf("Dutch help %q lacks its verb", got)
	}
}
