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

// banned are the capabilities that follow individuals, identify or
// categorise them by their body, or read their emotions or behaviour (VNG
// 2.1), each with what it means. Counting people
// and reading licence plates are not among them.
var banned = map[string]label.Text{
	"face_recognition":                  {"gezichtsherkenning", "facial recognition"},
	"biometric_identification":          {"biometrische identificatie", "biometric identification"},
	"realtime_biometric_identification": {"live biometrische identificatie op afstand", "real-time remote biometric identification"},
	"post_biometric_identification":     {"biometrische identificatie op afstand achteraf", "after-the-fact remote biometric identification"},
	"biometric_categorisation":          {"biometrische categorisering (zoals leeftijd of geslacht)", "biometric categorisation (such as age or gender)"},
	"person_tracking":                   {"personen volgen", "following individuals"},
	"re_identification":                 {"personen herkennen (her-identificatie)", "re-identifying individuals"},
	"emotion_recognition":               {"emotieherkenning", "emotion recognition"},
	"gait_recognition":                  {"mensen herkennen aan hun manier van lopen", "recognising people by their gait"},
	"behaviour_detection_image":         {"gedrag herkennen uit beeld", "detecting behaviour from images"},
	"behaviour_detection_sound":         {"gedrag herkennen uit geluid", "detecting behaviour from sound"},
	"device_tracking":                   {"telefoons en andere apparaten volgen via wifi of bluetooth", "following phones and other devices by Wi-Fi or Bluetooth"},
}

// Remote biometric identification, by when it happens. The v1 values do not
// say; they count as real time until the record says otherwise, because
// that is the stricter case.
var (
	realtimeID = []string{"realtime_biometric_identification"}
	unstatedID = []string{"face_recognition", "biometric_identification", "gait_recognition"}
	postID     = []string{"post_biometric_identification"}
)

// art5From is the date the AI Act's prohibitions apply from (art. 113(a)).
var art5From = mustDate("2025-02-02")

// identifies returns the record's first remote biometric identification
// capability, or "".
func identifies(r *record.Record) string {
	for _, c := range r.Capabilities {
		if identifying(c) {
			return c
		}
	}
	return ""
}

// identifying reports whether a capability is remote biometric
// identification, live, after the fact or unstated.
func identifying(c string) bool { return liveID(c) || slices.Contains(postID, c) }

// liveID reports whether a capability identifies people in real time, or
// does not say (and so counts as real time).
func liveID(c string) bool { return slices.Contains(realtimeID, c) || slices.Contains(unstatedID, c) }

// biometricCapability returns the record's first capability that processes
// biometric data (identification, categorisation, emotion), or "".
func biometricCapability(r *record.Record) string {
	for _, c := range r.Capabilities {
		switch {
		case identifying(c), c == "biometric_categorisation", c == "emotion_recognition", c == "re_identification":
			return c
		}
	}
	return ""
}

// police reports whether the police operate the record, the only operator
// the ban lets an exception lower. Only the operator's own type counts:
// camera_regime police is what the record claims for the camera, and a
// municipality or a shop that claims it does not become the police.
func police(r *record.Record) bool { return r.Organisation.Type == "police" }

// lawEnforcement reports whether the record is, or claims to be, used for
// law enforcement, which AI Act art. 5(1)(h) is about.
func lawEnforcement(r *record.Record) bool {
	return police(r) || r.HasRegime() && r.CameraRegime == record.RegimePolice
}

// workOrEducation reports whether the record is used at work or in
// education, the areas where AI Act art. 5(1)(f) prohibits emotion
// recognition, and what says so, in Dutch and English: its Annex III
// point 3 (education and vocational training) or 4 (employment and
// workers management), or the theme of education.
func workOrEducation(r *record.Record) (label.Text, bool) {
	a := r.AIAct
	if a != nil && (strings.HasPrefix(a.AnnexIII, "3") || strings.HasPrefix(a.AnnexIII, "4")) {
		return label.Text{"bijlage III punt " + a.AnnexIII, "Annex III point " + a.AnnexIII}, true
	}
	for _, t := range r.Themes {
		if slices.Contains(workThemes, t) {
			return label.Text{"thema " + t, "theme " + t}, true
		}
	}
	return label.Text{}, false
}

// medicalClaim reports whether the record claims the law's one way out of
// art. 5(1)(f), a system intended for medical or safety reasons: it is
// classified high risk under Annex III point 1(c) with a basis given.
// Whether the basis is such a reason the register cannot read from words
// ("veilig opgeslagen" is none, "schoolveiligheid" may be one), so the
// claim stands as a warning a person checks, not as a pass.
func medicalClaim(r *record.Record) bool {
	a := r.AIAct
	return a != nil && a.AnnexIII == "1(c)" && !blank(a.Basis)
}

