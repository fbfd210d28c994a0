package principle

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// art50From is the date the AI Act's transparency duties for deployers
// apply from (art. 113; the Digital Omnibus left it).
var art50From = mustDate("2026-08-02")

// art50MarkingFrom is the date providers must mark the content their
// systems generate (art. 50(2)), later than the rest of art. 50 (the
// Digital Omnibus; shared/law.md).
var art50MarkingFrom = mustDate("2026-12-02")

// generates reports whether the system generates synthetic audio, images,
// video or text: a generative algorithm, or a record that lists a duty
// for the content it generates.
func generates(r *record.Record) bool {
	if r.Kind == record.Algorithm && r.AlgorithmType == "generative_ai" {
		return true
	}
	return r.AIAct != nil && slices.ContainsFunc(r.AIAct.Transparency, func(d string) bool {
		return d == "generated_content" || d == "generated_text" || d == "deepfake"
	})
}

// provider reports whether the organisation is the system's provider (or
// also its provider), who carries the provider's duties of art. 50.
func provider(a *record.AIAct) bool {
	return a != nil && (a.Role == "provider" || a.Role == "provider_and_deployer")
}

// analysing are the capabilities that make a sensor analyse images or
// sound, and so need an AI Act profile.
var analysing = []string{"image_analysis", "licence_plate_recognition"}

// needsProfile reports whether the record needs an AI Act profile: every
// algorithm, and every sensor that analyses images or sound.
func needsProfile(r *record.Record) bool {
	if r.Kind == record.Algorithm {
		return true
	}
	return slices.ContainsFunc(r.Capabilities, func(c string) bool {
		_, b := banned[c]
		return slices.Contains(analysing, c) || b && c != "device_tracking"
	})
}

// alwaysAI are the algorithm types that are AI systems by definition: they
// infer from input how to generate output (AI Act art. 3(1)).
var alwaysAI = []string{"machine_learning", "generative_ai"}

// aiCapabilities are what a sensor does that only an AI system does: it
// infers from images or sound who someone is, what group they belong to
// or what they feel (the biometric systems of AI Act Annex III point 1
// and art. 5(1)(f)-(h)). A record that does one is an AI system whatever
// its profile says.
var aiCapabilities = []string{
	"face_recognition", "biometric_identification", "realtime_biometric_identification",
	"post_biometric_identification", "biometric_categorisation", "emotion_recognition", "gait_recognition",
}

// aiByNature returns what makes the record an AI system by definition: its
// algorithm type, or the first capability that only an AI system has; ""
// when neither does.
func aiByNature(r *record.Record) string {
	if r.Kind == record.Algorithm && slices.Contains(alwaysAI, r.AlgorithmType) {
		return r.AlgorithmType
	}
	for _, c := range r.Capabilities {
		if slices.Contains(aiCapabilities, c) {
			return c
		}
	}
	return ""
}

// highRiskFrom returns the day the high-risk obligations apply from for
// the record, and that date (highRiskDay).
func highRiskFrom(ctx *Context, a *record.AIAct) (time.Time, string) {
	_, s, t := highRiskDay(ctx, a)
	return t, s
}

// highRiskDay returns the setting that holds the day the high-risk
// obligations apply to the record (config.AIAct.HighRiskDay: Annex I
// products have their own), the date in force and that day: the date set,
// but never later than the law's (config.LawDate). config.Load already
// refuses a later date; a Config made in code may still hold one, and it
// does not postpone a legal duty either (laterDates reports it).
func highRiskDay(ctx *Context, a *record.AIAct) (key, date string, day time.Time) {
	key, date, day = ctx.Config.AIAct.HighRiskDay(a.AnnexI, a.AnnexIII)
	if law, ok := config.LawDate(key); ok {
		if lawDay := mustDate(law); day.After(lawDay) {
			return key, law, lawDay
		}
	}
	return key, date, day
}

// highRiskPending keeps a high-risk deployer finding as it is from the date
// the high-risk obligations apply; before that it is information that says
// from when, with the source of that date (dateSource: never the Omnibus's
// for a date the municipality set itself).
func highRiskPending(ctx *Context, a *record.AIAct, f finding.Finding) finding.Finding {
	key, s, from := highRiskDay(ctx, a)
	if ctx.OnOrAfter(from) {
		return f
	}
	f.Severity = finding.Info
	f.Message = f.Message.Append(label.Text{
		fmt.Sprintf(" De plicht geldt vanaf %s (%s).", datum(s), dateSource(ctx.Config, key, s, "nl")),
		fmt.Sprintf("; the duty applies from %s (%s)", s, dateSource(ctx.Config, key, s, "en")),
	})
	return f
}

// dateSource says in lang where date, the date in force for the setting
// key (highRiskDay), comes from: the prohibitions' date for real-time
// remote biometric identification (realtimeDuties), whose art. 5(2) the
// message cites already (realtimeNeeds); the source the
// register wrote (ai_act.source) for the date it set; the Digital Omnibus
// for the law's date; and the municipality's own setting when it set an
// earlier date without a source, named where it was made: in
// register.yaml, or by the environment variable (config.Change).
func dateSource(cfg *config.Config, key, date, lang string) string {
	a := cfg.AIAct
	law, _ := config.LawDate(key)
	switch {
	case a.Source == realtimeSource:
		return realtimeDate.In(lang)
	case date == law && a.DateOf(key) != law:
		// A later date set in code, kept at the law's: the law's source.
		return defaults().AIAct.SourceIn(lang)
	case a.Source != defaults().AIAct.Source || date == law:
		return a.SourceOf(key, lang)
	}
	where, waar := key+" in register.yaml", key+" in register.yaml"
	if i := slices.IndexFunc(cfg.Changes, func(c config.Change) bool { return c.Key == key && c.Env != "" }); i >= 0 {
		where, waar = "environment variable "+cfg.Changes[i].Env, "omgevingsvariabele "+cfg.Changes[i].Env
	}
	if lang == "nl" {
		return "instelling van de gemeente (" + waar + "), zonder bron; de wet zegt " + datum(law)
	}
	return "the municipality's own setting (" + where + "), without a source; the law says " + law
}

