package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// choiceFlags are the flags whose values are a fixed list, which their help
// text names ("lowest severity ...: error or warning"); completion offers
// that list, so help and completion never disagree. --format takes its list
// from the formats' registry instead (formatFlag).
var choiceFlags = []string{"fail-on", "kind", "lang"}

// choices reads the values a flag's help names after its first colon:
// "lowest severity ... (exit 1): error, warning or none; the site ..." gives
// error, warning and none.
func choices(usage string) []string {
	_, list, ok := strings.Cut(usage, ": ")
	if !ok {
		return nil
	}
	for _, stop := range []string{";", " ("} {
		list, _, _ = strings.Cut(list, stop)
	}
	var out []string
	for _, part := range strings.Split(strings.NewReplacer(" or ", ", ", " of ", ", ").Replace(list), ",") {
		if w := strings.TrimSpace(part); w != "" && !strings.ContainsAny(w, " ") {
			out = append(out, w)
		}
	}
	return out
}

// addCompletions gives the shell completion (register completion bash|zsh|
// fish|powershell) the values of every choice flag, rule ids for explain,
// kinds for new, and the register's record ids for history.
func addCompletions(root *cobra.Command, a *App) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		choice := func(f *pflag.Flag) {
			if !slices.Contains(choiceFlags, f.Name) {
				return
			}
			if vs := choices(f.Usage); len(vs) > 0 {
				_ = c.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(vs, cobra.ShellCompDirectiveNoFileComp))
			}
		}
		// The root's --lang is a persistent flag, not among its Flags
		// until cobra runs a command.
		c.Flags().VisitAll(choice)
		c.PersistentFlags().VisitAll(choice)
		switch c.Name() {
		case "explain":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				var ids []string
				for _, r := range principle.Rules() {
					ids = append(ids, r.ID+"\t"+r.Title.In(a.ui()))
				}
				return ids, cobra.ShellCompDirectiveNoFileComp
			}
		case "new":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				var kinds []string
				for _, k := range record.Kinds {
					kinds = append(kinds, string(k))
				}
				return kinds, cobra.ShellCompDirectiveNoFileComp
			}
		case "history":
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return recordIDs(a.Root()), cobra.ShellCompDirectiveNoFileComp
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// recordIDs lists the ids of the records under root, from their file names
// (the id is the file name), without reading a record: completion must be
// instant on ten thousand records.
func recordIDs(root string) []string {
	var ids []string
	for _, k := range record.Kinds {
		entries, _ := os.ReadDir(filepath.Join(root, k.Folder()))
		for _, e := range entries {
			if kind, ok := record.KindOfFile(k.Folder() + "/" + e.Name()); ok && kind == k && !e.IsDir() {
				id := strings.TrimSuffix(strings.TrimSuffix(e.Name(), ".yaml"), ".yml")
				ids = append(ids, id+"\t"+string(k))
			}
		}
	}
	slices.Sort(ids)
	return ids
}
