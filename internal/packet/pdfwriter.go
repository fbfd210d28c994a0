package packet

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/klauspost/compress/zlib"
)

// pdfWriter writes a PDF file as it is laid out: each page's content
// stream is compressed and written when the page is complete (on a
// goroutine of its own, while the next pages are laid out), and only
// what the end of the file needs is kept (each object's offset, each
// page's content object and mark, the bookmarks, the glyphs used). A
// packet's memory so stays that of a few pages, whatever its length.
//
// The objects that can only be written once every page is known follow
// the pages: the foot all pages share (one stream) and each page's own
// ("Pagina 3 van 12", a few bytes, so not compressed), the page objects
// and the page tree, the fonts (subsets of the glyphs used), the
// bookmarks, the document information and the catalog, then the
// cross-reference table.
type pdfWriter struct {
	w *countWriter
	// mu guards offsets: the pages' streams are written on a goroutine
	// of their own (pageWriter), while the layout numbers objects.
	mu      sync.Mutex
	offsets []int64 // by object number - 1; -1 until written
	z       *compressor
	// pages is the goroutine that compresses and writes each page's
	// content stream, in order, while the next is laid out: compressing
	// was two fifths of laying out and writing a packet, which a second
	// core now does meanwhile. Pages are handed over a batch at a time
	// (batch): one by one, waking the goroutine for each cost more CPU
	// than the second core saved. pending counts the batches handed over
	// and not yet written; anything else is written once none is (sync).
	pages   *pageWriter
	batch   []pageContent
	pending sync.WaitGroup

	fonts     []*pdfFont
	resources int // the resource dictionary all pages share

	page     *bytes.Buffer // the content of the page being laid out
	laidOut  []pdfPage
	outlines []pdfOutline

	// The graphics state of the page being written, so an unchanged
	// colour or line width is not written again.
	fill, stroke colour
	lineWidth    float64
	// The text state: lines of text in a row share one text object (BT
	// and ET) and name their font only when it changes (Tf outlives the
	// text object); each line moves from the one before (Td), in whole
	// hundredths of a point, so the positions are exact.
	inText   bool
	textFont *pdfFont
	textSize float64
	tx, ty   int64
}

// pdfPage is what the end of the file needs of a page: its content
// stream's object.
type pdfPage struct {
	content int
}

// pdfOutline is a bookmark: a title and the index of its page.
type pdfOutline struct {
	title string
	page  int
}

// colour is an RGB colour; set tells a colour set from none.
type colour struct {
	r, g, b uint8
	set     bool
}

func rgb(r, g, b uint8) colour { return colour{r, g, b, true} }

// countWriter counts the bytes written, for the cross-reference table,
// and keeps the first error, writing nothing after it.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

func (c *countWriter) WriteString(s string) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := io.WriteString(c.w, s)
	c.n += int64(n)
	c.err = err
	return n, err
}

// newPDFWriter starts a PDF file on w with the fonts given, named F1, F2
// and so on in that order.
func newPDFWriter(w io.Writer, fonts []*pdfFont) *pdfWriter {
	p := &pdfWriter{w: &countWriter{w: w}, z: newCompressor(), fonts: fonts, page: &bytes.Buffer{}}
	// The binary comment tells file transfer programs the file is binary.
	p.w.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i, f := range fonts {
		f.res = "F" + strconv.Itoa(i+1)
		f.id = p.reserve()
	}
	p.resources = p.reserve()
	return p
}

// reserve numbers an object to be written later.
func (p *pdfWriter) reserve() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.offsets = append(p.offsets, -1)
	return len(p.offsets)
}

// begin starts object id at the current offset.
func (p *pdfWriter) begin(id int) {
	p.mu.Lock()
	p.offsets[id-1] = p.w.n
	p.mu.Unlock()
	p.w.WriteString(strconv.Itoa(id))
	p.w.WriteString(" 0 obj\n")
}

// object writes object id with the body given.
func (p *pdfWriter) object(id int, body string) {
	p.sync()
	p.begin(id)
	p.w.WriteString(body)
	p.w.WriteString("\nendobj\n")
}

