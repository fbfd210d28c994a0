package importcsv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/source"
)

// ReadJSON reads records from JSON: the register's own open data
// (register.json, records in the record format), entries of the national
// algorithm register (its v1.0 API entries or its public listing), or the
// features of a GeoJSON map layer; one entry, a list of entries, or an
// object holding one such list. Each entry
// is read as a row whose columns are its keys (nested objects as dotted
// keys, lists as JSON), so mapping files work as they do for spreadsheets;
// without one, the shape of the entries picks the ready-made map. Findings
// give the line and column at which an entry starts.
func ReadJSON(name string, data []byte, opts Options) (*Result, error) {
	if err := checkOptions(name, data, &opts); err != nil {
		return nil, err
	}
	data, err := fromUTF16(name, data)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := source.FirstInvalidUTF8(data); i < len(data) {
		// encoding/json would read the byte as U+FFFD and change the text.
		return nil, msgJSONNotUTF8.Err(positionOf(name, data, i), data[i])
	}
	entries, at, err := jsonEntries(data)
	if te, ok := errors.AsType[*tooDeep](err); ok {
		return nil, msgTooDeep.Err(name, te.line, te.col, maxJSONDepth)
	}
	if err != nil {
		return nil, msgReadFailed.Err(name, err)
	}
	if len(entries) == 0 {
		return nil, msgNoEntries.Err(name)
	}
	for i, e := range entries {
		entries[i] = fromFeature(e)
	}
	t := &table{keys: true, null: map[string]bool{}}
	seen := map[string]bool{}
	valued := map[string]bool{} // keys some entry gives a value for
	vals := make([]entryValues, len(entries))
	nulls := make([][]string, len(entries)) // each entry's keys given as null
	twice := make([][]string, len(entries)) // each entry's keys given twice in one object
	for i, e := range entries {
		vals[i] = entryValues{text: map[string]string{}}
		flatten(e, at[i].off, &vals[i], func(k string, g given) {
			switch g {
			case givenTwice:
				if !slices.Contains(twice[i], k) {
					twice[i] = append(twice[i], k)
				}
				return
			case givenNull:
				nulls[i] = append(nulls[i], k)
			}
			if !seen[k] {
				seen[k] = true
				t.head = append(t.head, k)
			}
		})
	}
	res := &Result{}
	if opts.Mapping == nil {
		if m := jsonMap(t.head); m != "" {
			mp, err := LoadMapping(m)
			if err != nil {
				return nil, err
			}
			opts.Mapping = mp
			res.Findings = append(res.Findings, finding.Finding{File: name, Line: 1, Rule: RuleImport, Severity: finding.Info,
				Message: msgReadWithMap.With(m).Pair(), Help: msgOtherMap.With().Pair()})
		}
	}
	// A value of another shape than its field takes is not read as some
	// value of the field: the entry is not imported.
	misshapen := make([][]shapeError, len(entries))
	for i := range entries {
		misshapen[i] = checkShapes(&vals[i], opts.Mapping)
		for _, k := range nulls[i] {
			if nullInPublication(opts.Mapping, k) {
				misshapen[i] = append(misshapen[i], shapeError{key: k, off: at[i].off, says: msgPublicationNull, hint: msgPublicationHelp})
			}
		}
	}
	for i := range entries {
		if len(twice[i]) > 0 || len(misshapen[i]) > 0 {
			continue // said below, and not imported
		}
		for k := range vals[i].text {
			valued[k] = true
		}
		cells := make([]string, len(t.head))
		for j, h := range t.head {
			cells[j] = vals[i].text[h]
		}
		t.rows = append(t.rows, tableRow{line: at[i].line, col: at[i].col, cells: cells})
	}
	for _, keys := range nulls {
		for _, k := range keys {
			t.null[k] = !valued[k]
		}
	}
	if err := run(name, t, opts, res); err != nil {
		return nil, err
	}
	for i, keys := range twice {
		if len(keys) == 0 && len(misshapen[i]) == 0 {
			continue
		}
		res.Rows++
		nulls[i] = nil
		// Two values for one field: taking either would write a record
		// the source does not clearly give.
		for _, k := range keys {
			res.Findings = append(res.Findings, finding.Finding{File: name, Line: at[i].line, Column: at[i].col, Rule: RuleImport, Severity: finding.Error,
				Message: msgKeyTwice.With(k).Pair(), Help: msgKeepOneValue.With().Pair()})
		}
		for _, e := range misshapen[i] {
			line, col := source.Position(data, e.off)
			res.Findings = append(res.Findings, finding.Finding{File: name, Line: line, Column: col, Rule: RuleImport, Severity: finding.Error,
				Message: e.message().Pair(), Help: e.help().Pair()})
		}
	}
	if opts.Mapping == nil {
		// In the record format, null is what the register's own JSON
		// writes for a value given but no value of its field (a quantity
		// that is no count): left out, the record would read as the
		// format's default, so it is said.
		for i, keys := range nulls {
			for _, k := range keys {
				help := msgNullHelp
				if k == "quantity" {
					// Left out, a quantity reads as 1: that is said for quantity alone.
					help = msgNullQuantityHelp
				}
				res.Findings = append(res.Findings, finding.Finding{File: name, Line: at[i].line, Column: at[i].col, Rule: RuleImport, Severity: finding.Warning,
					Message: msgNullLeftOut.With(k).Pair(), Help: help.With(k).Pair()})
			}
		}
	}
	return res, nil
}

