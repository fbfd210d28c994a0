package principle

import (
	"fmt"
	"slices"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

var decisionRecorded = &Rule{
	ID: "decision-recorded", Ref: "VNG I", Default: finding.Error,
	Title: label.Text{"Democratisch besluit", "Democratic decision"},
	Why: label.Text{
		"Aan de inzet van technologie in de openbare ruimte gaat een democratisch gelegitimeerd besluit vooraf, op basis van een plan met doel, aanpak, evaluatietermijnen, kansen en risico's (VNG-principe I). Voor private partijen gelden dezelfde regels; zij laten hun vergunning of melding zien (6.5).",
		"Deploying technology in public space is preceded by a democratically legitimated decision, based on a plan with goal, approach, evaluation terms, opportunities and risks (VNG principle I). Private operators are bound by the same rules and show their permit or notification (6.5).",
	},
	Satisfy: label.Text{
		"Een registratie in gebruik noemt onder decisions het besluit tot inzet: kind authorisation (of extension) door de raad, het college of de burgemeester als een overheid de toepassing inzet; kind permit als een private partij, een onderzoeksinstelling of een andere partij dat doet. Geef de datum en een link.",
		"A record in use lists under decisions the decision to deploy it: kind authorisation (or extension) by the council, college or mayor for a government operator; kind permit for a private, research or other operator. Give the date and a link.",
	},
	Example: example(`decisions:
  - body: mayor
    kind: authorisation
    date: 2026-01-15
    reference: https://voorbeeldstad.example/besluiten/2026-011`),
	// In use by its status, or by its own dates whatever its status says.
	Applies:   mayBeInUse,
	AppliesOn: inUseOn,
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !inService(ctx, r) {
			return nil
		}
		want, label := []string{"authorisation", "extension"}, "an authorisation by the council, college or mayor"
		labelNL := "een besluit tot inzet van de gemeenteraad, het college of de burgemeester"
		if !government(r) {
			want, label = []string{"permit"}, "the permit or notification"
			labelNL = "de vergunning of melding"
		}
		if slices.ContainsFunc(r.Decisions, func(d record.Decision) bool { return slices.Contains(want, d.Kind) }) {
			return nil
		}
		parent := present(len(r.Decisions) > 0, "/decisions")
		status, statusNL := statusWords(r)
		return []finding.Finding{missing(parent,
			en(fmt.Sprintf("the record is %s but lists no decision to deploy it (%s)", status, label),
				fmt.Sprintf("add under decisions %s with body, kind (%s), date and reference", label, want[0])),
			nl(fmt.Sprintf("%s, maar er staat geen besluit bij om de toepassing in te zetten (%s).", statusNL, labelNL),
				fmt.Sprintf("Zet bij decisions %s, met body (wie besloot), kind (%s), de datum (date) en een verwijzing (reference).", labelNL, want[0])))}
	},
}

var problemAndAlternatives = &Rule{
	ID: "problem-and-alternatives", Ref: "VNG 3.1", Default: finding.Warning,
	Title: label.Text{"Probleem en alternatieven", "Problem and alternatives"},
	Why: label.Text{
		"Eerst het vraagstuk, dan de technologie: we beschrijven vooraf welk probleem er is, beoordelen altijd alternatieven en streven naar zo weinig mogelijk techniek (VNG-principe 3.1).",
		"The problem first, then the technology: the problem is described beforehand, alternatives are always assessed, and as little technology as possible is used (VNG principle 3.1).",
	},
	Satisfy: label.Text{
		"problem zegt welk probleem de inzet oplost; alternatives zegt welke alternatieven zijn overwogen en waarom niet daarvoor is gekozen.",
		"problem says which problem the deployment solves; alternatives says which alternatives were considered and why they were not chosen.",
	},
	Example: example(`problem: Bicycles parked on the pavement block the way for pedestrians near the station.
alternatives: Counting by hand twice a year was too coarse; more racks alone did not end the blocking.`),
	Applies: inUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		if blank(r.Problem) {
			fs = append(fs, missing("",
				en("the record does not say which problem it solves",
					"add problem: the problem in plain language, before the technology"),
				nl("Er staat niet bij welk probleem de toepassing oplost.",
					"Vul problem in: het probleem in gewone taal. Eerst het probleem, dan de technologie.")))
		}
		if blank(r.Alternatives) {
			fs = append(fs, missing("",
				en("the record does not say which alternatives were considered",
					"add alternatives: what else was considered (including doing nothing or less technology) and why it was not chosen"),
				nl("Er staat niet bij welke andere oplossingen zijn overwogen.",
					"Vul alternatives in: wat er nog meer is overwogen (ook niets doen of minder technologie) en waarom daar niet voor is gekozen.")))
		}
		return fs
	},
}

