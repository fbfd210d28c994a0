package export

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"strings"
	"unicode"

	"github.com/voorbeeldstad/register/internal/opendata"
	"github.com/voorbeeldstad/register/internal/publish"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
)

// The SensorThings API (OGC 18-088, version 1.1) models a sensor as a Thing
// at a Location, with a Datastream per measured property, each linking the
// ObservedProperty and the Sensor (the instrument). The export writes every
// public sensor as one Thing with its related entities nested, the shape a
// SensorThings server accepts in one POST to /Things ("deep insert").

// Things is the export document: the sensors as SensorThings Things.
type Things struct {
	Value []Thing `json:"value"`
}

// Thing is a sensor as a SensorThings Thing.
type Thing struct {
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Properties  map[string]any `json:"properties"`
	Locations   []Location     `json:"Locations,omitempty"`
	Datastreams []Datastream   `json:"Datastreams,omitempty"`
}

// Location is where a Thing is, as GeoJSON (WGS84, longitude first).
type Location struct {
	Name         string             `json:"name"`
	Description  string             `json:"description"`
	EncodingType string             `json:"encodingType"`
	Location     *opendata.Geometry `json:"location"`
}

// Datastream groups the observations of one property by one sensor.
type Datastream struct {
	Name              string            `json:"name"`
	Description       string            `json:"description"`
	ObservationType   string            `json:"observationType"`
	UnitOfMeasurement UnitOfMeasurement `json:"unitOfMeasurement"`
	Properties        map[string]any    `json:"properties,omitempty"`
	ObservedProperty  ObservedProperty  `json:"ObservedProperty"`
	Sensor            Sensor            `json:"Sensor"`
}

// UnitOfMeasurement is the unit of a Datastream's results.
type UnitOfMeasurement struct {
	Name       string `json:"name"`
	Symbol     string `json:"symbol"`
	Definition string `json:"definition"`
}

// ObservedProperty is what a Datastream measures.
type ObservedProperty struct {
	Name        string `json:"name"`
	Definition  string `json:"definition"`
	Description string `json:"description"`
}

// Sensor is the instrument that makes the observations.
type Sensor struct {
	Name         string `json:"name"`
	Description  string `json:"description"`
	EncodingType string `json:"encodingType"`
	Metadata     string `json:"metadata"`
}

// observationMeasurement is the O&M observation type of a numeric result.
const observationMeasurement = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"

