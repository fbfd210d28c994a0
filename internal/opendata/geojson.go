package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
)

// Feature is one GeoJSON feature (RFC 7946).
type Feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *Geometry      `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// Geometry is a GeoJSON geometry. Positions are [longitude, latitude], in
// that order, as RFC 7946 requires.
type Geometry struct {
	Type        string      `json:"type"`
	Coordinates any         `json:"coordinates,omitempty"`
	Geometries  []*Geometry `json:"geometries,omitempty"`
}

// FeatureCollection is a GeoJSON document.
type FeatureCollection struct {
	Type     string     `json:"type"`
	Features []*Feature `json:"features"`
}

// round keeps seven decimals (about a centimetre): more only carries the noise
// of a coordinate conversion.
func round(v float64) float64 { return math.Round(v*1e7) / 1e7 }

// Ring returns a polygon's exterior ring closed (the last position repeats the
// first) and counterclockwise, as RFC 7946 asks of exterior rings.
func Ring(poly [][2]float64) [][2]float64 {
	ring := make([][2]float64, 0, len(poly)+1)
	for _, p := range poly {
		ring = append(ring, [2]float64{round(p[0]), round(p[1])})
	}
	if ring[0] != ring[len(ring)-1] {
		ring = append(ring, ring[0])
	}
	// The shoelace sum is positive for a counterclockwise ring.
	var area float64
	for i := 0; i+1 < len(ring); i++ {
		area += ring[i][0]*ring[i+1][1] - ring[i+1][0]*ring[i][1]
	}
	if area < 0 {
		for i, j := 0, len(ring)-1; i < j; i, j = i+1, j-1 {
			ring[i], ring[j] = ring[j], ring[i]
		}
	}
	return ring
}

// SensorFeature returns the sensor as a feature: a Point for its position, a
// Polygon for its area, both in a GeometryCollection when it has both. It
// returns nil for a sensor with no published geometry.
func SensorFeature(r *record.Record) *Feature {
	if r = publish.View(r); r == nil {
		return nil
	}
	return sensorFeature(r)
}

// sensorFeature is SensorFeature for a record that is already its public
// view.
func sensorFeature(r *record.Record) *Feature {
	var geoms []*Geometry
	if p := Position(r); p != nil {
		geoms = append(geoms, &Geometry{Type: "Point", Coordinates: [2]float64{round(p.Lon), round(p.Lat)}})
	}
	if poly := Polygon(r); poly != nil {
		geoms = append(geoms, &Geometry{Type: "Polygon", Coordinates: [][][2]float64{Ring(poly)}})
	}
	if len(geoms) == 0 {
		return nil
	}
	g := geoms[0]
	if len(geoms) > 1 {
		g = &Geometry{Type: "GeometryCollection", Geometries: geoms}
	}
	props := map[string]any{"name": r.Name, "sensor_type": r.SensorType, "status": r.Status, "summary": r.Summary}
	if r.Location != nil {
		if !r.IsWithheld("location.description") {
			props["location"] = r.Location.Description
		}
		if r.Location.Area != "" && !r.IsWithheld("location.area") {
			props["area"] = r.Location.Area
		}
	}
	for k := range props {
		if r.IsWithheld(k) {
			delete(props, k)
		}
	}
	return &Feature{Type: "Feature", ID: r.ID, Geometry: g, Properties: props}
}

// WriteGeoJSON writes the public sensors that have a published position or
// area as a GeoJSON FeatureCollection (RFC 7946, WGS84, longitude first).
// Algorithms and sensors without a geometry are skipped.
func WriteGeoJSON(w io.Writer, recs []*record.Record) error {
	return WriteGeoJSONKept(w, recs, nil)
}

// WriteGeoJSONKept is WriteGeoJSON with the features kept in kept (see
// Pieces); a sensor without a geometry has an empty piece.
func WriteGeoJSONKept(w io.Writer, recs []*record.Record, kept Pieces) error {
	// The collection as the encoder writes a FeatureCollection, the
	// features encoded one by one between its head and its end.
	const head, end = `{"type":"FeatureCollection","features":[`, "]}\n"
	m := newPieceMaker(w, recs, kept)
	enc := json.NewEncoder(&m.buf)
	enc.SetEscapeHTML(false)
	encode := func(buf *bytes.Buffer, r *record.Record) error {
		f := sensorFeature(r)
		if f == nil {
			return nil
		}
		if err := enc.Encode(f); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
		return nil
	}
	if err := m.writeString(head); err != nil {
		return fmt.Errorf("write geojson: %w", err)
	}
	first := true
	for _, r := range recs {
		if r == nil || !r.IsPublic() || r.Kind != record.Sensor {
			continue
		}
		data, err := m.piece(r, "geojson", encode)
		if err != nil {
			return fmt.Errorf("write geojson: %w", err)
		}
		if len(data) == 0 {
			// A sensor with no point on the map: placed all the same, so
			// that the next build knows it has no feature without making
			// its view again.
			if err := m.put(r, "geojson", nil); err != nil {
				return fmt.Errorf("write geojson: %w", err)
			}
			continue
		}
		if !first {
			if err := m.writeString(","); err != nil {
				return fmt.Errorf("write geojson: %w", err)
			}
		}
		first = false
		if err := m.put(r, "geojson", data); err != nil {
			return fmt.Errorf("write geojson: %w", err)
		}
	}
	if err := m.writeString(end); err != nil {
		return fmt.Errorf("write geojson: %w", err)
	}
	return nil
}
