package packet

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
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

// cmap reads a ToUnicode map: glyph code → text.
func cmap(stream []byte) map[uint16]string {
	out := map[uint16]string{}
	hex := func(s string) uint64 { v, _ := strconv.ParseUint(s, 16, 32); return v }
	for _, m := range regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`).FindAllStringSubmatch(string(stream), -1) {
		lo, hi, u := hex(m[1]), hex(m[2]), hex(m[3])
		for c := lo; c <= hi && c-lo < 1<<16; c++ {
			out[uint16(c)] = string(utf16.Decode([]uint16{uint16(u + c - lo)}))
		}
	}
	for _, sec := range regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`).FindAllStringSubmatch(string(stream), -1) {
		for _, m := range regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`).FindAllStringSubmatch(sec[1], -1) {
			out[uint16(hex(m[1]))] = string(utf16.Decode([]uint16{uint16(hex(m[2]))}))
		}
	}
	return out
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

// text extracts a page's text, one line per TJ array, in the font the last
// Tf before it set (a font outlives its text object, as in a viewer). The
// content is read in order; outside the arrays it holds no strings.
func (f *pdfFile) text(t *testing.T, page pdfObject) string {
	t.Helper()
	res, ok := f.ref(page.dict, "/Resources")
	if !ok {
		t.Fatal("page without resources")
	}
	fonts := map[string]map[uint16]string{}
	for _, m := range regexp.MustCompile(`/(F\d+)\s+(\d+) 0 R`).FindAllStringSubmatch(res.dict, -1) {
		n, _ := strconv.Atoi(m[2])
		if tu, ok := f.ref(f.objects[n].dict, "/ToUnicode"); ok {
			fonts[m[1]] = cmap(tu.stream)
		}
	}
	content := f.contents(t, page)
	var b strings.Builder
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
			var codes []byte
			codes, i = tjArray(t, content, i)
			if !strings.HasPrefix(strings.TrimLeft(content[i:], " "), "TJ") {
				continue
			}
			m, ok := fonts[font]
			if !ok {
				t.Fatalf("text in font %q, which the page does not have", font)
			}
			for j := 0; j+2 <= len(codes); j += 2 {
				s, ok := m[uint16(codes[j])<<8|uint16(codes[j+1])]
				if !ok {
					s = "\uFFFD"
				}
				b.WriteString(s)
			}
			b.WriteString("\n")
			continue
		}
		i++
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
