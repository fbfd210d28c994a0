package packet

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/publish"
)

// confidentialRegister has a public sensor that withholds its position and
// supplier, with a reason that names the hidden one, a sensor that is not
// public, and a public one with nothing withheld; all three are on the
// agenda by hand.
func confidentialRegister(t *testing.T) (string, []finding.Finding) {
	dir := t.TempDir()
	// A long summary so the hidden record's section runs over more than one
	// page in the PDF.
	long := "summary: " + strings.Repeat("Een lange omschrijving die doorloopt. ", 500)
	writeFiles(t, dir, map[string]string{
		"sensors/cam-kluis.yaml": sensor("cam-kluis", "Camera Geheimekluis", "camera", quietDates, long,
			"publication: {public: false, reason: Woo 5.1 lid 2 sub d}",
			"supplier: {name: Kluisleverancier BV}"),
		"sensors/cam-poort.yaml": sensor("cam-poort", "Camera Poort", "camera", quietDates,
			"supplier: {name: Poortleverancier BV}",
			"decisions: [{body: mayor, kind: authorisation, date: 2025-01-01, reference: 'https://geheim.example/besluit'}]",
			"publication: {withheld: [location.description, supplier.name, decisions.reference], reason: Beveiliging vitale infrastructuur als CAMERA GEHEIMEKLUIS}"),
		"sensors/lucht.yaml": sensor("lucht", "Luchtmeter", "air_quality", quietDates),
	})
	reg := loadRegister(t, dir)
	// A finding that quotes a withheld value, as supplier-watch does.
	fs := []finding.Finding{{File: "sensors/cam-poort.yaml", Record: "cam-poort", Rule: "data-rights", Severity: finding.Warning,
		Message: label.Text{"Leverancier Poortleverancier BV heeft de gegevens", "supplier Poortleverancier BV holds the data"}}}
	_ = reg
	return dir, fs
}

func packetsFor(t *testing.T, public bool) map[Format][]byte {
	dir, fs := confidentialRegister(t)
	reg := loadRegister(t, dir)
	p, err := Build(reg, fs, Options{Today: meeting, IDs: []string{"cam-kluis", "cam-poort", "lucht"}, Public: public})
	if err != nil {
		t.Fatal(err)
	}
	out := map[Format][]byte{}
	for _, f := range []Format{HTML, Markdown, PDF} {
		out[f] = render(t, p, f)
	}
	return out
}

// The committee's packet shows everything, and marks what is not public:
// the hidden record on the agenda and at the top and foot of each of its
// pages, and each withheld field.
func TestCommitteePacketMarksConfidences(t *testing.T) {
	out := packetsFor(t, false)
	mark := "Vertrouwelijk — niet openbaar (Reden: Woo 5.1 lid 2 sub d)"
	fieldMark := "Vertrouwelijk — niet openbaar (Reden: Beveiliging vitale infrastructuur als CAMERA GEHEIMEKLUIS)"
	for _, f := range []Format{HTML, Markdown} {
		text := string(out[f])
		if f == HTML {
			text = strings.ReplaceAll(text, "&#39;", "'")
		}
		// Agenda, top and foot of the record's section.
		if n := strings.Count(text, mark); n < 3 {
			t.Errorf("%s: the hidden record is marked %d times, want on the agenda, at its top and its foot", f, n)
		}
		for _, want := range []string{"Camera Geheimekluis", "Poortleverancier BV", fieldMark, "Vertrouwelijk: dit pakket bevat gegevens die niet openbaar zijn"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", f, want)
			}
		}
	}
	pages := pageTexts(t, out[PDF])
	kluis := 0
	for i, page := range pages {
		text := flat(page)
		// The hidden record's pages: its heading, or its long summary.
		if i < 2 || !strings.Contains(text, "Camera Geheimekluis") && !strings.Contains(text, "doorloopt") {
			continue
		}
		kluis++
		if n := strings.Count(text, flat(mark)); n < 2 {
			t.Errorf("PDF page %d of the hidden record has the mark %d times, want at its top and foot:\n%s", i+1, n, text)
		}
	}
	if kluis < 2 {
		t.Errorf("the hidden record has %d pages, want a section over more than one page to test the running mark", kluis)
	}
	if !strings.Contains(flat(pages[1]), flat(mark)) {
		t.Errorf("the PDF agenda does not mark the hidden record:\n%s", pages[1])
	}
	for i, page := range pages {
		if strings.Contains(page, "Camera Poort") && !strings.Contains(page, "Geheimekluis") && strings.Contains(flat(page), flat(mark)) {
			t.Errorf("PDF page %d of a public record carries the hidden record's mark", i+1)
		}
	}
	pdftotextHas(t, out[PDF], []string{"Vertrouwelijk — niet openbaar", "Camera Geheimekluis"}, nil)
}

