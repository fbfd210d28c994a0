// Package fielddiff compares two versions of a record field by field: which
// fields were added, removed or changed, with their old and new values. A
// reviewer asks "the retention went from P28D to P7D", not "line 31 changed",
// so history, the change feed and the review packet show these rather than a
// line diff.
package fielddiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/source"
)

// Op is what happened to a field.
type Op string

// The three kinds of change.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Changed Op = "changed"
)

// Change is one field that differs between two versions.
type Change struct {
	// Path is the field's JSON Pointer ("/lifecycle/end", "/decisions/1");
	// "" is the whole record (a file added or removed). List elements are
	// numbered as in the new version, or in the old one when removed.
	Path string `json:"path"`
	Op   Op     `json:"op"`
	// Old and New are JSON-compatible values (map[string]any, []any, string,
	// json.Number, bool or nil); Old is nil when added, New when removed.
	Old any `json:"old,omitempty"`
	New any `json:"new,omitempty"`
}

// String describes the change on one line, for terminals and feeds.
func (c Change) String() string {
	p := c.Path
	if p == "" {
		p = "(record)"
	}
	switch c.Op {
	case Added:
		return fmt.Sprintf("%s added: %s", p, Format(c.New))
	case Removed:
		return fmt.Sprintf("%s removed (was %s)", p, Format(c.Old))
	default:
		return fmt.Sprintf("%s: %s → %s", p, Format(c.Old), Format(c.New))
	}
}

// Diff compares two JSON-compatible values, as source.Parse produces them.
// A nil side means the whole record is absent: one change at path "".
// Mappings are compared key by key; lists by their longest common run of
// equal elements, so inserting one decision at the top does not report every
// later one as changed; an element replaced in place is compared field by
// field when both sides are mappings. The result is in document order of the
// new version, with removals where they were.
func Diff(old, new any) []Change {
	var out []Change
	diff("", old, new, &out, true)
	return out
}

// YAML parses two versions of a record with the hardened reader and diffs
// them. An empty side (nil or no bytes) is an absent file. A version that
// does not read as a record gives an *Unreadable error.
func YAML(old, new []byte) ([]Change, error) {
	ov, err := parse(OldVersion, old)
	if err != nil {
		return nil, err
	}
	nv, err := parse(NewVersion, new)
	if err != nil {
		return nil, err
	}
	return Diff(ov, nv), nil
}

func parse(which Version, data []byte) (any, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	doc, fs := source.Parse(string(which), data, source.DefaultLimits)
	if doc == nil {
		u := &Unreadable{Version: which}
		for _, f := range fs {
			u.Found = append(u.Found, Found{Line: f.Line, Column: f.Column, Message: f.Message})
		}
		return nil, u
	}
	return doc.Value, nil
}

// Version is one of the two versions YAML compares.
type Version string

// The two versions.
const (
	OldVersion Version = "old"
	NewVersion Version = "new"
)

// In names the version in lang: "old version", "oude versie".
func (v Version) In(lang string) string {
	switch v {
	case OldVersion:
		return msgOldVersion.In(lang)
	case NewVersion:
		return msgNewVersion.In(lang)
	}
	return msgAVersion.In(lang)
}

// Unreadable is the error of YAML when a version does not read as a
// record: which version, and what the hardened reader found wrong in it,
// where. It holds these parts rather than a sentence: a diff is kept
// between runs (the history package), and the reason is worded when shown,
// in the language of whoever reads it (In).
type Unreadable struct {
	Version Version
	// Found is what the reader found, in the order it reported it; empty
	// when it said nothing.
	Found []Found
}

// Found is one thing the reader found wrong in a version: where (line and
// column, 0 when not known), and what, as its finding says it in Dutch and
// English. The words may quote the version's text: a value or a key.
type Found struct {
	Line, Column int
	Message      label.Text
}

// In says in lang which version does not read and why: "old version: line
// 3, column 7: abc is not a whole number".
func (u *Unreadable) In(lang string) string {
	if len(u.Found) == 0 {
		return u.Version.In(lang) + ": " + msgNotYAML.In(lang)
	}
	parts := make([]string, len(u.Found))
	for i, f := range u.Found {
		parts[i] = f.In(lang)
	}
	return u.Version.In(lang) + ": " + strings.Join(parts, "; ")
}

// Error is the reason in English.
func (u *Unreadable) Error() string { return u.In(message.English) }

