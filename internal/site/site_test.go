package site

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/outdir"
	"github.com/voorbeeldstad/register/internal/pageurl"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

const fixture = "testdata/register"

var buildNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// loadFixture reads the test register the way the loader does: config from
// register.yaml, one record per file, Point from location.point.
func loadFixture(t testing.TB, root string) *register.Register {
	t.Helper()
	cfg, fs, err := config.Load(root)
	if err != nil || len(fs) > 0 {
		t.Fatalf("config: %v %v", err, fs)
	}
	var recs []*record.Record
	// The content's hashes, as a load that keeps records gives them.
	sums := map[string][32]byte{}
	for _, k := range record.Kinds {
		files, _ := filepath.Glob(filepath.Join(root, k.Folder(), "*.yaml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var r record.Record
			if err := yaml.Unmarshal(data, &r); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r.File = k.Folder() + "/" + filepath.Base(f)
			if r.Location != nil && r.Location.Point != nil {
				r.Point = r.Location.Point
			}
			recs = append(recs, &r)
			sums[r.File] = sha256.Sum256(data)
		}
	}
	reg := register.New(root, cfg, recs)
	reg.Sums = sums
	return reg
}

func build(t *testing.T, reg *register.Register, opts Options) (string, Stats) {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	if opts.Now.IsZero() {
		opts.Now = buildNow
	}
	hashFiles(t, reg)
	st, err := Build(reg, opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return opts.Out, st
}

// hashFiles gives reg the hash of each record file it lacks one of, as a
// load that keeps records does: the site publishes a record's source only
// as the load read it.
func hashFiles(t *testing.T, reg *register.Register) {
	t.Helper()
	for _, r := range reg.Records {
		if _, ok := reg.Sums[r.File]; ok || r.File == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(reg.Root, filepath.FromSlash(r.File)))
		if err != nil {
			continue // no file: no source
		}
		if reg.Sums == nil {
			reg.Sums = map[string][32]byte{}
		}
		reg.Sums[r.File] = sha256.Sum256(data)
	}
}

func read(t *testing.T, dir, p string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	return string(data)
}

func TestStableURLs(t *testing.T) {
	out, st := build(t, loadFixture(t, fixture), Options{})
	want := []string{
		"index.html", "en/index.html", "404.html",
		"sensoren/index.html", "en/sensors/index.html", "algoritmes/index.html", "en/algorithms/index.html",
		"sensoren/cam-markt.html", "en/sensors/cam-markt.html", "algoritmes/alg-toeslag.html", "en/algorithms/alg-toeslag.html",
		"sensoren/soort/camera.html", "en/sensors/type/camera.html", "sensoren/gebied/centrum.html", "sensoren/gebied/zuid-oost-x.html",
		"sensoren/status/active.html", "sensoren/persoonsgegevens/yes.html", "en/sensors/personal-data/unknown.html",
		"algoritmes/categorie/impactful.html", "algoritmes/soort/rule_based.html",
		"kaart.html", "en/map.html", "principes.html", "en/principles.html", "zoeken.html", "en/search.html",
		"toegankelijkheid.html", "en/accessibility.html", "open-data.html", "en/open-data.html",
		"data/register.json", "data/sensors.csv", "data/algorithms.csv", "data/sensors.geojson", "data/catalog.jsonld",
		"data/search.nl.js", "data/search.en.js", "assets/site.css", "assets/site.js", "assets/map.js",
		"src/sensors/cam-markt.yaml", "src/algorithms/alg-toeslag.yaml", outdir.Marker,
	}
	for _, p := range want {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
	for _, p := range []string{"sensoren/cam-verborgen.html", "en/sensors/cam-verborgen.html", "src/sensors/cam-verborgen.yaml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s is published, want it left out", p)
		}
	}
	if nf := read(t, out, "404.html"); !strings.Contains(nf, `<link rel="stylesheet" href="/assets/site.css">`) {
		t.Error("404.html does not link from the base URL's path, so it breaks in sub-folders")
	}
	if st.Pages < 40 || st.Files <= st.Pages {
		t.Errorf("stats = %+v", st)
	}
	// A second build writes exactly the same files, byte for byte.
	again, _ := build(t, loadFixture(t, fixture), Options{})
	if a, b := tree(t, out), tree(t, again); !slices.Equal(a, b) {
		t.Errorf("builds differ:\n%v\n%v", a, b)
	}
}

// tree lists every file with a digest of its content.
func tree(t *testing.T, dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if Keyed(rel) {
			return nil // keyed with a secret of the folder's own
		}
		out = append(out, fmt.Sprintf("%s %x", filepath.ToSlash(rel), sha256.Sum256(data)))
		return nil
	})
	return out
}

func TestEscapesHostileText(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	for _, p := range []string{"sensoren/x-hostile.html", "sensoren/index.html", "kaart.html", "sensoren/gebied/zuid-oost-x.html", "index.html"} {
		page := read(t, out, p)
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript:`, "<b>Org</b>", "<i>rol</i>", "<x>", "</td></tr> en"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains unescaped %q", p, bad)
			}
		}
	}
	page := read(t, out, "sensoren/x-hostile.html")
	for _, good := range []string{
		"&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt; &amp; &#34;quotes&#34;",
		"&lt;img src=x onerror=alert(1)&gt;",
		"klik mij",
		`<a href="https://voorbeeldstad.example/geluid?a=1&amp;b=2" rel="noopener">echte link</a>`,
		"<p>Line one</p><p>Line &lt;two&gt;</p>",
	} {
		if !strings.Contains(page, good) {
			t.Errorf("hostile page lacks %q", good)
		}
	}
}

var (
	h1Re       = regexp.MustCompile(`<h1[ >]`)
	externalRe = regexp.MustCompile(`<(?:script|link|img|image|iframe|source|audio|video)\b[^>]*\b(?:src|href)="(?:https?:)?//`)
)

func TestPagesLoadNothingFromAnotherHost(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	n := 0
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		n++
		data, _ := os.ReadFile(p)
		page := string(data)
		if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; img-src &#39;self&#39; data:;`) {
			t.Errorf("%s: no Content-Security-Policy default-src 'self'", p)
		}
		if m := externalRe.FindString(page); m != "" {
			t.Errorf("%s loads from another host: %s", p, m)
		}
		if c := len(h1Re.FindAllString(page, -1)); c != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p, c)
		}
		if !strings.Contains(page, `<a class="skip" href="#main">`) || !strings.Contains(page, `<main id="main"`) {
			t.Errorf("%s lacks the skip link or main landmark", p)
		}
		return nil
	})
	if n < 40 {
		t.Fatalf("only %d pages", n)
	}
}

// TestFeedIsScrubbedByTheSite: the change feed takes what the site keeps
// back out of its texts with the site's own filter, so a withheld value a
// commit subject quotes stays out of the feed as out of the pages.
func TestFeedIsScrubbedByTheSite(t *testing.T) {
	const secret = "lucht@voorbeeldstad.example" // lucht-dak withholds owner.email
	out, _ := build(t, loadFixture(t, fixture), Options{Feed: func(w io.Writer, text func(s, lang string) string) error {
		_, err := io.WriteString(w, text("Mail naar "+secret+" gezet", "nl"))
		return err
	}})
	got := read(t, out, pageurl.FeedPath)
	if strings.Contains(got, secret) || !strings.Contains(got, "Mail naar") {
		t.Errorf("the feed says %q", got)
	}
}

