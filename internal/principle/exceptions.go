package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

const refExceptions = "exceptions"

var exceptionExpired = &Rule{
	ID: "exception-expired", Ref: refExceptions, Default: finding.Warning,
	Title: label.Text{"Uitzondering verlopen", "Exception has expired"},
	Why: label.Text{
		"Een uitzondering op een principe is altijd tijdelijk. Na de einddatum telt ze niet meer: de toepassing moet dan weer aan het principe voldoen, of er is een nieuw besluit nodig.",
		"An exception to a principle is always temporary. After its end date it no longer counts: the deployment must meet the principle again, or a new decision is needed.",
	},
	Satisfy: label.Text{
		"Elke uitzondering op de registratie heeft een datum `until` die nog niet voorbij is. Verwijder een verlopen uitzondering zodra de registratie aan de regel voldoet, of leg de vernieuwde goedkeuring vast met een nieuwe `until`.",
		"Every exception on the record has an `until` date that has not passed. Remove an expired exception once the record meets the rule, or record the renewed approval with a new `until`.",
	},
	Example: example(`exceptions:
  - rule: signage
    reason: signs are being replaced after the road works
    approved_by: college
    approved_on: 2026-06-01
    until: 2027-03-01`),
}

var exceptionUnused = &Rule{
	ID: "exception-unused", Ref: refExceptions, Default: finding.Warning,
	Title: label.Text{"Uitzondering zonder bevinding", "Exception matches no finding"},
	Why: label.Text{
		"Een uitzondering die nergens voor nodig is, wekt de indruk dat er iets mis is, of verbergt later een echte bevinding. De lijst met uitzonderingen hoort precies te zijn.",
		"An exception that nothing needs suggests a problem that is not there, and would later hide a real one. The list of exceptions should be exact.",
	},
	Satisfy: label.Text{
		"Elke uitzondering noemt met `rule` een regel die op deze registratie een bevinding meldt. Verwijder uitzonderingen die niet meer nodig zijn en verbeter verkeerd gespelde regel-id's (`register rules` toont ze).",
		"Every exception names, with `rule`, a rule that reports a finding on this record. Remove exceptions that are no longer needed and correct misspelt rule ids (`register rules` lists them).",
	},
	Example: commented(`exceptions:
  - rule: biometric-ban      # een regel die op deze registratie een bevinding meldt
    ...`,
		[2]string{"een regel die op deze registratie een bevinding meldt", "a rule that reports a finding on this record"}),
}

var exceptionTooLong = &Rule{
	ID: "exception-too-long", Ref: refExceptions, Default: finding.Warning,
	Title: label.Text{"Uitzondering te lang", "Exception lasts too long"},
	Why: label.Text{
		"Een uitzondering is een tijdelijke afwijking met een eigen besluit. Duurt ze langer dan de ingestelde maximale termijn, dan is ze eigenlijk beleid en hoort ze opnieuw te worden afgewogen. Ze telt wel.",
		"An exception is a temporary deviation with its own decision. One that lasts longer than the configured maximum is policy in disguise and should be weighed again. It still counts.",
	},
	Satisfy: label.Text{
		"`until` ligt hoogstens `limits.exception_max` (standaard P1Y) na `approved_on`.",
		"`until` is at most `limits.exception_max` (default P1Y) after `approved_on`.",
	},
	Example: example(`exceptions:
  - rule: evaluation-lapsed
    reason: the evaluation waits for the new camera policy
    approved_by: mayor
    approved_on: 2026-09-01
    until: 2027-03-01`),
}

