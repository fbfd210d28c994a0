package testgen

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// doc writes YAML by hand. A marshaller would emit every empty field of
// record.Record (its yaml tags have no omitempty) and could not vary the
// style the way people write files: block scalars, quoted and unquoted dates,
// flow lists. Every value passes through scalar, which quotes whatever a
// YAML parser could read as something other than the string meant.
type doc struct {
	b bytes.Buffer
}

func (d *doc) indent(n int) {
	for range n {
		d.b.WriteString("  ")
	}
}

// str writes `key: value` at an indent level.
func (d *doc) str(level int, key, value string) {
	d.indent(level)
	d.b.WriteString(key)
	d.b.WriteString(": ")
	d.b.WriteString(scalar(value, false))
	d.b.WriteByte('\n')
}

// raw writes `key: value` with value as YAML already (numbers, booleans,
// unquoted dates).
func (d *doc) raw(level int, key, value string) {
	d.indent(level)
	d.b.WriteString(key)
	d.b.WriteString(": ")
	d.b.WriteString(value)
	d.b.WriteByte('\n')
}

func (d *doc) boolean(level int, key string, v bool) {
	d.raw(level, key, strconv.FormatBool(v))
}

// date writes a YYYY-MM-DD date, quoted or not as the caller chooses: the
// record format accepts both and real files hold both.
func (d *doc) date(level int, key, value string, quoted bool) {
	if quoted {
		d.raw(level, key, `"`+value+`"`)
		return
	}
	d.raw(level, key, value)
}

// open writes `key:` for a nested mapping or a block list.
func (d *doc) open(level int, key string) {
	d.indent(level)
	d.b.WriteString(key)
	d.b.WriteString(":\n")
}

// item starts a list item at a level: `- ` followed by the first key of a
// mapping (written by the caller with level+1 and no indent of its own).
func (d *doc) item(level int) {
	d.indent(level)
	d.b.WriteString("- ")
}

// itemStr writes `- value` for a list of strings.
func (d *doc) itemStr(level int, value string) {
	d.item(level)
	d.b.WriteString(scalar(value, false))
	d.b.WriteByte('\n')
}

// first writes the first `key: value` of a mapping inside a list item, right
// after the `- ` that item wrote.
func (d *doc) first(key, value string) {
	d.b.WriteString(key)
	d.b.WriteString(": ")
	d.b.WriteString(scalar(value, false))
	d.b.WriteByte('\n')
}

// flow writes `key: [a, b, c]`.
func (d *doc) flow(level int, key string, values []string) {
	d.indent(level)
	d.b.WriteString(key)
	d.b.WriteString(": [")
	for i, v := range values {
		if i > 0 {
			d.b.WriteString(", ")
		}
		d.b.WriteString(scalar(v, true))
	}
	d.b.WriteString("]\n")
}

// block writes multi-line text as a literal block scalar (`|`), the way
// people write longer explanations. Lines keep their text exactly; the
// clip chomping indicator keeps one final newline.
func (d *doc) block(level int, key string, lines []string) {
	d.indent(level)
	d.b.WriteString(key)
	d.b.WriteString(": |\n")
	for _, l := range lines {
		if l != "" {
			d.indent(level + 1)
			d.b.WriteString(l)
		}
		d.b.WriteByte('\n')
	}
}

// comment writes a comment line.
func (d *doc) comment(level int, text string) {
	d.indent(level)
	d.b.WriteString("# ")
	d.b.WriteString(text)
	d.b.WriteByte('\n')
}

// reserved are plain scalars YAML 1.1 or 1.2 would read as something other
// than a string.
var reserved = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true,
}

// scalar returns s as a YAML scalar: plain when that reads back as the same
// string, double-quoted otherwise. inFlow is true inside a flow list
// ([a, b]), where commas and brackets end a plain scalar.
func scalar(s string, inFlow bool) string {
	if plainSafe(s, inFlow) {
		return s
	}
	return strconv.Quote(s)
}

// plainSafe is deliberately conservative: a string is written plain only when
// it starts with a letter, has no character YAML gives meaning to inside a
// plain scalar, and cannot be read as a boolean, null or number.
func plainSafe(s string, inFlow bool) bool {
	if s == "" || reserved[strings.ToLower(s)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	if strings.HasSuffix(s, " ") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, c := range s {
		switch {
		case c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '\\':
			return false
		case inFlow && (c == '{' || c == '}' || c == '[' || c == ']' || c == ','):
			return false // flow indicators end a plain scalar inside flow lists
		case !unicode.IsPrint(c):
			return false
		}
	}
	return true
}
