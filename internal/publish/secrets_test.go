package publish

import (
	"cmp"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestScrubFindsEverySecret: Scrub, which searches a text once through an
// index of the secrets, gives what searching for every secret in turn
// gives, on random texts over a small alphabet (so secrets overlap, nest
// and meet at the edges of what was replaced), with secrets of every
// length from two bytes.
func TestScrubFindsEverySecret(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte("abcé "[rng.Intn(5)])
		}
		return b.String()
	}
	for range 2000 {
		var hidden []string
		for range rng.Intn(6) {
			hidden = append(hidden, word(2+rng.Intn(6)))
		}
		p := &Public{hidden: hidden}
		text := word(rng.Intn(40))
		secrets := slices.Clone(hidden)
		slices.SortFunc(secrets, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
		want := scrub(text, secrets, NotPublic("nl"))
		if got := p.Scrub(nil, text, "nl"); got != want {
			t.Fatalf("Scrub(%q) with %q = %q, want %q", text, hidden, got, want)
		}
	}
}

// TestFoldIndexCoversEveryOccurrence: foldIndex.replace replaces exactly
// the bytes that some secret covers in some case (as strings.EqualFold
// compares), on random texts over a small alphabet where secrets overlap,
// nest and meet, with a letter whose cases are two bytes each.
func TestFoldIndexCoversEveryOccurrence(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	letters := []string{"a", "A", "b", "B", "é", "É", " "}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(letters[rng.Intn(len(letters))])
		}
		return b.String()
	}
	for range 3000 {
		var secrets []string
		for range rng.Intn(5) {
			secrets = append(secrets, word(1+rng.Intn(4)))
		}
		text := word(rng.Intn(30))
		covered := make([]bool, len(text))
		for _, v := range secrets {
			for i := 0; i+len(v) <= len(text); i++ {
				if strings.EqualFold(text[i:i+len(v)], v) {
					for j := i; j < i+len(v); j++ {
						covered[j] = true
					}
				}
			}
		}
		var want strings.Builder
		for i := 0; i < len(text); i++ {
			if !covered[i] {
				want.WriteByte(text[i])
			} else if i == 0 || !covered[i-1] {
				want.WriteString("#")
			}
		}
		if got := newFoldIndex(secrets).replace(text, "#"); got != want.String() {
			t.Fatalf("replace(%q) with %q = %q, want %q", text, secrets, got, want.String())
		}
	}
}
