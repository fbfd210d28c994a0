package federate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/quality"
)

// ReportFormats are the formats of a run's report.
var ReportFormats = format.Set[*Result]{
	{Name: "text", Exts: []string{".txt"}, Write: writeReportText},
	{Name: "json", Exts: []string{".json"}, Write: writeReportJSON},
}

// WriteReport prints what a run did: the totals, the registers not read
// with the reason, and each municipality's quality.
func WriteReport(w io.Writer, name string, r *Result) error {
	f, err := ReportFormats.Lookup(name)
	if err != nil {
		return err
	}
	return f.Write(w, r)
}

func writeReportJSON(w io.Writer, r *Result) error {
	failed := r.Failed
	if failed == nil {
		failed = []Failure{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Read    int                    `json:"registers_read"`
		Reused  int                    `json:"registers_unchanged"`
		Failed  []Failure              `json:"failed"`
		Totals  Totals                 `json:"totals"`
		Counts  Counts                 `json:"counts"`
		Quality []quality.Municipality `json:"quality"`
	}{len(r.Parts), r.Reused, failed, r.Total, r.Counts, r.Quality})
}

func writeReportText(w io.Writer, r *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d registers read (%d unchanged since the last run), %d not read: %d public records (%d sensors, %d algorithms), %d not public\n",
		len(r.Parts), r.Reused, len(r.Failed), r.Total.Records, r.Total.Sensors, r.Total.Algorithms, r.Total.Unpublished)
	if len(r.Failed) > 0 {
		b.WriteString("\nNot read (left out of the national register)\n")
		for _, f := range r.Failed {
			fmt.Fprintf(&b, "  %s %s (%s): %s\n", f.Code, f.Organisation, f.Source, f.Reason)
		}
	}
	b.WriteString("\nQuality per municipality (over the public records)\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return quality.WriteFederation(w, "text", r.Quality)
}
