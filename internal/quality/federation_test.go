package quality

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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
	if err := WriteFederation(&text, "text", ms); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "GM0001") || !strings.Contains(text.String(), " 57%") || !strings.Contains(text.String(), " 50%") {
		t.Errorf("text report lacks the code or the rates (57%% fields, 50%% principles):\n%s", text.String())
	}

	var js bytes.Buffer
	if err := WriteFederation(&js, "json", ms); err != nil {
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
	if err := WriteFederation(&svg, "svg", ms); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg.String(), "<script") || !strings.Contains(svg.String(), "&lt;script&gt;") {
		t.Errorf("the chart must escape a municipality's name")
	}
	if n := strings.Count(svg.String(), `height="12"`); n != 8 {
		t.Errorf("chart has %d bar shapes, want 8 (two bars, each on a track, per municipality)", n)
	}
	if err := WriteFederation(&svg, "pdf", ms); err == nil {
		t.Error("an unknown format must be an error")
	}
}
