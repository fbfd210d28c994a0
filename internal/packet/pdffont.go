package packet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"

	"github.com/signintech/gopdf/fontmaker/core"
)

// pdfFont is a TrueType font embedded as a composite font whose codes are
// the font's own glyph numbers (Identity-H, CIDToGIDMap Identity). It
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
	// used marks the glyphs drawn; text maps each to the text it shows.
	used []bool
	text map[uint16]rune
}

// newPDFFont reads a TrueType font.
func newPDFFont(base string, data []byte) (*pdfFont, error) {
	f := &pdfFont{base: base, text: map[uint16]rune{}}
	if err := f.ttf.ParseFontData(data); err != nil {
		return nil, fmt.Errorf("font %s: %w", base, err)
	}
	t := &f.ttf
	if t.UnitsPerEm() == 0 || t.NumberOfHMetrics() == 0 || t.GetTables()["glyf"].Length == 0 {
		return nil, fmt.Errorf("font %s: not a TrueType font with outlines", base)
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
	f.used = make([]bool, t.NumGlyphs())
	f.used[0] = true // the glyph for what is missing is always kept
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

// use marks r's glyph as drawn and returns it.
func (f *pdfFont) use(r rune) uint16 {
	g := f.glyph(r)
	if !f.used[g] {
		f.used[g] = true
		if g != 0 {
			f.text[g] = r
		}
	}
	return g
}

// usedGlyphs lists the glyphs drawn, in order.
func (f *pdfFont) usedGlyphs() []uint16 {
	var out []uint16
	for g, u := range f.used {
		if u {
			out = append(out, uint16(g))
		}
	}
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
	data := t.FontData()
	tables := t.GetTables()
	glyf := tables["glyf"]
	loca := t.LocaTable
	n := int(t.NumGlyphs())
	if len(loca) < n+1 {
		return nil, errors.New("loca table shorter than the glyphs")
	}
	glyphData := func(g int) ([]byte, error) {
		start, end := int(glyf.Offset+loca[g]), int(glyf.Offset+loca[g+1])
		if start > end || end > len(data) {
			return nil, fmt.Errorf("glyph %d outside the font", g)
		}
		return data[start:end], nil
	}
	keep := slices.Clone(f.used)
	// Composite glyphs draw other glyphs: keep those too, to any depth.
	for queue := f.usedGlyphs(); len(queue) > 0; {
		g := int(queue[0])
		queue = queue[1:]
		d, err := glyphData(g)
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
	var newGlyf []byte
	newLoca := make([]uint32, n+1)
	for g := range n {
		newLoca[g] = uint32(len(newGlyf))
		if keep[g] {
			d, err := glyphData(g)
			if err != nil {
				return nil, err
			}
			newGlyf = append(newGlyf, d...)
			if t.IsShortIndex && len(newGlyf)%2 == 1 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	newLoca[n] = uint32(len(newGlyf))
	var locaData []byte
	for _, o := range newLoca {
		if t.IsShortIndex {
			locaData = binary.BigEndian.AppendUint16(locaData, uint16(o/2))
		} else {
			locaData = binary.BigEndian.AppendUint32(locaData, o)
		}
	}

	type table struct {
		tag  string
		data []byte
	}
	var out []table
	for _, tag := range subsetTables {
		e, ok := tables[tag]
		switch {
		case tag == "glyf":
			out = append(out, table{tag, newGlyf})
		case tag == "loca":
			out = append(out, table{tag, locaData})
		case ok:
			if int(e.Offset+e.Length) > len(data) {
				return nil, fmt.Errorf("table %q outside the font", tag)
			}
			out = append(out, table{tag, data[e.Offset : e.Offset+e.Length]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].tag < out[j].tag })

	var b bytes.Buffer
	num := len(out)
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
	for _, tb := range out {
		b.WriteString(tb.tag)
		b.Write(be.AppendUint32(nil, checksum(tb.data)))
		b.Write(be.AppendUint32(nil, uint32(offset)))
		b.Write(be.AppendUint32(nil, uint32(len(tb.data))))
		offset += (len(tb.data) + 3) &^ 3
	}
	for _, tb := range out {
		b.Write(tb.data)
		b.Write(make([]byte, (4-len(tb.data)%4)%4))
	}
	return b.Bytes(), nil
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
