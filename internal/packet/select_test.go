package packet

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
)

// story builds a register in Git: a first meeting's state, tagged as its
// packet, then a month of changes before the next meeting.
type story struct {
	g          *gitRegister
	first, tag string
}

func newStory(t *testing.T) *story {
	t.Helper()
	g := newGitRegister(t)
	first := g.commit(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "register: first records", map[string]string{
		"register.yaml":             "organisation: Gemeente Testdorp\n",
		"sensors/stil.yaml":         sensor("stil", "Stille sensor", "weather", quietDates),
		"sensors/weg.yaml":          goneRecord,
		"sensors/cam-plein.yaml":    sensor("cam-plein", "Camera Marktplein", "camera", "lifecycle: {start: 2025-06-01, end: 2027-05-31}", "evaluation: {interval: P1Y, last: 2025-06-01}"),
		"sensors/afloop.yaml":       sensor("afloop", "Sensor die afloopt", "traffic_counter", "lifecycle: {start: 2026-01-01, end: 2027-01-15}", "evaluation: {interval: P4Y, last: 2026-01-01}"),
		"algorithms/meldingen.yaml": algorithm("meldingen", "Meldingen sorteren", "purpose: Meldingen naar het juiste team sturen.", quietDates),
		"algorithms/fout.yaml":      algorithm("fout", "Algoritme met een fout", "purpose: Iets.", quietDates),
	})
	if _, err := history.Tag(g.dir, "ethiek-2026-09", "", time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	g.commit(time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC), "register: new sensor, purpose of meldingen, weg removed", map[string]string{
		"sensors/nieuw.yaml":        sensor("nieuw", "Nieuwe luchtmeter", "air_quality", quietDates),
		"algorithms/meldingen.yaml": algorithm("meldingen", "Meldingen sorteren", "purpose: Meldingen over de openbare ruimte naar het juiste team sturen.", quietDates, "retention: P1Y"),
		"sensors/weg.yaml":          "",
	})
	return &story{g: g, first: first, tag: "ethiek-2026-09"}
}

// goneRecord is removed before the second meeting. It shares little with
// the record added then, so history does not take the two for a rename.
const goneRecord = `id: weg
kind: sensor
name: Geluidsmeting evenemententerrein
summary: Twee geluidsmeters op het evenemententerrein meten tijdens festivals het geluidsniveau.
status: retired
organisation: {name: Evenementenbureau Zuid, type: private, kvk: "12345678"}
owner: {role: Productieleider, email: productie@evenementen.example, phone: "0101234567"}
purpose: Controleren dat festivals zich aan de geluidsnormen uit de vergunning houden.
problem: Klachten van omwonenden over harde bassen na middernacht.
alternatives: Handmatige metingen door handhavers bleken te weinig.
personal_data: {processed: "no"}
sensor_type: noise
capabilities: [sound_level]
measures: [{property: geluidsniveau, unit: dB(A), frequency: elke minuut}]
location: {description: Evenemententerrein De Weide, area: Zuid, point: {lat: 52.0, lon: 5.0}}
lifecycle: {start: 2023-05-01, end: 2026-08-31}
evaluation: {interval: P1Y, last: 2025-09-01, outcome: Metingen bleven binnen de norm.}
`

// errorIn is the checklist's error finding the tests give the record "fout".
var errorIn = []finding.Finding{
	{File: "algorithms/fout.yaml", Line: 7, Record: "fout", Rule: "owner-reachable", Principle: "VNG 3.7", Severity: finding.Error,
		Message: label.Text{"", "the owner has no functional mailbox"}, Help: label.Text{"", "add owner.email"}},
	{File: "sensors/stil.yaml", Line: 3, Record: "stil", Rule: "signage", Principle: "VNG 4.3", Severity: finding.Warning,
		Message: label.Text{"", "no signage"}, Help: label.Text{"", "add signage"}},
}

