package publish

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// sourceHeader opens a source file the filter had to change, so a reader
// knows it is not the file as the municipality keeps it.
const sourceHeader = "# Openbare weergave van deze registratie: velden die niet openbaar zijn, en velden\n" +
	"# die het recordformaat niet kent, zijn weggelaten; opmerkingen ook.\n" +
	"# Public view of this record: fields that are not public, and fields the record\n" +
	"# format does not know, are left out; comments too.\n"

// Source returns the record's YAML file (data) as the public may see it,
// and false when it may not be published at all. No comment of the file is
// published: a comment is no part of the record, no one reviews it as
// public text, and it may name a person or what a field withholds. A file
// of a public record that the filter leaves whole (Verbatim) and that
// follows the schema (valid: no schema or YAML findings, so it holds no
// unknown keys) is returned as it is but for its comments (uncommented).
// Any other, and one whose comments cannot be taken out of its text
// safely, is rebuilt from its node tree without the withheld fields,
// internal fields, references to records that are not public, keys the
// schema does not know, and comments. A file with anchors or aliases is
// not published: a withheld value could be reached through one.
func (p *Public) Source(loaded *record.Record, data []byte, valid bool) ([]byte, bool) {
	v := p.ViewOf(loaded)
	if v == nil {
		return nil, false
	}
	if valid && p.Verbatim(loaded) {
		if out, ok := uncommented(loaded.File, data); ok {
			return out, true
		}
	}
	doc, fs := source.Tree(loaded.File, data, source.DefaultLimits)
	if doc == nil || len(fs) > 0 || doc.Root.Kind != yaml.MappingNode {
		return nil, false
	}
	f := sourceFilter{copier: copier{withheld: loaded.Withheld()}, known: schemaOf(loaded.Kind).known, uses: map[string]bool{}, kind: loaded.Kind, texts: p.texts}
	for _, id := range v.UsesSensors {
		f.uses[id] = true
	}
	if !f.node(doc.Root, nil) {
		return nil, false
	}
	if v.Publication != nil && loaded.Publication != nil && v.Publication.Reason != loaded.Publication.Reason {
		// The reason as the view shows it (Public.FreeText).
		if n := source.Value(source.Value(doc.Root, "publication"), "reason"); n != nil {
			n.Value, n.Style = v.Publication.Reason, 0
		}
	}
	var buf bytes.Buffer
	buf.WriteString(sourceHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc.Root); err != nil {
		return nil, false
	}
	if err := enc.Close(); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

type sourceFilter struct {
	copier
	known map[string]bool
	uses  map[string]bool // the sensors the view names
	kind  record.Kind
	texts *Texts // what another record keeps back, out of free text as the view shows it
}

// node filters n in place; it returns false when the file cannot be
// published safely.
func (f sourceFilter) node(n *yaml.Node, path []string) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return false
	}
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	switch n.Kind {
	case yaml.MappingNode:
		kept := n.Content[:0:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Anchor != "" {
				return false
			}
			p := append(path[:len(path):len(path)], k.Value)
			if !f.known[strings.Join(named(p), ".")] || f.hidden(p) || f.quotingAddress(val, p) {
				continue
			}
			k.HeadComment, k.LineComment, k.FootComment = "", "", ""
			if !f.node(val, p) {
				return false
			}
			kept = append(kept, k, val)
		}
		n.Content = kept
	case yaml.SequenceNode:
		kept := n.Content[:0:0]
		for i, c := range n.Content {
			p := append(path[:len(path):len(path)], itoa(i))
			if f.hidden(p) || f.quotingAddress(c, p) {
				continue
			}
			if len(path) == 1 && path[0] == "uses_sensors" && !f.uses[c.Value] {
				continue
			}
			if !f.node(c, p) {
				return false
			}
			kept = append(kept, c)
		}
		n.Content = kept
	case yaml.ScalarNode:
		if freeText(f.kind, strings.Join(path, ".")) {
			n.Value = f.texts.scrubText(n.Value)
		}
	}
	return true
}

// quotingAddress reports whether n, at path p, is a web address that
// quotes a secret: left out, as the view leaves it out (Texts.Shown).
func (f sourceFilter) quotingAddress(n *yaml.Node, p []string) bool {
	return n.Kind == yaml.ScalarNode && address(f.kind, strings.Join(p, ".")) && f.texts.quotesIn(n.Value)
}

// named drops the list indexes of a path.
func named(p []string) []string {
	out := make([]string, 0, len(p))
	for _, s := range p {
		if !record.IsIndex(s) {
			out = append(out, s)
		}
	}
	return out
}
