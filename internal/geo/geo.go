// Package geo converts between the Dutch national grid (Rijksdriehoek, RD,
// EPSG:28992) and WGS84 latitude and longitude, and holds the little
// geometry the register needs: a sanity box around the Netherlands, polygon
// centroids for map labels, and great-circle distances.
//
// The conversion uses the approximation series of Schreutelkamp and Strang
// van Hees ("Benaderingsformules voor de transformatie tussen RD- en
// WGS84-kaartcoördinaten"): polynomials in the offset from the Amersfoort
// reference point, good to about a metre across the country (within 0.43 m
// of RDNAPTRANS™ at Kadaster's validation points). That is
// plenty for a public map of sensors, and it needs no grid files, so the
// binary stays one file and nothing is fetched at run time. Surveying-grade
// work needs RDNAPTRANS™, which this package does not attempt.
package geo

import "math"

// The Amersfoort reference point (the spire of the Onze Lieve Vrouwetoren)
// in both systems. The WGS84 values are those of the series' WGS84 variant,
// so the origin converts exactly.
const (
	// AmersfoortX is the reference point's RD x in metres.
	AmersfoortX = 155000.0
	// AmersfoortY is the reference point's RD y in metres.
	AmersfoortY = 463000.0
	// AmersfoortLat is the reference point's WGS84 latitude in degrees.
	AmersfoortLat = 52.15517440
	// AmersfoortLon is the reference point's WGS84 longitude in degrees.
	AmersfoortLon = 5.38720621
)

// term is one coefficient of a two-variable series: c·u^p·v^q.
type term struct {
	p, q int
	c    float64
}

// maxPow is one more than the highest power in any table below.
const maxPow = 6

// RD → WGS84. u and v are the RD offsets from Amersfoort in units of 100 km;
// the sums are in arc seconds.
var (
	latFromRD = []term{
		{0, 1, 3235.65389}, {2, 0, -32.58297}, {0, 2, -0.24750},
		{2, 1, -0.84978}, {0, 3, -0.06550}, {2, 2, -0.01709},
		{1, 0, -0.00738}, {4, 0, 0.00530}, {2, 3, -0.00039},
		{4, 1, 0.00033}, {1, 1, -0.00012},
	}
	lonFromRD = []term{
		{1, 0, 5260.52916}, {1, 1, 105.94684}, {1, 2, 2.45656},
		{3, 0, -0.81885}, {1, 3, 0.05594}, {3, 1, -0.05607},
		{0, 1, 0.01199}, {3, 2, -0.00256}, {1, 4, 0.00128},
		{0, 2, 0.00022}, {2, 0, -0.00022}, {5, 0, 0.00026},
	}
)

// WGS84 → RD. u and v are the latitude and longitude offsets from
// Amersfoort in units of 10,000 arc seconds (0.36 × degrees); the sums are
// in metres.
var (
	xFromWGS = []term{
		{0, 1, 190094.945}, {1, 1, -11832.228}, {2, 1, -114.221},
		{0, 3, -32.391}, {1, 0, -0.705}, {3, 1, -2.340},
		{1, 3, -0.608}, {0, 2, -0.008}, {2, 3, 0.148},
	}
	yFromWGS = []term{
		{1, 0, 309056.544}, {0, 2, 3638.893}, {2, 0, 73.077},
		{1, 2, -157.984}, {3, 0, 59.788}, {0, 1, 0.433},
		{2, 2, -6.439}, {1, 1, -0.032}, {0, 4, 0.092},
		{1, 4, -0.054},
	}
)

// powers fills pw with 1, u, u², ... so the series need no math.Pow (which
// is far slower than a few multiplications).
func powers(u float64) (pw [maxPow]float64) {
	pw[0] = 1
	for i := 1; i < maxPow; i++ {
		pw[i] = pw[i-1] * u
	}
	return pw
}

// sum evaluates a series at the powers given.
func sum(ts []term, up, vp *[maxPow]float64) float64 {
	var s float64
	for _, t := range ts {
		s += t.c * up[t.p] * vp[t.q]
	}
	return s
}

// RDToWGS84 converts Rijksdriehoek coordinates (metres) to WGS84 latitude and
// longitude (degrees), to within about a metre inside the Netherlands. Far
// outside the RD domain the series diverges; check the input with RDInBounds
// when it comes from a user.
func RDToWGS84(x, y float64) (lat, lon float64) {
	up := powers((x - AmersfoortX) * 1e-5)
	vp := powers((y - AmersfoortY) * 1e-5)
	lat = AmersfoortLat + sum(latFromRD, &up, &vp)/3600
	lon = AmersfoortLon + sum(lonFromRD, &up, &vp)/3600
	return lat, lon
}

