package principle

import (
	"cmp"
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

var cameraTemporary = &Rule{
	ID: "camera-temporary", Ref: "C-camera-temporary", Default: finding.Error, Applies: publicOrderInUse,
	// A fixed term is the law's (151c) for public-order cameras; the
	// two-year maximum is the programme's, so a municipality may set it
	// differently.
	Law: lawCamera, LawScope: label.Text{"voor de einddatum van een camera voor de openbare orde", "for a public-order camera's end date"},
	Title: label.Text{"Camera's alleen tijdelijk", "Cameras only temporary"},
	Why: label.Text{
		"Camera's voor toezicht worden alleen tijdelijk ingezet, voor een specifiek probleem in een specifieke buurt (programma-afspraak). Voor cameratoezicht voor de openbare orde is een vaste termijn ook een wettelijke plicht (Gemeentewet art. 151c lid 1). Andere camera's (verkeer, handhaving, bruggen, beveiliging) vallen niet onder deze afspraak; voor hen geldt de levensduur van principe 3.4.",
		"Surveillance cameras are only a temporary measure for a specific problem in a specific neighbourhood (programme commitment). For public-order camera surveillance a fixed term is also a legal duty (Gemeentewet art. 151c(1)). Other cameras (traffic, enforcement, bridges, object security) are not covered by the commitment; the life cycle of principle 3.4 applies to them.",
	},
	Satisfy: label.Text{
		"Een camera voor de openbare orde (camera_regime: public_order) heeft lifecycle.start en lifecycle.end; het einde ligt niet later dan limits.camera_lifecycle_max (standaard P2Y) na de start.",
		"A public-order camera (camera_regime: public_order) has lifecycle.start and lifecycle.end, the end no later than limits.camera_lifecycle_max (default P2Y) after the start.",
	},
	Example: example(`sensor_type: camera
camera_regime: public_order
lifecycle:
  start: 2026-01-15
  end: 2027-01-14
  extension_criteria: Extended only when incidents on the square have not dropped below the 2025 level.`),
	// Applies keeps the check to public-order cameras in use.
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if blank(r.Lifecycle.End) {
			limit := ctx.Config.Limits.CameraLifecycleMax
			f := missing("/lifecycle",
				en("the camera has no end date: public-order camera surveillance needs a fixed term by law, and cameras are a temporary measure",
					fmt.Sprintf("add lifecycle.end, at most %s after the start, as in the mayor's decision", limit)),
				nl("De camera heeft geen einddatum. Cameratoezicht voor de openbare orde moet volgens de wet een vaste termijn hebben, en camera's worden alleen tijdelijk ingezet.",
					fmt.Sprintf("Vul lifecycle.end in, zoals in het besluit van de burgemeester: ten hoogste %s (%s) na de start.", duur(limit), limit)))
			f = lawful(cites(f, art151c1, "Gemeentewet art. 151c lid 1"), lawCamera)
			return []finding.Finding{f}
		}
		start, ok1 := date(r.Lifecycle.Start)
		end, ok2 := date(r.Lifecycle.End)
		limit := ctx.Config.Limits.CameraLifecycleMax
		if !ok1 || !ok2 {
			// The rule applies but cannot measure the term: saying nothing
			// would read as "temporary" on the record's page.
			field, path := "lifecycle.start", "/lifecycle"
			if ok1 {
				field, path = "lifecycle.end", "/lifecycle/end"
			} else if !blank(r.Lifecycle.Start) {
				path = "/lifecycle/start"
			}
			f := at(path,
				en(fmt.Sprintf("the camera's term cannot be checked: %s is missing or not a date, so it is unknown whether the camera stays no longer than %s", field, limit),
					fmt.Sprintf("fill in %s as YYYY-MM-DD, as in the mayor's decision", field)),
				nl(fmt.Sprintf("De looptijd van de camera is niet te controleren: bij %s staat geen geldige datum. Daardoor is niet te zien of de camera niet langer dan %s (%s) blijft.", field, duur(limit), limit),
					fmt.Sprintf("Vul %s in als JJJJ-MM-DD, zoals in het besluit van de burgemeester.", field)))
			if path == "/lifecycle" {
				f.Key = true
			}
			f.Severity = finding.Warning
			return []finding.Finding{f}
		}
		if end.After(limit.AddTo(start)) {
			return []finding.Finding{worded(finding.Finding{Path: "/lifecycle/end", Severity: finding.Warning},
				en(fmt.Sprintf("the camera runs from %s to %s, longer than the %s a temporary camera may stay (limits.camera_lifecycle_max)", r.Lifecycle.Start, r.Lifecycle.End, limit),
					"shorten the term and decide on extension after an evaluation, or record why this camera needs longer with an exception"),
				nl(fmt.Sprintf("De camera hangt van %s tot %s. Dat is langer dan de %s (%s) die een tijdelijke camera mag blijven (limits.camera_lifecycle_max).", datum(r.Lifecycle.Start), datum(r.Lifecycle.End), duur(limit), limit),
					"Maak de termijn korter en besluit pas na een evaluatie over verlenging. Of leg met een uitzondering vast waarom deze camera langer nodig is."))}
		}
		return nil
	},
}

