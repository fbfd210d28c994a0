package packet

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A small PDF reader for the tests: enough of the file structure to check
// that a viewer can open the packet (header, cross-reference table,
// trailer, page tree), and to extract each page's text through the fonts'
// ToUnicode maps, so tests can look for record names and Dutch characters
// in what the reader will see.

type pdfFile struct {
	data    []byte
	objects map[int]pdfObject
}

type pdfObject struct {
	dict   string
	stream []byte // decoded; nil when the object has none
}

var (
	objRe       = regexp.MustCompile(`(?s)(\d+) 0 obj(.*?)endobj`)
	refRe       = regexp.MustCompile(`(\d+) 0 R`)
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
)

// readPDF checks the file's structure and indexes its objects.
func readPDF(t *testing.T, data []byte) *pdfFile {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Fatalf("no PDF header: %q", data[:min(20, len(data))])
	}
	m := startxrefRe.FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref and end-of-file marker at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(data) || !bytes.HasPrefix(data[off:], []byte("xref")) {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	if !bytes.Contains(data[off:], []byte("trailer")) {
		t.Fatal("no trailer after the xref table")
	}
	f := &pdfFile{data: data, objects: map[int]pdfObject{}}
	for _, om := range objRe.FindAllSubmatchIndex(data, -1) {
		n, _ := strconv.Atoi(string(data[om[2]:om[3]]))
		body := data[om[4]:om[5]]
		o := pdfObject{dict: string(body)}
		if i := bytes.Index(body, []byte("stream")); i >= 0 && bytes.Contains(body, []byte("endstream")) {
			o.dict = string(body[:i])
			raw := body[i+len("stream"):]
			raw = bytes.TrimLeft(raw, "\r\n")
			raw = raw[:bytes.LastIndex(raw, []byte("endstream"))]
			if strings.Contains(o.dict, "FlateDecode") {
				zr, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatalf("object %d: %v", n, err)
				}
				dec, err := io.ReadAll(zr)
				if err != nil {
					t.Fatalf("object %d: %v", n, err)
				}
				raw = dec
			}
			o.stream = raw
		}
		f.objects[n] = o
	}
	// Every object the xref table lists starts where it says.
	xref := string(data[off:])
	lines := strings.Split(xref, "\n")
	if len(lines) < 3 {
		t.Fatal("empty xref table")
	}
	var first, count int
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil {
		t.Fatalf("xref subsection header %q: %v", lines[1], err)
	}
	for i := 0; i < count; i++ {
		entry := strings.TrimSpace(lines[2+i])
		if !strings.HasSuffix(entry, " n") {
			continue
		}
		at, _ := strconv.Atoi(strings.Fields(entry)[0])
		want := fmt.Sprintf("%d 0 obj", first+i)
		if !bytes.HasPrefix(data[at:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q, not %q", first+i, data[at:min(at+12, len(data))], want)
		}
	}
	return f
}

// pages returns the page objects in the order of the page tree.
func (f *pdfFile) pages(t *testing.T) []pdfObject {
	t.Helper()
	var root string
	for _, o := range f.objects {
		if strings.Contains(o.dict, "/Type /Pages") {
			root = o.dict
		}
	}
	kids := regexp.MustCompile(`(?s)/Kids\s*\[(.*?)\]`).FindStringSubmatch(root)
	cnt := regexp.MustCompile(`/Count (\d+)`).FindStringSubmatch(root)
	if kids == nil || cnt == nil {
		t.Fatalf("no page tree: %q", root)
	}
	var out []pdfObject
	for _, r := range refRe.FindAllStringSubmatch(kids[1], -1) {
		n, _ := strconv.Atoi(r[1])
		out = append(out, f.objects[n])
	}
	if c, _ := strconv.Atoi(cnt[1]); c != len(out) {
		t.Fatalf("page tree /Count %d but %d kids", c, len(out))
	}
	return out
}

