package principle

import (
	"fmt"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record's status is a label its owner sets; its dates are facts it
// states (lifecycle.UseFacts). Where the facts show the record in use while
// the label says planned or in development, every rule treats the record
// as in use, and lifecycle-ended reports the contradiction
// (statusContradicted).

// useWords is the use fact u of r in words, for messages: Dutch,
// English. They are worked out only for a finding.
func useWords(u lifecycle.UseFact, r *record.Record) label.Text {
	switch {
	case u.Path == "/lifecycle/start":
		return label.Text{"de start op " + datum(r.Lifecycle.Start) + " (lifecycle.start)", "it started on " + r.Lifecycle.Start + " (lifecycle.start)"}
	case u.Path == "/evaluation/last":
		return label.Text{"een evaluatie op " + datum(r.Evaluation.Last) + " (evaluation.last)", "it was evaluated on " + r.Evaluation.Last + " (evaluation.last)"}
	case strings.HasPrefix(u.Path, "/data_sharing/"):
		s := r.DataSharing[u.Index]
		return label.Text{fmt.Sprintf("gegevensdeling met %s sinds %s", s.Party, datum(s.Start)), fmt.Sprintf("it shares data with %s since %s", s.Party, s.Start)}
	}
	in, ds := r.Incidents[u.Index], u.Day.Format(time.DateOnly)
	return label.Text{fmt.Sprintf("een incident (%s) ontdekt op %s", in.Type, datum(ds)), fmt.Sprintf("it had an incident (%s) discovered on %s", in.Type, ds)}
}

// shown reports whether the fact shows the record in use today.
func shown(ctx *Context, u lifecycle.UseFact) bool { return ctx.OnOrAfter(u.From()) }

// notDeployedLabel reports whether the status label says the record is not
// in use yet (lifecycle.NotYetByStatus).
func notDeployedLabel(r *record.Record) bool { return lifecycle.NotYetByStatus(r) }

// mayBeInUse is the Applies of the rules about a record in use
// (lifecycle.MayBeInUse): inService decides on the day of the run. It does
// not read the date, as Applies cannot.
func mayBeInUse(r *record.Record) bool { return lifecycle.MayBeInUse(r) }

// usedDespiteStatus returns the facts that show a record in use today
// while its status says planned or in development; none for a record
// whose status says deployed or retired.
func usedDespiteStatus(ctx *Context, r *record.Record) []lifecycle.UseFact {
	if !notDeployedLabel(r) {
		return nil
	}
	var out []lifecycle.UseFact
	for _, u := range lifecycle.UseFacts(r) {
		if shown(ctx, u) {
			out = append(out, u)
		}
	}
	return out
}

// inUseOn is the AppliesOn of the rules about a record in use: whether it
// is in use on the day (inService, lifecycle.InUseOn).
func inUseOn(r *record.Record, today time.Time) bool { return lifecycle.InUseOn(r, dayOfDate(today)) }

// inService reports whether the record is in use today: deployed by its
// status (active, suspended), or shown in use by its own dates whatever
// its status says (fail closed). A retired record is not, once the end its
// dates agree on has come (retiredInUse).
func inService(ctx *Context, r *record.Record) bool {
	return deployed(r) || len(usedDespiteStatus(ctx, r)) > 0 || retiredInUse(ctx, r)
}

// activeOn reports whether the record is running today: active by its
// status, or shown in use by its dates while its status says planned,
// in development or retired. A suspended record is in place but not
// running.
func activeOn(ctx *Context, r *record.Record) bool {
	return r.Active() || len(usedDespiteStatus(ctx, r)) > 0 || retiredInUse(ctx, r)
}

// retiredInUse reports whether the record is labelled retired but in use
// today by its own dates (labelInUse).
func retiredInUse(ctx *Context, r *record.Record) bool { return labelInUse(r, ctx.OnOrAfter) }

// retiredContradicted is lifecycle-ended's finding on a record labelled
// retired whose own dates show it in use: a use fact after its
// lifecycle.end, or an end that has not come. The register must say
// truthfully what is deployed (VNG 4.1, 4.2), and the checklist treats the
// record as in use meanwhile. One without an end is lifecycle-end's to
// report.
func retiredContradicted(ctx *Context, r *record.Record) []finding.Finding {
	end, ok := date(r.Lifecycle.End)
	if r.Status != "retired" || !ok {
		return nil
	}
	var f finding.Finding
	if after := lifecycle.UseAfterEnd(r); len(after) > 0 {
		var ens, nls []string
		for _, u := range after {
			w := useWords(u, r)
			ens, nls = append(ens, w.In("en")), append(nls, w.In("nl"))
		}
		f = at("/status",
			en(fmt.Sprintf("the status is retired with its life cycle ended on %s, but the record's own dates show it in use after that: %s; the register must say truthfully what is deployed, so the checklist treats it as in use", r.Lifecycle.End, joinAnd(ens)),
				"if it still runs, set status: active and record the extension decision with the new lifecycle.end; if it went out of use later, set lifecycle.end to the day it did; if a date is wrong, correct it; until then every rule treats it as in use"),
			nl(fmt.Sprintf("De status is 'buiten gebruik' (retired) en de looptijd is afgelopen op %s, maar volgens de eigen datums is de toepassing daarna nog in gebruik: %s. Het register moet eerlijk zeggen wat er is ingezet. Daarom behandelt de checklist de toepassing als in gebruik.", datum(r.Lifecycle.End), joinEn(nls)),
				"Draait de toepassing nog, vul dan status: active in en leg het besluit tot verlenging vast met de nieuwe lifecycle.end. Ging ze later buiten gebruik, vul dan bij lifecycle.end de dag in waarop dat gebeurde. Klopt een datum niet, verbeter die dan. Tot dan behandelt de checklist de toepassing als in gebruik."))
	} else if !ctx.OnOrAfter(end) {
		f = at("/status",
			en(fmt.Sprintf("the status is retired, but its life cycle ends on %s, after today; the register must say truthfully what is deployed, so the checklist treats it as in use until then", r.Lifecycle.End),
				"if it is out of use already, set lifecycle.end to the day it went out of use; if it still runs, set status: active; until then every rule treats it as in use"),
			nl(fmt.Sprintf("De status is 'buiten gebruik' (retired), maar de looptijd eindigt pas op %s, na vandaag. Het register moet eerlijk zeggen wat er is ingezet. Daarom behandelt de checklist de toepassing tot dan als in gebruik.", datum(r.Lifecycle.End)),
				"Is de toepassing al buiten gebruik, vul dan bij lifecycle.end de dag in waarop ze buiten gebruik ging. Draait ze nog, vul dan status: active in. Tot dan behandelt de checklist de toepassing als in gebruik."))
	} else {
		return nil
	}
	f.Principle, f.Severity = "VNG 3.4", finding.Error
	return []finding.Finding{f}
}

// statusWords describe the record's state for a finding on a record in
// use: in English what "the record is" (its status, or, when only its
// dates show it in use, that), in Dutch a clause ("De status is 'in
// gebruik' (active)"). A record labelled retired that counts as in use
// until its lifecycle.end (inUseUntilEnd) is told as such.
func statusWords(r *record.Record) (en, nl string) {
	if r.StatusLabel == "retired" {
		retiredNL := strings.ToLower(valueNL("status", "retired"))
		if len(lifecycle.UseAfterEnd(r)) > 0 {
			return fmt.Sprintf("in use by its own dates after its life cycle ended on %s (its status says retired)", r.Lifecycle.End),
				fmt.Sprintf("Volgens de eigen datums is de toepassing na het einde van de looptijd op %s nog in gebruik (de status zegt '%s' (retired))", datum(r.Lifecycle.End), retiredNL)
		}
		return fmt.Sprintf("in use by its life cycle (its status says retired, but its life cycle runs until %s)", r.Lifecycle.End),
			fmt.Sprintf("Volgens de looptijd is de toepassing tot %s in gebruik (de status zegt '%s' (retired))", datum(r.Lifecycle.End), retiredNL)
	}
	word := strings.ToLower(valueNL("status", r.Status))
	if deployed(r) {
		return r.Status, fmt.Sprintf("De status is '%s' (%s)", word, r.Status)
	}
	return fmt.Sprintf("in use by its own dates (its status says %s)", r.Status),
		fmt.Sprintf("Volgens de eigen datums is de toepassing in gebruik (de status zegt '%s' (%s))", word, r.Status)
}

// statusContradicted is lifecycle-ended's finding on a record whose status
// says planned or in development while its own dates show it in use: the
// register must say truthfully what is deployed (VNG 4.1, 4.2), and the
// checklist treats the record as in use meanwhile.
func statusContradicted(ctx *Context, r *record.Record) []finding.Finding {
	facts := usedDespiteStatus(ctx, r)
	if len(facts) == 0 || !blank(r.Status) && r.Status != "planned" && r.Status != "in_development" {
		// A status the format does not know is the schema's to report;
		// the rules treat the record as in use all the same.
		return nil
	}
	var ens, nls []string
	for _, u := range facts {
		w := useWords(u, r)
		ens, nls = append(ens, w.In("en")), append(nls, w.In("nl"))
	}
	status := r.Status
	if blank(status) {
		status = "empty"
	}
	statusNL := strings.ToLower(valueNL("status", r.Status))
	help := "if it is in use, set status: active (suspended while it is paused); if it is out of use for good, set status: retired with lifecycle.end; if it has not started, correct the dates; until then every rule treats it as in use"
	hulp := "Is de toepassing in gebruik, vul dan status: active in (suspended als ze tijdelijk stilstaat). Is ze voorgoed buiten gebruik, vul dan status: retired in, met lifecycle.end. Is ze nog niet begonnen, verbeter dan de datums. Tot dan behandelt de checklist de toepassing als in gebruik."
	if end, ok := date(r.Lifecycle.End); ok && ctx.After(end) {
		help = fmt.Sprintf("its life cycle ended on %s: if it is out of use, set status: retired; if it still runs, set status: active and record the extension decision with the new lifecycle.end; until then every rule treats it as in use", r.Lifecycle.End)
		hulp = fmt.Sprintf("De looptijd is afgelopen op %s. Is de toepassing buiten gebruik, vul dan status: retired in. Draait ze nog, vul dan status: active in en leg het besluit tot verlenging vast met de nieuwe lifecycle.end. Tot dan behandelt de checklist de toepassing als in gebruik.", datum(r.Lifecycle.End))
	}
	f := at("/status",
		en(fmt.Sprintf("the status is %s, but the record's own dates show it in use: %s; the register must say truthfully what is deployed, so the checklist treats it as in use", status, joinAnd(ens)),
			help),
		nl(fmt.Sprintf("De status is '%s' (%s), maar volgens de eigen datums is de toepassing in gebruik: %s. Het register moet eerlijk zeggen wat er is ingezet. Daarom behandelt de checklist de toepassing als in gebruik.", statusNL, status, joinEn(nls)),
			hulp))
	if blank(r.Status) {
		f.Path, f.Key = "", false
	}
	f.Principle, f.Severity = "VNG 3.4", finding.Error
	return []finding.Finding{f}
}
