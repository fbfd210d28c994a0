package principle

import (
	"fmt"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

var humanOversight = &Rule{
	ID: "human-oversight", Ref: "C-human-oversight", Default: finding.Error,
	// A decision about a person taken by the algorithm alone needs a human
	// who can step in (GDPR art. 22(3)); oversight of decision support
	// is the programme's commitment. For decisions on police data, outside
	// the GDPR, the Law Enforcement Directive asks the same (lawOf).
	// An automated decision on personal data is about the people the data
	// relate to whatever affects_individuals says (decidesOnPersonalData):
	// the claim cannot take it out of art. 22, and is reported.
	Law: lawAutomated, LawScope: label.Text{
		"voor geautomatiseerde besluiten over mensen: role automated_decision met persoonsgegevens, of misschien persoonsgegevens (personal_data.processed yes of unknown, categories ingevuld, of persoonsgegevens door wat het doet), wat er ook bij affects_individuals staat; alleen personal_data.processed no zonder categories gaat niet over mensen",
		"for automated decisions about people: role automated_decision with personal data, or possibly personal data (personal_data.processed yes or unknown, categories listed, or personal by its nature), whatever affects_individuals says; only personal_data.processed no without categories is not about people"},
	Title: label.Text{"Menselijke tussenkomst", "Human oversight"},
	Why: label.Text{
		"Besluiten over mensen waarbij AI of algoritmes een rol spelen, hebben altijd menselijke tussenkomst en een motivering (programma-afspraak). Een besluit dat alleen op geautomatiseerde verwerking berust, is bovendien beperkt door de AVG (art. 22).",
		"Decisions about people in which AI or algorithms play a part always have human oversight and a motivation (programme commitment). A decision based solely on automated processing is also restricted by the GDPR (art. 22).",
	},
	Satisfy: label.Text{
		"Een algoritme met affects_individuals: true zegt in human_oversight hoe mensen de uitkomsten controleren en verbeteren. Dat geldt ook voor een algoritme dat zelf besluit of profileert (role automated_decision of profiling) met persoonsgegevens, of misschien persoonsgegevens: dat gaat over mensen, en dan staat er niet affects_individuals: false.",
		"An algorithm with affects_individuals: true says in human_oversight how people check and correct its outcomes. So does an algorithm that decides on its own or profiles (role automated_decision or profiling) with personal data, or possibly personal data: it affects people, and does not say affects_individuals: false.",
	},
	Example: example(`human_oversight: Every flagged application is assessed by a case officer, who decides and may set the score aside.`),
	Applies: affectsPeopleInUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		fs := claimedNotAboutPeople(r)
		if !blank(r.HumanOversight) {
			return fs
		}
		msg := "the algorithm affects people but does not say how people check and correct its outcomes"
		msgNL := "Het algoritme gaat over mensen, maar er staat niet bij hoe mensen de uitkomsten controleren en verbeteren."
		help := "add human_oversight: who looks at each outcome, and how they correct it"
		hulp := "Vul human_oversight in: wie elke uitkomst bekijkt, en hoe die persoon de uitkomst verbetert."
		decides := r.Role == "automated_decision"
		if decides {
			msg = "the algorithm takes decisions about people on its own and does not say how people check and correct them"
			msgNL = "Het algoritme neemt zelf besluiten over mensen, en er staat niet bij hoe mensen die besluiten controleren en verbeteren."
			if why, waarom, maybe := maybePersonal(r); maybe && !isTrue(r.AffectsIndividuals) {
				msg = fmt.Sprintf("the algorithm takes decisions on its own and may process personal data, as %s; its decisions may then be about people, and it does not say how people check and correct them", why)
				msgNL = fmt.Sprintf("Het algoritme neemt zelf besluiten en verwerkt misschien persoonsgegevens. %s Dan gaan de besluiten misschien over mensen. Er staat niet bij hoe mensen die besluiten controleren en verbeteren.", waarom)
				help += `; if it processes no personal data, set personal_data.processed: "no" and list no categories`
				hulp += ` Verwerkt het geen persoonsgegevens, vul dan personal_data.processed: "no" in, zonder categories.`
			}
		}
		f := missing("", en(msg, help), nl(msgNL, hulp))
		if decides {
			// GDPR art. 22, or on police data, outside the GDPR (art.
			// 2(2)(d)), the directive's art. 11 (lawOf).
			f = citesLaw(f, lawOf(r, lawAutomated))
		}
		return append([]finding.Finding{f}, fs...)
	},
}