// TestSourceIsPublishedAsLoaded: the site publishes a record's source
// only as the load read it. A file changed between the load and the build
// (an edit saved while serve rebuilds, which may withhold a value the
// loaded record does not, or a link put in its place) fails the build,
// which leaves the site as it was; a file the load did not hash, or read
// through a link, has no published source and no link to one.
func TestSourceIsPublishedAsLoaded(t *testing.T) {
	const file = "sensors/lucht-dak.yaml"
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, path string)
	}{
		{"edited", func(t *testing.T, path string) {
			edit(t, path, "personal_data: {processed: \"no\"}", "personal_data: {processed: \"no\"}\nsupplier: {name: Geheim BV}\npublication: {withheld: [supplier]}")
		}},
		{"replaced by a link to a file outside", func(t *testing.T, path string) {
			outside := filepath.Join(t.TempDir(), "secret.yaml")
			if err := os.WriteFile(outside, []byte("id: lucht-dak\nsecret: ja\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, path); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := copyFixture(t)
			out, _ := build(t, loadFixture(t, root), Options{})
			before := tree(t, out)
			// The register as a build after an edit loads and prepares
			// it; the file changes again before its source is written.
			edit(t, filepath.Join(root, filepath.FromSlash(file)), "Meet fijnstof", "Meet fijnstof en ozon")
			p, err := Prepare(loadFixture(t, root), Options{Out: out, Now: buildNow})
			if err != nil {
				t.Fatal(err)
			}
			tc.change(t, filepath.Join(root, filepath.FromSlash(file)))
			_, err = p.Build()
			if err == nil || !strings.Contains(err.Error(), file+" changed while the site was built") {
				t.Errorf("Build: %v, want that %s changed", err, file)
			}
			if got := tree(t, out); !slices.Equal(got, before) {
				t.Error("the build that failed changed the site")
			}
		})
	}
	for name, mark := range map[string]func(reg *register.Register){
		"not hashed by the load": func(reg *register.Register) { delete(reg.Sums, file) },
		// A link to another record's file, whose source that is.
		"read through a link": func(reg *register.Register) { reg.Linked = map[string]bool{file: true} },
	} {
		t.Run(name, func(t *testing.T) {
			reg := loadFixture(t, copyFixture(t))
			mark(reg)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(reg, Options{Out: out, Now: buildNow}); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(out, "src", filepath.FromSlash(file))); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the source is published: %v", err)
			}
			if page := read(t, out, "sensoren/lucht-dak.html"); strings.Contains(page, "src/"+file) {
				t.Error("the record's page links to a source that is not published")
			}
		})
	}
}

func TestPublicationControl(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	home := read(t, out, "index.html")
	for _, want := range []string{"1 registratie is niet gepubliceerd", "Lopend opsporingsonderzoek (Woo 5.1 lid 2 onder c) (1)"} {
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %q", want)
		}
	}
	if !strings.Contains(read(t, out, "en/index.html"), "1 record is not published") {
		t.Error("English home lacks the unpublished count")
	}
	air := read(t, out, "sensoren/lucht-dak.html")
	if c := strings.Count(air, "niet openbaar</span> <span class=\"reason\">(Reden: Woo artikel 5.1 lid 2 onder d: beveiliging van het gebouw)"); c != 3 {
		// The point withheld withholds its Dutch grid form too.
		t.Errorf("air sensor page shows %d withheld fields with reason, want 3 (point, point_rd, owner email)", c)
	}
	for _, p := range []string{"sensoren/lucht-dak.html", "kaart.html", "data/register.json", "data/sensors.csv", "data/sensors.geojson", "data/search.nl.js",
		"data/search/nl-1.js", "data/search/en-1.js", "src/sensors/lucht-dak.yaml", "src/sensors/cam-markt.yaml", "src/algorithms/alg-toeslag.yaml", "algoritmes/alg-toeslag.html", "data/algorithms.csv"} {
		page := read(t, out, p)
		for _, leak := range []string{"lucht@voorbeeldstad.example", "52.095", "Geheim adres", "Verborgen observatiecamera", "intern overleg", "cam-verborgen"} {
			if strings.Contains(page, leak) {
				t.Errorf("%s leaks %q", p, leak)
			}
		}
	}
	// The algorithm uses a hidden sensor: it is left out, id and all.
	alg := read(t, out, "algoritmes/alg-toeslag.html")
	if !strings.Contains(alg, `<a href="../sensoren/cam-markt.html">Camera&#39;s Markt</a>`) || strings.Contains(alg, "cam-verborgen.html") {
		t.Error("related sensors are wrong on the algorithm page")
	}
	cam := read(t, out, "sensoren/cam-markt.html")
	if !strings.Contains(cam, `<a href="../algoritmes/alg-toeslag.html">Volgorde van controles bijstand</a>`) {
		t.Error("the camera page does not link the algorithm that uses it")
	}
	// Incidents: type, dates and summary, never the delay reason.
	if !strings.Contains(cam, "Datalek") || !strings.Contains(cam, "Beelden waren te lang bewaard.") || !strings.Contains(cam, `<time datetime="2025-03-01T10:00:00&#43;01:00">1 maart 2025, 10:00</time>`) {
		t.Error("incident not shown with type, date and summary")
	}
	for _, want := range []string{
		`<dt>Kenmerk</dt><dd><code>cam-markt</code></dd>`,
		`<dt>Gebied op de kaart</dt><dd>Ja (<a href="../kaart.html#s-cam-markt">Kaart</a>)</dd>`,
		`<tr><th scope="row">minimisation</th><td><p>Volledige resolutie nodig voor opsporing</p></td><td>Gemeentewet artikel 151c</td><td>Burgemeester <time datetime="2025-01-10">10 januari 2025</time></td><td><time datetime="2026-12-31">31 december 2026</time></td></tr>`,
		`<dt>Bewaartermijn</dt><dd>28 dagen</dd>`,
	} {
		if !strings.Contains(cam, want) {
			t.Errorf("camera page lacks %q", want)
		}
	}
	if !strings.Contains(cam, `href="https://voorbeeldstad.example/meldpunt?record=cam-markt"`) {
		t.Error("report-an-error link is not pre-filled with the record id")
	}
	if !strings.Contains(cam, `href="../src/sensors/cam-markt.yaml"`) || !strings.Contains(air, `href="../src/sensors/lucht-dak.yaml"`) {
		t.Error("source links wrong")
	}
	// A source the filter changed is the public view, and says so.
	src := read(t, out, "src/sensors/lucht-dak.yaml")
	if !strings.HasPrefix(src, "# Openbare weergave") || !strings.Contains(src, "Dak van het stadskantoor") || strings.Contains(src, "lat:") {
		t.Errorf("filtered source of lucht-dak:\n%s", src)
	}
}

