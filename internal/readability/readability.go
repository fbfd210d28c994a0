// Package readability measures how easy a text is to read: its sentences,
// their length in words, the words' length in syllables, and the reading
// ease that follows from those (Flesch-Douma for Dutch, Flesch for English),
// with the officialese words that have a plainer alternative. It knows
// nothing of records; the checklist's plain-language rule uses it.
package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is the language a text is measured in.
type Lang string

// The languages with a formula.
const (
	Dutch   Lang = "nl"
	English Lang = "en"
)

// Sentence is one sentence of a text with its counts.
type Sentence struct {
	Text      string
	Words     int
	Syllables int
	// Jargon lists the officialese in the sentence with its plainer words.
	Jargon []Jargon
}

// Ease is the reading ease of the sentence alone, in the text's language.
func (s Sentence) Ease(l Lang) float64 { return ease(l, 1, s.Words, s.Syllables) }

// Measure is what a text measures.
type Measure struct {
	Lang      Lang
	Sentences []Sentence
	Words     int
	Syllables int
}

// Ease is the text's reading ease: Flesch-Douma (206.835 − 0.93·words per
// sentence − 77·syllables per word) for Dutch, Flesch (206.835 − 1.015·words
// per sentence − 84.6·syllables per word) for English. Higher is easier; 60
// to 70 reads as plain language, below 30 as academic. A text without words
// scores 100.
func (m Measure) Ease() float64 { return ease(m.Lang, len(m.Sentences), m.Words, m.Syllables) }

// WordsPerSentence is the average sentence length.
func (m Measure) WordsPerSentence() float64 {
	if len(m.Sentences) == 0 {
		return 0
	}
	return float64(m.Words) / float64(len(m.Sentences))
}

// SyllablesPerWord is the average word length.
func (m Measure) SyllablesPerWord() float64 {
	if m.Words == 0 {
		return 0
	}
	return float64(m.Syllables) / float64(m.Words)
}

// Hardest returns the index of the sentence that is hardest to read: the
// lowest reading ease, where a long sentence weighs as much as long words.
// -1 when there are no sentences.
func (m Measure) Hardest() int {
	best, worst := -1, 0.0
	for i, s := range m.Sentences {
		if s.Words == 0 {
			continue
		}
		if e := s.Ease(m.Lang); best < 0 || e < worst {
			best, worst = i, e
		}
	}
	return best
}

func ease(l Lang, sentences, words, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 100
	}
	wps := float64(words) / float64(sentences)
	spw := float64(syllables) / float64(words)
	if l == English {
		return 206.835 - 1.015*wps - 84.6*spw
	}
	return 206.835 - 0.93*wps - 77*spw
}

// Analyse measures text in the language given; "" detects it (Detect),
// Dutch when that cannot tell.
func Analyse(text string, l Lang) Measure {
	if l == "" {
		l = Detect(text)
	}
	if l != English {
		l = Dutch
	}
	m := Measure{Lang: l}
	for _, s := range Sentences(text) {
		sent := Sentence{Text: s}
		for _, w := range Words(s) {
			sent.Words++
			sent.Syllables += Syllables(w, l)
		}
		sent.Jargon = FindJargon(s, l)
		if sent.Words == 0 {
			continue
		}
		m.Sentences = append(m.Sentences, sent)
		m.Words += sent.Words
		m.Syllables += sent.Syllables
	}
	return m
}

// abbreviations end in a full stop that does not end the sentence.
var abbreviations = map[string]bool{
	"bijv": true, "bv": true, "o.a": true, "art": true, "nr": true, "ca": true, "zgn": true,
	"enz": true, "etc": true, "m.b.t": true, "m.b.v": true, "t.b.v": true, "i.v.m": true,
	"d.w.z": true, "e.d": true, "mr": true, "dr": true, "drs": true, "ir": true, "jl": true,
	"e.g": true, "i.e": true, "vs": true, "st": true, "mrs": true,
}

// Sentences splits a text into sentences: at a full stop, question mark or
// exclamation mark followed by a space and a capital, a digit or the end (an
// abbreviation's full stop does not count), at a blank line and before a
// list item. A single line break is a space: YAML folds long lines.
func Sentences(text string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, block := range blocks(text) {
		rs := []rune(block)
		start := 0
		for i := 0; i < len(rs); i++ {
			if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune(".!?\"')”’", rs[j]) {
				j++
			}
			if j < len(rs) && !unicode.IsSpace(rs[j]) {
				continue // 1.5, e-mail.nl, "o.a."
			}
			k := j
			for k < len(rs) && unicode.IsSpace(rs[k]) {
				k++
			}
			if k < len(rs) && !unicode.IsUpper(rs[k]) && !unicode.IsDigit(rs[k]) && !strings.ContainsRune("\"'‘“(", rs[k]) {
				continue
			}
			if rs[i] == '.' && abbreviations[strings.ToLower(lastWord(rs[start:i]))] {
				continue
			}
			add(string(rs[start:j]))
			start = j
			i = j - 1
		}
		add(string(rs[start:]))
	}
	return out
}

