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
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/period"
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
	// interval is the pattern of an evaluation interval, common.schema.json's
	// $defs/interval (intervalProblems); "" when the schemas have none.
	interval string
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
func NewFromFS(fsys fs.FS) (*Validator, error) { return compile(fsys, true, record.Kinds) }

// compile compiles the schemas of fsys named by kinds (a kind of record,
// or configKind); flat replaces $refs by their definitions first (see
// inline.go).
func compile(fsys fs.FS, flat bool, kinds []record.Kind) (*Validator, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(noLoader{})
	c.UseRegexpEngine(regexpsOnce())
	if !slices.Contains(kinds, configKind) {
		// The configuration's reading words a duration too long for it
		// itself (its own check of register.yaml); a record has only the
		// schema to say so.
		c.RegisterFormat(durationFormat())
	}
	v := &Validator{schemas: map[record.Kind]*jsonschema.Schema{}, verdicts: map[record.Kind]*verdict{}, docs: map[string]any{}}
	files, fp, err := schemaFiles(fsys, flat)
	if err != nil {
		return nil, err
	}
	raw := map[string]any{}
	for _, f := range files {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.data))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", f.name, err)
		}
		raw[f.name] = doc
	}
	v.interval = defPattern(raw[schema.File(schema.Common)], "interval")
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
	v.fingerprint = fp
	for _, k := range kinds {
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

// regexpsOnce returns a regular-expression engine for one compilation
// that compiles each pattern once. The inlined schemas (inline.go) repeat
// the definitions they share, and the compiler compiles each pattern
// where it meets it, and again where the meta-schema checks it: 390
// compilations of 11 patterns, a quarter of the schemas' compilation,
// which every run that validates a file waits for. A compiled pattern is
// safe to use from several goroutines.
func regexpsOnce() jsonschema.RegexpEngine {
	var mu sync.Mutex
	compiled := map[string]*regexp.Regexp{}
	return func(pattern string) (jsonschema.Regexp, error) {
		mu.Lock()
		defer mu.Unlock()
		if re, ok := compiled[pattern]; ok {
			return re, nil
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, err
		}
		compiled[pattern] = re
		return re, nil
	}
}

// Fingerprint returns the Fingerprint of the Validator New compiles,
// without compiling the schemas: reading and hashing them takes a fraction
// of it, and a run that finds every file's result in its cache validates
// nothing.
func Fingerprint() (string, error) {
	_, fp, err := schemaFiles(schema.FS, true)
	return fp, err
}

// schemaFile is a schema file's name and content.
type schemaFile struct {
	name string
	data []byte
}

// schemaFiles reads the *.schema.json files of fsys, in name order, and
// their fingerprint: the hash of every name and byte, and whether they are
// inlined (flat).
func schemaFiles(fsys fs.FS, flat bool) ([]schemaFile, string, error) {
	names, err := fs.Glob(fsys, "*.schema.json")
	if err != nil {
		return nil, "", err
	}
	files := make([]schemaFile, 0, len(names))
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		files = append(files, schemaFile{name, data})
	}
	return files, fmt.Sprintf("%x flat=%v", h.Sum(nil), flat), nil
}

// noLoader refuses every URL: the schemas are embedded and a record must
// never make the validator reach the network.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("schema %s is not embedded; the validator does not fetch schemas", url)
}

// Validate checks a parsed record of the given kind and returns its findings,
// with positions from the document's node tree, each worded in English and
// Dutch.
func (v *Validator) Validate(doc *source.Document, k record.Kind) []finding.Finding {
	s := v.schemas[k]
	if s == nil {
		return []finding.Finding{worded(finding.Finding{File: doc.Path, Rule: finding.RuleSchema, Severity: finding.Error},
			msgUnknownKind.With(string(k)), message.Phrase{})}
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
		return []finding.Finding{worded(finding.Finding{File: doc.Path, Rule: finding.RuleSchema, Severity: finding.Error},
			msgNotValidated.With(err), message.Phrase{})}
	}
	return v.findings(doc, v.problems(ve), finding.RuleSchema)
}

