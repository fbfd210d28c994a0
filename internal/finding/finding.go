// Package finding holds the one type every stage of the register emits: a
// problem found in a record or file, with its position, rule and principle.
// Loading, validation and the checklist produce findings; the report package
// prints them.
package finding

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/logsafe"
)

// Severity says how much a finding matters. Its order is Info < Warning < Error.
type Severity int

// The severities, from least to most severe. Off switches a rule off in
// configuration and never appears on a finding.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// String returns the lower-case name used in configuration and output.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	default:
		return "off"
	}
}

// ParseSeverity reads a severity name as written in configuration or on the
// command line.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none":
		return Off, nil
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q: use error, warning, info or off", s)
}

// MarshalText writes the severity's name, so JSON shows "error" rather than 3.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Rule ids used by the stages that are not principle rules.
const (
	RuleYAML     = "yaml"     // the file could not be read as a record
	RuleSchema   = "schema"   // the record does not follow the JSON Schema
	RuleRegister = "register" // register-wide consistency: ids, folders, references
	RuleConfig   = "config"   // register.yaml
	// RulePublication: the publication block does not say clearly what may
	// be published, so the record is kept off every public output.
	RulePublication = "publication"
)

// Finding is one problem, pinned to a file and, where known, a line and column.
// Line and Column are 1-based; 0 means unknown (and is omitted from output).
type Finding struct {
	File      string
	Line      int
	Column    int
	Record    string
	Rule      string
	Principle string
	Severity  Severity

	// Message says what is wrong and Help what to do, each in Dutch and
	// English: plain Dutch for the public site and the review packet, and
	// the command line's language. A stage that has no Dutch for a finding
	// leaves it empty, and readers fall back to the English (Text). The
	// machine formats keep the documented findings shape, in English
	// (MarshalJSON).
	Message label.Text
	Help    label.Text
	// Law cites the article(s) of law that make the finding a legal duty
	// ("AVG art. 33 lid 1", "GDPR art. 33(1)"); zero when it follows from
	// policy alone (a VNG principle or a programme commitment).
	// Configuration cannot switch a legal finding off or lower it, and an
	// exception keeps it a warning. The messages cite the article too; the
	// machine formats keep the documented shape.
	Law label.Text

	// Path is the JSON Pointer of the field concerned inside the record
	// (for example "/lifecycle/end"). Stages that know the field but not its
	// position set it and leave Line zero; Locate fills the position later.
	Path string
	// Key asks Locate for the position of the field's key rather than its value
	// (an unknown key is reported at the key).
	Key bool
}

// Documented is the language of the documented findings shape, which the
// machine formats (JSON, SARIF, JUnit) write whatever the run's language:
// English. Tools and scripts read them, and their rule descriptions are
// English, so a finding's message there is too.
const Documented = "en"

// JSON is a finding in the documented findings shape of the machine
// formats: message and help in the Documented language, line and column
// left out when unknown.
type JSON struct {
	File      string   `json:"file"`
	Line      int      `json:"line,omitempty"`
	Column    int      `json:"column,omitempty"`
	Record    string   `json:"record,omitempty"`
	Rule      string   `json:"rule"`
	Principle string   `json:"principle,omitempty"`
	Severity  Severity `json:"severity"`
	Message   string   `json:"message"`
	Help      string   `json:"help,omitempty"`
}

// JSON returns the finding in the documented findings shape.
func (f Finding) JSON() JSON {
	msg, help := f.Text(Documented)
	return JSON{f.File, f.Line, f.Column, f.Record, f.Rule, f.Principle, f.Severity, msg, help}
}

// MarshalJSON writes the finding in the documented findings shape (JSON).
// It leaves escaping HTML to the encoder that writes the report; a writer
// of many findings encodes JSON values itself and saves the second pass.
func (f Finding) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(f.JSON())
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// Summary counts what a run saw.
type Summary struct {
	Records  int `json:"records"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos,omitempty"`
}

// Summarise counts the findings by severity for a run over records records.
func Summarise(records int, fs []Finding) Summary {
	s := Summary{Records: records}
	for i := range fs {
		s.Add(&fs[i])
	}
	return s
}

// Add counts f.
func (s *Summary) Add(f *Finding) {
	switch f.Severity {
	case Error:
		s.Errors++
	case Warning:
		s.Warnings++
	case Info:
		s.Infos++
	}
}

// Sort orders findings by file, line, column, then rule and message, so output
// is stable whatever order the workers finished in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, compare)
}

// compare is the order Sort puts findings in. Each part is compared only
// when those before are equal: cmp.Or takes every comparison first, and
// comparing the messages of findings in different files made sorting a
// re-check's findings several times slower.
func compare(a, b Finding) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return cmp.Compare(a.Line, b.Line)
	}
	if a.Column != b.Column {
		return cmp.Compare(a.Column, b.Column)
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return strings.Compare(a.Message.In("en"), b.Message.In("en"))
}

// Worst returns the highest severity among the findings (Off when none).
func Worst(fs []Finding) Severity {
	w := Off
	for _, f := range fs {
		w = max(w, f.Severity)
	}
	return w
}

// Position formats file:line:col, leaving out what is unknown, the file's
// name on one line (logsafe.Path): every printer of a position prints it
// for a terminal or a CI log.
func (f Finding) Position() string {
	var b strings.Builder
	b.WriteString(logsafe.Path(f.File))
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
		if f.Column > 0 {
			fmt.Fprintf(&b, ":%d", f.Column)
		}
	}
	return b.String()
}

// Text returns the finding's message and help in the language asked for:
// the Dutch pair for "nl" when the stage that made the finding wrote one,
// else the English.
func (f Finding) Text(lang string) (message, help string) {
	if lang == "nl" && f.Message.In("nl") != "" {
		return f.Message.In("nl"), f.Help.In("nl")
	}
	return f.Message.In("en"), f.Help.In("en")
}