// stream writes object id as a stream of data, compressed, with the
// dictionary entries given besides its filter and length.
func (p *pdfWriter) stream(id int, dict string, data []byte) {
	p.sync()
	p.writeStream(id, dict+"/Filter /FlateDecode ", p.z.compress(data))
}

// rawStream writes object id as a stream of data as it is.
func (p *pdfWriter) rawStream(id int, dict string, data []byte) {
	p.sync()
	p.writeStream(id, dict, data)
}

func (p *pdfWriter) writeStream(id int, dict string, data []byte) {
	p.begin(id)
	fmt.Fprintf(p.w, "<< %s/Length %d >>\nstream\n", dict, len(data))
	p.w.Write(data)
	p.w.WriteString("\nendstream\nendobj\n")
}

// compressor compresses streams one at a time, into a buffer it keeps.
type compressor struct {
	zw  *zlib.Writer
	buf bytes.Buffer
}

func newCompressor() *compressor {
	// The fastest level: on the page streams of a packet it takes 20 %
	// less CPU than level 2 for 8 % more bytes, and a third of the
	// default level's time; its reset, once a stream, costs next to
	// nothing where the other levels clear 600 kB of tables. A packet has
	// a stream of a few kilobytes for each of its thousands of pages, and
	// the standard library builds each stream's Huffman codes at a cost
	// that was half of compressing it; this package's writer takes less
	// than half the standard library's CPU time on such streams, for 3 %
	// fewer bytes, and writes the same format (RFC 1950 and 1951).
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return &compressor{zw: zw}
}

// compress returns data compressed, in the compressor's buffer, which the
// next call uses again.
func (c *compressor) compress(data []byte) []byte {
	c.buf.Reset()
	c.zw.Reset(&c.buf)
	c.zw.Write(data)
	c.zw.Close()
	return c.buf.Bytes()
}

// pageWriter is the goroutine that writes the pages' content streams
// (pdfWriter.pages).
type pageWriter struct {
	jobs chan []pageContent
	free chan *bytes.Buffer // page buffers written out, to lay out the next pages in
	done chan struct{}
}

// pageContent is a page's content stream, to be written as object id.
type pageContent struct {
	id   int
	data *bytes.Buffer
}

// pagesPerBatch is how many pages are handed over at once, and
// batchesAhead how many batches may wait to be written: the layout runs
// ahead of the writing by a few dozen pages at most, so memory stays that
// of a few dozen pages.
const (
	pagesPerBatch = 8
	batchesAhead  = 3
)

// writePages starts the goroutine that writes the pages' streams.
func (p *pdfWriter) writePages() *pageWriter {
	pw := &pageWriter{jobs: make(chan []pageContent, batchesAhead), free: make(chan *bytes.Buffer, (batchesAhead+2)*pagesPerBatch), done: make(chan struct{})}
	go func() {
		defer close(pw.done)
		z := newCompressor()
		for batch := range pw.jobs {
			for _, j := range batch {
				p.writeStream(j.id, "/Filter /FlateDecode ", z.compress(j.data.Bytes()))
				// A page of a long table can be large: its buffer is
				// not kept.
				if j.data.Cap() <= 1<<20 {
					j.data.Reset()
					select {
					case pw.free <- j.data:
					default:
					}
				}
			}
			p.pending.Done()
		}
	}()
	return pw
}

// handOver hands the pages laid out and not yet handed over to the
// pages' goroutine.
func (p *pdfWriter) handOver() {
	if len(p.batch) == 0 {
		return
	}
	p.pending.Add(1)
	p.pages.jobs <- p.batch
	p.batch = make([]pageContent, 0, pagesPerBatch)
}

// sync waits until every page laid out is written, before anything else
// is.
func (p *pdfWriter) sync() {
	p.handOver()
	p.pending.Wait()
}

