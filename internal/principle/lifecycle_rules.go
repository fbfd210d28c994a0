package principle

import (
	"fmt"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// interval returns the evaluation interval the record states itself, when
// it is one (lifecycle.OwnInterval): one in hours or of no time, which
// the schema refuses, is none, as the due dates take it.
func interval(r *record.Record) (period.Duration, bool) {
	if blank(r.Evaluation.Interval) {
		return period.Duration{}, false
	}
	return lifecycle.OwnInterval(r)
}

var lifecycleEnd = &Rule{
	ID: "lifecycle-end", Ref: "VNG 3.4", Default: finding.Warning,
	Title: label.Text{"Levensduur vastgelegd", "Life cycle mapped"},
	Why: label.Text{
		"Voordat technologie wordt ingezet, leggen we vast hoe lang ze in de openbare ruimte mag en kan blijven. Is die periode voorbij, dan evalueren we en besluiten we over verlenging aan de hand van vooraf vastgestelde criteria (VNG-principe 3.4).",
		"Before technology is deployed, we record how long it may and can stay in public space. When that period is over, it is evaluated and extension is decided by criteria set in advance (VNG principle 3.4).",
	},
	Satisfy: label.Text{
		"lifecycle.end is een datum op of na lifecycle.start (een inzet van één dag begint en eindigt op die dag), en lifecycle.extension_criteria zegt op welke gronden de inzet verlengd mag worden.",
		"lifecycle.end is a date on or after lifecycle.start (a deployment of one day starts and ends on it), and lifecycle.extension_criteria says on what grounds the deployment may be extended.",
	},
	Example: example(`lifecycle:
  start: 2026-03-01
  end: 2028-02-29
  extension_criteria: Extended only when the counts are still used for the cycle plan and no complaints are upheld.`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if r.Status == "retired" && blank(r.Lifecycle.End) {
			// Out of use, but since when? The national register asks
			// for the end date of an algorithm out of use. The label
			// stands meanwhile (lifecycle.RetiredEnd).
			return []finding.Finding{missing("/lifecycle",
				en("the record is retired but its life cycle has no end date, so whether it went out of use cannot be checked against its dates",
					"add lifecycle.end: the date the deployment went out of use"),
				nl("De registratie is buiten gebruik, maar de looptijd heeft geen einddatum. Daardoor is niet na te gaan of de toepassing echt buiten gebruik is.",
					"Vul lifecycle.end in: de datum waarop de toepassing buiten gebruik ging."))}
		}
		if retired(r) {
			return nil
		}
		var fs []finding.Finding
		start, hasStart := date(r.Lifecycle.Start)
		end, hasEnd := date(r.Lifecycle.End)
		switch {
		case blank(r.Lifecycle.End) && !r.PublicOrder(): // camera-temporary reports public-order cameras, as an error
			fs = append(fs, missing("/lifecycle",
				en("the life cycle has no end date",
					"add lifecycle.end: the date until which the deployment may stay, after which it is evaluated and extended or removed"),
				nl("De looptijd heeft geen einddatum.",
					"Vul lifecycle.end in: de datum tot wanneer de toepassing mag blijven. Daarna wordt ze geëvalueerd en verlengd of weggehaald.")))
		case hasEnd && !hasStart:
			// The period has no beginning: how long it lasts cannot be told.
			path := "/lifecycle"
			if !blank(r.Lifecycle.Start) {
				path = "/lifecycle/start"
			}
			f := at(path,
				en("the life cycle has an end date but no valid start date (lifecycle.start), so how long the deployment lasts cannot be checked",
					"add lifecycle.start as YYYY-MM-DD: the date the deployment starts or started"),
				nl("De looptijd heeft een einddatum, maar geen geldige startdatum (lifecycle.start). Dan is niet te zien hoe lang de inzet duurt.",
					"Vul lifecycle.start in als JJJJ-MM-DD: de datum waarop de inzet begint of begon."))
			f.Key = path == "/lifecycle"
			fs = append(fs, f)
		case hasStart && hasEnd && end.Before(start):
			// The end is the last day of the deployment: a deployment of
			// one day (a drone flight) starts and ends on it.
			fs = append(fs, at("/lifecycle/end",
				en(fmt.Sprintf("the life cycle ends on %s, before its start on %s", r.Lifecycle.End, r.Lifecycle.Start),
					"correct lifecycle.start or lifecycle.end"),
				nl(fmt.Sprintf("De looptijd eindigt op %s. Dat is vóór de start op %s.", datum(r.Lifecycle.End), datum(r.Lifecycle.Start)),
					"Verbeter lifecycle.start of lifecycle.end.")))
		}
		if blank(r.Lifecycle.ExtensionCriteria) {
			fs = append(fs, missing("/lifecycle",
				en("the life cycle does not say on what grounds the deployment may be extended",
					"add lifecycle.extension_criteria, set before deployment, so extension is decided on those grounds"),
				nl("Bij de looptijd staat niet op welke gronden de inzet mag worden verlengd.",
					"Vul lifecycle.extension_criteria in, vastgesteld voordat de toepassing in gebruik gaat. Dan wordt op die gronden over verlenging besloten.")))
		}
		return fs
	},
}

var lifecycleEnded = &Rule{
	ID: "lifecycle-ended", Ref: "VNG 3.4", Default: finding.Error, Cites: []string{"C-camera-temporary", "VNG I"},
	WeighsLabel: true,
	// The mayor decides on public-order camera surveillance for a fixed
	// term (151c(1)): past it no decision covers the cameras, which is
	// the law's; for other records the end date is VNG 3.4's policy.
	Law: lawDecision151, LawScope: label.Text{"voor een camera voor de openbare orde", "for a public-order camera"},
	LawfulRoute: label.Text{"een besluit van de burgemeester tot verlenging (decisions: body mayor, kind extension) met de nieuwe lifecycle.end, of de camera's uitzetten (status: retired)",
		"the mayor's decision to extend (decisions: body mayor, kind extension) with the new lifecycle.end, or switching the cameras off (status: retired)"},
	Title: label.Text{"Status klopt met de looptijd", "Status matches the life cycle"},
	Why: label.Text{
		"Als de afgesproken periode voorbij is, wordt de toepassing geëvalueerd en wordt besloten over verlenging (VNG-principe 3.4). Wat niet meer voldoet, wordt uitgeschakeld (3.7). De burgemeester besluit tot cameratoezicht voor de openbare orde voor een bepaalde duur (Gemeentewet art. 151c lid 1): na die termijn hangen de camera's er zonder besluit.",
		"When the agreed period is over, the deployment is evaluated and extension is decided (VNG principle 3.4). What no longer complies is switched off (3.7). The mayor decides on public-order camera surveillance for a fixed term (Gemeentewet art. 151c(1)): past it, no decision covers the cameras.",
	},
	Satisfy: label.Text{
		"Een registratie met status active heeft geen lifecycle.end in het verleden. Zet na een verlengingsbesluit de nieuwe einddatum en voeg het besluit toe (kind extension; voor een camera voor de openbare orde een besluit van de burgemeester); zet anders status: retired. Een registratie met status planned of in_development is volgens haar eigen datums nog niet in gebruik: lifecycle.start ligt na vandaag, en er is geen evaluatie, incident of gegevensdeling van vóór vandaag. Een registratie met status retired heeft een lifecycle.end op of vóór vandaag, en geen start of nieuwe gegevensdeling na die dag (een evaluatie na het einde hoort erbij, en een later ontdekt incident kan over eerder opgenomen gegevens gaan). Laten de datums zien dat ze in gebruik is, dan behandelt elke regel haar als in gebruik, wat de status ook zegt.",
		"A record with status active has no lifecycle.end in the past. After an extension decision, set the new end date and add the decision (kind extension; for a public-order camera the mayor's); otherwise set status: retired. A record with status planned or in_development is not in use by its own dates: lifecycle.start is after today, and no evaluation, incident or data sharing is dated before today. A record with status retired has a lifecycle.end on or before today, and no start or new data sharing after it (an evaluation after the end belongs to it, and an incident found later may concern what was recorded before). Where its dates show it in use, every rule treats it as in use, whatever its status says.",
	},
	Example: commented(`status: active
lifecycle:
  start: 2024-03-01
  end: 2027-02-28          # verlengd
decisions:
  - {body: mayor, kind: extension, date: 2026-02-20, reference: https://voorbeeldstad.example/besluiten/2026-031}`,
		[2]string{"verlengd", "extended"}),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		// A status that says not yet, against dates that show use, is
		// reported, and the record is held to the end of its term as in use.
		fs := append(statusContradicted(ctx, r), retiredContradicted(ctx, r)...)
		end, ok := date(r.Lifecycle.End)
		if !ok || !activeOn(ctx, r) || !ctx.After(end) {
			return fs
		}
		are, is := "are active", "is active"
		if !r.Active() {
			are, is = "are in use by their own dates", "is in use by its own dates"
		}
		if r.PublicOrder() {
			// Past the mayor's fixed term the cameras run without a decision:
			// the commitment to temporary cameras and the democratic decision
			// both fail, and no configuration makes that lawful.
			help, hulp := "switch the cameras off and set status: retired, or record the mayor's extension decision (body: mayor, kind: extension) and the new lifecycle.end",
				"Zet de camera's uit en vul status: retired in. Of leg het besluit van de burgemeester tot verlenging vast (body: mayor, kind: extension) met de nieuwe lifecycle.end."
			if r.Status == "retired" {
				// The label already says retired: what is left is the
				// decision, or dates that show the cameras off.
				help, hulp = "if the cameras still run, set status: active and record the mayor's extension decision (body: mayor, kind: extension) and the new lifecycle.end; if they went off later, set lifecycle.end to that day; if a date is wrong, correct it",
					"Draaien de camera's nog, vul dan status: active in en leg het besluit van de burgemeester tot verlenging vast (body: mayor, kind: extension) met de nieuwe lifecycle.end. Gingen ze later uit, vul dan bij lifecycle.end die dag in. Klopt een datum niet, verbeter die dan."
			}
			f := at("/lifecycle/end",
				en(fmt.Sprintf("the public-order cameras %s, but the term the mayor decided on ended on %s: camera surveillance is lawful only for the fixed term of the mayor's decision", are, r.Lifecycle.End), help),
				nl(fmt.Sprintf("Het cameratoezicht is in gebruik, maar de termijn waartoe de burgemeester besloot, is afgelopen op %s. Cameratoezicht mag alleen voor de vaste termijn uit het besluit van de burgemeester.", datum(r.Lifecycle.End)), hulp))
			f.Principle = "C-camera-temporary, VNG I"
			return append(fs, citesLaw(f, lawDecision151))
		}
		help, hulp := "switch it off and set status: retired, or record the extension decision (kind: extension) and the new lifecycle.end",
			"Zet de toepassing uit en vul status: retired in. Of leg het besluit tot verlenging vast (kind: extension) met de nieuwe lifecycle.end."
		if r.Status == "retired" {
			help, hulp = "if it still runs, set status: active and record the extension decision (kind: extension) and the new lifecycle.end; if it went out of use later, set lifecycle.end to that day; if a date is wrong, correct it",
				"Draait de toepassing nog, vul dan status: active in en leg het besluit tot verlenging vast (kind: extension) met de nieuwe lifecycle.end. Ging ze later buiten gebruik, vul dan bij lifecycle.end die dag in. Klopt een datum niet, verbeter die dan."
		}
		return append(fs, at("/lifecycle/end",
			en(fmt.Sprintf("the record %s, but its life cycle ended on %s", is, r.Lifecycle.End), help),
			nl(fmt.Sprintf("De toepassing is in gebruik, maar de looptijd is afgelopen op %s.", datum(r.Lifecycle.End)), hulp)))
	},
}

