package load

import (
	"cmp"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/geo"
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/nearsort"
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
	// The entry each id names, and any other of that id is a second of
	// (record.ClaimsID): the file named after the id, else the first in
	// the register's order.
	byID := make(map[string]*fileResult, len(entries))
	for _, e := range entries {
		if first, dup := byID[e.facts.ID]; !dup || record.ClaimsID(e.file, first.file, e.facts.ID) {
			byID[e.facts.ID] = e
		}
	}
	// The files of the entries by folder and id (stem), made when an id
	// that does not match its file name needs them (idHelp).
	var stems map[string]bool
	taken := func(folder, id string) bool {
		if folder == record.Sensor.Folder() && sensorIDs[id] {
			return true
		}
		if stems == nil {
			stems = make(map[string]bool, len(entries))
			for _, e := range entries {
				stems[path.Dir(e.file)+"/"+record.FileStem(e.file)] = true
			}
		}
		return stems[folder+"/"+id]
	}
	var fs []finding.Finding
	for _, e := range entries {
		r, file := e.facts, e.file
		add := func(ptr string, sev finding.Severity, msg, help message.Phrase) {
			f := worded(finding.Finding{File: file, Record: r.ID, Rule: finding.RuleRegister,
				Severity: sev, Path: ptr}, msg, help)
			f.Line, f.Column = r.Spots.at(ptr)
			fs = append(fs, f)
		}
		if base := record.FileStem(file); r.ID != base {
			add("/id", finding.Error, msgIDNotFileName.With(r.ID, path.Base(file)), idHelp(e, byID, taken))
		}
		if folder, _, _ := strings.Cut(file, "/"); r.Kind.Folder() != "" && r.Kind.Folder() != folder {
			add("/kind", finding.Error, msgKindInFolder.With(string(r.Kind), folder), msgMoveOrKind.With(r.Kind.Folder()))
		}
		if first := byID[r.ID]; first != e {
			add("/id", finding.Error, msgIDUsed.With(r.ID, first.file), msgIDUnique.With())
		}
		if p := r.Point; p != nil && !geo.InNetherlands(p.Lat, p.Lon) {
			ptr, help := "/location/point", msgCheckPoint.With()
			if r.FromRD {
				ptr, help = "/location/point_rd", msgCheckPointRD.With()
			}
			if !r.FromRD && geo.InNetherlands(p.Lon, p.Lat) {
				help = msgLatLonSwapped.With()
			}
			add(ptr, finding.Warning, msgOutsideNL.With(p.Lat, p.Lon), help)
		}
		for i, s := range r.UsesSensors {
			if other := byID[s]; other != nil && other.facts.Kind != record.Sensor {
				add(fmt.Sprintf("/uses_sensors/%d", i), finding.Error, msgUsesAlgorithm.With(s), msgOnlySensors.With())
			} else if other == nil && !sensorIDs[s] {
				add(fmt.Sprintf("/uses_sensors/%d", i), finding.Error, msgUsesMissing.With(s), msgAddSensor.With())
			}
		}
	}
	return fs
}

// idHelp says what to do about the entry e whose id is not its file's
// name, without ever proposing an invalid id or one that is taken: rename
// the file after its id, when the id is valid, e owns it (byID) and no
// other file of the folder has that name (taken); set the id to the file's
// name, when that is a valid id no other record has; both when both do.
// When neither does, rename the file to an id made of its name (fileID),
// one that is free, and set the same id; failing that, to a valid id of
// one's choosing.
func idHelp(e *fileResult, byID map[string]*fileResult, taken func(folder, id string) bool) message.Phrase {
	id, base, folder := e.facts.ID, record.FileStem(e.file), path.Dir(e.file)
	rename := record.ValidID(id) && byID[id] == e && !taken(folder, id)
	set := record.ValidID(base) && byID[base] == nil
	switch {
	case rename && set:
		return msgRenameOrSetID.With(id, base)
	case rename:
		return msgRenameFile.With(id)
	case set:
		return msgSetID.With(base)
	}
	if s := fileID(base); s != "" && byID[s] == nil && !taken(folder, s) {
		return msgRenameSetID.With(s)
	}
	return msgRenameValidID.With()
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
	// They come in the order of their files, nearly theirs.
	nearsort.Func(entries, func(a, b *fileResult) int {
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
