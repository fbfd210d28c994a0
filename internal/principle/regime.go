package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// The articles the camera rules cite. Gemeentewet art. 151c: the council's
// bylaw grants the power and the mayor decides, for a fixed term (lid 1);
// the cameras are recognisable (lid 4); images are destroyed after at most
// four weeks unless needed for a criminal investigation (lid 6).
const (
	art151c1 = "Gemeentewet art. 151c(1)"
	art151c4 = "Gemeentewet art. 151c(4)"
)

// maxRetention151c is the longest 151c allows camera images to be kept.
var maxRetention151c = period.MustParse("P28D")

// regimeNL names a camera regime in Dutch, for messages.
func regimeNL(regime string) string {
	return strings.ToLower(valueNL("camera_regime", regime))
}

var cameraRegime = &Rule{
	ID: "camera-regime", Ref: "VNG VI", Default: finding.Error, Cites: []string{"VNG 6.5"},
	// The GDPR asks the controller to show which law it processes under,
	// and for police data, outside the GDPR, the Law Enforcement Directive
	// (accountable).
	Law:   lawAccountable,
	Title: label.Text{"Wettelijk kader van de camera", "Camera regime"},
	Why: label.Text{
		"Welke wet voor een camera, ANPR-camera of drone geldt, hangt af van wie hem gebruikt en waarvoor: cameratoezicht voor de openbare orde (Gemeentewet art. 151c), de politie (Politiewet, Wet politiegegevens), verkeersmanagement, handhaving, bediening en inspectie, beveiliging van een gebouw, of een private partij. Zonder dat kader is niet te zeggen welke plichten gelden; de AVG vraagt dat de verwerkingsverantwoordelijke dat kan aantonen (AVG art. 5 lid 2, art. 6).",
		"Which law governs a camera, ANPR camera or drone depends on who uses it and why: public-order camera surveillance (Gemeentewet art. 151c), the police (Politiewet, Wet politiegegevens), traffic management, enforcement, operational use, object security, or a private operator. Without the regime nobody can tell which duties apply; the GDPR asks the controller to be able to show it (GDPR art. 5(2), art. 6).",
	},
	Satisfy: label.Text{
		"Een camera, ANPR-camera of drone, en elke andere sensor die video opneemt of live wordt bekeken (wat het type ook is), geeft camera_regime (public_order, police, traffic_management, enforcement, operational, object_security, private of other), niet unknown. Een private partij claimt niet de bevoegdheden van de burgemeester, en alleen de politie zelf (organisation.type police) heeft camera_regime police. Noemt legal_basis art. 151c Gemeentewet, dan is camera_regime public_order. Beheert de politie de camera, of kijkt de politie mee met cameratoezicht voor de openbare orde of krijgt ze de beelden (data_sharing), dan is legal_basis.regime police_data, niet gdpr.",
		"A camera, ANPR camera or drone, and any other sensor that records video or is viewed live (whatever its type), states camera_regime (public_order, police, traffic_management, enforcement, operational, object_security, private or other), not unknown. A private operator does not claim the mayor's powers, and only the police themselves (organisation.type police) have camera_regime police. When legal_basis names Gemeentewet 151c, camera_regime is public_order. When the police operate the camera, or view or receive the images of public-order camera surveillance (data_sharing), legal_basis.regime is police_data, not gdpr.",
	},
	Example: commented(`sensor_type: camera
camera_regime: public_order   # cameratoezicht door de burgemeester onder Gemeentewet 151c`,
		[2]string{"cameratoezicht door de burgemeester onder Gemeentewet 151c", "the mayor's camera surveillance under Gemeentewet 151c"}),
	Applies: func(r *record.Record) bool { return r.HasRegime() && !retired(r) },
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		switch {
		case blank(r.CameraRegime):
			fs = append(fs, accountable(r, worded(finding.Finding{Path: ""},
				en(fmt.Sprintf("the %s does not say which law it falls under (camera_regime), so the checklist cannot tell which duties apply", sensorWord(r)),
					"add camera_regime: public_order (Gemeentewet 151c, the mayor), police, traffic_management, enforcement, operational, object_security, private or other; register migrate adds it to a v1 register's cameras, as a question where the record does not tell"),
				nl("Er staat niet bij onder welke wet de camera valt (camera_regime). Daardoor is niet te zeggen welke plichten gelden.",
					"Vul camera_regime in: public_order (cameratoezicht van de burgemeester, art. 151c Gemeentewet), police, traffic_management, enforcement, operational, object_security, private of other. register migrate zet het bij de camera's van een register in versie 1, als open vraag waar de registratie het niet zegt."))))
		case r.CameraRegime == record.RegimeUnknown:
			fs = append(fs, accountable(r, worded(finding.Finding{Path: "/camera_regime"},
				en(fmt.Sprintf("open question: which law does this %s fall under? camera_regime is unknown (register migrate could not decide it), so the checklist does not know which duties apply", sensorWord(r)),
					"ask the owner and replace unknown with public_order (Gemeentewet 151c, the mayor), police, traffic_management, enforcement, operational, object_security, private or other"),
				nl("Open vraag: onder welke wet valt deze camera? Bij camera_regime staat unknown (register migrate kon het niet bepalen). Daardoor is niet te zeggen welke plichten gelden.",
					"Vraag het na bij de verantwoordelijke en vervang unknown door public_order (cameratoezicht van de burgemeester, art. 151c Gemeentewet), police, traffic_management, enforcement, operational, object_security, private of other."))))
		case r.CameraRegime != record.RegimePublicOrder && r.LegalBasis.Names151c():
			// The label says one law, the legal basis another: the record
			// is judged under the stricter 151c (record.PublicOrder) until
			// it says one thing.
			fs = append(fs, citesLaw(worded(finding.Finding{Path: "/camera_regime"},
				en(fmt.Sprintf("camera_regime is %s, but the legal basis names Gemeentewet 151c, the mayor's public-order camera surveillance; until the record says one thing, the camera is held to 151c's duties (the mayor's decision for a fixed term, signs, images destroyed within four weeks)", r.CameraRegime),
					"if the mayor deploys the camera under 151c, set camera_regime: public_order; if not, take 151c out of legal_basis (law and links) and name the law the camera does fall under"),
				nl(fmt.Sprintf("Bij camera_regime staat %s (%s), maar de wettelijke grondslag noemt art. 151c Gemeentewet: cameratoezicht voor de openbare orde door de burgemeester. Zolang de registratie twee dingen zegt, gelden voor de camera de plichten van art. 151c (een besluit van de burgemeester voor een vaste termijn, borden, beelden binnen vier weken vernietigd).", regimeNL(r.CameraRegime), r.CameraRegime),
					"Zet de burgemeester de camera in onder art. 151c, vul dan camera_regime: public_order in. Zo niet, haal art. 151c uit legal_basis (law en links) en noem de wet waaronder de camera wel valt.")), lawCamera))
		}
		switch {
		case r.CameraRegime == record.RegimePublicOrder && !government(r):
			fs = append(fs, lawful(worded(finding.Finding{Path: "/camera_regime", Principle: "VNG 6.5"},
				en(fmt.Sprintf("camera_regime is %s, but the operator is of type %s: only the mayor (Gemeentewet 151c) and the police have these powers", r.CameraRegime, r.Organisation.Type),
					"a private operator's camera has camera_regime: private (or object_security) with its own permit or notification; if the municipality or the police operates it, correct organisation.type"),
				nl(fmt.Sprintf("Bij camera_regime staat %s (%s), maar de organisatie is van het type %s. Alleen de burgemeester (art. 151c Gemeentewet) en de politie hebben deze bevoegdheden.", regimeNL(r.CameraRegime), r.CameraRegime, r.Organisation.Type),
					"Een camera van een private partij heeft camera_regime: private (of object_security), met een eigen vergunning of melding. Beheert de gemeente of de politie de camera, verbeter dan organisation.type.")), lawAccountable))
		case r.CameraRegime == record.RegimePolice && !police(r):
			fs = append(fs, policeClaimed(r, "/camera_regime", "camera_regime is police", "Bij camera_regime staat police (politie)", false))
		}
		if r.LegalBasis != nil && r.LegalBasis.Regime == "gdpr" {
			if why, waarom, ok := policeData(r); ok {
				fs = append(fs, citesLaw(worded(finding.Finding{Path: "/legal_basis/regime"},
					en(why+", but legal_basis.regime says gdpr",
						"set legal_basis.regime: police_data and name the Wet politiegegevens in legal_basis.law, next to the law the camera rests on"),
					nl(waarom+" Maar bij legal_basis.regime staat gdpr (AVG).",
						"Vul legal_basis.regime: police_data in en noem de Wet politiegegevens bij legal_basis.law, naast de wet waarop de camera berust.")), lawPoliceData))
			}
		}
		return fs
	},
}

