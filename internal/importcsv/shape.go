package importcsv

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
)

// A JSON value has a shape of its own (a text, a number, true or false, a
// list, an object), and the record format gives each field one. A value
// of another shape is not turned into some value of the field: read as a
// text and then as the field's value, [[true]] became true, "ja" became
// true, 1.250 became 1250 and ["active"] became active, each written into
// the record without a word. It is an error at the value, and its entry is
// not imported.
//
// Entries in the record format (no mapping file) are held to the shapes the
// record format gives, down into the objects of its lists. Entries of
// another source, read through a mapping file, are that source's own
// shapes: a field that holds one value takes any text, number, true or
// false and reads it as the mapping says, a list field takes a text (split
// as the mapping says) or a list, but never a list or object where one
// value goes, nor a list nested in a list.

// shapeError is a value of an entry whose shape its field does not take.
type shapeError struct {
	key    string // the key, dotted, list items numbered from 0 as a record's paths are
	off    int    // where the value starts in the file
	got    any    // what the value holds (gotOf)
	want   message.Phrase
	field  string // the field the entry's key fills, when the key is not the field's own
	mapped bool   // the key is read through a mapping file
	// says, when set, is what is wrong instead, with hint for the help: of a key of
	// the publication block, which the import cannot carry over.
	says, hint *message.Text
}

// message says what the value holds and what its field takes.
func (e shapeError) message() message.Phrase {
	if e.says != nil {
		return e.says.With(e.key)
	}
	if e.field != "" {
		return msgShapeField.With(e.key, e.got, e.field, e.want)
	}
	return msgShapeRecord.With(e.key, e.got, e.want)
}

// help says what to do.
func (e shapeError) help() message.Phrase {
	if e.hint != nil {
		return e.hint.With()
	}
	if e.mapped {
		return msgShapeMappedHelp.With()
	}
	return msgShapeHelp.With()
}

// checkShapes returns the values of an entry whose shape their field does
// not take; mp is the mapping file the entry is read with, nil for the
// record format. Read with mp, a list of texts for a field of free text
// is kept as its texts, one per line, not as the list's JSON (listText).
func checkShapes(ev *entryValues, mp *Mapping) []shapeError {
	var out []shapeError
	for _, v := range ev.values {
		path, r, mapped := fieldOf(mp, v.key)
		if path == "" {
			if mp == nil && isParent(v.key) {
				// "publication": false would leave the record without
				// its publication block, and so public.
				out = append(out, shapeError{key: v.key, off: v.off, got: gotOf(v.raw), want: msgAnObject.With()})
			}
			if !mapped && inPublication(v.key) {
				// Left out on purpose only when a mapping file says so.
				out = append(out, shapeError{key: v.key, off: v.off, says: msgPublicationKey, hint: msgPublicationHelp})
			}
			continue
		}
		if mp != nil && v.raw[0] == '[' && specByPath[path].typ == typText {
			if text, ok := listText(v.raw); ok {
				ev.text[v.key] = text
				continue
			}
		}
		// Read with a mapping file, the entries are a source's, not the
		// record format's, under a built-in name too ("doel").
		e := shapeOf(v, path, r, mapped || mp != nil)
		if e != nil {
			out = append(out, *e)
		}
	}
	for _, o := range ev.objects {
		// An object is read as the fields below its key: where its key
		// is a field itself, the field would get no value, or a part of
		// the object.
		path, r, mapped := fieldOf(mp, o.key)
		if path == "" || isParent(o.key) {
			continue
		}
		e := shapeError{key: o.key, off: o.off, got: gotOf(o.raw), want: wantOf(path, r, mapped), mapped: mapped}
		if mapped || record.Fold(o.key) != record.Fold(path) {
			e.field = path
		}
		out = append(out, e)
	}
	return out
}

// fieldOf is the field a key fills, how its values are read, and whether
// the mapping file mp names it; "" when the key fills no field.
func fieldOf(mp *Mapping, key string) (string, rule, bool) {
	path, r, _, mapped := target(mp, key)
	return path, r, mapped
}

// shapeOf checks value v of the field at path; nil when the field takes
// its shape.
func shapeOf(v jsonValue, path string, r rule, mapped bool) *shapeError {
	s := specByPath[path]
	var e *shapeError
	if mapped {
		e = mappedShape(v.raw, v.off, s, r, v.key)
	} else {
		e = recordShape(v.raw, v.off, fieldTypes[path], v.key, s.typ == typNames)
	}
	if e == nil {
		return nil
	}
	e.mapped = mapped
	if mapped || record.Fold(v.key) != record.Fold(path) {
		e.field = path
	}
	return e
}