// lawAIActDates is where the high-risk dates come from: the AI Act's
// dates of application (art. 113) as the Digital Omnibus on AI moved them.
var lawAIActDates = label.Text{"AI-verordening art. 113, zoals gewijzigd door de Digital Omnibus over AI", "AI Act art. 113, as amended by the Digital Omnibus on AI"}

// laterDates reports each AI Act date setting of cfg that is later than
// the date the law gives, as an error at the setting: such a date would
// postpone a duty the law imposes, so the checklist keeps the law's date
// (highRiskDay). config.Load refuses such a date itself, with the same
// words, and keeps the law's, so this reports only a Config made in code;
// an earlier date is stricter than the law and needs no word beyond the
// site's list of settings.
func laterDates(cfg *config.Config) []finding.Finding {
	var out []finding.Finding
	for _, key := range []string{"ai_act.high_risk_from", "ai_act.annex_i_from"} {
		law, _ := config.LawDate(key)
		value := cfg.AIAct.DateOf(key)
		set, err := period.ParseDate(value)
		if err != nil || !set.After(mustDate(law)) {
			continue
		}
		f := finding.Finding{File: config.FileName, Rule: finding.RuleConfig, Principle: "VNG 3.2", Severity: finding.Error}
		what := key
		help := fmt.Sprintf("remove %s from register.yaml or set it to %s or earlier (an earlier date is stricter and allowed); for a date the law has moved, update register", key, law)
		hulp := fmt.Sprintf("Haal %s weg uit register.yaml of zet het op %s of eerder (een eerdere datum is strenger en mag). Werk register bij voor een datum die de wet heeft verschoven.", key, datum(law))
		if env := placeAtSetting(&f, cfg, key); env != "" {
			what = env
			help = fmt.Sprintf("unset the environment variable %s or set it to %s or earlier (an earlier date is stricter and allowed); for a date the law has moved, update register", env, law)
			hulp = fmt.Sprintf("Haal de omgevingsvariabele %s weg of zet haar op %s of eerder (een eerdere datum is strenger en mag). Werk register bij voor een datum die de wet heeft verschoven.", env, datum(law))
		}
		duties, plichten := "the high-risk obligations of Annex III", "de plichten voor hoog-risico AI van bijlage III"
		if key == "ai_act.annex_i_from" {
			duties, plichten = "the high-risk obligations for the products of Annex I", "de plichten voor hoog-risico AI in producten van bijlage I"
		}
		out = append(out, lawful(worded(f,
			en(fmt.Sprintf("%s: %s is later than %s, the date %s apply from by law (%s); a setting cannot postpone a duty the law imposes, so the law's date %s applies; a later date needs a newer version of register, once the law itself moves it",
				what, value, law, duties, lawAIActDates.In("en"), law), help),
			nl(fmt.Sprintf("%s: %s is later dan %s, de datum waarop %s volgens de wet gelden (%s). Een instelling kan een plicht uit de wet niet uitstellen, dus geldt de datum uit de wet, %s. Een latere datum vraagt een nieuwere versie van register, als de wet zelf de datum verschuift.",
				what, datum(value), datum(law), plichten, lawAIActDates.In("nl"), datum(law)), hulp)), lawAIActDates))
	}
	return out
}

// realtimeSource marks the configuration realtimeDuties makes: its dates
// are the prohibitions', by art. 5(2), not a setting's (dateSource).
const realtimeSource = "\x00AI Act art. 5(2)"

// realtimeDate is where the FRIA and registration of real-time remote
// biometric identification take their date from: the prohibitions', by
// art. 5(2), which the message cites where it states the condition
// (realtimeNeeds), so the date's source does not cite it again.
var realtimeDate = label.Text{
	"de datum waarop de verboden gelden",
	"the date the prohibitions apply"}

// The laws of the FRIA and the registration of real-time remote biometric
// identification for law enforcement: art. 5(2) asks for both before its
// use, from the date the prohibitions apply.
var (
	lawRealtimeFRIA         = label.Text{"AI-verordening art. 5 lid 2, art. 27", "AI Act art. 5(2), 27"}
	lawRealtimeRegistration = label.Text{"AI-verordening art. 5 lid 2, art. 26 lid 8, art. 49", "AI Act art. 5(2), 26(8), 49"}
)

// realtimeLawEnforcement reports whether the record identifies people remotely in real
// time (or does not say when, which counts as real time) for law
// enforcement: AI Act art. 5(1)(h), allowed only with a FRIA and
// registration in the EU database (art. 5(2)).
func realtimeLawEnforcement(r *record.Record) bool {
	return lawEnforcement(r) && slices.ContainsFunc(r.Capabilities, liveID)
}

// realtimeNeeds adds to a FRIA or registration finding on real-time remote
// biometric identification for law enforcement that art. 5(2) asks for
// what (wat in Dutch) before any use, since the prohibitions apply, and
// makes law its legal ground. Before they apply it names no date: the
// note highRiskPending adds says from when.
func realtimeNeeds(ctx *Context, f finding.Finding, what, wat string, law label.Text) finding.Finding {
	since, sinds := "", ""
	if ctx.OnOrAfter(art5From) {
		since, sinds = ", since "+period.Format(art5From), ", sinds "+datum(period.Format(art5From))
	}
	f.Message = f.Message.Append(label.Text{
		fmt.Sprintf(" Voor live biometrische identificatie op afstand voor rechtshandhaving is die %s een voorwaarde voor elk gebruik%s (AI-verordening art. 5 lid 2).", wat, sinds),
		fmt.Sprintf("; for real-time remote biometric identification for law enforcement that %s is a condition of any use%s (AI Act art. 5(2))", what, since),
	})
	return lawful(f, law)
}

