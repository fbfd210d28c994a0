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
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/migrate"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
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
	// NationalIDs maps the national algorithm register ids (lars) of the
	// register's records to their record ids: an entry already in the
	// register is not imported again.
	NationalIDs map[string]string
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
	// Rows counts the data rows of a spreadsheet, or the entries of JSON,
	// read: blank ones and those left out included.
	Rows int
}

// column is one column of the source with the field it fills.
type column struct {
	index  int
	header string
	path   string // "" when the column is not imported
	rule   rule   // how its cells are read
	// group is 0 for a column that belongs to every record of a row, and n
	// for the n-th of the records a row describes (a form with up to five
	// sensors per row); see Mapping's repeat.
	group int
	// ignored is true when the mapping file leaves the column out on
	// purpose; its text is then not reported.
	ignored bool
	// warning is the index in Result.Findings of the finding that says the
	// column is not imported, or -1; the lines whose text it leaves out are
	// added to it.
	warning int
	// publication is whether the column speaks of what is public
	// (aboutPublication): a row that fills it, not imported, is not made.
	publication bool
}

// table is what a source holds: a header and rows of cells.
type table struct {
	head []string
	rows []tableRow
	// keys says the head are the keys of JSON entries, which the findings
	// then call keys rather than columns.
	keys bool
	// null holds the keys no entry gives a value for, only null: they
	// leave no text out, and are said as null rather than as unknown.
	null map[string]bool
}

// tableRow is one row with the line of the source it starts on; col is
// the column a JSON entry starts at (0 for a spreadsheet's row, whose
// findings give the cell's column).
type tableRow struct {
	line  int
	col   int
	cells []string
}

// Read reads a spreadsheet in CSV (UTF-8 or Windows-1252; comma, semicolon
// or tab separated, as spreadsheet programs write them) and returns the
// records it would write with the findings: unknown columns, blank, repeated
// and unreadable rows, text that has no place in a record, and every schema
// problem of the records made. name is the file name shown in findings. An
// error means the file cannot be read as a spreadsheet at all.
func Read(name string, data []byte, opts Options) (*Result, error) {
	if err := checkOptions(name, data, &opts); err != nil {
		return nil, err
	}
	res := &Result{}
	data, err := fromUTF16(name, data) // Excel's "Unicode text"
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // the byte order mark spreadsheet programs write
	data, note, err := toUTF8(name, data)
	if err != nil {
		return nil, err
	}
	if note != nil {
		res.Findings = append(res.Findings, *note)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, msgEmptyFile.Err(name)
	}
	if err != nil {
		return nil, csvError(name, data, r.Comma, err)
	}
	t := &table{head: head}
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(name, data, r.Comma, err)
		}
		for i := range row {
			row[i] = csvcell.Plain(row[i]) // as our CSV outputs quote formulas
		}
		line, _ := r.FieldPos(0)
		if f := rowWidth(name, data, r, head, row); f != nil {
			res.Findings = append(res.Findings, *f)
		}
		t.rows = append(t.rows, tableRow{line: line, cells: row})
	}
	if err := run(name, t, opts, res); err != nil {
		return nil, err
	}
	return res, nil
}

// rowWidth is the finding on a row whose number of cells is not the
// header's: a warning that quotes the text of cells beyond the header,
// which no column imports (often a text holding the separator without
// quotes around it), and a note on a row with fewer cells, whose missing
// cells are read as empty (a row a line break may have split). Cells
// beyond the header that are empty, as spreadsheet programs write them,
// leave out nothing and are not reported, nor is a blank row. r has just
// read row.
func rowWidth(name string, data []byte, r *csv.Reader, head, row []string) *finding.Finding {
	switch {
	case len(row) > len(head):
		var texts []string
		for _, c := range row[len(head):] {
			if strings.TrimSpace(c) != "" {
				texts = append(texts, strconv.Quote(c))
			}
		}
		if len(texts) == 0 {
			return nil
		}
		first := len(head)
		for strings.TrimSpace(row[first]) == "" {
			first++
		}
		line, col := r.FieldPos(first)
		line, col = source.Position(data, offsetOf(data, line, col))
		msg := msgExtraCells
		if len(texts) == 1 {
			msg = msgExtraCell
		}
		return &finding.Finding{File: name, Line: line, Column: col, Rule: RuleImport, Severity: finding.Warning,
			Message: msg.With(len(texts), len(head), strings.Join(texts, ", ")).Pair(),
			Help:    msgExtraHelp.With(separatorName(r.Comma)).Pair()}
	case len(row) < len(head) && !isBlank(row):
		line, _ := r.FieldPos(0)
		return &finding.Finding{File: name, Line: line, Rule: RuleImport, Severity: finding.Info,
			Message: msgShortRow.With(len(row), len(head)).Pair(), Help: msgShortHelp.With().Pair()}
	}
	return nil
}

// separatorName is the separator as help writes it.
func separatorName(c rune) string {
	if c == '\t' {
		return "tab"
	}
	return string(c)
}

