package site

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// Deviation is a rule the register's configuration switched off or set below
// its default severity. Every deviation is public: the principles page, the
// pages of the records it concerns and the open data list it, with where it
// was set and the municipality's reason.
type Deviation struct {
	Rule  string
	Title label.Text
	// Refs are the principles the rule checks, as findings cite them.
	Refs              []string
	Severity, Default finding.Severity
	// Where is "register.yaml:12:3" or the environment variable's name.
	Where  string
	Reason string
	// Law cites the articles when the rule follows from law; Scope says
	// for which findings when only for some.
	Law, Scope label.Text
	// Refused: the rule follows from law wholly, so it ran as if unset.
	// PolicyOnly: only its policy findings changed; its legal ones ran.
	Refused, PolicyOnly bool
}

// Off reports whether the rule did not run at all.
func (d Deviation) Off() bool { return d.Severity == finding.Off && !d.Refused && !d.PolicyOnly }

// deviationView is a deviation as a page shows it.
type deviationView struct {
	ID, Title, Setting, Default, Where, Reason, Note string
	URL                                              string // the rule on the principles page
}

// deviationViews returns the deviations that concern records of the kind
// ("" for all), as the page in lang shows them.
func (b *builder) deviationViews(lang, root string, kind record.Kind) []deviationView {
	i := langIndex(lang)
	var out []deviationView
	for _, d := range b.opts.Deviations {
		if kind != "" && !slices.ContainsFunc(d.Refs, func(ref string) bool {
			p := principleByRef[Anchor(ref)]
			return p == nil || p.appliesTo(kind)
		}) {
			continue
		}
		v := deviationView{ID: d.Rule, Title: d.Title[i], Setting: sevWord(lang, d.Severity), Default: sevWord(lang, d.Default),
			Where: d.Where, Reason: strings.TrimRight(strings.TrimSpace(d.Reason), "."), URL: root + b.pagePath(lang, "principles") + "#rule-" + d.Rule}
		if v.Reason == "" {
			v.Reason = t(lang, "dev.noreason")
		}
		switch {
		case d.Refused:
			v.Note = tf(lang, "dev.refused", d.Law[i])
		case d.PolicyOnly:
			v.Note = tf(lang, "dev.policyonly", d.Scope[i], d.Law[i])
		}
		out = append(out, v)
	}
	return out
}

// settingViews returns the checklist's settings the configuration changed
// that bear on the public record r (principle.Concerns), as its page in
// lang shows them. They are worked out of r as the public sees it, not of
// the record as loaded: whether a setting bears on a record may rest on a
// field it withholds (the notice period on its themes, an interval on a
// camera's regime), and a list that differed with that field would tell
// it. The principles page lists every changed setting.
func (b *builder) settingViews(lang string, r *record.Record) []settingView {
	var out []settingView
	for _, c := range b.cfg.Changes {
		if principle.Concerns(c.Key, r, b.cfg) {
			out = append(out, newSettingView(lang, c))
		}
	}
	return out
}

// sevWord names a severity as a setting: "uitgezet", "waarschuwing", ...
func sevWord(lang string, s finding.Severity) string {
	return t(lang, "set."+s.String())
}

// checkedState says how far the checklist checked a principle for a record
// of the kind: every rule that checks it ran ("ok"), some were switched off
// by the municipality ("partly"), all were ("off"), or no rule checks it
// ("none": it gets no tick, as nothing was checked).
func (b *builder) checkedState(anchor string) string {
	b.checkedOnce.Do(func() {
		// The same for every record page: worked out once per build.
		b.checkedStates = make(map[string]string, len(principleAnchors))
		for _, a := range principleAnchors {
			b.checkedStates[a] = b.principleChecked(a)
		}
	})
	if st, ok := b.checkedStates[anchor]; ok {
		return st
	}
	return b.principleChecked(anchor)
}

func (b *builder) principleChecked(anchor string) string {
	var n, off, partly int
	for _, r := range b.anchorRules[anchor] {
		n++
		if d, ok := b.deviation[r.ID]; ok {
			switch {
			case d.Off():
				off++
			case d.PolicyOnly && d.Severity == finding.Off:
				partly++
			}
		}
	}
	switch {
	case n == 0:
		return "none"
	case off == n:
		return "off"
	case off > 0 || partly > 0:
		return "partly"
	}
	return "ok"
}

// ruleApplies reports whether a rule that checks the principle applies to
// the record: only then did a rule assess it, and may it get a tick. r is
// the public view: the rule must apply to the record as loaded (else it
// did not run: a retired record that withholds its status is still
// retired) and to the view (so a tick says nothing a withheld field keeps
// back).
func (b *builder) ruleApplies(anchor string, r *record.Record) bool {
	loaded := b.loaded.ByID(r.ID)
	if loaded == nil {
		return false
	}
	loaded, r = principle.InUseUntilEnd(loaded, b.today), principle.InUseUntilEnd(r, b.today)
	return slices.ContainsFunc(b.anchorRules[anchor], func(rule Rule) bool {
		return (rule.Applies == nil || rule.Applies(loaded) && rule.Applies(r)) && b.appliesOn(rule, loaded, r)
	})
}

// appliesOn reports whether the rule concerns the record on the day of
// the build (Rule.AppliesOn), as loaded and as its public view r alike;
// true for a rule that does not depend on the day.
func (b *builder) appliesOn(rule Rule, loaded, r *record.Record) bool {
	return rule.AppliesOn == nil || rule.AppliesOn(loaded, b.today) && rule.AppliesOn(r, b.today)
}

// ruleAnchors are the anchors of every principle a rule checks.
func ruleAnchors(r Rule) []string {
	out := refAnchors(r.Ref)
	for _, c := range r.Covers {
		out = append(out, refAnchors(c)...)
	}
	return out
}
