package publish

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/voorbeeldstad/register/internal/record"
)

// TestScrubFindsEverySecret: Scrub, which searches a text once through an
// index of the secrets, replaces exactly what searching for every secret
// in turn, in any case, covers, on random texts over a small alphabet (so
// secrets overlap, nest and meet at the edges of what was replaced), with
// secrets of every length from two bytes.
func TestScrubFindsEverySecret(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	letters := []string{"a", "b", "B", "c", "é", " "}
	for range 2000 {
		var hidden []string
		for range rng.Intn(6) {
			hidden = append(hidden, word(rng, letters, 2+rng.Intn(6)))
		}
		p := &Public{hidden: hidden}
		text := word(rng, letters, rng.Intn(40))
		if got, want := p.Scrub(nil, text, "nl"), covered(text, hidden, NotPublicNL); got != want {
			t.Fatalf("Scrub(%q) with %q = %q, want %q", text, hidden, got, want)
		}
	}
}

// TestFoldIndexCoversEveryOccurrence: foldIndex.replace replaces exactly
// the bytes that some secret covers in some case (as strings.EqualFold
// compares), on random texts over a small alphabet where secrets overlap,
// nest and meet, with a letter whose cases are two bytes each; and with
// many secrets, most of which begin alike, as the ids of a large register
// do, so that the index searches among them by halves; the same with the
// secrets split over two indexes searched as one.
func TestFoldIndexCoversEveryOccurrence(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	letters := []string{"a", "A", "b", "B", "é", "É", " "}
	for i := range 6000 {
		most, longest := 5, 4
		if i%2 == 1 {
			most, longest = 80, 8
		}
		var secrets []string
		for range rng.Intn(most) {
			secrets = append(secrets, word(rng, letters, 1+rng.Intn(longest)))
		}
		text := word(rng, letters, rng.Intn(40))
		x := newFoldIndex(secrets)
		want := covered(text, secrets, "#")
		if got := x.replace(text, "#"); got != want {
			t.Fatalf("replace(%q) with %q = %q, want %q", text, secrets, got, want)
		}
		if got := x.contains(text); got != (want != text) {
			t.Fatalf("contains(%q) with %q = %v", text, secrets, got)
		}
		// The secrets in two indexes, searched as one (a record's own
		// beside the register's), replace the same.
		half := rng.Intn(len(secrets) + 1)
		two := foldIndexes{newFoldIndex(secrets[:half]), newFoldIndex(secrets[half:])}
		if got := two.replace(text, "#"); got != want {
			t.Fatalf("replace(%q) with %q and %q = %q, want %q", text, secrets[:half], secrets[half:], got, want)
		}
	}
}

func word(rng *rand.Rand, letters []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(letters[rng.Intn(len(letters))])
	}
	return b.String()
}

// covered is the oracle: text with each stretch that some secret covers,
// in some case and whatever the separators between its letters (a stretch
// from a letter to a letter whose letters are the secret's; of a secret
// under four bytes, a whole word only), widened to the whole words it
// touches, replaced by with once; stretches that overlap or meet are one.
func covered(text string, secrets []string, with string) string {
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if separatorRune(r) {
				return -1
			}
			return r
		}, s)
	}
	cover := make([]bool, len(text))
	for _, v := range secrets {
		v = letters(v)
		if v == "" {
			continue
		}
		for i, r := range text {
			if separatorRune(r) {
				continue
			}
			for j, r2 := range text[i:] {
				end := i + j + utf8.RuneLen(r2)
				whole := wordFrom(text, i) == i && wordTo(text, end) == end
				if !separatorRune(r2) && strings.EqualFold(letters(text[i:end]), v) && (len(v) >= 4 || whole) {
					for k := i; k < end; k++ {
						cover[k] = true
					}
				}
			}
		}
	}
	// A covered stretch takes in the whole words it touches.
	for i := 0; i < len(text); {
		if !cover[i] {
			i++
			continue
		}
		j := i
		for j < len(text) && cover[j] {
			j++
		}
		from, to := wordFrom(text, i), wordTo(text, j)
		for k := from; k < to; k++ {
			cover[k] = true
		}
		i = to
	}
	var out strings.Builder
	for i := 0; i < len(text); i++ {
		if !cover[i] {
			out.WriteByte(text[i])
		} else if i == 0 || !cover[i-1] {
			out.WriteString(with)
		}
	}
	return out.String()
}

