package publish

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// textIndex finds secrets in the free texts of records, on every build in every text of the register, so it must cost
// little more than reading them. At each place of a text a bit set of the
// secrets' first four bytes, case folded, rules out almost every place;
// where it does not, the secrets that begin with those four bytes are
// looked up whole, one lookup per length among them, so a register of
// thousands of ids that share a beginning ("afvalroute-1", ...) is not
// compared one by one.
//
// ASCII letters match in either case; another letter matches as written,
// in lower case or in upper case ("Café", "café", "CAFÉ"). Separators
// between words do not count (separators.go): secrets and texts are
// compared as their skeletons, and a secret's four bytes are four of its
// skeleton. A secret is a quote only as a whole word: "afvalroute-22" is
// no quote in "afvalroute-224", nor "1234" in "12345".
//
// A secret whose skeleton is shorter than four bytes ("A-12" is "a12")
// is looked up at the start of each word instead, in a set of its own
// that a register without such secrets does not have.
type textIndex struct {
	heads [1 << headBits / 64]uint64
	// ends has a bit for each secret's first four bytes, last four
	// bytes and length together: a place whose first four bytes begin
	// a secret rarely holds one, and is mostly ruled out here.
	ends   [1 << headBits / 64]uint64
	byHead map[uint32]*textBucket
	short  *shortSecrets
}

// shortSecrets are the skeletons of two or three bytes, and a bit for
// each one's first two bytes.
type shortSecrets struct {
	heads [1 << 16 / 64]uint64
	set   map[string]bool
}

// textBucket holds the secrets' skeletons that begin alike, and their
// lengths, longest first.
type textBucket struct {
	lens []int
	set  map[string]bool
}

func newTextIndex(secrets []string) *textIndex {
	x := &textIndex{byHead: map[uint32]*textBucket{}}
	var forms, written []string
	for _, s := range secrets {
		forms, written = forms[:0], appendWrittenForms(written[:0], s)
		for _, w := range written {
			forms = append(forms, w)
			if !isASCII(w) {
				// Folding bytes covers the case of ASCII letters only.
				forms = append(forms, strings.ToLower(w), strings.ToUpper(w))
			}
		}
		for _, form := range forms {
			f := skeleton(form)
			if len(f) < minSkeleton {
				continue
			}
			if len(f) < 4 {
				x.addShort(f)
				continue
			}
			k := head4(f, 0)
			h := headBit(k)
			x.heads[h/64] |= 1 << (h % 64)
			e := endBit(k, head4(f, len(f)-4), len(f))
			x.ends[e/64] |= 1 << (e % 64)
			b := x.byHead[k]
			if b == nil {
				b = &textBucket{set: map[string]bool{}}
				x.byHead[k] = b
			}
			if !b.set[f] {
				b.set[f] = true
				if !slices.Contains(b.lens, len(f)) {
					b.lens = append(b.lens, len(f))
					slices.SortFunc(b.lens, func(a, b int) int { return b - a })
				}
			}
		}
	}
	return x
}

func (x *textIndex) addShort(f string) {
	if x.short == nil {
		x.short = &shortSecrets{set: map[string]bool{}}
	}
	h := uint16(f[0]) | uint16(f[1])<<8
	x.short.heads[h/64] |= 1 << (h % 64)
	x.short.set[f] = true
}

// headBits is the size of the bit set of heads: 32 KB, with few places
// let through by chance for the thousands of heads a large register has.
const headBits = 18

// scratch is a search's room: the skeleton of a text from a place on, and
// the offset in the text where each of its bytes ends.
type scratch struct {
	sk   []byte
	ends []int
}

// skeleton sets sc to the skeleton of s from i on, at most n bytes of it.
func (sc *scratch) skeleton(s string, i, n int) {
	sc.sk, sc.ends = sc.sk[:0], sc.ends[:0]
	for i < len(s) && len(sc.sk) < n {
		if m := separator(s, i); m > 0 {
			i += m
			continue
		}
		sc.sk = append(sc.sk, lower[s[i]])
		i++
		sc.ends = append(sc.ends, i)
	}
}

