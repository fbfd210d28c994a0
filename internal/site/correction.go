package site

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/period"
)

// correction writes the record's "Fout in uw gegevens?" part: how a
// resident has data about them corrected or deleted (GDPR art. 16, 17),
// at which desk and how long it takes; a record without a route of its own
// points to the register's desk (site.report_error_url).
func (w *fieldWriter) correction() {
	r, lang := w.r, w.lang
	if r.IsWithheld("correction") {
		w.out.WriteString(`<dl><dt>` + esc(fieldLabel(lang, "correction")) + `</dt><dd>` + w.withheldText() + `</dd></dl>`)
		return
	}
	c := r.Correction
	if c == nil || strings.TrimSpace(c.Route) == "" {
		s := `<p>` + esc(t(lang, "correction.none")) + `</p>`
		if desk := w.b.cfg.Site.ReportErrorURL; desk != "" {
			s += `<p>` + link(desk, t(lang, "correction.desk")) + `</p>`
		}
		w.out.WriteString(`<div class="correction">` + s + `</div>`)
		return
	}
	w.out.WriteString(`<div class="correction">` + paragraphs(c.Route) + `<dl>`)
	if d := strings.TrimSpace(c.Desk); d != "" {
		w.out.WriteString(`<dt>` + esc(fieldLabel(lang, "correction.desk")) + `</dt><dd>` + esc(d) + `</dd>`)
	}
	if c.URL != "" {
		w.out.WriteString(`<dt>` + esc(fieldLabel(lang, "correction.url")) + `</dt><dd>` + link(c.URL, "") + `</dd>`)
	}
	if e := strings.TrimSpace(c.Email); e != "" {
		w.out.WriteString(`<dt>` + esc(fieldLabel(lang, "correction.email")) + `</dt><dd><a href="mailto:` + esc(e) + `">` + esc(e) + `</a></dd>`)
	}
	if c.Term != "" {
		w.out.WriteString(`<dt>` + esc(fieldLabel(lang, "correction.term")) + `</dt><dd>` + esc(humanDuration(lang, c.Term)) + `</dd>`)
	}
	w.out.WriteString(`</dl><p>` + esc(t(lang, "correction.chain")) + `</p></div>`)
}

// reviewRows are the reviews with the municipality's response beside each
// advice: whether it was asked, what it said, and what the municipality
// answered, or how long it has waited.
func (w *fieldWriter) reviewRows() [][]string {
	lang := w.lang
	var rows [][]string
	for _, rv := range w.r.Reviews {
		advice := dateTag(lang, rv.Date)
		if rv.Asked != nil {
			advice += ` <span class="muted">(` + esc(t(lang, map[bool]string{true: "review.asked", false: "review.unasked"}[*rv.Asked])) + `)</span>`
		}
		advice += paragraphs(rv.Summary) + link(rv.URL, "")
		var response string
		switch {
		case rv.Response != nil:
			response = dateTag(lang, rv.Response.Date) + paragraphs(rv.Response.Summary) + link(rv.Response.URL, "")
		case rv.AwaitsResponse():
			response = esc(t(lang, "review.open"))
			if given, err := period.ParseDate(rv.Date); err == nil && !w.b.today.IsZero() && w.b.today.After(given) {
				response += " " + esc(fmt.Sprintf(t(lang, "review.waiting"), int(w.b.today.Sub(given).Hours()/24)))
			}
		}
		rows = append(rows, []string{esc(valueLabel(lang, "reviews.body", rv.Body)), advice, response})
	}
	return rows
}
