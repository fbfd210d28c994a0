package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/principle"
)

// registerRules returns the built-in rules followed by the register's custom
// rules, with the configuration that sets their severities. A register
// without register.yaml has no custom rules and default severities.
func (a *App) registerRules() ([]*principle.Rule, *config.Config, error) {
	cfg, err := a.settings()
	if err != nil {
		return nil, nil, err
	}
	custom, problems := principle.CompileCustom(cfg)
	if len(problems) > 0 {
		a.warnText(a.count(msgRulesProblems, len(problems)))
	}
	return append(principle.Rules(), custom...), cfg, nil
}

// ruleRow is one rule as `register rules` lists it.
type ruleRow struct {
	ID        string
	Principle string
	Severity  finding.Severity
	Default   finding.Severity
	Title     label.Text
	Custom    bool
	// Basis is "law", "law in part" or "policy"; Law cites the articles
	// and LawScope says which findings they cover when only some do.
	Basis    string
	Law      label.Text
	LawScope string
	// LawHas are the severities the law gives the rule's legal findings
	// (principle.Rule.LawHas); none for a rule of policy alone.
	LawHas severities
}

// MarshalJSON writes the row as `register rules --format json` documents
// it: both titles under their own keys, the law and its scope in English.
func (r ruleRow) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID        string             `json:"id"`
		Principle string             `json:"principle"`
		Severity  finding.Severity   `json:"severity"`
		Default   finding.Severity   `json:"default"`
		TitleNL   string             `json:"title_nl"`
		TitleEN   string             `json:"title_en"`
		Custom    bool               `json:"custom,omitempty"`
		Basis     string             `json:"basis"`
		Law       string             `json:"law,omitempty"`
		LawScope  string             `json:"law_scope,omitempty"`
		LawHas    []finding.Severity `json:"law_severities,omitempty"`
	}{r.ID, r.Principle, r.Severity, r.Default, r.Title.In(message.Dutch), r.Title.In(message.English), r.Custom, r.Basis, r.Law.In(message.English), r.LawScope, r.LawHas})
}

// ruleList is what a format of register rules writes: the rows, and the
// language of the table (JSON, for scripts, keeps its keys and English).
type ruleList struct {
	rows []ruleRow
	lang string
}

// basisOf names where a rule comes from, for the rules listing.
func basisOf(r *principle.Rule) string {
	switch {
	case r.WhollyLegal():
		return "law"
	case r.Legal():
		return "law in part"
	}
	return "policy"
}

// rulesOptions are the flags of register rules.
type rulesOptions struct {
	*App
	format string
}

