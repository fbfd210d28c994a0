package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/lifecycle"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// personalRef cites 6.4 when the record does not know whether it processes
// personal data (and is therefore treated as if it does), else ref.
func personalRef(r *record.Record, ref string) string {
	if r.PersonalData.Processed == "yes" {
		return ref
	}
	return "VNG 6.4" // unknown, or personal by the sensor's nature, counts as personal
}

// personalWhy says why personal data is assumed, for messages.
func personalWhy(r *record.Record) string {
	if r.PersonalData.Processed == "yes" {
		return "the record processes personal data"
	}
	// The GDPR's definition is not cited for police data (outsideGDPR).
	cite, own := "; GDPR art. 4(1)", " (GDPR art. 4(1))"
	if outsideGDPR(r) {
		cite, own = "", ""
	}
	if why, ok := r.PersonalByNature(); ok {
		return fmt.Sprintf("the %s processes personal data by its nature (%s%s)", kindName(r).en, why, cite)
	}
	if why, ok := personalWhyOf(r); ok {
		if !picksUpPeople(r) {
			return fmt.Sprintf("the record's own fields say the %s processes personal data (%s%s)", kindName(r).en, why.In("en"), cite)
		}
		return fmt.Sprintf("the record says the sensor processes identifiers of people (%s), which are personal data%s", why.In("en"), own)
	}
	return "it is not known whether the record processes personal data, so it counts as personal data (6.4)"
}

// personalWhyNL is personalWhy in Dutch, as sentences of its own (short
// sentences read more easily than a clause after "terwijl").
func personalWhyNL(r *record.Record) string {
	if r.PersonalData.Processed == "yes" {
		return "Er worden persoonsgegevens verwerkt."
	}
	cite, own := "; AVG art. 4 lid 1", " (AVG art. 4 lid 1)"
	if outsideGDPR(r) {
		cite, own = "", ""
	}
	if why, ok := r.PersonalByNature(); ok {
		k := kindName(r)
		return fmt.Sprintf("%s verwerkt door wat %s doet persoonsgegevens (%s%s).", capitalise(k.the), k.it, why, cite)
	}
	if why, ok := personalWhyOf(r); ok {
		if !picksUpPeople(r) {
			return fmt.Sprintf("Volgens de registratie zelf verwerkt %s persoonsgegevens (%s%s).", kindName(r).the, why.In("nl"), cite)
		}
		return fmt.Sprintf("Volgens de registratie verwerkt de sensor kenmerken van mensen (%s). Dat zijn persoonsgegevens%s.", why.In("nl"), own)
	}
	return "Het is niet bekend of er persoonsgegevens worden verwerkt. Dan gelden de gegevens als persoonsgegevens (6.4)."
}

// picksUpPeople reports whether a sensor says it picks up identifiers of
// people (record.HasSign): licence plates, device identifiers, location
// traces or faces. What else makes a record's own fields personal data (a
// dataset of personal data, a special category) is told as what the
// record says.
func picksUpPeople(r *record.Record) bool {
	return slices.ContainsFunc([]record.SignKind{record.SignDevice, record.SignLocation, record.SignPlates, record.SignFaces}, r.HasSign)
}

// kind names a kind of record in a sentence, in English and in Dutch.
type kind struct {
	en   string // "sensor"
	enA  string // "a sensor"
	the  string // "de sensor"
	a    string // "een sensor"
	it   string // "hij", what refers back to it
	that string // "die", what begins a clause about it
}

// kindName names the record's kind: what holds for a sensor by its nature
// holds for an algorithm that states the same capability.
func kindName(r *record.Record) kind {
	if r.Kind == record.Algorithm {
		return kind{"algorithm", "an algorithm", "het algoritme", "een algoritme", "het", "dat"}
	}
	return kind{"sensor", "a sensor", "de sensor", "een sensor", "hij", "die"}
}

// personalInUse reports whether the record processes personal data (or
// counts as doing so, 6.4) and is not retired: what the DPIA concerns.
func personalInUse(r *record.Record) bool { return personal(r) && !retired(r) }

var dpiaRequired = &Rule{
	ID: "dpia-required", Ref: "VNG 6.3", Default: finding.Error, Covers: []string{"VNG 6.4"}, Applies: personalInUse,
	// A DPIA done after the processing began, or done without its date:
	// a warning, as the record cannot be corrected now.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	// A DPIA for all personal data is VNG 6.3's policy; the law demands one
	// where it names the processing (dpiaLaw): the GDPR, or for police
	// data the Law Enforcement Directive (lawOf).
	Law: lawDPIA, LawScope: label.Text{
		"voor sensoren die persoonsgegevens (kunnen) verwerken, en voor cameratoezicht, volgen, biometrie, bijzondere persoonsgegevens, profilering en geautomatiseerde besluiten",
		"for sensors that (may) process personal data, and for cameras, tracking, biometrics, special categories, profiling and automated decisions"},
	Title: label.Text{"DPIA uitgevoerd", "DPIA done"},
	Why: label.Text{
		"Privacy en beveiliging zijn een harde eis vanaf het ontwerp; bij het begin van een project voeren we een gegevensbeschermingseffectbeoordeling (DPIA) uit (VNG-principe 6.3). Bij twijfel of gegevens persoonsgegevens zijn, behandelen we ze als persoonsgegevens (6.4).",
		"Privacy and security by design are a hard requirement; a data protection impact assessment (DPIA) is done at the start of a project (VNG principle 6.3). When in doubt whether data is personal, it is treated as personal (6.4).",
	},
	Satisfy: label.Text{
		"Een registratie die persoonsgegevens verwerkt (personal_data.processed yes of unknown), heeft dpia.status done voordat ze in gebruik gaat, of not_required met een reden. Zolang ze gepland of in ontwikkeling is, is in_progress genoeg. not_required telt niet waar de wet een DPIA eist: bij biometrie, bijzondere persoonsgegevens, camera's, het volgen van apparaten of mensen, het lezen van kentekens, elke andere sensor die beelden of geluid van mensen in de openbare ruimte opneemt of analyseert (wat het type sensor ook is), en bij profilering en geautomatiseerde besluiten, ook een voorspelling over mensen (affects_individuals: true). Bij beslisondersteuning over mensen geeft not_required de waarschuwing van de wet: beoordeelt ze kenmerken van de mensen zelf, dan is ze profilering. Noemt ai_act.annex_iii een punt over het beoordelen van mensen (zoals 5(b), kredietwaardigheid), dan is ze profilering en telt not_required niet.",
		"A record that processes personal data (personal_data.processed yes or unknown) has dpia.status done before it goes into use, or not_required with a reason. While it is planned or in development, in_progress is enough. not_required does not count where the law demands a DPIA: biometrics, special categories, cameras, tracking devices or people, reading licence plates, any other sensor that records or analyses images or sound of people in public space (whatever its sensor type), and profiling and automated decisions, a prediction about people (affects_individuals: true) among them. For decision support about people, not_required gets the law's warning: where it evaluates aspects of the people themselves, it is profiling. Where ai_act.annex_iii names a point about evaluating people (such as 5(b), creditworthiness), it is profiling and not_required does not count.",
	},
	Example: example(`personal_data: {processed: yes, categories: [camera images]}
dpia:
  status: done
  date: 2026-02-10
  url: https://voorbeeldstad.example/dpia/cam-markt.pdf
  public: true`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		fs, policy := checkDPIA(ctx, r)
		if dpiaLaw(r) && !policy {
			for i := range fs {
				fs[i] = lawful(fs[i], lawOf(r, lawDPIA))
			}
		}
		return fs
	},
}

// dpiaLaw reports whether the law, not only the principle, demands the
// record's DPIA: where the law or the Dutch DPA's list names the
// processing (dpiaMandatory), and for a sensor in public space that
// processes personal data, or may (VNG 6.4): it monitors people
// systematically (GDPR art. 35(3)(c); the list's Internet of Things and
// observation of behaviour). Privacy fails closed: where nobody knows
// whether a sensor processes personal data, no setting silences it.
// Police data are outside the GDPR (art. 2(2)(d)), but the Law
// Enforcement Directive asks a DPIA of processing likely to be of high
// risk before it starts (art. 27), which these are: there the finding
// cites the directive (lawOf).
func dpiaLaw(r *record.Record) bool {
	if _, _, ok := dpiaMandatory(r); ok {
		return true
	}
	return r.Kind == record.Sensor && personal(r)
}

// dpiaBefore is the article that asks for the record's DPIA before the
// processing: GDPR art. 35(1), or on police data the directive's
// (lawOf).
func dpiaBefore(r *record.Record) label.Text {
	if outsideGDPR(r) {
		return lawOf(r, lawDPIA)
	}
	return label.Text{"AVG art. 35 lid 1", "GDPR art. 35(1)"}
}

