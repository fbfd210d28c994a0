// Package importcsv turns a spreadsheet (CSV, one row per record) into record
// files. Most municipalities start their register from a spreadsheet; this
// package reads its columns by their Dutch or English headers (or a mapping
// file for anything else), makes unique ids from the names, normalises dates,
// writes each row as a record in the record format, and validates every
// record it creates. It never overwrites a record that exists.
package importcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/scaffold"
	"github.com/voorbeeldstad/register/internal/source"
)

// RuleImport is the rule id of findings about the spreadsheet itself: its
// columns, blank and repeated rows, and cells that cannot be read.
const RuleImport = "import"

// MaxBytes bounds the spreadsheet read: a register's spreadsheet is far
// smaller, and a mistaken file (a database dump) should not exhaust memory.
const MaxBytes = 64 << 20

// Validator checks one parsed record; the validate package provides it.
type Validator interface {
	Validate(doc *source.Document, k record.Kind) []finding.Finding
}

// Options tune an import.
type Options struct {
	// Kind is the kind of every row, unless the spreadsheet has a kind column.
	Kind record.Kind
	// Mapping names columns the built-in headers do not know, and defaults.
	Mapping *Mapping
	// Organisation is the register's organisation (register.yaml); it fills
	// organisation.name when no column gives one.
	Organisation string
	// Exists reports whether the register already has a record with the id;
	// nil means an empty register.
	Exists func(id string) bool
	// Validator checks every record created; nil skips validation.
	Validator Validator
	// Now dates the note at the top of each record; zero means now.
	Now time.Time
}

// Record is one record the import would write.
type Record struct {
	ID   string
	Kind record.Kind
	// Path is the file's path relative to the register root, with forward
	// slashes, for example "sensors/cam-markt.yaml".
	Path string
	// Line is the spreadsheet line the record came from.
	Line int
	// Data is the record as YAML.
	Data []byte
	// Valid is false when validation found errors in the record.
	Valid bool
}

// Result is what an import read and would write.
type Result struct {
	Records  []Record
	Findings []finding.Finding
	// Rows counts the data rows read, blank ones included.
	Rows int
}

// column is one column of the spreadsheet with the field it fills.
type column struct {
	index  int
	header string
	path   string // "" when the column is not imported
}

// Read reads a spreadsheet in CSV (UTF-8 or Windows-1252; comma, semicolon
// or tab separated, as spreadsheet programs write them) and returns the
// records it would write with the findings: unknown columns, blank, repeated
// and unreadable rows, and every schema problem of the records made. name is
// the file name shown in findings. An error means the file cannot be read as
// a spreadsheet at all.
func Read(name string, data []byte, opts Options) (*Result, error) {
	if opts.Kind != record.Sensor && opts.Kind != record.Algorithm {
		return nil, fmt.Errorf("import: unknown kind %q: use sensor or algorithm", opts.Kind)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("read %s: the file is %d bytes, more than the %d a spreadsheet of records needs", name, len(data), MaxBytes)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	res := &Result{}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // the byte order mark spreadsheet programs write
	if !utf8.Valid(data) {
		// Spreadsheet programs on Windows still save "CSV" as Windows-1252.
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("read %s: the file is neither UTF-8 nor Windows-1252: save it as CSV UTF-8", name)
		}
		data = dec
		res.Findings = append(res.Findings, finding.Finding{File: name, Rule: RuleImport, Severity: finding.Info,
			Message: "the file is not UTF-8; it was read as Windows-1252", Help: "save the spreadsheet as \"CSV UTF-8\" to be sure accents come through"})
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read %s: the file is empty; it needs a header row and one row per record", name)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	cols, fs := mapColumns(name, head, opts)
	res.Findings = append(res.Findings, fs...)
	if !slices.ContainsFunc(cols, func(c column) bool { return c.path == "name" || c.path == "id" }) {
		return nil, fmt.Errorf("read %s: no column gives the name (Naam) or id of the records; name one with a header such as \"naam\" or map it in a mapping file (--map)", name)
	}
	im := &importer{name: name, opts: opts, cols: cols, res: res, seenRows: map[string]int{}, ids: map[string]int{}, names: map[string]int{}}
	var blank []int
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		for i := range row {
			row[i] = csvcell.Plain(row[i]) // as our CSV outputs quote formulas
		}
		line, _ := r.FieldPos(0)
		res.Rows++
		if isBlank(row) {
			blank = append(blank, line)
			continue
		}
		im.row(line, row)
	}
	if len(blank) > 0 {
		res.Findings = append(res.Findings, finding.Finding{File: name, Line: blank[0], Rule: RuleImport, Severity: finding.Info,
			Message: fmt.Sprintf("%s blank and skipped", linesText(blank)), Help: "blank rows are left out; nothing to do"})
	}
	finding.Sort(res.Findings)
	return res, nil
}