func newRulesCmd(a *App, runF func(*rulesOptions) error) *cobra.Command {
	o := &rulesOptions{App: a}
	if runF == nil {
		runF = runRules
	}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: a.say(msgRulesShort),
		Long:  a.say(msgRulesLong),
		Example: `  register rules
  register rules --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	a.formatFlag(cmd, &o.format, "text", ruleFormats, msgFormatUsage)
	return cmd
}

// ruleFormats are the formats of register rules.
var ruleFormats = format.Set[ruleList]{
	{Name: "text", Exts: []string{".txt"}, Write: writeRuleTable},
	{Name: "json", Exts: []string{".json"}, Write: func(w io.Writer, l ruleList) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"rules": l.rows})
	}},
}

// runRules lists the rules with their severity in this register.
func runRules(o *rulesOptions) error {
	f, err := ruleFormats.Lookup(o.format)
	if err != nil {
		return usageError{err}
	}
	rules, cfg, err := o.registerRules()
	if err != nil {
		return err
	}
	rows := make([]ruleRow, len(rules))
	for i, r := range rules {
		rows[i] = ruleRow{ID: r.ID, Principle: r.Ref, Severity: cfg.Severity(r.ID, r.Default), Default: r.Default,
			Title: r.Title, Custom: r.Custom(), Basis: basisOf(r), Law: r.Law, LawScope: r.LawScope.In(message.English), LawHas: r.LawHas()}
	}
	return f.Write(o.Out, ruleList{rows: rows, lang: o.ui()})
}

// writeRuleTable prints the rules as aligned columns, in the list's
// language.
func writeRuleTable(w io.Writer, l ruleList) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, msgRulesHeader.In(l.lang))
	for _, r := range l.rows {
		sev := r.Severity.String()
		switch {
		case r.Severity < r.Default && r.Basis == "law":
			sev = msgRulesSetAgainstLaw.Format(l.lang, r.LawHas, r.Severity)
		case r.Severity < r.Default && r.Basis == "law in part":
			sev = msgRulesLegalPartStays.Format(l.lang, r.Severity, r.Default, r.LawHas)
		case r.Severity != r.Default:
			sev = msgRulesDefault.Format(l.lang, r.Severity, r.Default)
		}
		basis, title, law := r.Basis, r.Title.In(l.lang), r.Law.In(l.lang)
		if l.lang == message.Dutch {
			basis = basisNL[r.Basis]
		}
		if law != "" {
			basis += ": " + law
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Principle, basis, sev, title)
	}
	return tw.Flush()
}

// basisNL are the words of basisOf in Dutch.
var basisNL = map[string]string{"law": "wet", "law in part": "deels wet", "policy": "beleid"}

// explainOptions are the arguments of register explain.
type explainOptions struct {
	*App
	rule string
}

func newExplainCmd(a *App, runF func(*explainOptions) error) *cobra.Command {
	o := &explainOptions{App: a}
	if runF == nil {
		runF = runExplain
	}
	return &cobra.Command{
		Use:   "explain RULE",
		Short: a.say(msgExplainShort),
		Long:  a.say(msgExplainLong),
		Example: `  register explain biometric-ban
  register explain notice-period`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageText(msgExplainArgs)
			}
			o.rule = strings.TrimSpace(args[0])
			return runF(o)
		},
	}
}

// runExplain prints the explanation of one rule.
func runExplain(o *explainOptions) error {
	rules, cfg, err := o.registerRules()
	if err != nil {
		return err
	}
	for _, r := range rules {
		if r.ID == o.rule {
			return writeExplanation(o.Out, r, cfg.Severity(r.ID, r.Default), o.ui())
		}
	}
	if close := principle.Suggest(o.rule); len(close) > 0 {
		return usageText(msgUnknownRuleSuggest, o.rule, strings.Join(close, ", "))
	}
	return usageText(msgUnknownRule, o.rule)
}

// writeExplanation prints one rule's explanation in lang. In English it
// gives the basis and the reason in both languages, Dutch being the
// register's own; in Dutch it gives them in Dutch. What satisfies a rule
// and its example (YAML, with comments in lang) are in lang.
func writeExplanation(w io.Writer, r *principle.Rule, sev finding.Severity, lang string) error {
	var b strings.Builder
	title := r.Title
	other := message.Dutch
	if lang == message.Dutch {
		other = message.English
	}
	fmt.Fprintf(&b, "%s: %s\n%s\n\n", r.ID, title.In(lang), title.In(other))
	basis := wrap(r.BasisNL(), "  ", 80)
	if lang != message.Dutch {
		basis = wrap(r.Basis(), "  ", 80) + basis
	}
	fmt.Fprintf(&b, "%s\n%s\n%s%s", msgExplainPrinciple.Format(lang, r.Ref), msgExplainBasis.In(lang), basis, msgExplainSeverity.Format(lang, sev))
	b.WriteString(severityNote(r, sev, lang))
	if r.Legal() {
		note := msgExplainLegalDuty.In(lang)
		switch {
		case !r.LawfulRoute.IsZero():
			note = msgExplainLawfulRoute.Format(lang, r.LawfulRoute)
		case !r.LawfulException.IsZero():
			note = msgExplainLawfulException.Format(lang, r.LawfulException)
		}
		b.WriteString("\n\n" + wrap(note, "", 80))
	}
	b.WriteString("\n\n" + msgExplainWhy.In(lang) + "\n")
	b.WriteString(wrap(r.Why.In(lang), "  ", 80))
	if lang != message.Dutch {
		b.WriteString("\n" + msgExplainWhy.In(message.Dutch) + "\n")
		b.WriteString(wrap(r.Why.In(message.Dutch), "  ", 80))
	}
	b.WriteString("\n" + msgExplainSatisfy.In(lang) + "\n")
	for _, line := range strings.Split(r.Satisfy.In(lang), "\n") {
		b.WriteString(wrap(line, "  ", 80))
	}
	if ex := r.Example.In(lang); ex != "" {
		b.WriteString("\n" + msgExplainExample.In(lang) + "\n")
		for _, line := range strings.Split(ex, "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// severityNote says how the configuration changed a rule's severity, and
// what the law keeps of it; "" when it did not.
func severityNote(r *principle.Rule, sev finding.Severity, lang string) string {
	switch {
	case sev < r.Default && r.WhollyLegal():
		return msgExplainAgainstLaw.Format(lang, severities(r.LawHas()))
	case sev < r.Default && r.Legal():
		return msgExplainLegalPart.Format(lang, r.Default, r.LawScope, severities(r.LawHas()))
	case sev != r.Default:
		return msgExplainChanged.Format(lang, r.Default)
	}
	return ""
}

// severities names the severities the law gives a rule's legal findings
// (principle.Rule.LawHas), as the configuration writes them: "error or
// warning", in Dutch "error of warning".
type severities []finding.Severity

func (s severities) In(lang string) string {
	or := " or "
	if lang == message.Dutch {
		or = " of "
	}
	words := make([]string, len(s))
	for i, v := range s {
		words[i] = v.String()
	}
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + or + words[len(words)-1]
}

// wrap breaks text into lines of at most width characters (words longer
// than that stand alone), each starting with indent.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
	return b.String()
}