// at returns the length in s of the longest secret that stands as a word
// at s[i:], or 0.
func (x *textIndex) at(s string, i int, sc *scratch) int {
	if l := x.longAt(s, i, sc); l > 0 {
		return l
	}
	return x.shortAt(s, i, sc)
}

// wordStart reports whether a word begins at s[i].
func wordStart(s string, i int) bool {
	return i < len(s) && separator(s, i) == 0 && (!wordBefore(s, i) || !wordByte(s[i]))
}

// wordBefore reports whether s[:i] ends in a word: in a letter, a digit or
// a mark on one, before any characters that are not seen. A quotation
// mark, a dash or a bullet ends none.
func wordBefore(s string, i int) bool {
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			return wordByte(c)
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !invisibleRune(r) {
			return wordRune(r)
		}
		i -= n
	}
	return false
}

// wordAfter reports whether s[i:] begins with a word, after any
// characters that are not seen (wordBefore).
func wordAfter(s string, i int) bool {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			return wordByte(c)
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !invisibleRune(r) {
			return wordRune(r)
		}
		i += n
	}
	return false
}

// shortAt returns the length in s of the longest secret of two or three
// bytes that stands as a word at s[i:], or 0.
func (x *textIndex) shortAt(s string, i int, sc *scratch) int {
	if x.short == nil || !wordStart(s, i) {
		return 0
	}
	sc.skeleton(s, i, 3)
	for n := len(sc.sk); n >= 2; n-- {
		end := sc.ends[n-1]
		if wordByte(s[end-1]) && wordAfter(s, end) {
			continue
		}
		if x.short.set[string(sc.sk[:n])] {
			return end - i
		}
	}
	return 0
}

// longAt returns the length in s of the longest secret of four bytes or
// more that stands as a word at s[i:], or 0.
func (x *textIndex) longAt(s string, i int, sc *scratch) int {
	if !wordStart(s, i) {
		return 0
	}
	sc.skeleton(s, i, 4)
	if len(sc.sk) < 4 {
		return 0
	}
	k := head4(string(sc.sk), 0)
	if h := headBit(k); x.heads[h/64]&(1<<(h%64)) == 0 {
		return 0
	}
	b := x.byHead[k]
	if b == nil {
		return 0
	}
	sc.skeleton(s, i, b.lens[0])
	for _, n := range b.lens {
		if n > len(sc.sk) {
			continue
		}
		end := sc.ends[n-1]
		if wordByte(s[end-1]) && wordAfter(s, end) {
			continue
		}
		if e := endBit(k, head4(string(sc.sk[n-4:n]), 0), n); x.ends[e/64]&(1<<(e%64)) == 0 {
			continue
		}
		if b.set[string(sc.sk[:n])] {
			return end - i
		}
	}
	return 0
}

// next returns where the first secret that stands as a word at or after
// from begins in s, and where the longest one there ends; -1 when there is
// none. The four bytes of the skeleton at each place roll along the text,
// a byte at a time, and most places end at the bit set.
func (x *textIndex) next(s string, from int, sc *scratch) (start, end int) {
	var k uint32
	var at [4]int // where the last four bytes of the skeleton are in s
	n := 0
	for i := from; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && asciiSeparator[c] {
			i++
			continue
		} else if c >= utf8.RuneSelf || c == '%' {
			if m := separator(s, i); m > 0 {
				i += m
				continue
			}
		}
		k = k>>8 | uint32(lower[s[i]])<<24
		at[n%4] = i
		n++
		i++
		if n < 4 {
			continue
		}
		p := at[n%4]
		if h := headBit(k); x.heads[h/64]&(1<<(h%64)) != 0 {
			if l := x.longAt(s, p, sc); l > 0 {
				return p, p + l
			}
		}
		if h := uint16(k); x.short != nil && x.short.heads[h/64]&(1<<(h%64)) != 0 {
			if l := x.shortAt(s, p, sc); l > 0 {
				return p, p + l
			}
		}
	}
	// The last three places have too few bytes after them for the roll;
	// a short secret may still stand there.
	for m := max(n-3, 0); x.short != nil && m < n; m++ {
		if l := x.shortAt(s, at[m%4], sc); l > 0 {
			return at[m%4], at[m%4] + l
		}
	}
	return -1, -1
}

