package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/testbed"
)

// TestSubjectsForgetWhatWasSecretWhenWritten: with
// site.show_commit_subjects, a subject written when records were secret
// is shown on the site and in the public packet without what was secret
// then: the supplier a record withheld before it changed it and stopped
// withholding it, the name a record had when it was not public, and the
// name of one removed since, which were never public. A subject that
// quotes no secret is shown as written. A build after a new commit,
// which decodes only the versions no build before it did, leaves them out
// all the same.
func TestSubjectsForgetWhatWasSecretWhenWritten(t *testing.T) {
	secrets := []string{"Nooitopenbaar", "Geheimenaam", "Verwijderdgeheim"}
	const (
		plain    = "Begin van het register"
		secret   = "Voeg hist-e Verwijderdgeheim Eeh, Geheimenaam Ceeh en Nooitopenbaar BV toe"
		scrubbed = "Voeg niet openbaar niet openbaar, niet openbaar en niet openbaar toe"
		later    = "Andere leverancier voor de camera"
	)
	camera := func(id, name, rest string) string {
		return strings.NewReplacer("id: cam-markt", "id: "+id, "name: Cameratoezicht Markt", "name: "+name).Replace(checkCamera) + rest
	}
	root, commit := packetRepo(t)
	commit(map[string]string{"register.yaml": checkConfig + "  show_commit_subjects: true\n",
		"sensors/cam-markt.yaml": checkCamera}, day(1), plain)
	commit(map[string]string{
		"sensors/hist-b.yaml": camera("hist-b", "Camera Bee", "supplier: {name: Nooitopenbaar BV}\n"+
			"publication: {public: true, reason: Bedrijfsgevoelig., withheld: [supplier.name]}\n"),
		"sensors/hist-c.yaml": camera("hist-c", "Geheimenaam Ceeh", "publication: {public: false, reason: x}\n"),
		"sensors/hist-e.yaml": camera("hist-e", "Verwijderdgeheim Eeh", "publication: {public: false, reason: x}\n"),
	}, day(2), secret)
	if err := os.Remove(filepath.Join(root, "sensors", "hist-e.yaml")); err != nil {
		t.Fatal(err)
	}
	commit(map[string]string{
		"sensors/hist-b.yaml": camera("hist-b", "Camera Bee", "supplier: {name: Anderbedrijf BV}\n"),
		"sensors/hist-c.yaml": camera("hist-c", "Camera Ceeh", ""),
	}, day(3), later)

	site := filepath.Join(t.TempDir(), "site")
	if _, stderr, code := run(t, "build", "--root", root, "--out", site); code != ExitOK && code != ExitFindings {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	md := filepath.Join(t.TempDir(), "packet.md")
	if _, stderr, code := run(t, "packet", "--root", root, "--public", "--since", "2000-01-01", "--as-of", "2026-11-24", "--out", md); code != ExitOK {
		t.Fatalf("packet: exit %d: %s", code, stderr)
	}
	if hits := testbed.FilesHolding(t, []string{site, md}, secrets...); len(hits) > 0 {
		t.Errorf("a secret of a past version is published: %q", hits)
	}
	for file, want := range map[string][]string{
		"sensoren/hist-b.html":    {scrubbed, later},
		"en/sensors/hist-b.html":  {strings.ReplaceAll(scrubbed, "niet openbaar", "not public"), later},
		"sensoren/hist-c.html":    {later}, // public from then on
		"sensoren/cam-markt.html": {plain},
	} {
		page := readFile(t, filepath.Join(site, filepath.FromSlash(file)))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks the subject %q", file, w)
			}
		}
	}
	for _, w := range []string{scrubbed, later} {
		if !strings.Contains(readFile(t, md), w) {
			t.Errorf("the public packet lacks the subject %q", w)
		}
	}

	// A record named as the first subject comes and goes, never public:
	// a build over the site before makes the first record's page again.
	commit(map[string]string{"sensors/hist-f.yaml": camera("hist-f", "Van het register", "publication: {public: false, reason: x}\n")}, day(4), "Nieuw")
	if err := os.Remove(filepath.Join(root, "sensors", "hist-f.yaml")); err != nil {
		t.Fatal(err)
	}
	commit(nil, day(5), "Weg")
	if _, stderr, code := run(t, "build", "--root", root, "--out", site); code != ExitOK && code != ExitFindings {
		t.Fatalf("build again: exit %d: %s", code, stderr)
	}
	if page := readFile(t, filepath.Join(site, "sensoren", "cam-markt.html")); !strings.Contains(page, "Begin niet openbaar") {
		t.Errorf("the page built before keeps the subject %q", plain)
	}
	// That build read only the new versions; what the versions before
	// kept secret came from what the first build kept of them.
	if hits := testbed.FilesHolding(t, []string{site}, secrets...); len(hits) > 0 {
		t.Errorf("a secret of a past version is published by the build after a commit: %q", hits)
	}
}