// separator guesses the field separator from the header line: spreadsheet
// programs with a Dutch locale write ";", others "," or a tab.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(line, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

func isBlank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// linesText says "line 4 is" or "lines 4, 9 and 12 are".
func linesText(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d is", lines[0])
	}
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = strconv.Itoa(l)
	}
	return "lines " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + " are"
}

// mapColumns finds the field of each header: the mapping file first, then
// the built-in headers. Unknown and repeated columns are reported.
func mapColumns(name string, head []string, opts Options) ([]column, []finding.Finding) {
	var fs []finding.Finding
	cols := make([]column, len(head))
	used := map[string]int{}
	target := func(h string) (string, bool) {
		if opts.Mapping != nil {
			if path, ok := opts.Mapping.column(h); ok {
				return path, true
			}
		}
		path, ok := headers[normalise(h)]
		return path, ok
	}
	// With a kind column, each row says its kind, so the columns of both
	// kinds are read and each row keeps those of its own.
	mixed := slices.ContainsFunc(head, func(h string) bool { p, _ := target(strings.TrimSpace(h)); return p == "kind" })
	for i, h := range head {
		h = strings.TrimSpace(h)
		c := column{index: i, header: h}
		path, ok := target(h)
		if ok && path == "kind" {
			c.path = path
		} else if ok && path != "" {
			if s := specByPath[path]; s.kind != "" && s.kind != opts.Kind && !mixed {
				fs = append(fs, finding.Finding{File: name, Line: 1, Column: i + 1, Rule: RuleImport, Severity: finding.Warning,
					Message: fmt.Sprintf("column %q (%s) is only for %ss and is left out of %s records", h, path, s.kind, opts.Kind),
					Help:    "import the other kind with --kind " + string(s.kind)})
				path = ""
			}
			if prev, dup := used[path]; dup && path != "" {
				fs = append(fs, finding.Finding{File: name, Line: 1, Column: i + 1, Rule: RuleImport, Severity: finding.Warning,
					Message: fmt.Sprintf("column %q fills %s, as column %d (%q) already does; it is left out", h, path, prev+1, head[prev]),
					Help:    "remove one of the two columns, or map one to another field in a mapping file (--map)"})
				path = ""
			}
			if path != "" {
				used[path] = i
			}
			c.path = path
		} else if !ok && h != "" {
			fs = append(fs, finding.Finding{File: name, Line: 1, Column: i + 1, Rule: RuleImport, Severity: finding.Warning,
				Message: fmt.Sprintf("column %q is not a field of the record format and is left out", h),
				Help:    "rename the header to a field (for example naam, status, startdatum, locatie), or map it in a mapping file (--map) to a field or to \"\" to ignore it"})
		}
		cols[i] = c
	}
	return cols, fs
}

// importer holds the state of one import across rows.
type importer struct {
	name     string
	opts     Options
	cols     []column
	res      *Result
	seenRows map[string]int // row text → first line, for exact repeats
	ids      map[string]int // id → line that took it
	names    map[string]int // slug of the name → line that took it first
}

