package site

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
)

// dataJobs are the open-data downloads, the schemas, the catalogue and the
// search indexes.
func (b *builder) dataJobs() []job {
	var schemaNames []string
	for name := range b.opts.Schemas {
		schemaNames = append(schemaNames, name)
	}
	slices.Sort(schemaNames)
	js := []job{
		// register.json is an index of parts (opendata.WriteIndex), so no
		// file grows with the register and a change to one record
		// rewrites one part.
		{path: opendata.PathJSON, stream: func(w io.Writer) error { return opendata.WriteIndex(w, b.pub) }},
	}
	for n := 1; n <= opendata.PartCount(len(opendata.PublicRecords(b.pub))); n++ {
		js = append(js, b.piecesJob(opendata.PartPath(n), func(w io.Writer, kept opendata.Pieces) error {
			return opendata.WritePartKept(w, b.pub, n, kept)
		}))
	}
	js = append(js,
		// The tables and the map's data hold the whole register: written
		// straight to the disk.
		b.piecesJob(opendata.PathSensorsCSV, func(w io.Writer, kept opendata.Pieces) error {
			return opendata.WriteCSVKept(w, record.Sensor, b.public, kept)
		}),
		b.piecesJob(opendata.PathAlgosCSV, func(w io.Writer, kept opendata.Pieces) error {
			return opendata.WriteCSVKept(w, record.Algorithm, b.public, kept)
		}),
		b.piecesJob(opendata.PathGeoJSON, func(w io.Writer, kept opendata.Pieces) error {
			return opendata.WriteGeoJSONKept(w, b.public, kept)
		}),
	)
	// A catalogue needs absolute identifiers: without the site's address
	// there is none (the build says so).
	if b.baseURL() != nil {
		js = append(js, job{path: opendata.PathDCAT, render: func(w *bytes.Buffer) error {
			return opendata.WriteDCAT(w, b.cfg, b.opts.Dates, opendata.Datasets(schemaNames))
		}})
	}
	for _, name := range schemaNames {
		data := b.opts.Schemas[name]
		js = append(js, job{path: opendata.SchemaDir + name, render: func(w *bytes.Buffer) error { _, err := w.Write(data); return err }})
	}
	for _, lang := range b.langs {
		js = append(js, job{path: searchIndexPath(lang), stream: func(w io.Writer) error { return b.writeSearchIndex(w, lang) }})
		for n := 1; n <= b.searchParts(); n++ {
			js = append(js, b.piecesJob(searchPartPath(lang, n), func(w io.Writer, kept opendata.Pieces) error {
				return b.writeSearchPart(w, lang, n, kept)
			}))
		}
	}
	return js
}

// searchIndexPath is the search index of a language. It is a script that
// hands the index to the page, not a JSON file to fetch: browsers block
// fetch on a site opened from disk (file://), and a <script> is not blocked.
// It holds the facets; the records follow in parts (searchPartPath), each a
// script that adds its records to the index, so no file grows with the
// register and a change to one record rewrites one part.
func searchIndexPath(lang string) string { return "data/search." + lang + ".js" }

// searchPartSize is the number of records in a part of the search index.
const searchPartSize = 1000

// searchParts is the number of parts of a search index.
func (b *builder) searchParts() int { return (len(b.public) + searchPartSize - 1) / searchPartSize }

// searchPartPath is part n (from 1) of the search index of a language.
func searchPartPath(lang string, n int) string {
	return "data/search/" + lang + "-" + strconv.Itoa(n) + ".js"
}

// searchScripts are the scripts of a search index, in the order the page
// loads them: the facets, then the parts.
func (b *builder) searchScripts(lang string) []string {
	out := []string{searchIndexPath(lang)}
	for n := 1; n <= b.searchParts(); n++ {
		out = append(out, searchPartPath(lang, n))
	}
	return out
}

// searchFacets are the filters of the search page, in the order shown.
var searchFacets = []string{"kind", facetType, facetStatus, facetArea, facetPD}

// searchIndex is what the search page receives: the facets with their values
// in words, and one entry per public record.
type searchIndex struct {
	Facets  []searchFacet `json:"facets"`
	Records []searchEntry `json:"records"`
}

type searchFacet struct {
	Key    string      `json:"key"` // the URL parameter, the same in every language
	Label  string      `json:"label"`
	Values [][2]string `json:"values"` // slug and words, in the order shown
}

// searchEntry is one record in the search index. Short keys keep the index
// small for a register of ten thousand records.
type searchEntry struct {
	URL     string            `json:"u"` // relative to the site root
	Name    string            `json:"n"`
	ID      string            `json:"i"`
	Meta    string            `json:"m"` // kind, type and area in words
	Summary string            `json:"s,omitempty"`
	Text    string            `json:"x,omitempty"` // further public words to match
	Facets  map[string]string `json:"f"`           // facet key → value slug
}

