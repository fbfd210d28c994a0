package principle

import (
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// The articles the checklist's legal duties rest on (shared/law.md).
var (
	lawLawfulGround = label.Text{"AVG art. 6 lid 1", "GDPR art. 6(1)"}
	lawNoLegitimate = label.Text{"AVG art. 6 lid 1, laatste zin", "GDPR art. 6(1), last sentence"}
	// Identifying people by their face or body is processing of biometric
	// data that art. 9(1) forbids without a ground a municipality does not
	// have in public space, and real-time remote identification in public
	// space is a prohibited AI practice (AI Act art. 5(1)(h)).
	lawBiometric = label.Text{"AVG art. 9 lid 1; AI-verordening art. 5 lid 1 onder h", "GDPR art. 9(1); AI Act art. 5(1)(h)"}
	lawBreach    = label.Text{"AVG art. 33 lid 1", "GDPR art. 33(1)"}
	lawDPIA      = label.Text{"AVG art. 35 lid 1 en 3", "GDPR art. 35(1) and (3)"}
	lawCamera    = label.Text{"Gemeentewet art. 151c", "Gemeentewet art. 151c"}
	lawInform    = label.Text{"AVG art. 13", "GDPR art. 13"}

	// Emotion recognition at work and in education is a prohibited AI
	// practice, save for medical or safety reasons (AI Act art. 5(1)(f)).
	lawEmotionAtWork = label.Text{"AI-verordening art. 5 lid 1 onder f", "AI Act art. 5(1)(f)"}
	// Biometric categorisation that deduces race, political opinions,
	// trade union membership, religious or philosophical beliefs, sex life
	// or sexual orientation is a prohibited AI practice (AI Act art.
	// 5(1)(g)).
	lawSensitiveCategorisation = label.Text{"AI-verordening art. 5 lid 1 onder g", "AI Act art. 5(1)(g)"}
	// lawBiometricBan is every law behind the ban's legal findings.
	lawBiometricBan = label.Text{"AVG art. 9 lid 1; AI-verordening art. 5 lid 1 onder h, f en g", "GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g)"}
	// Telling people that a sensor processes their personal data in public
	// space; a sign does it on the spot.
	lawTransparency = label.Text{"AVG art. 12-14", "GDPR art. 12-14"}
	// The one exception the law gives to the biometric ban: the police's
	// use, each authorised beforehand (AI Act art. 5(2)-(5), 26(10)).
	lawPoliceBiometric = label.Text{
		"de politie, voor een doel en op een grondslag die de wet noemt, met voorafgaande toestemming (AI-verordening art. 5 lid 2-5, art. 26 lid 10)",
		"the police, for an objective and on a basis the law names, with prior authorisation (AI Act art. 5(2)-(5), 26(10))"}

	// Format v2's duties.
	lawAccountable  = label.Text{"AVG art. 5 lid 2, art. 6 lid 1", "GDPR art. 5(2), 6(1)"}
	lawDecision151  = label.Text{"Gemeentewet art. 151c lid 1", "Gemeentewet art. 151c(1)"}
	lawRetention    = label.Text{"Gemeentewet art. 151c lid 6", "Gemeentewet art. 151c(6)"}
	lawPersonal     = label.Text{"AVG art. 4 lid 1", "GDPR art. 4(1)"}
	lawMinimise     = label.Text{"AVG art. 5 lid 1 onder c, art. 25 lid 1", "GDPR art. 5(1)(c), 25(1)"}
	lawSpecial      = label.Text{"AVG art. 9 lid 2; UAVG art. 22-30", "GDPR art. 9(2); UAVG art. 22-30"}
	lawAIDefinition = label.Text{"AI-verordening art. 3 lid 1, art. 6", "AI Act art. 3(1), 6"}
	lawFRIA         = label.Text{"AI-verordening art. 27", "AI Act art. 27"}
	lawEUDatabase   = label.Text{"AI-verordening art. 26 lid 8, art. 49 lid 3", "AI Act art. 26(8), 49(3)"}
	lawTransparent  = label.Text{"AI-verordening art. 50", "AI Act art. 50"}
	lawLiteracy     = label.Text{"AI-verordening art. 4", "AI Act art. 4"}
	lawMarking      = label.Text{"AI-verordening art. 50 lid 2", "AI Act art. 50(2)"}
	lawProhibit     = label.Text{"AI-verordening art. 5", "AI Act art. 5"}
	lawAutomated    = label.Text{"AVG art. 22", "GDPR art. 22"}
	// Personal data processed for the police's task are police data
	// (Wpg art. 1(a)), outside the GDPR (GDPR art. 2(2)(d)).
	lawPoliceData = label.Text{"Wet politiegegevens art. 1 onder a", "Wet politiegegevens art. 1(a)"}
	// What boa's process to investigate the offences of their deed are
	// police data too, by the decree made for them under the Wpg.
	lawPoliceOrBoaData = label.Text{"Wet politiegegevens art. 1 onder a; Besluit politiegegevens buitengewoon opsporingsambtenaren", "Wet politiegegevens art. 1(a); Besluit politiegegevens buitengewoon opsporingsambtenaren"}
)

// policeLaw holds, for each GDPR duty the Law Enforcement Directive has
// too, the article that holds police data to it (outsideGDPR): the Wet
// politiegegevens carries the directive out for the police and for what
// boa's process to investigate offences. On police data such a finding
// stays a legal duty, under that article; a GDPR duty missing here has no
// such counterpart, and there its finding is the principle's.
var policeLaw = map[label.Text]label.Text{
	lawBreach:       directive("art. 30 lid 1", "art. 30(1)"),
	lawDPIA:         directive("art. 27", "art. 27"),
	lawAutomated:    directive("art. 11", "art. 11"),
	lawMinimise:     directive("art. 4 lid 1 onder c, art. 20 lid 1", "art. 4(1)(c), 20(1)"),
	lawLawfulGround: directive("art. 8", "art. 8"),
	lawPersonal:     directive("art. 3 onder 1", "art. 3(1)"),
	lawAccountable:  directive("art. 4 lid 4, art. 8", "art. 4(4), 8"),
	lawBiometric:    lawPoliceBiometricData.Append(label.Text{"; AI-verordening art. 5 lid 1 onder h", "; AI Act art. 5(1)(h)"}),
}

// lawPoliceBiometricData is the directive's article on biometric data
// that identify people, the counterpart of GDPR art. 9(1).
var lawPoliceBiometricData = directive("art. 10", "art. 10")

// directive cites the Law Enforcement Directive's article, as the Wet
// politiegegevens carries it out.
func directive(nl, en string) label.Text {
	return label.Text{"Wet politiegegevens; Richtlijn (EU) 2016/680 " + nl, "Wet politiegegevens; Directive (EU) 2016/680 " + en}
}

// lawOf is the law that holds the record r to the GDPR duty law: law
// itself, or on police data its counterpart (policeLaw), zero where it
// has none.
func lawOf(r *record.Record, law label.Text) label.Text {
	if outsideGDPR(r) {
		return policeLaw[law]
	}
	return law
}

// exceptPoliceData is the scope of a GDPR duty, which police data are
// outside of (outsideGDPR): the rule's scope with the exception added.
func exceptPoliceData(scope label.Text) label.Text {
	return scope.Append(label.Text{
		", behalve politiegegevens (die van de politie zelf, of wat boa's als politiegegevens verwerken)",
		", except police data (the police's own, or what boa's process as police data)"})
}

// Legal reports whether the rule follows from law, wholly or for some of its
// findings (LawScope): configuration cannot switch it off.
func (r *Rule) Legal() bool { return !r.Law.IsZero() }

// WhollyLegal reports whether every finding of the rule is a legal duty.
func (r *Rule) WhollyLegal() bool { return r.Legal() && r.LawScope.IsZero() }

// LawHas returns the severities the law gives the rule's legal findings,
// strictest first: LawSeverities, or Default alone; nil for a rule that
// follows from policy alone.
func (r *Rule) LawHas() []finding.Severity {
	switch {
	case !r.Legal():
		return nil
	case len(r.LawSeverities) > 0:
		return slices.Clone(r.LawSeverities)
	}
	return []finding.Severity{r.Default}
}

// asTheLawHas is the severity of a legal finding of the rule that a check
// gave s: s when the law gives the rule's legal findings that severity,
// else the strictest it gives, or s where that is stricter still. A legal
// finding is never reported below what the rule says the law has. A note
// stays a note: it says what the check could not tell or when a duty
// begins, and is no finding of the duty.
func (r *Rule) asTheLawHas(s finding.Severity) finding.Severity {
	has := r.LawHas()
	if len(has) == 0 || s == finding.Info || slices.Contains(has, s) {
		return s
	}
	return max(s, has[0])
}

// Basis says where the rule comes from, in English: "law (GDPR art. 33(1))",
// "law for cameras (Gemeentewet art. 151c), else policy (VNG 4.3)" or
// "policy (VNG 3.7)".
// A GDPR duty that police data have under the directive (policeLaw) names
// that article too: "law (GDPR art. 33(1); police data: Wet
// politiegegevens; Directive (EU) 2016/680 art. 30(1))".
func (r *Rule) Basis() string {
	return r.basis("en", "law", "else policy", "policy", "police data")
}

// BasisNL is Basis in Dutch.
func (r *Rule) BasisNL() string {
	return r.basis("nl", "wet", "verder beleid", "beleid", "politiegegevens")
}

// basis writes Basis or BasisNL from the law and scope in lang and that
// language's words for law, else policy, policy and police data.
func (r *Rule) basis(lang, lawWord, elseWord, policyWord, policeWord string) string {
	law, scope := r.Law.In(lang), r.LawScope.In(lang)
	if police, ok := policeLaw[r.Law]; ok {
		law += "; " + policeWord + ": " + police.In(lang)
	}
	switch {
	case r.WhollyLegal():
		return lawWord + " (" + law + ")"
	case r.Legal():
		return fmt.Sprintf("%s %s (%s), %s (%s)", lawWord, scope, law, elseWord, r.Ref)
	}
	return policyWord + " (" + r.Ref + ")"
}

// lawful marks a finding as a legal duty under law.
func lawful(f finding.Finding, law label.Text) finding.Finding {
	f.Law = law
	return f
}

// citesLaw marks a finding as a legal duty under law and names that law in
// its messages.
func citesLaw(f finding.Finding, law label.Text) finding.Finding {
	return lawful(cites(f, law.In("en"), law.In("nl")), law)
}

// Deviation is a rule that the register's configuration switches off or
// sets below its default severity, with where and why: residents see every
// one of them on the site, in the open data and in the review packet.
type Deviation struct {
	Rule    *Rule
	Setting config.RuleSetting
	// Refused is set when the rule follows from law wholly: the setting
	// does not take effect and Run reports it as an error.
	Refused bool
	// PolicyOnly is set when the rule is law for some findings only: the
	// setting changes its policy findings, the legal ones still count.
	PolicyOnly bool
}

// Deviations lists the rules, built-in and the register's own, that cfg
// switches off or sets below their default severity, in the order of the
// rules.
func Deviations(cfg *config.Config) []Deviation {
	if cfg == nil {
		return nil
	}
	customs, _ := CompileCustom(cfg)
	return deviations(cfg, append(Rules(), customs...))
}

func deviations(cfg *config.Config, rules []*Rule) []Deviation {
	var out []Deviation
	for _, r := range rules {
		s, ok := cfg.Rules[r.ID]
		if !ok || s.Severity >= r.Default {
			continue
		}
		out = append(out, Deviation{Rule: r, Setting: s, Refused: r.WhollyLegal(), PolicyOnly: r.Legal() && !r.WhollyLegal()})
	}
	return out
}

// Off reports whether the rule does not run at all (a policy rule switched
// off); a rule with a legal part always runs.
func (d Deviation) Off() bool { return d.Setting.Severity == finding.Off && !d.Rule.Legal() }

// settingFindings reports settings that try to silence a legal duty (an
// error at the setting, citing the article, when the rule is wholly legal or
// its legal findings are present in this run; a warning when only its policy
// part changes) and settings that lower a rule without a reason (a warning:
// residents see the deviation, and should see why).
//
// silenced reports whether the run has legal findings of a rule that a
// setting of sev would have lowered.
func settingFindings(cfg *config.Config, rules []*Rule, silenced func(rule string, sev finding.Severity) bool) []finding.Finding {
	var out []finding.Finding
	for _, d := range deviations(cfg, rules) {
		r, s := d.Rule, d.Setting
		what := fmt.Sprintf("rules.%s: %s", r.ID, s.Severity)
		if s.Env != "" {
			what = fmt.Sprintf("%s=%s", s.Env, s.Severity)
		}
		at := finding.Finding{File: s.File, Line: s.Line, Column: s.Column, Rule: finding.RuleConfig, Principle: r.Ref}
		if s.Env != "" {
			at.File = s.Env
		}
		refused := d.Refused || (d.PolicyOnly && silenced(r.ID, s.Severity))
		switch {
		case refused:
			f := at
			f.Severity = finding.Error
			f = lawful(f, r.Law)
			f.Message = label.Text{
				fmt.Sprintf("%s zou een plicht uit de wet (%s) uitzetten of lichter maken. Dat kan niet: de instelling werkt niet, en de regel meldt het gewoon als %s.", what, r.Law.In("nl"), sevsNL(r.LawHas())),
				fmt.Sprintf("%s would switch off or lower a duty that follows from law (%s); the setting has no effect and the rule keeps reporting it as %s", what, r.Law.In("en"), sevsEN(r.LawHas())),
			}
			f.Help = label.Text{
				"Haal de instelling weg: een wettelijke plicht is niet uit te zetten.",
				"remove the setting: configuration cannot set a legal duty aside",
			}
			if !r.LawfulRoute.IsZero() {
				f.Help = f.Help.Append(label.Text{
					" De wet kent zelf deze uitweg: " + r.LawfulRoute.In("nl"),
					"; the law's own way out: " + r.LawfulRoute.In("en"),
				})
			}
			if d.PolicyOnly {
				f.Message = label.Text{
					fmt.Sprintf("%s zou plichten uit de wet (%s) uitzetten of lichter maken, %s. Die blijven gemeld zoals de wet ze geeft; alleen de andere bevindingen van de regel veranderen.", what, r.Law.In("nl"), r.LawScope.In("nl")),
					fmt.Sprintf("%s would switch off or lower duties that follow from law (%s) %s; those stay reported as the law has them, only the rule's other findings change", what, r.Law.In("en"), r.LawScope.In("en")),
				}
				f.Help = label.Text{
					"Haal de instelling weg, of houd haar alleen voor het beleidsdeel en leg vast waarom (reason).",
					"remove the setting, or keep it for the policy part and record why (reason)",
				}
			}
			out = append(out, f)
		case d.PolicyOnly:
			f := at
			f.Severity = finding.Warning
			f = lawful(f, r.Law)
			f.Message = label.Text{
				fmt.Sprintf("%s verandert alleen de bevindingen van de regel die uit beleid komen. %s is het een wettelijke plicht (%s), en dat blijft gemeld zoals de wet het geeft.", what, capitalise(r.LawScope.In("nl")), r.Law.In("nl")),
				fmt.Sprintf("%s changes only the rule's policy findings: %s it is law (%s) and stays reported as the law has it", what, r.LawScope.In("en"), r.Law.In("en")),
			}
			f.Help = label.Text{
				"Is dat de bedoeling, dan hoeft er niets te gebeuren. De website toont de instelling met de reden.",
				"nothing to do if that is meant; the site shows the setting with its reason",
			}
			out = append(out, f)
		}
		if !refused && s.Reason == "" {
			f := at
			f.Severity = finding.Warning
			how := "reason: next to the severity in register.yaml (rules: {" + r.ID + ": {severity: " + s.Severity.String() + ", reason: \"...\"}})"
			hoe := "een reden (reason) naast de zwaarte in register.yaml (rules: {" + r.ID + ": {severity: " + s.Severity.String() + ", reason: \"...\"}})"
			if s.Env != "" {
				how, hoe = s.Env+config.EnvReasonSuffix, s.Env+config.EnvReasonSuffix
			}
			f.Message = label.Text{
				fmt.Sprintf("%s zet de regel lager dan de standaard (%s), zonder reden.", what, sevNL(r.Default)),
				fmt.Sprintf("%s sets the rule below its default (%s) without a reason", what, r.Default),
			}
			f.Help = label.Text{
				"De website toont elke afwijking van de standaard met de reden. Vul " + hoe + " in.",
				"the public site lists every deviation from the defaults with its reason: add " + how,
			}
			out = append(out, f)
		}
	}
	return out
}

// silencesLaw reports whether the run has legal findings of the rule that a
// setting of sev would have lowered.
func silencesLaw(fs []finding.Finding, rule string, sev finding.Severity) bool {
	return slices.ContainsFunc(fs, func(f finding.Finding) bool { return silences(f, rule, sev) })
}

// silences reports whether f is a legal finding of the rule that a setting
// of sev would have lowered.
func silences(f finding.Finding, rule string, sev finding.Severity) bool {
	return f.Rule == rule && !f.Law.IsZero() && f.Severity > sev
}

// sevEN names a severity in English, with its article: "an error".
func sevEN(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "an error"
	case finding.Warning:
		return "a warning"
	case finding.Info:
		return "a note"
	}
	return "off"
}

// sevsEN names severities in English, as the law gives a rule's legal
// findings: "an error or a warning".
func sevsEN(ss []finding.Severity) string { return sevs(ss, sevEN, " or ") }

// sevsNL is sevsEN in Dutch: "fout of waarschuwing".
func sevsNL(ss []finding.Severity) string { return sevs(ss, sevNL, " of ") }

// sevs names severities by name, joined by or.
func sevs(ss []finding.Severity, name func(finding.Severity) string, or string) string {
	words := make([]string, len(ss))
	for i, s := range ss {
		words[i] = name(s)
	}
	return joinWith(words, or)
}

// sevNL names a severity in Dutch.
func sevNL(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "fout"
	case finding.Warning:
		return "waarschuwing"
	case finding.Info:
		return "opmerking"
	}
	return "uit"
}

// capitalise makes the first letter upper-case, for a phrase that starts a
// sentence.
func capitalise(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}
