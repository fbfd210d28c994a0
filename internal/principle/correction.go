package principle

import (
	"fmt"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

// lawCorrection is the deadline for answering a request to correct or
// delete data: one month, extendable by two further months for complex or
// many requests, with reasons (GDPR art. 12(3)).
var lawCorrection = label.Text{"AVG art. 12 lid 3, art. 16, 17", "GDPR art. 12(3), 16, 17"}

// correctionMonth and correctionMax are the GDPR's month and the month with
// its two-month extension (art. 12(3)).
var (
	correctionMonth = period.MustParse("P1M")
	correctionMax   = period.MustParse("P3M")
)

var correctionRoute = &Rule{
	ID: "correction-route", Ref: "C-correction-desk", Default: finding.Warning,
	// Stating the route on the record is the programme's commitment; the
	// deadline it states is the GDPR's.
	// Police data are outside the GDPR (art. 2(2)(d)): for them the term
	// is the principle's alone.
	Law: lawCorrection, LawScope: exceptPoliceData(label.Text{"voor een termijn die langer is dan de wet toestaat", "for a term longer than the law allows"}),
	// A term longer than the law allows is an error, though the rule's
	// policy findings are warnings.
	LawSeverities: []finding.Severity{finding.Error},
	Title:         label.Text{"Route om gegevens te laten verbeteren", "Route to have data corrected"},
	Why: label.Text{
		"Inwoners laten foute gegevens over zichzelf verbeteren of verwijderen (AVG art. 16 en 17), en een fout die zich door een keten van systemen verspreidt, wordt overal hersteld: de gemeente laat elke ontvanger weten wat er is verbeterd (art. 19; programma-afspraak over een meldpunt). Een toepassing met persoonsgegevens zegt daarom welke route een inwoner neemt, bij welk loket en hoe lang het duurt. De AVG geeft daarvoor één maand, met reden te verlengen met twee maanden (art. 12 lid 3).",
		"Residents have wrong data about them corrected or deleted (GDPR art. 16 and 17), and an error that spreads through a chain of systems is corrected everywhere: the municipality tells every recipient what was corrected (art. 19; programme commitment to a correction desk). A record that processes personal data therefore says which route a resident takes, at which desk, and how long it takes. The GDPR allows one month, extendable by two months with reasons (art. 12(3)).",
	},
	Satisfy: label.Text{
		"Een registratie die persoonsgegevens verwerkt (personal_data.processed yes of unknown, of een sensor die dat uit zijn aard doet), heeft correction.route, liefst met het loket, de url of het e-mailadres ervan, en een termijn van hoogstens één maand (P1M; nooit meer dan P3M).",
		"A record that processes personal data (personal_data.processed yes or unknown, or a sensor that does by its nature) has correction.route, preferably with the desk, its url or email, and a term of at most one month (P1M; never more than P3M).",
	},
	Example: example(`correction:
  route: Geef de fout door via het formulier 'Fout in uw gegevens'. Burgerzaken herstelt de BRP en laat de ontvangers weten wat er is verbeterd.
  desk: Burgerzaken
  url: https://voorbeeldstad.example/fout-in-gegevens
  email: burgerzaken@voorbeeldstad.example
  term: P4W`),
	Applies: personalInUse,
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		c := r.Correction
		gdpr := !outsideGDPR(r)
		if c == nil {
			return []finding.Finding{noRoute(false, gdpr)}
		}
		var fs []finding.Finding
		if blank(c.Route) {
			// The term is judged all the same: a route that says none
			// does not hide a term longer than the law allows.
			fs = append(fs, noRoute(true, gdpr))
		} else if blank(c.URL) && blank(c.Email) && blank(ctx.Config.Site.ReportErrorURL) {
			fs = append(fs, missing("/correction",
				en("the correction route names no web address or mailbox, and register.yaml names no correction desk",
					"add correction.url or correction.email, or set site.report_error_url"),
				nl("Bij de route om gegevens te verbeteren staat geen website of e-mailadres, en register.yaml noemt geen meldpunt.",
					"Vul correction.url of correction.email in, of site.report_error_url in register.yaml.")))
		}
		term, err := period.Parse(c.Term)
		// A term too long to compute with is longer than any the GDPR
		// allows, not one the checklist can pass over.
		tooLong := period.IsTooLarge(err)
		if blank(c.Term) || err != nil && !tooLong {
			// The schema reports a malformed term; an absent one is a gap
			// (which the finding on a missing route already names).
			if blank(c.Term) && !blank(c.Route) {
				help, hulp := "add correction.term, for example P4W (the GDPR allows one month)", "Vul correction.term in, bijvoorbeeld P4W (4 weken). De AVG geeft één maand."
				if !gdpr {
					help, hulp = "add correction.term, for example P4W (one month at most)", "Vul correction.term in, bijvoorbeeld P4W (4 weken), ten hoogste een maand."
				}
				fs = append(fs, missing("/correction",
					en("the correction route does not say how long a request takes", help),
					nl("Bij de route om gegevens te verbeteren staat niet hoe lang een verzoek duurt.", hulp)))
			}
			return fs
		}
		takes := fmt.Sprintf("%s (%s)", duur(term), term)
		if tooLong {
			takes = term.String()
		}
		// The GDPR's terms (art. 12(3)); police data, outside the GDPR,
		// are held to them as the principle's, saying whose terms they are.
		const (
			maxHelp   = "answer within one month; only complex or many requests may take two months more, with reasons told to the resident"
			maxHulp   = "Antwoord binnen een maand. Alleen bij ingewikkelde of veel verzoeken mag het twee maanden langer, en dan hoort de inwoner waarom."
			monthHelp = "answer within one month (P1M); keep the two-month extension for complex requests, with reasons"
			monthHulp = "Antwoord binnen een maand (P1M). Gebruik de verlenging met twee maanden alleen bij ingewikkelde verzoeken, en zeg waarom."
		)
		switch {
		case !gdpr && (tooLong || term.MayBeLonger(correctionMax)):
			when, wanneer := longerFrom(term, correctionMax, tooLong)
			fs = append(fs, worded(finding.Finding{Path: "/correction/term"},
				en(fmt.Sprintf("a correction takes %s, longer than three months%s, the most the GDPR allows for the data it governs; police data have the Wet politiegegevens' own terms", term, when), maxHelp),
				nl(fmt.Sprintf("Een verbetering duurt %s. Dat is langer dan drie maanden%s, het langste dat de AVG toestaat voor de gegevens waarvoor zij geldt; voor politiegegevens gelden de termijnen van de Wet politiegegevens.", takes, wanneer), maxHulp)))
		case !gdpr && term.MayBeLonger(correctionMonth):
			when, wanneer := longerFrom(term, correctionMonth, false)
			fs = append(fs, worded(finding.Finding{Path: "/correction/term"},
				en(fmt.Sprintf("a correction takes %s, longer than a month%s", term, when), monthHelp),
				nl(fmt.Sprintf("Een verbetering duurt %s (%s). Dat is langer dan een maand%s.", duur(term), term, wanneer), monthHulp)))
		case tooLong || term.MayBeLonger(correctionMax):
			when, wanneer := longerFrom(term, correctionMax, tooLong)
			fs = append(fs, lawful(worded(finding.Finding{Path: "/correction/term", Severity: finding.Error},
				en(fmt.Sprintf("a correction takes %s, longer than the three months the GDPR allows at most%s (GDPR art. 12(3))", term, when), maxHelp),
				nl(fmt.Sprintf("Een verbetering duurt %s. Dat is langer dan de drie maanden die de AVG ten hoogste toestaat%s (AVG art. 12 lid 3).", takes, wanneer), maxHulp)), lawCorrection))
		case term.MayBeLonger(correctionMonth):
			when, wanneer := longerFrom(term, correctionMonth, false)
			fs = append(fs, worded(finding.Finding{Path: "/correction/term"},
				en(fmt.Sprintf("a correction takes %s, longer than the month the GDPR gives as the rule%s (art. 12(3))", term, when), monthHelp),
				nl(fmt.Sprintf("Een verbetering duurt %s (%s). Dat is langer dan de maand die de AVG als regel geeft%s (art. 12 lid 3).", duur(term), term, wanneer), monthHulp)))
		}
		return fs
	},
}

