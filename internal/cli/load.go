package cli

import (
	"fmt"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/pipeline"
	"github.com/voorbeeldstad/register/internal/report"
)

// openOptions say what a command needs of the register it opens.
type openOptions struct {
	// files restricts the load to these record files.
	files []string
	// without says what the command does without history ("the site shows
	// no history"); "" opens no history.
	without string
	// warnConfig prints the problems in register.yaml on standard error,
	// for commands whose output is not a findings report: a setting they
	// ignored (a typo, a bad duration) must not pass silently.
	warnConfig bool
	// today, when set, runs the checklist as of this day while the records
	// load (pipeline.Options.Today).
	today time.Time
	// cache keeps each file's checked result between runs, with today.
	cache bool
	// findingsOnly: the command reports findings, nothing else of the
	// records (pipeline.Options.FindingsOnly).
	findingsOnly bool
	// records keeps whole records with the cache, for a command that
	// publishes them.
	records bool
	// budgeted: the command makes one document of the records
	// (pipeline.Options.Budgeted).
	budgeted bool
	// hold: the command's outputs are mostly kept as they were
	// (pipeline.Options.Hold).
	hold bool
}

// open opens the register at --root through the pipeline and prints what
// the command should know before it works: problems in register.yaml when
// asked, and why it goes without history when the history cannot be trusted.
// The caller closes the register.
func (a *App) open(o openOptions) (*pipeline.Register, error) {
	reg, err := pipeline.Open(a.Root(), pipeline.Options{Files: o.files, History: o.without != "", Today: o.today, Cache: o.cache, FindingsOnly: o.findingsOnly, Records: o.records, Budgeted: o.budgeted, Hold: o.hold})
	if err != nil {
		return nil, err
	}
	if o.warnConfig {
		a.warnConfig(reg.Loaded.Findings)
	}
	if reg.HistoryProblem != nil {
		a.warnText(fmt.Sprintf("%v; %s", reg.HistoryProblem, o.without))
	}
	return reg, nil
}

// warnConfig prints the configuration's findings among fs on standard error.
func (a *App) warnConfig(fs []finding.Finding) {
	prefix := workRelative(a.Root())
	for _, f := range fs {
		if f.Rule != finding.RuleConfig {
			continue
		}
		f.File = a.shown(prefix, f.File)
		msg, help := f.Text(a.ui())
		fmt.Fprintf(a.Err, "register: %s: %s: %s", f.Position(), f.Severity, msg)
		if help != "" {
			fmt.Fprintf(a.Err, " (%s)", help)
		}
		fmt.Fprintln(a.Err)
	}
}

// shown names a finding's file from the working folder ("register/sensors/
// x.yaml" when run from the repository), so an editor, a terminal or GitHub
// can open it; inside the pipeline files are relative to the register root.
// A setting made by an environment variable stays named by it.
func (a *App) shown(prefix, file string) string {
	if p := report.RepoPath(prefix, file); p != "" {
		return p
	}
	return file
}