// ref follows "/Key N 0 R" in a dictionary.
func (f *pdfFile) ref(dict, key string) (pdfObject, bool) {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s+(\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return pdfObject{}, false
	}
	n, _ := strconv.Atoi(m[1])
	o, ok := f.objects[n]
	return o, ok
}

// pdfFontCodes is what the reader knows of a composite font: how its
// codes are cut from a string (the codespace of its encoding), the CID
// and the text each code stands for, and each CID's glyph and width.
type pdfFontCodes struct {
	space  [][2][]byte       // codespace ranges: first and last code, of one length
	cids   map[string]int    // code → CID
	text   map[string]string // code → text
	glyphs []uint16          // CID → glyph; nil for the identity
	widths map[int]int       // CID → width
}

var (
	codespaceRe = regexp.MustCompile(`(?s)begincodespacerange(.*?)endcodespacerange`)
	hexPairRe   = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	cidRangeRe  = regexp.MustCompile(`(?s)begincidrange(.*?)endcidrange`)
	cidCharRe   = regexp.MustCompile(`(?s)begincidchar(.*?)endcidchar`)
	bfCharRe    = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	bfRangeRe   = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	wRe         = regexp.MustCompile(`/W\s*\[((?:[^\[\]]|\[[^\]]*\])*)\]`)
)

// fontCodes reads a Type0 font: its encoding (Identity-H or an embedded
// CMap), its ToUnicode map and its descendant's CIDToGIDMap and widths.
func (f *pdfFile) fontCodes(t *testing.T, font pdfObject) *pdfFontCodes {
	t.Helper()
	fc := &pdfFontCodes{cids: map[string]int{}, text: map[string]string{}, widths: map[int]int{}}
	if strings.Contains(font.dict, "/Encoding /Identity-H") {
		fc.space = [][2][]byte{{{0, 0}, {0xff, 0xff}}}
	} else if enc, ok := f.ref(font.dict, "/Encoding"); ok {
		fc.readEncoding(t, string(enc.stream))
	} else {
		t.Fatalf("a font without an encoding this reader knows: %q", font.dict)
	}
	if tu, ok := f.ref(font.dict, "/ToUnicode"); ok {
		fc.readToUnicode(t, string(tu.stream))
	}
	desc := regexp.MustCompile(`/DescendantFonts\s*\[\s*(\d+) 0 R`).FindStringSubmatch(font.dict)
	if desc == nil {
		return fc
	}
	n, _ := strconv.Atoi(desc[1])
	cidFont := f.objects[n].dict
	if m, ok := f.ref(cidFont, "/CIDToGIDMap"); ok {
		if len(m.stream)%2 != 0 {
			t.Fatalf("CIDToGIDMap of %d bytes, not two a CID", len(m.stream))
		}
		for i := 0; i+1 < len(m.stream); i += 2 {
			fc.glyphs = append(fc.glyphs, uint16(m.stream[i])<<8|uint16(m.stream[i+1]))
		}
	} else if !strings.Contains(cidFont, "/CIDToGIDMap /Identity") {
		t.Fatalf("a CIDFont without a CIDToGIDMap: %q", cidFont)
	}
	if m := wRe.FindStringSubmatch(cidFont); m != nil {
		fc.readWidths(t, m[1])
	}
	return fc
}

// hexBytes is the bytes of a CMap's hex string.
func hexBytes(t *testing.T, h string) []byte {
	t.Helper()
	var b []byte
	for j := 0; j+2 <= len(h); j += 2 {
		v, err := strconv.ParseUint(h[j:j+2], 16, 8)
		if err != nil || len(h)%2 != 0 {
			t.Fatalf("hex string %q", h)
		}
		b = append(b, byte(v))
	}
	return b
}

