package site

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record page's fields come from the field table (internal/field): each
// section of the page lists, in the table's order, the fields the table puts
// there. A field is shown by its kind of value (a date as a reader says it,
// an enumerated value by its words, free text in paragraphs), a list of
// objects as a table (recordtables.go), and a field the table marks Custom
// by the page's own composition of it and the fields below it
// (recordcustom.go). What a field shows is a list of pieces, data only:
// templates/record.html writes them, so every text is escaped by the
// template engine in its context.

// piece is part of what a field shows. One of its fields is set; they are
// tried in the order listed, so the common ones come first.
type piece struct {
	Text  string     // text
	Time  *timePiece // a date, as a reader says it
	Paras [][]string // free text: paragraphs, each a list of lines
	// Lang is the language of Paras when it is not the page's (WCAG 3.1.2).
	Lang  string
	Link  *linkPiece
	List  []piece    // a list without bullets, a piece per item
	Para  *paraPiece // a paragraph of its own with a label
	Lines []string   // lines, with a line break between each
	Code  string     // text set as code
	Mail  string     // an e-mail address, as a mailto link
	Muted string     // a remark set apart
}

// timePiece is a date or time: Datetime is the machine-readable value, ""
// when the text is not a date.
type timePiece struct{ Datetime, Text string }

// linkPiece is a link. Site: a link within the site, which needs no
// rel="noopener".
type linkPiece struct {
	Href, Text string
	Site       bool
}

// paraPiece is a paragraph "Label: value", with the label in bold when
// Strong; without a label, just the value.
type paraPiece struct {
	Label  string
	Strong bool
	Value  []piece
}

// fieldRow is a row of a section's definition list.
type fieldRow struct {
	Label   string
	Held    *withheldView // the record withholds the field: "niet openbaar"
	Missing bool          // the field is empty where it is needed: "Niet ingevuld"
	Value   []piece
}

// fieldTable is a list of objects, shown after a section's rows.
type fieldTable struct {
	ID, Caption string
	Held        *withheldView // the record withholds the list
	Cols        []string
	Rows        [][]template.HTML // cells as appendPieces wrote them; a row's first cell heads it
}

// recordSection is a section of the record page: its rows, then its
// tables, as appendRow and record.html's template "table" wrote them.
// Correction, when set, is all it shows: the page's "Fout in uw gegevens?".
type recordSection struct {
	ID, Title string
	// Head is the section's opening and heading, the same on every page
	// in a language: rendered once (skeleton).
	Head       template.HTML
	Rows       template.HTML
	Tables     []template.HTML
	Correction *correctionView
}

// fieldCtx is what the value of a field is made of: the record as the public
// view has it, and the page it is shown on.
type fieldCtx struct {
	b    *builder
	sk   *skeleton
	lang string
	root string // the way back to the site root
	r    *record.Record
	key  []byte // the key of the part in hand (skeleton.kept), reused
	// rows and tabs hold a section's rows and tables while it is written;
	// they are the scratch of one page after another (sectionScratch).
	*scratch
}

// scratch is what a page's sections are written in before they are one
// HTML text: its buffers are reused page after page, which saved a third of
// the bytes a record page allocated.
type scratch struct{ out, rows, tabs []byte }

var sectionScratch = sync.Pool{New: func() any { return new(scratch) }}

// pieces collects what a field shows, leaving out what is empty, so that a
// field with nothing to show has no pieces.
type pieces []piece

func (p *pieces) text(s string) {
	if s != "" {
		*p = append(*p, piece{Text: s})
	}
}

// stated adds a text the record states, when it says anything
// (record.Says): a "-" where a value goes is shown as no value, as the
// checklist reads it. text is for the page's own words and separators.
func (p *pieces) stated(s string) {
	if record.Says(s) {
		*p = append(*p, piece{Text: s})
	}
}

// paras adds free text: a blank line starts a paragraph, a single line
// break is kept.
func (p *pieces) paras(s string) {
	if ps := splitParas(s); ps != nil {
		*p = append(*p, piece{Paras: ps})
	}
}

func (p *pieces) date(lang, s string) {
	if s != "" {
		*p = append(*p, datePiece(lang, s))
	}
}

// link adds a link to an http(s) address with the text (the address itself
// when text is empty); any other address is shown as text only.
func (p *pieces) link(rawURL, text string) {
	if l, ok := linkTo(rawURL, text); ok {
		*p = append(*p, l)
	}
}