// checkDPIA is dpia-required's check, before its findings are marked as
// legal duties where the law demands a DPIA; policy is set when its finding
// is the principle's even then (a DPIA after the start of processing older
// than the GDPR).
func checkDPIA(ctx *Context, r *record.Record) (fs []finding.Finding, policy bool) {
	if !personal(r) || retired(r) {
		return nil, false
	}
	ref := personalRef(r, "VNG 6.3")
	planned := !inService(ctx, r) // its dates can show it in use, whatever its status says
	sev := finding.Off
	if planned {
		sev = finding.Warning
	}
	var f finding.Finding
	switch {
	case r.DPIA == nil:
		f = missing("",
			en(fmt.Sprintf("no DPIA is recorded, while %s", personalWhy(r)),
				"do a DPIA before the record goes into use and add dpia: {status: done, date, url}; if none is required, add status: not_required with the reason"),
			nl(fmt.Sprintf("Er staat geen DPIA (gegevensbeschermingseffectbeoordeling) bij. %s", personalWhyNL(r)),
				"Voer een DPIA uit voordat de toepassing in gebruik gaat, en vul dpia in: {status: done, date, url}. Is een DPIA niet nodig, vul dan status: not_required in met de reden."))
	case r.DPIA.Status == "not_required":
		why, cite, ok := dpiaMandatory(r)
		if !ok && mayProfile(r) {
			return []finding.Finding{mayProfileWaived(r, ref)}, false
		}
		if !ok {
			return nil, false
		}
		if outsideGDPR(r) {
			cite = lawOf(r, lawDPIA) // the GDPR's list is not cited
		}
		// The citation goes with "mandatory": why may end in a
		// parenthesis of its own, or cite the definition it rests on.
		return []finding.Finding{worded(finding.Finding{Path: "/dpia/status", Principle: ref, Severity: finding.Error},
			en(fmt.Sprintf("dpia.status is not_required, but the law makes a DPIA mandatory (%s) for %s", cite.In("en"), why.In("en")),
				"do the DPIA before the processing starts and set dpia.status: done with its date and link; the law leaves no room for not_required here"),
			nl(fmt.Sprintf("Bij dpia.status staat not_required (niet nodig), maar de wet maakt een DPIA verplicht (%s) voor %s.", cite.In("nl"), why.In("nl")),
				"Voer de DPIA uit voordat de verwerking begint en vul dpia.status: done in, met de datum en een link. De wet laat hier geen ruimte voor 'niet nodig'."))}, false
	case r.DPIA.Status == "done":
		if _, ok := date(r.DPIA.Date); !ok {
			// The principle asks for the DPIA at the start: without its
			// date that cannot be shown.
			f := worded(finding.Finding{Path: "/dpia/date"},
				en("the DPIA is done but has no valid date (dpia.date), so it cannot be shown that it was done at the start",
					"add dpia.date as YYYY-MM-DD"),
				nl("De DPIA is uitgevoerd, maar er staat geen geldige datum bij (dpia.date). Dan is niet te zien of de DPIA bij het begin is gedaan.",
					"Vul dpia.date in als JJJJ-MM-DD."))
			if blank(r.DPIA.Date) {
				f.Path, f.Key = "/dpia", true
			}
			f.Principle, f.Severity = ref, finding.Warning
			return []finding.Finding{f}, false
		}
		d, _ := date(r.DPIA.Date)
		if !ctx.OnOrAfter(d) {
			// A DPIA dated after today is not done, whatever its status says.
			// Where the law asks for the DPIA, the sentence that says so
			// cites it, after why personal data are at stake.
			duty, plicht := "", ""
			if dpiaLaw(r) {
				before := dpiaBefore(r)
				duty = fmt.Sprintf(", and the law asks for the DPIA before the processing (%s)", before.In("en"))
				plicht = fmt.Sprintf(" De wet vraagt om de DPIA vóór de verwerking (%s).", before.In("nl"))
			}
			f = at("/dpia/date",
				en(fmt.Sprintf("dpia.status is done, but the DPIA is dated %s, a date still to come: it is not done yet, while %s%s", r.DPIA.Date, personalWhy(r), duty),
					"do the DPIA before the processing starts and record the day it was done; until then set dpia.status: in_progress, and if the date is wrong, correct dpia.date"),
				nl(fmt.Sprintf("Bij dpia.status staat done (uitgevoerd), maar de DPIA is van %s, een datum die nog moet komen. De DPIA is dus nog niet uitgevoerd. %s%s", datum(r.DPIA.Date), personalWhyNL(r), plicht),
					"Voer de DPIA uit voordat de verwerking begint en vul de datum in waarop dat is gebeurd. Vul tot dan dpia.status: in_progress in. Klopt de datum niet, verbeter dan dpia.date."))
			break
		}
		if start, ok := date(r.Lifecycle.Start); ok && d.After(start) {
			if !dpiaLaw(r) || start.Before(gdprFrom) {
				return []finding.Finding{worded(finding.Finding{Path: "/dpia/date", Principle: ref, Severity: finding.Warning},
					en(fmt.Sprintf("the DPIA is dated %s, after the start on %s: the principle asks for it at the start of the project", r.DPIA.Date, r.Lifecycle.Start),
						"next time do the DPIA before deployment; if the date is wrong, correct dpia.date"),
					nl(fmt.Sprintf("De DPIA is van %s, na de start op %s. Het principe vraagt om een DPIA bij het begin van het project.", datum(r.DPIA.Date), datum(r.Lifecycle.Start)),
						"Voer de DPIA de volgende keer uit voordat de toepassing in gebruik gaat. Klopt de datum niet, verbeter dan dpia.date."))}, true
			}
			// The law asks for the DPIA before the processing (art. 35(1)):
			// processing without it was a breach, which a later DPIA does
			// not undo, so the law is cited and no setting silences it. It
			// is a warning, not an error: the DPIA is done now, and an
			// error no record can correct would keep CI red for ever, or
			// push a steward to change the date.
			return []finding.Finding{cites(worded(finding.Finding{Path: "/dpia/date", Principle: ref, Severity: finding.Warning},
				en(fmt.Sprintf("the DPIA is dated %s, after the processing started on %s: the law asks for the DPIA before the processing", r.DPIA.Date, r.Lifecycle.Start),
					"if the date is wrong, correct dpia.date; if it is right, the processing ran without the DPIA the law requires: report it to the data protection officer, and do the DPIA before any change to the processing"),
				nl(fmt.Sprintf("De DPIA is van %s, na de start van de verwerking op %s. De wet vraagt om de DPIA vóór de verwerking.", datum(r.DPIA.Date), datum(r.Lifecycle.Start)),
					"Klopt de datum niet, verbeter dan dpia.date. Klopt ze wel, dan liep de verwerking zonder de DPIA die de wet vooraf vraagt: meld het bij de functionaris gegevensbescherming, en voer de DPIA uit vóór elke wijziging van de verwerking.")),
				dpiaBefore(r).In("en"), dpiaBefore(r).In("nl"))}, false
		}
		return nil, false
	case r.DPIA.Status == "in_progress" && planned:
		return nil, false
	default:
		status := r.Status
		statusNL := fmt.Sprintf("de status is al '%s' (%s)", strings.ToLower(label.Value("nl", "status", r.Status)), r.Status)
		if !planned && (!deployed(r) || r.StatusLabel != "") {
			// In use by its own dates, whatever its status says.
			status, statusNL = statusWords(r)
			statusNL = strings.ToLower(statusNL[:1]) + statusNL[1:]
		}
		f = at("/dpia/status",
			en(fmt.Sprintf("the DPIA is %s, while %s and the record is %s", r.DPIA.Status, personalWhy(r), status),
				"finish the DPIA and set dpia.status: done with its date and link, or stop using the system until it is done"),
			nl(fmt.Sprintf("De DPIA is %s (%s), maar %s. %s",
				strings.ToLower(label.Value("nl", "dpia.status", r.DPIA.Status)), r.DPIA.Status,
				statusNL, personalWhyNL(r)),
				"Maak de DPIA af en vul dpia.status: done in, met de datum en een link. Of stop met het gebruik tot de DPIA klaar is."))
	}
	f.Principle, f.Severity = ref, sev
	return []finding.Finding{f}, false
}

// gdprFrom is the day the GDPR applies from (art. 99(2)). Its duty of a
// DPIA before the processing concerns processing that started on or after
// it; for older processing a later DPIA is the principle's concern.
var gdprFrom = mustDate("2018-05-25")

// dpiaList is the Dutch DPA's list of processing that always needs a DPIA.
const (
	dpiaList   = "Dutch DPA DPIA list (Stcrt. 2019, 64418)"
	dpiaListNL = "DPIA-lijst van de Autoriteit Persoonsgegevens (Stcrt. 2019, 64418)"
)

