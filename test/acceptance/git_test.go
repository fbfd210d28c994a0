package acceptance

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo turns a workspace into a Git repository with two commits: the
// register as written (tagged v1, on 2026-01-10), then a steward's fixes on
// 2026-10-20 (an evaluation recorded, the drone made non-public, the file
// whose name differed from its id renamed, the record with a path as id
// removed). It skips the test when git is not installed.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := workspace(t)
	git := func(date string, args ...string) { t.Helper(); gitIn(t, dir, date, args...) }
	first, second := "2026-01-10T10:00:00+01:00", "2026-10-20T10:00:00+02:00"
	git(first, "init", "-q", "-b", "main")
	git(first, "add", ".")
	git(first, "commit", "-qm", "Register Lindeveen")
	git(first, "tag", "v1")
	cam := filepath.Join(dir, "register", "sensors", "cam-haven.yaml")
	writeFile(t, cam, strings.Replace(readFile(t, cam), "last: 2025-10-01", "last: 2026-10-15\n  outcome: Minder incidenten.", 1))
	drone := filepath.Join(dir, "register", "sensors", "drone-evenementen.yaml")
	writeFile(t, drone, readFile(t, drone)+"publication:\n  public: false\n  reason: Woo artikel 5.1 lid 2 sub d\n")
	git(second, "mv", "register/sensors/geluid-festival.yaml", "register/sensors/geluidsmeter-festivalterrein.yaml")
	git(second, "rm", "-q", "register/sensors/proef.yaml")
	git(second, "commit", "-qam", "Evaluatie Havenkwartier; drone niet openbaar; geluidsmeter hernoemd; proef weg")
	return dir
}

// gitIn runs git in dir as the steward, at a fixed date, without the
// developer's git configuration.
func gitIn(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Steward", "GIT_AUTHOR_EMAIL=privacy@lindeveen.example",
		"GIT_COMMITTER_NAME=Steward", "GIT_COMMITTER_EMAIL=privacy@lindeveen.example",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestHistoryAndChanges: history and changes read the register's Git
// history, field by field, following renames; in Dutch, the register's
// first language, unless --lang says otherwise.
func TestHistoryAndChanges(t *testing.T) {
	dir := gitRepo(t)
	tests := []struct {
		args []string
		code int
		want []string // parts of standard output, in order
	}{
		{[]string{"history", "cam-haven"}, 0, []string{
			"sensors/cam-haven.yaml: 2 commits, nieuwste eerst",
			"2026-10-20 10:00 +0200", "/evaluation/last: 2025-10-01 → 2026-10-15", "/evaluation/outcome toegevoegd: Minder incidenten.",
			"2026-01-10 10:00 +0100", "toegevoegd aan het register"}},
		{[]string{"history", "register/sensors/geluidsmeter-festivalterrein.yaml"}, 0, []string{
			"2 commits", "hernoemd, was sensors/geluid-festival.yaml", "toegevoegd aan het register"}},
		{[]string{"history", "../../etc/passwd"}, 2, nil},
		{[]string{"history", "bestaat-niet"}, 2, nil},
		{[]string{"changes", "--since", "v1"}, 0, []string{
			"0 toegevoegd, 2 gewijzigd, 1 hernoemd, 1 verwijderd",
			"gewijzigd  sensors/cam-haven.yaml", "/evaluation/last: 2025-10-01 → 2026-10-15",
			"gewijzigd  sensors/drone-evenementen.yaml",
			"hernoemd   sensors/geluidsmeter-festivalterrein.yaml", "hernoemd, was sensors/geluid-festival.yaml",
			"verwijderd sensors/proef.yaml"}},
		{[]string{"changes", "--since", "2026-01-11"}, 0, []string{"0 toegevoegd, 2 gewijzigd, 1 hernoemd, 1 verwijderd"}},
		{[]string{"changes", "--since", "2026-01-11", "--lang", "en"}, 0, []string{"0 added, 2 changed, 1 renamed, 1 removed",
			"changed  sensors/cam-haven.yaml", "renamed  sensors/geluidsmeter-festivalterrein.yaml", "renamed from sensors/geluid-festival.yaml"}},
		{[]string{"changes", "--since", "v9"}, 2, nil},
		{[]string{"changes", "--since", "2026-02-30"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := run(t, dir, nil, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tt.code, r.out())
			}
			rest := r.stdout
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in this order):\n%s", w, r.stdout)
				}
				rest = rest[i+len(w):]
			}
			if tt.code == 2 && (r.stdout != "" || !strings.HasPrefix(r.stderr, "register: ")) {
				t.Errorf("an error should be on stderr only:\n%s", r.out())
			}
		})
	}
}

