package publish

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldIndex finds secrets in a text whatever their case, by the first two
// letters of each (case folded), so a text is not searched once per secret
// of a large register. Every free text of every record is searched for
// every withheld value of the register, so at each place a bit set of the
// secrets' first two letters rules out almost every place before a map
// is looked in.
type foldIndex struct {
	pairs  [1 << 16 / 64]uint64 // bit pairBit(pair) set for each secret's first two letters
	byPair map[[2]rune][]string
	short  []string // secrets of one letter
}

// newFoldIndex returns the index of secrets; nil, which finds nothing,
// when there are none: most records withhold nothing, and an index is a
// bit set of 8 KB.
func newFoldIndex(secrets []string) *foldIndex {
	if len(secrets) == 0 {
		return nil
	}
	x := &foldIndex{byPair: map[[2]rune][]string{}}
	for _, v := range secrets {
		if v == "" {
			continue
		}
		r0, n := utf8.DecodeRuneInString(v)
		if n == len(v) {
			x.short = append(x.short, v)
			continue
		}
		r1, _ := utf8.DecodeRuneInString(v[n:])
		k := [2]rune{foldRune(r0), foldRune(r1)}
		x.byPair[k] = append(x.byPair[k], v)
		b := pairBit(k)
		x.pairs[b/64] |= 1 << (b % 64)
	}
	return x
}

func pairBit(k [2]rune) uint32 { return (uint32(k[0])*31 + uint32(k[1])) * 2654435761 >> 16 }

// foldRune returns one rune for all the runes that are the same letter in
// another case: the smallest of r's Unicode simple case folding orbit ('K',
// 'k' and the Kelvin sign give 'K').
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		// ASCII, the bulk of every text: a letter's orbit is its two
		// cases, but for k and s, whose others (the Kelvin sign, the
		// long s) are larger; the upper case is the smallest.
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// prefixFold returns how many bytes at the start of s spell v in any case,
// or 0. It compares rune by rune, so a letter whose other case is longer
// or shorter in UTF-8 (the Kelvin sign and k) keeps the offsets in s right.
func prefixFold(s, v string) int {
	i := 0
	for _, vr := range v {
		if i >= len(s) {
			return 0
		}
		sr, n := utf8.DecodeRuneInString(s[i:])
		if sr != vr && foldRune(sr) != foldRune(vr) {
			return 0
		}
		i += n
	}
	return i
}

// next returns the place of the first secret in s at or after i, and the
// end of the longest secret there; -1 when there is none.
func (x *foldIndex) next(s string, i int) (at, end int) {
	for i < len(s) {
		r0, n := rune(s[i]), 1
		if r0 >= utf8.RuneSelf {
			r0, n = utf8.DecodeRuneInString(s[i:])
		}
		end := -1
		if i+n < len(s) {
			r1 := rune(s[i+n])
			if r1 >= utf8.RuneSelf {
				r1, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			k := [2]rune{foldRune(r0), foldRune(r1)}
			if b := pairBit(k); x.pairs[b/64]&(1<<(b%64)) != 0 {
				for _, v := range x.byPair[k] {
					if m := prefixFold(s[i:], v); m > 0 {
						end = max(end, i+m)
					}
				}
			}
		}
		for _, v := range x.short {
			if m := prefixFold(s[i:], v); m > 0 {
				end = max(end, i+m)
			}
		}
		if end >= 0 {
			return i, end
		}
		i += n
	}
	return -1, -1
}

// contains reports whether s holds a secret, in any case.
func (x *foldIndex) contains(s string) bool {
	if x == nil {
		return false
	}
	at, _ := x.next(s, 0)
	return at >= 0
}

// replace returns s with every stretch that any secret covers, in any case,
// replaced by with. Stretches of overlapping or adjacent secrets become one
// replacement, so no part of either is left between them.
func (x *foldIndex) replace(s, with string) string {
	if x == nil {
		return s
	}
	start, end := x.next(s, 0)
	if start < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for start >= 0 {
		// Grow the stretch while a secret starts inside it or where it
		// ends.
		for i := start; ; {
			_, n := utf8.DecodeRuneInString(s[i:])
			a, e := x.next(s, i+n)
			if a < 0 || a > end {
				break
			}
			i, end = a, max(end, e)
		}
		b.WriteString(s[last:start])
		b.WriteString(with)
		last = end
		start, end = x.next(s, end)
	}
	b.WriteString(s[last:])
	return b.String()
}
