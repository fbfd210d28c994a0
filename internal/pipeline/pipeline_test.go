package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// sensor is a record that follows the schema and leaves the checklist
// findings to report (no DPIA, no risks, ...).
const sensor = `id: geluid-markt
kind: sensor
name: Geluidsmeter Markt
summary: Meet het geluid op de Markt.
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Teamleider Milieu, email: milieu@voorbeeldstad.example}
purpose: Geluidsoverlast meten.
personal_data: {processed: "no"}
lifecycle: {start: 2025-03-01}
sensor_type: noise
`

var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func TestOpen(t *testing.T) {
	files := map[string]string{
		"sensors/geluid-markt.yaml": sensor,
		"sensors/kapot.yaml":        "id: [kapot\n",
	}
	tests := []struct {
		name        string
		git         bool // the register is the top of a Git work tree
		shallow     bool // ... of a shallow clone
		history     bool // Options.History
		wantRepo    bool
		wantProblem error
	}{
		{name: "outside Git: no history and nothing to warn about", history: true},
		{name: "in Git, history not asked for", git: true},
		{name: "in Git: the history is opened", git: true, history: true, wantRepo: true},
		{name: "a shallow clone is not trusted", git: true, shallow: true, history: true, wantProblem: ErrShallow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := testbed.Register(t, files)
			if tt.git {
				g := testbed.NewGit(t)
				head := g.Commit(today.AddDate(-1, 0, 0), "eerste", files)
				root = g.Dir
				if tt.shallow {
					if err := os.WriteFile(filepath.Join(g.Dir, ".git", "shallow"), []byte(head.String()+"\n"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			reg, err := Open(root, Options{History: tt.history})
			if err != nil {
				t.Fatal(err)
			}
			defer reg.Close()
			if (reg.Repo != nil) != tt.wantRepo || (reg.History() != nil) != tt.wantRepo {
				t.Errorf("Repo = %v, History() = %v; want a history: %v", reg.Repo, reg.History(), tt.wantRepo)
			}
			if !errors.Is(reg.HistoryProblem, tt.wantProblem) {
				t.Errorf("HistoryProblem = %v, want %v", reg.HistoryProblem, tt.wantProblem)
			}
			if n := reg.Unread(); n != 1 {
				t.Errorf("Unread = %d, want 1 (kapot.yaml)", n)
			}
			if got := len(reg.Records().Records); got != 1 {
				t.Errorf("%d records loaded, want 1", got)
			}
		})
	}
}

func TestCheckRunsOnceAndFindingsAreLocated(t *testing.T) {
	root := testbed.Register(t, map[string]string{"sensors/geluid-markt.yaml": sensor, "sensors/kapot.yaml": "id: [kapot\n"})
	reg, err := Open(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := reg.Check(today)
	if len(first) == 0 {
		t.Fatal("the checklist found nothing on a record without DPIA or risks")
	}
	if again := reg.Check(today); &again[0] != &first[0] {
		t.Error("a second Check on the same day ran the checklist again")
	}
	all := reg.Findings(today)
	if len(all) != len(first)+len(reg.Loaded.Findings) {
		t.Errorf("Findings has %d, want the load's %d and the checklist's %d", len(all), len(reg.Loaded.Findings), len(first))
	}
	if !slices.IsSortedFunc(all, func(a, b finding.Finding) int { return strings.Compare(a.File, b.File) }) {
		t.Error("Findings are not sorted by file")
	}
	for _, f := range all {
		if f.Path != "" && f.File == "sensors/geluid-markt.yaml" && f.Line == 0 {
			t.Errorf("finding %s at %s has no line", f.Rule, f.Path)
		}
	}
	later := reg.Check(today.AddDate(5, 0, 0))
	if len(later) == 0 || &later[0] == &first[0] {
		t.Error("Check on another day returned the first day's findings")
	}
}

// TestHandOverEach: after a load that ran the checklist, the findings
// handed over one at a time are those Check gives, and are handed over
// once: the register lets go of them, and a later Check runs the
// checklist again. On another day the checklist runs for that day.
func TestHandOverEach(t *testing.T) {
	root := testbed.Register(t, map[string]string{"sensors/geluid-markt.yaml": sensor, "sensors/kapot.yaml": "id: [kapot\n"})
	open := func() *Register {
		reg, err := Open(root, Options{Check: true, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { reg.Close() })
		return reg
	}
	want := open().Check(today)
	reg := open()
	var got []finding.Finding
	reg.HandOverEach(today, func(f *finding.Finding) { got = append(got, *f) })
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("handed over %d findings, want Check's %d, in its order", len(got), len(want))
	}
	if reg.Loaded.Checked != nil || reg.packed != nil {
		t.Error("the register still holds the findings it handed over")
	}
	if again := reg.Check(today); len(again) != len(want) {
		t.Errorf("Check after the hand-over found %d, want %d", len(again), len(want))
	}
	later := today.AddDate(5, 0, 0)
	var n int
	open().HandOverEach(later, func(*finding.Finding) { n++ })
	if fresh := open().Check(later); n != len(fresh) {
		t.Errorf("handed over %d findings five years on, want that day's %d", n, len(fresh))
	}
}

func TestOpenRefusesWhatIsNoRegister(t *testing.T) {
	if _, err := Open(t.TempDir(), Options{History: true}); err == nil || !strings.Contains(err.Error(), "no sensors/ or algorithms/") {
		t.Errorf("Open on an empty folder = %v, want an error naming sensors/ and algorithms/", err)
	}
}

// TestCheckIsAskedForNotADate: the checklist runs while the records load
// when Check says so, on any day, the zero one too; without it none runs.
func TestCheckIsAskedForNotADate(t *testing.T) {
	root := testbed.Register(t, map[string]string{"sensors/geluid-markt.yaml": sensor})
	for _, tt := range []struct {
		opts    Options
		checked bool
	}{
		{Options{Check: true, Today: today}, true},
		{Options{Check: true}, true},
		{Options{Today: today}, false},
	} {
		reg, err := Open(root, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := reg.Loaded.Checked != nil; got != tt.checked {
			t.Errorf("Open(%+v): checklist ran while loading: %v, want %v", tt.opts, got, tt.checked)
		}
		reg.Close()
	}
}
