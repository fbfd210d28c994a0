package packet

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

func TestFindingsInThePacketsLanguage(t *testing.T) {
	fs := []finding.Finding{
		{Record: "cam", Rule: "owner-reachable", Principle: "VNG 3.7", Severity: finding.Error,
			Message: label.Text{"Er staat geen e-mailadres bij.", "owner.email is missing"},
			Help:    label.Text{"Vul owner.email in.", "add owner.email"}},
		// The schema check speaks English only.
		{Record: "cam", Rule: finding.RuleSchema, Severity: finding.Warning, Message: label.Text{"", "unknown key x"}, Help: label.Text{"", "remove x"}},
	}
	tests := []struct {
		lang      string
		rows      [2][3]string // message, help, lang of each row, most severe first
		titleRule string
	}{
		{"nl", [2][3]string{{"Er staat geen e-mailadres bij.", "Vul owner.email in.", ""}, {"unknown key x", "remove x", "en"}}, "Verantwoordelijke bekend en bereikbaar"},
		{"en", [2][3]string{{"owner.email is missing", "add owner.email", ""}, {"unknown key x", "remove x", ""}}, "Responsible officer known and reachable"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			rows := labelsFor(tt.lang).findings(fs, map[string]map[string]bool{})
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2", len(rows))
			}
			for i, want := range tt.rows {
				r := rows[i]
				if r.Message != want[0] || r.Help != want[1] || r.Lang != want[2] {
					t.Errorf("row %d = %q, %q, lang %q; want %q, %q, lang %q", i, r.Message, r.Help, r.Lang, want[0], want[1], want[2])
				}
			}
			if rows[0].Title != tt.titleRule {
				t.Errorf("title %q, want %q", rows[0].Title, tt.titleRule)
			}
		})
	}
}

func TestEnglishPacketShowsEnglishFindings(t *testing.T) {
	p := fixture(t, "en")
	for _, f := range []Format{HTML, Markdown} {
		s := string(render(t, p, f))
		if !strings.Contains(s, "no signs") || !strings.Contains(s, "add signage") {
			t.Errorf("%v: the English packet lacks the English message and help", f)
		}
		if strings.Contains(s, "geen borden") || strings.Contains(s, "hang borden op") {
			t.Errorf("%v: the English packet shows the Dutch message", f)
		}
	}
	nl := string(render(t, fixture(t, "nl"), Markdown))
	if !strings.Contains(nl, "geen borden") || !strings.Contains(nl, "*hang borden op*") || strings.Contains(nl, "no signs") {
		t.Error("the Dutch Markdown packet does not show the Dutch message and help")
	}
}
