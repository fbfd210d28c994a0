package packet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// TestPDFWriterStreamsPages pins that each page reaches the file when it is
// complete (once its goroutine wrote it), not at the end, and that the file it finishes reads back: a
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
		w.sync() // written on the pages' goroutine
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

// letters returns n letters font draws, from U+0041 on, each once: in a
// Go font, Latin, then Greek and Cyrillic.
func letters(t *testing.T, font *pdfFont, n int) []rune {
	t.Helper()
	var out []rune
	for r := rune(0x41); r < 0x2000 && len(out) < n; r++ {
		if (unicode.IsUpper(r) || unicode.IsLower(r)) && font.has(r) {
			out = append(out, r)
		}
	}
	if len(out) < n {
		t.Fatalf("%s draws %d letters, the test needs %d", font.base, len(out), n)
	}
	return out
}

// lines40 cuts text into lines of 40 characters, which fit a page at 10
// points.
func lines40(text []rune) []string {
	var out []string
	for l := range slices.Chunk(text, 40) {
		out = append(out, string(l))
	}
	return out
}

// onePage writes a file of one page with the lines given, in font at 10
// points, and returns it.
func onePage(t *testing.T, font *pdfFont, lines ...string) []byte {
	t.Helper()
	var out bytes.Buffer
	w := newPDFWriter(&out, []*pdfFont{font})
	w.startPage()
	for i, l := range lines {
		w.text(font, 10, 50, 60+13*float64(i), l)
	}
	if err := w.finish(pdfInfo{}, func() {}, func(int) {}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestPDFTextEscapes pins that text whose codes hold the bytes a literal
// string must escape (parentheses, backslash, carriage return), as a
// one-byte code and as the second byte of a two-byte one, reads back as
// it was written, in the test's reader and in poppler's.
func TestPDFTextEscapes(t *testing.T) {
	font, err := newPDFFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	// Codes are numbered in the order of first use, from 01: the 300
	// letters' codes run from 01 to 7F, then from 8000 to 80AC, which
	// holds 800D, 8028, 8029 and 805C.
	want := append(lines40(letters(t, font, 300)), "begin (haakjes) \\ eind")
	pdf := onePage(t, font, want...)
	f := readPDF(t, pdf)
	body := f.contents(t, f.pages(t)[0])
	for _, e := range []string{`\(`, `\)`, `\\`, `\r`} {
		for _, prefix := range []string{"", "\x80"} {
			if !strings.Contains(body, prefix+e) {
				t.Errorf("the page lacks the escape %q after %q", e, prefix)
			}
		}
	}
	if got := pageTexts(t, pdf)[0]; got != strings.Join(want, "\n")+"\n" {
		t.Errorf("read back %q, want %q", got, want)
	}
	pdftotextHas(t, pdf, want, nil)
	mutoolHas(t, pdf, want)
}

// mutoolHas checks the PDF's text as MuPDF extracts it, where mutool is
// installed: MuPDF reads a ToUnicode map in its own way, through the
// CIDs of the font's encoding.
func mutoolHas(t *testing.T, pdf []byte, want []string) {
	t.Helper()
	if _, err := exec.LookPath("mutool"); err != nil {
		t.Log("mutool (mupdf-tools) is not installed; MuPDF's reading of the text was not checked")
		return
	}
	in := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command("mutool", "draw", "-q", "-F", "txt", in).Output()
	if err != nil {
		t.Fatalf("mutool: %v", err)
	}
	text := flat(string(got))
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("mutool: the PDF's text lacks %q", w)
		}
	}
}

