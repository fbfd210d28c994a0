package cli

import (
	"cmp"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/export"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/importcsv"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/migrate"
	"github.com/voorbeeldstad/register/internal/notification"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/report"
)

// validateOptions are the flags of register validate.
type validateOptions struct {
	*App
	format string
	files  []string
}

func newValidateCmd(a *App, runF func(*validateOptions) error) *cobra.Command {
	o := &validateOptions{App: a}
	if runF == nil {
		runF = runValidate
	}
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: a.say(msgValidateShort),
		Long:  a.say(msgValidateLong),
		Example: `  register validate
  register validate --format github
  register validate register/sensors/cam-markt.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runF(o)
		},
	}
	a.findingFormatFlag(cmd, &o.format)
	return cmd
}

// runValidate loads the register and reports what loading found.
func runValidate(o *validateOptions) error {
	if err := checkFormat(report.Formats, o.format); err != nil {
		return err
	}
	reg, err := o.open(openOptions{files: o.files, findingsOnly: true, reportsConfig: true})
	if err != nil {
		return err
	}
	defer reg.Close()
	return o.report(reg.Loaded, reg.Loaded.Findings, o.format, finding.Error)
}

// findingFormatFlag adds --format for a findings report.
func (a *App) findingFormatFlag(cmd *cobra.Command, p *string) {
	a.formatFlag(cmd, p, "text", report.Formats, msgFormatUsage)
}

// report prints findings in the chosen format and returns errFindings when
// any is at or above failOn (Off: none fails). It names the findings'
// files from the working folder in fs itself.
func (a *App) report(res *load.Result, fs []finding.Finding, format string, failOn finding.Severity) error {
	prefix := workRelative(a.Root())
	refs := make([]report.RecordRef, 0, len(res.Files))
	for _, f := range res.Files {
		refs = append(refs, report.RecordRef{File: a.shown(prefix, f), ID: res.IDs[f]})
	}
	// One name per file, not per finding: each name made anew was a
	// string per finding; a record file's is among refs. In place: the
	// callers hand the findings over, and there may be a million.
	shown := fs
	var last, lastShown string
	for i := range shown {
		f := shown[i].File
		if i == 0 || f != last {
			last = f
			if j, ok := slices.BinarySearch(res.Files, f); ok {
				lastShown = refs[j].File
			} else {
				lastShown = a.shown(prefix, f) // a finding about no record file
			}
		}
		shown[i].File = lastShown
	}
	lang, err := a.language(res.Register.Config)
	if err != nil {
		return err
	}
	opts := report.Options{
		Lang:        lang,
		Color:       a.IsTerminal,
		ToolName:    "register",
		ToolVersion: a.Version,
		Records:     refs,
		Rules:       rulesFor(res.Register.Config),
	}
	sum := finding.Summarise(len(res.Files), shown)
	if err := report.Write(a.Out, format, shown, sum, opts); err != nil {
		return err
	}
	for _, f := range fs {
		if failOn != finding.Off && f.Severity >= failOn && f.Severity > finding.Info {
			return errFindings
		}
	}
	return nil
}

// rulesFor is ruleInfo with each checklist rule's help page on the
// register's own site, when the configuration names the site's address.
func rulesFor(cfg *config.Config) map[string]report.RuleInfo {
	out := ruleInfo()
	for id, ri := range out {
		if ri.Principle != "" {
			ri.HelpURI = cmp.Or(pageurl.RuleURL(cfg, id), ri.HelpURI)
			out[id] = ri
		}
	}
	return out
}

// ruleInfo describes every rule id a command reports, for the formats that
// carry rule metadata (SARIF): the stages' own and the checklist's, in the
// documented language the machine formats write (finding.Documented).
func ruleInfo() map[string]report.RuleInfo {
	out := map[string]report.RuleInfo{
		finding.RuleYAML:              {Title: "The file is not a readable YAML record"},
		finding.RuleSchema:            {Title: "The record does not follow the JSON Schema"},
		finding.RuleRegister:          {Title: "Register-wide consistency: ids, folders, references"},
		finding.RuleConfig:            {Title: "register.yaml settings"},
		finding.RulePublication:       {Title: "The publication block is unclear, so the record is not published"},
		export.RuleAlgoritmeregister:  {Title: "A value the national algorithm register's publication standard cannot take"},
		importcsv.RuleImport:          {Title: "A spreadsheet row or column that could not be imported"},
		migrate.RuleMigrate:           {Title: "A record in another version of the record format"},
		notification.RuleNotification: {Title: "A sensor notification that cannot be added to the register as it is"},
	}
	for _, r := range principle.Rules() {
		out[r.ID] = report.RuleInfo{Principle: r.Ref, Title: r.Title.In(finding.Documented), Description: r.Why.In(finding.Documented), Help: r.Satisfy.In(finding.Documented)}
	}
	return out
}

// workRelative expresses the register root relative to the working folder
// (in CI, the repository's top), so annotations name files GitHub knows.
func workRelative(root string) string {
	abs, err := filepath.Abs(root)
	if err != nil {
		return root
	}
	r := rel(abs)
	if r == "." {
		return ""
	}
	return filepath.ToSlash(r)
}
