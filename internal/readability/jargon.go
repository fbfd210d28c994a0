package readability

import "strings"

// Jargon is an officialese word or phrase found in a text, with the plainer
// words that say the same.
type Jargon struct {
	Word, Plain string
}

// jargon lists officialese with its plain alternative, after the word lists
// of the Rijksoverheid's "Direct Duidelijk" and the B1 guidance ("Klare
// taal"). Phrases are matched as whole words, case-insensitively.
var jargon = map[Lang][]Jargon{
	Dutch: {
		{"teneinde", "om"}, {"middels", "met"}, {"door middel van", "met"}, {"inzake", "over"},
		{"ten behoeve van", "voor"}, {"ten aanzien van", "over"}, {"met betrekking tot", "over"},
		{"in het kader van", "bij, voor"}, {"dient te", "moet"}, {"dienen te", "moeten"},
		{"derhalve", "daarom"}, {"alsmede", "en, ook"}, {"conform", "volgens"},
		{"indien", "als"}, {"reeds", "al"}, {"thans", "nu"}, {"doch", "maar"},
		{"ingevolge", "volgens"}, {"omtrent", "over"}, {"onverwijld", "meteen"},
		{"terstond", "meteen"}, {"voornoemde", "genoemde"}, {"zulks", "dat"},
		{"desalniettemin", "toch"}, {"hetgeen", "wat"}, {"aldus", "zo"},
		{"effectueren", "uitvoeren"}, {"faciliteren", "mogelijk maken, helpen"},
		{"implementeren", "invoeren"}, {"optimaliseren", "verbeteren"},
		{"prioriteren", "voorrang geven"}, {"adequaat", "goed, passend"},
		{"alvorens", "voordat"}, {"behoudens", "behalve"}, {"dientengevolge", "daardoor"},
		{"geschieden", "gebeuren"}, {"geschiedt", "gebeurt"}, {"woonachtig", "wonend"},
	},
	English: {
		{"in order to", "to"}, {"utilise", "use"}, {"utilize", "use"}, {"commence", "start"},
		{"prior to", "before"}, {"in accordance with", "under, following"},
		{"pursuant to", "under"}, {"facilitate", "help"}, {"subsequently", "later"},
		{"notwithstanding", "despite"}, {"hereby", "(leave out)"}, {"whereby", "by which"},
		{"in respect of", "about"}, {"with regard to", "about"}, {"endeavour", "try"},
		{"aforementioned", "this"}, {"henceforth", "from now on"}, {"shall", "must, will"},
	},
}

// FindJargon returns the officialese in a sentence, in the order of the
// list, each once.
func FindJargon(sentence string, l Lang) []Jargon {
	words := Words(strings.ToLower(sentence))
	text := " " + strings.Join(words, " ") + " "
	var out []Jargon
	for i, j := range jargon[l] {
		if strings.Contains(text, padded[l][i]) {
			out = append(out, j)
		}
	}
	return out
}

// padded are the words of jargon with a space either side, to match whole
// words in a text of words joined by spaces.
var padded = func() map[Lang][]string {
	out := map[Lang][]string{}
	for l, js := range jargon {
		for _, j := range js {
			out[l] = append(out[l], " "+j.Word+" ")
		}
	}
	return out
}()
