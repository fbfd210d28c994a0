package quality

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/format"
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
	out := struct {
		Report
		Fields     []field `json:"fields"`
		Principles []prin  `json:"principles"`
	}{Report: r, Fields: []field{}, Principles: []prin{}}
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

func writeText(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Register quality on %s: %d records\n", r.Today, r.Records)

	b.WriteString("\nFill rate per field\n")
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

	b.WriteString("\nRecords without findings, per principle\n")
	for _, p := range r.Principles {
		fmt.Fprintf(&b, "  %s  %-22s %d/%d  (%s)\n", pct(p.Rate()), p.Principle, p.Clean, p.Of, strings.Join(p.Rules, ", "))
	}

	fmt.Fprintf(&b, "\nNot changed in over a term (%s)\n", r.Term)
	switch {
	case !r.HistoryKnown():
		fmt.Fprintf(&b, "  not known: %s\n", r.HistoryNote)
	case len(r.Stale) == 0:
		b.WriteString("  none\n")
	}
	for _, s := range r.Stale {
		fmt.Fprintf(&b, "  %s  last changed %s\n", s.ID, s.Changed)
	}

	b.WriteString("\nEvaluations overdue\n")
	if len(r.Overdue) == 0 {
		b.WriteString("  none\n")
	}
	for _, o := range r.Overdue {
		fmt.Fprintf(&b, "  %s  due %s, %d days late\n", o.ID, o.Due, o.Days)
	}

	b.WriteString("\nRules switched off or lowered\n")
	if len(r.SwitchedOff) == 0 {
		b.WriteString("  none: every rule at its default\n")
	}
	for _, d := range r.SwitchedOff {
		line := fmt.Sprintf("  %s: %s (%s)", d.Rule, d.Severity, d.Where)
		if d.Refused {
			line += ", refused: a legal duty"
		}
		if d.Reason != "" {
			line += "; reason: " + d.Reason
		} else {
			line += "; no reason given"
		}
		b.WriteString(line + "\n")
	}

	b.WriteString("\nPlaceholders\n")
	if len(r.Placeholders) == 0 {
		b.WriteString("  none\n")
	}
	for _, p := range r.Placeholders {
		fmt.Fprintf(&b, "  %s  %d marks (%s)\n", p.ID, p.Marks, p.File)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
