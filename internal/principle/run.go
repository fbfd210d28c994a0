package principle

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/readability"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// Run applies the checklist to every record of the register: the built-in
// rules, then the register's custom rules, each at the severity the
// configuration gives it (rules switched off do not run), and then the
// exceptions recorded on each record. Findings carry Path but no line: the
// caller fills positions (load.Locate) and sorts.
func Run(reg *register.Register, opts Options) []finding.Finding {
	fs, _ := RunHolds(reg, opts)
	return fs
}

// RunHolds is Run, and the days on which its findings hold: the register
// as it is gives the same findings checked on any of them.
func RunHolds(reg *register.Register, opts Options) ([]finding.Finding, Span) {
	cfg := reg.Config
	if cfg == nil {
		cfg = config.Default()
	}
	today := opts.Today
	if today.IsZero() {
		today = period.Today(timeNow())
	}
	ctx := &Context{day: newClock(today), Config: cfg, Register: reg, History: opts.History, budget: newBudget(cfg.Limits.CustomRulesCost),
		texts: readability.NewMemo()}
	customs, fs := CompileCustom(cfg)
	rules := append(Rules(), customs...)
	fs = append(fs, unknownRuleSettings(cfg, rules)...)
	fs = append(fs, laterDates(cfg)...)
	fs = append(fs, unknownIntervalKeys(cfg)...)
	checked := run(ctx, rules)
	fs = append(fs, settingFindings(cfg, rules, func(rule string, sev finding.Severity) bool {
		return silencesLaw(checked, rule, sev)
	})...)
	fs = append(fs, ctx.budget.finding()...)
	return append(fs, checked...), ctx.day.span
}

// run applies the rules given to every record and to the register as a whole.
func run(ctx *Context, rules []*Rule) []finding.Finding {
	var out []finding.Finding
	for _, rec := range ctx.Register.Records {
		out = append(out, checkRecord(ctx, rules, rec, nil)...)
	}
	return append(out, checkRegister(ctx, rules)...)
}

// checkRecord applies the rules that look at one record, then the record's
// exceptions; the findings are appended to fs, which holds none yet.
func checkRecord(ctx *Context, rules []*Rule, rec *record.Record, fs []finding.Finding) []finding.Finding {
	inUse := inUseUntilEnd(rec, ctx.OnOrAfter)
	for _, rule := range rules {
		r := inUse
		if rule.WeighsLabel {
			r = rec
		}
		if rule.Check == nil || !runs(ctx.Config, rule) || !rule.AppliesTo(r) {
			continue
		}
		for _, f := range rule.Check(ctx, r) {
			f.File, f.Record, f.Rule = rec.File, rec.ID, rule.ID
			if f = settle(ctx.Config, rule, f); f.Severity > finding.Off {
				fs = append(fs, f)
			}
		}
	}
	return applyExceptions(ctx, inUse, rules, fs)
}

// inUseUntilEnd is the record as the rules judge it: one labelled retired
// but operated after its lifecycle.end, or whose end has not come (reached
// says whether a day has), is in use (fail closed), as active, with its
// label kept for the messages (record.Record.StatusLabel); any other
// record as it is. The label alone would switch off every rule
// about a record in use, and an Applies cannot read the day.
func inUseUntilEnd(rec *record.Record, reached func(time.Time) bool) *record.Record {
	if !labelInUse(rec, reached) {
		return rec
	}
	v := *rec
	v.Status, v.StatusLabel = "active", rec.Status
	return &v
}

// labelInUse reports whether the record is labelled retired but in use by
// its own dates: it operated after its lifecycle.end, or the end has not
// come (reached says whether a day has).
func labelInUse(rec *record.Record, reached func(time.Time) bool) bool {
	if rec.Status != "retired" {
		return false
	}
	end, ok := lifecycle.RetiredEnd(rec)
	return !ok || !end.IsZero() && !reached(end)
}