var riskAnalysis = &Rule{
	ID: "risk-analysis", Ref: "VNG 2.2", Default: finding.Warning,
	Title: label.Text{"Risicoanalyse", "Risk analysis"},
	Why: label.Text{
		"We maken een risicoanalyse van negatieve effecten: het 'chilling effect' van sensoren, discriminatie en stigmatisering als een groep of gebied wordt gekozen, en de stapeling van systemen (VNG-principe 2.2).",
		"A risk analysis covers negative effects: the chilling effect of sensors, discrimination and stigmatisation when a group or area is targeted, and the stacking of systems (VNG principle 2.2).",
	},
	Satisfy: label.Text{
		"Een registratie die persoonsgegevens verwerkt, of een algoritme over mensen, heeft risks met chilling_effect (sensoren), discrimination (algoritmes over mensen, en sensoren die op een gebied zijn gericht), stacking en mitigations.",
		"A record that processes personal data, or an algorithm about people, has risks with chilling_effect (sensors), discrimination (algorithms about people, and sensors aimed at an area), stacking and mitigations.",
	},
	Example: example(`risks:
  chilling_effect: People may avoid the square; cameras only record at night.
  discrimination: The area was chosen on reported incidents, not on who lives there.
  stacking: No other cameras or sensors watch this square.
  mitigations: Images are kept 28 days; signs at every entrance.`),
	Applies: func(r *record.Record) bool { return !retired(r) && (personal(r) || affectsPeople(r)) },
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if r.Risks == nil {
			return []finding.Finding{missing("",
				en("no risk analysis is recorded, while the record concerns people",
					"add risks with chilling_effect, discrimination, stacking and mitigations"),
				nl("Er staat geen risicoanalyse bij, terwijl de toepassing over mensen gaat.",
					"Vul risks in, met chilling_effect (ontmoedigend effect), discrimination (discriminatie), stacking (stapeling) en mitigations (maatregelen)."))}
		}
		var fs []finding.Finding
		need := func(field, text, what, wat string) {
			if blank(text) {
				fs = append(fs, missing("/risks",
					en("the risk analysis does not cover "+what, "add risks."+field),
					nl("De risicoanalyse gaat niet over "+wat+".", "Vul risks."+field+" in.")))
			}
		}
		if r.Kind == record.Sensor {
			need("chilling_effect", r.Risks.ChillingEffect, "the chilling effect (people behaving differently because they are watched)",
				"het ontmoedigend effect (mensen gedragen zich anders omdat ze bekeken worden)")
		}
		if affectsPeople(r) || r.Kind == record.Sensor && r.Location != nil && !blank(r.Location.Area) {
			need("discrimination", r.Risks.Discrimination, "discrimination and stigmatisation of the group or area chosen",
				"discriminatie en stigmatisering van de gekozen groep of het gekozen gebied")
		}
		need("stacking", r.Risks.Stacking, "stacking with other systems in the same place or on the same people",
			"stapeling met andere systemen op dezelfde plek of bij dezelfde mensen")
		need("mitigations", r.Risks.Mitigations, "the measures taken against these risks",
			"de maatregelen tegen deze risico's")
		return fs
	},
}

