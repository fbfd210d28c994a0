package packet

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/voorbeeldstad/register/internal/finding"
)

// The PDF is laid out in Go and written by pdfWriter, page by page, with
// the Go fonts (BSD licence, from golang.org/x/image) read by gopdf's
// TrueType parser and embedded as subsets: no browser or other program is
// needed, and Dutch text (ë, é, ï, ‘’) renders as it should. Sizes are in
// points on an A4 page.
const (
	pageW, pageH  = 595.28, 841.89
	marginL       = 50.0
	marginR       = 50.0
	marginTop     = 56.0
	marginBottom  = 62.0
	contentW      = pageW - marginL - marginR
	bodySize      = 9.5
	bodyLead      = 13.0
	cellPad       = 3.5
	minRowLines   = 2 // a row split across pages keeps at least this many lines together
	fontRegular   = "regular"
	fontBold      = "bold"
	fontItalic    = "italic"
	fontMono      = "mono"
	colourInk     = 0x1b
	colourMuted   = 0x55
	headingGap    = 6.0
	paragraphGap  = 5.0
	tableGapAfter = 8.0
)

// WritePDF writes the packet as an A4 PDF: a cover page, the agenda, a page
// per record and the appendix, with page numbers ("Pagina 3 van 12") and a
// bookmark per record. Tables break between rows and repeat their header
// row on the next page; a row too long for one page continues on the next.
// Each page is written as soon as it is laid out (see pdfWriter), so the
// memory it takes does not grow with the packet.
func WritePDF(w io.Writer, p *Packet) error {
	// Fonts in a fixed order, so the same packet gives the same file.
	var fonts []*pdfFont
	byName := map[string]*pdfFont{}
	for _, f := range []struct {
		name, base string
		data       []byte
	}{{fontRegular, "GoRegular", goregular.TTF}, {fontBold, "GoBold", gobold.TTF}, {fontItalic, "GoItalic", goitalic.TTF}, {fontMono, "GoMono", gomono.TTF}} {
		font, err := newPDFFont(f.base, f.data)
		if err != nil {
			return fmt.Errorf("PDF font %s: %w", f.name, err)
		}
		fonts = append(fonts, font)
		byName[f.name] = font
	}
	d := &pdfDoc{pdf: newPDFWriter(w, fonts), p: p, fonts: byName}
	d.render()
	// Footers last, when the number of pages is known.
	err := d.pdf.finish(pdfInfo{title: p.Title + " · " + p.Meeting, subject: p.Committee, creator: "register packet", producer: "register packet"},
		d.footer, d.pageNumber)
	if err != nil {
		return fmt.Errorf("write PDF packet: %w", err)
	}
	return nil
}

// pdfDoc is the layout state: the document, the cursor and the page count.
type pdfDoc struct {
	pdf   *pdfWriter
	p     *Packet
	y     float64
	pages int
	fonts map[string]*pdfFont
	font  *pdfFont
	size  float64
	ink   colour // the colour of the text that follows
	// mark is the confidential mark of the record being laid out, for the
	// top and foot of each of its pages; markFit is it shortened to fit,
	// and markOf the mark markFit was made of.
	mark, markFit, markOf string
	// words is wrap's buffer for the words of a line.
	words []string
	// cells and rows are the table being made (see row).
	cells []pdfCell
	rows  [][]pdfCell
	// wrapped are the lines of texts wrap broke already, by font, size,
	// width and text: a packet's tables repeat the same findings, labels
	// and values record after record.
	wrapped map[wrapKey][]string
}

// wrapKey is all that decides how wrap breaks a text.
type wrapKey struct {
	font        string
	size, width float64
	text        string
}

// wrappedMax bounds the texts wrap remembers; past it, it starts afresh,
// so the memory of a long packet stays that of a short one.
const wrappedMax = 4096

// render lays out the whole packet: the cover, the agenda, a section per
// record and the appendix of principles.
func (d *pdfDoc) render() {
	d.cover()
	d.agenda()
	for i, it := range d.p.Items {
		d.mark = it.Confidential
		d.newPage()
		d.pdf.outline(fmt.Sprintf("%d. %s", i+1, recordName(it.Record)))
		d.item(i, it)
		d.mark = ""
	}
	d.appendix()
}

