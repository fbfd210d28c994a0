package quality

import "github.com/voorbeeldstad/register/internal/message"

// The words of the text report, English and Dutch side by side; the
// report is in Report.TextLanguage.
var (
	msgHead         = message.New("Register quality on %s: %s", "Kwaliteit van het register op %s: %s")
	msgFillRate     = message.New("Fill rate per field", "Vulgraad per veld")
	msgCleanRecords = message.New("Records without findings, per principle (of the records it applies to)", "Registraties zonder bevindingen, per principe (van de registraties waarvoor het geldt)")
	msgStaleHead    = message.New("Not changed in over a term (%s)", "Niet gewijzigd in meer dan een bestuursperiode (%s)")
	msgNotKnown     = message.New("not known: %s", "niet bekend: %s")
	msgNone         = message.New("none", "geen")
	msgLastChanged  = message.New("last changed %s", "laatst gewijzigd %s")
	msgOverdueHead  = message.New("Evaluations overdue", "Evaluaties te laat")
	msgOverdue      = message.NewCount("due %[2]s, %[1]d day late", "due %[2]s, %[1]d days late", "moest op %[2]s, %[1]d dag te laat", "moest op %[2]s, %[1]d dagen te laat")
	msgOffHead      = message.New("Rules switched off or lowered", "Regels uitgezet of verlaagd")
	msgNoneOff      = message.New("none: every rule at its default", "geen: elke regel staat op de standaard")
	// A rule switched off or lowered: rule, severity, where it is set.
	msgOffReason          = message.New("%s: %s (%s); reason: %s", "%s: %s (%s); reden: %s")
	msgOffNoReason        = message.New("%s: %s (%s); no reason given", "%s: %s (%s); geen reden gegeven")
	msgOffRefusedReason   = message.New("%s: %s (%s), refused: a legal duty; reason: %s", "%s: %s (%s), geweigerd: een wettelijke plicht; reden: %s")
	msgOffRefusedNoReason = message.New("%s: %s (%s), refused: a legal duty; no reason given", "%s: %s (%s), geweigerd: een wettelijke plicht; geen reden gegeven")
	msgPlaceholders       = message.New("Placeholders", "Invulteksten")
	msgMarks              = message.NewCount("%d mark (%s)", "%d marks (%s)", "%d keer (%s)", "%d keer (%s)")
	msgNoHistory          = message.New("no Git history", "geen Git-geschiedenis")
	msgUnreadableHead     = message.New("Record files that could not be read (each counts as a record that fills no field and satisfies no principle; run register validate)",
		"Registratiebestanden die niet konden worden gelezen (elk telt als een registratie die geen veld invult en aan geen principe voldoet; voer register validate uit)")
)

// deviation words a rule the configuration switched off or lowered.
func deviation(lang string, d Deviation) string {
	switch {
	case d.Refused && d.Reason != "":
		return msgOffRefusedReason.Format(lang, d.Rule, d.Severity, d.Where, d.Reason)
	case d.Refused:
		return msgOffRefusedNoReason.Format(lang, d.Rule, d.Severity, d.Where)
	case d.Reason != "":
		return msgOffReason.Format(lang, d.Rule, d.Severity, d.Where, d.Reason)
	}
	return msgOffNoReason.Format(lang, d.Rule, d.Severity, d.Where)
}

// federationHeads are the headings of the federation's table: code,
// organisation, records, the share of fields filled, the share of records
// clean per principle, evaluations overdue, rules switched off, records
// held back.
var federationHeads = []*message.Text{
	message.New("code", "code"),
	message.New("organisation", "organisatie"),
	message.New("records", "registraties"),
	message.New("fields", "velden"),
	message.New("principles", "principes"),
	message.New("overdue", "te laat"),
	message.New("off", "uit"),
	message.New("held", "achtergehouden"),
}
