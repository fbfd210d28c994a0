package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/report"
)

// importOptions are the flags of register import csv and import json.
type importOptions struct {
	*App
	file    string // the file to import
	read    reader // importcsv.Read or importcsv.ReadJSON
	example string // a name of such a file, for a message that asks for one
	// units counts what read reads: a spreadsheet's rows or JSON's entries.
	units   *message.Count
	kind    string
	mapping string
	dryRun  bool
	format  string
}

func newImportCmd(a *App, runF func(*importOptions) error) *cobra.Command {
	if runF == nil {
		runF = runImport
	}
	cmd := &cobra.Command{
		Use:   "import",
		Short: a.say(msgImportShort),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageText(msgImportNeedsSource)
		},
	}
	cmd.AddCommand(newImportCSVCmd(a, runF), newImportJSONCmd(a, runF), newImportNotificationCmd(a, nil))
	return cmd
}

func newImportCSVCmd(a *App, runF func(*importOptions) error) *cobra.Command {
	o := &importOptions{App: a, read: importcsv.Read, example: "sensoren.csv", units: msgImportRows}
	cmd := &cobra.Command{
		Use:   "csv FILE",
		Short: a.say(msgImportCSVShort),
		Long:  a.say(msgImportCSVLong),
		Example: `  register import csv sensoren.csv --kind sensor --dry-run
  register import csv algoritmes.csv --kind algorithm
  register import csv lijst.csv --map kolommen.yaml --root register`,
		Args: oneFile(msgImportCSVArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runF(o)
		},
	}
	a.importFlags(cmd, o, "sensor", msgImportCSVKindUsage, msgImportMapUsage)
	return cmd
}

func newImportJSONCmd(a *App, runF func(*importOptions) error) *cobra.Command {
	o := &importOptions{App: a, read: importcsv.ReadJSON, example: "register.json", units: msgImportEntries}
	cmd := &cobra.Command{
		Use:   "json FILE",
		Short: a.say(msgImportJSONShort),
		Long:  a.say(msgImportJSONLong),
		Example: `  register import json register.json --dry-run
  register import json mijn-algoritmes.json
  register import json lijst.json --map algoritmeregister-lijst-json`,
		Args: oneFile(msgImportJSONArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runF(o)
		},
	}
	a.importFlags(cmd, o, "algorithm", msgImportJSONKindUsage, msgImportJSONMapUsage)
	return cmd
}

// importFlags adds the flags import csv and import json share.
func (a *App) importFlags(cmd *cobra.Command, o *importOptions, kind string, kindUsage, mapUsage *message.Text) {
	cmd.Flags().StringVar(&o.kind, "kind", kind, a.say(kindUsage))
	cmd.Flags().StringVar(&o.mapping, "map", "", a.say(mapUsage, strings.Join(importcsv.Maps(), ", ")))
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, a.say(msgDryRunUsage))
	a.formatFlag(cmd, &o.format, "text", report.Formats, msgFindingsFormatUsage)
}

// oneFile accepts one argument, the file to read, and else says so with m.
func oneFile(m *message.Text) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageText(m)
		}
		return nil
	}
}

// reader is importcsv.Read or importcsv.ReadJSON.
type reader func(name string, data []byte, opts importcsv.Options) (*importcsv.Result, error)

// runImport reads o.file and writes a record for each row or entry.
func runImport(o *importOptions) error {
	opts, err := o.readOptions()
	if err != nil {
		return err
	}
	data, err := readInput(o.file, importcsv.MaxBytes, msgImportTooLarge, o.example)
	if err != nil {
		return err
	}
	cfg, err := o.importContext(&opts)
	if err != nil {
		return err
	}
	res, err := o.read(o.file, data, opts)
	if err != nil {
		return err
	}
	if err := o.writeImported(res); err != nil {
		return err
	}
	lang, err := o.language(cfg)
	if err != nil {
		return err
	}
	return o.reportImported(res, lang)
}

