package acceptance

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// dueItem is one row of 'register due --format json'.
type dueItem struct {
	Record string `json:"record"`
	File   string `json:"file"`
	What   string `json:"what"`
	Date   string `json:"date"`
	Group  string `json:"group"`
	Path   string `json:"path"`
	Owner  struct {
		Role  string `json:"role"`
		Email string `json:"email"`
	} `json:"owner"`
}

// TestDueLists: what falls due in the register, each with the owner to chase,
// and exceptions and data-sharing agreements that end within the window.
func TestDueLists(t *testing.T) {
	dir := workspace(t)
	cam := filepath.Join(dir, "register", "sensors", "cam-stationsplein.yaml")
	writeFile(t, cam, readFile(t, cam)+
		"data_sharing:\n  - party: Politie\n    purpose: Opsporing\n    start: 2026-02-01\n    end: 2026-12-31\n    retention: P28D\n    onward_sharing: false\n"+
		"exceptions:\n  - rule: minimisation\n    reason: Proef met hoge resolutie\n    legal_basis: Gemeentewet 151c\n    approved_by: burgemeester\n    approved_on: 2026-06-01\n    until: 2027-01-15\n")
	r := run(t, dir, nil, "due", "--as-of", asOf, "--format", "json")
	if r.code != 1 {
		t.Fatalf("due: exit %d, want 1 (an evaluation lapsed)\n%s", r.code, r.out())
	}
	var rep struct {
		AsOf   string    `json:"as_of"`
		Within string    `json:"within"`
		Items  []dueItem `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("due --format json: %v\n%s", err, r.stdout)
	}
	if rep.AsOf != asOf || rep.Within != "P90D" {
		t.Errorf("as_of %q within %q", rep.AsOf, rep.Within)
	}
	want := []string{
		"lapsed evaluation cam-haven 2026-10-01 /evaluation/last openbareorde@lindeveen.example",
		"ending data_sharing cam-stationsplein 2026-12-31 /data_sharing/0/end openbareorde@lindeveen.example",
		"ending exception cam-stationsplein 2027-01-15 /exceptions/0/until openbareorde@lindeveen.example",
		"ending lifecycle cam-stationsplein 2027-01-31 /lifecycle/end openbareorde@lindeveen.example",
		"upcoming evaluation scanauto-parkeren 2027-01-01 /lifecycle/start parkeren@lindeveen.example",
		"upcoming evaluation cam-stationsplein 2027-02-01 /lifecycle/start openbareorde@lindeveen.example",
	}
	var got []string
	for _, it := range rep.Items {
		got = append(got, strings.Join([]string{it.Group, it.What, it.Record, it.Date, it.Path, it.Owner.Email}, " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("due items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(r.stderr, "2 registratiebestanden konden niet worden gelezen") {
		t.Errorf("due does not say that records are missing from the list:\n%s", r.stderr)
	}
}

// TestDueMonthEnds: an interval that lands on a day the month does not have
// falls on the month's last day (29 February + P1Y, 31 January + P1M).
func TestDueMonthEnds(t *testing.T) {
	dir := workspace(t)
	haven := filepath.Join(dir, "register", "sensors", "cam-haven.yaml")
	writeFile(t, haven, strings.Replace(readFile(t, haven), "last: 2025-10-01", "last: 2024-02-29", 1))
	station := filepath.Join(dir, "register", "sensors", "cam-stationsplein.yaml")
	writeFile(t, station, strings.Replace(readFile(t, station), "evaluation: {interval: P1Y}", "evaluation: {interval: P1M, last: 2026-01-31}", 1))
	r := run(t, dir, nil, "due", "--as-of", "2026-03-01", "--format", "json")
	var rep struct {
		Items []dueItem `json:"items"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("due --format json: %v\n%s", err, r.out())
	}
	var got []string
	for _, it := range rep.Items {
		got = append(got, it.Group+" "+it.Record+" "+it.Date)
	}
	want := []string{"lapsed cam-haven 2025-02-28", "lapsed cam-stationsplein 2026-02-28"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("due items %q, want %q", got, want)
	}
}

// TestDueCalendar: the ical format is a calendar a committee can subscribe
// to: CRLF line ends, lines folded at 75 octets, one event per item.
func TestDueCalendar(t *testing.T) {
	dir := workspace(t)
	r := run(t, dir, nil, "due", "--as-of", asOf, "--format", "ical")
	if r.code != 1 {
		t.Fatalf("due ical: exit %d\n%s", r.code, r.out())
	}
	if strings.Contains(strings.ReplaceAll(r.stdout, "\r\n", ""), "\n") {
		t.Error("a line ends in LF without CR (RFC 5545 asks CRLF)")
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, more than 75 unfolded: %q", i+1, len(l), l)
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("calendar starts %q and ends %q", lines[0], lines[len(lines)-1])
	}
	if n := strings.Count(r.stdout, "BEGIN:VEVENT\r\n"); n != 4 || strings.Count(r.stdout, "END:VEVENT\r\n") != n ||
		!strings.Contains(r.stdout, "UID:cam-haven-evaluation@register.lindeveen.example\r\n") {
		t.Errorf("want 4 events, one per due item, with stable UIDs:\n%s", r.stdout)
	}
}

// TestCommandsLeaveTheirCachesWhole: a command that keeps caches waits for
// them to be saved before it exits, so no temporary file is left beside
// them, and the records 'due' keeps are there for its next run.
func TestCommandsLeaveTheirCachesWhole(t *testing.T) {
	dir := workspace(t)
	cache := t.TempDir()
	env := []string{"XDG_CACHE_HOME=" + cache}
	for _, args := range [][]string{
		{"due", "--as-of", asOf},
		{"due", "--as-of", asOf, "--format", "json"},
		{"check", "--as-of", asOf},
		{"build", "--as-of", asOf, "--out", filepath.Join(dir, "public")},
	} {
		if r := run(t, dir, env, args...); r.code == 2 {
			t.Fatalf("%v: exit 2\n%s", args, r.out())
		}
		var left []string
		filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.Contains(d.Name(), ".tmp-") {
				left = append(left, p)
			}
			return nil
		})
		if len(left) > 0 {
			t.Fatalf("after %v, temporary files in the cache: %q", args, left)
		}
		if parsed, _ := filepath.Glob(filepath.Join(cache, "register-check", "*.parsed")); len(parsed) == 0 {
			t.Fatalf("after %v, no records kept in %s", args, cache)
		}
	}
}