// para adds a paragraph "label: value" when the value is not empty.
func (p *pieces) para(label string, strong bool, value pieces) {
	if len(value) > 0 {
		*p = append(*p, piece{Para: &paraPiece{Label: label, Strong: strong, Value: value}})
	}
}

// list adds a list of the items, each a piece; none when there are none.
func (p *pieces) list(items []piece) {
	if len(items) > 0 {
		*p = append(*p, piece{List: items})
	}
}

func linkTo(rawURL, text string) (piece, bool) {
	if text == "" {
		text = rawURL
	}
	if text == "" {
		return piece{}, false
	}
	if !isWebURL(rawURL) {
		return piece{Text: text}, true
	}
	return piece{Link: &linkPiece{Href: strings.TrimSpace(rawURL), Text: text}}, true
}

// datePiece is a YYYY-MM-DD date as a reader says it; other text as it is.
func datePiece(lang, s string) piece {
	long := longDate(lang, s)
	if long == s {
		return piece{Time: &timePiece{Text: s}}
	}
	return piece{Time: &timePiece{Datetime: s, Text: long}}
}

// dateTimePiece is an RFC 3339 time in Amsterdam time; other text as
// datePiece has it.
func dateTimePiece(lang, s string) *timePiece {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return datePiece(lang, s).Time
	}
	local := tm.In(period.Amsterdam)
	return &timePiece{Datetime: s, Text: longDate(lang, local.Format("2006-01-02")) + local.Format(", 15:04")}
}

// splitParas splits free text into paragraphs of lines, as paragraphs does;
// none for a text that says nothing (record.Says).
func splitParas(s string) [][]string {
	if !record.Says(s) {
		return nil
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	var out [][]string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Split(p, "\n"))
		}
	}
	return out
}

func yesNo(lang string, v bool) string {
	if v {
		return t(lang, "yes")
	}
	return t(lang, "no")
}

// boolText is yes or no, or "" when not stated.
func boolText(lang string, v *bool) string {
	if v == nil {
		return ""
	}
	return yesNo(lang, *v)
}

// value is what a field with a row of its own shows, written as its kind
// says; nil when the record leaves it empty.
func (c *fieldCtx) value(f field.Field) pieces {
	v, ok := f.Value(c.r)
	if !ok {
		return nil
	}
	var p pieces
	switch f.Kind {
	case field.Prose:
		if ps := splitParas(v.(string)); ps != nil {
			pc := piece{Paras: ps}
			if c.lang != contentLang {
				pc.Lang = contentLang
			}
			p = append(p, pc)
		}
	case field.Enum:
		p.text(valueLabel(c.lang, f.Path, v.(string)))
	case field.Enums:
		var items []piece
		for _, s := range v.([]string) {
			items = append(items, piece{Text: valueLabel(c.lang, f.Path, s)})
		}
		p.list(items)
	case field.Texts:
		p.text(strings.Join(v.([]string), ", "))
	case field.Bool:
		p.text(yesNo(c.lang, v.(bool)))
	case field.Int:
		p.text(strconv.Itoa(v.(int)))
	case field.Number:
		p.text(strconv.FormatFloat(v.(float64), 'f', -1, 64))
	case field.Date:
		p.date(c.lang, v.(string))
	case field.Duration:
		p.text(humanDuration(c.lang, v.(string)))
	case field.URL:
		p.link(v.(string), "")
	default: // Text, Email
		p.text(v.(string))
	}
	return p
}

// shownKey is a section of the record page for a kind of record.
type shownKey struct {
	section string
	kind    record.Kind
}

// shownFields are the fields each section shows for each kind of record
// (field.Shown), worked out once.
var shownFields = sync.OnceValue(func() map[shownKey][]field.Field {
	m := map[shownKey][]field.Field{}
	for _, s := range field.Sections {
		for _, k := range record.Kinds {
			m[shownKey{s.Key, k}] = field.Shown(s.Key, k)
		}
	}
	return m
})