// A public packet is made from the public view: the hidden record is
// counted, not shown, and withheld fields read "niet openbaar" with the
// reason, as on the site, in every format.
func TestPublicPacketKeepsConfidences(t *testing.T) {
	out := packetsFor(t, true)
	// The test's name is in the path of the register's folder, which a
	// public packet does not show: only the folder's own name.
	leaks := []string{"cam-kluis", "Geheimekluis", "GEHEIMEKLUIS", "Kluisleverancier", "Poortleverancier", "geheim.example", t.Name()}
	for f, data := range out {
		text := string(data)
		if f == PDF {
			text = flat(strings.Join(pageTexts(t, data), "\n"))
		}
		for _, leak := range leaks {
			if strings.Contains(text, leak) {
				t.Errorf("%s public packet shows %q", f, leak)
			}
		}
		for _, want := range []string{"1 registratie op de agenda is niet openbaar en wordt niet getoond", "niet openbaar (Reden: Beveiliging vitale infrastructuur als niet openbaar)", "Camera Poort", "Luchtmeter"} {
			if !strings.Contains(text, want) && !strings.Contains(text, flat(want)) {
				t.Errorf("%s public packet lacks %q", f, want)
			}
		}
		if strings.Contains(text, "Vertrouwelijk") {
			t.Errorf("%s public packet carries the committee's mark", f)
		}
	}
	pdftotextHas(t, out[PDF], []string{"niet openbaar"}, leaks)
}

// pdftotextHas checks the PDF's text as poppler extracts it, where
// pdftotext is installed: what a reader copying from the file would get.
func pdftotextHas(t *testing.T, pdf []byte, want, absent []string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) is not installed; the PDF's text was read by the test's own reader only")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "p.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := flat(string(got))
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("pdftotext: the PDF's text lacks %q", w)
		}
	}
	for _, a := range absent {
		if strings.Contains(text, a) {
			t.Errorf("pdftotext: the PDF's text holds %q", a)
		}
	}
}

// A public packet shows an old value only when it was public at the base
// too: the supplier withheld until now, the summary of a record that was
// not public, and the old file of a record renamed as it was made public
// stay out; a value public then and now is shown.
func TestPublicChangesJudgeOldValuesByTheRulesThen(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-h.yaml": sensor("cam-h", "Camera H", "camera", quietDates, "supplier: {name: NIEUW-BV}"),
	})
	reg := loadRegister(t, dir)
	loaded := reg.ByID("cam-h")
	pub := publish.Register(reg)
	tests := []struct {
		name       string
		rc         history.RecordChange
		want, leak []string
	}{
		{"a supplier withheld until now", history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml", Fields: []fielddiff.Change{
			{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"withheld": []any{"supplier.name"}, "reason": "Woo"}},
			{Path: "/supplier/name", Op: fielddiff.Changed, Old: "GEHEIM-BV", New: "NIEUW-BV"},
		}}, []string{"niet openbaar", "NIEUW-BV"}, []string{"GEHEIM-BV"}},
		{"a record made public", history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml", Fields: []fielddiff.Change{
			{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"public": false, "reason": "Woo"}},
			{Path: "/summary", Op: fielddiff.Changed, Old: "GEHEIME-SAMENVATTING", New: "Openbaar"},
		}}, []string{"niet openbaar", "Openbaar"}, []string{"GEHEIME-SAMENVATTING"}},
		{"renamed as it was made public", history.RecordChange{Op: history.Renamed, File: "sensors/cam-h.yaml", OldFile: "sensors/cam-geheim.yaml",
			Fields: []fielddiff.Change{{Path: "/publication", Op: fielddiff.Removed, Old: map[string]any{"public": false}}}},
			[]string{"Hernoemd."}, []string{"cam-geheim"}},
		{"renamed while public", history.RecordChange{Op: history.Renamed, File: "sensors/cam-h.yaml", OldFile: "sensors/cam-oud.yaml"},
			[]string{"Hernoemd van sensors/cam-oud.yaml."}, nil},
		// What the reader says of a version that does not read may quote
		// it, and the repository's words may name a file of the machine.
		{"an old version that does not read", history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml",
			Problem: unreadable(t, "id: cam-h\nsupplier: {name: !!int GEHEIM-BV}\n", "")},
			[]string{"De wijzigingen zijn niet per veld te tonen: de oude versie is niet als registratie te lezen"},
			[]string{"GEHEIM-BV", "regel", "geheel getal"}},
		{"an old version the repository could not give", history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml",
			Problem: &history.Problem{Unreadable: fielddiff.Unreadable{Version: fielddiff.OldVersion},
				Err: "open /srv/register/.git/objects/pack/pack-1.pack: permission denied"}},
			[]string{"De wijzigingen zijn niet per veld te tonen: de oude versie is niet uit de repository te lezen"},
			[]string{"/srv", "permission"}},
		{"public then and now", history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml", Fields: []fielddiff.Change{
			{Path: "/supplier/name", Op: fielddiff.Changed, Old: "OUD-BV", New: "NIEUW-BV"},
		}}, []string{"OUD-BV", "NIEUW-BV"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			L := labelsFor("nl")
			it := &Item{}
			p := &Packet{HasHistory: true, Public: true}
			L.changeSection(it, &tt.rc, p)
			L.publicChanges(it, &tt.rc, loaded, pub)
			text := it.ChangeNote
			for _, c := range it.Changes {
				text += "\n" + c.Field + ": " + c.Old + " → " + c.New
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, l := range tt.leak {
				if strings.Contains(text, l) {
					t.Errorf("shows %q:\n%s", l, text)
				}
			}
		})
	}
}