// accountable is the finding f on a camera that does not say which law it
// falls under: a breach of the GDPR's accountability (art. 5(2), 6(1)),
// or for police data, outside the GDPR (art. 2(2)(d)), of the Law
// Enforcement Directive's (lawOf).
func accountable(r *record.Record, f finding.Finding) finding.Finding {
	if outsideGDPR(r) {
		return citesLaw(f, lawOf(r, lawAccountable))
	}
	return lawful(cites(f, "GDPR art. 5(2)", "AVG art. 5 lid 2"), lawAccountable)
}

// policeData reports whether the camera's images are police data under
// the Wet politiegegevens, and why in English and Dutch: the police operate
// it, or the police view or receive the images of the mayor's camera
// surveillance (law.md: police viewing makes them police data). Images a
// traffic or enforcement camera hands to the police on request become
// police data only in the police's hands; the municipality's own
// processing stays under the GDPR.
func policeData(r *record.Record) (why, waarom string, ok bool) {
	switch {
	case police(r):
		return "a police camera's images are police data under the Wet politiegegevens",
			"De beelden van een politiecamera zijn politiegegevens (Wet politiegegevens).", true
	case r.PublicOrder():
		for _, s := range r.DataSharing {
			if namesPolice(s.Party) {
				return fmt.Sprintf("the police view or receive the images of this public-order camera (data_sharing with %s), which makes them police data under the Wet politiegegevens", s.Party),
					fmt.Sprintf("De politie kijkt mee met de beelden van dit cameratoezicht of krijgt ze (data_sharing met %s). Daardoor zijn het politiegegevens (Wet politiegegevens).", s.Party), true
			}
		}
	}
	return "", "", false
}