// cover lays out the first page: the title, the committee and a table of
// the meeting, the register and what the packet holds.
func (d *pdfDoc) cover() {
	p := d.p
	d.newPage()
	d.pdf.outline(p.Title)
	d.y = 200
	d.paragraph(fontBold, 22, 28, p.Title, colourInk)
	d.y += 4
	d.paragraph(fontRegular, 13, 18, p.Committee, colourMuted)
	d.y += 18
	d.table(nil, []float64{150, contentW - 150}, d.coverFacts(), false)
	if p.HistoryNote != "" {
		d.y += 6
		d.paragraph(fontItalic, bodySize, bodyLead, p.HistoryNote, colourMuted)
	}
	if p.Notice != "" {
		d.y += 6
		d.paragraph(fontBold, bodySize, bodyLead, p.Notice, colourInk)
	}
}

// coverFacts are the rows of the cover's table.
func (d *pdfDoc) coverFacts() [][]pdfCell {
	p, L := d.p, d.p.L
	meta := [][]pdfCell{{{text: L.Meeting, font: fontBold}, {text: p.Meeting}}}
	if p.Organisation != "" {
		meta = append(meta, []pdfCell{{text: L.Organisation, font: fontBold}, {text: p.Organisation}})
	}
	meta = append(meta, []pdfCell{{text: L.Register, font: fontBold}, {text: p.Register, font: fontMono}})
	if p.Commit != "" {
		c := p.Commit
		if p.Dirty {
			c += " (" + L.Uncommitted + ")"
		}
		meta = append(meta, []pdfCell{{text: L.Commit, font: fontBold}, {text: c, font: fontMono}})
	}
	if p.Since != "" {
		meta = append(meta, []pdfCell{{text: L.ComparedWith, font: fontBold}, {text: p.Since}})
	}
	return append(meta, []pdfCell{{text: L.Window, font: fontBold}, {text: p.Window}},
		[]pdfCell{{text: L.Counts, font: fontBold}, {text: p.CountText()}})
}

// agenda lays out the agenda: the records on it, the records removed, the
// deviations and the advice still open.
func (d *pdfDoc) agenda() {
	p, L := d.p, d.p.L
	d.newPage()
	d.pdf.outline(L.Agenda)
	d.heading(1, L.Agenda)
	if len(p.Items) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NothingOnAgenda, colourInk)
	} else {
		var rows [][]pdfCell
		for i, it := range p.Items {
			why := it.ReasonText
			if it.Confidential != "" {
				why += "\n" + it.Confidential
			}
			rows = append(rows, []pdfCell{{text: fmt.Sprint(i + 1)}, {text: recordName(it.Record) + "\n" + it.Record.ID},
				{text: it.Kind}, {text: why}})
		}
		d.table([]string{"#", L.Record, L.Kind, L.Why}, []float64{24, 215, 140, contentW - 379}, rows, true)
	}
	if len(p.Removed) > 0 {
		d.heading(2, L.RemovedTitle)
		d.paragraph(fontRegular, bodySize, bodyLead, L.RemovedIntro, colourInk)
		for _, r := range p.Removed {
			d.paragraph(fontMono, bodySize-1, bodyLead, "• "+r.File, colourInk)
		}
	}
	d.heading(2, L.DeviationsT)
	if len(p.Deviations) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NoDeviations, colourInk)
	} else {
		d.paragraph(fontRegular, bodySize, bodyLead, L.DeviationsIntro, colourInk)
		d.bullets(p.Deviations)
	}
	d.heading(2, p.AdviceTitle())
	d.paragraph(fontRegular, bodySize, bodyLead, p.AdviceIntro(), colourInk)
	d.bullets(p.OpenAdvice)
}

// bullets writes a paragraph per item, each after a bullet.
func (d *pdfDoc) bullets(items []string) {
	for _, s := range items {
		d.paragraph(fontRegular, bodySize, bodyLead, "• "+s, colourInk)
	}
}

// appendix lays out the principles the packet names, with their rules.
func (d *pdfDoc) appendix() {
	p, L := d.p, d.p.L
	if len(p.Principles) == 0 {
		return
	}
	d.newPage()
	d.pdf.outline(L.AppendixT)
	d.heading(1, L.AppendixT)
	d.paragraph(fontRegular, bodySize, bodyLead, L.AppendixIntro, colourInk)
	for _, pr := range p.Principles {
		title := pr.Ref
		if pr.Label != "" {
			title += ": " + pr.Label
		}
		d.heading(2, title)
		for _, r := range pr.Rules {
			text := r.Title + " (" + r.ID + ")"
			if r.Why != "" {
				text += ". " + r.Why
			}
			d.paragraph(fontRegular, bodySize, bodyLead, text, colourInk)
			d.y += 2
		}
	}
}

