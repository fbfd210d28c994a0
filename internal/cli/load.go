package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/logsafe"
	"github.com/voorbeeldstad/register/internal/message"
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
	// check runs the checklist as of today while the records load
	// (pipeline.Options.Check); without it the load runs none.
	check bool
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
	// reportsConfig: the command reports the problems of register.yaml
	// among its findings (check, validate), also when the file cannot be
	// read at all; every other command refuses such a file (settled).
	reportsConfig bool
}

// open opens the register at --root through the pipeline and prints what
// the command should know before it works: problems in register.yaml when
// asked, and why it goes without history when the history cannot be trusted.
// The caller closes the register.
func (a *App) open(o openOptions) (*pipeline.Register, error) {
	reg, err := pipeline.Open(a.Root(), pipeline.Options{Files: o.files, History: o.without != "", Check: o.check, Today: o.today, Cache: o.cache, FindingsOnly: o.findingsOnly, Records: o.records, Budgeted: o.budgeted, Hold: o.hold})
	if err != nil {
		return nil, err
	}
	return a.opened(reg, o)
}

// opened is what every command does with the register it opened (open,
// reopen): it refuses a register.yaml that cannot be read unless the
// command reports it (o.reportsConfig), prints the configuration's
// problems when asked, and says why it goes without history. On an
// error the register is closed.
func (a *App) opened(reg *pipeline.Register, o openOptions) (*pipeline.Register, error) {
	if !o.reportsConfig {
		if err := a.settled(reg.Records().Config, reg.Loaded.Findings); err != nil {
			reg.Close()
			return nil, err
		}
	}
	if o.warnConfig {
		a.warnConfig(reg.Loaded.Findings)
	}
	if reg.HistoryProblem != nil {
		a.warnText(fmt.Sprintf("%v; %s", reg.HistoryProblem, o.without))
	}
	if reg.CacheProblem != nil {
		a.warn(msgNoCaches, reg.CacheProblem)
	}
	return reg, nil
}

// settings reads register.yaml for a command that needs the settings but
// not the records: a file that cannot be read is refused (settled), and
// its other problems are printed on standard error (warnConfig).
func (a *App) settings() (*config.Config, error) {
	cfg, fs, err := config.Load(a.Root())
	if err != nil {
		return nil, err
	}
	if err := a.settled(cfg, fs); err != nil {
		return nil, err
	}
	a.warnConfig(fs)
	return cfg, nil
}

// settled returns a configError when register.yaml cannot be read as
// settings (config.Config.Unreadable), with the findings among fs that
// say where: a command runs on the register's settings or not at all, for
// the defaults would publish, list and judge the register as it did not
// ask (another title, other rules, other terms). The exit code is 2, as
// for a file that cannot be read; check and validate, which report
// findings, report it as an error finding instead (exit 1).
func (a *App) settled(cfg *config.Config, fs []finding.Finding) error {
	if cfg == nil || !cfg.Unreadable {
		return nil
	}
	prefix := workRelative(a.Root())
	e := configError{file: a.shown(prefix, config.FileName)}
	for _, f := range fs {
		if f.File == config.FileName {
			f.File = e.file
			e.findings = append(e.findings, f)
		}
	}
	return e
}

// configError says register.yaml cannot be read, where and why, and what
// to do, in either language (a lingual error: Run prints it in the run's).
type configError struct {
	file     string            // register.yaml as shown from the working folder
	findings []finding.Finding // where and why, their files as shown
}

func (e configError) Error() string { return e.In(message.English) }

// In words the error in lang: each problem at its place, then what to do.
func (e configError) In(lang string) string {
	var b strings.Builder
	for _, f := range e.findings {
		msg, _ := f.Text(lang)
		fmt.Fprintf(&b, "%s: %s\n  ", f.Position(), logsafe.Text(msg))
	}
	b.WriteString(msgConfigUnreadable.Format(lang, e.file))
	return b.String()
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
		fmt.Fprintf(a.Err, "register: %s: %s: %s", f.Position(), f.Severity, logsafe.Text(msg))
		if help != "" {
			fmt.Fprintf(a.Err, " (%s)", logsafe.Text(help))
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