// longerFrom says, for a term in days that is longer than a limit in
// months only from some days of the year, from which: "P90D" is not
// longer than three months from 1 July, but is for a request made on 31
// January, and the message would read as untrue without the day.
func longerFrom(term, limit period.Duration, tooLong bool) (en, nl string) {
	start, ok := term.LongerFrom(limit)
	if tooLong || !ok || start.IsZero() || term.Years != 0 || term.Months != 0 {
		return "", ""
	}
	return onDay(start, limit, "for a request made on %s", "bij een verzoek van %s")
}

// onDay says how many days limit is from start's day of the year, led by
// what starts then (a format of the day, in English and Dutch): "(for a
// request made on 31 January of a year that is no leap year, that is 89
// days)".
func onDay(start time.Time, limit period.Duration, leadEN, leadNL string) (en, nl string) {
	n, year := limitOn(start, limit)
	en, nl = fmt.Sprintf(leadEN, label.DayMonth("en", start)), fmt.Sprintf(leadNL, label.DayMonth("nl", start))
	switch year {
	case anyYear:
		return fmt.Sprintf(" (%s, that is %d days)", en, n), fmt.Sprintf(" (%s is dat %d dagen)", nl, n)
	case leapYear:
		return fmt.Sprintf(" (%s of a leap year, that is %d days)", en, n), fmt.Sprintf(" (%s in een schrikkeljaar is dat %d dagen)", nl, n)
	}
	return fmt.Sprintf(" (%s of a year that is no leap year, that is %d days)", en, n),
		fmt.Sprintf(" (%s in een jaar dat geen schrikkeljaar is, is dat %d dagen)", nl, n)
}

