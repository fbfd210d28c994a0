package packet

import (
	"cmp"
	"fmt"
	"github.com/voorbeeldstad/register/internal/format"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/field"
	"github.com/voorbeeldstad/register/internal/fielddiff"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// kind describes what the record is in a few words; public: r is a public
// view, whose withheld quantity reads as absent.
func (L *Labels) kind(r *record.Record, public bool) string {
	if r.Kind == record.Algorithm {
		s := L.pick([2]string{"Algoritme", "Algorithm"})
		if r.AlgorithmType != "" {
			s += ": " + L.value("algorithm_type", r.AlgorithmType)
		}
		return s
	}
	s := L.pick([2]string{"Sensor", "Sensor"})
	if r.SensorType != "" {
		s += ": " + L.value("sensor_type", r.SensorType)
	}
	if n, ok := r.Devices(); public && r.IsWithheld("quantity") {
		s += L.pick([2]string{" (aantal niet openbaar)", " (number not public)"})
	} else if !ok {
		s += L.pick([2]string{" (aantal onbekend)", " (number unknown)"})
	} else if n > 1 {
		s += fmt.Sprintf(L.pick([2]string{" (%d stuks)", " (%d units)"}), n)
	}
	return s
}

func (L *Labels) paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

func (L *Labels) personalData(r *record.Record) string {
	pd := r.PersonalData
	var s string
	switch pd.Processed {
	case "yes":
		s = L.Yes
	case "no":
		s = L.No
	case "unknown":
		s = L.pick([2]string{"Onbekend: telt als ja (VNG 6.4)", "Unknown: counts as yes (VNG 6.4)"})
	default:
		return L.NotGiven
	}
	if len(pd.Categories) > 0 {
		s += ": " + strings.Join(pd.Categories, "; ")
	}
	s = sentence(s)
	if pd.SpecialCategories != nil && *pd.SpecialCategories {
		s += L.pick([2]string{" Ook bijzondere persoonsgegevens.", " Includes special categories."})
	}
	if r.Retention != "" {
		ret := L.durationString(r.Retention)
		if r.Retention == "not_stored" {
			ret = L.pick([2]string{"wordt niet opgeslagen", "not stored"})
		}
		s += L.pick([2]string{" Bewaartermijn: ", " Retention: "}) + ret + "."
	}
	return s
}

func (L *Labels) legalBasis(r *record.Record) string {
	lb := r.LegalBasis
	if lb == nil {
		return L.NotGiven
	}
	return L.or(format.JoinNonEmpty("; ", L.value("legal_basis.regime", lb.Regime), L.value("legal_basis.gdpr_ground", lb.GDPRGround), lb.Law))
}

func (L *Labels) dpia(r *record.Record) string {
	d := r.DPIA
	if d == nil {
		return L.NotGiven
	}
	s := L.value("dpia.status", d.Status)
	if d.Date != "" {
		s += " (" + L.dateString(d.Date) + ")"
	}
	if d.Public != nil {
		s += L.pick([2]string{"; openbaar: ", "; public: "}) + strings.ToLower(L.yesNo(*d.Public))
	}
	if d.Reason != "" {
		s += "; " + d.Reason
	}
	return s
}

func (L *Labels) assessments(r *record.Record) string {
	var parts []string
	for _, a := range r.Assessments {
		parts = append(parts, format.JoinNonEmpty(": ", format.JoinNonEmpty(" ", L.value("assessments.type", a.Type), L.paren(L.dateString(a.Date))), a.Summary))
	}
	if r.AIAct != nil && r.AIAct.FRIA != nil {
		parts = append(parts, format.JoinNonEmpty(" ", "FRIA", L.paren(L.dateString(r.AIAct.FRIA.Date))))
	}
	if len(parts) == 0 {
		return L.pick([2]string{"Geen", "None"})
	}
	return strings.Join(parts, "\n")
}

func (L *Labels) risks(r *record.Record) string {
	rk := r.Risks
	if rk == nil {
		return L.NotGiven
	}
	var parts []string
	for _, x := range []struct {
		key, text string
	}{{"risks.chilling_effect", rk.ChillingEffect}, {"risks.discrimination", rk.Discrimination},
		{"risks.stacking", rk.Stacking}, {"risks.mitigations", rk.Mitigations}} {
		if strings.TrimSpace(x.text) != "" {
			parts = append(parts, L.field(x.key)+": "+strings.TrimSpace(x.text))
		}
	}
	if len(parts) == 0 {
		return L.NotGiven
	}
	return strings.Join(parts, "\n")
}

func (L *Labels) decisions(r *record.Record) string {
	var parts []string
	for _, d := range r.Decisions {
		parts = append(parts, format.JoinNonEmpty(" ", L.value("decisions.kind", d.Kind)+",", strings.ToLower(L.value("decisions.body", d.Body)), L.paren(L.dateString(d.Date))))
	}
	if len(parts) == 0 {
		return L.pick([2]string{"Geen besluit vastgelegd", "No decision recorded"})
	}
	return strings.Join(parts, "\n")
}

// lastEvaluated words the last evaluation, and a text that is no date as
// such: "last on yesterday" would read as a date. A date after today is
// said to count for nothing, as the checklist and the due list count the
// record as never evaluated.
func (L *Labels) lastEvaluated(last string, today time.Time) string {
	d, err := period.ParseDate(last)
	if err != nil {
		return fmt.Sprintf(L.pick([2]string{"laatst op %q (geen datum)", "last on %q (not a date)"}), last)
	}
	if d.After(today) {
		return fmt.Sprintf(L.pick([2]string{"nog nooit geëvalueerd (evaluation.last is %s, een datum die nog moet komen)", "never evaluated (evaluation.last is %s, a date still to come)"}), L.dateString(last))
	}
	return L.pick([2]string{"laatst op ", "last on "}) + L.dateString(last)
}

// lifecycle words the life cycle. In a public packet a date the record
// withholds (its view has it empty) is left out, rather than read as not
// given: the packet notes it as not public (markFacts).
func (L *Labels) lifecycle(r *record.Record, public bool) string {
	lc := r.Lifecycle
	var s string
	start := !public || !r.IsWithheld("lifecycle.start")
	if start {
		s = L.pick([2]string{"Vanaf ", "From "}) + L.dateString(L.or(lc.Start))
	}
	switch {
	case lc.End != "" && start:
		s += L.pick([2]string{" tot en met ", " to "}) + L.dateString(lc.End)
	case lc.End != "":
		s = L.pick([2]string{"Tot en met ", "To "}) + L.dateString(lc.End)
	case public && r.IsWithheld("lifecycle.end"):
	case start:
		s += L.pick([2]string{", zonder einddatum", ", with no end date"})
	default:
		s = L.pick([2]string{"Zonder einddatum", "With no end date"})
	}
	if lc.ExtensionCriteria != "" {
		if s != "" {
			s += ". "
		}
		s += L.pick([2]string{"Voorwaarden voor verlenging: ", "Criteria for extension: "}) + lc.ExtensionCriteria
	}
	return s
}

func (L *Labels) evaluation(r *record.Record, scope factScope) string {
	ev := r.Evaluation
	if scope.public && publish.EvaluationWithheld(r) {
		// Worked out of what is left, it would be wrong ("never
		// evaluated" where the last evaluation is withheld), as the site
		// shows none; the packet notes each withheld field.
		return L.pick([2]string{"De stand van de evaluatie is niet openbaar", "The state of the evaluation is not public"})
	}
	var cfgInterval string
	var parts []string
	if due, iv, ok := lifecycle.NextEvaluation(r, scope.reg.Config, scope.today); ok {
		cfgInterval = L.duration(iv)
		parts = append(parts, L.pick([2]string{"Elke ", "Every "})+cfgInterval)
		if ev.Last != "" {
			parts = append(parts, L.lastEvaluated(ev.Last, scope.today))
		} else {
			parts = append(parts, L.pick([2]string{"nog nooit geëvalueerd", "never evaluated"}))
		}
		// A public packet names no next date that rests on a field the
		// record withholds, as the site shows none (its status, say).
		if lifecycle.InUseOn(r, scope.today) && !(scope.public && publish.EvaluationWithheld(r)) {
			parts = append(parts, L.pick([2]string{"volgende uiterlijk ", "next by "})+L.date(due))
		}
	} else {
		// No date to count from, or an interval too long to count with:
		// what is stated, and that the next date cannot be worked out,
		// rather than "not given" for a record that gives an interval.
		if iv := lifecycle.Interval(r, cfgOr(scope.reg)); !lifecycle.IntervalTooLong(r) && !iv.IsZero() {
			parts = append(parts, L.pick([2]string{"Elke ", "Every "})+L.duration(iv))
		} else if ev.Interval != "" {
			parts = append(parts, L.pick([2]string{"Termijn ", "Interval "})+ev.Interval)
		}
		if ev.Last != "" {
			parts = append(parts, L.lastEvaluated(ev.Last, scope.today))
		}
		parts = append(parts, L.pick([2]string{"de volgende evaluatie is niet te berekenen", "the next evaluation cannot be worked out"}))
	}
	s := strings.Join(parts, "; ")
	if ev.Outcome != "" {
		s += ". " + L.pick([2]string{"Uitkomst: ", "Outcome: "}) + ev.Outcome
	}
	return s
}

// findings turns the record's findings into rows, most severe first, and
// notes the principles they cite for the appendix.
func (L *Labels) findings(fs []finding.Finding, cited map[string]map[string]bool) []FindingRow {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b finding.Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	})
	var rows []FindingRow
	for _, f := range fs {
		if f.Severity == finding.Off {
			continue
		}
		row := FindingRow{Severity: f.Severity, Level: L.severity(f.Severity), Rule: f.Rule, Title: f.Rule}
		row.Message, row.Help = f.Text(L.lang)
		if L.lang == "nl" && f.Message.In("nl") == "" {
			row.Lang = "en" // a stage that speaks English only, such as the schema check
		}
		if r, ok := principle.Lookup(f.Rule); ok {
			row.Title = L.pick(r.Title)
		}
		var refs []string
		for _, ref := range principle.SplitRefs(f.Principle) {
			refs = append(refs, format.JoinNonEmpty(" ", ref, L.principleLabel(ref)))
			if cited[ref] == nil {
				cited[ref] = map[string]bool{}
			}
			cited[ref][f.Rule] = true
		}
		row.Principle = strings.Join(refs, "; ")
		rows = append(rows, row)
	}
	return rows
}

