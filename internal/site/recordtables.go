package site

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// tableSpec is how the record page shows a list of objects (Display Table):
// its columns, by the site's words, and a row of cells per object.
type tableSpec struct {
	cols []string
	rows func(*fieldCtx) [][][]piece
	// fields are the object's field each column shows alone, "" for a
	// column made of several: a cell whose field the record withholds
	// says so (withheldCells).
	fields []string
}

// withheldCells sets "niet openbaar" in each cell of rows (the view's
// list at path, a row per element) whose field the record withholds, where
// the view left it empty.
func (s tableSpec) withheldCells(c *fieldCtx, path string, rows [][][]piece) {
	for k, row := range rows {
		i := listIndex(c.r, path, k)
		for j, f := range s.fields {
			if f != "" && j < len(row) && c.r.IsWithheld(path+"."+strconv.Itoa(i)+"."+f) {
				row[j] = cell(t(c.lang, "withheld"))
			}
		}
	}
}

// listIndex is the place in the record's list at path of the k-th element
// of the public view's: the view leaves out an element the record
// withholds whole ("incidents.1"), and those after it move up.
func listIndex(r *record.Record, path string, k int) int {
	i := -1
	for n := 0; n <= k; {
		i++
		if !r.IsWithheld(path + "." + strconv.Itoa(i)) {
			n++
		}
	}
	return i
}

// cell is a table cell of one text.
func cell(s string) []piece {
	if s == "" {
		return nil
	}
	return []piece{{Text: s}}
}

func dateCell(lang, s string) []piece {
	var p pieces
	p.date(lang, s)
	return p
}

func parasCell(s string) []piece {
	var p pieces
	p.paras(s)
	return p
}

func linkCell(rawURL, text string) []piece {
	var p pieces
	p.link(rawURL, text)
	return p
}

// tables are the record page's tables, by the path of their field. A test
// holds the map to the table's rows with Display Table.
var tables = map[string]tableSpec{
	"measures": {[]string{"col.property", "col.unit", "col.frequency"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for _, m := range c.r.Measures {
			rows = append(rows, [][]piece{cell(m.Property), cell(m.Unit), cell(m.Frequency)})
		}
		return rows
	}, []string{"property", "unit", "frequency"}},
	"datasets": {[]string{"col.name", "col.source", "col.description", "col.pd", "col.link"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for k, d := range c.r.Datasets {
			var u []piece
			if !c.r.IsWithheld(fmt.Sprintf("datasets.%d.url", listIndex(c.r, "datasets", k))) {
				u = linkCell(d.URL, "")
			}
			name := cell(d.Name)
			if strings.Contains(d.Name, "\n") {
				// A description of the data kept whole as one dataset (the
				// national register's "Gegevens"): its paragraphs as written.
				name = parasCell(d.Name)
			}
			rows = append(rows, [][]piece{name, cell(d.Source), parasCell(d.Description), cell(boolText(c.lang, d.PersonalData)), u})
		}
		return rows
	}, []string{"name", "source", "description", "personal_data", "url"}},
	"decisions": {[]string{"col.body", "col.kind", "col.date", "col.reference"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for _, d := range c.r.Decisions {
			rows = append(rows, [][]piece{cell(valueLabel(c.lang, "decisions.body", d.Body)), cell(valueLabel(c.lang, "decisions.kind", d.Kind)),
				dateCell(c.lang, d.Date), linkCell(d.Reference, "")})
		}
		return rows
	}, []string{"body", "kind", "date", "reference"}},
	"data_sharing": {[]string{"col.party", "col.purpose", "col.period", "col.retention", "col.onward"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for _, d := range c.r.DataSharing {
			var period pieces
			period.date(c.lang, d.Start)
			period.text(" – ")
			period.date(c.lang, d.End)
			rows = append(rows, [][]piece{cell(d.Party), parasCell(d.Purpose), period, cell(humanDuration(c.lang, d.Retention)), cell(boolText(c.lang, d.OnwardSharing))})
		}
		return rows
	}, []string{"party", "purpose", "", "retention", "onward_sharing"}},
	"assessments": {[]string{"col.type", "col.date", "col.summary", "col.link"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for _, a := range c.r.Assessments {
			rows = append(rows, [][]piece{cell(a.Type), dateCell(c.lang, a.Date), parasCell(a.Summary), linkCell(a.URL, "")})
		}
		return rows
	}, []string{"type", "date", "summary", "url"}},
	"reviews":    {[]string{"col.body", "col.advice", "col.response"}, reviewRows, []string{"body"}},
	"exceptions": {[]string{"col.rule", "col.reason", "col.legalbasis", "col.approvedby", "col.until"}, exceptionRows, []string{"rule", "reason", "", "", "until"}},
	// Incidents show their type, dates and summary only (the summary is
	// written for publication; the rest are working notes).
	"incidents": {[]string{"col.type", "col.discovered", "col.reported", "col.summary"}, func(c *fieldCtx) [][][]piece {
		var rows [][][]piece
		for _, in := range c.r.Incidents {
			rows = append(rows, [][]piece{cell(valueLabel(c.lang, "incidents.type", in.Type)), dateTimeCell(c.lang, in.Discovered),
				dateTimeCell(c.lang, in.Reported), parasCell(in.Summary)})
		}
		return rows
	}, []string{"type", "discovered", "reported", "summary"}},
}