// lawPoliceOnly is the law that gives the police, and only the police,
// their task and their own regime for personal data: the Politiewet 2012
// (art. 3, the police's task) and the Wet politiegegevens (art. 1(a):
// police data are personal data the police process for that task).
var lawPoliceOnly = label.Text{"Politiewet 2012 art. 3; Wet politiegegevens art. 1 onder a", "Politiewet 2012 art. 3; Wet politiegegevens art. 1(a)"}

// mayBePoliceData reports whether the record's processing may fall under
// the Wet politiegegevens instead of the GDPR: the police's own, the
// images of the mayor's camera surveillance under Gemeentewet 151c, which
// are police data (shared/law.md, Cameras), and what an operator's boa's
// process to investigate the offences of their deed (boaInvestigates).
// Nobody else's: another operator that claims legal_basis.regime
// police_data stays under the GDPR and its duties.
func mayBePoliceData(r *record.Record) bool {
	return police(r) || r.PublicOrder() || boaInvestigates(r)
}

// notInvestigating are the camera regimes whose cameras serve another
// purpose than investigating offences: a private party's, traffic
// management, enforcement (an environmental zone, a bus lane: fines under
// administrative law), operating bridges and locks, securing a building.
// The GDPR governs them whoever works them, a boa too (shared/law.md,
// Cameras).
var notInvestigating = []string{record.RegimePrivate, "traffic_management", "enforcement", "operational", "object_security"}