// TestFoldIndexKeepsOffsetsWhereCasesDifferInLength: a letter whose
// cases differ in length in UTF-8 (the Kelvin sign and k, the long s and
// s) or a byte that is not UTF-8 moves the folded text against the text,
// and what is replaced is still exactly the secret's stretch of the text.
func TestFoldIndexKeepsOffsetsWhereCasesDifferInLength(t *testing.T) {
	tests := []struct {
		secrets    []string
		text, want string
	}{
		{[]string{"kelvin"}, "de \u212aELVIN-camera", "de #-camera"},
		{[]string{"\u212aelvin"}, "de kelvin-camera", "de #-camera"},
		{[]string{"sensor"}, "\u017fen\u017foR en sensor", "# en #"},
		{[]string{"cam-1", "cam-12"}, "\xffCAM-12\xfe cam-1", "\xff#\xfe #"},
		{[]string{"é\xff"}, "aÉ\xffb", "#b"},
		// A short secret counts as a whole word only; a longer one inside
		// a word takes the word with it, as what is left of it would
		// tell the secret.
		{[]string{"FR", "7"}, "besluit 2017, infrastructuur en FR.", "besluit 2017, infrastructuur en #."},
		{[]string{"acme"}, "de Acmeschool en acme", "de # en #"},
		{[]string{"spiekmeester bv"}, "Spiek\u00admeester%20BV en Spiek\u200bmeester+BV", "# en #"},
		{[]string{"spiekmeester bv"}, "Spiek\u202cmeester\u2066 BV, Spiek\u3164meester\U000E0020BV en Spiekmeester\u2013BV", "#, # en #"},
		{[]string{"spiekmeester bv"}, "“Spiekmeester BV” en \u2068Spiekmeester\u00a0BV\u2069", "“#” en #"},
		// In a link's escapes, in HTML references, with umlauts spelled out.
		{[]string{"geheim.team@x.example", "Bäckerei Ünal"}, "zie mailto:geheim.team%40x.example, ?q=B%C3%A4ckerei%20%C3%9Cnal en B&auml;ckerei &#220;nal", "zie mailto:#, ?q=# en #"},
		{[]string{"Bäckerei Ünal"}, "Baeckerei Uenal bv", "# bv"},
		{[]string{"ab", "abc", "abd"}, "ABD abc ab a", "# # # a"},
		{[]string{"Camera's Noord"}, "de cameras-\u00a0NOORD, de camera\u2019s noord.", "de #, de #."},
		{[]string{"cam geheim"}, "zie \"cam\\tgeheim\"", "zie \"#\""},
		// Letters written as others (compat.go): full-width, with a
		// full-width hyphen between; mathematical; a ligature, which is
		// two letters in one rune.
		{[]string{"cam-noord"}, "de \uff23\uff41\uff4d\uff0d\uff2e\uff4f\uff4f\uff52\uff44.", "de #."},
		{[]string{"acme"}, "door \U0001d400\U0001d402\U0001d40c\U0001d404 geleverd", "door # geleverd"},
		{[]string{"finder"}, "de \ufb01nder en de finder", "de # en de #"},
		{[]string{"\uff21\uff23\uff2d\uff25"}, "door Acme", "door #"},
		// A letter without its diacritic, or with one the secret has not,
		// composed or decomposed (the marks after a letter go with it),
		// and a stroked letter without its stroke. A short secret is told
		// by its letters, a diacritic counted as a byte: "Zoe" is three,
		// "Zoë" four.
		{[]string{"Coöperatie Zuid"}, "door Cooperatie-Zuid en Coo\u0308peratie ZUID.", "door # en #."},
		{[]string{"Societe"}, "de Socie\u0301te\u0301 bv", "de # bv"},
		{[]string{"\u0141\u00f3d\u017a"}, "naar Lodz", "naar #"},
		{[]string{"Zo\u00eb"}, "Zoe, Zoella, Zo\u00eblla, Zoe\u0308lla", "#, Zoella, #, #"},
		// Cyrillic and Greek letters drawn as Latin ones.
		{[]string{"kluisbouw"}, "door \u041alui\u0455b\u043euw", "door #"},
		{[]string{"acme"}, "door \u0391\u0421\u039c\u0395", "door #"},
		// Digits of other scripts: Arabic-Indic, Devanagari, Thai.
		{[]string{"06-12345678"}, "bel \u0660\u0666-\u0967\u0968\u0e53\u0e54\u0665\u0666\u096d\u096e", "bel #"},
	}
	for _, tt := range tests {
		if got := newFoldIndex(tt.secrets).replace(tt.text, "#"); got != tt.want {
			t.Errorf("replace(%q) with %q = %q, want %q", tt.text, tt.secrets, got, tt.want)
		}
	}
}

