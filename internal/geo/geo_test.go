package geo

import (
	"math"
	"testing"
)

// published are places whose RD and WGS84 coordinates are both published.
//
// The Westertoren and Martinitoren pairs are the worked examples in
// Schreutelkamp and Strang van Hees, so they check the coefficients; the
// series reproduces them to the millimetre.
//
// The rest are independent of the series. The RDNAPTRANS™2008 validation
// points, which Kadaster publishes so implementations can check themselves,
// give ETRS89 for surveyed RD coordinates; ETRS89 and WGS84 agree to well
// under a metre, the accuracy the series claims. The second Martinitoren
// pair and the Rotterdam point come from PROJ's EPSG:28992 → EPSG:4326
// transformation as published in other projects' tests.
var published = []struct {
	name     string
	x, y     float64
	lat, lon float64
	tol      float64 // metres
}{
	{"Amersfoort, Onze Lieve Vrouwetoren (origin)", 155000, 463000, 52.15517440, 5.38720621, 0.001},
	{"Amsterdam, Westertoren", 120700.723, 487525.501, 52.37453253, 4.88352559, 0.05},
	{"Groningen, Martinitoren", 233883.131, 582065.167, 53.21938317, 6.56820053, 0.05},
	{"RDNAPTRANS 01 Texel", 117380.12, 575040.34, 53.160753042, 4.824761912, 1},
	{"RDNAPTRANS 02 Noord-Groningen", 247380.56, 604580.78, 53.419482050, 6.776726674, 1},
	{"RDNAPTRANS 03 Amersfoort", 155000, 463000, 52.155172897, 5.387203657, 1},
	{"RDNAPTRANS 05 Zeeuws-Vlaanderen", 16460.91, 377380.23, 51.368607152, 3.397588595, 1},
	{"RDNAPTRANS 06 Zuid-Limburg", 182260.45, 311480.67, 50.792584916, 5.773795548, 1},
	{"RDNAPTRANS 07 Maasvlakte", 64640.89, 440700.01, 51.947393898, 4.072887101, 1},
	{"Groningen, Martinitoren (PROJ)", 233883.131, 582065.167, 53.21938161, 6.56820508, 1},
	{"Rotterdam-West (PROJ)", 91649.64, 435614.06, 51.90541969713044, 4.4666208251094135, 1},
}

// TestRigorousReference checks the test's own reference conversion against
// the independent published points, so a mistake in it cannot hide one in
// the series.
func TestRigorousReference(t *testing.T) {
	for _, p := range published[3:] {
		lat, lon := rigorousRDToWGS84(p.x, p.y)
		if d := Haversine(lat, lon, p.lat, p.lon); d > 0.5 {
			t.Errorf("%s: rigorous conversion %.2f m from the published position; want within 0.5 m", p.name, d)
		}
	}
}

func TestRDToWGS84Published(t *testing.T) {
	for _, p := range published {
		t.Run(p.name, func(t *testing.T) {
			lat, lon := RDToWGS84(p.x, p.y)
			if d := Haversine(lat, lon, p.lat, p.lon); d > p.tol {
				t.Errorf("RDToWGS84(%.3f, %.3f) = (%.8f, %.8f), %.3f m from published (%.8f, %.8f); want within %.3f m",
					p.x, p.y, lat, lon, d, p.lat, p.lon, p.tol)
			}
		})
	}
}

func TestWGS84ToRDPublished(t *testing.T) {
	for _, p := range published {
		t.Run(p.name, func(t *testing.T) {
			x, y := WGS84ToRD(p.lat, p.lon)
			if d := math.Hypot(x-p.x, y-p.y); d > p.tol {
				t.Errorf("WGS84ToRD(%.8f, %.8f) = (%.3f, %.3f), %.3f m from published (%.3f, %.3f); want within %.3f m",
					p.lat, p.lon, x, y, d, p.x, p.y, p.tol)
			}
		})
	}
}

