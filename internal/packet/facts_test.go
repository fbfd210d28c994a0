package packet

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// marked returns a copy of the field table with the fields at paths marked
// as key facts, as a new row of the table would be.
func marked(paths ...string) []field.Field {
	table := slices.Clone(field.All)
	for i := range table {
		if slices.Contains(paths, table[i].Path) {
			table[i].Fact = true
		}
	}
	return table
}

func factText(fs []Fact) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Label + ": " + f.Value + "\n")
	}
	return b.String()
}

func TestFactsFollowTheTable(t *testing.T) {
	yes := true
	r := &record.Record{
		ID: "cam-1", Kind: record.Sensor, Status: "active", Summary: "Een camera.",
		Themes:   []string{"economie", "wonen"},
		Security: &record.Security{LastAudit: "2025-03-01", Measures: "Versleuteld."},
		Signage:  &record.Signage{Present: &yes},
	}
	scope := factScope{reg: &register.Register{}}
	tests := []struct {
		name, lang string
		table      []field.Field
		want       []string // lines the facts hold
		not        []string // text they do not
	}{
		{"table as it is", "nl", field.All, []string{"Status: In gebruik"}, []string{"Thema", "Beveiliging", "Herkenbaarheid"}},
		{"a list of enumerated values", "nl", marked("themes"), []string{"Thema: Economie; Wonen"}, nil},
		{"in English", "en", marked("themes"), []string{"Theme: Economy; Housing"}, nil},
		{"a group, field by field", "nl", marked("security"),
			[]string{"Beveiliging: Laatste beveiligingsaudit: 1 maart 2025", "Maatregelen: Versleuteld."}, []string{"Auditrapport"}},
		{"an empty field says so", "nl", marked("supplier"), []string{"Leverancier: Niet ingevuld"}, nil},
		{"a field of the other kind is left out", "nl", marked("explanation"), nil, []string{"Hoe werkt het"}},
		{"a boolean", "nl", marked("signage"), []string{"Borden of markering aanwezig: Ja"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := factText(labelsFor(tt.lang).factsFrom(tt.table, r, scope))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("facts lack %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("facts hold %q:\n%s", n, got)
				}
			}
		})
	}
}

// TestEveryFactStated holds the packet to the table: each field marked Fact
// is stated once, by a fact of its own or by the fact that covers it, and
// the packet states nothing the table does not mark.
func TestEveryFactStated(t *testing.T) {
	for _, k := range record.Kinds {
		r := &record.Record{Kind: k, Location: &record.Location{}, AIAct: &record.AIAct{},
			Reviews: []record.Review{{Body: "ethics_committee"}}}
		fs := labelsFor("nl").facts(r, factScope{reg: &register.Register{}})
		stated := map[string]int{}
		for _, f := range fs {
			fieldPath := ""
			for _, ff := range field.All {
				if ff.Fact && nlLabel(ff.Path) == f.Label {
					fieldPath = ff.Path
				}
			}
			if fieldPath == "" {
				t.Errorf("%s: fact %q is no field the table marks", k, f.Label)
				continue
			}
			stated[fieldPath]++
			for _, c := range factWriters[fieldPath].covers {
				stated[c]++
			}
		}
		for _, f := range field.All {
			if f.Fact && f.For(k) && stated[f.Path] != 1 {
				t.Errorf("%s: %s stated %d times, want once", k, f.Path, stated[f.Path])
			}
		}
	}
}

// nlLabel is a field's label as the Dutch packet gives it.
func nlLabel(path string) string { return labelsFor("nl").field(path) }

// TestFactWritersInTable keeps the packet's wordings to fields the table
// marks, so a wording cannot outlive its row.
func TestFactWritersInTable(t *testing.T) {
	for path, w := range factWriters {
		for _, p := range append([]string{path}, w.covers...) {
			if f, ok := field.Lookup(p); !ok || !f.Fact {
				t.Errorf("packet words %s, which the field table does not mark Fact", p)
			}
		}
	}
}