// boaInvestigates reports whether the record says boa's process its data
// to investigate offences (boa), on a sensor that may serve that purpose:
// not a camera of a regime that serves another (notInvestigating).
func boaInvestigates(r *record.Record) bool {
	return boa(r) && !slices.Contains(notInvestigating, r.CameraRegime)
}

// boa reports whether the record says the operator's buitengewoon
// opsporingsambtenaren process its data to investigate the offences of
// their deed, which the Wet politiegegevens governs as it does the
// police's (Besluit politiegegevens buitengewoon opsporingsambtenaren).
// The register cannot check it, as it cannot check organisation.type
// police: the record says it, in public.
func boa(r *record.Record) bool { return r.LegalBasis != nil && isTrue(r.LegalBasis.Boa) }

// outsideGDPR reports whether the record's personal data are police data
// under the Wet politiegegevens, outside the GDPR (GDPR art. 2(2)(d)): the
// police's own, or what the record says boa's process as police data. Its
// GDPR duties are the Law Enforcement Directive's where the directive has
// them (lawOf), else the principle's. The mayor's public-order camera is
// not among them, though the police view its images as police data: the
// municipality runs it, and its own duties for the images stay the GDPR's
// (privacy fails closed). A record whose legal basis names the GDPR is
// under it, the police's too (their own staff, say).
func outsideGDPR(r *record.Record) bool {
	if r.LegalBasis != nil && r.LegalBasis.Regime == "gdpr" {
		return false
	}
	return police(r) || policeDataRegime(r) && !r.PublicOrder()
}

// policeDataRegime reports whether the record is judged under the Wet
// politiegegevens: its legal basis says police_data, and it may.
func policeDataRegime(r *record.Record) bool {
	return r.LegalBasis != nil && r.LegalBasis.Regime == "police_data" && mayBePoliceData(r)
}