// unreadable is the problem of comparing the versions old and new, one
// of which does not read.
func unreadable(t *testing.T, old, new string) *history.Problem {
	t.Helper()
	_, err := fielddiff.YAML([]byte(old), []byte(new))
	var u *fielddiff.Unreadable
	if !errors.As(err, &u) {
		t.Fatalf("the versions read: %v", err)
	}
	return &history.Problem{Unreadable: *u}
}

// The committee's packet says why a change cannot be shown field by
// field, with what the reader found, in the packet's language.
func TestCommitteeSeesWhyAVersionDoesNotRead(t *testing.T) {
	rc := history.RecordChange{Op: history.Changed, File: "sensors/cam-h.yaml",
		Problem: unreadable(t, "id: cam-h\nsupplier: {name: !!int GEHEIM-BV}\n", "")}
	for lang, want := range map[string]string{
		"nl": "De wijzigingen zijn niet per veld te tonen: oude versie: regel 2, kolom 18: GEHEIM-BV is geen geheel getal",
		"en": "The changes cannot be shown field by field: old version: line 2, column 18: GEHEIM-BV is not a whole number",
	} {
		it := &Item{}
		labelsFor(lang).changeSection(it, &rc, &Packet{HasHistory: true})
		if it.ChangeNote != want {
			t.Errorf("%s: %q, want %q", lang, it.ChangeNote, want)
		}
	}
}

// A changed reason reads in a public packet as on every public output:
// without the name of a record that is not public, and without what the
// other rows of the change leave out, such as the supplier it replaced,
// which no record holds any more.
func TestPublicChangesScrubAReason(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-w.yaml": sensor("cam-w", "Camera W", "camera", quietDates, "supplier: {name: NIEUW-BV}",
			"publication: {withheld: [supplier.name], reason: Net als Camera Bunker.}"),
		"sensors/cam-bunker.yaml": sensor("cam-bunker", "Camera Bunker", "camera", quietDates, "publication: {public: false, reason: Beveiliging}"),
	})
	reg := loadRegister(t, dir)
	rc := history.RecordChange{Op: history.Changed, File: "sensors/cam-w.yaml", Fields: []fielddiff.Change{
		{Path: "/supplier/name", Op: fielddiff.Changed, Old: "GEHEIM-BV", New: "NIEUW-BV"},
		{Path: "/publication/reason", Op: fielddiff.Changed, Old: "Contract met GEHEIM-BV.", New: "Net als Camera Bunker."},
		// Withheld from now on: a reason that quoted the supplier while
		// it was withheld would have kept the record from the public.
		{Path: "/publication/withheld", Op: fielddiff.Added, New: []any{"supplier.name"}},
		// Public before, as it said: a reason alone would not say so.
		{Path: "/publication/public", Op: fielddiff.Removed, Old: true},
	}}
	L := labelsFor("nl")
	it := &Item{}
	L.publicChanges(it, &rc, reg.ByID("cam-w"), publish.Register(reg))
	var text string
	for _, c := range it.Changes {
		text += "\n" + c.Field + ": " + c.Old + " → " + c.New
	}
	for _, want := range []string{"Contract met niet openbaar.", "Net als niet openbaar."} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	for _, leak := range []string{"GEHEIM-BV", "NIEUW-BV", "Bunker"} {
		if strings.Contains(text, leak) {
			t.Errorf("shows %q:\n%s", leak, text)
		}
	}
}

