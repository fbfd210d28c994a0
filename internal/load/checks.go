package load

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/register"
	"github.com/voorbeeldstad/register/internal/source"
)

// registerChecks are the checks that need more than one file: the id is the
// file name, the kind is the folder, ids are unique across the register,
// and an algorithm's uses_sensors names sensors that exist. Their findings
// are placed with the spots each file left (loaded), without reading it again.
func registerChecks(reg *register.Register, sensorIDs map[string]bool, loaded map[*record.Record]*fileResult) []finding.Finding {
	var fs []finding.Finding
	add := func(r *record.Record, ptr string, sev finding.Severity, msg, help string) {
		f := finding.Finding{File: r.File, Record: r.ID, Rule: finding.RuleRegister,
			Severity: sev, Message: msg, Help: help, Path: ptr}
		if l := loaded[r]; l != nil {
			f.Line, f.Column = l.spots.at(ptr)
		}
		fs = append(fs, f)
	}
	seen := map[string]*record.Record{}
	for _, r := range reg.Records {
		base := strings.TrimSuffix(path.Base(r.File), path.Ext(r.File))
		if r.ID != base {
			help := fmt.Sprintf("rename the file to %s.yaml, or set id: %s", r.ID, base)
			if !record.ValidID(r.ID) {
				// An invalid id is no file name to suggest.
				help = "set id: " + base
			}
			add(r, "/id", finding.Error, fmt.Sprintf("id %q does not match the file name %q", r.ID, path.Base(r.File)), help)
		}
		if folder, _, _ := strings.Cut(r.File, "/"); r.Kind.Folder() != "" && r.Kind.Folder() != folder {
			add(r, "/kind", finding.Error, fmt.Sprintf("a record of kind %q is in %s/", r.Kind, folder),
				fmt.Sprintf("move it to %s/, or correct the kind", r.Kind.Folder()))
		}
		if first, dup := seen[r.ID]; dup {
			add(r, "/id", finding.Error, fmt.Sprintf("id %q is already used by %s", r.ID, first.File),
				"ids are unique across the register and never reused: choose another")
		} else {
			seen[r.ID] = r
		}
		if p := r.Point; p != nil && !geo.InNetherlands(p.Lat, p.Lon) {
			ptr, help := "/location/point", "check the coordinates: point is WGS84 latitude and longitude in degrees"
			if r.Location.Point == nil {
				ptr, help = "/location/point_rd", "check the coordinates: point_rd is Rijksdriehoek x and y in metres"
			}
			if r.Location.Point != nil && geo.InNetherlands(p.Lon, p.Lat) {
				help = "lat and lon look swapped: lat is about 51-53 in the Netherlands, lon about 3-7"
			}
			add(r, ptr, finding.Warning, fmt.Sprintf("the sensor's position (%.5f, %.5f) lies outside the Netherlands", p.Lat, p.Lon), help)
		}
		for i, s := range r.UsesSensors {
			if other := reg.ByID(s); other != nil && other.Kind != record.Sensor {
				add(r, fmt.Sprintf("/uses_sensors/%d", i), finding.Error, fmt.Sprintf("uses_sensors names %q, which is an algorithm", s),
					"list only sensors here")
			} else if other == nil && !sensorIDs[s] {
				add(r, fmt.Sprintf("/uses_sensors/%d", i), finding.Error, fmt.Sprintf("uses_sensors names %q, which is not in the register", s),
					"add the sensor's record, or correct the id")
			}
		}
	}
	return fs
}

// Spots are the positions of the fields the register-wide checks may point
// at, noted while the file's node tree is alive: those checks need every
// record first, and reading each file again to place their findings cost as
// much as the whole load. A missing field has its parent's position, as
// source.Document.Locate gives.
type Spots struct {
	ID, Kind, Point, PointRD Pos
	Uses                     []Pos // uses_sensors, item by item
}

// Pos is a line and column.
type Pos struct{ Line, Col int32 }

const usesSensors = "/uses_sensors/"

func spotsOf(doc *source.Document, r *record.Record) Spots {
	at := func(ptr string) Pos {
		l, c := doc.Locate(ptr, false)
		return Pos{int32(l), int32(c)}
	}
	s := Spots{ID: at("/id"), Kind: at("/kind"), Point: at("/location/point"), PointRD: at("/location/point_rd")}
	if len(r.UsesSensors) > 0 {
		s.Uses = make([]Pos, len(r.UsesSensors))
		for i := range s.Uses {
			s.Uses[i] = at(usesSensors + strconv.Itoa(i))
		}
	}
	return s
}

// at returns the position noted for a pointer, or zeros for one not noted.
func (s Spots) at(ptr string) (line, col int) {
	p := Pos{}
	switch ptr {
	case "/id":
		p = s.ID
	case "/kind":
		p = s.Kind
	case "/location/point":
		p = s.Point
	case "/location/point_rd":
		p = s.PointRD
	default:
		if i, err := strconv.Atoi(strings.TrimPrefix(ptr, usesSensors)); err == nil && strings.HasPrefix(ptr, usesSensors) && i >= 0 && i < len(s.Uses) {
			p = s.Uses[i]
		}
	}
	return int(p.Line), int(p.Col)
}
