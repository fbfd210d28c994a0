package publish

import (
	"strings"
	"testing"
)

// FuzzSecretSearch: whatever the text and the secret, written in letters
// of any kind (compat.go), scrubbing a text leaves no quote of the secret
// in it that the index would find, and never panics; for both indexes,
// that of the records' free texts (textIndex) and that of findings,
// reasons and subjects (foldIndex).
func FuzzSecretSearch(f *testing.F) {
	for _, seed := range [][2]string{
		{"Kluisbouw Noord", "Gebouwd door Ｋｌｕｉｓｂｏｕｗ Ｎｏｏｒｄ."},
		{"finder", "de ﬁnder en de Finder"},
		{"X-12", "type Ｘ１２ en ａＸ１２"},
		{"52.234567", "Op ５２．２３４５６７ noord"},
		{"ＡＣＭＥ BV", "door Acme BV, \xffacme\u0301"},
		{"cam", "ⒸⒶⓂ-①② ㍱"},
		{"Kluisbouw", "door Кluiѕbоuw, Καμερα"},
		{"Müllerbau Zeta", "M%C3%BCllerbau-Zeta, M%FCllerbau%2520Zeta en M&uuml;llerbau &#90;eta"},
		{"a@b.example", "mailto:a%40b.example%2 &amp;"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, secret, text string) {
		if strings.ContainsRune(secret, '#') || len(secret) > 32 || len(text) > 128 {
			t.Skip()
		}
		for name, x := range map[string]interface {
			contains(string) bool
			replace(s, with string) string
		}{"textIndex": newTextIndex([]string{secret}), "foldIndex": newFoldIndex([]string{secret})} {
			got := x.replace(text, "#")
			if x.contains(got) {
				t.Errorf("%s: replace(%q) with %q = %q, which still quotes it", name, text, secret, got)
			}
			if x.contains(text) == (got == text) {
				t.Errorf("%s: contains(%q) with %q = %v, but replace gave %q", name, text, secret, x.contains(text), got)
			}
		}
	})
}
