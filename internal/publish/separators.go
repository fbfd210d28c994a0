package publish

import "unicode/utf8"

// A name is written in many ways: "Camera's Geheimhof Noord" is also
// "Cameras Geheimhof Noord", "Camera-Geheimhof-Noord",
// "camera_geheimhof_noord.pdf", "CameraGeheimhofNoord", or broken over two
// lines; "Techniek BV" is also "Techniek B.V.". So secrets are looked for
// with the separators between words left out, of the secret and of the
// text alike: white space of any length, hyphens, underscores, dots and
// apostrophes. Other marks (a slash, a comma, a colon) still count.

// separator returns the length in bytes of the word separator at s[i]
// (of the ways to write one, separatorRune), or 0 when there is none.
func separator(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if asciiSeparator[c] {
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE2 { // the lead bytes of the runes below
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if separatorRune(r) {
		return n
	}
	return 0
}

// separatorRune reports whether r separates words without being one:
// white space, a hyphen, an underscore, a dot or an apostrophe.
func separatorRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSeparator[r]
	}
	switch r {
	case '\u00a0', // no-break space
		'\u2010', '\u2011', // hyphen, non-breaking hyphen
		'\u2018', '\u2019': // the typographic apostrophes
		return true
	}
	return false
}

var asciiSeparator = func() (t [utf8.RuneSelf]bool) {
	for _, c := range " \t\n\r\v\f-_.'" {
		t[c] = true
	}
	return t
}()

// appendSkeleton appends s to buf without its separators, ASCII letters in
// lower case: the form in which a secret is looked for.
func appendSkeleton(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		if n := separator(s, i); n > 0 {
			i += n
			continue
		}
		buf = append(buf, lower[s[i]])
		i++
	}
	return buf
}

func skeleton(s string) string { return string(appendSkeleton(nil, s)) }
