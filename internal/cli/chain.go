package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/chain"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// chainOptions are the flags of register chain.
type chainOptions struct {
	*App
	query    string
	format   string
	output   string
	internal bool
}

func newChainCmd(a *App, runF func(*chainOptions) error) *cobra.Command {
	o := &chainOptions{App: a}
	if runF == nil {
		runF = runChain
	}
	cmd := &cobra.Command{
		Use:   "chain DATASET|PARTY",
		Short: a.say(msgChainShort),
		Long:  a.say(msgChainLong),
		Example: `  register chain BRP
  register chain "Woningcorporaties" --format json
  register chain RDW --internal`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.query = args[0]
			return runF(o)
		},
	}
	a.formatFlag(cmd, &o.format, "text", chain.Formats, msgFormatUsage)
	cmd.Flags().StringVarP(&o.output, "output", "o", "", a.say(msgOutputUsage))
	cmd.Flags().BoolVar(&o.internal, "internal", false, a.say(msgChainInternalUsage))
	return cmd
}

// runChain prints the chain of the query.
func runChain(o *chainOptions) error {
	if err := checkFormat(chain.Formats, o.format); err != nil {
		return err
	}
	if len(chain.Words(o.query)) == 0 {
		return usageText(msgChainQuery)
	}
	if err := o.checkOutputFile("--output", o.output); err != nil {
		return err
	}
	p, err := o.open(openOptions{warnConfig: true})
	if err != nil {
		return err
	}
	defer p.Close()
	reg := p.Records()
	lang, err := o.language(reg.Config)
	if err != nil {
		return err
	}
	recs := reg.Records
	hidden := 0
	if !o.internal {
		// The public views, as the site shows them: a record that is not
		// public is counted, never named.
		pub := publish.Register(reg)
		recs, hidden = pub.Register.Records, len(pub.Unpublished)
	}
	rep := chain.Report{Result: chain.Find(recs, o.query), Desk: reg.Config.Site.ReportErrorURL, Lang: lang, Hidden: hidden,
		URL: func(r *record.Record) string {
			if !r.IsPublic() {
				return ""
			}
			return pageurl.RecordURL(reg.Config, r.Kind, r.ID)
		}}
	return o.writeOutput(o.output, logSafe(o.format, func(w io.Writer) error { return chain.Write(w, o.format, rep) }))
}