// InUseUntilEnd is the record as the checklist judges it on the day
// today (inUseUntilEnd): what the site asks of a rule's Applies too, so a
// page does not call a rule that ran inapplicable.
func InUseUntilEnd(rec *record.Record, today time.Time) *record.Record {
	return inUseUntilEnd(rec, func(d time.Time) bool { return !today.Before(d) })
}

// checkRegister applies the rules that look at the register as a whole.
func checkRegister(ctx *Context, rules []*Rule) []finding.Finding {
	var out []finding.Finding
	for _, rule := range rules {
		if rule.CheckRegister == nil || !runs(ctx.Config, rule) {
			continue
		}
		for _, f := range rule.CheckRegister(ctx) {
			f.File, f.Rule = config.FileName, rule.ID
			if f = settle(ctx.Config, rule, f); f.Severity > finding.Off {
				out = append(out, f)
			}
		}
	}
	return out
}

// configured returns the rule's severity as configuration leaves it: the
// configured one when register.yaml or the environment names the rule,
// else the rule's default.
func configured(cfg *config.Config, rule *Rule) finding.Severity {
	return cfg.Severity(rule.ID, rule.Default)
}

// runs reports whether the rule runs: a rule with a legal part always does,
// a policy rule unless configuration switches it off.
func runs(cfg *config.Config, rule *Rule) bool {
	return rule.Legal() || configured(cfg, rule) != finding.Off
}

// settle fills in the finding's principle, law and severity: a configured
// severity wins over the check's own, which wins over the rule's default;
// but a legal finding has a severity the law gives the rule (LawHas), and
// configuration only raises it, never lowers it (its setting is reported
// instead). A note (a check's info finding, such as
// "not checked") stays a note whatever the configuration says: it never
// fails a run. A policy finding of a rule switched off comes back Off.
func settle(cfg *config.Config, rule *Rule, f finding.Finding) finding.Finding {
	if f.Principle == "" {
		f.Principle = rule.Ref
	}
	if f.Law.IsZero() && rule.WhollyLegal() {
		f = lawful(f, rule.Law)
	}
	if f.Severity == finding.Off {
		f.Severity = rule.Default
	}
	if !f.Law.IsZero() {
		f.Severity = rule.asTheLawHas(f.Severity)
	}
	if s, set := cfg.Rules[rule.ID]; set && f.Severity != finding.Info {
		if !f.Law.IsZero() {
			f.Severity = max(f.Severity, s.Severity)
		} else {
			f.Severity = s.Severity
		}
	}
	return f
}

// unknownRuleSettings warns about rule ids in register.yaml's rules: or in
// REGISTER_RULES_<ID> variables that match no rule, so a typo does not
// leave a rule at its default unnoticed.
func unknownRuleSettings(cfg *config.Config, rules []*Rule) []finding.Finding {
	var ids []string
	for id := range cfg.Rules {
		if !slices.ContainsFunc(rules, func(r *Rule) bool { return r.ID == id }) && !nonChecklist[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	var fs []finding.Finding
	for _, id := range ids {
		s := cfg.Rules[id]
		help, hulp := unknownRuleHelp(id)
		f := finding.Finding{File: s.File, Line: s.Line, Column: s.Column, Rule: finding.RuleConfig, Severity: finding.Warning}
		what := "rules." + id
		if s.Env == "" {
			f.Path, f.Key = "/rules/"+id, true
		} else {
			// The variable's name is all there is to point at.
			f.File, what = s.Env, s.Env
		}
		fs = append(fs, worded(f,
			en(fmt.Sprintf("%s names no rule; the setting is ignored", what), help),
			nl(fmt.Sprintf("%s is de naam van geen enkele regel. Deze instelling doet daarom niets.", what), hulp)))
	}
	return fs
}

// nonChecklist are rule ids of other stages that configuration may name
// without a warning from the checklist.
var nonChecklist = map[string]bool{
	finding.RuleYAML: true, finding.RuleSchema: true, finding.RuleRegister: true, finding.RuleConfig: true,
}
