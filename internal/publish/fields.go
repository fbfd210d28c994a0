package publish

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/schema"
)

// Field is one field a record of a kind may hold, as the JSON Schema
// describes it.
type Field struct {
	// Path is the field's dotted path as publication.withheld names it,
	// without list indexes ("datasets.url", "location.point.lat").
	Path string
	// Type is the schema's type: "string", "number", "integer", "boolean",
	// "object" or "array".
	Type string
	// Enum lists the allowed values of a field that has a fixed set; of a
	// list of values, those of each element.
	Enum []string
	// Format is the schema's format ("date", "uri", "email", ...), if any;
	// of a list of values, that of each element.
	Format string
	// Item is the type of each element of a list of values.
	Item string
	// Leaf is true for a field that holds a value rather than fields: a
	// string, number or boolean, or a list of them.
	Leaf bool
	// InList is true when the field lies inside a list ("datasets.url").
	InList bool
}

// Fields lists every field a record of kind may hold, read from the
// record's JSON Schema, sorted by path. Deriving them from the schema keeps
// this package in step with the record format: a new field is a withholdable
// path the moment the schema has it.
func Fields(kind record.Kind) []Field {
	all := fields()
	return all[kind]
}

var fields = sync.OnceValue(func() map[record.Kind][]Field {
	docs := map[string]map[string]any{}
	read := func(file string) map[string]any {
		if d, ok := docs[file]; ok {
			return d
		}
		var d map[string]any
		data, err := schema.FS.ReadFile(file)
		if err == nil {
			_ = json.Unmarshal(data, &d)
		}
		docs[file] = d
		return d
	}
	out := map[record.Kind][]Field{}
	for _, k := range record.Kinds {
		file := schema.File(string(k))
		seen := map[string]*Field{}
		walkSchema(read, file, read(file), "", false, seen)
		fs := make([]Field, 0, len(seen))
		for _, f := range seen {
			fs = append(fs, *f)
		}
		slices.SortFunc(fs, func(a, b Field) int { return strings.Compare(a.Path, b.Path) })
		out[k] = fs
	}
	return out
})

// merge follows a node's $ref chain and merges the keywords, the referring
// node's own keywords winning, and returns the file the last node lives in.
func merge(read func(string) map[string]any, file string, node map[string]any) (string, map[string]any) {
	out := map[string]any{}
	for range 20 { // a bound, in case a schema ever refers in a circle
		for k, v := range node {
			if _, ok := out[k]; !ok && k != "$ref" {
				out[k] = v
			}
		}
		ref, _ := node["$ref"].(string)
		if ref == "" {
			break
		}
		target, pointer, _ := strings.Cut(ref, "#")
		if target != "" {
			file = target
		}
		var next any = read(file)
		for _, seg := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
			if seg == "" {
				continue
			}
			m, _ := next.(map[string]any)
			next = m[seg]
		}
		node, _ = next.(map[string]any)
		if node == nil {
			break
		}
	}
	return file, out
}

