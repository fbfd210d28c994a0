package record

import "testing"

func TestLooksLikePersonName(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"J. de Vries", true},
		{"J.P. Jansen, wethouder", true},
		{"Wethouder (J. van der Berg)", true},
		{"dhr. Jansen", true},
		{"Mevr. Bakker", true},
		{"mevrouw Bakker", true},
		{"drs. P. Pietersen", true},
		{"Teamleider Toezicht en Handhaving", false},
		{"College van B&W", false},
		{"Burgemeester", false},
		{"Functionaris gegevensbescherming", false},
		{"De heer van de afdeling", false},
		{"Directeur Ruimte", false},
		{"college van burgemeester en wethouders", false},
		// What a reviewer found read wrongly.
		{"Toezichthouder, dhr Jansen", true},
		{"Th. van 't Hof", true},
		{"J. van 't Hof", true},
		{"A. 't Hart", true},
		{"J. El Amrani", true},
		{"E. Ng", true},
		{"J.P.M. de Groot", true},
		{"Team V.T.H. Toezicht", false},
		{"Team O.O.V. Handhaving", false},
		{"College van B. en W. Voorbeeldstad", false},
		{"Stadskantoor Mr. Visserplein", false},
		{"Stadswinkel Dr. Ariënslaan", false},
		{"Ing. Bureau Gemeente", false},
		{"Ing.-bureau", false},
	} {
		if got := LooksLikePersonName(tt.text); got != tt.want {
			t.Errorf("LooksLikePersonName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestLooksLikePersonalMailbox(t *testing.T) {
	for _, tt := range []struct {
		email string
		want  bool
	}{
		{"j.devries@voorbeeldstad.nl", true},
		{"J.P.Jansen@voorbeeldstad.nl", true},
		{"mailto:j.bakker@voorbeeldstad.nl", true},
		{"camera@voorbeeldstad.nl", false},
		{"team.verkeer@voorbeeldstad.nl", false},
		{"privacy@voorbeeldstad.nl", false},
		{"a.b@", false},
		{"j.p.m.a.jansen@odgeldersevallei.example", true},
	} {
		if got := LooksLikePersonalMailbox(tt.email); got != tt.want {
			t.Errorf("LooksLikePersonalMailbox(%q) = %v, want %v", tt.email, got, tt.want)
		}
	}
}
