package publish

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// textIndex finds secrets of four bytes or more in the free texts of
// records, on every build in every text of the register, so it must cost
// little more than reading them. At each place of a text a bit set of the
// secrets' first four bytes, case folded, rules out almost every place;
// where it does not, the secrets that begin with those four bytes are
// looked up whole, one lookup per length among them, so a register of
// thousands of ids that share a beginning ("afvalroute-1", ...) is not
// compared one by one.
//
// ASCII letters match in either case; another letter matches as written,
// in lower case or in upper case ("Café", "café", "CAFÉ"). A secret is a
// quote only as a whole word: "afvalroute-22" is no quote in
// "afvalroute-224", nor "1234" in "12345".
type textIndex struct {
	heads [1 << headBits / 64]uint64
	// ends has a bit for each secret's first four bytes, last four
	// bytes and length together: a place whose first four bytes begin
	// a secret rarely holds one, and is mostly ruled out here.
	ends   [1 << headBits / 64]uint64
	byHead map[uint32]*textBucket
}

// textBucket holds the folded secrets that begin alike, and their lengths,
// longest first.
type textBucket struct {
	lens []int
	set  map[string]bool
}

func newTextIndex(secrets []string) *textIndex {
	x := &textIndex{byHead: map[uint32]*textBucket{}}
	for _, s := range secrets {
		forms := []string{s}
		if !isASCII(s) {
			// Folding bytes covers the case of ASCII letters only.
			forms = append(forms, strings.ToLower(s), strings.ToUpper(s))
		}
		for _, form := range forms {
			f := foldASCII(form)
			if len(f) < 4 {
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

// headBits is the size of the bit set of heads: 32 KB, with few places
// let through by chance for the thousands of heads a large register has.
const headBits = 18

// at returns the length of the longest secret that stands as a word at
// s[i:], or 0; buf is scratch space.
func (x *textIndex) at(s string, i int, buf *[]byte) int {
	if i+4 > len(s) || i > 0 && wordByte(s[i-1]) && wordByte(s[i]) {
		return 0
	}
	k := head4(s, i)
	if h := headBit(k); x.heads[h/64]&(1<<(h%64)) == 0 {
		return 0
	}
	b := x.byHead[k]
	if b == nil {
		return 0
	}
	for _, n := range b.lens {
		end := i + n
		if end > len(s) || end < len(s) && wordByte(s[end-1]) && wordByte(s[end]) {
			continue
		}
		if e := endBit(k, head4(s, end-4), n); x.ends[e/64]&(1<<(e%64)) == 0 {
			continue
		}
		*buf = appendFolded((*buf)[:0], s[i:end])
		if b.set[string(*buf)] {
			return n
		}
	}
	return 0
}

// contains reports whether s quotes a secret. The four bytes at each
// place roll along the text, a byte at a time, and most places end at the
// bit set.
func (x *textIndex) contains(s string) bool {
	if len(s) < 4 {
		return false
	}
	var buf []byte
	k := uint32(lower[s[0]])<<8 | uint32(lower[s[1]])<<16 | uint32(lower[s[2]])<<24
	for i := 0; i+4 <= len(s); i++ {
		k = k>>8 | uint32(lower[s[i+3]])<<24
		if h := headBit(k); x.heads[h/64]&(1<<(h%64)) != 0 && x.at(s, i, &buf) > 0 {
			return true
		}
	}
	return false
}

// replace returns s with each stretch that quotes secrets replaced by
// with: secrets that overlap or meet make one stretch, so nothing of
// either is left between.
func (x *textIndex) replace(s, with string) string {
	var buf []byte
	var b strings.Builder
	last := 0
	for i := 0; i+4 <= len(s); {
		n := x.at(s, i, &buf)
		if n == 0 {
			i++
			continue
		}
		end := i + n
		for j := i + 1; j <= end && j+4 <= len(s); j++ {
			if m := x.at(s, j, &buf); m > 0 {
				end = max(end, j+m)
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(with)
		i, last = end, end
	}
	if last == 0 {
		return s
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