// readOptions checks the flags and reads the mapping file.
func (o *importOptions) readOptions() (importcsv.Options, error) {
	if err := checkFormat(report.Formats, o.format); err != nil {
		return importcsv.Options{}, err
	}
	kind := record.Kind(o.kind)
	if kind != record.Sensor && kind != record.Algorithm {
		return importcsv.Options{}, usageText(msgKindFlag, o.kind)
	}
	opts := importcsv.Options{Kind: kind, Now: o.Now()}
	if o.mapping != "" {
		m, err := importcsv.LoadMapping(o.mapping)
		if err != nil {
			return opts, usageError{err}
		}
		opts.Mapping = m
	}
	return opts, nil
}

// readInput reads a file given on the command line: a regular file of at
// most max bytes, else an error worded by tooLarge (file, max). A folder is
// a common slip (a tab completion stopped short): it is said so, with a
// file of the kind, named example, in it as the example of what to give.
func readInput(file string, max int64, tooLarge *message.Text, example string) ([]byte, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, errText(msgReadFile, file, err)
	}
	switch {
	case st.IsDir():
		return nil, errText(msgIsFolder, file, filepath.Join(file, example))
	case !st.Mode().IsRegular():
		return nil, errText(msgNotRegular, file)
	case st.Size() > max:
		return nil, errText(tooLarge, file, max)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, errText(msgReadFile, file, err)
	}
	return data, nil
}

// importContext fills opts with what the register knows: its organisation,
// the ids it uses, the national register's ids it holds, and the schemas.
func (o *importOptions) importContext(opts *importcsv.Options) (*config.Config, error) {
	root := o.Root()
	cfg, err := o.settings()
	if err != nil {
		return nil, err
	}
	existing, err := importcsv.ExistingIDs(root)
	if err != nil {
		return nil, err
	}
	national, err := importcsv.ExistingNationalIDs(root)
	if err != nil {
		return nil, err
	}
	v, err := pipeline.Validator()
	if err != nil {
		return nil, err
	}
	opts.Organisation, opts.NationalIDs, opts.Validator = cfg.Organisation, national, v
	opts.Exists = func(id string) bool { return existing[id] }
	return cfg, nil
}

// writeImported writes the records made, or shows them on a dry run. Only
// text output carries the records and the list of files, so json, sarif
// and the rest stay machine-readable; they go to standard error.
func (o *importOptions) writeImported(res *importcsv.Result) error {
	root := o.Root()
	if o.dryRun {
		if o.format != "text" {
			return nil
		}
		for _, r := range res.Records {
			fmt.Fprintf(o.Out, "%s\n%s", o.say(msgWouldWriteLine, rel(filepath.Join(root, filepath.FromSlash(r.Path))), r.Line), r.Data)
		}
		return nil
	}
	notes := o.Out
	if o.format != "text" {
		notes = o.Err
	}
	written, existed, err := importcsv.Write(root, res.Records)
	for _, p := range written {
		o.sayln(notes, msgCreated, rel(p))
	}
	for _, p := range existed {
		res.Findings = append(res.Findings, finding.Finding{File: o.file, Rule: importcsv.RuleImport, Severity: finding.Warning,
			Message: msgImportAppeared.With(rel(p)).Pair()})
	}
	return err
}

// reportImported prints the findings in lang and, in text, what was made;
// it fails the run when a row was left out.
func (o *importOptions) reportImported(res *importcsv.Result, lang string) error {
	finding.Sort(res.Findings)
	sum := finding.Summarise(len(res.Records), res.Findings)
	if err := report.Write(o.Out, o.format, res.Findings, sum, report.Options{Lang: lang, Color: o.IsTerminal, ToolName: "register",
		ToolVersion: o.Version, Rules: ruleInfo()}); err != nil {
		return err
	}
	if o.format == "text" {
		made := msgImportCreated
		if o.dryRun {
			made = msgImportWouldBe
		}
		invalid := 0
		for _, r := range res.Records {
			if !r.Valid {
				invalid++
			}
		}
		fmt.Fprint(o.Out, o.count(o.units, res.Rows), o.count(made, len(res.Records)))
		if invalid > 0 {
			fmt.Fprint(o.Out, o.say(msgImportIncomplete, invalid))
		}
		fmt.Fprintln(o.Out)
	}
	if finding.Worst(res.Findings) == finding.Error {
		return errFindings
	}
	return nil
}
