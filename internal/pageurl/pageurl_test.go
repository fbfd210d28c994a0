package pageurl

import (
	"testing"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
)

// Other tools (the feed, the exports) link to record pages; the page lives
// under the site's first language at the root.
func TestRecordURLFollowsTheRootLanguage(t *testing.T) {
	cfg := config.Default()
	if got := RecordURL(cfg, record.Sensor, "cam-markt"); got != "" {
		t.Errorf("without a base URL: %q", got)
	}
	cfg.Site.BaseURL = "https://register.example/"
	if got := RecordURL(cfg, record.Sensor, "cam-markt"); got != "https://register.example/sensoren/cam-markt.html" {
		t.Errorf("Dutch first: %q", got)
	}
	cfg.Languages = []string{"en", "nl"}
	if got := RecordURL(cfg, record.Algorithm, "parkeren"); got != "https://register.example/algorithms/parkeren.html" {
		t.Errorf("English first: %q", got)
	}
}

// A record with id "index" gets a page of its own, not the kind's list.
func TestRecordPathOfIndex(t *testing.T) {
	tests := []struct {
		lang string
		kind record.Kind
		id   string
		want string
	}{
		{"nl", record.Sensor, "index", "sensoren/index_.html"},
		{"en", record.Sensor, "index", "sensors/index_.html"},
		{"nl", record.Algorithm, "parkeren", "algoritmes/parkeren.html"},
		{"de", record.Algorithm, "parkeren", "algoritmes/parkeren.html"}, // not a site language: Dutch
	}
	for _, tt := range tests {
		if got := RecordPath(tt.lang, tt.kind, tt.id); got != tt.want {
			t.Errorf("RecordPath(%s, %s, %s) = %s, want %s", tt.lang, tt.kind, tt.id, got, tt.want)
		}
	}
}

func TestRuleURL(t *testing.T) {
	cfg := config.Default()
	if got := RuleURL(cfg, "signage"); got != "" {
		t.Errorf("without a base URL: %q", got)
	}
	cfg.Site.BaseURL = "https://register.example"
	if got := RuleURL(cfg, "signage"); got != "https://register.example/principes.html#rule-signage" {
		t.Errorf("RuleURL = %q", got)
	}
}
