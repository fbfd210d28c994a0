package packet

import (
	"fmt"
	"slices"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/record"
)

// ruleQuestions are the questions a finding of a rule raises for the
// committee: not what to fix (the finding's help says that) but what to
// weigh. Rules without a question here get a general one.
var ruleQuestions = map[string]label.Text{
	"biometric-ban": {"Waarom kan deze sensor personen volgen of herkennen, en wordt die functie uitgezet?",
		"Why can this sensor follow or recognise people, and will that function be switched off?"},
	"owner-reachable": {"Wie is verantwoordelijk, en moet de inzet stoppen tot dat bekend is (VNG 3.7)?",
		"Who is responsible, and should the deployment stop until that is known (VNG 3.7)?"},
	"dpia-required": {"Mag dit in gebruik zijn of komen zonder afgeronde DPIA?",
		"May this be or go into use without a completed DPIA?"},
	"dpia-public": {"Is de private partij gevraagd de DPIA te delen, en wat was het antwoord?",
		"Was the private party asked to share its DPIA, and what did it answer?"},
	"legal-basis": {"Op welke wettelijke grondslag rust de verwerking, en houdt die stand?",
		"Which legal basis does the processing rest on, and does it hold?"},
	"retention": {"Hoe lang worden de gegevens bewaard, en waarom is dat niet korter?",
		"How long is the data kept, and why not shorter?"},
	"decision-recorded": {"Welk democratisch besluit ligt aan deze inzet ten grondslag?",
		"Which democratic decision is this deployment based on?"},
	"problem-and-alternatives": {"Welk probleem lost dit op, en zijn minder ingrijpende alternatieven overwogen?",
		"Which problem does this solve, and were less intrusive alternatives considered?"},
	"risk-analysis": {"Zijn het ontmoedigend effect, discriminatie en stapeling met andere systemen onderzocht?",
		"Were the chilling effect, discrimination and stacking with other systems examined?"},
	"impact-assessment": {"Is een IAMA of een vergelijkbare afweging van publieke waarden nodig voordat dit doorgaat?",
		"Is an IAMA or a similar weighing of public values needed before this goes ahead?"},
	"self-learning": {"Is de zwaardere toets voor zelflerende technologie gedaan, en wordt het vaak genoeg geëvalueerd?",
		"Was the heavier test for self-learning technology done, and is it evaluated often enough?"},
	"lifecycle-end": {"Hoe lang mag dit blijven, en op grond van welke voorwaarden wordt over verlenging besloten?",
		"How long may this stay, and by which criteria is extension decided?"},
	"lifecycle-ended": {"De looptijd is voorbij: moet de inzet stoppen, of is verlenging met een nieuw besluit gerechtvaardigd?",
		"The life cycle has ended: should the deployment stop, or is extension by a new decision justified?"},
	"camera-temporary": {"Is het tijdelijke karakter van deze camera nog gerechtvaardigd?",
		"Is the temporary nature of this camera still justified?"},
	"evaluation-lapsed": {"De evaluatie is te laat: wanneer komt die, en dient de inzet zijn doel nog?",
		"The evaluation is overdue: when will it happen, and does the deployment still serve its purpose?"},
	"signage": {"Hoe weten voorbijgangers dat hier een sensor hangt en waarvoor?",
		"How do passers-by know that a sensor is here, and what for?"},
	"minimisation": {"Kan hetzelfde doel met minder worden bereikt, bijvoorbeeld met een lagere resolutie of alleen tellen?",
		"Can the same purpose be reached with less, for example a lower resolution or counting only?"},
	"supplier-watch": {"Is het ketenrisico van deze fabrikant afgewogen, en is vervanging nodig?",
		"Was the supply-chain risk of this manufacturer weighed, and is replacement needed?"},
	"security-audit": {"Wanneer komt de volgende onafhankelijke beveiligingsaudit?",
		"When is the next independent security audit?"},
	"data-rights": {"Hoe is geborgd dat de leverancier de gegevens niet verkoopt of voor iets anders gebruikt?",
		"How is it ensured that the supplier does not sell the data or use it for anything else?"},
	"sharing-temporary": {"Is de gegevensdeling tijdelijk, met afspraken over bewaren, vernietigen en niet doorgeven?",
		"Is the data sharing temporary, with agreements on retention, destruction and no onward sharing?"},
	"breach-reported": {"Waarom is het datalek niet binnen 72 uur gemeld, en wat is ervan geleerd?",
		"Why was the data breach not reported within 72 hours, and what was learnt?"},
	"human-oversight": {"Hoe controleren mensen de uitkomsten, en kunnen zij ze corrigeren?",
		"How do people check the outcomes, and can they correct them?"},
	"explanation": {"Kunnen inwoners weten welke factoren meetellen, en hoe zwaar?",
		"Can residents know which factors count, and how much?"},
	"datasets-and-source": {"Waarom zijn de gebruikte gegevens of de broncode niet openbaar?",
		"Why are the datasets or the source code not public?"},
	"objection": {"Hoe kan een inwoner bezwaar maken tegen een uitkomst?",
		"How can a resident object to an outcome?"},
	"publication-category": {"Past de publicatiecategorie bij de rol van het algoritme bij besluiten over mensen?",
		"Does the publication category fit the algorithm's role in decisions about people?"},
	"notice-period": {"Waarom is de sensor te laat gemeld, en hoe wordt dat voortaan voorkomen?",
		"Why was the sensor reported late, and how will that be prevented?"},
	"independent-review": {"Wil de commissie deze inzet toetsen op evenredigheid en doeltreffendheid?",
		"Does the committee want to review this deployment for proportionality and effectiveness?"},
	"exception-expired": {"De uitzondering is verlopen: moet de inzet worden aangepast, of is een nieuw besluit nodig?",
		"The exception has expired: should the deployment change, or is a new decision needed?"},
	"exception-too-long": {"Is een uitzondering van deze duur gerechtvaardigd?",
		"Is an exception of this length justified?"},
	"exception-unused": {"Is deze uitzondering nog nodig?", "Is this exception still needed?"},
}

