package geo_test

import (
	"fmt"

	"github.com/voorbeeldstad/register/internal/geo"
)

// A sensor record may give its position in Rijksdriehoek metres; the map
// needs WGS84.
func ExampleRDToWGS84() {
	lat, lon := geo.RDToWGS84(233883.131, 582065.167) // Martinitoren, Groningen
	fmt.Printf("%.6f %.6f\n", lat, lon)
	// Output: 53.219383 6.568201
}

func ExampleWGS84ToRD() {
	x, y := geo.WGS84ToRD(52.37453253, 4.88352559) // Westertoren, Amsterdam
	fmt.Printf("%.0f %.0f\n", x, y)
	// Output: 120701 487526
}

// A mobile sensor's polygon gets its label at the centroid.
func ExamplePolygonCentroid() {
	lon, lat := geo.PolygonCentroid([][2]float64{{5.10, 52.08}, {5.14, 52.08}, {5.14, 52.10}, {5.10, 52.10}, {5.10, 52.08}})
	fmt.Printf("%.2f %.2f %v\n", lat, lon, geo.InNetherlands(lat, lon))
	// Output: 52.09 5.12 true
}