// An old value reads in a public packet as on every public output of a
// change: a purpose written when the supplier was public, which named
// it, shows "niet openbaar" in its place once a record withholds the
// name, the record itself or another one; and a value that holds no
// secret is shown as written.
func TestPublicChangesScrubOldTextsOfSecretsNow(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-w.yaml": sensor("cam-w", "Camera W", "camera", quietDates, "supplier: {name: Alfa Eenzwaluw}",
			"publication: {withheld: [supplier.name], reason: Woo 5.1 lid 2 sub f}"),
		"sensors/cam-v.yaml": sensor("cam-v", "Camera V", "camera", quietDates, "supplier: {name: Beta Tweezwaluw}",
			"publication: {withheld: [supplier.name], reason: Woo 5.1 lid 2 sub f}"),
	})
	reg := loadRegister(t, dir)
	// The texts changed, and then the name was withheld.
	change := []fielddiff.Change{
		{Path: "/purpose", Op: fielddiff.Changed, Old: "Meten met meters van Alfa Eenzwaluw.", New: "Meten in de binnenstad."},
		{Path: "/problem", Op: fielddiff.Changed, Old: "Overlast, zegt Beta Tweezwaluw.", New: "Overlast."},
		{Path: "/retention", Op: fielddiff.Changed, Old: "P28D", New: "P14D"},
	}
	withhold := []fielddiff.Change{{Path: "/publication", Op: fielddiff.Added,
		New: map[string]any{"withheld": []any{"supplier.name"}, "reason": "Woo 5.1 lid 2 sub f"}}}
	rc := history.RecordChange{Op: history.Changed, File: "sensors/cam-w.yaml", Fields: append(slices.Clone(change), withhold...),
		Commits: []history.Change{
			{Commit: "c2", Op: history.Changed, File: "sensors/cam-w.yaml", Fields: withhold},
			{Commit: "c1", Op: history.Changed, File: "sensors/cam-w.yaml", Fields: change},
		}}
	L := labelsFor("nl")
	it := &Item{}
	L.publicChanges(it, &rc, reg.ByID("cam-w"), publish.Register(reg))
	var text string
	for _, c := range it.Changes {
		text += "\n" + c.Field + ": " + c.Old + " → " + c.New
	}
	for _, want := range []string{"Meten met meters van niet openbaar. → Meten in de binnenstad.",
		"Overlast, zegt niet openbaar. → Overlast.", "P28D → P14D"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	for _, leak := range []string{"Eenzwaluw", "Tweezwaluw"} {
		if strings.Contains(text, leak) {
			t.Errorf("shows %q:\n%s", leak, text)
		}
	}
}

// A verdict kept back in public (it rests on a field the record withholds)
// is not left out in silence, which would read "the checklist finds
// nothing": the public packet says the rule's verdict is not public, and
// shows none of its findings, nor that the record is on the agenda for
// them; the committee's shows the finding. A record on the agenda for
// nothing else is not on the public agenda at all, but counted among
// those not shown (TestPublicAgendaKeepsBackWhatOnlyWithheldDataPutsOnIt).
func TestPublicPacketSaysWhichVerdictsAreNotPublic(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/lucht.yaml": strings.Replace(sensor("lucht", "Luchtmeter", "air_quality", quietDates,
			"publication: {withheld: [capabilities], reason: Woo 5.1}"),
			"capabilities: [environmental_measurement]", "capabilities: [face_recognition]", 1),
	})
	reg := loadRegister(t, dir)
	fs := []finding.Finding{{File: "sensors/lucht.yaml", Record: "lucht", Rule: "biometric-ban", Principle: "VNG 2.1", Severity: finding.Error,
		Message: label.Text{"De sensor herkent gezichten.", "the sensor recognises faces"}}}
	for _, public := range []bool{false, true} {
		p, err := Build(reg, fs, Options{Today: meeting, Public: public, IDs: []string{"lucht"}})
		if err != nil {
			t.Fatal(err)
		}
		text := string(render(t, p, Markdown))
		// On the agenda for its errors: in public, that there are any
		// is kept back with them.
		if got := p.Items[0].Has(Findings); got == public {
			t.Errorf("public %v: on the agenda for findings %v", public, got)
		}
		shown := strings.Contains(text, "herkent gezichten")
		said := strings.Contains(text, "Het oordeel van deze regel berust op gegevens die niet openbaar zijn")
		switch {
		case public && (shown || !said || strings.Contains(text, labelsFor("nl").NoFindings)):
			t.Errorf("public packet: finding shown %v, kept back said %v:\n%s", shown, said, text)
		case !public && (!shown || said):
			t.Errorf("committee's packet: finding shown %v, kept back said %v", shown, said)
		}
	}
}

