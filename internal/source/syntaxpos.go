package source

import (
	"bytes"
	"errors"
	"io"
	"sort"

	"go.yaml.in/yaml/v3"
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

// parseOne parses data as Tree does a file without document markers.
func parseOne(data []byte) error {
	var n yaml.Node
	return safeDecode(func(v any) error { return yaml.Unmarshal(data, v) }, &n)
}

// parseTwo parses data as Tree does a file with document markers: its
// first two documents, the end of the data no error.
func parseTwo(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for range 2 {
		var n yaml.Node
		if err := safeDecode(dec.Decode, &n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
	return nil
}