var signage = &Rule{
	ID: "signage", Ref: "VNG 4.3", Default: finding.Error, Applies: signed,
	// Public-order cameras must be recognisable by law (151c: "kenbaar"),
	// and people whose personal data a camera or other sensor processes in
	// public space must be informed (GDPR art. 12-14), on the spot by a
	// sign; signs for the police's sensors and boa's police data (Wet
	// politiegegevens) and for sensors without personal data are VNG 4.3's
	// policy.
	Law: lawCamera, LawScope: exceptPoliceData(label.Text{"voor camera's en andere sensoren die persoonsgegevens verwerken (openbare orde: Gemeentewet art. 151c lid 4; andere camera's: AVG art. 13; andere sensoren: AVG art. 12-14)", "for cameras and other sensors that process personal data (public order: Gemeentewet 151c(4); other cameras: GDPR art. 13; other sensors: GDPR art. 12-14)"}),
	Title: label.Text{"Herkenbaarheid", "Recognisable sensors"},
	Why: label.Text{
		"We maken sensoren herkenbaar, bijvoorbeeld met een kleur of een bord met het doel en een verwijzing naar het register (VNG-principe 4.3). Voor cameratoezicht voor de openbare orde is kenbaarheid een wettelijke plicht (Gemeentewet art. 151c lid 4); wie met een camera of een andere sensor in de openbare ruimte persoonsgegevens verwerkt, moet de mensen informeren (AVG art. 12-14), en op straat gebeurt dat met een bord.",
		"Sensors are made recognisable, for example by a colour or a sign with the purpose and a link to the register (VNG principle 4.3). For public-order camera surveillance it is a legal duty (Gemeentewet art. 151c(4)); whoever processes personal data with a camera or another sensor in public space must inform the people concerned (GDPR art. 12-14), which on the street is done with a sign.",
	},
	Satisfy: label.Text{
		"Een camera voor de openbare orde, een camera die persoonsgegevens verwerkt en elke andere sensor die persoonsgegevens verwerkt, heeft signage.present: true met een beschrijving van de borden.",
		"A public-order camera, a camera that processes personal data, and any other sensor that processes personal data has signage.present: true with a description of the signs.",
	},
	Example: example(`signage:
  present: true
  description: Signs at the four entrances of the square, with the purpose and a QR code to this register.`),
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		personal := personal(r)
		if r.Kind != record.Sensor || retired(r) || !(r.PublicOrder() || personal) {
			return nil
		}
		sev, why, waarom, cite, citeNL := finding.Warning, "it processes personal data", "De sensor verwerkt persoonsgegevens.", "", ""
		var law label.Text
		switch {
		case r.PublicOrder():
			sev, why, waarom, cite, citeNL, law = finding.Error, "public-order camera surveillance must be recognisable by law", "Cameratoezicht voor de openbare orde moet volgens de wet herkenbaar zijn.", art151c4, "Gemeentewet art. 151c lid 4", lawCamera
		case outsideGDPR(r):
			// The police's sensors, and what boa's process as police data,
			// fall under the Wet politiegegevens, not the GDPR's duty to
			// inform (GDPR art. 2(2)(d)); for them signs are the
			// principle's. Only those: another operator that claims the
			// police regime stays under the GDPR (mayBePoliceData).
		case r.HasRegime():
			sev, why, waarom, law = finding.Error, "people filmed must be informed (GDPR art. 13), for cameras by a sign", "Wie gefilmd wordt, moet dat kunnen weten (AVG art. 13); bij camera's gebeurt dat met een bord.", lawInform
		default:
			sev, why, waarom, law = finding.Error, "people whose personal data a sensor processes in public space must be informed (GDPR art. 12-14), on the spot by a sign", "Wie in de openbare ruimte persoonsgegevens verwerkt, moet de mensen dat laten weten (AVG art. 12-14); bij een sensor gebeurt dat met een bord.", lawTransparency
		}
		var f finding.Finding
		switch {
		case r.Signage == nil:
			f = missing("",
				en("the record does not say how the sensor is made recognisable, while "+why,
					"place signs with the purpose and a link to the register, and add signage: {present: true, description}"),
				nl("Er staat niet bij hoe de sensor herkenbaar is gemaakt. "+waarom,
					"Hang borden op met het doel en een verwijzing naar het register, en vul signage in: {present: true, description}."))
		case !isTrue(r.Signage.Present):
			f = missing("/signage",
				en("the sensor has no signs, while "+why,
					"place signs with the purpose and a link to the register, and set signage.present: true"),
				nl("Bij de sensor hangen geen borden. "+waarom,
					"Hang borden op met het doel en een verwijzing naar het register, en vul signage.present: true in."))
		default:
			return nil
		}
		if cite != "" {
			f = cites(f, cite, citeNL)
		}
		f.Severity = sev
		if !law.IsZero() {
			f = lawful(f, law)
		}
		return []finding.Finding{f}
	},
}

