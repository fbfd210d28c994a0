package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"syscall"

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
	// signals is the context the migration stops between files on, once
	// done, with the function that ends it; a test cancels its own.
	signals func() (context.Context, context.CancelFunc)
}

// stopOnSignal is a context done on SIGINT, SIGTERM or SIGHUP, so that
// migrate stops between files rather than leave one half written; a
// second signal ends the run at once.
func stopOnSignal() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}

func newMigrateCmd(a *App, runF func(*migrateOptions) error) *cobra.Command {
	o := &migrateOptions{App: a, signals: stopOnSignal}
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
	// What a killed run left is no one's change, and would otherwise
	// block the run as one. A file Git tracks is someone's, whatever its
	// name: only untracked ones are left by a run.
	untracked, inGit, err := history.Untracked(o.Root())
	if err != nil {
		return err
	}
	if inGit {
		p.Leftovers = slices.DeleteFunc(p.Leftovers, func(f string) bool {
			_, found := slices.BinarySearch(untracked, f)
			return !found
		})
	}
	if o.dryRun {
		for _, f := range p.Leftovers {
			o.sayln(o.Out, msgMigrateLeftover, f)
		}
	} else {
		removed, err := p.ClearLeftovers(o.Root())
		for _, f := range removed {
			o.sayln(o.Out, msgMigrateLeftoverRemoved, f)
		}
		if err != nil {
			return err
		}
	}
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
		ctx, stop := o.signals()
		defer stop()
		// Each file named once written, so an interrupted run has said
		// what it did.
		done, refused, err := migrate.Default.Apply(ctx, o.Root(), p, func(f string) { o.sayln(o.Out, msgMigrated, f) })
		if errors.Is(err, context.Canceled) {
			return errText(msgMigrateInterrupted, len(done), len(p.Pending))
		}
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
