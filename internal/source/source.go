// Package source reads one YAML file into a JSON-compatible value while
// keeping the parsed node tree for positions. It is the register's defence
// against hostile input: size, nesting and alias limits, invalid UTF-8, NUL
// bytes, duplicate and non-string keys, NaN and Inf, several documents in one
// file. Every problem becomes a finding with rule "yaml" and a position, never
// a panic.
package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/message"
)

// Limits bound what one file may cost to read.
type Limits struct {
	MaxBytes   int64 // the file's size
	MaxDepth   int   // nesting of mappings and sequences
	AliasNodes int   // values that alias expansion may add in all
	// AliasBytes bounds the text (scalars and keys) that alias expansion may
	// add in all: a few aliases of one large value cost as much as many
	// small ones. Zero allows none, as for AliasNodes.
	AliasBytes int64
}

// DefaultLimits are generous for a record (a typical record is 2 KB, four
// levels deep, and has no aliases) and small enough that no file can hurt.
// Anchors repeat short values (a date, a name, a short list), far below
// AliasBytes; at most, expansion adds as much again as the largest file.
var DefaultLimits = Limits{MaxBytes: 1 << 20, MaxDepth: 32, AliasNodes: 1000, AliasBytes: 1 << 20}

// MsgEmpty is the message of the finding for a file with no document, so a
// caller for which an empty file is fine (register.yaml) can recognise it.
const MsgEmpty = "file is empty"

// Document is a parsed YAML file.
type Document struct {
	// Path is the file's path as shown in findings.
	Path string
	// Root is the document's top node (a mapping for a record).
	Root *yaml.Node
	// Value is the JSON-compatible value: map[string]any, []any, string,
	// json.Number, bool or nil. Dates stay strings. A Document from Tree
	// has none.
	Value any

	mu   sync.Mutex
	keys map[*yaml.Node]map[string]int // large mappings' keys, for Find
}

// Parse reads data as a single YAML document. It returns the document, or nil
// and the findings that explain why the file cannot be read.
func Parse(path string, data []byte, lim Limits) (*Document, []finding.Finding) {
	doc, fs := Tree(path, data, lim)
	if doc == nil {
		return nil, fs
	}
	c := converter{path: path, lim: lim}
	v := c.convert(doc.Root, 0)
	if c.stop != nil {
		return nil, []finding.Finding{*c.stop}
	}
	if len(c.found) > 0 {
		return nil, c.found
	}
	doc.Value = v
	return doc, nil
}

// Tree reads data into a node tree only, with the same checks of size,
// encoding, syntax and document count as Parse but without building the
// value: enough to locate a field (Document.Locate) in a file already read.
func Tree(path string, data []byte, lim Limits) (*Document, []finding.Finding) {
	fail := func(line, col int, msg, help message.Phrase) (*Document, []finding.Finding) {
		return nil, []finding.Finding{worded(finding.Finding{File: path, Line: line, Column: col, Rule: finding.RuleYAML,
			Severity: finding.Error}, msg, help)}
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return fail(0, 0, MsgTooBig.With(len(data), lim.MaxBytes), MsgSplit.With())
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return fail(1, 1, msgUTF16.With(), msgSaveUTF8.With())
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := Position(data, i)
		return fail(line, col, msgNUL.With(), msgSaveText.With())
	}
	if !utf8.Valid(data) {
		i := FirstInvalidUTF8(data)
		line, col := Position(data, i)
		return fail(line, col, msgNotUTF8.With(), msgSaveUTF8.With())
	}
	// Only a file with a '---' or '...' line can hold several documents;
	// reading it document by document costs more, so only such files do.
	docs := hasDocumentMarker(data)
	root, extra, err := decode(data, docs)
	switch {
	case err != nil:
		return fail(syntaxFinding(data, err, docs))
	case extra != nil:
		return fail(extra.Line, extra.Column, msgTwoDocs.With(), msgOneDoc.With())
	case root.Kind == 0:
		return fail(0, 0, msgEmpty.With(), msgWriteFields.With())
	}
	top := root
	if top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		top = top.Content[0]
	}
	return &Document{Path: path, Root: top}, nil
}

