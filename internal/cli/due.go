package cli

import (
	"io"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
)

// dueOptions are the flags of register due.
type dueOptions struct {
	*App
	asOf    dateFlag
	within  string
	format  string
	output  string
	noCache bool
}

func newDueCmd(a *App, runF func(*dueOptions) error) *cobra.Command {
	o := &dueOptions{App: a}
	if runF == nil {
		runF = runDue
	}
	cmd := &cobra.Command{
		Use:   "due",
		Short: a.say(msgDueShort),
		Long:  a.say(msgDueLong),
		Example: `  register due
  register due --as-of 2027-01-01 --within P30D
  register due --format ical --output due.ics
  register due --format csv > due.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgDueAsOfUsage))
	cmd.Flags().StringVar(&o.within, "within", "", a.say(msgDueWithinUsage))
	a.formatFlag(cmd, &o.format, "text", lifecycle.Formats, msgFormatUsage)
	cmd.Flags().StringVarP(&o.output, "output", "o", "", a.say(msgOutputUsage))
	cmd.Flags().BoolVar(&o.noCache, "no-cache", false, a.say(msgNoCacheUsage))
	return cmd
}

// runDue lists what falls due and fails when something lapsed.
func runDue(o *dueOptions) error {
	if err := checkFormat(lifecycle.Formats, o.format); err != nil {
		return err
	}
	if err := o.checkOutputFile("--output", o.output); err != nil {
		return err
	}
	today, err := o.today(o.asOf)
	if err != nil {
		return err
	}
	var within period.Duration
	if o.within != "" {
		if within, err = period.Parse(o.within); err != nil {
			return usageText(msgDueWithin, err)
		}
	}
	// The records a build or check kept (the cache) are read, not parsed
	// again: a scheduled run of a large register, with its caches kept
	// between runs, reads few files.
	p, err := o.open(openOptions{warnConfig: true, check: true, today: today, cache: !o.noCache, records: true})
	if err != nil {
		return err
	}
	defer p.Close() // waits for the caches to be saved whole
	// Records that do not load are missing from the list: say so, but the
	// list of the rest is still worth printing.
	if unread := p.Unread(); unread > 0 {
		o.note(o.count(msgDueUnread, unread))
	}
	reg := p.Records()
	cfg := reg.Config
	if within.IsZero() {
		within = cfg.DueWithin
	}
	items := lifecycle.Due(reg, today, within)
	rep := lifecycle.Report{Today: today, Within: within, Items: items, Title: cfg.Site.Title,
		Language: cfg.Language(), TextLanguage: o.ui(), Now: o.Now()}
	if u, err := url.Parse(cfg.Site.BaseURL); err == nil && u.Hostname() != "" {
		rep.Host = u.Hostname()
	}
	if err := o.writeOutput(o.output, logSafe(o.format, func(w io.Writer) error { return lifecycle.Write(w, o.format, rep) })); err != nil {
		return err
	}
	if lifecycle.Failing(items) {
		return errFindings
	}
	return nil
}