func (b *builder) writeSearchIndex(w io.Writer, lang string) error {
	// The facets name every value the records have; the records follow
	// in parts (writeSearchPart).
	seen := map[string]map[string]string{} // facet → slug → words
	for _, f := range searchFacets {
		seen[f] = map[string]string{}
	}
	// The last record's words for a slug are shown.
	what := "facets " + lang
	// Each record's facets are made in one buffer (keptPiece keeps a
	// copy), read before the next record's.
	var scratch []byte
	facets := b.facetRows(lang)
	// A facet's value and words are those of the record before more often
	// than not (records of a kind, a status): already noted.
	last := make([][2]string, len(searchFacets))
	for i, r := range b.public {
		if b.opts.Memo == nil {
			// No pieces are kept: the facets are read, not written out
			// and read back.
			for fi, f := range searchFacets {
				if v, words := searchValue(lang, r, f, &facets[i]); v != "" && (v != last[fi][0] || words != last[fi][1]) {
					seen[f][v] = words
					last[fi] = [2]string{v, words}
				}
			}
			continue
		}
		p, err := b.keptPiece(r, what, func() ([]byte, error) {
			scratch = searchFacetsOf(scratch[:0], lang, r, &facets[i])
			return scratch, nil
		})
		if err != nil {
			return err
		}
		for _, f := range searchFacets {
			var v, words []byte
			if v, words, p, err = cutPair(p); err != nil {
				return err
			}
			// Looked up first: set, the bytes are copied.
			if vs := seen[f]; len(v) > 0 {
				if w, ok := vs[string(v)]; !ok || w != string(words) {
					vs[string(v)] = string(words)
				}
			}
		}
	}
	var shown []searchFacet
	for _, f := range searchFacets {
		if len(seen[f]) == 0 {
			continue
		}
		sf := searchFacet{Key: f, Label: t(lang, facetLabels[f])}
		if f == "kind" {
			sf.Label = t(lang, "kind")
		}
		for v, words := range seen[f] {
			sf.Values = append(sf.Values, [2]string{v, words})
		}
		slices.SortFunc(sf.Values, func(x, y [2]string) int { return strings.Compare(x[1], y[1]) })
		shown = append(shown, sf)
	}
	data, err := json.Marshal(shown)
	if err != nil {
		return err
	}
	// json.Marshal escapes <, > and &, so no value can close the script.
	bw := bufio.NewWriter(w)
	bw.WriteString(`window.registerSearchIndex = {"facets":`)
	bw.Write(data)
	bw.WriteString(`,"records":[]};` + "\n")
	return bw.Flush()
}

// searchFacetsOf appends to buf the public record r's value of each
// search facet, of those in row (its facetRow in a language), in the
// order of searchFacets: its slug and its words, each pair as
// appendStrings writes it, both "" when r has none. The index keeps it in
// the Memo with the record's other pieces.
func searchFacetsOf(buf []byte, lang string, r *record.Record, row *facetRow) []byte {
	for _, f := range searchFacets {
		v, words := searchValue(lang, r, f, row)
		buf = appendStrings(buf, v, words)
	}
	return buf
}

// searchValue is the public record r's value of a search facet in lang,
// as a slug and in words; "" when it has none. row is r's facetRow in
// lang.
func searchValue(lang string, r *record.Record, f string, row *facetRow) (string, string) {
	if f == "kind" {
		return string(r.Kind), valueLabel(lang, "kind", string(r.Kind))
	}
	v := row[facetAt(f)]
	return v[0], v[1]
}

// cutPair reads the first pair of strings appendStrings wrote in buf.
func cutPair(buf []byte) (a, b, rest []byte, err error) {
	if a, buf, err = cutString(buf); err == nil {
		b, buf, err = cutString(buf)
	}
	if err != nil || len(buf) == 0 || buf[0] != '\n' {
		return nil, nil, nil, errors.New("search facets: cut short")
	}
	return a, b, buf[1:], nil
}

// cutString reads the first of the strings appendStrings wrote in buf.
func cutString(buf []byte) (s, rest []byte, err error) {
	i := bytes.IndexByte(buf, ':')
	if i < 0 {
		return nil, nil, errors.New("search facets: cut short")
	}
	n, err := strconv.Atoi(string(buf[:i]))
	if err != nil || n < 0 || n > len(buf)-i-1 {
		return nil, nil, errors.New("search facets: cut short")
	}
	return buf[i+1 : i+1+n], buf[i+1+n:], nil
}

