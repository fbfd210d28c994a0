package importcsv

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/source"
)

// toUTF8 returns the spreadsheet data of the file name as UTF-8, with a
// note when it was read as Windows-1252, which spreadsheet programs on
// Windows still write as "CSV".
//
// Reading a file as Windows-1252 must not change a text that was written
// in UTF-8: "één" in UTF-8 read as Windows-1252 is "Ã©Ã©n". So a file is
// only read as Windows-1252 when no byte in it starts a valid UTF-8
// character beyond ASCII: then there is no UTF-8 text to garble, and every
// byte beyond ASCII can only mean its Windows-1252 letter. A file that is
// UTF-8 apart from some bytes mixes two encodings; guessing which one each
// cell is in could change texts, so it is an error at the first such byte.
func toUTF8(name string, data []byte) ([]byte, *finding.Finding, error) {
	if utf8.Valid(data) {
		return data, nil, nil
	}
	bad := source.FirstInvalidUTF8(data)
	if hasMultibyte(data) {
		return nil, nil, msgMixedEncoding.Err(positionOf(name, data, bad), data[bad])
	}
	if i := firstUndefined1252(data); i >= 0 {
		// The decoder would turn these into U+FFFD and lose the byte.
		return nil, nil, msgNeitherEncoding.Err(positionOf(name, data, i), data[i])
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, msgReadFailed.Err(name, err)
	}
	line, col := source.Position(data, bad)
	note := &finding.Finding{File: name, Line: line, Column: col, Rule: RuleImport, Severity: finding.Info,
		Message: msgWindows1252.With().Pair(), Help: msgSaveUTF8.With().Pair()}
	return dec, note, nil
}

// positionOf is "name:line:column" of the byte at offset i of data, the
// column counted in characters as every finding counts them.
func positionOf(name string, data []byte, i int) string {
	line, col := source.Position(data, i)
	return finding.Finding{File: name, Line: line, Column: col}.Position()
}

// hasMultibyte reports whether data holds a valid UTF-8 character of more
// than one byte: a sign that the file was written as UTF-8.
func hasMultibyte(data []byte) bool {
	for i := 0; i < len(data); {
		_, size := utf8.DecodeRune(data[i:])
		if size > 1 {
			return true
		}
		i += size
	}
	return false
}

// firstUndefined1252 is the offset of the first byte that Windows-1252
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), or -1.
func firstUndefined1252(data []byte) int {
	for i, b := range data {
		switch b {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return i
		}
	}
	return -1
}

// fromUTF16 returns the data of the file name as UTF-8 when it is UTF-16
// with its byte order mark (little-endian FF FE, as Excel's "Unicode text"
// saves, or big-endian FE FF), and any other data as it is. The decoding
// is strict: a damaged character is an error at its line and column,
// never a replacement character in a text. A NUL byte in data without a
// mark is an error too: no text holds one, and UTF-16 without its mark
// is full of them.
func fromUTF16(name string, data []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return nil, msgNULByte.Err(positionOf(name, data, i))
		}
		return data, nil
	}
	body := data[2:]
	out := make([]byte, 0, len(body))
	line, col := 1, 1
	for i := 0; i+1 < len(body); i += 2 {
		r := rune(order.Uint16(body[i:]))
		if utf16.IsSurrogate(r) {
			var lo rune = -1
			if i+3 < len(body) {
				lo = rune(order.Uint16(body[i+2:]))
			}
			if r >= 0xDC00 || lo < 0xDC00 || lo > 0xDFFF {
				return nil, msgUTF16Broken.Err(finding.Finding{File: name, Line: line, Column: col}.Position())
			}
			r = utf16.DecodeRune(r, lo)
			i += 2
		}
		if r == 0 {
			return nil, msgNULByte.Err(finding.Finding{File: name, Line: line, Column: col}.Position())
		}
		out = utf8.AppendRune(out, r)
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if len(body)%2 != 0 {
		return nil, msgUTF16Half.Err(name)
	}
	return out, nil
}
