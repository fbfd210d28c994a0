package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// packetRepo is a register in a Git repository; commit adds files to it.
func packetRepo(t *testing.T) (root string, commit func(files map[string]string, when time.Time, msg string)) {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	root = filepath.Join(dir, "register")
	return root, func(files map[string]string, when time.Time, msg string) {
		t.Helper()
		for name, text := range files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			t.Fatal(err)
		}
		sig := &object.Signature{Name: "Registerbeheer", Email: "register@voorbeeldstad.example", When: when}
		if _, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPacketCommandAcrossMeetings(t *testing.T) {
	root, commit := packetRepo(t)
	commit(map[string]string{"register.yaml": checkConfig, "sensors/cam-markt.yaml": checkCamera},
		time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "register: the market camera")
	out := t.TempDir()

	// The first packet: no previous packet, so selection by dates only.
	first := filepath.Join(out, "september.md")
	stdout, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--out", first)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "1 registratie: 1 termijn\n"; !strings.HasSuffix(stdout, want) || !strings.HasPrefix(stdout, "wrote ") {
		t.Errorf("stdout = %q, want wrote ...: %q", stdout, want)
	}
	md := readFile(t, first)
	for _, want := range []string{"Geen vorig pakket gevonden", "| 1 | [Cameratoezicht Markt](#record-cam-markt) (`cam-markt`) | Sensor: Camera | termijn |",
		"De looptijd eindigt op 31 januari 2027: is het tijdelijke karakter van deze camera nog gerechtvaardigd, of stopt de inzet?"} {
		if !strings.Contains(md, want) {
			t.Errorf("first packet lacks %q", want)
		}
	}

	// After the meeting the secretary tags the commit.
	stdout, stderr, code = run(t, "packet", "--root", root, "--tag", "ethiek-2026-09")
	if code != 0 || !strings.Contains(stdout, "as ethiek-2026-09; the next packet compares with it") {
		t.Fatalf("tag: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// A new camera arrives before the next meeting, and lacks a lot.
	station := strings.NewReplacer("id: cam-markt", "id: cam-station", "Cameratoezicht Markt", "Camera's station").Replace(validSensor)
	commit(map[string]string{"sensors/cam-station.yaml": station}, time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC), "register: station cameras")

	second := filepath.Join(out, "november.html")
	stdout, stderr, code = run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--out", second)
	if code != 0 {
		t.Fatalf("exit %d with error findings in the packet, want 0: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 registraties: 1 nieuw, 2 termijn, 1 bevindingen") {
		t.Errorf("stdout = %q", stdout)
	}
	page := readFile(t, second)
	for _, want := range []string{
		"ethiek-2026-09 (de tag van het vorige pakket)",
		"<td>Sensor: Camera</td><td>nieuw, termijn, bevindingen</td>",
		"Nieuw sinds het vorige pakket",
		"Is de inzet evenredig en doeltreffend voor het doel dat de registratie noemt (VNG 3.8)?",
		"Bijlage: de aangehaalde principes",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("second packet lacks %q", want)
		}
	}

	// In English, as PDF, with the date given by hand.
	pdf := filepath.Join(out, "november.pdf")
	if _, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--since", "2026-09-15", "--lang", "en", "--out", pdf); code != 0 {
		t.Fatalf("PDF: exit %d: %s", code, stderr)
	}
	if data := readFile(t, pdf); !strings.HasPrefix(data, "%PDF-1.") || !strings.HasSuffix(strings.TrimSpace(data), "%%EOF") {
		t.Error("the PDF packet is not a PDF file")
	}

	// A meeting's tag is never moved.
	if _, stderr, code := run(t, "packet", "--root", root, "--tag", "ethiek-2026-09"); code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("tagging twice: exit %d, %q", code, stderr)
	}
}

func TestPacketToStdoutOutsideGit(t *testing.T) {
	root := writeRegister(t, map[string]string{"register.yaml": checkConfig, "sensors/cam-markt.yaml": checkCamera})
	stdout, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--ids", "cam-markt", "--committee", "Commissie Digitale Ethiek")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# Reviewpakket ethische commissie", "**Commissie Digitale Ethiek**",
		"Geen Git-geschiedenis beschikbaar", "| 1 | [Cameratoezicht Markt](#record-cam-markt) (`cam-markt`) | Sensor: Camera | termijn, op verzoek |"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("packet lacks %q", want)
		}
	}
}

func TestPacketUsageErrors(t *testing.T) {
	root := writeRegister(t, map[string]string{"sensors/cam-markt.yaml": checkCamera})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--out", "pakket.docx"}, ".html, .md or .pdf"},
		{[]string{"--lang", "de"}, `--lang "de": use nl or en`},
		{[]string{"--ids", "bestaat-niet"}, "--ids bestaat-niet: no record with this id"},
		{[]string{"--as-of", "24-11-2026"}, "--as-of"},
		{[]string{"--within", "90 dagen"}, "--within"},
		{[]string{"--commit", "HEAD"}, "--commit goes with --tag"},
		{[]string{"--tag", "ethiek"}, "not inside a Git work tree"},
		{[]string{"extra"}, "unknown command"},
	}
	for _, tt := range tests {
		_, stderr, code := run(t, append([]string{"packet", "--root", root}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestPacketOnBundledRegister is the acceptance: one command makes
// a packet of the bundled register that a secretary can send, as HTML and
// as PDF.
func TestPacketOnBundledRegister(t *testing.T) {
	root := filepath.Join("..", "..", "register")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no bundled register")
	}
	out := t.TempDir()
	for _, name := range []string{"pakket.html", "pakket.pdf"} {
		path := filepath.Join(out, name)
		stdout, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--out", path)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		if !strings.Contains(stdout, "registraties") {
			t.Errorf("%s: stdout %q", name, stdout)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 10_000 {
			t.Errorf("%s: %v", name, err)
		}
	}
	page := readFile(t, filepath.Join(out, "pakket.html"))
	for _, want := range []string{"Reviewpakket ethische commissie Gemeente Voorbeeldstad", "Cameratoezicht uitgaansgebied Grote Markt"} {
		if !strings.Contains(page, want) {
			t.Errorf("bundled register's packet lacks %q", want)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The bundled register holds a camera that is not public (the sewage
// pumping station's): the committee's packet marks it, the public one
// counts it and shows nothing of it.
func TestPacketKeepsTheBundledRegistersConfidences(t *testing.T) {
	root := filepath.Join("..", "..", "register")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no bundled register")
	}
	const id, name = "cam-beveiliging-rioolgemaal-de-vaart", "hoofdrioolgemaal"
	committee, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--ids", id)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(committee, name) || strings.Count(committee, "Vertrouwelijk — niet openbaar") < 3 {
		t.Errorf("the committee's packet does not mark the hidden camera on the agenda, top and foot")
	}
	public, stderr, code := run(t, "packet", "--root", root, "--as-of", "2026-11-24", "--ids", id, "--public")
	if code != 0 {
		t.Fatalf("--public: exit %d: %s", code, stderr)
	}
	if strings.Contains(public, id) || strings.Contains(public, name) || strings.Contains(public, "Vertrouwelijk") {
		t.Errorf("the public packet shows the hidden camera")
	}
	if !strings.Contains(public, "niet openbaar en wordt niet getoond") || !strings.Contains(public, "Openbare versie") {
		t.Errorf("the public packet does not say it left a record out")
	}
}
