package packet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/signintech/gopdf/fontmaker/core"
)

// pdfFont is a TrueType font embedded as a composite font. Its glyphs
// get codes in the order they are first drawn, the glyph for what is
// missing first: one byte for the first 128 and two bytes after (see
// code), so the text of a page is mostly one byte a character. It
// measures text as gopdf did, so the layout is unchanged, and it embeds
// only the glyphs used: the other glyphs are left empty in the font
// program, which keeps their numbers.
type pdfFont struct {
	base string // the font's PostScript name, without a subset tag
	res  string // its name in the pages' resources (F1)
	id   int    // its object
	ttf  core.TTFParser

	ascentPerPt float64 // typographic ascender per point of size
	widths      []uint16
	// latin maps the first runes straight to their glyph (0: none, or not
	// looked up yet: see known).
	latin [0x250]uint16
	known [0x250]bool
	// order is each glyph's place in the order glyphs were first drawn,
	// 0 for a glyph not drawn (and for glyph 0, the first); glyphs is the
	// glyph in each place and runes the text it shows (0: none).
	order  []uint16
	glyphs []uint16
	runes  []rune
	// ascii is the byte the text of a page holds for each ASCII character
	// drawn whose code is one byte that needs no escape; 0 for the others.
	ascii [utf8.RuneSelf]byte
}

// newPDFFont reads a TrueType font.
func newPDFFont(base string, data []byte) (*pdfFont, error) {
	f := &pdfFont{base: base}
	if err := f.ttf.ParseFontData(data); err != nil {
		return nil, fmt.Errorf("font %s: %w", base, err)
	}
	t := &f.ttf
	if t.UnitsPerEm() == 0 || t.NumberOfHMetrics() == 0 || t.GetTables()["glyf"].Length == 0 {
		return nil, fmt.Errorf("font %s: not a TrueType font with outlines", base)
	}
	if t.NumGlyphs() > maxCodes {
		return nil, fmt.Errorf("font %s: %d glyphs, more than the %d codes can name", base, t.NumGlyphs(), maxCodes)
	}
	upem := t.UnitsPerEm()
	f.ascentPerPt = float64(t.TypoAscender()) / float64(upem)
	f.widths = make([]uint16, t.NumGlyphs())
	ws := t.Widths()
	for g := range f.widths {
		w := ws[min(uint(g), t.NumberOfHMetrics()-1)]
		if upem != 1000 {
			w = w * 1000 / upem
		}
		f.widths[g] = uint16(w)
	}
	f.order = make([]uint16, t.NumGlyphs())
	// The glyph for what is missing is always kept, as code and CID 0,
	// which a viewer draws for a code it cannot map.
	f.glyphs, f.runes = []uint16{0}, []rune{0}
	return f, nil
}

// glyph returns the glyph of r, 0 when the font has none.
func (f *pdfFont) glyph(r rune) uint16 {
	if r >= 0 && int(r) < len(f.latin) {
		if !f.known[r] {
			f.latin[r], f.known[r] = f.lookup(r), true
		}
		return f.latin[r]
	}
	return f.lookup(r)
}

func (f *pdfFont) lookup(r rune) uint16 {
	g := f.ttf.Chars()[int(r)]
	if int(g) >= len(f.widths) {
		return 0
	}
	return uint16(g)
}

// has reports whether the font can draw r.
func (f *pdfFont) has(r rune) bool { return f.glyph(r) != 0 }

// width is a glyph's advance in thousandths of the size.
func (f *pdfFont) width(g uint16) uint16 { return f.widths[g] }

// measure is the width of s at size, in points, summed over whole
// thousandths as gopdf did; a rune the font lacks counts as the glyph for
// what is missing, which is what is drawn for it.
func (f *pdfFont) measure(s string, size float64) float64 {
	sum := 0
	for _, r := range s {
		sum += int(f.widths[f.glyph(r)])
	}
	return float64(sum) * size / 1000
}

// ascent is the distance from the top of a line to its baseline at size.
func (f *pdfFont) ascent(size float64) float64 { return f.ascentPerPt * size }

// use marks r's glyph as drawn and returns its place in the order glyphs
// were first drawn, giving it the next when it is drawn first.
func (f *pdfFont) use(r rune) uint16 {
	g := f.glyph(r)
	if n := f.order[g]; n != 0 || g == 0 {
		return n
	}
	n := uint16(len(f.glyphs))
	f.order[g] = n
	f.glyphs = append(f.glyphs, g)
	f.runes = append(f.runes, r)
	return n
}

// maxCodes is how many glyphs the codes can name: 128 in one byte, 32768
// in two.
const maxCodes = 0x80 + 0x8000

// code is the code of the glyph in place n: 00 to 7F, one byte, for the
// first 128; 8000 to FFFF, two bytes, for the others. The first byte
// tells the length, as the codespace ranges of the font's CMaps say. The
// code's number is also the glyph's CID: a CID within the codespace, as
// some readers (MuPDF) expect of the CIDs a ToUnicode map leads to.
func code(n uint16) uint16 {
	if n < 0x80 {
		return n
	}
	return n + 0x8000 - 0x80
}

// appendCode appends the code of the glyph in place n.
func appendCode(b []byte, n uint16) []byte {
	c := code(n)
	if c < 0x80 {
		return append(b, byte(c))
	}
	return append(b, byte(c>>8), byte(c))
}

// usedGlyphs lists the glyphs drawn, in the order of their numbers.
func (f *pdfFont) usedGlyphs() []uint16 {
	out := slices.Clone(f.glyphs)
	slices.Sort(out)
	return out
}

