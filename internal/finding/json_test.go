package finding

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

// TestJSONShape: a finding keeps the documented findings shape in JSON,
// its message and help in English, the Dutch, the law and the path left
// out, and the encoder that writes the report decides on escaping HTML.
func TestJSONShape(t *testing.T) {
	full := Finding{File: "sensors/a.yaml", Line: 3, Column: 5, Record: "a", Rule: "signage", Principle: "VNG 4.3", Severity: Error,
		Message: label.Text{"Geen <borden> & geen QR-code.", "no <signs> & no QR code"}, Help: label.Text{"Hang borden op.", "add signage"},
		Law: label.Text{"AVG art. 13", "GDPR art. 13"}, Path: "/signage", Key: true}
	bare := Finding{File: "register.yaml", Rule: "config", Severity: Warning, Message: label.Text{"", "unknown setting"}}
	tests := []struct {
		name   string
		f      Finding
		escape bool
		want   string
	}{
		{"every field, HTML kept", full, false, `{"file":"sensors/a.yaml","line":3,"column":5,"record":"a","rule":"signage","principle":"VNG 4.3","severity":"error","message":"no <signs> & no QR code","help":"add signage"}`},
		{"every field, HTML escaped", full, true, `{"file":"sensors/a.yaml","line":3,"column":5,"record":"a","rule":"signage","principle":"VNG 4.3","severity":"error","message":"no \u003csigns\u003e \u0026 no QR code","help":"add signage"}`},
		{"what is unknown left out", bare, false, `{"file":"register.yaml","rule":"config","severity":"warning","message":"unknown setting"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(tt.escape)
			if err := enc.Encode(tt.f); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want+"\n" {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
