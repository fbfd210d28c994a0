package quality

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSummariseAndWriteFederation(t *testing.T) {
	rep := Report{Records: 4,
		Fields:       []Field{{Kind: "sensor", Path: "name", Filled: 3, Of: 3}, {Kind: "sensor", Path: "vendor.name", Filled: 0, Of: 3}, {Kind: "algorithm", Path: "name", Filled: 1, Of: 1}},
		Principles:   []Principle{{Principle: "VNG 2.1", Clean: 4, Of: 4}, {Principle: "VNG 3.7", Clean: 0, Of: 4}},
		Overdue:      []Overdue{{ID: "a"}},
		SwitchedOff:  []Deviation{{Rule: "security-audit"}, {Rule: "dpia"}},
		Placeholders: []Placeholder{{ID: "b"}},
	}
	s := Summarise(rep)
	if s.Filled != 4 || s.Fields != 7 || s.Overdue != 1 || s.SwitchedOff != 2 || s.HeldBack != 1 {
		t.Fatalf("summary = %+v", s)
	}
	if got := s.PrincipleRate(); got != 0.5 {
		t.Errorf("principle rate = %v, want 0.5 (4 of 8 record-principle pairs clean)", got)
	}
	ms := []Municipality{{Code: "GM0001", Organisation: `Gemeente <script>alert(1)</script>`, Summary: s}, {Code: "GM0002", Organisation: "Gemeente Leeg"}}

	var text bytes.Buffer
	if err := WriteFederation(&text, "text", "en", ms); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "GM0001") || !strings.Contains(text.String(), " 57%") || !strings.Contains(text.String(), " 50%") {
		t.Errorf("text report lacks the code or the rates (57%% fields, 50%% principles):\n%s", text.String())
	}

	var js bytes.Buffer
	if err := WriteFederation(&js, "json", "en", ms); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Code          string  `json:"code"`
		FieldRate     float64 `json:"field_rate"`
		PrincipleRate float64 `json:"principle_rate"`
		Quality       Summary `json:"quality"`
	}
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].FieldRate != 0.571 || rows[0].PrincipleRate != 0.5 || rows[0].Quality.Overdue != 1 || rows[1].FieldRate != 0 {
		t.Errorf("json rows = %+v", rows)
	}

	var svg bytes.Buffer
	if err := WriteFederation(&svg, "svg", "en", ms); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg.String(), "<script") || !strings.Contains(svg.String(), "&lt;script&gt;") {
		t.Errorf("the chart must escape a municipality's name")
	}
	if n := strings.Count(svg.String(), `height="12"`); n != 8 {
		t.Errorf("chart has %d bar shapes, want 8 (two bars, each on a track, per municipality)", n)
	}
	if err := WriteFederation(&svg, "pdf", "en", ms); err == nil {
		t.Error("an unknown format must be an error")
	}
}

// TestFederationChartTextsFitTheChart holds every left-aligned text of the
// chart (the legend, the percentages) inside its width, reckoning a
// sans-serif letter at 0.6 of the font size, a generous average.
func TestFederationChartTextsFitTheChart(t *testing.T) {
	ms := []Municipality{{Code: "GM1900", Organisation: "Gemeente Súdwest-Fryslân", Summary: Summary{Filled: 1, Fields: 1}}}
	var svg struct {
		Width int `xml:"width,attr"`
		Texts []struct {
			X      int     `xml:"x,attr"`
			Size   float64 `xml:"font-size,attr"`
			Anchor string  `xml:"text-anchor,attr"`
			Body   string  `xml:",chardata"`
		} `xml:"text"`
	}
	if err := xml.Unmarshal([]byte(FederationChart(ms)), &svg); err != nil {
		t.Fatal(err)
	}
	if len(svg.Texts) == 0 || svg.Width == 0 {
		t.Fatalf("no texts or no width in the chart: %+v", svg)
	}
	for _, tx := range svg.Texts {
		if tx.Anchor == "end" {
			continue
		}
		if end := float64(tx.X) + float64(utf8.RuneCountInString(tx.Body))*tx.Size*0.6; end > float64(svg.Width) {
			t.Errorf("%q ends at about x=%.0f, past the chart's width %d", tx.Body, end, svg.Width)
		}
	}
}

// The federation's table is headed in the run's language; the English is
// as it always was.
func TestFederationTableInEachLanguage(t *testing.T) {
	ms := []Municipality{{Code: "GM0001", Organisation: "Gemeente A", Summary: Summary{Records: 3}}}
	for lang, head := range map[string]string{
		"en": "code     organisation                        records  fields principles overdue   off  held\n",
		"nl": "code     organisatie                        registraties  velden  principes te laat   uit achtergehouden\n",
	} {
		var b bytes.Buffer
		if err := WriteFederation(&b, "text", lang, ms); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), head) {
			t.Errorf("%s: heading\n%q, want\n%q", lang, strings.SplitAfter(b.String(), "\n")[0], head)
		}
	}
}
