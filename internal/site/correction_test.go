package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The bundled register's record pages show the route to have data
// corrected, the register's desk where a record names none, and each
// advice beside the municipality's response or how long it has waited.
func TestCorrectionAndAdviceOnRecordPages(t *testing.T) {
	reg := loadFixture(t, filepath.Join("..", "..", "register"))
	dir, _ := build(t, reg, Options{Now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)})
	tests := []struct {
		page   string
		want   []string
		absent []string
	}{
		{"algoritmes/parkeervergunningen.html", []string{`<h2 id="h-fout-in-uw-gegevens">Fout in uw gegevens?</h2>`, "Geef het door aan Burgerzaken", "<dt>Behandeltermijn</dt><dd>4 weken</dd>", `href="mailto:parkeren@voorbeeldstad.example"`, "(AVG art. 19)"}, nil},
		{"sensoren/druktemeters-binnenstad.html", []string{"noemt geen eigen route", `href="https://www.voorbeeldstad.example/meldpunt-fout-in-gegevens"`}, nil},
		{"sensoren/luchtmeetnet-vennewijk.html", nil, []string{"h-fout-in-uw-gegevens"}},
		{"sensoren/wifi-tellers-stationskwartier.html", []string{`<th scope="col">Advies</th><th scope="col">Reactie van de gemeente</th>`, "(ongevraagd)", "Nog geen reactie."}, []string{"Het advies wacht"}}, // a count of days is wrong the day after
		{"sensoren/drone-inspectie-kademuren.html", []string{"(gevraagd)", `<time datetime="2026-04-14">`, "omwonenden krijgen een week vooraf een brief"}, []string{"Nog geen reactie"}},
		{"en/sensors/wifi-tellers-stationskwartier.html", []string{"Wrong data about you?", "(unasked)", "No response yet."}, nil},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.page)))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.page, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(page, a) {
				t.Errorf("%s shows %q", tt.page, a)
			}
		}
	}
}