// impactful reports whether an algorithm is in the national register's
// categories for high-risk AI or impactful algorithms, or a record is high
// risk under the AI Act.
func impactful(r *record.Record) bool {
	return r.PublicationCategory == "high_risk_ai" || r.PublicationCategory == "impactful" ||
		r.AIAct != nil && r.AIAct.Category == "high_risk"
}

var impactAssessment = &Rule{
	ID: "impact-assessment", Ref: "VNG 3.2", Default: finding.Warning,
	Title: label.Text{"Afweging publieke waarden (IAMA)", "Public values weighed (IAMA)"},
	Why: label.Text{
		"We brengen de publieke waarden in kaart die gediend worden of in het geding komen en wegen ze transparant af, met de IAMA, DEDA of een vergelijkbaar instrument en de risicobenadering van de AI-verordening (VNG-principe 3.2). De grondrechteneffectbeoordeling die de AI-verordening vraagt, is de regel ai-act-fria.",
		"The public values served or at stake are mapped and weighed openly, with the IAMA, DEDA or a similar instrument and the AI Act's risk approach (VNG principle 3.2). The fundamental-rights impact assessment the AI Act asks for is the rule ai-act-fria.",
	},
	Satisfy: label.Text{
		"Een algoritme dat gevolgen heeft voor personen, noemt een assessment van type IAMA of FRAIA.",
		"An algorithm that affects individuals lists an assessment of type IAMA or FRAIA.",
	},
	Example: example(`assessments:
  - type: IAMA
    date: 2026-04-12
    url: https://voorbeeldstad.example/iama/parkeerhandhaving.pdf
ai_act:
  category: high_risk
  fria: {date: 2026-05-01, url: https://voorbeeldstad.example/fria/parkeerhandhaving.pdf}`),
	Applies: affectsPeopleInUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		if !hasAssessment(r, "IAMA", "FRAIA") {
			parent := present(len(r.Assessments) > 0, "/assessments")
			fs = append(fs, missing(parent,
				en("the algorithm affects people but lists no IAMA (human rights and algorithms impact assessment)",
					"do an IAMA (or FRAIA) and add it under assessments with type, date and url"),
				nl("Het algoritme gaat over mensen, maar er staat geen IAMA bij (Impact Assessment Mensenrechten en Algoritmes).",
					"Voer een IAMA (of FRAIA) uit en zet die bij assessments, met type, datum (date) en link (url).")))
		}
		return fs // the FRIA of AI Act art. 27 is the ai-act-fria rule's
	},
}

// friaTiming is ai-act-fria's check of a FRIA that has a date: one dated
// after today is not done, and one dated after the first use (lifecycle
// start) is late where that use came when art. 27 applied, as the law asks
// for it before first use. Before the high-risk date both are information
// (highRiskPending).
func friaTiming(ctx *Context, r *record.Record) []finding.Finding {
	a := r.AIAct
	done, ok := date(a.FRIA.Date)
	if !ok {
		return nil // the schema reports a malformed date
	}
	var f finding.Finding
	from, _ := highRiskFrom(ctx, a)
	switch start, started := date(r.Lifecycle.Start); {
	case !ctx.OnOrAfter(done):
		f = at("/ai_act/fria/date",
			en(fmt.Sprintf("the FRIA is dated %s, a date still to come: it is not done yet, and the AI Act asks for it before first use", a.FRIA.Date),
				"do the fundamental-rights impact assessment before the system is used and record the day it was done in ai_act.fria.date; if the date is wrong, correct it"),
			nl(fmt.Sprintf("De grondrechteneffectbeoordeling (FRIA) is van %s, een datum die nog moet komen. Ze is dus nog niet uitgevoerd, en de AI-verordening vraagt haar vóór het eerste gebruik.", datum(a.FRIA.Date)),
				"Voer de grondrechteneffectbeoordeling uit voordat het systeem wordt gebruikt en vul bij ai_act.fria.date de datum in waarop dat is gebeurd. Klopt de datum niet, verbeter die dan."))
	case started && !start.Before(from) && done.After(start):
		f = at("/ai_act/fria/date",
			en(fmt.Sprintf("the FRIA is dated %s, after the first use on %s: the AI Act asks for it before first use", a.FRIA.Date, r.Lifecycle.Start),
				"if the date is wrong, correct ai_act.fria.date; if it is right, the system was used without the assessment the law requires first: report it to the data protection officer, and assess again before any change to the system or its use"),
			nl(fmt.Sprintf("De grondrechteneffectbeoordeling (FRIA) is van %s, na het eerste gebruik op %s. De AI-verordening vraagt haar vóór het eerste gebruik.", datum(a.FRIA.Date), datum(r.Lifecycle.Start)),
				"Klopt de datum niet, verbeter dan ai_act.fria.date. Klopt ze wel, dan is het systeem gebruikt zonder de beoordeling die de wet vooraf vraagt: meld het bij de functionaris gegevensbescherming, en beoordeel opnieuw vóór elke wijziging van het systeem of het gebruik."))
		// A breach past, as a late DPIA: cited as law, a warning, since
		// the assessment is done now.
		f.Severity = finding.Warning
	default:
		return nil
	}
	if !inService(ctx, r) {
		f.Severity = finding.Warning // not in use yet: the FRIA can still come first
	}
	return []finding.Finding{highRiskPending(ctx, a, citesLaw(f, lawFRIA))}
}

