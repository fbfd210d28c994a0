package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/voorbeeldstad/register/internal/label"
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

var facetSegments = map[string]label.Text{
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
	// Most values are slugs already (air_quality, active): they are
	// their own, with no look-up.
	if isSlug(s) {
		return s
	}
	// A register has few other values per facet, each slugged for every
	// record and page that shows it: each is worked out once.
	slugs.RLock()
	v, ok := slugs.m[s]
	slugs.RUnlock()
	if ok {
		return v
	}
	v = makeSlug(s)
	slugs.Lock()
	if len(slugs.m) < maxSlugsKept {
		if slugs.m == nil {
			slugs.m = map[string]string{}
		}
		slugs.m[s] = v
	}
	slugs.Unlock()
	return v
}

// isSlug reports whether makeSlug(s) is s: s is empty, or at most maxSlug
// bytes of a-z 0-9 _ and single dashes between them.
func isSlug(s string) bool {
	if len(s) > maxSlug || s != "" && (s[0] == '-' || s[len(s)-1] == '-') {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// slugs keeps slug's results, at most maxSlugsKept of them: a process
// that builds again and again (serve) sees new values as the register
// changes. A map under a lock rather than a sync.Map, whose look-up of a
// string key hashed it as an interface: some 1.5 % of a build after
// one change.
var slugs struct {
	sync.RWMutex
	m map[string]string
}

const maxSlugsKept = 1 << 16

func makeSlug(s string) string {
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
	// Keys are the row's value slugs of the list's facets (facetsOf), in
	// their order, "" for none: for the filter script.
	Keys []string
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
	// Pager links the pages of a list longer than listPageSize; nil for
	// a list on one page.
	Pager *pager
}

// listPageSize is the number of rows on a list page: a list longer than
// that is split over pages, so no page grows with the register and a
// change to one record rewrites one page of each list it is on.
const listPageSize = 250

// pageSegment is the folder of a list's further pages, per language. No
// record or facet page can be named so: those are files (.html).
var pageSegment = [2]string{"pagina", "page"}

// pager is the page navigation of a list split over pages.
type pager struct {
	Label      string // "Pagina 2 van 27"
	Shown      string // "251–500 van 6667"
	Prev, Next string // URLs, "" on the first or last page
	Links      []pageLink
}

type pageLink struct {
	URL     string
	N       int
	Current bool
	Gap     bool // an ellipsis before this link
}

// pagedPath is page n (from 1) of the list whose first page is first: the
// first page itself, or a numbered file in a folder beside it. dir is that
// folder.
func pagedPath(first, dir string, n int) string {
	if n == 1 {
		return first
	}
	return dir + "/" + strconv.Itoa(n) + ".html"
}

// newPager links page n of count, each page's path given by pathOf, from
// a page at root.
func newPager(lang string, n, count, rows int, root string, pathOf func(int) string) *pager {
	if count <= 1 {
		return nil
	}
	first, last := (n-1)*listPageSize+1, min(n*listPageSize, rows)
	p := &pager{Label: tf(lang, "pageof", n, count), Shown: tf(lang, "rowsof", first, last, rows)}
	if n > 1 {
		p.Prev = root + pathOf(n-1)
	}
	if n < count {
		p.Next = root + pathOf(n+1)
	}
	// The first and last page and two either side of this one, so the
	// navigation stays short however long the list.
	prev := 0
	for i := 1; i <= count; i++ {
		if i != 1 && i != count && (i < n-2 || i > n+2) {
			continue
		}
		p.Links = append(p.Links, pageLink{URL: root + pathOf(i), N: i, Current: i == n, Gap: prev != 0 && i > prev+1})
		prev = i
	}
	return p
}

// rowHTML renders a list row with links relative to root. The list pages of
// a register of ten thousand records hold tens of thousands of rows, so rows
// are written once per depth here rather than by the template engine.
func rowHTML(w *strings.Builder, row *listRow, facets []string, root string) {
	// Piece by piece rather than joined first: a list of 100,000 records
	// writes some 5 million pieces per language, and joining them made
	// a string for each row, garbage at once.
	w.WriteString("<tr")
	for i, f := range facets {
		if v := row.Keys[i]; v != "" {
			w.WriteString(" data-")
			w.WriteString(f)
			w.WriteString(`="`)
			w.WriteString(esc(v))
			w.WriteByte('"')
		}
	}
	for _, s := range [...]string{`><th scope="row"><a href="`, esc(root), esc(row.Path), `">`, esc(row.Name), `</a></th><td>`, esc(row.Type), `</td><td>`,
		esc(row.Second), `</td><td>`, string(row.Status), `</td><td>`, esc(row.PD), "</td></tr>\n"} {
		w.WriteString(s)
	}
}

// listJobs writes the full list of a kind and one page per facet value.
func (b *builder) listJobs(lang string, k record.Kind) []job {
	l := b.newKindList(lang, k)
	l.pages(nil, l.fullPath, b.prefix(lang)+segments[string(k)][langIndex(lang)]+"/"+pageSegment[langIndex(lang)],
		func(o string, n int) string {
			return pagedPath(b.listPath(o, k), b.prefix(o)+segments[string(k)][langIndex(o)]+"/"+pageSegment[langIndex(o)], n)
		},
		func() listBody {
			return listBody{Heading: l.kindLabel, FullPath: l.fullPath, IsSensor: k == record.Sensor, Facets: l.facets("", ""), SecondCol: l.secondCol}
		})
	for _, f := range facetsOf[k] {
		for key, idx := range l.members[f] {
			p := b.facetPath(lang, k, f, key)
			// The other language's facet page has the same value slug.
			l.pages(idx, p, strings.TrimSuffix(p, ".html"),
				func(o string, n int) string {
					q := b.facetPath(o, k, f, key)
					return pagedPath(q, strings.TrimSuffix(q, ".html"), n)
				},
				func() listBody {
					filtered := tf(lang, "filtered", strings.ToLower(t(lang, facetLabels[f])), l.labels[f][key])
					return listBody{Heading: l.kindLabel + ": " + l.labels[f][key], Filtered: filtered, FullPath: l.fullPath, IsSensor: k == record.Sensor,
						Facets: l.facets(f, key), SecondCol: l.secondCol}
				})
		}
	}
	// Handed over: the list's pages refer to it until the last is written.
	js := l.js
	l.js = nil
	return js
}

// kindList is the list of one kind's public records in one language, with
// the facet values that filter it, while its pages are listed.
type kindList struct {
	b       *builder
	lang    string
	k       record.Kind
	rows    []listRow
	members map[string]map[string][]int  // facet → value → row indexes
	labels  map[string]map[string]string // facet → value → label
	// second is the facet shown in the list's second column.
	second, secondCol   string
	kindLabel, fullPath string
	js                  []job

	// rowBytes and rowsWritten are what the pages rendered so far wrote
	// of rows, to make room for the next page's at once.
	rowBytes, rowsWritten atomic.Int64

	// sums are what the keys of the list's pages are made of (sum).
	sums     sync.Once
	rowSums  [][sha256.Size]byte
	facetSum []byte
}

// key returns the key of page n of the list's rows idx (nil: every row),
// total rows, at path p: a page shows its rows and the facets with their
// values and counts, and the rest follows from the build-wide inputs and
// where the page is, so a change to a field no list shows, or to a row
// on another page, leaves the page as it is.
func (l *kindList) key(idx []int, p string, n, total int) func() []byte {
	if l.b.keys.global == nil {
		return nil
	}
	return func() []byte {
		l.sum()
		h := sha256.New()
		h.Write(l.b.keys.global)
		fmt.Fprintf(h, "list %q %q %q %d %d\n", l.lang, l.k, p, n, total)
		h.Write(l.facetSum)
		for i := (n - 1) * listPageSize; i < min(n*listPageSize, total); i++ {
			row := i
			if idx != nil {
				row = idx[i]
			}
			h.Write(l.rowSums[row][:])
		}
		return h.Sum(nil)
	}
}

// sum hashes each row and the facets, once.
func (l *kindList) sum() {
	l.sums.Do(func() {
		l.rowSums = make([][sha256.Size]byte, len(l.rows))
		var buf []byte
		for i, r := range l.rows {
			buf = appendStrings(buf[:0], r.Path, r.ID, r.Name, r.Type, r.Second, r.PD, string(r.Status))
			buf = appendStrings(buf, r.Keys...)
			l.rowSums[i] = sha256.Sum256(buf)
		}
		h := sha256.New()
		for _, f := range facetsOf[l.k] {
			keys := slices.Sorted(maps.Keys(l.members[f]))
			fmt.Fprintf(h, "facet %q %d\n", f, len(keys))
			for _, key := range keys {
				fmt.Fprintf(h, "%q %q %d\n", key, l.labels[f][key], len(l.members[f][key]))
			}
		}
		l.facetSum = h.Sum(nil)
	})
}

// newKindList makes the rows of a kind's list and sorts them by facet value.
func (b *builder) newKindList(lang string, k record.Kind) *kindList {
	l := &kindList{b: b, lang: lang, k: k, members: map[string]map[string][]int{}, labels: map[string]map[string]string{}, second: facetArea}
	for _, f := range facetsOf[k] {
		l.members[f] = map[string][]int{}
		l.labels[f] = map[string]string{}
	}
	if k == record.Algorithm {
		l.second = facetCategory
	}
	// The rows and their keys in one allocation each: a list is made
	// anew for every build, of every record of its kind.
	n := 0
	for _, r := range b.public {
		if r.Kind == k {
			n++
		}
	}
	l.rows = make([]listRow, 0, n)
	keys := make([]string, n*len(facetsOf[k]))
	// Each facet's values gathered with their rows and words in one map
	// of its own, found once a row, not in the two maps by facet, each
	// found through the map of facets: four look-ups a row and facet.
	type value struct {
		rows  []int
		label string
	}
	values := make([]map[string]*value, len(facetsOf[k]))
	for fi := range values {
		values[fi] = map[string]*value{}
	}
	last, lastKey := make([]*value, len(values)), make([]string, len(values))
	facets := b.facetRows(lang)
	for i, r := range b.public {
		if r.Kind != k {
			continue
		}
		row := listRow{Path: b.recordPath(lang, r), ID: r.ID, Name: r.Name, Status: recordStatus(lang, r), Keys: keys[:len(facetsOf[k]):len(facetsOf[k])]}
		keys = keys[len(facetsOf[k]):]
		for fi, f := range facetsOf[k] {
			fv := facets[i][facetAt(f)]
			key, label := fv[0], fv[1]
			switch f {
			case facetType:
				row.Type = typeLabel(lang, r)
			case facetPD:
				row.PD = label
			case l.second:
				row.Second = label
			}
			if key == "" {
				continue
			}
			row.Keys[fi] = key
			// Mostly the value of the row before (a kind, a status).
			v := last[fi]
			if v == nil || key != lastKey[fi] {
				if v = values[fi][key]; v == nil {
					v = &value{}
					values[fi][key] = v
				}
				last[fi], lastKey[fi] = v, key
			}
			// The last row's words for a value are shown.
			v.rows, v.label = append(v.rows, len(l.rows)), label
		}
		l.rows = append(l.rows, row)
	}
	for fi, f := range facetsOf[k] {
		for key, v := range values[fi] {
			l.members[f][key], l.labels[f][key] = v.rows, v.label
		}
	}
	l.kindLabel = t(lang, map[record.Kind]string{record.Sensor: "sensors", record.Algorithm: "algorithms"}[k])
	l.fullPath = b.listPath(lang, k)
	l.secondCol = t(lang, facetLabels[l.second])
	return l
}

// facets are the list's facets with their values, the current one marked.
func (l *kindList) facets(curFacet, curValue string) []facetView {
	var out []facetView
	for _, f := range facetsOf[l.k] {
		fv := facetView{Key: f, Label: t(l.lang, facetLabels[f])}
		for key, idx := range l.members[f] {
			fv.Links = append(fv.Links, facetLink{Path: l.b.facetPath(l.lang, l.k, f, key), Value: key, Label: l.labels[f][key], Count: len(idx), Current: f == curFacet && key == curValue})
		}
		slices.SortFunc(fv.Links, func(x, y facetLink) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Label, y.Label)) })
		if len(fv.Links) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// pages lists a list's pages: rows idx (nil: every row), split into pages
// of listPageSize; first is its first page's path, dir the folder of the
// others, other a page's path in another language, and body fills in what
// the pages share.
func (l *kindList) pages(idx []int, first, dir string, other func(l string, n int) string, body func() listBody) {
	total := len(idx)
	if idx == nil {
		total = len(l.rows)
	}
	count := max(1, (total+listPageSize-1)/listPageSize)
	for n := 1; n <= count; n++ {
		p := pagedPath(first, dir, n)
		j := l.b.lazyPage("list", p, func() *Page {
			return l.page(idx, p, first, dir, n, count, total, other, body)
		})
		j.key = l.key(idx, p, n, total)
		l.js = append(l.js, j)
	}
}

// page renders page n of count of a list of total rows, at path p.
func (l *kindList) page(idx []int, p, first, dir string, n, count, total int, other func(l string, n int) string, body func() listBody) *Page {
	root := rootFor(p)
	lo, hi := (n-1)*listPageSize, min(n*listPageSize, total)
	// The rows' room made at once, as long as the rows written so far
	// were on average: growing by doubling made as much garbage again.
	var sb strings.Builder
	if written, rows := l.rowBytes.Load(), l.rowsWritten.Load(); rows > 0 {
		sb.Grow(int(written/rows)*(hi-lo)*9/8 + 256)
	}
	for i := lo; i < hi; i++ {
		row := i
		if idx != nil {
			row = idx[i]
		}
		rowHTML(&sb, &l.rows[row], facetsOf[l.k], root)
	}
	l.rowBytes.Add(int64(sb.Len()))
	l.rowsWritten.Add(int64(hi - lo))
	lb := body()
	lb.Rows, lb.Total = template.HTML(sb.String()), total
	lb.Pager = newPager(l.lang, n, count, total, root, func(i int) string { return pagedPath(first, dir, i) })
	title := lb.Heading
	if lb.Pager != nil {
		title += " – " + lb.Pager.Label
	}
	return l.b.page(l.lang, string(l.k), func(o string) string { return other(o, n) }, title, lb)
}
