package placeholder

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/record"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, org string
		r         record.Record
		want      []string // paths
	}{
		{"a clean record", "Gemeente Heidebeek", record.Record{Name: "Camera Markt", Owner: record.Owner{Email: "toezicht@heidebeek.nl"}}, nil},
		{"words, a mailbox and a position", "Gemeente Heidebeek", record.Record{Name: "Camera " + Fill, Owner: record.Owner{Email: Mailbox},
			Location: &record.Location{PointRD: &record.PointRD{X: OriginX, Y: OriginY}}}, []string{"/name", "/owner/email", "/location/point_rd"}},
		{"the documentation's town is its own", "Gemeente Voorbeeldstad", record.Record{Owner: record.Owner{Email: "a@www.voorbeeldstad.example"}}, nil},
		{"the documentation's town in another's register", "", record.Record{Organisation: record.Organisation{Name: "Gemeente Heidebeek"},
			Links: []record.Link{{URL: "https://www.voorbeeldstad.example/x"}}}, []string{"/links/0/url"}},
		{"the position in WGS84", "", record.Record{Location: &record.Location{Point: &record.Point{Lat: OriginLat, Lon: OriginLon}}}, []string{"/location/point"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(&tt.r, tt.org) {
				got = append(got, m.Path)
				if m.What.In("en") == "" || m.What.In("nl") == "" {
					t.Errorf("%s: no words for the mark", m.Path)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("marks at %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("marks at %v, want %v", got, tt.want)
				}
			}
		})
	}
	if Find(nil, "") != nil {
		t.Error("a nil record has marks")
	}
}

// TestInTextFolds compares inText, which folds a text only when it may
// hold a mark, with folding every text first.
func TestInTextFolds(t *testing.T) {
	reference := func(s, own string) (Mark, bool) {
		low := strings.ToLower(s)
		for _, m := range textMarks {
			if strings.Contains(low, m[1]) {
				return Mark{What: label.Text{"de invultekst " + strconv.Quote(m[0]) + " uit het sjabloon", "the template's text " + strconv.Quote(m[0])}}, true
			}
		}
		for _, host := range exampleHost.FindAllString(low, -1) {
			labels := strings.Split(host, ".")
			domain := strings.Join(labels[len(labels)-2:], ".")
			if !slices.Contains(Domains, domain) || labels[len(labels)-2] == own {
				continue
			}
			return Mark{What: label.Text{"het voorbeeldadres " + strconv.Quote(domain) + " uit een sjabloon",
				"the example address " + strconv.Quote(domain) + " of a template"}}, true
		}
		return Mark{}, false
	}
	texts := []string{"", "Camera Markt", "Camera (VUL IN)", "Camera (vul İn)", "(Voorbeeld; de echte plek)", "(voorbeeld",
		"info@VUL-IN.EXAMPLE", "https://www.Voorbeeldstad.Example/x", "a@gemeente.example.", "x.example", "(vul\u00a0in)",
		"mail privacy@voorbeeldstad.example of vul-in.example", "notvul-in.example", "VUL-İN.EXAMPLE", "\u212aamer (vul in)",
		"https://heidebeek.nl", "(", ".", "((vul in", "gemeente.exampled", "gemeente.example-x", "a.vul-in.example.nl"}
	for _, own := range []string{"heidebeek", "voorbeeldstad", "vul-in", "gemeente"} {
		for _, s := range texts {
			got, gotOK := inText(s, own)
			want, wantOK := reference(s, own)
			if got != want || gotOK != wantOK {
				t.Errorf("inText(%q, %q) = %v %v, want %v %v", s, own, got, gotOK, want, wantOK)
			}
		}
	}
}