// dpiaMandatory reports whether the law makes a DPIA mandatory for the
// record, saying why and citing the article or the Dutch DPA's list of
// processing that always needs one (camera surveillance, large-scale
// monitoring, location data, biometrics, profiling). What a sensor does
// decides it, whatever its sensor_type: a sensor that processes personal
// data of people in public space by its nature monitors a publicly
// accessible area (art. 35(3)(c)); an algorithm that predicts or evaluates
// aspects of people profiles them (art. 4(4)).
func dpiaMandatory(r *record.Record) (why, cite label.Text, ok bool) {
	if !personal(r) {
		return label.Text{}, label.Text{}, false
	}
	monitoring := label.Text{"AVG art. 35 lid 3 onder c; " + dpiaListNL, "GDPR art. 35(3)(c); " + dpiaList}
	point, evaluates := evaluatesPeople(r)
	switch {
	case biometricCapability(r) != "":
		return label.Text{"het verwerken van biometrische gegevens (" + biometricCapability(r) + ")", "processing biometric data (" + biometricCapability(r) + ")"},
			label.Text{dpiaListNL + "; AVG art. 35 lid 3 onder b", dpiaList + "; GDPR art. 35(3)(b)"}, true
	case special(r):
		return label.Text{"het verwerken van bijzondere persoonsgegevens", "processing special categories of personal data"},
			label.Text{"AVG art. 35 lid 3 onder b; " + dpiaListNL, "GDPR art. 35(3)(b); " + dpiaList}, true
	case r.Kind == record.Sensor && r.Regime() == "object_security":
		// Securing an object may film its own closed grounds: the
		// Dutch DPA's list names camera surveillance, art. 35(3)(c) only
		// a publicly accessible area.
		return label.Text{"cameratoezicht ter beveiliging van een object", "camera surveillance to secure an object"},
			label.Text{dpiaListNL, dpiaList}, true
	case r.Kind == record.Sensor && r.HasRegime():
		return label.Text{"het stelselmatig volgen van een openbare ruimte met camera's (cameratoezicht)", "systematic monitoring of a publicly accessible area with cameras"},
			monitoring, true
	case tracking(r) || r.Has("device_tracking") || r.Has("person_tracking"):
		return label.Text{"het volgen van apparaten of mensen (locatiegegevens)", "tracking devices or people (location data)"},
			label.Text{dpiaListNL, dpiaList}, true
	case r.Has("licence_plate_recognition") || r.Kind == record.Sensor && plates(r):
		return label.Text{"het herkennen van kentekens in de openbare ruimte (met tijd en plaats zijn dat locatiegegevens)", "recognising licence plates in a publicly accessible area (with time and place, location data)"},
			monitoring, true
	case r.Kind == record.Sensor && analysesPeople(r):
		return label.Text{"het stelselmatig analyseren van beelden van mensen in een openbare ruimte (image_analysis)", "systematic analysis of images of people in a publicly accessible area (image_analysis)"},
			monitoring, true
	case r.Kind == record.Sensor:
		if how, ok := personalWhyOf(r); ok {
			return label.Text{"het stelselmatig volgen van mensen in een openbare ruimte (" + how.In("nl") + ")", "systematic monitoring of people in a publicly accessible area (" + how.In("en") + ")"},
				monitoring, true
		}
	case r.Kind == record.Algorithm && (r.Role == "profiling" || r.Role == "automated_decision" && affectsPeople(r)):
		return label.Text{"profilering of geautomatiseerde besluiten over mensen", "profiling or automated decisions about people"},
			label.Text{"AVG art. 35 lid 3 onder a; " + dpiaListNL, "GDPR art. 35(3)(a); " + dpiaList}, true
	case r.Kind == record.Algorithm && r.Role == "decision_support" && evaluates:
		// Decision support whose own Annex III point is about evaluating
		// natural persons evaluates them: profiling (art. 4(4)), not the
		// passport-photo checker mayProfile warns about.
		why := label.Text{
			fmt.Sprintf("beslisondersteuning die mensen beoordeelt (bij ai_act.annex_iii staat %s: %s): dat is profilering (AVG art. 4 lid 4)", r.AIAct.AnnexIII, point.In("nl")),
			fmt.Sprintf("decision support that evaluates people (ai_act.annex_iii is %s: %s), which is profiling (GDPR art. 4(4))", r.AIAct.AnnexIII, point.In("en"))}
		if outsideGDPR(r) {
			why = label.Text{
				fmt.Sprintf("beslisondersteuning die mensen beoordeelt (bij ai_act.annex_iii staat %s: %s): dat is profilering", r.AIAct.AnnexIII, point.In("nl")),
				fmt.Sprintf("decision support that evaluates people (ai_act.annex_iii is %s: %s), which is profiling", r.AIAct.AnnexIII, point.In("en"))}
		}
		return why,
			label.Text{"AVG art. 35 lid 3 onder a; " + dpiaListNL, "GDPR art. 35(3)(a); " + dpiaList}, true
	case r.Kind == record.Algorithm && r.Role == "prediction" && affectsPeople(r):
		// Predicting aspects of people from their personal data is
		// profiling (art. 4(4)), whatever the role is called; the GDPR's
		// definition is not cited for police data. Decision support may
		// be (mayProfile).
		why := label.Text{"voorspellen of beoordelen van mensen (" + r.Role + "): dat is profilering (AVG art. 4 lid 4)", "predicting or evaluating aspects of people (" + r.Role + "), which is profiling (GDPR art. 4(4))"}
		if outsideGDPR(r) {
			why = label.Text{"voorspellen of beoordelen van mensen (" + r.Role + "): dat is profilering", "predicting or evaluating aspects of people (" + r.Role + "), which is profiling"}
		}
		return why,
			label.Text{"AVG art. 35 lid 3 onder a; " + dpiaListNL, "GDPR art. 35(3)(a); " + dpiaList}, true
	}
	return label.Text{}, label.Text{}, false
}

// evaluatingPoints are the points of AI Act Annex III whose own text is
// about evaluating natural persons: identifying, categorising or reading
// them biometrically (1), evaluating learners (3(b)-(d)), candidates and
// workers (4), their eligibility for benefits, their creditworthiness,
// their insurance risk or their emergency (5), law enforcement's
// assessments of them (6), migration's (7), and a court's help in judging
// them (8(a)). A bare point counts where all of its letters do.
var evaluatingPoints = map[string]label.Text{
	"1":    {"mensen biometrisch identificeren, indelen of hun emoties herkennen", "identifying or categorising people biometrically, or recognising their emotions"},
	"1(a)": {"biometrische identificatie van mensen op afstand", "remote biometric identification of people"},
	"1(b)": {"mensen biometrisch indelen naar gevoelige kenmerken", "categorising people biometrically by sensitive traits"},
	"1(c)": {"de emoties van mensen herkennen", "recognising people's emotions"},
	"3(b)": {"de leerresultaten van leerlingen en studenten beoordelen", "evaluating the learning outcomes of learners"},
	"3(c)": {"beoordelen welk onderwijsniveau iemand krijgt", "assessing the level of education a person will receive"},
	"3(d)": {"leerlingen en studenten bij toetsen controleren op verboden gedrag", "monitoring learners for prohibited behaviour during tests"},
	"4":    {"sollicitanten of werknemers selecteren of beoordelen", "selecting or evaluating candidates or workers"},
	"4(a)": {"sollicitanten selecteren of beoordelen", "selecting or evaluating candidates"},
	"4(b)": {"de prestaties en het gedrag van werknemers volgen en beoordelen", "monitoring and evaluating the performance and behaviour of workers"},
	"5":    {"mensen beoordelen voor uitkeringen, krediet, verzekeringen of noodhulp", "evaluating people for benefits, credit, insurance or emergency care"},
	"5(a)": {"beoordelen of mensen recht hebben op een uitkering of dienst van de overheid", "evaluating whether people are eligible for public assistance benefits and services"},
	"5(b)": {"de kredietwaardigheid of kredietscore van mensen", "the creditworthiness or credit score of natural persons"},
	"5(c)": {"het risico en de premie van mensen bij levens- en ziektekostenverzekeringen", "the risk and pricing of people for life and health insurance"},
	"5(d)": {"noodoproepen van mensen beoordelen en patiënten indelen naar urgentie", "evaluating people's emergency calls and triaging patients"},
	"6":    {"beoordelingen van mensen door politie en justitie", "law enforcement's assessments of natural persons"},
	"6(a)": {"de kans dat iemand slachtoffer wordt van een strafbaar feit", "the risk of a person becoming the victim of a criminal offence"},
	"6(b)": {"leugendetectors en vergelijkbare middelen bij politie en justitie", "polygraphs and similar tools in law enforcement"},
	"6(c)": {"de betrouwbaarheid van bewijs beoordelen in een strafzaak", "evaluating the reliability of evidence in a criminal case"},
	"6(d)": {"de kans dat iemand (opnieuw) een strafbaar feit pleegt, of iemands persoonlijkheid", "the risk of a person offending or re-offending, or their personality traits"},
	"6(e)": {"profilering van mensen bij het opsporen van strafbare feiten", "profiling natural persons in criminal investigations"},
	"7":    {"beoordelingen van mensen bij migratie, asiel en grenscontrole", "assessments of people in migration, asylum and border control"},
	"7(a)": {"leugendetectors en vergelijkbare middelen bij migratie", "polygraphs and similar tools in migration"},
	"7(b)": {"het risico beoordelen dat iemand vormt die het land in wil", "assessing a risk posed by a person entering the country"},
	"7(c)": {"aanvragen voor asiel, visa of verblijfsvergunningen van mensen beoordelen", "examining people's applications for asylum, visas or residence permits"},
	"7(d)": {"mensen opsporen, herkennen of identificeren bij migratie en grenscontrole", "detecting, recognising or identifying people in migration and border control"},
	"8(a)": {"een rechter helpen feiten en recht uit te zoeken en toe te passen", "assisting a judicial authority in researching and applying facts and law"},
}

