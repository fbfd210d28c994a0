package validate

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/voorbeeldstad/register/internal/record"
)

// Most records are valid, and for a valid record the schema library's
// answer costs far more than the question: it keeps a scope, an instance
// location and the evaluated properties of every value it reaches, to be
// able to explain an error. A verdict compiles the same schemas into a
// check that only decides whether a value is valid, keyword by keyword as
// the library decides it, and allocates nothing for a valid record.
// Validate asks it first; only a record it does not pass goes through the
// library, whose error tree the findings are made of. A schema that uses a
// keyword the verdict does not decide exactly has no verdict, and every
// record of that kind goes through the library.

// verdict is a compiled schema that decides validity only.
type verdict struct {
	always *bool // a boolean schema

	types  typeSet // zero: any type
	constV *any
	enum   []any
	format *jsonschema.Format
	// quick decides the format for the strings of its common shape
	// (formats); nil, or decided false, leaves it to format.
	quick   func(string) (valid, decided bool)
	notV    *verdict
	allOf   []*verdict
	anyOf   []*verdict
	oneOf   []*verdict
	ifV     *verdict
	thenV   *verdict
	elseV   *verdict
	props   map[string]*verdict
	pattern []patternVerdict // patternProperties
	// additional checks properties neither named nor matched;
	// noAdditional forbids them.
	additional         *verdict
	noAdditional       bool
	required           []string
	minProps, maxProps int // -1: no bound

	prefix                   []*verdict
	items                    *verdict
	contains                 *verdict
	minContains, maxContains int // -1: no bound
	minItems, maxItems       int // -1: no bound
	unique                   bool

	minLen, maxLen int // -1: no bound
	re             jsonschema.Regexp
	match          func(string) bool // re, or a plain function for a common pattern

	min, max, exMin, exMax, multipleOf *big.Rat
	numeric                            bool // one of the five is set
	// fmin and fmax are min and max when float64 holds them exactly.
	fmin, fmax *float64
}

type patternVerdict struct {
	re jsonschema.Regexp
	v  *verdict
}

// typeSet holds JSON types as bits.
type typeSet uint8

const (
	tNull typeSet = 1 << iota
	tBoolean
	tNumber
	tInteger
	tString
	tArray
	tObject
	tInvalid
)

var typeNames = map[string]typeSet{"null": tNull, "boolean": tBoolean, "number": tNumber, "integer": tInteger,
	"string": tString, "array": tArray, "object": tObject}

// typeOf is the JSON type of a value as source.Parse makes it; any other
// Go type is tInvalid, as the library has it.
func typeOf(v any) typeSet {
	switch v.(type) {
	case nil:
		return tNull
	case bool:
		return tBoolean
	case json.Number:
		return tNumber
	case string:
		return tString
	case []any:
		return tArray
	case map[string]any:
		return tObject
	}
	return tInvalid
}

// compileVerdict compiles s, or returns an error naming the first keyword
// the verdict does not decide.
func compileVerdict(s *jsonschema.Schema) (*verdict, error) {
	return (&verdictCompiler{done: map[*jsonschema.Schema]*verdict{}}).compile(s)
}

type verdictCompiler struct {
	done map[*jsonschema.Schema]*verdict
}

// compile compiles s, once however often the schemas refer to it.
func (c *verdictCompiler) compile(s *jsonschema.Schema) (*verdict, error) {
	if s == nil {
		return nil, nil
	}
	if v, ok := c.done[s]; ok {
		if v == nil {
			return nil, fmt.Errorf("%s: refers to itself", s.Location)
		}
		return v, nil
	}
	c.done[s] = nil
	if err := supported(s); err != nil {
		return nil, err
	}
	v := newVerdict(s)
	if err := v.constants(s); err != nil {
		return nil, err
	}
	if err := c.subschemas(v, s); err != nil {
		return nil, err
	}
	c.done[s] = v
	return v, nil
}

