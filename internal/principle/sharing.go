package principle

import (
	"fmt"
	"slices"
	"time"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/period"
	"github.com/voorbeeldstad/register/internal/record"
)

var sharingTemporary = &Rule{
	ID: "sharing-temporary", Ref: "C-sharing-temporary", Default: finding.Error,
	Applies: func(r *record.Record) bool { return len(r.DataSharing) > 0 && !retired(r) },
	Title:   label.Text{"Gegevensdeling tijdelijk", "Data sharing only temporary"},
	Why: label.Text{
		"Afspraken over het delen van gegevens zijn altijd tijdelijk (meestal één tot drie jaar), met afspraken over bewaren en vernietigen en zonder doorgeven aan anderen (programma-afspraak).",
		"Data-sharing agreements are always temporary (usually one to three years), with agreements on keeping and destroying the data and no onward sharing (programme commitment).",
	},
	Satisfy: label.Text{
		"Elk item onder data_sharing heeft een end die niet later ligt dan limits.data_sharing_max (standaard P3Y) na de start, een retention, en onward_sharing: false.",
		"Every data_sharing entry has an end no later than limits.data_sharing_max (default P3Y) after its start, a retention, and onward_sharing: false.",
	},
	Example: example(`data_sharing:
  - party: Rijkswaterstaat
    purpose: Traffic model for the ring road
    start: 2026-01-01
    end: 2027-12-31
    retention: P1Y
    onward_sharing: false
    agreement_url: https://voorbeeldstad.example/convenanten/rws-2026.pdf`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		limit := ctx.Config.Limits.DataSharingMax
		var fs []finding.Finding
		for i, s := range r.DataSharing {
			item := index("data_sharing", i)
			party, partij := s.Party, s.Party
			if blank(party) {
				party, partij = fmt.Sprintf("entry %d", i+1), fmt.Sprintf("afspraak %d", i+1)
			}
			start, hasStart := date(s.Start)
			end, hasEnd := date(s.End)
			switch {
			case blank(s.End):
				fs = append(fs, missing(item,
					en(fmt.Sprintf("data sharing with %s has no end date: sharing agreements are always temporary", party),
						fmt.Sprintf("agree an end date, at most %s after the start, and add it as end", limit)),
					nl(fmt.Sprintf("De gegevensdeling met %s heeft geen einddatum. Afspraken over gegevensdeling zijn altijd tijdelijk.", partij),
						fmt.Sprintf("Spreek een einddatum af, ten hoogste %s (%s) na de start, en vul die in bij end.", duur(limit), limit))))
			case hasStart && hasEnd && end.After(limit.AddTo(start)):
				fs = append(fs, worded(finding.Finding{Path: item + "/end", Severity: finding.Warning},
					en(fmt.Sprintf("data sharing with %s runs from %s to %s, longer than %s (limits.data_sharing_max)", party, s.Start, s.End, limit),
						"shorten the agreement and evaluate it before renewing"),
					nl(fmt.Sprintf("De gegevensdeling met %s loopt van %s tot %s. Dat is langer dan %s (%s, limits.data_sharing_max).", partij, datum(s.Start), datum(s.End), duur(limit), limit),
						"Maak de afspraak korter, en evalueer haar voordat u haar verlengt.")))
			case hasEnd && activeOn(ctx, r) && ctx.After(end):
				fs = append(fs, worded(finding.Finding{Path: item + "/end", Severity: finding.Warning},
					en(fmt.Sprintf("the data-sharing agreement with %s ended on %s", party, s.End),
						"stop sharing and remove the entry, or record the renewed agreement with its new end date"),
					nl(fmt.Sprintf("De afspraak over gegevensdeling met %s is afgelopen op %s.", partij, datum(s.End)),
						"Stop met delen en haal de afspraak weg. Of leg de nieuwe afspraak vast met de nieuwe einddatum.")))
			case !hasStart || !hasEnd:
				// The agreement may run for ten years: silence would read
				// as "temporary".
				field := "start"
				if hasStart {
					field = "end"
				}
				fs = append(fs, worded(finding.Finding{Path: item, Severity: finding.Warning},
					en(fmt.Sprintf("data sharing with %s has no valid %s date, so it cannot be checked that it lasts at most %s", party, field, limit),
						fmt.Sprintf("add %s as YYYY-MM-DD", field)),
					nl(fmt.Sprintf("Bij de gegevensdeling met %s staat geen geldige %s. Dan is niet te zien of de afspraak niet langer dan %s (%s) loopt.", partij, map[string]string{"start": "startdatum", "end": "einddatum"}[field], duur(limit), limit),
						fmt.Sprintf("Vul %s in als JJJJ-MM-DD.", field))))
			}
			// A public-order camera's recipient that does not say how
			// long it keeps the images is camera-retention's, as law
			// (recipientRetention151c).
			if blank(s.Retention) && !(publicOrderInUse(r) && !investigates(s.Party)) {
				fs = append(fs, worded(finding.Finding{Path: item, Key: false, Severity: finding.Warning},
					en(fmt.Sprintf("data sharing with %s does not say how long %s may keep the data", party, party),
						"agree a retention period and destruction, and add it as retention (for example P1Y)"),
					nl(fmt.Sprintf("Bij de gegevensdeling met %s staat niet hoe lang %s de gegevens mag bewaren.", partij, partij),
						"Spreek een bewaartermijn af en wanneer de gegevens worden vernietigd, en vul die in bij retention (bijvoorbeeld P1Y, 1 jaar).")))
			}
			switch {
			case isTrue(s.OnwardSharing):
				fs = append(fs, at(item+"/onward_sharing",
					en(fmt.Sprintf("%s may pass the data on to others", party),
						"agree that the data is not shared onwards, and set onward_sharing: false"),
					nl(fmt.Sprintf("%s mag de gegevens doorgeven aan anderen.", partij),
						"Spreek af dat de gegevens niet aan anderen worden doorgegeven, en vul onward_sharing: false in.")))
			case s.OnwardSharing == nil:
				fs = append(fs, worded(finding.Finding{Path: item, Severity: finding.Warning},
					en(fmt.Sprintf("data sharing with %s does not say whether the data may be passed on", party),
						"agree that it may not, and set onward_sharing: false"),
					nl(fmt.Sprintf("Bij de gegevensdeling met %s staat niet of de gegevens aan anderen mogen worden doorgegeven.", partij),
						"Spreek af dat dat niet mag, en vul onward_sharing: false in.")))
			}
		}
		return fs
	},
}