// evaluatesPeople is what the record's own Annex III point (ai_act.annex_iii)
// says it does to people, where that is evaluating them
// (evaluatingPoints). Whatever the AI Act's category, or an exemption
// under its art. 6(3), the point says what the system is used for.
func evaluatesPeople(r *record.Record) (label.Text, bool) {
	if r.AIAct == nil {
		return label.Text{}, false
	}
	what, ok := evaluatingPoints[strings.ToLower(strings.Join(strings.Fields(r.AIAct.AnnexIII), ""))]
	return what, ok
}

// mayProfile reports whether the record is decision support about people
// on their personal data: profiling where it evaluates aspects of the
// people themselves (GDPR art. 4(4): their situation, health,
// reliability, behaviour), not where it measures a document, a photo's
// proportions or a property, which the record does not say.
func mayProfile(r *record.Record) bool {
	return r.Kind == record.Algorithm && r.Role == "decision_support" && affectsPeople(r) && personal(r)
}

// mayProfileWaived is the law's warning on decision support about people
// whose DPIA is waived: no setting silences it, and it is no verdict of a
// breach, for whether it profiles is the steward's to judge and say.
func mayProfileWaived(r *record.Record, ref string) finding.Finding {
	cite := label.Text{"AVG art. 35 lid 3 onder a, art. 4 lid 4; " + dpiaListNL, "GDPR art. 35(3)(a), art. 4(4); " + dpiaList}
	if outsideGDPR(r) {
		cite = lawOf(r, lawDPIA)
	}
	f := worded(finding.Finding{Path: "/dpia/status", Principle: ref, Severity: finding.Warning},
		en(fmt.Sprintf("dpia.status is not_required for decision support about people: where it evaluates aspects of the people themselves, it is profiling, for which the law makes a DPIA mandatory (%s)", cite.In("en")),
			"if it evaluates people (their situation, behaviour, reliability or health), do the DPIA and set dpia.status: done; if it judges only a document, a photo or an object, say so in dpia.reason, which residents read beside this warning"),
		nl(fmt.Sprintf("Bij dpia.status staat not_required (niet nodig) voor beslisondersteuning over mensen. Beoordeelt de toepassing kenmerken van de mensen zelf, dan is dat profilering, en dan maakt de wet een DPIA verplicht (%s).", cite.In("nl")),
			"Beoordeelt de toepassing mensen (hun situatie, gedrag, betrouwbaarheid of gezondheid), voer dan de DPIA uit en vul dpia.status: done in. Beoordeelt ze alleen een document, een foto of een voorwerp, zeg dat dan in dpia.reason. Inwoners lezen die reden naast deze waarschuwing."))
	return lawful(f, lawOf(r, lawDPIA))
}

// analysesPeople reports whether a sensor analyses images of people: image
// analysis that counts people, or a crowd counter that analyses images.
func analysesPeople(r *record.Record) bool {
	return r.Has("image_analysis") && (r.Has("people_counting") || r.SensorType == "crowd_counter")
}

var dpiaPublic = &Rule{
	ID: "dpia-public", Ref: "VNG 6.6", Default: finding.Warning,
	Applies: func(r *record.Record) bool { return r.Organisation.Type == "private" && personalInUse(r) },
	Title:   label.Text{"DPIA van private partij gedeeld", "Private operator's DPIA shared"},
	Why: label.Text{
		"Private partijen die technologie in de openbare ruimte inzetten, vragen we hun DPIA met de gemeente te delen, zodat die openbaar kan worden gemaakt (VNG-principe 6.6).",
		"Private parties that deploy technology in public space are asked to share their DPIA with the municipality for publication (VNG principle 6.6).",
	},
	Satisfy: label.Text{
		"Een registratie van een private partij die persoonsgegevens verwerkt, heeft een DPIA met public: true en een url.",
		"A record of a private operator that processes personal data has a DPIA with public: true and a url.",
	},
	Example: example(`organisation: {name: Parkeergarage Centrum BV, type: private}
dpia:
  status: done
  date: 2026-03-01
  url: https://voorbeeldstad.example/dpia/garage-centrum.pdf
  public: true`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if r.Organisation.Type != "private" || !personal(r) || retired(r) || r.DPIA == nil || r.DPIA.Status != "done" {
			return nil
		}
		if isTrue(r.DPIA.Public) && !blank(r.DPIA.URL) {
			return nil
		}
		return []finding.Finding{missing("/dpia",
			en("the private operator's DPIA is not published",
				"ask the operator to share its DPIA, publish it, and set dpia.public: true with dpia.url"),
			nl("De DPIA van de private partij is niet openbaar gemaakt.",
				"Vraag de partij om haar DPIA te delen, maak die openbaar en vul dpia.public: true in, met de link bij dpia.url."))}
	},
}