// contains reports whether s quotes a secret, as written or with each
// letter written as the letters it stands for (compatOf).
func (x *textIndex) contains(s string) bool {
	var sc scratch
	if start, _ := x.next(s, 0, &sc); start >= 0 {
		return true
	}
	if c, ok := compatOf(s); ok {
		if start, _ := x.next(c.s, 0, &sc); start >= 0 {
			return true
		}
	}
	return x.containsEscaped(s, &sc)
}

// containsEscaped reports whether s quotes a secret in escapes
// (escapedOf), as written or with its letters written as others.
func (x *textIndex) containsEscaped(s string, sc *scratch) bool {
	e, ok := escapedOf(s)
	if !ok {
		return false
	}
	if start, _ := x.next(e.s, 0, sc); start >= 0 {
		return true
	}
	c, ok := compatOf(e.s)
	if !ok {
		return false
	}
	start, _ := x.next(c.s, 0, sc)
	return start >= 0
}

// replace returns s with each stretch that quotes secrets replaced by
// with: secrets that overlap or meet make one stretch, so nothing of
// either is left between. What is left is searched again with each
// letter written as the letters it stands for (compatOf), and the
// stretches found there are replaced in the text.
func (x *textIndex) replace(s, with string) string {
	s = replaceSpans(s, with, x.stretches(s))
	if c, ok := compatOf(s); ok {
		spans := x.stretches(c.s)
		for i, sp := range spans {
			spans[i][0], spans[i][1] = c.span(sp[0], sp[1])
		}
		s = replaceSpans(s, with, spans)
	}
	// What is left, with its escapes decoded (escapedOf): the stretches
	// found there are replaced in the text, escapes and all.
	e, ok := escapedOf(s)
	if !ok {
		return s
	}
	spans := x.stretches(e.s)
	if c, ok := compatOf(e.s); ok {
		for _, sp := range x.stretches(c.s) {
			a, b := c.span(sp[0], sp[1])
			spans = append(spans, [2]int{a, b})
		}
		slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	}
	for i, sp := range spans {
		spans[i][0], spans[i][1] = e.span(sp[0], sp[1])
	}
	return replaceSpans(s, with, spans)
}

// stretches returns the stretches of s that quote secrets, in order,
// those that overlap or meet as one.
func (x *textIndex) stretches(s string) [][2]int {
	var sc scratch
	start, end := x.next(s, 0, &sc)
	var out [][2]int
	for start >= 0 {
		a, e := x.next(s, start+1, &sc)
		for a >= 0 && a <= end {
			end = max(end, e)
			a, e = x.next(s, a+1, &sc)
		}
		out = append(out, [2]int{start, end})
		start, end = a, e
	}
	return out
}

// replaceSpans returns s with the stretches spans, in order, replaced by
// with; stretches that overlap or meet (two a rune of the text was
// written as, compatOf) are replaced as one.
func replaceSpans(s, with string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0 // the end of the stretch replaced last
	for i, sp := range spans {
		if i > 0 && sp[0] <= last {
			last = max(last, sp[1])
			continue
		}
		b.WriteString(s[last:sp[0]])
		b.WriteString(with)
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordByte reports whether c belongs to a word: an ASCII letter or digit,
// or part of a letter beyond ASCII.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

// lower maps each byte to itself, ASCII capitals to small letters.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

func head4(s string, i int) uint32 {
	return uint32(lower[s[i]]) | uint32(lower[s[i+1]])<<8 | uint32(lower[s[i+2]])<<16 | uint32(lower[s[i+3]])<<24
}

func headBit(k uint32) uint32 { return k * 2654435761 >> (32 - headBits) }

func endBit(head, tail uint32, n int) uint32 {
	return (head*2654435761 ^ tail*2246822519 ^ uint32(n)*3266489917) >> (32 - headBits)
}

func appendFolded(buf []byte, s string) []byte {
	for i := range len(s) {
		buf = append(buf, lower[s[i]])
	}
	return buf
}

func foldASCII(s string) string { return string(appendFolded(nil, s)) }

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