// csvError is why the spreadsheet data of the file name cannot be read: a
// misplaced quote at its line and column (in characters, as every finding
// counts them), anything else as the reader says it. comma separates the
// cells.
func csvError(name string, data []byte, comma rune, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
		return msgReadFailed.Err(name, err)
	}
	msg := msgQuote
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = msgBareQuote
	case !errors.Is(pe.Err, csv.ErrQuote):
		return msgReadFailed.Err(name, err)
	}
	at := offsetOf(data, pe.Line, pe.Column)
	if at >= len(data) {
		// A quoted cell still open at the end: the reader stops there,
		// the author looks for the quote that opened it.
		at = openQuote(data, offsetOf(data, pe.StartLine, 1), comma)
	}
	line, col := source.Position(data, at)
	return msg.Err(finding.Finding{File: name, Line: line, Column: col}.Position())
}

// offsetOf is the offset of the 1-based line and byte column in data, at
// most len(data).
func offsetOf(data []byte, line, col int) int {
	return min(source.LineStart(data, line)+col-1, len(data))
}

// openQuote returns the offset of the quote that opens the cell still open
// at the end of data, reading cells from the offset from, where a row
// starts; from itself when none is.
func openQuote(data []byte, from int, comma rune) int {
	open, cellStart := -1, true
	for i := from; i < len(data); i++ {
		c := data[i]
		switch {
		case open >= 0 && c == '"' && i+1 < len(data) && data[i+1] == '"':
			i++ // a quote written twice, inside the cell
		case open >= 0 && c == '"':
			open = -1
		case open >= 0:
		case cellStart && c == '"':
			open = i
		}
		cellStart = open < 0 && (rune(c) == comma || c == '\n')
	}
	if open < 0 {
		return from
	}
	return open
}