var legalBasis = &Rule{
	ID: "legal-basis", Ref: "VNG VI", Default: finding.Error, Cites: []string{"VNG 6.4"},
	// A lawful ground is the GDPR's (art. 6(1)); naming the law in the
	// register is the principle's (VI), a policy warning. Police data are
	// outside the GDPR (art. 2(2)(d)): their ground is the Law Enforcement
	// Directive's (lawOf).
	Law: lawLawfulGround, LawScope: label.Text{"voor een grondslag als er persoonsgegevens worden verwerkt", "for a lawful ground when personal data is processed"},
	// Regime other (a law of its own the register cannot check) and an
	// authority's interest outside its public task stay warnings.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	LawfulRoute:   label.Text{"leg een grondslag vast. Een overheid die zich op gerechtvaardigd belang beroept, legt bij legal_basis.outside_public_task uit waarom de verwerking buiten haar publieke taak valt", "record a lawful ground; a public authority relying on legitimate_interest states in legal_basis.outside_public_task why the processing is outside its public task"},
	Title:         label.Text{"Juridische grondslag", "Legal basis"},
	Why: label.Text{
		"De inzet van technologie heeft een stevige juridische basis, vooraf leesbaar vastgelegd (VNG-principe VI). Een overheid kan zich voor haar taken niet op 'gerechtvaardigd belang' beroepen (AVG art. 6 lid 1, laatste zin).",
		"Deploying technology rests on a solid legal basis, mapped beforehand in readable form (VNG principle VI). A public authority cannot rely on 'legitimate interest' for its tasks (GDPR art. 6(1), last sentence).",
	},
	Satisfy: label.Text{
		"Een registratie die persoonsgegevens verwerkt, heeft legal_basis met het regime; onder de AVG ook gdpr_ground, dat voor een gemeente, de politie of een andere overheid niet legitimate_interest is. Noem de wet die de taak geeft. police_data (Wet politiegegevens) is alleen voor de politie zelf (organisation.type police), voor de beelden van cameratoezicht van de burgemeester (art. 151c Gemeentewet) en voor wat boa's van de organisatie verwerken om de strafbare feiten uit hun akte op te sporen (legal_basis.boa: true); voor ieder ander gelden de AVG en haar grondslag. Met regime other en persoonsgegevens blijft een waarschuwing staan: de AVG geldt, tenzij een eigen wet voor de gegevens geldt (zoals de Wjsg), en dat kan het register niet nagaan.",
		"A record that processes personal data has legal_basis with its regime; under the GDPR also gdpr_ground, which for a municipality, the police or another government body is not legitimate_interest. Name the law that gives the task. police_data (Wet politiegegevens) is for the police themselves (organisation.type police), the images of the mayor's camera surveillance (Gemeentewet 151c) and what the operator's boa's process to investigate the offences of their deed (legal_basis.boa: true) only; anyone else is under the GDPR and needs its ground. Regime other with personal data stays a warning: the GDPR applies unless a law of its own governs the data (such as the Wjsg), which the register cannot check.",
	},
	Example: example(`legal_basis:
  regime: gdpr
  gdpr_ground: public_task
  law: "Wegenverkeerswet 1994; Gemeentewet art. 160"`),
	Applies: inUse,
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		lb := r.LegalBasis
		var fs []finding.Finding
		if lb == nil {
			if personal(r) {
				f := missing("",
					en(fmt.Sprintf("no legal basis is recorded, while %s", personalWhy(r)),
						"add legal_basis with regime (gdpr, police_data or other), under gdpr its ground (gdpr_ground), and the law that gives the task"),
					nl(fmt.Sprintf("Er staat geen wettelijke grondslag bij. %s", personalWhyNL(r)),
						"Vul legal_basis in: het regime (gdpr, police_data of other), bij gdpr de grondslag uit de AVG (gdpr_ground), en de wet waarop de taak berust."))
				f.Principle = personalRef(r, "VNG VI")
				f = lawful(f, lawOf(r, lawLawfulGround))
				fs = append(fs, f)
			}
			return fs
		}
		// Police data are the police's (and the images of the mayor's
		// 151c cameras, and what boa's process to investigate offences);
		// anyone else who claims them is under the GDPR.
		claimed := lb.Regime == "police_data" && !mayBePoliceData(r)
		// "other" is no way out of the GDPR: it governs all personal data
		// but what a law of its own governs instead (police data, which
		// boa's state with legal_basis.boa; judicial data). Which law a
		// text names the register cannot tell, so the claim stands as a
		// warning a person checks, which no setting lowers. boa lifts it
		// only with regime police_data, which says what the data are.
		other := lb.Regime == "other" && personal(r) && !police(r) && !r.PublicOrder()
		switch {
		case lb.Regime == "gdpr" && blank(lb.GDPRGround):
			fs = append(fs, lawful(missing("/legal_basis",
				en("the legal basis names the GDPR but not its ground",
					"add legal_basis.gdpr_ground, for a municipality usually public_task or legal_obligation"),
				nl("De wettelijke grondslag noemt de AVG, maar niet op welke grond uit de AVG de verwerking berust.",
					"Vul legal_basis.gdpr_ground in. Voor een gemeente is dat meestal public_task (taak van algemeen belang) of legal_obligation (wettelijke verplichting).")), lawLawfulGround))
		case other && blank(lb.GDPRGround):
			fs = append(fs, lawful(worded(finding.Finding{Path: "/legal_basis/regime", Severity: finding.Warning},
				en(fmt.Sprintf("legal_basis.regime is other, but %s and the operator is not the police: the GDPR applies, with a ground of art. 6(1), unless a law of its own governs these data instead (such as the Wjsg), which the register cannot check", personalWhy(r)),
					"if the GDPR applies, set legal_basis.regime: gdpr and add legal_basis.gdpr_ground (for a municipality usually public_task or legal_obligation), with the task's own law (such as the Wegenverkeerswet 1994) in legal_basis.law; if the operator's boa's process the data to investigate the offences of their deed, set legal_basis.regime: police_data and legal_basis.boa: true; if another law governs the data, name it in legal_basis.law"),
				nl(fmt.Sprintf("Bij legal_basis.regime staat other (anders). %s De organisatie is niet de politie. Dan geldt de AVG, met een grond uit art. 6 lid 1, tenzij een eigen wet voor deze gegevens geldt (zoals de Wjsg). Dat kan het register niet nagaan.", personalWhyNL(r)),
					"Geldt de AVG, vul dan legal_basis.regime: gdpr in en legal_basis.gdpr_ground (voor een gemeente meestal public_task of legal_obligation), met de eigen wet van de taak (zoals de Wegenverkeerswet 1994) bij legal_basis.law. Verwerken boa's van de organisatie de gegevens om de strafbare feiten uit hun akte op te sporen, vul dan legal_basis.regime: police_data en legal_basis.boa: true in. Geldt een andere wet voor de gegevens, noem die dan bij legal_basis.law.")), lawLawfulGround))
		case claimed && blank(lb.GDPRGround):
			fs = append(fs, lawful(missing("/legal_basis",
				en("the GDPR applies, as the operator is not the police, but the legal basis names no ground of GDPR art. 6(1)",
					"set legal_basis.regime: gdpr and add legal_basis.gdpr_ground, for a municipality usually public_task or legal_obligation"),
				nl("De AVG geldt, want de organisatie is niet de politie. Maar bij de wettelijke grondslag staat niet op welke grond uit art. 6 lid 1 AVG de verwerking berust.",
					"Vul legal_basis.regime: gdpr in en vul legal_basis.gdpr_ground in. Voor een gemeente is dat meestal public_task (taak van algemeen belang) of legal_obligation (wettelijke verplichting).")), lawLawfulGround))
		}
		if claimed {
			fs = append(fs, policeClaimed(r, "/legal_basis/regime", "legal_basis.regime is police_data", "Bij legal_basis.regime staat police_data (Wet politiegegevens)", true))
		}
		if lb.GDPRGround == "legitimate_interest" && government(r) && policeDataRegime(r) {
			// Police data: the GDPR's grounds, and its bar on an
			// authority's legitimate interest, are not theirs.
			fs = append(fs, worded(finding.Finding{Path: "/legal_basis/gdpr_ground", Severity: finding.Warning},
				en("legal_basis.gdpr_ground is legitimate_interest, but the record's data are police data, which the Wet politiegegevens governs, not the GDPR: a ground of the GDPR says nothing of them",
					"remove legal_basis.gdpr_ground and name in legal_basis.law the law the processing rests on, such as the Wet politiegegevens"),
				nl("Bij legal_basis.gdpr_ground staat legitimate_interest (gerechtvaardigd belang), maar de gegevens zijn politiegegevens. Daarvoor geldt de Wet politiegegevens, niet de AVG: een grond uit de AVG zegt er niets over.",
					"Haal legal_basis.gdpr_ground weg en noem bij legal_basis.law de wet waarop de verwerking berust, zoals de Wet politiegegevens.")))
		} else if lb.GDPRGround == "legitimate_interest" && government(r) && !blank(lb.OutsidePublicTask) {
			// The law's own bounds: the bar of art. 6(1), last sentence,
			// covers an authority's tasks only. Lawful, not an exception,
			// and still visible.
			fs = append(fs, lawful(worded(finding.Finding{Path: "/legal_basis/outside_public_task", Severity: finding.Warning},
				en(fmt.Sprintf("a public authority (%s) relies on legitimate interest, stating that the processing is outside its public task, where GDPR art. 6(1), last sentence, does not bar it", r.Organisation.Type),
					"nothing to do if the statement holds; if the processing serves the authority's task, use public_task or legal_obligation"),
				nl(fmt.Sprintf("Een overheid (%s) beroept zich op gerechtvaardigd belang, omdat de verwerking volgens de registratie buiten haar publieke taak valt. Daar verbiedt AVG art. 6 lid 1, laatste zin, het niet.", strings.ToLower(valueNL("organisation.type", r.Organisation.Type))),
					"Er hoeft niets te gebeuren als dat klopt. Dient de verwerking wel de taak van de overheid, kies dan public_task of legal_obligation.")), lawNoLegitimate))
		} else if lb.GDPRGround == "legitimate_interest" && government(r) {
			fs = append(fs, lawful(at("/legal_basis/gdpr_ground",
				en(fmt.Sprintf("legitimate_interest is not available to a public authority (%s) for its tasks (GDPR art. 6(1), last sentence)", r.Organisation.Type),
					"use public_task or legal_obligation and name the law that gives the task in legal_basis.law; if the processing really is outside the public task (such as securing the authority's own building), say why in legal_basis.outside_public_task"),
				nl(fmt.Sprintf("Een overheid (%s) kan zich voor haar taken niet beroepen op gerechtvaardigd belang (legitimate_interest) (AVG art. 6 lid 1, laatste zin).", strings.ToLower(valueNL("organisation.type", r.Organisation.Type))),
					"Kies public_task of legal_obligation en noem bij legal_basis.law de wet waarop de taak berust. Valt de verwerking echt buiten de publieke taak (zoals de beveiliging van het eigen gebouw), leg dan bij legal_basis.outside_public_task uit waarom.")), lawNoLegitimate))
		}
		if personal(r) && blank(lb.Law) && lb.GDPRGround != "consent" && lb.GDPRGround != "contract" {
			example := lawExample(r)
			fs = append(fs, worded(finding.Finding{Path: "/legal_basis", Key: true, Severity: finding.Warning},
				en("the legal basis does not name the law or bylaw the processing rests on",
					"add legal_basis.law, for example "+example.In("en")),
				nl("Bij de wettelijke grondslag staat niet op welke wet of verordening de verwerking berust.",
					"Vul legal_basis.law in, bijvoorbeeld "+example.In("nl")+".")))
		}
		return fs
	},
}

// lawExample is an example of legal_basis.law that fits the record:
// Gemeentewet 151c covers only the mayor's public-order cameras, so any
// other record gets a neutral example.
func lawExample(r *record.Record) label.Text {
	if r.PublicOrder() {
		return label.Text{"'Gemeentewet art. 151c' en het artikel van de APV dat de burgemeester de bevoegdheid geeft", "'Gemeentewet art. 151c' and the article of the municipal bylaw (APV) that grants the mayor the power"}
	}
	return label.Text{"'AVG art. 6 lid 1 sub e' met de wet of gemeentelijke verordening waarop de taak berust", "'GDPR art. 6(1)(e)' with the law or municipal bylaw that gives the task"}
}

