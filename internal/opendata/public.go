// Package opendata writes the register's open-data downloads: the whole
// register as JSON, sensors and algorithms as CSV, the sensors' positions as
// GeoJSON, and a DCAT-AP catalogue that describes them. Every writer leaves
// out records that are not public and fields a record withholds, so a caller
// cannot publish what the municipality decided to keep back. The public site
// and the export command share these writers.
package opendata

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// Public returns the records that may be published, in the order given.
func Public(recs []*record.Record) []*record.Record {
	out := make([]*record.Record, 0, len(recs))
	for _, r := range recs {
		if r != nil && r.IsPublic() {
			out = append(out, r)
		}
	}
	return out
}

// PositionWithheld reports whether the record keeps its position back:
// withholding either form of the point withholds both, since one can be
// converted into the other.
func PositionWithheld(r *record.Record) bool {
	return r.IsWithheld("location.point") || r.IsWithheld("location.point_rd")
}

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

// incidentFields are the parts of an incident the public may see: its type,
// its dates and the summary written for publication. The delay reason and the
// notifiable flag are internal working notes.
var incidentFields = map[string]bool{"type": true, "discovered": true, "reported": true, "summary": true}

// View returns the record as the public may see it: the record format's
// fields (JSON names), without withheld fields and without the internal parts
// of incidents. It returns an error only when the record cannot be encoded.
func View(r *record.Record) (map[string]any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decode record %s: %w", r.ID, err)
	}
	if inc, ok := m["incidents"].([]any); ok {
		for _, it := range inc {
			if im, ok := it.(map[string]any); ok {
				for k := range im {
					if !incidentFields[k] {
						delete(im, k)
					}
				}
			}
		}
	}
	if r.Publication != nil {
		for _, p := range r.Publication.Withheld {
			remove(m, strings.Split(p, "."))
		}
		if PositionWithheld(r) {
			remove(m, []string{"location", "point"})
			remove(m, []string{"location", "point_rd"})
		}
	}
	return m, nil
}

// remove deletes a dotted path from decoded JSON. A list on the way applies
// the rest of the path to each element ("datasets.url" hides every dataset's
// link); a numeric step picks one element.
func remove(v any, path []string) {
	if len(path) == 0 {
		return
	}
	switch t := v.(type) {
	case map[string]any:
		if len(path) == 1 {
			delete(t, path[0])
			return
		}
		remove(t[path[0]], path[1:])
	case []any:
		var i int
		if _, err := fmt.Sscanf(path[0], "%d", &i); err == nil && fmt.Sprint(i) == path[0] {
			if i >= 0 && i < len(t) {
				if len(path) == 1 {
					t[i] = nil
					return
				}
				remove(t[i], path[1:])
			}
			return
		}
		for _, e := range t {
			remove(e, path)
		}
	}
}
