package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A camera evaluated yearly, last on 2025-03-01, whose life cycle ended on
// 2026-03-01 while it is still active; the test clock says 2026-11-24.
const lapsedCamera = `id: cam-station
kind: sensor
name: Camera's Stationsplein
summary: Camera's op het Stationsplein.
status: active
organisation: {name: Gemeente Voorbeeldstad, type: municipality}
owner: {role: Adviseur openbare orde, email: oov@voorbeeldstad.example}
purpose: Geweld voorkomen.
personal_data: {processed: "yes"}
lifecycle: {start: 2024-03-01, end: 2026-03-01}
evaluation: {last: 2025-03-01}
sensor_type: camera
capabilities: [video_recording]
location:
  description: Stationsplein
  point: {lat: 52.09, lon: 5.11}
camera_regime: public_order
`

func TestDueCommand(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-station.yaml": lapsedCamera,
		"register.yaml":            "site:\n  base_url: https://register.voorbeeldstad.example/\n",
	})
	out, errOut, code := run(t, "due", "--root", root)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1 (lapsed)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"Due as of 2026-11-24 (window P90D): 2 lapsed, 0 ending, 0 upcoming",
		"  2026-03-01  cam-station  evaluation lapsed on 2026-03-01 (last evaluated 2025-03-01, every P1Y)",
		"  2026-03-01  cam-station  life cycle ended on 2026-03-01 but the record is still active",
		"owner: Adviseur openbare orde <oov@voorbeeldstad.example>  (sensors/cam-station.yaml#/evaluation/last)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}

	// Before the dates nothing has lapsed: exit 0, and the window decides
	// what is listed.
	out, _, code = run(t, "due", "--root", root, "--as-of", "2026-01-15", "--within", "P30D", "--format", "csv")
	header := "group,date,record,name,what,path,detail,owner_role,owner_department,owner_email,owner_phone,file\r\n"
	if code != ExitOK || out != header {
		t.Errorf("P30D from 2026-01-15 reaches 2026-02-14: exit %d, want 0 and only the header:\n%q", code, out)
	}
	out, _, code = run(t, "due", "--root", root, "--as-of", "2026-01-15", "--within", "P60D", "--format", "csv")
	want := header +
		`ending,2026-03-01,cam-station,Camera's Stationsplein,lifecycle,/lifecycle/end,"life cycle ends on 2026-03-01: evaluate before then, and extend only by a decision (3.4)",Adviseur openbare orde,,oov@voorbeeldstad.example,,sensors/cam-station.yaml` + "\r\n" +
		`upcoming,2026-03-01,cam-station,Camera's Stationsplein,evaluation,/evaluation/last,"evaluation due on 2026-03-01 (last evaluated 2025-03-01, every P1Y)",Adviseur openbare orde,,oov@voorbeeldstad.example,,sensors/cam-station.yaml` + "\r\n"
	if code != ExitOK || out != want {
		t.Errorf("exit %d, csv:\n%s\nwant:\n%s", code, out, want)
	}

	// The calendar goes to a file, with UIDs on the site's host.
	ics := filepath.Join(t.TempDir(), "due.ics")
	_, errOut, code = run(t, "due", "--root", root, "--format", "ical", "--output", ics)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(ics)
	if err != nil {
		t.Fatal(err)
	}
	cal := string(b)
	if !strings.Contains(cal, "UID:cam-station-evaluation@register.voorbeeldstad.example\r\n") ||
		!strings.Contains(cal, "DTSTART;VALUE=DATE:20260301\r\n") || strings.Count(cal, "BEGIN:VEVENT") != 2 {
		t.Errorf("calendar:\n%s", cal)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(ics), ".due.ics.tmp-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestDueUsageErrors(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-station.yaml": lapsedCamera})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, `unknown format "xml"`},
		{[]string{"--as-of", "2026-02-30"}, "--as-of"},
		{[]string{"--as-of", ""}, `--as-of: "" is not a date`},
		{[]string{"--as-of", " "}, `--as-of: " " is not a date`},
		{[]string{"--as-of", "0001-01-01"}, "--as-of 0001-01-01: give a date from 1900-01-01 to 2200-12-31"},
		{[]string{"--as-of", "1899-12-31"}, "--as-of 1899-12-31: give a date from 1900-01-01 to 2200-12-31"},
		{[]string{"--as-of", "2201-01-01"}, "--as-of 2201-01-01: give a date from 1900-01-01 to 2200-12-31"},
		{[]string{"--within", "90 days"}, "--within"},
		{[]string{"extra"}, "unknown command"},
	} {
		_, errOut, code := run(t, append([]string{"due", "--root", root}, tt.args...)...)
		if code != ExitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestDueReportsUnreadableRecords(t *testing.T) {
	root := writeRegister(t, map[string]string{
		"sensors/cam-station.yaml": lapsedCamera,
		"sensors/kapot.yaml":       "id: [kapot\n",
	})
	out, errOut, code := run(t, "due", "--root", root, "--format", "json")
	if code != ExitFindings || !strings.Contains(errOut, "1 record file could not be read and is missing") || !strings.Contains(out, `"lapsed": 2`) {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}