// A record on the agenda only for what rests on withheld fields (a
// withheld date that falls due, an error whose verdict is kept back) is
// not on the public agenda: an entry with an empty reason would say that
// a withheld date lapsed or a hidden verdict is an error. The committee's
// packet has it; the public one counts it among the records not shown.
func TestPublicAgendaKeepsBackWhatOnlyWithheldDataPutsOnIt(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/gezicht.yaml": strings.Replace(sensor("gezicht", "Luchtmeter", "air_quality", quietDates,
			"publication: {withheld: [capabilities], reason: Woo 5.1}"),
			"capabilities: [environmental_measurement]", "capabilities: [face_recognition]", 1),
		// Its evaluation lapsed by the withheld interval.
		"sensors/termijn.yaml": sensor("termijn", "Telpaal", "air_quality",
			"lifecycle: {start: 2020-01-01, end: 2029-12-31}\nevaluation: {interval: P1Y, last: 2025-06-01}",
			"publication: {withheld: [evaluation.interval], reason: Woo 5.1}"),
	})
	reg := loadRegister(t, dir)
	fs := []finding.Finding{{File: "sensors/gezicht.yaml", Record: "gezicht", Rule: "biometric-ban", Principle: "VNG 2.1", Severity: finding.Error,
		Message: label.Text{"De sensor herkent gezichten.", "the sensor recognises faces"}}}
	for _, tt := range []struct {
		public   bool
		agenda   []string
		notShown int
	}{
		{false, []string{"gezicht", "termijn"}, 0},
		{true, nil, 2},
	} {
		p, err := Build(reg, fs, Options{Today: meeting, Public: tt.public})
		if err != nil {
			t.Fatal(err)
		}
		var agenda []string
		for _, it := range p.Items {
			agenda = append(agenda, it.Record.ID)
		}
		slices.Sort(agenda)
		if !slices.Equal(agenda, tt.agenda) || p.NotShown != tt.notShown {
			t.Errorf("public %v: agenda %v, %d not shown; want %v, %d", tt.public, agenda, p.NotShown, tt.agenda, tt.notShown)
		}
	}
}

// TestPublicPacketShowsARecordMadePublicAsNew: a record that was not
// public at the previous packet and is public now is new to the public
// packet, as it is to the change feed and the record pages: no change of
// its publication block or of the values it had while not public, and
// none of the commits made before it was public. A record public then and
// now keeps its changes.
func TestPublicPacketShowsARecordMadePublicAsNew(t *testing.T) {
	tests := []struct {
		name, hidden string
	}{
		{"not public", "publication: {public: false, reason: Woo 5.1}"},
		{"a publication block that does not read", "publication: {public: nee}"},
		{"a template's draft", "purpose: (vul in)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGitRegister(t)
			day := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 10, 0, 0, 0, time.UTC) }
			g.commit(day(9, 1), "eerste", map[string]string{
				"sensors/cam-a.yaml": sensor("cam-a", "Camera Aa", "camera", quietDates),
				"sensors/cam-z.yaml": sensor("cam-z", "Camera Zet", "camera", quietDates, "supplier: {name: Schaduwbedrijf BV}", tt.hidden),
			})
			if _, err := history.Tag(g.dir, "ethiek-2026-09", "", day(9, 2)); err != nil {
				t.Fatal(err)
			}
			g.commit(day(10, 1), "Schaduwwerk", map[string]string{
				"sensors/cam-z.yaml": sensor("cam-z", "Camera Zet", "camera", quietDates, "supplier: {name: Stilbedrijf BV}", tt.hidden),
			})
			g.commit(day(10, 5), "Openbaar", map[string]string{
				"sensors/cam-a.yaml": sensor("cam-a", "Camera Aa", "camera", quietDates, "signage: {present: true}"),
				"sensors/cam-z.yaml": sensor("cam-z", "Camera Zet", "camera", quietDates, "supplier: {name: Stilbedrijf BV}"),
			})
			reg := loadRegister(t, g.dir)
			reg.Config.Site.ShowCommitSubjects = true
			repo, err := history.Open(g.dir)
			if err != nil {
				t.Fatal(err)
			}
			defer repo.Close()
			p, err := Build(reg, nil, Options{Today: meeting, History: repo, Since: "ethiek-2026-09", SinceFromTag: true, Public: true})
			if err != nil {
				t.Fatal(err)
			}
			z, a := p.Item("cam-z"), p.Item("cam-a")
			if z == nil || a == nil {
				t.Fatalf("cam-z %v, cam-a %v: want both on the agenda", z, a)
			}
			if !z.Has(New) || z.Has(Changed) || len(z.Changes) > 0 {
				t.Errorf("cam-z: reasons %v, changes %+v; want new, without changes", z.Reasons, z.Changes)
			}
			if len(z.Commits) != 1 || z.Commits[0].Subject != "Openbaar" {
				t.Errorf("cam-z: commits %+v; want only the one that made it public", z.Commits)
			}
			if !a.Has(Changed) || len(a.Changes) == 0 {
				t.Errorf("cam-a: reasons %v, changes %+v; want its change", a.Reasons, a.Changes)
			}
			md := string(render(t, p, Markdown))
			for _, leak := range []string{"Schaduw", "Openbaarheid", "Schaduwwerk", "2026-10-01", "1 oktober"} {
				if strings.Contains(md, leak) {
					t.Errorf("the public packet shows %q of the time cam-z was not public:\n%s", leak, md)
				}
			}
		})
	}
}

