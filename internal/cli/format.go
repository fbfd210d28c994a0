package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/message"
)

// formatFlag adds --format (-f) for the formats of one output: the help
// names them (usage holds %s where the list goes), completion offers them,
// and checkFormat refuses any other, so the three never disagree.
func (a *App) formatFlag(cmd *cobra.Command, p *string, def string, formats format.Named, usage *message.Text) {
	cmd.Flags().StringVarP(p, "format", "f", def, a.say(usage, orList(formats.Names())))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats.Names(), cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat refuses a format that is not one of formats, before any work
// is done.
func checkFormat(formats format.Named, name string) error {
	if slices.Contains(formats.Names(), name) {
		return nil
	}
	return usageText(msgUnknownFormat, name, orList(formats.Names()))
}
