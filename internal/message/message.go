// Package message holds texts the program prints in Dutch and English, each
// pair written in one place, and works out which of the two a run speaks.
//
// The register keeps every Dutch/English pair as a label.Text (Dutch first,
// read with In). A Text here is that pair with what a printed message needs
// besides: a fmt format whose two languages take the same arguments, a
// place in the catalogue that tests check, and English for any language but
// Dutch, the command line's own default.
//
// A text is declared once, both languages side by side:
//
//	var msgWrote = message.New("wrote %d pages to %s", "%[2]s: %[1]d pagina's geschreven")
//
// and printed in the run's language with msgWrote.Format(lang, n, dir). The
// Dutch may reorder the arguments with explicit indexes; Check holds both
// languages to the same arguments, so a translation cannot drop or swap one.
package message

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/label"
)

// The languages a text is written in.
const (
	Dutch   = "nl"
	English = "en"
)

// Text is one message in English and Dutch: plain text, or a fmt format
// taking the same arguments in both languages.
type Text struct {
	pair label.Text
}

var (
	mu  sync.Mutex
	all []*Text
)

// New declares a text in English and Dutch and adds it to All.
func New(en, nl string) *Text {
	t := &Text{pair: label.Text{nl, en}}
	mu.Lock()
	all = append(all, t)
	mu.Unlock()
	return t
}

// All returns every text declared with New, in the order declared.
func All() []*Text {
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(all)
}

// In returns the text in lang: Dutch for "nl", English for anything else.
func (t *Text) In(lang string) string {
	if lang != Dutch {
		lang = English
	}
	return t.pair.In(lang)
}

// Format formats the text in lang with args, as fmt.Sprintf does. An
// argument worded in each language (a Lingual: a Text, a Phrase) is worded
// in lang too.
func (t *Text) Format(lang string, args ...any) string {
	if len(args) == 0 {
		return t.In(lang)
	}
	return fmt.Sprintf(t.In(lang), worded(lang, args)...)
}

// Lingual is a value worded in each language: a Text, a Phrase, or a type
// of the caller's, such as a list joined with "or" and "of".
type Lingual interface{ In(lang string) string }

// worded returns args with every Lingual one in lang; args itself when
// none is.
func worded(lang string, args []any) []any {
	var out []any
	for i, arg := range args {
		l, ok := arg.(Lingual)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = l.In(lang)
	}
	if out == nil {
		return args
	}
	return out
}

// Phrase is a text with its arguments, worded once the language is known:
// a stage that does not know who reads its words keeps them as phrases.
type Phrase struct {
	text *Text
	args []any
}

// With returns the text with args, to be worded in either language later.
func (t *Text) With(args ...any) Phrase { return Phrase{text: t, args: args} }

// In is the phrase in lang, its Lingual arguments in lang too.
func (p Phrase) In(lang string) string {
	if p.text == nil {
		return ""
	}
	return p.text.Format(lang, p.args...)
}

// String is the phrase in English.
func (p Phrase) String() string { return p.In(English) }

// Pair is the phrase worded in both languages, as the register keeps a
// pair: what a finding holds as its message and help.
func (p Phrase) Pair() label.Text { return label.Text{p.In(Dutch), p.In(English)} }

// String is the English text, for a reader of the code and test logs.
func (t *Text) String() string { return t.pair.In(English) }

// Err returns the text with args as an error: its Error is the English,
// and it is a Lingual, so a caller that words errors in the reader's
// language (the command line) gets it in Dutch too. Each call returns a
// new error; keep one in a variable for errors.Is.
func (t *Text) Err(args ...any) error { return &phraseError{Phrase: t.With(args...)} }

// ErrOf is Err for an error of the kind sentinel: errors.Is tells it as
// sentinel, whose own words it does not repeat.
func (t *Text) ErrOf(sentinel error, args ...any) error {
	return &phraseError{Phrase: t.With(args...), is: sentinel}
}

type phraseError struct {
	Phrase
	is error // the sentinel it is one of (ErrOf); nil for none
}

func (e *phraseError) Error() string { return e.In(English) }
func (e *phraseError) Unwrap() error { return e.is }