// TestSubjectsForgetPastValuesOfWhatIsSecretNow: a value a field once had
// is secret when the field is withheld now, though the version that held
// it withheld nothing; so are the names a record had while public, once
// it is not public. A subject written back then that quotes them is shown
// without them on the site and in the public packet.
func TestSubjectsForgetPastValuesOfWhatIsSecretNow(t *testing.T) {
	camera := func(id, name, rest string) string {
		return strings.NewReplacer("id: cam-markt", "id: "+id, "name: Cameratoezicht Markt", "name: "+name).Replace(checkCamera) + rest
	}
	root, commit := packetRepo(t)
	commit(map[string]string{"register.yaml": checkConfig + "  show_commit_subjects: true\n",
		"sensors/cam-markt.yaml": checkCamera, "sensors/cam-oud.yaml": camera("cam-oud", "Oudnaamkijker Noord", "")}, day(1), "Begin")
	commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Eerstebedrijf BV}\n"}, day(2),
		"Leverancier Eerstebedrijf BV toegevoegd")
	commit(map[string]string{"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Tweedebedrijf BV}\n",
		"sensors/cam-oud.yaml": camera("cam-oud", "Camera Zuid", "")}, day(3),
		"Eerstebedrijf BV vervangen door Tweedebedrijf BV, Oudnaamkijker Noord hernoemd")
	commit(map[string]string{
		"sensors/cam-markt.yaml": checkCamera + "supplier: {name: Tweedebedrijf BV}\npublication: {public: true, reason: Woo, withheld: [supplier.name]}\n",
		"sensors/cam-oud.yaml":   camera("cam-oud", "Camera Zuid", "publication: {public: false, reason: Woo}\n"),
	}, day(4), "Afgeschermd")

	site := filepath.Join(t.TempDir(), "site")
	if _, stderr, code := run(t, "build", "--root", root, "--out", site); code != ExitOK && code != ExitFindings {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	md := filepath.Join(t.TempDir(), "packet.md")
	if _, stderr, code := run(t, "packet", "--root", root, "--public", "--since", "2000-01-01", "--as-of", "2026-11-24", "--out", md); code != ExitOK {
		t.Fatalf("packet: exit %d: %s", code, stderr)
	}
	tests := []struct {
		name, secret string
	}{
		{"the value before the one withheld now", "Eerstebedrijf"},
		{"the value withheld now", "Tweedebedrijf"},
		{"the name of a record not public now, when it was", "Oudnaamkijker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if hits := testbed.FilesHolding(t, []string{site, md}, tt.secret); len(hits) > 0 {
				t.Errorf("published: %q", hits)
			}
		})
	}
	const shown = "niet openbaar vervangen door niet openbaar, niet openbaar hernoemd"
	if page := readFile(t, filepath.Join(site, "sensoren", "cam-markt.html")); !strings.Contains(page, shown) {
		t.Errorf("the record page lacks the subject %q", shown)
	}
}