func TestSelection(t *testing.T) {
	s := newStory(t)
	reg := loadRegister(t, s.g.dir)
	repo, err := history.Open(s.g.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()

	tests := []struct {
		name    string
		opts    Options
		want    map[string][]Reason // record id → reasons; absent ids are not on the agenda
		removed []string
	}{{
		name: "since the previous packet's tag",
		opts: Options{Since: s.tag, SinceFromTag: true},
		want: map[string][]Reason{
			"nieuw":     {New},
			"meldingen": {Changed},
			"cam-plein": {Due},      // yearly evaluation lapsed on 2026-06-01
			"afloop":    {Due},      // life cycle ends within 90 days
			"fout":      {Findings}, // an error; "stil" has only a warning
		},
		removed: []string{"sensors/weg.yaml"},
	}, {
		name: "by hand, and twice for the same reason",
		opts: Options{Since: s.tag, IDs: []string{"stil", "nieuw", " stil "}},
		want: map[string][]Reason{
			"nieuw": {New, Requested}, "meldingen": {Changed}, "cam-plein": {Due}, "afloop": {Due},
			"fout": {Findings}, "stil": {Requested},
		},
		removed: []string{"sensors/weg.yaml"},
	}, {
		name: "since a date between the commits",
		opts: Options{Since: "2026-09-15"},
		want: map[string][]Reason{
			"nieuw": {New}, "meldingen": {Changed}, "cam-plein": {Due}, "afloop": {Due}, "fout": {Findings},
		},
		removed: []string{"sensors/weg.yaml"},
	}, {
		name: "since HEAD: nothing new or changed",
		opts: Options{Since: "HEAD"},
		want: map[string][]Reason{"cam-plein": {Due}, "afloop": {Due}, "fout": {Findings}},
	}, {
		name: "no previous packet",
		opts: Options{},
		want: map[string][]Reason{"cam-plein": {Due}, "afloop": {Due}, "fout": {Findings}},
	}, {
		name:    "a shorter window leaves the ending life cycle out",
		opts:    Options{Since: s.tag, Within: period.MustParse("P30D")},
		want:    map[string][]Reason{"nieuw": {New}, "meldingen": {Changed}, "cam-plein": {Due}, "fout": {Findings}},
		removed: []string{"sensors/weg.yaml"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Today, opts.History = meeting, repo
			p, err := Build(reg, errorIn, opts)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]Reason{}
			for _, it := range p.Items {
				got[it.Record.ID] = it.Reasons
			}
			if len(got) != len(tt.want) {
				t.Errorf("agenda = %v, want %v", got, tt.want)
			}
			for id, want := range tt.want {
				if !slices.Equal(got[id], want) {
					t.Errorf("%s: reasons %v, want %v", id, got[id], want)
				}
			}
			var removed []string
			for _, r := range p.Removed {
				removed = append(removed, r.File)
			}
			if !slices.Equal(removed, tt.removed) {
				t.Errorf("removed = %v, want %v", removed, tt.removed)
			}
			if p.Commit != repo.Head() {
				t.Errorf("commit = %q, want HEAD %q", p.Commit, repo.Head())
			}
		})
	}
}