// claimedNotAboutPeople reports an algorithm that decides on its own or
// profiles from personal data (decidesOnPersonalData) and says
// affects_individuals: false. The checklist treats it as affecting people
// already; the claim is wrong, and for an automated decision it would
// take it out of GDPR art. 22 (or on police data the directive's art. 11).
func claimedNotAboutPeople(r *record.Record) []finding.Finding {
	if !isFalse(r.AffectsIndividuals) || !decidesOnPersonalData(r) {
		return nil
	}
	var f finding.Finding
	switch why, waarom, maybe := maybePersonal(r); {
	case maybe:
		does, doet := "takes decisions on its own", "neemt zelf besluiten"
		what, wat := "such decisions", "Zulke besluiten"
		if r.Role == "profiling" {
			does, doet, what, wat = "profiles people", "maakt profielen van mensen", "such profiles", "Zulke profielen"
		}
		f = at("/affects_individuals",
			en(fmt.Sprintf("affects_individuals is false, but the algorithm %s and may process personal data, as %s; %s may then be about the people the data relate to", does, why, what),
				`set affects_individuals: true; the checklist already treats the algorithm as affecting people. If it processes no personal data, set personal_data.processed: "no" and list no categories`),
			nl(fmt.Sprintf("Bij affects_individuals staat false (gaat niet over mensen), maar het algoritme %s en verwerkt misschien persoonsgegevens. %s %s gaan dan misschien over de mensen bij wie de gegevens horen.", doet, waarom, wat),
				`Vul affects_individuals: true in. De checklist behandelt het algoritme al als een algoritme dat over mensen gaat. Verwerkt het geen persoonsgegevens, vul dan personal_data.processed: "no" in, zonder categories.`))
	case r.Role == "profiling":
		f = at("/affects_individuals",
			en("affects_individuals is false, but the algorithm profiles people from personal data: a profile evaluates aspects of the people the data relate to",
				"set affects_individuals: true; the checklist already treats the algorithm as affecting people"),
			nl("Bij affects_individuals staat false (gaat niet over mensen), maar het algoritme maakt profielen van mensen met persoonsgegevens. Een profiel beoordeelt de mensen bij wie de gegevens horen.",
				"Vul affects_individuals: true in. De checklist behandelt het algoritme al als een algoritme dat over mensen gaat."))
	default:
		f = at("/affects_individuals",
			en("affects_individuals is false, but the algorithm takes decisions on its own from personal data: such decisions are about the people the data relate to",
				"set affects_individuals: true; the checklist already treats the algorithm as deciding about people, and if it processes no personal data, say personal_data.processed: no without categories"),
			nl("Bij affects_individuals staat false (gaat niet over mensen), maar het algoritme neemt zelf besluiten met persoonsgegevens. Zulke besluiten gaan over de mensen bij wie de gegevens horen.",
				"Vul affects_individuals: true in. De checklist behandelt het algoritme al als een algoritme dat over mensen besluit. Verwerkt het geen persoonsgegevens, vul dan personal_data.processed: no in, zonder categories."))
	}
	if r.Role == "profiling" {
		// Profiling is no automated decision: GDPR art. 22 is not cited.
		return []finding.Finding{f}
	}
	return []finding.Finding{citesLaw(f, lawOf(r, lawAutomated))}
}

