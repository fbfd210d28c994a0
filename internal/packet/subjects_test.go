package packet

import (
	"strings"
	"testing"
	"time"

	"github.com/voorbeeldstad/register/internal/history"
)

// subjectPackets builds the packets of a register where one commit since
// the previous packet changed the cameras cam-a and cam-b, with a subject
// that quotes cam-b's withheld supplier (in lower case), the name of a
// camera that is not public (in capitals) and the id of one that was not
// public either and is removed in the same commit. It returns each format's text,
// the PDF's as its pages read.
func subjectPackets(t *testing.T, public, show bool) map[Format]string {
	t.Helper()
	g := newGitRegister(t)
	g.commit(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "eerste", map[string]string{
		"sensors/cam-a.yaml": sensor("cam-a", "Camera Aa", "camera", quietDates),
		"sensors/cam-b.yaml": sensor("cam-b", "Camera Bee", "camera", quietDates,
			"supplier: {name: Zqfsecretsup BV}", "publication: {withheld: [supplier.name], reason: Beveiliging}"),
		"sensors/cam-kluis.yaml": sensor("cam-kluis", "Camera Geheimekluis", "camera", quietDates,
			"publication: {public: false, reason: Woo 5.1}"),
		"sensors/cam-weg.yaml": sensor("cam-weg", "Camera Verdwenen", "camera", quietDates,
			"publication: {public: false, reason: Woo 5.1}"),
	})
	if _, err := history.Tag(g.dir, "ethiek-2026-09", "", time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	g.commit(time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC), subject, map[string]string{
		"sensors/cam-a.yaml": sensor("cam-a", "Camera Aa", "camera", quietDates, "signage: {present: true}"),
		"sensors/cam-b.yaml": sensor("cam-b", "Camera Bee", "camera", quietDates, "signage: {present: true}",
			"supplier: {name: Zqfsecretsup BV}", "publication: {withheld: [supplier.name], reason: Beveiliging}"),
		"sensors/cam-weg.yaml": "",
	})
	reg := loadRegister(t, g.dir)
	reg.Config.Site.ShowCommitSubjects = show
	repo, err := history.Open(g.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	p, err := Build(reg, nil, Options{Today: meeting, History: repo, Since: "ethiek-2026-09", SinceFromTag: true, Public: public})
	if err != nil {
		t.Fatal(err)
	}
	out := map[Format]string{}
	for _, f := range []Format{HTML, Markdown, PDF} {
		data := render(t, p, f)
		out[f] = string(data)
		if f == PDF {
			out[f] = flat(strings.Join(pageTexts(t, data), "\n"))
		}
	}
	return out
}

const subject = "Zqmast naar zqfsecretsup bv en Camera GEHEIMEKLUIS, zonder CAM-WEG"

// TestPublicPacketCommitSubjects: the public packet shows no commit subject
// unless site.show_commit_subjects is set, and then without any record's
// secrets, in the section of each record the commit changed; the
// committee's packet shows the subject as written.
func TestPublicPacketCommitSubjects(t *testing.T) {
	tests := []struct {
		name         string
		public, show bool
		want         string // in every format, in both records' sections
		absent       []string
	}{
		{"public, by default", true, false, "", []string{"Zqmast", "zqfsecretsup", "geheimekluis", "cam-weg", "<th>Commit</th><th>Omschrijving</th>"}},
		{"public, subjects on", true, true, "Zqmast naar niet openbaar en niet openbaar, zonder niet openbaar", []string{"zqfsecretsup", "geheimekluis", "cam-weg"}},
		{"committee", false, false, subject, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for f, text := range subjectPackets(t, tt.public, tt.show) {
				if !strings.Contains(text, "Camera Aa") || !strings.Contains(text, "Camera Bee") {
					t.Fatalf("%s: the changed records are not on the agenda", f)
				}
				if tt.want != "" && strings.Count(text, tt.want) < 2 {
					t.Errorf("%s shows %q %d times, want in both records' sections", f, tt.want, strings.Count(text, tt.want))
				}
				for _, a := range tt.absent {
					if strings.Contains(strings.ToLower(text), strings.ToLower(a)) {
						t.Errorf("%s shows %q", f, a)
					}
				}
			}
		})
	}
}