// decode reads data into a node tree: as one document, or with docs (a
// file with document markers) document by document, when a second
// document is returned as extra. root is of kind 0 for a file with none;
// err is a syntax error.
func decode(data []byte, docs bool) (root, extra *yaml.Node, err error) {
	root = new(yaml.Node)
	if !docs {
		return root, nil, safeDecode(func(v any) error { return yaml.Unmarshal(data, v) }, root)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	switch err := safeDecode(dec.Decode, root); {
	case errors.Is(err, io.EOF):
		return root, nil, nil
	case err != nil:
		return nil, nil, err
	}
	extra = new(yaml.Node)
	switch err := safeDecode(dec.Decode, extra); {
	case errors.Is(err, io.EOF):
		return root, nil, nil
	case err != nil:
		return nil, nil, err
	}
	return root, extra, nil
}

// safeDecode turns a panic inside the YAML library into an error: no input
// may crash the program.
func safeDecode(decode func(any) error, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser could not read this file (%v)", r)
		}
	}()
	return decode(n)
}

// hasDocumentMarker reports whether a line starts with a document marker
// ('---' or '...' followed by a space or the line's end).
func hasDocumentMarker(data []byte) bool {
	for i := 0; i < len(data); {
		if len(data)-i >= 3 && (data[i] == '-' || data[i] == '.') && data[i+1] == data[i] && data[i+2] == data[i] {
			if len(data)-i == 3 || data[i+3] == ' ' || data[i+3] == '\t' || data[i+3] == '\n' || data[i+3] == '\r' {
				return true
			}
		}
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// FirstInvalidUTF8 is the offset of the first byte of b that is not part
// of a valid UTF-8 character, or len(b) when there is none.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// LineStart is the offset at which the 1-based line n of data starts, or
// len(data) when it has fewer lines.
func LineStart(data []byte, n int) int {
	off := 0
	for range n - 1 {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

// Position turns a byte offset of b into a 1-based line and column, the
// column in characters, as every finding counts them.
func Position(b []byte, off int) (int, int) {
	line := 1 + bytes.Count(b[:off], []byte{'\n'})
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(b[start:off])
}

type converter struct {
	path         string
	lim          Limits
	aliased      int        // values alias expansion added
	aliasedBytes int64      // bytes of text alias expansion added
	inAlias      int        // depth of aliases being expanded
	alias        *yaml.Node // the outermost alias being expanded, as written in the file
	found        []finding.Finding
	stop         *finding.Finding // a limit was hit: conversion stops at once
}

func (c *converter) add(n *yaml.Node, msg, help message.Phrase) {
	c.found = append(c.found, worded(finding.Finding{File: c.path, Line: n.Line, Column: n.Column, Rule: finding.RuleYAML,
		Severity: finding.Error}, msg, help))
}

func (c *converter) halt(n *yaml.Node, msg, help message.Phrase) {
	if c.stop == nil {
		f := worded(finding.Finding{File: c.path, Line: n.Line, Column: n.Column, Rule: finding.RuleYAML,
			Severity: finding.Error}, msg, help)
		c.stop = &f
	}
}

func (c *converter) convert(n *yaml.Node, depth int) any {
	if c.stop != nil {
		return nil
	}
	if depth > c.lim.MaxDepth {
		c.halt(n, msgTooDeep.With(c.lim.MaxDepth), msgFewLevels.With())
		return nil
	}
	if c.inAlias > 0 {
		c.aliased++
		if c.aliased > c.lim.AliasNodes {
			c.halt(n, msgAliases.With(c.lim.AliasNodes), msgWriteOut.With())
			return nil
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return c.convert(n.Content[0], depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		if c.inAlias == 0 {
			c.alias = n
		}
		c.inAlias++
		v := c.convert(n.Alias, depth)
		c.inAlias--
		return v
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			out = append(out, c.convert(item, depth+1))
		}
		return out
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			// A key is counted even when it is refused: its finding quotes it.
			if !c.addAliasBytes(len(k.Value)) {
				return nil
			}
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				if k.ShortTag() == "!!merge" {
					c.add(k, msgMergeKey.With(), msgFieldsOut.With())
				} else {
					c.add(k, msgKeyNotText.With(describeKey(k)), msgKeysAreText.With())
				}
				continue
			}
			if _, dup := out[k.Value]; dup {
				c.add(k, msgKeyTwice.With(k.Value), msgMergeTwice.With())
				continue
			}
			out[k.Value] = c.convert(v, depth+1)
		}
		return out
	case yaml.ScalarNode:
		if !c.addAliasBytes(len(n.Value)) {
			return nil
		}
		return c.scalar(n)
	}
	return nil
}

// addAliasBytes counts n bytes of text that alias expansion adds, if one
// is being expanded, and halts at the alias written in the file when they
// go over the limit: the count of values alone lets a few aliases of one
// large value multiply a file's size hundreds of times. It reports whether
// conversion may go on.
func (c *converter) addAliasBytes(n int) bool {
	if c.inAlias == 0 {
		return true
	}
	c.aliasedBytes += int64(n)
	if c.aliasedBytes > c.lim.AliasBytes {
		c.halt(c.alias, msgAliasBytes.With(c.lim.AliasBytes), msgShortenAnchor.With())
		return false
	}
	return true
}

// describeKey names a key that is not text: its value quoted, or what
// kind of node it is.
func describeKey(k *yaml.Node) any {
	switch k.Kind {
	case yaml.MappingNode:
		return wMappingKey
	case yaml.SequenceNode:
		return wListKey
	case yaml.AliasNode:
		return wAliasKey
	}
	return strconv.Quote(k.Value)
}

func (c *converter) scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return n.Value
		}
		return b
	case "!!int":
		return c.integer(n)
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			if strings.Contains(strings.ToLower(n.Value), "nan") || strings.Contains(strings.ToLower(n.Value), "inf") {
				c.add(n, msgNaN.With(n.Value), msgFinite.With())
			} else {
				c.add(n, msgNotNumber.With(n.Value), msgFinite.With())
			}
			return nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	default:
		// !!str, !!timestamp (dates stay text), !!binary and custom tags.
		return n.Value
	}
}

