package record

import (
	"cmp"
	"slices"

	"github.com/voorbeeldstad/register/internal/config"
)

// Register is a loaded register: its records and configuration.
type Register struct {
	// Root is the register's folder (the one holding sensors/ and algorithms/).
	Root string
	// Config is register.yaml with defaults filled in.
	Config *config.Config
	// Records are the records that loaded, sorted by kind (sensors first) and id.
	Records []*Record

	byID map[string]*Record
}

// NewRegister builds a register from loaded records; it sorts them and
// indexes them by id. When two records share an id the first one (by file)
// is the one ByID returns.
func NewRegister(root string, cfg *config.Config, recs []*Record) *Register {
	if cfg == nil {
		cfg = config.Default()
	}
	slices.SortFunc(recs, func(a, b *Record) int {
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), cmp.Compare(a.ID, b.ID), cmp.Compare(a.File, b.File))
	})
	reg := &Register{Root: root, Config: cfg, Records: recs, byID: make(map[string]*Record, len(recs))}
	for _, r := range recs {
		if _, dup := reg.byID[r.ID]; !dup {
			reg.byID[r.ID] = r
		}
	}
	return reg
}

func kindOrder(k Kind) int {
	if k == Sensor {
		return 0
	}
	return 1
}

// ByID returns the record with the id, or nil.
func (r *Register) ByID(id string) *Record { return r.byID[id] }

// OfKind returns the records of one kind, in id order.
func (r *Register) OfKind(k Kind) []*Record {
	var out []*Record
	for _, rec := range r.Records {
		if rec.Kind == k {
			out = append(out, rec)
		}
	}
	return out
}

// UsedBy returns the algorithms that list the sensor in uses_sensors.
func (r *Register) UsedBy(sensorID string) []*Record {
	var out []*Record
	for _, rec := range r.Records {
		if slices.Contains(rec.UsesSensors, sensorID) {
			out = append(out, rec)
		}
	}
	return out
}
