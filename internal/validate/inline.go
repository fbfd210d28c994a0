package validate

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/source"
)

// The published schemas share definitions through $ref, which editors need.
// Validating through a $ref costs the validator a new scope and bookkeeping
// for every value it reaches, which is most of the record; the schemas are
// not recursive, so the validator compiles copies with every $ref replaced by
// the definition it names. What they accept is unchanged (the tests of this
// package and of schema/ run against the result).

// annotations are keywords that do not affect validation: beside a $ref they
// may simply override the definition's own.
var annotations = map[string]bool{
	"title": true, "description": true, "$comment": true, "examples": true,
	"default": true, "deprecated": true, "readOnly": true, "writeOnly": true,
	"markdownDescription": true,
}

type inliner struct {
	docs map[string]any // raw documents by file name
}

// inline returns a copy of node (found in document doc) without $refs.
func (in *inliner) inline(node any, doc string, depth int) any {
	switch n := node.(type) {
	case map[string]any:
		out := make(map[string]any, len(n))
		for k, v := range n {
			if k == "$ref" || k == "$defs" {
				continue
			}
			out[k] = in.inline(v, doc, depth)
		}
		ref, ok := n["$ref"].(string)
		if !ok {
			return out
		}
		target, targetDoc, found := in.resolve(ref, doc)
		if !found || depth > 32 {
			out["$ref"] = ref // leave it to the compiler to resolve or report
			return out
		}
		def, ok := in.inline(target, targetDoc, depth+1).(map[string]any)
		if !ok {
			out["$ref"] = ref
			return out
		}
		onlyAnnotations := true
		for k := range out {
			if !annotations[k] && !strings.HasPrefix(k, "x-") {
				onlyAnnotations = false
			}
		}
		if onlyAnnotations {
			for k, v := range out {
				def[k] = v
			}
			return def
		}
		all, _ := out["allOf"].([]any)
		out["allOf"] = append(append([]any{}, all...), def)
		return out
	case []any:
		out := make([]any, len(n))
		for i, v := range n {
			out[i] = in.inline(v, doc, depth)
		}
		return out
	}
	return node
}

// resolve finds the schema a $ref names: "common.schema.json#/$defs/owner"
// or "#/$defs/point" within the same document.
func (in *inliner) resolve(ref, doc string) (any, string, bool) {
	file, frag, _ := strings.Cut(ref, "#")
	if file == "" {
		file = doc
	}
	node, ok := in.docs[file]
	if !ok {
		return nil, "", false
	}
	for _, t := range source.SplitPointer(frag) {
		m, ok := node.(map[string]any)
		if !ok {
			return nil, "", false
		}
		if node, ok = m[t]; !ok {
			return nil, "", false
		}
	}
	return node, file, true
}
