package publish

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldIndex finds secrets in a text whatever their case, and whatever the
// separators between their words (separators.go). Every free text
// of every record is searched for every withheld value of the register, so
// at each place of a text a bit set of the secrets' first two letters rules
// out almost every place before a map is looked in, and the secrets that
// begin with those two letters are searched by halves, not one by one: in
// a register of 100,000 records a few thousand ids of records that are not
// public begin alike ("ca"), and comparing each place with each of them
// made a build's search for secrets grow with the square of the register.
type foldIndex struct {
	pairs  [1 << 16 / 64]uint64 // bit pairBit(pair) set for each secret's first two letters
	byPair map[[2]rune][]string // the secrets case folded (foldText), sorted, each once
	short  []string             // secrets of one letter, case folded
}

// newFoldIndex returns the index of secrets; nil, which finds nothing,
// when there are none: most records withhold nothing, and an index is a
// bit set of 8 KB.
func newFoldIndex(secrets []string) *foldIndex {
	if len(secrets) == 0 {
		return nil
	}
	x := &foldIndex{byPair: map[[2]rune][]string{}}
	var forms []string
	for _, v := range secrets {
		forms = appendWrittenForms(forms, v)
	}
	for _, v := range forms {
		if v = string(fold(v, nil)); v == "" {
			// Separators only: no secret.
			continue
		}
		r0, n := utf8.DecodeRuneInString(v)
		if n == len(v) {
			x.short = append(x.short, v)
			continue
		}
		r1, _ := utf8.DecodeRuneInString(v[n:])
		k := [2]rune{r0, r1}
		x.byPair[k] = append(x.byPair[k], v)
		b := pairBit(k)
		x.pairs[b/64] |= 1 << (b % 64)
	}
	for k, vs := range x.byPair {
		slices.Sort(vs)
		x.byPair[k] = slices.Compact(vs)
	}
	return x
}

func pairBit(k [2]rune) uint32 { return (uint32(k[0])*31 + uint32(k[1])) * 2654435761 >> 16 }

// foldedText is a text case folded rune by rune (foldRune), without the
// separators between its words (separators.go), and where each of its
// bytes came from in the text: a letter's cases may differ in length (the
// Kelvin sign, three bytes, folds to K), so a place found in the folded
// text is mapped back.
type foldedText struct {
	f  []byte
	at []int32 // the text's offset of the rune of each byte of f
	s  string  // the text
}

// foldText folds s into buf (a caller's room). A byte that is not UTF-8
// folds as the replacement character, as it decodes.
func foldText(s string, buf []byte) foldedText {
	return foldInto(s, buf, make([]int32, 0, len(s)))
}

// fold is foldText without where each byte came from, for a text that is
// only searched (or is a secret), not replaced in: no table of offsets the
// size of the text to make.
func fold(s string, buf []byte) []byte { return foldInto(s, buf, nil).f }

// foldInto folds s into buf, and into at where each byte came from when
// at is not nil.
func foldInto(s string, buf []byte, at []int32) foldedText {
	b := buf[:0]
	escaped := false
	skip := 0 // bytes of a link's escape still to pass
	var compat [4 * utf8.UTFMax]byte
	for i, r := range s {
		if skip > 0 {
			skip -= utf8.RuneLen(r)
			continue
		}
		if escaped {
			escaped = false
			continue
		}
		if separatorRune(r) {
			continue
		}
		if r == '%' && escapedSeparator(s, i) > 0 {
			skip = 2
			continue
		}
		if r == '\\' && i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == 't' || s[i+1] == 'r') {
			// A finding may quote a text as Go quotes it ("a\tb"):
			// the escape of white space is white space.
			escaped = true
			continue
		}
		n := len(b)
		if r < utf8.RuneSelf {
			// ASCII, the bulk of every text.
			b = append(b, byte(foldRune(r)))
		} else if c, ok := compatRune(r, compat[:0]); ok {
			// A letter written as another (compat.go): folded as the
			// letters it is written as.
			for _, cr := range string(c) {
				if !separatorRune(cr) {
					b = utf8.AppendRune(b, foldRune(cr))
				}
			}
		} else {
			b = utf8.AppendRune(b, foldRune(r))
		}
		if at != nil {
			for range len(b) - n {
				at = append(at, int32(i))
			}
		}
	}
	return foldedText{f: b, at: at, s: s}
}