// TestTextIndexReadsLettersWrittenAsOthers: the index that searches the
// records' free texts finds a secret written in letters that stand for
// its own or are drawn alike (compat.go), and replaces the stretch of the
// text they take, whole words as always; a text without such letters is
// left as it is.
func TestTextIndexReadsLettersWrittenAsOthers(t *testing.T) {
	tests := []struct {
		name       string
		secrets    []string
		text, want string
	}{
		{"full-width", []string{"Kluisbouw Noord"}, "Gebouwd door \uff2b\uff4c\uff55\uff49\uff53\uff42\uff4f\uff55\uff57 \uff2e\uff4f\uff4f\uff52\uff44.", "Gebouwd door #."},
		{"full-width digits and point", []string{"52.234567"}, "Op \uff15\uff12\uff0e\uff12\uff13\uff14\uff15\uff16\uff17 noord", "Op # noord"},
		{"mathematical bold", []string{"acme"}, "door \U0001d400\U0001d402\U0001d40c\U0001d404.", "door #."},
		{"a ligature", []string{"finder"}, "de \ufb01nder en de Finder", "de # en de #"},
		{"circled", []string{"cam-12"}, "zie \u24b8\u24b6\u24c2-\u2460\u2461", "zie #"},
		{"a short secret as a whole word only", []string{"X-12"}, "type \uff38\uff11\uff12 en \uff41\uff38\uff11\uff12", "type # en \uff41\uff38\uff11\uff12"},
		{"the secret itself in full-width", []string{"\uff21\uff23\uff2d\uff25 BV"}, "door Acme BV", "door #"},
		{"beside a secret written as it is", []string{"acme"}, "acme en \uff41\uff43\uff4d\uff45", "# en #"},
		{"Cyrillic letters drawn as Latin ones", []string{"Kluisbouw Noord"}, "door \u041alui\u0455b\u043euw N\u043e\u043erd", "door #"},
		{"Greek capitals", []string{"ACME"}, "door \u0391\u0421\u039c\u0395 bv", "door # bv"},
		{"a Russian word that is no secret", []string{"acme"}, "\u043a\u0430\u043c\u0435\u0440\u0430", "\u043a\u0430\u043c\u0435\u0440\u0430"},
		{"letters with diacritics that are no secret", []string{"acme"}, "caf\u00e9 en cafe\u0301", "caf\u00e9 en cafe\u0301"},
		{"a letter without its diacritic", []string{"Coöperatie Zuid"}, "door Cooperatie Zuid.", "door #."},
		{"a letter with a diacritic the secret has not", []string{"Cooperatie Zuid"}, "door Coöperatie Zuid.", "door #."},
		{"a decomposed diacritic goes with its letter", []string{"Societe"}, "de Socie\u0301te\u0301 bv", "de # bv"},
		{"a stroked letter without its stroke", []string{"\u0141\u00f3d\u017a"}, "naar Lodz en L\u00f3dz", "naar # en #"},
		{"a ligature and a sharp s as their letters", []string{"\u00c6r\u00f8 Stra\u00dfe"}, "naar AERO STRASSE.", "naar #."},
		{"Arabic-Indic digits", []string{"52.234567"}, "Op \u0665\u0662.\u0662\u0663\u0664\u0665\u0666\u0667 noord", "Op # noord"},
		{"Devanagari and Thai digits", []string{"AB-123-C"}, "kenteken AB-\u0967\u0e52\u0969-C.", "kenteken #."},
		{"digits of another script that are no secret", []string{"AB-123-C"}, "kenteken AB-\u0967\u0e52\u0968-C.", "kenteken AB-\u0967\u0e52\u0968-C."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newTextIndex(tt.secrets)
			if got := x.replace(tt.text, "#"); got != tt.want {
				t.Errorf("replace(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if got, want := x.contains(tt.text), tt.want != tt.text; got != want {
				t.Errorf("contains(%q) = %v, want %v", tt.text, got, want)
			}
		})
	}
}

