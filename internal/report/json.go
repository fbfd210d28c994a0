package report

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/voorbeeldstad/register/internal/finding"
)

// writeJSON prints the findings and summary as indented JSON in the
// findings shape of the record format documentation:
//
//	{"findings": [...], "summary": {...}}
//
// Each finding is written as its finding.JSON, which leaves out line and
// column when unknown.
// Files stay relative to the register root, as every other command's JSON
// has them. The document is written a finding at a time, byte for byte as
// encoding/json indents the whole: each element is indented as deep as it
// sits in the document.
func writeJSON(b sink, fs []finding.Finding, sum finding.Summary, _ Options) error {
	w := jsonWriter{b: b}
	if len(fs) == 0 {
		b.WriteString("{\n  \"findings\": [],\n") // scripts expect a list, never null
	} else {
		b.WriteString("{\n  \"findings\": [\n")
		for i := range fs {
			if i > 0 {
				b.WriteString(",\n")
			}
			if err := w.finding(fs[i].JSON()); err != nil {
				return err
			}
		}
		b.WriteString("\n  ],\n")
	}
	b.WriteString("  \"summary\": ")
	if err := w.encode(sum, 1); err != nil {
		return err
	}
	_, err := b.WriteString("\n}\n")
	return err
}

// jsonWriter writes the JSON report. A finding's fields are written by
// hand, as encoding/json would write them: through the encoder, each of
// half a million findings cost an allocation or more and a second pass
// over its bytes, a fifth of a report's time.
type jsonWriter struct {
	b   sink
	buf bytes.Buffer
	enc *json.Encoder
}

// finding writes one element of the findings list, as deep as it sits:
// the fields of finding.JSON in their order, those tagged omitempty left
// out when empty.
func (w *jsonWriter) finding(f finding.JSON) error {
	const field = "\n      " // an element's field, at depth 3
	w.b.WriteString("    {")
	w.b.WriteString(field + `"file": `)
	if err := w.str(f.File); err != nil {
		return err
	}
	if f.Line != 0 {
		w.b.WriteString("," + field + `"line": `)
		w.int(f.Line)
	}
	if f.Column != 0 {
		w.b.WriteString("," + field + `"column": `)
		w.int(f.Column)
	}
	texts := []struct {
		key, value string
		always     bool
	}{
		{`"record": `, f.Record, false},
		{`"rule": `, f.Rule, true},
		{`"principle": `, f.Principle, false},
		{`"severity": `, f.Severity.String(), true},
		{`"message": `, f.Message, true},
		{`"help": `, f.Help, false},
	}
	for _, t := range texts {
		if t.value == "" && !t.always {
			continue
		}
		w.b.WriteString("," + field)
		w.b.WriteString(t.key)
		if err := w.str(t.value); err != nil {
			return err
		}
	}
	_, err := w.b.WriteString("\n    }")
	return err
}

func (w *jsonWriter) int(n int) {
	var num [24]byte
	w.b.Write(strconv.AppendInt(num[:0], int64(n), 10))
}

// str writes s as a JSON string. Nearly every text is printable ASCII
// without quotes or backslashes, which encoding/json writes as it is; any
// other goes through the encoder, so its escapes are the encoder's own.
func (w *jsonWriter) str(s string) error {
	if !plainJSON(s) {
		return w.encode(s, 0)
	}
	w.b.WriteByte('"')
	w.b.WriteString(s)
	_, err := w.b.WriteString(`"`)
	return err
}

// plainJSON reports whether encoding/json writes s between quotes as it
// is, without escapes (HTML characters are not escaped in this report).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// encode writes v with encoding/json as it appears at depth in the
// document, without the encoder's closing newline.
func (w *jsonWriter) encode(v any, depth int) error {
	if w.enc == nil {
		w.enc = json.NewEncoder(&w.buf)
		// Messages are read by people and by scripts, not embedded in
		// HTML: keep "<", ">" and "&" as they are.
		w.enc.SetEscapeHTML(false)
	}
	w.buf.Reset()
	w.enc.SetIndent(jsonIndent(depth), "  ")
	if err := w.enc.Encode(v); err != nil {
		return err
	}
	_, err := w.b.Write(bytes.TrimSuffix(w.buf.Bytes(), []byte("\n")))
	return err
}

// jsonIndent is the indentation of a JSON value at depth.
func jsonIndent(depth int) string {
	const spaces = "        "
	return spaces[:2*depth]
}
