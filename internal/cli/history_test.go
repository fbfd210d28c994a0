package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/testbed"
)

// gitRegister builds a repository through go-git with a register folder:
// a camera added (tagged v1), its evaluation recorded, then a record that is
// not public added. It returns the register root and the three commits.
func gitRegister(t *testing.T) (string, []plumbing.Hash) {
	_, root, cs := gitRegisterRepo(t)
	return root, cs
}

// gitRegisterRepo is gitRegister with the repository, for a test that
// commits more.
func gitRegisterRepo(t *testing.T) (*testbed.Git, string, []plumbing.Hash) {
	t.Helper()
	g := testbed.NewGit(t)
	c1 := commitAs(g, map[string]string{
		"sensors/cam-station.yaml": lapsedCamera,
		"register.yaml":            "site:\n  title: Sensorregister\n  base_url: https://register.voorbeeldstad.example/\n",
	}, "Alice", "2026-01-10T10:00:00+01:00", "Add the station cameras")
	if _, err := g.Repo.CreateTag("v1", c1, nil); err != nil {
		t.Fatal(err)
	}
	c2 := commitAs(g, map[string]string{"sensors/cam-station.yaml": strings.Replace(lapsedCamera, "last: 2025-03-01", "last: 2026-02-20", 1)},
		"Bob", "2026-03-01T09:30:00+01:00", "Evaluated by the committee")
	secret := strings.Replace(lapsedCamera, "id: cam-station", "id: geheim", 1) + "publication: {public: false, reason: Woo 5.1 lid 2 onder d}\n"
	c3 := commitAs(g, map[string]string{"sensors/geheim.yaml": secret}, "Carol", "2026-04-01T09:00:00+02:00", "Add a camera that is not public")
	return g, filepath.Join(g.Dir, "register"), []plumbing.Hash{c1, c2, c3}
}

// commitAs commits every change in g's work tree, and files (relative to
// the register folder) written first, as author at date (RFC 3339).
func commitAs(g *testbed.Git, files map[string]string, author, date, msg string) plumbing.Hash {
	g.Name, g.Email = author, strings.ToLower(author)+"@voorbeeldstad.example"
	when, _ := time.Parse(time.RFC3339, date)
	in := make(map[string]string, len(files))
	for name, text := range files {
		in["register/"+name] = text
	}
	return g.Commit(when, msg, in)
}