var retentionStated = &Rule{
	ID: "retention", Ref: "VNG V", Default: finding.Warning, Cites: []string{"VNG 6.4"},
	Title: label.Text{"Bewaartermijn vastgelegd", "Retention period stated"},
	Why: label.Text{
		"Het verzamelen, beheren en bewaren van data voldoet aan de wet (VNG-principe V): persoonsgegevens worden niet langer bewaard dan nodig. Het register laat zien hoe lang.",
		"Collecting, managing and keeping data complies with the law (VNG principle V): personal data is not kept longer than needed. The register shows for how long.",
	},
	Satisfy: label.Text{
		"Een registratie die persoonsgegevens verwerkt, geeft retention als ISO 8601-duur (P28D) of not_stored; not_stored alleen als er niets wordt opgenomen: video_recording en audio_recording staan dan niet bij capabilities, of wel en ook bij switched_off. Een termijn van nul (P0D) zegt hetzelfde als not_stored. Dat geldt ook voor een registratie buiten gebruik, zolang er nog gegevens kunnen zijn: tot lifecycle.end plus de langste bewaartermijn, de eigen of die van een ontvanger (gerekend vanaf het einde van diens afspraak als dat later is). De bewaartermijn van een camera voor de openbare orde valt onder camera-retention, een wettelijke plicht.",
		"A record that processes personal data states retention as an ISO 8601 duration (P28D) or not_stored; not_stored only when nothing is recorded: video_recording and audio_recording are not among capabilities, or are and also under switched_off. A duration of nothing (P0D) says the same as not_stored. So does a retired record while its data may still be held: until lifecycle.end plus the longest retention, its own or a recipient's (counted from the end of the recipient's agreement where that is later). A public-order camera's retention is camera-retention's, a legal duty.",
	},
	Example: commented(`retention: P28D      # of: not_stored`,
		[2]string{"of: not_stored", "or: not_stored"}),
	// camera-retention holds a public-order camera to its retention, as
	// a legal duty. Retiring a record ends its use, not the data it
	// gathered: the rule applies while that may still be held
	// (dataHeld), which only the day tells.
	Applies:   func(r *record.Record) bool { return personal(r) && !r.PublicOrder() },
	AppliesOn: func(r *record.Record, today time.Time) bool { return dataHeld(&Context{day: newClock(today)}, r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !dataHeld(ctx, r) {
			return nil
		}
		if blank(r.Retention) {
			f := missing("",
				en(fmt.Sprintf("no retention period is stated, while %s", personalWhy(r)),
					"add retention: the longest time data is kept, such as P28D, or not_stored when nothing is kept"),
				nl(fmt.Sprintf("Er staat geen bewaartermijn bij. %s", personalWhyNL(r)),
					"Vul bij retention in hoe lang de gegevens ten hoogste worden bewaard, zoals P28D (28 dagen), of not_stored als er niets wordt bewaard."))
			f.Principle = personalRef(r, "VNG V")
			return []finding.Finding{f}
		}
		if capability, ok := storesDespiteNotStored(r); ok {
			return []finding.Finding{notStoredButRecords(r.Retention, capability,
				"for a time the record does not state",
				"Hoe lang, staat er niet bij.")}
		}
		if r.Retention != "not_stored" {
			if _, err := period.Parse(r.Retention); period.IsTooLarge(err) {
				return []finding.Finding{at("/retention",
					en(fmt.Sprintf("retention %q is too long to compute with (at most P%dY): data kept that long is in effect kept for ever", r.Retention, period.MaxPart),
						"write the longest time data is actually kept, such as P28D or P1Y, or not_stored"),
					nl(fmt.Sprintf("De bewaartermijn %q is te lang om mee te rekenen (hoogstens P%dY): zo lang bewaren is voorgoed bewaren.", r.Retention, period.MaxPart),
						"Schrijf hoe lang de gegevens ten hoogste echt worden bewaard, zoals P28D (28 dagen) of P1Y (1 jaar), of not_stored als er niets wordt bewaard."))}
			} else if err != nil {
				return []finding.Finding{at("/retention",
					en(fmt.Sprintf("retention %q is not a duration", r.Retention),
						"write an ISO 8601 duration such as P28D or P1Y, or not_stored"),
					nl(fmt.Sprintf("De bewaartermijn %q is geen termijn die het register kan lezen.", r.Retention),
						"Schrijf de termijn als ISO 8601-duur, zoals P28D (28 dagen) of P1Y (1 jaar), of not_stored als er niets wordt bewaard."))}
			}
		}
		return nil
	},
}

// dataHeld reports whether data a record gathered may still be held
// today, by the municipality or a recipient: always while it is not
// retired, and once retired until the last of it is destroyed
// (dataDestroyedBy). Retiring a record ends its use, not the data it
// made. A retention that does not tell when keeps the data held (fail
// closed). The day is asked through the Context, so a cached outcome is
// checked again the day the last data is gone.
func dataHeld(ctx *Context, r *record.Record) bool {
	if !retired(r) {
		return true
	}
	by, ok := dataDestroyedBy(r)
	return !ok || !ctx.OnOrAfter(by)
}

// dataDestroyedBy is the moment by which all data of a retired record
// is destroyed, as the record states: its lifecycle.end plus the longest
// retention stated, its own or a recipient's. A recipient may be given
// data as long as its agreement runs, so its retention counts from the
// agreement's end where that lies after the record's. What an
// investigating authority keeps under its own law (investigates) is not
// the record's retention to state nor the four weeks' concern. False when
// a retention is not stated or cannot be read: the record does not show
// that the data is gone. So is a retention of not_stored, or of nothing,
// beside a recording that is on (storesDespiteNotStored): what it
// recorded was stored for a time the record does not state.
func dataDestroyedBy(r *record.Record) (time.Time, bool) {
	end, ok := lifecycle.RetiredEnd(r)
	if !ok {
		return time.Time{}, false
	}
	if _, stores := storesDespiteNotStored(r); stores {
		return time.Time{}, false
	}
	by, ok := keptUntil(end, r.Retention)
	if !ok {
		return time.Time{}, false
	}
	for _, s := range r.DataSharing {
		if investigates(s.Party) {
			continue
		}
		from := end
		if d, ok := date(s.End); ok && d.After(end) {
			from = d
		}
		until, ok := keptUntil(from, s.Retention)
		if !ok {
			return time.Time{}, false
		}
		if until.After(by) {
			by = until
		}
	}
	return by, true
}

// keptUntil is the moment by which data gathered or received up to the
// end of the day last, and kept for retention, is destroyed: retention
// after the last moment of that day. False when retention does not say.
func keptUntil(last time.Time, retention string) (time.Time, bool) {
	if retention == "not_stored" {
		return last.AddDate(0, 0, 1), true
	}
	if blank(retention) {
		return time.Time{}, false
	}
	d, err := period.Parse(retention)
	if err != nil {
		return time.Time{}, false
	}
	// From the day's last moment: a month from the 30th of January ends
	// on the last of February whatever the hour, so the day is added
	// after the retention.
	return d.AddTo(last).AddDate(0, 0, 1), true
}

var dataRights = &Rule{
	ID: "data-rights", Ref: "VNG 5.2", Default: finding.Warning,
	Title: label.Text{"Rechten op de data", "Data rights"},
	Why: label.Text{
		"Bij inkoop leggen we vast dat de gemeente de rechten op de verzamelde data houdt; leveranciers mogen de data niet verkopen of voor andere doelen gebruiken (VNG-principe 5.2).",
		"When buying, the municipality secures the rights to the data collected; suppliers may not sell the data or use it for other purposes (VNG principle 5.2).",
	},
	Satisfy: label.Text{
		"Als er een leverancier betrokken is (supplier of vendor is ingevuld): data_rights.holder is municipality en data_rights.resale_forbidden is true.",
		"When a supplier is involved (supplier or vendor is recorded): data_rights.holder is municipality and data_rights.resale_forbidden is true.",
	},
	Example: example(`data_rights:
  holder: municipality
  resale_forbidden: true`),
	// The rights to the data are a question where a third party is
	// involved, or where the record says who holds them.
	Applies: func(r *record.Record) bool {
		return !retired(r) && (r.DataRights != nil || r.Supplier != nil || r.Vendor != nil)
	},
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		dr := r.DataRights
		if dr == nil {
			return []finding.Finding{missing("",
				en("the record names a supplier or manufacturer but does not say who holds the rights to the data",
					"add data_rights: {holder: municipality, resale_forbidden: true} as agreed in the contract, or record what was agreed"),
				nl("Er staat een leverancier of fabrikant bij, maar niet wie de rechten op de data heeft.",
					"Vul data_rights in zoals in het contract is afgesproken, bijvoorbeeld {holder: municipality, resale_forbidden: true}, of leg vast wat er wel is afgesproken."))}
		}
		var fs []finding.Finding
		if dr.Holder == "supplier" || dr.Holder == "shared" {
			fs = append(fs, at("/data_rights/holder",
				en(fmt.Sprintf("the rights to the data are held by the %s, not the municipality", dr.Holder),
					"agree in the contract that the municipality holds the data rights, and set data_rights.holder: municipality"),
				nl(fmt.Sprintf("De rechten op de data liggen niet bij de gemeente, maar bij %s (%s).", holderNL(dr.Holder), dr.Holder),
					"Spreek in het contract af dat de gemeente de rechten op de data houdt, en vul data_rights.holder: municipality in.")))
		}
		if !isTrue(dr.ResaleForbidden) && (dr.Holder != "municipality" || r.Supplier != nil || r.Vendor != nil) {
			if isFalse(dr.ResaleForbidden) {
				fs = append(fs, at("/data_rights/resale_forbidden",
					en("the supplier may sell the data or use it for other purposes",
						"agree in the contract that the data is not sold or used for other purposes, and set resale_forbidden: true"),
					nl("De leverancier mag de data verkopen of voor andere doelen gebruiken.",
						"Spreek in het contract af dat de data niet wordt verkocht of voor andere doelen gebruikt, en vul resale_forbidden: true in.")))
			} else {
				fs = append(fs, missing("/data_rights",
					en("the record does not say whether the supplier may sell the data",
						"agree that the data is not sold or used for other purposes, and set data_rights.resale_forbidden: true"),
					nl("Er staat niet bij of de leverancier de data mag verkopen.",
						"Spreek af dat de data niet wordt verkocht of voor andere doelen gebruikt, en vul data_rights.resale_forbidden: true in.")))
			}
		}
		return fs
	},
}

