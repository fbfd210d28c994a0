package cli

import (
	"cmp"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/report"
	"github.com/voorbeeldstad/register/internal/site"
)

func init() { addCommand(newValidateCmd) }

func newValidateCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check records against the JSON Schemas",
		Long: `validate reads every record under sensors/ and algorithms/ (or only the files given),
checks it against the JSON Schemas and the register-wide rules (ids match file names,
ids are unique, referenced sensors exist), and reports every problem with file, line
and column. Exit code 0: no errors; 1: errors found; 2: usage or I/O error.`,
		Example: `  register validate
  register validate --format github
  register validate register/sensors/cam-markt.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			res, err := a.loadRegister(args...)
			if err != nil {
				return err
			}
			return a.report(res, res.Findings, format, finding.Error)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json, github, sarif or junit")
	return cmd
}

// checkFormat refuses an unknown output format before any work is done.
func checkFormat(format string) error {
	for _, f := range report.Formats {
		if f == format {
			return nil
		}
	}
	return usagef("unknown format %q: use one of %v", format, report.Formats)
}

// report prints findings in the chosen format and returns errFindings when
// any is at or above failOn.
func (a *App) report(res *load.Result, fs []finding.Finding, format string, failOn finding.Severity) error {
	// Findings name files from the working folder ("register/sensors/x.yaml"
	// when run from the repository), so an editor, a terminal or GitHub can
	// open them; inside the pipeline they are relative to the register root.
	prefix := workRelative(a.Root())
	at := func(file string) string {
		// A setting made by an environment variable is named by it.
		if prefix == "" || file == "" || strings.HasPrefix(file, config.EnvRulePrefix) {
			return file
		}
		return path.Join(prefix, file)
	}
	shown := make([]finding.Finding, len(fs))
	for i, f := range fs {
		f.File = at(f.File)
		shown[i] = f
	}
	refs := make([]report.RecordRef, 0, len(res.Files))
	ids := map[string]string{}
	for _, r := range res.Register.Records {
		ids[r.File] = r.ID
	}
	for _, f := range res.Files {
		refs = append(refs, report.RecordRef{File: at(f), ID: ids[f]})
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
		if f.Severity >= failOn && f.Severity > finding.Info {
			return errFindings
		}
	}
	return nil
}

// rulesFor is ruleInfo with each checklist rule's help page on the
// register's own site, when the configuration names the site's address.
func rulesFor(cfg *config.Config) map[string]report.RuleInfo {
	out := make(map[string]report.RuleInfo, len(ruleInfo))
	for id, ri := range ruleInfo {
		if ri.Principle != "" {
			ri.HelpURI = cmp.Or(site.RuleURL(cfg, id), ri.HelpURI)
		}
		out[id] = ri
	}
	return out
}

// ruleInfo describes rule ids for formats that carry rule metadata (SARIF);
// the checklist adds its rules.
var ruleInfo = map[string]report.RuleInfo{
	finding.RuleYAML:        {Title: "The file is not a readable YAML record"},
	finding.RuleSchema:      {Title: "The record does not follow the JSON Schema"},
	finding.RuleRegister:    {Title: "Register-wide consistency: ids, folders, references"},
	finding.RuleConfig:      {Title: "register.yaml settings"},
	finding.RulePublication: {Title: "The publication block is unclear, so the record is not published"},
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
