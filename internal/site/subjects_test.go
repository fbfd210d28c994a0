package site

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestCommitSubjectsFailClosed: one commit touched the camera on the Markt
// and the air sensor, and its subject quotes the air sensor's withheld
// mailbox (in capitals) and the name of a camera that is not public. By
// default no part of the subject is published; with
// site.show_commit_subjects it is, on both records' pages, without either
// secret.
func TestCommitSubjectsFailClosed(t *testing.T) {
	const subject = "Zqmast gedeeld met LUCHT@Voorbeeldstad.example en verborgen OBSERVATIECAMERA"
	hist := map[string]History{
		"sensors/cam-markt.yaml": {Added: "2025-01-05", Changes: []Change{{Date: "2026-03-01", Subject: subject, Fields: []string{"summary"}}}},
		"sensors/lucht-dak.yaml": {Added: "2025-01-05", Changes: []Change{{Date: "2026-03-01", Subject: subject, Fields: []string{"summary"}}}},
	}
	secrets := []string{"lucht@voorbeeldstad.example", "verborgen observatiecamera"}

	reg := loadFixture(t, fixture)
	out, _ := build(t, reg, Options{History: hist})
	if hits := testbed.FilesHolding(t, []string{out}, append([]string{"Zqmast", "gedeeld met"}, secrets...)...); len(hits) > 0 {
		t.Errorf("with site.show_commit_subjects off, the site quotes the subject: %q", hits)
	}
	if page := read(t, out, "sensoren/cam-markt.html"); !strings.Contains(page, `<time datetime="2026-03-01">`) {
		t.Error("the history row is gone with its subject")
	}

	reg = loadFixture(t, fixture)
	reg.Config.Site.ShowCommitSubjects = true
	out, _ = build(t, reg, Options{History: hist})
	if hits := testbed.FilesHolding(t, []string{out}, secrets...); len(hits) > 0 {
		t.Errorf("a subject shown quotes a secret: %q", hits)
	}
	for page, want := range map[string]string{
		"sensoren/cam-markt.html":   "Zqmast gedeeld met niet openbaar en niet openbaar",
		"sensoren/lucht-dak.html":   "Zqmast gedeeld met niet openbaar en niet openbaar",
		"en/sensors/cam-markt.html": "Zqmast gedeeld met not public en not public",
	} {
		if !strings.Contains(read(t, out, page), want) {
			t.Errorf("%s lacks the scrubbed subject %q", page, want)
		}
	}
}
