package federate

import (
	"fmt"
	"html/template"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The national map counts sensors per cell of a grid over the Netherlands
// rather than drawing each one: a million dots make a page no browser
// shows, and the GeoJSON download holds every position. A cell is about
// 3.5 km by 3.3 km.
const (
	gridWest, gridEast   = 3.2, 7.3
	gridSouth, gridNorth = 50.7, 53.6
	cellLon, cellLat     = 0.05, 0.03
)

var (
	gridCols = int(math.Ceil((gridEast - gridWest) / cellLon))
	gridRows = int(math.Ceil((gridNorth - gridSouth) / cellLat))
)

// cellOf names the grid cell of a position, or false outside the map.
func cellOf(lon, lat float64) (string, bool) {
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < gridWest || lon >= gridEast || lat < gridSouth || lat >= gridNorth {
		return "", false
	}
	c := int((lon - gridWest) / cellLon)
	r := int((gridNorth - lat) / cellLat)
	return strconv.Itoa(c) + "," + strconv.Itoa(r), true
}

// mapSVG draws the cells as squares shaded by their count (on a log scale,
// so a city centre does not wash out the villages), with a legend. It is
// plain SVG with no script.
func mapSVG(cells map[string]int) template.HTML {
	// Longitude shrinks with the cosine of the latitude; 52.2° is the
	// middle of the country.
	sx := 10 * math.Cos(52.2*math.Pi/180) * cellLon / cellLat
	const sy = 10.0
	w := int(math.Ceil(float64(gridCols) * sx))
	h := int(float64(gridRows)*sy) + 40
	most := 1
	for _, n := range cells {
		most = max(most, n)
	}
	shades := []string{"#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"}
	shade := func(n int) string {
		i := int(math.Log1p(float64(n)) / math.Log1p(float64(most)) * float64(len(shades)-1))
		return shades[min(max(i, 0), len(shades)-1)]
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-labelledby="map-title">`, w, h, w, h)
	b.WriteString(`<title id="map-title">Sensoren per vak van ongeveer 3,5 bij 3,3 kilometer; hoe donkerder, hoe meer sensoren</title>`)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#f4f8fb"/>`, w, h-40)
	for _, key := range slices.Sorted(maps.Keys(cells)) {
		n := cells[key]
		cs, rs, _ := strings.Cut(key, ",")
		c, err1 := strconv.Atoi(cs)
		r, err2 := strconv.Atoi(rs)
		if err1 != nil || err2 != nil || n <= 0 {
			continue
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%d</title></rect>`,
			float64(c)*sx, float64(r)*sy, sx, sy, shade(n), n)
	}
	// Legend: the shades with the counts they start at.
	y := h - 30
	for i, s := range shades {
		from := int(math.Round(math.Expm1(float64(i) / float64(len(shades)-1) * math.Log1p(float64(most)))))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/><text x="%d" y="%d" font-size="11" font-family="sans-serif">%d+</text>`,
			4+i*60, y, s, 22+i*60, y+11, max(from, 1))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // numbers only, no text from a record
}