// tijdstip writes an instant as a Dutch reader says it, in Dutch time:
// "1 november 2026 om 10:00".
func tijdstip(t time.Time) string {
	t = t.In(period.Amsterdam)
	return fmt.Sprintf("%s om %s", datum(t.Format(period.DateLayout)), t.Format("15:04"))
}

// moment is tijdstip in English, in Dutch time: "1 November 2026 at
// 10:00". The day is Amsterdam's, the day the run counts in.
func moment(t time.Time) string {
	t = t.In(period.Amsterdam)
	return fmt.Sprintf("%s at %s", label.Date("en", t.Format(period.DateLayout)), t.Format("15:04"))
}

// lateness writes the time from discovery to notice exactly, in hours,
// minutes and seconds, in English and Dutch ("72 hours and 1 second", "72
// uur en 1 seconde"): it is never rounded, up or down, for "72 hours and
// 1 minute" would overstate a notice one second late and "72 hours"
// would not read as late at all. A part of a second left over is said as
// "more than" ("more than 72 hours").
func lateness(d time.Duration) (en, nl string) {
	whole := d.Truncate(time.Second)
	secs := int64(whole / time.Second)
	h, m, s := secs/3600, secs/60%60, secs%60
	var ens, nls []string
	if h > 0 || m == 0 && s == 0 {
		ens, nls = append(ens, plural(h, "hour", "hours")), append(nls, fmt.Sprintf("%d uur", h))
	}
	if m > 0 {
		ens, nls = append(ens, plural(m, "minute", "minutes")), append(nls, plural(m, "minuut", "minuten"))
	}
	if s > 0 {
		ens, nls = append(ens, plural(s, "second", "seconds")), append(nls, plural(s, "seconde", "seconden"))
	}
	en, nl = joinWith(ens, " and "), joinWith(nls, " en ")
	if whole != d {
		en, nl = "more than "+en, "meer dan "+nl
	}
	return en, nl
}