// mappedShape checks a value of a source read through a mapping file: one
// value (a text, number, true or false) for a field that holds one, for a
// list field also a list; the items of a list as the field takes them.
func mappedShape(raw []byte, off int, s spec, r rule, key string) *shapeError {
	c := raw[0]
	if !listLike(s.typ) {
		switch {
		case c == '[' && s.typ == typText:
			// Texts in a list, for a field of free text: read one per
			// line (listText), as a source such as Amsterdam's map layers
			// gives a sensor's purposes.
			if _, ok := listText(raw); !ok {
				return &shapeError{key: key, off: off, got: gotOf(raw), want: msgWantOneValue.With()}
			}
		case c == '[' || c == '{':
			return &shapeError{key: key, off: off, got: gotOf(raw), want: msgWantOneValue.With()}
		case s.typ == typInt && isNumber(raw) && !isWhole(raw):
			// A JSON number is not a spreadsheet's: 1.250 is no 1250.
			return &shapeError{key: key, off: off, got: gotOf(raw), want: message.AWholeNumber.With()}
		}
		return nil
	}
	switch {
	case c == '{':
		return &shapeError{key: key, off: off, got: gotOf(raw), want: wantOf(s.path, r, true)}
	case c != '[':
		return nil // one text, split as the mapping says
	case r.key != "":
		// Objects of which one key is the value ({"title", "link"}).
		return eachItem(raw, off, key, func(item []byte, at int, k string) *shapeError {
			if item[0] != '{' && string(item) != "null" {
				return &shapeError{key: k, off: at, got: gotOf(item), want: msgAnObject.With()}
			}
			return nil
		})
	}
	return recordShape(raw, off, fieldTypes[s.path], key, s.typ == typNames)
}

// listText is the texts and numbers of the JSON list raw, one per line;
// false when it holds anything else, or nothing.
func listText(raw []byte) (string, bool) {
	var items []any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&items) != nil || len(items) == 0 {
		return "", false
	}
	lines := make([]string, len(items))
	for i, it := range items {
		switch v := it.(type) {
		case string:
			lines[i] = v
		case json.Number:
			lines[i] = v.String()
		default:
			return "", false
		}
	}
	return strings.Join(lines, "\n"), true
}

// recordShape checks raw, at offset off, against t, the Go type of a field
// of the record format, the key's path below it dotted; names lets the
// items of a list of objects be texts, each a name (datasets). A null is
// taken anywhere: an absent value.
func recordShape(raw []byte, off int, t reflect.Type, key string, names bool) *shapeError {
	if t == nil || string(raw) == "null" {
		return nil
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	bad := &shapeError{key: key, off: off, got: gotOf(raw), want: wantOfType(t, names)}
	c := raw[0]
	switch t.Kind() {
	case reflect.String:
		if c != '"' {
			return bad
		}
	case reflect.Bool:
		if string(raw) != "true" && string(raw) != "false" {
			return bad
		}
	case reflect.Int, reflect.Int64:
		if !isNumber(raw) || !isWhole(raw) {
			return bad
		}
	case reflect.Float64:
		if !isNumber(raw) {
			return bad
		}
	case reflect.Slice, reflect.Array:
		if c != '[' {
			return bad
		}
		return eachItem(raw, off, key, func(item []byte, at int, k string) *shapeError {
			if names && item[0] == '"' {
				return nil
			}
			return recordShape(item, at, t.Elem(), k, false)
		})
	case reflect.Struct:
		if c != '{' {
			return bad
		}
		var obj object
		if json.Unmarshal(raw, &obj) != nil {
			return bad
		}
		for _, m := range obj {
			f, ok := fieldByName(t, m.key)
			if !ok {
				continue // a key the record format has not: the schema says so
			}
			if e := recordShape(bytes.TrimSpace(m.value), off+m.at, f, key+"."+m.key, false); e != nil {
				return e
			}
		}
	}
	return nil
}

// eachItem calls check with each item of the list raw, which starts at
// offset off, with where the item starts and its key (key.0, key.1, ...),
// and returns the first error it gives.
func eachItem(raw []byte, off int, key string, check func(item []byte, at int, k string) *shapeError) *shapeError {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	for i := 0; dec.More(); i++ {
		at := int(dec.InputOffset())
		for at < len(raw) && (raw[at] == ',' || raw[at] == ' ' || raw[at] == '\n' || raw[at] == '\r' || raw[at] == '\t') {
			at++
		}
		var item json.RawMessage
		if err := dec.Decode(&item); err != nil || len(item) == 0 {
			return nil
		}
		if e := check(item, off+at, key+"."+strconv.Itoa(i)); e != nil {
			return e
		}
	}
	return nil
}

// isNumber reports whether raw is a JSON number.
func isNumber(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9')
}

// isWhole reports whether the JSON number raw is written as a whole
// number: no fraction, no exponent.
func isWhole(raw []byte) bool { return !bytes.ContainsAny(raw, ".eE") }

// gotOf says what a JSON value holds, in the words of JSON: a phrase, or
// the value itself.
func gotOf(raw []byte) any {
	switch {
	case len(raw) == 0:
		return ""
	case raw[0] == '"':
		return msgAText.With()
	case raw[0] == '[':
		return message.AList.With()
	case raw[0] == '{':
		return msgAnObject.With()
	case string(raw) == "true" || string(raw) == "false":
		return string(raw) // the same in either language
	}
	return msgGotNumber.With(string(raw))
}

// wantOf says what the field at path takes, read as r says and through a
// mapping file when mapped.
func wantOf(path string, r rule, mapped bool) message.Phrase {
	s := specByPath[path]
	switch {
	case !mapped:
		return wantOfType(fieldTypes[path], s.typ == typNames)
	case !listLike(s.typ):
		return msgWantOneValue.With()
	case (s.typ == typList || s.typ == typEnumList) && r.key == "":
		return msgWantTextOrTexts.With()
	}
	return wantOfType(fieldTypes[path], s.typ == typNames)
}

// wantOfType says what a field of the Go type t takes, in the words of
// JSON; names for a list whose objects may be given as names.
func wantOfType(t reflect.Type, names bool) message.Phrase {
	if t == nil {
		return msgWantOneValue.With()
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return msgWantBool.With()
	case reflect.Int, reflect.Int64:
		return message.AWholeNumber.With()
	case reflect.Float64:
		return message.ANumber.With()
	case reflect.Struct:
		return msgAnObject.With()
	case reflect.Slice, reflect.Array:
		switch t.Elem().Kind() {
		case reflect.String:
			return msgWantTexts.With()
		case reflect.Struct:
			if names {
				return msgWantObjectsOrTexts.With()
			}
			return msgWantObjects.With()
		case reflect.Float64:
			return msgWantNumbers.With()
		}
		return msgWantLists.With()
	}
	return msgAText.With()
}

// fieldTypes are the Go types of the fields of the record format, by
// their dotted path.
var fieldTypes = func() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, s := range specs {
		t := reflect.TypeOf(record.Record{})
		for _, name := range strings.Split(s.path, ".") {
			if t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			f, ok := fieldByName(t, name)
			if !ok {
				t = nil
				break
			}
			t = f
		}
		if t != nil {
			m[s.path] = t
		}
	}
	return m
}()

