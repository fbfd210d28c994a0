package packet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// TestPDFWriterStreamsPages pins that each page reaches the file when it is
// complete, not at the end, and that the file it finishes reads back: a
// page tree in order, each page's body, the foot all pages share and its
// own, bookmarks; lines of text in a row share a text object, and a shape
// between them ends it.
func TestPDFWriterStreamsPages(t *testing.T) {
	font, err := newPDFFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := newPDFWriter(&out, []*pdfFont{font})
	written := []int{out.Len()}
	for i := range 3 {
		w.endPage()
		if i > 0 && out.Len() <= written[len(written)-1] {
			t.Fatalf("page %d was not written when page %d started", i, i+1)
		}
		written = append(written, out.Len())
		w.startPage()
		w.outline(fmt.Sprintf("bladwijzer %d", i+1))
		w.setFill(rgb(0x1b, 0x1b, 0x1b))
		w.text(font, 10, 50, 60, fmt.Sprintf("inhoud van pagina %d: café Ëlla", i+1))
		w.text(font, 10, 50, 73, "tweede regel")
		w.text(font, 12, 60, 86, "derde regel")
		w.setStroke(rgb(0xc8, 0xc8, 0xc8))
		w.setLineWidth(0.5)
		w.line(50, 100, 500, 100)
		w.rect(50, 110, 100, 20, false)
		w.text(font, 12, 50, 140, "na de lijn")
	}
	err = w.finish(pdfInfo{title: "Titel ü", subject: "s", creator: "c", producer: "p"}, func() {
		w.text(font, 8, 50, 790, "gedeelde voet")
	}, func(n int) {
		w.text(font, 8, 50, 800, fmt.Sprintf("voet %d", n))
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, out.Bytes())
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for i, text := range pages {
		want := fmt.Sprintf("inhoud van pagina %d: café Ëlla\ntweede regel\nderde regel\nna de lijn\ngedeelde voet\nvoet %d\n", i+1, i+1)
		if text != want {
			t.Errorf("page %d reads\n%s\nwant\n%s", i+1, text, want)
		}
	}
	f := readPDF(t, out.Bytes())
	body := f.contents(t, f.pages(t)[0])
	// Three lines in one text object, the font named again for the
	// third's size only, each line placed from the one before; a new text
	// object after the shapes.
	if want := "BT\n/F1 10 Tf\n50 774.18 Td\n"; !strings.HasPrefix(body[strings.Index(body, "BT"):], want) {
		t.Errorf("the page does not start its text with %q:\n%q", want, body)
	}
	for _, want := range []string{" TJ\n0 -13 Td\n", " TJ\n/F1 12 Tf\n10 -14.54 Td\n", "w\nET\n50 741.89 m\n", "re S\nBT\n50 "} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%q", want, body)
		}
	}
	if n := strings.Count(body, "BT"); n != 4 {
		t.Errorf("%d text objects on the first page, want 2 and one in each foot:\n%q", n, body)
	}
	for _, want := range []string{"/Type /Outlines", "/Count 3", textString("bladwijzer 2"), textString("Titel ü")} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the file lacks %s", want)
		}
	}
}

// TestPDFWriterKeepsWriteError pins that a writer that fails (a full disk)
// fails the file, however late the failure comes.
func TestPDFWriterKeepsWriteError(t *testing.T) {
	for _, after := range []int{0, 100, 5000} {
		font, err := newPDFFont("GoRegular", goregular.TTF)
		if err != nil {
			t.Fatal(err)
		}
		fw := &failWriter{left: after}
		w := newPDFWriter(fw, []*pdfFont{font})
		w.startPage()
		w.text(font, 10, 50, 60, strings.Repeat("tekst ", 100))
		err = w.finish(pdfInfo{}, func() {}, func(int) {})
		if !errors.Is(err, errDiskFull) {
			t.Errorf("failing after %d bytes: %v", after, err)
		}
	}
}

var errDiskFull = errors.New("disk full")

type failWriter struct{ left int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, errDiskFull
	}
	f.left -= len(p)
	return len(p), nil
}