var exceptionRefused = &Rule{
	ID: "exception-refused", Ref: refExceptions, Default: finding.Warning,
	Title: label.Text{"Uitzondering op een wettelijke plicht", "Exception to a legal duty"},
	Why: label.Text{
		"Een plicht uit de wet kan de gemeente niet zelf opzijzetten, ook niet met een besluit van het college of de burgemeester. Alleen waar de wet zelf een uitzondering kent (zoals voor de politie bij het verbod op biometrische identificatie), telt een uitzondering. Een andere uitzondering op een wettelijke plicht telt niet: de bevinding blijft een fout, en de uitzondering wekt de onjuiste indruk dat de plicht niet geldt.",
		"A duty that follows from law is not the municipality's to set aside, not even by a decision of the college or the mayor. An exception counts only where the law itself gives one (as for the police under the ban on biometric identification). Any other exception to a legal duty does not count: the finding stays an error, and the exception gives the false impression that the duty does not apply.",
	},
	Satisfy: label.Text{
		"Een uitzondering noemt met `rule` geen regel waarvan de registratie een bevinding uit de wet heeft, tenzij de wet die uitzondering zelf kent. Voldoe aan de plicht, of neem de uitweg die de wet zelf geeft (zoals delay_reason bij een te late melding van een datalek), en haal de uitzondering weg.",
		"An exception does not name, with `rule`, a rule whose findings on the record follow from law, unless the law itself gives that exception. Meet the duty, or take the way out the law itself gives (such as delay_reason for a late breach notice), and remove the exception.",
	},
	Example: commented(`retention: P28D       # Gemeentewet art. 151c lid 6: hoogstens vier weken
exceptions: []        # geen uitzondering op camera-retention`,
		[2]string{"Gemeentewet art. 151c lid 6: hoogstens vier weken", "Gemeentewet art. 151c(6): four weeks at most"},
		[2]string{"geen uitzondering op camera-retention", "no exception to camera-retention"}),
}

// exceptionState is what an exception on a record amounts to on the day of
// the run. The order is the order of preference when two exceptions name
// the same rule (an expired one kept next to its renewal).
type exceptionState int

const (
	exValid      exceptionState = iota // counts
	exExpiring                         // counts, but ends within the due-soon window
	exExpired                          // ended: no longer counts
	exIncomplete                       // lacks what an exception needs: does not count
)

// judged is one exception of a record with what it amounts to.
type judged struct {
	index   int
	ex      record.Exception
	rule    *Rule
	state   exceptionState
	why     label.Text   // what an incomplete exception lacks
	matched bool         // the rule reported a finding on the record
	covered bool         // the exception lowered a finding
	refused []label.Text // the laws of the legal findings it may not lower
}

// judge decides what an exception amounts to; for an incomplete one it also
// says what is missing, in English and in Dutch.
func judge(ctx *Context, rec *record.Record, rule *Rule, ex record.Exception) (state exceptionState, why, waarom string) {
	var missing, ontbreekt []string
	lacks := func(en, nl string) { missing, ontbreekt = append(missing, en), append(ontbreekt, nl) }
	if blank(ex.Reason) {
		lacks("a reason", "een reden (reason)")
	}
	if blank(ex.ApprovedBy) {
		lacks("who approved it (approved_by)", "wie haar heeft goedgekeurd (approved_by)")
	}
	approved, okApproved := date(ex.ApprovedOn)
	if !okApproved {
		lacks("the approval date (approved_on)", "de datum van goedkeuring (approved_on)")
	}
	until, okUntil := date(ex.Until)
	if !okUntil {
		lacks("an end date (until)", "een einddatum (until)")
	}
	if rule.ExceptionNeeds != nil {
		if need := rule.ExceptionNeeds(rec, ex); need.In("en") != "" {
			lacks(need.In("en"), need.In("nl"))
		}
	}
	switch {
	case len(missing) > 0:
		return exIncomplete, "it lacks " + joinAnd(missing), "er ontbreekt " + joinEn(ontbreekt)
	case !ctx.OnOrAfter(approved):
		return exIncomplete, "it is approved from " + ex.ApprovedOn + ", a date still to come",
			"ze geldt pas vanaf " + datum(ex.ApprovedOn) + ", een datum die nog moet komen"
	case ctx.After(until):
		return exExpired, "", ""
	case expiring(ctx, until):
		return exExpiring, "", ""
	}
	return exValid, "", ""
}

// expiring reports whether an exception that lasts until the day until
// ends within the configured due_within of today.
func expiring(ctx *Context, until time.Time) bool {
	within := ctx.Config.DueWithin
	return ctx.Reached(within.SubtractFrom(until), func(day time.Time) bool { return !within.AddTo(day).Before(until) })
}