// publicOrderInUse reports whether the record is the mayor's camera
// surveillance (Gemeentewet 151c) and not retired: what the camera rules
// concern.
func publicOrderInUse(r *record.Record) bool { return r.PublicOrder() && !retired(r) }

// signed reports whether signage concerns the record: a sensor in place
// that is a public-order camera or processes personal data.
func signed(r *record.Record) bool {
	return r.Kind == record.Sensor && !retired(r) && (r.PublicOrder() || personal(r))
}

// countsWithImages reports whether the record is a sensor in place that
// counts people or vehicles with images: what minimisation concerns.
func countsWithImages(r *record.Record) bool {
	if r.Kind != record.Sensor || retired(r) {
		return false
	}
	images := r.IsCamera() || r.SensorType == "crowd_counter" || r.Has("image_analysis") || r.Has("video_recording")
	return images && slices.ContainsFunc(counting, r.Has)
}

// counting are the capabilities of a sensor that counts rather than watches.
var counting = []string{"people_counting", "vehicle_counting"}

var minimisation = &Rule{
	ID: "minimisation", Ref: "VNG 7.5", Default: finding.Warning, Applies: countsWithImages,
	Title: label.Text{"Minimalisatie", "Minimisation"},
	Why: label.Text{
		"We hangen niet meer sensoren op dan het doel vraagt, en ze kunnen niet meer dan daarvoor nodig is: drukte meten kan met een camera met lage resolutie (VNG-principe 7.5). Dat voorkomt 'function creep'.",
		"No more sensors than the purpose needs, and none that can do more than it needs: crowds can be counted with a low-resolution camera (VNG principle 7.5). This prevents function creep.",
	},
	Satisfy: label.Text{
		"Een camera of sensor die beelden analyseert en mensen of voertuigen telt, noemt minimisation.measures (bijvoorbeeld low_resolution, on_device_processing, aggregation_only).",
		"A camera or image-analysing sensor that counts people or vehicles lists minimisation.measures (for example low_resolution, on_device_processing, aggregation_only).",
	},
	Example: example(`capabilities: [image_analysis, people_counting]
minimisation:
  measures: [low_resolution, on_device_processing, aggregation_only]
  notes: Counts leave the device every minute; no images are stored or sent.`),
	// Applies keeps the check to sensors that count with images.
	Check: func(_ *Context, r *record.Record) []finding.Finding {
		if r.Minimisation != nil && len(r.Minimisation.Measures) > 0 {
			return nil
		}
		parent := present(r.Minimisation != nil, "/minimisation")
		return []finding.Finding{missing(parent,
			en("the sensor counts with images but lists no minimisation measures",
				"count on the device with a low resolution and send only counts, and list the measures under minimisation.measures"),
			nl("De sensor telt met beelden, maar er staat niet bij hoe hij zo weinig mogelijk vastlegt (minimalisatie).",
				"Laat het apparaat zelf tellen, met een lage resolutie, en stuur alleen de tellingen door. Zet de maatregelen bij minimisation.measures."))}
	},
}