// readEncoding reads a CMap from codes to CIDs: its codespace ranges and
// its cidrange and cidchar mappings. A range's codes must differ in their
// last byte only.
func (fc *pdfFontCodes) readEncoding(t *testing.T, cmap string) {
	t.Helper()
	fc.readCodespace(t, cmap)
	ranges := regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)`)
	for _, sec := range cidRangeRe.FindAllStringSubmatch(cmap, -1) {
		for _, m := range ranges.FindAllStringSubmatch(sec[1], -1) {
			lo, hi := hexBytes(t, m[1]), hexBytes(t, m[2])
			cid, _ := strconv.Atoi(m[3])
			last := len(lo) - 1
			if len(lo) != len(hi) || !bytes.Equal(lo[:last], hi[:last]) || lo[last] > hi[last] {
				t.Fatalf("cidrange %s", m[0])
			}
			for c := int(lo[last]); c <= int(hi[last]); c++ {
				code := append(slices.Clone(lo[:last]), byte(c))
				fc.cids[string(code)] = cid + c - int(lo[last])
			}
		}
	}
	for _, sec := range cidCharRe.FindAllStringSubmatch(cmap, -1) {
		for _, m := range regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*(\d+)`).FindAllStringSubmatch(sec[1], -1) {
			fc.cids[string(hexBytes(t, m[1]))], _ = strconv.Atoi(m[2])
		}
	}
}

// readCodespace reads a CMap's codespace ranges.
func (fc *pdfFontCodes) readCodespace(t *testing.T, cmap string) {
	t.Helper()
	sec := codespaceRe.FindStringSubmatch(cmap)
	if sec == nil {
		t.Fatal("a CMap without a codespace")
	}
	for _, m := range hexPairRe.FindAllStringSubmatch(sec[1], -1) {
		lo, hi := hexBytes(t, m[1]), hexBytes(t, m[2])
		if len(lo) != len(hi) {
			t.Fatalf("codespace range %s of two lengths", m[0])
		}
		fc.space = append(fc.space, [2][]byte{lo, hi})
	}
}

