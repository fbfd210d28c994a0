package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/finding"
)

// ANSI colours for the severity word. Only the word is coloured, so the line
// still reads well when a terminal shows no colour.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// writeText prints one finding per line in the form compilers use, so editors
// and terminals make the position clickable:
//
//	sensors/cam-markt.yaml:12:3: error: message (rule)
//	  VNG 2.1 · help text
//
// and closes with a summary line in plain words.
func writeText(b sink, fs []finding.Finding, sum finding.Summary, opts Options) error {
	for _, f := range fs {
		writeFinding(b, opts.inLang(f), opts.Color)
	}
	if len(fs) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(summaryIn(opts.Lang, sum))
	b.WriteByte('\n')
	return nil
}

// findingText renders one finding as the text format shows it (see
// writeFinding).
func findingText(f finding.Finding, color bool) string {
	var b strings.Builder
	writeFinding(&b, f, color)
	return b.String()
}

// writeFinding writes one finding as the text format shows it: the
// position, severity, message and rule on one line, then the principle and
// help text indented on the next when there are any.
func writeFinding(b sink, f finding.Finding, color bool) {
	if pos := f.Position(); pos != "" {
		b.WriteString(clean(pos))
		b.WriteString(": ")
	}
	b.WriteString(severityWord(f.Severity, color))
	b.WriteString(": ")
	b.WriteString(indent(clean(f.Message)))
	if f.Rule != "" {
		b.WriteString(" (")
		b.WriteString(clean(f.Rule))
		b.WriteByte(')')
	}
	b.WriteByte('\n')
	if f.Principle == "" && f.Help == "" {
		return
	}
	b.WriteString("  ")
	switch {
	case f.Principle != "" && f.Help != "":
		b.WriteString(indent(clean(f.Principle) + " · " + clean(f.Help)))
	case f.Principle != "":
		b.WriteString(indent(clean(f.Principle)))
	default:
		b.WriteString(indent(clean(f.Help)))
	}
	b.WriteByte('\n')
}

// severityWord returns the severity's name, coloured when asked.
func severityWord(s finding.Severity, color bool) string {
	word := s.String()
	if !color {
		return word
	}
	c := ansiCyan
	switch s {
	case finding.Error:
		c = ansiRed
	case finding.Warning:
		c = ansiYellow
	}
	return c + word + ansiReset
}

// indent starts every line after the first with two spaces, so a message or
// help text that spans lines stays under its finding.
func indent(s string) string {
	return strings.ReplaceAll(s, "\n", "\n  ")
}

// clean shows control characters (other than newline and tab) and bytes
// that are not UTF-8 as \xNN escapes. Messages quote values from records, and
// a record must not be able to move the cursor, rewrite earlier lines or
// change colours in a reader's terminal.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isControl reports C0 and C1 control characters and DEL, except newline and
// tab, which the text format lays out itself.
func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}
