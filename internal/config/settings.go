package config

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/source"
	"go.yaml.in/yaml/v3"
)

// settings answers build's questions about one setting, by its dotted key
// ("site.base_url"): from a REGISTER_ environment variable when one is set
// (REGISTER_SITE_BASE_URL), else from register.yaml, else from defaults.
// Keys are matched without regard to case, as they always were.
type settings struct {
	// file is register.yaml's document with every key lower-cased; nil
	// when there is none.
	file map[string]any
	// env looks up an environment variable; nil reads none.
	env func(string) (string, bool)
	// environ lists the environment, for the variables that set one key
	// of a mapping (REGISTER_EVALUATION_INTERVALS_DRONE); nil lists none.
	environ func() []string
}

// envPrefix starts the environment variable of every setting.
const envPrefix = "REGISTER_"

// EnvName is the environment variable that sets a setting:
// site.base_url is REGISTER_SITE_BASE_URL.
func EnvName(key string) string {
	return envPrefix + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(key))
}

// newSettings reads settings from doc (nil: none) and, when env is true,
// the process's environment.
func newSettings(doc any, env bool) settings {
	s := settings{}
	if m, ok := lower(doc).(map[string]any); ok {
		s.file = m
	}
	if env {
		s.env, s.environ = os.LookupEnv, os.Environ
	}
	return s
}

// lower copies v with every mapping key lower-cased. Of keys that differ
// only in case, which register.yaml has none of once foldedTwice has left
// out the later ones, the last in sorted order stands, the same on every
// run.
func lower(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for _, k := range slices.Sorted(maps.Keys(x)) {
			out[strings.ToLower(k)] = lower(x[k])
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = lower(val)
		}
		return out
	}
	return v
}

// foldedTwice finds the keys of register.yaml that an earlier key of their
// mapping already is but for case ("CAMERA", then "camera"): the settings
// match keys without regard to case, so both would set one setting, and a
// map's order would pick which. Each later key is an error at its place,
// as a key written twice exactly is; the value returned is doc's without
// them, so the first stands.
func foldedTwice(doc *source.Document, file string) (any, []finding.Finding) {
	var fs []finding.Finding
	reported := map[*yaml.Node]bool{} // an anchored mapping is walked at each alias
	var walk func(n *yaml.Node, v any, path []string) any
	walk = func(n *yaml.Node, v any, path []string) any {
		n = source.Deref(n)
		switch x := v.(type) {
		case map[string]any:
			if n.Kind != yaml.MappingNode {
				return v
			}
			out := make(map[string]any, len(x))
			first := map[string]*yaml.Node{}
			for j := 0; j+1 < len(n.Content); j += 2 {
				k := n.Content[j]
				val, ok := x[k.Value]
				if !ok {
					continue // a key the reader refused, and reported
				}
				at := append(slices.Clip(path), k.Value)
				if f, twice := first[strings.ToLower(k.Value)]; twice {
					if !reported[k] {
						reported[k] = true
						fs = append(fs, finding.Finding{File: file, Line: k.Line, Column: k.Column, Rule: finding.RuleConfig, Severity: finding.Error,
							Message: msgKeyFolded.With(strings.Join(at, "."), f.Value, f.Line).Pair(), Help: msgKeepFirst.With(f.Line).Pair()})
					}
					continue
				}
				first[strings.ToLower(k.Value)] = k
				out[k.Value] = walk(n.Content[j+1], val, at)
			}
			return out
		case []any:
			if n.Kind != yaml.SequenceNode || len(n.Content) != len(x) {
				return v
			}
			out := make([]any, len(x))
			for i, item := range x {
				out[i] = walk(n.Content[i], item, append(slices.Clip(path), strconv.Itoa(i)))
			}
			return out
		}
		return v
	}
	return walk(doc.Root, doc.Value, nil), fs
}

// inFile finds key in the file: by its path of mappings, or as a key that
// holds dots itself ("site.title: ..." at the top).
// A key written with no value (null) is not set.
func (s settings) inFile(key string) (any, bool) {
	v, ok := s.written(key)
	return v, ok && v != nil
}

