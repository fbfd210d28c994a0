package principle

import (
	"strings"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

// Principle is one principle of the VNG (2022) or one commitment of the
// municipal programme, as the rules cite it and the public site and the
// committee's packet name it.
type Principle struct {
	// Ref is the reference as findings cite it: "VNG 2.1" for a VNG
	// (sub-)principle, the commitment's id ("C-breach"), or "exceptions".
	Ref string
	// Label names it, Dutch and English (shared/principles.md's Dutch label
	// where it gives one).
	Label label.Text
	// Summary says what it asks, in plain language, Dutch and English; the
	// principles page explains the principles that have one. A principle
	// without one is named where something cites it, but no rule of the
	// checklist checks it.
	Summary label.Text
	// Kinds are the kinds of record it concerns; empty for both.
	Kinds []record.Kind
}

// Explained reports whether the principles page explains the principle.
func (p Principle) Explained() bool { return p.Summary[0] != "" }

// AppliesTo reports whether the principle concerns records of kind k.
func (p Principle) AppliesTo(k record.Kind) bool {
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

// Catalogue is every principle and commitment a finding may cite, in the
// order the principles page shows them (shared/principles.md's, but for 6.1
// and 6.2 after 6.6 and the exceptions before C-open-source, as the site has
// always listed them). Summaries are ours, in plain language.
var Catalogue = []Principle{
	{Ref: "VNG I", Label: [2]string{"Democratisch besluit", "Democratic decision"},
		Summary: [2]string{"Inzet in de openbare ruimte gebeurt pas na een besluit van de gemeenteraad of het college, op basis van een plan met doel, aanpak, evaluatie en risico's. Een private partij laat een vergunning of melding zien.", "Deployment in public space follows a decision of the council or college, based on a plan with goal, approach, evaluation and risks. A private operator shows its permit or notification."}},
	{Ref: "VNG II", Label: [2]string{"Maatschappelijke waarde", "Public value"},
		Summary: [2]string{"Technologie dient publieke waarden. Mensen kunnen zich anoniem en onbespied door de openbare ruimte bewegen.", "Technology serves public values. People can move through public space anonymously and unobserved."}},
	{Ref: "VNG 2.1", Label: [2]string{"Geen biometrische surveillance", "No biometric surveillance"},
		Summary: [2]string{"Nooit individuen volgen in de openbare ruimte; geen gezichtsherkenning of andere biometrische surveillance, en geen telefoons volgen. Alleen met een specifieke wettelijke grondslag voor politietaken mag het wel.", "Never follow individuals in public space: no face recognition or other biometric surveillance, and no tracking of phones. Only a specific legal basis for police tasks allows it."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "VNG 2.2", Label: [2]string{"Risicoanalyse", "Risk analysis"},
		Summary: [2]string{"Breng nadelige gevolgen in kaart: mensen die zich anders gaan gedragen, discriminatie en stigmatisering van een groep of wijk, en stapeling van systemen.", "Map the negative effects: people changing their behaviour, discrimination and stigmatisation of a group or neighbourhood, and the stacking of systems."}},
	{Ref: "VNG III", Label: [2]string{"Evaluatie", "Evaluation"},
		Summary: [2]string{"Doelen, kansen en risico's worden vooraf in kaart gebracht en steeds opnieuw geëvalueerd, minstens elke bestuursperiode van vier jaar.", "Goals, opportunities and risks are mapped beforehand and evaluated continuously, at least every four-year term."}},
	{Ref: "VNG 3.1", Label: [2]string{"Probleem en alternatieven", "Problem and alternatives"},
		Summary: [2]string{"Eerst het probleem, dan pas de techniek: beschrijf welk probleem het oplost en welke alternatieven zijn overwogen. Stop als het geen waarde meer heeft.", "First the problem, then the technology: say which problem it solves and which alternatives were considered. Stop when it no longer adds value."}},
	{Ref: "VNG 3.2", Label: [2]string{"Afweging publieke waarden / IAMA", "Weighing public values / IAMA"},
		Summary: [2]string{"Weeg de publieke waarden die op het spel staan, bijvoorbeeld met een IAMA of DEDA, en volg de risicobenadering van de AI-verordening.", "Weigh the public values at stake, for example with an IAMA or DEDA, and follow the AI Act's risk approach."}},
	{Ref: "VNG 3.3", Label: [2]string{"Gestandaardiseerde documentatie", "Standard documentation"}},
	{Ref: "VNG 3.4", Label: [2]string{"Levensduur", "Life cycle"},
		Summary: [2]string{"Leg vooraf vast hoe lang het mag blijven. Loopt die tijd af, dan wordt geëvalueerd en volgens vooraf bepaalde voorwaarden besloten over verlenging.", "Decide beforehand how long it may stay. When that time ends, it is evaluated and extended only by criteria set in advance."}},
	{Ref: "VNG 3.5", Label: [2]string{"Zelflerend", "Self-learning"},
		Summary: [2]string{"Zelflerende technologie krijgt een zwaardere toets en wordt vaker geëvalueerd.", "Self-learning technology gets a heavier test and more frequent evaluation."},
		Kinds:   []record.Kind{record.Algorithm}},
	{Ref: "VNG 3.6", Label: [2]string{"Sensor- en cameraplan", "Sensor and camera plan"}},
	{Ref: "VNG 3.7", Label: [2]string{"Verantwoordelijke", "Responsible officer"},
		Summary: [2]string{"Elke sensor en elk algoritme heeft een bekende, bereikbare verantwoordelijke. Zonder verantwoordelijke wordt het direct uitgezet.", "Every sensor and algorithm has a known, reachable responsible officer. Without one it is switched off at once."}},
	{Ref: "VNG 3.8", Label: [2]string{"Onafhankelijke toetsing", "Independent review"},
		Summary: [2]string{"Een onafhankelijke partij, zoals een ethische commissie of de rekenkamer, toetst of de inzet evenredig en doeltreffend is, samen met inwoners.", "An independent body, such as an ethics committee or audit office, reviews whether the deployment is proportionate and effective, with residents."}},
	{Ref: "VNG IV", Label: [2]string{"Transparantie", "Transparency"}},
	{Ref: "VNG 4.1", Label: [2]string{"Transparantie", "Transparency"},
		Summary: [2]string{"Wees open over het gebruik, de waarborgen voor privacy en beveiliging, de grondslag, de besluiten en de resultaten, in begrijpelijke taal.", "Be open about the use, the privacy and security safeguards, the legal grounds, the decisions and the results, in plain language."}},
	{Ref: "VNG 4.2", Label: [2]string{"Registratie", "Registration"}},
	{Ref: "VNG 4.3", Label: [2]string{"Herkenbaarheid", "Recognisability"},
		Summary: [2]string{"Maak sensoren herkenbaar met borden of kleur, met het doel en een verwijzing naar dit register. Voor camera's is dat ook een wettelijke plicht.", "Make sensors recognisable with signs or colour, stating the purpose and pointing to this register. For cameras this is also a legal duty."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "VNG 4.4", Label: [2]string{"Dialoog", "Dialogue"}},
	{Ref: "VNG V", Label: [2]string{"Zeggenschap over data", "Control over data"},
		Summary: [2]string{"Inwoners houden zeggenschap over gegevens over hen. Verzamel zo weinig mogelijk, bewaar niet langer dan nodig, en maak verzamelde gegevens open waar dat kan.", "Residents keep control over data about them. Collect as little as possible, keep it no longer than needed, and open up collected data where possible."}},
	{Ref: "VNG 5.1", Label: [2]string{"Persoonsgegevens vermijden", "Avoid personal data"},
		Summary: [2]string{"Verwerk zo min mogelijk persoonsgegevens. Wie ze toch verwerkt, doet eerst een DPIA en heeft een wettelijke grondslag.", "Process as little personal data as possible. Whoever does process it first carries out a DPIA and has a legal basis."}},
	{Ref: "VNG 5.2", Label: [2]string{"Datarechten", "Data rights"},
		Summary: [2]string{"De rechten op de data blijven bij de gemeente. Leveranciers mogen de data niet verkopen of voor iets anders gebruiken.", "Rights to the data stay with the municipality. Suppliers may not sell the data or use it for anything else."}},
	{Ref: "VNG VI", Label: [2]string{"Juridische grondslag", "Legal basis"},
		Summary: [2]string{"Er is vooraf een stevige wettelijke grondslag, vastgelegd in contracten. Een overheid kan zich niet op 'gerechtvaardigd belang' beroepen.", "There is a solid legal basis beforehand, laid down in contracts. A public authority cannot rely on 'legitimate interest'."}},
	{Ref: "VNG 6.3", Label: [2]string{"DPIA", "DPIA"},
		Summary: [2]string{"Privacy en beveiliging vanaf het ontwerp, met een gegevensbeschermingseffectbeoordeling (DPIA) aan het begin.", "Privacy and security by design, with a data protection impact assessment (DPIA) at the start."}},
	{Ref: "VNG 6.4", Label: [2]string{"Bij twijfel persoonsgegeven", "When in doubt, personal data"},
		Summary: [2]string{"Is niet zeker of gegevens persoonsgegevens zijn, dan worden ze zo behandeld.", "When it is unclear whether data is personal, it is treated as personal."}},
	{Ref: "VNG 6.5", Label: [2]string{"Private sensoren", "Private sensors"},
		Summary: [2]string{"Private partijen met sensoren in de openbare ruimte houden zich aan dezelfde regels en melden hun sensoren.", "Private parties with sensors in public space follow the same rules and report their sensors."}},
	{Ref: "VNG 6.6", Label: [2]string{"DPIA gedeeld", "DPIA shared"},
		Summary: [2]string{"Private partijen wordt gevraagd hun DPIA te delen voor publicatie.", "Private parties are asked to share their DPIA for publication."}},
	{Ref: "VNG 6.1", Label: [2]string{"Inkoopvoorwaarden", "Procurement conditions"},
		Summary: [2]string{"Inkoopvoorwaarden beschermen grondrechten; gekochte data is rechtmatig verzameld.", "Procurement conditions protect fundamental rights; purchased data was collected lawfully."}},
	{Ref: "VNG 6.2", Label: [2]string{"Inkoopvoorwaarden", "Procurement conditions"}},
	{Ref: "VNG VII", Label: [2]string{"Open standaarden", "Open standards"}},
	{Ref: "VNG 7.4", Label: [2]string{"Beveiliging", "Security"},
		Summary: [2]string{"Veilige apparaten en infrastructuur; privacy en beveiliging vanaf het ontwerp als harde eis bij inkoop.", "Secure devices and infrastructure; privacy and security by design as a hard procurement demand."}},
	{Ref: "VNG 7.5", Label: [2]string{"Minimalisatie", "Minimisation"},
		Summary: [2]string{"Niet meer sensoren of mogelijkheden dan het doel vraagt, bijvoorbeeld een camera met lage resolutie om drukte te tellen.", "No more sensors or capabilities than the purpose needs, for example a low-resolution camera to count crowds."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "VNG 7.6", Label: [2]string{"Ketenrisico", "Supply-chain risk"},
		Summary: [2]string{"Let op risico's zoals spionage: wees open over fabrikant, model en land van herkomst.", "Mind risks such as espionage: be open about the manufacturer, model and country of origin."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "VNG 7.7", Label: [2]string{"Beveiligingsaudit", "Security audit"},
		Summary: [2]string{"Een onafhankelijke beveiligingsaudit, met regelmaat herhaald.", "An independent security audit, repeated regularly."}},
	{Ref: "C-camera-temporary", Label: [2]string{"Camera's tijdelijk", "Cameras are temporary"},
		Summary: [2]string{"Camera's alleen als tijdelijke maatregel voor een specifiek probleem in een specifieke buurt, met een einddatum.", "Cameras only as a temporary measure for a specific problem in a specific neighbourhood, with an end date."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "C-camera-yearly", Label: [2]string{"Camera's elk jaar geëvalueerd", "Cameras evaluated every year"},
		Summary: [2]string{"Camera's voor veiligheid worden elk jaar geëvalueerd.", "Security cameras are evaluated every year."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "C-no-live-face", Label: [2]string{"Geen live gezichtsherkenning", "No live face recognition"},
		Summary: [2]string{"De gemeente is tegen live gezichtsherkenning.", "The municipality is against live face recognition."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "C-algorithm-register", Label: [2]string{"Volledig algoritmeregister", "Complete algorithm register"},
		Summary: [2]string{"Een volledig, gedetailleerd algoritmeregister in begrijpelijke taal, met de gebruikte datasets en de broncode.", "A complete, detailed algorithm register in plain language, with the datasets used and the source code."},
		Kinds:   []record.Kind{record.Algorithm}},
	{Ref: "C-human-oversight", Label: [2]string{"Menselijke tussenkomst", "Human oversight"},
		Summary: [2]string{"Besluiten over mensen met AI hebben altijd menselijke tussenkomst en een motivering; mensen mogen weten welke factoren meetellen en hoe ze bezwaar maken.", "Decisions about people made with AI always have human oversight and a motivation; people may know which factors count and how to object."},
		Kinds:   []record.Kind{record.Algorithm}},
	{Ref: "C-sensor-register", Label: [2]string{"Meldplicht sensoren", "Duty to report sensors"},
		Summary: [2]string{"Een openbaar sensorregister met meldplicht, ook voor private sensoren: melden ruim voordat de sensor start.", "A public sensor register with a duty to report, also for private sensors: report well before the sensor starts."},
		Kinds:   []record.Kind{record.Sensor}},
	{Ref: "C-sharing-temporary", Label: [2]string{"Gegevensdeling tijdelijk", "Data sharing is temporary"},
		Summary: [2]string{"Afspraken over gegevensdeling zijn altijd tijdelijk, met afspraken over bewaren, vernietigen en niet doorgeven.", "Data-sharing agreements are always temporary, with agreements on retention, destruction and no onward sharing."}},
	{Ref: "C-correction-desk", Label: [2]string{"Meldpunt voor fouten", "Desk for corrections"},
		Summary: [2]string{"Er is een meldpunt om onjuiste gegevens te laten verbeteren of verwijderen. Elke registratie linkt ernaar.", "There is a desk to have wrong data corrected or deleted. Every record links to it."}},
	{Ref: "C-breach", Label: [2]string{"Datalekken op tijd gemeld", "Data breaches reported in time"},
		Summary: [2]string{"Een datalek wordt binnen 72 uur gemeld bij de Autoriteit Persoonsgegevens, of de vertraging wordt uitgelegd.", "A data breach is reported to the Dutch Data Protection Authority within 72 hours, or the delay is explained."}},
	{Ref: "C-ethics-committee", Label: [2]string{"Ethische commissie", "Ethics committee"},
		Summary: [2]string{"Een ethische commissie adviseert, gevraagd en ongevraagd.", "An ethics committee advises, asked and unasked."}},
	{Ref: "exceptions", Label: [2]string{"Goedgekeurde uitzonderingen", "Approved exceptions"},
		Summary: [2]string{"Wijkt een registratie af van een regel, dan staat in de registratie wie dat goedkeurde, waarom, op welke wettelijke grond en tot wanneer. Een verlopen uitzondering telt niet meer.", "When a record departs from a rule, it says who approved that, why, on which legal basis and until when. An expired exception no longer counts."}},
	{Ref: "C-open-source", Label: [2]string{"Open source", "Open source"},
		Summary: [2]string{"Software die voor de gemeente is gemaakt, wordt openbaar gemaakt.", "Software made for the municipality is published."},
		Kinds:   []record.Kind{record.Algorithm}},
}

// byAnchor indexes the catalogue by Anchor of the reference.
var byAnchor = func() map[string]int {
	m := make(map[string]int, len(Catalogue))
	for i, p := range Catalogue {
		m[Anchor(p.Ref)] = i
	}
	return m
}()

// Find returns the principle a reference names, however it is spaced or
// capitalised ("VNG 2.1", "vng 2.1"), and whether the catalogue has it.
func Find(ref string) (Principle, bool) {
	i, ok := byAnchor[Anchor(ref)]
	if !ok {
		return Principle{}, false
	}
	return Catalogue[i], true
}

// Position returns a reference's place in the catalogue, for sorting
// references as the principles page lists them; one past the end for a
// reference the catalogue does not have.
func Position(ref string) int {
	if i, ok := byAnchor[Anchor(ref)]; ok {
		return i
	}
	return len(Catalogue)
}

// SplitRefs splits a finding's principle field, which may cite more than
// one reference ("VNG 2.1, C-no-live-face", "IV / 4.1"), and writes each as
// the catalogue does: a known reference in its spelling there, a bare VNG
// number ("2.1", "III") with "VNG " before it, anything else as it is.
func SplitRefs(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if pr, ok := Find(p); ok {
			p = pr.Ref
		} else if pr, ok := Find("VNG " + p); ok {
			p = pr.Ref
		} else if bareVNG(p) {
			p = "VNG " + p
		}
		out = append(out, p)
	}
	return out
}

// bareVNG reports whether a reference is a VNG number without "VNG": a
// Roman numeral (a principle) or a number such as 4.4 or 7.1-7.3 (a
// sub-principle).
func bareVNG(p string) bool {
	if p[0] >= '0' && p[0] <= '9' {
		return strings.Trim(p, "0123456789.-") == ""
	}
	return strings.Trim(p, "IVX") == ""
}

// Anchor returns a reference as the fragment of its place on the
// principles page: "VNG 2.1" → "vng-2-1", "C-breach" → "c-breach".
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
