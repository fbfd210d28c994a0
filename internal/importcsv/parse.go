package importcsv

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/source"
)

// date is a normalised date (YYYY-MM-DD); it is written unquoted.
type date string

// rule says how the cells of one column are read.
type rule struct {
	// sep is where a list is split: "" keeps the cell whole (prose is never
	// split), "auto" splits at ";" or, when there is none, at "," (for
	// enumerated values only), anything else splits at exactly that text.
	sep string
	// values maps source values, normalised, to the record format's value;
	// a value mapped to "" is left out.
	values map[string]string
	// unknown says what happens to a value values does not name: "keep"
	// (the default: as written, so the schema check names what is allowed),
	// "report" (left out, with a warning) or "error" (the row is skipped).
	unknown string
	// title is the title of the links a links column makes.
	title string
	// key is, for a list of objects, the key each text becomes (a measure's
	// property) or, from JSON objects, the key whose value is taken (a
	// link's "link").
	key string
}

// builtinRule is how a column found by the built-in headers is read: lists
// under the record's own keys (the open-data CSV) are split at ";", lists of
// enumerated values also at ","; any other text is kept whole.
func builtinRule(header, path string) rule {
	s := specByPath[path]
	switch {
	case !listLike(s.typ):
		return rule{}
	case normalise(header) == normalise(path) || path == "uses_sensors":
		return rule{sep: ";"}
	case s.typ == typEnumList:
		return rule{sep: "auto"}
	}
	return rule{}
}

// jsonList is a list cell written as a JSON array, as the open-data CSV
// writes a list whose items contain the separator, and a list of objects.
type jsonList []byte

// item is an object with its keys in order.
type item [][2]string

// parseCell reads a cell as the field's type. Values are first translated by
// the column's value map; enumerated values are then mapped from their Dutch
// label or key, and an unknown value passes through as written, so the
// schema check names the allowed values. It returns the values the column's
// map did not know and left out, and nil when nothing is left.
func parseCell(s spec, r rule, cell string) (any, []string, error) {
	// Prose is kept as written, its spaces at either end and a final
	// line break too; every other value, an id, a name or an address
	// among them, is read without the spaces a spreadsheet left.
	written := cell
	cell = strings.TrimSpace(cell)
	if listLike(s.typ) && strings.HasPrefix(cell, "[") && json.Valid([]byte(cell)) {
		if r.key != "" && s.typ == typList {
			// Objects of which one key is the value ({"title", "link"}: the link).
			var objs []map[string]any
			if err := json.Unmarshal([]byte(cell), &objs); err == nil {
				var out []string
				for _, o := range objs {
					if v, ok := o[r.key].(string); ok && v != "" {
						out = append(out, v)
					}
				}
				if len(out) == 0 {
					return nil, nil, nil
				}
				return out, nil, nil
			}
		}
		v, err := parseJSONList(s, cell)
		return v, nil, err
	}
	if s.typ == typObjects && r.key == "" {
		return nil, nil, msgNotJSONList.Err(clip(cell))
	}
	items := []string{cell}
	if listLike(s.typ) {
		items = splitList(cell, r.sep)
	}
	var out, unknown []string
	for _, it := range items {
		if r.values != nil {
			if v, ok := r.values[normalise(it)]; ok {
				if v != "" {
					out = append(out, v)
				}
				continue
			}
			switch r.unknown {
			case "report":
				unknown = append(unknown, it)
				continue
			case "error":
				return nil, nil, msgNotValue.Err(it)
			}
		}
		out = append(out, it)
	}
	if len(out) == 0 {
		return nil, unknown, nil
	}
	switch s.typ {
	case typEnumList:
		for i, it := range out {
			out[i] = enumValue(s.path, it)
		}
		return out, unknown, nil
	case typList:
		return out, unknown, nil
	case typNames:
		var names []item
		for _, n := range out {
			names = append(names, item{{"name", n}})
		}
		return names, unknown, nil
	case typObjects:
		var objs []item
		for _, it := range out {
			objs = append(objs, item{{r.key, it}})
		}
		return objs, unknown, nil
	case typLinks:
		var links []item
		for _, u := range out {
			if r.title != "" {
				links = append(links, item{{"title", r.title}, {"url", u}})
			} else {
				links = append(links, item{{"url", u}})
			}
		}
		return links, unknown, nil
	}
	if s.typ == typText && out[0] == cell && prose(s.path) {
		return written, unknown, nil
	}
	v, err := parseScalar(s, out[0])
	return v, unknown, err
}

