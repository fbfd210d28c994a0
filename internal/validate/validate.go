// Package validate checks records against the register's JSON Schemas and
// turns every schema error into a finding that says, in plain words, what is
// wrong and where: the exact key or value, or the parent mapping when a
// required key is missing.
package validate

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
	"github.com/voorbeeldstad/register/internal/spelling"
	"github.com/voorbeeldstad/register/schema"
)

// base is where the embedded schemas live for the compiler; relative $refs
// between them resolve against it. It is never fetched.
const base = "file:///schema/"

// Validator holds the compiled record schemas. It is safe for concurrent use:
// compile once, share between workers.
type Validator struct {
	schemas     map[record.Kind]*jsonschema.Schema
	verdicts    map[record.Kind]*verdict // nil for a kind whose schema has none
	docs        map[string]any           // raw schema documents by URL, to look up allowed keys
	fingerprint string
}

// Fingerprint identifies the schemas the validator checks against: it
// changes with any byte of them, so results kept between runs (a cache of
// check results) are not reused after the schemas change.
func (v *Validator) Fingerprint() string { return v.fingerprint }

// New compiles the embedded schemas.
func New() (*Validator, error) {
	return NewFromFS(schema.FS)
}

// NewFromFS compiles the *.schema.json files of fsys; tests use it to try
// schemas that are not embedded.
func NewFromFS(fsys fs.FS) (*Validator, error) { return compile(fsys, true) }

// compile compiles the schemas of fsys; flat replaces $refs by their
// definitions first (see inline.go).
func compile(fsys fs.FS, flat bool) (*Validator, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(noLoader{})
	v := &Validator{schemas: map[record.Kind]*jsonschema.Schema{}, verdicts: map[record.Kind]*verdict{}, docs: map[string]any{}}
	names, err := fs.Glob(fsys, "*.schema.json")
	if err != nil {
		return nil, err
	}
	raw := map[string]any{}
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		raw[name] = doc
	}
	in := inliner{docs: raw}
	for name, doc := range raw {
		if flat {
			doc = in.inline(doc, name, 0)
		}
		if err := c.AddResource(base+name, doc); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		v.docs[base+name] = doc
	}
	v.fingerprint = fmt.Sprintf("%x flat=%v", h.Sum(nil), flat)
	for _, k := range record.Kinds {
		s, err := c.Compile(base + string(k) + ".schema.json")
		if err != nil {
			return nil, fmt.Errorf("compile %s schema: %w", k, err)
		}
		v.schemas[k] = s
		if vd, err := compileVerdict(s); err == nil {
			v.verdicts[k] = vd
		}
	}
	return v, nil
}

// noLoader refuses every URL: the schemas are embedded and a record must
// never make the validator reach the network.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("schema %s is not embedded; the validator does not fetch schemas", url)
}