// workThemes are the themes of the national algorithm register that put
// a system in education. Work is said by the Annex III point alone: the
// themes werk (work and income) and organisatie-en-bedrijfsvoering (the
// organisation's own operations) name a policy area, not whose emotions
// are read (a job seeker or a visitor is no worker).
var workThemes = []string{"onderwijs-en-wetenschap"}

// emotionAtWork reports whether the record recognises emotions at work or
// in education (workOrEducation) without claiming the law's way out
// (medicalClaim): a prohibited practice (AI Act art. 5(1)(f)).
func emotionAtWork(r *record.Record) (label.Text, bool) {
	if !slices.Contains(r.Capabilities, "emotion_recognition") {
		return label.Text{}, false
	}
	where, ok := workOrEducation(r)
	return where, ok && !medicalClaim(r)
}

// sensitiveWords are the beginnings of words that name a trait AI Act
// art. 5(1)(g) forbids inferring by biometric categorisation (race,
// political opinions, trade union membership, religious or philosophical
// beliefs, sex life or sexual orientation), in Dutch and English;
// sensitiveTerms are whole words and phrases that do ("ras", not
// "rasterbeeld"; "geloof", not "geloofwaardig").
var (
	sensitiveWords = []string{"etnisch", "etnici", "ethnic", "racial", "huidskleur", "politiek", "political",
		"vakbond", "religi", "godsdienst", "levensbeschouw", "geloofsovertuig", "geaardheid", "seksleven"}
	sensitiveTerms = []string{"ras", "rassen", "race", "races", "geloof", "trade union", "sex life", "sexual orientation",
		"seksuele oriëntatie", "seksuele voorkeur", "skin colour", "skin color", "philosophical belief", "religious belief"}
)

// sensitiveCategorisation returns what makes the record's biometric
// categorisation a prohibited practice (AI Act art. 5(1)(g)), and whether
// it is: the record lists biometric_categorisation and says it infers a
// sensitive trait, in the categories of personal data it processes or in
// its AI Act basis, or classifies the system as prohibited. The record
// format has no field for the traits inferred; categorising by age or
// gender alone is not this prohibition (it stays the principle's ban).
func sensitiveCategorisation(r *record.Record) (string, bool) {
	if !slices.Contains(r.Capabilities, "biometric_categorisation") {
		return "", false
	}
	texts := slices.Clone(r.PersonalData.Categories)
	if a := r.AIAct; a != nil {
		if a.Category == "prohibited" {
			return "ai_act.category: prohibited", true
		}
		texts = append(texts, a.Basis)
	}
	for _, t := range texts {
		if w, ok := namesSensitiveTrait(t); ok {
			return w, true
		}
	}
	return "", false
}

// namesSensitiveTrait returns the first word or phrase of text that names
// a trait art. 5(1)(g) forbids inferring.
func namesSensitiveTrait(text string) (string, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return !unicode.IsLetter(c) })
	for _, w := range words {
		for _, p := range sensitiveWords {
			if strings.HasPrefix(w, p) {
				return w, true
			}
		}
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, t := range sensitiveTerms {
		if strings.Contains(joined, " "+t+" ") {
			return t, true
		}
	}
	return "", false
}

// courtWords name a court, an authority AI Act art. 5(3) lets authorise
// real-time identification beforehand. An independent administrative
// authority whose decision is binding may too, but no name tells one from
// an authority that is not independent or does not bind (nor that the
// national law of art. 5(5) designates it), so the checklist accepts a
// court only: fail closed, the exception then does not count, and the
// finding says so without pretending the law asks for a court.
var courtWords = []string{"rechter", "rechtbank", "gerechtshof", "hoge raad", "court", "judge"}

// notCourtWords name who is not a court and not independent: the public
// prosecutor (also "bij de rechtbank"), the mayor, the triangle of mayor,
// prosecutor and police, the police, the municipality.
var notCourtWords = []string{"officier", "justitie", "openbaar ministerie", "prosecut", "parket",
	"burgemeester", "mayor", "driehoek", "triangle", "politie", "police", "gemeente", "municipal", "college", "wethouder"}

// byCourt reports whether authority names a court and nobody who is not
// one (byCourt("rechter-commissaris, rechtbank Midden-Nederland")).
func byCourt(authority string) bool {
	a := strings.ToLower(authority)
	has := func(w string) bool { return strings.Contains(a, w) }
	return slices.ContainsFunc(courtWords, has) && !slices.ContainsFunc(notCourtWords, has) &&
		!slices.ContainsFunc(strings.Fields(a), func(w string) bool { w = strings.Trim(w, ".,;:()"); return w == "ovj" || w == "om" })
}

const biometricBanID = "biometric-ban"