var evaluationLapsed = &Rule{
	ID: "evaluation-lapsed", Ref: "VNG III", Default: finding.Warning, Cites: []string{"C-camera-yearly"},
	Title: label.Text{"Evaluatie verlopen", "Evaluation lapsed"},
	Why: label.Text{
		"Doel, kansen en risico's worden doorlopend geëvalueerd; het college evalueert de inzet van technologie in elke nieuwe bestuursperiode (VNG-principe III). Camera's voor toezicht worden elk jaar geëvalueerd (programma-afspraak).",
		"Goals, opportunities and risks are evaluated continuously; the college evaluates the use of technology every new administrative term (VNG principle III). Surveillance cameras are evaluated every year (programme commitment).",
	},
	Satisfy: label.Text{
		"Een registratie in gebruik of tijdelijk stopgezet (active, suspended) is geëvalueerd (evaluation.last) binnen haar interval: haar eigen evaluation.interval als het schema dat aanneemt, anders evaluation.intervals in register.yaml voor haar sensortype of soort, anders evaluation.default_interval (P4Y; camera's P1Y). Het eigen interval van een registratie is niet langer dan het ingestelde. Een evaluation.last na vandaag telt niet: een evaluatie kan niet in de toekomst hebben plaatsgevonden, dus dan telt de termijn vanaf lifecycle.start.",
		"A record in use or suspended (active, suspended) was evaluated (evaluation.last) within its interval: its own evaluation.interval when the schema takes it, else evaluation.intervals in register.yaml for its sensor type or kind, else evaluation.default_interval (P4Y; cameras P1Y). A record's own interval is not longer than the configured one. An evaluation.last after today does not count: an evaluation cannot have happened in the future, so the interval then counts from lifecycle.start.",
	},
	Example: example(`evaluation:
  interval: P1Y
  last: 2026-06-30
  outcome: Still needed; recording hours reduced to nights only.`),
	Applies: inUse,
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		ref := "VNG III"
		if r.PublicOrder() {
			ref = "C-camera-yearly" // the programme's yearly evaluation is for security cameras
		}
		var fs []finding.Finding
		def := ctx.Config.IntervalFor(string(r.Kind), r.SensorType, r.Regime())
		// The setting the record's own interval is held to, by name.
		setting := ctx.Config.IntervalKey(string(r.Kind), r.SensorType, r.Regime())
		if lifecycle.IntervalTooLong(r) {
			// Not a longer term than the configured one, but none that
			// can be counted: the due list has the record among those
			// whose next evaluation cannot be computed.
			iv := r.Evaluation.Interval
			return append(fs, worded(finding.Finding{Path: "/evaluation/interval", Principle: ref},
				en(fmt.Sprintf("evaluation interval %s is too long to compute with (at most P%dY): the record would never be due for evaluation, while %s applies to this kind of record", iv, period.MaxPart, def),
					fmt.Sprintf("evaluate at least every %s (the setting %s), or remove evaluation.interval to take that one", def, setting)),
				nl(fmt.Sprintf("De termijn voor de evaluatie is %s. Die is te lang om mee te rekenen (hoogstens P%dY): zo is de toepassing nooit aan een evaluatie toe. Voor deze soort toepassing geldt %s (%s).", iv, period.MaxPart, duur(def), def),
					fmt.Sprintf("Evalueer uiterlijk %s (%s) na de vorige evaluatie, of haal evaluation.interval weg om die termijn te nemen. Die termijn is de instelling %s.", duur(def), def, setting))))
		}
		if own, ok := interval(r); ok && own.MayBeLonger(def) {
			fs = append(fs, worded(finding.Finding{Path: "/evaluation/interval", Principle: ref},
				en(fmt.Sprintf("evaluation interval %s is longer than the %s that applies to this kind of record", own, def),
					fmt.Sprintf("evaluate at least every %s (the setting %s)", def, setting)),
				nl(fmt.Sprintf("De termijn voor de evaluatie is %s (%s). Dat is langer dan de %s (%s) die voor deze soort toepassing geldt.", duur(own), own, duur(def), def),
					fmt.Sprintf("Evalueer uiterlijk %s (%s) na de vorige evaluatie. Die termijn is de instelling %s.", duur(def), def, setting))))
		}
		if !inService(ctx, r) {
			return fs // not deployed, and its dates do not show it in use
		}
		// An evaluation dated after today has not happened: the record
		// counts as never evaluated until its day comes, which the day
		// helpers ask, so the outcome holds only for the days it does.
		last, dated := date(r.Evaluation.Last)
		ahead := dated && !ctx.OnOrAfter(last)
		due, d, ok := lifecycle.NextEvaluationCounting(r, ctx.Config, !ahead)
		if ahead {
			return append(fs, lastAhead(ctx, r, ref, due, d, ok))
		}
		if !ok {
			// Nothing to count from: the evaluation may be years late, and
			// silence would read as "evaluated in time".
			path, why := "", "it has no valid evaluation.last and no valid lifecycle.start"
			waarom := "er staat geen geldige datum bij evaluation.last en ook niet bij lifecycle.start"
			last, start := r.Evaluation.Last, r.Lifecycle.Start
			switch {
			case lifecycle.Stated(last) && lifecycle.Stated(start):
				path, why = "/evaluation/last", fmt.Sprintf("its evaluation.last %q and its lifecycle.start %q are not dates", last, start)
				waarom = fmt.Sprintf("bij evaluation.last staat %q en bij lifecycle.start %q, en dat zijn geen datums", last, start)
			case lifecycle.Stated(last):
				path, why = "/evaluation/last", fmt.Sprintf("its evaluation.last %q is not a date and it has no lifecycle.start", last)
				waarom = fmt.Sprintf("bij evaluation.last staat %q, en dat is geen datum, en er staat geen lifecycle.start", last)
			case lifecycle.Stated(start):
				path, why = "/lifecycle/start", fmt.Sprintf("it was never evaluated and its lifecycle.start %q is not a date", start)
				waarom = fmt.Sprintf("er is nooit geëvalueerd, en bij lifecycle.start staat %q, en dat is geen datum", start)
			}
			return append(fs, worded(finding.Finding{Path: path, Principle: ref},
				en("the record is deployed, but when its evaluation is due cannot be checked: "+why,
					"add evaluation.last (the date of the last evaluation, with evaluation.outcome) or lifecycle.start, as YYYY-MM-DD"),
				nl("De toepassing is ingezet, maar niet te zien is wanneer de evaluatie moet plaatsvinden: "+waarom+".",
					"Vul evaluation.last in (de datum van de laatste evaluatie, met evaluation.outcome) of lifecycle.start, als JJJJ-MM-DD.")))
		}
		if !ctx.After(due) {
			return fs
		}
		since, sinds := "its start on "+r.Lifecycle.Start, "de start op "+datum(r.Lifecycle.Start)
		path := "/evaluation"
		if _, ok := date(r.Evaluation.Last); ok {
			since, path = "the last evaluation on "+r.Evaluation.Last, "/evaluation/last"
			sinds = "de laatste evaluatie op " + datum(r.Evaluation.Last)
		} else if lifecycle.Stated(r.Evaluation.Last) {
			// Counted from the start, as the last evaluation is no day:
			// the finding is at the date to correct.
			since = fmt.Sprintf("its start on %s; evaluation.last %q is not a date", r.Lifecycle.Start, r.Evaluation.Last)
			sinds = fmt.Sprintf("de start op %s; bij evaluation.last staat %q, en dat is geen datum", datum(r.Lifecycle.Start), r.Evaluation.Last)
			path = "/evaluation/last"
		}
		f := worded(finding.Finding{Path: path, Key: path == "/evaluation", Principle: ref},
			en(fmt.Sprintf("the evaluation was due on %s (%s after %s) and is overdue", period.Format(due), d, since),
				"evaluate the deployment, then set evaluation.last and evaluation.outcome"),
			nl(fmt.Sprintf("De evaluatie had op %s moeten plaatsvinden (%s na %s) en is te laat.", datum(period.Format(due)), duur(d), sinds),
				"Evalueer de inzet en vul daarna evaluation.last (datum) en evaluation.outcome (uitkomst) in."))
		return append(fs, f)
	},
}