// Check reports a text missing in one language, or a Dutch text whose
// arguments differ from the English: one left out, one too many, or one
// read with another verb (a %d that became %s).
func (t *Text) Check() error {
	en, nl := t.pair.In(English), t.pair.In(Dutch)
	switch {
	case strings.TrimSpace(en) == "":
		return fmt.Errorf("%q: no English text", nl)
	case strings.TrimSpace(nl) == "":
		return fmt.Errorf("%q: no Dutch text", en)
	}
	enVerbs, err := Verbs(en)
	if err != nil {
		return fmt.Errorf("%q: %v", en, err)
	}
	nlVerbs, err := Verbs(nl)
	if err != nil {
		return fmt.Errorf("%q: %v", nl, err)
	}
	if !slices.Equal(enVerbs, nlVerbs) {
		return fmt.Errorf("%q takes %v, its Dutch %q takes %v", en, enVerbs, nl, nlVerbs)
	}
	return nil
}

// Verbs lists the verbs of a fmt format by the argument each reads, in
// argument order: "%[2]s at %[1]d" gives [d s]. An argument read twice
// must be read with the same verb; %% reads none.
func Verbs(format string) ([]string, error) {
	byArg := map[int]string{}
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		// An argument index may stand before the width or before the verb
		// ("%[2]d", "%.2[3]f"); the last one says which argument the verb
		// reads.
		for i < len(format) && (format[i] == '[' || format[i] == '.' || format[i] >= '0' && format[i] <= '9') {
			if format[i] != '[' {
				i++
				continue
			}
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed argument index")
			}
			var n int
			if _, err := fmt.Sscanf(format[i+1:i+end], "%d", &n); err != nil || n < 1 {
				return nil, fmt.Errorf("bad argument index %q", format[i:i+end+1])
			}
			next = n
			i += end + 1
		}
		if i >= len(format) {
			return nil, fmt.Errorf("format ends in %%")
		}
		if format[i] == '%' {
			continue
		}
		if format[i] == 'w' {
			return nil, fmt.Errorf("%%w: a text is formatted, not wrapped; use %%v")
		}
		verb := string(format[i])
		if prev, ok := byArg[next]; ok && prev != verb {
			return nil, fmt.Errorf("argument %d read as %%%s and %%%s", next, prev, verb)
		}
		byArg[next] = verb
		next++
	}
	out := make([]string, len(byArg))
	for n, v := range byArg {
		if n > len(byArg) {
			return nil, fmt.Errorf("argument %d of %d: an argument is skipped", n, len(byArg))
		}
		out[n-1] = v
	}
	return out, nil
}

// Parse reads a language as the user gives it (--lang): nl or en.
func Parse(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case Dutch:
		return Dutch, true
	case English:
		return English, true
	}
	return "", false
}

// FromEnvironment is the language of the user's locale, as getenv
// (os.Getenv) gives it: the first of LC_ALL, LC_MESSAGES and LANG that is
// set decides, Dutch when it names Dutch (nl_NL.UTF-8, nl_BE, nl), else
// English; "" when none is set.
func FromEnvironment(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := getenv(v); l != "" {
			if strings.HasPrefix(l, Dutch) {
				return Dutch
			}
			return English
		}
	}
	return ""
}

// Count is a text about a number of things, worded for one and for more
// ("1 sign", "14 signs"); the number is its first argument.
type Count struct {
	one, many *Text
}

// NewCount declares a counted text: for one and for more in English, then
// the same in Dutch. Both wordings take the number as their first argument.
func NewCount(oneEN, manyEN, oneNL, manyNL string) *Count {
	return &Count{one: New(oneEN, oneNL), many: New(manyEN, manyNL)}
}

// Format formats the wording for n in lang, with n as the first argument.
func (c *Count) Format(lang string, n int, args ...any) string {
	t := c.many
	if n == 1 {
		t = c.one
	}
	return t.Format(lang, append([]any{n}, args...)...)
}

// Records counts records ("1 record", "14 records"): several commands'
// summaries start with it.
var Records = NewCount("%d record", "%d records", "%d registratie", "%d registraties")

// ReadFailed says a file cannot be read, and why ("read x.csv: ..."): the
// command line and the packages it calls say it alike.
var ReadFailed = New("read %s: %v", "%s lezen: %v")

// The shapes of a value, as the schema findings and the import name what a
// field takes.
var (
	AList        = New("a list", "een lijst")
	AWholeNumber = New("a whole number", "een geheel getal")
	ANumber      = New("a number", "een getal")
)

// Faulty names a field or setting and what is wrong with it, an error
// that words itself in either language (a Lingual, such as the period
// package's): the reading of register.yaml and the schema's findings say
// it alike.
var Faulty = New("%s: %v", "%s: %v")