// supported returns an error naming the first keyword of s, itself and not
// its subschemas, that the verdict does not decide as the library does.
func supported(s *jsonschema.Schema) error {
	var kw string
	switch {
	case s.DraftVersion < 2020:
		kw = fmt.Sprintf("draft %d", s.DraftVersion)
	case s.Ref != nil, s.RecursiveRef != nil, s.DynamicRef != nil:
		kw = "$ref"
	case s.PropertyNames != nil:
		kw = "propertyNames"
	case len(s.Dependencies) > 0, len(s.DependentRequired) > 0, len(s.DependentSchemas) > 0:
		kw = "dependencies"
	case s.UnevaluatedProperties != nil, s.UnevaluatedItems != nil:
		kw = "unevaluated"
	case s.ContentEncoding != nil, s.ContentMediaType != nil, s.ContentSchema != nil:
		kw = "content"
	case len(s.Extensions) > 0:
		kw = "extension"
	case s.Items != nil, s.AdditionalItems != nil:
		kw = "items of an earlier draft"
	default:
		return nil
	}
	return unsupported(s, kw)
}

func unsupported(s *jsonschema.Schema, kw string) error { return fmt.Errorf("%s: %s", s.Location, kw) }

// newVerdict holds the keywords of s that check the value itself: its
// type, format, pattern, bounds and counts.
func newVerdict(s *jsonschema.Schema) *verdict {
	v := &verdict{always: s.Bool, format: s.Format, re: s.Pattern, unique: s.UniqueItems,
		min: s.Minimum, max: s.Maximum, exMin: s.ExclusiveMinimum, exMax: s.ExclusiveMaximum, multipleOf: s.MultipleOf,
		required: s.Required,
		minProps: bound(s.MinProperties), maxProps: bound(s.MaxProperties),
		minItems: bound(s.MinItems), maxItems: bound(s.MaxItems),
		minContains: bound(s.MinContains), maxContains: bound(s.MaxContains),
		minLen: bound(s.MinLength), maxLen: bound(s.MaxLength)}
	v.numeric = v.min != nil || v.max != nil || v.exMin != nil || v.exMax != nil || v.multipleOf != nil
	v.fmin, v.fmax = exactFloat(v.min), exactFloat(v.max)
	if v.format != nil {
		v.quick = formats[v.format.Name]
	}
	if v.re != nil {
		v.match = v.re.MatchString
		if f, ok := patterns[v.re.String()]; ok {
			v.match = f
		}
	}
	if s.Types != nil {
		for _, t := range s.Types.ToStrings() {
			v.types |= typeNames[t]
		}
	}
	return v
}

// constants adds the const and enum of s, which must be values equal
// compares.
func (v *verdict) constants(s *jsonschema.Schema) error {
	if s.Const != nil {
		if !plain(*s.Const) {
			return unsupported(s, "const")
		}
		v.constV = s.Const
	}
	if s.Enum != nil {
		for _, e := range s.Enum.Values {
			if !plain(e) {
				return unsupported(s, "enum")
			}
		}
		v.enum = s.Enum.Values
	}
	return nil
}

// subschemas compiles the schemas s applies to the value and to its
// properties and items.
func (c *verdictCompiler) subschemas(v *verdict, s *jsonschema.Schema) error {
	sub := subCompiler{c: c}
	v.notV, v.ifV, v.thenV, v.elseV = sub.one(s.Not), sub.one(s.If), sub.one(s.Then), sub.one(s.Else)
	v.allOf, v.anyOf, v.oneOf = sub.many(s.AllOf), sub.many(s.AnyOf), sub.many(s.OneOf)
	v.prefix, v.items, v.contains = sub.many(s.PrefixItems), sub.one(s.Items2020), sub.one(s.Contains)
	if len(s.Properties) > 0 {
		v.props = make(map[string]*verdict, len(s.Properties))
		for name, p := range s.Properties {
			v.props[name] = sub.one(p)
		}
	}
	for re, p := range s.PatternProperties {
		v.pattern = append(v.pattern, patternVerdict{re: re, v: sub.one(p)})
	}
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		v.noAdditional = !a
	case *jsonschema.Schema:
		v.additional = sub.one(a)
	default:
		return unsupported(s, "additionalProperties")
	}
	return sub.err
}