// jsonMap picks the ready-made map for entries by their keys: the national
// register's v1.0 fields, or its public listing's; "" for records in the
// record format.
func jsonMap(head []string) string {
	switch {
	case slices.Contains(head, "kind") && slices.Contains(head, "id"):
		return ""
	case slices.Contains(head, "objection_procedure") || slices.Contains(head, "dpia_description"):
		return "algoritmeregister-v0.1-json"
	case slices.Contains(head, "lars") || slices.Contains(head, "description_short"):
		return "algoritmeregister-json"
	case slices.Contains(head, "juridische_basis") || slices.Contains(head, "doel") || slices.Contains(head, "organisatie"):
		return "algoritmeregister-lijst-json"
	}
	return ""
}

// entryAt is where an entry starts: its line and column, and its offset
// in the file.
type entryAt struct{ line, col, off int }

// startOf is the position of the entry that starts at byte offset off of
// data.
func startOf(data []byte, off int) entryAt {
	line, col := source.Position(data, off)
	return entryAt{line, col, off}
}

// jsonEntries finds the entries in a JSON document with where each starts:
// a list of objects, one object, or an object with one list of objects
// among its values ({"records": [...]}, {"algoritmes": [...]}).
func jsonEntries(data []byte) ([]object, []entryAt, error) {
	var top json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&top); err != nil {
		// Where the reader stopped: the character it could not take, or
		// the end of a file that stops short.
		at := len(data)
		se, ok := errors.AsType[*json.SyntaxError](err)
		if ok {
			at = min(max(int(se.Offset)-1, 0), len(data))
		}
		line, col := source.Position(data, at)
		if ok && strings.HasSuffix(se.Error(), "exceeded max depth") {
			return nil, nil, &tooDeep{line, col}
		}
		return nil, nil, msgNotJSON.Err(line, col, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, nil, msgTwoValues.Err()
	}
	trimmed := bytes.TrimSpace(top)
	start := bytes.Index(data, trimmed) // the value's offset in the file
	switch {
	case len(trimmed) > 0 && trimmed[0] == '[':
		return listEntries(data, start)
	case len(trimmed) > 0 && trimmed[0] == '{':
		var obj object
		if err := json.Unmarshal(trimmed, &obj); err != nil {
			return nil, nil, err
		}
		if _, ok := obj.get("records"); !ok && isOpenDataIndex(obj) {
			return nil, nil, msgOpenDataIndex.Err()
		}
		if _, ok := obj.get("name"); !ok {
			if _, ok := obj.get("lars"); !ok {
				// A wrapper: the one value that is a list of objects.
				var lists []member
				for _, m := range obj {
					if t := bytes.TrimSpace(m.value); len(t) > 1 && t[0] == '[' && bytes.HasPrefix(bytes.TrimSpace(t[1:]), []byte("{")) {
						lists = append(lists, m)
					}
				}
				if len(lists) == 0 {
					if m, ok := obj.member("records"); ok {
						// The register's own JSON lists its records under
						// "records": it is the wrapper, whatever it holds.
						if !holdsObject(m.value) {
							return nil, nil, msgNoRecordObjects.Err(source.Position(data, start+m.at))
						}
						lists = append(lists, m)
					}
				}
				if len(lists) == 1 {
					return listEntries(data, start+lists[0].at)
				}
				if len(lists) > 1 {
					keys := make([]string, len(lists))
					for i, m := range lists {
						keys[i] = m.key
					}
					slices.Sort(keys)
					return nil, nil, msgSeveralLists.Err(strings.Join(keys, ", "))
				}
			}
		}
		return []object{obj}, []entryAt{startOf(data, start)}, nil
	}
	return nil, nil, msgNoObject.Err()
}

// maxJSONDepth is how deep encoding/json reads lists and objects nested
// in each other.
const maxJSONDepth = 10000

