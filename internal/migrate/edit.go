package migrate

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/message"
)

// refusal is why a step leaves a record as it is rather than rewrite it:
// where in the file, what stops it and what to do, in both languages. Plan
// and Apply report it as a finding, so a dry run says what the real run
// will do.
type refusal struct {
	line, column int
	msg, help    message.Phrase
}

func (r *refusal) Error() string {
	return fmt.Sprintf("%d:%d: %s; %s", r.line, r.column, r.msg.In(message.English), r.help.In(message.English))
}

// refuse is a refusal at n.
func refuse(n *yaml.Node, msg, help message.Phrase) *refusal {
	return &refusal{line: n.Line, column: n.Column, msg: msg, help: help}
}

// field is a top-level entry a step adds: its key, its value as YAML
// writes it, and a comment for it (kept where the entry has a line of its
// own).
type field struct{ key, value, comment string }

// insertAfter adds f after the record's top-level entry name (after the
// last entry when there is none), adding text only: in a block mapping a
// line of its own after the entry and any lines its value runs on to; in
// a flow mapping (a record written as JSON) an entry before the next key,
// quoted as that key is. What comes out must read as the record did with
// f added, or the record is left as it was: so an entry whose end cannot
// be told (a block text that keeps its trailing blank lines) is refused
// at its line and column, never split.
func insertAfter(data []byte, root *yaml.Node, name string, f field) ([]byte, error) {
	if root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return nil, refuse(root, msgNoEntries.With(f.key), msgAddByHand.With(f.key+": "+f.value))
	}
	i := len(root.Content) - 2
	for j := 0; j+1 < len(root.Content); j += 2 {
		if root.Content[j].Value == name {
			i = j
		}
	}
	var out []byte
	var err error
	if root.Style&yaml.FlowStyle != 0 {
		out = insertFlow(data, root, i, f)
	} else if out, err = insertBlock(data, root, i, f); err != nil {
		return nil, err
	}
	if !addsOnly(root, out, f) {
		return nil, refuse(root.Content[i], msgCannotAdd.With(f.key, root.Content[i].Value), msgAddByHand.With(f.key+": "+f.value))
	}
	return out, nil
}

// insertBlock adds f on a line of its own after the i-th key's entry of a
// block mapping, indented as that key: before the next key's line, less
// the blank lines and the comments at the mapping's indentation before it,
// which belong to the next key.
func insertBlock(data []byte, root *yaml.Node, i int, f field) ([]byte, error) {
	k := root.Content[i]
	starts := lineStarts(data)
	indent := data[offset(data, starts, k.Line, 1):offset(data, starts, k.Line, k.Column)]
	if len(bytes.Trim(indent, " ")) > 0 {
		return nil, refuse(k, msgNotOwnLine.With(k.Value), msgAddByHand.With(f.key+": "+f.value))
	}
	last := len(starts) // the entry's last line
	if i+2 < len(root.Content) {
		last = root.Content[i+2].Line - 1
	}
	for last > k.Line {
		text := strings.TrimRight(string(data[starts[last-1]:lineEndAt(data, starts, last)]), "\r\n")
		trimmed := strings.TrimLeft(text, " \t")
		if trimmed != "" && !(trimmed[0] == '#' && len(text)-len(trimmed) < k.Column) {
			break
		}
		last--
	}
	at := lineEndAt(data, starts, last)
	eol := "\n"
	if at >= 2 && data[at-2] == '\r' {
		eol = "\r\n" // keep Windows line endings
	}
	line := string(indent) + f.key + ": " + f.value
	if f.comment != "" {
		line += "  " + f.comment
	}
	var b bytes.Buffer
	b.Write(data[:at])
	if at == len(data) && at > 0 && data[at-1] != '\n' {
		b.WriteString(eol)
	}
	b.WriteString(line + eol)
	b.Write(data[at:])
	return b.Bytes(), nil
}

// insertFlow adds f to a flow mapping before the key that follows the
// i-th, or before the first key when the i-th is the last: yaml.Node
// knows where a key starts, not where a value ends. When that key starts
// its line, the entry gets a line of its own, with its comment.
func insertFlow(data []byte, root *yaml.Node, i int, f field) []byte {
	k := root.Content[0]
	if i+2 < len(root.Content) {
		k = root.Content[i+2]
	}
	starts := lineStarts(data)
	at := offset(data, starts, k.Line, k.Column)
	indent := data[offset(data, starts, k.Line, 1):at]
	q := ""
	switch k.Style {
	case yaml.DoubleQuotedStyle:
		q = `"`
	case yaml.SingleQuotedStyle:
		q = "'"
	}
	value := f.value
	if _, err := strconv.Atoi(value); err != nil {
		value = q + value + q
	}
	text := q + f.key + q + ": " + value + ","
	if len(bytes.Trim(indent, " \t")) == 0 {
		// The key starts its line: the entry gets a line of its own.
		eol := "\n"
		if end := lineEndAt(data, starts, k.Line); end >= 2 && data[end-2] == '\r' {
			eol = "\r\n"
		}
		if f.comment != "" {
			text += "  " + f.comment
		}
		text += eol + string(indent)
	} else {
		text += " "
	}
	return append(append(append([]byte{}, data[:at]...), text...), data[at:]...)
}

// addsOnly reports whether after reads as the record root did with f
// added, and no other value changed.
func addsOnly(root *yaml.Node, after []byte, f field) bool {
	var was, is, added map[any]any
	if root.Decode(&was) != nil || yaml.Unmarshal(after, &is) != nil ||
		yaml.Unmarshal([]byte(f.key+": "+f.value), &added) != nil {
		return false
	}
	if _, ok := was[f.key]; ok || was == nil {
		return false
	}
	was[f.key] = added[f.key]
	return reflect.DeepEqual(was, is)
}

// replaceScalar writes value in place of the scalar n, which must be
// written as one plain or quoted value with nothing to unescape; the rest
// of its line (a comment) stays.
func replaceScalar(data []byte, n *yaml.Node, value string) ([]byte, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "" && n.Tag != "!!int" && n.Tag != "!!str" {
		return nil, false
	}
	raw := n.Value
	switch n.Style {
	case 0:
	case yaml.DoubleQuotedStyle:
		raw = `"` + raw + `"`
	case yaml.SingleQuotedStyle:
		raw = "'" + raw + "'"
	default:
		return nil, false
	}
	at := offset(data, lineStarts(data), n.Line, n.Column)
	if strings.ContainsAny(n.Value, "\n\\'\"") || !bytes.HasPrefix(data[at:], []byte(raw)) {
		return nil, false
	}
	return append(append(append([]byte{}, data[:at]...), value...), data[at+len(raw):]...), true
}

// lineStarts are the offsets at which the lines of data start; the first
// line is lineStarts[0].
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineEndAt is the offset just after line n (1-based) and its newline.
func lineEndAt(data []byte, starts []int, n int) int {
	if n < len(starts) {
		return starts[n]
	}
	return len(data)
}

// offset is where line n, column col (1-based, in characters, as yaml.Node
// counts them, a byte-order mark not counted) starts in data.
func offset(data []byte, starts []int, n, col int) int {
	if n < 1 || n > len(starts) {
		return len(data)
	}
	at := starts[n-1]
	if n == 1 && bytes.HasPrefix(data, []byte("\ufeff")) {
		at += len("\ufeff")
	}
	for ; col > 1 && at < len(data); col-- {
		_, size := utf8.DecodeRune(data[at:])
		at += size
	}
	return at
}
