package site

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/voorbeeldstad/register/internal/format"
	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/record"
)

// The map is an SVG drawn at build time in Web Mercator, the projection of
// the common tile services, so that a configured tile layer lines up with it.
// Without tiles the SVG alone shows where sensors are relative to each other,
// with their areas, a scale bar and, on small registers, labels.

const (
	mapWidth     = 1000.0
	mapMaxHeight = 700.0
	// mapLinkLimit is the number of shapes up to which each one is a link and
	// labelled; above it the list below the map carries the links, so a
	// keyboard user does not tab through thousands of dots.
	mapLinkLimit       = 150
	earthCircumference = 40075016.686 // metres at the equator
)

// mercator projects WGS84 to the unit square (x east, y south).
func mercator(lon, lat float64) (float64, float64) {
	lat = math.Max(-85.05112878, math.Min(85.05112878, lat))
	x := (lon + 180) / 360
	s := math.Sin(lat * math.Pi / 180)
	y := 0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)
	return x, y
}

type mapShape struct {
	r     *record.Record
	point *[2]float64 // projected
	poly  [][2]float64
}

type mapRow struct {
	Anchor   string
	URL      string
	Name     string
	Type     string
	Location string
	Coords   string
}

type mapBody struct {
	SVG      template.HTML
	Intro    string
	Rows     []mapRow
	Total    int // sensors on the map, on every page of its list
	Hidden   int
	HasShape bool
	// First links the map from a further page of its list; "" on the
	// map's own page.
	First string
	// Pager links the pages of the list of a map with more sensors than
	// mapPageSize; nil for a list on one page.
	Pager *pager
}

// mapPageSize is the number of sensors listed on a page of the map's list:
// the map's page lists the first, further pages the rest, so no page grows
// with the register.
const mapPageSize = listPageSize

func fmtf(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// mapped are the public sensors the map shows (a position or an area), in
// the register's order, and the number with neither; worked out once.
type mapped struct {
	once    sync.Once
	records []*record.Record
	at      map[*record.Record]int // index in records
	hidden  int
}

func (b *builder) mappedSensors() *mapped {
	m := &b.mapped
	m.once.Do(func() {
		m.at = map[*record.Record]int{}
		for _, r := range b.public {
			if r.Kind != record.Sensor {
				continue
			}
			if !hasMapShape(r) {
				m.hidden++
				continue
			}
			m.at[r] = len(m.records)
			m.records = append(m.records, r)
		}
	})
	return m
}

// hasMapShape reports whether the map can show r: a position or an area.
func hasMapShape(r *record.Record) bool {
	if p := opendata.Position(r); p != nil && !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) {
		return true
	}
	return len(opendata.Polygon(r)) > 0
}

// mapPages is the number of pages of the map's list.
func (b *builder) mapPages() int {
	return max(1, (len(b.mappedSensors().records)+mapPageSize-1)/mapPageSize)
}

// mapPath is page n (from 1) of the map: the map's page, or a page of its
// list in a folder beside it.
func (b *builder) mapPath(lang string, n int) string {
	p := b.pagePath(lang, "map")
	return pagedPath(p, strings.TrimSuffix(p, ".html"), n)
}

// MapURL is where a public sensor is listed under the map, from a page at
// root: its row on the page of the map's list that holds it; the map's page
// when the map does not show it.
func (b *builder) mapRowURL(lang, root string, r *record.Record) string {
	m := b.mappedSensors()
	i, ok := m.at[r]
	if !ok {
		return root + b.mapPath(lang, 1)
	}
	return root + b.mapPath(lang, i/mapPageSize+1) + "#s-" + r.ID
}

// mapJobs are the map's page and the further pages of its list.
func (b *builder) mapJobs(lang string) []job {
	var js []job
	count := b.mapPages()
	for n := 1; n <= count; n++ {
		j := b.lazyPage("map", b.mapPath(lang, n), func() *Page {
			title := t(lang, "map")
			body := b.mapBody(lang, n, count)
			if body.Pager != nil {
				title += " – " + body.Pager.Label
			}
			pg := b.page(lang, "map", func(l string) string { return b.mapPath(l, n) }, title, body)
			if b.tiles != nil && n == 1 {
				pg.Scripts = append(pg.Scripts, "assets/map.js")
			}
			return pg
		})
		// Keyed by its data (lazyPage), as the map draws only some of each
		// sensor's fields: an edit to another leaves every page of the map
		// as it is.
		js = append(js, j)
	}
	return js
}