// policeClaimed is the legal finding on a record whose operator is not the
// police but claims the police's regime at path (what is the claim, as an
// English clause and a Dutch sentence start): only the police operate
// under the Politiewet 2012, and the checklist holds the record to the
// GDPR. With data, the claim is of the Wet politiegegevens, which also
// governs what boa's process to investigate offences (boa): the finding
// says how a record says so.
func policeClaimed(r *record.Record, path, what, wat string, data bool) finding.Finding {
	typ := r.Organisation.Type
	if blank(typ) {
		typ = "(none)"
	}
	who, wie := "only the police operate under the Politiewet 2012 and the Wet politiegegevens", "Alleen de politie werkt onder de Politiewet 2012 en de Wet politiegegevens."
	fix := "a municipality's public-order camera is camera_regime: public_order under Gemeentewet 151c; otherwise name the law the processing falls under (for a camera: traffic_management, enforcement, operational, object_security, private or other; legal_basis.regime: gdpr with its ground); if the police operate it, set organisation.type: police"
	herstel := "Is het cameratoezicht van de burgemeester voor de openbare orde, vul dan camera_regime: public_order in (art. 151c Gemeentewet). Zo niet, noem de wet waaronder de verwerking wel valt: bij een camera traffic_management, enforcement, operational, object_security, private of other, en legal_basis.regime: gdpr met de grondslag. Beheert de politie het zelf, vul dan organisation.type: police in."
	law := lawPoliceOnly
	switch {
	case data && boa(r):
		// boa's named, on a camera whose regime serves another purpose
		// (boaInvestigates).
		who = fmt.Sprintf("the Wet politiegegevens governs only the police's data, the images of the mayor's camera surveillance (Gemeentewet 151c) and what boa's process to investigate the offences of their deed, and a camera with camera_regime: %s serves another purpose and is under the GDPR, whoever works it", r.CameraRegime)
		wie = fmt.Sprintf("De Wet politiegegevens geldt alleen voor de gegevens van de politie, voor de beelden van cameratoezicht van de burgemeester (art. 151c Gemeentewet) en voor wat boa's verwerken om de strafbare feiten uit hun akte op te sporen. Een camera met camera_regime: %s dient een ander doel; daarvoor geldt de AVG, wie hem ook bedient.", r.CameraRegime)
		fix += "; if the operator's boa's film to investigate the offences of their deed, and that is the camera's purpose, set camera_regime: other and name the law in legal_basis.law"
		herstel += " Filmen boa's van de organisatie om de strafbare feiten uit hun akte op te sporen, en is dat het doel van de camera, vul dan camera_regime: other in en noem de wet bij legal_basis.law."
		law = lawPoliceOrBoaData
	case data:
		who, wie = "the Wet politiegegevens governs only the police's data, the images of the mayor's camera surveillance (Gemeentewet 151c) and what boa's process to investigate the offences of their deed, and the record says none of these", "De Wet politiegegevens geldt alleen voor de gegevens van de politie, voor de beelden van cameratoezicht van de burgemeester (art. 151c Gemeentewet) en voor wat boa's verwerken om de strafbare feiten uit hun akte op te sporen. De registratie zegt geen van drieën."
		fix += "; if the operator's boa's process these data to investigate the offences of their deed, set legal_basis.boa: true"
		herstel += " Verwerken boa's van de organisatie deze gegevens om de strafbare feiten uit hun akte op te sporen, vul dan legal_basis.boa: true in."
		law = lawPoliceOrBoaData
	}
	return citesLaw(worded(finding.Finding{Path: path},
		en(fmt.Sprintf("%s, but the operator is of type %s: %s, so the checklist holds the record to the GDPR", what, typ, who), fix),
		nl(fmt.Sprintf("%s, maar de organisatie is van het type %s. %s Daarom gelden voor deze registratie de regels van de AVG.", wat, typ, wie), herstel)), law)
}

// namesPolice reports whether a party may be the police: a word "politie"
// ("Politie, basisteam Voorbeeldstad", "politieteam") or "police", not
// "politiek". It reads loosely, as it only raises a duty (police data,
// policeData): what lowers one, the exemption of a recipient of camera
// images from the four weeks, asks a name that is the authority's
// (investigates).
func namesPolice(party string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(party), func(c rune) bool { return !unicode.IsLetter(c) }) {
		if w == "police" || strings.HasPrefix(w, "politie") && !strings.HasPrefix(w, "politiek") {
			return true
		}
	}
	return false
}

// sensorWord names the kind of sensor in English, for messages.
func sensorWord(r *record.Record) string {
	switch r.SensorType {
	case "anpr_camera":
		return "ANPR camera"
	case "drone":
		return "drone"
	}
	return "camera"
}