// orig is the offset in the text of the folded text's byte i; of its end
// when i is len(f).
func (t foldedText) orig(i int) int {
	if i >= len(t.at) {
		return len(t.s)
	}
	return int(t.at[i])
}

// origEnd is the offset in the text just after the rune of the folded
// text's byte i-1, and the marks after it (afterMarks): where a stretch
// of f that ends at i ends in the text, without the separators after it.
func (t foldedText) origEnd(i int) int {
	if i == 0 {
		return 0
	}
	o := int(t.at[i-1])
	_, n := utf8.DecodeRuneInString(t.s[o:])
	return afterMarks(t.s, o+n)
}

// longest returns the length of the longest of the sorted secrets that t
// begins with, or 0. The greatest secret up to t is that one when t begins
// with it; when not, and it has the first l bytes of t in common, every
// secret t begins with sorts before it and is no longer than l bytes, so
// the search goes on below it for the first l bytes of t.
func longest(sorted []string, t []byte) int {
	for {
		// The first secret from t on (string(t) in a comparison is not a
		// copy).
		lo := sort.Search(len(sorted), func(h int) bool { return sorted[h] >= string(t) })
		if lo < len(sorted) && sorted[lo] == string(t) {
			return len(t)
		}
		if lo == 0 {
			return 0
		}
		c := sorted[lo-1]
		l := 0
		for l < len(c) && l < len(t) && c[l] == t[l] {
			l++
		}
		if l == len(c) {
			return l
		}
		sorted, t = sorted[:lo-1], t[:l]
	}
}

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

// next returns the place of the first secret in the folded text t at or
// after i, and the end of the longest one there; -1 when there is none.
// A secret of fewer than four bytes counts only as a whole word: "FR" is
// no quote in "infrastructuur".
func (x *foldIndex) next(t foldedText, i int) (at, end int) {
	f := t.f
	for i < len(f) {
		r0, n := rune(f[i]), 1
		if r0 >= utf8.RuneSelf {
			r0, n = utf8.DecodeRune(f[i:])
		}
		end := -1
		if i+n < len(f) {
			r1 := rune(f[i+n])
			if r1 >= utf8.RuneSelf {
				r1, _ = utf8.DecodeRune(f[i+n:])
			}
			k := [2]rune{r0, r1}
			if b := pairBit(k); x.pairs[b/64]&(1<<(b%64)) != 0 {
				// The longest secret here that counts, shorter ones
				// where a longer one does not.
				for m := longest(x.byPair[k], f[i:]); m > 0; m = longest(x.byPair[k], f[i:i+m-1]) {
					if t.counts(i, i+m) {
						end = i + m
						break
					}
				}
			}
		}
		for _, v := range x.short {
			if len(f)-i >= len(v) && string(f[i:i+len(v)]) == v && t.counts(i, i+len(v)) {
				end = max(end, i+len(v))
			}
		}
		if end >= 0 {
			return i, end
		}
		i += n
	}
	return -1, -1
}

// counts reports whether the secret found at t.f[i:end] is one: four
// bytes or more (letters), or a whole word of the text; any, where t
// does not know where its bytes came from (a first look, fold).
func (t foldedText) counts(i, end int) bool {
	if end-i >= 4 || t.at == nil {
		return true
	}
	if t.letters(i, end) >= 4 {
		return true
	}
	from, to := t.orig(i), t.origEnd(end)
	return wordFrom(t.s, from) == from && wordTo(t.s, to) == to
}

// letters is the length of the secret found at t.f[i:end] as a short one
// is told by: its folded bytes, and one for each diacritic folding left
// out ("Zoë" is four, as Unicode composes it, and so is "Zoe" with a
// diaeresis after the e; "Zoe" is three).
func (t foldedText) letters(i, end int) int {
	n, last := end-i, -1
	for k := i; k < end; k++ {
		o := int(t.at[k])
		if o == last {
			continue
		}
		last = o
		r, size := utf8.DecodeRuneInString(t.s[o:])
		if r >= utf8.RuneSelf {
			n += writtenOf(r).marks // none for a lookalike or a letter of typedAs
		}
		// The marks written after it (a decomposed text).
		n += utf8.RuneCountInString(t.s[o+size : afterMarks(t.s, o+size)])
	}
	return n
}