// stopPages waits for the pages handed over to be written and ends their
// goroutine.
func (p *pdfWriter) stopPages() {
	if p.pages != nil {
		p.handOver()
		close(p.pages.jobs)
		<-p.pages.done
		p.pages = nil
	}
}

// startPage starts a page; endPage writes it.
func (p *pdfWriter) startPage() {
	p.clearPage()
	p.laidOut = append(p.laidOut, pdfPage{})
}

// clearPage empties the page content and forgets the graphics state, the
// next content stream's starting state being unknown.
func (p *pdfWriter) clearPage() {
	p.page.Reset()
	p.fill, p.stroke, p.lineWidth = colour{}, colour{}, 0
	p.inText, p.textFont, p.textSize = false, nil, 0
}

// content ends the text object, if one is open, and returns the content
// drawn since clearPage.
func (p *pdfWriter) content() []byte {
	p.endText()
	return p.page.Bytes()
}

// endPage hands the content of the page being laid out, if any, to the
// goroutine that writes the pages, and lays out the next in a buffer it
// is done with.
func (p *pdfWriter) endPage() {
	if len(p.laidOut) == 0 || p.laidOut[len(p.laidOut)-1].content != 0 {
		return
	}
	if p.pages == nil {
		p.pages = p.writePages()
	}
	id := p.reserve()
	p.endText()
	p.batch = append(p.batch, pageContent{id: id, data: p.page})
	if len(p.batch) == pagesPerBatch {
		p.handOver()
	}
	p.laidOut[len(p.laidOut)-1].content = id
	select {
	case p.page = <-p.pages.free:
	default:
		p.page = &bytes.Buffer{}
	}
}

// outline adds a bookmark to the current page.
func (p *pdfWriter) outline(title string) {
	p.outlines = append(p.outlines, pdfOutline{title: title, page: len(p.laidOut) - 1})
}

// num appends a number rounded to two decimals, without trailing zeros
// (56, 0.5, 841.89): a page writes hundreds of them.
func num(b []byte, v float64) []byte { return hundredths(b, round100(v)) }

// round100 is v in whole hundredths.
func round100(v float64) int64 { return int64(math.Round(v * 100)) }

// hundredths appends n hundredths as num does.
func hundredths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	if f := n % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

func (p *pdfWriter) nums(op string, vs ...float64) {
	b := p.page.AvailableBuffer()
	for _, v := range vs {
		b = num(b, v)
		b = append(b, ' ')
	}
	b = append(b, op...)
	b = append(b, '\n')
	p.page.Write(b)
}

func (p *pdfWriter) colourOp(c colour, op string) {
	p.nums(op, float64(c.r)/255, float64(c.g)/255, float64(c.b)/255)
}

// setFill sets the colour text and filled shapes are painted in.
func (p *pdfWriter) setFill(c colour) {
	if p.fill != c {
		p.fill = c
		p.colourOp(c, "rg")
	}
}

// setStroke sets the colour of lines.
func (p *pdfWriter) setStroke(c colour) {
	if p.stroke != c {
		p.stroke = c
		p.colourOp(c, "RG")
	}
}

// setLineWidth sets the width of lines.
func (p *pdfWriter) setLineWidth(w float64) {
	if p.lineWidth != w {
		p.lineWidth = w
		p.nums("w", w)
	}
}

// line draws a line; coordinates are from the top left of the page.
func (p *pdfWriter) line(x1, y1, x2, y2 float64) {
	p.endText()
	p.nums("m", x1, pageH-y1)
	p.nums("l S", x2, pageH-y2)
}

// rect fills (fill) or strokes a rectangle whose top left corner is x, y.
func (p *pdfWriter) rect(x, y, w, h float64, fill bool) {
	op := "re S"
	if fill {
		op = "re f"
	}
	p.endText()
	p.nums(op, x, pageH-y-h, w, h)
}