// TestOriginExact pins the reference point: both directions must return it
// unchanged, since every term of both series vanishes there.
func TestOriginExact(t *testing.T) {
	lat, lon := RDToWGS84(AmersfoortX, AmersfoortY)
	if lat != AmersfoortLat || lon != AmersfoortLon {
		t.Errorf("RDToWGS84(origin) = (%v, %v), want (%v, %v)", lat, lon, AmersfoortLat, AmersfoortLon)
	}
	x, y := WGS84ToRD(AmersfoortLat, AmersfoortLon)
	if x != AmersfoortX || y != AmersfoortY {
		t.Errorf("WGS84ToRD(origin) = (%v, %v), want (%v, %v)", x, y, AmersfoortX, AmersfoortY)
	}
}

// TestAgainstRigorous checks both directions against the full projection
// and datum shift in rigorous_test.go at well-known places at the corners
// and centre of the country. Each place is given by its WGS84 position
// (rounded to about 10 m; which exact spot does not matter): WGS84ToRD must
// give RD coordinates that the rigorous conversion takes back to within
// 1.5 m of it, and RDToWGS84 must agree with the rigorous conversion there
// to within 1 m.
func TestAgainstRigorous(t *testing.T) {
	places := []struct {
		name     string
		lat, lon float64
	}{
		{"Utrecht, Domtoren", 52.0907, 5.1214},
		{"Maastricht, Vrijthof", 50.8489, 5.6893},
		{"Vaals, Drielandenpunt", 50.7548, 6.0207},
		{"Cadzand-Bad", 51.3736, 3.3853},
		{"Den Helder", 52.9563, 4.7601},
		{"Bad Nieuweschans", 53.1819, 7.2075},
		{"Schiermonnikoog", 53.4792, 6.1639},
	}
	for _, p := range places {
		t.Run(p.name, func(t *testing.T) {
			x, y := WGS84ToRD(p.lat, p.lon)
			if !RDInBounds(x, y) {
				t.Fatalf("WGS84ToRD(%.4f, %.4f) = (%.1f, %.1f), outside the RD domain", p.lat, p.lon, x, y)
			}
			backLat, backLon := rigorousRDToWGS84(x, y)
			if d := Haversine(p.lat, p.lon, backLat, backLon); d > 1.5 {
				t.Errorf("WGS84ToRD(%.4f, %.4f) = (%.2f, %.2f), which the rigorous conversion puts %.2f m away; want within 1.5 m",
					p.lat, p.lon, x, y, d)
			}
			lat, lon := RDToWGS84(x, y)
			if d := Haversine(lat, lon, backLat, backLon); d > 1 {
				t.Errorf("RDToWGS84(%.2f, %.2f) = (%.7f, %.7f), %.2f m from the rigorous (%.7f, %.7f); want within 1 m",
					x, y, lat, lon, d, backLat, backLon)
			}
		})
	}
}

// TestAgainstRigorousGrid sweeps the whole RD domain in 5 km steps.
func TestAgainstRigorousGrid(t *testing.T) {
	var worst float64
	for x := 0.0; x <= 280000; x += 5000 {
		for y := 300000.0; y <= 625000; y += 5000 {
			lat, lon := RDToWGS84(x, y)
			wantLat, wantLon := rigorousRDToWGS84(x, y)
			d := Haversine(lat, lon, wantLat, wantLon)
			worst = math.Max(worst, d)
			if d > 1 {
				t.Fatalf("RDToWGS84(%.0f, %.0f) is %.2f m from the rigorous conversion; want within 1 m", x, y, d)
			}
		}
	}
	t.Logf("largest difference from the rigorous conversion: %.3f m", worst)
}

