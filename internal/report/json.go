package report

import (
	"bytes"
	"encoding/json"

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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Messages are read by people and by scripts, not embedded in HTML:
	// keep "<", ">" and "&" as they are.
	enc.SetEscapeHTML(false)
	// put writes v as it appears at depth in the document, without the
	// encoder's closing newline.
	put := func(v any, depth int) error {
		buf.Reset()
		enc.SetIndent(jsonIndent(depth), "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := b.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	if len(fs) == 0 {
		b.WriteString("{\n  \"findings\": [],\n") // scripts expect a list, never null
	} else {
		b.WriteString("{\n  \"findings\": [\n")
		for i := range fs {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(jsonIndent(2))
			if err := put(fs[i].JSON(), 2); err != nil {
				return err
			}
		}
		b.WriteString("\n  ],\n")
	}
	b.WriteString("  \"summary\": ")
	if err := put(sum, 1); err != nil {
		return err
	}
	_, err := b.WriteString("\n}\n")
	return err
}

// jsonIndent is the indentation of a JSON value at depth.
func jsonIndent(depth int) string {
	const spaces = "        "
	return spaces[:2*depth]
}