// written finds key in the file as inFile does, and a null too, which
// Get leaves to the default and a setting that must be text names.
func (s settings) written(key string) (any, bool) {
	return find(s.file, strings.Split(strings.ToLower(key), "."))
}

func find(m map[string]any, path []string) (any, bool) {
	for i := len(path); i > 0; i-- {
		v, ok := m[strings.Join(path[:i], ".")]
		if !ok {
			continue
		}
		if i == len(path) {
			return v, true
		}
		if sub, ok := v.(map[string]any); ok {
			if v, ok := find(sub, path[i:]); ok {
				return v, true
			}
		}
	}
	return nil, false
}

// at finds the node of key's value in the tree under n as inFile finds the
// value: keys without regard to case, the first of two alike (the one
// foldedTwice keeps), a key that holds dots itself tried first. nil when
// the tree does not set it.
func at(n *yaml.Node, path []string) *yaml.Node {
	n = source.Deref(n)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := len(path); i > 0; i-- {
		name := strings.ToLower(strings.Join(path[:i], "."))
		for j := 0; j+1 < len(n.Content); j += 2 {
			if strings.ToLower(n.Content[j].Value) != name {
				continue
			}
			if i == len(path) {
				return source.Deref(n.Content[j+1])
			}
			if found := at(n.Content[j+1], path[i:]); found != nil {
				return found
			}
			break
		}
	}
	return nil
}

// Get returns the setting: the environment's text, the file's value or the
// default.
func (s settings) Get(key string) any {
	if s.env != nil {
		if v, ok := s.env(EnvName(key)); ok && v != "" {
			return v
		}
	}
	if v, ok := s.inFile(key); ok {
		return v
	}
	return defaults[key]
}

// envSource names the environment variable that sets key alone
// (REGISTER_DUE_WITHIN), when it is set; "" when the value is the file's
// or the default. A key of a mapping may also be set by the mapping's
// variable, or its own in another case: evaluation knows which
// (builder.envOf).
func (s settings) envSource(key string) string {
	if s.env == nil {
		return ""
	}
	if v, ok := s.env(EnvName(key)); ok && v != "" {
		return EnvName(key)
	}
	return ""
}

// InConfig reports whether register.yaml sets key.
func (s settings) InConfig(key string) bool {
	_, ok := s.inFile(key)
	return ok
}

// GetString returns the setting as text: a number or a yes/no as written,
// a list or a mapping as "".
func (s settings) GetString(key string) string { return text(s.Get(key)) }

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// GetBool returns the setting as a yes/no: text as strconv reads it, a
// number as not zero.
func (s settings) GetBool(key string) bool {
	switch x := s.Get(key).(type) {
	case bool:
		return x
	case string:
		b, _ := strconv.ParseBool(x)
		return b
	case json.Number:
		f, err := x.Float64()
		return err == nil && f != 0
	}
	return false
}

// GetStringSlice returns a list of texts; text (from the environment) is
// split at spaces.
func (s settings) GetStringSlice(key string) []string {
	switch x := s.Get(key).(type) {
	case []string:
		return x
	case []any:
		out := make([]string, len(x))
		for i, v := range x {
			out[i] = text(v)
		}
		return out
	case string:
		return strings.Fields(x)
	}
	return []string{}
}

// layered is one key's value in a layer of a mapping setting
// (GetStringMapString).
type layered struct {
	Text string
	// What names the value when it is no text (null, an object, a
	// list), as a duration cannot be; zero for text.
	What label.Text
	// Env is the environment variable that set the key, as it is
	// written: the mapping's (REGISTER_EVALUATION_INTERVALS) or the
	// key's own (REGISTER_EVALUATION_INTERVALS_Camera); "" for
	// register.yaml.
	Env string
}

