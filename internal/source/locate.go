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
	n := Find(d.Root, SplitPointer(pointer), key)
	if n == nil {
		return 0, 0
	}
	return n.Line, n.Column
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

// Find walks from n along the tokens and returns the deepest node reached:
// the node itself when the whole path exists (its key node when key is set
// and the last step is a mapping entry), else the last mapping or list on
// the way.
func Find(n *yaml.Node, tokens []string, key bool) *yaml.Node {
	if n == nil {
		return nil
	}
	cur := deref(n)
	for i, t := range tokens {
		last := i == len(tokens)-1
		switch cur.Kind {
		case yaml.MappingNode:
			var next, k *yaml.Node
			for j := 0; j+1 < len(cur.Content); j += 2 {
				if cur.Content[j].Value == t {
					k, next = cur.Content[j], cur.Content[j+1]
					break
				}
			}
			if next == nil {
				return cur
			}
			if last && key {
				return k
			}
			cur = deref(next)
		case yaml.SequenceNode:
			idx, err := strconv.Atoi(t)
			if err != nil || idx < 0 || idx >= len(cur.Content) {
				return cur
			}
			cur = deref(cur.Content[idx])
		default:
			return cur
		}
	}
	return cur
}

func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return n.Content[0]
	}
	return n
}