// mapBody is page n of count of the map: the map itself on the first, and
// on each a page of the list of the sensors it shows.
func (b *builder) mapBody(lang string, n, count int) mapBody {
	p := b.mapPath(lang, n)
	root := rootFor(p)
	m := b.mappedSensors()
	body := mapBody{Total: len(m.records), Hidden: m.hidden, HasShape: len(m.records) > 0, Intro: t(lang, "mapintro")}
	if b.tiles != nil {
		body.Intro = tf(lang, "mapintrotiles", b.tiles.Host)
	}
	lo, hi := (n-1)*mapPageSize, min(n*mapPageSize, len(m.records))
	for _, r := range m.records[lo:hi] {
		body.Rows = append(body.Rows, b.mapRow(lang, root, r))
	}
	body.Pager = newPager(lang, n, count, len(m.records), root, func(i int) string { return b.mapPath(lang, i) })
	if n > 1 {
		body.First = root + b.mapPath(lang, 1)
		return body
	}
	if len(m.records) == 0 {
		return body
	}
	shapes, ext := b.mapShapes(m.records)
	ms := &mapSVG{b: b, lang: lang, root: root, f: ext.frame(), links: len(shapes) <= mapLinkLimit}
	ms.open()
	if len(shapes) > mapGridLimit {
		// So many that the map counts them per cell: its size is bounded
		// by the canvas, not the register.
		ms.grid(shapes)
	} else {
		// Areas first, so dots stay on top.
		ms.areas(shapes)
		ms.points(shapes)
	}
	ms.scaleBar(ext.latSum / float64(ext.latN))
	ms.s.WriteString(`</svg>`)
	body.SVG = template.HTML(ms.s.String())
	return body
}

// mapRow is a sensor's row in the map's list.
func (b *builder) mapRow(lang, root string, r *record.Record) mapRow {
	row := mapRow{Anchor: "s-" + r.ID, URL: root + b.recordPath(lang, r), Name: r.Name, Type: typeLabel(lang, r)}
	if r.Location != nil && !r.IsWithheld("location.description") {
		row.Location = r.Location.Description
	}
	if p := opendata.Position(r); p != nil && !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) {
		// As %.5f writes them, in one string, for each row of each page
		// of the map in each language.
		var buf [64]byte
		c := strconv.AppendFloat(buf[:0], p.Lat, 'f', 5, 64)
		c = strconv.AppendFloat(append(c, ", "...), p.Lon, 'f', 5, 64)
		row.Coords = string(c)
	}
	return row
}

// mapShapes projects the positions and areas of the sensors the map shows,
// and returns them with the extent of what is drawn.
func (b *builder) mapShapes(recs []*record.Record) ([]mapShape, mapExtent) {
	shapes := make([]mapShape, 0, len(recs))
	ext := mapExtent{minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for _, r := range recs {
		s := mapShape{r: r}
		if p := opendata.Position(r); p != nil && !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) {
			x, y := mercator(p.Lon, p.Lat)
			s.point = &[2]float64{x, y}
			ext.grow(x, y, p.Lat)
		}
		for _, c := range opendata.Polygon(r) {
			x, y := mercator(c[0], c[1])
			s.poly = append(s.poly, [2]float64{x, y})
			ext.grow(x, y, c[1])
		}
		shapes = append(shapes, s)
	}
	return shapes, ext
}

// mapExtent is the projected bounding box of the shapes on the map, with
// the sum of their latitudes, from which the scale bar is measured.
type mapExtent struct {
	minX, minY, maxX, maxY float64
	latSum                 float64
	latN                   int
}

// grow takes in a projected point and its latitude.
func (e *mapExtent) grow(x, y, lat float64) {
	e.minX, e.maxX = math.Min(e.minX, x), math.Max(e.maxX, x)
	e.minY, e.maxY = math.Min(e.minY, y), math.Max(e.maxY, y)
	e.latSum += lat
	e.latN++
}

// mapFrame places the projected unit square on the SVG's canvas.
type mapFrame struct {
	minX, minY, scale float64
	w, h              float64 // the canvas's size
}