// keptBack are rows for the rules whose verdict on the record rests on
// what it withholds (publish.Public.Undisclosed): in a public packet their
// findings are left out, and "the checklist finds nothing" would read as
// a pass; each says its verdict is not public, and why.
func (L *Labels) keptBack(ids []string, reason string) []FindingRow {
	var rows []FindingRow
	for _, id := range ids {
		row := FindingRow{Severity: finding.Info, Level: L.KeptBackLevel, Rule: id, Title: id, Message: L.KeptBack}
		if r, ok := principle.Lookup(id); ok {
			row.Title = L.pick(r.Title)
			row.Principle = format.JoinNonEmpty(" ", r.Ref, L.principleLabel(r.Ref))
		}
		if reason != "" {
			row.Help = reason
		}
		rows = append(rows, row)
	}
	return rows
}

var dueGroup = map[lifecycle.Group]label.Text{
	lifecycle.Lapsed:   {"Verlopen", "Lapsed"},
	lifecycle.Undated:  {"Geen datum", "No date"},
	lifecycle.Ending:   {"Loopt af", "Ending"},
	lifecycle.Upcoming: {"Komt eraan", "Upcoming"},
}

// dueRows describes the record's dates in the packet's language. The
// lifecycle package explains each date in English with ISO dates; the packet
// says the same in words a committee reads, in either language.
func (L *Labels) dueRows(items []lifecycle.Item, today time.Time, cfg *config.Config) []DueRow {
	var rows []DueRow
	for _, d := range items {
		date := "—"
		if !d.Date.IsZero() {
			date = L.date(d.Date)
		}
		row := DueRow{Date: date, What: L.pick(lifecycle.WhatLabel[d.What]), State: L.pick(dueGroup[d.Group]), Detail: d.Detail.In("en")}
		if d.Group == lifecycle.Ending && d.Date.Before(today) {
			row.State = L.pick([2]string{"Afgelopen", "Ended"})
		}
		row.Detail = L.dueDetail(d, today, cfg)
		rows = append(rows, row)
	}
	return rows
}