// tooDeep is the error of JSON nested deeper than encoding/json reads, at
// the line and column where it goes too deep.
type tooDeep struct{ line, col int }

func (e *tooDeep) Error() string {
	return fmt.Sprintf("nested more than %d deep at line %d, column %d", maxJSONDepth, e.line, e.col)
}

// isOpenDataIndex reports whether obj is a site's register.json, which
// links the parts that hold the records rather than holding them.
func isOpenDataIndex(obj object) bool {
	_, parts := obj.get("parts")
	_, count := obj.get("record_count")
	return parts && count
}

// listEntries reads the list of objects that starts at offset in data.
func listEntries(data []byte, offset int) ([]object, []entryAt, error) {
	dec := json.NewDecoder(bytes.NewReader(data[offset:]))
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	var out []object
	var starts []entryAt
	for dec.More() {
		at := offset + int(dec.InputOffset())
		for at < len(data) && (data[at] == ',' || data[at] == ' ' || data[at] == '\n' || data[at] == '\r' || data[at] == '\t') {
			at++
		}
		var obj object
		if err := dec.Decode(&obj); err != nil {
			// The list is JSON already read whole: what fails is an
			// item that is no object.
			line, col := source.Position(data, at)
			return nil, nil, msgEntryNotObj.Err(len(out)+1, line, col)
		}
		out = append(out, obj)
		starts = append(starts, startOf(data, at))
	}
	return out, starts, nil
}

// fromFeature turns a GeoJSON feature (a map layer's sensor) into an entry:
// its properties as keys, a point's coordinates as latitude and longitude,
// and any other geometry and the feature's id under keys of their own, so
// they are reported rather than lost. Any other entry is returned as it is.
func fromFeature(e object) object {
	typ, _ := e.get("type")
	if string(bytes.TrimSpace(typ)) != `"Feature"` {
		return e
	}
	var out object
	if props, ok := e.member("properties"); ok {
		var p object
		if json.Unmarshal(props.value, &p) == nil {
			for _, m := range p {
				m.at += props.at // where it is in the feature
				out = append(out, m)
			}
		}
	}
	if geom, ok := e.member("geometry"); ok {
		var g struct {
			Type        string            `json:"type"`
			Coordinates []json.RawMessage `json:"coordinates"`
		}
		if json.Unmarshal(geom.value, &g) == nil && g.Type == "Point" && len(g.Coordinates) >= 2 {
			out = append(out, member{key: "latitude", value: g.Coordinates[1], at: geom.at}, member{key: "longitude", value: g.Coordinates[0], at: geom.at})
		} else if string(bytes.TrimSpace(geom.value)) != "null" {
			out = append(out, member{key: "geometry", value: geom.value, at: geom.at})
		}
	}
	if id, ok := e.member("id"); ok {
		out = append(out, member{key: "feature.id", value: id.value, at: id.at})
	}
	return out
}

// maxDepth bounds how deep nested objects are read into dotted keys; the
// record format nests three levels.
const maxDepth = 8

// object is a JSON object with its keys in the order the file gives them.
type object []member

type member struct {
	key   string
	value json.RawMessage
	at    int  // the offset of value in the object's text
	again bool // the key was given before in the same object
}

// UnmarshalJSON reads an object keeping the order of its keys.
func (o *object) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return msgNotObject.Err()
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		k := fmt.Sprint(t)
		*o = append(*o, member{key: k, value: v, at: int(dec.InputOffset()) - len(v), again: seen[k]})
		seen[k] = true
	}
	return nil
}

func (o object) get(k string) (json.RawMessage, bool) {
	m, ok := o.member(k)
	return m.value, ok
}

// member is the first member of o with key k.
func (o object) member(k string) (member, bool) {
	for _, m := range o {
		if m.key == k {
			return m, true
		}
	}
	return member{}, false
}

// holdsObject reports whether v is a list with an object among its items.
func holdsObject(v json.RawMessage) bool {
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		return false
	}
	return slices.ContainsFunc(items, func(it json.RawMessage) bool {
		it = bytes.TrimSpace(it)
		return len(it) > 0 && it[0] == '{'
	})
}

// given is how an entry gives a key.
type given int

const (
	givenValue given = iota
	givenNull
	givenTwice // a second time in the same object
)

// entryValues are an entry's values: as the cells of a row, and as the
// JSON gives them, each with the offset in the file where it starts.
type entryValues struct {
	text    map[string]string // dotted key → the cell it is read as
	values  []jsonValue       // every key given a value other than null, in the entry's order
	objects []jsonValue       // every key given an object, whose keys are read as dotted keys below it
}

