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
	Rows        [][][]piece // a row's first cell heads it
}

// recordSection is a section of the record page: its rows, then its
// tables, each as record.html's templates "row" and "table" wrote it.
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
}

// pieces collects what a field shows, leaving out what is empty, so that a
// field with nothing to show has no pieces.
type pieces []piece

func (p *pieces) text(s string) {
	if s != "" {
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

// splitParas splits free text into paragraphs of lines, as paragraphs does.
func splitParas(s string) [][]string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return nil
	}
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

// sections are the record's sections as the page shows them: each of the
// table's sections for the record's kind with something to show, and a
// Custom field with a section of its own after the section it belongs to.
func (c *fieldCtx) sections() ([]recordSection, error) {
	var out []recordSection
	for _, s := range field.Sections {
		if s.Record != "" && s.Record != c.r.Kind {
			continue
		}
		sec := recordSection{ID: s.ID, Title: s.Title[langIndex(c.lang)]}
		var after []recordSection
		var rows strings.Builder
		rows.Grow(2048)
		withheldGroup := ""
		for _, f := range shownFields()[shownKey{s.Key, c.r.Kind}] {
			if withheldGroup != "" && strings.HasPrefix(f.Path, withheldGroup+".") {
				continue // said once, by the group's row
			}
			label := f.Text(c.lang)
			var row template.HTML
			var err error
			switch {
			case f.Display == field.Table:
				var t template.HTML
				if t, err = c.table(f); t != "" {
					sec.Tables = append(sec.Tables, t)
				}
			case customSections[f.Path].show != nil:
				cs := customSections[f.Path]
				own := recordSection{ID: cs.id, Title: label}
				if cs.show(c, &own) {
					after = append(after, own)
				}
			case c.r.IsWithheld(f.Path):
				held := heldView(c.r)
				row, err = c.sk.part("held\x00"+label+"\x00"+held.Reason, "row", &fieldRow{Label: label, Held: &held})
				if !f.Leaf() {
					withheldGroup = f.Path
				}
			case f.Kind == field.Group && f.Display == field.Row:
				// Its fields have rows of their own.
			default:
				row, err = c.fieldRow(label, f)
			}
			if err != nil {
				return nil, err
			}
			rows.WriteString(string(row))
		}
		// Rows the template wrote, one after another.
		sec.Rows = template.HTML(rows.String())
		if sec.Rows != "" || len(sec.Tables) > 0 {
			out = append(out, sec)
		}
		out = append(out, after...)
	}
	return out, nil
}

// fieldRow is the row of a field, as its kind says or as the page composes
// it (Custom): "Niet ingevuld" when the record leaves it empty where it is
// needed, and nothing when it is not. Records share many values (a type, a
// date, a department, a text used for many sensors alike): a row is
// rendered once for the pages of a language and kind, and kept for the next
// page that shows the same.
func (c *fieldCtx) fieldRow(label string, f field.Field) (template.HTML, error) {
	var key string
	var v pieces
	if f.Display == field.Custom {
		if v = customFields[f.Path](c); len(v) > 0 {
			key = "custom\x00" + f.Path + "\x00" + v.key()
		}
	} else if raw, ok := f.Value(c.r); ok {
		key = "row\x00" + f.Path + "\x00" + valueKey(raw)
		if h, ok := c.sk.cached(key); ok {
			return h, nil
		}
		v = c.value(f)
	}
	switch {
	case len(v) > 0:
		return c.sk.part(key, "row", &fieldRow{Label: label, Value: v})
	case f.Need.Applies(c.r):
		return c.sk.part("missing\x00"+label, "row", &fieldRow{Label: label, Missing: true})
	}
	return "", nil
}

// key says what the pieces show: the same key, the same HTML.
func (p pieces) key() string {
	var b strings.Builder
	b.Grow(256)
	var add func(ps []piece)
	add = func(ps []piece) {
		for _, pc := range ps {
			b.WriteString(pc.Text)
			b.WriteByte(1)
			if pc.Time != nil {
				b.WriteString(pc.Time.Datetime + "\x02" + pc.Time.Text)
			}
			b.WriteByte(1)
			for _, para := range pc.Paras {
				for _, line := range para {
					b.WriteString(line)
					b.WriteByte(2)
				}
				b.WriteByte(3)
			}
			b.WriteString(pc.Lang)
			b.WriteByte(1)
			if pc.Link != nil {
				b.WriteString(pc.Link.Href + "\x02" + pc.Link.Text + "\x02" + strconv.FormatBool(pc.Link.Site))
			}
			b.WriteByte(1)
			b.WriteByte(4)
			add(pc.List)
			b.WriteByte(5)
			if pc.Para != nil {
				b.WriteString(pc.Para.Label + "\x02" + strconv.FormatBool(pc.Para.Strong))
				b.WriteByte(4)
				add(pc.Para.Value)
				b.WriteByte(5)
			}
			b.WriteByte(1)
			for _, line := range pc.Lines {
				b.WriteString(line)
				b.WriteByte(2)
			}
			b.WriteByte(1)
			b.WriteString(pc.Code + "\x01" + pc.Mail + "\x01" + pc.Muted)
			b.WriteByte(6)
		}
	}
	add(p)
	return b.String()
}

// valueKey is a field's value as part of a key of skeleton.kept.
func valueKey(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, "\x1f")
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// table is a list of objects as a table with a caption and column
// headers, as the template "table" wrote it; "" when the record lists none.
func (c *fieldCtx) table(f field.Field) (template.HTML, error) {
	tb := fieldTable{ID: "t-" + strings.ReplaceAll(f.Path, ".", "-"), Caption: f.Text(c.lang)}
	if c.r.IsWithheld(f.Path) {
		held := heldView(c.r)
		tb.Held = &held
		return c.sk.part("tableheld\x00"+f.Path+"\x00"+held.Reason, "table", &tb)
	}
	spec := tables[f.Path]
	if tb.Rows = spec.rows(c); len(tb.Rows) == 0 {
		return "", nil
	}
	for _, col := range spec.cols {
		tb.Cols = append(tb.Cols, t(c.lang, col))
	}
	var key strings.Builder
	key.Grow(512)
	key.WriteString("table\x00" + f.Path)
	for _, row := range tb.Rows {
		for _, cell := range row {
			key.WriteString("\x00" + pieces(cell).key())
		}
		key.WriteString("\x07")
	}
	return c.sk.part(key.String(), "table", &tb)
}