var cameraDecision = &Rule{
	ID: "camera-decision", Ref: "VNG I", Default: finding.Error, Law: lawDecision151,
	// A planned camera needs its decision before it is switched on, not
	// before it is registered.
	// In use by its status or by its own dates (inService decides).
	Applies:   func(r *record.Record) bool { return r.PublicOrder() && mayBeInUse(r) },
	AppliesOn: inUseOn,
	Title:     label.Text{"Verordening en besluit burgemeester voor cameratoezicht", "Bylaw and mayor's decision for camera surveillance"},
	Why: label.Text{
		"Cameratoezicht voor de openbare orde mag alleen als de gemeenteraad de burgemeester die bevoegdheid bij verordening (de APV) heeft gegeven, en de burgemeester vóór de start heeft besloten tot cameratoezicht, voor een bepaalde duur (Gemeentewet art. 151c lid 1).",
		"Public-order camera surveillance is only lawful when the council has granted the mayor the power in a bylaw (the APV) and the mayor decided on it, for a fixed term, before it started (Gemeentewet art. 151c(1)).",
	},
	Satisfy: label.Text{
		"Een camera voor de openbare orde (camera_regime: public_order) in gebruik noemt onder decisions de bevoegdheid die de raad gaf (body council, kind mandate) en het besluit van de burgemeester (body mayor, kind authorisation of extension), allebei met een datum niet later dan lifecycle.start.",
		"A public-order camera (camera_regime: public_order) in use lists under decisions the council's mandate (body council, kind mandate) and the mayor's decision (body mayor, kind authorisation or extension), both dated no later than lifecycle.start.",
	},
	Example: example(`camera_regime: public_order
decisions:
  - {body: council, kind: mandate, date: 2024-06-27, reference: https://lokaleregelgeving.overheid.nl/CVDR000000}
  - {body: mayor, kind: authorisation, date: 2026-01-10, reference: https://voorbeeldstad.example/besluiten/camera-markt}
lifecycle:
  start: 2026-01-15`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !inService(ctx, r) {
			return nil
		}
		start, hasStart := date(r.Lifecycle.Start)
		var fs []finding.Finding
		if !hasStart {
			// Without a start the decisions cannot be shown to come first:
			// the register cannot show that the law is met.
			fs = append(fs, citesLaw(missing("/lifecycle",
				en("the camera surveillance is in use but has no valid start date (lifecycle.start), so the council's bylaw and the mayor's decision cannot be shown to precede the start",
					"add lifecycle.start, the date the cameras went into use"),
				nl("Het cameratoezicht is in gebruik, maar er staat geen geldige startdatum bij (lifecycle.start). Dan is niet te zien of de verordening en het besluit van de burgemeester er vóór de start waren.",
					"Vul lifecycle.start in: de datum waarop de camera's in gebruik gingen.")), lawDecision151))
		}
		// A decision's fields (hint) stand apart from the law, which is
		// cited where the duty is stated.
		need := []struct {
			body  string
			kinds []string
			what  string
			wat   string
			hint  string
		}{
			{"council", []string{"mandate"}, "the council's bylaw that grants the mayor the power", "de verordening van de gemeenteraad die de burgemeester de bevoegdheid geeft", "body council, kind mandate"},
			{"mayor", []string{"authorisation", "extension"}, "the mayor's decision to deploy the cameras", "het besluit van de burgemeester tot cameratoezicht", "body mayor, kind authorisation"},
		}
		law := lawDecision151
		for _, n := range need {
			i := slices.IndexFunc(r.Decisions, func(d record.Decision) bool { return d.Body == n.body && slices.Contains(n.kinds, d.Kind) })
			if i < 0 {
				parent := present(len(r.Decisions) > 0, "/decisions")
				f := missing(parent,
					en(fmt.Sprintf("public-order camera surveillance needs %s (%s), and decisions does not list it (%s)", n.what, law.In("en"), n.hint),
						"add it under decisions with its date and reference; without it the mayor has no power to deploy the cameras"),
					nl(fmt.Sprintf("Voor cameratoezicht voor de openbare orde is %s nodig (%s). Dat staat niet bij decisions (%s).", n.wat, law.In("nl"), n.hint),
						"Zet het besluit bij decisions, met de datum en een verwijzing. Zonder dit besluit mag de burgemeester geen camera's inzetten."))
				fs = append(fs, lawful(f, law))
				continue
			}
			what, wat := n.what+" ("+n.hint+")", n.wat+" ("+n.hint+")"
			// The earliest decision of the kind counts: a later extension
			// does not make an original decision late.
			first := ""
			for _, d := range r.Decisions {
				if d.Body == n.body && slices.Contains(n.kinds, d.Kind) && !blank(d.Date) && (first == "" || d.Date < first) {
					first = d.Date
				}
			}
			d, ok := date(first)
			if !ok {
				f := missing(index("decisions", i),
					en(what+" has no date, so it cannot be shown to precede the start",
						"add the decision's date"),
					nl("Bij "+wat+" staat geen datum. Dan is niet te zien of het besluit er vóór de start was.",
						"Vul de datum van het besluit in."))
				f = citesLaw(f, law)
				fs = append(fs, f)
				continue
			}
			if hasStart && d.After(start) {
				j := slices.IndexFunc(r.Decisions, func(x record.Decision) bool { return x.Date == first && x.Body == n.body })
				f := at(index("decisions", j, "date"),
					en(fmt.Sprintf("%s is dated %s, after the cameras started on %s: camera surveillance needs it beforehand", what, first, r.Lifecycle.Start),
						"the cameras had no lawful basis until that date; if the date is wrong, correct it, else record the decision's actual date and the start"),
					nl(fmt.Sprintf("%s is van %s, na de start van het cameratoezicht op %s. Het moet er vóór de start zijn.", capitalise(wat), datum(first), datum(r.Lifecycle.Start)),
						"Tot die datum hadden de camera's geen wettelijke basis. Klopt de datum niet, verbeter hem dan."))
				f = citesLaw(f, law)
				fs = append(fs, f)
			}
		}
		return fs
	},
}