// realtimeDuties returns the context the FRIA and registration of the
// record are judged in: for real-time remote biometric identification for
// law enforcement (realtimeLawEnforcement) one whose high-risk dates are
// the prohibitions' (art5From), since art. 5(2) asks for both from then,
// whatever ai_act.high_risk_from says; ctx itself for any other record.
func realtimeDuties(ctx *Context, r *record.Record) *Context {
	if !realtimeLawEnforcement(r) {
		return ctx
	}
	cfg := *ctx.Config
	from := period.Format(art5From)
	cfg.AIAct.HighRiskFrom, cfg.AIAct.AnnexIFrom, cfg.AIAct.Source = from, from, realtimeSource
	live := *ctx
	live.Config = &cfg
	return &live
}

// deployer reports whether the operator deploys the system (and so carries
// the deployer's duties of art. 26, 27 and 49(3)).
// highRiskDeployed reports whether the record deploys a high-risk AI
// system of an Annex III point, in use.
func highRiskDeployed(r *record.Record) bool {
	a := r.AIAct
	return !retired(r) && a != nil && a.Category == "high_risk" && !blank(a.AnnexIII) && deployer(a)
}

// friaDue reports whether the deployer may have to assess the impact on
// fundamental rights (AI Act art. 27(1)): any deployer of a high-risk
// system of Annex III in use, but never for critical infrastructure
// (point 2). Whether it must, or must if it provides a public service, is
// friaCertain.
func friaDue(r *record.Record) bool {
	return highRiskDeployed(r) && !strings.HasPrefix(r.AIAct.AnnexIII, "2")
}

// friaCertain reports whether art. 27(1) holds the deployer to a FRIA on
// what the record itself says: a public body; every deployer of Annex III
// 5(b) or 5(c) (credit, life and health insurance); and a deployer of
// another kind (private, research, other) under point 5 (essential public
// services and benefits, emergency calls) or point 3 (education), which
// provides a public service by what the system is for. Under the other
// points a non-government deployer must do a FRIA only if it provides a
// public service, which the record format has no field for.
func friaCertain(r *record.Record) bool {
	point := r.AIAct.AnnexIII
	return government(r) || strings.HasPrefix(point, "5") || strings.HasPrefix(point, "3")
}

// ifPublicService turns a FRIA finding on a deployer the record cannot show
// to be bound into the visible question whether it is: a warning, not a
// legal duty, that says the FRIA is required if the organisation provides a
// public service, so that an exception can record that it does not.
func ifPublicService(r *record.Record, f finding.Finding) finding.Finding {
	f.Law = label.Text{}
	f.Severity = finding.Warning
	f.Message = f.Message.Append(label.Text{
		fmt.Sprintf(" Dat geldt voor een organisatie van het type %s als zij een openbare dienst verleent (zoals zorg, sociale diensten, huisvesting of vervoer voor de overheid). De registratie zegt niet of dat zo is.", r.Organisation.Type),
		fmt.Sprintf("; this applies to an organisation of type %s if it provides a public service (such as health care, social services, housing or transport on the government's behalf), which the record does not say", r.Organisation.Type),
	})
	f.Help = f.Help.Append(label.Text{
		" Verleent de organisatie geen openbare dienst, leg dat dan vast met een uitzondering (rule: ai-act-fria) met de reden.",
		"; if the organisation provides no public service, record that with an exception (rule: ai-act-fria) that gives the reason",
	})
	return f
}

func deployer(a *record.AIAct) bool {
	return a.Role == "deployer" || a.Role == "provider_and_deployer" || blank(a.Role)
}