// In says in lang where the reader found what: "line 3, column 7: ...".
// A finding with no Dutch reads in English.
func (f Found) In(lang string) string {
	what := f.Message.In(lang)
	if what == "" {
		what = f.Message.In(message.English)
	}
	switch {
	case f.Line > 0 && f.Column > 0:
		return msgAtLineColumn.Format(lang, f.Line, f.Column, what)
	case f.Line > 0:
		return msgAtLine.Format(lang, f.Line, what)
	}
	return what
}

// The words of an Unreadable.
var (
	msgOldVersion   = message.New("old version", "oude versie")
	msgNewVersion   = message.New("new version", "nieuwe versie")
	msgAVersion     = message.New("a version", "een versie")
	msgNotYAML      = message.New("not readable YAML", "geen leesbare YAML")
	msgAtLineColumn = message.New("line %d, column %d: %s", "regel %d, kolom %d: %s")
	msgAtLine       = message.New("line %d: %s", "regel %d: %s")
)

func diff(path string, old, new any, out *[]Change, top bool) {
	switch {
	case old == nil && new == nil:
		return
	case old == nil && top:
		*out = append(*out, Change{Path: path, Op: Added, New: new})
		return
	case new == nil && top:
		*out = append(*out, Change{Path: path, Op: Removed, Old: old})
		return
	}
	om, ok1 := old.(map[string]any)
	nm, ok2 := new.(map[string]any)
	if ok1 && ok2 {
		diffMaps(path, om, nm, out)
		return
	}
	ol, ok1 := old.([]any)
	nl, ok2 := new.([]any)
	if ok1 && ok2 {
		diffLists(path, ol, nl, out)
		return
	}
	if !Equal(old, new) {
		*out = append(*out, Change{Path: path, Op: Changed, Old: old, New: new})
	}
}

func diffMaps(path string, old, new map[string]any, out *[]Change) {
	keys := make([]string, 0, len(old)+len(new))
	for k := range new {
		keys = append(keys, k)
	}
	for k := range old {
		if _, ok := new[k]; !ok {
			keys = append(keys, k)
		}
	}
	// The parsed value keeps no key order; sorting keeps output reproducible.
	slices.Sort(keys)
	for _, k := range keys {
		p := path + source.JoinPointer(k)
		ov, inOld := old[k]
		nv, inNew := new[k]
		switch {
		case !inOld:
			*out = append(*out, Change{Path: p, Op: Added, New: nv})
		case !inNew:
			*out = append(*out, Change{Path: p, Op: Removed, Old: ov})
		default:
			diff(p, ov, nv, out, false)
		}
	}
}

// diffLists aligns the lists on their longest common subsequence of equal
// elements. Between two aligned elements, removed and added elements are
// paired up in order: a pair of mappings is diffed field by field, any other
// pair is one change; what is left over is added or removed.
func diffLists(path string, old, new []any, out *[]Change) {
	n, m := len(old), len(new)
	// lcs[i][j] is the length of the LCS of old[i:] and new[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if Equal(old[i], new[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var dels, adds []int
	flush := func() {
		k := 0
		for ; k < len(dels) && k < len(adds); k++ {
			o, nw := old[dels[k]], new[adds[k]]
			p := fmt.Sprintf("%s/%d", path, adds[k])
			_, om := o.(map[string]any)
			_, nm := nw.(map[string]any)
			if om && nm {
				diff(p, o, nw, out, false)
			} else {
				*out = append(*out, Change{Path: p, Op: Changed, Old: o, New: nw})
			}
		}
		for _, i := range dels[k:] {
			*out = append(*out, Change{Path: fmt.Sprintf("%s/%d", path, i), Op: Removed, Old: old[i]})
		}
		for _, j := range adds[k:] {
			*out = append(*out, Change{Path: fmt.Sprintf("%s/%d", path, j), Op: Added, New: new[j]})
		}
		dels, adds = dels[:0], adds[:0]
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && Equal(old[i], new[j]):
			flush()
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			adds = append(adds, j)
			j++
		default:
			dels = append(dels, i)
			i++
		}
	}
	flush()
}

// Equal reports whether two JSON-compatible values are the same. Numbers
// compare by their text (json.Number), as written.
func Equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// Format writes a value compactly for one line of text: strings as they are
// (quoted when empty or multi-line), everything else as JSON.
func Format(v any) string {
	switch x := v.(type) {
	case nil:
		return "(none)"
	case string:
		if x == "" || strings.ContainsAny(x, "\n\r") {
			b, _ := json.Marshal(x)
			return string(b)
		}
		return x
	case json.Number:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