// sections writes the record's sections as the page shows them: each of
// the table's sections for the record's kind with something to show, and
// a Custom field with a section of its own after the section it belongs
// to.
func (c *fieldCtx) sections() (template.HTML, error) {
	c.scratch = sectionScratch.Get().(*scratch)
	defer func() {
		sectionScratch.Put(c.scratch)
		c.scratch = nil
	}()
	out := c.out[:0]
	for _, s := range field.Sections {
		if s.Record != "" && s.Record != c.r.Kind {
			continue
		}
		rows, tables, after, err := c.fields(s)
		if err != nil {
			return "", err
		}
		if len(rows) > 0 || len(tables) > 0 {
			if out, err = c.appendSection(out, s.ID, rows, tables); err != nil {
				return "", err
			}
		}
		for _, own := range after {
			own.Head = c.sk.heads[own.ID]
			var b strings.Builder
			if err := executeRecord(&b, c.lang, "section", &own); err != nil {
				return "", err
			}
			out = append(out, b.String()...)
		}
	}
	c.out = out
	return template.HTML(out), nil
}

// fields are the rows and the tables of the section's fields, each
// written one after another (into c's scratch, valid until the next
// section), and the sections of its own of a Custom field that has one.
func (c *fieldCtx) fields(s field.Section) (rows, tables []byte, after []recordSection, err error) {
	c.rows, c.tabs = c.rows[:0], c.tabs[:0]
	withheldGroup := ""
	for _, f := range shownFields()[shownKey{s.Key, c.r.Kind}] {
		if withheldGroup != "" && strings.HasPrefix(f.Path, withheldGroup+".") {
			continue // said once, by the group's row
		}
		label := f.Text(c.lang)
		var row template.HTML
		switch {
		case f.Display == field.Table:
			if err := c.table(f); err != nil {
				return nil, nil, nil, err
			}
		case customSections[f.Path].show != nil:
			cs := customSections[f.Path]
			own := recordSection{ID: cs.id, Title: label}
			if cs.show(c, &own) {
				after = append(after, own)
			}
		case c.r.IsWithheld(f.Path):
			held := heldView(c.r, c.lang)
			c.key = append(append(append(append(c.key[:0], "held\x00"...), label...), 0), held.Reason...)
			row = c.row(&fieldRow{Label: label, Held: &held})
			if !f.Leaf() {
				withheldGroup = f.Path
			}
		case f.Kind == field.Group && f.Display == field.Row:
			// Its fields have rows of their own.
		default:
			row = c.fieldRow(label, f)
		}
		c.rows = append(c.rows, row...)
	}
	return c.rows, c.tabs, after, nil
}

// appendSection appends to dst a section of rows and tables in the frame
// the template "section" writes around them.
func (c *fieldCtx) appendSection(dst []byte, id string, rows, tables []byte) ([]byte, error) {
	sec := recordSection{ID: id, Head: c.sk.heads[id]}
	fill := make([][]byte, 0, 2)
	if len(rows) > 0 {
		sec.Rows = slot
		fill = append(fill, rows)
	}
	if len(tables) > 0 {
		sec.Tables = []template.HTML{slot}
		fill = append(fill, tables)
	}
	// Rows or none, tables or none: the slots say which.
	rowSlots := 0
	if len(rows) > 0 {
		rowSlots = 1
	}
	f, err := c.sk.frame(frameKey{"section", id, rowSlots, len(fill)}, &sec)
	if err != nil {
		return dst, err
	}
	return appendFilled(dst, f, fill...), nil
}

// fieldRow is the row of a field, as its kind says or as the page composes
// it (Custom): "Niet ingevuld" when the record leaves it empty where it is
// needed, and nothing when it is not. Records share many values (a type, a
// date, a department, a text used for many sensors alike): a row is
// rendered once for the pages of a language and kind, and kept for the next
// page that shows the same.
func (c *fieldCtx) fieldRow(label string, f field.Field) template.HTML {
	var v pieces
	if f.Display == field.Custom {
		if v = customFields[f.Path](c); len(v) > 0 {
			c.key = v.appendKey(append(append(append(c.key[:0], "custom\x00"...), f.Path...), 0))
		}
	} else if raw, ok := f.Value(c.r); ok {
		c.key = appendValueKey(append(append(append(c.key[:0], "row\x00"...), f.Path...), 0), raw)
		if h, ok := c.sk.cached(c.key); ok {
			return h
		}
		v = c.value(f)
	}
	switch {
	case len(v) > 0:
		return c.row(&fieldRow{Label: label, Value: v})
	case f.Need.Applies(c.r):
		c.key = append(append(c.key[:0], "missing\x00"...), label...)
		return c.row(&fieldRow{Label: label, Missing: true})
	}
	return ""
}

