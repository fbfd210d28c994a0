package notification

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An update edits the record's file where the notification changes it and
// nowhere else: the lines of a field it replaces, removes or adds are
// written anew, and every other byte (folded and literal texts with their
// line breaks, quotes, comments, blank lines, key order) stays as the
// municipality wrote it, so the pull request shows only what the
// notification changed. migrate edits records the same way (insertAfter);
// this editor also replaces and removes fields.

// errNotInPlace is why an edit cannot be made in the text: a layout the
// editor does not take apart (a key after other text on its line). The
// record is then written out whole.
var errNotInPlace = errors.New("the record cannot be edited in place")

// splice replaces the bytes from..to of the record with text; from == to
// inserts.
type splice struct {
	from, to int
	text     string
}

// recordEditor collects the splices of one record file.
type recordEditor struct {
	data   []byte
	starts []int  // offset of each line's first byte; starts[0] is line 1
	nl     string // the file's line ending
	edits  []splice
}

func newRecordEditor(data []byte) *recordEditor {
	e := &recordEditor{data: data, starts: []int{0}, nl: "\n"}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			e.starts = append(e.starts, i+1)
		}
	}
	if bytes.Contains(data, []byte("\r\n")) {
		e.nl = "\r\n"
	}
	return e
}

// editInPlace applies the notification's top-level fields (note, without
// the keys update skips) to the record file data, whose parsed top-level
// mapping is top, as mergeKey would, changing only the lines of the fields
// that change. top is not modified.
func editInPlace(data []byte, top, note *yaml.Node, skip func(string) bool) ([]byte, error) {
	if top.Kind != yaml.MappingNode || top.Style&yaml.FlowStyle != 0 {
		return nil, errNotInPlace
	}
	e := newRecordEditor(data)
	for i := 0; i+1 < len(note.Content); i += 2 {
		if skip(note.Content[i].Value) {
			continue
		}
		if err := e.merge(top, note.Content[i].Value, note.Content[i+1]); err != nil {
			return nil, err
		}
	}
	return e.apply()
}

// merge puts the notification's value v at key in the record's block
// mapping m, as mergeKey does on the node tree.
func (e *recordEditor) merge(m *yaml.Node, key string, v *yaml.Node) error {
	i := slices.IndexFunc(pairs(m), func(k *yaml.Node) bool { return k.Value == key })
	if i < 0 {
		if nv := withoutCleared(v); nv != nil {
			return e.insert(m, key, nv)
		}
		return nil
	}
	i *= 2
	old := m.Content[i+1]
	if old.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode {
		merged := copyNode(old)
		for j := 0; j+1 < len(v.Content); j += 2 {
			mergeKey(merged, v.Content[j].Value, v.Content[j+1])
		}
		switch {
		case len(merged.Content) == 0 && len(old.Content) > 0:
			return e.remove(m, i)
		case sameNode(merged, old):
			return nil
		case old.Style&yaml.FlowStyle != 0 || len(old.Content) == 0:
			return e.replace(m, i, merged)
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if err := e.merge(old, v.Content[j].Value, v.Content[j+1]); err != nil {
				return err
			}
		}
		return nil
	}
	nv := withoutCleared(v)
	switch {
	case nv == nil:
		return e.remove(m, i)
	case sameNode(nv, old):
		return nil
	}
	return e.replace(m, i, styledLike(nv, old))
}

// pairs are the keys of a mapping node.
func pairs(m *yaml.Node) []*yaml.Node {
	var ks []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		ks = append(ks, m.Content[i])
	}
	return ks
}

// keyStart is the offset of key node k, which must stand first on its line
// (only spaces before it): a block mapping's key.
func (e *recordEditor) keyStart(k *yaml.Node) (int, error) {
	if k.Line < 1 || k.Line > len(e.starts) || k.Column < 1 {
		return 0, errNotInPlace
	}
	ls := e.starts[k.Line-1]
	at := ls + k.Column - 1
	if at > len(e.data) || strings.Trim(string(e.data[ls:at]), " ") != "" {
		return 0, errNotInPlace
	}
	return at, nil
}

// entryEnd is the offset just after the last line of the entry i (the
// index of its key) of the block mapping m: the lines after the key's
// that are indented deeper than the key (or, for a sequence written at
// the key's indentation, its items), without the blank and comment lines
// that end it, which belong to what follows.
func (e *recordEditor) entryEnd(m *yaml.Node, i int) int {
	k, v := m.Content[i], m.Content[i+1]
	ind := k.Column - 1
	blockText := v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	seqAtKey := v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && v.Column == k.Column
	end := e.lineEnd(k.Line)
	for l := k.Line + 1; l <= len(e.starts); l++ {
		text := strings.TrimRight(string(e.data[e.starts[l-1]:e.lineEnd(l)]), "\r\n")
		trimmed := strings.TrimLeft(text, " ")
		at := len(text) - len(trimmed)
		switch {
		case strings.TrimSpace(trimmed) == "":
			continue
		case trimmed[0] == '#' && !(blockText && at > ind):
			continue
		case at > ind, seqAtKey && at == ind && (trimmed == "-" || strings.HasPrefix(trimmed, "- ")):
			end = e.lineEnd(l)
			continue
		}
		break
	}
	return end
}