// The banned capabilities the law itself forbids are the identifying ones:
// identifying people by their face, body or gait processes biometric data
// that GDPR art. 9(1) forbids without an exception ground a municipality
// does not have in public space, and real-time remote identification in
// public space is a prohibited practice (AI Act art. 5(1)(h)). So is
// emotion recognition at work and in education (AI Act art. 5(1)(f)),
// which a record states by its Annex III point (3 education, 4
// employment), and biometric categorisation that infers race, political
// opinions, religion, sexual orientation and the like (art. 5(1)(g)),
// which a record states by what it names among its categories of
// personal data or in its AI Act basis (sensitiveCategorisation). The
// other banned capabilities (following people or phones, re-identifying
// them by their clothes, emotion recognition elsewhere, categorisation by
// age or gender) are banned by VNG principle 2.1, a policy choice a
// municipality could make differently: biometric-ban is law for the first
// and policy for the rest, so configuration changes only the rest.
//
// Format v2 says when identification happens: real time (art. 5(1)(h)) or
// after the fact (high-risk, each use authorised beforehand, art. 26(10));
// the v1 values that do not say count as real time.
var lawPostIdentification = label.Text{"AI-verordening art. 26 lid 10, bijlage III punt 1(a); Wet politiegegevens", "AI Act art. 26(10), Annex III 1(a); Wet politiegegevens"}

// policeBiometricEN and policeBiometricNL say why identifying people by
// their body is a legal matter on police data (lawPoliceBiometricData).
const (
	policeBiometricEN = "; identifying people by their body processes biometric data, which on police data is allowed only where strictly necessary and a law provides for it (Wet politiegegevens; Directive (EU) 2016/680 art. 10)"
	policeBiometricNL = " Mensen herkennen aan hun lichaam is een verwerking van biometrische gegevens. Bij politiegegevens mag dat alleen als het strikt noodzakelijk is en een wet erin voorziet (Wet politiegegevens; Richtlijn (EU) 2016/680 art. 10)."
)