func TestRoundTrip(t *testing.T) {
	t.Run("RD→WGS84→RD", func(t *testing.T) {
		for x := -5000.0; x <= 295000; x += 2500 {
			for y := 295000.0; y <= 625000; y += 2500 {
				lat, lon := RDToWGS84(x, y)
				x2, y2 := WGS84ToRD(lat, lon)
				if d := math.Hypot(x2-x, y2-y); d > 0.5 {
					t.Fatalf("(%.0f, %.0f) → (%.7f, %.7f) → (%.3f, %.3f): %.3f m off; want within 0.5 m",
						x, y, lat, lon, x2, y2, d)
				}
			}
		}
	})
	t.Run("WGS84→RD→WGS84", func(t *testing.T) {
		for lat := 50.75; lat <= 53.56; lat += 0.02 {
			for lon := 3.35; lon <= 7.23; lon += 0.02 {
				x, y := WGS84ToRD(lat, lon)
				lat2, lon2 := RDToWGS84(x, y)
				if d := Haversine(lat, lon, lat2, lon2); d > 0.5 {
					t.Fatalf("(%.4f, %.4f) → (%.3f, %.3f) → (%.7f, %.7f): %.3f m off; want within 0.5 m",
						lat, lon, x, y, lat2, lon2, d)
				}
			}
		}
	})
}

func TestInNetherlands(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon float64
		want     bool
	}{
		{"Amersfoort", 52.1552, 5.3872, true},
		{"Cadzand, the south-west corner", 51.37, 3.38, true},
		{"Rottumeroog, the north", 53.54, 6.57, true},
		{"Bad Nieuweschans, the east", 53.18, 7.21, true},
		{"Vaals, the south", 50.76, 6.02, true},
		{"swapped latitude and longitude", 5.3872, 52.1552, false},
		{"RD metres in a WGS84 field", 463000, 155000, false},
		{"Paris", 48.8566, 2.3522, false},
		{"Berlin", 52.52, 13.405, false},
		{"Null Island", 0, 0, false},
		{"a lost decimal point", 521.552, 53.872, false},
		{"NaN latitude", math.NaN(), 5.0, false},
		{"NaN longitude", 52.0, math.NaN(), false},
		{"infinite", math.Inf(1), math.Inf(1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InNetherlands(tt.lat, tt.lon); got != tt.want {
				t.Errorf("InNetherlands(%v, %v) = %v, want %v", tt.lat, tt.lon, got, tt.want)
			}
		})
	}
}

