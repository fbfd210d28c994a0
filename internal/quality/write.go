package quality

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/logsafe"
	"github.com/voorbeeldstad/register/internal/message"
)

// Formats are the output formats of the quality report; html is a page
// with SVG bar charts that needs no script.
var Formats = format.Set[Report]{
	{Name: "text", Exts: []string{".txt"}, Write: writeText},
	{Name: "json", Exts: []string{".json"}, Write: writeJSON},
	{Name: "html", Exts: []string{".html"}, Write: writeHTML},
}

// Write prints the report in one of Formats.
func Write(w io.Writer, name string, r Report) error {
	f, err := Formats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, r)
}

func writeJSON(w io.Writer, r Report) error {
	type field struct {
		Field
		Rate float64 `json:"rate"`
	}
	type prin struct {
		Principle
		Rate float64 `json:"rate"`
	}
	// The documented shape, in its order: the history note in English,
	// the rates last.
	out := struct {
		Today        string        `json:"today"`
		Records      int           `json:"records"`
		Unreadable   []Unreadable  `json:"unreadable"`
		Stale        []Stale       `json:"stale"`
		HistoryNote  string        `json:"history_note,omitempty"`
		Term         string        `json:"term"`
		Overdue      []Overdue     `json:"overdue"`
		SwitchedOff  []Deviation   `json:"switched_off"`
		Placeholders []Placeholder `json:"placeholders"`
		Fields       []field       `json:"fields"`
		Principles   []prin        `json:"principles"`
	}{Today: r.Today, Records: r.Records, Unreadable: r.Unreadable, Stale: r.Stale, HistoryNote: r.HistoryNote.In(message.English), Term: r.Term,
		Overdue: r.Overdue, SwitchedOff: r.SwitchedOff, Placeholders: r.Placeholders, Fields: []field{}, Principles: []prin{}}
	for _, f := range r.Fields {
		out.Fields = append(out.Fields, field{f, round(f.Rate())})
	}
	for _, p := range r.Principles {
		out.Principles = append(out.Principles, prin{p, round(p.Rate())})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func pct(f float64) string { return fmt.Sprintf("%3.0f%%", f*100) }

// writeText prints the report as plain text, in r.TextLanguage.
func writeText(w io.Writer, r Report) error {
	lang := r.TextLanguage
	var b strings.Builder
	fmt.Fprintln(&b, msgHead.Format(lang, r.Today, message.Records.Format(lang, r.Records)))
	if len(r.Unreadable) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msgUnreadableHead.In(lang))
		for _, u := range r.Unreadable {
			fmt.Fprintf(&b, "  %s: %s\n", u.Position(), logsafe.Text(u.WhyIn(lang)))
		}
	}

	fmt.Fprintf(&b, "\n%s\n", msgFillRate.In(lang))
	kind := ""
	for _, f := range r.Fields {
		if f.Of == 0 {
			continue
		}
		if string(f.Kind) != kind {
			kind = string(f.Kind)
			fmt.Fprintf(&b, "  %s (%d)\n", kind, f.Of)
		}
		fmt.Fprintf(&b, "    %s  %-40s %d/%d\n", pct(f.Rate()), f.Path, f.Filled, f.Of)
	}

	fmt.Fprintf(&b, "\n%s\n", msgCleanRecords.In(lang))
	for _, p := range r.Principles {
		share := pct(p.Rate())
		if p.Of == 0 {
			share = "   –" // applies to no record: no share, and no pass
		}
		fmt.Fprintf(&b, "  %s  %-22s %d/%d  (%s)\n", share, p.Principle, p.Clean, p.Of, strings.Join(p.Rules, ", "))
	}

	fmt.Fprintf(&b, "\n%s\n", msgStaleHead.Format(lang, r.Term))
	switch {
	case !r.HistoryKnown():
		fmt.Fprintf(&b, "  %s\n", msgNotKnown.Format(lang, r.HistoryNoteIn(lang)))
	case len(r.Stale) == 0:
		fmt.Fprintf(&b, "  %s\n", msgNone.In(lang))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(&b, "  %s  %s\n", s.ID, msgLastChanged.Format(lang, s.Changed))
	}

	fmt.Fprintf(&b, "\n%s\n", msgOverdueHead.In(lang))
	if len(r.Overdue) == 0 {
		fmt.Fprintf(&b, "  %s\n", msgNone.In(lang))
	}
	for _, o := range r.Overdue {
		fmt.Fprintf(&b, "  %s  %s\n", o.ID, msgOverdue.Format(lang, o.Days, o.Due))
	}

	fmt.Fprintf(&b, "\n%s\n", msgOffHead.In(lang))
	if len(r.SwitchedOff) == 0 {
		fmt.Fprintf(&b, "  %s\n", msgNoneOff.In(lang))
	}
	for _, d := range r.SwitchedOff {
		fmt.Fprintf(&b, "  %s\n", deviation(lang, d))
	}

	fmt.Fprintf(&b, "\n%s\n", msgPlaceholders.In(lang))
	if len(r.Placeholders) == 0 {
		fmt.Fprintf(&b, "  %s\n", msgNone.In(lang))
	}
	for _, p := range r.Placeholders {
		fmt.Fprintf(&b, "  %s  %s\n", p.ID, msgMarks.Format(lang, p.Marks, p.File))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
