package federate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/voorbeeldstad/register/internal/quality"
)

// ReportFormats are the formats of a run's report.
var ReportFormats = []string{"text", "json"}

// WriteReport prints what a run did: the totals, the registers not read
// with the reason, and each municipality's quality.
func WriteReport(w io.Writer, format string, r *Result) error {
	switch format {
	case "json":
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
	case "text":
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
	return fmt.Errorf("unknown format %q: use one of %v", format, ReportFormats)
}