func TestFindingsHistoryAndEvaluation(t *testing.T) {
	reg := loadFixture(t, fixture)
	check := func(*register.Register) []finding.Finding {
		return []finding.Finding{
			{File: "sensors/cam-markt.yaml", Record: "cam-markt", Rule: "signage", Principle: "VNG 4.3", Severity: finding.Error, Message: label.Text{"Camera zonder <borden>.", "camera without <signs>"},
				Help: label.Text{"Hang borden op.", "add signage"}},
			// A finding without Dutch (the schema check speaks English only).
			{File: "sensors/cam-markt.yaml", Record: "cam-markt", Rule: "schema", Severity: finding.Warning, Message: label.Text{"", "unknown key <x>"}, Help: label.Text{"", "remove it"}},
			{File: "algorithms/alg-toeslag.yaml", Rule: "evaluation-lapsed", Principle: "VNG III", Severity: finding.Warning, Message: label.Text{"De evaluatie is te laat.", "evaluation overdue"},
				Help: label.Text{"Evalueer.", ""}},
		}
	}
	hist := map[string]History{"sensors/cam-markt.yaml": {Added: "2025-01-05", Changes: []Change{
		{Date: "2026-03-01", Subject: "Evaluatie 2026", Author: "Jan Jansen", Fields: []string{"evaluation.last", "decisions.1.date", "decisions.0", "lifecycle.end", "unknown_key"}},
		{Date: "2025-01-05", Subject: "Camera's Markt toegevoegd", Author: "Jan Jansen", Added: true},
	}}}
	rules := []Rule{{ID: "signage", Ref: "VNG 4.3", Title: [2]string{"Herkenbaar", "Recognisable"}, Why: [2]string{"Borden <waarom>", "Signs why"}},
		// A rule that ran and found nothing: its principle gets a tick.
		{ID: "biometric-ban", Ref: "VNG 2.1", Title: [2]string{"Geen biometrie", "No biometrics"}}}
	out, _ := build(t, reg, Options{Check: checkWith(check), History: hist, Rules: rules})
	cam := read(t, out, "sensoren/cam-markt.html")
	if !strings.Contains(cam, `<strong>Herkenbaar:</strong> <span>Camera zonder`) {
		t.Error("the finding is not named by its rule's Dutch title")
	}
	if pr := read(t, out, "en/principles.html"); !strings.Contains(pr, `<dt id="rule-signage">Recognisable <span class="meta">(signage)</span></dt><dd>Signs why</dd>`) {
		t.Error("the principles page does not list the rule under its principle")
	}
	if pr := read(t, out, "principes.html"); !strings.Contains(pr, "<dd>Borden &lt;waarom&gt;</dd>") {
		t.Error("the Dutch principles page lacks the rule's reason")
	}
	for _, want := range []string{
		`<span class="sev sev-error"><span class="icon" aria-hidden="true">✗</span>Voldoet niet:</span> <a href="../principes.html#vng-4-3">Herkenbaarheid</a>`,
		"Camera zonder &lt;borden&gt;.",
		`<time datetime="2026-03-01">1 maart 2026</time>`,
		// Without site.show_commit_subjects the rows name no subject.
		"Gewijzigd<br><span class=\"meta\">Gewijzigde velden: Laatste evaluatie, Besluiten, Looptijd: einde, unknown_key</span>",
		"Toegevoegd</td>",
		`<a href="../principes.html#vng-2-1">Geen biometrische surveillance</a>`,
		"Te laat: de evaluatie had uiterlijk 1 juni 2026 moeten plaatsvinden",
	} {
		if !strings.Contains(cam, want) {
			t.Errorf("camera page lacks %q", want)
		}
	}
	if strings.Contains(cam, "Jan Jansen") {
		t.Error("commit author shown while site.show_commit_authors is off")
	}
	if strings.Contains(cam, "Evaluatie 2026") || strings.Contains(cam, "Markt toegevoegd") {
		t.Error("commit subject shown while site.show_commit_subjects is off")
	}
	// A record labelled planned whose start has passed is in use by its
	// own dates (lifecycle.InUseOn): its evaluation falls due, as the
	// checklist and the due list say.
	if page := read(t, out, "sensoren/x-hostile.html"); !strings.Contains(page, "Op tijd: volgende evaluatie uiterlijk 1 november 2030") {
		t.Error("a planned record that started by its own dates shows no evaluation due")
	}
	alg := read(t, out, "en/algorithms/alg-toeslag.html")
	for _, want := range []string{`<h1 lang="nl">Volgorde van controles bijstand</h1>`, `<div class="summary" lang="nl">`, `<dd><div lang="nl"><p>Medewerkers sneller laten werken.</p></div></dd>`} {
		if !strings.Contains(alg, want) {
			t.Errorf("English page does not mark Dutch record text: lacks %q", want)
		}
	}
	// Dutch pages show the checklist's Dutch, unmarked; English pages the
	// English; a finding without Dutch stays English, marked as such.
	if !strings.Contains(cam, `<span>Camera zonder &lt;borden&gt;.</span> <span class="help">Hang borden op.</span>`) {
		t.Error("Dutch page does not show the finding's Dutch message and help")
	}
	if strings.Contains(cam, "camera without") {
		t.Error("Dutch page shows the English message of a finding that has Dutch")
	}
	if !strings.Contains(cam, `<span lang="en">unknown key &lt;x&gt;</span> <span class="help" lang="en">remove it</span>`) {
		t.Error("Dutch page does not mark a finding without Dutch as English")
	}
	camEN := read(t, out, "en/sensors/cam-markt.html")
	if !strings.Contains(camEN, `<span>camera without &lt;signs&gt;</span> <span class="help">add signage</span>`) || strings.Contains(camEN, "Camera zonder") {
		t.Error("English page does not show the finding's English message and help")
	}
	if !strings.Contains(alg, "<span>evaluation overdue</span>") {
		t.Error("English algorithm page does not show the English message")
	}
	if algNL := read(t, out, "algoritmes/alg-toeslag.html"); !strings.Contains(algNL, "<span>De evaluatie is te laat.</span> <span class=\"help\">Evalueer.</span>") {
		t.Error("Dutch algorithm page does not show the Dutch message")
	}
	if !strings.Contains(alg, "Needs attention:</span> <a href=\"../../en/principles.html#vng-iii\">Evaluation</a>") {
		t.Error("finding found by file not shown on the algorithm page")
	}
	if !strings.Contains(alg, "Overdue: the evaluation was due by 1 May 2024") {
		t.Error("lapsed evaluation not shown")
	}
	home := read(t, out, "index.html")
	if !strings.Contains(home, `<a href="algoritmes/alg-toeslag.html">Volgorde van controles bijstand</a></th><td><span class="sev sev-error">`) {
		t.Error("home does not list the lapsed evaluation")
	}
	if strings.Contains(home, `<li><a href="sensoren/x-hostile.html">`) || !strings.Contains(home, `<a href="sensoren/cam-markt.html">Camera&#39;s Markt</a> <span class="meta">Camera, <time datetime="2026-10-01">`) {
		t.Error("home does not list exactly the records registered in the last 90 days")
	}

	reg.Config.Site.ShowCommitAuthors = true
	reg.Config.Site.ShowCommitSubjects = true
	out, _ = build(t, reg, Options{Check: checkWith(check), History: hist})
	cam = read(t, out, "sensoren/cam-markt.html")
	if !strings.Contains(cam, "<td>Jan Jansen</td>") {
		t.Error("commit author hidden while site.show_commit_authors is on")
	}
	for _, want := range []string{"Gewijzigd: Evaluatie 2026<br>", "Toegevoegd: Camera&#39;s Markt toegevoegd"} {
		if !strings.Contains(cam, want) {
			t.Errorf("with site.show_commit_subjects on, the camera page lacks %q", want)
		}
	}

	// Without a checklist, the page says so rather than claiming no findings.
	out, _ = build(t, loadFixture(t, fixture), Options{})
	if page := read(t, out, "sensoren/lucht-dak.html"); !strings.Contains(page, "niet uitgevoerd") || strings.Contains(page, "Geen bevindingen") {
		t.Error("unchecked record claims to have no findings")
	}
}