// questions derives the questions for the committee from the record's
// findings (errors and warnings), its dates and why it is on the agenda.
// Each question is asked once, in the order the findings and dates come.
func (L *Labels) questions(it *Item, due []lifecycle.Item, today time.Time) []string {
	var qs []string
	ask := func(q string) {
		if q != "" && !slices.Contains(qs, q) {
			qs = append(qs, q)
		}
	}
	if it.Has(New) {
		ask(L.pick([2]string{"Is de inzet evenredig en doeltreffend voor het doel dat de registratie noemt (VNG 3.8)?",
			"Is the deployment proportionate and effective for the purpose the record states (VNG 3.8)?"}))
	}
	for _, row := range it.Findings {
		if row.Severity < finding.Warning {
			continue
		}
		if q, ok := ruleQuestions[row.Rule]; ok {
			ask(L.pick(q))
			continue
		}
		title := row.Rule
		if r, ok := principle.Lookup(row.Rule); ok {
			title = L.pick(r.Title)
		}
		ask(fmt.Sprintf(L.pick([2]string{"Hoe en wanneer wordt de bevinding ‘%s’ opgelost?", "How and when will the finding ‘%s’ be resolved?"}), title))
	}
	dueAt := map[string]bool{}
	for _, d := range due {
		ask(L.dueQuestion(d, today))
		dueAt[d.Path] = true
	}
	// An exception in force is a standing departure from a principle: the
	// committee may ask whether it is still justified, also before it ends.
	for i, e := range it.Record.Exceptions {
		if dueAt[fmt.Sprintf("/exceptions/%d/until", i)] || i >= len(it.Exceptions) || !it.Exceptions[i].Open {
			continue
		}
		title := e.Rule
		if r, ok := principle.Lookup(e.Rule); ok {
			title = L.pick(r.Title)
		}
		if e.Until == "" {
			ask(fmt.Sprintf(L.pick([2]string{"De uitzondering op ‘%s’ heeft geen einddatum: is die nog gerechtvaardigd?",
				"The exception to ‘%s’ has no end date: is it still justified?"}), title))
			continue
		}
		ask(fmt.Sprintf(L.pick([2]string{"De uitzondering op ‘%s’ geldt tot %s: is die nog gerechtvaardigd?",
			"The exception to ‘%s’ is in force until %s: is it still justified?"}), title, L.dateString(e.Until)))
	}
	return qs
}