// item lays out one record's section.
func (d *pdfDoc) item(i int, it *Item) {
	L := d.p.L
	d.heading(1, fmt.Sprintf("%d. %s", i+1, recordName(it.Record)))
	d.paragraph(fontRegular, bodySize, bodyLead, it.Kind+" · "+it.Record.ID+" · "+it.ReasonText, colourMuted)
	d.y += 2
	if it.Confidential != "" {
		d.paragraph(fontBold, bodySize, bodyLead, it.Confidential, colourInk)
		d.y += 2
	}

	d.heading(2, L.KeyFacts)
	d.newRows()
	for _, f := range it.Facts {
		d.row(pdfCell{text: f.Label, font: fontBold}, pdfCell{text: f.Value})
	}
	d.table(nil, []float64{130, contentW - 130}, d.rows, true)
	d.itemFindings(it)
	d.itemDue(it)
	d.itemChanges(it)
	d.itemExceptions(it)

	d.heading(2, L.QuestionsT)
	if len(it.Questions) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NoQuestions, colourInk)
	}
	for j, q := range it.Questions {
		d.numbered(fmt.Sprintf("%d.", j+1), q)
	}
}

// itemFindings lays out a record's findings of the checklist.
func (d *pdfDoc) itemFindings(it *Item) {
	L := d.p.L
	d.heading(2, L.FindingsT)
	if len(it.Findings) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NoFindings, colourInk)
		return
	}
	d.newRows()
	for _, f := range it.Findings {
		sev := pdfCell{text: f.Level, font: fontBold, colour: severityColour(f.Severity)}
		msg := f.Message
		if f.Help != "" {
			msg += "\n→ " + f.Help
		}
		d.row(sev, pdfCell{text: f.Title + "\n" + f.Rule}, pdfCell{text: f.Principle}, pdfCell{text: msg})
	}
	d.table([]string{L.Severity, L.Rule, L.Principle, L.Message}, []float64{80, 96, 86, contentW - 262}, d.rows, true)
}

// itemDue lays out what falls due of a record.
func (d *pdfDoc) itemDue(it *Item) {
	L := d.p.L
	d.heading(2, L.DueT)
	if len(it.Due) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NoDue, colourInk)
		return
	}
	d.newRows()
	for _, r := range it.Due {
		d.row(pdfCell{text: r.Date}, pdfCell{text: r.What}, pdfCell{text: r.State}, pdfCell{text: r.Detail})
	}
	d.table([]string{L.Date, L.What, L.State, L.Detail}, []float64{82, 90, 66, contentW - 238}, d.rows, true)
}

// itemChanges lays out a record's changes, field by field, and its commits.
func (d *pdfDoc) itemChanges(it *Item) {
	L := d.p.L
	d.heading(2, L.ChangesT)
	if it.ChangeNote != "" {
		d.paragraph(fontItalic, bodySize, bodyLead, it.ChangeNote, colourMuted)
		d.y += 3
	}
	if len(it.Changes) > 0 {
		d.newRows()
		for _, c := range it.Changes {
			d.row(pdfCell{text: c.Field}, pdfCell{text: c.Change}, pdfCell{text: c.Old}, pdfCell{text: c.New})
		}
		d.table([]string{L.Field, L.Change, L.Old, L.New}, []float64{110, 64, (contentW - 174) / 2, (contentW - 174) / 2}, d.rows, true)
	}
	if len(it.Commits) > 0 {
		d.newRows()
		head, widths := []string{L.Date, "Commit", L.Subject}, []float64{82, 84, contentW - 166}
		if !d.p.Subjects {
			head, widths = head[:2], widths[:2]
		}
		for _, c := range it.Commits {
			if d.p.Subjects {
				d.row(pdfCell{text: c.Date}, pdfCell{text: c.Commit, font: fontMono}, pdfCell{text: c.Subject})
			} else {
				d.row(pdfCell{text: c.Date}, pdfCell{text: c.Commit, font: fontMono})
			}
		}
		d.table(head, widths, d.rows, true)
	}
}

