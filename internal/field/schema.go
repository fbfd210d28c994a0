package field

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/schema"
)

// Described is a field as the record schemas describe it.
type Described struct {
	Path string
	// Leaf: the field holds a value (or a list of objects), not further
	// fields.
	Leaf bool
	// Kinds are the kinds of record whose schema has the field.
	Kinds []record.Kind
	// Kind is what the schema says of its value: Enum, Date, Objects and
	// so on; Text for a plain string (which the table may call Prose) and
	// Texts for a list of them.
	Kind Kind
	// Title and Description are the schema's, "Dutch (English)" and
	// "Dutch — English".
	Title, Description string
}

// Schema lists the fields of the record schemas in the sensor schema's order,
// then the algorithm schema's own: every object and every leaf, with list
// items not descended into. The table's tests hold the table to it.
func Schema() ([]Described, error) {
	w, err := walk()
	if err != nil {
		return nil, err
	}
	return w.out, nil
}

// Values returns the values the schema of records of kind k allows for the
// enumerated field at a dotted path (for a list, for its items), in the
// schema's order; nil for a field that is not enumerated. Forms offer these
// and nothing else.
func Values(k record.Kind, path string) []string {
	w, err := schemaWalk()
	if err != nil {
		return nil
	}
	return slices.Clone(w.values[k][path])
}

var schemaWalk = sync.OnceValues(walk)

// walk reads the schemas and describes their fields.
func walk() (*walker, error) {
	w := &walker{docs: map[string]map[string]any{}, at: map[string]int{}, values: map[record.Kind]map[string][]string{}}
	for _, name := range slices.Concat([]string{schema.Common}, schema.Names) {
		data, err := schema.Read(name)
		if err != nil {
			return nil, err
		}
		doc, err := decodeOrdered(json.NewDecoder(bytes.NewReader(data)))
		m, ok := doc.(map[string]any)
		if err != nil || !ok {
			return nil, fmt.Errorf("read %s: %v", schema.File(name), err)
		}
		w.docs[schema.File(name)] = m
	}
	for _, name := range schema.Names {
		file := schema.File(name)
		w.kind = record.Kind(name)
		w.object(file, w.docs[file], "")
	}
	return w, nil
}

type walker struct {
	docs map[string]map[string]any
	kind record.Kind
	out  []Described
	at   map[string]int // index in out by path
	// values are the enumerated values of Enum and Enums leaves, by kind
	// of record and path.
	values map[record.Kind]map[string][]string
}

// resolve follows $ref to the node it names, returning the file it is in
// and the first title and description met on the way (a property may
// describe itself and refer to a shared definition for the rest).
func (w *walker) resolve(file string, n map[string]any) (string, map[string]any, string, string) {
	title, desc := str(n["title"]), str(n["description"])
	for range 16 {
		ref, ok := n["$ref"].(string)
		if !ok {
			break
		}
		f, ptr, _ := strings.Cut(ref, "#")
		if f != "" {
			file = f
		}
		var node any = w.docs[file]
		for _, seg := range strings.Split(strings.Trim(ptr, "/"), "/") {
			m, _ := node.(map[string]any)
			node = m[seg]
		}
		n, _ = node.(map[string]any)
		title, desc = cmpOr(title, str(n["title"])), cmpOr(desc, str(n["description"]))
	}
	return file, n, title, desc
}

// properties gathers the properties of a node and of its allOf, anyOf and
// oneOf branches, in the order they are written.
func (w *walker) properties(file string, n map[string]any) (keys []string, props map[string]any, files map[string]string) {
	props, files = map[string]any{}, map[string]string{}
	var gather func(file string, n map[string]any)
	gather = func(file string, n map[string]any) {
		file, n, _, _ = w.resolve(file, n)
		if n == nil {
			return
		}
		if p, ok := n["properties"].(map[string]any); ok {
			for _, k := range list(p[orderKey]) {
				k := k.(string)
				if _, seen := props[k]; !seen {
					keys = append(keys, k)
				}
				props[k], files[k] = p[k], file
			}
		}
		for _, key := range []string{"allOf", "anyOf", "oneOf"} {
			for _, b := range list(n[key]) {
				if m, ok := b.(map[string]any); ok {
					gather(file, m)
				}
			}
		}
	}
	gather(file, n)
	return keys, props, files
}

