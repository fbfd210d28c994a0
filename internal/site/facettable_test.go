package site

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestFacetTablesLetGoButStillAnswer: once released, a language's facet
// table holds no rows, and an ask after gets the same rows worked out
// again, never none: a search index written late must not lose its facets.
func TestFacetTablesLetGoButStillAnswer(t *testing.T) {
	reg := loadFixture(t, fixture)
	b, err := newBuilder(reg, Options{Now: buildNow}, filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	before := map[string][]facetRow{}
	for _, lang := range b.langs {
		rows := b.facetRows(lang)
		if len(rows) != len(b.public) || len(rows) == 0 {
			t.Fatalf("%s: %d rows for %d public records", lang, len(rows), len(b.public))
		}
		if again := b.facetRows(lang); &again[0] != &rows[0] {
			t.Errorf("%s: the rows were worked out twice before the release", lang)
		}
		before[lang] = rows
	}
	b.releaseFacets()
	for _, lang := range b.langs {
		if b.facets[lang].rows != nil {
			t.Errorf("%s: the table still holds its rows after the release", lang)
		}
		if got := b.facetRows(lang); !reflect.DeepEqual(got, before[lang]) {
			t.Errorf("%s: after the release the rows differ from before", lang)
		}
	}
}

// Every facet the lists and the search index show has its place in a
// facetRow: the search's kind is the record's own, not a facet of one.
func TestEveryFacetShownHasAPlace(t *testing.T) {
	for k, fs := range facetsOf {
		for _, f := range fs {
			if facetAt(f) < 0 {
				t.Errorf("the list of %s shows %s, which no facetRow holds", k, f)
			}
		}
	}
	for _, f := range searchFacets {
		if f != "kind" && facetAt(f) < 0 {
			t.Errorf("the search shows %s, which no facetRow holds", f)
		}
	}
}