// subsetTag is the six capital letters that name a subset (PDF 32000,
// 9.6.4): the same glyphs give the same tag, so the file is the same each
// time it is made.
func (f *pdfFont) subsetTag(glyphs []uint16) string {
	h := fnv.New64a()
	h.Write([]byte(f.base))
	binary.Write(h, binary.BigEndian, glyphs)
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// The tables a TrueType font program in a PDF needs (PDF 32000, 9.9.1).
var subsetTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// subset returns the font program with only the glyphs used (and the
// glyphs they are composed of) drawn; every other glyph keeps its number
// and is empty.
func (f *pdfFont) subset() ([]byte, error) {
	t := &f.ttf
	if len(t.LocaTable) < int(t.NumGlyphs())+1 {
		return nil, errors.New("loca table shorter than the glyphs")
	}
	keep, err := f.keptGlyphs()
	if err != nil {
		return nil, err
	}
	glyf, loca, err := f.subsetGlyf(keep)
	if err != nil {
		return nil, err
	}
	data := t.FontData()
	var out []fontTable
	for _, tag := range subsetTables {
		e, ok := t.GetTables()[tag]
		switch {
		case tag == "glyf":
			out = append(out, fontTable{tag, glyf})
		case tag == "loca":
			out = append(out, fontTable{tag, loca})
		case ok:
			if int(e.Offset+e.Length) > len(data) {
				return nil, fmt.Errorf("table %q outside the font", tag)
			}
			out = append(out, fontTable{tag, data[e.Offset : e.Offset+e.Length]})
		}
	}
	return fontFile(out), nil
}

// glyphData is the outline of glyph g in the font program.
func (f *pdfFont) glyphData(g int) ([]byte, error) {
	t := &f.ttf
	data, glyf, loca := t.FontData(), t.GetTables()["glyf"], t.LocaTable
	start, end := int(glyf.Offset+loca[g]), int(glyf.Offset+loca[g+1])
	if start > end || end > len(data) {
		return nil, fmt.Errorf("glyph %d outside the font", g)
	}
	return data[start:end], nil
}

// keptGlyphs marks the glyphs used and, since composite glyphs draw
// other glyphs, those they are made of, to any depth.
func (f *pdfFont) keptGlyphs() ([]bool, error) {
	keep := make([]bool, len(f.order))
	for _, g := range f.glyphs {
		keep[g] = true
	}
	n := len(keep)
	for queue := f.usedGlyphs(); len(queue) > 0; {
		g := int(queue[0])
		queue = queue[1:]
		d, err := f.glyphData(g)
		if err != nil {
			return nil, err
		}
		for _, c := range components(d) {
			if int(c) < n && !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		}
	}
	return keep, nil
}

// subsetGlyf returns the glyf table with the outlines of the glyphs kept
// and nothing for the others, and the loca table that indexes it.
func (f *pdfFont) subsetGlyf(keep []bool) (glyf, loca []byte, err error) {
	short := f.ttf.IsShortIndex
	offsets := make([]uint32, len(keep)+1)
	for g := range keep {
		offsets[g] = uint32(len(glyf))
		if !keep[g] {
			continue
		}
		d, err := f.glyphData(g)
		if err != nil {
			return nil, nil, err
		}
		glyf = append(glyf, d...)
		if short && len(glyf)%2 == 1 {
			glyf = append(glyf, 0)
		}
	}
	offsets[len(keep)] = uint32(len(glyf))
	for _, o := range offsets {
		if short {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		} else {
			loca = binary.BigEndian.AppendUint32(loca, o)
		}
	}
	return glyf, loca, nil
}

// fontTable is one table of a TrueType font program.
type fontTable struct {
	tag  string
	data []byte
}

// fontFile assembles a TrueType font program from its tables: the table
// directory, sorted by tag, then the tables, each padded to four bytes.
func fontFile(tables []fontTable) []byte {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	var b bytes.Buffer
	num := len(tables)
	sel := 0
	for 1<<(sel+1) <= num {
		sel++
	}
	be := binary.BigEndian
	b.Write(be.AppendUint32(nil, 0x00010000))
	b.Write(be.AppendUint16(nil, uint16(num)))
	b.Write(be.AppendUint16(nil, uint16(16<<sel)))
	b.Write(be.AppendUint16(nil, uint16(sel)))
	b.Write(be.AppendUint16(nil, uint16(num*16-16<<sel)))
	offset := 12 + 16*num
	for _, tb := range tables {
		b.WriteString(tb.tag)
		b.Write(be.AppendUint32(nil, checksum(tb.data)))
		b.Write(be.AppendUint32(nil, uint32(offset)))
		b.Write(be.AppendUint32(nil, uint32(len(tb.data))))
		offset += (len(tb.data) + 3) &^ 3
	}
	for _, tb := range tables {
		b.Write(tb.data)
		b.Write(make([]byte, (4-len(tb.data)%4)%4))
	}
	return b.Bytes()
}

// components lists the glyphs a composite glyph is made of; none for a
// simple glyph.
func components(d []byte) []uint16 {
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil
	}
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		haveTwoByTwo   = 0x0080
	)
	var out []uint16
	for at := 10; at+4 <= len(d); {
		flags := binary.BigEndian.Uint16(d[at:])
		out = append(out, binary.BigEndian.Uint16(d[at+2:]))
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// checksum is a TrueType table's checksum.
func checksum(d []byte) uint32 {
	var sum uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