// Of which year limitOn's count of days holds.
const (
	anyYear    = iota // any year
	leapYear          // a leap year
	commonYear        // a year that is no leap year
)

// limitOn is how many days limit is from start's day of the year, and of
// which year that holds: where it differs between a leap year and another
// (P1Y from 1 January), the kind of year start's is; 29 February is a
// leap year's alone, and said as any.
func limitOn(start time.Time, limit period.Duration) (days, year int) {
	count := func(y int) int {
		from := time.Date(y, start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
		return int(limit.AddTo(from).Sub(from).Hours() / 24)
	}
	n := count(start.Year())
	leapDay := start.Month() == time.February && start.Day() == 29
	switch {
	case leapDay || count(2024) == count(2025):
		return n, anyYear
	case start.Year()%4 == 0:
		return n, leapYear
	}
	return n, commonYear
}

// noRoute is the finding on a record that processes personal data and
// names no correction route (present: it has a correction block; gdpr:
// its data are under the GDPR, which the help then cites).
func noRoute(block, gdpr bool) finding.Finding {
	cite, zie := " (GDPR art. 16, 17, 19)", " Zie AVG art. 16, 17 en 19."
	if !gdpr {
		cite, zie = "", ""
	}
	return missing(present(block, "/correction"),
		en("the record processes personal data but does not say how residents have it corrected or deleted",
			"add correction with the route, the desk, its url or email and the term"+cite),
		nl("De toepassing verwerkt persoonsgegevens, maar er staat niet hoe inwoners een fout laten verbeteren of gegevens laten verwijderen.",
			"Vul correction in: de route (route), het loket (desk), de website of het e-mailadres (url, email) en hoe lang het duurt (term)."+zie))
}