func TestDownloadsParse(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{Schemas: map[string][]byte{"sensor.schema.json": []byte(`{"type":"object"}`)}})
	// register.json is an index; the records are in the parts it links.
	var index struct {
		Records     []map[string]any `json:"records"`
		RecordCount int              `json:"record_count"`
		Parts       []struct {
			URL     string `json:"url"`
			Records int    `json:"records"`
		} `json:"parts"`
	}
	if err := json.Unmarshal([]byte(read(t, out, "data/register.json")), &index); err != nil || index.Records != nil || index.RecordCount != 4 || len(index.Parts) != 1 {
		t.Fatalf("register.json: %v, %d records, %d parts, records listed: %v", err, index.RecordCount, len(index.Parts), index.Records != nil)
	}
	var part struct {
		Records []map[string]any `json:"records"`
	}
	if err := json.Unmarshal([]byte(read(t, out, "data/"+index.Parts[0].URL)), &part); err != nil || len(part.Records) != 4 || index.Parts[0].Records != 4 {
		t.Fatalf("%s: %v, %d records", index.Parts[0].URL, err, len(part.Records))
	}
	rows, err := csv.NewReader(strings.NewReader(read(t, out, "data/sensors.csv"))).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("sensors.csv: %v, %d rows", err, len(rows))
	}
	var geo struct {
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(read(t, out, "data/sensors.geojson")), &geo); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range geo.Features {
		ids = append(ids, f.ID+":"+f.Geometry.Type)
	}
	if strings.Join(ids, ",") != "cam-markt:GeometryCollection,x-hostile:Point" {
		t.Errorf("features = %v", ids)
	}
	if got := string(geo.Features[1].Geometry.Coordinates); got != "[5.135,52.085]" {
		t.Errorf("point = %s, want longitude first", got)
	}
	if read(t, out, "data/schema/sensor.schema.json") != `{"type":"object"}` {
		t.Error("schema not published")
	}
	idx := readSearchIndex(t, out, "en")
	if len(idx.Records) != 4 || idx.Records[0].URL != "en/sensors/cam-markt.html" {
		t.Errorf("search index: %+v", idx.Records)
	}
}

func TestMap(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	page := read(t, out, "kaart.html")
	for _, want := range []string{`<svg class="map" viewBox="0 0 1000.0`, `<polygon class="area" points="`, `<rect class="pt pt-camera"`, `<circle class="pt"`, `<a href="sensoren/cam-markt.html"><title>Camera&#39;s Markt – Camera</title>`, `<tr id="s-cam-markt">`, "Zonder openbare locatie: 1", `<g class="scalebar"><title>Schaal: `} {
		if !strings.Contains(page, want) {
			t.Errorf("map lacks %q", want)
		}
	}
	if strings.Contains(page, "map.js") {
		t.Error("tile script included without tiles_url")
	}
}

func TestTiles(t *testing.T) {
	reg := loadFixture(t, fixture)
	reg.Config.Site.TilesURL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
	out, _ := build(t, reg, Options{})
	page := read(t, out, "kaart.html")
	if !strings.Contains(page, "img-src &#39;self&#39; data: https://service.pdok.nl;") || !strings.Contains(page, "assets/map.js") || !strings.Contains(page, `data-tiles="https://service.pdok.nl/`) {
		t.Error("configured tiles not allowed or not loaded")
	}
	for _, bad := range []string{"http://tiles.example/{z}/{x}/{y}.png", "https://tiles.example/tile.png", "javascript:alert(1)//{z}{x}{y}"} {
		reg.Config.Site.TilesURL = bad
		if _, err := Build(reg, Options{Out: filepath.Join(t.TempDir(), "x")}); err == nil || !strings.Contains(err.Error(), "site.tiles_url") {
			t.Errorf("tiles_url %q accepted: %v", bad, err)
		}
	}
}

func TestBuildReplacesOnlyItsOwnSite(t *testing.T) {
	reg := loadFixture(t, fixture)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, reg, Options{Out: out})
	stale := filepath.Join(out, "sensoren", "weg.html")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, reg, Options{Out: out})
	if _, err := os.Stat(stale); err == nil {
		t.Error("a page of the previous build survived the new one")
	}
	// Beside the site, only the earlier version the next build updates.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != ".public.previous" {
		t.Errorf("temporary folders left behind: %v", entries)
	}

	mine := filepath.Join(dir, "mine")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mine, "notes.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(reg, Options{Out: mine}); err == nil || !strings.Contains(err.Error(), "not built by register") {
		t.Errorf("Build replaced a folder it did not write: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(mine, "notes.txt")); string(data) != "keep" {
		t.Error("the user's file was touched")
	}
}