func (w *walker) object(file string, n map[string]any, prefix string) {
	keys, props, files := w.properties(file, n)
	for _, k := range keys {
		if prefix == "" && k == "$schema" {
			continue
		}
		p, _ := props[k].(map[string]any)
		w.field(files[k], p, prefix+k)
	}
}

func (w *walker) field(file string, n map[string]any, path string) {
	f, node, title, desc := w.resolve(file, n)
	keys, _, _ := w.properties(f, node)
	d := Described{Path: path, Leaf: len(keys) == 0, Title: title, Description: desc}
	if d.Leaf {
		d.Kind = w.valueKind(f, node)
		if d.Kind == Enum || d.Kind == Enums {
			if w.values[w.kind] == nil {
				w.values[w.kind] = map[string][]string{}
			}
			w.values[w.kind][path] = w.enumValues(f, node)
		}
	} else {
		d.Kind = Group
	}
	if i, ok := w.at[path]; ok {
		w.out[i].Kinds = append(w.out[i].Kinds, w.kind)
	} else {
		d.Kinds = []record.Kind{w.kind}
		w.at[path] = len(w.out)
		w.out = append(w.out, d)
	}
	if !d.Leaf {
		w.object(f, node, path+".")
	}
}

// valueKind says what the schema makes of a leaf's value.
func (w *walker) valueKind(file string, n map[string]any) Kind {
	file, n, _, _ = w.resolve(file, n)
	if n == nil {
		return Text
	}
	if _, ok := n["enum"]; ok {
		return Enum
	}
	if _, ok := n["const"]; ok {
		return Enum
	}
	switch str(n["format"]) {
	case "date":
		return Date
	case "duration":
		return Duration
	case "uri":
		return URL
	case "email":
		return Email
	}
	switch str(n["type"]) {
	case "boolean":
		return Bool
	case "integer":
		return Int
	case "number":
		return Number
	case "array":
		items, _ := n["items"].(map[string]any)
		f, it, _, _ := w.resolve(file, items)
		if keys, _, _ := w.properties(f, it); len(keys) > 0 || str(it["type"]) == "array" {
			return Objects
		}
		if w.valueKind(f, it) == Enum {
			return Enums
		}
		return Texts
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		for _, b := range list(n[key]) {
			if m, ok := b.(map[string]any); ok {
				if k := w.valueKind(file, m); k != Text && k != Enum {
					return k // a duration or "not_stored": a duration
				}
			}
		}
	}
	return Text
}

// enumValues lists the values an enumerated leaf allows: its enum (or
// const), or its items' for a list.
func (w *walker) enumValues(file string, n map[string]any) []string {
	file, n, _, _ = w.resolve(file, n)
	if n == nil {
		return nil
	}
	if items, ok := n["items"].(map[string]any); ok {
		return w.enumValues(file, items)
	}
	var out []string
	for _, v := range append(list(n["enum"]), n["const"]) {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// orderKey holds, in every decoded object, its keys in the order the file
// writes them: the schema's order is the record format's, and a Go map has
// none.
const orderKey = "\x00order"

// decodeOrdered decodes one JSON value, recording each object's key order
// under orderKey.
func decodeOrdered(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		m := map[string]any{}
		var order []any
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			key, _ := k.(string)
			v, err := decodeOrdered(d)
			if err != nil {
				return nil, err
			}
			m[key] = v
			order = append(order, key)
		}
		m[orderKey] = order
		_, err := d.Token()
		return m, err
	case json.Delim('['):
		var l []any
		for d.More() {
			v, err := decodeOrdered(d)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := d.Token()
		return l, err
	}
	return tok, nil
}

func str(v any) string { s, _ := v.(string); return s }

func list(v any) []any { l, _ := v.([]any); return l }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var help = sync.OnceValue(func() map[string]label.Text {
	w, err := schemaWalk()
	if err != nil {
		return nil
	}
	m := make(map[string]label.Text, len(w.out))
	for _, f := range w.out {
		nl, en, ok := strings.Cut(f.Description, " — ")
		if !ok {
			en = nl
		}
		m[f.Path] = label.Text{strings.TrimSpace(nl), strings.TrimSpace(en)}
	}
	return m
})

// Help returns the field's help in a language: the schema's description,
// which editors show while a record is written, in its Dutch or English half.
func (f Field) Help(lang string) string { return help()[f.Path].In(lang) }