// lineEnd is the offset just after line l's line break (or the end of
// the data).
func (e *recordEditor) lineEnd(l int) int {
	if l < len(e.starts) {
		return e.starts[l]
	}
	return len(e.data)
}

// remove removes the entry i of the block mapping m.
func (e *recordEditor) remove(m *yaml.Node, i int) error {
	if _, err := e.keyStart(m.Content[i]); err != nil {
		return err
	}
	e.edits = append(e.edits, splice{from: e.starts[m.Content[i].Line-1], to: e.entryEnd(m, i)})
	return nil
}

// replace writes the entry i of the block mapping m anew with the value v,
// keeping its key as written and the comment on its line.
func (e *recordEditor) replace(m *yaml.Node, i int, v *yaml.Node) error {
	k := m.Content[i]
	from, err := e.keyStart(k)
	if err != nil {
		return err
	}
	nk := &yaml.Node{Kind: yaml.ScalarNode, Tag: k.Tag, Style: k.Style, Value: k.Value, LineComment: k.LineComment}
	text, err := e.render(nk, v, k.Column-1)
	if err != nil {
		return err
	}
	to := e.entryEnd(m, i)
	if to == len(e.data) && !bytes.HasSuffix(e.data, []byte("\n")) {
		text = strings.TrimSuffix(text, e.nl)
	}
	e.edits = append(e.edits, splice{from: from, to: to, text: text})
	return nil
}

// insert adds key: v at the end of the block mapping m, at the indentation
// of its keys.
func (e *recordEditor) insert(m *yaml.Node, key string, v *yaml.Node) error {
	if m.Style&yaml.FlowStyle != 0 || len(m.Content) < 2 {
		return errNotInPlace
	}
	ind := m.Content[0].Column - 1
	at := e.entryEnd(m, len(m.Content)-2)
	text, err := e.render(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v, ind)
	if err != nil {
		return err
	}
	text = strings.Repeat(" ", ind) + text
	if at == len(e.data) && len(e.data) > 0 && e.data[len(e.data)-1] != '\n' {
		text = e.nl + text
	}
	e.edits = append(e.edits, splice{from: at, to: at, text: text})
	return nil
}

// render writes key: v as the encoder does, each line after the first
// indented by ind spaces, with the file's line ending.
func (e *recordEditor) render(k, v *yaml.Node, ind int) (string, error) {
	out, err := encode(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{k, v}})
	if err != nil {
		return "", err
	}
	lines := strings.SplitAfter(string(out), "\n")
	pad := strings.Repeat(" ", ind)
	var b strings.Builder
	for j, l := range lines {
		if j > 0 && strings.TrimSpace(l) != "" {
			b.WriteString(pad)
		}
		if e.nl != "\n" && strings.HasSuffix(l, "\n") {
			l = strings.TrimSuffix(l, "\n") + e.nl
		}
		b.WriteString(l)
	}
	return b.String(), nil
}

// apply returns the record with the splices made, in the order of the
// file (splices at one place in the order made); errNotInPlace when two
// overlap, as for a layout whose fields' ends are not where the lines say
// (update then writes the merged record whole).
func (e *recordEditor) apply() ([]byte, error) {
	slices.SortStableFunc(e.edits, func(a, b splice) int { return a.from - b.from })
	var out bytes.Buffer
	cur := 0
	for _, s := range e.edits {
		if s.from < cur || s.to < s.from {
			return nil, errNotInPlace
		}
		out.Write(e.data[cur:s.from])
		out.WriteString(s.text)
		cur = s.to
	}
	out.Write(e.data[cur:])
	return out.Bytes(), nil
}

// styledLike is v written as old was, where that keeps its value: a text
// replacing a folded, literal or quoted text keeps that style, a list or
// mapping replacing one in block or flow style takes that style, and the
// comment on old's line stays.
func styledLike(v, old *yaml.Node) *yaml.Node {
	c := *v
	switch {
	case v.Kind == yaml.ScalarNode && old.Kind == yaml.ScalarNode:
		if v.ShortTag() == "!!str" && old.ShortTag() == "!!str" {
			c.Style = old.Style &^ yaml.TaggedStyle
		}
	case v.Kind == old.Kind:
		c.Style = v.Style&^yaml.FlowStyle | old.Style&yaml.FlowStyle
	}
	if c.LineComment == "" {
		c.LineComment = old.LineComment
	}
	return &c
}

// sameNode reports whether two nodes hold the same value: the same kind,
// tag and text, the same items and the same fields in the same order.
func sameNode(a, b *yaml.Node) bool {
	for a.Kind == yaml.AliasNode && a.Alias != nil {
		a = a.Alias
	}
	for b.Kind == yaml.AliasNode && b.Alias != nil {
		b = b.Alias
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// copyNode copies a node tree, so merging into the copy leaves the
// original (and its positions) as it was.
func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = copyNode(x)
	}
	return &c
}