// maybePersonal says why an algorithm may process personal data when its
// record does not say it does: personal_data.processed is unknown or not
// stated, which counts as personal data (VNG 6.4), or no while categories
// are listed. ok is false when the record says it does (processed yes,
// or its own fields or its nature: personalWhyOf), or says it does not.
func maybePersonal(r *record.Record) (why, waarom string, ok bool) {
	if r.PersonalData.Processed == "yes" {
		return "", "", false
	}
	if _, sure := personalWhyOf(r); sure {
		return "", "", false
	}
	switch p := r.PersonalData.Processed; {
	case p == "no" && len(r.PersonalData.Categories) > 0:
		return "personal_data.processed is no, but personal_data.categories lists categories of personal data, and when in doubt data count as personal data (6.4)",
			"Bij personal_data.processed staat no, maar bij personal_data.categories staan soorten persoonsgegevens. Bij twijfel gelden gegevens als persoonsgegevens (6.4).", true
	case p == "no":
		return "", "", false
	case blank(p):
		return "personal_data.processed is not stated, which counts as personal data (6.4)",
			"Bij personal_data.processed staat niets. Dan gelden de gegevens als persoonsgegevens (6.4).", true
	default:
		return fmt.Sprintf("personal_data.processed is %s, which counts as personal data (6.4)", p),
			fmt.Sprintf("Bij personal_data.processed staat %s (onbekend). Dan gelden de gegevens als persoonsgegevens (6.4).", p), true
	}
}

var explanation = &Rule{
	ID: "explanation", Ref: "C-human-oversight", Default: finding.Error,
	Title: label.Text{"Uitleg en factoren", "Explanation and factors"},
	Why: label.Text{
		"Wie met een besluit te maken krijgt waarin een algoritme meewoog, mag weten welke factoren meetellen en hoe (programma-afspraak over menselijke tussenkomst en motivering).",
		"People facing a decision in which an algorithm played a part may know which factors count and how (programme commitment on human oversight and motivation).",
	},
	Satisfy: label.Text{
		"Een algoritme met affects_individuals: true legt in explanation in gewone taal uit welke factoren meetellen en hoe.",
		"An algorithm with affects_individuals: true explains in explanation, in plain language, which factors count and how.",
	},
	Example: example(`explanation: The score counts missed appointments and the time since the last contact; income, origin and address are not used.`),
	Applies: affectsPeopleInUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if !blank(r.Explanation) {
			return nil
		}
		return []finding.Finding{missing("",
			en("the algorithm affects people but does not explain which factors count",
				"add explanation: in plain language, which factors count and how they weigh"),
			nl("Het algoritme gaat over mensen, maar er staat niet bij welke factoren meetellen.",
				"Vul explanation in: leg in gewone taal uit welke factoren meetellen en hoe zwaar ze wegen."))}
	},
}

var objection = &Rule{
	ID: "objection", Ref: "C-human-oversight", Default: finding.Warning,
	Title: label.Text{"Bezwaar en beroep", "Objection and appeal"},
	Why: label.Text{
		"Wie het niet eens is met een uitkomst waarin een algoritme meewoog, moet weten hoe hij bezwaar maakt of in beroep gaat (programma-afspraak over menselijke tussenkomst).",
		"Whoever disagrees with an outcome in which an algorithm played a part must know how to object or appeal (programme commitment on human oversight).",
	},
	Satisfy: label.Text{
		"Een algoritme met affects_individuals: true zegt in objection hoe een inwoner bezwaar maakt of in beroep gaat.",
		"An algorithm with affects_individuals: true says in objection how a resident objects or appeals.",
	},
	Example: example(`objection: Object within six weeks at voorbeeldstad.example/bezwaar; a case officer who did not take the decision handles it.`),
	Applies: affectsPeopleInUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if !blank(r.Objection) {
			return nil
		}
		return []finding.Finding{missing("",
			en("the algorithm affects people but does not say how a resident objects or appeals",
				"add objection: where and how a resident objects, and within which term"),
			nl("Het algoritme gaat over mensen, maar er staat niet bij hoe een inwoner bezwaar maakt of in beroep gaat.",
				"Vul objection in: waar en hoe een inwoner bezwaar maakt, en binnen welke termijn."))}
	},
}

