package finding

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

func TestText(t *testing.T) {
	both := Finding{Message: label.Text{"Geen einddatum.", "no end date"}, Help: label.Text{"Vul lifecycle.end in.", "add lifecycle.end"}}
	english := Finding{Message: label.Text{"", "does not match the schema"}, Help: label.Text{"", "see the schema"}}
	tests := []struct {
		name      string
		f         Finding
		lang      string
		msg, help string
	}{
		{"Dutch when asked and written", both, "nl", "Geen einddatum.", "Vul lifecycle.end in."},
		{"English when asked", both, "en", "no end date", "add lifecycle.end"},
		{"English for any other language", both, "de", "no end date", "add lifecycle.end"},
		{"English when no Dutch was written", english, "nl", "does not match the schema", "see the schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, help := tt.f.Text(tt.lang)
			if msg != tt.msg || help != tt.help {
				t.Errorf("Text(%q) = %q, %q; want %q, %q", tt.lang, msg, help, tt.msg, tt.help)
			}
		})
	}
}