var cameraRetention = &Rule{
	ID: "camera-retention", Ref: "VNG V", Default: finding.Error, Law: lawRetention,
	// Retiring a camera ends its recording, not the images it made: the
	// rule applies while they may still be held (dataHeld), which only
	// the day tells.
	Applies:   func(r *record.Record) bool { return r.PublicOrder() },
	AppliesOn: func(r *record.Record, today time.Time) bool { return dataHeld(&Context{day: newClock(today)}, r) },
	Title:     label.Text{"Bewaartermijn camerabeelden", "Camera image retention"},
	Why: label.Text{
		"Beelden van cameratoezicht voor de openbare orde worden uiterlijk vier weken na de opname vernietigd, tenzij ze nodig zijn voor de opsporing van een strafbaar feit (Gemeentewet art. 151c lid 6).",
		"Images of public-order camera surveillance are destroyed at the latest four weeks after recording, unless needed to investigate a criminal offence (Gemeentewet art. 151c(6)).",
	},
	Satisfy: label.Text{
		"Een camera voor de openbare orde (camera_regime: public_order) geeft een retention van hoogstens P28D (vier weken), of not_stored als de camera niets opneemt: geen video_recording bij capabilities, of video_recording ook bij switched_off. Een termijn van nul (P0D) zegt hetzelfde als not_stored. Zonder bewaartermijn kan het register niet laten zien dat aan de wet is voldaan: ook dat is een fout. Elke partij die de beelden krijgt (data_sharing), geeft net zo een retention van hoogstens P28D, of not_stored; alleen een opsporingsinstantie (de politie, het Openbaar Ministerie, de Koninklijke Marechaussee, de Rijksrecherche, de FIOD) bewaart beelden voor de opsporing onder haar eigen wet, en alleen als de naam bij party die van de instantie zelf is, zonder een andere organisatie erbij. Dat geldt ook voor een camera buiten gebruik, zolang er nog beelden kunnen zijn: tot lifecycle.end plus de langste bewaartermijn, de eigen of die van een ontvanger (gerekend vanaf het einde van diens afspraak als dat later is).",
		"A public-order camera (camera_regime: public_order) states retention of at most P28D (four weeks), or not_stored when the camera records nothing: no video_recording among capabilities, or video_recording under switched_off too. A duration of nothing (P0D) says the same as not_stored. Without a stated retention the register cannot show the law is met: that is an error too. Every party that receives the images (data_sharing) likewise states a retention of at most P28D, or not_stored; only an investigating authority (the police, the public prosecutor, the Royal Military Constabulary, the Rijksrecherche, the FIOD) keeps images for a criminal investigation under its own law, and only where party is the authority's own name, with no other organisation beside it. So does a retired camera while its images may still be held: until lifecycle.end plus the longest retention, its own or a recipient's (counted from the end of the recipient's agreement where that is later).",
	},
	Example: example(`camera_regime: public_order
retention: P28D`),
	// What a recipient keeps the images for is held to the same four
	// weeks (recipientRetention151c).
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !r.PublicOrder() || !dataHeld(ctx, r) {
			return nil
		}
		return append(ownRetention151c(r), recipientRetention151c(r)...)
	},
}