func TestLabelsAndFormats(t *testing.T) {
	tests := []struct{ got, want string }{
		{humanDuration("nl", "P28D"), "28 dagen"},
		{humanDuration("nl", "P1Y"), "1 jaar"},
		{humanDuration("en", "P1Y6M"), "1 year and 6 months"},
		{humanDuration("nl", "bogus"), "bogus"},
		{longDate("nl", "2025-03-01"), "1 maart 2025"},
		{longDate("en", "2025-12-31"), "31 December 2025"},
		{longDate("nl", "soon"), "soon"},
		{Anchor("VNG 2.1"), "vng-2-1"},
		{Anchor("C-camera-temporary"), "c-camera-temporary"},
		{strings.Join(refAnchors("2.1, C-no-live-face"), "|"), "vng-2-1|c-no-live-face"},
		{slug("Zuidoost-Ëiland"), "zuidoost-eiland"},
		{slug("air_quality"), "air_quality"},
		{link("javascript:alert(1)", "x"), "x"},
		{link("https://a.example/?q=<b>", ""), `<a href="https://a.example/?q=&lt;b&gt;" rel="noopener">https://a.example/?q=&lt;b&gt;</a>`},
		{valueLabel("nl", "sensor_type", "anpr_camera"), "ANPR-camera (kentekenherkenning)"},
		{valueLabel("en", "status", "retired"), "Retired"},
		{valueLabel("nl", "status", "eigen-waarde"), "eigen-waarde"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// Every word the templates ask for exists in both languages.
func TestTemplateWordsExist(t *testing.T) {
	re := regexp.MustCompile(`\bt \$?[.a-zA-Z]*\s*"([^"]+)"`)
	entries, _ := templateFS.ReadDir("templates")
	for _, e := range entries {
		data, _ := templateFS.ReadFile("templates/" + e.Name())
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			l, ok := ui[m[1]]
			if !ok || l[0] == "" || l[1] == "" {
				t.Errorf("%s: word %q missing", e.Name(), m[1])
			}
		}
	}
}

func TestHandler(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	csp, err := CSP("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(out, csp))
	defer srv.Close()
	tests := []struct {
		path, status, ctype string
	}{
		{"/", "200 OK", "text/html; charset=utf-8"},
		{"/sensoren/cam-markt.html", "200 OK", "text/html; charset=utf-8"},
		{"/src/sensors/cam-markt.yaml", "200 OK", "text/plain; charset=utf-8"},
		{"/data/sensors.geojson", "200 OK", "application/geo+json"},
		{"/data/catalog.jsonld", "200 OK", "application/ld+json"},
		{"/sensoren/bestaat-niet.html", "404 Not Found", "text/html; charset=utf-8"},
		{"/sensoren/", "200 OK", "text/html; charset=utf-8"},
		{"/data/", "404 Not Found", "text/html; charset=utf-8"},
		{"/en/", "200 OK", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		res, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.Status != tt.status || res.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: %s %s, want %s %s", tt.path, res.Status, res.Header.Get("Content-Type"), tt.status, tt.ctype)
		}
		if res.Header.Get("Content-Security-Policy") != csp || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %v", tt.path, res.Header)
		}
	}
	if _, err := CSP("http://insecure.example/{z}/{x}/{y}.png"); err == nil {
		t.Error("CSP accepted an http tile URL")
	}
}

func TestRecordsWithoutSafeURLGetNoPage(t *testing.T) {
	reg := loadFixture(t, fixture)
	extra := []*record.Record{
		{ID: "../../../escape", Kind: record.Sensor, Name: "Escape", File: "sensors/escape.yaml"},
		{ID: "odd-kind", Kind: "dataset", Name: "Odd", File: "datasets/odd-kind.yaml"},
		{ID: "cam-markt", Kind: record.Algorithm, Name: "Second cam-markt", File: "algorithms/cam-markt.yaml"},
	}
	reg = register.New(reg.Root, reg.Config, append(reg.Records, extra...))
	dir := t.TempDir()
	out, _ := build(t, reg, Options{Out: filepath.Join(dir, "site", "public")})
	entries, _ := os.ReadDir(filepath.Join(dir, "site"))
	if len(entries) != 1 {
		t.Errorf("files written next to the site: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); err == nil {
		t.Error("a record id escaped the output folder")
	}
	for _, p := range []string{"algoritmes/cam-markt.html", "odd-kind.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s written", p)
		}
	}
	if !strings.Contains(read(t, out, "sensoren/cam-markt.html"), "<h1>Camera&#39;s Markt</h1>") {
		t.Error("the first cam-markt lost its page")
	}
	if !strings.Contains(read(t, out, "index.html"), "3 registraties worden niet getoond") {
		t.Error("home does not say records were left out")
	}
}

func TestMapProjection(t *testing.T) {
	tests := []struct {
		lon, lat float64
		x, y     float64
	}{
		{0, 0, 0.5, 0.5},
		{-180, 0, 0, 0.5},
		{180, 85.05112878, 1, 0},
		{5.1214, 52.0907, 0.514226, 0.329905}, // y = 0.5 - ln(tan(π/4 + φ/2)) / 2π
	}
	for _, tt := range tests {
		x, y := mercator(tt.lon, tt.lat)
		if math.Abs(x-tt.x) > 1e-6 || math.Abs(y-tt.y) > 1e-6 {
			t.Errorf("mercator(%g, %g) = (%.6f, %.6f), want (%.6f, %.6f)", tt.lon, tt.lat, x, y, tt.x, tt.y)
		}
	}
	for _, tt := range []struct{ in, want float64 }{{0.7, 0.5}, {1, 1}, {180, 100}, {260, 200}, {999, 500}, {1500, 1000}, {0, 1}, {math.NaN(), 1}} {
		if got := niceDistance(tt.in); got != tt.want {
			t.Errorf("niceDistance(%g) = %g, want %g", tt.in, got, tt.want)
		}
	}
}

// The scale bar is as long as the distance it names: measured with the
// haversine distance between two points the map puts that far apart.
func TestScaleBar(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	page := read(t, out, "kaart.html")
	m := regexp.MustCompile(`data-x0="([^"]+)" data-y0="([^"]+)" data-scale="([^"]+)".*<line x1="20" y1="[^"]+" x2="([^"]+)" y2="[^"]+"/><text x="20" y="[^"]+">(\d+) (m|km)</text>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no scale bar")
	}
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	x0, y0, scale, x2, label := num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5])
	if m[6] == "km" {
		label *= 1000
	}
	// Back from SVG units to longitude and latitude.
	unproject := func(sx, sy float64) (float64, float64) {
		mx, my := x0+sx/scale, y0+sy/scale
		lat := math.Atan(math.Sinh(math.Pi*(1-2*my))) * 180 / math.Pi
		return mx*360 - 180, lat
	}
	lon1, lat1 := unproject(20, 300)
	lon2, lat2 := unproject(x2, 300)
	const r = 6371008.8
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dl := (lon2 - lon1) * math.Pi / 180
	d := 2 * r * math.Asin(math.Sqrt(math.Pow(math.Sin((p2-p1)/2), 2)+math.Cos(p1)*math.Cos(p2)*math.Pow(math.Sin(dl/2), 2)))
	if math.Abs(d-label)/label > 0.02 {
		t.Errorf("the scale bar says %g m but spans %.0f m", label, d)
	}
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		langs   []string
		present []string
		absent  []string
		home    string // a phrase of the home page at the root
	}{
		{[]string{"nl"}, []string{"index.html", "sensoren/cam-markt.html"}, []string{"en/index.html", "en/sensors/cam-markt.html"}, "Sensoren per soort"},
		{[]string{"en", "nl"}, []string{"index.html", "sensors/cam-markt.html", "nl/index.html", "nl/sensoren/cam-markt.html"}, []string{"en/index.html", "sensoren/cam-markt.html"}, "Sensors by type"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.langs, ","), func(t *testing.T) {
			reg := loadFixture(t, fixture)
			reg.Config.Languages = tt.langs
			out, _ := build(t, reg, Options{})
			for _, p := range tt.present {
				if _, err := os.Stat(filepath.Join(out, p)); err != nil {
					t.Errorf("missing %s", p)
				}
			}
			for _, p := range tt.absent {
				if _, err := os.Stat(filepath.Join(out, p)); err == nil {
					t.Errorf("%s written", p)
				}
			}
			home := read(t, out, "index.html")
			if !strings.Contains(home, tt.home) {
				t.Errorf("home lacks %q", tt.home)
			}
			if len(tt.langs) == 1 && strings.Contains(home, `class="lang"`) {
				t.Error("a language switch with one language")
			}
			if len(tt.langs) == 2 {
				rec := read(t, out, "sensors/cam-markt.html")
				if !strings.Contains(rec, `<a href="../nl/sensoren/cam-markt.html" hreflang="nl" lang="nl">Nederlands</a>`) {
					t.Error("the language switch does not lead to the same record in Dutch")
				}
			}
		})
	}
}

func TestPlaceLabel(t *testing.T) {
	var placed []labelBox
	tests := []struct {
		name     string
		x, y     float64
		ok, left bool
	}{
		{"first goes right", 100, 100, true, false},
		{"near the right edge goes left", 980, 100, true, true},
		{"overlapping the first goes left", 110, 105, true, true},
		{"no room either side", 120, 100, false, false},
		{"further down is free", 120, 200, true, false},
	}
	for _, tt := range tests {
		lb, ok := placeLabel(placed, tt.x, tt.y, 1000, "Camera Markt")
		if ok != tt.ok || lb.left != tt.left {
			t.Errorf("%s: placed %v left %v, want %v %v", tt.name, ok, lb.left, tt.ok, tt.left)
		}
		if ok {
			placed = append(placed, lb)
		}
	}
}

// readSearchIndex reads the search index script of a language as the page's
// script sees it.
func readSearchIndex(t *testing.T, out, lang string) searchIndex {
	t.Helper()
	js := read(t, out, "data/search."+lang+".js")
	body, ok := strings.CutPrefix(js, "window.registerSearchIndex = ")
	if !ok || !strings.HasSuffix(body, ";\n") {
		t.Fatalf("the search index is not one assignment: %.80q", js)
	}
	var idx searchIndex
	if err := json.Unmarshal([]byte(strings.TrimSuffix(body, ";\n")), &idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Records) != 0 {
		t.Errorf("the head of the index holds %d records; they belong in its parts", len(idx.Records))
	}
	// The records, part by part, each a script that adds them.
	for n := 1; ; n++ {
		p := searchPartPath(lang, n)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
			break
		}
		js := read(t, out, p)
		body, ok := strings.CutPrefix(js, "window.registerSearchIndex.records.push(")
		if !ok || !strings.HasSuffix(body, ");\n") {
			t.Fatalf("%s is not one push: %.80q", p, js)
		}
		var recs []searchEntry
		if err := json.Unmarshal([]byte("["+strings.TrimSuffix(body, ");\n")+"]"), &recs); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(recs) == 0 || len(recs) > searchPartSize {
			t.Errorf("%s holds %d records, want 1 to %d", p, len(recs), searchPartSize)
		}
		idx.Records = append(idx.Records, recs...)
	}
	return idx
}

func TestSearchIndex(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	nl := readSearchIndex(t, out, "nl")
	byID := map[string]searchEntry{}
	for _, e := range nl.Records {
		byID[e.ID] = e
	}
	if _, ok := byID["cam-verborgen"]; ok {
		t.Error("a record that is not public is in the index")
	}
	cam := byID["cam-markt"]
	for _, want := range []string{
		"Live meekijken", "live viewing", // a capability, in words and as written
		"Uitgaansgeweld",              // purpose
		"Gemeentewet artikel 151c",    // legal basis
		"Markt en omliggende straten", // where
		"camerabeelden",               // personal data
	} {
		if !strings.Contains(cam.Text, want) {
			t.Errorf("cam-markt's search words lack %q: %q", want, cam.Text)
		}
	}
	if cam.Facets["kind"] != "sensor" || cam.Facets["type"] != "camera" || cam.Facets["status"] != "active" || cam.Facets["area"] != "centrum" {
		t.Errorf("cam-markt's facets = %v", cam.Facets)
	}
	if strings.Contains(byID["lucht-dak"].Text, "lucht@") {
		t.Error("a withheld value is searchable")
	}
	var keys []string
	for _, f := range nl.Facets {
		keys = append(keys, f.Key)
		if f.Key == "kind" && (f.Label != "Soort registratie" || !slices.Contains(f.Values, [2]string{"algorithm", "Algoritme"})) {
			t.Errorf("kind facet = %+v", f)
		}
	}
	if strings.Join(keys, ",") != "kind,type,status,area,pd" {
		t.Errorf("facets = %v", keys)
	}
	// The slugs are the same in every language, so a filter in the URL
	// survives the language switch.
	en := readSearchIndex(t, out, "en")
	if en.Records[0].Facets["type"] != nl.Records[0].Facets["type"] || en.Facets[0].Values[0][1] == nl.Facets[0].Values[0][1] {
		t.Errorf("English facets: %+v", en.Facets[0])
	}
	page := read(t, out, "zoeken.html")
	if !strings.Contains(page, `<script src="data/search.nl.js" defer></script>
<script src="data/search/nl-1.js" defer></script>
<script src="assets/site.js" defer></script>`) {
		t.Error("the search page does not load its index before the script")
	}
}

// TestSearchIndexInParts: the records of a large register's search index
// are split over parts of searchPartSize, each public record once and in
// the register's order, and the search page loads the head, then every
// part, then the script that searches.
func TestSearchIndexInParts(t *testing.T) {
	reg := loadFixture(t, fixture)
	base := reg.ByID("cam-markt")
	recs := slices.Clone(reg.Records)
	for i := range 2*searchPartSize + 1 {
		c := *base
		c.ID = fmt.Sprintf("cam-%04d", i)
		c.File = "sensors/" + c.ID + ".yaml"
		recs = append(recs, &c)
	}
	reg = register.New(reg.Root, reg.Config, recs)
	out, _ := build(t, reg, Options{})
	idx := readSearchIndex(t, out, "nl")
	var want []string
	for _, r := range reg.Records {
		if r.IsPublic() {
			want = append(want, r.ID)
		}
	}
	var got []string
	for _, e := range idx.Records {
		got = append(got, e.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the index holds %d records, want the %d public ones in order", len(got), len(want))
	}
	page := read(t, out, "zoeken.html")
	var scripts []string
	for _, m := range regexp.MustCompile(`<script src="([^"]+)" defer>`).FindAllStringSubmatch(page, -1) {
		scripts = append(scripts, m[1])
	}
	if wantScripts := []string{"data/search.nl.js", "data/search/nl-1.js", "data/search/nl-2.js", "data/search/nl-3.js", "assets/site.js"}; !slices.Equal(scripts, wantScripts) {
		t.Errorf("the search page loads %v, want %v", scripts, wantScripts)
	}
}