// text writes one line of text in font f at size, its top at x, y, in
// the fill colour: in the text object of the lines before it, if no
// shape came between, and naming its font only when that changed, so a
// page holds less to compress (a text object may hold colours, but no
// shapes).
func (p *pdfWriter) text(f *pdfFont, size, x, y float64, s string) {
	b := p.page.AvailableBuffer()
	if !p.inText {
		b = append(b, "BT\n"...)
		p.inText, p.tx, p.ty = true, 0, 0
	}
	if p.textFont != f || p.textSize != size {
		b = append(b, '/')
		b = append(b, f.res...)
		b = append(b, ' ')
		b = num(b, size)
		b = append(b, " Tf\n"...)
		p.textFont, p.textSize = f, size
	}
	tx, ty := round100(x), round100(pageH-y-f.ascent(size))
	b = hundredths(b, tx-p.tx)
	b = append(b, ' ')
	b = hundredths(b, ty-p.ty)
	p.tx, p.ty = tx, ty
	// The codes, mostly one byte a character (see pdfFont), in a
	// literal string: half the bytes of a hex string, so less to
	// compress.
	b = append(b, " Td\n[("...)
	for i := 0; i < len(s); {
		// Most characters are ASCII drawn before: their byte is known.
		if c := s[i]; c < utf8.RuneSelf && f.ascii[c] != 0 {
			b = append(b, f.ascii[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		at := len(b)
		b = appendLiteral(b, f.use(r))
		if r < utf8.RuneSelf && len(b) == at+1 {
			f.ascii[r] = b[at]
		}
		i += n
	}
	b = append(b, ")] TJ\n"...)
	p.page.Write(b)
}

// appendLiteral appends the code of the glyph in place n (see code)
// inside a literal string, escaping the bytes a literal string must
// escape; a two-byte code's first byte, 80 to FF, is none of them.
func appendLiteral(b []byte, n uint16) []byte {
	b = appendCode(b, n)
	last := len(b) - 1
	switch e := b[last]; e {
	case '(', ')', '\\':
		b[last] = '\\'
		return append(b, e)
	case '\r': // a reader would take a bare CR for an end of line
		b[last] = '\\'
		return append(b, 'r')
	}
	return b
}

// endText ends the text object, if one is open.
func (p *pdfWriter) endText() {
	if p.inText {
		p.page.WriteString("ET\n")
		p.inText = false
	}
}

// finish writes what follows the pages: the foot all pages share, drawn
// by foot, and each page's own, drawn by pageFoot, as content streams of
// the pages after their own; the page objects and tree, the shared
// resources, the fonts, the bookmarks, the document information and the
// catalog, and the cross-reference table.
func (p *pdfWriter) finish(info pdfInfo, foot func(), pageFoot func(n int)) error {
	p.endPage()
	p.stopPages()
	pageIDs := make([]int, len(p.laidOut))
	for i := range p.laidOut {
		pageIDs[i] = p.reserve()
	}
	tree := p.reserve()
	p.clearPage()
	foot()
	common := p.reserve()
	p.stream(common, "", p.content())
	for i, pg := range p.laidOut {
		p.clearPage()
		pageFoot(i + 1)
		own := p.reserve()
		p.rawStream(own, "", p.content())
		p.object(pageIDs[i], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %d 0 R /Contents [%d 0 R %d 0 R %d 0 R] >>",
			tree, num(nil, pageW), num(nil, pageH), p.resources, pg.content, common, own))
	}
	kids := make([]byte, 0, 12*len(pageIDs))
	for i, id := range pageIDs {
		if i > 0 {
			kids = append(kids, ' ')
		}
		kids = strconv.AppendInt(kids, int64(id), 10)
		kids = append(kids, " 0 R"...)
	}
	p.object(tree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pageIDs)))

	var res bytes.Buffer
	res.WriteString("<< /ProcSet [/PDF /Text] /Font <<")
	for _, f := range p.fonts {
		fmt.Fprintf(&res, " /%s %d 0 R", f.res, f.id)
	}
	res.WriteString(" >> >>")
	p.object(p.resources, res.String())
	for _, f := range p.fonts {
		if err := p.font(f); err != nil {
			return err
		}
	}

	outlines := 0
	if len(p.outlines) > 0 {
		outlines = p.reserve()
		first := len(p.offsets) + 1
		for range p.outlines {
			p.reserve()
		}
		last := len(p.offsets)
		for i, o := range p.outlines {
			var b bytes.Buffer
			fmt.Fprintf(&b, "<< /Title %s /Parent %d 0 R", textString(o.title), outlines)
			if i > 0 {
				fmt.Fprintf(&b, " /Prev %d 0 R", first+i-1)
			}
			if i < len(p.outlines)-1 {
				fmt.Fprintf(&b, " /Next %d 0 R", first+i+1)
			}
			fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %s null] >>", pageIDs[max(0, o.page)], num(nil, pageH))
			p.object(first+i, b.String())
		}
		p.object(outlines, fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, last, len(p.outlines)))
	}

	infoID := p.reserve()
	p.object(infoID, fmt.Sprintf("<< /Title %s /Subject %s /Creator %s /Producer %s >>",
		textString(info.title), textString(info.subject), textString(info.creator), textString(info.producer)))
	catalog := p.reserve()
	cat := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", tree)
	if outlines != 0 {
		cat += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", outlines)
	}
	p.object(catalog, cat+" >>")

	xref := p.w.n
	var b bytes.Buffer
	b.Grow(20*len(p.offsets) + 200) // an entry is 20 bytes
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.offsets)+1)
	for id, off := range p.offsets {
		if off < 0 {
			return fmt.Errorf("PDF object %d was never written", id+1)
		}
		b.Write(xrefEntry(b.AvailableBuffer(), off))
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(p.offsets)+1, catalog, infoID, xref)
	p.w.Write(b.Bytes())
	return p.w.err
}