var supplierWatch = &Rule{
	ID: "supplier-watch", Ref: "VNG 7.6", Default: finding.Warning,
	Title: label.Text{"Ketenrisico leverancier", "Supply-chain risk"},
	Why: label.Text{
		"We zijn ons bewust van risico's die de staat overstijgen, zoals spionage, en stellen eisen aan de keten van leveranciers (VNG-principe 7.6). De gemeente houdt een lijst bij van fabrikanten die op openbare restrictielijsten van overheden staan.",
		"Supra-national risks such as espionage are taken into account, with demands on the supply chain (VNG principle 7.6). The municipality keeps a list of manufacturers on public government restriction lists.",
	},
	Satisfy: label.Text{
		"vendor.manufacturer staat niet op supplier_watch in register.yaml. Een camera noemt zijn vendor.manufacturer, zodat dit gecontroleerd kan worden.",
		"vendor.manufacturer is not on supplier_watch in register.yaml. A camera states its vendor.manufacturer, so the check can be made.",
	},
	Example: example(`vendor:
  manufacturer: Axis Communications
  model: P3268-LVE
  country: SE`),
	Applies: func(r *record.Record) bool { return r.Kind == record.Sensor && !retired(r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if r.Vendor == nil || blank(r.Vendor.Manufacturer) {
			if !r.IsCamera() {
				return nil
			}
			parent := present(r.Vendor != nil, "/vendor")
			return []finding.Finding{missing(parent,
				en("the camera does not name its manufacturer, so supply-chain risks cannot be checked",
					"add vendor.manufacturer, model and country"),
				nl("Er staat niet bij wie de camera heeft gemaakt. Daardoor zijn de risico's in de keten van leveranciers niet te controleren.",
					"Vul vendor.manufacturer (fabrikant), model en country (land) in."))}
		}
		for _, w := range ctx.Config.SupplierWatch {
			if !sameMaker(r.Vendor.Manufacturer, w.Manufacturer) {
				continue
			}
			msg := fmt.Sprintf("manufacturer %s is on the supplier watch list", r.Vendor.Manufacturer)
			msgNL := fmt.Sprintf("Fabrikant %s staat op de lijst van leveranciers waarbij de gemeente extra oplet", r.Vendor.Manufacturer)
			if !blank(w.Source) {
				msg += " (" + w.Source + ")"
				msgNL += " (" + w.Source + ")"
			}
			return []finding.Finding{at("/vendor/manufacturer",
				en(msg, "weigh the supply-chain risk (network separation, no remote access by the maker) or replace the device; record an exception when the risk is accepted"),
				nl(msgNL+".", "Weeg het risico af (bijvoorbeeld een apart netwerk en geen toegang op afstand voor de fabrikant) of vervang het apparaat. Leg een uitzondering vast als het risico wordt aanvaard."))}
		}
		return nil
	},
}

// sameMaker reports whether a manufacturer as written on a record is the
// watched one: case and punctuation do not count, and a longer company name
// that starts with the watched name ("Hikvision Digital Technology") matches.
func sameMaker(name, watched string) bool {
	norm := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	n, w := norm(name), norm(watched)
	return len(w) > 0 && len(n) >= len(w) && slices.Equal(n[:len(w)], w)
}

var securityAudit = &Rule{
	ID: "security-audit", Ref: "VNG 7.7", Default: finding.Warning,
	// In use, and either processing personal data or with an audit whose
	// age can be checked.
	Applies: func(r *record.Record) bool {
		return (r.Active() || notDeployedLabel(r) && mayBeInUse(r)) && (personal(r) || !blank(securityLast(r)))
	},
	AppliesOn: func(r *record.Record, today time.Time) bool { return activeOn(&Context{day: newClock(today)}, r) },
	Title:     label.Text{"Beveiligingsaudit", "Security audit"},
	Why: label.Text{
		"Hardware en infrastructuur zijn veilig, met privacy en security by design als harde eis (VNG-principe 7.4), en een onafhankelijke partij controleert de beveiliging van de ingezette technieken periodiek met een audit (7.7).",
		"Hardware and infrastructure are secure, with privacy and security by design as a hard requirement (VNG principle 7.4), and the security of the technology in use is audited independently at regular intervals (7.7).",
	},
	Satisfy: label.Text{
		"Een registratie in gebruik die persoonsgegevens verwerkt, heeft security.last_audit, niet langer geleden dan limits.security_audit_max (standaard P3Y).",
		"A record in use that processes personal data has security.last_audit, no longer ago than limits.security_audit_max (default P3Y).",
	},
	Example: example(`security:
  last_audit: 2025-10-01
  audit_url: https://voorbeeldstad.example/audits/camera-netwerk-2025.pdf
  measures: Cameras on a separate network; no remote access by the supplier.`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if !activeOn(ctx, r) {
			return nil
		}
		limit := ctx.Config.Limits.SecurityAuditMax
		last, ok := date(securityLast(r))
		if !ok {
			if !personal(r) {
				return nil
			}
			parent := present(r.Security != nil, "/security")
			return []finding.Finding{missing(parent,
				en("no security audit is recorded for a record in use that processes personal data",
					fmt.Sprintf("have the security audited independently and add security.last_audit; audits are due every %s", limit)),
				nl("Er staat geen beveiligingsaudit bij, terwijl de toepassing in gebruik is en persoonsgegevens verwerkt.",
					fmt.Sprintf("Laat de beveiliging onafhankelijk controleren en vul security.last_audit in. Een audit is elke %s (%s) nodig.", duur(limit), limit)))}
		}
		if !ctx.OnOrAfter(last) {
			// Not yet taken place: counted from it, the audit would never
			// fall due.
			return []finding.Finding{at("/security/last_audit",
				en(fmt.Sprintf("security.last_audit is %s, a date still to come: an audit cannot have taken place in the future, so none is recorded", r.Security.LastAudit),
					"set security.last_audit only once the audit has taken place, to its day; if the date is wrong, correct it"),
				nl(fmt.Sprintf("Bij security.last_audit staat %s, een datum die nog moet komen. Een audit kan niet in de toekomst hebben plaatsgevonden, dus er staat geen audit bij.", datum(r.Security.LastAudit)),
					"Vul security.last_audit pas in als de audit heeft plaatsgevonden, met de datum daarvan. Klopt de datum niet, verbeter die dan."))}
		}
		if ctx.After(limit.AddTo(last)) {
			return []finding.Finding{at("/security/last_audit",
				en(fmt.Sprintf("the last security audit was on %s, longer ago than %s (limits.security_audit_max)", r.Security.LastAudit, limit),
					"have the security audited again and update security.last_audit"),
				nl(fmt.Sprintf("De laatste beveiligingsaudit was op %s. Dat is langer geleden dan %s (%s, limits.security_audit_max).", datum(r.Security.LastAudit), duur(limit), limit),
					"Laat de beveiliging opnieuw controleren en werk security.last_audit bij."))}
		}
		return nil
	},
}

func securityLast(r *record.Record) string {
	if r.Security == nil {
		return ""
	}
	return r.Security.LastAudit
}

// recipientRetention151c holds what each recipient of a public-order
// camera's images (data_sharing) keeps them for to the same four weeks as
// the camera's own retention (Gemeentewet art. 151c(6)): a copy kept longer
// elsewhere is an image not destroyed. The article's one exception, images
// needed for a criminal investigation, is what the record can state by
// its recipient: the police or the public prosecutor, who keep them under
// their own law (investigates). Any other recipient that does not state a
// readable retention fails closed, as the camera's own retention does.
func recipientRetention151c(r *record.Record) []finding.Finding {
	var fs []finding.Finding
	for i, s := range r.DataSharing {
		if s.Retention == "not_stored" {
			continue
		}
		item := index("data_sharing", i)
		party, partij := s.Party, s.Party
		if blank(party) {
			party, partij = fmt.Sprintf("entry %d", i+1), fmt.Sprintf("afspraak %d", i+1)
		}
		if investigates(s.Party) {
			// The exemption rests on a name the check cannot verify:
			// residents see it, so a name borrowed to keep images longer
			// is in plain sight.
			if d, err := period.Parse(s.Retention); err != nil || d.MayBeLonger(maxRetention151c) {
				f := at(item,
					en(fmt.Sprintf("%s is taken, by its name, as an investigating authority, which keeps the images it receives under its own law (retention %s), not the four weeks of public-order camera surveillance", party, cmp.Or(s.Retention, "not stated")),
						"if the recipient is not the police, the public prosecutor or another investigating authority, agree that it destroys the images within four weeks (retention: P28D at most)"),
					nl(fmt.Sprintf("%s geldt door de naam als opsporingsinstantie. Die bewaart de beelden die ze krijgt onder haar eigen wet (bewaartermijn %s), niet de vier weken van cameratoezicht.", partij, cmp.Or(s.Retention, "niet ingevuld")),
						"Is de ontvanger niet de politie, het Openbaar Ministerie of een andere opsporingsinstantie, spreek dan af dat de beelden binnen vier weken worden vernietigd (retention: ten hoogste P28D)."))
				f.Severity = finding.Info
				fs = append(fs, citesLaw(f, lawRetention))
			}
			continue
		}
		if blank(s.Retention) {
			fs = append(fs, citesLaw(missing(item,
				en(fmt.Sprintf("data sharing with %s does not say how long it keeps the images, so the register cannot show they are destroyed within four weeks", party),
					"agree that the images are destroyed within four weeks and add it as retention (at most P28D), or not_stored when the party keeps nothing"),
				nl(fmt.Sprintf("Bij de gegevensdeling met %s staat niet hoe lang de beelden daar worden bewaard. Dan is niet te zien of ze binnen vier weken worden vernietigd.", partij),
					"Spreek af dat de beelden binnen vier weken worden vernietigd en vul dat in bij retention (ten hoogste P28D), of not_stored als de partij niets bewaart.")), lawRetention))
			continue
		}
		d, err := period.Parse(s.Retention)
		tooLong := period.IsTooLarge(err)
		if err != nil && !tooLong {
			fs = append(fs, citesLaw(at(item+"/retention",
				en(fmt.Sprintf("retention %q of %s is not a duration, so the register cannot show that the images are destroyed within four weeks", s.Retention, party),
					"write an ISO 8601 duration of at most P28D (four weeks), or not_stored"),
				nl(fmt.Sprintf("De bewaartermijn %q bij %s is geen termijn die het register kan lezen. Dan is niet te zien of de beelden binnen vier weken worden vernietigd.", s.Retention, partij),
					"Schrijf de termijn als ISO 8601-duur van ten hoogste P28D (vier weken), of not_stored als de partij niets bewaart.")), lawRetention))
			continue
		}
		if !tooLong && !d.MayBeLonger(maxRetention151c) {
			continue
		}
		kept := fmt.Sprintf("%s (%s)", duur(d), s.Retention)
		if tooLong {
			kept = s.Retention
		}
		fs = append(fs, citesLaw(at(item+"/retention",
			en(fmt.Sprintf("%s keeps public-order camera images for %s, longer than the four weeks the law allows", party, s.Retention),
				fmt.Sprintf("agree that %s destroys the images within four weeks (retention: P28D at most); images needed for a criminal investigation pass to the police and its own retention", party)),
			nl(fmt.Sprintf("%s bewaart beelden van cameratoezicht %s. Dat is langer dan de vier weken die de wet toestaat.", partij, kept),
				fmt.Sprintf("Spreek af dat %s de beelden binnen vier weken vernietigt (retention: ten hoogste P28D). Beelden die nodig zijn voor de opsporing gaan naar de politie, met haar eigen bewaartermijn.", partij))), lawRetention))
	}
	return fs
}

// investigates reports whether a recipient of camera images is an
// authority that investigates crimes and keeps images needed for a
// criminal investigation under its own law, not 151c's four weeks: the
// police, the public prosecutor, the Royal Military Constabulary, the
// national criminal investigation department and the special
// investigation services. The exemption rests on the name alone, so it
// fails closed: the name is the authority's from its first word
// (authorities, as whole words, after an article), and names no other
// organisation beside it, no legal form or association (otherOrganisation)
// and no word or sign that joins a second party (joinsParty). "Winkeliers
// i.s.m. politie", "Stichting Politiehonden" or "Politiebond" is held to
// the four weeks.
func investigates(party string) bool {
	// A soft hyphen or another character that takes no place would
	// split a refused word in two ("Stadstoe\u00adzicht").
	p := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.Is(record.Invisible, r) {
			return -1
		}
		return r
	}, party))
	if strings.ContainsAny(p, joinsPartySigns) {
		return false
	}
	// Dotted abbreviations read as one word: "b.v." is "bv", "i.s.m." is
	// "ism".
	p = strings.ReplaceAll(p, ".", "")
	words := strings.FieldsFunc(p, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
	if len(words) > 0 && slices.Contains(articles, words[0]) {
		words = words[1:]
	}
	if !slices.ContainsFunc(authorityWords, func(name []string) bool {
		return len(words) >= len(name) && slices.Equal(words[:len(name)], name)
	}) {
		return false
	}
	for _, w := range words {
		if slices.Contains(joinsParty, w) || otherOrganisation(w) {
			return false
		}
	}
	return true
}