// itemExceptions lays out a record's exceptions to rules.
func (d *pdfDoc) itemExceptions(it *Item) {
	L := d.p.L
	d.heading(2, L.ExceptionsT)
	if len(it.Exceptions) == 0 {
		d.paragraph(fontRegular, bodySize, bodyLead, L.NoExceptions, colourInk)
		return
	}
	d.newRows()
	for _, e := range it.Exceptions {
		d.row(pdfCell{text: e.Rule}, pdfCell{text: e.Reason}, pdfCell{text: e.ApprovedBy}, pdfCell{text: e.Until}, pdfCell{text: e.State})
	}
	d.table([]string{L.Rule, L.Reason, L.ApprovedBy, L.Until, L.State}, []float64{100, contentW - 350, 100, 80, 70}, d.rows, true)
}

func severityColour(s finding.Severity) [3]uint8 {
	switch s {
	case finding.Error:
		return [3]uint8{0xa4, 0x16, 0x1a}
	case finding.Warning:
		return [3]uint8{0x8a, 0x5a, 0x00}
	}
	return [3]uint8{colourMuted, colourMuted, colourMuted}
}

// newPage starts a page; on a page of a record that is not public it
// writes the record's mark at the top and the foot, so no page of it can
// travel unmarked.
func (d *pdfDoc) newPage() {
	d.pdf.endPage()
	d.pdf.startPage()
	d.pages++
	d.y = marginTop
	if d.mark == "" {
		return
	}
	// The page may start in the middle of a paragraph or a table, which
	// goes on in its own font and colour.
	font, size, ink := d.font, d.size, d.ink
	d.setFont(fontBold, 8.5)
	d.ink = rgb(0xa4, 0x16, 0x1a)
	if d.markOf != d.mark {
		d.markFit, d.markOf = d.fit(d.mark, contentW), d.mark
	}
	d.cell(marginL, marginTop-30, d.markFit)
	d.cell(marginL, pageH-marginBottom+6, d.markFit)
	d.font, d.size, d.ink = font, size, ink
}

// footer writes the foot every page shares: the title and date, and a
// line above them.
func (d *pdfDoc) footer() {
	d.setFont(fontRegular, 8)
	d.ink = rgb(colourMuted, colourMuted, colourMuted)
	d.cell(marginL, pageH-marginBottom+22, d.fit(d.p.Title+" · "+d.p.Meeting, contentW-90))
	d.pdf.setStroke(rgb(0xc8, 0xc8, 0xc8))
	d.pdf.setLineWidth(0.5)
	d.pdf.line(marginL, pageH-marginBottom+16, pageW-marginR, pageH-marginBottom+16)
}

// pageNumber writes page n's own foot, "Pagina n van m".
func (d *pdfDoc) pageNumber(n int) {
	d.setFont(fontRegular, 8)
	d.ink = rgb(colourMuted, colourMuted, colourMuted)
	num := fmt.Sprintf("%s %d %s %d", d.p.L.Page, n, d.p.L.Of, d.pages)
	d.cell(pageW-marginR-d.width(num), pageH-marginBottom+22, num)
}

// room starts a new page unless h points fit below the cursor.
func (d *pdfDoc) room(h float64) {
	if d.y+h > pageH-marginBottom {
		d.newPage()
	}
}

// heading writes a heading, keeping it together with a few lines of what
// follows it.
func (d *pdfDoc) heading(level int, text string) {
	size, lead := 15.0, 20.0
	if level > 1 {
		size, lead = 11.5, 15.0
		d.y += headingGap
	}
	lines := d.wrap(fontBold, size, text, contentW)
	d.room(float64(len(lines))*lead + 3*bodyLead)
	d.setFont(fontBold, size)
	d.ink = rgb(colourInk, colourInk, colourInk)
	for _, l := range lines {
		d.cell(marginL, d.y, l)
		d.y += lead
	}
	if level == 1 {
		d.pdf.setStroke(rgb(colourInk, colourInk, colourInk))
		d.pdf.setLineWidth(1.2)
		d.pdf.line(marginL, d.y, pageW-marginR, d.y)
		d.y += 8
	} else {
		d.y += 1
	}
}

// paragraph writes wrapped text, breaking pages between lines.
func (d *pdfDoc) paragraph(font string, size, lead float64, text string, grey uint8) {
	lines := d.wrap(font, size, text, contentW)
	d.setFont(font, size)
	for _, l := range lines {
		d.room(lead)
		d.setFont(font, size)
		d.ink = rgb(grey, grey, grey)
		d.cell(marginL, d.y, l)
		d.y += lead
	}
	d.y += paragraphGap - (lead - size*1.2)
}