var aiActProfile = &Rule{
	ID: "ai-act-profile", Ref: "VNG 3.2", Default: finding.Error,
	// What is an AI system and what is high risk is the law's; asking
	// every algorithm for a profile and a role is the principle's.
	Law: lawAIDefinition, LawScope: label.Text{"voor de indeling (geen AI, hoog risico, de uitzondering van art. 6 lid 3)", "for the classification (not AI, high risk, the art. 6(3) exemption)"},
	Title: label.Text{"Profiel onder de AI-verordening", "AI Act profile"},
	Why: label.Text{
		"We hanteren de risicobenadering van de AI-verordening (VNG-principe 3.2). Of iets een AI-systeem is, volgt uit de wet (art. 3 lid 1): machine learning en generatieve AI zijn dat altijd, en zo ook biometrische identificatie, categorisering en emotieherkenning (bijlage III punt 1). Een systeem uit bijlage III is hoog risico, tenzij art. 6 lid 3 geldt (nooit bij profilering); een hoog-risicosysteem noemt het punt van bijlage III of de productwet van bijlage I.",
		"The AI Act's risk approach is used (VNG principle 3.2). Whether something is an AI system follows from the law (art. 3(1)): machine learning and generative AI always are, and so are biometric identification, categorisation and emotion recognition (Annex III point 1). A system of Annex III is high risk unless art. 6(3) applies (never with profiling); a high-risk system names its Annex III point or its Annex I product legislation.",
	},
	Satisfy: label.Text{
		"Een algoritme, en een sensor die beelden of geluid analyseert, heeft ai_act met category en role. Een algoritme met machine learning of generatieve AI, en een sensor die mensen biometrisch identificeert of indeelt of emoties herkent, is niet not_ai. Een registratie met high_risk noemt ai_act.annex_iii of ai_act.annex_i. Een registratie met een punt uit bijlage III die niet high_risk is, geeft in ai_act.exemption_6_3 de motivering volgens art. 6(3); een algoritme dat profileert kan niet worden uitgezonderd. Emotieherkenning op het werk of in het onderwijs (bijlage III punt 3 of 4, of het thema onderwijs-en-wetenschap zonder punt 1(c) met een medische of veiligheidsreden bij ai_act.basis) is verboden (art. 5 lid 1 onder f) en heeft category prohibited.",
		"An algorithm, and a sensor that analyses images or sound, has ai_act with category and role. A machine-learning or generative algorithm, and a sensor that identifies or categorises people biometrically or recognises emotions, is not not_ai. A high_risk record names ai_act.annex_iii or ai_act.annex_i. A record with an Annex III point that is not high_risk gives its art. 6(3) reasoning in ai_act.exemption_6_3, and a profiling algorithm cannot be exempt. Emotion recognition at work or in education (Annex III point 3 or 4, or the theme onderwijs-en-wetenschap without point 1(c) with a medical or safety reason in ai_act.basis) is prohibited (art. 5(1)(f)) and has category prohibited.",
	},
	Example: example(`ai_act:
  category: high_risk
  role: deployer
  annex_iii: 5(a)
  basis: Decides on access to social assistance (Annex III point 5(a)).
  fria: {date: 2027-09-01, url: https://voorbeeldstad.example/fria/bijstand.pdf}
  eu_database_id: EU-DB-2027-000123`),
	Applies: func(r *record.Record) bool { return !retired(r) && needsProfile(r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		a := r.AIAct
		if a == nil {
			return []finding.Finding{worded(finding.Finding{Path: "", Severity: finding.Warning},
				en("the record has no AI Act profile, so it cannot be told whether the AI Act's duties apply",
					"add ai_act with category (prohibited, high_risk, transparency, minimal or not_ai), role (provider or deployer) and basis"),
				nl("Er staat geen indeling onder de AI-verordening bij. Daardoor is niet te zeggen welke plichten uit die wet gelden.",
					"Vul ai_act in: category (prohibited, high_risk, transparency, minimal of not_ai), role (provider of deployer) en basis (de onderbouwing)."))}
		}
		var fs []finding.Finding
		if nature := aiByNature(r); a.Category == "not_ai" && nature != "" {
			what := label.Text{
				fmt.Sprintf("Een algoritme van het type %s is altijd een AI-systeem (het leidt zijn uitkomst af uit de invoer).", nature),
				fmt.Sprintf("an algorithm of type %s is an AI system by definition (it infers its output from input)", nature),
			}
			if c, ok := banned[nature]; ok {
				kind := label.Text{"Een sensor", "a sensor"}
				if r.Kind == record.Algorithm {
					kind = label.Text{"Een algoritme", "an algorithm"}
				}
				what = label.Text{
					fmt.Sprintf("%s die aan %s doet, is altijd een AI-systeem (het leidt uit beeld of geluid af wie iemand is, tot welke groep iemand hoort of wat iemand voelt; bijlage III punt 1).", kind.In("nl"), c.In("nl")),
					fmt.Sprintf("%s that does %s is an AI system by definition (it infers from images or sound who someone is, what group they belong to or what they feel; Annex III point 1)", kind.In("en"), c.In("en")),
				}
			}
			f := at("/ai_act/category",
				en(what.In("en")+", so it cannot be not_ai",
					"classify it: prohibited, high_risk (with its Annex III point), transparency or minimal, and explain it in ai_act.basis"),
				nl(what.In("nl")+" Het kan dus niet not_ai (geen AI) zijn.",
					"Deel het in: prohibited, high_risk (met het punt van bijlage III), transparency of minimal, en leg het uit bij ai_act.basis."))
			f = lawful(cites(f, "AI Act art. 3(1)", "AI-verordening art. 3 lid 1"), lawAIDefinition)
			fs = append(fs, applies(ctx, f, art5From, "2025-02-02"))
		}
		if a.Category != "not_ai" && blank(a.Role) {
			fs = append(fs, worded(finding.Finding{Path: "/ai_act", Key: true, Severity: finding.Warning},
				en("the AI Act profile does not say whether the organisation is the provider or the deployer, which decides its duties",
					"add ai_act.role: provider, deployer or provider_and_deployer"),
				nl("Er staat niet bij of de organisatie aanbieder of gebruiksverantwoordelijke is. Dat bepaalt welke plichten gelden.",
					"Vul ai_act.role in: provider (aanbieder), deployer (gebruiksverantwoordelijke) of provider_and_deployer.")))
		}
		if where, ok := emotionAtWork(r); ok {
			// A prohibited practice is not high risk, nor any other
			// category: classifying it so would show it as allowed.
			if a.Category != "prohibited" {
				f := at("/ai_act/category",
					en(fmt.Sprintf("the system recognises emotions at work or in education (%s), a prohibited AI practice, so it cannot be classified %s", where.In("en"), a.Category),
						"stop using it and set ai_act.category: prohibited; only a system intended for medical or safety reasons falls outside the prohibition, and it is then high risk under Annex III point 1(c): classify it so and give the reason in ai_act.basis"),
					nl(fmt.Sprintf("Het systeem herkent emoties op het werk of in het onderwijs (%s). Dat is een verboden AI-praktijk, dus het kan niet als %s zijn ingedeeld.", where.In("nl"), a.Category),
						"Stop met het gebruik en vul ai_act.category: prohibited in. Alleen een systeem dat bedoeld is om medische redenen of voor de veiligheid valt buiten het verbod; dat is hoog risico onder bijlage III punt 1(c). Deel het dan zo in en leg de reden uit bij ai_act.basis."))
				fs = append(fs, applies(ctx, citesLaw(f, lawEmotionAtWork), art5From, "2025-02-02"))
			}
			return fs
		}
		if trait, ok := sensitiveCategorisation(r); ok {
			// The same for biometric categorisation by a sensitive trait
			// (art. 5(1)(g)).
			if a.Category != "prohibited" {
				f := at("/ai_act/category",
					en(fmt.Sprintf("the system categorises people biometrically by a sensitive trait (%s), a prohibited AI practice, so it cannot be classified %s", trait, a.Category),
						"stop using it and set ai_act.category: prohibited; if it only categorises by, say, age, take the sensitive traits out of personal_data.categories and ai_act.basis"),
					nl(fmt.Sprintf("Het systeem deelt mensen biometrisch in naar een gevoelig kenmerk (%s). Dat is een verboden AI-praktijk, dus het kan niet als %s zijn ingedeeld.", trait, a.Category),
						"Stop met het gebruik en vul ai_act.category: prohibited in. Deelt het systeem alleen in naar bijvoorbeeld leeftijd, haal de gevoelige kenmerken dan uit personal_data.categories en ai_act.basis."))
				fs = append(fs, applies(ctx, citesLaw(f, lawSensitiveCategorisation), art5From, "2025-02-02"))
			}
			return fs
		}
		switch {
		case a.Category == "high_risk" && blank(a.AnnexIII) && blank(a.AnnexI):
			f := missing("/ai_act",
				en("the system is classified high risk but names neither its Annex III point nor its Annex I product legislation",
					"add ai_act.annex_iii (such as 5(a)) or ai_act.annex_i"),
				nl("Het systeem is ingedeeld als hoog risico, maar er staat niet bij onder welk punt van bijlage III of welke productwet van bijlage I het valt.",
					"Vul ai_act.annex_iii in (zoals 5(a)) of ai_act.annex_i."))
			f = lawful(cites(f, "AI Act art. 6(1)-(2)", "AI-verordening art. 6 lid 1 en 2"), lawAIDefinition)
			from, s := highRiskFrom(ctx, a)
			fs = append(fs, applies(ctx, f, from, s))
		case a.Category != "high_risk" && a.Category != "prohibited" && a.Category != "not_ai" && !blank(a.AnnexIII):
			switch {
			case r.Role == "profiling":
				f := at("/ai_act/category",
					en(fmt.Sprintf("the algorithm profiles people and falls under Annex III point %s, so it is high risk: the art. 6(3) exemption never applies to profiling", a.AnnexIII),
						"set ai_act.category: high_risk"),
					nl(fmt.Sprintf("Het algoritme profileert mensen en valt onder punt %s van bijlage III. Dan is het hoog risico: de uitzondering van art. 6 lid 3 geldt nooit bij profilering.", a.AnnexIII),
						"Vul ai_act.category: high_risk in."))
				f = lawful(cites(f, "AI Act art. 6(3), last subparagraph", "AI-verordening art. 6 lid 3, laatste alinea"), lawAIDefinition)
				from, s := highRiskFrom(ctx, a)
				fs = append(fs, applies(ctx, f, from, s))
			case blank(a.Exemption):
				f := missing("/ai_act",
					en(fmt.Sprintf("the system falls under Annex III point %s but is classified %s without the art. 6(3) reasoning", a.AnnexIII, a.Category),
						"give in ai_act.exemption_6_3 why it poses no significant risk (a narrow procedural task, improving human work, detecting patterns, a preparatory task), or set category: high_risk"),
					nl(fmt.Sprintf("Het systeem valt onder punt %s van bijlage III, maar is ingedeeld als %s zonder de onderbouwing van art. 6 lid 3.", a.AnnexIII, a.Category),
						"Leg bij ai_act.exemption_6_3 uit waarom er geen groot risico is (een beperkte procedurele taak, het verbeteren van menselijk werk, het opsporen van patronen, een voorbereidende taak), of vul category: high_risk in."))
				f = lawful(cites(f, "AI Act art. 6(3)-(4)", "AI-verordening art. 6 lid 3 en 4"), lawAIDefinition)
				from, s := highRiskFrom(ctx, a)
				fs = append(fs, applies(ctx, f, from, s))
			}
		}
		return fs
	},
}

// applies keeps a legal finding as it is from the date its article applies;
// before that it is a warning of what is coming, no legal duty yet, and it
// says from when (check --as-of shows either side of the date): in a
// sentence of its own, as the message ends in its citation.
func applies(ctx *Context, f finding.Finding, from time.Time, date string) finding.Finding {
	if ctx.OnOrAfter(from) {
		return f
	}
	f.Law = label.Text{}
	f.Severity = finding.Warning
	f.Message = label.Text{
		strings.TrimSuffix(f.Message.In("nl"), ".") + fmt.Sprintf(". De plicht geldt vanaf %s.", datum(date)),
		f.Message.In("en") + fmt.Sprintf("; the duty applies from %s", date),
	}
	return f
}

var aiActFRIA = &Rule{
	ID: "ai-act-fria", Ref: "VNG 3.2", Default: finding.Error, Law: lawFRIA,
	// A FRIA done after first use, or missing for a system not yet in
	// use: a warning; a note before the high-risk duties apply
	// (highRiskPending).
	LawSeverities: []finding.Severity{finding.Error, finding.Warning, finding.Info},
	// The law binds public bodies and private entities providing public
	// services; whether a private deployer outside Annex III points 3 and
	// 5 provides one the record cannot say, so that finding is a warning
	// an exception may answer (ifPublicService).
	LawScope: label.Text{
		"voor overheden, voor iedere gebruiker onder bijlage III punt 5(b) en 5(c), en voor andere gebruikers onder punt 3 (onderwijs) en punt 5 (essentiële openbare diensten)",
		"for public bodies, for every deployer under Annex III point 5(b) and 5(c), and for other deployers under point 3 (education) and point 5 (essential public services)"},
	Title: label.Text{"Grondrechteneffectbeoordeling (FRIA)", "Fundamental-rights impact assessment (FRIA)"},
	Why: label.Text{
		"Wie als overheid (of als private partij die een openbare dienst verleent) een hoog-risico AI-systeem uit bijlage III gebruikt, en iedere gebruiker van een systeem uit bijlage III punt 5(b) of 5(c), beoordeelt vóór het eerste gebruik de gevolgen voor grondrechten (AI-verordening art. 27). Dat geldt niet voor kritieke infrastructuur (bijlage III punt 2), en pas vanaf de datum waarop de hoog-risicoplichten gelden; voor live biometrische identificatie op afstand voor rechtshandhaving al sinds 2 februari 2025, als voorwaarde voor elk gebruik (art. 5 lid 2).",
		"A public body (or a private entity providing a public service) deploying a high-risk AI system of Annex III, and every deployer of a system of Annex III point 5(b) or 5(c), assesses the impact on fundamental rights before first use (AI Act art. 27). It does not apply to critical infrastructure (Annex III point 2), and only from the date the high-risk obligations apply; for real-time remote biometric identification for law enforcement since 2 February 2025, as a condition of any use (art. 5(2)).",
	},
	Satisfy: label.Text{
		"Een registratie met high_risk uit bijlage III (niet punt 2) die een gemeente, de politie of een andere overheid als gebruiksverantwoordelijke inzet, of die iemand anders inzet onder punt 3 (onderwijs) of punt 5 (essentiële openbare diensten, waaronder 5(b) en 5(c)), heeft ai_act.fria met een datum, vanaf de datum in ai_act.high_risk_from (register.yaml; een latere datum dan 2027-12-02 telt niet), en voor live biometrische identificatie op afstand voor rechtshandhaving vanaf 2025-02-02. Zet een private partij, een onderzoeksinstelling of een andere organisatie het systeem in onder een ander punt, dan is de FRIA nodig als zij een openbare dienst verleent: de controle waarschuwt, en een uitzondering kan vastleggen dat dat niet zo is.",
		"A high_risk record of Annex III (not point 2) deployed by a municipality, the police or another government body, or by anyone else under point 3 (education) or point 5 (essential public services, 5(b) and 5(c) among them), has ai_act.fria with a date, from the date in ai_act.high_risk_from (register.yaml; a date later than 2027-12-02 does not count), and for real-time remote biometric identification for law enforcement from 2025-02-02. When a private, research or other organisation deploys it under another point, the FRIA is required if it provides a public service: the checklist warns, and an exception can record that it does not.",
	},
	Example: example(`ai_act:
  category: high_risk
  role: deployer
  annex_iii: 5(a)
  fria: {date: 2027-09-01, url: https://voorbeeldstad.example/fria/bijstand.pdf}`),
	Applies: friaDue,
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		ctx = realtimeDuties(ctx, r)
		a := r.AIAct
		point := a.AnnexIII
		if a.FRIA != nil && !blank(a.FRIA.Date) {
			fs := friaTiming(ctx, r)
			if !friaCertain(r) {
				for i := range fs {
					fs[i].Law = label.Text{} // a late FRIA is a breach only where the duty is sure
				}
			}
			return fs
		}
		f := missing("/ai_act",
			en(fmt.Sprintf("a deployer of a high-risk AI system of Annex III point %s must assess the impact on fundamental rights before first use, and no FRIA is recorded", point),
				"do the fundamental-rights impact assessment (an IAMA or FRAIA can serve) and add ai_act.fria with its date and url"),
			nl(fmt.Sprintf("Wie een hoog-risico AI-systeem uit bijlage III punt %s gebruikt, moet vóór het eerste gebruik de gevolgen voor grondrechten beoordelen. Er staat geen grondrechteneffectbeoordeling (FRIA) bij.", point),
				"Voer de grondrechteneffectbeoordeling uit (een IAMA of FRAIA kan dienen) en vul ai_act.fria in met de datum en een link."))
		f = citesLaw(f, lawFRIA)
		if realtimeLawEnforcement(r) {
			f = realtimeNeeds(ctx, f, "assessment", "beoordeling", lawRealtimeFRIA)
		}
		if !friaCertain(r) {
			f = ifPublicService(r, f)
		}
		return []finding.Finding{highRiskPending(ctx, a, f)}
	},
}

