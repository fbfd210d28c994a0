package cli

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/natcompare"
)

// compareOptions are the flags of register compare national.
type compareOptions struct {
	*App
	file                         string // the national register's JSON
	organisation, format, output string
}

func newCompareCmd(a *App, runF func(*compareOptions) error) *cobra.Command {
	o := &compareOptions{App: a}
	if runF == nil {
		runF = runCompareNational
	}
	cmd := &cobra.Command{
		Use:   "compare",
		Short: a.say(msgCompareShort),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageText(msgCompareWhat)
		},
	}
	national := &cobra.Command{
		Use:   "national FILE",
		Short: a.say(msgCompareNationalShort),
		Long:  a.say(msgCompareLong),
		Example: `  register compare national algoritmes.json
  register compare national algoritmes.json --organisation "Gemeente Utrecht" --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runF(o)
		},
	}
	national.Flags().StringVar(&o.organisation, "organisation", "", a.say(msgCompareOrgUsage))
	a.formatFlag(national, &o.format, "text", natcompare.Formats, msgFormatUsage)
	national.Flags().StringVarP(&o.output, "output", "o", "", a.say(msgOutputUsage))
	cmd.AddCommand(national)
	return cmd
}

// runCompareNational compares the register with the national entries in
// o.file and writes the report.
func runCompareNational(o *compareOptions) error {
	if err := checkFormat(natcompare.Formats, o.format); err != nil {
		return err
	}
	if err := o.checkOutputFile("--output", o.output); err != nil {
		return err
	}
	data, err := readNational(o.file)
	if err != nil {
		return err
	}
	p, err := o.open(openOptions{warnConfig: true})
	if err != nil {
		return err
	}
	defer p.Close()
	rep, err := natcompare.Compare(natcompare.Input{Register: p.Records(), Name: o.file, Data: data, Organisation: o.organisation})
	if err != nil {
		return err
	}
	rep.TextLanguage = o.ui()
	return o.writeOutput(o.output, logSafe(o.format, func(w io.Writer) error { return natcompare.Write(w, o.format, rep) }))
}

// readNational reads the national register's file, no larger than an
// import reads.
func readNational(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, errText(msgReadFile, file, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, errText(msgCompareFolder, file)
	}
	data, err := io.ReadAll(io.LimitReader(f, importcsv.MaxBytes+1))
	if err != nil {
		return nil, errText(msgReadFile, file, err)
	}
	if len(data) > importcsv.MaxBytes {
		return nil, errText(msgTooLarge, file, importcsv.MaxBytes)
	}
	return data, nil
}