// row imports one data row.
func (im *importer) row(line int, row []string) {
	name := im.name
	add := func(col int, sev finding.Severity, msg, help string) {
		im.res.Findings = append(im.res.Findings, finding.Finding{File: name, Line: line, Column: col, Rule: RuleImport,
			Severity: sev, Message: msg, Help: help})
	}
	key := strings.Join(trimAll(row), "\x1f")
	if first, ok := im.seenRows[key]; ok {
		add(0, finding.Warning, fmt.Sprintf("line %d repeats line %d exactly and is skipped", line, first),
			"remove the repeated row from the spreadsheet")
		return
	}
	im.seenRows[key] = line

	vals := map[string]any{}
	colOf := map[string]int{}
	kind := im.opts.Kind
	bad := false
	for _, c := range im.cols {
		if c.path == "" || c.index >= len(row) {
			continue
		}
		cell := strings.TrimSpace(row[c.index])
		if cell == "" {
			continue
		}
		if c.path == "kind" {
			switch normalise(cell) {
			case "sensor", "sensoren":
				kind = record.Sensor
			case "algorithm", "algoritme", "algoritmes":
				kind = record.Algorithm
			default:
				add(c.index+1, finding.Error, fmt.Sprintf("kind %q is neither sensor nor algorithm; the row is skipped", cell), "write sensor or algorithm")
				bad = true
			}
			continue
		}
		v, err := parseCell(specByPath[c.path], cell)
		if err != nil {
			add(c.index+1, finding.Error, fmt.Sprintf("%s (column %q): %v; the row is skipped", c.path, c.header, err), helpFor(specByPath[c.path]))
			bad = true
			continue
		}
		vals[c.path] = v
		colOf[c.path] = c.index + 1
	}
	if bad {
		return
	}
	for path := range vals {
		// Only a spreadsheet with a kind column has both kinds' columns.
		if s := specByPath[path]; s.kind != "" && s.kind != kind {
			delete(vals, path)
			delete(colOf, path)
		}
	}
	if im.opts.Mapping != nil {
		for path, v := range im.opts.Mapping.defaults {
			if _, ok := vals[path]; !ok {
				if s := specByPath[path]; s.kind == "" || s.kind == kind {
					vals[path] = v
				}
			}
		}
	}

	// The id: from an id column, else made from the name.
	id, _ := vals["id"].(string)
	if id != "" {
		if err := scaffold.ValidID(id); err != nil {
			add(colOf["id"], finding.Error, fmt.Sprintf("%v; the row is skipped", err), "correct the id, or leave the id column empty to make one from the name")
			return
		}
		if prev, dup := im.ids[id]; dup {
			add(colOf["id"], finding.Error, fmt.Sprintf("id %q is already used on line %d; the row is skipped", id, prev),
				"ids are unique: give this row another id, or remove it if it is the same record")
			return
		}
	} else {
		nm, _ := vals["name"].(string)
		base := Slug(nm)
		if base == "" {
			add(colOf["name"], finding.Error, "the row has no name to make an id from; the row is skipped", "fill in the name (Naam) column")
			return
		}
		id = base
		prev, dup := im.names[base]
		what := fmt.Sprintf("the name %q is also on line %d", nm, prev)
		if !dup {
			prev, dup = im.ids[base]
			what = fmt.Sprintf("the id %q made from the name is already used on line %d", base, prev)
		}
		if dup {
			// Numbered in spreadsheet order, and only against this
			// spreadsheet, so importing it again finds the same ids in the
			// register and leaves them be.
			for n := 2; ; n++ {
				id = fmt.Sprintf("%s-%d", strings.TrimRight(base[:min(len(base), 60)], "-"), n)
				if _, taken := im.ids[id]; !taken {
					break
				}
			}
			add(colOf["name"], finding.Warning, fmt.Sprintf("%s; this row gets the id %q", what, id),
				"check that the two rows are not the same record; if they are, remove one and delete the extra record file")
		}
		if _, seen := im.names[base]; !seen {
			im.names[base] = line
		}
		vals["id"] = id
	}
	if im.opts.Exists != nil && im.opts.Exists(id) {
		add(0, finding.Warning, fmt.Sprintf("a record with id %q is already in the register and is left unchanged", id),
			"the import never overwrites a record; edit the record file itself, or remove it first to import it again")
		im.ids[id] = line
		return
	}
	im.ids[id] = line

	// What a spreadsheet rarely says but a record needs.
	vals["kind"] = string(kind)
	if _, ok := vals["organisation.name"]; !ok && im.opts.Organisation != "" {
		vals["organisation.name"] = im.opts.Organisation
	}
	if _, ok := vals["organisation.type"]; !ok {
		if org, _ := vals["organisation.name"].(string); org != "" && (org == im.opts.Organisation || strings.HasPrefix(normalise(org), "gemeente ")) {
			vals["organisation.type"] = "municipality"
		}
	}
	if _, ok := vals["personal_data.processed"]; !ok {
		// When it is not known, it counts as personal data (VNG 6.4).
		vals["personal_data.processed"] = "unknown"
	}

	path := kind.Folder() + "/" + id + ".yaml"
	data, err := render(vals, kind, im.name, line, im.opts.Now)
	if err != nil {
		add(0, finding.Error, fmt.Sprintf("the record cannot be written: %v", err), "")
		return
	}
	rec := Record{ID: id, Kind: kind, Path: path, Line: line, Data: data, Valid: true}
	if im.opts.Validator != nil {
		doc, pfs := source.Parse(path, data, source.DefaultLimits)
		if doc != nil {
			pfs = append(pfs, im.opts.Validator.Validate(doc, kind)...)
		}
		for _, f := range pfs {
			if f.Severity == finding.Error {
				rec.Valid = false
			}
			// Point at the spreadsheet's cell, which is what the user edits.
			f.File, f.Line, f.Column, f.Record = name, line, columnFor(f.Path, colOf), id
			f.Message = id + ": " + f.Message
			im.res.Findings = append(im.res.Findings, f)
		}
	}
	im.res.Records = append(im.res.Records, rec)
}