func (L *Labels) dueDetail(d lifecycle.Item, today time.Time, cfg *config.Config) string {
	r, date, ended := d.Record, L.date(d.Date), d.Date.Before(today)
	t := func(nlText, enText string) string { return L.pick([2]string{nlText, enText}) }
	switch d.What {
	case lifecycle.Evaluation:
		if d.Group == lifecycle.Undated {
			// The due list's own reason: no valid start or last
			// evaluation, or an interval too long to compute with.
			why := L.pick(d.Detail)
			if why == "" {
				why = t("de volgende evaluatie is niet te berekenen (III)", "the next evaluation cannot be computed (III)")
			}
			first, n := utf8.DecodeRuneInString(why)
			return sentence(string(unicode.ToUpper(first)) + why[n:])
		}
		basis := t("laatst geëvalueerd op ", "last evaluated on ") + L.dateString(r.Evaluation.Last)
		if last, err := period.ParseDate(r.Evaluation.Last); err == nil && last.After(today) {
			basis = fmt.Sprintf(t("nog nooit geëvalueerd (evaluation.last is %s, een datum die nog moet komen), in gebruik sinds %s", "never evaluated (evaluation.last is %s, a date still to come), in use since %s"),
				L.dateString(r.Evaluation.Last), L.dateString(r.Lifecycle.Start))
		} else if r.Evaluation.Last == "" {
			basis = t("nog nooit geëvalueerd, in gebruik sinds ", "never evaluated, in use since ") + L.dateString(r.Lifecycle.Start)
		}
		iv := L.duration(lifecycle.Interval(r, cfg))
		if d.Group == lifecycle.Lapsed {
			return fmt.Sprintf(t("De evaluatie had uiterlijk %s moeten gebeuren (%s, elke %s).", "The evaluation was due by %s (%s, every %s)."), date, basis, iv)
		}
		return fmt.Sprintf(t("De evaluatie moet uiterlijk %s gebeuren (%s, elke %s).", "The evaluation is due by %s (%s, every %s)."), date, basis, iv)
	case lifecycle.Lifecycle:
		if d.Group == lifecycle.Lapsed {
			return fmt.Sprintf(t("De looptijd is op %s afgelopen, maar de registratie is nog in gebruik: evalueren, en alleen verlengen met een besluit (VNG 3.4).",
				"The life cycle ended on %s but the record is still in use: evaluate, and extend only by a decision (VNG 3.4)."), date)
		}
		return fmt.Sprintf(t("De looptijd eindigt op %s: vóór die datum evalueren, en alleen verlengen met een besluit (VNG 3.4).",
			"The life cycle ends on %s: evaluate before then, and extend only by a decision (VNG 3.4)."), date)
	case lifecycle.Exception:
		verb := t("loopt af op", "ends on")
		if ended {
			verb = t("is afgelopen op", "ended on")
		}
		if i, ok := index(d.Path, "/exceptions/"); ok && i < len(r.Exceptions) {
			return fmt.Sprintf(t("De uitzondering op regel %s %s %s.", "The exception to rule %s %s %s."), L.or(r.Exceptions[i].Rule), verb, date)
		}
		return fmt.Sprintf(t("Een uitzondering %s %s.", "An exception %s %s."), verb, date)
	case lifecycle.AIAct:
		return fmt.Sprintf(t("Vanaf %s gelden de plichten van de AI-verordening voor AI met een hoog risico (art. 26, 27 en 49): menselijk toezicht, logboeken, informatie aan wie het raakt, en waar de wet ze vraagt een FRIA en registratie in de EU-databank.",
			"From %s the AI Act's duties for high-risk AI apply (art. 26, 27 and 49): human oversight, logs, informing those affected, and where the law asks for them a FRIA and registration in the EU database."), date)
	case lifecycle.DataSharing:
		verb := t("loopt af op", "ends on")
		if ended {
			verb = t("is afgelopen op", "ended on")
		}
		if i, ok := index(d.Path, "/data_sharing/"); ok && i < len(r.DataSharing) {
			return fmt.Sprintf(t("De afspraak over gegevensdeling met %s %s %s.", "The data-sharing agreement with %s %s %s."), L.or(r.DataSharing[i].Party), verb, date)
		}
		return fmt.Sprintf(t("Een afspraak over gegevensdeling %s %s.", "A data-sharing agreement %s %s."), verb, date)
	}
	return d.Detail.In("en")
}

