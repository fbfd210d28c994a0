package principle

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// generated decodes n generated records, a few of them with exceptions.
func generated(t *testing.T, n int) []*record.Record {
	t.Helper()
	var recs []*record.Record
	for i := range n {
		kind, id, text := testgen.Record(i, 7)
		if i%5 == 0 && !bytes.Contains(text, []byte("\nexceptions:")) {
			text = append(text, exceptionLine("problem-and-alternatives", day("2026-01-01"), day("2026-12-01"))...)
		}
		doc, fs := source.Parse(id, text, source.DefaultLimits)
		if doc == nil {
			t.Fatalf("record %d: %v", i, fs)
		}
		rec := &record.Record{}
		_ = doc.Root.Decode(rec)
		rec.File = testgen.Folder(kind) + "/" + id + ".yaml"
		recs = append(recs, rec)
	}
	return recs
}

// checkAll runs a Checklist over the register on four workers, as load does.
func checkAll(reg *register.Register, opts Options) (*Checklist, []Outcome) {
	c := NewChecklist(reg.Config, opts)
	outs := make([]Outcome, len(reg.Records))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(reg.Records); i += 4 {
				outs[i] = c.Record(reg.Records[i])
			}
		}()
	}
	wg.Wait()
	return c, outs
}

// TestChecklistIsRun proves that checking record by record on several
// workers gives Run's findings in Run's order, with and without custom
// rules, history and exceptions.
func TestChecklistIsRun(t *testing.T) {
	recs := generated(t, 300)
	custom := config.Default()
	custom.RulesCustom = []config.CustomRule{{ID: "drone-review", When: `record.sensor_type == "drone"`, Require: "has(record.reviews)"},
		{ID: "no-id", Require: "record.id == 1"}} // fails to evaluate: a warning on every record
	custom.Rules = map[string]config.RuleSetting{"nonexistent-rule": {Severity: finding.Warning}, "lifecycle-end": {Severity: finding.Off}}
	hist := fakeHistory{start: "2024-01-01", first: map[string]string{}}
	for i, r := range recs {
		if i%3 == 0 {
			hist.first[r.File] = "2025-03-04"
		}
	}
	later := config.Default()
	later.AIAct.HighRiskFrom = "2028-06-01"
	later.Changes = []config.Change{{Key: "ai_act.high_risk_from", Value: "2028-06-01", Default: config.LawHighRiskFrom, Place: config.Place{File: config.FileName, Line: 2, Column: 19}}}
	for _, tc := range []struct {
		name string
		cfg  *config.Config
		hist History
	}{
		{"builtin", config.Default(), nil},
		{"custom rules and settings", custom, nil},
		{"a high-risk date later than the law's", later, nil},
		{"history", config.Default(), hist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := register.New("gen", tc.cfg, recs)
			opts := Options{Today: day(testToday), History: tc.hist}
			want := Run(reg, opts)
			c, outs := checkAll(reg, opts)
			got, exact := c.Finish(reg, outs)
			if !exact {
				t.Fatal("a run within the budget is reported inexact")
			}
			if len(want) == 0 {
				t.Fatal("the generated records have no findings: the comparison proves nothing")
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Checklist gives %d findings, Run %d; first difference: %v", len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

func firstDiff(a, b []finding.Finding) any {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return [2]finding.Finding{a[i], b[i]}
		}
	}
	return "one is longer"
}

// TestChecklistBudget: custom rules that use up the run's budget make the
// run inexact, because which records they skip depends on the order.
func TestChecklistBudget(t *testing.T) {
	recs := generated(t, 50)
	cfg := config.Default()
	cfg.RulesCustom = []config.CustomRule{{ID: "named", Require: `record.name != ""`}}
	for _, tc := range []struct {
		limit uint64
		exact bool
	}{{config.DefaultCustomRulesCost, true}, {10, false}, {0, false}} {
		cfg.Limits.CustomRulesCost = tc.limit
		reg := register.New("gen", cfg, recs)
		c, outs := checkAll(reg, Options{Today: day(testToday)})
		if _, exact := c.Finish(reg, outs); exact != tc.exact {
			t.Errorf("limit %d: exact %v, want %v", tc.limit, exact, tc.exact)
		}
	}
}

// TestChecklistHistoryAnswers: an outcome notes what history said about
// the record and stays valid only while history says the same.
func TestChecklistHistoryAnswers(t *testing.T) {
	text := `id: cam-plein
kind: sensor
name: Camera Plein
lifecycle: {start: 2025-06-01}
`
	fx := newFixture(t, config.Default(), text)
	rec := fx.reg.Records[0]
	then := fakeHistory{start: "2024-01-01", first: map[string]string{rec.File: "2025-05-30"}}
	c := NewChecklist(fx.reg.Config, Options{Today: day(testToday), History: then})
	o := c.Record(rec)
	if len(o.History) == 0 {
		t.Fatal("the notice-period rule asked history nothing")
	}
	for _, tc := range []struct {
		name  string
		hist  History
		valid bool
	}{
		{"same history", then, true},
		{"no history", nil, false},
		{"another first commit", fakeHistory{start: "2024-01-01", first: map[string]string{rec.File: "2025-05-01"}}, false},
		{"not committed", fakeHistory{start: "2024-01-01"}, false},
		{"another start", fakeHistory{start: "2023-01-01", first: map[string]string{rec.File: "2025-05-30"}}, false},
	} {
		now := NewChecklist(fx.reg.Config, Options{Today: day(testToday), History: tc.hist})
		if got := now.Valid(o); got != tc.valid {
			t.Errorf("%s: valid %v, want %v", tc.name, got, tc.valid)
		}
	}
	if (&Checklist{ctx: &Context{day: newClock(time.Time{})}}).Valid(Outcome{History: []HistoryAnswer{{At: time.Time{}, OK: false}}}) {
		t.Error("an outcome that asked history is valid in a run without it")
	}
}

// TestChecklistSkippedIsNoPass: a record checked once the run's budget is
// spent holds the finding that its custom rule was not evaluated, and its
// outcome says it is incomplete, so it is not kept as a pass.
func TestChecklistSkippedIsNoPass(t *testing.T) {
	cfg := config.Default()
	cfg.RulesCustom = []config.CustomRule{{ID: "named", Require: `record.name == "x"`}}
	cfg.Limits.CustomRulesCost = 0
	recs := generated(t, 3)
	c := NewChecklist(cfg, Options{Today: day(testToday)})
	for _, rec := range recs {
		o := c.Record(rec)
		if o.Complete {
			t.Errorf("%s: the outcome of a skipped evaluation is complete", rec.ID)
		}
		if !slices.ContainsFunc(o.Findings, func(f finding.Finding) bool {
			return f.Rule == "named" && strings.Contains(f.Message.In("en"), "not evaluated")
		}) {
			t.Errorf("%s: no finding that the custom rule was not evaluated: %+v", rec.ID, o.Findings)
		}
	}
}