// lastAhead is evaluation-lapsed's finding for an evaluation.last after
// today, as a DPIA dated after today is not done: an evaluation cannot
// have happened in the future, so the record counts as never evaluated,
// its evaluation due by its start (due, every d, when ok).
func lastAhead(ctx *Context, r *record.Record, ref string, due time.Time, d period.Duration, ok bool) finding.Finding {
	last, start := r.Evaluation.Last, r.Lifecycle.Start
	msg := fmt.Sprintf("evaluation.last is %s, a date still to come: an evaluation cannot have happened in the future, so the record counts as never evaluated", last)
	bericht := fmt.Sprintf("Bij evaluation.last staat %s, een datum die nog moet komen. Een evaluatie kan niet in de toekomst hebben plaatsgevonden, dus de toepassing telt als nooit geëvalueerd.", datum(last))
	help := "set evaluation.last only once the evaluation has taken place, to its day; if the date is wrong, correct it"
	hulp := "Vul evaluation.last pas in als de evaluatie heeft plaatsgevonden, met de datum daarvan. Klopt de datum niet, verbeter die dan."
	switch {
	case !ok:
		msg += ", and without a valid lifecycle.start when its evaluation is due cannot be checked"
		bericht += " Zonder geldige lifecycle.start is niet te zien wanneer de evaluatie moet plaatsvinden."
		help += "; add lifecycle.start as YYYY-MM-DD"
		hulp += " Vul lifecycle.start in als JJJJ-MM-DD."
	case ctx.After(due):
		msg += fmt.Sprintf("; counted from its start on %s, the evaluation was due on %s (%s later) and is overdue", start, period.Format(due), d)
		bericht += fmt.Sprintf(" Geteld vanaf de start op %s had de evaluatie op %s moeten plaatsvinden (%s later), en is ze te laat.", datum(start), datum(period.Format(due)), duur(d))
		help = "evaluate the deployment, then set evaluation.last to the day it took place and evaluation.outcome; if the date is wrong, correct it"
		hulp = "Evalueer de inzet en vul daarna bij evaluation.last de datum in waarop dat gebeurde, en evaluation.outcome (uitkomst). Klopt de datum niet, verbeter die dan."
	default:
		msg += fmt.Sprintf("; counted from its start on %s, the evaluation is due by %s", start, period.Format(due))
		bericht += fmt.Sprintf(" Geteld vanaf de start op %s moet de evaluatie uiterlijk op %s plaatsvinden.", datum(start), datum(period.Format(due)))
	}
	return worded(finding.Finding{Path: "/evaluation/last", Principle: ref}, en(msg, help), nl(bericht, hulp))
}

