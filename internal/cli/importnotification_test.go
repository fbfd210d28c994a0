package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// notice is a notification as the site's form writes it; it starts four
// days after it was received, within the default notice period of five.
const notice = `id: camera-bakkerij
kind: sensor
format_version: 2
name: Camera bij de ingang van de bakkerij
summary: Een camera boven de deur filmt de ingang van de winkel.
status: planned
organisation: {name: Bakkerij De Korenbloem, type: private}
owner: {role: Bedrijfsleider, email: info@korenbloem.example}
purpose: Inbraak voorkomen en opsporen.
personal_data: {processed: "yes"}
retention: P28D
lifecycle: {start: 2026-11-27}
evaluation: {}
legal_basis: {regime: gdpr, gdpr_ground: legitimate_interest}
sensor_type: camera
camera_regime: private
capabilities: [video_recording]
location: {description: Kerkstraat 12, point: {lat: 52.09, lon: 5.12}}
signage: {present: true}
`

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &App{Out: &out, Err: &errb, Now: func() time.Time { return time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC) }}
	code = Run(a, args)
	return code, out.String(), errb.String()
}

func TestImportNotification(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(t.TempDir(), "melding.yaml")
	if err := os.WriteFile(file, []byte(notice), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same notification with the sign removed, and with the
	// publication block emptied.
	cleared, hostile := filepath.Join(t.TempDir(), "zonder-bord.yaml"), filepath.Join(t.TempDir(), "openbaar.yaml")
	if err := os.WriteFile(cleared, []byte(strings.Replace(notice, "signage: {present: true}", "signage: ~", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hostile, []byte(notice+"publication: {withheld: []}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Notifications that would empty a field every record needs.
	emptyName, noOwner := filepath.Join(t.TempDir(), "emptyname.yaml"), filepath.Join(t.TempDir(), "noowner.yaml")
	if err := os.WriteFile(emptyName, []byte("id: camera-bakkerij\nkind: sensor\nname: \"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(noOwner, []byte("id: camera-bakkerij\nkind: sensor\nowner: ~\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string // in stdout and stderr
	}{
		{"no date", []string{file}, ExitError, "--received is required"},
		{"future", []string{file, "--received", "2026-11-25"}, ExitError, "in the future"},
		{"not a date", []string{file, "--received", "23-11-2026"}, ExitError, "YYYY-MM-DD"},
		{"no date at all", []string{file, "--received", " "}, ExitError, "YYYY-MM-DD"},
		{"no file", []string{file + ".x", "--received", "2026-11-23"}, ExitError, "no such file"},
		{"dry run", []string{file, "--received", "2026-11-23", "--dry-run"}, ExitOK, "registered_on: 2026-11-23"},
		{"added", []string{file, "--received", "2026-11-23"}, ExitOK, "sensors/camera-bakkerij.yaml: added"},
		{"again", []string{file, "--received", "2026-11-23"}, ExitFindings, "melding.yaml:1:5: error: the register has this sensor already"},
		{"update", []string{file, "--received", "2026-11-24", "--update"}, ExitOK, "the notification changes nothing"},
		{"update that clears", []string{cleared, "--received", "2026-11-24", "--update", "--dry-run"}, ExitOK, `/signage removed (was {"present":true})`},
		{"update that empties what the form does not ask", []string{hostile, "--received", "2026-11-24", "--update"}, ExitFindings,
			"openbaar.yaml:20:1: error: publication is no question of the notification form but the municipality's to decide"},
		{"update that empties a required text", []string{emptyName, "--received", "2026-11-24", "--update"}, ExitFindings,
			"emptyname.yaml:3:7: error: name is required and cannot be emptied by a notification"},
		{"update that empties a required mapping", []string{noOwner, "--received", "2026-11-24", "--update"}, ExitFindings,
			"noowner.yaml:3:8: error: owner is required and cannot be emptied by a notification"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, append([]string{"import", "notification", "--root", root, "--lang", "en"}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, want %d; want %q in\n%s%s", code, tt.code, tt.want, out, errs)
			}
		})
	}
	// The refused notifications left the record as the update wrote it.
	if data, err := os.ReadFile(filepath.Join(root, "sensors", "camera-bakkerij.yaml")); err != nil ||
		!strings.Contains(string(data), "name: Camera bij de ingang van de bakkerij") || !strings.Contains(string(data), "role: Bedrijfsleider") {
		t.Errorf("the record changed: %v\n%s", err, data)
	}
	// check measures the notice period from the receipt date.
	code, out, errs := runCLI(t, "check", "--root", root, "--as-of", "2026-11-24", "--lang", "en")
	want := "registered on 2026-11-23 (registered_on), 4 days before it started on 2026-11-27; the notice period is P5D"
	if code != ExitOK || !strings.Contains(out, want) {
		t.Errorf("check: exit %d; want %q in\n%s%s", code, want, out, errs)
	}
}
