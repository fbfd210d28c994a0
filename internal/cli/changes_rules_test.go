package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// publicChanges builds the site, the change feed since base and the
// public packet since base of the register at root, and returns where
// they are.
func publicChanges(t *testing.T, root, base string) []string {
	t.Helper()
	out := t.TempDir()
	site, atom, md := filepath.Join(out, "site"), filepath.Join(out, "changes.xml"), filepath.Join(out, "packet.md")
	if _, stderr, code := run(t, "build", "--root", root, "--out", site); code != ExitOK && code != ExitFindings {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if _, stderr, code := run(t, "changes", "--root", root, "--since", base, "--format", "atom", "-o", atom); code != ExitOK {
		t.Fatalf("changes: exit %d: %s", code, stderr)
	}
	if _, stderr, code := run(t, "packet", "--root", root, "--public", "--since", base, "--as-of", "2026-11-24", "--out", md); code != ExitOK {
		t.Fatalf("packet: exit %d: %s", code, stderr)
	}
	return []string{site, atom, md}
}

// TestChangesKeepTheInternalDPIAOfThen: a DPIA's url is withheld unless
// the DPIA is public. Once a later version publishes the DPIA under
// another url, the url of the version before, the municipality's internal
// copy, stays out of every public output of the change: a value is shown
// only when it is public by the rules of the version it is in and of the
// current one.
func TestChangesKeepTheInternalDPIAOfThen(t *testing.T) {
	const internal = "https://voorbeeldstad.example/dpia.pdf" // checkCamera's, without public: true
	tests := []struct {
		name, dpia string
		// shown is the line the feed shows of the change.
		shown string
	}{
		{"published under another url", `dpia: {status: done, date: 2026-01-05, url: "https://www.voorbeeldstad.example/dpia-publiek.pdf", public: true}`,
			"Document: niet openbaar → https://www.voorbeeldstad.example/dpia-publiek.pdf"},
		{"published as it was", `dpia: {status: done, date: 2026-01-05, url: "` + internal + `", public: true}`,
			"Openbaar (nieuw): true"},
		{"taken down", `dpia: {status: done, date: 2026-01-05}`, "Document (verwijderd)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, commit := packetRepo(t)
			day := func(d int) time.Time { return time.Date(2026, 9, d, 10, 0, 0, 0, time.UTC) }
			commit(map[string]string{"register.yaml": checkConfig + "  base_url: https://register.voorbeeldstad.example/\n",
				"sensors/cam-markt.yaml": checkCamera}, day(1), "Begin")
			now := strings.Replace(checkCamera, `dpia: {status: done, date: 2026-01-05, url: "`+internal+`"}`, tt.dpia, 1)
			if now == checkCamera {
				t.Fatal("the camera has no DPIA to change")
			}
			commit(map[string]string{"sensors/cam-markt.yaml": now}, day(2), "DPIA")
			outs := publicChanges(t, root, "2026-09-02")
			if hits := testbed.FilesHolding(t, outs, internal+" →", "Document: "+internal); len(hits) > 0 {
				t.Errorf("the internal url of the DPIA is published: %q", hits)
			}
			if feed := readFile(t, outs[1]); !strings.Contains(feed, tt.shown) {
				t.Errorf("the feed lacks %q:\n%s", tt.shown, feed)
			}
		})
	}
}

// TestChangeFeedShowsARecordMadePublicAsNew: a record that was not public
// and is made public is new to the public from the commit that made it
// public. The feed shows it as added then, with nothing of the commits
// before, not even that it was there.
func TestChangeFeedShowsARecordMadePublicAsNew(t *testing.T) {
	tests := []struct {
		name, hidden string
	}{
		{"not public", "publication: {public: false, reason: Woo}\n"},
		{"a publication block that does not read", "publication: {public: nee}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, commit := packetRepo(t)
			day := func(d int) time.Time { return time.Date(2026, 9, d, 10, 0, 0, 0, time.UTC) }
			commit(map[string]string{"register.yaml": checkConfig + "  base_url: https://register.voorbeeldstad.example/\n",
				"sensors/cam-markt.yaml": checkCamera + tt.hidden}, day(1), "Begin")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Verborgenbedrijf BV}\n" + tt.hidden}, day(2), "Leverancier")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Verborgenbedrijf BV}\n"}, day(3), "Openbaar")
			outs := publicChanges(t, root, "2026-09-02")
			feed := readFile(t, outs[1])
			for _, leak := range []string{"Gewijzigd", "Openbaarheid", "Leverancier"} {
				if strings.Contains(feed, leak) {
					t.Errorf("the feed shows %q of the record while it was not public:\n%s", leak, feed)
				}
			}
			if n := strings.Count(feed, "<entry>"); n != 1 || !strings.Contains(feed, "Nieuw: Cameratoezicht Markt") {
				t.Errorf("%d entries, want the record's addition alone:\n%s", n, feed)
			}
		})
	}
}