// jsonValue is a value of an entry as the file gives it.
type jsonValue struct {
	key string // dotted
	raw []byte // the value's JSON
	off int    // where it starts in the file
}

// flatten reads an entry's values as cells into ev: texts as they are,
// numbers as written, nested objects under dotted keys, lists as JSON;
// every value also as the JSON it is, at its offset in the file (the
// entry starts at offset base). key is called for every key in the order
// the entry gives them, and says how the entry gives it. A field given
// twice is said under its path: a key twice in one object, also inside a
// list; nested and dotted ("owner": {"email": ...} and "owner.email"); or
// whole and in part ("owner": null and "owner.email").
func flatten(obj object, base int, ev *entryValues, key func(k string, g given)) {
	e := entryPaths{leaves: map[string]bool{}, parents: map[string]bool{}}
	e.flatten(obj, "", base, ev, key)
}

// entryPaths are the paths an entry has given so far.
type entryPaths struct {
	leaves  map[string]bool // given a value, null, or a list
	parents map[string]bool // the paths above a leaf
}

// add marks path as given, or returns the path already given that it
// gives again: itself, a whole it is part of, or "" when none.
func (e *entryPaths) add(path string) string {
	if e.leaves[path] || e.parents[path] {
		return path
	}
	for i := range len(path) {
		if path[i] == '.' && e.leaves[path[:i]] {
			return path[:i]
		}
	}
	e.leaves[path] = true
	for i := range len(path) {
		if path[i] == '.' {
			e.parents[path[:i]] = true
		}
	}
	return ""
}

// flatten reads the members of obj, an object that starts at offset base
// in the file, under prefix.
func (e *entryPaths) flatten(obj object, prefix string, base int, ev *entryValues, key func(k string, g given)) {
	for _, m := range obj {
		v := bytes.TrimSpace(m.value)
		at := base + m.at + len(m.value) - len(bytes.TrimLeft(m.value, " \t\r\n"))
		path := prefix + m.key
		if m.again {
			key(path, givenTwice)
			continue
		}
		if len(v) > 0 && v[0] == '{' && strings.Count(path, ".") < maxDepth {
			var sub object
			if json.Unmarshal(v, &sub) == nil {
				ev.objects = append(ev.objects, jsonValue{key: path, raw: v, off: at})
				e.flatten(sub, path+".", at, ev, key)
			}
			continue
		}
		if p := e.add(path); p != "" {
			// Both would fill one field, or the same cell: either
			// silently wins.
			key(p, givenTwice)
			continue
		}
		if len(v) > 0 && string(v) != "null" {
			ev.values = append(ev.values, jsonValue{key: path, raw: v, off: at})
		}
		out := ev.text
		switch {
		case len(v) == 0 || string(v) == "null":
			g := givenValue
			if string(v) == "null" {
				g = givenNull
			}
			key(path, g)
		case v[0] == '{':
			// Deeper than any record: kept whole under its key, which is
			// then reported as a column the record has no place for.
			key(path, givenValue)
			out[path] = string(v)
		case v[0] == '"':
			var s string
			_ = json.Unmarshal(v, &s)
			key(path, givenValue)
			out[path] = s
		default: // numbers, booleans and lists as written
			key(path, givenValue)
			out[path] = string(v)
			if v[0] == '[' {
				// A list is written into the record as it is: a key
				// given twice in it would be written twice, and the
				// record would not load.
				keysTwice(v, path, func(p string) { key(p, givenTwice) })
			}
		}
	}
}

// keysTwice calls twice with the path of each key that v, JSON, gives a
// second time in one object, at any depth: dotted below prefix, with the
// items of a list numbered from 0 as a record's paths are
// ("decisions.0.body").
func keysTwice(v []byte, prefix string, twice func(path string)) {
	dec := json.NewDecoder(bytes.NewReader(v))
	_ = walkKeys(dec, prefix, twice)
}

// walkKeys reads the value dec is at, saying the keys it gives twice.
func walkKeys(dec *json.Decoder, path string, twice func(path string)) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	switch t {
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := walkKeys(dec, path+"."+strconv.Itoa(i), twice); err != nil {
				return err
			}
		}
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			ks, _ := k.(string)
			p := path + "." + ks
			if seen[ks] {
				// Said once, as for a key at the top: what the second
				// value holds is not read.
				twice(p)
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return err
				}
				continue
			}
			seen[ks] = true
			if err := walkKeys(dec, p, twice); err != nil {
				return err
			}
		}
	default:
		return nil // a text, number, boolean or null
	}
	_, err = dec.Token() // the closing bracket
	return err
}