var aiActRegistration = &Rule{
	ID: "ai-act-registration", Ref: "VNG 3.2", Default: finding.Error, Law: lawEUDatabase,
	// A note before the high-risk duties apply (highRiskPending).
	LawSeverities: []finding.Severity{finding.Error, finding.Info},
	Title:         label.Text{"Registratie in de EU-databank", "Registration in the EU database"},
	Why: label.Text{
		"Een overheid die een hoog-risico AI-systeem uit bijlage III gebruikt, registreert dat gebruik in de EU-databank (AI-verordening art. 26 lid 8, art. 49 lid 3), behalve voor kritieke infrastructuur (bijlage III punt 2). Dat geldt vanaf de datum waarop de hoog-risicoplichten gelden; voor live biometrische identificatie op afstand voor rechtshandhaving al sinds 2 februari 2025, als voorwaarde voor elk gebruik (art. 5 lid 2).",
		"A public authority deploying a high-risk AI system of Annex III registers that use in the EU database (AI Act art. 26(8), art. 49(3)), except for critical infrastructure (Annex III point 2). It applies from the date the high-risk obligations apply; for real-time remote biometric identification for law enforcement since 2 February 2025, as a condition of any use (art. 5(2)).",
	},
	Satisfy: label.Text{
		"Een registratie met high_risk uit bijlage III (niet punt 2) die een gemeente, de politie of een andere overheid als gebruiksverantwoordelijke inzet, heeft ai_act.eu_database_id, vanaf de datum in ai_act.high_risk_from (register.yaml; een latere datum dan 2027-12-02 telt niet), en voor live biometrische identificatie op afstand voor rechtshandhaving vanaf 2025-02-02.",
		"A high_risk record of Annex III (not point 2) deployed by a municipality, the police or another government body has ai_act.eu_database_id, from the date in ai_act.high_risk_from (register.yaml; a date later than 2027-12-02 does not count), and for real-time remote biometric identification for law enforcement from 2025-02-02.",
	},
	Example: example(`ai_act:
  category: high_risk
  role: deployer
  annex_iii: 5(a)
  eu_database_id: EU-DB-2027-000123`),
	Applies: func(r *record.Record) bool { return friaDue(r) && government(r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		ctx = realtimeDuties(ctx, r)
		a := r.AIAct
		if !blank(a.EUDatabaseID) {
			return nil
		}
		f := missing("/ai_act",
			en(fmt.Sprintf("a public authority deploying a high-risk AI system of Annex III point %s registers its use in the EU database, and no entry is recorded", a.AnnexIII),
				"register the use in the EU database and add ai_act.eu_database_id"),
			nl(fmt.Sprintf("Een overheid die een hoog-risico AI-systeem uit bijlage III punt %s gebruikt, registreert dat in de EU-databank. Er staat geen registratie bij.", a.AnnexIII),
				"Registreer het gebruik in de EU-databank en vul ai_act.eu_database_id in."))
		f = citesLaw(f, lawEUDatabase)
		if realtimeLawEnforcement(r) {
			f = realtimeNeeds(ctx, f, "registration", "registratie", lawRealtimeRegistration)
		}
		return []finding.Finding{highRiskPending(ctx, a, f)}
	},
}

// transparencyDuties are the art. 50 duties a capability brings for its
// deployer, with the capability that triggers each.
var transparencyDuties = map[string]string{
	"emotion_recognition":      "emotion_recognition",
	"biometric_categorisation": "biometric_categorisation",
}

var aiActTransparency = &Rule{
	ID: "ai-act-transparency", Ref: "VNG 4.1", Default: finding.Error, Law: lawTransparent,
	// A warning of what is coming before art. 50 applies (applies).
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	Title:         label.Text{"Transparantieplichten AI-verordening", "AI Act transparency duties"},
	Why: label.Text{
		"Vanaf 2 augustus 2026 weten mensen dat ze met AI te maken hebben: wie een systeem voor emotieherkenning of biometrische categorisering gebruikt, meldt dat aan de mensen die het treft, en door AI gemaakte inhoud wordt als zodanig gemeld (AI-verordening art. 50). Vanaf 2 december 2026 markeert de aanbieder van een systeem dat inhoud maakt die inhoud machineleesbaar (art. 50 lid 2). Dat kan naast hoog risico gelden.",
		"From 2 August 2026 people know when they deal with AI: a deployer of emotion recognition or biometric categorisation informs the people exposed, and content generated by AI is disclosed as such (AI Act art. 50). From 2 December 2026 the provider of a system that generates content marks it machine-readably (art. 50(2)). This can apply next to high risk.",
	},
	Satisfy: label.Text{
		"Vanaf 2026-08-02: een generatief algoritme noemt zijn plichten onder ai_act.transparency (interaction, generated_content, generated_text, deepfake); een registratie die emoties herkent of mensen biometrisch indeelt, noemt daar emotion_recognition of biometric_categorisation; een registratie met category transparency noemt minstens één plicht. Vanaf 2026-12-02: een aanbieder (ai_act.role provider of provider_and_deployer) van een generatief algoritme, of van een systeem dat generated_text of deepfake noemt, noemt generated_content.",
		"From 2026-08-02: a generative algorithm lists its duties under ai_act.transparency (interaction, generated_content, generated_text, deepfake); a record that recognises emotions or categorises people biometrically lists emotion_recognition or biometric_categorisation there; a record of category transparency lists at least one duty. From 2026-12-02: a provider (ai_act.role provider or provider_and_deployer) of a generative algorithm, or of a system that lists generated_text or deepfake, lists generated_content.",
	},
	Example: example(`algorithm_type: generative_ai
ai_act:
  category: transparency
  role: deployer
  transparency: [interaction, generated_text]`),
	Applies: func(r *record.Record) bool { return !retired(r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		var have []string
		if r.AIAct != nil {
			have = r.AIAct.Transparency
		}
		parent := present(r.AIAct != nil, "/ai_act")
		var need, nodig []string
		for _, c := range r.Capabilities {
			if d, ok := transparencyDuties[c]; ok && !slices.Contains(have, d) && !slices.Contains(need, d) {
				need, nodig = append(need, d), append(nodig, d)
			}
		}
		if r.Kind == record.Algorithm && r.AlgorithmType == "generative_ai" && len(have) == 0 {
			need = append(need, "the duties for generated content (interaction, generated_content, generated_text or deepfake)")
			nodig = append(nodig, "de plichten voor gemaakte inhoud (interaction, generated_content, generated_text of deepfake)")
		}
		if len(need) == 0 && r.AIAct != nil && r.AIAct.Category == "transparency" && len(have) == 0 {
			need = append(need, "the art. 50 duty that makes it a transparency case")
			nodig = append(nodig, "de plicht uit art. 50 waardoor het onder transparantie valt")
		}
		var fs []finding.Finding
		if provider(r.AIAct) && generates(r) && !slices.Contains(have, "generated_content") && ctx.OnOrAfter(art50MarkingFrom) {
			// No warning beforehand: the provider's duty has its own, later
			// date, and until then there is nothing to mark.
			e := en("the provider of a system that generates audio, images, video or text marks that output, machine-readably, as generated by AI, and ai_act.transparency does not list generated_content",
				"mark the generated content in a machine-readable format that shows it was made by AI, and add generated_content to ai_act.transparency")
			n := nl("Een aanbieder van een systeem dat geluid, beeld, video of tekst maakt, markeert wat het systeem maakt machineleesbaar als gemaakt door AI. Bij ai_act.transparency staat generated_content niet.",
				"Markeer de gemaakte inhoud machineleesbaar als gemaakt door AI, en zet generated_content bij ai_act.transparency.")
			f := missing(parent, e, n)
			if len(have) > 0 {
				f = at("/ai_act/transparency", e, n)
			}
			fs = append(fs, citesLaw(f, lawMarking))
		}
		if len(need) == 0 {
			return fs
		}
		f := missing(parent,
			en("the AI Act's transparency duties are not recorded: "+joinAnd(need),
				"inform the people concerned as art. 50 requires and list the duties under ai_act.transparency"),
			nl("De transparantieplichten van de AI-verordening staan er niet bij: "+joinEn(nodig)+".",
				"Informeer de mensen zoals art. 50 vraagt en zet de plichten bij ai_act.transparency."))
		f = citesLaw(f, lawTransparent)
		// Before art. 50 applies, a warning of what is coming: a rule
		// that said nothing then would show as met.
		return append(fs, applies(ctx, f, art50From, "2026-08-02"))
	},
}

// aiSystem reports whether the record is of an AI system: by its profile,
// or by its algorithm type, which makes it one whatever the profile says
// (ai-act-profile reports a profile that says otherwise, or none).
func aiSystem(r *record.Record) bool {
	if aiByNature(r) != "" {
		return true
	}
	return r.AIAct != nil && !blank(r.AIAct.Category) && r.AIAct.Category != "not_ai"
}

var aiActLiteracy = &Rule{
	// What the register can check of art. 4 is that the measures are
	// stated, not that they suffice: a warning, which as law no
	// configuration lowers or switches off.
	ID: "ai-act-literacy", Ref: "VNG 3.2", Default: finding.Warning, Law: lawLiteracy,
	Title: label.Text{"AI-geletterdheid van medewerkers", "AI literacy of staff"},
	Why: label.Text{
		"Sinds 2 februari 2025 nemen aanbieders en gebruiksverantwoordelijken van een AI-systeem maatregelen om zo goed als zij kunnen te zorgen dat hun medewerkers, en anderen die namens hen met het systeem werken, voldoende AI-geletterd zijn: dat zij weten hoe het werkt, wat het kan en niet kan, en welke risico's het heeft, passend bij hun kennis, ervaring en opleiding en bij de mensen op wie het wordt gebruikt (AI-verordening art. 4). Het register laat zien welke maatregelen dat zijn.",
		"Since 2 February 2025 providers and deployers of an AI system take measures to ensure, to their best extent, that their staff, and others who work with the system on their behalf, are sufficiently AI-literate: that they know how it works, what it can and cannot do and what risks it has, fitting their knowledge, experience and training and the people it is used on (AI Act art. 4). The register shows which measures those are.",
	},
	Satisfy: label.Text{
		"Een AI-systeem (ai_act.category anders dan not_ai, en altijd een algoritme met machine learning of generatieve AI, en een sensor of algoritme die mensen biometrisch identificeert of indeelt of emoties herkent) beschrijft bij ai_act.literacy hoe de medewerkers die ermee werken voldoende AI-geletterd zijn: opleiding, instructie, wat zij over de werking en de grenzen van het systeem moeten weten.",
		"An AI system (ai_act.category other than not_ai, and always a machine-learning or generative algorithm, and a sensor or algorithm that identifies or categorises people biometrically or recognises emotions) describes in ai_act.literacy how the staff who work with it are made sufficiently AI-literate: training, instruction, what they must know of how it works and where it falls short.",
	},
	Example: example(`ai_act:
  category: minimal
  role: deployer
  literacy: Everyone who uses its outcomes is trained beforehand in what the model can and cannot do; the manual is on the intranet.`),
	Applies: func(r *record.Record) bool { return !retired(r) && aiSystem(r) },
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		if r.AIAct != nil && !blank(r.AIAct.Literacy) {
			return nil
		}
		f := missing(present(r.AIAct != nil, "/ai_act"),
			en("the record does not say how the staff who work with this AI system are made AI-literate",
				"describe in ai_act.literacy the measures (training, instruction, what they must know of how it works and where it falls short) that make the staff who operate or use it sufficiently AI-literate"),
			nl("Er staat niet bij hoe de medewerkers die met dit AI-systeem werken voldoende AI-geletterd zijn.",
				"Beschrijf bij ai_act.literacy de maatregelen (opleiding, instructie, wat zij over de werking en de grenzen van het systeem moeten weten) waardoor de medewerkers die het bedienen of gebruiken voldoende AI-geletterd zijn."))
		return []finding.Finding{applies(ctx, citesLaw(f, lawLiteracy), art5From, "2025-02-02")}
	},
}