func checkOptions(name string, data []byte, opts *Options) error {
	if opts.Kind != record.Sensor && opts.Kind != record.Algorithm {
		return msgUnknownKind.Err(opts.Kind)
	}
	if len(data) > MaxBytes {
		return msgTooBig.Err(name, len(data), MaxBytes)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	return nil
}

// run imports the rows of a table.
func run(name string, t *table, opts Options, res *Result) error {
	cols, fs := mapColumns(name, t, opts, len(res.Findings))
	if t.keys {
		// JSON has keys, not columns: a finding about a key names it.
		for i := range fs {
			fs[i].Column = 0
		}
	}
	res.Findings = append(res.Findings, fs...)
	// A spreadsheet exported from another register (the national
	// algorithm register's, Amsterdam's) is read right only with its
	// ready-made map, which a new user does not know exists: point to it.
	var better string
	var betterCols []string
	if opts.Mapping == nil {
		better, betterCols = betterMap(t.head, cols)
	}
	if !slices.ContainsFunc(cols, func(c column) bool { return c.path == "name" || c.path == "id" }) {
		if better != "" {
			return words(t.keys, msgNoNameTryMap).Err(name, better)
		}
		return words(t.keys, msgNoNameColumn).Err(name)
	}
	if len(betterCols) > 0 {
		left := words(t.keys, msgLeftOutColumns)
		if len(betterCols) == 1 {
			left = words(t.keys, msgLeftOutColumn)
		}
		res.Findings = append(res.Findings, finding.Finding{File: name, Line: 1, Rule: RuleImport, Severity: finding.Warning,
			Message: words(t.keys, msgHeadersOfMap).With(better, left.With(strings.Join(betterCols, ", "))).Pair(), Help: msgTryMap.With(better).Pair()})
	}
	groups := 0
	for _, c := range cols {
		groups = max(groups, c.group)
	}
	im := &importer{name: name, keys: t.keys, opts: opts, cols: cols, groups: groups, res: res, seenRows: map[string]int{},
		ids: map[string]int{}, names: map[string]int{}, national: map[string]int{}, unplaced: map[int][]int{}}
	var blank []int
	for _, row := range t.rows {
		res.Rows++
		if isBlank(row.cells) {
			blank = append(blank, row.line)
			continue
		}
		from := len(res.Findings)
		im.row(row.line, row.cells)
		if t.keys {
			// A finding about an entry is placed where the entry starts,
			// which tells apart the entries of minified JSON, all on
			// one line.
			for i := from; i < len(res.Findings); i++ {
				res.Findings[i].Column = row.col
			}
		}
	}
	if len(blank) > 0 {
		res.Findings = append(res.Findings, finding.Finding{File: name, Line: blank[0], Rule: RuleImport, Severity: finding.Info,
			Message: msgBlankRows.With(lines{blank, true}).Pair(), Help: words(t.keys, msgBlankHelp).With().Pair()})
	}
	for _, c := range cols {
		if at := im.unplaced[c.index]; len(at) > 0 && c.warning >= 0 {
			f := &res.Findings[c.warning]
			f.Message = f.Message.Append(msgUnplaced.With(lines{at, false}).Pair())
			byHand := msgCopyByHand
			if t.keys {
				byHand = msgCopyByHandKey
			}
			f.Help = f.Help.Append(byHand.With().Pair())
		}
	}
	finding.Sort(res.Findings)
	return nil
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

// listLike reports whether a field holds a list, so that several columns may
// fill it together (Thema 1, Thema 2, ...).
func listLike(t valueType) bool {
	switch t {
	case typList, typEnumList, typNames, typObjects, typLinks:
		return true
	}
	return false
}

// mapColumns finds the field of each header: the mapping file first, then
// the built-in headers. Unknown and repeated columns are reported; offset is
// the number of findings before these, so a column can point at its own.
func mapColumns(name string, t *table, opts Options, offset int) ([]column, []finding.Finding) {
	head := t.head
	m := &columnMapper{name: name, head: head, keys: t.keys, null: t.null, opts: opts, offset: offset, used: map[string]int{}}
	// With a kind column, each row says its kind, so the columns of both
	// kinds are read and each row keeps those of its own.
	m.mixed = slices.ContainsFunc(head, func(h string) bool { p, _, _, _ := target(m.opts.Mapping, h); return p == "kind" })
	cols := make([]column, len(head))
	group := 0
	for i, h := range head {
		h = strings.TrimSpace(h)
		if opts.Mapping != nil && opts.Mapping.repeat != "" && normalise(h) == opts.Mapping.repeat {
			group++
		}
		c := m.column(i, h, group)
		if opts.Mapping != nil {
			m.note(&c, h)
		}
		cols[i] = c
	}
	return cols, m.fs
}

// betterMap is the ready-made map that names more of the headers than the
// built-in headers know, and the most of any map, with the headers of the
// columns cols leaves out that it reads into a field (quoted); "" when no
// map does.
func betterMap(head []string, cols []column) (string, []string) {
	known := 0
	for _, h := range head {
		if _, ok := headers[normalise(strings.TrimSpace(h))]; ok {
			known++
		}
	}
	var best *Mapping
	name, most := "", known
	for _, n := range Maps() {
		m, err := LoadMapping(n)
		if err != nil {
			continue
		}
		k := 0
		for _, h := range head {
			if m.named(strings.TrimSpace(h)) {
				k++
			}
		}
		if k > most {
			best, name, most = m, n, k
		}
	}
	if best == nil {
		return "", nil
	}
	var left []string
	for _, c := range cols {
		if path, _, ok := best.column(c.header); ok && path != "" && c.path == "" && !c.ignored {
			left = append(left, strconv.Quote(c.header))
		}
	}
	return name, left
}

// columnMapper holds what mapColumns knows while it reads the header.
type columnMapper struct {
	name   string
	head   []string
	keys   bool            // the head are JSON keys (table.keys)
	null   map[string]bool // keys given only as null (table.null)
	opts   Options
	offset int            // findings before the header's
	mixed  bool           // a kind column: the columns of both kinds are read
	used   map[string]int // group and field → the column that fills it
	fs     []finding.Finding
}

// target is the field a header or a JSON key fills, read through the
// mapping file mp (nil: the record format's names), the rule that reads its
// values, whether it is known, and whether mp gives it.
func target(mp *Mapping, h string) (string, rule, bool, bool) {
	if mp != nil {
		if path, r, ok := mp.column(h); ok {
			return path, r, true, true
		}
	}
	path, ok := headers[normalise(h)]
	return path, builtinRule(h, path), ok, false
}

// warn reports a warning on column c, which points at it.
func (m *columnMapper) warn(c *column, msg, help message.Phrase) {
	c.warning = m.offset + len(m.fs)
	m.fs = append(m.fs, finding.Finding{File: m.name, Line: 1, Column: c.index + 1, Rule: RuleImport, Severity: finding.Warning, Message: msg.Pair(), Help: help.Pair()})
}

// column maps header h, column i of group, to its field, reporting a
// column of the other kind, a second column for one value and an unknown
// header.
func (m *columnMapper) column(i int, h string, group int) column {
	c := column{index: i, header: h, group: group, warning: -1, publication: aboutPublication(h)}
	path, r, ok, mapped := target(m.opts.Mapping, h)
	c.rule = r
	switch {
	case ok && path == "kind":
		c.path = path
	case ok && path != "":
		s := specByPath[path]
		if s.kind != "" && s.kind != m.opts.Kind && !m.mixed {
			only := words(m.keys, msgOnlySensors)
			if s.kind == record.Algorithm {
				only = words(m.keys, msgOnlyAlgorithms)
			}
			m.warn(&c, only.With(h, path), msgOtherKind.With(string(s.kind)))
			path = ""
		}
		key := fmt.Sprint(group, " ", path)
		if prev, dup := m.used[key]; dup && path != "" && !listLike(s.typ) && !(mapped && m.opts.Mapping.named(m.head[prev])) {
			// Two columns for one value: unless the mapping file names
			// both (a source whose entries use one or the other), the
			// second is left out.
			second := msgSecondColumn.With(h, path, prev+1, m.head[prev])
			if m.keys {
				second = msgSecondKey.With(h, path, m.head[prev])
			}
			m.warn(&c, second, words(m.keys, msgRemoveOneColumn).With())
			path = ""
		}
		if path != "" {
			m.used[key] = i
		}
		c.path = path
	case ok && mapped:
		c.ignored = true // the mapping file leaves it out on purpose
	case m.null[h]:
		// Nothing of it is left out; ReadJSON says it is null.
	case m.keys:
		m.warn(&c, msgKeyNotAField.With(h), msgRenameKey.With())
	case h != "":
		m.warn(&c, msgNotAField.With(h), msgRenameHeader.With())
	}
	return c
}

// note reports what the mapping file says about column c, headed h.
func (m *columnMapper) note(c *column, h string) {
	note := m.opts.Mapping.notes[normalise(h)]
	switch {
	case !note.IsZero() && c.ignored:
		// Left out on purpose, and said why: its text is still
		// reported, line by line.
		m.warn(c, words(m.keys, msgNoteIgnored).With(h, note), words(m.keys, msgLeftOut).With())
	case !note.IsZero() && c.path != "":
		m.fs = append(m.fs, finding.Finding{File: m.name, Line: 1, Column: c.index + 1, Rule: RuleImport, Severity: finding.Info,
			Message: words(m.keys, msgNoteColumn).With(h, c.path, note).Pair(), Help: words(m.keys, msgNoteHelp).With().Pair()})
	}
}

// importer holds the state of one import across rows.
type importer struct {
	name     string
	keys     bool // the rows are JSON's entries, with keys (table.keys)
	opts     Options
	cols     []column
	groups   int // the number of records a row can describe beyond the first; 0 for one per row
	res      *Result
	seenRows map[string]int // row text → first line, for exact repeats
	ids      map[string]int // id → line that took it
	names    map[string]int // slug of the name → line that took it first
	national map[string]int // national register id → line that took it
	unplaced map[int][]int  // column index → lines whose text in it is not imported
}

// row imports one data row: one record, or one per filled group of columns
// when the mapping says a row describes several.
func (im *importer) row(line int, row []string) {
	key := strings.Join(trimAll(row), "\x1f")
	if first, ok := im.seenRows[key]; ok {
		im.add(line, 0, finding.Warning, im.w(msgRepeatedRow).With(line, first), im.w(msgRemoveRow).With())
		return
	}
	im.seenRows[key] = line
	private := false
	for _, c := range im.cols {
		if c.path == "" && c.warning >= 0 && c.index < len(row) && strings.TrimSpace(row[c.index]) != "" {
			im.unplaced[c.index] = append(im.unplaced[c.index], line)
			if c.publication {
				// What the row says of its publication is lost: the
				// record would be public. It is not made.
				im.add(line, c.index+1, finding.Error, im.w(msgPublicationColumn).With(c.header), im.w(msgPublicationColumnHelp).With())
				private = true
			}
		}
	}
	if private {
		return
	}
	if im.groups == 0 {
		im.record(line, row, 0)
		return
	}
	made := 0
	for g := 1; g <= im.groups; g++ {
		if im.filled(row, g) {
			im.record(line, row, g)
			made++
		}
	}
	if made == 0 {
		im.add(line, 0, finding.Warning, im.w(msgNoRecord).With(), im.w(msgFillGroup).With())
	}
}

// filled reports whether any imported column of group g has a value.
func (im *importer) filled(row []string, g int) bool {
	for _, c := range im.cols {
		if c.group == g && c.path != "" && c.index < len(row) && strings.TrimSpace(row[c.index]) != "" {
			return true
		}
	}
	return false
}

// w is m as this import says it: in the words of keys and entries for
// JSON.
func (im *importer) w(m *message.Text) *message.Text { return words(im.keys, m) }

// add reports a finding on a cell (col 0: the row), in both languages.
func (im *importer) add(line, col int, sev finding.Severity, msg, help message.Phrase) {
	im.res.Findings = append(im.res.Findings, finding.Finding{File: im.name, Line: line, Column: col, Rule: RuleImport,
		Severity: sev, Message: msg.Pair(), Help: help.Pair()})
}

// draft is the record of one group of a row while it is imported: its
// fields' values and the columns they came from.
type draft struct {
	line  int
	group int // 0: the row's only record
	kind  record.Kind
	vals  map[string]any
	colOf map[string]int // field → column (1-based) that gave it
	// itemCol is list field → the column (1-based) that gave each of its
	// items, in order: a list may be filled from several columns.
	itemCol map[string][]int
	from    map[string]int // field → group of the column that gave it
	// cellOf is field → the first column (1-based) of the row that maps
	// to it, whether its cell gave a value or not: where a field the
	// record lacks would be filled in.
	cellOf map[string]int
}

// column is the column of the row that gave the field, or else the first
// that maps to it; 0 when none does.
func (d *draft) column(path string) int {
	if c, ok := d.colOf[path]; ok {
		return c
	}
	return d.cellOf[path]
}

// record imports the record of group g of a row (0: the row's only record).
func (im *importer) record(line int, row []string, g int) {
	d := &draft{line: line, group: g, kind: im.opts.Kind,
		vals: map[string]any{}, colOf: map[string]int{}, itemCol: map[string][]int{}, from: map[string]int{}, cellOf: map[string]int{}}
	if !im.readCells(d, row) {
		return
	}
	im.settle(d)
	if im.knownNational(d) {
		return
	}
	id, ok := im.assignID(d)
	if !ok {
		return
	}
	if im.opts.Exists != nil && im.opts.Exists(id) {
		im.add(line, 0, finding.Warning, msgExists.With(id), msgNeverOverwrite.With())
		im.ids[id] = line
		return
	}
	im.ids[id] = line
	im.complete(d)
	im.emit(d, id)
}

// readCells reads the cells of the draft's group into it, and reports
// whether the row can be imported: false when a cell is wrong, each such
// cell reported.
func (im *importer) readCells(d *draft, row []string) bool {
	ok := true
	for _, c := range im.cols {
		if c.path == "" || c.index >= len(row) || c.group != 0 && c.group != d.group {
			continue
		}
		if _, ok := d.cellOf[c.path]; !ok {
			d.cellOf[c.path] = c.index + 1
		}
		// The cell as written: a text keeps its spaces (parseCell).
		cell := row[c.index]
		if strings.TrimSpace(cell) == "" {
			continue
		}
		if !im.readCell(d, c, cell) {
			ok = false
		}
	}
	return ok
}

// readCell reads one non-empty cell into the draft, and reports false when
// the cell's value is wrong and the row is skipped.
func (im *importer) readCell(d *draft, c column, cell string) bool {
	add := func(sev finding.Severity, msg, help message.Phrase) { im.add(d.line, c.index+1, sev, msg, help) }
	if c.path == "kind" {
		switch normalise(cell) {
		case "sensor", "sensoren":
			d.kind = record.Sensor
		case "algorithm", "algoritme", "algoritmes":
			d.kind = record.Algorithm
		default:
			add(finding.Error, im.w(msgBadKind).With(cell), msgWriteKind.With())
			return false
		}
		return true
	}
	s := specByPath[c.path]
	v, unknown, err := parseCell(s, c.rule, cell)
	if err != nil {
		add(finding.Error, im.w(msgBadCell).With(c.path, c.header, err), helpFor(s))
		return false
	}
	for _, u := range unknown {
		add(finding.Warning, im.w(msgNotInMap).With(c.path, c.header, u), im.w(msgAddValue).With())
	}
	if v == nil {
		return true
	}
	prev, ok := d.vals[c.path]
	if listLike(s.typ) {
		for range listLen(v) {
			d.itemCol[c.path] = append(d.itemCol[c.path], c.index+1)
		}
	}
	switch {
	case ok && listLike(s.typ):
		d.vals[c.path] = appendList(prev, v)
	case ok && d.from[c.path] == c.group:
		// Another column of the mapping gave this value first: it
		// stays, and a different value here is reported.
		if fmt.Sprint(prev) != fmt.Sprint(v) {
			add(finding.Warning, im.w(msgAlreadyGiven).With(c.path, c.header, clip(cell), im.cols[d.colOf[c.path]-1].header, clip(fmt.Sprint(prev))),
				im.w(msgKeepOne).With())
		}
		return true
	default:
		d.vals[c.path] = v
	}
	d.from[c.path] = c.group
	d.colOf[c.path] = c.index + 1
	return true
}

// settle leaves out the fields of the other kind, adds the mapping's
// defaults and drops a position derived from the one beside it.
func (im *importer) settle(d *draft) {
	for path := range d.vals {
		// Only a spreadsheet with a kind column has both kinds' columns.
		if s := specByPath[path]; s.kind != "" && s.kind != d.kind {
			delete(d.vals, path)
			delete(d.colOf, path)
			delete(d.itemCol, path)
		}
	}
	for path := range d.cellOf {
		if s := specByPath[path]; s.kind != "" && s.kind != d.kind {
			delete(d.cellOf, path)
		}
	}
	if im.opts.Mapping != nil {
		for path, v := range im.opts.Mapping.defaults {
			if _, ok := d.vals[path]; !ok {
				if s := specByPath[path]; s.kind == "" || s.kind == d.kind {
					d.vals[path] = v
				}
			}
		}
	}
	dropDerivedPoint(d.vals)
}

// knownNational reports, and says why, when the draft's national register
// id is already in the register or earlier in the source: it is the same
// algorithm, and the draft is skipped.
func (im *importer) knownNational(d *draft) bool {
	nid, _ := d.vals["national_register.id"].(string)
	if nid == "" {
		return false
	}
	if id, ok := im.opts.NationalIDs[nid]; ok {
		im.add(d.line, d.colOf["national_register.id"], finding.Warning, msgNationalKnown.With(nid, id), msgEditRecord.With())
		return true
	}
	if prev, dup := im.national[nid]; dup {
		im.add(d.line, d.colOf["national_register.id"], finding.Warning, msgNationalAgain.With(nid, prev), msgRemoveEntry.With())
		return true
	}
	im.national[nid] = d.line
	return false
}

// assignID returns the draft's id: from an id column, else made from the
// name. It reports false, having said why, when the draft is skipped.
func (im *importer) assignID(d *draft) (string, bool) {
	id, _ := d.vals["id"].(string)
	if id == "" {
		return im.idFromName(d)
	}
	if err := record.CheckID(id); err != nil {
		im.add(d.line, d.colOf["id"], finding.Error, im.w(msgBadID).With(err), im.w(msgCorrectID).With())
		return "", false
	}
	if prev, dup := im.ids[id]; dup {
		im.add(d.line, d.colOf["id"], finding.Error, im.w(msgIDAgain).With(id, prev), im.w(msgIDsUnique).With())
		return "", false
	}
	return id, true
}

// idFromName makes the draft's id from its name, numbered when the name or
// the id is already taken, and sets it in the draft.
func (im *importer) idFromName(d *draft) (string, bool) {
	nm, _ := d.vals["name"].(string)
	base := record.Slug(nm)
	if base == "" {
		im.noID(d, nm)
		return "", false
	}
	if d.group > 0 && !im.groupHas(d.group, "name") {
		// Several records share the row's name: number them as the
		// row does.
		base = numbered(base, d.group)
	}
	id := base
	prev, dup := im.names[base]
	what := msgNameAgain.With(nm, prev)
	if !dup {
		prev, dup = im.ids[base]
		what = msgIDTaken.With(base, prev)
	}
	if dup {
		// Numbered in spreadsheet order, and only against this
		// spreadsheet, so importing it again finds the same ids in the
		// register and leaves them be.
		for n := 2; ; n++ {
			id = numbered(base, n)
			if _, taken := im.ids[id]; !taken {
				break
			}
		}
		im.add(d.line, d.colOf["name"], finding.Warning, im.w(msgGetsID).With(what, id), im.w(msgSameRecord).With())
	}
	if _, seen := im.names[base]; !seen {
		im.names[base] = d.line
	}
	d.vals["id"] = id
	return id, true
}

// noID says why the draft, whose name is nm, gets no id: it has no name,
// or a name that holds too little for an id ("X", "?!", "東京"). The two
// ask different things of the author, so they are told apart.
func (im *importer) noID(d *draft, nm string) {
	if strings.TrimSpace(nm) == "" {
		im.add(d.line, d.column("name"), finding.Error, im.w(msgNoName).With(), im.w(msgFillName).With())
		return
	}
	im.add(d.line, d.column("name"), finding.Error, im.w(msgNameNoID).With(nm), im.w(msgGiveID).With())
}

// complete fills in what a spreadsheet rarely says but a record needs.
func (im *importer) complete(d *draft) {
	vals := d.vals
	vals["kind"] = string(d.kind)
	if _, ok := vals[migrate.VersionKey]; !ok {
		// A new record is written in the current record format, as
		// register new writes one; what that format asks for and the
		// source does not give, validate and check report.
		vals[migrate.VersionKey] = migrate.Current
	}
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
}

// emit writes the draft as a record file's text, validates it when a
// validator is given, and adds it to the result, its findings pointing at
// the spreadsheet's cells; a text the loader would refuse is not added.
func (im *importer) emit(d *draft, id string) {
	path := d.kind.Folder() + "/" + id + ".yaml"
	data, err := render(d.vals, d.kind, im.name, d.line, im.opts.Now)
	if err != nil {
		im.add(d.line, 0, finding.Error, msgCannotWrite.With(err), message.Phrase{})
		return
	}
	if limit := source.DefaultLimits.MaxBytes; int64(len(data)) > limit {
		// Every command refuses a record file larger than the loader
		// reads, and the register with it: the row is not written.
		field := d.largest()
		im.add(d.line, d.column(field), finding.Error, im.w(msgRecordTooLarge).With(id, len(data), limit), msgShortenField.With(field))
		return
	}
	doc, pfs := source.Parse(path, data, source.DefaultLimits)
	if doc == nil {
		// Values written as the source gives them (a list's numbers and
		// nesting) can make a file the loader refuses, and every command
		// the register with it: the row is not written.
		tree, _ := source.Tree(path, data, source.DefaultLimits)
		for _, f := range pfs {
			if tree != nil {
				f.Path = fieldAt(tree.Root, f.Line)
			}
			f.File, f.Line, f.Column, f.Rule = im.name, d.line, d.columnOf(f), RuleImport
			f.Message = im.w(msgWouldNotLoad).With(id, f.Message).Pair()
			im.res.Findings = append(im.res.Findings, f)
		}
		return
	}
	rec := Record{ID: id, Kind: d.kind, Path: path, Line: d.line, Data: data, Valid: true}
	if im.opts.Validator != nil {
		for _, f := range im.opts.Validator.Validate(doc, d.kind) {
			if f.Severity == finding.Error {
				rec.Valid = false
			}
			// Point at the spreadsheet's cell, which is what the user edits.
			f.File, f.Line, f.Column, f.Record = im.name, d.line, d.columnOf(f), id
			f.Message = label.Text{id + ": " + f.Message.In("nl"), id + ": " + f.Message.In("en")}
			im.res.Findings = append(im.res.Findings, f)
		}
	}
	// A publication block that does not say clearly what may be
	// published keeps the record off the public outputs (publish.Check):
	// the import says so, as check would, rather than report no problem.
	for _, f := range publish.Check(doc.Value, d.kind) {
		rec.Valid = false
		f.File, f.Line, f.Column, f.Record, f.Rule = im.name, d.line, d.columnOf(f), id, RuleImport
		f.Severity = finding.Error
		f.Message = label.Text{id + ": " + f.Message.In("nl"), id + ": " + f.Message.In("en")}
		im.res.Findings = append(im.res.Findings, f)
	}
	im.res.Records = append(im.res.Records, rec)
}

// fieldAt is the JSON Pointer of the field of a record's tree whose key
// or value holds line: the last key at or before it, in each mapping down.
func fieldAt(n *yaml.Node, line int) string {
	var keys []string
	for n != nil && n.Kind == yaml.MappingNode {
		var k, v *yaml.Node
		for i := 0; i+1 < len(n.Content) && n.Content[i].Line <= line; i += 2 {
			k, v = n.Content[i], n.Content[i+1]
		}
		if k == nil {
			break
		}
		keys = append(keys, k.Value)
		n = v
	}
	return source.JoinPointer(keys...)
}

// largest is the field of the draft with the longest text, which makes a
// record too large to load.
func (d *draft) largest() string {
	best, size := "", -1
	for path, v := range d.vals {
		if n := len(fmt.Sprint(v)); n > size || n == size && path < best {
			best, size = path, n
		}
	}
	return best
}

// numbered is the id base with a number after it, the base cut so the id
// stays within 63 characters.
func numbered(base string, n int) string {
	return fmt.Sprintf("%s-%d", strings.TrimRight(base[:min(len(base), 60)], "-"), n)
}

// groupHas reports whether group g has a column of its own for the field.
func (im *importer) groupHas(g int, path string) bool {
	return slices.ContainsFunc(im.cols, func(c column) bool { return c.group == g && c.path == path })
}

// dropDerivedPoint leaves out a WGS84 position that is the conversion of the
// Rijksdriehoek position beside it: the open-data CSV gives every sensor's
// position in WGS84, and a record that has only point_rd must not gain a
// second position by being exported and imported again.
func dropDerivedPoint(vals map[string]any) {
	x, okx := vals["location.point_rd.x"].(float64)
	y, oky := vals["location.point_rd.y"].(float64)
	lat, oklat := vals["location.point.lat"].(float64)
	lon, oklon := vals["location.point.lon"].(float64)
	if !okx || !oky || !oklat || !oklon {
		return
	}
	if clat, clon := geo.RDToWGS84(x, y); clat == lat && clon == lon {
		delete(vals, "location.point.lat")
		delete(vals, "location.point.lon")
	}
}

// columnOf returns the spreadsheet column of a finding about the draft's
// record: the column that filled its field, or, for a field the record
// lacks, the first empty cell of the row that would fill it; 0 when no
// column does.
func (d *draft) columnOf(f finding.Finding) int {
	if c := d.itemColumn(f.Path); c > 0 {
		return c
	}
	if c := columnFor(f.Path, d.colOf); c > 0 {
		return c
	}
	return d.missingColumn(f)
}

// missingColumn returns the first column, of the row's columns that gave
// no value, that fills a field the finding says is missing: a field under the
// finding's object (its Path) whose key the message names, quoted, as
// every "missing required field" message does ("start" in lifecycle, or
// "lifecycle" at the top, filled by lifecycle.start). A finding carries
// the missing keys in its words only; adding them to finding.Finding
// would ripple through every stage and cache that keeps findings, for the
// one reader that has cells to point at. 0 when no column fills one.
func (d *draft) missingColumn(f finding.Finding) int {
	parent := source.Dotted(f.Path)
	en := f.Message.In(message.English)
	best := 0
	for path, c := range d.cellOf {
		if _, filled := d.vals[path]; filled {
			continue
		}
		rest := path
		if parent != "" {
			var ok bool
			if rest, ok = strings.CutPrefix(path, parent+"."); !ok {
				continue
			}
		}
		key, _, _ := strings.Cut(rest, ".")
		if strings.Contains(en, strconv.Quote(key)) && (best == 0 || c < best) {
			best = c
		}
	}
	return best
}

// itemColumn returns the column that gave the list item at a JSON Pointer
// ("/links/0/url": the first link's), or 0 when the pointer is in no item
// of a list filled from the row.
func (d *draft) itemColumn(pointer string) int {
	tokens := source.SplitPointer(pointer)
	for i := len(tokens) - 1; i > 0; i-- {
		cols, ok := d.itemCol[strings.Join(tokens[:i], ".")]
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(tokens[i]); err == nil && n >= 0 && n < len(cols) {
			return cols[n]
		}
		return 0
	}
	return 0
}

// listLen is the number of items of a list value a cell gave.
func listLen(v any) int {
	switch l := v.(type) {
	case []string:
		return len(l)
	case []item:
		return len(l)
	case jsonList:
		var items []json.RawMessage
		if json.Unmarshal(l, &items) == nil {
			return len(items)
		}
	}
	return 0
}

// columnFor returns the spreadsheet column that filled the field at a JSON
// Pointer, or 0 when no column did (a missing field).
func columnFor(pointer string, colOf map[string]int) int {
	dotted := source.Dotted(pointer)
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
func helpFor(s spec) message.Phrase {
	switch s.typ {
	case typDate:
		return msgWriteDate.With()
	case typBool:
		return msgWriteBool.With()
	case typInt:
		return msgWriteInt.With()
	case typFloat:
		return msgWriteFloat.With()
	}
	return message.Phrase{}
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
	if source.Value(root, "evaluation") == nil {
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

func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Special(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Words are the plain scalars YAML 1.1 reads as booleans or null.
var yaml11Words = map[string]bool{"y": true, "yes": true, "n": true, "no": true, "true": true, "false": true,
	"on": true, "off": true, "null": true, "~": true, "": true}

// yaml11Number matches what YAML 1.1 reads as a number: with underscores,
// 0x, 0b, leading zeros, base 60 (1:20) and .inf or .nan.
var yaml11Number = regexp.MustCompile(`^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9_]*\.?[0-9_]+([eE][-+]?[0-9]+)?|[0-9][0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)?|\.(inf|Inf|INF)|\.(nan|NaN|NAN))$`)

// yaml11Special reports whether a text would be read as something else than
// text by a YAML 1.1 reader (many tools still are) when written unquoted:
// yes, no, on, off, y, n and the like, and numbers.
func yaml11Special(s string) bool {
	return yaml11Words[strings.ToLower(s)] || yaml11Number.MatchString(s)
}

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
	case []item:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, it := range t {
			m := &yaml.Node{Kind: yaml.MappingNode}
			for _, kv := range it {
				m.Content = append(m.Content, scalar(kv[0]), scalar(kv[1]))
			}
			n.Content = append(n.Content, m)
		}
		return n
	case jsonList:
		if n, err := jsonNode(json.NewDecoder(bytes.NewReader(t))); err == nil {
			return n
		}
	}
	return scalar(fmt.Sprint(v))
}

// jsonNode turns JSON into YAML with the keys in the order the JSON gives
// them, numbers as written, and texts quoted where YAML 1.1 would misread
// them.
func jsonNode(dec *json.Decoder) (*yaml.Node, error) {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '[':
			n := &yaml.Node{Kind: yaml.SequenceNode}
			for dec.More() {
				c, err := jsonNode(dec)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, c)
			}
			_, err := dec.Token()
			return n, err
		case '{':
			n := &yaml.Node{Kind: yaml.MappingNode}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				c, err := jsonNode(dec)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, scalar(fmt.Sprint(k)), c)
			}
			_, err := dec.Token()
			return n, err
		}
	case string:
		return scalar(t), nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(t.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: t.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(t)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected JSON %v", tok)
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

// ExistingNationalIDs returns the national algorithm register ids (lars) of
// the register's algorithms with their record ids, so an import of national
// register entries leaves the ones the register already has. A record file
// that cannot be read is skipped: validate reports it.
func ExistingNationalIDs(root string) (map[string]string, error) {
	out := map[string]string{}
	dir := filepath.Join(root, record.Algorithm.Folder())
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read register %s: %w", root, err)
	}
	for _, e := range entries {
		n := e.Name()
		if ext := filepath.Ext(n); !e.Type().IsRegular() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || int64(len(data)) > source.DefaultLimits.MaxBytes {
			continue
		}
		var r struct {
			NationalRegister struct {
				ID any `yaml:"id"`
			} `yaml:"national_register"`
		}
		if yaml.Unmarshal(data, &r) == nil && r.NationalRegister.ID != nil {
			out[fmt.Sprint(r.NationalRegister.ID)] = strings.TrimSuffix(n, filepath.Ext(n))
		}
	}
	return out, nil
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

// appendList adds the items of a later column to a list field an earlier
// column began (Thema 1, Thema 2, ...).
func appendList(prev, v any) any {
	switch p := prev.(type) {
	case []string:
		if n, ok := v.([]string); ok {
			return append(p, n...)
		}
	case []item:
		if n, ok := v.([]item); ok {
			return append(p, n...)
		}
	case jsonList:
		if n, ok := v.(jsonList); ok {
			var a, b []json.RawMessage
			if json.Unmarshal(p, &a) == nil && json.Unmarshal(n, &b) == nil {
				out, err := json.Marshal(append(a, b...))
				if err == nil {
					return jsonList(out)
				}
			}
		}
	}
	return v
}
