package site

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
