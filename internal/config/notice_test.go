package config

import (
	"strings"
	"testing"
)

// TestNoticeDestinations: where the site's notification form sends a
// notification. A value the site could not safely put in a link is an
// error at its line, and the form then offers no such link.
func TestNoticeDestinations(t *testing.T) {
	const github = "https://github.com/voorbeeldstad/register/new/main/register/sensors?filename={file}&value={content}"
	tests := []struct {
		name       string
		yaml       string
		url, email string
		errLine    int // 0: no error
		errMsg     string
	}{
		{"none", "notice: {period: P5D}\n", "", "", 0, ""},
		{"both", "notice:\n  new_file_url: " + github + "\n  email: meldingen@voorbeeldstad.example\n", github, "meldingen@voorbeeldstad.example", 0, ""},
		{"http", "notice:\n  new_file_url: http://forge.example/new?value={content}\n", "", "", 2, "not an https address"},
		{"javascript", "notice:\n  new_file_url: \"javascript:alert(1)//{content}\"\n", "", "", 2, "not an https address"},
		{"user in url", "notice:\n  new_file_url: https://user:pw@forge.example/new\n", "", "", 2, "not an https address"},
		{"quote in url", "notice:\n  new_file_url: 'https://forge.example/new?x=\"><script>'\n", "", "", 2, "not an https address"},
		{"two addresses", "notice:\n  email: a@x.example,b@y.example\n", "", "", 2, "not one plain e-mail address"},
		{"header", "notice:\n  email: a@x.example?bcc=b@y.example\n", "", "", 2, "not one plain e-mail address"},
		{"no at", "notice:\n  email: meldingen\n", "", "", 2, "not one plain e-mail address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if c.Notice.NewFileURL != tt.url || c.Notice.Email != tt.email {
				t.Errorf("new_file_url %q, email %q; want %q, %q", c.Notice.NewFileURL, c.Notice.Email, tt.url, tt.email)
			}
			switch {
			case tt.errLine == 0 && len(fs) > 0:
				t.Errorf("findings: %v", fs)
			case tt.errLine > 0 && (len(fs) != 1 || fs[0].Line != tt.errLine || !strings.Contains(fs[0].Message.In("en"), tt.errMsg)):
				t.Errorf("findings %v, want one at line %d with %q", fs, tt.errLine, tt.errMsg)
			}
		})
	}
}
