package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/migrate"
	"github.com/voorbeeldstad/register/internal/report"
)

func init() {
	addCommand(newMigrateCmd)
	ruleInfo[migrate.RuleMigrate] = report.RuleInfo{Title: "A record in another version of the record format"}
}

func newMigrateCmd(a *App) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Upgrade records to the current version of the record format",
		Long: fmt.Sprintf(`migrate checks which version of the record format each record is in and upgrades
the older ones to the current version (v%d), rewriting the files in place with their
comments kept. A fork that pulls a new version of this tool runs it once, reviews the
diff and commits it.

v%d is the first version of the format, so today migrate only checks the records and
reports that nothing needs migrating.

Exit code 0: all records are (now) current; 1: records that cannot be migrated (newer
than this tool, or unreadable); 2: usage or I/O error.`, migrate.Current, migrate.Current),
		Example: `  register migrate --dry-run
  register migrate --root examples/dorp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := migrate.Default.Plan(a.Root())
			if err != nil {
				return err
			}
			if len(p.Findings) > 0 {
				sum := finding.Summarise(len(p.Files), p.Findings)
				if err := report.Write(a.Out, "text", p.Findings, sum, report.Options{Color: a.IsTerminal, ToolName: "register",
					ToolVersion: a.Version, Rules: ruleInfo}); err != nil {
					return err
				}
			}
			fmt.Fprintln(a.Out, p.Summary())
			if !dryRun && len(p.Pending) > 0 {
				done, err := migrate.Default.Apply(a.Root(), p)
				for _, f := range done {
					fmt.Fprintf(a.Out, "migrated %s\n", f)
				}
				if err != nil {
					return err
				}
			}
			if finding.Worst(p.Findings) == finding.Error {
				return errFindings
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "report what would be migrated, and change nothing")
	return cmd
}
