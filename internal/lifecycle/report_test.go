package lifecycle

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

func sampleReport(t *testing.T) Report {
	t.Helper()
	cam := decode(t, camLapsed)
	cam.Name = "Camera's op de Markt, Plein; oost"
	cam.Owner.Department = "Openbare Orde"
	reg := register.New("", config.Default(), []*record.Record{cam, decode(t, noiseUpcoming)})
	today := date(t, "2026-11-24")
	within := period.MustParse("P90D")
	return Report{Today: today, Within: within, Items: Due(reg, today, within), Title: "Sensorregister Voorbeeldstad",
		Host: "register.voorbeeldstad.example", Language: "nl", Now: time.Date(2026, 11, 24, 6, 30, 0, 0, time.UTC)}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "text", sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	want := `Due as of 2026-11-24 (window P90D): 2 lapsed, 3 ending, 1 upcoming

Lapsed: the date has passed
  2026-03-01  cam-markt  evaluation lapsed on 2026-03-01 (last evaluated 2025-03-01, every P1Y)
              owner: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/evaluation/last)
  2026-10-31  cam-markt  life cycle ended on 2026-10-31 but the record is still active: evaluate, and extend only by a decision (3.4)
              owner: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/lifecycle/end)

Ending: exceptions, agreements and life cycles that end
  2026-11-01  geluid-plein  data-sharing agreement with RIVM ended on 2026-11-01
              owner: (none recorded)  (sensors/geluid-plein.yaml#/data_sharing/0/end)
  2026-12-15  cam-markt  exception to rule camera-temporary ends on 2026-12-15 (approved by college)
              owner: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/exceptions/0/until)
  2026-12-31  geluid-plein  data-sharing agreement with Universiteit ends on 2026-12-31
              owner: (none recorded)  (sensors/geluid-plein.yaml#/data_sharing/1/end)

Upcoming: evaluations due
  2026-12-20  geluid-plein  evaluation due on 2026-12-20 (never evaluated, in use since 2022-12-20, every P4Y)
              owner: (none recorded)  (sensors/geluid-plein.yaml#/lifecycle/start)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	empty := Report{Today: date(t, "2026-11-24"), Within: period.MustParse("P30D")}
	if err := WriteText(&b, empty); err != nil {
		t.Fatal(err)
	}
	if b.String() != "Due as of 2026-11-24 (window P30D): 0 lapsed, 0 ending, 0 upcoming\nNothing has lapsed and nothing falls due within the window.\n" {
		t.Errorf("empty: %q", b.String())
	}
}

// A Dutch run gets the whole list in Dutch: headings, counts, each item's
// sentence and the owner's label; any other language gets the English.
func TestWriteTextInDutch(t *testing.T) {
	r := sampleReport(t)
	r.TextLanguage = "nl"
	var b bytes.Buffer
	if err := Write(&b, "text", r); err != nil {
		t.Fatal(err)
	}
	want := `Af te handelen per 2026-11-24 (termijn P90D): 2 verstreken, 3 aflopend, 1 gepland

Verstreken: de datum is voorbij
  2026-03-01  cam-markt  evaluatie verstreken op 2026-03-01 (laatst geëvalueerd 2025-03-01, elke P1Y)
              verantwoordelijke: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/evaluation/last)
  2026-10-31  cam-markt  levenscyclus afgelopen op 2026-10-31 maar de registratie is nog actief: evalueer, en verleng alleen met een besluit (3.4)
              verantwoordelijke: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/lifecycle/end)