// WGS84ToRD converts WGS84 latitude and longitude (degrees) to Rijksdriehoek
// coordinates (metres), to within about a metre inside the Netherlands.
func WGS84ToRD(lat, lon float64) (x, y float64) {
	up := powers(0.36 * (lat - AmersfoortLat))
	vp := powers(0.36 * (lon - AmersfoortLon))
	x = AmersfoortX + sum(xFromWGS, &up, &vp)
	y = AmersfoortY + sum(yFromWGS, &up, &vp)
	return x, y
}

// The generous box InNetherlands accepts: European Netherlands spans about
// 50.75–53.56 °N and 3.36–7.23 °E; the margin admits the Wadden islands, the
// coastal waters and sensors just across a border (a municipality may place
// one there with its neighbour).
const (
	minLat, maxLat = 50.5, 53.9
	minLon, maxLon = 3.0, 7.5
)

// InNetherlands reports whether a WGS84 point lies in a generous box around
// the European Netherlands. It catches swapped latitude and longitude, RD
// metres typed into a WGS84 field, and a dropped minus or decimal point; it
// does not follow the border. NaN is never inside.
func InNetherlands(lat, lon float64) bool {
	return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon
}

// The RD domain, with a margin: x runs from about -7 km (the Belgian coast)
// to 300 km and y from 289 km to 629 km. Every y inside is larger than every
// x, which is what lets RDInBounds catch swapped coordinates.
const (
	minRDX, maxRDX = -7000.0, 300000.0
	minRDY, maxRDY = 289000.0, 629000.0
)

// RDInBounds reports whether Rijksdriehoek coordinates (metres) lie in the
// domain where RD is defined and the conversion series hold. Swapped x and y,
// kilometres instead of metres, and WGS84 degrees all fall outside.
func RDInBounds(x, y float64) bool {
	return x >= minRDX && x <= maxRDX && y >= minRDY && y <= maxRDY
}

// earthRadius is the mean Earth radius in metres (IUGG), the usual choice for
// the haversine formula.
const earthRadius = 6371008.8

// Haversine returns the great-circle distance in metres between two WGS84
// points given in degrees. On a sphere it is within about 0.5 % of the
// ellipsoidal distance, which is more than enough to compare positions or to
// say how far apart two sensors are.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	s1 := math.Sin(dLat / 2)
	s2 := math.Sin(dLon / 2)
	h := s1*s1 + math.Cos(lat1*rad)*math.Cos(lat2*rad)*s2*s2
	// Rounding can push h a hair above 1 for antipodal points; Asin would
	// then return NaN.
	return 2 * earthRadius * math.Asin(math.Sqrt(math.Min(1, h)))
}

// PolygonCentroid returns the centroid of a polygon given as [lon, lat]
// vertices (the order of the record format and GeoJSON), for placing a label
// on the map. The ring may be closed (last vertex equal to the first) or
// not. The area-weighted centroid is computed in the plane of longitude and
// latitude, which is accurate for areas the size of a town. A ring without
// area (a line or a point) gives the mean of its vertices, and an
// empty one gives (0, 0), which InNetherlands rejects.
func PolygonCentroid(ring [][2]float64) (lon, lat float64) {
	n := len(ring)
	if n > 1 && ring[n-1] == ring[0] {
		n-- // a closed ring repeats its first vertex; count it once
	}
	if n == 0 {
		return 0, 0
	}
	// Work relative to the first vertex: with coordinates near 52° the
	// cross products would otherwise cancel and lose precision.
	ox, oy := ring[0][0], ring[0][1]
	var area2, cx, cy float64
	for i := range n {
		x0, y0 := ring[i][0]-ox, ring[i][1]-oy
		j := (i + 1) % n
		x1, y1 := ring[j][0]-ox, ring[j][1]-oy
		cross := x0*y1 - x1*y0
		area2 += cross
		cx += (x0 + x1) * cross
		cy += (y0 + y1) * cross
	}
	// A relative threshold: a sliver whose area is at rounding level of its
	// extent is a line for labelling purposes.
	var ext float64
	for i := range n {
		ext = math.Max(ext, math.Abs(ring[i][0]-ox)+math.Abs(ring[i][1]-oy))
	}
	if math.Abs(area2) <= 1e-12*ext*ext || math.IsNaN(area2) {
		var sx, sy float64
		for i := range n {
			sx += ring[i][0]
			sy += ring[i][1]
		}
		return sx / float64(n), sy / float64(n)
	}
	return ox + cx/(3*area2), oy + cy/(3*area2)
}
