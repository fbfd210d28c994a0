package site

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// Principle is one principle or commitment the checklist cites, as the
// principles page explains it to a resident.
type Principle struct {
	Ref     string    // as findings cite it: "VNG 2.1", "C-breach"
	Label   [2]string // Dutch, English
	Summary [2]string
	// Kinds the principle applies to; empty means both.
	Kinds []record.Kind
}

// principles follows shared/principles.md, in its order. Summaries are ours,
// in plain language.
var principles = []Principle{
	{"VNG I", [2]string{"Democratisch besluit", "Democratic decision"}, [2]string{"Inzet in de openbare ruimte gebeurt pas na een besluit van de gemeenteraad of het college, op basis van een plan met doel, aanpak, evaluatie en risico's. Een private partij laat een vergunning of melding zien.", "Deployment in public space follows a decision of the council or college, based on a plan with goal, approach, evaluation and risks. A private operator shows its permit or notification."}, nil},
	{"VNG II", [2]string{"Maatschappelijke waarde", "Public value"}, [2]string{"Technologie dient publieke waarden. Mensen kunnen zich anoniem en onbespied door de openbare ruimte bewegen.", "Technology serves public values. People can move through public space anonymously and unobserved."}, nil},
	{"VNG 2.1", [2]string{"Geen biometrische surveillance", "No biometric surveillance"}, [2]string{"Nooit individuen volgen in de openbare ruimte; geen gezichtsherkenning of andere biometrische surveillance, en geen telefoons volgen. Alleen met een specifieke wettelijke grondslag voor politietaken mag het wel.", "Never follow individuals in public space: no face recognition or other biometric surveillance, and no tracking of phones. Only a specific legal basis for police tasks allows it."}, []record.Kind{record.Sensor}},
	{"VNG 2.2", [2]string{"Risicoanalyse", "Risk analysis"}, [2]string{"Breng nadelige gevolgen in kaart: mensen die zich anders gaan gedragen, discriminatie en stigmatisering van een groep of wijk, en stapeling van systemen.", "Map the negative effects: people changing their behaviour, discrimination and stigmatisation of a group or neighbourhood, and the stacking of systems."}, nil},
	{"VNG III", [2]string{"Evaluatie", "Evaluation"}, [2]string{"Doelen, kansen en risico's worden vooraf in kaart gebracht en steeds opnieuw geëvalueerd, minstens elke bestuursperiode van vier jaar.", "Goals, opportunities and risks are mapped beforehand and evaluated continuously, at least every four-year term."}, nil},
	{"VNG 3.1", [2]string{"Probleem en alternatieven", "Problem and alternatives"}, [2]string{"Eerst het probleem, dan pas de techniek: beschrijf welk probleem het oplost en welke alternatieven zijn overwogen. Stop als het geen waarde meer heeft.", "First the problem, then the technology: say which problem it solves and which alternatives were considered. Stop when it no longer adds value."}, nil},
	{"VNG 3.2", [2]string{"Afweging publieke waarden / IAMA", "Weighing public values / IAMA"}, [2]string{"Weeg de publieke waarden die op het spel staan, bijvoorbeeld met een IAMA of DEDA, en volg de risicobenadering van de AI-verordening.", "Weigh the public values at stake, for example with an IAMA or DEDA, and follow the AI Act's risk approach."}, nil},
	{"VNG 3.4", [2]string{"Levensduur", "Life cycle"}, [2]string{"Leg vooraf vast hoe lang het mag blijven. Loopt die tijd af, dan wordt geëvalueerd en volgens vooraf bepaalde voorwaarden besloten over verlenging.", "Decide beforehand how long it may stay. When that time ends, it is evaluated and extended only by criteria set in advance."}, nil},
	{"VNG 3.5", [2]string{"Zelflerend", "Self-learning"}, [2]string{"Zelflerende technologie krijgt een zwaardere toets en wordt vaker geëvalueerd.", "Self-learning technology gets a heavier test and more frequent evaluation."}, []record.Kind{record.Algorithm}},
	{"VNG 3.7", [2]string{"Verantwoordelijke", "Responsible officer"}, [2]string{"Elke sensor en elk algoritme heeft een bekende, bereikbare verantwoordelijke. Zonder verantwoordelijke wordt het direct uitgezet.", "Every sensor and algorithm has a known, reachable responsible officer. Without one it is switched off at once."}, nil},
	{"VNG 3.8", [2]string{"Onafhankelijke toetsing", "Independent review"}, [2]string{"Een onafhankelijke partij, zoals een ethische commissie of de rekenkamer, toetst of de inzet evenredig en doeltreffend is, samen met inwoners.", "An independent body, such as an ethics committee or audit office, reviews whether the deployment is proportionate and effective, with residents."}, nil},
	{"VNG 4.1", [2]string{"Transparantie", "Transparency"}, [2]string{"Wees open over het gebruik, de waarborgen voor privacy en beveiliging, de grondslag, de besluiten en de resultaten, in begrijpelijke taal.", "Be open about the use, the privacy and security safeguards, the legal grounds, the decisions and the results, in plain language."}, nil},
	{"VNG 4.3", [2]string{"Herkenbaarheid", "Recognisability"}, [2]string{"Maak sensoren herkenbaar met borden of kleur, met het doel en een verwijzing naar dit register. Voor camera's is dat ook een wettelijke plicht.", "Make sensors recognisable with signs or colour, stating the purpose and pointing to this register. For cameras this is also a legal duty."}, []record.Kind{record.Sensor}},
	{"VNG V", [2]string{"Zeggenschap over data", "Control over data"}, [2]string{"Inwoners houden zeggenschap over gegevens over hen. Verzamel zo weinig mogelijk, bewaar niet langer dan nodig, en maak verzamelde gegevens open waar dat kan.", "Residents keep control over data about them. Collect as little as possible, keep it no longer than needed, and open up collected data where possible."}, nil},
	{"VNG 5.1", [2]string{"Persoonsgegevens vermijden", "Avoid personal data"}, [2]string{"Verwerk zo min mogelijk persoonsgegevens. Wie ze toch verwerkt, doet eerst een DPIA en heeft een wettelijke grondslag.", "Process as little personal data as possible. Whoever does process it first carries out a DPIA and has a legal basis."}, nil},
	{"VNG 5.2", [2]string{"Datarechten", "Data rights"}, [2]string{"De rechten op de data blijven bij de gemeente. Leveranciers mogen de data niet verkopen of voor iets anders gebruiken.", "Rights to the data stay with the municipality. Suppliers may not sell the data or use it for anything else."}, nil},
	{"VNG VI", [2]string{"Juridische grondslag", "Legal basis"}, [2]string{"Er is vooraf een stevige wettelijke grondslag, vastgelegd in contracten. Een overheid kan zich niet op 'gerechtvaardigd belang' beroepen.", "There is a solid legal basis beforehand, laid down in contracts. A public authority cannot rely on 'legitimate interest'."}, nil},
	{"VNG 6.3", [2]string{"DPIA", "DPIA"}, [2]string{"Privacy en beveiliging vanaf het ontwerp, met een gegevensbeschermingseffectbeoordeling (DPIA) aan het begin.", "Privacy and security by design, with a data protection impact assessment (DPIA) at the start."}, nil},
	{"VNG 6.4", [2]string{"Bij twijfel persoonsgegeven", "When in doubt, personal data"}, [2]string{"Is niet zeker of gegevens persoonsgegevens zijn, dan worden ze zo behandeld.", "When it is unclear whether data is personal, it is treated as personal."}, nil},
	{"VNG 6.5", [2]string{"Private sensoren", "Private sensors"}, [2]string{"Private partijen met sensoren in de openbare ruimte houden zich aan dezelfde regels en melden hun sensoren.", "Private parties with sensors in public space follow the same rules and report their sensors."}, nil},
	{"VNG 6.6", [2]string{"DPIA gedeeld", "DPIA shared"}, [2]string{"Private partijen wordt gevraagd hun DPIA te delen voor publicatie.", "Private parties are asked to share their DPIA for publication."}, nil},
	{"VNG 6.1", [2]string{"Inkoopvoorwaarden", "Procurement conditions"}, [2]string{"Inkoopvoorwaarden beschermen grondrechten; gekochte data is rechtmatig verzameld.", "Procurement conditions protect fundamental rights; purchased data was collected lawfully."}, nil},
	{"VNG 7.4", [2]string{"Beveiliging", "Security"}, [2]string{"Veilige apparaten en infrastructuur; privacy en beveiliging vanaf het ontwerp als harde eis bij inkoop.", "Secure devices and infrastructure; privacy and security by design as a hard procurement demand."}, nil},
	{"VNG 7.5", [2]string{"Minimalisatie", "Minimisation"}, [2]string{"Niet meer sensoren of mogelijkheden dan het doel vraagt, bijvoorbeeld een camera met lage resolutie om drukte te tellen.", "No more sensors or capabilities than the purpose needs, for example a low-resolution camera to count crowds."}, []record.Kind{record.Sensor}},
	{"VNG 7.6", [2]string{"Ketenrisico", "Supply-chain risk"}, [2]string{"Let op risico's zoals spionage: wees open over fabrikant, model en land van herkomst.", "Mind risks such as espionage: be open about the manufacturer, model and country of origin."}, []record.Kind{record.Sensor}},
	{"VNG 7.7", [2]string{"Beveiligingsaudit", "Security audit"}, [2]string{"Een onafhankelijke beveiligingsaudit, met regelmaat herhaald.", "An independent security audit, repeated regularly."}, nil},
	{"C-camera-temporary", [2]string{"Camera's tijdelijk", "Cameras are temporary"}, [2]string{"Camera's alleen als tijdelijke maatregel voor een specifiek probleem in een specifieke buurt, met een einddatum.", "Cameras only as a temporary measure for a specific problem in a specific neighbourhood, with an end date."}, []record.Kind{record.Sensor}},
	{"C-camera-yearly", [2]string{"Camera's elk jaar geëvalueerd", "Cameras evaluated every year"}, [2]string{"Camera's voor veiligheid worden elk jaar geëvalueerd.", "Security cameras are evaluated every year."}, []record.Kind{record.Sensor}},
	{"C-no-live-face", [2]string{"Geen live gezichtsherkenning", "No live face recognition"}, [2]string{"De gemeente is tegen live gezichtsherkenning.", "The municipality is against live face recognition."}, []record.Kind{record.Sensor}},
	{"C-algorithm-register", [2]string{"Volledig algoritmeregister", "Complete algorithm register"}, [2]string{"Een volledig, gedetailleerd algoritmeregister in begrijpelijke taal, met de gebruikte datasets en de broncode.", "A complete, detailed algorithm register in plain language, with the datasets used and the source code."}, []record.Kind{record.Algorithm}},
	{"C-human-oversight", [2]string{"Menselijke tussenkomst", "Human oversight"}, [2]string{"Besluiten over mensen met AI hebben altijd menselijke tussenkomst en een motivering; mensen mogen weten welke factoren meetellen en hoe ze bezwaar maken.", "Decisions about people made with AI always have human oversight and a motivation; people may know which factors count and how to object."}, []record.Kind{record.Algorithm}},
	{"C-sensor-register", [2]string{"Meldplicht sensoren", "Duty to report sensors"}, [2]string{"Een openbaar sensorregister met meldplicht, ook voor private sensoren: melden ruim voordat de sensor start.", "A public sensor register with a duty to report, also for private sensors: report well before the sensor starts."}, []record.Kind{record.Sensor}},
	{"C-sharing-temporary", [2]string{"Gegevensdeling tijdelijk", "Data sharing is temporary"}, [2]string{"Afspraken over gegevensdeling zijn altijd tijdelijk, met afspraken over bewaren, vernietigen en niet doorgeven.", "Data-sharing agreements are always temporary, with agreements on retention, destruction and no onward sharing."}, nil},
	{"C-correction-desk", [2]string{"Meldpunt voor fouten", "Desk for corrections"}, [2]string{"Er is een meldpunt om onjuiste gegevens te laten verbeteren of verwijderen. Elke registratie linkt ernaar.", "There is a desk to have wrong data corrected or deleted. Every record links to it."}, nil},
	{"C-breach", [2]string{"Datalekken op tijd gemeld", "Data breaches reported in time"}, [2]string{"Een datalek wordt binnen 72 uur gemeld bij de Autoriteit Persoonsgegevens, of de vertraging wordt uitgelegd.", "A data breach is reported to the Dutch Data Protection Authority within 72 hours, or the delay is explained."}, nil},
	{"C-ethics-committee", [2]string{"Ethische commissie", "Ethics committee"}, [2]string{"Een ethische commissie adviseert, gevraagd en ongevraagd.", "An ethics committee advises, asked and unasked."}, nil},
	{"exceptions", [2]string{"Goedgekeurde uitzonderingen", "Approved exceptions"}, [2]string{"Wijkt een registratie af van een regel, dan staat in de registratie wie dat goedkeurde, waarom, op welke wettelijke grond en tot wanneer. Een verlopen uitzondering telt niet meer.", "When a record departs from a rule, it says who approved that, why, on which legal basis and until when. An expired exception no longer counts."}, nil},
	{"C-open-source", [2]string{"Open source", "Open source"}, [2]string{"Software die voor de gemeente is gemaakt, wordt openbaar gemaakt.", "Software made for the municipality is published."}, []record.Kind{record.Algorithm}},
}