// TestPDFFontSubset pins that the embedded font program is a well-formed
// TrueType font that keeps the outlines of the glyphs drawn, and of the
// glyphs a composite one is built from, keeps every glyph's number, and
// drops the outlines of the others.
func TestPDFFontSubset(t *testing.T) {
	for _, tt := range []struct {
		base string
		data []byte
	}{{"GoRegular", goregular.TTF}, {"GoBold", gobold.TTF}} {
		t.Run(tt.base, func(t *testing.T) {
			f, err := newPDFFont(tt.base, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			// A character drawn by a composite glyph, the lowest, to prove
			// its parts are kept. The Go fonts draw every character with
			// outlines of its own; TestPDFFontComponents covers reading a
			// composite glyph's parts.
			var composite rune
			var parts []uint16
			for r := rune(0x20); r < 0x3000 && composite == 0; r++ {
				if g := f.glyph(r); g != 0 {
					if parts = components(glyphBytes(t, f, g)); len(parts) > 0 {
						composite = r
					}
				}
			}
			drawn := "Abé"
			if composite != 0 {
				drawn += string(composite)
			}
			for _, r := range drawn {
				f.use(r)
			}
			program, err := f.subset()
			if err != nil {
				t.Fatal(err)
			}
			glyphs := subsetGlyphs(t, program, f.ttf.IsShortIndex)
			if len(glyphs) != int(f.ttf.NumGlyphs()) {
				t.Errorf("the subset has %d glyphs, the font %d: glyph numbers must stay", len(glyphs), f.ttf.NumGlyphs())
			}
			kept := map[uint16]bool{0: true}
			for _, r := range drawn {
				kept[f.glyph(r)] = true
			}
			for _, g := range parts {
				kept[g] = true
			}
			for g, d := range glyphs {
				want := glyphBytes(t, f, uint16(g))
				if !kept[uint16(g)] {
					want = nil
				}
				if !bytes.Equal(d, want) {
					t.Errorf("glyph %d (kept %v): %d bytes, want %d", g, kept[uint16(g)], len(d), len(want))
				}
			}
			if len(program) > len(tt.data)/2 {
				t.Errorf("the subset of a few glyphs is %d bytes, the font %d", len(program), len(tt.data))
			}
		})
	}
}

// subsetGlyphs checks a font program's table directory (every table
// inside the file, its checksum right) and returns each glyph's data as
// its loca and glyf tables give it.
func subsetGlyphs(t *testing.T, program []byte, short bool) [][]byte {
	t.Helper()
	be := binary.BigEndian
	if len(program) < 12 || be.Uint32(program) != 0x00010000 {
		t.Fatal("not a TrueType font program")
	}
	n := int(be.Uint16(program[4:]))
	tables := map[string][]byte{}
	for i := range n {
		e := program[12+16*i:]
		tag, sum, off, length := string(e[:4]), be.Uint32(e[4:]), be.Uint32(e[8:]), be.Uint32(e[12:])
		if int(off+length) > len(program) || off%4 != 0 {
			t.Fatalf("table %q at %d+%d, outside the program or not aligned", tag, off, length)
		}
		data := program[off : off+length]
		if checksum(data) != sum {
			t.Errorf("table %q: wrong checksum", tag)
		}
		tables[tag] = data
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if tables[tag] == nil {
			t.Fatalf("no %q table", tag)
		}
	}
	loca, glyf := tables["loca"], tables["glyf"]
	var offsets []int
	for i := 0; ; i++ {
		if short {
			if 2*i+2 > len(loca) {
				break
			}
			offsets = append(offsets, 2*int(be.Uint16(loca[2*i:])))
		} else {
			if 4*i+4 > len(loca) {
				break
			}
			offsets = append(offsets, int(be.Uint32(loca[4*i:])))
		}
	}
	var out [][]byte
	for i := 0; i+1 < len(offsets); i++ {
		if offsets[i] > offsets[i+1] || offsets[i+1] > len(glyf) {
			t.Fatalf("glyph %d at %d..%d, outside glyf (%d bytes)", i, offsets[i], offsets[i+1], len(glyf))
		}
		if d := glyf[offsets[i]:offsets[i+1]]; len(d) > 0 {
			out = append(out, d)
		} else {
			out = append(out, nil)
		}
	}
	return out
}

// glyphBytes returns a glyph's data in the font's glyf table.
func glyphBytes(t *testing.T, f *pdfFont, g uint16) []byte {
	t.Helper()
	glyf := f.ttf.GetTables()["glyf"]
	loca := f.ttf.LocaTable
	return f.ttf.FontData()[glyf.Offset+loca[g] : glyf.Offset+loca[g+1]]
}

// TestPDFFontComponents pins how a composite glyph's parts are read,
// including data that ends early or names glyphs beyond the font (which
// subset then skips).
func TestPDFFontComponents(t *testing.T) {
	head := binary.BigEndian.AppendUint16(nil, 0xffff) // -1 contours: composite
	head = append(head, make([]byte, 8)...)
	tests := []struct {
		name string
		data []byte
		want []uint16
	}{
		{"simple glyph", append([]byte{0, 1}, make([]byte, 8)...), nil},
		{"no components", head, nil},
		{"ends in a component", append(slices.Clone(head), 0x00, 0x20), nil},
		{"two components, bytes", append(slices.Clone(head), 0x00, 0x20, 0, 7, 1, 2, 0x00, 0x00, 0, 9, 1, 2), []uint16{7, 9}},
		{"words, more promised", append(slices.Clone(head), 0x00, 0x21, 0xff, 0xff, 1, 2, 3, 4), []uint16{0xffff}},
		{"scale", append(slices.Clone(head), 0x00, 0x28, 0, 3, 1, 2, 0x40, 0, 0x00, 0x00, 0, 4, 1, 2), []uint16{3, 4}},
	}
	for _, tt := range tests {
		if got := components(tt.data); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPDFTextEscapes pins that text whose glyph numbers hold the bytes a
// literal string must escape (parentheses, backslash, carriage return)
// reads back as it was written, in the test's reader and in poppler's.
func TestPDFTextEscapes(t *testing.T) {
	font, err := newPDFFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var text []rune
	for _, special := range []byte{'(', ')', '\\', '\r', '\n'} {
		found := false
		for r := rune(0x21); r < 0x2000 && !found; r++ {
			if g := font.glyph(r); g != 0 && byte(g) == special && !unicode.IsSpace(r) {
				text = append(text, r)
				found = true
			}
		}
		if !found {
			t.Fatalf("no glyph numbered ..%02X to test with", special)
		}
	}
	want := "begin " + string(text) + " (haakjes) \\ eind"
	var out bytes.Buffer
	w := newPDFWriter(&out, []*pdfFont{font})
	w.startPage()
	w.text(font, 10, 50, 60, want)
	if err := w.finish(pdfInfo{}, func() {}, func(int) {}); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(pageTexts(t, out.Bytes())[0]); got != want {
		t.Errorf("read back %q, want %q", got, want)
	}
	pdftotextHas(t, out.Bytes(), []string{want}, nil)
}