// numbered writes a numbered item with a hanging indent.
func (d *pdfDoc) numbered(num, text string) {
	const indent = 18.0
	lines := d.wrap(fontRegular, bodySize, text, contentW-indent)
	for i, l := range lines {
		d.room(bodyLead)
		d.setFont(fontRegular, bodySize)
		d.ink = rgb(colourInk, colourInk, colourInk)
		if i == 0 {
			d.cell(marginL, d.y, num)
		}
		d.cell(marginL+indent, d.y, l)
		d.y += bodyLead
	}
	d.y += 3
}

// newRows starts the rows of a table in the buffers of the table before:
// a table is drawn before the next is made, so a packet's thousands of
// tables do not each take memory of their own.
func (d *pdfDoc) newRows() { d.cells, d.rows = d.cells[:0], d.rows[:0] }

// row adds a row to the table being made, its cells in one buffer with
// the other rows'.
func (d *pdfDoc) row(cells ...pdfCell) {
	at := len(d.cells)
	d.cells = append(d.cells, cells...)
	d.rows = append(d.rows, d.cells[at:len(d.cells):len(d.cells)])
}

// pdfCell is one table cell: text with an optional font and colour.
type pdfCell struct {
	text   string
	font   string
	colour [3]uint8
}

// table draws a table with a header row (none when head is nil). Rows break
// between pages; the header row repeats on each new page; a row taller than
// the space left continues on the next page, at least minRowLines lines at a
// time, so a long text is never cut off.
func (d *pdfDoc) table(head []string, widths []float64, rows [][]pdfCell, borders bool) {
	lead := bodyLead
	header := func() {
		if head == nil {
			return
		}
		cells := make([]pdfCell, len(head))
		lines := make([][]string, len(head))
		h := 0
		for i, t := range head {
			cells[i] = pdfCell{text: t, font: fontBold}
			lines[i] = d.wrap(fontBold, bodySize, t, widths[i]-2*cellPad)
			h = max(h, len(lines[i]))
		}
		d.room(float64(h)*lead + 2*cellPad + lead + 2*cellPad)
		d.drawRow(cells, lines, widths, 0, h, true, borders)
	}
	header()
	// One row's lines at a time: a table's rows have its columns' cells.
	buf := make([][]string, len(widths))
	for _, row := range rows {
		lines := buf[:len(row)]
		n := 0
		for i, c := range row {
			lines[i] = d.wrap(fontOr(c.font), bodySize, c.text, widths[i]-2*cellPad)
			n = max(n, len(lines[i]))
		}
		for start := 0; start < n; {
			fit := int((pageH - marginBottom - d.y - 2*cellPad) / lead)
			if fit < min(minRowLines, n-start) {
				d.newPage()
				header()
				continue
			}
			end := min(n, start+fit)
			d.drawRow(row, lines, widths, start, end, false, borders)
			start = end
		}
	}
	d.y += tableGapAfter
}

// drawRow draws lines [from, to) of a row's cells at the cursor.
func (d *pdfDoc) drawRow(row []pdfCell, lines [][]string, widths []float64, from, to int, isHead, borders bool) {
	lead := bodyLead
	h := float64(to-from)*lead + 2*cellPad
	x := marginL
	if borders {
		d.pdf.setStroke(rgb(0xc8, 0xc8, 0xc8))
		d.pdf.setLineWidth(0.6)
	}
	for i, c := range row {
		if isHead {
			d.pdf.setFill(rgb(0xee, 0xf1, 0xf4))
			d.pdf.rect(x, d.y, widths[i], h, true)
		}
		if borders {
			d.pdf.rect(x, d.y, widths[i], h, false)
		}
		d.setFont(fontOr(c.font), bodySize)
		if c.colour == ([3]uint8{}) {
			d.ink = rgb(colourInk, colourInk, colourInk)
		} else {
			d.ink = rgb(c.colour[0], c.colour[1], c.colour[2])
		}
		for j := from; j < to && j < len(lines[i]); j++ {
			d.cell(x+cellPad, d.y+cellPad+float64(j-from)*lead, lines[i][j])
		}
		x += widths[i]
	}
	d.y += h
}

func fontOr(f string) string {
	if f == "" {
		return fontRegular
	}
	return f
}

// setFont sets the font and size of the text that follows.
func (d *pdfDoc) setFont(font string, size float64) {
	d.font, d.size = d.fonts[font], size
}

