package readability

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSyllablesDutch(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"de", 1}, {"camera", 3}, {"gegevens", 3}, {"beveiliging", 4}, {"situatie", 4},
		{"bioscoop", 3}, {"financiële", 5}, {"geïnformeerd", 4}, {"uitgaansgebied", 4},
		{"nieuw", 1}, {"politie", 3}, {"algoritme", 4}, {"wateroverlast", 5}, {"mij", 1},
		{"huurwoningen", 4}, {"e-mailadres", 4}, {"AVG", 3}, {"DPIA", 4}, {"2026", 1},
		{"camera's", 3}, {"detail", 2}, {"ideeën", 3}, {"kwijtschelding", 3},
	}
	for _, tt := range tests {
		if got := Syllables(tt.word, Dutch); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestSyllablesEnglish(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"the", 1}, {"make", 1}, {"table", 2}, {"camera", 3}, {"register", 3},
		{"residents", 3}, {"algorithm", 3}, {"used", 1}, {"decided", 3}, {"privacy", 3},
	}
	for _, tt := range tests {
		if got := Syllables(tt.word, English); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"full stops", "De camera filmt de Markt. Beelden worden gewist.",
			[]string{"De camera filmt de Markt.", "Beelden worden gewist."}},
		{"question and exclamation", "Ziet u een fout? Meld het!", []string{"Ziet u een fout?", "Meld het!"}},
		{"an abbreviation does not end a sentence", "Volgens art. 151c Gemeentewet, o.a. bij het station. Daarna niet.",
			[]string{"Volgens art. 151c Gemeentewet, o.a. bij het station.", "Daarna niet."}},
		{"a decimal and an address stay whole", "De grens is 1.5 meter, zie gemeente.nl voor meer.",
			[]string{"De grens is 1.5 meter, zie gemeente.nl voor meer."}},
		{"a folded line is a space", "Een sensor meet\nhoe vol de container is.", []string{"Een sensor meet hoe vol de container is."}},
		{"a blank line and a list item end a sentence", "Wat we meten\n\n- de waterstand\n- de regen",
			[]string{"Wat we meten", "de waterstand", "de regen"}},
		{"lower case after a full stop continues", "Zie bijv. de kaart.", []string{"Zie bijv. de kaart."}},
		{"no text", "  \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestEaseOfRealDutch measures sentences from Dutch municipal registers: a
// B1 text scores well above an officialese one of the same content.
func TestEaseOfRealDutch(t *testing.T) {
	tests := []struct {
		name             string
		text             string
		words, syllables int
		ease             float64
		sentences        int
		hardest          string
	}{
		{"plain", "Zes tellers boven winkelstraten tellen hoeveel voetgangers voorbijlopen. Ze maken geen beelden.",
			12, 26, 206.835 - 0.93*6 - 77*26.0/12, 2, "Zes tellers boven winkelstraten tellen hoeveel voetgangers voorbijlopen."},
		{"one sentence", "Wateroverlast in de binnenstad voorkomen bij hevige regen.",
			8, 19, 206.835 - 0.93*8 - 77*19.0/8, 1, "Wateroverlast in de binnenstad voorkomen bij hevige regen."},
		{"officialese", "Teneinde de doorstroming te optimaliseren, wordt middels sensoren de verkeersintensiteit gemonitord.",
			11, 31, 206.835 - 0.93*11 - 77*31.0/11, 1, "Teneinde de doorstroming te optimaliseren, wordt middels sensoren de verkeersintensiteit gemonitord."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Analyse(tt.text, "")
			if m.Lang != Dutch || m.Words != tt.words || m.Syllables != tt.syllables || len(m.Sentences) != tt.sentences {
				t.Errorf("%s: %d words, %d syllables, %d sentences; want %d, %d, %d", m.Lang, m.Words, m.Syllables, len(m.Sentences), tt.words, tt.syllables, tt.sentences)
			}
			if math.Abs(m.Ease()-tt.ease) > 0.01 {
				t.Errorf("ease %.2f, want %.2f", m.Ease(), tt.ease)
			}
			if h := m.Hardest(); h < 0 || m.Sentences[h].Text != tt.hardest {
				t.Errorf("hardest %d", h)
			}
		})
	}
	plain := Analyse("Op tijd strooien, zodat wegen en fietspaden veilig blijven.", Dutch).Ease()
	stiff := Analyse("Teneinde de doorstroming te optimaliseren, wordt middels sensoren de verkeersintensiteit gemonitord.", Dutch).Ease()
	if plain <= stiff+30 {
		t.Errorf("plain %.0f, officialese %.0f: plain should read far easier", plain, stiff)
	}
}

func TestEnglishFlesch(t *testing.T) {
	m := Analyse("The cat sat on the mat. It was warm.", "")
	if m.Lang != English || m.Words != 9 || m.Syllables != 9 {
		t.Fatalf("%s %d words %d syllables", m.Lang, m.Words, m.Syllables)
	}
	if want := 206.835 - 1.015*4.5 - 84.6; math.Abs(m.Ease()-want) > 0.01 {
		t.Errorf("ease %.2f, want %.2f", m.Ease(), want)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		text string
		want Lang
	}{
		{"De camera filmt het plein en de straat.", Dutch},
		{"The camera films the square and the street.", English},
		{"Wateroverlast voorkomen.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestJargon(t *testing.T) {
	got := FindJargon("Teneinde overlast te beperken, dient te worden gemeten middels sensoren in het kader van de proef.", Dutch)
	want := []Jargon{{"teneinde", "om"}, {"middels", "met"}, {"in het kader van", "bij, voor"}, {"dient te", "moet"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if got := FindJargon("Het conformeren gaat goed.", Dutch); len(got) != 0 {
		t.Errorf("a word that only starts like jargon: %v", got)
	}
	if got := FindJargon("In order to help, we use it.", English); !slices.Equal(got, []Jargon{{"in order to", "to"}}) {
		t.Errorf("English: %v", got)
	}
}

// TestHostileText: whatever a record holds, the measure returns.
func TestHostileText(t *testing.T) {
	long := strings.Repeat("woord ", 100000)
	for _, text := range []string{
		long, strings.Repeat("a", 200000), strings.Repeat(".", 10000), strings.Repeat("- \n", 1000),
		"\x00\xff\xfe ongeldig", "ë", "'", "-", "...?!", "Ï. Ë. Ü.",
	} {
		m := Analyse(text, "")
		if e := m.Ease(); math.IsNaN(e) || math.IsInf(e, 0) {
			t.Errorf("ease %v", e)
		}
	}
	if m := Analyse(long, Dutch); len(m.Sentences) != 1 || m.Words != 100000 {
		t.Errorf("%d sentences, %d words", len(m.Sentences), m.Words)
	}
}
