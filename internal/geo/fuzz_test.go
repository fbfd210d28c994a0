package geo

import (
	"math"
	"testing"
)

// FuzzCoordinates feeds arbitrary coordinates, as records and spreadsheets
// give them, through both conversions: inside the Netherlands every answer
// is finite and a round trip lands within two metres; NaN and infinity are
// never taken for a place in the Netherlands.
func FuzzCoordinates(f *testing.F) {
	f.Add(155000.0, 463000.0, 52.0907, 5.1214)
	f.Add(13000.0, 306000.0, 50.75, 3.36)
	f.Add(278000.0, 620000.0, 53.56, 7.23)
	f.Add(math.NaN(), math.Inf(1), math.NaN(), math.Inf(-1))
	f.Add(-1e300, 1e300, 91.0, -181.0)
	f.Add(463000.0, 155000.0, 5.1214, 52.0907) // swapped
	f.Fuzz(func(t *testing.T, x, y, lat, lon float64) {
		if RDInBounds(x, y) {
			la, lo := RDToWGS84(x, y)
			if math.IsNaN(la) || math.IsNaN(lo) || math.IsInf(la, 0) || math.IsInf(lo, 0) {
				t.Fatalf("RD %v,%v gives %v,%v", x, y, la, lo)
			}
			bx, by := WGS84ToRD(la, lo)
			if d := math.Hypot(bx-x, by-y); d > 2 {
				t.Fatalf("RD %v,%v → %v,%v → %v,%v: %.2f m off", x, y, la, lo, bx, by, d)
			}
		}
		if InNetherlands(lat, lon) {
			if math.IsNaN(lat) || math.IsNaN(lon) {
				t.Fatal("NaN is inside the Netherlands")
			}
			rx, ry := WGS84ToRD(lat, lon)
			bla, blo := RDToWGS84(rx, ry)
			if d := Haversine(lat, lon, bla, blo); math.IsNaN(d) || d > 2 {
				t.Fatalf("%v,%v → RD %v,%v → %v,%v: %.2f m off", lat, lon, rx, ry, bla, blo, d)
			}
		}
	})
}