func walkSchema(read func(string) map[string]any, file string, node map[string]any, path string, inList bool, seen map[string]*Field) {
	if node == nil {
		return
	}
	file, node = merge(read, file, node)
	props, hasProps := node["properties"].(map[string]any)
	items, _ := node["items"].(map[string]any)
	if path != "" {
		f := seen[path]
		if f == nil {
			f = &Field{Path: path, InList: inList}
			seen[path] = f
		}
		f.Type, _ = node["type"].(string)
		f.Format, _ = node["format"].(string)
		for _, e := range asList(node["enum"]) {
			if s, ok := e.(string); ok {
				f.Enum = append(f.Enum, s)
			}
		}
		f.Leaf = !hasProps && (items == nil || items["properties"] == nil && !refersToObject(read, file, items))
		if f.Leaf && items != nil {
			// A list of values: what each holds.
			_, it := merge(read, file, items)
			f.Item, _ = it["type"].(string)
			f.Format, _ = it["format"].(string)
			for _, e := range asList(it["enum"]) {
				if s, ok := e.(string); ok {
					f.Enum = append(f.Enum, s)
				}
			}
		}
	}
	for k, v := range props {
		child, _ := v.(map[string]any)
		walkSchema(read, file, child, join(path, k), inList, seen)
	}
	if items != nil {
		_, it := merge(read, file, items)
		if _, ok := it["properties"]; ok {
			// A list of objects: its elements' fields continue the path
			// without an index, as withheld paths are written.
			for k, v := range it["properties"].(map[string]any) {
				child, _ := v.(map[string]any)
				walkSchema(read, file, child, path+"."+k, true, seen)
			}
		}
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf", "then", "else"} {
		branches := asList(node[kw])
		if m, ok := node[kw].(map[string]any); ok {
			branches = []any{m}
		}
		for _, c := range branches {
			if m, ok := c.(map[string]any); ok && m["properties"] != nil {
				// Only branches that add fields; those that only require
				// fields hold nothing new.
				props, _ := m["properties"].(map[string]any)
				for k, v := range props {
					child, _ := v.(map[string]any)
					walkSchema(read, file, child, join(path, k), inList, seen)
				}
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func refersToObject(read func(string) map[string]any, file string, node map[string]any) bool {
	_, m := merge(read, file, node)
	return m["properties"] != nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// known reports whether a withheld path names a field of the kind: its
// segments, list indexes left out, lead to a field of the schema, and each
// index follows a list and is written without leading zeros. A path that
// names nothing ("summary.0", "datasets.01") would keep nothing back.
func known(kind record.Kind, path string) bool {
	ks := schemaOf(kind)
	segs := strings.Split(path, ".")
	var named []string
	for i, s := range segs {
		if s == "" {
			return false
		}
		if record.IsIndex(s) {
			if i == 0 || record.IsIndex(segs[i-1]) || len(s) > 1 && s[0] == '0' || !ks.lists[strings.Join(named, ".")] {
				return false
			}
			continue
		}
		named = append(named, s)
	}
	if len(named) == 0 {
		return false
	}
	return ks.known[strings.Join(named, ".")]
}

// kindSchema is what the filter reads of a kind's schema, worked out once:
// the path of every field, and the leaves that hold text a person writes
// (writtenText). The record's id and kind, the ids it uses and the paths
// it withholds are structure, filtered on their own, and not free text.
// lists are the fields that hold a list, whose elements a path may pick
// by index.
// urls are the fields that hold a web address, or a list of them.
type kindSchema struct{ known, free, lists, urls map[string]bool }

var kindSchemas sync.Map // record.Kind → *kindSchema

func schemaOf(kind record.Kind) *kindSchema {
	if s, ok := kindSchemas.Load(kind); ok {
		return s.(*kindSchema)
	}
	s := &kindSchema{known: map[string]bool{}, free: map[string]bool{}, lists: map[string]bool{}, urls: map[string]bool{}}
	for _, f := range Fields(kind) {
		s.known[f.Path] = true
		s.lists[f.Path] = f.Type == "array"
		s.urls[f.Path] = f.Format == "uri"
		if f.Leaf && writtenText(f) && !structure(f.Path) {
			s.free[f.Path] = true
		}
	}
	kindSchemas.Store(kind, s)
	return s
}

// writtenText reports whether the leaf f holds text a person writes: a
// string, or a list of them, without fixed values, not a date or a
// duration.
func writtenText(f Field) bool {
	if len(f.Enum) > 0 {
		return false
	}
	switch f.Format {
	case "date", "date-time", "duration", "time":
		return false
	}
	return f.Type == "string" || f.Type == "" && f.Item == "" || f.Type == "array" && (f.Item == "string" || f.Item == "")
}

// structure reports whether the field at path is part of a record's
// structure rather than its content.
func structure(path string) bool {
	top, _, _ := strings.Cut(path, ".")
	return top == "id" || top == "kind" || top == "uses_sensors" || path == "publication.withheld"
}