// frame pads the extent, giving a single sensor a neighbourhood around it,
// and fits it to the map's width and greatest height.
func (e mapExtent) frame() mapFrame {
	minX, minY, maxX, maxY := e.minX, e.minY, e.maxX, e.maxY
	minSpan := 800.0 / earthCircumference // about 800 m
	if d := minSpan - (maxX - minX); d > 0 {
		minX, maxX = minX-d/2, maxX+d/2
	}
	if d := minSpan - (maxY - minY); d > 0 {
		minY, maxY = minY-d/2, maxY+d/2
	}
	padX, padY := (maxX-minX)*0.08, (maxY-minY)*0.08
	minX, maxX, minY, maxY = minX-padX, maxX+padX, minY-padY, maxY+padY
	scale := mapWidth / (maxX - minX)
	if h := (maxY - minY) * scale; h > mapMaxHeight {
		scale = mapMaxHeight / (maxY - minY)
	}
	return mapFrame{minX: minX, minY: minY, scale: scale, w: (maxX - minX) * scale, h: (maxY - minY) * scale}
}

// px is the canvas position of a projected point.
func (f mapFrame) px(x, y float64) (float64, float64) {
	return (x - f.minX) * f.scale, (y - f.minY) * f.scale
}

// mapSVG writes the map's SVG.
type mapSVG struct {
	s          strings.Builder
	b          *builder
	lang, root string
	f          mapFrame
	links      bool // each shape is a link, and dots are labelled
}

// open writes the SVG's start and its background.
func (m *mapSVG) open() {
	f := m.f
	fmt.Fprintf(&m.s, `<svg class="map" viewBox="0 0 %s %s" role="group" aria-labelledby="map-caption" data-x0="%g" data-y0="%g" data-scale="%g"`, fmtf(f.w), fmtf(f.h), f.minX, f.minY, f.scale)
	if m.b.tiles != nil {
		m.s.WriteString(` data-tiles="` + esc(m.b.cfg.Site.TilesURL) + `"`)
	}
	m.s.WriteString(`><rect class="map-bg" x="0" y="0" width="` + fmtf(f.w) + `" height="` + fmtf(f.h) + `"/><g id="map-tiles"></g>`)
}

// openShape starts a shape's link, or its group when shapes are not links.
func (m *mapSVG) openShape(sh mapShape) {
	if m.links {
		m.s.WriteString(`<a href="` + esc(m.root+m.b.recordPath(m.lang, sh.r)) + `"><title>` + esc(format.JoinNonEmpty(" – ", sh.r.Name, typeLabel(m.lang, sh.r))) + `</title>`)
	} else {
		m.s.WriteString(`<g><title>` + esc(sh.r.Name) + `</title>`)
	}
}

// shutShape ends what openShape started.
func (m *mapSVG) shutShape() {
	if m.links {
		m.s.WriteString(`</a>`)
	} else {
		m.s.WriteString(`</g>`)
	}
}

// areas draws the shapes' polygons.
func (m *mapSVG) areas(shapes []mapShape) {
	for _, sh := range shapes {
		if sh.poly == nil {
			continue
		}
		m.openShape(sh)
		m.s.WriteString(`<polygon class="area" points="`)
		for i, c := range sh.poly {
			x, y := m.f.px(c[0], c[1])
			if i > 0 {
				m.s.WriteByte(' ')
			}
			m.s.WriteString(fmtf(x) + "," + fmtf(y))
		}
		m.s.WriteString(`"/>`)
		m.shutShape()
	}
}

// points draws the shapes' positions, labelled where there is room when
// shapes are links.
func (m *mapSVG) points(shapes []mapShape) {
	var placed []labelBox
	for _, sh := range shapes {
		if sh.point == nil {
			continue
		}
		x, y := m.f.px(sh.point[0], sh.point[1])
		m.openShape(sh)
		if sh.r.IsCamera() {
			// A square for cameras, so the difference does not rest on colour.
			fmt.Fprintf(&m.s, `<rect class="pt pt-camera" x="%s" y="%s" width="12" height="12"/>`, fmtf(x-6), fmtf(y-6))
		} else {
			fmt.Fprintf(&m.s, `<circle class="pt" cx="%s" cy="%s" r="6"/>`, fmtf(x), fmtf(y))
		}
		m.shutShape()
		if m.links {
			if lb, ok := placeLabel(placed, x, y, m.f.w, truncate(sh.r.Name, 28)); ok {
				placed = append(placed, lb)
				class := "label"
				if lb.left {
					class = "label label-left"
				}
				fmt.Fprintf(&m.s, `<text class="%s" x="%s" y="%s" aria-hidden="true">%s</text>`, class, fmtf(lb.x), fmtf(y+4), esc(lb.text))
			}
		}
	}
}