// xrefEntry appends the cross-reference entry of an object at offset off:
// the offset in ten digits, generation 0, in use.
func xrefEntry(b []byte, off int64) []byte {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], off, 10)
	for range 10 - len(d) {
		b = append(b, '0')
	}
	b = append(b, d...)
	return append(b, " 00000 n \n"...)
}

// pdfInfo is the document information.
type pdfInfo struct {
	title, subject, creator, producer string
}

// textString is a PDF text string: UTF-16 with a byte order mark, in hex,
// so any text is safe in it.
func textString(s string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len("<FEFF>")+4*len(s))
	b = append(b, "<FEFF"...)
	var u [2]uint16
	for _, r := range s {
		for _, v := range utf16.AppendRune(u[:0], r) {
			b = append(b, hex[v>>12], hex[v>>8&0xf], hex[v>>4&0xf], hex[v&0xf])
		}
	}
	return string(append(b, '>'))
}

// font writes a font's objects: the composite font and its encoding,
// the CMap from codes to CIDs; its descendant TrueType font with the
// widths of the CIDs and the map from CIDs to glyphs; its descriptor, the
// subset font program and the map from codes back to text.
func (p *pdfWriter) font(f *pdfFont) error {
	program, err := f.subset()
	if err != nil {
		return fmt.Errorf("font %s: %w", f.base, err)
	}
	name := f.subsetTag(f.usedGlyphs()) + "+" + f.base
	enc, cid, gids, desc, file, uni := p.reserve(), p.reserve(), p.reserve(), p.reserve(), p.reserve(), p.reserve()
	p.object(f.id, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding %d 0 R /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, enc, cid, uni))
	p.stream(enc, fmt.Sprintf("/Type /CMap /CMapName /%s-Codes /CIDSystemInfo %s ", name, identity), f.encoding(name+"-Codes"))
	// The widths by CID: the one-byte codes' and the two-byte codes',
	// each a run of CIDs.
	var w bytes.Buffer
	for n, g := range f.glyphs {
		switch n {
		case 0, 0x80:
			if n > 0 {
				w.WriteString("] ")
			}
			fmt.Fprintf(&w, "%d [", code(uint16(n)))
		default:
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(int(f.width(g))))
	}
	w.WriteString("]")
	p.object(cid, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo %s /FontDescriptor %d 0 R /CIDToGIDMap %d 0 R /DW 1000 /W [%s] >>",
		name, identity, desc, gids, w.Bytes()))
	t := &f.ttf
	upem := float64(t.UnitsPerEm())
	pdfUnits := func(v int) int { return int(float64(v)*1000/upem + 0.5*sign(v)) }
	p.object(desc, fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /XHeight %d /StemV 0 /FontFile2 %d 0 R >>",
		name, t.Flag(), pdfUnits(t.XMin()), pdfUnits(t.YMin()), pdfUnits(t.XMax()), pdfUnits(t.YMax()), t.ItalicAngle(),
		pdfUnits(t.Ascender()), pdfUnits(t.Descender()), pdfUnits(t.CapHeight()), pdfUnits(t.XHeight()), file))
	p.stream(file, fmt.Sprintf("/Length1 %d ", len(program)), program)
	p.stream(gids, "", f.cidToGID())
	p.stream(uni, "", f.toUnicode())
	return nil
}