// index reads the list index from a pointer such as /exceptions/2/until.
func index(pointer, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(pointer, prefix)
	if !ok {
		return 0, false
	}
	n, _, _ := strings.Cut(rest, "/")
	var i int
	if _, err := fmt.Sscanf(n, "%d", &i); err != nil {
		return 0, false
	}
	return i, true
}

// exceptions lists the record's approved exceptions with whether each still
// counts on the meeting date.
func (L *Labels) exceptions(r *record.Record, today time.Time) []ExceptionRow {
	var rows []ExceptionRow
	for _, e := range r.Exceptions {
		row := ExceptionRow{Rule: e.Rule, Reason: L.or(e.Reason), ApprovedBy: L.or(format.JoinNonEmpty(" ", e.ApprovedBy, L.paren(L.dateString(e.ApprovedOn)))),
			Until: L.pick([2]string{"Geen einddatum", "No end date"}), Open: true}
		if rule, ok := principle.Lookup(e.Rule); ok {
			row.Rule = e.Rule + " (" + L.pick(rule.Title) + ")"
		}
		row.State = L.pick([2]string{"Geldt", "In force"})
		if e.Until != "" {
			row.Until = L.dateString(e.Until)
			if until, err := period.ParseDate(e.Until); err == nil && until.Before(today) {
				row.Open = false
				row.State = L.pick([2]string{"Verlopen: telt niet meer", "Expired: no longer counts"})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// changeSection fills the item's changes since the previous packet.
func (L *Labels) changeSection(it *Item, rc *history.RecordChange, p *Packet) {
	switch {
	case !p.HasHistory:
		// The cover says why; each record only points there.
		it.ChangeNote = L.NoComparison
		return
	case rc == nil:
		it.ChangeNote = L.pick([2]string{"Niet gewijzigd sinds het vorige pakket.", "Not changed since the previous packet."})
		return
	case rc.Op == history.Added:
		it.ChangeNote = L.pick([2]string{"Nieuw sinds het vorige pakket: de feiten hierboven zijn de hele registratie.",
			"New since the previous packet: the facts above are the whole record."})
	case rc.Problem != nil:
		why := rc.Problem.In(L.lang)
		if p.Public {
			// What the reader or the repository said may quote the
			// version, a value withheld then among it, or name a file
			// of the machine: the public is told which version it is.
			why = rc.Problem.Summary(L.lang)
		}
		it.ChangeNote = L.pick([2]string{"De wijzigingen zijn niet per veld te tonen: ", "The changes cannot be shown field by field: "}) + why
	case rc.Op == history.Renamed && rc.OldFile != "":
		it.ChangeNote = fmt.Sprintf(L.pick([2]string{"Hernoemd van %s.", "Renamed from %s."}), rc.OldFile)
	}
	if rc.Op != history.Added {
		for _, c := range rc.Fields {
			row := ChangeRow{Field: field.Name(L.lang, c.Path), Change: L.pick(changeOps[c.Op])}
			if c.Old != nil {
				row.Old = fielddiff.Format(c.Old)
			}
			if c.New != nil {
				row.New = fielddiff.Format(c.New)
			}
			it.Changes = append(it.Changes, row)
		}
	}
	for _, c := range rc.Commits {
		it.Commits = append(it.Commits, CommitRow{Date: L.date(c.When), Commit: short(c.Commit), Subject: c.Subject()})
	}
}

var changeOps = map[fielddiff.Op]label.Text{
	fielddiff.Added:   {"Toegevoegd", "Added"},
	fielddiff.Removed: {"Verwijderd", "Removed"},
	fielddiff.Changed: {"Gewijzigd", "Changed"},
}

// appendix lists the principles cited, in the catalogue's order
// (principle.Catalogue) with references it does not have last, each with
// the rules that cite it and why they exist.
func (L *Labels) appendix(cited map[string]map[string]bool) []Principle {
	var out []Principle
	for ref, rules := range cited {
		pr := Principle{Ref: ref, Label: L.principleLabel(ref)}
		for id := range rules {
			rr := PrincipleRule{ID: id, Title: id}
			if r, ok := principle.Lookup(id); ok {
				rr.Title = L.pick(r.Title)
				rr.Why = L.pick(r.Why)
			}
			pr.Rules = append(pr.Rules, rr)
		}
		slices.SortFunc(pr.Rules, func(a, b PrincipleRule) int { return cmp.Compare(a.ID, b.ID) })
		out = append(out, pr)
	}
	slices.SortFunc(out, func(a, b Principle) int {
		return cmp.Or(cmp.Compare(principle.Position(a.Ref), principle.Position(b.Ref)), cmp.Compare(a.Ref, b.Ref))
	})
	return out
}

// sentence ends text with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}