func TestSearchIndexCannotCloseTheScript(t *testing.T) {
	reg := loadFixture(t, fixture)
	reg.ByID("cam-markt").Name = "</script><script>alert(1)</script>"
	out, _ := build(t, reg, Options{})
	if js := read(t, out, "data/search/nl-1.js"); strings.Contains(js, "</script") || strings.Contains(js, "<script") {
		t.Errorf("the index writes markup as it is: %s", js)
	}
}

// TestPagePathsNeverCollide pins that no id or facet value can take the
// place of another page: the record with id "index" does not overwrite
// the list, and an area name longer than a file name may be still builds,
// with bounded file names that keep long names apart.
func TestPagePathsNeverCollide(t *testing.T) {
	reg := loadFixture(t, fixture)
	var base *record.Record
	for _, r := range reg.Records {
		if r.Kind == record.Sensor {
			base = r
			break
		}
	}
	long := strings.Repeat("Buitengebied ten noorden van de oude stadsmuur ", 7) // ~330 characters
	clone := func(id, area string) *record.Record {
		c := *base
		c.ID, c.Name, c.File = id, "Sensor "+id, "sensors/"+id+".yaml"
		loc := *base.Location
		loc.Area = area
		c.Location = &loc
		return &c
	}
	recs := append(slices.Clone(reg.Records), clone("index", "Centrum"), clone("lang-een", long+"een"), clone("lang-twee", long+"twee"),
		clone("tekens", "???"))
	out, _ := build(t, register.New(reg.Root, reg.Config, recs), Options{})

	if list := read(t, out, "sensoren/index.html"); !strings.Contains(list, "Sensor lang-een") {
		t.Error("sensoren/index.html is not the list of sensors")
	}
	if page := read(t, out, "sensoren/index_.html"); !strings.Contains(page, "<h1>Sensor index</h1>") {
		t.Error("the record with id index has no page of its own")
	}
	areas, err := os.ReadDir(filepath.Join(out, "sensoren", "gebied"))
	if err != nil {
		t.Fatal(err)
	}
	var longPages []string
	for _, e := range areas {
		if len(e.Name()) > maxSlug+len(".html") {
			t.Errorf("file name of %d bytes: %s", len(e.Name()), e.Name())
		}
		if strings.HasPrefix(e.Name(), "buitengebied") {
			longPages = append(longPages, e.Name())
		}
		if e.Name() == ".html" {
			t.Error("a facet page without a name")
		}
	}
	if len(longPages) != 2 {
		t.Errorf("pages for the two long areas: %v, want two", longPages)
	}
	for _, s := range []string{long + "een", "???", "Centrum", strings.Repeat("a", 500)} {
		if got := slug(slug(s)); got != slug(s) || slug(s) == "" || len(slug(s)) > maxSlug {
			t.Errorf("slug(%q) = %q, again %q", s, slug(s), got)
		}
	}
}

// TestReadersDuringRebuilds serves the site, as register serve does, while
// it is rebuilt again and again: no request finds the site missing.
func TestReadersDuringRebuilds(t *testing.T) {
	reg := loadFixture(t, fixture)
	out, _ := build(t, reg, Options{})
	csp, err := CSP("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(out, csp))
	defer srv.Close()
	stop := make(chan struct{})
	done := make(chan struct{})
	var gets, bad int
	var first string
	go func() {
		defer close(done)
		for _, p := range slices.Repeat([]string{"/", "/sensoren/cam-markt.html", "/data/sensors.csv"}, 100000) {
			select {
			case <-stop:
				return
			default:
			}
			res, err := http.Get(srv.URL + p)
			gets++
			if err != nil {
				bad++
				continue
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				bad++
				if first == "" {
					first = p + ": " + res.Status
				}
			}
		}
	}()
	for range 10 {
		build(t, reg, Options{Out: out})
	}
	close(stop)
	<-done
	if bad > 0 {
		t.Errorf("%d of %d requests during rebuilds failed; first %s", bad, gets, first)
	}
}

// TestBuildRefusesASecondBuild: two builds to one folder at once; the one
// that finds the other running says so.
func TestBuildRefusesASecondBuild(t *testing.T) {
	reg := loadFixture(t, fixture)
	out := filepath.Join(t.TempDir(), "public")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			_, err := Build(reg, Options{Out: out, Now: buildNow})
			errs <- err
		}()
	}
	ok := 0
	for range 4 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case !strings.Contains(err.Error(), "another build is writing to this folder"):
			t.Errorf("second build: %v", err)
		}
	}
	if ok == 0 {
		t.Error("no build succeeded")
	}
	read(t, out, "index.html")
}