// prose reports whether the field at path holds free text in paragraphs
// (field.Prose), whose spaces and line breaks are the writer's.
func prose(path string) bool {
	f, ok := field.Lookup(path)
	return ok && f.Kind == field.Prose
}

// clip cuts a long cell for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// parseJSONList reads a list written as a JSON array.
func parseJSONList(s spec, cell string) (any, error) {
	switch s.typ {
	case typList, typEnumList:
		var out []string
		if err := json.Unmarshal([]byte(cell), &out); err != nil {
			return nil, msgNotJSONTexts.Err(clip(cell))
		}
		if s.typ == typEnumList {
			for i, it := range out {
				out[i] = enumValue(s.path, it)
			}
		}
		if len(out) == 0 {
			return nil, nil
		}
		return out, nil
	}
	var probe []json.RawMessage
	if err := json.Unmarshal([]byte(cell), &probe); err != nil {
		return nil, msgNotJSONList.Err(clip(cell))
	}
	if len(probe) == 0 {
		return nil, nil
	}
	var names []string
	if s.typ == typNames && json.Unmarshal([]byte(cell), &names) == nil {
		// Datasets that are only names, as a list of texts.
		var out []item
		for _, n := range names {
			out = append(out, item{{"name", n}})
		}
		return out, nil
	}
	// Written into the record as it is: a key given twice in one of its
	// objects would be written twice, and the record would not load.
	var twice []string
	keysTwice([]byte(cell), s.path, func(p string) { twice = append(twice, p) })
	if len(twice) > 0 {
		return nil, msgListKeyTwice.Err(twice[0])
	}
	return jsonList(cell), nil
}

// parseScalar reads one value as the field's type.
func parseScalar(s spec, cell string) (any, error) {
	switch s.typ {
	case typDate:
		d, err := NormaliseDate(cell)
		if err != nil {
			return nil, err
		}
		return date(d), nil
	case typBool:
		return parseBool(cell)
	case typInt:
		n, ok := wholeNumber(cell)
		if !ok {
			return nil, msgNotWhole.Err(cell)
		}
		return n, nil
	case typFloat:
		v := cell
		if !strings.Contains(v, ".") {
			v = strings.Replace(v, ",", ".", 1) // a Dutch decimal comma
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, msgNotNumber.Err(cell)
		}
		return f, nil
	case typEnum:
		return enumValue(s.path, cell), nil
	case typDuration:
		return normaliseDuration(s.path, cell)
	}
	return cell, nil
}

