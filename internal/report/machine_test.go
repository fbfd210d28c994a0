package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
)

// TestMachineFormatsWriteEnglish holds the machine formats (json, sarif,
// junit) to the documented English whatever the run's language: a Dutch
// run must not put a Dutch message next to an English rule description
// (SARIF) or an English "Principle:" and "(and 1 more)" (JUnit).
func TestMachineFormatsWriteEnglish(t *testing.T) {
	fs := []finding.Finding{
		{File: "sensors/cam-markt.yaml", Line: 3, Column: 7, Record: "cam-markt", Rule: "placeholder", Principle: "VNG 4.1",
			Severity: finding.Error,
			Message:  label.Text{"Bij name staat nog de invultekst", "name still holds the placeholder"},
			Help:     label.Text{"Vul de echte naam in", "Fill in the real name"}},
		{File: "sensors/cam-markt.yaml", Line: 5, Column: 7, Record: "cam-markt", Rule: "placeholder", Principle: "VNG 4.1",
			Severity: finding.Error,
			Message:  label.Text{"Bij summary staat nog de invultekst", "summary still holds the placeholder"},
			Help:     label.Text{"Vul een echte samenvatting in", "Fill in a real summary"}},
		{File: "sensors/cam-markt.yaml", Line: 9, Record: "cam-markt", Rule: "security-audit", Principle: "VNG 7.7",
			Severity: finding.Warning,
			Message:  label.Text{"Geen beveiligingsaudit", "no security audit"},
			Help:     label.Text{"Plan een audit", "Plan an audit"}},
	}
	dutch := []string{"invultekst", "Vul ", "Geen beveiligingsaudit", "Plan een audit"}
	english := []string{"name still holds the placeholder", "Fill in the real name", "no security audit", "Plan an audit"}
	for _, name := range []string{"json", "sarif", "junit"} {
		for _, lang := range []string{"nl", "en", ""} {
			opts := sampleOptions()
			opts.Lang = lang
			var out bytes.Buffer
			if err := Write(&out, name, fs, finding.Summarise(1, fs), opts); err != nil {
				t.Fatal(err)
			}
			for _, nl := range dutch {
				if strings.Contains(out.String(), nl) {
					t.Errorf("%s, --lang %q: Dutch %q in the documented English:\n%s", name, lang, nl, out.String())
				}
			}
			for _, en := range english {
				if !strings.Contains(out.String(), en) {
					t.Errorf("%s, --lang %q: no %q:\n%s", name, lang, en, out.String())
				}
			}
		}
	}
}