// Validate checks a parsed record of the given kind and returns its findings,
// with positions from the document's node tree.
func (v *Validator) Validate(doc *source.Document, k record.Kind) []finding.Finding {
	s := v.schemas[k]
	if s == nil {
		return []finding.Finding{{File: doc.Path, Rule: finding.RuleSchema, Severity: finding.Error,
			Message: fmt.Sprintf("unknown record kind %q", k)}}
	}
	if vd := v.verdicts[k]; vd != nil {
		j := judge{}
		if j.valid(vd, doc.Value) && !j.unsure {
			return nil
		}
	}
	err := s.Validate(doc.Value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []finding.Finding{{File: doc.Path, Rule: finding.RuleSchema, Severity: finding.Error, Message: err.Error()}}
	}
	var out []finding.Finding
	seen := map[string]bool{}
	for _, p := range v.problems(ve) {
		f := finding.Finding{File: doc.Path, Rule: finding.RuleSchema, Severity: finding.Error,
			Message: p.message, Help: p.help, Path: source.JoinPointer(p.at...), Key: p.key}
		if n := doc.Find(p.at, p.key); n != nil {
			f.Line, f.Column = n.Line, n.Column
		}
		if m, ok := doc.Value.(map[string]any); ok {
			if id, ok := m["id"].(string); ok {
				f.Record = id
			}
		}
		k := fmt.Sprint(f.Line, f.Column, f.Message)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

type problem struct {
	at      []string // instance location of the position to report
	key     bool     // report the key rather than the value
	message string
	help    string
}

// problems flattens the error tree into the leaves a person can act on.
// Alternatives (anyOf/oneOf) whose branches all miss a key become one
// "needs one of" problem instead of one per branch.
func (v *Validator) problems(e *jsonschema.ValidationError) []problem {
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		if missing, ok := allMissing(e); ok {
			return []problem{{at: e.InstanceLocation, message: fmt.Sprintf("%s needs one of %s", where(e.InstanceLocation), quoteList(missing, " or ")),
				help: "add one of them"}}
		}
		if p, ok := alternatives(e); ok {
			return []problem{p}
		}
		if o, ok := k.(*kind.OneOf); ok && len(o.Subschemas) > 1 {
			return []problem{{at: e.InstanceLocation, message: fmt.Sprintf("%s matches more than one allowed form", where(e.InstanceLocation)),
				help: "keep only the fields of one form"}}
		}
	}
	if len(e.Causes) > 0 {
		var out []problem
		for _, c := range e.Causes {
			out = append(out, v.problems(c)...)
		}
		return out
	}
	return v.leaf(e)
}

// alternatives merges an anyOf/oneOf whose branches all fail on the value
// itself (a format, a constant, an enum, a type) into one problem that lists
// what would be accepted, e.g. retention: a duration or "not_stored".
func alternatives(e *jsonschema.ValidationError) (problem, bool) {
	var expect []string
	var got any
	var walk func(*jsonschema.ValidationError) bool
	walk = func(c *jsonschema.ValidationError) bool {
		if len(c.Causes) > 0 {
			for _, cc := range c.Causes {
				if !walk(cc) {
					return false
				}
			}
			return true
		}
		if !slices.Equal(c.InstanceLocation, e.InstanceLocation) {
			return false
		}
		switch k := c.ErrorKind.(type) {
		case *kind.Format:
			expect, got = append(expect, "a "+formatWord(k.Want)), k.Got
		case *kind.Const:
			expect, got = append(expect, show(k.Want)), k.Got
		case *kind.Enum:
			for _, w := range k.Want {
				expect = append(expect, show(w))
			}
			got = k.Got
		case *kind.Type:
			expect = append(expect, typeWords(k.Want))
		default:
			return false
		}
		return true
	}
	if len(e.Causes) == 0 || !walk(e) {
		return problem{}, false
	}
	msg := fmt.Sprintf("%s has a value that is not allowed", where(e.InstanceLocation))
	if got != nil {
		msg = fmt.Sprintf("%s: %s is not allowed", where(e.InstanceLocation), show(got))
	}
	return problem{at: e.InstanceLocation, message: msg, help: "write " + strings.Join(slices.Compact(expect), ", or ")}, true
}

// allMissing reports whether every branch of an alternative fails only on
// missing keys, and which.
func allMissing(e *jsonschema.ValidationError) ([]string, bool) {
	var missing []string
	var walk func(*jsonschema.ValidationError) bool
	walk = func(c *jsonschema.ValidationError) bool {
		if len(c.Causes) == 0 {
			r, ok := c.ErrorKind.(*kind.Required)
			if !ok || !slices.Equal(c.InstanceLocation, e.InstanceLocation) {
				return false
			}
			missing = append(missing, r.Missing...)
			return true
		}
		for _, cc := range c.Causes {
			if !walk(cc) {
				return false
			}
		}
		return true
	}
	if len(e.Causes) == 0 || !walk(e) {
		return nil, false
	}
	slices.Sort(missing)
	return slices.Compact(missing), true
}

func (v *Validator) leaf(e *jsonschema.ValidationError) []problem {
	at := e.InstanceLocation
	field := where(at)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		// One finding per place: a nearly empty record gets one line that
		// lists what it lacks, not a wall of them.
		msg := fmt.Sprintf("missing required field %q", k.Missing[0])
		help := fmt.Sprintf("add %q; run 'register schema' to see what it holds", k.Missing[0])
		if len(k.Missing) > 1 {
			msg = "missing required fields " + quoteList(k.Missing[:len(k.Missing)-1], ", ") + fmt.Sprintf(" and %q", k.Missing[len(k.Missing)-1])
			help = "add them ('register new' writes a template with every field)"
		}
		if len(at) > 0 {
			msg += " in " + field
		}
		return []problem{{at: at, message: msg, help: help}}
	case *kind.AdditionalProperties:
		var out []problem
		allowed := v.allowedKeys(e.SchemaURL)
		for _, p := range k.Properties {
			help := "remove it, or fix its spelling"
			if s := closest(p, allowed); s != "" {
				help = fmt.Sprintf("did you mean %q?", s)
			}
			msg := fmt.Sprintf("unknown field %q", p)
			if len(at) > 0 {
				msg += " in " + field
			}
			out = append(out, problem{at: append(slices.Clone(at), p), key: true, message: msg, help: help})
		}
		return out
	case *kind.FalseSchema:
		return []problem{{at: at, key: true, message: fmt.Sprintf("field %s is not allowed here", field), help: "remove it"}}
	case *kind.Type:
		if len(at) == 0 {
			return []problem{{at: at, message: fmt.Sprintf("a record is a mapping of fields, not %s", typeWord(k.Got)),
				help: "start with 'id: ...' on the first line, then one 'key: value' per line (see 'register new')"}}
		}
		return []problem{{at: at, message: fmt.Sprintf("%s must be %s, not %s", field, typeWords(k.Want), typeWord(k.Got)),
			help: typeHelp(k.Want)}}
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		help := "use one of: " + strings.Join(want, ", ")
		if s := closest(fmt.Sprint(k.Got), want); s != "" {
			help = fmt.Sprintf("did you mean %q? Allowed: %s", s, strings.Join(want, ", "))
		}
		return []problem{{at: at, message: fmt.Sprintf("%s has value %s, which is not allowed", field, show(k.Got)), help: help}}
	case *kind.Const:
		help := "write " + show(k.Want)
		if len(at) == 1 && at[0] == "kind" {
			help = "a record's kind must match its folder: sensors/ holds sensor, algorithms/ holds algorithm"
		}
		return []problem{{at: at, message: fmt.Sprintf("%s must be %s, not %s", field, show(k.Want), show(k.Got)), help: help}}
	case *kind.Format:
		return []problem{{at: at, message: fmt.Sprintf("%s: %s is not a valid %s", field, show(k.Got), formatWord(k.Want)), help: formatHelp(k.Want)}}
	case *kind.Pattern:
		if last(at) == "id" {
			return []problem{{at: at, message: fmt.Sprintf("id %s is not a valid id", show(k.Got)),
				help: "use 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit (like cam-markt)"}}
		}
		if k.Want == `\S` {
			return []problem{{at: at, message: fmt.Sprintf("%s is blank", field), help: "fill it in, or remove the field"}}
		}
		return []problem{{at: at, message: fmt.Sprintf("%s: %s does not have the expected form", field, show(k.Got)), help: patternHelp(k.Want)}}
	case *kind.MinLength:
		if k.Want == 1 {
			return []problem{{at: at, message: fmt.Sprintf("%s is empty", field), help: "fill it in, or remove the field"}}
		}
		return []problem{{at: at, message: fmt.Sprintf("%s is %d characters, fewer than %d", field, k.Got, k.Want), help: "write it out in full"}}
	case *kind.MaxLength:
		return []problem{{at: at, message: fmt.Sprintf("%s is %d characters, more than %d", field, k.Got, k.Want), help: "shorten it; longer text belongs in another field or a linked document"}}
	case *kind.Minimum:
		return []problem{{at: at, message: fmt.Sprintf("%s must be at least %v, not %v", field, ratString(k.Want), ratString(k.Got)), help: "correct the number"}}
	case *kind.Maximum:
		return []problem{{at: at, message: fmt.Sprintf("%s must be at most %v, not %v", field, ratString(k.Want), ratString(k.Got)), help: "correct the number"}}
	case *kind.ExclusiveMinimum, *kind.ExclusiveMaximum, *kind.MultipleOf:
		return []problem{{at: at, message: fmt.Sprintf("%s: %s", field, e.Error()), help: "correct the number"}}
	case *kind.MinItems:
		return []problem{{at: at, message: fmt.Sprintf("%s needs at least %d items, has %d", field, k.Want, k.Got), help: "add the missing items"}}
	case *kind.MaxItems:
		return []problem{{at: at, message: fmt.Sprintf("%s has %d items, at most %d allowed", field, k.Got, k.Want), help: "remove items"}}
	case *kind.UniqueItems:
		return []problem{{at: at, message: fmt.Sprintf("%s lists the same item twice", field), help: "remove the duplicate"}}
	case *kind.AnyOf, *kind.OneOf:
		return []problem{{at: at, message: fmt.Sprintf("%s does not match any allowed form", field), help: "run 'register schema' to see the allowed forms"}}
	}
	return []problem{{at: at, message: fmt.Sprintf("%s: %s", field, strings.TrimSpace(firstLine(e.Error()))), help: "run 'register schema' to see what is allowed"}}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func ratString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// allowedKeys returns the property names the schema at url allows, for
// "did you mean" suggestions.
func (v *Validator) allowedKeys(url string) []string {
	doc, frag, _ := strings.Cut(url, "#")
	node := v.docs[doc]
	for _, t := range source.SplitPointer(frag) {
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[t]
	}
	m, ok := node.(map[string]any)
	if !ok {
		return nil
	}
	props, _ := m["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func last(at []string) string {
	if len(at) == 0 {
		return ""
	}
	return at[len(at)-1]
}

// where names a location for a person: "owner.email", "capabilities[2]", or "the record".
func where(at []string) string {
	if len(at) == 0 {
		return "the record"
	}
	var b strings.Builder
	for i, t := range at {
		if isIndex(t) {
			fmt.Fprintf(&b, "[%s]", t)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 60 {
			x = x[:57] + "..."
		}
		return fmt.Sprintf("%q", x)
	case json.Number:
		return x.String()
	case nil:
		return "empty"
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func typeWord(t string) string {
	switch t {
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	case "string":
		return "text"
	case "integer":
		return "a whole number"
	case "number":
		return "a number"
	case "boolean":
		return "true or false"
	case "null":
		return "empty"
	}
	return t
}

func typeWords(ts []string) string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = typeWord(t)
	}
	return strings.Join(ws, " or ")
}

func typeHelp(want []string) string {
	switch {
	case slices.Contains(want, "string"):
		return "write text; quote it if it looks like a number, date or true/false"
	case slices.Contains(want, "array"):
		return "write a list, one item per line starting with '- '"
	case slices.Contains(want, "object"):
		return "write a mapping: indented 'key: value' lines"
	case slices.Contains(want, "boolean"):
		return "write true or false"
	case slices.Contains(want, "integer"), slices.Contains(want, "number"):
		return "write a number without quotes"
	}
	return "correct the value's type"
}

func formatWord(f string) string {
	switch f {
	case "date":
		return "date (YYYY-MM-DD)"
	case "date-time":
		return "date and time (RFC 3339, like 2025-03-01T14:30:00+01:00)"
	case "duration":
		return "ISO 8601 duration (like P1Y, P6M or P90D)"
	case "email":
		return "e-mail address"
	case "uri":
		return "web address"
	}
	return f
}

func formatHelp(f string) string {
	switch f {
	case "date":
		return "write a date that exists, as YYYY-MM-DD"
	case "date-time":
		return "write date, time and offset, like 2025-03-01T14:30:00+01:00"
	case "duration":
		return "write P, a number and a unit: P1Y (a year), P6M (six months), P90D (ninety days)"
	case "email":
		return "write a functional mailbox such as privacy@gemeente.example"
	case "uri":
		return "write a full address starting with https://"
	}
	return "correct the value"
}

func patternHelp(p string) string {
	if strings.HasPrefix(p, "^https?://") {
		return "write a full web address starting with https:// (or http://)"
	}
	return "see the field's description ('register schema') for the expected form"
}

func quoteList(ss []string, sep string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, sep)
}

// closest returns the candidate nearest to s by edit distance, when it is
// near enough to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := spelling.Distance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/4) && bestD < len(s) {
		return best
	}
	return ""
}
