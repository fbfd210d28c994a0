package opendata

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/voorbeeldstad/register/internal/csvcell"
	"github.com/voorbeeldstad/register/internal/record"
)

// column is one CSV column: its header, the record field it shows (for the
// withheld check) and how to read it.
type column struct {
	name  string
	field string
	value func(r *record.Record) string
}

func loc(r *record.Record, f func(*record.Location) string) string {
	if r.Location == nil {
		return ""
	}
	return f(r.Location)
}

func boolText(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// common are the columns both kinds share, first in each file.
var common = []column{
	{"id", "id", func(r *record.Record) string { return r.ID }},
	{"name", "name", func(r *record.Record) string { return r.Name }},
	{"status", "status", func(r *record.Record) string { return r.Status }},
}

// shared follow the kind's own columns.
var shared = []column{
	{"summary", "summary", func(r *record.Record) string { return r.Summary }},
	{"purpose", "purpose", func(r *record.Record) string { return r.Purpose }},
	{"organisation", "organisation.name", func(r *record.Record) string { return r.Organisation.Name }},
	{"organisation_type", "organisation.type", func(r *record.Record) string { return r.Organisation.Type }},
	{"owner_role", "owner.role", func(r *record.Record) string { return r.Owner.Role }},
	{"owner_email", "owner.email", func(r *record.Record) string { return r.Owner.Email }},
	{"themes", "themes", func(r *record.Record) string { return strings.Join(r.Themes, ";") }},
	{"personal_data", "personal_data.processed", func(r *record.Record) string { return r.PersonalData.Processed }},
	{"dpia_status", "dpia.status", func(r *record.Record) string {
		if r.DPIA == nil {
			return ""
		}
		return r.DPIA.Status
	}},
	{"retention", "retention", func(r *record.Record) string { return r.Retention }},
	{"lifecycle_start", "lifecycle.start", func(r *record.Record) string { return r.Lifecycle.Start }},
	{"lifecycle_end", "lifecycle.end", func(r *record.Record) string { return r.Lifecycle.End }},
	{"evaluation_interval", "evaluation.interval", func(r *record.Record) string { return r.Evaluation.Interval }},
	{"evaluation_last", "evaluation.last", func(r *record.Record) string { return r.Evaluation.Last }},
	{"ai_act_category", "ai_act.category", func(r *record.Record) string {
		if r.AIAct == nil {
			return ""
		}
		return r.AIAct.Category
	}},
	{"registered_on", "registered_on", func(r *record.Record) string { return r.RegisteredOn }},
}

var sensorColumns = concat(common, []column{
	{"sensor_type", "sensor_type", func(r *record.Record) string { return r.SensorType }},
	{"capabilities", "capabilities", func(r *record.Record) string { return strings.Join(r.Capabilities, ";") }},
	{"quantity", "quantity", func(r *record.Record) string {
		if r.Quantity == 0 {
			return "1"
		}
		return strconv.Itoa(r.Quantity)
	}},
	{"location", "location.description", func(r *record.Record) string {
		return loc(r, func(l *record.Location) string { return l.Description })
	}},
	{"area", "location.area", func(r *record.Record) string { return loc(r, func(l *record.Location) string { return l.Area }) }},
	{"lat", "location.point", func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lat)
		}
		return ""
	}},
	{"lon", "location.point", func(r *record.Record) string {
		if p := Position(r); p != nil {
			return coord(p.Lon)
		}
		return ""
	}},
	{"mobile", "location.mobile", func(r *record.Record) string {
		return loc(r, func(l *record.Location) string { return strconv.FormatBool(l.Mobile) })
	}},
	{"signage", "signage.present", func(r *record.Record) string {
		if r.Signage == nil {
			return ""
		}
		return boolText(r.Signage.Present)
	}},
	{"manufacturer", "vendor.manufacturer", func(r *record.Record) string {
		if r.Vendor == nil {
			return ""
		}
		return r.Vendor.Manufacturer
	}},
}, shared)

var algorithmColumns = concat(common, []column{
	{"algorithm_type", "algorithm_type", func(r *record.Record) string { return r.AlgorithmType }},
	{"role", "role", func(r *record.Record) string { return r.Role }},
	{"affects_individuals", "affects_individuals", func(r *record.Record) string { return boolText(r.AffectsIndividuals) }},
	{"publication_category", "publication_category", func(r *record.Record) string { return r.PublicationCategory }},
	{"self_learning", "self_learning", func(r *record.Record) string { return boolText(r.SelfLearning) }},
	{"datasets", "datasets", func(r *record.Record) string {
		names := make([]string, 0, len(r.Datasets))
		for _, d := range r.Datasets {
			names = append(names, d.Name)
		}
		return strings.Join(names, ";")
	}},
	{"source_code_url", "source_code.url", func(r *record.Record) string {
		if r.SourceCode == nil {
			return ""
		}
		return r.SourceCode.URL
	}},
	{"uses_sensors", "uses_sensors", func(r *record.Record) string { return strings.Join(r.UsesSensors, ";") }},
	{"national_register_url", "national_register.url", func(r *record.Record) string {
		if r.NationalRegister == nil {
			return ""
		}
		return r.NationalRegister.URL
	}},
}, shared)

func concat(parts ...[]column) []column {
	var out []column
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Columns returns the CSV header for a kind.
func Columns(kind record.Kind) []string {
	cols := columnsFor(kind)
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func columnsFor(kind record.Kind) []column {
	if kind == record.Algorithm {
		return algorithmColumns
	}
	return sensorColumns
}

// WriteCSV writes the public records of one kind as CSV (RFC 4180: CRLF line
// ends, quoted where needed; UTF-8; dates as in the record, ISO 8601). Lists
// are joined with ";". No cell starts a formula (csvcell). Withheld fields are left empty. Records of the other
// kind are skipped, so the whole register may be passed.
func WriteCSV(w io.Writer, kind record.Kind, recs []*record.Record) error {
	if kind != record.Sensor && kind != record.Algorithm {
		return fmt.Errorf("write csv: unknown kind %q", kind)
	}
	cols := columnsFor(kind)
	cw := csvcell.NewWriter(w)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	for _, r := range Public(recs) {
		if r.Kind != kind {
			continue
		}
		for i, c := range cols {
			if r.IsWithheld(c.field) {
				row[i] = ""
				continue
			}
			row[i] = c.value(r)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write %s csv: %w", kind, err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("write %s csv: %w", kind, err)
	}
	return nil
}