var datasetsAndSource = &Rule{
	ID: "datasets-and-source", Ref: "C-algorithm-register", Default: finding.Warning, Cites: []string{"C-open-source"},
	Title: label.Text{"Datasets en broncode", "Datasets and source code"},
	Why: label.Text{
		"Het algoritmeregister is volledig en gedetailleerd, met de gebruikte datasets en de broncode (programma-afspraak). Software die voor de gemeente is gemaakt, wordt als open source gepubliceerd.",
		"The algorithm register is complete and detailed, including the datasets used and the source code (programme commitment). Software made for the municipality is published as open source.",
	},
	Satisfy: label.Text{
		"Een algoritme noemt zijn datasets en heeft source_code.url (of source_code.unavailable_reason). Een algoritme van een gemeente dat geen leverancier noemt, publiceert zijn broncode (source_code.url) of noemt de leverancier van wie het product is.",
		"An algorithm lists its datasets and has source_code.url (or source_code.unavailable_reason). An algorithm of a municipality that names no supplier publishes its source (source_code.url), or names the supplier whose product it is.",
	},
	Example: example(`datasets:
  - {name: BRP-extract, source: Basisregistratie Personen, personal_data: true}
source_code:
  url: https://github.com/voorbeeldstad/parkeerhandhaving
  licence: EUPL-1.2`),
	Applies: func(r *record.Record) bool { return r.Kind == record.Algorithm && !retired(r) },
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		if len(r.Datasets) == 0 {
			fs = append(fs, missing("",
				en("the algorithm lists no datasets",
					"add datasets: the name, source and description of every dataset the algorithm uses"),
				nl("Er staat niet bij welke gegevens (datasets) het algoritme gebruikt.",
					"Vul datasets in: de naam, de bron en een omschrijving van elke dataset die het algoritme gebruikt.")))
		}
		sc := r.SourceCode
		switch {
		case sc == nil || blank(sc.URL) && blank(sc.UnavailableReason):
			parent := present(sc != nil, "/source_code")
			fs = append(fs, missing(parent,
				en("the algorithm has no link to its source code and no reason why not",
					"add source_code.url and licence, or source_code.unavailable_reason"),
				nl("Er staat geen link naar de broncode van het algoritme bij, en ook niet waarom die ontbreekt.",
					"Vul source_code.url en de licentie (licence) in, of leg bij source_code.unavailable_reason uit waarom de broncode niet openbaar is.")))
		case blank(sc.URL) && r.Supplier == nil && r.Organisation.Type == "municipality":
			fs = append(fs, worded(finding.Finding{Path: "/source_code/unavailable_reason", Principle: "C-open-source"},
				// The record says only that no supplier is named, not who
				// made the algorithm: the message says no more than that.
				en("the record names no supplier and the source code is not published",
					"if the algorithm was made for the municipality, publish the code under an open licence (such as EUPL-1.2) and add source_code.url; if it is a supplier's product, add supplier.name"),
				nl("Er staat geen leverancier bij en de broncode is niet openbaar.",
					"Is het algoritme voor de gemeente gemaakt, publiceer de code dan onder een open licentie (zoals EUPL-1.2) en vul source_code.url in. Is het een product van een leverancier, vul dan supplier.name in.")))
		}
		return fs
	},
}

// decisionRoles are the roles in which an algorithm decides, prepares
// decisions, predicts or profiles.
var decisionRoles = []string{"automated_decision", "decision_support", "prediction", "profiling"}

