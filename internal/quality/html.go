package quality

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
)

// barChart draws one horizontal bar per row as SVG, with the label and the
// percentage as text, so the page needs no script and reads without CSS.
func barChart(title string, rows []bar) template.HTML {
	const rowH, labelW, barW = 22, 260, 300
	var b strings.Builder
	h := rowH*len(rows) + 8
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" viewBox="0 0 %d %d" aria-labelledby="t-%s">`,
		labelW+barW+60, h, labelW+barW+60, h, template.HTMLEscapeString(slug(title)))
	fmt.Fprintf(&b, `<title id="t-%s">%s</title>`, template.HTMLEscapeString(slug(title)), template.HTMLEscapeString(title))
	for i, r := range rows {
		y := i*rowH + 4
		w := int(r.rate*barW + 0.5)
		colour := "#1b7837"
		switch {
		case r.rate < 0.5:
			colour = "#b2182b"
		case r.rate < 0.9:
			colour = "#b35806"
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="13" font-family="sans-serif">%s</text>`,
			labelW-6, y+15, template.HTMLEscapeString(r.label))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="#e0e0e0"/>`, labelW, y+2, barW)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="16" fill="%s"/>`, labelW, y+2, w, colour)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" font-family="sans-serif">%.0f%%</text>`, labelW+barW+6, y+15, r.rate*100)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text in it is escaped above
}

type bar struct {
	label string
	rate  float64
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, strings.ToLower(s))
}

// The page is in Dutch; counts are worded as the text report words them.
var page = template.Must(template.New("quality").Funcs(template.FuncMap{
	"records": func(n int) string { return message.Records.Format(message.Dutch, n) },
	"overdue": func(days int, due string) string { return msgOverdue.Format(message.Dutch, days, due) },
}).Parse(`<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kwaliteit van het register</title></head>
<body>
<h1>Kwaliteit van het register</h1>
<p>Op {{.R.Today}}: {{records .R.Records}}.</p>
{{with .R.Unreadable}}<h2>Registratiebestanden die niet konden worden gelezen</h2>
<p>Elk telt als een registratie die geen veld invult en aan geen principe voldoet; voer <code>register validate</code> uit.</p>
<ul>{{range .}}<li>{{.Position}}: {{.WhyIn "nl"}}</li>{{end}}</ul>{{end}}
<h2>Registraties zonder bevindingen, per principe (van de registraties waarvoor het geldt)</h2>
{{.Principles}}
{{range .Kinds}}<h2>Ingevulde velden: {{.Name}} ({{.Of}})</h2>
{{.Chart}}
{{end}}
<h2>Niet gewijzigd in meer dan een bestuursperiode ({{.R.Term}})</h2>
{{if not .R.HistoryKnown}}<p>Niet bekend: {{.R.HistoryNoteIn "nl"}}</p>{{else}}{{with .R.Stale}}<ul>{{range .}}<li>{{.ID}}: laatst gewijzigd {{.Changed}}</li>{{end}}</ul>{{else}}<p>Geen.</p>{{end}}{{end}}
<h2>Evaluaties te laat</h2>
{{with .R.Overdue}}<ul>{{range .}}<li>{{.ID}}: {{overdue .Days .Due}}</li>{{end}}</ul>{{else}}<p>Geen.</p>{{end}}
<h2>Regels uitgezet of lichter gemaakt</h2>
{{with .R.SwitchedOff}}<ul>{{range .}}<li>{{.Rule}}: {{.Severity}} ({{.Where}}){{if .Refused}}, geweigerd: een wettelijke plicht{{end}}{{if .Reason}}. Reden: {{.Reason}}{{else}}. Zonder reden.{{end}}</li>{{end}}</ul>{{else}}<p>Geen: elke regel staat op de standaard.</p>{{end}}
<h2>Invulteksten</h2>
{{with .R.Placeholders}}<ul>{{range .}}<li>{{.ID}}: {{.Marks}} keer</li>{{end}}</ul>{{else}}<p>Geen.</p>{{end}}
</body>
</html>
`))

func writeHTML(w io.Writer, r Report) error {
	type kind struct {
		Name  string
		Of    int
		Chart template.HTML
	}
	var prs []bar
	for _, p := range r.Principles {
		if p.Of > 0 { // a principle that applies to no record has no share to draw
			prs = append(prs, bar{p.Principle, p.Rate()})
		}
	}
	var kinds []kind
	var cur []bar
	name, of := "", 0
	flush := func() {
		if name != "" && of > 0 {
			kinds = append(kinds, kind{name, of, barChart("velden "+name, cur)})
		}
		cur = nil
	}
	for _, f := range r.Fields {
		if string(f.Kind) != name {
			flush()
			name, of = string(f.Kind), f.Of
		}
		cur = append(cur, bar{f.Path, f.Rate()})
	}
	flush()
	return page.Execute(w, struct {
		R          Report
		Principles template.HTML
		Kinds      []kind
	}{r, barChart("principes", prs), kinds})
}