// TestDigitOfEveryScript: every decimal digit Unicode has beyond ASCII is
// read as its ASCII digit: those whose compatibility decomposition is one
// (full-width, mathematical) as that, the others as the digit they are in
// their script's run from its zero; ASCII digits and other runes are
// written as themselves.
func TestDigitOfEveryScript(t *testing.T) {
	var runs [][2]rune
	for _, rg := range unicode.Nd.R16 {
		runs = append(runs, [2]rune{rune(rg.Lo), rune(rg.Hi)})
	}
	for _, rg := range unicode.Nd.R32 {
		runs = append(runs, [2]rune{rune(rg.Lo), rune(rg.Hi)})
	}
	n := 0
	for _, run := range runs {
		for r := run[0]; r <= run[1]; r++ {
			d, ok := digitOf(r)
			if r < utf8.RuneSelf {
				if ok {
					t.Errorf("digitOf(%q) = %q: ASCII is written as itself", r, d)
				}
				continue
			}
			n++
			if !ok || d < '0' || d > '9' {
				t.Errorf("digitOf(%U) = %q, %v", r, d, ok)
				continue
			}
			if k := norm.NFKD.String(string(r)); len(k) == 1 && k[0] != d {
				t.Errorf("digitOf(%U) = %q, its decomposition %q", r, d, k)
			}
		}
	}
	if n < 600 {
		t.Errorf("only %d digits of other scripts tried", n)
	}
	for r, want := range map[rune]byte{'\u0663': '3', '\u0969': '3', '\u0e53': '3', '\uff19': '9', '\U0001d7d7': '9', '\u0f29': '9'} {
		if d, ok := digitOf(r); !ok || d != want {
			t.Errorf("digitOf(%U) = %q, %v, want %q", r, d, ok, want)
		}
	}
	for _, r := range []rune{'3', 'a', '\u00b2', '\u2163', '\u4e09'} { // ASCII, a letter, ², Ⅳ, 三
		if d, ok := digitOf(r); ok {
			t.Errorf("digitOf(%U) = %q: no decimal digit", r, d)
		}
	}
}

// TestSeparatorsBeforeFirstOther: the separators and invisible characters
// told apart without the tables are those the tables hold.
func TestSeparatorsBeforeFirstOther(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= firstOther; r++ {
		if got, want := separatorRune(r), unicode.Is(separatorTable, r); got != want {
			t.Errorf("separatorRune(%U) = %v, the table says %v", r, got, want)
		}
		if got, want := invisibleRune(r), unicode.Is(record.Invisible, r); got != want {
			t.Errorf("invisibleRune(%U) = %v, the table says %v", r, got, want)
		}
	}
}

// TestTextIndexReadsEscapesAndSpelledUmlauts: a secret written in a link's
// escapes (UTF-8, Latin-1, escaped twice), in HTML character references,
// or with its umlauts spelled out, is found, and the stretch of the text
// it takes, escapes and all, is replaced; a text that only shares a word
// with one is left as it is.
func TestTextIndexReadsEscapesAndSpelledUmlauts(t *testing.T) {
	x := newTextIndex([]string{"Müllerbau Zeta", "Bewaking Grünwald Süd", "geheim.team@heidebeek.example"})
	tests := []struct{ text, want string }{
		{"https://x.example/leveranciers/M%C3%BCllerbau-Zeta", "https://x.example/leveranciers/#"},
		{"https://x.example/besluiten?q=Bewaking+Gr%C3%BCnwald+S%C3%BCd&x=1", "https://x.example/besluiten?q=#&x=1"},
		{"/M%FCllerbau%20Zeta.pdf", "/#.pdf"},
		{"?q=M%25C3%25BCllerbau%2520Zeta", "?q=#"},
		{"M&uuml;llerbau Zeta levert, M&#252;llerbau Zeta ook", "# levert, # ook"},
		{"Muellerbau Zeta levert, MUELLERBAU ZETA ook; Gruenwald Sued niet", "# levert, # ook; Gruenwald Sued niet"},
		{"mailto:geheim.team%40heidebeek.example", "mailto:#"},
		{"https://x.example/?q=Zeta%20Systems&amp;p=2, Mueller", "https://x.example/?q=Zeta%20Systems&amp;p=2, Mueller"},
	}
	for _, tt := range tests {
		if got := x.replace(tt.text, "#"); got != tt.want {
			t.Errorf("replace(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if got := x.contains(tt.text); got != (tt.want != tt.text) {
			t.Errorf("contains(%q) = %v", tt.text, got)
		}
	}
}

// switched_off names capabilities the record lists: withheld alone, its
// values are no secret of capabilities, which shows what the sensor can
// do but not what is off. Withheld capabilities are still quoted by a
// switched_off that shows them.
func TestSwitchedOffWithheldAloneIsNoQuote(t *testing.T) {
	for _, tt := range []struct {
		name     string
		withheld []any
		quoted   bool
	}{
		{"switched_off withheld, capabilities shown", []any{"switched_off"}, false},
		{"capabilities withheld, switched_off shown", []any{"capabilities"}, true},
		{"both withheld", []any{"capabilities", "switched_off"}, false},
	} {
		raw := map[string]any{"id": "cam", "kind": "sensor", "capabilities": []any{"video_recording", "live_viewing"},
			"switched_off": []any{"live_viewing"}, "publication": map[string]any{"withheld": tt.withheld, "reason": "Woo"}}
		if got := len(Check(raw, record.Sensor)) > 0; got != tt.quoted {
			t.Errorf("%s: quoted %v, want %v: %v", tt.name, got, tt.quoted, Check(raw, record.Sensor))
		}
	}
}
