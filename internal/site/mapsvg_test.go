package site

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/load"
	"github.com/voorbeeldstad/register/internal/testgen"
)

// TestMapListIsPaged: the list under the map is split over pages of
// mapPageSize sensors that together list every sensor the map shows once,
// linked in order from the map's page, in both languages; only the map's
// own page draws the map; and a sensor's page links its row on the page
// that holds it.
func TestMapListIsPaged(t *testing.T) {
	root := filepath.Join(t.TempDir(), "register")
	if err := testgen.Write(root, 3*mapPageSize+60, 1); err != nil {
		t.Fatal(err)
	}
	res, err := load.Register(root, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := build(t, res.Register, Options{})
	mapped := 0
	for _, r := range res.Register.Records {
		if r.Kind == "sensor" && r.IsPublic() && hasMapShape(r) {
			mapped++
		}
	}
	if mapped <= mapPageSize {
		t.Fatalf("only %d sensors on the map: too few to test its pages", mapped)
	}
	rowRe := regexp.MustCompile(`<tr id="s-([^"]+)"><th scope="row">`)
	nextRe := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	for _, c := range []struct{ first, record string }{
		{"kaart.html", "sensoren/%s.html"},
		{"en/map.html", "en/sensors/%s.html"},
	} {
		on := map[string]string{} // sensor id → page
		pages := 0
		for p := c.first; p != ""; pages++ {
			page := read(t, out, p)
			if strings.Contains(page, "<svg class=\"map\"") != (p == c.first) {
				t.Errorf("%s: the map is drawn on its own page only", p)
			}
			rows := rowRe.FindAllStringSubmatch(page, -1)
			if len(rows) == 0 || len(rows) > mapPageSize {
				t.Fatalf("%s lists %d sensors, want 1 to %d", p, len(rows), mapPageSize)
			}
			for _, r := range rows {
				if on[r[1]] != "" {
					t.Errorf("%s lists %s, which %s listed already", p, r[1], on[r[1]])
				}
				on[r[1]] = p
			}
			cur := p
			p = ""
			if m := nextRe.FindStringSubmatch(page); m != nil {
				next := filepath.Join(filepath.Dir(filepath.FromSlash(cur)), filepath.FromSlash(m[1]))
				if _, err := os.Stat(filepath.Join(out, next)); err != nil {
					t.Fatalf("%s links to %s, which does not exist", cur, m[1])
				}
				p = filepath.ToSlash(next)
			}
		}
		if len(on) != mapped || pages != (mapped+mapPageSize-1)/mapPageSize {
			t.Errorf("%s: %d pages list %d sensors, want %d", c.first, pages, len(on), mapped)
		}
		// The last sensor's page links its row, on the last page.
		var last string
		for id, p := range on {
			if p != c.first && (last == "" || id > last) {
				last = id
			}
		}
		page := read(t, out, strings.Replace(c.record, "%s", last, 1))
		want := filepath.ToSlash(strings.TrimPrefix(on[last], "en/")) + "#s-" + last
		if !strings.Contains(page, want+`"`) {
			t.Errorf("the page of %s does not link %s", last, want)
		}
	}
}

// TestMapGrid: above mapGridLimit shapes the map draws a dot per cell,
// each titled with its count: the counts add up to every shape, the dots
// are bounded by the canvas, not the number of shapes, and the drawing is
// the same each time.
func TestMapGrid(t *testing.T) {
	var shapes []mapShape
	ext := mapExtent{minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for i := range 3 * mapGridLimit {
		lon, lat := 4.8+float64(i%97)*0.003, 52.0+float64(i%89)*0.002
		x, y := mercator(lon, lat)
		shapes = append(shapes, mapShape{point: &[2]float64{x, y}})
		ext.grow(x, y, lat)
	}
	draw := func() string {
		m := &mapSVG{lang: "nl", f: ext.frame()}
		m.grid(shapes)
		return m.s.String()
	}
	svg := draw()
	if svg != draw() {
		t.Error("the grid is drawn differently twice")
	}
	titles := regexp.MustCompile(`<title>(\d+) sensoren</title>`).FindAllStringSubmatch(svg, -1)
	sum := 0
	for _, m := range titles {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	f := ext.frame()
	if bound := int((f.w/mapCell + 1) * (f.h/mapCell + 1)); sum != len(shapes) || len(titles) == 0 || len(titles) > bound {
		t.Errorf("%d dots counting %d shapes; want %d shapes in at most %d dots", len(titles), sum, len(shapes), bound)
	}
}
