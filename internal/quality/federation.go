package quality

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/format"
)

// Summary is a register's quality in figures that name no record, for a
// national overview of many registers: the share of the record format's
// fields filled, per principle the records without its findings, and counts
// of overdue evaluations, rules switched off and records held back.
type Summary struct {
	Records int `json:"records"`
	// Filled and Fields: over every record, how many of the record
	// format's fields for its kind hold a value, of how many there are.
	Filled int `json:"fields_filled"`
	Fields int `json:"fields"`
	// Principles is, per principle, the records without its findings.
	Principles []Principle `json:"principles"`
	Overdue    int         `json:"evaluations_overdue"`
	// SwitchedOff counts the rules switched off or lowered.
	SwitchedOff int `json:"rules_switched_off"`
	// HeldBack counts records kept off the public outputs because they
	// still hold a template's placeholders.
	HeldBack int `json:"held_back_placeholders"`
}

// FieldRate is the share of the record format's fields filled.
func (s Summary) FieldRate() float64 { return rate(s.Filled, s.Fields) }

// PrincipleRate is the share of records without findings, averaged over
// the principles; 0 when nothing was checked.
func (s Summary) PrincipleRate() float64 {
	clean, of := 0, 0
	for _, p := range s.Principles {
		clean += p.Clean
		of += p.Of
	}
	return rate(clean, of)
}

// Summarise reduces a report to its figures.
func Summarise(r Report) Summary {
	s := Summary{Records: r.Records, Principles: r.Principles, Overdue: len(r.Overdue), SwitchedOff: len(r.SwitchedOff),
		HeldBack: len(r.Placeholders)}
	if s.Principles == nil {
		s.Principles = []Principle{}
	}
	for _, f := range r.Fields {
		s.Filled += f.Filled
		s.Fields += f.Of
	}
	return s
}

// Municipality is one register's summary in a federation.
type Municipality struct {
	Code         string  `json:"code"`
	Organisation string  `json:"organisation"`
	Summary      Summary `json:"quality"`
}

// WriteFederation prints the quality of a federation's registers, one line
// (text, in lang), one object (json) or one chart row (svg, no script)
// each.
func WriteFederation(w io.Writer, name, lang string, ms []Municipality) error {
	switch name {
	case "json":
		type row struct {
			Municipality
			FieldRate     float64 `json:"field_rate"`
			PrincipleRate float64 `json:"principle_rate"`
		}
		out := make([]row, 0, len(ms))
		for _, m := range ms {
			out = append(out, row{m, round(m.Summary.FieldRate()), round(m.Summary.PrincipleRate())})
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "text":
		// A column is as wide as the English has it, or as its heading
		// in lang where that is wider.
		widths := [...]int{8, 34, 8, 7, 10, 7, 5, 5}
		var b strings.Builder
		row := func(cells ...string) {
			fmt.Fprintf(&b, "%-*s %-*s", widths[0], cells[0], widths[1], cells[1])
			for i := 2; i < len(cells); i++ {
				fmt.Fprintf(&b, " %*s", widths[i], cells[i])
			}
			b.WriteByte('\n')
		}
		heads := make([]string, len(federationHeads))
		for i, h := range federationHeads {
			heads[i] = h.In(lang)
			widths[i] = max(widths[i], utf8.RuneCountInString(heads[i]))
		}
		row(heads...)
		for _, m := range ms {
			s := m.Summary
			row(m.Code, m.Organisation, strconv.Itoa(s.Records), pct(s.FieldRate()), pct(s.PrincipleRate()),
				strconv.Itoa(s.Overdue), strconv.Itoa(s.SwitchedOff), strconv.Itoa(s.HeldBack))
		}
		_, err := io.WriteString(w, b.String())
		return err
	case "svg":
		_, err := io.WriteString(w, string(FederationChart(ms)))
		return err
	}
	return format.Unknown(name, []string{"text", "json", "svg"})
}

// FederationChart draws, per municipality, two bars: the share of fields
// filled and the share of records without findings per principle. It is
// plain SVG with its texts escaped, for a page that runs no script.
func FederationChart(ms []Municipality) template.HTML {
	const rowH, labelW, barW = 34, 240, 260
	var b strings.Builder
	h := rowH*len(ms) + 30
	w := labelW + barW + 60
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" viewBox="0 0 %d %d" aria-labelledby="t-fed">`, w, h, w, h)
	b.WriteString(`<title id="t-fed">Kwaliteit per gemeente: velden ingevuld (boven) en registraties zonder bevindingen per principe (onder)</title>`)
	// The legend starts at the left edge, above the names: begun above the
	// bars, its second entry ran past the chart's right edge.
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="12" height="10" fill="#2166ac"/><text x="%d" y="14" font-size="12" font-family="sans-serif">velden ingevuld</text>`, 0, 16)
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="12" height="10" fill="#5aae61"/><text x="%d" y="14" font-size="12" font-family="sans-serif">zonder bevindingen per principe</text>`, 130, 146)
	for i, m := range ms {
		y := i*rowH + 24
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13" font-family="sans-serif">%s</text>`,
			labelW-6, y+19, template.HTMLEscapeString(m.Organisation))
		for j, r := range []struct {
			rate   float64
			colour string
		}{{m.Summary.FieldRate(), "#2166ac"}, {m.Summary.PrincipleRate(), "#5aae61"}} {
			yy := y + 2 + j*14
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="12" fill="#e0e0e0"/>`, labelW, yy, barW)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="12" fill="%s"/>`, labelW, yy, int(r.rate*barW+0.5), r.colour)
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" font-family="sans-serif">%.0f%%</text>`, labelW+barW+6, yy+10, r.rate*100)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text in it is escaped above
}