var noticePeriod = &Rule{
	ID: "notice-period", Ref: "C-sensor-register", Default: finding.Warning,
	Title: label.Text{"Meldplicht sensoren", "Duty to report sensors"},
	Why: label.Text{
		"Wie een sensor in de openbare ruimte plaatst, meldt dat vooraf aan de gemeente, zodat die in het openbare sensorregister staat voordat hij gaat meten (programma-afspraak over het sensorregister; voor private partijen VNG-principe 6.5, naar het model van de Amsterdamse APV). Sensoren van politie en voor openbare orde zijn uitgezonderd, net als sensoren die er al waren voor de meldplicht of het register.",
		"Whoever places a sensor in public space reports it to the municipality in advance, so it is in the public sensor register before it starts measuring (programme commitment on the sensor register; for private operators VNG principle 6.5, after Amsterdam's bylaw). Police and public-order sensors are exempt, as are sensors that were there before the duty or the register began.",
	},
	Satisfy: label.Text{
		"registered_on (of, als dat ontbreekt, de datum van de eerste commit van de registratie) ligt minstens notice.period (standaard P5D) vóór lifecycle.start.",
		"registered_on (or, without it, the date the record was first committed) is at least notice.period (default P5D) before lifecycle.start.",
	},
	Example: example(`registered_on: 2026-02-10
lifecycle:
  start: 2026-03-01`),
	Applies: func(r *record.Record) bool { return r.Kind == record.Sensor && !retired(r) && !publicOrder(r) },
	Check:   checkNotice,
}