// articles may precede an authority's name: "de politie".
var articles = []string{"de", "het", "the"}

// authorities are the names, in words, of the authorities that
// investigate crimes, as a recipient's name starts with them.
var authorities = []string{
	"politie", "nationale politie", "police", "national police", "dutch police",
	"openbaar ministerie", "om", "europees openbaar ministerie", "eom", "eppo",
	"public prosecution service", "public prosecutor", "public prosecutors",
	"arrondissementsparket", "landelijk parket", "functioneel parket", "parket-generaal",
	"officier van justitie", "officieren van justitie",
	"koninklijke marechaussee", "marechaussee", "kmar", "royal netherlands marechaussee",
	"rijksrecherche", "fiod",
}

// authorityWords are the authorities' names word by word, as investigates
// compares them: split once, not for every recipient.
var authorityWords = func() [][]string {
	out := make([][]string, len(authorities))
	for i, a := range authorities {
		out[i] = strings.Fields(a)
	}
	return out
}()

// joinsPartySigns are the signs that join a second party to a name.
const joinsPartySigns = "&+/;|"

// joinsParty are the words that join a second party to a name, or say
// one party acts for another.
var joinsParty = []string{"en", "and", "of", "or", "ism", "met", "with", "namens", "via", "iov", "tbv", "ea", "cs", "plus", "behalf"}