// integer reads a scalar the YAML reader took for a whole number as YAML
// 1.2's core schema does, as the editors and the schema check a steward
// sees read it: decimal, leading zeros and all ("017" is 17, where YAML
// 1.1 read octal 15), 0o octal and 0x hexadecimal. What only YAML 1.1 took
// for a number, and read as another than the file shows ("0b101" as 5,
// "-0x10"), is text, which the schema reports where a number belongs;
// tagged !!int, it is an error of its own.
func (c *converter) integer(n *yaml.Node) any {
	s := n.Value
	// Single underscores between digits ("2_000_000") are read as YAML
	// 1.1 read them: they leave the number the file shows. "1_" and
	// "1__2" are text.
	if d := strings.ReplaceAll(s, "_", ""); isDecimal(d) && !strings.Contains(s, "__") && !strings.HasPrefix(strings.TrimLeft(s, "+-"), "_") && !strings.HasSuffix(s, "_") {
		if i, err := strconv.ParseInt(d, 10, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		// Too large for 64 bits: kept exact, written without a plus or
		// leading zeros as JSON writes a number.
		return json.Number(plainDecimal(d))
	}
	if (strings.HasPrefix(s, "0o") || strings.HasPrefix(s, "0x")) && !strings.Contains(s, "_") {
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		} else if errors.Is(err, strconv.ErrRange) {
			c.add(n, msgTooLarge.With(n.Value), msgSmaller.With())
			return nil
		}
	}
	if n.Style&yaml.TaggedStyle != 0 {
		// "!!int abc": a tag that forces text to be a number.
		c.add(n, msgNotWhole.With(n.Value), msgDigitsOnly.With())
		return nil
	}
	return s
}

// plainDecimal writes the decimal s (isDecimal) as JSON writes a number:
// without a plus and without leading zeros.
func plainDecimal(s string) string {
	minus := strings.HasPrefix(s, "-")
	digits := strings.TrimLeft(strings.TrimLeft(s, "+-"), "0")
	switch {
	case digits == "":
		return "0"
	case minus:
		return "-" + digits
	}
	return digits
}

// isDecimal reports whether s is an optionally signed run of digits.
func isDecimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
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