// holderNL names who holds the data rights, in Dutch.
func holderNL(h string) string {
	switch h {
	case "supplier":
		return "de leverancier"
	case "shared":
		return "de gemeente en de leverancier samen"
	}
	return h
}

var personalDataInferred = &Rule{
	ID: "personal-data-inferred", Ref: "VNG 6.4", Default: finding.Error,
	// For police data, outside the GDPR (art. 2(2)(d)), the Law
	// Enforcement Directive's definition (lawOf).
	Law: lawPersonal,
	// personal_data.processed unknown already counts as yes: a warning.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	Title:         label.Text{"Persoonsgegevens door de aard van de sensor", "Personal data by the sensor's nature"},
	Why: label.Text{
		"Kentekens, (ook versleutelde) MAC-adressen van telefoons, locatiesporen, camerabeelden en geluidsopnamen van mensen in de openbare ruimte, en wat van hun gezicht, lichaam of gedrag wordt herkend, zijn persoonsgegevens: ze horen bij een persoon die te identificeren is (AVG art. 4 lid 1). De Autoriteit Persoonsgegevens beboette in 2021 een gemeente voor het tellen met wifi-signalen. Bij twijfel behandelen we gegevens als persoonsgegevens (VNG-principe 6.4).",
		"Licence plates, MAC addresses of phones (hashed or not), location traces, camera images and sound recordings of people in public space, and what is recognised of their faces, bodies or behaviour are personal data: they relate to an identifiable person (GDPR art. 4(1)). The Dutch DPA fined a municipality in 2021 for counting with Wi-Fi signals. When in doubt, data is treated as personal (VNG principle 6.4).",
	},
	Satisfy: label.Text{
		"Een ANPR-camera, een wifi-/bluetoothteller, een camera voor openbare orde of politie, en een sensor die beelden of geluid opneemt of live toont, kentekens of gezichten herkent, mensen of apparaten volgt of mensen biometrisch indeelt, zegt personal_data.processed: yes. Dat geldt ook voor een algoritme met zo'n mogelijkheid (capabilities), zoals het lezen van kentekens, en voor elke registratie die zelf zegt dat ze persoonsgegevens verwerkt: een gegevensbron met personal_data: true, of kentekens, kenmerken van apparaten of een bijzondere categorie bij de soorten gegevens. De checklist behandelt het als persoonsgegevens, wat de registratie ook zegt.",
		"An ANPR camera, a Wi-Fi/Bluetooth counter, a public-order or police camera, and a sensor that records or shows images or sound, recognises licence plates or faces, tracks people or devices or categorises people biometrically says personal_data.processed: yes. So does an algorithm with such a capability (capabilities), such as reading licence plates, and any record whose own fields say it processes personal data: a dataset with personal_data: true, or licence plates, device identifiers or a special category among its categories. The checklist treats it as personal data whatever the record says.",
	},
	Example: example(`sensor_type: anpr_camera
personal_data:
  processed: yes
  categories: [licence plate, time and place]`),
	Applies: func(r *record.Record) bool { _, ok := personalWhyOf(r); return ok && !retired(r) },
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		why, _ := personalWhyOf(r)
		if r.PersonalData.Processed == "yes" {
			return nil
		}
		k := kindName(r)
		// What a sensor picks up of people, or what the record does by
		// its nature, relates to identifiable people; anything else the
		// record's own fields say (a dataset of personal data, a special
		// category) contradicts processed as it stands.
		msg := fmt.Sprintf("personal_data.processed is %s, but %s with %s processes personal data: images, sound, licence plates and device identifiers, hashed or not, relate to identifiable people", r.PersonalData.Processed, k.enA, why.In("en"))
		msgNL := fmt.Sprintf("Bij personal_data.processed staat %s, maar %s met %s verwerkt persoonsgegevens. Beelden, geluid, kentekens en kenmerken van apparaten, ook versleuteld, horen bij mensen die te identificeren zijn.", r.PersonalData.Processed, k.a, why.In("nl"))
		if _, nature := r.PersonalByNature(); !nature && !picksUpPeople(r) {
			msg = fmt.Sprintf("personal_data.processed is %s, but the record itself says the %s processes personal data: %s", r.PersonalData.Processed, k.en, why.In("en"))
			msgNL = fmt.Sprintf("Bij personal_data.processed staat %s, maar de registratie zegt zelf dat %s persoonsgegevens verwerkt: %s.", r.PersonalData.Processed, k.the, why.In("nl"))
		}
		f := at("/personal_data/processed",
			en(msg, fmt.Sprintf("set personal_data.processed: yes and list the categories; the checklist already treats the %s as processing personal data", k.en)),
			nl(msgNL, fmt.Sprintf("Vul personal_data.processed: yes in en noem de soorten gegevens. De checklist behandelt %s al als %s persoonsgegevens verwerkt.", k.the, k.a+" "+k.that)))
		f = citesLaw(f, lawOf(r, lawPersonal))
		if r.PersonalData.Processed == "unknown" {
			f.Severity = finding.Warning // unknown already counts as yes
		}
		return []finding.Finding{f}
	},
}

// deviceMeasures are the minimisation measures a Wi-Fi/Bluetooth counter
// needs: identifiers never kept in the clear, and only counts leaving the
// device.
var deviceMeasures = struct{ pseudonymise, aggregate []string }{
	pseudonymise: []string{"hashing_rotating_salt", "truncation"},
	aggregate:    []string{"aggregation_only"},
}

var deviceMinimisation = &Rule{
	ID: "device-minimisation", Ref: "VNG 7.5", Default: finding.Error,
	// For police data, outside the GDPR (art. 2(2)(d)), the Law
	// Enforcement Directive asks the same (lawOf).
	Law: lawMinimise,
	Applies: func(r *record.Record) bool {
		return !retired(r) && deviceCounter(r)
	},
	Title: label.Text{"Minimalisatie bij wifi- en bluetoothtellers", "Minimisation for Wi-Fi and Bluetooth counters"},
	Why: label.Text{
		"Een wifi- of bluetoothteller vangt kenmerken van telefoons op; dat zijn persoonsgegevens, ook versleuteld (AVG art. 4 lid 1). De wet vraagt zo min mogelijk gegevens en bescherming vanaf het ontwerp (AVG art. 5 lid 1 onder c, art. 25): kenmerken worden direct ingekort of versleuteld met een sleutel (salt) die vaak wisselt, en alleen tellingen verlaten het apparaat.",
		"A Wi-Fi or Bluetooth counter picks up identifiers of phones, which are personal data even when hashed (GDPR art. 4(1)). The law asks for data minimisation and protection by design (GDPR art. 5(1)(c), art. 25): identifiers are truncated or hashed at once with a salt that changes often, and only counts leave the device.",
	},
	Satisfy: label.Text{
		"Een wifi_bluetooth_counter, of een sensor met device_tracking, noemt onder minimisation.measures hashing_rotating_salt of truncation, en aggregation_only.",
		"A wifi_bluetooth_counter, or a sensor with device_tracking, lists under minimisation.measures hashing_rotating_salt or truncation, and aggregation_only.",
	},
	Example: example(`sensor_type: wifi_bluetooth_counter
minimisation:
  measures: [hashing_rotating_salt, truncation, aggregation_only]
  notes: MAC addresses are truncated and hashed on the device with a salt that changes every day; only counts per quarter hour are sent.`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if retired(r) || !deviceCounter(r) {
			return nil
		}
		var have []string
		if r.Minimisation != nil {
			have = r.Minimisation.Measures
		}
		var need, nodig []string
		if !slices.ContainsFunc(deviceMeasures.pseudonymise, func(m string) bool { return slices.Contains(have, m) }) {
			need = append(need, "hashing with a rotating salt or truncation (hashing_rotating_salt, truncation)")
			nodig = append(nodig, "versleutelen met een wisselende sleutel of inkorten (hashing_rotating_salt, truncation)")
		}
		if !slices.ContainsFunc(deviceMeasures.aggregate, func(m string) bool { return slices.Contains(have, m) }) {
			need = append(need, "sending only counts (aggregation_only)")
			nodig = append(nodig, "alleen tellingen doorsturen (aggregation_only)")
		}
		if len(need) == 0 {
			return nil
		}
		parent := present(r.Minimisation != nil, "/minimisation")
		// The law is cited where the duty is stated, not after the
		// measures' own parentheses.
		law := lawOf(r, lawMinimise)
		f := missing(parent,
			en(fmt.Sprintf("the counter picks up device identifiers, which the law asks to keep to what is needed and to protect by design (%s), but lists no %s", law.In("en"), joinAnd(need)),
				"truncate or hash identifiers on the device with a salt that changes at least daily, send only counts, and list the measures under minimisation.measures"),
			nl(fmt.Sprintf("De teller vangt kenmerken van telefoons op. De wet vraagt dan zo min mogelijk gegevens en bescherming vanaf het ontwerp (%s). Er staat niet bij: %s.", law.In("nl"), joinEn(nodig)),
				"Kort de kenmerken in of versleutel ze in het apparaat met een sleutel die minstens elke dag wisselt, stuur alleen tellingen door, en zet de maatregelen bij minimisation.measures."))
		return []finding.Finding{lawful(f, law)}
	},
}