// width measures text in the current font.
func (d *pdfDoc) width(text string) float64 {
	return d.font.measure(text, d.size)
}

// cell writes one line of text with its top left corner at x, y.
func (d *pdfDoc) cell(x, y float64, text string) {
	if text == "" {
		return
	}
	d.pdf.setFill(d.ink)
	d.pdf.text(d.font, d.size, x, y, text)
}

// wrap breaks text into lines that fit width in the font, at spaces, and
// inside a word only when the word alone is wider than the line (a long
// URL). The text's own line breaks are kept. Characters the font lacks
// become "?", so a record with an emoji still prints. The lines returned
// may be shared with other callers: read them only.
func (d *pdfDoc) wrap(font string, size float64, text string, width float64) []string {
	d.setFont(font, size)
	key := wrapKey{font: font, size: size, width: width, text: text}
	if lines, ok := d.wrapped[key]; ok {
		return lines
	}
	lines := d.wrapNew(text, width)
	if d.wrapped == nil {
		d.wrapped = make(map[wrapKey][]string)
	} else if len(d.wrapped) >= wrappedMax {
		clear(d.wrapped) // keeps the map's room, so it is not grown again
	}
	d.wrapped[key] = lines
	return lines
}

// wrapNew breaks text as wrap does, in the current font.
func (d *pdfDoc) wrapNew(text string, width float64) []string {
	text = d.clean(text)
	space := d.width(" ")
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		// The line being filled: its words, and whether they stand in
		// para as they will print (one space apart), so the line can be
		// a slice of the text rather than a new string.
		line := d.words[:0]
		lineW := 0.0
		from, to, exact := 0, 0, true
		flush := func() {
			if exact {
				out = append(out, para[from:to])
			} else {
				out = append(out, strings.Join(line, " "))
			}
			line, lineW, exact = line[:0], 0, true
		}
		start := func(w string, at int, ww float64) {
			line, lineW, from, to = append(line, w), ww, at, at+len(w)
		}
		empty := true
		for at := 0; at < len(para); {
			// The next word, as strings.Fields finds words.
			r, n := utf8.DecodeRuneInString(para[at:])
			if unicode.IsSpace(r) {
				at += n
				continue
			}
			end := at + n
			for end < len(para) {
				r, n := utf8.DecodeRuneInString(para[end:])
				if unicode.IsSpace(r) {
					break
				}
				end += n
			}
			w := para[at:end]
			empty = false
			ww := d.width(w)
			switch {
			case ww > width: // break the word itself
				if len(line) > 0 {
					flush()
				}
				pieces := d.breakWord(w, width)
				out = append(out, pieces[:len(pieces)-1]...)
				last := pieces[len(pieces)-1]
				start(last, end-len(last), d.width(last))
			case len(line) == 0:
				start(w, at, ww)
			case lineW+space+ww <= width+0.01:
				exact = exact && at == to+1 && para[to] == ' '
				line = append(line, w)
				lineW += space + ww
				to = end
			default:
				flush()
				start(w, at, ww)
			}
			at = end
		}
		if empty {
			out = append(out, "")
			continue
		}
		if len(line) > 0 {
			flush()
		}
		d.words = line[:0]
	}
	// Trailing blank lines add height and nothing else.
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// breakWord cuts a word wider than width into pieces that fit.
func (d *pdfDoc) breakWord(word string, width float64) []string {
	var pieces []string
	var cur []rune
	curW := 0.0
	for _, r := range word {
		rw := d.width(string(r))
		if len(cur) > 0 && curW+rw > width {
			pieces = append(pieces, string(cur))
			cur, curW = nil, 0
		}
		cur = append(cur, r)
		curW += rw
	}
	if len(cur) > 0 {
		pieces = append(pieces, string(cur))
	}
	return pieces
}

// clean replaces what the current font cannot draw, and control
// characters, so the layout never fails on a record's text.
func (d *pdfDoc) clean(text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\t", "    ")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < ' ' || r == 0x7f:
			return ' '
		}
		if !d.font.has(r) {
			return '?'
		}
		return r
	}, text)
}

// fit shortens text with an ellipsis to fit width in the current font.
func (d *pdfDoc) fit(text string, width float64) string {
	text = d.clean(text)
	if d.width(text) <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 0 {
		r = r[:len(r)-1]
		if d.width(string(r)+"…") <= width {
			break
		}
	}
	return string(r) + "…"
}
