package principle

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

func TestAdviceResponse(t *testing.T) {
	const head = "id: a\nkind: algorithm\nstatus: active\nreviews:\n"
	runCases(t, "advice-response", nil, []ruleCase{
		{name: "no reviews", yaml: "id: a\nkind: algorithm\nstatus: active\n"},
		{name: "answered", yaml: head + "  - {body: ethics_committee, date: 2025-01-10, response: {date: 2025-05-01}}\n"},
		{name: "open, within the term", yaml: head + "  - {body: ethics_committee, date: 2026-09-01}\n"},
		{name: "open on the last day of the term", yaml: head + "  - {body: ethics_committee, date: 2026-08-24}\n"},
		{name: "open one day past the term", yaml: head + "  - {body: ethics_committee, date: 2026-08-23}\n",
			want: []want{{"advice-response", "C-ethics-committee", finding.Warning, 5, 5, "advice of 2026-08-23 has had no response, and the term of P3M (advice.response_term) ended on 2026-11-23"}}},
		{name: "unasked advice is owed an answer too", yaml: head + "  - {body: ethics_committee, date: 2025-06-01, asked: false}\n",
			want: []want{{"advice-response", "C-ethics-committee", finding.Warning, 5, 5, "unasked advice of 2025-06-01"}}},
		{name: "other bodies are not counted", yaml: head + "  - {body: audit_office, date: 2020-01-01}\n  - {body: dpo, date: 2020-01-01}\n"},
		{name: "no date, no clock: not assessed, so said", yaml: head + "  - {body: ethics_committee}\n",
			want: []want{{"advice-response", "C-ethics-committee", finding.Warning, 5, 5, "the ethics committee's advice has no valid date, so whether the municipality answered it in time cannot be checked"}}},
		{name: "each open advice", yaml: head + "  - {body: ethics_committee, date: 2024-01-01, response: {date: 2024-02-01}}\n  - {body: ethics_committee, date: 2025-01-01}\n  - {body: ethics_committee, date: 2026-01-01, asked: true}\n",
			want: []want{
				{"advice-response", "C-ethics-committee", finding.Warning, 6, 5, "advice of 2025-01-01"},
				{"advice-response", "C-ethics-committee", finding.Warning, 7, 5, "advice of 2026-01-01"}}},
	})
}

// The term comes from register.yaml.
func TestAdviceResponseTerm(t *testing.T) {
	rec := "id: a\nkind: algorithm\nstatus: active\nreviews:\n  - {body: ethics_committee, date: 2026-10-01}\n"
	for _, tt := range []struct {
		cfg  string
		want int
	}{{"", 0}, {"advice: {response_term: P6W}\n", 1}, {"advice: {response_term: P1Y}\n", 0}} {
		var cfg = configFrom(t, tt.cfg)
		if got := len(only(t, "advice-response", cfg, nil, testToday, rec)); got != tt.want {
			t.Errorf("%q: %d findings, want %d", tt.cfg, got, tt.want)
		}
	}
}
