package principle

import (
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/label"
	"github.com/voorbeeldstad/register/internal/readability"
	"github.com/voorbeeldstad/register/internal/record"
)

// plainFields are the texts every resident reads first, with their names.
var plainFields = []struct {
	path string
	name label.Text
	text func(*record.Record) string
}{
	{"/summary", label.Text{"De samenvatting (summary)", "summary"}, func(r *record.Record) string { return r.Summary }},
	{"/purpose", label.Text{"Het doel (purpose)", "purpose"}, func(r *record.Record) string { return r.Purpose }},
}

var plainLanguage = &Rule{
	ID: "plain-language", Ref: "C-algorithm-register", Covers: []string{"VNG 4.1"}, Default: finding.Warning,
	Title: label.Text{"In begrijpelijke taal", "In plain language"},
	Why: label.Text{
		"Het register is er voor inwoners, in begrijpelijke taal (programma: een algoritmeregister \"in begrijpelijke taal\"; VNG-principe 4.1: transparantie). De samenvatting en het doel lezen de meeste mensen als eerste. Lange zinnen, lange woorden en ambtelijke woorden maken ze moeilijk. De controle meet elke tekst met de leesbaarheidsformule van Flesch-Douma en noemt de zin die u het best kunt herschrijven.",
		"The register is for residents, in plain language (the programme's algorithm register \"in begrijpelijke taal\"; VNG principle 4.1: transparency). The summary and the purpose are what most people read first; long sentences, long words and officialese make them hard. The checklist measures each with the Flesch-Douma formula (Flesch for English text) and names the sentence best rewritten.",
	},
	Satisfy: label.Text{
		"In summary en purpose: geen zin langer dan plain_language.max_sentence_words (25) woorden; een tekst van minstens plain_language.min_words (15) woorden heeft een leesgemak van plain_language.min_reading_ease (20) of meer (Flesch-Douma: 206.835 − 0.93 × woorden per zin − 77 × lettergrepen per woord; Engelse tekst: Flesch); geen ambtelijk woord waarvoor een eenvoudiger woord bestaat (teneinde → om, middels → met, dient te → moet, ...). De drempels staan in register.yaml onder plain_language.",
		"In summary and purpose: no sentence longer than plain_language.max_sentence_words (25) words; a text of at least plain_language.min_words (15) words reads at plain_language.min_reading_ease (20) or more (Flesch-Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word; English text: Flesch); no officialese with a plainer word (teneinde → om, middels → met, dient te → moet, ...). The thresholds are set in register.yaml under plain_language.",
	},
	Example: example(`summary: >-
  Camera's op de Markt filmen het uitgaansgebied in de nacht. Zo kan de politie
  snel ingrijpen bij geweld. De beelden worden na vier weken gewist.
purpose: Geweld op de Markt voorkomen en snel ingrijpen als het toch gebeurt.`),
	Check: func(ctx *Context, r *record.Record) []finding.Finding {
		pl := ctx.Config.PlainLanguage
		var fs []finding.Finding
		for _, f := range plainFields {
			text := f.text(r)
			if blank(text) {
				continue
			}
			// A text Detect cannot tell is taken in the register's language.
			m := ctx.texts.Analyse(text, readability.Lang(ctx.Config.Language()))
			named := map[int]bool{}
			for i, s := range m.Sentences {
				if pl.MaxSentenceWords > 0 && s.Words > pl.MaxSentenceWords {
					named[i] = true
					fs = append(fs, at(f.path,
						en(fmt.Sprintf("%s has a sentence of %d words, more than %d (plain_language.max_sentence_words): %q", f.name.In("en"), s.Words, pl.MaxSentenceWords, s.Text),
							"split it into sentences of one thought each"),
						nl(fmt.Sprintf("%s heeft een zin van %d woorden; dat zijn er meer dan %d (plain_language.max_sentence_words). Herschrijf deze zin: \"%s\"", f.name.In("nl"), s.Words, pl.MaxSentenceWords, s.Text),
							"Maak er kortere zinnen van, met één gedachte per zin.")))
				}
			}
			if m.Words >= pl.MinWords {
				if ease := m.Ease(); ease < pl.MinReadingEase {
					if h := m.Hardest(); h >= 0 && !named[h] {
						s := m.Sentences[h]
						formula, formulaNL := "Flesch-Douma", "Flesch-Douma"
						if m.Lang == readability.English {
							formula, formulaNL = "Flesch reading ease, as the text is English", "Flesch, want de tekst is Engels"
						}
						fs = append(fs, at(f.path,
							en(fmt.Sprintf("%s is hard to read: reading ease %.0f (%s), below %.0f (plain_language.min_reading_ease), with %.1f words a sentence and %.1f syllables a word; rewrite first: %q",
								f.name.In("en"), ease, formula, pl.MinReadingEase, m.WordsPerSentence(), m.SyllablesPerWord(), s.Text),
								"use shorter sentences and shorter, everyday words (B1)"),
							nl(fmt.Sprintf("%s is moeilijk te lezen: leesgemak %.0f (%s), lager dan %.0f (plain_language.min_reading_ease). De zinnen hebben gemiddeld %s woorden, de woorden %s lettergrepen. Herschrijf eerst deze zin: \"%s\"",
								f.name.In("nl"), ease, formulaNL, pl.MinReadingEase, komma(m.WordsPerSentence()), komma(m.SyllablesPerWord()), s.Text),
								"Gebruik kortere zinnen en kortere, gewone woorden (taalniveau B1).")))
					}
				}
			}
			for _, s := range m.Sentences {
				if len(s.Jargon) == 0 {
					continue
				}
				var pairs, pairsNL []string
				for _, j := range s.Jargon {
					pairs = append(pairs, fmt.Sprintf("%q → %q", j.Word, j.Plain))
					pairsNL = append(pairsNL, fmt.Sprintf("\"%s\" wordt \"%s\"", j.Word, j.Plain))
				}
				fs = append(fs, at(f.path,
					en(fmt.Sprintf("%s uses officialese (%s) in: %q", f.name.In("en"), strings.Join(pairs, ", "), s.Text),
						"use the plainer words"),
					nl(fmt.Sprintf("%s gebruikt ambtelijke taal in de zin \"%s\". Schrijf gewone woorden: %s.", f.name.In("nl"), s.Text, joinEn(pairsNL)),
						"Vervang de ambtelijke woorden door de gewone.")))
			}
		}
		return fs
	},
}

// komma writes a number with one decimal the Dutch way, "1,8".
func komma(f float64) string { return strings.Replace(fmt.Sprintf("%.1f", f), ".", ",", 1) }