var specialCategories = &Rule{
	ID: "special-categories", Ref: "VNG VI", Default: finding.Error, Law: lawSpecial,
	// A category text that names a special category and denies something
	// cannot be told either way: the law's warning (deniedSpecial), which
	// no setting silences.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	Title:         label.Text{"Grond voor bijzondere persoonsgegevens", "Ground for special categories"},
	Why: label.Text{
		"Bijzondere persoonsgegevens (gezondheid, etnische afkomst, religie, biometrische gegevens om iemand te identificeren, ...) mogen niet worden verwerkt, tenzij een uitzondering van art. 9 lid 2 AVG geldt, uitgewerkt in de UAVG (art. 22-30). Voor politiegegevens geldt art. 5 Wet politiegegevens.",
		"Special categories of personal data (health, ethnic origin, religion, biometric data to identify someone, ...) may not be processed unless an exception of GDPR art. 9(2) applies, given effect by the Dutch UAVG (art. 22-30). For police data, Wet politiegegevens art. 5 applies.",
	},
	Satisfy: label.Text{
		"Een registratie met personal_data.special_categories: true, met een soort gegevens (categories) die een bijzonder persoonsgegeven noemt (gezondheid, etnische afkomst, religie, ...; dan telt false niet), of een die mensen biometrisch identificeert, geeft personal_data.special_categories_ground (de uitzondering van art. 9(2)) en personal_data.special_categories_law (het artikel uit de UAVG); onder police_data (van de politie zelf, de beelden van cameratoezicht onder art. 151c Gemeentewet, of wat boa's verwerken om strafbare feiten op te sporen, legal_basis.boa) alleen de wet (Wpg art. 5).",
		"A record with personal_data.special_categories: true, with a category that names a special category (health, ethnic origin, religion, ...; false does not count then), or one that identifies people biometrically, states personal_data.special_categories_ground (the art. 9(2) exception) and personal_data.special_categories_law (the UAVG article); under police_data (the police's own, the images of camera surveillance under Gemeentewet 151c, or what boa's process to investigate offences, legal_basis.boa) only the law (Wpg art. 5).",
	},
	Example: commented(`personal_data:
  processed: yes
  special_categories: true
  special_categories_ground: substantial_public_interest   # AVG art. 9(2)(g)
  special_categories_law: UAVG art. 23`,
		[2]string{"AVG art. 9(2)(g)", "GDPR art. 9(2)(g)"}),
	Applies: func(r *record.Record) bool {
		_, _, denied := r.SpecialCategoryDenied()
		return !retired(r) && (special(r) || identifies(r) != "" || denied)
	},
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		denied := deniedSpecial(r)
		if !special(r) && identifies(r) == "" {
			return denied
		}
		biometric := identifies(r)
		named, listed := r.SpecialCategory()
		why, waarom := "the record processes special categories of personal data", "Er worden bijzondere persoonsgegevens verwerkt."
		switch {
		case isTrue(r.PersonalData.SpecialCategories):
		case listed:
			why = fmt.Sprintf("the record lists %q among the personal data categories, a special category of personal data (GDPR art. 9(1))", named)
			waarom = fmt.Sprintf("Bij de soorten persoonsgegevens staat %q. Dat is een bijzonder persoonsgegeven (AVG art. 9 lid 1).", named)
		default:
			why = fmt.Sprintf("the record identifies people biometrically (%s), which processes special categories of personal data", biometric)
			waarom = fmt.Sprintf("De toepassing herkent mensen aan hun lichaam (%s). Dat is een verwerking van bijzondere persoonsgegevens.", biometric)
		}
		// Only the police's processing (and the 151c cameras' images) is
		// police data; another operator's claim leaves the GDPR's ground.
		police := policeDataRegime(r) || outsideGDPR(r)
		var need, nodig []string
		if !police && blank(r.PersonalData.SpecialGround) {
			need = append(need, "the exception of GDPR art. 9(2) (special_categories_ground)")
			nodig = append(nodig, "de uitzondering uit art. 9 lid 2 AVG (special_categories_ground)")
		}
		if blank(r.PersonalData.SpecialLaw) {
			if police {
				need = append(need, "the article of the Wet politiegegevens that allows it (special_categories_law, Wpg art. 5)")
				nodig = append(nodig, "het artikel van de Wet politiegegevens dat het toestaat (special_categories_law, Wpg art. 5)")
			} else {
				need = append(need, "the article of the UAVG that gives the exception (special_categories_law, UAVG art. 22-30)")
				nodig = append(nodig, "het artikel van de UAVG dat de uitzondering geeft (special_categories_law, UAVG art. 22-30)")
			}
		}
		law := lawSpecial
		if police {
			law = label.Text{"Wet politiegegevens art. 5", "Wet politiegegevens art. 5"}
		}
		var fs []finding.Finding
		if listed && isFalse(r.PersonalData.SpecialCategories) {
			// The category text decides, not the yes/no field: fail closed.
			fs = append(fs, lawful(at("/personal_data/special_categories",
				en(fmt.Sprintf("personal_data.special_categories is false, but %q is a special category of personal data (GDPR art. 9(1))", named),
					"set personal_data.special_categories: true with its ground and law; the checklist already treats the record as processing special categories. If the category is not what art. 9(1) means, describe it in other words (a dog's breed: \"hondenras\", not \"ras\")"),
				nl(fmt.Sprintf("Bij personal_data.special_categories staat false (geen bijzondere persoonsgegevens), maar %q is een bijzonder persoonsgegeven (AVG art. 9 lid 1).", named),
					"Vul personal_data.special_categories: true in, met de uitzondering en het wetsartikel. De checklist behandelt de gegevens al als bijzondere persoonsgegevens. Bedoelt u iets anders dan art. 9 lid 1, beschrijf de soort gegevens dan met andere woorden (het ras van een hond: \"hondenras\", niet \"ras\").")), law))
		}
		fs = append(fs, denied...)
		if len(need) == 0 {
			return fs
		}
		help := "processing special categories is forbidden unless an exception applies: record the exception and the article that gives it, or stop the processing"
		hulp := "Bijzondere persoonsgegevens verwerken is verboden, tenzij een uitzondering geldt. Leg de uitzondering en het wetsartikel vast, of stop de verwerking."
		if listed && !isTrue(r.PersonalData.SpecialCategories) {
			// Only the category text says so: it may mean something else.
			help += `. If the category is not what art. 9(1) means, describe it in other words (a dog's breed: "hondenras", not "ras")`
			hulp += ` Bedoelt u iets anders dan art. 9 lid 1, beschrijf de soort gegevens dan met andere woorden (het ras van een hond: "hondenras", niet "ras").`
		}
		f := missing("/personal_data",
			en(why+", but the record does not give "+joinAnd(need), help),
			nl(waarom+" Er staat niet bij: "+joinEn(nodig)+".", hulp))
		// Each missing item names the article it asks for: the message
		// cites the law there, once.
		return append([]finding.Finding{lawful(f, law)}, fs...)
	},
}

// deniedSpecial is special-categories' warning on a category text that
// names a special category and denies something in the same breath
// (record.SpecialCategoryDenied): "geen gezondheidsgegevens", but also
// "Gezondheidsgegevens (geen bijzonderheden)" or "Medische gegevens (niet
// van kinderen)". Whether the special category is processed cannot be
// told, so it is not taken as processed (no ground is asked), but the
// finding is the law's: a denial written into the list cannot be made to
// vanish by a setting.
func deniedSpecial(r *record.Record) []finding.Finding {
	i, c, ok := r.SpecialCategoryDenied()
	if !ok {
		return nil
	}
	f := at(fmt.Sprintf("/personal_data/categories/%d", i),
		en(fmt.Sprintf("personal_data.categories[%d] %q names a special category of personal data and also says something is not processed, so whether the special category is processed cannot be told; processing it needs an exception (GDPR art. 9(1))", i, c),
			"list only what is processed: if the special category is processed, name it without the denial and give the exception and its law; if it is not, take it out of the list (personal_data.special_categories: false says so)"),
		nl(fmt.Sprintf("Bij personal_data.categories staat %q. Daarin staat een bijzonder persoonsgegeven, en ook dat iets niet wordt verwerkt. Zo is niet te zien of het bijzondere persoonsgegeven wordt verwerkt. Dat mag alleen met een uitzondering (AVG art. 9 lid 1).", c),
			"Zet in de lijst alleen wat wordt verwerkt. Wordt het bijzondere persoonsgegeven verwerkt, noem het dan zonder 'geen' of 'niet', met de uitzondering en het wetsartikel. Wordt het niet verwerkt, haal het dan uit de lijst (personal_data.special_categories: false zegt dat al)."))
	f.Severity = finding.Warning
	return []finding.Finding{lawful(f, label.Text{"AVG art. 9 lid 1", "GDPR art. 9(1)"})}
}

// special reports whether the record processes special categories of
// personal data: it says so, or one of its categories names one
// (record.SpecialCategory), whatever personal_data.special_categories
// says.
func special(r *record.Record) bool {
	_, listed := r.SpecialCategory()
	return isTrue(r.PersonalData.SpecialCategories) || listed
}