// readToUnicode reads a ToUnicode map: bfchar and bfrange mappings from
// codes to UTF-16 text. Its codespace must be the encoding's.
func (fc *pdfFontCodes) readToUnicode(t *testing.T, cmap string) {
	t.Helper()
	space := fc.space
	fc.space = nil
	fc.readCodespace(t, cmap)
	if !slices.EqualFunc(space, fc.space, func(a, b [2][]byte) bool { return bytes.Equal(a[0], b[0]) && bytes.Equal(a[1], b[1]) }) {
		t.Fatalf("the ToUnicode map's codespace %x is not the encoding's %x", fc.space, space)
	}
	utf := func(h string) string {
		b := hexBytes(t, h)
		var u []uint16
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	for _, sec := range bfRangeRe.FindAllStringSubmatch(cmap, -1) {
		for _, m := range regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`).FindAllStringSubmatch(sec[1], -1) {
			lo, hi, u := hexBytes(t, m[1]), hexBytes(t, m[2]), []rune(utf(m[3]))
			last := len(lo) - 1
			for c := int(lo[last]); c <= int(hi[last]); c++ {
				code := append(slices.Clone(lo[:last]), byte(c))
				fc.text[string(code)] = string(u[0] + rune(c-int(lo[last])))
			}
		}
	}
	for _, sec := range bfCharRe.FindAllStringSubmatch(cmap, -1) {
		for _, m := range hexPairRe.FindAllStringSubmatch(sec[1], -1) {
			fc.text[string(hexBytes(t, m[1]))] = utf(m[2])
		}
	}
}

// readWidths reads a CIDFont's /W array: "c [w1 w2 ...]" and
// "c1 c2 w" entries.
func (fc *pdfFontCodes) readWidths(t *testing.T, w string) {
	t.Helper()
	entry := regexp.MustCompile(`(\d+)\s*\[([^\]]*)\]|(\d+)\s+(\d+)\s+(\d+)`)
	for _, m := range entry.FindAllStringSubmatch(w, -1) {
		if m[1] != "" {
			c, _ := strconv.Atoi(m[1])
			for i, ws := range strings.Fields(m[2]) {
				fc.widths[c+i], _ = strconv.Atoi(ws)
			}
			continue
		}
		lo, _ := strconv.Atoi(m[3])
		hi, _ := strconv.Atoi(m[4])
		for c := lo; c <= hi; c++ {
			fc.widths[c], _ = strconv.Atoi(m[5])
		}
	}
}

// cut cuts a string's bytes into codes as the codespace says: at each
// byte, the code of the range whose every byte it fits.
func (fc *pdfFontCodes) cut(t *testing.T, s []byte) [][]byte {
	t.Helper()
	var out [][]byte
next:
	for i := 0; i < len(s); {
		for _, r := range fc.space {
			n := len(r[0])
			if i+n > len(s) {
				continue
			}
			fits := true
			for k := range n {
				fits = fits && r[0][k] <= s[i+k] && s[i+k] <= r[1][k]
			}
			if fits {
				out = append(out, s[i:i+n])
				i += n
				continue next
			}
		}
		t.Fatalf("byte %d of %x is in no codespace range", i, s)
	}
	return out
}

// inCodespace reports whether number v, written in as many bytes as a
// codespace range's codes, is a code of that range.
func (fc *pdfFontCodes) inCodespace(v int) bool {
	for _, r := range fc.space {
		n := len(r[0])
		if v >= 1<<(8*n) {
			continue
		}
		fits := true
		for k := range n {
			b := byte(v >> (8 * (n - 1 - k)))
			fits = fits && r[0][k] <= b && b <= r[1][k]
		}
		if fits {
			return true
		}
	}
	return false
}

// glyph is the glyph a CID draws.
func (fc *pdfFontCodes) glyph(cid int) int {
	if fc.glyphs == nil {
		return cid
	}
	if cid >= len(fc.glyphs) {
		return 0
	}
	return int(fc.glyphs[cid])
}

// cid is the CID a code stands for: in the identity encoding the code's
// number, otherwise its mapping, and 0 when it has none (PDF 32000,
// 9.7.6.3).
func (fc *pdfFontCodes) cid(code []byte) int {
	if len(fc.cids) == 0 && len(fc.space) == 1 && len(fc.space[0][0]) == 2 {
		return int(code[0])<<8 | int(code[1])
	}
	return fc.cids[string(code)]
}

// tfRe is a font operator at the start of what follows.
var tfRe = regexp.MustCompile(`^/(F\d+) [\d.]+ Tf`)

// tjArray returns the bytes of the strings in the TJ array that starts at
// block[i] ('['): hex strings (<0041>) and literal strings ((\000A), with
// their escapes), and the index after the array.
func tjArray(t *testing.T, block string, i int) (codes []byte, end int) {
	t.Helper()
	for i++; i < len(block) && block[i] != ']'; {
		switch c := block[i]; {
		case c == '<':
			end := strings.IndexByte(block[i:], '>')
			if end < 0 {
				t.Fatalf("hex string not closed: %q", block[i:])
			}
			h := block[i+1 : i+end]
			for j := 0; j+2 <= len(h); j += 2 {
				v, err := strconv.ParseUint(h[j:j+2], 16, 8)
				if err != nil {
					t.Fatalf("hex string %q: %v", h, err)
				}
				codes = append(codes, byte(v))
			}
			i += end + 1
		case c == '(':
			var lit []byte
			lit, i = literal(t, block, i)
			codes = append(codes, lit...)
		default: // a number (kerning) or space
			i++
		}
	}
	return codes, i + 1
}

// literal reads the literal string that starts at block[i] ('('), with its
// escapes, and returns its bytes and the index after it.
func literal(t *testing.T, block string, i int) ([]byte, int) {
	t.Helper()
	var codes []byte
	depth := 0
	for i++; ; i++ {
		if i >= len(block) {
			t.Fatalf("literal string not closed: %q", block)
		}
		c := block[i]
		if c == '\\' {
			i++
			e := block[i]
			switch e {
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			}
			if e >= '0' && e <= '7' {
				v := 0
				for k := 0; k < 3 && i < len(block) && block[i] >= '0' && block[i] <= '7'; k++ {
					v = v*8 + int(block[i]-'0')
					i++
				}
				i--
				e = byte(v)
			}
			codes = append(codes, e)
			continue
		}
		if c == '(' {
			depth++
		}
		if c == ')' {
			if depth == 0 {
				return codes, i + 1
			}
			depth--
		}
		codes = append(codes, c)
	}
}

// pdfLine is the codes of one TJ array and the font they are in.
type pdfLine struct {
	font  string
	codes [][]byte
}

// fonts reads the fonts of a page's resources, by their names (F1).
func (f *pdfFile) fonts(t *testing.T, page pdfObject) map[string]*pdfFontCodes {
	t.Helper()
	res, ok := f.ref(page.dict, "/Resources")
	if !ok {
		t.Fatal("page without resources")
	}
	fonts := map[string]*pdfFontCodes{}
	for _, m := range regexp.MustCompile(`/(F\d+)\s+(\d+) 0 R`).FindAllStringSubmatch(res.dict, -1) {
		n, _ := strconv.Atoi(m[2])
		fonts[m[1]] = f.fontCodes(t, f.objects[n])
	}
	return fonts
}

// lines returns a page's lines of text, one per TJ array, as codes in the
// font the last Tf before it set (a font outlives its text object, as in
// a viewer). The content is read in order; outside the arrays it holds no
// strings.
func (f *pdfFile) lines(t *testing.T, page pdfObject, fonts map[string]*pdfFontCodes) []pdfLine {
	t.Helper()
	content := f.contents(t, page)
	var out []pdfLine
	font := ""
	for i := 0; i < len(content); {
		switch content[i] {
		case '/':
			if m := tfRe.FindStringSubmatch(content[i:]); m != nil {
				font = m[1]
				i += len(m[0])
				continue
			}
		case '[':
			var s []byte
			s, i = tjArray(t, content, i)
			if !strings.HasPrefix(strings.TrimLeft(content[i:], " "), "TJ") {
				continue
			}
			fc, ok := fonts[font]
			if !ok {
				t.Fatalf("text in font %q, which the page does not have", font)
			}
			out = append(out, pdfLine{font, fc.cut(t, s)})
			continue
		}
		i++
	}
	return out
}

// text extracts a page's text through the fonts' ToUnicode maps, one
// line per TJ array; a code the map lacks reads as U+FFFD.
func (f *pdfFile) text(t *testing.T, page pdfObject) string {
	t.Helper()
	fonts := f.fonts(t, page)
	var b strings.Builder
	for _, l := range f.lines(t, page, fonts) {
		for _, code := range l.codes {
			s, ok := fonts[l.font].text[string(code)]
			if !ok {
				s = "\uFFFD"
			}
			b.WriteString(s)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// contents returns a page's content: its one content stream, or its
// array of streams joined, as a viewer reads them.
func (f *pdfFile) contents(t *testing.T, page pdfObject) string {
	t.Helper()
	if o, ok := f.ref(page.dict, "/Contents"); ok {
		return string(o.stream)
	}
	m := regexp.MustCompile(`(?s)/Contents\s*\[(.*?)\]`).FindStringSubmatch(page.dict)
	if m == nil {
		t.Fatal("page without contents")
	}
	var b strings.Builder
	for _, r := range refRe.FindAllStringSubmatch(m[1], -1) {
		n, _ := strconv.Atoi(r[1])
		o, ok := f.objects[n]
		if !ok || o.stream == nil {
			t.Fatalf("page content %d is not a stream", n)
		}
		b.Write(o.stream)
		b.WriteString("\n")
	}
	return b.String()
}

// pageTexts returns the text of every page.
func pageTexts(t *testing.T, data []byte) []string {
	t.Helper()
	f := readPDF(t, data)
	var out []string
	for _, p := range f.pages(t) {
		out = append(out, f.text(t, p))
	}
	return out
}

// flat joins lines with spaces, so text wrapped over lines reads as one.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
