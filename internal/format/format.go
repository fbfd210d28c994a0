// Package format is the one shape every output format of every command
// takes: a name (what --format says), the file extensions it is written
// to, and a writer. A command's formats are a Set, from which the command
// line takes the flag's help, its shell completion and the check of its
// value, so a new format is one entry in its package's Set and nothing
// else.
package format

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
)

// What is said of a format that is not one of a Set's: a name (--format)
// or a file's extension.
var (
	msgUnknown   = message.New("unknown format %q: use %s", "onbekend formaat %q: kies %s")
	msgExtension = message.New("%s: the extension says the format: use %s", "%s: de extensie bepaalt het formaat: gebruik %s")
)

// Format is one output format of values of type T.
type Format[T any] struct {
	// Name is what --format takes ("json").
	Name string
	// Exts are the file extensions of the format, with the dot, the usual
	// one first (".html", ".htm"); none when the format is never chosen by
	// a file's name.
	Exts []string
	// Write renders v to w.
	Write func(w io.Writer, v T) error
}

// Set is the formats of one output, in the order help lists them.
type Set[T any] []Format[T]

// Names lists the formats' names in order.
func (s Set[T]) Names() []string {
	names := make([]string, len(s))
	for i, f := range s {
		names[i] = f.Name
	}
	return names
}

// Choices names the formats as help and errors write them: "text, json or
// csv".
func (s Set[T]) Choices() Choices { return Choices(s.Names()) }

// Lookup returns the format called name, or an error that lists the
// choices (Unknown).
func (s Set[T]) Lookup(name string) (Format[T], error) {
	for _, f := range s {
		if f.Name == name {
			return f, nil
		}
	}
	return Format[T]{}, Unknown(name, s.Names())
}

// Unknown is the error for a format name that is none of names: it lists
// them, and is worded in the reader's language (a message.Text error), so
// the command line says it in Dutch or English whole.
func Unknown(name string, names []string) error { return msgUnknown.Err(name, Choices(names)) }

// ForFile returns the format a file's extension names (case does not
// matter), or an error that lists the extensions.
func (s Set[T]) ForFile(path string) (Format[T], error) {
	ext := strings.ToLower(filepath.Ext(path))
	var exts []string
	for _, f := range s {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
		if len(f.Exts) > 0 {
			exts = append(exts, f.Exts[0])
		}
	}
	return Format[T]{}, msgExtension.Err(path, Choices(exts))
}

// Named is what the command line needs of a Set of any type: the names
// for a flag's help, completion and check.
type Named interface{ Names() []string }

// Choices is a list of choices as help and errors name them: "a", "a or
// b", "a, b or c", and in Dutch "a, b of c". It is a message.Lingual, so a
// text that names it is worded in one language.
type Choices []string

// In writes the choices in lang: Dutch for "nl", English for any other,
// as a message.Text is worded.
func (c Choices) In(lang string) string {
	if lang == message.Dutch {
		return Join(c, "of")
	}
	return Join(c, "or")
}

// String writes the choices in English.
func (c Choices) String() string { return c.In(message.English) }

// Join words a list of choices with the conjunction given ("a, b or c"), so
// a caller in another language words it the same way with its own word.
func Join(names []string, conj string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

// JoinNonEmpty joins the parts that hold more than white space, trimmed,
// with sep, so that an empty part leaves no dangling separator.
func JoinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