// A finding shown on a public page never quotes a withheld value: a
// plain-language finding quotes the purpose, which names the
// manufacturer the record withholds. (The supplier watch's own verdict
// rests on the vendor, so it is not shown at all.)
func TestFindingsOnPublicPagesKeepWithheldValuesOut(t *testing.T) {
	r := &record.Record{ID: "cam-kluis", Kind: record.Sensor, Name: "Camera kluis", Status: "active", SensorType: "camera",
		Vendor:      &record.Vendor{Manufacturer: "Hikvision", Model: "DS-2CD"},
		Publication: &record.Publication{Withheld: []string{"vendor"}, Reason: "Woo"}}
	reg := register.New(t.TempDir(), nil, []*record.Record{r})
	out, _ := build(t, reg, Options{Findings: []finding.Finding{{Record: "cam-kluis", Rule: "plain-language", Severity: finding.Warning,
		Message: label.Text{"Fabrikant Hikvision staat op de lijst", "manufacturer Hikvision is on the watch list"}}}})
	for _, p := range []string{"sensoren/cam-kluis.html", "en/sensors/cam-kluis.html"} {
		page := read(t, out, p)
		if strings.Contains(page, "Hikvision") || strings.Contains(page, "DS-2CD") {
			t.Errorf("%s shows a withheld value", p)
		}
		if !strings.Contains(page, "plain-language") && !strings.Contains(page, "niet openbaar staat op de lijst") && !strings.Contains(page, "not public is on the watch list") {
			t.Errorf("%s drops the finding instead of showing it without the value", p)
		}
	}
}

// TestDeviationsArePublic: a rule the municipality switched off is listed
// with where and why on the principles page and on the pages of the records
// it concerns, and its principle is "not checked", never ticked; a
// principle no rule checks gets no tick either.
func TestDeviationsArePublic(t *testing.T) {
	reg := loadFixture(t, fixture)
	check := func(*register.Register) []finding.Finding { return nil }
	rules := []Rule{
		{ID: "biometric-ban", Ref: "VNG 2.1", Covers: []string{"C-no-live-face"}, Title: [2]string{"Geen biometrie", "No biometrics"},
			Basis: [2]string{"wet voor gezichtsherkenning, verder beleid", "law for face recognition, else policy"}},
		{ID: "security-audit", Ref: "VNG 7.7", Title: [2]string{"Beveiligingsaudit", "Security audit"}, Basis: [2]string{"beleid", "policy"}},
		{ID: "signage", Ref: "VNG 4.3", Title: [2]string{"Herkenbaar", "Recognisable"}},
	}
	devs := []Deviation{
		{Rule: "security-audit", Title: [2]string{"Beveiligingsaudit", "Security audit"}, Refs: []string{"VNG 7.7"}, Severity: finding.Off, Default: finding.Warning,
			Where: "register.yaml:12:3", Reason: "De regio <auditeert> het netwerk."},
		{Rule: "biometric-ban", Title: [2]string{"Geen biometrie", "No biometrics"}, Refs: []string{"VNG 2.1", "C-no-live-face"}, Severity: finding.Off, Default: finding.Error,
			Where: "REGISTER_RULES_BIOMETRIC_BAN", PolicyOnly: true, Law: [2]string{"AVG art. 9", "GDPR art. 9"}, Scope: [2]string{"voor gezichtsherkenning", "for face recognition"}},
	}
	out, _ := build(t, reg, Options{Check: checkWith(check), Rules: rules, Deviations: devs})
	cam := read(t, out, "sensoren/cam-markt.html")
	for _, want := range []string{
		`Niet getoetst (uitgezet door de gemeente):</span> <a href="../principes.html#vng-7-7">Beveiligingsaudit</a>`,
		`Niet volledig getoetst (deels uitgezet door de gemeente):</span> <a href="../principes.html#vng-2-1">Geen biometrische surveillance</a>`,
		`Niet volledig getoetst (deels uitgezet door de gemeente):</span> <a href="../principes.html#c-no-live-face">Geen live gezichtsherkenning</a>`,
		`Afwijkingen van de standaardinstellingen`,
		`<a href="../principes.html#rule-security-audit">Beveiligingsaudit</a> <span class="meta">(security-audit)</span>: uitgezet (standaard: als aandachtspunt). Ingesteld in register.yaml:12:3. Reden: De regio &lt;auditeert&gt; het netwerk.`,
		`Ingesteld in REGISTER_RULES_BIOMETRIC_BAN. Reden: geen reden opgegeven.`,
		`voor gezichtsherkenning is het een wettelijke plicht (AVG art. 9)`,
		`<a href="../principes.html#vng-4-3">Herkenbaarheid</a>`, // signage ran: a tick
	} {
		if !strings.Contains(cam, want) {
			t.Errorf("camera page lacks %q", want)
		}
	}
	clean := cam[strings.Index(cam, `<details class="clean">`):]
	clean = clean[:strings.Index(clean, "</details>")]
	for _, not := range []string{"Beveiligingsaudit", "Geen biometrische surveillance", "Geen live gezichtsherkenning", "Democratisch besluit"} {
		if strings.Contains(clean, not) {
			t.Errorf("%s is ticked, but no rule checked it", not)
		}
	}
	pr := read(t, out, "principes.html")
	for _, want := range []string{
		`<h2 id="h-deviations">Afwijkingen van de standaardinstellingen</h2>`,
		`<a href="#rule-security-audit">Beveiligingsaudit</a>`,
		`<dt id="rule-security-audit">Beveiligingsaudit <span class="meta">(security-audit; beleid)</span></dt><dd> <strong>Niet getoetst (uitgezet door de gemeente).</strong></dd>`,
	} {
		if !strings.Contains(pr, want) {
			t.Errorf("principles page lacks %q", want)
		}
	}
	if en := read(t, out, "en/principles.html"); !strings.Contains(en, "Not checked (switched off)") || !strings.Contains(en, "Set in register.yaml:12:3") {
		t.Error("the English principles page does not list the deviation")
	}
	// An algorithm's page lists no sensor-only deviation.
	if alg := read(t, out, "algoritmes/alg-toeslag.html"); strings.Contains(alg, "biometric-ban") || !strings.Contains(alg, "security-audit") {
		t.Error("the algorithm's page lists the wrong deviations")
	}
}

// A withheld field reads on the site exactly as publish.Notice says, the
// text the public packet and the feed use too.
func TestWithheldTextIsTheSharedNotice(t *testing.T) {
	out, _ := build(t, loadFixture(t, fixture), Options{})
	page := read(t, out, "sensoren/lucht-dak.html")
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, "")
	want := publish.Notice("nl", "Woo artikel 5.1 lid 2 onder d: beveiliging van het gebouw")
	if !strings.Contains(text, want) {
		t.Errorf("the page does not read %q", want)
	}
}