// wholeNumber reads a whole number as a spreadsheet writes one: digits,
// with dots between groups of three as a Dutch one separates thousands
// ("1.250", never led by a zero). Any other dot is a decimal point
// ("12.0", "1.5", "0.250"): dropped, it would make the number another,
// so such a cell is no whole number.
func wholeNumber(cell string) (int, bool) {
	digits := cell
	if strings.Contains(cell, ".") {
		groups := strings.Split(strings.TrimLeft(cell, "+-"), ".")
		for i, g := range groups {
			if len(g) != 3 && (i > 0 || len(g) == 0 || len(g) > 3) {
				return 0, false
			}
		}
		if strings.HasPrefix(groups[0], "0") {
			// "0.250" is a fraction, not two hundred and fifty.
			return 0, false
		}
		digits = strings.ReplaceAll(cell, ".", "")
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}

func enumValue(path, v string) string {
	if key, ok := enums[path][normalise(v)]; ok {
		return key
	}
	return v
}

// splitList splits a cell at sep ("auto": at ";" or, when it has none, at
// ","), trimming each item; "" keeps the cell whole.
func splitList(cell, sep string) []string {
	switch sep {
	case "":
		return []string{cell}
	case "auto":
		sep = ";"
		if !strings.Contains(cell, ";") {
			sep = ","
		}
	}
	var out []string
	for _, p := range strings.Split(cell, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseBool reads a yes/no cell. It takes these words, in any case and
// with spaces around them, and no others: yes is ja, j, yes, y, true, waar,
// 1, or x (a ticked box); no is nee, n, no, false, onwaar or 0. An empty
// cell gives no value. A cell with anything more ("[ja]", "ja!", "-1") is
// an error: a yes/no decides what is public, and is never guessed at.
func parseBool(cell string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "ja", "j", "yes", "y", "true", "waar", "1", "x":
		return true, nil
	case "nee", "n", "no", "false", "onwaar", "0":
		return false, nil
	}
	return false, msgNotYesNo.Err(cell)
}

var (
	isoMonth  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	isoDate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$`)
	dutchDate = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?: .*)?$`)
	wordDate  = regexp.MustCompile(`^(\d{1,2})\s+([[:alpha:]]+)\.?\s+(\d{4})$`)
)

// months are the Dutch and English month names and their abbreviations.
var months = map[string]int{
	"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "maart": 3, "mrt": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
	"augustus": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "october": 10, "oct": 10,
	"november": 11, "nov": 11, "december": 12, "dec": 12,
}

// NormaliseDate reads a date as spreadsheets write it and returns it as
// YYYY-MM-DD: 2025-03-01, 2025/3/1, 01-03-2025, 1/3/2025, 1.3.2025 (day
// first, as in the Netherlands), "1 maart 2025", or a date with a time. A
// two-digit year or a day that does not exist is an error.
func NormaliseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	if p := isoMonth.FindStringSubmatch(s); p != nil {
		// A month, as the national algorithm register gives begin and end:
		// its first day, which the export turns back into the month.
		y, m, d = atoi(p[1]), atoi(p[2]), 1
	} else if p := isoDate.FindStringSubmatch(s); p != nil {
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	} else if p := dutchDate.FindStringSubmatch(s); p != nil {
		if len(p[3]) != 4 {
			return "", msgTwoDigitYear.Err(s)
		}
		y, m, d = atoi(p[3]), atoi(p[2]), atoi(p[1])
	} else if p := wordDate.FindStringSubmatch(s); p != nil {
		mm, ok := months[strings.ToLower(p[2])]
		if !ok {
			return "", msgNotMonth.Err(s, p[2])
		}
		y, m, d = atoi(p[3]), mm, atoi(p[1])
	} else {
		return "", msgNotDate.Err(s)
	}
	out := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if _, err := period.ParseDate(out); err != nil {
		return "", msgNoSuchDate.Err(s)
	}
	if y < 1900 || y > 2200 {
		return "", msgUnlikelyYear.Err(s)
	}
	return out, nil
}

var (
	durationWords = regexp.MustCompile(`^(\d+)\s*(jaar|jaren|year|years|maand|maanden|month|months|week|weken|weeks|dag|dagen|day|days)$`)
	isoDuration   = regexp.MustCompile(`^P(\d+[YMWD])+$`)
)

// every maps words for "every ..." to durations.
var every = map[string]string{
	"jaarlijks": "P1Y", "elk jaar": "P1Y", "ieder jaar": "P1Y", "yearly": "P1Y", "annually": "P1Y",
	"halfjaarlijks": "P6M", "elk half jaar": "P6M", "maandelijks": "P1M", "monthly": "P1M",
	"wekelijks": "P1W", "weekly": "P1W", "dagelijks": "P1D", "daily": "P1D",
	"elke bestuursperiode": "P4Y", "bestuursperiode": "P4Y",
}

