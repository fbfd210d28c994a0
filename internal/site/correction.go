package site

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// correctionView is the record's "Fout in uw gegevens?": how a resident has
// data about them corrected or deleted (GDPR art. 16, 17), at which desk and
// how long it takes; a record without a route of its own points to the
// register's desk (site.report_error_url).
type correctionView struct {
	Held     withheldView
	Withheld bool
	Label    string     // the field's, for the row that says it is withheld
	Route    [][]string // paragraphs; none: the record names no route
	Rows     []fieldRow // desk, address, e-mail, term
	Desk     []piece    // the register's desk, when the record names no route
}

// correctionSection fills in the section for a record that processes
// personal data or names a route, and is false for others.
func correctionSection(c *fieldCtx, sec *recordSection) bool {
	r, lang := c.r, c.lang
	if !r.ProcessesPersonalData() && r.Correction == nil {
		return false
	}
	v := &correctionView{Held: heldView(r, lang), Label: fieldLabel(lang, "correction")}
	sec.Correction = v
	if r.IsWithheld("correction") {
		v.Withheld = true
		return true
	}
	cr := r.Correction
	if cr != nil {
		v.Rows = correctionRows(cr, lang)
	}
	// A route that says none ("-", "n.v.t.") is none: the resident is
	// shown the register's desk, as the checklist calls the route missing,
	// and the record's own desk, address or mailbox, where it names them.
	if cr == nil || !record.Answers(cr.Route) {
		if desk := c.b.cfg.Site.ReportErrorURL; desk != "" {
			var p pieces
			p.link(desk, t(lang, "correction.desk"))
			v.Desk = p
		}
		return true
	}
	v.Route = splitParas(cr.Route)
	return true
}

// correctionRows are the desk, address, mailbox and term a record's
// correction route names.
func correctionRows(cr *record.Correction, lang string) []fieldRow {
	var rows []fieldRow
	row := func(path string, p pieces) {
		if len(p) > 0 {
			rows = append(rows, fieldRow{Label: fieldLabel(lang, path), Value: p})
		}
	}
	var desk, addr, mail, term pieces
	desk.stated(strings.TrimSpace(cr.Desk))
	row("correction.desk", desk)
	if cr.URL != "" {
		addr.link(cr.URL, "")
	}
	row("correction.url", addr)
	if e := strings.TrimSpace(cr.Email); e != "" {
		mail = pieces{{Mail: e}}
	}
	row("correction.email", mail)
	if cr.Term != "" {
		term.text(humanDuration(lang, cr.Term))
	}
	row("correction.term", term)
	return rows
}