// plural writes a count with its noun, "1 hour" or "3 hours".
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// breachWindow is the time the GDPR (art. 33) gives to report a breach to
// the Dutch DPA after becoming aware of it.
const breachWindow = 72 * time.Hour

var breachReported = &Rule{
	ID: "breach-reported", Ref: "C-breach", Default: finding.Error,
	// A late notification with its reason recorded: a warning.
	LawSeverities: []finding.Severity{finding.Error, finding.Warning},
	Applies: func(r *record.Record) bool {
		return slices.ContainsFunc(r.Incidents, func(in record.Incident) bool { return in.Type == "data_breach" && in.IsNotifiable() })
	},
	// The duty to report in time is the GDPR's (art. 33(1)), and for police
	// data, outside the GDPR (art. 2(2)(d)), the Law Enforcement
	// Directive's (lawOf).
	Law:         lawBreach,
	LawfulRoute: label.Text{"een melding later dan 72 uur vermeldt de redenen voor de vertraging (delay_reason)", "a notice later than 72 hours states the reasons for the delay (delay_reason)"},
	Title:       label.Text{"Datalek op tijd gemeld", "Data breach reported in time"},
	Why: label.Text{
		"Datalekken worden op tijd gemeld (programma-afspraak): een meldplichtig datalek wordt binnen 72 uur na ontdekking gemeld bij de Autoriteit Persoonsgegevens, of de vertraging wordt toegelicht (AVG art. 33).",
		"Data breaches are reported in time (programme commitment): a notifiable breach within 72 hours of becoming aware of it to the Dutch DPA, or with the reasons for the delay (GDPR art. 33).",
	},
	Satisfy: label.Text{
		"Elk incident van type data_breach dat gemeld moet worden (de standaard) heeft een reported niet later dan 72 uur na discovered, of een delay_reason. Een datalek dat niet gemeld hoeft te worden, zegt notifiable: false.",
		"Every incident of type data_breach that is notifiable (the default) has reported no more than 72 hours after discovered, or a delay_reason. A breach that is not notifiable says notifiable: false.",
	},
	Example: example(`incidents:
  - type: data_breach
    discovered: 2026-05-03T09:10:00+02:00
    reported: 2026-05-04T16:00:00+02:00
    summary: A camera feed was reachable without a password for two days.`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		law, asks, vraagt, cite, citeNL := lawBreach, ", as GDPR art. 33(1) asks of a later notice", ", zoals AVG art. 33 lid 1 vraagt bij een latere melding", " (GDPR art. 33(1))", " (AVG art. 33 lid 1)"
		if outsideGDPR(r) {
			// Police data are outside the GDPR: the same duty is the
			// directive's, which the finding cites (lawOf), not art. 33.
			law = lawOf(r, lawBreach)
			asks, vraagt, cite, citeNL = "", "", " ("+law.In("en")+")", " ("+law.In("nl")+")"
		}
		var fs []finding.Finding
		for i, in := range r.Incidents {
			if in.Type != "data_breach" || !in.IsNotifiable() {
				continue
			}
			found, ok := period.ParseInstant(in.Discovered)
			if !ok {
				// Without the moment of discovery the 72 hours cannot be
				// counted: the register cannot show the law is met.
				fs = append(fs, lawful(missing(index("incidents", i),
					en("the data breach has no valid discovery date and time (discovered), so it cannot be shown that it was reported within 72 hours",
						"add discovered, the date and time the breach became known, such as 2026-05-03T09:10:00+02:00"),
					nl("Bij het datalek staat geen geldige datum en tijd van ontdekking (discovered). Dan is niet te zien of het binnen 72 uur is gemeld.",
						"Vul discovered in: de datum en tijd waarop het lek bekend werd, zoals 2026-05-03T09:10:00+02:00.")), law))
				continue
			}
			// A breach found after the day of the run (in Amsterdam's
			// calendar) has a date it cannot have: counted from it, any
			// notice would read as in time.
			fy, fm, fd := found.In(period.Amsterdam).Date()
			if !ctx.OnOrAfter(time.Date(fy, fm, fd, 0, 0, 0, 0, time.UTC)) {
				fs = append(fs, lawful(at(index("incidents", i, "discovered"),
					en(fmt.Sprintf("the data breach is recorded as discovered on %s Dutch time (%s), a day still to come: a breach cannot have been discovered after today, so it cannot be shown that it was reported within 72 hours", moment(found), in.Discovered),
						"correct discovered to the date and time the breach became known, and report it within 72 hours of that"+cite),
					nl(fmt.Sprintf("Bij het datalek staat als moment van ontdekking %s, een dag die nog moet komen. Een datalek kan niet na vandaag ontdekt zijn. Dan is niet te zien of het binnen 72 uur is gemeld.", tijdstip(found)),
						"Verbeter discovered: de datum en tijd waarop het lek bekend werd. Meld het binnen 72 uur daarna"+citeNL+".")), law))
				continue
			}
			if blank(in.Reported) {
				// The checklist counts in days: from the day (in Amsterdam)
				// the 72 hours end, not the day after, so a breach is never
				// shown as in time while its term has run out.
				end := found.Add(breachWindow)
				y, m, d := end.In(period.Amsterdam).Date()
				if ctx.OnOrAfter(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
					fs = append(fs, lawful(missing(index("incidents", i),
						en(fmt.Sprintf("the data breach discovered on %s has not been reported to the Dutch DPA (the latest time to report it, 72 hours after discovery: %s)", in.Discovered, end.In(period.Amsterdam).Format("2006-01-02 15:04 MST")),
							"report it to the Autoriteit Persoonsgegevens now and add reported with the date and time, and delay_reason if it is later than 72 hours; if it is not notifiable, set notifiable: false"),
						nl(fmt.Sprintf("Het datalek dat is ontdekt op %s, is niet gemeld bij de Autoriteit Persoonsgegevens. Uiterlijke meldtijd, 72 uur na de ontdekking: %s.", tijdstip(found), tijdstip(end)),
							"Meld het datalek nu bij de Autoriteit Persoonsgegevens. Vul reported in met datum en tijd, en bij delay_reason de reden als het later is dan 72 uur. Hoeft het lek niet gemeld te worden, vul dan notifiable: false in.")), law))
				}
				continue
			}
			rep, ok := period.ParseInstant(in.Reported)
			if !ok {
				fs = append(fs, lawful(at(index("incidents", i, "reported"),
					en(fmt.Sprintf("the breach's reported %q is not a date and time, so it cannot be shown that it was reported within 72 hours", in.Reported),
						"write reported as a date and time, such as 2026-05-04T16:00:00+02:00"),
					nl(fmt.Sprintf("Bij reported staat %q. Dat is geen datum en tijd, dus niet te zien is of het datalek binnen 72 uur is gemeld.", in.Reported),
						"Schrijf reported als datum en tijd, zoals 2026-05-04T16:00:00+02:00.")), law))
				continue
			}
			late := rep.Sub(found)
			if late < 0 {
				// A notice before the discovery: one of the two dates is
				// wrong, and a negative delay is no notice in time.
				fs = append(fs, lawful(at(index("incidents", i, "reported"),
					en(fmt.Sprintf("the data breach is recorded as reported on %s, before it was discovered on %s: a breach cannot be reported before it is discovered, so it cannot be shown that it was reported within 72 hours", in.Reported, in.Discovered),
						"correct reported or discovered to the date and time it happened: a notice is due within 72 hours of the discovery"+cite),
					nl(fmt.Sprintf("Het datalek is volgens de registratie gemeld op %s, vóór de ontdekking op %s. Een datalek kan niet gemeld zijn voordat het is ontdekt. Dan is niet te zien of het binnen 72 uur is gemeld.", tijdstip(rep), tijdstip(found)),
						"Verbeter reported of discovered: de datum en tijd waarop het gebeurde. Een melding moet binnen 72 uur na de ontdekking gebeuren"+citeNL+".")), law))
				continue
			}
			after, na := lateness(late)
			if late > breachWindow && !blank(in.DelayReason) {
				// The law's own route for a late notice (art. 33(1)): lawful,
				// not an exception, and still visible as the commitment to
				// report in time was not met.
				fs = append(fs, lawful(worded(finding.Finding{Path: index("incidents", i, "delay_reason"), Severity: finding.Warning},
					en(fmt.Sprintf("the data breach was reported %s after it was discovered, later than 72 hours, with the reasons for the delay%s", after, asks),
						"nothing to do if the reasons are those given to the Autoriteit Persoonsgegevens; report the next breach within 72 hours"),
					nl(fmt.Sprintf("Het datalek is %s na de ontdekking gemeld, later dan 72 uur, met de redenen voor de vertraging%s.", na, vraagt),
						"Er hoeft niets te gebeuren als dit de redenen zijn die aan de Autoriteit Persoonsgegevens zijn gegeven. Meld een volgend datalek binnen 72 uur.")), law))
				continue
			}
			if late > breachWindow {
				fs = append(fs, lawful(at(index("incidents", i, "reported"),
					en(fmt.Sprintf("the data breach was reported %s after it was discovered, later than 72 hours, and no delay_reason is given", after),
						"add delay_reason with the reasons given to the Autoriteit Persoonsgegevens"+cite),
					nl(fmt.Sprintf("Het datalek is %s na de ontdekking gemeld. Dat is later dan 72 uur, en er staat geen reden voor de vertraging bij (delay_reason).", na),
						"Vul delay_reason in met de redenen die aan de Autoriteit Persoonsgegevens zijn gegeven"+citeNL+".")), law))
			}
		}
		return fs
	},
}

