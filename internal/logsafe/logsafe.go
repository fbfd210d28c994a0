// Package logsafe makes texts safe to print where they are read a line at a
// time: a terminal, and a CI runner's log. Records are written by whoever
// may open a pull request, and their values reach messages and file names:
// they must not move a terminal's cursor, change its colours, split a
// position over two lines, or start a line the runner takes as its
// command.
package logsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is s with its control characters (other than newline and tab) and
// its bytes that are not UTF-8 as \xNN escapes, the first colon of every
// line that would start a runner's command (Command) escaped too, and the
// second hash of every older command ("##[error]", "##vso[") anywhere in
// a line, which runners read wherever it stands.
func Text(s string) string {
	if Safe(s) {
		return s
	}
	s = oldCommands(escaped(s, isControl))
	var b strings.Builder
	for line := range strings.Lines(s) {
		if i := Command(line); i >= 0 {
			b.WriteString(line[:i])
			b.WriteString(`\x3a`)
			line = line[i+1:]
		}
		b.WriteString(line)
	}
	return b.String()
}

// Safe reports whether Text leaves s as it is: nearly every text.
func Safe(s string) bool { return isClean(s) && !commands(s) && !strings.Contains(s, "##") }

// oldCommands escapes the second hash of every "##[" and "##vso[": the
// older form of a runner's command, read anywhere in a line.
func oldCommands(s string) string {
	if !strings.Contains(s, "##") {
		return s
	}
	return strings.NewReplacer("##[", `#\x23[`, "##vso[", `#\x23vso[`).Replace(s)
}

// Path is Text for a file's path: a newline and a tab are escaped too. A
// path lays out no lines of its own, and one with a line break would split
// its position over two lines, the second read as a line of its own.
func Path(s string) string {
	if isClean(s) && !strings.ContainsAny(s, "\n\t") && !strings.Contains(s, "##") {
		return s
	}
	return oldCommands(escaped(s, func(r rune) bool { return r == '\n' || r == '\t' || isControl(r) }))
}

// Command returns where the colons that make line a CI runner's command
// start: "::" after the line's leading white space, as the runner trims
// it (any Unicode white space, a no-break space or an em space too); -1
// when line starts none.
func Command(line string) int {
	i := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
	if strings.HasPrefix(line[i:], "::") {
		return i
	}
	return -1
}

// commands reports whether any line of s starts a command.
func commands(s string) bool {
	if !strings.Contains(s, "::") {
		return false
	}
	for line := range strings.Lines(s) {
		if Command(line) >= 0 {
			return true
		}
	}
	return false
}

// escaped is s with the runes control says and bytes that are not UTF-8
// as \xNN escapes.
func escaped(s string, control func(rune) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case control(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether s is valid UTF-8 without control characters
// other than newline and tab: nearly every text. It looks at plain ASCII a
// byte at a time, as a report of a million findings calls it several
// times on each.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\n' && b != '\t' || b == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) {
			return false
		}
		i += size
	}
	return true
}

// isControl reports C0 and C1 control characters and DEL, except newline and
// tab, which a text lays out itself.
func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}
