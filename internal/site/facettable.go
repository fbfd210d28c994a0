package site

import (
	"sync"

	"github.com/voorbeeldstad/register/internal/parallel"
)

// allFacets are the facets of every kind, in the order of a facetRow.
var allFacets = [...]string{facetType, facetArea, facetStatus, facetPD, facetCategory, facetAIAct}

// facetAt is the place of the facet f in a facetRow; -1 for a facet that
// is none of allFacets.
func facetAt(f string) int {
	for i, g := range allFacets {
		if g == f {
			return i
		}
	}
	return -1
}

// facetRow is a public record's value of each facet (facetValue) in one
// language: its slug and its words.
type facetRow [len(allFacets)][2]string

// facetTable holds the facetRow of each public record in one language,
// worked out once a build: the lists of each kind and the search index
// ask for them all, and worked out for each, the facets took some 33 ms of
// CPU in a build after one change of 10,000 records. Once those are handed
// out the table lets go of its rows (release): the records' pages, most
// of a build, do not ask for them, and at 100,000 records the two
// languages' rows were 35 MB the collector marked on every cycle.
type facetTable struct {
	mu       sync.Mutex
	rows     []facetRow // by place in builder.public; nil until worked out
	released bool       // rows let go of: an ask works them out again
}

// facetRows returns the facetRow of each public record in lang, in the
// order of b.public, worked out the first time, several records at once;
// worked out anew after the table was released.
func (b *builder) facetRows(lang string) []facetRow {
	t := b.facets[lang]
	if t == nil {
		return b.workOutFacets(lang) // a language the site is not built in: not kept
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.released {
		return b.workOutFacets(lang)
	}
	if t.rows == nil {
		t.rows = b.workOutFacets(lang)
	}
	return t.rows
}

// releaseFacets lets go of every language's facet table: what asked for
// them holds the rows it took until it is done with them.
func (b *builder) releaseFacets() {
	for _, t := range b.facets {
		t.mu.Lock()
		t.rows, t.released = nil, true
		t.mu.Unlock()
	}
}

// workOutFacets works out the facetRow of each public record in lang;
// never nil.
func (b *builder) workOutFacets(lang string) []facetRow {
	rows := make([]facetRow, len(b.public))
	parallel.Each(len(b.public), func(i int) {
		r, row := b.public[i], &rows[i]
		for fi, f := range allFacets {
			row[fi][0], row[fi][1] = facetValue(lang, r, f)
		}
	})
	return rows
}