func TestHistoryCommand(t *testing.T) {
	root, cs := gitRegister(t)
	out, errOut, code := run(t, "history", "cam-station", "--root", root)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	want := "sensors/cam-station.yaml: 2 commits, newest first\n" +
		"\n" + cs[1].String()[:12] + "  2026-03-01 09:30 +0100  Bob <bob@voorbeeldstad.example>\n" +
		"    Evaluated by the committee\n" +
		"      /evaluation/last: 2025-03-01 → 2026-02-20\n" +
		"\n" + cs[0].String()[:12] + "  2026-01-10 10:00 +0100  Alice <alice@voorbeeldstad.example>\n" +
		"    Add the station cameras\n" +
		"      added to the register\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	// In Dutch.
	out, _, _ = run(t, "history", "cam-station", "--root", root, "--lang", "nl")
	want = "sensors/cam-station.yaml: 2 commits, nieuwste eerst\n" +
		"\n" + cs[1].String()[:12] + "  2026-03-01 09:30 +0100  Bob <bob@voorbeeldstad.example>\n" +
		"    Evaluated by the committee\n" +
		"      /evaluation/last: 2025-03-01 → 2026-02-20\n" +
		"\n" + cs[0].String()[:12] + "  2026-01-10 10:00 +0100  Alice <alice@voorbeeldstad.example>\n" +
		"    Add the station cameras\n" +
		"      toegevoegd aan het register\n"
	if out != want {
		t.Errorf("in Dutch: got\n%s\nwant\n%s", out, want)
	}

	// By path, as JSON.
	out, _, code = run(t, "history", filepath.Join(root, "sensors", "cam-station.yaml"), "--root", root, "--format", "json")
	var got struct {
		File    string `json:"file"`
		Head    string `json:"head"`
		Commits []struct {
			Commit, Author, Op string
			Fields             []struct {
				Path, Op string
				Old, New any
			}
		} `json:"commits"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if got.File != "sensors/cam-station.yaml" || got.Head != cs[2].String() || len(got.Commits) != 2 || len(got.Commits[0].Fields) != 1 {
		t.Fatalf("json: %+v", got)
	}
	if f := got.Commits[0].Fields[0]; f.Path != "/evaluation/last" || f.Op != "changed" || f.Old != "2025-03-01" || f.New != "2026-02-20" ||
		got.Commits[0].Author != "Bob" || got.Commits[1].Op != "added" {
		t.Errorf("json: %+v", got.Commits)
	}

	_, errOut, code = run(t, "history", "bestaat-niet", "--root", root)
	if code != ExitError || !strings.Contains(errOut, `no record "bestaat-niet" in the register (folder `) {
		t.Errorf("unknown record: exit %d, %q", code, errOut)
	}
	// The folder is named as a folder, also when it is called register.
	_, errOut, code = run(t, "history", "bestaat-niet", "--root", root, "--lang", "nl")
	if code != ExitError || !strings.Contains(errOut, `geen registratie "bestaat-niet" in het register (map `) {
		t.Errorf("unknown record in Dutch: exit %d, %q", code, errOut)
	}
}

func TestChangesCommand(t *testing.T) {
	root, cs := gitRegister(t)
	out, errOut, code := run(t, "changes", "--since", "v1", "--root", root)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	want := "Changes since v1 (commit " + cs[0].String()[:12] + " of 2026-01-10): 1 added, 1 changed, 0 renamed, 0 removed\n" +
		"\nchanged  sensors/cam-station.yaml  (last 2026-03-01 by Bob, " + cs[1].String()[:12] + ": Evaluated by the committee)\n" +
		"    /evaluation/last: 2025-03-01 → 2026-02-20\n" +
		"\nadded    sensors/geheim.yaml  (last 2026-04-01 by Carol, " + cs[2].String()[:12] + ": Add a camera that is not public)\n" +
		"    added to the register\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	out, _, _ = run(t, "changes", "--since", "v1", "--root", root, "--lang", "nl")
	want = "Wijzigingen sinds v1 (commit " + cs[0].String()[:12] + " van 2026-01-10): 1 toegevoegd, 1 gewijzigd, 0 hernoemd, 0 verwijderd\n" +
		"\ngewijzigd  sensors/cam-station.yaml  (laatst op 2026-03-01 door Bob, " + cs[1].String()[:12] + ": Evaluated by the committee)\n" +
		"    /evaluation/last: 2025-03-01 → 2026-02-20\n" +
		"\ntoegevoegd sensors/geheim.yaml  (laatst op 2026-04-01 door Carol, " + cs[2].String()[:12] + ": Add a camera that is not public)\n" +
		"    toegevoegd aan het register\n"
	if out != want {
		t.Errorf("in Dutch: got\n%s\nwant\n%s", out, want)
	}

	// The public feed: the record that is not public stays out, and so do
	// the authors.
	feedFile := filepath.Join(t.TempDir(), "changes.xml")
	_, errOut, code = run(t, "changes", "--since", "2026-01-01", "--format", "atom", "--root", root, "-o", feedFile)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	b, _ := os.ReadFile(feedFile)
	feed := string(b)
	if strings.Count(feed, "<entry>") != 2 || !strings.Contains(feed, "<title>Gewijzigd: Camera&#39;s Stationsplein (cam-station)</title>") ||
		strings.Contains(feed, "geheim") || strings.Contains(feed, "Bob") || !strings.Contains(feed, "<id>https://register.voorbeeldstad.example/changes.xml</id>") {
		t.Errorf("feed:\n%s", feed)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "--since is required"},
		{[]string{"--since", "v9"}, `"v9" is neither a tag, branch or commit`},
		{[]string{"--since", "v9", "--lang", "nl"}, `--since: "v9" is geen tag, branch of commit van deze repository en geen datum (JJJJ-MM-DD)`},
		{[]string{"--since", "v1", "--format", "rss"}, `unknown format "rss"`},
	} {
		_, errOut, code := run(t, append([]string{"changes", "--root", root}, tt.args...)...)
		if code != ExitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// A version of a record that does not read is named in history and
// changes with where and what is wrong with it, in the run's language: the
// words of the YAML reader are the register's own, which it has in Dutch
// too.
func TestUnreadableVersionInTheRunsLanguage(t *testing.T) {
	g, root, cs := gitRegisterRepo(t)
	commitAs(g, map[string]string{"sensors/cam-station.yaml": lapsedCamera + "quantity: !!int abc\n"},
		"Dave", "2026-05-01T09:00:00+02:00", "Count the cameras")
	commitAs(g, map[string]string{"sensors/cam-station.yaml": lapsedCamera + "quantity: 3\n"},
		"Dave", "2026-05-02T09:00:00+02:00", "Count them as a number")
	commitAs(g, map[string]string{"sensors/cam-station.yaml": lapsedCamera + "quantity: [3\n"},
		"Dave", "2026-05-03T09:00:00+02:00", "Make it a list")
	for _, tt := range []struct {
		lang         string
		history, net []string
		foreign      []string // words of the other language
	}{
		{"en", []string{
			"      fields not compared: new version: line 18, column 11: YAML syntax error: a '[' opened on this line is not closed\n",
			"      fields not compared: old version: line 18, column 11: abc is not a whole number\n",
			"      fields not compared: new version: line 18, column 11: abc is not a whole number\n",
		}, []string{"    fields not compared: new version: line 18, column 11: YAML syntax error: a '[' opened on this line is not closed\n"},
			[]string{"versie", "regel", "kolom", "velden"}},
		{"nl", []string{
			"      velden niet vergeleken: nieuwe versie: regel 18, kolom 11: YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten\n",
			"      velden niet vergeleken: oude versie: regel 18, kolom 11: abc is geen geheel getal\n",
			"      velden niet vergeleken: nieuwe versie: regel 18, kolom 11: abc is geen geheel getal\n",
		}, []string{"    velden niet vergeleken: nieuwe versie: regel 18, kolom 11: YAML-syntaxfout: een '[' die op deze regel wordt geopend, wordt niet gesloten\n"},
			[]string{"version", "line", "column", "not compared", "not a whole number", "syntax error"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			for _, cmd := range []struct {
				args []string
				want []string
			}{
				{[]string{"history", "cam-station"}, tt.history},
				{[]string{"changes", "--since", cs[1].String()}, tt.net},
			} {
				out, errOut, code := run(t, append(cmd.args, "--root", root, "--lang", tt.lang)...)
				if code != ExitOK {
					t.Fatalf("%v: exit %d\n%s%s", cmd.args, code, out, errOut)
				}
				for _, w := range cmd.want {
					if !strings.Contains(out, w) {
						t.Errorf("%v: lacks %q:\n%s", cmd.args, w, out)
					}
				}
				for _, f := range tt.foreign {
					if strings.Contains(out, f) {
						t.Errorf("%v: holds %q:\n%s", cmd.args, f, out)
					}
				}
			}
		})
	}
}

func TestHistoryOutsideGit(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera})
	for _, args := range [][]string{{"history", "cam-station"}, {"changes", "--since", "2026-01-01"}} {
		_, errOut, code := run(t, append(args, "--root", root)...)
		if code != ExitError || !strings.Contains(errOut, "no history available") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// build publishes the change feed and the due calendar, links them from every
// page, and leaves out the record that is not public.
func TestBuildPublishesFeedAndCalendar(t *testing.T) {
	root, _ := gitRegister(t)
	out := filepath.Join(t.TempDir(), "public")
	_, stderr, code := run(t, "build", "--root", root, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	feed, err := os.ReadFile(filepath.Join(out, "changes.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<id>https://register.voorbeeldstad.example/changes.xml</id>`,
		`<link rel="self" href="https://register.voorbeeldstad.example/changes.xml"></link>`,
		`<link rel="alternate" href="https://register.voorbeeldstad.example/sensoren/cam-station.html"></link>`,
		"<title>Gewijzigd: Camera&#39;s Stationsplein (cam-station)</title>",
	} {
		if !strings.Contains(string(feed), want) {
			t.Errorf("feed lacks %s:\n%s", want, feed)
		}
	}
	cal, err := os.ReadFile(filepath.Join(out, "due.ics"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BEGIN:VCALENDAR", "SUMMARY:Evaluatie (gepland): Camera's Stationsplein (cam-station)", "URL:https://register.voorbeeldstad.example/sensoren/cam-station.html", "UID:cam-station-evaluation@register.voorbeeldstad.example"} {
		if !strings.Contains(string(cal), want) {
			t.Errorf("calendar lacks %q:\n%s", want, cal)
		}
	}
	for _, leak := range []string{"geheim", "@voorbeeldstad.example>", ".yaml#"} {
		if strings.Contains(string(feed)+string(cal), leak) {
			t.Errorf("feed or calendar shows %q", leak)
		}
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{
		`<link rel="alternate" type="application/atom&#43;xml" title="Wijzigingen (Atom-feed)" href="changes.xml">`, // &#43; is "+"
		`<link rel="alternate" type="text/calendar" title="Agenda van evaluaties en einddata (iCalendar)" href="due.ics">`,
	} {
		if !strings.Contains(string(home), want) {
			t.Errorf("home lacks %s", want)
		}
	}
	if page, _ := os.ReadFile(filepath.Join(out, "sensoren", "cam-station.html")); !strings.Contains(string(page), `href="../changes.xml"`) {
		t.Error("a record page does not point to the feed")
	}
	// The catalogue's dates are the history's: the public camera last
	// changed on 1 March; the later commit of a record that is not public
	// does not count, and neither does the day of the build.
	cat, _ := os.ReadFile(filepath.Join(out, "data", "catalog.jsonld"))
	modified := regexp.MustCompile(`"dct:modified": \{\s*"@type": "xsd:date",\s*"@value": "([0-9-]+)"`).FindAllStringSubmatch(string(cat), -1)
	if len(modified) == 0 {
		t.Fatalf("no dct:modified in the catalogue:\n%s", cat)
	}
	for _, m := range modified {
		if m[1] != "2026-03-01" {
			t.Errorf("dct:modified %s, want 2026-03-01", m[1])
		}
	}
	if !strings.Contains(string(cat), `"@value": "2026-01-10"`) {
		t.Error("dct:issued is not the register's first commit")
	}
}

// Without the site's address there can be no feed and no catalogue: build
// says so and still writes the site; changes and export refuse.
func TestFeedAndCatalogueNeedBaseURL(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera, "register.yaml": "site:\n  title: Sensorregister\n"})
	out := filepath.Join(t.TempDir(), "public")
	_, stderr, code := run(t, "build", "--root", root, "--out", out)
	if code != 0 || !strings.Contains(stderr, "site.base_url is empty in register.yaml, so the site has no change feed and no DCAT catalogue") {
		t.Errorf("build: exit %d, stderr %q", code, stderr)
	}
	for _, p := range []string{"changes.xml", "data/catalog.jsonld"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s was written without a base URL", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "due.ics")); err != nil {
		t.Error("the calendar needs no address, yet is missing")
	}
	if _, stderr, code := run(t, "export", "--format", "dcat", "--root", root); code != 2 || !strings.Contains(stderr, "set site.base_url in register.yaml") {
		t.Errorf("export dcat: exit %d, stderr %q", code, stderr)
	}
}

// TestFeedReasonShowsNoSecret: the feed gives a record's reason as the
// public outputs show it: one naming a record that is not public reads
// "niet openbaar" in its place.
func TestFeedReasonShowsNoSecret(t *testing.T) {
	f := false
	hidden := &record.Record{ID: "cam-bunker", Kind: record.Sensor, Name: "Camera Bunker", File: "sensors/cam-bunker.yaml",
		Publication: &record.Publication{Public: &f}}
	shown := &record.Record{ID: "teller", Kind: record.Sensor, Name: "Teller", File: "sensors/teller.yaml",
		Publication: &record.Publication{Withheld: []string{"purpose"}, Reason: "Net als Camera Bunker."}}
	o := feedOptions(register.New(t.TempDir(), nil, []*record.Record{hidden, shown}), time.Now())
	if got := o.Text(publish.Reason(shown, "nl"), "nl"); got != "Net als niet openbaar." {
		t.Errorf("reason %q", got)
	}
}

// The feed and the record pages a build makes from what a build before
// kept of the history (the feed's outline, the field diffs the pages list)
// are those a build makes afresh: built again, after an edit not yet
// committed (they show the record as it is now), and after a commit.
func TestPagesFromKeptHistoryAreFreshOnes(t *testing.T) {
	g, root, _ := gitRegisterRepo(t)
	top := g.Dir
	out := filepath.Join(t.TempDir(), "public")
	// The feed, and the record's page in both languages.
	pages := []string{"changes.xml", "sensoren/cam-station.html", "en/sensors/cam-station.html"}
	feedOf := func(out string) string {
		t.Helper()
		if _, stderr, code := run(t, "build", "--root", root, "--out", out); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var all strings.Builder
		for _, p := range pages {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			all.Write(data)
		}
		return all.String()
	}
	kept := func() []string {
		t.Helper()
		var found []string
		for _, name := range []string{"outline.bin", "diffs.bin"} {
			f, err := filepath.Glob(filepath.Join(top, ".git", "register-history-cache", "*", name))
			if err != nil {
				t.Fatal(err)
			}
			found = append(found, f...)
		}
		return found
	}
	fresh := func() string {
		t.Helper()
		for _, p := range kept() {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		}
		return feedOf(filepath.Join(t.TempDir(), "public"))
	}
	station := filepath.Join(root, "sensors", "cam-station.yaml")
	for _, step := range []struct {
		name   string
		change func()
		want   string // in the feed
	}{
		{"the first build", func() {}, "Camera&#39;s Stationsplein"},
		{"built again", func() {}, "Camera&#39;s Stationsplein"},
		{"an edit not committed", func() {
			data, err := os.ReadFile(station)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(data), "name: Camera's Stationsplein", "name: Camera's Stationsweg", 1)
			if err := os.WriteFile(station, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "Camera&#39;s Stationsweg"},
		{"a commit", func() {
			commitAs(g, nil, "Dave", "2026-05-01T09:00:00+02:00", "Nieuwe naam")
		}, "<updated>2026-05-01T07:00:00Z</updated>"},
	} {
		step.change()
		got := feedOf(out)
		if len(kept()) != 2 {
			t.Fatalf("%s: kept %v, want the outline and the pages' diffs", step.name, kept())
		}
		if !strings.Contains(got, step.want) {
			t.Errorf("%s: the feed lacks %q:\n%s", step.name, step.want, got)
		}
		if want := fresh(); got != want {
			t.Errorf("%s: feed and pages\n%s\nwant, made afresh\n%s", step.name, got, want)
		}
	}
}