Loopt af: uitzonderingen, afspraken en levenscycli die eindigen
  2026-11-01  geluid-plein  afspraak over het delen van gegevens met RIVM is geëindigd op 2026-11-01
              verantwoordelijke: (niet vastgelegd)  (sensors/geluid-plein.yaml#/data_sharing/0/end)
  2026-12-15  cam-markt  uitzondering op regel camera-temporary eindigt op 2026-12-15 (goedgekeurd door college)
              verantwoordelijke: Teamleider toezicht, Openbare Orde <toezicht@voorbeeldstad.example>  (sensors/cam-markt.yaml#/exceptions/0/until)
  2026-12-31  geluid-plein  afspraak over het delen van gegevens met Universiteit eindigt op 2026-12-31
              verantwoordelijke: (niet vastgelegd)  (sensors/geluid-plein.yaml#/data_sharing/1/end)

Gepland: evaluaties die eraan komen
  2026-12-20  geluid-plein  evaluatie gepland op 2026-12-20 (nooit geëvalueerd, in gebruik sinds 2022-12-20, elke P4Y)
              verantwoordelijke: (niet vastgelegd)  (sensors/geluid-plein.yaml#/lifecycle/start)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	undated := decode(t, "id: anpr-1\nkind: sensor\nstatus: active\nlifecycle: {end: \"2050-01-01\"}\nevaluation: {last: \"ooit\"}\n")
	today, within := date(t, "2026-01-01"), period.MustParse("P30D")
	items := Due(register.New("", nil, []*record.Record{undated}), today, within)
	for _, tt := range []struct {
		name, lang string
		items      []Item
		want       []string
	}{
		{"nothing due", "nl", nil, []string{"Af te handelen per 2026-01-01 (termijn P30D): 0 verstreken, 0 aflopend, 0 gepland\nEr is niets verstreken en er valt niets binnen de termijn.\n"}},
		{"no date", "nl", items, []string{"0 gepland, 1 zonder datum", "Geen datum: de volgende evaluatie is niet te berekenen",
			"(geen datum)  anpr-1  de volgende evaluatie is niet te berekenen: de laatste evaluatie \"ooit\" is geen datum en er is geen startdatum (lifecycle.start);"}},
		{"an item without Dutch keeps its English", "nl", []Item{{Record: undated, What: Evaluation, Group: Upcoming, Date: today, Path: "/evaluation/last", Detail: label.Text{"", "only in English"}}},
			[]string{"2026-01-01  anpr-1  only in English\n"}},
		{"another language is English", "de", items, []string{"0 upcoming, 1 without a date", "(no date)  anpr-1  the next evaluation cannot be computed"}},
		{"no language is English", "", nil, []string{"Nothing has lapsed and nothing falls due within the window."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteText(&b, Report{Today: today, Within: within, Items: tt.items, TextLanguage: tt.lang}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("text has no %q:\n%s", w, b.String())
				}
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "json", sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		AsOf    string         `json:"as_of"`
		Within  string         `json:"within"`
		Summary map[string]int `json:"summary"`
		Items   []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.AsOf != "2026-11-24" || got.Within != "P90D" || got.Summary["lapsed"] != 2 || got.Summary["ending"] != 3 || got.Summary["upcoming"] != 1 || len(got.Items) != 6 {
		t.Fatalf("got %+v", got)
	}
	first := got.Items[0]
	owner, _ := first["owner"].(map[string]any)
	if first["record"] != "cam-markt" || first["what"] != "evaluation" || first["date"] != "2026-03-01" || first["group"] != "lapsed" ||
		first["path"] != "/evaluation/last" || first["file"] != "sensors/cam-markt.yaml" || owner["email"] != "toezicht@voorbeeldstad.example" {
		t.Errorf("first item: %v", first)
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "csv", sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "group,date,record,name,what,path,detail,owner_role,owner_department,owner_email,owner_phone,file\r\n") {
		t.Errorf("header: %q", strings.SplitN(b.String(), "\n", 2)[0])
	}
	if strings.Contains(strings.ReplaceAll(b.String(), "\r\n", ""), "\n") {
		t.Error("a line ends without CR")
	}
	// The name holds a comma and a quote: quoted as RFC 4180 asks.
	if !strings.Contains(b.String(), `lapsed,2026-03-01,cam-markt,"Camera's op de Markt, Plein; oost",evaluation,/evaluation/last,`) {
		t.Errorf("row: %s", b.String())
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[2][4] != "lifecycle" || rows[2][8] != "Openbare Orde" || rows[6][0] != "upcoming" || rows[6][11] != "sensors/geluid-plein.yaml" {
		t.Errorf("rows: %q", rows)
	}
}

func TestWriteICal(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "ical", sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if strings.Contains(l, "\n") {
			t.Errorf("line %d holds a bare LF", i+1)
		}
	}
	if !strings.Contains(out, "\r\nNAME:Sensorregister Voorbeeldstad\r\n") || !strings.Contains(out, "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n") {
		t.Errorf("calendar properties missing:\n%s", out)
	}
	if strings.Count(out, "BEGIN:VEVENT\r\n") != 6 || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("structure:\n%s", out)
	}
	// Unfold (CRLF followed by a space) and check the first event whole.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	want := "BEGIN:VEVENT\r\n" +
		"UID:cam-markt-evaluation@register.voorbeeldstad.example\r\n" +
		"DTSTAMP:20261124T063000Z\r\n" +
		"DTSTART;VALUE=DATE:20260301\r\n" +
		"DTEND;VALUE=DATE:20260302\r\n" +
		`SUMMARY:Evaluatie (verlopen): Camera's op de Markt\, Plein\; oost (cam-markt)` + "\r\n" +
		// The whole event speaks the calendar's language, its
		// description too.
		`DESCRIPTION:evaluatie verstreken op 2026-03-01 (laatst geëvalueerd 2025-03-01\, elke P1Y)\nverantwoordelijke: Teamleider toezicht\, Openbare Orde <toezicht@voorbeeldstad.example>\nsensors/cam-markt.yaml#/evaluation/last` + "\r\n" +
		"CATEGORIES:lapsed\r\n" +
		"TRANSP:TRANSPARENT\r\n" +
		"END:VEVENT\r\n"
	if !strings.Contains(unfolded, want) {
		t.Errorf("first event not found; calendar:\n%s", unfolded)
	}
	for _, u := range []string{"UID:geluid-plein-data_sharing-0@", "UID:geluid-plein-data_sharing-1@", "UID:cam-markt-exception-0@", "UID:cam-markt-lifecycle@"} {
		if !strings.Contains(unfolded, u) {
			t.Errorf("missing %s", u)
		}
	}

	en := sampleReport(t)
	en.Language = "en"
	b.Reset()
	if err := Write(&b, "ical", en); err != nil {
		t.Fatal(err)
	}
	want = `DESCRIPTION:evaluation lapsed on 2026-03-01 (last evaluated 2025-03-01\, every P1Y)\nowner: Teamleider toezicht\, Openbare Orde <toezicht@voorbeeldstad.example>\nsensors/cam-markt.yaml#/evaluation/last` + "\r\n"
	if got := strings.ReplaceAll(b.String(), "\r\n ", ""); !strings.Contains(got, "SUMMARY:Evaluation (lapsed)") || !strings.Contains(got, want) {
		t.Errorf("English calendar, want an English event with\n%s\ngot:\n%s", want, got)
	}
}

func TestFoldAndEscape(t *testing.T) {
	tests := []struct {
		name, value string // the value escaped as TEXT
		want        string
	}{
		{"SHORT", "", "SHORT\r\n"},
		{strings.Repeat("a", 75), "", strings.Repeat("a", 75) + "\r\n"},
		{strings.Repeat("a", 76), "", strings.Repeat("a", 75) + "\r\n a\r\n"},
		{strings.Repeat("a", 74) + "é", "", strings.Repeat("a", 74) + "\r\n é\r\n"}, // é is two octets: not split
		{strings.Repeat("b", 75+74+1), "", strings.Repeat("b", 75) + "\r\n " + strings.Repeat("b", 74) + "\r\n b\r\n"},
		{"X:", "a\\b;c,d\ne\r\nf\rg", `X:a\\b\;c\,d\ne\nf\ng` + "\r\n"},
		// Folded where the value was written in pieces: within an escape,
		// and before a character the line has no room for.
		{"X:" + strings.Repeat("a", 72), ",", "X:" + strings.Repeat("a", 72) + `\` + "\r\n ,\r\n"},
		{"X:" + strings.Repeat("a", 72), "aé", "X:" + strings.Repeat("a", 73) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		c := &contentLines{w: w}
		c.add(tt.name)
		c.text(tt.value)
		c.end()
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != tt.want {
			t.Errorf("line %q %q = %q, want %q", tt.name, tt.value, got, tt.want)
		}
	}
	if err := Write(&bytes.Buffer{}, "xml", Report{}); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("unknown format: %v", err)
	}
}

// TestWriteCSVQuotesFormulas pins that a record's text cannot run as a
// formula in the spreadsheet of what falls due.
func TestWriteCSVQuotesFormulas(t *testing.T) {
	r := sampleReport(t)
	r.Items[0].Record.Name = `=HYPERLINK("http://evil.example")`
	r.Items[0].Record.Owner.Phone = "+31 20 123 4567"
	var b bytes.Buffer
	if err := WriteCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][3] != `'=HYPERLINK("http://evil.example")` || rows[1][10] != "'+31 20 123 4567" {
		t.Errorf("row: %q; want the name and phone quoted as text", rows[1])
	}
}