// TestPDFCodes pins the fonts' codes: the first 127 glyphs drawn get a
// one-byte code, the others a two-byte one, in the order they are first
// drawn; a character the font lacks is code 00, CID 0, the glyph for what
// is missing. Each code reads back as its text, draws its character's
// glyph and has its width, in the test's reader, and poppler extracts the
// text.
func TestPDFCodes(t *testing.T) {
	for _, tt := range []struct {
		base string
		data []byte
	}{{"GoRegular", goregular.TTF}, {"GoBold", gobold.TTF}, {"GoMono", gomono.TTF}} {
		t.Run(tt.base, func(t *testing.T) {
			font, err := newPDFFont(tt.base, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			const missing = '\U0001F600' // no Go font draws it
			if font.has(missing) {
				t.Fatalf("%s draws %q", tt.base, missing)
			}
			drawn := letters(t, font, 200)
			// Each letter twice, first in order and then backwards, so a
			// code seen again is the one given first; and the missing
			// character among the one-byte and the two-byte codes.
			back := slices.Clone(drawn)
			slices.Reverse(back)
			text := slices.Concat(lines40(drawn[:100]), lines40(drawn[100:]), lines40(back))
			written := slices.Concat(lines40(drawn[:100]), []string{string(missing)}, lines40(drawn[100:]), []string{string(missing)}, lines40(back))
			line := []rune(strings.Join(written, ""))
			pdf := onePage(t, font, written...)

			f := readPDF(t, pdf)
			page := f.pages(t)[0]
			fonts := f.fonts(t, page)
			fc := fonts["F1"]
			var codes [][]byte
			for _, l := range f.lines(t, page, fonts) {
				codes = append(codes, l.codes...)
			}
			if len(codes) != len(line) {
				t.Fatalf("read %d codes, want %d", len(codes), len(line))
			}
			codeOf := map[rune]string{}
			for i, r := range line {
				code := codes[i]
				cid := fc.cid(code)
				g := font.glyph(r)
				if got := fc.glyph(cid); got != int(g) {
					t.Errorf("%q: code %X is CID %d, glyph %d; want glyph %d", r, code, cid, got, g)
				}
				if !fc.inCodespace(cid) {
					t.Errorf("%q: CID %d is no code of the codespace, where MuPDF looks for the CIDs of the ToUnicode map", r, cid)
				}
				if got, want := fc.widths[cid], int(font.width(g)); got != want {
					t.Errorf("%q: CID %d is %d wide, want %d", r, cid, got, want)
				}
				if c, ok := codeOf[r]; ok && c != string(code) {
					t.Errorf("%q: code %X, before %X", r, code, c)
				}
				codeOf[r] = string(code)
				if r == missing {
					if !bytes.Equal(code, []byte{0}) || cid != 0 {
						t.Errorf("a missing character: code %X, CID %d; want 00, 0", code, cid)
					}
					continue
				}
				if got := fc.text[string(code)]; got != string(r) {
					t.Errorf("code %X reads %q, want %q", code, got, r)
				}
			}
			for i, r := range drawn {
				want := []byte{byte(i + 1)}
				if i+1 >= 0x80 {
					want = []byte{0x80, byte(i + 1 - 0x80)}
				}
				if got := codeOf[r]; got != string(want) {
					t.Errorf("the letter drawn %d. (%q) has code %X, want %X", i+1, r, got, want)
				}
			}
			pdftotextHas(t, pdf, text, nil)
			mutoolHas(t, pdf, text)
		})
	}
}

// TestTextString pins the text strings of bookmarks and the document
// information: UTF-16 with a byte order mark, in hex, a character outside
// the first plane as a surrogate pair and bytes that are not UTF-8 as
// U+FFFD.
func TestTextString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "<FEFF>"},
		{"Aé €", "<FEFF004100E9002020AC>"},
		{"\U0001F600", "<FEFFD83DDE00>"},
		{"a\xffb", "<FEFF0061FFFD0062>"},
	} {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestXrefEntry pins the cross-reference entries: 20 bytes each, the
// offset in ten digits (PDF 32000, 7.5.4).
func TestXrefEntry(t *testing.T) {
	for _, tt := range []struct {
		off  int64
		want string
	}{
		{0, "0000000000 00000 n \n"},
		{15, "0000000015 00000 n \n"},
		{1234567890, "1234567890 00000 n \n"},
	} {
		if got := string(xrefEntry(nil, tt.off)); got != tt.want {
			t.Errorf("xrefEntry(%d) = %q, want %q", tt.off, got, tt.want)
		}
	}
}