// reviewRows are the reviews with the municipality's response beside each
// advice: whether it was asked, what it said, and what the municipality
// answered, or that it has not yet.
func reviewRows(c *fieldCtx) [][][]piece {
	lang := c.lang
	var rows [][][]piece
	for _, rv := range c.r.Reviews {
		var advice pieces
		advice.date(lang, rv.Date)
		if rv.Asked != nil {
			advice = append(advice, piece{Text: " "}, piece{Muted: "(" + t(lang, map[bool]string{true: "review.asked", false: "review.unasked"}[*rv.Asked]) + ")"})
		}
		advice.paras(rv.Summary)
		advice.link(rv.URL, "")
		var response pieces
		switch {
		case rv.Response != nil:
			response.date(lang, rv.Response.Date)
			response.paras(rv.Response.Summary)
			response.link(rv.Response.URL, "")
		case rv.AwaitsResponse():
			// Since the advice's date, beside it; whether the term has
			// lapsed is a finding on the same page.
			response.text(t(lang, "review.open"))
		}
		rows = append(rows, [][]piece{cell(valueLabel(lang, "reviews.body", rv.Body)), advice, response})
	}
	return rows
}

// exceptionRows are the approved exceptions, each with what the AI Act asks
// of the police's biometric identification, so residents can see on what
// the exception rests.
func exceptionRows(c *fieldCtx) [][][]piece {
	lang := c.lang
	var rows [][][]piece
	for _, e := range c.r.Exceptions {
		var basis pieces
		basis.text(e.LegalBasis)
		if e.Objective != "" {
			basis.para(t(lang, "exc.objective"), false, pieces{{Text: valueLabel(lang, "exceptions.objective", e.Objective)}})
		}
		if e.NationalLaw != "" {
			basis.para(t(lang, "exc.nationallaw"), false, pieces{{Text: e.NationalLaw}})
		}
		if a := e.Authorisation; a != nil {
			v := pieces{{Text: a.Authority + " "}}
			v.date(lang, a.Date)
			v.text(" " + a.Reference)
			basis.para(t(lang, "exc.authorisation"), false, v)
		}
		var approved pieces
		approved.text(e.ApprovedBy + " ")
		approved.date(lang, e.ApprovedOn)
		rows = append(rows, [][]piece{cell(e.Rule), parasCell(e.Reason), basis, approved, dateCell(lang, e.Until)})
	}
	return rows
}

// dateTimeCell is an RFC 3339 time in Amsterdam time, or a date.
func dateTimeCell(lang, s string) []piece {
	if s == "" {
		return nil
	}
	return []piece{{Time: dateTimePiece(lang, s)}}
}