// principleAnchors are the anchors of principles, in the same order.
var principleAnchors = func() []string {
	out := make([]string, len(principles))
	for i, p := range principles {
		out[i] = Anchor(p.Ref)
	}
	return out
}()

// refAnchors returns the anchors of the references a finding cites.
func refAnchors(principle string) []string {
	var out []string
	for _, r := range splitRefs(principle) {
		out = append(out, Anchor(r))
	}
	return out
}

// Explains reports whether the principles page explains the principle a
// finding or rule cites (every reference in it).
func Explains(ref string) bool {
	for _, a := range refAnchors(ref) {
		if principleByRef[a] == nil {
			return false
		}
	}
	return ref != ""
}

// principleByRef indexes principles by their normalised reference.
var principleByRef = func() map[string]*Principle {
	m := map[string]*Principle{}
	for i := range principles {
		m[Anchor(principles[i].Ref)] = &principles[i]
	}
	return m
}()

// Anchor returns the fragment of a principle on the principles page:
// "VNG 2.1" → "vng-2-1", "C-breach" → "c-breach".
func Anchor(ref string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.TrimSpace(ref)) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// splitRefs splits a finding's principle field, which may cite more than one
// reference ("VNG 2.1, C-no-live-face"), and normalises bare references
// ("2.1" or "III") to the "VNG ..." form the table uses.
func splitRefs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !strings.HasPrefix(p, "C-") && !strings.HasPrefix(strings.ToUpper(p), "VNG") && p != "exceptions" {
			p = "VNG " + p
		}
		out = append(out, p)
	}
	return out
}

// appliesTo reports whether a principle concerns records of the kind.
func (p *Principle) appliesTo(k record.Kind) bool {
	if len(p.Kinds) == 0 {
		return true
	}
	for _, x := range p.Kinds {
		if x == k {
			return true
		}
	}
	return false
}
