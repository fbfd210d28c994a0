package load

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/record"
	"github.com/voorbeeldstad/register/internal/source"
)

// registerChecks are the checks that need more than one file: the id is the
// file name, the kind is the folder, ids are unique across the register,
// and an algorithm's uses_sensors names sensors that exist. They read each
// file's facts, in the order of the register's records (sortEntries), and
// place their findings with the spots each file left, without reading it
// again.
func registerChecks(entries []*fileResult, sensorIDs map[string]bool) []finding.Finding {
	byID := make(map[string]*Facts, len(entries))
	for _, e := range entries {
		if _, dup := byID[e.facts.ID]; !dup {
			byID[e.facts.ID] = e.facts
		}
	}
	var fs []finding.Finding
	seen := make(map[string]string, len(entries))
	for _, e := range entries {
		r, file := e.facts, e.file
		add := func(ptr string, sev finding.Severity, msg, help string) {
			f := finding.Finding{File: file, Record: r.ID, Rule: finding.RuleRegister,
				Severity: sev, Message: msg, Help: help, Path: ptr}
			f.Line, f.Column = r.Spots.at(ptr)
			fs = append(fs, f)
		}
		base := strings.TrimSuffix(path.Base(file), path.Ext(file))
		if r.ID != base {
			help := fmt.Sprintf("rename the file to %s.yaml, or set id: %s", r.ID, base)
			if !record.ValidID(r.ID) {
				// An invalid id is no file name to suggest.
				help = "set id: " + base
			}
			add("/id", finding.Error, fmt.Sprintf("id %q does not match the file name %q", r.ID, path.Base(file)), help)
		}
		if folder, _, _ := strings.Cut(file, "/"); r.Kind.Folder() != "" && r.Kind.Folder() != folder {
			add("/kind", finding.Error, fmt.Sprintf("a record of kind %q is in %s/", r.Kind, folder),
				fmt.Sprintf("move it to %s/, or correct the kind", r.Kind.Folder()))
		}
		if first, dup := seen[r.ID]; dup {
			add("/id", finding.Error, fmt.Sprintf("id %q is already used by %s", r.ID, first),
				"ids are unique across the register and never reused: choose another")
		} else {
			seen[r.ID] = file
		}
		if p := r.Point; p != nil && !geo.InNetherlands(p.Lat, p.Lon) {
			ptr, help := "/location/point", "check the coordinates: point is WGS84 latitude and longitude in degrees"
			if r.FromRD {
				ptr, help = "/location/point_rd", "check the coordinates: point_rd is Rijksdriehoek x and y in metres"
			}
			if !r.FromRD && geo.InNetherlands(p.Lon, p.Lat) {
				help = "lat and lon look swapped: lat is about 51-53 in the Netherlands, lon about 3-7"
			}
			add(ptr, finding.Warning, fmt.Sprintf("the sensor's position (%.5f, %.5f) lies outside the Netherlands", p.Lat, p.Lon), help)
		}
		for i, s := range r.UsesSensors {
			if other := byID[s]; other != nil && other.Kind != record.Sensor {
				add(fmt.Sprintf("/uses_sensors/%d", i), finding.Error, fmt.Sprintf("uses_sensors names %q, which is an algorithm", s),
					"list only sensors here")
			} else if other == nil && !sensorIDs[s] {
				add(fmt.Sprintf("/uses_sensors/%d", i), finding.Error, fmt.Sprintf("uses_sensors names %q, which is not in the register", s),
					"add the sensor's record, or correct the id")
			}
		}
	}
	return fs
}

// sortEntries puts the files that loaded as records in the order of the
// register's records (register.New): sensors first, then by id and file.
func sortEntries(entries []*fileResult) {
	order := func(k record.Kind) int {
		if k == record.Sensor {
			return 0
		}
		return 1
	}
	slices.SortFunc(entries, func(a, b *fileResult) int {
		return cmp.Or(cmp.Compare(order(a.facts.Kind), order(b.facts.Kind)), cmp.Compare(a.facts.ID, b.facts.ID), cmp.Compare(a.file, b.file))
	})
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