// normaliseDuration reads a duration as an ISO 8601 duration (P2Y) or in
// words ("2 jaar", "28 dagen", "jaarlijks"); retention also takes "niet
// opgeslagen" for not_stored. Anything else passes through, so the schema
// check names what is allowed.
func normaliseDuration(path, cell string) (string, error) {
	up := strings.ToUpper(strings.ReplaceAll(cell, " ", ""))
	if isoDuration.MatchString(up) {
		return up, nil
	}
	n := normalise(cell)
	if path == "retention" {
		switch n {
		case "not stored", "niet opgeslagen", "wordt niet opgeslagen", "geen", "niet":
			return "not_stored", nil
		}
	}
	if d, ok := every[n]; ok {
		return d, nil
	}
	if m := durationWords.FindStringSubmatch(n); m != nil {
		unit := map[byte]string{'j': "Y", 'y': "Y", 'm': "M", 'w': "W", 'd': "D"}[m[2][0]]
		return "P" + strings.TrimLeft(m[1], "0") + unit, nil
	}
	return cell, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Mapping is a mapping file: which field each column fills, how its values
// translate, and default values for fields no column gives.
//
//	columns:
//	  "Naam camera": name
//	  "Contact (mail)": owner.email
//	  "Opmerkingen": ""          # leave this column out, without a warning
//	  "Databronnen":             # a list, split only where the file says
//	    field: datasets
//	    separator: ";"
//	  "Kies soort / type sensor":
//	    field: sensor_type
//	    values: {"Optische / camera sensor": camera}
//	    unknown: report          # keep (default), report or error
//	  "Privacyverklaring": {field: links, title: Privacyverklaring}
//	  "Type algoritme":
//	    field: algorithm_type
//	    note: v0.1's "Zelflerend" means it uses machine learning
//	  "Risico's":
//	    field: risks.mitigations
//	    note:                    # a note in both languages
//	      nl: is één tekst; die wordt in zijn geheel risks.mitigations
//	      en: is one text; it is kept whole as risks.mitigations
//	repeat: "Kies soort / type sensor"   # a row describes several records
//	defaults:
//	  organisation.type: municipality
//	  status: active
type Mapping struct {
	columns  map[string]colTarget  // normalised header → field and rule
	defaults map[string]any        // field → value
	notes    map[string]label.Text // normalised header → note shown on import, Dutch and English
	// repeat is the normalised header that starts each group of columns
	// of a row that describes several records; "" for one record per row.
	repeat string
}

type colTarget struct {
	path string // "" = ignore
	rule rule
}

// mappingFile is the YAML shape of a mapping file.
type mappingFile struct {
	Extends  string                `yaml:"extends"`
	Columns  map[string]columnFile `yaml:"columns"`
	Defaults map[string]any        `yaml:"defaults"`
	Repeat   string                `yaml:"repeat"`
}

// columnFile is one column of a mapping file: a field name, or the field
// with how to read its values.
type columnFile struct {
	Field     string            `yaml:"field"`
	Separator string            `yaml:"separator"`
	Values    map[string]string `yaml:"values"`
	Unknown   string            `yaml:"unknown"`
	Title     string            `yaml:"title"`
	Key       string            `yaml:"key"`
	Note      note              `yaml:"note"`
}

// note is what a mapping file says about a column, in Dutch and English:
// {nl: ..., en: ...}, or one text for both, as a user's own mapping file
// is written in the language its readers speak.
type note label.Text

// UnmarshalYAML takes one text, or a mapping of nl and en.
func (n *note) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		*n = note{node.Value, node.Value}
		return nil
	}
	var both struct {
		NL string `yaml:"nl"`
		EN string `yaml:"en"`
	}
	if err := node.Decode(&both); err != nil {
		return err
	}
	if both.NL == "" || both.EN == "" {
		return msgMapNoteBoth.Err(node.Line)
	}
	*n = note{both.NL, both.EN}
	return nil
}

// IsZero reports whether the column has no note.
func (n note) IsZero() bool { return n == note{} }

// UnmarshalYAML takes a plain field name as well as the long form.
func (c *columnFile) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		c.Field = n.Value
		return nil
	}
	type plain columnFile
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*c = columnFile(p)
	return nil
}

// ErrMapping marks a mapping file that cannot be used.
var ErrMapping = errors.New("mapping file")

// LoadMapping reads a mapping file, or a ready-made map by its name (see
// Maps).
func LoadMapping(path string) (*Mapping, error) {
	if data, ok := readyMap(path); ok {
		return ParseMapping(path, data)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, msgMapNotFound.ErrOf(ErrMapping, path, strings.Join(Maps(), ", "))
	}
	if err != nil {
		return nil, msgMapUnreadable.ErrOf(ErrMapping, err, strings.Join(Maps(), ", "))
	}
	return ParseMapping(path, data)
}