// identity is the character collection of the fonts and their encodings:
// CIDs that mean nothing beyond the font (PDF 32000, 9.7.3).
const identity = "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"

func sign(v int) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// The CMaps' start and end, and their codespace: one-byte codes 00 to 7F
// and two-byte codes 8000 to FFFF, as appendCode writes them (PDF 32000,
// 9.7.6.2; Adobe Technical Note 5014).
const (
	cmapHead  = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	cmapTail  = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
	codespace = "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n"
)

// encoding is the CMap from the font's codes to its CIDs: each code's
// number is its CID, in ranges of the codes used that differ in their
// last byte only.
func (f *pdfFont) encoding(name string) []byte {
	var b bytes.Buffer
	b.WriteString(cmapHead)
	fmt.Fprintf(&b, "/CIDSystemInfo %s def\n/CMapName /%s def\n/CMapType 1 def\n%s", identity, name, codespace)
	var ranges []string
	last := uint16(len(f.glyphs) - 1)
	for lo := uint16(0); lo <= last; {
		hi := uint16(0x7f)
		if lo >= 0x80 { // up to the next code ending in FF
			hi = lo + 0xff - (code(lo) & 0xff)
		}
		hi = min(hi, last)
		ranges = append(ranges, fmt.Sprintf("<%X> <%X> %d", appendCode(nil, lo), appendCode(nil, hi), code(lo)))
		lo = hi + 1
	}
	for chunk := range slices.Chunk(ranges, 100) {
		fmt.Fprintf(&b, "%d begincidrange\n", len(chunk))
		for _, r := range chunk {
			b.WriteString(r)
			b.WriteByte('\n')
		}
		b.WriteString("endcidrange\n")
	}
	b.WriteString(cmapTail)
	return b.Bytes()
}

// cidToGID is the map from CIDs to the font program's glyphs: each CID's
// glyph in two bytes, high byte first (PDF 32000, 9.7.4.2); the CIDs no
// code names, 80 to 7FFF, map to glyph 0. The zeros of a font with
// two-byte codes take 64 kB, which compress to next to nothing.
func (f *pdfFont) cidToGID() []byte {
	b := make([]byte, 2*(int(code(uint16(len(f.glyphs)-1)))+1))
	for n, g := range f.glyphs {
		c := int(code(uint16(n)))
		b[2*c], b[2*c+1] = byte(g>>8), byte(g)
	}
	return b
}

// toUnicode is the CMap from the codes back to the text they show, so a
// reader can search and copy the text.
func (f *pdfFont) toUnicode() []byte {
	var b bytes.Buffer
	b.WriteString(cmapHead)
	b.WriteString("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" + codespace)
	var mapped []uint16
	for n, r := range f.runes {
		if r != 0 {
			mapped = append(mapped, uint16(n))
		}
	}
	for chunk := range slices.Chunk(mapped, 100) {
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, n := range chunk {
			fmt.Fprintf(&b, "<%X> <", appendCode(nil, n))
			for _, u := range utf16.Encode([]rune{f.runes[n]}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString(cmapTail)
	return b.Bytes()
}