// applyExceptions turns the findings an exception covers into info findings
// (a warning when the exception is about to end), notes on the findings why
// an exception does not count, and reports exceptions that expired, match
// nothing or last too long.
func applyExceptions(ctx *Context, rec *record.Record, rules []*Rule, fs []finding.Finding) []finding.Finding {
	if len(rec.Exceptions) == 0 {
		return fs
	}
	var extra []finding.Finding
	add := func(rule *Rule, f finding.Finding) {
		if configured(ctx.Config, rule) == finding.Off {
			return
		}
		f.File, f.Record, f.Rule = rec.File, rec.ID, rule.ID
		extra = append(extra, settle(ctx.Config, rule, f))
	}
	var js []*judged
	for i, ex := range rec.Exceptions {
		at := fmt.Sprintf("/exceptions/%d", i)
		k := slices.IndexFunc(rules, func(r *Rule) bool { return r.ID == ex.Rule })
		if k < 0 {
			if _, known := Lookup(ex.Rule); known {
				continue // a built-in rule left out of this run
			}
			help, hulp := unknownRuleHelp(ex.Rule)
			add(exceptionUnused, worded(finding.Finding{Path: at + "/rule"},
				en(fmt.Sprintf("the exception names rule %q, which does not exist", ex.Rule), help),
				nl(fmt.Sprintf("De uitzondering noemt de regel %q, maar die regel bestaat niet.", ex.Rule), hulp)))
			continue
		}
		state, why, waarom := judge(ctx, rec, rules[k], ex)
		js = append(js, &judged{index: i, ex: ex, rule: rules[k], state: state, why: label.Text{waarom, why}})
	}
	for j := range fs {
		var best *judged
		for _, e := range js {
			if e.ex.Rule == fs[j].Rule {
				e.matched = true
				if best == nil || e.state < best.state {
					best = e
				}
			}
		}
		if best != nil {
			except(ctx, &fs[j], best)
		}
	}
	for _, e := range js {
		at := fmt.Sprintf("/exceptions/%d", e.index)
		switch {
		case len(e.refused) > 0:
			add(exceptionRefused, refusal(e))
		case e.state == exExpired:
			add(exceptionExpired, worded(finding.Finding{Path: at + "/until"},
				en(fmt.Sprintf("the exception to %s ended on %s and no longer counts", e.ex.Rule, e.ex.Until),
					"remove the exception once the record meets the rule, or record the renewed approval with a new until date"),
				nl(fmt.Sprintf("De uitzondering op %s is afgelopen op %s en telt niet meer.", e.ex.Rule, datum(e.ex.Until)),
					"Haal de uitzondering weg zodra de toepassing aan de regel voldoet, of leg de nieuwe goedkeuring vast met een nieuwe einddatum (until).")))
		case !e.matched && configured(ctx.Config, e.rule) != finding.Off:
			add(exceptionUnused, worded(finding.Finding{Path: at},
				en(fmt.Sprintf("the exception to %s matches no finding on this record", e.ex.Rule),
					"remove the exception, or correct the rule id it names"),
				nl(fmt.Sprintf("De uitzondering op %s is nergens voor nodig: de regel heeft bij deze registratie geen bevinding.", e.ex.Rule),
					"Haal de uitzondering weg, of verbeter de naam van de regel (rule).")))
		}
		if e.state != exValid && e.state != exExpiring || len(e.refused) > 0 && !e.covered {
			continue
		}
		approved, _ := date(e.ex.ApprovedOn)
		until, _ := date(e.ex.Until)
		if limit := ctx.Config.Limits.ExceptionMax; until.After(limit.AddTo(approved)) {
			add(exceptionTooLong, worded(finding.Finding{Path: at + "/until"},
				en(fmt.Sprintf("the exception to %s runs from %s to %s, longer than limits.exception_max (%s); it still counts",
					e.ex.Rule, e.ex.ApprovedOn, e.ex.Until, limit),
					"shorten the exception and weigh it again when it ends, or change limits.exception_max in register.yaml"),
				nl(fmt.Sprintf("De uitzondering op %s loopt van %s tot %s. Dat is langer dan de %s (%s) die is toegestaan (limits.exception_max). Ze telt wel.",
					e.ex.Rule, datum(e.ex.ApprovedOn), datum(e.ex.Until), duur(limit), limit),
					"Maak de uitzondering korter en weeg haar opnieuw af als ze afloopt. Of pas limits.exception_max aan in register.yaml.")))
		}
	}
	return append(fs, extra...)
}

