package cli

import (
	"html"
	"path/filepath"
	"regexp"
	"slices"
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
			commit(map[string]string{"register.yaml": publishedConfig,
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
			commit(map[string]string{"register.yaml": publishedConfig,
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

// TestRecordPageHistoryBeginsWhenMadePublic: a record page tells the
// history the public may know, as the change feed does: from the commit
// that made the record public, shown as its addition, with nothing of the
// commits before, not their days nor their subjects. So does the summary
// of a large register's history: its day of addition is the day the
// record was made public.
func TestRecordPageHistoryBeginsWhenMadePublic(t *testing.T) {
	tests := []struct {
		name, hidden string
		summary      bool
		// rows are the history's rows, newest first: a day and what
		// happened, with the subject where one is shown.
		rows []string
	}{
		{"not public", "publication: {public: false, reason: Woo}\n", false,
			[]string{"2026-09-04 Gewijzigd: Leverancier gewijzigd", "2026-09-03 Toegevoegd: Openbaar gemaakt"}},
		{"a publication block that does not read", "publication: {public: nee}\n", false,
			[]string{"2026-09-04 Gewijzigd: Leverancier gewijzigd", "2026-09-03 Toegevoegd: Openbaar gemaakt"}},
		{"not public, in a large register's summary", "publication: {public: false, reason: Woo}\n", true,
			[]string{"2026-09-04 Gewijzigd", "2026-09-03 Toegevoegd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.summary {
				limit := historyLogLimit
				historyLogLimit = 0
				t.Cleanup(func() { historyLogLimit = limit })
			}
			root, commit := packetRepo(t)
			commit(map[string]string{"register.yaml": checkConfig + "  show_commit_subjects: true\n",
				"sensors/cam-markt.yaml": checkCamera + tt.hidden}, day(1), "Schaduwfase begonnen")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Verborgenbedrijf BV}\n" + tt.hidden}, day(2), "Schaduwfase voortgezet")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Verborgenbedrijf BV}\n"}, day(3), "Openbaar gemaakt")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Ander Bedrijf BV}\n"}, day(4), "Leverancier gewijzigd")
			site := filepath.Join(t.TempDir(), "site")
			if _, stderr, code := run(t, "build", "--root", root, "--out", site); code != ExitOK && code != ExitFindings {
				t.Fatalf("build: exit %d: %s", code, stderr)
			}
			if hits := testbed.FilesHolding(t, []string{site}, "Schaduwfase"); len(hits) > 0 {
				t.Errorf("a subject of a commit while the record was not public is published: %q", hits)
			}
			page := readFile(t, filepath.Join(site, "sensoren", "cam-markt.html"))
			if got := historyRows(t, page); !slices.Equal(got, tt.rows) {
				t.Errorf("history rows:\n%q\nwant\n%q", got, tt.rows)
			}
		})
	}
}

// historyRows are the rows of a record page's history, each as its day
// and the text of its change.
func historyRows(t *testing.T, page string) []string {
	t.Helper()
	_, section, ok := strings.Cut(page, `id="h-history"`)
	if !ok {
		t.Fatalf("the page has no history:\n%s", page)
	}
	section, _, _ = strings.Cut(section, "</section>")
	row := regexp.MustCompile(`<tr><th scope="row"><time datetime="([0-9-]+)">[^<]*</time></th><td>([^<]*)`)
	var out []string
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		out = append(out, m[1]+" "+html.UnescapeString(m[2]))
	}
	return out
}

// TestChangesKeepAQuotedWithheldValueOut: a version whose purpose quoted
// the supplier it withheld was not public. Once the purpose no longer
// quotes it, the record is new to the public, and the old purpose, with
// the supplier's name in it, is in no public output of the change.
func TestChangesKeepAQuotedWithheldValueOut(t *testing.T) {
	const purpose = "purpose: Geweld voorkomen en opsporen."
	block := "supplier: {name: Geheimbedrijf BV}\npublication: {public: true, reason: Woo, withheld: [supplier.name]}\n"
	root, commit := packetRepo(t)
	commit(map[string]string{"register.yaml": publishedConfig,
		"sensors/cam-markt.yaml": strings.Replace(checkCamera, purpose, "purpose: Geweld voorkomen met Geheimbedrijf BV.", 1) + block}, day(1), "Begin")
	commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + block}, day(3), "Doel")
	outs := publicChanges(t, root, "2026-09-02")
	if hits := testbed.FilesHolding(t, outs, "Geheimbedrijf"); len(hits) > 0 {
		t.Errorf("the withheld supplier is published: %q", hits)
	}
	if feed := readFile(t, outs[1]); !strings.Contains(feed, "Nieuw: Cameratoezicht Markt") {
		t.Errorf("the feed does not show the record as new:\n%s", feed)
	}
}