var selfLearning = &Rule{
	ID: "self-learning", Ref: "VNG 3.5", Default: finding.Warning,
	Applies: func(r *record.Record) bool { return isTrue(r.SelfLearning) && !retired(r) },
	Title:   label.Text{"Zelflerende technologie", "Self-learning technology"},
	Why: label.Text{
		"Technologie die zichzelf verder ontwikkelt, zoals zelflerende systemen, krijgt een zwaardere proportionaliteitstoets; verandert de functie of impact, dan volgt opnieuw evaluatie en besluitvorming (VNG-principe 3.5).",
		"Technology that keeps developing itself, such as self-learning systems, gets a heavier proportionality test; when its function or impact changes, it is evaluated and decided on again (VNG principle 3.5).",
	},
	Satisfy: label.Text{
		"Een registratie met self_learning: true noemt een IAMA (of FRAIA) en geeft een evaluation.interval dat korter is dan het ingestelde interval voor haar soort, vanaf welke dag ook geteld (P365D is niet korter dan P1Y).",
		"A record with self_learning: true lists an IAMA (or FRAIA) and states an evaluation.interval shorter than the configured interval for its kind, whichever day it is counted from (P365D is not shorter than P1Y).",
	},
	Example: example(`self_learning: true
assessments:
  - {type: IAMA, date: 2026-04-12, url: https://voorbeeldstad.example/iama/route.pdf}
evaluation:
  interval: P6M`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !isTrue(r.SelfLearning) || retired(r) {
			return nil
		}
		var fs []finding.Finding
		if !hasAssessment(r, "IAMA", "FRAIA") {
			fs = append(fs, missing("/self_learning",
				en("a self-learning algorithm needs a heavier proportionality test, and no IAMA is recorded",
					"do an IAMA (or FRAIA) and add it under assessments"),
				nl("Een zelflerend systeem moet zwaarder worden getoetst op proportionaliteit, en er staat geen IAMA bij.",
					"Voer een IAMA (of FRAIA) uit en zet die bij assessments.")))
		}
		def := ctx.Config.IntervalFor(string(r.Kind), r.SensorType, r.CameraRegime)
		d, ok := interval(r)
		// Shorter from whichever day it is counted, as a limit is held
		// (period.Duration.MayBeLonger), not only from the start.
		var from time.Time
		notShorter := false
		if ok {
			from, notShorter = d.NotShorterFrom(def)
		}
		switch {
		case !ok && !blank(r.Evaluation.Interval):
			// Stated, but no interval: the schema reports it.
		case !ok:
			fs = append(fs, missing("/evaluation",
				en("a self-learning algorithm needs its own, shorter evaluation interval, and none is stated",
					fmt.Sprintf("add evaluation.interval shorter than the usual %s, for example P6M", def)),
				nl("Een zelflerend systeem moet vaker worden geëvalueerd dan gewoonlijk, maar er staat geen eigen termijn voor de evaluatie bij.",
					fmt.Sprintf("Vul evaluation.interval in, korter dan de gewone %s (%s), bijvoorbeeld P6M (6 maanden).", duur(def), def))))
		case notShorter:
			when, wanneer := notShorterFrom(d, def, from)
			fs = append(fs, at("/evaluation/interval",
				en(fmt.Sprintf("evaluation interval %s is not shorter than the usual %s%s, while the algorithm keeps learning", d, def, when),
					"evaluate a self-learning algorithm more often, for example every six months (P6M)"),
				nl(fmt.Sprintf("De termijn voor de evaluatie is %s (%s). Dat is niet korter dan de gewone %s (%s)%s, terwijl het algoritme blijft leren.", duur(d), d, duur(def), def, wanneer),
					"Evalueer een zelflerend algoritme vaker, bijvoorbeeld elk half jaar (P6M).")))
		}
		return fs
	},
}

