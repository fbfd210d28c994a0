package publish

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkFoldIndex searches a finding's text for the secrets of a
// register of 10,000 and 100,000 records: the ids and names of the records
// that are not public, which begin alike. The time a text takes should
// hardly grow with the register (the secrets are searched by halves).
func BenchmarkFoldIndex(b *testing.B) {
	const text = "De camera cam-toezicht-markt heeft geen evaluatie; camerabeelden van de Camera Markt worden 28 dagen bewaard."
	for _, records := range []int{10000, 100000} {
		b.Run(fmt.Sprint(records), func(b *testing.B) {
			var secrets []string
			for i := range records / 25 { // some 4 % is not public
				secrets = append(secrets, fmt.Sprintf("cam-%06d", i), fmt.Sprintf("Camera Zuid %d", i))
			}
			x := newFoldIndex(secrets)
			for b.Loop() {
				if x.contains(text) {
					b.Fatal("a secret found where there is none")
				}
			}
		})
	}
}

// BenchmarkScrubWrittenAsOthers scrubs a text of 64 KB written in letters
// that stand for others (compat.go), in full-width letters, in the
// ligature NFKD writes as 18 letters, in letters that each carry thirty
// diacritics after them, and in the digits of Arabic, Hindi and Thai
// keyboards, with both searches: each rune is looked
// up, not normalised anew, and the time grows with the text only.
func BenchmarkScrubWrittenAsOthers(b *testing.B) {
	for name, text := range map[string]string{
		"full-width": strings.Repeat("Ｋａｍｅｒａ ", 64<<10/19),
		"ligature":   strings.Repeat("\ufdfa ", 64<<10/4),
		"diacritics": strings.Repeat("c"+strings.Repeat("\u0301", 30)+"am ", 64<<10/64),
		"digits":     strings.Repeat("\u0660\u0666-\u0967\u0968\u0e53\u0e54 ", 64<<10/18),
	} {
		secrets := []string{"kluisbouw", "cam-12"}
		for index, x := range map[string]interface{ replace(s, with string) string }{
			"text": newTextIndex(secrets), "fold": newFoldIndex(secrets),
		} {
			b.Run(name+"/"+index, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if x.replace(text, "#") != text {
						b.Fatal("a secret found where there is none")
					}
				}
			})
		}
	}
}
