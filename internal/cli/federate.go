package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/federate"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/pipeline"
)

// federateOptions are the flags of register federate.
type federateOptions struct {
	*App
	file                               string // federation.yaml
	out, cache, asOf, format, province string
	fetch, merge, validate, progress   bool
}

func newFederateCmd(a *App, runF func(*federateOptions) error) *cobra.Command {
	o := &federateOptions{App: a}
	if runF == nil {
		runF = runFederate
	}
	cmd := &cobra.Command{
		Use:   "federate [federation.yaml]",
		Short: a.say(msgFederateShort),
		Long: `federate reads the registers listed in federation.yaml (default: ./federation.yaml)
and writes one national site with open data: every public record with its municipality,
national counts by sensor type, capability, AI Act risk group and principle, a map of
all sensors, the quality of each municipality's register (with an SVG chart, no script)
and a DCAT catalogue (when base_url is set).

  title: Landelijk overzicht van sensoren en algoritmes
  organisation: Vereniging van Nederlandse Gemeenten
  base_url: https://register.example.nl/
  registers:
    - {organisation: Gemeente Utrecht, code: GM0344, province: Utrecht, source: ../utrecht}
    - {organisation: Gemeente Breda, code: GM0758, source: https://github.com/breda/register.git}
    - {organisation: Gemeente Tilburg, code: GM0855, source: https://register.tilburg.nl/data/register.json}

A source is a register's folder (a Git repository or not), a clone URL, or a published
site's register.json (a file or an URL). Nothing reaches the network unless --fetch is
given: it clones (shallow) and downloads into the cache; without it, what an earlier
--fetch left there is used. Only what each municipality publishes is used: records that
are not public and withheld fields stay out, as on its own site.

A register that cannot be read is reported and left out; the others are published.
Each register's result is kept in the cache (--cache) keyed on its commit and files, or
its open data's content, and the date: a second run reads only what changed. What the
cache holds of a register no longer listed is removed.

For a federation too large for one machine, run one job per province (--province) with a
shared cache, then one job with --merge that builds the site from the parts they left.

Exit code 0: built; 1: built, but registers that could not be read are missing from it;
2: usage or I/O error (federation.yaml that does not read, an output folder that
cannot be written).`,
		Example: `  register federate federation.yaml --out landelijk
  register federate federation.yaml --out landelijk --fetch
  register federate federation.yaml --province Utrecht --out shard-utrecht
  register federate federation.yaml --merge --out landelijk`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = "federation.yaml"
			if len(args) == 1 {
				o.file = args[0]
			}
			return runF(o)
		},
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "national", "folder to write the national site to (replaced whole)")
	cmd.Flags().StringVar(&o.cache, "cache", "", "folder for each register's result and fetched sources (default .federation-cache next to federation.yaml)")
	cmd.Flags().BoolVar(&o.fetch, "fetch", false, "clone and download remote sources (nothing reaches the network without it)")
	cmd.Flags().StringVar(&o.province, "province", "", "read only the registers of this province (one shard)")
	cmd.Flags().BoolVar(&o.merge, "merge", false, "build from the parts in the cache only, reading no register (after the shard jobs)")
	cmd.Flags().BoolVar(&o.validate, "validate", false, "also validate every record against the schemas (slower; each register's CI does it)")
	cmd.Flags().BoolVar(&o.progress, "progress", false, "print a line on standard error per register read")
	cmd.Flags().StringVar(&o.asOf, "as-of", "", a.say(msgFederateAsOfUsage))
	a.formatFlag(cmd, &o.format, "text", federate.ReportFormats, msgReportFormatUsage)
	return cmd
}

// runFederate builds the national site from the registers o.file lists.
func runFederate(o *federateOptions) error {
	a, file := o.App, o.file
	if err := checkFormat(federate.ReportFormats, o.format); err != nil {
		return err
	}
	if strings.TrimSpace(o.out) == "" {
		return usageText(msgFederateOut)
	}
	if o.merge && o.fetch {
		return usageText(msgFederateMergeFetch)
	}
	today, err := a.today(o.asOf)
	if err != nil {
		return err
	}
	fed, err := federate.LoadConfig(file)
	if err != nil {
		return err
	}
	opts := federate.Options{Out: o.out, Cache: o.cache, Fetch: o.fetch, Today: today, Province: o.province, Merge: o.merge}
	if o.validate {
		v, err := pipeline.Validator()
		if err != nil {
			return err
		}
		opts.Validator = load.Validator(v)
	}
	if o.progress {
		opts.Progress = a.Err
	}
	res, err := federate.Run(fed, opts)
	if err != nil {
		return err
	}
	if err := federate.WriteReport(a.Out, o.format, res); err != nil {
		return err
	}
	if res.DCATNote != "" {
		fmt.Fprintf(a.Err, "register: %s\n", res.DCATNote)
	}
	if len(res.Failed) > 0 {
		a.note(a.say(msgFederateFailed, len(res.Failed), len(res.Failed)+len(res.Parts), rel(o.out)))
		return errFindings
	}
	return nil
}
