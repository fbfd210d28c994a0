package site

import (
	"path/filepath"
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// The record page's evaluation state asks what the checklist and the due
// list ask (lifecycle.Evaluated): a suspended record's evaluation lapses
// as an active one's does, a planned or retired one has none due.
func TestEvalStateFollowsWhetherTheEvaluationFallsDue(t *testing.T) {
	for _, tt := range []struct {
		status, last, want string
	}{
		{"active", "2020-01-01", "lapsed"},
		{"active", "2025-01-01", "ok"},
		{"suspended", "2020-01-01", "lapsed"},
		{"suspended", "2025-01-01", "ok"},
		{"planned", "2020-01-01", "na"},
		{"in_development", "2020-01-01", "na"},
		{"retired", "2020-01-01", "na"},
	} {
		r := &record.Record{ID: "r", Kind: record.Algorithm, Status: tt.status,
			Lifecycle: record.Lifecycle{Start: "2019-01-01"}, Evaluation: record.Evaluation{Last: tt.last}}
		reg := register.New(t.TempDir(), config.Default(), []*record.Record{r})
		b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := b.evalState(r); got != tt.want {
			t.Errorf("%s, last evaluated %s: evaluation state %q, want %q", tt.status, tt.last, got, tt.want)
		}
	}
}