// except applies the exception that best covers a finding. A legal duty
// stays as it is unless the law itself gives the exception
// (LawfulException), and then stays visible as a warning at most; an
// exception the law does not give is refused, whoever approved it.
func except(ctx *Context, f *finding.Finding, e *judged) {
	ex := e.ex
	if !f.Law.IsZero() && e.rule.LawfulException.IsZero() && e.state != exExpired {
		refuse(f, e)
		return
	}
	if e.state == exValid || e.state == exExpiring {
		e.covered = true
	}
	if !f.Law.IsZero() && (e.state == exValid || e.state == exExpiring) {
		f.Severity = min(f.Severity, finding.Warning)
		ends, eindigt := ",", ","
		if e.state == exExpiring {
			ends = fmt.Sprintf(" that ends on %s, within %s,", ex.Until, ctx.Config.DueWithin)
			eindigt = fmt.Sprintf(" die binnenkort afloopt (op %s, binnen %s),", datum(ex.Until), duur(ctx.Config.DueWithin))
		}
		f.Message = label.Text{
			fmt.Sprintf("Uitzondering op een wettelijke plicht (%s)%s goedgekeurd door %s op %s, geldig tot %s. %s", f.Law.In("nl"), eindigt, ex.ApprovedBy, datum(ex.ApprovedOn), datum(ex.Until), f.Message.In("nl")),
			fmt.Sprintf("exception to a legal duty (%s)%s approved by %s on %s until %s: %s", f.Law.In("en"), ends, ex.ApprovedBy, ex.ApprovedOn, ex.Until, f.Message.In("en")),
		}
		f.Help = label.Text{
			fmt.Sprintf("De uitzondering telt tot %s. Een uitzondering op een wettelijke plicht blijft zichtbaar als waarschuwing. Voldoe aan de plicht, of houd de wettelijke grondslag en de goedkeuring van de uitzondering bij de hand.", datum(ex.Until)),
			fmt.Sprintf("the exception counts until %s, and a legal duty set aside stays visible as a warning; meet the duty, or keep the exception's legal basis and approval at hand", ex.Until),
		}
		return
	}
	switch e.state {
	case exValid:
		f.Severity = min(f.Severity, finding.Info)
		f.Message = label.Text{
			fmt.Sprintf("Toegestaan door de uitzondering die %s op %s heeft goedgekeurd, geldig tot %s. %s", ex.ApprovedBy, datum(ex.ApprovedOn), datum(ex.Until), f.Message.In("nl")),
			fmt.Sprintf("allowed by the exception approved by %s on %s until %s: %s", ex.ApprovedBy, ex.ApprovedOn, ex.Until, f.Message.In("en")),
		}
		f.Help = label.Text{
			fmt.Sprintf("Tot %s hoeft er niets te gebeuren. Zorg voor die datum dat de toepassing aan de regel voldoet, of leg de nieuwe goedkeuring vast.", datum(ex.Until)),
			fmt.Sprintf("nothing to do until %s; before then, meet the rule or record the renewed approval", ex.Until),
		}
	case exExpiring:
		f.Severity = min(f.Severity, finding.Warning)
		f.Message = label.Text{
			fmt.Sprintf("Toegestaan door een uitzondering die binnenkort afloopt: op %s, binnen %s. %s", datum(ex.Until), duur(ctx.Config.DueWithin), f.Message.In("nl")),
			fmt.Sprintf("allowed by an exception that ends on %s, within %s: %s", ex.Until, ctx.Config.DueWithin, f.Message.In("en")),
		}
		f.Help = label.Text{
			"Los dit op voordat de uitzondering afloopt, of leg de verlenging vast. " + f.Help.In("nl"),
			"fix this before the exception ends, or record its renewal; " + f.Help.In("en"),
		}
	case exExpired:
		f.Message = f.Message.Append(label.Text{
			fmt.Sprintf(" (De uitzondering op deze regel is afgelopen op %s en telt niet meer.)", datum(ex.Until)),
			fmt.Sprintf(" (the exception for this rule ended on %s and no longer counts)", ex.Until),
		})
	case exIncomplete:
		f.Message = f.Message.Append(label.Text{
			fmt.Sprintf(" (De uitzondering bij exceptions[%d] telt niet: %s.)", e.index, e.why.In("nl")),
			fmt.Sprintf(" (the exception at exceptions[%d] does not count: %s)", e.index, e.why.In("en")),
		})
	}
}

