package federate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/quality"
)

// Report is a run's result with the language its text is worded in: "nl"
// for Dutch, English otherwise. The JSON is English.
type Report struct {
	*Result
	Lang string
}

// ReportFormats are the formats of a run's report.
var ReportFormats = format.Set[Report]{
	{Name: "text", Exts: []string{".txt"}, Write: writeReportText},
	{Name: "json", Exts: []string{".json"}, Write: writeReportJSON},
}

// WriteReport prints what a run did: the totals, the registers not read
// with the reason, and each municipality's quality; the text in lang.
func WriteReport(w io.Writer, name, lang string, r *Result) error {
	f, err := ReportFormats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, Report{r, lang})
}

func writeReportJSON(w io.Writer, rep Report) error {
	r := rep.Result
	// The report is the operator's: each failure in full too.
	type failure struct {
		Failure
		Detail string `json:"detail"`
	}
	failed := make([]failure, 0, len(r.Failed))
	for _, f := range r.Failed {
		failed = append(failed, failure{f, f.Detail.In(message.English)})
	}
	refused := r.Refused
	if refused == nil {
		refused = []Refusal{}
	}
	unreadable := r.Unreadable
	if unreadable == nil {
		unreadable = []Unreadable{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Read       int                    `json:"registers_read"`
		Reused     int                    `json:"registers_unchanged"`
		Failed     []failure              `json:"failed"`
		Refused    []Refusal              `json:"refused"`
		Unreadable []Unreadable           `json:"unreadable"`
		Totals     Totals                 `json:"totals"`
		Counts     Counts                 `json:"counts"`
		Quality    []quality.Municipality `json:"quality"`
	}{len(r.Parts), r.Reused, failed, refused, unreadable, r.Total, r.Counts, r.Quality})
}

// The words of the text report, English and Dutch side by side.
var (
	msgReportHead = message.New("%d registers read (%d unchanged since the last run), %d not read: %d public records (%d sensors, %d algorithms), %d not public",
		"%d registers gelezen (%d ongewijzigd sinds de vorige keer), %d niet gelezen: %d openbare registraties (%d sensoren, %d algoritmes), %d niet openbaar")
	msgNotRead = message.New("Not read (left out of the national register)", "Niet gelezen (niet opgenomen in het landelijke register)")
	msgRefused = message.New("Records left out (the register's open data publishes them, but their publication block does not read or they hold a template's text)",
		"Weggelaten registraties (de open data van het register publiceert ze, maar hun onderdeel openbaarheid (publication) is niet te lezen of ze bevatten nog invultekst uit een sjabloon)")
	msgRefusedRecords = message.NewCount("%d record: ask the municipality to correct its register and publish it again; 'register check' names the record",
		"%d records: ask the municipality to correct its register and publish it again; 'register check' names the records",
		"%d registratie: vraag de gemeente haar register te verbeteren en opnieuw te publiceren; 'register check' noemt de registratie",
		"%d registraties: vraag de gemeente haar register te verbeteren en opnieuw te publiceren; 'register check' noemt de registraties")
	msgUnreadable = message.New("Records left out (they do not read as records, or share an id): ask the municipality to correct its register and publish it again",
		"Weggelaten registraties (ze zijn niet te lezen als registratie, of delen een id): vraag de gemeente haar register te verbeteren en opnieuw te publiceren")
	msgQualityPerOne = message.New("Quality per municipality (over the public records)", "Kwaliteit per gemeente (over de openbare registraties)")
)

func writeReportText(w io.Writer, rep Report) error {
	r, lang := rep.Result, rep.Lang
	var b strings.Builder
	fmt.Fprintln(&b, msgReportHead.Format(lang, len(r.Parts), r.Reused, len(r.Failed), r.Total.Records, r.Total.Sensors, r.Total.Algorithms, r.Total.Unpublished))
	if len(r.Failed) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msgNotRead.In(lang))
		for _, f := range r.Failed {
			reason := label.Text{f.ReasonNL, f.Reason}.In(lang)
			fmt.Fprintf(&b, "  %s %s (%s): %s\n", f.Code, f.Organisation, f.Source, reason)
			// The site's reason leaves out what the system said.
			if d := f.Detail.In(lang); d != "" && d != reason {
				fmt.Fprintf(&b, "    %s\n", d)
			}
		}
	}
	if len(r.Refused) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msgRefused.In(lang))
		for _, f := range r.Refused {
			fmt.Fprintf(&b, "  %s %s (%s): %s\n", f.Code, f.Organisation, f.Source, msgRefusedRecords.Format(lang, f.Records))
		}
	}
	if len(r.Unreadable) > 0 {
		fmt.Fprintf(&b, "\n%s\n", msgUnreadable.In(lang))
		for _, u := range r.Unreadable {
			for _, rec := range u.Records {
				fmt.Fprintf(&b, "  %s %s (%s): %s\n", u.Code, u.Organisation, u.Source, rec.In(lang))
			}
		}
	}
	fmt.Fprintf(&b, "\n%s\n", msgQualityPerOne.In(lang))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return quality.WriteFederation(w, "text", lang, r.Quality)
}