// TestFactOrderMadeOnce checks the order made once per kind is the one
// factOrder makes, and that facts, which uses it, states a record's facts
// as factsFrom of the whole table does, for each kind and a kind unknown.
func TestFactOrderMadeOnce(t *testing.T) {
	for _, k := range append(slices.Clone(record.Kinds), "other") {
		if got, want := allFactOrder()[k], factOrder(field.All, k); k != "other" && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: order made once differs from factOrder", k)
		}
		r := &record.Record{Kind: k, Summary: "Telt fietsen.", Status: "in_use", Location: &record.Location{}}
		got, want := factText(nl.facts(r, factScope{reg: &register.Register{}})), factText(nl.factsFrom(field.All, r, factScope{reg: &register.Register{}}))
		if got != want || got == "" {
			t.Errorf("%s: facts\n%s\nwant\n%s", k, got, want)
		}
	}
}

// The evaluation fact names the next evaluation for a record in use on the
// packet's day (lifecycle.InUseOn), as the checklist and the due list see
// it: a record labelled planned whose start has passed has one; one not
// started has none yet.
func TestEvaluationFactFollowsUseOnTheDay(t *testing.T) {
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		status, start string
		next          bool
		// public: a public packet's view of a record that withholds
		// its status: it reads as none, and its dates as in use.
		public bool
	}{
		{"active", "2026-01-01", true, false},
		{"planned", "2026-01-01", true, false},
		{"in_development", "2026-12-07", true, false},
		{"planned", "2027-01-01", false, false},
		{"retired", "2026-01-01", false, false},
		{"", "2020-01-01", false, true},
	} {
		r := &record.Record{Kind: record.Algorithm, Status: tt.status, Lifecycle: record.Lifecycle{Start: tt.start}}
		if tt.public {
			r.Publication = &record.Publication{Withheld: []string{"status"}, Reason: "Woo"}
		}
		got := en.evaluation(r, factScope{reg: &register.Register{Config: config.Default()}, today: today, public: tt.public})
		if strings.Contains(got, "next by") != tt.next {
			t.Errorf("%s, started %s: %q, want a next evaluation: %v", tt.status, tt.start, got, tt.next)
		}
	}
}

// The kind line says how many devices a sensor record describes: the
// committee's packet a withheld number too, the public one that it is
// not public, and both that a number given as no count is not known.
func TestKindLineQuantity(t *testing.T) {
	withheld := &record.Publication{Withheld: []string{"quantity"}, Reason: "Woo"}
	for _, tt := range []struct {
		r      record.Record
		public bool
		want   string
	}{
		{record.Record{Quantity: 7}, false, "Sensor (7 units)"},
		{record.Record{}, false, "Sensor"},
		{record.Record{QuantityInvalid: true}, false, "Sensor (number unknown)"},
		{record.Record{Quantity: 7, Publication: withheld}, false, "Sensor (7 units)"},
		{record.Record{Publication: withheld}, true, "Sensor (number not public)"},
	} {
		tt.r.Kind = record.Sensor
		if got := en.kind(&tt.r, tt.public); got != tt.want {
			t.Errorf("quantity %d, invalid %v, public %v: %q, want %q", tt.r.Quantity, tt.r.QuantityInvalid, tt.public, got, tt.want)
		}
	}
}

// The AI Act fact states the literacy measures too, so the committee
// weighs what art. 4 asks, not only that the checklist found them missing.
func TestAIActFactStatesLiteracy(t *testing.T) {
	r := &record.Record{Kind: record.Algorithm, AIAct: &record.AIAct{Category: "minimal", Basis: "Counts.", Literacy: "Staff are trained."}}
	got := factText(labelsFor("en").facts(r, factScope{reg: &register.Register{}}))
	if !strings.Contains(got, "Minimal risk: Counts.\nAI literacy of staff (art. 4): Staff are trained.") {
		t.Errorf("facts lack the literacy measures:\n%s", got)
	}
}