// refuse keeps a legal finding as it is and says why the exception does
// not count, naming the law's own way out where it gives one; the
// exception is then reported as refused.
func refuse(f *finding.Finding, e *judged) {
	if !slices.ContainsFunc(e.refused, func(l label.Text) bool { return l.In("en") == f.Law.In("en") }) {
		e.refused = append(e.refused, f.Law)
	}
	out, uit := "the law gives no exception to it", "De wet kent er geen uitzondering op."
	if route := e.rule.LawfulRoute; !route.IsZero() {
		out, uit = "the law's own way out: "+route.In("en"), "De wet kent zelf deze uitweg: "+route.In("nl")
	}
	f.Message = f.Message.Append(label.Text{
		fmt.Sprintf(" (De uitzondering bij exceptions[%d] telt niet: een uitzondering kan een plicht uit de wet (%s) niet opzijzetten. %s)", e.index, f.Law.In("nl"), uit),
		fmt.Sprintf(" (the exception at exceptions[%d] does not count: an exception cannot set aside a duty that follows from law (%s); %s)", e.index, f.Law.In("en"), out),
	})
}

// refusal reports an exception that names a legal duty the law gives no
// exception to: it points at the rule it names and cites the law.
func refusal(e *judged) finding.Finding {
	var laws, wetten []string
	for _, l := range e.refused {
		laws, wetten = append(laws, l.In("en")), append(wetten, l.In("nl"))
	}
	law, wet := strings.Join(laws, "; "), strings.Join(wetten, "; ")
	msg := fmt.Sprintf("the exception to %s does not count: it would set aside a duty that follows from law (%s), which no approval can do", e.ex.Rule, law)
	bericht := fmt.Sprintf("De uitzondering op %s telt niet. Ze zou een plicht uit de wet (%s) opzijzetten, en dat kan geen besluit.", e.ex.Rule, wet)
	help, hulp := "meet the duty and remove the exception", "Voldoe aan de plicht en haal de uitzondering weg."
	if route := e.rule.LawfulRoute; !route.IsZero() {
		help += "; the law's own way out: " + route.In("en")
		hulp += " De wet kent zelf deze uitweg: " + route.In("nl") + "."
	}
	if e.covered {
		msg += "; it counts only for the rule's findings that follow from policy"
		bericht += " Ze telt alleen voor de bevindingen van de regel die uit beleid komen."
	}
	return worded(finding.Finding{Path: fmt.Sprintf("/exceptions/%d/rule", e.index)}, en(msg, help), nl(bericht, hulp))
}

// joinAnd lists items as "a, b and c".
func joinAnd(items []string) string { return joinWith(items, " and ") }

// joinEn lists items in Dutch, "a, b en c".
func joinEn(items []string) string { return joinWith(items, " en ") }

func joinWith(items []string, and string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// unknownRuleHelp is the help for a rule id that names no rule, in English
// and Dutch, suggesting the closest id.
func unknownRuleHelp(id string) (help, hulp string) {
	help, hulp = "`register rules` lists every rule id", "`register rules` toont alle regels met hun naam."
	if s := Suggest(id); len(s) > 0 {
		help = fmt.Sprintf("did you mean %s? %s", s[0], help)
		hulp = fmt.Sprintf("Bedoelt u %s? %s", s[0], hulp)
	}
	return help, hulp
}
