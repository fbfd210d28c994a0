package cli

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/atomicfile"
	"github.com/voorbeeldstad/register/internal/export"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/report"
)

// exportOptions are the flags of register export.
type exportOptions struct {
	*App
	format string
	kind   string
	out    string
}

func newExportCmd(a *App, runF func(*exportOptions) error) *cobra.Command {
	o := &exportOptions{App: a}
	if runF == nil {
		runF = runExport
	}
	cmd := &cobra.Command{
		Use:   "export --format FORMAT",
		Short: a.say(msgExportShort),
		Long:  a.say(msgExportLong),
		Example: `  register export --format algoritmeregister --out algoritmeregister.json
  register export --format csv --kind sensor > sensoren.csv
  register export --format sensorthings --root examples/dorp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	a.formatFlag(cmd, &o.format, "", export.Formats, msgExportFormatUsage)
	cmd.Flags().StringVar(&o.kind, "kind", "", a.say(msgExportKindUsage))
	cmd.Flags().StringVarP(&o.out, "out", "o", "", a.say(msgExportOutUsage))
	return cmd
}

// runExport writes the register's public records in another format.
func runExport(o *exportOptions) error {
	if o.format == "" {
		return usageText(msgExportNeedsFormat, export.Formats.Choices())
	}
	if err := checkFormat(export.Formats, o.format); err != nil {
		return err
	}
	kind := record.Kind(o.kind)
	if o.format == "csv" && kind != record.Sensor && kind != record.Algorithm {
		return usageText(msgExportNeedsKind)
	}
	// --kind picks the records of a CSV file, which has one kind's columns.
	// The other formats hold every public record (or, for sensorthings and
	// algoritmeregister, those of their one kind): a --kind they would
	// ignore is refused rather than passed over.
	if o.format != "csv" && o.kind != "" {
		return usageText(msgExportKindCSVOnly, o.format)
	}
	out := o.out
	if out == "-" {
		out = ""
	}
	if err := o.checkOutputFile("--out", out); err != nil {
		return err
	}
	// Only the catalogue takes dates from the history.
	open := openOptions{warnConfig: true}
	if o.format == "dcat" {
		open.without = o.say(msgCatalogueNoDates)
	}
	p, err := o.open(open)
	if err != nil {
		return err
	}
	defer p.Close()
	opts := export.Options{Kind: kind}
	if o.format == "dcat" {
		opts.Dates = openDataDates(p.Repo, p.Records())
	}
	// Nothing is written when the export fails (writeOutput), and a file
	// is written as the export is made, not held in memory first
	// (register.json of 100,000 records took 1.2 GB).
	var fs []finding.Finding
	var failed error // the export's own error, as it is, not the file's
	err = o.writeOutput(out, func(w io.Writer) error {
		fs, failed = export.Write(w, o.format, p.Records(), opts)
		return failed
	})
	// A write the file system refused (a full disk) fails the export too;
	// then the file's error stays, which names the user's file and is said
	// as every command says it.
	var we *atomicfile.Error
	if failed != nil && !errors.As(err, &we) {
		err = failed
	}
	if errors.Is(err, export.ErrKindNeeded) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	return o.exportProblems(p, fs)
}

// exportProblems reports, on standard error, the records that could not be
// read (they are missing from the export), errors in the register (the
// export carries the records as they are), and the export's own findings.
func (a *App) exportProblems(p *pipeline.Register, fs []finding.Finding) error {
	res := p.Loaded
	failed := false
	if n := p.Unread(); n > 0 {
		a.note(a.count(msgExportUnread, n))
		failed = true
	} else if n := finding.Summarise(0, res.Findings).Errors; n > 0 {
		a.note(a.count(msgExportErrors, n))
		failed = true
	}
	if len(fs) == 0 {
		if failed {
			return errFindings
		}
		return nil
	}
	p.Locate(fs)
	finding.Sort(fs)
	sum := finding.Summarise(len(res.Register.Records), fs)
	if err := report.Write(a.Err, "text", fs, sum, report.Options{Lang: a.ui(), ToolName: "register", ToolVersion: a.Version, Rules: ruleInfo(), Root: a.Root()}); err != nil {
		return err
	}
	return errFindings
}
