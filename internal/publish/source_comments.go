package publish

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/source"
)

// A comment is no part of a record: no one reviews it as public text, and
// it may name a person or say what a field leaves out. A record's source
// is published without its comments, whatever else the filter leaves.
// A file the filter leaves whole keeps the rest of its text as it is: its
// values, their order, quoting, indentation, blank lines and line breaks.

// uncommented returns the YAML file data without its comments and with
// every other byte as it was. ok is false when that cannot be shown to be
// right: the file does not read cleanly, the text holds something this
// reader does not follow (tags, anchors, an explicit indentation), or the
// result does not hold exactly the values of data and no comment. The
// caller then rebuilds the file from its node tree instead.
func uncommented(file string, data []byte) (out []byte, ok bool) {
	if out, ok := commentsOnTop(data); ok {
		return out, true
	}
	orig, fs := source.Tree(file, data, source.DefaultLimits)
	if orig == nil || len(fs) > 0 {
		return nil, false
	}
	out, scalars, ok := stripComments(data)
	if !ok || !scalarsAgree(orig.Root, scalars) {
		return nil, false
	}
	// The result must read as the same nodes, with no comment left.
	doc, ok := readTree(out)
	if !ok || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || holdsComment(doc) || !sameNodes(orig.Root, doc.Content[0]) {
		return nil, false
	}
	return out, true
}

// commentsOnTop returns data without the comment lines it opens with (the
// editor's schema line that `register new` writes), and ok when those are
// all its comments: a line that starts with '#' before the document's
// first node is a comment, and a text with no other '#' but in the middle
// of a word (inWord) holds no other. Most files are so; they need not be
// read as YAML.
func commentsOnTop(data []byte) ([]byte, bool) {
	if bytes.Contains(data, []byte("\ufeff")) || otherBreaks(data) {
		return nil, false // a byte order mark, or a line break not looked for
	}
	var blank []byte // the blank lines among the comments, kept
	rest := data
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		t := bytes.TrimLeft(line, " \t")
		switch {
		case len(bytes.TrimRight(t, "\r")) == 0:
			blank = append(blank, rest[:len(rest)-len(after)]...)
		case t[0] != '#':
			for i, c := range rest {
				if c == '#' && (i == 0 || !inWord(rest[i-1])) {
					return nil, false // may start a comment
				}
			}
			if len(rest) == len(data) {
				return data, true
			}
			return append(blank, rest...), true
		}
		rest = after
	}
	return blank, true
}

// otherBreaks reports whether data holds a line break besides '\n' and
// '\r' that the YAML library reads as one: a next line (U+0085), a line
// or a paragraph separator (U+2028, U+2029). A '#' after one starts a
// comment, which the readers here, going by '\n', would take for text.
func otherBreaks(data []byte) bool {
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// inWord reports whether a '#' after the byte c is in the middle of a
// plain text ("https://x.example/#y"), never the start of a comment: after
// a blank, a closing quote, a flow indicator or a block scalar's header
// ("|-#", "|2#") the YAML library reads a comment.
func inWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '.' || c == '_' || c >= utf8.RuneSelf
}

// A scalar is a quoted or block scalar as stripComments found it: where it
// starts (line and column counted from 1, in characters, as the YAML
// library counts them), its style, and for a block scalar its content
// lines (by number) without their indentation.
type scalar struct {
	line, col int
	style     yaml.Style
	lines     map[int]string
}

