package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// The filters of the list pages. Each value of each facet has its own page,
// so filtering works without JavaScript; the script filters the full list in
// place when it can.
const (
	facetType     = "type"
	facetArea     = "area"
	facetStatus   = "status"
	facetPD       = "pd"
	facetCategory = "category"
	facetAIAct    = "aiact"
)

var facetSegments = map[string][2]string{
	facetType:     {"soort", "type"},
	facetArea:     {"gebied", "area"},
	facetStatus:   {"status", "status"},
	facetPD:       {"persoonsgegevens", "personal-data"},
	facetCategory: {"categorie", "category"},
	facetAIAct:    {"ai-verordening", "ai-act"},
}

var facetLabels = map[string]string{
	facetType: "type", facetArea: "area", facetStatus: "status", facetPD: "personaldata", facetCategory: "category", facetAIAct: "aiact",
}

var facetsOf = map[record.Kind][]string{
	record.Sensor:    {facetType, facetArea, facetStatus, facetPD},
	record.Algorithm: {facetType, facetCategory, facetAIAct, facetStatus, facetPD},
}

// facetValue is the record's value for a facet as a slug and as words; ""
// when the record has none or withholds it.
func facetValue(lang string, r *record.Record, facet string) (string, string) {
	switch facet {
	case facetType:
		if r.Kind == record.Sensor {
			return slug(r.SensorType), valueLabel(lang, "sensor_type", r.SensorType)
		}
		return slug(r.AlgorithmType), valueLabel(lang, "algorithm_type", r.AlgorithmType)
	case facetArea:
		a := area(r)
		return slug(a), a
	case facetStatus:
		return slug(r.Status), valueLabel(lang, "status", r.Status)
	case facetPD:
		if r.IsWithheld("personal_data") {
			return "", ""
		}
		return slug(r.PersonalData.Processed), valueLabel(lang, "personal_data.processed", r.PersonalData.Processed)
	case facetCategory:
		if r.IsWithheld("publication_category") {
			return "", ""
		}
		return slug(r.PublicationCategory), valueLabel(lang, "publication_category", r.PublicationCategory)
	case facetAIAct:
		if r.AIAct == nil || r.IsWithheld("ai_act.category") {
			return "", ""
		}
		return slug(r.AIAct.Category), valueLabel(lang, "ai_act.category", r.AIAct.Category)
	}
	return "", ""
}

var fold = strings.NewReplacer("á", "a", "à", "a", "ä", "a", "â", "a", "é", "e", "è", "e", "ë", "e", "ê", "e",
	"í", "i", "ï", "i", "î", "i", "ó", "o", "ö", "o", "ô", "o", "ú", "u", "ü", "u", "û", "u", "ç", "c", "ñ", "n", "ĳ", "ij")

// maxSlug bounds a facet value's part of a file name: an area may be a
// long text, and file systems refuse names over 255 bytes.
const maxSlug = 64

// slug turns a value into a stable URL part: lower case, a-z 0-9 _ and -,
// at most maxSlug bytes. A longer value keeps its start and ends in a hash
// of the whole, so two long values that share a start stay apart; a value
// with no letters or digits ("???", "北区") is named by its hash alone.
// slug(slug(s)) is slug(s).
func slug(s string) string {
	base := slugBase(s)
	switch {
	case len(base) > maxSlug:
		h := shortHash(base)
		return strings.TrimRight(base[:maxSlug-len(h)-1], "-") + "-" + h
	case base == "" && strings.TrimSpace(s) != "":
		return shortHash(strings.TrimSpace(s))
	}
	return base
}

// shortHash is 12 hex digits of the SHA-256 of s: enough to keep the
// values of one register apart.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