// fieldByName is the type of the field of struct t whose JSON name is
// name.
func fieldByName(t reflect.Type, name string) (reflect.Type, bool) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if n, _, _ := strings.Cut(f.Tag.Get("json"), ","); n == name && f.IsExported() {
			return f.Type, true
		}
	}
	return nil, false
}

// parents are the keys of the record format that hold fields rather than a
// value ("publication", "location.point"), folded.
var parents = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range specs {
		for i := range len(s.path) {
			if s.path[i] == '.' {
				m[normalise(s.path[:i])] = true
			}
		}
	}
	return m
}()

// inPublication reports whether a dotted key or path of the record format
// is within the publication block ("publication.public"), in any case.
func inPublication(key string) bool {
	k := strings.ToLower(strings.TrimSpace(key))
	return k == "publication" || strings.HasPrefix(k, "publication.")
}

// aboutPublication reports whether a column the import has no field for
// speaks of whether the record, or a part of it, is public: a word of its
// name holds a stem of publication's words ("publication.publik", "Is
// openbaar", "Nietopenbaar", "Openbare registratie", "Vertrouwelijke
// gegevens", "Geheime locatie"), unless it is a phrase about something
// else that is public ("openbare ruimte", "openbare orde", "publieke
// taak").
func aboutPublication(header string) bool {
	words := strings.Fields(normalise(header))
	for i, w := range words {
		if w == "private" || w == "prive" {
			return true
		}
		for _, stem := range publicationStems {
			if !strings.Contains(w, stem) {
				continue
			}
			if (stem == "openba" || stem == "publi") && i+1 < len(words) && publicThings[words[i+1]] {
				continue // what is public is named next
			}
			return true
		}
	}
	return false
}

// publicationStems are the stems, folded, of the words in which a column's
// name says it is about what of a record is public.
var publicationStems = []string{"openba", "publi", "vertrouwelijk", "geheim", "afscherm", "afgeschermd", "confidential", "withh", "secret"}

// publicThings are the words after "openbare" or "publieke" that name
// something public other than the record: the column is about that.
var publicThings = map[string]bool{
	"ruimte": true, "ruimten": true, "orde": true, "weg": true, "wegen": true, "verlichting": true, "verkeer": true, "vervoer": true,
	"gebouw": true, "gebouwen": true, "taak": true, "gezag": true, "domein": true, "space": true, "order": true, "task": true,
	"authority": true, "domain": true, "transport": true, "road": true, "roads": true, "lighting": true,
}

// nullInPublication reports whether a key given as null, read through the
// mapping mp (nil for the record format), says something of the
// publication block that is lost: it fills a field of the block, or names
// one that no mapping file leaves out on purpose.
func nullInPublication(mp *Mapping, key string) bool {
	path, _, mapped := fieldOf(mp, key)
	return inPublication(path) || path == "" && !mapped && inPublication(key)
}

// isParent reports whether key names an object of the record format, one
// that holds fields.
func isParent(key string) bool { return parents[normalise(key)] }