// GetStringMapString returns the layers of a mapping of texts that
// register.yaml and the environment set, lowest first, without the
// defaults: the file's, then REGISTER_EVALUATION_INTERVALS as a JSON
// object (objectOf), then REGISTER_EVALUATION_INTERVALS_<KEY> for one key
// each. A higher layer sets a key over a lower one; a variable that is no
// JSON object sets nothing and is the error, and the keys it gives again
// are listed (again). Keys are lower-cased; of two variables for one key
// alike but for case, the first in sorted order stands, the same on every
// run, and the later is listed (again) as a key given twice in the file
// or the JSON object is.
func (s settings) GetStringMapString(key string) ([]map[string]layered, []again, error) {
	file := map[string]layered{}
	if m, ok := s.inFile(key); ok {
		if m, ok := m.(map[string]any); ok {
			for k, v := range m {
				file[k] = textOf(v)
			}
		}
	}
	layers := []map[string]layered{file}
	if s.env == nil {
		return layers, nil, nil
	}
	var err error
	var twice []again
	name := EnvName(key)
	if v, ok := s.env(name); ok && strings.TrimSpace(v) != "" {
		var whole map[string]layered
		if whole, twice, err = objectOf(name, v); err == nil {
			layers = append(layers, whole)
		}
	}
	if s.environ != nil {
		each := map[string]layered{}
		for _, kv := range slices.Sorted(slices.Values(s.environ())) {
			k, v, _ := strings.Cut(kv, "=")
			sub, ok := strings.CutPrefix(k, name+"_")
			if !ok || sub == "" || strings.TrimSpace(v) == "" {
				continue
			}
			if first, ok := each[strings.ToLower(sub)]; ok {
				twice = append(twice, again{Key: sub, Env: k, FirstEnv: first.Env})
				continue
			}
			each[strings.ToLower(sub)] = layered{Text: v, Env: k}
		}
		layers = append(layers, each)
	}
	return layers, twice, err
}

// again is a key of a variable's JSON object that an earlier key of it
// already is, exactly or but for case (First, as written), or the
// variable of one key (Env) that an earlier variable (FirstEnv) alike but
// for case already set: both would set one key, so the later is refused
// and the first stands, as in register.yaml (foldedTwice).
type again struct {
	Key, First, Env string
	// FirstEnv is the variable of the key that stands, when Env is a
	// variable of one key too; "" for a key of a JSON object.
	FirstEnv string
}

// objectOf reads v, the value of the variable name: one JSON object and
// nothing after it, its keys lower-cased (null sets nothing). The keys
// are read in order, which a map decoded whole would not keep (it takes
// the last of two the same), so that of two alike the first is taken and
// the later listed.
func objectOf(name, v string) (map[string]layered, []again, error) {
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber() // numbers as written: 1e3 stays "1e3"
	out, first := map[string]layered{}, map[string]string{}
	var twice []again
	start, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	switch start {
	case nil: // null
	case json.Delim('{'):
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return nil, nil, err
			}
			k, _ := t.(string) // a key is always text inside an object
			var val any
			if err := dec.Decode(&val); err != nil {
				return nil, nil, err
			}
			if f, ok := first[strings.ToLower(k)]; ok {
				twice = append(twice, again{Key: k, First: f, Env: name})
				continue
			}
			first[strings.ToLower(k)] = k
			set := textOf(val)
			set.Env = name
			out[strings.ToLower(k)] = set
		}
		if _, err := dec.Token(); err != nil { // the closing brace
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("not a JSON object")
	}
	if _, end := dec.Token(); end != io.EOF {
		return nil, nil, fmt.Errorf("more after the JSON object")
	}
	return out, twice, nil
}

// textOf is a value of a mapping setting as text, or, when it is none,
// what it is instead (layered.What).
func textOf(v any) layered {
	switch v.(type) {
	case nil:
		return layered{What: wNull}
	case map[string]any:
		return layered{What: wObject}
	case []any:
		return layered{What: wList}
	}
	return layered{Text: text(v)}
}

// supplierWatch reads supplier_watch: a list of mappings with manufacturer
// and source.
func supplierWatch(v any) ([]WatchedSupplier, error) {
	items, ok := v.([]any)
	if !ok {
		if v == nil {
			return nil, nil
		}
		return nil, fmt.Errorf("not a list")
	}
	out := make([]WatchedSupplier, 0, len(items))
	for _, item := range items {
		m, ok := item.(map[string]any)
		if !ok && item != nil {
			return nil, fmt.Errorf("not a mapping")
		}
		out = append(out, WatchedSupplier{Manufacturer: text(m["manufacturer"]), Source: text(m["source"])})
	}
	return out, nil
}