func slugBase(s string) string {
	s = fold.Replace(strings.ToLower(strings.TrimSpace(s)))
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (b *builder) facetPath(lang string, k record.Kind, facet, value string) string {
	return b.prefix(lang) + segments[string(k)][langIndex(lang)] + "/" + facetSegments[facet][langIndex(lang)] + "/" + slug(value) + ".html"
}

type listRow struct {
	Path   string // site-relative; the template adds the page's root
	ID     string
	Name   string
	Type   string
	Second string // area for sensors, publication category for algorithms
	PD     string
	Status template.HTML
	Keys   map[string]string // facet → slug, for the filter script
}

type facetLink struct {
	Path    string
	Value   string
	Label   string
	Count   int
	Current bool
}

type facetView struct {
	Key   string
	Label string
	Links []facetLink
}

type listBody struct {
	Heading   string
	Filtered  string
	FullPath  string
	IsSensor  bool
	Facets    []facetView
	Rows      template.HTML
	Total     int
	SecondCol string
}

// rowHTML renders a list row with links relative to root. The list pages of
// a register of ten thousand records hold tens of thousands of rows, so rows
// are written once per depth here rather than by the template engine.
func rowHTML(w *strings.Builder, row *listRow, facets []string, root string) {
	w.WriteString("<tr")
	for _, f := range facets {
		if v, ok := row.Keys[f]; ok {
			w.WriteString(" data-" + f + `="` + esc(v) + `"`)
		}
	}
	w.WriteString(`><th scope="row"><a href="` + esc(root+row.Path) + `">` + esc(row.Name) + `</a></th><td>` + esc(row.Type) + `</td><td>` +
		esc(row.Second) + `</td><td>` + string(row.Status) + `</td><td>` + esc(row.PD) + "</td></tr>\n")
}

// listJobs writes the full list of a kind and one page per facet value.
func (b *builder) listJobs(lang string, k record.Kind) []job {
	var rows []listRow
	members := map[string]map[string][]int{} // facet → value → row indexes
	labels := map[string]map[string]string{}
	for _, f := range facetsOf[k] {
		members[f] = map[string][]int{}
		labels[f] = map[string]string{}
	}
	second := facetArea
	if k == record.Algorithm {
		second = facetCategory
	}
	for _, r := range b.public {
		if r.Kind != k {
			continue
		}
		row := listRow{Path: b.recordPath(lang, r), ID: r.ID, Name: r.Name, Status: statusView(lang, r.Status), Keys: map[string]string{}}
		for _, f := range facetsOf[k] {
			key, label := facetValue(lang, r, f)
			switch f {
			case facetType:
				row.Type = label
			case facetPD:
				row.PD = label
			case second:
				row.Second = label
			}
			if key == "" {
				continue
			}
			row.Keys[f] = key
			members[f][key] = append(members[f][key], len(rows))
			labels[f][key] = label
		}
		rows = append(rows, row)
	}
	kindLabel := t(lang, map[record.Kind]string{record.Sensor: "sensors", record.Algorithm: "algorithms"}[k])
	fullPath := b.listPath(lang, k)
	facets := func(curFacet, curValue string) []facetView {
		var out []facetView
		for _, f := range facetsOf[k] {
			fv := facetView{Key: f, Label: t(lang, facetLabels[f])}
			for key, idx := range members[f] {
				fv.Links = append(fv.Links, facetLink{Path: b.facetPath(lang, k, f, key), Value: key, Label: labels[f][key], Count: len(idx), Current: f == curFacet && key == curValue})
			}
			slices.SortFunc(fv.Links, func(x, y facetLink) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Label, y.Label)) })
			if len(fv.Links) > 0 {
				out = append(out, fv)
			}
		}
		return out
	}
	secondCol := t(lang, facetLabels[second])
	pathFor := func(l string) string { return b.listPath(l, k) }
	render := func(idx []int, root string) template.HTML {
		var sb strings.Builder
		if idx == nil {
			for i := range rows {
				rowHTML(&sb, &rows[i], facetsOf[k], root)
			}
		}
		for _, i := range idx {
			rowHTML(&sb, &rows[i], facetsOf[k], root)
		}
		return template.HTML(sb.String())
	}
	js := []job{b.lazyPage("list", fullPath, func() *Page {
		body := listBody{Heading: kindLabel, FullPath: fullPath, IsSensor: k == record.Sensor, Facets: facets("", ""), Rows: render(nil, rootFor(fullPath)), Total: len(rows), SecondCol: secondCol}
		return b.page(lang, string(k), pathFor, kindLabel, body)
	})}
	for _, f := range facetsOf[k] {
		for key, idx := range members[f] {
			p := b.facetPath(lang, k, f, key)
			js = append(js, b.lazyPage("list", p, func() *Page {
				filtered := tf(lang, "filtered", strings.ToLower(t(lang, facetLabels[f])), labels[f][key])
				body := listBody{Heading: kindLabel + ": " + labels[f][key], Filtered: filtered, FullPath: fullPath, IsSensor: k == record.Sensor,
					Facets: facets(f, key), Rows: render(idx, rootFor(p)), Total: len(idx), SecondCol: secondCol}
				// The other language's facet page has the same value slug.
				return b.page(lang, string(k), func(l string) string { return b.facetPath(l, k, f, key) }, body.Heading, body)
			}))
		}
	}
	return js
}
