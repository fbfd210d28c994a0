// Package opendata writes the register's open-data downloads: the whole
// register as JSON, sensors and algorithms as CSV, the sensors' positions as
// GeoJSON, and a DCAT-AP catalogue that describes them. Every writer leaves
// out records that are not public and fields a record withholds: each runs
// what it is given through the publish package's filter itself, so a caller
// cannot publish what the municipality decided to keep back. The public site
// and the export command share these writers.
package opendata

import (
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// PositionWithheld reports whether the record keeps its position back; see
// publish.PositionWithheld.
func PositionWithheld(r *record.Record) bool { return publish.PositionWithheld(r) }

// Position returns the sensor's published WGS84 position, or nil when it has
// none or withholds it. The loader fills Record.Point from point or point_rd;
// location.point stands in for records built without the loader.
func Position(r *record.Record) *record.Point {
	if PositionWithheld(r) {
		return nil
	}
	p := r.Point
	if p == nil && r.Location != nil {
		p = r.Location.Point
	}
	if p == nil || !valid(p.Lon, p.Lat) {
		return nil
	}
	return p
}

// valid reports whether a position is on the globe: a record that breaks
// the schema still loads, and NaN or 1e9 must not break a download.
func valid(lon, lat float64) bool {
	return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
}

// Polygon returns the published area of a camera area or mobile sensor as
// [lon, lat] pairs, or nil.
func Polygon(r *record.Record) [][2]float64 {
	if r.Location == nil || len(r.Location.Polygon) < 3 || r.IsWithheld("location.polygon") {
		return nil
	}
	for _, c := range r.Location.Polygon {
		if !valid(c[0], c[1]) {
			return nil
		}
	}
	return r.Location.Polygon
}