// contains reports whether s holds a secret, in any case.
func (x *foldIndex) contains(s string) bool {
	if x == nil {
		return false
	}
	// Most texts hold no secret: a first look without the offsets a
	// short secret's word test needs rules them out.
	var room [256]byte
	at, end := x.next(foldInto(s, room[:0], nil), 0)
	if at >= 0 && end-at >= 4 {
		return true
	}
	if at >= 0 {
		var where [256]int32
		if at, _ = x.next(foldInto(s, room[:0], where[:0]), 0); at >= 0 {
			return true
		}
	}
	return len(escapedSpans(s, x)) > 0
}

// replace returns s with every stretch that any secret covers, in any case,
// replaced by with. Stretches of overlapping or adjacent secrets become one
// replacement, so no part of either is left between them.
func (x *foldIndex) replace(s, with string) string {
	if x == nil {
		return s
	}
	return replaceFound(s, with, x)
}

// foldIndexes are indexes searched as one: a record's own secrets beside
// the register's, without an index of both made for each record (of
// thousands of names at 100,000 records, it was half a build's CPU).
type foldIndexes []*foldIndex

// next is foldIndex.next over every index: the first place any secret
// begins at, and the end of the longest there.
func (xs foldIndexes) next(t foldedText, i int) (at, end int) {
	at, end = -1, -1
	for _, x := range xs {
		if x == nil {
			continue
		}
		switch a, e := x.next(t, i); {
		case a < 0:
		case at < 0 || a < at:
			at, end = a, e
		case a == at:
			end = max(end, e)
		}
	}
	return at, end
}

// replace is foldIndex.replace with the secrets of every index.
func (xs foldIndexes) replace(s, with string) string { return replaceFound(s, with, xs) }

// replaceFound is replace with what finder finds. A stretch is widened
// to the whole words it touches: a secret found inside a word ("FR" in
// "infrastructuur") replaced on its own would leave the rest of the word
// to tell what it was.
func replaceFound(s, with string, x finder) string {
	s = replaceFoundAsWritten(s, with, x)
	return replaceSpans(s, with, escapedSpans(s, x))
}

// finder finds secrets in a folded text (foldIndex, foldIndexes).
type finder interface {
	next(t foldedText, i int) (at, end int)
}

// escapedSpans returns the stretches of s whose escapes, decoded
// (escapedOf), hold what x finds: the whole words of s they take,
// escapes and all.
func escapedSpans(s string, x finder) [][2]int {
	e, ok := escapedOf(s)
	if !ok {
		return nil
	}
	t := foldText(e.s, nil)
	var spans [][2]int
	for at, end := x.next(t, 0); at >= 0; {
		a, b := e.span(t.orig(at), t.origEnd(end))
		spans = append(spans, [2]int{wordFrom(s, a), wordTo(s, b)})
		_, n := utf8.DecodeRune(t.f[at:])
		at, end = x.next(t, at+n)
	}
	return spans
}

// replaceFoundAsWritten is replaceFound in the text as it is written.
func replaceFoundAsWritten(s, with string, x finder) string {
	var room [256]byte
	t := foldText(s, room[:0])
	start, end := x.next(t, 0)
	if start < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for start >= 0 {
		from, to := max(wordFrom(s, t.orig(start)), last), wordTo(s, t.origEnd(end))
		// Grow the stretch while a secret starts inside it or where it
		// ends.
		for i := start; ; {
			_, n := utf8.DecodeRune(t.f[i:])
			a, e := x.next(t, i+n)
			if a < 0 || t.orig(a) > to {
				// Secrets apart in the text, if only by a space, stay
				// two.
				start, end = a, e
				break
			}
			i, to = a, max(to, wordTo(s, t.origEnd(e)))
		}
		b.WriteString(s[last:from])
		b.WriteString(with)
		last = to
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordFrom returns where the word that s[i:] begins inside begins: i, when
// none runs on into it from before.
func wordFrom(s string, i int) int {
	if i >= len(s) {
		return i
	}
	if here, _ := utf8.DecodeRuneInString(s[i:]); !wordRune(here) {
		return i
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !wordRune(r) {
			break
		}
		i -= n
	}
	return i
}

// wordTo returns where the word that s[:i] ends inside ends: i, when none
// runs on from it.
func wordTo(s string, i int) int {
	if i == 0 {
		return i
	}
	if last, _ := utf8.DecodeLastRuneInString(s[:i]); !wordRune(last) {
		return i
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			break
		}
		i += n
	}
	return i
}

// wordRune reports whether r is part of a word: a letter, a digit, a mark
// on a letter, or an invisible mark inside a word (a soft hyphen, a
// zero-width space).
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || invisibleRune(r)
}