// TestChangesKeepAVersionWithAMisreadBlockOut: a version whose publication
// block was misspelt, nested under another field or written into a text
// was not public, as Check holds it back whole. Once a later commit writes
// the block right, the record is new to the public, and nothing of the
// version before, not its name nor its model, is in a public output.
func TestChangesKeepAVersionWithAMisreadBlockOut(t *testing.T) {
	const vendor = "vendor: {manufacturer: Axis Communications, model: Q1656, country: SE}"
	const name = "name: Cameratoezicht Markt"
	tests := []struct {
		name string
		// hidden is the record while it was held back, fixed the one now.
		hidden, fixed string
	}{
		{"misspelt",
			strings.Replace(checkCamera, name, "name: Camera bij woning SECRETNAAM", 1) + "Publication: {public: false, reason: Woo 5.1 lid 2 sub d}\n",
			strings.Replace(checkCamera, name, "name: Openbare meter", 1) + "publication: {public: true}\n"},
		{"nested",
			strings.Replace(checkCamera, vendor, "vendor: {manufacturer: Axis Communications, model: NESTEDSECRET, publication: {public: false, reason: Woo}}", 1),
			strings.Replace(checkCamera, vendor, "vendor: {manufacturer: Axis Communications, model: OPEN2}", 1) + "publication: {public: true}\n"},
		{"under a number key",
			strings.Replace(checkCamera, vendor, `vendor: {manufacturer: Axis Communications, model: NUMBERSECRET, "0": {withheld: [vendor.model]}}`, 1),
			strings.Replace(checkCamera, vendor, "vendor: {manufacturer: Axis Communications, model: OPEN3}", 1)},
		{"written into a text",
			strings.Replace(checkCamera, "problem: Vechtpartijen bij sluitingstijd.", `problem: "Vechtpartijen bij SECRETWONING. publication: {public: false, reason: Woo}"`, 1),
			strings.Replace(checkCamera, "problem: Vechtpartijen bij sluitingstijd.", "problem: Vechtpartijen in de nacht.", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.hidden == checkCamera+"" || strings.Count(tt.hidden, "SECRET") != 1 {
				t.Fatal("the hidden version holds no secret")
			}
			root, commit := packetRepo(t)
			commit(map[string]string{"register.yaml": publishedConfig,
				"sensors/cam-markt.yaml": tt.hidden}, day(1), "Begin")
			commit(map[string]string{"sensors/cam-markt.yaml": tt.fixed}, day(3), "Blok verbeterd")
			outs := publicChanges(t, root, "2026-09-02")
			if hits := testbed.FilesHolding(t, outs, "SECRET"); len(hits) > 0 {
				t.Errorf("the version held back is published: %q", hits)
			}
			if feed := readFile(t, outs[1]); strings.Count(feed, "<entry>") != 1 || !strings.Contains(feed, "Nieuw: ") {
				t.Errorf("the feed does not show the record as new alone:\n%s", feed)
			}
		})
	}
}

// TestChangesKeepAValueWithheldSinceOut: a value a later commit withheld
// stays out of every public output once a still later commit changes it
// and lifts the withholding. It was public when written, but the version
// that withheld it says it is not: a value is shown only when it was
// public under the rules of every version from when it was written up to
// now.
func TestChangesKeepAValueWithheldSinceOut(t *testing.T) {
	for _, base := range []string{"2026-09-02", "2026-09-03"} {
		t.Run("since "+base, func(t *testing.T) {
			root, commit := packetRepo(t)
			commit(map[string]string{"register.yaml": publishedConfig,
				"sensors/cam-markt.yaml": checkCamera}, day(1), "Begin")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Geheimleverancier BV}\n"}, day(2), "Leverancier")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Geheimleverancier BV}\n" +
				"publication: {reason: Woo 5.1 lid 2 sub b, withheld: [supplier.name]}\n"}, day(4), "Leverancier afgeschermd")
			commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Ander Bedrijf BV}\n"}, day(5), "Andere leverancier")
			// The site and the feeds, which tell each commit, and the
			// public packet, which compares the base with now.
			outs := publicChanges(t, root, base)
			if hits := testbed.FilesHolding(t, outs, "Geheimleverancier"); len(hits) > 0 {
				t.Errorf("the value withheld since is published: %q", hits)
			}
			if feed := readFile(t, outs[1]); !strings.Contains(feed, "Ander Bedrijf BV") {
				t.Errorf("the feed lacks the value public now:\n%s", feed)
			}
		})
	}
}