func TestRDInBounds(t *testing.T) {
	tests := []struct {
		name string
		x, y float64
		want bool
	}{
		{"Amersfoort", 155000, 463000, true},
		{"Cadzand", 14000, 378150, true},
		{"the Belgian coast just west of the grid", -5000, 370000, true},
		{"Nieuweschans", 275700, 575600, true},
		{"swapped x and y", 463000, 155000, false},
		{"kilometres instead of metres", 155, 463, false},
		{"WGS84 degrees", 5.3872, 52.1552, false},
		{"NaN", math.NaN(), 463000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RDInBounds(tt.x, tt.y); got != tt.want {
				t.Errorf("RDInBounds(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestHaversine(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", 52.1, 5.1, 52.1, 5.1, 0, 0},
		{"one degree of latitude", 52, 5, 53, 5, earthRadius * math.Pi / 180, 1e-6},
		{"one degree of longitude on the equator", 0, 5, 0, 6, earthRadius * math.Pi / 180, 1e-6},
		{"pole to pole", 90, 0, -90, 0, earthRadius * math.Pi, 1e-6},
		{"antipodes on the equator", 0, 0, 0, 180, earthRadius * math.Pi, 1e-6},
		// Off the axes, compare with the spherical law of cosines, a
		// different formula for the same distance (fine at this length).
		{"one degree of longitude at 60°N", 60, 10, 60, 11, cosineLaw(60, 10, 60, 11), 1e-3},
		{"Amersfoort to the Martinitoren", 52.15517440, 5.38720621, 53.21938317, 6.56820053,
			cosineLaw(52.15517440, 5.38720621, 53.21938317, 6.56820053), 1e-3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Haversine(tt.lat1, tt.lon1, tt.lat2, tt.lon2)
			if math.Abs(got-tt.want) > tt.tol {
				t.Errorf("Haversine = %.6f m, want %.6f ± %v", got, tt.want, tt.tol)
			}
			if back := Haversine(tt.lat2, tt.lon2, tt.lat1, tt.lon1); back != got {
				t.Errorf("Haversine is not symmetric: %v one way, %v the other", got, back)
			}
		})
	}
}

func cosineLaw(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	c := math.Sin(lat1*rad)*math.Sin(lat2*rad) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Cos((lon2-lon1)*rad)
	return earthRadius * math.Acos(c)
}

func TestPolygonCentroid(t *testing.T) {
	tests := []struct {
		name     string
		ring     [][2]float64
		lon, lat float64
	}{
		{"empty", nil, 0, 0},
		{"one point", [][2]float64{{5.1, 52.1}}, 5.1, 52.1},
		{"square, open", [][2]float64{{5, 52}, {5.2, 52}, {5.2, 52.2}, {5, 52.2}}, 5.1, 52.1},
		{"square, closed", [][2]float64{{5, 52}, {5.2, 52}, {5.2, 52.2}, {5, 52.2}, {5, 52}}, 5.1, 52.1},
		{"square, clockwise", [][2]float64{{5, 52}, {5, 52.2}, {5.2, 52.2}, {5.2, 52}}, 5.1, 52.1},
		// A right triangle's centroid is the mean of its corners.
		{"triangle", [][2]float64{{5, 52}, {5.3, 52}, {5, 52.3}}, 5.1, 52.1},
		// An L of three unit squares at (0,0), (1,0) and (0,1), scaled by
		// 0.1°: the centroid is the mean of the squares' centres, (5/6, 5/6)
		// × 0.1 from the corner; the mean of the six vertices would be (1, 1).
		{"concave L", [][2]float64{{5, 52}, {5.2, 52}, {5.2, 52.1}, {5.1, 52.1}, {5.1, 52.2}, {5, 52.2}},
			5 + 0.1*5.0/6, 52 + 0.1*5.0/6},
		// A ring of three collinear points has no area: the mean of the
		// vertices stands in.
		{"collinear", [][2]float64{{5, 52}, {5.1, 52.1}, {5.5, 52.5}}, 5.2, 52.2},
		{"two points", [][2]float64{{5, 52}, {5.2, 52.4}}, 5.1, 52.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lon, lat := PolygonCentroid(tt.ring)
			if math.Abs(lon-tt.lon) > 1e-9 || math.Abs(lat-tt.lat) > 1e-9 {
				t.Errorf("PolygonCentroid = (%.10f, %.10f), want (%.10f, %.10f)", lon, lat, tt.lon, tt.lat)
			}
		})
	}
}

func BenchmarkRDToWGS84(b *testing.B) {
	var lat, lon float64
	for i := 0; b.Loop(); i++ {
		l1, l2 := RDToWGS84(100000+float64(i%100000), 400000+float64(i%150000))
		lat += l1
		lon += l2
	}
	_, _ = lat, lon
}

func BenchmarkWGS84ToRD(b *testing.B) {
	var x, y float64
	for i := 0; b.Loop(); i++ {
		x1, y1 := WGS84ToRD(51+float64(i%2000)*0.001, 4+float64(i%3000)*0.001)
		x += x1
		y += y1
	}
	_, _ = x, y
}

func BenchmarkRigorousRDToWGS84(b *testing.B) {
	var lat, lon float64
	for i := 0; b.Loop(); i++ {
		l1, l2 := rigorousRDToWGS84(100000+float64(i%100000), 400000+float64(i%150000))
		lat += l1
		lon += l2
	}
	_, _ = lat, lon
}
