package config

import (
	"fmt"
	"testing"
)

// Every part of the file that build reads reports a bad value at its line,
// in the order of the parts, and the default stands in.
func TestEveryBadValueIsPlacedAndDefaulted(t *testing.T) {
	text := `open_data:
  licence: not a uri
languages: [nl, de]
evaluation:
  default_interval: soon
  intervals:
    camera: often
due_within: P1Q
limits:
  data_sharing_max: 3 years
  custom_rules_cost: -1
notice:
  period: P4W
  since: 2026-13-01
  new_file_url: http://forge.example/new
  email: a@b.example, c@d.example
advice:
  response_term: week
ai_act:
  high_risk_from: later
plain_language:
  min_reading_ease: 101
  min_words: zero
supplier_watch: 3
rules_custom: [a]
`
	c, fs, err := Load(writeConfig(t, text))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line int
		key  string
	}{
		{2, "open_data.licence"}, {3, "language"}, {5, "evaluation.default_interval"}, {7, "evaluation.intervals.camera"},
		{8, "due_within"}, {10, "limits.data_sharing_max"}, {11, "limits.custom_rules_cost"}, {14, "notice.since"},
		{15, "notice.new_file_url"}, {16, "notice.email"}, {18, "advice.response_term"}, {20, "ai_act.high_risk_from"},
		{22, "plain_language.min_reading_ease"}, {23, "plain_language.min_words"}, {24, "supplier_watch"}, {25, "rules_custom"},
	}
	if len(fs) != len(want) {
		t.Fatalf("%d findings, want %d: %v", len(fs), len(want), fs)
	}
	for i, w := range want {
		if f := fs[i]; f.Line != w.line || f.File != FileName || !hasPrefix(f.Message.In("en"), w.key) {
			t.Errorf("finding %d = %s:%d %q, want line %d about %s", i, f.File, f.Line, f.Message.In("en"), w.line, w.key)
		}
	}
	defaults := Default()
	_, camera := c.Evaluation.Intervals["camera"]
	got := fmt.Sprintln(c.OpenData.Licence, c.Languages, c.Evaluation.DefaultInterval, camera,
		c.DueWithin, c.Limits.DataSharingMax, c.Limits.CustomRulesCost, c.Notice.Period, c.Notice.Since, c.Notice.NewFileURL, c.Notice.Email,
		c.Advice.ResponseTerm, c.AIAct.HighRiskFrom, c.PlainLanguage.MinReadingEase, c.PlainLanguage.MinWords)
	wantValues := fmt.Sprintln(DefaultLicence, []string{"nl"}, defaults.Evaluation.DefaultInterval, false,
		defaults.DueWithin, defaults.Limits.DataSharingMax, uint64(DefaultCustomRulesCost), "P4W", "", "", "",
		defaults.Advice.ResponseTerm, defaults.AIAct.HighRiskFrom, 20.0, 15)
	if got != wantValues {
		t.Errorf("values = %s, want %s", got, wantValues)
	}
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