// notShorterFrom says, for an interval in days that is as long as the
// usual one in months or years only from some days of the year (P365D
// and P1Y from 1 March 2025, not from 1 January 2024), from which: the
// message would read as untrue without the day. Nothing when it is not
// shorter from any day.
func notShorterFrom(d, usual period.Duration, from time.Time) (en, nl string) {
	if from.IsZero() || d.Years != 0 || d.Months != 0 || !usual.MayBeLonger(d) {
		return "", ""
	}
	return onDay(from, usual, "from an evaluation on %s", "vanaf een evaluatie op %s")
}

var independentReview = &Rule{
	ID: "independent-review", Ref: "VNG 3.8", Default: finding.Warning,
	Title: label.Text{"Onafhankelijke toetsing", "Independent review"},
	Why: label.Text{
		"Proportionaliteit en doelmatigheid worden onafhankelijk getoetst, bijvoorbeeld door een ethische commissie of de rekenkamer, met inwoners en belangengroepen (VNG-principe 3.8).",
		"Proportionality and effectiveness are reviewed independently, for example by an ethics committee or the audit office, with residents and interest groups (VNG principle 3.8).",
	},
	Satisfy: label.Text{
		"Een registratie met een hoog risico of grote impact (publication_category high_risk_ai of impactful, ai_act.category high_risk, of een sensor met een uitzondering op het verbod op biometrie) noemt een toetsing onder reviews.",
		"A high-risk or impactful record (publication_category high_risk_ai or impactful, ai_act.category high_risk, or a sensor excepted from the biometric ban) lists a review under reviews.",
	},
	Example: example(`reviews:
  - body: ethics_committee
    date: 2026-05-20
    url: https://voorbeeldstad.example/ethische-commissie/advies-2026-03.pdf`),
	Applies: inUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if len(r.Reviews) > 0 {
			return nil
		}
		// A sensor with a banned capability is only lawful with an
		// exception (the police's), and then it is as impactful as it gets.
		excepted := slices.ContainsFunc(r.Capabilities, func(c string) bool { _, ok := banned[c]; return ok }) &&
			slices.ContainsFunc(r.Exceptions, func(e record.Exception) bool { return e.Rule == biometricBanID })
		if !impactful(r) && !excepted {
			return nil
		}
		return []finding.Finding{missing("",
			en("the record is high-risk or impactful but lists no independent review",
				"ask the ethics committee or the audit office for advice and add it under reviews with body, date and url"),
			nl("De toepassing heeft een hoog risico of veel impact, maar er staat geen onafhankelijke toetsing bij.",
				"Vraag de ethische commissie of de rekenkamer om advies, en zet het advies bij reviews met body (wie toetste), datum (date) en link (url)."))}
	},
}