var correctionDesk = &Rule{
	ID: "correction-desk", Ref: "C-correction-desk", Default: finding.Warning,
	Title: label.Text{"Meldpunt voor foute gegevens", "Desk to correct wrong data"},
	Why: label.Text{
		"Er is een meldpunt waar inwoners foute gegevens over zichzelf kunnen laten verbeteren of verwijderen; fouten die zich door ketens verspreiden worden overal hersteld (programma-afspraak). Elke openbare pagina van het register verwijst ernaar.",
		"There is a desk where residents have wrong data about them corrected or deleted; errors that spread through chains are corrected everywhere (programme commitment). Every public page of the register links to it.",
	},
	Satisfy: label.Text{
		"site.report_error_url in register.yaml is het adres van het loket waar inwoners bij de gemeente hun gegevens laten verbeteren.",
		"site.report_error_url in register.yaml is the address of the municipality's correction desk.",
	},
	Example: example(`site:
  report_error_url: https://voorbeeldstad.example/meldpunt-gegevens`),
	CheckRegister: func(ctx *Context) []finding.Finding {
		if !blank(ctx.Config.Site.ReportErrorURL) {
			return nil
		}
		return []finding.Finding{worded(finding.Finding{Path: "/site", Key: true},
			en("site.report_error_url is not set, so the public register cannot link to the desk where residents have wrong data corrected",
				"set site.report_error_url in register.yaml to the correction desk's page"),
			nl("site.report_error_url is niet ingevuld. Daardoor kan het openbare register niet verwijzen naar het meldpunt waar inwoners foute gegevens laten verbeteren.",
				"Vul in register.yaml bij site.report_error_url de pagina van het meldpunt in."))}
	},
}