// stripComments removes the comments from data, line by line: a line that
// holds only a comment goes, a comment after a value goes with the blanks
// before it. Quoted and block scalars are kept whole; it returns where
// they are so the caller can check them against the YAML library's tree.
// ok is false for text it does not follow.
func stripComments(data []byte) (out []byte, scalars []scalar, ok bool) {
	if bytes.HasPrefix(data, []byte("\ufeff")) || otherBreaks(data) {
		return nil, nil, false
	}
	out = make([]byte, 0, len(data))
	var (
		quote    byte    // the quote of the scalar being read, across lines
		block    *scalar // the block scalar being read
		blockMin int     // its content is indented more than this
		indent   = -1    // its content's indentation; -1 until known
		flow     int     // depth of flow collections
	)
	lines := bytes.SplitAfter(data, []byte("\n"))
	for n, raw := range lines {
		body, end := raw, []byte(nil)
		if i := len(body) - len(bytes.TrimRight(body, "\r\n")); i > 0 {
			body, end = body[:len(body)-i], body[len(body)-i:]
		}
		lead := len(body) - len(bytes.TrimLeft(body, " \t"))
		if bytes.IndexByte(body[:lead], '\t') >= 0 {
			return nil, nil, false
		}
		blank := lead == len(body)
		if block != nil {
			if blank {
				out = append(out, raw...)
				continue
			}
			if indent < 0 && lead > blockMin {
				indent = lead
			}
			if indent >= 0 && lead >= indent {
				block.lines[n+1] = string(body[indent:])
				out = append(out, raw...)
				continue
			}
			scalars, block = append(scalars, *block), nil
		}
		// Scan the line: cut is where its comment starts, if any.
		cut := -1
		atStart := quote == 0 // a new node may start here
		// bare: the last character ended a token that a comment may
		// follow without a blank between, as the YAML library reads it
		// (a closing quote, a flow indicator).
		bare := false
		entry := lead // the column of the entry a block scalar is in
		i := 0
		if quote == 0 {
			i = lead
		}
	scan:
		for i < len(body) {
			c := body[i]
			if quote != 0 {
				switch {
				case quote == '\'' && c == '\'' && i+1 < len(body) && body[i+1] == '\'':
					i += 2
				case c == quote:
					quote, atStart, bare = 0, false, true
					i++
				case quote == '"' && c == '\\':
					i += 2
				default:
					i++
				}
				continue
			}
			space := i+1 >= len(body) || body[i+1] == ' ' || body[i+1] == '\t'
			wasBare := bare
			bare = false
			switch {
			case c == '#' && (i == 0 || body[i-1] == ' ' || body[i-1] == '\t' || wasBare):
				cut = i
				break scan
			case c == ' ' || c == '\t':
			case c == ':' && (space || flow > 0 && i+1 < len(body) && strings.IndexByte(",]}", body[i+1]) >= 0):
				atStart, bare = true, true
			case flow > 0 && c == ',':
				atStart, bare = true, true
			case flow > 0 && (c == ']' || c == '}'):
				flow--
				atStart, bare = false, true
			case !atStart:
				// Inside a plain scalar, or after a quoted one.
			case c == '-' && space && flow == 0:
				entry = i
			case c == '?' && space, c == '&', c == '*', c == '!', c == '%', c == '@', c == '`':
				return nil, nil, false // not in a record this reader follows
			case c == '[' || c == '{':
				flow++
				bare = true
			case c == '\'' || c == '"':
				quote, atStart = c, false
				style := yaml.SingleQuotedStyle
				if c == '"' {
					style = yaml.DoubleQuotedStyle
				}
				scalars = append(scalars, scalar{line: n + 1, col: utf8.RuneCount(body[:i]) + 1, style: style})
				i++
				continue
			case (c == '|' || c == '>') && flow == 0:
				j := i + 1
				for j < len(body) && (body[j] == '+' || body[j] == '-') {
					j++
				}
				if j < len(body) && body[j] >= '0' && body[j] <= '9' {
					return nil, nil, false // an explicit indentation
				}
				if j < len(body) && body[j] != ' ' && body[j] != '\t' {
					return nil, nil, false
				}
				style := yaml.LiteralStyle
				if c == '>' {
					style = yaml.FoldedStyle
				}
				block = &scalar{line: n + 1, col: utf8.RuneCount(body[:i]) + 1, style: style, lines: map[int]string{}}
				blockMin, indent = entry, -1
				i = j
				atStart = false
				continue
			default:
				if flow == 0 {
					entry = i
				}
				atStart = false
			}
			i++
		}
		if cut < 0 {
			out = append(out, raw...)
			continue
		}
		kept := bytes.TrimRight(body[:cut], " \t")
		if len(kept) == 0 {
			continue // the line held only a comment
		}
		out = append(append(out, kept...), end...)
	}
	if quote != 0 {
		return nil, nil, false
	}
	if block != nil {
		scalars = append(scalars, *block)
	}
	return out, scalars, true
}

// scalarsAgree reports whether the quoted and block scalars stripComments
// found are those of the YAML library's tree root, at the same places and
// of the same styles, and whether each line of a block scalar's content is
// in its value: so no comment was taken for a value, nor a value for a
// comment.
func scalarsAgree(root *yaml.Node, found []scalar) bool {
	type pos struct{ line, col int }
	want := map[pos]*yaml.Node{}
	starts := map[int]bool{} // the lines a node starts on
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		starts[n.Line] = true
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			want[pos{n.Line, n.Column}] = n
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if len(found) != len(want) {
		return false
	}
	for _, s := range found {
		n := want[pos{s.line, s.col}]
		if n == nil || n.Style&s.style == 0 {
			return false
		}
		for at, l := range s.lines {
			if starts[at] || !strings.Contains(n.Value, strings.TrimRight(l, " ")) {
				return false
			}
		}
	}
	return true
}

// readTree reads data into its document node; false when it does not
// read (a panic in the YAML library included).
func readTree(data []byte) (doc *yaml.Node, ok bool) {
	defer func() {
		if recover() != nil {
			doc, ok = nil, false
		}
	}()
	doc = &yaml.Node{}
	if err := yaml.Unmarshal(data, doc); err != nil {
		return nil, false
	}
	return doc, true
}

// holdsComment reports whether the YAML library found a comment anywhere
// in the tree n.
func holdsComment(n *yaml.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return true
	}
	for _, c := range n.Content {
		if holdsComment(c) {
			return true
		}
	}
	return false
}

// sameNodes reports whether the trees a and b hold the same nodes, of the
// same kinds, tags, values and styles, in the same order; comments and
// positions aside.
func sameNodes(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Anchor != b.Anchor ||
		len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return false
	}
	for i := range a.Content {
		if !sameNodes(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