// Where the next evaluation cannot be worked out, the evaluation fact says
// so, with the interval that applies, rather than "not given" for a
// record that gives one.
func TestEvaluationFactWithoutADateToCountFrom(t *testing.T) {
	scope := factScope{reg: &register.Register{Config: config.Default()}, today: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}
	for _, tt := range []struct {
		ev   record.Evaluation
		want string
	}{
		{record.Evaluation{Interval: "P2Y"}, "Every 2 years; the next evaluation cannot be worked out"},
		{record.Evaluation{}, "Every 4 years; the next evaluation cannot be worked out"},
		{record.Evaluation{Interval: "P1000000Y"}, "Interval P1000000Y; the next evaluation cannot be worked out"},
		{record.Evaluation{Last: "kort geleden"}, `Every 4 years; last on "kort geleden" (not a date); the next evaluation cannot be worked out`},
		// A date still to come counts for nothing, as in check and due.
		{record.Evaluation{Last: "2099-01-15"}, `Every 4 years; never evaluated (evaluation.last is 15 January 2099, a date still to come); the next evaluation cannot be worked out`},
	} {
		r := &record.Record{Kind: record.Algorithm, Status: "active", Evaluation: tt.ev}
		if got := en.evaluation(r, scope); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.ev, got, tt.want)
		}
	}
}

// The life-cycle fact of a public view leaves out a date the record
// withholds, which the packet notes as not public, rather than calling it
// not given; the committee's packet states it.
func TestLifecycleFactLeavesOutWithheldDates(t *testing.T) {
	for _, tt := range []struct {
		withheld []string
		lc       record.Lifecycle
		want     string
	}{
		{nil, record.Lifecycle{Start: "2026-01-01", End: "2027-01-01"}, "From 1 January 2026 to 1 January 2027"},
		{nil, record.Lifecycle{Start: "2026-01-01"}, "From 1 January 2026, with no end date"},
		{[]string{"lifecycle.start"}, record.Lifecycle{End: "2027-01-01"}, "To 1 January 2027"},
		{[]string{"lifecycle.start"}, record.Lifecycle{Start: "2026-01-01", End: "2027-01-01"}, "To 1 January 2027"},
		{[]string{"lifecycle.start"}, record.Lifecycle{}, "With no end date"},
		{[]string{"lifecycle.end"}, record.Lifecycle{Start: "2026-01-01"}, "From 1 January 2026"},
		{[]string{"lifecycle.start", "lifecycle.end"}, record.Lifecycle{}, ""},
	} {
		r := &record.Record{Lifecycle: tt.lc}
		if tt.withheld != nil {
			r.Publication = &record.Publication{Withheld: tt.withheld, Reason: "Woo"}
		}
		if got := en.lifecycle(r, true); got != tt.want {
			t.Errorf("withholding %v: %q, want %q", tt.withheld, got, tt.want)
		}
		// The committee's packet states what is withheld, marked.
		if got := en.lifecycle(r, false); tt.withheld != nil && tt.lc.Start != "" && !strings.HasPrefix(got, "From 1 January 2026") {
			t.Errorf("withholding %v, for the committee: %q", tt.withheld, got)
		}
	}
}

// A public packet says the state of an evaluation that rests on a withheld
// field is not public, as the site does, rather than work it out of what
// is left ("never evaluated" where the last evaluation is withheld); the
// committee's states it.
func TestPublicEvaluationFactWithheld(t *testing.T) {
	scope := factScope{reg: &register.Register{Config: config.Default()}, today: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), public: true}
	for _, withheld := range []string{"evaluation.last", "evaluation.interval", "lifecycle.start", "status"} {
		r := &record.Record{Kind: record.Algorithm, Status: "active", Lifecycle: record.Lifecycle{Start: "2024-01-01"},
			Evaluation:  record.Evaluation{Last: "2026-01-10", Interval: "P6M"},
			Publication: &record.Publication{Withheld: []string{withheld}, Reason: "Woo"}}
		if got := en.evaluation(r, scope); got != "The state of the evaluation is not public" {
			t.Errorf("withholding %s: %q", withheld, got)
		}
		committee := scope
		committee.public = false
		if got := en.evaluation(r, committee); !strings.HasPrefix(got, "Every 6 months; last on 10 January 2026") {
			t.Errorf("withholding %s, for the committee: %q", withheld, got)
		}
	}
	r := &record.Record{Lifecycle: record.Lifecycle{ExtensionCriteria: "If it works."}, Publication: &record.Publication{Withheld: []string{"lifecycle.start", "lifecycle.end"}, Reason: "Woo"}}
	if got := en.lifecycle(r, true); got != "Criteria for extension: If it works." {
		t.Errorf("life cycle with both dates withheld: %q", got)
	}
}