// TestPublicFeedAndSite: the change feed and the site leave out a record
// that is not public, and name no commit author (show_commit_authors is off
// by default).
func TestPublicFeedAndSite(t *testing.T) {
	dir := gitRepo(t)
	// A third commit withholds the evaluation's outcome from publication.
	cam := filepath.Join(dir, "register", "sensors", "cam-haven.yaml")
	writeFile(t, cam, strings.Replace(readFile(t, cam), "outcome: Minder incidenten.", "outcome: GEHEIME-UITKOMST", 1)+
		"publication:\n  public: true\n  reason: Woo artikel 5.1\n  withheld: [evaluation.outcome]\n")
	gitIn(t, dir, "2026-11-01T10:00:00+01:00", "commit", "-qam", "Uitkomst niet openbaar")
	r := run(t, dir, nil, "changes", "--since", "2026-01-01", "--format", "atom", "--output", "feed.xml")
	if r.code != 0 {
		t.Fatalf("changes atom: exit %d\n%s", r.code, r.out())
	}
	feed := readFile(t, filepath.Join(dir, "feed.xml"))
	var atom struct {
		XMLName xml.Name
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(feed), &atom); err != nil || atom.XMLName.Local != "feed" {
		t.Fatalf("feed.xml is not an Atom feed: %v", err)
	}
	if len(atom.Entries) == 0 {
		t.Error("the feed has no entries")
	}
	// Withheld: that it changed, not whether it came or went.
	if !strings.Contains(feed, "Uitkomst evaluatie: niet openbaar") {
		t.Errorf("the feed does not show the withheld outcome as niet openbaar:\n%s", feed)
	}
	for _, secret := range []string{"Drone bij evenementen", "drone-evenementen", "Steward", "privacy@lindeveen.example", "GEHEIME-UITKOMST", "Minder incidenten"} {
		if strings.Contains(feed, secret) {
			t.Errorf("the public feed shows %q", secret)
		}
	}
	if r := run(t, dir, nil, "build", "--as-of", asOf, "--out", "site"); r.code != 1 {
		t.Fatalf("build: exit %d\n%s", r.code, r.out())
	}
	if hits := treeContains(t, filepath.Join(dir, "site"), "Drone bij evenementen"); len(hits) > 0 {
		t.Errorf("the site shows the record that is not public: %v", hits)
	}
	if hits := treeContains(t, filepath.Join(dir, "site"), "GEHEIME-UITKOMST"); len(hits) > 0 {
		t.Errorf("the site shows the withheld outcome: %v", hits)
	}
	if hits := treeContains(t, filepath.Join(dir, "site"), "Steward"); len(hits) > 0 {
		t.Errorf("the site names the commit author: %v", hits)
	}
}

// TestNoticePeriodFromGit: in Git, a sensor without registered_on counts as
// registered on its first commit, so a sensor that started months before it
// was committed is reported late.
func TestNoticePeriodFromGit(t *testing.T) {
	dir := gitRepo(t)
	rep := checkJSON(t, dir, 1)
	found := false
	for _, f := range rep.Findings {
		if f.Rule != "notice-period" {
			continue
		}
		if f.File == "sensors/geluidsmeter-festivalterrein.yaml" && f.Severity == "warning" && f.line() == 16 && f.column() == 10 &&
			strings.Contains(f.Message, "registered on 2026-01-10 (its first commit)") && f.Principle == "C-sensor-register" {
			found = true
			continue
		}
		if f.Severity == "info" {
			t.Errorf("in Git the duty to report is checked, yet: %s %s", f.File, f.Message)
		}
	}
	if !found {
		t.Error("no notice-period warning for the sensor committed 254 days after it started")
	}
}

