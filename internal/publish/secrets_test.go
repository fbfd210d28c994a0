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
