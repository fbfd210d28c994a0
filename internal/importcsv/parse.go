package importcsv

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/period"
)

// date is a normalised date (YYYY-MM-DD); it is written unquoted.
type date string

// parseCell reads a cell as the field's type. Enumerated values are mapped
// from their Dutch label or key; an unknown value passes through as written,
// so the schema check names the allowed values.
func parseCell(s spec, cell string) (any, error) {
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
		n, err := strconv.Atoi(strings.ReplaceAll(cell, ".", ""))
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", cell)
		}
		return n, nil
	case typFloat:
		v := cell
		if !strings.Contains(v, ".") {
			v = strings.Replace(v, ",", ".", 1) // a Dutch decimal comma
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", cell)
		}
		return f, nil
	case typEnum:
		return enumValue(s.path, cell), nil
	case typEnumList:
		items := splitList(cell)
		for i, it := range items {
			items[i] = enumValue(s.path, it)
		}
		return items, nil
	case typList:
		return splitList(cell), nil
	case typDuration:
		return normaliseDuration(s.path, cell)
	case typNames:
		var out []map[string]string
		for _, n := range splitList(cell) {
			out = append(out, map[string]string{"name": n})
		}
		return out, nil
	}
	return cell, nil
}

func enumValue(path, v string) string {
	if key, ok := enums[path][normalise(v)]; ok {
		return key
	}
	return v
}

// splitList splits a cell on ";" or, when it has none, on ",".
func splitList(cell string) []string {
	sep := ";"
	if !strings.Contains(cell, ";") {
		sep = ","
	}
	var out []string
	for _, p := range strings.Split(cell, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseBool(cell string) (bool, error) {
	switch normalise(cell) {
	case "ja", "j", "yes", "y", "true", "waar", "1", "x":
		return true, nil
	case "nee", "n", "no", "false", "onwaar", "0":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no", cell)
}

var (
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
	switch {
	case isoDate.MatchString(s):
		p := isoDate.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case dutchDate.MatchString(s):
		p := dutchDate.FindStringSubmatch(s)
		if len(p[3]) != 4 {
			return "", fmt.Errorf("%q has a two-digit year; write the year in full", s)
		}
		y, m, d = atoi(p[3]), atoi(p[2]), atoi(p[1])
	case wordDate.MatchString(s):
		p := wordDate.FindStringSubmatch(s)
		mm, ok := months[strings.ToLower(p[2])]
		if !ok {
			return "", fmt.Errorf("%q is not a date: %q is not a month", s, p[2])
		}
		y, m, d = atoi(p[3]), mm, atoi(p[1])
	default:
		return "", fmt.Errorf("%q is not a date", s)
	}
	out := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if _, err := period.ParseDate(out); err != nil {
		return "", fmt.Errorf("%q is not a date that exists", s)
	}
	if y < 1900 || y > 2200 {
		return "", fmt.Errorf("%q has an unlikely year", s)
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

// Mapping is a mapping file: which field each spreadsheet column fills, for
// headers the import does not know, and default values for fields no column
// gives.
//
//	columns:
//	  "Naam camera": name
//	  "Contact (mail)": owner.email
//	  "Opmerkingen": ""          # leave this column out, without a warning
//	defaults:
//	  organisation.type: municipality
//	  status: active
type Mapping struct {
	columns  map[string]string // normalised header → field ("" = ignore)
	defaults map[string]any    // field → value
}

// mappingFile is the YAML shape of a mapping file.
type mappingFile struct {
	Columns  map[string]string `yaml:"columns"`
	Defaults map[string]string `yaml:"defaults"`
}

// ErrMapping marks a mapping file that cannot be used.
var ErrMapping = errors.New("mapping file")

// LoadMapping reads a mapping file.
func LoadMapping(path string) (*Mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMapping, err)
	}
	return ParseMapping(path, data)
}

// ParseMapping reads a mapping file's contents; every field it names must be
// a field the import can fill, and every default must be readable as that
// field's type.
func ParseMapping(name string, data []byte) (*Mapping, error) {
	if len(data) > 1<<20 {
		return nil, fmt.Errorf("%w %s: larger than 1 MiB", ErrMapping, name)
	}
	var mf mappingFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&mf); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w %s: %v (it holds columns: and defaults:)", ErrMapping, name, err)
	}
	m := &Mapping{columns: map[string]string{}, defaults: map[string]any{}}
	for h, field := range mf.Columns {
		field = strings.TrimSpace(field)
		if _, ok := specByPath[field]; field != "" && field != "kind" && !ok {
			return nil, fmt.Errorf("%w %s: column %q maps to %q, which is not a field the import can fill (%s)", ErrMapping, name, h, field, fieldList())
		}
		m.columns[normalise(h)] = field
	}
	for field, v := range mf.Defaults {
		s, ok := specByPath[field]
		if !ok || field == "id" {
			return nil, fmt.Errorf("%w %s: default for %q, which is not a field the import can fill (%s)", ErrMapping, name, field, fieldList())
		}
		val, err := parseCell(s, v)
		if err != nil {
			return nil, fmt.Errorf("%w %s: default for %s: %v", ErrMapping, name, field, err)
		}
		m.defaults[field] = val
	}
	return m, nil
}

// column returns the field a header maps to, and whether the mapping names it.
func (m *Mapping) column(header string) (string, bool) {
	f, ok := m.columns[normalise(header)]
	return f, ok
}

// Fields lists the fields a column can fill, in the record format's order.
func Fields() []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, s.path)
	}
	return out
}

func fieldList() string { return "one of " + strings.Join(Fields(), ", ") }
