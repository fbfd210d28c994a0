package report

import (
	"bytes"
	"encoding/json"

	"github.com/voorbeeldstad/register/internal/finding"
)

// jsonReport is the findings shape of the record format documentation:
// {"findings": [...], "summary": {...}}. The field tags on finding.Finding
// leave out line and column when unknown.
type jsonReport struct {
	Findings []finding.Finding `json:"findings"`
	Summary  finding.Summary   `json:"summary"`
}

// writeJSON prints the findings and summary as indented JSON. Files stay
// relative to the register root, as every other command's JSON has them.
func writeJSON(b *bytes.Buffer, fs []finding.Finding, sum finding.Summary, _ Options) error {
	if fs == nil {
		fs = []finding.Finding{} // scripts expect a list, never null
	}
	enc := json.NewEncoder(b)
	// Messages are read by people and by scripts, not embedded in HTML:
	// keep "<", ">" and "&" as they are.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonReport{Findings: fs, Summary: sum})
}
