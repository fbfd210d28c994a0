package finding

import "unsafe"

// SharedAt is where the bytes of what a finding shares with others are:
// all but its file, record and position, by the place and length of each
// text, and its severity. Findings that say the same share those bytes
// where they come from one table (the load's, the check cache's), so two
// of them are told alike without reading their texts, hundreds of bytes
// each. Equal texts in bytes of their own have another SharedAt.
type SharedAt struct {
	texts    [9]textAt
	severity Severity
	key      bool
}

// textAt is where a string's bytes are, and how many.
type textAt struct {
	p *byte
	n int
}

// SharedAtOf is where f's shared parts are.
func SharedAtOf(f *Finding) SharedAt {
	return SharedAt{texts: [9]textAt{at(f.Rule), at(f.Principle), at(f.Path),
		at(f.Message[0]), at(f.Message[1]), at(f.Help[0]), at(f.Help[1]), at(f.Law[0]), at(f.Law[1])},
		severity: f.Severity, key: f.Key}
}

func at(s string) textAt {
	if s == "" {
		return textAt{}
	}
	return textAt{unsafe.StringData(s), len(s)}
}