// WriteSensorThings writes the register's public sensors as SensorThings
// entities (JSON). Withheld fields are left out; a sensor whose position is
// withheld has no Location.
func WriteSensorThings(w io.Writer, reg *register.Register) error {
	doc := Things{Value: []Thing{}}
	pub := publish.Register(reg).Register
	for _, r := range pub.Records {
		if r.Kind == record.Sensor {
			doc.Value = append(doc.Value, sensorThing(r, pub))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write sensorthings export: %w", err)
	}
	return nil
}

// SensorThing maps one sensor record to a Thing with its Locations and
// Datastreams, from its public view: a record that is not public gives an
// empty Thing.
func SensorThing(r *record.Record, reg *register.Register) Thing {
	if r = publish.View(r); r == nil {
		return Thing{}
	}
	return sensorThing(r, reg)
}

// sensorThing is SensorThing for a record that is already its public view.
func sensorThing(r *record.Record, reg *register.Register) Thing {
	name := r.Name
	if r.IsWithheld("name") {
		name = r.ID
	}
	props := thingProperties(r)
	if u := recordURL(r, reg); u != "" {
		props["register_url"] = u
	}
	t := Thing{Name: name, Description: r.Summary, Properties: props}
	if loc := thingLocation(r); loc != nil {
		t.Locations = []Location{*loc}
	}
	sensor := Sensor{Name: name, Description: r.Summary, EncodingType: "text/html", Metadata: recordURL(r, reg)}
	if r.Vendor != nil && !r.IsWithheld("vendor") {
		if model := strings.TrimSpace(r.Vendor.Manufacturer + " " + r.Vendor.Model); model != "" {
			sensor.Name = model
		}
	}
	if sensor.Metadata == "" {
		// No public page to point to: describe the instrument inline.
		sensor.EncodingType = "text/plain"
		sensor.Metadata = sensor.Name
	}
	if !r.IsWithheld("measures") {
		for _, m := range r.Measures {
			ds := Datastream{
				Name:              name + ": " + m.Property,
				Description:       m.Property + " gemeten door " + name,
				ObservationType:   observationMeasurement,
				UnitOfMeasurement: UnitOfMeasurement{Name: m.Unit, Symbol: m.Unit, Definition: "urn:register:unit:" + slug(m.Unit)},
				ObservedProperty: ObservedProperty{Name: m.Property, Description: m.Property,
					Definition: "urn:register:observed-property:" + slug(m.Property)},
				Sensor: sensor,
			}
			if m.Frequency != "" {
				ds.Properties = map[string]any{"frequency": m.Frequency}
			}
			t.Datastreams = append(t.Datastreams, ds)
		}
	}
	return t
}

// thingProperties are what a sensor platform shows beside the name: what
// the sensor is and does, who answers for it, and how long it stays, from
// the record's public view.
func thingProperties(r *record.Record) map[string]any {
	props := map[string]any{"register_id": r.ID}
	// The place in words, also for a sensor without a published position
	// (a mobile sensor, or one whose position is withheld).
	if l := r.Location; l != nil {
		if l.Description != "" && !r.IsWithheld("location.description") {
			props["location"] = l.Description
		}
		if l.Area != "" && !r.IsWithheld("location.area") {
			props["area"] = l.Area
		}
		if l.Mobile && !r.IsWithheld("location.mobile") {
			props["mobile"] = true
		}
	}
	keys := []string{"status", "sensor_type", "capabilities", "quantity", "organisation", "owner", "personal_data", "lifecycle", "themes", "open_data", "vendor"}
	// Any publication block goes through the view's map, which carries it:
	// a record may withhold its list of withheld fields, and the reason
	// is then all that tells a left-out field from one not given. So does
	// a view that is not plain (a quantity that is no count is null).
	if r.Publication != nil || !publish.Plain(r) {
		view, err := publish.Map(r)
		if err != nil {
			return props
		}
		for _, k := range keys {
			if v, ok := view[k]; ok {
				props[k] = v
			}
		}
		// What is withheld, and why: a withheld quantity left out would
		// read as the format's default of 1.
		if p, ok := view["publication"]; ok {
			props["publication"] = p
		}
		return props
	}
	vals := map[string]any{"status": r.Status, "sensor_type": r.SensorType, "capabilities": r.Capabilities,
		"quantity": r.Quantity, "organisation": r.Organisation, "owner": r.Owner, "personal_data": r.PersonalData,
		"lifecycle": r.Lifecycle, "themes": r.Themes, "open_data": r.OpenData, "vendor": r.Vendor}
	for _, k := range keys {
		// Leave out what the record leaves out, as the public view does.
		switch v := vals[k].(type) {
		case string:
			if v == "" {
				continue
			}
		case []string:
			if len(v) == 0 {
				continue
			}
		case int:
			if v == 0 {
				continue
			}
		case *record.OpenData:
			if v == nil {
				continue
			}
		case *record.Vendor:
			if v == nil {
				continue
			}
		}
		props[k] = vals[k]
	}
	return props
}

// thingLocation returns the sensor's published position or area, or nil.
func thingLocation(r *record.Record) *Location {
	if r.Location == nil {
		return nil
	}
	var geoms []*opendata.Geometry
	if p := opendata.Position(r); p != nil {
		geoms = append(geoms, &opendata.Geometry{Type: "Point", Coordinates: [2]float64{round7(p.Lon), round7(p.Lat)}})
	}
	if poly := opendata.Polygon(r); poly != nil {
		geoms = append(geoms, &opendata.Geometry{Type: "Polygon", Coordinates: [][][2]float64{opendata.Ring(poly)}})
	}
	if len(geoms) == 0 {
		return nil
	}
	g := geoms[0]
	if len(geoms) > 1 {
		g = &opendata.Geometry{Type: "GeometryCollection", Geometries: geoms}
	}
	loc := &Location{Name: r.Location.Description, Description: r.Location.Area, EncodingType: "application/geo+json", Location: g}
	if r.IsWithheld("location.description") {
		loc.Name = r.ID
	}
	if r.IsWithheld("location.area") {
		loc.Description = ""
	}
	return loc
}

// round7 keeps seven decimals (about a centimetre), as the GeoJSON download does.
func round7(v float64) float64 { return math.Round(v*1e7) / 1e7 }

// slug makes a stable URN part of a free text: lower case, letters and
// digits, the rest as single hyphens, percent-encoded where not ASCII
// (so "µg/m³" stays distinct from "g/m").
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(c)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return url.PathEscape(strings.TrimSuffix(b.String(), "-"))
}