var biometricBan = &Rule{
	ID: biometricBanID, Ref: "VNG 2.1", Default: finding.Error, Covers: []string{"C-no-live-face"},
	// A claim of art. 5(1)(f)'s way out, a medical or safety reason,
	// the register cannot check: a warning a person checks.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	Law:           lawBiometricBan, LawfulException: lawPoliceBiometric, LawScope: label.Text{"voor het herkennen van mensen aan hun gezicht, lichaam of manier van lopen, live of achteraf, voor emotieherkenning op het werk en in het onderwijs, en voor biometrische indeling naar ras, politieke opvattingen, geloof, seksuele gerichtheid en andere gevoelige kenmerken", "for identifying people by their face, body or gait, live or after the fact, for emotion recognition at work and in education, and for biometric categorisation by race, political opinions, religion, sexual orientation and other sensitive traits"},
	Title: label.Text{"Geen biometrische surveillance", "No biometric surveillance"},
	Why: label.Text{
		"Gemeenten volgen in de openbare ruimte nooit individuele mensen en gebruiken geen biometrische surveillance zoals gezichtsherkenning, categorisering naar lichaamskenmerken, emotie- of gedragsherkenning (VNG-principe 2.1; ook de programma-afspraak tegen live gezichtsherkenning). Het verbod geldt voor sensoren en voor algoritmes. Live biometrische identificatie op afstand in de openbare ruimte is voor rechtshandhaving ook bij wet verboden sinds 2 februari 2025 (AI-verordening art. 5 lid 1 onder h), emotieherkenning op het werk en in het onderwijs ook (art. 5 lid 1 onder f), en biometrische indeling die ras, politieke opvattingen, vakbondslidmaatschap, geloof of levensovertuiging, seksleven of seksuele gerichtheid afleidt ook (art. 5 lid 1 onder g); van die twee mag niemand afwijken. Alleen de politie mag afwijken: achteraf met een voorafgaande toestemming van een rechter of een bestuursinstantie waarvan het besluit bindend is en aan de rechter kan worden voorgelegd (art. 26 lid 10), live alleen voor een doel uit art. 5 lid 1 onder h, op grond van een nationale wet (art. 5 lid 5), met voorafgaande toestemming van een rechter of een onafhankelijke bestuursinstantie waarvan het besluit bindend is (art. 5 lid 3), en met een afgeronde grondrechteneffectbeoordeling en een registratie in de EU-databank (art. 5 lid 2); dan blijft het een zichtbare waarschuwing. Of een bestuursinstantie onafhankelijk is en bindend beslist, is aan haar naam niet te zien: de controle aanvaardt daarom, live en achteraf, alleen een rechter; de politie zelf, de officier van justitie en de burgemeester tellen nooit.",
		"Municipalities never follow individuals in public space and do not use biometric surveillance such as facial recognition, categorisation by bodily traits, emotion or behaviour detection (VNG principle 2.1; also the programme commitment against live facial recognition). The ban applies to sensors and algorithms alike. Real-time remote biometric identification in publicly accessible spaces for law enforcement is also prohibited by law since 2 February 2025 (AI Act art. 5(1)(h)), and so are emotion recognition at work and in education (art. 5(1)(f)) and biometric categorisation that infers race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation (art. 5(1)(g)); nobody may deviate from those two. Only the police may deviate: after the fact with the prior authorisation of a court or an administrative authority whose decision is binding and subject to judicial review (art. 26(10)); in real time only for an objective of art. 5(1)(h), under a national law (art. 5(5)), with the prior authorisation of a court or an independent administrative authority whose decision is binding (art. 5(3)), and with a completed fundamental-rights impact assessment and a registration in the EU database (art. 5(2)), and it then stays a visible warning. A name does not show that an administrative authority is independent and its decision binding, so the checklist accepts a court only, in real time and after the fact; the police themselves, the public prosecutor and the mayor never count.",
	},
	Satisfy: label.Text{
		"De sensor of het algoritme noemt geen van de verboden capabilities (face_recognition, biometric_identification, realtime_biometric_identification, post_biometric_identification, biometric_categorisation, person_tracking, re_identification, emotion_recognition, gait_recognition, behaviour_detection_image, behaviour_detection_sound, device_tracking). Alleen voor de politie: een goedgekeurde uitzondering (rule: biometric-ban) met reason, legal_basis, approved_by, approved_on en until; voor identificatie achteraf ook authorisation {authority, date, reference} van een rechter (art. 26 lid 10 staat ook een bestuursinstantie toe waarvan het besluit bindend is en aan de rechter kan worden voorgelegd, maar dat is aan een naam niet te zien; de politie zelf, de officier van justitie en de burgemeester tellen niet); voor realtime identificatie ook objective (victim_search, imminent_threat of serious_crime_suspect), national_law, en een toestemming die de controle als die van een rechter herkent (rechter, rechtbank, gerechtshof; niet de officier van justitie, de burgemeester of de driehoek; een onafhankelijke bestuursinstantie mag volgens art. 5 lid 3 ook, maar is aan haar naam niet te herkennen) met een datum die niet later is dan approved_on, en in het AI-profiel ai_act.fria met een datum die niet later is dan approved_on en ai_act.eu_database_id (art. 5 lid 2). Realtime identificatie blijft dan een waarschuwing. Emotieherkenning op het werk of in het onderwijs (ai_act.annex_iii punt 3 of 4, of het thema onderwijs-en-wetenschap zonder punt 1(c) met een reden bij ai_act.basis; met zo'n reden blijft het een waarschuwing) is verboden, en biometrische indeling die gevoelige kenmerken afleidt ook (personal_data.categories of ai_act.basis noemt bijvoorbeeld etnische afkomst, politieke voorkeur, geloof of seksuele gerichtheid, of ai_act.category is prohibited); daarvoor telt geen uitzondering.",
		"The sensor or algorithm lists none of the banned capabilities (face_recognition, biometric_identification, realtime_biometric_identification, post_biometric_identification, biometric_categorisation, person_tracking, re_identification, emotion_recognition, gait_recognition, behaviour_detection_image, behaviour_detection_sound, device_tracking). For the police only: an approved exception (rule: biometric-ban) with reason, legal_basis, approved_by, approved_on and until; for after-the-fact identification also authorisation {authority, date, reference} by a court (art. 26(10) also allows an administrative authority whose decision is binding and subject to judicial review, but a name does not show that; the police themselves, the prosecutor and the mayor do not count); for real-time identification also objective (victim_search, imminent_threat or serious_crime_suspect), national_law, and an authorisation the checklist recognises as a court's (rechter, rechtbank, gerechtshof, court; not the public prosecutor, the mayor or the triangle; art. 5(3) also allows an independent administrative authority, but a name does not show one) dated no later than approved_on, and in the AI Act profile ai_act.fria dated no later than approved_on and ai_act.eu_database_id (art. 5(2)). Real-time identification then remains a warning. Emotion recognition at work or in education (ai_act.annex_iii point 3 or 4, or the theme onderwijs-en-wetenschap without point 1(c) with a reason in ai_act.basis; with one it stays a warning) is prohibited, and so is biometric categorisation that infers sensitive traits (personal_data.categories or ai_act.basis names, say, ethnic origin, political opinions, religion or sexual orientation, or ai_act.category is prohibited); no exception counts for them.",
	},
	Example: commented(`capabilities: [video_recording, people_counting]   # tellen mag

# de uitzondering voor de politie, voor identificatie achteraf:
organisation: {name: Politie Eenheid Midden-Nederland, type: police}
capabilities: [video_recording, post_biometric_identification]
exceptions:
  - rule: biometric-ban
    reason: comparing recorded images of suspects of a series of street robberies, per report
    legal_basis: "Wet politiegegevens art. 9; Politiewet 2012 art. 3"
    approved_by: Driehoek Voorbeeldstad
    approved_on: 2026-11-01
    until: 2027-05-01
    authorisation:
      authority: rechter-commissaris, rechtbank Midden-Nederland
      date: 2026-10-28
      reference: RC 26/1234`,
		[2]string{"tellen mag", "counting is allowed"},
		[2]string{"de uitzondering voor de politie, voor identificatie achteraf:", "the police exception for identification after the fact:"}),
	Applies: inUse,
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		var fs []finding.Finding
		// At work or in education, art. 5(1)(f) prohibits emotion
		// recognition, unless the record claims its way out (medicalClaim).
		where, atWork := workOrEducation(r)
		claimed := atWork && medicalClaim(r)
		for i, c := range r.Capabilities {
			what, ok := banned[c]
			if !ok {
				continue
			}
			f := at(index("capabilities", i),
				en(fmt.Sprintf("capability %s (%s) is biometric surveillance, which the principles ban in public space", c, what.In("en")),
					"remove the capability and switch it off on the device (a counting camera counts on the device and keeps no images); only the police may use it, with an approved exception that states its legal basis"),
				nl(fmt.Sprintf("De toepassing kan %s (%s). Dat is biometrische surveillance, en die is volgens de principes verboden in de openbare ruimte.", what.In("nl"), c),
					"Haal deze mogelijkheid uit capabilities en zet haar uit op het apparaat (een telcamera telt in het apparaat zelf en bewaart geen beelden). Alleen de politie mag dit gebruiken, met een goedgekeurde uitzondering waarin de wettelijke grondslag staat."))
			switch {
			case liveID(c):
				unstated, onduidelijk := "", ""
				if slices.Contains(unstatedID, c) {
					unstated = "; the record does not say whether it identifies in real time or after the fact, so it counts as real time (say which with realtime_biometric_identification or post_biometric_identification: both stay banned, only the police may be excepted)"
					onduidelijk = " Er staat niet bij of dit live of achteraf gebeurt; daarom telt het als live. Zeg welke het is met realtime_biometric_identification of post_biometric_identification: beide blijven verboden, alleen de politie kan een uitzondering krijgen."
				}
				law, wet, by := "; identifying people by their body processes special categories of personal data (GDPR art. 9(1))", " Mensen herkennen aan hun lichaam is een verwerking van bijzondere persoonsgegevens (AVG art. 9 lid 1).", lawBiometric
				if outsideGDPR(r) {
					// Police data: not GDPR art. 9(1) but the directive's
					// art. 10, which allows it only where strictly
					// necessary and a law provides for it.
					law, wet, by = policeBiometricEN, policeBiometricNL, lawOf(r, lawBiometric)
				}
				// Police data are processed for law enforcement, whatever
				// camera_regime says.
				if (lawEnforcement(r) || outsideGDPR(r)) && ctx.OnOrAfter(art5From) {
					law = "; real-time remote biometric identification in publicly accessible spaces is prohibited by law (AI Act art. 5(1)(h), since 2025-02-02)"
					wet = " Live biometrische identificatie op afstand in de openbare ruimte is bij wet verboden (AI-verordening art. 5 lid 1 onder h, sinds 2 februari 2025)."
				}
				f.Message = f.Message.Append(label.Text{wet + onduidelijk, law + unstated})
				f = lawful(f, by)
				if police(r) {
					f.Help = label.Text{
						"Haal het weg. De enige uitweg is een uitzondering (rule: biometric-ban) voor een doel uit art. 5 lid 1 onder h AI-verordening (objective), op grond van de nationale wet die het toestaat (national_law, art. 5 lid 5), met voorafgaande toestemming van een rechter of onafhankelijke bestuursinstantie (authorisation: authority, date, reference; art. 5 lid 3; de controle herkent alleen een rechter), en met een afgeronde grondrechteneffectbeoordeling en een registratie in de EU-databank (ai_act.fria, ai_act.eu_database_id; art. 5 lid 2). Het blijft dan een waarschuwing.",
						"remove it; the only way out is an exception (rule: biometric-ban) for an objective of AI Act art. 5(1)(h) (objective), under the national law that provides for it (national_law, art. 5(5)), with the prior authorisation of a court or independent administrative authority (authorisation: authority, date, reference; art. 5(3); the checklist recognises a court only), and with a completed fundamental-rights impact assessment and a registration in the EU database (ai_act.fria, ai_act.eu_database_id; art. 5(2)); it then stays a warning",
					}
				}
			case c == "emotion_recognition" && atWork && !claimed && ctx.OnOrAfter(art5From):
				// Not "in public space": the law forbids it in the classroom
				// and at work, wherever those are.
				f.Message = label.Text{
					fmt.Sprintf("De toepassing herkent emoties (%s) op het werk of in het onderwijs (%s). Dat is een verboden AI-praktijk (AI-verordening art. 5 lid 1 onder f, sinds 2 februari 2025), en de principes verbieden het ook als biometrische surveillance.", c, where.In("nl")),
					fmt.Sprintf("capability %s recognises emotions at work or in education (%s), a prohibited AI practice (AI Act art. 5(1)(f), since 2025-02-02); the principles also ban it as biometric surveillance", c, where.In("en")),
				}
				f = lawful(f, lawEmotionAtWork)
				// The law excepts only a system meant for medical or safety
				// reasons; the format states that by its Annex III point
				// (1(c), emotion recognition, high risk), not by an
				// exception a free-text reason could lower.
				f.Help = label.Text{
					"Stop met het gebruik: de wet verbiedt het, en geen uitzondering of instelling verandert dat. Alleen een systeem dat bedoeld is om medische redenen of voor de veiligheid valt buiten art. 5 lid 1 onder f; dat is hoog risico onder bijlage III punt 1(c), niet punt 3 of 4. Deel het dan zo in en leg de medische of veiligheidsreden uit bij ai_act.basis.",
					"stop using it: the law prohibits it, and no exception or setting changes that; only a system intended for medical or safety reasons falls outside art. 5(1)(f), and it is then high risk under Annex III point 1(c), not point 3 or 4: classify it so and give the medical or safety reason in ai_act.basis",
				}
			case c == "biometric_categorisation" && ctx.OnOrAfter(art5From):
				trait, prohibited := sensitiveCategorisation(r)
				if !prohibited {
					break
				}
				// Wherever it happens: the prohibition is not about
				// public space, and no exception or setting lowers it.
				f.Message = label.Text{
					fmt.Sprintf("De toepassing deelt mensen biometrisch in (%s) en leidt daarbij gevoelige kenmerken af (%s): ras, politieke opvattingen, vakbondslidmaatschap, geloof of levensovertuiging, seksleven of seksuele gerichtheid. Dat is een verboden AI-praktijk (AI-verordening art. 5 lid 1 onder g, sinds 2 februari 2025), en de principes verbieden het ook als biometrische surveillance.", c, trait),
					fmt.Sprintf("capability %s categorises people biometrically and infers a sensitive trait (%s): race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation, a prohibited AI practice (AI Act art. 5(1)(g), since 2025-02-02); the principles also ban it as biometric surveillance", c, trait),
				}
				f = lawful(f, lawSensitiveCategorisation)
				f.Help = label.Text{
					"Stop met het gebruik: de wet verbiedt het, en geen uitzondering of instelling verandert dat. Alleen het labelen of filteren van rechtmatig verkregen biometrische gegevens bij rechtshandhaving valt buiten art. 5 lid 1 onder g. Deelt het systeem alleen in naar bijvoorbeeld leeftijd, haal de gevoelige kenmerken dan uit personal_data.categories en ai_act.basis.",
					"stop using it: the law prohibits it, and no exception or setting changes that; only labelling or filtering lawfully acquired biometric datasets in law enforcement falls outside art. 5(1)(g). If the system only categorises by, say, age, take the sensitive traits out of personal_data.categories and ai_act.basis",
				}
			case slices.Contains(postID, c):
				switch {
				case !outsideGDPR(r):
					f = lawful(cites(f, "GDPR art. 9(1)", "AVG art. 9 lid 1"), lawBiometric)
				case !police(r):
					// boa's police data are outside GDPR art. 9(1), but
					// under the directive's art. 10; only the police may
					// be excepted under AI Act art. 26(10).
					f.Message = f.Message.Append(label.Text{policeBiometricNL, policeBiometricEN})
					f = lawful(f, lawPoliceBiometricData)
				default:
					f = lawful(f, lawPostIdentification)
					f.Message = f.Message.Append(label.Text{
						" Identificatie achteraf is hoog-risico AI (bijlage III punt 1(a) AI-verordening); elk gebruik vraagt vooraf toestemming (art. 26 lid 10).",
						"; identification after the fact is high-risk AI (AI Act Annex III 1(a)) and each use needs prior authorisation (art. 26(10))",
					})
					f.Help = label.Text{
						"Leg een uitzondering vast (rule: biometric-ban) met de wettelijke grondslag en de toestemming van een rechter of bestuursinstantie (authorisation: authority, date, reference; art. 26 lid 10; de controle herkent alleen een rechter, niet de politie, de officier van justitie of de burgemeester).",
						"record an exception (rule: biometric-ban) with the legal basis and the authorisation of a court or administrative authority (authorisation: authority, date, reference; art. 26(10); the checklist recognises a court only, not the police, the prosecutor or the mayor)",
					}
				}
			}
			fs = append(fs, f)
			if c == "emotion_recognition" && claimed && ctx.OnOrAfter(art5From) {
				// The law's own way out, claimed: lawful if the basis is a
				// medical or safety reason, which a person checks; visible
				// whatever the principle's setting.
				fs = append(fs, lawful(worded(finding.Finding{Path: f.Path, Severity: finding.Warning},
					en(fmt.Sprintf("capability %s recognises emotions at work or in education (%s), which AI Act art. 5(1)(f) prohibits unless the system is intended for medical or safety reasons; the record claims so (Annex III point 1(c), with ai_act.basis), which the register cannot check", c, where.In("en")),
						"make sure ai_act.basis states the medical or safety reason the system is intended for; if there is none, stop using it: the law prohibits it"),
					nl(fmt.Sprintf("De toepassing herkent emoties (%s) op het werk of in het onderwijs (%s). AI-verordening art. 5 lid 1 onder f verbiedt dat, tenzij het systeem bedoeld is om medische redenen of voor de veiligheid. De registratie zegt dat (bijlage III punt 1(c), met ai_act.basis), maar het register kan dat niet nagaan.", c, where.In("nl")),
						"Zorg dat ai_act.basis de medische of veiligheidsreden noemt waarvoor het systeem bedoeld is. Is die er niet, stop dan met het gebruik: de wet verbiedt het.")), lawEmotionAtWork))
			}
		}
		return fs
	},
	ExceptionNeeds: func(r *record.Record, ex record.Exception) label.Text {
		var need, nodig []string
		lacks := func(e, n string) { need, nodig = append(need, e), append(nodig, n) }
		if blank(ex.LegalBasis) {
			lacks("a specific legal basis (legal_basis)", "een specifieke wettelijke grondslag (legal_basis)")
		}
		// No exception lowers art. 5(1)(f), nor the warning on a claim of
		// its way out: emotion recognition at work or in education,
		// claimed for medical or safety reasons or not.
		if _, ok := workOrEducation(r); ok && slices.Contains(r.Capabilities, "emotion_recognition") {
			lacks("a ground in law: AI Act art. 5(1)(f) prohibits emotion recognition at work and in education, and no exception lowers that",
				"een grond in de wet: AI-verordening art. 5 lid 1 onder f verbiedt emotieherkenning op het werk en in het onderwijs, en geen uitzondering verandert dat")
		}
		if _, ok := sensitiveCategorisation(r); ok {
			lacks("a ground in law: AI Act art. 5(1)(g) prohibits biometric categorisation that infers race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation, and no exception lowers that",
				"een grond in de wet: AI-verordening art. 5 lid 1 onder g verbiedt biometrische indeling die ras, politieke opvattingen, vakbondslidmaatschap, geloof of levensovertuiging, seksleven of seksuele gerichtheid afleidt, en geen uitzondering verandert dat")
		}
		switch {
		case police(r):
		case lawEnforcement(r):
			lacks(fmt.Sprintf("an operator of type police (only the police may be excepted from the ban; camera_regime: police does not make an operator of type %s the police)", r.Organisation.Type),
				fmt.Sprintf("de politie als organisatie (alleen de politie mag een uitzondering op het verbod krijgen; camera_regime: police maakt een organisatie van het type %s niet tot de politie)", r.Organisation.Type))
		default:
			lacks("an operator of type police (only the police may be excepted from the ban)", "de politie als organisatie (alleen de politie mag een uitzondering op het verbod krijgen)")
		}
		live := slices.ContainsFunc(r.Capabilities, liveID)
		post := slices.ContainsFunc(r.Capabilities, func(c string) bool { return slices.Contains(postID, c) })
		if live || post {
			a := ex.Authorisation
			switch {
			case a == nil || blank(a.Authority) || blank(a.Date) || blank(a.Reference):
				// The paragraph that asks for it: art. 5(3) in real
				// time, art. 26(10) after the fact.
				art, artikel := "AI Act art. 5(3), 26(10)", "AI-verordening art. 5 lid 3, art. 26 lid 10"
				switch {
				case !post:
					art, artikel = "AI Act art. 5(3)", "AI-verordening art. 5 lid 3"
				case !live:
					art, artikel = "AI Act art. 26(10)", "AI-verordening art. 26 lid 10"
				}
				lacks("the prior authorisation with its authority, date and reference (authorisation; "+art+")",
					"de voorafgaande toestemming met instantie, datum en kenmerk (authorisation; "+artikel+")")
			case live && !byCourt(a.Authority):
				lacks("an authorisation the checklist can recognise (AI Act art. 5(3) allows a judicial authority or an independent administrative authority whose decision is binding; a name cannot show that an administrative authority is independent and its decision binding, so the checklist accepts only a court, named in authorisation.authority, such as rechter-commissaris, rechtbank Midden-Nederland; the public prosecutor, the mayor, the triangle, the police and the municipality are neither)",
					"een toestemming die de controle kan herkennen (AI-verordening art. 5 lid 3 staat een rechterlijke instantie toe of een onafhankelijke bestuursinstantie waarvan het besluit bindend is; aan een naam is niet te zien dat een bestuursinstantie onafhankelijk is en bindend beslist, daarom aanvaardt de controle alleen een rechter, genoemd bij authorisation.authority, zoals rechter-commissaris, rechtbank Midden-Nederland; de officier van justitie, de burgemeester, de driehoek, de politie en de gemeente zijn geen van beide)")
			case post && !byCourt(a.Authority):
				// Art. 26(10) allows a judicial authority, or an
				// administrative one whose decision is binding and subject
				// to judicial review; a name shows neither the binding nor
				// the review, and the police, the prosecutor and the mayor
				// run or steer the investigation they would authorise. Fail
				// closed, as for real time: a court only.
				lacks("an authorisation the checklist can recognise (AI Act art. 26(10) allows a judicial authority or an administrative authority whose decision is binding and subject to judicial review; a name cannot show that an administrative authority's decision is binding and open to judicial review, so the checklist accepts only a court, named in authorisation.authority, such as rechter-commissaris, rechtbank Midden-Nederland; the police themselves, the public prosecutor, the mayor, the triangle and the municipality are not accepted)",
					"een toestemming die de controle kan herkennen (AI-verordening art. 26 lid 10 staat een rechterlijke instantie toe of een bestuursinstantie waarvan het besluit bindend is en aan de rechter kan worden voorgelegd; aan een naam is dat niet te zien, daarom aanvaardt de controle alleen een rechter, genoemd bij authorisation.authority, zoals rechter-commissaris, rechtbank Midden-Nederland; de politie zelf, de officier van justitie, de burgemeester, de driehoek en de gemeente tellen niet)")
			case !blank(ex.ApprovedOn) && a.Date > ex.ApprovedOn:
				lacks(fmt.Sprintf("an authorisation before the use: it is dated %s, after approved_on %s", a.Date, ex.ApprovedOn),
					fmt.Sprintf("toestemming vóór het gebruik: ze is van %s, na approved_on %s", datum(a.Date), datum(ex.ApprovedOn)))
			}
		}
		if live {
			if blank(ex.Objective) {
				lacks("the objective of AI Act art. 5(1)(h) (objective: victim_search, imminent_threat or serious_crime_suspect)",
					"het doel uit art. 5 lid 1 onder h AI-verordening (objective: victim_search, imminent_threat of serious_crime_suspect)")
			}
			if blank(ex.NationalLaw) {
				lacks("the national law that provides for real-time identification (national_law; AI Act art. 5(5))",
					"de nationale wet die live identificatie toestaat (national_law; AI-verordening art. 5 lid 5)")
			}
			realtimeConditions(r, ex, lacks)
		}
		return label.Text{joinEn(nodig), joinAnd(need)}
	},
}