// subCompiler compiles subschemas until the first that has no verdict,
// and keeps its error.
type subCompiler struct {
	c   *verdictCompiler
	err error
}

func (sc *subCompiler) one(s *jsonschema.Schema) *verdict {
	if sc.err != nil || s == nil {
		return nil
	}
	var out *verdict
	out, sc.err = sc.c.compile(s)
	return out
}

func (sc *subCompiler) many(ss []*jsonschema.Schema) []*verdict {
	var out []*verdict
	for _, s := range ss {
		out = append(out, sc.one(s))
	}
	return out
}

func bound(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// plain reports whether a constant from a schema is made of the values
// equal compares (as source.Parse makes them).
func plain(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			if !plain(x) {
				return false
			}
		}
	case []any:
		for _, x := range v {
			if !plain(x) {
				return false
			}
		}
	}
	return typeOf(v) != tInvalid
}

// judge decides values against verdicts. A value outside what source.Parse
// makes, or a number that does not parse, makes it unsure: the caller then
// asks the library.
type judge struct{ unsure bool }

// valid reports whether x satisfies v, in the library's terms.
func (j *judge) valid(v *verdict, x any) bool {
	if v.always != nil {
		return *v.always
	}
	t := typeOf(x)
	if t == tInvalid {
		j.unsure = true
		return false
	}
	if v.types != 0 && v.types&t == 0 && (v.types&tInteger == 0 || t != tNumber || !j.integer(x)) {
		return false
	}
	if v.constV != nil && !j.equal(x, *v.constV) {
		return false
	}
	if v.enum != nil {
		found := false
		for _, e := range v.enum {
			if j.equal(x, e) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if v.format != nil && !v.formatValid(x) {
		return false
	}
	switch x := x.(type) {
	case map[string]any:
		if !j.object(v, x) {
			return false
		}
	case []any:
		if !j.array(v, x) {
			return false
		}
	case string:
		if !j.text(v, x) {
			return false
		}
	case json.Number:
		if v.numeric && !j.number(v, x) {
			return false
		}
	}
	return j.conditions(v, x)
}

func (j *judge) object(v *verdict, obj map[string]any) bool {
	if v.minProps >= 0 && len(obj) < v.minProps || v.maxProps >= 0 && len(obj) > v.maxProps {
		return false
	}
	for _, r := range v.required {
		if _, ok := obj[r]; !ok {
			return false
		}
	}
	for name, val := range obj {
		evaluated := false
		if p, ok := v.props[name]; ok {
			evaluated = true
			if !j.valid(p, val) {
				return false
			}
		}
		for _, pp := range v.pattern {
			if pp.re.MatchString(name) {
				evaluated = true
				if !j.valid(pp.v, val) {
					return false
				}
			}
		}
		if !evaluated {
			if v.noAdditional {
				return false
			}
			if v.additional != nil && !j.valid(v.additional, val) {
				return false
			}
		}
	}
	return true
}

func (j *judge) array(v *verdict, arr []any) bool {
	if v.minItems >= 0 && len(arr) < v.minItems || v.maxItems >= 0 && len(arr) > v.maxItems {
		return false
	}
	if v.unique {
		for i := 1; i < len(arr); i++ {
			for k := range i {
				if j.equal(arr[i], arr[k]) {
					return false
				}
			}
		}
	}
	n := min(len(v.prefix), len(arr))
	for i := range n {
		if !j.valid(v.prefix[i], arr[i]) {
			return false
		}
	}
	if v.items != nil {
		for _, item := range arr[n:] {
			if !j.valid(v.items, item) {
				return false
			}
		}
	}
	if v.contains != nil {
		matched := 0
		for _, item := range arr {
			if j.valid(v.contains, item) {
				matched++
			}
		}
		if v.minContains >= 0 {
			if matched < v.minContains {
				return false
			}
		} else if matched == 0 {
			return false
		}
		if v.maxContains >= 0 && matched > v.maxContains {
			return false
		}
	}
	return true
}

func (j *judge) text(v *verdict, s string) bool {
	if v.minLen >= 0 || v.maxLen >= 0 {
		n := utf8.RuneCountInString(s)
		if v.minLen >= 0 && n < v.minLen || v.maxLen >= 0 && n > v.maxLen {
			return false
		}
	}
	return v.match == nil || v.match(s)
}

// formatValid reports whether x has v's format.
func (v *verdict) formatValid(x any) bool {
	if s, ok := x.(string); ok && v.quick != nil {
		if valid, decided := v.quick(s); decided {
			return valid
		}
	}
	return v.format.Validate(x) == nil
}

// formats are plain functions for the formats of every record, each
// deciding the strings of the shape nearly every value has as the
// library decides them (a test compares them), and leaving any other to
// the library: a date parsed with time.Parse and a web address with
// net/url were 1% of a cold check's CPU.
var formats = map[string]func(string) (valid, decided bool){
	// YYYY-MM-DD in digits: a date when the month and the day are in
	// range, as time.Parse with "2006-01-02" has them.
	"date": func(s string) (bool, bool) {
		if len(s) != 10 || s[4] != '-' || s[7] != '-' {
			return false, false
		}
		num := func(from, to int) int {
			n := 0
			for _, c := range []byte(s[from:to]) {
				if c < '0' || c > '9' {
					return -1
				}
				n = n*10 + int(c-'0')
			}
			return n
		}
		year, month, day := num(0, 4), num(5, 7), num(8, 10)
		if year < 0 || month < 0 || day < 0 {
			return false, false
		}
		if month < 1 || month > 12 {
			return false, true
		}
		return day >= 1 && day <= daysIn(month, year), true
	},
	// http:// or https://, a host of letters, digits, dots and hyphens,
	// and a path of those, slashes, underscores and tildes: an absolute
	// address to net/url.
	"uri": func(s string) (bool, bool) {
		rest, ok := strings.CutPrefix(s, "https://")
		if !ok {
			if rest, ok = strings.CutPrefix(s, "http://"); !ok {
				return false, false
			}
		}
		host, _, _ := strings.Cut(rest, "/")
		if host == "" {
			return false, false
		}
		for i := 0; i < len(rest); i++ {
			c := rest[i]
			plain := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
			if !plain && (i < len(host) || c != '/' && c != '_' && c != '~') {
				return false, false
			}
		}
		return true, true
	},
}

// daysIn is the number of days of a month (1 to 12) of a year of the
// proleptic Gregorian calendar, as package time counts them.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

// patterns are plain functions for the schemas' most common patterns, each
// matching what the expression matches (a test compares them).
var patterns = map[string]func(string) bool{
	// Not blank: a character other than the five that \s is.
	`\S`: func(s string) bool {
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '\t', '\n', '\f', '\r', ' ':
			default:
				return true
			}
		}
		return false
	},
	`^https?://`: func(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") },
	// An id: a lower-case letter or digit, then those and hyphens.
	`^[a-z0-9][a-z0-9-]*$`: func(s string) bool {
		if s == "" || s[0] == '-' {
			return false
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
		return true
	},
	// A slug, the schema's for ids and references to them.
	`^[a-z0-9][a-z0-9-]{1,62}$`: record.ValidID,
	// An e-mail address: one @ with something on either side, and no
	// white space (\s, all ASCII, so never part of a longer character).
	`^[^@\s]+@[^@\s]+$`: func(s string) bool {
		at := strings.IndexByte(s, '@')
		if at <= 0 || at == len(s)-1 || strings.IndexByte(s[at+1:], '@') >= 0 {
			return false
		}
		return !strings.ContainsAny(s, "\t\n\f\r ")
	},
	// A date, YYYY-MM-DD, with a month of 01 to 12 and a day of 01 to 31.
	`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`: func(s string) bool {
		digit := func(c byte) bool { return c >= '0' && c <= '9' }
		if len(s) != 10 || s[4] != '-' || s[7] != '-' {
			return false
		}
		for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
			if !digit(s[i]) {
				return false
			}
		}
		month, day := s[5:7], s[8:10]
		return month >= "01" && month <= "12" && day >= "01" && day <= "31"
	},
}

// exactFloat returns r as a float64 when that is exact.
func exactFloat(r *big.Rat) *float64 {
	if r == nil {
		return nil
	}
	if f, exact := r.Float64(); exact {
		return &f
	}
	return nil
}

func (j *judge) number(v *verdict, x json.Number) bool {
	if v.exMin == nil && v.exMax == nil && v.multipleOf == nil && (v.min == nil) == (v.fmin == nil) && (v.max == nil) == (v.fmax == nil) {
		// Rounding to float64 keeps the order to a bound that float64
		// holds exactly, unless it rounds onto the bound itself.
		if f, err := strconv.ParseFloat(string(x), 64); err == nil &&
			(v.fmin == nil || f != *v.fmin) && (v.fmax == nil || f != *v.fmax) {
			return (v.fmin == nil || f > *v.fmin) && (v.fmax == nil || f < *v.fmax)
		}
	}
	n, ok := new(big.Rat).SetString(string(x))
	if !ok {
		j.unsure = true
		return false
	}
	switch {
	case v.min != nil && n.Cmp(v.min) < 0,
		v.max != nil && n.Cmp(v.max) > 0,
		v.exMin != nil && n.Cmp(v.exMin) <= 0,
		v.exMax != nil && n.Cmp(v.exMax) >= 0:
		return false
	case v.multipleOf != nil:
		if v.multipleOf.Sign() == 0 {
			j.unsure = true
			return false
		}
		return new(big.Rat).Quo(n, v.multipleOf).IsInt()
	}
	return true
}

func (j *judge) conditions(v *verdict, x any) bool {
	if v.notV != nil && j.valid(v.notV, x) {
		return false
	}
	for _, s := range v.allOf {
		if !j.valid(s, x) {
			return false
		}
	}
	if len(v.anyOf) > 0 {
		matched := false
		for _, s := range v.anyOf {
			if j.valid(s, x) {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	if len(v.oneOf) > 0 {
		matched := 0
		for _, s := range v.oneOf {
			if j.valid(s, x) {
				matched++
			}
		}
		if matched != 1 {
			return false
		}
	}
	if v.ifV != nil {
		if j.valid(v.ifV, x) {
			if v.thenV != nil && !j.valid(v.thenV, x) {
				return false
			}
		} else if v.elseV != nil && !j.valid(v.elseV, x) {
			return false
		}
	}
	return true
}

// integer reports whether a number is whole, as the library decides it.
func (j *judge) integer(x any) bool {
	n, ok := x.(json.Number)
	if !ok {
		return false
	}
	if wholeNumber(string(n)) {
		return true
	}
	r, ok := new(big.Rat).SetString(string(n))
	if !ok {
		j.unsure = true
		return false
	}
	return r.IsInt()
}

// wholeNumber reports whether s is a whole number in decimal digits, with an
// optional minus sign.
func wholeNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// equal compares two values as the library's equality does: numbers by
// value, mappings and lists item by item.
func (j *judge) equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		bb, ok := b.(bool)
		return ok && a == bb
	case string:
		bb, ok := b.(string)
		return ok && a == bb
	case json.Number:
		bb, ok := b.(json.Number)
		if !ok {
			if typeOf(b) == tInvalid {
				j.unsure = true
			}
			return false
		}
		ra, ok1 := new(big.Rat).SetString(string(a))
		rb, ok2 := new(big.Rat).SetString(string(bb))
		if !ok1 || !ok2 {
			j.unsure = true
			return false
		}
		return ra.Cmp(rb) == 0
	case []any:
		bb, ok := b.([]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !j.equal(a[i], bb[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bb, ok := b.(map[string]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for k, va := range a {
			vb, ok := bb[k]
			if !ok || !j.equal(va, vb) {
				return false
			}
		}
		return true
	}
	j.unsure = true
	return false
}
