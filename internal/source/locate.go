package source

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Locate returns the line and column of the field at a JSON Pointer such as
// "/owner/email" or "/capabilities/2". With key set it returns the position
// of the field's key rather than its value. When the field does not exist it
// returns the position of the nearest enclosing mapping or list that does, so
// a missing field points at its parent.
func (d *Document) Locate(pointer string, key bool) (line, col int) {
	n := d.Find(SplitPointer(pointer), key)
	if n == nil {
		return 0, 0
	}
	return n.Line, n.Column
}

// Find is Find on the document's tree. It looks keys up in an index of each
// large mapping, built on first use, so locating every one of many fields
// (a file with tens of thousands of unknown keys) takes linear time, not
// quadratic. It is safe for concurrent use.
func (d *Document) Find(tokens []string, key bool) *yaml.Node {
	return find(d.Root, tokens, key, d.lookup)
}

// indexFrom is the size from which a mapping's keys are indexed: below it
// a scan is as quick.
const indexFrom = 32

func (d *Document) lookup(m *yaml.Node, k string) int {
	if len(m.Content) < 2*indexFrom {
		return scan(m, k)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	idx, ok := d.keys[m]
	if !ok {
		if d.keys == nil {
			d.keys = map[*yaml.Node]map[string]int{}
		}
		idx = make(map[string]int, len(m.Content)/2)
		for j := 0; j+1 < len(m.Content); j += 2 {
			if _, dup := idx[m.Content[j].Value]; !dup {
				idx[m.Content[j].Value] = j
			}
		}
		d.keys[m] = idx
	}
	if j, ok := idx[k]; ok {
		return j
	}
	return -1
}

// scan returns the index in m.Content of the first key k, or -1.
func scan(m *yaml.Node, k string) int {
	for j := 0; j+1 < len(m.Content); j += 2 {
		if m.Content[j].Value == k {
			return j
		}
	}
	return -1
}

// Value is the value node of the first key k of the mapping m; nil when m
// is nil, no mapping, or has no such key.
func Value(m *yaml.Node, k string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	if j := scan(m, k); j >= 0 {
		return m.Content[j+1]
	}
	return nil
}

// SplitPointer splits a JSON Pointer into its unescaped tokens.
func SplitPointer(p string) []string {
	if p == "" || p == "/" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		if strings.Contains(s, "~") {
			parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
		}
	}
	return parts
}

// JoinPointer builds a JSON Pointer from tokens, escaping as RFC 6901 asks.
func JoinPointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// Dotted writes a JSON Pointer as the dotted path people read and
// publication.withheld lists: /owner/email is owner.email, and a key's
// escapes are undone (~1 is /, ~0 is ~), as the key is written.
func Dotted(pointer string) string {
	return strings.Join(SplitPointer(pointer), ".")
}

// Find walks from n along the tokens and returns the deepest node reached:
// the node itself when the whole path exists (its key node when key is set
// and the last step is a mapping entry), else the last mapping or list on
// the way.
func Find(n *yaml.Node, tokens []string, key bool) *yaml.Node {
	return find(n, tokens, key, scan)
}

func find(n *yaml.Node, tokens []string, key bool, lookup func(m *yaml.Node, k string) int) *yaml.Node {
	if n == nil {
		return nil
	}
	cur := Deref(n)
	for i, t := range tokens {
		last := i == len(tokens)-1
		switch cur.Kind {
		case yaml.MappingNode:
			j := lookup(cur, t)
			if j < 0 {
				return cur
			}
			if last && key {
				return cur.Content[j]
			}
			cur = Deref(cur.Content[j+1])
		case yaml.SequenceNode:
			idx, err := strconv.Atoi(t)
			if err != nil || idx < 0 || idx >= len(cur.Content) {
				return cur
			}
			cur = Deref(cur.Content[idx])
		default:
			return cur
		}
	}
	return cur
}

// Deref is the node an alias stands for (followed a bounded number of
// times), and a document's own node.
func Deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return n.Content[0]
	}
	return n
}
