// Package register is a loaded register: its records and its configuration
// together, as the checklist, the outputs and the commands take them. The
// record model (internal/record) knows nothing of configuration; the
// configuration (internal/config) nothing of records.
package register

import (
	"cmp"
	"slices"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/nearsort"
	"github.com/voorbeeldstad/register/internal/record"
)

// Register is a loaded register: its records and configuration.
type Register struct {
	// Root is the register's folder (the one holding sensors/ and algorithms/).
	Root string
	// Config is register.yaml with defaults filled in.
	Config *config.Config
	// Records are the records that loaded, sorted by kind (sensors first) and id.
	Records []*record.Record
	// Sums are the sha256 hashes of the record files' content as loaded,
	// by file; nil or without a file when the load did not hash it.
	Sums map[string][32]byte
	// Linked are the record files the load read through a symbolic link
	// (to a file inside the register); nil when none was.
	Linked map[string]bool

	byID map[string]*record.Record
}

// New builds a register from loaded records; it sorts them and
// indexes them by id. When two records share an id the one ByID returns
// is the one the id names (record.ClaimsID): the file named after it,
// else the first by file, as the load reports the other.
func New(root string, cfg *config.Config, recs []*record.Record) *Register {
	if cfg == nil {
		cfg = config.Default()
	}
	// Records are mostly given in this order already (the load's, or a
	// register's own views), or nearly: sorted anyway, they were a
	// hundredth of a build after one change.
	nearsort.Func(recs, inOrder)
	reg := &Register{Root: root, Config: cfg, Records: recs, byID: make(map[string]*record.Record, len(recs))}
	for _, r := range recs {
		if first, dup := reg.byID[r.ID]; !dup || record.ClaimsID(r.File, first.File, r.ID) {
			reg.byID[r.ID] = r
		}
	}
	return reg
}

// inOrder is the order of a register's records: sensors first, then by
// id, then by file.
func inOrder(a, b *record.Record) int {
	return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), cmp.Compare(a.ID, b.ID), cmp.Compare(a.File, b.File))
}

func kindOrder(k record.Kind) int {
	if k == record.Sensor {
		return 0
	}
	return 1
}

// ByID returns the record with the id, or nil.
func (r *Register) ByID(id string) *record.Record { return r.byID[id] }

// Publishable reports whether rec can have a page and a row of the open
// data of its own: a valid id, a known kind, and the first record with
// its id.
func (r *Register) Publishable(rec *record.Record) bool {
	return record.ValidID(rec.ID) && (rec.Kind == record.Sensor || rec.Kind == record.Algorithm) && r.ByID(rec.ID) == rec
}

// OfKind returns the records of one kind, in id order.
func (r *Register) OfKind(k record.Kind) []*record.Record {
	var out []*record.Record
	for _, rec := range r.Records {
		if rec.Kind == k {
			out = append(out, rec)
		}
	}
	return out
}

// UsedBy returns the algorithms that list the sensor in uses_sensors.
func (r *Register) UsedBy(sensorID string) []*record.Record {
	var out []*record.Record
	for _, rec := range r.Records {
		if slices.Contains(rec.UsesSensors, sensorID) {
			out = append(out, rec)
		}
	}
	return out
}