func TestChangesAndAgendaOrder(t *testing.T) {
	s := newStory(t)
	reg := loadRegister(t, s.g.dir)
	repo, err := history.Open(s.g.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	p, err := Build(reg, errorIn, Options{Today: meeting, History: repo, Since: s.tag, SinceFromTag: true})
	if err != nil {
		t.Fatal(err)
	}
	// Sensors first, then algorithms, each by name.
	var order []string
	for _, it := range p.Items {
		order = append(order, it.Record.ID)
	}
	if want := []string{"cam-plein", "nieuw", "afloop", "fout", "meldingen"}; !slices.Equal(order, want) {
		t.Errorf("agenda order = %v, want %v", order, want)
	}
	if want := "ethiek-2026-09 (de tag van het vorige pakket): commit " + s.first[:12] + " van 1 september 2026"; p.Since != want {
		t.Errorf("since = %q, want %q", p.Since, want)
	}

	m := p.Item("meldingen")
	wantChanges := []ChangeRow{
		{Field: "Doel en impact", Change: "Gewijzigd", Old: "Meldingen naar het juiste team sturen.", New: "Meldingen over de openbare ruimte naar het juiste team sturen."},
		{Field: "Bewaartermijn", Change: "Toegevoegd", New: "P1Y"},
	}
	if !slices.Equal(m.Changes, wantChanges) {
		t.Errorf("changes = %+v, want %+v", m.Changes, wantChanges)
	}
	if len(m.Commits) != 1 || m.Commits[0].Subject != "register: new sensor, purpose of meldingen, weg removed" || m.Commits[0].Date != "5 oktober 2026" {
		t.Errorf("commits = %+v", m.Commits)
	}
	n := p.Item("nieuw")
	if len(n.Changes) != 0 || !strings.HasPrefix(n.ChangeNote, "Nieuw sinds het vorige pakket") {
		t.Errorf("new record: changes %+v, note %q", n.Changes, n.ChangeNote)
	}
	if c := p.Item("cam-plein"); c.ChangeNote != "Niet gewijzigd sinds het vorige pakket." {
		t.Errorf("unchanged record's note = %q", c.ChangeNote)
	}
	if p.Counts[New] != 1 || p.Counts[Changed] != 1 || p.Counts[Due] != 2 || p.Counts[Findings] != 1 {
		t.Errorf("counts = %v", p.Counts)
	}
	if got, want := p.CountText(), "5 registraties: 1 nieuw, 1 gewijzigd, 2 termijn, 1 bevindingen"; got != want {
		t.Errorf("count text = %q, want %q", got, want)
	}
}

func TestOutsideGit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-plein.yaml": sensor("cam-plein", "Camera Marktplein", "camera", "lifecycle: {start: 2025-06-01, end: 2027-05-31}", "evaluation: {interval: P1Y, last: 2025-06-01}"),
		"sensors/stil.yaml":      sensor("stil", "Stille sensor", "weather", quietDates),
		"algorithms/fout.yaml":   algorithm("fout", "Algoritme met een fout", "purpose: Iets.", quietDates),
	})
	reg := loadRegister(t, dir)
	for _, lang := range []string{"nl", "en"} {
		p, err := Build(reg, errorIn, Options{Today: meeting, IDs: []string{"stil"}, Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]Reason{"cam-plein": {Due}, "fout": {Findings}, "stil": {Requested}}
		for id, reasons := range want {
			if it := p.Item(id); it == nil || !slices.Equal(it.Reasons, reasons) {
				t.Errorf("%s: %s not on the agenda for %v", lang, id, reasons)
			}
		}
		if len(p.Items) != 3 || p.Commit != "" || p.HasHistory {
			t.Errorf("%s: items %d, commit %q, history %v", lang, len(p.Items), p.Commit, p.HasHistory)
		}
		detail := map[string]string{
			"nl": "De evaluatie had uiterlijk 1 juni 2026 moeten gebeuren (laatst geëvalueerd op 1 juni 2025, elke 1 jaar).",
			"en": "The evaluation was due by 1 June 2026 (last evaluated on 1 June 2025, every 1 year).",
		}[lang]
		if due := p.Item("cam-plein").Due; len(due) != 1 || due[0].Detail != detail {
			t.Errorf("%s: due rows %+v, want one saying %q", lang, due, detail)
		}
		note := map[string]string{"nl": "Geen Git-geschiedenis beschikbaar", "en": "No Git history available"}[lang]
		if !strings.HasPrefix(p.HistoryNote, note) {
			t.Errorf("%s: history note = %q", lang, p.HistoryNote)
		}
		for _, it := range p.Items {
			if it.ChangeNote != p.L.NoComparison {
				t.Errorf("%s: %s: change note %q, want %q", lang, it.Record.ID, it.ChangeNote, p.L.NoComparison)
			}
		}
	}
	if _, err := history.PreviousTag(dir); err != nil {
		t.Errorf("PreviousTag outside Git: %v, want no error", err)
	}
}

func TestUnknownID(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sensors/stil.yaml": sensor("stil", "Stille sensor", "weather", quietDates)})
	_, err := Build(loadRegister(t, dir), nil, Options{Today: meeting, IDs: []string{"stil", "bestaat-niet"}})
	if !errors.Is(err, ErrUnknownID) || !strings.Contains(err.Error(), "bestaat-niet") {
		t.Errorf("err = %v, want ErrUnknownID naming bestaat-niet", err)
	}
	if _, err := Build(loadRegister(t, dir), nil, Options{Today: meeting, Lang: "de"}); err == nil {
		t.Error("language de: no error")
	}
}