// appendKey appends what the pieces show to dst: the same key, the same
// HTML.
func (p pieces) appendKey(dst []byte) []byte {
	for _, pc := range p {
		dst = append(append(dst, pc.Text...), 1)
		if pc.Time != nil {
			dst = append(append(append(dst, pc.Time.Datetime...), 2), pc.Time.Text...)
		}
		dst = append(dst, 1)
		for _, para := range pc.Paras {
			for _, line := range para {
				dst = append(append(dst, line...), 2)
			}
			dst = append(dst, 3)
		}
		dst = append(append(dst, pc.Lang...), 1)
		if pc.Link != nil {
			dst = append(append(append(append(append(dst, pc.Link.Href...), 2), pc.Link.Text...), 2), strconv.FormatBool(pc.Link.Site)...)
		}
		dst = append(dst, 1, 4)
		dst = pieces(pc.List).appendKey(dst)
		dst = append(dst, 5)
		if pc.Para != nil {
			dst = append(append(append(append(dst, pc.Para.Label...), 2), strconv.FormatBool(pc.Para.Strong)...), 4)
			dst = pieces(pc.Para.Value).appendKey(dst)
			dst = append(dst, 5)
		}
		dst = append(dst, 1)
		for _, line := range pc.Lines {
			dst = append(append(dst, line...), 2)
		}
		dst = append(dst, 1)
		dst = append(append(append(append(append(dst, pc.Code...), 1), pc.Mail...), 1), pc.Muted...)
		dst = append(dst, 6)
	}
	return dst
}

// appendValueKey appends a field's value to dst, as part of a key of
// skeleton.kept.
func appendValueKey(dst []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return append(dst, v...)
	case []string:
		for i, s := range v {
			if i > 0 {
				dst = append(dst, 0x1f)
			}
			dst = append(dst, s...)
		}
		return dst
	case bool:
		return strconv.AppendBool(dst, v)
	case int:
		return strconv.AppendInt(dst, int64(v), 10)
	case float64:
		return strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	return fmt.Append(dst, v)
}

// table writes to c.tabs a list of objects as a table with a caption and
// column headers, as the template "table" wrote it; nothing when the record
// lists none. Its cells are written by appendPieces, each kept for
// the pages that show the same (a date, a yes, a unit), and set in the
// frame the template "table" writes for as many rows.
func (c *fieldCtx) table(f field.Field) error {
	tb := fieldTable{ID: "t-" + strings.ReplaceAll(f.Path, ".", "-"), Caption: f.Text(c.lang)}
	if c.r.IsWithheld(f.Path) {
		held := heldView(c.r, c.lang)
		tb.Held = &held
		c.key = append(append(append(append(c.key[:0], "tableheld\x00"...), f.Path...), 0), held.Reason...)
		h, err := c.sk.part(c.key, "table", &tb)
		c.tabs = append(c.tabs, h...)
		return err
	}
	spec := tables[f.Path]
	rows := spec.rows(c)
	if len(rows) == 0 {
		return nil
	}
	spec.withheldCells(c, f.Path, rows)
	var cells []template.HTML
	for _, row := range rows {
		slots := make([]template.HTML, len(row))
		for i, cell := range row {
			slots[i] = slot
			cells = append(cells, c.cell(cell))
		}
		tb.Rows = append(tb.Rows, slots)
	}
	for _, col := range spec.cols {
		tb.Cols = append(tb.Cols, t(c.lang, col))
	}
	fr, err := c.sk.frame(frameKey{"table", f.Path, len(rows), len(cells)}, &tb)
	if err != nil {
		return err
	}
	c.tabs = appendFilled(c.tabs, fr, cells...)
	return nil
}

// cell is a table cell: its pieces.
func (c *fieldCtx) cell(p pieces) template.HTML {
	if len(p) == 0 {
		return ""
	}
	c.key = p.appendKey(append(c.key[:0], "cell\x00"...))
	return c.sk.written(c.key, func(b []byte) []byte { return appendPieces(b, p) })
}

// row is the part for c.key: the row r of a section's definition list.
func (c *fieldCtx) row(r *fieldRow) template.HTML {
	return c.sk.written(c.key, func(b []byte) []byte { return appendRow(b, c.lang, r) })
}
