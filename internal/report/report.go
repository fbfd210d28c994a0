// Package report prints findings in the formats people and CI systems read:
// plain text for a terminal, JSON for scripts, GitHub workflow commands for
// pull-request annotations, SARIF for code scanning and JUnit XML for test
// dashboards. Each format lives in its own file; a new format is one new file
// and one line in Formats.
package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/format"
)

// Options carries what some formats need besides the findings.
type Options struct {
	// Color turns on ANSI colour in text output; callers set it only when
	// stdout is a terminal.
	Color bool
	// ToolName names the tool in SARIF and JUnit output ("register").
	ToolName string
	// ToolVersion is the tool's version, shown in SARIF output.
	ToolVersion string
	// Records lists every file the run looked at, so JUnit output has one
	// test case per record, including the ones without findings.
	Records []RecordRef
	// Rules holds metadata per rule id, for SARIF rules and help.
	Rules map[string]RuleInfo
	// Lang is the language of the messages, help and summary for people
	// (text, github: "nl" or "en"; "" is English). The machine formats
	// (json, sarif, junit) write the documented language,
	// finding.Documented, whatever Lang says; rule ids and severities are
	// never translated, so problem matchers keep working.
	Lang string
	// Root is the register root relative to the repository (may be ""). The
	// formats GitHub reads (github, sarif) put it before each file so GitHub
	// can find the file in the repository.
	Root string
}

// RecordRef names one file the run looked at. File is relative to the
// register root, like the findings' File; ID is the record's id when it could
// be read.
type RecordRef struct{ File, ID string }

// RuleInfo describes a rule for the formats that carry rule metadata:
// Title in a line, Description saying why the rule exists, Help what
// satisfies it, and HelpURI the page that explains it (the tool's home page
// when empty).
type RuleInfo struct{ Principle, Title, Description, Help, HelpURI string }

// InformationURI is the tool's home page, named in SARIF output.
const InformationURI = "https://github.com/voorbeeldstad/register"

// Formats are the output formats of a findings report, in the order help
// shows them. The formats written a finding at a time (text, json, github)
// stream through a small buffer, so a report of a million findings is never
// held whole; they cannot fail halfway but for the writer itself. The formats
// that build one document (sarif, junit) render into a buffer first, so a
// failure never leaves half a report behind.
var Formats = format.Set[Report]{
	{Name: "text", Exts: []string{".txt"}, Write: streamed(writeText)},
	{Name: "json", Exts: []string{".json"}, Write: streamed(writeJSON)},
	{Name: "github", Write: streamed(writeGitHub)},
	{Name: "sarif", Exts: []string{".sarif"}, Write: buffered(writeSARIF)},
	{Name: "junit", Exts: []string{".xml"}, Write: buffered(writeJUnit)},
}

// sink is what a format writes to: a bufio.Writer when it streams, a
// bytes.Buffer when it is buffered.
type sink interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// streamBuffer is the size of the buffer a streamed format writes through.
const streamBuffer = 64 << 10

// streamed renders a report through a buffered writer straight to w.
func streamed(render func(sink, []finding.Finding, finding.Summary, Options) error) func(io.Writer, Report) error {
	return func(w io.Writer, r Report) error {
		bw := bufio.NewWriterSize(w, streamBuffer)
		if err := render(bw, r.Findings, r.Summary, r.Options); err != nil {
			return err
		}
		return bw.Flush()
	}
}

// Report is what a format writes: the findings, sorted, their summary and
// the options.
type Report struct {
	Findings []finding.Finding
	Summary  finding.Summary
	Options  Options
}

// buffered renders a report into a buffer and writes it whole.
func buffered(render func(sink, []finding.Finding, finding.Summary, Options) error) func(io.Writer, Report) error {
	return func(w io.Writer, r Report) error {
		var buf bytes.Buffer
		if err := render(&buf, r.Findings, r.Summary, r.Options); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
}

// Write prints the findings, already sorted, with their summary in the given
// format. An unknown format is an error that lists the valid ones.
func Write(w io.Writer, name string, fs []finding.Finding, sum finding.Summary, opts Options) error {
	f, err := Formats.Lookup(name)
	if err != nil {
		return err
	}
	if opts.ToolName == "" {
		opts.ToolName = "register"
	}
	if err := f.Write(w, Report{Findings: fs, Summary: sum, Options: opts}); err != nil {
		return fmt.Errorf("write %s report: %w", name, err)
	}
	return nil
}

// RepoPath puts the register root before a file relative to it, so the path
// is relative to the repository. A root of "" or "." adds nothing; a file of
// "" (a finding about the run rather than a file) stays "", and so does the
// name of an environment variable that made a setting.
func RepoPath(root, file string) string {
	if file == "" || config.FromEnv(file) {
		return ""
	}
	root = strings.ReplaceAll(root, `\`, "/")
	clean := path.Clean(root)
	if root == "" || clean == "." {
		return file
	}
	if clean == root && root != "/" && isPlain(file) {
		// What path.Join would give, without its two copies: a report
		// names every record file.
		return root + "/" + file
	}
	return path.Join(root, file)
}

// isPlain reports whether file is a clean relative path that does not
// climb out of where it is joined on.
func isPlain(file string) bool {
	return path.Clean(file) == file && !path.IsAbs(file) && file != "." && file != ".." && !strings.HasPrefix(file, "../")
}

// summaryIn says in plain words what a run found: "31 records, 1 error,
// 4 warnings" or "31 records, no problems found". Info findings are named only
// when there are some, so the usual line stays short.
func summaryIn(lang string, sum finding.Summary) string {
	w := summaryWords["en"]
	if lang == "nl" {
		w = summaryWords["nl"]
	}
	parts := []string{plural(sum.Records, w.record[0], w.record[1])}
	if sum.Errors == 0 && sum.Warnings == 0 && sum.Infos == 0 {
		parts = append(parts, w.clean)
	} else {
		parts = append(parts, plural(sum.Errors, w.err[0], w.err[1]), plural(sum.Warnings, w.warning[0], w.warning[1]))
		if sum.Infos > 0 {
			parts = append(parts, plural(sum.Infos, w.info[0], w.info[1]))
		}
	}
	return strings.Join(parts, ", ")
}

// summaryWords are the summary line's nouns (one, many) and its words for a
// clean run, per language.
var summaryWords = map[string]struct {
	record, err, warning, info [2]string
	clean                      string
}{
	"en": {[2]string{"record", "records"}, [2]string{"error", "errors"}, [2]string{"warning", "warnings"}, [2]string{"note", "notes"}, "no problems found"},
	"nl": {[2]string{"registratie", "registraties"}, [2]string{"fout", "fouten"}, [2]string{"waarschuwing", "waarschuwingen"}, [2]string{"opmerking", "opmerkingen"}, "geen problemen gevonden"},
}

// plural writes a count with the right form of its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// words returns the finding's message and help in the report's language,
// where it has them. Formats call it on each finding as they write it, so a
// Dutch report needs no translated copy of all the findings.
func (o Options) words(f finding.Finding) (msg, help string) { return f.Text(o.Lang) }