// realtimeConditions says, through lacks, which of the conditions AI Act
// art. 5(2) sets on real-time remote biometric identification for law
// enforcement the record does not meet: a fundamental-rights impact
// assessment (art. 27) completed before the use, and the system registered
// in the EU database (art. 49). The record holds both in its AI Act profile
// (ai_act.fria, ai_act.eu_database_id), as for any high-risk system; the
// use starts no earlier than the exception's approval (approved_on).
// Art. 5(2) lets a duly justified urgent use start before the
// registration, if it follows without undue delay; a record cannot show
// that urgency, so the checklist asks for the registration.
func realtimeConditions(r *record.Record, ex record.Exception, lacks func(en, nl string)) {
	a := r.AIAct
	switch {
	case a == nil || a.FRIA == nil || blank(a.FRIA.Date):
		lacks("a completed fundamental-rights impact assessment (ai_act.fria with its date; AI Act art. 5(2), 27)",
			"een afgeronde grondrechteneffectbeoordeling (ai_act.fria met de datum; AI-verordening art. 5 lid 2, art. 27)")
	case !blank(ex.ApprovedOn) && a.FRIA.Date > ex.ApprovedOn:
		lacks(fmt.Sprintf("a fundamental-rights impact assessment before the use: it is dated %s, after approved_on %s (AI Act art. 5(2))", a.FRIA.Date, ex.ApprovedOn),
			fmt.Sprintf("een grondrechteneffectbeoordeling vóór het gebruik: ze is van %s, na approved_on %s (AI-verordening art. 5 lid 2)", datum(a.FRIA.Date), datum(ex.ApprovedOn)))
	}
	if a == nil || blank(a.EUDatabaseID) {
		lacks("the system's registration in the EU database (ai_act.eu_database_id; AI Act art. 5(2), 49)",
			"de registratie van het systeem in de EU-databank (ai_act.eu_database_id; AI-verordening art. 5 lid 2, art. 49)")
	}
}

// mustDate reads a date fixed in the code.
func mustDate(s string) time.Time {
	t, err := period.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}