func (L *Labels) dueQuestion(d lifecycle.Item, today time.Time) string {
	date, ended := L.date(d.Date), d.Date.Before(today)
	switch {
	case d.What == lifecycle.Evaluation && d.Group == lifecycle.Upcoming:
		return fmt.Sprintf(L.pick([2]string{"De evaluatie is uiterlijk %s nodig: welke vragen moet die beantwoorden?",
			"The evaluation is due by %s: which questions should it answer?"}), date)
	case d.What == lifecycle.Evaluation:
		return L.pick(ruleQuestions["evaluation-lapsed"])
	case d.What == lifecycle.Lifecycle && d.Group == lifecycle.Lapsed:
		return L.pick(ruleQuestions["lifecycle-ended"])
	case d.What == lifecycle.Lifecycle:
		q := L.pick([2]string{"De looptijd eindigt op %s: stoppen of verlengen, en voldoet de inzet aan de voorwaarden voor verlenging?",
			"The life cycle ends on %s: stop or extend, and does the deployment meet the criteria for extension?"})
		if d.Record.PublicOrder() { // the programme's temporary cameras are the public-order ones
			q = L.pick([2]string{"De looptijd eindigt op %s: is het tijdelijke karakter van deze camera nog gerechtvaardigd, of stopt de inzet?",
				"The life cycle ends on %s: is the temporary nature of this camera still justified, or does it stop?"})
		}
		return fmt.Sprintf(q, date)
	case d.What == lifecycle.Exception && ended:
		return fmt.Sprintf(L.pick([2]string{"Een uitzondering is verlopen (%s) en telt niet meer: moet de inzet veranderen, of is een nieuw besluit nodig?",
			"An exception has expired (%s) and no longer counts: must the deployment change, or is a new decision needed?"}), date)
	case d.What == lifecycle.DataSharing && ended:
		return fmt.Sprintf(L.pick([2]string{"Een afspraak over gegevensdeling is afgelopen (%s): zijn de gegevens vernietigd, en staat de afspraak nog in de registratie?",
			"A data-sharing agreement has ended (%s): was the data destroyed, and why is the agreement still in the record?"}), date)
	case d.What == lifecycle.Exception:
		return fmt.Sprintf(L.pick([2]string{"Een uitzondering loopt af (%s): is verlenging gerechtvaardigd, of moet de inzet veranderen?",
			"An exception ends (%s): is renewing it justified, or must the deployment change?"}), date)
	case d.What == lifecycle.DataSharing:
		return fmt.Sprintf(L.pick([2]string{"Een afspraak over gegevensdeling loopt af (%s): is voortzetting nodig, en worden de gegevens daarna vernietigd?",
			"A data-sharing agreement ends (%s): is continuing it needed, and is the data destroyed afterwards?"}), date)
	case d.What == lifecycle.AIAct:
		return fmt.Sprintf(L.pick([2]string{"De plichten voor AI met een hoog risico gelden vanaf %s: zijn menselijk toezicht, logboeken en, waar nodig, de FRIA en de registratie in de EU-databank dan geregeld?",
			"The duties for high-risk AI apply from %s: are human oversight, logs and, where needed, the FRIA and the EU database entry arranged by then?"}), date)
	}
	return ""
}

// recordName is the record's name, or its id when it has none.
func recordName(r *record.Record) string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}
