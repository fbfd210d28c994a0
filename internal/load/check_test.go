package load

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/testgen"
	"github.com/voorbeeldstad/register/internal/validate"
)

// checkTwice loads root with the checklist run in the workers (Options.Check)
// and the way it was done before: the checklist over the loaded register,
// then every finding placed by reading its file again (Locate).
// With facts, the load keeps no records, only their facts (Options.Facts).
func checkTwice(t *testing.T, root string, opts principle.Options, facts bool) (got, want []finding.Finding) {
	t.Helper()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Register(root, Options{Validator: v, Check: &opts, Facts: facts})
	if err != nil {
		t.Fatal(err)
	}
	old, err := Register(root, Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	fs := principle.Run(old.Register, opts)
	Locate(root, fs)
	want = append(old.Findings, fs...)
	finding.Sort(want)
	got = append(res.Findings, res.Checked.Slice(0)...)
	finding.Sort(got)
	return got, want
}

// TestCheckInOneParse proves that checking each record while its file is
// parsed gives the same findings, positions and order as checking after
// loading and reading every file again: on the bundled register, the
// example village, generated registers (with custom rules, within and
// beyond their budget) and one full of register-wide mistakes.
func TestCheckInOneParse(t *testing.T) {
	gen := t.TempDir()
	if err := testgen.Write(gen, 150, 3); err != nil {
		t.Fatal(err)
	}
	custom := func(cost int) string {
		dir := t.TempDir()
		if err := testgen.Write(dir, 60, 5); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, "register.yaml")
		text := readFile(t, name) + "rules_custom:\n  - id: drone-review\n    when: record.kind == \"sensor\"\n    require: has(record.reviews)\n"
		if cost > 0 {
			if !strings.Contains(text, "\nlimits:\n") {
				t.Fatal("the generated register.yaml has no limits: block to extend")
			}
			text = strings.Replace(text, "\nlimits:\n", "\nlimits:\n  custom_rules_cost: "+strconv.Itoa(cost)+"\n", 1)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	mistakes := write(t, map[string]string{
		"register.yaml":             "organisation: Gemeente Proef\n",
		"sensors/cam-markt.yaml":    sensor("cam-plein"),
		"sensors/dubbel.yaml":       sensor("dubbel"),
		"algorithms/dubbel.yaml":    algorithm("dubbel"),
		"algorithms/verkeerd.yaml":  sensor("verkeerd"),
		"algorithms/routes.yaml":    algorithm("routes", "dubbel", "bestaat-niet", "cam-markt"),
		"sensors/ver.yaml":          strings.Replace(sensor("ver"), "point_rd: {x: 155100, y: 463100}", "point: {lat: 5.1, lon: 52.1}", 1),
		"sensors/kapot.yaml":        "id: kapot\nkind: [\n",
		"sensors/map/in-a-map.yaml": sensor("in-a-map"),
	})
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, root string
		clean      bool
	}{
		{"bundled register", "../../register", false},
		{"example village", "../../examples/dorp", true},
		{"generated", gen, false},
		{"custom rules", custom(0), false},
		{"custom rules beyond their budget", custom(5), false},
		{"register-wide mistakes", mistakes, false},
	} {
		for _, facts := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, stand-ins %v", tc.name, facts), func(t *testing.T) {
				got, want := checkTwice(t, tc.root, principle.Options{Today: today}, facts)
				if len(want) == 0 && !tc.clean {
					t.Fatal("no findings: the comparison proves nothing")
				}
				if !reflect.DeepEqual(got, want) {
					for i := range min(len(got), len(want)) {
						if !reflect.DeepEqual(got[i], want[i]) {
							t.Fatalf("finding %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
						}
					}
					t.Fatalf("%d findings, want %d", len(got), len(want))
				}
			})
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFactsKeepNoRecords: with Facts, with or without Check, the register
// holds no records, only each file's id (Result.IDs), the same as a load
// of the whole records gives, and the same findings.
func TestFactsKeepNoRecords(t *testing.T) {
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Register("../../register", Options{Validator: v})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Register.Records) == 0 || len(whole.IDs) != len(whole.Register.Records) {
		t.Fatalf("%d records, %d ids", len(whole.Register.Records), len(whole.IDs))
	}
	for _, r := range whole.Register.Records {
		if whole.IDs[r.File] != r.ID {
			t.Errorf("%s: id %q, want %q", r.File, whole.IDs[r.File], r.ID)
		}
	}
	check := &principle.Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		check   *principle.Options
		records int
	}{{check, 0}, {nil, 0}} {
		res, err := Register("../../register", Options{Validator: v, Check: tc.check, Facts: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Register.Records) != tc.records {
			t.Errorf("check %v: %d records, want %d", tc.check != nil, len(res.Register.Records), tc.records)
		}
		if !reflect.DeepEqual(res.IDs, whole.IDs) {
			t.Errorf("check %v: ids %v, want %v", tc.check != nil, res.IDs, whole.IDs)
		}
		if tc.check == nil && !reflect.DeepEqual(res.Findings, whole.Findings) {
			t.Errorf("facts only: findings\n%v\nwant\n%v", res.Findings, whole.Findings)
		}
	}
}