// TestChangesKeepAWithheldListValueOutWhenTheListShifts: a version withheld
// the reference of one decision. One commit puts a decision in front of
// it, so it has another index, changes the reference and lifts the
// withholding. The change is told at the element's new index, but the old
// reference was withheld at the old one: it stays out of every public
// output, whichever element of the list the withholding named then.
func TestChangesKeepAWithheldListValueOutWhenTheListShifts(t *testing.T) {
	const decisions = `decisions: [{body: mayor, kind: authorisation, date: 2026-01-10, reference: "https://voorbeeldstad.example/b/1"},
  {body: council, kind: mandate, date: 2024-06-27, reference: "https://voorbeeldstad.example/apv"}]`
	withheld := strings.Replace(checkCamera, decisions, `decisions: [{body: mayor, kind: authorisation, date: 2026-01-10, reference: "https://voorbeeldstad.example/b/1"},
  {body: council, kind: mandate, date: 2024-06-27, reference: "https://voorbeeldstad.example/GEHEIMREF"}]`, 1) +
		"publication: {reason: Woo 5.1 lid 2 sub e, withheld: [decisions.1.reference]}\n"
	shifted := strings.Replace(checkCamera, decisions, `decisions: [{body: council, kind: mandate, date: 2021-05-10, reference: "https://voorbeeldstad.example/eerste"},
  {body: mayor, kind: authorisation, date: 2026-01-10, reference: "https://voorbeeldstad.example/b/1"},
  {body: council, kind: mandate, date: 2024-06-27, reference: "https://voorbeeldstad.example/OPENREF"}]`, 1)
	if !strings.Contains(withheld, "GEHEIMREF") || !strings.Contains(shifted, "OPENREF") {
		t.Fatal("the versions do not hold the references")
	}
	for _, base := range []string{"2026-09-02", "2026-09-04"} {
		t.Run("since "+base, func(t *testing.T) {
			root, commit := packetRepo(t)
			commit(map[string]string{"register.yaml": publishedConfig,
				"sensors/cam-markt.yaml": withheld}, day(1), "Begin")
			commit(map[string]string{"sensors/cam-markt.yaml": strings.Replace(withheld, "retention: P28D", "retention: P14D", 1)}, day(3), "Bewaartermijn")
			commit(map[string]string{"sensors/cam-markt.yaml": strings.Replace(shifted, "retention: P28D", "retention: P14D", 1)}, day(5), "Besluit erbij")
			outs := publicChanges(t, root, base)
			if hits := testbed.FilesHolding(t, outs, "GEHEIMREF"); len(hits) > 0 {
				t.Errorf("the withheld reference is published: %q", hits)
			}
			if feed := readFile(t, outs[1]); !strings.Contains(feed, "OPENREF") {
				t.Errorf("the feed lacks the reference public now:\n%s", feed)
			}
		})
	}
}

// TestAnInternalDPIAQuotedElsewhereIsKeptBack: a DPIA's url without
// public: true is the municipality's internal copy, withheld as if the
// publication block named it. A link that quotes it would publish it: the
// check reports the link, and the record is kept off every public output
// until it is fixed. Once a later version publishes the DPIA under
// another url, and the link with it, the record is new to the public and
// the internal url is in no public output of the change.
func TestAnInternalDPIAQuotedElsewhereIsKeptBack(t *testing.T) {
	const dpia = `dpia: {status: done, date: 2026-01-05, url: "https://voorbeeldstad.example/dpia.pdf"}`
	internal := strings.Replace(checkCamera, dpia, `dpia: {status: done, date: 2026-01-05, url: "https://intranet.voorbeeldstad.example/dpia-GEHEIMURL.pdf"}`, 1) +
		"links: [{title: Achtergrond, url: \"https://intranet.voorbeeldstad.example/dpia-GEHEIMURL.pdf\"}]\n"
	published := strings.Replace(checkCamera, dpia, `dpia: {status: done, date: 2026-01-05, url: "https://www.voorbeeldstad.example/dpia-open.pdf", public: true}`, 1) +
		"links: [{title: Achtergrond, url: \"https://www.voorbeeldstad.example/dpia-open.pdf\"}]\n"
	if !strings.Contains(internal, "GEHEIMURL") || !strings.Contains(published, "dpia-open") {
		t.Fatal("the versions do not hold the urls")
	}
	root, commit := packetRepo(t)
	commit(map[string]string{"register.yaml": publishedConfig,
		"sensors/cam-markt.yaml": internal}, day(1), "Begin")
	stdout, _, code := run(t, "check", "--root", root)
	if code != ExitFindings || !strings.Contains(stdout, "links.0.url") || strings.Contains(stdout, "GEHEIMURL") {
		t.Errorf("check: exit %d, want a finding at the link that does not quote the url:\n%s", code, stdout)
	}
	if hits := testbed.FilesHolding(t, publicChanges(t, root, "2026-08-31"), "GEHEIMURL"); len(hits) > 0 {
		t.Errorf("the internal DPIA is published: %q", hits)
	}
	commit(map[string]string{"sensors/cam-markt.yaml": published}, day(3), "DPIA openbaar")
	outs := publicChanges(t, root, "2026-09-02")
	if hits := testbed.FilesHolding(t, outs, "GEHEIMURL"); len(hits) > 0 {
		t.Errorf("the internal DPIA of then is published: %q", hits)
	}
	if feed := readFile(t, outs[1]); strings.Count(feed, "<entry>") != 1 || !strings.Contains(feed, "Nieuw: ") {
		t.Errorf("the feed does not show the record as new alone:\n%s", feed)
	}
}

