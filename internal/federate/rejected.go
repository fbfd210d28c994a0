package federate

import (
	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/report"
)

// Rejected is a record of a member's register the national register
// leaves out because it does not read as a record (in open data), or
// shares its id with another: where it is and why, for the run to report.
type Rejected struct {
	// File is the open data's file: register.json as the source names it,
	// or a part as register.json links it; or a register folder's record
	// file.
	File string `json:"file"`
	// Record is its place in the open data file's list of records, from
	// 1; 0 for a record file.
	Record int `json:"record,omitempty"`
	// ID is its id, when that is a valid one; another is not repeated.
	ID  string      `json:"id,omitempty"`
	Why RejectedWhy `json:"why"`
	// Shared is how many records of the open data have the id
	// (RejectedSharedID).
	Shared int `json:"shared,omitempty"`
}

// RejectedWhy is why a record of open data is left out.
type RejectedWhy string

// Why a record of open data is left out.
const (
	RejectedNotARecord  RejectedWhy = "not_a_record"
	RejectedNoID        RejectedWhy = "no_id"
	RejectedInvalidID   RejectedWhy = "invalid_id"
	RejectedInvalidKind RejectedWhy = "invalid_kind"
	RejectedSharedID    RejectedWhy = "shared_id"
)

// Unreadable is a register with records that are left out because they
// do not read as records or share an id (Part.Rejected).
type Unreadable struct {
	Code         string     `json:"code"`
	Organisation string     `json:"organisation"`
	Source       string     `json:"source"`
	Records      []Rejected `json:"records"`
}

// In says in lang where the record is and why it is left out, on one
// line: a file's name is the member's, and may hold any character
// (report.CleanPath).
func (r Rejected) In(lang string) string {
	r.File = report.CleanPath(r.File)
	var where string
	switch {
	case r.Record == 0 && r.ID == "":
		where = r.File
	case r.Record == 0:
		where = msgRejectedFileID.Format(lang, r.File, r.ID)
	case r.ID != "":
		where = msgRejectedAtID.Format(lang, r.Record, r.File, r.ID)
	default:
		where = msgRejectedAt.Format(lang, r.Record, r.File)
	}
	var why string
	switch r.Why {
	case RejectedNoID:
		why = msgRejectedNoID.In(lang)
	case RejectedInvalidID:
		why = msgRejectedInvalidID.In(lang)
	case RejectedInvalidKind:
		why = msgRejectedInvalidKind.In(lang)
	case RejectedSharedID:
		why = msgRejectedSharedID.Format(lang, r.Shared)
	default:
		why = msgRejectedNotARecord.In(lang)
	}
	return where + ": " + why
}

// Why a record of open data is left out, and where it is.
var (
	msgRejectedAt         = message.New("record %d of %s", "registratie %d van %s")
	msgRejectedAtID       = message.New("record %d of %s (id %s)", "registratie %d van %s (id %s)")
	msgRejectedFileID     = message.New("%s (id %s)", "%s (id %s)")
	msgRejectedNotARecord = message.New("it does not read as a record of the record format",
		"het is geen leesbare registratie in het registerformaat")
	msgRejectedNoID      = message.New("it has no id", "het heeft geen id")
	msgRejectedInvalidID = message.New("its id is not valid: an id is 2 to 63 characters, lower-case letters a-z, digits and hyphens, starting with a letter or digit",
		"het id is niet geldig: een id is 2 tot 63 tekens, kleine letters a-z, cijfers en koppeltekens, en begint met een letter of cijfer")
	msgRejectedInvalidKind = message.New(`its kind is not "sensor" or "algorithm"`, `de soort (kind) is niet "sensor" of "algorithm"`)
	msgRejectedSharedID    = message.New("%d records have this id, which is one record's only: all are left out",
		"%d registraties hebben dit id, dat van één registratie alleen is: ze zijn allemaal weggelaten")
)
