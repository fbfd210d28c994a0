package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/migrate"
	"github.com/voorbeeldstad/register/internal/report"
)

// migrateOptions are the flags of register migrate.
type migrateOptions struct {
	*App
	dryRun bool
	force  bool
}

func newMigrateCmd(a *App, runF func(*migrateOptions) error) *cobra.Command {
	o := &migrateOptions{App: a}
	if runF == nil {
		runF = runMigrate
	}
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: a.say(msgMigrateShort),
		Long:  a.say(msgMigrateLong, migrate.Current),
		Example: `  register migrate --dry-run
  register migrate --root examples/dorp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, a.say(msgMigrateDryRunUsage))
	cmd.Flags().BoolVar(&o.force, "force", false, a.say(msgMigrateForceUsage))
	return cmd
}

// runMigrate plans the migration, reports it and, unless a dry run, applies it.
func runMigrate(o *migrateOptions) error {
	p, err := migrate.Default.Plan(o.Root())
	if err != nil {
		return err
	}
	if len(p.Findings) > 0 {
		if err := o.writeFindings(p.Findings, len(p.Files)); err != nil {
			return err
		}
	}
	fmt.Fprintln(o.Out, p.Summary(o.ui()))
	if !o.dryRun && !o.force && len(p.Pending) > 0 {
		dirty, err := history.Uncommitted(o.Root())
		if err != nil {
			return err
		}
		if len(dirty) > 0 {
			return usageText(msgMigrateDirty, o.Root(), shortList(dirty))
		}
	}
	if !o.dryRun && len(p.Pending) > 0 {
		_, refused, err := migrate.Default.Apply(context.Background(), o.Root(), p, func(f string) { o.sayln(o.Out, msgMigrated, f) })
		if err != nil {
			return err
		}
		if len(refused) > 0 {
			// A record that changed or became unreadable since the plan.
			if err := o.writeFindings(refused, len(p.Pending)); err != nil {
				return err
			}
			return errFindings
		}
	}
	if finding.Worst(p.Findings) == finding.Error {
		return errFindings
	}
	return nil
}

// writeFindings reports migrate's findings as validate does, each file
// named from the working folder.
func (o *migrateOptions) writeFindings(fs []finding.Finding, records int) error {
	shown := slices.Clone(fs)
	prefix := workRelative(o.Root())
	for i := range shown {
		shown[i].File = o.shown(prefix, shown[i].File)
	}
	return report.Write(o.Out, "text", shown, finding.Summarise(records, shown), report.Options{Lang: o.ui(), Color: o.IsTerminal,
		ToolName: "register", ToolVersion: o.Version, Rules: ruleInfo()})
}