// writeSearchPart writes part n of the search index of a language: a
// script that adds its records to the index, in the order of the register.
// Each record's entry is a piece (piecesJob), as a download's rows are:
// kept in the Memo, or copied from the part the current site has, where
// the index placed it; a build after one change made every entry of a
// changed part again.
func (b *builder) writeSearchPart(w io.Writer, lang string, n int, kept opendata.Pieces) error {
	pw := opendata.NewPieceWriter(w, kept)
	if err := pw.WriteString("window.registerSearchIndex.records.push("); err != nil {
		return err
	}
	what := "search " + lang
	first := (n - 1) * searchPartSize
	facets := b.facetRows(lang)[first:]
	var row *facetRow // the facets of the record in hand
	encode := func(buf *bytes.Buffer, r *record.Record) error {
		data, err := json.Marshal(b.searchEntry(lang, r, row))
		buf.Write(data)
		return err
	}
	for i, r := range b.public[first:min(n*searchPartSize, len(b.public))] {
		row = &facets[i]
		data, err := pw.Piece(r, what, encode)
		if err != nil {
			return err
		}
		if i > 0 {
			if err := pw.WriteString(",\n"); err != nil {
				return err
			}
		}
		if err := pw.Put(r, what, data); err != nil {
			return err
		}
	}
	return pw.WriteString(");\n")
}

// searchEntry is the public record r in the search index of a language;
// row is r's facetRow in it.
func (b *builder) searchEntry(lang string, r *record.Record, row *facetRow) searchEntry {
	e := searchEntry{URL: b.recordPath(lang, r), Name: r.Name, ID: r.ID, Facets: map[string]string{}}
	meta := []string{valueLabel(lang, "kind", string(r.Kind))}
	if tl := typeLabel(lang, r); tl != "" {
		meta = append(meta, tl)
	}
	if a := area(r); a != "" {
		meta = append(meta, a)
	}
	e.Meta = strings.Join(meta, " · ")
	if !r.IsWithheld("summary") {
		e.Summary = truncate(r.Summary, 200)
	}
	e.Text = strings.Join(searchWords(lang, r), " ")
	for _, f := range searchFacets {
		if v, _ := searchValue(lang, r, f, row); v != "" {
			e.Facets[f] = v
		}
	}
	return e
}

// searchWords are the public words of a record that residents search for
// besides its name, id and summary: what it is for, what it can do, where it
// is, who supplies it and which personal data it handles. Labelled values
// are given in both languages and as written, so "kentekenherkenning",
// "number-plate" and "licence_plate_recognition" all find an ANPR camera on
// either language's search page.
func searchWords(lang string, r *record.Record) []string {
	other := "en"
	if lang == "en" {
		other = "nl"
	}
	var out []string
	add := func(path string, ss ...string) {
		if r.IsWithheld(path) {
			return
		}
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	labelled := func(path, field string, vs ...string) {
		for _, v := range vs {
			if v != "" {
				add(path, valueLabel(lang, field, v), valueLabel(other, field, v), strings.ReplaceAll(v, "_", " "))
			}
		}
	}
	add("purpose", r.Purpose)
	add("problem", r.Problem)
	labelled("themes", "themes", r.Themes...)
	add("organisation.name", r.Organisation.Name)
	add("owner.department", r.Owner.Department)
	labelled("status", "status", r.Status)
	labelled("capabilities", "capabilities", r.Capabilities...)
	for _, m := range r.Measures {
		add("measures", m.Property)
	}
	if r.Location != nil {
		add("location.description", r.Location.Description)
	}
	if r.Vendor != nil {
		add("vendor.manufacturer", r.Vendor.Manufacturer)
		add("vendor.model", r.Vendor.Model)
	}
	if r.Supplier != nil {
		add("supplier.name", r.Supplier.Name)
	}
	labelled("personal_data.categories", "personal_data.categories", r.PersonalData.Categories...)
	if r.LegalBasis != nil {
		add("legal_basis.law", r.LegalBasis.Law)
	}
	labelled("role", "role", r.Role)
	if r.AIAct != nil {
		labelled("ai_act.category", "ai_act.category", r.AIAct.Category)
	}
	for _, d := range r.Datasets {
		add("datasets", d.Name)
	}
	return out
}

// truncate shortens text to at most n runes at a word boundary.
func truncate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// typeLabel is the sensor type or algorithm type in words, or the words
// for a withheld field when the record withholds it.
func typeLabel(lang string, r *record.Record) string {
	if r.Kind == record.Sensor {
		if r.IsWithheld("sensor_type") {
			return t(lang, "withheld")
		}
		return valueLabel(lang, "sensor_type", r.SensorType)
	}
	if r.IsWithheld("algorithm_type") {
		return t(lang, "withheld")
	}
	return valueLabel(lang, "algorithm_type", r.AlgorithmType)
}

// area is the sensor's published area, or "".
func area(r *record.Record) string {
	if r.Location == nil || r.IsWithheld("location.area") {
		return ""
	}
	return strings.TrimSpace(r.Location.Area)
}
