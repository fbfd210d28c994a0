package source

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/message"
)

// The YAML parser's syntax errors name a line but never a column, name no
// line at all for the first one, and for some errors name the line before
// (it counts that line from 0). Where it stopped is found by parsing again
// only a file that does not parse: the parser stops with the same error on
// the prefixes of the file that hold the character that made it stop, and
// as a rule on no shorter one, so the shortest such prefix ends at that
// character. Where the rule fails (a %YAML directive is judged at the
// document's start), the place found is still one where the parser stops
// with that error.

// maxSyntaxSearch bounds the files whose errors are placed so: some 6,000
// lines, a hundred times a record. A search parses a prefix of the file
// once for each time the file's length halves, so a register of broken
// files, however hostile, costs at most some twenty times its parse.
const maxSyntaxSearch = 256 << 10

// syntaxFinding is where and what the syntax error err of data, read as
// Tree reads it (docs: document by document), is: placed where the parser
// stopped, reading prefixes as the file was read; an unclosed bracket, at
// the bracket; the parser's line and no column when the search finds
// nothing.
func syntaxFinding(data []byte, err error, docs bool) (line, col int, msg, help message.Phrase) {
	line, msg, opens := syntaxError(err)
	at, found := syntaxOffset(data, err, line, func(p []byte) error { _, _, err := decode(p, docs); return err })
	if found {
		// The shortest prefix that fails alike may end inside a letter
		// of several bytes ("!㎎"): the error is at the letter.
		for at > 0 && !utf8.RuneStart(data[at]) {
			at--
		}
		if i := bytes.LastIndexByte(data[:at+1], opens); opens != 0 && i >= 0 {
			at = i
		}
		line, col = Position(data, at)
		if q, closes, ok := swallowingQuote(data[:at]); ok {
			// The parser went on past the line a quote opened on, and
			// stopped at what it made of the rest.
			qline, qcol := Position(data, q)
			return qline, qcol, msgQuoteRunsOn.With(closes, line), msgCloseQuote.With()
		}
	}
	return line, col, msg, syntaxHelp(data, line, !found)
}

// swallowingQuote finds, in the text before a syntax error, a quoted value
// that runs on over the lines after the one it opens on and takes in what
// reads as keys of the record (a line "summary: ..." indented no more than
// the key the quote belongs to): a quote left open, which the parser
// closes at the next quote of the file, often lines further, and stops at
// what follows. It returns the offset of that quote and the line it
// closes on. A value quoted over several lines with only text in it is
// not one.
func swallowingQuote(data []byte) (at, closes int, ok bool) {
	var (
		quote  byte // the open quote, or 0
		start  int  // its offset
		indent int  // the indentation of the line it opened on
		keys   bool // a line inside it reads as a key at that indentation
	)
	for off, n := 0, 1; off < len(data); n++ {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		lead := len(line) - len(bytes.TrimLeft(line, " "))
		i := 0
		if quote != 0 {
			if lead <= indent && keyLine.Match(line) {
				keys = true
			}
			i = closeQuote(line, 0, quote)
			if i < 0 {
				off += end + 1
				continue
			}
			if keys {
				return start, n, true
			}
			quote = 0
		}
		for ; i < len(line); i++ {
			c := line[i]
			if c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
				break // a comment
			}
			if (c != '"' && c != '\'') || !valueStart(line, i) {
				continue
			}
			j := closeQuote(line, i+1, c)
			if j < 0 {
				quote, start, indent, keys = c, off+i, lead, false
				break
			}
			i = j - 1
		}
		off += end + 1
	}
	return 0, 0, false
}

// keyLine is a line that reads as a key of a mapping, or an entry of a
// list that starts with one.
var keyLine = regexp.MustCompile(`^ *(- +)?[A-Za-z_][A-Za-z0-9_]*:( |$)`)

// valueStart reports whether a quote at line[i] begins a value: first on
// its line, or after ": ", "- ", or a flow collection's '[', '{' or ','.
func valueStart(line []byte, i int) bool {
	j := i - 1
	for j >= 0 && line[j] == ' ' {
		j--
	}
	if j < 0 {
		return true
	}
	switch line[j] {
	case '[', '{', ',':
		return true
	case ':', '-':
		return j < i-1 // a blank between
	}
	return false
}

// closeQuote returns the offset in line just past the quote q that closes
// a quoted value read from line[i:] on, or -1 when the line ends first.
// In double quotes a backslash escapes the next character; in single
// quotes two quotes are one.
func closeQuote(line []byte, i int, q byte) int {
	for ; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i + 1
		}
	}
	return -1
}

// syntaxOffset returns the offset of the character at which parse, the
// parse of data that failed with err, stops with the same error on a
// prefix of data; ok is false for a file too large to search. near is the
// line the error names (0: none): the search starts a line before it, as
// the parser may count from 0.
func syntaxOffset(data []byte, err error, near int, parse func([]byte) error) (int, bool) {
	if len(data) > maxSyntaxSearch {
		return 0, false
	}
	want := err.Error()
	start := 0
	if near > 2 {
		start = LineStart(data, near-1)
	}
	// The prefixes data[:start+1] to data[:len(data)]; the last is the
	// whole file, on which parse fails with err.
	n := len(data) - start
	i := sort.Search(n, func(i int) bool {
		e := parse(data[:start+1+i])
		return e != nil && e.Error() == want
	})
	if i == n {
		return 0, false
	}
	return start + i, true
}

// syntaxHelp says what to do about a syntax error at line, or at the line
// after when the parser named it (near); a tab in the indentation,
// invisible in most editors, gets named.
func syntaxHelp(data []byte, line int, near bool) message.Phrase {
	lines := bytes.Split(data, []byte("\n"))
	look := []int{line - 1}
	if near {
		look = append(look, line) // the parser may name the line before
	}
	for _, l := range look {
		if l >= 0 && l < len(lines) {
			indent := lines[l][:len(lines[l])-len(bytes.TrimLeft(lines[l], " \t"))]
			if bytes.IndexByte(indent, '\t') >= 0 {
				return msgNoTabs.With()
			}
		}
	}
	return msgFixSyntax.With()
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError splits the parser's "yaml: line N: msg" into N (0 when it
// names no line) and msg, and says which bracket an unclosed-bracket error
// is of (opens; 0: another error). N is where the parser saw the error, or
// the line before.
func syntaxError(err error) (n int, msg message.Phrase, opens byte) {
	rest := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ = strconv.Atoi(m[1])
		rest = err.Error()[len(m[0]):]
	}
	for _, pair := range []string{"[]", "{}"} {
		if strings.HasSuffix(rest, "did not find expected ',' or '"+pair[1:]+"'") {
			// The parser names the line before the one where the bracket
			// opened.
			if n > 0 {
				n++
			}
			return n, msgUnclosed.With("'" + pair[:1] + "'"), pair[0]
		}
	}
	return n, msgSyntax.With(parserWords(rest)), 0
}