// findings turns problems into findings of rule about doc, each placed at
// its key or value, once per place and message.
func (v *Validator) findings(doc *source.Document, problems []problem, rule string) []finding.Finding {
	var out []finding.Finding
	seen := map[string]bool{}
	for _, p := range problems {
		f := worded(finding.Finding{File: doc.Path, Rule: rule, Severity: finding.Error,
			Path: source.JoinPointer(p.at...), Key: p.key}, p.message, p.help)
		if n := doc.Find(p.at, p.key); n != nil {
			f.Line, f.Column = n.Line, n.Column
			if p.number != nil {
				if msg, help, ok := v.numberWords(p, n); ok {
					f = worded(f, msg, help)
				}
			}
			if w := plainNumber(n); p.written != nil && w != "" {
				f = worded(f, p.written(w), p.help)
			}
		}
		if m, ok := doc.Value.(map[string]any); ok {
			if id, ok := m["id"].(string); ok {
				f.Record = id
			}
		}
		k := fmt.Sprint(f.Line, f.Column, f.Message.In("en"))
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// worded gives f its message and help in English and in Dutch.
func worded(f finding.Finding, msg, help message.Phrase) finding.Finding {
	f.Message, f.Help = msg.Pair(), help.Pair()
	return f
}

type problem struct {
	at      []string // instance location of the position to report
	key     bool     // report the key rather than the value
	message message.Phrase
	help    message.Phrase
	// number is set for a value of the wrong type where a number is
	// wanted: findings words it again from the value as written
	// (numberWords), which the error does not carry.
	number *numberWanted
	// written, when set, words the problem again with a plain number as
	// the file writes it, for findings.
	written func(string) message.Phrase
}

// numberWanted is what a problem's field takes: a whole number or any,
// within the bounds of the schema at schema.
type numberWanted struct {
	integer bool
	schema  string
}

// durationFormat is the format "duration" as the library has it, and
// one more: a duration of the right form whose numbers are too large for
// the register to compute with (period.Parse: more than P100000Y) is not
// valid either. Without it a record's evaluation.interval of P1000000Y
// passed the schema, and every reader of it took it for no interval.
func durationFormat() *jsonschema.Format {
	lib := libraryFormat("duration")
	return &jsonschema.Format{Name: "duration", Validate: func(v any) error {
		if err := lib.Validate(v); err != nil {
			return err
		}
		if s, ok := v.(string); ok {
			if _, err := period.Parse(s); period.IsTooLarge(err) {
				return err
			}
		}
		return nil
	}}
}

// libraryFormat is the library's own check of the format name, from a
// schema of that format alone.
func libraryFormat(name string) *jsonschema.Format {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.UseLoader(noLoader{})
	if err := c.AddResource(base+"format.json", map[string]any{"format": name}); err != nil {
		panic(err)
	}
	s, err := c.Compile(base + "format.json")
	if err != nil || s.Format == nil {
		panic(fmt.Sprintf("format %s: %v", name, err))
	}
	return s.Format
}

// tooLongDuration is the problem of a duration too large to compute with
// (durationFormat), when e or an error below it at its place is one.
func tooLongDuration(e *jsonschema.ValidationError) (problem, bool) {
	at := e.InstanceLocation
	var found *kind.Format
	var walk func(*jsonschema.ValidationError)
	walk = func(c *jsonschema.ValidationError) {
		if found != nil || !slices.Equal(c.InstanceLocation, at) {
			return
		}
		if k, ok := c.ErrorKind.(*kind.Format); ok && k.Want == "duration" && period.IsTooLarge(k.Err) {
			found = k
			return
		}
		for _, cc := range c.Causes {
			walk(cc)
		}
	}
	walk(e)
	if found == nil {
		return problem{}, false
	}
	help := msgShorterDuration.With(period.MaxPart, period.MaxPart)
	if last(at) == "interval" {
		help = msgShorterInterval.With(period.MaxPart)
	}
	return problem{at: at, message: msgDurationTooLong.With(where(at), show(found.Got), period.MaxPart), help: help}, true
}

// problems flattens the error tree into the leaves a person can act on.
// Alternatives (anyOf/oneOf) whose branches all miss a key become one
// "needs one of" problem instead of one per branch.
func (v *Validator) problems(e *jsonschema.ValidationError) []problem {
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		at := e.InstanceLocation
		if p, ok := tooLongDuration(e); ok {
			// retention: a duration or not_stored; too long is the fault
			// to name, not that it is neither.
			return []problem{p}
		}
		if missing, ok := allMissing(e); ok {
			return []problem{{at: at, message: msgNeedsOneOf.With(where(at), list{items: quoted(missing), sep: wOr}), help: msgAddOne.With()}}
		}
		if p, ok := alternatives(e); ok {
			return []problem{p}
		}
		if o, ok := k.(*kind.OneOf); ok && len(o.Subschemas) > 1 {
			return []problem{{at: at, message: msgMoreThanOne.With(where(at)), help: msgKeepOneForm.With()}}
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
	var expect []message.Lingual
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
			_, a, _ := formatWords(k.Want, where(c.InstanceLocation), show(k.Got))
			expect, got = append(expect, a), k.Got
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
	at := e.InstanceLocation
	msg := msgValueRefused.With(where(at))
	if got != nil {
		msg = msgNotAllowed.With(where(at), show(got))
	}
	expect = slices.CompactFunc(expect, func(a, b message.Lingual) bool { return a.In(message.English) == b.In(message.English) })
	return problem{at: at, message: msg, help: msgWrite.With(list{items: expect, sep: wCommaOr})}, true
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

// leaf words one error of the tree's leaves: by the kind of error, what is
// wrong with the field and what is allowed. A kind none of the groups
// words still gets a finding in both languages, with the library's text.
func (v *Validator) leaf(e *jsonschema.ValidationError) []problem {
	for _, group := range []func(*jsonschema.ValidationError) ([]problem, bool){
		v.objectProblems, v.intervalProblems, valueProblems, numberProblems, listProblems,
	} {
		if ps, ok := group(e); ok {
			return ps
		}
	}
	at := e.InstanceLocation
	return []problem{{at: at, message: msgNotInSchema.With(where(at), libraryText(e)), help: msgSeeSchema.With()}}
}

// libraryText is the library's own words for an error, without the
// location it starts with (the finding names the field).
func libraryText(e *jsonschema.ValidationError) string {
	s := strings.TrimSpace(firstLine(e.Error()))
	if rest, ok := strings.CutPrefix(s, "at '"); ok {
		if _, text, ok := strings.Cut(rest, "': "); ok {
			return text
		}
	}
	return s
}

// objectProblems words the errors of a mapping's keys: missing, unknown,
// too few or too many.
func (v *Validator) objectProblems(e *jsonschema.ValidationError) ([]problem, bool) {
	at := e.InstanceLocation
	field := where(at)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		// One finding per place: a nearly empty record gets one line that
		// lists what it lacks, not a wall of them.
		if len(k.Missing) == 1 {
			msg := msgMissing.With(k.Missing[0])
			if len(at) > 0 {
				msg = msgMissingIn.With(k.Missing[0], field)
			}
			return []problem{{at: at, message: msg, help: msgAddField.With(k.Missing[0])}}, true
		}
		names := list{items: quoted(k.Missing), sep: wComma, last: wAnd}
		msg := msgMissingMany.With(names)
		if len(at) > 0 {
			msg = msgMissingManyIn.With(names, field)
		}
		return []problem{{at: at, message: msg, help: msgAddFields.With()}}, true
	case *kind.DependentRequired:
		return []problem{{at: at, message: msgNeedsWhen.With(field, list{items: quoted(k.Missing), sep: wComma, last: wAnd}, k.Prop),
			help: msgAddFields.With()}}, true
	case *kind.Dependency:
		return []problem{{at: at, message: msgNeedsWhen.With(field, list{items: quoted(k.Missing), sep: wComma, last: wAnd}, k.Prop),
			help: msgAddFields.With()}}, true
	case *kind.AdditionalProperties:
		var out []problem
		allowed := v.allowedKeys(e.SchemaURL)
		for _, p := range k.Properties {
			help := msgRemoveOrFix.With()
			if s := closest(p, allowed); s != "" {
				help = msgDidYouMean.With(s)
			}
			msg := msgUnknownField.With(p)
			if len(at) > 0 {
				msg = msgUnknownFieldIn.With(p, field)
			}
			out = append(out, problem{at: append(slices.Clone(at), p), key: true, message: msg, help: help})
		}
		return out, true
	case *kind.FalseSchema:
		return []problem{{at: at, key: true, message: msgNotHere.With(field), help: msgRemove.With()}}, true
	case *kind.PropertyNames:
		return []problem{{at: append(slices.Clone(at), k.Property), key: true, message: msgBadFieldName.With(field, k.Property),
			help: msgRemoveOrFix.With()}}, true
	case *kind.MinProperties:
		return []problem{{at: at, message: msgFewFields.With(field, k.Want, k.Got), help: msgAddFields.With()}}, true
	case *kind.MaxProperties:
		return []problem{{at: at, message: msgManyFields.With(field, k.Got, k.Want), help: msgRemoveFields.With()}}, true
	}
	return nil, false
}

// valueProblems words the errors of one value: its type, an allowed value
// or constant, its format, pattern or length.
func valueProblems(e *jsonschema.ValidationError) ([]problem, bool) {
	at := e.InstanceLocation
	field := where(at)
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		if len(at) == 0 {
			return []problem{{at: at, message: msgNotAMapping.With(typeWord(k.Got)), help: msgStartWithID.With()}}, true
		}
		p := problem{at: at, message: msgMustBe.With(field, typeWords(k.Want), typeWord(k.Got)), help: typeHelp(k.Want).With()}
		if (k.Got == "string" || k.Got == "number") && (slices.Contains(k.Want, "integer") || slices.Contains(k.Want, "number")) {
			p.number = &numberWanted{integer: !slices.Contains(k.Want, "number"), schema: e.SchemaURL}
		}
		return []problem{p}, true
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		allowed := strings.Join(want, ", ")
		help := msgUseOneOf.With(allowed)
		if s := closest(fmt.Sprint(k.Got), want); s != "" {
			help = msgMeanAllowed.With(s, allowed)
		}
		return []problem{{at: at, message: msgEnum.With(field, show(k.Got)), help: help}}, true
	case *kind.Const:
		help := msgWrite.With(show(k.Want))
		if len(at) == 1 && at[0] == "kind" {
			help = msgKindFolder.With()
		}
		return []problem{{at: at, message: msgMustBe.With(field, show(k.Want), show(k.Got)), help: help}}, true
	case *kind.Format:
		if p, ok := tooLongDuration(e); ok {
			return []problem{p}, true
		}
		invalid, _, help := formatWords(k.Want, field, show(k.Got))
		return []problem{{at: at, message: invalid, help: help}}, true
	case *kind.Pattern:
		switch {
		case last(at) == "id":
			return []problem{{at: at, message: msgBadID.With(show(k.Got)), help: msgIDIs.With()}}, true
		case k.Want == `\S`:
			return []problem{{at: at, message: msgBlank.With(field), help: msgFillIn.With()}}, true
		}
		return []problem{{at: at, message: msgBadForm.With(field, show(k.Got)), help: patternHelp(k.Want).With()}}, true
	case *kind.MinLength:
		if k.Want == 1 {
			return []problem{{at: at, message: msgEmpty.With(field), help: msgFillIn.With()}}, true
		}
		return []problem{{at: at, message: msgTooShort.With(field, k.Got, k.Want), help: msgInFull.With()}}, true
	case *kind.MaxLength:
		return []problem{{at: at, message: msgTooLong.With(field, k.Got, k.Want), help: msgShorten.With()}}, true
	case *kind.Not:
		return []problem{{at: at, message: msgRuledOut.With(field), help: msgSeeSchema.With()}}, true
	}
	return nil, false
}

// intervalProblems words a duration that the pattern of an evaluation
// interval refuses: in hours or of no time at all, as register.yaml's
// intervals are refused (period.ParseInterval words both). A value that is
// no duration at all is left to its format's words.
func (v *Validator) intervalProblems(e *jsonschema.ValidationError) ([]problem, bool) {
	k, ok := e.ErrorKind.(*kind.Pattern)
	if !ok || v.interval == "" || k.Want != v.interval {
		return nil, false
	}
	var bad period.IntervalError
	if _, err := period.ParseInterval(k.Got); !errors.As(err, &bad) {
		return nil, false
	}
	at := e.InstanceLocation
	return []problem{{at: at, message: msgNotInterval.With(where(at), bad), help: msgWriteInterval.With()}}, true
}

// defPattern is the pattern of the definition name in doc, a schema
// document's $defs; "" when it has none.
func defPattern(doc any, name string) string {
	m, _ := doc.(map[string]any)
	defs, _ := m["$defs"].(map[string]any)
	def, _ := defs[name].(map[string]any)
	p, _ := def["pattern"].(string)
	return p
}

// numberProblems words the errors of a number out of its bounds.
func numberProblems(e *jsonschema.ValidationError) ([]problem, bool) {
	at := e.InstanceLocation
	field := where(at)
	var text *message.Text
	var want, got *big.Rat
	switch k := e.ErrorKind.(type) {
	case *kind.Minimum:
		text, want, got = msgAtLeast, k.Want, k.Got
	case *kind.Maximum:
		text, want, got = msgAtMost, k.Want, k.Got
	case *kind.ExclusiveMinimum:
		text, want, got = msgAbove, k.Want, k.Got
	case *kind.ExclusiveMaximum:
		text, want, got = msgBelow, k.Want, k.Got
	case *kind.MultipleOf:
		text, want, got = msgMultiple, k.Want, k.Got
	default:
		return nil, false
	}
	return []problem{{at: at, message: text.With(field, ratString(want), ratString(got)), help: msgFixNumber.With(),
		// The number as the file writes it: one too long for the YAML
		// reader's integers reached the schema rounded (a 35-digit
		// number of nines as 1e35).
		written: func(n string) message.Phrase { return text.With(field, ratString(want), n) }}}, true
}

// listProblems words the errors of a list and of a value that matches
// none of its allowed forms.
func listProblems(e *jsonschema.ValidationError) ([]problem, bool) {
	at := e.InstanceLocation
	field := where(at)
	switch k := e.ErrorKind.(type) {
	case *kind.MinItems:
		return []problem{{at: at, message: msgFewItems.With(field, k.Want, k.Got), help: msgAddItems.With()}}, true
	case *kind.MaxItems:
		return []problem{{at: at, message: msgManyItems.With(field, k.Got, k.Want), help: msgRemoveItems.With()}}, true
	case *kind.UniqueItems:
		return []problem{{at: at, message: msgTwice.With(field), help: msgRemoveDouble.With()}}, true
	case *kind.Contains, *kind.MinContains:
		return []problem{{at: at, message: msgNoneContains.With(field), help: msgAddItems.With()}}, true
	case *kind.AnyOf, *kind.OneOf:
		return []problem{{at: at, message: msgNoForm.With(field), help: msgSeeForms.With()}}, true
	}
	return nil, false
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

// numberWords words again a problem of a value of the wrong type where
// a number is wanted (problem.number), from the value n as the file
// writes it: a number with a fraction where a whole one is wanted, or a
// number too large for any number to hold (1e400, which the YAML reader
// keeps as text, so the schema said "not text"), with the range the
// schema accepts. ok is false for a value of another kind, such as
// quoted text, which the problem words well.
func (v *Validator) numberWords(p problem, n *yaml.Node) (msg, help message.Phrase, ok bool) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode || n.Style != 0 {
		return msg, help, false
	}
	text := strings.ReplaceAll(n.Value, "_", "")
	r, isNumber := new(big.Rat).SetString(text)
	if !isNumber || !numberForm.MatchString(text) {
		return msg, help, false
	}
	field, lo, hi := where(p.at), v.bound(p.number.schema, "minimum"), v.bound(p.number.schema, "maximum")
	help = msgWriteNumberIn.With(numberWord(p.number.integer), lo, hi)
	if lo == nil || hi == nil {
		help = msgWriteNumberPlain.With(numberWord(p.number.integer))
	}
	if _, err := strconv.ParseFloat(text, 64); err != nil {
		return msgNumberTooLarge.With(field, verbatim(n.Value)), help, true
	}
	if p.number.integer && !r.IsInt() {
		return msgNotWholeNumber.With(field, verbatim(n.Value)), help, true
	}
	return msg, help, false
}

// plainNumber is the text of n when it is a number written plainly
// (numberForm, no quotes, no tag), else "".
func plainNumber(n *yaml.Node) string {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode || n.Style != 0 || !numberForm.MatchString(n.Value) {
		return ""
	}
	return n.Value
}

// numberForm is a decimal number as YAML 1.2 writes one, with a fraction
// or an exponent or both.
var numberForm = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// numberWord is "a whole number" or "a number".
func numberWord(integer bool) message.Lingual {
	if integer {
		return wWhole
	}
	return wNumber
}

// bound is the schema at url's minimum or maximum as written there, or
// nil when it has none.
func (v *Validator) bound(url, keyword string) any {
	m, ok := v.schemaAt(url).(map[string]any)
	if !ok {
		return nil
	}
	switch b := m[keyword].(type) {
	case json.Number:
		return verbatim(b.String())
	case float64, int, int64:
		return verbatim(fmt.Sprint(b))
	}
	return nil
}

// schemaAt is the raw schema document at url (a document and a JSON
// Pointer into it), or nil.
func (v *Validator) schemaAt(url string) any {
	doc, frag, _ := strings.Cut(url, "#")
	node := v.docs[doc]
	for _, t := range source.SplitPointer(frag) {
		switch x := node.(type) {
		case map[string]any:
			node = x[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			node = x[i]
		default:
			return nil
		}
	}
	return node
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
