package cli

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/notification"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/report"
	"github.com/voorbeeldstad/register/internal/source"
)

// importNotificationOptions are the flags of register import notification.
type importNotificationOptions struct {
	*App
	file     string
	received string
	update   bool
	dryRun   bool
	format   string
}

func newImportNotificationCmd(a *App, runF func(*importNotificationOptions) error) *cobra.Command {
	o := &importNotificationOptions{App: a}
	if runF == nil {
		runF = runImportNotification
	}
	cmd := &cobra.Command{
		Use:   "notification FILE --received DATE",
		Short: a.say(msgImportNotificationShort),
		Long:  a.say(msgImportNotificationLong),
		Example: `  register import notification camera-bakkerij.yaml --received 2026-12-01
  register import notification camera-bakkerij.yaml --received 2026-12-01 --update --dry-run`,
		Args: oneFile(msgImportNotificationArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runF(o)
		},
	}
	cmd.Flags().StringVar(&o.received, "received", "", a.say(msgReceivedUsage))
	cmd.Flags().BoolVar(&o.update, "update", false, a.say(msgUpdateUsage))
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, a.say(msgDryRunUsage))
	a.formatFlag(cmd, &o.format, "text", report.Formats, msgFindingsFormatUsage)
	return cmd
}

// runImportNotification adds the record a notification holds.
func runImportNotification(o *importNotificationOptions) error {
	a, file := o.App, o.file
	if err := checkFormat(report.Formats, o.format); err != nil {
		return err
	}
	if o.received == "" {
		return usageText(msgReceivedRequired)
	}
	received, err := receivedOn(o.received, period.Today(a.Now()))
	if err != nil {
		return err
	}
	data, err := readInput(file, int64(source.DefaultLimits.MaxBytes), msgNotificationTooLarge, "melding.yaml")
	if err != nil {
		return err
	}
	v, err := pipeline.Validator()
	if err != nil {
		return err
	}
	root := a.Root()
	// The desk reads the findings in the register's language; a
	// register.yaml that cannot be read is refused before anything is
	// written.
	cfg, err := a.settings()
	if err != nil {
		return err
	}
	res, err := notification.Read(root, file, data, notification.Options{Received: received, Update: o.update, Validator: v,
		Removed: func(id string) (notification.Removal, bool) { return removedRecord(root, id) }})
	if err != nil {
		return err
	}
	notes := a.Out
	if o.format != "text" {
		notes = a.Err
	}
	if res.Data != nil {
		target := rel(filepath.Join(root, filepath.FromSlash(res.Path)))
		switch {
		case o.dryRun:
			if o.format == "text" {
				fmt.Fprintf(a.Out, "%s\n%s", a.say(msgWouldWrite, target), res.Data)
			}
		default:
			if err := notification.Write(root, res); err != nil {
				return err
			}
			fmt.Fprintf(notes, "%s\n", res.In(a.ui()))
		}
		for _, c := range res.Changes {
			fmt.Fprintf(notes, "  %s\n", c)
		}
	}
	finding.Sort(res.Findings)
	sum := finding.Summarise(1, res.Findings)
	lang, err := a.language(cfg)
	if err != nil {
		return err
	}
	if err := report.Write(a.Out, o.format, res.Findings, sum, report.Options{Lang: lang, Color: a.IsTerminal, ToolName: "register",
		ToolVersion: a.Version, Rules: ruleInfo()}); err != nil {
		return err
	}
	if res.Data == nil {
		return errFindings
	}
	return nil
}

// receivedOn reads the receipt date given with --received: a date as
// YYYY-MM-DD, not after today.
func receivedOn(s string, today time.Time) (time.Time, error) {
	t, err := period.ParseDate(s)
	if err != nil {
		return time.Time{}, usageText(msgReceivedNotDate, s)
	}
	if t.After(today) {
		return time.Time{}, usageText(msgReceivedFuture, s, period.Format(today))
	}
	return t, nil
}
