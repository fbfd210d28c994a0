package site

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

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
	Hidden   int
	HasShape bool
}

func fmtf(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func (b *builder) mapBody(lang, root string) mapBody {
	var shapes []mapShape
	var rows []mapRow
	hidden := 0
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(x, y float64) {
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	latSum, latN := 0.0, 0
	for _, r := range b.public {
		if r.Kind != record.Sensor {
			continue
		}
		s := mapShape{r: r}
		row := mapRow{Anchor: "s-" + r.ID, URL: root + b.recordPath(lang, r), Name: r.Name, Type: typeLabel(lang, r)}
		if r.Location != nil && !r.IsWithheld("location.description") {
			row.Location = r.Location.Description
		}
		if p := opendata.Position(r); p != nil && !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) {
			x, y := mercator(p.Lon, p.Lat)
			s.point = &[2]float64{x, y}
			grow(x, y)
			latSum += p.Lat
			latN++
			row.Coords = fmt.Sprintf("%.5f, %.5f", p.Lat, p.Lon)
		}
		for _, c := range opendata.Polygon(r) {
			x, y := mercator(c[0], c[1])
			s.poly = append(s.poly, [2]float64{x, y})
			grow(x, y)
			latSum += c[1]
			latN++
		}
		if s.point == nil && s.poly == nil {
			hidden++
			continue
		}
		shapes = append(shapes, s)
		rows = append(rows, row)
	}
	body := mapBody{Rows: rows, Hidden: hidden, HasShape: len(shapes) > 0, Intro: t(lang, "mapintro")}
	if b.tiles != nil {
		body.Intro = tf(lang, "mapintrotiles", b.tiles.Host)
	}
	if len(shapes) == 0 {
		return body
	}
	// Pad the extent, and give a single sensor a neighbourhood around it.
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
	w, h := (maxX-minX)*scale, (maxY-minY)*scale
	px := func(x, y float64) (float64, float64) { return (x - minX) * scale, (y - minY) * scale }

	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="map" viewBox="0 0 %s %s" role="group" aria-labelledby="map-caption" data-x0="%g" data-y0="%g" data-scale="%g"`, fmtf(w), fmtf(h), minX, minY, scale)
	if b.tiles != nil {
		s.WriteString(` data-tiles="` + esc(b.cfg.Site.TilesURL) + `"`)
	}
	s.WriteString(`><rect class="map-bg" x="0" y="0" width="` + fmtf(w) + `" height="` + fmtf(h) + `"/><g id="map-tiles"></g>`)
	links := len(shapes) <= mapLinkLimit
	open := func(sh mapShape) {
		if links {
			s.WriteString(`<a href="` + esc(root+b.recordPath(lang, sh.r)) + `"><title>` + esc(sh.r.Name+" – "+typeLabel(lang, sh.r)) + `</title>`)
		} else {
			s.WriteString(`<g><title>` + esc(sh.r.Name) + `</title>`)
		}
	}
	shut := func() {
		if links {
			s.WriteString(`</a>`)
		} else {
			s.WriteString(`</g>`)
		}
	}
	var placed []labelBox
	// Areas first, so dots stay on top.
	for _, sh := range shapes {
		if sh.poly == nil {
			continue
		}
		open(sh)
		s.WriteString(`<polygon class="area" points="`)
		for i, c := range sh.poly {
			x, y := px(c[0], c[1])
			if i > 0 {
				s.WriteByte(' ')
			}
			s.WriteString(fmtf(x) + "," + fmtf(y))
		}
		s.WriteString(`"/>`)
		shut()
	}
	for _, sh := range shapes {
		if sh.point == nil {
			continue
		}
		x, y := px(sh.point[0], sh.point[1])
		open(sh)
		if sh.r.IsCamera() {
			// A square for cameras, so the difference does not rest on colour.
			fmt.Fprintf(&s, `<rect class="pt pt-camera" x="%s" y="%s" width="12" height="12"/>`, fmtf(x-6), fmtf(y-6))
		} else {
			fmt.Fprintf(&s, `<circle class="pt" cx="%s" cy="%s" r="6"/>`, fmtf(x), fmtf(y))
		}
		shut()
		if links {
			if lb, ok := placeLabel(placed, x, y, w, truncate(sh.r.Name, 28)); ok {
				placed = append(placed, lb)
				class := "label"
				if lb.left {
					class = "label label-left"
				}
				fmt.Fprintf(&s, `<text class="%s" x="%s" y="%s" aria-hidden="true">%s</text>`, class, fmtf(lb.x), fmtf(y+4), esc(lb.text))
			}
		}
	}
	// Scale bar: a round distance of about a fifth of the width.
	lat := latSum / float64(latN)
	metresPerUnit := earthCircumference * math.Cos(lat*math.Pi/180) / scale
	dist := niceDistance(metresPerUnit * w / 5)
	barLen := dist / metresPerUnit
	label := fmt.Sprintf("%g m", dist)
	if dist >= 1000 {
		label = fmt.Sprintf("%g km", dist/1000)
	}
	fmt.Fprintf(&s, `<g class="scalebar"><title>%s: %s</title><rect class="scalebar-bg" x="10" y="%s" width="%s" height="30"/><line x1="20" y1="%s" x2="%s" y2="%s"/><text x="20" y="%s">%s</text></g>`,
		esc(t(lang, "scale")), esc(label), fmtf(h-40), fmtf(barLen+20), fmtf(h-16), fmtf(20+barLen), fmtf(h-16), fmtf(h-22), esc(label))
	s.WriteString(`</svg>`)
	body.SVG = template.HTML(s.String())
	return body
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