// columnFor returns the spreadsheet column that filled the field at a JSON
// Pointer, or 0 when no column did (a missing field).
func columnFor(pointer string, colOf map[string]int) int {
	dotted := strings.ReplaceAll(strings.TrimPrefix(pointer, "/"), "/", ".")
	best, col := "", 0
	for path, c := range colOf {
		if (dotted == path || strings.HasPrefix(dotted, path+".")) && len(path) > len(best) {
			best, col = path, c
		}
	}
	return col
}

func trimAll(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// helpFor says how to write a value of the field's type.
func helpFor(s spec) string {
	switch s.typ {
	case typDate:
		return "write the date as YYYY-MM-DD (2025-03-01) or DD-MM-YYYY (01-03-2025), with the year in full"
	case typBool:
		return "write ja or nee (yes or no)"
	case typInt:
		return "write a whole number, such as 12"
	case typFloat:
		return "write a number, such as 52.0907 or 52,0907"
	}
	return ""
}

// render writes the record as YAML with its keys in the record format's
// order, under a note saying where it came from.
func render(vals map[string]any, kind record.Kind, file string, line int, now time.Time) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, s := range specs {
		v, ok := vals[s.path]
		if !ok {
			continue
		}
		parent := root
		parts := strings.Split(s.path, ".")
		for _, p := range parts[:len(parts)-1] {
			parent = child(parent, p)
		}
		parent.Content = append(parent.Content, scalar(parts[len(parts)-1]), valueNode(v))
	}
	if !hasKey(root, "evaluation") {
		// A record needs evaluation; with no columns for it, the
		// configuration's interval applies: "evaluation: {}", after the
		// life cycle as in the record format.
		at := len(root.Content)
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "lifecycle" {
				at = i + 2
			}
		}
		ev := []*yaml.Node{scalar("evaluation"), {Kind: yaml.MappingNode, Style: yaml.FlowStyle}}
		root.Content = slices.Insert(root.Content, at, ev...)
	}
	var b bytes.Buffer
	from := commentText(filepath.Base(file))
	fmt.Fprintf(&b, "# yaml-language-server: $schema=../../schema/%s.schema.json\n", kind)
	fmt.Fprintf(&b, "# Geïmporteerd uit %s (regel %d) op %s. Vul aan wat register validate en register check noemen.\n",
		from, line, period.Format(period.Today(now)))
	fmt.Fprintf(&b, "# EN: Imported from %s (line %d). Complete what register validate and register check report.\n", from, line)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// child returns the mapping under key in a mapping node, adding it when absent.
func child(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, scalar(key), n)
	return n
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func valueNode(v any) *yaml.Node {
	switch t := v.(type) {
	case string:
		return scalar(t)
	case date:
		// Unquoted, as people write dates in records; the loader reads both.
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: string(t)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(t)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(t)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(t, 'f', -1, 64)}
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range t {
			n.Content = append(n.Content, scalar(s))
		}
		return n
	case []map[string]string:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, m := range t {
			item := &yaml.Node{Kind: yaml.MappingNode}
			for _, k := range []string{"name"} {
				item.Content = append(item.Content, scalar(k), scalar(m[k]))
			}
			n.Content = append(n.Content, item)
		}
		return n
	}
	return scalar(fmt.Sprint(v))
}

// ExistingIDs returns the ids of the record files in the register at root,
// from the file names in both folders, so an import can refuse an id that a
// record of either kind already has.
func ExistingIDs(root string) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, k := range record.Kinds {
		entries, err := os.ReadDir(filepath.Join(root, k.Folder()))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read register %s: %w", root, err)
		}
		for _, e := range entries {
			n := e.Name()
			if ext := filepath.Ext(n); ext == ".yaml" || ext == ".yml" {
				ids[strings.TrimSuffix(n, ext)] = true
			}
		}
	}
	return ids, nil
}

// Write writes the records under root and returns the paths written. It never
// replaces a file: a record whose file appeared since Read is returned in
// existed and left as it is. Each file is written to a temporary file and
// linked into place, so it appears complete or not at all.
func Write(root string, recs []Record) (written, existed []string, err error) {
	for _, r := range recs {
		target := filepath.Join(root, filepath.FromSlash(r.Path))
		dir := filepath.Dir(target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return written, existed, fmt.Errorf("create folder %s: %w", dir, err)
		}
		err := atomicfile.WriteNew(target, r.Data, 0o644)
		switch {
		case errors.Is(err, os.ErrExist):
			existed = append(existed, target)
		case err != nil:
			return written, existed, err
		default:
			written = append(written, target)
		}
	}
	return written, existed, nil
}

// commentText makes text safe inside a one-line YAML comment: a file name
// may hold a newline or another control character, which would end the
// comment and put the rest of the name into the record.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError {
			return '?'
		}
		return r
	}, s)
}