// TestChangesKeepAValueWithheldNowOutOfOldTexts: an old version's text
// quoted a supplier's name that a record withholds now, the record
// itself or another one. The text was public when it was written, but
// the name is a secret now: every public output of the change (the
// site's feed, the change feed and the public packet) shows the old text
// without it, as it shows a reason, and still shows an old value that
// holds no secret.
func TestChangesKeepAValueWithheldNowOutOfOldTexts(t *testing.T) {
	const purpose = "purpose: Geweld voorkomen en opsporen."
	quoting := strings.Replace(checkCamera, purpose, "purpose: Geweld voorkomen met camera's van Eenzwaluw BV.", 1)
	other := strings.Replace(strings.Replace(checkCamera, "id: cam-markt", "id: cam-haven", 1), "name: Cameratoezicht Markt", "name: Cameratoezicht Haven", 1)
	tests := []struct {
		name string
		// then is each record's file while the purpose quoted the
		// name, now each one's now.
		then, now map[string]string
	}{
		{"withheld by the record itself",
			map[string]string{"sensors/cam-markt.yaml": quoting + "supplier: {name: Eenzwaluw BV}\n"},
			map[string]string{"sensors/cam-markt.yaml": strings.Replace(checkCamera, "retention: P28D", "retention: P14D", 1) +
				"supplier: {name: Eenzwaluw BV}\npublication: {reason: Woo 5.1 lid 2 sub f, withheld: [supplier.name]}\n"}},
		{"withheld by another record",
			map[string]string{"sensors/cam-markt.yaml": quoting, "sensors/cam-haven.yaml": other + "supplier: {name: Eenzwaluw BV}\n"},
			map[string]string{"sensors/cam-markt.yaml": strings.Replace(checkCamera, "retention: P28D", "retention: P14D", 1),
				"sensors/cam-haven.yaml": other + "supplier: {name: Eenzwaluw BV}\npublication: {reason: Woo 5.1 lid 2 sub f, withheld: [supplier.name]}\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, commit := packetRepo(t)
			then := map[string]string{"register.yaml": publishedConfig}
			for f, s := range tt.then {
				then[f] = s
			}
			commit(then, day(1), "Begin")
			// The purpose no longer names the supplier, and the
			// retention is shorter; then the name is withheld.
			changed := map[string]string{"sensors/cam-markt.yaml": strings.Replace(tt.then["sensors/cam-markt.yaml"], quoting, strings.Replace(checkCamera, "retention: P28D", "retention: P14D", 1), 1)}
			commit(changed, day(3), "Doel")
			commit(tt.now, day(5), "Leverancier afgeschermd")
			outs := publicChanges(t, root, "2026-09-02")
			if hits := testbed.FilesHolding(t, outs, "Eenzwaluw"); len(hits) > 0 {
				t.Errorf("the name withheld now is published in an old text: %q", hits)
			}
			for _, out := range []string{filepath.Join(outs[0], "changes.xml"), outs[1], outs[2]} {
				if text := readFile(t, out); !strings.Contains(text, "P28D") || !strings.Contains(text, "Geweld voorkomen met camera") {
					t.Errorf("%s lacks the old values that hold no secret:\n%s", filepath.Base(out), text)
				}
			}
		})
	}
}

// day is a day of September 2026 at ten, when the histories of these
// tests are committed.
func day(d int) time.Time { return time.Date(2026, 9, d, 10, 0, 0, 0, time.UTC) }

// publishedConfig is register.yaml of a register whose site has a base url.
const publishedConfig = checkConfig + "  base_url: https://register.voorbeeldstad.example/\n"