// TestSettingsAwayFromDefaultsArePublic: a setting the rules judge by (a
// limit, the date a duty applies from) that the municipality set away
// from its default is listed with its value, the default and where on the
// principles page, in both languages, and in register.json; and on the
// pages of the records it bears on (principle.Concerns), only those.
func TestSettingsAwayFromDefaultsArePublic(t *testing.T) {
	reg := loadFixture(t, fixture)
	cfg := *reg.Config
	cfg.Changes = []config.Change{
		{Key: "limits.security_audit_max", Value: "P99Y", Default: "P3Y", Place: config.Place{File: "register.yaml", Line: 4, Column: 23}},
		{Key: "ai_act.high_risk_from", Value: "2099-01-01", Default: "2027-12-02", Place: config.Place{Env: "REGISTER_AI_ACT_HIGH_RISK_FROM"}},
		{Key: "limits.camera_lifecycle_max", Value: "P10Y", Default: "P2Y", Place: config.Place{File: "register.yaml", Line: 5, Column: 25}},
		{Key: "evaluation.default_interval", Value: "P8Y", Default: "P4Y", Place: config.Place{File: "register.yaml", Line: 7, Column: 21}},
	}
	reg.Config = &cfg
	out, _ := build(t, reg, Options{})
	for page, want := range map[string][]string{
		"principes.html": {`<h2 id="h-deviations">Afwijkingen van de standaardinstellingen</h2>`,
			`<code>limits.security_audit_max</code>: P99Y (standaard: P3Y). Ingesteld in register.yaml:4:23.`,
			`<code>ai_act.high_risk_from</code>: 2099-01-01 (standaard: 2027-12-02). Ingesteld in REGISTER_AI_ACT_HIGH_RISK_FROM.`},
		"en/principles.html": {`<code>limits.security_audit_max</code>: P99Y (default: P3Y). Set in register.yaml:4:23.`},
		"data/register.json": {`"key": "limits.security_audit_max"`, `"value": "P99Y"`, `"default": "P3Y"`, `"set_in": "register.yaml:4:23"`},
		// A public-order camera with an interval of its own: the camera
		// limit bears on it, the default interval does not.
		"sensoren/cam-markt.html": {`<h3 id="h-deviations">Afwijkingen van de standaardinstellingen</h3>`,
			`<li><code>limits.camera_lifecycle_max</code>: P10Y (standaard: P2Y). Ingesteld in register.yaml:5:25.</li>`},
		"en/sensors/cam-markt.html": {`<li><code>limits.camera_lifecycle_max</code>: P10Y (default: P2Y). Set in register.yaml:5:25.</li>`},
		// An air-quality sensor without an interval of its own.
		"sensoren/lucht-dak.html": {`<li><code>evaluation.default_interval</code>: P8Y (standaard: P4Y). Ingesteld in register.yaml:7:21.</li>`},
		// An algorithm with an interval of its own, which is held to
		// the default interval (evaluation-lapsed compares them).
		"algoritmes/alg-toeslag.html": {`<li><code>evaluation.default_interval</code>: P8Y (standaard: P4Y). Ingesteld in register.yaml:7:21.</li>`},
	} {
		text := read(t, out, page)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	for page, not := range map[string][]string{
		"sensoren/cam-markt.html":     {"evaluation.default_interval"},
		"sensoren/lucht-dak.html":     {"limits.camera_lifecycle_max"},
		"algoritmes/alg-toeslag.html": {"limits.camera_lifecycle_max"},
	} {
		text := read(t, out, page)
		for _, n := range not {
			if strings.Contains(text, n) {
				t.Errorf("%s names %s, which does not bear on it", page, n)
			}
		}
	}

	// A setting that bears on a record because of a field it withholds
	// is not named on its page: that would tell the field.
	reg = loadFixture(t, fixture)
	for _, r := range reg.Records {
		if r.ID == "lucht-dak" {
			r.CameraRegime = "public_order"
			r.Publication.Withheld = append(r.Publication.Withheld, "camera_regime")
		}
	}
	cfg = *reg.Config
	cfg.Changes = []config.Change{{Key: "evaluation.intervals.public_order", Value: "P3Y", Default: "P1Y", Place: config.Place{File: "register.yaml", Line: 8, Column: 3}}}
	reg.Config = &cfg
	out, _ = build(t, reg, Options{})
	if page := read(t, out, "sensoren/lucht-dak.html"); strings.Contains(page, "evaluation.intervals.public_order") {
		t.Error("the page of a sensor that withholds its camera regime names the regime's interval")
	}

	// Nor does the list differ with a withheld field: the notice period
	// bears on a sensor by its themes.
	deviations := func(themes []string) string {
		reg := loadFixture(t, fixture)
		for _, r := range reg.Records {
			if r.ID == "lucht-dak" {
				r.Themes = themes
				r.Publication.Withheld = append(r.Publication.Withheld, "themes")
			}
		}
		cfg := *reg.Config
		cfg.Changes = []config.Change{{Key: "notice.since", Value: "2024-01-01", Default: "2025-01-01", Place: config.Place{File: "register.yaml", Line: 9, Column: 3}}}
		reg.Config = &cfg
		out, _ := build(t, reg, Options{})
		page := read(t, out, "sensoren/lucht-dak.html")
		_, after, _ := strings.Cut(page, `id="h-deviations"`)
		section, _, _ := strings.Cut(after, "</ul>")
		return section
	}
	if a, b := deviations([]string{"natuur-en-milieu"}), deviations([]string{"openbare-orde-en-veiligheid"}); a != b {
		t.Errorf("the settings on the page of a sensor that withholds its themes differ with them:\n%s\n%s", a, b)
	}
}

// TestGatheredOnceTheFindingsAreKept: Gathered is called once, after Check
// handed over every finding, and the pages show what it handed over.
func TestGatheredOnceTheFindingsAreKept(t *testing.T) {
	reg := loadFixture(t, fixture)
	var handed, gathered int
	opts := Options{
		Check: func(_ *register.Register, each func(*finding.Finding)) {
			for _, f := range []finding.Finding{
				{File: "sensors/cam-markt.yaml", Record: "cam-markt", Rule: "signage", Severity: finding.Warning, Message: label.Text{"Geen borden.", "No signs."}},
				{File: "sensors/cam-markt.yaml", Record: "cam-markt", Rule: "dpia", Severity: finding.Error, Message: label.Text{"Geen DPIA.", "No DPIA."}},
			} {
				if gathered > 0 {
					t.Error("Gathered before every finding was handed over")
				}
				handed++
				each(&f)
			}
		},
		Gathered: func() { gathered++ },
	}
	out, _ := build(t, reg, opts)
	if handed != 2 || gathered != 1 {
		t.Errorf("handed over %d findings, Gathered called %d times; want 2 and 1", handed, gathered)
	}
	page := read(t, out, "sensoren/cam-markt.html")
	for _, text := range []string{"Geen borden.", "Geen DPIA."} {
		if !strings.Contains(page, text) {
			t.Errorf("the record's page does not show %q", text)
		}
	}
}

// TestSlugOfASlugIsItself: slug takes a value that is a slug already as
// it is, without working it out (isSlug); for every string of up to four
// of these characters, that is exactly when makeSlug gives it back, and
// slug gives what makeSlug gives.
func TestSlugOfASlugIsItself(t *testing.T) {
	chars := []string{"a", "z", "0", "_", "-", " ", "A", "é", "."}
	var each func(prefix string, n int)
	each = func(s string, n int) {
		made := makeSlug(s)
		if isSlug(s) != (made == s) {
			t.Errorf("isSlug(%q) = %v, but makeSlug gives %q", s, isSlug(s), made)
		}
		if got := slug(s); got != made {
			t.Errorf("slug(%q) = %q, makeSlug %q", s, got, made)
		}
		if n == 0 {
			return
		}
		for _, c := range chars {
			each(s+c, n-1)
		}
	}
	each("", 4)
	for _, s := range []string{strings.Repeat("a", maxSlug), strings.Repeat("a", maxSlug+1), "air_quality", "a-b-c", "a--b"} {
		if isSlug(s) != (makeSlug(s) == s) {
			t.Errorf("isSlug(%q) = %v, makeSlug gives %q", s, isSlug(s), makeSlug(s))
		}
	}
}
