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
	} {
		if got := LooksLikePersonalMailbox(tt.email); got != tt.want {
			t.Errorf("LooksLikePersonalMailbox(%q) = %v, want %v", tt.email, got, tt.want)
		}
	}
}