var publicationCategory = &Rule{
	ID: "publication-category", Ref: "VNG 3.2", Default: finding.Error,
	// The categories are the national register's (policy); a prohibited
	// practice is forbidden by the AI Act, and art. 5 leaves a municipality
	// no exception at all.
	Law: lawProhibit, LawScope: label.Text{"voor een verboden AI-praktijk", "for a prohibited AI practice"},
	LawfulRoute: label.Text{"geen: de AI-verordening verbiedt de praktijk. Stop met het gebruik", "none: the AI Act prohibits the practice; stop using it"},
	Title:       label.Text{"Publicatiecategorie en AI-verordening", "Publication category and AI Act"},
	Why: label.Text{
		"Bij de afweging van publieke waarden hanteren we de risicobenadering van de AI-verordening (VNG-principe 3.2). De publicatiecategorie van het landelijke algoritmeregister volgt daaruit: hoog-risico AI precies als de AI-verordening het zo indeelt, en een algoritme dat over mensen beslist, voorspelt of profileert is impactvol. Verboden AI-praktijken worden niet gebruikt.",
		"Weighing public values uses the AI Act's risk approach (VNG principle 3.2). The national algorithm register's publication category follows from it: high-risk AI exactly when the AI Act classifies it so, and an algorithm that decides, predicts or profiles about people is impactful. Prohibited AI practices are not used.",
	},
	Satisfy: label.Text{
		"publication_category is high_risk_ai precies wanneer ai_act.category high_risk is; het is niet other wanneer affects_individuals true is en role automated_decision, decision_support, prediction of profiling is; ai_act.category is nooit prohibited.",
		"publication_category is high_risk_ai exactly when ai_act.category is high_risk; it is not other when affects_individuals is true and role is automated_decision, decision_support, prediction or profiling; ai_act.category is never prohibited.",
	},
	Example: example(`affects_individuals: true
role: decision_support
publication_category: impactful
ai_act: {category: not_ai, basis: Fixed rules written by the department; no inference.}`),
	Applies: inUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		if r.AIAct != nil && r.AIAct.Category == "prohibited" {
			fs = append(fs, lawful(at("/ai_act/category",
				en("the record is classified as a prohibited AI practice (AI Act art. 5), which may not be used",
					"stop using it; if the classification is wrong, correct ai_act.category and explain it in ai_act.basis"),
				nl("De toepassing is ingedeeld als verboden AI (AI-verordening art. 5). Die mag niet worden gebruikt.",
					"Stop met het gebruik. Klopt de indeling niet, verbeter dan ai_act.category en leg de indeling uit bij ai_act.basis.")), lawProhibit))
		}
		if r.Kind != record.Algorithm {
			return fs
		}
		highRisk := r.AIAct != nil && r.AIAct.Category == "high_risk"
		switch {
		case highRisk && r.PublicationCategory != "high_risk_ai":
			fs = append(fs, at("/publication_category",
				en(fmt.Sprintf("the AI Act classifies the algorithm as high risk, but its publication category is %q", r.PublicationCategory),
					"set publication_category: high_risk_ai"),
				nl(fmt.Sprintf("Volgens de AI-verordening is het algoritme hoog risico, maar de publicatiecategorie is %q.", r.PublicationCategory),
					"Vul publication_category: high_risk_ai in (hoog-risico AI-systeem).")))
		case !highRisk && r.PublicationCategory == "high_risk_ai":
			fs = append(fs, at("/publication_category",
				en("the publication category is high_risk_ai, but ai_act.category is not high_risk",
					"set ai_act.category: high_risk with its basis, or choose publication_category impactful or other"),
				nl("De publicatiecategorie is hoog-risico AI (high_risk_ai), maar de risicocategorie volgens de AI-verordening (ai_act.category) is niet high_risk.",
					"Vul ai_act.category: high_risk in met de onderbouwing, of kies als publicatiecategorie impactful of other.")))
		case r.PublicationCategory == "other" && affectsPeople(r) && slices.Contains(decisionRoles, r.Role):
			fs = append(fs, worded(finding.Finding{Path: "/publication_category", Severity: finding.Warning},
				en(fmt.Sprintf("the algorithm affects people in the role %s, so it is impactful, not other", r.Role),
					"set publication_category: impactful (category B of the national algorithm register)"),
				nl(fmt.Sprintf("Het algoritme gaat over mensen en heeft de rol %s (%s). Daarom is het impactvol, en niet 'overig'.", r.Role, strings.ToLower(label.Value("nl", "role", r.Role))),
					"Vul publication_category: impactful in (categorie B van het landelijke algoritmeregister).")))
		}
		return fs
	},
}
