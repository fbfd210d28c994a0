package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewAndImportRefuseAnIdOfARemovedRecord: an id is never reused, so new
// and import notification refuse the id of a record removed from the
// register, or renamed to another id, naming the commit and how to bring the
// record back; an id never used is fine, and so is every id without history:
// outside Git, or in a shallow clone whose history may not reach the removal.
func TestNewAndImportRefuseAnIdOfARemovedRecord(t *testing.T) {
	g, root, _ := gitRegisterRepo(t)
	// cam-station is removed; geheim is renamed to geheim-2.
	secret, err := os.ReadFile(filepath.Join(root, "sensors", "geheim.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"cam-station.yaml", "geheim.yaml"} {
		if err := os.Remove(filepath.Join(root, "sensors", f)); err != nil {
			t.Fatal(err)
		}
	}
	gone := commitAs(g, map[string]string{"sensors/geheim-2.yaml": string(secret)}, "Dave", "2026-05-01T09:00:00+02:00",
		"Remove the station camera, rename the secret one").String()[:7]
	noteFile := func(id string) string {
		p := filepath.Join(t.TempDir(), "melding.yaml")
		if err := os.WriteFile(p, []byte(strings.Replace(notice, "id: camera-bakkerij", "id: "+id, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	removedHere := "until commit " + gone + " of 2026-05-01 removed or renamed it"
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string // in stderr and stdout
	}{
		{"new, removed", []string{"new", "sensor", "cam-station"}, ExitError, "sensors/cam-station.yaml had the id cam-station " + removedHere},
		{"new, removed, of another kind", []string{"new", "algorithm", "cam-station"}, ExitError, "Choose another id"},
		{"new, renamed", []string{"new", "sensor", "geheim"}, ExitError, "sensors/geheim.yaml had the id geheim " + removedHere},
		{"new, restore", []string{"new", "sensor", "cam-station"}, ExitError, "git checkout " + gone + "^ -- "},
		{"new, never used", []string{"new", "sensor", "cam-nieuw"}, ExitOK, "created "},
		{"import, removed", []string{"import", "notification", noteFile("cam-station"), "--received", "2026-11-23"}, ExitFindings,
			"sensors/cam-station.yaml had this id " + removedHere},
		{"import, removed, as an update", []string{"import", "notification", noteFile("cam-station"), "--received", "2026-11-23", "--update"}, ExitFindings,
			"restore its file from Git (git checkout " + gone + "^ -- "},
		{"import, never used", []string{"import", "notification", noteFile("camera-bakkerij"), "--received", "2026-11-23"}, ExitOK, "added"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, append(tt.args, "--root", root, "--lang", "en")...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, want %d; want %q in\n%s%s", code, tt.code, tt.want, out, errs)
			}
		})
	}
	for _, f := range []string{"sensors/cam-station.yaml", "algorithms/cam-station.yaml", "sensors/geheim.yaml"} {
		if _, err := os.Lstat(filepath.Join(root, f)); err == nil {
			t.Errorf("a refused id was written: %s", f)
		}
	}

	// In a shallow clone history stops at its boundary: no refusal.
	head, err := g.Repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(g.Dir, ".git", "shallow"), []byte(head.Hash().String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "new", "sensor", "cam-station", "--root", root); code != ExitOK {
		t.Errorf("shallow clone: exit %d\n%s%s", code, out, errs)
	}
	// Outside Git, nothing is known of removed records.
	plain := t.TempDir()
	if code, out, errs := runCLI(t, "new", "sensor", "cam-station", "--root", plain); code != ExitOK {
		t.Errorf("outside Git: exit %d\n%s%s", code, out, errs)
	}
}
