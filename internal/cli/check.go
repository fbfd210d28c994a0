package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/report"
)

func init() {
	addCommand(newCheckCmd)
	// The formats that carry rule metadata (SARIF) describe each rule.
	for _, r := range principle.Rules() {
		ruleInfo[r.ID] = report.RuleInfo{Principle: r.Ref, Title: r.TitleEN, Description: r.WhyEN, Help: r.Satisfy}
	}
}

// checkOptions are the flags of register check.
type checkOptions struct {
	format string
	asOf   string
	failOn string
	files  []string
}

func newCheckCmd(a *App) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "Validate the register and check every record against the principles",
		Long: `check validates the register (YAML, JSON Schema and register-wide rules, as validate
does) and then runs the principles checklist on every record that loaded: the VNG
"Principes voor de Digitale Samenleving" and the council's programme commitments. Each
finding cites its principle; 'register rules' lists the rules and 'register explain RULE'
explains one. Exceptions recorded on a record and the settings in register.yaml apply.

Exit code 0: nothing at or above --fail-on; 1: findings at or above --fail-on; 2: usage
or I/O error. Info findings never fail a run.`,
		Example: `  register check
  register check --as-of 2026-12-31 --format github
  register check --fail-on warning register/sensors/cam-markt.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = append(o.files, args...)
			return a.runCheck(o)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "text", "output format: text, json, github, sarif or junit")
	cmd.Flags().StringVar(&o.asOf, "as-of", "", "check as if today were this date (YYYY-MM-DD); default: today in Europe/Amsterdam")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "lowest severity that fails the run: error or warning")
	cmd.Flags().StringSliceVar(&o.files, "files", nil, "check only these record files (also accepted as arguments)")
	return cmd
}

// runCheck loads the register, runs the checklist and reports.
func (a *App) runCheck(o checkOptions) error {
	if err := checkFormat(o.format); err != nil {
		return err
	}
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		return err
	}
	today, err := a.today(o.asOf)
	if err != nil {
		return err
	}
	res, err := a.loadRegister(o.files...)
	if err != nil {
		return err
	}
	repo := a.trustedRepo("the duty to report is checked without history")
	if repo != nil {
		defer repo.Close()
	}
	fs := principle.Run(res.Register, principle.Options{Today: today, History: checklistHistory(repo)})
	load.Locate(a.Root(), fs)
	all := append(res.Findings, fs...)
	finding.Sort(all)
	return a.report(res, all, o.format, failOn)
}

// parseFailOn reads --fail-on: only error and warning make sense, as info
// findings never fail.
func parseFailOn(s string) (finding.Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return finding.Error, nil
	case "warning", "warn":
		return finding.Warning, nil
	}
	return finding.Off, usagef("--fail-on %q: use error or warning", s)
}

// today returns the date a run checks against: --as-of when given, else
// the current date in Europe/Amsterdam.
func (a *App) today(asOf string) (time.Time, error) {
	if asOf == "" {
		return period.Today(a.Now()), nil
	}
	t, err := period.ParseDate(asOf)
	if err != nil {
		return time.Time{}, usagef("--as-of: %v", err)
	}
	return t, nil
}

// trustedRepo opens the register's Git history, or returns nil: quietly
// outside Git, and with a warning that says what goes without it when the
// repository cannot be read or is a shallow clone whose dates cannot be
// trusted. Commands then work without history rather than guess.
func (a *App) trustedRepo(without string) *history.Repo {
	repo, err := history.Open(a.Root())
	if err != nil {
		if !errors.Is(err, history.ErrNoRepo) {
			fmt.Fprintf(a.Err, "register: warning: %v; %s\n", err, without)
		}
		return nil
	}
	if repo.Shallow() {
		fmt.Fprintf(a.Err, "register: warning: %s; %s\n", history.ShallowWarning, without)
		repo.Close()
		return nil
	}
	return repo
}

// checklistHistory is repo as the checklist's view of history; a nil repo
// must become a nil interface, not an interface holding nil.
func checklistHistory(repo *history.Repo) principle.History {
	if repo == nil {
		return nil
	}
	return repo
}
