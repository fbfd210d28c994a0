package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/logsafe"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/quality"
)

// qualityOptions are the flags of register quality.
type qualityOptions struct {
	*App
	asOf   dateFlag
	format string
	output string
}

func newQualityCmd(a *App, runF func(*qualityOptions) error) *cobra.Command {
	o := &qualityOptions{App: a}
	if runF == nil {
		runF = runQuality
	}
	cmd := &cobra.Command{
		Use:   "quality",
		Short: a.say(msgQualityShort),
		Long:  a.say(msgQualityLong),
		Example: `  register quality
  register quality --format json --output quality.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgQualityAsOfUsage))
	a.formatFlag(cmd, &o.format, "text", quality.Formats, msgQualityFormatUsage)
	cmd.Flags().StringVarP(&o.output, "output", "o", "", a.say(msgOutputUsage))
	return cmd
}

// runQuality measures the register and writes the report.
func runQuality(o *qualityOptions) error {
	if err := checkFormat(quality.Formats, o.format); err != nil {
		return err
	}
	if err := o.checkOutputFile("--output", o.output); err != nil {
		return err
	}
	today, err := o.today(o.asOf)
	if err != nil {
		return err
	}
	p, err := o.open(openOptions{warnConfig: true, without: o.say(msgWithoutStale)})
	if err != nil {
		return err
	}
	defer p.Close()
	in := quality.Input{Register: p.Records(), Today: today}
	if p.Repo != nil {
		if recs, err := p.Repo.Records(); err == nil {
			in.Changed = make(map[string]time.Time, len(recs))
			for file, h := range recs {
				in.Changed[file] = h.Changed
			}
		} else {
			in.HistoryNote = label.Text{msgQualityHistoryUnread.Format(message.Dutch, err), msgQualityHistoryUnread.Format(message.English, err)}
		}
	} else {
		in.HistoryNote = label.Text{msgQualityNoGit.In(message.Dutch), msgQualityNoGit.In(message.English)}
	}
	in.Findings = p.Check(today)
	p.Locate(in.Findings)
	in.Unread = unreadFiles(p.Loaded)
	o.reportUnreadFiles(in.Unread)
	rep := quality.Measure(in)
	rep.TextLanguage = o.ui()
	// Exits 0 all the same, as documented: the report informs, and counts
	// each file that could not be read against the register's quality.
	return o.writeOutput(o.output, logSafe(o.format, func(w io.Writer) error { return quality.Write(w, o.format, rep) }))
}

// unreadFiles are the errors on the record files that did not load into a
// record, each file with one at least.
func unreadFiles(res *load.Result) []finding.Finding {
	var out []finding.Finding
	for _, file := range res.Files {
		if _, ok := res.IDs[file]; ok {
			continue
		}
		n := len(out)
		for _, f := range res.Findings {
			if f.File == file && f.Severity == finding.Error {
				out = append(out, f)
			}
		}
		if len(out) == n {
			out = append(out, finding.Finding{File: file, Rule: finding.RuleYAML, Severity: finding.Error,
				Message: msgQualityUnreadWhy.With().Pair()})
		}
	}
	return out
}

// reportUnreadFiles says on standard error which record files could not be
// read, with the line, column and reason of each error, as check does.
func (a *App) reportUnreadFiles(fs []finding.Finding) {
	files := map[string]bool{}
	for _, f := range fs {
		files[f.File] = true
	}
	if len(files) == 0 {
		return
	}
	a.note(a.count(msgQualityUnread, len(files)))
	prefix := workRelative(a.Root())
	for _, f := range fs {
		f.File = a.shown(prefix, f.File)
		msg, help := f.Text(a.ui())
		fmt.Fprintf(a.Err, "  %s: %s: %s", f.Position(), f.Severity, logsafe.Text(msg))
		if help != "" {
			fmt.Fprintf(a.Err, " (%s)", logsafe.Text(help))
		}
		fmt.Fprintln(a.Err)
	}
}