// otherOrganisation reports whether a word names an organisation of its
// own beside an authority: a legal form, an association or a firm, alone
// or at the end of a compound ("adviesbureau", "politiebond"), though
// not a police station; or a municipality, its enforcement, or a guard
// ("Politie, Stadstoezicht", "Politie Beveiligingsdiensten").
func otherOrganisation(w string) bool {
	switch w {
	case "bureau", "politiebureau":
		return false // a police station: "Politie, bureau Centrum"
	case "bv", "nv", "vof", "cv", "ua", "ltd", "llc", "inc", "gmbh", "holding", "coöperatie", "cooperatie":
		return true
	}
	for _, s := range []string{"stichting", "vereniging", "bond", "bureau", "kantoor", "bedrijf", "firma", "verbond", "federatie", "unie", "union", "foundation", "association", "company"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	// Who else receives camera images: the municipality, its enforcement
	// and its boa's, and those who guard or watch for a living.
	if w == "boa" || w == "boas" {
		return true
	}
	// And what bears an authority's name without being one: its school,
	// pension fund or museum, a consultancy, a parquet firm.
	for _, s := range []string{"gemeente", "municipality", "handhaving", "toezicht", "beveilig", "bewaking", "security",
		"academ", "school", "opleiding", "pensioen", "pension", "fonds", "fund", "museum", "consult", "advies", "vloer", "floor", "sport",
		"wacht", "veiligheidshuis", "club", "store", "shop", "winkel", "alumni", "veteran", "studio", "design", "yoga"} {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// recording are the capabilities of a sensor that records what it
// captures, and so stores it.
var recording = []string{"video_recording", "audio_recording"}

// storesDespiteNotStored returns the first capability of r that records,
// and is not switched off, while its retention says nothing is stored
// (storesNothing): a record that contradicts itself, which the retention
// rules take as storing for a time it does not state. A recording
// capability listed under switched_off records nothing, and the retention
// is taken at its word.
func storesDespiteNotStored(r *record.Record) (string, bool) {
	if !storesNothing(r.Retention) {
		return "", false
	}
	i := slices.IndexFunc(recording, r.Uses)
	if i < 0 {
		return "", false
	}
	return recording[i], true
}

// storesNothing reports whether a retention says nothing is kept:
// not_stored, or a duration of nothing (P0D, PT0S), which says the same.
func storesNothing(retention string) bool {
	if retention == "not_stored" {
		return true
	}
	d, err := period.Parse(retention)
	return err == nil && d.IsZero()
}

// notStoredButRecords is the finding on a retention that stores nothing
// (not_stored, or a duration of nothing) while the sensor records
// (capability): why it is wrong, in English and Dutch, ending on what the
// unknown retention hides (hides, verbergt), and both ways out: state the
// retention, or say the capability is switched off.
func notStoredButRecords(retention, capability, hides, verbergt string) finding.Finding {
	says, staat := "retention says not_stored", "Bij retention staat not_stored"
	if retention != "not_stored" {
		says = fmt.Sprintf("retention is %s, which keeps nothing", retention)
		staat = fmt.Sprintf("Bij retention staat %s, dus niets bewaren", retention)
	}
	return at("/retention",
		en(fmt.Sprintf("%s, but the sensor records (%s), so what it records is stored %s", says, capability, hides),
			"state the longest time recordings are kept as retention, such as P28D; or, when "+capability+" really is switched off and nothing is recorded, list it under switched_off"),
		nl(fmt.Sprintf("%s, maar de sensor neemt op (%s). Wat hij opneemt, wordt dus bewaard. %s", staat, capability, verbergt),
			"Vul bij retention in hoe lang de opnamen ten hoogste worden bewaard, zoals P28D (28 dagen). Of zet "+capability+" bij switched_off als die echt uit staat en er niets wordt opgenomen."))
}