// mapGridLimit is the number of shapes up to which each is drawn; above it
// the map draws a dot per cell of mapCell units holding any, sized by how
// many it holds, so the map's page stays a few hundred kilobytes however
// many sensors there are. The list under the map names each.
const (
	mapGridLimit = 2000
	mapCell      = 10.0
)

// grid draws the shapes counted per cell of the canvas: a position, or an
// area's mean corner.
func (m *mapSVG) grid(shapes []mapShape) {
	counts := map[[2]int]int{}
	for _, sh := range shapes {
		var x, y float64
		switch {
		case sh.point != nil:
			x, y = m.f.px(sh.point[0], sh.point[1])
		case len(sh.poly) > 0:
			for _, c := range sh.poly {
				px, py := m.f.px(c[0], c[1])
				x, y = x+px/float64(len(sh.poly)), y+py/float64(len(sh.poly))
			}
		default:
			continue
		}
		counts[[2]int{int(x / mapCell), int(y / mapCell)}]++
	}
	cells := make([][2]int, 0, len(counts))
	for c := range counts {
		cells = append(cells, c)
	}
	slices.SortFunc(cells, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[1], b[1]), cmp.Compare(a[0], b[0])) })
	word := strings.ToLower(t(m.lang, "sensors"))
	for _, c := range cells {
		n := counts[c]
		r := min(mapCell/2, 2+math.Log2(float64(n)))
		fmt.Fprintf(&m.s, `<g><title>%d %s</title><circle class="pt" cx="%s" cy="%s" r="%s"/></g>`, n, esc(word),
			fmtf((float64(c[0])+0.5)*mapCell), fmtf((float64(c[1])+0.5)*mapCell), fmtf(r))
	}
}

// scaleBar draws a bar of a round distance of about a fifth of the width,
// measured at the mean latitude lat.
func (m *mapSVG) scaleBar(lat float64) {
	w, h := m.f.w, m.f.h
	metresPerUnit := earthCircumference * math.Cos(lat*math.Pi/180) / m.f.scale
	dist := niceDistance(metresPerUnit * w / 5)
	barLen := dist / metresPerUnit
	label := fmt.Sprintf("%g m", dist)
	if dist >= 1000 {
		label = fmt.Sprintf("%g km", dist/1000)
	}
	fmt.Fprintf(&m.s, `<g class="scalebar"><title>%s: %s</title><rect class="scalebar-bg" x="10" y="%s" width="%s" height="30"/><line x1="20" y1="%s" x2="%s" y2="%s"/><text x="20" y="%s">%s</text></g>`,
		esc(t(m.lang, "scale")), esc(label), fmtf(h-40), fmtf(barLen+20), fmtf(h-16), fmtf(20+barLen), fmtf(h-16), fmtf(h-22), esc(label))
}

// labelBox is the room a label takes, roughly: 7 units a character at the
// map's 13-unit font.
type labelBox struct {
	x0, y0, x1, y1 float64
	x              float64 // where the text is anchored
	left           bool    // drawn to the left of its dot
	text           string
}

// placeLabel puts a label right of its dot, or left when that is full or
// off the map, and gives up when both overlap labels already placed: an
// unlabelled dot still has its name on hover and in the list below.
func placeLabel(placed []labelBox, x, y, w float64, text string) (labelBox, bool) {
	width := 7 * float64(len([]rune(text)))
	right := labelBox{x0: x + 9, y0: y - 9, x1: x + 9 + width, y1: y + 6, x: x + 9, text: text}
	left := labelBox{x0: x - 9 - width, y0: y - 9, x1: x - 9, y1: y + 6, x: x - 9, left: true, text: text}
	free := func(b labelBox) bool {
		if b.x0 < 0 || b.x1 > w {
			return false
		}
		for _, p := range placed {
			if b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1 {
				return false
			}
		}
		return true
	}
	switch {
	case free(right):
		return right, true
	case free(left):
		return left, true
	}
	return labelBox{}, false
}

// niceDistance rounds a distance down to 1, 2 or 5 times a power of ten.
func niceDistance(m float64) float64 {
	if m <= 0 || math.IsInf(m, 0) || math.IsNaN(m) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= m {
			return f * p
		}
	}
	return p
}
