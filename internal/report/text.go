package report

import (
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/logsafe"
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
	c := &cleaner{known: map[string]bool{}}
	for _, f := range fs {
		c.writeFinding(b, f, opts.Lang, opts.Color)
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
func findingText(f finding.Finding, lang string, color bool) string {
	var b strings.Builder
	(*cleaner)(nil).writeFinding(&b, f, lang, color)
	return b.String()
}

// writeFinding writes one finding as the text format shows it: the
// position, severity, message and rule on one line, then the principle and
// help text indented on the next when there are any, in lang where the
// finding has it.
func (c *cleaner) writeFinding(b sink, f finding.Finding, lang string, color bool) {
	msg, help := f.Text(lang)
	// Written piece by piece: f.Position and the joined texts made
	// several strings per finding, and a report may have a million.
	if f.File != "" || f.Line > 0 {
		b.WriteString(c.cleanFile(f.File))
		if f.Line > 0 {
			var num [24]byte
			b.WriteByte(':')
			b.Write(strconv.AppendInt(num[:0], int64(f.Line), 10))
			if f.Column > 0 {
				b.WriteByte(':')
				b.Write(strconv.AppendInt(num[:0], int64(f.Column), 10))
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(severityWord(f.Severity, color))
	b.WriteString(": ")
	writeIndented(b, c.clean(msg))
	if f.Rule != "" {
		b.WriteString(" (")
		b.WriteString(c.clean(f.Rule))
		b.WriteByte(')')
	}
	b.WriteByte('\n')
	if f.Principle == "" && help == "" {
		return
	}
	b.WriteString("  ")
	writeIndented(b, c.clean(f.Principle))
	if f.Principle != "" && help != "" {
		b.WriteString(" · ")
	}
	writeIndented(b, c.clean(help))
	b.WriteByte('\n')
}

// writeIndented writes s with every line after the first started with two
// spaces, so a message or help text that spans lines stays under its
// finding.
func writeIndented(b sink, s string) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i+1])
		b.WriteString("  ")
		s = s[i+1:]
	}
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

// cleaner cleans the texts of a report, remembering which it found clean
// already: a check's findings share a few thousand texts between them,
// and looking at each again was a tenth of a re-check's time. A nil
// cleaner remembers nothing.
type cleaner struct {
	known map[string]bool
	// The file the findings before were about, as cleaned: the findings
	// come by file, and each file's name is its own.
	file, cleanedFile string
}

// cleanerTexts bounds how many texts a cleaner remembers; a text shorter
// than cleanerShorter is looked at anew each time.
const (
	cleanerTexts   = 1 << 16
	cleanerShorter = 24
)

// clean is clean(s), as the cleaner remembers it.
func (c *cleaner) clean(s string) string {
	if c == nil || len(s) < cleanerShorter {
		return clean(s)
	}
	ok, seen := c.known[s]
	if !seen {
		ok = logsafe.Safe(s)
		if len(c.known) < cleanerTexts {
			c.known[s] = ok
		}
	}
	if ok {
		return s
	}
	return clean(s)
}

// cleanFile is CleanPath(file), for the file the finding before was about
// from what the cleaner kept of it.
func (c *cleaner) cleanFile(file string) string {
	if c == nil {
		return CleanPath(file)
	}
	if file != c.file || c.cleanedFile == "" {
		c.file, c.cleanedFile = file, CleanPath(file)
	}
	return c.cleanedFile
}

// clean is logsafe.Text: messages quote values from records, and a
// record must not be able to move the cursor, rewrite earlier lines or
// change colours in a reader's terminal, nor start a line a CI runner
// takes as its command.
func clean(s string) string { return logsafe.Text(s) }

// CleanPath is logsafe.Path: a file's path on one line.
func CleanPath(s string) string { return logsafe.Path(s) }