// ownRetention151c holds a public-order camera's own retention to the four
// weeks of Gemeentewet art. 151c(6).
func ownRetention151c(r *record.Record) []finding.Finding {
	// A camera that records stores its images, whatever its retention
	// says: not_stored would hide the four weeks. Only a recording
	// capability listed as switched off leaves not_stored its word.
	if capability, ok := storesDespiteNotStored(r); ok {
		return []finding.Finding{citesLaw(notStoredButRecords(r.Retention, capability,
			"and the register cannot show it is destroyed within four weeks",
			"Dan is niet te zien of het binnen vier weken wordt vernietigd."), lawRetention)}
	}
	if r.Retention == "not_stored" {
		return nil
	}
	// Without a stated, readable period the register cannot show that
	// images are destroyed in time: that is the legal finding too, not
	// only the retention rule's policy warning.
	if blank(r.Retention) {
		return []finding.Finding{citesLaw(missing("",
			en("public-order camera surveillance does not state how long images are kept, so the register cannot show they are destroyed within four weeks",
				"add retention: at most P28D (four weeks), or not_stored; images needed for a criminal investigation pass to the police and its own retention"),
			nl("Bij het cameratoezicht staat niet hoe lang de beelden worden bewaard. Dan is niet te zien of ze binnen vier weken worden vernietigd.",
				"Vul retention in: ten hoogste P28D (vier weken), of not_stored als er niets wordt bewaard. Beelden die nodig zijn voor de opsporing gaan naar de politie, met haar eigen bewaartermijn.")), lawRetention)}
	}
	d, err := period.Parse(r.Retention)
	// A retention too long to compute with is longer than four weeks,
	// not one that cannot be read.
	tooLong := period.IsTooLarge(err)
	if err != nil && !tooLong {
		return []finding.Finding{citesLaw(at("/retention",
			en(fmt.Sprintf("retention %q is not a duration, so the register cannot show that camera images are destroyed within four weeks", r.Retention),
				"write an ISO 8601 duration of at most P28D (four weeks), or not_stored"),
			nl(fmt.Sprintf("De bewaartermijn %q is geen termijn die het register kan lezen. Dan is niet te zien of de beelden binnen vier weken worden vernietigd.", r.Retention),
				"Schrijf de termijn als ISO 8601-duur van ten hoogste P28D (vier weken), of not_stored als er niets wordt bewaard.")), lawRetention)}
	}
	// The four weeks hold for every image, whenever it is
	// recorded: P1M is longer from most days of the year.
	if !tooLong && !d.MayBeLonger(maxRetention151c) {
		return nil
	}
	kept := fmt.Sprintf("%s (%s)", duur(d), r.Retention)
	if tooLong {
		kept = r.Retention
	}
	f := at("/retention",
		en(fmt.Sprintf("public-order camera images are kept for %s, longer than the four weeks the law allows", r.Retention),
			"destroy images after at most four weeks (retention: P28D); images needed for a criminal investigation pass to the police and its own retention"),
		nl(fmt.Sprintf("Beelden van cameratoezicht worden %s bewaard. Dat is langer dan de vier weken die de wet toestaat.", kept),
			"Vernietig de beelden na hoogstens vier weken (retention: P28D). Beelden die nodig zijn voor de opsporing gaan naar de politie, met haar eigen bewaartermijn."))
	f = citesLaw(f, lawRetention)
	return []finding.Finding{f}
}
