package publish

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// withheldSince adds to since what the version whose rules are r withholds
// (record.Record.Withheld), each path for any element of a list
// (anyElement): an older version may have held the element at another
// place. nil r withholds nothing known.
func withheldSince(since []string, r *record.Record) []string {
	if r == nil {
		return since
	}
	for _, w := range r.Withheld() {
		if w = anyElement(w); !slices.Contains(since, w) {
			since = append(since, w)
		}
	}
	return since
}

// withholdingAlso returns the rules r that withhold also the paths since, as
// a copy when they add any: a value is shown only when every version from
// when it was written up to now showed it. nil stays nil: no value is
// shown.
func withholdingAlso(r *record.Record, since []string) *record.Record {
	if r == nil {
		return nil
	}
	var more []string
	for _, w := range since {
		if !r.IsWithheld(w) {
			more = append(more, w)
		}
	}
	if len(more) == 0 {
		return r
	}
	out := *r
	p := record.Publication{}
	if r.Publication != nil {
		p = *r.Publication
	}
	p.Withheld = slices.Concat(p.Withheld, more)
	out.Publication = &p
	return &out
}

// anyElement is the withheld path w for any element of a list: without
// its indexes ("datasets.0.url" is "datasets.url"), which record.Covers
// takes for every element.
func anyElement(w string) string { return strings.Join(namedSegs(w), ".") }
