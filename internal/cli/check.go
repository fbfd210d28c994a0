package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/report"
)

// checkOptions are the flags of register check.
type checkOptions struct {
	*App
	format  string
	asOf    dateFlag
	failOn  string
	files   []string
	noCache bool
}

func newCheckCmd(a *App, runF func(*checkOptions) error) *cobra.Command {
	o := &checkOptions{App: a}
	if runF == nil {
		runF = runCheck
	}
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: a.say(msgCheckShort),
		Long:  a.say(msgCheckLong),
		Example: `  register check
  register check --as-of 2026-12-31 --format github
  register check --fail-on warning register/sensors/cam-markt.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = append(o.files, args...)
			return runF(o)
		},
	}
	a.findingFormatFlag(cmd, &o.format)
	cmd.Flags().Var(&o.asOf, "as-of", a.say(msgCheckAsOfUsage))
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", a.say(msgFailOnUsage))
	cmd.Flags().StringSliceVar(&o.files, "files", nil, a.say(msgFilesUsage))
	cmd.Flags().BoolVar(&o.noCache, "no-cache", false, a.say(msgNoCacheUsage))
	return cmd
}

// runCheck loads the register, runs the checklist and reports.
func runCheck(o *checkOptions) error {
	if err := checkFormat(report.Formats, o.format); err != nil {
		return err
	}
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		return err
	}
	today, err := o.today(o.asOf)
	if err != nil {
		return err
	}
	reg, err := o.open(openOptions{files: o.files, without: o.say(msgWithoutDuty), check: true, today: today, cache: !o.noCache, findingsOnly: true, reportsConfig: true})
	if err != nil {
		return err
	}
	defer reg.Close()
	return o.report(reg.Loaded, reg.Findings(today), o.format, failOn)
}

// parseFailOn reads --fail-on, of check and build alike: error or
// warning, as info findings never fail, or none (Off): report, never fail.
func parseFailOn(s string) (finding.Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return finding.Error, nil
	case "warning", "warn":
		return finding.Warning, nil
	case "none":
		return finding.Off, nil
	}
	return finding.Off, usageText(msgFailOn, s)
}

// dateFlag is an --as-of flag: the text given, and whether it was given
// at all, so that --as-of "" is refused rather than taken for today.
type dateFlag struct {
	text  string
	given bool
}

// asOf is the dateFlag of a date given on the command line.
func asOf(text string) dateFlag { return dateFlag{text: text, given: true} }

func (d *dateFlag) String() string     { return d.text }
func (d *dateFlag) Type() string       { return "date" }
func (d *dateFlag) Set(s string) error { *d = asOf(s); return nil }

// The range of dates --as-of takes: a date outside it is a typing error
// (0001-01-01, 20266-01-01), not a day to check a register on.
var (
	firstAsOf = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	lastAsOf  = time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
)

// today returns the date a run checks against: --as-of when given, else
// the current date in Europe/Amsterdam. A date given is one from 1900 to
// 2200; anything else, "" too, is a usage error.
func (a *App) today(d dateFlag) (time.Time, error) {
	if !d.given {
		return period.Today(a.Now()), nil
	}
	t, err := period.ParseDate(d.text)
	if err != nil {
		return time.Time{}, usageText(msgAsOf, err)
	}
	if t.Before(firstAsOf) || t.After(lastAsOf) {
		return time.Time{}, usageText(msgAsOfRange, d.text, period.Format(firstAsOf), period.Format(lastAsOf))
	}
	return t, nil
}