// publicOrder reports whether a sensor serves the police or public order,
// which the duty to report exempts: police operators, or camera
// surveillance under Gemeentewet 151c (record.PublicOrder). What the
// record format settles decides, not a theme: a theme is a label to find
// records by, and the public order and safety theme on a shop's counter
// does not make it public order's. Another operator's claim of the police
// regime (camera_regime police, legal_basis.regime police_data) does not
// make its sensor the police's.
func publicOrder(r *record.Record) bool { return police(r) || r.PublicOrder() }

func checkNotice(ctx *Context, r *record.Record) []finding.Finding {
	if r.Kind != record.Sensor || retired(r) || publicOrder(r) {
		return nil
	}
	start, ok := date(r.Lifecycle.Start)
	if !ok {
		if !inService(ctx, r) {
			return nil // not started: reporting it now is reporting it in time
		}
		f := missing("",
			en("the sensor is in use, but whether it was reported in time cannot be checked: it has no valid lifecycle.start",
				"add lifecycle.start as YYYY-MM-DD: the date the sensor started measuring"),
			nl("De sensor is in gebruik, maar niet te zien is of hij op tijd is gemeld: er staat geen geldige startdatum bij (lifecycle.start).",
				"Vul lifecycle.start in als JJJJ-MM-DD: de datum waarop de sensor begon te meten."))
		if r.Organisation.Type == "private" {
			f.Principle = "VNG 6.5" // private sensors are bound by the same rules
		}
		return []finding.Finding{f}
	}
	// A repository without commits (or whose history cannot be read) tells
	// nothing: it counts as no history rather than "registered today".
	hist := ctx.History
	var begun time.Time
	if hist != nil {
		var ok bool
		if begun, ok = hist.RegisterStart(); !ok {
			hist = nil
		}
	}
	if since, ok := date(ctx.Config.Notice.Since); ok {
		if start.Before(since) {
			return nil
		}
	} else if hist != nil && start.Before(dayOf(begun)) {
		return nil
	}
	registered, path, source, bron := time.Time{}, "/registered_on", "registered_on", "registered_on"
	if t, ok := date(r.RegisteredOn); ok {
		registered = t
	} else if hist == nil {
		return []finding.Finding{worded(finding.Finding{Path: "", Severity: finding.Info},
			en("the duty to report was not checked: the record has no registered_on and the register is not in Git",
				"add registered_on, the date the notification was received, or keep the register in Git"),
			nl("De meldplicht is niet gecontroleerd: er staat niet bij wanneer de sensor is gemeld (registered_on), en het register staat niet in Git.",
				"Vul registered_on in: de datum waarop de melding binnenkwam. Of beheer het register in Git."))}
	} else {
		path = "/lifecycle/start"
		if t, ok := hist.FirstCommit(r.File); ok {
			registered, source, bron = dayOf(t), "its first commit", "de eerste commit in Git"
		} else {
			// Not committed yet: the record is being registered now.
			registered, source, bron = ctx.Today(), "today (the record is not committed yet)", "vandaag, want de registratie staat nog niet in Git"
		}
	}
	need := ctx.Config.Notice.Period
	if !need.SubtractFrom(start).Before(registered) {
		return nil
	}
	when, wanneer := dayCount(days(registered, start))+" before", dagen(days(registered, start))+" voor"
	if n := days(start, registered); n > 0 {
		when, wanneer = dayCount(n)+" after", dagen(n)+" na"
	}
	f := at(path,
		en(fmt.Sprintf("the sensor was registered on %s (%s), %s it started on %s; the notice period is %s",
			period.Format(registered), source, when, r.Lifecycle.Start, need),
			"report sensors at least the notice period before they are placed; if the notification came earlier, set registered_on to its date"),
		nl(fmt.Sprintf("De sensor is gemeld op %s (%s), %s de start op %s. Een sensor moet minstens %s (%s) van tevoren worden gemeld.",
			datum(period.Format(registered)), bron, wanneer, datum(r.Lifecycle.Start), duur(need), need),
			"Meld sensoren op tijd, voordat ze worden geplaatst. Kwam de melding eerder binnen, vul dan bij registered_on de datum van de melding in."))
	if r.Organisation.Type == "private" {
		f.Principle = "VNG 6.5" // private sensors are bound by the same rules
	}
	return []finding.Finding{f}
}

// dayOf turns an instant into its date in Europe/Amsterdam, midnight UTC.
func dayOf(t time.Time) time.Time { return period.Today(t) }