// ParseMapping reads a mapping file's contents; every field it names must be
// a field the import can fill, and every default must be readable as that
// field's type.
func ParseMapping(name string, data []byte) (*Mapping, error) {
	if len(data) > 1<<20 {
		return nil, msgMapTooBig.ErrOf(ErrMapping, name)
	}
	// A syntax error is placed at its line and column as in a record file.
	// (An empty file, which names no line, is an empty mapping.)
	if _, found := source.Tree(name, data, source.DefaultLimits); len(found) > 0 && found[0].Line > 0 {
		return nil, msgMapNotYAML.ErrOf(ErrMapping, found[0].Position(), found[0].Message)
	}
	var mf mappingFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&mf); err != nil && !errors.Is(err, io.EOF) {
		return nil, msgMapNotYAML.ErrOf(ErrMapping, name, err)
	}
	m := &Mapping{columns: map[string]colTarget{}, defaults: map[string]any{}, notes: map[string]label.Text{}, repeat: normalise(mf.Repeat)}
	if mf.Extends != "" {
		// A ready-made map as the base; this file's columns and defaults
		// replace the base's of the same name.
		data, ok := readyMap(mf.Extends)
		if !ok {
			return nil, msgMapExtends.ErrOf(ErrMapping, name, mf.Extends, strings.Join(Maps(), ", "))
		}
		base, err := ParseMapping(mf.Extends, data)
		if err != nil {
			return nil, err
		}
		maps.Copy(m.columns, base.columns)
		maps.Copy(m.defaults, base.defaults)
		maps.Copy(m.notes, base.notes)
		if m.repeat == "" {
			m.repeat = base.repeat
		}
	}
	for h, c := range mf.Columns {
		field := strings.TrimSpace(c.Field)
		s, ok := specByPath[field]
		if field != "" && field != "kind" && !ok {
			return nil, msgMapNoField.ErrOf(ErrMapping, name, h, field, fieldList())
		}
		r := rule{sep: c.Separator, unknown: c.Unknown, title: c.Title, key: c.Key}
		if c.Key != "" && s.typ != typObjects && s.typ != typList {
			return nil, msgMapKey.ErrOf(ErrMapping, name, h)
		}
		if c.Separator == "" && s.typ == typEnumList {
			r.sep = "auto" // enumerated values are no prose: "a, b" is a list
		}
		if c.Separator != "" && !listLike(s.typ) {
			return nil, msgMapSeparator.ErrOf(ErrMapping, name, h, field)
		}
		switch c.Unknown {
		case "", "keep", "report", "error":
		default:
			return nil, msgMapUnknown.ErrOf(ErrMapping, name, h, c.Unknown)
		}
		if c.Title != "" && s.typ != typLinks {
			return nil, msgMapTitle.ErrOf(ErrMapping, name, h)
		}
		if len(c.Values) > 0 {
			r.values = map[string]string{}
			for from, to := range c.Values {
				r.values[normalise(from)] = to
			}
		}
		m.columns[normalise(h)] = colTarget{path: field, rule: r}
		delete(m.notes, normalise(h))
		if !c.Note.IsZero() {
			m.notes[normalise(h)] = label.Text(c.Note)
		}
	}
	for field, v := range mf.Defaults {
		s, ok := specByPath[field]
		if !ok || field == "id" {
			return nil, msgMapDefaultField.ErrOf(ErrMapping, name, field, fieldList())
		}
		val, _, err := parseCell(s, rule{sep: ";"}, defaultCell(v))
		if err != nil {
			return nil, msgMapDefaultValue.ErrOf(ErrMapping, name, field, err)
		}
		m.defaults[field] = val
	}
	return m, nil
}

// defaultCell is a mapping's default as a spreadsheet's cell would hold
// it: a text as it is, a list or an object as JSON (datasets: [{name:
// BRP}]), which a cell of a list field may hold, any other value as YAML
// wrote it (3, true).
func defaultCell(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any, map[string]any:
		if b, err := json.Marshal(t); err == nil {
			return string(b)
		}
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// named reports whether the mapping names a header.
func (m *Mapping) named(header string) bool {
	_, ok := m.columns[normalise(header)]
	return ok
}

// column returns the field a header maps to with how to read it, and whether
// the mapping names it.
func (m *Mapping) column(header string) (string, rule, bool) {
	c, ok := m.columns[normalise(header)]
	return c.path, c.rule, ok
}

// Fields lists the fields a column can fill, in the record format's order.
func Fields() []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, s.path)
	}
	return out
}

func fieldList() string { return strings.Join(Fields(), ", ") }