// blocks splits a text at blank lines and before list items, and joins the
// lines within each block with a space.
func blocks(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
			continue
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "• "):
			flush()
			t = strings.TrimSpace(t[strings.IndexByte(t, ' ')+1:])
		}
		cur = append(cur, t)
	}
	flush()
	return out
}

func lastWord(rs []rune) string {
	i := len(rs)
	for i > 0 && !unicode.IsSpace(rs[i-1]) && rs[i-1] != '(' {
		i--
	}
	return string(rs[i:])
}

// Words returns the words of a sentence: runs of letters and digits, with
// the hyphens and apostrophes inside them ("e-mailadres", "camera's").
func Words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	}) {
		f = strings.Trim(f, "-'’")
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// dutchUnits are the vowel combinations Dutch speaks as one sound, longest
// first; any other run of vowels is as many syllables as it has vowels
// ("situatie": si-tu-a-tie, "bioscoop": bi-o-scoop).
var dutchUnits = []string{"aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ui", "ou", "au", "ai", "ij"}

// Syllables counts the syllables of one word. Hyphenated parts count
// separately; an abbreviation in capitals (AVG, DPIA) is spoken letter by
// letter; a number counts as one.
func Syllables(word string, l Lang) int {
	if strings.Contains(word, "-") {
		n := 0
		for _, p := range strings.Split(word, "-") {
			if p != "" {
				n += Syllables(p, l)
			}
		}
		return max(n, 1)
	}
	rs := []rune(word)
	if acronym(rs) {
		return len(rs)
	}
	if l == English {
		return englishSyllables(strings.ToLower(word))
	}
	return dutchSyllables(strings.ToLower(word))
}

func acronym(rs []rune) bool {
	if len(rs) < 2 || len(rs) > 6 {
		return false
	}
	for _, r := range rs {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func vowel(r rune) bool {
	return strings.ContainsRune("aeiouyàáâäèéêëìíîïòóôöùúûü", r)
}

// diaeresis marks a vowel that starts a syllable of its own (ideeën, geïnd).
func diaeresis(r rune) bool { return strings.ContainsRune("äëïöü", r) }

func dutchSyllables(w string) int {
	rs := []rune(w)
	n := 0
	for i := 0; i < len(rs); {
		if !vowel(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && vowel(rs[j]) && !diaeresis(rs[j]) {
			j++
		}
		group := string(rs[i:j])
		// "ij" is a vowel although j is not; "y" is one at the end.
		if j < len(rs) && rs[j] == 'j' && rs[j-1] == 'i' {
			j++
		}
		n += dutchGroup(group)
		i = j
	}
	return max(n, 1)
}

// dutchGroup counts the syllables of a run of vowels.
func dutchGroup(g string) int {
	n := 0
	for g != "" {
		matched := false
		for _, u := range dutchUnits {
			if strings.HasPrefix(g, u) {
				g = g[len(u):]
				matched = true
				break
			}
		}
		if !matched {
			_, size := utf8.DecodeRuneInString(g)
			g = g[size:]
		}
		n++
	}
	return n
}

// englishSyllables is the usual heuristic: runs of vowels, less a silent
// final e ("make", not "table").
func englishSyllables(w string) int {
	rs := []rune(w)
	n := 0
	prev := false
	for _, r := range rs {
		v := vowel(r)
		if v && !prev {
			n++
		}
		prev = v
	}
	if l := len(rs); l > 2 && rs[l-1] == 'e' && !vowel(rs[l-2]) && !(rs[l-2] == 'l' && !vowel(rs[l-3])) && n > 1 {
		n--
	}
	// "used", "makes": the e of -ed is silent unless after t or d, that of
	// -es unless after a hissing sound.
	if l := len(rs); l > 3 && n > 1 && !vowel(rs[l-3]) &&
		(strings.HasSuffix(w, "ed") && !strings.ContainsRune("td", rs[l-3]) ||
			strings.HasSuffix(w, "es") && !strings.ContainsRune("sxzcgh", rs[l-3])) {
		n--
	}
	return max(n, 1)
}

// Detect tells Dutch from English by their commonest small words; "" when
// the text has none of either (the caller then assumes its own language),
// Dutch on a tie.
func Detect(text string) Lang {
	nl, en := 0, 0
	for _, w := range Words(strings.ToLower(text)) {
		if dutchCommon[w] {
			nl++
		}
		if englishCommon[w] {
			en++
		}
	}
	switch {
	case en > nl:
		return English
	case nl > 0:
		return Dutch
	}
	return ""
}

var dutchCommon = set("de", "het", "een", "en", "van", "in", "op", "is", "dat", "die", "met", "voor", "zijn", "niet", "bij", "er", "om", "wordt", "worden", "ook", "aan", "of", "als", "door", "naar", "te", "we", "wij", "u", "deze")
var englishCommon = set("the", "a", "an", "and", "of", "to", "is", "that", "with", "for", "are", "not", "by", "it", "on", "as", "or", "be", "this", "from", "which", "we", "you", "at", "when")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
