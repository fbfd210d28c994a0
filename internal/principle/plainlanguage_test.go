package principle

import (
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// TestPlainLanguage: the summary and purpose are held to B1 at the field's
// line, naming the sentence to rewrite; thresholds come from register.yaml.
func TestPlainLanguage(t *testing.T) {
	const base = "id: a\nkind: algorithm\norganisation: {name: Gemeente Heidebeek, type: municipality}\n"
	const academic = "summary: Implementatiegerelateerde beleidsinstrumentarium-optimalisatie vereist interdisciplinaire samenwerkingsverbanden tussen uitvoeringsorganisaties, toezichthoudende instanties, beleidsmedewerkers en maatschappelijke belangenorganisaties.\n"
	tests := []struct {
		name, cfg, yaml string
		want            []want
	}{
		{"plain Dutch passes", "",
			"summary: >-\n  Een programma zet de reacties op een woning op volgorde. Wie het langst\n  ingeschreven staat, komt eerst. Een medewerker controleert de uitkomst.\npurpose: Wateroverlast in de binnenstad voorkomen bij hevige regen.\n",
			nil},
		{"a sentence too long, named", "",
			"purpose: Als u een parkeervergunning aanvraagt, controleert een computerprogramma of u in het vergunninggebied woont, of er al vergunningen op uw adres zijn en of de auto op uw naam staat en of u de leges al hebt betaald.\n",
			[]want{{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, `purpose has a sentence of 38 words, more than 25 (plain_language.max_sentence_words): "Als u een parkeervergunning aanvraagt`}}},
		{"academic text, hardest sentence named", "",
			"summary: Dit gaat goed. " + strings.TrimPrefix(academic, "summary: "),
			[]want{{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, `summary is hard to read: reading ease` /* the long one, not "Dit gaat goed." */}}},
		{"officialese with its plain word", "",
			"purpose: Teneinde overlast te beperken, meet de gemeente middels sensoren. De meting dient te stoppen indien het rustig is.\n",
			[]want{
				{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, `purpose uses officialese ("dient te" → "moet", "indien" → "als") in: "De meting`},
				{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, `purpose uses officialese ("teneinde" → "om", "middels" → "met") in: "Teneinde overlast`}}},
		{"English text gets the English formula", "",
			"summary: Subsequently, the aforementioned municipal organisation's infrastructural administration institutionalises comprehensive interdepartmental accountability mechanisms for the evaluation of algorithmic decision-making systems.\n",
			[]want{
				{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, "summary is hard to read: reading ease"},
				{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, `summary uses officialese ("subsequently" → "later", "aforementioned" → "this")`}}},
		{"a lower bar in register.yaml", "plain_language: {min_reading_ease: 0, max_sentence_words: 60}\n",
			academic, nil},
		{"a stricter sentence length", "plain_language: {max_sentence_words: 8}\n",
			"purpose: Wie weinig inkomen en geen vermogen heeft, hoeft de heffing niet te betalen.\n",
			[]want{{"plain-language", "C-algorithm-register", finding.Warning, 4, 10, "purpose has a sentence of 13 words, more than 8"}}},
		{"a short text is not scored", "",
			"purpose: Wateroverlast voorkomen.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := only(t, "plain-language", configFrom(t, tt.cfg), nil, testToday, base+tt.yaml)
			match(t, fs, tt.want)
			for _, f := range fs {
				if f.Path != "/summary" && f.Path != "/purpose" {
					t.Errorf("finding at %s, want the field", f.Path)
				}
			}
		})
	}
}

// TestPlainLanguageNamesTheHardSentenceInDutch: the Dutch message quotes the
// sentence, so the writer knows what to rewrite.
func TestPlainLanguageNamesTheHardSentenceInDutch(t *testing.T) {
	fs := only(t, "plain-language", nil, nil, testToday,
		"id: a\nkind: sensor\nsummary: Dit gaat goed. Implementatiegerelateerde beleidsinstrumentarium-optimalisatie vereist interdisciplinaire samenwerkingsverbanden tussen uitvoeringsorganisaties en toezichthoudende instanties op nationaal niveau.\n")
	if len(fs) != 1 {
		t.Fatalf("got %d findings: %v", len(fs), fs)
	}
	want := `De samenvatting (summary) is moeilijk te lezen: leesgemak `
	if !strings.HasPrefix(fs[0].Message.In("nl"), want) ||
		!strings.HasSuffix(fs[0].Message.In("nl"), `Herschrijf eerst deze zin: "Implementatiegerelateerde beleidsinstrumentarium-optimalisatie vereist interdisciplinaire samenwerkingsverbanden tussen uitvoeringsorganisaties en toezichthoudende instanties op nationaal niveau."`) {
		t.Errorf("message %q", fs[0].Message.In("nl"))
	}
	if fs[0].Help.In("nl") != "Gebruik kortere zinnen en kortere, gewone woorden (taalniveau B1)." {
		t.Errorf("help %q", fs[0].Help.In("nl"))
	}
}
