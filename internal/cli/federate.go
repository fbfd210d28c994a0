package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/federate"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/pipeline"
)

// federateOptions are the flags of register federate.
type federateOptions struct {
	*App
	file                             string // federation.yaml
	out, cache, format, province     string
	asOf                             dateFlag
	fetch, merge, validate, progress bool
}

func newFederateCmd(a *App, runF func(*federateOptions) error) *cobra.Command {
	o := &federateOptions{App: a}
	if runF == nil {
		runF = runFederate
	}
	cmd := &cobra.Command{
		Use:   "federate [federation.yaml]",
		Short: a.say(msgFederateShort),
		Long:  a.say(msgFederateLong),
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
	cmd.Flags().StringVarP(&o.out, "out", "o", "national", a.say(msgFederateOutUsage))
	cmd.Flags().StringVar(&o.cache, "cache", "", a.say(msgFederateCacheUsage))
	cmd.Flags().BoolVar(&o.fetch, "fetch", false, a.say(msgFederateFetchUsage))
	cmd.Flags().StringVar(&o.province, "province", "", a.say(msgFederateProvinceUsage))
	cmd.Flags().BoolVar(&o.merge, "merge", false, a.say(msgFederateMergeUsage))
	cmd.Flags().BoolVar(&o.validate, "validate", false, a.say(msgFederateValidateUsage))
	cmd.Flags().BoolVar(&o.progress, "progress", false, a.say(msgFederateProgressUsage))
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgFederateAsOfUsage))
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
	if err := o.checkOutputFolder("--out", o.out); err != nil {
		return err
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
	if err := federate.WriteReport(a.Out, o.format, a.ui(), res); err != nil {
		return err
	}
	if note := res.DCATNote.In(a.ui()); note != "" {
		a.note(note)
	}
	if len(res.Refused) > 0 {
		a.note(a.say(msgFederateRefused, len(res.Refused), len(res.Failed)+len(res.Parts), rel(o.out)))
	}
	if len(res.Unreadable) > 0 {
		a.note(a.say(msgFederateUnreadable, len(res.Unreadable), len(res.Failed)+len(res.Parts), rel(o.out)))
	}
	if len(res.Failed) > 0 {
		a.note(a.say(msgFederateFailed, len(res.Failed), len(res.Failed)+len(res.Parts), rel(o.out)))
	}
	if len(res.Failed) > 0 || len(res.Refused) > 0 || len(res.Unreadable) > 0 {
		return errFindings
	}
	return nil
}