// A withheld list reads in a public packet as in the feed: that it
// changed, once, not which of its elements came or went, nor how many.
func TestPublicChangesSayAWithheldListChangedOnly(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sensors/cam-w.yaml": sensor("cam-w", "Camera W", "camera", quietDates,
			"switched_off: [video_recording]", "publication: {withheld: [capabilities, switched_off], reason: Woo}"),
	})
	reg := loadRegister(t, dir)
	rc := history.RecordChange{Op: history.Changed, File: "sensors/cam-w.yaml", Fields: []fielddiff.Change{
		{Path: "/switched_off/1", Op: fielddiff.Removed, Old: "video_recording"},
		{Path: "/switched_off/2", Op: fielddiff.Removed, Old: "live_viewing"},
	}}
	L := labelsFor("nl")
	it := &Item{}
	L.publicChanges(it, &rc, reg.ByID("cam-w"), publish.Register(reg))
	if len(it.Changes) != 1 {
		t.Fatalf("%d rows, want one saying the withheld list changed: %+v", len(it.Changes), it.Changes)
	}
	c := it.Changes[0]
	if strings.ContainsAny(c.Field, "0123456789") || c.Old == "" || c.New == "" || strings.Contains(c.Old+c.New, "recording") {
		t.Errorf("the row tells more than that the list changed: %+v", c)
	}
}

// A removed record whose last version held a template's marks was a
// draft, never public: a public packet counts it and does not name it.
func TestRemovedDraftIsNotNamed(t *testing.T) {
	removed := func(old map[string]any) *history.RecordChange {
		return &history.RecordChange{Op: history.Removed, File: "sensors/cam-geheim-project.yaml", Commits: []history.Change{
			{Op: history.Removed, File: "sensors/cam-geheim-project.yaml", Fields: []fielddiff.Change{{Path: "", Op: fielddiff.Removed, Old: old}}}}}
	}
	for _, tt := range []struct {
		name   string
		old    map[string]any
		public bool
	}{
		{"a public record", map[string]any{"id": "cam-geheim-project", "kind": "sensor", "name": "Camera Markt"}, true},
		{"a template's example", map[string]any{"id": "cam-geheim-project", "kind": "sensor", "name": "Camera (voorbeeld)"}, false},
		{"a template's blank", map[string]any{"id": "cam-geheim-project", "kind": "sensor", "name": "Camera", "purpose": "Waarvoor (vul in)"}, false},
		{"not public", map[string]any{"id": "cam-geheim-project", "kind": "sensor", "name": "Camera", "publication": map[string]any{"public": false, "reason": "Woo"}}, false},
	} {
		if got := removedPublic(removed(tt.old), "Gemeente Voorbeeldstad"); got != tt.public {
			t.Errorf("%s: public %v, want %v", tt.name, got, tt.public)
		}
	}
}
