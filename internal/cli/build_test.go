package cli

import (
	"bytes"
	"context"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/principle"
	"github.com/voorbeeldstad/register/internal/site"
)

func TestBuildCommand(t *testing.T) {
	face := strings.Replace(checkCamera, "capabilities: [video_recording, live_viewing]", "capabilities: [video_recording, face_recognition]", 1)
	broken := strings.Replace(checkCamera, "status: active", "status: switched_on", 1)
	unreadable := strings.Replace(checkCamera, "name: Cameratoezicht Markt", "name: [Cameratoezicht", 1)
	unfilled := strings.Replace(checkCamera, "name: Cameratoezicht Markt", `name: "Cameratoezicht Markt (vul in)"`, 1)
	tests := []struct {
		name    string
		record  string
		args    []string
		code    int
		stderr  string
		page    []string // in sensoren/cam-markt.html
		nopage  bool
		outside bool              // --out points at a folder that is not a site
		more    map[string]string // more files of the register
	}{
		{name: "clean record", record: checkCamera, code: 0,
			page: []string{"<h1>Cameratoezicht Markt</h1>", `<details class="clean"><summary><span class="sev sev-ok"><span class="icon" aria-hidden="true">✓</span>Geen bevindingen bij `, `href="https://voorbeeldstad.example/meldpunt?record=cam-markt"`}},
		{name: "checklist findings are shown, summed up on stderr, and published", record: face, code: 0,
			// facial recognition: the ban, special categories without their ground, no AI Act profile,
			// and as an AI system by nature, no AI literacy measures
			stderr: "register: checklist: 1 record, 2 errors, 2 warnings",
			page:   []string{`Voldoet niet:</span> <a href="../principes.html#vng-2-1">Geen biometrische surveillance</a>`, "[biometric-ban]", "Gezichtsherkenning"}},
		{name: "--fail-on error fails on the checklist's error, after publishing", record: face, args: []string{"--fail-on", "error"}, code: 1,
			stderr: "register: checklist: 1 record, 2 errors, 2 warnings", page: []string{"[biometric-ban]"}},
		{name: "--fail-on warning passes a clean record", record: checkCamera, args: []string{"--fail-on", "warning"}, code: 0,
			stderr: "register: checklist: 1 record, 0 errors, 0 warnings"},
		{name: "--fail-on none publishes a record against the schema", record: broken, code: 0, stderr: "sensors/cam-markt.yaml:5:9: status has value",
			page: []string{`<span class="sev sev-error"><span class="icon" aria-hidden="true">✗</span>Voldoet niet:</span> `, "[schema]"}},
		{name: "--fail-on error fails on a record against the schema", record: broken, args: []string{"--fail-on", "error"}, code: 1, stderr: "register: checklist: 1 record, 1 error",
			page: []string{"[schema]"}},
		{name: "a record with the template's placeholders stays off the site", record: unfilled, code: 0, nopage: true,
			stderr: "register: checklist: 1 record, 1 error"},
		{name: "bad --fail-on", record: checkCamera, args: []string{"--fail-on", "info"}, code: 2, stderr: "use error, warning or none"},
		{name: "a record that cannot be read is missing and fails the run", record: unreadable, code: 1, stderr: "records that could not be read, or whose id another file has, are missing from the site", nopage: true},
		{name: "a record whose id another file has is missing and fails the run", record: checkCamera,
			more: map[string]string{"sensors/cam-markt2.yaml": strings.Replace(checkCamera, "name: Cameratoezicht Markt", "name: Tweede camera", 1)},
			code: 1, stderr: "whose id another file has, are missing from the site", page: []string{"<h1>Cameratoezicht Markt</h1>"}},
		{name: "refuses to replace a folder it did not build", record: checkCamera, code: 2, stderr: "not built by register", outside: true},
		{name: "bad --as-of", record: checkCamera, args: []string{"--as-of", "2026-13-01"}, code: 2, stderr: "--as-of"},
		{name: "arguments are refused", record: checkCamera, args: []string{"extra"}, code: 2, stderr: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sensors/cam-markt.yaml": tt.record, "register.yaml": checkConfig}
			maps.Copy(files, tt.more)
			root := writeRegister(t, files)
			out := filepath.Join(t.TempDir(), "public")
			if tt.outside {
				if err := os.MkdirAll(out, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, "keep.txt"), []byte("mine"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			stdout, stderr, code := run(t, append([]string{"build", "--root", root, "--out", out}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			if code == 2 {
				return
			}
			if !regexp.MustCompile(`Built .*public: \d+ pages, \d+ files in [\d.]+s \(\d+ pages/s\)\.`).MatchString(stdout) {
				t.Errorf("stdout = %q", stdout)
			}
			data, err := os.ReadFile(filepath.Join(out, "sensoren", "cam-markt.html"))
			if tt.nopage {
				if err == nil {
					t.Error("a record that failed to load has a page")
				}
				if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
					t.Error("no site was written")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.page {
				if !strings.Contains(string(data), want) {
					t.Errorf("record page lacks %q", want)
				}
			}
			for _, f := range []string{"data/register.json", "data/schema/sensor.schema.json", "data/schema/common.schema.json", "en/sensors/cam-markt.html"} {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("missing %s", f)
				}
			}
		})
	}
}

// syncBuffer is a buffer the server goroutine and the test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeRebuildsWhenARecordChanges(t *testing.T) {
	t.Run("plain", func(t *testing.T) { serveRebuilds(t, false) })
	// A symlink loop among the records is reported and the rest still
	// rebuilds (it used to stop rebuilds silently).
	t.Run("symlink loop", func(t *testing.T) { serveRebuilds(t, true) })
}

func serveRebuilds(t *testing.T, loop bool) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
	if loop {
		if err := os.Symlink("lus.yaml", filepath.Join(root, "sensors", "lus.yaml")); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	var out, errOut syncBuffer
	a := &App{Out: &out, Err: &errOut, Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }, root: root}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	today := func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) }
	go func() { done <- a.serve(ctx, "127.0.0.1:0", 20*time.Millisecond, today) }()

	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("server did not start:\n%s\n%s", out.String(), errOut.String())
	}
	get := func(p string) (string, http.Header) {
		t.Helper()
		res, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", p, res.Status)
		}
		return string(body), res.Header
	}
	page, hdr := get("/sensoren/cam-markt.html")
	if !strings.Contains(page, "<h1>Cameratoezicht Markt</h1>") {
		t.Fatal("record page not served")
	}
	if !strings.HasPrefix(hdr.Get("Content-Security-Policy"), "default-src 'self'") || hdr.Get("Cache-Control") != "no-store" {
		t.Errorf("headers = %v", hdr)
	}

	changed := strings.Replace(checkCamera, "name: Cameratoezicht Markt", "name: Cameratoezicht Grote Markt", 1)
	p := filepath.Join(root, "sensors", "cam-markt.yaml")
	if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	// A poll may catch the file half-written (os.WriteFile truncates
	// first, as many editors do): the record is then unreadable and its page
	// gone until the next poll sees the whole file. So a miss on the way is
	// no failure; only never seeing the new page is.
	rebuilt := false
	for deadline := time.Now().Add(20 * time.Second); !rebuilt && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		res, err := http.Get(base + "/sensoren/cam-markt.html")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		rebuilt = res.StatusCode == http.StatusOK && strings.Contains(string(body), "<h1>Cameratoezicht Grote Markt</h1>")
	}
	if !rebuilt {
		t.Errorf("the page was not rebuilt after the record changed:\n%s", out.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Count(out.String(), " built: ") < 2 {
		t.Errorf("output = %q, want a line per build", out.String())
	}
	if warned := strings.Count(errOut.String(), "still watching the rest"); loop && warned != 1 || !loop && warned != 0 {
		t.Errorf("stderr = %q; want the loop reported once when there is one", errOut.String())
	}
}

// Every rule of the checklist cites a principle the site explains, so each
// finding links to its explanation.
func TestSiteExplainsEveryRulesPrinciple(t *testing.T) {
	for _, r := range principle.Rules() {
		if !site.Explains(r.Ref) {
			t.Errorf("rule %s cites %q, which the site's principles page does not explain", r.ID, r.Ref)
		}
	}
}

// In a Git repository, record pages list each commit with the fields it
// changed, and leave out who made it and, unless site.show_commit_subjects
// is set, what its message says.
func TestBuildShowsGitHistory(t *testing.T) {
	root, _ := gitRegister(t)
	out := filepath.Join(t.TempDir(), "public")
	stdout, stderr, code := run(t, "build", "--root", root, "--out", out)
	if code != 0 && code != 1 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "sensoren", "cam-station.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{
		`<tr><th scope="row"><time datetime="2026-03-01">1 maart 2026</time></th><td>Gewijzigd<br><span class="meta">Gewijzigde velden: Laatste evaluatie</span></td></tr>`,
		`<tr><th scope="row"><time datetime="2026-01-10">10 januari 2026</time></th><td>Toegevoegd</td></tr>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	if strings.Contains(page, "Evaluated by the committee") {
		t.Error("the page shows a commit subject while site.show_commit_subjects is off")
	}
	for _, who := range []string{"Alice", "Bob", "alice@", "bob@"} {
		if strings.Contains(page, who) {
			t.Errorf("the page names the commit author %q", who)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sensoren", "geheim.html")); err == nil {
		t.Error("the record that is not public has a page")
	}

	t.Setenv("REGISTER_SITE_SHOW_COMMIT_SUBJECTS", "true")
	out = filepath.Join(t.TempDir(), "public")
	if stdout, stderr, code := run(t, "build", "--root", root, "--out", out); code != 0 && code != 1 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, err = os.ReadFile(filepath.Join(out, "sensoren", "cam-station.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "<td>Gewijzigd: Evaluated by the committee<br>") {
		t.Error("with site.show_commit_subjects on, the page lacks the commit subject")
	}
}

// TestBuildNamesTheRulesSwitchedOff: the summary lists every rule the
// configuration switched off or lowered, with where and why, and says when
// the law keeps a rule running, and every setting of the checklist set away
// from its default.
func TestBuildNamesTheRulesSwitchedOff(t *testing.T) {
	t.Setenv("REGISTER_RULES_BIOMETRIC_BAN", "off")
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera,
		"register.yaml": checkConfig + "rules:\n  security-audit: {severity: off, reason: The region audits the network.}\nlimits:\n  security_audit_max: P99Y\n"})
	_, stderr, code := run(t, "build", "--root", root, "--out", filepath.Join(t.TempDir(), "public"))
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"register: 2 rules switched off or lowered by the configuration",
		"biometric-ban: off (default error), set in REGISTER_RULES_BIOMETRIC_BAN; only its policy part: for identifying people by their face, body or gait, live or after the fact, for emotion recognition at work and in education, and for biometric categorisation by race, political opinions, religion, sexual orientation and other sensitive traits it follows from law (GDPR art. 9(1); AI Act art. 5(1)(h), 5(1)(f), 5(1)(g)) and still runs; no reason given",
		"security-audit: off (default warning), set in register.yaml:",
		"; reason: The region audits the network.",
		// A setting the rules judge by, away from its default.
		"register: 1 setting of the checklist set away from its default (the site lists it):",
		"limits.security_audit_max: P99Y (default P3Y), set in register.yaml:",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestBuildTellsWhichTextsQuoteAnotherRecordsSecret: a record whose
// purpose names the spot another camera withholds is published with "niet
// openbaar" there, and the build tells the steward which text it is
// without printing the secret.
func TestBuildTellsWhichTextsQuoteAnotherRecordsSecret(t *testing.T) {
	hidden := strings.NewReplacer("id: cam-markt", "id: cam-kroeg", "lat: 52.0", "lat: 52.1234").Replace(checkCamera) + "publication:\n  withheld: [location.point]\n"
	quoting := strings.Replace(checkCamera, "summary: Camera's op de Markt.", "summary: Naast de camera op 52.1234.", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": quoting, "sensors/cam-kroeg.yaml": hidden, "register.yaml": checkConfig})
	out := filepath.Join(t.TempDir(), "public")
	_, stderr, code := run(t, "build", "--root", root, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "register: sensors/cam-markt.yaml: summary quotes what another record keeps back"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "sensoren", "cam-markt.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr, "52.1234") || strings.Contains(string(page), "52.1234") || !strings.Contains(string(page), "Naast de camera op niet openbaar") {
		t.Errorf("the secret is shown:\n%s", stderr)
	}
}

// TestBuildShowsFormatV2 builds the bundled register: the police camera's
// page shows its regime, its AI Act profile and the authorisation its
// exception rests on, and the after-the-fact identification as a visible
// warning; the traffic-enforcement camera's page names its own regime.
func TestBuildShowsFormatV2(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, code := run(t, "build", "--root", "../../register", "--out", out, "--as-of", "2026-11-24"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	pages := map[string][]string{
		"sensoren/cam-politie-stationsplein.html": {
			"Wettelijk kader camera", "Politie (Politiewet, Wet politiegegevens)",
			"Biometrische identificatie op afstand, achteraf",
			"Punt van bijlage III: 1(a)", "Gebruiksverantwoordelijke",
			"Voorafgaande toestemming: Rechter-commissaris, rechtbank Midden-Nederland",
			"Wetsartikel voor bijzondere persoonsgegevens",
			"Uitzondering op een wettelijke plicht",
		},
		"en/sensors/cam-politie-stationsplein.html":   {"Camera regime", "Police (Politiewet, Police Data Act)", "Annex III point: 1(a)", "Prior authorisation"},
		"sensoren/anpr-milieuzone.html":               {"Handhaving (bijv. milieuzone, busbaan)"},
		"sensoren/wifi-tellers-stationskwartier.html": {"Versleuteld met een wisselende sleutel"},
	}
	for page, wants := range pages {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
}

// TestBuildRefusedWhileAnotherRuns: while a build holds the output folder,
// a second build to it stops at once with exit 2 and says why, and leaves
// the folder alone.
func TestBuildRefusedWhileAnotherRuns(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera, "register.yaml": checkConfig})
	out := filepath.Join(t.TempDir(), "public")
	held, err := site.Lock(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "build", "--root", root, "--out", out)
	if code != 2 || !strings.Contains(stderr, "another build is writing to this folder") || !strings.Contains(stderr, "wait for it to finish") {
		t.Errorf("exit %d, stderr %q; want 2 and the reason", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused build wrote the folder")
	}
	held.Release()
	if _, stderr, code := run(t, "build", "--root", root, "--out", out); code != 0 {
		t.Errorf("after the other build: exit %d\n%s", code, stderr)
	}
}

// TestBuildLetsTheCollectorGo: a build holds the collector after its load
// while it finds what changed (pipeline.Options.Hold), and lets it go by
// the end, whether it made its site afresh or kept most of it.
func TestBuildLetsTheCollectorGo(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera})
	out := filepath.Join(t.TempDir(), "public")
	for _, build := range []string{"afresh", "kept"} {
		if _, stderr, code := run(t, "--root", root, "build", "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", build, code, stderr)
		}
		percent := debug.SetGCPercent(100)
		if percent < 0 {
			t.Errorf("a build whose site was %s left the collector held", build)
		}
	}
}

// build --help says what build does with a record that does not follow
// the schema: it is written and reported, and fails the run only with
// --fail-on (default none), in either language.
func TestBuildHelpAgreesWithItsExitCode(t *testing.T) {
	broken := strings.Replace(checkCamera, "status: active", "status: switched_on", 1)
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": broken})
	if _, errOut, code := run(t, "build", "--root", root, "--out", filepath.Join(t.TempDir(), "site")); code != ExitOK {
		t.Fatalf("exit %d, want 0 by default\n%s", code, errOut)
	}
	if _, errOut, code := run(t, "build", "--root", root, "--out", filepath.Join(t.TempDir(), "site"), "--fail-on", "error"); code != ExitFindings {
		t.Fatalf("exit %d, want 1 with --fail-on error\n%s", code, errOut)
	}
	for lang, want := range map[string]string{
		"en": "which fail the run (exit 1) only with --fail-on error or\nwarning; by default (--fail-on none) they do not.",
		"nl": "die de run alleen laten mislukken (exit 1) met --fail-on error of\nwarning; standaard (--fail-on none) niet.",
	} {
		out, _, _ := run(t, "build", "--help", "--lang", lang)
		if !strings.Contains(out, want) || strings.Contains(out, "reports the errors, and exits 1") || strings.Contains(out, "meldt de fouten en eindigt met 1") {
			t.Errorf("%s: build --help does not say what build does:\n%s", lang, out)
		}
	}
}

// TestAmsterdamDays: a time's day is the day in Amsterdam, the same when
// asked again, on either side of midnight there in winter and summer.
func TestAmsterdamDays(t *testing.T) {
	day := amsterdamDays()
	for _, c := range []struct {
		at   string
		want string
	}{
		{"2026-01-14T22:59:59Z", "2026-01-14"},
		{"2026-01-14T23:00:00Z", "2026-01-15"},
		{"2026-07-14T21:59:59Z", "2026-07-14"},
		{"2026-07-14T22:00:00Z", "2026-07-15"},
		{"2026-07-14T23:30:00+01:00", "2026-07-15"},
	} {
		at, err := time.Parse(time.RFC3339, c.at)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if got := day(at); got != c.want {
				t.Errorf("%s: day %s, want %s", c.at, got, c.want)
			}
		}
	}
}