// TestHistoryCacheDamage: history keeps a cache inside .git; a damaged cache
// (a disk full, a killed run) gives the same answer, never an error.
func TestHistoryCacheDamage(t *testing.T) {
	dir := gitRepo(t)
	first := run(t, dir, nil, "history", "cam-haven")
	if first.code != 0 {
		t.Fatalf("history: exit %d\n%s", first.code, first.out())
	}
	cache := filepath.Join(dir, ".git", "register-history-cache")
	damaged := 0
	err := filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		damaged++
		return os.WriteFile(p, []byte("kapot"), 0o644)
	})
	if err != nil || damaged == 0 {
		t.Skipf("no history cache found under .git (%v); nothing to damage", err)
	}
	for _, args := range [][]string{{"history", "cam-haven"}, {"changes", "--since", "v1"}} {
		r := run(t, dir, nil, args...)
		if r.code != 0 {
			t.Errorf("%v with a damaged cache: exit %d\n%s", args, r.code, r.out())
		}
		if args[0] == "history" && r.stdout != first.stdout {
			t.Errorf("history with a damaged cache:\n%s\nwant:\n%s", r.stdout, first.stdout)
		}
	}
}

// TestShallowClone: in a shallow clone (CI's default checkout) every command
// that reads history warns and says how to fetch it all, and the duty to
// report is not judged on dates that cannot be trusted.
func TestShallowClone(t *testing.T) {
	full := gitRepo(t)
	dir := filepath.Join(t.TempDir(), "kloon")
	clone := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+full, dir)
	clone.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := clone.CombinedOutput(); err != nil {
		t.Skipf("git clone --depth 1: %v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"check", "--as-of", asOf, "--format", "json"},
		{"history", "cam-haven"},
		{"build", "--as-of", asOf, "--out", "site"},
	} {
		r := run(t, dir, nil, args...)
		if !strings.Contains(r.stderr, "shallow clone") || !strings.Contains(r.stderr, "fetch-depth: 0") {
			t.Errorf("%v in a shallow clone does not warn how to fetch the history:\n%s", args, r.stderr)
		}
		if args[0] != "check" {
			continue
		}
		for _, f := range decodeReport(t, r.stdout).Findings {
			if f.Rule == "notice-period" && f.Severity != "info" {
				t.Errorf("notice-period judged on a shallow clone's dates: %s %s %s", f.File, f.Severity, f.Message)
			}
		}
	}
}

// TestPacketTags: after a meeting, --tag marks the packet's commit, and the
// next packet compares with it by default.
func TestPacketTags(t *testing.T) {
	dir := gitRepo(t)
	r := run(t, dir, nil, "packet", "--as-of", asOf, "--out", "pakket.md", "--tag", "ethiek-2026-11")
	if r.code != 0 || !strings.Contains(r.stdout, "gemarkeerd als ethiek-2026-11") {
		t.Fatalf("packet --tag: exit %d\n%s", r.code, r.out())
	}
	tags := exec.Command("git", "tag", "-l")
	tags.Dir = dir
	out, err := tags.Output()
	if err != nil || !strings.Contains(string(out), "ethiek-2026-11\n") {
		t.Fatalf("no tag ethiek-2026-11 after packet --tag: %v %q", err, out)
	}
	r = run(t, dir, nil, "packet", "--as-of", asOf)
	if r.code != 0 || !strings.Contains(r.stdout, "ethiek-2026-11 (de tag van het vorige pakket)") {
		t.Errorf("the next packet does not compare with the tag:\n%s", r.out())
	}
}
