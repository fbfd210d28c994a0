// Package csvcell writes CSV that a spreadsheet program opens as text: a
// cell that would start a formula (=, +, -, @, a tab or a carriage return
// at its start) is written with a leading apostrophe, the quote character
// spreadsheets use for "this is text". Every CSV output goes through
// Writer, and the importer reads cells back through Plain, so a register
// exported and imported again keeps its text.
package csvcell

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// number is a plain decimal number: a spreadsheet reads it as a value, not a
// formula, so a negative number keeps its sign unquoted.
var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// trigger reports whether a spreadsheet would read a cell starting with c
// as a formula (or, for tab and CR, strip them and then read the rest).
func trigger(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// quoted reports whether s is apostrophes followed by a trigger character,
// with at least min apostrophes.
func quoted(s string, min int) bool {
	rest := strings.TrimLeft(s, "'")
	return len(s)-len(rest) >= min && rest != "" && trigger(rest[0]) && !number.MatchString(rest)
}

// Safe returns the cell as it is written: with one apostrophe in front when
// a spreadsheet would otherwise run it as a formula. A cell that already
// starts with apostrophes before such a character gets one more, so Plain
// gives back exactly the text; any other cell (also "'s-Hertogenbosch") is
// written as it is.
func Safe(s string) string {
	if quoted(s, 0) {
		return "'" + s
	}
	return s
}

// Plain undoes Safe: it returns the text of a cell read from a CSV file.
func Plain(s string) string {
	if quoted(s, 1) {
		return s[1:]
	}
	return s
}

// Writer writes RFC 4180 CSV (CRLF line ends, quoted where needed) with
// every cell made safe.
type Writer struct {
	w   *csv.Writer
	row []string
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw}
}

// Write writes one row; the cells are made safe, the slice is left as it is.
func (w *Writer) Write(row []string) error {
	w.row = w.row[:0]
	for _, c := range row {
		w.row = append(w.row, Safe(c))
	}
	return w.w.Write(w.row)
}

// Flush writes what is buffered and returns the first error of any write.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}
